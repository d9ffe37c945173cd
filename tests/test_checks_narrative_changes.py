"""Tests for govbudget.checks.narrative._changes: changes on last year, completion rates."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given

import govbudget
from govbudget import (
    Change,
    Fact,
    FactKind,
    Narrative,
    Report,
    Severity,
    round_half_up,
)
from govbudget.checks import check_report

from .narrative_helpers import (
    _CENTS,
    CA,
    CP,
    DOWN,
    FINAL_TEXT,
    SAME,
    SHANGHAI_TEXT,
    UP,
    Builder,
    D,
    at,
    base,
    edit,
    errors,
    findings,
    ids,
    narrated,
    shanghai,
    with_narrative,
)


def _change(this: str, change: str, rate: str | None, way: Change = DOWN,
            subject: str = "机关运行经费", rate_way: Change | None = None) -> Narrative:
    b = Builder()
    b.sec("八、机关运行经费增减变动原因说明")
    b.amount(subject, this)
    b.add(subject, CA, change, direction=way)
    if rate is not None:
        b.add(subject, CP, rate, "%", direction=rate_way or way)
    return b.narrative()


class TestChanges:
    RULE = "narrative.changes"

    def test_consistent(self) -> None:
        """The derived changes and rates agree."""
        assert findings(base()[0], self.RULE) == []

    def test_rate_against_amount(self) -> None:
        """210.60 减少14.05 gives last year 224.65 and a fall of 6.25%; 6.27% is wrong (with
        every rounding allowed the rate is 6.2499%–6.2585%). Printed as 210.6 (±0.05) this
        year's amount allows 6.23%–6.28%, so 6.27% is then consistent."""
        ok = _change("210.60", "14.05", "6.25")
        assert findings(with_narrative(Report(), ok), self.RULE) == []
        coarse = _change("210.6", "14.05", "6.27")
        assert errors(with_narrative(Report(), coarse), self.RULE) == []
        bad = with_narrative(Report(), _change("210.60", "14.05", "6.27"))
        errs = errors(bad, self.RULE)
        assert [(e.location.line, e.expected, e.actual) for e in errs] == [(4, "6.25%", "6.27%")]
        assert {r.line for r in errs[0].related} == {2, 3}
        assert errs[0].code == "narrative.changes.rate"

    def test_table_narrows_this_years_amount(self) -> None:
        """机关运行经费 printed as 30.0 stands for 29.95–30.05, so 减少3.00、下降9.20% is
        possible; the table's 30.00 (agreeing with it) narrows it to 29.995–30.005, and then
        the rate can only be 9.06%–9.12%."""
        n = _change("30.0", "3.00", "9.20")
        assert errors(with_narrative(Report(), n), self.RULE) == []
        errs = errors(with_narrative(base()[0], n), self.RULE)
        assert [(e.location.line, e.expected) for e in errs] == [(4, "9.09%")]

    def test_rounding_only_rate_is_info(self) -> None:
        """6.26% for 14.05 on 210.60 is possible when the rate was worked out from
        unrounded figures: info, not error."""
        found = findings(with_narrative(Report(), _change("210.60", "14.05", "6.26")), self.RULE)
        assert [(f.severity, f.expected) for f in found] == [(Severity.INFO, "6.25%")]
        assert found[0].code == "narrative.changes.rate_rounding"

    def test_increase(self) -> None:
        """An increase: last year = this year − change (150 +20 → 130, 15.38%)."""
        assert errors(with_narrative(Report(), _change("150.00", "20.00", "15.38", UP)),
                      self.RULE) == []
        assert errors(with_narrative(Report(), _change("150.00", "20.00", "13.33", UP)),
                      self.RULE)

    def test_direction_words_agree(self) -> None:
        """减少 … 增长: the directions disagree."""
        n = _change("210.6", "14.05", "6.25", DOWN, rate_way=UP)
        errs = errors(with_narrative(Report(), n), self.RULE)
        assert [(e.location.line, e.expected, e.actual) for e in errs] == [(4, "下降", "增长")]
        assert errs[0].code == "narrative.changes.direction"

    def test_same_means_zero(self) -> None:
        """与上年持平 with a change of 1.00 is an error; with 0 it is fine."""
        b = Builder()
        b.sec("七、三公")
        b.amount("公务接待费", "1.00")
        b.add("公务接待费", CA, "1.00", direction=SAME)
        errs = errors(with_narrative(Report(), b.narrative()), self.RULE)
        assert [e.location.line for e in errs] == [3]
        assert errs[0].code == "narrative.changes.same_nonzero"

    def test_zero_base(self) -> None:
        """增加0.30万元 when this year is 0.30: last year was 0, no rate exists. 增长100% is
        the common convention for it (a warning); any other rate is an error."""
        report = with_narrative(Report(), _change("0.30", "0.30", "100", UP))
        assert errors(report, self.RULE) == []
        warned = [f for f in check_report(report, rules=[self.RULE]).findings
                  if f.severity is Severity.WARNING]
        assert [f.code for f in warned] == ["narrative.changes.zero_base"]
        assert "上年为零" in warned[0].message
        errs = errors(with_narrative(Report(), _change("0.30", "0.30", "50", UP)), self.RULE)
        assert len(errs) == 1 and errs[0].code == "narrative.changes.zero_base"

    def test_nothing_changed_from_nothing(self) -> None:
        """0 this year, 增加0万元, 增长0%: nothing changed from nothing; the rate is undefined
        but 0% is the convention (a warning, as 100% from nothing); 增长5% is an error."""
        report = with_narrative(Report(), _change("0", "0", "0", UP))
        assert errors(report, self.RULE) == []
        assert [f.code for f in check_report(report, rules=[self.RULE]).findings
                if f.severity is Severity.WARNING] == ["narrative.changes.zero_base"]
        errs = errors(with_narrative(Report(), _change("0", "0", "5", UP)), self.RULE)
        assert [e.code for e in errs] == ["narrative.changes.zero_base"]

    def test_increase_cannot_exceed_this_year(self) -> None:
        """增加5.00万元 on this year's 3.00 would make last year negative."""
        errs = errors(with_narrative(Report(), _change("3.00", "5.00", None, UP)), self.RULE)
        assert [e.location.line for e in errs] == [3]
        assert errs[0].code == "narrative.changes.exceeds"

    def test_restated_change(self) -> None:
        """减少15.30 … 减少15.3 agree (15.3 stands for 15.25–15.35); 减少15.30 … 减少15.4
        do not, and the later statement is reported."""
        def said_twice(second: str) -> Report:
            b = Builder()
            b.sec("七、“三公”经费增减变动原因说明")
            b.amount("三公经费", "1.00")
            b.add("三公经费", CA, "15.30", direction=DOWN, compared_to=2023)
            b.add("三公经费", CA, second, direction=DOWN, compared_to=2023)
            return with_narrative(attrs.evolve(Report(), year=2024), b.narrative())

        assert findings(said_twice("15.3"), self.RULE) == []
        errs = errors(said_twice("15.4"), self.RULE)
        assert [e.location.line for e in errs] == [4]

    def test_balanced_totals_change_alike(self) -> None:
        """收入总计 and 支出总计 are equal in both years, so they change alike."""
        rep, n = base()
        f = at(n, "预算支出总计", CA)
        rep = with_narrative(rep, edit(n, f, value=f.value + D("1.00")))
        errs = errors(rep, self.RULE)
        assert errs and all(e.location.line == f.line for e in errs)

    def test_blame_goes_to_the_figure_in_most_failures(self) -> None:
        """A wrong 收入总计 change breaks its rate and the balance with 支出总计: both
        findings are placed on it, not on the rate or on 支出总计's change."""
        rep, n = base()
        f = at(n, "预算收入总计", CA)
        rep = with_narrative(rep, edit(n, f, value=f.value + D("3.00")))
        errs = errors(rep, self.RULE)
        assert len(errs) == 2 and {e.location.line for e in errs} == {f.line}


# ---------------------------------------------------------------------------
# narrative.three_public
# ---------------------------------------------------------------------------


class TestExecution:
    RULE = "narrative.execution"

    @pytest.mark.parametrize(("a", "b", "x", "expected"), [
        ("10210.34", "9746.50", "95.46", []),             # 95.457% rounds to 95.46
        ("10210.34", "9746.50", "95.45", ["error"]),      # truncated, not rounded
        ("100.00", "95.5", "95.45", ["info"]),            # 95.5 stands for 95.45–95.55
        ("0", "95.5", "100", []),                         # no rate on a zero budget
    ])
    def test_completion_rate(self, a: str, b: str, x: str, expected: list[str]) -> None:
        """完成年初预算的X% is 支出决算 ÷ 年初预算 over the printed rounding of all three."""
        rep = narrated(FINAL_TEXT.format(a=a, b=b, x=x), kind=govbudget.ReportKind.FINAL)
        assert [f.severity.value for f in findings(rep, self.RULE)] == expected

    def test_budget_and_outturn_are_not_restatements(self) -> None:
        """A final account's 年初预算 and 决算 of one subject are two figures, not one stated
        twice; the outturn is the figure the report is about."""
        rep = narrated(FINAL_TEXT.format(a="10210.34", b="9746.50", x="95.46"),
                       kind=govbudget.ReportKind.FINAL)
        assert findings(rep, "narrative.repeated") == []


class TestStatedBase:
    def test_consistent_item(self) -> None:
        """350.35 on a 执行数 of 348.52 is +0.53%; 320.17 持平 320.17; the two items add up
        to the total: nothing to report."""
        assert findings(shanghai()) == []

    def test_rate_against_the_stated_base(self) -> None:
        """A rate that the item's amount and its stated 执行数 do not give is an error."""
        assert ids(errors(shanghai(rate="0.35"), "narrative.changes")) == [
            ("narrative.changes", "error", 3)]
        assert ids(errors(shanghai(verb="减少"), "narrative.changes")) == [
            ("narrative.changes", "error", 3)]

    def test_restated_amount_is_reported_once_as_repeated(self) -> None:
        """350.35万元 then 2024年预算安排352.67万元: the restatement is wrong (repeated); the
        rate agrees with 350.35 and is not blamed."""
        rep = shanghai(again="352.67", total="672.84")
        assert ids(errors(rep, "narrative.changes")) == []
        assert ids(errors(rep, "narrative.repeated")) == [("narrative.repeated", "error", 3)]

    def test_same_as_the_base(self) -> None:
        """持平 with the 执行数 while the amounts differ is an error."""
        text = SHANGHAI_TEXT.format(total="670.52", a="350.35", p="348.52", again="350.35",
                                    verb="增加", rate="0.53", b="320.17").replace(
            "2023年当年预算执行数为320.17", "2023年当年预算执行数为318.14")
        assert [f.severity.value for f in errors(narrated(text), "narrative.changes")] == [
            "error"]


@given(a=_CENTS, b=_CENTS)
def test_a_rounded_completion_rate_is_never_wrong(a: Decimal, b: Decimal) -> None:
    """Whatever the budget and outturn, the completion rate worked out from them and
    rounded to 0.01% is not an error (the rule's interval contains it)."""
    x = round_half_up(b / a * 100, Decimal("0.01"))
    rep = narrated(FINAL_TEXT.format(a=f"{a:.2f}", b=f"{b:.2f}", x=f"{x:.2f}"),
                   kind=govbudget.ReportKind.FINAL)
    assert errors(rep, "narrative.execution") == []


@given(a=_CENTS, p=_CENTS)
def test_a_rounded_rate_on_a_stated_base_is_never_wrong(a: Decimal, p: Decimal) -> None:
    """A change rate worked out from the item's amount and its stated 执行数 and rounded to
    0.01% is not an error, whichever its direction."""
    rate = round_half_up(abs(a / p - 1) * 100, Decimal("0.01"))
    verb = "增加" if a >= p else "减少"
    rep = shanghai(a=f"{a:.2f}", again=f"{a:.2f}", p=f"{p:.2f}", verb=verb, rate=f"{rate:.2f}",
                   total=f"{a + Decimal('320.17'):.2f}")
    assert errors(rep, "narrative.changes") == []


def test_the_same_change_stated_twice_only_for_subjects_the_words_identify() -> None:
    """Two changes of a loose subject (预算数 of whatever the sentence is about) are not the
    same change; two of 基本支出 in one passage are."""
    from govbudget import Change, Narrative, Report

    def report(subject: str) -> Report:
        sec = "一、收支预算总体情况"
        facts = (
            Fact(subject, FactKind.CHANGE_AMOUNT, D("10.00"), "万元", line=1, section=sec,
                 direction=Change.INCREASE),
            Fact(subject, FactKind.CHANGE_AMOUNT, D("12.00"), "万元", line=2, section=sec,
                 direction=Change.INCREASE),
        )
        return Report(narrative=Narrative(facts=facts))

    def twice(r: Report) -> list[object]:
        return [f for f in check_report(r, rules=["narrative.changes"]).errors
                if "同一变动" in f.message]

    assert twice(report("预算数")) == []
    assert twice(report("基本支出"))
