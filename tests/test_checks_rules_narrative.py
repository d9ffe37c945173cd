"""Tests for govbudget.checks._rules_narrative: every narrative rule passes and fails.

Three kinds of test:

- the sample report: every finding the narrative rules make on it, each explained, and a
  mutation test that changes each 万元 amount and % figure of its narrative text, re-reads
  it and requires a finding on that line (the figures that cannot be caught, or can only
  be caught on a neighbouring figure, are listed with the reason);
- hand-made reports: :func:`derive` writes the narrative a consistent report would have
  (every figure from its tables, each on its own line), then one figure is changed;
- properties: derived narratives of generated reports give no error, and a single fact
  changed by more than rounding gives an error naming its line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govbudget
from govbudget import (
    Change,
    Fact,
    FactKind,
    Finding,
    Narrative,
    NarrativeSection,
    PerformanceTable,
    Procurement,
    Report,
    Severity,
    TableKind,
    TableSet,
    round_half_up,
)
from govbudget.checks import check_report, registry
from govbudget.testing import consistent_reports

from .checks_helpers import base_report, set_cell

D = Decimal
Q = D("0.01")
SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / \
    "jincheng-npc-office-2024.txt"
NARRATIVE = tuple(k for k in registry() if k.startswith("narrative."))
A, S, CA, CP, N = (FactKind.AMOUNT, FactKind.SHARE, FactKind.CHANGE_AMOUNT,
                   FactKind.CHANGE_PERCENT, FactKind.COUNT)
UP, DOWN, SAME = Change.INCREASE, Change.DECREASE, Change.SAME


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


class Builder:
    """Facts on consecutive lines, in sections, as the narrative reader gives them."""

    def __init__(self) -> None:
        self.facts: list[Fact] = []
        self.sections: list[NarrativeSection] = []
        self.line = 0
        self.section = ""

    def sec(self, title: str) -> None:
        self.line += 1
        self.section = title
        self.sections.append(NarrativeSection(title=title, text="", line=self.line))

    def add(self, subject: str, kind: FactKind, value: Decimal | str | int, unit: str = "万元",
            *, sentence: str | None = None, qualifier: str | None = None,
            direction: Change | None = None, compared_to: int | None = None) -> Fact:
        self.line += 1
        f = Fact(subject=subject, kind=kind, value=D(value), unit=unit,
                 sentence=subject if sentence is None else sentence, line=self.line,
                 section=self.section, direction=direction, compared_to=compared_to,
                 qualifier=qualifier)
        self.facts.append(f)
        return f

    def amount(self, subject: str, value: Decimal | str | int, **kw: object) -> Fact:
        return self.add(subject, A, value, **kw)  # type: ignore[arg-type]

    def share(self, subject: str, value: Decimal | str, **kw: object) -> Fact:
        kw.setdefault("sentence", f"占{value}%")
        return self.add(subject, S, value, "%", **kw)  # type: ignore[arg-type]

    def count(self, subject: str, value: int, unit: str = "个", **kw: object) -> Fact:
        return self.add(subject, N, value, unit, **kw)  # type: ignore[arg-type]

    def change(self, subject: str, this: Decimal, last: Decimal, *, pct: bool = True,
               qualifier: str | None = None) -> None:
        """This year's ``this`` against last year's ``last``: a change and its rate."""
        delta = this - last
        if delta == 0:
            self.add(subject, CA, "0", direction=SAME, qualifier=qualifier,
                     sentence="与上年持平")
            return
        way = UP if delta > 0 else DOWN
        self.add(subject, CA, abs(delta), direction=way, qualifier=qualifier,
                 sentence=("比上年增加" if way is UP else "比上年减少") + f"{abs(delta)}万元")
        if pct and last > 0:
            self.add(subject, CP, round_half_up(abs(delta) / last * 100, Q), "%", direction=way,
                     qualifier=qualifier, sentence=f"增长{abs(delta)}%")

    def narrative(self) -> Narrative:
        return Narrative(sections=self.sections, facts=self.facts)


def value(report: Report, kind: TableKind, row: str, key: str, block: str | None = None
          ) -> Decimal:
    """A table cell (row by code, else name); a blank cell is an exact ``0``."""
    t = report.table(kind)
    assert t is not None
    b = t.block(block)
    v = b.value(b.row(row), key)
    return D(0) if v is None else v


def pct(part: Decimal, whole: Decimal) -> Decimal:
    return D(0) if part == 0 else round_half_up(part / whole * 100, Q)


TEN_PERCENT = D("0.1")


def derive(report: Report, growth: Decimal = TEN_PERCENT) -> Narrative:
    """The narrative a consistent report would have: every figure from its tables.

    Changes on last year use last year = this year ÷ (1 + ``growth``), rounded; the
    procurement split, the vehicles and the project categories are invented consistently.
    """
    b = Builder()
    S1, G4 = TableKind.SUMMARY, TableKind.GRANT_SUMMARY  # noqa: N806

    def last(this: Decimal) -> Decimal:
        return round_half_up(this / (1 + growth), Q)

    b.sec("一、部门收支总体情况")
    income = value(report, S1, "收入总计", "amount", "income")
    b.amount("预算收入总计", income)
    b.amount("本年收入", value(report, S1, "本年收入合计", "amount", "income"))
    b.amount("上年结转", "0")
    b.change("预算收入总计", income, last(income))
    spend = value(report, S1, "支出总计", "total", "expenditure")
    b.amount("预算支出总计", spend)
    b.amount("本年支出", value(report, S1, "支出总计", "current_year", "expenditure"),
             sentence="本年预算安排")
    b.amount("上年结转", "0")
    b.change("预算支出总计", spend, last(spend))

    b.sec("二、收入预算情况说明")
    b.amount("预算收入总计", income)
    for subject, row in (("一般公共预算拨款收入", "一般公共预算"),
                         ("政府性基金预算拨款收入", "政府性基金预算"),
                         ("国有资本经营预算拨款收入", "国有资本经营预算"),
                         ("财政专户管理资金收入", "财政专户管理资金"), ("单位资金", "单位资金"),
                         ("上年结转", "上年结转")):
        amt = value(report, S1, row, "amount", "income")
        b.amount(subject, amt)
        b.share(subject, pct(amt, income))

    b.sec("三、支出预算情况说明")
    basic = value(report, TableKind.EXPENDITURE, "合计", "basic")
    project = value(report, TableKind.EXPENDITURE, "合计", "project")
    b.amount("预算支出总计", spend)
    b.amount("基本支出", basic)
    b.share("基本支出", pct(basic, spend))
    b.amount("项目支出", project)
    b.share("项目支出", pct(project, spend))

    b.sec("四、财政拨款收支预算总体情况说明")
    b.amount("财政拨款收支总计", value(report, G4, "收入总计", "amount", "income"))
    b.amount("一般公共预算拨款收入", value(report, G4, "一般公共预算", "amount", "income"),
             sentence="一般公共预算拨款")
    b.amount("财政拨款收入", value(report, G4, "本年收入合计", "amount", "income"),
             qualifier="当年", sentence="当年拨款收入")
    b.amount("上年结转", "0", sentence="上年结转收入")
    t4 = report.table(G4)
    assert t4 is not None
    for r in t4.block("expenditure").rows:
        if r.kind is govbudget.RowKind.DATA and r.values[0]:
            b.amount(r.name, r.values[0])

    t5 = report.table(TableKind.GENERAL_EXPENDITURE)
    assert t5 is not None
    b5 = t5.block()
    general = value(report, TableKind.GENERAL_EXPENDITURE, "合计", "total")
    b.sec("五、一般公共预算支出情况说明")
    b.sec("（一）一般公共预算当年支出规模变化情况")
    b.amount("一般公共预算支出", general, qualifier="当年", sentence="一般公共预算当年支出")
    b.change("一般公共预算支出", general, last(general), qualifier="当年")
    b.sec("（二）一般公共预算当年支出结构情况")
    b.amount("一般公共预算支出", general, qualifier="当年", sentence="一般公共预算当年支出")
    names = {r.code: r.name for r in b5.rows if r.code}
    for r in b5.rows:
        if r.code and len(r.code) == 3 and r.values[0]:
            b.amount(r.name, r.values[0])
            b.share(r.name, pct(r.values[0], general))
    b.sec("（三）一般公共预算当年拨款具体使用情况")
    for r in b5.rows:
        if r.code and len(r.code) == 7 and r.values[0]:
            b.amount(r.name, r.values[0],
                     qualifier=f"{names[r.code[:3]]}（类）{names[r.code[:5]]}（款）")

    b.sec("六、一般公共预算基本支出情况说明")
    gbasic = value(report, TableKind.GENERAL_EXPENDITURE, "合计", "basic")
    personnel = value(report, TableKind.BASIC_ECONOMIC, "合计", "personnel")
    public = value(report, TableKind.BASIC_ECONOMIC, "合计", "public")
    b.amount("基本支出", gbasic, sentence="一般公共预算安排基本支出")
    b.amount("人员经费", personnel)
    b.share("人员经费", pct(personnel, gbasic))
    b.amount("公用经费", public)
    b.share("公用经费", pct(public, gbasic))

    b.sec("七、“三公”经费增减变动原因说明")
    tp = TableKind.THREE_PUBLIC
    items = {"因公出国（境）费": value(report, tp, "因公出国（境）费", "total"),
             "公务接待费": value(report, tp, "公务接待费", "total"),
             "公务用车购置费": value(report, tp, "①公务用车购置费", "total"),
             "公务用车运行维护费": value(report, tp, "②公务用车运行维护费", "total")}
    lasts = {k: last(v) for k, v in items.items()}
    vehicles = value(report, tp, "公务用车购置及运行费", "total")
    vehicles_last = lasts["公务用车购置费"] + lasts["公务用车运行维护费"]
    total = value(report, tp, "合计", "total")
    total_last = lasts["因公出国（境）费"] + lasts["公务接待费"] + vehicles_last
    b.amount("三公经费", total, sentence="财政拨款安排的“三公”经费预算")
    b.change("三公经费", total, total_last)
    for subject in ("因公出国（境）费", "公务接待费"):
        b.amount(subject, items[subject])
        b.change(subject, items[subject], lasts[subject], pct=False)
    b.amount("公务用车购置及运行维护费", vehicles)
    b.change("公务用车购置及运行维护费", vehicles, vehicles_last, pct=False)
    for subject in ("公务用车购置费", "公务用车运行维护费"):
        b.amount(subject, items[subject])
        b.change(subject, items[subject], lasts[subject], pct=False)

    b.sec("八、机关运行经费增减变动原因说明")
    oc_table = report.table(TableKind.OPERATING_COSTS)
    oc = value(report, TableKind.OPERATING_COSTS, "部门合计", "total") if oc_table else public
    b.amount("机关运行经费", oc, sentence="机关运行经费财政拨款预算")
    b.change("机关运行经费", oc, last(oc))

    b.sec("九、政府采购情况")
    parts = [round_half_up(project * share, Q) for share in (D("0.2"), D("0.3"), D("0.1"))]
    b.amount("政府采购预算总额", sum(parts, D(0)))
    for subject, part in zip(("政府采购货物预算", "政府采购工程预算", "政府采购服务预算"), parts,
                             strict=True):
        b.amount(subject, part)

    b.sec("十、绩效管理情况")
    t12 = report.table(TableKind.PROJECTS)
    n = sum(1 for _, r in t12.rows() if r.kind is govbudget.RowKind.DATA) if t12 else 0
    for subject in ("纳入绩效目标管理的二级项目", "公开项目绩效目标"):
        if n:
            b.count(subject, n)
        b.amount(subject, project, sentence="涉及金额")
        if subject == "公开项目绩效目标":
            b.share(subject, "100", sentence="占部门（单位）项目支出总额的100%")
        if n:
            b.count(subject, n, qualifier="其他运转类项目")
            b.amount(subject, project, qualifier="其他运转类项目")
            b.count(subject, 0, qualifier="特定目标类项目")
            b.amount(subject, "0", qualifier="特定目标类项目")

    b.sec("十一、国有资产占有使用情况")
    b.count("公务用车", 3, "辆", qualifier="实有")
    b.count("公务用车", 1, "辆", qualifier="领导用车")
    b.count("公务用车", 2, "辆", qualifier="其他公务用车")
    return b.narrative()


def with_narrative(report: Report, narrative: Narrative | Sequence[Fact]) -> Report:
    if not isinstance(narrative, Narrative):
        narrative = Narrative(facts=narrative)
    return attrs.evolve(report, narrative=narrative)


def findings(report: Report, *rules: str) -> list[Finding]:
    return list(check_report(report, rules=rules or NARRATIVE).findings)


def errors(report: Report, *rules: str) -> list[Finding]:
    return [f for f in findings(report, *rules) if f.severity is Severity.ERROR]


def serious(report: Report, *rules: str) -> list[Finding]:
    return [f for f in findings(report, *rules) if f.severity >= Severity.WARNING]


def lines_named(f: Finding) -> set[int | None]:
    return {f.location.line, *(r.line for r in f.related)}


def at(narrative: Narrative, subject: str, kind: FactKind = A, *, section: str = "",
       qualifier: object = ..., nth: int = 0) -> Fact:
    """A fact of the narrative by subject, kind and section (part of its title)."""
    found = [f for f in narrative.facts if f.subject == subject and f.kind is kind
             and section in f.section and (qualifier is ... or f.qualifier == qualifier)]
    return found[nth]


def edit(narrative: Narrative, fact: Fact, **changes: Any) -> Narrative:
    """The narrative with one fact changed (by its line)."""
    facts = [attrs.evolve(f, **changes) if f.line == fact.line and f == fact else f
             for f in narrative.facts]
    return attrs.evolve(narrative, facts=facts)


@functools.cache
def base() -> tuple[Report, Narrative]:
    r = base_report()
    n = derive(r)
    return with_narrative(r, n), n


def changed(fact_of: str, kind: FactKind = A, *, section: str = "", qualifier: object = ...,
            nth: int = 0, report: Report | None = None, **changes: object
            ) -> tuple[Report, Fact]:
    """The base report with one derived fact changed; the fact as it was."""
    rep, n = base()
    if report is not None:
        rep = report
    f = at(n, fact_of, kind, section=section, qualifier=qualifier, nth=nth)
    return with_narrative(rep, edit(n, f, **changes)), f


def test_derived_base_narrative_is_clean() -> None:
    """The derived narrative of the base report has no finding at all (the helper itself
    is right), and states every kind of figure of a budget (a completion rate is a 决算's)."""
    rep, n = base()
    assert findings(rep) == []
    # A completion rate (完成年初预算的x%) is a final account's figure: not in a budget.
    assert {f.kind for f in n.facts} == set(FactKind) - {FactKind.EXECUTION}


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

growths = st.integers(-900, 3000).map(lambda n: D(n) / 1000)


@given(st.one_of(consistent_reports(rounded=True), consistent_reports(),
                 consistent_reports(table_set=TableSet.MOF_9, rounded=True)), growths)
def test_derived_narrative_of_consistent_report_has_no_error(report: Report,
                                                              growth: Decimal) -> None:
    """Every figure of the narrative worked out from a consistent report (rounded to
    0.01 万元 on its own, as published) is consistent: no error and no warning, only
    rounding-sized ``info``."""
    rep = with_narrative(report, derive(report, growth))
    assert serious(rep) == []


def _rate_range(c: Decimal, a: Decimal, up: bool) -> tuple[Decimal, Decimal] | None:
    """A generous range of the rate (%) a change ``c`` on this year's ``a`` can show:
    the change within ±0.02 and last year within ±0.03 of their printed values."""
    last = a - c if up else a + c
    if last - D("0.03") <= 0:
        return None
    lo = max(c - D("0.02"), D(0)) / (last + D("0.03")) * 100
    return lo, (c + D("0.02")) / (last - D("0.03")) * 100


def _base_of(facts: Sequence[Fact], i: int) -> Fact:
    return next(facts[j] for j in range(i - 1, -1, -1)
                if facts[j].subject == facts[i].subject and facts[j].kind is A)


def perturbed(facts: Sequence[Fact], i: int, up: bool, extra: Decimal) -> Decimal | None:
    """A value for fact ``i`` beyond what rounding allows (``None``: no such value)."""
    f = facts[i]
    step = extra * Q
    if f.kind is N:
        return f.value + 1 + extra if up or f.value < 1 + extra else f.value - 1 - extra
    if f.kind is A:
        return f.value + D("0.05") + step if up or f.value < D("0.05") + step \
            else f.value - D("0.05") - step
    if f.kind is CA and f.direction is SAME:
        return Q + step
    if f.kind is CA:
        nxt = facts[i + 1] if i + 1 < len(facts) else None
        if nxt is None or nxt.kind is not CP or nxt.subject != f.subject:
            return f.value + D("0.1") + step if up or f.value < D("0.1") + step \
                else f.value - D("0.1") - step
        a = _base_of(facts, i).value
        low, high = nxt.value - D("0.01"), nxt.value + D("0.01")
        delta = D("0.05")
        for _ in range(60):
            c = f.value + delta if up or f.value <= delta else f.value - delta
            rng = _rate_range(c, a, f.direction is UP)
            if rng is None or rng[0] > high or rng[1] < low:
                return c + (step if c > f.value else -min(step, c))
            delta *= 2
        return None
    if f.kind is CP:
        amount = facts[i - 1]
        rng = _rate_range(amount.value, _base_of(facts, i - 1).value, f.direction is UP)
        if rng is None:
            return None
        return rng[1] + D("0.02") + step if up or rng[0] < D("0.03") + step \
            else rng[0] - D("0.02") - step
    # a share: its part is the amount before it, its whole the section's first amount
    # (for the named whole of the performance section, the part itself)
    part = facts[i - 1].value
    whole = part if "项目支出总额" in f.sentence else next(
        g.value for g in facts if g.section == f.section and g.kind is A)
    if whole <= D("0.005"):
        return None
    if part == 0 and part.as_tuple().exponent == 0:  # an exact "0": its share is 0
        return D("0.01") + step
    lo = max(part - D("0.005"), D(0)) / (whole + D("0.005")) * 100
    hi = (part + D("0.005")) / (whole - D("0.005")) * 100
    return hi + D("0.02") + step if up or lo < D("0.03") + step else lo - D("0.02") - step


@given(consistent_reports(rounded=True), growths, st.data(), st.booleans(),
       st.integers(0, 10**6))
def test_any_fact_changed_beyond_rounding_is_an_error_naming_its_line(
        report: Report, growth: Decimal, data: st.DataObject, up: bool, extra: int) -> None:
    """Change one fact of a consistent narrative by more than rounding allows: some rule
    reports an error that names the fact's line (as its location or as the other side of
    the comparison)."""
    narrative = derive(report, growth)
    facts = narrative.facts
    i = data.draw(st.integers(0, len(facts) - 1), label="fact")
    new = perturbed(facts, i, up, D(extra))
    if new is None:
        return  # a share of a zero whole, or a rate on a zero base: nothing to compare
    new = round_half_up(new, D(1) if facts[i].kind is N else Q)
    rep = with_narrative(report, edit(narrative, facts[i], value=new))
    line = facts[i].line
    assert any(line in lines_named(f) for f in errors(rep)), (facts[i], new, [
        (f.rule, f.message, f.location.line) for f in findings(rep)])


# ---------------------------------------------------------------------------
# The sample report
# ---------------------------------------------------------------------------


@functools.cache
def sample() -> Report:
    return govbudget.read_report(SAMPLE)


def test_rules_are_registered_with_titles_and_conditions() -> None:
    """The thirteen narrative rules are registered, each with a Chinese and an English
    title, a stated condition and a docstring."""
    reg = registry()
    expected = {"totals", "income_sources", "spending", "class_amounts", "shares", "changes",
                "execution",
                "three_public", "operating_costs", "procurement", "performance", "assets",
                "repeated"}
    assert {k.split(".", 1)[1] for k in NARRATIVE} == expected
    for k in NARRATIVE:
        r = reg[k]
        assert r.category.value == "narrative"
        assert re.search(r"[\u4e00-\u9fff]", r.title)
        assert re.search(r"[A-Za-z]", r.title_en)
        assert r.applies and len(r.doc) > 80


def test_sample_has_exactly_the_two_performance_errors() -> None:
    """On the sample, the narrative rules find two errors and nothing else (no warning,
    no info): both on line 892, where the narrative says 特定目标类项目0个，涉及项目金额
    894.11万元. Every other figure of the narrative agrees with the tables and with the
    other figures, exactly or within rounding."""
    found = findings(sample())
    assert [(f.rule, f.severity, f.location.line) for f in found] == [
        ("narrative.performance", Severity.ERROR, 892)] * 2


def test_sample_zero_projects_with_money_is_a_genuine_error() -> None:
    """Genuine error: a category of 0 projects cannot involve 894.11 万元 (the first block
    of the same section says 特定目标类项目0个，涉及金额0万元; the author copied the
    other category's amount)."""
    f = next(f for f in findings(sample()) if "0个" in f.message)
    assert f.location.row_name == "公开项目绩效目标（特定目标类项目）"
    assert (f.expected, f.actual, f.difference) == ("0万元", "894.11万元", "894.11万元")
    assert 892 in {r.line for r in f.related}


def test_sample_categories_do_not_add_up_is_the_same_genuine_error() -> None:
    """Genuine error, the same slip seen by the sum: the categories' amounts (894.11 +
    894.11) are twice the 894.11 万元 the sentence states for all published targets. The
    total (line 890) agrees with the project spending table, so the finding is placed on
    the wrong category amount (line 892), with the total in ``related``."""
    f = next(f for f in findings(sample()) if "之和" in f.message)
    assert (f.expected, f.actual, f.difference) == ("1788.22万元", "894.11万元", "-894.11万元")
    assert f.location.line == 892
    assert 890 in {r.line for r in f.related}


@pytest.mark.parametrize("rule", [r for r in NARRATIVE if r != "narrative.performance"])
def test_sample_is_consistent_for_every_other_rule(rule: str) -> None:
    """Every other rule finds nothing at all on the sample: its totals, sources, spending,
    classes, shares, changes (incl. 减少15.30万元 / 15.3万元), 三公, 机关运行经费 (210.6 vs
    210.60), procurement, vehicles and repeated figures are all consistent."""
    assert findings(sample(), rule) == []


def test_sample_with_the_error_corrected_is_clean() -> None:
    """Correcting the one slip (特定目标类 amount 894.11 → 0) leaves no finding at all."""
    text = SAMPLE.read_text(encoding="utf-8").split("\n")
    assert "特定目标类项目0个，涉及项目金额894.11万" in text[891]
    head, tail = text[891].rsplit("涉及项目金额894.11万", 1)
    text[891] = head + "涉及项目金额0万" + tail
    rep = govbudget.read_text("\n".join(text))
    assert findings(rep) == []


# The mutation test: each 万元 amount and % figure of the sample's narrative is changed in
# the text (its last digit, then its first digit, moved by one), the text is read again,
# and a new error or warning must be located on that line. Some cannot be:

CONSISTENT_WITH_ROUNDING = {
    # one cent more on a change of 465.54 on 2,599.99 still gives 下降15.19% (any change from
    # 465.49 to 465.82 does); no other statement of 一般公共预算支出's change
    ("last", 815, "465.54"),
    # 减少15.31 agrees with the restatement 15.3 and, allowing for the rounding of last
    # year's 三公 table, with the items' changes (1.00 + 15.31 can be printed for true
    # 16.30); the same for the item's 15.31
    ("last", 849, "15.30"), ("last", 857, "15.30"),
    # 14.06 on 210.60 is 6.25% when the rate is worked out from unrounded figures
    # (e.g. 210.6045 and 224.655); and 6.26% from 14.05 on 210.60 likewise
    ("last", 862, "14.05"), ("last", 864, "6.25"),
    # procurement: three parts rounded to 0.01 can miss their total by 0.01
    ("last", 870, "195.00"), ("last", 872, "14.00"), ("last", 872, "100.00"),
    ("last", 874, "81.00"),
    # value thresholds of equipment (价值50万元（原值）以上): no identity involves them
    ("last", 2687, "50"), ("last", 2691, "100"), ("first", 2687, "50"), ("first", 2691, "100"),
}
CAUGHT_ON_ANOTHER_LINE = {
    # 收入总计 and 支出总计 must change alike (both years balance); with two statements and
    # no third, the finding goes on the later one (line 778), naming 772 in related
    ("last", 772, "465.54"),
    # a change amount against its rate: the finding goes on the rate (line 864)
    ("first", 862, "14.05"),
    # a procurement part against the total: the finding goes on the total (line 870)
    ("first", 872, "14.00"), ("first", 872, "100.00"), ("first", 874, "81.00"),
}

_FIGURE = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?=\s*(?:万\s*元|%))")
_CHECKED = tuple(r for r in registry() if r.startswith(("narrative.", "reading.")))


def _narrative_lines(report: Report, lines: Sequence[str]) -> set[int]:
    """The line numbers of the narrative: its sections, not the performance tables."""
    first = report.narrative.sections[0].line or 0
    perf_start = min(p.line or 0 for p in report.performance)
    perf_end = max(p.end_line or 0 for p in report.performance)
    after = [s.line or 0 for s in report.narrative.sections if (s.line or 0) > perf_end]
    footer = next(n for n in range(after[-1], len(lines) + 1)
                  if re.fullmatch(r"\s*-\d+-\s*", lines[n - 1]))
    return set(range(first, perf_start)) | set(range(after[0], footer))


def _bump(number: str, where: str) -> str:
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    i = digits[-1] if where == "last" else digits[0]
    d = int(number[i])
    return number[:i] + str(d + 1 if d < 9 else d - 1) + number[i + 1:]


def _serious_keys(report: Report) -> set[tuple[str, int | None, str]]:
    return {(f.rule, f.location.line, f.message)
            for f in check_report(report, rules=_CHECKED).findings
            if f.severity >= Severity.WARNING}


def test_every_narrative_figure_of_the_sample_changed_is_caught(tmp_path: Path) -> None:
    """Change each 万元 amount and % figure of the sample's narrative text (77 figures, two
    ways each), read it again with ``read_report``: a new error or warning is located on
    its line, except for the figures listed above (consistent with rounding, or caught
    but placed on the other figure of the comparison), which are checked to behave as
    documented."""
    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    inside = _narrative_lines(sample(), lines)
    before = _serious_keys(sample())
    figures = []
    for m in _FIGURE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        if line in inside:
            figures.append((m.start(), m.end(), line, m.group()))
    assert len(figures) == 77
    status: dict[tuple[str, int, str], set[str]] = {}
    for where in ("last", "first"):
        for start, end, line, number in figures:
            path = tmp_path / "mutated.txt"
            path.write_text(text[:start] + _bump(number, where) + text[end:], encoding="utf-8")
            rep = govbudget.read_report(path)
            new = [f for f in check_report(rep, rules=_CHECKED).findings
                   if f.severity >= Severity.WARNING
                   and (f.rule, f.location.line, f.message) not in before]
            if any(f.location.line == line for f in new):
                got = "located"
            elif any(line in {r.line for r in f.related} for f in new):
                got = "related"
            else:
                got = "missed"
            status.setdefault((where, line, number), set()).add(got)
    missed = {k for k, v in status.items() if "missed" in v}
    related = {k for k, v in status.items() if "related" in v}
    assert missed == CONSISTENT_WITH_ROUNDING
    assert related == CAUGHT_ON_ANOTHER_LINE
    assert sum(v == {"located"} for v in status.values()) == len(status) - len(missed) \
        - len(related)


# ---------------------------------------------------------------------------
# narrative.totals
# ---------------------------------------------------------------------------


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


def _shares(*rows: tuple[str, str, str | None], whole: tuple[str, str] | None = None,
            section: str = "三、支出预算情况说明") -> Narrative:
    b = Builder()
    b.sec(section)
    if whole is not None:
        b.amount(*whole)
    for subject, amount, share in rows:
        b.amount(subject, amount)
        if share is not None:
            b.share(subject, share)
    return b.narrative()


class TestShares:
    RULE = "narrative.shares"

    def test_consistent(self) -> None:
        """The derived shares (of stated totals, of a named whole) are all right."""
        assert findings(base()[0], self.RULE) == []

    def test_wrong_share(self) -> None:
        """A share one hundredth off its amount ÷ whole is an error on its line, with the
        amount and the whole in related."""
        n = _shares(("基本支出", "1705.88", "65.62"), ("项目支出", "894.11", "34.39"),
                    whole=("预算支出总计", "2599.99"))
        errs = errors(with_narrative(Report(), n), self.RULE)
        assert [(e.location.line, e.expected_text if hasattr(e, "expected_text") else e.expected,
                 e.actual) for e in errs] == [(4, "65.61%", "65.62%")]
        assert {r.line for r in errs[0].related} == {3, 2}

    def test_rounding_only_difference_is_info(self) -> None:
        """300.00 ÷ 3200.00 is 9.375%: printed 9.37% (rounded down from unrounded data) is
        consistent; the point figure 9.38% differs, so it is info."""
        n = _shares(("一般公共服务支出", "2900.00", "90.63"), ("住房保障支出", "300.00", "9.37"),
                    whole=("一般公共预算支出", "3200.00"),
                    section="（二）一般公共预算当年支出结构情况")
        found = findings(with_narrative(Report(), n), self.RULE)
        assert [(f.severity, f.location.line, f.expected) for f in found] == [
            (Severity.INFO, 6, "9.38%")]

    def test_precision_of_the_printed_figures(self) -> None:
        """0.84 of 2599.99 is 0.0323%: 占0.03% is right, 占0% (an exact zero) is not, and
        占0.0% (rounded to 0.1) is."""
        for share, bad in (("0.03", False), ("0", True), ("0.0", False), ("0.04", True)):
            n = _shares(("卫生健康支出", "0.84", share), whole=("预算支出总计", "2599.99"))
            assert bool(errors(with_narrative(Report(), n), self.RULE)) is bad, share

    def test_named_whole(self) -> None:
        """占部门（单位）项目支出总额的x%: the whole is 项目支出, stated elsewhere."""
        rep, f = changed("公开项目绩效目标", S, value=D("90"))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [f.line]
        assert "项目支出" in errs[0].message

    def test_share_wordings(self) -> None:
        """占比x% names no whole, and 占全部支出的x% none we know: both are shares of the
        total the passage breaks down."""
        for sentence in ("占比65.62%", "占全部支出的65.62%", "占65.62%"):
            b = Builder()
            b.sec("三、支出预算情况说明")
            b.amount("预算支出总计", "2599.99")
            b.amount("基本支出", "1705.88")
            b.share("基本支出", "65.62", sentence=sentence)
            errs = errors(with_narrative(Report(), b.narrative()), self.RULE)
            assert [(e.location.line, e.expected) for e in errs] == [(4, "65.61%")], sentence

    def test_usual_whole_when_none_is_stated(self) -> None:
        """Class shares in a passage that states no total are shares of the general
        budget's spending (stated in another passage, else its table)."""
        b = Builder()
        b.sec("（一）一般公共预算当年支出规模变化情况")
        b.amount("一般公共预算支出", "150.00", qualifier="当年")
        b.sec("（二）一般公共预算当年支出结构情况")
        b.amount("一般公共服务支出", "130.00")
        b.share("一般公共服务支出", "80.00")
        errs = errors(with_narrative(Report(), b.narrative()), self.RULE)
        assert [(e.location.line, e.expected) for e in errs] == [(5, "86.67%")]
        rep = with_narrative(base()[0], b.narrative().facts[2:])
        assert [e.expected for e in errors(rep, self.RULE)] == ["86.67%"]

    def test_shares_of_one_whole_add_up_to_100(self) -> None:
        """50.00 and 50.00 of 100.00 printed as 50.01% each: each is within the rounding of
        its amount and whole, but together they make 100.02% of a whole the parts make up
        in full (n × half a hundredth allows 100.01%)."""
        n = _shares(("基本支出", "50.00", "50.01"), ("项目支出", "50.00", "50.01"),
                    whole=("预算支出总计", "100.00"))
        errs = errors(with_narrative(Report(), n), self.RULE)
        assert [(e.location.line, e.actual) for e in errs] == [(6, "100.02%")]
        ok = _shares(("基本支出", "50.00", "50.01"), ("项目支出", "50.00", "50.00"),
                     whole=("预算支出总计", "100.00"))
        assert errors(with_narrative(Report(), ok), self.RULE) == []

    def test_partial_list_need_not_add_up(self) -> None:
        """Shares of main classes only (…等) are not required to make 100%."""
        n = _shares(("一般公共服务支出", "80.00", "80.00"), whole=("预算支出总计", "100.00"))
        assert errors(with_narrative(Report(), n), self.RULE) == []

    def test_whole_is_the_total_broken_down(self) -> None:
        """The whole is the nearest earlier amount of the passage that has no share itself
        (not another part): 0 shares of the first part do not make it a whole."""
        n = _shares(("一般公共预算拨款收入", "100.00", "100.00"), ("单位资金", "0", "0"),
                    ("上年结转", "0", "0"), whole=("预算收入总计", "100.00"),
                    section="二、收入预算情况说明")
        assert findings(with_narrative(Report(), n), self.RULE) == []


# ---------------------------------------------------------------------------
# narrative.changes
# ---------------------------------------------------------------------------


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

    def test_same_means_zero(self) -> None:
        """与上年持平 with a change of 1.00 is an error; with 0 it is fine."""
        b = Builder()
        b.sec("七、三公")
        b.amount("公务接待费", "1.00")
        b.add("公务接待费", CA, "1.00", direction=SAME)
        errs = errors(with_narrative(Report(), b.narrative()), self.RULE)
        assert [e.location.line for e in errs] == [3]

    def test_zero_base(self) -> None:
        """增加0.30万元，增长100% when this year is 0.30: last year was 0, no rate exists."""
        errs = errors(with_narrative(Report(), _change("0.30", "0.30", "100", UP)), self.RULE)
        assert len(errs) == 1 and "上年为零" in errs[0].message

    def test_increase_cannot_exceed_this_year(self) -> None:
        """增加5.00万元 on this year's 3.00 would make last year negative."""
        errs = errors(with_narrative(Report(), _change("3.00", "5.00", None, UP)), self.RULE)
        assert [e.location.line for e in errs] == [3]

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


def _procurement(total: tuple[str, str], *parts: tuple[str, str, str]) -> Report:
    b = Builder()
    b.sec("九、政府采购情况")
    b.add("政府采购预算总额", A, total[0], total[1])
    for subject, amount, unit in parts:
        b.add(subject, A, amount, unit)
    return with_narrative(Report(), b.narrative())


class TestProcurement:
    RULE = "narrative.procurement"

    def test_adds_up(self) -> None:
        """195.00 = 14.00 + 100.00 + 81.00 (the sample)."""
        rep = _procurement(("195.00", "万元"), ("政府采购货物预算", "14.00", "万元"),
                           ("政府采购工程预算", "100.00", "万元"), ("政府采购服务预算", "81.00", "万元"))
        assert findings(rep, self.RULE) == []

    def test_does_not_add_up(self) -> None:
        """196.00 ≠ 195.00: an error on the total's line, the parts in related."""
        rep = _procurement(("196.00", "万元"), ("政府采购货物预算", "14.00", "万元"),
                           ("政府采购工程预算", "100.00", "万元"), ("政府采购服务预算", "81.00", "万元"))
        errs = errors(rep, self.RULE)
        assert [(e.location.line, e.expected, e.actual) for e in errs] == [
            (2, "195.00万元", "196.00万元")]
        assert {r.line for r in errs[0].related} == {3, 4, 5}

    def test_units_and_precision(self) -> None:
        """1.2亿元 (±0.05亿) against 2,000 + 9,000 + 1,000 万元; 1.3亿元 is not."""
        parts = (("政府采购货物预算", "2000", "万元"), ("政府采购工程预算", "9000", "万元"),
                 ("政府采购服务预算", "1000", "万元"))
        assert findings(_procurement(("1.2", "亿元"), *parts), self.RULE) == []
        assert errors(_procurement(("1.3", "亿元"), *parts), self.RULE)

    def test_some_parts_only(self) -> None:
        """With only goods and services stated, their sum must not exceed the total."""
        assert errors(_procurement(("100.00", "万元"), ("政府采购货物预算", "60.00", "万元"),
                                   ("政府采购服务预算", "30.00", "万元")), self.RULE) == []
        assert errors(_procurement(("100.00", "万元"), ("政府采购货物预算", "80.00", "万元"),
                                   ("政府采购服务预算", "30.00", "万元")), self.RULE)

    def test_statement_without_facts(self) -> None:
        """A :class:`Procurement` statement alone is checked too."""
        def w(s: str) -> govbudget.Money:
            return govbudget.Money(s, "万元")

        rep = attrs.evolve(Report(), procurement=Procurement(
            total=w("195.00"), goods=w("14.00"), works=w("100.00"), services=w("82.00"), line=9))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [9]


# ---------------------------------------------------------------------------
# narrative.performance
# ---------------------------------------------------------------------------


def _performance(*, total: tuple[int, str] = (2, "30.00"),
                 cats: Sequence[tuple[str, int, str]] = (("其他运转类项目", 2, "30.00"),
                                                        ("特定目标类项目", 0, "0")),
                 subject: str = "纳入绩效目标管理的二级项目", report: Report | None = None
                 ) -> Report:
    b = Builder()
    b.sec("十、绩效管理情况")
    b.count(subject, total[0])
    b.amount(subject, total[1])
    for q, n, amount in cats:
        b.count(subject, n, qualifier=q)
        b.amount(subject, amount, qualifier=q)
    return with_narrative(report if report is not None else base()[0], b.narrative())


def _tables(n: int, yuan: str = "150000") -> tuple[PerformanceTable, ...]:
    return tuple(PerformanceTable(project=f"项目{i}", total_year=D(yuan), line=100 + i)
                 for i in range(n))


class TestPerformance:
    RULE = "narrative.performance"

    def test_consistent(self) -> None:
        """Two projects (the base report's list), 30.00 万元 = 项目支出, all 其他运转类."""
        assert findings(_performance(), self.RULE) == []

    def test_zero_projects_with_money(self) -> None:
        """The sample's slip: 特定目标类项目0个 with money, and the categories then exceed
        the total; both findings are on the category's amount."""
        rep = _performance(cats=(("其他运转类项目", 2, "30.00"), ("特定目标类项目", 0, "30.00")))
        errs = errors(rep, self.RULE)
        assert len(errs) == 2 and {e.location.line for e in errs} == {7}

    def test_projects_without_money_is_a_warning(self) -> None:
        """特定目标类项目1个，涉及金额0万元: a warning (and the counts no longer add up)."""
        rep = _performance(cats=(("其他运转类项目", 1, "30.00"), ("特定目标类项目", 1, "0")))
        assert [f.severity for f in findings(rep, self.RULE)] == [Severity.WARNING]
        rep = _performance(cats=(("其他运转类项目", 2, "30.00"), ("特定目标类项目", 1, "0")))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [6]

    def test_count_against_the_project_list(self) -> None:
        """3 managed projects while the list has 2: error; 1: warning (projects without
        targets); the categories follow."""
        more = _performance(total=(3, "30.00"), cats=(("其他运转类项目", 3, "30.00"),))
        assert [e.location.line for e in errors(more, self.RULE)] == [2]
        fewer = _performance(total=(1, "30.00"), cats=(("其他运转类项目", 1, "30.00"),))
        assert [(f.severity, f.location.line) for f in findings(fewer, self.RULE)] == [
            (Severity.WARNING, 2)]

    def test_published_count_against_the_performance_tables(self) -> None:
        """公开项目绩效目标 N个 = the number of performance target tables printed, and the
        amount = their 年度资金总额 (in 元) added up."""
        rep = attrs.evolve(base()[0], performance=_tables(2))
        ok = _performance(subject="公开项目绩效目标", report=rep)
        assert findings(ok, self.RULE) == []
        three = attrs.evolve(rep, performance=_tables(3, "100000"))
        errs = errors(_performance(subject="公开项目绩效目标", report=three), self.RULE)
        assert [e.location.line for e in errs] == [2]
        off = attrs.evolve(rep, performance=_tables(2, "150100"))
        errs = errors(_performance(subject="公开项目绩效目标", report=off), self.RULE)
        assert [(e.location.line, e.expected) for e in errs] == [(3, "300200元")]

    def test_amount_against_project_spending(self) -> None:
        """More than the project spending (30.00): error; less: a warning (E16 allows a
        gap, but it must be explained)."""
        more = _performance(total=(2, "31.00"), cats=(("其他运转类项目", 2, "31.00"),))
        assert [e.location.line for e in errors(more, self.RULE)] == [3]
        less = _performance(total=(2, "29.00"), cats=(("其他运转类项目", 2, "29.00"),))
        assert [(f.severity, f.location.line) for f in findings(less, self.RULE)] == [
            (Severity.WARNING, 3)]

    def test_categories_add_up(self) -> None:
        """Two categories must make the total count and amount (a wrong category is
        reported on itself: the total agrees with the tables)."""
        rep = _performance(cats=(("其他运转类项目", 2, "29.00"), ("特定目标类项目", 0, "0")))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [5]


# ---------------------------------------------------------------------------
# narrative.assets
# ---------------------------------------------------------------------------


def _vehicles(*counts: tuple[str, str], equipment: Iterable[tuple[str, str, int]] = ()
              ) -> Report:
    b = Builder()
    b.sec("十一、国有资产占有使用情况")
    for q, n in counts:
        b.add("公务用车", N, n, "辆", qualifier=q)
    for subject, q, k in equipment:
        b.count(subject, k, "台（套）", qualifier=q)
    return with_narrative(Report(), b.narrative())


class TestAssets:
    RULE = "narrative.assets"

    def test_categories_add_up(self) -> None:
        """实有5辆 = 机要通信用车1辆 + 其他用车4辆; 6辆 is an error on 实有."""
        assert findings(_vehicles(("实有", "5"), ("机要通信用车", "1"), ("其他用车", "4")),
                        self.RULE) == []
        errs = errors(_vehicles(("实有", "6"), ("机要通信用车", "1"), ("其他用车", "4")),
                      self.RULE)
        assert [(e.location.line, e.expected, e.actual) for e in errs] == [(2, "5辆", "6辆")]

    def test_more_than_the_quota_is_a_warning(self) -> None:
        """实有 above 编制: a breach of the vehicle quota, a warning; below it is fine."""
        over = findings(_vehicles(("编制", "2"), ("实有", "3"), ("领导用车", "3")), self.RULE)
        assert [(f.severity, f.location.line) for f in over] == [(Severity.WARNING, 3)]
        assert findings(_vehicles(("编制", "4"), ("实有", "3"), ("领导用车", "3")),
                        self.RULE) == []

    def test_counts_are_whole_and_not_negative(self) -> None:
        """2.5辆 or −1辆 cannot be counts."""
        for bad in ("2.5", "-1"):
            errs = errors(_vehicles(("领导用车", bad)), self.RULE)
            assert [e.location.line for e in errs] == [2]

    def test_equipment_thresholds(self) -> None:
        """Equipment worth over 100万元 is part of that worth over 50万元."""
        eq = [("通用设备", "价值50万元（原值）以上", 1), ("通用设备", "价值100万元（原值）以上", 2)]
        errs = errors(_vehicles(equipment=eq), self.RULE)
        assert [e.location.line for e in errs] == [3]
        ok = [("通用设备", "价值50万元（原值）以上", 2), ("通用设备", "价值100万元（原值）以上", 1)]
        assert findings(_vehicles(equipment=ok), self.RULE) == []


# ---------------------------------------------------------------------------
# narrative.repeated
# ---------------------------------------------------------------------------


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


def test_vocabulary_is_the_readers() -> None:
    """Every subject the rules look for is a name of the reader's ``SUBJECTS`` (so a
    renamed subject cannot silently switch a comparison off)."""
    from govbudget._ingest._narrative import SUBJECTS
    from govbudget.checks import _rules_narrative as m

    names = {name for name, _ in SUBJECTS}
    used = {*m._TOTALS, *m._SOURCES, *m._SPENDING, *m._THREE, m._OPERATING, *m._PROCUREMENT,
            m._MANAGED, m._PUBLISHED}
    assert used <= names, used - names


class TestRespectivelyOnTheSample:
    """The sample's "基本支出1705.88万元，占65.61%；项目支出894.11万元，占34.39%" restated as a
    分别 list is checked as the original; the figures swapped are errors."""

    ORIGINAL = "中：基本支出1705.88万元，占65.61%；项目支出894.11万元，占34.39%。"

    def _findings(self, sentence: str) -> list[tuple[str, str]]:
        text = SAMPLE.read_text(encoding="utf-8")
        assert self.ORIGINAL in text
        report = govbudget.read_report(text.replace(self.ORIGINAL, sentence))
        return sorted((f.rule, f.severity.value) for f in check_report(report).findings
                      if f.rule.startswith("narrative."))

    def test_a_list_in_order_is_checked_as_the_original(self) -> None:
        listed = self._findings("中：基本支出、项目支出分别为1705.88万元、894.11万元，"
                                "分别占65.61%、34.39%。")
        assert listed == self._findings(self.ORIGINAL)

    def test_a_list_with_its_figures_swapped_is_an_error(self) -> None:
        swapped = self._findings("中：基本支出、项目支出分别为894.11万元、1705.88万元，"
                                 "分别占34.39%、65.61%。")
        new = [f for f in swapped if f not in self._findings(self.ORIGINAL)]
        assert new.count(("narrative.spending", "error")) == 2  # both amounts
        assert ("narrative.shares", "error") in new


# ---------------------------------------------------------------------------
# Other layouts: numbered 科目 items, stated bases, completion rates (issue 11, part 3)
# ---------------------------------------------------------------------------


def narrated(text: str, report: Report | None = None,
             kind: govbudget.ReportKind = govbudget.ReportKind.BUDGET) -> Report:
    """``report`` (by default one with no tables) with the narrative read from ``text``."""
    from govbudget._ingest._narrative import read_narrative
    from govbudget._ingest._text import split_lines

    n, *_ = read_narrative(split_lines(text))
    rep = report if report is not None else attrs.evolve(base_report(), tables=())
    return attrs.evolve(rep, narrative=n, kind=kind)


def ids(found: Iterable[Finding]) -> list[tuple[str, str, int | None]]:
    return [(f.rule, f.severity.value, f.location.line) for f in found]


FINAL_TEXT = ("五、一般公共预算财政拨款支出决算情况说明\n"
              "  一般公共预算财政拨款支出年初预算为{a}万元，支出决算为{b}万元，完成年初预算的{x}%。\n")


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


SHANGHAI_TEXT = ("2024年部门预算编制说明\n"
                 "    财政拨款支出预算{total}万元。财政拨款支出主要内容如下：\n"
                 "  1. “住房保障支出（类）住房改革支出（款）住房公积金（项）”{a}万元，主要用于住房"
                 "公积金。2023年当年预算执行数为{p}万元，2024年预算安排{again}万元，比2023年预算执行数"
                 "{verb}{rate}%。\n"
                 "  2. “住房保障支出（类）住房改革支出（款）购房补贴（项）”{b}万元，主要用于购房补贴。"
                 "2023年当年预算执行数为{b}万元，2024年预算安排{b}万元，比2023年预算执行数持平。\n")


def shanghai(**kw: str) -> Report:
    values = {"total": "670.52", "a": "350.35", "p": "348.52", "again": "350.35",
              "verb": "增加", "rate": "0.53", "b": "320.17"}
    values.update(kw)
    return narrated(SHANGHAI_TEXT.format(**values))


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


ITEM_TEXT = "2024年部门预算编制说明\n  1. “{path}”{amount}万元，主要用于行政运行。\n"


class TestItemsAgainstTables:
    RULE = "narrative.class_amounts"

    def test_item_equal_to_its_row(self) -> None:
        """An item whose path resolves is compared with its row (2010101 = 100.00万元)."""
        rep = narrated(ITEM_TEXT.format(path="一般公共服务支出（类）人大事务（款）行政运行（项）",
                                        amount="100.00"), base_report())
        assert findings(rep, self.RULE) == []

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

    def test_path_naming_the_wrong_kuan(self) -> None:
        """卫生健康支出（类）卫生健康支出（款）计划生育事务（项） where the tables print 21007
        计划生育事务: the path names a 款 its 类 does not have, and the item is identified."""
        rep = narrated(ITEM_TEXT.format(path="一般公共服务支出（类）一般公共服务支出（款）人大事务（项）",
                                        amount="100.00"), base_report())
        found = errors(rep, self.RULE)
        assert ids(found) == [(self.RULE, "error", 2)]
        assert found[0].expected == "20101 人大事务"


PROCUREMENT_TEXT = ("九、政府采购支出说明\n"
                    "   政府采购支出总额1967.42万元，其中：政府采购货物支出171.7万元、政府采购工程支出3万元、"
                    "政府采购服务支出1792.72万元。授予中小企业合同金额{sme}万元，占政府采购支出总额的"
                    "{share}%；货物采购授予中小企业合同金额占货物支出金额的{g}%，服务采购授予中小企业合同"
                    "金额占服务支出金额的{s}%。\n")


class TestSmallEnterpriseShares:
    RULE = "narrative.procurement"

    def test_shares_that_cannot_make_up_the_total(self) -> None:
        """9.16% of 171.7 and 90.84% of 1792.72 (with all of 工程 3) give at most 1647.84,
        not 1820.69: an error."""
        rep = narrated(PROCUREMENT_TEXT.format(sme="1820.69", share="92.54", g="9.16",
                                               s="90.84"))
        assert [f.severity.value for f in findings(rep, self.RULE)] == ["error"]

    def test_shares_that_make_it_up(self) -> None:
        """100% of 171.7 and 90.84% of 1792.72 (+ 0–3 of 工程) can give 1800.24."""
        rep = narrated(PROCUREMENT_TEXT.format(sme="1800.24", share="91.50", g="100",
                                               s="90.84"))
        assert findings(rep, self.RULE) == []


class TestLooseSubjects:
    def test_loose_words_are_not_compared_as_one_figure(self) -> None:
        """采购金额225.10万元 … 采购金额164.87万元: each belongs to its own sentence."""
        rep = narrated("二、采购\n  在面向中小企业预留的项目中，采购金额225.10万元；在面向小微企业预留的"
                       "项目中，采购金额164.87万元。\n")
        assert findings(rep, "narrative.repeated") == []


class TestVehiclesToBuy:
    def test_categories_of_vehicles_to_buy(self) -> None:
        """购置车辆1辆，其中…其他用车2辆: the categories do not add up (error); vehicles held
        are not compared with vehicles to buy."""
        text = ("五、国有资产占有使用情况\n"
                "     本部门共有车辆7辆，其中：机要通信用车0辆、其他用车7辆。\n"
                "     2024年部门预算安排购置车辆1辆，其中：机要通信用车0辆、其他用车{n}辆。\n")
        assert findings(narrated(text.format(n=1)), "narrative.assets", "narrative.repeated") == []
        assert [f.severity.value for f in findings(narrated(text.format(n=2)),
                                                   "narrative.assets")] == ["error"]


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


_CENTS = st.integers(min_value=1, max_value=10**9).map(lambda n: Decimal(n).scaleb(-2))


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


def test_a_passage_about_one_unit_is_its_own_scope() -> None:
    """A department's narrative that describes each of its units in turn (二、某某仲裁院
    预算…，包括人员经费X万元) states that unit's 人员经费, not the department's: no
    'stated twice' error between them."""
    text = SAMPLE.read_text(encoding="utf-8")
    from govbudget import read_text as _read

    base = _read(text)
    facts = list(base.narrative.facts)
    person = next((f for f in facts if f.subject == "人员经费" and f.kind is FactKind.AMOUNT),
                  None)
    assert person is not None
    other = attrs.evolve(person, value=person.value + 1, section="二、某某市劳动人事争议仲裁院",
                         line=(person.line or 0) + 1)
    report = attrs.evolve(base, narrative=attrs.evolve(base.narrative, facts=(*facts, other)))
    assert not [f for f in check_report(report, rules=["narrative.repeated"]).errors
                if f.location.line == other.line]
    same = attrs.evolve(other, section=person.section)
    report = attrs.evolve(base, narrative=attrs.evolve(base.narrative, facts=(*facts, same)))
    assert [f for f in check_report(report, rules=["narrative.repeated"]).errors
            if f.location.line == same.line]


def test_the_same_change_stated_twice_only_for_subjects_the_words_identify() -> None:
    """Two changes of a loose subject (预算数 of whatever the sentence is about) are not the
    same change; two of 基本支出 in one passage are."""
    from govbudget import Change, Fact, Narrative, Report

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
