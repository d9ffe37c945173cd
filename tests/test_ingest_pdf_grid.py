"""Tests for govbudget._ingest._pdf_grid: ruled grids read cell by cell, and text outside
grids laid out like ``pdftotext -layout`` (PDFs drawn in `tests/pdf_helpers.py`)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget._ingest._pdf import extract_pdf
from govbudget._ingest._pdf_grid import _cluster, _layout, _merge
from govbudget._ingest._pdf_page import _Char, _Rule

from .pdf_helpers import (
    REAL,
    XS,
    W,
    cell_text,
    findings_as_published,
    grid,
    layout_pdf,
    make_pdf,
    rewrite,
    rows_of,
    table,
    ys_for,
)


class TestGrid:
    def test_blank_cells_are_empty_fields(self) -> None:
        """A blank cell in the middle of a row is an empty field: every row has as many
        fields as the grid has columns."""
        rows = [["科目编码", "科目名称", "合计", "基本支出"],
                ["201", "一般公共服务支出", "", "12.50"],
                ["20101", "", "3.00", ""]]
        pdf = extract_pdf(make_pdf(table(rows)), source="t.pdf")
        assert rows_of(pdf.text) == rows
        assert pdf.pages == (1, 1, 1)
        assert pdf.page_count == 1 and pdf.scanned == ()

    def test_wrapped_cell_is_one_field(self) -> None:
        """Text wrapped onto two lines inside one cell is one field: CJK joined without a
        space, ASCII words with one."""
        def draw(c: Any) -> None:
            ys = [780.0, 760.0, 720.0]
            grid(c, XS, ys)
            cell_text(c, XS, ys, 0, 0, "编码")
            cell_text(c, XS, ys, 0, 1, "名称")
            c.drawString(XS[0] + 3, 745, "2080505")
            c.drawString(XS[1] + 3, 748, "机关事业单位基本养老")
            c.drawString(XS[1] + 3, 735, "保险缴费支出")
            c.drawString(XS[2] + 3, 748, "Basic")
            c.drawString(XS[2] + 3, 735, "salary")
            c.drawString(XS[3] + 3, 745, "446.11")
        pdf = extract_pdf(make_pdf(draw), source="t.pdf")
        assert rows_of(pdf.text) == [["编码", "名称", "", ""],
                                     ["2080505", "机关事业单位基本养老保险缴费支出",
                                      "Basic salary", "446.11"]]

    def test_space_inside_a_cell_stays_one_field(self) -> None:
        pdf = extract_pdf(make_pdf(table([["合 计", "公开 01 表", "1", "2"],
                                           ["a", "b", "c", "d"]])), source="t.pdf")
        assert rows_of(pdf.text)[0] == ["合 计", "公开 01 表", "1", "2"]

    def test_indentation_inside_a_cell_is_kept(self) -> None:
        """Ideographic spaces a cell's text starts with (a project under its unit, a 项
        under its 款) are kept as leading U+3000: the level of the row."""
        rows = [["广州市统计局", "1,075.05", "", ""], ["\u3000\u3000运行经费", "86.37", "", ""]]
        pdf = extract_pdf(make_pdf(table(rows)), source="t.pdf")
        assert rows_of(pdf.text) == rows

    def test_merged_cell_text_in_its_first_column(self) -> None:
        """A cell spanning two columns (no ruling line between them in its row) has its
        text in the first column it spans and an empty field for the other."""
        def draw(c: Any) -> None:
            ys = ys_for(2)
            grid(c, XS, ys, skip_v=[(1, 0)])
            c.drawString(XS[0] + 60, ys[0] - 14, "项目")
            cell_text(c, XS, ys, 0, 2, "合计")
            cell_text(c, XS, ys, 0, 3, "基本")
            for col, t in enumerate(["201", "一般公共服务支出", "5.00", "4.00"]):
                cell_text(c, XS, ys, 1, col, t)
        pdf = extract_pdf(make_pdf(draw), source="t.pdf")
        assert rows_of(pdf.text) == [["项目", "", "合计", "基本"],
                                     ["201", "一般公共服务支出", "5.00", "4.00"]]

    def test_rows_of_figures_without_rules_between_them(self) -> None:
        """A band of a grid holding several rows of figures (no horizontal rules between
        the rows) gives one row per line, not one wrapped cell."""
        def draw(c: Any) -> None:
            ys = [780.0, 760.0, 700.0]
            grid(c, XS, ys)
            for col, t in enumerate(["编码", "名称", "合计", "基本"]):
                cell_text(c, XS, ys, 0, col, t)
            for k, (code, name, a, b) in enumerate([("201", "一般公共服务", "5.00", "4.00"),
                                                    ("205", "教育支出", "1.00", "1.00"),
                                                    ("208", "社会保障", "2.00", "0.50")]):
                y = 745 - k * 18
                for col, t in enumerate([code, name, a, b]):
                    c.drawString(XS[col] + 3, y, t)
        pdf = extract_pdf(make_pdf(draw), source="t.pdf")
        assert rows_of(pdf.text)[1:] == [["201", "一般公共服务", "5.00", "4.00"],
                                         ["205", "教育支出", "1.00", "1.00"],
                                         ["208", "社会保障", "2.00", "0.50"]]

    def test_text_around_the_grid_in_reading_order(self) -> None:
        def draw(c: Any) -> None:
            c.drawString(200, 810, "支出预算总表")
            c.drawString(420, 792, "单位：万元")
            table([["编码", "名称", "合计", "基本"], ["201", "一般", "1.00", "1.00"]])(c)
            c.drawString(50, 700, "注：本表无数据。")
        lines = extract_pdf(make_pdf(draw), source="t.pdf").text.split("\n")
        assert [ln.strip() for ln in lines] == [
            "支出预算总表", "单位：万元", "编码\t名称\t合计\t基本", "201\t一般\t1.00\t1.00",
            "注：本表无数据。"]

    def test_text_overflowing_into_an_empty_cell_stays_whole(self) -> None:
        """A long name printed across the ruling line into the (empty) next cell, as
        spreadsheets print it, is the text of the cell it starts in."""
        def draw(c: Any) -> None:
            ys = ys_for(1)
            grid(c, [50.0, 100.0, 200.0, 300.0], ys)
            c.drawString(53, ys[0] - 14, "机关事业单位基本养老")
            c.drawString(203, ys[0] - 14, "446.11")
        pdf = extract_pdf(make_pdf(draw), source="t.pdf")
        assert rows_of(pdf.text) == [["机关事业单位基本养老", "", "446.11"]]

    def test_figures_touching_a_rule_from_both_sides_are_two_cells(self) -> None:
        """Bold figures that fill their cells, the one ending on the rule and the next
        starting there with no gap: two amounts, not one glued figure; a long figure run
        over a rule (no complete amount before it) stays whole."""
        def draw(c: Any) -> None:
            ys = ys_for(2)
            grid(c, [50.0, 100.0, 160.0, 220.0], ys)
            c.drawString(53, ys[0] - 14, "合计")
            c.drawRightString(160.8, ys[0] - 14, "174,900.64")
            c.drawString(159.2, ys[0] - 14, "101,833.84")
            c.drawString(53, ys[1] - 14, "其他")
            c.drawString(140, ys[1] - 14, "123456789.01")
        rows = rows_of(extract_pdf(make_pdf(draw), source="t.pdf").text)
        assert rows[0] == ["合计", "174,900.64", "101,833.84"]
        assert rows[1][0] == "其他" and sorted(rows[1][1:]) == ["", "123456789.01"]

    def test_a_box_around_text_is_not_a_grid(self) -> None:
        """A frame (one column) around a paragraph or a row of figures: laid-out text,
        its lines and column gaps kept."""
        def draw(c: Any) -> None:
            ys = ys_for(2)
            grid(c, [50.0, 500.0], ys)
            c.drawString(55, ys[0] - 14, "201")
            c.drawString(150, ys[0] - 14, "一般公共服务支出")
            c.drawString(400, ys[0] - 14, "5.00")
            c.drawString(55, ys[1] - 14, "说明文字")
        lines = extract_pdf(make_pdf(draw), source="t.pdf").text.split("\n")
        assert [re.split(r" {2,}", ln.strip()) for ln in lines] == [
            ["201", "一般公共服务支出", "5.00"], ["说明文字"]]

    def test_rotated_page(self) -> None:
        """A landscape table on a portrait page turned by /Rotate 90 reads as seen.

        (Latin text in Helvetica: pdfium reads no character of the non-embedded CJK
        font STSong-Light on a rotated page when the machine has no CJK system font to
        stand in for it, while digits of that font read; real reports embed their
        fonts.)"""
        def draw(c: Any) -> None:
            c.setPageRotation(90)
            c.transform(0, 1, -1, 0, W, 0)  # draw in the landscape frame as seen
            c.setFont("Helvetica", 10)
            c.drawString(300, 560, "Expenditure budget")
            ys = [540.0, 520.0, 500.0]
            grid(c, XS, ys)
            for r, row in enumerate([["Code", "Name", "Total", "Basic"],
                                     ["201", "General public services", "5.00", ""]]):
                for col, t in enumerate(row):
                    if t:
                        cell_text(c, XS, ys, r, col, t)
        lines = extract_pdf(make_pdf(draw), source="t.pdf").text.split("\n")
        assert [ln.strip(" ") for ln in lines] == [
            "Expenditure budget", "Code\tName\tTotal\tBasic",
            "201\tGeneral public services\t5.00\t"]

    @settings(max_examples=15, deadline=None)
    @given(st.lists(st.lists(st.sampled_from(["", "201", "一般公共服务支出", "12.50", "合 计"]),
                             min_size=4, max_size=4), min_size=1, max_size=8))
    def test_any_grid_reads_back_cell_by_cell(self, rows: list[list[str]]) -> None:
        """Property: whatever cells are blank, each grid row reads back as its cells,
        blank rows too (a grid with no text at all gives no line)."""
        pdf = extract_pdf(make_pdf(table(rows)), source="t.pdf")
        got = [ln.split("\t") for ln in pdf.text.split("\n")] if pdf.text else []
        assert got == (rows if any(any(r) for r in rows) else [])


class TestLayout:
    """Text outside grids: column gaps as runs of spaces, word gaps as one."""

    def test_table_without_rules_keeps_column_gaps(self) -> None:
        """Outside grids, a column gap is two or more spaces, a word gap one."""
        def draw(c: Any) -> None:
            for k, (code, name, amount) in enumerate([("201", "一般公共服务支出", "5.00"),
                                                      ("20101", "人大事务", "12.50")]):
                y = 780 - k * 16
                c.drawString(50, y, code)
                c.drawString(120, y, name)
                c.drawString(400, y, amount)
            c.drawString(50, 740, "增加 2214.39 万元")
        lines = extract_pdf(make_pdf(draw), source="t.pdf").text.split("\n")
        assert [re.split(r" {2,}", ln.strip()) for ln in lines[:2]] == [
            ["201", "一般公共服务支出", "5.00"], ["20101", "人大事务", "12.50"]]
        assert lines[2].strip() == "增加 2214.39 万元"
        assert "\t" not in "".join(lines)

    def test_wider_gap_more_spaces(self) -> None:
        def draw(c: Any) -> None:
            c.drawString(50, 780, "甲乙")
            c.drawString(100, 780, "丙丁")
            c.drawString(300, 780, "戊己")
        line = extract_pdf(make_pdf(draw), source="t.pdf").text
        a, b = re.findall(r" +", line.strip())
        assert 2 <= len(a) < len(b)

    def test_indentation_as_leading_spaces(self) -> None:
        def draw(c: Any) -> None:
            c.drawString(70, 780, "一、收入预算情况")
            c.drawString(50, 764, "本年收入合计")
        first, second = extract_pdf(make_pdf(draw), source="t.pdf").text.split("\n")
        # 20 pt at 10 pt: two CJK characters, four half-width spaces
        assert first.startswith("    一") and second.startswith("本")


_WORDS = st.text(alphabet="一般公共服务支出0123456789.,", min_size=1, max_size=6)


@pytest.mark.property
@settings(deadline=None)
@given(st.lists(st.tuples(_WORDS, st.booleans(), st.floats(0.25, 0.6), st.floats(1.2, 8.0)),
                min_size=1, max_size=8))
def test_layout_gaps_property(words: list[tuple[str, bool, float, float]]) -> None:
    """Property: laid-out text puts one space at a word gap (0.25–0.6 em) and two or more
    at a column gap (1.2 em or more), so splitting on runs of two spaces gives the
    columns back."""
    em = 10.0
    x = 50.0
    chars: list[_Char] = []
    columns: list[list[str]] = []
    for k, (word, new_column, small, big) in enumerate(words):
        if k:
            x += (big if new_column else small) * em
        if k == 0 or new_column:
            columns.append([])
        columns[-1].append(word)
        for ch in word:
            w = em if ord(ch) > 127 else em / 2
            chars.append(_Char(ch, x, x + w, 100.0, 100.0 + em, index=len(chars)))
            x += w
    line = _layout(chars, 50.0)
    assert re.split(r" {2,}", line) == [" ".join(c) for c in columns]


def test_rules_merged_and_clustered() -> None:
    merged = _merge([_Rule(100.0, 0.0, 50.0), _Rule(100.5, 51.0, 90.0), _Rule(200.0, 0.0, 10.0)])
    assert [(r.pos, r.a, r.b) for r in merged] == [(100.0, 0.0, 90.0), (200.0, 0.0, 10.0)]
    assert _cluster([10.0, 10.4, 11.0, 30.0]) == pytest.approx([31.4 / 3, 30.0])  # the means


def test_a_line_set_in_keeps_its_columns() -> None:
    """Text outside grids: a line's indentation counts half-width characters as the gaps
    do, so a header set in by CJK labels stays over the columns of the rows below."""
    em = 10.0

    def line(x: float, text: str) -> list[_Char]:
        chars = []
        for ch in text:
            w = em if ord(ch) > 127 else em / 2
            chars.append(_Char(ch, x, x + w, 100.0, 100.0 + em, index=len(chars)))
            x += w
        return chars

    header = _layout(line(50.0 + 10 * em, "合计"), 50.0)
    row = _layout([*line(50.0, "201"), *line(50.0 + 10 * em, "5.00")], 50.0)
    assert header.index("合") == row.index("5")


REAL_TEXTS = sorted(p for p in REAL.glob("*.txt") if "dump" not in p.name)


@pytest.mark.parametrize("path", REAL_TEXTS, ids=lambda p: p.stem)
def test_a_pdf_without_rules_reads_as_its_layout_text(path: Any, tmp_path: Any) -> None:
    """A real report's layout text drawn as a PDF without rules (every run at its column):
    the PDF reader's text outside grids gives the errors the layout text gives, and no
    other."""
    from govbudget import check_report, read_report

    pdf = tmp_path / f"{path.stem}.pdf"
    pdf.write_bytes(layout_pdf(path.read_text(encoding="utf-8")))

    def errors(p: Any) -> set[tuple[str, str]]:
        return {(f.rule, f.message) for f in check_report(read_report(p)).errors}

    assert {r for r, _ in errors(pdf)} <= {r for r, _ in errors(path)}


def _ruled(tmp_path: Any, title: str, rows: list[list[str]]) -> Any:
    """A one-page PDF of ``title``, ``单位：万元`` and ``rows`` as a ruled table, read."""
    from govbudget import read_report

    def draw(c: Any) -> None:
        c.drawString(150, 810, title)
        c.drawString(50, 795, "单位：万元")
        table(rows)(c)

    path = tmp_path / "t.pdf"
    path.write_bytes(make_pdf(draw))
    return read_report(path)


def test_a_label_alone_in_its_grid_row_is_a_row_of_its_own(tmp_path: Any) -> None:
    """In a ruled 收支总表 each grid row is a row: 预备费 with no figures is not joined to
    the label of the row under it (其他支出)."""
    from govbudget import TableKind

    rows = [["项目", "金额", "项目", "金额"],
            ["一般公共预算", "10.00", "一般公共服务支出", "10.00"],
            ["", "", "预备费", ""],
            ["", "", "其他支出", ""],
            ["本年收入合计", "10.00", "本年支出合计", "10.00"]]
    summary = _ruled(tmp_path, "2024年预算收支总表", rows).table(TableKind.SUMMARY)
    assert summary is not None
    assert [r.name for r in summary.blocks[1].rows] == [
        "一般公共服务支出", "预备费", "其他支出", "本年支出合计"]


def test_a_ruled_three_public_table_keeps_a_first_item_row_with_no_figures(
        tmp_path: Any) -> None:
    """因公出国（境）费 printed blank as the first item row of a ruled 三公 table is a row, not
    a header line."""
    from govbudget import TableKind

    rows = [["项目名称", "合计", "一般公共预算", "政府性基金预算"],
            ["因公出国（境）费", "", "", ""],
            ["公务接待费", "1.00", "1.00", ""],
            ["公务用车购置及运行费", "", "", ""],
            ["合计", "1.00", "1.00", ""]]
    t = _ruled(tmp_path, "2024年财政拨款安排“三公”经费支出预算表", rows).table(
        TableKind.THREE_PUBLIC)
    assert t is not None
    assert [r.name for r in t.block().rows] == [
        "因公出国（境）费", "公务接待费", "公务用车购置及运行费", "合计"]


def test_a_space_is_a_word_gap_only_between_the_characters_it_follows() -> None:
    """A space in the page's text separates two touching characters only when it lies
    between them there: the character before the space is the one before on the line.
    (A PDF that draws a table column by column has pdfium put a space before each piece
    drawn apart; those are no gaps inside ``300,000``.)"""
    from govbudget._ingest._pdf_grid import _words

    def chars(*spaced_after: int) -> list[_Char]:
        """``300,000`` drawn touching, each character with the stream's character before
        it; ``spaced_after[k]``: the index before the k-th character when a space comes
        before it (-2: no space)."""
        out = []
        for k, ch in enumerate("300,000"):
            after = spaced_after[k] if k < len(spaced_after) else -2
            out.append(_Char(ch, 10.0 + 5 * k, 15.0 + 5 * k, 100.0, 110.0, spaced=after != -2,
                             index=100 + k if k else 50, after=after if after != -2 else k - 1))
        return out
    # a space right after "3" in the stream: a word gap
    assert _words(chars(-2, 50)) == "3 00,000"
    # a space before "0" that follows a character drawn elsewhere (index 7): none
    assert _words(chars(-2, 7, -2, -2, 7)) == "300,000"


@pytest.mark.parametrize("order", ["column_major", "shuffled"])
def test_a_real_report_drawn_in_another_order_gives_the_same_findings(order: str) -> None:
    """The published PDF with each page's objects drawn column by column (as spreadsheet
    exports draw tables), or in any order: the findings of the PDF as published."""
    path = REAL / "shanghai-ptflfy-2024-budget.pdf"
    rewritten, published = findings_as_published(rewrite(order, path), path)
    assert rewritten == published

