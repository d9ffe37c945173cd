"""Tests for govbudget._rounding: the rounding model (explain_gap, rounding_bound, Interval)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget import (
    Interval,
    Money,
    Unit,
    explain_gap,
    round_half_up,
    rounding_bound,
)

W = Unit.WAN_YUAN
Y = Unit.YUAN


def w(s: str) -> Money:
    return Money(s, W)


class TestRounding:
    def test_round_half_up(self) -> None:
        """Halves go away from zero."""
        assert round_half_up(Decimal("0.005"), Decimal("0.01")) == Decimal("0.01")
        assert round_half_up(Decimal("0.0049"), Decimal("0.01")) == Decimal("0.00")

    @pytest.mark.parametrize(("n", "bound"), [(0, "0"), (1, "0"), (2, "0.01"), (3, "0.01"),
                                              (4, "0.02"), (5, "0.02"), (13, "0.06")])
    def test_bound(self, n: int, bound: str) -> None:
        """The bound is floor(n/2) quanta for same-sign figures."""
        assert rounding_bound(n, "0.01") == Decimal(bound)

    def test_bound_mixed(self) -> None:
        """With mixed signs the bound is floor((n+1)/2) quanta."""
        assert rounding_bound(1, "0.01", mixed_signs=True) == Decimal("0.01")
        with pytest.raises(ValueError, match="terms"):
            rounding_bound(-1, "0.01")

    def test_gap_exact(self) -> None:
        """A sum that matches is exact and explained."""
        g = explain_gap([w("0.84"), w("90.91")], w("91.75"))
        assert g.exact and g.explained and g.terms == 2

    def test_gap_rounding(self) -> None:
        """A one-cent gap over three terms is rounding."""
        g = explain_gap([w("1.01"), w("2.01"), w("3.01")], w("6.04"))
        assert g.explained and not g.exact
        assert g.difference == w("0.01")

    def test_gap_single_term(self) -> None:
        """A single term must equal its total exactly: 0.01 off is not rounding."""
        assert not explain_gap([w("2599.98")], w("2599.99")).explained

    def test_gap_real_error(self) -> None:
        """A gap beyond the bound is not explained, and says its size."""
        g = explain_gap([w("1244.24"), w("210.60")], w("1495.28"))
        assert not g.explained
        assert g.difference == w("40.44")

    def test_zero_terms_exact(self) -> None:
        """Zeros written without decimals are exact: they do not widen the bound."""
        g = explain_gap([w("1.00"), w("0"), w("0")], w("1.00"))
        assert g.terms == 1 and g.bound == w("0")

    def test_printed_zero_is_rounded(self) -> None:
        """0.00 may hide up to half a cent, so three of them can make 0.01."""
        g = explain_gap([w("0.00"), w("0.00"), w("0.00")], w("0.01"))
        assert g.terms == 3 and g.explained
        assert not explain_gap([w("0"), w("0"), w("0")], w("0.01")).explained

    def test_mixed_quanta(self) -> None:
        """元 figures against a 万元 total use each side's own quantum."""
        ok = explain_gap([Money("204400", Y)], w("20.44"), quantum="1", total_quantum="0.01")
        assert ok.explained
        near = explain_gap([Money("204449", Y)], w("20.44"), quantum="1", total_quantum="0.01")
        assert near.explained
        off = explain_gap([Money("204460", Y)], w("20.44"), quantum="1", total_quantum="0.01")
        assert not off.explained

    def test_money_quantum(self) -> None:
        """A quantum may be given as Money."""
        g = explain_gap([w("1"), w("2")], w("3.01"), quantum=Money("0.01", W))
        assert g.explained


class TestInterval:
    def test_of_rounded_positive(self) -> None:
        """A positive figure covers [x-q/2, x+q/2)."""
        i = Interval.of_rounded(Decimal("1.23"), Decimal("0.01"))
        assert i.contains(Decimal("1.225")) and not i.contains(Decimal("1.235"))

    def test_of_rounded_negative_and_zero(self) -> None:
        """Negative figures are open below; zero is open at both ends."""
        neg = Interval.of_rounded(Decimal("-1"), Decimal("1"))
        assert neg.contains(Decimal("-0.5")) and not neg.contains(Decimal("-1.5"))
        zero = Interval.of_rounded(Decimal("0"), Decimal("1"))
        assert not zero.contains(Decimal("0.5")) and not zero.contains(Decimal("-0.5"))

    def test_exact(self) -> None:
        """A zero quantum gives a point."""
        assert Interval.of_rounded(Decimal("2"), Decimal(0)) == Interval.exact(Decimal("2"))

    def test_intersects_edges(self) -> None:
        """Touching half-open intervals do not intersect; closed ones do."""
        a = Interval(Decimal(0), Decimal(1), True, False)
        b = Interval(Decimal(1), Decimal(2), True, False)
        assert not a.intersects(b)
        c = Interval(Decimal(0), Decimal(1), True, True)
        assert c.intersects(b) and b.intersects(c)

    def test_arithmetic(self) -> None:
        """Sums, negation, scaling and division are interval arithmetic."""
        a = Interval.exact(Decimal(2))
        assert (a - a) == Interval.exact(Decimal(0))
        assert a.scaled(Decimal(3)) == Interval.exact(Decimal(6))
        q = Interval(Decimal(1), Decimal(2)).divided_by(Interval(Decimal(4), Decimal(5)))
        assert q.lo == Decimal("0.2") and q.hi == Decimal("0.5")
        with pytest.raises(ValueError, match="positive"):
            a.scaled(Decimal(0))
        with pytest.raises(ValueError, match="b > 0"):
            a.divided_by(Interval.exact(Decimal(0)))
