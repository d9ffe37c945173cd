"""Exact amounts with an explicit unit (元, 万元, 亿元): `Unit`, `Money`, and reading and
writing printed amounts. (The rounding model is in ``govbudget._rounding``; both are
re-exported by ``govbudget._money``.)

```pycon
>>> m = Money("2599.99", Unit.WAN_YUAN)
>>> m.to(Unit.YUAN)
Money('25999900.00', Unit.YUAN)
>>> str(m + Money("0.01", Unit.WAN_YUAN))
'2600.00万元'

```
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from attrs import field, frozen

from ._chars import translation
from ._enum import IdentityEnum
from ._errors import AmountError, FloatNotAllowed, UnitError
from ._lazy_re import lazy
from ._pattern_cache import compile_pattern

__all__ = ["Money", "Unit", "format_money", "parse_amount", "parse_money", "round_half_up",
           "to_decimal"]


class Unit(IdentityEnum):
    """A money unit: the yuan and its power-of-ten scales used in budget tables.

    ```pycon
    >>> Unit.parse("万元")
    <Unit.WAN_YUAN: '万元'>
    >>> Unit.WAN_YUAN.factor
    Decimal('10000')

    ```
    """

    YUAN = "元"
    WAN_YUAN = "万元"
    YI_YUAN = "亿元"

    @property
    def exponent(self) -> int:
        """Power of ten of one unit in 元 (0, 4 or 8)."""
        return _EXPONENTS[self]

    @property
    def factor(self) -> Decimal:
        """How many 元 one of this unit is."""
        return _FACTORS[self]

    @property
    def symbol(self) -> str:
        """The Chinese symbol, e.g. ``"万元"``."""
        return self.value

    @property
    def english(self) -> str:
        """The English name, e.g. ``"10,000 yuan"``."""
        return _ENGLISH[self]

    @classmethod
    def parse(cls, text: str) -> Unit:
        """Read a unit from its Chinese symbol (``元``, ``万元``, ``亿元``) or English name.

        Raises:
            UnitError: the text names no known unit.
        """
        key = text.strip().replace(" ", "")
        unit = _UNIT_NAMES.get(key) or _UNIT_NAMES.get(key.lower())
        if unit is None:
            raise UnitError(f"unknown money unit {text!r}; expected one of 元, 万元, 亿元")
        return unit


_EXPONENTS: Final = {Unit.YUAN: 0, Unit.WAN_YUAN: 4, Unit.YI_YUAN: 8}
_FACTORS: Final = {u: Decimal(10**e) for u, e in _EXPONENTS.items()}
_POW10: Final = {e: Decimal(10**e) for e in range(9)}  # unit shifts (4 and 8)
_ENGLISH: Final = {Unit.YUAN: "yuan", Unit.WAN_YUAN: "10,000 yuan", Unit.YI_YUAN: "100 million yuan"}
_UNIT_NAMES: Final[dict[str, Unit]] = {
    "元": Unit.YUAN,
    "yuan": Unit.YUAN,
    "cny": Unit.YUAN,
    "万元": Unit.WAN_YUAN,
    "万": Unit.WAN_YUAN,
    "10,000yuan": Unit.WAN_YUAN,
    "亿元": Unit.YI_YUAN,
    "亿": Unit.YI_YUAN,
    "100millionyuan": Unit.YI_YUAN,
}

# Full-width digits, separators and the minus signs found in extracted PDF text.
_TRANSLATE: Final = translation(
    {
        "，": ",",
        "－": "-",
        "−": "-",
        "–": "-",
        "＋": "+",
        "\u00a0": "",
        "\u2009": "",
        "\u3000": "",
        " ": "",
    }
)
_PLAIN: Final = compile_pattern(r"[+-]?\d+(?:\.\d+)?")
_GROUPED: Final = compile_pattern(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


_BAD_GROUPS: Final = lazy(r"[+-]?[\d,]+(?:\.\d+)?")

def parse_amount(text: str) -> Decimal:
    """Read an amount as printed in a report, exactly.

    Accepts thousands separators (only in groups of three), full-width digits and
    commas, and the minus signs PDF extraction produces. The result keeps the printed
    number of decimals (``"463.00"`` gives ``Decimal('463.00')``).

    ```pycon
    >>> parse_amount("2,599.99")
    Decimal('2599.99')
    >>> parse_amount("５００，０００")
    Decimal('500000')
    >>> parse_amount("-465.54")
    Decimal('-465.54')
    >>> parse_amount("500,00")
    Traceback (most recent call last):
    ...
    govbudget._errors.AmountError: cannot read '500,00' as an amount: digit groups must have 3 digits

    ```

    Raises:
        AmountError: the text is not an amount.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_amount() needs a str (got {type(text).__name__})")
    if text.isascii() and _PLAIN.fullmatch(text):
        return Decimal(text)
    cleaned = text.translate(_TRANSLATE)
    if not cleaned:
        raise AmountError(text, "it is empty")
    if _PLAIN.fullmatch(cleaned):
        return Decimal(cleaned)
    if _GROUPED.fullmatch(cleaned):
        return Decimal(cleaned.replace(",", ""))
    if "," in cleaned and _BAD_GROUPS.fullmatch(cleaned):
        raise AmountError(text, "digit groups must have 3 digits")
    raise AmountError(text, "expected digits with an optional sign, decimals and 3-digit groups")


def to_decimal(value: object) -> Decimal:
    """Turn ``str``, ``int`` or ``Decimal`` into a ``Decimal``; refuse ``float``.

    ```pycon
    >>> to_decimal(" 1,000.50 ")
    Decimal('1000.50')
    >>> to_decimal(0.1)
    Traceback (most recent call last):
    ...
    govbudget._errors.FloatNotAllowed: float 0.1 refused: amounts must be exact; pass a str, int or Decimal such as Decimal('0.1')

    ```

    Raises:
        FloatNotAllowed: for a ``float``.
        AmountError: for text that is not an amount, or a non-finite ``Decimal``.
        TypeError: for any other type.
    """
    if isinstance(value, bool):
        raise TypeError("a bool is not an amount")
    if isinstance(value, float):
        raise FloatNotAllowed(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AmountError(str(value), "amounts must be finite")
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        return parse_amount(value)
    raise TypeError(f"cannot use {type(value).__name__} as an amount; pass a str, int or Decimal")


def round_half_up(value: Decimal, quantum: Decimal) -> Decimal:
    """Round the way Chinese finance tables do (四舍五入: halves away from zero).

    ```pycon
    >>> round_half_up(Decimal("1234.565"), Decimal("0.01"))
    Decimal('1234.57')
    >>> round_half_up(Decimal("-0.125"), Decimal("0.01"))
    Decimal('-0.13')

    ```
    """
    return value.quantize(quantum, rounding=ROUND_HALF_UP)


def _to_unit(value: object) -> Unit:
    if isinstance(value, Unit):
        return value
    if isinstance(value, str):
        return Unit.parse(value)
    raise UnitError(f"unit must be a Unit or its symbol (got {value!r})")


@frozen(eq=False, order=False, repr=False)
class Money:
    """An exact amount of money in an explicit unit.

    Equality, ordering and hashing compare the value in 元, so
    ``Money("1", "万元") == Money("10000", "元")``. Adding or subtracting amounts in
    different units gives the result in the finer unit, exactly.

    ```pycon
    >>> a = Money("1.5", "万元")
    >>> b = Money("500", Unit.YUAN)
    >>> a + b
    Money('15500.0', Unit.YUAN)
    >>> sorted([a, b])[0] is b
    True
    >>> Money(1.5, "万元")
    Traceback (most recent call last):
    ...
    govbudget._errors.FloatNotAllowed: float 1.5 refused: amounts must be exact; pass a str, int or Decimal such as Decimal('1.5')

    ```
    """

    amount: Decimal = field(converter=to_decimal)
    unit: Unit = field(converter=_to_unit)

    # -- construction -------------------------------------------------------
    @classmethod
    def from_text(cls, text: str, unit: Unit | str | None = None) -> Money:
        """Parse ``"2,599.99万元"``, or a bare number with the ``unit`` given."""
        return parse_money(text, unit=unit)

    @classmethod
    def of(cls, amount: Decimal, unit: Unit) -> Money:
        """Build from a ``Decimal`` and a `Unit` already checked (no conversion).

        The fast path for code that holds exact values; use ``Money(...)`` otherwise.
        """
        if type(amount) is not Decimal or type(unit) is not Unit or not amount.is_finite():
            return cls(amount, unit)
        m = object.__new__(cls)
        object.__setattr__(m, "amount", amount)
        object.__setattr__(m, "unit", unit)
        return m

    @classmethod
    def zero(cls, unit: Unit | str = Unit.YUAN) -> Money:
        """Zero in ``unit``."""
        return cls(Decimal(0), _to_unit(unit))

    # -- conversion ---------------------------------------------------------
    def to(self, unit: Unit | str) -> Money:
        """The same amount in another unit, exactly (no rounding)."""
        target = _to_unit(unit)
        if target is self.unit:
            return self
        shift = self.unit.exponent - target.exponent
        if shift > 0:
            return Money.of(self.amount * _POW10[shift], target)
        return Money.of(self.amount / _POW10[-shift], target)

    @property
    def yuan(self) -> Decimal:
        """The amount in 元, exactly."""
        return self.amount * self.unit.factor

    def rounded(self, quantum: Decimal | str = "0.01") -> Money:
        """Round (四舍五入) to ``quantum`` of this unit, as a published table would."""
        return Money.of(round_half_up(self.amount, to_decimal(quantum)), self.unit)

    # -- arithmetic ---------------------------------------------------------
    def _common(self, other: Money) -> tuple[Decimal, Decimal, Unit]:
        unit = self.unit if self.unit.exponent <= other.unit.exponent else other.unit
        return self.to(unit).amount, other.to(unit).amount, unit

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        a, b, unit = self._common(other)
        return Money.of(a + b, unit)

    def __radd__(self, other: object) -> Money:
        # Lets sum() start from 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        a, b, unit = self._common(other)
        return Money.of(a - b, unit)

    def __neg__(self) -> Money:
        return Money.of(-self.amount, self.unit)

    def __abs__(self) -> Money:
        return Money.of(abs(self.amount), self.unit)

    def __mul__(self, other: object) -> Money:
        if isinstance(other, bool) or not isinstance(other, int | Decimal):
            if isinstance(other, float):
                raise FloatNotAllowed(other)
            return NotImplemented
        return Money.of(self.amount * other, self.unit)

    __rmul__ = __mul__

    def ratio(self, other: Money) -> Decimal:
        """``self / other`` as an exact-as-possible Decimal (28 significant digits).

        Raises:
            ZeroDivisionError: when ``other`` is zero.
        """
        if other.yuan == 0:
            raise ZeroDivisionError("ratio to a zero amount")
        return self.yuan / other.yuan

    # -- comparison ---------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.yuan == other.yuan

    def __hash__(self) -> int:
        return hash(self.yuan)

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.yuan < other.yuan

    def __le__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.yuan <= other.yuan

    def __gt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.yuan > other.yuan

    def __ge__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.yuan >= other.yuan

    def __bool__(self) -> bool:
        return bool(self.amount)

    def is_zero(self) -> bool:
        """True when the amount is zero."""
        return not self.amount

    # -- text ---------------------------------------------------------------
    def __str__(self) -> str:
        return f"{self.amount}{self.unit.symbol}"

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, Unit.{self.unit.name})"

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self)
        return f"{format(self.amount, spec)}{self.unit.symbol}"


_MONEY_TEXT: Final = compile_pattern(r"^\s*(?P<num>[^元万亿]+?)\s*(?P<unit>亿元|万元|元|万|亿)?\s*$")


def parse_money(text: str, *, unit: Unit | str | None = None) -> Money:
    """Read ``"2,599.99万元"`` (unit in the text) or ``"2,599.99"`` with ``unit=``.

    ```pycon
    >>> parse_money("2,599.99万元")
    Money('2599.99', Unit.WAN_YUAN)
    >>> parse_money("500,000", unit="元")
    Money('500000', Unit.YUAN)

    ```

    Raises:
        AmountError: the number cannot be read.
        UnitError: no unit in the text and none given, or two different units.
    """
    m = _MONEY_TEXT.match(text)
    if m is None:
        raise AmountError(text, "expected a number followed by 元, 万元 or 亿元")
    number = parse_amount(m["num"])
    in_text = Unit.parse(m["unit"]) if m["unit"] else None
    given = _to_unit(unit) if unit is not None else None
    if in_text and given and in_text is not given:
        raise UnitError(f"{text!r} is in {in_text.symbol}, but unit={given.symbol} was given")
    chosen = in_text or given
    if chosen is None:
        raise UnitError(f"{text!r} has no unit; pass unit= (元, 万元 or 亿元)")
    return Money(number, chosen)


def format_money(
    money: Money,
    *,
    locale: str = "zh_CN",
    places: int | None = 2,
    unit: Unit | str | None = None,
) -> str:
    """Format through babel for a locale: ``2,599.99万元`` (zh_CN), ``2,599.99 10,000 yuan`` (en).

    Args:
        money: the amount.
        locale: a babel locale name such as ``"zh_CN"`` or ``"en"``.
        places: decimals to show (rounded 四舍五入); ``None`` keeps the amount's own.
        unit: convert to this unit first.

    ```pycon
    >>> format_money(Money("2599.99", "万元"))
    '2,599.99万元'
    >>> format_money(Money("2599.99", "万元"), locale="en")
    '2,599.99 10,000 yuan'
    >>> format_money(Money("500000", "元"), unit="万元", places=2)
    '50.00万元'

    ```
    """
    from babel.numbers import format_decimal

    if unit is not None:
        money = money.to(unit)
    amount = money.amount
    if places is not None:
        amount = round_half_up(amount, Decimal(1).scaleb(-places))
        decimals = places
    else:
        exp = amount.as_tuple().exponent
        decimals = -exp if isinstance(exp, int) and exp < 0 else 0
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    number = format_decimal(amount, format=pattern, locale=locale)
    if locale.split("_")[0].lower() == "zh":
        return f"{number}{money.unit.symbol}"
    return f"{number} {money.unit.english}"


# ---------------------------------------------------------------------------
# Rounding model
# ---------------------------------------------------------------------------
