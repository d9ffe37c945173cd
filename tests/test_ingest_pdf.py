"""Tests for govbudget._ingest._pdf: PDFs made here (reportlab, its built-in CJK font
STSong-Light) and two real published PDFs."""

from __future__ import annotations

import builtins
import io
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govbudget
from govbudget import ReadError
from govbudget._cli import main
from govbudget._ingest._pdf import INSTALL_HINT, PdfText, extract_pdf

pytest.importorskip("pypdfium2")
canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402

REAL = Path(__file__).parent / "data" / "real"
FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
W, H = 595.0, 842.0

Draw = Callable[[Any], None]


def make_pdf(*pages: Draw, encrypt: Any = None) -> bytes:
    """A PDF with one page per drawing function (reportlab canvas, y up).

    (pdfium reads no text from a reportlab string of one lone CJK character in
    STSong-Light, so the tests draw no such string; real PDFs' one-character cells, such
    as 类/款/项, read.)"""
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=(W, H), encrypt=encrypt)
    for draw in pages:
        c.setFont(FONT, 10)
        draw(c)
        c.showPage()
    c.save()
    return buf.getvalue()


def grid(c: Any, xs: Sequence[float], ys: Sequence[float],
         skip_v: Sequence[tuple[int, int]] = ()) -> None:
    """Ruling lines at ``xs`` × ``ys`` (``ys`` top down, in reportlab's y-up space). A
    vertical line ``(col_edge, row)`` in ``skip_v`` is left out (a merged cell)."""
    c.setLineWidth(0.5)
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for i, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if (i, r) not in skip_v:
                c.line(x, ys[r], x, ys[r + 1])


def cell_text(c: Any, xs: Sequence[float], ys: Sequence[float], r: int, col: int,
              text: str) -> None:
    c.drawString(xs[col] + 3, (ys[r] + ys[r + 1]) / 2 - 3.5, text)


def rows_of(text: str) -> list[list[str]]:
    return [ln.split("\t") for ln in text.split("\n") if "\t" in ln]


XS = [50.0, 150.0, 300.0, 400.0, 520.0]


def ys_for(n: int, top: float = 780.0, step: float = 20.0) -> list[float]:
    return [top - i * step for i in range(n + 1)]


def table(rows: Sequence[Sequence[str]], *, top: float = 780.0,
          xs: Sequence[float] = XS) -> Draw:
    def draw(c: Any) -> None:
        ys = ys_for(len(rows), top)
        grid(c, xs, ys)
        for r, row in enumerate(rows):
            for col, t in enumerate(row):
                if t:
                    cell_text(c, xs, ys, r, col, t)
    return draw


# -- grids -------------------------------------------------------------------------


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
        """A landscape table on a portrait page turned by /Rotate 90 reads as seen."""
        def draw(c: Any) -> None:
            c.setPageRotation(90)
            c.transform(0, 1, -1, 0, W, 0)  # draw in the landscape frame as seen
            c.setFont(FONT, 10)
            c.drawString(300, 560, "支出预算总表")
            ys = [540.0, 520.0, 500.0]
            grid(c, XS, ys)
            for r, row in enumerate([["科目编码", "科目名称", "合计", "基本"],
                                     ["201", "一般公共服务支出", "5.00", ""]]):
                for col, t in enumerate(row):
                    if t:
                        cell_text(c, XS, ys, r, col, t)
        lines = extract_pdf(make_pdf(draw), source="t.pdf").text.split("\n")
        assert [ln.strip(" ") for ln in lines] == [
            "支出预算总表", "科目编码\t科目名称\t合计\t基本", "201\t一般公共服务支出\t5.00\t"]

    @settings(max_examples=15, deadline=None)
    @given(st.lists(st.lists(st.sampled_from(["", "201", "一般公共服务支出", "12.50", "合 计"]),
                             min_size=4, max_size=4), min_size=1, max_size=8))
    def test_any_grid_reads_back_cell_by_cell(self, rows: list[list[str]]) -> None:
        """Property: whatever cells are blank, each grid row reads back as its cells,
        blank rows too (a grid with no text at all gives no line)."""
        pdf = extract_pdf(make_pdf(table(rows)), source="t.pdf")
        got = [ln.split("\t") for ln in pdf.text.split("\n")] if pdf.text else []
        assert got == (rows if any(any(r) for r in rows) else [])


# -- pages -------------------------------------------------------------------------


HEADER = [["科目编码", "科目名称", "合计", "基本支出"], ["类款", "", "", ""]]


class TestPages:
    def test_repeated_header_on_a_continuation_page_is_dropped(self) -> None:
        """A table over two pages: the header the second page repeats is read once; the
        page number between is kept as its own line."""
        def page1(c: Any) -> None:
            c.drawString(200, 810, "一般公共预算支出表")
            table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]])(c)
            c.drawString(290, 40, "- 1 -")

        def page2(c: Any) -> None:
            table([*HEADER, ["205", "教育支出", "1.00", "1.00"],
                   ["合计", "", "6.00", "5.00"]], top=800)(c)
            c.drawString(290, 40, "- 2 -")
        pdf = extract_pdf(make_pdf(page1, page2), source="t.pdf")
        lines = pdf.text.split("\n")
        assert lines.count("科目编码\t科目名称\t合计\t基本支出") == 1
        assert lines.count("类款\t\t\t") == 1
        assert "205\t教育支出\t1.00\t1.00" in lines
        assert [ln.strip() for ln in lines if "\t" not in ln] == [
            "一般公共预算支出表", "- 1 -", "- 2 -"]
        assert len(pdf.pages) == len(lines)
        assert pdf.pages[lines.index("205\t教育支出\t1.00\t1.00")] == 2

    def test_a_new_table_keeps_its_header(self) -> None:
        """The next page starts a new table (a title above it): its header is kept."""
        def page1(c: Any) -> None:
            table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]])(c)

        def page2(c: Any) -> None:
            c.drawString(200, 810, "一般公共预算基本支出表")
            table([*HEADER, ["301", "工资福利支出", "1.00", "1.00"]])(c)
        lines = extract_pdf(make_pdf(page1, page2), source="t.pdf").text.split("\n")
        assert lines.count("科目编码\t科目名称\t合计\t基本支出") == 2

    def test_a_last_row_alone_takes_the_table_columns(self) -> None:
        """The last row of a table alone on a page, its label spanning the code and name
        columns, still has the table's column count."""
        def page1(c: Any) -> None:
            table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]])(c)

        def page2(c: Any) -> None:
            ys = ys_for(1, 800)
            grid(c, XS, ys, skip_v=[(1, 0)])
            cell_text(c, XS, ys, 0, 0, "合计")
            cell_text(c, XS, ys, 0, 2, "5.00")
            cell_text(c, XS, ys, 0, 3, "4.00")
        lines = extract_pdf(make_pdf(page1, page2), source="t.pdf").text.split("\n")
        assert lines[-1] == "合计\t\t5.00\t4.00"

    def test_a_new_table_keeps_its_own_columns(self) -> None:
        """A table under its own title on the next page, its column lines some of the
        previous table's, keeps its own column count."""
        def page1(c: Any) -> None:
            table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]])(c)

        def page2(c: Any) -> None:
            c.drawString(200, 810, "三公经费支出表")
            table([["合计", "因公出国", "公务接待"], ["5.00", "1.00", "4.00"]],
                  xs=[XS[0], XS[2], XS[3], XS[4]])(c)
        lines = extract_pdf(make_pdf(page1, page2), source="t.pdf").text.split("\n")
        assert lines[-1] == "5.00\t1.00\t4.00"

    def test_scanned_and_blank_pages(self) -> None:
        """A page with no text and an image covering it is scanned; a page with neither
        is blank (not scanned)."""
        from reportlab.lib.utils import ImageReader

        png = _png(40, 60)

        def scan(c: Any) -> None:
            c.drawImage(ImageReader(io.BytesIO(png)), 0, 0, W, H)

        def text(c: Any) -> None:
            c.drawString(50, 800, "第一部分 概况")

        pdf = extract_pdf(make_pdf(text, scan, lambda c: None), source="t.pdf")
        assert pdf.scanned == (2,)
        assert pdf.page_count == 3
        assert pdf.text == "第一部分 概况" and pdf.pages == (1,)
        report = govbudget.read_report(make_pdf(scan), name="scan.pdf")
        assert [f.rule for f in report.findings] == ["reading.needs_ocr"]
        assert report.findings[0].location is not None
        assert report.findings[0].location.page == 1

    def test_small_image_is_not_a_scan(self) -> None:
        from reportlab.lib.utils import ImageReader

        def logo(c: Any) -> None:
            c.drawImage(ImageReader(io.BytesIO(_png(4, 4))), 50, 700, 60, 60)
        assert extract_pdf(make_pdf(logo), source="t.pdf").scanned == ()


def _png(w: int, h: int) -> bytes:
    """A grey PNG made without Pillow (zlib and struct only)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + bytes([128]) * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# -- layout text -------------------------------------------------------------------


class TestLayout:
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
        assert first.startswith("  一") and second.startswith("本")

    def test_bold_drawn_twice_reads_once(self) -> None:
        """Fake bold: the same text drawn twice at (almost) the same place reads once, in
        a grid and outside."""
        def draw(c: Any) -> None:
            c.drawString(50, 800, "收支预算总表")
            c.drawString(50.3, 800.1, "收支预算总表")
            ys = ys_for(1)
            grid(c, XS, ys)
            for dx in (0.0, 0.25):
                c.drawString(XS[0] + 3 + dx, ys[0] - 14, "合计")
                c.drawString(XS[2] + 3 + dx, ys[0] - 14, "12.50")
        pdf = extract_pdf(make_pdf(draw), source="t.pdf")
        assert pdf.text.split("\n") == ["收支预算总表", "合计\t\t12.50\t"]

    def test_same_letter_twice_in_a_word_is_kept(self) -> None:
        def draw(c: Any) -> None:
            c.drawString(50, 800, "人人 100.00 万万元")
        assert extract_pdf(make_pdf(draw), source="t.pdf").text == "人人 100.00 万万元"


_WORDS = st.text(alphabet="一般公共服务支出0123456789.,", min_size=1, max_size=6)


@pytest.mark.property
@settings(deadline=None)
@given(st.lists(st.tuples(_WORDS, st.booleans(), st.floats(0.25, 0.6), st.floats(1.2, 8.0)),
                min_size=1, max_size=8))
def test_layout_gaps_property(words: list[tuple[str, bool, float, float]]) -> None:
    """Property: laid-out text puts one space at a word gap (0.25–0.6 em) and two or more
    at a column gap (1.2 em or more), so splitting on runs of two spaces gives the
    columns back."""
    from govbudget._ingest._pdf import _Char, _layout

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


# -- errors and wiring ---------------------------------------------------------------


class TestErrors:
    def test_corrupt_pdf(self) -> None:
        with pytest.raises(ReadError, match="not a readable PDF"):
            extract_pdf(b"%PDF-1.7\n this is not a PDF", source="bad.pdf")
        with pytest.raises(ReadError, match=r"^bad\.pdf: not a readable PDF"):
            govbudget.read_report(b"%PDF-1.4 garbage", name="bad.pdf")

    def test_truncated_pdf(self) -> None:
        data = make_pdf(table([["a", "b", "c", "d"]]))
        with pytest.raises(ReadError):
            govbudget.read_report(data[: len(data) // 3], name="cut.pdf")

    def test_encrypted_pdf(self) -> None:
        data = make_pdf(table([["a", "b", "c", "d"]]), encrypt="secret")
        with pytest.raises(ReadError, match="encrypted"):
            extract_pdf(data, source="locked.pdf")

    def test_owner_password_only_is_read(self) -> None:
        """A PDF encrypted with an owner password only (printing or copying restricted,
        as many published reports are) opens without a password and is read."""
        from reportlab.lib.pdfencrypt import StandardEncryption

        enc = StandardEncryption("", ownerPassword="owner", canCopy=0, canModify=0)
        data = make_pdf(table([["科目编码", "科目名称", "合计", "基本支出"]]), encrypt=enc)
        assert b"/Encrypt" in data
        assert extract_pdf(data, source="r.pdf").text == "科目编码\t科目名称\t合计\t基本支出"

    def test_pdf_without_text(self) -> None:
        with pytest.raises(ReadError, match="no text"):
            govbudget.read_report(make_pdf(lambda c: None), name="empty.pdf")

    def test_missing_extra(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
        """Without pypdfium2: a ReadError naming the extra; the CLI exits 2 with one line."""
        real_import = builtins.__import__

        def no_pdfium(name: str, *args: Any, **kwargs: Any) -> Any:
            if name.startswith("pypdfium2"):
                raise ImportError(name)
            return real_import(name, *args, **kwargs)
        for mod in [m for m in sys.modules if m.startswith("pypdfium2")]:
            monkeypatch.delitem(sys.modules, mod)
        monkeypatch.setattr(builtins, "__import__", no_pdfium)
        data = make_pdf(table([["a", "b", "c", "d"]]))
        with pytest.raises(ReadError, match=re.escape('pip install "govbudget[pdf]"')):
            govbudget.read_report(data, name="x.pdf")
        path = tmp_path / "x.pdf"
        path.write_bytes(data)
        for cmd in ("check", "parse"):
            assert main([cmd, str(path)]) == 2
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and INSTALL_HINT in err

    def test_import_govbudget_does_not_import_pypdfium2(self) -> None:
        import subprocess

        code = "import govbudget, sys; print('pypdfium2' in sys.modules)"
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout
        assert out.strip() == "False"


def test_threads_read_pdfs_one_at_a_time() -> None:
    """PDFium is not thread-safe: PDFs read from several threads at once all come out
    whole (the reader takes one document at a time)."""
    from concurrent.futures import ThreadPoolExecutor

    data = make_pdf(table([*HEADER, ["201", "一般公共服务支出", "5.00", "4.00"]]))
    want = extract_pdf(data, source="t.pdf")
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda _: extract_pdf(data, source="t.pdf"), range(12)))
    assert all(g == want for g in got)


class TestWiring:
    def test_read_report_from_path_and_bytes(self, tmp_path: Path) -> None:
        def draw(c: Any) -> None:
            c.drawString(50, 800, "第二部分 2024年部门预算表")
        data = make_pdf(draw, draw)
        path = tmp_path / "report.PDF"
        path.write_bytes(data)
        for src in (path, str(path), data):
            pdf = extract_pdf(data, source="x")
            assert isinstance(pdf, PdfText) and pdf.pages == (1, 2)
            with pytest.raises(ReadError, match="budget report"):
                govbudget.read_report(src)

    def test_directories_give_pdfs_too(self, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
        """``govbudget check DIR`` reads *.pdf as well as *.txt; a text beside its PDF
        (same name) is the same report, read once, from the PDF."""
        (tmp_path / "a.pdf").write_bytes((REAL / "shanghai-ptflfy-2024-budget.pdf").read_bytes())
        (tmp_path / "a.txt").write_text("not read", encoding="utf-8")
        (tmp_path / "b.txt").write_bytes((REAL / "shanghai-ptflfy-2024-budget.txt").read_bytes())
        assert main(["check", str(tmp_path), "--format", "jsonl", "--quiet"]) in (0, 1)
        out = capsys.readouterr().out
        sources = sorted(Path(json.loads(ln)["file"]).name for ln in out.splitlines()
                         if ln.startswith('{"file"'))
        assert sources == ["a.pdf", "b.txt"]

    def test_check_pdf_on_the_command_line(self, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "r.pdf"
        path.write_bytes((REAL / "shanghai-ptflfy-2024-budget.pdf").read_bytes())
        status = main(["parse", str(path), "--format", "json"])
        out = capsys.readouterr().out
        assert status == 0 and '"tables"' in out
        assert main(["check", str(path)]) in (0, 1)  # read and checked (1: errors found)
        assert "error:" not in capsys.readouterr().err


# -- real PDFs ---------------------------------------------------------------------


def _grids(text: str) -> list[list[list[str]]]:
    """Runs of consecutive tab rows (a grid, or a table over pages) as lists of fields."""
    out: list[list[list[str]]] = []
    prev = False
    for ln in text.split("\n"):
        if "\t" in ln:
            if not prev:
                out.append([])
            out[-1].append(ln.split("\t"))
            prev = True
        elif not re.fullmatch(r"[-\s\d]*", ln):
            prev = False
    return out


@pytest.fixture(scope="module")
def ptghzy() -> PdfText:
    return extract_pdf((REAL / "shanghai-ptghzy-2024-final.pdf").read_bytes(), source="ptghzy")


@pytest.fixture(scope="module")
def ptflfy() -> PdfText:
    return extract_pdf((REAL / "shanghai-ptflfy-2024-budget.pdf").read_bytes(), source="ptflfy")


class TestRealPdfs:
    def test_pages(self, ptghzy: PdfText) -> None:
        assert ptghzy.page_count == 30 and ptghzy.scanned == ()
        assert len(ptghzy.pages) == len(ptghzy.text.split("\n"))
        assert list(ptghzy.pages) == sorted(ptghzy.pages)

    def test_field_count_constant_within_a_table(self, ptghzy: PdfText, ptflfy: PdfText
                                                 ) -> None:
        for pdf in (ptghzy, ptflfy):
            runs = _grids(pdf.text)
            assert len(runs) >= 9
            for run in runs:
                assert len({len(r) for r in run}) == 1, run[0]

    def test_known_rows_whole(self, ptghzy: PdfText) -> None:
        """Code, full name (wrapped in the PDF's narrow cell) and amounts, each in its
        field; blank cells empty."""
        lines = ptghzy.text.split("\n")
        assert "2080505\t机关事业单位基本养老保险缴费支出\t446.11\t446.11\t0.00" in lines
        assert "2200199\t其他自然资源事务支出\t45.00\t0.00\t45.00\t\t\t" in lines
        assert "合计\t\t9746.50\t5364.75\t4381.74" in lines
        # 收入支出决算总表: the income side blank, the expenditure side filled.
        assert "\t\t十一、城乡社区支出\t3845.25" in lines

    def test_header_read_once_across_pages(self, ptflfy: PdfText) -> None:
        lines = ptflfy.text.split("\n")
        heads = [ln for ln in lines if ln.startswith("类\t款\t项")]
        runs = _grids(ptflfy.text)
        assert len(heads) <= len(runs)

    def test_reads_as_a_report(self) -> None:
        report = govbudget.read_report(REAL / "shanghai-ptflfy-2024-budget.pdf")
        assert len(report.tables) >= 9
        assert report.pages and max(report.pages) <= 16
