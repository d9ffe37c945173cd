"""Tests for govbudget.indicators._evaluate: scoring actuals against targets (绩效自评)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from govbudget import FloatNotAllowed, GovBudgetError, IndicatorSyntaxError, Money, Unit
from govbudget.indicators import (
    CENTRAL_BANDS,
    DEFAULT_BANDS,
    PROVINCIAL_BANDS,
    Band,
    BandRule,
    BandScale,
    Comparison,
    EvaluationError,
    Frequency,
    FrequencyUnit,
    IncompatibleUnits,
    Qualitative,
    Quantity,
    evaluate,
    parse_target,
)

D = Decimal


def score(target: str, actual: object, weight: object = 10, **kw: object) -> tuple[bool, str]:
    s = evaluate(target, actual, weight, **kw)  # type: ignore[arg-type]
    return s.met, str(s.score)


class TestQuantities:
    @pytest.mark.parametrize(
        ("target", "actual", "met", "points"),
        [("≥95%", "96%", True, "10.00"), ("≥95%", "95%", True, "10.00"),
         ("≥95%", "90%", False, "9.47"), ("≥95%", "0%", False, "0.00"),
         (">95%", "96%", True, "10.00"), (">95%", "95%", False, "10.00"),
         ("≥1套", "3套", True, "10.00")],
    )  # fmt: skip
    def test_positive(self, target: str, actual: str, met: bool, points: str) -> None:
        """≥/>: actual ÷ target × weight, capped at the weight; met is strict for >."""
        assert score(target, actual) == (met, points)

    @pytest.mark.parametrize(
        ("target", "actual", "met", "points"),
        [("≤60万元", "58万元", True, "10.00"), ("≤60万元", "62万元", False, "9.68"),
         ("≤60万元", "0", True, "10.00"), ("≤200元/人/天", "210元/人/天", False, "9.52"),
         ("<5%", "5%", False, "10.00"), ("<5%", "4%", True, "10.00"),
         ("≤0", "3", False, "0.00")],
    )  # fmt: skip
    def test_reverse(self, target: str, actual: str, met: bool, points: str) -> None:
        """≤/<: target ÷ actual × weight, capped; an actual of 0 earns full marks."""
        assert score(target, actual) == (met, points)

    @pytest.mark.parametrize(
        ("target", "actual", "met", "points"),
        [("100%", "100%", True, "10.00"), ("100%", "98%", False, "9.80"),
         ("14个", "11个", False, "7.86"), ("14个", "17个", False, "7.86"),
         ("14个", "40个", False, "0.00"), ("0", "0", True, "10.00"), ("0", "1", False, "0.00")],
    )  # fmt: skip
    def test_exact(self, target: str, actual: str, met: bool, points: str) -> None:
        """=: full marks when equal, else 1 − relative deviation, not below 0."""
        assert score(target, actual) == (met, points)

    @pytest.mark.parametrize(
        ("target", "actual", "met", "points"),
        [("20分钟左右", "21分钟", True, "10.00"), ("20分钟左右", "22分钟", True, "10.00"),
         ("20分钟左右", "23分钟", False, "8.50"), ("约20分钟", "0.5小时", False, "5.00")],
    )  # fmt: skip
    def test_approximate(self, target: str, actual: str, met: bool, points: str) -> None:
        """≈: full marks within the tolerance (10%), else scored like an exact target."""
        assert score(target, actual) == (met, points)

    def test_tolerance_is_configurable(self) -> None:
        """A wider tolerance accepts a bigger miss."""
        assert score("20分钟左右", "23分钟", tolerance=D("0.2")) == (True, "10.00")

    def test_units_convert(self) -> None:
        """万元 and 元 convert; Money and bare Decimals are accepted."""
        assert score("≤60万元", "580,000元") == (True, "10.00")
        assert score("≤60万元", Money("620000", Unit.YUAN)) == (False, "9.68")
        assert score("≥95%", D(96)) == (True, "10.00")
        assert score("≥95%", 96) == (True, "10.00")
        assert score("≥95", "96%") == (True, "10.00")
        assert score("≥950‰", "96%") == (True, "10.00")

    def test_incompatible_units(self) -> None:
        """个 against 套 raises IncompatibleUnits (a GovBudgetError and ValueError)."""
        with pytest.raises(IncompatibleUnits) as info:
            evaluate("14个", "14套", 5)
        assert (info.value.expected, info.value.actual) == ("个", "套")
        assert isinstance(info.value, GovBudgetError)
        with pytest.raises(IncompatibleUnits):
            evaluate("≥95%", Money("1", Unit.YUAN), 5)

    def test_deviation_and_explanations(self) -> None:
        """The score carries the deviation and describes it in English and Chinese."""
        s = evaluate("≥95%", "90%", D(10))
        assert s.deviation == D(-5)
        assert s.ratio == D("0.9474")
        assert s.weight == D(10)
        assert s.band is None
        assert (
            s.explanation
            == "not met: actual 90% is 5% below the target ≥95% (-5.26%); score 9.47 of 10"
        )
        assert (
            s.explanation_zh
            == "未达成：实际完成值90%，比目标值≥95%低5%（偏差-5.26%），得分9.47（分值10）"
        )
        s = evaluate("≤60万元", "620,000元", 10)
        assert "620000元 (= 62万元)" in s.explanation
        assert "折合62万元" in s.explanation_zh
        e = evaluate("100%", "100%", 10)
        assert "equals" in e.explanation
        assert "无偏差" in e.explanation_zh

    def test_places(self) -> None:
        """The score is rounded half up to the given decimals."""
        assert evaluate("≥3", "2", 10, places=0).score == D(7)
        assert evaluate("≥3", "2", 10, places=3).score == D("6.667")

    def test_actual_must_be_plain(self) -> None:
        """An actual with a comparison, a range or a time cannot be judged as a quantity."""
        for actual in ("≥96%", "1-2", "2024年6月", "及时"):
            with pytest.raises(EvaluationError):
                evaluate("≥95%", actual, 10)


class TestRanges:
    @pytest.mark.parametrize(
        ("target", "actual", "met", "points"),
        [("3至8个", "3个", True, "10.00"), ("3至8个", "8个", True, "10.00"),
         ("3至8个", "2个", False, "6.67"), ("3至8个", "10个", False, "8.00"),
         ("95%-100%", "90%", False, "9.47")],
    )  # fmt: skip
    def test_range(self, target: str, actual: str, met: bool, points: str) -> None:
        """Full marks inside; below, actual ÷ low; above, high ÷ actual."""
        assert score(target, actual) == (met, points)

    def test_range_explanation(self) -> None:
        """The explanation names the end that was missed."""
        s = evaluate("3至8个", "2个", 10)
        assert "below the range" in s.explanation
        assert "下限" in s.explanation_zh
        assert s.deviation == D(-1)


class TestTimes:
    @pytest.mark.parametrize(
        ("target", "actual", "met", "deviation"),
        [("6月前", "2024年6月30日", True, 0), ("6月前", "2024年7月3日", False, 3),
         ("2024年6月底", "2024年6月15日", True, 0), ("2024年6月底", "2024年7月1日", False, 1),
         ("2024年12月底 前", datetime.date(2024, 12, 31), True, 0),
         ("3月份", "2024年3月15日", True, 0), ("3月份", "2024年4月1日", False, 1),
         ("3月份", "2024年2月28日", False, -2), ("3月中下旬", "3月5日", False, -6),
         ("6至7月", "2024年6月", True, 0), ("6至7月", "2024年8月1日", False, 1),
         ("6月后", "2024年6月1日", True, 0), ("6月后", "2024年5月31日", False, -1),
         ("2023.07-2024.01", "2023年12月", True, 0)],
    )  # fmt: skip
    def test_time(self, target: str, actual: object, met: bool, deviation: int) -> None:
        """Deadlines are met on or before their end; months and periods inside them."""
        s = evaluate(target, actual, 5)  # type: ignore[arg-type]
        assert s.met is met
        assert s.score == (D("5.00") if met else D("0.00"))
        assert s.deviation == deviation

    def test_explanations_count_days(self) -> None:
        """The explanation says how many days late."""
        assert "1 day late" in evaluate("6月前", "2024年7月1日", 5).explanation
        assert "3 days late" in evaluate("6月前", "2024年7月3日", 5).explanation
        assert "晚于目标6月前3天" in evaluate("6月前", "2024年7月3日", 5).explanation_zh
        assert "early" in evaluate("3月份", "2024年2月28日", 5).explanation

    def test_year_is_filled_from_year_or_the_other_side(self) -> None:
        """A time without a year takes year= (the budget year), else the other side's year."""
        assert evaluate("2024年2月底", "2月29日", 5).met
        assert evaluate("2月", "2月29日", 5, year=2024).met
        late = evaluate("12月31日前", "2025年1月2日", 5, year=2024)
        assert (late.met, late.deviation) == (False, D(2))
        assert evaluate("12月31日前", "2025年1月2日", 5).met  # same year as the actual
        with pytest.raises(EvaluationError, match="does not exist in 2023"):
            evaluate("2023年2月", "2月29日", 5)

    def test_wrong_actuals(self) -> None:
        """A quantity or a relation is not an actual time."""
        with pytest.raises(EvaluationError):
            evaluate("6月前", "95%", 5)
        with pytest.raises(EvaluationError):
            evaluate("6月前", "5月前", 5)


class TestFrequencies:
    def test_rate(self) -> None:
        """The ratio is actual occurrences per year ÷ target occurrences, capped."""
        assert score("每两月", "每月") == (True, "10.00")
        assert score("每月", "每两月") == (False, "5.00")
        assert score("每月", D(12)) == (True, "10.00")
        assert score("每季度", "2次") == (False, "5.00")
        assert evaluate("每月", "每两月", 10).deviation == D(-6)

    def test_wrong_actual(self) -> None:
        """A percentage is not a frequency."""
        with pytest.raises(EvaluationError):
            evaluate("每月", "95%", 10)


class TestQualitative:
    @pytest.mark.parametrize(
        ("target", "actual", "met", "points", "band"),
        [("及时", "达成预期指标", True, "10.00", Band.ACHIEVED),
         ("及时", "部分达成预期指标", False, "5.00", Band.PARTLY_ACHIEVED),
         ("及时", "未达成预期指标", False, "0.00", Band.NOT_ACHIEVED),
         ("及时", "及时", True, "10.00", Band.ACHIEVED),
         ("保障", D("0.85"), True, "8.50", Band.ACHIEVED),
         ("保障", D("0.79"), False, "7.90", Band.PARTLY_ACHIEVED),
         ("保障", D("0.5"), False, "5.00", Band.PARTLY_ACHIEVED),
         ("保障", "49%", False, "4.90", Band.NOT_ACHIEVED),
         ("保障", "120%", True, "10.00", Band.ACHIEVED),
         ("优良", "优", True, "10.00", Band.ACHIEVED), ("优良", "良", True, "10.00", Band.ACHIEVED),
         ("优良", "中", False, "5.00", Band.PARTLY_ACHIEVED),
         ("优良", "差", False, "0.00", Band.NOT_ACHIEVED),
         ("提高", "良", True, "10.00", Band.ACHIEVED), ("提高", "合格", False, "5.00", Band.PARTLY_ACHIEVED)],
    )  # fmt: skip
    def test_bands(self, target: str, actual: object, met: bool, points: str, band: Band) -> None:
        """Qualitative results fall in 达成/部分达成/未达成 (80%/50% by default)."""
        s = evaluate(target, actual, 10)  # type: ignore[arg-type]
        assert (s.met, str(s.score), s.band) == (met, points, band)
        assert s.deviation is None

    def test_central_bands(self) -> None:
        """With the central bands 部分达成 starts at 60%."""
        s = evaluate("保障", D("0.55"), 10, bands=CENTRAL_BANDS)
        assert s.band is Band.NOT_ACHIEVED
        assert evaluate("及时", "部分达成", 10, bands=CENTRAL_BANDS).score == D("6.00")
        assert DEFAULT_BANDS is PROVINCIAL_BANDS

    def test_custom_bands(self) -> None:
        """A caller can set their own bands and defaults."""
        mine = BandScale(
            "test",
            (BandRule(Band.ACHIEVED, D("0.9"), D(1), D("0.95")),
             BandRule(Band.PARTLY_ACHIEVED, D("0.4"), D("0.9"), D("0.6")),
             BandRule(Band.NOT_ACHIEVED, D(0), D("0.4"), D("0.1"))),
        )  # fmt: skip
        assert evaluate("及时", "达成", 10, bands=mine).score == D("9.50")
        assert evaluate("保障", D("0.85"), 10, bands=mine).band is Band.PARTLY_ACHIEVED

    def test_bad_band_scales(self) -> None:
        """Bands must be ordered, adjoin and cover 0-1; bounds must be 0-1."""
        with pytest.raises(ValueError, match="adjoin"):
            BandScale("gap", (BandRule(Band.ACHIEVED, D("0.8"), D(1), D(1)),
                              BandRule(Band.PARTLY_ACHIEVED, D("0.5"), D("0.7"), D("0.5")),
                              BandRule(Band.NOT_ACHIEVED, D(0), D("0.5"), D(0))))  # fmt: skip
        with pytest.raises(ValueError, match="order"):
            BandScale("order", tuple(reversed(PROVINCIAL_BANDS.rules)))
        with pytest.raises(ValueError, match="0-1"):
            BandRule(Band.ACHIEVED, D("0.8"), D(2), D(1))
        with pytest.raises(ValueError, match="default inside"):
            BandRule(Band.ACHIEVED, D("0.8"), D(1), D("0.5"))

    def test_unjudgeable(self) -> None:
        """Text that names no band, a ratio above 1 and a date are refused."""
        with pytest.raises(EvaluationError, match="band"):
            evaluate("及时", "很好", 10)
        with pytest.raises(EvaluationError, match="ratio"):
            evaluate("及时", D(3), 10)
        with pytest.raises(EvaluationError):
            evaluate("及时", "2024年6月", 10)
        with pytest.raises(EvaluationError, match="ratio"):
            evaluate("及时", "5个", 10)

    def test_explanation(self) -> None:
        """The explanation names the band in both languages."""
        s = evaluate("及时", "部分达成预期指标", 10)
        assert "band 部分达成" in s.explanation
        assert "属部分达成档" in s.explanation_zh


class TestInputs:
    def test_parsed_targets_are_accepted(self) -> None:
        """Targets and actuals may be given parsed."""
        t = Quantity(Comparison.GE, D(95), "%")
        s = evaluate(t, parse_target("96%"), D(10))
        assert s.target == t
        assert s.actual == parse_target("96%")
        assert evaluate(Qualitative("及时"), Qualitative("及时"), 1).met
        assert evaluate(Frequency(1, FrequencyUnit.MONTH), "每周", 1).met

    def test_unparsed_is_refused(self) -> None:
        """An Unparsed target or actual cannot be scored."""
        with pytest.raises(EvaluationError, match="could not be parsed"):
            evaluate(parse_target("≥", strict=False), "96%", 10)
        with pytest.raises(EvaluationError, match="could not be parsed"):
            evaluate("≥95%", parse_target("≥", strict=False), 10)

    def test_bad_inputs(self) -> None:
        """Malformed text, floats, negative weights and odd types are refused."""
        with pytest.raises(IndicatorSyntaxError):
            evaluate("≥%95", "96%", 10)
        with pytest.raises(FloatNotAllowed):
            evaluate("≥95%", 96.0, 10)
        with pytest.raises(FloatNotAllowed):
            evaluate("≥95%", "96%", 10.0)  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="weight"):
            evaluate("≥95%", "96%", -1)
        with pytest.raises(TypeError):
            evaluate("≥95%", [96], 10)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            evaluate("≥95%", "96%", 10, tolerance=0.1)  # type: ignore[arg-type]

    def test_weight_as_text(self) -> None:
        """The weight may be text; the score is capped at it."""
        s = evaluate("≥95%", "200%", "12.5")
        assert s.score == D("12.50")
        assert s.ratio == 1
