"""Tests for govbudget._rounding: the rounding model (explain_gap, rounding_bound, Interval)."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import (
    Interval,
    Money,
    Unit,
    explain_gap,
    round_half_up,
    rounding_bound,
)
from govbudget._money import Gap, explain_cells

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


# -- explain_gap without an Interval per term, and explain_cells ---------------------------

def _reference_gap(terms: list[Money], total: Money, quantum: Money | None,
                   total_quantum: Money | None) -> Gap:
    """explain_gap as it was written first: one `Interval` per term, added one by one."""
    unit = total.unit
    for t in terms:
        if t.unit.exponent < unit.exponent:
            unit = t.unit
    tq = quantum.yuan if quantum is not None else Decimal("0.01") * (
        terms[0].unit.factor if terms else total.unit.factor)
    tot_q = tq if total_quantum is None else total_quantum.yuan

    def decimals(m: Money) -> bool:
        exp = m.amount.as_tuple().exponent
        return isinstance(exp, int) and exp < 0

    acc = Interval.exact(Decimal(0))
    n = 0
    signs: set[bool] = set()
    total_sum = Decimal(0)
    for t in terms:
        y = t.yuan
        total_sum += y
        if y or decimals(t):
            n += 1
            if y:
                signs.add(y > 0)
            acc = acc + Interval.of_rounded(y, tq)
    rounded_total = bool(total.yuan) or decimals(total)
    tot = Interval.of_rounded(total.yuan, tot_q if rounded_total else Decimal(0))
    if total.yuan:
        signs.add(total.yuan > 0)
    if tq == tot_q:
        bound = rounding_bound(n, tq, mixed_signs=len(signs) > 1)
    else:
        bound = n * tq / 2 + (Decimal(0) if tot.lo == tot.hi else tot_q / 2)
    expected = Money.of(total_sum, Y).to(unit)
    actual = total.to(unit)
    return Gap(terms=n, expected=expected, actual=actual, difference=actual - expected,
               bound=Money.of(bound, Y).to(unit), explained=acc.intersects(tot))


_units = st.sampled_from([Y, W, Unit.YI_YUAN])
_amounts = st.one_of(
    st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False,
                allow_infinity=False),
    st.integers(min_value=-50, max_value=50).map(Decimal),
    st.sampled_from([Decimal("0"), Decimal("0.00"), Decimal("-0.00"), Decimal("0.0")]))
_quanta = st.one_of(st.none(), st.sampled_from(["0", "1", "0.01", "0.0001"]))


def _gap_fields(g: Gap) -> tuple[object, ...]:
    # Decimals compared with their exponent too: a message prints them as they are
    return tuple(str(x) if isinstance(x, Money) else x for x in
                 (g.terms, g.expected, g.actual, g.difference, g.bound, g.explained))


@given(st.lists(st.tuples(_amounts, _units), max_size=8), _amounts, _units, _quanta, _quanta)
def test_explain_gap_is_the_interval_sum_of_its_terms(terms, total, total_unit, q,
                                                      tq) -> None:  # type: ignore[no-untyped-def]
    """The bound-by-bound sum gives what adding one `Interval` per term gives: same
    terms counted, same figures to the last printed digit, same verdict."""
    items = [Money.of(a, u) for a, u in terms]
    tot = Money.of(total, total_unit)
    quantum = None if q is None else Money.of(Decimal(q), items[0].unit if items else total_unit)
    total_q = None if tq is None else Money.of(Decimal(tq), total_unit)
    kwargs: dict[str, Money] = {}
    if quantum is not None:
        kwargs["quantum"] = quantum
    if total_q is not None:
        kwargs["total_quantum"] = total_q
    got = explain_gap(items, tot, **kwargs)
    assert _gap_fields(got) == _gap_fields(_reference_gap(items, tot, quantum, total_q))


@given(st.lists(_amounts, max_size=8), _units, _amounts, _units, _quanta, _quanta)
def test_explain_cells_is_explain_gap_of_one_unit(amounts, unit, total, total_unit, q,
                                                  tq) -> None:  # type: ignore[no-untyped-def]
    """Cells of one unit given as amounts: the answer of `explain_gap` on their `Money`."""
    tot = Money.of(total, total_unit)
    kwargs: dict[str, Decimal] = {}
    if q is not None:
        kwargs["quantum"] = Decimal(q)
    if tq is not None:
        kwargs["total_quantum"] = Decimal(tq)
    got = explain_cells(amounts, unit, tot, **kwargs)
    want = explain_gap([Money.of(a, unit) for a in amounts], tot, **kwargs)
    assert _gap_fields(got) == _gap_fields(want)


@pytest.mark.parametrize("unit", [Y, W])
@pytest.mark.parametrize("q", ["1", "0.01"])
def test_explain_gap_at_the_edges_of_rounding(unit: Unit, q: str) -> None:
    """Every list of up to two small terms against totals off by whole or half quanta,
    up to and past the bound, rounded or exact: where the open and closed ends of the
    terms' intervals decide the verdict, it is the one of adding an `Interval` per term."""
    quantum = Decimal(q)
    qm = Money.of(quantum, unit)
    for size in range(3):
        for units in itertools.product(range(-2, 3), repeat=size):
            for halves in range(-8, 9):
                tot = Money.of(sum(units) * quantum + halves * quantum / 2, unit)
                for total_q in (Decimal(0), quantum):
                    items = [Money.of(k * quantum, unit) for k in units]
                    got = explain_gap(items, tot, quantum=quantum, total_quantum=total_q)
                    want = _reference_gap(items, tot, qm, Money.of(total_q, unit))
                    assert _gap_fields(got) == _gap_fields(want), (units, halves, total_q)
                    cells = explain_cells([k * quantum for k in units], unit, tot,
                                          quantum=quantum, total_quantum=total_q)
                    assert _gap_fields(cells) == _gap_fields(got)
