"""Variants of the sample: any table figure changed is caught, pointing at it."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govbudget
from govbudget import Severity

from ..ingest_helpers import SAMPLE

pytestmark = pytest.mark.property

AMOUNT = re.compile(r"(?<![\d.,])(\d+\.\d\d)(?![\d.])")


@cache
def _table_figures() -> tuple[tuple[int, int, int, str], ...]:
    """(line index, start, end, text) of every amount printed in the sample's tables."""
    report = govbudget.read_report(SAMPLE)
    first = min(t.line or 0 for t in report.tables)
    last = max(r.line or 0 for t in report.tables for _, r in t.rows())
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    out = []
    for i in range(first - 1, last + 5):
        for m in AMOUNT.finditer(lines[i]):
            if Decimal(m.group(1)):
                out.append((i, m.start(), m.end(), m.group(1)))
    return tuple(out)


@given(st.data(), st.integers(1, 99_999), st.sampled_from([1, -1]))
def test_changed_table_figure_is_an_error_at_its_row(data: st.DataObject, cents: int,
                                                      sign: int) -> None:
    """Changing one printed amount of any table by 0.01万元 or more gives an error whose
    location or related locations include that table and row."""
    i, start, end, text = data.draw(st.sampled_from(_table_figures()))
    new = Decimal(text) + sign * Decimal(cents) / 100
    if new < 0:
        new = Decimal(text) + Decimal(cents) / 100
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    lines[i] = lines[i][:start] + f"{new:.2f}" + lines[i][end:]
    report = govbudget.read_report("\n".join(lines))
    # the changed row: the row whose line span covers the changed line
    rows = [(t, r) for t in report.tables for _, r in t.rows() if r.line and r.line <= i + 1]
    start_line = max(r.line or 0 for _, r in rows)
    candidates = [(t, r) for t, r in rows if r.line == start_line]  # two-sided tables: 2
    errors = [f for f in govbudget.check_report(report).findings
              if f.severity is Severity.ERROR]
    named = [f for f in errors for loc in (f.location, *f.related) for t, r in candidates
             if loc.table == t.kind.value
             and (loc.row_code == r.code if r.code else loc.row_name == r.name)]
    assert named, (i + 1, [r.name for _, r in candidates], [e.message for e in errors])
