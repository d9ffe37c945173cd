"""Tests for govbudget._ingest._table_cells: what a cell reads as, a row's code and level."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Row, RowKind, TableKind
from govbudget._ingest._table_cells import (
    _code_level,
    _fix_unit_levels,
    _is_colnums,
    _is_total,
    _is_value,
    _Reading,
    _strip_outline,
    _take_code,
    _value_of,
    units_by_sums,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("1 2 3 4 5 6 7", True), ("  1 2 3", True), ("\u30001 2 3", True),
    ("栏次 1 2 3", True), ("  栏号 1 栏号 2", True),
    ("5 3 2", False),  # small amounts in 元, not consecutive
    ("2010101 一般行政管理事务 463.00", False), ("合计 1 2 3", False), ("栏目 1 2", False),
    ("", False),
])
def test_column_number_lines(text: str, expected: bool) -> None:
    assert _is_colnums(text) is expected


def test_values_and_totals() -> None:
    assert _value_of("1,234.50") == Decimal("1234.50") and _value_of("35O.50") is None
    assert _is_value("0.00") and _is_value("-") and not _is_value("") and not _is_value("合计")
    assert _is_total("合 计") and _is_total("本年支出合计") and _is_total("部门合计")
    assert not _is_total("合计数说明")
    # a table's total printed 小计 (no class is named so); a summary's 当年收入小计 is the
    # two-sided reader's
    assert _is_total("小计") and _is_total("小 计") and not _is_total("小计数")


def test_codes_and_levels() -> None:
    assert _take_code(("205", "02", "05", "普通教育", "1.00")) == ("2050205", ("普通教育", "1.00"))
    assert _take_code(("2010101", "行政运行")) == ("2010101", ("行政运行",))
    # a part printed without its leading zero (301 2 = 30102), only before a name
    assert _take_code(("301", "2", "津贴补贴", "1")) == ("30102", ("津贴补贴", "1"))
    assert _take_code(("208", "5", "5", "0")) == ("208", ("5", "5", "0"))
    assert _take_code(("301", "7")) == ("301", ("7",))
    assert _take_code(("合计", "1.00")) == (None, ("合计", "1.00"))
    assert [_code_level(c) for c in ("201", "20101", "2010101", "201010101")] == [1, 2, 3, 4]
    assert _strip_outline("表一2024年预算收支总表") == "2024年预算收支总表"


def test_unit_levels_numbered_from_one() -> None:
    rows = [Row("某单位", (None,), level=2), Row("项目1", (None,), level=4),
            Row("合计", (None,), kind=RowKind.TOTAL)]
    _fix_unit_levels(rows, TableKind.PROJECTS)
    assert [(r.level, r.kind) for r in rows] == [(1, RowKind.GROUP), (2, RowKind.DATA),
                                                 (None, RowKind.TOTAL)]


def test_an_unreadable_amount_is_a_finding_not_a_zero() -> None:
    reader = _Reading(TableKind.EXPENDITURE, [])
    assert reader.amount("12.50", 3) == Decimal("12.50")
    assert reader.amount("—", 3) is None and reader.findings == []
    assert reader.amount("35O.50", 4) is None
    assert [(f.rule, f.location.line, f.actual) for f in reader.findings] == [
        ("reading.unparsed_amount", 4, "35O.50")]


CELLS = ["", "—", "-", "0.00", "12.50", "1,234.00", "35O.50", "x"]


@given(st.lists(st.sampled_from(CELLS), max_size=6), st.integers(0, 8))
def test_a_rows_amounts_are_each_cells_amount_padded(cells: list[str], n: int) -> None:
    """Property: `_Reading.amounts` gives what `_Reading.amount` gives cell by cell, padded
    with blanks to ``n`` columns, and reports the same unreadable cells."""
    row, one = _Reading(TableKind.EXPENDITURE, []), _Reading(TableKind.EXPENDITURE, [])
    got = row.amounts(cells, 7, n)
    expected = tuple(one.amount(c, 7) for c in cells)
    assert got == expected + (None,) * max(0, n - len(cells))
    assert [(f.rule, f.actual) for f in row.findings] == [
        (f.rule, f.actual) for f in one.findings]
    assert len(row.findings) == sum(c in ("35O.50", "x") for c in cells)


@given(st.lists(st.sampled_from(["1", "2", "3", "12", "123", "2010101", "5.00", " ", "  ", "\t",
                                 "\u3000", "栏次", "²", "x"]), max_size=9).map("".join))
def test_colnums_pre_test_changes_no_answer(text: str) -> None:
    # _is_colnums skips its pattern for a line opening with three digits: the pattern's
    # first number has one or two.
    import itertools

    from govbudget._ingest._table_cells import _COLNUM_LABEL, _COLNUMS

    head = text.lstrip()[:1]
    if not head.isdigit():
        expected = head == "栏" and _COLNUM_LABEL.match(text) is not None
    elif not _COLNUMS.match(text):
        expected = False
    else:
        nums = [int(x) for x in text.split()]
        expected = all(b == a + 1 for a, b in itertools.pairwise(nums))
    assert _is_colnums(text) == expected


D = Decimal
_P = TableKind.PROJECTS


def _flat(*rows: tuple[str, str]) -> list[Row]:
    return [Row(name, (D(v),), level=1, kind=RowKind.GROUP) for name, v in rows]


@given(st.lists(st.lists(st.integers(1, 10**5), min_size=1, max_size=4), min_size=1, max_size=4))
def test_units_over_their_projects_are_told_by_their_sums(units: list[list[int]]) -> None:
    """A flat list (every row at one level) of units, each followed by its projects: each
    unit row, whose figures add up its projects', is a group over them."""
    rows: list[Row] = [Row("合计", (D(sum(map(sum, units))) / 100,), kind=RowKind.TOTAL)]
    for i, projects in enumerate(units):
        rows.append(Row(f"某{i}局", (D(sum(projects)) / 100,), level=1, kind=RowKind.GROUP))
        rows += [Row(f"项目经费{i}-{k}", (D(v) / 100,), level=1, kind=RowKind.GROUP)
                 for k, v in enumerate(projects)]
    out, doubtful = units_by_sums(rows, _P, None)
    assert not doubtful
    assert [(r.level, r.kind) for r in out][1:] == [
        (1, RowKind.GROUP) if r.name.endswith("局") else (2, RowKind.DATA) for r in rows[1:]]


def test_a_project_as_big_as_the_rows_after_it_is_no_unit_by_coincidence() -> None:
    """一网通办 200000 over two projects of 100000 each is a coincidence when the 合计 adds
    up all three rows; with no 合计 one unit-like row of one project is not taken either."""
    total = Row("合计", (D(400000),), kind=RowKind.TOTAL)
    rows = [total, *_flat(("一网通办服务中心", "200000"), ("热线运行", "100000"),
                          ("窗口运维", "100000"))]
    assert units_by_sums(rows, _P, None) == (rows, False)
    rows = _flat(("智慧法院", "20.00"), ("案件审判经费", "20.00"))
    assert units_by_sums(rows, _P, None) == (rows, False)


def test_unit_rows_that_do_not_add_up_make_the_levels_doubtful() -> None:
    rows = _flat(("某某中心（某发展中心）", "30.00"), ("运行经费", "20.00"), ("培训费", "9.00"))
    # printing no 合计: a flat list, as printed (no reading can be checked)
    assert units_by_sums(rows, _P, None) == (rows, False)
    # with a 合计 the rows do not add up to flat either (30.00, not 59.00): doubtful; flat
    # they do (59.00): a flat list
    assert units_by_sums([Row("合计", (D("30.00"),), kind=RowKind.TOTAL), *rows], _P, None)[1]
    assert not units_by_sums([Row("合计", (D("59.00"),), kind=RowKind.TOTAL), *rows], _P,
                             None)[1]
    # a project before the first unit, and a 合计 the flat list misses
    odd = _flat(("培训费", "9.00"), ("某局", "9.00"), ("运维费", "9.00"))
    assert units_by_sums([Row("合计", (D("18.00"),), kind=RowKind.TOTAL), *odd], _P, None)[1]


@pytest.mark.parametrize("name", ["人代会", "全市运动会", "新时代文明实践中心"])
def test_a_project_named_like_a_unit_in_a_flat_list_is_no_doubt(name: str) -> None:
    """A flat list whose rows add up to its 合计: a project named like a unit (…会, …中心)
    is a project."""
    rows = [Row("合计", (D("100.00"),), kind=RowKind.TOTAL),
            *_flat(("代表履职培训", "20.00"), (name, "50.00"), ("信息化运维", "30.00"))]
    assert units_by_sums(rows, _P, None) == (rows, False)
    # printing no 合计, a list that does not open with a unit is flat too
    assert units_by_sums(rows[1:], _P, None) == (rows[1:], False)
    # the table's own unit, by its name, even with no institution ending
    out, doubtful = units_by_sums(_flat(("某某工程", "5.00"), ("设计费", "5.00")), _P, "某某工程")
    assert not doubtful and out[0].kind is RowKind.GROUP and out[1].level == 2


def test_levels_read_or_no_unit_rows_are_left_as_they_are() -> None:
    indented = [Row("某局", (D(3),), level=1, kind=RowKind.GROUP),
                Row("设备费", (D(3),), level=2)]
    assert units_by_sums(indented, _P, None) == (indented, False)
    flat = _flat(("设备费", "3.00"), ("培训费", "2.00"))
    assert units_by_sums(flat, _P, None) == (flat, False)
    assert units_by_sums(flat, TableKind.EXPENDITURE, None) == (flat, False)
