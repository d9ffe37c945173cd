"""What the performance rules share: locations, figures, the indicators of both columns."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final

from attrs import evolve

from ..._findings import Finding, Location, Severity
from ..._lazy_re import lazy
from ..._money import Money, Unit
from ..._record import FrozenRecord
from ..._report import Indicator, PerformanceTable, Report
from ..._tables import TableKind
from ...indicators import (
    IndicatorLevelError,
    Level1,
    Level2,
    Quantity,
    Range,
    Target,
    parse_indicator_value,
    units_compatible,
)
from .._context import Context, Figure
from .._registry import Code

_SECTION: Final = "performance"
_TABLE: Final = "performance"
_ZERO: Final = Decimal(0)


def _has_performance(report: Report) -> bool:
    return bool(report.performance)


def _has_project_list(report: Report) -> bool:
    return bool(report.performance) and any(
        t.kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER) for t in report.tables)


# -- locations and figures -----------------------------------------------------------------


# The field of a performance table a location's column names (for its line).
_FIELD_OF: Final = {"项目名称": "project", "项目概况": "overview", "项目实施计划": "plan",
                    "年度目标": "goals", "实施期目标": "goals", "年度资金总额": "funding",
                    "实施期资金总额": "funding"}


def _loc(p: PerformanceTable, column: str | None = None, line: int | None = None) -> Location:
    if line is None:
        field = _FIELD_OF.get(column or "")
        if field is None and column and column.endswith(("（年度）", "（实施期）")):
            field = "funding"  # a funding line's cell
        line = p.line if field is None else p.line_of(field)
    return Location(section=_SECTION, table=_TABLE, row_name=p.project or None, column=column,
                    line=line)


def _quantum(value: Decimal, unit: Unit) -> Decimal:
    """The rounding quantum of a printed amount: its last digit, at most whole 元 in a
    table in 元 and 0.01 in one in 万元/亿元 (as :attr:`Table.quantum`)."""
    return _quantum_of(value.as_tuple().exponent, unit)


@functools.lru_cache(maxsize=64)
def _quantum_of(exp: int | str, unit: Unit) -> Decimal:
    # Keyed by the exponent, not the value: 1.0 and 1.00 are equal but print differently.
    default = Decimal(1) if unit is Unit.YUAN else Decimal("0.01")
    if not isinstance(exp, int) or exp >= 0:
        return default
    return min(default, Decimal(1).scaleb(exp))


def _amount_figure(p: PerformanceTable, value: Decimal | None, column: str,
                   line: int | None = None) -> Figure:
    # The location is built only if the figure ends up in a finding.
    if value is None:
        return Figure.lazy(Money.of(_ZERO, p.unit), _ZERO, _loc, p, column, line)
    return Figure.lazy(Money.of(value, p.unit), _quantum(value, p.unit), _loc, p, column, line)


def _tidy(f: Finding) -> Finding:
    """The finding without related locations that repeat its own (figures read from one
    text field all carry the field's location)."""
    related = tuple(dict.fromkeys(r for r in f.related if r != f.location))
    return f if related == f.related else evolve(f, related=related)


def _yuan(m: Money) -> Money:
    """``m`` in 元, without trailing zeros (``12.5万元`` → ``125000元``)."""
    a = m.yuan
    if a == a.to_integral_value():
        return Money.of(a.quantize(Decimal(1)), Unit.YUAN)
    return Money.of(Decimal(format(a, "f").rstrip("0")), Unit.YUAN)


def _plain(m: Money) -> str:
    """An amount for a message, in its own unit without trailing zeros (``10.64万元``)."""
    a = m.amount
    text = format(a, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text + m.unit.symbol


# -- indicators of both columns ------------------------------------------------------------


class _Entry(FrozenRecord):
    """An indicator, merged with its identical twin in the other column."""

    __slots__ = ("column", "ind", "twin")

    def __init__(self, ind: Indicator, column: str, twin: Indicator | None = None) -> None:
        self.ind = ind
        self.column = column  # "year", "period" or "both"
        self.twin = twin

    @property
    def where(self) -> str:
        return {"year": "年度", "period": "实施期", "both": "实施期、年度"}[self.column]

    @property
    def where_en(self) -> str:
        return {"year": "year", "period": "period", "both": "period and year"}[self.column]

    def location(self, p: PerformanceTable) -> Location:
        key = {"year": "indicators_year", "period": "indicators_period",
               "both": "indicators"}[self.column]
        return _loc(p, key, self.ind.line)

    def related(self, p: PerformanceTable) -> list[Location]:
        if self.twin is None:
            return []
        return [_loc(p, "indicators_period", self.twin.line)]


def _entries(p: PerformanceTable) -> list[_Entry]:
    """Every indicator once: identical rows of the two columns are one entry."""
    used = [False] * len(p.indicators_period)
    # The unused period rows of each key, first printed first.
    free: dict[tuple[str, str, str, str], list[int]] = {}
    for i, q in enumerate(p.indicators_period):
        free.setdefault((q.level1, q.level2, q.name, q.value), []).append(i)
    out: list[_Entry] = []
    for y in p.indicators_year:
        waiting = free.get((y.level1, y.level2, y.name, y.value))
        twin = None
        if waiting:
            i = waiting.pop(0)
            used[i] = True
            twin = p.indicators_period[i]
        out.append(_Entry(y, "both" if twin is not None else "year", twin))
    out.extend(_Entry(q, "period") for i, q in enumerate(p.indicators_period) if not used[i])
    return out


def _all_entries(ctx: Context) -> dict[int, tuple[_Entry, ...]]:
    # By ``id``: the context keeps the report, so each table's id stays its own.
    return {id(p): tuple(_entries(p)) for p in ctx.report.performance}


def _entries_of(ctx: Context, p: PerformanceTable) -> tuple[_Entry, ...]:
    """`_entries` of a table, derived once per check run (several rules walk them)."""
    return ctx.once(_all_entries)[id(p)]


_COST_L2: Final = frozenset({Level2.COST, Level2.ECONOMIC_COST, Level2.SOCIAL_COST,
                             Level2.ECOLOGICAL_COST})


def _is_cost(ind: Indicator) -> bool:
    return _is_cost_levels(ind.level1, ind.level2)


@functools.lru_cache(maxsize=256)
def _is_cost_levels(level1: str, level2: str) -> bool:
    try:
        if level2 and Level2.parse(level2) in _COST_L2:
            return True
    except IndicatorLevelError:
        pass
    try:
        return bool(level1) and Level1.parse(level1) is Level1.COST
    except IndicatorLevelError:
        return False


@functools.lru_cache(maxsize=256)
def _is_output_level(level1: str) -> bool:
    try:
        return bool(level1) and Level1.parse(level1) is Level1.OUTPUT
    except IndicatorLevelError:
        return False


def _is_output(ind: Indicator) -> bool:
    return _is_output_level(ind.level1)


def _is_money(unit: str) -> bool:
    return bool(unit) and "/" not in unit and units_compatible(unit, "元")


def _is_money_rate(unit: str) -> bool:
    return "/" in unit and units_compatible(unit.split("/")[0], "元")

def _admits(target: Quantity | Range, value: Decimal, unit: str) -> bool:
    """`Target.admits <govbudget.indicators.Quantity.admits>` for a figure of prose whose
    unit the rules took as the target's (``人次`` counted as ``人``, an unstated unit): the
    value is converted when the units convert, else taken in the target's unit."""
    return target.admits(value, unit if _convertible(unit, target.unit) else "")


@functools.lru_cache(maxsize=256)
def _convertible(a: str, b: str) -> bool:
    try:
        return bool(a) and bool(b) and units_compatible(a, b)
    except ValueError:
        return False


# -- small text helpers --------------------------------------------------------------------


def _edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Levenshtein distance, cut off at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return min(prev[-1], limit)


def _near(a: str, b: str) -> bool:
    """True for names that differ by a slip: up to two characters inserted, deleted or
    replaced (``购置投影议`` / ``购置投影仪``)."""
    if a == b or not a or not b:
        return False
    return _edit_distance(a, b) <= min(2, max(1, min(len(a), len(b)) // 4))


_BRACKETED: Final = lazy(r"[（(][^（）()]*[）)]")

def _unbracketed(name: str) -> str:
    """A name without bracketed qualifiers (``培训经费(县级)`` → ``培训经费``)."""
    return _BRACKETED.sub("", name)


def _parse(ind: Indicator) -> Target | None:
    return _parse_value(ind.value) if ind.value else None


# Targets are immutable and depend on the text alone; several rules parse each value.
_parse_value: Final = functools.lru_cache(maxsize=4096)(parse_indicator_value)


def _parallel(p: PerformanceTable) -> bool:
    """True when the 实施期 and 年度 columns describe the same money: a one-year project,
    or equal period and year funds."""
    d = p.duration.replace(" ", "")
    if d in ("1年", "一年", "1", "当年", "1年期"):
        return True
    if p.total_period is not None and p.total_year is not None:
        return p.total_period == p.total_year
    return False



def _say(ctx: Context, code: Code, severity: Severity, location: Location,
         related: Sequence[Location] = (), expected: Money | None = None,
         actual: Money | None = None, *, expected_text: str | None = None,
         actual_text: str | None = None, values: Mapping[str, object] | None = None,
         **more: object) -> Finding:
    """A finding of the kind ``code``: its message from the code's templates filled with
    ``values`` and ``more`` (`Code.message`), its rule the code's rule."""
    zh, en = code.message(**(values or {}), **more)
    f = ctx.finding(_rule_of(code), severity, zh, en, location, related, expected, actual,
                    expected_text=expected_text, actual_text=actual_text)
    return f if f.code == code.id else evolve(f, code=code.id)


def _coded(f: Finding, code: Code) -> Finding:
    """A finding made by a comparison of the context (`Context.sum_check` …), of the kind
    ``code``."""
    return f if f.code == code.id else evolve(f, code=code.id)


def _rule_of(code: Code) -> str:
    # The performance rules' ids have two parts (``performance.formula``), the
    # self-evaluation ones three; a finer code adds one.
    parts = code.id.split(".")
    return ".".join(parts[:3] if parts[1] == "self_evaluation" else parts[:2])
