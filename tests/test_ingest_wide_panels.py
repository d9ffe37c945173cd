"""Tests for govbudget._ingest._wide_panels: a basic spending table printed in panels
(人员经费 | 公用经费 side by side, the same columns in each) is one block of economic items."""

from __future__ import annotations

from decimal import Decimal

from govbudget import ReportKind, RowKind, TableKind, check_report, read_text
from govbudget._ingest._grid import WCell
from govbudget._ingest._wide_columns import _Leaf, _Zone
from govbudget._ingest._wide_panels import is_panelled, is_total_label, merged_figures

HEAD = """2024年度某某局部门决算
第二部分 部门决算表
一般公共预算财政拨款基本支出决算表
单位：万元
人员经费\t\t\t公用经费\t\t\t\t\t
科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数\t科目代码\t科目名称\t决算数
"""

ROWS = """301\t工资福利支出\t30.00\t302\t商品和服务支出\t12.00\t310\t资本性支出\t3.00
30101\t基本工资\t20.00\t30201\t办公费\t12.00\t31002\t办公设备购置\t3.00
30102\t津贴补贴\t10.00\t30202\t印刷费\t\t31003\t专用设备购置\t
303\t对个人和家庭的补助\t5.00\t\t\t\t\t\t
30302\t退休费\t5.00\t\t\t\t\t\t
"""


def _read(rows: str = ROWS, totals: str = "人员经费合计\t\t35.00\t公用经费合计\t\t\t\t\t15.00\n"):
    report = read_text(HEAD + rows + totals)
    table = report.table(TableKind.BASIC_ECONOMIC)
    assert table is not None
    return report, table


def test_the_panels_are_one_block_panel_after_panel_with_the_totals_last() -> None:
    report, table = _read()
    assert report.kind is ReportKind.FINAL and not table.doubts
    block = table.block()
    assert [c.key for c in block.columns] == ["total"]
    assert [r.code for r in block.rows] == [
        "301", "30101", "30102", "303", "30302", "302", "30201", "30202", "310", "31002",
        "31003", None, None]
    assert [r.level for r in block.rows[:3]] == [1, 2, 2]
    assert block.value(block.row("30202"), "total") is None  # a blank cell
    personnel, public = block.rows[-2:]
    assert (personnel.name, personnel.kind, block.value(personnel, "total")) == (
        "人员经费合计", RowKind.TOTAL, Decimal("35.00"))
    # the figure printed under the last panel, its label's cell spanning the two panels
    assert (public.name, block.value(public, "total")) == ("公用经费合计", Decimal("15.00"))


def test_a_consistent_panelled_table_has_no_finding_and_its_groups_are_checked() -> None:
    report, _ = _read()
    rules = ["table.economic.totals", "table.final.economic_groups", "codes.economic_names"]
    assert check_report(report, rules=rules).findings == ()
    # 公用经费合计 printed 16.00: 302 + 310 is 15.00, an error of the group rule, and the
    # group totals are not taken for the table's 合计 (no error against all classes)
    bad, _ = _read(totals="人员经费合计\t\t35.00\t公用经费合计\t\t\t\t\t16.00\n")
    errors = check_report(bad, rules=rules).errors
    assert [(f.rule, f.location.row_name) for f in errors] == [
        ("table.final.economic_groups", "公用经费合计")]


def test_a_class_that_does_not_add_up_is_an_error_on_its_row() -> None:
    report, _ = _read(rows=ROWS.replace("30101\t基本工资\t20.00", "30101\t基本工资\t21.00"))
    errors = check_report(report, rules=["table.economic.totals"]).errors
    assert [f.location.row_code for f in errors] == ["301"]


def test_a_figure_with_no_label_on_its_line_is_a_doubt() -> None:
    _, table = _read(rows=ROWS + "\t\t\t\t\t7.00\t\t\t\n")
    assert [d.reason for d in table.doubts] == ["names"]


def _zone(labels: list[str], start: int) -> _Zone:
    label, *amounts = labels
    z = _Zone(_Leaf(WCell(label, start, start + 2)), start)
    for i, text in enumerate(amounts):
        lf = _Leaf(WCell(text, start + 2 + i, start + 3 + i))
        lf.key = "total" if text == "决算数" else "?" + text
        z.amount_leaves.append(lf)
    return z


def test_only_panels_of_the_same_coded_columns_are_panels() -> None:
    assert is_panelled([_zone(["科目代码", "决算数"], 0), _zone(["科目代码", "决算数"], 3)])
    assert not is_panelled([_zone(["科目代码", "决算数"], 0)])  # one panel
    assert not is_panelled([_zone(["项目", "决算数"], 0), _zone(["项目", "决算数"], 3)])
    assert not is_panelled([_zone(["科目代码", "决算数"], 0), _zone(["科目代码", "其他"], 3)])


def _amount_zone(starts: list[int]) -> _Zone:
    z = _Zone(_Leaf(WCell("项目", starts[0] - 1, starts[0])), starts[0] - 1)
    for st in starts:
        lf = _Leaf(WCell("金额", st, st + 1))
        lf.key = "total"
        z.amount_leaves.append(lf)
    return z


def test_merged_figures_take_the_same_place_among_the_target_columns() -> None:
    own, target = _amount_zone([5, 6]), _amount_zone([2, 3])
    moved = merged_figures([WCell("7.00", 6, 7)], own, target, "grid")
    assert moved is not None and [(c.text, c.start) for c in moved] == [("7.00", 3)]
    assert merged_figures([WCell("7.00", 9, 10)], own, target, "grid") is None  # no column
    assert merged_figures([], own, target, "grid") is None
    # without grid columns: only figures that fill the target's columns one for one
    figures = [WCell("1.00", 40, 44), WCell("2.00", 50, 54)]
    assert merged_figures(figures, own, target, "layout") == figures
    assert merged_figures(figures[:1], own, target, "layout") is None


def test_total_labels_are_the_ones_that_may_span_panels() -> None:
    assert is_total_label("公用经费合计") and is_total_label("二、支出合计")
    assert is_total_label("当年支出小计") and is_total_label("本年收入小计")
    assert not is_total_label("结转下年资金") and not is_total_label("小计")


def test_panels_of_two_classifications_are_not_one_list() -> None:
    """部门预算支出经济分类 (301 …) beside 政府预算支出经济分类 (501 …), the same columns: the
    same money classified twice, not one list cut into panels; the table is not read as
    one block (it stays doubtful, as before)."""
    head = HEAD.replace("人员经费\t\t\t公用经费\t\t\t\t\t\n", "部门经济分类\t\t\t政府经济分类\t\t\t\t\t\n")
    rows = ("301\t工资福利支出\t30.00\t501\t机关工资福利支出\t30.00\t\t\t\n"
            "30101\t基本工资\t30.00\t50101\t工资奖金津补贴\t30.00\t\t\t\n")
    table = read_text(head + rows).table(TableKind.BASIC_ECONOMIC)
    assert table is not None and len(table.blocks) != 1 and table.doubts
