"""What pdfium shows of a PDF page: its characters with their boxes, and its ruling
lines (path objects that are thin lines or thin filled rectangles), in top-down
coordinates; used by `govbudget._ingest._pdf`.

pdfium gives each character's loose box (its advance width and the font's ascent and
descent, the same height for a whole line); a character drawn twice at the same place
(fake bold) is read once; ideographic spaces before a character are kept as its indent.
Image objects tell how much of the page a scan covers, and text drawn invisible over it
an OCR tool's text layer (`_Page.hidden_text`). A page is read the way its text
runs (`_Page.turn_by_text`): a table printed turned on an upright page, or a page turned
by ``/Rotate`` but drawn upright, reads as it would upright; characters drawn slanted
across it (a watermark, a stamp: `_slanted`) or outside the part of it shown (its crop
box: `_Page.shown`) are not its text.
"""

from __future__ import annotations

import ctypes
import itertools
import math
from collections.abc import Iterator
from typing import Any, Final

import attrs

# Tolerances in PDF points (1/72 inch).
_THIN: Final = 2.5  # a filled rectangle this thin is a ruling line
_SNAP: Final = 1.5  # ruling lines this close are at the same x (or y)
_TOUCH: Final = 2.0  # a line ending this close to another touches it
_MIN_RULE: Final = 3.0  # shorter pieces are dots or corners, not rules
_WHITE: Final = 245  # a stroke or fill lighter than this in every channel is not seen
_NOT_TEXT: Final = frozenset({0xA0, 0x3000, 0xFEFF, 0xFFFE, 0xFFFF})
_SPACE_CODES: Final = frozenset({32, 0xA0, 0x3000})
_QUARTER: Final = math.pi / 2


@attrs.define(slots=True)
class _Char:
    ch: str
    x0: float
    x1: float
    top: float
    bottom: float
    spaced: bool = False  # a space (printed, or one pdfium infers) comes before it
    index: int = -1  # its index on the text page
    after: int = -1  # the index of the printable character before it on the text page
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


def _slanted(angle: float) -> bool:
    """Whether a character's angle (pdfium's, in radians; negative: unknown) is more
    than about 6° off every quarter turn: text drawn slanted across the page (a
    watermark such as a download's date and address, a stamp), which no table or
    paragraph is. Text turned a quarter (a turned page, a header printed upwards) is not."""
    return angle >= 0 and abs((angle + _EIGHTH) % _QUARTER - _EIGHTH) > _SLANT


_EIGHTH: Final = math.pi / 4
_SLANT: Final = 0.1  # radians


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

    def shown(self) -> tuple[float, float, float, float] | None:
        """The part of PDF space the page shows (its crop box within its media box, as
        ``left, bottom, right, top``, a point wider each way), or None where pdfium does
        not say."""
        get_box = getattr(self.raw, "FPDF_GetPageBoundingBox", None)
        if get_box is None:
            return None
        rect = self.raw.FS_RECTF()
        if not get_box(self.page, ctypes.byref(rect)):
            return None
        left, right = sorted((rect.left, rect.right))
        bottom, top = sorted((rect.bottom, rect.top))
        return left - 1.0, bottom - 1.0, right + 1.0, top + 1.0

    def turn_by_text(self, textpage: Any, n: int) -> None:
        """Read the page the way its text runs: a page whose text mostly runs up, down or
        upside down in PDF space (a wide table drawn turned on an upright page, or a page
        turned by its ``/Rotate`` but drawn upright) is turned so that it reads left to
        right, whatever its ``/Rotate`` says. The direction is pdfium's angle of a sample of
        its characters (clockwise, in PDF space), rounded to a quarter turn; where no
        quarter holds two thirds of them, the page's ``/Rotate`` stands."""
        get_angle = getattr(self.raw, "FPDFText_GetCharAngle", None)
        if get_angle is None:
            return
        quarters = [0, 0, 0, 0]
        step = max(1, n // 64)  # some sixty characters tell the direction
        for i in range(0, n, step):
            angle = get_angle(textpage, i)
            if angle >= 0:
                quarters[round(angle / _QUARTER) % 4] += 1
        total = sum(quarters)
        best = max(range(4), key=quarters.__getitem__)
        if total and 3 * quarters[best] >= 2 * total:
            rot = -best % 4  # clockwise angle: a quarter turn the other way
            if rot != self.rot:
                self.rot = rot
                w, h = self.pw, self.ph
                self.width, self.height = (h, w) if rot in (1, 3) else (w, h)

    def chars(self, textpage: Any) -> list[_Char]:
        raw = self.raw
        n = raw.FPDFText_CountChars(textpage)
        if n <= 0:
            return []
        self.turn_by_text(textpage, n)
        # The page's text in one call (UTF-16 code units, one per character index).
        buf = (ctypes.c_ushort * (n + 1))()
        got = raw.FPDFText_GetText(textpage, 0, n, buf)
        codes = list(buf[: max(0, min(n, got - 1))]) if got > 0 else []
        out: list[_Char] = []
        rect = raw.FS_RECTF()
        rref = ctypes.byref(rect)
        loose = raw.FPDFText_GetLooseCharBox
        angle_of = getattr(raw, "FPDFText_GetCharAngle", None)
        visual = self.box
        shown = self.shown()
        spaced = False
        last = -1  # the index of the last printable character
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
            if angle_of is not None and (angle := angle_of(textpage, i)) and _slanted(angle):
                continue  # a watermark or a stamp drawn across the page: not the page's text
            before, last = last, i
            if loose(textpage, i, rref):
                left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
            else:
                left = right = bottom = top = 0.0
            if not (0 < top - bottom <= 40) or right < left:
                left, right, bottom, top = self._glyph_box(textpage, i, left, right, bottom,
                                                           top)
            if shown is not None and not (shown[0] <= (left + right) / 2 <= shown[2]
                                          and shown[1] <= (bottom + top) / 2 <= shown[3]):
                continue  # drawn outside the page as shown (cropped off): no text of it
            x0, x1, y0, y1 = visual(left, bottom, right, top)
            c = _Char(ch, x0, x1, y0, y1, spaced, i, before)
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

    def hidden_text(self) -> float:
        """The share of the page's text objects drawn invisible (text render mode 3: the
        text layer an OCR tool lays over a scan's image), 0 where there is no text."""
        raw = self.raw
        get_mode = getattr(raw, "FPDFTextObj_GetTextRenderMode", None)
        if get_mode is None:
            return 0.0
        invisible = getattr(raw, "FPDF_TEXTRENDERMODE_INVISIBLE", 3)
        modes = [get_mode(obj) for _, obj, _, _ in self._walk((raw.FPDF_PAGEOBJ_TEXT,),
                                                            placed=False)]
        return sum(1 for m in modes if m == invisible) / len(modes) if modes else 0.0

    def _walk(self, kinds: tuple[int, ...] = (), *, placed: bool = True
              ) -> Iterator[tuple[int, Any, _Mat, bool]]:
        """The page's objects of ``kinds`` (default: paths and images), those inside
        form objects too, each with its matrix on the page (``placed``; else the identity)
        and whether it is drawn on the page itself."""
        raw = self.raw
        kinds = kinds or (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_IMAGE)
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
                form = kind == raw.FPDF_PAGEOBJ_FORM
                if not form and kind not in kinds:
                    continue
                m = outer
                if placed:
                    if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(fm)):
                        continue
                    m = _Mat(fm.a, fm.b, fm.c, fm.d, fm.e, fm.f).then(outer)
                if form:
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
