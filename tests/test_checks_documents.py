"""Checks across documents (checks/_documents.py): pairing, and the cross-document rules."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs

from govbudget import (
    Change,
    Fact,
    FactKind,
    Narrative,
    Report,
    Severity,
    TableKind,
    TableSet,
    read_report,
)
from govbudget.checks import Relation, check_reports
from govbudget.testing import build_final_report, build_report

D = Decimal
REAL = Path(__file__).parent / "data" / "real"
LEAVES = [("2010101", D("1000000"), D("200000"))]
ECON = [("30101", D("900000")), ("30217", D("100000"))]


def _named(r: Report, source: str) -> Report:
    return attrs.evolve(r, source=source)


def _budget(year: int, reception: str = "0", unit: str = "某县教育局") -> Report:
    r = build_report(leaves=LEAVES, economic=ECON, projects=[("会议", D("200000"))],
                     reception_extra=D(reception), table_set=TableSet.MOF_9, year=year,
                     unit_name=unit)
    return _named(r, f"{unit}{year}预算")


def three_public_total(r: Report) -> Decimal:
    t = r.table(TableKind.THREE_PUBLIC)
    assert t is not None
    b = t.blocks[0]
    tot = next(b.totals())
    return tot.values[0] or D("0.00")  # a blank 合计 is zero


_NO_CHANGE = D(0)


def with_change(later: Report, earlier: Report, *, delta: Decimal = _NO_CHANGE,
                compared_to: int | None = None, rate_delta: Decimal | None = None) -> Report:
    """``later`` stating its 三公 total and its change on ``earlier`` (off by ``delta``),
    and with ``rate_delta`` also the rate of change (off by that many points)."""
    this, last = three_public_total(later), three_public_total(earlier)
    change = this - last + delta
    direction = (Change.INCREASE if change > 0 else Change.DECREASE if change < 0
                 else Change.SAME)
    facts = [
        Fact("三公经费", FactKind.AMOUNT, this, "万元", sentence=f"“三公”经费预算数为{this}万元",
             line=900, section="“三公”经费"),
        Fact("三公经费", FactKind.CHANGE_AMOUNT, abs(change), "万元",
             sentence=f"比上年预算变动{abs(change)}万元", line=900, section="“三公”经费",
             direction=direction, compared_to=compared_to),
    ]
    if rate_delta is not None and last:
        rate = ((this - last) / last * 100).quantize(D("0.01")) + rate_delta
        facts.append(Fact("三公经费", FactKind.CHANGE_PERCENT, abs(rate), "%",
                          sentence=f"变动{abs(rate)}%", line=900, section="“三公”经费",
                          direction=Change.INCREASE if rate > 0 else Change.DECREASE
                          if rate < 0 else Change.SAME, compared_to=compared_to))
    return attrs.evolve(later, narrative=Narrative(facts=tuple(facts)))


class TestPairing:
    def test_grouped_by_unit_and_year(self) -> None:
        """Budgets of one unit in adjacent years pair; another unit's budget does not."""
        a, b = _budget(2024), _budget(2025)
        c = _budget(2025, unit="某市统计局")
        res = check_reports([a, b, c])
        assert [(p.earlier, p.later, p.relation) for p in res.pairs] == [
            (a.source, b.source, Relation.BUDGET_TO_BUDGET)]
        assert [u.source for u in res.unpaired] == [c.source]

    def test_unit_name_not_read(self) -> None:
        """A document whose unit name was not read is listed as unpaired, with the reason,
        unless the caller says the documents are one unit's."""
        a, b = (attrs.evolve(_budget(y), unit_name=None) for y in (2024, 2025))
        res = check_reports([a, b])
        assert not res.pairs and len(res.unpaired) == 2
        assert "unit name" in res.unpaired[0].reason_en
        assert check_reports([a, b], same_unit=True).pairs

    def test_years_apart_do_not_pair(self) -> None:
        res = check_reports([_budget(2023), _budget(2025)])
        assert not res.pairs and len(res.unpaired) == 2

    def test_results_of_each_document(self) -> None:
        res = check_reports([_budget(2024), _budget(2025)])
        assert len(res.results) == 2 and res.ok


class TestChangeOnLastYear:
    def test_consistent_change_passes(self) -> None:
        a, b = _budget(2024), _budget(2025, reception="50000")
        res = check_reports([a, with_change(b, a)])
        assert res.findings == () and res.ok

    def test_wrong_change_names_both_documents(self) -> None:
        """A stated change that last year's document contradicts is an error located in this
        year's document, the other side in last year's."""
        a, b = _budget(2024), _budget(2025, reception="50000")
        res = check_reports([a, with_change(b, a, delta=D("2.00"))])
        errs = [f for f in res.findings if f.rule == "documents.change_on_last_year"]
        assert errs and errs[0].severity is Severity.ERROR
        assert errs[0].location.document == b.source
        assert a.source in {loc.document for loc in errs[0].related}
        assert not res.ok

    def test_not_claimed_alone(self) -> None:
        """The same report checked alone says nothing about it (it cannot know)."""
        a, b = _budget(2024), _budget(2025, reception="50000")
        alone = check_reports([with_change(b, a, delta=D("2.00"))])
        assert alone.findings == () and alone.ok

    def test_rate_of_change(self) -> None:
        """The stated rate against last year's figure: right passes, off by 1 point fails."""
        a, b = _budget(2024, reception="10000"), _budget(2025, reception="50000")
        assert check_reports([a, with_change(b, a, rate_delta=D(0))]).findings == ()
        res = check_reports([a, with_change(b, a, rate_delta=D(1))])
        assert [f.rule for f in res.findings] == ["documents.change_rate_on_last_year"]
        assert res.findings[0].location.document == b.source

    def test_change_on_another_year_is_not_compared(self) -> None:
        """"比2023年…" in a 2025 budget is not compared with the 2024 budget."""
        a, b = _budget(2024), _budget(2025, reception="50000")
        res = check_reports([a, with_change(b, a, delta=D("2.00"), compared_to=2023)])
        assert res.findings == ()


class TestFinalAgainstBudget:
    def _pair(self, budget_reception: str) -> tuple[Report, Report]:
        budget = _budget(2024)
        planned = three_public_total(budget) * 10000  # 元
        final = build_final_report(leaves=LEAVES, economic=ECON, year=2024,
                                   unit_name="某县教育局",
                                   three_public_budget=(D(0), planned + D(budget_reception),
                                                        D(0), D(0)))
        return budget, _named(final, "某县教育局2024决算")

    def test_three_public_budget_agrees(self) -> None:
        budget, final = self._pair("0")
        res = check_reports([budget, final])
        assert [p.relation for p in res.pairs] == [Relation.BUDGET_TO_FINAL]
        assert res.findings == ()

    def test_three_public_budget_differs_is_a_warning(self) -> None:
        """The 决算's 预算数 may be the adjusted budget: a warning naming both documents."""
        budget, final = self._pair("30000")
        res = check_reports([budget, final])
        warns = [f for f in res.findings if f.rule == "documents.final_three_public_budget"]
        assert warns and all(f.severity is Severity.WARNING for f in warns)
        assert {warns[0].location.document, *(x.document for x in warns[0].related)} == {
            budget.source, final.source}

    def test_initial_budget_in_the_narrative(self) -> None:
        """"一般公共预算财政拨款支出年初预算为X万元" is the budget's general-budget total."""
        budget, final = self._pair("0")
        t5 = budget.table(TableKind.GENERAL_EXPENDITURE)
        assert t5 is not None
        total = next(t5.blocks[0].totals()).values[0]
        assert total is not None
        for stated, errors in ((total, 0), (total + D("3.00"), 1)):
            fact = Fact("一般公共预算财政拨款支出年初预算", FactKind.AMOUNT, stated, "万元",
                        line=50, section="一般公共预算财政拨款支出决算情况")
            f2 = attrs.evolve(final, narrative=Narrative(facts=(fact,)))
            res = check_reports([budget, f2])
            found = [f for f in res.findings if f.rule == "documents.final_initial_budget"]
            assert len(found) == errors


class TestBalanceBroughtForward:
    def test_last_years_closing_balance(self) -> None:
        a = _named(build_final_report(leaves=LEAVES, economic=ECON, year=2023,
                                      income_extra=[D("20000")], unit_name="某局"), "2023决算")
        ok = _named(build_final_report(leaves=LEAVES, economic=ECON, year=2024,
                                       carry_in=D("20000"), unit_name="某局"), "2024决算")
        bad = _named(build_final_report(leaves=LEAVES, economic=ECON, year=2024,
                                        carry_in=D("30000"), unit_name="某局"), "2024决算")
        assert check_reports([a, ok]).findings == ()
        found = check_reports([a, bad]).findings
        assert {f.rule for f in found} == {"documents.balance_brought_forward"}
        assert {f.location.table for f in found} == {"summary", "grant_summary"}


class TestRealPair:
    def test_wanli_2025_statements_about_2024(self) -> None:
        """The 2025 Wanli budget's statements about 2024 (三公 and its items: 比2024年预算减少
        10万元 …) agree with the 2024 budget; the two are paired by their unit name."""
        a = read_report(REAL / "shanghai-wanli-2024-budget.txt")
        b = read_report(REAL / "shanghai-wanli-2025-budget.txt")
        assert a.unit_name and a.unit_name == b.unit_name
        res = check_reports([a, b])
        assert [p.relation for p in res.pairs] == [Relation.BUDGET_TO_BUDGET]
        assert not [f for f in res.findings if f.rule.startswith("documents.")]

    def test_wanli_changed_figure_caught_with_2024_only(self) -> None:
        """A changed 上年 figure in the 2025 report (减少12万元 instead of 10) is an error
        when the 2024 report is given with it, and not claimed when 2025 is checked alone."""
        a = read_report(REAL / "shanghai-wanli-2024-budget.txt")
        b = read_report(REAL / "shanghai-wanli-2025-budget.txt")
        facts = tuple(attrs.evolve(f, value=D("12")) if f.kind is FactKind.CHANGE_AMOUNT
                      and f.subject == "三公经费" and f.compared_to == 2024 else f
                      for f in b.narrative.facts)
        assert facts != b.narrative.facts
        b2 = attrs.evolve(b, narrative=attrs.evolve(b.narrative, facts=facts))
        res = check_reports([a, b2], same_unit=True)
        errs = [f for f in res.findings if f.rule == "documents.change_on_last_year"]
        assert len(errs) == 1 and errs[0].severity is Severity.ERROR
        assert errs[0].location.document == b.source
        assert {x.document for x in errs[0].related} == {a.source, b.source}
        alone = check_reports([b2])
        assert not [f for f in alone.findings if f.rule.startswith("documents.")]
