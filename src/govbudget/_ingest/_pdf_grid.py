"""Ruled grids of a PDF page and the text of their cells, and lines of free text laid
out like ``pdftotext -layout``; used by `govbudget._ingest._pdf`.

Ruling lines that touch make a grid; the x of its vertical lines and the y of its
horizontal lines cut it into atomic cells; two neighbouring atomic cells with no ruling
line between them are one (merged) cell. A row of a grid is its cells in column order, a
blank cell an empty field; text wrapped inside a cell is one field (CJK joined without a
space, ASCII words with one space).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs

from .._pattern_cache import compile_pattern
from ._pdf_page import _MIN_RULE, _SNAP, _TOUCH, _Char, _Rule


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
    line): a visible gap, or a space between them in the page's text, ``b`` the next
    character after ``a`` there (a space before ``b`` that follows another character,
    drawn elsewhere, is no gap from ``a``: a PDF may draw a table column by column, and
    pdfium puts a space between pieces of text drawn apart)."""
    return b.x0 - a.x1 >= 0.15 * _em(a, b) or (b.spaced and b.after == a.index)


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
    # one space per half-width character, as in the gaps below: a line set in by a CJK
    # character's width keeps its columns over lines that start with digits
    indent = round(max(0.0, first.x0 - margin) / (0.5 * max(first.size, 1.0)))
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


_NUMERIC: Final = compile_pattern(r"^[-−+]?[\d,，]*\d(\.\d+)?%?$")


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
            if run and (_word_gap(run[-1], ch) or _edge_between(xs, run[-1], ch)
                        or _amount_ends_at_edge(xs, run, ch)):
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


# An amount with its two decimals (thousands separated or not), at the end of a run.
_AMOUNT_END: Final = compile_pattern(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d\d$")


def _amount_ends_at_edge(xs: Sequence[float], run: Sequence[_Char], b: _Char) -> bool:
    """Whether a column edge parts a run of figures that touch it from both sides (bold
    figures filling their cells: ``174,900.64|101,833.84`` printed without a gap): the
    edge lies between the centres of the last character and ``b``, a digit, and the run
    ends in a complete amount with its two decimals (an amount has one decimal point,
    so the next digit starts another)."""
    a = run[-1]
    if not (b.ch.isdigit() and a.ch.isdigit()):
        return False
    ca, cb = (a.x0 + a.x1) / 2, (b.x0 + b.x1) / 2
    k = _index(xs, ca)
    if not any(ca < x < cb for x in xs[k:k + 2]):
        return False
    return bool(_AMOUNT_END.search("".join(c.ch for c in run[-24:])))


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
