"""Tests for govbudget.codes.procurement: the letter + 2-digit structure."""

from __future__ import annotations

import pytest

from govbudget.codes import procurement


@pytest.mark.parametrize(("code", "level"), [("A", 1), ("A15", 2), ("A1502", 3), ("a150201", 4)])
def test_levels(code: str, level: int) -> None:
    """A letter, then two digits per level; lower case is folded."""
    assert procurement.level(code) == level


@pytest.mark.parametrize("bad", ["15", "A1", "A150", "AA15", "A15020101", ""])
def test_invalid(bad: str) -> None:
    """Other shapes are malformed."""
    assert not procurement.is_valid(bad)


def test_format_and_parent() -> None:
    """Levels print separated; parents truncate."""
    assert procurement.format("A150201") == "A 15 02 01"
    assert procurement.parent_code("A150201") == "A1502"
    assert procurement.parent_code("A") is None
