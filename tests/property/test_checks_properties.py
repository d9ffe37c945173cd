"""Property tests: consistent reports pass; any single changed figure is caught."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Report, RowKind, Severity, TableSet
from govbudget.checks import check_report
from govbudget.testing import consistent_reports

pytestmark = pytest.mark.property


@given(consistent_reports(rounded=True))
def test_consistent_rounded_reports_have_no_error(report: Report) -> None:
    """Leaves first, totals derived and every figure rounded on its own: no error, only
    rounding-sized info findings."""
    res = check_report(report)
    assert res.ok, [f.message for f in res.errors]
    assert all(f.severity is Severity.INFO for f in res.findings)


@given(consistent_reports(table_set=TableSet.MOF_9))
def test_consistent_mof_reports_have_no_finding(report: Report) -> None:
    """Exact figures in the 9-table set give no finding at all."""
    assert check_report(report).findings == ()


def _cells(report: Report) -> list[tuple[int, int, int, int]]:
    out = []
    for ti, t in enumerate(report.tables):
        for bi, b in enumerate(t.blocks):
            for ri, r in enumerate(b.rows):
                for ci, v in enumerate(r.values):
                    if v:
                        out.append((ti, bi, ri, ci))
    return out


def _change(report: Report, where: tuple[int, int, int, int], delta: Decimal) -> Report:
    ti, bi, ri, ci = where
    t = report.tables[ti]
    b = t.blocks[bi]
    r = b.rows[ri]
    vals = list(r.values)
    vals[ci] = (vals[ci] or Decimal(0)) + delta
    r2 = attrs.evolve(r, values=tuple(vals))
    b2 = attrs.evolve(b, rows=(*b.rows[:ri], r2, *b.rows[ri + 1:]))
    t2 = attrs.evolve(t, blocks=(*t.blocks[:bi], b2, *t.blocks[bi + 1:]))
    return attrs.evolve(report, tables=(*report.tables[:ti], t2, *report.tables[ti + 1:]))


def _rounding_reach(report: Report) -> int:
    """In cents, the most rounding can explain in any identity of the report: a sum of n
    figures printed to 0.01 against a printed total is off by at most (n + 1) / 2 cents,
    and no identity has more terms than a block has rows or columns."""
    return max((max(len(b.rows), len(b.columns)) + 1) // 2 + 1
               for t in report.tables for b in t.blocks)


@given(consistent_reports(), st.data(), st.integers(0, 10**6))
def test_any_changed_figure_is_an_error_naming_it(report: Report, data: st.DataObject,
                                                  extra: int) -> None:
    """Changing any single published figure by more than rounding can explain gives an
    error whose location or related locations name that figure's table and row. (A
    smaller change of a total that is only ever a sum of rounded figures is an ``info``:
    it may be rounding.)"""
    cents = _rounding_reach(report) + extra
    cells = _cells(report)
    where = data.draw(st.sampled_from(cells))
    sign = data.draw(st.sampled_from([1, -1]))
    changed = _change(report, where, Decimal(sign * cents) / 100)
    t = report.tables[where[0]]
    row = t.blocks[where[1]].rows[where[2]]
    errs = check_report(changed).errors
    assert errs, (t.kind, row.name)
    named = [f for f in errs for loc in (f.location, *f.related)
             if loc.table == t.kind.value and (loc.row_code == row.code if row.code
                                               else loc.row_name == row.name)]
    # a group or total row of one-line blocks may be named through its only member
    assert named or row.kind is not RowKind.DATA, (t.kind, row.name, [e.message for e in errs])
