"""Tests for govbudget.indicators._model: Qualitative, Unparsed, and every target's
serialisation."""

from __future__ import annotations

from decimal import Decimal

import cattrs
import pytest
from cattrs.strategies import configure_tagged_union

from govbudget import IndicatorSyntaxError
from govbudget.indicators import (
    TARGET_TYPES,
    Band,
    Grade,
    Polarity,
    Qualitative,
    Target,
    Unparsed,
    parse_target,
)
from govbudget.indicators._model import (
    normalise_text,
)

D = Decimal


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
