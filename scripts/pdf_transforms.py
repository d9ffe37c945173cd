"""Check that a PDF's findings do not depend on how its producer drew it.

Usage::

    python scripts/pdf_transforms.py                  # the real PDFs beside the checkout
    python scripts/pdf_transforms.py a.pdf b.pdf …    # these PDFs

Each PDF is rewritten (with pypdfium2, in a temporary folder) the ways other producers,
viewers and portals make PDFs of the same pages, and read and checked again; a rewrite
whose findings differ from the PDF's own (rule, code, page and message) is printed with
its counts. The rewrites:

- ``turned90`` / ``turned270`` / ``upside_down``: every page's content turned on a page
  sized to hold it (a wide table printed turned on an upright page);
- ``rotate90`` / ``landscape90``: ``/Rotate`` set on upright content, and on content drawn
  turned to match (what printing to PDF makes of landscape pages);
- ``scaled50`` / ``scaled200``: the content scaled on a page of its new size;
- ``moved_boxes``: the media box and the content moved together off the origin;
- ``reversed`` / ``column_major`` / ``shuffled``: each page's objects drawn in another order;
- ``watermark``: a slanted watermark of a date and an address drawn twice on every page;
- ``off_page``: figures drawn beside, above and below every page;
- ``ocr_layer``: every page an image of itself with its text drawn invisible over it (an
  OCR tool's layer): expected to differ, its tables not checked (printed for the record);
- ``two_up``: two pages side by side on one (a booklet's imposition): compared without
  pages (a sheet holds two), and only for errors it gives that the PDF does not (a page
  not told to be two still loses checks, not gains errors).

This is a script, not a test (the tests rewrite one published PDF the same ways): it takes
a few seconds a PDF. It exits 1 when a rewrite not in `EXPECTED` changed a finding.
"""

from __future__ import annotations

import ctypes
import math
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "reports" / "real"

Rewrite = Callable[[Any, Any], None]  # (source document, new document or the same) → None


def _placed(src: Any, turn: int = 0, scale: float = 1.0, rotate: int = 0,
            shift: tuple[float, float] = (0.0, 0.0), box: bool = False) -> Any:
    """A new document of ``src``'s pages, each page's content one form object turned
    ``turn`` degrees counter-clockwise and scaled on a page sized to hold it."""
    import pypdfium2 as pdfium

    dest = pdfium.PdfDocument.new()
    for i in range(len(src)):
        w, h = src[i].get_size()
        obj = src.page_as_xobject(i, dest).as_pageobject()
        w, h = w * scale, h * scale
        a, b, c, d, e, f = {0: (1, 0, 0, 1, 0, 0), 90: (0, 1, -1, 0, h, 0),
                            180: (-1, 0, 0, -1, w, h), 270: (0, -1, 1, 0, 0, w)}[turn]
        obj.transform(pdfium.PdfMatrix(a * scale, b * scale, c * scale, d * scale,
                                       e + shift[0], f + shift[1]))
        page = dest.new_page(h if turn in (90, 270) else w, w if turn in (90, 270) else h)
        page.insert_obj(obj)
        page.gen_content()
        if box:
            pw, ph = page.get_size()
            page.set_mediabox(shift[0], shift[1], pw + shift[0], ph + shift[1])
        if rotate:
            page.set_rotation(rotate)
    return dest


def _reordered(src: Any, order: str) -> Any:
    rng = random.Random(5)
    for page in src:
        objs = list(page.get_objects(max_depth=1))
        keys = {id(o): (round(o.get_bounds()[0] / 20), -o.get_bounds()[3]) for o in objs}
        for o in objs:
            page.remove_obj(o)
        if order == "reversed":
            objs.reverse()
        elif order == "column_major":
            objs.sort(key=lambda o: keys[id(o)])
        else:
            rng.shuffle(objs)
        for o in objs:
            page.insert_obj(o)
        page.gen_content()
    return src


def _with_text(src: Any, text: str, places: Callable[[float, float], list[tuple[float, ...]]],
               size: float) -> Any:
    """``src`` with ``text`` drawn (Helvetica) at each of ``places(w, h)``: ``(x, y)`` or
    ``(x, y, degrees)``."""
    import pypdfium2.raw as raw

    codes = (ctypes.c_ushort * (len(text) + 1))(*map(ord, text), 0)
    for page in src:
        w, h = page.get_size()
        for place in places(w, h):
            x, y = place[0], place[1]
            turn = math.radians(place[2]) if len(place) > 2 else 0.0
            obj = raw.FPDFPageObj_NewTextObj(src.raw, b"Helvetica", ctypes.c_float(size))
            raw.FPDFText_SetText(obj, codes)
            raw.FPDFPageObj_Transform(obj, math.cos(turn), math.sin(turn), -math.sin(turn),
                                      math.cos(turn), x, y)
            raw.FPDFPage_InsertObject(page.raw, obj)
        raw.FPDFPage_GenerateContent(page.raw)
    return src


def _ocr_layer(src: Any) -> Any:
    """Every page an image of itself under its own text drawn invisible."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    dest = pdfium.PdfDocument.new()
    dest.import_pages(src)
    for i in range(len(dest)):
        page = dest[i]
        w, h = page.get_size()
        for obj in list(page.get_objects(max_depth=5)):
            if obj.type == raw.FPDF_PAGEOBJ_TEXT:
                raw.FPDFTextObj_SetTextRenderMode(obj.raw, raw.FPDF_TEXTRENDERMODE_INVISIBLE)
        image = pdfium.PdfImage.new(dest)
        image.set_bitmap(src[i].render(scale=0.5))
        image.set_matrix(pdfium.PdfMatrix().scale(w, h))
        page.insert_obj(image)
        page.gen_content()
    return dest


def _two_up(src: Any) -> Any:
    """Pages two by two side by side, 40 points apart, on pages of their joint width."""
    import pypdfium2 as pdfium

    dest = pdfium.PdfDocument.new()
    n = len(src)
    for i in range(0, n, 2):
        sizes = [src[k].get_size() for k in (i, i + 1) if k < n]
        page = dest.new_page(sum(w for w, _ in sizes) + 40 * (len(sizes) - 1),
                             max(h for _, h in sizes))
        for k, dx in ((i, 0.0), (i + 1, sizes[0][0] + 40)):
            if k < n:
                obj = src.page_as_xobject(k, dest).as_pageobject()
                obj.transform(pdfium.PdfMatrix(1, 0, 0, 1, dx, 0))
                page.insert_obj(obj)
        page.gen_content()
    return dest


# Rewrites whose findings are expected to differ, and why.
EXPECTED = {"ocr_layer": "an OCR layer's tables are not checked"}

REWRITES: dict[str, Callable[[Any], Any]] = {
    "turned90": lambda d: _placed(d, turn=90),
    "turned270": lambda d: _placed(d, turn=270),
    "upside_down": lambda d: _placed(d, turn=180),
    "rotate90": lambda d: _placed(d, rotate=90),
    "landscape90": lambda d: _placed(d, turn=90, rotate=90),
    "scaled50": lambda d: _placed(d, scale=0.5),
    "scaled200": lambda d: _placed(d, scale=2.0),
    "moved_boxes": lambda d: _placed(d, shift=(-50.0, -80.0), box=True),
    "reversed": lambda d: _reordered(d, "reversed"),
    "column_major": lambda d: _reordered(d, "column_major"),
    "shuffled": lambda d: _reordered(d, "shuffled"),
    "watermark": lambda d: _with_text(d, "2024-12-01 10:32 192.168.1.1",
                                      lambda w, h: [(w * 0.2, h * 0.3, 30), (w * 0.5, h * 0.6, 30)],
                                      28),
    "off_page": lambda d: _with_text(d, "9,999.99 1234.56",
                                     lambda w, h: [(-300, h * 0.5), (w + 50, h * 0.4),
                                                   (w * 0.3, h + 40), (w * 0.3, -60)], 10),
    "ocr_layer": _ocr_layer,
    "two_up": _two_up,
}


def _findings(path: Path) -> list[tuple[str, str, str, int | None, str]] | str:
    import govbudget

    try:
        report = govbudget.read_report(path)
    except govbudget.GovBudgetError as exc:
        return f"error: {exc}"
    return sorted((f.rule, f.code, f.severity.value, f.location.page, f.message)
                  for f in govbudget.check_report(report).findings)


def _new_errors(found: list[tuple[str, str, str, int | None, str]] | str,
                base: list[tuple[str, str, str, int | None, str]] | str) -> list[str]:
    """The errors of ``found`` that ``base`` does not give, compared without pages."""
    if isinstance(found, str) or isinstance(base, str):
        return [] if found == base else [str(found)]
    known = {(f[0], f[1], f[4]) for f in base if f[2] == "error"}
    return [f[0] for f in found if f[2] == "error" and (f[0], f[1], f[4]) not in known]


def _errors(found: list[tuple[str, str, str, int | None, str]] | str) -> str:
    if isinstance(found, str):
        return found
    return f"{len(found)} findings, {sum(1 for f in found if f[2] == 'error')} errors"


def main(argv: list[str]) -> int:
    import pypdfium2 as pdfium

    paths = [Path(a) for a in argv] or sorted(REAL.glob("*.pdf"))
    changed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            base = _findings(path)
            differ = []
            for name, rewrite in REWRITES.items():
                out = Path(tmp) / f"{path.stem}-{name}.pdf"
                rewrite(pdfium.PdfDocument(path)).save(out)
                found = _findings(out)
                if name == "two_up":
                    new = _new_errors(found, base)
                    if new:
                        differ.append(f"two_up ({len(new)} new errors: {', '.join(new[:3])})")
                        changed += 1
                    continue
                if found != base:
                    differ.append(f"{name} ({_errors(found)}"
                                  + (f"; {EXPECTED[name]})" if name in EXPECTED else ")"))
                    changed += name not in EXPECTED
            print(f"{path.name}: {_errors(base)}; "
                  + ("every rewrite the same" if not differ else "differ: " + ", ".join(differ)),
                  flush=True)
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
