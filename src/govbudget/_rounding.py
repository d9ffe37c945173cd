"""The rounding model: what a printed (rounded) figure stands for, and which gaps between
rounded figures rounding can produce.

Published figures are rounded (四舍五入) to a *quantum* such as 0.01 万元. A figure
printed as ``2599.99`` 万元 stands for any true amount in ``[2599.985, 2599.995)``
(`Interval`); a sum of *n* rounded terms can therefore miss its own rounded total.
`explain_gap` says whether a gap is one rounding can produce, and `rounding_bound` gives
the largest such gap, so that no check needs a magic tolerance.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal

from attrs import frozen

from ._amount import Money, Unit, to_decimal

__all__ = ["Gap", "Interval", "explain_cells", "explain_gap", "rounding_bound"]


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
    return _decimals(m.amount)


def _decimals(amount: Decimal) -> bool:
    exp = amount.as_tuple().exponent
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
    return _gap([(t.yuan, t.amount) for t in items], total, unit, tq, tot_q)


def explain_cells(
    amounts: Sequence[Decimal],
    unit: Unit,
    total: Money,
    *,
    quantum: Money | Decimal | str = "0.01",
    total_quantum: Money | Decimal | str | None = None,
) -> Gap:
    """`explain_gap` of figures printed in one unit, given as their amounts: the same
    answer as ``explain_gap([Money.of(a, unit) for a in amounts], total, …)``, without a
    `Money` per figure (a column of a big table). The amounts are finite ``Decimal`` s
    (what `Money.of` takes as it is).

    ```pycon
    >>> cells = [Decimal("1.01"), Decimal("2.01"), Decimal("3.01")]
    >>> g = explain_cells(cells, Unit.WAN_YUAN, Money("6.04", "万元"))
    >>> g == explain_gap([Money.of(a, Unit.WAN_YUAN) for a in cells], Money("6.04", "万元"))
    True

    ```
    """
    low = unit if unit.exponent < total.unit.exponent else total.unit
    tq = _quantum_yuan(quantum, unit if amounts else total.unit)
    tot_q = tq if total_quantum is None else _quantum_yuan(total_quantum, total.unit)
    factor = unit.factor
    return _gap([(a * factor, a) for a in amounts], total, low if amounts else total.unit,
                tq, tot_q)


def _gap(items: Sequence[tuple[Decimal, Decimal]], total: Money, unit: Unit, tq: Decimal,
         tot_q: Decimal) -> Gap:
    """The `Gap` of terms given as (amount in 元, amount as printed), against ``total``,
    reported in ``unit``; ``tq`` and ``tot_q`` are the quanta in 元 of the terms and of the
    total. The sum of the terms' intervals is added bound by bound, with exactly the
    arithmetic of ``Interval.of_rounded`` and ``Interval.__add__`` (the same sums in the
    same order), without an `Interval` per term."""
    n = 0
    signs: set[bool] = set()
    total_sum = Decimal(0)
    lo = hi = Decimal(0)  # the sum of the counted terms' intervals, from Interval.exact(0)
    lo_closed = hi_closed = True
    half = tq / 2 if tq != 0 else None
    for y, amount in items:
        total_sum += y
        if y or _decimals(amount):
            n += 1
            if half is None:  # Interval.exact(y)
                lo += y
                hi += y
                if y:
                    signs.add(y > 0)
                continue
            lo += y - half
            hi += y + half
            if y > 0:
                signs.add(True)
                hi_closed = False
            elif y < 0:
                signs.add(False)
                lo_closed = False
            else:
                lo_closed = hi_closed = False
        # a zero written without decimals ("0", or a blank cell) is exact
    acc = Interval(lo, hi, lo_closed, hi_closed)
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
