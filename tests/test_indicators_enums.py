"""Tests for govbudget.indicators._enums: comparisons and their spellings."""

from __future__ import annotations

from decimal import Decimal

from govbudget.indicators import (
    Comparison,
    Direction,
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
