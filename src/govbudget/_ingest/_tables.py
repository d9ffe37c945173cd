"""Reading the standard tables out of extracted text.

Each table segment (from its title to the next segment) is read in three steps:

1. **Header.** The title gives the kind (`govbudget._ingest._titles.classify_title`), the
   number (预算公开表3), the year; ``单位名称：`` and ``单位：万元`` give the unit and the
   money unit; the header lines give the columns. Column labels come wrapped and doubled
   (``国有资本经营预国有资本经营预`` / ``算算``), so the header text is de-doubled,
   joined without spaces and searched for known labels; the columns are then put in the
   kind's canonical order (tall merged header cells such as 上年结转 print before the
   sub-header row, so the printed order of labels is not the column order).
2. **Rows.** Lines are split into cells (single spaces separate cells; two spaces mean
   a blank cell). A row starts at a code (``2010101``; codes split as ``201 01 01`` are
   joined) or a label; a line of text alone continues the name of a row that has no
   amounts yet (a wrapped cell), and a line of amounts alone gives the amounts of such a
   row. Indentation (full-width spaces, or the ASCII spaces a tool or NFKC made of them)
   gives the level in a project list.
3. **Two-sided tables** (收支总表, 财政拨款收支总表) are read as a stream of labels,
   each followed by its amounts, and a label goes to the income or the expenditure block
   by its wording (expenditure labels end in 支出 …): `govbudget._ingest._two_sided`. The
   “三公” table's layouts are read by `govbudget._ingest._three_public`; what a cell reads
   as, and a row's code and level, is `govbudget._ingest._table_cells`; the rows of text
   extracted without layout are put back together or cut apart by
   `govbudget._ingest._plain_rows`.

Amount cells that cannot be read are never read as zero: the cell is left blank and a
``reading.unparsed_amount`` finding names the line.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

from .._findings import Finding
from .._money import Unit
from .._pattern_cache import compile_pattern
from .._tables import (
    Block,
    Column,
    Doubt,
    Row,
    RowKind,
    Table,
    TableKind,
    new_row,
)
from ._plain_rows import (
    _codes_in_order,
    _names_apart,
    _repeated_label,
    _rows_of_cells,
    _split_merged_rows,
)
from ._table_cells import (
    _CN_ORDINAL,
    _CODE,
    _WS,
    _amount_like,
    _code_level,
    _column,
    _econ_level,
    _fix_unit_levels,
    _is_colnums,
    _is_total,
    _is_value,
    _Reading,
    _strip_outline,
    _take_code,
    code_in_name,
    projects_kind,
    units_by_sums,
)
from ._text import Line, _dedouble, cell_tuple
from ._three_public import (
    _is_final_three_public,
    read_three_public_columns,
    read_three_public_final,
    rows_are_items,
    three_public_item_keys,
)
from ._titles import (
    _MONEY_UNIT,
    _UNIT_NAME,
    _classify_title,
    _table_number,
    generic_title,
    without_unit,
)
from ._two_sided import read_two_sided

__all__ = ["read_table"]

# -- columns ------------------------------------------------------------------

# (key, labels searched in the joined header text). Order inside a group decides
# precedence when labels overlap.
_LABELS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("personnel", ("人员经费",)),
    ("public", ("公用经费",)),
    ("basic", ("基本支出",)),
    ("project", ("项目支出",)),
    ("general_budget", ("一般公共预算",)),
    ("fund_budget", ("政府性基金",)),
    ("state_capital", ("国有资本经营",)),
    ("special_account", ("财政专户管理资金", "财政专户")),
    ("unit_funds", ("单位资金",)),
    ("grant", ("财政拨款收入", "财政拨款")),
    # 决算 headers wrap long labels (上级补助收 / 入): the first line of the label names it.
    ("superior_subsidy", ("上级补助收入", "上级补助")),
    ("business_income", ("事业收入",)),
    ("operating_income", ("事业单位经营收入", "经营收入")),
    # 对附属单位补助支出 (spending) before 附属单位上缴收入 (income), which it contains.
    ("subsidy_affiliated", ("对附属单位补助", "对附属单位")),
    ("affiliated", ("附属单位上缴收入", "附属单位上缴", "附属单位")),
    ("other_income", ("其他收入",)),
    ("carryover", ("上年结转",)),
    # 决算 columns
    ("carry_in", ("年初结转和结余", "年初结转和结", "年初结转")),
    ("income", ("本年收入",)),
    ("carry_out", ("年末结转和结余", "年末结转和结", "年末结转")),
    ("remit_superior", ("上缴上级支出", "上缴上级")),
    ("operating_expenditure", ("经营支出",)),
)

# (key, label) for each label of `_LABELS`: a key is found when any of its labels is.
_LABEL_PAIRS: Final = tuple((key, lab) for key, labels in _LABELS for lab in labels)

_SPENDING: Final = ("total", "basic", "project")
# 决算 spending columns beside 基本/项目 (支出决算表), and the fund tables' columns.
_FINAL_SPENDING: Final = ("remit_superior", "operating_expenditure", "subsidy_affiliated")
_FUND_FINAL: Final = ("carry_in", "income", "total", "basic", "project", "carry_out")

_CANONICAL: Final[dict[TableKind, tuple[str, ...]]] = {
    TableKind.INCOME: ("total", "general_budget", "fund_budget", "state_capital",
                       "special_account", "unit_funds", "grant", "superior_subsidy",
                       "business_income", "operating_income", "affiliated", "other_income",
                       "carryover"),
    TableKind.EXPENDITURE: (*_SPENDING, *_FINAL_SPENDING),
    TableKind.GENERAL_EXPENDITURE: _SPENDING,
    TableKind.GRANT_DETAIL: _SPENDING,
    TableKind.FUND_EXPENDITURE: _FUND_FINAL,
    TableKind.STATE_CAPITAL: _FUND_FINAL,
    TableKind.FUND_INCOME: ("total",),
    TableKind.BASIC_ECONOMIC: ("total", "personnel", "public"),
    TableKind.THREE_PUBLIC: ("total", "general_budget", "fund_budget", "state_capital"),
    TableKind.OPERATING_COSTS: ("total", "general_budget", "fund_budget", "state_capital"),
    TableKind.PROJECTS: ("total", "general_budget", "fund_budget", "state_capital",
                         "special_account", "unit_funds"),
    TableKind.PROJECTS_CARRYOVER: ("total", "general_budget", "fund_budget", "state_capital"),
}

@functools.lru_cache(maxsize=1024)
def _header_columns(kind: TableKind, header: str) -> tuple[Column, ...]:
    # Cached (the columns are immutable): reports of one template print the same headers.
    flat = "".join(header.split())  # as _WS.sub("", header): split drops what \s matches
    found = {"total", *[key for key, lab in _LABEL_PAIRS if lab in flat]}
    if kind in (TableKind.EXPENDITURE, TableKind.GENERAL_EXPENDITURE,
                TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL, TableKind.GRANT_DETAIL):
        found &= set(_CANONICAL[kind])
    if kind is TableKind.BASIC_ECONOMIC:
        found &= {"total", "personnel", "public"}
    order = _CANONICAL.get(kind, ("total",))
    if kind is TableKind.INCOME and "grant" in found:
        # Ministry-of-Finance style: 合计 | 财政拨款 | 事业收入 | … (no fund split).
        found -= {"general_budget", "fund_budget", "state_capital"}
    cols = [k for k in order if k in found]
    return tuple(map(_column, cols))


# Text that starts a row of its own: circled or bracketed numbers, 三公 items.
_ITEM_START: Final = compile_pattern(r"^([①②③④⑤⑥⑦⑧⑨⑩]|（[一二三四五六七八九十]+）|\d+[、.]|因公出国|公务接待|公务用车)")
_PART: Final = compile_pattern(r"^\s*第[一二三四五六七八九十]+部分")
_YEAR_WORD: Final = compile_pattern(r"\d{4}年")
_UNIT_OR_DIGIT: Final = compile_pattern(r"单位[:：]|\d")
_THREE_DIGITS_LINE: Final = compile_pattern(r"^\d{3}$")
# A piece of a classification name: ideographs and the brackets and punctuation names
# print (（类）, 、), no digit.
_NAME_PIECE: Final = compile_pattern(r"^[\u3400-\u9fff（）()、，“”]+$")
# The column numbers that start a line: 栏次 1 2 3 (栏次 1 栏次 2 in a two-sided table).
_COLUMN_NUMBERS_HEAD: Final = compile_pattern(r"^\s*(?:(?:栏次|栏号|\d{1,2})(?: +|$))+")
# Header words that name no amount column: the label columns, 类/款/项, column numbers.
_NOT_A_COLUMN: Final = compile_pattern(
    r"科目|名称|编码|代码|^项目$|功能|经济|分类|栏次|行次|^[类款项码]$|^\d+$|^其中|^单位代?$")


def _header_words(part: str) -> list[str]:
    """The words of a header line, a letter-spaced label (``合 计``, ``科 目 编 码``) one
    word."""
    out: list[str] = []
    run = ""
    for w in part.split():
        if len(w) == 1 and not w.isdigit():
            run += w
            continue
        if run:
            out.append(run)
            run = ""
        out.append(w)
    if run:
        out.append(run)
    return out


class _Pending:
    __slots__ = ("code", "level", "line", "names", "values")

    def __init__(self, names: list[str], code: str | None, level: int | None, line: int) -> None:
        self.names = names
        self.code = code
        self.level = level
        self.line = line
        self.values: Sequence[str] | None = None


def _closes_bracket(name: str, text: str) -> bool:
    """Whether ``text`` closes the bracket ``name`` leaves open (``（本单位`` … ``专项）``)."""
    opened = name.count("（") + name.count("(") - name.count("）") - name.count(")")
    return opened > 0 and ("）" in text or ")" in text) and \
        text.count("（") + text.count("(") < text.count("）") + text.count(")")


def _after_column_numbers(text: str) -> str:
    """What follows the column numbers of a ``栏次 1 栏次 2`` line (text extracted without
    layout may run the first row onto it), as printed (its blank cells kept), or ``""``."""
    m = _COLUMN_NUMBERS_HEAD.match(text)
    return text[m.end():] if m else ""


def _indent_char(body: Sequence[Line], projects: bool) -> str:
    """What sets a project list's row in: the full-width space, or (without any) the ASCII
    space where text rows stand at two widths or more beside the margin (NFKC or a tool
    made a space of each U+3000: a hierarchy); ``""`` when nothing does. One width alone
    is no hierarchy: plain text may set a wrapped name's second line one space in.

    ```pycon
    >>> _indent_char([Line(1, " 某局 3.00"), Line(2, "  培训费 3.00")], True)
    ' '
    >>> _indent_char([Line(1, "培训（本单位"), Line(2, " 专项） 3.00")], True)
    ''

    ```
    """
    if not projects:
        return ""  # (a wrapped name's second line may be set in: it continues the name)
    if any(ln.text.startswith("\u3000") for ln in body):
        return "\u3000"
    widths = {len(t) - len(t.lstrip(" ")) for ln in body if (t := ln.text)[:1] == " "
              and t.strip() and not _is_value(t.split()[0])}
    return " " if len(widths) >= 2 else ""


class _TableReader(_Reading):
    def __init__(self, kind: TableKind, segment: Sequence[Line], findings: list[Finding],
                 default_unit: Unit | None, blanks: bool = True, one_cell: bool = False
                 ) -> None:
        super().__init__(kind, findings)
        self.segment = segment
        self.default_unit = default_unit
        self.blanks = blanks
        self.one_cell = one_cell

    # -- main ---------------------------------------------------------------
    def read(self) -> Table:
        seg = self.segment
        title_line = seg[0]
        self.title = _dedouble(title_line.text).strip(" \u3000")
        number = ""
        unit: Unit | None = None
        unit_name: str | None = None
        empty = False
        note: str | None = None
        header_parts: list[str] = []
        raw_header: list[str] = []  # (as printed: header_parts are de-doubled)
        body: list[Line] = []
        in_body = False
        year_title = without_unit(self.title)
        skip: set[int] = set()
        after_colnums = False
        for i, ln in enumerate(seg):
            if skip and ln.no in skip:
                continue
            if not ln.stripped:
                if in_body:
                    body.append(ln)
                continue
            raw = ln.stripped
            if raw.startswith(("栏次", "栏号")) and (tail := _after_column_numbers(raw)):
                # a row run onto the column-number line (plain text): the row is kept
                after_colnums = True
                ln = Line(ln.no, tail)
                raw = ln.stripped
            if in_body and len(raw) <= 12 and "单位" in raw and \
                    raw.startswith(("单位", "金额单位", "（", "(")) and _MONEY_UNIT.search(raw):
                # a unit line among the rows (drawn in the PDF's order: the next table's,
                # before its title, or this one's printed late) is no row and no part of a
                # row's name; whose unit it is cannot be told, so it sets none
                continue
            if in_body and not ("无数据" in raw or "空表" in raw or "本表为空" in raw
                                or raw.startswith("注") or "部分" in raw):
                body.append(ln)  # body lines are split into cells later
                continue
            t = _dedouble(ln.text).strip(" \u3000")
            if "无数据" in t or "空表" in t or "本表为空" in t:
                empty = True
                note = t
                continue
            if t.startswith("注") and (":" in t[:3] or "：" in t[:3]):
                note = t
                continue
            if _PART.match(t):
                continue  # a part heading drawn across a table by the PDF
            if not in_body:
                has_table_word = "表" in t  # a title and a table number hold it
                if has_table_word and (_classify_title(t) is self.kind or (
                        self.kind is TableKind.OTHER and t.endswith(("表", "）", ")"))
                        and generic_title(t) and _table_number(year_title) is not None
                        and _table_number(t) is None)):
                    # the title (a generic one under its number: 公开 05 表 / 财政拨款支出表)
                    if "单位" in t and (m := _MONEY_UNIT.search(t)):
                        unit = Unit.parse(m.group(1))  # (…表（单位：万元）: on its line)
                        t = without_unit(t)
                    if len(t) > len(year_title) or not _YEAR_WORD.search(year_title):
                        year_title = t
                    n = _table_number(t)
                    if n:
                        number = n
                    continue
                n = _table_number(t) if has_table_word else None
                if n:
                    number = n
                    continue
                m = _MONEY_UNIT.search(t)
                if m:
                    unit = Unit.parse(m.group(1))
                # (单位名称, 部门名称, 编制单位: what _UNIT_NAME needs)
                mn = _UNIT_NAME.search(t) if "名称" in t or "编制单位" in t else None
                if mn:
                    unit_name = mn.group(1).strip() or None
                    # A wrapped unit name continues on the next line.
                    if i + 1 < len(seg) and not m:
                        nxt = _dedouble(seg[i + 1].text).strip(" \u3000")
                        if nxt and not _UNIT_OR_DIGIT.search(nxt) and len(nxt) <= 12 \
                                and unit_name and not nxt.startswith(("项目", "单位", "科目")):
                            unit_name += nxt
                            skip.add(seg[i + 1].no)
                    continue
                if m:
                    continue
                if self._starts_body(ln.text, t, after_colnums):
                    in_body = True
                    body.append(ln)
                    continue
                if _is_colnums(t):
                    after_colnums = True
                    continue
                header_parts.append(t)
                raw_header.append(raw)
                continue
            body.append(ln)
        # Findings name the table by its title, not by the line the segment starts on.
        self.title = _strip_outline(year_title)
        if unit is None:
            unit = self.default_unit or Unit.WAN_YUAN
            self.finding("reading.missing_unit", title_line.no,
                          f"表格未注明金额单位，按{unit.symbol}处理",
                          f"no money unit printed; read as {unit.symbol}")
        header = " ".join(header_parts)
        if any(all(_is_value(w) for w in part.split()) and any("." in w for w in part.split())
               for part in header_parts):
            # a line of figures in the header: rows were not told from the header (one cell
            # a line: 合计 and its figure each on a line of their own)
            self.doubts.append(Doubt(
                "header", "表头中有数值行，数据行未能与表头分开", "a line of figures in the "
                "header: rows could not be told from the header", (title_line.no,)))
            empty = False
        self.header_parts = header_parts
        self.raw_header_words = [w for part in raw_header for w in _header_words(part)]
        self.unit = unit
        if self.kind in (TableKind.SUMMARY, TableKind.GRANT_SUMMARY):
            blocks = read_two_sided(self, body, header)
        elif self.kind is TableKind.THREE_PUBLIC and _is_final_three_public(header, body):
            # A 决算 header's item labels start lines, as the item rows of a budget table do.
            text = " ".join([header, *(ln.text for ln in body
                                       if not all(_is_value(x) for x in cell_tuple(ln.text)
                                                  if x))])
            blocks = read_three_public_final(self, body, _WS.sub("", text),
                                              three_public_item_keys(text))
        elif self.kind is TableKind.THREE_PUBLIC and not rows_are_items(body):
            blocks = read_three_public_columns(self, body, header)
        else:
            blocks = (self._single(body, header),)
            if projects_kind(self.kind):
                rows, doubtful = units_by_sums(blocks[0].rows, self.kind, unit_name)
                blocks = (Block(name="", columns=blocks[0].columns, rows=tuple(rows)),)
                if doubtful:
                    self.doubts.append(Doubt(
                        "levels", "项目表未印层级（无缩进），名为单位的行与其下各行之和不符，单位与项目无法区分",
                        "a project list printed without levels (no indentation) whose rows "
                        "named as units do not add up to the rows under them: units and "
                        "projects cannot be told apart", (title_line.no,)))
        has_data = empty and any(r.values and any(v for v in r.values if v) for b in blocks
                                 for r in b.rows)
        if has_data:
            # the figures printed are the table (as the wide reader has it): the note is
            # reported, and the table is not read as empty
            self.finding("reading.empty_note_with_data", title_line.no,
                          "表格注明“本表无数据”，但有数据行",
                          "the table says it has no data but has figures")
        return Table(kind=self.kind, number=number, title=_strip_outline(year_title),
                     unit=unit, blocks=blocks, unit_name=unit_name, empty=empty and not has_data,
                     note=note,
                     line=title_line.no, doubts=tuple(self.doubts))

    def header_doubt(self, n_columns: int) -> None:
        """In text that drops blank cells (and the header's spacing), a doubt when a
        header line prints more column labels than the ``n_columns`` recognised: a label
        wrapped into pieces (``一般公共预`` / ``算``) is not found, and figures matched to
        the columns that were found would be matched one for one to the wrong ones."""
        printed = max((len([w for w in _header_words(part) if not _NOT_A_COLUMN.search(w)])
                       for part in self.header_parts), default=0)
        if printed > n_columns:
            self.doubts.append(Doubt(
                "header", f"表头印有{printed}列，只识别出{n_columns}列（文本未保留版式，"
                "表头文字折行）", f"the header prints {printed} column labels but only "
                f"{n_columns} were recognised (text without layout; wrapped labels)",
                (self.segment[0].no,)))

    def _starts_body(self, raw: str, t: str, after_colnums: bool) -> bool:
        # ``t``: ``raw`` de-doubled and stripped (as `read` has it).
        c = cell_tuple(t)
        if not c:
            return False
        first = c[0]
        if _CODE.match(first) or _THREE_DIGITS_LINE.match(first):
            return True
        if (first[:1].isdecimal() or first[:1] in "[【［(（") and not projects_kind(self.kind) \
                and code_in_name(first):
            return True  # a code in its name's cell (2010101行政运行)
        if _is_colnums(t):
            return False
        if after_colnums or raw.startswith("\u3000"):
            return True
        if self.kind in (TableKind.SUMMARY, TableKind.GRANT_SUMMARY):
            # (items numbered 1. 2. or （一）, a figure after them, start it too)
            return bool(_CN_ORDINAL.match(first)) or first.startswith(
                ("本年收入", "收入总计")) or (_ITEM_START.match(first) is not None
                                            and any(_is_value(x) for x in c[1:]))
        if self.kind is TableKind.THREE_PUBLIC and first.lstrip("①②③④⑤").startswith(
                ("因公出国", "公务接待", "公务用车")):
            # an item's row; in text that drops blank cells, a label with no figure is
            # as likely a wrapped header cell (公务用车购置及运行费 over 小计 | 购置费 …)
            return self.blanks or any(_is_value(x) for x in c[1:])
        values = [x for x in c[1:] if x]
        # An unreadable amount (35O.50) still makes a row: the reader reports it, and the
        # row is not lost into the header.
        amounts_only = any(_is_value(v) for v in values) and all(
            _amount_like(v) for v in values)
        if _is_total(first):
            # in text that drops blank cells a 合计 alone is as likely the header's label
            # (a total run together with the next rows: its first figure follows it)
            return (bool(values) and _amount_like(values[0])) if not self.blanks else (
                not values or amounts_only)
        return bool(values) and amounts_only and \
            not first.startswith(("项目", "科目", "单位名称"))

    # -- single-block tables -----------------------------------------------
    def _single(self, body: Sequence[Line], header: str) -> Block:
        columns = _header_columns(self.kind, header)
        # A code printed in its name's cell (2010101行政运行) is split off in a table of
        # classification rows; a project list's names may start with digits (110指挥中心).
        in_name = not projects_kind(self.kind)
        if not self.blanks:
            rows_of_cells = _rows_of_cells(body, codes=self.kind not in (
                TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER), one_cell=self.one_cell)
            if rows_of_cells is not body and rows_of_cells and all(
                    _is_value(x) for x in cell_tuple(rows_of_cells[0].text) if x):
                # one cell a line, and figures before any name: the first row's label
                # was read into the header (合计, then 80000): the rows cannot be told
                self.doubts.append(Doubt(
                    "header", "文本每行一个单元格，首行数值之前没有名称，数据行未能与表头分开",
                    "text with one cell a line, and figures before any name: rows could "
                    "not be told from the header", (rows_of_cells[0].no,)))
            body = rows_of_cells
            split = _split_merged_rows(body, in_name=in_name)
            if len(split) > len(body) and (_repeated_label(self.raw_header_words)
                                           or not _codes_in_order(split, in_name=in_name)):
                # two panels side by side (301 … | 302 …): their rows run together
                self.doubts.append(Doubt(
                    "columns", "文本未保留版式，左右两栏并排的行连在一起，无法分清各栏",
                    "text without layout: the rows of two panels side by side run "
                    "together and cannot be told apart", (body[0].no,)))
            body = split
            self.header_doubt(len(columns))
        apart = _names_apart(body, in_name=in_name) if not self.blanks else []
        if apart:
            self.doubts.append(Doubt(
                "names", f"文本未保留版式，{len(apart)}个科目编码所在行没有名称，其名称分印在上下行，"
                "无法确定各行名称",
                f"text without layout: {len(apart)} code lines print no name, their names "
                "are printed on the lines around them, and which line belongs to which row "
                "cannot be told", tuple(apart[:20])))
        flat_header = _WS.sub("", header)
        names_n = 2 if (self.kind is TableKind.BASIC_ECONOMIC and (
            "政府预算" in flat_header or "政府经济" in flat_header)) else 1
        # One name column (科目名称; no 项目名称, 单位名称 or 政府经济分类名称 beside it): pieces
        # of words after a coded row's name are the name's (see below), not another column's
        one_name = names_n == 1 and flat_header.count("名称") <= 1
        rows: list[Row] = []
        orphans: list[int] = []  # lines of figures that belong to no row
        scattered: list[int] = []  # coded rows with words among their figures
        pending: _Pending | None = None
        # Indentation gives a project list's levels (`_indent_char`)
        indent_char = _indent_char(body, projects_kind(self.kind))
        has_indent = bool(indent_char)
        n_columns = len(columns)
        amounts_of = self.amounts
        is_value = _is_value
        projects = projects_kind(self.kind)
        total, data, group = RowKind.TOTAL, RowKind.DATA, RowKind.GROUP
        # Rows whose figures cannot be told apart by column: text that drops blank cells
        # and a row with fewer figures than columns.
        unplaced: list[int] = []
        overfull: list[int] = []  # rows with more figures than the columns found
        blanks = self.blanks

        def flush() -> None:
            nonlocal pending
            if pending is None:
                return
            p = pending
            pending = None
            vals = p.values or ()
            line = p.line
            if len(vals) > n_columns:
                extra = [v for v in vals[n_columns:] if v]
                if extra:
                    self.finding("reading.unplaced_figure", line,
                                  f"多出的数值{extra}无法对应到列",
                                  f"figures {extra} do not fit the table's columns",
                                  actual=" ".join(extra))
                    overfull.append(line)
                vals = vals[:n_columns]
            elif not blanks and 0 < len([v for v in vals if v]) < n_columns:
                unplaced.append(line)
            amounts = amounts_of(vals, line, n_columns)
            names = p.names
            name = names[0] if names else ""
            gov = names[1] if names_n == 2 and len(names) > 1 else None
            kind = total if _is_total(name) else data
            level = p.level
            if kind is total:
                level = None
            elif projects and level == 1:
                kind = group
            rows.append(new_row(name.strip(), amounts, p.code, level, kind, gov or None, line))

        for ln in body:
            raw = ln.text
            c = cell_tuple(raw)
            if not c:
                # A line of spaces alone is the blank amounts of a row whose name wrapped.
                if len(raw) >= 2 and not raw.strip() and pending is not None \
                        and pending.values is None:
                    pending.values = []
                continue
            if pending is not None and pending.values is None and all(
                    not x or is_value(x) for x in c) and not (
                    len(c) > n_columns and _CODE.match(c[0])):
                # The amounts of a row whose name wrapped: whole amounts in 元 (3002500)
                # are not codes, and small ones (1 2 3) are not column numbers; but a
                # code-shaped first figure on a line holding more cells than the columns
                # is the code of a row whose name is printed around it
                # (``208 754.75 754.75 0.00``).
                pending.values = c
                continue
            if _is_colnums(raw):
                continue
            code, rest = _take_code(c, in_name=in_name)
            # The name cells (up to names_n) run to the first amount or dash.
            k = 0
            n_rest = len(rest)
            while k < n_rest and k < names_n and not is_value(rest[k]):
                k += 1
            text_cells = list(rest[:k])
            if code is not None and names_n == 1 and k == 1:
                # A coded row's name cut by a single space (``201 一般公 共服务支出``, a
                # PDF's letter spacing): with one name column, pieces of words before the
                # first figure are the name's, never figures of their own; words among the
                # figures (or a second text column) make the table doubtful
                # (a figure's first character is a digit: no pattern asked of it)
                while one_name and k < n_rest and rest[k] and not rest[k][0].isdigit() \
                        and _NAME_PIECE.match(rest[k]):
                    text_cells[0] += rest[k]
                    k += 1
                for x in rest[k:]:
                    if x and not x[0].isdigit() and _NAME_PIECE.match(x):
                        scattered.append(ln.no)  # a piece of words among the figures
                        break
            value_cells = rest[k:]
            has_values = any(value_cells)
            if code is not None:
                flush()
                pending = _Pending(text_cells or [""], code, _code_level(code), ln.no)
                pending.values = value_cells if has_values else None
                continue
            if any(text_cells):
                if pending is not None and pending.values is not None and not has_values \
                        and len(text_cells) == 1 and _closes_bracket(pending.names[0],
                                                                     text_cells[0]):
                    # the end of a name wrapped around its figures: ``一般行政管理事务（本单位``
                    # / figures / ``专项）``
                    pending.names[0] += text_cells[0]
                    continue
                indent = len(raw) - len(raw.lstrip(indent_char)) if indent_char else 0
                continuation = (pending is not None and pending.values is None
                                and not (has_indent and indent > 0)
                                and not _is_total(text_cells[0])
                                and not _ITEM_START.match(text_cells[0]))
                if continuation and pending is not None:
                    pending.names[0] = pending.names[0] + text_cells[0]
                    if len(text_cells) > 1 and names_n == 2:
                        if len(pending.names) > 1:
                            pending.names[1] += text_cells[1]
                        else:
                            pending.names.append(text_cells[1])
                    if has_values:
                        pending.values = value_cells
                    continue
                flush()
                level = None
                if projects:
                    level = max(1, indent) if has_indent else 1
                elif self.kind is TableKind.BASIC_ECONOMIC:
                    level = _econ_level(text_cells[0], blank_gov=names_n == 2 and (
                        len(text_cells) > 1 and not text_cells[1]))
                pending = _Pending(text_cells, None, level, ln.no)  # a list of its own
                # Trailing spaces are the row's blank cells: the row is complete.
                complete = has_values or raw.endswith("  ")
                pending.values = value_cells if complete else None
                continue
            if has_values:
                if pending is not None and pending.values is None:
                    pending.values = value_cells
                else:
                    self.finding("reading.unplaced_figure", ln.no,
                                  f"数值“{' '.join(v for v in value_cells if v)}”无法对应到行",
                                  "figures on this line belong to no row",
                                  actual=" ".join(v for v in value_cells if v))
                    orphans.append(ln.no)  # (a row wrapped over lines: its figures split)
        flush()
        if orphans:
            self.doubts.append(Doubt(
                "names", f"{len(orphans)}行数值无法对应到行（行可能折行，其数值分印两行），无法确定各行数值",
                f"{len(orphans)} lines of figures belong to no row (a row wrapped over lines "
                "may print its figures on two): the rows' figures cannot be told",
                tuple(orphans[:20])))
        if scattered:
            self.doubts.append(Doubt(
                "names", f"{len(scattered)}行的数值之间夹有文字（名称被空格隔开），无法确定各行名称与数值",
                f"{len(scattered)} coded rows have words among their figures (a name cut by "
                "spaces): their names and figures cannot be told", tuple(scattered[:20])))
        if overfull:
            # the header was read short (a wrapped label not found): the figures of every
            # row are then matched to the wrong columns, not only the extra ones
            self.doubts.append(Doubt(
                "columns", f"{len(overfull)}行的数值多于表头识别出的{n_columns}列",
                f"{len(overfull)} rows have more figures than the {n_columns} columns "
                "recognised in the header", tuple(overfull[:20])))
        if unplaced:
            self.doubts.append(Doubt(
                "columns", f"文本未标出空白单元格，{len(unplaced)}行的数值少于{n_columns}列，"
                "无法确定各数值所在的列",
                f"the text does not mark blank cells, and {len(unplaced)} rows have fewer "
                f"figures than the {n_columns} columns: their columns cannot be told",
                tuple(unplaced[:20])))
        _fix_unit_levels(rows, self.kind)
        return Block(name="", columns=columns, rows=tuple(rows))


def read_table(kind: TableKind, segment: Sequence[Line], findings: list[Finding],
               default_unit: Unit | None = None, blanks: bool = True,
               one_cell: bool = False) -> Table:
    """Read one table from its segment (title line first); ``blanks``: whether the text
    marks blank cells (two spaces, `govbudget._ingest._grid.blanks_marked`), so that a
    row's blank cells hold their places; without, a row with fewer figures than columns
    makes the table doubtful; ``one_cell``: whether the document gives one cell a line
    (`govbudget._ingest._grid.one_cell_a_line`)."""
    return _TableReader(kind, segment, findings, default_unit, blanks, one_cell).read()
