"""The narrative's sections (numbered headings, paragraphs, page numbers) and the streams
of their text (see `govbudget._ingest._narrative`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import Final

from .._lazy_re import lazy
from .._record import Record
from ._narrative_words import (
    _CLAUSE_MARK,
    _FIG,
    _GRID_TITLE,
    _HEAD_DONE,
    _L1,
    _L2,
    _LIST,
    _PAGE_NO,
    _PART,
    _clean,
    bare_title,
)
from ._text import Line

# ---------------------------------------------------------------------------
# Sections and streams
# ---------------------------------------------------------------------------


class _Piece(Record):
    """A line's text in a section; ``para``: it starts a paragraph or a list item."""

    __slots__ = ("no", "para", "text")

    def __init__(self, no: int, text: str, para: bool) -> None:
        self.no = no
        self.text = text
        self.para = para


class _Section(Record):
    """A section of the narrative: its title, line, top-level heading and pieces."""

    __slots__ = ("line", "pieces", "title", "top")

    def __init__(self, title: str, line: int | None, top: str,
                 pieces: list[_Piece] | None = None) -> None:
        self.title = title
        self.line = line
        self.top = top
        self.pieces: list[_Piece] = [] if pieces is None else pieces


def _split_heading(t: str) -> tuple[str, str] | None:
    """``(title, rest)`` when ``t`` opens a numbered section, else ``None``."""
    if not (_L1.match(t) or _L2.match(t)):
        return None
    has_figure = _FIG.search(t) is not None
    k = min((i for i in (t.find("："), t.find(":")) if i > 0), default=-1)
    if 0 < k <= 30 and not _FIG.search(t[:k]) and t[k + 1:].strip():
        # "（二）项目支出：2025年本单位项目支出预算40233.95万" (the 元 on the next line): the
        # heading ends at its colon, whether or not the figure after it is whole here.
        return t[:k], t[k + 1:]
    if not has_figure and len(t) <= 40:
        return t.rstrip("：:"), ""
    top = _L1.match(t)
    if top is not None:  # "一、" always opens a section, even run into its text
        return (t, "") if not has_figure else (top.group(0), t[top.end():])
    return None  # "（一）…1154.76万元，…" is an item of a list, not a heading


def _indent(raw: str) -> int:
    """The width of a line's indentation (a full-width space counts two)."""
    n = 0
    for ch in raw:
        if ch in " \t":
            n += 1
        elif ch == "\u3000":
            n += 2
        else:
            break
    return n


# Marks of running text a heading does not hold: clause marks, digits.
_IN_SENTENCE: Final = lazy(r"[，,、；;\d]")
# What a line that ends a paragraph ends in: a sentence's end or a colon (not a closing
# bracket: …其中：副部（省） / 级以上领导用车0辆 goes on).
_TEXT_ENDS: Final = tuple("。；;：:！!？?")


def _ends_text(text: str) -> bool:
    """Whether a paragraph can end with this line: it ends a sentence (or a clause before a
    list), or it is short with no figure (a heading, a page's running title). A line set in
    further after one that stops mid-sentence (``…离退休干部用车`` / ``0 辆，其他用车2 辆``:
    PyMuPDF's sorted text places each line by its first glyph) goes on with it.

    ```pycon
    >>> _ends_text("辆、执法执勤用车2 辆、离退休干部用车")
    False
    >>> _ends_text("比上年增加12.30万元。"), _ends_text("政府采购情况")
    (True, True)
    >>> _ends_text("2026 年单位预算安排购置车辆 0 辆，其中：副部（省）")
    False

    ```
    """
    t = text.rstrip()
    return t.endswith(_TEXT_ENDS) or (len(t) <= 24 and not _IN_SENTENCE.search(t))


def _base_indent(lines: Sequence[Line]) -> int:
    """The indentation most lines of the text have: the margin of the running text. A
    paragraph starts on a line indented further (some reports set every line two spaces
    in, and only the first line of a paragraph further)."""
    widths = Counter(_indent(ln.text) for ln in lines
                     if isinstance(ln.text, str) and ln.text.strip(" \t\u3000"))
    return widths.most_common(1)[0][0] if widths else 0


def _sections(lines: Sequence[Line], skipped: list[tuple[int, str]] | None = None
              ) -> list[_Section]:
    """The numbered sections; a table set in the text (…项目绩效自评表) is skipped up to
    the next numbered heading, its title and line kept in ``skipped``."""
    sections: list[_Section] = []
    current: _Section | None = None
    top = ""
    after_subheading = False
    in_table = False
    margin = _base_indent(lines) + 2
    for ln in lines:
        raw = ln.text if isinstance(ln.text, str) else ""
        t = _clean(raw)
        if not t:
            continue
        if _PART.match(t):
            # 第五部分 财政拨款“三公”经费预算情况: a part of its own, not the last section
            # before it (a subordinate unit's passage)
            if len(t) <= 40 and not _FIG.search(t):
                top = t
                current = _Section(t, ln.no, t)
                sections.append(current)
                after_subheading = False
            continue
        if _PAGE_NO.fullmatch(t) and _indent(raw) >= margin + 8:
            continue  # a page number centred between two lines of the text
        if len(t) <= 40 and _GRID_TITLE.search(t) and not _CLAUSE_MARK.search(t):
            in_table = True
            if skipped is not None:
                skipped.append((ln.no, t))
            continue
        if in_table:
            if not (_L1.match(t) or bare_title(t) == "narrative"):
                continue
            in_table = False
        if current is not None and not current.pieces and current.title \
                and len(t) <= 12 and not _FIG.search(t) and not _HEAD_DONE.search(current.title) \
                and len(current.title) >= 15 and not (_L1.match(t) or _L2.match(t)):
            # 九、…培训费支出预 / 算情况说明: the heading wrapped onto the next line
            current.title += t
            if current.top and top == current.top:
                current.top = top = current.title
            continue
        if t.endswith("说明") and bare_title(t) == "narrative":
            top = t
            current = _Section(t, ln.no, t)
            sections.append(current)
            after_subheading = False
            continue
        head = _split_heading(t)
        if head is not None:
            title, rest = head
            if _L1.match(title):
                top = title
            current = _Section(title, ln.no, top or title)
            sections.append(current)
            if not rest:
                continue
            t = rest
        if current is None:
            current = _Section("", ln.no, "")
            sections.append(current)
        listed = _LIST.match(t) is not None
        para = after_subheading or listed or (
            _indent(raw) >= margin and (not current.pieces or _ends_text(current.pieces[-1].text)))
        current.pieces.append(_Piece(ln.no, t, para))
        # "1、车辆情况：" on a line of its own is a sub-heading: the next line starts afresh.
        after_subheading = listed and len(t) <= 20 and not _FIG.search(t) \
            and not t.endswith(("，", ",", "、"))
    # a part heading opens a section only for the text it holds before the next heading
    return [sec for sec in sections if sec.pieces or not _PART.match(sec.title)]


# Digits grouped in threes by full-width commas before a decimal part or a unit (a text
# typed in full-width mode: 1，234.50万元, 917，500元): the commas group digits there. A
# list after 分别为 (分别为100，200，320万元) stays a list.
_GROUPED: Final = lazy(
    r"(?<![\d.,])(?<!分别为)(?<!分别是)(?<!依次为)\d{1,3}(?:，\d{3})+(?=\.\d|万元|亿元|元)")


class _Stream(Record):
    """A section's pieces as one text: where each piece starts and its line number."""

    __slots__ = ("nos", "starts", "text")

    def __init__(self, text: str, starts: list[int], nos: list[int]) -> None:
        self.text = text
        self.starts = starts
        self.nos = nos

    @classmethod
    def of(cls, pieces: Sequence[_Piece]) -> _Stream:
        parts: list[str] = []
        starts: list[int] = []
        nos: list[int] = []
        pos = 0
        for p in pieces:
            if p.para and parts:
                parts.append("\n")
                pos += 1
            starts.append(pos)
            nos.append(p.no)
            parts.append(p.text)
            pos += len(p.text)
        text = "".join(parts)
        if "，" in text:
            # 1，234.50万元: a full-width comma grouping digits (same length, so positions
            # keep their lines)
            text = _GROUPED.sub(lambda m: m.group().replace("，", ","), text)
        return cls(text, starts, nos)

    def line_at(self, pos: int) -> int | None:
        if not self.nos:
            return None
        return self.nos[max(bisect_right(self.starts, pos) - 1, 0)]


