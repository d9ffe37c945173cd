"""Tests for govbudget.indicators._model: the target classes."""

from __future__ import annotations

import datetime
from decimal import Decimal

import attrs
import cattrs
import pytest
from cattrs.strategies import configure_tagged_union

from govbudget import FloatNotAllowed, IndicatorSyntaxError, Money, Unit
from govbudget.indicators import (
    TARGET_TYPES,
    Band,
    Comparison,
    Direction,
    Frequency,
    FrequencyUnit,
    Grade,
    IncompatibleUnits,
    Part,
    Period,
    Polarity,
    Qualitative,
    Quantity,
    Range,
    Relation,
    Target,
    TimePoint,
    Unparsed,
    parse_target,
)
from govbudget.indicators._model import (
    canonical_decimal,
    normalise_text,
    period_problem,
    time_point_problem,
)

D = Decimal


class TestComparison:
    def test_prefixes_and_directions(self) -> None:
        """Each comparison has its canonical prefix and direction."""
        assert [c.prefix for c in Comparison] == ["≥", "≤", ">", "<", "", "≈"]
        assert Comparison.GE.direction is Direction.POSITIVE
        assert Comparison.GT.direction is Direction.POSITIVE
        assert Comparison.LE.direction is Direction.REVERSE
        assert Comparison.LT.direction is Direction.REVERSE
        assert Comparison.EQ.direction is Direction.EXACT
        assert Comparison.APPROX.direction is Direction.APPROXIMATE

    def test_words(self) -> None:
        """English and Chinese words exist for every comparison and differ."""
        assert len({c.english for c in Comparison}) == 6
        assert len({c.chinese for c in Comparison}) == 6


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


class TestTimePoint:
    @pytest.mark.parametrize(
        ("fields", "reason"),
        [({"month": 13}, "month must be 1-12"), ({"year": 1800}, "year must be"),
         ({}, "needs a year"), ({"year": 2024, "day": 3}, "day needs a month"),
         ({"month": 2, "day": 30}, "day must be 1-29"),
         ({"month": 6, "day": 1, "part": Part.END}, "cannot both"),
         ({"month": 6, "part": Part.START}, "not a part of a month"),
         ({"part": Part.LAST_TEN}, "not a part of a year"),
         ({"month": True}, "must be an int")],
    )  # fmt: skip
    def test_invalid(self, fields: dict[str, object], reason: str) -> None:
        """Impossible fields are refused with a reason."""
        with pytest.raises(ValueError, match=reason):
            TimePoint(**fields)  # type: ignore[arg-type]
        assert time_point_problem(
            fields.get("year"),
            fields.get("month"),
            fields.get("day"),
            fields.get("part"),  # type: ignore[arg-type]
        )

    def test_relation_must_be_a_relation(self) -> None:
        """A relation given as text is refused."""
        with pytest.raises(TypeError):
            TimePoint(month=3, relation="by")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("point", "text"),
        [(TimePoint(month=3), "3月"), (TimePoint(2024, 6, part=Part.END), "2024年6月底"),
         (TimePoint(2024, 12, part=Part.END, relation=Relation.BY), "2024年12月底前"),
         (TimePoint(part=Part.END, relation=Relation.BY), "年底前"),
         (TimePoint(2024, part=Part.START), "2024年初"), (TimePoint(2024), "2024年"),
         (TimePoint(month=12, day=31, relation=Relation.BY), "12月31日前"),
         (TimePoint(month=6, relation=Relation.AFTER), "6月后")],
    )  # fmt: skip
    def test_str_round_trips(self, point: TimePoint, text: str) -> None:
        """str() is canonical and reads back equal."""
        assert str(point) == text
        assert parse_target(text) == point

    def test_windows(self) -> None:
        """Each time covers the days it names."""
        d = datetime.date
        assert TimePoint(2024, 2).window() == (d(2024, 2, 1), d(2024, 2, 29))
        assert TimePoint(month=3, part=Part.LAST_TWENTY).window(2023) == (
            d(2023, 3, 11),
            d(2023, 3, 31),
        )
        assert TimePoint(2024, part=Part.END).window() == (d(2024, 12, 1), d(2024, 12, 31))
        assert TimePoint(2024, part=Part.START).window() == (d(2024, 1, 1), d(2024, 1, 31))
        assert TimePoint(2024).window() == (d(2024, 1, 1), d(2024, 12, 31))
        assert TimePoint(2024, 6, 30).window() == (d(2024, 6, 30), d(2024, 6, 30))
        assert TimePoint(2024, 6, part=Part.FIRST_TEN).window()[1] == d(2024, 6, 10)

    def test_deadline_style(self) -> None:
        """前 and 底 are deadlines; a plain month is not."""
        assert TimePoint(month=6, relation=Relation.BY).is_deadline
        assert TimePoint(2024, 6, part=Part.END).is_deadline
        assert not TimePoint(month=3).is_deadline
        assert not TimePoint(month=6, relation=Relation.AFTER).is_deadline


class TestPeriod:
    def test_invalid(self) -> None:
        """Backwards periods, mixed years and relations are refused."""
        with pytest.raises(ValueError, match="forwards"):
            Period(TimePoint(month=7), TimePoint(month=6))
        with pytest.raises(ValueError, match="both have a year"):
            Period(TimePoint(2024, 6), TimePoint(month=7))
        with pytest.raises(ValueError, match="前 or 后"):
            Period(TimePoint(month=6, relation=Relation.BY), TimePoint(month=7))
        assert period_problem("6月", TimePoint(month=7)) is not None

    def test_str_compacts_the_same_year(self) -> None:
        """The end's year is dropped when it is the start's, and read back."""
        p = Period(TimePoint(2024, 3), TimePoint(2024, 8))
        assert str(p) == "2024年3月至8月"
        assert parse_target(str(p)) == p
        q = Period(TimePoint(2023, 7), TimePoint(2024, 1))
        assert str(q) == "2023年7月至2024年1月"
        y = Period(TimePoint(2023), TimePoint(2024))
        assert parse_target(str(y)) == y

    def test_window(self) -> None:
        """A period covers its start's first day to its end's last day."""
        p = Period(TimePoint(month=6), TimePoint(month=7))
        assert p.window(2024) == (datetime.date(2024, 6, 1), datetime.date(2024, 7, 31))


class TestFrequency:
    def test_must_be_reduced(self) -> None:
        """The constructor refuses unreduced rates; of() reduces them."""
        with pytest.raises(ValueError, match="not reduced"):
            Frequency(12, FrequencyUnit.MONTH, 2)
        assert Frequency.of(12, FrequencyUnit.MONTH, 2) == Frequency(6, FrequencyUnit.MONTH)
        assert Frequency.of(14, FrequencyUnit.DAY, 2) == Frequency(7, FrequencyUnit.DAY)

    @pytest.mark.parametrize(
        ("fields", "error"),
        [((0, FrequencyUnit.DAY, 1), ValueError), ((1, FrequencyUnit.DAY, 0), ValueError),
         ((True, FrequencyUnit.DAY, 1), TypeError), ((1, "day", 1), TypeError),
         ((10**7, FrequencyUnit.DAY, 1), ValueError)],
    )  # fmt: skip
    def test_invalid(self, fields: tuple[object, object, object], error: type[Exception]) -> None:
        """Non-positive, non-int or huge fields are refused."""
        with pytest.raises(error):
            Frequency(*fields)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("freq", "text"),
        [(Frequency(1, FrequencyUnit.MONTH), "每月"), (Frequency(5, FrequencyUnit.MONTH), "每5月"),
         (Frequency(24, FrequencyUnit.MONTH), "每2年"), (Frequency(3, FrequencyUnit.DAY), "每3天"),
         (Frequency(21, FrequencyUnit.DAY), "每3周"), (Frequency(1, FrequencyUnit.DAY, 3), "每天3次")],
    )  # fmt: skip
    def test_str_round_trips(self, freq: Frequency, text: str) -> None:
        """str() is canonical and reads back equal."""
        assert str(freq) == text
        assert parse_target(text) == freq

    def test_per_year(self) -> None:
        """Occurrences per year count months as 1/12 and days as 1/365 of a year."""
        assert Frequency(2, FrequencyUnit.MONTH).per_year == 6
        assert Frequency(7, FrequencyUnit.DAY).per_year == D(365) / 7


class TestQualitative:
    def test_normalises_text(self) -> None:
        """Spaces next to Chinese go; full-width letters become ASCII."""
        assert Qualitative(" 有效 展示 ").text == "有效展示"
        assert normalise_text("ＩＳＯ  9001 认证") == "ISO 9001认证"

    @pytest.mark.parametrize("text", ["", "95%", "3月", "每月", "≥", "满意度≥95%", "每0月"])
    def test_refuses_non_text(self, text: str) -> None:
        """Text that reads as something else, or is an error, is not qualitative."""
        with pytest.raises(ValueError):  # noqa: PT011
            Qualitative(text)

    @pytest.mark.parametrize(
        ("text", "grade"),
        [("优", Grade.EXCELLENT), ("优秀", Grade.EXCELLENT), ("良", Grade.GOOD),
         ("优良", Grade.GOOD_OR_BETTER), ("中", Grade.FAIR), ("合格", Grade.PASS),
         ("差", Grade.POOR), ("不合格", Grade.FAIL), ("及时", None)],
    )  # fmt: skip
    def test_grade(self, text: str, grade: Grade | None) -> None:
        """Grade words are recognised exactly."""
        assert Qualitative(text).grade is grade

    @pytest.mark.parametrize(
        ("text", "band"),
        [("达成年度指标", Band.ACHIEVED), ("达成预期指标", Band.ACHIEVED),
         ("部分达成预期指标并具有一定效果", Band.PARTLY_ACHIEVED),
         ("未达成预期指标且效果较差", Band.NOT_ACHIEVED), ("按期完成", Band.ACHIEVED),
         ("及时", None)],
    )  # fmt: skip
    def test_band(self, text: str, band: Band | None) -> None:
        """Achievement statements are placed in their band."""
        assert Qualitative(text).band is band

    @pytest.mark.parametrize(
        ("text", "polarity"),
        [("提高", Polarity.INCREASE), ("进一步有效增强", Polarity.INCREASE),
         ("优化", Polarity.INCREASE), ("巩固提高", Polarity.INCREASE),
         ("降低成本", Polarity.DECREASE), ("保障", Polarity.MAINTAIN), ("确保", Polarity.MAINTAIN),
         ("及时", Polarity.MAINTAIN), ("弥补", Polarity.MAINTAIN), ("有效展示", None)],
    )  # fmt: skip
    def test_polarity(self, text: str, polarity: Polarity | None) -> None:
        """Keywords give the polarity; unknown text has none."""
        assert Qualitative(text).polarity is polarity

    def test_has_number(self) -> None:
        """has_number is true only when a digit is in the text."""
        assert Qualitative("完成24期节目制作").has_number
        assert not Qualitative("按期完成").has_number


class TestUnparsed:
    def test_error_rebuilds_the_syntax_error(self) -> None:
        """Unparsed keeps what strict parsing would have raised."""
        u = parse_target("≥%95", strict=False)
        assert isinstance(u, Unparsed)
        err = u.error
        assert isinstance(err, IndicatorSyntaxError)
        assert (err.reason, err.source, err.span) == ("expected a number after '≥'", "≥%95", (1, 2))
        assert str(u) == "≥%95"


class TestSerialisation:
    def test_kind_tags_are_unique(self) -> None:
        """Each target class has its own kind tag."""
        kinds = [cls.kind for cls in TARGET_TYPES]  # type: ignore[attr-defined]
        assert len(set(kinds)) == len(TARGET_TYPES) == 7

    @pytest.mark.parametrize(
        "text", ["≥95%", "6至7", "2024年12月底 前", "6至7月", "每两周", "及时", "≥", "=2024年"]
    )
    def test_cattrs_tagged_union_round_trip(self, text: str) -> None:
        """A cattrs converter with a tagged union on kind round-trips every kind."""
        conv = cattrs.Converter(forbid_extra_keys=True)
        conv.register_unstructure_hook(Decimal, str)
        conv.register_structure_hook(Decimal, lambda v, _: Decimal(v))
        configure_tagged_union(Target, conv, tag_generator=lambda cl: cl.kind, tag_name="kind")
        t = parse_target(text, strict=False)
        data = conv.unstructure(t, Target)
        assert data["kind"] == t.kind
        assert conv.structure(data, Target) == t
