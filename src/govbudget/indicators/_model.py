"""The parsed forms of an indicator value (指标值): frozen, hashable, serialisable targets.

There are seven kinds, each an attrs ``@frozen`` class with simple field types (``str``,
``int``, ``Decimal``, enums, other targets) and a ``kind`` tag for tagged-union
serialisation:

| class | ``kind`` | examples |
|---|---|---|
| ``Quantity`` | quantity | ``≥95%``, ``≤50万元``, ``1800元/人``, ``20分钟左右`` |
| ``Range`` | range | ``6至7``, ``3-8个``, ``1~2天`` |
| ``TimePoint`` | time | ``3月份``, ``6月前``, ``2024年12月底 前`` |
| ``Period`` | period | ``6至7月``, ``2023.07-2024.01`` |
| ``Frequency`` | frequency | ``每月``, ``每两周``, ``每半年`` |
| ``Qualitative`` | qualitative | ``及时``, ``优良``, ``进一步有效增强`` |
| ``Unparsed`` | unparsed | (``parse_target(..., strict=False)`` on bad text) |

``str(target)`` is the canonical spelling and ``parse_target(str(t)) == t`` for every
target that can be built: the constructors normalise (``Decimal('95.0')`` becomes
``95``, ``㎡`` becomes ``平方米``) and refuse what the grammar could not read back.

```pycon
>>> from decimal import Decimal
>>> q = Quantity(Comparison.GE, Decimal("95.0"), "％")
>>> q, str(q)
(Quantity(comparison=<Comparison.GE: '≥'>, value=Decimal('95'), unit='%'), '≥95%')
>>> q.direction
<Direction.POSITIVE: 'positive'>

```
"""


from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import ClassVar, Final, TypeAlias

from attrs import field, frozen

from .._errors import IndicatorSyntaxError
from ._enums import (
    Band,
    Comparison,
    Direction,
    FrequencyUnit,
    Grade,
    Part,
    Polarity,
    Relation,
)
from ._quantities import (
    _RX,
    Quantity,
    Range,
    canonical_decimal,
    format_decimal,
    is_calendar_year,
    range_problem,
)
from ._times import (
    Frequency,
    Period,
    TimePoint,
    period_problem,
    reduce_rate,
    time_point_problem,
)
from ._tokenizer import normalise


def _not_yet(text: str) -> str | None:  # pragma: no cover - the parser sets its own
    raise RuntimeError("the indicator grammar is not loaded")


# What makes text no qualitative target: the grammar decides (`_parser.qualitative_problem`,
# which registers itself with `judge_qualitative_with` when it loads: the model does not
# import the parser that builds it).
_qualitative_problem: list[Callable[[str], str | None]] = [_not_yet]


def judge_qualitative_with(problem: Callable[[str], str | None]) -> None:
    """Let ``problem`` (the grammar's) say why a text is no `Qualitative` target."""
    _qualitative_problem[0] = problem


__all__ = [
    "TARGET_TYPES",
    "Band",
    "Comparison",
    "Direction",
    "Frequency",
    "FrequencyUnit",
    "Grade",
    "Part",
    "Period",
    "Polarity",
    "Qualitative",
    "Quantity",
    "Range",
    "Relation",
    "Target",
    "TimePoint",
    "Unparsed",
    "canonical_decimal",
    "format_decimal",
    "is_calendar_year",
    "judge_qualitative_with",
    "make_frequency",
    "make_period",
    "make_qualitative",
    "make_quantity",
    "make_range",
    "make_time_point",
    "normalise_text",
    "period_problem",
    "range_problem",
    "reduce_rate",
    "time_point_problem",
]

_BANDS: Final = (
    (("未达成", "未达到", "未完成", "没有达成"), Band.NOT_ACHIEVED),
    (("部分达成", "部分达到", "部分完成", "基本达成", "基本完成", "基本达到"), Band.PARTLY_ACHIEVED),
    (("达成", "已达成", "全部达成", "达到预期", "已完成", "全部完成", "按期完成", "如期完成", "完成"),
     Band.ACHIEVED),
)  # fmt: skip
_GRADES: Final = {
    "优": Grade.EXCELLENT,
    "优秀": Grade.EXCELLENT,
    "良": Grade.GOOD,
    "良好": Grade.GOOD,
    "优良": Grade.GOOD_OR_BETTER,
    "中": Grade.FAIR,
    "中等": Grade.FAIR,
    "一般": Grade.FAIR,
    "合格": Grade.PASS,
    "差": Grade.POOR,
    "较差": Grade.POOR,
    "不合格": Grade.FAIL,
}
_POLARITY: Final = (
    ("decrease", Polarity.DECREASE),
    ("increase", Polarity.INCREASE),
    ("maintain", Polarity.MAINTAIN),
)


def normalise_text(text: str) -> str:
    """Qualitative text as kept: plain digits/operators, spaces next to Chinese removed.

    Spaces between two Latin words collapse to one space; spaces touching a Chinese
    character (a PDF line wrap) go.

    ```pycon
    >>> normalise_text("  进一步 有效增强 ")
    '进一步有效增强'
    >>> normalise_text("ISO  9001 认证")
    'ISO 9001认证'

    ```
    """
    text = normalise(text).strip()
    if " " not in text:
        return text

    def join(m: re.Match[str]) -> str:
        s, e = m.start(), m.end()
        before, after = text[s - 1], text[e]
        if _RX.cjk_char.match(before) or _RX.cjk_char.match(after):
            return ""
        return " "

    return _RX.ws_run.sub(join, text)


@frozen
class Qualitative:
    """A qualitative target (定性指标), kept as normalised text: ``及时``, ``优良``.

    Attributes:
        text: the text, normalised by `normalise_text`. It must be text the
            grammar reads as qualitative: not empty, not starting like a number or
            comparison, without comparison signs, and not a time or frequency.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> q = parse_target("进一步 有效增强")
    >>> q.text, q.polarity
    ('进一步有效增强', <Polarity.INCREASE: 'increase'>)
    >>> parse_target("优良").grade, parse_target("达成预期指标").band
    (<Grade.GOOD_OR_BETTER: '优良'>, <Band.ACHIEVED: '达成'>)
    >>> parse_target("完成24期节目制作").has_number
    True

    ```
    """

    kind: ClassVar[str] = "qualitative"

    text: str = field(converter=normalise_text)

    def __attrs_post_init__(self) -> None:
        problem = _qualitative_problem[0](self.text)
        if problem is not None:
            raise ValueError(problem)

    def __str__(self) -> str:
        return self.text

    @property
    def grade(self) -> Grade | None:
        """The grade the text is (优, 良, 优良, 中, 合格, 差, 不合格, 优秀 …), if it is one."""
        return _GRADES.get(self.text)

    @property
    def band(self) -> Band | None:
        """The achievement band the text states (达成…, 部分达成…, 未达成…), if any."""
        for prefixes, band in _BANDS:
            if self.text.startswith(prefixes):
                return band
        return None

    @property
    def polarity(self) -> Polarity | None:
        """Increase, decrease or maintain, recognised from keywords; ``None`` if unknown."""
        for name, polarity in _POLARITY:
            if getattr(_RX, name).search(self.text):
                return polarity
        return None

    @property
    def has_number(self) -> bool:
        """True when the text holds a digit: a quantity written as words (``完成24期``)."""
        return any(ch.isdigit() for ch in self.text)


@frozen
class Unparsed:
    """Text that is no valid indicator value, kept as given (from ``strict=False``).

    Attributes:
        text: the text exactly as given.
        reason: why it could not be read.
        start: offset of the problem in ``text``.
        end: end offset of the problem.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> u = parse_target("≥%95", strict=False)
    >>> u.reason, (u.start, u.end), str(u)
    ("expected a number after '≥'", (1, 2), '≥%95')

    ```
    """

    kind: ClassVar[str] = "unparsed"

    text: str
    reason: str
    start: int = 0
    end: int = 0

    def __str__(self) -> str:
        return self.text

    @property
    def error(self) -> IndicatorSyntaxError:
        """The `govbudget.IndicatorSyntaxError` strict parsing raises for this text."""
        return IndicatorSyntaxError(self.reason, self.text, (self.start, self.end))


Target: TypeAlias = Quantity | Range | TimePoint | Period | Frequency | Qualitative | Unparsed
"""Any parsed indicator value; dispatch on ``type(t)`` or ``t.kind``."""

TARGET_TYPES: Final[tuple[type, ...]] = (
    Quantity,
    Range,
    TimePoint,
    Period,
    Frequency,
    Qualitative,
    Unparsed,
)
"""The target classes, for ``isinstance`` and for tagged-union serialisation by ``kind``."""


# ---------------------------------------------------------------------------
# Fast construction for the parser (values already canonical and checked)
# ---------------------------------------------------------------------------

_new = object.__new__
_set = object.__setattr__


def make_quantity(comparison: Comparison, value: Decimal, unit: str) -> Quantity:
    """A `Quantity` from canonical, checked parts, without re-validating them."""
    q: Quantity = _new(Quantity)
    _set(q, "comparison", comparison)
    _set(q, "value", value)
    _set(q, "unit", unit)
    return q


def make_qualitative(text: str) -> Qualitative:
    """A `Qualitative` from normalised text already classified as qualitative."""
    q: Qualitative = _new(Qualitative)
    _set(q, "text", text)
    return q


def make_time_point(
    year: int | None, month: int | None, day: int | None, part: Part | None, relation: Relation
) -> TimePoint:
    """A `TimePoint` from fields already checked by `time_point_problem`."""
    t: TimePoint = _new(TimePoint)
    _set(t, "year", year)
    _set(t, "month", month)
    _set(t, "day", day)
    _set(t, "part", part)
    _set(t, "relation", relation)
    return t


def make_period(start: TimePoint, end: TimePoint) -> Period:
    """A `Period` from ends already checked by `period_problem`."""
    p: Period = _new(Period)
    _set(p, "start", start)
    _set(p, "end", end)
    return p


def make_range(low: Decimal, high: Decimal, unit: str) -> Range:
    """A `Range` from canonical, checked parts."""
    r: Range = _new(Range)
    _set(r, "low", low)
    _set(r, "high", high)
    _set(r, "unit", unit)
    return r





def make_frequency(every: int, unit: FrequencyUnit, times: int) -> Frequency:
    """A `Frequency` from a reduced, checked rate."""
    f: Frequency = _new(Frequency)
    _set(f, "every", every)
    _set(f, "unit", unit)
    _set(f, "times", times)
    return f
