"""Tests for govbudget._ingest._reader: whole reports, encodings, bad input."""

from __future__ import annotations

import ast
import time
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govbudget
from govbudget import ReadError, TableKind, TableSet
from govbudget._ingest import _reader
from govbudget.testing import build_report

from .ingest_helpers import SAMPLE

D = Decimal


def _strip_lines(report: govbudget.Report) -> govbudget.Report:
    tables = tuple(attrs.evolve(t, line=None, blocks=tuple(
        attrs.evolve(b, rows=tuple(attrs.evolve(r, line=None) for r in b.rows))
        for b in t.blocks)) for t in report.tables)
    return attrs.evolve(report, tables=tables, source="x", findings=())


class TestSample:
    def test_everything_is_read(self) -> None:
        """The sample reads into 13 tables, 13 performance tables, the narrative facts,
        the overview, procurement and assets."""
        r = govbudget.read_report(SAMPLE)
        assert r.table_set is TableSet.SHANXI_13
        assert [t.kind for t in r.tables] == list(govbudget.SHANXI_13)
        assert len(r.performance) == 13
        assert len(r.overview.duties) == 14
        assert len(r.narrative.facts) > 50
        assert r.procurement is not None and r.procurement.total == govbudget.Money("195.00", "万元")
        assert r.assets is not None and r.assets.floor_area == D("1093.42")
        assert r.year == 2024 and r.unit_name and r.unit_name.endswith("办公室")

    def test_every_figure_has_a_line(self) -> None:
        """Every table row, fact and indicator carries its source line."""
        r = govbudget.read_report(SAMPLE)
        assert all(row.line for t in r.tables for _, row in t.rows())
        assert all(f.line for f in r.narrative.facts)
        assert all(i.line for p in r.performance for i in p.indicators_year)

    @pytest.mark.parametrize("variant", ["gb18030", "bom", "crlf", "cr"])
    def test_encodings_and_line_ends(self, tmp_path: Path, variant: str) -> None:
        """GB18030, a UTF-8 BOM, CRLF and CR line ends read to the same report."""
        text = SAMPLE.read_text(encoding="utf-8")
        data = {
            "gb18030": text.encode("gb18030"),
            "bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
            "crlf": text.replace("\n", "\r\n").encode("utf-8"),
            "cr": text.replace("\n", "\r").encode("utf-8"),
        }[variant]
        f = tmp_path / "r.txt"
        f.write_bytes(data)
        assert attrs.evolve(govbudget.read_report(f), source="s") == attrs.evolve(
            govbudget.read_report(SAMPLE), source="s")

    def test_given_encoding(self, tmp_path: Path) -> None:
        """An explicit encoding is used; a wrong one is a ReadError."""
        f = tmp_path / "r.txt"
        f.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gbk", errors="replace"))
        assert govbudget.read_report(f, encoding="gbk").year == 2024
        with pytest.raises(ReadError):
            govbudget.read_report(SAMPLE, encoding="ascii")

    def test_sources(self) -> None:
        """A Path, a str path, bytes and text all work; the source is recorded."""
        text = SAMPLE.read_text(encoding="utf-8")
        by_path = govbudget.read_report(SAMPLE)
        assert by_path.source == str(SAMPLE)
        assert govbudget.read_report(str(SAMPLE)).tables == by_path.tables
        assert govbudget.read_report(SAMPLE.read_bytes(), name="b").source == "b"
        assert govbudget.read_report(text).tables == by_path.tables


class TestBadInput:
    @pytest.mark.parametrize("text", ["", "   \n\n  ", "hello\nworld", "一些文字\n没有表格"])
    def test_not_a_report(self, text: str) -> None:
        """Empty or unrelated text raises ReadError, not a traceback."""
        with pytest.raises(ReadError):
            govbudget.read_report(text if "\n" in text else text + "\n")

    def test_binary(self) -> None:
        """Binary data is refused."""
        with pytest.raises(ReadError, match="binary"):
            govbudget.read_report(b"\x00\x01\x02" * 100)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a ReadError naming it."""
        with pytest.raises(ReadError, match="nope"):
            govbudget.read_report(tmp_path / "nope.txt")

    def test_too_large(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file above MAX_BYTES is refused before it is read."""
        monkeypatch.setattr(_reader, "MAX_BYTES", 10)
        f = tmp_path / "big.txt"
        f.write_text("x" * 100, encoding="utf-8")
        with pytest.raises(ReadError, match="larger"):
            govbudget.read_report(f)

    def test_megabyte_of_digits_is_fast(self) -> None:
        """1 MB of digits (one line, or many) is refused quickly: linear time."""
        for text in ("1234567890" * 100_000 + "\n", ("1234567890" * 10 + "\n") * 10_000):
            start = time.perf_counter()
            with pytest.raises(ReadError):
                govbudget.read_report(text)
            assert time.perf_counter() - start < 5

    def test_truncated(self) -> None:
        """A report cut in the middle of a table still reads its complete tables."""
        text = SAMPLE.read_text(encoding="utf-8")
        cut = text[: text.index("2010104 人大会议")]
        r = govbudget.read_report(cut)
        assert r.table(TableKind.SUMMARY) is not None
        assert r.table(TableKind.GENERAL_EXPENDITURE) is None


class TestOtherReports:
    def _report(self, table_set: TableSet) -> govbudget.Report:
        return build_report(
            leaves=[("2050205", D("3000000"), D("0")), ("2080505", D("400000"), D("0")),
                    ("2120102", D("0"), D("1200000"))],
            economic=[("30101", D("2000000")), ("30108", D("400000")), ("30201", D("1000000"))],
            projects=[("校园安全改造", D("700000")), ("实验设备购置", D("500000"))],
            unit_name="某市第二中学", year=2025, table_set=table_set)

    @pytest.mark.parametrize("table_set", [TableSet.SHANXI_13, TableSet.MOF_9])
    @pytest.mark.parametrize("artefacts", [False, True])
    def test_render_and_read(self, table_set: TableSet, artefacts: bool) -> None:
        """A report unlike the sample (other unit, year, codes, table set) renders to text
        and reads back to the same tables."""
        r = self._report(table_set)
        again = govbudget.read_report(govbudget.render_report(r, artefacts=artefacts))
        assert again.table_set is table_set
        assert again.unit_name == "某市第二中学" and again.year == 2025
        assert _strip_lines(again).tables == _strip_lines(r).tables


def _code_strings(path: Path) -> list[str]:
    """String constants of a module's code (docstrings and comments excluded)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [n.value for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_reader_names_nothing_from_the_sample() -> None:
    """The reader's code does not mention the sample's unit, city or figures (examples in
    docstrings may)."""
    src = Path(_reader.__file__).parent
    strings = [s for p in src.glob("*.py") for s in _code_strings(p)]
    for needle in ("晋城", "人大常委", "2599.99", "894.11", "1705.88", "jincheng"):
        assert not [s for s in strings if needle in s], needle


@pytest.mark.parametrize("artefacts", [False, True])
def test_sample_round_trip_through_the_writer(artefacts: bool) -> None:
    """The whole sample, rendered back to text and read again, gives the same tables,
    performance tables and narrative facts (on other lines)."""
    r = govbudget.read_report(SAMPLE)
    again = govbudget.read_report(govbudget.render_report(r, artefacts=artefacts))
    assert _strip_lines(again).tables == _strip_lines(r).tables

    def perf(p: govbudget.PerformanceTable) -> govbudget.PerformanceTable:
        return attrs.evolve(
            p, line=None, end_line=None,
            funding=tuple(attrs.evolve(f, line=None) for f in p.funding),
            indicators_period=tuple(attrs.evolve(i, line=None) for i in p.indicators_period),
            indicators_year=tuple(attrs.evolve(i, line=None) for i in p.indicators_year))

    assert [perf(p) for p in again.performance] == [perf(p) for p in r.performance]

    def facts(rep: govbudget.Report) -> list[tuple[object, ...]]:
        return [(f.subject, f.kind, f.value, f.unit, f.direction, f.compared_to, f.qualifier)
                for f in rep.narrative.facts]

    assert facts(again) == facts(r)
    assert again.overview.duties == r.overview.duties


def test_titles_alone_on_their_line_cut_the_parts() -> None:
    """Without part headings (Shanghai districts), 名词解释 opens the glossary (not read: a
    definition is not a fact), …预算编制说明 and 其他相关情况说明 open the narrative."""
    text = ("某某街道办事处（部门）主要职能\n  一、加强党的建设。\n"
            "                           名词解释\n"
            "  （一）财政拨款收入：是本年度从本级财政部门取得的财政拨款，例如100.00万元。\n"
            "                           2024年部门预算编制说明\n"
            "     2024年，某某街道办事处收入预算15621.11万元。\n"
            "                             其他相关情况说明\n"
            "   一、2024年“三公”经费预算情况说明\n"
            "      2024年“三公”经费预算数为47.91万元。\n")
    r = govbudget.read_report(text)
    assert [(f.subject, f.value, f.line) for f in r.narrative.facts] == [
        ("预算收入总计", Decimal("15621.11"), 6), ("三公经费", Decimal("47.91"), 9)]
    assert [s.title for s in r.narrative.sections] == [
        "2024年部门预算编制说明", "其他相关情况说明", "一、2024年“三公”经费预算情况说明"]


def test_unit_name_from_the_cover_when_the_tables_print_none() -> None:
    from govbudget._ingest._reader import _cover_name

    assert _cover_name(["上海市普陀区规划和自然", "资源局", "2024 年度部门决算", "目   录"]) == \
        "上海市普陀区规划和自然资源局"
    assert _cover_name(["2026 年度", "福州市民政局(本级)", "单位预算", "目录"]) == "福州市民政局(本级)"
    assert _cover_name(["国家信访局", "2024 年度部门决算", "二〇二五年七月", "目    录"]) == "国家信访局"
    assert _cover_name(["关于2024年预算的说明", "目录"]) is None  # not a unit's name


def test_parts_not_read_end_where_the_line_by_line_tests_end_them() -> None:
    """An attachment and the glossary are skipped to the next line that can end them (a
    part heading, a title alone on its line, a performance table's title): found by one
    search, they are the lines the per-line tests would stop at."""
    from govbudget._ingest._reader import _wake_lines

    strips = ["附件：某某关于印发目录的通知", "一、购买服务目录", "说明书", "", "x部分y",
              "某某说明", "项目支出绩效目标表", "信访项目绩效自评表", "名词解释"]
    assert _wake_lines(strips, 1) == [4, 5, 6, 7, 8]
    assert _wake_lines(strips, 6) == [6, 7, 8]
    assert _wake_lines(["一行", ""], 0) == []
    text = ("第三部分 2024年度单位预算情况说明\n  一、收入预算情况\n  2024年收入预算100.00万元。\n"
            "附件：某某关于印发购买服务目录的通知\n" + "  服务项目 说明 2024年 表\n" * 50
            + "项目支出绩效目标表\n项目名称 培训\n")
    r = govbudget.read_report(text)
    assert [(f.subject, f.value) for f in r.narrative.facts] == [("预算收入总计", Decimal("100.00"))]
    assert len(r.performance) == 1
    from govbudget._ingest._text import split_lines

    seg = _reader._segment(split_lines(text))
    assert seg.tables == [] and seg.performance[0].no == 55


def test_a_self_evaluation_title_with_a_blank_inside_is_still_read() -> None:
    """The self-evaluation reader is skipped only when no line of the performance tables
    holds 自评 once its blanks are dropped, as its title test reads it."""
    from .test_ingest_selfeval import TABLE

    head = "项目支出绩效目标表\n项目名称 培训\n"
    r = govbudget.read_report(head + TABLE.replace("某项目绩效自评表", "某项目绩效 自评表"))
    assert [e.project for e in r.self_evaluations] == ["某项目"]
    assert govbudget.read_report(head + "项目名称 评估\n").self_evaluations == ()


def test_year_from_the_title_when_no_table_names_it() -> None:
    """A report of narrative only whose cover drops the 年 (2026 部门预算情况的说明) is of
    the title's year, not of the first year its text mentions."""
    text = ("北京市某委员会\n   2026 部门预算情况的说明\n  一、部门情况说明\n"
            "  根据《关于机构设置的通知》（京政发〔2009〕2号），2025年起……\n"
            "  二、收入预算情况说明\n  2026年收入预算100.00万元。\n")
    assert govbudget.read_report(text).year == 2026


@pytest.mark.parametrize("path", [SAMPLE, *sorted((Path(__file__).parent / "data" / "real")
                                                  .glob("*.txt"))], ids=lambda p: p.name)
def test_plain_lines_passed_straight_to_their_part_change_no_segment(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A line holding none of the words the segmenter's other tests need goes straight to
    its part: the segments are the ones the line-by-line tests give every line."""
    from govbudget._ingest._pages import strip_furniture
    from govbudget._ingest._text import split_lines

    lines = strip_furniture(split_lines(path.read_text(encoding="utf-8")))

    def cut() -> list[list[tuple[int, str]]]:
        seg = _reader._segment(lines)
        parts = [seg.overview, seg.narrative, seg.performance, *(tl for _, tl in seg.tables)]
        return [[(ln.no, ln.text) for ln in part] for part in parts] + [
            [(0, k.value) for k, _ in seg.tables]]

    fast = cut()
    monkeypatch.setattr(_reader, "_plain", lambda t: True)  # every line through every test
    assert cut() == fast


def test_a_figure_cut_by_a_line_break_makes_its_table_doubtful() -> None:
    """``2.85  0`` | ``.39``: the head of a cut figure reads as a figure of its own (0), the
    tail as none; a table holding such a tail is doubtful (``amounts``) in every style, and
    its figures are not checked."""
    text = """第二部分 部门预算表
部门“三公”经费预算表
单位：万元
合计 因公出国（境）费 公务接待费 公务用车购置及运行费
小计 购置费 运行费
12.50  2.00  3.50  7.00  5.00  1
.00
"""
    report = govbudget.read_text(text)
    table = report.table(TableKind.THREE_PUBLIC)
    assert table is not None and [(d.reason, d.lines) for d in table.doubts][-1:] == [
        ("amounts", (7,))]
    assert not govbudget.check_report(report).errors
    whole = govbudget.read_text(text.replace("1\n.00", "2.00"))
    assert not whole.table(TableKind.THREE_PUBLIC).doubts


def test_tables_on_pages_of_ocr_text_are_doubtful_and_said_once() -> None:
    """Pages whose text an OCR tool laid over a scan: the tables printed there are not
    checked (a misread digit would be reported as the report's error), one finding names
    the pages; other pages' tables are read as before."""
    text = SAMPLE.read_text(encoding="utf-8")
    plain = govbudget.read_text(text)
    pages = sorted({plain.page_of(t.line) for t in plain.tables if t.line})
    ocr = govbudget.read_text(text, ocr=pages[:2])
    on = {t.title for t in ocr.tables if any(d.reason == "ocr" for d in t.doubts)}
    assert on == {t.title for t in plain.tables if plain.page_of(t.line) in pages[:2]} != set()
    said = [f for f in ocr.findings if f.rule == "reading.ocr_text"]
    assert len(said) == 1 and said[0].location.page == pages[0]
    assert ocr.ocr_pages == tuple(pages[:2])
    result = govbudget.check_report(ocr)
    assert {n.section for n in result.not_checked} >= on
    # nothing a check finds on those pages is reported; the reading's findings are
    assert not [f for f in result.findings if f.location.page in pages[:2]
                and not f.rule.startswith("reading.")]
    assert govbudget.read_text(text, ocr=()) == plain
    # the whole report of OCR text: no error, every table not checked
    every = govbudget.check_report(govbudget.read_text(text, ocr=range(1, 100)))
    assert not every.errors and len(every.not_checked) >= len(plain.tables)
