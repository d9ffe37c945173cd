"""Helpers for the checks tests: a small consistent report and single-cell edits."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govbudget import Report, TableKind
from govbudget.testing import build_report

D = Decimal


def base_report(**kw: object) -> Report:
    """A consistent two-class report: 行政运行 (basic) and two projects."""
    args: dict[str, object] = {
        "leaves": [("2010101", D("1000000"), D("0")), ("2010102", D("0"), D("300000")),
                ("2080505", D("200000"), D("0"))],
        "economic": [("30101", D("700000")), ("30108", D("200000")), ("30201", D("200000")),
                  ("30217", D("100000"))],
        "projects": [("会议经费", D("200000")), ("培训经费", D("100000"))],
    }
    args.update(kw)
    return build_report(**args)  # type: ignore[arg-type]


def set_cell(report: Report, kind: TableKind, row: str, column: str, value: str | None,
             block: str | None = None) -> Report:
    """A copy of ``report`` with one cell changed (row by code, else by name)."""
    tables = []
    done = False
    for t in report.tables:
        if t.kind is kind and not done:
            blocks = []
            for b in t.blocks:
                if block is not None and b.name != block:
                    blocks.append(b)
                    continue
                rows = []
                for r in b.rows:
                    if not done and (r.code == row or (r.code is None and r.name == row)):
                        vals = list(r.values)
                        vals[b.index(column)] = None if value is None else D(value)
                        r = attrs.evolve(r, values=tuple(vals))
                        done = True
                    rows.append(r)
                blocks.append(attrs.evolve(b, rows=tuple(rows)))
            t = attrs.evolve(t, blocks=tuple(blocks))
        tables.append(t)
    if not done:
        raise KeyError((kind, row, column))
    return attrs.evolve(report, tables=tuple(tables))
