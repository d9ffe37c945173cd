"""Reading prose (项目概况): tokens, cost lists, products and counts."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal, DivisionByZero, InvalidOperation, localcontext
from typing import Final, NamedTuple

from attrs import define, field, frozen

from ..._chars import NUMBER, translation
from ..._money import Money, Unit
from ...indicators import (
    unit_in_name,
    units_compatible,
)

_SECTION: Final = "performance"
_TABLE: Final = "performance"
_ZERO: Final = Decimal(0)


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
