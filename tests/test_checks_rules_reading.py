"""Tests for govbudget.checks._rules_reading."""

from __future__ import annotations

import attrs

from govbudget import Finding, Location, Severity, TableKind, TableSet
from govbudget.checks import check_report

from .checks_helpers import base_report


def test_reader_findings_pass_through() -> None:
    """Findings the reader made are reported under their own rule; a kind the reading
    wing does not list is reported under ``reading.other``, its id in the message, never
    dropped."""
    f1 = Finding(rule="reading.unplaced_figure", severity=Severity.WARNING, message="m",
                 message_en="m", location=Location(section="x", line=3))
    f2 = Finding(rule="reading.something_new", severity=Severity.WARNING, message="m",
                 message_en="m", location=Location(section="x", line=4))
    r = attrs.evolve(base_report(), findings=(f1, f2))
    found = check_report(r).findings
    got = {f.rule for f in found}
    assert {"reading.unplaced_figure", "reading.other"} <= got
    other = next(f for f in found if f.rule == "reading.other")
    assert other.code == "reading.other" and "reading.something_new" in other.message


def test_missing_table() -> None:
    """A Shanxi report without its table 11 is warned about."""
    r = base_report()
    r2 = attrs.evolve(r, tables=tuple(t for t in r.tables if t.kind is not TableKind.OPERATING_COSTS))
    fs = check_report(r2, rules=["reading.missing_table"]).findings
    assert [f.location.table for f in fs] == ["operating_costs"]
    assert check_report(attrs.evolve(r2, table_set=TableSet.OTHER),
                        rules=["reading.missing_table"]).findings == ()
