"""Tests for govbudget._ingest._two_sided: two-sided tables (收支总表, 财政拨款收支总表)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget import TableKind, Unit
from govbudget._ingest._table_cells import _Reading
from govbudget._ingest._text import split_lines
from govbudget._ingest._two_sided import _drop_row_numbers, read_two_sided

from .ingest_helpers import read_one
from .test_ingest_tables import D, T, vals


class TestTables:
    def test_mof_summary(self) -> None:
        """A MOF-style 收支总表: income sources on the left (year-start balances included),
        classes on the right, totals at the bottom."""
        text = """\
部门收支总表
单位：万元
收入 支出
项目 预算数 项目 预算数
一、财政拨款收入 400.00 一、教育支出 500.00
二、事业收入 80.00{blank}
三、其他收入 20.00{blank}
本年收入合计 500.00 本年支出合计 500.00
年初结转和结余 10.00 年末结转和结余 10.00
收入总计 510.00 支出总计 510.00
""".format(blank=" " * 2)
        t, findings = read_one(text)
        assert findings == []
        inc, exp = t.blocks
        assert [(r.name, r.kind, r.values) for r in inc.rows] == [
            ("财政拨款收入", D, vals("400.00")), ("事业收入", D, vals("80.00")),
            ("其他收入", D, vals("20.00")), ("本年收入合计", T, vals("500.00")),
            ("年初结转和结余", D, vals("10.00")), ("收入总计", T, vals("510.00"))]
        assert [(r.name, r.kind, r.values) for r in exp.rows] == [
            ("教育支出", D, vals("500.00")), ("本年支出合计", T, vals("500.00")),
            ("年末结转和结余", D, vals("10.00")), ("支出总计", T, vals("510.00"))]

    def test_two_sided_with_row_numbers(self) -> None:
        """A 行次 column: the row numbers are dropped (also a blank panel's), 使用非财政拨款
        结余 is income, 结余分配 spending, and the second 总计 of a line the spending one."""
        text = ("收入支出决算总表\n单位：万元\n项目 行次 金额 项目 行次 金额\n栏次 1 栏次 2\n"
                "一、一般公共预算财政拨款收入 1 10.00 一、一般公共服务支出 3 8.00\n"
                "本年收入合计 2 10.00 本年支出合计 4 8.00\n"
                "使用非财政拨款结余 5  结余分配 8\n"
                "年初结转和结余 6 1.00 年末结转和结余 9 3.00\n"
                "7 10\n"
                "总计 11 11.00 总计 12 11.00\n")
        t, findings = read_one(text)
        inc, exp = t.blocks
        assert [(r.name, r.values) for r in inc.rows] == [
            ("一般公共预算财政拨款收入", (Decimal("10.00"),)),
            ("本年收入合计", (Decimal("10.00"),)), ("使用非财政拨款结余", (None,)),
            ("年初结转和结余", (Decimal("1.00"),)), ("总计", (Decimal("11.00"),))]
        assert [(r.name, r.values[0]) for r in exp.rows] == [
            ("一般公共服务支出", Decimal("8.00")), ("本年支出合计", Decimal("8.00")),
            ("结余分配", None), ("年末结转和结余", Decimal("3.00")), ("总计", Decimal("11.00"))]
        assert findings == []


def test_expenditure_labels() -> None:
    from govbudget._ingest._two_sided import _is_expenditure_label

    assert _is_expenditure_label("一、一般公共服务支出") and _is_expenditure_label("年终结转")
    assert _is_expenditure_label("结余分配")
    assert not _is_expenditure_label("上年结转") and not _is_expenditure_label("一、一般公共预算")
    assert not _is_expenditure_label("使用非财政拨款结余")
    assert _is_expenditure_label("三、单位预留机动经费")  # a spending use (江苏)


@pytest.mark.parametrize(("cells", "whole", "expected"), [
    (("一、财政拨款收入", "1", "10.00", "一、教育支出", "3", "8.00"), False,
     ("一、财政拨款收入", "10.00", "一、教育支出", "8.00")),
    (("7", "", "10"), False, ()),  # row numbers alone: two empty rows side by side
    (("结余分配", "8", "5"), True, ("结余分配", "5")),  # in 元 a whole number is an amount
    (("结余分配", "8", "5"), False, ("结余分配",)),  # in 万元 it is the next row number
])
def test_row_numbers_dropped(cells: tuple[str, ...], whole: bool,
                             expected: tuple[str, ...]) -> None:
    assert tuple(c for c in _drop_row_numbers(cells, whole_amounts=whole) if c) == expected


def _reader(unit: Unit = Unit.WAN_YUAN, kind: TableKind = TableKind.SUMMARY,
            blanks: bool = True) -> _Reading:
    """A table reader as `read_two_sided` gets it: the table's unit read, and whether the
    text marks blank cells."""
    reader = _Reading(kind, [])
    reader.unit = unit
    reader.blanks = blanks
    return reader


def test_read_two_sided_directly() -> None:
    reader = _reader(Unit.WAN_YUAN)
    body = split_lines("一、一般公共预算 30.00 一、一般公共服务支出 30.00\n"
                       "本年收入合计 30.00 本年支出合计 30.00\n25.00\n")
    inc, exp = read_two_sided(reader, body, "收入 支出 项目 预算数 项目 预算数")
    assert [(r.name, r.values) for r in inc.rows] == [
        ("一般公共预算", vals("30.00")), ("本年收入合计", vals("30.00"))]
    assert [r.kind for r in exp.rows] == [D, T]
    assert [f.rule for f in reader.findings] == ["reading.unplaced_figure"]  # 25.00: no item


def test_figures_wrapped_from_a_row_with_figures_are_doubtful() -> None:
    """Text wrapped at a fixed width moves a row's last figures to a line of their own:
    they belong to the row before (whose figures are split) or to a label further up
    that has none; neither is guessed, and the table is doubtful."""
    reader = _reader(Unit.WAN_YUAN)
    body = split_lines("一、一般公共预算 30.00 一、一般公共服务支出\n"
                       "  二、教育支出 30.00 30.00\n"
                       "本年收入合计 30.00 本年支出合计 30.00\n30.00\n")
    _, exp = read_two_sided(reader, body, "收入 支出 项目 金额 项目 合计 当年预算安排")
    assert [(r.name, r.values) for r in exp.rows] == [
        ("一般公共服务支出", (None, None)), ("教育支出", vals("30.00 30.00")),
        ("本年支出合计", (Decimal("30.00"), None))]
    assert [(d.reason, d.lines) for d in reader.doubts] == [("names", (4,))]
    assert [(f.rule, f.actual) for f in reader.findings] == [
        ("reading.unplaced_figure", "30.00")]


def test_a_figure_cut_by_a_line_break_is_no_label() -> None:
    """``2599.`` | ``99``: a figure cut at the width of a fixed-width wrap reads as no
    amount; it is reported, never taken for a label (or its tail for that label's)."""
    reader = _reader(Unit.WAN_YUAN)
    body = split_lines("一、一般公共预算 30.00 一、一般公共服务支出 30.\n00\n"
                       "本年收入合计 30.00 本年支出合计 30.00\n")
    _, exp = read_two_sided(reader, body, "收入 支出 项目 金额 项目 金额")
    assert [r.name for r in exp.rows] == ["一般公共服务支出", "本年支出合计"]
    assert [(f.rule, f.actual) for f in reader.findings][:1] == [
        ("reading.unparsed_amount", "30.")]
    assert "names" in [d.reason for d in reader.doubts]


def test_figures_on_the_line_after_their_label_are_its() -> None:
    """A label whose figures are printed on the next line (one cell a line) keeps them."""
    reader = _reader(Unit.WAN_YUAN)
    body = split_lines("一、一般公共预算\n30.00\n本年收入合计\n30.00\n")
    inc, _ = read_two_sided(reader, body, "收入 支出 项目 金额 项目 金额")
    assert [(r.name, r.values) for r in inc.rows] == [
        ("一般公共预算", vals("30.00")), ("本年收入合计", vals("30.00"))]
    assert reader.doubts == [] and reader.findings == []


class TestTextWithoutLayout:
    """Two-sided tables in text that drops blank cells (``reader.blanks`` False)."""

    def reader(self, kind: TableKind = TableKind.SUMMARY) -> _Reading:
        return _reader(kind=kind, blanks=False)

    def test_three_panels_are_doubtful(self) -> None:
        """收入 | 支出功能分类 | 支出用途: a label's panel is not told by the stream."""
        reader = self.reader()
        body = split_lines("一、财政拨款 30.00 一、一般公共服务支出 一、基本支出 30.00\n"
                           "收入合计 30.00 支出合计 30.00\n")
        read_two_sided(reader, body, "收入 支出 功能分类 支出用途 项目名称 金额 "
                                     "功能科目名称 金额 项目名称 金额")
        assert [d.reason for d in reader.doubts] == ["columns"]
        assert "3 panels" in reader.doubts[0].message_en

    def test_short_expenditure_rows_are_doubtful(self) -> None:
        """With 合计 | 一般公共预算 | 政府性基金 on the expenditure side, one figure of
        two dropped blanks has no column."""
        reader = self.reader(TableKind.GRANT_SUMMARY)
        body = split_lines("一、一般公共预算 30.00 一、一般公共服务支出 30.00 30.00 0.00\n"
                           "二、政府性基金预算 二、教育支出 5.00\n")
        read_two_sided(reader, body, "收入 支出 项目 预算数 项目 合计 一般公共预算 政府性基金")
        assert [(d.reason, d.lines) for d in reader.doubts] == [("columns", (2,))]
        reader = self.reader(TableKind.GRANT_SUMMARY)
        reader.blanks = True
        read_two_sided(reader, body, "收入 支出 项目 预算数 项目 合计 一般公共预算 政府性基金")
        assert reader.doubts == []

    def test_one_cell_a_line_is_doubtful(self) -> None:
        """Cells in the PDF's drawing order (all labels, then all figures) cannot be
        matched to their labels."""
        reader = self.reader()
        body = split_lines("一、财政拨款收入\n一、一般公共服务支出\n二、事业收入\n二、教育支出\n"
                           "30.00\n20.00\n10.00\n")
        read_two_sided(reader, body, "收入 支出 项目 预算数 项目 预算数")
        # one doubt, and no finding for each figure that follows a label with its own
        assert [d.reason for d in reader.doubts] == ["columns"]
        assert "one cell a line" in reader.doubts[0].message_en
        assert reader.findings == []


def test_an_enumerator_cell_is_its_label_s() -> None:
    """``1. 一般公共预算资金 …`` split as ``1.`` | ``一般公共预算资金``: one income label,
    not an income label and an expenditure one beside it."""
    reader = _reader(Unit.YUAN)
    body = split_lines("一、财政拨款收入 100 一、一般公共服务支出 100\n"
                       "1. 一般公共预算资金 100 二、公共安全支出 0\n")
    inc, exp = read_two_sided(reader, body, "本年收入 本年支出 项目 预算数 项目 预算数")
    assert [r.name for r in inc.rows] == ["财政拨款收入", "1.一般公共预算资金"]
    assert [r.name for r in exp.rows] == ["一般公共服务支出", "公共安全支出"]
    # a blank cell between the number and its label (``1.  一般公共预算资金``)
    reader = _reader(Unit.WAN_YUAN)
    body = split_lines("一、财政拨款收入 100.00 一、一般公共服务支出 100.00\n"
                       "1.  一般公共预算资金 100.00\n本年收入合计 100.00 本年支出合计 100.00\n")
    inc, _ = read_two_sided(reader, body, "收入 支出 项目 预算数 项目 预算数")
    assert [(r.name, r.values) for r in inc.rows][1] == ("1.一般公共预算资金", vals("100.00"))
    assert reader.findings == [] and reader.doubts == []


def test_items_numbered_without_a_heading_are_level_one() -> None:
    """A summary whose items are numbered 1. 2. (no 一、 above them): they start the body
    and are the side's items (level 1), so its sums are checked; under an 一、 item the
    same numbering is a breakdown (level 2)."""
    text = ("2024年收支预算总表\n单位：万元\n收入 支出\n项目 预算数 项目 预算数\n"
            "1.一般公共预算拨款收入 100.00 1.一般公共服务支出 60.00\n"
            "2.事业收入 20.00 2.教育支出 60.00\n本年收入合计 120.00 本年支出合计 120.00\n")
    t, _ = read_one(text)
    inc = t.blocks[0]
    # their names without the numbers, as the classes' and items' names are printed
    assert [(r.name, r.level) for r in inc.rows] == [
        ("一般公共预算拨款收入", 1), ("事业收入", 1), ("本年收入合计", None)]
    reader = _reader(Unit.WAN_YUAN)
    body = split_lines("一、财政拨款收入 100.00 一、一般公共服务支出 100.00\n"
                       "1.一般公共预算资金 100.00 二、教育支出 0.00\n")
    inc, _ = read_two_sided(reader, body, "收入 支出 项目 预算数 项目 预算数")
    assert [r.level for r in inc.rows] == [1, 2]


def test_items_numbered_in_brackets_are_items_not_a_wrapped_label() -> None:
    """Items numbered （一） （二） with no 一、 above them: each label alone on its line
    (no figures) opens an item, never the rest of the label before it, and the class's
    name is printed without its number."""
    reader = _reader(Unit.WAN_YUAN)
    body = split_lines("（一）一般公共预算 30.00 （一）一般公共服务支出 30.00\n"
                       "（二）政府性基金预算  （二）外交支出\n  （三）国防支出\n"
                       "  （四）教育支出 0.00\n本年收入合计 30.00 本年支出合计 30.00\n")
    reader.blanks = True
    inc, exp = read_two_sided(reader, body, "收入 支出 项目 预算数 项目 预算数")
    assert [(r.name, r.level) for r in exp.rows] == [
        ("一般公共服务支出", 1), ("外交支出", 1), ("国防支出", 1), ("教育支出", 1),
        ("本年支出合计", None)]
    assert [r.name for r in inc.rows] == ["一般公共预算", "政府性基金预算", "本年收入合计"]
