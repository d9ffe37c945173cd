"""Tests for govbudget.checks._fact_figures: the figures of narrative facts (precision,
interval, unit, sign, label, location), shared by the narrative and documents rules."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from govbudget import Change, Fact, FactKind, Unit
from govbudget.checks._fact_figures import (
    factor_of,
    figure_interval,
    figure_of,
    interval_of,
    is_money,
    label_of,
    location_of,
    pct,
    qualifier_of,
    quantum_of,
    signed,
    unit_of,
)

D = Decimal


def test_quantum_is_the_printed_precision() -> None:
    assert quantum_of(D("480.3")) == D("0.1")
    assert quantum_of(D("1,234.56".replace(",", ""))) == D("0.01")
    assert quantum_of(D("100")) == 1
    assert quantum_of(D("0")) == 0  # a zero printed without decimals is exact
    assert quantum_of(D("0.00")) == D("0.01")


@given(st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False,
                   allow_infinity=False))
def test_a_printed_figure_lies_in_its_interval(value: Decimal) -> None:
    q = quantum_of(value)
    iv = interval_of(value, q)
    assert iv.contains(value)
    assert iv.hi - iv.lo == q


def test_units_and_factors() -> None:
    assert unit_of("万元") is Unit.WAN_YUAN and factor_of("亿元") == D(10) ** 8
    assert factor_of("个") == 1


def test_a_decrease_is_a_negative_change() -> None:
    f = Fact("基本支出", FactKind.CHANGE_AMOUNT, D("12.40"), "万元",
             direction=Change.DECREASE, qualifier="当年", section="二、支出", line=7)
    assert signed(f) == D("-12.40") and is_money(f)
    fig = figure_of(f)
    assert fig.money.amount == D("-12.40") and fig.quantum == D("0.01")
    iv = figure_interval(fig)  # in 元
    assert iv.lo == D("-124050") and iv.hi == D("-123950")
    assert qualifier_of(f.qualifier) is None  # 当年 changes nothing
    assert label_of(f) == "基本支出（当年）"
    loc = location_of(f)
    assert (loc.section, loc.row_name, loc.line) == ("二、支出", "基本支出（当年）", 7)


def test_qualifiers_that_change_the_meaning_are_kept() -> None:
    assert [qualifier_of(q) for q in (None, "本年", "其中", "上年结转")] == [None, None, "其中",
                                                                        "上年结转"]
    assert pct(D("6.25")) == "6.25%"
    assert location_of(Fact("x", FactKind.COUNT, D(1), "个")).section == "narrative"
