"""Tests for govbudget.indicators._quantities: Quantity, Range, Target.admits and the
field helpers."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from govbudget import FloatNotAllowed, Money, Unit
from govbudget.indicators import (
    Comparison,
    IncompatibleUnits,
    Quantity,
    Range,
    parse_target,
)
from govbudget.indicators._model import (
    canonical_decimal,
)

D = Decimal


class TestCanonicalDecimal:
    @pytest.mark.parametrize(
        ("given", "expected"),
        [(D("95.00"), "95"), (D("1E+2"), "100"), (D("-0.0"), "0"), (7, "7"), ("1.50", "1.5"),
         (D("0.0000001"), "1E-7")],
    )  # fmt: skip
    def test_normalises(self, given: object, expected: str) -> None:
        """Trailing zeros and exponents go; the value is unchanged."""
        assert str(canonical_decimal(given)) == expected

    @pytest.mark.parametrize(
        ("given", "error"),
        [(0.5, FloatNotAllowed), (True, TypeError), (D("NaN"), ValueError),
         (D("Infinity"), ValueError), ("1,000", ValueError), (D("1E+5000"), ValueError),
         (None, TypeError)],
    )  # fmt: skip
    def test_refuses(self, given: object, error: type[Exception]) -> None:
        """Floats, bools, non-finite and malformed numbers are refused."""
        with pytest.raises(error):
            canonical_decimal(given)


class TestQuantity:
    def test_constructor_normalises(self) -> None:
        """Value and unit are made canonical on construction."""
        q = Quantity("≥", D("95.0"), "％")
        assert q == Quantity(Comparison.GE, D(95), "%")
        assert str(q) == "≥95%"
        assert str(Quantity(Comparison.LE, D(10), "㎡")) == "≤10平方米"

    def test_small_numbers_print_without_exponent(self) -> None:
        """A tiny value prints as plain digits and reads back."""
        q = Quantity(Comparison.EQ, D("0.0000001"), "%")
        assert str(q) == "0.0000001%"
        assert parse_target(str(q)) == q

    def test_frozen_and_hashable(self) -> None:
        """Targets are immutable and usable as dict keys."""
        q = Quantity(Comparison.GE, D(95), "%")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            q.value = D(1)  # type: ignore[misc]
        assert {q: 1}[Quantity(Comparison.GE, D("95.00"), "%")] == 1

    def test_bad_unit_is_refused(self) -> None:
        """A unit the grammar could not read back is refused."""
        with pytest.raises(ValueError, match="not a unit"):
            Quantity(Comparison.GE, D(1), "平方米以上")

    def test_to_and_as_money(self) -> None:
        """Money converts exactly; non-money cannot become Money."""
        q = Quantity(Comparison.LE, D(50), "万元")
        assert q.to("元") == Quantity(Comparison.LE, D(500000), "元")
        assert q.as_money() == Money("500000", Unit.YUAN)
        assert Quantity(Comparison.EQ, D(3), "千元").as_money() == Money("3000", Unit.YUAN)
        with pytest.raises(IncompatibleUnits):
            Quantity(Comparison.EQ, D(3), "个").as_money()
        with pytest.raises(IncompatibleUnits):
            q.to("个")

    def test_same_value_and_equivalent(self) -> None:
        """same_value ignores the comparison; equivalent needs it equal too."""
        a = Quantity(Comparison.LE, D(50), "万元")
        b = Quantity(Comparison.EQ, D(500000), "元")
        c = Quantity(Comparison.LE, D(500000), "元")
        assert a.same_value(b)
        assert not a.equivalent(b)
        assert a.equivalent(c)
        assert not a.equivalent(Quantity(Comparison.LE, D(50), "个"))
        assert not a.same_value(Quantity(Comparison.LE, D(51), "万元"))

    def test_year_quantity_keeps_equals(self) -> None:
        """An exact whole number of years 1900-2199 prints with '='."""
        assert str(Quantity(Comparison.EQ, D(2024), "年")) == "=2024年"
        assert str(Quantity(Comparison.EQ, D(2024), "年/人")) == "=2024年/人"
        assert str(Quantity(Comparison.EQ, D(3), "年")) == "3年"
        assert str(Quantity(Comparison.GE, D(2024), "年")) == "≥2024年"


class TestRange:
    def test_needs_low_below_high(self) -> None:
        """low must be below high."""
        with pytest.raises(ValueError, match="low < high"):
            Range(D(3), D(3))

    def test_period_shape_is_refused(self) -> None:
        """Two YYYY.MM numbers without a unit are a period, so not a range."""
        with pytest.raises(ValueError, match="period"):
            Range(D("2023.07"), D("2024.01"))
        assert str(Range(D("2023.07"), D("2024.01"), "元")) == "2023.07至2024.01元"

    def test_to_and_admits(self) -> None:
        """A range converts both ends; it admits its ends, in its unit or another."""
        r = Range(D(1), D(2), "万元")
        assert r.to("元") == Range(D(10000), D(20000), "元")
        assert r.admits(D(1))
        assert r.admits(D(2))
        assert not r.admits(D("2.01"))
        assert r.admits(D(15000), "元") and not r.admits(D(25000), "元")
        with pytest.raises(IncompatibleUnits):
            r.admits(D(1), "人")


class TestAdmits:
    """`Quantity.admits`: the one answer to "does a value meet its target"."""

    @pytest.mark.parametrize(("target", "value", "met"), [
        ("≥95%", "95", True), ("≥95%", "94.99", False), (">95%", "95", False),
        ("≤50万元", "50", True), ("≤50万元", "50.01", False), ("<3天", "3", False),
        ("14个", "14", True), ("14个", "13", False), ("约100人", "100", True),
        ("约100人", "99", False),
    ])
    def test_comparisons(self, target: str, value: str, met: bool) -> None:
        """Each comparison, at and beside its number; approximate is exact by default."""
        t = parse_target(target)
        assert isinstance(t, Quantity)
        assert t.admits(D(value)) is met

    def test_units_convert(self) -> None:
        """A value in another unit is converted; no unit on either side is the other's."""
        t = parse_target("≤50万元")
        assert isinstance(t, Quantity)
        assert t.admits(D(500000), "元") and not t.admits(D(500001), "元")
        assert Quantity("≥", D(3)).admits(D(3), "个")
        with pytest.raises(IncompatibleUnits):
            t.admits(D(1), "人")

    def test_tolerance(self) -> None:
        """An approximate target admits values within the tolerance, not beyond."""
        t = parse_target("约100人")
        assert isinstance(t, Quantity)
        assert t.admits(D(90), tolerance=D("0.1")) and not t.admits(D("89.9"), tolerance=D("0.1"))
        exact = parse_target("100人")
        assert isinstance(exact, Quantity)
        assert not exact.admits(D(99), tolerance=D("0.1"))  # only approximate ones
