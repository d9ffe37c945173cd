"""Text layer of the reader: decoding, lines, PDF-extraction artefacts.

Everything here is independent of what a budget report says; it turns bytes into
numbered `Line` objects and offers the repairs the sub-readers need:

- `decode`: UTF-8 (with or without BOM) or GB18030/GBK, detected or given;
- `split_lines`: CRLF, CR and LF;
- page furniture (page numbers, running headers and footers): `govbudget._ingest._pages`;
- `dedouble`: bold text drawn twice (``项目项目``, ``2599.992599.99``);
- `cells`: a table line split into cells, keeping blank cells, with numbers glued to
  text separated (``2599.99一、一般公共服务支出``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Final

from .._errors import ReadError
from .._lazy_re import lazy
from .._money import parse_amount

__all__ = [
    "UNIT_FIGURE",
    "Line",
    "cell_tuple",
    "cells",
    "decode",
    "dedouble",
    "figure_but_year",
    "is_amount",
    "join_stripped",
    "join_text",
    "make_line",
    "normalise_breaks",
    "spaced",
    "split_code",
    "split_lines",
    "split_text",
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
    space U+3000, two columns wide, is kept where it sets levels in, and a run of four or
    more between two cells is as many spaces), full-width digits
    ASCII ones, zero-width characters dropped, Kangxi radicals and compatibility
    ideographs the ideographs they stand for, a year in Chinese numerals (二〇二四年) in
    digits, ％ as %, and a Chinese numeral's enumerator
    printed with a point before words
    (``一.一般公共服务支出``, ``十一．其他收入``) the enumeration comma it stands for
    (``一、``: one character for one).

    ```pycon
    >>> normalise_breaks("\\ufeff合计\\u00a0\\u00a05.00\\r\\n")
    '合计  5.00\\n'
    >>> normalise_breaks("合计 ８,４０１．６７")
    '合计 8,401.67'
    >>> normalise_breaks("合计\u3000\u3000\u3000\u30005.00 \u3000\u3000\u3000\u3000行政运行")
    '合计    5.00 \u3000\u3000\u3000\u3000行政运行'
    >>> normalise_breaks("二〇二四年度预算 二〇二四 年 一九九八年 十二年 二〇二五年一月")
    '2024年度预算 2024 年 1998年 十二年 二〇二五年一月'
    >>> normalise_breaks("执行率 77.13％")
    '执行率 77.13%'
    >>> normalise_breaks("⼀般公共服务⽀\u200b出")
    '一般公共服务支出'
    >>> normalise_breaks("一.财政拨款收入 5.00 十一．其他支出 3.00 第十.5")
    '一、财政拨款收入 5.00 十一、其他支出 3.00 第十.5'

    ```
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\u00a0" in text or "\u202f" in text:
        text = text.translate(_NO_BREAK)
    if _INVISIBLE_OR_RADICAL.search(text):
        # zero-width characters (a PDF's or a web page's) are dropped; Kangxi radicals
        # and compatibility ideographs, which PDFs' fonts often map their glyphs to
        # (⼀般公共服务⽀出), are the ideographs NFKC makes them, and the supplement's
        # simplified radicals (部⻔) their ideographs; a table drawn with
        # box-drawing characters (│ 201 │ 一般公共服务支出 │, ├──┼──┤) is pipe rows
        text = text.translate(_unified_table())
    if "-+" in text:  # a grid table's rule (+-----+----+, pandoc's and others'): a blank line
        text = _GRID_RULE.sub("", text)
    if "|" in text:
        text = _pipe_rows(text)
    if any(d in text for d in _FULL_WIDTH_DIGITS):  # (ten scans: a class search is 5× slower)
        # full-width digits (２０２６, ８,４０１.６７) are the digits: one character for one,
        # so a layout text's positions hold; a full-width point between them is a point
        text = _FULL_WIDTH_POINT.sub(".", text.translate(_DIGITS))
    if "\u3000\u3000\u3000\u3000" in text:
        # a gap of four ideographic spaces or more between two cells (a web page's table
        # padded with them) is a gap of as many spaces, so layout text is known as such;
        # ideographic spaces setting a cell's level in (after spaces, or opening a line)
        # are kept
        text = _IDEOGRAPHIC_GAP.sub(lambda m: " " * len(m.group()), text)
    if "二〇" in text or "二零" in text or "一九" in text:
        # a year in Chinese numerals (二〇二四年, as official documents date themselves)
        # is the year in digits, one character for one
        text = _CN_YEAR.sub(lambda m: m.group().translate(_CN_DIGITS), text)
    if "％" in text:  # the full-width percent sign is the percent sign (one for one)
        text = text.replace("％", "%")
    if _NUMERAL_POINT.search(text):  # (a point after a numeral: rare, and cheap to find)
        text = _ENUMERATOR_POINT.sub("\\1、", text)
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


_RULE_CELL: Final = lazy(r":?-+:?")
_GRID_RULE: Final = lazy(r"(?m)^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")
_NO_BREAK: Final = str.maketrans({"\u00a0": " ", "\u202f": " "})
_INVISIBLE_OR_RADICAL: Final = lazy(
    "[\u00ad\u200b-\u200d\u2060\ufeff\u2500-\u257f\u2ea6-\u2ef3\u2f00-\u2fd5"
    "\uf900-\ufaff\uff5c]")
# The simplified radicals of the CJK Radicals Supplement and the ideograph each stands for,
# as the Unicode Character Database's CJKRadicals.txt (Unicode 17.0) gives them (its
# radicals numbered N'): NFKC leaves them as they are, and a PDF's font can map its
# glyphs of 门, 长, 见 … to them (部⻔预算, ⻓期). Only these: the supplement's other
# characters are component forms no text prints for an ideograph.
_SIMPLIFIED_RADICALS: Final = {
    0x2EA6: 0x4E2C, 0x2EB0: 0x7E9F, 0x2EC5: 0x89C1, 0x2EC8: 0x8BA0, 0x2EC9: 0x8D1D,
    0x2ECB: 0x8F66, 0x2ED0: 0x9485, 0x2ED3: 0x957F, 0x2ED4: 0x95E8, 0x2ED9: 0x97E6,
    0x2EDA: 0x9875, 0x2EDB: 0x98CE, 0x2EDC: 0x98DE, 0x2EE0: 0x9963, 0x2EE2: 0x9A6C,
    0x2EE5: 0x9C7C, 0x2EE6: 0x9E1F, 0x2EE7: 0x5364, 0x2EE8: 0x9EA6, 0x2EE9: 0x9EC4,
    0x2EEA: 0x9EFE, 0x2EEB: 0x6589, 0x2EEC: 0x9F50, 0x2EED: 0x6B6F, 0x2EEE: 0x9F7F,
    0x2EEF: 0x7ADC, 0x2EF0: 0x9F99, 0x2EF2: 0x4E80, 0x2EF3: 0x9F9F,
}


@functools.cache
def _unified_table() -> dict[int, str | None]:
    """The translation of `normalise_breaks`: soft hyphen, zero-width spaces and joiners,
    word joiner and BOM to nothing; box drawing to pipe rows (a horizontal line ``-``,
    any other piece, and ``｜``, a ``|``); each Kangxi radical (U+2F00–U+2FD5) and CJK
    compatibility ideograph (U+F900–U+FAFF) whose NFKC form is one ideograph to it; each
    simplified radical of the supplement (`_SIMPLIFIED_RADICALS`) to its ideograph."""
    import unicodedata

    table: dict[int, str | None] = dict.fromkeys((0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF))
    for cp in range(0x2500, 0x2580):  # box drawing: a horizontal line a rule, else a border
        name = unicodedata.name(chr(cp), "")
        table[cp] = "-" if "HORIZONTAL" in name and "VERTICAL" not in name \
            and "AND" not in name.replace("HORIZONTAL AND", "") else "|"
    table[0xFF5C] = "|"  # ｜ FULLWIDTH VERTICAL LINE
    for cp in (*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00)):
        form = unicodedata.normalize("NFKC", chr(cp))
        if len(form) == 1 and form != chr(cp):
            table[cp] = form
    for cp, ideograph in _SIMPLIFIED_RADICALS.items():
        table[cp] = chr(ideograph)
    return table
_DIGITS: Final = str.maketrans({chr(0xFF10 + i): str(i) for i in range(10)})
_FULL_WIDTH_DIGITS: Final = tuple(chr(0xFF10 + i) for i in range(10))
_FULL_WIDTH_POINT: Final = lazy("(?<=[0-9])．(?=[0-9])")
# (a date, 二〇二五年一月, is kept as printed)
_YEAR: Final = lazy(r"(?:19|20)\d\d")
# A figure printed with its money unit (``10.00万元``, ``413.57万元``): in a table's cell,
# where the tables give the unit once, above them (`govbudget._ingest._grid`,
# `govbudget._ingest._selfeval`).
UNIT_FIGURE: Final = lazy(r"\d(?:[\d,]*\.\d+|[\d,]*) ?(?:万元|亿元|元)(?![\u3400-\u9fff])")


def figure_but_year(text: str) -> bool:
    """Whether ``text`` holds a digit that is no part of a year (19xx, 20xx).

    >>> figure_but_year("某局2024年部门预算"), figure_but_year("第 3 页 2024")
    (False, True)
    """
    return any(ch.isdigit() for ch in _YEAR.sub("", text))


_CN_YEAR: Final = lazy(r"(?:二[〇零]|一九)[〇零一二三四五六七八九]{2}(?=\s*年(?![〇零一二三四五六七八九十]{1,2}月))")
_CN_DIGITS: Final = str.maketrans("〇零一二三四五六七八九", "00123456789")
_IDEOGRAPHIC_GAP: Final = lazy(r"(?<=[^\s\u3000])\u3000{4,}(?=[^\s\u3000])")
# A point after a Chinese numeral (looked for from the point: 4× faster than from the
# numeral), and the enumerator it is when the numerals open a cell and words follow.
_NUMERAL_POINT: Final = lazy(r"[.．](?<=[一二三四五六七八九十].)")
_ENUMERATOR_POINT: Final = lazy(
    r"(?<![^\s|])([一二三四五六七八九十]{1,3})[.．](?=[ \u3000]*[\u3400-\u9fff])")


def split_lines(text: str) -> list[Line]:
    """Number the lines of ``text``; CRLF, CR and LF all end a line."""
    return [Line(i, t) for i, t in enumerate(split_text(text), 1)]


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
