"""The blocks of a two-sided wide table (`govbudget._ingest._wide_sides`), on the Fuzhou
收支预算总表 in pdftotext's layout text (tests/data/real)."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from govbudget import Report, RowKind, TableKind, read_report

D = Decimal
REAL = Path(__file__).parent / "data" / "real"


@cache
def fuzhou() -> Report:
    return read_report(REAL / "fuzhou-mzj-2026-budget.txt")


def test_each_zone_is_a_block_with_its_figures_in_its_column() -> None:
    t = fuzhou().table(TableKind.SUMMARY)
    assert t is not None and t.doubts == ()
    income, spending = t.blocks
    assert (income.name, [c.key for c in income.columns]) == ("income", ["amount"])
    assert [(r.name, r.values) for r in income.rows][:3] == [
        ("一般公共预算拨款收入", (D("2144.92"),)), ("政府性基金预算拨款收入", (D("75.00"),)),
        ("国有资本经营预算拨款收入", (None,))]
    got = {r.name: r.values[0] for r in spending.rows}
    assert (got["社会保障和就业支出"], got["住房保障支出"], got["其他支出"]) == (
        D("2014.77"), D("160.15"), D("75.00"))


def test_totals_are_totals_and_items_level_one() -> None:
    t = fuzhou().table(TableKind.SUMMARY)
    assert t is not None
    for block in t.blocks:
        kinds = {r.name: (r.kind, r.level) for r in block.rows}
        assert all(k is RowKind.TOTAL and lvl is None
                   for name, (k, lvl) in kinds.items() if name.endswith("合计"))
        assert all(lvl == 1 for name, (k, lvl) in kinds.items() if k is RowKind.DATA
                   and name.endswith(("收入", "支出")))
