"""Cells of table lines in wide text: layout text, tab-separated text and PDF grids.

Extracted text comes in four styles, told apart by what the table lines show
(`text_style`):

- ``single``: the sample's style (a PDF extractor that puts one space between cells and
  two for a blank cell); read by `govbudget._ingest._tables`. Runs of four or more
  spaces between cells on at least a quarter of the table lines tell layout text.
- ``layout``: ``pdftotext -layout``: columns kept by runs of spaces; a single space is
  part of a cell (``2. 政府性基金``). A cell's position is its character span.
- ``tabs``: cells separated by tabs (pdf.js dumps: ``201 \\t05 \\t行政运行 \\t…``); blank
  cells are dropped, so a cell has no position, only its order.
- ``grid``: the text govbudget's PDF reader writes: every row of a ruled table has one
  tab-separated field per column, a blank cell an empty field, so a cell's position is
  its column.

`wide_cells` splits a line into `WCell` s with their spans, and splits what a single
space joins but is not one cell: a code before a name (``2010101 行政运行``), amounts
after a name (``一般公共服务支出 2,932,700``), several amounts (``24169.74 15844.04``).
Letter-spaced words (``合   计``) are joined again.

```pycon
>>> [c.text for c in wide_cells("201   05   07   专项普查活动  438,300", "layout")]
['201', '05', '07', '专项普查活动', '438,300']
>>> [(c.text, c.start) for c in wide_cells("合\\t\\t5.00", "grid")]
[('合', 0), ('5.00', 2)]
>>> [c.text for c in wide_cells("合   计       24,169.74", "layout")]
['合计', '24,169.74']

```
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal

from attrs import evolve

from .._findings import Finding, Location, Severity
from .._lazy_re import lazy
from .._pattern_cache import compile_pattern
from .._reading import OCR_TEXT
from .._tables import Doubt, Table
from ._table_cells import _is_value, code_in_name
from ._text import UNIT_FIGURE, Line

__all__ = ["CUT_MARKS", "Style", "WCell", "blanks_marked", "one_cell_a_line", "text_style",
           "wide_cells", "with_cut_figures", "with_odd_unit", "with_unit_figures"]

Style = Literal["single", "layout", "tabs", "grid"]

_RUN: Final = compile_pattern(r"[^ ]+(?: [^ ]+)*")
_WIDE_GAP: Final = compile_pattern(r"[^ \t] {4,}[^ \t]")
# a gap of spaces beside a figure or code inside one tab field (not a letter-spaced label)
_GAP_IN_FIELD: Final = compile_pattern(r"[\d%]  +[^ \t]|[^ \t]  +[-\d]")
_CODE_TOKEN: Final = compile_pattern(r"^\d{3}(?:\d{2}){0,3}$")


def _cjk_char(text: str) -> bool:
    """One CJK ideograph (U+3400–U+9FFF), a final newline allowed (``^[㐀-鿿]$``; a string
    test: the class costs sre about a millisecond to compile in each fresh process)."""
    return (len(text) == 1 or (len(text) == 2 and text[1] == "\n")) and "\u3400" <= text[0] <= "\u9fff"


class WCell:
    """A cell of a wide line: its text and its span (characters, or the column of a
    grid; ``start == end == -1`` when the text gives no position)."""

    __slots__ = ("end", "indent", "start", "text")

    def __init__(self, text: str, start: int, end: int, indent: int = 0) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.indent = indent  # ideographic spaces before a grid cell's text (its level)

    def __repr__(self) -> str:
        return f"WCell({self.text!r}, {self.start}, {self.end})"

    @property
    def positioned(self) -> bool:
        """True when the cell's span is known."""
        return self.start >= 0


def text_style(lines: Sequence[str]) -> Style:
    """The style of the table lines of a document (see the module docstring).

    ```pycon
    >>> text_style(["201\\t05\\t\\t行政运行\\t5.00", "合计\\t\\t\\t\\t5.00"])
    'grid'
    >>> text_style(["201 \\t05 \\t行政运行 \\t5.00"])
    'tabs'
    >>> text_style(["    201\\t行政运行\\t5.00  5.00", "合计\\t5.00  5.00"])
    'tabs'
    >>> text_style(["201   05   行政运行      5.00", "合计          5.00"])
    'layout'
    >>> text_style(["2010101 行政运行 5.00  5.00", "合计 5.00   5.00"])
    'single'

    ```
    """
    whole = "\n".join(lines)
    if "\t" not in whole and "    " not in whole:
        return "single"  # no tab and no wide gap on any line: one test of the whole text
    tabbed = blank_fields = spaced = wide = body = padded = pairs = same = 0
    fields = -1  # the tab count of the line before, if it is a tabbed line
    for t in lines:
        s = t.strip()
        if not s:
            continue
        body += 1
        if "\t" in s:
            tabbed += 1
            n = t.count("\t")
            if fields >= 0:
                pairs += 1
                same += n == fields
            fields = n
            if "\t\t" in s or "\t \t" in s:
                blank_fields += 1
            if " \t" in s:
                spaced += 1
            if t.startswith("  ") or ("  " in s and _GAP_IN_FIELD.search(s)):
                padded += 1
        else:
            fields = -1
            if "    " in s and _WIDE_GAP.search(s):  # the gap is four spaces or more
                wide += 1
    if not body:
        return "single"
    if tabbed * 5 >= body:
        # A grid has a field for every column (blank ones empty), so the lines of one
        # table have as many tabs each, and no line is set in by spaces or holds a
        # figure a gap of spaces from a cell inside one field (a letter-spaced 合  计 is
        # no such sign). Where a tenth of the lines next to each other differ, or a
        # tenth show such gaps, blank cells were dropped (tabs for spaces, or for a
        # layout text's wider gaps only): only the cells' order is known.
        if padded * 10 >= tabbed or (pairs >= 5 and (pairs - same) * 10 > pairs):
            return "tabs"
        # pdf.js writes "cell \t" and drops blank cells; tables printing 0.00
        # everywhere have no blank field
        if blank_fields * 10 >= tabbed or spaced * 2 < tabbed:
            return "grid"
        return "tabs"
    if wide * 4 >= body:
        return "layout"
    return "single"


def one_cell_a_line(lines: Sequence[str]) -> bool:
    """Whether text gives one cell a line (PyMuPDF's plain text): four printed lines in five
    (of six or more) hold no space between characters, and more figures stand alone on a
    line than there are lines of several cells.

    ```pycon
    >>> one_cell_a_line(["301", "工资福利支出", "3.00", "30101", "基本工资", "1.00 "])
    True
    >>> one_cell_a_line(["301 工资福利支出 3.00", "30101 基本工资 1.00"])
    False
    >>> one_cell_a_line(["合计 3.00  ", *(f"{n}、支出   " for n in "一二三四五六")])
    False

    ```
    """
    printed = single = alone = 0
    for t in lines:
        body = t.strip(" \u3000")
        if body:
            printed += 1
            if " " not in body:
                single += 1
                alone += _is_value(body)
    # Figures stand alone on their lines, more of them than lines of several cells: text in
    # the sample's style whose rows are mostly empty (``二、外交支出     ``) prints its
    # figures beside their names.
    return printed >= 6 and single * 5 >= printed * 4 and alone > printed - single


def blanks_marked(lines: Sequence[str]) -> bool:
    """Whether text in the sample's style marks a blank cell: one of its table lines holds
    two spaces beside a figure (``5.00  5.00``, ``行政运行  5.00``), or ends in two spaces
    after a row's last figure (the plain texts of pdfplumber and pdfium of the nine real
    reports print no such line).

    Text extracted without layout (pdfplumber's or pdfium's plain text) drops blank cells
    and puts one space between the printed ones: a row with fewer figures than the table
    has columns then does not tell which columns its figures are in. A title or a header
    printed with a double space (``项  目``, ``预算公开表3  2024年…``, ``栏次  1  2``) is no
    evidence: the gap must stand beside an amount; nor is text with one cell a
    line (PyMuPDF's), whatever spaces it leaves.

    ```pycon
    >>> blanks_marked(["2010101 行政运行 5.00  5.00", "合计 5.00 5.00  "])
    True
    >>> blanks_marked(["2010101 行政运行 5.00 5.00", "\u3000\u3000合计 5.00"])
    False
    >>> blanks_marked(["项  目 合计", "合计 5.00 5.00", "201 一般公共服务支出 5.00 5.00"])
    False
    >>> blanks_marked(["合计 5.00 5.00", "201 一般公共服务支出 5.00  5.00"])
    True
    >>> blanks_marked(["上海市某局  ", "5.00  ", "6.00  "])
    False
    >>> blanks_marked(["预算公开表3  2024年预算支出总表", "栏次  1  2", "201 支出 5.00 5.00"])
    False

    ```
    """
    if one_cell_a_line(lines):
        return False
    for t in lines:
        body = t.strip(" \u3000")
        if " " not in body:
            continue
        if "  " in body:
            for m in _DOUBLE_GAP.finditer(body):
                before = body[:m.start()].rsplit(" ", 1)[-1]
                after = body[m.end():].split(" ", 1)[0]
                if _amount_cell(before) or _amount_cell(after):
                    return True  # a blank cell beside a figure
        elif t.endswith("  ") and _is_value(body.rsplit(" ", 1)[-1]):
            return True  # blanks after a row's last figure
    return False


# Two spaces or more: beside an amount, a blank cell before or after it.
_DOUBLE_GAP: Final = compile_pattern(r" {2,}")


def _amount_cell(text: str) -> bool:
    """A cell that reads as an amount, not a column number (``1``, ``12``) nor text that
    starts with digits (``2024年…``, ``预算公开表3``)."""
    return _is_value(text) and (len(text) >= 3 or not text.isdigit())
def _split_run(text: str, start: int, in_name: bool = True) -> list[WCell]:
    """Split a run of single-space-separated tokens: leading codes, trailing amounts; a
    code printed in brackets or glued to its name (``[30101]基本工资``) is a cell of its
    own (with ``in_name``: not in a project list, whose names may start with digits)."""
    split = code_in_name(text) if in_name else None
    if split is not None:
        code, end = split
        return [WCell(code, start, start + end),
                *_split_run(text[end:].lstrip(), start + end, in_name)]
    if " " not in text:
        return [WCell(text, start, start + len(text))]
    tokens = text.split(" ")
    offsets = []
    pos = start
    for tok in tokens:
        offsets.append(pos)
        pos += len(tok) + 1
    lo = 0
    while lo < len(tokens) and _CODE_TOKEN.match(tokens[lo]) and lo < 1:
        lo += 1
    if lo == 0:
        # figures before a name (``156,211,123 一、一般公共服务支出``): cells of their own
        while lo < len(tokens) - 1 and _is_value(tokens[lo]):
            lo += 1
        if lo:
            return [WCell(tokens[i], offsets[i], offsets[i] + len(tokens[i])) for i in range(lo)] \
                + _split_run(" ".join(tokens[lo:]), offsets[lo], in_name)
    # one-digit or two-digit parts after a 3-digit code (``301 2``, ``201 05 07``)
    if lo == 1 and len(tokens[0]) == 3:
        while lo < len(tokens) - 1 and lo < 3 and tokens[lo].isdigit() and len(tokens[lo]) <= 2:
            lo += 1
    hi = len(tokens)
    while hi > lo and _is_value(tokens[hi - 1]):
        hi -= 1
    out: list[WCell] = []
    for i in range(lo):
        out.append(WCell(tokens[i], offsets[i], offsets[i] + len(tokens[i])))
    if lo < hi:
        mid = " ".join(tokens[lo:hi])
        out.append(WCell(mid, offsets[lo], offsets[lo] + len(mid)))
    for i in range(hi, len(tokens)):
        out.append(WCell(tokens[i], offsets[i], offsets[i] + len(tokens[i])))
    return out


def wide_cells(text: str, style: Style, in_name: bool = True) -> list[WCell]:
    """The cells of one line in a wide ``style`` (``layout``, ``tabs`` or ``grid``); with
    ``in_name`` a code printed in its name's cell is split off (not in a project list)."""
    if style == "grid":
        out = []
        for i, field in enumerate(text.split("\t")):
            f = field.strip(" \u3000")
            if f:
                indent = len(field) - len(field.lstrip("\u3000"))
                split = code_in_name(f) if in_name else None
                if split is not None:
                    # a code in the name's cell: the row's code, then its name
                    out.append(WCell(split[0], i, i, indent))
                    f = f[split[1]:].lstrip()
                out.append(WCell(f, i, i + 1, indent))
        return out
    if style == "tabs":
        out = []
        for field in text.split("\t"):
            f = field.strip(" \u3000")
            if f:
                out.extend(WCell(c.text, -1, -1) for c in _split_run(f, 0, in_name))
        return out
    line = text.replace("\u3000", " ").replace("\t", "  ")
    cells: list[WCell] = []
    for m in _RUN.finditer(line):
        cells.extend(_split_run(m.group(), m.start(), in_name))
    return _join_letter_spaced(cells)


def _join_letter_spaced(cells: list[WCell]) -> list[WCell]:
    """Join a run of one-ideograph cells printed letter-spaced (``合   计``, ``项   目``)."""
    if len(cells) < 2:
        return cells
    out: list[WCell] = []
    i = 0
    n = len(cells)
    while i < n:
        c = cells[i]
        if _cjk_char(c.text):
            j = i
            text = c.text
            while j + 1 < n and _cjk_char(cells[j + 1].text) and \
                    cells[j + 1].start - cells[j].end <= 6:
                j += 1
                text += cells[j].text
            if j > i:
                out.append(WCell(text, c.start, cells[j].end))
                i = j + 1
                continue
        out.append(c)
        i += 1
    return out


# A decimal fraction with no whole part (``.39``): never how a table prints an amount
# (0.39), but the tail of a figure a line break cut (``0`` | ``.39``), whose head reads as
# a figure of its own.
_CUT_FIGURE: Final = lazy(r"(?:^|\s)[.．]\d+(?=\s|$)")


# What a text holding a figure's cut tail (``.39`` opening a cell) has: looked for in the
# whole text once (`govbudget._ingest._reader`), and the lines searched only if found.
CUT_MARKS: Final = (" .", " ．", "\t.", "\t．", "\n.", "\n．")


def with_cut_figures(table: Table, segment: Sequence[Line]) -> Table:
    """``table``, doubtful (``amounts``) when a line of it starts a figure's cut tail.

    >>> from govbudget import Table, TableKind, Unit
    >>> from govbudget._ingest._text import split_lines
    >>> t = Table(kind=TableKind.THREE_PUBLIC, number="", title="", unit=Unit.WAN_YUAN)
    >>> with_cut_figures(t, split_lines("2.85  0.39  2.85  0\\n.39")).doubts[0].lines
    (2,)
    >>> with_cut_figures(t, split_lines("2.85  0.39")).doubts
    ()
    """
    cut = [ln.no for ln in segment if _CUT_FIGURE.search(ln.text)]
    return _doubted(table, "amounts", "数值被换行截断（如“0”与下一行的“.39”），无法确定其数值",
                    "a figure cut by a line break (0 | .39): its value cannot be told", cut)


def _doubted(table: Table, reason: str, message: str, message_en: str,
             lines: Sequence[int]) -> Table:
    """``table`` with one more doubt, on ``lines`` (the first 20), if there are any."""
    if not lines:
        return table
    doubt = Doubt(reason, message, message_en, tuple(lines[:20]))
    return evolve(table, doubts=(*table.doubts, doubt))


def with_ocr(tables: Sequence[Table], ocr: Sequence[int], page_map: Sequence[int],
             findings: list[Finding]) -> tuple[Table, ...]:
    """``tables``, each printed on a page whose text an OCR tool laid over a scan doubtful
    (``ocr``): its figures are a machine's reading of an image, and one misread digit
    would be reported as the report's error. One finding names the pages (``findings``
    gets it); the checks hold back what they find on those pages (`Report.ocr_pages`).

    >>> from govbudget import Table, TableKind, Unit
    >>> found = []
    >>> t = Table(kind=TableKind.SUMMARY, number="1", title="收支总表", unit=Unit.WAN_YUAN,
    ...           blocks=(), line=3)
    >>> [d.reason for d in with_ocr([t], [2], [1, 2, 2], found)[0].doubts], found[0].rule
    (['ocr'], 'reading.ocr_text')

    """
    pages = sorted(set(ocr))
    on = frozenset(pages)
    out: list[Table] = []
    for t in tables:
        line = t.line
        if line is not None and 0 < line <= len(page_map) and page_map[line - 1] in on:
            t = _doubted(t, "ocr", "表格文字来自扫描页的OCR识别，数字可能误识，未核对",
                         "the table's text is an OCR tool's reading of a scanned page (a "
                         "digit may be misread): not checked", (line,))
        out.append(t)
    listed = "、".join(map(str, pages[:20])) + ("等" if len(pages) > 20 else "")
    findings.append(Finding(
        rule=OCR_TEXT, severity=Severity.WARNING,
        message=f"第{listed}页的文字来自OCR识别（扫描图像上的隐藏文字层），数字可能误识："
                "这些页上的表格未核对，其上的核对结果也不报告",
        message_en=f"the text of page(s) {', '.join(map(str, pages[:20]))} is an OCR tool's "
                   "layer over a scanned image (a digit may be misread): the tables there "
                   "are not checked, and no check result placed there is reported",
        location=Location(section="document", page=pages[0])))
    return tuple(out)


def with_unit_figures(table: Table, segment: Sequence[Line]) -> Table:
    """``table``, doubtful (``amounts``) when a line of its body prints a figure with its
    money unit (``10.00万元``): which unit the table's figures are in, and which cells
    hold figures, cannot then be told with confidence (a cell's own unit may be another
    than the table's: ``5000元`` in a table in 万元).

    >>> from govbudget import Table, TableKind, Unit
    >>> from govbudget._ingest._text import split_lines
    >>> t = Table(kind=TableKind.THREE_PUBLIC, number="", title="", unit=Unit.WAN_YUAN)
    >>> with_unit_figures(t, split_lines("单位：万元\\n合计 10.00万元")).doubts[0].lines
    (2,)
    >>> with_unit_figures(t, split_lines("单位：万元\\n公务用车（5万元以下） 10.00")).doubts
    ()
    """
    if not UNIT_FIGURE.search("\n".join(ln.text for ln in segment)):  # (one search)
        return table
    found = [ln.no for ln in segment if "单位" not in ln.text and UNIT_FIGURE.search(ln.text)]
    return _doubted(table, "amounts", "表格单元格中的数值带有金额单位（如“10.00万元”），无法确定表中数值的单位",
                    "figures printed with their money unit in the cells (10.00万元): the "
                    "table's unit cannot be told with confidence", found)


# A money unit no table of the model is in (千元, 百万元 …), as a unit line prints it.
_ODD_UNIT: Final = lazy(r"单位\s*[:：]\s*(千元|百元|十万元|百万元|千万元|美元|港元)")


def with_odd_unit(table: Table, segment: Sequence[Line]) -> Table:
    """``table``, doubtful (``unit``) when a unit line above its rows prints a money unit
    govbudget does not read (``单位：千元``): its figures are not in the unit it was read
    in, so none is checked (rather than read as 万元).

    >>> from govbudget import Table, TableKind, Unit
    >>> from govbudget._ingest._text import split_lines
    >>> t = Table(kind=TableKind.THREE_PUBLIC, number="", title="", unit=Unit.WAN_YUAN)
    >>> with_odd_unit(t, split_lines("三公经费表\\n单位：千元\\n合计 10.00")).doubts[0].reason
    'unit'
    >>> with_odd_unit(t, split_lines("三公经费表\\n单位：万元\\n合计 10.00")).doubts
    ()
    """
    for ln in segment[:12]:
        if "单位" in ln.text and (m := _ODD_UNIT.search(ln.text)):
            return _doubted(table, "unit", f"表格的金额单位“{m.group(1)}”不受支持，表中数值未按其读取",
                            f"the table's money unit {m.group(1)} is not one govbudget "
                            "reads: its figures were not read in it", [ln.no])
    return table
