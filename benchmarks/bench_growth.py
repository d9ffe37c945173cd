"""The check time of a big table grows linearly with its rows.

A synthetic 支出总表 (functional 类/款/项 rows × 合计/基本支出/项目支出) of ``n`` rows in
元 or 万元, one row in every ``1 / share`` with its 合计 off by a few units (so its
row identity and the roll-ups above it fail), checked by `govbudget.check_report`. The
check time of a table ten times bigger, with the same share of wrong rows, should be
about ten times longer: anything the rules do per failing cell over the whole table
(the table's quantum, a look-up by scanning) shows as a growth of 100×.
"""

from __future__ import annotations

import random
import time
from decimal import Decimal

from govbudget import Block, Column, Report, Row, Table, TableKind, Unit, check_report

__all__ = ["check_seconds", "growth", "make_table"]


def make_table(n: int, unit: Unit, *, share: float = 0.001, seed: int = 3) -> Table:
    """An expenditure table of about ``n`` rows; ``share`` of its 项 rows are wrong."""
    rng = random.Random(seed)
    places = Decimal(1) if unit is Unit.YUAN else Decimal("0.01")
    step = max(1, round(1 / share)) if share else 0
    rows: list[Row] = []
    c = 0
    count = 0
    while len(rows) < n:
        cls = f"{100 + c:03d}"
        c += 1
        cls_rows: list[Row] = []
        c_b = c_p = Decimal(0)
        for k in range(1, 100):
            kuan = f"{cls}{k:02d}"
            items: list[Row] = []
            k_b = k_p = Decimal(0)
            for x in range(1, 99):
                if len(rows) + len(cls_rows) + len(items) + 3 > n:
                    break
                b = (Decimal(rng.randint(0, 10**7)) * places).quantize(places)
                p = (Decimal(rng.randint(0, 10**7)) * places).quantize(places)
                k_b += b
                k_p += p
                total = b + p
                count += 1
                if step and count % step == 0:
                    total += 3 * places  # printed wrong
                items.append(Row(name=f"项{x}", values=(total, b, p), code=f"{kuan}{x:02d}",
                                 level=3))
            if not items:
                break
            cls_rows.append(Row(name=f"款{k}", values=(k_b + k_p, k_b, k_p), code=kuan, level=2))
            cls_rows.extend(items)
            c_b += k_b
            c_p += k_p
        rows.append(Row(name=f"类{c}", values=(c_b + c_p, c_b, c_p), code=cls, level=1))
        rows.extend(cls_rows)
    block = Block("", (Column("total", "合计"), Column("basic", "基本支出"),
                       Column("project", "项目支出")), rows)
    return Table(kind=TableKind.EXPENDITURE, number="3", title="支出总表", unit=unit,
                 blocks=(block,))


def check_seconds(table: Table, repeat: int = 1) -> tuple[float, int]:
    """CPU seconds of `check_report` on a report of this one table (best of
    ``repeat``), and the number of findings."""
    report = Report(tables=(table,))
    best = float("inf")
    found = 0
    for _ in range(repeat):
        t = time.process_time()
        found = len(check_report(report).findings)
        best = min(best, time.process_time() - t)
    return best, found


def growth(small: int, unit: Unit, *, factor: int = 10, share: float = 0.001,
           repeat: int = 1) -> tuple[float, float, int, int]:
    """Seconds for ``small`` and ``factor × small`` rows, and their findings."""
    a, fa = check_seconds(make_table(small, unit, share=share), repeat)
    b, fb = check_seconds(make_table(small * factor, unit, share=share), repeat)
    return a, b, fa, fb


if __name__ == "__main__":
    for unit in (Unit.YUAN, Unit.WAN_YUAN):
        for n in (10_000, 100_000):
            s, f = check_seconds(make_table(n, unit))
            print(f"{unit.value} {n:>9,} rows: {s:7.3f} s CPU, {f} findings")
