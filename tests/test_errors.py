"""Tests for govbudget._errors: one hierarchy, built-in bases, readable messages."""

from __future__ import annotations

import pytest

from govbudget import (
    AmountError,
    CatalogueFileError,
    FloatNotAllowed,
    GovBudgetError,
    IndicatorSyntaxError,
    InvalidCode,
    ReadError,
    RuleDefinitionError,
    UnitError,
    UnknownCode,
)


@pytest.mark.parametrize(("cls", "builtin"), [
    (AmountError, ValueError), (FloatNotAllowed, TypeError), (UnitError, ValueError),
    (InvalidCode, ValueError), (UnknownCode, KeyError), (CatalogueFileError, ValueError),
    (ReadError, ValueError), (IndicatorSyntaxError, ValueError), (RuleDefinitionError, TypeError),
])
def test_hierarchy(cls: type[Exception], builtin: type[Exception]) -> None:
    """Every error is a GovBudgetError and the built-in a caller expects."""
    assert issubclass(cls, GovBudgetError) and issubclass(cls, builtin)


def test_indicator_caret_under_wide_text() -> None:
    """The caret sits under the span, counting CJK characters as two columns."""
    exc = IndicatorSyntaxError("expected a number", "不低于%", (3, 4))
    lines = str(exc).splitlines()
    assert lines[0] == "expected a number"
    assert lines[2].index("^") == 4 + 6


def test_messages_carry_facts() -> None:
    """Messages show the bad value and where."""
    assert "bad.csv:3" in str(CatalogueFileError("bad.csv", "oops", 3))
    assert str(ReadError("empty", source="r.txt")) == "r.txt: empty"
    assert "edition 2024" in str(UnknownCode("2019999", "functional", 2024))
    e = InvalidCode("20", "functional", "too short")
    assert (e.code, e.scheme) == ("20", "functional")
