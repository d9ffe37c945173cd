"""Tests for govbudget._ingest._pdf_page: characters read once (fake bold), scans told
apart (PDFs drawn in `tests/pdf_helpers.py`)."""

from __future__ import annotations

import io
from typing import Any, ClassVar

import govbudget
from govbudget._ingest._pdf import extract_pdf
from govbudget._ingest._pdf_page import _Mat

from .pdf_helpers import REAL, XS, H, W, findings_as_published, grid, make_pdf, rewrite, ys_for


class TestCharacters:
    """Characters drawn twice at the same place read once; a letter twice in a word stays."""

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


class TestScans:
    """A page with no text and an image over most of it is a scan."""

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


def test_matrices_compose_as_in_pdf() -> None:
    shift = _Mat(1, 0, 0, 1, 10, 20)
    turn = _Mat(0, 1, -1, 0, 0, 0)  # a quarter turn
    assert shift.apply(1, 2) == (11, 22)
    assert shift.then(turn).apply(1, 2) == turn.apply(11, 22)


class TestTurnedPages:
    """A page is read the way its text runs: a table drawn turned on an upright page
    (either way, or upside down) and a page turned by /Rotate read as the upright page."""

    # (Latin words: pdfium reads no text of reportlab's built-in CJK font drawn turned;
    # the real report below, in its own fonts, is read turned with its ideographs.)
    ROWS: ClassVar[list[list[str]]] = [["Item", "", "Amount", ""], ["General services", "", "12.50", ""],
            ["Total", "", "12.50", ""]]

    @staticmethod
    def _turned(turn: int, rotate: int = 0) -> bytes:
        """The table drawn turned ``turn`` degrees counter-clockwise on a page sized to
        hold it, the page's /Rotate ``rotate``."""
        from .pdf_helpers import FONT, canvas_mod, table

        buf = io.BytesIO()
        size = (H, W) if turn in (90, 270) else (W, H)
        if rotate in (90, 270):  # (reportlab swaps a page's size when it turns it)
            size = (size[1], size[0])
        c = canvas_mod.Canvas(buf, pagesize=size)
        c.setFont(FONT, 10)
        if rotate:
            c.setPageRotation(rotate)
        shift = {0: (0.0, 0.0), 90: (H, 0.0), 180: (W, H), 270: (0.0, W)}[turn]
        c.translate(*shift)
        c.rotate(turn)
        table(TestTurnedPages.ROWS)(c)
        c.showPage()
        c.save()
        return buf.getvalue()

    def test_a_turned_table_reads_as_upright(self) -> None:
        upright = extract_pdf(self._turned(0), source="t.pdf").text
        assert "General services\t\t12.50" in upright
        for turn in (90, 180, 270):
            assert extract_pdf(self._turned(turn), source="t.pdf").text == upright, turn

    def test_rotate_is_followed_where_the_text_is_drawn_turned_and_not_where_upright(
            self) -> None:
        """A landscape page made by /Rotate with its content drawn turned (what printing
        to PDF makes) reads upright, as before; an upright drawing under /Rotate (shown
        turned) reads as drawn."""
        upright = extract_pdf(self._turned(0), source="t.pdf").text
        assert extract_pdf(self._turned(90, rotate=90), source="t.pdf").text == upright
        assert extract_pdf(self._turned(270, rotate=270), source="t.pdf").text == upright
        assert extract_pdf(self._turned(0, rotate=90), source="t.pdf").text == upright

    def test_a_real_report_turned_gives_the_same_findings(self) -> None:
        """The published PDF (tests/data/real) with every page's content turned a
        quarter on an upright page: the findings of the PDF as published."""
        path = REAL / "shanghai-ptflfy-2024-budget.pdf"
        rewritten, published = findings_as_published(rewrite("turned90", path), path)
        assert rewritten == published

class TestOcrLayers:
    """Text drawn invisible over an image that covers the page is an OCR tool's layer:
    the page is listed in `PdfText.ocr` (and read)."""

    @staticmethod
    def _page(*, invisible: bool, image: bool) -> bytes:
        from reportlab.lib.utils import ImageReader

        def draw(c: Any) -> None:
            if image:
                c.drawImage(ImageReader(io.BytesIO(_png(8, 8))), 0, 0, W, H)
            text = c.beginText(50, 800)
            text.setFont("STSong-Light", 10)
            if invisible:
                text.setTextRenderMode(3)
            text.textLine("一般公共服务支出 12.50")
            c.drawText(text)
        return make_pdf(draw)

    def test_invisible_text_over_a_page_image_is_ocr(self) -> None:
        pdf = extract_pdf(self._page(invisible=True, image=True), source="t.pdf")
        assert pdf.ocr == (1,) and pdf.scanned == ()
        assert "一般公共服务支出 12.50" in pdf.text  # (read: the reader doubts its tables)

    def test_visible_text_or_no_image_is_no_ocr(self) -> None:
        assert extract_pdf(self._page(invisible=False, image=True), source="t.pdf").ocr == ()
        assert extract_pdf(self._page(invisible=True, image=False), source="t.pdf").ocr == ()


class TestSlantedText:
    """Characters drawn slanted across a page (a watermark, a stamp) are not its text;
    text turned a quarter is."""

    def test_only_angles_off_every_quarter_are_slanted(self) -> None:
        import math

        from govbudget._ingest._pdf_page import _slanted

        for quarter in range(4):
            for off in (0.0, 0.05, -0.05):
                assert not _slanted((quarter * math.pi / 2 + off) % (2 * math.pi))
        assert _slanted(math.radians(30)) and _slanted(math.radians(315))
        assert not _slanted(-1.0)  # pdfium's "unknown"

    def test_a_real_report_under_a_watermark_of_figures_gives_the_same_findings(self) -> None:
        """The published PDF with a slanted watermark of a date and an address (digits)
        drawn twice across every page: the findings of the PDF as published (before: the
        watermark's figures were read into the narrative and the tables)."""
        path = REAL / "shanghai-ptflfy-2024-budget.pdf"
        rewritten, published = findings_as_published(rewrite("watermark", path), path)
        assert rewritten == published

class TestTextOffThePage:
    """Text drawn outside the part of the page shown (beyond its crop box) is not read."""

    def test_figures_drawn_off_the_page_are_not_read(self) -> None:
        def draw(c: Any) -> None:
            c.drawString(50, 800, "合计 12.50")
            c.drawString(-300, 400, "9,999.99")  # left of the page
            c.drawString(50, H + 40, "1234.56")  # above it
        text = extract_pdf(make_pdf(draw), source="t.pdf").text
        assert text == "合计 12.50"

    def test_a_real_report_with_figures_off_its_pages_gives_the_same_findings(self) -> None:
        """The published PDF with figures drawn beside, above and below every page: the
        findings of the PDF as published (before: false code and sum errors)."""
        path = REAL / "shanghai-ptflfy-2024-budget.pdf"
        rewritten, published = findings_as_published(rewrite("off_page", path), path)
        assert rewritten == published

