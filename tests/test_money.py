"""Tests for govbudget._money: Money, units, parsing, formatting and rounding."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget import (
    AmountError,
    FloatNotAllowed,
    GovBudgetError,
    Interval,
    Money,
    Unit,
    UnitError,
    explain_gap,
    format_money,
    parse_amount,
    parse_money,
    round_half_up,
    rounding_bound,
    to_decimal,
)

W = Unit.WAN_YUAN
Y = Unit.YUAN


def w(s: str) -> Money:
    return Money(s, W)


class TestParseAmount:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2,599.99", "2599.99"),
            ("500,000", "500000"),
            ("0.84", "0.84"),
            ("-465.54", "-465.54"),
            ("２，５９９．９９", "2599.99"),
            ("－3", "-3"),
            ("−3.5", "-3.5"),
            (" 1 234 ", "1234"),
            ("1,234,567.00", "1234567.00"),
            ("463.00", "463.00"),
        ],
    )
    def test_spellings(self, text: str, expected: str) -> None:
        """Spellings found in reports read to the exact Decimal, keeping printed decimals."""
        got = parse_amount(text)
        assert got == Decimal(expected)
        assert str(got) == expected

    @pytest.mark.parametrize("text", ["500,00", "1,23,456", "", "12a", "1.2.3", "--1", "万元", ","])
    def test_refused(self, text: str) -> None:
        """Bad grouping (a PDF line break inside a number) and junk are refused."""
        with pytest.raises(AmountError) as info:
            parse_amount(text)
        assert info.value.text == text
        assert isinstance(info.value, ValueError)

    def test_not_a_string(self) -> None:
        """A non-string is a TypeError, not a silent conversion."""
        with pytest.raises(TypeError):
            parse_amount(12)  # type: ignore[arg-type]


class TestToDecimal:
    def test_float_refused(self) -> None:
        """Floats are refused with a clear message suggesting a Decimal."""
        with pytest.raises(FloatNotAllowed, match=r"Decimal\('0.1'\)"):
            to_decimal(0.1)

    @pytest.mark.parametrize("value", [True, None, [1], Decimal("NaN"), Decimal("Infinity")])
    def test_other_refused(self, value: object) -> None:
        """Booleans, None, containers and non-finite Decimals are refused."""
        with pytest.raises((TypeError, AmountError)):
            to_decimal(value)

    def test_accepts(self) -> None:
        """int, str and Decimal are accepted exactly."""
        assert to_decimal(3) == Decimal(3)
        assert to_decimal("1,000") == Decimal(1000)
        assert to_decimal(Decimal("0.10")) == Decimal("0.10")


class TestUnit:
    def test_factors(self) -> None:
        """Each unit's factor is its power of ten in 元."""
        assert [u.factor for u in Unit] == [Decimal(1), Decimal(10000), Decimal(10**8)]

    @pytest.mark.parametrize(("text", "unit"), [("元", Y), ("万元", W), (" 亿元 ", Unit.YI_YUAN),
                                                ("yuan", Y), ("万", W)])
    def test_parse(self, text: str, unit: Unit) -> None:
        """Units are read from their symbols and names."""
        assert Unit.parse(text) is unit

    def test_parse_unknown(self) -> None:
        """An unknown unit is a UnitError naming the accepted ones."""
        with pytest.raises(UnitError, match="元, 万元, 亿元"):
            Unit.parse("美元")


class TestMoney:
    def test_conversion_exact(self) -> None:
        """Conversion keeps every digit, both ways."""
        m = w("2599.99")
        assert m.to(Y).amount == Decimal("25999900.00")
        assert m.to(Y).to(W).amount == Decimal("2599.99")
        assert Money("204400", Y).to(W).amount == Decimal("20.44")
        assert Money("1", Y).to(Unit.YI_YUAN).amount == Decimal("1E-8")

    def test_equality_across_units(self) -> None:
        """Equal values in different units are equal and hash alike."""
        assert w("1") == Money("10000", Y)
        assert hash(w("1")) == hash(Money("10000.00", Y))
        assert w("1") != Money("10001", Y)
        assert len({w("1"), Money("10000", Y)}) == 1

    def test_ordering(self) -> None:
        """Ordering compares values, not units."""
        assert Money("9999", Y) < w("1") <= Money("10000", Y) < Money("1", Unit.YI_YUAN)
        assert w("2") > w("1") >= w("1")

    def test_arithmetic(self) -> None:
        """Sums across units come out in the finer unit; sum() works."""
        assert (w("1.5") + Money("500", Y)) == Money("15500", Y)
        assert (w("1.5") + Money("500", Y)).unit is Y
        assert (w("3") - w("1.25")).amount == Decimal("1.75")
        assert sum([w("1"), w("2")]) == w("3")
        assert -w("1") == w("-1")
        assert abs(w("-2")) == w("2")
        assert w("2") * 3 == w("6")
        assert Decimal("0.5") * w("2") == w("1")

    def test_float_in_arithmetic(self) -> None:
        """Multiplying by a float is refused."""
        with pytest.raises(FloatNotAllowed):
            w("1") * 0.5

    def test_no_mixing_with_numbers(self) -> None:
        """Adding a bare number is a TypeError: units are never implied."""
        with pytest.raises(TypeError):
            w("1") + 1  # type: ignore[operator]

    def test_ratio(self) -> None:
        """ratio() divides values across units; a zero base raises."""
        assert w("1").ratio(Money("5000", Y)) == Decimal(2)
        with pytest.raises(ZeroDivisionError):
            w("1").ratio(w("0"))

    def test_text(self) -> None:
        """str/repr/format show the unit."""
        assert str(w("2599.99")) == "2599.99万元"
        assert repr(w("1")) == "Money('1', Unit.WAN_YUAN)"
        assert f"{w('1'):.2f}" == "1.00万元"

    def test_rounded(self) -> None:
        """rounded() rounds half away from zero, like 四舍五入."""
        assert Money("1234.565", W).rounded() == w("1234.57")
        assert Money("-0.125", W).rounded().amount == Decimal("-0.13")

    def test_unit_must_be_known(self) -> None:
        """A Money needs a real unit."""
        with pytest.raises(UnitError):
            Money("1", "dollars")
        with pytest.raises(UnitError):
            Money("1", 3)  # type: ignore[arg-type]


class TestParseMoney:
    def test_with_unit(self) -> None:
        """The unit in the text is used."""
        assert parse_money("2,599.99万元") == w("2599.99")
        assert Money.from_text("10元") == Money("10", Y)

    def test_given_unit(self) -> None:
        """A bare number needs unit=; a conflicting unit is refused."""
        assert parse_money("500,000", unit="元") == Money("500000", Y)
        with pytest.raises(UnitError):
            parse_money("500,000")
        with pytest.raises(UnitError):
            parse_money("5万元", unit="元")
        with pytest.raises(GovBudgetError):
            parse_money("万元")


class TestFormatMoney:
    def test_zh(self) -> None:
        """zh_CN: grouping and the unit symbol, no space."""
        assert format_money(w("2599.99")) == "2,599.99万元"
        assert format_money(Money("-465.5", W)) == "-465.50万元"

    def test_en(self) -> None:
        """en: grouping and the English unit name."""
        assert format_money(w("2599.99"), locale="en") == "2,599.99 10,000 yuan"
        assert format_money(Money("12", Y), locale="en", places=0) == "12 yuan"

    def test_places_and_unit(self) -> None:
        """places=None keeps the amount's decimals; unit= converts first."""
        assert format_money(Money("1234.5678", Y), places=None) == "1,234.5678元"
        assert format_money(Money("500000", Y), unit=W) == "50.00万元"


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
