"""Performance rules on costs: cost indicators, the overview's cost lists, arithmetic and total."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Final

from attrs import evolve

from ..._findings import Finding, Location, Severity
from ..._money import Money, Unit, explain_gap
from ..._report import PerformanceTable
from ...indicators import (
    Comparison,
    Quantity,
    Range,
    convert,
    units_compatible,
)
from ...prose import Amount, CostList, Rate
from .._context import Context, Figure
from .._registry import Category, Code, RuleSet
from ._common import (
    _admits,
    _amount_figure,
    _coded,
    _entries_of,
    _has_performance,
    _is_cost,
    _is_money,
    _is_money_rate,
    _loc,
    _parse,
    _plain,
    _say,
    _tidy,
    _yuan,
)

RULES = RuleSet()

_COST_EXAMPLE: Final = {"project": "会议经费", "name": "会议成本", "value": "≤5万元",
                        "where": "年度", "where_en": "year", "funds": "年度资金总额",
                        "amount": "20万元"}
UNEXPLAINED: Final = Code(
    "performance.cost_indicator.unexplained", "成本指标低于资金总额且项目概况无此金额",
    "A cost below the funds that no amount of the overview explains",
    template="项目“{project}”成本指标“{name}”{value}（{where}）低于{funds}{amount}，且与项目概况"
             "所列金额均不相同",
    template_en="project {project!r}: cost indicator {name!r} {value} ({where_en}) is below "
                "the {funds} {amount} and matches no amount the overview states",
    example=_COST_EXAMPLE)
NO_OVERVIEW: Final = Code(
    "performance.cost_indicator.no_overview", "成本指标低于资金总额，表中无项目概况可核对",
    "A cost below the funds, in a table with no overview",
    template="项目“{project}”成本指标“{name}”{value}（{where}）低于{funds}{amount}（表中无项目"
             "概况可核对，或为其中一项活动的成本）",
    template_en="project {project!r}: cost indicator {name!r} {value} ({where_en}) is below "
                "the {funds} {amount} (the table has no overview to compare with: likely "
                "the cost of one activity)",
    example=_COST_EXAMPLE)
_RATE_EXAMPLE: Final = {"project": "培训经费", "name": "培训标准", "value": "≤350元/人/天",
                        "where": "年度", "where_en": "year", "stated": "400元/人/天",
                        "unit": "元/人/天", "stated_unit": "元/人/年"}
RATE: Final = Code(
    "performance.cost_indicator.rate", "成本指标与项目概况所述标准不符",
    "A rate cost indicator disagrees with the overview's rate",
    template="项目“{project}”成本指标“{name}”{value}（{where}）与项目概况所述标准“{stated}”不符",
    template_en="project {project!r}: cost indicator {name!r} {value} ({where_en}) disagrees "
                "with the rate the overview states: {stated}",
    example=_RATE_EXAMPLE)
RATE_UNITS: Final = Code(
    "performance.cost_indicator.rate_units", "成本指标与项目概况所述标准的时间单位不同",
    "A rate cost indicator and the overview's rate are per different times",
    template="项目“{project}”成本指标“{name}”{value}（{where}）的单位为{unit}，项目概况所述标准为"
             "“{stated}”（{stated_unit}），两者时间单位不同，无法比较，其一的单位可能有误",
    template_en="project {project!r}: cost indicator {name!r} {value} ({where_en}) is per "
                "{unit} but the overview states {stated} ({stated_unit}): different time "
                "units cannot be compared; one of the units is probably wrong",
    example=_RATE_EXAMPLE)
PRODUCT: Final = Code(
    "performance.formula.product", "项目概况中的数量×标准与所述金额不符",
    "A quantity × rate statement of the overview does not give its amount")

_SECTION: Final = "performance"
_TABLE: Final = "performance"
_ZERO: Final = Decimal(0)


def _overview_amounts(p: PerformanceTable) -> set[Decimal]:
    """Every amount the overview states (items, totals, results), in 元."""
    return {a.money.yuan for a in p.prose.overview.amounts}


def _overview_rates(p: PerformanceTable) -> list[tuple[Rate, str]]:
    """The rates the overview states, each with its canonical unit (``元/人/天``)."""
    return [(r, r.rate_unit) for r in p.prose.overview.rates if r.rate_unit]


def _at(p: PerformanceTable, line: int | None) -> Location:
    """A figure of the overview: its own line (the field's when unknown)."""
    return _loc(p, "项目概况", line)


def _lines_of(p: PerformanceTable, figures: Iterable[Rate]) -> list[Location]:
    """The overview's lines of some figures, each once."""
    return list(dict.fromkeys(_at(p, f.line) for f in figures))


def _disagreeing(chk: CostList) -> tuple[Amount, ...] | None:
    """The reading of a cost list that comes closest to its total, when none adds up to
    it (``None``: one does). A total written as a product (``合计：12×2500=30000元``) may
    be the items multiplied out: items adding up to one of its factors agree; a total
    written as a sum agrees with items that are its terms."""
    readings = chk.readings()
    total = chk.total
    want = total.money.yuan
    formula = None if chk.header else chk.formula
    for c in readings:
        s = sum((x.money.yuan for x in c), _ZERO)
        if s == want:
            return None
        if formula is not None and (formula.is_product or formula.is_sum):
            unit_factor = want / total.value if total.value else Decimal(1)
            if formula.is_product and any(s == o * unit_factor for o in formula.operands):
                return None
            if formula.is_sum and sorted(x.money.yuan for x in c) == sorted(
                    o * unit_factor for o in formula.operands):
                return None
    return min(readings, key=lambda c: abs(sum((x.money.yuan for x in c), _ZERO) - want))


_TIME_UNITS: Final = frozenset({"天", "周", "个月", "月", "季度", "年", "小时", "分钟", "日"})


def _rate_kind(unit: str) -> tuple[str, ...]:
    return tuple(sorted(u for u in unit.split("/")[1:] if u not in _TIME_UNITS))


@RULES.rule("performance.cost_indicator", title="成本指标不超过年度资金，并与项目概况相符",
      title_en="Cost indicators do not exceed the funds and agree with the overview",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="every cost indicator (成本指标, 二级 or 一级) whose value is money or a rate",
      when=_has_performance, codes=(UNEXPLAINED, NO_OVERVIEW, RATE, RATE_UNITS))
def cost_indicator(ctx: Context) -> Iterator[Finding]:
    """A cost indicator (成本指标 as 二级 under 产出指标, or any 二级 of 一级 成本指标) whose
    value is an amount of money (``≤30万元``) states what the project costs: it must not
    exceed the column's funds (年度资金总额 for the 年度 column, 实施期资金总额 for the
    实施期 column), units converted exactly. Exceeding is an error that says by how much;
    for a range, its lower end exceeding is an error and its upper end a warning.

    A money cost below the funds should be a part of the project the overview costs: it
    must equal the funds, or an amount the overview states (an item, a subtotal, a
    product); otherwise it is a warning (a target that nothing in the table explains). A
    table with no overview at all (the one-column layout of 项目名称 / 资金 / 年度目标 / grid)
    itemises nothing to compare with: the lower cost is likely one activity's, noted (info).

    A rate (``600元/人``, ``350元/人/天``) is not compared with the funds: the funds are
    the rate times quantities the indicator does not state. It is compared with the rates
    the overview states: when the overview states rates in a convertible unit, one of them
    must meet the target (``≤`` : at most, ``≥``: at least, otherwise equal), else a
    warning; when it states the rate only per another period of time (``每人每年1200元``
    against ``≤100元/人/天``), that is an observation (info): the two cannot be compared and
    one of the units is probably wrong.
    """
    rid = "performance.cost_indicator"
    for p in ctx.report.performance:
        amounts: set[Decimal] | None = None
        rates: list[tuple[Rate, str]] | None = None
        entries = list(_entries_of(ctx, p))
        unnamed = sum(1 for e in entries if not e.ind.name.strip())
        if entries and unnamed * 2 > len(entries):
            # most indicators without a name: the table was not read as printed (several
            # tables run together, or names lost): its figures are not compared
            continue
        for e in entries:
            ind = e.ind
            if not _is_cost(ind) or not ind.value or not ind.name.strip():
                continue
            target = _parse(ind)
            if not isinstance(target, Quantity | Range) or not target.unit:
                continue
            said = {"project": p.project, "name": ind.name, "value": ind.value,
                    "where": e.where, "where_en": e.where_en}
            if _is_money(target.unit):
                funds_value: Decimal | None
                if e.column == "period" and p.total_period is not None:
                    funds_value, funds_col = p.total_period, "实施期资金总额"
                else:
                    funds_value, funds_col = p.total_year, "年度资金总额"
                if funds_value is None:
                    continue
                funds = _amount_figure(p, funds_value, funds_col)
                low = target.low if isinstance(target, Range) else target.value
                high = target.high if isinstance(target, Range) else target.value
                low_m = Money.of(convert(low, target.unit, "元"), Unit.YUAN)
                high_m = low_m if high is low else Money.of(convert(high, target.unit, "元"),
                                                            Unit.YUAN)
                f = None
                # ``le_check`` finds nothing for a part at most the whole: the messages and
                # the location are made only for a target above the funds.
                if not (low_m <= funds.money and high_m <= funds.money):
                    what = (f"项目“{p.project}”成本指标“{ind.name}”{ind.value}（{e.where}）"
                            f"不应超过{funds_col}")
                    what_en = (f"project {p.project!r}: cost indicator {ind.name!r} "
                               f"{ind.value} ({e.where_en}) must not exceed the {funds_col}")
                    loc = e.location(p)
                    f = ctx.le_check(rid, Figure(low_m, _ZERO, loc), funds, what=what,
                                     what_en=what_en)
                    if f is None and high_m != low_m:
                        f = ctx.le_check(rid, Figure(high_m, _ZERO, loc), funds, what=what,
                                         what_en=what_en, severity=Severity.WARNING)
                if f is not None:
                    yield evolve(f, related=(*f.related, *e.related(p)))
                    continue
                if isinstance(target, Quantity) and target.comparison in (
                        Comparison.GE, Comparison.GT):
                    continue
                if high_m == funds.money or explain_gap(
                        [funds.money], high_m, quantum=Money.of(funds.quantum, p.unit),
                        total_quantum=Money.of(_ZERO, Unit.YUAN)).explained:
                    continue  # the funds, up to their rounding (equal needs no reasoning)
                if amounts is None:
                    amounts = _overview_amounts(p) | {
                        Money.of(v, p.unit).yuan for v in (p.total_year, p.total_period,
                                                        *(fl.year for fl in p.funding),
                                                        *(fl.period for fl in p.funding))
                        if v is not None}
                if high_m.yuan in amounts:
                    continue
                if not p.overview:
                    # A table without a 项目概况 (the one-column layout) itemises nothing a
                    # lower cost could be one of: the cost of one activity of the project
                    # is likely, so this is only noted.
                    yield _say(ctx, NO_OVERVIEW, Severity.INFO, e.location(p),
                               [*e.related(p), funds.location], funds.money, high_m,
                               values=said, funds=funds_col, amount=_plain(funds.money))
                    continue
                yield _say(ctx, UNEXPLAINED, Severity.WARNING, e.location(p),
                           [*e.related(p), funds.location], funds.money, high_m,
                           values=said, funds=funds_col, amount=_plain(funds.money))
            elif _is_money_rate(target.unit):
                if rates is None:
                    rates = _overview_rates(p)
                same = [(t, u) for t, u in rates if units_compatible(u, target.unit)]
                if same:
                    if any(_admits(target, t.value, u) for t, u in same):
                        continue
                    stated = "、".join(t.text.strip() for t, _ in same)
                    yield _say(ctx, RATE, Severity.WARNING, e.location(p),
                               [*e.related(p), *_lines_of(p, (t for t, _ in same))],
                               expected_text=stated, actual_text=ind.value, values=said,
                               stated=stated)
                    continue
                other = [(t, u) for t, u in rates
                         if _rate_kind(u) == _rate_kind(target.unit) and _is_money_rate(u)]
                if other:
                    stated = "、".join(t.text.strip() for t, _ in other)
                    yield _say(ctx, RATE_UNITS, Severity.INFO, e.location(p),
                               [*e.related(p), *_lines_of(p, (t for t, _ in other))],
                               expected_text=stated, actual_text=ind.value, values=said,
                               stated=stated, unit=target.unit, stated_unit=other[0][1])


@RULES.rule("performance.itemised_costs", title="项目概况所列各项费用之和等于所述合计",
      title_en="Itemised costs in the project overview add up to the stated total",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="every performance table whose overview (项目概况) lists costs and a total "
              "(合计/总计/共计/共需 …)",
      when=_has_performance)
def itemised_costs(ctx: Context) -> Iterator[Finding]:
    """The overview (项目概况) often lists what the money buys, item by item, then a total
    (``…预计需经费3500元…；合计30万元整``, ``书架6个1.5万元，文件柜8个2.4万元，…合计4万元整``):
    the items must add up to the total. Rates (``300元/天/台``) are not items; the operands
    of written formulas are not items (their results are). See the module docstring for how
    items, totals, ``其中`` and subtotals are told apart.

    The figures come from prose, so a mismatch is a warning that shows the items, their
    sum and the total. It is an observation (info) when rounding the figures to their
    printed precision could explain it, when the total is an estimate (``约``), or when
    the items fall short of a total after ``等`` (the list says it is not exhaustive).
    """
    rid = "performance.itemised_costs"
    for p in ctx.report.performance:
        if not p.overview:
            continue
        for chk in p.prose.overview.cost_lists:
            got = _disagreeing(chk)
            if got is None:
                continue
            items = "+".join(t.text.strip() for t in got)
            total_text = chk.total.text.strip()
            tq = max(t.quantum for t in got)
            total_q = min(chk.total.quantum, tq)
            terms = [Figure.lazy(_yuan(t.money), tq, _at, p, t.line) for t in got]
            total = Figure.lazy(_yuan(chk.total.money), total_q, _at, p, chk.total.line)
            s = sum((t.money.yuan for t in got), _ZERO)
            severity = Severity.WARNING
            if chk.total.approx or (chk.etc and s < chk.total.money.yuan):
                severity = Severity.INFO
            f = ctx.sum_check(
                rid, terms, total,
                what=f"项目“{p.project}”项目概况所列各项（{items}，合计"
                     f"{_plain(Money.of(s, Unit.YUAN).to(chk.total.money.unit))}）与所述“{total_text}”",
                what_en=f"project {p.project!r}: overview items ({items}, summing to "
                        f"{_plain(Money.of(s, Unit.YUAN).to(chk.total.money.unit))}) vs the stated "
                        f"total {total_text!r}",
                severity=severity)
            if f is not None:
                yield _tidy(f)


@RULES.rule("performance.formula", title="项目概况中的算式与数量×标准计算正确",
      title_en="Written arithmetic and quantity × rate statements in the overview compute",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="every performance table whose overview writes arithmetic (a×b=c, a+b=c) or "
              "states quantities, a rate and the amount they give",
      when=_has_performance, codes=(PRODUCT,))
def formula(ctx: Context) -> Iterator[Finding]:
    """Arithmetic written in the overview must compute: ``12×2500=30000元``,
    ``30000+8000+2000=40000元`` (× and ÷ before + and −); a wrong result is an error.

    Quantity × rate statements must give the amount stated with them:
    ``学员50人，每人600的标准，预计共需3万元`` (50 × 600 = 30,000 元),
    ``2天*两台1200元`` after ``设备租赁 300元/天/台``, several groups adding up
    (``甲组20人…3天，标准300元/人/天，乙组40人…2天，标准300元/人/天，共计…4.2万元``).
    See the module docstring for how quantities are matched to rates and which statements
    are left alone (ranges, bounds, a unit with no quantity). A wrong product is an error;
    a warning when a figure is an estimate (约, 左右) or the amount was stated before the
    quantities. The stated result may be rounded to its printed precision (``2.33万元``);
    a gap rounding explains is an observation.
    """
    rid = "performance.formula"
    for p in ctx.report.performance:
        if not p.overview:
            continue
        for t in p.prose.overview.formulas:
            value = t.left()
            if value is None:
                continue
            unit = t.unit or "元"  # arithmetic with no unit (``3+2=5``) is compared as is
            stated_a = t.amount
            stated_q = stated_a.quantum if stated_a is not None else _ZERO
            computed = Figure.lazy(_yuan(Amount(value, unit).money), _ZERO, _at, p, t.line)
            stated = Figure.lazy(_yuan(Amount(t.result, unit).money), stated_q, _at, p, t.line)
            f = ctx.equal_check(rid, computed, stated,
                                what=f"项目“{p.project}”项目概况算式“{t.text.strip()}”",
                                what_en=f"project {p.project!r}: overview arithmetic "
                                        f"{t.text.strip()!r}")
            if f is not None:
                yield _tidy(f)
        for prod in p.prose.overview.products:
            line = prod.stated.line
            computed = Figure.lazy(_yuan(prod.computed), _ZERO, _at, p, line)
            stated = Figure.lazy(_yuan(prod.stated.money), prod.stated.quantum, _at, p, line)
            severity = Severity.WARNING if prod.estimate else Severity.ERROR
            f = ctx.equal_check(
                rid, computed, stated,
                what=f"项目“{p.project}”项目概况“{prod}”与所述“{prod.stated.text.strip()}”",
                what_en=f"project {p.project!r}: overview {prod} vs the stated "
                        f"{prod.stated.text.strip()!r}",
                severity=severity)
            if f is not None:
                yield _coded(_tidy(f), PRODUCT)



@RULES.rule("performance.overview_total", title="项目概况所述总额与年度资金总额一致",
      title_en="The total the overview states equals the year funds",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="every performance table whose overview states a total (合计/共计/共需 …) or "
              "a single amount",
      when=_has_performance)
def overview_total(ctx: Context) -> Iterator[Finding]:
    """The overview usually ends with what the project costs (``合计30万元整``,
    ``共计12.5万元``); that is what the year's funds pay for. The total is the largest amount
    the overview states as a total (合计, 共计, 共需 …), or its only amount when it states one.
    For a multi-year project the overview may cost the whole period: agreeing with
    实施期资金总额 is agreement too.
    Costing more than 年度资金总额 is a warning (the overview's costing does not fit the
    budget); less is an observation (info: the overview may cost only a part). The
    overview's figure is taken as rounded to its printed precision (exact when followed
    by 整), so a gap rounding explains is an observation too."""
    rid = "performance.overview_total"
    for p in ctx.report.performance:
        if not p.overview or p.total_year is None:
            continue
        stated = p.prose.overview.total
        if stated is None:
            continue
        mine_money = _yuan(stated.money)
        if Money.of(p.total_year, p.unit).yuan == mine_money.amount:
            continue  # equal: ``explain_gap`` below would find the gap exact
        funds = _amount_figure(p, p.total_year, "年度资金总额")
        mine = Figure.lazy(mine_money, stated.quantum, _at, p, stated.line)
        gap = explain_gap([funds.money], mine.money, quantum=Money.of(funds.quantum, funds.money.unit),
                          total_quantum=Money.of(mine.quantum, mine.money.unit))
        if gap.exact:
            continue
        if p.total_period is not None and p.total_period != p.total_year:
            period = _amount_figure(p, p.total_period, "实施期资金总额")
            if explain_gap([period.money], mine.money,
                           quantum=Money.of(period.quantum, period.money.unit),
                           total_quantum=Money.of(mine.quantum, mine.money.unit)).explained:
                continue  # a multi-year project's overview costs the whole period
        severity = Severity.WARNING if (stated.money > funds.money and not gap.explained
                                        and not stated.approx) else Severity.INFO
        f = ctx.equal_check(
            rid, funds, mine,
            what=f"项目“{p.project}”项目概况所述“{stated.text.strip()}”与年度资金总额",
            what_en=f"project {p.project!r}: the overview's {stated.text.strip()!r} vs the year "
                    f"funds", severity=severity)
        if f is not None:
            yield f
