"""Performance rules: project performance target tables (项目支出绩效目标表) against the
project list and against themselves.

Every rule has the category ``performance`` and the id ``performance.<name>``. Findings
point at the performance table: ``Location(section="performance", table="performance",
row_name=<project>, column=…, line=…)``. The reader keeps the line of each funding row and
each indicator; for the two funding totals and for the text fields (项目概况 …) it keeps
only the table's title line, so those findings carry the title line and name the field in
``column``.

Severities: ``error`` for an arithmetic contradiction (a sum, a product, a cap exceeded),
``warning`` for a heuristic match or a likely inconsistency (anything read from prose),
``info`` for observations (a gap rounding can produce, a difference that may be
legitimate).

=====================================  ========  =============================================
rule                                   default   what
=====================================  ========  =============================================
``performance.project_amount``         error     年度资金总额 = the project-list amount
``performance.funding_sum``            error     sources add up to both totals; year ≤ period
``performance.cost_indicator``         error     money cost targets ≤ funds; rates vs overview
``performance.itemised_costs``         warning   overview cost lists add up to their totals
``performance.formula``                error     written arithmetic, quantity × rate products
``performance.quantity_vs_overview``   warning   counts in indicators vs counts in the text
``performance.name_unit``              warning   unit in the name vs unit of the value
``performance.columns_differ``         warning   实施期 vs 年度 columns where they are parallel
``performance.framework``              warning   (一级, 二级) pairs, missing/unreadable values
``performance.overview_total``         warning   the overview's total vs the year funds
=====================================  ========  =============================================

Reading prose (项目概况)
------------------------

The overview of a project often costs it out. :func:`_scan` reads the text into tokens,
after mapping full-width digits and signs to ASCII (one character for one, so positions
hold), claiming spans in this order so that no figure is read twice:

1. written arithmetic ``a op b … = c`` (``12×2500=30000元``, ``30000+8000+2000=40000元``;
   ``op`` is ``× x * ÷ / + -``): a *formula* whose result is an amount (a formula with no
   money unit after its result, ``3+2=5``, is arithmetic only);
2. rates: ``300元/天/台``, ``1500元/期`` and ``每人每年约1200元``, ``每人600的标准`` (a
   ``每…`` rate needs a money unit or the word 标准 after the number); a rate is never an
   item of a cost list;
3. amounts: a number and ``元``/``万元``/``亿元``/``千元``;
4. quantities: a number (Arabic or Chinese, or a range ``1-2天``) and a counting unit
   (``人 天 期 次 个 套 台 平方米 …``); a year (``2024年``), a month or a day of a date
   are not quantities; ``约``/``左右`` mark an estimate, ``至少``/``不少于`` a bound;
5. ``其中`` (a list starts) and sentence ends (``。！？``).

An amount is a *total* when the text between it and the previous figure (cut at the last
``，；。``) holds 合计, 总计, 共计, 共需, 总共, 累计, 小计, 一共, 总额 or 总金额
(``全年12期合计：12×2500=30000元`` is a total; ``预计需经费3500元`` an item).

Heuristics of the cost lists (``performance.itemised_costs``): amounts are items, and
each total closes the items before it. Items reset after ``其中`` and after each total; a
total stated just before ``其中`` heads the list that follows and is compared at the end
when no later total repeats it. A closed total is kept as a *subtotal*, so that
``共需3万元；…1.25万元，合计4.25万元`` and ``…合计30000元 … 8000元 … 2000元
总合计40000元`` add up (subtotals plus the items after them). A total is compared with
the items since the previous total, with the subtotals and those items, and with the
subtotals alone; any of them adding up is agreement. A total written as a product
(``合计：12×2500=30000元``) may be the items multiplied out: items adding up to one of
its factors agree. A total written as a sum is also checked as a formula. A list with
fewer than two terms is not checked. Sums are compared with
:func:`govbudget.explain_gap`. A prose amount is exact (``8万元``, ``1.5万元``, ``3500元``:
prose states budgeted figures) unless it is in 万元/亿元 with two decimals or more, the
precision of the tables, when it may be rounded to its last digit (``2.33万元``); a total
is never taken as rounded more coarsely than its items, and 整 makes it exact.

Heuristics of the products (``performance.formula``): the figures of each sentence are
walked in order. A rate takes, for each unit it is per (``元/人/天``: 人 and 天), the
nearest quantity of that unit before it; a quantity after a rate fills what the rate
still lacks; quantities joined by ``*``/``×`` multiply together. The next amount closes the
statement: Σ(rate × its quantities) must equal it. A statement with no amount after it
is compared with an amount stated earlier in the same sentence (``预计需经费9.6万元；…
40人，按照每人每天约200元的标准，活动约为12天``). A statement is not checked when a unit
of the rate has no quantity (except ``年``: the budget is for one year), when a quantity
is a range or a bound (``1-2天``, ``至少``: the product is a bound, not a figure), or when
the amount follows ``其中``/``含``/``包括`` (a part, not the product). A wrong product is
an error; a warning when a figure is an estimate (``约``, ``左右``) or the statement was
closed by an earlier amount.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext
from typing import Final, NamedTuple

from attrs import define, evolve, field, frozen

from .._chars import NUMBER, translation
from .._findings import Finding, Location, Severity
from .._money import Money, Unit, explain_gap
from .._report import Indicator, PerformanceTable, Report
from .._tables import RowKind, TableKind
from ..indicators import (
    Comparison,
    IndicatorLevelError,
    Level1,
    Level2,
    Quantity,
    Range,
    Target,
    UnitCheck,
    Unparsed,
    canonical_unit,
    check_name_unit,
    convert,
    parse_indicator_value,
    unit_in_name,
    units_compatible,
    validate_levels,
)
from ._context import Context, Figure, norm
from ._registry import Category, RuleSet

RULES = RuleSet()

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


@frozen
class _Entry:
    """An indicator, merged with its identical twin in the other column."""

    ind: Indicator
    column: str  # "year", "period" or "both"
    twin: Indicator | None = None

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


def _entries_of(ctx: Context, p: PerformanceTable) -> tuple[_Entry, ...]:
    """`_entries` of a table, derived once per check run (several rules walk them)."""
    memo = ctx.memo.get("performance.entries")
    if not isinstance(memo, dict):
        memo = ctx.memo["performance.entries"] = {}
    got = memo.get(id(p))  # the context keeps the report, so ``id`` stays unique
    if got is None:
        got = memo[id(p)] = tuple(_entries(p))
    return got


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


# -- prose: tokens -------------------------------------------------------------------------

_PROSE_TRANS: Final = translation({
    "＋": "+", "＝": "=", "＊": "*", "﹡": "*", "✕": "×", "／": "/", "－": "-",
    "～": "~", "\u3000": " ", "\u00a0": " ",
})
_PROSE_CHARS_RE: Final = re.compile("[" + re.escape("".join(map(chr, _PROSE_TRANS))) + "]")
_NUM: Final = NUMBER
_CN_DIGITS: Final = "一二两三四五六七八九十百"
_OP: Final = r"[×xX*÷/+\-]"
_MONEY_UNIT: Final = r"(?:亿元|万元|千元|元)"
# A number not glued to a digit, a point or a comma before it. Written as a digit and then
# the lookbehind (checked at the second character: ``[\d.,]\d``), not ``(?<![\d.,])`` first:
# a pattern that starts with ``\d`` lets the regex engine skip ahead to the next digit, one
# that starts with a lookbehind tries it at every position (the matches are the same).
_NUM_FREE: Final = r"\d(?<![\d.,]\d)\d*(?:,\d{3})*(?:\.\d+)?"
_FORMULA_RE: Final = re.compile(
    rf"({_NUM_FREE}(?:\s*{_OP}\s*{_NUM})+)\s*=\s*({_NUM})\s*({_MONEY_UNIT})?")
_PER_UNITS: Final = r"(?:人次|课时|学时|小时|[人名位天日年月期次场台个户件套辆])"
_PER_UNITS_RE: Final = re.compile(_PER_UNITS)
_RATE_EACH_RE: Final = re.compile(
    rf"((?:每{_PER_UNITS})+)\s*(约|按|为|计)?\s*({_NUM})\s*({_MONEY_UNIT})?\s*(?:的)?(标准)?")
_RATE_SLASH_RE: Final = re.compile(
    rf"({_NUM_FREE})\s*({_MONEY_UNIT})((?:\s*[/·]\s*(?:人次|人天|课时|学时|小时|[\u4e00-\u9fff]))+)")
_MONEY_RE: Final = re.compile(rf"({_NUM_FREE})\s*({_MONEY_UNIT})(?!\s*/)")
_QTY_UNITS: Final = (
    "平方公里", "平方米", "立方米", "人次", "人天", "个月", "分钟", "小时", "课时", "学时", "公里",
    "人", "天", "日", "期", "次", "场", "个", "套", "把", "台", "部", "项", "名", "件", "张", "辆",
    "户", "批", "间", "本", "册", "份", "篇", "条", "处", "所", "座", "栋", "块", "盏", "株", "棵",
    "只", "种", "轮", "门", "节", "段", "位", "支", "队", "组", "页", "卷", "幅", "首", "集", "周",
    "年", "亩", "吨",
)
# Not after 第 either (第3期 is an ordinal); the lookbehind comes after the first character
# as in ``_NUM_FREE``, for Chinese numerals too. The units of several characters come
# first (人次 before 人); those of one are a character class, one test instead of fifty
# alternatives (the same match: one character can match one of them only).
_QTY_RE: Final = re.compile(
    rf"(\d(?<![\d.,第]\d)\d*(?:,\d{{3}})*(?:\.\d+)?(?:\s*[-~至到]\s*{_NUM})?"
    rf"|[{_CN_DIGITS}](?<![\d.,第][{_CN_DIGITS}])[{_CN_DIGITS}]*)\s*("
    + "|".join(u for u in _QTY_UNITS if len(u) > 1)
    + "|[" + "".join(u for u in _QTY_UNITS if len(u) == 1) + "])")
_OP_SPLIT: Final = re.compile(r"\s*([×xX*÷/+\-])\s*")
_SLASH_SPLIT: Final = re.compile(r"\s*[/·]\s*")
_RANGE_SPLIT: Final = re.compile(r"\s*[-~至到]\s*")
_STOP_RE: Final = re.compile(r"[。！？!?\n]")
_CLAUSE: Final = "，,；;。！？!?\n"
_UP_TO_CLAUSE: Final = re.compile(f".*[{_CLAUSE}]", re.S)
_TOTAL_WORDS: Final = ("合计", "总计", "共计", "共需", "总共", "累计", "小计", "一共", "总额",
                       "总金额")
_PART_WORDS: Final = ("其中", "含", "包括")
_APPROX_BEFORE: Final = ("约", "近", "大概", "大约")
_BOUND_BEFORE: Final = ("至少", "不少于", "不低于", "最少")
# ``any(w in s for w in words)`` as one search.
_APPROX_BEFORE_RE: Final = re.compile("|".join(_APPROX_BEFORE))
_BOUND_BEFORE_RE: Final = re.compile("|".join(_BOUND_BEFORE))
_UNIT_ALIASES: Final = {"日": "天", "人次": "人", "名": "人", "位": "人"}


def _cn_number(text: str) -> Decimal | None:
    """``三`` → 3, ``十二`` → 12, ``两`` → 2, ``一百`` → 100 (small counts only)."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")}
    digits["两"] = 2
    total = 0
    current = 0
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return Decimal(total + current)


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _money_of(value: Decimal, unit: str) -> Money:
    if unit == "千元":
        return Money.of(value * 1000, Unit.YUAN)
    return Money.of(value, Unit.parse(unit))


class _Tok(NamedTuple):
    """A figure of prose (see the module docstring). A named tuple, not an attrs class:
    a scan makes many tokens, and a tuple is built in a third of the time."""

    kind: str  # "formula", "rate", "money", "qty", "reset", "stop"
    start: int
    end: int
    text: str
    value: Decimal = _ZERO
    unit: str = ""  # money unit symbol, or the canonical counting unit
    hi: Decimal | None = None  # a range's upper end
    dens: tuple[str, ...] = ()  # what a rate is per
    approx: bool = False
    exact: bool = False  # followed by 整
    bound: bool = False  # at least
    operands: tuple[Decimal, ...] = ()
    ops: tuple[str, ...] = ()
    bare: bool = False  # a formula whose result has no money unit (``3+2=5``)

    @property
    def is_amount(self) -> bool:
        """An amount of money: a money token, or the result of a formula in money."""
        return self.kind == "money" or (self.kind == "formula" and not self.bare)

    @property
    def money(self) -> Money:
        return _money_of(self.value, self.unit)


def _quantum_yuan(t: _Tok) -> Decimal:
    """The rounding quantum of a prose amount, in 元: the last printed digit of an amount in
    万元 or 亿元 with two decimals or more (``2.33万元`` may be 23,331 元 rounded); every
    other amount is exact (``8万元``, ``1.5万元``, ``3500元``, and any amount followed by 整):
    prose states budgeted figures, and a rounded one shows the table's two decimals."""
    exp = t.value.as_tuple().exponent
    if t.exact or t.unit not in ("万元", "亿元") or not isinstance(exp, int) or exp > -2:
        return _ZERO
    return _money_of(Decimal(1).scaleb(exp), t.unit).yuan


def _flags(text: str, start: int, end: int) -> tuple[bool, bool, bool]:
    before = text[max(0, start - 4):start]
    after = text[end:end + 2]
    approx = _APPROX_BEFORE_RE.search(before, max(0, len(before) - 3)) is not None \
        or after.startswith(("左右", "余", "多"))
    bound = _BOUND_BEFORE_RE.search(before) is not None or after.startswith("以上")
    exact = after.startswith("整")
    return approx, exact, bound


@functools.lru_cache(maxsize=2048)
def _prose(text: str) -> str:
    # Cached: several rules read each project's few texts, and translating a long text
    # costs more than the look-up. Most texts have no character to map (a search is much
    # faster than ``translate``).
    return text.translate(_PROSE_TRANS) if _PROSE_CHARS_RE.search(text) else text


@functools.lru_cache(maxsize=2048)
def _scan(raw: str) -> tuple[_Tok, ...]:
    """The figures of a text, in order (see the module docstring); cached, the tokens
    are immutable (several rules scan the same overview)."""
    return tuple(_scan_text(raw))


def _scan_text(raw: str) -> list[_Tok]:
    text = _prose(raw)
    claimed = bytearray(len(text))
    toks: list[_Tok] = []

    def free(s: int, e: int) -> bool:
        return claimed.find(1, s, e) < 0

    def claim(tok: _Tok) -> None:
        claimed[tok.start:tok.end] = b"\x01" * (tok.end - tok.start)
        toks.append(tok)

    # Each pass is skipped when the text lacks a character every match of it needs
    # (``=``, ``每``, ``元``): the pass could find nothing.
    if "=" in text:
        for m in _FORMULA_RE.finditer(text):
            parts = _OP_SPLIT.split(m.group(1))
            nums = tuple(_number(x) for x in parts[0::2])
            ops = tuple(parts[1::2])
            unit = m.group(3) or "元"
            approx, exact, _ = _flags(text, m.start(), m.end())
            claim(_Tok("formula", m.start(), m.end(), raw[m.start():m.end()],
                       _number(m.group(2)), unit, approx=approx, exact=exact, operands=nums,
                       ops=ops, bare=m.group(3) is None))
    if "每" in text:
        for m in _RATE_EACH_RE.finditer(text):
            if not (m.group(4) or m.group(5)) or not free(m.start(), m.end()):
                continue
            dens = tuple(_UNIT_ALIASES.get(d, d) for d in _PER_UNITS_RE.findall(m.group(1)))
            approx = m.group(2) == "约" or _APPROX_BEFORE_RE.search(
                text, max(0, m.start() - 3), m.start()) is not None
            claim(_Tok("rate", m.start(), m.end(), raw[m.start():m.end()], _number(m.group(3)),
                       m.group(4) or "元", dens=dens, approx=approx))
    if "元" in text:
        for m in _RATE_SLASH_RE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            dens = tuple(_UNIT_ALIASES.get(d, d) for d in _SLASH_SPLIT.split(m.group(3)) if d)
            approx, _, _ = _flags(text, m.start(), m.end())
            claim(_Tok("rate", m.start(), m.end(), raw[m.start():m.end()], _number(m.group(1)),
                       m.group(2), dens=dens, approx=approx))
        for m in _MONEY_RE.finditer(text):
            if not free(m.start(), m.end()):
                continue
            approx, exact, _ = _flags(text, m.start(), m.end())
            claim(_Tok("money", m.start(), m.end(), raw[m.start():m.end()], _number(m.group(1)),
                       m.group(2), approx=approx, exact=exact))
    for m in _QTY_RE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        num, unit = m.group(1), m.group(2)
        before = text[m.start() - 1] if m.start() else ""
        hi: Decimal | None = None
        if num[0].isdigit():
            parts = _RANGE_SPLIT.split(num)
            value = _number(parts[0])
            if len(parts) == 2:
                hi = _number(parts[1])
        else:
            cn = _cn_number(num)
            if cn is None:
                continue
            value = cn
        if unit == "年" and (value >= 1000 or "." in num):
            continue  # a year (2024年), not a duration
        if unit == "日" and before == "月":
            continue  # a date (3月5日)
        approx, exact, bound = _flags(text, m.start(), m.end())
        canon = _UNIT_ALIASES.get(unit, unit)
        claim(_Tok("qty", m.start(), m.end(), raw[m.start():m.end()], value, canon, hi=hi,
                   approx=approx, bound=bound))
    k = text.find("其中")
    while k >= 0:
        if free(k, k + 2):
            toks.append(_Tok("reset", k, k + 2, "其中"))
        k = text.find("其中", k + 1)
    for m in _STOP_RE.finditer(text):
        toks.append(_Tok("stop", m.start(), m.end(), m.group()))
    toks.sort(key=lambda t: (t.start, t.end))
    return toks


def _window(text: str, toks: Sequence[_Tok], i: int) -> str:
    """The text before token ``i`` back to the previous figure or clause mark."""
    start = 0
    for j in range(i - 1, -1, -1):
        if toks[j].kind in ("money", "formula", "rate"):
            start = toks[j].end
            break
    seg = text[start:toks[i].start]
    m = _UP_TO_CLAUSE.match(seg)  # greedy: up to the last clause mark
    return seg[m.end():] if m else seg


def _is_total(window: str) -> bool:
    return any(w in window for w in _TOTAL_WORDS)


def _evaluate(t: _Tok) -> Decimal | None:
    """The left side of a written formula, × and ÷ before + and −; ``None`` when it
    cannot be computed (division by zero)."""
    with localcontext() as c:
        c.prec = 40
        try:
            terms: list[Decimal] = []
            signs: list[int] = []
            cur = t.operands[0]
            sign = 1
            for op, x in zip(t.ops, t.operands[1:], strict=True):
                if op in "×xX*":
                    cur = cur * x
                elif op in "÷/":
                    cur = cur / x
                else:
                    terms.append(cur)
                    signs.append(sign)
                    cur = x
                    sign = 1 if op == "+" else -1
            terms.append(cur)
            signs.append(sign)
            return sum((s * v for s, v in zip(signs, terms, strict=True)), _ZERO)
        except (DivisionByZero, InvalidOperation):
            return None


def _is_product(t: _Tok) -> bool:
    return bool(t.ops) and all(o in "×xX*" for o in t.ops)


def _is_sum(t: _Tok) -> bool:
    return bool(t.ops) and all(o == "+" for o in t.ops)


# -- prose: cost lists ---------------------------------------------------------------------


@frozen
class _ListCheck:
    """A stated total and the items (and subtotals) that should add up to it."""

    terms: tuple[_Tok, ...]
    total: _Tok
    etc: bool  # the list ends with 等 (not exhaustive)


@functools.lru_cache(maxsize=1024)
def _cost_lists(raw: str) -> tuple[_ListCheck, ...]:
    """Cost lists whose items do not add up exactly to their stated total. Cached like
    the tokens: a pure function of the text, and reports of one template repeat their
    texts."""
    return tuple(_cost_lists_of(raw))


def _cost_lists_of(raw: str) -> list[_ListCheck]:
    text = _prose(raw)
    toks = _scan(raw)
    out: list[_ListCheck] = []
    items: list[_Tok] = []
    subtotals: list[_Tok] = []
    header: _Tok | None = None
    last_total: _Tok | None = None
    last_money: _Tok | None = None
    prev_end = 0

    def close(total: _Tok, etc: bool) -> None:
        cands: list[list[_Tok]] = []
        if len(items) >= 2:
            cands.append(list(items))
        if subtotals and items:
            cands.append([*subtotals, *items])
        if len(subtotals) >= 2 and not items:
            cands.append(list(subtotals))
        if not cands:
            return
        want = total.money.yuan
        for c in cands:
            s = sum((x.money.yuan for x in c), _ZERO)
            if s == want:
                return
            if total.kind == "formula" and _is_product(total):
                unit_factor = total.money.yuan / total.value if total.value else Decimal(1)
                if any(s == o * unit_factor for o in total.operands):
                    return  # the items are one unit of a product multiplied out
            if total.kind == "formula" and _is_sum(total):
                unit_factor = total.money.yuan / total.value if total.value else Decimal(1)
                if sorted(x.money.yuan for x in c) == sorted(o * unit_factor
                                                             for o in total.operands):
                    return
        best = min(cands, key=lambda c: abs(sum((x.money.yuan for x in c), _ZERO) - want))
        out.append(_ListCheck(tuple(best), total, etc))

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
        window = _window(text, toks, i)
        if not _is_total(window):
            items.append(t)
            last_money = t
            prev_end = t.end
            continue
        etc = "等" in text[prev_end:t.start]
        close(t, etc)
        subtotals.append(t)
        items = []
        last_total = t
        last_money = t
        prev_end = t.end
    if header is not None and (last_total is None or last_total.money != header.money):
        terms = [*subtotals, *items]
        if len(terms) >= 2 and sum((x.money.yuan for x in terms), _ZERO) != header.money.yuan:
            out.append(_ListCheck(tuple(terms), header, False))
    return out


# -- prose: products -----------------------------------------------------------------------


@define
class _Group:
    rate: _Tok
    assigned: dict[str, _Tok] = field(factory=dict)
    extra: list[_Tok] = field(factory=list)

    def missing(self) -> list[str]:
        return [d for d in self.rate.dens if d not in self.assigned]


@frozen
class _Product:
    """A quantity × rate statement and the amount it should give."""

    groups: tuple[tuple[_Tok, tuple[_Tok, ...]], ...]
    computed: Money
    stated: _Tok
    estimate: bool  # some figure is 约/左右, or the statement was closed by an earlier amount

    @property
    def text(self) -> str:
        parts = []
        for rate, qs in self.groups:
            parts.append("×".join([*(q.text.strip() for q in qs), rate.text.strip()]))
        return " + ".join(parts)


@functools.lru_cache(maxsize=1024)
def _products(raw: str) -> tuple[_Product, ...]:
    """Quantity × rate statements of a text that can be computed (cached)."""
    return tuple(_products_of(raw))


def _products_of(raw: str) -> list[_Product]:
    text = _prose(raw)
    toks = [*_scan(raw), _Tok("stop", len(text), len(text), "")]  # a stop closes the last
    out: list[_Product] = []
    pending: list[_Group] = []
    free_qty: list[_Tok] = []
    free_amount: _Tok | None = None
    last_qty: _Tok | None = None
    last_qty_group: _Group | None = None

    def chained(a: _Tok, b: _Tok) -> bool:
        return re.fullmatch(r"\s*[*×xX]\s*", text[a.end:b.start]) is not None

    def evaluate(amount: _Tok, fallback: bool, window: str) -> None:
        if any(w in window for w in _PART_WORDS):
            return
        total = _ZERO
        estimate = fallback or amount.approx
        groups = []
        for g in pending:
            if any(d != "年" for d in g.missing()):
                return
            qs = [*g.assigned.values(), *g.extra]
            if any(q.hi is not None or q.bound for q in qs):
                return
            prod = g.rate.money.yuan
            for q in qs:
                prod *= q.value
            estimate = estimate or g.rate.approx or any(q.approx for q in qs)
            total += prod
            groups.append((g.rate, tuple(sorted(qs, key=lambda q: q.start))))
        if not groups:
            return
        out.append(_Product(tuple(groups), Money.of(total, Unit.YUAN), amount, estimate))

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
                evaluate(t, False, _window(text, toks, i))
                pending, free_qty, free_amount = [], [], None
            else:
                free_amount = t
                free_qty = []
            last_qty = last_qty_group = None
    return out


# -- prose: counts of things ---------------------------------------------------------------

_QUOTES: Final = str.maketrans("", "", "《》〈〉“”\"'「」『』")
_QUOTE_RE: Final = re.compile("[《》〈〉“”\"'「」『』]")


def _unquoted(text: str) -> str:
    """``text`` without quotation marks (a search first: most texts have none, and
    ``translate`` with a table rebuilds the string character by character)."""
    return text.translate(_QUOTES) if _QUOTE_RE.search(text) else text
_LEADING: Final = ("购置", "购买", "订制", "定制", "更换", "采购", "制定", "完成", "开展", "举办",
                   "组织", "新增", "新建", "配备", "安装", "印制", "制作")
_TRAILING: Final = ("总数量", "总期数", "总人数", "总次数", "数量", "总数", "期数", "人数", "人次",
                    "次数", "场次", "天数", "面积", "个数", "台数", "套数", "件数", "人员数",
                    "的制定", "规模", "数")
_WINDOW: Final = 14
_BRACKETED_RE: Final = re.compile(r"[（(]([^（）()]{2,12})[）)]")
_BRACKETS_RE: Final = re.compile(r"[（(][^（）()]*[）)]")


@functools.lru_cache(maxsize=4096)
def _objects(name: str) -> tuple[tuple[str, bool], ...]:
    """What an indicator counts, most specific first, each with ``True`` for what the name
    states whole (a bracketed word, the name without its verbs and measure words) and
    ``False`` for a part of it (see ``quantity_vs_overview``); cached."""
    return tuple(_objects_of(name))


def _objects_of(name: str) -> list[tuple[str, bool]]:
    n = _unquoted(name)
    out: list[tuple[str, bool]] = []
    core = n
    if "（" in n or "(" in n:  # without an opening bracket, neither pass finds anything
        for m in _BRACKETED_RE.finditer(n):
            inner = m.group(1)
            if unit_in_name(f"（{inner}）") is None and not any(c.isdigit() for c in inner):
                out.append((inner, True))
        core = _BRACKETS_RE.sub("", n)
    core = core.strip()
    changed = True
    while changed:
        changed = False
        # (Each loop can change the core only if the core starts or ends with one of its
        # words to begin with: one test of them all first.)
        if core.startswith(_LEADING):
            for w in _LEADING:
                if core.startswith(w) and len(core) > len(w) + 1:
                    core = core[len(w):]
                    changed = True
        if core.endswith(_TRAILING):
            for w in _TRAILING:
                if core.endswith(w) and len(core) > len(w) + 1:
                    core = core[:-len(w)]
                    changed = True
    if len(core) >= 2:
        out.append((core, True))
        # Its parts of three characters or more, longest first, those of one length in
        # the order they first occur in the core (each once).
        seen = {core}
        for size in range(len(core) - 1, 2, -1):
            for i in range(len(core) - size + 1):
                sub = core[i:i + size]
                if sub not in seen:
                    seen.add(sub)
                    out.append((sub, False))
        if len(core) > 2:
            out.append((core[-2:], False))
    return out


def _parts(objects: Sequence[tuple[str, bool]]) -> set[str]:
    """The strings of three characters or more an indicator's objects are made of."""
    out: set[str] = set()
    # Longest first: an object that is already a part of one taken (most objects are parts
    # of the name's core) has all its parts there already (a part of a part is a part),
    # so it is skipped.
    for text in sorted({text for text, _ in objects}, key=len, reverse=True):
        if text in out:
            continue
        out.update(text[i:j] for i in range(len(text)) for j in range(i + 3, len(text) + 1))
    return out


@functools.lru_cache(maxsize=4096)
def _name_parts(name: str) -> frozenset[str]:
    """`_parts` of the objects of an indicator name (cached: it depends on the name only)."""
    return frozenset(_parts(_objects(name)))


def _qualified(text: str, pos: int, end: int, foreign: Iterable[str]) -> bool:
    """True when another indicator's object covers or directly precedes ``text[pos:end]``
    (``专题片节目``: the 节目 there are 专题片's, not 访谈节目's)."""
    for f in foreign:
        lo = max(0, pos - len(f))
        k = text.find(f, lo, end + len(f))
        while k >= 0 and k < end:
            if k + len(f) > pos or k + len(f) == pos:
                return True
            k = text.find(f, k + 1, end + len(f))
    return False


@frozen
class _Count:
    value: Decimal
    unit: str
    text: str


@functools.lru_cache(maxsize=1024)
def _count_text(raw: str) -> tuple[str, tuple[_Tok, ...], list[int], dict[int, _Tok]]:
    """A text prepared for counting, its quantities, their starts and the quantities by
    their end (cached: every indicator of a project looks at the same few texts).
    Tokens never overlap, so the starts are sorted and each end is one token's."""
    text = _unquoted(_prose(raw))
    qtys = tuple(t for t in _scan(text) if t.kind == "qty")
    return text, qtys, [q.start for q in qtys], {q.end: q for q in qtys}


_BEFORE_GAP: Final = frozenset(_CLAUSE + "：:")
_AFTER_STOP: Final = re.compile("[。；;！？!?]")


def _counts(raw: str, objects: Sequence[tuple[str, bool]], unit: str,
            foreign: Iterable[str] = ()) -> tuple[_Count, ...]:
    """Counts of ``unit`` the text states for the first of ``objects`` it mentions with one;
    a mention of a part (not the whole object) that belongs to one of the ``foreign``
    objects (another indicator's) does not count."""
    return _counts_cached(raw, tuple(objects), unit, frozenset(foreign))


@functools.lru_cache(maxsize=4096)
def _counts_cached(raw: str, objects: tuple[tuple[str, bool], ...], unit: str,
                   foreign: frozenset[str]) -> tuple[_Count, ...]:
    # Cached: a pure function of immutable inputs, and reports of one template repeat
    # their project texts and indicator names.
    return tuple(_counts_of(raw, objects, unit, foreign))


def _counts_of(raw: str, objects: Sequence[tuple[str, bool]], unit: str,
               foreign: Iterable[str]) -> list[_Count]:
    text, qtys, starts, by_end = _count_text(raw)
    others = tuple(foreign)
    n = len(qtys)
    for obj, whole in objects:
        if obj not in text:
            continue
        found: list[_Count] = []
        pos = text.find(obj)
        while pos >= 0:
            end = pos + len(obj)
            # The count of a mention: the quantity ending right before it (at most one
            # character of gap, not a clause mark), else the first starting within
            # _WINDOW after it in the same sentence, not under 每. The tests below are
            # pure, so the cheap ones go first.
            q = by_end.get(pos - 1)
            if q is None or text[pos - 1] in _BEFORE_GAP:
                q = by_end.get(pos)
            if q is None:
                k = bisect.bisect_left(starts, end)
                if k < n and starts[k] - end <= _WINDOW:
                    gap = text[end:starts[k]]
                    if not _AFTER_STOP.search(gap) and "每" not in gap:
                        q = qtys[k]
            if q is not None and q.hi is None and "每" not in text[max(0, pos - 3):pos] \
                    and _same_unit(q.unit, unit) \
                    and (whole or not _qualified(text, pos, end, others)):
                found.append(_Count(q.value, q.unit, q.text))
            pos = text.find(obj, pos + 1)
        if found:
            return found
    return []


def _same_unit(a: str, b: str) -> bool:
    a, b = _UNIT_ALIASES.get(a, a), _UNIT_ALIASES.get(b, b)
    if a == b:
        return True
    try:
        return units_compatible(a, b)
    except ValueError:
        return False


def _satisfies(target: Quantity | Range, value: Decimal, unit: str) -> bool:
    try:
        v = convert(value, unit, target.unit) if unit != target.unit else value
    except ValueError:
        v = value
    if isinstance(target, Range):
        return target.low <= v <= target.high
    c = target.comparison
    if c is Comparison.GE:
        return v >= target.value
    if c is Comparison.GT:
        return v > target.value
    if c is Comparison.LE:
        return v <= target.value
    if c is Comparison.LT:
        return v < target.value
    return v == target.value


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


def _unbracketed(name: str) -> str:
    """A name without bracketed qualifiers (``培训经费(县级)`` → ``培训经费``)."""
    return re.sub(r"[（(][^（）()]*[）)]", "", name)


def _parse(ind: Indicator) -> Target | None:
    return _parse_value(ind.value) if ind.value else None


# Targets are immutable and depend on the text alone; several rules parse each value.
_parse_value: Final = functools.lru_cache(maxsize=4096)(parse_indicator_value)


# ==========================================================================================
# Rules
# ==========================================================================================


@RULES.rule("performance.project_amount", title="绩效目标表年度资金总额与项目支出预算表一致",
      title_en="Each performance table's year funds equal the project's amount in the "
               "project list",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="when the report has performance tables and a project list (项目支出预算表)",
      when=_has_project_list)
def project_amount(ctx: Context) -> Iterator[Finding]:
    """Each performance table's 年度资金总额 (in its unit, usually 元) equals the same
    project's amount in the project list (项目支出预算表, usually 万元), matched by
    normalised name (:func:`govbudget.checks._context.norm`). Each side keeps its own rounding quantum (whole 元 against 0.01 万元),
    so a gap is judged by :func:`govbudget.explain_gap`, never by a fixed tolerance.

    The reference is the project's row in the current-year list (本年预算), or, when the
    project also appears in the carry-over list (上年结转), the current-year amount plus the
    carry-over; either agreeing is agreement. A name printed several times (one project
    under several units) is summed.

    A performance table with no project of its name in the list is a warning (when one
    unmatched list name differs by a slip, it is named, and the amounts are compared); a
    listed project with an amount and no performance table is a warning too (a report
    may publish targets for key projects only; the narrative should say so).
    """
    rid = "performance.project_amount"
    report = ctx.report
    units = {norm(x) for x in (report.unit_name,) if x}
    listed: dict[str, list[tuple[Figure, str]]] = {}
    order: list[tuple[str, Figure]] = []
    for t in ctx.tables(TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
        if t.unit_name:
            units.add(norm(t.unit_name))
        for b in t.blocks:
            if not b.has("total"):
                continue
            for r in b.rows:
                if r.kind is not RowKind.DATA or not r.name.strip():
                    continue
                fig = Figure.cell(t, b, r, "total")
                if fig is None:
                    continue
                key = norm(r.name)
                listed.setdefault(key, []).append((fig, t.kind.value))
                order.append((r.name, fig))
    matched: set[str] = set()
    for p in report.performance:
        key = norm(p.project)
        if not key:
            continue
        rows = listed.get(key)
        if rows is None:
            near = [k for k in listed if k not in matched and k not in units
                    and (_near(k, key) or _unbracketed(k) == _unbracketed(key))]
            if len(near) == 1:
                rows = listed[near[0]]
                matched.add(near[0])
                yield ctx.finding(
                    rid, Severity.WARNING,
                    f"绩效目标表项目“{p.project}”在项目支出预算表中名为“{rows[0][0].location.row_name}”",
                    f"performance table {p.project!r} is named "
                    f"{rows[0][0].location.row_name!r} in the project list",
                    _loc(p, "项目名称"), [rows[0][0].location])
            else:
                yield ctx.finding(
                    rid, Severity.WARNING,
                    f"绩效目标表项目“{p.project}”在项目支出预算表中没有对应项目",
                    f"performance table {p.project!r} has no project of that name in the "
                    f"project list", _loc(p, "项目名称"))
                continue
        matched.add(key)
        if p.total_year is None:
            continue
        mine = _amount_figure(p, p.total_year, "年度资金总额")
        current = [f for f, kind in rows if kind == TableKind.PROJECTS.value]
        carry = [f for f, kind in rows if kind != TableKind.PROJECTS.value]
        refs: list[list[Figure]] = []
        if current:
            refs.append(current)
        if carry:
            refs.append(current + carry)
        found: Finding | None = None
        for figs in refs:
            f = ctx.sum_check(
                rid, figs, mine,
                what=f"项目“{p.project}”绩效目标表年度资金总额与项目支出预算表",
                what_en=f"project {p.project!r}: performance table year funds vs project list")
            if f is None:
                found = None
                break
            if found is None or (found.severity > f.severity):
                found = f
        if found is not None:
            yield found
    for name, fig in order:
        key = norm(name)
        if key in matched or key in units or fig.money.is_zero():
            continue
        matched.add(key)
        yield ctx.finding(
            rid, Severity.WARNING,
            f"项目支出预算表中的项目“{name}”没有绩效目标表",
            f"listed project {name!r} has no performance table", fig.location)


@RULES.rule("performance.funding_sum", title="绩效目标表各资金来源之和等于资金总额",
      title_en="Performance table: the funding sources add up to the totals",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="every performance table with a funding block", when=_has_performance)
def funding_sum(ctx: Context) -> Iterator[Finding]:
    """The funding block of a performance table: the sources (中央/省级/市县财政资金, 单位自筹,
    其他资金 …) add up to 实施期资金总额 in the 实施期 column and to 年度资金总额 in the 年度
    column; the year's money is part of the period's, so 年度资金总额 ≤ 实施期资金总额 and
    each source's year amount ≤ its period amount.

    A blank cell is an exact zero. A column in which no source has an amount is not added
    up (the rows were left blank or could not be read; the reader reports the latter).
    """
    rid = "performance.funding_sum"
    for p in ctx.report.performance:
        for col, total, what, what_en in (
                ("period", p.total_period, "实施期资金总额", "period funds"),
                ("year", p.total_year, "年度资金总额", "year funds")):
            values = [fl.period if col == "period" else fl.year for fl in p.funding]
            if total is None or not p.funding or all(v is None for v in values):
                continue
            # The common case, an exact sum: every figure is in the table's unit, so
            # ``sum_check`` would find nothing; the figures are not built.
            if sum((v for v in values if v is not None), _ZERO) == total:
                continue
            label = "实施期" if col == "period" else "年度"
            terms = [_amount_figure(p, v, f"{fl.source}（{label}）", fl.line)
                     for fl, v in zip(p.funding, values, strict=True)]
            f = ctx.sum_check(rid, terms, _amount_figure(p, total, what),
                              what=f"项目“{p.project}”各资金来源之和与{what}",
                              what_en=f"project {p.project!r}: funding sources vs {what_en}")
            if f is not None:
                yield f
        # ``le_check`` finds nothing when the part is at most the whole; both figures are
        # in the table's unit, so that is tested on the amounts before building figures.
        if p.total_period is not None and p.total_year is not None \
                and p.total_year > p.total_period:
            f = ctx.le_check(rid, _amount_figure(p, p.total_year, "年度资金总额"),
                             _amount_figure(p, p.total_period, "实施期资金总额"),
                             what=f"项目“{p.project}”年度资金总额不应超过实施期资金总额",
                             what_en=f"project {p.project!r}: year funds must not exceed "
                                     f"the period funds")
            if f is not None:
                yield f
        for fl in p.funding:
            if fl.period is None or fl.year is None or fl.year <= fl.period:
                continue
            f = ctx.le_check(rid, _amount_figure(p, fl.year, f"{fl.source}（年度）", fl.line),
                             _amount_figure(p, fl.period, f"{fl.source}（实施期）", fl.line),
                             what=f"项目“{p.project}”“{fl.source}”年度数不应超过实施期数",
                             what_en=f"project {p.project!r}: {fl.source!r} year amount must "
                                     f"not exceed its period amount")
            if f is not None:
                yield f


def _overview_amounts(p: PerformanceTable) -> set[Decimal]:
    """Every amount the overview states (items, totals, results), in 元."""
    return set(_amounts_in(p.overview))


@functools.lru_cache(maxsize=1024)
def _amounts_in(raw: str) -> frozenset[Decimal]:
    return frozenset(t.money.yuan for t in _scan(raw) if t.is_amount)


def _overview_rates(p: PerformanceTable) -> list[tuple[_Tok, str]]:
    return list(_rates_in(p.overview))


@functools.lru_cache(maxsize=1024)
def _rates_in(raw: str) -> tuple[tuple[_Tok, str], ...]:
    """The rates a text states, each with its canonical unit (``元/人/天``)."""
    out = []
    for t in _scan(raw):
        if t.kind == "rate":
            try:
                out.append((t, canonical_unit("/".join((t.unit, *t.dens)))))
            except ValueError:
                continue
    return tuple(out)


_TIME_UNITS: Final = frozenset({"天", "周", "个月", "月", "季度", "年", "小时", "分钟", "日"})


def _rate_kind(unit: str) -> tuple[str, ...]:
    return tuple(sorted(u for u in unit.split("/")[1:] if u not in _TIME_UNITS))


@RULES.rule("performance.cost_indicator", title="成本指标不超过年度资金，并与项目概况相符",
      title_en="Cost indicators do not exceed the funds and agree with the overview",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="every cost indicator (成本指标, 二级 or 一级) whose value is money or a rate",
      when=_has_performance)
def cost_indicator(ctx: Context) -> Iterator[Finding]:
    """A cost indicator (成本指标 as 二级 under 产出指标, or any 二级 of 一级 成本指标) whose
    value is an amount of money (``≤30万元``) states what the project costs: it must not
    exceed the column's funds (年度资金总额 for the 年度 column, 实施期资金总额 for the
    实施期 column), units converted exactly. Exceeding is an error that says by how much;
    for a range, its lower end exceeding is an error and its upper end a warning.

    A money cost below the funds should be a part of the project the overview costs: it
    must equal the funds, or an amount the overview states (an item, a subtotal, a
    product); otherwise it is a warning (a target that nothing in the table explains). A
    table with no overview at all (the one-column layout of 项目名称 / 资金 / 年度目标 / grid)
    itemises nothing to compare with: the lower cost is likely one activity's, noted (info).

    A rate (``600元/人``, ``350元/人/天``) is not compared with the funds: the funds are
    the rate times quantities the indicator does not state. It is compared with the rates
    the overview states: when the overview states rates in a convertible unit, one of them
    must meet the target (``≤`` : at most, ``≥``: at least, otherwise equal), else a
    warning; when it states the rate only per another period of time (``每人每年1200元``
    against ``≤100元/人/天``), that is an observation (info): the two cannot be compared and
    one of the units is probably wrong.
    """
    rid = "performance.cost_indicator"
    for p in ctx.report.performance:
        amounts: set[Decimal] | None = None
        rates: list[tuple[_Tok, str]] | None = None
        entries = list(_entries_of(ctx, p))
        unnamed = sum(1 for e in entries if not e.ind.name.strip())
        if entries and unnamed * 2 > len(entries):
            # most indicators without a name: the table was not read as printed (several
            # tables run together, or names lost): its figures are not compared
            continue
        for e in entries:
            ind = e.ind
            if not _is_cost(ind) or not ind.value or not ind.name.strip():
                continue
            target = _parse(ind)
            if not isinstance(target, Quantity | Range) or not target.unit:
                continue
            if _is_money(target.unit):
                funds_value: Decimal | None
                if e.column == "period" and p.total_period is not None:
                    funds_value, funds_col = p.total_period, "实施期资金总额"
                else:
                    funds_value, funds_col = p.total_year, "年度资金总额"
                if funds_value is None:
                    continue
                funds = _amount_figure(p, funds_value, funds_col)
                low = target.low if isinstance(target, Range) else target.value
                high = target.high if isinstance(target, Range) else target.value
                low_m = Money.of(convert(low, target.unit, "元"), Unit.YUAN)
                high_m = low_m if high is low else Money.of(convert(high, target.unit, "元"),
                                                            Unit.YUAN)
                f = None
                # ``le_check`` finds nothing for a part at most the whole: the messages and
                # the location are made only for a target above the funds.
                if not (low_m <= funds.money and high_m <= funds.money):
                    what = (f"项目“{p.project}”成本指标“{ind.name}”{ind.value}（{e.where}）"
                            f"不应超过{funds_col}")
                    what_en = (f"project {p.project!r}: cost indicator {ind.name!r} "
                               f"{ind.value} ({e.where_en}) must not exceed the {funds_col}")
                    loc = e.location(p)
                    f = ctx.le_check(rid, Figure(low_m, _ZERO, loc), funds, what=what,
                                     what_en=what_en)
                    if f is None and high_m != low_m:
                        f = ctx.le_check(rid, Figure(high_m, _ZERO, loc), funds, what=what,
                                         what_en=what_en, severity=Severity.WARNING)
                if f is not None:
                    yield evolve(f, related=(*f.related, *e.related(p)))
                    continue
                if isinstance(target, Quantity) and target.comparison in (
                        Comparison.GE, Comparison.GT):
                    continue
                if high_m == funds.money or explain_gap(
                        [funds.money], high_m, quantum=Money.of(funds.quantum, p.unit),
                        total_quantum=Money.of(_ZERO, Unit.YUAN)).explained:
                    continue  # the funds, up to their rounding (equal needs no reasoning)
                if amounts is None:
                    amounts = _overview_amounts(p) | {
                        Money.of(v, p.unit).yuan for v in (p.total_year, p.total_period,
                                                        *(fl.year for fl in p.funding),
                                                        *(fl.period for fl in p.funding))
                        if v is not None}
                if high_m.yuan in amounts:
                    continue
                if not p.overview:
                    # A table without a 项目概况 (the one-column layout) itemises nothing a
                    # lower cost could be one of: the cost of one activity of the project
                    # is likely, so this is only noted.
                    yield ctx.finding(
                        rid, Severity.INFO,
                        f"项目“{p.project}”成本指标“{ind.name}”{ind.value}（{e.where}）低于{funds_col}"
                        f"{_plain(funds.money)}（表中无项目概况可核对，或为其中一项活动的成本）",
                        f"project {p.project!r}: cost indicator {ind.name!r} {ind.value} "
                        f"({e.where_en}) is below the {funds_col} {_plain(funds.money)} (the table "
                        f"has no overview to compare with: likely the cost of one activity)",
                        e.location(p), [*e.related(p), funds.location], funds.money, high_m)
                    continue
                yield ctx.finding(
                    rid, Severity.WARNING,
                    f"项目“{p.project}”成本指标“{ind.name}”{ind.value}（{e.where}）低于{funds_col}"
                    f"{_plain(funds.money)}，且与项目概况所列金额均不相同",
                    f"project {p.project!r}: cost indicator {ind.name!r} {ind.value} "
                    f"({e.where_en}) is below the {funds_col} {_plain(funds.money)} and matches "
                    f"no amount the overview states",
                    e.location(p), [*e.related(p), funds.location], funds.money, high_m)
            elif _is_money_rate(target.unit):
                if rates is None:
                    rates = _overview_rates(p)
                same = [(t, u) for t, u in rates if units_compatible(u, target.unit)]
                if same:
                    if any(_satisfies(target, t.value, u) for t, u in same):
                        continue
                    stated = "、".join(t.text.strip() for t, _ in same)
                    yield ctx.finding(
                        rid, Severity.WARNING,
                        f"项目“{p.project}”成本指标“{ind.name}”{ind.value}（{e.where}）与项目概况"
                        f"所述标准“{stated}”不符",
                        f"project {p.project!r}: cost indicator {ind.name!r} {ind.value} "
                        f"({e.where_en}) disagrees with the rate the overview states: {stated}",
                        e.location(p), e.related(p), expected_text=stated, actual_text=ind.value)
                    continue
                other = [(t, u) for t, u in rates
                         if _rate_kind(u) == _rate_kind(target.unit) and _is_money_rate(u)]
                if other:
                    stated = "、".join(t.text.strip() for t, _ in other)
                    yield ctx.finding(
                        rid, Severity.INFO,
                        f"项目“{p.project}”成本指标“{ind.name}”{ind.value}（{e.where}）的单位为"
                        f"{target.unit}，项目概况所述标准为“{stated}”（{other[0][1]}），两者时间单位"
                        f"不同，无法比较，其一的单位可能有误",
                        f"project {p.project!r}: cost indicator {ind.name!r} {ind.value} "
                        f"({e.where_en}) is per {target.unit} but the overview states {stated} "
                        f"({other[0][1]}): different time units cannot be compared; one of "
                        f"the units is probably wrong",
                        e.location(p), e.related(p), expected_text=stated, actual_text=ind.value)


@RULES.rule("performance.itemised_costs", title="项目概况所列各项费用之和等于所述合计",
      title_en="Itemised costs in the project overview add up to the stated total",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="every performance table whose overview (项目概况) lists costs and a total "
              "(合计/总计/共计/共需 …)",
      when=_has_performance)
def itemised_costs(ctx: Context) -> Iterator[Finding]:
    """The overview (项目概况) often lists what the money buys, item by item, then a total
    (``…预计需经费3500元…；合计30万元整``, ``书架6个1.5万元，文件柜8个2.4万元，…合计4万元整``):
    the items must add up to the total. Rates (``300元/天/台``) are not items; the operands
    of written formulas are not items (their results are). See the module docstring for how
    items, totals, ``其中`` and subtotals are told apart.

    The figures come from prose, so a mismatch is a warning that shows the items, their
    sum and the total. It is an observation (info) when rounding the figures to their
    printed precision could explain it, when the total is an estimate (``约``), or when
    the items fall short of a total after ``等`` (the list says it is not exhaustive).
    """
    rid = "performance.itemised_costs"
    for p in ctx.report.performance:
        if not p.overview:
            continue
        loc = _loc(p, "项目概况")
        for chk in _cost_lists(p.overview):
            items = "+".join(t.text.strip() for t in chk.terms)
            total_text = chk.total.text.strip()
            quanta = [_quantum_yuan(t) for t in chk.terms]
            tq = max(quanta)
            total_q = min(_quantum_yuan(chk.total), tq)
            terms = [Figure(_yuan(t.money), tq, loc) for t in chk.terms]
            total = Figure(_yuan(chk.total.money), total_q, loc)
            s = sum((t.money.yuan for t in chk.terms), _ZERO)
            severity = Severity.WARNING
            if chk.total.approx or (chk.etc and s < chk.total.money.yuan):
                severity = Severity.INFO
            f = ctx.sum_check(
                rid, terms, total,
                what=f"项目“{p.project}”项目概况所列各项（{items}，合计"
                     f"{_plain(Money.of(s, Unit.YUAN).to(chk.total.money.unit))}）与所述“{total_text}”",
                what_en=f"project {p.project!r}: overview items ({items}, summing to "
                        f"{_plain(Money.of(s, Unit.YUAN).to(chk.total.money.unit))}) vs the stated "
                        f"total {total_text!r}",
                severity=severity)
            if f is not None:
                yield _tidy(f)


@RULES.rule("performance.formula", title="项目概况中的算式与数量×标准计算正确",
      title_en="Written arithmetic and quantity × rate statements in the overview compute",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="every performance table whose overview writes arithmetic (a×b=c, a+b=c) or "
              "states quantities, a rate and the amount they give",
      when=_has_performance)
def formula(ctx: Context) -> Iterator[Finding]:
    """Arithmetic written in the overview must compute: ``12×2500=30000元``,
    ``30000+8000+2000=40000元`` (× and ÷ before + and −); a wrong result is an error.

    Quantity × rate statements must give the amount stated with them:
    ``学员50人，每人600的标准，预计共需3万元`` (50 × 600 = 30,000 元),
    ``2天*两台1200元`` after ``设备租赁 300元/天/台``, several groups adding up
    (``甲组20人…3天，标准300元/人/天，乙组40人…2天，标准300元/人/天，共计…4.2万元``).
    See the module docstring for how quantities are matched to rates and which statements
    are left alone (ranges, bounds, a unit with no quantity). A wrong product is an error;
    a warning when a figure is an estimate (约, 左右) or the amount was stated before the
    quantities. The stated result may be rounded to its printed precision (``2.33万元``);
    a gap rounding explains is an observation.
    """
    rid = "performance.formula"
    for p in ctx.report.performance:
        if not p.overview:
            continue
        loc = _loc(p, "项目概况")
        for t in _scan(p.overview):
            if t.kind != "formula":
                continue
            value = _evaluate(t)
            if value is None:
                continue
            computed = Figure(_yuan(_money_of(value, t.unit)), _ZERO, loc)
            stated = Figure(_yuan(t.money), _quantum_yuan(t), loc)
            f = ctx.equal_check(rid, computed, stated,
                                what=f"项目“{p.project}”项目概况算式“{t.text.strip()}”",
                                what_en=f"project {p.project!r}: overview arithmetic "
                                        f"{t.text.strip()!r}")
            if f is not None:
                yield _tidy(f)
        for prod in _products(p.overview):
            computed = Figure(_yuan(prod.computed), _ZERO, loc)
            stated = Figure(_yuan(prod.stated.money), _quantum_yuan(prod.stated), loc)
            severity = Severity.WARNING if prod.estimate else Severity.ERROR
            f = ctx.equal_check(
                rid, computed, stated,
                what=f"项目“{p.project}”项目概况“{prod.text}”与所述“{prod.stated.text.strip()}”",
                what_en=f"project {p.project!r}: overview {prod.text} vs the stated "
                        f"{prod.stated.text.strip()!r}",
                severity=severity)
            if f is not None:
                yield _tidy(f)


_COUNT_FIELDS: Final = (("overview", "项目概况"), ("plan", "项目实施计划"),
                        ("goal_year", "年度目标"), ("goal_period", "实施期目标"))


def _field_applies(attr: str, column: str, parallel: bool) -> bool:
    """Which texts an indicator of a column is compared with: everything when the columns
    are parallel; else the year column with the year goal only, the period column with
    the rest (the overview and the plan describe the whole project)."""
    if parallel or column == "both":
        return True
    if column == "year":
        return attr == "goal_year"
    return attr != "goal_year"


@RULES.rule("performance.quantity_vs_overview", title="数量指标与项目概况所述数量一致",
      title_en="Quantity indicators agree with the counts the overview states",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="output indicators (产出指标) whose value is a count (个, 套, 期, 人, 天, 平方米 …) "
              "of a thing the overview, the plan or the goals also count",
      when=_has_performance)
def quantity_vs_overview(ctx: Context) -> Iterator[Finding]:
    """A quantity indicator (``购置书架数量 6个``, ``专题节目总期数 ≤12期``,
    ``培训天数（天） 3天``) counts a thing the project's text often counts too (``书架6个``,
    ``专题节目12期``, ``培训为期3天``); the count stated must meet the target (``≤``:
    at most, ``≥``: at least, otherwise equal). Checked against the overview, the
    implementation plan and the goals, each separately. When the 实施期 and 年度 columns
    describe different money (a multi-year project), the 年度 column is compared with the
    年度 goal only and the 实施期 column with the rest.

    Heuristics. The thing counted is read from the indicator's name: a bracketed word that
    is not a unit (``人数（女职工）`` counts 女职工), then the name without brackets, leading
    verbs (购置, 订制, 更换, 制定, 开展 …) and trailing measure words (数量, 总期数, 人数,
    天数, 面积 …), then its parts of three characters or more, longest first, then its last
    two characters. For the first of these the text mentions with a count, the count is
    the number and unit right before the mention (``12期《专题节目》``) or the first one
    within 14 characters after it in the same clause (``专题节目，全年共计制作12期``),
    when its unit is the indicator's; a count under ``每…`` (per session) or a range is not
    a total and is skipped. Percentages, money and rates are not counts. A disagreement is
    a warning.
    """
    rid = "performance.quantity_vs_overview"
    for p in ctx.report.performance:
        fields: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        for attr, label in _COUNT_FIELDS:
            text = getattr(p, attr)
            if text and text not in seen:
                seen.add(text)
                fields.append((attr, label, text))
        if not fields:
            continue
        parallel = _parallel(p)
        counted: list[tuple[_Entry, Quantity | Range, Sequence[tuple[str, bool]]]] = []
        for e in _entries_of(ctx, p):
            ind = e.ind
            if not ind.name or not _is_output(ind) or _is_cost(ind):
                continue
            target = _parse(ind)
            if not isinstance(target, Quantity | Range) or not target.unit:
                continue
            unit = target.unit
            if unit in ("%", "‰") or "/" in unit or _is_money(unit):
                continue
            objs = _objects(ind.name)
            if objs:
                counted.append((e, target, objs))
        parts_of = {e.ind.name: _name_parts(e.ind.name) for e, _, _ in counted}
        # Only the parts a text actually contains can qualify a mention in it.
        every_part = frozenset().union(*parts_of.values())
        in_text: dict[str, set[str]] = {}
        counting_of: dict[str, str] = {}
        for _, _, text in fields:
            counting = counting_of[text] = _count_text(text)[0]
            in_text[text] = {f for f in every_part if f in counting}
        for e, target, objects in counted:
            ind = e.ind
            own = parts_of[ind.name]
            # Every object of three characters or more is one of ``own``; the shorter ones
            # (a two-character core or tail) are looked for as they are.
            short = [obj for obj, _ in objects if len(obj) < 3]
            for attr, label, text in fields:
                if not _field_applies(attr, e.column, parallel):
                    continue
                if own.isdisjoint(in_text[text]) \
                        and not any(obj in counting_of[text] for obj in short):
                    continue  # the text mentions none of the objects: it states no count
                # Another indicator's parts in the text, not this one's: every part in
                # ``in_text`` that is not ``own`` belongs to some other name.
                foreign = in_text[text] - own
                bad = [c for c in _counts(text, objects, target.unit, foreign)
                       if not _satisfies(target, c.value, c.unit)]
                stated = list(dict.fromkeys(c.text.strip() for c in bad))
                if stated:
                    yield ctx.finding(
                        rid, Severity.WARNING,
                        f"项目“{p.project}”指标“{ind.name}”为{ind.value}（{e.where}），"
                        f"{label}所述为“{'、'.join(stated)}”",
                        f"project {p.project!r}: indicator {ind.name!r} is {ind.value} "
                        f"({e.where_en}) but the {label} states {', '.join(stated)}",
                        e.location(p), e.related(p), expected_text=ind.value,
                        actual_text="、".join(stated))


@RULES.rule("performance.name_unit", title="指标名称所述单位与指标值单位一致",
      title_en="The unit in an indicator's name agrees with its value's unit",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="indicators whose name states a unit in brackets (采购折叠椅（套）)",
      when=_has_performance)
def name_unit(ctx: Context) -> Iterator[Finding]:
    """An indicator name often states its unit in brackets (``档案室改造面积（平方米）``); the
    value must be in that unit or one that converts exactly (``（万元）`` and ``≤2,130,000元``
    agree). A different unit (``采购折叠椅（套）`` with ``≤40把``), or a value that is no
    quantity at all (``培训天数（天）`` with ``每月``), is a warning. A bare number takes the
    name's unit. Identical rows of the two columns are reported once."""
    rid = "performance.name_unit"
    for p in ctx.report.performance:
        for e in _entries_of(ctx, p):
            ind = e.ind
            if not ind.name or not ind.value:
                continue
            target = _parse(ind)
            if target is None or isinstance(target, Unparsed):
                continue
            a = check_name_unit(ind.name, target)
            if a.status not in (UnitCheck.DIFFERENT, UnitCheck.NOT_QUANTITATIVE):
                continue
            zh = (f"名称所述单位为“{a.name_unit}”，指标值“{ind.value}”的单位为“{a.value_unit}”"
                  if a.status is UnitCheck.DIFFERENT else
                  f"名称所述单位为“{a.name_unit}”，指标值“{ind.value}”不是数量")
            yield ctx.finding(
                rid, Severity.WARNING,
                f"项目“{p.project}”指标“{ind.name}”（{e.where}）：{zh}",
                f"project {p.project!r}: indicator {ind.name!r} ({e.where_en}): {a.message}",
                e.location(p), e.related(p), expected_text=a.name_unit,
                actual_text=ind.value)


def _parallel(p: PerformanceTable) -> bool:
    """True when the 实施期 and 年度 columns describe the same money: a one-year project,
    or equal period and year funds."""
    d = p.duration.replace(" ", "")
    if d in ("1年", "一年", "1", "当年", "1年期"):
        return True
    if p.total_period is not None and p.total_year is not None:
        return p.total_period == p.total_year
    return False


@RULES.rule("performance.columns_differ", title="实施期与年度指标一致（单年度项目）",
      title_en="Period and year indicator columns agree where they describe the same money",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="performance tables with both columns; differences are findings only when the "
              "columns are parallel (a one-year project, or equal period and year funds)",
      when=_has_performance)
def columns_differ(ctx: Context) -> Iterator[Finding]:
    """The indicator grid has a column for the whole implementation period (实施期) and one
    for the year (年度). For a multi-year project they legitimately differ: the period
    targets add up several years. Where the columns describe the same money — a one-year
    project, or 实施期资金总额 equal to 年度资金总额 (as for an ongoing project funded year
    by year) — they should be the same indicators with the same values.

    Rows are compared within each (一级, 二级) group as sets: order is layout, not content.
    For parallel columns, the same name with different values is a warning, and names
    that differ by a slip (up to two characters: ``购置投影议`` / ``购置投影仪``) with the
    same value are a warning (a typo in one column); a row
    present in one column only is an observation (info). For other projects only a
    slip-like name difference is reported, as info.
    """
    rid = "performance.columns_differ"
    for p in ctx.report.performance:
        if not p.indicators_period or not p.indicators_year:
            continue
        parallel = _parallel(p)
        groups: dict[tuple[str, str], tuple[list[Indicator], list[Indicator]]] = {}
        for col, inds in ((0, p.indicators_period), (1, p.indicators_year)):
            for ind in inds:
                if ind.is_empty:
                    continue
                groups.setdefault((ind.level1, ind.level2), ([], []))[col].append(ind)
        for (_l1, l2), (left, right) in groups.items():
            lk = [(i.name, i.value) for i in left]
            rk = [(i.name, i.value) for i in right]
            if lk == rk:
                continue  # the same rows in the same order (the usual case): nothing differs
            # A row is in one column only when that column has its (name, value) more often.
            cl, cr = Counter(lk), Counter(rk)
            only_l = [i for i, k in zip(left, lk, strict=True) if cl[k] > cr[k]]
            only_r = [i for i, k in zip(right, rk, strict=True) if cr[k] > cl[k]]
            used_r: set[int] = set()
            for a in only_l:
                match = None
                kind = ""
                for k, b in enumerate(only_r):
                    if k in used_r:
                        continue
                    if a.name == b.name:
                        match, kind = k, "value"
                        break
                    if a.value == b.value and _near(a.name, b.name):
                        match, kind = k, "name"
                if match is None:
                    if parallel:
                        yield _only_one(ctx, p, a, "实施期", "period", "年度", "year", l2)
                    continue
                used_r.add(match)
                b = only_r[match]
                loc = _loc(p, "indicators_period", a.line)
                rel = [_loc(p, "indicators_year", b.line)]
                if kind == "value":
                    if not parallel:
                        continue
                    yield ctx.finding(
                        rid, Severity.WARNING,
                        f"项目“{p.project}”{l2}“{a.name}”实施期指标值为{a.value}，年度指标值为"
                        f"{b.value}，而实施期与年度资金相同",
                        f"project {p.project!r}: {a.name!r} is {a.value} for the period and "
                        f"{b.value} for the year, though both columns describe the same money",
                        loc, rel, expected_text=a.value, actual_text=b.value)
                else:
                    yield ctx.finding(
                        rid, Severity.WARNING if parallel else Severity.INFO,
                        f"项目“{p.project}”{l2}指标名称在实施期为“{a.name}”，在年度为“{b.name}”"
                        f"（指标值同为{a.value}），疑为笔误",
                        f"project {p.project!r}: indicator named {a.name!r} in the period "
                        f"column and {b.name!r} in the year column (both {a.value}): likely "
                        f"a typo", loc, rel, expected_text=b.name, actual_text=a.name)
            if parallel:
                for k, b in enumerate(only_r):
                    if k not in used_r:
                        yield _only_one(ctx, p, b, "年度", "year", "实施期", "period", l2)


def _only_one(ctx: Context, p: PerformanceTable, ind: Indicator, here: str, here_en: str,
              there: str, there_en: str, l2: str) -> Finding:
    return ctx.finding(
        "performance.columns_differ", Severity.INFO,
        f"项目“{p.project}”{l2}指标“{ind.name}”{ind.value}只见于{here}列，{there}列没有",
        f"project {p.project!r}: {l2} indicator {ind.name!r} {ind.value} is only in the "
        f"{here_en} column, not in the {there_en} column",
        _loc(p, f"indicators_{here_en}", ind.line), actual_text=f"{ind.name} {ind.value}")


@RULES.rule("performance.framework", title="指标层级符合指标体系，指标值可解析",
      title_en="Indicator levels fit the framework; every indicator has a readable value",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="every indicator of every performance table", when=_has_performance)
def framework(ctx: Context) -> Iterator[Finding]:
    """Each (一级, 二级) pair must be one of the framework (``govbudget.indicators.FRAMEWORK``:
    产出指标 → 数量/质量/时效/成本指标, 效益指标 → 经济/社会/生态效益、可持续影响指标, 满意度指标 →
    服务对象满意度指标, and 成本指标 as 一级 → 经济/社会/生态环境成本指标). An indicator with a
    name and no value, or a value and no name, and a value the indicator grammar cannot
    read (``Unparsed``) are warnings. Empty 二级 rows (no 三级 indicator) are normal."""
    rid = "performance.framework"
    good_levels: set[tuple[str, str]] = set()  # pairs the framework accepts
    for p in ctx.report.performance:
        bad_levels: set[tuple[str, str]] = set()  # reported once per table
        for e in _entries_of(ctx, p):
            ind = e.ind
            pair = (ind.level1, ind.level2)
            if pair not in good_levels and pair not in bad_levels:
                try:
                    validate_levels(ind.level1, ind.level2)
                    good_levels.add(pair)
                except IndicatorLevelError as exc:
                    bad_levels.add(pair)
                    hint = f"（应属“{exc.suggestion}”）" if exc.suggestion else ""
                    yield ctx.finding(
                        rid, Severity.WARNING,
                        f"项目“{p.project}”指标层级“{ind.level1} / {ind.level2}”不符合指标体系{hint}",
                        f"project {p.project!r}: levels {ind.level1!r} / {ind.level2!r} do not "
                        f"fit the indicator framework: {exc}",
                        e.location(p), e.related(p), expected_text=exc.suggestion,
                        actual_text=f"{ind.level1}/{ind.level2}")
            if ind.is_empty:
                continue
            if not ind.value:
                yield ctx.finding(
                    rid, Severity.WARNING,
                    f"项目“{p.project}”指标“{ind.name}”（{e.where}）没有指标值",
                    f"project {p.project!r}: indicator {ind.name!r} ({e.where_en}) has no "
                    f"value", e.location(p), e.related(p), actual_text=ind.name)
                continue
            if not ind.name:
                yield ctx.finding(
                    rid, Severity.WARNING,
                    f"项目“{p.project}”{ind.level2}下指标值“{ind.value}”（{e.where}）没有指标名称",
                    f"project {p.project!r}: value {ind.value!r} under {ind.level2} "
                    f"({e.where_en}) has no indicator name", e.location(p), e.related(p),
                    actual_text=ind.value)
            target = _parse(ind)
            if isinstance(target, Unparsed):
                yield ctx.finding(
                    rid, Severity.WARNING,
                    f"项目“{p.project}”指标“{ind.name}”（{e.where}）的指标值“{ind.value}”无法解析："
                    f"{target.reason}",
                    f"project {p.project!r}: indicator {ind.name!r} ({e.where_en}): value "
                    f"{ind.value!r} cannot be read: {target.reason}",
                    e.location(p), e.related(p), actual_text=ind.value)


@functools.lru_cache(maxsize=1024)
def _stated_total(raw: str) -> _Tok | None:
    """The amount an overview states as the project's cost: its largest total, or its only
    amount (see ``overview_total``); cached, as a pure function of the text."""
    text = _prose(raw)
    toks = _scan(raw)
    amounts = [(i, t) for i, t in enumerate(toks) if t.is_amount]
    totals = [t for i, t in amounts if _is_total(_window(text, toks, i))]
    if totals:
        return max(totals, key=lambda t: t.money.yuan)
    if len(amounts) == 1:
        return amounts[0][1]
    return None


@RULES.rule("performance.overview_total", title="项目概况所述总额与年度资金总额一致",
      title_en="The total the overview states equals the year funds",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="every performance table whose overview states a total (合计/共计/共需 …) or "
              "a single amount",
      when=_has_performance)
def overview_total(ctx: Context) -> Iterator[Finding]:
    """The overview usually ends with what the project costs (``合计30万元整``,
    ``共计12.5万元``); that is what the year's funds pay for. The total is the largest amount
    the overview states as a total (合计, 共计, 共需 …), or its only amount when it states one.
    For a multi-year project the overview may cost the whole period: agreeing with
    实施期资金总额 is agreement too.
    Costing more than 年度资金总额 is a warning (the overview's costing does not fit the
    budget); less is an observation (info: the overview may cost only a part). The
    overview's figure is taken as rounded to its printed precision (exact when followed
    by 整), so a gap rounding explains is an observation too."""
    rid = "performance.overview_total"
    for p in ctx.report.performance:
        if not p.overview or p.total_year is None:
            continue
        stated = _stated_total(p.overview)
        if stated is None:
            continue
        mine_money = _yuan(stated.money)
        if Money.of(p.total_year, p.unit).yuan == mine_money.amount:
            continue  # equal: ``explain_gap`` below would find the gap exact
        loc = _loc(p, "项目概况")
        funds = _amount_figure(p, p.total_year, "年度资金总额")
        mine = Figure(mine_money, _quantum_yuan(stated), loc)
        gap = explain_gap([funds.money], mine.money, quantum=Money.of(funds.quantum, funds.money.unit),
                          total_quantum=Money.of(mine.quantum, mine.money.unit))
        if gap.exact:
            continue
        if p.total_period is not None and p.total_period != p.total_year:
            period = _amount_figure(p, p.total_period, "实施期资金总额")
            if explain_gap([period.money], mine.money,
                           quantum=Money.of(period.quantum, period.money.unit),
                           total_quantum=Money.of(mine.quantum, mine.money.unit)).explained:
                continue  # a multi-year project's overview costs the whole period
        severity = Severity.WARNING if (stated.money > funds.money and not gap.explained
                                        and not stated.approx) else Severity.INFO
        f = ctx.equal_check(
            rid, funds, mine,
            what=f"项目“{p.project}”项目概况所述“{stated.text.strip()}”与年度资金总额",
            what_en=f"project {p.project!r}: the overview's {stated.text.strip()!r} vs the year "
                    f"funds", severity=severity)
        if f is not None:
            yield f
