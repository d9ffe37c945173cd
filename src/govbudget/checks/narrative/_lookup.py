"""The table cells narrative figures are compared with.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from ..._errors import GovBudgetError
from ..._findings import Location
from ..._lazy_re import lazy
from ..._money import Interval, Money
from ..._record import FrozenRecord
from ..._report import Fact
from ..._subjects import Scope, Side
from ..._tables import COLUMN_LABELS, Block, Row, RowKind, Table, TableKind
from ...codes import functional
from .._context import Context, Figure, norm
from .._fact_figures import (
    qualifier_of,
)
from .._rules_three_public import three_public_items
from ._vocab import (
    _BASIC,
    _CARRY,
    _CARRY_NAMES,
    _CUR_INCOME,
    _CUR_SPEND,
    _G_INCOME,
    _G_SPEND,
    _G_TOTAL,
    _GENERAL,
    _GRANT_SOURCES,
    _OPERATING,
    _PERSONNEL,
    _PROJECT,
    _PUBLIC,
    _SOURCES,
    _SPENDING,
    _T_INCOME,
    _T_SPEND,
    _THREE,
    _THREE_WORDS,
    _TOTALS,
)


class _Ref:
    """The table figure a narrative amount must agree with, and its names in messages
    (``what``, ``what_en``). A table cell's names are worked out only when a message
    needs them: most amounts agree with their cell."""

    __slots__ = ("_cell", "_what", "_what_en", "figure", "le")

    def __init__(self, figure: Figure, what: str, what_en: str, le: bool = False) -> None:
        self.figure = figure
        self._what = what
        self._what_en = what_en
        self.le = le  # the narrative figure is a part of it (≤), not equal
        self._cell: tuple[Table, Row, str] | None = None

    @classmethod
    def of_cell(cls, figure: Figure, t: Table, r: Row, key: str) -> _Ref:
        """The figure of a cell of table ``t``, row ``r``, column ``key``."""
        ref = cls(figure, "", "")
        ref._cell = (t, r, key)
        return ref

    @property
    def what(self) -> str:
        if self._cell is not None:
            t, r, key = self._cell
            return f"{t.title}“{r.name}”（{COLUMN_LABELS.get(key, key)}）"
        return self._what

    @property
    def what_en(self) -> str:
        if self._cell is not None:
            t, r, key = self._cell
            return f"{t.kind.value} {r.name!r} ({key})"
        return self._what_en


class _Side(FrozenRecord):
    """One side of a ratio: a point value and its interval, both in 元; ``index``: the
    fact's, or None for a table figure."""

    __slots__ = ("index", "iv", "label", "location", "point")

    def __init__(self, point: Decimal, iv: Interval, location: Location, label: str,
                 index: int | None) -> None:
        self.point = point
        self.iv = iv
        self.location = location
        self.label = label
        self.index = index


# ---------------------------------------------------------------------------
# The shared analysis of a report's narrative
# ---------------------------------------------------------------------------


def _cell(t: Table, b: Block, r: Row, key: str) -> _Ref | None:
    """The figure of a cell the narrative is compared with; ``None`` for a blank cell of a
    block in which nothing at all was read, or a blank total over a column with figures
    (such blanks are cells the reader missed, not zeros)."""
    if b.value(r, key) is None and (
            not any(v is not None for x in b.rows for v in x.values)
            or (r.kind is RowKind.TOTAL and (any(b.value(x, key) for x in b.rows) or (all(
                b.value(x, key) is None for x in b.rows if x.kind is RowKind.DATA)
                and any(x.code for x in b.rows))))):
        return None
    fig = Figure.cell(t, b, r, key)
    if fig is None:
        return None
    return _Ref.of_cell(fig, t, r, key)


@functools.cache
def _named_as(name: str, part: str) -> bool:
    """Whether a 类 or 款 ``name`` (normalised) is the path's ``part``: the same, or the part
    without the 支出 the name ends in (the 决算 template writes 一般公共服务（类） for 201
    一般公共服务支出)."""
    return name == part or (name.endswith("支出") and name[:-2] == part)


def _catalogue_item(subject: str, path: tuple[str, ...]) -> str | None:
    """The one 项 code of the catalogue named ``subject`` whose 款 (and 类) bear the path's
    names, else ``None`` (none, or several)."""
    found: set[str] = set()
    for info in functional.codes(level=3):
        if norm(info.name) != norm(subject) or info.parent is None:
            continue
        try:
            kuan = functional.info(info.parent)
            cls = functional.info(kuan.parent) if kuan.parent is not None else None
        except GovBudgetError:  # a parent the partial catalogue lacks
            continue
        if not _named_as(norm(kuan.name), path[-1]):
            continue
        if len(path) >= 2 and (cls is None or not _named_as(norm(cls.name), path[-2])):
            continue
        found.add(info.code)
    return found.pop() if len(found) == 1 else None


def _has_data(t: Table, b: Block | None = None) -> bool:
    """Whether a table was read with rows of figures (or says it has none): only then does
    a row it does not print stand for zero."""
    return t.empty or any(r.kind is RowKind.DATA and any(v is not None for v in r.values)
                          for blk in ([b] if b else t.blocks) for r in blk.rows)


_SOURCE_WORDS: Final = lazy(r"(?:拨款)?(?:收入|资金)$")


def _zero(t: Table, name: str, key: str) -> _Ref:
    """An exact zero: the table is present but prints no such row."""
    fig = Figure(Money.of(Decimal(0), t.unit), Decimal(0),
                 Location(section=t.title or t.kind.chinese, table=t.kind.value, row_name=name,
                          column=key, line=t.line))
    return _Ref(fig, f"{t.title}（无“{name}”，即为0）", f"{t.kind.value} (no {name!r}: zero)")


class _Withheld(Exception):
    """The table asked for is printed but doubtful (`Context.withheld`)."""


def _block(t: Table | None, name: str | None = None) -> Block | None:
    if t is None or not t.blocks:
        return None
    if name is None:
        return t.blocks[0]
    return next((b for b in t.blocks if b.name == name), None)


def _total_row(b: Block) -> Row | None:
    return next(b.totals(), None)






class _Tables:
    """The table figure each subject speaks of (a mixin of `_An`)."""

    ctx: Context
    facts: tuple[Fact, ...]
    classes: set[str]
    _row_names: dict[int, dict[str, Row]]
    _paths: list[list[str] | None]
    withheld_refs: set[int]  # the facts whose table is printed but doubtful

    def find(self, b: Block, names: Sequence[str]) -> Row | None:
        """The row of the first of ``names`` (in order of preference) the block prints
        (`Context.find_row` of each name in turn), from an index of the block's row
        names built on first use."""
        index = self._row_names.get(id(b))
        if index is None:
            index = {}
            for r in b.rows:
                index.setdefault(norm(r.name), r)
            self._row_names[id(b)] = index
        for name in names:
            hit = index.get(norm(name))
            if hit is not None:
                return hit
        return None

    def path(self, i: int) -> list[str] | None:
        """The 类/款 names of a functional path (``…（类）…（款）``), or ``None``."""
        return self._paths[i]

    def _table(self, kind: TableKind) -> Table | None:
        """The report's table of ``kind``; `_Withheld` when the report prints one the
        reader is not sure of (its figure is then not looked for in another table)."""
        if kind in self.ctx.withheld:
            raise _Withheld(kind)
        return self.ctx.table(kind)

    def ref_for(self, subject: str, qualifier: str | None, scope: Scope, side: Side | None,
                column: str | None, code: str | None, index: int | None = None
                ) -> _Ref | None:
        """The table figure of ``subject`` in ``scope`` (its ``side`` for 上年结转, the
        ``column`` its wording names, the ``code`` it is printed with; ``index``: the
        fact, for its functional path). ``None`` when the table that prints it is one the
        reader is not sure of: a 一般公共预算 item is not compared with the all-funds table
        instead, nor a final account's 支出总计 with the 支出决算表's 合计 (本年支出)."""
        try:
            return self._ref_for(subject, qualifier, scope, side, column, code, index)
        except _Withheld:
            if index is not None:
                self.withheld_refs.add(index)
            return None

    def _ref_for(self, subject: str, qualifier: str | None, scope: Scope, side: Side | None,
                 column: str | None, code: str | None, index: int | None = None
                 ) -> _Ref | None:
        ctx = self.ctx
        if subject in _SOURCES:
            return self._source(subject, scope)
        if subject in _TOTALS:
            return self._total(subject, scope, side, column)
        if subject in _SPENDING:
            return self._spending(subject, scope)
        if subject in _THREE:
            t = ctx.table(TableKind.THREE_PUBLIC)
            if t is None or (t.blocks and not t.empty and not any(
                    v is not None for blk in t.blocks for r in blk.rows for v in r.values)):
                return None  # nothing read from it: no figure to compare with
            items = three_public_items(ctx, t)
            key = _THREE[subject]
            if key in items:
                fig = items[key]
                if fig.quantum == 0 and not fig.money.amount and not t.empty and not any(
                        v is not None for blk in t.blocks for r in blk.rows
                        if r.kind is RowKind.TOTAL or _THREE_WORDS.search(r.name)
                        for v in r.values):
                    return None  # no 三公 figure was read from the table: not a zero
                return _Ref(fig, f"{t.title}（{COLUMN_LABELS.get(key, '合计')}）",
                            f"{t.kind.value} ({key})")
            return _zero(t, subject, key) if t.empty else None
        if subject == _OPERATING:
            return self._operating()
        if index is not None and self.path(index) is not None:
            return self._item(subject, self.path(index) or [], scope)
        if code is not None:
            return self._coded(subject, code, scope)
        if qualifier_of(qualifier) is None and norm(subject) in self.classes:
            return self._class(subject, scope, column)
        return None

    def _source(self, subject: str, scope: Scope) -> _Ref | None:
        names, key = _SOURCES[subject]
        kinds = [TableKind.SUMMARY]
        if scope is Scope.GRANT and subject in _GRANT_SOURCES:
            kinds.insert(0, TableKind.GRANT_SUMMARY)
        for kind in kinds:
            t = self._table(kind)
            b = _block(t, "income")
            if t is None or b is None:
                continue
            r = self.find(b, names)
            if r is not None and _under_carry(b, r):
                # "二、上年结转 / （一）一般公共预算拨款": the row found is the part of the
                # carry-over, not the year's source; nothing to compare with here.
                return None
            if r is not None:
                return _cell(t, b, r, b.columns[0].key)
        t2 = self._table(TableKind.INCOME)
        b2 = _block(t2)
        if t2 is not None and b2 is not None and b2.has(key):
            r2 = _total_row(b2)
            if r2 is not None:
                return _cell(t2, b2, r2, key)
        t1 = self._table(TableKind.SUMMARY)
        b1 = _block(t1, "income")
        if t1 is not None and b1 is not None and _has_data(t1, b1):
            # A source the summary does not print is zero; one it prints in other words
            # (一般公共预算收入 for 一般公共预算拨款收入) is not known to be zero.
            core = _SOURCE_WORDS.sub("", norm(names[0])) or norm(names[0])
            if any(core in norm(r.name) for r in b1.rows):
                return None
            return _zero(t1, names[0], "amount")
        return None

    def _named(self, kind: TableKind, block: str | None, names: Sequence[str], key: str
               ) -> _Ref | None:
        t = self._table(kind)
        b = _block(t, block)
        if t is None or b is None:
            return None
        r = self.find(b, names)
        return _cell(t, b, r, key) if r is not None else None

    def table_total(self, kind: TableKind, key: str) -> _Ref | None:
        """The total row's ``key`` cell of the table of ``kind`` (``None`` when absent or
        doubtful)."""
        try:
            return self._table_total(kind, key)
        except _Withheld:
            return None

    def _table_total(self, kind: TableKind, key: str) -> _Ref | None:
        t = self._table(kind)
        b = _block(t)
        if t is None or b is None:
            return None
        r = _total_row(b)
        if r is None:
            return _zero(t, "合计", key) if t.empty else None
        return _cell(t, b, r, key)

    def _total(self, subject: str, scope: Scope, side: Side | None, column: str | None
               ) -> _Ref | None:
        S, G = TableKind.SUMMARY, TableKind.GRANT_SUMMARY  # noqa: N806
        # A 决算 names both grand totals 总计 (收入支出决算总表, 财政拨款收入支出决算总表).
        if subject == _T_INCOME:
            return (self._named(S, "income", ("收入总计", "总计"), "amount")
                    or self._table_total(TableKind.INCOME, "total"))
        if subject == _T_SPEND:
            return (self._named(S, "expenditure", ("支出总计", "总计"), "total")
                    or self._table_total(TableKind.EXPENDITURE, "total"))
        if subject == _CUR_INCOME:
            kind = G if scope is Scope.GRANT else S
            return self._named(kind, "income", ("本年收入合计", "收入合计"), "amount")
        if subject == _CUR_SPEND:
            if scope is Scope.GRANT:
                return self._named(G, "expenditure", ("本年支出合计", "支出合计"), "total")
            b = _block(self._table(S), "expenditure")
            if column == "current_year" and b is not None and b.has("current_year"):
                return self._named(S, "expenditure", ("支出总计", "本年支出合计"), "current_year")
            return (self._named(S, "expenditure", ("本年支出合计", "支出合计"), "total")
                    or self._table_total(TableKind.EXPENDITURE, "total"))
        if subject == _CARRY:
            if side is Side.EXPENDITURE:
                b = _block(self._table(S), "expenditure")
                if b is None or not b.has("carryover"):
                    return None
                return self._named(S, "expenditure", ("支出总计", "本年支出合计"), "carryover")
            kind = G if side is Side.GRANT else S
            found = self._named(kind, "income", _CARRY_NAMES, "amount")
            t = self._table(kind)
            b = _block(t, "income")
            if found is None and t is not None and b is not None and _has_data(t, b):
                return _zero(t, "上年结转", "amount")
            return found
        if subject == _G_TOTAL:
            return (self._named(G, "income", ("收入总计", "总计"), "amount")
                    or self._named(G, "expenditure", ("支出总计", "总计"), "total"))
        if subject == _G_INCOME:
            return self._named(G, "income", ("本年收入合计", "收入合计"), "amount")
        if subject == _G_SPEND:
            return self._named(G, "expenditure", ("本年支出合计", "支出合计"), "total")
        return None

    def _spending(self, subject: str, scope: Scope) -> _Ref | None:
        if subject in (_BASIC, _PROJECT):
            key = "basic" if subject == _BASIC else "project"
            if scope is Scope.GENERAL:
                return self._table_total(TableKind.GENERAL_EXPENDITURE, key)
            if scope is Scope.ALL:
                return self._table_total(TableKind.EXPENDITURE, key)
            return None
        if subject in (_PERSONNEL, _PUBLIC):
            key = "personnel" if subject == _PERSONNEL else "public"
            return self._table_total(TableKind.BASIC_ECONOMIC, key)
        if subject == _GENERAL:
            return (self._table_total(TableKind.GENERAL_EXPENDITURE, "total")
                    or self._named(TableKind.GRANT_SUMMARY, "expenditure",
                                   ("本年支出合计", "支出合计"), "general_budget"))
        return (self._table_total(TableKind.FUND_EXPENDITURE, "total")
                or self._named(TableKind.GRANT_SUMMARY, "expenditure",
                               ("本年支出合计", "支出合计"), "fund_budget"))

    def _operating(self) -> _Ref | None:
        t = self._table(TableKind.OPERATING_COSTS)
        b = _block(t)
        if t is not None and b is not None:
            r = _total_row(b) or next(iter(b.rows), None)
            if r is not None:
                return _cell(t, b, r, "total")
            return _zero(t, "合计", "total") if t.empty else None
        found = self._table_total(TableKind.BASIC_ECONOMIC, "public")
        if found is None:
            return None
        return _Ref(found.figure, f"{found.what}（无机关运行经费表，机关运行经费不应超过公用经费）",
                    f"{found.what_en} (no operating-costs table: must not exceed public funds)",
                    le=True)

    def _class(self, subject: str, scope: Scope, column: str | None = None) -> _Ref | None:
        """The class row of the table the scope names, in the total column, or in the
        基本支出/项目支出 column when the reader recorded that the figure is a part of it
        (then only tables with that column answer)."""
        name = norm(subject)
        part = column if column in ("basic", "project") else None

        def by_name(kind: TableKind, block: str | None, key: str) -> _Ref | None:
            t = self._table(kind)
            b = _block(t, block)
            if t is None or b is None or not b.has(key):
                return None
            for r in b.rows:
                if r.kind is RowKind.DATA and (r.code is None or len(r.code) == 3) \
                        and norm(r.name) == name:
                    return _cell(t, b, r, key)
            return _zero(t, subject, key) if _has_data(t, b) else None

        if part is not None:
            if scope is Scope.GRANT:
                return None  # the grant summary has no 基本/项目 columns
            kind = TableKind.GENERAL_EXPENDITURE if scope is Scope.GENERAL \
                else TableKind.EXPENDITURE
            return by_name(kind, None, part)
        if scope is Scope.GRANT:
            return by_name(TableKind.GRANT_SUMMARY, "expenditure", "total")
        if scope is Scope.GENERAL:
            return (by_name(TableKind.GENERAL_EXPENDITURE, None, "total")
                    or by_name(TableKind.GRANT_SUMMARY, "expenditure", "general_budget"))
        return (by_name(TableKind.SUMMARY, "expenditure", "total")
                or by_name(TableKind.EXPENDITURE, None, "total"))

    def _coded(self, subject: str, code: str, scope: Scope) -> _Ref | None:
        """An item printed with its code (2080201-行政运行): the row of that code, when the
        table prints it under the same name."""
        kinds = [TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE]
        if scope is Scope.ALL:
            kinds.reverse()
        for kind in kinds:
            t = self._table(kind)
            b = _block(t)
            if t is None or b is None:
                continue
            r = Context.coded_rows(b).get(code)
            if r is not None and norm(r.name) == norm(subject):
                return _cell(t, b, r, "total")
        return None

    def _item(self, subject: str, path: list[str], scope: Scope) -> _Ref | None:
        kinds = [TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE]
        if scope is Scope.ALL:
            kinds.reverse()
        for kind in kinds:
            t = self._table(kind)
            b = _block(t)
            if t is None or b is None:
                continue
            coded = Context.coded_rows(b)
            prefix = ""
            for part in path:
                hit = next((c for c, r in coded.items() if c.startswith(prefix)
                            and len(c) in (3, 5) and len(c) > len(prefix)
                            and _named_as(norm(r.name), part)), None)
                if hit is None:
                    break
                prefix = hit
            else:
                code = next((c for c, r in coded.items() if c.startswith(prefix)
                             and len(c) > len(prefix) and norm(r.name) == norm(subject)), None)
                if code is not None:
                    return _cell(t, b, coded[code], "total")
            # Names the table does not print the same way: the catalogue's code, when the
            # path's names identify one 项 there, and the table prints that code.
            code = _catalogue_item(subject, tuple(path))
            if code is not None and code in coded:
                return _cell(t, b, coded[code], "total")
            return None
        return None


_TOP_GROUP: Final = lazy(r"^[一二三四五六七八九十]{1,3}[、.．]")


def _under_carry(b: Block, row: Row) -> bool:
    """Whether ``row`` is listed under a carry-over group of the block (二、上年结转 and the
    rows after it, up to the next top-level item or total)."""
    in_carry = False
    carry = tuple(norm(n) for n in _CARRY_NAMES)
    for r in b.rows:
        if r is row:
            return in_carry and r.kind is not RowKind.TOTAL and not _TOP_GROUP.match(
                r.name.strip()) and not norm(r.name).startswith(carry)
        name = r.name.strip()
        if r.kind is RowKind.TOTAL:
            in_carry = False
        elif _TOP_GROUP.match(name) or norm(name).startswith(carry):
            in_carry = norm(_TOP_GROUP.sub("", name)).startswith(carry)
    return False
