"""Tests for govbudget.checks.narrative._lookup: the table cells narrative figures are
compared with (blank cells, zeros, rows found through the catalogue)."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govbudget import Report, RowKind, TableKind
from govbudget.checks._context import norm
from govbudget.checks.narrative._lookup import (
    _block,
    _catalogue_item,
    _cell,
    _has_data,
    _named_as,
    _total_row,
    _zero,
)
from govbudget.testing import build_report

D = Decimal


def _report() -> Report:
    return build_report(leaves=[("2010101", D("1000000"), D("0"))],
                        economic=[("30101", D("1000000"))], projects=[])


def test_a_cell_and_its_names() -> None:
    t = _report().table(TableKind.EXPENDITURE)
    assert t is not None
    b = _block(t)
    assert b is not None
    total = _total_row(b)
    assert total is not None and total.kind is RowKind.TOTAL
    ref = _cell(t, b, total, "total")
    assert ref is not None and not ref.le
    assert ref.figure.money.yuan == D("1000000")
    assert "（" in ref.what and ref.what_en.startswith("expenditure")


def test_a_blank_cell_of_a_block_with_nothing_read_is_not_a_zero() -> None:
    t = _report().table(TableKind.EXPENDITURE)
    assert t is not None and t.blocks
    b = t.blocks[0]
    blank = attrs.evolve(b, rows=tuple(attrs.evolve(r, values=tuple(None for _ in r.values))
                                        for r in b.rows))
    t2 = attrs.evolve(t, blocks=(blank,))
    assert _cell(t2, blank, blank.rows[0], "total") is None
    assert not _has_data(t2)
    assert _has_data(t)


def test_a_row_the_table_does_not_print_is_an_exact_zero() -> None:
    t = _report().table(TableKind.SUMMARY)
    assert t is not None
    ref = _zero(t, "事业收入", "amount")
    assert ref.figure.money.amount == 0 and ref.figure.quantum == 0
    assert "事业收入" in ref.what and "zero" in ref.what_en


def test_an_item_found_through_the_catalogue() -> None:
    """行政运行 under 人大事务 (201 一般公共服务支出) is 2010101; a path naming a 款 the
    class does not have identifies nothing."""
    path = (norm("一般公共服务支出"), norm("人大事务"))
    assert _catalogue_item("行政运行", path) == "2010101"
    assert _catalogue_item("行政运行", (norm("教育支出"), norm("人大事务"))) is None
    assert _catalogue_item("没有这一项", path) is None


def test_a_row_under_the_carry_over_is_not_the_years_source() -> None:
    """In a summary's income side, （一）一般公共预算拨款 under 二、上年结转 is part of the
    carry-over: it is not the year's 一般公共预算拨款收入 (no figure to compare with)."""
    from decimal import Decimal

    from govbudget import Block, Column, Row
    from govbudget._tables import RowKind
    from govbudget.checks.narrative._lookup import _under_carry

    rows = [Row(name="一、本年收入", values=(Decimal("17552.65"),)),
            Row(name="（一）一般公共预算资金", values=(Decimal("17552.65"),)),
            Row(name="二、上年结转", values=(Decimal("865.06"),)),
            Row(name="（一）一般公共预算拨款", values=(Decimal("865.06"),)),
            Row(name="收入合计", values=(Decimal("18417.70"),), kind=RowKind.TOTAL)]
    b = Block("income", (Column("amount", "预算数"),), rows)
    assert [_under_carry(b, r) for r in rows] == [False, False, False, True, False]


def test_a_path_name_may_drop_the_zhichu_of_its_row() -> None:
    """一般公共服务（类） names 201 一般公共服务支出; 信访事务 names only 信访事务."""
    assert _named_as("一般公共服务支出", "一般公共服务")
    assert _named_as("信访事务", "信访事务")
    assert not _named_as("一般公共服务", "一般公共服务支出")
    assert not _named_as("教育支出", "一般公共服务")
