"""Typed models of the standard disclosure tables.

Every standard table is a `Table`: its kind (what it is, whatever the region calls
it), its number and title as printed, the money unit of its amounts, and one or more
`Block` s of rows under named columns. Most tables have one block; the two-sided
summary tables (收支总表, 财政拨款收支总表) have an income block and an expenditure block.

A `Row` keeps its code (when the table has codes), its name, its level in the
hierarchy (1 = 类, 2 = 款, 3 = 项 for functional codes), its amounts, one per column,
(``None`` for a blank cell), and the line it was read from. A table printed with
"本表无数据" is an explicit empty table (``empty=True``), not a missing one.

The kinds cover the 13-table Shanxi set (预算公开表1–13) and the 9-table Ministry of
Finance department set; `SHANXI_13` and `MOF_9` list them in order.

A final account (决算, `govbudget.ReportKind.FINAL`) uses the same kinds: its nine tables
(收入支出决算总表 … 国有资本经营预算财政拨款支出决算表) are the budget's nine, with 决算
columns (年初结转和结余, 本年收入, 年末结转和结余, 上缴上级支出 …, see `COLUMN_LABELS`).
The kind says what a table is; the report's kind says whether its figures are planned or
spent, and the rules that hold only in one of the two say so in their condition. (New
kinds for 决算 would have doubled every rule's list of kinds for the identities the two
share: roll-ups, 合计 = 基本 + 项目, 财政拨款 columns = the fund tables.)

```pycon
>>> from decimal import Decimal
>>> t = Table(kind=TableKind.EXPENDITURE, number="3", title="2024年预算支出总表",
...           unit=Unit.WAN_YUAN,
...           blocks=(Block(name="", columns=(Column("total", "合计"), Column("basic", "基本支出"),
...                                            Column("project", "项目支出")),
...                         rows=(Row(code="201", name="一般公共服务支出", level=1,
...                                   values=(Decimal("10.00"), Decimal("6.00"), None)),)),))
>>> row = t.block().row("201")
>>> t.money(row, "total")
Money('10.00', Unit.WAN_YUAN)
>>> t.block().value(row, "project") is None
True

```
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from decimal import MAX_EMAX, MIN_EMIN, Context, Decimal, InvalidOperation, Rounded, localcontext
from functools import partial
from itertools import chain, compress, filterfalse, islice, repeat
from operator import attrgetter, is_, is_not
from typing import Final, cast

from attrs import field, frozen

from ._enum import IdentityEnum
from ._money import Money, Unit

__all__ = [
    "COLUMN_LABELS",
    "FINAL_ROWS",
    "MOF_9",
    "SHANXI_13",
    "Block",
    "Column",
    "Doubt",
    "Row",
    "RowKind",
    "Table",
    "TableKind",
]


class TableKind(IdentityEnum):
    """What a standard table is, whatever its printed title and number.

    The value is a stable key used in JSON, CSV and findings.
    """

    SUMMARY = "summary"
    """收支总表: income by source | expenditure by functional class (Shanxi 1, MOF 1)."""
    INCOME = "income"
    """收入总表: functional codes × income sources (Shanxi 2, MOF 2)."""
    EXPENDITURE = "expenditure"
    """支出总表: functional codes × 合计/基本支出/项目支出 (Shanxi 3, MOF 3)."""
    GRANT_SUMMARY = "grant_summary"
    """财政拨款收支总表: grant income | classes × funds (Shanxi 4, MOF 4)."""
    GENERAL_EXPENDITURE = "general_expenditure"
    """一般公共预算支出表: functional codes × 合计/基本/项目 (Shanxi 5, MOF 5)."""
    BASIC_ECONOMIC = "basic_economic"
    """一般公共预算基本支出表: economic items × 合计/人员经费/公用经费 (Shanxi 6, MOF 6)."""
    FUND_INCOME = "fund_income"
    """政府性基金预算收入表 (Shanxi 7)."""
    FUND_EXPENDITURE = "fund_expenditure"
    """政府性基金预算支出表 (Shanxi 8, MOF 8)."""
    STATE_CAPITAL = "state_capital"
    """国有资本经营预算收支/支出表 (Shanxi 9, MOF 9)."""
    THREE_PUBLIC = "three_public"
    """"三公"经费支出表 (Shanxi 10, MOF 7)."""
    OPERATING_COSTS = "operating_costs"
    """机关运行经费预算表 (Shanxi 11)."""
    PROJECTS = "projects"
    """项目支出预算表（本年预算）(Shanxi 12)."""
    PROJECTS_CARRYOVER = "projects_carryover"
    """项目支出预算表（上年结转）(Shanxi 13)."""
    GRANT_DETAIL = "grant_detail"
    """财政拨款支出决算明细表: grant spending by functional code, in detail (regional
    决算 variants)."""
    OTHER = "other"
    """A table of a kind the library does not model (政府采购支出表 …): read as printed,
    with its rows and columns, and not checked."""

    @property
    def chinese(self) -> str:
        """The usual Chinese name of this kind of table."""
        return _CHINESE[self]

    @property
    def functional(self) -> bool:
        """True for tables whose rows are functional codes (类/款/项)."""
        return self in _FUNCTIONAL


_CHINESE = {
    TableKind.SUMMARY: "收支总表",
    TableKind.INCOME: "收入总表",
    TableKind.EXPENDITURE: "支出总表",
    TableKind.GRANT_SUMMARY: "财政拨款收支总表",
    TableKind.GENERAL_EXPENDITURE: "一般公共预算支出表",
    TableKind.BASIC_ECONOMIC: "一般公共预算基本支出表",
    TableKind.FUND_INCOME: "政府性基金预算收入表",
    TableKind.FUND_EXPENDITURE: "政府性基金预算支出表",
    TableKind.STATE_CAPITAL: "国有资本经营预算表",
    TableKind.THREE_PUBLIC: "“三公”经费支出表",
    TableKind.OPERATING_COSTS: "机关运行经费预算表",
    TableKind.PROJECTS: "项目支出预算表（本年预算）",
    TableKind.PROJECTS_CARRYOVER: "项目支出预算表（上年结转）",
    TableKind.GRANT_DETAIL: "财政拨款支出明细表",
    TableKind.OTHER: "其他表格",
}
_FUNCTIONAL = frozenset({
    TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GENERAL_EXPENDITURE,
    TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL, TableKind.GRANT_DETAIL,
})

SHANXI_13: tuple[TableKind, ...] = (
    TableKind.SUMMARY, TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GRANT_SUMMARY,
    TableKind.GENERAL_EXPENDITURE, TableKind.BASIC_ECONOMIC, TableKind.FUND_INCOME,
    TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL, TableKind.THREE_PUBLIC,
    TableKind.OPERATING_COSTS, TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER,
)
"""The Shanxi 13-table set (预算公开表1–13), in order."""

MOF_9: tuple[TableKind, ...] = (
    TableKind.SUMMARY, TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GRANT_SUMMARY,
    TableKind.GENERAL_EXPENDITURE, TableKind.BASIC_ECONOMIC, TableKind.THREE_PUBLIC,
    TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL,
)
"""The Ministry of Finance 9-table department set (部门收支总表 … 国有资本经营预算支出表)."""


COLUMN_LABELS: dict[str, str] = {
    "total": "合计",
    "current_year": "当年预算安排",
    "carryover": "上年结转",
    "basic": "基本支出",
    "project": "项目支出",
    "grant": "财政拨款",
    "general_budget": "一般公共预算",
    "fund_budget": "政府性基金预算",
    "state_capital": "国有资本经营预算",
    "special_account": "财政专户管理资金",
    "unit_funds": "单位资金",
    "business_income": "事业收入",
    "operating_income": "事业单位经营收入",
    "superior_subsidy": "上级补助收入",
    "affiliated": "附属单位上缴收入",
    "other_income": "其他收入",
    "personnel": "人员经费",
    "public": "公用经费",
    "amount": "金额",
    "abroad": "因公出国（境）费",
    "reception": "公务接待费",
    "vehicles": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行维护费",
    "operating_costs": "机关运行经费",
    # 决算 (final accounts)
    "carry_in": "年初结转和结余",
    "income": "本年收入",
    "carry_out": "年末结转和结余",
    "remit_superior": "上缴上级支出",
    "operating_expenditure": "经营支出",
    "subsidy_affiliated": "对附属单位补助支出",
}
"""The canonical column keys and their usual Chinese labels.

In a 决算 table ``total`` is the year's figure (本年收入合计 in the income table, 本年支出
合计 / 小计 in the spending tables); ``carry_in``, ``income`` and ``carry_out`` are the
columns of the fund tables (年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余).
"""

FINAL_ROWS: dict[str, str] = {
    "budget": "预算数",
    "final": "决算数",
}
"""Row names of a 决算 “三公” table printed with the items as columns: one row of 预算数
and one of 决算数."""


class RowKind(IdentityEnum):
    """The role of a row in its table."""

    DATA = "data"
    """An ordinary row (a code, an item, a project)."""
    TOTAL = "total"
    """A total row: 合计, 本年收入合计, 收入总计 …"""
    GROUP = "group"
    """A heading row grouping the rows below it (a unit in a project list)."""


@frozen
class Column:
    """A column: a canonical key (see `COLUMN_LABELS`) and the label as printed."""

    key: str
    label: str = ""



def _tuple_decimal_none(items: Iterable[Decimal | None]) -> tuple[Decimal | None, ...]:
    return tuple(items)

@frozen
class Row:
    """One row of a table block.

    Attributes:
        name: the row's name as printed (wrapped names joined).
        values: one amount per column of the block, ``None`` for a blank cell.
        code: the classification code, when the table prints one.
        level: depth in the hierarchy (1 = 类 …; 1 = unit and 2 = project in a project list).
        kind: data, total or group.
        gov_name: the government economic item beside a departmental one (basic-spending table).
        line: the 1-based line the row starts on.
    """

    name: str
    values: tuple[Decimal | None, ...] = field(converter=_tuple_decimal_none)
    code: str | None = None
    level: int | None = None
    kind: RowKind = RowKind.DATA
    gov_name: str | None = None
    line: int | None = None


# The slots of `Row`, set directly by `new_row` (attrs' frozen ``__init__`` sets them through
# ``object.__setattr__`` after a converter; these are the same slots).
_new_object: Final = object.__new__
(_set_name, _set_values, _set_code, _set_level, _set_kind, _set_gov_name,
 _set_line) = (Row.__dict__[f].__set__ for f in
               ("name", "values", "code", "level", "kind", "gov_name", "line"))


def new_row(name: str, values: tuple[Decimal | None, ...], code: str | None,
            level: int | None, kind: RowKind, gov_name: str | None, line: int | None) -> Row:
    """``Row(name, values, code, level, kind, gov_name, line)`` for ``values`` already a
    tuple, without attrs' ``__init__`` (keywords, the converter and a call per field): the
    table readers build one for each row they read, thousands a report.

    ```pycon
    >>> from decimal import Decimal
    >>> new_row("合计", (Decimal("5.00"), None), None, None, RowKind.TOTAL, None, 7) == Row(
    ...     "合计", (Decimal("5.00"), None), kind=RowKind.TOTAL, line=7)
    True

    ```
    """
    row: Row = _new_object(Row)
    _set_name(row, name)
    _set_values(row, values)
    _set_code(row, code)
    _set_level(row, level)
    _set_kind(row, kind)
    _set_gov_name(row, gov_name)
    _set_line(row, line)
    return row


def _tuple_column(items: Iterable[Column]) -> tuple[Column, ...]:
    return tuple(items)


def _tuple_row(items: Iterable[Row]) -> tuple[Row, ...]:
    return tuple(items)

@frozen
class Block:
    """Rows under one set of columns (a table has one, or two for income | expenditure)."""

    name: str
    columns: tuple[Column, ...] = field(converter=_tuple_column)
    rows: tuple[Row, ...] = field(converter=_tuple_row, default=())

    @functools.cached_property
    def _positions(self) -> dict[str, int]:
        """Each column key's position (the first of a key printed twice), worked out once
        per block: the rules ask for columns by key for every cell they compare."""
        out: dict[str, int] = {}
        for i, c in enumerate(self.columns):
            out.setdefault(c.key, i)
        return out

    def position(self, key: str) -> int | None:
        """The position of the column ``key``, or ``None`` if the block has no such column."""
        return self._positions.get(key)

    def index(self, key: str) -> int:
        """The position of the column ``key``.

        Raises:
            KeyError: no such column.
        """
        i = self.position(key)
        if i is None:
            raise KeyError(key)
        return i

    def has(self, key: str) -> bool:
        """True when the block has column ``key``."""
        return key in self._positions

    def row(self, code_or_name: str) -> Row:
        """The first row with this code, or else this name.

        Raises:
            KeyError: no such row.
        """
        for r in self.rows:
            if r.code == code_or_name:
                return r
        for r in self.rows:
            if r.name == code_or_name:
                return r
        raise KeyError(code_or_name)

    def value(self, row: Row, key: str) -> Decimal | None:
        """The value of ``row`` in column ``key`` (``None`` when blank or no such column)."""
        i = self.position(key)
        if i is None or i >= len(row.values):
            return None
        return row.values[i]

    def totals(self) -> Iterator[Row]:
        """The total rows."""
        # the kinds compared in C: a big table without a total row is one quick pass
        return compress(self.rows, map(is_, map(_KIND, self.rows), repeat(RowKind.TOTAL)))

    def data_rows(self) -> Iterator[Row]:
        """The non-total rows."""
        return compress(self.rows, map(is_not, map(_KIND, self.rows), repeat(RowKind.TOTAL)))


_KIND = attrgetter("kind")


def _row_value(block: Block, row: Row, key: str) -> Decimal | None:
    i = block.index(key)
    return row.values[i] if i < len(row.values) else None





def _tuple_block(items: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(items)


def _tuple_int(items: Iterable[int]) -> tuple[int, ...]:
    return tuple(items)


@frozen
class Doubt:
    """Why the reader is not sure it read a table as printed.

    A table with doubts is read and kept whole (its rows are in the JSON), but no rule
    does arithmetic over it: a misreading must never be reported as the report's error.

    Attributes:
        reason: a stable key (``"columns"``: amounts that cannot be matched to columns;
            ``"amounts"``: cells that do not read as amounts; ``"codes"``: codes without
            names or broken codes; ``"header"``: columns not recognised).
        message: the reason in Chinese.
        message_en: the reason in English.
        lines: the lines concerned (first few).
    """

    reason: str
    message: str
    message_en: str = ""
    lines: tuple[int, ...] = field(converter=_tuple_int, default=())


def _cells(blocks: Iterable[Block]) -> Iterator[Decimal | None]:
    """Every cell of ``blocks``, row by row."""
    return chain.from_iterable(map(_VALUES, chain.from_iterable(b.rows for b in blocks)))


def _printed_cells(blocks: Iterable[Block]) -> Iterator[Decimal]:
    """Every cell of ``blocks`` that is not blank, row by row."""
    return cast("Iterator[Decimal]", filter(partial(is_not, None), _cells(blocks)))


_VALUES = attrgetter("values")
# Wide enough for any sum of printed figures; a sum it would round is not used.
_EXACT = Context(prec=60, Emax=MAX_EMAX, Emin=MIN_EMIN, traps=[InvalidOperation, Rounded])


def _lowest_exponent(blocks: Iterable[Block]) -> int | None:
    """The smallest exponent of the printed cells of ``blocks`` (``0`` when there are
    none), read off their exact sum: the exponent of an exact sum of decimals is the
    smallest of its terms' (``1.5 + 2.25 = 3.75``, ``5.00 + -5.00 = 0.00``). One C-level
    sum instead of a test per cell. ``None`` when the sum does not decide it: a special
    value (NaN, infinity) or a sum that would be rounded."""
    blocks = tuple(blocks)
    with localcontext(_EXACT):
        try:
            try:
                # A table without blanks is summed as it is (no test per cell); one with a
                # blank in its first rows, or further down, without them.
                if any(None in r.values for b in blocks for r in islice(b.rows, 64)):
                    raise TypeError
                total = sum(cast("Iterator[Decimal]", _cells(blocks)), Decimal(0))
            except TypeError:
                total = sum(_printed_cells(blocks), Decimal(0))
        except ArithmeticError:
            return None
    exp = total.as_tuple().exponent
    return exp if isinstance(exp, int) else None


def _tuple_doubt(items: Iterable[Doubt]) -> tuple[Doubt, ...]:
    return tuple(items)

@frozen
class Table:
    """A standard disclosure table.

    Attributes:
        kind: what the table is.
        number: its number as printed ("1" for 预算公开表1), or ``""``.
        title: its title as printed (de-duplicated).
        unit: the money unit of its amounts (from "单位：万元").
        blocks: the row blocks (one, or income and expenditure).
        unit_name: the 单位名称 printed on the table.
        empty: ``True`` when the table says it has no data (本表无数据).
        note: a note printed under the table (注：…).
        line: the line of its title.
        doubts: why the reader is not sure of what it read (empty when it is sure); the
            rules do no arithmetic over a table with doubts.
    """

    kind: TableKind
    number: str
    title: str
    unit: Unit
    blocks: tuple[Block, ...] = field(converter=_tuple_block, default=())
    unit_name: str | None = None
    empty: bool = False
    note: str | None = None
    line: int | None = None
    doubts: tuple[Doubt, ...] = field(converter=_tuple_doubt, default=())

    @property
    def trusted(self) -> bool:
        """True when the reader is sure of the table (no `doubts`)."""
        return not self.doubts

    def block(self, name: str | None = None) -> Block:
        """The block called ``name`` (default: the first).

        Raises:
            KeyError: no such block.
        """
        for b in self.blocks:
            if name is None or b.name == name:
                return b
        raise KeyError(name)

    def rows(self) -> Iterator[tuple[Block, Row]]:
        """Every (block, row) pair."""
        for b in self.blocks:
            for r in b.rows:
                yield b, r

    @functools.cached_property
    def quantum(self) -> Decimal:
        """The rounding quantum of the printed amounts, in the table's unit.

        Tables in 万元 or 亿元 print two decimals (or more: some print six); tables in 元
        print whole 元 unless a figure shows decimals. Worked out once per table.
        """
        places = 0 if self.unit is Unit.YUAN else 2
        low = _lowest_exponent(self.blocks)
        if low is None:
            # Not decided by a sum (a special value, or a sum too long to be exact): most
            # cells have exactly the table's usual exponent, `same_quantum` passes them
            # over in C, and only the others are looked at one by one.
            usual = Decimal(1).scaleb(-places)
            for v in filterfalse(usual.same_quantum, _printed_cells(self.blocks)):
                exp = v.as_tuple().exponent
                if isinstance(exp, int) and -exp > places:
                    places = -exp
        elif -low > places:
            places = -low
        return Decimal(1).scaleb(-places)

    def money(self, row: Row, key: str, block: Block | None = None) -> Money | None:
        """A row's amount in a column as `Money` (``None`` if blank or no column)."""
        b = block or self.block()
        if not b.has(key):
            return None
        v = _row_value(b, row, key)
        return None if v is None else Money(v, self.unit)


