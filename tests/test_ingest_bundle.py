"""Tests for govbudget._ingest._bundle: a file holding more than one report."""

from __future__ import annotations

from pathlib import Path

import pytest

from govbudget import check_report, read_text
from govbudget._ingest._bundle import _cover_title, second_report
from govbudget._ingest._text import Line

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "jincheng-npc-office-2024.txt"
REAL = ROOT / "tests" / "data" / "real"


def _errors(text: str) -> set[tuple[str, str, str]]:
    return {(f.code, str(f.expected), str(f.actual)) for f in check_report(read_text(text)).errors}


@pytest.mark.parametrize(("first", "then"), [
    (SAMPLE, REAL / "shanghai-wanli-2024-budget.txt"),
    (REAL / "shanghai-ptghzy-2024-final.txt", REAL / "jiangsu-jcy-2019-budget.txt"),
    (REAL / "central-xfj-2024-final.txt", REAL / "fuzhou-mzj-2026-budget.txt"),
], ids=lambda p: p.stem)
def test_two_reports_in_one_file_read_the_first_and_say_so(first: Path, then: Path) -> None:
    """Two reports put together: the first is read and checked as it is alone (its
    errors, no other), and one finding says where the next begins, unread."""
    a, b = first.read_text(encoding="utf-8"), then.read_text(encoding="utf-8")
    both = a + "\n\f" + b
    report = read_text(both)
    found = [f for f in report.findings if f.code == "reading.several_reports"]
    assert len(found) == 1
    boundary = len(a.split("\n")) + 1
    assert boundary <= found[0].location.line <= boundary + 12  # at most its cover's lines
    assert _errors(both) == _errors(a)


def test_one_report_is_not_cut() -> None:
    report = read_text(SAMPLE.read_text(encoding="utf-8"))
    assert not [f for f in report.findings if f.code == "reading.several_reports"]


def test_a_contents_line_is_no_second_summary() -> None:
    """A 收支总表 with no figures (a contents line read as a title) is no report's."""
    from govbudget import TableKind

    lines = [Line(n, t) for n, t in enumerate(
        ["收支总表", "合计 5.00", "行政运行 5.00", "上年结转 0.00", "收支总表", "见上表"], 1)]
    tables = [(TableKind.SUMMARY, lines[:4]), (TableKind.SUMMARY, lines[4:])]
    assert second_report(tables, [ln.no for ln in lines], [ln.stripped for ln in lines]) is None


@pytest.mark.parametrize(("text", "cover"), [
    ("苏州市自然资源和规划局 2026 年度单位预算公开", True), ("2024年部门预算", True),
    ("第一部分 某局2024年部门预算", True), ("第二部分 某局 2024 年度部门决算表", False),
    ("一般公共预算支出 2144.92 万元，比 2023 年度预算", False), ("2024年", False),
])
def test_cover_title(text: str, cover: bool) -> None:
    assert _cover_title(text) is cover



def test_a_summary_going_on_over_a_page_is_no_second_report() -> None:
    """Two 收支总表 one after the other (one table's pages, its title printed again
    differently) are one report's: another table must stand between two reports'."""
    from govbudget import TableKind

    lines = [Line(n, t) for n, t in enumerate(
        ["收支总表", "合计 5.00", "行政运行 5.00", "上年结转 0.00", "收支总表（续）", "合计 3.00",
         "行政运行 3.00", "上年结转 0.00"], 1)]
    tables = [(TableKind.SUMMARY, lines[:4]), (TableKind.SUMMARY, lines[4:])]
    assert second_report(tables, [ln.no for ln in lines], [ln.stripped for ln in lines]) is None
