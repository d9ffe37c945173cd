"""The items of a two-sided wide table: labels and levels (`govbudget._ingest._wide_levels`)."""

from __future__ import annotations

from decimal import Decimal

from govbudget import Row, RowKind, TableKind, read_text
from govbudget._ingest._wide_levels import (
    _breakdowns,
    _classes_first,
    _complete_label,
    _item_levels,
    _starts_item,
    wrong_sides,
)


def test_levels_by_indentation_and_numbering() -> None:
    assert _item_levels(["一、财政拨款", "一般公共预算", "二、事业收入"], [0, 2, 0], slack=1) == [1, 2, 1]
    assert _item_levels(["一、财政拨款", "1.一般公共预算"], [0, 0], slack=0) == [1, 2]
    assert _item_levels(["财政拨款", "1.一般公共预算"], [0, 0], slack=0) == [1, 1]


def test_levels_by_the_outline_of_the_numbering() -> None:
    """一、 > （一） > 1. > (1): a deeper style is one level below the last item numbered above
    it, whatever the top style; a 其中 is one level below the item above it."""
    labels = ["1、财政拨款", "(1)一般公共预算拨款收入", "其中：专项资金", "(2)政府性基金收入",
              "2、事业收入", "本年收入合计", "(1)上年结转"]
    assert _item_levels(labels, [0] * len(labels), slack=0) == [1, 2, 3, 2, 1, 1, 1]
    assert _item_levels(["一、财政拨款", "（一）一般公共预算", "1.本级", "（二）政府性基金"],
                        [0] * 4, slack=0) == [1, 2, 3, 2]


def test_breakdowns_by_sum() -> None:
    rows = [Row("财政拨款收入", (Decimal("30.00"),)), Row("一般公共预算收入", (Decimal("20.00"),)),
            Row("政府性基金收入", (Decimal("10.00"),)), Row("二、事业收入", (Decimal("5.00"),))]
    labels = ["一、财政拨款收入", "一般公共预算收入", "政府性基金收入", "二、事业收入"]
    assert [r.level for r in _breakdowns(rows, labels)] == [None, 2, 2, None]
    wrong = [rows[0], Row("一般公共预算收入", (Decimal("21.00"),)), *rows[2:]]
    assert [r.level for r in _breakdowns(wrong, labels)] == [None, None, None, None]


def test_classes_first() -> None:
    rows = [Row("一般公共服务支出", (Decimal(20),), level=1), Row("人大事务", (Decimal(20),), level=1),
            Row("教育支出", (Decimal(10),), level=1), Row("年终结转", (None,), level=1),
            Row("本年支出合计", (Decimal(30),), kind=RowKind.TOTAL)]
    assert [r.level for r in _classes_first(rows)] == [1, 2, 1, 1, None]
    assert _classes_first(rows[:2]) == rows[:2]  # one class: nothing to tell apart


def test_where_labels_start_and_end() -> None:
    assert _starts_item("一、财政拨款") and _starts_item("（一）基本支出") and _starts_item("其中：")
    assert _starts_item("本年收入合计") and not _starts_item("补助")
    assert _starts_item("(2)政府性基金收入") and _starts_item("（3）国有资本经营预算收入")
    assert _complete_label("一般公共服务支出") and not _complete_label("文化旅游体育与")


def test_sub_items_of_a_two_sided_table_are_level_two() -> None:
    text = """第二部分 部门预算表
收支总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、财政拨款\t30.00\t一般公共服务支出\t30.00
\u3000\u3000一般公共预算\t30.00\t\t
本年收入合计\t30.00\t本年支出合计\t30.00
"""
    from govbudget import check_report

    report = read_text(text)
    inc = report.table(TableKind.SUMMARY).block("income")  # type: ignore[union-attr]
    assert [(r.name, r.level) for r in inc.rows][:2] == [("财政拨款", 1), ("一般公共预算", 2)]
    assert not [f for f in check_report(report).errors if f.rule == "table.summary.totals"]


def test_summary_spending_listed_with_its_breakdown_sums_the_classes() -> None:
    """A 收支总表 listing each class with its 款 and 项 printed alike: the classes (the
    rows the catalogue knows as classes) are level 1 and add up to 本年支出合计."""
    from govbudget import check_report

    text = """第二部分 部门预算表
收支总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、一般公共预算\t30.00\t一般公共服务支出\t20.00
\t\t人大事务\t20.00
\t\t教育支出\t10.00
\t\t普通教育\t10.00
本年收入合计\t30.00\t本年支出合计\t30.00
"""
    report = read_text(text)
    exp = report.table(TableKind.SUMMARY).block("expenditure")  # type: ignore[union-attr]
    assert [(r.name, r.level) for r in exp.rows][:4] == [
        ("一般公共服务支出", 1), ("人大事务", 2), ("教育支出", 1), ("普通教育", 2)]
    assert not [f for f in check_report(report).errors if f.rule == "table.summary.totals"]


def test_a_numbered_heading_without_figures_stands_by_its_sub_items() -> None:
    """1、财政拨款 printed blank over (1)…(3), a 其中 under (1): the income items are (1)…(3),
    not the 其中 part of (1), and they add up to 本年收入合计; a sub-item off still does
    not."""
    from govbudget import check_report

    def text(general: str) -> str:
        return f"""第二部分 部门预算表
财政拨款收支总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
1、财政拨款\t\t1、一般公共服务支出\t30.00
(1)一般公共预算拨款收入\t{general}\t\t
其中：专项资金列入部门预算的项目\t5.00\t\t
(2)政府性基金收入\t10.00\t\t
(3)国有资本经营预算收入\t\t\t
本年收入合计\t30.00\t本年支出合计\t30.00
"""
    report = read_text(text("20.00"))
    inc = report.table(TableKind.GRANT_SUMMARY).block("income")  # type: ignore[union-attr]
    assert [r.level for r in inc.rows][:4] == [1, 2, 3, 2]
    assert not [f for f in check_report(report).errors if f.rule == "table.summary.totals"]
    wrong = check_report(read_text(text("21.00"))).errors
    assert [f.location.row_name for f in wrong if f.rule == "table.summary.totals"] == ["本年收入合计"]


def test_a_label_naming_the_other_side_is_a_wrong_side() -> None:
    """Spending labels among the income ones (lines stripped of their leading spaces put
    the spending panel's lone labels at the income panel's place), income among the
    spending; totals and 上年结转 are on either side."""
    assert wrong_sides([("一、一般公共预算拨款收入", 1), ("十、节能环保支出", 2), ("本年收入合计", 3)],
                       [("一、一般公共服务支出", 1), ("本年支出合计", 3), ("二、事业收入", 4)]
                       ) == [2, 4]
    assert wrong_sides([("上年结转", 1), ("使用非财政拨款结余", 2)],
                       [("结转下年", 1), ("年末结转和结余", 2)]) == []
    # three zones (收入 | 功能分类 | 经济分类): not asked
    assert wrong_sides([("事业收入", 1)], [("事业收入", 1)], [("事业收入", 1)]) == []


def test_stripped_lines_of_a_two_sided_table_are_doubtful() -> None:
    """A layout 收支总表 whose lines lost their leading spaces: the spending labels alone on
    their lines fall at the income panel's place; the table is doubtful, not checked."""
    text = ("2026年度收支预算总表\n单位：万元\n收入                    支出\n"
            "项目          预算数          项目          预算数\n"
            "一、一般公共预算拨款收入     100.00    一、一般公共服务支出     60.00\n"
            "二、节能环保支出     40.00\n"
            "本年收入合计     100.00    本年支出合计     100.00\n")
    r = read_text(text)
    table = r.tables[0]
    assert "sides" in [d.reason for d in table.doubts]


def test_a_breakdown_with_no_item_above_it_is_an_orphan() -> None:
    from govbudget._ingest._wide_levels import orphan_items

    assert orphan_items(["一、一般公共服务支出", "二、外交支出", "三、国防支出"], [2, 2, 1]) == [0]
    assert orphan_items(["一、财政拨款", "（一）一般公共预算", "1.本级", "二、事业收入"],
                        [1, 2, 3, 1]) == []
    assert orphan_items(["一、财政拨款", "1.本级"], [1, 3]) == [1]
