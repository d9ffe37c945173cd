"""The blocks of a two-sided wide table (收支总表 and the like): each zone's items, with
their figures placed in the zone's columns and their levels (`govbudget._ingest._wide`
gathers the items; `govbudget._ingest._wide_levels` tells the levels)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .._tables import COLUMN_LABELS, Block, Column, Row, RowKind
from ._grid import WCell
from ._table_cells import _CN_ORDINAL
from ._wide_columns import _anchors, _match, _Zone
from ._wide_levels import _breakdowns, _classes_first, _item_levels, orphan_items
from ._wide_panels import _Reader, is_total_label

__all__ = ["side_blocks"]


def side_blocks(reader: _Reader, label_zones: Sequence[_Zone],
                items: Sequence[Sequence[tuple[str, int, list[WCell]]]],
                indents: Sequence[Sequence[int]], anchors_rows: Sequence[list[list[WCell]]],
                names: Sequence[str], first_line: int) -> tuple[Block, ...]:
    """One block a zone: its items as rows, each figure in the column its position (or,
    a figure in every column, its order) gives, a figure that fits no column a doubt; the
    items' levels from their positions and numbering, which must nest (a breakdown of
    nothing is a doubt); the first zone's 合计 column is its 金额."""
    blocks = []
    for zi, zone in enumerate(label_zones):
        leaves, columns = reader._columns(zone, first_line)
        all_leaves = zone.amount_leaves
        if not all_leaves:
            all_leaves = leaves = []
            columns = (Column("total", COLUMN_LABELS["total"]),) if zi < 2 else ()
        anchors = _anchors([(0, r) for r in anchors_rows[zi]], len(all_leaves), reader.style)
        rows = []
        labels = [lab for lab, _, _ in items[zi]]
        levels = _item_levels(labels, indents[zi], slack=1 if reader.style == "layout" else 0)
        for k in orphan_items(labels, levels):  # a breakdown with no item above it
            reader.doubt("levels", items[zi][k][1])
        for (label, line, vals), level in zip(items[zi], levels, strict=True):
            values: list[Decimal | None] = [None] * len(columns)
            if all_leaves:
                match = _match(vals, all_leaves, anchors, reader.style)
                if match is None:
                    reader.doubt("columns", line)
                else:
                    index = {id(lf): i for i, lf in enumerate(leaves)}
                    for c, j in zip(vals, match, strict=True):
                        pos = index.get(id(all_leaves[j]))
                        if pos is not None:
                            values[pos] = reader._amount(c.text, line)
            elif vals:
                if len(vals) > len(columns):
                    reader.doubt("columns", line)
                for j, c in enumerate(vals[: len(columns)]):
                    values[j] = reader._amount(c.text, line)
            name = _CN_ORDINAL.sub("", label)
            total = is_total_label(name)
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
