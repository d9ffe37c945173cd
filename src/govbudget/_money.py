"""Money: exact amounts with an explicit unit (元, 万元, 亿元), and the rounding model.

Amounts are `decimal.Decimal`, never ``float``. A `Money` always carries
its `Unit`; converting between units is exact (a power of ten), and arithmetic and
comparison work across units.

Published figures are rounded (四舍五入) to a *quantum* such as 0.01 万元. A figure
printed as ``2599.99`` 万元 stands for any true amount in ``[2599.985, 2599.995)``; a sum
of *n* rounded terms can therefore miss its own rounded total. `explain_gap` says
whether a gap is one rounding can produce, and `rounding_bound` gives the largest
such gap, so that no check needs a magic tolerance.

```pycon
>>> from govbudget import Money, Unit
>>> m = Money("2599.99", Unit.WAN_YUAN)
>>> m.to(Unit.YUAN)
Money('25999900.00', Unit.YUAN)
>>> m == Money("25999900", Unit.YUAN)
True
>>> str(m + Money("0.01", Unit.WAN_YUAN))
'2600.00万元'

```
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from attrs import field, frozen

from ._chars import translation
from ._enum import IdentityEnum
from ._errors import AmountError, FloatNotAllowed, UnitError

__all__ = [
    "Gap",
    "Interval",
    "Money",
    "Unit",
    "explain_gap",
    "format_money",
    "parse_amount",
    "parse_money",
    "round_half_up",
    "rounding_bound",
    "to_decimal",
]


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
_PLAIN: Final = re.compile(r"[+-]?\d+(?:\.\d+)?")
_GROUPED: Final = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


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
    if "," in cleaned and re.fullmatch(r"[+-]?[\d,]+(?:\.\d+)?", cleaned):
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


_MONEY_TEXT: Final = re.compile(r"^\s*(?P<num>[^元万亿]+?)\s*(?P<unit>亿元|万元|元|万|亿)?\s*$")


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


@frozen
class Interval:
    """A set of true values a published figure can stand for, with open or closed ends.

    Under 四舍五入 (halves away from zero) a non-negative figure ``x`` printed to
    quantum ``q`` stands for ``[x - q/2, x + q/2)``; a negative one for
    ``(x - q/2, x + q/2]``; an exact figure (``q = 0``) for ``[x, x]``.

    ```pycon
    >>> i = Interval.of_rounded(Decimal("1.23"), Decimal("0.01"))
    >>> i
    Interval(lo=Decimal('1.225'), hi=Decimal('1.235'), lo_closed=True, hi_closed=False)
    >>> i.contains(Decimal("1.235"))
    False
    >>> (i + i).intersects(Interval.of_rounded(Decimal("2.47"), Decimal("0.01")))
    True

    ```
    """

    lo: Decimal
    hi: Decimal
    lo_closed: bool = True
    hi_closed: bool = True

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        """The one value ``value``."""
        return cls(value, value, True, True)

    @classmethod
    def of_rounded(cls, value: Decimal, quantum: Decimal) -> Interval:
        """The true values that round (四舍五入) to ``value`` at ``quantum``."""
        if quantum == 0:
            return cls.exact(value)
        half = quantum / 2
        if value > 0:
            return cls(value - half, value + half, True, False)
        if value < 0:
            return cls(value - half, value + half, False, True)
        return cls(-half, half, False, False)

    def __add__(self, other: Interval) -> Interval:
        return Interval(
            self.lo + other.lo,
            self.hi + other.hi,
            self.lo_closed and other.lo_closed,
            self.hi_closed and other.hi_closed,
        )

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo, self.hi_closed, self.lo_closed)

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def scaled(self, factor: Decimal) -> Interval:
        """Multiply by a positive constant."""
        if factor <= 0:
            raise ValueError("factor must be positive")
        return Interval(self.lo * factor, self.hi * factor, self.lo_closed, self.hi_closed)

    def contains(self, value: Decimal) -> bool:
        """True when ``value`` is in the interval."""
        above = value > self.lo or (self.lo_closed and value == self.lo)
        below = value < self.hi or (self.hi_closed and value == self.hi)
        return above and below

    def _overlap(self, other: Interval) -> tuple[Decimal, Decimal, bool, bool]:
        """The bounds of the common part (possibly empty) of two intervals."""
        if self.lo > other.lo or (self.lo == other.lo and not self.lo_closed):
            lo, lo_closed = self.lo, self.lo_closed
        else:
            lo, lo_closed = other.lo, other.lo_closed
        if self.hi < other.hi or (self.hi == other.hi and not self.hi_closed):
            hi, hi_closed = self.hi, self.hi_closed
        else:
            hi, hi_closed = other.hi, other.hi_closed
        return lo, hi, lo_closed, hi_closed

    def intersects(self, other: Interval) -> bool:
        """True when some value is in both intervals."""
        lo, hi, lo_closed, hi_closed = self._overlap(other)
        return lo < hi or (lo == hi and lo_closed and hi_closed)

    def intersection(self, other: Interval) -> Interval | None:
        """The values in both intervals (``None`` when there is none).

        ```pycon
        >>> a = Interval.of_rounded(Decimal("1.00"), Decimal("0.01"))  # [0.995, 1.005)
        >>> a.intersection(Interval(Decimal("1.001"), Decimal("2")))
        Interval(lo=Decimal('1.001'), hi=Decimal('1.005'), lo_closed=True, hi_closed=False)
        >>> a.intersection(Interval.exact(Decimal("1.005"))) is None
        True

        ```
        """
        lo, hi, lo_closed, hi_closed = self._overlap(other)
        if lo < hi or (lo == hi and lo_closed and hi_closed):
            return Interval(lo, hi, lo_closed, hi_closed)
        return None

    def divided_by(self, other: Interval) -> Interval:
        """All quotients ``a / b`` for ``a`` here and ``b`` in ``other`` (closed, conservative).

        Both intervals must be non-negative and ``other`` must exclude zero.
        """
        if self.lo < 0 or other.lo <= 0:
            raise ValueError("divided_by() needs a >= 0 and b > 0")
        return Interval(self.lo / other.hi, self.hi / other.lo, True, True)


def rounding_bound(
    terms: int,
    quantum: Decimal | str,
    *,
    mixed_signs: bool = False,
) -> Decimal:
    """The largest gap rounding alone can open between a sum and its printed total.

    ``terms`` figures and their total, all rounded (四舍五入) to ``quantum`` from exact
    data, can disagree by at most this much. Every printed figure is within ``q/2`` of
    its true value, so ``|Σ terms − total| < (n + 1)·q/2``; the gap is a multiple of
    ``q``, hence at most ``⌊n/2⌋·q`` when every figure has the same sign. With mixed
    signs the half-open ends no longer line up and the bound is ``⌊(n+1)/2⌋·q``.

    So one term must equal its total exactly, two or three terms may be off by 0.01,
    four or five by 0.02, and so on: the ``n × 0.005`` of the rule of thumb, made exact.

    ```pycon
    >>> rounding_bound(1, "0.01")
    Decimal('0.00')
    >>> rounding_bound(3, "0.01")
    Decimal('0.01')
    >>> rounding_bound(13, "0.01")
    Decimal('0.06')

    ```
    """
    if terms < 0:
        raise ValueError("terms must be >= 0")
    q = to_decimal(quantum)
    steps = (terms + 1) // 2 if mixed_signs else terms // 2
    return q * steps


@frozen
class Gap:
    """How a sum of published figures compares with its published total.

    Attributes:
        terms: number of rounded terms (exact zeros are not counted).
        expected: the sum of the terms.
        actual: the published total.
        difference: ``actual - expected``.
        bound: the largest difference rounding alone can produce.
        explained: ``True`` when the difference is one rounding can produce.
    """

    terms: int
    expected: Money
    actual: Money
    difference: Money
    bound: Money
    explained: bool

    @property
    def exact(self) -> bool:
        """True when there is no difference at all."""
        return self.difference.is_zero()


def _quantum_yuan(q: Money | Decimal | str, unit: Unit) -> Decimal:
    if isinstance(q, Money):
        return q.yuan
    return to_decimal(q) * unit.factor


def _printed_with_decimals(m: Money) -> bool:
    exp = m.amount.as_tuple().exponent
    return isinstance(exp, int) and exp < 0


def explain_gap(
    terms: Iterable[Money],
    total: Money,
    *,
    quantum: Money | Decimal | str = "0.01",
    total_quantum: Money | Decimal | str | None = None,
) -> Gap:
    """Compare a sum of published figures with a published total, with rounding reasoned.

    Each non-zero term is taken as rounded to ``quantum`` (a ``Money``, or a number in
    the term's own unit); the total to ``total_quantum`` (default: ``quantum``). A zero
    written without decimals (``0``, or a blank cell read as ``Decimal(0)``) is exact:
    nothing was budgeted; ``0.00`` is a rounded figure like any other. The answer is exact
    interval arithmetic: the gap is *explained* when some set of true values rounds to
    every printed figure.

    ```pycon
    >>> w = lambda s: Money(s, "万元")
    >>> g = explain_gap([w("0.84"), w("90.91")], w("91.75"))
    >>> g.explained, g.exact
    (True, True)
    >>> g = explain_gap([w("1.01"), w("2.01"), w("3.01")], w("6.04"))
    >>> g.explained, str(g.difference), str(g.bound)
    (True, '0.01万元', '0.01万元')
    >>> explain_gap([w("1.01"), w("2.01")], w("3.05")).explained
    False
    >>> # 元 in a performance table against 万元 in the project list:
    >>> explain_gap([Money("204400", "元")], w("20.44"), quantum="1", total_quantum="0.01").explained
    True

    ```
    """
    items: Sequence[Money] = list(terms)
    unit = total.unit
    for t in items:
        if t.unit.exponent < unit.exponent:
            unit = t.unit
    tq = _quantum_yuan(quantum, items[0].unit if items else total.unit)
    tot_q = tq if total_quantum is None else _quantum_yuan(total_quantum, total.unit)
    acc = Interval.exact(Decimal(0))
    n = 0
    signs: set[bool] = set()
    total_sum = Decimal(0)
    for t in items:
        y = t.yuan
        total_sum += y
        if y or _printed_with_decimals(t):
            n += 1
            if y:
                signs.add(y > 0)
            acc = acc + Interval.of_rounded(y, tq)
        # a zero written without decimals ("0", or a blank cell) is exact
    rounded_total = bool(total.yuan) or _printed_with_decimals(total)
    tot = Interval.of_rounded(total.yuan, tot_q if rounded_total else Decimal(0))
    if total.yuan:
        signs.add(total.yuan > 0)
    explained = acc.intersects(tot)
    if tq == tot_q:
        bound_yuan = rounding_bound(n, tq, mixed_signs=len(signs) > 1)
    else:
        bound_yuan = n * tq / 2 + (Decimal(0) if tot.lo == tot.hi else tot_q / 2)
    expected = Money.of(total_sum, Unit.YUAN).to(unit)
    actual = total.to(unit)
    return Gap(
        terms=n,
        expected=expected,
        actual=actual,
        difference=actual - expected,
        bound=Money.of(bound_yuan, Unit.YUAN).to(unit),
        explained=explained,
    )
