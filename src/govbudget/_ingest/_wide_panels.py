"""Tables printed in panels: one list of coded rows cut into columns of the page.

A 决算's 一般公共预算财政拨款基本支出决算表 (公开06) prints its economic items in panels
side by side: 人员经费 (301, 303) on the left, 公用经费 (302, 307, 310, 399) in one or two
panels on the right, each panel with the same columns (科目代码 | 科目名称 | 决算数). It
closes with each group's total (人员经费合计 | 公用经费合计, the second one's cell spanning
the right-hand panels). It is one table of economic items, read here as one block: each
panel's rows in order, panel after panel, then the closing totals.

Which panel a cell is in is told by its position against the panels' label columns; a
figure on a line whose panel prints no code and no name belongs to the total printed to
its left on the same line, when that total has no figure of its own (the merged cell of
公用经费合计). Anything else (a figure with no label, figures that fit no column) is a doubt of
the table, as in the other wide tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final, Protocol

from .._pattern_cache import compile_pattern
from .._tables import Block, Column, Row
from ._grid import Style, WCell
from ._table_cells import _CN_ORDINAL, _is_total
from ._wide_columns import _anchors, _Leaf, _match, _Zone

__all__ = ["is_panelled", "is_total_label", "merged_figures", "panel_of", "read_panels"]

# A panel's label column names a code (科目代码, 经济分类科目编码).
_CODED: Final = compile_pattern(r"编码|代码")
# A summary's total of the year's side (当年收入小计, 本年支出小计), before its carry-overs.
_YEAR_SUBTOTAL: Final = compile_pattern(r"^(?:当年|本年)(?:收入|支出)小计$")


def is_total_label(label: str) -> bool:
    """A total's label (合计, 总计, and a summary's 当年收入小计 / 本年支出小计), its ordinal
    (一、) dropped: the only labels whose cell may span panels."""
    name = _CN_ORDINAL.sub("", label)
    if name.replace(" ", "") == "小计":
        return False  # a panel's own subtotal
    return _is_total(name) or _YEAR_SUBTOTAL.match(name) is not None


class _Reader(Protocol):
    """What the panels need of the wide-table reader."""

    style: Style

    def doubt(self, reason: str, line: int) -> None: ...
    def _split_name(self, cells: list[WCell], line: int) -> tuple[list[WCell], list[WCell]]: ...
    def _code_of(self, names: list[WCell]) -> tuple[str | None, list[WCell], bool]: ...
    def _amount(self, cell: str, line: int) -> Decimal | None: ...
    def _columns(self, zone: _Zone, line: int) -> tuple[list[_Leaf], tuple[Column, ...]]: ...
    def _row(self, name: str, code: str | None, values: Sequence[Decimal | None],
             columns: tuple[Column, ...], line: int, projects: bool,
             name_cells: Sequence[WCell], gov: str | None = None) -> Row: ...


def is_panelled(zones: Sequence[_Zone]) -> bool:
    """Whether a header is two or more panels of the same columns, each opening with a
    code column (科目代码 | 科目名称 | 决算数, twice or three times)."""
    if len(zones) < 2 or any(z.label_leaf is None for z in zones):
        return False
    keys = [tuple(lf.key or "?" for lf in z.amount_leaves) for z in zones]
    if not keys[0] or any(k != keys[0] for k in keys) or any(
            k.startswith("?") or k == "row_no" for k in keys[0]):
        return False
    return all(z.label_leaf is not None and _CODED.search(z.label_leaf.label) for z in zones)


class _Entry:
    """A row being read: its line, code, name cells, figures and the panel they are in."""

    __slots__ = ("amounts", "code", "line", "name_cells", "panel")

    def __init__(self, line: int, code: str | None, name_cells: list[WCell],
                 amounts: list[WCell], panel: int) -> None:
        self.line = line
        self.code = code
        self.name_cells = name_cells
        self.amounts = amounts
        self.panel = panel

    @property
    def name(self) -> str:
        return "".join(c.text for c in self.name_cells)


def panel_of(cell: WCell, starts: Sequence[int], slack: int) -> int:
    """The panel a cell is in: the last one whose label column starts at or before it."""
    zi = 0
    for i, st in enumerate(starts):
        if cell.start >= st - slack:
            zi = i
    return zi


def read_panels(reader: _Reader, zones: Sequence[_Zone],
                body: Sequence[tuple[int, list[WCell]]]) -> Block | None:
    """The one block of a panelled table (see the module's text); ``None`` when the panels
    are not one list of one classification (a code printed in two panels, or codes of two
    schemes: 部门 301 beside 政府 501 classifies the same money twice)."""
    starts = [z.label_leaf.start if z.label_leaf is not None else z.start for z in zones]
    slack = 0 if reader.style == "grid" else 2
    panels: list[list[_Entry]] = [[] for _ in zones]
    totals: list[_Entry] = []
    for no, cells in body:
        parts: list[list[WCell]] = [[] for _ in zones]
        for c in cells:
            parts[panel_of(c, starts, slack)].append(c)
        pending: _Entry | None = None  # a label of this line still without its figures
        for zi, part in enumerate(parts):
            if not part:
                continue
            names, amounts = reader._split_name(part, no)
            code, name_cells, malformed = reader._code_of(names)
            if malformed:
                reader.doubt("codes", no)
            if not name_cells and code is None:
                if amounts and pending is not None:
                    pending.amounts, pending.panel = amounts, zi  # a merged cell
                    pending = None
                elif amounts:
                    reader.doubt("names", no)
                continue
            entry = _Entry(no, code, name_cells, amounts, zi)
            rows = panels[zi]
            if code is None and not amounts and rows and not _is_total(entry.name):
                # the rest of a wrapped name
                rows[-1].name_cells = rows[-1].name_cells + name_cells
                continue
            (totals if code is None and _is_total(entry.name) else rows).append(entry)
            # only a total spans panels (公用经费合计 over two of them)
            pending = entry if not amounts and is_total_label(entry.name) else None
    codes = [e.code for panel in panels for e in panel if e.code]
    if len(set(codes)) != len(codes) or len({c[0] for c in codes}) > 1:
        return None
    _, columns = reader._columns(zones[0], body[0][0])
    anchors = [_anchors([(0, e.amounts) for e in [*panels[zi], *totals] if e.panel == zi
                         and len(e.amounts) == len(z.amount_leaves)],
                        len(z.amount_leaves), reader.style) for zi, z in enumerate(zones)]
    out: list[Row] = []
    for entry in [e for panel in panels for e in panel] + totals:
        values: list[Decimal | None] = [None] * len(columns)
        if entry.amounts:
            leaves = zones[entry.panel].amount_leaves
            match = _match(entry.amounts, leaves, anchors[entry.panel], reader.style)
            if match is None:
                reader.doubt("columns", entry.line)
            else:
                for c, j in zip(entry.amounts, match, strict=True):
                    if j < len(values):
                        values[j] = reader._amount(c.text, entry.line)
        out.append(reader._row(entry.name, entry.code, values, columns, entry.line, False,
                               entry.name_cells))
    return Block(name="", columns=columns, rows=tuple(out))


def merged_figures(figures: list[WCell], own: _Zone, target: _Zone, style: Style
                   ) -> list[WCell] | None:
    """The figures of a zone that prints no label on their line, as figures of the label
    printed in ``target`` to their left (a merged cell: 当年支出小计 spanning the 功能分类
    and 支出用途 panels of a 收支总表, its figure under the last one): each figure put in the
    column of ``target`` of the same key as its own column, or ``None`` when that cannot be
    told."""
    leaves, wanted = own.amount_leaves, target.amount_leaves
    if not figures or len(figures) > len(wanted):
        return None
    if style != "grid":
        # no grid columns: matched to the target's columns one for one, when both zones
        # have the same columns, or not at all
        same = [lf.key for lf in leaves] == [lf.key for lf in wanted]
        return figures if same and len(figures) == len(wanted) else None
    by_key = {lf.key: lf for lf in wanted}
    out = []
    for c in figures:
        own_leaf = next((lf for lf in leaves if lf.start <= c.start < lf.end), None)
        lf = by_key.get(own_leaf.key) if own_leaf is not None else None
        if lf is None:
            return None
        out.append(WCell(c.text, lf.start, lf.end, c.indent))
    return out
