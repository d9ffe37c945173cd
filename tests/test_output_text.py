"""Tests for govbudget._output._text: text for people."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest

from govbudget import check_report, read_report
from govbudget._cli import main
from govbudget._findings import Severity
from govbudget._output._contract import Filters, file_entry
from govbudget._output._text import Style, render_entry
from govbudget._output._width import width

REAL = sorted(glob.glob(str(Path(__file__).resolve().parent / "data" / "real" / "*.txt")))


@pytest.fixture(scope="module")
def entry() -> dict[str, object]:
    from tests.conftest import SAMPLE

    return file_entry(str(SAMPLE), check_report(read_report(SAMPLE)))


def test_fits_80_columns_chinese_by_default(entry: dict[str, object]) -> None:
    """No line wider than 80 display columns; labels in Chinese; no 'None'."""
    text = render_entry(entry, Style())
    assert max(width(x) for x in text.splitlines()) <= 80
    for label in ("应为", "实为", "相差", "根源", "连带", "错误", "警告", "提示"):
        assert label in text
    assert "None" not in text and "expected" not in text


@pytest.mark.parametrize("columns", [40, 60, 100, 132])
def test_other_widths(entry: dict[str, object], columns: int) -> None:
    """Any width is kept, in both languages."""
    for lang in ("zh", "en"):
        text = render_entry(entry, Style(width=columns, lang=lang))
        assert max(width(x) for x in text.splitlines()) <= columns


def test_english(entry: dict[str, object]) -> None:
    """--lang en: English labels and messages."""
    text = render_entry(entry, Style(lang="en"))
    words = " ".join(text.split())  # a label may be wrapped onto the next line
    assert "expected" in text and "likely root" in words and "应为 " not in text


def test_amounts_as_the_report_prints_them(entry: dict[str, object]) -> None:
    """Digit grouping, the table's unit, and no amount glued to another."""
    text = render_entry(entry, Style())
    assert "1,788.22万元" in text and "2,556,000元" in text
    assert "210.60万元" in text  # a table's figure keeps its printed decimals


def test_summary_counts_what_the_filter_hid(sample_path: Path) -> None:
    """--min-severity error: the summary still counts the warnings."""
    result = check_report(read_report(sample_path))
    warnings = sum(1 for f in result.findings if f.severity is Severity.WARNING)
    e = file_entry("a", result, Filters(min_severity=Severity.ERROR))
    text = render_entry(e, Style())
    assert f"警告 {warnings}" in text and warnings > 0
    assert "隐藏" in text and "低于 --min-severity" in text


def test_colour_only_when_asked(entry: dict[str, object]) -> None:
    """ANSI codes only with colour on."""
    assert "\x1b[" not in render_entry(entry, Style())
    coloured = render_entry(entry, Style(colour=True))
    assert "\x1b[1;31m错误\x1b[0m" in coloured
    assert max(width(x) for x in coloured.splitlines()) <= 80


def test_cli_colour_respects_no_color(sample_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    """--color always colours; auto does not when not a terminal or NO_COLOR is set."""
    main(["check", str(sample_path), "--color", "always"])
    assert "\x1b[" in capsys.readouterr().out
    main(["check", str(sample_path)])
    assert "\x1b[" not in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    main(["check", str(sample_path)])
    assert "\x1b[" not in capsys.readouterr().out


@pytest.mark.parametrize("path", REAL, ids=lambda p: Path(p).name)
def test_real_reports_fit_80_columns(path: str) -> None:
    """The real reports' text output fits 80 columns too."""
    e = file_entry(path, check_report(read_report(path)))
    text = render_entry(e, Style())
    assert max(width(x) for x in text.splitlines()) <= 80


def test_not_checked_shown(sample_path: Path) -> None:
    """A table the reader is not sure of is listed as not checked, and counted."""
    from attrs import evolve

    from govbudget import Doubt

    report = read_report(sample_path)
    t = report.tables[2]
    doubtful = evolve(report, tables=(*report.tables[:2],
                                      evolve(t, doubts=(Doubt(reason="columns",
                                                              message="列数不符",
                                                              message_en="columns differ",
                                                              lines=(t.line or 1,)),)),
                                      *report.tables[3:]))
    e = file_entry("a", check_report(doubtful))
    text = render_entry(e, Style())
    assert "未检查" in text and "列数不符" in text and e["summary"]["not_checked"] == 1
