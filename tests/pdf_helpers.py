"""Helpers for the PDF reader's tests: PDFs drawn here with reportlab and its built-in
CJK font STSong-Light (a test module importing this is skipped without pypdfium2 or
reportlab)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pypdfium2")
canvas_mod = pytest.importorskip("reportlab.pdfgen.canvas")
from reportlab.pdfbase import pdfmetrics  # noqa: E402  (after the skip)
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


def layout_pdf(text: str, size: float = 7.0) -> bytes:
    """``text`` (a layout text, pages split at form feeds) drawn as a PDF without rules:
    each run of characters at its column, a half-width character half a CJK one wide,
    100 lines a page. (A lone CJK character is drawn with a zero-width space after it:
    pdfium reads no text from a one-character string of the built-in CJK font.)"""
    buf = io.BytesIO()
    c = canvas_mod.Canvas(buf, pagesize=(W, H))

    def width(s: str) -> float:
        return sum(size if ord(ch) > 0x2E80 else size / 2 for ch in s)

    for page in text.split("\f"):
        lines = page.split("\n")
        for start in range(0, max(len(lines), 1), 100):
            y = H - 30
            tx = c.beginText()
            tx.setFont(FONT, size)
            for ln in lines[start:start + 100]:
                pos = 0
                for run in ln.replace("\u3000", "  ").split(" "):
                    if run:
                        tx.setTextOrigin(20.0 + width(ln.replace("\u3000", "  ")[:pos]), y)
                        tx.textOut(run + ("\u200b" if len(run) == 1 and ord(run) > 0x2E80
                                          else ""))
                    pos += len(run) + 1
                y -= size * 1.15
            c.drawText(tx)
            c.showPage()
    c.save()
    return buf.getvalue()


def findings_as_published(doc: Any, path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The findings (rule, code, page, message) of ``doc`` (a pypdfium2 document, a
    rewrite of the PDF at ``path``) and of the PDF at ``path`` as published."""
    import govbudget

    buf = io.BytesIO()
    doc.save(buf)

    def found(report: govbudget.Report) -> list[tuple[Any, ...]]:
        return sorted((f.rule, f.code, f.location.page, f.message)
                      for f in govbudget.check_report(report).findings)

    return (found(govbudget.read_report(buf.getvalue(), name="rewritten.pdf")),
            found(govbudget.read_report(path)))


def rewrite(name: str, path: Path) -> Any:
    """The PDF at ``path`` rewritten by ``scripts/pdf_transforms.py``'s rewrite ``name``
    (turned, drawn in another order, watermarked …): the script's own code, so the tests
    and the script check the same rewrites."""
    import importlib.util

    import pypdfium2 as pdfium

    script = Path(__file__).resolve().parent.parent / "scripts" / "pdf_transforms.py"
    spec = importlib.util.spec_from_file_location("pdf_transforms", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REWRITES[name](pdfium.PdfDocument(path))
