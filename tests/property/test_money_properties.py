"""Property tests for money: exact conversion and the rounding bound."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import (
    Interval,
    Money,
    Unit,
    explain_gap,
    parse_amount,
    round_half_up,
    rounding_bound,
)

pytestmark = pytest.mark.property

amounts = st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=4,
                      allow_nan=False, allow_infinity=False)
units = st.sampled_from(list(Unit))
Q = Decimal("0.01")


@given(amounts, units, units)
def test_conversion_is_exact_and_reversible(amount: Decimal, a: Unit, b: Unit) -> None:
    """Converting to any unit and back gives the same value, and equality holds across."""
    m = Money(amount, a)
    assert m.to(b) == m
    assert m.to(b).to(a).amount == amount


@given(st.lists(st.decimals(min_value=Decimal(0), max_value=Decimal("1e7"), places=6,
                            allow_nan=False, allow_infinity=False), min_size=1, max_size=40))
def test_bound_holds_for_sums_of_rounded_figures(true_terms: list[Decimal]) -> None:
    """Rounding exact terms and their exact total never opens a gap beyond the bound."""
    published = [round_half_up(t, Q) for t in true_terms]
    total = round_half_up(sum(true_terms, Decimal(0)), Q)
    g = explain_gap([Money(p, Unit.WAN_YUAN) for p in published], Money(total, Unit.WAN_YUAN))
    assert g.explained, (published, total)


@given(st.lists(st.decimals(min_value=Decimal("0"), max_value=Decimal("1e7"), places=6,
                            allow_nan=False, allow_infinity=False), min_size=1, max_size=40))
def test_bound_formula(true_terms: list[Decimal]) -> None:
    """The gap is at most floor(n/2) quanta, n counting every printed figure."""
    published = [round_half_up(t, Q) for t in true_terms]
    total = round_half_up(sum(true_terms, Decimal(0)), Q)
    gap = abs(sum(published, Decimal(0)) - total)
    assert gap <= rounding_bound(len(published), Q)


@given(st.lists(st.decimals(min_value=Decimal("1"), max_value=Decimal("1e6"), places=2,
                            allow_nan=False, allow_infinity=False), min_size=1, max_size=20),
       st.integers(min_value=1, max_value=500))
def test_changed_total_beyond_bound_is_caught(terms: list[Decimal], cents: int) -> None:
    """Moving a consistent total by more than the bound is never called rounding."""
    total = sum(terms, Decimal(0))
    shift = rounding_bound(len(terms), Q) + cents * Q
    g = explain_gap([Money(t, Unit.WAN_YUAN) for t in terms], Money(total + shift, Unit.WAN_YUAN))
    assert not g.explained


@given(st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2,
                   allow_nan=False, allow_infinity=False))
def test_parse_format_round_trip(amount: Decimal) -> None:
    """Formatting with grouping and parsing back gives the same amount."""
    from govbudget import format_money

    text = format_money(Money(amount, Unit.WAN_YUAN))
    assert parse_amount(text.removesuffix("万元")) == amount


_bounds = st.decimals(min_value=-100, max_value=100, places=1, allow_nan=False,
                      allow_infinity=False)


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    a, b = sorted((draw(_bounds), draw(_bounds)))
    closed = (draw(st.booleans()), draw(st.booleans())) if a < b else (True, True)
    return Interval(a, b, *closed)


@given(_intervals(), _intervals(), _bounds)
def test_intersection_is_the_values_in_both(a: Interval, b: Interval, x: Decimal) -> None:
    """`intersection` holds exactly the values both intervals hold, and exists exactly when
    `intersects` says so."""
    both = a.intersection(b)
    assert (both is not None) is a.intersects(b)
    assert (both is not None and both.contains(x)) is (a.contains(x) and b.contains(x))
