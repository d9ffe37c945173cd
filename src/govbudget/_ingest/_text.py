"""Text layer of the reader: decoding, lines, page furniture, PDF-extraction artefacts.

Everything here is independent of what a budget report says; it turns bytes into
numbered `Line` objects and offers the repairs the sub-readers need:

- `decode`: UTF-8 (with or without BOM) or GB18030/GBK, detected or given;
- `split_lines`: CRLF, CR and LF;
- `strip_furniture`: page numbers (``-6-``, ``-- 1``) and running headers between
  pages; the page of each line, from form feeds or printed page numbers
  (``_pages_of_feeds``, ``_pages_of_marks``), and bare page numbers at a page's top or foot;
- `dedouble`: bold text drawn twice (``项目项目``, ``2599.992599.99``);
- `cells`: a table line split into cells, keeping blank cells, with numbers glued to
  text separated (``2599.99一、一般公共服务支出``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import Final

from .._errors import ReadError
from .._lazy_re import lazy
from .._money import parse_amount

__all__ = [
    "Line",
    "cell_tuple",
    "cells",
    "decode",
    "dedouble",
    "furniture",
    "is_amount",
    "join_stripped",
    "join_text",
    "make_line",
    "normalise_breaks",
    "page_number_lines",
    "spaced",
    "split_code",
    "split_lines",
    "split_text",
    "strip_furniture",
]


class Line:
    """A line of the input: its 1-based number and its text (no line break).

    ``stripped`` is the text without surrounding (ASCII and full-width) spaces.
    """

    __slots__ = ("no", "stripped", "text")

    def __init__(self, no: int, text: str) -> None:
        self.no = no
        self.text = text
        self.stripped = text.strip(_SPACES)

    def __bool__(self) -> bool:
        return bool(self.stripped)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Line):
            return NotImplemented
        return self.no == other.no and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.no, self.text))

    def __repr__(self) -> str:
        return f"Line(no={self.no!r}, text={self.text!r})"


def decode(data: bytes, encoding: str | None = None, *, source: str = "<bytes>") -> str:
    """Decode report bytes: the given encoding, else UTF-8 (BOM or not), else GB18030.

    Raises:
        ReadError: the bytes are binary (NUL bytes anywhere, or NUL characters once decoded
            in the given encoding) or decode in no supported encoding.
    """
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReadError(f"cannot decode as {encoding}: {exc}", source=source) from None
        if "\x00" in text:
            raise ReadError("binary data (NUL characters), not extracted report text",
                            source=source)
        return text.removeprefix("\ufeff")
    if b"\x00" in data:
        raise ReadError("binary data (NUL bytes), not extracted report text", source=source)
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ReadError("not UTF-8 or GB18030 text", source=source)


_SPACES: Final = " \t\u3000\u00a0"
_new_line: Final = object.__new__


def make_line(no: int, text: str, stripped: str) -> Line:
    """``Line(no, text)`` for a ``stripped`` already known (saves stripping again)."""
    ln: Line = _new_line(Line)
    ln.no = no
    ln.text = text
    ln.stripped = stripped
    return ln


def split_text(text: str) -> list[str]:
    """The lines of ``text`` as strings (see `split_lines`)."""
    return normalise_breaks(text).split("\n")


def normalise_breaks(text: str) -> str:
    """``text`` without a BOM, every line ending a LF, every no-break space (U+00A0,
    U+202F: text copied from a web page's table, where ``&nbsp;`` pads the cells) a space:
    one column wide as a space is, it lays the cells out as spaces do (the ideographic
    space U+3000, two columns wide, is kept: it sets levels in), and full-width digits
    ASCII ones.

    ```pycon
    >>> normalise_breaks("\\ufeff合计\\u00a0\\u00a05.00\\r\\n")
    '合计  5.00\\n'
    >>> normalise_breaks("合计 ８,４０１．６７")
    '合计 8,401.67'

    ```
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\u00a0" in text or "\u202f" in text:
        text = text.translate(_NO_BREAK)
    if "|" in text:
        text = _pipe_rows(text)
    if any(d in text for d in _FULL_WIDTH_DIGITS):  # (ten scans: a class search is 5× slower)
        # full-width digits (２０２６, ８,４０１.６７) are the digits: one character for one,
        # so a layout text's positions hold; a full-width point between them is a point
        text = _FULL_WIDTH_POINT.sub(".", text.translate(_DIGITS))
    return text


def _pipe_rows(text: str) -> str:
    """``text`` with its pipe-separated table rows (Markdown, as document converters write
    tables: ``| 201 | 一般公共服务支出 | 30.00 |``; or rules drawn as ``|``) as tab-separated
    fields, blank cells kept; a Markdown rule line (``|---|---|``) is a blank line. A line
    with one pipe is a row only in a text of pipe rows (`least`).

    >>> _pipe_rows("| 科目 | 合计 |\\n|---|:--:|\\n| 201 一般 | 30.00 |\\n|  | 5.00 |\\n合计 | 35.00")
    '科目\\t合计\\n\\n201 一般\\t30.00\\n\\t5.00\\n合计\\t35.00'
    >>> _pipe_rows("见附件1|附件2")
    '见附件1|附件2'
    """
    lines = text.split("\n")
    # In a text whose tables are pipe rows (three lines of two pipes at least), a line of
    # one pipe is a row of two cells too; elsewhere a line needs two.
    least = 1 if sum(ln.count("|") >= 2 for ln in lines) >= 3 else 2
    for i, ln in enumerate(lines):
        if ln.count("|") < least:
            continue
        body = ln.strip(" \u3000")
        lead = ln[:len(ln) - len(ln.lstrip(" \u3000"))]  # (its indentation is kept)
        if body.startswith("|"):
            body = body[1:]
        if body.endswith("|"):
            body = body[:-1]
        cells = [c.strip(" \u3000") for c in body.split("|")]
        if all(_RULE_CELL.fullmatch(c) for c in cells):
            lines[i] = ""  # |---|:--:|
        else:
            lines[i] = lead + "\t".join(cells)
    return "\n".join(lines)


_RULE_CELL: Final = lazy(r":?-{3,}:?|:-+:?|-+:")
_NO_BREAK: Final = str.maketrans({"\u00a0": " ", "\u202f": " "})
_DIGITS: Final = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})
_FULL_WIDTH_DIGITS: Final = tuple(chr(0xFF10 + i) for i in range(10))
_FULL_WIDTH_POINT: Final = lazy("(?<=[0-9])．(?=[0-9])")


def split_lines(text: str) -> list[Line]:
    """Number the lines of ``text``; CRLF, CR and LF all end a line."""
    return [Line(i, t) for i, t in enumerate(split_text(text), 1)]


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


def furniture(strips: Sequence[str], page_idx: Sequence[int]) -> list[int]:
    """The indices of the furniture among lines whose stripped texts are ``strips``: the
    page numbers ``page_idx`` and the running headers after them (see `strip_furniture`),
    in order."""
    if not page_idx:
        return []
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


def _bare_page_numbers(strips: Sequence[str], pages: Sequence[int]) -> set[int]:
    """Indices of lines that are a small number alone as the first or last printed line of
    a page (pages known from form feeds or the PDF), but for a class code (``201`` opening
    a page of text with one cell a line).

    ```pycon
    >>> sorted(_bare_page_numbers(["201", "一般公共服务支出", "12"], [1, 1, 1]))
    [2]

    ```
    """
    out: set[int] = set()
    n = min(len(strips), len(pages))
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    for i in range(n):
        if strips[i]:
            first.setdefault(pages[i], i)
            last[pages[i]] = i
    for i in (*first.values(), *last.values()):
        if _BARE_NUMBER.match(strips[i]) and not _CLASS_CODE.match(strips[i]):
            out.add(i)
    return out


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


# What a table prints for "nothing here" in an amount cell: a dash or a slash.
DASHES: Final = frozenset({"-", "—", "－", "--", "——", "/", "—-", "－－"})

_ASCII_AMOUNT: Final = lazy(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", re.ASCII)


def is_amount(token: str) -> bool:
    """True when ``token`` reads as an amount (see `govbudget.parse_amount`)."""
    if not token or not (token[0].isdigit() or token[0] in "-－−"):
        return False
    if token.isascii():
        return _ASCII_AMOUNT.fullmatch(token) is not None
    try:
        parse_amount(token)
    except ValueError:
        return False
    return True


def _dedouble_token(tok: str) -> str:
    n = len(tok)
    if n >= 2 and n % 2 == 0:
        half = tok[: n // 2]
        if half == tok[n // 2:]:
            if is_amount(half):
                # "2599.992599.99" is not an amount; "1111" is one and stays.
                return half if not is_amount(tok) else tok
            if len(half) >= 2:
                return half
    return tok


def dedouble(text: str) -> str:
    """Undo bold text drawn twice by PDF extraction.

    A whole line printed twice (``第一部分 概况第一部分 概况``), and each token printed
    twice (``合计合计``, ``2599.992599.99``), collapse to one copy. A number that is
    valid as printed (``1111``) is left alone, and so is a line of valid numbers
    (``10.00 10.00``: two cells) and a doubled single character.

    ```pycon
    >>> dedouble("合计合计 2599.992599.99 1705.881705.88")
    '合计 2599.99 1705.88'
    >>> dedouble("第一部分 概况第一部分 概况")
    '第一部分 概况'
    >>> dedouble("1111 常常")
    '1111 常常'
    >>> dedouble("10.00 10.00")
    '10.00 10.00'

    ```
    """
    return _dedouble(text)


@functools.lru_cache(maxsize=4096)
def _dedouble(text: str) -> str:
    # Cached: the readers de-double the same line several times (title, number, body).
    core = text.strip(" \t\u3000")
    n = len(core)
    if n >= 4:
        mid = n // 2
        rest = core[mid:] if n % 2 == 0 else core[mid + 1:] if core[mid] == " " else None
        # A line of valid numbers ("10.00 10.00", "1111") is cells, not a doubled line.
        if core[:mid] == rest and not all(is_amount(tok) for tok in core.split()):
            return core[:mid]
    parts = text.split(" ")
    for k, p in enumerate(parts):
        m = len(p)
        if m >= 2 and not m % 2 and p[:m // 2] == p[m // 2:]:  # else not doubled
            parts[k] = _dedouble_token(p)
    return " ".join(parts)


_CJK: Final = r"[\u3400-\u9fff\uf900-\ufaff、（）()《》“”]"
# The two decimal tails share one lookahead: each character class costs about a millisecond
# to compile (sre expands its CJK range), and this pattern is compiled by every process.
_GLUE: Final = lazy(
    rf"(?:(?<=\d\.\d)|(?<=\d\.\d\d))(?={_CJK})|(?<={_CJK})(?=-?\d[\d,]*\.\d)"
)


def cells(text: str) -> list[str]:
    """Split a table line into cells: single spaces separate cells, so two spaces mean a
    blank cell between them. Amounts glued to text are separated first, and each cell
    is de-doubled. Trailing blank cells are dropped (their count is unreliable).

    ```pycon
    >>> cells("2010102 一般行政管理事务 463.00  463.00")
    ['2010102', '一般行政管理事务', '463.00', '', '463.00']
    >>> cells("一、一般公共预算 2599.99一、一般公共服务支出 2048.87 2048.87  ")
    ['一、一般公共预算', '2599.99', '一、一般公共服务支出', '2048.87', '2048.87']
    >>> cells("合计合计 2599.992599.99 1705.881705.88")
    ['合计', '2599.99', '1705.88']

    ```
    """
    return list(cell_tuple(text))


_BRACKETED_CODE: Final = lazy(r"^[\[【［(（](\d{3}(?:\d{2}){0,3})[\]】］)）]\s*(?=\D)")
_CODE_RUN: Final = lazy(r"^(\d{3}(?:\d{2}){0,3})(?!\d)")


def split_code(text: str) -> tuple[str, int] | None:
    """A code printed in its name's cell, and where the name starts: bracketed
    (``[30101]基本工资``, ``【201】``), glued (``30101基本工资``), joined by a dash
    (``30101-基本工资``) or a space (a grid cell ``201 一般公共服务支出``); None for any other
    cell (a year, ``2024年``, is no code).

    >>> split_code("2010101行政运行"), split_code("[201]一般公共服务支出"), split_code("201-一般")
    (('2010101', 7), ('201', 5), ('201', 4))
    >>> split_code("2024年预算"), split_code("201"), split_code("201 一般"), split_code("201 5")
    (None, None, ('201', 4), None)
    """
    m = _BRACKETED_CODE.match(text)
    if m is not None:
        return (m.group(1), m.end()) if len(text) > m.end() else None
    # glued: ``^(\d{3}(?:\d{2}){0,3})[-－ ]?(?=[㐀-鿿])``, the ideograph tested as a string
    # (the class costs sre about a millisecond to compile in each fresh process)
    m = _CODE_RUN.match(text)
    if m is None:
        return None
    end = m.end()
    if end < len(text) and text[end] in "-－ ":
        end += 1
    if end < len(text) and "\u3400" <= text[end] <= "\u9fff":
        return m.group(1), end
    return None



@functools.lru_cache(maxsize=8192)
def cell_tuple(text: str) -> tuple[str, ...]:
    """`cells` as a tuple, cached by line text: the table reader splits a line more than
    once (to find where the body starts, then to read it), and the cells of blank lines,
    totals and amounts recur."""
    body = text.replace("\u3000", " ").replace("\t", " ").strip(" ")
    if not body:
        return ()  # a blank line; otherwise the last cell is not blank (no trailing space)
    out: list[str] = []
    append = out.append
    amount = _ASCII_AMOUNT.fullmatch
    for raw in body.split(" "):
        if not raw:
            append("")
        elif "." not in raw:  # glue needs a decimal amount
            n = len(raw)
            if n < 2 or n % 2 or raw[:n // 2] != raw[n // 2:]:
                append(raw)  # not doubled
            else:
                append(_dedouble_token(raw))  # keeps a doubled-looking amount (1111)
        elif raw.isascii() and amount(raw):
            append(raw)  # a plain decimal amount: nothing glued, not doubled
        else:
            out.extend(_split_glued(raw))
    return tuple(out)


def _split_glued(token: str) -> list[str]:
    # De-double first so that "2599.992599.99本年支出合计本年支出合计" splits cleanly.
    pieces: list[str] = []
    pos = 0
    for m in _GLUE.finditer(token):
        pieces.append(token[pos:m.start()])
        pos = m.start()
    pieces.append(token[pos:])
    return [_dedouble_token(p) for p in pieces if p]


def join_text(lines: Iterable[Line]) -> str:
    """Join wrapped lines of running text: no space between CJK characters."""
    return join_stripped([ln.stripped for ln in lines])


def join_stripped(texts: Iterable[str]) -> str:
    """`join_text` for the lines' stripped texts: a space between two Latin words or
    figures (``图1`` | ``2024年度…``: a caption's number and a year), none between CJK
    characters.

    >>> join_stripped(["项目 ABC", "DEF 图1", "2024年度"])
    '项目 ABC DEF 图1 2024年度'
    """
    out = ""
    for t in texts:
        if not t:
            continue
        if out and spaced(out[-1], t[0]):
            out += " "
        out += t
    return out


def spaced(end: str, start: str, *, cut_numbers: bool = False) -> bool:
    """Whether a line ending in the character ``end`` joins the next line, starting with
    ``start``, with a space: between Latin letters and digits (words, figures), not
    between CJK characters; with ``cut_numbers`` (the lines of a table cell, which wraps at
    the cell's width, numbers too: ``480000+60000=60`` | ``0000元``), not between two
    digits either (a space would make two figures of one)."""
    return end.isascii() and end.isalnum() and start.isascii() and start.isalnum() \
        and not (cut_numbers and end.isdigit() and start.isdigit())
