"""Cost lists and quantity × rate statements, over the tokens (see `govbudget.prose`).

These walks decide which figures belong together (the items a total closes, the
quantities a rate is multiplied by); they add and multiply nothing: the rules do.
"""

from __future__ import annotations

import functools
from typing import Final, NamedTuple

from .._lazy_re import lazy
from .._record import Record
from ._scan import _PART_RE, _normalised, _scan, _Tok, _windows

_TIMES: Final = lazy(r"\s*[*×xX]\s*")  # a product's sign between its factors


class RawList(NamedTuple):
    """A stated total and what may add up to it: the items since the previous total and
    the totals closed before it (subtotals); ``header``: the total was stated before
    ``其中`` and closes the list after it."""

    total: _Tok
    items: tuple[_Tok, ...]
    subtotals: tuple[_Tok, ...]
    etc: bool  # the list ends with 等 (not exhaustive)
    header: bool


@functools.lru_cache(maxsize=1024)
def cost_lists(raw: str) -> tuple[RawList, ...]:
    """The cost lists of a text (cached: a pure function of the text, and reports of one
    template repeat their texts)."""
    text = _normalised(raw)
    toks = _scan(raw)
    windows = _windows(raw)
    out: list[RawList] = []
    items: list[_Tok] = []
    subtotals: list[_Tok] = []
    header: _Tok | None = None
    last_total: _Tok | None = None
    last_money: _Tok | None = None
    prev_end = 0
    for i, t in enumerate(toks):
        if t.kind == "reset":
            if last_money is not None and last_money is last_total and not items:
                header = last_total
                last_total = None
            items = []
            subtotals = []
            continue
        if not t.is_amount:
            if t.kind == "rate":
                prev_end = t.end
            continue
        if not windows[i][2]:
            items.append(t)
            last_money = t
            prev_end = t.end
            continue
        etc = "等" in text[prev_end:t.start]
        if items or subtotals:
            out.append(RawList(t, tuple(items), tuple(subtotals), etc, False))
        subtotals.append(t)
        items = []
        last_total = t
        last_money = t
        prev_end = t.end
    if header is not None and (last_total is None or last_total.money != header.money) \
            and (subtotals or items):
        out.append(RawList(header, tuple(items), tuple(subtotals), False, True))
    return tuple(out)


# -- prose: products -----------------------------------------------------------------------


class _Group(Record):
    __slots__ = ("assigned", "extra", "rate")

    def __init__(self, rate: _Tok) -> None:
        self.rate = rate
        self.assigned: dict[str, _Tok] = {}
        self.extra: list[_Tok] = []

    def missing(self) -> list[str]:
        return [d for d in self.rate.dens if d not in self.assigned]


class RawProduct(NamedTuple):
    """A quantity × rate statement: each rate with its quantities, and the amount stated
    with them; ``estimate``: some figure is 约/左右, or the statement was closed by an
    earlier amount."""

    groups: tuple[tuple[_Tok, tuple[_Tok, ...]], ...]
    stated: _Tok
    estimate: bool


@functools.lru_cache(maxsize=1024)
def products(raw: str) -> tuple[RawProduct, ...]:
    """Quantity × rate statements of a text whose figures are all there (cached)."""
    return tuple(_products_of(raw))


def _products_of(raw: str) -> list[RawProduct]:
    text = _normalised(raw)
    toks = [*_scan(raw), _Tok("stop", len(text), len(text), "")]  # a stop closes the last
    out: list[RawProduct] = []
    pending: list[_Group] = []
    free_qty: list[_Tok] = []
    free_amount: _Tok | None = None
    last_qty: _Tok | None = None
    last_qty_group: _Group | None = None

    def chained(a: _Tok, b: _Tok) -> bool:
        return _TIMES.fullmatch(text, a.end, b.start) is not None

    def evaluate(amount: _Tok, fallback: bool, window: str) -> None:
        if _PART_RE.search(window):
            return
        estimate = fallback or amount.approx
        groups = []
        for g in pending:
            if any(d != "年" for d in g.missing()):
                return
            qs = [*g.assigned.values(), *g.extra]
            if any(q.hi is not None or q.bound for q in qs):
                return
            estimate = estimate or g.rate.approx or any(q.approx for q in qs)
            groups.append((g.rate, tuple(sorted(qs, key=lambda q: q.start))))
        if not groups:
            return
        out.append(RawProduct(tuple(groups), amount, estimate))

    for i, t in enumerate(toks):
        if t.kind == "stop":
            if pending and free_amount is not None:
                evaluate(free_amount, True, "")
            pending, free_qty, free_amount = [], [], None
            last_qty = last_qty_group = None
            continue
        if t.kind == "qty":
            if last_qty is not None and last_qty_group is not None and chained(last_qty, t) \
                    and t.unit not in last_qty_group.missing():
                last_qty_group.extra.append(t)
            elif pending and t.unit in pending[-1].missing():
                pending[-1].assigned[t.unit] = t
                last_qty_group = pending[-1]
            else:
                free_qty.append(t)
                last_qty_group = None
            last_qty = t
            continue
        if t.kind == "rate":
            g = _Group(t)
            for d in t.dens:
                for q in reversed(free_qty):
                    if q.unit == d and d not in g.assigned:
                        g.assigned[d] = q
                        free_qty.remove(q)
                        break
            pending.append(g)
            last_qty = None
            continue
        if t.is_amount:
            if pending:
                start, end, _ = _windows(raw)[i]
                evaluate(t, False, text[start:end])
                pending, free_qty, free_amount = [], [], None
            else:
                free_amount = t
                free_qty = []
            last_qty = last_qty_group = None
    return out
