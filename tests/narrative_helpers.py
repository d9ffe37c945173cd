"""Helpers of the narrative rules' tests (tests/test_checks_narrative_*.py).

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
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from hypothesis import strategies as st

import govbudget
from govbudget import (
    Change,
    Fact,
    FactKind,
    Finding,
    Narrative,
    NarrativeSection,
    Report,
    Severity,
    TableKind,
    round_half_up,
)
from govbudget._ingest._about import speaks_of
from govbudget.checks import check_report, registry

from .checks_helpers import base_report

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
    """``report`` with the narrative, each fact's subject recorded as the reader records it
    (`speaks_of`: the facts are made here as the reader would give them)."""
    if not isinstance(narrative, Narrative):
        narrative = Narrative(facts=narrative)
    return attrs.evolve(report, narrative=speaks_of(narrative))


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




ITEM_TEXT = "2024年部门预算编制说明\n  1. “{path}”{amount}万元，主要用于行政运行。\n"




PROCUREMENT_TEXT = ("九、政府采购支出说明\n"
                    "   政府采购支出总额1967.42万元，其中：政府采购货物支出171.7万元、政府采购工程支出3万元、"
                    "政府采购服务支出1792.72万元。授予中小企业合同金额{sme}万元，占政府采购支出总额的"
                    "{share}%；货物采购授予中小企业合同金额占货物支出金额的{g}%，服务采购授予中小企业合同"
                    "金额占服务支出金额的{s}%。\n")




_CENTS = st.integers(min_value=1, max_value=10**9).map(lambda n: Decimal(n).scaleb(-2))


