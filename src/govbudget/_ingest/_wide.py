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
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from attrs import evolve

from .._findings import Finding, Location, Severity
from .._money import Unit
from .._pattern_cache import compile_pattern
from .._tables import COLUMN_LABELS, Block, Column, Row, RowKind, Table, TableKind
from ._grid import Style, WCell, wide_cells
from ._table_cells import (
    _CN_ORDINAL,
    _code_level,
    _econ_level,
    _fix_unit_levels,
    _is_total,
    _is_value,
    _strip_outline,
    _value_of,
    projects_kind,
    units_by_sums,
)
from ._text import DASHES
from ._titles import (
    _MONEY_UNIT,
    _UNIT_NAME,
    classify_title,
    generic_title,
    table_number,
    without_unit,
)
from ._two_sided import _is_expenditure_label
from ._wide_columns import (
    _COLUMN_MARK,
    _ROWNO_WORDS,
    _anchors,
    _column_numbers,
    _header_zones,
    _is_label_column,
    _label_key,
    _Leaf,
    _match,
    _norm,
    _unit_code_column,
    _without_unit_code,
    _Zone,
    doubt_objects,
    final_three_public,
)
from ._wide_levels import (
    _ENUM,
    _FUNCTIONAL_KINDS,
    _complete_label,
    _grouped_by_unit,
    _starts_item,
    _uncoded_hierarchy,
    wrong_sides,
)
from ._wide_panels import is_panelled, is_total_label, merged_figures, panel_of, read_panels
from ._wide_sides import side_blocks

__all__ = ["read_wide_table"]

_ANY_DIGIT: Final = compile_pattern(r"\d")
_YEARISH: Final = compile_pattern(r"^(19|20)\d\d(年.*)?$")
_CODE7: Final = compile_pattern(r"^(\d{3}|\d{5}|\d{7}|\d{9})$")
_SMALL: Final = compile_pattern(r"^\d{1,2}$")
_THREE: Final = compile_pattern(r"^\d{3}$")
_EMPTY_NOTE: Final = compile_pattern(r"无数据|空表|本表为空|此表为空|本表无|无发生额|^（?无）?$")  # (注：无。 is no note)
# Digits and separators that read as no amount (125360,898): a figure printed wrong.
_FIGURE_LIKE: Final = compile_pattern(r"^-?\d[\d,，.．]*$")
_SENTENCE: Final = compile_pattern(r"[，。；：:、“”]")
_HEADER_LINE: Final = compile_pattern(r"^(?:类款项?|类|款|项|栏次|行次|项目|科目编码|科目名称|功能分类科目编码|"
                                 r"功能分类科目名称|经济分类科目编码|经济分类科目名称|单位名称|项目名称|"
                                 r"[^\d]{0,12}(?:科目编码|科目名称)(?:类款项?)?)$")


# The item rows of a 三公 table printed with the items as rows.
_THREE_ITEM: Final = compile_pattern(r"^(?:[一二三四五六七八九十]、|\d[.、．])?(?:因公出国|公务接待|公务用车)")


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
        self.numbers: list[WCell] = []  # a column-number line's numbers (栏次 1 2 3)

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
        year_title = without_unit(self.title)
        number = ""
        mu = _MONEY_UNIT.search(self.title.replace(" ", "")) if year_title != self.title else None
        unit: Unit | None = Unit.parse(mu.group(1)) if mu else None  # (…表（单位：元）)
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
                    if "单位" in t and (mu := _MONEY_UNIT.search(t.replace(" ", ""))):
                        unit = Unit.parse(mu.group(1))  # (…表（单位：万元）: on its line)
                        t = without_unit(t)
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
            cells = wide_cells(raw, self.style, in_name=not projects_kind(self.kind))
            if not cells:
                continue
            if not in_body and self._starts_body(cells, t):
                in_body = True
            if in_body:
                if self._repeated_header(cells, t):
                    continue
                body.append((no, cells))
            elif _column_numbers(cells) and (self.style == "grid" or any(
                    _COLUMN_MARK.match(c.text) for c in cells)):
                # ``** ** 1 2 3 …`` / ``栏次 1 2 3``: no part of the labels above them; in
                # layout text the numbers stand where the columns' figures are centred
                self.numbers = [c for c in cells if not _COLUMN_MARK.match(c.text)]
                continue
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
        zones = _header_zones(header, self.style, self.kind, self.numbers)
        two_sided = self.kind in (TableKind.SUMMARY, TableKind.GRANT_SUMMARY) or (
            len([z for z in zones if z.label_leaf is not None]) >= 2)
        if not body:
            blocks: tuple[Block, ...] = self._empty_blocks(zones, two_sided)
        elif self.kind is TableKind.BASIC_ECONOMIC and is_panelled(zones) and (
                panelled := read_panels(self, zones, body)) is not None:
            blocks = (panelled,)  # 人员经费 | 公用经费 side by side
        elif two_sided:
            blocks = self._multi(zones, body)
        else:
            blocks = (self._single(zones, body),)
            rows, doubtful = units_by_sums(blocks[0].rows, self.kind, unit_name)
            blocks = (evolve(blocks[0], rows=tuple(rows)),)
            if doubtful:
                self.doubt("unit_levels", body[0][0])
        has_data = any(v for b in blocks for r in b.rows for v in r.values if v)
        if empty and has_data:
            self._finding("reading.empty_note_with_data", title_line.no,  # type: ignore[attr-defined]
                          "表格注明无数据（空表），但有数据行",
                          "the table says it has no data but has figures")
        doubts = tuple(doubt_objects(self.doubts))
        return Table(kind=self.kind, number=number, title=self.title, unit=unit,
                     blocks=blocks, unit_name=unit_name, empty=empty and not has_data, note=note,
                     line=title_line.no, doubts=doubts)  # type: ignore[attr-defined]

    @staticmethod
    def _has_amounts(raw: str) -> bool:
        return bool(_ANY_DIGIT.search(raw)) and any(
            _is_value(c.text) and not _YEARISH.match(c.text) for c in wide_cells(raw, "layout"))

    def _starts_body(self, cells: list[WCell], flat: str) -> bool:
        if self.style == "grid" and self.kind is TableKind.THREE_PUBLIC and len(cells) == 1 \
                and cells[0].start == 0 and _THREE_ITEM.match(cells[0].text):
            return True  # an item row of a ruled 三公 table with no figures (因公出国 blank)
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
        """A header printed again on a new page: labels, one cell of the header's, 栏次 1 2 3
        (an item numbered 四、…, blank, is a row even when it names a column: 上级补助收入)."""
        if any(_is_value(c.text) or _ENUM.match(c.text) for c in cells):
            return _column_numbers(cells) and any(_COLUMN_MARK.match(c.text) for c in cells)
        labels = 0
        if _HEADER_LINE.match(flat) or (not _is_total(flat) and {_norm(c.text) for c in cells}
                                         <= {_norm(h.text) for h in self.header_cells}):
            return True
        for c in cells:
            t = _norm(c.text)
            if _label_key(t, self.kind) is not None or _is_label_column(t) or t in (
                    "类", "款", "项", "收入", "支出", "项目", "预算数", "决算数"):
                labels += 1
        return labels == len(cells) and (len(cells) >= 2 or flat in (
            "项目", "科目编码", "功能分类科目编码"))

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
            if key != "carryover" and _label_key(lf.parent, self.kind) == "carryover":
                key = f"carryover_{key}"  # 上年结转结余 | 一般公共预算 …: its part, not 本年's
            if key in seen:
                self.doubt("header", line)
                key = f"{key}_{len(cols) + 1}"
            seen.add(key)
            cols.append(Column(key, lf.label or COLUMN_LABELS.get(key, key)))
        return keep, tuple(cols)

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
        unit_codes = _unit_code_column(zone, self.header_cells)
        for no, cells in body:
            if unit_codes:
                cells = _without_unit_code(cells, zone, self.style)
            names, amounts = self._split_name(cells, no)
            parsed.append((no, names, amounts))
        # Layout text places each page afresh: the columns' positions are worked out per
        # page, and the header's positions hold only on the page it is printed on.
        by_page: dict[int, list[tuple[int, list[WCell]]]] = {}
        for no, _, a in parsed:
            by_page.setdefault(self.page(no), []).append((no, a))
        page_anchors = {p: _anchors(rows_, len(all_leaves), self.style) for p, rows_ in by_page.items()}
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
                match = _match(amounts, all_leaves, anchors, self.style)
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
                    if any(r.name == name and r.line != no for r in rows):
                        self.doubt("names", no)  # a second: the row wrapped over lines
                elif zone.label_leaf is None and len(body) == 1:
                    name = "合计"  # no label column, one row: the table's total
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
                _grouped_by_unit(parsed, self.style):
            # each unit's rows, its classes indented under it: not one economic hierarchy
            self.doubt("units", body[0][0])
        if self.kind in _FUNCTIONAL_KINDS and not coded_table and _uncoded_hierarchy(rows):
            # classes printed with their 款 and 项 by name alone: which rows add up to which
            # is not printed, no class total can be told from its items
            self.doubt("levels", body[0][0])
        _fix_unit_levels(rows, self.kind)
        return Block(name="", columns=columns, rows=tuple(rows))

    def _two_name_columns(self, zones: list[_Zone]) -> bool:
        return any(z.label_leaf is not None and "政府" in z.label_leaf.label for z in zones)

    def _row(self, name: str, code: str | None, values: Sequence[Decimal | None],
             columns: tuple[Column, ...], line: int, projects: bool,
             name_cells: Sequence[WCell], gov: str | None = None) -> Row:
        vals = tuple(values) + (None,) * (len(columns) - len(values))
        name = name.strip()
        if any(_is_value(w) and "." in w for c in name_cells for w in c.text.split()):
            self.doubt("names", line)  # figures inside a name's cell: cells run together
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

    def _split_name(self, cells: list[WCell], line: int) -> tuple[list[WCell], list[WCell]]:
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
                self.doubt("columns", line)
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
        row_numbers = any(w in c.text for c in self.header_cells for w in _ROWNO_WORDS)
        for no, cells in body:
            parts: list[list[WCell]] = [[] for _ in label_zones]
            pending: tuple[int, int] | None = None  # a label of this line without figures
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
                    parts[panel_of(c, starts, slack)].append(c)
            for zi, part in enumerate(parts):
                if not part:
                    continue
                label_cells = [c for c in part if not _is_value(c.text)]
                value_cells = [c for c in part if _is_value(c.text)]
                zone_items = items[zi]
                label = "".join(c.text for c in label_cells)
                if label and not value_cells and zone_items and not _starts_item(label) \
                        and zone_items[-1][2] is not None and self.style != "grid":  # (rows)
                    last = zone_items[-1]
                    if not _complete_label(last[0]):
                        zone_items[-1] = (last[0] + label, last[1], last[2])
                        continue
                if label:
                    zone_items.append((label, no, value_cells))
                    pending = None if value_cells or not is_total_label(label) else (
                        zi, len(zone_items) - 1)  # only a total may span the zones after it
                    first = label_cells[0]
                    indents[zi].append(first.indent if self.style == "grid" else (
                        first.start if self.style == "layout" else 0))
                    if value_cells:
                        anchors_rows[zi].append(value_cells)
                elif value_cells:
                    target = next((i for i in range(len(zone_items) - 1, -1, -1)
                                   if not zone_items[i][2]), None)
                    merged = None if pending is None else merged_figures(
                        value_cells, label_zones[zi], label_zones[pending[0]], self.style)
                    # Figures with no label: the merged cell of the total left of them, or
                    # (layout text) a wrapped label's of their zone, a line below it; a grid
                    # line holds whole rows, and two possible owners are not guessed.
                    if pending is not None and merged is not None and target is None:
                        lab, line0, _ = items[pending[0]][pending[1]]
                        items[pending[0]][pending[1]] = (lab, line0, merged)
                        pending = None
                        continue
                    if target is not None and (self.style == "grid" or merged is not None):
                        self.doubt("columns", no)
                        continue
                    first_amount = min((lf.start for lf in label_zones[zi].amount_leaves),
                                       default=-1)
                    if self.style == "layout" and target is not None \
                            and all(c.end <= first_amount for c in value_cells):
                        # figures left of every amount column of their zone (a row wrapped
                        # to the margin): under no column, of no known item
                        self.doubt("names", no)
                        continue
                    if target is None:  # (small numbers alone: row numbers, in a 行次 table)
                        if not (row_numbers and all(_SMALL.match(c.text) for c in value_cells)):
                            self.doubt("names", no)
                        continue
                    lab, line0, _ = zone_items[target]
                    zone_items[target] = (lab, line0, value_cells)
        for line in wrong_sides(*([(lab, no) for lab, no, _ in zone] for zone in items)):
            self.doubt("sides", line)
        return side_blocks(self, label_zones, items, indents, anchors_rows, names, body[0][0])

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


_META: Final = compile_pattern(r"^(编制部门|编制单位|部门名称|单位名称|预算单位|预算主管部门|部门|单位)[:：]")
_META_VALUE: Final = compile_pattern(r"^(?:编制部门|编制单位|部门名称|单位名称|预算单位|预算主管部门|部门|单位)"
                                r"[:：]\s*(.*)$")
_META_NAME: Final = compile_pattern(r"\s{2,}|(?:金额)?单位[:：]")


def read_wide_table(kind: TableKind, segment: Sequence[object], findings: list[Finding],
                    default_unit: Unit | None, style: Style, pages: Sequence[int] = ()) -> Table:
    """Read one table (title line first) from wide text of ``style``; ``pages`` gives the
    page of each line of the text (line 1 first), when known.

    A 决算 “三公” table (预算数 and 决算数 under each item) is read by its template's
    column order (`govbudget._ingest._tables`): two rows, or a doubt when its figures cannot
    be placed."""
    if kind is TableKind.THREE_PUBLIC and final_three_public(segment):
        from ._tables import read_table

        return read_table(kind, segment, findings, default_unit)  # type: ignore[arg-type]
    return _WideReader(kind, segment, findings, default_unit, style, pages).read()
