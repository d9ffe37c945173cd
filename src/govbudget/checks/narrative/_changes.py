"""Narrative changes on last year and budget completion rates.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from ..._findings import Finding, Severity
from ..._money import Interval, round_half_up
from ..._pattern_cache import compile_pattern
from ..._report import Change, FactKind
from .._context import Context
from .._fact_figures import (
    HUNDRED,
    MONEY_UNITS,
    factor_of,
    figure_of,
    interval_of,
    is_money,
    label_of,
    location_of,
    pct,
    qualifier_of,
    quantum_of,
    signed,
)
from .._registry import Category, Code, RuleSet
from ._analysis import (
    _An,
    _an,
    _Blame,
    _coded,
    _compared,
    _rule_of,
    _say,
)
from ._shares import _CENT, _ratio
from ._vocab import (
    _NAMED,
    _T_INCOME,
    _T_SPEND,
)

RULES = RuleSet()

_RATE: Final = Code(
    "narrative.changes.rate", "变动率与变动额不符", "A change rate disagrees with its amount",
    template="“{label}”变动额{change}{change_unit}与变动率{rate}不符：本年{value}{unit}，上年应为"
             "{last}，变动率应为{expected}（考虑四舍五入为{lo}%～{hi}%）",
    template_en="{label!r}: a change of {change} {change_unit} on this year's {value} {unit} "
                "(last year {last}) is {expected}, not {rate} (with rounding {lo}%–{hi}%)",
    example={"label": "基本支出", "change": "14.05", "change_unit": "万元", "rate": "6.27%",
             "value": "210.60", "unit": "万元", "last": "224.65万元", "expected": "6.25%",
             "lo": "6.2498", "hi": "6.2590"})
_RATE_ROUNDING: Final = Code(
    "narrative.changes.rate_rounding", "变动率差异在四舍五入误差内",
    "A change rate off by rounding only",
    template="“{label}”变动率{rate}：按印出数计算为{expected}（上年{last}），差异在四舍五入误差范围内",
    template_en="{label!r} rate {rate}: the printed figures give {expected} (last year {last}), "
                "within rounding",
    example={"label": "基本支出", "rate": "6.26%", "expected": "6.25%", "last": "224.65万元"})
_DIRECTION: Final = Code(
    "narrative.changes.direction", "增减额与增减率方向不一致",
    "The amount and the rate of a change go opposite ways",
    template="“{label}”{word}{value}{unit}，却称{rate_word}{rate}：方向不一致",
    template_en="{label!r}: the amount {way}s but the rate {rate_way}s",
    example={"label": "基本支出", "word": "增加", "value": "14.05", "unit": "万元",
             "rate_word": "下降", "rate": "6.25%", "way": "increase", "rate_way": "decrease"})
_ZERO_BASE: Final = Code(
    "narrative.changes.zero_base", "上年为零或负数，不能计算增长率",
    "A growth rate on a zero or negative base",
    template="“{label}”本年{value}{unit}、增加{change}{change_unit}，上年为零或负数，不能计算增长率{rate}",
    template_en="{label!r}: this year {value} {unit}, up {change} {change_unit}: last year was "
                "zero or less, so no growth rate ({rate}) exists",
    example={"label": "项目支出", "value": "0.30", "unit": "万元", "change": "0.30",
             "change_unit": "万元", "rate": "100%"})
_SAME_NONZERO: Final = Code(
    "narrative.changes.same_nonzero", "称与上年持平，变动额却不为零",
    "Said to be unchanged, yet a change is stated",
    template="“{label}”称与上年持平，变动额却为{value}{unit}",
    template_en="{label!r} is said to be unchanged but the change is {value} {unit}",
    example={"label": "公务接待费", "value": "1.20", "unit": "万元"})
_EXCEEDS: Final = Code(
    "narrative.changes.exceeds", "增加额超过本年数", "An increase larger than this year's amount",
    template="“{label}”比上年增加{value}{unit}，超过本年的{this_year}{this_unit}：上年将为负数",
    template_en="{label!r} rose by {value} {unit}, more than this year's {this_year} "
                "{this_unit}: last year would be negative",
    example={"label": "项目支出", "value": "5.00", "unit": "万元", "this_year": "3.00",
             "this_unit": "万元"})
_STATED_BASE: Final = Code(
    "narrative.changes.stated_base", "变动率与所述比较基数不符",
    "A change rate disagrees with the base the narrative states",
    template="“{label}”{word}{rate}与金额不符：本年{value}{unit}、比较基数{base}{base_unit}，应为"
             "{expected}（考虑四舍五入为{lo}%～{hi}%）",
    template_en="{label!r}: {value} {unit} on a base of {base} {base_unit} is {expected}, not "
                "{rate} (with rounding {lo}%–{hi}%)",
    example={"label": "住房公积金", "word": "增长", "rate": "0.63%", "value": "350.35",
             "unit": "万元", "base": "348.52", "base_unit": "万元", "expected": "0.53%",
             "lo": "0.5236", "hi": "0.5265"})
_STATED_BASE_ROUNDING: Final = Code(
    "narrative.changes.stated_base_rounding", "变动率与所述基数的差异在四舍五入误差内",
    "A rate on a stated base off by rounding only",
    template="“{label}”变动率{rate}：按印出数{value}{unit}与基数{base}{base_unit}计算为{expected}，"
             "差异在四舍五入误差范围内",
    template_en="{label!r} rate {rate}: {value} on {base} gives {expected}, within rounding",
    example={"label": "住房公积金", "rate": "0.52%", "value": "350.35", "unit": "万元",
             "base": "348.52", "base_unit": "万元", "expected": "0.53%"})
_SAME_BASE: Final = _compared(
    "narrative.changes.same_base", "称与比较基数持平，本年数却不同",
    "Said to equal its stated base, yet the amounts differ",
    "“购房补贴”称与比较基数持平，本年数与基数", "'购房补贴' is said to equal its base")
_RESTATED: Final = Code(
    "narrative.changes.restated", "同一变动前后表述不一致", "The same change stated twice differs",
    template="同一变动前后表述不一致：“{label}”{first}与{second}",
    template_en="the same change stated twice differ: {first_en} vs {second_en}",
    example={"label": "在职人员", "first": "-4人", "second": "-3人", "first_en": "-4",
             "second_en": "-3 人"})
_RESTATED_AMOUNT: Final = _compared(
    "narrative.changes.restated_amount", "同一变动额前后表述不一致",
    "The same change amount stated twice differs", "同一变动前后表述“基本支出”",
    "the same change stated twice (基本支出)")
_BALANCED_WHAT: Final = "收入总计与支出总计（两年均收支平衡）的变动"
_BALANCED_WHAT_EN: Final = "the changes of total income and total spending (both balanced)"
_BALANCED: Final = Code(
    "narrative.changes.balanced", "收入总计与支出总计的变动率不同",
    "Total income and total spending change at different rates",
    template=_BALANCED_WHAT + "不一致：“{label}”{first}与{second}",
    template_en=_BALANCED_WHAT_EN + " differ: {first_en} vs {second_en}",
    example={"label": "预算收入总计", "first": "变动率-3.50%", "second": "-3.60%",
             "first_en": "-3.50%", "second_en": "-3.60%"})
_BALANCED_AMOUNT: Final = _compared(
    "narrative.changes.balanced_amount", "收入总计与支出总计的变动额不同",
    "Total income and total spending change by different amounts",
    _BALANCED_WHAT + "“预算支出总计”", _BALANCED_WHAT_EN + " (预算支出总计)")
_EXECUTION_RATE: Final = Code(
    "narrative.execution.rate", "预算完成率与金额不符", "A completion rate disagrees with outturn ÷ budget",
    template="“{label}”完成预算{rate}与金额不符：{outturn}{outturn_unit}÷{budget}{budget_unit}应为"
             "{expected}（考虑四舍五入为{lo}%～{hi}%）",
    template_en="{label!r} completion is {rate} but {outturn} ÷ {budget} is {expected} (with "
                "rounding {lo}%–{hi}%)",
    example={"label": "一般公共预算财政拨款支出", "rate": "95.45%", "outturn": "954.00",
             "outturn_unit": "万元", "budget": "1,000.00", "budget_unit": "万元",
             "expected": "95.40%", "lo": "95.3995", "hi": "95.4005"})
_EXECUTION_ROUNDING: Final = Code(
    "narrative.execution.rounding", "预算完成率差异在四舍五入误差内",
    "A completion rate off by rounding only",
    template="“{label}”完成预算{rate}：{outturn}{outturn_unit}÷{budget}{budget_unit}按印出数计算为"
             "{expected}，差异在四舍五入误差范围内",
    template_en="{label!r} completion {rate}: {outturn} ÷ {budget} gives {expected} from the "
                "printed figures, within rounding",
    example={"label": "一般公共预算财政拨款支出", "rate": "95.41%", "outturn": "954.00",
             "outturn_unit": "万元", "budget": "1,000.00", "budget_unit": "万元",
             "expected": "95.40%"})


# ---------------------------------------------------------------------------
# 6. changes
# ---------------------------------------------------------------------------


def _rate_bounds(c: Decimal, qc: Decimal, a: Interval, a_point: Decimal, up: bool
                 ) -> tuple[Decimal, Decimal] | None:
    """The change rates (%) consistent with a printed change ``c`` (≥ 0, quantum ``qc``)
    on this year's amount ``a`` (an interval; ``a_point`` as printed), all in 元.

    Two ways of publishing are allowed, and the answer is the hull of both:

    - the change is the rounded true change: true change in ``c ± qc/2``, this year in
      ``a``, last year their difference (``a - c`` for an increase, ``a + c`` for a
      decrease);
    - the change is the difference of two printed figures: last year was printed as
      ``a_point ∓ c`` and is true within ``± qc/2``, this year in ``a``.

    The rate is monotone in each quantity, so the bounds come from the corners. Last year
    cannot be negative. ``None`` when every consistent last year is zero or negative.
    """
    inf = Decimal("Infinity")
    c_lo, c_hi = max(c - qc / 2, Decimal(0)), c + qc / 2
    if up:
        l1_lo, l1_hi = a.lo - c_hi, a.hi - c_lo
    else:
        l1_lo, l1_hi = a.lo + c_lo, a.hi + c_hi
    last = a_point - c if up else a_point + c
    l2_lo, l2_hi = last - qc / 2, last + qc / 2
    if max(l1_hi, l2_hi) <= 0:
        return None
    bounds: list[tuple[Decimal, Decimal]] = []
    if l1_hi > 0:
        bounds.append((c_lo / l1_hi * HUNDRED,
                       c_hi / l1_lo * HUNDRED if l1_lo > 0 else inf))
    if l2_hi > 0:
        lo_l = max(l2_lo, Decimal(0))
        if up:
            bounds.append(((a.lo / l2_hi - 1) * HUNDRED,
                           (a.hi / lo_l - 1) * HUNDRED if lo_l > 0 else inf))
        else:
            bounds.append(((1 - a.hi / lo_l) * HUNDRED if lo_l > 0 else -inf,
                           (1 - a.lo / l2_hi) * HUNDRED))
    return (max(min(b[0] for b in bounds), Decimal(0)), max(b[1] for b in bounds))


class _Changes:
    def __init__(self, ctx: Context, an: _An) -> None:
        self.ctx, self.an = ctx, an

    def pair(self, i: int) -> int | None:
        """The change amount a change percentage goes with."""
        an, p = self.an, self.an.facts[i]
        for j in range(i - 1, -1, -1):
            f = an.facts[j]
            if f.section != p.section:
                return None
            if f.subject != p.subject or qualifier_of(f.qualifier) != qualifier_of(p.qualifier):
                continue
            if f.kind is FactKind.CHANGE_PERCENT:
                return None
            if f.kind is FactKind.CHANGE_AMOUNT:
                return j if f.unit in MONEY_UNITS else None
        return None


    def stated_base(self, i: int) -> tuple[int, list[int]] | None:
        """For a change against a base the narrative states itself (2023年当年预算执行数为Y
        万元，2024年预算安排X万元，比2023年预算执行数增加Z%): the stated base and this year's
        amounts of the subject in the same passage (several when restated). ``None`` when
        the change names no measure or no such figures are stated."""
        an, c = self.an, self.an.facts[i]
        if c.measure is None:
            return None
        prior: int | None = None
        currents: list[int] = []
        for j in range(i - 1, max(i - 12, -1), -1):
            f = an.facts[j]
            if f.section != c.section:
                break
            if f.subject != c.subject or qualifier_of(f.qualifier) != qualifier_of(c.qualifier) \
                    or f.kind is not FactKind.AMOUNT or not is_money(f):
                if f.kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT) \
                        and f.subject == c.subject:
                    break  # an earlier change of the subject: its figures are not ours
                continue
            if an.is_main(j):
                currents.append(j)
            elif prior is None and f.measure == c.measure and (
                    c.compared_to is None or f.year in (None, c.compared_to)):
                prior = j
        if prior is None or not currents:
            return None
        return prior, sorted(currents)


def _rate_on_stated(ctx: Context, an: _An, i: int, prior: int,
                    currents: Sequence[int]) -> Finding | None:
    """A change rate against a base stated in the narrative: (this year − base) ÷ base,
    over the printed rounding of both; it holds when it holds for one of this year's
    statements (a restatement that differs is narrative.repeated's)."""
    f, p = an.facts[i], an.facts[prior]
    base = an.known(prior)
    if base.lo <= 0:
        return None  # a rate on a zero base (often printed 100%) is not checked
    printed = interval_of(f.value, quantum_of(f.value))
    up = f.direction is Change.INCREASE
    q = quantum_of(f.value) or _CENT
    b_y = p.value * factor_of(p.unit)
    tried: list[tuple[int, Interval, Decimal]] = []
    for k in sorted(currents, key=lambda k: (k not in an.confirmed, k)):
        cur = an.known(k)
        if up:
            implied = Interval((cur.lo / base.hi - 1) * HUNDRED,
                               (cur.hi / base.lo - 1) * HUNDRED, True, True)
        else:
            implied = Interval((1 - cur.hi / base.lo) * HUNDRED,
                               (1 - cur.lo / base.hi) * HUNDRED, True, True)
        a_y = an.facts[k].value * factor_of(an.facts[k].unit)
        ratio = (a_y / b_y - 1) * HUNDRED
        expect = round_half_up(ratio if up else -ratio, q)
        if implied.intersects(printed) and expect == f.value:
            return None
        tried.append((k, implied, expect))
    within = [t for t in tried if t[1].intersects(printed)]
    k, implied, expect = within[0] if within else tried[0]
    cur_f = an.facts[k]
    related = [location_of(cur_f), location_of(p)]
    if within:
        return _say(
            ctx, _STATED_BASE_ROUNDING, Severity.INFO,
            {"label": label_of(f), "rate": pct(f.value), "value": cur_f.value,
             "unit": cur_f.unit, "base": p.value, "base_unit": p.unit,
             "expected": pct(expect)}, location_of(f), related,
            expected_text=pct(expect), actual_text=pct(f.value))
    word = "增长" if up else "下降"
    return _say(
        ctx, _STATED_BASE, Severity.ERROR,
        {"label": label_of(f), "word": word, "rate": pct(f.value), "value": cur_f.value,
         "unit": cur_f.unit, "base": p.value, "base_unit": p.unit, "expected": pct(expect),
         "lo": f"{implied.lo:.4f}", "hi": f"{implied.hi:.4f}"},
        location_of(f), related, expected_text=pct(expect), actual_text=pct(f.value),
        difference_text=f"{f.value - expect}%")


def _same_as_stated(ctx: Context, an: _An, i: int, prior: int,
                    currents: Sequence[int]) -> Finding | None:
    """比2023年预算执行数持平: this year's amount equals the stated base (within the printed
    rounding of both)."""
    p = an.facts[prior]
    base = an.known(prior)
    for k in currents:
        if an.known(k).intersects(base):
            return None
    k = currents[0]
    return _coded(ctx.equal_check(
        _rule_of(_SAME_BASE), figure_of(p), figure_of(an.facts[k]),
        what=f"“{label_of(an.facts[i])}”称与比较基数持平，本年数与基数",
        what_en=f"{label_of(an.facts[i])!r} is said to equal its base"), _SAME_BASE)


_OUTTURN: Final = compile_pattern(r"执行|决算|实际")


@RULES.rule("narrative.changes", title="情况说明中的增减额、增减率与方向一致",
      title_en="Narrative changes on last year: amount, percentage and direction agree",
      category=Category.NARRATIVE,
      applies="every change on last year the narrative states: its percentage needs the "
              "change amount and this year's amount of the same subject; restatements and "
              "the income/spending totals (which balance in both years) are compared when "
              "stated",
      when=lambda r: any(f.kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT)
                         for f in r.narrative.facts),
      codes=(_RATE, _RATE_ROUNDING, _DIRECTION, _ZERO_BASE, _SAME_NONZERO, _EXCEEDS,
             _STATED_BASE, _STATED_BASE_ROUNDING, _SAME_BASE, _RESTATED, _RESTATED_AMOUNT,
             _BALANCED, _BALANCED_AMOUNT))
def changes(ctx: Context) -> Iterator[Finding]:
    """Last year's amount is this year's minus the (signed) change; the percentage is the
    change divided by last year's amount. Both are reasoned over intervals (this year's
    amount as printed, narrowed by its table figure when the two agree; the change; the
    percentage), so a percentage is wrong only when no values that round to the printed
    figures give it. Two ways of publishing are allowed: the change rounded from the true
    change, or the difference of the two years' printed figures (then the true change is
    off by the rounding of both years, and the rate may come from unrounded data).

    The direction words must agree (增加 with 增长, 减少 with 下降); a 持平 / 相同
    statement means a change of exactly 0; an increase cannot exceed this year's amount,
    and a growth rate on a zero base is meaningless. A change stated twice (``减少12.40万元``
    … ``减少12.4万元``) must agree within the rounding of both, and 预算收入总计 and
    预算支出总计, equal in both years, must change by the same amount and rate."""
    an = _an(ctx)
    ch = _Changes(ctx, an)
    blame = _Blame(an)
    facts = an.facts
    for i, f in enumerate(facts):
        if f.kind is FactKind.CHANGE_AMOUNT and f.direction is Change.SAME and f.value != 0:
            blame.add(_say(
                ctx, _SAME_NONZERO, Severity.ERROR,
                {"label": label_of(f), "value": f.value, "unit": f.unit}, location_of(f),
                expected_text=f"0{f.unit}", actual_text=f"{f.value}{f.unit}"), (i,), i)
        if f.kind is FactKind.CHANGE_AMOUNT and is_money(f) and f.direction is Change.INCREASE:
            b = an.base(i)
            has_pct = any(ch.pair(k) == i for k in range(i + 1, min(i + 4, len(facts)))
                          if facts[k].kind is FactKind.CHANGE_PERCENT)
            if b is not None and not has_pct:
                a_iv = an.known(b)
                c_iv = interval_of(f.value * factor_of(f.unit), quantum_of(f.value) * factor_of(f.unit))
                if c_iv.lo > a_iv.hi or (c_iv.lo == a_iv.hi and not a_iv.hi_closed):
                    blame.add(_say(
                        ctx, _EXCEEDS, Severity.ERROR,
                        {"label": label_of(f), "value": f.value, "unit": f.unit,
                         "this_year": facts[b].value, "this_unit": facts[b].unit},
                        location_of(f), [location_of(facts[b])], expected=figure_of(facts[b]).money,
                        actual=figure_of(f).money), (i, b), i)
        if f.kind is FactKind.CHANGE_AMOUNT and f.direction is Change.SAME:
            stated = ch.stated_base(i)
            if stated is not None:
                prior, currents = stated
                blame.add(_same_as_stated(ctx, an, i, prior, currents), (i, prior), i)
        if f.kind is not FactKind.CHANGE_PERCENT or f.unit != "%":
            continue
        j = ch.pair(i)
        if j is None:
            stated = ch.stated_base(i)
            if stated is not None:
                prior, currents = stated
                blame.add(_rate_on_stated(ctx, an, i, prior, currents),
                          (i, prior, *currents), i)
            continue
        c = facts[j]
        if c.direction is not None and f.direction is not None \
                and Change.SAME not in (c.direction, f.direction) and c.direction is not f.direction:
            word = {Change.INCREASE: "增加", Change.DECREASE: "减少"}
            rate = {Change.INCREASE: "增长", Change.DECREASE: "下降"}
            blame.add(_say(
                ctx, _DIRECTION, Severity.ERROR,
                {"label": label_of(f), "word": word[c.direction], "value": c.value,
                 "unit": c.unit, "rate_word": rate[f.direction], "rate": pct(f.value),
                 "way": c.direction.value, "rate_way": f.direction.value}, location_of(f), [location_of(c)],
                expected_text=rate[c.direction], actual_text=rate[f.direction]), (i, j), i)
            continue
        b = an.base(i)
        if b is None:
            continue
        up = c.direction is Change.INCREASE
        factor = factor_of(c.unit)
        a = facts[b]
        a_y = a.value * factor_of(a.unit)
        c_y = c.value * factor
        last = a_y - c_y if up else a_y + c_y
        bounds = _rate_bounds(c_y, quantum_of(c.value) * factor, an.known(b), a_y, up)
        printed = interval_of(f.value, quantum_of(f.value))
        ok = bounds is not None and Interval(bounds[0], bounds[1], True, True).intersects(printed)
        related = [location_of(c), location_of(a)]
        if not ok and (bounds is None or last <= 0):
            # From nothing to something, "增长100%" is a convention many reports follow (the
            # figures agree; only the rate is undefined), and so is 0% for nothing changed
            # from nothing: a warning. Any other rate on a zero or negative base is wrong.
            conventional = last == 0 and ((f.value == HUNDRED and up)
                                          or (f.value == 0 and c_y == 0))
            blame.add(_say(
                ctx, _ZERO_BASE, Severity.WARNING if conventional else Severity.ERROR,
                {"label": label_of(f), "value": a.value, "unit": a.unit, "change": c.value,
                 "change_unit": c.unit, "rate": pct(f.value)}, location_of(f),
                related, expected_text="—", actual_text=pct(f.value)), (i, j, b), i)
            continue
        if bounds is None or last <= 0:
            continue  # a rate on a (printed) zero base that rounding can still explain
        lo, hi = bounds
        q = quantum_of(f.value) or Decimal("0.01")
        expect = round_half_up(c_y / last * HUNDRED, q)
        if ok and expect == f.value:
            continue
        shown = pct(expect)
        last_text = f"{last / factor_of(a.unit)}{a.unit}"
        if ok:
            blame.add(_say(
                ctx, _RATE_ROUNDING, Severity.INFO,
                {"label": label_of(f), "rate": pct(f.value), "expected": shown,
                 "last": last_text}, location_of(f), related,
                expected_text=shown, actual_text=pct(f.value)), (i, j, b), i)
            continue
        blame.add(_say(
            ctx, _RATE, Severity.ERROR,
            {"label": label_of(f), "change": c.value, "change_unit": c.unit,
             "rate": pct(f.value), "value": a.value, "unit": a.unit, "last": last_text,
             "expected": shown, "lo": f"{lo:.4f}", "hi": f"{hi:.4f}"}, location_of(f), related, expected_text=shown,
            actual_text=pct(f.value), difference_text=f"{f.value - expect}%"), (i, j, b), i)
    # the same change stated twice; the balanced totals
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, f in enumerate(facts):
        # as for figures stated twice: only subjects the words identify (not 预算数 or
        # 预算安排 of whatever the sentence is about), each unit's passage its own scope
        if f.kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT) and (
                f.subject in _NAMED or an.is_class(i) or an.path(i) is not None
                or an.code(i) is not None):
            unit = f.about.unit or ""
            groups.setdefault((f.kind, unit, f.about.within, *an.change_key(i)), []).append(i)
    pairs: list[tuple[int, int, Code, Code, str, str]] = []
    for members in groups.values():
        ref = next((m for m in members if m in an.confirmed), members[0])
        pairs += [(ref, m, _RESTATED, _RESTATED_AMOUNT, "同一变动前后表述",
                   "the same change stated twice") for m in members if m != ref]
    for kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT):
        inc = {an.change_key(i)[-1]: i for i in reversed(range(len(facts)))
               if facts[i].subject == _T_INCOME and facts[i].kind is kind}
        spend = {an.change_key(i)[-1]: i for i in reversed(range(len(facts)))
                 if facts[i].subject == _T_SPEND and facts[i].kind is kind}
        for year, x in inc.items():
            # last year's budgets balance; last year's outturns (执行数, 决算) need not: income
            # and spending changed on them are not one change
            if year in spend and not any(_OUTTURN.search(facts[k].measure or "")
                                         for k in (x, spend[year])):
                pairs.append((x, spend[year], _BALANCED, _BALANCED_AMOUNT, _BALANCED_WHAT,
                              _BALANCED_WHAT_EN))
    for x, y, code, amount_code, what, what_en in pairs:
        fa, fb = facts[x], facts[y]
        if fa.kind is FactKind.CHANGE_AMOUNT:
            if not (is_money(fa) and is_money(fb)):
                if signed(fa) != signed(fb) or fa.unit != fb.unit:
                    blame.add(_say(
                        ctx, code, Severity.ERROR,
                        {"label": label_of(fa), "first": f"{signed(fa)}{fa.unit}",
                         "second": f"{signed(fb)}{fb.unit}", "first_en": f"{signed(fa)}",
                         "second_en": f"{signed(fb)} {fb.unit}"},
                        location_of(fb), [location_of(fa)],
                        expected_text=f"{signed(fa)}{fa.unit}",
                        actual_text=f"{signed(fb)}{fb.unit}"), (x, y), y)
                continue
            blame.add(_coded(ctx.equal_check(
                _rule_of(amount_code), figure_of(fa), figure_of(fb),
                what=f"{what}“{label_of(fb)}”", what_en=f"{what_en} ({label_of(fb)})"),
                amount_code), (x, y), y)
            continue
        ia = interval_of(signed(fa), quantum_of(fa.value))
        ib = interval_of(signed(fb), quantum_of(fb.value))
        if ia.intersects(ib):
            continue
        blame.add(_say(
            ctx, code, Severity.ERROR,
            {"label": label_of(fa), "first": f"变动率{signed(fa)}%", "second": f"{signed(fb)}%",
             "first_en": f"{signed(fa)}%", "second_en": f"{signed(fb)}%"},
            location_of(fb), [location_of(fa)],
            expected_text=pct(signed(fa)), actual_text=pct(signed(fb)),
            difference_text=pct(signed(fb) - signed(fa))), (x, y), y)
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 6b. budget completion (完成年初预算的X%)
# ---------------------------------------------------------------------------


def _completion_pair(an: _An, i: int) -> tuple[int, int] | None:
    """The outturn and the budget a completion rate divides: the nearest earlier amounts of
    the same subject in the passage, the outturn stated as 决算/执行数 (or, in a final
    account, without a word), the budget as 预算 (年初预算, 全年预算数)."""
    e = an.facts[i]
    final = an.final
    num: int | None = None
    den: int | None = None
    for j in range(i - 1, max(i - 12, -1), -1):
        f = an.facts[j]
        if f.section != e.section:
            break
        if f.subject != e.subject or qualifier_of(f.qualifier) != qualifier_of(e.qualifier):
            continue
        if f.kind is FactKind.EXECUTION:
            break
        if f.kind is not FactKind.AMOUNT or not is_money(f):
            continue
        if f.measure == "预算":
            den = j if den is None else den
        elif num is None and (f.measure in ("决算", "执行数") or (final and f.measure is None)):
            num = j
        if num is not None and den is not None:
            return num, den
    return None


@RULES.rule("narrative.execution", title="情况说明中的预算完成率与决算数、预算数一致",
      title_en="Narrative budget completion rates equal outturn ÷ budget",
      category=Category.NARRATIVE,
      applies="every 完成（年初）预算的x% (or 预算执行率x%) stated after the budget (年初预算, "
              "全年预算数) and the outturn (支出决算, 执行数) of the same subject in the same "
              "passage",
      when=lambda r: any(f.kind is FactKind.EXECUTION for f in r.narrative.facts),
      codes=(_EXECUTION_RATE, _EXECUTION_ROUNDING))
def execution(ctx: Context) -> Iterator[Finding]:
    """年初预算为A万元，支出决算为B万元，完成年初预算的X%: X = B ÷ A, reasoned over the
    printed rounding of A, B and X (a rate that truncates instead of rounding is wrong
    when no values that round to A and B give it). A rate whose budget is zero, or whose
    budget or outturn is not stated, is not checked."""
    an = _an(ctx)
    for i, e in enumerate(an.facts):
        if e.kind is not FactKind.EXECUTION or e.unit != "%":
            continue
        pair = _completion_pair(an, i)
        if pair is None:
            continue
        num, den = pair
        implied = _ratio(an.known(num), an.known(den))
        if implied is None:
            continue
        n, d = an.facts[num], an.facts[den]
        q = quantum_of(e.value) or _CENT
        point = n.value * factor_of(n.unit) / (d.value * factor_of(d.unit)) * HUNDRED
        expect = round_half_up(point, q)
        if expect == e.value:
            continue
        related = [location_of(n), location_of(d)]
        shown = pct(expect)
        if implied.intersects(interval_of(e.value, quantum_of(e.value))):
            yield _say(
                ctx, _EXECUTION_ROUNDING, Severity.INFO,
                {"label": label_of(e), "rate": pct(e.value), "outturn": n.value,
                 "outturn_unit": n.unit, "budget": d.value, "budget_unit": d.unit,
                 "expected": shown}, location_of(e), related,
                expected_text=shown, actual_text=pct(e.value))
            continue
        yield _say(
            ctx, _EXECUTION_RATE, Severity.ERROR,
            {"label": label_of(e), "rate": pct(e.value), "outturn": n.value,
             "outturn_unit": n.unit, "budget": d.value, "budget_unit": d.unit, "expected": shown,
             "lo": f"{implied.lo:.4f}", "hi": f"{implied.hi:.4f}"}, location_of(e), related,
            expected_text=shown, actual_text=pct(e.value), difference_text=f"{e.value - expect}%")


