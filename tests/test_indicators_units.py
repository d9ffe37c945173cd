"""Tests for govbudget.indicators._units: unit spelling, dimensions and conversion."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import GovBudgetError, Money, Unit, UnitError
from govbudget.indicators import IncompatibleUnits, canonical_unit, convert, units_compatible
from govbudget.indicators._units import (
    conversion_factor,
    is_money_unit,
    strip_zeros,
    to_money,
    unit_dimension,
)

D = Decimal


class TestCanonicalUnit:
    @pytest.mark.parametrize(
        ("given", "expected"),
        [("", ""), ("%", "%"), ("％", "%"), ("㎡", "平方米"), ("m2", "平方米"), ("m²", "平方米"),
         ("平米", "平方米"), ("日", "天"), ("月", "个月"), ("月份", "个月"), ("千米", "公里"),
         ("km", "公里"), ("百分比", "%"), ("元/人·日", "元/人/天"), ("元／人", "元/人"),
         ("套", "套"), ("把", "把"), ("人次", "人次"), ("M", "M"), ("次/年", "次/年"),
         ("年度", "年"), ("百分点", "个百分点")],
    )  # fmt: skip
    def test_spellings(self, given: str, expected: str) -> None:
        """Spellings with one meaning share one canonical spelling; others are kept."""
        assert canonical_unit(given) == expected

    @pytest.mark.parametrize(
        "bad", ["平方米以上", "五个字的词", "3个", "月度", "元/", "/人", "左右", "前", "a b"]
    )
    def test_refused(self, bad: str) -> None:
        """Text the grammar cannot read as a unit is refused with UnitError."""
        with pytest.raises(UnitError):
            canonical_unit(bad)

    def test_non_str_is_refused(self) -> None:
        """A unit must be text."""
        with pytest.raises(UnitError):
            canonical_unit(5)  # type: ignore[arg-type]


class TestDimensions:
    @pytest.mark.parametrize(
        ("a", "b", "compatible"),
        [("万元", "元", True), ("亿元", "千元", True), ("%", "‰", True), ("个", "套", False),
         ("%", "", False), ("元/人/天", "万元/人/天", True), ("元/人/天", "元/天/人", True),
         ("元/人", "元/人/天", False), ("分钟", "小时", True), ("天", "个月", False),
         ("年", "季度", True), ("万人次", "人次", True), ("万", "", True), ("人", "人次", False),
         ("平方米", "公顷", True), ("吨", "千克", True)],
    )  # fmt: skip
    def test_compatibility(self, a: str, b: str, compatible: bool) -> None:
        """Units convert only within a dimension; counting words never convert."""
        assert units_compatible(a, b) is compatible
        assert units_compatible(b, a) is compatible

    def test_dimension_and_factor(self) -> None:
        """A compound unit's factor divides by its denominators."""
        assert unit_dimension("万元/人") == (("money", ("人",)), Fraction(10000))
        assert unit_dimension("元/小时")[1] == Fraction(1, 3600)
        assert unit_dimension("")[0] == ("", ())

    def test_money_units(self) -> None:
        """Only single money units are money."""
        assert is_money_unit("万元")
        assert is_money_unit("千元")
        assert not is_money_unit("元/人")
        assert not is_money_unit("%")


class TestConvert:
    @pytest.mark.parametrize(
        ("value", "a", "b", "expected"),
        [("50", "万元", "元", "500000"), ("255.6", "万元", "元", "2556000"),
         ("500000", "元", "万元", "50"), ("1", "亿元", "万元", "10000"), ("95", "%", "‰", "950"),
         ("90", "分钟", "小时", "1.5"), ("2", "年", "个月", "24"), ("1.5", "万人次", "人次", "15000"),
         ("3", "个", "个", "3")],
    )  # fmt: skip
    def test_exact(self, value: str, a: str, b: str, expected: str) -> None:
        """Conversions by powers of ten are exact, without trailing zeros."""
        assert str(convert(D(value), a, b)) == expected

    def test_inexact_division_rounds(self) -> None:
        """A conversion with no finite decimal is rounded, not refused."""
        assert convert(D(7), "分钟", "小时").as_tuple().exponent < -20

    def test_incompatible(self) -> None:
        """个 and 套 do not convert; the error names both units."""
        with pytest.raises(IncompatibleUnits) as info:
            convert(D(1), "个", "套")
        assert (info.value.expected, info.value.actual) == ("套", "个")
        assert isinstance(info.value, UnitError)
        assert isinstance(info.value, GovBudgetError)
        assert isinstance(info.value, ValueError)
        with pytest.raises(IncompatibleUnits):
            conversion_factor("%", "元")

    def test_to_money(self) -> None:
        """Money units become Money; 千元 becomes 元; others are refused."""
        assert to_money(D(50), "万元") == Money("50", Unit.WAN_YUAN)
        assert to_money(D(3), "千元") == Money("3000", Unit.YUAN)
        with pytest.raises(IncompatibleUnits):
            to_money(D(3), "套")


class TestStripZeros:
    @pytest.mark.parametrize(
        ("given", "expected"),
        [("95.000", "95"), ("1E+2", "100"), ("-0.0", "0"), ("0.50", "0.5"), ("100.00", "100"),
         ("0.00", "0"), ("12345678901234567890123456789012.10", "12345678901234567890123456789012.1")],
    )  # fmt: skip
    def test_exact(self, given: str, expected: str) -> None:
        """Trailing zeros go without rounding, even past the context precision."""
        assert str(strip_zeros(D(given))) == expected
        assert strip_zeros(D(given)) == D(given)


_UNIT_PIECES = ["元", "人", "天", "以", "上", "内", "左右", "/", "·", "㎡", "m", "²", "3", "2", "k", "%",
                "‰", "月", "A", "xxxxxx", "\u4dc0", "\uf900", "\u3400", "ｍ", " ", "至", "1"]


@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=8).map("".join))
def test_unit_text_test_is_the_unit_pattern(text: str) -> None:
    import re

    from govbudget.indicators._units import UNIT_PATTERN, _is_unit_text

    assert _is_unit_text(text) is bool(re.fullmatch(UNIT_PATTERN, text, re.ASCII))
