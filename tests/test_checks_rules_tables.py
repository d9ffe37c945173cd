"""Tests for govbudget.checks._rules_tables: each in-table rule passes and fails."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Row, RowKind, Severity, TableKind
from govbudget.checks import check_report
from govbudget.checks._rules_tables import _column_sums, _rollup

from .checks_helpers import base_report, set_cell


def _errors(report, rule):  # type: ignore[no-untyped-def]
    return [f for f in check_report(report, rules=[rule]).findings
            if f.severity is Severity.ERROR]


def test_consistent_report_passes_every_table_rule() -> None:
    """The generated report has no finding at all from the in-table rules."""
    rules = ["table.functional.hierarchy", "table.functional.total",
                         "table.row.basic_project", "table.row.sources", "table.summary.totals",
                         "table.economic.totals", "table.economic.personnel_public",
                         "table.three_public.totals", "table.operating_costs.totals",
                         "table.projects.totals"]
    assert check_report(base_report(), rules=rules).findings == ()


class TestFunctionalHierarchy:
    def test_item_changed(self) -> None:
        """A 项 changed breaks its 款 sum: the error names the 款 and lists the 项."""
        r = set_cell(base_report(), TableKind.EXPENDITURE, "2010101", "total", "101.00")
        errs = _errors(r, "table.functional.hierarchy")
        assert errs
        f = next(f for f in errs if f.location.row_code == "20101")
        assert f.location.column == "total"
        assert any(rel.row_code == "2010101" for rel in f.related)
        assert f.expected == "131.00万元" and f.actual == "130.00万元"
        assert f.difference == "-1.00万元"

    def test_rounding_gap_is_info(self) -> None:
        """A one-cent gap over two items is info, not an error."""
        r = set_cell(base_report(), TableKind.EXPENDITURE, "20101", "total", "130.01")
        res = check_report(r, rules=["table.functional.hierarchy"]).findings
        assert res and all(f.severity is Severity.INFO for f in res
                           if f.location.row_code == "20101")


class TestFunctionalTotal:
    def test_total_changed(self) -> None:
        """The 合计 row must equal the sum of 类 rows."""
        r = set_cell(base_report(), TableKind.GENERAL_EXPENDITURE, "合计", "basic", "121.00")
        errs = _errors(r, "table.functional.total")
        assert errs and errs[0].location.row_name == "合计"


class TestBasicProject:
    def test_row_identity(self) -> None:
        """合计 = 基本 + 项目 on every row."""
        r = set_cell(base_report(), TableKind.EXPENDITURE, "2010102", "project", "31.00")
        errs = _errors(r, "table.row.basic_project")
        assert any(f.location.row_code == "2010102" for f in errs)


class TestSources:
    def test_income_row(self) -> None:
        """In the income table, 合计 = Σ sources."""
        r = set_cell(base_report(), TableKind.INCOME, "208", "general_budget", "21.00")
        assert any(f.location.row_code == "208" for f in _errors(r, "table.row.sources"))


    def test_blank_total_with_a_printed_source(self) -> None:
        """A row whose 合计 is blank while a source is printed does not add up: a row
        passed over quickly is only one blank in the total and in every source."""
        r = base_report()
        for key in ("total", "general_budget"):
            r = set_cell(r, TableKind.INCOME, "201", key, None)
        assert not _errors(r, "table.row.sources")
        r = set_cell(r, TableKind.INCOME, "201", "fund_budget", "5.00")
        assert any(f.location.row_code == "201" for f in _errors(r, "table.row.sources"))


class TestSummaryTotals:
    @pytest.mark.parametrize(("block", "row", "column"), [
        ("income", "一般公共预算", "amount"),
        ("expenditure", "社会保障和就业支出", "total"),
        ("expenditure", "支出总计", "total"),
    ])
    def test_changed(self, block: str, row: str, column: str) -> None:
        """Any figure of the summary table changed breaks a total."""
        r = set_cell(base_report(), TableKind.SUMMARY, row, column, "999.00", block=block)
        assert _errors(r, "table.summary.totals")

    def test_grant_summary(self) -> None:
        """The grant summary's rows: 合计 = Σ funds."""
        r = set_cell(base_report(), TableKind.GRANT_SUMMARY, "一般公共服务支出", "general_budget",
                     "1.00", block="expenditure")
        assert _errors(r, "table.summary.totals")


class TestEconomic:
    def test_item(self) -> None:
        """A changed item breaks its class total."""
        r = set_cell(base_report(), TableKind.BASIC_ECONOMIC, "基本工资", "total", "71.00")
        assert any(f.location.row_name == "工资福利支出" for f in _errors(r, "table.economic.totals"))

    def test_personnel_in_public(self) -> None:
        """A 302 item with an amount in 人员经费 is an error of its own rule."""
        r = set_cell(base_report(), TableKind.BASIC_ECONOMIC, "办公费", "personnel", "20.00")
        errs = _errors(r, "table.economic.personnel_public")
        assert errs and errs[0].location.row_name == "办公费"
        assert not _errors(base_report(), "table.economic.personnel_public")


    def test_total_off_by_what_rounding_can_explain_is_info(self) -> None:
        """合计 人员经费 printed 0.01 high. With two rounded class figures under it (90.00
        and a printed 0.00) and 合计 = 人员经费 + 公用经费, both gaps can be rounding: ``info``,
        not an error; 0.02 is beyond what two rounded terms explain. With one rounded class
        figure (the other blank: an exact zero) even 0.01 is an error."""
        two = set_cell(base_report(), TableKind.BASIC_ECONOMIC, "商品和服务支出", "personnel",
                       "0.00")
        res = check_report(set_cell(two, TableKind.BASIC_ECONOMIC, "合计", "personnel",
                                    "90.01"), rules=["table.economic.totals"])
        assert not res.errors and res.findings
        assert all(f.severity is Severity.INFO for f in res.findings)
        assert _errors(set_cell(two, TableKind.BASIC_ECONOMIC, "合计", "personnel", "90.02"),
                       "table.economic.totals")
        assert _errors(set_cell(base_report(), TableKind.BASIC_ECONOMIC, "合计", "personnel",
                                "90.01"), "table.economic.totals")

    def test_total_as_the_sum_of_the_rounded_items_is_info(self) -> None:
        """The 合计 adds the rounded 款 as printed (4 × 7.51 = 30.04) while the class prints
        its rounded exact total (30.02, within the rounding of its four 款): the 0.02
        between 合计 and the two classes, beyond their rounding, is rounding of the 款
        (``info``). A 合计 that is not the sum of the printed 款 either stays an error."""
        from govbudget import check_report, read_text

        text = """第二部分 部门预算表
一般公共预算基本支出表
单位：万元
科目编码\t科目名称\t合计\t人员经费\t公用经费
合计\t\t40.04\t30.04\t10.00
301\t工资福利支出\t30.02\t30.02\t
30101\t基本工资\t7.51\t7.51\t
30102\t津贴补贴\t7.51\t7.51\t
30103\t奖金\t7.51\t7.51\t
30107\t绩效工资\t7.51\t7.51\t
302\t商品和服务支出\t10.00\t\t10.00
30201\t办公费\t10.00\t\t10.00
"""
        res = check_report(read_text(text), rules=["table.economic.totals"])
        assert res.errors == () and any("个款之和" in f.message for f in res.findings)
        wrong = text.replace("合计\t\t40.04\t30.04", "合计\t\t40.05\t30.05")
        res = check_report(read_text(wrong), rules=["table.economic.totals"])
        assert [f.location.row_name for f in res.errors] == ["合计", "合计"]

class TestOperatingCosts:
    def test_total(self) -> None:
        """机关运行经费 合计 = Σ units."""
        r = set_cell(base_report(), TableKind.OPERATING_COSTS, "部门合计", "total", "1.00")
        assert _errors(r, "table.operating_costs.totals")


class TestProjects:
    def test_group(self) -> None:
        """A unit's row equals the sum of its projects."""
        r = set_cell(base_report(), TableKind.PROJECTS, "会议经费", "total", "21.00")
        errs = _errors(r, "table.projects.totals")
        assert errs


_cell_values = st.one_of(st.none(), st.decimals(min_value=-10**6, max_value=10**6, places=2,
                                                 allow_nan=False, allow_infinity=False))


@given(st.integers(min_value=1, max_value=4).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(
        st.lists(_cell_values, min_size=0, max_size=n + 1).map(tuple), max_size=8))))
def test_column_sums_agree_with_a_cell_by_cell_sum(case) -> None:  # type: ignore[no-untyped-def]
    """The C-level column sums give what adding cell by cell gives: blanks and missing
    cells are zeros, extra cells are ignored."""
    ncols, rows = case
    naive = [Decimal(0)] * ncols
    for values in rows:
        for i in range(ncols):
            v = values[i] if i < len(values) else None
            if v is not None:
                naive[i] += v
    assert _column_sums(rows, ncols) == naive


_codes = st.lists(st.sampled_from(["201", "202", "20101", "20102", "20201", "2010101",
                                   "2010102", "2010201", "2020101", "201010101", "201010102"]),
                  max_size=14)


@given(_codes, st.data())
def test_rollup_groups_each_code_once_in_any_order(codes, data) -> None:  # type: ignore[no-untyped-def]
    """Sorted codes (the fast path) and any other order (codes repeated, shuffled) give
    the sums of a plain reference: each code counted once, as first printed."""
    if data.draw(st.booleans()):
        codes = sorted(set(codes))  # as tables print them
    rows = [Row(name=c, code=c, values=data.draw(st.tuples(_cell_values, _cell_values)))
            for c in codes]
    first: dict[str, Row] = {}
    for r in rows:
        first.setdefault(r.code or "", r)
    expected = {}
    for code, r in first.items():
        if len(code) in (5, 7, 9) and code[:-2] in first:
            acc = expected.setdefault(code[:-2], [Decimal(0), Decimal(0)])
            for i, v in enumerate(r.values):
                acc[i] += v or 0
    parents, sums, kids = _rollup(rows, 2)
    assert sums == expected
    assert all(parents[p] is first[p] for p in sums)
    # the children of each parent: each code's first row, in print order
    children: dict[str, list[Row]] = {}
    for code, r in first.items():
        if len(code) in (5, 7, 9) and code[:-2] in first:
            children.setdefault(code[:-2], []).append(r)
    assert all([id(r) for r in kids.of(p)] == [id(r) for r in children[p]] for p in sums)


def test_operating_costs_listed_by_economic_item_sum_their_classes() -> None:
    """A 机关运行经费 table of economic items (302 and its 款): the total is the sum of the
    类 rows, not of every row."""
    from govbudget import check_report, read_text

    text = """第二部分 部门预算表
一般公共预算机关运行经费支出预算表
单位：万元
科目编码\t科目名称\t机关运行经费支出
合计\t\t30.00
302\t商品和服务支出\t30.00
30201\t办公费\t10.00
30205\t水费\t20.00
"""
    result = check_report(read_text(text), rules=["table.operating_costs.totals"])
    assert result.errors == ()
    wrong = text.replace("合计\t\t30.00", "合计\t\t31.00")
    result = check_report(read_text(wrong), rules=["table.operating_costs.totals"])
    assert [f.rule for f in result.errors] == ["table.operating_costs.totals"]




def test_summary_items_a_blank_heading_stands_by_its_level_two_rows() -> None:
    """A level-1 item with no figure over level-2 rows is replaced by them (not by its
    level-3 其中); a blank item with nothing under it stays an item."""
    from govbudget import RowKind
    from govbudget.checks._rules_tables import _summary_items

    def D(x: str) -> Decimal:
        return Decimal(x)

    rows = [Row("1、财政拨款", (None,), level=1), Row("(1)一般公共预算", (D("20"),), level=2),
            Row("其中：专项", (D("5"),), level=3), Row("(2)政府性基金", (D("10"),), level=2),
            Row("2、事业收入", (None,), level=1), Row("3、其他收入", (D("1"),), level=1),
            Row("本年收入合计", (D("31"),), kind=RowKind.TOTAL)]
    assert [r.name for r in _summary_items(rows)] == [
        "(1)一般公共预算", "(2)政府性基金", "2、事业收入", "3、其他收入"]


def test_group_totals_of_a_final_are_not_the_whole_table() -> None:
    """A 决算's basic spending table closes with 人员经费合计 and 公用经费合计, no 合计:
    neither is compared with the sum of every class (each is checked by
    ``table.final.economic_groups``); the classes are still checked against their items."""
    from govbudget import Block, Column, Report, Table, Unit

    def table(item: str) -> Report:
        rows = (Row("工资福利支出", (Decimal("30.00"),), code="301", level=1),
                Row("基本工资", (Decimal(item),), code="30101", level=2),
                Row("商品和服务支出", (Decimal("12.00"),), code="302", level=1),
                Row("办公费", (Decimal("12.00"),), code="30201", level=2),
                Row("人员经费合计", (Decimal("30.00"),), kind=RowKind.TOTAL),
                Row("公用经费合计", (Decimal("12.00"),), kind=RowKind.TOTAL))
        return Report(tables=(Table(kind=TableKind.BASIC_ECONOMIC, number="6", title="基本支出表",
                                    unit=Unit.WAN_YUAN,
                                    blocks=(Block("", (Column("total", "决算数"),), rows),)),))

    assert _errors(table("30.00"), "table.economic.totals") == []
    assert [f.location.row_code for f in _errors(table("31.00"), "table.economic.totals")] == [
        "301"]


def test_income_sources_grouped_under_this_year_and_carry_over() -> None:
    """合计 = 本年收入 + 上年结转; 本年收入 = its sources; 上年结转 = its parts (carryover_*):
    each identity on its own, so a wrong part names its group."""
    from govbudget import Block, Column, Report, Table, Unit

    keys = ["total", "income", "general_budget", "fund_budget", "carryover",
            "carryover_general_budget", "carryover_unit_funds"]

    def report(*values: str) -> Report:
        block = Block("", tuple(Column(k) for k in keys),
                      (Row("合计", tuple(Decimal(v) for v in values), kind=RowKind.TOTAL),))
        return Report(tables=(Table(kind=TableKind.INCOME, number="2", title="收入总表",
                                    unit=Unit.WAN_YUAN, blocks=(block,)),))

    assert _errors(report("100", "90", "80", "10", "10", "6", "4"), "table.row.sources") == []
    for values, column in ((("100", "90", "81", "10", "10", "6", "4"), "income"),
                           (("100", "90", "80", "10", "10", "7", "4"), "carryover"),
                           (("101", "90", "80", "10", "10", "6", "4"), "total")):
        found = _errors(report(*values), "table.row.sources")
        assert [f.location.column for f in found] == [column], values


def test_a_whole_total_after_the_group_totals_is_still_checked() -> None:
    """人员经费合计 | 公用经费合计 printed before a 合计 of every class: the 合计 is the one
    compared with the classes (58.00 for classes adding to 42.00 is an error)."""
    from govbudget import Block, Column, Report, Table, Unit

    rows = (Row("工资福利支出", (Decimal("30.00"),), code="301", level=1),
            Row("基本工资", (Decimal("30.00"),), code="30101", level=2),
            Row("商品和服务支出", (Decimal("12.00"),), code="302", level=1),
            Row("办公费", (Decimal("12.00"),), code="30201", level=2),
            Row("人员经费合计", (Decimal("30.00"),), kind=RowKind.TOTAL),
            Row("公用经费合计", (Decimal("12.00"),), kind=RowKind.TOTAL),
            Row("合计", (Decimal("58.00"),), kind=RowKind.TOTAL))
    report = Report(tables=(Table(kind=TableKind.BASIC_ECONOMIC, number="6", title="基本支出表",
                                  unit=Unit.WAN_YUAN,
                                  blocks=(Block("", (Column("total", "决算数"),), rows),)),))
    assert [f.location.row_name for f in _errors(report, "table.economic.totals")] == ["合计"]


def _income(keys: list[str], *values: str):  # type: ignore[no-untyped-def]
    from govbudget import Block, Column, Report, Table, Unit

    block = Block("", tuple(Column(k) for k in keys),
                  (Row("合计", tuple(Decimal(v) for v in values), kind=RowKind.TOTAL),))
    return Report(tables=(Table(kind=TableKind.INCOME, number="2", title="收入总表",
                                unit=Unit.WAN_YUAN, blocks=(block,)),))


def test_a_group_subtotal_beside_its_parts_is_not_one_more_source() -> None:
    """财政拨款 小计 | 一般公共预算 | 政府性基金 and 财政专户 小计 | 教育收费 | 其他专户收入拨款:
    合计 = the top-level columns (the 小计s, not their parts again), each 小计 = its parts."""
    keys = ["total", "grant", "general_budget", "fund_budget", "special_account",
            "education_fees", "other_special_account", "business_income"]
    assert _errors(_income(keys, "100", "80", "70", "10", "15", "10", "5", "5"),
                   "table.row.sources") == []
    # a part off: its 小计 does not add up (the total, of the top-level columns, does)
    found = _errors(_income(keys, "100", "80", "70", "10", "15", "11", "5", "5"),
                    "table.row.sources")
    assert [f.location.column for f in found] == ["special_account"]


def test_grouped_income_with_a_column_of_no_known_group_is_not_checked() -> None:
    """合计 | 本年收入 小计 | 一般公共预算 | 事业收入 | 上年结转 | 其他资金: 其他资金 belongs to no
    group the reader knows, so the groups' sums are not checked (no guess, no error)."""
    keys = ["total", "income", "general_budget", "business_income", "carryover", "other_funds"]
    assert _errors(_income(keys, "100", "80", "70", "10", "10", "10"),
                   "table.row.sources") == []


def test_a_project_list_with_the_grant_subtotal_beside_its_funds_is_not_counted_twice() -> None:
    """总计 | 财政拨款 合计 | 一般公共预算 | 政府性基金 | 其他资金 in a project list: each row's
    总计 is 财政拨款 + 其他资金 (财政拨款 being 一般公共预算 + 政府性基金), not their sum
    again."""
    from govbudget import Block, Column, Report, Table, Unit

    keys = ["total", "grant", "general_budget", "fund_budget", "other_funds"]

    def report(*values: str) -> Report:
        block = Block("", tuple(Column(k) for k in keys),
                      (Row("某项目", tuple(Decimal(v) for v in values)),))
        return Report(tables=(Table(kind=TableKind.PROJECTS, number="12", title="项目支出表",
                                    unit=Unit.WAN_YUAN, blocks=(block,)),))

    assert _errors(report("100", "90", "80", "10", "10"), "table.projects.totals") == []
    found = _errors(report("100", "90", "81", "10", "10"), "table.projects.totals")
    assert [f.location.column for f in found] == ["grant"]


def test_a_carry_over_of_grants_or_a_lone_part_is_no_group_breakdown() -> None:
    """上年财政拨款结转 (keyed as the grant column) after the year's sources is a carry-over,
    not their 小计; a 小计 printed with one part only (其中：教育收费) is summed, its part
    not again, and not checked against that part."""
    from govbudget import Block, Column, Report, Table, Unit

    def report(keys: list[tuple[str, str]], *values: str) -> Report:
        block = Block("", tuple(Column(k, label) for k, label in keys),
                      (Row("合计", tuple(Decimal(v) for v in values), kind=RowKind.TOTAL),))
        return Report(tables=(Table(kind=TableKind.INCOME, number="2", title="收入总表",
                                    unit=Unit.WAN_YUAN, blocks=(block,)),))

    carry = [("total", "合计"), ("general_budget", "一般公共预算拨款"),
             ("fund_budget", "政府性基金预算拨款"), ("grant", "上年财政拨款结转"),
             ("business_income", "事业收入")]
    assert _errors(report(carry, "100", "70", "10", "5", "15"), "table.row.sources") == []
    lone = [("total", "合计"), ("special_account", "财政专户 小计"),
            ("education_fees", "其中：教育收费"), ("business_income", "事业收入")]
    assert _errors(report(lone, "100", "15", "10", "85"), "table.row.sources") == []
    assert _errors(report(lone, "100", "15", "10", "86"), "table.row.sources")
