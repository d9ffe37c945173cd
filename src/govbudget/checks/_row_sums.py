"""Row sums across columns: a row's total column against its part columns, and a group's
小计 printed beside its parts (the in-table rules' shared arithmetic)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from decimal import Decimal
from functools import partial
from itertools import islice
from operator import is_not, itemgetter
from typing import Final, cast

from .._findings import Finding
from .._tables import Block, Row, Table
from ._context import Context, Figure, cell_figures, exact_sum

__all__ = ["_group_subtotals", "_row_columns_sum"]


def _row_columns_sum(ctx: Context, rule_id: str, t: Table, b: Block, parts: Sequence[str],
                     what: str, what_en: str, target: str = "total") -> Iterator[Finding]:
    """Each row: the ``target`` column (the total) equals the sum of ``parts`` columns."""
    keys = [k for k in parts if b.has(k)]
    if not b.has(target) or not keys:
        return
    ti = b.index(target)
    positions = [b.index(k) for k in keys]
    for r in _rows_not_adding_up(b.rows, ti, positions):
        values = r.values
        n = len(values)
        if exact_sum(t.unit, values[ti] if ti < n else None,
                     [values[i] if i < n else None for i in positions]):
            continue  # adds up: nothing to report, no figures needed
        total = Figure.cell(t, b, r, target)
        assert total is not None
        f = ctx.sum_check(rule_id, [x for k in keys for x in cell_figures(t, b, [r], k)], total,
            what=f"{t.title} “{r.name}”行{what}", what_en=f"{t.kind.value} row {r.code or r.name}: "
                                                    f"{what_en}")
        if f is not None:
            yield f


_ZERO = Decimal(0)
_PLAIN: Final = frozenset({Decimal, type(None)})  # what a cell holds: an amount or a blank
_PRINTED: Final = partial(is_not, None)


def _rows_not_adding_up(rows: Sequence[Row], ti: int, positions: Sequence[int]
                        ) -> Iterator[Row]:
    """The rows whose total cell may not be the sum of the cells at ``positions``: a row
    whose cells add up exactly is passed over here (with two parts, all printed, in one
    comparison: the common case, and the whole cost on a big table; with more parts,
    blanks counting as zeros); the others (with two parts a blank cell, an odd value, a
    sum that differs) go on to `exact_sum` and the figures."""
    if len(positions) != 2:
        # The same test for any number of parts, blanks as zeros (most cells of a summary
        # or an income table are blank), in C-level steps: the row's cells picked out at
        # once, their types checked as a set, the parts summed.
        cells = itemgetter(ti, *positions)
        width = len(positions) + 1
        for r in rows:
            try:
                got = cells(r.values)
                if (got[0] is None and got.count(None) == width) or _blanks_add_up(got):
                    continue  # blank throughout (the common row), or adds up
            except (IndexError, ArithmeticError):
                pass  # a short row or an odd value: decided the long way
            yield r
        return
    p0, p1 = positions
    # One Python-level test per row is the fastest form measured on CPython 3.11: the
    # same test in C-level steps over a chunk of rows (each column picked out with
    # ``map(itemgetter)``, ``map(add)``, ``map(eq)``, types checked as a set) took about
    # twice as long on a 1,000,000-row table (0.59 s against 0.27 s): ten C calls per
    # row cost more than the loop's specialised tuple indexing.
    for r in rows:
        v = r.values
        try:
            tv, a, c = v[ti], v[p0], v[p1]
            if a is not None and c is not None:
                if tv == a + c and type(tv) is Decimal and tv.is_finite():
                    continue
            else:
                # A blank part (a zero): the total is the other part, or zero when both
                # are blank (a total blank too, the common row, is zero as well).
                part = c if a is None else a
                tot = _ZERO if tv is None else tv
                if type(tot) is Decimal and (
                        tot == part and type(part) is Decimal and part.is_finite()
                        if part is not None else tot == _ZERO):
                    continue
        except (TypeError, IndexError, ArithmeticError):
            pass  # a missing cell or an odd value: decided the long way
        yield r


def _blanks_add_up(got: tuple[object, ...]) -> bool:
    """True when ``got[0]`` is exactly the sum of ``got[1:]``, every cell an amount or a
    blank (a zero): `exact_sum` of one row's picked-out cells, in C-level steps (the
    types checked as a set, the parts summed). Raises `ArithmeticError` on an odd
    amount (the caller decides those the long way)."""
    if not _PLAIN.issuperset(map(type, got)):
        return False
    tv = got[0]
    acc: Decimal = sum(cast("Iterator[Decimal]", filter(_PRINTED, islice(got, 1, None))), _ZERO)
    return bool(acc == (_ZERO if tv is None else tv)) and acc.is_finite()


# Source columns that are the sum of others when both are printed.
_SOURCE_GROUPS: Final = (
    ("grant", ("general_budget", "fund_budget", "state_capital")),
    ("special_account", ("education_fees", "other_special_account")),
)


def _group_subtotals(ctx: Context, rid: str, t: Table, b: Block, parts: list[str]
                     ) -> Iterator[Finding]:
    """A group's 小计 printed with its parts right after it (财政拨款 小计 | 一般公共预算 |
    政府性基金), or right before it, is their sum: the parts are taken out of ``parts``
    (the total is the sum of the top-level columns, the 小计 among them) and the 小计 is
    checked against them. The parts of 上年结转 (``carryover_*``) are a group of their own
    (and its 财政拨款 of its own parts)."""
    keys = [c.key for c in b.columns]
    carried = tuple(k for k in keys if k.startswith("carryover_"))
    groups: list[tuple[str, tuple[str, ...], bool]] = [(g, ms, True) for g, ms in _SOURCE_GROUPS]
    groups += [("carryover_" + g, tuple("carryover_" + m for m in ms), False)
               for g, ms in _SOURCE_GROUPS]
    groups.append(("carryover", carried, False))
    for group, members, year_grants in groups:
        if group not in parts:
            continue
        at = keys.index(group)
        if year_grants and any(w in b.columns[at].label for w in ("结转", "结余")):
            continue  # 上年财政拨款结转: a carry-over, not the 小计 of the year's grants
        kids = list(itertools.takewhile(members.__contains__, keys[at + 1:])) or list(
            reversed(list(itertools.takewhile(members.__contains__, reversed(keys[:at])))))
        kids = [k for k in kids if k in parts]  # (not a part taken by a narrower group)
        for k in kids:
            parts.remove(k)
        if len(kids) >= 2:  # (one part alone, 其中：教育收费, may not be all of it)
            yield from _row_columns_sum(ctx, rid, t, b, kids, "小计与其各项之和",
                                        f"{group} vs its parts", target=group)
