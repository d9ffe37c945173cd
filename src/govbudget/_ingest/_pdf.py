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
- a page with no text and an image covering most of it is listed as *scanned*.

How the page is seen: pdfium gives each character's box (the loose box: its advance
width and the font's ascent and descent, the same height for a whole line) and the
page's objects: path objects that are thin lines or thin filled rectangles are the ruling
lines; image objects tell a scan. Ruling lines that touch make a grid; the x of its
vertical lines and the y of its horizontal lines cut it into atomic cells; two
neighbouring atomic cells with no ruling line between them are one (merged) cell.
"""

from __future__ import annotations

import ctypes
import itertools
import re
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs

from .._errors import ReadError

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
    """

    text: str
    pages: tuple[int, ...]
    scanned: tuple[int, ...]
    page_count: int


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


# -- geometry ---------------------------------------------------------------------

# Tolerances in PDF points (1/72 inch).
_THIN: Final = 2.5  # a filled rectangle this thin is a ruling line
_SNAP: Final = 1.5  # ruling lines this close are at the same x (or y)
_TOUCH: Final = 2.0  # a line ending this close to another touches it
_MIN_RULE: Final = 3.0  # shorter pieces are dots or corners, not rules
_WHITE: Final = 245  # a stroke or fill lighter than this in every channel is not seen
_NOT_TEXT: Final = frozenset({0xA0, 0x3000, 0xFEFF, 0xFFFE, 0xFFFF})
_SPACE_CODES: Final = frozenset({32, 0xA0, 0x3000})


@attrs.define(slots=True)
class _Char:
    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    spaced: bool = False  # a space (printed, or one pdfium infers) comes before it
    index: int = -1  # its index on the text page
    size: float = attrs.field(init=False)  # the box's height
    cy: float = attrs.field(init=False)  # the box's vertical centre
    indent: int = 0  # ideographic spaces (U+3000) printed just before it
    indent_x: float = 0.0  # where the first of them starts

    def __attrs_post_init__(self) -> None:
        self.size = self.bottom - self.top
        self.cy = (self.top + self.bottom) / 2


@attrs.define(slots=True)
class _Rule:
    """A horizontal (``pos`` = y, ``a..b`` = x) or vertical (``pos`` = x, ``a..b`` = y)
    ruling line, in top-down page coordinates."""

    pos: float
    a: float
    b: float


@attrs.define(slots=True)
class _Line:
    """A rendered line of a page: its text, top and left."""

    text: str
    top: float
    grid: int = -1  # the grid this row belongs to (-1: laid-out text)
    fields: tuple[str, ...] = ()


class _Mat:
    """An affine matrix (a b c d e f) as in PDF: x' = a x + c y + e, y' = b x + d y + f."""

    __slots__ = ("a", "b", "c", "d", "e", "f")

    def __init__(self, a: float = 1, b: float = 0, c: float = 0, d: float = 1,
                 e: float = 0, f: float = 0) -> None:
        self.a, self.b, self.c, self.d, self.e, self.f = a, b, c, d, e, f

    def then(self, o: _Mat) -> _Mat:
        """This matrix followed by ``o``."""
        return _Mat(self.a * o.a + self.b * o.c, self.a * o.b + self.b * o.d,
                    self.c * o.a + self.d * o.c, self.c * o.b + self.d * o.d,
                    self.e * o.a + self.f * o.c + o.e, self.e * o.b + self.f * o.d + o.f)

    def apply(self, x: float, y: float) -> tuple[float, float]:
        return self.a * x + self.c * y + self.e, self.b * x + self.d * y + self.f


class _Page:
    """Reads one page's characters, rules and images, in visual top-down coordinates."""

    def __init__(self, raw: Any, page: Any) -> None:
        self.raw = raw
        self.page = page
        w = raw.FPDF_GetPageWidthF(page)
        h = raw.FPDF_GetPageHeightF(page)
        rot = raw.FPDFPage_GetRotation(page) % 4
        self.rot = rot
        self.pw, self.ph = w, h  # the unrotated size
        self.width, self.height = (h, w) if rot in (1, 3) else (w, h)

    def visual(self, x: float, y: float) -> tuple[float, float]:
        """PDF user space (y up) → the page as seen (x right, y down)."""
        rot, w, h = self.rot, self.pw, self.ph
        if rot == 0:
            return x, h - y
        if rot == 1:
            return y, x
        if rot == 2:
            return w - x, y
        return h - y, w - x

    def box(self, left: float, bottom: float, right: float, top: float
            ) -> tuple[float, float, float, float]:
        x0, y0 = self.visual(left, bottom)
        x1, y1 = self.visual(right, top)
        return min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)

    # -- characters

    def chars(self, textpage: Any) -> list[_Char]:
        raw = self.raw
        n = raw.FPDFText_CountChars(textpage)
        if n <= 0:
            return []
        # The page's text in one call (UTF-16 code units, one per character index).
        buf = (ctypes.c_ushort * (n + 1))()
        got = raw.FPDFText_GetText(textpage, 0, n, buf)
        codes = list(buf[: max(0, min(n, got - 1))]) if got > 0 else []
        out: list[_Char] = []
        rect = raw.FS_RECTF()
        rref = ctypes.byref(rect)
        loose = raw.FPDFText_GetLooseCharBox
        visual = self.box
        spaced = False
        indent = 0  # ideographic spaces (U+3000) just before the next character
        indent_x = 0.0  # where the first of them starts
        for i, code in enumerate(codes):
            if code <= 32 or code in _NOT_TEXT or 0xD800 <= code <= 0xDFFF:
                # Spaces and controls: gaps are measured, not read; a space only marks
                # the next character as starting a word, and ideographic spaces before
                # a cell's text are its indentation.
                spaced = spaced or code in _SPACE_CODES
                if code == 0x3000:
                    if indent == 0 and loose(textpage, i, rref):
                        indent_x = visual(rect.left, rect.bottom, rect.right, rect.top)[0]
                    indent += 1
                else:
                    indent = 0
                continue
            ch = chr(code)
            if not ch.isprintable():
                continue
            if loose(textpage, i, rref):
                left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
            else:
                left = right = bottom = top = 0.0
            if not (0 < top - bottom <= 40) or right < left:
                left, right, bottom, top = self._glyph_box(textpage, i, left, right, bottom,
                                                           top)
            x0, x1, y0, y1 = visual(left, bottom, right, top)
            c = _Char(ch, x0, x1, y0, y1, spaced, i)
            if indent and indent_x < x0:
                c.indent, c.indent_x = indent, indent_x
            out.append(c)
            spaced = False
            indent = 0
        return out

    def _glyph_box(self, textpage: Any, i: int, left: float, right: float, bottom: float,
                   top: float) -> tuple[float, float, float, float]:
        """A character's box when its loose box is empty, inverted or tall: the loose box
        if it is at most 3 font sizes tall (big type), else the glyph's own box made one
        font size tall."""
        raw = self.raw
        fs = max(raw.FPDFText_GetFontSize(textpage, i), 1.0)
        if 0 < top - bottom <= 3 * fs and right >= left:
            return left, right, bottom, top
        l_, r_, b_, t_ = (ctypes.c_double() for _ in range(4))
        raw.FPDFText_GetCharBox(textpage, i, ctypes.byref(l_), ctypes.byref(r_),
                                ctypes.byref(b_), ctypes.byref(t_))
        left, right, bottom, top = l_.value, r_.value, b_.value, t_.value
        if top - bottom < 0.5 * fs:
            mid = (top + bottom) / 2
            bottom, top = mid - fs / 2, mid + fs / 2
        return left, right, bottom, top

    # -- objects

    def objects(self) -> tuple[list[_Rule], list[_Rule], float]:
        """The horizontal and vertical rules, and the largest share of the page one image
        covers."""
        raw = self.raw
        hs: list[_Rule] = []
        vs: list[_Rule] = []
        cover = 0.0
        area = max(self.width * self.height, 1.0)
        for kind, obj, m, top in self._walk():
            if kind == raw.FPDF_PAGEOBJ_IMAGE:
                pts = [self.visual(*m.apply(x, y)) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
                x0 = max(min(p[0] for p in pts), 0.0)
                x1 = min(max(p[0] for p in pts), self.width)
                y0 = max(min(p[1] for p in pts), 0.0)
                y1 = min(max(p[1] for p in pts), self.height)
                if x1 > x0 and y1 > y0:
                    cover = max(cover, (x1 - x0) * (y1 - y0) / area)
            elif kind == raw.FPDF_PAGEOBJ_PATH:
                self._rules(obj, m, top, hs, vs)
        return hs, vs, cover

    def _walk(self) -> Iterator[tuple[int, Any, _Mat, bool]]:
        raw = self.raw
        fm = raw.FS_MATRIX()
        stack: list[tuple[Any, bool, _Mat]] = [(self.page, True, _Mat())]
        while stack:
            parent, is_page, outer = stack.pop()
            n = raw.FPDFPage_CountObjects(parent) if is_page else \
                raw.FPDFFormObj_CountObjects(parent)
            for i in range(n):
                obj = raw.FPDFPage_GetObject(parent, i) if is_page else \
                    raw.FPDFFormObj_GetObject(parent, i)
                kind = raw.FPDFPageObj_GetType(obj)
                if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE,
                                raw.FPDF_PAGEOBJ_FORM):
                    continue
                if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(fm)):
                    continue
                m = _Mat(fm.a, fm.b, fm.c, fm.d, fm.e, fm.f).then(outer)
                if kind == raw.FPDF_PAGEOBJ_FORM:
                    stack.append((obj, False, m))
                else:
                    yield kind, obj, m, is_page

    def _visible(self, obj: Any, stroke: bool) -> bool:
        raw = self.raw
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        get = raw.FPDFPageObj_GetStrokeColor if stroke else raw.FPDFPageObj_GetFillColor
        if not get(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):
            return True
        if a.value == 0:
            return False
        return not (r.value >= _WHITE and g.value >= _WHITE and b.value >= _WHITE)

    def _box_only(self, obj: Any, *, filled_only: bool) -> bool:
        """Whether a path of a few segments, drawn on the page itself, is no rule by its
        bounds alone: a dot, or a big filled rectangle (a cell's background)."""
        raw = self.raw
        box = [ctypes.c_float() for _ in range(4)]
        if not raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box)):
            return False
        w = box[2].value - box[0].value
        h = box[3].value - box[1].value
        if w <= _THIN and h <= _THIN:
            return True
        return filled_only and w > _THIN and h > _THIN

    def _rules(self, obj: Any, m: _Mat, top: bool, hs: list[_Rule], vs: list[_Rule]
               ) -> None:
        raw = self.raw
        fill = ctypes.c_int()
        stroke = ctypes.c_int()
        if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
            return
        if not stroke.value and not fill.value:
            return  # a clipping path
        n = raw.FPDFPath_CountSegments(obj)
        if top and n <= 6 and self._box_only(obj, filled_only=not stroke.value):
            return
        stroked = bool(stroke.value) and self._visible(obj, True)
        filled = bool(fill.value) and self._visible(obj, False)
        if not stroked and not filled:
            return
        x = ctypes.c_float()
        y = ctypes.c_float()
        subpaths: list[list[tuple[float, float]]] = []
        curved: list[bool] = []
        for i in range(n):
            seg = raw.FPDFPath_GetPathSegment(obj, i)
            if not seg or not raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
                continue
            p = self.visual(*m.apply(x.value, y.value))
            t = raw.FPDFPathSegment_GetType(seg)
            if t == raw.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([p])
                curved.append(False)
            else:
                subpaths[-1].append(p)
                if t == raw.FPDF_SEGMENT_BEZIERTO:
                    curved[-1] = True
            if raw.FPDFPathSegment_GetClose(seg) and subpaths[-1]:
                subpaths[-1].append(subpaths[-1][0])
        for pts, bent in zip(subpaths, curved, strict=True):
            if bent or len(pts) < 2:
                continue
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            w = max(xs) - min(xs)
            h = max(ys) - min(ys)
            if w <= _THIN and h <= _THIN:
                continue
            if (filled and not stroked) or ((w <= _THIN or h <= _THIN) and len(pts) > 2):
                # A thin filled (or drawn) rectangle is one rule; a big filled one is a
                # cell's background, not a rule.
                if h <= _THIN and w >= _MIN_RULE:
                    hs.append(_Rule((max(ys) + min(ys)) / 2, min(xs), max(xs)))
                elif w <= _THIN and h >= _MIN_RULE:
                    vs.append(_Rule((max(xs) + min(xs)) / 2, min(ys), max(ys)))
                if filled and not stroked:
                    continue
                if w <= _THIN or h <= _THIN:
                    continue
            for (ax, ay), (bx, by) in itertools.pairwise(pts):
                if abs(ay - by) <= 0.5 and abs(ax - bx) >= _MIN_RULE:
                    hs.append(_Rule((ay + by) / 2, min(ax, bx), max(ax, bx)))
                elif abs(ax - bx) <= 0.5 and abs(ay - by) >= _MIN_RULE:
                    vs.append(_Rule((ax + bx) / 2, min(ay, by), max(ay, by)))


def _merge(rules: list[_Rule]) -> list[_Rule]:
    """Rules at (about) the same position that overlap or touch, joined into one."""
    out: list[_Rule] = []
    for r in sorted(rules, key=lambda r: (r.pos, r.a)):
        for o in reversed(out[-8:]):
            if abs(o.pos - r.pos) <= _SNAP and r.a <= o.b + _TOUCH and r.b >= o.a - _TOUCH:
                o.a, o.b = min(o.a, r.a), max(o.b, r.b)
                break
        else:
            out.append(_Rule(r.pos, r.a, r.b))
    return out


def _cluster(values: Sequence[float]) -> list[float]:
    """Sorted positions with those closer than ``_SNAP`` made one (their mean)."""
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= _SNAP:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(g) / len(g) for g in out]


@attrs.define
class _Grid:
    xs: list[float]
    ys: list[float]
    hs: list[_Rule]
    vs: list[_Rule]

    @property
    def left(self) -> float:
        return self.xs[0]

    @property
    def right(self) -> float:
        return self.xs[-1]

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _grids(hs: list[_Rule], vs: list[_Rule]) -> list[_Grid]:
    """Sets of touching rules with at least two horizontal and two vertical ones."""
    hs = [r for r in _merge(hs) if r.b - r.a >= _MIN_RULE]
    vs = [r for r in _merge(vs) if r.b - r.a >= _MIN_RULE]
    nh = len(hs)
    parent = list(range(nh + len(vs)))
    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.a - _TOUCH <= v.pos <= h.b + _TOUCH and v.a - _TOUCH <= h.pos <= v.b + _TOUCH:
                ri, rj = _find(parent, i), _find(parent, nh + j)
                if ri != rj:
                    parent[ri] = rj
    groups: dict[int, tuple[list[_Rule], list[_Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(_find(parent, i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(_find(parent, nh + j), ([], []))[1].append(v)
    out: list[_Grid] = []
    for gh, gv in groups.values():
        if len(gh) < 2 or len(gv) < 2:
            continue
        left = min(min(r.a for r in gh), min(r.pos for r in gv))
        right = max(max(r.b for r in gh), max(r.pos for r in gv))
        top = min(min(r.pos for r in gh), min(r.a for r in gv))
        bottom = max(max(r.pos for r in gh), max(r.b for r in gv))
        xs = _cluster([r.pos for r in gv] + [left, right])
        ys = _cluster([r.pos for r in gh] + [top, bottom])
        if len(xs) < 3 or len(ys) < 2:
            continue  # one column: a box or a frame (its text is laid out, not a table)
        out.append(_Grid(xs, ys, gh, gv))
    return out


def _covered(rules: Sequence[_Rule], pos: float, a: float, b: float) -> bool:
    """Whether a rule at ``pos`` covers most of the span ``a..b``."""
    need = (b - a) * 0.5
    got = 0.0
    for r in rules:
        if abs(r.pos - pos) <= _SNAP + 0.5:
            got += max(0.0, min(r.b, b) - max(r.a, a))
    return got >= need


# -- text of lines and cells -------------------------------------------------------


def _lines_of(chars: list[_Char], tol: float = 0.5) -> list[list[_Char]]:
    """Characters grouped into visual lines (top to bottom), each in x order, with
    characters drawn twice at the same place read once. A character is on a line when
    its centre is within ``tol`` of a character height of the line's first one."""
    out: list[list[_Char]] = []
    centre = 0.0
    height = 0.0
    for c in sorted(chars, key=lambda c: c.cy):
        if out and abs(c.cy - centre) <= tol * min(c.size, height):
            out[-1].append(c)
        else:
            out.append([c])
            centre, height = c.cy, c.size
    result: list[list[_Char]] = []
    for line in out:
        line.sort(key=lambda c: c.x0)
        kept: list[_Char] = []
        for c in line:
            w = max(c.x1 - c.x0, 0.1)
            if any(k.ch == c.ch and abs(k.x0 - c.x0) <= 0.4 * w
                   and abs(k.cy - c.cy) <= 0.4 * c.size for k in kept[-3:]):
                continue  # fake bold: the same glyph drawn again at (almost) the same place
            kept.append(c)
        result.append(kept)
    return result


def _em(a: _Char, b: _Char) -> float:
    return max(a.size, b.size, 1.0)


def _word_gap(a: _Char, b: _Char) -> bool:
    """Whether a word gap separates ``b`` from ``a`` (the character before it on the
    line): a visible gap, or a space between them in the page's text."""
    return b.x0 - a.x1 >= 0.15 * _em(a, b) or (b.spaced and b.index > a.index)


def _words(line: Sequence[_Char]) -> str:
    """A line's text with one space wherever there is a visible gap."""
    parts: list[str] = []
    prev: _Char | None = None
    for c in line:
        if prev is not None and _word_gap(prev, c):
            parts.append(" ")
        parts.append(c.ch)
        prev = c
    return "".join(parts)


def _layout(line: Sequence[_Char], margin: float) -> str:
    """A line as ``pdftotext -layout`` would print it: one space between words, at least
    two (about one per half-width character of the gap) at a column gap."""
    first = line[0]
    indent = round(max(0.0, first.x0 - margin) / max(first.size, 1.0))
    parts: list[str] = [" " * indent]
    prev: _Char | None = None
    for c in line:
        if prev is not None:
            gap = c.x0 - prev.x1
            em = _em(prev, c)
            if gap >= 0.9 * em:
                parts.append(" " * max(2, round(gap / (0.5 * em))))
            elif _word_gap(prev, c):
                parts.append(" ")
        parts.append(c.ch)
        prev = c
    return "".join(parts)


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "%.,-+/()")


def _join_wrapped(parts: Sequence[str]) -> str:
    """Lines wrapped inside one cell as one text: CJK joined without a space, ASCII words
    with one."""
    out = ""
    for p in parts:
        if not p:
            continue
        if out and _ascii_word(out[-1]) and _ascii_word(p[0]):
            out += " " + p
        else:
            out += p
    return out


_NUMERIC: Final = re.compile(r"^[-−+]?[\d,，]*\d(\.\d+)?%?$")


def _grid_rows(grid: _Grid, chars: list[_Char]) -> list[tuple[float, tuple[str, ...]]]:
    """The rows of a grid: (top, fields)."""
    xs, ys = grid.xs, grid.ys
    nr, nc = len(ys) - 1, len(xs) - 1
    parent = list(range(nr * nc))
    for r in range(nr):
        for c in range(nc):
            i = r * nc + c
            if c + 1 < nc and not _covered(grid.vs, xs[c + 1], ys[r], ys[r + 1]):
                a, b = _find(parent, i), _find(parent, i + 1)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            if r + 1 < nr and not _covered(grid.hs, ys[r + 1], xs[c], xs[c + 1]):
                a, b = _find(parent, i), _find(parent, i + nc)
                if a != b:
                    parent[max(a, b)] = min(a, b)
    # Each merged cell is named by its top-left atomic cell (the smallest index).
    root = [_find(parent, i) for i in range(nr * nc)]
    # Text goes to cells by runs (characters without a gap between them), each run to
    # the cell that holds most of it: text overflowing its cell (as spreadsheets print a
    # long name) stays with its cell.
    content: dict[int, list[_Char]] = {}
    # (Lines strictly on one baseline: a figure centred beside a wrapped name is not on
    # either of its lines.)
    for line in _lines_of(chars, 0.25):
        run: list[_Char] = []
        for ch in line:
            if run and (_word_gap(run[-1], ch) or _edge_between(xs, run[-1], ch)):
                _place(run, xs, ys, nc, root, content)
                run = []
            run.append(ch)
        _place(run, xs, ys, nc, root, content)
    texts: dict[int, list[list[_Char]]] = {k: _lines_of(v) for k, v in content.items()}
    # Rows: an atomic row, unless a band holds several rows of figures without rules
    # between them (then each line of figures is a row).
    rows: list[tuple[float, tuple[str, ...]]] = []
    for r in range(nr):
        if all(root[r * nc + c] != r * nc + c for c in range(nc)):
            continue  # every cell here goes on from the row above: no row of its own
        sub = _sub_rows(r, nc, root, texts)
        if sub is not None:
            rows.extend(sub)
            continue
        fields = tuple(_field(texts.get(i, []), xs[i % nc]) if root[i] == i else ""
                       for i in range(r * nc, (r + 1) * nc))
        rows.append((ys[r], fields))
    return rows


def _field(lines: Sequence[Sequence[_Char]], left: float) -> str:
    """A cell's text: its lines joined, its indentation (ideographic spaces the PDF prints
    before the text, inside the cell) kept as leading U+3000."""
    text = _clean(_join_wrapped([_words(ln) for ln in lines]))
    first = lines[0][0] if lines and lines[0] else None
    if text and first is not None and first.indent and first.indent_x >= left - 1.0:
        return "\u3000" * first.indent + text
    return text


def _edge_between(xs: Sequence[float], a: _Char, b: _Char) -> bool:
    """Whether a column edge lies in the (small but open) gap between two characters: a
    figure that ends just before the rule and the text of the next cell. Text that runs
    over a rule (no gap there) does not end at it."""
    if b.x0 - a.x1 < 0.3:
        return False
    k = _index(xs, a.x1 - 0.1)
    return any(a.x1 - 0.1 <= x <= b.x0 + 0.1 for x in xs[k:k + 3])


def _place(run: list[_Char], xs: Sequence[float], ys: Sequence[float], nc: int,
           root: Sequence[int], content: dict[int, list[_Char]]) -> None:
    votes: dict[int, int] = {}
    for ch in run:
        cell = root[_index(ys, ch.cy) * nc + _index(xs, (ch.x0 + ch.x1) / 2)]
        votes[cell] = votes.get(cell, 0) + 1
    if votes:
        content.setdefault(max(votes, key=lambda k: votes[k]), []).extend(run)


def _sub_rows(r: int, nc: int, root: list[int], texts: dict[int, list[list[_Char]]]
              ) -> list[tuple[float, tuple[str, ...]]] | None:
    """A band whose cells hold several rows (rules left out between rows of figures):
    a cell of the band that starts here has two or more lines that are each a number.
    Each line of the band is then a row; ``None`` for an ordinary band."""
    cells = [r * nc + c for c in range(nc) if root[r * nc + c] == r * nc + c]
    split = False
    for i in cells:
        lines = texts.get(i, [])
        if len(lines) >= 2 and sum(1 for ln in lines if _NUMERIC.match(_words(ln))) >= 2:
            split = True
            break
    if not split:
        return None
    # The band's line positions (all cells' lines clustered by their centre).
    centres: list[float] = []
    for i in cells:
        for ln in texts.get(i, []):
            centres.append(sum(c.cy for c in ln) / len(ln))
    heights = [c.size for i in cells for ln in texts.get(i, []) for c in ln]
    snap = 0.5 * (sorted(heights)[len(heights) // 2] if heights else 10.0)
    bands: list[list[float]] = []
    for y in sorted(centres):
        if bands and y - bands[-1][-1] <= snap:
            bands[-1].append(y)
        else:
            bands.append([y])
    mids = [sum(b) / len(b) for b in bands]
    out: list[list[list[str]]] = [[[] for _ in range(nc)] for _ in mids]
    for c in range(nc):
        i = r * nc + c
        if root[i] != i:
            continue
        for ln in texts.get(i, []):
            y = sum(ch.cy for ch in ln) / len(ln)
            k = min(range(len(mids)), key=lambda k: abs(mids[k] - y))
            out[k][c].append(_words(ln))
    return [(mids[k] - snap, tuple(_clean(_join_wrapped(f)) for f in out[k]))
            for k in range(len(mids))]


def _clean(text: str) -> str:
    return text.replace("\t", " ").strip(" \u3000")


def _index(edges: Sequence[float], v: float) -> int:
    """The interval of ``edges`` that holds ``v`` (clamped to the first and last)."""
    lo, hi = 0, len(edges) - 2
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if edges[mid] <= v:
            lo = mid
        else:
            hi = mid - 1
    return lo


# -- pages ---------------------------------------------------------------------------


@attrs.define
class _PageOut:
    lines: list[_Line]
    scanned: bool = False
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
               source: str = "<pdf>") -> _PageOut:
    """One page's lines. ``prev`` is the page before (its table may go on here)."""
    page = raw.FPDF_LoadPage(doc, index)
    if not page:
        raise ReadError(f"page {index + 1} cannot be read", source=source)
    textpage = raw.FPDFText_LoadPage(page)
    try:
        p = _Page(raw, page)
        chars = p.chars(textpage) if textpage else []
        hs, vs, cover = p.objects()
    finally:
        if textpage:
            raw.FPDFText_ClosePage(textpage)
        raw.FPDF_ClosePage(page)
    if not chars:
        return _PageOut([], scanned=cover >= 0.5)
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


_PAGE_NO: Final = re.compile(
    r"^[-—–_\s]*(第\s*)?\d{1,4}(\s*页)?(\s*(/|of|共)\s*\d{1,4}\s*页?)?[-—–_\s]*$"
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
            pages.append(_read_page(raw, doc, i, pages[-1] if pages else None, source))
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
    for no, page in enumerate(pages, start=1):
        for ln in page.lines:
            texts.append(ln.text)
            page_of.append(no)
    scanned = tuple(no for no, page in enumerate(pages, start=1) if page.scanned)
    if not texts:
        return PdfText("", (1,), scanned, len(pages))
    return PdfText("\n".join(texts), tuple(page_of), scanned, len(pages))
