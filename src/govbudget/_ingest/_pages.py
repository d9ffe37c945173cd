"""Page furniture of extracted text: page numbers, running headers and footers.

A PDF prints on every page things that are no part of what the page says: its number
(``-6-``, ``第3页 共10页``, a bare ``12`` at its foot) and a running header or footer (the
report's title). Text extracted from it keeps them, between a table's rows or inside a
paragraph, where a row's name or a sentence would take them in. They are found here, by
where they stand and how often:

- `page_number_lines`: printed page numbers, searched for in the whole text;
- `furniture`: those, the running headers after them, the headers and footers that open
  or close several pages (pages known from form feeds, the PDF or the page numbers), and a
  report title printed alone on its line three times or more;
- the page of each line, from form feeds or printed page numbers (``_pages_of_feeds``,
  ``_pages_of_marks``), bare page numbers at a page's top or foot, and, with no page
  known, the bare numbers that count on down the text;
- `strip_furniture`: the lines of a text without its furniture.

```pycon
>>> from govbudget._ingest._text import split_lines
>>> [ln.text for ln in strip_furniture(split_lines("正文一\\n- 1 -\\n某局2024年部门预算\\n正文二"))]
['正文一', '正文二']

```
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Collection, Sequence
from typing import Final

from .._lazy_re import lazy
from ._text import Line, figure_but_year

__all__ = ["REPORT_TITLE", "furniture", "page_number_lines", "strip_furniture"]


# "-6-", "- 6 -", "-- 1", "-- 9 of 33 --", "第3页 共10页", and the dashes of official
# documents' page numbers ("— 6 —", GB/T 9704; "－6－", "–6–") or middle dots ("·6·");
# not "-465", a negative amount alone on a line, nor "——465" (a figure after a blank
# printed as a dash: only "--" opens a page mark, pdf.js's "-- 1 of 33 --").
_PAGE_NO: Final = lazy(
    r"^\s*(?:[-－—–―‒]+\s*\d{1,4}\s*(?:of\s*\d{1,4}\s*)?[-－—–―‒]+"
    r"|-{2,}\s*\d{1,4}(?:\s*of\s*\d{1,4})?|[·•]\s*\d{1,4}\s*[·•]"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)\s*$")
# A character every page-number line holds (the lines looked at).
_PAGE_MARKS: Final = ("-", "页", "—", "－", "–", "―", "‒", "·", "•")

def strip_furniture(lines: Sequence[Line]) -> list[Line]:
    """Drop page numbers and the running header that follows them.

    A running header is a line that comes right after a page number (blank lines
    skipped) at least twice with the same text, or once if it reads like a report title
    (ends in 报告); it is removed wherever it follows a page number. Everything else is
    kept, line numbers unchanged.
    """
    strips = [ln.stripped for ln in lines]
    page_idx = [i for i, ln in enumerate(lines)
                if len(ln.stripped) < 24 and any(ch in ln.stripped for ch in _PAGE_MARKS)
                and _PAGE_NO.match(ln.text)]
    drop = set(furniture(strips, page_idx))
    if not drop:
        return list(lines)
    return [ln for i, ln in enumerate(lines) if i not in drop]


def page_number_lines(text: str, texts: Sequence[str], strips: Sequence[str]) -> list[int]:
    """The 0-based indices of the page-number lines of ``text`` (its lines LF-ended, no
    BOM; ``texts`` its lines, ``strips`` their stripped texts), as `strip_furniture`
    finds them: only lines with a ``-``, a ``页`` or another mark of `_PAGE_MARKS` are
    looked at, and those are found by searching the whole text rather than line by
    line."""
    candidates: set[int] = set()
    find, count = text.find, text.count
    for ch in _PAGE_MARKS:
        if ch not in text:
            continue
        line = counted = 0
        pos = find(ch)
        while pos >= 0:
            line += count("\n", counted, pos)
            counted = pos
            candidates.add(line)
            end = find("\n", pos)
            if end < 0:
                break
            pos = find(ch, end)
    return [i for i in sorted(candidates)
            if len(strips[i]) < 24 and _PAGE_NO.match(texts[i])]


def furniture(strips: Sequence[str], page_idx: Sequence[int],
              page_map: Sequence[int] = (), flat: str = "") -> list[int]:
    """The indices of the furniture among lines whose stripped texts are ``strips``, in
    order: the page numbers ``page_idx`` and the running headers after them (see
    `strip_furniture`); with the page of each line (``page_map``), a running header or
    footer that opens or closes a quarter of the pages after the first, two at least
    (`_page_edges`); a report title printed alone on its line three times or more, but
    for its cover's copy, wherever it stands (`_repeated_titles`: text with no pages, or
    drawn in the PDF's order, puts a running header anywhere); and a line saying only
    that a table goes on (``续表``: `_continued_marks`).

    >>> furniture(["封面", "", "某局2024年部门预算", "201 一般 5.00", "某局2024年部门预算",
    ...            "行政运行", "某局2024年部门预算", "合计 5.00"], [], [1, 1, 2, 2, 3, 3, 4, 4])
    [2, 4, 6]
    >>> furniture(["某局2024年部门预算", "一般", "某局2024年部门预算", "运行",
    ...            "某局2024年部门预算"], [])
    [2, 4]
    >>> furniture(["目录", "一", "二", "三", "四", "某局2024年部门预算", "运行",
    ...            "某局2024年部门预算", "某局2024年部门预算"], [])
    [5, 7, 8]
    """
    drop = set(_after_page_numbers(strips, page_idx)) if page_idx else set()
    if page_map:
        drop |= _page_edges(strips, page_map, set(page_idx))
    return sorted(drop | _repeated_titles(strips, flat) | _continued_marks(strips, flat))


def _page_edges(strips: Sequence[str], page_map: Sequence[int], skip: set[int]) -> set[int]:
    """The lines that open or close a page after the first (blank lines, the page
    numbers ``skip`` and bare numbers passed over) with a text another such page opens
    or closes with too (but for a page number beside it: `_edge_key`), when it reads as
    furniture (`_edge_text`): a running header or footer. The first page (a cover)
    keeps its lines; a table's title repeated over its pages (ending in 表) and its unit
    line are never furniture."""
    bounds = _page_bounds(strips, page_map, skip, bare=True)
    edges = [i for page, i in bounds if page > 1]
    # on a quarter of the pages at least (a running header may take turns with another
    # on facing pages): a note closing two empty tables' pages is no furniture
    least = max(2, len({page for page, _ in bounds}) // 4)
    keys = {i: _edge_key(strips[i]) for i in edges}
    counts = Counter(keys.values())
    texts = {t for t, k in counts.items() if k >= least and _edge_text(t)}
    return {i for i in edges if keys[i] in texts}


def _edge_key(text: str) -> str:
    """A page-edge line's text without the page number it may print beside the running
    header or footer (``某局2024年部门预算  第 3 页``, ``- 3 -  某局…``), so that the
    line is the same on every page.

    >>> _edge_key("某局2024年部门预算公开    第 17 页"), _edge_key("- 3 -   某局2024年部门预算")
    ('某局2024年部门预算公开', '某局2024年部门预算')
    """
    if not any(ch.isdigit() for ch in text):
        return text
    return _PAGE_MARK.sub("", text).strip(" \u3000")


def _page_bounds(strips: Sequence[str], pages: Sequence[int], skip: Collection[int],
                 bare: bool = False) -> list[tuple[int, int]]:
    """The page and index of the first and the last printed line of each page (one if
    the page prints one), lines in ``skip`` (and with ``bare`` bare numbers) passed
    over; ``pages`` gives each line's page, in order (found by bisection, not by a walk
    over every line)."""
    n = min(len(strips), len(pages))
    out: list[tuple[int, int]] = []

    def passed(i: int) -> bool:
        t = strips[i]
        return not t or i in skip or (bare and len(t) <= 9 and bool(_BARE_NUMBER.match(t)))

    start = 0
    while start < n:
        page = pages[start]
        end = bisect.bisect_right(pages, page, start, n)
        i = start
        while i < end and passed(i):
            i += 1
        j = end - 1
        while j > i and passed(j):
            j -= 1
        if i < end:
            out.append((page, i))
            if j > i:
                out.append((page, j))
        start = end
    return out


def _edge_text(text: str) -> bool:
    """Whether a line that opens or closes pages may be furniture: six characters or
    more, four of them ideographs, no figure but a year, no table title (``…表``,
    ``…表（续）``), no unit line, no note (``注：本表无数据``), no heading (``第四部分
    名词解释``, ``一、…``: a part opens a page with its contents line's words) and no
    colon (``部门名称：某局``, a table's own line).

    >>> [_edge_text(t) for t in ("某局2024年部门预算", "合计  5.00", "支出预算表（续）",
    ...                          "单位：万元", "项目", "注：本表本年无发生额。", "第四部分 名词解释",
    ...                          "部门名称：某某局机关")]
    [True, False, False, False, False, False, False, False]
    """
    if len(text) < 6 or sum("\u3400" <= ch <= "\u9fff" for ch in text) < 4:
        return False
    if text.startswith(_NOTE_WORDS) or _ENUMERATED.match(text) or _PART.match(text) \
            or "：" in text or ":" in text:
        return False  # (部门名称：某局 above each table's page: the table's, not the page's)
    if figure_but_year(text):
        return False  # a figure, a code or a row number: a table's row
    return not (_TABLE_END.search(text) or "单位：" in text or "单位:" in text)


def _continued_marks(strips: Sequence[str], flat: str = "") -> set[int]:
    """The lines that only say a table goes on from the page before (``续表``, ``（续表）``,
    ``续表2``): no row, and no part of a row's name (found from the text's few 续).

    >>> sorted(_continued_marks(["其他支出", "（续表）", "继续", "续表 2", "表3（续）"]))
    [1, 3]
    """
    whole = flat or "\n".join(strips)
    out: set[int] = set()
    line = counted = 0
    pos = whole.find("续")
    while pos >= 0:
        line += whole.count("\n", counted, pos)
        counted = pos
        t = strips[line] if line < len(strips) else ""
        if len(t) <= 8 and _CONTINUED.match(t):
            out.add(line)
        end = whole.find("\n", pos)
        if end < 0:
            break
        pos = whole.find("续", end)
    return out


_PAGE_MARK: Final = lazy(r"第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?"
                         r"|[-－—–―‒]\s*\d{1,4}\s*[-－—–―‒]|[·•]\s*\d{1,4}\s*[·•]")
_CONTINUED: Final = lazy(r"[（(]?\s*续\s*表?\s*\d{0,2}\s*[）)]?$")


def _repeated_titles(strips: Sequence[str], flat: str = "") -> set[int]:
    """The lines of a report title (a year, then 预算 or 决算 …: `REPORT_TITLE`) printed
    alone on its line three times or more, but for one among the text's first five
    printed lines (its cover's title). ``flat``: the text whose lines ``strips`` are,
    if at hand (one search of the whole text finds the few candidates)."""
    at: dict[str, list[int]] = {}
    whole = flat or "\n".join(strips)
    line = counted = 0
    for m in _TITLE_END.finditer(whole):
        line += whole.count("\n", counted, m.start())
        counted = m.start()
        t = strips[line]
        if "  " not in t and REPORT_TITLE.search(t):
            at.setdefault(t, []).append(line)
    out = {i for found in at.values() if len(found) >= 3 for i in found}
    if out:
        cover = list(itertools.islice((i for i, t in enumerate(strips) if t), 5))
        for found in at.values():
            if found[0] in cover:
                out.discard(found[0])
    return out


_NOTE_WORDS: Final = ("注", "备注", "说明", "填报", "数据来源", "资料来源")
_PART: Final = lazy(r"第[一二三四五六七八九十\d]{1,3}(?:部分|章|节|篇)")
_TABLE_END: Final = lazy(r"表\s*(?:[（(]续[）)])?$|[（(]续[）)]$")
_TITLE_END: Final = lazy(r"(?:预算|决算|公开|报告|说明)[ \t\u3000\f]*$", re.M)
# A report's title: a year, then (部门|单位) 预算 or 决算 (公开, 报告 …): a running header
# here, a bundle's next cover in `govbudget._ingest._bundle`.
REPORT_TITLE: Final = lazy(
    r"(?:19|20)\d\d\s*年度?.{0,30}?(?:部门|单位)?\s*(?:预算|决算)(?:信息)?(?:公开)?(?:报告|说明|表)?$")


def _after_page_numbers(strips: Sequence[str], page_idx: Sequence[int]) -> list[int]:
    """The page numbers ``page_idx`` and the running headers right after them."""
    n = len(strips)
    after_page: Counter[str] = Counter()
    for i in page_idx:
        j = i + 1
        while j < n and not strips[j]:
            j += 1
        if j < n:
            after_page[strips[j]] += 1
    headers = {t for t, k in after_page.items()
               if not _PAGE_NO.match(t) and (k >= 2 or _looks_like_running_header(t))}
    drop: set[int] = set(page_idx)
    for i in page_idx:
        j = i + 1
        while j < n and not strips[j]:
            j += 1
        if j < n and strips[j] in headers:
            drop.add(j)
    return sorted(drop)


def _pages_of_feeds(flat: str) -> tuple[int, ...]:
    """The page of each line of text whose pages start with a form feed (pdftotext)."""
    out: list[int] = []
    page = 1
    for t in flat.split("\n"):
        if "\f" in t:
            page += t.count("\f")
        out.append(page)
    return tuple(out)


def _pages_of_marks(n: int, page_idx: Sequence[int]) -> tuple[int, ...]:
    """The page of each of ``n`` lines when printed page numbers (``-6-``, ``-- 9 of 33
    --``) end the pages; empty when the text shows fewer than two."""
    if len(page_idx) < 2:
        return ()
    out: list[int] = []
    start = 0
    for page, end in enumerate(page_idx, 1):
        out.extend([page] * (end + 1 - start))
        start = end + 1
    out.extend([len(page_idx) + 1] * (n - start))
    return tuple(out)


# Pages are numbered from 1: a bare 0 is the tail of a wrapped figure (2024022815270).
# Between dashes the digits may be letter-spaced (``— 1 2 —``, each digit drawn apart).
# ``12``, ``- 12 -``, and ``1 2`` (text extracted without layout spaces the digits of a
# centred page number apart; two digits only: ``5 3 2`` is as likely small figures).
_BARE_NUMBER: Final = lazy(r"^(?:[1-9]\d{0,2}|[1-9] \d|[-－—]\s*[1-9](?: ?\d){0,2}\s*[-－—])$")


def _bare_page_numbers(strips: Sequence[str], pages: Sequence[int],
                       skip: Collection[int] = ()) -> set[int]:
    """Indices of lines that are a small number alone as the first or last printed line of
    a page (pages known from form feeds or the PDF; lines in ``skip``, furniture found
    already, passed over), but for a class code (``201`` opening a page of text with one
    cell a line).

    ```pycon
    >>> sorted(_bare_page_numbers(["201", "一般公共服务支出", "12"], [1, 1, 1]))
    [2]
    >>> sorted(_bare_page_numbers(["一般公共服务支出", "12", "某局2024年部门预算"], [1, 1, 1], {2}))
    [1]

    ```
    """
    return {i for _, i in _page_bounds(strips, pages, skip)
            if _BARE_NUMBER.match(strips[i]) and not _CLASS_CODE.match(strips[i])}


_PAGE_LINES: Final = 3  # printed lines a page holds at the least (a short table page)
# Page numbers in a run: five at least (codes printed alone, one cell a line, may count
# on for three or four: 款 32 / 33 / 34).
_RUN_LEAST: Final = 5
_PAGE_TYPICAL: Final = 15  # printed lines a typical page holds at the least
# A class code alone on its line (one cell a line: 301 / 302 / 303 count on too): no page
# number (a report of more than 200 pages is not expected).
_CLASS_CODE: Final = lazy(r"^[235]\d\d$")


def _page_number_run(strips: Sequence[str], skip: Collection[int] = ()) -> set[int]:
    """Indices of the page numbers of a text that marks no pages by form feeds: bare small
    numbers alone on their lines (``10``, ``- 11 -``) that count on by one down the text
    (N, N+1, N+2 …, five at least, most of them a typical page's lines apart: the longest
    such run; lines in ``skip``, page marks found already, are none of it). A figure alone on a line (a table's 10 under its row)
    does not fall in such a run by chance.

    ```pycon
    >>> page = ["正文"] * 20
    >>> strips = ["一、收入", "10", *page, "3", "11", *page, "12", *page, "13", *page, "14"]
    >>> sorted(_page_number_run(strips))
    [1, 23, 44, 65, 86]
    >>> _page_number_run(["行次", "1", "2", "3", "4"])  # row numbers, line by line
    set()
    >>> _page_number_run(["301", *page, "302", *page, "303"])  # class codes, one a line
    set()
    >>> column = [x for v in range(11, 18) for x in (str(v), *["行"] * 5)]
    >>> _page_number_run(column)  # a column of figures six lines apart: no pages
    set()

    ```
    """
    numbers = {i: int(d) for i, t in enumerate(strips)
               if t and len(t) <= 9 and _BARE_NUMBER.match(t)
               and not _CLASS_CODE.match(d := "".join(ch for ch in t if ch.isdigit()))}
    if not numbers:
        return set()
    printed = list(itertools.accumulate(bool(t) for t in strips))  # printed lines up to i
    run = sorted(_longest_run({i: v for i, v in numbers.items() if i not in skip}, printed))
    if len(run) < _RUN_LEAST:
        return set()
    # pages, not a column of figures: most of them a page's worth of lines apart
    gaps = sorted(printed[b] - printed[a] for a, b in itertools.pairwise(run))
    return set(run) if gaps[len(gaps) // 2] >= _PAGE_TYPICAL else set()


def _longest_run(numbers: dict[int, int], printed: Sequence[int]) -> set[int]:
    """The lines of the longest run of numbers counting on by one, in line order, each a
    page's worth of printed lines (``_PAGE_LINES``) after the one before (row numbers 1 2 3
    of a 行次 column count on line by line)."""
    best: dict[int, tuple[int, int]] = {}  # value -> (length of the run ending there, line)
    before: dict[int, int] = {}  # line -> the line before it in its run (-1: none)
    length: dict[int, int] = {}
    for i in sorted(numbers):
        v = numbers[i]
        prev = best.get(v - 1)
        if prev is not None and printed[i] - printed[prev[1]] < _PAGE_LINES:
            prev = None
        length[i] = prev[0] + 1 if prev is not None else 1
        before[i] = prev[1] if prev is not None else -1
        if length[i] >= best.get(v, (0, -1))[0]:
            best[v] = (length[i], i)
    if not length:
        return set()
    end = max(length, key=lambda i: (length[i], -i))
    out: set[int] = set()
    while end >= 0:
        out.add(end)
        end = before[end]
    return out


_ENUMERATED: Final = lazy(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.]|[①-⑩])")


def _looks_like_running_header(text: str) -> bool:
    """A report title such as "某单位2024年单位预算公开报告" (seen once: a 2-page report).

    An enumerated table label that happens to end in 预算 (``二、政府性基金预算``) is not one.
    """
    return (6 <= len(text) <= 60 and text.endswith(("报告", "公开", "预算")) and "，" not in text
            and not _ENUMERATED.match(text) and "  " not in text)
