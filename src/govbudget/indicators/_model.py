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

import datetime
import re
from decimal import Decimal
from fractions import Fraction
from typing import ClassVar, Final, TypeAlias

from attrs import field, frozen

from .._enum import IdentityEnum
from .._errors import FloatNotAllowed, IndicatorSyntaxError
from .._money import Money
from ._tokenizer import LazyPatterns, normalise
from ._units import (
    canonical_unit,
    conversion_factor,
    convert,
    strip_zeros,
    to_money,
    units_compatible,
)

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
]


# ---------------------------------------------------------------------------
# Enumerations
# ---------------------------------------------------------------------------


class Direction(IdentityEnum):
    """Which way a quantitative target points (指标方向), which decides how it is scored.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> parse_target("≤5%").direction, parse_target("20分钟左右").direction
    (<Direction.REVERSE: 'reverse'>, <Direction.APPROXIMATE: 'approximate'>)

    ```
    """

    POSITIVE = "positive"
    """正向: more is better (``≥``, ``>``); scored actual ÷ target."""
    REVERSE = "reverse"
    """反向: less is better (``≤``, ``<``); scored target ÷ actual."""
    EXACT = "exact"
    """An exact target (``=`` or no comparison)."""
    APPROXIMATE = "approximate"
    """About the number (``约``, ``左右``)."""


class Comparison(IdentityEnum):
    """The comparison of a quantitative target, valued by its canonical symbol.

    The canonical spellings are ``≥``, ``≤``, ``>``, ``<``, ``≈``, and *nothing* for an
    exact target (``=`` is accepted when reading).

    ```pycon
    >>> Comparison.GE.prefix, Comparison.EQ.prefix, Comparison.APPROX.prefix
    ('≥', '', '≈')
    >>> Comparison.LE.direction, Comparison.LE.chinese
    (<Direction.REVERSE: 'reverse'>, '不高于')

    ```
    """

    GE = "≥"
    LE = "≤"
    GT = ">"
    LT = "<"
    EQ = "="
    APPROX = "≈"

    @property
    def prefix(self) -> str:
        """The canonical prefix in ``str()`` (empty for `EQ`)."""
        return "" if self is Comparison.EQ else self.value

    @property
    def direction(self) -> Direction:
        """Positive, reverse, exact or approximate."""
        return _DIRECTIONS[self]

    @property
    def english(self) -> str:
        """``"at least"``, ``"at most"``, ``"more than"``, ``"less than"``, ``"exactly"``, ``"about"``."""
        return _CMP_EN[self]

    @property
    def chinese(self) -> str:
        """``不低于``, ``不高于``, ``高于``, ``低于``, ``等于``, ``约``."""
        return _CMP_ZH[self]


_DIRECTIONS: Final = {
    Comparison.GE: Direction.POSITIVE,
    Comparison.GT: Direction.POSITIVE,
    Comparison.LE: Direction.REVERSE,
    Comparison.LT: Direction.REVERSE,
    Comparison.EQ: Direction.EXACT,
    Comparison.APPROX: Direction.APPROXIMATE,
}
_CMP_EN: Final = {
    Comparison.GE: "at least",
    Comparison.LE: "at most",
    Comparison.GT: "more than",
    Comparison.LT: "less than",
    Comparison.EQ: "exactly",
    Comparison.APPROX: "about",
}
_CMP_ZH: Final = {
    Comparison.GE: "不低于",
    Comparison.LE: "不高于",
    Comparison.GT: "高于",
    Comparison.LT: "低于",
    Comparison.EQ: "等于",
    Comparison.APPROX: "约",
}


class Relation(IdentityEnum):
    """How a `TimePoint` target relates to its time.

    ``前``/``之前``/``以前``/``内``/``以内`` are `BY`; ``后``/``之后``/``以后`` are
    `AFTER`. Both include the named time, as 以上/以下 include the number.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> parse_target("6月之前").relation, Relation.BY.suffix
    (<Relation.BY: 'by'>, '前')

    ```
    """

    AT = "at"
    """In the named time (``3月份``: during March)."""
    BY = "by"
    """No later than the end of the named time (``6月前``: by the end of June)."""
    AFTER = "after"
    """No earlier than the start of the named time (``6月后``)."""

    @property
    def suffix(self) -> str:
        """The canonical suffix: ``""``, ``"前"`` or ``"后"``."""
        return _RELATION_SUFFIX[self]


_RELATION_SUFFIX: Final = {Relation.AT: "", Relation.BY: "前", Relation.AFTER: "后"}


class Part(IdentityEnum):
    """A part of a month (旬, 底) or of a year (初, 底), valued by its canonical spelling.

    Reading maps ``末`` to ``底``; ``月初`` to ``上旬`` and ``月中`` to ``中旬``.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> parse_target("6月末").part, parse_target("3月初").part
    (<Part.END: '底'>, <Part.FIRST_TEN: '上旬'>)

    ```
    """

    FIRST_TEN = "上旬"
    """Days 1-10."""
    MIDDLE_TEN = "中旬"
    """Days 11-20."""
    LAST_TEN = "下旬"
    """Days 21 to the end."""
    FIRST_TWENTY = "上中旬"
    """Days 1-20."""
    LAST_TWENTY = "中下旬"
    """Days 11 to the end."""
    END = "底"
    """The end (月底, 年底): deadline-style, 'by the end of'."""
    START = "初"
    """The start of a year (年初: January). For a month, 初 reads as 上旬."""


class FrequencyUnit(IdentityEnum):
    """The base unit of a `Frequency`: days (天, 周) or months (月, 季度, 年).

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> parse_target("每周").unit, parse_target("每季度").unit
    (<FrequencyUnit.DAY: 'day'>, <FrequencyUnit.MONTH: 'month'>)

    ```
    """

    DAY = "day"
    MONTH = "month"


class Band(IdentityEnum):
    """Achievement band of a qualitative result (达成 / 部分达成 / 未达成), standards.md §2.5.

    ```pycon
    >>> Qualitative("部分达成预期指标并具有一定效果").band
    <Band.PARTLY_ACHIEVED: '部分达成'>

    ```
    """

    ACHIEVED = "达成"
    PARTLY_ACHIEVED = "部分达成"
    NOT_ACHIEVED = "未达成"


class Grade(IdentityEnum):
    """A grade word (优/良/中/差, 优良, 合格/不合格), valued by its Chinese spelling.

    ```pycon
    >>> Qualitative("优秀").grade, Grade("优良").rank > Grade("中").rank
    (<Grade.EXCELLENT: '优'>, True)

    ```
    """

    EXCELLENT = "优"
    GOOD = "良"
    GOOD_OR_BETTER = "优良"
    FAIR = "中"
    PASS = "合格"
    POOR = "差"
    FAIL = "不合格"

    @property
    def rank(self) -> int:
        """4 for 优, 3 for 良 and 优良 (at least 良), 2 for 中 and 合格, 1 for 差 and 不合格."""
        return _GRADE_RANK[self]


_GRADE_RANK: Final = {
    Grade.EXCELLENT: 4,
    Grade.GOOD: 3,
    Grade.GOOD_OR_BETTER: 3,
    Grade.FAIR: 2,
    Grade.PASS: 2,
    Grade.POOR: 1,
    Grade.FAIL: 1,
}


class Polarity(IdentityEnum):
    """What a qualitative target asks for, recognised from its words.

    ```pycon
    >>> Qualitative("降低运行成本").polarity, Qualitative("确保").polarity
    (<Polarity.DECREASE: 'decrease'>, <Polarity.MAINTAIN: 'maintain'>)

    ```
    """

    INCREASE = "increase"
    """More or better: 提高, 提升, 增强, 加强, 优化, 改善, 进一步 …"""
    DECREASE = "decrease"
    """Less: 降低, 减少, 下降, 压缩, 节约, 控制 …"""
    MAINTAIN = "maintain"
    """Keep or ensure a state: 保障, 确保, 保证, 及时, 按期, 符合, 弥补, 达标 …"""


# ---------------------------------------------------------------------------
# Field helpers
# ---------------------------------------------------------------------------

_MAX_EXPONENT: Final = 1000


def canonical_decimal(value: object) -> Decimal:
    """A finite ``Decimal`` without trailing zeros; ``int`` and plain ``str`` accepted.

    Raises:
        FloatNotAllowed: for a ``float``.
        TypeError: for other types (``bool`` included).
        ValueError: for NaN, infinity or an exponent beyond ±1000.

    ```pycon
    >>> canonical_decimal(Decimal("95.00")), canonical_decimal(7), canonical_decimal("1.50")
    (Decimal('95'), Decimal('7'), Decimal('1.5'))

    ```
    """
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, bool):
        raise TypeError("a bool is not a number")
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        raise FloatNotAllowed(value)
    elif isinstance(value, str):
        if _RX.plain_number.fullmatch(value) is None:
            raise ValueError(f"{value!r} is not a plain decimal number")
        d = Decimal(value)
    else:
        raise TypeError(f"expected a Decimal, int or str (got {type(value).__name__})")
    if not d.is_finite():
        raise ValueError(f"a target value must be finite (got {d})")
    exp = d.as_tuple().exponent
    if isinstance(exp, int) and abs(exp) > _MAX_EXPONENT:
        raise ValueError(f"{d} is out of range")
    return strip_zeros(d)


_RX: Final = LazyPatterns(
    plain_number=r"[+-]?\d+(?:\.\d+)?",
    yyyy_mm=r"(19\d\d|2[01]\d\d)\.(0[1-9]|1[0-2])",
    cjk_char=r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]",
    ws_run=r"\s+",
    decrease="降低|减少|下降|压缩|缩短|节约|控制",
    increase="提高|提升|增强|增加|加强|优化|改善|增长|扩大|进一步|加快",
    maintain="保障|确保|保证|维持|稳定|巩固|保持|及时|按期|按时|如期|符合|达标|弥补|规范",
)


def format_decimal(value: Decimal) -> str:
    """Plain digits, never an exponent (``Decimal('1E-7')`` prints ``0.0000001``)."""
    return format(value, "f")


def _to_comparison(value: object) -> Comparison:
    if isinstance(value, Comparison):
        return value
    if isinstance(value, str):
        return Comparison(value)
    raise TypeError(f"expected a Comparison (got {type(value).__name__})")


def _unit(value: str) -> str:
    return canonical_unit(value)


def _positive_int(name: str, value: object, limit: int = 10**6) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name!r} must be an int (got {type(value).__name__})")
    if not 1 <= value <= limit:
        raise ValueError(f"{name!r} must be 1-{limit} (got {value})")


_YEAR_MIN: Final = 1900
_YEAR_MAX: Final = 2199


def is_calendar_year(value: Decimal) -> bool:
    """True for a whole number 1900-2199, which a bare ``NNNN年`` reads as a year."""
    return value == value.to_integral_value() and _YEAR_MIN <= value <= _YEAR_MAX


# ---------------------------------------------------------------------------
# Targets
# ---------------------------------------------------------------------------


def _value_in(value: Decimal, unit: str, target_unit: str) -> Decimal:
    """``value`` (in ``unit``) in ``target_unit``; a missing unit on either side is taken
    as the other's.

    Raises:
        IncompatibleUnits: both units are given and do not convert.
    """
    if not unit or not target_unit or unit == target_unit:
        return value
    return convert(value, unit, target_unit)


_NO_TOLERANCE: Final = Decimal(0)


@frozen
class Quantity:
    """A number with an optional comparison and unit: ``≥95%``, ``≤50万元``, ``14个``.

    Attributes:
        comparison: ``≥ ≤ > < ≈``, or `Comparison.EQ` for a bare number.
        value: the number (``95`` for ``95%``: percentages keep percentage semantics).
        unit: the canonical unit, ``""`` for none.

    Equality is structural (``≤50万元`` and ``≤500000元`` are different statements);
    compare values across units with `same_value` and `equivalent`.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> a, b = parse_target("≤50万元"), parse_target("≤500,000元")
    >>> a == b, a.equivalent(b), a.as_money() == b.as_money()
    (False, True, True)
    >>> a.to("元")
    Quantity(comparison=<Comparison.LE: '≤'>, value=Decimal('500000'), unit='元')

    ```
    """

    kind: ClassVar[str] = "quantity"

    comparison: Comparison = field(converter=_to_comparison)
    value: Decimal = field(converter=canonical_decimal)
    unit: str = field(default="", converter=_unit)

    def __str__(self) -> str:
        text = format_decimal(self.value) + self.unit
        if (
            self.comparison is Comparison.EQ
            and self.unit.startswith("年")
            and is_calendar_year(self.value)
        ):
            return "=" + text  # a bare "2024年" is the year 2024
        return self.comparison.prefix + text

    @property
    def direction(self) -> Direction:
        """The direction of the comparison (正向, 反向, exact, approximate)."""
        return self.comparison.direction

    def admits(self, value: Decimal, unit: str = "", *,
               tolerance: Decimal = _NO_TOLERANCE) -> bool:
        """Does ``value`` (in ``unit``; none: the target's) meet this target? The one
        answer to that question: scoring (`govbudget.indicators.evaluate`) and the rules
        ask it here.

        ``≥ > ≤ <`` compare; an exact target needs the same number; an approximate one
        (``约``, ``左右``) a number within ``tolerance`` (a fraction of the target; none by
        default, so it is exact too). The value is converted to the target's unit.

        Raises:
            IncompatibleUnits: ``unit`` and the target's unit are both given and do not
                convert.

        ```pycon
        >>> from decimal import Decimal
        >>> from govbudget.indicators import parse_target
        >>> parse_target("≤50万元").admits(Decimal("480000"), "元")
        True
        >>> parse_target("≥95%").admits(Decimal("94.5"))
        False
        >>> parse_target("约100人").admits(Decimal("95"), tolerance=Decimal("0.1"))
        True

        ```
        """
        v = _value_in(value, unit, self.unit)
        c = self.comparison
        if c is Comparison.GE:
            return v >= self.value
        if c is Comparison.GT:
            return v > self.value
        if c is Comparison.LE:
            return v <= self.value
        if c is Comparison.LT:
            return v < self.value
        if c is Comparison.APPROX:
            return abs(v - self.value) <= abs(self.value) * tolerance
        return v == self.value

    def to(self, unit: str) -> Quantity:
        """The same target in another, convertible unit.

        Raises:
            IncompatibleUnits: the units do not convert.
        """
        unit = canonical_unit(unit)
        return Quantity(self.comparison, convert(self.value, self.unit, unit), unit)

    def as_money(self) -> Money:
        """The value as `govbudget.Money` (``≤60万元`` gives ``Money('60', 万元)``).

        Raises:
            IncompatibleUnits: the unit is not money.
        """
        return to_money(self.value, self.unit)

    def same_value(self, other: Quantity) -> bool:
        """True when both numbers are equal once in the same unit (comparisons ignored).

        Raises:
            IncompatibleUnits: the units do not convert.
        """
        factor = conversion_factor(other.unit, self.unit)
        return Fraction(other.value) * factor == Fraction(self.value)

    def equivalent(self, other: Quantity) -> bool:
        """True for the same comparison and the same value in convertible units."""
        return (
            self.comparison is other.comparison
            and units_compatible(self.unit, other.unit)
            and self.same_value(other)
        )


def _range_shape_is_period(low: Decimal, high: Decimal) -> bool:
    return bool(
        _RX.yyyy_mm.fullmatch(format_decimal(low)) and _RX.yyyy_mm.fullmatch(format_decimal(high))
    )


@frozen
class Range:
    """A band of values, full marks anywhere inside: ``6至7``, ``3-8个``, ``95%-100%``.

    Attributes:
        low: the lower end (included).
        high: the upper end (included), greater than ``low``.
        unit: the canonical unit of both ends, ``""`` for none.

    The canonical separator is ``至``. Two ``YYYY.MM`` numbers with no unit are a
    `Period`, not a range, so such a ``Range`` cannot be built.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> r = parse_target("1～2天")
    >>> r, str(r)
    (Range(low=Decimal('1'), high=Decimal('2'), unit='天'), '1至2天')
    >>> r.admits(Decimal("1.5")), r.admits(Decimal("36"), "小时")
    (True, True)

    ```
    """

    kind: ClassVar[str] = "range"

    low: Decimal = field(converter=canonical_decimal)
    high: Decimal = field(converter=canonical_decimal)
    unit: str = field(default="", converter=_unit)

    def __attrs_post_init__(self) -> None:
        problem = range_problem(self.low, self.high, self.unit)
        if problem is not None:
            raise ValueError(problem)

    def __str__(self) -> str:
        return f"{format_decimal(self.low)}至{format_decimal(self.high)}{self.unit}"

    def admits(self, value: Decimal, unit: str = "") -> bool:
        """Does ``value`` (in ``unit``; none: the range's) meet this target: ``low <=
        value <= high``, once in the range's unit (see `Quantity.admits`).

        Raises:
            IncompatibleUnits: ``unit`` and the range's unit are both given and do not
                convert.
        """
        return self.low <= _value_in(value, unit, self.unit) <= self.high

    def to(self, unit: str) -> Range:
        """The same range in another, convertible unit.

        Raises:
            IncompatibleUnits: the units do not convert.
        """
        unit = canonical_unit(unit)
        return Range(convert(self.low, self.unit, unit), convert(self.high, self.unit, unit), unit)


_MONTH_PARTS: Final = frozenset(
    {Part.FIRST_TEN, Part.MIDDLE_TEN, Part.LAST_TEN, Part.FIRST_TWENTY, Part.LAST_TWENTY, Part.END}
)
_YEAR_PARTS: Final = frozenset({Part.START, Part.END})


def time_point_problem(
    year: int | None, month: int | None, day: int | None, part: Part | None
) -> str | None:
    """Why these fields make no time point, or ``None`` when they do."""
    for name, value in (("year", year), ("month", month), ("day", day)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            return f"{name!r} must be an int or None (got {type(value).__name__})"
    part_given: object = part
    if part_given is not None and not isinstance(part_given, Part):
        return f"'part' must be a Part or None (got {type(part_given).__name__})"
    if year is not None and not _YEAR_MIN <= year <= _YEAR_MAX:
        return f"year must be {_YEAR_MIN}-{_YEAR_MAX} (got {year})"
    if month is not None and not 1 <= month <= 12:
        return f"month must be 1-12 (got {month})"
    if year is None and month is None and part is None:
        return "a time needs a year, a month or a part of the year (年初, 年底)"
    if day is not None:
        if month is None:
            return "a day needs a month"
        if part is not None:
            return "a day and a part of the month (旬, 底) cannot both be given"
        last = _last_day(2000 if year is None else year, month)
        if not 1 <= day <= last:
            return f"day must be 1-{last} in month {month} (got {day})"
    if part is not None:
        allowed = _MONTH_PARTS if month is not None else _YEAR_PARTS
        if part not in allowed:
            where = "a month" if month is not None else "a year"
            return f"{part.value!r} is not a part of {where}"
    return None


_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _last_day(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _MONTH_DAYS[month]


# First and last day of each part of a month (0 for "the month's last day").
_PART_DAYS: Final[dict[Part | None, tuple[int, int]]] = {
    None: (1, 0),
    Part.FIRST_TEN: (1, 10),
    Part.MIDDLE_TEN: (11, 20),
    Part.LAST_TEN: (21, 0),
    Part.FIRST_TWENTY: (1, 20),
    Part.LAST_TWENTY: (11, 0),
    Part.END: (21, 0),
}


def _window_of(
    year: int, month: int | None, day: int | None, part: Part | None
) -> tuple[datetime.date, datetime.date]:
    date = datetime.date
    if month is None:
        if part is Part.START:
            return date(year, 1, 1), date(year, 1, 31)
        if part is Part.END:
            return date(year, 12, 1), date(year, 12, 31)
        return date(year, 1, 1), date(year, 12, 31)
    if day is not None:
        d = date(year, month, day)
        return d, d
    first, last = _PART_DAYS[part]
    return date(year, month, first), date(year, month, last or _last_day(year, month))


_PLACEHOLDER_YEAR: Final = 2000  # a leap year, for times stated without a year


@frozen
class TimePoint:
    """A month, date or part of one, with how the target relates to it (时效指标).

    Attributes:
        year: the year (1900-2199), or ``None`` when not stated.
        month: 1-12, or ``None`` for a whole year or 年初/年底.
        day: the day of the month, or ``None``.
        part: a part of the month (旬, 底) or year (初, 底), or ``None``.
        relation: `Relation.AT` (in it), `Relation.BY` (前: by its end) or
            `Relation.AFTER` (后: from its start).

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> t = parse_target("2024年12月底 前")
    >>> str(t), t.is_deadline
    ('2024年12月底前', True)
    >>> str(parse_target("3月份")), parse_target("3月份") == parse_target("3月")
    ('3月', True)
    >>> parse_target("3月中下旬").window()
    (datetime.date(2000, 3, 11), datetime.date(2000, 3, 31))

    ```
    """

    kind: ClassVar[str] = "time"

    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: Part | None = None
    relation: Relation = Relation.AT

    def __attrs_post_init__(self) -> None:
        problem = time_point_problem(self.year, self.month, self.day, self.part)
        if problem is not None:
            raise ValueError(problem)
        if not isinstance(self.relation, Relation):
            raise TypeError(f"'relation' must be a Relation (got {type(self.relation).__name__})")

    def __str__(self) -> str:
        return self._text(with_year=True) + self.relation.suffix

    def _text(self, *, with_year: bool) -> str:
        year = f"{self.year}年" if self.year is not None and with_year else ""
        if self.month is None:
            part = self.part.value if self.part is not None else ""
            if not year:
                return f"年{part}"
            return year + part
        text = f"{year}{self.month}月"
        if self.day is not None:
            return f"{text}{self.day}日"
        if self.part is not None:
            return text + self.part.value
        return text

    @property
    def is_deadline(self) -> bool:
        """True for deadline-style times: 前, or the end of a month or year (底).

        A deadline is met on or before the end of the named time; a plain month or date
        (`Relation.AT`) is met inside it.
        """
        return self.relation is Relation.BY or (
            self.part is Part.END and self.relation is Relation.AT
        )

    def window(self, year: int | None = None) -> tuple[datetime.date, datetime.date]:
        """The first and last day of the named time.

        Args:
            year: the year to use when the target states none (default: the target's
                own year, else 2000, a leap year).

        Raises:
            ValueError: 2月29日 in a year that is not a leap year.
        """
        y = self.year if self.year is not None else year
        y = _PLACEHOLDER_YEAR if y is None else y
        if self.month == 2 and self.day == 29 and not _is_leap(y):
            raise ValueError(f"{self} does not exist in {y}")
        return _window_of(y, self.month, self.day, self.part)


@frozen
class Period:
    """A span of time, met inside it: ``6至7月``, ``2023.07-2024.01``.

    Attributes:
        start: the first time (its relation is `Relation.AT`).
        end: the last time, after ``start``; both have a year or neither has.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> str(parse_target("6至7月")), str(parse_target("2023.07-2024.01"))
    ('6月至7月', '2023年7月至2024年1月')
    >>> str(parse_target("2024年3至8月"))
    '2024年3月至8月'

    ```
    """

    kind: ClassVar[str] = "period"

    start: TimePoint
    end: TimePoint

    def __attrs_post_init__(self) -> None:
        problem = period_problem(self.start, self.end)
        if problem is not None:
            raise ValueError(problem)

    def __str__(self) -> str:
        compact = (
            self.start.year is not None
            and self.start.year == self.end.year
            and (self.end.month is not None or self.end.part is not None)
        )
        return f"{self.start}至{self.end._text(with_year=not compact)}"

    def window(self, year: int | None = None) -> tuple[datetime.date, datetime.date]:
        """The first day of ``start`` and the last day of ``end``."""
        return self.start.window(year)[0], self.end.window(year)[1]


def period_problem(start: object, end: object) -> str | None:
    """Why ``start``-``end`` is no period, or ``None`` when it is one."""
    if not isinstance(start, TimePoint) or not isinstance(end, TimePoint):
        return "a period's start and end must be TimePoint"
    if start.relation is not Relation.AT or end.relation is not Relation.AT:
        return "a period's ends cannot have 前 or 后"
    if (start.year is None) != (end.year is None):
        return "a period's ends must both have a year or both have none"
    a, b = start.window(), end.window()
    if not a[0] < b[0] or a[1] > b[1]:
        return f"a period must run forwards (got {start} to {end})"
    return None


def reduce_rate(every: int, times: int) -> tuple[int, int]:
    """``(every, times)`` divided by their greatest common divisor."""
    a, b = every, times
    while b:
        a, b = b, a % b
    return every // a, times // a


@frozen
class Frequency:
    """A rate: ``times`` occurrences every ``every`` days or months (每月, 每两周).

    Build reduced forms with `of`: ``每年2次`` and ``每半年`` are one frequency.

    Attributes:
        every: the length of the period, in ``unit`` (1-1,000,000).
        unit: days (天, 周) or months (月, 季度, 年).
        times: occurrences per period, with ``every`` and ``times`` coprime.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> [str(parse_target(t)) for t in ("每两月", "每半年", "每两周", "每季度", "每年2次")]
    ['每2月', '每半年', '每2周', '每季度', '每半年']
    >>> parse_target("每两周")
    Frequency(every=14, unit=<FrequencyUnit.DAY: 'day'>, times=1)

    ```
    """

    kind: ClassVar[str] = "frequency"

    every: int
    unit: FrequencyUnit
    times: int = 1

    def __attrs_post_init__(self) -> None:
        _positive_int("every", self.every)
        _positive_int("times", self.times)
        if not isinstance(self.unit, FrequencyUnit):
            raise TypeError(f"'unit' must be a FrequencyUnit (got {type(self.unit).__name__})")
        if reduce_rate(self.every, self.times) != (self.every, self.times):
            raise ValueError(
                f"every={self.every}, times={self.times} is not reduced; use Frequency.of()"
            )

    @classmethod
    def of(cls, every: int, unit: FrequencyUnit, times: int = 1) -> Frequency:
        """The frequency ``times`` per ``every`` ``unit``, reduced (``of(12, MONTH, 2)`` is 每半年)."""
        _positive_int("every", every)
        _positive_int("times", times)
        e, t = reduce_rate(every, times)
        return cls(e, unit, t)

    def __str__(self) -> str:
        if self.unit is FrequencyUnit.MONTH:
            named = {1: "每月", 3: "每季度", 6: "每半年", 12: "每年"}.get(self.every)
            if named is None:
                named = f"每{self.every // 12}年" if self.every % 12 == 0 else f"每{self.every}月"
        else:
            named = {1: "每天", 7: "每周"}.get(self.every)
            if named is None:
                named = f"每{self.every // 7}周" if self.every % 7 == 0 else f"每{self.every}天"
        return named if self.times == 1 else f"{named}{self.times}次"

    @property
    def per_year(self) -> Decimal:
        """Occurrences in a year (365 days, 12 months)."""
        span = Decimal(12) if self.unit is FrequencyUnit.MONTH else Decimal(365)
        return Decimal(self.times) * span / Decimal(self.every)


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
        from ._parser import qualitative_problem

        problem = qualitative_problem(self.text)
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


def range_problem(low: Decimal, high: Decimal, unit: str) -> str | None:
    """Why canonical ``low``-``high`` in ``unit`` is no `Range`, or ``None``."""
    if not low < high:
        return f"a range needs low < high (got {low} and {high})"
    if not unit and _range_shape_is_period(low, high):
        return f"{low}-{high} reads as a period of months, not a range"
    return None


def make_frequency(every: int, unit: FrequencyUnit, times: int) -> Frequency:
    """A `Frequency` from a reduced, checked rate."""
    f: Frequency = _new(Frequency)
    _set(f, "every", every)
    _set(f, "unit", unit)
    _set(f, "times", times)
    return f
