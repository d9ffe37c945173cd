"""Scoring an actual value against a target (绩效自评), per standards.md §2.5.

Rules, for a target with weight (分值) *w* and an actual value *a*:

- **Positive** (正向, ``≥``/``>``): ratio = *a* ÷ target, capped at 1; score = ratio × *w*.
- **Reverse** (反向, ``≤``/``<``): ratio = target ÷ *a*, capped at 1; an actual of 0 earns
  full marks.
- ``>`` and ``<`` are *met* only strictly, but use the same formula, so an actual exactly
  at the number is "not met" with full marks by the formula.
- **Exact** (``=`` or no comparison): full marks when equal; otherwise ratio =
  1 − |*a* − target| ÷ |target| (proportional to the relative deviation), not below 0.
- **Approximate** (``约``, ``左右``): full marks within ``tolerance`` (default 10%) of the
  target; beyond it, scored like an exact target.
- **Range**: full marks inside (ends included); below, *a* ÷ low; above, high ÷ *a*.
- With a target or actual below zero the ratio formulas mean nothing: the ratio is 1 when
  met and 0 when not.
- **Time**: all or nothing. A deadline (``前``, or ``底``: ``2024年6月底``) is met on or
  before the end of the named time; a month or date (``3月份``) is met inside it; a
  period (``6至7月``) inside the period; ``后`` on or after its start. A time without a
  year takes ``year=`` (the budget year) when given, else the other side's year.
- **Frequency**: ratio = actual occurrences per year ÷ target occurrences, capped.
- **Qualitative**: the achievement bands 达成 / 部分达成 / 未达成 of standards.md §2.5
  (`PROVINCIAL_BANDS`, from a provincial FASP self-evaluation config, apparently
  Hubei: 80-100%, 50-80%, 0-50% of the weight). The actual is a completion ratio
  (``Decimal('0.85')`` or ``85%``), a band word (``达成预期指标``, ``部分达成…``), the
  target's own text, or a grade (``优``/``良``/``中``/``差``). A band word alone earns the
  band's *default* ratio: 1 for 达成, the lower bound (0.5) for 部分达成, 0 for 未达成.
  Pass ``bands=`` (e.g. `CENTRAL_BANDS`, or your own `BandScale`) to change it.

A target is *met* when its comparison holds (qualitative: band 达成). Every score is
capped at the weight: no bonus points (加分), as the provincial config says.

```pycon
>>> from decimal import Decimal
>>> s = evaluate("≥95%", "90%", Decimal(10))
>>> s.met, s.score, s.ratio
(False, Decimal('9.47'), Decimal('0.9474'))
>>> s.explanation
'not met: actual 90% is 5% below the target ≥95% (-5.26%); score 9.47 of 10'
>>> evaluate("≤60万元", "580,000元", 10).score
Decimal('10.00')

```
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Final

from attrs import field, frozen

from .._errors import GovBudgetError
from .._money import Money, to_decimal
from ._model import (
    Band,
    Comparison,
    Frequency,
    Period,
    Qualitative,
    Quantity,
    Range,
    Relation,
    Target,
    TimePoint,
    Unparsed,
    format_decimal,
)
from ._parser import parse_target
from ._units import IncompatibleUnits, convert, strip_zeros, units_compatible

__all__ = [
    "CENTRAL_BANDS",
    "DEFAULT_BANDS",
    "PROVINCIAL_BANDS",
    "BandRule",
    "BandScale",
    "EvaluationError",
    "Score",
    "evaluate",
]

_ONE: Final = Decimal(1)
_ZERO: Final = Decimal(0)


class EvaluationError(GovBudgetError, ValueError):
    """An actual value that cannot be judged against the target.

    For example a date against a percentage, a qualitative target with an actual the
    rules cannot place in a band, or a target that could not be parsed.

    Attributes:
        target: the target, as text.
        actual: the actual value, as text.

    ```pycon
    >>> evaluate("≥95%", "2024年6月", 10)
    Traceback (most recent call last):
    ...
    govbudget.indicators._evaluate.EvaluationError: cannot judge time '2024年6月' against the quantity '≥95%'

    ```
    """

    def __init__(self, message: str, target: object, actual: object) -> None:
        self.target = str(target)
        self.actual = str(actual)
        super().__init__(message)


def _ratio_value(value: object) -> Decimal:
    d = to_decimal(value)
    if not _ZERO <= d <= _ONE:
        raise ValueError(f"a band bound must be 0-1 (got {d})")
    return d


@frozen
class BandRule:
    """One achievement band: ratios in ``[lower, upper)`` (``upper`` included at 1).

    Attributes:
        band: 达成, 部分达成 or 未达成.
        lower: the lowest completion ratio in the band (0-1).
        upper: the ratio where the next band starts (0-1).
        default: the ratio a band word alone earns.

    ```pycon
    >>> PROVINCIAL_BANDS.rules[1]
    BandRule(band=<Band.PARTLY_ACHIEVED: '部分达成'>, lower=Decimal('0.5'), upper=Decimal('0.8'), default=Decimal('0.5'))

    ```
    """

    band: Band
    lower: Decimal = field(converter=_ratio_value)
    upper: Decimal = field(converter=_ratio_value)
    default: Decimal = field(converter=_ratio_value)

    def __attrs_post_init__(self) -> None:
        if not self.lower <= self.default <= self.upper or not self.lower < self.upper:
            raise ValueError(
                f"band {self.band.value}: need lower < upper and default inside "
                f"(got {self.lower}, {self.upper}, {self.default})"
            )


@frozen
class BandScale:
    """Achievement bands covering ratios 0-1, with where they come from.

    Attributes:
        name: a short description and source.
        rules: one rule per `Band`, from 达成 down to 未达成, adjoining.

    ```pycon
    >>> PROVINCIAL_BANDS.band_for(Decimal("0.8")), PROVINCIAL_BANDS.band_for(Decimal("0.79"))
    (<Band.ACHIEVED: '达成'>, <Band.PARTLY_ACHIEVED: '部分达成'>)
    >>> CENTRAL_BANDS.band_for(Decimal("0.55"))
    <Band.NOT_ACHIEVED: '未达成'>

    ```
    """

    name: str
    rules: tuple[BandRule, ...]

    def __attrs_post_init__(self) -> None:
        bands = [r.band for r in self.rules]
        if bands != [Band.ACHIEVED, Band.PARTLY_ACHIEVED, Band.NOT_ACHIEVED]:
            raise ValueError("rules must be 达成, 部分达成, 未达成 in that order")
        top, mid, low = self.rules
        if (
            top.upper != _ONE
            or low.lower != _ZERO
            or top.lower != mid.upper
            or (mid.lower != low.upper)
        ):
            raise ValueError("bands must adjoin and cover 0-1")

    def band_for(self, ratio: Decimal) -> Band:
        """The band a completion ratio (0-1) falls in."""
        for rule in self.rules:
            if ratio >= rule.lower:
                return rule.band
        return Band.NOT_ACHIEVED

    def default_ratio(self, band: Band) -> Decimal:
        """The ratio a band word alone earns."""
        for rule in self.rules:
            if rule.band is band:
                return rule.default
        raise KeyError(band)  # pragma: no cover - the three bands are always present


PROVINCIAL_BANDS: Final = BandScale(
    "provincial FASP self-evaluation config (apparently Hubei; standards.md §2.5): "
    "达成 80-100%, 部分达成 50-80%, 未达成 0-50%",
    (
        BandRule(Band.ACHIEVED, Decimal("0.8"), _ONE, _ONE),
        BandRule(Band.PARTLY_ACHIEVED, Decimal("0.5"), Decimal("0.8"), Decimal("0.5")),
        BandRule(Band.NOT_ACHIEVED, _ZERO, Decimal("0.5"), _ZERO),
    ),
)
"""达成 80-100%, 部分达成 50-80%, 未达成 0-50% (standards.md §2.5, third-party source)."""

CENTRAL_BANDS: Final = BandScale(
    "central bands as reported, UNCONFIRMED (standards.md §2.5): "
    "达成 80-100%, 部分达成 60-80%, 未达成 0-60%",
    (
        BandRule(Band.ACHIEVED, Decimal("0.8"), _ONE, _ONE),
        BandRule(Band.PARTLY_ACHIEVED, Decimal("0.6"), Decimal("0.8"), Decimal("0.6")),
        BandRule(Band.NOT_ACHIEVED, _ZERO, Decimal("0.6"), _ZERO),
    ),
)
"""达成 80-100%, 部分达成 60-80%, 未达成 0-60% (reported central rule; unconfirmed)."""

DEFAULT_BANDS: Final = PROVINCIAL_BANDS
"""The bands `evaluate` uses unless told otherwise."""


@frozen
class Score:
    """The result of `evaluate`.

    Attributes:
        met: whether the target is met (qualitative: band 达成).
        score: ratio × weight, rounded half up (四舍五入) to ``places`` decimals.
        weight: the indicator's weight (分值).
        ratio: the completion ratio 0-1, rounded to 4 decimals.
        band: the achievement band (达成/部分达成/未达成) of a qualitative target's
            result; ``None`` for other targets, whose result is ``met`` and ``ratio``.
        deviation: the deviation (偏差): actual − target in the target's unit
            (quantities; for a range, the distance outside it), occurrences per year
            (frequencies) or days (times: positive late, negative early); ``None`` for
            qualitative targets.
        explanation: an English sentence describing the result and the deviation.
        explanation_zh: the same in Chinese.
        target: the target.
        actual: the actual value, as a target.

    ```pycon
    >>> s = evaluate("≤200元/人/天", "210元/人/天", Decimal(5))
    >>> s.met, s.score, s.weight, s.ratio, s.deviation
    (False, Decimal('4.76'), Decimal('5'), Decimal('0.9524'), Decimal('10'))
    >>> s.explanation_zh
    '未达成：实际完成值210元/人/天，比目标值≤200元/人/天高10元/人/天（偏差+5.00%），得分4.76（分值5）'

    ```
    """

    met: bool
    score: Decimal
    weight: Decimal
    ratio: Decimal
    band: Band | None
    deviation: Decimal | None
    explanation: str
    explanation_zh: str
    target: Target
    actual: Target


def evaluate(
    target: Target | str,
    actual: Target | Money | Decimal | int | str | datetime.date,
    weight: Decimal | int | str,
    *,
    bands: BandScale = DEFAULT_BANDS,
    tolerance: Decimal = Decimal("0.1"),
    year: int | None = None,
    places: int = 2,
) -> Score:
    """Score an actual value against a target (绩效自评).

    Args:
        target: the target, parsed or as text (parsed strictly).
        actual: the actual value (实际完成值): a parsed value, text, a ``Decimal`` or
            ``int`` (in the target's unit; for a qualitative target a ratio 0-1; for a
            frequency, occurrences per year), `govbudget.Money`, or a date.
        weight: the weight (分值), ≥ 0.
        bands: the achievement bands for qualitative targets and `Score.band`.
        tolerance: how far (as a fraction of the target) an approximate target may miss.
        year: the year for times stated without one (the budget year); without it, a
            time without a year takes the other side's year.
        places: decimals of the score.

    Returns:
        A `Score`.

    Raises:
        IncompatibleUnits: the units do not convert (``个`` against ``套``).
        EvaluationError: the actual cannot be judged against this kind of target.
        IndicatorSyntaxError: a text target or actual is malformed.
        FloatNotAllowed: a ``float`` was given.

    ```pycon
    >>> evaluate("≤200元/人/天", "210元/人/天", 10).score
    Decimal('9.52')
    >>> evaluate("6月前", "2024年7月3日", 5).explanation
    'not met: actual 2024年7月3日 is 3 days late for the target 6月前; score 0.00 of 5'
    >>> evaluate("及时", "部分达成预期指标", 10).score
    Decimal('5.00')
    >>> evaluate("14个", "14套", 5)
    Traceback (most recent call last):
    ...
    govbudget.indicators._units.IncompatibleUnits: units '套' and '个' are different and ...

    ```
    """
    t = parse_target(target) if isinstance(target, str) else target
    if isinstance(t, Unparsed):
        raise EvaluationError(f"the target {t.text!r} could not be parsed: {t.reason}", t, actual)
    a = _as_actual(actual)
    if isinstance(a, Unparsed):
        raise EvaluationError(f"the actual {a.text!r} could not be parsed: {a.reason}", t, a)
    w = to_decimal(weight)
    if w < 0:
        raise ValueError(f"'weight' must be >= 0 (got {w})")
    tol: object = tolerance
    if isinstance(tol, bool) or not isinstance(tol, Decimal | int):
        raise TypeError(f"'tolerance' must be a Decimal (got {type(tol).__name__})")
    with localcontext() as ctx:
        ctx.prec = 40
        if isinstance(t, Quantity):
            out = _quantity(t, a, tolerance)
        elif isinstance(t, Range):
            out = _range(t, a)
        elif isinstance(t, TimePoint | Period):
            out = _time(t, a, year)
        elif isinstance(t, Frequency):
            out = _frequency(t, a)
        else:
            out = _qualitative(t, a, bands)
        met, ratio, deviation, en, zh = out
        ratio = min(max(ratio, _ZERO), _ONE)
        score = (ratio * w).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        shown_ratio = ratio.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    band = bands.band_for(ratio) if isinstance(t, Qualitative) else None
    wt = format_decimal(strip_zeros(w))
    head_en = "met" if met else "not met"
    head_zh = "已达成" if met else "未达成"
    return Score(
        met=met,
        score=score,
        weight=w,
        ratio=shown_ratio,
        band=band,
        deviation=deviation,
        explanation=f"{head_en}: {en}; score {score} of {wt}",
        explanation_zh=f"{head_zh}：{zh}，得分{score}（分值{wt}）",
        target=t,
        actual=a,
    )


_Outcome = tuple[bool, Decimal, Decimal | None, str, str]


def _as_actual(actual: object) -> Target:
    if isinstance(actual, str):
        return parse_target(actual)
    if isinstance(actual, Money):
        return Quantity(Comparison.EQ, actual.amount, actual.unit.symbol)
    if isinstance(actual, datetime.date):
        return TimePoint(actual.year, actual.month, actual.day)
    if isinstance(
        actual, Quantity | Range | TimePoint | Period | Frequency | Qualitative | Unparsed
    ):
        return actual
    if isinstance(actual, Decimal | int | float) and not isinstance(actual, bool):
        return Quantity(Comparison.EQ, actual, "")
    raise TypeError(f"cannot use {type(actual).__name__} as an actual value")


def _num(d: Decimal) -> str:
    return format_decimal(strip_zeros(d))


def _pct(d: Decimal) -> str:
    return f"{d * 100:+.2f}%"


def _plain_actual(t: Target, a: Target) -> Quantity:
    if not isinstance(a, Quantity):
        raise EvaluationError(
            f"cannot judge {a.kind} {str(a)!r} against the quantity {str(t)!r}", t, a
        )
    if a.comparison not in (Comparison.EQ, Comparison.APPROX):
        raise EvaluationError(f"an actual value must be a plain number, not {str(a)!r}", t, a)
    return a


def _in_unit(t: Quantity | Range, a: Quantity) -> Decimal:
    """The actual's value in the target's unit (a missing unit on either side is taken as
    the other's)."""
    if not a.unit or not t.unit or a.unit == t.unit:
        return a.value
    if not units_compatible(a.unit, t.unit):
        raise IncompatibleUnits(t.unit, a.unit, f"target {t}, actual {a}")
    return convert(a.value, a.unit, t.unit)


def _quantity(t: Quantity, actual: Target, tolerance: Decimal) -> _Outcome:
    a_q = _plain_actual(t, actual)
    a, v = _in_unit(t, a_q), t.value
    cmp = t.comparison
    unit = t.unit or a_q.unit
    met = t.admits(a, tolerance=tolerance)  # ``a`` is in the target's unit already
    if cmp in (Comparison.GE, Comparison.GT):
        ratio = min(a / v, _ONE) if v > 0 and a >= 0 else _ONE if met else _ZERO
    elif cmp in (Comparison.LE, Comparison.LT):
        if a == 0 and v >= 0:
            ratio = _ONE
        elif v >= 0 and a > 0:
            ratio = min(v / a, _ONE)
        else:
            ratio = _ONE if met else _ZERO
    else:
        off = abs(a - v)
        if met:
            ratio = _ONE
        elif v != 0:
            ratio = max(_ONE - off / abs(v), _ZERO)
        else:
            ratio = _ZERO
    deviation = strip_zeros(a - v)
    shown = shown_zh = f"{_num(a)}{unit}"
    if a_q.unit and a_q.unit != unit:
        shown, shown_zh = f"{a_q} (= {shown})", f"{a_q}（折合{shown}）"
    if deviation == 0:
        en = f"actual {shown} equals the target {t}"
        zh = f"实际完成值{shown_zh}，与目标值{t}一致，无偏差"
    else:
        side_en, side_zh = ("above", "高") if deviation > 0 else ("below", "低")
        amount = f"{_num(abs(deviation))}{unit}"
        rel_en = rel_zh = ""
        if v != 0:
            rel = deviation / abs(v)
            rel_en, rel_zh = f" ({_pct(rel)})", f"（偏差{_pct(rel)}）"
        en = f"actual {shown} is {amount} {side_en} the target {t}{rel_en}"
        zh = f"实际完成值{shown_zh}，比目标值{t}{side_zh}{amount}{rel_zh}"
    return met, ratio, deviation, en, zh


def _range(t: Range, actual: Target) -> _Outcome:
    a_q = _plain_actual(t, actual)
    a = _in_unit(t, a_q)
    unit = t.unit or a_q.unit
    shown = f"{_num(a)}{unit}"
    if t.admits(a):  # ``a`` is in the range's unit already
        return (
            True,
            _ONE,
            _ZERO,
            f"actual {shown} is inside {t}",
            f"实际完成值{shown}，在目标区间{t}内",
        )
    if a < t.low:
        ratio = a / t.low if t.low > 0 and a >= 0 else _ZERO
        dev = strip_zeros(a - t.low)
        en = f"actual {shown} is {_num(-dev)}{unit} below the range {t}"
        zh = f"实际完成值{shown}，低于目标区间{t}下限{_num(-dev)}{unit}"
    else:
        ratio = t.high / a if t.high > 0 else _ZERO
        dev = strip_zeros(a - t.high)
        en = f"actual {shown} is {_num(dev)}{unit} above the range {t}"
        zh = f"实际完成值{shown}，高于目标区间{t}上限{_num(dev)}{unit}"
    return False, ratio, dev, en, zh


def _days(n: Decimal) -> str:
    return "1 day" if n == 1 else f"{n} days"


def _year_of(x: TimePoint | Period) -> int | None:
    return x.start.year if isinstance(x, Period) else x.year


def _time(t: TimePoint | Period, actual: Target, year: int | None) -> _Outcome:
    if not isinstance(actual, TimePoint | Period):
        raise EvaluationError(
            f"cannot judge {actual.kind} {str(actual)!r} against the time {str(t)!r}", t, actual
        )
    if isinstance(actual, TimePoint) and actual.relation is not Relation.AT:
        raise EvaluationError(f"an actual time cannot be {str(actual)!r}", t, actual)
    ty, ay = _year_of(t), _year_of(actual)
    t_year = ty if ty is not None else year if year is not None else ay
    a_year = ay if ay is not None else year if year is not None else ty
    try:
        t_first, t_last = t.window(t_year)
        a_first, a_last = actual.window(a_year)
    except ValueError as exc:
        raise EvaluationError(str(exc), t, actual) from None
    if isinstance(t, TimePoint) and t.is_deadline:
        late = (a_last - t_last).days
        met = late <= 0
        dev = Decimal(max(late, 0))
    elif isinstance(t, TimePoint) and t.relation is Relation.AFTER:
        early = (t_first - a_first).days
        met = early <= 0
        dev = Decimal(-max(early, 0))
    else:
        late, early = (a_last - t_last).days, (t_first - a_first).days
        met = late <= 0 and early <= 0
        dev = Decimal(late) if late > 0 else Decimal(-early) if early > 0 else _ZERO
    if dev > 0:
        en = f"actual {actual} is {_days(dev)} late for the target {t}"
        zh = f"实际完成时间{actual}，晚于目标{t}{dev}天"
    elif dev < 0:
        en = f"actual {actual} is {_days(-dev)} early for the target {t}"
        zh = f"实际完成时间{actual}，早于目标{t}{-dev}天"
    else:
        en = f"actual {actual} is on time for the target {t}"
        zh = f"实际完成时间{actual}，符合目标{t}"
    return met, _ONE if met else _ZERO, dev, en, zh


def _frequency(t: Frequency, actual: Target) -> _Outcome:
    if isinstance(actual, Frequency):
        rate = actual.per_year
    elif isinstance(actual, Quantity) and actual.unit in ("", "次"):
        rate = _plain_actual(t, actual).value
    else:
        raise EvaluationError(
            f"cannot judge {actual.kind} {str(actual)!r} against the frequency {str(t)!r}; "
            "give a frequency or a count per year",
            t,
            actual,
        )
    target_rate = t.per_year
    met = rate >= target_rate
    ratio = min(rate / target_rate, _ONE) if rate >= 0 else _ZERO
    dev = strip_zeros((rate - target_rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    r, tr = _num(rate.quantize(Decimal("0.01"))), _num(target_rate.quantize(Decimal("0.01")))
    en = f"actual {actual} is {r} times a year against {tr} for the target {t}"
    zh = f"实际完成{actual}，每年{r}次，目标{t}为每年{tr}次"
    return met, ratio, dev, en, zh


_GRADE_BANDS: Final = {
    4: Band.ACHIEVED,
    3: Band.ACHIEVED,
    2: Band.PARTLY_ACHIEVED,
    1: Band.NOT_ACHIEVED,
}


def _qualitative(t: Qualitative, actual: Target, bands: BandScale) -> _Outcome:
    how_en = how_zh = ""
    if isinstance(actual, Quantity):
        a = _plain_actual(t, actual)
        if a.unit == "%":
            ratio = a.value / 100
        elif a.unit == "" and _ZERO <= a.value <= _ONE:
            ratio = a.value
        else:
            raise EvaluationError(
                f"give the completion of {str(t)!r} as a ratio 0-1 or a percentage "
                f"(got {str(a)!r})",
                t,
                a,
            )
        if ratio < 0:
            raise EvaluationError(f"a completion ratio cannot be negative ({a})", t, a)
        ratio = min(ratio, _ONE)
        how_en, how_zh = "judged", "（评定的完成比例）"
    elif isinstance(actual, Qualitative):
        band = actual.band
        if band is not None:
            how_en, how_zh = f"stated as {band.value}", f"自评为{band.value}"
        elif actual.text == t.text:
            band = Band.ACHIEVED
            how_en, how_zh = "as targeted", "与目标一致"
        elif actual.grade is not None:
            a_rank = actual.grade.rank
            if t.grade is not None:
                gap = t.grade.rank - a_rank
                band = (
                    Band.ACHIEVED
                    if gap <= 0
                    else Band.PARTLY_ACHIEVED
                    if gap == 1
                    else Band.NOT_ACHIEVED
                )
            else:
                band = _GRADE_BANDS[a_rank]
            how_en, how_zh = f"graded {actual.grade.value}", f"等级为{actual.grade.value}"
        else:
            raise EvaluationError(
                f"cannot place {actual.text!r} in a band for the target {t.text!r}; give a "
                "completion ratio (Decimal 0-1 or '85%'), 达成/部分达成/未达成, or a grade",
                t,
                actual,
            )
        ratio = bands.default_ratio(band)
    else:
        raise EvaluationError(
            f"cannot judge {actual.kind} {str(actual)!r} against the qualitative target {str(t)!r}",
            t,
            actual,
        )
    band = bands.band_for(ratio)
    pct = f"{ratio * 100:.0f}%"
    en = f"actual {actual} {how_en}: band {band.value} ({pct}) for the target {t}"
    zh = f"实际完成情况“{actual}”{how_zh}，属{band.value}档（{pct}），目标为“{t}”"
    return band is Band.ACHIEVED, ratio, None, en, zh
