"""What every rule works with: the report, and comparisons that reason about rounding.

`Context` wraps a `govbudget.Report` with look-ups the rules share (tables
by kind, functional rows by code, the published quantum of each table) and the
comparisons that turn figures into findings:

- `Context.sum_check`: a total against the sum of its terms;
- `Context.equal_check`: one figure printed in two places;
- `Context.le_check`: a part that must not exceed a whole.

Each decides with `govbudget.explain_gap`: no gap, nothing; a gap rounding can
produce, an ``info`` finding that says so; anything larger, the rule's severity. There is
no tolerance anywhere else.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import partial
from itertools import islice
from operator import attrgetter, is_not, lt
from typing import Final, TypeVar, cast

from attrs import evolve

from .._findings import CellLocations, Finding, Location, Severity
from .._money import Gap, Money, Unit, explain_cells, explain_gap
from .._pattern_cache import compile_pattern
from .._report import Report
from .._tables import Block, Row, RowKind, Table, TableKind

__all__ = ["Context", "Figure", "norm"]


_SPACES = compile_pattern(r"\s+")
_ORDINAL = compile_pattern(r"^(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|\d+[、.])")
_NUMERALS = frozenset("一二三四五六七八九十")


@functools.lru_cache(maxsize=8192)
def norm(text: str) -> str:
    """Normalise a printed name for matching (NFKC, no spaces, no ordinal prefix)."""
    t = _SPACES.sub("", text).lstrip("①②③④⑤⑥⑦⑧⑨⑩")
    t = unicodedata.normalize("NFKC", t)
    # An ordinal prefix starts with a numeral, "(" or a digit: a name starting with
    # another CJK ideograph (most do) has none.
    if t and not ("\u4e00" <= t[0] <= "\u9fff" and t[0] not in _NUMERALS):
        t = _ORDINAL.sub("", t)
    return t.replace("“", '"').replace("”", '"')


class Figure:
    """A published figure: its value, the quantum it was rounded to, and where it is.

    ``quantum`` is in the figure's own unit; a blank cell is an exact zero
    (``quantum == 0``). The location of a table cell is built only when asked for, and so
    are the `Money` of a table cell and its quantum (the table's, `Table.quantum`: most
    figures only take part in an exact sum, which needs neither).
    """

    __slots__ = ("_amount", "_location", "_money", "_quantum", "_unit", "_where")

    def __init__(self, money: Money, quantum: Decimal, location: Location | None = None,
                 *, cell: tuple[Table, Row, str] | None = None) -> None:
        self._money: Money | None = money
        self._amount = money.amount
        self._unit = money.unit
        self._quantum: Decimal | None = quantum
        self._location = location
        self._where: tuple[Callable[..., Location], tuple[object, ...]] | None = (
            None if cell is None else (_cell_location, cell))

    @property
    def quantum(self) -> Decimal:
        """The quantum the figure was rounded to, in its own unit (a printed cell's is its
        table's, worked out when first asked for)."""
        q = self._quantum
        if q is None:
            assert self._where is not None
            table = self._where[1][0]
            assert isinstance(table, Table)
            q = self._quantum = table.quantum
        return q

    @quantum.setter
    def quantum(self, quantum: Decimal) -> None:
        self._quantum = quantum

    @property
    def money(self) -> Money:
        """The figure's amount and unit."""
        m = self._money
        if m is None:
            m = self._money = Money.of(self._amount, self._unit)
        return m

    @money.setter
    def money(self, money: Money) -> None:
        self._money = money
        self._amount = money.amount
        self._unit = money.unit

    @property
    def location(self) -> Location:
        """Where the figure is."""
        if self._location is None:
            assert self._where is not None
            make, args = self._where
            self._location = make(*args)
        return self._location

    def same_as(self, amount: Decimal, unit: Unit) -> bool:
        """True when `Context.equal_check` of this figure (the reference) against a figure
        of ``amount`` in ``unit`` passes in silence on the exact-match path: one unit,
        equal amounts. Lets a caller skip building the other figure and the messages."""
        return self._unit is unit and _ZERO + self._amount == amount

    def __repr__(self) -> str:
        return f"Figure({self.money!r}, quantum={self.quantum}, location={self.location!r})"

    @classmethod
    def lazy(cls, money: Money, quantum: Decimal, make: Callable[..., Location],
             *args: object) -> Figure:
        """A figure whose location is ``make(*args)``, built only when asked for (most
        figures never end up in a finding)."""
        f = cls(money, quantum)
        f._where = (make, args)
        return f

    @classmethod
    def _of_cell(cls, amount: Decimal, unit: Unit, quantum: Decimal | None,
                 cell: tuple[Table, Row, str]) -> Figure:
        """A cell's figure; its `Money` is built when first asked for, and its quantum
        too when ``quantum`` is ``None`` (the table's). Anything `Money.of` would not
        take as it is (not a finite ``Decimal`` in a `Unit`) is converted (or refused)
        right away, as before."""
        if type(amount) is not Decimal or type(unit) is not Unit or not amount.is_finite():
            return cls(Money.of(amount, unit), cell[0].quantum if quantum is None else quantum,
                       cell=cell)
        f = _new_figure(cls)
        f._money = None
        f._amount = amount
        f._unit = unit
        f._quantum = quantum
        f._location = None
        f._where = (_cell_location, cell)
        return f

    @classmethod
    def cell(cls, table: Table, block: Block, row: Row, key: str) -> Figure | None:
        """The figure in a table cell (blank → exact zero); ``None`` if no such column."""
        i = block.position(key)
        if i is None:
            return None
        v = row.values[i] if i < len(row.values) else None
        if v is None:
            return cls._of_cell(_ZERO, table.unit, _ZERO, (table, row, key))
        return cls._of_cell(v, table.unit, None, (table, row, key))


def _cell_location(t: Table, row: Row, key: str) -> Location:
    return Location.in_table(t, row, key)


_new_figure = object.__new__
_PRINTED: Final = partial(is_not, None)
_AMOUNTS: Final = frozenset({Decimal})


def exact_sum(unit: object, total: object, terms: Iterable[object]) -> bool:
    """True when cells in ``unit`` holding ``terms`` add up exactly to a cell holding
    ``total`` (blank cells, ``None``, are zeros): what `Context.sum_check` would pass in
    silence, decided on the raw values before any figure is built. ``False`` whenever in
    doubt (values that are not finite ``Decimal`` s, a unit that is not a `Unit`): the
    caller then builds the figures and checks them as usual."""
    if type(unit) is not Unit:
        return False
    if total is None:
        total = _ZERO
    elif type(total) is not Decimal:
        return False
    if type(terms) is list and len(terms) > 4:
        # Many terms (a summary's classes, most of them blank): the same test in C-level
        # steps, the blanks dropped, the types checked as a set, the rest summed.
        printed = list(filter(_PRINTED, terms))
        if not _AMOUNTS.issuperset(map(type, printed)):
            return False
        try:
            acc = sum(printed, _ZERO)
            return bool(acc == total) and acc.is_finite()
        except ArithmeticError:
            return False
    acc = _ZERO
    try:
        for v in terms:
            if v is None:
                v = _ZERO
            elif type(v) is not Decimal:
                return False
            acc += v
        return bool(acc == total) and acc.is_finite()
    except ArithmeticError:
        return False


def cells_add_up(table: Table, block: Block, total: Row, rows: Iterable[Row], key: str) -> bool:
    """`exact_sum` of the cells of ``rows`` against the cell of ``total``, column ``key``."""
    i = block.position(key)
    if i is None:
        return False
    values = total.values
    return exact_sum(table.unit, values[i] if i < len(values) else None,
                     [r.values[i] if i < len(r.values) else None for r in rows])


def cell_figures(table: Table, block: Block, rows: Iterable[Row], key: str) -> list[Figure]:
    """`Figure.cell` of each row (none when the block has no column ``key``), with the
    column's position and the table's quantum looked up once."""
    i = block.position(key)
    if i is None:
        return []
    unit = table.unit
    out: list[Figure] = []
    of_cell = Figure._of_cell
    for r in rows:
        values = r.values
        v = values[i] if i < len(values) else None
        # a printed cell's quantum is the table's, worked out when a figure needs it
        out.append(of_cell(_ZERO if v is None else v, unit, _ZERO if v is None else None,
                           (table, r, key)))
    return out


_ZERO = Decimal(0)


def _tidy(d: Decimal) -> Decimal:
    """Drop trailing zeros that a unit conversion added (exactly the same value)."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    two = d.quantize(Decimal("0.01"))
    return two if two == d else d.normalize()


def _fmt(m: Money) -> str:
    amount = m.amount
    exp = amount.as_tuple().exponent
    if isinstance(exp, int) and exp < -2:
        amount = _tidy(amount)
    return f"{amount}{m.unit.symbol}"


# List numbering and 其中： before a row's name (``3、``, ``（2）``, ``其中：（1）``).
ENUMERATOR = compile_pattern(
    r"^\s*(?:其中[:：]\s*)?(?:\d{1,2}\s*[、.．]|[（(]\d{1,2}[）)]|[一二三四五六七八九十]{1,3}、|"
    r"[（(][一二三四五六七八九十]{1,3}[）)]|[①②③④⑤⑥⑦⑧⑨⑩])?\s*(?:其中[:：])?\s*")


T = TypeVar("T")
_MISSING = object()


class Context:
    """A report and the helpers rules share."""

    def __init__(self, report: Report, withheld: frozenset[TableKind] = frozenset(),
                 doubtful: tuple[Table, ...] = ()) -> None:
        self.report = report
        # The kinds of table the report prints but the reader is not sure of (left out of
        # ``report``): a figure they print is not looked for in another table instead.
        self.withheld = withheld
        # Those tables themselves: never checked, nor a figure's source; a rule may only
        # temper a finding by them (a class printed one last digit off there: rounding).
        self.doubtful = doubtful
        # Per-report data rules derive once and share (lives and dies with the context).
        self.memo: dict[str, object] = {}
        self._derived: dict[Callable[[Context], object], object] = {}
        self._by_kind: tuple[Report, dict[TableKind, Table]] | None = None
        # `find_row`'s index of each block asked: the block, the first row of each
        # normalised name, and (made when first needed) of each name without numbering.
        self._row_names: dict[int, tuple[Block, dict[str, int], dict[str, int] | None]] = {}

    # -- look-ups -----------------------------------------------------------
    def table(self, kind: TableKind) -> Table | None:
        """The report's table of a kind (``None`` if absent)."""
        indexed = self._by_kind
        if indexed is None or indexed[0] is not self.report:
            # `Report.table` scans the tables; rules ask often, so index them once (the
            # first of each kind, as `Report.table` finds it), for the report indexed.
            by_kind: dict[TableKind, Table] = {}
            for t in self.report.tables:
                by_kind.setdefault(t.kind, t)
            indexed = self._by_kind = (self.report, by_kind)
        return indexed[1].get(kind)

    def tables(self, *kinds: TableKind) -> Iterator[Table]:
        """The report's tables of the given kinds, in print order."""
        return (t for t in self.report.tables if t.kind in kinds)

    @staticmethod
    def coded_rows(block: Block) -> dict[str, Row]:
        """Rows with a code, by code (the first of duplicates)."""
        out: dict[str, Row] = {}
        for r in block.rows:
            if r.code and r.code not in out:
                out[r.code] = r
        return out

    @staticmethod
    def total_row(block: Block) -> Row | None:
        """The block's first total row (合计)."""
        return next(block.totals(), None)

    def find_row(self, block: Block, *names: str) -> Row | None:
        """The first row whose normalised name equals one of ``names`` (list numbering
        and 其中： before the name do not count: ``其中：（1）公务用车购置费``).

        Each block's normalised row names are indexed once per run (rules ask for
        several rows of the same few blocks), with the numbering dropped only when a
        name is not found as printed."""
        kept = self._names_of(block)
        wanted = {norm(n) for n in names}
        hits = [i for w in wanted if (i := kept[1].get(w)) is not None]
        if not hits:
            bare = kept[2]
            if bare is None:
                bare = {}
                for n, r in enumerate(block.rows):
                    bare.setdefault(norm(ENUMERATOR.sub("", r.name)), n)
                self._row_names[id(block)] = (block, kept[1], bare)
            hits = [i for w in wanted if (i := bare.get(w)) is not None]
        return block.rows[min(hits)] if hits else None

    def find_row_starting(self, block: Block, prefix: str) -> Row | None:
        """The first row whose normalised name starts with the normalised ``prefix``
        (``公务用车购置`` finds 公务用车购置费), from `find_row`'s index of the block."""
        want = norm(prefix)
        rows = block.rows
        for name, i in self._names_of(block)[1].items():  # first of each name, in order
            if name.startswith(want):
                return rows[i]
        return None

    def _names_of(self, block: Block
                  ) -> tuple[Block, dict[str, int], dict[str, int] | None]:
        """`find_row`'s index of ``block``, made on first use."""
        key = id(block)
        kept = self._row_names.get(key)
        if kept is None or kept[0] is not block:
            plain: dict[str, int] = {}
            for n, r in enumerate(block.rows):
                plain.setdefault(norm(r.name), n)
            kept = self._row_names[key] = (block, plain, None)
        return kept

    @staticmethod
    def has_data(table: Table) -> bool:
        """True when a table has a non-zero amount somewhere."""
        return any(v for _, r in table.rows() for v in r.values if v)

    # -- findings -----------------------------------------------------------
    def _finding(
        self,
        rule: str,
        severity: Severity,
        message: str,
        message_en: str,
        location: Location,
        related: Sequence[Location] = (),
        expected: Money | None = None,
        actual: Money | None = None,
    ) -> Finding:
        diff = None
        if expected is not None and actual is not None:
            unit = expected.unit if expected.unit.exponent <= actual.unit.exponent else actual.unit
            d = actual.to(unit) - expected.to(unit)
            diff = _fmt(d)
            expected, actual = expected.to(unit), actual.to(unit)
        return Finding(
            rule=rule, severity=severity, message=message, message_en=message_en,
            location=location, related=related if isinstance(related, tuple) else tuple(related),
            expected=None if expected is None else _fmt(expected),
            actual=None if actual is None else _fmt(actual),
            difference=diff,
        )

    def sum_check(
        self,
        rule: str,
        terms: Sequence[Figure],
        total: Figure,
        *,
        what: str,
        what_en: str,
        severity: Severity = Severity.ERROR,
    ) -> Finding | None:
        """Check ``total == Σ terms``; a rounding-sized gap is ``info``.

        ``what``/``what_en`` describe the identity (e.g. "类合计与所含款之和").
        """
        if not terms:
            return None
        # The common case, an exact match in one unit, from the raw amounts.
        unit = total._unit
        for t in terms:
            if t._unit is not unit:
                break
        else:
            acc = _ZERO
            for t in terms:
                acc += t._amount
            if acc == total._amount:
                return None
        quanta = {t.quantum for t in terms if t.quantum}
        tq = max(quanta) if quanta else Decimal(0)
        gap = explain_gap(
            [t.money for t in terms], total.money,
            quantum=Money.of(tq, terms[0].money.unit),
            total_quantum=Money.of(total.quantum, total.money.unit),
        )
        if gap.exact:
            return None
        return self._gap_finding(rule, gap, total.location, [t.location for t in terms],
                                 what=what, what_en=what_en, severity=severity)

    def _gap_finding(self, rule: str, gap: Gap, location: Location,
                     related: Sequence[Location], *, what: str, what_en: str,
                     severity: Severity) -> Finding:
        """The finding of a sum that does not hold (``gap`` not exact): ``info`` when
        rounding explains it, else ``severity``."""
        if gap.explained:
            return self._finding(
                rule, Severity.INFO,
                f"{what}相差{_fmt(gap.difference)}，在{gap.terms}个四舍五入数的误差范围"
                f"（±{_fmt(gap.bound)}）内",
                f"{what_en}: off by {_fmt(gap.difference)}, within the rounding of "
                f"{gap.terms} figures (±{_fmt(gap.bound)})",
                location, related, gap.expected, gap.actual,
            )
        return self._finding(
            rule, severity,
            f"{what}不符：应为{_fmt(gap.expected)}，实为{_fmt(gap.actual)}，"
            f"相差{_fmt(gap.difference)}（超出四舍五入误差±{_fmt(gap.bound)}）",
            f"{what_en} does not hold: expected {_fmt(gap.expected)}, found "
            f"{_fmt(gap.actual)}, difference {_fmt(gap.difference)} (rounding allows "
            f"±{_fmt(gap.bound)})",
            location, related, gap.expected, gap.actual,
        )

    def equal_check(
        self,
        rule: str,
        a: Figure,
        b: Figure,
        *,
        what: str,
        what_en: str,
        severity: Severity = Severity.ERROR,
    ) -> Finding | None:
        """Check that ``b`` (the figure reported) equals ``a`` (the reference)."""
        if a._unit is b._unit and _ZERO + a._amount == b._amount:
            return None  # `sum_check`'s exact match, without the list
        return self.sum_check(rule, [a], b, what=what, what_en=what_en, severity=severity)

    def sum_cells(
        self,
        rule: str,
        table: Table,
        block: Block,
        total: Row,
        rows: Sequence[Row],
        key: str,
        *,
        what: str,
        what_en: str,
        severity: Severity = Severity.ERROR,
    ) -> Finding | None:
        """`sum_check` of the cells of ``rows`` against the cell of ``total``, column
        ``key``, decided on the raw cells first: no figure is built when they add up
        exactly (the fast path lives here, not in each rule). ``None`` when they add up,
        when the column is absent, or when ``rows`` is empty."""
        if not rows or cells_add_up(table, block, total, rows, key):
            return None
        tot = Figure.cell(table, block, total, key)
        if tot is None:
            return None
        f = self._sum_of_cells(rule, table, block, tot, rows, key, what=what, what_en=what_en,
                               severity=severity)
        if f is not _MISSING:
            return cast(Finding | None, f)
        terms = cell_figures(table, block, rows, key)
        if not terms:
            return None
        return self.sum_check(rule, terms, tot, what=what, what_en=what_en, severity=severity)

    def _sum_of_cells(self, rule: str, table: Table, block: Block, total: Figure,
                      rows: Sequence[Row], key: str, *, what: str, what_en: str,
                      severity: Severity) -> object:
        """`sum_check` of the cells of ``rows`` in column ``key`` (known not to add up
        exactly) against ``total``, from the raw cells: no figure per cell, the gap
        from `explain_cells` and the cells' locations made when first looked at
        (`CellLocations`), the same finding as the figures would give. `_MISSING` when a
        cell or the unit is not what `Figure.cell` would take as it is (the caller then
        builds the figures)."""
        unit = table.unit
        total_value = total._amount
        if type(unit) is not Unit or type(total_value) is not Decimal:
            return _MISSING
        i = block.position(key)
        assert i is not None  # the total's cell is in this column
        values: list[Decimal] = []
        printed = False
        for r in rows:
            v = r.values[i] if i < len(r.values) else None
            if v is None:
                values.append(_ZERO)
                continue
            if type(v) is not Decimal or not v.is_finite():
                return _MISSING
            values.append(v)
            printed = True
        # the quantum of the terms, as `sum_check` takes it from the cells' figures
        tq = table.quantum if printed and table.quantum else _ZERO
        gap = explain_cells(values, unit, total.money, quantum=Money.of(tq, unit),
                            total_quantum=Money.of(total.quantum, unit))
        if gap.exact:
            return None
        cells = CellLocations.of(table, tuple(rows), key)
        return self._gap_finding(rule, gap, total.location, cells, what=what, what_en=what_en,
                                 severity=severity)

    def forget(self) -> None:
        """Drop what the run derived (`memo`, `once`): called by `check_report` when the
        run ends, as derived data may hold the context (a cycle that would keep the
        report alive until the garbage collector runs)."""
        self.memo.clear()
        self._derived.clear()
        self._row_names.clear()

    def once(self, make: Callable[[Context], T]) -> T:
        """What ``make`` derives from this context, made on the first call and kept for the
        run (rules that share derived data ask for it by the function that makes it)."""
        kept = self._derived.get(make, _MISSING)
        if kept is _MISSING:
            kept = self._derived[make] = make(self)
        return cast(T, kept)

    def equal_cells(
        self,
        rule: str,
        reference: tuple[Table, Block, Row, str],
        reported: tuple[Table, Block, Row, str],
        *,
        what: str,
        what_en: str,
        severity: Severity = Severity.ERROR,
    ) -> Iterator[Finding]:
        """`equal_check` of two cells, each given as (table, block, row, column key): no
        finding when either block lacks the column (nothing to compare), else the finding
        of ``reported`` against ``reference`` if they disagree. A blank cell is an exact
        zero, as `Figure.cell` reads it (a blank in a disclosure table is nothing spent)."""
        a = Figure.cell(*reference)
        if a is None:
            return
        b = Figure.cell(*reported)
        if b is None:
            return
        f = self.equal_check(rule, a, b, what=what, what_en=what_en, severity=severity)
        if f is not None:
            yield f

    def le_check(
        self,
        rule: str,
        part: Figure,
        whole: Figure,
        *,
        what: str,
        what_en: str,
        severity: Severity = Severity.ERROR,
    ) -> Finding | None:
        """Check ``part <= whole``, allowing for the rounding of both figures.

        Rounding is monotone: for one quantum, true ``A <= B`` gives printed
        ``a <= b``. With two quanta the printed part may exceed by half of each.
        """
        if part.money <= whole.money:
            return None
        slack = Money.of(part.quantum / 2, part.money.unit) + Money.of(whole.quantum / 2,
                                                                  whole.money.unit)
        if part.quantum == whole.quantum and part.money.unit is whole.money.unit:
            slack = Money.of(Decimal(0), Unit.YUAN)
        over = part.money - whole.money
        if over <= slack:
            return self._finding(
                rule, Severity.INFO,
                f"{what}：超出{_fmt(over)}，在四舍五入误差范围内",
                f"{what_en}: exceeds by {_fmt(over)}, within rounding",
                part.location, [whole.location], whole.money, part.money,
            )
        return self._finding(
            rule, severity,
            f"{what}：{_fmt(part.money)}超过{_fmt(whole.money)}，超出{_fmt(over)}",
            f"{what_en}: {_fmt(part.money)} exceeds {_fmt(whole.money)} by {_fmt(over)}",
            part.location, [whole.location], whole.money, part.money,
        )

    def finding(
        self,
        rule: str,
        severity: Severity,
        message: str,
        message_en: str,
        location: Location,
        related: Sequence[Location] = (),
        expected: Money | None = None,
        actual: Money | None = None,
        *,
        expected_text: str | None = None,
        actual_text: str | None = None,
        difference_text: str | None = None,
        code: str | None = None,
    ) -> Finding:
        """A finding built by hand (for comparisons that are not money); ``code`` is a
        finer code of the rule (default: the rule's own)."""
        if expected is None and actual is None:
            # No money to compare: the finding is built once, texts and code included.
            return Finding(rule=rule, severity=severity, message=message,
                           message_en=message_en, location=location,
                           related=related if isinstance(related, tuple) else tuple(related),
                           expected=expected_text, actual=actual_text,
                           difference=difference_text, code=code or rule)
        f = self._finding(rule, severity, message, message_en, location, related, expected,
                          actual)
        if expected_text is not None or actual_text is not None or code is not None:
            f = evolve(f, expected=expected_text if expected_text is not None else f.expected,
                       actual=actual_text if actual_text is not None else f.actual,
                       difference=difference_text if difference_text is not None
                       else f.difference, code=code or f.code)
        return f


def data_rows(block: Block) -> list[Row]:
    """Rows that are neither totals nor groups."""
    return [r for r in block.rows if r.kind is RowKind.DATA]


_CODE = attrgetter("code")


def block_codes(ctx: Context, block: Block) -> tuple[str, ...]:
    """The code of each row of ``block`` (``""`` for a row without one), in print order:
    made once per run and shared by the rules that look at codes (on a big table one
    pass of C code, and one tuple, instead of one per rule; a tuple of strings is left
    alone by the garbage collector after its first look)."""
    return _block_codes(ctx, block).codes


def codes_increase(ctx: Context, block: Block) -> bool:
    """True when the printed codes of ``block`` (rows without one left out) strictly
    increase, as tables print the hierarchy depth first (201, 20101, 2010101, 2010102,
    20102 …): every code is then printed once. Worked out once per run."""
    kept = _block_codes(ctx, block)
    if kept.increasing is None:
        codes: Iterable[str] = kept.codes
        if "" in kept.codes:  # rows without a code are left out
            codes = tuple(filter(None, codes))
        # operator.lt over the codes and the codes after them: one pass of C code
        kept.increasing = all(map(lt, codes, islice(codes, 1, None)))
    return kept.increasing


class _Codes:
    """The rows' codes of a block, and whether they increase (worked out when asked)."""

    __slots__ = ("codes", "increasing")

    def __init__(self, codes: tuple[str, ...]) -> None:
        self.codes = codes
        self.increasing: bool | None = None


def _block_codes(ctx: Context, block: Block) -> _Codes:
    kept = ctx.once(_codes_kept)
    hit = kept.get(id(block))
    if hit is not None and hit[0] is block:
        return hit[1]
    entry = _Codes(tuple([c or "" for c in map(_CODE, block.rows)]))
    kept[id(block)] = (block, entry)  # the block itself too: its id is unique while alive
    return entry


def _codes_kept(_: Context) -> dict[int, tuple[Block, _Codes]]:
    """The rows' codes of each block looked at so far in a run (see `block_codes`)."""
    return {}
