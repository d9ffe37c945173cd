"""Property tests: consistent reports rendered as extracted text read back the same tables."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Finding, Report, Table, TableSet
from govbudget._ingest._pages import strip_furniture
from govbudget._ingest._reader import _segment
from govbudget._ingest._tables import read_table
from govbudget._ingest._text import split_lines
from govbudget._ingest._writer import render_tables
from govbudget.testing import consistent_reports

pytestmark = pytest.mark.property


def _read(text: str) -> tuple[list[Table], list[Finding]]:
    seg = _segment(strip_furniture(split_lines(text)))
    findings: list[Finding] = []
    return [read_table(kind, lines, findings) for kind, lines in seg.tables], findings


def _comparable(t: Table) -> Table:
    """Without line numbers, each row padded with None to one value per column (the built
    reports leave out trailing blank cells; the reader gives every column a value)."""
    return attrs.evolve(t, line=None, blocks=tuple(
        attrs.evolve(b, rows=tuple(
            attrs.evolve(r, line=None,
                         values=(*r.values, *[None] * (len(b.columns) - len(r.values))))
            for r in b.rows))
        for b in t.blocks))


reports = st.one_of(
    consistent_reports(table_set=TableSet.SHANXI_13),
    consistent_reports(table_set=TableSet.SHANXI_13, rounded=True),
    consistent_reports(table_set=TableSet.MOF_9),
    consistent_reports(table_set=TableSet.MOF_9, rounded=True),
)


@given(reports, st.booleans())
def test_render_then_read_gives_the_same_tables(report: Report, artefacts: bool) -> None:
    """For consistent reports in both table sets, exact or rounded, rendering the tables
    (with or without extraction artefacts) and reading them back gives the same tables, and
    the reader reports nothing."""
    tables, findings = _read(render_tables(report, artefacts=artefacts))
    assert findings == []
    assert [_comparable(t) for t in tables] == [_comparable(t) for t in report.tables]
