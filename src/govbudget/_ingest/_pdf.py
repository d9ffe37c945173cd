"""Reading a PDF's text, with its ruled tables rebuilt cell by cell (needs ``pypdfium2``).

`extract_pdf` turns a PDF into the text `govbudget._ingest._reader.read_text` reads:

- one line per visual row, pages in order, top to bottom;
- inside a **ruled table grid** (cells delimited by ruling lines) a row is its cells in
  column order joined by ``"\\t"``: a blank cell is an empty field, so every row of a grid
  has as many fields as the grid has columns; a merged cell's text is in the first column
  (and the first row) it spans; text wrapped inside a cell is one field (CJK joined
  without a space, ASCII words with one space); ideographic spaces printed before a
  cell's text (its indentation, the level of the row) are kept;
- a table that runs over pages repeats its column header on each page: on a
  continuation page the rows equal to the header rows of the table on the page before are
  dropped;
- outside grids (narrative, tables printed without ruling lines) lines are laid out like
  ``pdftotext -layout``: a single space between words, two or more spaces (about one per
  half-width character of the gap) where the gap is a column gap;
- a character drawn twice at the same place (fake bold) is read once;
- a page with no text and an image covering most of it is listed as *scanned*; a page
  whose text is drawn invisible over such an image (an OCR tool's layer) as *ocr*.

How the page is seen: pdfium gives each character's box (the loose box: its advance
width and the font's ascent and descent, the same height for a whole line) and the
page's objects: path objects that are thin lines or thin filled rectangles are the ruling
lines; image objects tell a scan. Ruling lines that touch make a grid; the x of its
vertical lines and the y of its horizontal lines cut it into atomic cells; two
neighbouring atomic cells with no ruling line between them are one (merged) cell.

What pdfium shows of a page is read by `govbudget._ingest._pdf_page`; the grids, their
cells and the laid-out lines by `govbudget._ingest._pdf_grid`; this module puts the pages
together (tables over pages, their repeated headers, page furniture) under one lock.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._errors import ReadError
from .._pattern_cache import compile_pattern
from ._pdf_grid import _Grid, _grid_rows, _grids, _layout, _lines_of, _words
from ._pdf_page import _SNAP, _Char, _Line, _Page, _Rule

if TYPE_CHECKING:  # pragma: no cover
    from types import ModuleType

__all__ = ["PdfText", "extract_pdf", "load_pdfium"]

INSTALL_HINT: Final = 'reading PDF files needs pypdfium2: pip install "govbudget[pdf]"'


@attrs.frozen
class PdfText:
    """The text of a PDF as `extract_pdf` lays it out.

    Attributes:
        text: the lines, joined by ``"\\n"``.
        pages: the 1-based page of each line of ``text`` (as long as
            ``text.split("\\n")``).
        scanned: the pages that hold only an image (a scan, no text): they need OCR.
        page_count: the number of pages.
        ocr: the pages whose text is an OCR tool's (drawn invisible over an image that
            covers the page): their figures are a machine's reading of a scan.
    """

    text: str
    pages: tuple[int, ...]
    scanned: tuple[int, ...]
    page_count: int
    ocr: tuple[int, ...] = ()


def load_pdfium(source: str = "<pdf>") -> ModuleType:
    """Import ``pypdfium2.raw`` (only when a PDF is read).

    Raises:
        ReadError: ``pypdfium2`` is not installed (the message says how to install it).
    """
    try:
        import pypdfium2.raw as raw
    except ImportError:
        raise ReadError(INSTALL_HINT, source=source) from None
    module: ModuleType = raw
    return module


# -- pages ---------------------------------------------------------------------------


@attrs.define
class _PageOut:
    lines: list[_Line]
    scanned: bool = False
    ocr: bool = False  # the text is an OCR layer over a scan (see `PdfText.ocr`)
    half: bool = False  # the right of two pages printed side by side on one
    last_xs: list[float] | None = None  # the columns of the grid that ends the page


def _align(grid: _Grid, xs: Sequence[float]) -> None:
    """A grid that continues a table on a new page takes the table's columns when its own
    are some of them (a last row such as 合计 spanning the code columns, alone on the page,
    shows fewer column lines)."""
    near = 2 * _SNAP
    if len(grid.xs) >= len(xs) or abs(grid.left - xs[0]) > near \
            or abs(grid.right - xs[-1]) > near:
        return
    if all(any(abs(x - p) <= near for p in xs) for x in grid.xs):
        grid.xs = list(xs)


def _read_page(raw: Any, doc: Any, index: int, prev: _PageOut | None = None,
               source: str = "<pdf>") -> list[_PageOut]:
    """One page's lines (two pages' where it prints two side by side, the second marked
    ``half``). ``prev`` is the page before (its table may go on here)."""
    page = raw.FPDF_LoadPage(doc, index)
    if not page:
        raise ReadError(f"page {index + 1} cannot be read", source=source)
    textpage = raw.FPDFText_LoadPage(page)
    try:
        p = _Page(raw, page)
        chars = p.chars(textpage) if textpage else []
        hs, vs, cover = p.objects()
        # Text drawn invisible over an image covering the page: an OCR tool's reading of
        # a scan (looked at only where such an image is).
        ocr = bool(chars) and cover >= 0.5 and p.hidden_text() >= 0.5
    finally:
        if textpage:
            raw.FPDFText_ClosePage(textpage)
        raw.FPDF_ClosePage(page)
    if not chars:
        return [_PageOut([], scanned=cover >= 0.5)]
    gutter = _two_up(chars, hs, vs, p.width)
    if gutter is None:
        out = [_lay_out(chars, hs, vs, prev)]
    else:  # two pages side by side: the left one, then the right one (of the same page)
        left = _lay_out([c for c in chars if c.x1 <= gutter],
                        [r for r in hs if r.b <= gutter], [r for r in vs if r.pos < gutter], prev)
        right = _lay_out([c for c in chars if c.x1 > gutter],
                         [r for r in hs if r.a >= gutter], [r for r in vs if r.pos > gutter],
                         left)
        right.half = True
        out = [left, right]
        for half in out:  # each side's page number, at its foot (no longer the page's)
            if half.lines and half.lines[-1].grid < 0 and _PAGE_NO.match(half.lines[-1].text):
                half.lines.pop()
    for page_out in out:
        page_out.ocr = ocr
    return out


_GUTTER: Final = 36.0  # two pages side by side are this far apart at least


def _two_up(chars: Sequence[_Char], hs: list[_Rule], vs: list[_Rule], width: float
            ) -> float | None:
    """Where a page printed as two pages side by side (a booklet's imposition) is cut, or
    None: a band at least `_GUTTER` wide between a quarter and three quarters of the width
    that no character and no horizontal rule crosses, each side a page of its own
    (`_a_page`: what a two-sided table printed without rules, whose rows also align
    across a gap in the middle, is not)."""
    lo, hi = width * 0.25, width * 0.75
    spans = sorted([*((c.x0, c.x1) for c in chars if c.x1 > lo and c.x0 < hi),
                    *((r.a, r.b) for r in hs if r.b > lo and r.a < hi)])
    bands: list[tuple[float, float]] = []  # free of characters and horizontal rules
    x = lo
    for a, b in [*spans, (hi, hi)]:
        if min(a, hi) - x >= _GUTTER:
            bands.append((x, min(a, hi)))
        x = max(x, b)
        if x >= hi:
            break
    for a, b in sorted(bands, key=lambda band: band[0] - band[1]):  # the widest first
        cut = (a + b) / 2
        left = ([c for c in chars if c.x1 <= cut], [r for r in hs if r.b <= cut],
                [r for r in vs if r.pos < cut])
        right = ([c for c in chars if c.x0 >= cut], [r for r in hs if r.a >= cut],
                 [r for r in vs if r.pos > cut])
        if _a_page(*left) and _a_page(*right):
            return cut
    return None


def _a_page(chars: list[_Char], hs: list[_Rule], vs: list[_Rule]) -> bool:
    """Whether one side of a page cut at a gutter is a page of its own: a page number at
    its foot, a ruled table of its own, or running text (most of its longer lines hold a
    comma or a full stop) — what neither side of a two-sided table printed without rules
    is."""
    lines = [_words(ln).strip() for ln in _lines_of(chars)] if chars else []
    if not lines:
        return False
    if _PAGE_NO.match(lines[-1]) or _grids(hs, vs):
        return True
    long = [t for t in lines if len(t) >= 8]
    return bool(long) and 2 * sum(1 for t in long if "，" in t or "。" in t) > len(long)


def _lay_out(chars: Sequence[_Char], hs: list[_Rule], vs: list[_Rule],
             prev: _PageOut | None) -> _PageOut:
    """The lines of a page's characters and rules (``prev``: the page before, whose
    table may go on here)."""
    grids = _grids(hs, vs)
    if grids and prev is not None and prev.last_xs:
        first = min(grids, key=lambda g: g.top)
        seen = {" ".join(ln.text.split()) for ln in prev.lines}
        above = [c for c in chars if c.bottom <= first.top]
        if all(_PAGE_NO.match(t) or t in seen for t in
               (" ".join(_words(ln).split()) for ln in _lines_of(above))):
            _align(first, prev.last_xs)  # the page starts with the grid: it may go on
    # Each character goes to the first grid holding its centre (grids do not overlap).
    in_grid: list[list[_Char]] = [[] for _ in grids]
    free: list[_Char] = []
    for c in chars:
        x = (c.x0 + c.x1) / 2
        y = c.cy
        for k, g in enumerate(grids):
            if g.contains(x, y):
                in_grid[k].append(c)
                break
        else:
            free.append(c)
    lines: list[_Line] = []
    for k, g in enumerate(grids):
        if not in_grid[k]:
            continue  # a frame or a box with nothing in it
        for top, fields in _grid_rows(g, in_grid[k]):
            lines.append(_Line("\t".join(fields), top, k, fields))
    if free:
        margin = min(c.x0 for c in free)
        for ln in _lines_of(free):
            lines.append(_Line(_layout(ln, margin), min(c.top for c in ln)))
    # Top to bottom; a grid's rows stay together, in their own order, at the grid's top.
    grid_top = {k: g.top for k, g in enumerate(grids)}
    order = sorted(range(len(lines)), key=lambda i: (
        grid_top[lines[i].grid] if lines[i].grid >= 0 else lines[i].top,
        0 if lines[i].grid >= 0 else 1, i))
    out = [lines[i] for i in order]
    tail = next((ln for ln in reversed(out) if ln.grid >= 0 or not _PAGE_NO.match(ln.text)),
                None)
    return _PageOut(out, last_xs=grids[tail.grid].xs if tail and tail.grid >= 0 else None)


# The digits may be letter-spaced (``— 1 2 —``: each digit drawn on its own).
_PAGE_NO: Final = compile_pattern(
    r"^[-—–_\s]*(第\s*)?\d(?: ?\d){0,3}(\s*页)?(\s*(/|of|共)\s*\d{1,4}\s*页?)?[-—–_\s]*$"
)


def _furniture(line: _Line, other: set[str]) -> bool:
    """A page number, or a line the neighbouring page prints too (a running header)."""
    t = line.text.strip()
    return bool(_PAGE_NO.match(t)) or t in other


def _drop_repeated_headers(pages: list[_PageOut]) -> None:
    """On a page that continues the previous page's table (the page starts with a grid of
    the same column count, the previous page ends with one), drop the rows that repeat
    the table's header rows."""
    header: list[tuple[str, ...]] = []  # the first rows of the table that ends the page
    prev: _PageOut | None = None
    for page in pages:
        if not page.lines:
            header, prev = [], None
            continue
        texts_prev = {ln.text.strip() for ln in prev.lines} if prev else set()
        texts_here = {ln.text.strip() for ln in page.lines}
        first = next((ln for ln in page.lines if ln.grid >= 0 or
                      not _furniture(ln, texts_prev)), None)
        last = next((ln for ln in reversed(prev.lines) if ln.grid >= 0 or
                     not _furniture(ln, texts_here)), None) if prev else None
        continued = -1
        matched = 0
        if first is not None and first.grid >= 0 and last is not None and last.grid >= 0 \
                and header and len(header[0]) == len(first.fields) == len(last.fields):
            continued = first.grid
            rows = [ln for ln in page.lines if ln.grid == continued]
            while matched < len(header) and matched < len(rows) - 1 \
                    and rows[matched].fields == header[matched]:
                matched += 1
            if matched:
                drop = {id(ln) for ln in rows[:matched]}
                page.lines = [ln for ln in page.lines if id(ln) not in drop]
        # The table that ends this page (and may go on): its header rows are the first
        # rows of the grid where it started.
        tail = next((ln for ln in reversed(page.lines) if ln.grid >= 0 or
                     not _furniture(ln, set())), None)
        if tail is None or tail.grid < 0:
            header = []
        elif not (tail.grid == continued and matched):
            header = [ln.fields for ln in page.lines if ln.grid == tail.grid][:_HEADER_ROWS]
        prev = page


_HEADER_ROWS: Final = 6


_PDFIUM: Final = threading.Lock()


def _read_pages(raw: Any, data: bytes, source: str) -> list[_PageOut]:
    buf = ctypes.create_string_buffer(data, len(data))
    doc = raw.FPDF_LoadMemDocument64(buf, len(data), None)
    if not doc:
        code = raw.FPDF_GetLastError()
        if code == raw.FPDF_ERR_PASSWORD:
            raise ReadError("the PDF is encrypted (it needs a password)", source=source)
        if code == raw.FPDF_ERR_SECURITY:
            raise ReadError("the PDF uses an unsupported security handler", source=source)
        raise ReadError("not a readable PDF (corrupt or truncated)", source=source)
    try:
        pages: list[_PageOut] = []
        for i in range(raw.FPDF_GetPageCount(doc)):
            pages.extend(_read_page(raw, doc, i, pages[-1] if pages else None, source))
        return pages
    finally:
        raw.FPDF_CloseDocument(doc)


def extract_pdf(data: bytes, *, source: str) -> PdfText:
    r"""The text of a PDF, its tables rebuilt from their ruling lines (see the module).

    Args:
        data: the PDF file's bytes.
        source: the name used in error messages.

    Raises:
        ReadError: ``pypdfium2`` is not installed, or the PDF is corrupt or encrypted.

    ```pycon
    >>> from pathlib import Path
    >>> path = Path("tests/data/real/shanghai-ptghzy-2024-final.pdf")
    >>> pdf = extract_pdf(path.read_bytes(), source=path.name)  # doctest: +SKIP
    >>> pdf.page_count, pdf.scanned  # doctest: +SKIP
    (30, ())
    >>> row = "2080505\t机关事业单位基本养老保险缴费支出\t446.11\t446.11\t0.00"
    >>> pdf.pages[pdf.text.split("\n").index(row)]  # doctest: +SKIP
    14

    ```
    """
    raw = load_pdfium(source)
    with _PDFIUM:  # PDFium is not thread-safe: one document at a time per process
        pages = _read_pages(raw, data, source)
    _drop_repeated_headers(pages)
    texts: list[str] = []
    page_of: list[int] = []
    numbered: list[tuple[int, _PageOut]] = []
    no = 0
    for page in pages:
        no += 0 if page.half else 1  # (the right of two pages side by side: the same page)
        numbered.append((no, page))
        for ln in page.lines:
            texts.append(ln.text)
            page_of.append(no)
    scanned = tuple(n for n, page in numbered if page.scanned)
    ocr = tuple(dict.fromkeys(n for n, page in numbered if page.ocr))
    if not texts:
        return PdfText("", (1,), scanned, no, ocr)
    return PdfText("\n".join(texts), tuple(page_of), scanned, no, ocr)
