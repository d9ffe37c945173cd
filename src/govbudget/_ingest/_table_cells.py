"""The cells and rows of a table in the sample's style: what a cell reads as (an amount,
a dash, a total, a line of column numbers), a row's code and level, and what the readers
of a table's parts share (`_Reading`: its findings, doubts and amounts).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from attrs import evolve

from .._findings import Finding, Location, Severity
from .._money import Interval, Unit, parse_amount
from .._pattern_cache import compile_pattern
from .._tables import COLUMN_LABELS, Column, Doubt, Row, RowKind, TableKind
from ..codes._model import split_note
from ._text import DASHES, is_amount, split_code

_CODE: Final = compile_pattern(r"^(\d{3}|\d{5}|\d{7}|\d{9})$")
_TOTAL_WORDS: Final = ("合计", "总计")
_COLNUMS: Final = compile_pattern(r"^\s*(\d{1,2}\s+){2,}\d{1,2}\s*$")
_WS: Final = compile_pattern(r"\s+")
_ANY_DIGIT: Final = compile_pattern(r"\d")
_CN_ORDINAL: Final = compile_pattern(r"^[一二三四五六七八九十]+、")
_PLAIN_AMOUNT: Final = compile_pattern(r"-?\d+(?:\.\d+)?")  # asked of ASCII text only
_OUTLINE: Final = compile_pattern(r"^表[一二三四五六七八九十]+")


_COLNUM_LABEL: Final = compile_pattern(r"^\s*(栏次|栏号)")


def _is_colnums(text: str) -> bool:
    """A line of column numbers (``1 2 3 4 5 6 7``): consecutive small integers, not a row of
    small amounts such as ``5 3 2`` in a table in 元. A 决算 table labels the line 栏次
    (``栏次 1 2 3``, in a two-sided table ``栏次 1 栏次 2``): never data."""
    start = text.lstrip()[:3]
    head = start[:1]
    if not head.isdigit():
        # Neither a column number first nor a label: most lines of a table.
        return head == "栏" and _COLNUM_LABEL.match(text) is not None
    if start.isdigit() or not _COLNUMS.match(text):
        # (three digits first: a code or an amount, not a column number of one or two)
        return False
    nums = [int(x) for x in text.split()]
    return all(b == a + 1 for a, b in itertools.pairwise(nums))


def _amount_like(cell: str) -> bool:
    """An amount, a dash, or a cell with digits that is meant as one (``35O.50``): not a
    column label."""
    return is_amount(cell) or cell in DASHES or bool(_ANY_DIGIT.search(cell))


@functools.lru_cache(maxsize=8192)
def _value_of(cell: str) -> Decimal | None:
    """The amount a cell reads as, ``None`` if it reads as none. Cached: cells such as
    ``0.00`` recur, and a `Decimal` is immutable."""
    if cell.isascii() and _PLAIN_AMOUNT.fullmatch(cell):
        return Decimal(cell)  # what parse_amount gives, without testing it twice
    return parse_amount(cell) if is_amount(cell) else None


@functools.lru_cache(maxsize=8192)
def _is_value(cell: str) -> bool:
    """A cell that is an amount or a dash (a blank cell is neither). Cached: it is asked of
    every cell, several times."""
    return bool(cell) and (cell in DASHES or is_amount(cell))


def _is_total(name: str) -> bool:
    """A total's name: it ends in 合计 or 总计, or is 小计 (a table's total printed so),
    spaces ignored (部门合计, 合 计 …); never a class's name."""
    if name.endswith(_TOTAL_WORDS) or name == "小计":
        return True
    return " " in name and (name.replace(" ", "").endswith(_TOTAL_WORDS)
                            or name.replace(" ", "") == "小计")


_ROW_NUMBER: Final = compile_pattern(r"^\d{1,3}$")

_COLUMNS: Final[dict[str, Column]] = {}


def _column(key: str) -> Column:
    """The column ``key`` with its standard label (`COLUMN_LABELS`; the key itself for an
    unknown one): one instance per key, a `Column` being immutable, so that the tables of
    each report do not build their columns again."""
    col = _COLUMNS.get(key)
    if col is None:
        col = _COLUMNS[key] = Column(key, COLUMN_LABELS.get(key, key))
    return col

def projects_kind(kind: TableKind) -> bool:
    """Whether a table is a project list (its rows' levels are their indentation, and its
    names may start with digits: 110指挥中心, 208国道养护)."""
    return kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER)


@functools.lru_cache(maxsize=1)
def _classes() -> frozenset[str]:
    """The 类 codes of the functional and economic catalogues (any edition)."""
    from ..codes import dept_economic, functional, gov_economic

    return frozenset(c for m in (functional, dept_economic, gov_economic)
                     for c in m.SCHEME._all_codes(None) if len(c) == 3)


def code_in_name(text: str) -> tuple[str, int] | None:
    """`split_code` of a cell, when the code's 类 is a catalogue's: ``2010101行政运行`` is a
    code and a name, ``110指挥中心运维`` or ``12345热线`` a project's name.

    >>> code_in_name("2010101行政运行"), code_in_name("110指挥中心运维")
    (('2010101', 7), None)
    """
    split = split_code(text)
    return split if split is not None and split[0][:3] in _classes() else None


def _take_code(c: tuple[str, ...], *, in_name: bool = False
               ) -> tuple[str | None, tuple[str, ...]]:
    """The row's code and the cells after it; a code printed split (``205 02 05``) is
    joined; with ``in_name`` (a table of classification rows, not a project list), one
    printed in its name's cell (``2010101行政运行``, `code_in_name`) is split off."""
    if not c:
        return None, c
    first = c[0]
    # A code is 3, 5, 7 or 9 decimal digits (what \d matches, isdecimal holds of: `_CODE`),
    # tested without a pattern: most first cells are names or amounts.
    n = len(first)
    if n not in _LEVEL_OF_LENGTH or not first.isdecimal():
        if in_name and n > 3 and (first[0].isdecimal() or first[0] in "[【［(（"):
            split = code_in_name(first)
            if split is not None:
                return split[0], (first[split[1]:].lstrip(), *c[1:])
        return None, c
    if n == 3:
        parts = [first]
        k = 1
        n_c = len(c)
        while k < n_c and len(parts) < 4 and c[k].isdecimal() and (
                len(c[k]) == 2 or (len(c[k]) == 1 and k + 1 < n_c and c[k + 1]
                                   and not _is_value(c[k + 1]))):
            # ``301 2 津贴补贴``: a part printed without its leading zero (30102), taken
            # only before a name (``208 5 5 0`` in 元 is a code and its figures)
            parts.append(c[k].zfill(2))
            k += 1
        return "".join(parts), c[k:]
    return first, c[1:]


_LEVEL_OF_LENGTH: Final = {3: 1, 5: 2, 7: 3, 9: 4}


def _code_level(code: str) -> int:
    return _LEVEL_OF_LENGTH.get(len(code), 1)


def _econ_level(name: str, *, blank_gov: bool) -> int:
    """The level of a basic-spending row: 1 for a departmental economic 类, 2 for a 款.

    The catalogue decides for a name it knows (an item with no government item beside it,
    such as 公务接待费, is still a 款); an unknown name is a 类 when its government item
    cell is blank, as class rows print.
    """
    from ..codes import dept_economic

    levels = {i.level for i in dept_economic.lookup_name(name)}
    if 1 in levels:
        return 1
    if levels:
        return 2
    return 1 if blank_gov else 2


def _fix_unit_levels(rows: list[Row], kind: TableKind) -> None:
    """In a project list, number the indentation depths 1, 2, …: the shallowest is level 1
    (a unit), the next level 2, whatever the number of full-width spaces per step."""
    if kind not in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
        return
    depths = sorted({r.level for r in rows if r.level is not None and r.kind is not RowKind.TOTAL})
    if depths == list(range(1, len(depths) + 1)):
        return
    rank = {d: i for i, d in enumerate(depths, 1)}
    for i, r in enumerate(rows):
        if r.level is not None and r.level in rank:
            lvl = rank[r.level]
            rows[i] = evolve(r, level=lvl, kind=RowKind.GROUP if lvl == 1 else r.kind)


def _strip_outline(title: str) -> str:
    # " 表一2024年预算收支总表" → "2024年预算收支总表"
    return _OUTLINE.sub("", title).strip()


class _Reading:
    """What the readers of a table's parts share (`govbudget._ingest._tables`,
    `._two_sided`, `._three_public`): the table's kind, title and money unit, the findings
    and doubts they add, and how an amount cell is read."""

    def __init__(self, kind: TableKind, findings: list[Finding]) -> None:
        self.kind = kind
        self.findings = findings
        self.title = ""
        self.unit: Unit | None = None
        self.doubts: list[Doubt] = []
        # Whether the text marks blank cells (two spaces): `govbudget._ingest._grid.blanks_marked`
        self.blanks = True
        self.header_parts: list[str] = []
        self.raw_header_words: list[str] = []

    def finding(self, rule: str, line: int, msg: str, msg_en: str, actual: str | None = None,
                severity: Severity = Severity.WARNING) -> None:
        """Add a reading finding located at ``line`` of this table."""
        self.findings.append(Finding(
            rule=rule, severity=severity, message=msg, message_en=msg_en,
            location=Location(section=self.title or self.kind.chinese, table=self.kind.value,
                              line=line),
            actual=actual,
        ))

    def amount(self, cell: str, line: int) -> Decimal | None:
        """The amount ``cell`` reads as; ``None`` for a blank or a dash, and for a cell that
        reads as no amount, reported (``reading.unparsed_amount``), never read as zero."""
        if not cell or cell in DASHES:
            return None
        value = _value_of(cell)
        if value is not None:
            return value
        self.finding("reading.unparsed_amount", line,
                      f"无法识别的金额“{cell}”，按空白处理", f"cannot read {cell!r} as an amount; "
                      "left blank", actual=cell)
        return None

    def amounts(self, cells: Sequence[str], line: int, n: int) -> tuple[Decimal | None, ...]:
        """The `amount` of each cell, padded with ``None`` to ``n`` columns (one call per
        row: a cell that reads as an amount is read without a call of `amount`, which is
        made only for the cells it must report)."""
        dashes, value_of, amount = DASHES, _value_of, self.amount
        out = tuple([None if not v or v in dashes else d if (d := value_of(v)) is not None
                     else amount(v, line) for v in cells])
        return out + (None,) * (n - len(out)) if len(out) < n else out


# How the name of a unit (an institution) ends; a project's name ends otherwise (…费,
# …项目, …工程, …补助).
_INSTITUTION_ENDS: Final = ("局", "办公室", "委员会", "中心", "院", "所", "站", "学校", "馆",
                            "队", "处", "厅", "办", "委", "会", "部", "机关", "政府", "街道",
                            "镇", "乡", "公司")


def units_by_sums(rows: Sequence[Row], kind: TableKind, unit_name: str | None
                  ) -> tuple[list[Row], bool]:
    """A flat project list (no indentation read: every row at one level) that lists its
    units with their projects under them: a row named as a unit (the table's 单位名称, or
    a name ending like an institution's) whose figures are the sum of the rows after it up
    to the next unit row is that unit's subtotal, a group (level 1) over its projects
    (level 2). Returns the rows and whether the levels are doubtful: unit-like rows that
    are not units over their projects (their figures do not add up the rows under them, or
    projects stand before the first, or the 合计 adds up neither the units nor all the
    rows). With no 合计, units are taken only when they are the table's own unit by name, or
    several units of several projects each (a coincidence is not).

    ```pycon
    >>> from decimal import Decimal as D
    >>> rows = [Row("某局", (D("30.00"),)), Row("设备购置", (D("20.00"),)),
    ...         Row("培训费", (D("10.00"),))]
    >>> out, doubtful = units_by_sums(rows, TableKind.PROJECTS, "某局")
    >>> [(r.level, r.kind.name) for r in out], doubtful
    ([(1, 'GROUP'), (2, 'DATA'), (2, 'DATA')], False)
    >>> units_by_sums(rows, TableKind.PROJECTS, None)[0] == rows  # maybe a coincidence
    True
    >>> units_by_sums(rows[1:], TableKind.PROJECTS, None)[1]  # no unit row: a flat list
    False
    >>> total = Row("合计", (D("30.00"),), kind=RowKind.TOTAL)
    >>> units_by_sums([total, *rows[:2], Row("培训费", (D("9.00"),))], TableKind.PROJECTS, None)[1]
    True

    ```
    """
    rows = list(rows)
    items = [r for r in rows if r.kind is not RowKind.TOTAL]
    if kind not in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER) or len(
            {(r.level, r.kind) for r in items}) > 1:
        return rows, False  # levels read (or none to read)

    def unit_like(r: Row) -> bool:
        name = r.name.strip()
        # (a unit's other name in brackets after it: 广州市统计监测中心（广州市统计发展中心）)
        bare = split_note(name)[0]
        return r.kind is not RowKind.TOTAL and bool(name) and (
            name == unit_name or bare.endswith(_INSTITUTION_ENDS))

    heads = [i for i, r in enumerate(rows) if unit_like(r)]
    if not heads:
        return rows, False
    out = list(rows)
    grouped = not any(r.kind is not RowKind.TOTAL for r in rows[:heads[0]])
    sizes = []
    for a, b in itertools.pairwise([*heads, len(rows)]):
        children = [k for k in range(a + 1, b) if rows[k].kind is not RowKind.TOTAL]
        if not grouped or not children or not _adds_up(rows[a], [rows[k] for k in children]):
            grouped = False
            break
        sizes.append(len(children))
        out[a] = evolve(rows[a], level=1, kind=RowKind.GROUP)
        for k in children:
            out[k] = evolve(rows[k], level=2, kind=RowKind.DATA)
    total = next((r for r in rows if r.kind is RowKind.TOTAL), None)
    if grouped:
        # Units over their projects, unless by coincidence (a project 一网通办 as big as
        # the two after it): the 合计 adds up the units, or, printing none, the units are
        # the table's own unit by name, or several units of several projects each.
        units = [rows[i] for i in heads]
        if total is not None:
            grouped = _adds_up(total, units)
        else:
            grouped = all(r.name.strip() == unit_name for r in units) or (
                len(units) >= 2 and min(sizes) >= 2)
        if grouped:
            return out, False
    # A flat list (a project named 人代会, 全市运动会) when its rows add up to its 合计 or
    # it prints none; else neither reading holds.
    return rows, total is not None and not _adds_up(total, items)


def _adds_up(head: Row, parts: Sequence[Row]) -> bool:
    """Whether ``head``'s figures are the sums of ``parts``' in every column, within the
    rounding of the printed figures (each stands for every value that rounds to it)."""
    for j, v in enumerate(head.values):
        got = [x for p in parts if j < len(p.values) and (x := p.values[j]) is not None]
        if v is None:
            if any(g != 0 for g in got):
                return False
            continue
        total = sum((_printed(g) for g in got), Interval.exact(Decimal(0)))
        if not total.intersects(_printed(v)):
            return False
    return True


def _printed(v: Decimal) -> Interval:
    """The values a printed figure stands for (to half its last digit)."""
    return Interval.of_rounded(v, Decimal(1).scaleb(min(int(v.as_tuple().exponent), 0)))
