"""Reading the standard tables out of extracted text.

Each table segment (from its title to the next segment) is read in three steps:

1. **Header.** The title gives the kind (`classify_title`), the number (预算公开表3),
   the year; ``单位名称：`` and ``单位：万元`` give the unit and the money unit; the
   header lines give the columns. Column labels come wrapped and doubled
   (``国有资本经营预国有资本经营预`` / ``算算``), so the header text is de-doubled,
   joined without spaces and searched for known labels; the columns are then put in the
   kind's canonical order (tall merged header cells such as 上年结转 print before the
   sub-header row, so the printed order of labels is not the column order).
2. **Rows.** Lines are split into cells (single spaces separate cells; two spaces mean
   a blank cell). A row starts at a code (``2010101``; codes split as ``201 01 01`` are
   joined) or a label; a line of text alone continues the name of a row that has no
   amounts yet (a wrapped cell), and a line of amounts alone gives the amounts of such a
   row. Full-width indentation gives the level in a project list.
3. **Two-sided tables** (收支总表, 财政拨款收支总表) are read as a stream of labels,
   each followed by its amounts, and a label goes to the income or the expenditure block
   by its wording (expenditure labels end in 支出 …).

Amount cells that cannot be read are never read as zero: the cell is left blank and a
``reading.unparsed_amount`` finding names the line.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from .._findings import Finding, Location, Severity
from .._money import Unit, parse_amount
from .._tables import (
    COLUMN_LABELS,
    FINAL_ROWS,
    Block,
    Column,
    Doubt,
    Row,
    RowKind,
    Table,
    TableKind,
)
from ._text import DASHES, Line, _dedouble, cell_tuple, is_amount

__all__ = ["classify_title", "read_table"]

# -- titles -------------------------------------------------------------------

_TITLE_RULES: Final[tuple[tuple[TableKind, re.Pattern[str]], ...]] = (
    # 决算 (final accounts) titles first where a budget rule would take them: the same
    # kinds, told apart by `govbudget.Report.kind` (see `govbudget._tables`).
    (TableKind.GRANT_DETAIL, re.compile(r"财政拨款支出(决算)?明细表")),
    (TableKind.PROJECTS_CARRYOVER, re.compile(r"项目支出(预算)?(明细)?表.*上年结转")),
    (TableKind.PROJECTS, re.compile(r"项目支出(预算|决算)?(明细)?表|项目支出及其他支出预算表|"
                                    r"项目支出预算明细")),
    (TableKind.THREE_PUBLIC, re.compile(r"三公.{0,2}经费.*表")),
    (TableKind.OPERATING_COSTS, re.compile(r"机关运行经费.*表")),
    (TableKind.STATE_CAPITAL, re.compile(r"国有资本经营预算.*表")),
    # 政府性基金预算财政拨款收入支出决算表: one table (年初, 本年收入, 本年支出, 年末).
    (TableKind.FUND_EXPENDITURE, re.compile(r"政府性基金预算.*收入支出决算表")),
    (TableKind.FUND_INCOME, re.compile(r"政府性基金预算.*收入.*表")),
    (TableKind.FUND_EXPENDITURE, re.compile(r"政府性基金预算.*支出.*表")),
    (TableKind.BASIC_ECONOMIC, re.compile(r"基本支出.*表")),
    (TableKind.GENERAL_EXPENDITURE, re.compile(r"一般公共预算.*支出.*表")),
    (TableKind.GRANT_SUMMARY, re.compile(r"财政拨款.*收支.*表|财政拨款收入支出决算总表")),
    (TableKind.SUMMARY, re.compile(r"收支.*总(体情况)?表|收支预算总表|收入支出决算总表")),
    (TableKind.INCOME, re.compile(r"收入.*总(体情况)?表|收入决算表")),
    (TableKind.EXPENDITURE, re.compile(r"支出.*总(体情况)?表|支出决算表")),
)
_TITLE_END: Final = re.compile(r"表(（[^）]{0,20}）|\([^)]{0,20}\))?$")
_NUMBER: Final = re.compile(r"(?:公开表|预算表|部门表)\s*(\d{1,2})\s*$|^(?:公开|预算|决算|部门|单位)?\s*"
                            r"(\d{1,2})\s*表$|^(?:附)?表\s*(\d{1,2}|[一二三四五六七八九十]{1,3})$")
# Numbering before a title: 表1：, 表1., 附表2、, 公开01表, 预算01表, 一、, （一）, 1., 1．
_TITLE_PREFIX: Final = re.compile(
    r"^(?:(?:附)?表\s*\d{1,2}\s*[：:.．、\-－]?\s*|(?:公开|预算|决算)\s*\d{1,2}\s*表\s*|"
    r"[一二三四五六七八九十]{1,3}\s*[、.．]\s*|[（(][一二三四五六七八九十]{1,3}[）)]\s*|"
    r"\d{1,2}\s*[.．、]\s*)")
# A contents line: dot leaders or a page number after the title.
_TOC_TAIL: Final = re.compile(r"(?:\.{3,}|…{2,}|·{3,}|-{3,})\s*\d*\s*$|\s\d{1,3}$")


def classify_title(text: str) -> TableKind | None:
    """The kind of table a title line names, or ``None`` if it is not a table title.

    A title is a short line ending in 表 (optionally followed by a bracketed note),
    without sentence punctuation.

    ```pycon
    >>> classify_title("2024年预算收支总表2024年预算收支总表")
    <TableKind.SUMMARY: 'summary'>
    >>> classify_title("2024年一般公共预算安排基本支出分经济科目表（不含上年结转）")
    <TableKind.BASIC_ECONOMIC: 'basic_economic'>
    >>> classify_title("部门一般公共预算“三公”经费支出表")
    <TableKind.THREE_PUBLIC: 'three_public'>
    >>> classify_title("（项目绩效目标表公开情况见附件）") is None
    True
    >>> classify_title("收入支出决算总表"), classify_title("支出决算表")
    (<TableKind.SUMMARY: 'summary'>, <TableKind.EXPENDITURE: 'expenditure'>)
    >>> classify_title("政府性基金预算财政拨款收入支出决算表")
    <TableKind.FUND_EXPENDITURE: 'fund_expenditure'>

    ```
    """
    return _classify_title(text)


@functools.lru_cache(maxsize=4096)
def _classify_title(text: str) -> TableKind | None:
    # Cached: the segmenter and then the table reader ask about the same lines.
    t = _dedouble(text).strip(" \u3000")
    t = _TOC_TAIL.sub("", t).strip(" \u3000")
    t = _TITLE_PREFIX.sub("", t, count=1).replace(" ", "")
    if not t or len(t) > 60 or any(p in t for p in "，。；：:") or "绩效" in t:
        return None
    if not _TITLE_END.search(t):
        return None
    for kind, rx in _TITLE_RULES:
        if rx.search(t):
            if kind in _BY_FUNCTION and _BY_ECONOMIC.search(t):
                # spending by economic item (…支出情况表（按经济分类科目）, …支出经济分类情况表):
                # not the functional table of its name
                return TableKind.OTHER
            return kind
    return None


_BY_ECONOMIC: Final = re.compile(r"经济分类|经济科目")
_BY_FUNCTION: Final = frozenset({TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE,
                                 TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL,
                                 TableKind.INCOME})


def is_toc_line(text: str) -> bool:
    """A line of a table of contents: a title followed by dot leaders or a page number."""
    return bool(_TOC_TAIL.search(text.strip()))


def generic_title(text: str) -> bool:
    """A line that reads as the title of a table of a kind not modelled (ends in 表, no
    sentence punctuation, not a table of contents line)."""
    t = _dedouble(text).strip(" \u3000")
    if is_toc_line(t):
        return False
    t = _TITLE_PREFIX.sub("", t, count=1).replace(" ", "")
    return 4 <= len(t) <= 40 and bool(_TITLE_END.search(t)) and not any(
        p in t for p in "，。；：:、“”《》") and "见" not in t


def table_number(text: str) -> str | None:
    """The table number in a line such as ``预算公开表3`` (``None`` if absent)."""
    return _table_number(text)


@functools.lru_cache(maxsize=4096)
def _table_number(text: str) -> str | None:
    m = _NUMBER.search(_dedouble(text).strip())
    if not m:
        return None
    return next(g for g in m.groups() if g is not None).lstrip("0") or "0"


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

# 三公 printed with the items as columns (Ministry of Finance layout).
_THREE_PUBLIC_ITEMS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("abroad", ("因公出国",)),
    ("reception", ("公务接待",)),
    ("vehicles", ("公务用车购置及运行", "购置及运行")),
    ("vehicle_purchase", ("购置费",)),
    ("vehicle_operation", ("运行费", "运行维护费")),
    ("operating_costs", ("机关运行经费",)),
)
_ITEM_PREFIX: Final = re.compile(r"^(?:其中[:：])?[①②③④⑤⑥⑦⑧⑨⑩]?(?:[一二三四五六七八九十]+、|"
                                  r"[（(][一二三四五六七八九十\d]+[）)]|\d+[、.])?")


def _is_final_three_public(header: str, body: Sequence[Line]) -> bool:
    """A 决算 “三公” table: its header (which may have started the body) names both the
    预算数 and the 决算数 columns."""
    text = header + "".join(ln.text for ln in body[:12])
    return "决算数" in text and "预算数" in text


# The column order of the 决算 “三公” table (see `_TableReader._three_public_final`).
_THREE_PUBLIC_FINAL_ORDER: Final = ("total", "abroad", "vehicles", "vehicle_purchase",
                                    "vehicle_operation", "reception")


@functools.lru_cache(maxsize=1024)
def _header_columns(kind: TableKind, header: str) -> tuple[Column, ...]:
    # Cached (the columns are immutable): reports of one template print the same headers.
    flat = _WS.sub("", header)
    found = {"total"}
    for key, labels in _LABELS:
        if any(lab in flat for lab in labels):
            found.add(key)
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
    return tuple(Column(k, COLUMN_LABELS.get(k, k)) for k in cols)


# -- rows ---------------------------------------------------------------------

_CODE: Final = re.compile(r"^(\d{3}|\d{5}|\d{7}|\d{9})$")
# Text that starts a row of its own: circled or bracketed numbers, 三公 items.
_ITEM_START: Final = re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩]|（[一二三四五六七八九十]+）|\d+[、.]|因公出国|公务接待|公务用车)")
_PART: Final = re.compile(r"^\s*第[一二三四五六七八九十]+部分")
_TOTAL_WORDS: Final = ("合计", "总计")
_COLNUMS: Final = re.compile(r"^\s*(\d{1,2}\s+){2,}\d{1,2}\s*$")
_WS: Final = re.compile(r"\s+")
_ANY_DIGIT: Final = re.compile(r"\d")
_YEAR_WORD: Final = re.compile(r"\d{4}年")
_MONEY_UNIT: Final = re.compile(r"单位[:：]\s*(万元|元|亿元)(?![\u3400-\u9fff])")
_UNIT_NAME: Final = re.compile(r"(?:单位名称|部门名称|编制单位)[:：]\s*(.*?)"
                               r"(?:\s+(?:金额)?单位[:：].*)?$")
_UNIT_OR_DIGIT: Final = re.compile(r"单位[:：]|\d")
_THREE_DIGITS_LINE: Final = re.compile(r"^\d{3}$")
_THREE_DIGITS: Final = re.compile(r"\d{3}")
_TWO_DIGITS: Final = re.compile(r"\d{2}")
_CN_ORDINAL: Final = re.compile(r"^[一二三四五六七八九十]+、")
_OUTLINE: Final = re.compile(r"^表[一二三四五六七八九十]+")


_COLNUM_LABEL: Final = re.compile(r"^\s*(栏次|栏号)")


def _is_colnums(text: str) -> bool:
    """A line of column numbers (``1 2 3 4 5 6 7``): consecutive small integers, not a row of
    small amounts such as ``5 3 2`` in a table in 元. A 决算 table labels the line 栏次
    (``栏次 1 2 3``, in a two-sided table ``栏次 1 栏次 2``): never data."""
    head = text.lstrip()[:1]
    if not head.isdigit():
        # Neither a column number first nor a label: most lines of a table.
        return head == "栏" and _COLNUM_LABEL.match(text) is not None
    if not _COLNUMS.match(text):
        return False
    nums = [int(x) for x in text.split()]
    return all(b == a + 1 for a, b in itertools.pairwise(nums))


def _amount_like(cell: str) -> bool:
    """An amount, a dash, or a cell with digits that is meant as one (``35O.50``): not a
    column label."""
    return is_amount(cell) or cell in DASHES or bool(_ANY_DIGIT.search(cell))


@functools.lru_cache(maxsize=8192)
def _value_of(cell: str) -> Decimal | None:
    """The amount a cell reads as, ``None`` if it reads as none. Cached: cells such as
    ``0.00`` recur, and a `Decimal` is immutable."""
    return parse_amount(cell) if is_amount(cell) else None


@functools.lru_cache(maxsize=8192)
def _is_value(cell: str) -> bool:
    """A cell that is an amount or a dash (a blank cell is neither). Cached: it is asked of
    every cell, several times."""
    return bool(cell) and (cell in DASHES or is_amount(cell))


def _is_total(name: str) -> bool:
    n = name.replace(" ", "")
    return n.endswith(_TOTAL_WORDS) or n in ("部门合计", "单位合计")


class _Pending:
    __slots__ = ("code", "level", "line", "names", "values")

    def __init__(self, names: list[str], code: str | None, level: int | None, line: int) -> None:
        self.names = names
        self.code = code
        self.level = level
        self.line = line
        self.values: Sequence[str] | None = None


class _TableReader:
    def __init__(self, kind: TableKind, segment: Sequence[Line], findings: list[Finding],
                 default_unit: Unit | None) -> None:
        self.kind = kind
        self.segment = segment
        self.findings = findings
        self.default_unit = default_unit
        self.title = ""
        self.unit: Unit | None = None
        self.doubts: list[Doubt] = []

    # -- helpers ------------------------------------------------------------
    def _finding(self, rule: str, line: int, msg: str, msg_en: str, actual: str | None = None,
                 severity: Severity = Severity.WARNING) -> None:
        self.findings.append(Finding(
            rule=rule, severity=severity, message=msg, message_en=msg_en,
            location=Location(section=self.title or self.kind.chinese, table=self.kind.value,
                              line=line),
            actual=actual,
        ))

    def _amount(self, cell: str, line: int) -> Decimal | None:
        if not cell or cell in DASHES:
            return None
        value = _value_of(cell)
        if value is not None:
            return value
        self._finding("reading.unparsed_amount", line,
                      f"无法识别的金额“{cell}”，按空白处理", f"cannot read {cell!r} as an amount; "
                      "left blank", actual=cell)
        return None

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
        body: list[Line] = []
        in_body = False
        year_title = self.title
        skip: set[int] = set()
        after_colnums = False
        for i, ln in enumerate(seg):
            if ln.no in skip:
                continue
            if not ln.stripped:
                if in_body:
                    body.append(ln)
                continue
            raw = ln.stripped
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
                if _classify_title(t) is self.kind:
                    if len(t) > len(year_title) or not _YEAR_WORD.search(year_title):
                        year_title = t
                    n = _table_number(t)
                    if n:
                        number = n
                    continue
                n = _table_number(t)
                if n:
                    number = n
                    continue
                m = _MONEY_UNIT.search(t)
                if m:
                    unit = Unit.parse(m.group(1))
                mn = _UNIT_NAME.search(t)
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
                if self._starts_body(ln.text, after_colnums):
                    in_body = True
                    body.append(ln)
                    continue
                if _is_colnums(t):
                    after_colnums = True
                    continue
                header_parts.append(t)
                continue
            body.append(ln)
        # Findings name the table by its title, not by the line the segment starts on.
        self.title = _strip_outline(year_title)
        if unit is None:
            unit = self.default_unit or Unit.WAN_YUAN
            self._finding("reading.missing_unit", title_line.no,
                          f"表格未注明金额单位，按{unit.symbol}处理",
                          f"no money unit printed; read as {unit.symbol}")
        header = " ".join(header_parts)
        self.unit = unit
        if self.kind in (TableKind.SUMMARY, TableKind.GRANT_SUMMARY):
            blocks = self._two_sided(body, header)
        elif self.kind is TableKind.THREE_PUBLIC and _is_final_three_public(header, body):
            # A 决算 header's item labels start lines, as the item rows of a budget table do.
            text = " ".join([header, *(ln.text for ln in body
                                       if not all(_is_value(x) for x in cell_tuple(ln.text)
                                                  if x))])
            blocks = self._three_public_columns((), text)
            blocks = self._three_public_final(body, _WS.sub("", text),
                                              [c.key for c in blocks[0].columns])
        elif self.kind is TableKind.THREE_PUBLIC and not self._rows_are_items(body):
            blocks = self._three_public_columns(body, header)
        else:
            blocks = (self._single(body, header),)
        if empty and any(r.values and any(v for v in r.values if v) for b in blocks
                         for r in b.rows):
            self._finding("reading.empty_note_with_data", title_line.no,
                          "表格注明“本表无数据”，但有数据行",
                          "the table says it has no data but has figures")
        return Table(kind=self.kind, number=number, title=_strip_outline(year_title),
                     unit=unit, blocks=blocks, unit_name=unit_name, empty=empty, note=note,
                     line=title_line.no, doubts=tuple(self.doubts))

    def _starts_body(self, raw: str, after_colnums: bool) -> bool:
        t = _dedouble(raw).strip(" \u3000")
        c = cell_tuple(t)
        if not c:
            return False
        first = c[0]
        if _CODE.match(first) or _THREE_DIGITS_LINE.match(first):
            return True
        if _is_colnums(t):
            return False
        if after_colnums or raw.startswith("\u3000"):
            return True
        values = [x for x in c[1:] if x]
        # An unreadable amount (35O.50) still makes a row: the reader reports it, and the
        # row is not lost into the header.
        amounts_only = any(_is_value(v) for v in values) and all(
            _amount_like(v) for v in values)
        if self.kind in (TableKind.SUMMARY, TableKind.GRANT_SUMMARY):
            return bool(_CN_ORDINAL.match(first)) or first.startswith(
                ("本年收入", "收入总计"))
        if self.kind is TableKind.THREE_PUBLIC and first.lstrip("①②③④⑤").startswith(
                ("因公出国", "公务接待", "公务用车")):
            return True
        if _is_total(first):
            return not values or amounts_only
        return bool(values) and amounts_only and \
            not first.startswith(("项目", "科目", "单位名称"))

    # -- single-block tables -----------------------------------------------
    def _single(self, body: Sequence[Line], header: str) -> Block:
        columns = _header_columns(self.kind, header)
        names_n = 2 if (self.kind is TableKind.BASIC_ECONOMIC and "政府预算" in
                        _WS.sub("", header)) else 1
        rows: list[Row] = []
        pending: _Pending | None = None
        has_indent = any(ln.text.startswith("\u3000") for ln in body)
        n_columns = len(columns)
        amount = self._amount
        is_value = _is_value
        projects = self.kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER)

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
                    self._finding("reading.unplaced_figure", line,
                                  f"多出的数值{extra}无法对应到列",
                                  f"figures {extra} do not fit the table's columns",
                                  actual=" ".join(extra))
                vals = vals[:n_columns]
            amounts = tuple([amount(v, line) for v in vals]) + (None,) * (n_columns - len(vals))
            name = "".join(p.names[:1])
            gov = p.names[1] if names_n == 2 and len(p.names) > 1 else None
            kind = RowKind.TOTAL if _is_total(name) else RowKind.DATA
            level = p.level
            if kind is RowKind.TOTAL:
                level = None
            elif projects and level == 1:
                kind = RowKind.GROUP
            rows.append(Row(name=name.strip(), values=amounts, code=p.code, level=level,
                            kind=kind, gov_name=(gov or None), line=p.line))

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
                    not x or is_value(x) for x in c):
                # The amounts of a row whose name wrapped: whole amounts in 元 (3002500)
                # are not codes, and small ones (1 2 3) are not column numbers.
                pending.values = c
                continue
            if _is_colnums(raw):
                continue
            code, rest = _take_code(c)
            # The name cells (up to names_n) run to the first amount or dash.
            k = 0
            n_rest = len(rest)
            while k < n_rest and k < names_n and not is_value(rest[k]):
                k += 1
            text_cells = list(rest[:k])
            value_cells = rest[k:]
            has_values = any(value_cells)
            if code is not None:
                flush()
                pending = _Pending(text_cells or [""], code, _code_level(code), ln.no)
                pending.values = value_cells if has_values else None
                continue
            if any(text_cells):
                indent = len(raw) - len(raw.lstrip("\u3000"))
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
                pending = _Pending(list(text_cells), None, level, ln.no)
                # Trailing spaces are the row's blank cells: the row is complete.
                complete = has_values or raw.endswith("  ")
                pending.values = value_cells if complete else None
                continue
            if has_values:
                if pending is not None and pending.values is None:
                    pending.values = value_cells
                else:
                    self._finding("reading.unplaced_figure", ln.no,
                                  f"数值“{' '.join(v for v in value_cells if v)}”无法对应到行",
                                  "figures on this line belong to no row",
                                  actual=" ".join(v for v in value_cells if v))
        flush()
        _fix_unit_levels(rows, self.kind)
        return Block(name="", columns=columns, rows=tuple(rows))

    def _rows_are_items(self, body: Sequence[Line]) -> bool:
        for ln in body:
            c = cell_tuple(ln.text)
            if c and c[0].lstrip("①②③④⑤").startswith(("因公出国", "公务接待", "公务用车")):
                return True
        return False

    def _three_public_columns(self, body: Sequence[Line], header: str) -> tuple[Block, ...]:
        flat = _WS.sub("", header)
        keys = ["total"]
        for key, labels in _THREE_PUBLIC_ITEMS:
            lab = next((lab for lab in labels if lab in flat), None)
            if lab is not None:
                keys.append(key)
                # 公务用车购置及运行费 must not count again as 运行费.
                flat = flat.replace(lab, "|", 1)
        columns = tuple(Column(k, COLUMN_LABELS.get(k, k)) for k in keys)
        rows: list[Row] = []
        for ln in body:
            c = cell_tuple(ln.text)
            if not c:
                continue
            name = "" if is_amount(c[0]) else c[0]
            vals = c if not name else c[1:]
            amounts = [self._amount(v, ln.no) for v in vals[: len(columns)]]
            if len(vals) > len(columns) and any(vals[len(columns):]):
                self._finding("reading.unplaced_figure", ln.no, "多出的数值无法对应到列",
                              "figures do not fit the columns",
                              actual=" ".join(vals[len(columns):]))
            amounts += [None] * (len(columns) - len(amounts))
            if any(a is not None for a in amounts):
                rows.append(Row(name=name or "预算数", values=tuple(amounts), line=ln.no))
        return (Block(name="", columns=columns, rows=tuple(rows)),)

    def _three_public_final(self, body: Sequence[Line], header: str, found: Sequence[str]
                            ) -> tuple[Block, ...]:
        """A 决算 “三公” table: each item column printed twice, as 预算数 and 决算数, read
        into two rows (预算数, 决算数) under the item columns. The columns are in the order
        of the 决算 template (合计, 因公出国（境）费, 公务用车购置及运行费 小计, 购置费, 运行
        费, 公务接待费: SH-FIN-TPL; the central 公开09表 prints the same); the header says
        whether the pairs are interleaved (预算数 决算数 under each item) or in two blocks
        (all 预算数, then all 决算数). A line of amounts alone that does not give every column
        a figure cannot be placed without the printed positions: the table is then doubtful,
        never guessed."""
        keys = [k for k in _THREE_PUBLIC_FINAL_ORDER if k in found]
        columns = tuple(Column(k, COLUMN_LABELS.get(k, k)) for k in keys)
        n = len(columns)
        interleaved = header.count("预算数") >= 2
        items = self._three_public_item_rows(body)
        if items:
            return items
        rows: list[Row] = []
        for ln in body:
            c = [x for x in cell_tuple(ln.text) if x]
            if not c or _is_colnums(ln.text):
                continue
            if c[0] in FINAL_ROWS.values():
                if not all(_is_value(x) for x in c[1:]):
                    continue  # the header line 预算数 决算数 预算数 …
                vals = c[1:]
                if len(vals) > n:
                    self._finding("reading.unplaced_figure", ln.no, "多出的数值无法对应到列",
                                  "figures do not fit the columns", actual=" ".join(vals[n:]))
                amounts = [self._amount(v, ln.no) for v in vals[:n]]
                amounts += [None] * (n - len(amounts))
                rows.append(Row(name=c[0], values=tuple(amounts), line=ln.no))
                continue
            if not all(_is_value(x) for x in c):
                continue
            if len(c) == 1 and _ROW_NUMBER.match(c[0]) and self.unit is not Unit.YUAN:
                continue  # a page number (amounts in 万元 print decimals)
            if len(c) != 2 * n:
                self.doubts.append(Doubt(
                    "columns", f"“三公”经费预算数、决算数共{2 * n}列，该行只有{len(c)}个数值，"
                    "无法确定各数值所在的列",
                    f"the 三公 table has {2 * n} columns (预算数 and 决算数) but the line has "
                    f"{len(c)} figures: their columns cannot be told", (ln.no,)))
                continue
            budget = c[0::2] if interleaved else c[:n]
            final = c[1::2] if interleaved else c[n:]
            for name, vals in ((FINAL_ROWS["budget"], budget), (FINAL_ROWS["final"], final)):
                rows.append(Row(name=name, values=tuple(self._amount(v, ln.no) for v in vals),
                                line=ln.no))
        return (Block(name="", columns=columns, rows=tuple(rows)),)

    def _three_public_item_rows(self, body: Sequence[Line]) -> tuple[Block, ...]:
        """A 决算 “三公” table printed with the items as rows and 预算数 | 决算数 as columns,
        turned into the 预算数 and 决算数 rows under the item columns (one layout for every
        rule). A row whose figures are not exactly the two is doubtful."""
        found: dict[str, tuple[Decimal | None, Decimal | None]] = {}
        lines: dict[str, int] = {}
        for ln in body:
            c = [x for x in cell_tuple(ln.text) if x]
            if len(c) < 2 or _is_value(c[0]) or not all(_is_value(x) for x in c[1:]):
                continue
            name = _ITEM_PREFIX.sub("", c[0])
            key = "total" if _is_total(name) else next(
                (k for k, labels in _THREE_PUBLIC_ITEMS if any(lab in name for lab in labels)),
                None)
            if key is None or key in found:
                continue
            if len(c) != 3:
                self.doubts.append(Doubt(
                    "columns", f"“三公”经费“{name}”行应有预算数、决算数两个数值，实有{len(c) - 1}个",
                    f"the 三公 row {name!r} should have 2 figures (预算数, 决算数), has "
                    f"{len(c) - 1}", (ln.no,)))
                continue
            found[key] = (self._amount(c[1], ln.no), self._amount(c[2], ln.no))
            lines[key] = ln.no
        if not found:
            return ()
        keys = [k for k in _THREE_PUBLIC_FINAL_ORDER if k in found]
        columns = tuple(Column(k, COLUMN_LABELS.get(k, k)) for k in keys)
        line = min(lines.values())
        rows = tuple(Row(name=FINAL_ROWS[which], values=tuple(found[k][i] for k in keys),
                         line=line) for i, which in enumerate(("budget", "final")))
        return (Block(name="", columns=columns, rows=rows),)

    # -- two-sided tables ----------------------------------------------------
    def _two_sided(self, body: Sequence[Line], header: str) -> tuple[Block, ...]:
        flat = _WS.sub("", header)
        if self.kind is TableKind.GRANT_SUMMARY:
            exp_keys = ["total"] + [k for k, lab in (("general_budget", "一般公共预算"),
                                                     ("fund_budget", "政府性基金"),
                                                     ("state_capital", "国有资本经营"))
                                    if lab in flat]
        else:
            exp_keys = ["total"]
            if "当年" in flat or "本年" in flat.split("支出", 1)[-1]:
                exp_keys.append("current_year")
            if "上年结转" in flat.split("支出", 1)[-1] or "结转" in flat.split("合计", 1)[-1]:
                exp_keys.append("carryover")
        inc_cols = (Column("amount", COLUMN_LABELS["amount"]),)
        exp_cols = tuple(Column(k, COLUMN_LABELS[k]) for k in exp_keys)
        labels: list[tuple[str, int, list[str]]] = []  # (label, line, value cells)
        is_value = _is_value
        row_numbers = "行次" in flat
        sides: dict[int, bool] = {}  # label index → expenditure side, when placed by position
        for ln in body:
            c = cell_tuple(ln.text)
            if not c or _is_colnums(ln.text):
                continue
            if row_numbers:
                c = _drop_row_numbers(c, whole_amounts=self.unit is Unit.YUAN)
                if not any(c):
                    continue
            line_start = len(labels)
            first = c[0]
            n = len(c)
            if first and labels and not labels[-1][2] and not is_amount(first) \
                    and n - c.count("") == 1 and not _starts_label(first):
                # a label alone, wrapped from the label before
                labels[-1] = (labels[-1][0] + first, labels[-1][1], labels[-1][2])
                continue
            pos = 0
            if is_value(first):
                # amounts alone: they belong to the last label still without amounts
                vals: list[str] = []
                while pos < n and (not c[pos] or is_value(c[pos])):
                    vals.append(c[pos])
                    pos += 1
                target = next((i for i in range(len(labels) - 1, -1, -1) if not labels[i][2]),
                              None)
                if target is None:
                    self._finding("reading.unplaced_figure", ln.no, "数值无法对应到项目",
                                  "figures belong to no item", actual=" ".join(v for v in vals if v))
                else:
                    labels[target] = (labels[target][0], labels[target][1], vals)
            while pos < n:
                if not c[pos]:
                    pos += 1
                    continue
                label = c[pos]
                pos += 1
                vals = []
                while pos < n and (not c[pos] or is_value(c[pos])):
                    vals.append(c[pos])
                    pos += 1
                labels.append((label, ln.no, vals))
            # Two labels on one line are the income and the expenditure panel: a label that
            # reads as income (总计, printed on both sides) after an income label of the same
            # line is the expenditure panel's.
            placed = False
            for k in range(line_start, len(labels)):
                exp_side = _is_expenditure_label(labels[k][0])
                if placed and not exp_side:
                    sides[k] = True
                placed = placed or not exp_side
        inc_rows: list[Row] = []
        exp_rows: list[Row] = []
        for k, (label, line, vals) in enumerate(labels):
            is_exp = sides.get(k) or _is_expenditure_label(label)
            cols = exp_cols if is_exp else inc_cols
            if len(vals) > len(cols) and any(vals[len(cols):]):
                self._finding("reading.unplaced_figure", line,
                              f"“{label}”后多出的数值无法对应到列",
                              f"extra figures after {label!r}",
                              actual=" ".join(v for v in vals[len(cols):] if v))
            amounts = [self._amount(v, line) for v in vals[: len(cols)]]
            amounts += [None] * (len(cols) - len(amounts))
            name = _CN_ORDINAL.sub("", label)
            total = _is_total(name)
            row = Row(name=name, values=tuple(amounts), line=line,
                      kind=RowKind.TOTAL if total else RowKind.DATA,
                      level=None if total else 1)
            (exp_rows if is_exp else inc_rows).append(row)
        return (Block("income", inc_cols, tuple(inc_rows)),
                Block("expenditure", exp_cols, tuple(exp_rows)))


_EXP_END: Final = re.compile(r"(支出|预备费|支出合计|支出总计|年终结转|结转下年|结余)$")


@functools.lru_cache(maxsize=1024)
def _is_expenditure_label(label: str) -> bool:
    # Cached: asked twice of each label of a two-sided table, and the labels recur.
    # 决算: 使用非财政拨款结余 and 年初（财政拨款）结转和结余 are income; 结余分配 is spending.
    label = _CN_ORDINAL.sub("", label)
    if label.endswith("结余分配"):
        return True
    return bool(_EXP_END.search(label)) and not label.startswith(
        ("上年结转", "上年财政拨款结转", "年初", "使用非财政拨款结余"))


_ROW_NUMBER: Final = re.compile(r"^\d{1,3}$")


def _drop_row_numbers(c: tuple[str, ...], *, whole_amounts: bool) -> tuple[str, ...]:
    """The cells of a line of a two-sided table with a 行次 column, without the row
    numbers: a whole number of up to three digits first on the line or right after a
    label (amounts come after the row number). In a table in 万元, whose amounts print
    decimals, a whole number right after a row number is the next panel's row number (its
    label blank); in 元 (``whole_amounts``) it is an amount."""
    out: list[str] = []
    after_label = True
    # A line of row numbers alone (two empty rows side by side) holds no amount at all.
    numbers_only = all(not x or _ROW_NUMBER.match(x) for x in c)
    dropped = False
    for cell in c:
        if not cell:
            if not dropped:
                out.append(cell)
            continue
        if (after_label or numbers_only or (dropped and not whole_amounts)) \
                and _ROW_NUMBER.match(cell):
            # The spaces around a row number only space it out: they are no blank cell.
            while out and not out[-1]:
                out.pop()
            after_label = False
            dropped = True
            continue
        dropped = False
        after_label = not _is_value(cell)
        out.append(cell)
    return tuple(out)


_KNOWN_LABELS: Final = frozenset({
    "本年收入合计", "收入总计", "本年支出合计", "支出总计", "上年结转", "年终结转", "结转下年",
    "上年财政拨款结转", "年末结转和结余", "年初结转和结余", "收入合计", "支出合计",
    "使用非财政拨款结余", "结余分配", "年初财政拨款结转和结余", "年末财政拨款结转和结余", "总计",
})


def _starts_label(text: str) -> bool:
    return bool(_CN_ORDINAL.match(text)) or text in _KNOWN_LABELS


def _take_code(c: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """The row's code and the cells after it; a code printed split (``205 02 05``) is joined."""
    if not c:
        return None, c
    first = c[0]
    if _THREE_DIGITS.fullmatch(first):
        parts = [first]
        k = 1
        while k < len(c) and len(parts) < 4 and _TWO_DIGITS.fullmatch(c[k]):
            parts.append(c[k])
            k += 1
        return "".join(parts), c[k:]
    if _CODE.match(first):
        return first, c[1:]
    return None, c


def _code_level(code: str) -> int:
    return {3: 1, 5: 2, 7: 3, 9: 4}.get(len(code), 1)


def _econ_level(name: str, *, blank_gov: bool) -> int:
    """The level of a basic-spending row: 1 for a departmental economic 类, 2 for a 款.

    The catalogue decides for a name it knows (an item with no government item beside it,
    such as 公务接待费, is still a 款); an unknown name is a 类 when its government item
    cell is blank, as class rows print.
    """
    from ..codes import dept_economic

    levels = {i.level for i in dept_economic.lookup_name(name)}
    if 1 in levels:
        return 1
    if levels:
        return 2
    return 1 if blank_gov else 2


def _fix_unit_levels(rows: list[Row], kind: TableKind) -> None:
    """In a project list, number the indentation depths 1, 2, …: the shallowest is level 1
    (a unit), the next level 2, whatever the number of full-width spaces per step."""
    if kind not in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
        return
    depths = sorted({r.level for r in rows if r.level is not None and r.kind is not RowKind.TOTAL})
    if depths == list(range(1, len(depths) + 1)):
        return
    rank = {d: i for i, d in enumerate(depths, 1)}
    from attrs import evolve

    for i, r in enumerate(rows):
        if r.level is not None and r.level in rank:
            lvl = rank[r.level]
            rows[i] = evolve(r, level=lvl, kind=RowKind.GROUP if lvl == 1 else r.kind)


def _strip_outline(title: str) -> str:
    # " 表一2024年预算收支总表" → "2024年预算收支总表"
    return _OUTLINE.sub("", title).strip()


def read_table(kind: TableKind, segment: Sequence[Line], findings: list[Finding],
               default_unit: Unit | None = None) -> Table:
    """Read one table from its segment (title line first)."""
    return _TableReader(kind, segment, findings, default_unit).read()
