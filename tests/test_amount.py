"""Tests for govbudget._amount: exact amounts with their unit, parsing and formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget import (
    AmountError,
    FloatNotAllowed,
    GovBudgetError,
    Money,
    Unit,
    UnitError,
    format_money,
    parse_amount,
    parse_money,
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
