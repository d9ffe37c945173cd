"""Figures of narrative facts: the precision a figure was printed with, its interval, its
unit, its label and location (shared by the narrative rules and the rules across documents).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from .._findings import Location
from .._money import Interval, Money, Unit
from .._report import Change, Fact, FactKind
from ._context import Figure

__all__ = ["HUNDRED", "MONEY_UNITS", "factor_of", "figure_interval", "figure_of", "interval_of",
           "is_money", "label_of", "location_of", "pct", "qualifier_of", "quantum_of", "signed",
           "unit_of"]

MONEY_UNITS: Final = frozenset({"元", "万元", "亿元"})
HUNDRED: Final = Decimal(100)



def quantum_of(value: Decimal) -> Decimal:
    """The precision a figure was printed with; a zero printed without decimals is exact."""
    exp = value.as_tuple().exponent
    if not isinstance(exp, int):
        return _Q_ZERO
    if exp < 0:
        q = _QUANTA.get(exp)
        if q is None:
            q = _QUANTA[exp] = Decimal(1).scaleb(exp)
        return q
    return _Q_ZERO if value == 0 else _Q_ONE


# The quanta already built, by exponent (a handful; Decimals are immutable, so they are
# shared).
_QUANTA: dict[int, Decimal] = {}
_Q_ZERO: Final = Decimal(0)
_Q_ONE: Final = Decimal(1)


def interval_of(value: Decimal, quantum: Decimal) -> Interval:
    return Interval.exact(value) if quantum == 0 else Interval.of_rounded(value, quantum)


# The money units a fact may be stated in, by symbol (what `Unit.parse` gives for them).
_UNIT_OF: Final = {u.symbol: u for u in (Unit.YUAN, Unit.WAN_YUAN, Unit.YI_YUAN)}
_FACTOR_OF: Final = {k: u.factor for k, u in _UNIT_OF.items()}


def factor_of(unit: str) -> Decimal:
    f = _FACTOR_OF.get(unit)
    return f if f is not None else _Q_ONE


def unit_of(symbol: str) -> Unit:
    """`Unit.parse`, with the three symbols facts use looked up directly."""
    u = _UNIT_OF.get(symbol)
    return u if u is not None else Unit.parse(symbol)


def is_money(f: Fact) -> bool:
    return f.unit in MONEY_UNITS


def signed(f: Fact) -> Decimal:
    return -f.value if f.direction is Change.DECREASE else f.value


def label_of(f: Fact) -> str:
    return f.subject if not f.qualifier else f"{f.subject}（{f.qualifier}）"


def location_of(f: Fact) -> Location:
    """Where a fact is: its section, its label (subject and qualifier) and its line."""
    return Location.of_fact(f, label_of(f))


def figure_of(f: Fact) -> Figure:
    """A money fact as a :class:`Figure` (a change signed by its direction)."""
    amount = signed(f) if f.kind is FactKind.CHANGE_AMOUNT else f.value
    # The location is built only if a finding needs it.
    return Figure.lazy(Money.of(amount, unit_of(f.unit)), quantum_of(f.value), location_of, f)


def figure_interval(fig: Figure) -> Interval:
    """The true values (in 元) a figure stands for."""
    factor = fig.money.unit.factor
    return interval_of(fig.money.yuan, fig.quantum * factor)


def pct(value: Decimal) -> str:
    return f"{value}%"


def qualifier_of(q: str | None) -> str | None:
    """A qualifier that changes the meaning (当年/本年 do not)."""
    return None if q in (None, "当年", "本年") else q


