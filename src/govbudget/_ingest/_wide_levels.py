"""The items of a two-sided table (收支总表), which prints no codes: where a label starts
and ends, and the items' levels.

Levels come by indentation, by numbering (a numbered sub-item under an item numbered 一、
is level 2), by sums (items whose figures add up exactly to the numbered item above them
are its breakdown) and by the catalogue (the rows it knows as functional classes are
level 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from attrs import evolve

from .._lazy_re import lazy
from .._pattern_cache import compile_pattern
from .._tables import Row, RowKind, TableKind
from ._grid import Style, WCell
from ._table_cells import _CN_ORDINAL, _is_total
from ._wide_columns import _norm

_KNOWN_SUMMARY: Final = ("本年收入合计", "收入总计", "本年支出合计", "支出总计", "上年结转",
                         "年终结转", "结转下年", "年末结转和结余", "年初结转和结余", "收入合计",
                         "支出合计", "当年收入小计", "当年支出小计", "上年结转资金",
                         "结转下年资金", "使用非财政拨款结余", "结余分配", "总计", "合计",
                         "用事业基金弥补收支差额")


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


# The numbering of an outline, outermost first: 一、 > （一） > 1. > (1).
_OUTLINE_STYLES: Final = (
    compile_pattern(r"^[一二三四五六七八九十]+、"),
    compile_pattern(r"^[（(][一二三四五六七八九十]{1,3}[）)]"),
    compile_pattern(r"^\d{1,2}\s*[.、．](?!\d)"),
    compile_pattern(r"^[（(]\d{1,2}[）)]"),
)


def _outline_rank(label: str) -> int | None:
    """How deep ``label``'s numbering sits in the outline (0 for 一、), ``None`` unnumbered."""
    return next((k for k, p in enumerate(_OUTLINE_STYLES) if p.match(label)), None)


def _item_levels(labels: Sequence[str], indents: Sequence[int], slack: int) -> list[int]:
    """The level of each item of a two-sided table: by how far it is indented (the least
    indented are level 1), and by its numbering: an item numbered in a deeper style of
    the outline (一、 > （一） > 1. > (1)) than the numbered items open above it is one
    level below the last of them (一、财政拨款 373,795.79 over 1.一般公共预算 366,195.79; 1、财政拨款
    over (1)一般公共预算拨款收入), and a 其中 is one level below the item above it."""
    steps: list[int] = []
    for x in sorted(set(indents)):
        if not steps or x - steps[-1] > slack:
            steps.append(x)
    out: list[int] = []
    open_ranks: list[int] = []  # the numbering styles open above, outermost first
    for label, x in zip(labels, indents, strict=True):
        level = 1 + sum(1 for st in steps[1:] if x >= st - slack)
        rank = _outline_rank(label)
        if rank is not None:
            while open_ranks and open_ranks[-1] >= rank:
                open_ranks.pop()
            open_ranks.append(rank)
            level = max(level, len(open_ranks))
        elif label.startswith("其中") and out:
            level = max(level, out[-1] + 1)
        elif label.startswith(_KNOWN_SUMMARY):
            open_ranks = []
        out.append(level)
    return out


def orphan_items(labels: Sequence[str], levels: Sequence[int]) -> list[int]:
    """The items whose level is more than one below the item above them (the first item
    below level 1): a breakdown with no item to break down, so the levels (read from the
    labels' positions) are wrong. Totals are passed over.

    ```pycon
    >>> orphan_items(["一、一般公共服务支出", "二、外交支出", "八、社会保障和就业支出"], [2, 2, 1])
    [0]
    >>> orphan_items(["一、财政拨款", "1.一般公共预算", "本年收入合计"], [1, 2, 3])
    []

    ```
    """
    out = []
    above = 0
    for k, (label, level) in enumerate(zip(labels, levels, strict=True)):
        if _is_total(_CN_ORDINAL.sub("", label)) or label.startswith(_KNOWN_SUMMARY):
            continue
        if level > above + 1:
            out.append(k)
        above = level
    return out


_ITEM_START: Final = lazy(r"^(\d+[.、．]|[（(][一二三四五六七八九十]+[）)]|[（(]\d{1,2}[）)]|其中)")


def _starts_item(label: str) -> bool:
    """A label that starts an item of its own (numbered, 其中, a summary line), not the
    rest of a wrapped one."""
    return bool(_CN_ORDINAL.match(label)) or bool(_ITEM_START.match(label)) or any(
        label.startswith(k) for k in _KNOWN_SUMMARY)


def _complete_label(label: str) -> bool:
    """A label that reads as ended (…支出, …合计): the next line's text is not its rest."""
    return label.endswith(("支出", "收入", "合计", "总计", "小计", "结余", "结转", "资金",
                           "拨款", "预算", "经费", "分配"))


# Tables of functional classes: a hierarchy of codes (类, 款, 项).
_FUNCTIONAL_KINDS: Final = frozenset({
    TableKind.EXPENDITURE, TableKind.INCOME, TableKind.GENERAL_EXPENDITURE,
    TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL})


def _uncoded_hierarchy(rows: Sequence[Row]) -> bool:
    """Rows without codes that print classes (names the functional catalogue knows as 类)
    and other rows beside them (their 款 and 项)."""
    from ..codes import functional

    data = [r for r in rows if r.kind is RowKind.DATA and r.name]
    classes = sum(1 for r in data if any(i.level == 1 for i in functional.lookup_name(r.name)))
    return 0 < classes < len(data)


_ENUM: Final = compile_pattern(
    r"^\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[.、．]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*")


def _grouped_by_unit(parsed: Sequence[tuple[int, list[WCell], list[WCell]]],
                     style: Style) -> bool:
    """A row (name cells of each body line in ``parsed``) the catalogue does not know as an
    economic item with known economic classes indented under it: the table lists units,
    each with its classes (the first indented row may be a class in the unit's own wording,
    工资和福利支出: any row of the indented run counts)."""
    from ..codes import dept_economic

    def indent(cells: list[WCell]) -> int:
        if not cells:
            return -1
        return cells[0].indent if style == "grid" else cells[0].start

    def known(cells: list[WCell]) -> bool:
        name = "".join(c.text for c in cells)
        return bool(dept_economic.lookup_name(_ENUM.sub("", name)))

    for k, (_, a, _) in enumerate(parsed):
        if not a or known(a) or _is_total("".join(c.text for c in a)):
            continue
        for _, b, _ in parsed[k + 1:]:
            if not b or indent(b) <= indent(a):
                break
            if known(b):
                return True
    return False


def wrong_sides(*zones: Sequence[tuple[str, int]]) -> list[int]:
    """The lines of a two-sided table's labels (each zone's labels with their lines, income
    first) whose wording names the other side (一般公共服务支出 among the income labels,
    事业收入 among the spending ones): their positions were misread (text whose lines lost
    their leading spaces puts the spending panel's lone labels where the income panel's
    stand), and which side each label is on cannot be trusted. Only a table of two zones
    is asked.

    ```pycon
    >>> wrong_sides([("一、事业收入", 5), ("十、节能环保支出", 6)],
    ...             [("一、一般公共服务支出", 5), ("上年结转", 7)])
    [6]

    ```
    """
    from ._two_sided import _is_expenditure_label

    if len(zones) != 2:
        return []
    out = []
    for labels, other, spending_side in ((zones[0], "支出", False), (zones[1], "收入", True)):
        for label, line in labels:
            bare = _CN_ORDINAL.sub("", label)
            if bare.endswith(other) and not _is_total(bare) and (
                    spending_side or _is_expenditure_label(bare)):
                out.append(line)
    return out
