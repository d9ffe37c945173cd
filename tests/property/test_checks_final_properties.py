"""Property tests of final accounts (决算): consistent ones pass, read back the same, and
any single changed figure is caught."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Report, ReportKind, RowKind, Severity, Table, read_report
from govbudget._ingest._writer import render_report
from govbudget.checks import check_report
from govbudget.testing import consistent_reports

pytestmark = pytest.mark.property

finals = consistent_reports(kind=ReportKind.FINAL)
rounded_finals = consistent_reports(kind=ReportKind.FINAL, rounded=True)


@given(rounded_finals)
def test_consistent_rounded_finals_have_no_error(report: Report) -> None:
    """Leaves first, balances derived, every figure rounded on its own: no error, only
    rounding-sized info findings."""
    res = check_report(report)
    assert res.ok, [f.message for f in res.errors]
    assert all(f.severity is Severity.INFO for f in res.findings)


@given(finals)
def test_consistent_exact_finals_have_no_finding(report: Report) -> None:
    """Exact figures give no finding at all."""
    assert check_report(report).findings == ()


def _comparable(t: Table) -> Table:
    return attrs.evolve(t, line=None, blocks=tuple(
        attrs.evolve(b, rows=tuple(attrs.evolve(r, line=None) for r in b.rows))
        for b in t.blocks))


@given(st.one_of(finals, rounded_finals), st.booleans())
def test_rendered_final_reads_back_as_a_final_with_the_same_tables(report: Report,
                                                                    artefacts: bool) -> None:
    """A generated 决算 rendered as extracted text reads back as a 决算 (from its titles)
    with the same tables and no reading finding."""
    back = read_report(render_report(report, artefacts=artefacts))
    assert back.kind is ReportKind.FINAL
    assert back.table_set is report.table_set
    assert back.findings == ()
    assert [_comparable(t) for t in back.tables] == [_comparable(t) for t in report.tables]


def _cells(report: Report) -> list[tuple[int, int, int, int]]:
    return [(ti, bi, ri, ci) for ti, t in enumerate(report.tables)
            for bi, b in enumerate(t.blocks) for ri, r in enumerate(b.rows)
            for ci, v in enumerate(r.values) if v]


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
    return max((max(len(b.rows), len(b.columns)) + 1) // 2 + 1
               for t in report.tables for b in t.blocks)


@given(finals, st.data(), st.integers(0, 10**6))
def test_any_changed_figure_of_a_final_is_an_error_naming_it(report: Report,
                                                             data: st.DataObject,
                                                             extra: int) -> None:
    """Changing any single published figure of a 决算 by more than rounding can explain
    gives an error that names the figure's table and row."""
    cents = _rounding_reach(report) + extra
    where = data.draw(st.sampled_from(_cells(report)))
    sign = data.draw(st.sampled_from([1, -1]))
    changed = _change(report, where, Decimal(sign * cents) / 100)
    t = report.tables[where[0]]
    row = t.blocks[where[1]].rows[where[2]]
    errs = check_report(changed).errors
    assert errs, (t.kind, row.name)
    named = [f for f in errs for loc in (f.location, *f.related)
             if loc.table == t.kind.value and (loc.row_code == row.code if row.code
                                               else loc.row_name == row.name)]
    assert named or row.kind is not RowKind.DATA, (t.kind, row.name, [e.message for e in errs])
