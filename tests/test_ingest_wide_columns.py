"""The columns of a wide table: header leaves and zones, figures matched to columns
(`govbudget._ingest._wide_columns`)."""

from __future__ import annotations

from decimal import Decimal

from govbudget import TableKind, read_text
from govbudget._ingest._grid import WCell, wide_cells
from govbudget._ingest._wide_columns import (
    _anchors,
    _header_zones,
    _is_label_column,
    _label_key,
    _match,
)

from .test_ingest_wide import FULL, GRID, _table


def _header(*lines: str) -> list[tuple[int, list[WCell]]]:
    return [(i, wide_cells(ln, "layout")) for i, ln in enumerate(lines, 1)]


def test_label_keys() -> None:
    assert _label_key("合计", TableKind.EXPENDITURE) == "total"
    assert _label_key("本年收入合计1", TableKind.INCOME) == "total"  # its column number dropped
    assert _label_key("基本支出", TableKind.EXPENDITURE) == "basic"
    assert _label_key("行次", TableKind.SUMMARY) == "row_no"
    assert _label_key("小计", TableKind.EXPENDITURE) is None  # defers to its parent
    assert _label_key("因公出国（境）费", TableKind.THREE_PUBLIC) == "abroad"
    assert _label_key("某某", TableKind.EXPENDITURE) is None
    assert _is_label_column("科目名称") and _is_label_column("类款项")
    assert not _is_label_column("合计") and not _is_label_column("基本支出")


def test_zones_and_parents() -> None:
    zones = _header_zones(_header(
        "科目编码    科目名称       合计                财政拨款",
        "                                一般公共预算  政府性基金"), "layout",
        TableKind.INCOME)
    assert len(zones) == 1 and zones[0].label_leaf is not None
    assert [lf.key for lf in zones[0].amount_leaves] == ["total", "general_budget",
                                                         "fund_budget"]
    assert [lf.parent for lf in zones[0].amount_leaves][1:] == ["财政拨款", "财政拨款"]
    two = _header_zones(_header("项目      预算数      项目      预算数"), "layout",
                        TableKind.SUMMARY)
    assert [z.label_leaf is not None for z in two] == [True, True]


def test_figures_matched_one_for_one_by_position_or_not_at_all() -> None:
    zones = _header_zones(_header("科目名称        合计      基本支出    项目支出"), "layout",
                          TableKind.EXPENDITURE)
    leaves = zones[0].amount_leaves
    full = wide_cells("人大事务        30.00     10.00       20.00", "layout")[1:]
    assert _match(full, leaves, {}, "layout") == [0, 1, 2]
    rows = [(0, full), (1, full)]
    anchors = _anchors(rows, 3, "layout")
    assert sorted(anchors) == [0, 1, 2]
    right = wide_cells("人大事务        30.00                 30.00", "layout")[1:]
    assert _match(right, leaves, anchors, "layout") == [0, 2]
    assert _match(full + full, leaves, anchors, "layout") is None  # more figures than columns
    tabs = [WCell("30.00", -1, -1)]
    assert _match(tabs, leaves, anchors, "tabs") is None  # no positions: never guessed
    assert _anchors(rows, 3, "tabs") == {}


def test_a_figure_between_columns_is_a_doubt_not_a_guess() -> None:
    # the full rows print 合计, 基本支出 and 项目支出 ending at columns 40, 52 and 64;
    # a figure alone ending at 58 is as near one as the other
    table = _table(FULL + """201   05   08   其他                                 300,000
""")
    assert [d.reason for d in table.doubts] == ["columns"]  # type: ignore[attr-defined]


def test_grid_header_with_merged_cells_and_blank_fields() -> None:
    report = read_text(GRID)
    table = report.table(TableKind.EXPENDITURE)
    assert table is not None and not table.doubts
    block = table.block()
    assert [c.key for c in block.columns] == ["total", "basic", "project"]
    row = block.row("20101")
    assert block.value(row, "basic") is None and block.value(row, "project") == Decimal("30.00")


JIANGSU_THREE_PUBLIC = """第二部分 部门预算表
“三公”经费、会议费、培训费支出预算表
单位：万元
合计\t“三公”经费\t\t\t\t\t\t会议费\t培训费
\t小计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t\t
\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t
{grand}\t418.26\t80\t237\t\t237\t101.26\t158.44\t700
"""


def test_the_three_public_subtotal_beside_meetings_and_training_is_the_three_public_total() -> None:
    """Under “三公”经费 the 小计 is the 三公 total; the 合计 before it holds 会议费 and 培训费
    too (``grand_total``): the table is not doubted, and both sums are checked."""
    from govbudget import check_report

    report = read_text(JIANGSU_THREE_PUBLIC.format(grand="1276.7"))
    table = report.table(TableKind.THREE_PUBLIC)
    assert table is not None and not table.doubts
    block = table.block()
    assert [c.key for c in block.columns] == [
        "grand_total", "total", "abroad", "vehicles", "vehicle_purchase", "vehicle_operation",
        "reception", "meeting", "training"]
    assert block.value(block.rows[0], "total") == Decimal("418.26")
    assert not check_report(report, rules=["table.three_public.totals"]).findings
    wrong = check_report(read_text(JIANGSU_THREE_PUBLIC.format(grand="1277.7")),
                         rules=["table.three_public.totals"]).errors
    assert [f.location.column for f in wrong] == ["grand_total"]


def test_the_parts_of_guangdong_special_account_income_are_sources() -> None:
    """财政专户拨款收入 in Guangdong's income tables is 教育收费 | 其他专户收入拨款: both are
    source columns of their own, so the table's columns are all known and each row's 合计
    is checked as the sum of its sources."""
    from govbudget import check_report

    assert _label_key("教育收费", TableKind.INCOME) == "education_fees"
    assert _label_key("其他专户收入拨款", TableKind.INCOME) == "other_special_account"
    text = """第二部分 部门预算表
收入总体情况表
单位：万元
单位名称\t合计\t财政拨款收入\t\t财政专户拨款收入\t\t上年结转结余
\t\t一般公共预算\t政府性基金预算\t教育收费\t其他专户收入拨款\t
合计\t{total}\t90.00\t0.00\t6.00\t4.00\t0.00
"""
    report = read_text(text.format(total="100.00"))
    table = report.table(TableKind.INCOME)
    assert table is not None and not table.doubts
    assert not check_report(report, rules=["table.row.sources"]).findings
    assert check_report(read_text(text.format(total="101.00")), rules=["table.row.sources"]).errors


def test_a_unit_code_is_dropped_only_in_its_own_column_of_a_table_without_codes() -> None:
    """单位代码 | 单位名称: the first cell's digits before the unit's name are its code; a
    table that also prints 科目编码 keeps every code (they are the rows' own), and digits
    elsewhere on the line, or before a figure, stay."""
    from govbudget._ingest._wide_columns import _Leaf, _unit_code_column, _without_unit_code, _Zone

    zone = _Zone(_Leaf(WCell("单位代码", 0, 2)), 0)
    row = [WCell("114001", 0, 1), WCell("某局", 1, 2), WCell("10.00", 2, 3)]
    assert _unit_code_column(zone, [WCell("单位代码", 0, 1), WCell("合计", 2, 3)])
    assert not _unit_code_column(zone, [WCell("单位编码", 0, 1), WCell("科目编码", 2, 3)])
    assert [c.text for c in _without_unit_code(row, zone, "grid")] == ["某局", "10.00"]
    shifted = [WCell("114001", 3, 4), WCell("某局", 4, 5)]
    assert _without_unit_code(shifted, zone, "grid") == shifted
    figures = [WCell("114001", 0, 1), WCell("10.00", 1, 2)]
    assert _without_unit_code(figures, zone, "grid") == figures
