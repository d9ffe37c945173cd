"""Tests for govbudget.checks.performance._common: what the performance rules share (the
indicators of both columns as entries, targets admitting prose figures, names that differ
by a slip, parallel columns, findings of a code)."""

from __future__ import annotations

from decimal import Decimal

from govbudget import Report, Severity
from govbudget._findings import Location
from govbudget._report import Indicator, PerformanceTable
from govbudget.checks._context import Context
from govbudget.checks.performance import _common as cm
from govbudget.checks.performance._indicators import ONE_COLUMN
from govbudget.indicators import Quantity, parse_target

D = Decimal


def test_identical_rows_of_the_two_columns_are_one_entry() -> None:
    """A row printed in both columns is one entry ("both"), with its twin's line."""
    a = Indicator("产出指标", "数量指标", "会议次数", "2次", 10)
    b = Indicator("产出指标", "数量指标", "会议次数", "2次", 11)
    c = Indicator("产出指标", "数量指标", "培训人数", "50人", 12)
    p = PerformanceTable("会议", indicators_year=(a, c), indicators_period=(b,))
    entries = cm._entries(p)
    assert [(e.ind.line, e.column) for e in entries] == [(10, "both"), (12, "year")]
    assert [loc.line for loc in entries[0].related(p)] == [11]


def test_a_target_admits_prose_figures_in_its_unit_or_an_alias() -> None:
    """Units that convert are converted; an alias of prose (人次 for 人) is the target's."""
    t = parse_target("≤3天")
    assert isinstance(t, Quantity)
    assert cm._admits(t, D(72), "小时") and not cm._admits(t, D(4), "天")
    people = parse_target("≥50人次")
    assert isinstance(people, Quantity)
    assert cm._admits(people, D(50), "人") and not cm._admits(people, D(49), "人")


def test_names_that_differ_by_a_slip() -> None:
    """Up to two characters differ in a long enough name; equal names are no slip."""
    assert cm._near("购置投影议", "购置投影仪")
    assert not cm._near("购置投影仪", "购置投影仪") and not cm._near("会议", "培训")


def test_parallel_columns() -> None:
    """One-year projects and equal period and year funds have parallel columns."""
    assert cm._parallel(PerformanceTable("a", duration="1年"))
    assert cm._parallel(PerformanceTable("a", duration="3年", total_period=D(5), total_year=D(5)))
    assert not cm._parallel(PerformanceTable("a", duration="3年", total_period=D(9),
                                             total_year=D(5)))


def test_a_finding_of_a_code() -> None:
    """A finding of a finer code: its rule, its code, its messages from the templates."""
    f = cm._say(Context(Report()), ONE_COLUMN, Severity.INFO, Location(section="performance"),
                **ONE_COLUMN.example)
    assert (f.rule, f.code) == ("performance.columns_differ",
                                "performance.columns_differ.one_column")
    assert (f.message, f.message_en) == ONE_COLUMN.message(**ONE_COLUMN.example)
