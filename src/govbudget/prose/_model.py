"""The typed figures of prose and `parse_prose`, which reads them (see `govbudget.prose`)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext
from typing import Final, NamedTuple

from attrs import frozen

from .._money import Money, Unit
from ..indicators import canonical_unit
from . import _counts, _lists
from ._scan import _name_of, _normalised, _scan, _Tok, _windows

__all__ = ["Amount", "CostList", "Count", "Formula", "Product", "Prose", "Rate", "Term",
           "parse_prose"]

_ZERO: Final = Decimal(0)
_MONEY_UNITS: Final = ("元", "万元", "亿元", "千元")


def _plain(value: Decimal) -> str:
    """A number as printed in prose: plain digits (never an exponent)."""
    return format(value, "f")


def money_of(value: Decimal, unit: str) -> Money:
    """An amount of prose as `Money` (``千元`` in 元)."""
    if unit == "千元":
        return Money.of(value * 1000, Unit.YUAN)
    return Money.of(value, Unit.parse(unit))


@frozen
class Amount:
    """An amount of money the text states: ``3500元``, ``1.5万元``, or the result of
    written arithmetic in money (``12×2500=30000元``: its text is the whole formula).

    Attributes:
        value: the number as printed; ``unit``: ``元``, ``万元``, ``亿元`` or ``千元``.
        text: the text it was read from; ``start``, ``end``: where, in the field's text.
        line: the line it stands on (``None`` when the field's lines are unknown).
        approx: ``约``, ``左右`` … mark it an estimate; ``exact``: followed by ``整``.
        name: the words it is stated with, in its clause since the previous amount,
            without counts (``书柜24个3.6万元`` → ``书柜``; ``合计`` for a total); ``""``
            when there are none.

    ```pycon
    >>> from decimal import Decimal
    >>> a = Amount(Decimal("2.33"), "万元")
    >>> str(a), a.money.yuan, a.quantum
    ('2.33万元', Decimal('23300.00'), Decimal('100.00'))

    ```
    """

    value: Decimal
    unit: str = "元"
    text: str = ""
    start: int = 0
    end: int = 0
    line: int | None = None
    approx: bool = False
    exact: bool = False
    name: str = ""

    def __str__(self) -> str:
        return _plain(self.value) + self.unit

    @property
    def money(self) -> Money:
        """The amount as `govbudget.Money`."""
        return money_of(self.value, self.unit)

    @property
    def quantum(self) -> Decimal:
        """The rounding quantum, in 元: the last printed digit of an amount in 万元 or 亿元
        with two decimals or more (``2.33万元`` may be 23,331 元 rounded); every other
        amount is exact (``8万元``, ``1.5万元``, ``3500元``, and any amount followed by
        整): prose states budgeted figures, and a rounded one shows the tables' two
        decimals."""
        exp = self.value.as_tuple().exponent
        if self.exact or self.unit not in ("万元", "亿元") or not isinstance(exp, int) \
                or exp > -2:
            return _ZERO
        return money_of(Decimal(1).scaleb(exp), self.unit).yuan


@frozen
class Formula:
    """Written arithmetic: ``12×2500=30000元``, ``30000+8000+2000=40000元``, ``3+2=5``.

    Attributes:
        operands, ops: the left side (``ops`` among ``× x X * ÷ / + -``).
        result: the number after ``=``; ``unit``: its money unit, ``""`` when it has none
            (arithmetic only, no amount).
        text, start, end, line, approx, exact, name: as for `Amount`.

    ```pycon
    >>> f = parse_prose("全年12期合计：12×2500=30000元").formulas[0]
    >>> str(f), f.left(), f.amount.money.yuan
    ('12×2500=30000元', Decimal('30000'), Decimal('30000'))

    ```
    """

    operands: tuple[Decimal, ...]
    ops: tuple[str, ...]
    result: Decimal
    unit: str = "元"
    text: str = ""
    start: int = 0
    end: int = 0
    line: int | None = None
    approx: bool = False
    exact: bool = False
    name: str = ""

    def __str__(self) -> str:
        left = _plain(self.operands[0]) + "".join(
            op + _plain(x) for op, x in zip(self.ops, self.operands[1:], strict=True))
        return f"{left}={_plain(self.result)}{self.unit}"

    @property
    def amount(self) -> Amount | None:
        """The result as an amount (``None`` for arithmetic with no money unit)."""
        if not self.unit:
            return None
        return Amount(self.result, self.unit, self.text, self.start, self.end, self.line,
                      self.approx, self.exact, self.name)

    @property
    def is_product(self) -> bool:
        """Every operator multiplies."""
        return bool(self.ops) and all(o in "×xX*" for o in self.ops)

    @property
    def is_sum(self) -> bool:
        """Every operator adds."""
        return bool(self.ops) and all(o == "+" for o in self.ops)

    def left(self) -> Decimal | None:
        """The left side computed, × and ÷ before + and −; ``None`` when it cannot be
        (division by zero)."""
        with localcontext() as c:
            c.prec = 40
            try:
                terms: list[Decimal] = []
                signs: list[int] = []
                cur = self.operands[0]
                sign = 1
                for op, x in zip(self.ops, self.operands[1:], strict=True):
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


@frozen
class Count:
    """A number of things: ``50人``, ``3天``, ``十二期``, ``1-2天`` (a range).

    Attributes:
        value: the number (the lower end of a range); ``high``: a range's upper end.
        unit: the counting unit, canonical in prose (``名``, ``位``, ``人次`` → ``人``,
            ``日`` → ``天``); a month is ``个月``, as in the indicator grammar.
        bound: ``至少``, ``不少于`` … make it a lower bound.
        text, start, end, line, approx: as for `Amount`.

    ```pycon
    >>> [str(c) for c in parse_prose("培训学员50名，为期1-2天").counts]
    ['50人', '1至2天']

    ```
    """

    value: Decimal
    unit: str
    text: str = ""
    start: int = 0
    end: int = 0
    line: int | None = None
    high: Decimal | None = None
    approx: bool = False
    bound: bool = False

    def __str__(self) -> str:
        if self.high is not None:
            return f"{_plain(self.value)}至{_plain(self.high)}{self.unit}"
        return _plain(self.value) + self.unit


@frozen
class Rate:
    """An amount per something: ``300元/天/台``, ``每人每天200元``, ``每人600的标准``.

    Attributes:
        value, unit: the amount and its money unit; ``per``: what it is per, in order
            (canonical as a count's unit: ``每月`` is per ``个月``).
        text, start, end, line, approx: as for `Amount`.

    ```pycon
    >>> r = parse_prose("按照每人每天约200元的标准").rates[0]
    >>> str(r), r.rate_unit, r.approx
    ('200元/人/天', '元/人/天', True)

    ```
    """

    value: Decimal
    unit: str
    per: tuple[str, ...]
    text: str = ""
    start: int = 0
    end: int = 0
    line: int | None = None
    approx: bool = False

    def __str__(self) -> str:
        return _plain(self.value) + "/".join((self.unit, *self.per))

    @property
    def money(self) -> Money:
        """The amount of one unit as `govbudget.Money`."""
        return money_of(self.value, self.unit)

    @property
    def rate_unit(self) -> str:
        """The canonical unit of the rate (``元/人/天``), ``""`` when it is no unit of the
        indicator grammar."""
        return _rate_unit(self.unit, self.per)


@functools.lru_cache(maxsize=256)
def _rate_unit(unit: str, per: tuple[str, ...]) -> str:
    try:
        return canonical_unit("/".join((unit, *per)))
    except ValueError:
        return ""


@frozen
class Term:
    """A rate and the quantities it is multiplied by (``40人`` × ``12天`` × ``200元/人/天``)."""

    rate: Rate
    counts: tuple[Count, ...]

    def __str__(self) -> str:
        return "×".join([*(c.text.strip() for c in self.counts), self.rate.text.strip()])

    @property
    def computed(self) -> Money:
        """The rate times its quantities, in 元."""
        v = self.rate.money.yuan
        for c in self.counts:
            v *= c.value
        return Money.of(v, Unit.YUAN)


@frozen
class Product:
    """A quantity × rate statement and the amount stated with it: ``学员50人，每人600的
    标准，预计共需3万元``; several terms add up (``甲组…，乙组…，共计…``).

    Attributes:
        terms: each rate with its quantities.
        stated: the amount the statement gives.
        estimate: some figure is an estimate (``约``, ``左右``), or the amount was stated
            before the quantities.

    ```pycon
    >>> p = parse_prose("学员50人，每人600的标准，预计共需3万元").products[0]
    >>> str(p), p.computed.amount, p.stated.money.yuan
    ('50人×每人600的标准', Decimal('30000'), Decimal('30000'))

    ```
    """

    terms: tuple[Term, ...]
    stated: Amount
    estimate: bool = False

    def __str__(self) -> str:
        return " + ".join(str(t) for t in self.terms)

    @property
    def computed(self) -> Money:
        """Σ rate × its quantities, in 元."""
        return Money.of(sum((t.computed.amount for t in self.terms), _ZERO), Unit.YUAN)


@frozen
class CostList:
    """Itemised costs and the total stated for them (``书架6个1.5万元，文件柜8个2.4万元，
    合计3.9万元``).

    Attributes:
        total: the stated total; ``formula``: the total's arithmetic when it was written
            as such (``合计：12×2500=30000元``).
        items: the amounts since the previous total; ``subtotals``: the totals closed
            before this one in the same list.
        etc: the list ends with ``等`` (it says it is not exhaustive).
        header: the total was stated before ``其中`` and closes the list that follows.

    ```pycon
    >>> c = parse_prose("书架6个1.5万元，文件柜8个2.4万元，合计3.9万元").cost_lists[0]
    >>> [(a.name, str(a)) for a in c.items], str(c.total), c.total.name
    ([('书架', '1.5万元'), ('文件柜', '2.4万元')], '3.9万元', '合计')

    ```
    """

    total: Amount
    items: tuple[Amount, ...] = ()
    subtotals: tuple[Amount, ...] = ()
    etc: bool = False
    header: bool = False
    formula: Formula | None = None

    def readings(self) -> tuple[tuple[Amount, ...], ...]:
        """What may add up to the total, in order: the items (one alone, with no subtotal
        before it, must be the total), the subtotals and the items, the subtotals alone
        (two or more, when no item follows them); for a total before ``其中``, the
        subtotals and items after it (two or more). Any one adding up is agreement; none
        leaves the list unchecked."""
        if self.header:
            terms = (*self.subtotals, *self.items)
            return (terms,) if len(terms) >= 2 else ()
        out: list[tuple[Amount, ...]] = []
        if len(self.items) >= 2 or (self.items and not self.subtotals):
            out.append(self.items)  # a single item with its total is checked too
        if self.subtotals and self.items:
            out.append((*self.subtotals, *self.items))
        if len(self.subtotals) >= 2 and not self.items:
            out.append(self.subtotals)
        return tuple(out)


@frozen
class Prose:
    """The figures of one text field (`parse_prose`). They are read from the text when
    first asked for and kept (a field whose figures nobody asks for costs nothing), and
    they are always the text's: the text and its lines are all a `Prose` holds (and all
    it serialises).

    Attributes:
        text: the text, as given.
        lines: where each of its lines starts: ``(offset, line number)`` pairs in order.

    The figures (properties): `amounts` (items, totals, formulas' results in money, in
    order), `rates`, `formulas` (written arithmetic), `counts` (numbers of things, read
    for counting: quotation marks ignored, ``《专题节目》12期``; `counts_of` finds those of
    a thing), `cost_lists` (itemised costs with their totals), `products` (quantity ×
    rate statements with the amount stated for them) and `total` (what the text states
    as the cost: its largest total, 合计, 共计 …, or its only amount).
    """

    text: str = ""
    lines: tuple[tuple[int, int], ...] = ()

    @functools.cached_property
    def _figures(self) -> _Figures:
        return _figures_of(self.text, self.lines) if self.text else _NO_FIGURES

    @property
    def amounts(self) -> tuple[Amount, ...]:
        """Every amount, in order."""
        return self._figures.amounts

    @property
    def rates(self) -> tuple[Rate, ...]:
        """Every rate, in order."""
        return self._figures.rates

    @property
    def formulas(self) -> tuple[Formula, ...]:
        """Every piece of written arithmetic, in order."""
        return self._figures.formulas

    @property
    def cost_lists(self) -> tuple[CostList, ...]:
        """The itemised costs with their totals."""
        return self._figures.cost_lists

    @property
    def products(self) -> tuple[Product, ...]:
        """The quantity × rate statements with the amount stated for them."""
        return self._figures.products

    @property
    def total(self) -> Amount | None:
        """What the text states as the cost: its largest total, or its only amount."""
        return self._figures.total

    @functools.cached_property
    def counts(self) -> tuple[Count, ...]:
        """The numbers of things, in order, read for counting."""
        return _counts_of_text(self.text, self.lines) if self.text else ()

    @property
    def counting_text(self) -> str:
        """The text as read for counting: normalised (full-width digits and signs in
        ASCII), without quotation marks."""
        return _counts.counting_text(self.text) if self.text else ""

    def counts_of(self, objects: Sequence[tuple[str, bool]], unit: str,
                  foreign: Iterable[str] = ()) -> tuple[Count, ...]:
        """The counts of ``unit`` the text states for the first of ``objects``
        (`counted_objects` of an indicator's name) it mentions with one: the number and
        unit right before the mention (``12期《专题节目》``) or the first within 14
        characters after it in the same clause (``专题节目，全年共计制作12期``); a count under
        ``每…`` or a range is not a total. A mention of a part of the name (not the whole
        object) that belongs to one of the ``foreign`` objects (another indicator's)
        does not count.

        ```pycon
        >>> p = parse_prose("全年制作专题节目12期，访谈节目6期")
        >>> [str(c) for c in p.counts_of(counted_objects("专题节目总期数"), "期")]
        ['12期']

        ```
        """
        if not self.text:
            return ()
        return _counts_in(self.text, self.lines, tuple(objects), unit, frozenset(foreign))


def counted_objects(name: str) -> tuple[tuple[str, bool], ...]:
    """What an indicator's name counts, most specific first, each with ``True`` for what
    the name states whole and ``False`` for a part of it: a bracketed word that is not a
    unit (``人数（女职工）`` counts 女职工), then the name without brackets, leading verbs
    (购置, 订制, 开展 …) and trailing measure words (数量, 总期数, 人数 …), then its parts
    of three characters or more, longest first, then its last two characters.

    ```pycon
    >>> counted_objects("购置书架数量")[0]
    ('书架', True)

    ```
    """
    return _counts.counted_objects(name)


def name_parts(name: str) -> frozenset[str]:
    """The strings of three characters or more the objects of an indicator's name are
    made of (to tell one indicator's mentions from another's)."""
    return _counts.name_parts(name)


# -- building the typed figures -------------------------------------------------------------


class _Lines:
    """Offsets of a text to the lines they stand on."""

    __slots__ = ("nos", "starts", "where")

    def __init__(self, lines: Sequence[tuple[int, int]],
                 where: tuple[int, ...] | None = None) -> None:
        self.starts = [o for o, _ in lines]
        self.nos = [n for _, n in lines]
        self.where = where  # the quotation marks the counting view left out

    def line(self, pos: int) -> int | None:
        if not self.starts:
            return None
        k = bisect.bisect_right(self.starts, pos) - 1
        return self.nos[max(k, 0)]

    def span(self, t: _Tok) -> tuple[int, int]:
        marks = self.where
        if not marks:
            return t.start, t.end
        last = t.end - 1
        return (t.start + bisect.bisect_right(marks, t.start),
                last + bisect.bisect_right(marks, last) + 1)


def _amount(t: _Tok, at: _Lines, name: str) -> Amount:
    start, end = at.span(t)
    return Amount(t.value, t.unit, t.text, start, end, at.line(start), t.approx, t.exact,
                  name)


def _formula(t: _Tok, at: _Lines, name: str) -> Formula:
    return Formula(t.operands, t.ops, t.value, "" if t.bare else t.unit, t.text, t.start,
                   t.end, at.line(t.start), t.approx, t.exact, name)


def _count(t: _Tok, at: _Lines) -> Count:
    start, end = at.span(t)
    return Count(t.value, t.unit, t.text, start, end, at.line(start), t.hi, t.approx, t.bound)


def _rate(t: _Tok, at: _Lines) -> Rate:
    return Rate(t.value, t.unit, t.dens, t.text, t.start, t.end, at.line(t.start), t.approx)


def parse_prose(text: str, lines: Sequence[tuple[int, int]] = ()) -> Prose:
    """Read the figures of a text field (see `govbudget.prose` for the grammar).

    Args:
        text: the field's text (wrapped lines joined).
        lines: where each of its lines starts: ``(offset, line number)`` pairs in order;
            each figure gets the line it starts on. Without them, lines are ``None``.

    Never raises on odd text: what is not a figure is left alone.

    ```pycon
    >>> p = parse_prose("购置书架6个1.5万元，\\n合计1.5万元", lines=((0, 40), (11, 41)))
    >>> [(str(a), a.line) for a in p.amounts]
    [('1.5万元', 40), ('1.5万元', 41)]

    ```
    """
    return Prose(text, tuple(lines)) if text else _EMPTY


class _Figures(NamedTuple):
    amounts: tuple[Amount, ...]
    rates: tuple[Rate, ...]
    formulas: tuple[Formula, ...]
    cost_lists: tuple[CostList, ...]
    products: tuple[Product, ...]
    total: Amount | None


_NO_FIGURES: Final = _Figures((), (), (), (), (), None)
_EMPTY: Final = Prose()


@functools.lru_cache(maxsize=2048)
def _count_view(text: str, lines: tuple[tuple[int, int], ...]) -> tuple[_Lines, tuple[_Tok, ...]]:
    """The counting view's lines and quantities of a text (the counts are built from them
    when asked for: a rule looks at the few a thing has)."""
    return _Lines(lines, _counts.unquoted_positions(_normalised(text))), _counts.count_text(text)[1]


@functools.lru_cache(maxsize=4096)
def _counts_in(text: str, lines: tuple[tuple[int, int], ...],
               objects: tuple[tuple[str, bool], ...], unit: str,
               foreign: frozenset[str]) -> tuple[Count, ...]:
    # Cached: a pure function of immutable inputs, and every indicator of a project asks
    # the same few texts (reports of one template repeat texts and indicator names).
    found = _counts._counts_of(text, objects, unit, foreign)
    if not found:
        return ()
    at, qtys = _count_view(text, lines)
    return tuple(_count(qtys[k], at) for k in found)


def _counts_of_text(text: str, lines: tuple[tuple[int, int], ...]) -> tuple[Count, ...]:
    at, qtys = _count_view(text, lines)
    return tuple(_count(q, at) for q in qtys)


@functools.lru_cache(maxsize=2048)
def _figures_of(text: str, lines: tuple[tuple[int, int], ...]) -> _Figures:
    # Cached: the figures are immutable, and a report repeats texts (tables of one
    # template repeat whole paragraphs).
    at = _Lines(lines)
    toks = _scan(text)
    amounts: list[Amount] = []
    by_tok: dict[int, Amount] = {}  # a token's start → its amount
    rates: list[Rate] = []
    rate_of: dict[int, Rate] = {}
    formulas: list[Formula] = []
    formula_of: dict[int, Formula] = {}
    totals: list[Amount] = []
    windows = _windows(text)
    for i, t in enumerate(toks):
        if t.kind not in ("formula", "money"):
            if t.kind == "rate":
                r = _rate(t, at)
                rates.append(r)
                rate_of[t.start] = r
            continue
        start, end, is_total = windows[i]
        name = _name_of(text, toks, i, start, end)
        if t.kind == "formula":
            f = _formula(t, at, name)
            formulas.append(f)
            formula_of[t.start] = f
        if t.is_amount:
            a = _amount(t, at, name)
            amounts.append(a)
            by_tok[t.start] = a
            if is_total:
                totals.append(a)
    raw_qtys = {t.start: t for t in toks if t.kind == "qty"}

    def amount_of(t: _Tok) -> Amount:
        return by_tok[t.start]

    def count_of(t: _Tok) -> Count:
        return _count(raw_qtys[t.start], at)

    lists = []
    for rl in _lists.cost_lists(text):
        c = CostList(amount_of(rl.total), tuple(map(amount_of, rl.items)),
                     tuple(map(amount_of, rl.subtotals)), rl.etc, rl.header,
                     formula_of.get(rl.total.start) if rl.total.kind == "formula" else None)
        if c.readings():
            lists.append(c)
    products = [
        Product(tuple(Term(rate_of[r.start], tuple(map(count_of, qs))) for r, qs in p.groups),
                amount_of(p.stated), p.estimate)
        for p in _lists.products(text)]
    total = max(totals, key=lambda a: a.money.yuan) if totals else (
        amounts[0] if len(amounts) == 1 else None)
    return _Figures(tuple(amounts), tuple(rates), tuple(formulas), tuple(lists),
                    tuple(products), total)
