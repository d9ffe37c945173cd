"""Narrative statements of their own: procurement, performance targets, state assets.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import pairwise
from typing import Final

from ..._findings import Finding, Location, Severity
from ..._lazy_re import lazy
from ..._money import Interval, Money, Unit
from ..._report import Fact, FactKind
from ..._subjects import Scope
from ..._tables import RowKind, TableKind
from .._context import Context, Figure, norm
from .._fact_figures import (
    HUNDRED,
    factor_of,
    figure_of,
    interval_of,
    is_money,
    label_of,
    location_of,
    qualifier_of,
    quantum_of,
)
from .._registry import Category, Code, RuleSet
from ._analysis import (
    _An,
    _an,
    _Blame,
    _coded,
    _compared,
    _has,
    _rule_of,
    _say,
    _sum,
)
from ._vocab import (
    _BOUGHT,
    _MANAGED,
    _PROCUREMENT,
    _PUBLISHED,
    _THRESHOLD,
)

RULES = RuleSet()

_PROC_BREAKDOWN: Final = _compared(
    "narrative.procurement.breakdown", "政府采购预算总额不等于货物+工程+服务",
    "The procurement total is not goods + works + services", "政府采购预算总额与货物+工程+服务",
    "procurement total vs goods + works + services")
_PROC_PARTS_EXCEED: Final = Code(
    "narrative.procurement.parts_exceed", "政府采购分项之和超过总额",
    "The procurement items stated add up to more than the total",
    template="政府采购所列分项之和{sum}超过政府采购预算总额{value}{unit}",
    template_en="the procurement items add up to {sum}, more than the total {value} {unit}",
    example={"sum": "120.00万元", "value": "100.00", "unit": "万元"})
_PROC_SMALL_FIRMS: Final = Code(
    "narrative.procurement.small_firms", "授予中小企业合同金额与各类占比不符",
    "Contracts with small and medium enterprises disagree with the category shares",
    template="按各类采购授予中小企业合同金额的占比计算，授予中小企业合同金额应为{lo}～{hi}{unit}，"
             "与所述{value}{unit}不符",
    template_en="the category shares of contracts with small and medium enterprises give "
                "{lo}–{hi} {unit}, not the {value} {unit} stated",
    example={"lo": "50.00", "hi": "60.00", "unit": "万元", "value": "80.00"})
_PERF_CATEGORY_MONEY: Final = Code(
    "narrative.performance.category_money", "0个项目却有金额",
    "A category of 0 projects with money",
    template="“{label}”为0个，涉及金额却为{value}{unit}",
    template_en="{label!r}: 0 projects but an amount of {value} {unit}",
    example={"label": "纳入绩效目标管理的二级项目（其他运转类项目）", "value": "12.00", "unit": "万元"})
_PERF_CATEGORY_EMPTY: Final = Code(
    "narrative.performance.category_empty", "有项目却无金额", "A category of projects without money",
    template="“{label}”有{count}{unit}，涉及金额却为0",
    template_en="{label!r}: {count} projects but no money",
    example={"label": "纳入绩效目标管理的二级项目（特定目标类项目）", "count": "3", "unit": "个"})
_PERF_COUNT_SUM: Final = Code(
    "narrative.performance.count_sum", "项目个数不等于各类之和",
    "The count of projects is not the sum of its categories",
    template="“{subject}”共{value}{unit}，各类之和为{sum}{unit}",
    template_en="{subject!r}: {value} in all, but the categories add up to {sum}",
    example={"subject": "纳入绩效目标管理的二级项目", "value": "12", "unit": "个", "sum": "11"})
_PERF_AMOUNT_SUM: Final = _compared(
    "narrative.performance.amount_sum", "项目金额不等于各类金额之和",
    "The amount of projects is not the sum of its categories",
    "“纳入绩效目标管理的二级项目”金额与各类金额之和",
    "'纳入绩效目标管理的二级项目' amount vs the sum of its categories")
_PERF_PUBLISHED_COUNT: Final = Code(
    "narrative.performance.published_count", "公开绩效目标个数与绩效目标表张数不符",
    "The count of published targets is not the number of target tables",
    template="称公开项目绩效目标{value}{unit}，报告中的项目支出绩效目标表有{tables}张",
    template_en="{value} published targets are stated, the report has {tables} performance "
                "target tables",
    example={"value": "3", "unit": "个", "tables": "2"})
_PERF_PROJECT_LIST: Final = Code(
    "narrative.performance.project_list", "绩效目标管理项目个数与项目支出表不符",
    "The count of managed projects disagrees with the project list",
    template="称纳入绩效目标管理的项目{value}{unit}，项目支出表列有{projects}个项目{note}",
    template_en="{value} projects under performance targets are stated, the project list has "
                "{projects}{note_en}",
    example={"value": "14", "unit": "个", "projects": "12", "note": "", "note_en": ""})
_PERF_BELOW_TABLES: Final = Code(
    "narrative.performance.below_tables", "绩效目标管理项目个数少于绩效目标表",
    "Fewer managed projects than performance target tables",
    template="称纳入绩效目标管理的项目{value}{unit}，少于报告中的绩效目标表{tables}张",
    template_en="{value} managed projects are stated, fewer than the {tables} performance "
                "target tables",
    example={"value": "1", "unit": "个", "tables": "2"})
_PERF_PUBLISHED_AMOUNT: Final = _compared(
    "narrative.performance.published_amount", "公开绩效目标金额与各表年度资金之和不符",
    "The amount of published targets is not the sum of the target tables",
    "“公开项目绩效目标”金额与各绩效目标表年度资金之和",
    "'公开项目绩效目标' amount vs the performance tables")
_PERF_PROJECT_SPENDING: Final = _compared(
    "narrative.performance.project_spending", "绩效目标管理金额超过项目支出",
    "The amount under performance targets exceeds project spending",
    "“纳入绩效目标管理的二级项目”金额与部门支出总表“合计”（项目支出）",
    "'纳入绩效目标管理的二级项目' amount vs expenditure '合计' (project)", above=True)
_PERF_SPENDING_GAP: Final = Code(
    "narrative.performance.spending_gap", "绩效目标管理金额少于项目支出",
    "The amount under performance targets is below project spending",
    template="“{subject}”金额{value}{unit}少于{what}{table}：差额须说明",
    template_en="{subject!r} amount {value} {unit} is below {what_en} {table}: the gap must be "
                "explained",
    example={"subject": "纳入绩效目标管理的二级项目", "value": "800.00", "unit": "万元",
             "what": "部门支出总表“合计”（项目支出）", "what_en": "expenditure '合计' (project)",
             "table": "894.11万元"})
_ASSET_NOT_WHOLE: Final = Code(
    "narrative.assets.not_whole", "数量不是非负整数", "A count is not a whole non-negative number",
    template="“{label}”的数量{value}{unit}不是非负整数",
    template_en="{label!r}: {value} {unit} is not a whole non-negative count",
    example={"label": "公务用车", "value": "1.5", "unit": "辆"})
_ASSET_TO_BUY: Final = Code(
    "narrative.assets.to_buy", "拟购置车辆不等于各类之和",
    "The vehicles to buy are not the sum of their categories",
    template="拟购置公务用车{value}辆，各类之和为{sum}辆",
    template_en="{value} vehicles to buy, but the categories add up to {sum}",
    example={"value": "2", "sum": "3"})
_ASSET_HELD: Final = Code(
    "narrative.assets.held", "实有车辆不等于各类之和",
    "The vehicles held are not the sum of their categories",
    template="实有公务用车{value}辆，各类之和为{sum}辆",
    template_en="{value} vehicles held, but the categories add up to {sum}",
    example={"value": "5", "sum": "4"})
_ASSET_QUOTA: Final = Code(
    "narrative.assets.quota", "实有车辆超过编制", "More vehicles held than authorised",
    template="实有公务用车{value}辆，超过编制{quota}辆",
    template_en="{value} vehicles held, more than the {quota} authorised",
    example={"value": "6", "quota": "5"})
_ASSET_EQUIPMENT: Final = Code(
    "narrative.assets.equipment", "高价值设备多于低价值门槛的设备",
    "Equipment above a higher value outnumbers that above a lower one",
    template="“{label}”{value}{unit}多于“{other}”{other_value}{other_unit}",
    template_en="{label!r} ({value}) outnumbers {other!r} ({other_value})",
    example={"label": "通用设备（价值100万元以上）", "value": "3", "unit": "台（套）",
             "other": "通用设备（价值50万元以上）", "other_value": "2", "other_unit": "台（套）"})


# ---------------------------------------------------------------------------
# 9. procurement
# ---------------------------------------------------------------------------


@RULES.rule("narrative.procurement", title="政府采购预算总额=货物+工程+服务",
      title_en="Procurement total equals goods + works + services",
      category=Category.NARRATIVE,
      applies="when the narrative states the procurement total and its parts: equal to the "
              "sum when all three are stated, at least their sum when only some are",
      when=lambda r: r.procurement is not None or _has(*_PROCUREMENT)(r),
      codes=(_PROC_BREAKDOWN, _PROC_PARTS_EXCEED, _PROC_SMALL_FIRMS))
def procurement(ctx: Context) -> Iterator[Finding]:
    """政府采购预算总额 = 货物 + 工程 + 服务 (E13), each figure at its printed precision and
    in its own unit (``1.2亿元`` against ``2,000万元`` …). With only some parts stated their
    sum must not exceed the total. No table publishes procurement, so only the narrative's
    own figures are compared; a wrong part cannot be told from a wrong total, and the
    finding is placed on the total."""
    an = _an(ctx)
    found = {key: next((i for i in an.of(subject) if is_money(an.facts[i])), None)
             for subject, key in _PROCUREMENT.items()}
    total = found.pop("total")
    parts = [i for i in found.values() if i is not None]
    if total is None or not parts:
        p = ctx.report.procurement
        if total is None and p is not None and p.total is not None and (
                p.goods is not None or p.works is not None or p.services is not None):
            terms = [m for m in (p.goods, p.works, p.services) if m is not None]
            whole = Figure(p.total, quantum_of(p.total.amount),
                           Location(section="narrative", row_name="政府采购预算总额",
                                    line=p.line))
            figs = [Figure(m, quantum_of(m.amount), whole.location) for m in terms]
            unit = min((m.unit for m in terms), key=lambda u: u.exponent)
            figs = [Figure(x.money.to(unit), x.quantum * x.money.unit.factor / unit.factor,
                           x.location) for x in figs]
            f = _coded(ctx.sum_check(_rule_of(_PROC_BREAKDOWN), figs, whole,
                                     what="政府采购预算总额与货物+工程+服务",
                                     what_en="procurement total vs goods + works + services"),
                       _PROC_BREAKDOWN)
            if f is not None:
                yield f
        return
    blame = _Blame(an)
    t = an.facts[total]
    if len(parts) == 3:
        blame.add(_sum(ctx, _PROC_BREAKDOWN, [an.figure(i) for i in parts], an.figure(total),
                       "政府采购预算总额与货物+工程+服务",
                       "procurement total vs goods + works + services"), (total, *parts), total)
    else:
        s = sum((figure_of(an.facts[i]).money for i in parts), Money.zero(Unit.YUAN))
        iv = Interval.exact(Decimal(0))
        for i in parts:
            iv = iv + an.known(i)
        if s > figure_of(t).money and iv.lo > an.known(total).hi:
            blame.add(_say(
                ctx, _PROC_PARTS_EXCEED, Severity.ERROR,
                {"sum": s, "value": t.value, "unit": t.unit}, location_of(t),
                [location_of(an.facts[i]) for i in parts], expected=figure_of(t).money,
                actual=s), (total, *parts), total)
    yield from blame.findings()
    yield from _sme_shares(ctx, an)


_SME_TOTAL: Final = "授予中小企业合同金额"
_SME_PART: Final = lazy(r"^(?P<cat>货物|工程|服务)类?(?:采购)?授予中小企业合同金额$")
_SME_CATEGORY: Final = {"货物": "政府采购货物预算", "工程": "政府采购工程预算",
                        "服务": "政府采购服务预算"}


def _sme_shares(ctx: Context, an: _An) -> Iterator[Finding]:
    """货物采购授予中小企业合同金额占货物支出金额的a%，服务采购…占服务支出金额的b%: each
    share times its category's procurement gives that category's contracts with small and
    medium enterprises; with the categories given no share counted at anything from 0 to
    their whole procurement, they must be able to make up the 授予中小企业合同金额 stated."""
    total = next((i for i in an.of(_SME_TOTAL) if is_money(an.facts[i])), None)
    if total is None:
        return
    implied = Interval.exact(Decimal(0))
    shares: list[int] = []
    for cat, subject in _SME_CATEGORY.items():
        whole = next((i for i in an.of(subject) if is_money(an.facts[i])), None)
        share = next((i for i, f in enumerate(an.facts) if f.kind is FactKind.SHARE
                      and f.unit == "%" and (m := _SME_PART.match(f.subject)) is not None
                      and m["cat"] == cat and cat in (f.about.whole.words if f.about.whole else "")), None)
        if whole is None:
            if share is not None:
                return  # a share of a category whose procurement is not stated
            continue
        w = an.known(whole)
        if share is None:
            implied = implied + Interval(Decimal(0), w.hi, True, w.hi_closed)
            continue
        v = an.facts[share].value
        pct = interval_of(v, quantum_of(v))
        implied = implied + Interval(pct.lo * w.lo / HUNDRED, pct.hi * w.hi / HUNDRED,
                                     True, True)
        shares.append(share)
    if not shares:
        return
    t = an.facts[total]
    if implied.intersects(an.known(total)):
        return
    factor = factor_of(t.unit)
    lo, hi = implied.lo / factor, implied.hi / factor
    yield _say(
        ctx, _PROC_SMALL_FIRMS, Severity.ERROR,
        {"lo": f"{lo:.2f}", "hi": f"{hi:.2f}", "value": t.value, "unit": t.unit},
        location_of(an.facts[shares[-1]]),
        [location_of(t), *(location_of(an.facts[i]) for i in shares[:-1])],
        expected_text=f"{lo:.2f}～{hi:.2f}{t.unit}", actual_text=f"{t.value}{t.unit}")


# ---------------------------------------------------------------------------
# 10. performance
# ---------------------------------------------------------------------------


def _project_names(ctx: Context) -> set[str]:
    names: set[str] = set()
    for kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
        for t in ctx.tables(kind):
            for b in t.blocks:
                groups = any(r.kind is RowKind.GROUP for r in b.rows)
                for r in b.rows:
                    if r.kind is RowKind.DATA and (groups or r.level != 1) \
                            and any(v is not None for v in r.values):
                        names.add(norm(r.name))
    return names


def _count_finding(ctx: Context, code: Code, sev: Severity, f: Fact, expected: int,
                   values: Mapping[str, object], related: Sequence[Location]) -> Finding:
    return _say(ctx, code, sev, values, location_of(f), related,
                       expected_text=f"{expected}{f.unit}", actual_text=f"{f.value}{f.unit}",
                       difference_text=f"{f.value - expected}{f.unit}")


@RULES.rule("narrative.performance", title="绩效目标管理项目的个数、金额前后一致并与表格一致",
      title_en="Counts and amounts of projects under performance targets add up and agree "
               "with the tables",
      category=Category.NARRATIVE,
      applies="when the narrative states how many projects (and how much money) have "
              "performance targets: categories against the total always; the count of "
              "published targets against the performance target tables printed; the count "
              "of managed projects against the project list; the amount against the project "
              "spending (skipped when those tables are absent)",
      when=_has(_MANAGED, _PUBLISHED),
      codes=(_PERF_CATEGORY_MONEY, _PERF_CATEGORY_EMPTY, _PERF_COUNT_SUM, _PERF_AMOUNT_SUM,
             _PERF_PUBLISHED_COUNT, _PERF_PROJECT_LIST, _PERF_BELOW_TABLES,
             _PERF_PUBLISHED_AMOUNT, _PERF_PROJECT_SPENDING, _PERF_SPENDING_GAP))
def performance(ctx: Context) -> Iterator[Finding]:
    """For 纳入绩效目标管理的二级项目 and 公开项目绩效目标: the categories' counts add up to
    the total count and their amounts to the total amount (equal with two or more
    categories, at most with one); a category of 0 projects has 0 amount, and one with
    projects has some money (a warning). The count of published targets equals the number
    of performance target tables in the report, and their amount the sum of those tables'
    年度资金总额. The count of managed projects must not exceed the projects in the project
    list (fewer is a warning: projects without targets), nor be below the number of
    published tables. The amount must not exceed the project spending of the spending
    table (the general-budget table when the sentence says 一般公共预算); below it is a
    warning, as E16 allows a gap that must be explained."""
    an = _an(ctx)
    blame = _Blame(an)
    perf = ctx.report.performance
    projects = _project_names(ctx)
    for subject in (_MANAGED, _PUBLISHED):
        idx = [i for i, f in enumerate(an.facts) if f.subject == subject]
        if not idx:
            continue
        total_n = next((i for i in idx if an.facts[i].kind is FactKind.COUNT
                        and qualifier_of(an.facts[i].qualifier) is None), None)
        total_a = next((i for i in idx if an.facts[i].kind is FactKind.AMOUNT
                        and is_money(an.facts[i]) and qualifier_of(an.facts[i].qualifier) is None),
                       None)
        cats: dict[str, list[int | None]] = {}
        for i in idx:
            fact = an.facts[i]
            q = qualifier_of(fact.qualifier)
            if q is None:
                continue
            slot = cats.setdefault(q, [None, None])
            k = 0 if fact.kind is FactKind.COUNT else 1 if (
                fact.kind is FactKind.AMOUNT and is_money(fact)) else None
            if k is not None and slot[k] is None:
                slot[k] = i
        # a category's count against its amount
        for ci, ai in cats.values():
            if ci is None or ai is None:
                continue
            n, a = an.facts[ci], an.facts[ai]
            if n.value == 0 and a.value == 0:
                blame.confirmed |= {ci, ai}  # no projects and no money: each implies the other
            if n.value == 0 and a.value != 0:
                blame.add(_say(
                    ctx, _PERF_CATEGORY_MONEY, Severity.ERROR,
                    {"label": label_of(n), "value": a.value, "unit": a.unit}, location_of(a),
                    [location_of(n)], expected=Money.zero(Unit.parse(a.unit)),
                    actual=figure_of(a).money), (ci, ai), ai)
            elif n.value > 0 and a.value == 0 and quantum_of(a.value) == 0:  # exactly nothing
                blame.add(_say(
                    ctx, _PERF_CATEGORY_EMPTY, Severity.WARNING,
                    {"label": label_of(n), "count": n.value, "unit": n.unit}, location_of(a),
                    [location_of(n)],
                    expected_text=">0", actual_text=f"{a.value}{a.unit}"), (ci, ai), ai)
        counts = [c for c, _ in cats.values() if c is not None]
        if total_n is not None and counts:
            t = an.facts[total_n]
            s = sum((an.facts[c].value for c in counts), Decimal(0))
            bad = s != t.value if len(counts) >= 2 else s > t.value
            if bad:
                blame.add(_count_finding(
                    ctx, _PERF_COUNT_SUM, Severity.ERROR, t, int(s),
                    {"subject": subject, "value": t.value, "unit": t.unit, "sum": s},
                    [location_of(an.facts[c]) for c in counts]), (total_n, *counts), total_n)
        amounts = [a for _, a in cats.values() if a is not None]
        if total_a is not None and amounts:
            t = an.facts[total_a]
            if len(amounts) >= 2:
                blame.add(_sum(ctx, _PERF_AMOUNT_SUM, [an.figure(a) for a in amounts], an.figure(total_a),
                               f"“{subject}”金额与各类金额之和",
                               f"{subject!r} amount vs the sum of its categories"),
                          (total_a, *amounts), total_a)
            else:
                blame.add(_coded(ctx.le_check(
                    _rule_of(_PERF_AMOUNT_SUM), figure_of(an.facts[amounts[0]]), figure_of(t),
                    what=f"“{subject}”中“{an.facts[amounts[0]].qualifier}”金额",
                    what_en=f"{subject!r} category amount vs the total"), _PERF_AMOUNT_SUM),
                          (total_a, amounts[0]), amounts[0])
        # the count against the tables
        if total_n is not None:
            t = an.facts[total_n]
            if subject == _PUBLISHED and perf:
                if t.value != len(perf):
                    blame.add(_count_finding(
                        ctx, _PERF_PUBLISHED_COUNT, Severity.ERROR, t, len(perf),
                        {"value": t.value, "unit": t.unit, "tables": len(perf)},
                        [Location(section="performance", row_name=p.project, line=p.line)
                         for p in perf[:1]]), (total_n,), total_n)
                else:
                    blame.confirmed.add(total_n)
            if subject == _MANAGED and projects:
                n_projects = len(projects)
                if t.value != n_projects:
                    more = t.value > n_projects
                    blame.add(_count_finding(
                        ctx, _PERF_PROJECT_LIST, Severity.ERROR if more else Severity.WARNING, t,
                        n_projects,
                        {"value": t.value, "unit": t.unit, "projects": n_projects,
                         "note": "" if more else "（部分项目未设绩效目标？）",
                         "note_en": "" if more else " (projects without targets?)"},
                        []), (total_n,), total_n)
                else:
                    blame.confirmed.add(total_n)
            elif subject == _MANAGED and perf and t.value < len(perf):
                blame.add(_count_finding(
                    ctx, _PERF_BELOW_TABLES, Severity.ERROR, t, len(perf),
                    {"value": t.value, "unit": t.unit, "tables": len(perf)}, []),
                    (total_n,), total_n)
        # the amount against the tables
        if total_a is not None:
            t = an.facts[total_a]
            fig = figure_of(t)
            # each table's 年度资金总额, built once (``year_money`` builds a new Money)
            stated = [p.year_money for p in perf]
            if subject == _PUBLISHED and perf and all(m is not None for m in stated):
                moneys = [m for m in stated if m is not None]
                unit = moneys[0].unit
                if all(m.unit is unit for m in moneys):
                    # what adding them up gives when they share a unit
                    s_money = Money.of(sum((m.amount for m in moneys), Decimal(0)), unit)
                else:
                    s_money = sum(moneys, Money.zero(unit))
                q_yuan = max((quantum_of(m.amount) or Decimal(1)) * m.unit.factor for m in moneys)
                whole = Figure(s_money, q_yuan / s_money.unit.factor,
                               Location(section="performance", row_name="年度资金总额",
                                        line=perf[0].line))
                same = _coded(ctx.equal_check(
                    _rule_of(_PERF_PUBLISHED_AMOUNT), whole, fig,
                    what=f"“{subject}”金额与各绩效目标表年度资金之和",
                    what_en=f"{subject!r} amount vs the performance tables"),
                    _PERF_PUBLISHED_AMOUNT)
                blame.add(same, (total_a,), total_a)
                if same is None:
                    blame.confirmed.add(total_a)
            kind = TableKind.GENERAL_EXPENDITURE if an.scopes[total_a] is Scope.GENERAL \
                else TableKind.EXPENDITURE
            ref = an.table_total(kind, "project") or an.table_total(
                TableKind.GENERAL_EXPENDITURE, "project")
            if ref is not None:
                found = _coded(ctx.le_check(
                    _rule_of(_PERF_PROJECT_SPENDING), fig, ref.figure,
                    what=f"“{subject}”金额与{ref.what}",
                    what_en=f"{subject!r} amount vs {ref.what_en}"), _PERF_PROJECT_SPENDING)
                if found is None and fig.money < ref.figure.money:
                    found = _say(
                        ctx, _PERF_SPENDING_GAP, Severity.WARNING,
                        {"subject": subject, "value": t.value, "unit": t.unit,
                         "what": ref.what, "what_en": ref.what_en, "table": ref.figure.money},
                        location_of(t),
                        [ref.figure.location], ref.figure.money, fig.money)
                elif found is None:
                    blame.confirmed.add(total_a)
                blame.add(found, (total_a,), total_a)
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 11. assets
# ---------------------------------------------------------------------------


def _threshold(qualifier: str | None) -> Money | None:
    if not qualifier or "以上" not in qualifier:
        return None
    m = _THRESHOLD.search(qualifier)
    return Money(Decimal(m.group(1)), m.group(2)) if m else None




@RULES.rule("narrative.assets", title="国有资产：车辆分类之和等于实有数，数量为非负整数",
      title_en="State assets: vehicle categories add up to the vehicles held; counts are "
               "whole and non-negative",
      category=Category.NARRATIVE,
      applies="when the narrative states vehicle or equipment counts (国有资产占有使用情况)",
      when=lambda r: any(f.kind is FactKind.COUNT for f in r.narrative.facts),
      codes=(_ASSET_NOT_WHOLE, _ASSET_TO_BUY, _ASSET_HELD, _ASSET_QUOTA, _ASSET_EQUIPMENT))
def assets(ctx: Context) -> Iterator[Finding]:
    """Vehicle categories (领导用车, 机要通信用车 …) add up to the vehicles held (实有; at
    most, when only one category is named). 编制 is the authorised number of vehicles, not a
    sum of anything: holding more than it breaches the vehicle quota (超编制配备), a matter
    for the auditor rather than arithmetic, so it is a warning. Counts of vehicles and
    equipment are whole and non-negative, and equipment above a higher value threshold
    cannot outnumber that above a lower one (价值100万元以上 ≤ 价值50万元以上)."""
    an = _an(ctx)
    blame = _Blame(an)
    vehicles: list[int] = []
    equipment: dict[str, list[tuple[Money, int]]] = {}
    runs: dict[str, tuple[int, int]] = {}  # subject -> (its current run, its last fact)
    for i, f in enumerate(an.facts):
        if f.kind is not FactKind.COUNT:
            continue
        is_vehicle = f.unit == "辆"
        thr = _threshold(f.qualifier)
        if not is_vehicle and thr is None:
            continue
        if f.value < 0 or f.value != f.value.to_integral_value():
            blame.add(_say(
                ctx, _ASSET_NOT_WHOLE, Severity.ERROR,
                {"label": label_of(f), "value": f.value, "unit": f.unit}, location_of(f),
                actual_text=f"{f.value}{f.unit}"), (i,), i)
        if is_vehicle:
            vehicles.append(i)
        elif thr is not None:
            # Counts stated together (价值50万元以上设备8台，其中，价值100万元以上设备3台) are
            # compared; a later statement of the same subject (the equipment to be added
            # this year) is a figure of its own, so a new run starts after a gap.
            last = runs.get(f.subject)
            if last is None or i - last[1] > 2:
                runs[f.subject] = last = (len(equipment), i)
            runs[f.subject] = (last[0], i)
            equipment.setdefault(f"{f.subject}#{last[0]}", []).append((thr, i))
    # Vehicles to buy (预算安排购置车辆1辆，其中：…) are counted apart from those held.
    bought = [i for i in vehicles if an.facts[i].subject == _BOUGHT]
    vehicles = [i for i in vehicles if an.facts[i].subject != _BOUGHT]
    groups: list[list[int]] = []
    for i in bought:  # each 购置车辆N辆 with the categories listed after it
        if an.facts[i].qualifier == "合计" or not groups:
            groups.append([i])
        else:
            groups[-1].append(i)
    for to_buy, *buy_cats in groups:
        if an.facts[to_buy].qualifier != "合计" or len(buy_cats) < 2:
            continue
        h = an.facts[to_buy]
        s = sum((an.facts[i].value for i in buy_cats), Decimal(0))
        if s != h.value:
            blame.add(_count_finding(
                ctx, _ASSET_TO_BUY, Severity.ERROR, h, int(s), {"value": h.value, "sum": s},
                [location_of(an.facts[i]) for i in buy_cats]), (to_buy, *buy_cats), to_buy)
    # the vehicles held: the figure the sentence says is held (共有/实有/现有/拥有车辆N辆),
    # else the one read as held; a category (其他按照规定配备的公务用车29辆) is not the total
    held = next((i for i in vehicles if an.facts[i].about.held), None)
    if held is None:
        held = next((i for i in vehicles if an.facts[i].qualifier == "实有"), None)
    quota = next((i for i in vehicles if "编制" in (an.facts[i].qualifier or "")), None)
    # the categories: the vehicles listed after the held figure in its passage
    cats = [i for i in vehicles if i not in (held, quota) and held is not None and i > held
            and an.facts[i].section == an.facts[held].section] if held is not None else []
    if held is not None and cats:
        h = an.facts[held]
        s = sum((an.facts[i].value for i in cats), Decimal(0))
        if (s != h.value) if len(cats) >= 2 else (s > h.value):
            blame.add(_count_finding(
                ctx, _ASSET_HELD, Severity.ERROR, h, int(s), {"value": h.value, "sum": s},
                [location_of(an.facts[i]) for i in cats]), (held, *cats), held)
    if held is not None and quota is not None and an.facts[held].value > an.facts[quota].value:
        h, q = an.facts[held], an.facts[quota]
        blame.add(_count_finding(
            ctx, _ASSET_QUOTA, Severity.WARNING, h, int(q.value),
            {"value": h.value, "quota": q.value}, [location_of(q)]),
            (held,), held)
    for entries in equipment.values():
        entries.sort(key=lambda e: e[0])
        for (lo_thr, lo), (hi_thr, hi) in pairwise(entries):
            if hi_thr > lo_thr and an.facts[hi].value > an.facts[lo].value:
                a, b = an.facts[hi], an.facts[lo]
                blame.add(_count_finding(
                    ctx, _ASSET_EQUIPMENT, Severity.ERROR, a, int(b.value),
                    {"label": label_of(a), "value": a.value, "unit": a.unit,
                     "other": label_of(b), "other_value": b.value, "other_unit": b.unit},
                    [location_of(b)]), (hi, lo), hi)
    yield from blame.findings()


