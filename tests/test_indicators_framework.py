"""Tests for govbudget.indicators._framework: levels and units stated in names."""

from __future__ import annotations

import pytest

from govbudget import GovBudgetError
from govbudget.indicators import (
    FRAMEWORK,
    IndicatorLevelError,
    Level1,
    Level2,
    UnitCheck,
    check_name_unit,
    is_valid_levels,
    parse_target,
    unit_in_name,
    validate_levels,
)

VALID = [(l1.value, l2.value) for l1, l2s in FRAMEWORK.items() for l2 in l2s]


class TestLevels:
    def test_framework_shape(self) -> None:
        """The framework has the four 一级 and twelve 二级 of standards.md §2.2."""
        assert [l1.value for l1 in FRAMEWORK] == ["产出指标", "效益指标", "满意度指标", "成本指标"]
        assert [l2.value for l2 in FRAMEWORK[Level1.OUTPUT]] == [
            "数量指标",
            "质量指标",
            "时效指标",
            "成本指标",
        ]
        assert [l2.value for l2 in FRAMEWORK[Level1.BENEFIT]] == [
            "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]  # fmt: skip
        assert FRAMEWORK[Level1.SATISFACTION] == (Level2.SERVICE_SATISFACTION,)
        assert [l2.value for l2 in FRAMEWORK[Level1.COST]] == [
            "经济成本指标",
            "社会成本指标",
            "生态环境成本指标",
        ]
        assert sum(len(v) for v in FRAMEWORK.values()) == len(Level2)

    @pytest.mark.parametrize(("l1", "l2"), VALID)
    def test_every_valid_pair(self, l1: str, l2: str) -> None:
        """Every pairing in the framework validates and returns the enums."""
        assert validate_levels(l1, l2) == (Level1(l1), Level2(l2))
        assert is_valid_levels(l1, l2)

    def test_cost_is_valid_at_both_levels(self) -> None:
        """成本指标 is a 二级 under 产出指标 and also a 一级."""
        assert is_valid_levels("产出指标", "成本指标")
        assert is_valid_levels("成本指标", "经济成本指标")
        assert not is_valid_levels("成本指标", "成本指标")

    @pytest.mark.parametrize(
        ("l1", "l2", "expected"),
        [(" 产出 指标 ", "数量指标", (Level1.OUTPUT, Level2.QUANTITY)),
         ("产出", "数量", (Level1.OUTPUT, Level2.QUANTITY)),
         ("满意度指标", "社会公众或服务对象满意度指标", (Level1.SATISFACTION, Level2.SERVICE_SATISFACTION)),
         ("满意度指标", "社会公众满意度指标", (Level1.SATISFACTION, Level2.SERVICE_SATISFACTION)),
         ("效益指标：", "社会效益\u3000指标", (Level1.BENEFIT, Level2.SOCIAL_BENEFIT))],
    )  # fmt: skip
    def test_tolerant_names(self, l1: str, l2: str, expected: tuple[Level1, Level2]) -> None:
        """Whitespace, full-width spaces, a trailing colon and a missing 指标 are tolerated."""
        assert validate_levels(l1, l2) == expected

    def test_wrong_pair_suggests_the_parent(self) -> None:
        """A 二级 under the wrong 一级 names where it belongs."""
        with pytest.raises(IndicatorLevelError) as info:
            validate_levels("效益指标", "质量指标")
        assert info.value.suggestion == "产出指标"
        assert (info.value.level1, info.value.level2) == ("效益指标", "质量指标")
        assert "did you mean '产出指标'" in str(info.value)
        assert isinstance(info.value, GovBudgetError)
        assert isinstance(info.value, ValueError)

    def test_unknown_names(self) -> None:
        """Unknown names are errors; a 二级 given as 一级 gets its parent suggested."""
        with pytest.raises(IndicatorLevelError, match="first-level"):
            Level1.parse("投入指标")
        with pytest.raises(IndicatorLevelError) as info:
            Level1.parse("社会效益指标")
        assert info.value.suggestion == "效益指标"
        with pytest.raises(IndicatorLevelError, match="second-level"):
            Level2.parse("三级指标")
        assert not is_valid_levels("投入指标", "数量指标")

    def test_parents_and_english(self) -> None:
        """Each 二级 knows its usual 一级; 一级 has an English name."""
        assert Level2.COST.parent is Level1.OUTPUT
        assert Level2.ECONOMIC_COST.parent is Level1.COST
        assert Level1.BENEFIT.english == "benefit"
        assert Level1.parse(Level1.COST) is Level1.COST
        assert Level2.parse(Level2.QUALITY) is Level2.QUALITY


class TestUnitInName:
    @pytest.mark.parametrize(
        ("name", "unit"),
        [("会议室改造面积（平方米）", "平方米"), ("订制阅览柜数量（套）", "套"),
         ("更换会议室座椅（套）", "套"), ("制定地方性法规数量（部）", "部"),
         ("会议天数（天）", "天"), ("专项业务费用（万元）", "万元"),
         ("会议举办人均费用成本（元/人/天）", "元/人/天"), ("补贴对象满意度（%）", "%"),
         ("参会代表满意度(％)", "%"), ("面积（㎡）", "平方米"),
         ("人大代表参与培训人数（省代表）", None), ("会议室改造面积", None),
         ("培训人数（市代表）（人）", "人"), ("费用（万元）（含税金）", "万元")],
    )  # fmt: skip
    def test_extraction(self, name: str, unit: str | None) -> None:
        """The last bracketed group that reads as a unit is the name's unit."""
        assert unit_in_name(name) == unit


class TestCheckNameUnit:
    @pytest.mark.parametrize(
        ("name", "value", "status", "ok"),
        [("会议室改造面积（平方米）", "≤64平方米", UnitCheck.SAME, True),
         ("订制阅览柜数量（套）", "≥1套", UnitCheck.SAME, True),
         ("更换会议室座椅（套）", "≤55把", UnitCheck.DIFFERENT, False),
         ("专项业务费用（万元）", "≤213万元", UnitCheck.SAME, True),
         ("专项业务费用（万元）", "≤2,130,000元", UnitCheck.CONVERTIBLE, True),
         ("会议天数（天）", "5", UnitCheck.VALUE_HAS_NO_UNIT, True),
         ("会议天数（天）", "每月", UnitCheck.NOT_QUANTITATIVE, False),
         ("会议天数（天）", "≥", UnitCheck.NOT_QUANTITATIVE, False),
         ("购置沙发数量", "14个", UnitCheck.NAME_HAS_NO_UNIT, True),
         ("补贴对象满意度（%）", "≥95%", UnitCheck.SAME, True),
         ("补贴对象满意度（%）", "95%-100%", UnitCheck.SAME, True),
         ("会议举办人均费用成本（元/人/天）", "470元/人/天", UnitCheck.SAME, True)],
    )  # fmt: skip
    def test_statuses(self, name: str, value: str, status: UnitCheck, ok: bool) -> None:
        """Name and value units are compared; disagreement is not ok."""
        result = check_name_unit(name, value)
        assert result.status is status
        assert result.ok is ok
        assert result.message

    def test_parsed_value_and_message(self) -> None:
        """A parsed target is accepted, and the message names both units."""
        result = check_name_unit("更换会议室座椅（套）", parse_target("≤55把"))
        assert (result.name_unit, result.value_unit) == ("套", "把")
        assert "'套'" in result.message
        assert "'把'" in result.message
