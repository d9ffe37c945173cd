"""Property tests across documents: a budget's stated change on last year, on generated
pairs of one unit's budgets."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Report, Severity, TableSet
from govbudget.checks import check_reports
from govbudget.testing import consistent_reports

from ..test_checks_documents import with_change

pytestmark = pytest.mark.property

budgets = consistent_reports(table_set=TableSet.MOF_9, rounded=True)


def _pair(a: Report, b: Report) -> tuple[Report, Report]:
    year = a.year or 2024
    a = attrs.evolve(a, source="去年预算", unit_name="某单位", year=year)
    b = attrs.evolve(b, source="今年预算", unit_name="某单位", year=year + 1)
    return a, b


@given(budgets, budgets)
def test_stated_change_that_agrees_is_not_an_error(a: Report, b: Report) -> None:
    """This year's 三公, its change and rate on last year, stated as the tables give them:
    no cross-document error."""
    a, b = _pair(a, b)
    res = check_reports([a, with_change(b, a, rate_delta=Decimal(0))])
    assert not [f for f in res.findings if f.severity is Severity.ERROR]


@given(budgets, budgets, st.integers(2, 10**6), st.sampled_from([1, -1]))
def test_changed_last_year_figure_is_caught_only_with_last_year(a: Report, b: Report,
                                                               cents: int, sign: int) -> None:
    """A stated change off by more than rounding is an error naming both documents when
    last year's report is given, and nothing is claimed when this year's is checked alone.
    (Three figures rounded to 0.01 万元 explain at most 0.015 万元.)"""
    a, b = _pair(a, b)
    wrong = with_change(b, a, delta=Decimal(sign * cents) / 100)
    res = check_reports([a, wrong])
    errs = [f for f in res.findings if f.rule == "documents.change_on_last_year"
            and f.severity is Severity.ERROR]
    assert errs
    assert {errs[0].location.document, *(x.document for x in errs[0].related)} == {
        a.source, b.source}
    alone = check_reports([wrong])
    assert not [f for f in alone.findings if f.rule.startswith("documents.")]
