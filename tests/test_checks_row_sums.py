"""Tests for govbudget.checks._row_sums: a row's total against its parts, group 小计s."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from govbudget import Block, Column, Report, Row, Table, TableKind, Unit
from govbudget.checks._context import Context
from govbudget.checks._row_sums import _group_subtotals, _row_columns_sum, _rows_not_adding_up

CENTS = st.integers(0, 10**9).map(lambda n: Decimal(n).scaleb(-2))
_CELL = st.one_of(st.none(), st.decimals(min_value=-10**4, max_value=10**4, places=2,
                                         allow_nan=False, allow_infinity=False))


def _table(keys: list[str], rows: list[tuple[Decimal | None, ...]]) -> tuple[Report, Table]:
    block = Block("", tuple(Column(k) for k in keys),
                  tuple(Row(f"行{i}", values) for i, values in enumerate(rows)))
    table = Table(kind=TableKind.INCOME, number="2", title="收入总表", unit=Unit.WAN_YUAN,
                  blocks=(block,))
    return Report(tables=(table,)), table


@given(st.lists(st.lists(st.one_of(st.none(), CENTS), min_size=3, max_size=3), min_size=1,
                max_size=20), st.integers(0, 19), st.booleans())
def test_a_row_is_reported_exactly_when_its_total_is_not_the_sum(
        parts: list[list[Decimal | None]], which: int, wrong: bool) -> None:
    """Property: each row whose total is the exact sum of its parts (blanks as zeros) is
    passed; a row made one cent off is the one reported, as an error."""
    rows = [(sum((v for v in p if v is not None), Decimal(0)).quantize(Decimal("0.01")), *p)
            for p in parts]
    k = which % len(rows)
    if wrong:
        total = rows[k][0]
        assert total is not None
        rows[k] = (total + Decimal("0.05"), *rows[k][1:])
    report, t = _table(["total", "a", "b", "c"], rows)
    found = list(_row_columns_sum(Context(report), "table.row.sources", t, t.blocks[0],
                                  ["a", "b", "c"], "合计与各来源之和", "total vs sources"))
    assert [f.location.row_name for f in found] == ([f"行{k}"] if wrong else [])


def test_a_group_subtotal_takes_its_parts_out_of_the_sources() -> None:
    report, t = _table(["total", "grant", "general_budget", "fund_budget", "business_income"],
                       [(Decimal("100"), Decimal("90"), Decimal("80"), Decimal("11"),
                         Decimal("10"))])
    parts = ["grant", "general_budget", "fund_budget", "business_income"]
    found = list(_group_subtotals(Context(report), "table.row.sources", t, t.blocks[0], parts))
    assert parts == ["grant", "business_income"]
    assert [f.location.column for f in found] == ["grant"]  # 90 is not 80 + 11


@given(st.integers(1, 5).flatmap(lambda n: st.lists(
    st.tuples(st.booleans(), st.lists(_CELL, min_size=n, max_size=n)), max_size=12)))
def test_rows_passed_over_add_up_exactly(rows_spec: list[tuple[bool, list[Decimal | None]]]
                                         ) -> None:
    """A row `_rows_not_adding_up` passes over is one whose total is exactly the sum of
    its parts (blanks as zeros, `exact_sum`); every other row goes on to the long way."""
    from govbudget import Unit
    from govbudget.checks._context import exact_sum

    rows = []
    for i, (adds_up, parts) in enumerate(rows_spec):
        total = sum((v for v in parts if v is not None), Decimal(0)) if adds_up else (
            parts[0] if parts else None)
        if adds_up and total == 0 and i % 2:
            total = None  # a blank total over zeros adds up too
        rows.append(Row(name=f"r{i}", values=(total, *parts)))
    if not rows:
        return
    positions = list(range(1, len(rows[0].values)))
    kept = set(map(id, _rows_not_adding_up(rows, 0, positions)))
    for r in rows:
        adds = exact_sum(Unit.YUAN, r.values[0], r.values[1:])
        if id(r) not in kept:
            assert adds, r
        if not adds:
            assert id(r) in kept, r


def test_the_parts_of_a_carry_over_group_are_not_counted_twice() -> None:
    """上年结转 小计 | 财政拨款 | 一般公共预算 | 政府性基金 (carryover_*): the 财政拨款 of the
    carry-over is the sum of its two parts, not a third part."""
    keys = ["total", "income", "general_budget", "carryover", "carryover_grant",
            "carryover_general_budget", "carryover_fund_budget"]
    values = ("100", "80", "80", "20", "20", "15", "5")
    report, _ = _table(keys, [tuple(Decimal(v) for v in values)])
    from govbudget.checks import check_report

    assert check_report(report, rules=["table.row.sources"]).findings == ()
    wrong = tuple(Decimal(v) for v in ("100", "80", "80", "20", "20", "16", "5"))
    found = check_report(_table(keys, [wrong])[0], rules=["table.row.sources"]).errors
    assert [f.location.column for f in found] == ["carryover_grant"]


def test_a_subtotal_after_its_parts_and_a_carry_over_without_this_year_s_subtotal() -> None:
    """财政拨款小计 printed after 一般公共预算 | 政府性基金, and 上年结转 小计 with its parts in
    a table that prints no 本年收入 小计: the parts are not counted twice."""
    from govbudget.checks import check_report

    after = ["total", "general_budget", "fund_budget", "grant", "business_income"]
    report, _ = _table(after, [tuple(Decimal(v) for v in ("110", "70", "30", "100", "10"))])
    assert check_report(report, rules=["table.row.sources"]).findings == ()
    carry = ["total", "general_budget", "fund_budget", "carryover",
             "carryover_general_budget", "carryover_fund_budget"]
    report, _ = _table(carry, [tuple(Decimal(v) for v in ("120", "70", "30", "20", "15", "5"))])
    assert check_report(report, rules=["table.row.sources"]).findings == ()
    wrong, _ = _table(carry, [tuple(Decimal(v) for v in ("120", "70", "30", "20", "16", "5"))])
    found = check_report(wrong, rules=["table.row.sources"]).errors
    assert [f.location.column for f in found] == ["carryover"]
