"""Reading tables from wide text (layout text, tab-separated text, PDF grids).

The sample's style (one space between cells) is read by `govbudget._ingest._tables`;
text where columns are kept by position is read here, by the columns the text shows:

1. **Header.** The lines between the title and the first row are split into cells
   (`govbudget._ingest._grid.wide_cells`). The cells of the lowest header line that
   no other cell spans are the *leaf* columns; a cell above that spans several leaves
   is their parent (``财政拨款`` over ``一般公共预算 | 政府性基金``), a cell above one leaf
   is the top of its wrapped label (``附属单位`` over ``上缴收入``). Each leaf gets a key
   from its own label, else its parent's (``小计`` under ``财政拨款`` is ``grant``).
   Label columns (项目, 科目名称, 功能分类科目编码 …) start a *zone*: a two-sided table
   (收支总表) has two or three zones side by side, each its own block.
2. **Rows.** A row's leading cells are its code (``2010101``; ``201 05 07`` in 类 | 款 | 项
   columns; ``301 2`` is 30102) and its name; its amount cells are matched to the
   amount columns: one for one when the row has a figure in every column, otherwise
   by position (the cell's span against the column's, or the right edge the full rows
   print there). A 类 left blank takes the class of the row above.
3. **Doubts.** What cannot be matched with confidence (a figure between two columns,
   more figures than columns, a column label not known, a code that is not a code, a
   row with figures and no name) is recorded as a `govbudget.Doubt` of the table: the
   table is kept whole, and the rules do no arithmetic over it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from attrs import evolve

from .._findings import Finding, Location, Severity
from .._money import Unit
from .._tables import COLUMN_LABELS, Block, Column, Doubt, Row, RowKind, Table, TableKind
from ._grid import Style, WCell, wide_cells
from ._tables import (
    _CN_ORDINAL,
    _LABELS,
    _MONEY_UNIT,
    _THREE_PUBLIC_ITEMS,
    _UNIT_NAME,
    _code_level,
    _econ_level,
    _fix_unit_levels,
    _is_expenditure_label,
    _is_total,
    _is_value,
    _strip_outline,
    _value_of,
    classify_title,
    generic_title,
    table_number,
)
from ._text import DASHES, dedouble

__all__ = ["read_wide_table"]

_ANY_DIGIT: Final = re.compile(r"\d")
_YEARISH: Final = re.compile(r"^(19|20)\d\d(年.*)?$")
_CODE7: Final = re.compile(r"^(\d{3}|\d{5}|\d{7}|\d{9})$")
_SMALL: Final = re.compile(r"^\d{1,2}$")
_THREE: Final = re.compile(r"^\d{3}$")
# A note saying the table has no figures (注：无。 is "no note", not an empty table).
_EMPTY_NOTE: Final = re.compile(r"无数据|空表|本表为空|此表为空|本表无|无发生额|^（?无）?$")
_LABEL_WORDS: Final = ("项目", "科目", "名称", "编码", "代码", "单位名称", "功能分类", "经济分类",
                       "收入", "支出", "类", "款", "项")
_ROWNO_WORDS: Final = ("行次", "栏次", "序号")
_TOTAL_LABELS: Final = ("合计", "总计", "小计", "金额", "预算数", "决算数", "本年收入合计",
                        "本年支出合计", "预算金额", "年初预算数", "全年预算数")
_EXTRA_LABELS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("reserve", ("单位预留机动经费", "预留机动经费")),
    ("carry_forward", ("结转下年",)),
    ("meeting", ("会议费",)),
    ("training", ("培训费",)),
    ("other_funds", ("其他资金",)),
    ("personnel", ("人员支出",)),
    ("public", ("日常公用支出", "日常公用经费", "公用支出")),
)
_KNOWN_SUMMARY: Final = ("本年收入合计", "收入总计", "本年支出合计", "支出总计", "上年结转",
                         "年终结转", "结转下年", "年末结转和结余", "年初结转和结余", "收入合计",
                         "支出合计", "当年收入小计", "当年支出小计", "上年结转资金",
                         "结转下年资金", "使用非财政拨款结余", "结余分配", "总计", "合计",
                         "用事业基金弥补收支差额")
# What a line of column numbers prints before them: ``** 1 2 3``, ``栏次 1 2``, ``甲 乙 1 2``.
_COLUMN_MARK: Final = re.compile(r"^(?:[*＊#—\-]+|栏次|行次|序号|栏号|[甲乙丙丁]+)$")
# A cell of digits and separators that does not read as an amount (125360,898): a figure
# printed wrong, never part of a name.
_FIGURE_LIKE: Final = re.compile(r"^-?\d[\d,，.．]*$")
_GENERIC: Final = re.compile(r"^(?:小计|合计|计)$")
_COLUMN_NO: Final = re.compile(r"(?<=[\u3400-\u9fff）)])\d{1,2}$")
_SENTENCE: Final = re.compile(r"[，。；：:、“”]")
_HEADER_LINE: Final = re.compile(r"^(?:类款项?|类|款|项|栏次|行次|项目|科目编码|科目名称|功能分类科目编码|"
                                 r"功能分类科目名称|经济分类科目编码|经济分类科目名称|单位名称|项目名称|"
                                 r"[^\d]{0,12}(?:科目编码|科目名称)(?:类款项?)?)$")
_TOL: Final = 6  # characters a layout cell may sit off its column
_MARGIN: Final = 3  # how much better the best matching must be than the next


def _n_choose(n: int, k: int) -> int:
    return math.comb(n, k)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", dedouble(text))


class _Leaf:
    __slots__ = ("end", "key", "parent", "start", "texts")

    def __init__(self, cell: WCell) -> None:
        self.start = cell.start
        self.end = cell.end
        self.texts = [cell.text]
        self.parent = ""
        self.key: str | None = None

    @property
    def label(self) -> str:
        return _norm("".join(self.texts))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def _label_key(text: str, kind: TableKind) -> str | None:
    # A column number printed in the label's cell (``本年收入合计1``) is not part of it.
    t = _COLUMN_NO.sub("", _norm(text)) or _norm(text)
    if not t:
        return None
    if kind is TableKind.OPERATING_COSTS and t.startswith("机关运行经费"):
        return "total"
    if any(w in t for w in _ROWNO_WORDS):
        return "row_no"
    if kind is TableKind.THREE_PUBLIC:
        for key, labels in _THREE_PUBLIC_ITEMS:
            if any(lab in t for lab in labels):
                return key
    for key, labels in _EXTRA_LABELS:
        if any(lab in t for lab in labels):
            return key
    if t in ("合计", "总计", "金额", "预算数", "决算数", "本年收入合计", "本年支出合计", "预算金额",
             "支出合计", "收入合计", "预算", "决算", "预算额"):
        return "total"
    if t == "小计":
        return None  # defers to the parent column
    for key, labels in _LABELS:
        if any(lab in t for lab in labels):
            return key
    if t.endswith(("合计", "总计")):
        return "total"
    return None


def _is_label_column(text: str) -> bool:
    t = _norm(text)
    if t in ("类", "款", "项", "类款", "类款项", "款项"):
        return True  # the parts of a code printed in columns
    return bool(t) and not _label_key_is_amount(t) and any(w in t for w in _LABEL_WORDS[:8]) \
        and _label_key(t, TableKind.EXPENDITURE) is None


def _label_key_is_amount(t: str) -> bool:
    return t in _TOTAL_LABELS or t.endswith(("金额", "预算数", "决算数"))


class _Zone:
    __slots__ = ("amount_leaves", "label_leaf", "start")

    def __init__(self, label_leaf: _Leaf | None, start: int) -> None:
        self.label_leaf = label_leaf
        self.start = start
        self.amount_leaves: list[_Leaf] = []


class _WideReader:
    def __init__(self, kind: TableKind, segment: Sequence[object], findings: list[Finding],
                 default_unit: Unit | None, style: Style, pages: Sequence[int] = ()) -> None:
        self.kind = kind
        self.segment = segment
        self.findings = findings
        self.default_unit = default_unit
        self.style: Style = style
        self.title = ""
        self.doubts: dict[str, list[int]] = {}
        self.pages: Sequence[int] = pages
        self.header_page = 0
        self.header_cells: list[WCell] = []

    def page(self, line: int) -> int:
        """The page of a line (0 when the text has no pages)."""
        return self.pages[line - 1] if 0 < line <= len(self.pages) else 0

    def doubt(self, reason: str, line: int) -> None:
        self.doubts.setdefault(reason, []).append(line)

    def _finding(self, rule: str, line: int, msg: str, msg_en: str,
                 actual: str | None = None) -> None:
        self.findings.append(Finding(
            rule=rule, severity=Severity.WARNING, message=msg, message_en=msg_en,
            location=Location(section=self.title or self.kind.chinese, table=self.kind.value,
                              line=line),
            actual=actual))

    # -- the segment ---------------------------------------------------------
    def read(self) -> Table:
        seg = self.segment
        title_line = seg[0]
        self.title = _norm(title_line.text)  # type: ignore[attr-defined]
        year_title = self.title
        number = ""
        unit: Unit | None = None
        unit_name: str | None = None
        empty = False
        note: str | None = None
        header: list[tuple[int, list[WCell]]] = []
        body: list[tuple[int, list[WCell]]] = []
        in_body = False
        for ln in seg[1:]:
            raw: str = ln.text  # type: ignore[attr-defined]
            no: int = ln.no  # type: ignore[attr-defined]
            t = _norm(raw)
            if not t:
                continue
            if _EMPTY_NOTE.search(t) and len(t) < 80 and not self._has_amounts(raw):
                empty = True
                note = t
                continue
            if (t.startswith("注") and (":" in t[:3] or "：" in t[:3])) or t[0] in "：:" or \
                    t.startswith(("说明：", "备注")):
                note = t
                continue
            if not in_body or not self._has_amounts(raw):
                k = classify_title(t)
                if k is None and self.kind is TableKind.OTHER and generic_title(t):
                    k = TableKind.OTHER
                    if not _YEARISH.match(year_title) and table_number(year_title):
                        year_title = t  # the title, not its caption (公开05表)
                        continue
                if k is self.kind:
                    if len(t) > len(year_title) or "年" not in year_title:
                        year_title = t
                    n = table_number(t)
                    if n:
                        number = n
                    continue
                n = table_number(t)
                if n and len(t) <= 14:
                    number = number or n
                    continue
            m = _MONEY_UNIT.search(t.replace(" ", ""))
            mn = _UNIT_NAME.search(raw.strip())
            if (m or mn or _META.match(t)) and not self._has_amounts(raw):
                if m:
                    unit = Unit.parse(m.group(1))
                if mn:
                    name = _META_NAME.split(mn.group(1).strip())[0].strip()
                    unit_name = _norm(name) or unit_name
                elif _META.match(t):
                    v = _META_VALUE.search(raw.strip())
                    if v:
                        unit_name = _norm(_META_NAME.split(v.group(1).strip())[0]) or unit_name
                continue
            cells = wide_cells(raw, self.style)
            if not cells:
                continue
            if not in_body and self._starts_body(cells, t):
                in_body = True
            if in_body:
                if self._repeated_header(cells, t):
                    continue
                body.append((no, cells))
            else:
                header.append((no, cells))
                self.header_cells.extend(cells)
        self.title = _strip_outline(year_title)
        if unit is None:
            unit = self.default_unit or Unit.WAN_YUAN
            self._finding("reading.missing_unit", title_line.no,  # type: ignore[attr-defined]
                          f"表格未注明金额单位，按{unit.symbol}处理",
                          f"no money unit printed; read as {unit.symbol}")
        self.header_page = self.page(header[-1][0]) if header else (
            self.page(body[0][0]) if body else 0)
        zones = self._zones(header, body)
        two_sided = self.kind in (TableKind.SUMMARY, TableKind.GRANT_SUMMARY) or (
            len([z for z in zones if z.label_leaf is not None]) >= 2)
        if not body:
            blocks: tuple[Block, ...] = self._empty_blocks(zones, two_sided)
        elif two_sided:
            blocks = self._multi(zones, body)
        else:
            blocks = (self._single(zones, body),)
        has_data = any(v for b in blocks for r in b.rows for v in r.values if v)
        if empty and has_data:
            self._finding("reading.empty_note_with_data", title_line.no,  # type: ignore[attr-defined]
                          "表格注明无数据（空表），但有数据行",
                          "the table says it has no data but has figures")
        doubts = tuple(self._doubt_objects())
        return Table(kind=self.kind, number=number, title=self.title, unit=unit,
                     blocks=blocks, unit_name=unit_name, empty=empty and not has_data, note=note,
                     line=title_line.no, doubts=doubts)  # type: ignore[attr-defined]

    def _doubt_objects(self) -> list[Doubt]:
        text = {
            "columns": ("数值无法确定对应的列", "figures that cannot be matched to a column"),
            "header": ("表头的列无法识别", "columns whose labels are not recognised"),
            "codes": ("科目编码不完整或无法识别", "codes that are incomplete or unreadable"),
            "amounts": ("单元格无法识别为金额", "cells that do not read as amounts"),
            "names": ("有数值的行缺少名称", "rows with figures and no name"),
            "units": ("各单位分列的分项（按单位分组），不是一个经济分类层级",
                      "rows grouped by unit, not one economic hierarchy"),
        }
        out = []
        for reason, lines in self.doubts.items():
            zh, en = text.get(reason, (reason, reason))
            out.append(Doubt(reason=reason, message=zh, message_en=en,
                             lines=tuple(sorted(set(lines)))[:20]))
        return out

    @staticmethod
    def _has_amounts(raw: str) -> bool:
        return bool(_ANY_DIGIT.search(raw)) and any(
            _is_value(c.text) and not _YEARISH.match(c.text) for c in wide_cells(raw, "layout"))

    def _starts_body(self, cells: list[WCell], flat: str) -> bool:
        if any(w in flat for w in _ROWNO_WORDS) and not any(
                _CODE7.match(c.text) for c in cells[:1]) and not any(
                _is_value(c.text) and "." in c.text for c in cells):
            # a 栏次/行次 line: header, unless it is a row that prints its row number
            return False
        first = cells[0].text
        if _CODE7.match(first) and len(cells) > 1:
            return True
        values = [c for c in cells if _is_value(c.text)]
        texts = [c for c in cells if not _is_value(c.text)]
        if not values:
            return False
        if all(_SMALL.match(c.text) for c in values) and (len(values) >= 2 or texts) and all(
                _COLUMN_MARK.match(c.text) for c in texts):
            # column numbers (1 2 3 …), not figures
            nums = [int(c.text) for c in values]
            if all(b == a + 1 for a, b in itertools.pairwise(nums)):
                return False
        return not all(_YEARISH.match(c.text) for c in values)

    def _repeated_header(self, cells: list[WCell], flat: str) -> bool:
        """A column header printed again on a new page (all cells are labels)."""
        if any(_is_value(c.text) for c in cells):
            return False
        labels = 0
        if _HEADER_LINE.match(flat):
            return True
        for c in cells:
            t = _norm(c.text)
            if _label_key(t, self.kind) is not None or _is_label_column(t) or t in (
                    "类", "款", "项", "收入", "支出", "项目", "预算数", "决算数"):
                labels += 1
        return labels == len(cells) and (len(cells) >= 2 or flat in (
            "项目", "科目编码", "功能分类科目编码"))

    # -- header --------------------------------------------------------------
    def _leaves(self, header: list[tuple[int, list[WCell]]],
                body: list[tuple[int, list[WCell]]]) -> list[_Leaf]:
        if not header:
            return []
        rows = [cells for _, cells in header]
        if self.style == "tabs":
            # No positions: the header line with the most cells gives the columns.
            best = max(rows, key=len)
            return [_Leaf(c) for c in best]
        if self.style == "grid":
            return self._grid_leaves(rows)
        cells_all = [(i, c) for i, cells in enumerate(rows) for c in cells]
        last = len(rows) - 1
        groups: list[tuple[int, WCell]] = []
        leaves: list[_Leaf] = []
        for i, c in cells_all:
            below = [d for j, d in cells_all if j > i and _overlap(c.start, c.end, d.start, d.end) > 0]
            if any(_overlap(a.start, a.end, b.start, b.end) <= 0
                   for a, b in itertools.combinations(below, 2)):
                groups.append((i, c))  # spans two columns: their parent
                continue
            if len(below) == 1 and i < last and self.style == "layout" and \
                    (c.end - c.start) * 2 > 3 * (below[0].end - below[0].start) and \
                    self._between(c, i, cells_all, over=below[0]):
                # wider than the one cell under it, with columns close on both sides:
                # the parent of a group centred over its middle column
                groups.append((i, c))
                continue
            if not below and i < last and self.style == "layout" and self._between(c, i, cells_all):
                # a label over nothing, with nothing printed under it: a group label
                # centred over the columns beside it (本年收入 over 项目 | 预算数)
                groups.append((i, c))
                continue
            target = next((lf for lf in leaves
                           if _overlap(lf.start, lf.end, c.start, c.end) > 0), None)
            if target is not None:
                # a label wrapped over lines, or a parent over its one column: the
                # column's position is that of its lowest cell
                target.texts.append(c.text)
                target.start, target.end = c.start, c.end
            else:
                leaves.append(_Leaf(c))
        leaves.sort(key=lambda lf: lf.start)
        # A 小计 with nothing over it: its group's label is the upper cell just beside it
        # (基本支出 centred over 小计 | 人员经费 | 公用经费 sits over the middle one).
        for lf in leaves:
            if lf.label != "小计":
                continue
            upper = [c for j, c in cells_all if c.end > lf.start - 16 and c.start < lf.end + 16
                     and c.text != "小计" and j < len(rows) - 1
                     and _overlap(c.start, c.end, lf.start, lf.end) <= 0
                     and _label_key(c.text, self.kind) not in (None, "total")]
            if upper:
                near = min(upper, key=lambda c: min(abs(c.start - lf.end), abs(lf.start - c.end)))
                lf.parent = _norm(near.text)
        for _, g in groups:
            under = [lf for lf in leaves if _overlap(g.start, g.end, lf.start, lf.end) > 0]
            if len(under) < 2:
                left = [lf for lf in leaves if lf.end <= g.start]
                right = [lf for lf in leaves if lf.start >= g.end]
                under = ([left[-1]] if left else []) + ([right[0]] if right else [])
            for lf in under:
                lf.parent = _norm(g.text) + lf.parent
        return leaves

    @staticmethod
    def _grid_leaves(rows: list[list[WCell]]) -> list[_Leaf]:
        """The columns of a grid header: a merged cell's text stands in the first column it
        spans, so a header cell spans up to the next cell of its line; one that spans
        several columns with cells under them is their parent."""
        ncols = max((c.end for cells in rows for c in cells), default=0)
        own: dict[int, list[str]] = {}
        parent: dict[int, str] = {}
        for r, cells in enumerate(rows):
            for k, c in enumerate(cells):
                end = cells[k + 1].start if k + 1 < len(cells) else ncols
                under = {d.start for lower in rows[r + 1:] for d in lower if c.start <= d.start < end}
                if len(under) >= 2:
                    for j in under:
                        parent[j] = parent.get(j, "") + _norm(c.text)
                else:
                    own.setdefault(c.start, []).append(c.text)
        leaves = []
        for j in sorted(own):
            lf = _Leaf(WCell(own[j][0], j, j + 1))
            lf.texts = own[j]
            lf.parent = parent.get(j, "")
            leaves.append(lf)
        return leaves

    @staticmethod
    def _between(c: WCell, i: int, cells_all: list[tuple[int, WCell]],
                 over: WCell | None = None) -> bool:
        """A header cell with header cells close below it on both sides (and none under
        it but ``over``): a group label centred over the columns beside it (本年收入 over
        项目 | 预算数)."""
        lower = [d for j, d in cells_all if j > i and d is not over]
        if over is not None:
            c = WCell(c.text, over.start, over.end)
        left = max((d.end for d in lower if d.end <= c.start), default=None)
        right = min((d.start for d in lower if d.start >= c.end), default=None)
        if left is None or right is None:
            return False
        reach = max(6, 2 * (c.end - c.start))
        return c.start - left <= reach and right - c.end <= reach

    def _zones(self, header: list[tuple[int, list[WCell]]],
               body: list[tuple[int, list[WCell]]]) -> list[_Zone]:
        leaves = self._leaves(header, body)
        zones: list[_Zone] = []
        for lf in leaves:
            label = lf.label
            if _is_label_column(label) and not (zones and zones[-1].label_leaf is not None
                                                and not zones[-1].amount_leaves):
                zones.append(_Zone(lf, lf.start))
                continue
            if _is_label_column(label):
                # a second label column in a row (科目编码 | 科目名称): one zone
                zl = zones[-1].label_leaf
                if zl is not None:
                    zl.end = max(zl.end, lf.end)
                continue
            key = _label_key(label, self.kind)
            if _GENERIC.match(_COLUMN_NO.sub("", label) or label) and lf.parent:
                # 小计/合计 under a parent: the parent's column (财政拨款 小计 is grant);
                # a label the reader does not know never takes its parent's meaning
                key = _label_key(lf.parent, self.kind) or key
            if key is None and label.startswith("小计") and zones and \
                    not zones[-1].amount_leaves:
                key = "total"  # the first figure column, 小计 over 其中：基本 | 项目
            lf.key = key or "?" + label
            if not zones:
                zones.append(_Zone(None, lf.start))
            zones[-1].amount_leaves.append(lf)
        return zones

    def _columns(self, zone: _Zone, line: int) -> tuple[list[_Leaf], tuple[Column, ...]]:
        keep = [lf for lf in zone.amount_leaves if lf.key != "row_no"]
        cols: list[Column] = []
        seen: set[str] = set()
        for lf in keep:
            key = lf.key or "?"
            if key.startswith("?"):
                if self.kind is not TableKind.OTHER:  # no rule reads a table of no known kind
                    self.doubt("header", line)
                key = f"col{len(cols) + 1}"
            if key in seen:
                self.doubt("header", line)
                key = f"{key}_{len(cols) + 1}"
            seen.add(key)
            cols.append(Column(key, lf.label or COLUMN_LABELS.get(key, key)))
        return keep, tuple(cols)

    # -- matching figures to columns -----------------------------------------
    def _match(self, cells: list[WCell], leaves: list[_Leaf], anchors: dict[int, float],
               line: int) -> list[int] | None:
        """The column of each amount cell (indices into ``leaves``), or ``None``."""
        n, k = len(leaves), len(cells)
        if k == 0:
            return []
        if k > n:
            return None
        if self.style == "grid":
            out = []
            for c in cells:
                j = next((i for i, lf in enumerate(leaves) if lf.start <= c.start < lf.end), None)
                if j is None:
                    return None
                out.append(j)
            return out
        if k == n:
            return list(range(n))
        if self.style == "tabs" or not all(c.positioned for c in cells):
            return None

        def pos(j: int) -> float:
            if j in anchors:
                return anchors[j]
            lf = leaves[j]
            return (lf.start + lf.end) / 2

        def at(c: WCell, j: int) -> float:
            return float(c.end) if j in anchors else (c.start + c.end) / 2

        # A line of layout text may be shifted as a whole: the cost of a matching is how
        # far its cells stray from one common shift, plus the shift itself.
        if _n_choose(n, k) > 5000:
            return None
        offset = [[at(c, j) - pos(j) for j in range(n)] for c in cells]
        scored = []
        for combo in itertools.combinations(range(n), k):
            diffs = [offset[i][j] for i, j in enumerate(combo)]
            shift = sum(diffs) / k
            devs = [abs(d - shift) for d in diffs]
            scored.append((sum(devs) + abs(shift), max(devs), abs(shift), combo))
        scored.sort()
        best = scored[0]
        if best[1] > _TOL or best[2] > 2 * _TOL:
            return None
        if len(scored) > 1 and scored[1][0] - best[0] < _MARGIN:
            return None
        return list(best[3])

    def _anchors(self, rows: list[tuple[int, list[WCell]]], n: int) -> dict[int, float]:
        """The right edge each column's figures print at, from the rows that fill every
        column (layout text only)."""
        if self.style != "layout":
            return {}
        # the right edges figures print at, in clusters: one per column when every column
        # has figures somewhere
        every = sorted(c.end for _, cells in rows for c in cells)
        clusters: list[list[int]] = []
        for e in every:
            if clusters and e - clusters[-1][-1] <= 3:
                clusters[-1].append(e)
            else:
                clusters.append([e])
        if len(clusters) == n and all(len(c) >= 2 for c in clusters):
            return {j: float(c[len(c) // 2]) for j, c in enumerate(clusters)}
        ends: list[list[int]] = [[] for _ in range(n)]
        for _, cells in rows:
            if len(cells) == n:
                for j, c in enumerate(cells):
                    ends[j].append(c.end)
        out: dict[int, float] = {}
        for j, col in enumerate(ends):
            if len(col) >= 2:
                col.sort()
                out[j] = float(col[len(col) // 2])
        return out

    # -- single-block tables -------------------------------------------------
    def _single(self, zones: list[_Zone], body: list[tuple[int, list[WCell]]]) -> Block:
        zone = next((z for z in zones if z.amount_leaves), None)
        if zone is None:
            self.doubt("header", body[0][0])
            zone = _Zone(None, 0)
        leaves, columns = self._columns(zone, body[0][0])
        all_leaves = zone.amount_leaves  # including 行次 columns
        rowno = [i for i, lf in enumerate(all_leaves) if lf.key == "row_no"]
        two_names = self.kind is TableKind.BASIC_ECONOMIC and self._two_name_columns(zones)
        parsed: list[tuple[int, list[WCell], list[WCell]]] = []  # line, name cells, amounts
        for no, cells in body:
            names, amounts = self._split_name(cells)
            parsed.append((no, names, amounts))
        # Layout text places each page afresh: the columns' positions are worked out per
        # page, and the header's positions hold only on the page it is printed on.
        by_page: dict[int, list[tuple[int, list[WCell]]]] = {}
        for no, _, a in parsed:
            by_page.setdefault(self.page(no), []).append((no, a))
        page_anchors = {p: self._anchors(rows_, len(all_leaves)) for p, rows_ in by_page.items()}
        header_page = self.header_page
        rows: list[Row] = []
        last_code: str | None = None
        last_kuan: str | None = None
        code_pos = self._code_positions(header_cells=self.header_cells, parsed=parsed)
        projects = self.kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER)
        coded_table = any(self._code_of(nm)[0] for _, nm, _ in parsed)
        for no, names, amounts in parsed:
            code, name_cells, code_issue = self._code_of(names)
            if code_issue:
                self.doubt("codes", no)
                self._finding("reading.malformed_code", no,
                              f"科目编码“{' '.join(c.text for c in names[:3])}”不完整或无法识别",
                              "a classification code printed incomplete or unreadable",
                              actual=" ".join(c.text for c in names[:3]))
            if code is not None and len(code) in (2, 4) and last_code:
                code = self._inherit(code, last_code, no, names, code_pos, last_kuan)
            texts = [c.text for c in name_cells]
            if not amounts and code is None:
                # a line of text alone: the rest of a wrapped name, or a heading row
                joined = "".join(texts)
                if coded_table and rows and texts and not _CN_ORDINAL.match(texts[0]) \
                        and not _is_total(texts[0]) and len(joined) <= 24 \
                        and not _SENTENCE.search(joined) and not table_number(joined):
                    rows[-1] = evolve(rows[-1], name=rows[-1].name + joined)
                    continue
                # a row without figures
                rows.append(self._row("".join(texts), None, [], columns, no, projects, names))
                continue
            page = self.page(no)
            anchors = page_anchors.get(page, {})
            if self.style == "layout" and page != header_page and len(anchors) < len(all_leaves) \
                    and len(amounts) < len(all_leaves) and amounts:
                match = None  # no header and no full rows on this page to place figures by
            else:
                match = self._match(amounts, all_leaves, anchors, no)
            values: list[Decimal | None] = [None] * len(columns)
            if match is None:
                self.doubt("columns", no)
                vals = [self._amount(c.text, no) for c in amounts if c.text not in DASHES]
                # keep the figures in order, unplaced ones dropped from the columns
                for j, v in enumerate(vals[: len(columns)]):
                    values[j] = v
            else:
                keep_index = {id(lf): i for i, lf in enumerate(leaves)}
                for c, j in zip(amounts, match, strict=True):
                    if j in rowno:
                        continue
                    lf = all_leaves[j]
                    i = keep_index.get(id(lf))
                    if i is not None:
                        values[i] = self._amount(c.text, no)
            name = "".join(texts)
            gov = None
            if two_names and len(name_cells) >= 2:
                name, gov = name_cells[0].text, "".join(c.text for c in name_cells[1:])
            if not name and code is None:
                if self.kind is TableKind.THREE_PUBLIC:
                    name = "预算数"  # the items are the columns: one row of figures
                else:
                    self.doubt("names", no)
            rows.append(self._row(name, code, values, columns, no, projects, name_cells, gov))
            if code is not None:
                last_code = code
                if len(code) == 5:
                    last_kuan = code
                elif len(code) == 3:
                    last_kuan = None
        rows = [r for r in rows if r.name or r.code or any(v is not None for v in r.values)]
        if self.kind is TableKind.BASIC_ECONOMIC and not coded_table and \
                self._grouped_by_unit(parsed):
            # rows of each unit, its economic classes indented under it: not one economic
            # hierarchy (the classes would be added once per unit and once for the units)
            self.doubt("units", body[0][0])
        _fix_unit_levels(rows, self.kind)
        return Block(name="", columns=columns, rows=tuple(rows))

    def _grouped_by_unit(self, parsed: list[tuple[int, list[WCell], list[WCell]]]) -> bool:
        """A row the catalogue does not know as an economic item with known economic
        classes indented under it: the table lists units, each with its classes."""
        from ..codes import dept_economic

        def indent(cells: list[WCell]) -> int:
            if not cells:
                return -1
            return cells[0].indent if self.style == "grid" else cells[0].start

        def known(cells: list[WCell]) -> bool:
            name = "".join(c.text for c in cells)
            return bool(dept_economic.lookup_name(_ENUM.sub("", name)))

        for (_, a, _), (_, b, _) in itertools.pairwise(parsed):
            if a and b and indent(b) > indent(a) and known(b) and not known(a) \
                    and not _is_total("".join(c.text for c in a)):
                return True
        return False

    def _two_name_columns(self, zones: list[_Zone]) -> bool:
        return any(z.label_leaf is not None and "政府" in z.label_leaf.label for z in zones)

    def _row(self, name: str, code: str | None, values: Sequence[Decimal | None],
             columns: tuple[Column, ...], line: int, projects: bool,
             name_cells: Sequence[WCell], gov: str | None = None) -> Row:
        vals = tuple(values) + (None,) * (len(columns) - len(values))
        name = name.strip()
        kind = RowKind.TOTAL if _is_total(name) and code is None else RowKind.DATA
        level: int | None = None
        if code is not None:
            level = _code_level(code)
        elif kind is RowKind.TOTAL:
            level = None
        elif projects:
            indent = name_cells[0].start if name_cells and name_cells[0].positioned else 0
            level = 1 + (1 if indent > 4 else 0)
            if level == 1:
                kind = RowKind.GROUP
        elif self.kind is TableKind.BASIC_ECONOMIC:
            level = _econ_level(name, blank_gov=gov is None)
        return Row(name=name, values=vals[: len(columns)], code=code, level=level, kind=kind,
                   gov_name=gov or None, line=line)

    def _split_name(self, cells: list[WCell]) -> tuple[list[WCell], list[WCell]]:
        """The name cells (codes and text) and the amount cells of a body line."""
        k = 0
        n = len(cells)
        # leading code parts: 3/5/7 digits, then 1–2 digit parts after a 3-digit class
        if n > 1 and (_CODE7.match(cells[0].text) or _SMALL.match(cells[0].text)):
            # the code parts: up to three cells of digits followed by the name
            for m in (3, 2, 1):
                if m < n and all(_SMALL.match(cells[i].text) or (i == 0 and _CODE7.match(
                        cells[0].text)) for i in range(m)) and not _is_value(cells[m].text) \
                        and (m == 1 or len(cells[0].text) <= 3):
                    k = m
                    break
        while k < n and not _is_value(cells[k].text) and not _FIGURE_LIKE.match(cells[k].text):
            k += 1
        names, amounts = cells[:k], cells[k:]
        # a text cell among the figures: not a figure (kept out, reported)
        figs = []
        for c in amounts:
            if _is_value(c.text):
                figs.append(c)
            elif _ANY_DIGIT.search(c.text):
                figs.append(c)  # an unreadable figure: reported by _amount
            else:
                self.doubt("columns", -1)
        return names, figs

    def _code_of(self, names: list[WCell]) -> tuple[str | None, list[WCell], bool]:
        """The row's code, its name cells, and whether the code is malformed."""
        if not names:
            return None, names, False
        first = names[0].text
        if _CODE7.match(first):
            if len(first) == 3 and len(names) > 1 and _SMALL.match(names[1].text):
                parts = [first]
                k = 1
                while k < len(names) and k < 3 and _SMALL.match(names[k].text):
                    parts.append(names[k].text.zfill(2))
                    k += 1
                return "".join(parts), names[k:], False
            return first, names[1:], False
        if _SMALL.match(first):
            parts = [first]
            k = 1
            while k < len(names) and k < 3 and _SMALL.match(names[k].text):
                parts.append(names[k].text)
                k += 1
            if k == 3 or (len(first) == 1 and k >= 2):
                # a class of one or two digits (``7 11 02``): not a code
                return None, names[k:], True
            return "".join(p.zfill(2) for p in parts), names[k:], False
        return None, names, False

    def _code_positions(self, header_cells: list[WCell],
                        parsed: list[tuple[int, list[WCell], list[WCell]]]) -> dict[str, int]:
        """Where the 款 and 项 parts of a code printed in columns stand: the header's 款 and
        项 cells, else the parts of rows that print a whole code (201 | 05 | 07)."""
        pos: dict[str, int] = {}
        for c in header_cells:
            t = _norm(c.text)
            if t in ("款", "项"):
                pos.setdefault(t, c.start)
        for _, names, _ in parsed:
            if len(names) >= 3 and _THREE.match(names[0].text) and _SMALL.match(names[1].text):
                pos.setdefault("款", names[1].start)
                if _SMALL.match(names[2].text):
                    pos.setdefault("项", names[2].start)
        return pos

    def _inherit(self, part: str, last: str, line: int, names: list[WCell] | None = None,
                 pos: dict[str, int] | None = None, last_kuan: str | None = None) -> str:
        """A 款 or 项 printed without the parts to its left (those columns left blank):
        the code of the row above supplies them; which part it is, the column it stands in
        says (项 under the 项 column takes the 款 above)."""
        start = names[0].start if names and names[0].positioned else None
        if pos and start is not None and "项" in pos and len(part) == 2:
            to_xiang = abs(start - pos["项"])
            to_kuan = abs(start - pos["款"]) if "款" in pos else 10**6
            if to_xiang < to_kuan:
                if last_kuan is None:
                    self.doubt("codes", line)
                    return part
                return last_kuan + part
        if len(part) in (2, 4):
            return last[:3] + part
        self.doubt("codes", line)
        return part

    def _amount(self, cell: str, line: int) -> Decimal | None:
        if not cell or cell in DASHES:
            return None
        value = _value_of(cell)
        if value is not None:
            return value
        self.doubt("amounts", line)
        self._finding("reading.unparsed_amount", line, f"无法识别的金额“{cell}”，按空白处理",
                      f"cannot read {cell!r} as an amount; left blank", actual=cell)
        return None

    # -- tables of several blocks side by side --------------------------------
    def _multi(self, zones: list[_Zone], body: list[tuple[int, list[WCell]]]) -> tuple[Block, ...]:
        label_zones = [z for z in zones if z.label_leaf is not None]
        if len(label_zones) < 2:
            self.doubt("header", body[0][0])
            label_zones = label_zones or [_Zone(None, 0)]
        names = ["income", "expenditure"] + [f"block{i}" for i in range(3, 9)]
        # zone boundaries: where the 2nd, 3rd … label of a line starts, in the lines that
        # print a label in every zone (else where the header's label columns start)
        nz = len(label_zones)
        starts = [z.label_leaf.start if z.label_leaf is not None else z.start for z in label_zones]
        if self.style == "layout":
            seen: list[list[int]] = [[] for _ in range(nz)]
            for _, cells in body:
                texts = [c for c in cells if not _is_value(c.text)]
                if len(texts) == nz:
                    for i, c in enumerate(texts):
                        seen[i].append(c.start)
            for i in range(1, nz):
                if seen[i]:
                    v = sorted(seen[i])
                    starts[i] = v[len(v) // 2]
            starts[0] = -10**6
        items: list[list[tuple[str, int, list[WCell]]]] = [[] for _ in label_zones]
        indents: list[list[int]] = [[] for _ in label_zones]
        anchors_rows: list[list[list[WCell]]] = [[] for _ in label_zones]
        for no, cells in body:
            parts: list[list[WCell]] = [[] for _ in label_zones]
            if self.style == "tabs":
                # no positions: a label goes to the income or the expenditure side by its
                # wording, its figures with it
                if nz > 2:
                    self.doubt("columns", no)
                zi = 0
                for c in cells:
                    if not _is_value(c.text):
                        zi = 1 if _is_expenditure_label(_CN_ORDINAL.sub("", c.text)) else 0
                    parts[min(zi, nz - 1)].append(c)
            else:
                slack = 0 if self.style == "grid" else 2
                for c in cells:
                    zi = 0
                    for i, st in enumerate(starts):
                        if c.start >= st - slack:
                            zi = i
                    parts[zi].append(c)
            for zi, part in enumerate(parts):
                if not part:
                    continue
                label_cells = [c for c in part if not _is_value(c.text)]
                value_cells = [c for c in part if _is_value(c.text)]
                zone_items = items[zi]
                label = "".join(c.text for c in label_cells)
                if label and not value_cells and zone_items and not self._starts_item(label) \
                        and zone_items[-1][2] is not None:
                    last = zone_items[-1]
                    if not self._complete_label(last[0]):
                        zone_items[-1] = (last[0] + label, last[1], last[2])
                        continue
                if label:
                    zone_items.append((label, no, value_cells))
                    first = label_cells[0]
                    indents[zi].append(first.indent if self.style == "grid" else (
                        first.start if self.style == "layout" else 0))
                    if value_cells:
                        anchors_rows[zi].append(value_cells)
                elif value_cells:
                    target = next((i for i in range(len(zone_items) - 1, -1, -1)
                                   if not zone_items[i][2]), None)
                    if target is None:
                        if not all(_SMALL.match(c.text) for c in value_cells):
                            self.doubt("names", no)
                        continue
                    lab, line0, _ = zone_items[target]
                    zone_items[target] = (lab, line0, value_cells)
        blocks = []
        for zi, zone in enumerate(label_zones):
            leaves, columns = self._columns(zone, body[0][0])
            all_leaves = zone.amount_leaves
            if not all_leaves:
                all_leaves = leaves = []
                columns = (Column("total", COLUMN_LABELS["total"]),) if zi < 2 else ()
            anchors = self._anchors([(0, r) for r in anchors_rows[zi]], len(all_leaves))
            rows = []
            levels = _item_levels([lab for lab, _, _ in items[zi]], indents[zi],
                                  slack=1 if self.style == "layout" else 0)
            for (label, line, vals), level in zip(items[zi], levels, strict=True):
                values: list[Decimal | None] = [None] * len(columns)
                if all_leaves:
                    match = self._match(vals, all_leaves, anchors, line)
                    if match is None:
                        self.doubt("columns", line)
                    else:
                        index = {id(lf): i for i, lf in enumerate(leaves)}
                        for c, j in zip(vals, match, strict=True):
                            pos = index.get(id(all_leaves[j]))
                            if pos is not None:
                                values[pos] = self._amount(c.text, line)
                elif vals:
                    if len(vals) > len(columns):
                        self.doubt("columns", line)
                    for j, c in enumerate(vals[: len(columns)]):
                        values[j] = self._amount(c.text, line)
                name = _CN_ORDINAL.sub("", label)
                total = _is_total(name)
                rows.append(Row(name=name, values=tuple(values), line=line,
                                kind=RowKind.TOTAL if total else RowKind.DATA,
                                level=None if total else level))
            rows = _breakdowns(rows, [lab for lab, _, _ in items[zi]])
            if zi == 1:
                rows = _classes_first(rows)
            if zi < 2 and columns and columns[0].key == "total" and zi == 0:
                columns = (Column("amount", COLUMN_LABELS["amount"]), *columns[1:])
            blocks.append(Block(names[zi], columns, tuple(rows)))
        return tuple(blocks)

    @staticmethod
    def _starts_item(label: str) -> bool:
        return bool(_CN_ORDINAL.match(label)) or bool(re.match(
            r"^(\d+[.、．]|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|其中)", label)) or any(
            label.startswith(k) for k in _KNOWN_SUMMARY)

    @staticmethod
    def _complete_label(label: str) -> bool:
        return label.endswith(("支出", "收入", "合计", "总计", "小计", "结余", "结转", "资金",
                               "拨款", "预算", "经费", "分配"))

    def _empty_blocks(self, zones: list[_Zone], two_sided: bool) -> tuple[Block, ...]:
        if two_sided:
            return ()
        zone = next((z for z in zones if z.amount_leaves), None)
        if zone is None:
            return (Block(name="", columns=(Column("total", COLUMN_LABELS["total"]),)),)
        saved = dict(self.doubts)
        _, columns = self._columns(zone, 0)
        self.doubts = saved  # an empty table's header is not a doubt over figures
        return (Block(name="", columns=columns),)


_ENUM: Final = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*")
_SUB_ITEM: Final = re.compile(r"^(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[）)]|[（(][一二三四五六七八九十]{1,3}[）)]|其中)")


def _breakdowns(rows: list[Row], labels: Sequence[str]) -> list[Row]:
    """Items printed after an item numbered 一、 without a number of their own, whose first
    figures add up exactly to that item's, are its breakdown (level 2): 一、财政拨款收入
    191,195.79 over 一般公共预算收入 191,114.39 and 国有资本经营预算收入 81.40."""
    out = list(rows)
    n = len(rows)
    for i in range(n):
        head = rows[i]
        if head.kind is not RowKind.DATA or (head.level or 1) != 1 or not head.values \
                or head.values[0] is None or not _CN_ORDINAL.match(labels[i]):
            continue
        j = i + 1
        while j < n and rows[j].kind is RowKind.DATA and not _CN_ORDINAL.match(labels[j]) \
                and (rows[j].level or 1) == 1:
            j += 1
        parts = [r.values[0] for r in rows[i + 1:j] if r.values and r.values[0] is not None]
        if j - i >= 2 and parts and sum(parts, Decimal(0)) == head.values[0]:
            for k in range(i + 1, j):
                out[k] = evolve(rows[k], level=2)
    return out


def _classes_first(rows: list[Row]) -> list[Row]:
    """The spending side of a summary that lists classes with their 款 and 项 under them
    (科学技术支出, 基础研究, 实验室及相关设施 … printed alike): the rows the catalogue knows
    as functional classes are level 1, the others level 2, so that the classes, not every
    row, add up to 本年支出合计."""
    from ..codes import functional

    def is_class(r: Row) -> bool:
        return any(i.level == 1 for i in functional.lookup_name(r.name))

    top = [i for i, r in enumerate(rows) if r.kind is RowKind.DATA and (r.level or 1) == 1]
    classes = [i for i in top if is_class(rows[i])]
    if len(classes) < 2:
        return rows
    # the other rows after the first class: a class's breakdown follows it
    under = {i for i in top if i > classes[0] and i not in classes
             and not _is_balance(rows[i].name)}
    return [evolve(r, level=2) if i in under else r for i, r in enumerate(rows)]


def _is_balance(name: str) -> bool:
    n = _norm(name)
    return any(w in n for w in ("结转", "结余", "预备费", "合计", "总计"))


def _item_levels(labels: Sequence[str], indents: Sequence[int], slack: int) -> list[int]:
    """The level of each item of a two-sided table: by how far it is indented (the least
    indented are level 1), and a numbered sub-item (1. …, （一）…, 其中…) under an item
    numbered 一、 is at least level 2: 一、财政拨款 373,795.79 over 一般公共预算 366,195.79."""
    steps: list[int] = []
    for x in sorted(set(indents)):
        if not steps or x - steps[-1] > slack:
            steps.append(x)
    out = []
    under_ordinal = False
    for label, x in zip(labels, indents, strict=True):
        level = 1 + sum(1 for st in steps[1:] if x >= st - slack)
        if _CN_ORDINAL.match(label):
            under_ordinal = True
        elif under_ordinal and _SUB_ITEM.match(label):
            level = max(level, 2)
        out.append(level)
    return out


_META: Final = re.compile(r"^(编制部门|编制单位|部门名称|单位名称|预算单位|预算主管部门|部门|单位)[:：]")
_META_VALUE: Final = re.compile(r"^(?:编制部门|编制单位|部门名称|单位名称|预算单位|预算主管部门|部门|单位)"
                                r"[:：]\s*(.*)$")
_META_NAME: Final = re.compile(r"\s{2,}|(?:金额)?单位[:：]")


def read_wide_table(kind: TableKind, segment: Sequence[object], findings: list[Finding],
                    default_unit: Unit | None, style: Style, pages: Sequence[int] = ()) -> Table:
    """Read one table (title line first) from wide text of ``style``; ``pages`` gives the
    page of each line of the text (line 1 first), when known.

    A 决算 “三公” table (预算数 and 决算数 under each item) is read by its template's
    column order (`govbudget._ingest._tables`): two rows, or a doubt when its figures cannot
    be placed."""
    if kind is TableKind.THREE_PUBLIC and _final_three_public(segment):
        from ._tables import read_table

        return read_table(kind, segment, findings, default_unit)  # type: ignore[arg-type]
    return _WideReader(kind, segment, findings, default_unit, style, pages).read()


def _final_three_public(segment: Sequence[object]) -> bool:
    text = "".join(str(getattr(ln, "text", "")) for ln in segment[:16])
    return "预算数" in text and "决算数" in text
