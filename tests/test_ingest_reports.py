"""Tests for govbudget._ingest._reports: every report of a file, each read on its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from govbudget import check_report, read_report, read_reports, read_text

from .test_ingest_bundle import REAL, SAMPLE, _errors


@pytest.mark.parametrize(("first", "then"), [
    (SAMPLE, REAL / "shanghai-wanli-2024-budget.txt"),
    (REAL / "shanghai-ptghzy-2024-final.txt", REAL / "jiangsu-jcy-2019-budget.txt"),
], ids=lambda p: p.stem)
def test_read_reports_reads_each_report_of_a_bundle(first: Path, then: Path) -> None:
    """Each report of a bundle is read on its own: its tables and errors are those it
    gives alone, its lines those of the file."""
    a, b = first.read_text(encoding="utf-8"), then.read_text(encoding="utf-8")
    reports = read_reports(a + "\n\f" + b + "\n\f" + a)
    assert [r.source for r in reports] == ["<text>#1", "<text>#2", "<text>#3"]
    assert not [f for r in reports for f in r.findings if f.code == "reading.several_reports"]

    def errs(report: object) -> set[tuple[str, str, str]]:
        return {(f.code, str(f.expected), str(f.actual))
                for f in check_report(report).errors}  # type: ignore[arg-type]

    assert errs(reports[0]) == errs(reports[2]) == _errors(a)
    assert errs(reports[1]) == _errors(b)
    offset = len(a.split("\n"))
    alone = read_text(b)
    assert [t.line + offset for t in alone.tables] == [t.line for t in reports[1].tables]
    # its cover (the unit's name, the year: in the lines just above its contents) is its own
    assert (reports[1].unit_name, reports[1].year) == (alone.unit_name, alone.year)
    assert (reports[0].unit_name, reports[0].year) == (read_text(a).unit_name, read_text(a).year)


def test_read_reports_of_one_report_is_that_report(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (only,) = read_reports(path)
    assert only == read_report(path)
