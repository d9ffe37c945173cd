"""Tests for govbudget._money: the one place to import money and rounding from."""

from __future__ import annotations

import govbudget._amount as amount
import govbudget._money as money
import govbudget._rounding as rounding


def test_money_reexports_amounts_and_rounding() -> None:
    """Every name of the two modules is importable from ``govbudget._money``, as the same
    object."""
    for mod in (amount, rounding):
        for name in mod.__all__:
            assert getattr(money, name) is getattr(mod, name), name
    assert sorted(money.__all__) == sorted([*amount.__all__, *rounding.__all__])
