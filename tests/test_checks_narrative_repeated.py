"""Tests for govbudget.checks.narrative._repeated."""

from __future__ import annotations

from govbudget import (
    Report,
)

from .narrative_helpers import (
    Builder,
    D,
    at,
    base,
    edit,
    errors,
    findings,
    narrated,
    with_narrative,
)


class TestRepeated:
    RULE = "narrative.repeated"

    def test_consistent(self) -> None:
        """The derived narrative states several figures twice, always alike."""
        assert findings(base()[0], self.RULE) == []

    def test_restatement_differs(self) -> None:
        """预算收入总计 stated as 150.00 then 150.01: the statement the table does not
        confirm is reported, whichever comes first."""
        rep, n = base()
        first = at(n, "预算收入总计")
        second = at(n, "预算收入总计", section="二、")
        for wrong in (first, second):
            r = with_narrative(rep, edit(n, wrong, value=D("150.01")))
            errs = errors(r, self.RULE)
            assert [e.location.line for e in errs] == [wrong.line]

    def test_rounding_of_both_statements(self) -> None:
        """2,599.99 and 2600.0 agree (2600.0 stands for 2599.95–2600.05); 2600.00 does
        not. Without tables the later statement is reported."""
        def twice(second: str) -> Report:
            b = Builder()
            b.sec("一、")
            b.amount("预算收入总计", "2599.99")
            b.sec("二、")
            b.amount("预算收入总计", second)
            return with_narrative(Report(), b.narrative())

        assert errors(twice("2600.0"), self.RULE) == []
        assert [e.location.line for e in errors(twice("2600.00"), self.RULE)] == [4]

    def test_different_scopes_are_different_figures(self) -> None:
        """基本支出 of all spending and 基本支出 of the general budget may differ."""
        b = Builder()
        b.sec("三、支出预算情况说明")
        b.amount("基本支出", "120.00")
        b.sec("六、一般公共预算基本支出情况说明")
        b.amount("基本支出", "100.00", sentence="一般公共预算安排基本支出")
        assert findings(with_narrative(Report(), b.narrative()), self.RULE) == []


def test_the_years_money_and_a_figure_with_the_carry_over() -> None:
    """一般公共预算拨款收入110.00 (with the carry-over) and 本年…一般公共预算拨款收入100.00: not
    one figure when money is carried over; without a carry-over they are, and differ."""
    def narrative(carry: bool) -> Report:
        b = Builder()
        b.sec("二、收入预算情况说明")
        b.amount("一般公共预算拨款收入", "110.00")
        b.amount("一般公共预算拨款收入", "100.00", qualifier="当年")
        if carry:
            b.amount("上年结转", "10.00")
        return with_narrative(Report(), b.narrative())

    assert errors(narrative(True), "narrative.repeated") == []
    assert [e.code for e in errors(narrative(False), "narrative.repeated")] == [
        "narrative.repeated.amount"]


def test_procurement_of_the_whole_and_of_its_general_budget_part_differ() -> None:
    """The department's 政府采购货物预算 and that of its 一般公共预算 part are two figures."""
    text = ("五、其他\n  （二）政府采购情况。政府采购预算总额6,143.52万元：政府采购货物预算5,242.52万元、"
            "政府采购服务预算901万元；其中一般公共预算拨款政府采购2,521.44万元：政府采购货物预算"
            "2,020.44万元、政府采购服务预算501万元。\n  政府采购货物预算5,242.50万元。\n")
    found = errors(narrated(text), "narrative.repeated")
    assert [(f.location.line, f.actual) for f in found] == [(3, found[0].actual)]
    assert "5242.5" in str(found[0].actual)


def test_the_grants_total_in_a_grants_passage_is_not_the_budgets() -> None:
    """"本部门收入预算总计182157.13万元" and, under （二）财政拨款收支情况, "财政拨款收入预算总计
    181807.13万元…支出预算总计181807.13万元": the grants' totals, not the budget's restated."""
    text = ("五、部门预算收支说明\n（一）收支预算总体情况\n  本部门收入预算总计182157.13万元，"
            "支出预算总计182157.13万元。\n（二）财政拨款收支情况\n  本部门财政拨款收入预算总计181807.13"
            "万元，全部为一般公共预算拨款。支出预算总计181807.13万元。\n")
    assert errors(narrated(text), "narrative.repeated") == []
