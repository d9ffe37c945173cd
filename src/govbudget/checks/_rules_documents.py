"""The rules across documents (category ``documents``): each check takes a `Pair`.

See `govbudget.checks.check_reports` for how documents are paired.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, cast

from .._findings import Finding, Location, Severity
from .._report import Change, Fact, FactKind, Report
from .._tables import TableKind
from ._context import Figure, norm
from ._fact_figures import figure_interval, figure_of, qualifier_of, quantum_of
from ._pair import Pair, Relation
from ._registry import Category, Check, RuleSet

RULES = RuleSet()


_PairCheck = Callable[[Pair], Iterator[Finding]]


def _document_rule(id: str, **kw: Any) -> Callable[[_PairCheck], _PairCheck]:
    """`rule` for a check of two documents (its one argument is a `Pair`)."""

    def deco(fn: _PairCheck) -> _PairCheck:
        RULES.rule(id, **kw)(cast(Check, fn))
        return fn

    return deco



def _money_facts(report: Report, kind: FactKind) -> list[Fact]:
    return [f for f in report.narrative.facts if f.kind is kind and f.money is not None]


def _amount_before(report: Report, change: Fact) -> Fact | None:
    """This year's amount a stated change is a change of: the latest amount of the same
    subject and qualifier before it in its section."""

    best: Fact | None = None
    for f in _money_facts(report, FactKind.AMOUNT):
        if (norm(f.subject) == norm(change.subject) and qualifier_of(f.qualifier) ==
                qualifier_of(change.qualifier) and f.section == change.section
                and (f.line or 0) <= (change.line or 0)):
            best = f
    return best


def _changes_on_last_year(pair: Pair, kind: FactKind) -> Iterator[tuple[Fact, Fact, Figure]]:
    """Each change of ``kind`` the later report states on the earlier one's year, with the
    amount it is a change of and last year's figure of that subject (when both are
    found)."""
    facts = (_money_facts(pair.later, kind) if kind is FactKind.CHANGE_AMOUNT
             else [f for f in pair.later.narrative.facts if f.kind is kind])
    for c in facts:
        if c.compared_to not in (None, pair.earlier.year):
            continue
        this = _amount_before(pair.later, c)
        if this is None:
            continue
        last = _last_year(pair, c)
        if last is not None:
            yield c, this, last


def _last_year(pair: Pair, fact: Fact) -> Figure | None:
    """Last year's figure of a subject in the earlier report: its narrative amount of the
    same subject and qualifier (when the report states one value for it), else its “三公”
    table item of that name."""
    from ._rules_three_public import three_public_items

    e = pair.earlier
    same = [f for f in _money_facts(e, FactKind.AMOUNT)
            if norm(f.subject) == norm(fact.subject) and qualifier_of(f.qualifier) == qualifier_of(
                fact.qualifier)]
    values = {f.money for f in same}
    if len(values) == 1:
        return pair.figure(e, figure_of(same[0]))
    if same:
        return None  # stated with different values: not guessed
    t = pair.ctx_earlier.table(TableKind.THREE_PUBLIC)
    key = _THREE_PUBLIC_SUBJECTS.get(norm(fact.subject))
    if t is None or key is None or fact.qualifier:
        return None
    item = three_public_items(pair.ctx_earlier, t).get(key)
    return None if item is None else pair.figure(e, item)


_THREE_PUBLIC_SUBJECTS = {norm(k): v for k, v in (
    ("三公经费", "total"), ("“三公”经费", "total"), ("因公出国（境）费", "abroad"),
    ("因公出国(境)费", "abroad"), ("公务接待费", "reception"),
    ("公务用车购置及运行维护费", "vehicles"), ("公务用车购置及运行费", "vehicles"),
    ("公务用车购置费", "vehicle_purchase"), ("公务用车运行维护费", "vehicle_operation"),
    ("公务用车运行费", "vehicle_operation"))}


@_document_rule("documents.change_on_last_year", title="本年文件所述比上年增减与上年文件一致",
      title_en="This year's stated change on last year agrees with last year's document",
      category=Category.DOCUMENTS,
      applies="a unit's budget with the budget of the year before, or its 决算 with the 决算 "
              "of the year before: each stated change on last year (比上年/比2024年预算 增加/"
              "减少/持平 X万元) whose amount and last year's figure are both stated")
def change_on_last_year(pair: Pair) -> Iterator[Finding]:
    """This year's amount − the stated change = last year's figure as the earlier document
    prints it (its narrative amount of the same subject, or its “三公” table item). A
    change "on last year" is on the same kind of document (a budget's on last year's
    budget, a 决算's on last year's 决算: DOMAIN.md "year-on-year changes are against last
    year's 决算"). Each figure is rounded on its own: the gap is reasoned by
    `govbudget.explain_gap`."""

    if pair.relation is Relation.BUDGET_TO_FINAL:
        return
    later, earlier = pair.later, pair.earlier
    for c, this, last in _changes_on_last_year(pair, FactKind.CHANGE_AMOUNT):
        change = pair.figure(later, figure_of(c))
        total = pair.figure(later, figure_of(this))
        f = pair.ctx.sum_check(
            "documents.change_on_last_year", [last, change], total,
            what=f"{later.year}年文件“{c.subject}”{c.sentence}：本年数与{earlier.year}年文件所列上年数"
                 "加所述增减额",
            what_en=f"{c.subject!r} ({later.source}): this year's figure vs last year's in "
                    f"{earlier.source} plus the stated change")
        if f:
            yield f


def _three_public_pairs(pair: Pair) -> Iterator[tuple[str, Figure, Figure]]:
    from ._rules_three_public import three_public_items

    tl = pair.ctx.table(TableKind.THREE_PUBLIC)
    te = pair.ctx_earlier.table(TableKind.THREE_PUBLIC)
    if tl is None or te is None:
        return
    planned = three_public_items(pair.ctx, tl, "budget")
    published = three_public_items(pair.ctx_earlier, te)
    if not planned or planned is three_public_items(pair.ctx, tl, "final"):
        return
    for key, fig in planned.items():
        other = published.get(key)
        if other is not None:
            yield key, pair.figure(pair.earlier, other), pair.figure(pair.later, fig)


@_document_rule("documents.final_three_public_budget", title="决算“三公”经费预算数与同年预算一致",
      title_en="The 决算's 三公 budget figures equal the same year's budget",
      category=Category.DOCUMENTS, severity=Severity.WARNING,
      applies="a unit's 决算 with the same year's budget, both with a “三公” table; a warning, "
              "not an error: the 决算's 预算数 is the budget as adjusted by the approved "
              "procedure (the central 公开09表 says so)")
def final_three_public_budget(pair: Pair) -> Iterator[Finding]:
    """Each item of the 决算's “三公” 预算数 (合计, 因公出国（境）费, 公务用车购置及运行费 and
    its two parts, 公务接待费) equals that item of the same year's budget table (DOMAIN.md:
    "the 决算's 年初预算 and 三公 预算数 equal the same year's published budget")."""
    if pair.relation is not Relation.BUDGET_TO_FINAL:
        return
    for key, budget, planned in _three_public_pairs(pair):
        f = pair.ctx.equal_check(
            "documents.final_three_public_budget", budget, planned,
            what=f"{pair.later.year}年决算“三公”经费预算数（{key}）与同年预算",
            what_en=f"the 决算's 三公 budget figure ({key}) vs the same year's budget",
            severity=Severity.WARNING)
        if f:
            yield f


def _initial_budget_target(pair: Pair, fact: Fact) -> Figure | None:
    """The budget figure a 决算's "…年初预算为X" names: “三公” → the budget's 三公 total;
    一般公共预算财政拨款支出 → its general-budget spending table's 合计."""
    from ._rules_three_public import three_public_items

    subject = fact.subject
    if "三公" in subject:
        t = pair.ctx_earlier.table(TableKind.THREE_PUBLIC)
        item = three_public_items(pair.ctx_earlier, t).get("total") if t is not None else None
        return None if item is None else pair.figure(pair.earlier, item)
    if norm(subject) in _GENERAL_INITIAL:
        t = pair.ctx_earlier.table(TableKind.GENERAL_EXPENDITURE)
        if t is None or not t.blocks:
            return None
        tot = pair.ctx_earlier.total_row(t.blocks[0])
        fig = Figure.cell(t, t.blocks[0], tot, "total") if tot is not None else None
        return None if fig is None else pair.figure(pair.earlier, fig)
    return None


_GENERAL_INITIAL = frozenset(norm(x) for x in (
    "一般公共预算财政拨款支出年初预算", "一般公共预算财政拨款支出年初预算数",
    "一般公共预算财政拨款年初预算"))


@_document_rule("documents.final_initial_budget", title="决算所述年初预算与同年预算一致",
      title_en="The 年初预算 a 决算 states equals the same year's budget",
      category=Category.DOCUMENTS,
      applies="a unit's 决算 with the same year's budget: the 决算 narrative's 一般公共预算财政"
              "拨款支出 and “三公” 年初预算 amounts")
def final_initial_budget(pair: Pair) -> Iterator[Finding]:
    """"一般公共预算财政拨款支出年初预算为X万元" equals the budget's general-budget spending
    total; "“三公”经费财政拨款支出年初预算为X万元" its “三公” total (DOMAIN.md; standards.md
    §1.5: 完成年初预算 % = 决算 ÷ 年初预算). 年初预算 is the budget as published, before any
    adjustment, so a difference is an error."""

    if pair.relation is not Relation.BUDGET_TO_FINAL:
        return
    for fact in _money_facts(pair.later, FactKind.AMOUNT):
        if "年初预算" not in fact.subject:
            continue
        target = _initial_budget_target(pair, fact)
        if target is None:
            continue
        f = pair.ctx.equal_check(
            "documents.final_initial_budget", target, pair.figure(pair.later, figure_of(fact)),
            what=f"{pair.later.year}年决算“{fact.subject}”与同年预算",
            what_en=f"the 决算's {fact.subject!r} vs the same year's budget")
        if f:
            yield f


_OPENING = (("年初结转和结余", "年末结转和结余", TableKind.SUMMARY),
            ("年初财政拨款结转和结余", "年末财政拨款结转和结余", TableKind.GRANT_SUMMARY))


@_document_rule("documents.balance_brought_forward", title="年初结转和结余与上年决算年末结转和结余一致",
      title_en="Balances brought forward equal last year's balances carried forward",
      category=Category.DOCUMENTS, severity=Severity.WARNING,
      applies="a unit's 决算 with the 决算 of the year before, in the 收入支出决算总表 and the "
              "财政拨款收入支出决算总表; a warning: approved adjustments may restate the "
              "opening balance")
def balance_brought_forward(pair: Pair) -> Iterator[Finding]:
    """This year's 年初结转和结余 (年初财政拨款结转和结余) = last year's 年末结转和结余
    (年末财政拨款结转和结余), in each summary table (DOMAIN.md: "save approved
    adjustments")."""
    if pair.relation is not Relation.FINAL_TO_FINAL:
        return
    for opening, closing, kind in _OPENING:
        tl, te = pair.ctx.table(kind), pair.ctx_earlier.table(kind)
        if tl is None or te is None:
            continue
        inc = next((b for b in tl.blocks if b.name == "income"), None)
        exp = next((b for b in te.blocks if b.name == "expenditure"), None)
        if inc is None or exp is None or not inc.columns:
            continue
        r_open, r_close = pair.ctx.find_row(inc, opening), pair.ctx_earlier.find_row(exp, closing)
        if r_open is None or r_close is None:
            continue
        a = Figure.cell(te, exp, r_close, "total")
        b = Figure.cell(tl, inc, r_open, inc.columns[0].key)
        if a is None or b is None:
            continue
        f = pair.ctx.equal_check(
            "documents.balance_brought_forward", pair.figure(pair.earlier, a),
            pair.figure(pair.later, b),
            what=f"{pair.later.year}年{tl.title}{opening}与{pair.earlier.year}年{closing}",
            what_en=f"{kind.value}: {pair.later.year} brought forward vs {pair.earlier.year} "
                    "carried forward", severity=Severity.WARNING)
        if f:
            yield f


@_document_rule("documents.change_rate_on_last_year",
                title="本年文件所述比上年增减率与上年文件一致",
                title_en="This year's stated rate of change on last year agrees with last "
                         "year's document",
                category=Category.DOCUMENTS,
                applies="as documents.change_on_last_year, for each stated rate (增长/下降 X%) "
                        "whose amount this year and figure last year are both stated; not on a "
                        "zero base")
def change_rate_on_last_year(pair: Pair) -> Iterator[Finding]:
    """(this year − last year) ÷ last year, from this year's stated amount and the earlier
    document's figure, rounds to the stated rate. Every figure stands for the interval of
    true values it rounds from; the rate is an error only when no values in those intervals
    give the stated rate at its printed precision."""

    if pair.relation is Relation.BUDGET_TO_FINAL:
        return
    later, earlier = pair.later, pair.earlier
    for c, this, last in _changes_on_last_year(pair, FactKind.CHANGE_PERCENT):
        now = figure_interval(pair.figure(later, figure_of(this)))
        before = figure_interval(last)
        if before.lo <= 0:
            continue  # a zero (or unknown) base: no rate
        sign = -1 if c.direction is Change.DECREASE else 1
        q = quantum_of(c.value)
        stated_lo = sign * c.value - q / 2
        stated_hi = sign * c.value + q / 2
        if c.direction is Change.SAME:
            stated_lo, stated_hi = -q / 2, q / 2
        lo = (now.lo / before.hi - 1) * 100
        hi = (now.hi / before.lo - 1) * 100
        if hi >= stated_lo and lo <= stated_hi:
            continue
        rate = ((now.lo + now.hi) / (before.lo + before.hi) - 1) * 100
        yield pair.ctx.finding(
            "documents.change_rate_on_last_year", Severity.ERROR,
            f"{later.year}年文件“{c.subject}”{c.sentence}：按本年{this.value}{this.unit}与"
            f"{earlier.year}年文件所列{last.money}，变动率应为{rate:.2f}%"
            f"（考虑四舍五入为{lo:.4f}%～{hi:.4f}%）",
            f"{c.subject!r} ({later.source}): from this year's {this.value}{this.unit} and "
            f"{last.money} in {earlier.source} the rate is {rate:.2f}% ({lo:.4f}% to "
            f"{hi:.4f}% with rounding), not {sign * c.value}%",
            pair.at(later, Location(section=c.section or "narrative", row_name=c.subject,
                                    line=c.line)),
            [last.location, pair.figure(later, figure_of(this)).location],
            expected_text=f"{rate:.2f}%", actual_text=f"{sign * c.value}%")
