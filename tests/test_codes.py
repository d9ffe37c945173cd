"""Tests for govbudget.codes (the package): scheme registry and guessing."""

from __future__ import annotations

from govbudget.codes import SCHEMES, scheme_for


def test_registry() -> None:
    """Four schemes are registered under their names."""
    assert set(SCHEMES) == {"functional", "dept_economic", "gov_economic", "procurement"}


def test_scheme_for() -> None:
    """The scheme is guessed from the code's shape."""
    assert scheme_for("2010101") is SCHEMES["functional"]
    assert scheme_for("50101") is SCHEMES["gov_economic"]
    assert scheme_for("xyz") is None


def test_junk_is_invalid_everywhere() -> None:
    """Junk is invalid in every scheme (and never raises)."""
    for junk in ["", " ", "??", "2" * 40, "\x00", "二〇一"]:
        for s in SCHEMES.values():
            assert not s.is_valid(junk)
