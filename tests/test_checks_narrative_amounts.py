"""Tests for govbudget.checks.narrative._amounts: totals, income sources, spending, classes and items, 三公, operating costs."""

from __future__ import annotations

import attrs
import pytest

import govbudget
from govbudget import (
    Report,
    Severity,
    TableKind,
)
from govbudget.checks import check_report, registry

from .checks_helpers import base_report, set_cell
from .narrative_helpers import (
    CA,
    DOWN,
    ITEM_TEXT,
    SAME,
    Builder,
    D,
    at,
    base,
    changed,
    edit,
    errors,
    findings,
    ids,
    narrated,
    shanghai,
    with_narrative,
)


class TestTotals:
    RULE = "narrative.totals"

    def test_consistent(self) -> None:
        """The derived totals agree with the 收支总表 and 财政拨款收支总表."""
        assert findings(base()[0], self.RULE) == []

    def test_wrong_total_income(self) -> None:
        """预算收入总计 off by a cent: an error on its line, the table cell in related."""
        rep, f = changed("预算收入总计", section="二、", value=D("150.01"))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [f.line]
        e = errs[0]
        assert (e.expected, e.actual, e.difference) == ("150.00万元", "150.01万元", "0.01万元")
        assert e.related[0].table == "summary" and e.related[0].row_name == "收入总计"
        assert e.location.section == f.section

    def test_current_year_spending_is_the_current_year_column(self) -> None:
        """本年预算安排 is the 当年预算安排 column of 支出总计: a summary whose 当年 column
        differs is caught on that line only."""
        rep, n = base()
        rep = set_cell(rep, TableKind.SUMMARY, "支出总计", "current_year", "149.00",
                       block="expenditure")
        f = at(n, "本年支出")
        assert [e.location.line for e in errors(rep, self.RULE)] == [f.line]

    def test_carry_over_side_follows_the_total_broken_down(self) -> None:
        """上年结转 after 预算支出总计 is the spending side (the 上年结转 column of
        支出总计); after 预算收入总计 the income row; in a 财政拨款 passage the grant
        summary's 上年财政拨款结转 row."""
        rep, n = base()
        spend = set_cell(rep, TableKind.SUMMARY, "支出总计", "carryover", "1.00",
                         block="expenditure")
        assert [e.location.line for e in errors(spend, self.RULE)] == [
            at(n, "上年结转", nth=1).line]
        grant = set_cell(rep, TableKind.GRANT_SUMMARY, "上年财政拨款结转", "amount", "1.00",
                         block="income")
        assert [e.location.line for e in errors(grant, self.RULE)] == [
            at(n, "上年结转", section="四、").line]
        income = set_cell(rep, TableKind.SUMMARY, "上年结转", "amount", "1.00", block="income")
        assert [e.location.line for e in errors(income, self.RULE)] == [
            at(n, "上年结转", nth=0).line, at(n, "上年结转", section="二、").line]

    def test_grant_totals(self) -> None:
        """财政拨款收支总计 and 财政拨款收入 against the 财政拨款收支总表."""
        rep, f = changed("财政拨款收支总计", value=D("151.00"))
        errs = errors(rep, self.RULE)  # against the table, and against 本年 + 上年结转
        assert len(errs) == 2 and {e.location.line for e in errs} == {f.line}
        rep, f = changed("财政拨款收入", value=D("149.00"))
        assert f.line in {e.location.line for e in errors(rep, self.RULE)}

    def test_breakdown_without_tables(self) -> None:
        """Without tables, a total must still equal 本年收入 + 上年结转 stated after it."""
        b = Builder()
        b.sec("一、收支总体情况")
        b.amount("预算收入总计", "100.00")
        b.amount("本年收入", "90.00")
        b.amount("上年结转", "0")
        rep = with_narrative(Report(), b.narrative())
        errs = errors(rep, self.RULE)
        assert len(errs) == 1 and errs[0].location.line == 2
        assert {r.line for r in errs[0].related} == {3, 4}

    def test_breakdown_within_rounding_is_info(self) -> None:
        """100.00 = 90.00 + 10.01 is a rounding-sized gap: info, not an error."""
        b = Builder()
        b.sec("一、收支总体情况")
        b.amount("预算收入总计", "100.00")
        b.amount("本年收入", "90.00")
        b.amount("上年结转", "10.01")
        found = findings(with_narrative(Report(), b.narrative()), self.RULE)
        assert [f.severity for f in found] == [Severity.INFO]

    def test_no_table_no_comparison(self) -> None:
        """A total whose table is absent is not compared (the rule says so in applies)."""
        rep, _ = changed("预算收入总计", section="二、", value=D("999.00"))
        rep = attrs.evolve(rep, tables=[t for t in rep.tables
                                        if t.kind not in (TableKind.SUMMARY, TableKind.INCOME)])
        assert not [e for e in errors(rep, self.RULE) if e.actual == "999.00万元"]
        assert "absent" in registry()[self.RULE].applies


# ---------------------------------------------------------------------------
# narrative.income_sources
# ---------------------------------------------------------------------------


class TestIncomeSources:
    RULE = "narrative.income_sources"

    def test_consistent(self) -> None:
        """The derived sources agree with the summary and the grant summary."""
        assert findings(base()[0], self.RULE) == []

    def test_wrong_source(self) -> None:
        """一般公共预算拨款收入 that is not the summary's 一般公共预算 row is an error."""
        rep, f = changed("一般公共预算拨款收入", section="二、", value=D("140.00"))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [f.line]
        assert errs[0].related[0].row_name == "一般公共预算"

    def test_zero_source_stated_as_money(self) -> None:
        """单位资金 stated as 5.00 万元 against a blank summary row (an exact zero)."""
        rep, f = changed("单位资金", value=D("5.00"))
        errs = errors(rep, self.RULE)
        assert [(e.location.line, e.expected) for e in errs] == [(f.line, "0万元")]

    def test_source_the_summary_does_not_print_is_zero(self) -> None:
        """事业收入 256.78 万元 while the summary has no such row and the income table no
        such column: the narrative claims money the tables do not show."""
        rep, _ = base()
        b = Builder()
        b.sec("二、收入预算情况说明")
        b.amount("事业收入", "256.78")
        errs = errors(with_narrative(rep, b.narrative()), self.RULE)
        assert len(errs) == 1 and errs[0].expected == "0万元"
        assert errs[0].related[0].row_name == "事业收入"

    def test_grant_passage_uses_the_grant_summary(self) -> None:
        """In a 财政拨款 passage the fund sources are the 财政拨款收支总表's; elsewhere the
        收支总表's. Change the grant summary's row: only the 财政拨款 passage's fact errs."""
        rep, n = base()
        rep = set_cell(rep, TableKind.GRANT_SUMMARY, "一般公共预算", "amount", "149.00",
                       block="income")
        assert [e.location.line for e in errors(rep, self.RULE)] == [
            at(n, "一般公共预算拨款收入", section="四、").line]


# ---------------------------------------------------------------------------
# narrative.spending
# ---------------------------------------------------------------------------


class TestSpending:
    RULE = "narrative.spending"

    def test_consistent(self) -> None:
        """The derived spending figures agree with the tables and with each other."""
        assert findings(base()[0], self.RULE) == []

    def test_scope_picks_the_table(self) -> None:
        """基本支出 in a passage about all spending is the 支出总表's; in a 一般公共预算
        passage the general-budget table's. Change the latter: only the 一般公共预算
        passage's 基本支出 errs."""
        rep, n = base()
        rep = set_cell(rep, TableKind.GENERAL_EXPENDITURE, "合计", "basic", "119.00")
        assert [e.location.line for e in errors(rep, self.RULE)] == [
            at(n, "基本支出", section="六、").line]
        rep2 = set_cell(base()[0], TableKind.EXPENDITURE, "合计", "project", "31.00")
        assert [e.location.line for e in errors(rep2, self.RULE)] == [
            at(n, "项目支出", section="三、").line]

    def test_personnel_public(self) -> None:
        """人员经费 against the basic-spending table's 合计 row; the wrong figure also
        breaks 人员经费 + 公用经费 = 基本支出, and both findings name its line."""
        rep, f = changed("人员经费", value=D("91.00"))
        errs = errors(rep, self.RULE)
        assert len(errs) == 2 and all(e.location.line == f.line for e in errs)

    def test_general_budget_spending(self) -> None:
        """一般公共预算支出 against the general-budget table's 合计."""
        rep, f = changed("一般公共预算支出", section="（二）", value=D("150.10"))
        assert [e.location.line for e in errors(rep, self.RULE)] == [f.line]

    def test_breakdowns_without_tables(self) -> None:
        """No tables: 基本 + 项目 must make the spending total of the passage, and 人员 +
        公用 the 基本支出; the finding goes on the total."""
        b = Builder()
        b.sec("三、支出预算情况说明")
        b.amount("预算支出总计", "150.00")
        b.amount("基本支出", "120.00")
        b.amount("项目支出", "31.00")
        b.sec("六、一般公共预算基本支出情况说明")
        b.amount("基本支出", "120.00", sentence="一般公共预算安排基本支出")
        b.amount("人员经费", "90.00")
        b.amount("公用经费", "30.00")
        errs = errors(with_narrative(Report(), b.narrative()), self.RULE)
        assert [e.location.line for e in errs] == [2]


# ---------------------------------------------------------------------------
# narrative.class_amounts
# ---------------------------------------------------------------------------


class TestClassAmounts:
    RULE = "narrative.class_amounts"

    def test_consistent(self) -> None:
        """Classes in the 财政拨款 and 一般公共预算 passages and the 科目 items agree."""
        assert findings(base()[0], self.RULE) == []

    def test_class_by_scope(self) -> None:
        """A class in the 财政拨款 passage is the grant summary's; in the 一般公共预算
        passage the general-budget table's."""
        rep, n = base()
        grant = set_cell(rep, TableKind.GRANT_SUMMARY, "一般公共服务支出", "total", "131.00",
                         block="expenditure")
        assert [e.location.line for e in errors(grant, self.RULE)] == [
            at(n, "一般公共服务支出", section="四、").line]
        general = set_cell(rep, TableKind.GENERAL_EXPENDITURE, "201", "total", "131.00")
        assert [e.location.line for e in errors(general, self.RULE)] == [
            at(n, "一般公共服务支出", section="（二）").line]

    def test_class_in_a_passage_about_all_spending(self) -> None:
        """Outside those passages, a class is the 收支总表's; one it does not print (all 30
        are printed, so a class absent from the general-budget table) is zero."""
        b = Builder()
        b.sec("三、支出预算情况说明")
        b.amount("一般公共服务支出", "130.00")
        b.amount("教育支出", "5.00")
        rep = with_narrative(base()[0], b.narrative())
        errs = errors(rep, self.RULE)
        assert [(e.location.line, e.expected) for e in errs] == [(3, "0万元")]

    def test_item_path(self) -> None:
        """A 科目 given by its 类/款/项 path equals that row of the general-budget table."""
        rep, f = changed("行政运行", value=D("100.50"))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [f.line]
        assert errs[0].related[0].row_code == "2010101"

    def test_unknown_item_is_a_warning(self) -> None:
        """A path the tables do not have is reported as a warning (names may differ)."""
        b = Builder()
        b.sec("（三）一般公共预算当年拨款具体使用情况")
        b.amount("人大会议", "10.00", qualifier="一般公共服务支出（类）人大事务（款）")
        found = findings(with_narrative(base()[0], b.narrative()), self.RULE)
        assert [(f.severity, f.location.line) for f in found] == [(Severity.WARNING, 2)]


# ---------------------------------------------------------------------------
# narrative.shares
# ---------------------------------------------------------------------------


class TestThreePublic:
    RULE = "narrative.three_public"

    def test_consistent(self) -> None:
        """The derived 三公 figures agree with the table and add up."""
        assert findings(base()[0], self.RULE) == []

    def test_against_the_table(self) -> None:
        """公务接待费 that is not the 三公 table's."""
        rep, f = changed("公务接待费", value=D("11.00"))
        errs = errors(rep, self.RULE)
        assert errs and all(e.location.line == f.line for e in errs)

    def test_items_add_up_without_a_table(self) -> None:
        """三公经费 1.00 = 0 + 1.00 + 0: fine; 2.00 is not."""
        def narrative(total: str) -> Report:
            b = Builder()
            b.sec("七、“三公”经费")
            b.amount("三公经费", total)
            b.amount("因公出国（境）费", "0")
            b.amount("公务接待费", "1.00")
            b.amount("公务用车购置费", "0")
            b.amount("公务用车运行维护费", "0")
            return with_narrative(Report(), b.narrative())

        assert findings(narrative("1.00"), self.RULE) == []
        assert [e.location.line for e in errors(narrative("2.00"), self.RULE)] == [2]

    def test_changes_add_up(self) -> None:
        """The sample's wording: 三公 减少15.30 (and again 15.3), items 相同 except 运行维护费
        减少15.30. An item change of 25.30 breaks the sum; as the total's change is
        confirmed by its restatement, the finding goes on the item."""
        def narrative(item: str) -> Report:
            b = Builder()
            b.sec("七、“三公”经费增减变动原因说明")
            b.amount("三公经费", "1.00")
            b.add("三公经费", CA, "15.30", direction=DOWN)
            b.add("三公经费", CA, "15.3", direction=DOWN)
            for subject, amount in (("因公出国（境）费", "0"), ("公务接待费", "1.00")):
                b.amount(subject, amount)
                b.add(subject, CA, "0", direction=SAME)
            b.amount("公务用车运行维护费", "0")
            b.add("公务用车运行维护费", CA, item, direction=DOWN)
            b.amount("公务用车购置费", "0")
            b.add("公务用车购置费", CA, "0", direction=SAME)
            return with_narrative(Report(), b.narrative())

        assert findings(narrative("15.30"), self.RULE) == []
        errs = errors(narrative("25.30"), self.RULE)
        assert [e.location.line for e in errs] == [10]
        assert 3 in {r.line for r in errs[0].related}


# ---------------------------------------------------------------------------
# narrative.operating_costs
# ---------------------------------------------------------------------------


class TestOperatingCosts:
    RULE = "narrative.operating_costs"

    def test_consistent(self) -> None:
        """The derived 机关运行经费 equals the 机关运行经费 table."""
        assert findings(base()[0], self.RULE) == []

    def test_precision_of_the_narrative(self) -> None:
        """30.0 (printed to 0.1) stands for 29.95–30.05: the table's 30.04 is within it
        (info), 30.06 is not (error); 30.1 against 30.00 is an error."""
        rep, _ = base()
        n = base()[1]
        f = at(n, "机关运行经费")
        for cell, said, sev in (("30.04", "30.0", Severity.INFO), ("30.06", "30.0", Severity.ERROR),
                                ("30.00", "30.1", Severity.ERROR)):
            r = set_cell(rep, TableKind.OPERATING_COSTS, "部门合计", "total", cell)
            r = with_narrative(r, edit(n, f, value=D(said)))
            assert [x.severity for x in findings(r, self.RULE)] == [sev], (cell, said)

    def test_without_the_table_it_is_at_most_public_funds(self) -> None:
        """No 机关运行经费 table: the basic-spending table's 公用经费 (30.00) is an upper
        bound; 25.00 is fine, 35.00 is an error that says which table was used."""
        rep, n = base()
        rep = attrs.evolve(rep, tables=[t for t in rep.tables
                                        if t.kind is not TableKind.OPERATING_COSTS])
        f = at(n, "机关运行经费")
        below = with_narrative(rep, edit(n, f, value=D("25.00")))
        assert findings(below, self.RULE) == []
        above = with_narrative(rep, edit(n, f, value=D("35.00")))
        errs = errors(above, self.RULE)
        assert len(errs) == 1 and "公用经费" in errs[0].message
        assert errs[0].related[0].column == "public"


# ---------------------------------------------------------------------------
# narrative.procurement
# ---------------------------------------------------------------------------


class TestItemSums:
    RULE = "narrative.class_amounts"

    @pytest.mark.parametrize(("total", "expected"), [
        ("670.52", []),          # 350.35 + 320.17
        ("670.51", ["info"]),    # a cent: the rounding of two items
        ("700.00", []),          # less than the total: the list may name the main items only
        ("650.00", ["error"]),   # parts cannot add up to more than their whole
    ])
    def test_items_against_their_total(self, total: str, expected: list[str]) -> None:
        rep = shanghai(total=total)
        assert [f.severity.value for f in findings(rep, self.RULE)] == expected


class TestItemsAgainstTables:
    RULE = "narrative.class_amounts"

    def test_item_equal_to_its_row(self) -> None:
        """An item whose path resolves is compared with its row (2010101 = 100.00万元)."""
        rep = narrated(ITEM_TEXT.format(path="一般公共服务支出（类）人大事务（款）行政运行（项）",
                                        amount="100.00"), base_report())
        assert findings(rep, self.RULE) == []

    def test_an_item_whose_path_drops_the_class_name_s_zhichu_is_its_row(self) -> None:
        """The 决算 template writes 一般公共服务（类） for 201 一般公共服务支出: the path finds
        the row (no "not found" warning), and the item is compared with it."""
        path = "一般公共服务（类）人大事务（款）行政运行（项）"
        assert findings(narrated(ITEM_TEXT.format(path=path, amount="100.00"), base_report()),
                        self.RULE) == []
        rep = narrated(ITEM_TEXT.format(path=path, amount="110.00"), base_report())
        assert ids(errors(rep, self.RULE)) == [(self.RULE, "error", 2)]

    def test_item_different_from_its_row(self) -> None:
        """110.00万元 for a row of 100.00万元 (the 738.66 vs 696.48 of a real report) is an
        error when the table is trusted."""
        rep = narrated(ITEM_TEXT.format(path="一般公共服务支出（类）人大事务（款）行政运行（项）",
                                        amount="110.00"), base_report())
        assert ids(errors(rep, self.RULE)) == [(self.RULE, "error", 2)]

    def test_not_checked_against_a_doubtful_table(self) -> None:
        """The same item against tables the reader doubts: not compared (no error)."""
        doubt = govbudget.Doubt("columns", "列无法对应", "columns", ())
        rep = narrated(ITEM_TEXT.format(path="一般公共服务支出（类）人大事务（款）行政运行（项）",
                                        amount="110.00"), base_report())
        rep = attrs.evolve(rep, tables=tuple(attrs.evolve(t, doubts=(doubt,))
                                             for t in rep.tables))
        result = check_report(rep, rules=[self.RULE])
        assert [f for f in result.findings if f.severity is Severity.ERROR] == []
        assert result.not_checked

    def test_not_checked_against_another_table_when_its_own_is_doubtful(self) -> None:
        """A 一般公共预算 item whose table (the 一般公共预算支出表) is doubtful is not compared
        with the all-funds 支出表 instead (other money), nor said to be missing from it."""
        doubt = govbudget.Doubt("columns", "列无法对应", "columns", ())
        text = ("三、一般公共预算支出情况说明\n  1. “一般公共服务支出（类）人大事务（款）行政运行（项）”"
                "110.00万元，主要用于行政运行。\n")
        rep = narrated(text, base_report())
        assert ids(errors(rep, self.RULE)) == [(self.RULE, "error", 2)]  # both trusted
        rep = attrs.evolve(rep, tables=tuple(
            attrs.evolve(t, doubts=(doubt,)) if t.kind is TableKind.GENERAL_EXPENDITURE else t
            for t in rep.tables))
        assert [f for f in check_report(rep, rules=[self.RULE]).findings
                if f.severity >= Severity.WARNING] == []

    def test_path_naming_the_wrong_kuan(self) -> None:
        """卫生健康支出（类）卫生健康支出（款）计划生育事务（项） where the tables print 21007
        计划生育事务: the path names a 款 its 类 does not have, and the item is identified."""
        rep = narrated(ITEM_TEXT.format(path="一般公共服务支出（类）一般公共服务支出（款）人大事务（项）",
                                        amount="100.00"), base_report())
        found = errors(rep, self.RULE)
        assert ids(found) == [(self.RULE, "error", 2)]
        assert found[0].expected == "20101 人大事务"

    def test_path_through_a_kuan_only_other_tables_print_is_not_wrong(self) -> None:
        """The same path with a 款 the 一般公共预算支出表 does not print but the 支出总表 does
        (a 款 funded by other money, 超长期特别国债安排的支出): no wrong path."""
        path = "一般公共服务支出（类）超长期特别国债安排的支出（款）人大事务（项）"
        rep = narrated(ITEM_TEXT.format(path=path, amount="100.00"), base_report())
        assert ids(errors(rep, self.RULE)) == [(self.RULE, "error", 2)]
        tables = []
        for t in rep.tables:
            if t.kind is TableKind.EXPENDITURE:
                b = t.blocks[0]
                extra = govbudget.Row(name="超长期特别国债安排的支出", values=(None,) * len(b.columns),
                                      code="20198", level=2)
                t = attrs.evolve(t, blocks=(attrs.evolve(b, rows=(*b.rows, extra)),
                                            *t.blocks[1:]))
            tables.append(t)
        rep = attrs.evolve(rep, tables=tuple(tables))
        assert [f for f in errors(rep, self.RULE) if f.code.endswith("wrong_path")] == []


def test_item_found_through_the_catalogue() -> None:
    """A table row printed under another name (行政运行（人大）) is still the item when the
    catalogue's names identify its code (2010101 under 20101 人大事务, 201)."""
    rep = base_report()
    tables = []
    for t in rep.tables:
        blocks = [attrs.evolve(b, rows=tuple(attrs.evolve(r, name="行政运行（人大）")
                                             if r.code == "2010101" else r for r in b.rows))
                  for b in t.blocks]
        tables.append(attrs.evolve(t, blocks=tuple(blocks)))
    rep = attrs.evolve(rep, tables=tuple(tables))
    path = "一般公共服务支出（类）人大事务（款）行政运行（项）"
    ok = narrated(ITEM_TEXT.format(path=path, amount="100.00"), rep)
    assert findings(ok, "narrative.class_amounts") == []
    wrong = narrated(ITEM_TEXT.format(path=path, amount="110.00"), rep)
    assert [f.severity.value for f in findings(wrong, "narrative.class_amounts")] == ["error"]


def test_item_list_with_fund_items_is_measured_against_all_grants() -> None:
    """财政拨款支出 includes fund money: a list of 财政拨款 items is compared with it, not with
    the smaller 一般公共预算 figure stated after it."""
    text = ("2024年部门预算编制说明\n"
            "    财政拨款支出预算700.00万元。其中：一般公共预算拨款支出预算600.00万元，政府性基金"
            "拨款支出预算100.00万元。财政拨款支出主要内容如下：\n"
            "  1. “一般公共服务支出（类）人大事务（款）行政运行（项）”600.00万元，主要用于行政运行。\n"
            "  2. “城乡社区支出（类）国有土地使用权出让收入安排的支出（款）其他国有土地使用权出让收入"
            "安排的支出（项）”100.00万元，主要用于出让。\n")
    assert findings(narrated(text), "narrative.class_amounts") == []
