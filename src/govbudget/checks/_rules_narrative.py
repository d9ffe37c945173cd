"""Narrative rules: every figure the 情况说明 states, against the tables and against itself.

The narrative reader turns the text into :class:`~govbudget.Fact` s (a subject from
:data:`govbudget._ingest._narrative.SUBJECTS`, a kind, a printed value, a line). These
rules compare them

- **with the tables**: each amount against the cell that publishes the same money
  (``narrative.totals``, ``income_sources``, ``spending``, ``class_amounts``,
  ``three_public``, ``operating_costs``; the project counts and amounts in
  ``performance``);
- **with each other**: shares (``narrative.shares``), changes on last year
  (``narrative.changes``; against the base the narrative states, 2023年当年预算执行数, when
  the change names one), completion rates (``narrative.execution``: 完成年初预算的X% = 决算 ÷
  年初预算), the items of a numbered 科目 list against their total (``class_amounts``),
  breakdowns (total = Σ parts in ``totals``, ``spending``,
  ``three_public``, ``procurement``, ``performance``, ``assets``) and the same figure
  stated twice (``narrative.repeated``).

**Rounding.** A narrative figure stands for every true value that rounds (四舍五入) to it
at the precision it is *printed* with: ``480.3`` 万元 for [480.25, 480.35), ``1,234.56``
for [1234.555, 1234.565), ``100%`` for [99.5%, 100.5%); a zero printed without decimals
(``0万元``, ``占0%``) is exact. Amounts are compared with :meth:`Context.equal_check` /
:meth:`Context.sum_check` (which reason with :func:`govbudget.explain_gap`); shares and
changes with :class:`govbudget.Interval` arithmetic over the printed precision of every
figure involved. A gap rounding can produce is ``info``; anything else the rule's
severity. There is no fixed tolerance.

**Which figure.** Only the figure the report is about is compared with the tables or as
a restatement: this year's budget in a 预算, the outturn (决算, 执行数) in a 决算; a 决算's
年初预算 and last year's 执行数 (``Fact.measure``, ``Fact.year``) are bases for rates only.
Subjects named by loose words (not the vocabulary, a class, a path or a code) are not
compared as restatements.

**Scope.** The same words mean different money in different passages: 基本支出 in a
section about all spending is the 支出总表's, in a 一般公共预算 section the general-budget
table's; a functional class in a 财政拨款 section is the 财政拨款收支总表's. A fact's scope
is 一般公共预算 when its clause, its section title or its parent section's title says
so, else 财政拨款 when one of them says that, else the whole budget.

**Denominators of shares** (``占x%``), in order:

1. the whole the clause names (``占部门（单位）项目支出总额的100%`` → 项目支出, matched
   with :data:`SUBJECTS` or a functional class name): the nearest stated amount of that
   subject, else its table figure (``占比x%``, or a wording no subject matches, names
   none);
2. the whole the passage breaks down (``预算收入1,234.56万元，主要包括…占100.00%``): the
   nearest earlier amount in the same section that is not itself given a share and is
   not smaller than the part;
3. the usual whole for the part (standards §1.5): income items ÷ 收入总计; 基本/项目支出
   and functional classes ÷ 一般公共预算支出 in a 一般公共预算 passage, ÷ 财政拨款支出 in a
   财政拨款 passage, else ÷ 本年支出; 人员/公用经费 ÷ 基本支出; 三公 items ÷ 三公经费.

**Where the blame goes.** A comparison of narrative figures among themselves cannot tell
by itself which figure is wrong. Every failing comparison of a rule is collected first;
the finding is then placed on the figure involved in the most failures, preferring one
that no table or restatement confirms (a figure equal to its table cell, or stated again
with the same value, is *confirmed*), then one with a printed number (a 持平 statement has
none), then the rule's default (the total of a sum, the later of two statements, the
percentage of a change). The other figures are listed in ``related``.

```pycon
>>> from decimal import Decimal
>>> import attrs, govbudget
>>> from govbudget import Fact, FactKind, Narrative
>>> from govbudget.checks import check_report
>>> from govbudget.testing import build_report
>>> report = build_report(leaves=[("2010101", Decimal("1000000"), Decimal("0"))],
...                       economic=[("30101", Decimal("1000000"))], projects=[])
>>> said = Fact(subject="基本支出", kind=FactKind.AMOUNT, value=Decimal("100.01"),
...             unit="万元", section="三、支出预算情况说明", line=7)
>>> report = attrs.evolve(report, narrative=Narrative(facts=[said]))
>>> [(f.severity.value, f.location.line, f.expected, f.actual)
...  for f in check_report(report, rules=["narrative.spending"]).findings]
[('error', 7, '100.00万元', '100.01万元')]

```
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Final

from attrs import evolve

from .._enum import IdentityEnum
from .._errors import GovBudgetError
from .._findings import Finding, Location, Severity
from .._ingest._narrative import SUBJECTS
from .._money import Interval, Money, Unit, round_half_up
from .._report import Change, Fact, FactKind, Report, ReportKind
from .._tables import COLUMN_LABELS, Block, Row, RowKind, Table, TableKind
from ..codes import functional
from ._context import ENUMERATOR, Context, Figure, norm
from ._registry import Category, RuleSet
from ._rules_tables import three_public_items

RULES = RuleSet()

# ---------------------------------------------------------------------------
# Vocabulary (the names of :data:`SUBJECTS`)
# ---------------------------------------------------------------------------

_MONEY_UNITS: Final = frozenset({"元", "万元", "亿元"})
_HUNDRED: Final = Decimal(100)

_T_INCOME: Final = "预算收入总计"
_T_SPEND: Final = "预算支出总计"
_CUR_INCOME: Final = "本年收入"
_CUR_SPEND: Final = "本年支出"
_CARRY: Final = "上年结转"
_G_TOTAL: Final = "财政拨款收支总计"
_G_INCOME: Final = "财政拨款收入"
_G_SPEND: Final = "财政拨款支出"
_TOTALS: Final = (_T_INCOME, _T_SPEND, _CUR_INCOME, _CUR_SPEND, _CARRY, _G_TOTAL, _G_INCOME,
                  _G_SPEND)

# subject → (row names in the summary / grant summary, column key of the income table)
_SOURCES: Final[dict[str, tuple[tuple[str, ...], str]]] = {
    "一般公共预算拨款收入": (("一般公共预算", "一般公共预算拨款", "一般公共预算拨款收入",
                              "一般公共预算财政拨款", "一般公共预算财政拨款收入"),
                             "general_budget"),
    "政府性基金预算拨款收入": (("政府性基金预算", "政府性基金预算拨款", "政府性基金预算拨款收入",
                                "政府性基金预算财政拨款", "政府性基金预算财政拨款收入"),
                               "fund_budget"),
    "国有资本经营预算拨款收入": (("国有资本经营预算", "国有资本经营预算拨款",
                                  "国有资本经营预算拨款收入", "国有资本经营预算财政拨款",
                                  "国有资本经营预算财政拨款收入"), "state_capital"),
    "财政专户管理资金收入": (("财政专户管理资金", "财政专户管理资金收入"), "special_account"),
    "单位资金": (("单位资金", "单位资金收入"), "unit_funds"),
    "事业收入": (("事业收入",), "business_income"),
    "事业单位经营收入": (("事业单位经营收入", "经营收入"), "operating_income"),
    "上级补助收入": (("上级补助收入",), "superior_subsidy"),
    "附属单位上缴收入": (("附属单位上缴收入",), "affiliated"),
    "其他收入": (("其他收入",), "other_income"),
}
_GRANT_SOURCES: Final = ("一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入")

_BASIC: Final = "基本支出"
_PROJECT: Final = "项目支出"
_PERSONNEL: Final = "人员经费"
_PUBLIC: Final = "公用经费"
_GENERAL: Final = "一般公共预算支出"
_FUND: Final = "政府性基金预算支出"
_SPENDING: Final = (_BASIC, _PROJECT, _PERSONNEL, _PUBLIC, _GENERAL, _FUND)

_THREE: Final = {"三公经费": "total", "因公出国（境）费": "abroad", "公务接待费": "reception",
                 "公务用车购置及运行维护费": "vehicles", "公务用车购置费": "vehicle_purchase",
                 "公务用车运行维护费": "vehicle_operation"}
_OPERATING: Final = "机关运行经费"
_PROCUREMENT: Final = {"政府采购预算总额": "total", "政府采购货物预算": "goods",
                       "政府采购工程预算": "works", "政府采购服务预算": "services"}
_MANAGED: Final = "纳入绩效目标管理的二级项目"
_PUBLISHED: Final = "公开项目绩效目标"
_VEHICLES: Final = "公务用车"
_BOUGHT: Final = "购置公务用车"
_CODE: Final = re.compile(r"\d{3}(?:\d{2}){0,2}")
_THREE_WORDS: Final = re.compile("因公出国|公务接待|公务用车|三公")
_NAMED: Final = frozenset({name for name, _ in SUBJECTS} | {_VEHICLES, _BOUGHT})

_CARRY_NAMES: Final = ("上年结转", "上年财政拨款结转", "年初结转和结余", "上年结转结余",
                       "年初财政拨款结转和结余", "上年结余")
_SIDE_INCOME: Final = {_T_INCOME: "income", _CUR_INCOME: "income",
                       _T_SPEND: "expenditure", _CUR_SPEND: "expenditure",
                       _G_TOTAL: "grant", _G_INCOME: "grant", _G_SPEND: "grant"}
_PATH: Final = re.compile(r"([^（）()]+)[（(](类|款)[）)]")
_THRESHOLD: Final = re.compile(r"(\d+(?:\.\d+)?)\s*(亿元|万元|元)")
_SHARE_TAIL: Final = re.compile(r"[\d.,]+%$")
_SHARE_FILLER: Final = ("的比重", "的比例", "比重", "比例", "的", "为", "约", "达")


# A subject's own wording (一般公共预算拨款 …) says nothing about the passage's scope.
_OWN_WORDS: Final = {name: re.compile(pattern) for name, pattern in SUBJECTS}


class _Scope(IdentityEnum):
    """Which money a passage talks about."""

    ALL = "all"
    GENERAL = "general"
    GRANT = "grant"


# ---------------------------------------------------------------------------
# Figures of facts
# ---------------------------------------------------------------------------


def _quantum(value: Decimal) -> Decimal:
    """The precision a figure was printed with; a zero printed without decimals is exact."""
    exp = value.as_tuple().exponent
    if not isinstance(exp, int):
        return _Q_ZERO
    if exp < 0:
        q = _QUANTA.get(exp)
        if q is None:
            q = _QUANTA[exp] = Decimal(1).scaleb(exp)
        return q
    return _Q_ZERO if value == 0 else _Q_ONE


# The quanta already built, by exponent (a handful; Decimals are immutable, so they are
# shared).
_QUANTA: dict[int, Decimal] = {}
_Q_ZERO: Final = Decimal(0)
_Q_ONE: Final = Decimal(1)


def _interval(value: Decimal, quantum: Decimal) -> Interval:
    return Interval.exact(value) if quantum == 0 else Interval.of_rounded(value, quantum)


# The money units a fact may be stated in, by symbol (what `Unit.parse` gives for them).
_UNIT_OF: Final = {u.symbol: u for u in (Unit.YUAN, Unit.WAN_YUAN, Unit.YI_YUAN)}
_FACTOR_OF: Final = {k: u.factor for k, u in _UNIT_OF.items()}


def _factor(unit: str) -> Decimal:
    f = _FACTOR_OF.get(unit)
    return f if f is not None else _Q_ONE


def _unit(symbol: str) -> Unit:
    """`Unit.parse`, with the three symbols facts use looked up directly."""
    u = _UNIT_OF.get(symbol)
    return u if u is not None else Unit.parse(symbol)


def _is_money(f: Fact) -> bool:
    return f.unit in _MONEY_UNITS


def _signed(f: Fact) -> Decimal:
    return -f.value if f.direction is Change.DECREASE else f.value


def _label(f: Fact) -> str:
    return f.subject if not f.qualifier else f"{f.subject}（{f.qualifier}）"


def _loc(f: Fact) -> Location:
    return Location(section=f.section or "narrative", row_name=_label(f), line=f.line)


def _fig(f: Fact) -> Figure:
    """A money fact as a :class:`Figure` (a change signed by its direction)."""
    amount = _signed(f) if f.kind is FactKind.CHANGE_AMOUNT else f.value
    # The location is built only if a finding needs it.
    return Figure.lazy(Money.of(amount, _unit(f.unit)), _quantum(f.value), _loc, f)


def _fig_interval(fig: Figure) -> Interval:
    """The true values (in 元) a figure stands for."""
    factor = fig.money.unit.factor
    return _interval(fig.money.yuan, fig.quantum * factor)


def _pct(value: Decimal) -> str:
    return f"{value}%"


def _qual(q: str | None) -> str | None:
    """A qualifier that changes the meaning (当年/本年 do not)."""
    return None if q in (None, "当年", "本年") else q


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


@dataclass(frozen=True)
class _Side:
    """One side of a ratio: a point value and its interval, both in 元."""

    point: Decimal
    iv: Interval
    location: Location
    label: str
    index: int | None  # the fact, or None for a table figure


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
        if path[-1] != norm(kuan.name):
            continue
        if len(path) >= 2 and (cls is None or path[-2] != norm(cls.name)):
            continue
        found.add(info.code)
    return found.pop() if len(found) == 1 else None


def _has_data(t: Table, b: Block | None = None) -> bool:
    """Whether a table was read with rows of figures (or says it has none): only then does
    a row it does not print stand for zero."""
    return t.empty or any(r.kind is RowKind.DATA and any(v is not None for v in r.values)
                          for blk in ([b] if b else t.blocks) for r in blk.rows)


_SOURCE_WORDS: Final = re.compile(r"(?:拨款)?(?:收入|资金)$")


def _zero(t: Table, name: str, key: str) -> _Ref:
    """An exact zero: the table is present but prints no such row."""
    fig = Figure(Money.of(Decimal(0), t.unit), Decimal(0),
                 Location(section=t.title or t.kind.chinese, table=t.kind.value, row_name=name,
                          column=key, line=t.line))
    return _Ref(fig, f"{t.title}（无“{name}”，即为0）", f"{t.kind.value} (no {name!r}: zero)")


def _block(t: Table | None, name: str | None = None) -> Block | None:
    if t is None or not t.blocks:
        return None
    if name is None:
        return t.blocks[0]
    return next((b for b in t.blocks if b.name == name), None)


def _total_row(b: Block) -> Row | None:
    return next(b.totals(), None)


_BUDGET_TITLE: Final = re.compile(r"预算(?:情况|编制|说明)|编制说明")


def _reads_final(report: Report) -> bool:
    """A report whose kind was not recorded but whose narrative is a final account's (most
    of its section titles speak of 决算)."""
    titles = [s.title for s in report.narrative.sections if s.title]
    final = sum("决算" in t for t in titles)
    budget = sum(bool(_BUDGET_TITLE.search(t)) and "决算" not in t for t in titles)
    return final >= 3 and final > budget


class _An:
    """What every narrative rule needs: scopes, table figures, confirmations."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.report: Report = ctx.report
        self.facts: tuple[Fact, ...] = ctx.report.narrative.facts
        # Which figure of its subject each fact is: "" for the figure the report is about
        # (this year's budget; a final account's outturn), else the measure and its year.
        final = ctx.report.kind is ReportKind.FINAL or _reads_final(ctx.report)
        self.final = final
        main_words = ("决算", "执行数") if final else ("预算",)
        year = ctx.report.year
        self.measures: list[tuple[str, int | None]] = [
            ("", None) if ((f.measure is None or f.measure in main_words) and (
                f.year is None or year is None or f.year == year))
            or f.kind not in (FactKind.AMOUNT, FactKind.COUNT)
            else (f.measure or "", f.year) for f in self.facts]
        # The facts of each subject, in order (``of`` is asked often).
        self._by_subject: dict[str, list[int]] = {}
        for i, f in enumerate(self.facts):
            self._by_subject.setdefault(f.subject, []).append(i)
        parents: dict[str, str] = {}
        top = ""
        for s in ctx.report.narrative.sections:
            if s.title.startswith(("（", "(")):
                parents.setdefault(s.title, top)
            else:
                top = s.title
        self.parents = parents
        self.scopes = [self._scope_of(f) for f in self.facts]
        self.classes = {norm(i.name) for i in functional.codes(level=1)}
        for kind in (TableKind.SUMMARY, TableKind.GRANT_SUMMARY):
            b = _block(ctx.table(kind), "expenditure")
            if b is not None:
                self.classes |= {norm(r.name) for r in b.rows if r.kind is RowKind.DATA
                                 and norm(r.name).endswith("支出")}
        self._refs: dict[int, _Ref | None] = {}
        self._known: dict[int, Interval] = {}
        self._sides: dict[int, _Side] = {}
        self._keys: list[tuple[object, ...] | None] = [None] * len(self.facts)
        # Per block (by id: the blocks live as long as the report), the first row of each
        # normalised name, indexed once (see `find`).
        self._row_names: dict[int, dict[str, Row]] = {}
        self.sides = [self._side_of(i) for i in range(len(self.facts))]
        self.confirmed = self._confirmations()

    # -- scope ----------------------------------------------------------------
    def _scope_of(self, f: Fact) -> _Scope:
        sentence = f.sentence
        own = _OWN_WORDS.get(f.subject)
        # The clause keeps some of the sentence's characters in order, so it can hold a
        # scope word (ending in 算 or 款) only if the sentence has that last character:
        # without either there is nothing to remove.
        clause = own.sub("", sentence) if own is not None and (
            "算" in sentence or "款" in sentence) else sentence
        for text in (clause, f.section, self.parents.get(f.section, "")):
            if "一般公共预算" in text:
                return _Scope.GENERAL
            if "财政拨款" in text:
                return _Scope.GRANT
        return _Scope.ALL

    def _side_of(self, i: int) -> str:
        """For 上年结转 and 本年支出: the income, expenditure or grant side of the table."""
        f = self.facts[i]
        if f.subject != _CARRY:
            return ""
        if "支出" in f.sentence:
            return "expenditure"
        for j in range(i - 1, -1, -1):
            g = self.facts[j]
            if g.section != f.section:
                break
            if g.kind is FactKind.AMOUNT and g.subject in _SIDE_INCOME:
                return _SIDE_INCOME[g.subject]
        return "grant" if self.scopes[i] is _Scope.GRANT else "income"

    def key(self, i: int) -> tuple[object, ...]:
        """What a fact is about: two facts with the same key state the same figure."""
        k = self._keys[i]
        if k is None:
            f = self.facts[i]
            scoped = f.subject in (_BASIC, _PROJECT, _CARRY, _CUR_INCOME, _CUR_SPEND) \
                or self.is_class(i) or self.path(i) is not None
            scope = (self.scopes[i], self.sides[i]) if scoped else ()
            unit_kind = "money" if _is_money(f) else f.unit
            k = self._keys[i] = (f.subject, _qual(f.qualifier), unit_kind, scope,
                                 self.measures[i])
        return k

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

    def change_key(self, i: int) -> tuple[object, ...]:
        f = self.facts[i]
        year = f.compared_to
        if year is None and self.report.year is not None:
            year = self.report.year - 1
        return (*self.key(i), year, f.measure)

    def is_main(self, i: int) -> bool:
        """Whether an amount is the figure the report is about (not a 年初预算 of a final
        account, nor last year's 执行数)."""
        return self.measures[i] == ("", None)

    def is_class(self, i: int) -> bool:
        f = self.facts[i]
        return f.qualifier is None and norm(f.subject) in self.classes

    def path(self, i: int) -> list[str] | None:
        """The 类/款 names of a functional path (``…（类）…（款）``), or ``None``."""
        q = self.facts[i].qualifier
        if not q:
            return None
        parts = _PATH.findall(q)
        return [norm(name) for name, _ in parts] if parts else None

    # -- table figures ----------------------------------------------------------
    def ref(self, i: int) -> _Ref | None:
        """The table figure a money amount of the narrative must agree with."""
        if i not in self._refs:
            f = self.facts[i]
            ok = f.kind is FactKind.AMOUNT and _is_money(f) and self.is_main(i)
            self._refs[i] = self.ref_for(f.subject, f.qualifier, self.scopes[i],
                                         self.sides[i], f.sentence, i) if ok else None
        return self._refs[i]

    def ref_for(self, subject: str, qualifier: str | None, scope: _Scope, side: str,
                sentence: str, index: int | None = None) -> _Ref | None:
        ctx = self.ctx
        if subject in _SOURCES:
            return self._source(subject, scope)
        if subject in _TOTALS:
            return self._total(subject, scope, side, sentence)
        if subject in _SPENDING:
            return self._spending(subject, scope)
        if subject in _THREE:
            t = ctx.table(TableKind.THREE_PUBLIC)
            if t is None or (t.blocks and not t.empty and not any(
                    v is not None for blk in t.blocks for r in blk.rows for v in r.values)):
                return None  # nothing read from it: no figure to compare with
            if t.empty and any(f.rule == "reading.empty_note_with_data"
                               and f.location.table == t.kind.value for f in ctx.report.findings):
                return None  # says it is empty and prints figures: no figure to trust
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
        if qualifier and _CODE.fullmatch(qualifier):
            return self._coded(subject, qualifier, scope)
        if _qual(qualifier) is None and norm(subject) in self.classes:
            return self._class(subject, scope)
        return None

    def _source(self, subject: str, scope: _Scope) -> _Ref | None:
        names, key = _SOURCES[subject]
        kinds = [TableKind.SUMMARY]
        if scope is _Scope.GRANT and subject in _GRANT_SOURCES:
            kinds.insert(0, TableKind.GRANT_SUMMARY)
        for kind in kinds:
            t = self.ctx.table(kind)
            b = _block(t, "income")
            if t is None or b is None:
                continue
            r = self.find(b, names)
            if r is not None:
                return _cell(t, b, r, b.columns[0].key)
        t2 = self.ctx.table(TableKind.INCOME)
        b2 = _block(t2)
        if t2 is not None and b2 is not None and b2.has(key):
            r2 = _total_row(b2)
            if r2 is not None:
                return _cell(t2, b2, r2, key)
        t1 = self.ctx.table(TableKind.SUMMARY)
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
        t = self.ctx.table(kind)
        b = _block(t, block)
        if t is None or b is None:
            return None
        r = self.find(b, names)
        return _cell(t, b, r, key) if r is not None else None

    def _table_total(self, kind: TableKind, key: str) -> _Ref | None:
        t = self.ctx.table(kind)
        b = _block(t)
        if t is None or b is None:
            return None
        r = _total_row(b)
        if r is None:
            return _zero(t, "合计", key) if t.empty else None
        return _cell(t, b, r, key)

    def _total(self, subject: str, scope: _Scope, side: str, sentence: str) -> _Ref | None:
        S, G = TableKind.SUMMARY, TableKind.GRANT_SUMMARY  # noqa: N806
        # A 决算 names both grand totals 总计 (收入支出决算总表, 财政拨款收入支出决算总表).
        if subject == _T_INCOME:
            return (self._named(S, "income", ("收入总计", "总计"), "amount")
                    or self._table_total(TableKind.INCOME, "total"))
        if subject == _T_SPEND:
            return (self._named(S, "expenditure", ("支出总计", "总计"), "total")
                    or self._table_total(TableKind.EXPENDITURE, "total"))
        if subject == _CUR_INCOME:
            kind = G if scope is _Scope.GRANT else S
            return self._named(kind, "income", ("本年收入合计", "收入合计"), "amount")
        if subject == _CUR_SPEND:
            if scope is _Scope.GRANT:
                return self._named(G, "expenditure", ("本年支出合计", "支出合计"), "total")
            b = _block(self.ctx.table(S), "expenditure")
            if "安排" in sentence and b is not None and b.has("current_year"):
                return self._named(S, "expenditure", ("支出总计", "本年支出合计"), "current_year")
            return (self._named(S, "expenditure", ("本年支出合计", "支出合计"), "total")
                    or self._table_total(TableKind.EXPENDITURE, "total"))
        if subject == _CARRY:
            if side == "expenditure":
                b = _block(self.ctx.table(S), "expenditure")
                if b is None or not b.has("carryover"):
                    return None
                return self._named(S, "expenditure", ("支出总计", "本年支出合计"), "carryover")
            kind = G if side == "grant" else S
            found = self._named(kind, "income", _CARRY_NAMES, "amount")
            t = self.ctx.table(kind)
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

    def _spending(self, subject: str, scope: _Scope) -> _Ref | None:
        if subject in (_BASIC, _PROJECT):
            key = "basic" if subject == _BASIC else "project"
            if scope is _Scope.GENERAL:
                return self._table_total(TableKind.GENERAL_EXPENDITURE, key)
            if scope is _Scope.ALL:
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
        t = self.ctx.table(TableKind.OPERATING_COSTS)
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

    def _class(self, subject: str, scope: _Scope) -> _Ref | None:
        name = norm(subject)

        def by_name(kind: TableKind, block: str | None, key: str) -> _Ref | None:
            t = self.ctx.table(kind)
            b = _block(t, block)
            if t is None or b is None or not b.has(key):
                return None
            for r in b.rows:
                if r.kind is RowKind.DATA and (r.code is None or len(r.code) == 3) \
                        and norm(r.name) == name:
                    return _cell(t, b, r, key)
            return _zero(t, subject, key) if _has_data(t, b) else None

        if scope is _Scope.GRANT:
            return by_name(TableKind.GRANT_SUMMARY, "expenditure", "total")
        if scope is _Scope.GENERAL:
            return (by_name(TableKind.GENERAL_EXPENDITURE, None, "total")
                    or by_name(TableKind.GRANT_SUMMARY, "expenditure", "general_budget"))
        return (by_name(TableKind.SUMMARY, "expenditure", "total")
                or by_name(TableKind.EXPENDITURE, None, "total"))

    def _coded(self, subject: str, code: str, scope: _Scope) -> _Ref | None:
        """An item printed with its code (2080201-行政运行): the row of that code, when the
        table prints it under the same name."""
        kinds = [TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE]
        if scope is _Scope.ALL:
            kinds.reverse()
        for kind in kinds:
            t = self.ctx.table(kind)
            b = _block(t)
            if t is None or b is None:
                continue
            r = Context.coded_rows(b).get(code)
            if r is not None and norm(r.name) == norm(subject):
                return _cell(t, b, r, "total")
        return None

    def code(self, i: int) -> str | None:
        """The functional code an item is printed with (2080201-行政运行), or ``None``."""
        q = self.facts[i].qualifier
        return q if q and _CODE.fullmatch(q) else None

    def _item(self, subject: str, path: list[str], scope: _Scope) -> _Ref | None:
        kinds = [TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE]
        if scope is _Scope.ALL:
            kinds.reverse()
        for kind in kinds:
            t = self.ctx.table(kind)
            b = _block(t)
            if t is None or b is None:
                continue
            coded = Context.coded_rows(b)
            prefix = ""
            for part in path:
                hit = next((c for c, r in coded.items() if c.startswith(prefix)
                            and len(c) in (3, 5) and len(c) > len(prefix)
                            and norm(r.name) == part), None)
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

    def wrong_path(self, i: int) -> Finding | None:
        """An item whose path names a 款 its 类 does not have in the tables, while the
        item's own name is printed once under that 类 (so the row meant is known): the
        narrative names the 科目 wrongly (卫生健康支出（类）卫生健康支出（款）计划生育事务（项）
        where the tables print 21007 计划生育事务)."""
        f = self.facts[i]
        path = self.path(i)
        if not path or len(path) < 2:
            return None
        for kind in (TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE):
            t = self.ctx.table(kind)
            b = _block(t)
            if t is None or b is None:
                continue
            coded = Context.coded_rows(b)
            cls = next((c for c, r in coded.items() if len(c) == 3 and norm(r.name) == path[0]),
                       None)
            if cls is None:
                return None
            items = [c for c in coded if c.startswith(cls) and len(c) == 5]
            if any(norm(coded[c].name) == path[1] for c in items):
                return None  # the 款 is there: not this kind of mistake
            hits = {c for c, r in coded.items() if c.startswith(cls) and len(c) > 3
                    and norm(r.name) == norm(f.subject)}
            if len(hits) != 1:
                return None
            code = hits.pop()
            row = coded[code]
            printed = f"{f.qualifier}{f.subject}"
            return self.ctx.finding(
                "narrative.class_amounts", Severity.ERROR,
                f"情况说明中的科目“{printed}”与表格不符：{t.title}的{cls} {coded[cls].name}下没有"
                f"名为“{path[1]}”的款，“{f.subject}”是{code} {row.name}",
                f"narrative item {printed!r} does not match the tables: class {cls} of "
                f"{t.kind.value} has no 款 named {path[1]!r}; {f.subject!r} is {code}",
                _loc(f), [Location(section=t.title or t.kind.chinese, table=t.kind.value,
                                   row_code=code, row_name=row.name, line=row.line)],
                expected_text=f"{code} {row.name}", actual_text=printed)
        return None

    # -- what a fact is confirmed by ----------------------------------------------
    def _confirmations(self) -> set[int]:
        out: set[int] = set()
        for i, f in enumerate(self.facts):
            r = self.ref(i)
            # ``f.money`` (a fact with a table figure is an amount) without its validation
            if r is not None and not r.le and f.unit in _MONEY_UNITS \
                    and Money.of(f.value, _unit(f.unit)) == r.figure.money:
                out.add(i)
        seen: dict[tuple[object, ...], list[int]] = {}
        for i, f in enumerate(self.facts):
            if f.kind in (FactKind.AMOUNT, FactKind.COUNT):
                k: tuple[object, ...] = (f.kind, *self.key(i))
            elif f.kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT):
                k = (f.kind, *self.change_key(i))
            else:
                continue
            seen.setdefault(k, []).append(i)
        # A fact is confirmed by another of its group with the same signed value and unit:
        # count the (value, unit) pairs of each group (Decimals hash by value).
        for group in seen.values():
            if len(group) < 2:
                continue
            facts = [self.facts[a] for a in group]
            stated = Counter((_signed(f), f.unit) for f in facts)
            out.update(a for a, f in zip(group, facts, strict=True)
                       if stated[(_signed(f), f.unit)] > 1)
        return out

    # -- figures of facts, tightened by the table ---------------------------------
    def known(self, i: int) -> Interval:
        """The true values (in 元) of a money fact: its printed interval, narrowed by its
        table figure when the two agree (worked out once per fact: intervals are
        immutable)."""
        iv = self._known.get(i)
        if iv is None:
            iv = self._known[i] = self._known_of(i)
        return iv

    def _known_of(self, i: int) -> Interval:
        f = self.facts[i]
        factor = _factor(f.unit)
        own = _interval(f.value * factor, _quantum(f.value) * factor)
        r = self.ref(i)
        if r is not None and not r.le:
            both = own.intersection(_fig_interval(r.figure))
            if both is not None:
                return both
        return own

    def side(self, i: int) -> _Side:
        """A fact as one side of a ratio (built once per fact: a `_Side` is immutable)."""
        side = self._sides.get(i)
        if side is None:
            f = self.facts[i]
            side = self._sides[i] = _Side(f.value * _factor(f.unit), self.known(i), _loc(f),
                                          _label(f), i)
        return side

    def table_side(self, r: _Ref, label: str) -> _Side:
        return _Side(r.figure.money.yuan, _fig_interval(r.figure), r.figure.location, label,
                     None)

    def base(self, i: int) -> int | None:
        """This year's amount a change is a change of (same subject and qualifier: the
        latest before it in its section, else one in the same scope)."""
        c = self.facts[i]
        same = [j for j in self.of(c.subject, qualifier=_qual(c.qualifier))
                if self.facts[j].unit in _MONEY_UNITS]
        before = [j for j in same if j < i and self.facts[j].section == c.section]
        if before:
            return before[-1]
        scoped = [j for j in same if self.key(j) == self.key(i)]
        return scoped[0] if scoped else None

    def figure(self, i: int) -> Figure:
        """A money fact as a figure; a change allows for the rounding of both years (it is
        usually the difference of two printed figures), a 持平 statement is an exact 0."""
        f = self.facts[i]
        fig = _fig(f)
        if f.kind is not FactKind.CHANGE_AMOUNT:
            return fig
        if f.direction is Change.SAME:
            return Figure(Money.of(Decimal(0), fig.money.unit), Decimal(0), fig.location)
        b = self.base(i)
        this_q = fig.quantum
        if b is not None:
            base = self.facts[b]
            this_q = _quantum(base.value) * _factor(base.unit) / fig.money.unit.factor
        return Figure(fig.money, fig.quantum + this_q, fig.location)

    def of(self, subject: str, *, kinds: Iterable[FactKind] = (FactKind.AMOUNT,),
           qualifier: str | None = None) -> list[int]:
        """The facts of a subject and qualifier, of the kinds asked (amounts: only those
        the report is about, see `is_main`)."""
        ks = set(kinds)
        facts = self.facts
        return [i for i in self._by_subject.get(subject, ())
                if facts[i].kind in ks and _qual(facts[i].qualifier) == qualifier
                and self.is_main(i)]


def _an(ctx: Context) -> _An:
    # Kept on the context, not in a module-level cache: an ``_An`` refers to its context,
    # so a WeakKeyDictionary entry would never die and every report would be kept alive.
    an = ctx.memo.get("narrative")
    if not isinstance(an, _An) or an.report is not ctx.report:
        an = _An(ctx)
        ctx.memo["narrative"] = an
    return an


# ---------------------------------------------------------------------------
# Blame: collect a rule's failures, then place each on the likeliest figure
# ---------------------------------------------------------------------------


@dataclass
class _Issue:
    finding: Finding
    facts: tuple[int, ...]
    default: int | None


@dataclass
class _Blame:
    an: _An
    issues: list[_Issue] = field(default_factory=list)
    confirmed: set[int] = field(default_factory=set)

    def add(self, finding: Finding | None, facts: Iterable[int] = (),
            default: int | None = None) -> None:
        if finding is not None:
            self.issues.append(_Issue(finding, tuple(dict.fromkeys(facts)), default))

    def findings(self) -> Iterator[Finding]:
        fails: Counter[int] = Counter()
        for iss in self.issues:
            if iss.finding.severity is not Severity.INFO:
                fails.update(iss.facts)
        confirmed = self.an.confirmed | self.confirmed
        for iss in self.issues:
            f = iss.finding
            if f.severity is Severity.INFO or len(iss.facts) < 2:
                yield f
                continue

            def weight(i: int, iss: _Issue = iss) -> tuple[int, bool, bool, bool, int]:
                fact = self.an.facts[i]
                return (fails[i], i not in confirmed, fact.direction is not Change.SAME,
                        i == iss.default, i)

            best = max(iss.facts, key=weight)
            if best == iss.default:
                yield f
                continue
            where = _loc(self.an.facts[best])
            related = [x for x in (f.location, *f.related) if x != where]
            yield evolve(f, location=where, related=tuple(related))


# ---------------------------------------------------------------------------
# Comparisons
# ---------------------------------------------------------------------------


def _vs_table(ctx: Context, an: _An, rid: str, i: int) -> Finding | None:
    """A narrative amount against its table figure (not a figure stated as part of
    another amount: （含上年结转750万元） of a project)."""
    f = an.facts[i]
    if f.qualifier is not None and f.qualifier.startswith("含于"):
        return None
    r = an.ref(i)
    if r is None:
        return None
    # Most amounts equal their cell exactly: no figure or message needed (a fact with a
    # reference is an amount, so its figure holds ``f.value``).
    if not r.le and r.figure.same_as(f.value, _unit(f.unit)):
        return None
    if not r.le and _rounds_to(r.figure, f):
        return None  # 15,621.11万元 for 156,211,123元: the table's figure, rounded as printed
    fig = _fig(f)
    what = f"情况说明“{_label(f)}”与{r.what}"
    what_en = f"narrative {_label(f)!r} vs {r.what_en}"
    if r.le:
        return ctx.le_check(rid, fig, r.figure, what=what, what_en=what_en)
    found = ctx.equal_check(rid, r.figure, fig, what=what, what_en=what_en)
    if found is not None and found.severity is Severity.ERROR and (
            _sum_of_items(ctx, r, fig) or _printed_elsewhere(ctx, r, fig)):
        # A 类 or 款 total is printed as its rounded total, or as the sum of its rounded
        # items: the narrative quoting the sum of the items the table prints (236.64 =
        # 40.35 + 196.29 for a class row printed 236.63) is rounding, not an error.
        return evolve(found, severity=Severity.INFO,
                      message=found.message + "；类、款合计可能为各项四舍五入之和，差一个尾数属四舍五入",
                      message_en=found.message_en + "; a class total may be the sum of rounded "
                      "items: one last digit is rounding")
    return found


def _printed_elsewhere(ctx: Context, r: _Ref, fig: Figure) -> bool:
    """Another table prints the same 类 or 款 (by code, or a 类 by name) with the narrative's
    figure, one last digit from this table's: the two tables' printings differ by rounding
    (a class row as its rounded total in one, as the sum of rounded items in the other),
    and the narrative quotes one of them."""
    loc = r.figure.location
    code = loc.row_code or ""
    if len(code) not in (3, 5):
        return False
    q = r.figure.quantum * r.figure.money.unit.factor
    if not 0 < abs(fig.money.yuan - r.figure.money.yuan) <= q:
        return False
    name = norm(loc.row_name or "")
    for t in ctx.report.tables:
        if t.kind.value == loc.table:
            continue
        target = fig.money.to(t.unit).amount
        for _, row in t.rows():
            same = row.code == code or (len(code) == 3 and not row.code and name
                                        and norm(ENUMERATOR.sub("", row.name)) == name)
            if same and target in row.values:
                return True
    return False


def _sum_of_items(ctx: Context, r: _Ref, fig: Figure) -> bool:
    """The narrative figure is, exactly, the sum of the items printed under the table's
    类 or 款 row it is compared with (in that row's column), and differs from the row by
    no more than the items' rounding allows."""
    loc = r.figure.location
    code = loc.row_code or ""
    if len(code) not in (3, 5) or loc.table is None or loc.column is None:
        return False
    table = next((t for t in ctx.report.tables if t.kind.value == loc.table), None)
    if table is None:
        return False
    for block in table.blocks:
        col = block.position(loc.column)
        if col is None or not any(x.code == code for x in block.rows):
            continue
        items = [x.values[col] for x in block.rows if x.code and len(x.code) == len(code) + 2
                 and x.code.startswith(code) and col < len(x.values)]
        if len(items) < 2 or any(v is None for v in items):
            return False
        total = sum((v for v in items if v is not None), Decimal(0))
        target = fig.money.to(table.unit).amount
        gap = abs(total - r.figure.money.to(table.unit).amount)
        return total == target and gap <= table.quantum * (len(items) // 2)
    return False


def _rounds_to(fig: Figure, f: Fact) -> bool:
    """Whether the narrative figure, in a larger unit than the table's, is the table's
    figure converted and rounded as printed (15,621.11万元 for 156,211,123元): the same
    money, not a gap. (In the table's own unit a coarser figure is still ``info``.)"""
    q = _quantum(f.value)
    if q == 0 or f.unit not in _MONEY_UNITS or _factor(f.unit) <= fig.money.unit.factor \
            or fig.quantum * fig.money.unit.factor >= q * _factor(f.unit):
        return False
    return round_half_up(fig.money.yuan / _factor(f.unit), q) == f.value


def _table_rule(ctx: Context, rid: str, subjects: Callable[[_An, int], bool]) -> Iterator[Finding]:
    an = _an(ctx)
    for i in range(len(an.facts)):
        if subjects(an, i):
            f = _vs_table(ctx, an, rid, i)
            if f is not None:
                yield f


def _sum(ctx: Context, rid: str, parts: Sequence[Figure], whole: Figure, what: str,
         what_en: str) -> Finding | None:
    """Σ parts = whole among narrative figures (units may differ)."""
    unit = min((f.money.unit for f in (*parts, whole)), key=lambda u: u.exponent)
    figs = [Figure(f.money.to(unit), f.quantum * f.money.unit.factor / unit.factor, f.location)
            for f in parts]
    return ctx.sum_check(rid, figs, whole, what=what, what_en=what_en)


def _has(*subjects: str) -> Callable[[Report], bool]:
    wanted = set(subjects)
    return lambda r: any(f.subject in wanted for f in r.narrative.facts)


def _first(an: _An, idx: Iterable[int], section: str | None = None) -> int | None:
    return next((i for i in idx if section is None or an.facts[i].section == section), None)


# ---------------------------------------------------------------------------
# 1. totals
# ---------------------------------------------------------------------------


@RULES.rule("narrative.totals", title="情况说明中的收支总计、本年收支、上年结转与收支总表一致",
      title_en="Narrative totals, current-year and carry-over figures agree with the summary "
               "tables",
      category=Category.NARRATIVE,
      applies="when the narrative states 预算收入总计, 预算支出总计, 本年收入/支出, 上年结转, "
              "财政拨款收支总计 or 财政拨款收入/支出; each is compared with the 收支总表 (or the "
              "收入/支出总表 without one) or the 财政拨款收支总表, skipped when that table is "
              "absent; a total broken down in the same passage must equal its parts",
      when=_has(*_TOTALS))
def totals(ctx: Context) -> Iterator[Finding]:
    """预算收入总计 = 收支总表 收入总计; 预算支出总计 = 支出总计; 本年收入 = 本年收入合计;
    本年支出 (本年预算安排) = the 当年预算安排 column of 支出总计 (else 本年支出合计); 上年结转
    = the carry-over row (income side), the 上年结转 column of 支出总计 (spending side) or
    the 上年财政拨款结转 row (财政拨款 side), the side being the total the passage breaks
    down; 财政拨款收支总计 = 财政拨款收支总表 收入总计; 财政拨款收入 = its 本年收入合计;
    财政拨款支出 = its 本年支出合计. A total followed in its passage by 本年收入/本年支出 and
    上年结转 must equal their sum."""
    rid = "narrative.totals"
    an = _an(ctx)
    blame = _Blame(an)
    for i, f in enumerate(an.facts):
        if f.subject in _TOTALS:
            blame.add(_vs_table(ctx, an, rid, i), (i,), i)
    heads = {_T_INCOME: _CUR_INCOME, _T_SPEND: _CUR_SPEND, _G_TOTAL: _G_INCOME}
    for i, f in enumerate(an.facts):
        if f.subject not in heads or f.kind is not FactKind.AMOUNT or not _is_money(f) \
                or not an.is_main(i):
            continue
        parts: dict[str, int] = {}
        for j in range(i + 1, len(an.facts)):
            g = an.facts[j]
            if g.section != f.section or (g.subject in heads and g.kind is FactKind.AMOUNT):
                break
            if g.kind is FactKind.AMOUNT and _is_money(g) and g.subject not in parts and \
                    an.is_main(j) and \
                    g.subject in (heads[f.subject], _CUR_INCOME, _CUR_SPEND, _CARRY):
                parts[g.subject] = j
        if len(parts) == 2 and _CARRY in parts:
            terms = [an.figure(j) for j in parts.values()]
            blame.add(_sum(ctx, rid, terms, an.figure(i), f"情况说明“{f.subject}”与本年+上年结转之和",
                           f"narrative {f.subject!r} vs current-year + carry-over"),
                      (i, *parts.values()), i)
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 2. income sources
# ---------------------------------------------------------------------------


@RULES.rule("narrative.income_sources", title="情况说明中各项收入与收支总表（财政拨款收支总表）一致",
      title_en="Narrative income by source agrees with the summary tables",
      category=Category.NARRATIVE,
      applies="when the narrative states income by source (一般公共预算拨款收入, 政府性基金…, "
              "国有资本经营…, 财政专户管理资金收入, 单位资金, 事业收入 …); compared with the "
              "收支总表 row (the 财政拨款收支总表 in a 财政拨款 passage), else the 收入总表 合计 "
              "column; skipped when neither table is present",
      when=_has(*_SOURCES))
def income_sources(ctx: Context) -> Iterator[Finding]:
    """Each income source the narrative states equals the 收支总表 income row of the same
    name (the 财政拨款收支总表 row in a 财政拨款 passage, for the three fund sources), else
    the matching column of the 收入总表's 合计 row. A source the summary does not print is
    zero."""
    # 上年结转结余的一般公共预算收入: the carried-over part of a source, not this year's
    # income of that name (the summary's rows): not compared with them.
    yield from _table_rule(ctx, "narrative.income_sources",
                           lambda an, i: an.facts[i].subject in _SOURCES
                           and an.facts[i].qualifier != "上年结转")


# ---------------------------------------------------------------------------
# 3. spending
# ---------------------------------------------------------------------------


_PARTS_OF_BASIC: Final = frozenset({_BASIC, _PROJECT, _PERSONNEL, _PUBLIC, "三公经费",
                                    _OPERATING})


def _third_part(an: _An, sec: str, last: int, whole: int) -> bool:
    """Whether the passage names a third part of the spending after 基本支出 and 项目支出
    (单位预留机动经费预算数为3990.4万元): then the two do not make up the whole."""
    w = an.facts[whole].subject
    for j in range(last + 1, min(last + 8, len(an.facts))):
        g = an.facts[j]
        if g.section != sec:
            break
        if g.kind is FactKind.AMOUNT and _is_money(g) and an.is_main(j) \
                and g.subject not in _PARTS_OF_BASIC and g.subject != w \
                and g.subject.endswith(("经费", "支出")) and _qual(g.qualifier) is None \
                and not an.is_class(j):
            return True
    return False


@RULES.rule("narrative.spending", title="情况说明中的基本支出、项目支出、人员经费、公用经费与支出表一致",
      title_en="Narrative basic/project spending and personnel/public funds agree with the "
               "spending tables",
      category=Category.NARRATIVE,
      applies="when the narrative states 基本支出, 项目支出, 人员经费, 公用经费, 一般公共预算支出 "
              "or 政府性基金预算支出; compared with the 支出总表 (all money) or the 一般公共预算"
              "支出表 (a 一般公共预算 passage), the basic-spending table's 合计 row, the fund "
              "table; skipped when the table is absent (and for 基本/项目支出 in a 财政拨款 "
              "passage, which no table prints)",
      when=_has(*_SPENDING))
def spending(ctx: Context) -> Iterator[Finding]:
    """基本支出 / 项目支出 = the 合计 row of the 支出总表 (or of the 一般公共预算支出表 in a
    一般公共预算 passage); 人员经费 / 公用经费 = the basic-spending table's 合计 row;
    一般公共预算支出 = the general-budget table's 合计 (else the 财政拨款收支总表's 一般公共预算
    column); 政府性基金预算支出 = the fund table's 合计. Within a passage, 基本支出 + 项目支出
    = the spending total it breaks down, and 人员经费 + 公用经费 = 基本支出."""
    rid = "narrative.spending"
    an = _an(ctx)
    blame = _Blame(an)
    for i, f in enumerate(an.facts):
        if f.subject in _SPENDING:
            blame.add(_vs_table(ctx, an, rid, i), (i,), i)
    sections = list(dict.fromkeys(f.section for f in an.facts))
    money = (FactKind.AMOUNT,)
    for sec in sections:
        b = _first(an, an.of(_BASIC, kinds=money), sec)
        p = _first(an, an.of(_PROJECT, kinds=money), sec)
        if b is not None and p is not None:
            whole = next((j for j in range(min(b, p) - 1, -1, -1)
                          if an.facts[j].section == sec and an.facts[j].kind is FactKind.AMOUNT
                          and an.facts[j].subject in (_T_SPEND, _CUR_SPEND, _GENERAL, _G_SPEND)
                          and _is_money(an.facts[j]) and an.is_main(j)), None)
            if whole is not None and not _third_part(an, sec, max(b, p), whole):
                w = an.facts[whole]
                blame.add(_sum(ctx, rid, [an.figure(b), an.figure(p)], an.figure(whole),
                               f"情况说明“{w.subject}”与基本支出+项目支出",
                               f"narrative {w.subject!r} vs basic + project"),
                          (whole, b, p), whole)
        pe = _first(an, an.of(_PERSONNEL, kinds=money), sec)
        pu = _first(an, an.of(_PUBLIC, kinds=money), sec)
        if pe is not None and pu is not None:
            basic = next((j for j in range(min(pe, pu) - 1, -1, -1)
                          if an.facts[j].section == sec and j in an.of(_BASIC, kinds=money)),
                         None)
            if basic is not None:
                blame.add(_sum(ctx, rid, [an.figure(pe), an.figure(pu)], an.figure(basic),
                               "情况说明基本支出与人员经费+公用经费",
                               "narrative basic spending vs personnel + public funds"),
                          (basic, pe, pu), basic)
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 4. functional classes and items
# ---------------------------------------------------------------------------


def _named_codes(ctx: Context) -> bool:
    """Whether a spending table was read with coded, named rows (an item can only be
    looked up in such a table; one read without names says nothing of the item)."""
    for kind in (TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE):
        t = ctx.table(kind)
        b = _block(t)
        if b is not None and any(r.code and r.name.strip() and any(
                v is not None for v in r.values) for r in b.rows):
            return True
    return False


_ITEM_WHOLES: Final = (_G_SPEND, _T_SPEND, _CUR_SPEND, _GENERAL)


def _item_sums(ctx: Context, an: _An, rid: str) -> Iterator[Finding]:
    """A list of 科目 items (``1.“…（类）…（款）…（项）”X万元``, two or more in a passage)
    against the spending total stated just before it: the items are parts of it, so they
    cannot add up to more (a rounding-sized gap either way is info). A list that adds up to
    less may name only the main items, and is not reported."""
    by_section: dict[str, list[int]] = {}
    for i, f in enumerate(an.facts):
        if f.kind is FactKind.AMOUNT and _is_money(f) and an.is_main(i) \
                and an.path(i) is not None:
            by_section.setdefault(f.section, []).append(i)
    for sec, idx in by_section.items():
        items: list[int] = []
        seen: set[tuple[object, ...]] = set()
        for i in idx:  # the first statement of each item (a restatement is not a part)
            if an.key(i) not in seen:
                seen.add(an.key(i))
                items.append(i)
        if len(items) < 2:
            continue
        stated = [j for j in range(items[0] - 1, -1, -1)
                  if an.facts[j].section == sec and an.facts[j].kind is FactKind.AMOUNT
                  and an.facts[j].subject in _ITEM_WHOLES and _is_money(an.facts[j])
                  and an.is_main(j)]
        if not stated:
            continue
        # The widest whole stated: 财政拨款支出 (a list of 财政拨款 items may hold fund items
        # too), then the totals, the general budget last.
        whole = min(stated, key=lambda j: (_ITEM_WHOLES.index(an.facts[j].subject), -j))
        w = an.facts[whole]
        total = sum((an.facts[i].value * _factor(an.facts[i].unit) for i in items), Decimal(0))
        found = _sum(ctx, rid, [an.figure(i) for i in items], an.figure(whole),
                     f"情况说明列出的{len(items)}个科目之和与“{w.subject}”",
                     f"the sum of the {len(items)} items listed vs narrative {w.subject!r}")
        if found is None:
            continue
        if found.severity is not Severity.INFO and total < w.value * _factor(w.unit):
            continue  # fewer than all the items: a partial list
        yield found


@RULES.rule("narrative.class_amounts", title="情况说明中的功能分类科目金额与表格一致",
      title_en="Functional classes and items named in the narrative agree with the tables",
      category=Category.NARRATIVE,
      applies="when the narrative names functional classes (一般公共服务支出 …) or 科目 paths "
              "(…（类）…（款）…（项）); a class is compared with the 财政拨款收支总表 in a 财政拨款 "
              "passage, the 一般公共预算支出表 in a 一般公共预算 passage, else the 收支总表 (or "
              "支出总表); an item with the 一般公共预算支出表 (the 支出总表 outside a 一般公共预算 or "
              "财政拨款 passage); skipped when the table is absent",
      when=lambda r: bool(r.narrative.facts))
def class_amounts(ctx: Context) -> Iterator[Finding]:
    """A class amount equals the class row of the table the passage is about (a class the
    table does not print is zero); a ``科目`` item given by its 类/款/项 path equals that row
    of the general-budget (or expenditure) table. An item whose path is not found in a
    table that is present is a warning: the narrative names a 科目 the tables do not have."""
    rid = "narrative.class_amounts"
    an = _an(ctx)
    yield from _item_sums(ctx, an, rid)
    warned: set[int] = set()  # an item restated (预算安排X万元) is reported once
    for i, f in enumerate(an.facts):
        if f.kind is not FactKind.AMOUNT or not _is_money(f) or not an.is_main(i):
            continue
        if (an.is_class(i) and f.subject not in _SPENDING and f.subject not in _SOURCES) \
                or an.code(i) is not None:
            found = _vs_table(ctx, an, rid, i)
            if found is not None:
                yield found
        elif an.path(i) is not None:
            found = _vs_table(ctx, an, rid, i)
            if found is not None:
                yield found
                continue
            wrong = an.wrong_path(i)
            if wrong is not None:
                yield wrong
                continue
            if an.ref(i) is None and f.value != 0 and i not in warned and _named_codes(ctx):
                warned.update(j for j in an.of(f.subject, qualifier=_qual(f.qualifier))
                              if an.key(j) == an.key(i))
                yield ctx.finding(
                    rid, Severity.WARNING,
                    f"情况说明中的科目“{f.qualifier}{f.subject}”（{f.value}{f.unit}）在支出表中找不到",
                    f"the narrative item {f.qualifier}{f.subject} ({f.value} {f.unit}) is not in "
                    "the spending tables", _loc(f), actual=_fig(f).money)


# ---------------------------------------------------------------------------
# 5. shares
# ---------------------------------------------------------------------------


def _named_whole(sentence: str) -> str | None:
    """The whole a share names (``占部门项目支出总额的100%`` → ``部门项目支出总额``)."""
    if "占" not in sentence:
        return None
    text = _SHARE_TAIL.sub("", sentence.rsplit("占", 1)[1])
    if text.startswith("比"):  # 占比x%
        text = text[1:]
    changed = True
    while changed:
        changed = False
        for w in _SHARE_FILLER:
            if text.endswith(w):
                text = text[: -len(w)]
                changed = True
    return text or None


_BRACKETED: Final = re.compile(r"[（(][^（）()]*[）)]")
_WHOLE_TAIL: Final = r"(?:总额|总计|合计|总数)?$"


def _subject_of(text: str) -> str | None:
    """The vocabulary subject a share's whole ends with (a bracketed remark is not the
    whole: 占财政性资金（…项目支出除外）总额 names no subject)."""
    text = _BRACKETED.sub("", text)
    for name, pattern in SUBJECTS:
        if re.search(f"(?:{pattern}){_WHOLE_TAIL}", text):
            return name
    return None


_USUAL_WHOLE: Final = {**dict.fromkeys(_SOURCES, _T_INCOME), _CARRY: _T_INCOME,
                       _PERSONNEL: _BASIC, _PUBLIC: _BASIC,
                       **dict.fromkeys([k for k in _THREE if k != "三公经费"], "三公经费")}


# The whole of 基本/项目支出 and of functional classes by scope, in order of preference
# (the general budget's spending of the year is its grant of the year).
_SPENDING_WHOLES: Final = {
    _Scope.GENERAL: (_GENERAL, "一般公共预算拨款收入"),
    _Scope.GRANT: (_G_SPEND, _G_INCOME, _G_TOTAL),
    _Scope.ALL: (_CUR_SPEND, _T_SPEND),
}


class _Shares:
    def __init__(self, an: _An) -> None:
        self.an = an
        shared: set[tuple[str, str, str | None]] = set()
        for f in an.facts:
            if f.kind is FactKind.SHARE:
                shared.add((f.section, f.subject, _qual(f.qualifier)))
        self.shared = shared

    def part(self, i: int) -> _Side | None:
        an, s = self.an, self.an.facts[i]
        for j in range(i - 1, -1, -1):
            f = an.facts[j]
            if f.section != s.section:
                break
            if f.subject != s.subject or _qual(f.qualifier) != _qual(s.qualifier):
                continue
            if f.kind is FactKind.SHARE:
                break
            if f.kind is FactKind.AMOUNT and _is_money(f) and an.is_main(j):
                return an.side(j)
        r = an.ref_for(s.subject, s.qualifier, an.scopes[i], an.sides[i], s.sentence)
        return an.table_side(r, s.subject) if r is not None else None

    def _stated(self, subject: str, i: int, scope: _Scope | None = None) -> _Side | None:
        """The nearest stated amount of ``subject`` (same section first, same scope); only
        of ``scope`` when the share's words name one (占一般公共预算项目支出总额的100%)."""
        an = self.an
        s = an.facts[i]
        cands = [j for j in an.of(subject) if _is_money(an.facts[j])
                 and (scope is None or an.scopes[j] is scope)]
        for pool in ([j for j in cands if an.facts[j].section == s.section and j < i],
                     [j for j in cands if an.scopes[j] is an.scopes[i]], cands):
            if pool:
                return an.side(min(pool, key=lambda j: (abs(j - i), j)))
        return None

    def whole(self, i: int, part: _Side | None) -> _Side | None:
        an, s = self.an, self.an.facts[i]
        scope = an.scopes[i]
        named = _named_whole(s.sentence)
        subject = _subject_of(named) if named is not None else None
        if subject is None and named is not None and norm(named) in an.classes:
            subject = named
        if subject is not None:
            words = named or ""
            said = _Scope.GENERAL if "一般公共预算" in words else \
                _Scope.GRANT if "财政拨款" in words else None
            found = self._stated(subject, i, said)
            if found is not None:
                return found
            r = an.ref_for(subject, None, said or scope, "", words)
            return an.table_side(r, subject) if r is not None else None
        if named is not None and len(named) > 4:
            # A whole named in words no subject matches (占授予中小企业合同金额的55.78%):
            # an amount stated under that very name earlier in the passage, else none.
            for j in range(i - 1, -1, -1):
                f = an.facts[j]
                if f.section != s.section:
                    break
                if f.kind is FactKind.AMOUNT and _is_money(f) and an.is_main(j) \
                        and norm(f.subject) == norm(named):
                    return an.side(j)
            return None
        # no whole named (or none we know): the total the passage breaks down
        start = part.index if part is not None and part.index is not None else i
        for j in range(start - 1, -1, -1):
            f = an.facts[j]
            if f.section != s.section:
                break
            if f.kind is not FactKind.AMOUNT or not _is_money(f):
                continue
            if (f.section, f.subject, _qual(f.qualifier)) in self.shared:
                continue
            side = an.side(j)
            if part is not None and side.iv.hi < part.iv.lo:
                continue
            return side
        usual: tuple[str, ...] = ()
        if s.subject in _USUAL_WHOLE:
            usual = (_USUAL_WHOLE[s.subject],)
        elif s.subject in (_BASIC, _PROJECT) or an.is_class(i):
            usual = _SPENDING_WHOLES[scope]
        for subject in usual:
            found = self._stated(subject, i)
            if found is not None:
                return found
        for subject in usual:
            r = an.ref_for(subject, None, scope, "income", "")
            if r is not None:
                return an.table_side(r, subject)
        return None


_CENT: Final = Decimal("0.01")


def _ratio(part: Interval, whole: Interval) -> Interval | None:
    """part / whole × 100 (conservative, closed); ``None`` when the whole may be zero."""
    if whole.lo <= 0:
        return None
    lo = max(part.lo, Decimal(0))
    hi = max(part.hi, Decimal(0))
    return Interval(lo / whole.hi * _HUNDRED, hi / whole.lo * _HUNDRED, True, True)


def _another_whole(an: _An, i: int, part: _Side, printed: Interval) -> bool:
    """An amount stated earlier in the share's section (or in the passage just before it)
    of which the part is the printed share."""
    s = an.facts[i]
    start = part.index if part.index is not None else i
    seen = 0
    for j in range(start - 1, -1, -1):
        f = an.facts[j]
        if f.section != s.section:
            break
        if f.kind is not FactKind.AMOUNT or not _is_money(f) or j == part.index:
            continue
        seen += 1
        if seen > 12:
            break
        whole = an.side(j)
        if whole is None or whole.point <= 0 or whole.point < part.point:
            continue
        implied = _ratio(part.iv, whole.iv)
        if implied is not None and implied.intersects(printed):
            return True
    return False


@RULES.rule("narrative.shares", title="情况说明中的占比与金额一致，同一总额的各占比合计为100%",
      title_en="Narrative shares equal amount ÷ whole, and shares of one whole add up to 100%",
      category=Category.NARRATIVE,
      applies="every 占x% whose part and whole can be found (stated in the narrative or "
              "printed in a table); the 100% test applies to two or more shares of one whole "
              "whose amounts add up to it",
      when=lambda r: any(f.kind is FactKind.SHARE for f in r.narrative.facts))
def shares(ctx: Context) -> Iterator[Finding]:
    """Each share equals its amount divided by its whole, with interval arithmetic: the
    amount and the whole stand for every value that rounds to them (narrowed by the table
    figure when the narrative agrees with it), the percentage for every value that rounds
    to it; the share is wrong when the two sets do not meet. How the whole is chosen is
    described in the module documentation (named whole, the total the passage breaks down,
    else the usual whole). Shares of one whole whose amounts add up to it must add up to
    the same ratio (100% when the parts are complete) within the rounding of the n
    percentages (n × half their printed quantum) and of the amounts."""
    rid = "narrative.shares"
    an = _an(ctx)
    sh = _Shares(an)
    groups: dict[tuple[object, ...], list[tuple[int, _Side, _Side, bool]]] = {}
    for i, s in enumerate(an.facts):
        if s.kind is not FactKind.SHARE or s.unit != "%":
            continue
        part = sh.part(i)
        whole = sh.whole(i, part)
        if part is None or whole is None:
            continue
        printed = _interval(s.value, _quantum(s.value))
        implied = _ratio(part.iv, whole.iv)
        if implied is None:
            continue
        point = part.point / whole.point * _HUNDRED if whole.point else None
        q = _quantum(s.value) or _CENT
        expect = round_half_up(point, q) if point is not None else None
        ok = implied.intersects(printed)
        gkey = (s.section, whole.index if whole.index is not None else whole.location)
        groups.setdefault(gkey, []).append((i, part, whole, ok))
        if ok and (expect is None or expect == s.value):
            continue
        related = [part.location, whole.location]
        shown = _pct(expect) if expect is not None else "?"
        if ok:
            yield ctx.finding(
                rid, Severity.INFO,
                f"“{_label(s)}”占比{_pct(s.value)}：{part.label}÷{whole.label}按印出数计算为"
                f"{shown}，差异在四舍五入误差范围内",
                f"share of {_label(s)!r} {_pct(s.value)}: {part.label} ÷ {whole.label} gives "
                f"{shown} from the printed figures, within rounding",
                _loc(s), related, expected_text=shown, actual_text=_pct(s.value))
            continue
        if _named_whole(s.sentence) is None and _another_whole(an, i, part, printed):
            # The share names no whole, and another total the passage states before it
            # gives the printed share: which whole is meant is not certain, so no error.
            continue
        diff = f"{s.value - expect}%" if expect is not None else None
        yield ctx.finding(
            rid, Severity.ERROR,
            f"“{_label(s)}”占比{_pct(s.value)}与金额不符：{part.label}"
            f"÷{whole.label}应为{shown}（考虑四舍五入为{implied.lo:.4f}%～{implied.hi:.4f}%）",
            f"share of {_label(s)!r} is {_pct(s.value)} but {part.label} ÷ {whole.label} is "
            f"{shown} (with rounding {implied.lo:.4f}%–{implied.hi:.4f}%)",
            _loc(s), related, expected_text=shown, actual_text=_pct(s.value),
            difference_text=diff)
    for members in groups.values():
        if len(members) < 2 or not all(ok for *_, ok in members):
            continue
        whole = members[0][2]
        total = Interval.exact(Decimal(0))
        for _, part, _, _ in members:
            total = total + part.iv
        if not total.intersects(whole.iv) or whole.point <= 0 or whole.iv.lo <= 0:
            continue  # the parts do not make up the whole (a partial list)
        # Complete: the true shares add up to 100%, or, for shares worked out from the
        # printed figures, to Σ parts ÷ whole as printed; a part too small to show in the
        # rounding of the amounts could be missing from the list.
        printed_ratio = sum((p.point for _, p, _, _ in members), Decimal(0)) \
            / whole.point * _HUNDRED
        hidden = max(whole.iv.hi - total.lo, Decimal(0)) / whole.iv.lo * _HUNDRED
        expected = Interval(min(_HUNDRED, printed_ratio) - hidden, max(_HUNDRED, printed_ratio),
                            True, True)
        stated = Interval.exact(Decimal(0))
        for i, *_ in members:
            v = an.facts[i].value
            stated = stated + _interval(v, _quantum(v))
        if expected.intersects(stated):
            continue
        last = an.facts[members[-1][0]]
        got = sum((an.facts[i].value for i, *_ in members), Decimal(0))
        yield ctx.finding(
            rid, Severity.ERROR,
            f"“{whole.label}”各组成部分的金额合计为其全部，占比合计却为{_pct(got)}"
            f"（四舍五入后应为{expected.lo:.2f}%～{expected.hi:.2f}%）",
            f"the parts of {whole.label!r} make up all of it but their shares add up to "
            f"{_pct(got)} (with rounding {expected.lo:.2f}%–{expected.hi:.2f}%)",
            _loc(last), [_loc(an.facts[i]) for i, *_ in members[:-1]] + [whole.location],
            expected_text="100%", actual_text=_pct(got), difference_text=_pct(got - _HUNDRED))


# ---------------------------------------------------------------------------
# 6. changes
# ---------------------------------------------------------------------------


def _rate_bounds(c: Decimal, qc: Decimal, a: Interval, a_point: Decimal, up: bool
                 ) -> tuple[Decimal, Decimal] | None:
    """The change rates (%) consistent with a printed change ``c`` (≥ 0, quantum ``qc``)
    on this year's amount ``a`` (an interval; ``a_point`` as printed), all in 元.

    Two ways of publishing are allowed, and the answer is the hull of both:

    - the change is the rounded true change: true change in ``c ± qc/2``, this year in
      ``a``, last year their difference (``a - c`` for an increase, ``a + c`` for a
      decrease);
    - the change is the difference of two printed figures: last year was printed as
      ``a_point ∓ c`` and is true within ``± qc/2``, this year in ``a``.

    The rate is monotone in each quantity, so the bounds come from the corners. Last year
    cannot be negative. ``None`` when every consistent last year is zero or negative.
    """
    inf = Decimal("Infinity")
    c_lo, c_hi = max(c - qc / 2, Decimal(0)), c + qc / 2
    if up:
        l1_lo, l1_hi = a.lo - c_hi, a.hi - c_lo
    else:
        l1_lo, l1_hi = a.lo + c_lo, a.hi + c_hi
    last = a_point - c if up else a_point + c
    l2_lo, l2_hi = last - qc / 2, last + qc / 2
    if max(l1_hi, l2_hi) <= 0:
        return None
    bounds: list[tuple[Decimal, Decimal]] = []
    if l1_hi > 0:
        bounds.append((c_lo / l1_hi * _HUNDRED,
                       c_hi / l1_lo * _HUNDRED if l1_lo > 0 else inf))
    if l2_hi > 0:
        lo_l = max(l2_lo, Decimal(0))
        if up:
            bounds.append(((a.lo / l2_hi - 1) * _HUNDRED,
                           (a.hi / lo_l - 1) * _HUNDRED if lo_l > 0 else inf))
        else:
            bounds.append(((1 - a.hi / lo_l) * _HUNDRED if lo_l > 0 else -inf,
                           (1 - a.lo / l2_hi) * _HUNDRED))
    return (max(min(b[0] for b in bounds), Decimal(0)), max(b[1] for b in bounds))


class _Changes:
    def __init__(self, ctx: Context, an: _An) -> None:
        self.ctx, self.an = ctx, an

    def pair(self, i: int) -> int | None:
        """The change amount a change percentage goes with."""
        an, p = self.an, self.an.facts[i]
        for j in range(i - 1, -1, -1):
            f = an.facts[j]
            if f.section != p.section:
                return None
            if f.subject != p.subject or _qual(f.qualifier) != _qual(p.qualifier):
                continue
            if f.kind is FactKind.CHANGE_PERCENT:
                return None
            if f.kind is FactKind.CHANGE_AMOUNT:
                return j if f.unit in _MONEY_UNITS else None
        return None


    def stated_base(self, i: int) -> tuple[int, list[int]] | None:
        """For a change against a base the narrative states itself (2023年当年预算执行数为Y
        万元，2024年预算安排X万元，比2023年预算执行数增加Z%): the stated base and this year's
        amounts of the subject in the same passage (several when restated). ``None`` when
        the change names no measure or no such figures are stated."""
        an, c = self.an, self.an.facts[i]
        if c.measure is None:
            return None
        prior: int | None = None
        currents: list[int] = []
        for j in range(i - 1, max(i - 12, -1), -1):
            f = an.facts[j]
            if f.section != c.section:
                break
            if f.subject != c.subject or _qual(f.qualifier) != _qual(c.qualifier) \
                    or f.kind is not FactKind.AMOUNT or not _is_money(f):
                if f.kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT) \
                        and f.subject == c.subject:
                    break  # an earlier change of the subject: its figures are not ours
                continue
            if an.is_main(j):
                currents.append(j)
            elif prior is None and f.measure == c.measure and (
                    c.compared_to is None or f.year in (None, c.compared_to)):
                prior = j
        if prior is None or not currents:
            return None
        return prior, sorted(currents)


def _rate_on_stated(ctx: Context, an: _An, rid: str, i: int, prior: int,
                    currents: Sequence[int]) -> Finding | None:
    """A change rate against a base stated in the narrative: (this year − base) ÷ base,
    over the printed rounding of both; it holds when it holds for one of this year's
    statements (a restatement that differs is narrative.repeated's)."""
    f, p = an.facts[i], an.facts[prior]
    base = an.known(prior)
    if base.lo <= 0:
        return None  # a rate on a zero base (often printed 100%) is not checked
    printed = _interval(f.value, _quantum(f.value))
    up = f.direction is Change.INCREASE
    q = _quantum(f.value) or _CENT
    b_y = p.value * _factor(p.unit)
    tried: list[tuple[int, Interval, Decimal]] = []
    for k in sorted(currents, key=lambda k: (k not in an.confirmed, k)):
        cur = an.known(k)
        if up:
            implied = Interval((cur.lo / base.hi - 1) * _HUNDRED,
                               (cur.hi / base.lo - 1) * _HUNDRED, True, True)
        else:
            implied = Interval((1 - cur.hi / base.lo) * _HUNDRED,
                               (1 - cur.lo / base.hi) * _HUNDRED, True, True)
        a_y = an.facts[k].value * _factor(an.facts[k].unit)
        ratio = (a_y / b_y - 1) * _HUNDRED
        expect = round_half_up(ratio if up else -ratio, q)
        if implied.intersects(printed) and expect == f.value:
            return None
        tried.append((k, implied, expect))
    within = [t for t in tried if t[1].intersects(printed)]
    k, implied, expect = within[0] if within else tried[0]
    cur_f = an.facts[k]
    related = [_loc(cur_f), _loc(p)]
    if within:
        return ctx.finding(
            rid, Severity.INFO,
            f"“{_label(f)}”变动率{_pct(f.value)}：按印出数{cur_f.value}{cur_f.unit}与基数"
            f"{p.value}{p.unit}计算为{_pct(expect)}，差异在四舍五入误差范围内",
            f"{_label(f)!r} rate {_pct(f.value)}: {cur_f.value} on {p.value} gives "
            f"{_pct(expect)}, within rounding", _loc(f), related,
            expected_text=_pct(expect), actual_text=_pct(f.value))
    word = "增长" if up else "下降"
    return ctx.finding(
        rid, Severity.ERROR,
        f"“{_label(f)}”{word}{_pct(f.value)}与金额不符：本年{cur_f.value}{cur_f.unit}、比较基数"
        f"{p.value}{p.unit}，应为{_pct(expect)}（考虑四舍五入为{implied.lo:.4f}%～{implied.hi:.4f}%）",
        f"{_label(f)!r}: {cur_f.value} {cur_f.unit} on a base of {p.value} {p.unit} is "
        f"{_pct(expect)}, not {_pct(f.value)} (with rounding {implied.lo:.4f}%–{implied.hi:.4f}%)",
        _loc(f), related, expected_text=_pct(expect), actual_text=_pct(f.value),
        difference_text=f"{f.value - expect}%")


def _same_as_stated(ctx: Context, an: _An, rid: str, i: int, prior: int,
                    currents: Sequence[int]) -> Finding | None:
    """比2023年预算执行数持平: this year's amount equals the stated base (within the printed
    rounding of both)."""
    p = an.facts[prior]
    base = an.known(prior)
    for k in currents:
        if an.known(k).intersects(base):
            return None
    k = currents[0]
    return ctx.equal_check(rid, _fig(p), _fig(an.facts[k]),
                           what=f"“{_label(an.facts[i])}”称与比较基数持平，本年数与基数",
                           what_en=f"{_label(an.facts[i])!r} is said to equal its base")


_OUTTURN: Final = re.compile(r"执行|决算|实际")


@RULES.rule("narrative.changes", title="情况说明中的增减额、增减率与方向一致",
      title_en="Narrative changes on last year: amount, percentage and direction agree",
      category=Category.NARRATIVE,
      applies="every change on last year the narrative states: its percentage needs the "
              "change amount and this year's amount of the same subject; restatements and "
              "the income/spending totals (which balance in both years) are compared when "
              "stated",
      when=lambda r: any(f.kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT)
                         for f in r.narrative.facts))
def changes(ctx: Context) -> Iterator[Finding]:
    """Last year's amount is this year's minus the (signed) change; the percentage is the
    change divided by last year's amount. Both are reasoned over intervals (this year's
    amount as printed, narrowed by its table figure when the two agree; the change; the
    percentage), so a percentage is wrong only when no values that round to the printed
    figures give it. Two ways of publishing are allowed: the change rounded from the true
    change, or the difference of the two years' printed figures (then the true change is
    off by the rounding of both years, and the rate may come from unrounded data).

    The direction words must agree (增加 with 增长, 减少 with 下降); a 持平 / 相同
    statement means a change of exactly 0; an increase cannot exceed this year's amount,
    and a growth rate on a zero base is meaningless. A change stated twice (``减少12.40万元``
    … ``减少12.4万元``) must agree within the rounding of both, and 预算收入总计 and
    预算支出总计, equal in both years, must change by the same amount and rate."""
    rid = "narrative.changes"
    an = _an(ctx)
    ch = _Changes(ctx, an)
    blame = _Blame(an)
    facts = an.facts
    for i, f in enumerate(facts):
        if f.kind is FactKind.CHANGE_AMOUNT and f.direction is Change.SAME and f.value != 0:
            blame.add(ctx.finding(
                rid, Severity.ERROR,
                f"“{_label(f)}”称与上年持平，变动额却为{f.value}{f.unit}",
                f"{_label(f)!r} is said to be unchanged but the change is {f.value} {f.unit}",
                _loc(f), expected_text=f"0{f.unit}", actual_text=f"{f.value}{f.unit}"), (i,), i)
        if f.kind is FactKind.CHANGE_AMOUNT and _is_money(f) and f.direction is Change.INCREASE:
            b = an.base(i)
            has_pct = any(ch.pair(k) == i for k in range(i + 1, min(i + 4, len(facts)))
                          if facts[k].kind is FactKind.CHANGE_PERCENT)
            if b is not None and not has_pct:
                a_iv = an.known(b)
                c_iv = _interval(f.value * _factor(f.unit), _quantum(f.value) * _factor(f.unit))
                if c_iv.lo > a_iv.hi or (c_iv.lo == a_iv.hi and not a_iv.hi_closed):
                    blame.add(ctx.finding(
                        rid, Severity.ERROR,
                        f"“{_label(f)}”比上年增加{f.value}{f.unit}，超过本年的"
                        f"{facts[b].value}{facts[b].unit}：上年将为负数",
                        f"{_label(f)!r} rose by {f.value} {f.unit}, more than this year's "
                        f"{facts[b].value} {facts[b].unit}: last year would be negative",
                        _loc(f), [_loc(facts[b])], expected=_fig(facts[b]).money,
                        actual=_fig(f).money), (i, b), i)
        if f.kind is FactKind.CHANGE_AMOUNT and f.direction is Change.SAME:
            stated = ch.stated_base(i)
            if stated is not None:
                prior, currents = stated
                blame.add(_same_as_stated(ctx, an, rid, i, prior, currents), (i, prior), i)
        if f.kind is not FactKind.CHANGE_PERCENT or f.unit != "%":
            continue
        j = ch.pair(i)
        if j is None:
            stated = ch.stated_base(i)
            if stated is not None:
                prior, currents = stated
                blame.add(_rate_on_stated(ctx, an, rid, i, prior, currents),
                          (i, prior, *currents), i)
            continue
        c = facts[j]
        if c.direction is not None and f.direction is not None \
                and Change.SAME not in (c.direction, f.direction) and c.direction is not f.direction:
            word = {Change.INCREASE: "增加", Change.DECREASE: "减少"}
            rate = {Change.INCREASE: "增长", Change.DECREASE: "下降"}
            blame.add(ctx.finding(
                rid, Severity.ERROR,
                f"“{_label(f)}”{word[c.direction]}{c.value}{c.unit}，却称{rate[f.direction]}"
                f"{_pct(f.value)}：方向不一致",
                f"{_label(f)!r}: the amount {c.direction.value}s but the rate "
                f"{f.direction.value}s", _loc(f), [_loc(c)],
                expected_text=rate[c.direction], actual_text=rate[f.direction]), (i, j), i)
            continue
        b = an.base(i)
        if b is None:
            continue
        up = c.direction is Change.INCREASE
        factor = _factor(c.unit)
        a = facts[b]
        a_y = a.value * _factor(a.unit)
        c_y = c.value * factor
        last = a_y - c_y if up else a_y + c_y
        bounds = _rate_bounds(c_y, _quantum(c.value) * factor, an.known(b), a_y, up)
        printed = _interval(f.value, _quantum(f.value))
        ok = bounds is not None and Interval(bounds[0], bounds[1], True, True).intersects(printed)
        related = [_loc(c), _loc(a)]
        if not ok and (bounds is None or last <= 0):
            blame.add(ctx.finding(
                rid, Severity.ERROR,
                f"“{_label(f)}”本年{a.value}{a.unit}、增加{c.value}{c.unit}，上年为零或负数，"
                f"不能计算增长率{_pct(f.value)}",
                f"{_label(f)!r}: this year {a.value} {a.unit}, up {c.value} {c.unit}: last "
                f"year was zero or less, so no growth rate ({_pct(f.value)}) exists",
                _loc(f), related, expected_text="—", actual_text=_pct(f.value)), (i, j, b), i)
            continue
        if bounds is None or last <= 0:
            continue  # a rate on a (printed) zero base that rounding can still explain
        lo, hi = bounds
        q = _quantum(f.value) or Decimal("0.01")
        expect = round_half_up(c_y / last * _HUNDRED, q)
        if ok and expect == f.value:
            continue
        shown = _pct(expect)
        last_text = f"{last / _factor(a.unit)}{a.unit}"
        if ok:
            blame.add(ctx.finding(
                rid, Severity.INFO,
                f"“{_label(f)}”变动率{_pct(f.value)}：按印出数计算为{shown}（上年{last_text}），"
                "差异在四舍五入误差范围内",
                f"{_label(f)!r} rate {_pct(f.value)}: the printed figures give {shown} (last "
                f"year {last_text}), within rounding", _loc(f), related,
                expected_text=shown, actual_text=_pct(f.value)), (i, j, b), i)
            continue
        blame.add(ctx.finding(
            rid, Severity.ERROR,
            f"“{_label(f)}”变动额{c.value}{c.unit}与变动率{_pct(f.value)}不符：本年{a.value}"
            f"{a.unit}，上年应为{last_text}，变动率应为{shown}（考虑四舍五入为{lo:.4f}%～{hi:.4f}%）",
            f"{_label(f)!r}: a change of {c.value} {c.unit} on this year's {a.value} {a.unit} "
            f"(last year {last_text}) is {shown}, not {_pct(f.value)} (with rounding "
            f"{lo:.4f}%–{hi:.4f}%)", _loc(f), related, expected_text=shown,
            actual_text=_pct(f.value), difference_text=f"{f.value - expect}%"), (i, j, b), i)
    # the same change stated twice; the balanced totals
    groups: dict[tuple[object, ...], list[int]] = {}
    for i, f in enumerate(facts):
        # as for figures stated twice: only subjects the words identify (not 预算数 or
        # 预算安排 of whatever the sentence is about), each unit's passage its own scope
        if f.kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT) and (
                f.subject in _NAMED or an.is_class(i) or an.path(i) is not None
                or an.code(i) is not None):
            unit = f.section if _UNIT_SECTION.search(norm(f.section)) else ""
            groups.setdefault((f.kind, unit, *an.change_key(i)), []).append(i)
    pairs: list[tuple[int, int, str, str]] = []
    for members in groups.values():
        ref = next((m for m in members if m in an.confirmed), members[0])
        pairs += [(ref, m, "同一变动前后表述", "the same change stated twice")
                  for m in members if m != ref]
    for kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT):
        inc = {an.change_key(i)[-1]: i for i in reversed(range(len(facts)))
               if facts[i].subject == _T_INCOME and facts[i].kind is kind}
        spend = {an.change_key(i)[-1]: i for i in reversed(range(len(facts)))
                 if facts[i].subject == _T_SPEND and facts[i].kind is kind}
        for year, x in inc.items():
            # last year's budgets balance; last year's outturns (执行数, 决算) need not: income
            # and spending changed on them are not one change
            if year in spend and not any(_OUTTURN.search(facts[k].measure or "")
                                         for k in (x, spend[year])):
                pairs.append((x, spend[year], "收入总计与支出总计（两年均收支平衡）的变动",
                              "the changes of total income and total spending (both "
                              "balanced)"))
    for x, y, what, what_en in pairs:
        fa, fb = facts[x], facts[y]
        if fa.kind is FactKind.CHANGE_AMOUNT:
            if not (_is_money(fa) and _is_money(fb)):
                if _signed(fa) != _signed(fb) or fa.unit != fb.unit:
                    blame.add(ctx.finding(
                        rid, Severity.ERROR, f"{what}不一致：“{_label(fa)}”{_signed(fa)}{fa.unit}"
                        f"与{_signed(fb)}{fb.unit}", f"{what_en} differ: {_signed(fa)} vs "
                        f"{_signed(fb)} {fb.unit}", _loc(fb), [_loc(fa)],
                        expected_text=f"{_signed(fa)}{fa.unit}",
                        actual_text=f"{_signed(fb)}{fb.unit}"), (x, y), y)
                continue
            blame.add(ctx.equal_check(rid, _fig(fa), _fig(fb), what=f"{what}“{_label(fb)}”",
                                      what_en=f"{what_en} ({_label(fb)})"), (x, y), y)
            continue
        ia = _interval(_signed(fa), _quantum(fa.value))
        ib = _interval(_signed(fb), _quantum(fb.value))
        if ia.intersects(ib):
            continue
        blame.add(ctx.finding(
            rid, Severity.ERROR, f"{what}不一致：“{_label(fa)}”变动率{_signed(fa)}%与{_signed(fb)}%",
            f"{what_en} differ: {_signed(fa)}% vs {_signed(fb)}%", _loc(fb), [_loc(fa)],
            expected_text=_pct(_signed(fa)), actual_text=_pct(_signed(fb)),
            difference_text=_pct(_signed(fb) - _signed(fa))), (x, y), y)
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 6b. budget completion (完成年初预算的X%)
# ---------------------------------------------------------------------------


def _completion_pair(an: _An, i: int) -> tuple[int, int] | None:
    """The outturn and the budget a completion rate divides: the nearest earlier amounts of
    the same subject in the passage, the outturn stated as 决算/执行数 (or, in a final
    account, without a word), the budget as 预算 (年初预算, 全年预算数)."""
    e = an.facts[i]
    final = an.final
    num: int | None = None
    den: int | None = None
    for j in range(i - 1, max(i - 12, -1), -1):
        f = an.facts[j]
        if f.section != e.section:
            break
        if f.subject != e.subject or _qual(f.qualifier) != _qual(e.qualifier):
            continue
        if f.kind is FactKind.EXECUTION:
            break
        if f.kind is not FactKind.AMOUNT or not _is_money(f):
            continue
        if f.measure == "预算":
            den = j if den is None else den
        elif num is None and (f.measure in ("决算", "执行数") or (final and f.measure is None)):
            num = j
        if num is not None and den is not None:
            return num, den
    return None


@RULES.rule("narrative.execution", title="情况说明中的预算完成率与决算数、预算数一致",
      title_en="Narrative budget completion rates equal outturn ÷ budget",
      category=Category.NARRATIVE,
      applies="every 完成（年初）预算的x% (or 预算执行率x%) stated after the budget (年初预算, "
              "全年预算数) and the outturn (支出决算, 执行数) of the same subject in the same "
              "passage",
      when=lambda r: any(f.kind is FactKind.EXECUTION for f in r.narrative.facts))
def execution(ctx: Context) -> Iterator[Finding]:
    """年初预算为A万元，支出决算为B万元，完成年初预算的X%: X = B ÷ A, reasoned over the
    printed rounding of A, B and X (a rate that truncates instead of rounding is wrong
    when no values that round to A and B give it). A rate whose budget is zero, or whose
    budget or outturn is not stated, is not checked."""
    rid = "narrative.execution"
    an = _an(ctx)
    for i, e in enumerate(an.facts):
        if e.kind is not FactKind.EXECUTION or e.unit != "%":
            continue
        pair = _completion_pair(an, i)
        if pair is None:
            continue
        num, den = pair
        implied = _ratio(an.known(num), an.known(den))
        if implied is None:
            continue
        n, d = an.facts[num], an.facts[den]
        q = _quantum(e.value) or _CENT
        point = n.value * _factor(n.unit) / (d.value * _factor(d.unit)) * _HUNDRED
        expect = round_half_up(point, q)
        if expect == e.value:
            continue
        related = [_loc(n), _loc(d)]
        shown = _pct(expect)
        if implied.intersects(_interval(e.value, _quantum(e.value))):
            yield ctx.finding(
                rid, Severity.INFO,
                f"“{_label(e)}”完成预算{_pct(e.value)}：{n.value}{n.unit}÷{d.value}{d.unit}按印出数"
                f"计算为{shown}，差异在四舍五入误差范围内",
                f"{_label(e)!r} completion {_pct(e.value)}: {n.value} ÷ {d.value} gives {shown} "
                "from the printed figures, within rounding", _loc(e), related,
                expected_text=shown, actual_text=_pct(e.value))
            continue
        yield ctx.finding(
            rid, Severity.ERROR,
            f"“{_label(e)}”完成预算{_pct(e.value)}与金额不符：{n.value}{n.unit}÷{d.value}{d.unit}"
            f"应为{shown}（考虑四舍五入为{implied.lo:.4f}%～{implied.hi:.4f}%）",
            f"{_label(e)!r} completion is {_pct(e.value)} but {n.value} ÷ {d.value} is {shown} "
            f"(with rounding {implied.lo:.4f}%–{implied.hi:.4f}%)", _loc(e), related,
            expected_text=shown, actual_text=_pct(e.value), difference_text=f"{e.value - expect}%")


# ---------------------------------------------------------------------------
# 7. 三公
# ---------------------------------------------------------------------------


def _three_parts(an: _An, kind: FactKind) -> tuple[int | None, list[int]]:
    """The 三公 total and the facts of its items (vehicles whole, or purchase + operation)."""
    def first(subject: str) -> int | None:
        for i, f in enumerate(an.facts):
            if f.subject == subject and _qual(f.qualifier) is None and f.kind is kind \
                    and f.unit in _MONEY_UNITS and an.is_main(i):
                return i
        return None

    total = first("三公经费")
    abroad, reception = first("因公出国（境）费"), first("公务接待费")
    vehicles = first("公务用车购置及运行维护费")
    purchase, operation = first("公务用车购置费"), first("公务用车运行维护费")
    if abroad is None or reception is None:
        return total, []
    if vehicles is not None:
        return total, [abroad, reception, vehicles]
    if purchase is not None and operation is not None:
        return total, [abroad, reception, purchase, operation]
    return total, []


@RULES.rule("narrative.three_public", title="情况说明中的“三公”经费及其各项与“三公”经费表一致",
      title_en="Narrative 三公 spending and its items agree with the 三公 table and add up",
      category=Category.NARRATIVE,
      applies="when the narrative states 三公经费 or its items: each is compared with the "
              "“三公”经费表 (skipped without one); the total must equal the sum of the items "
              "and its change the sum of the items' changes when every item (and its change) "
              "is stated",
      when=_has(*_THREE))
def three_public(ctx: Context) -> Iterator[Finding]:
    """三公经费, 因公出国（境）费, 公务接待费, 公务用车购置及运行（维护）费, 公务用车购置费 and
    公务用车运行维护费 equal the 三公 table. In the narrative itself: 三公经费 = 因公出国（境）费
    + 公务接待费 + 公务用车购置及运行维护费 (or its two parts), 公务用车购置及运行维护费 =
    购置费 + 运行维护费, and the same for the changes on last year (an item 与上年相同 /
    持平 changed by exactly 0)."""
    rid = "narrative.three_public"
    an = _an(ctx)
    blame = _Blame(an)
    for i, f in enumerate(an.facts):
        if f.subject in _THREE:
            blame.add(_vs_table(ctx, an, rid, i), (i,), i)
    for kind, what, what_en in (
            (FactKind.AMOUNT, "“三公”经费与各项之和", "三公 total vs the sum of its items"),
            (FactKind.CHANGE_AMOUNT, "“三公”经费的变动与各项变动之和",
             "the change of 三公 vs the sum of its items' changes")):
        total, items = _three_parts(an, kind)
        if total is not None and items:
            blame.add(_sum(ctx, rid, [an.figure(i) for i in items], an.figure(total), what,
                           what_en), (total, *items), total)
        veh = an.of("公务用车购置及运行维护费", kinds=(kind,))
        pur = an.of("公务用车购置费", kinds=(kind,))
        ope = an.of("公务用车运行维护费", kinds=(kind,))
        if veh and pur and ope and all(_is_money(an.facts[x[0]]) for x in (veh, pur, ope)):
            blame.add(_sum(ctx, rid, [an.figure(pur[0]), an.figure(ope[0])], an.figure(veh[0]),
                           "公务用车购置及运行维护费与购置费+运行维护费",
                           "vehicles vs purchase + operation"),
                      (veh[0], pur[0], ope[0]), veh[0])
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 8. 机关运行经费
# ---------------------------------------------------------------------------


@RULES.rule("narrative.operating_costs", title="情况说明中的机关运行经费与机关运行经费表一致",
      title_en="Narrative operating costs agree with the operating-costs table",
      category=Category.NARRATIVE,
      applies="when the narrative states 机关运行经费: compared with the 机关运行经费表; "
              "without that table, it must not exceed the 公用经费 of the basic-spending "
              "table (E12); skipped when neither table is present",
      when=_has(_OPERATING))
def operating_costs(ctx: Context) -> Iterator[Finding]:
    """机关运行经费 equals the 合计 of the 机关运行经费 table (E20). A report without that
    table is compared with the basic-spending table instead, and only as an upper bound:
    机关运行经费 is the 公用经费 of administrative (and 参公) units, so it can be below the
    unit's 公用经费 but never above it (E12); the finding says which table was used."""
    yield from _table_rule(ctx, "narrative.operating_costs",
                           lambda an, i: an.facts[i].subject == _OPERATING)


# ---------------------------------------------------------------------------
# 9. procurement
# ---------------------------------------------------------------------------


@RULES.rule("narrative.procurement", title="政府采购预算总额=货物+工程+服务",
      title_en="Procurement total equals goods + works + services",
      category=Category.NARRATIVE,
      applies="when the narrative states the procurement total and its parts: equal to the "
              "sum when all three are stated, at least their sum when only some are",
      when=lambda r: r.procurement is not None or _has(*_PROCUREMENT)(r))
def procurement(ctx: Context) -> Iterator[Finding]:
    """政府采购预算总额 = 货物 + 工程 + 服务 (E13), each figure at its printed precision and
    in its own unit (``1.2亿元`` against ``2,000万元`` …). With only some parts stated their
    sum must not exceed the total. No table publishes procurement, so only the narrative's
    own figures are compared; a wrong part cannot be told from a wrong total, and the
    finding is placed on the total."""
    rid = "narrative.procurement"
    an = _an(ctx)
    found = {key: next((i for i in an.of(subject) if _is_money(an.facts[i])), None)
             for subject, key in _PROCUREMENT.items()}
    total = found.pop("total")
    parts = [i for i in found.values() if i is not None]
    if total is None or not parts:
        p = ctx.report.procurement
        if total is None and p is not None and p.total is not None and (
                p.goods is not None or p.works is not None or p.services is not None):
            terms = [m for m in (p.goods, p.works, p.services) if m is not None]
            whole = Figure(p.total, _quantum(p.total.amount),
                           Location(section="narrative", row_name="政府采购预算总额",
                                    line=p.line))
            figs = [Figure(m, _quantum(m.amount), whole.location) for m in terms]
            unit = min((m.unit for m in terms), key=lambda u: u.exponent)
            figs = [Figure(x.money.to(unit), x.quantum * x.money.unit.factor / unit.factor,
                           x.location) for x in figs]
            f = ctx.sum_check(rid, figs, whole, what="政府采购预算总额与货物+工程+服务",
                              what_en="procurement total vs goods + works + services")
            if f is not None:
                yield f
        return
    blame = _Blame(an)
    t = an.facts[total]
    if len(parts) == 3:
        blame.add(_sum(ctx, rid, [an.figure(i) for i in parts], an.figure(total),
                       "政府采购预算总额与货物+工程+服务",
                       "procurement total vs goods + works + services"), (total, *parts), total)
    else:
        s = sum((_fig(an.facts[i]).money for i in parts), Money.zero(Unit.YUAN))
        iv = Interval.exact(Decimal(0))
        for i in parts:
            iv = iv + an.known(i)
        if s > _fig(t).money and iv.lo > an.known(total).hi:
            blame.add(ctx.finding(
                rid, Severity.ERROR,
                f"政府采购所列分项之和{s}超过政府采购预算总额{t.value}{t.unit}",
                f"the procurement items add up to {s}, more than the total {t.value} {t.unit}",
                _loc(t), [_loc(an.facts[i]) for i in parts], expected=_fig(t).money,
                actual=s), (total, *parts), total)
    yield from blame.findings()
    yield from _sme_shares(ctx, an, rid)


_SME_TOTAL: Final = "授予中小企业合同金额"
_SME_PART: Final = re.compile(r"^(?P<cat>货物|工程|服务)类?(?:采购)?授予中小企业合同金额$")
_SME_CATEGORY: Final = {"货物": "政府采购货物预算", "工程": "政府采购工程预算",
                        "服务": "政府采购服务预算"}


def _sme_shares(ctx: Context, an: _An, rid: str) -> Iterator[Finding]:
    """货物采购授予中小企业合同金额占货物支出金额的a%，服务采购…占服务支出金额的b%: each
    share times its category's procurement gives that category's contracts with small and
    medium enterprises; with the categories given no share counted at anything from 0 to
    their whole procurement, they must be able to make up the 授予中小企业合同金额 stated."""
    total = next((i for i in an.of(_SME_TOTAL) if _is_money(an.facts[i])), None)
    if total is None:
        return
    implied = Interval.exact(Decimal(0))
    shares: list[int] = []
    for cat, subject in _SME_CATEGORY.items():
        whole = next((i for i in an.of(subject) if _is_money(an.facts[i])), None)
        share = next((i for i, f in enumerate(an.facts) if f.kind is FactKind.SHARE
                      and f.unit == "%" and (m := _SME_PART.match(f.subject)) is not None
                      and m["cat"] == cat and cat in (_named_whole(f.sentence) or "")), None)
        if whole is None:
            if share is not None:
                return  # a share of a category whose procurement is not stated
            continue
        w = an.known(whole)
        if share is None:
            implied = implied + Interval(Decimal(0), w.hi, True, w.hi_closed)
            continue
        v = an.facts[share].value
        pct = _interval(v, _quantum(v))
        implied = implied + Interval(pct.lo * w.lo / _HUNDRED, pct.hi * w.hi / _HUNDRED,
                                     True, True)
        shares.append(share)
    if not shares:
        return
    t = an.facts[total]
    if implied.intersects(an.known(total)):
        return
    factor = _factor(t.unit)
    lo, hi = implied.lo / factor, implied.hi / factor
    yield ctx.finding(
        rid, Severity.ERROR,
        f"按各类采购授予中小企业合同金额的占比计算，授予中小企业合同金额应为{lo:.2f}～{hi:.2f}"
        f"{t.unit}，与所述{t.value}{t.unit}不符",
        f"the category shares of contracts with small and medium enterprises give "
        f"{lo:.2f}–{hi:.2f} {t.unit}, not the {t.value} {t.unit} stated",
        _loc(an.facts[shares[-1]]), [_loc(t), *(_loc(an.facts[i]) for i in shares[:-1])],
        expected_text=f"{lo:.2f}～{hi:.2f}{t.unit}", actual_text=f"{t.value}{t.unit}")


# ---------------------------------------------------------------------------
# 10. performance
# ---------------------------------------------------------------------------


def _project_names(ctx: Context) -> set[str]:
    names: set[str] = set()
    for kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
        for t in ctx.tables(kind):
            for b in t.blocks:
                groups = any(r.kind is RowKind.GROUP for r in b.rows)
                for r in b.rows:
                    if r.kind is RowKind.DATA and (groups or r.level != 1) \
                            and any(v is not None for v in r.values):
                        names.add(norm(r.name))
    return names


def _count_finding(ctx: Context, rid: str, sev: Severity, f: Fact, expected: int, message: str,
                   message_en: str, related: Sequence[Location]) -> Finding:
    return ctx.finding(rid, sev, message, message_en, _loc(f), related,
                       expected_text=f"{expected}{f.unit}", actual_text=f"{f.value}{f.unit}",
                       difference_text=f"{f.value - expected}{f.unit}")


@RULES.rule("narrative.performance", title="绩效目标管理项目的个数、金额前后一致并与表格一致",
      title_en="Counts and amounts of projects under performance targets add up and agree "
               "with the tables",
      category=Category.NARRATIVE,
      applies="when the narrative states how many projects (and how much money) have "
              "performance targets: categories against the total always; the count of "
              "published targets against the performance target tables printed; the count "
              "of managed projects against the project list; the amount against the project "
              "spending (skipped when those tables are absent)",
      when=_has(_MANAGED, _PUBLISHED))
def performance(ctx: Context) -> Iterator[Finding]:
    """For 纳入绩效目标管理的二级项目 and 公开项目绩效目标: the categories' counts add up to
    the total count and their amounts to the total amount (equal with two or more
    categories, at most with one); a category of 0 projects has 0 amount, and one with
    projects has some money (a warning). The count of published targets equals the number
    of performance target tables in the report, and their amount the sum of those tables'
    年度资金总额. The count of managed projects must not exceed the projects in the project
    list (fewer is a warning: projects without targets), nor be below the number of
    published tables. The amount must not exceed the project spending of the spending
    table (the general-budget table when the sentence says 一般公共预算); below it is a
    warning, as E16 allows a gap that must be explained."""
    rid = "narrative.performance"
    an = _an(ctx)
    blame = _Blame(an)
    perf = ctx.report.performance
    projects = _project_names(ctx)
    for subject in (_MANAGED, _PUBLISHED):
        idx = [i for i, f in enumerate(an.facts) if f.subject == subject]
        if not idx:
            continue
        total_n = next((i for i in idx if an.facts[i].kind is FactKind.COUNT
                        and _qual(an.facts[i].qualifier) is None), None)
        total_a = next((i for i in idx if an.facts[i].kind is FactKind.AMOUNT
                        and _is_money(an.facts[i]) and _qual(an.facts[i].qualifier) is None),
                       None)
        cats: dict[str, list[int | None]] = {}
        for i in idx:
            fact = an.facts[i]
            q = _qual(fact.qualifier)
            if q is None:
                continue
            slot = cats.setdefault(q, [None, None])
            k = 0 if fact.kind is FactKind.COUNT else 1 if (
                fact.kind is FactKind.AMOUNT and _is_money(fact)) else None
            if k is not None and slot[k] is None:
                slot[k] = i
        # a category's count against its amount
        for ci, ai in cats.values():
            if ci is None or ai is None:
                continue
            n, a = an.facts[ci], an.facts[ai]
            if n.value == 0 and a.value == 0:
                blame.confirmed |= {ci, ai}  # no projects and no money: each implies the other
            if n.value == 0 and a.value != 0:
                blame.add(ctx.finding(
                    rid, Severity.ERROR, f"“{_label(n)}”为0个，涉及金额却为{a.value}{a.unit}",
                    f"{_label(n)!r}: 0 projects but an amount of {a.value} {a.unit}",
                    _loc(a), [_loc(n)], expected=Money.zero(Unit.parse(a.unit)),
                    actual=_fig(a).money), (ci, ai), ai)
            elif n.value > 0 and a.value == 0 and _quantum(a.value) == 0:  # exactly nothing
                blame.add(ctx.finding(
                    rid, Severity.WARNING,
                    f"“{_label(n)}”有{n.value}{n.unit}，涉及金额却为0",
                    f"{_label(n)!r}: {n.value} projects but no money", _loc(a), [_loc(n)],
                    expected_text=">0", actual_text=f"{a.value}{a.unit}"), (ci, ai), ai)
        counts = [c for c, _ in cats.values() if c is not None]
        if total_n is not None and counts:
            t = an.facts[total_n]
            s = sum((an.facts[c].value for c in counts), Decimal(0))
            bad = s != t.value if len(counts) >= 2 else s > t.value
            if bad:
                blame.add(_count_finding(
                    ctx, rid, Severity.ERROR, t, int(s),
                    f"“{subject}”共{t.value}{t.unit}，各类之和为{s}{t.unit}",
                    f"{subject!r}: {t.value} in all, but the categories add up to {s}",
                    [_loc(an.facts[c]) for c in counts]), (total_n, *counts), total_n)
        amounts = [a for _, a in cats.values() if a is not None]
        if total_a is not None and amounts:
            t = an.facts[total_a]
            if len(amounts) >= 2:
                blame.add(_sum(ctx, rid, [an.figure(a) for a in amounts], an.figure(total_a),
                               f"“{subject}”金额与各类金额之和",
                               f"{subject!r} amount vs the sum of its categories"),
                          (total_a, *amounts), total_a)
            else:
                blame.add(ctx.le_check(rid, _fig(an.facts[amounts[0]]), _fig(t),
                                       what=f"“{subject}”中“{an.facts[amounts[0]].qualifier}”金额",
                                       what_en=f"{subject!r} category amount vs the total"),
                          (total_a, amounts[0]), amounts[0])
        # the count against the tables
        if total_n is not None:
            t = an.facts[total_n]
            if subject == _PUBLISHED and perf:
                if t.value != len(perf):
                    blame.add(_count_finding(
                        ctx, rid, Severity.ERROR, t, len(perf),
                        f"称公开项目绩效目标{t.value}{t.unit}，报告中的项目支出绩效目标表有"
                        f"{len(perf)}张",
                        f"{t.value} published targets are stated, the report has {len(perf)} "
                        "performance target tables",
                        [Location(section="performance", row_name=p.project, line=p.line)
                         for p in perf[:1]]), (total_n,), total_n)
                else:
                    blame.confirmed.add(total_n)
            if subject == _MANAGED and projects:
                n_projects = len(projects)
                if t.value != n_projects:
                    more = t.value > n_projects
                    blame.add(_count_finding(
                        ctx, rid, Severity.ERROR if more else Severity.WARNING, t, n_projects,
                        f"称纳入绩效目标管理的项目{t.value}{t.unit}，项目支出表列有{n_projects}个项目"
                        + ("" if more else "（部分项目未设绩效目标？）"),
                        f"{t.value} projects under performance targets are stated, the project "
                        f"list has {n_projects}" + ("" if more else " (projects without targets?)"),
                        []), (total_n,), total_n)
                else:
                    blame.confirmed.add(total_n)
            elif subject == _MANAGED and perf and t.value < len(perf):
                blame.add(_count_finding(
                    ctx, rid, Severity.ERROR, t, len(perf),
                    f"称纳入绩效目标管理的项目{t.value}{t.unit}，少于报告中的绩效目标表{len(perf)}张",
                    f"{t.value} managed projects are stated, fewer than the {len(perf)} "
                    "performance target tables", []), (total_n,), total_n)
        # the amount against the tables
        if total_a is not None:
            t = an.facts[total_a]
            fig = _fig(t)
            # each table's 年度资金总额, built once (``year_money`` builds a new Money)
            stated = [p.year_money for p in perf]
            if subject == _PUBLISHED and perf and all(m is not None for m in stated):
                moneys = [m for m in stated if m is not None]
                unit = moneys[0].unit
                if all(m.unit is unit for m in moneys):
                    # what adding them up gives when they share a unit
                    s_money = Money.of(sum((m.amount for m in moneys), Decimal(0)), unit)
                else:
                    s_money = sum(moneys, Money.zero(unit))
                q_yuan = max((_quantum(m.amount) or Decimal(1)) * m.unit.factor for m in moneys)
                whole = Figure(s_money, q_yuan / s_money.unit.factor,
                               Location(section="performance", row_name="年度资金总额",
                                        line=perf[0].line))
                same = ctx.equal_check(rid, whole, fig,
                                       what=f"“{subject}”金额与各绩效目标表年度资金之和",
                                       what_en=f"{subject!r} amount vs the performance tables")
                blame.add(same, (total_a,), total_a)
                if same is None:
                    blame.confirmed.add(total_a)
            kind = TableKind.GENERAL_EXPENDITURE if an.scopes[total_a] is _Scope.GENERAL \
                else TableKind.EXPENDITURE
            ref = an._table_total(kind, "project") or an._table_total(
                TableKind.GENERAL_EXPENDITURE, "project")
            if ref is not None:
                found = ctx.le_check(rid, fig, ref.figure, what=f"“{subject}”金额与{ref.what}",
                                     what_en=f"{subject!r} amount vs {ref.what_en}")
                if found is None and fig.money < ref.figure.money:
                    found = ctx.finding(
                        rid, Severity.WARNING,
                        f"“{subject}”金额{t.value}{t.unit}少于{ref.what}{ref.figure.money}：差额须说明",
                        f"{subject!r} amount {t.value} {t.unit} is below {ref.what_en} "
                        f"{ref.figure.money}: the gap must be explained", _loc(t),
                        [ref.figure.location], ref.figure.money, fig.money)
                elif found is None:
                    blame.confirmed.add(total_a)
                blame.add(found, (total_a,), total_a)
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 11. assets
# ---------------------------------------------------------------------------


def _threshold(qualifier: str | None) -> Money | None:
    if not qualifier or "以上" not in qualifier:
        return None
    m = _THRESHOLD.search(qualifier)
    return Money(Decimal(m.group(1)), m.group(2)) if m else None


_HELD: Final = re.compile(r"(?:共有|实有|现有|拥有|共计有?)(?:各类)?(?:公务)?(?:用)?车(?:辆)?")


@RULES.rule("narrative.assets", title="国有资产：车辆分类之和等于实有数，数量为非负整数",
      title_en="State assets: vehicle categories add up to the vehicles held; counts are "
               "whole and non-negative",
      category=Category.NARRATIVE,
      applies="when the narrative states vehicle or equipment counts (国有资产占有使用情况)",
      when=lambda r: any(f.kind is FactKind.COUNT for f in r.narrative.facts))
def assets(ctx: Context) -> Iterator[Finding]:
    """Vehicle categories (领导用车, 机要通信用车 …) add up to the vehicles held (实有; at
    most, when only one category is named). 编制 is the authorised number of vehicles, not a
    sum of anything: holding more than it breaches the vehicle quota (超编制配备), a matter
    for the auditor rather than arithmetic, so it is a warning. Counts of vehicles and
    equipment are whole and non-negative, and equipment above a higher value threshold
    cannot outnumber that above a lower one (价值100万元以上 ≤ 价值50万元以上)."""
    rid = "narrative.assets"
    an = _an(ctx)
    blame = _Blame(an)
    vehicles: list[int] = []
    equipment: dict[str, list[tuple[Money, int]]] = {}
    for i, f in enumerate(an.facts):
        if f.kind is not FactKind.COUNT:
            continue
        is_vehicle = f.unit == "辆"
        thr = _threshold(f.qualifier)
        if not is_vehicle and thr is None:
            continue
        if f.value < 0 or f.value != f.value.to_integral_value():
            blame.add(ctx.finding(
                rid, Severity.ERROR, f"“{_label(f)}”的数量{f.value}{f.unit}不是非负整数",
                f"{_label(f)!r}: {f.value} {f.unit} is not a whole non-negative count",
                _loc(f), actual_text=f"{f.value}{f.unit}"), (i,), i)
        if is_vehicle:
            vehicles.append(i)
        elif thr is not None:
            equipment.setdefault(f.subject, []).append((thr, i))
    # Vehicles to buy (预算安排购置车辆1辆，其中：…) are counted apart from those held.
    bought = [i for i in vehicles if an.facts[i].subject == _BOUGHT]
    vehicles = [i for i in vehicles if an.facts[i].subject != _BOUGHT]
    groups: list[list[int]] = []
    for i in bought:  # each 购置车辆N辆 with the categories listed after it
        if an.facts[i].qualifier == "合计" or not groups:
            groups.append([i])
        else:
            groups[-1].append(i)
    for to_buy, *buy_cats in groups:
        if an.facts[to_buy].qualifier != "合计" or len(buy_cats) < 2:
            continue
        h = an.facts[to_buy]
        s = sum((an.facts[i].value for i in buy_cats), Decimal(0))
        if s != h.value:
            blame.add(_count_finding(
                ctx, rid, Severity.ERROR, h, int(s), f"拟购置公务用车{h.value}辆，各类之和为{s}辆",
                f"{h.value} vehicles to buy, but the categories add up to {s}",
                [_loc(an.facts[i]) for i in buy_cats]), (to_buy, *buy_cats), to_buy)
    # the vehicles held: the figure the sentence says is held (共有/实有/现有/拥有车辆N辆),
    # else the one read as held; a category (其他按照规定配备的公务用车29辆) is not the total
    held = next((i for i in vehicles if _HELD.search(an.facts[i].sentence)), None)
    if held is None:
        held = next((i for i in vehicles if an.facts[i].qualifier == "实有"), None)
    quota = next((i for i in vehicles if "编制" in (an.facts[i].qualifier or "")), None)
    # the categories: the vehicles listed after the held figure in its passage
    cats = [i for i in vehicles if i not in (held, quota) and held is not None and i > held
            and an.facts[i].section == an.facts[held].section] if held is not None else []
    if held is not None and cats:
        h = an.facts[held]
        s = sum((an.facts[i].value for i in cats), Decimal(0))
        if (s != h.value) if len(cats) >= 2 else (s > h.value):
            blame.add(_count_finding(
                ctx, rid, Severity.ERROR, h, int(s),
                f"实有公务用车{h.value}辆，各类之和为{s}辆",
                f"{h.value} vehicles held, but the categories add up to {s}",
                [_loc(an.facts[i]) for i in cats]), (held, *cats), held)
    if held is not None and quota is not None and an.facts[held].value > an.facts[quota].value:
        h, q = an.facts[held], an.facts[quota]
        blame.add(_count_finding(
            ctx, rid, Severity.WARNING, h, int(q.value),
            f"实有公务用车{h.value}辆，超过编制{q.value}辆",
            f"{h.value} vehicles held, more than the {q.value} authorised", [_loc(q)]),
            (held,), held)
    for entries in equipment.values():
        entries.sort(key=lambda e: e[0])
        for (lo_thr, lo), (hi_thr, hi) in pairwise(entries):
            if hi_thr > lo_thr and an.facts[hi].value > an.facts[lo].value:
                a, b = an.facts[hi], an.facts[lo]
                blame.add(_count_finding(
                    ctx, rid, Severity.ERROR, a, int(b.value),
                    f"“{_label(a)}”{a.value}{a.unit}多于“{_label(b)}”{b.value}{b.unit}",
                    f"{_label(a)!r} ({a.value}) outnumbers {_label(b)!r} ({b.value})",
                    [_loc(b)]), (hi, lo), hi)
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 12. repeated
# ---------------------------------------------------------------------------


_FINAL_MEASURES = frozenset(norm(x) for x in (
    "年初预算", "年初预算数", "支出决算", "支出决算数", "决算数", "预算数", "调整预算",
    "调整预算数", "全年预算数", "决算", "执行数", "决算执行数"))


_UNIT_SECTION: Final = re.compile(
    r"(?:局|院|委员会|办公室|办事处|中心|所|站|队|馆|学校|医院|公司|研究会|协会)"
    r"(?:[（(][^（）()]{1,20}[）)])?$")


@RULES.rule("narrative.repeated", title="情况说明中同一数字前后表述一致",
      title_en="The same figure stated twice in the narrative has the same value",
      category=Category.NARRATIVE,
      applies="amounts and counts stated more than once about the same subject (and "
              "qualifier) in the same scope (一般公共预算 / 财政拨款 / the whole budget, and for "
              "上年结转 the side of the total it belongs to); changes are compared by "
              "narrative.changes",
      when=lambda r: len(r.narrative.facts) >= 2)
def repeated(ctx: Context) -> Iterator[Finding]:
    """Two statements of the same figure must agree within the rounding of both (E17):
    ``1,234.56`` and ``1234.56``, or ``12.4`` and ``12.40``, agree; ``567.89`` and ``567.90``
    do not. Only subjects the words identify are compared (a name of the vocabulary, a
    functional class or 科目 path, vehicles), and only the figure the report is about (a
    final account's 年初预算 is not its 决算; last year's 执行数 is not this year's budget).
    Statements are grouped by subject, qualifier, kind and scope, because the same
    words name different money in different passages (基本支出 of all spending vs of the
    general budget). The statement a table or another statement confirms is the reference;
    the other is reported."""
    rid = "narrative.repeated"
    an = _an(ctx)
    groups: dict[tuple[object, ...], list[int]] = {}
    final = ctx.report.kind is ReportKind.FINAL
    for i, f in enumerate(an.facts):
        if final and norm(f.subject) in _FINAL_MEASURES:
            # A 决算 states 年初预算为X万元，支出决算为Y万元 for each 项 in turn: the item
            # is not part of the subject, so two such statements are not one figure.
            continue
        # Only subjects whose words identify them: a name of the vocabulary, a functional
        # class or path, vehicles. A figure named by loose words (采购金额, 项目) belongs to
        # whatever its sentence says, so two of them need not be the same figure.
        if f.kind in (FactKind.AMOUNT, FactKind.COUNT) and (
                f.subject in _NAMED or an.is_class(i) or an.path(i) is not None
                or an.code(i) is not None):
            # A passage about one of the department's units (二、深圳市劳动人事争议仲裁院)
            # states that unit's figures: its own scope.
            unit = f.section if _UNIT_SECTION.search(norm(f.section)) else ""
            groups.setdefault((f.kind, unit, *an.key(i)), []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        ref = next((m for m in members if m in an.confirmed and an.ref(m) is not None),
                   next((m for m in members if m in an.confirmed), members[0]))
        a = an.facts[ref]
        for m in members:
            if m == ref:
                continue
            b = an.facts[m]
            what = f"情况说明中“{_label(b)}”前后两次表述"
            what_en = f"narrative {_label(b)!r} stated twice"
            if _is_money(a) and _is_money(b):
                found = ctx.equal_check(rid, _fig(a), _fig(b), what=what, what_en=what_en)
                if found is not None:
                    yield found
            elif a.value != b.value or a.unit != b.unit:
                yield ctx.finding(rid, Severity.ERROR, f"{what}不一致：{a.value}{a.unit}与"
                                  f"{b.value}{b.unit}", f"{what_en}: {a.value} vs {b.value}",
                                  _loc(b), [_loc(a)], expected_text=f"{a.value}{a.unit}",
                                  actual_text=f"{b.value}{b.unit}")
