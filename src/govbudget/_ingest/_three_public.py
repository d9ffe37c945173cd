"""The “三公” table (因公出国（境）费, 公务用车购置及运行费, 公务接待费) in its layouts.

Budgets print the items as rows or (Ministry of Finance) as columns; a 决算 prints each item
twice, as 预算数 and 决算数, interleaved or in two blocks, or the items as rows with
预算数 | 决算数 as columns. Every layout becomes the 预算数 and 决算数 rows under the item
columns; figures that cannot be placed make the table doubtful.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from .._lazy_re import lazy
from .._money import Unit
from .._tables import COLUMN_LABELS, FINAL_ROWS, Block, Column, Doubt, Row
from ._table_cells import _ROW_NUMBER, _WS, _is_colnums, _is_total, _is_value, _Reading
from ._text import Line, cell_tuple, is_amount

__all__ = ["read_three_public_columns", "read_three_public_final", "rows_are_items",
           "three_public_item_keys"]

# 三公 printed with the items as columns (Ministry of Finance layout).
_THREE_PUBLIC_ITEMS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("abroad", ("因公出国",)),
    ("reception", ("公务接待",)),
    ("vehicles", ("公务用车购置及运行", "购置及运行")),
    ("vehicle_purchase", ("公务用车购置费", "购置费")),
    ("vehicle_operation", ("公务用车运行维护费", "公务用车运行费", "运行维护费", "运行费")),
    ("operating_costs", ("机关运行经费", "机关运行经")),  # (wrapped: 机关运行经 | 费预算数)
)
_ITEM_PREFIX: Final = lazy(r"^(?:其中[:：])?[①②③④⑤⑥⑦⑧⑨⑩]?(?:[一二三四五六七八九十]+、|"
                                  r"[（(][一二三四五六七八九十\d]+[）)]|\d+[、.])?")


def _is_final_three_public(header: str, body: Sequence[Line]) -> bool:
    """A 决算 “三公” table: its header (which may have started the body) names both the
    预算数 and the 决算数 columns."""
    text = header + "".join(ln.text for ln in body[:12])
    return "决算数" in text and "预算数" in text


# The column order of the 决算 “三公” table (see `read_three_public_final`).
_THREE_PUBLIC_FINAL_ORDER: Final = ("total", "abroad", "vehicles", "vehicle_purchase",
                                    "vehicle_operation", "reception")


def rows_are_items(body: Sequence[Line]) -> bool:
    """The items (因公出国, 公务接待, 公务用车) start lines: they are the table's rows."""
    for ln in body:
        c = cell_tuple(ln.text)
        if c and c[0].lstrip("①②③④⑤").startswith(("因公出国", "公务接待", "公务用车")):
            return True
    return False

def _labels_in(text: str) -> dict[str, int]:
    """The item columns whose labels *text* prints, with where each starts. A label found
    is blanked out (its length kept) so that 公务用车购置及运行费 does not count again as
    运行费 and the positions of the labels after it stay comparable."""
    at: dict[str, int] = {}
    for key, labels in _THREE_PUBLIC_ITEMS:
        lab = next((lab for lab in labels if lab in text), None)
        if lab is not None:
            at[key] = text.index(lab)
            text = text.replace(lab, "|" * len(lab), 1)
    return at


def three_public_item_keys(header: str) -> list[str]:
    """The item columns a “三公” header names (合计 first, then the items in the fixed
    order of `_THREE_PUBLIC_ITEMS`).

    >>> three_public_item_keys("合计 因公出国（境）费 公务用车购置及运行费 公务接待费")
    ['total', 'abroad', 'reception', 'vehicles']
    """
    at = _labels_in(_WS.sub("", header))
    return ["total", *(key for key, _ in _THREE_PUBLIC_ITEMS if key in at)]


# The items under 公务用车购置及运行费 in a two-level header; the others are top-level.
_VEHICLE_PARTS: Final = ("vehicle_purchase", "vehicle_operation")
# Pieces of an item label left on a line once the whole labels are taken out: a label
# wrapped over two lines (公务用车购置及 | 运行费, 因公出 | 国（境）费).
_LABEL_PIECES: Final = ("因公出", "公务接", "公务用车", "购置", "运行")


def _column_order(parts: Sequence[str]) -> list[str] | None:
    """The item columns in the header's printed order, or None when the header does not
    give it (a label wrapped over lines, or no line that prints every item).

    A line printing every item label gives the order (the last such line: a caption
    above the column heads may list the items in another order). A two-level header
    prints the top-level items on one line and 小计 购置费 运行费 under
    公务用车购置及运行费 on a later line: those go where 公务用车 stands.
    """
    per_line = [(part, _labels_in(part)) for part in parts]
    for part, at in per_line:
        rest = part
        for key in at:
            lab = next(lab for lab in dict(_THREE_PUBLIC_ITEMS)[key] if lab in rest)
            rest = rest.replace(lab, "|", 1)
        if any(piece in rest for piece in _LABEL_PIECES):
            return None
    found = {key for _, at in per_line for key in at}
    top = found.difference(_VEHICLE_PARTS)
    full = [(part, at) for part, at in per_line if found <= at.keys()]
    if full:
        part, at = full[-1]
        at = {**at, "total": part.find("合计")}
        return sorted(at, key=at.__getitem__)
    if not found & set(_VEHICLE_PARTS) or "vehicles" not in top:
        return None
    heads = [i for i, (_, at) in enumerate(per_line) if top <= at.keys()]
    if not heads:
        return None
    part, at = per_line[heads[-1]]
    under = [(p, a) for p, a in per_line[heads[-1] + 1:] if set(_VEHICLE_PARTS) <= a.keys()
             and not a.keys() & top]
    if not under or "小计" not in under[0][0]:
        return None  # no 小计: whether 公务用车 has a column of its own cannot be told
    at = {**at, "total": part.find("合计")}
    order = sorted(at, key=at.__getitem__)
    sub = sorted(_VEHICLE_PARTS, key=under[0][1].__getitem__)
    i = order.index("vehicles") + 1
    return [*order[:i], *sub, *order[i:]]


def read_three_public_columns(reader: _Reading, body: Sequence[Line], header: str
                               ) -> tuple[Block, ...]:
    """A budget “三公” table with the items as columns (Ministry of Finance layout)."""
    order = _column_order([_WS.sub("", part) for part in reader.header_parts])
    keys = three_public_item_keys(header) if order is None else order
    columns = tuple(Column(k, COLUMN_LABELS.get(k, k)) for k in keys)
    if order is None and len(columns) > 2 and body:
        # Item labels wrapped over several lines (interleaved in text without layout), and
        # templates print the items in different orders (公务接待费 before or after
        # 公务用车): which figure is which item cannot be told.
        reader.doubts.append(Doubt(
            "columns", "“三公”经费各列的次序无法从表头确定（表头折行）",
            "the order of the 三公 columns cannot be told from the header (its labels "
            "wrap)", (body[0].no,)))
    rows: list[Row] = []
    unlabelled: list[int] = []  # lines of figures with no label
    for ln in body:
        c = cell_tuple(ln.text)
        if not c:
            continue
        name = "" if is_amount(c[0]) else c[0]
        vals = c if not name else c[1:]
        amounts = [reader.amount(v, ln.no) for v in vals[: len(columns)]]
        if len(vals) > len(columns) and any(vals[len(columns):]):
            reader.finding("reading.unplaced_figure", ln.no, "多出的数值无法对应到列",
                          "figures do not fit the columns",
                          actual=" ".join(vals[len(columns):]))
        if not reader.blanks and 0 < len([v for v in vals if v]) < len(columns):
            reader.doubts.append(Doubt(
                "columns", f"文本未标出空白单元格，“三公”经费表共{len(columns)}列，该行只有"
                f"{len([v for v in vals if v])}个数值，无法确定各数值所在的列",
                f"the text does not mark blank cells: the 三公 table has {len(columns)} "
                f"columns but the line has {len([v for v in vals if v])} figures",
                (ln.no,)))
        amounts += [None] * (len(columns) - len(amounts))
        if any(a is not None for a in amounts):
            if not name and len(unlabelled) == 1:  # (said once, of the first two lines)
                # a second line of figures with no label: the one row wrapped over two
                # lines (its figures split), or rows whose labels were lost
                reader.doubts.append(Doubt(
                    "names", "“三公”经费表有多行无标签的数值（行可能折行），无法确定各数值所在的行和列",
                    "the 三公 table has several lines of figures with no label (a row "
                    "wrapped over lines?): their rows and columns cannot be told",
                    (unlabelled[0], ln.no)))
            if not name:
                unlabelled.append(ln.no)
            rows.append(Row(name=name or "预算数", values=tuple(amounts), line=ln.no))
    return (Block(name="", columns=columns, rows=tuple(rows)),)

def read_three_public_final(reader: _Reading, body: Sequence[Line], header: str, found: Sequence[str]
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
    items = _three_public_item_rows(reader, body)
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
            cells = cell_tuple(ln.text)
            if "\t" in ln.text and cells[0] == c[0] and "" in cells[1:len(c) + 1]:
                # Cells from a ruled grid keep their blanks: a blank item (no 因公出国
                # at all) holds its place, the figures after it are not moved left.
                vals = list(cells[1:])
            if len(vals) > n:
                reader.finding("reading.unplaced_figure", ln.no, "多出的数值无法对应到列",
                              "figures do not fit the columns", actual=" ".join(vals[n:]))
            amounts = [reader.amount(v, ln.no) if v else None for v in vals[:n]]
            amounts += [None] * (n - len(amounts))
            rows.append(Row(name=c[0], values=tuple(amounts), line=ln.no))
            continue
        if not all(_is_value(x) for x in c):
            continue
        if len(c) == 1 and _ROW_NUMBER.match(c[0]) and reader.unit is not Unit.YUAN:
            continue  # a page number (amounts in 万元 print decimals)
        if len(c) != 2 * n and "\t" in ln.text:
            # Cells from a ruled grid keep their blanks: with one field per column, each
            # figure stands in its own column (a blank 购置费 in both halves).
            fields = list(cell_tuple(ln.text))
            if len(fields) == 2 * n and all(not x or _is_value(x) for x in fields):
                c = fields
        if len(c) != 2 * n:
            reader.doubts.append(Doubt(
                "columns", f"“三公”经费预算数、决算数共{2 * n}列，该行只有{len(c)}个数值，"
                "无法确定各数值所在的列",
                f"the 三公 table has {2 * n} columns (预算数 and 决算数) but the line has "
                f"{len(c)} figures: their columns cannot be told", (ln.no,)))
            continue
        budget = c[0::2] if interleaved else c[:n]
        final = c[1::2] if interleaved else c[n:]
        for name, vals in ((FINAL_ROWS["budget"], budget), (FINAL_ROWS["final"], final)):
            rows.append(Row(name=name, values=tuple(reader.amount(v, ln.no) if v else None
                                                    for v in vals), line=ln.no))
    return (Block(name="", columns=columns, rows=tuple(rows)),)

def _three_public_item_rows(reader: _Reading, body: Sequence[Line]) -> tuple[Block, ...]:
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
            reader.doubts.append(Doubt(
                "columns", f"“三公”经费“{name}”行应有预算数、决算数两个数值，实有{len(c) - 1}个",
                f"the 三公 row {name!r} should have 2 figures (预算数, 决算数), has "
                f"{len(c) - 1}", (ln.no,)))
            continue
        found[key] = (reader.amount(c[1], ln.no), reader.amount(c[2], ln.no))
        lines[key] = ln.no
    if not found:
        return ()
    keys = [k for k in _THREE_PUBLIC_FINAL_ORDER if k in found]
    columns = tuple(Column(k, COLUMN_LABELS.get(k, k)) for k in keys)
    line = min(lines.values())
    rows = tuple(Row(name=FINAL_ROWS[which], values=tuple(found[k][i] for k in keys),
                     line=line) for i, which in enumerate(("budget", "final")))
    return (Block(name="", columns=columns, rows=rows),)
