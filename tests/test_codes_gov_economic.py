"""Tests for govbudget.codes.gov_economic."""

from __future__ import annotations

import pytest

from govbudget import UnknownCode
from govbudget.codes import gov_economic


def test_known() -> None:
    """501 and its items are known; 505 items come from the institution mapping source."""
    assert gov_economic.name_of("50101") == "工资奖金津补贴"
    assert gov_economic.info("50501").confidence == "medium"
    assert [c.code for c in gov_economic.children("501")] == ["50101", "50102", "50103", "50199"]


def test_not_invented() -> None:
    """Classes with no verified source are not in the built-in data."""
    for code in ("503", "599", "50299"):
        with pytest.raises(UnknownCode):
            gov_economic.info(code)


def test_structure() -> None:
    """Codes are 5xx of 3 or 5 digits."""
    assert gov_economic.is_valid("50905") and not gov_economic.is_valid("30101")
