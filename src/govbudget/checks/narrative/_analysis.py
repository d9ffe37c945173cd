"""The shared analysis of a report's narrative: scopes, table figures, confirmations, and
where the blame of a failing comparison goes.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Final

from attrs import evolve

from ..._findings import Finding, Location, Severity
from ..._money import Interval, Money, round_half_up
from ..._record import Record
from ..._report import Change, Fact, FactKind, Report, ReportKind
from ..._subjects import Scope, Side
from ..._tables import Row, RowKind, TableKind
from ...codes import functional
from .._context import ENUMERATOR, Context, Figure, norm
from .._fact_figures import (
    MONEY_UNITS,
    factor_of,
    figure_interval,
    figure_of,
    interval_of,
    is_money,
    label_of,
    location_of,
    qualifier_of,
    quantum_of,
    signed,
    unit_of,
)
from .._registry import Code
from ._lookup import (
    _block,
    _Ref,
    _Side,
    _Tables,
)
from ._vocab import (
    _BASIC,
    _CARRY,
    _CUR_INCOME,
    _CUR_SPEND,
    _PROCUREMENT,
    _PROJECT,
    _T_INCOME,
    _T_SPEND,
)

_TOTAL_NAMES: Final = frozenset({_T_INCOME, _T_SPEND})


class _An(_Tables):
    """What every narrative rule needs: scopes, table figures, confirmations."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.report: Report = ctx.report
        self.facts: tuple[Fact, ...] = ctx.report.narrative.facts
        # Which figure of its subject each fact is: "" for the figure the report is about
        # (this year's budget; a final account's outturn), else the measure and its year.
        final = ctx.report.kind is ReportKind.FINAL or ctx.report.narrative.final
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
        # What each fact speaks of, as the reader recorded it.
        self.scopes: list[Scope] = [f.about.scope for f in self.facts]
        self.sides: list[Side | None] = [f.about.side for f in self.facts]
        self._paths: list[list[str] | None] = [
            [norm(name) for name in f.about.path] if f.about.path else None
            for f in self.facts]
        self.classes = set(_catalogue_classes())
        for kind in (TableKind.SUMMARY, TableKind.GRANT_SUMMARY):
            b = _block(ctx.table(kind), "expenditure")
            if b is not None:
                self.classes |= {norm(r.name) for r in b.rows if r.kind is RowKind.DATA
                                 and norm(r.name).endswith("支出")}
        self._refs: dict[int, _Ref | None] = {}
        self.withheld_refs: set[int] = set()
        self._known: dict[int, Interval] = {}
        self._sides: dict[int, _Side] = {}
        self._keys: list[tuple[object, ...] | None] = [None] * len(self.facts)
        # Per block (by id: the blocks live as long as the report), the first row of each
        # normalised name, indexed once (see `find`).
        self._row_names: dict[int, dict[str, Row]] = {}
        self.confirmed = self._confirmations()

    def key(self, i: int) -> tuple[object, ...]:
        """What a fact is about: two facts with the same key state the same figure."""
        k = self._keys[i]
        if k is None:
            f = self.facts[i]
            # (procurement too: the whole's and its 一般公共预算 part's are other figures)
            # (and the totals: 支出预算总计 in a 财政拨款 passage is the grants' total)
            scoped = f.subject in (_BASIC, _PROJECT, _CARRY, _CUR_INCOME, _CUR_SPEND) \
                or f.subject in _PROCUREMENT or f.subject in _TOTAL_NAMES \
                or self.is_class(i) or self.path(i) is not None
            scope = (self.scopes[i], self.sides[i], f.about.column) if scoped else ()
            unit_kind = "money" if is_money(f) else f.unit
            k = self._keys[i] = (f.subject, qualifier_of(f.qualifier), unit_kind, scope,
                                 self.measures[i])
        return k

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

    def ref(self, i: int) -> _Ref | None:
        """The table figure a money amount of the narrative must agree with."""
        if i not in self._refs:
            f = self.facts[i]
            # (a figure given as a reason for a change, or one of the department's units'
            # figures, is not the department's own figure that a table prints)
            ok = f.kind is FactKind.AMOUNT and is_money(f) and self.is_main(i) \
                and f.about.within is None and f.about.unit is None
            self._refs[i] = self.ref_for(f.subject, f.qualifier, self.scopes[i],
                                         self.sides[i], f.about.column, f.about.code,
                                         i) if ok else None
        return self._refs[i]

    def code(self, i: int) -> str | None:
        """The functional code an item is printed with (2080201-行政运行), or ``None``."""
        return self.facts[i].about.code

    def _confirmations(self) -> set[int]:
        out: set[int] = set()
        for i, f in enumerate(self.facts):
            r = self.ref(i)
            # ``f.money`` (a fact with a table figure is an amount) without its validation
            if r is None or r.le or f.unit not in MONEY_UNITS:
                continue
            unit = unit_of(f.unit)
            # the same amount in the same unit (most), else the same money in another unit
            if r.figure.same_as(f.value, unit) or Money.of(f.value, unit) == r.figure.money:
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
            stated = Counter((signed(f), f.unit) for f in facts)
            out.update(a for a, f in zip(group, facts, strict=True)
                       if stated[(signed(f), f.unit)] > 1)
        return out

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
        factor = factor_of(f.unit)
        own = interval_of(f.value * factor, quantum_of(f.value) * factor)
        r = self.ref(i)
        if r is not None and not r.le:
            both = own.intersection(figure_interval(r.figure))
            if both is not None:
                return both
        return own

    def side(self, i: int) -> _Side:
        """A fact as one side of a ratio (built once per fact: a `_Side` is immutable)."""
        side = self._sides.get(i)
        if side is None:
            f = self.facts[i]
            side = self._sides[i] = _Side(f.value * factor_of(f.unit), self.known(i), location_of(f),
                                          label_of(f), i)
        return side

    def table_side(self, r: _Ref, label: str) -> _Side:
        return _Side(r.figure.money.yuan, figure_interval(r.figure), r.figure.location, label,
                     None)

    def base(self, i: int) -> int | None:
        """This year's amount a change is a change of (same subject and qualifier: the
        latest before it in its section, else one in the same scope)."""
        c = self.facts[i]
        same = [j for j in self.of(c.subject, qualifier=qualifier_of(c.qualifier))
                if self.facts[j].unit in MONEY_UNITS]
        before = [j for j in same if j < i and self.facts[j].section == c.section]
        if before:
            return before[-1]
        scoped = [j for j in same if self.key(j) == self.key(i)]
        return scoped[0] if scoped else None

    def figure(self, i: int) -> Figure:
        """A money fact as a figure; a change allows for the rounding of both years (it is
        usually the difference of two printed figures), a 持平 statement is an exact 0."""
        f = self.facts[i]
        fig = figure_of(f)
        if f.kind is not FactKind.CHANGE_AMOUNT:
            return fig
        if f.direction is Change.SAME:
            return Figure(Money.of(Decimal(0), fig.money.unit), Decimal(0), fig.location)
        b = self.base(i)
        this_q = fig.quantum
        if b is not None:
            base = self.facts[b]
            this_q = quantum_of(base.value) * factor_of(base.unit) / fig.money.unit.factor
        return Figure(fig.money, fig.quantum + this_q, fig.location)

    def of(self, subject: str, *, kinds: Iterable[FactKind] = (FactKind.AMOUNT,),
           qualifier: str | None = None) -> list[int]:
        """The facts of a subject and qualifier, of the kinds asked (amounts: only those
        the report is about, see `is_main`)."""
        ks = set(kinds)
        facts = self.facts
        return [i for i in self._by_subject.get(subject, ())
                if facts[i].kind in ks and qualifier_of(facts[i].qualifier) == qualifier
                and self.is_main(i)]


@functools.cache
def _catalogue_classes() -> frozenset[str]:
    """The catalogue's functional classes (类), by normalised name (the same for every
    report, so worked out once)."""
    return frozenset(norm(i.name) for i in functional.codes(level=1))


def _an(ctx: Context) -> _An:
    """The analysis of the context's narrative, made once per run (`Context.once`: kept
    on the context, so it lives as long as the run)."""
    return ctx.once(_An)


# ---------------------------------------------------------------------------
# Findings of a code
# ---------------------------------------------------------------------------


def _rule_of(code: Code) -> str:
    """The rule a finer code is under (``narrative.changes.rate`` → ``narrative.changes``)."""
    return code.id.rsplit(".", 1)[0]


def _say(ctx: Context, code: Code, severity: Severity, values: Mapping[str, object],
         location: Location, related: Sequence[Location] = (), expected: Money | None = None,
         actual: Money | None = None, *, expected_text: str | None = None,
         actual_text: str | None = None, difference_text: str | None = None) -> Finding:
    """A finding of ``code``, its messages from the code's templates filled with
    ``values``."""
    zh, en = code.message(**values)
    found = ctx.finding(_rule_of(code), severity, zh, en, location, related, expected, actual,
                        expected_text=expected_text, actual_text=actual_text,
                        difference_text=difference_text)
    return evolve(found, code=code.id)


# The messages of `Context.equal_check` / `sum_check` (an identity that does not hold) and
# `Context.le_check` (a part above its whole), as templates of the codes of such findings
# (a gap rounding explains is the same code at severity ``info``).
_EQUAL: Final = ("{what}不符：应为{expected}，实为{actual}，相差{difference}（超出四舍五入误差±{bound}）",
                 "{what_en} does not hold: expected {expected}, found {actual}, difference "
                 "{difference} (rounding allows ±{bound})")
_ABOVE: Final = ("{what}：{actual}超过{expected}，超出{difference}",
                 "{what_en}: {actual} exceeds {expected} by {difference}")


def _compared(id: str, title: str, title_en: str, what: str, what_en: str, *,
              above: bool = False) -> Code:
    """The code of a comparison of figures (its message is `Context`'s)."""
    zh, en = _ABOVE if above else _EQUAL
    example = {"what": what, "what_en": what_en, "expected": "1,234.56万元",
               "actual": "1,234.66万元", "difference": "0.10万元", "bound": "0.01万元"}
    return Code(id, title, title_en, template=zh, template_en=en, example=example)


def _coded(found: Finding | None, code: Code) -> Finding | None:
    """A finding of a comparison (`Context.equal_check`, `sum_check`, `le_check`, whose
    messages follow the code's templates) given its code."""
    return None if found is None else evolve(found, code=code.id)


# ---------------------------------------------------------------------------
# Blame: collect a rule's failures, then place each on the likeliest figure
# ---------------------------------------------------------------------------


class _Issue(Record):
    """A rule's failure and the facts it may be the fault of (``default``: its own)."""

    __slots__ = ("default", "facts", "finding")

    def __init__(self, finding: Finding, facts: tuple[int, ...], default: int | None) -> None:
        self.finding = finding
        self.facts = facts
        self.default = default


class _Blame(Record):
    """A rule's failures over one report's narrative, each placed when they are read."""

    __slots__ = ("an", "confirmed", "issues")

    def __init__(self, an: _An) -> None:
        self.an = an
        self.issues: list[_Issue] = []
        self.confirmed: set[int] = set()

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
            where = location_of(self.an.facts[best])
            related = [x for x in (f.location, *f.related) if x != where]
            yield evolve(f, location=where, related=tuple(related))


# ---------------------------------------------------------------------------
# Comparisons
# ---------------------------------------------------------------------------


def _vs_table(ctx: Context, an: _An, code: Code, i: int) -> Finding | None:
    """A narrative amount against its table figure (not a figure stated as part of
    another amount: （含上年结转750万元） of a project), a finding of ``code``."""
    return _coded(_vs_table_of(ctx, an, _rule_of(code), i), code)


def _vs_table_of(ctx: Context, an: _An, rid: str, i: int) -> Finding | None:
    f = an.facts[i]
    if f.qualifier is not None and f.qualifier.startswith("含于"):
        return None
    r = an.ref(i)
    if r is None:
        return None
    # Most amounts equal their cell exactly: no figure or message needed (a fact with a
    # reference is an amount, so its figure holds ``f.value``).
    if not r.le and r.figure.same_as(f.value, unit_of(f.unit)):
        return None
    if not r.le and _rounds_to(r.figure, f):
        return None  # 15,621.11万元 for 156,211,123元: the table's figure, rounded as printed
    fig = figure_of(f)
    what = f"情况说明“{label_of(f)}”与{r.what}"
    what_en = f"narrative {label_of(f)!r} vs {r.what_en}"
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
    and the narrative quotes one of them. A table not read with confidence counts here
    too: it only tempers the finding (to info), never makes one."""
    loc = r.figure.location
    code = loc.row_code or ""
    if len(code) not in (3, 5):
        return False
    q = r.figure.quantum * r.figure.money.unit.factor
    if not 0 < abs(fig.money.yuan - r.figure.money.yuan) <= q:
        return False
    name = norm(loc.row_name or "")
    for t in (*ctx.report.tables, *ctx.doubtful):
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
    q = quantum_of(f.value)
    if q == 0 or f.unit not in MONEY_UNITS or factor_of(f.unit) <= fig.money.unit.factor \
            or fig.quantum * fig.money.unit.factor >= q * factor_of(f.unit):
        return False
    return round_half_up(fig.money.yuan / factor_of(f.unit), q) == f.value


def _table_rule(ctx: Context, code: Code, subjects: Callable[[_An, int], bool]
                ) -> Iterator[Finding]:
    an = _an(ctx)
    for i in range(len(an.facts)):
        if subjects(an, i):
            f = _vs_table(ctx, an, code, i)
            if f is not None:
                yield f


def _sum(ctx: Context, code: Code, parts: Sequence[Figure], whole: Figure, what: str,
         what_en: str) -> Finding | None:
    """Σ parts = whole among narrative figures (units may differ), a finding of ``code``."""
    unit = min((f.money.unit for f in (*parts, whole)), key=lambda u: u.exponent)
    figs = [Figure(f.money.to(unit), f.quantum * f.money.unit.factor / unit.factor, f.location)
            for f in parts]
    return _coded(ctx.sum_check(_rule_of(code), figs, whole, what=what, what_en=what_en), code)


def _has(*subjects: str) -> Callable[[Report], bool]:
    wanted = set(subjects)
    return lambda r: any(f.subject in wanted for f in r.narrative.facts)


def _first(an: _An, idx: Iterable[int], section: str | None = None) -> int | None:
    return next((i for i in idx if section is None or an.facts[i].section == section), None)


