"""Tests for govbudget.checks._rules_cross: each cross-table rule passes and fails."""

from __future__ import annotations

import attrs

from govbudget import Severity, TableKind
from govbudget.checks import check_report

from .checks_helpers import D, base_report, set_cell

CROSS = ("cross.summary_income", "cross.summary_classes", "cross.income_expenditure",
         "cross.general_vs_expenditure", "cross.grant_summary", "cross.basic_economic",
         "cross.projects", "cross.three_public_economic", "cross.operating_costs",
         "cross.empty_tables")


def _errors(report, rule):  # type: ignore[no-untyped-def]
    return [f for f in check_report(report, rules=[rule]).findings
            if f.severity is Severity.ERROR]


def test_consistent_report_passes() -> None:
    """A consistent report has no cross-table finding."""
    assert check_report(base_report(), rules=CROSS).findings == ()


def test_summary_income() -> None:
    """收支总表 income vs 收入总表 合计 row."""
    r = set_cell(base_report(), TableKind.INCOME, "合计", "general_budget", "1.00")
    assert _errors(r, "cross.summary_income")


def test_summary_classes_by_name() -> None:
    """A class of the summary matched by name against the expenditure table."""
    r = set_cell(base_report(), TableKind.SUMMARY, "一般公共服务支出", "total", "131.00",
                 block="expenditure")
    errs = _errors(r, "cross.summary_classes")
    assert errs and errs[0].location.table == "summary"


def test_income_expenditure_code_by_code() -> None:
    """The same code differs between income and expenditure tables."""
    r = set_cell(base_report(), TableKind.INCOME, "2080505", "total", "21.00")
    errs = _errors(r, "cross.income_expenditure")
    assert any(f.location.row_code == "2080505" for f in errs)


def test_general_vs_expenditure_equal_when_only_general_budget() -> None:
    """With only general-budget money, T5 must equal T3; a smaller T5 is an error."""
    r = set_cell(base_report(), TableKind.GENERAL_EXPENDITURE, "2080505", "basic", "19.00")
    errs = _errors(r, "cross.general_vs_expenditure")
    assert any(f.location.row_code == "2080505" for f in errs)


def test_general_vs_expenditure_inequality_with_other_money() -> None:
    """With other income, T5 may be smaller than T3 but never larger."""
    r = base_report()
    r = set_cell(r, TableKind.SUMMARY, "单位资金", "amount", "1.00", block="income")
    smaller = set_cell(r, TableKind.GENERAL_EXPENDITURE, "2080505", "basic", "19.00")
    assert not _errors(smaller, "cross.general_vs_expenditure")
    larger = set_cell(r, TableKind.GENERAL_EXPENDITURE, "2080505", "basic", "21.00")
    assert _errors(larger, "cross.general_vs_expenditure")


def test_basic_economic() -> None:
    """T5 基本支出 合计 equals T6 合计."""
    r = set_cell(base_report(), TableKind.BASIC_ECONOMIC, "合计", "total", "121.00")
    assert _errors(r, "cross.basic_economic")


def test_projects() -> None:
    """The project list equals 项目支出."""
    r = set_cell(base_report(), TableKind.PROJECTS, "测试单位", "general_budget", "31.00")
    assert _errors(r, "cross.projects")


def test_three_public_economic_inequality() -> None:
    """30217 may be below the 三公 reception figure, never above."""
    below = base_report(reception_extra=D("50000"))
    assert not _errors(below, "cross.three_public_economic")
    above = set_cell(base_report(), TableKind.BASIC_ECONOMIC, "公务接待费", "total", "11.00")
    errs = _errors(above, "cross.three_public_economic")
    assert errs and errs[0].location.row_name == "公务接待费"


def test_operating_costs() -> None:
    """机关运行经费 above 公用经费 is an error; below is info."""
    over = set_cell(base_report(), TableKind.OPERATING_COSTS, "部门合计", "total", "31.00")
    assert _errors(over, "cross.operating_costs")
    under = set_cell(base_report(), TableKind.OPERATING_COSTS, "部门合计", "total", "29.00")
    res = check_report(under, rules=["cross.operating_costs"]).findings
    assert res and all(f.severity is Severity.INFO for f in res)


def test_empty_tables() -> None:
    """Fund money in the summary with an empty fund table is an error; an empty table
    without its note is a warning."""
    r = set_cell(base_report(), TableKind.SUMMARY, "政府性基金预算", "amount", "5.00",
                 block="income")
    assert _errors(r, "cross.empty_tables")
    assert {f.code for f in _errors(r, "cross.empty_tables")} == {
        "cross.empty_tables.empty_with_income"}
    t8 = r.table(TableKind.FUND_EXPENDITURE)
    assert t8 is not None
    no_note = attrs.evolve(base_report(), tables=tuple(
        attrs.evolve(t, empty=False) if t.kind is TableKind.FUND_EXPENDITURE else t
        for t in base_report().tables))
    res = check_report(no_note, rules=["cross.empty_tables"]).findings
    assert [f.severity for f in res] == [Severity.WARNING]
    assert [f.code for f in res] == ["cross.empty_tables.not_marked"]


def test_a_table_of_items_only_has_no_class_rows_to_compare() -> None:
    """A 支出总表 that prints only 项 rows (no 类 or 款 rows) does not make the summary's
    classes 'absent'."""
    from govbudget import check_report, read_text

    text = """第二部分 部门预算表
收支预算总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、一般公共预算拨款收入\t30.00\t一、一般公共服务支出\t30.00
本年收入合计\t30.00\t本年支出合计\t30.00
支出预算总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
合计\t\t30.00\t10.00\t20.00
2010101\t行政运行\t30.00\t10.00\t20.00
"""
    result = check_report(read_text(text), rules=["cross.summary_classes"])
    assert result.errors == ()


def test_a_class_printed_in_one_table_only() -> None:
    """A summary class absent from the expenditure table is an error when it holds an
    amount, and nothing when printed blank or as zero (most summaries print every class,
    nearly all of them empty)."""
    base = base_report()
    assert not _errors(base, "cross.summary_classes")  # its blank classes say nothing
    for value, errors in ((None, 0), ("0.00", 0), ("5.00", 1)):
        r = set_cell(base, TableKind.SUMMARY, "教育支出", "total", value, block="expenditure")
        found = [f for f in _errors(r, "cross.summary_classes") if "教育支出" in f.message]
        assert len(found) == errors, value


def test_codes_blank_in_both_tables_agree() -> None:
    """Two functional tables compared code by code: a cell blank in both agrees, a cell
    printed in one only does not (a blank is a zero)."""
    base = base_report()
    r = set_cell(base, TableKind.GENERAL_EXPENDITURE, "2010102", "project", None)
    r = set_cell(r, TableKind.EXPENDITURE, "2010102", "project", None)
    assert not [f for f in _errors(r, "cross.general_vs_expenditure")
                if f.location.row_code == "2010102"]
    r = set_cell(base, TableKind.EXPENDITURE, "2010102", "project", None)
    assert [f for f in _errors(r, "cross.general_vs_expenditure")
            if "2010102" in f.message]


def test_the_heading_of_the_current_year_items_is_no_class() -> None:
    """A 财政拨款收支总表 that prints its current-year spending as a heading row with their
    sum (一、本年支出 above (一)一般公共服务支出 …, no 本年支出合计) has no class
    本年支出 for the general-budget table to lack; a class that differs still does."""
    from govbudget import check_report, read_text

    def text(education: str) -> str:
        return f"""第二部分 部门预算表
财政拨款收支总体情况表
单位：万元
收入\t\t支出\t\t\t
项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算
一、本年收入\t30.00\t一、本年支出\t30.00\t30.00\t
(一)一般公共预算资金\t30.00\t(一)一般公共服务支出\t20.00\t20.00\t
\t\t(二)教育支出\t10.00\t10.00\t
收入合计\t30.00\t支出合计\t30.00\t30.00\t
一般公共预算支出情况表
单位：万元
科目编码\t科目名称\t总计\t基本支出\t项目支出
合计\t\t30.00\t10.00\t20.00
201\t一般公共服务支出\t20.00\t10.00\t10.00
205\t教育支出\t{education}\t\t{education}
"""
    ok = check_report(read_text(text("10.00")), rules=["cross.grant_summary"])
    assert ok.errors == ()
    bad = check_report(read_text(text("12.00")), rules=["cross.grant_summary"])
    assert [f.message for f in bad.errors if "教育支出" in f.message]
    assert not [f.message for f in bad.errors if "本年支出”" in f.message]


def test_a_summary_listing_classes_with_their_items_compares_the_classes_only() -> None:
    """A 收支总表 that prints each class with its 款 and 项 under it, uncoded (read as level
    2 below the classes): only the classes are compared with the 支出总表, a 款 is no
    class 'absent' from it; a class that differs still is found."""
    from govbudget import check_report, read_text

    def text(total: str) -> str:
        return f"""第二部分 部门预算表
收支预算总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、财政拨款\t40.00\t一般公共服务支出\t{total}
\t\t财政事务\t{total}
\t\t行政运行\t{total}
\t\t社会保障和就业支出\t10.00
\t\t行政事业单位养老支出\t10.00
本年收入合计\t40.00\t本年支出合计\t40.00
支出预算总表
单位：万元
科目编码\t科目名称\t合计\t基本支出\t项目支出
合计\t\t40.00\t40.00\t
201\t一般公共服务支出\t30.00\t30.00\t
20106\t财政事务\t30.00\t30.00\t
2010601\t行政运行\t30.00\t30.00\t
208\t社会保障和就业支出\t10.00\t10.00\t
20805\t行政事业单位养老支出\t10.00\t10.00\t
"""
    ok = check_report(read_text(text("30.00")), rules=["cross.summary_classes"])
    assert ok.errors == ()
    bad = check_report(read_text(text("31.00")), rules=["cross.summary_classes"])
    assert [f.location.row_name for f in bad.errors] == ["一般公共服务支出"]


def test_an_expenditure_table_of_its_total_alone_says_nothing_of_each_class() -> None:
    """An expenditure table that prints only its 合计 row (no class row at all): the
    summary's classes are not compared with it (no class is "absent" from it), its total
    still is."""
    from govbudget import Block, Row, RowKind

    def only_total(value: str):  # type: ignore[no-untyped-def]
        base = base_report()
        t3 = base.table(TableKind.EXPENDITURE)
        assert t3 is not None
        b = t3.blocks[0]
        total = next(r for r in b.rows if r.kind is RowKind.TOTAL)
        row = Row("合计", (D(value), *total.values[1:]), kind=RowKind.TOTAL)
        t3 = attrs.evolve(t3, blocks=(Block(b.name, b.columns, (row,)),))
        return attrs.evolve(base, tables=tuple(t3 if t.kind is TableKind.EXPENDITURE else t
                                               for t in base.tables))

    base = base_report()
    b3 = base.table(TableKind.EXPENDITURE).blocks[0]  # type: ignore[union-attr]
    right = str(b3.value(next(b3.totals()), "total"))
    assert _errors(only_total(right), "cross.summary_classes") == []
    found = _errors(only_total("1.00"), "cross.summary_classes")
    assert len(found) == 1 and found[0].location.row_name in ("本年支出合计", "支出合计", "合计")


def test_an_expenditure_table_with_no_rows_at_all_still_lacks_the_classes() -> None:
    """A table with no row at all (not even a total) is not "its total alone": a class the
    summary prints with an amount is absent from it (an error, as before)."""
    from govbudget import Block

    base = base_report()
    t3 = base.table(TableKind.EXPENDITURE)
    assert t3 is not None
    b = t3.blocks[0]
    empty = attrs.evolve(t3, blocks=(Block(b.name, b.columns, ()),))
    report = attrs.evolve(base, tables=tuple(empty if t.kind is TableKind.EXPENDITURE else t
                                             for t in base.tables))
    assert _errors(report, "cross.summary_classes")
