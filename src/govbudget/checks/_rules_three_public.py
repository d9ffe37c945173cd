"""Rules of the 三公 table (因公出国（境）费, 公务接待费, 公务用车购置及运行费), and the 三公
figures of a table that the cross-table, narrative and cross-document rules compare."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .._findings import Finding
from .._report import ReportKind
from .._tables import FINAL_ROWS, Block, Row, Table, TableKind
from ._context import Context, Figure
from ._registry import Category, RuleSet
from ._row_sums import _row_columns_sum

__all__ = ["RULES", "three_public_items"]

RULES = RuleSet()

_TP_ITEMS = {
    "abroad": ("因公出国（境）费", "因公出国(境)费", "因公出国（境）费用", "因公出国费"),
    "reception": ("公务接待费",),
    "vehicles": ("公务用车购置及运行费", "公务用车购置及运行维护费"),
    "vehicle_purchase": ("公务用车购置费", "购置费"),
    "vehicle_operation": ("公务用车运行维护费", "公务用车运行费", "运行费", "运行维护费"),
}


def three_public_items(ctx: Context, t: Table, which: str | None = None
                       ) -> Mapping[str, Figure]:
    """The 三公 figures of a table (total column), whichever way it is printed.

    A 决算 table prints a 预算数 and a 决算数 row (`govbudget.FINAL_ROWS`): ``which``
    (``"final"`` or ``"budget"``) picks one; by default the report's own, 决算数 in a 决算
    and 预算数 in a budget (whose table may print last year's 决算数 beside it, or one row
    of any name). Several rules ask, the narrative ones once per 三公 fact: worked out once
    per table and run, and kept for the run (`Context.once`; read-only: figures are
    shared)."""
    if which is None:
        which = "final" if ctx.report.kind is ReportKind.FINAL else "budget"
    kept = ctx.once(_three_public_kept)
    key = (id(t), which)
    hit = kept.get(key)
    if hit is not None and hit[0] is t:
        return hit[1]
    items = _three_public_items(ctx, t, which)
    kept[key] = (t, items)  # the table itself too: its id is only unique while alive
    return items


def _three_public_kept(_: Context) -> dict[tuple[int, str], tuple[Table, Mapping[str, Figure]]]:
    """The 三公 figures worked out so far in a run, by table and row (see
    `three_public_items`)."""
    return {}


def _three_public_row(b: Block, which: str) -> Row | None:
    """The row of a 三公 table printed with the items as columns: the 预算数 or 决算数 row
    of a 决算, else the first."""
    wanted = FINAL_ROWS.get(which)
    named = next((r for r in b.rows if r.name == wanted), None)
    if named is not None:
        return named
    if any(r.name in FINAL_ROWS.values() for r in b.rows):
        return None  # a 决算 table without that row
    return next(iter(b.rows), None)


def _three_public_items(ctx: Context, t: Table, which: str = "final") -> dict[str, Figure]:
    b = t.blocks[0] if t.blocks else None
    out: dict[str, Figure] = {}
    if b is None:
        return out
    if any(c.key == "abroad" for c in b.columns):
        row = _three_public_row(b, which)
        if row is None:
            return out
        for key in ("total", "abroad", "reception", "vehicles", "vehicle_purchase",
                    "vehicle_operation", "grand_total", "meeting", "training"):
            f = Figure.cell(t, b, row, key)
            if f is not None:
                out[key] = f
        return out
    for key, names in _TP_ITEMS.items():
        r = ctx.find_row(b, *names)
        if r is not None:
            f = Figure.cell(t, b, r, "total")
            if f is not None:
                out[key] = f
    tot = ctx.total_row(b)
    if tot is not None:
        f = Figure.cell(t, b, tot, "total")
        if f is not None:
            out["total"] = f
    return out


@RULES.rule("table.three_public.totals", title="“三公”经费合计=因公出国+公务接待+公务用车，公务用车=购置+运行",
      title_en="三公: total = abroad + reception + vehicles; vehicles = purchase + operation",
      category=Category.IN_TABLE, applies="the 三公 table, printed by rows or by columns")
def three_public_totals(ctx: Context) -> Iterator[Finding]:
    """The 三公 total is 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费, and
    公务用车购置及运行费 is 购置费 + 运行维护费; each row's total is the sum of its funds."""
    rid = "table.three_public.totals"
    for t in ctx.tables(TableKind.THREE_PUBLIC):
        rows = {r.name for b in t.blocks for r in b.rows}
        for which in (["budget", "final"] if FINAL_ROWS["budget"] in rows else ["final"]):
            yield from _three_public_sums(ctx, t, rid, which)
        for b in t.blocks:
            if not b.has("abroad"):
                yield from _row_columns_sum(ctx, rid, t, b,
                                            ("general_budget", "fund_budget", "state_capital"),
                                            "合计与各资金来源之和", "total vs funds")


def _three_public_sums(ctx: Context, t: Table, rid: str, which: str) -> Iterator[Finding]:
    """The two sums of one row of the 三公 figures (预算数 or 决算数 in a 决算)."""
    items = three_public_items(ctx, t, which)
    named = any(r.name == FINAL_ROWS[which] for b in t.blocks for r in b.rows)
    row = f"（{FINAL_ROWS[which]}）" if named else ""
    row_en = f" ({which})" if named else ""
    if "total" in items:
        parts = [items[k] for k in ("abroad", "reception", "vehicles") if k in items]
        if parts:
            f = ctx.sum_check(rid, parts, items["total"], what=f"{t.title}{row}合计与三项之和",
                              what_en=f"三公{row_en} total vs its three items")
            if f:
                yield f
    if "grand_total" in items and "total" in items:
        # a table of 三公, 会议费 and 培训费: its 合计 is the three together
        parts = [items[k] for k in ("total", "meeting", "training") if k in items]
        f = ctx.sum_check(rid, parts, items["grand_total"],
                          what=f"{t.title}{row}合计与“三公”经费、会议费、培训费之和",
                          what_en=f"三公{row_en} grand total vs 三公 + meetings + training")
        if f:
            yield f
    if "vehicles" in items:
        parts = [items[k] for k in ("vehicle_purchase", "vehicle_operation") if k in items]
        if parts:
            f = ctx.sum_check(rid, parts, items["vehicles"],
                              what=f"{t.title}{row}公务用车购置及运行费与购置费+运行维护费",
                              what_en=f"vehicles{row_en} vs purchase + operation")
            if f:
                yield f
