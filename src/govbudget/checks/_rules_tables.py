"""In-table rules: every sum inside one table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from itertools import compress, groupby, islice, repeat
from operator import attrgetter, eq, itemgetter, lt
from typing import Final

from .._findings import Finding, Severity
from .._lazy_re import lazy
from .._tables import Block, Row, RowKind, Table, TableKind
from ._context import (
    Context,
    Figure,
    block_codes,
    cell_figures,
    cells_add_up,
    codes_increase,
    norm,
)
from ._registry import Category, RuleSet
from ._row_sums import _group_subtotals, _row_columns_sum

RULES = RuleSet()

_FUNCTIONAL = (TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GENERAL_EXPENDITURE,
               TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL, TableKind.GRANT_DETAIL)
_BASIC_PROJECT = (TableKind.EXPENDITURE, TableKind.GENERAL_EXPENDITURE,
                  TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL, TableKind.GRANT_DETAIL)


def _cells(t: Table, b: Block, rows: Iterable[Row], key: str) -> list[Figure]:
    return cell_figures(t, b, rows, key)


_ZERO = Decimal(0)


def _column_sums(rows: list[tuple[Decimal | None, ...]], ncols: int) -> list[Decimal]:
    """The exact sum of each of the first ``ncols`` columns of ``rows``; a blank (``None``)
    or missing cell is zero."""
    if set(map(len, rows)) == {ncols}:
        try:
            # Column by column with itemgetter: no transposed copy of the rows.
            return [sum(map(itemgetter(i), rows), _ZERO) for i in range(ncols)]
        except TypeError:
            pass  # a blank cell: add cell by cell
    acc = [_ZERO] * ncols
    for values in rows:
        for i, v in enumerate(values[:ncols]):
            if v is not None:
                acc[i] += v
    return acc


@RULES.rule("table.functional.hierarchy", title="功能分类表中类=各款之和、款=各项之和",
      title_en="Functional tables: each 类 equals the sum of its 款, each 款 the sum of its 项",
      category=Category.IN_TABLE,
      applies="tables by functional code (收入总表, 支出总表, 一般公共预算支出表, 基金/国资支出表), "
              "in every column, where the children are printed")
def functional_hierarchy(ctx: Context) -> Iterator[Finding]:
    """A 类 row equals the sum of its 款 rows and a 款 row the sum of its 项 rows, column by
    column. A parent whose children are not printed is not checked. Linear in the number
    of rows: children are grouped by their parent's code in one pass."""
    for t in ctx.tables(*_FUNCTIONAL):
        for b in t.blocks:
            yield from rollup_findings(ctx, t, b)


def rollup_findings(ctx: Context, t: Table, b: Block) -> Iterator[Finding]:
    """Findings of the 类 = Σ款, 款 = Σ项 identities of one block (see
    ``table.functional.hierarchy``). Children are grouped by their parent's code (a code
    printed twice counts once, as first printed); each parent's column sums are exact
    C-level sums; only parents that do not add up build figures and reason about
    rounding."""
    ncols = len(b.columns)
    parents, sums, kids = _rollup(b.rows, ncols, block_codes(ctx, b), codes_increase(ctx, b))
    for parent, acc in sums.items():
        row = parents[parent]
        values = row.values
        for i in range(ncols):
            pv = values[i] if i < len(values) else None
            if (pv if pv is not None else _ZERO) == acc[i]:
                continue
            col = b.columns[i]
            f = ctx.sum_cells("table.functional.hierarchy", t, b, row, kids.of(parent), col.key,
                              what=f"{t.title} {parent} {row.name}（{col.label}）与下级科目之和",
                              what_en=f"{t.kind.value} {parent} ({col.key}) vs the sum of its "
                                      "sub-items")
            if f is not None:
                yield f


_Values = tuple[Decimal | None, ...]
_CODE: Final = attrgetter("code")
_VALUES: Final = attrgetter("values")
_PARENT: Final = itemgetter(slice(None, -2))  # a code's parent code (``code[:-2]``)
_Runs = dict[str, list[tuple[int, int]]]


class _Kids:
    """The children of each parent: runs (start, end) of a sequence of rows."""

    __slots__ = ("rows", "runs")

    def __init__(self, rows: Sequence[Row], runs: _Runs) -> None:
        self.rows = rows
        self.runs = runs

    def of(self, parent: str) -> list[Row]:
        """The rows under ``parent``, in print order."""
        rows = self.rows
        return [r for a, z in self.runs[parent] for r in rows[a:z]]


def _rollup(rows: Sequence[Row], ncols: int, codes: Sequence[str] | None = None,
            increasing: bool | None = None
            ) -> tuple[dict[str, Row], dict[str, list[Decimal]], _Kids]:
    """The rows of the parents that have children, their children's column sums, and
    their children (each code counted once, as first printed, in print order), parents
    in the order their first child comes. ``codes``: the rows' codes (``""`` for none)
    and ``increasing``: whether they increase (`codes_increase`), if the caller has
    them."""
    if codes is None:
        codes = [c or "" for c in map(_CODE, rows)]
    if increasing is None:  # operator.lt: no slot wrapper
        increasing = all(map(lt, filter(None, codes), islice(filter(None, codes), 1, None)))
    # Codes in increasing order (tables print the hierarchy depth first): every code is
    # printed once, so no row needs the look-up of a code seen before.
    if increasing:
        seq, seq_codes = rows, codes
        index: dict[str, int] | None = None
        parents: dict[str, Row] = {}
        runs = _runs(codes)
        for p, where in runs.items():
            a = where[0][0]
            if a and codes[a - 1] == p:  # the parent, printed just before its children
                parents[p] = rows[a - 1]
                continue
            if index is None:  # printed elsewhere, or not at all: look it up
                index = {c: i for i, c in enumerate(codes) if c}
            i = index.get(p)
            if i is not None:
                parents[p] = rows[i]
    else:
        first: dict[str, Row] = {}
        firsts: list[Row] = []
        for r in rows:
            if r.code and r.code not in first:
                first[r.code] = r
                firsts.append(r)
        seq, seq_codes = firsts, [r.code or "" for r in firsts]
        runs = _runs(seq_codes)
        parents = {p: first[p] for p in runs if p in first}
    sums: dict[str, list[Decimal]] = {}
    for p, where in runs.items():
        if p in parents:
            if len(where) == 1:
                a, z = where[0]
                sums[p] = _column_sums(list(map(_VALUES, seq[a:z])), ncols)
            else:
                sums[p] = _column_sums([r.values for a, z in where for r in seq[a:z]], ncols)
    return {p: parents[p] for p in sums}, sums, _Kids(seq, runs)


def _runs(codes: Sequence[str]) -> _Runs:
    """Where the children of each parent code are in ``codes``: the runs (start, end)
    of consecutive codes one level under it (款 of a 类, 项 of a 款, and 9-digit codes
    of a 项), in order. A parent's children are printed together, or in a few runs when
    their own children come between; each code's parent is cut and compared in C."""
    runs: _Runs = {}
    start = 0
    for parent, run in groupby(map(_PARENT, codes)):
        end = start + len(list(run))
        n = len(parent)  # the children's codes have 5, 7 or 9 characters
        if n == 3 or n == 5 or n == 7:
            runs.setdefault(parent, []).append((start, end))
        start = end
    return runs


@RULES.rule("table.functional.total", title="功能分类表中合计=各类之和",
      title_en="Functional tables: the total row equals the sum of the 类 rows",
      category=Category.IN_TABLE, applies="tables by functional code with a 合计 row")
def functional_total(ctx: Context) -> Iterator[Finding]:
    """The 合计 row equals the sum of the 类 (3-digit) rows, in every column."""
    for t in ctx.tables(*_FUNCTIONAL):
        for b in t.blocks:
            total = ctx.total_row(b)
            if total is None:
                continue  # no 合计 row: the 类 rows are not looked for
            # the 类 rows: codes of 3 characters, picked out in C
            classes = list(compress(b.rows, map(eq, map(len, block_codes(ctx, b)), repeat(3))))
            if not classes:
                continue
            for col in b.columns:
                if cells_add_up(t, b, total, classes, col.key):
                    continue  # adds up: no message to build
                f = ctx.sum_cells("table.functional.total", t, b, total, classes, col.key,
                              what=f"{t.title}合计（{col.label}）与各类之和",
                              what_en=f"{t.kind.value} total ({col.key}) vs the sum of classes")
                if f is not None:
                    yield f


@RULES.rule("table.row.basic_project", title="合计=基本支出+项目支出",
      title_en="Each row: total equals basic plus project spending",
      category=Category.IN_TABLE,
      applies="支出总表, 一般公共预算支出表, 基金/国资支出表, every row")
def basic_plus_project(ctx: Context) -> Iterator[Finding]:
    """In the expenditure tables every row's 合计 is 基本支出 + 项目支出 (+ 上缴上级支出 +
    经营支出 + 对附属单位补助支出 where a 决算 prints them: standards.md §1.5 D4)."""
    for t in ctx.tables(*_BASIC_PROJECT):
        for b in t.blocks:
            # 基本支出 printed as its two parts (人员支出 | 日常公用支出) counts as them; a third
            # component (单位预留机动经费) and a 决算's other spending count too
            basic = ("basic",) if b.has("basic") else ("personnel", "public")
            yield from _row_columns_sum(ctx, "table.row.basic_project", t, b,
                                        (*basic, "project", "reserve", "remit_superior",
                                         "operating_expenditure", "subsidy_affiliated"),
                                        "合计与基本支出+项目支出", "total vs basic + project")


@RULES.rule("table.row.sources", title="收入总表每行合计=各收入来源之和",
      title_en="Income table: each row's total equals the sum of its sources",
      category=Category.IN_TABLE, applies="收入总表, every row")
def income_sources(ctx: Context) -> Iterator[Finding]:
    """In the income table every row's 合计 is the sum of the source columns
    (一般公共预算, 政府性基金, …, 上年结转). A table that groups them under 本年收入 and
    上年结转（结余）, each with its 小计 (Suzhou's 收入总表), is checked by group: 合计 = 本年收入
    + 上年结转, 本年收入 = its sources, 上年结转 = its parts."""
    rid = "table.row.sources"
    for t in ctx.tables(TableKind.INCOME):
        for b in t.blocks:
            parts = [c.key for c in b.columns if c.key != "total"]
            yield from _group_subtotals(ctx, rid, t, b, parts)
            if "income" not in parts:
                yield from _row_columns_sum(ctx, rid, t, b, parts,
                                            "合计与各来源之和", "total vs the sum of sources")
                continue
            # 本年收入 小计 | its sources | 上年结转 小计 | its parts (carryover_*), in that
            # order: any other column leaves the groups unknown, and they are not checked
            carried = [k for k in parts if k.startswith("carryover_")]
            after = parts.index("carryover") if "carryover" in parts else (
                parts.index(carried[0]) if carried else len(parts))
            own = parts[parts.index("income") + 1:after]
            if set(parts) - {"income", "carryover", *own, *carried} or any(
                    k.startswith("carryover_") for k in own):
                continue
            top = ["income", "carryover"] if "carryover" in parts else ["income", *carried]
            yield from _row_columns_sum(ctx, rid, t, b, top, "合计与本年收入、上年结转之和",
                                        "total vs this year's income + carry-over")
            yield from _row_columns_sum(ctx, rid, t, b, own, "本年收入与各来源之和",
                                        "this year's income vs its sources", target="income")
            if "carryover" in parts:
                yield from _row_columns_sum(ctx, rid, t, b, carried, "上年结转与其各项之和",
                                            "carry-over vs its parts", target="carryover")


_CARRY_IN = ("上年结转", "上年财政拨款结转", "年初结转和结余", "上年结转结余")
_CARRY_OUT = ("年终结转", "结转下年", "年末结转和结余")


_CARRY_IN_NAMES = frozenset(norm(x) for x in _CARRY_IN)
_CARRY_OUT_NAMES = frozenset(norm(x) for x in _CARRY_OUT)


def _summary_items(rows: Sequence[Row]) -> list[Row]:
    """The items of one side of a summary (level 1), not their breakdowns; an item printed
    as a heading with no figure at all (1、财政拨款 blank over (1)一般公共预算拨款收入 …) stands
    by its level-2 rows."""
    items: list[Row] = []
    blank: Row | None = None  # the last item, when it prints no figure at all
    for r in rows:
        if r.kind is not RowKind.DATA:
            continue
        level = r.level or 1
        if level == 1:
            items.append(r)
            blank = r if all(v is None for v in r.values) else None
        elif blank is not None and level == 2:
            if items and items[-1] is blank:
                items.pop()
            items.append(r)
    return items


def _summary_findings(ctx: Context, t: Table) -> Iterator[Finding]:
    # Each identity is first decided on the raw cells (`cells_add_up`): one that adds up
    # exactly is passed in silence by `Context.sum_check`, so it needs no figures.
    rid = "table.summary.totals"
    inc = next((b for b in t.blocks if b.name == "income"), None)
    exp = next((b for b in t.blocks if b.name == "expenditure"), None)
    if inc is None or exp is None:
        return
    # income side
    rows = list(inc.rows)
    names = [norm(r.name) for r in rows]
    i_cur = next((i for i, n in enumerate(names) if n in ("本年收入合计", "收入合计")), None)
    i_tot = next((i for i, n in enumerate(names) if n == "收入总计"), None)
    key = inc.columns[0].key
    if i_cur is not None:
        # the items, not their breakdowns (一、财政拨款 over 1.一般公共预算 …, level 2)
        items = _summary_items(rows[:i_cur])
        f = ctx.sum_cells(rid, t, inc, rows[i_cur], items, key,
                      what=f"{t.title}本年收入合计与各收入项目之和",
                      what_en=f"{t.kind.value}: current-year income vs its items")
        if f is not None:
            yield f
        if i_tot is not None:
            between = rows[i_cur + 1:i_tot]
            carry = [r for r, n in zip(between, names[i_cur + 1:i_tot], strict=True)
                     if n in _CARRY_IN_NAMES]
            if carry:
                sub = between[between.index(carry[0]) + 1:]
                sub = [r for r in sub if r.kind is RowKind.DATA]
                if sub:
                    f = ctx.sum_cells(rid, t, inc, carry[0], sub, key,
                                  what=f"{t.title}上年结转与其明细之和",
                                  what_en=f"{t.kind.value}: carry-over vs its breakdown")
                    if f is not None:
                        yield f
            # Some summaries print other income after 本年收入合计 (上级补助收入, 使用非财政
            # 拨款结余 …): the grand total is then the current income plus every item between.
            extra = [r for r in between if r.kind is RowKind.DATA and (r.level or 1) == 1]
            if not cells_add_up(t, inc, rows[i_tot], [rows[i_cur], *carry[:1]], key) and \
                    not (len(extra) > len(carry[:1])
                         and cells_add_up(t, inc, rows[i_tot], [rows[i_cur], *extra], key)):
                cur = Figure.cell(t, inc, rows[i_cur], key)
                assert cur is not None
                terms = [cur, *_cells(t, inc, carry[:1], key)]
                tot = Figure.cell(t, inc, rows[i_tot], key)
                assert tot is not None
                f = ctx.sum_check(rid, terms, tot,
                                  what=f"{t.title}收入总计与本年收入合计+上年结转",
                                  what_en=f"{t.kind.value}: income grand total vs current + "
                                          "carry-over")
                if f:
                    yield f
    # expenditure side
    erows = list(exp.rows)
    enames = [norm(r.name) for r in erows]
    e_cur = next((i for i, n in enumerate(enames) if n in ("本年支出合计", "支出合计")), None)
    e_tot = next((i for i, n in enumerate(enames) if n == "支出总计"), None)
    if e_cur is not None:
        items = _summary_items(erows[:e_cur])
        between = [] if e_tot is None else [
            r for r, n in zip(erows[e_cur + 1:e_tot], enames[e_cur + 1:e_tot], strict=True)
            if n in _CARRY_OUT_NAMES]
    for col in exp.columns:
        if e_cur is not None:
            f = None if cells_add_up(t, exp, erows[e_cur], items, col.key) else ctx.sum_cells(
                rid, t, exp, erows[e_cur], items, col.key,
                what=f"{t.title}本年支出合计（{col.label}）与各类支出之和",
                what_en=f"{t.kind.value}: current-year spending ({col.key}) "
                        "vs the sum of classes")
            if f is not None:
                yield f
            if e_tot is not None and not cells_add_up(t, exp, erows[e_tot],
                                                      [erows[e_cur], *between], col.key):
                cur = Figure.cell(t, exp, erows[e_cur], col.key)
                assert cur is not None
                tot = Figure.cell(t, exp, erows[e_tot], col.key)
                assert tot is not None
                f = ctx.sum_check(rid, [cur, *_cells(t, exp, between, col.key)], tot,
                                  what=f"{t.title}支出总计（{col.label}）与本年支出合计+结转",
                                  what_en=f"{t.kind.value}: spending grand total ({col.key}) "
                                          "vs current + carry-forward")
                if f:
                    yield f
    # 收入总计 = 支出总计
    if i_tot is not None and e_tot is not None:
        yield from ctx.equal_cells(
            rid, (t, inc, rows[i_tot], key), (t, exp, erows[e_tot], "total"),
            what=f"{t.title}支出总计与收入总计",
            what_en=f"{t.kind.value}: total spending vs total income")
    # per-row columns
    parts = ("current_year", "carryover") if t.kind is TableKind.SUMMARY else (
        "general_budget", "fund_budget", "state_capital")
    yield from _row_columns_sum(ctx, rid, t, exp, parts, "合计与分项之和",
                                "total vs its parts")


@RULES.rule("table.summary.totals", title="收支总表、财政拨款收支总表的合计与总计",
      title_en="Summary tables: totals, grand totals and income = expenditure",
      category=Category.IN_TABLE,
      applies="收支总表 and 财政拨款收支总表 (two-sided tables)")
def summary_totals(ctx: Context) -> Iterator[Finding]:
    """本年收入合计 = Σ income items; 收入总计 = 本年收入合计 + 上年结转 (and the carry-over
    = Σ its breakdown); 本年支出合计 = Σ classes and 支出总计 = 本年支出合计 + 年终结转, in
    every column; 收入总计 = 支出总计; each expenditure row's 合计 = its parts."""
    for t in ctx.tables(TableKind.SUMMARY, TableKind.GRANT_SUMMARY):
        yield from _summary_findings(ctx, t)


_PERSONNEL_CLASSES = ("工资福利支出", "对个人和家庭的补助")
_PUBLIC_CLASSES = ("商品和服务支出", "资本性支出")


# The totals of a group of classes a basic spending table may print (人员经费合计 |
# 公用经费合计 closing a 决算's panels, 日常公用经费合计 …): none is the sum of every class.
_GROUP_WORDS: Final = lazy(r"人员|公用")


def _econ_groups(b: Block) -> list[tuple[Row, list[Row]]]:
    """Each economic class with its 款; a local sub-item (7 digits: 3010201 under 30102)
    is part of its 款, not another item of the class."""
    groups: list[tuple[Row, list[Row]]] = []
    for r in b.rows:
        if r.kind is RowKind.TOTAL:
            continue
        if r.level == 1 or (r.code is not None and len(r.code) == 3):
            groups.append((r, []))
        elif groups and not (r.code is not None and len(r.code) > 5):
            groups[-1][1].append(r)
    return groups


def _total_as_sum_of_items(ctx: Context, rid: str, t: Table, b: Block, total: Row,
                           groups: list[tuple[Row, list[Row]]], key: str,
                           found: Finding) -> Finding:
    """The 合计 of a basic-spending table may add the rounded 款 as printed while each class
    prints the rounding of its exact total (both published practice): when the 合计 is
    exactly the sum of the printed 款 (a class with none counts as its own item), the gap
    to the classes is rounding (``info``; each class against its 款 is checked on its own);
    else the error stands."""
    items = [r for head, kids in groups for r in (kids or [head])]
    if len(items) <= len(groups) or not cells_add_up(t, b, total, items, key):
        return found
    return ctx.finding(
        rid, Severity.INFO,
        f"{found.message}；但等于所含{len(items)}个款之和（合计列各款四舍五入数之和，类列其四舍五入数）",
        f"{found.message_en}; but it is the sum of its {len(items)} items (the total adds "
        "the rounded items, each class prints its rounded total)",
        found.location, found.related, expected_text=found.expected,
        actual_text=found.actual, difference_text=found.difference)


@RULES.rule("table.economic.totals", title="基本支出经济分类表：合计=各类之和，类=所含款之和，合计=人员经费+公用经费",
      title_en="Basic spending by economic item: total = Σ classes, class = Σ items, "
               "total = personnel + public",
      category=Category.IN_TABLE, applies="一般公共预算基本支出表 (economic classification)")
def economic_totals(ctx: Context) -> Iterator[Finding]:
    """Each economic class equals the sum of its items and the 合计 row the sum of the
    classes, in every column; every row's 合计 is 人员经费 + 公用经费."""
    rid = "table.economic.totals"
    for t in ctx.tables(TableKind.BASIC_ECONOMIC):
        for b in t.blocks:
            groups = _econ_groups(b)
            for head, items in groups:
                if not items:
                    continue
                for col in b.columns:
                    if cells_add_up(t, b, head, items, col.key):
                        continue  # adds up: no message to build
                    f = ctx.sum_cells(rid, t, b, head, items, col.key,
                                  what=f"{t.title}“{head.name}”（{col.label}）与所含款之和",
                                  what_en=f"{t.kind.value} class {head.code or head.name} "
                                          f"({col.key}) vs the sum of its items")
                    if f is not None:
                        yield f
            # the 合计 of every class, not a 决算's closing group totals (人员经费合计 …,
            # checked by table.final.economic_groups)
            total = next((r for r in b.totals() if not _GROUP_WORDS.search(norm(r.name))), None)
            if total is not None and groups:
                heads = [g for g, _ in groups]
                for col in b.columns:
                    if cells_add_up(t, b, total, heads, col.key):
                        continue
                    f = ctx.sum_cells(rid, t, b, total, heads, col.key,
                                  what=f"{t.title}合计（{col.label}）与各类之和",
                                  what_en=f"{t.kind.value} total ({col.key}) vs the sum of "
                                          "classes")
                    if f is not None and f.severity is Severity.ERROR:
                        f = _total_as_sum_of_items(ctx, rid, t, b, total, groups, col.key, f)
                    if f is not None:
                        yield f
            yield from _row_columns_sum(ctx, rid, t, b, ("personnel", "public"),
                                        "合计与人员经费+公用经费", "total vs personnel + public")


@RULES.rule("table.economic.personnel_public",
            title="人员经费只含工资福利和对个人和家庭的补助，公用经费只含商品和服务支出和资本性支出",
      title_en="Personnel funds hold only wages and transfers to persons; public funds only "
               "goods and services and capital items",
      category=Category.IN_TABLE, severity=Severity.ERROR,
      applies="一般公共预算基本支出表 with 人员经费 and 公用经费 columns")
def personnel_public(ctx: Context) -> Iterator[Finding]:
    """Items under 工资福利支出 (301) and 对个人和家庭的补助 (303) belong to 人员经费;
    items under 商品和服务支出 (302) and 资本性支出 (310) to 公用经费. An amount in the other
    column (e.g. 委托业务费 listed as 人员经费) is an error."""
    rid = "table.economic.personnel_public"
    for t in ctx.tables(TableKind.BASIC_ECONOMIC):
        for b in t.blocks:
            if not (b.has("personnel") and b.has("public")):
                continue
            # A column labelled otherwise (日常公用支出, 人员支出) may follow a regional
            # definition: an item in it is a warning, not an error of the report.
            labels = {c.key: norm(c.label) for c in b.columns}
            standard = labels.get("personnel") == "人员经费" and labels.get("public") == "公用经费"
            severity = Severity.ERROR if standard else Severity.WARNING
            for head, items in _econ_groups(b):
                name = norm(head.name)
                wrong = "public" if name in _PERSONNEL_CLASSES or (head.code or "")[:3] in (
                    "301", "303") else "personnel" if name in _PUBLIC_CLASSES or (
                    head.code or "")[:3] in ("302", "310") else None
                if wrong is None:
                    continue
                for r in [head, *items]:
                    v = b.value(r, wrong)
                    if v:
                        fig = Figure.cell(t, b, r, wrong)
                        assert fig is not None
                        label = "公用经费" if wrong == "public" else "人员经费"
                        yield ctx.finding(
                            rid, severity,
                            f"{t.title}“{r.name}”属于{head.name}，不应列入{label}（{v}）",
                            f"{r.name!r} belongs to {head.name!r} and should not be in "
                            f"{wrong} funds ({v})", fig.location, actual=fig.money,
                        )


@RULES.rule("table.operating_costs.totals", title="机关运行经费表：合计=各单位之和=各资金来源之和",
      title_en="Operating costs table: total = Σ units, each row = Σ funds",
      category=Category.IN_TABLE, applies="the 机关运行经费 table")
def operating_costs_totals(ctx: Context) -> Iterator[Finding]:
    """The 合计 row is the sum of the units' rows (of the 类 rows when the table lists
    economic items with codes), and every row's 合计 the sum of its fund columns."""
    rid = "table.operating_costs.totals"
    for t in ctx.tables(TableKind.OPERATING_COSTS):
        for b in t.blocks:
            total = ctx.total_row(b)
            units = [r for r in b.rows if r.kind is not RowKind.TOTAL]
            if any(r.code for r in units):
                # rows of economic items (302 and its 款): the total is the sum of the 类
                units = [r for r in units if r.code and len(r.code) == 3]
            if total is not None and units and not cells_add_up(t, b, total, units, "total"):
                tot = Figure.cell(t, b, total, "total")
                assert tot is not None
                f = ctx.sum_check(rid, _cells(t, b, units, "total"), tot,
                                  what=f"{t.title}合计与各单位之和", what_en="total vs units")
                if f:
                    yield f
            yield from _row_columns_sum(ctx, rid, t, b,
                                        ("general_budget", "fund_budget", "state_capital"),
                                        "合计与各资金来源之和", "total vs funds")


@RULES.rule("table.projects.totals", title="项目支出表：单位合计=所属项目之和，每行合计=各资金来源之和",
      title_en="Project list: each unit equals the sum of its projects; each row = Σ sources",
      category=Category.IN_TABLE, applies="项目支出预算表 (本年 and 上年结转)")
def projects_totals(ctx: Context) -> Iterator[Finding]:
    """A unit's (group) row is the sum of the projects under it, a 合计 row the sum of the
    units (or of all projects), and every row's 合计 the sum of its source columns."""
    rid = "table.projects.totals"
    for t in ctx.tables(TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
        for b in t.blocks:
            groups: list[tuple[Row, list[Row]]] = []
            loose: list[Row] = []
            for r in b.rows:
                if r.kind is RowKind.GROUP:
                    groups.append((r, []))
                elif r.kind is RowKind.DATA:
                    (groups[-1][1] if groups else loose).append(r)
            for head, projects in groups:
                if not projects:
                    continue
                for col in b.columns:
                    if cells_add_up(t, b, head, projects, col.key):
                        continue  # adds up: no message to build
                    f = ctx.sum_cells(rid, t, b, head, projects, col.key,
                                  what=f"{t.title}“{head.name}”（{col.label}）与所属项目之和",
                                  what_en=f"unit {head.name!r} ({col.key}) vs its projects")
                    if f is not None:
                        yield f
            total = ctx.total_row(b)
            if total is not None:
                parts = [g for g, _ in groups] + loose
                for col in b.columns:
                    if cells_add_up(t, b, total, parts, col.key):
                        continue
                    f = ctx.sum_cells(rid, t, b, total, parts, col.key,
                                  what=f"{t.title}合计（{col.label}）与各行之和",
                                  what_en=f"project list total ({col.key}) vs its rows")
                    if f is not None:
                        yield f
            parts_keys = [c.key for c in b.columns if c.key != "total"]
            yield from _group_subtotals(ctx, rid, t, b, parts_keys)
            yield from _row_columns_sum(ctx, rid, t, b, parts_keys, "合计与各资金来源之和",
                                        "total vs sources")
