"""Numeric targets: `Quantity` and `Range`, and the helpers of every target's fields."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import ClassVar, Final

from attrs import field, frozen

from .._errors import FloatNotAllowed
from .._money import Money
from ._enums import (
    Comparison,
    Direction,
)
from ._tokenizer import LazyPatterns
from ._units import (
    canonical_unit,
    conversion_factor,
    convert,
    strip_zeros,
    to_money,
    units_compatible,
)

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


def range_problem(low: Decimal, high: Decimal, unit: str) -> str | None:
    """Why canonical ``low``-``high`` in ``unit`` is no `Range`, or ``None``."""
    if not low < high:
        return f"a range needs low < high (got {low} and {high})"
    if not unit and _range_shape_is_period(low, high):
        return f"{low}-{high} reads as a period of months, not a range"
    return None
