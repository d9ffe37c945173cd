"""The tokenizer of prose: the figures of a text, in order (see `govbudget.prose`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final, NamedTuple

from .._chars import NUMBER, translation
from .._money import Money, Unit
from .._pattern_cache import compile_pattern

_ZERO: Final = Decimal(0)


# -- prose: tokens -------------------------------------------------------------------------

_PROSE_TRANS: Final = translation({
    "＋": "+", "＝": "=", "＊": "*", "﹡": "*", "✕": "×", "／": "/", "－": "-",
    "～": "~", "\u3000": " ", "\u00a0": " ",
})
_PROSE_CHARS_RE: Final = compile_pattern("[" + re.escape("".join(map(chr, _PROSE_TRANS))) + "]")
_NUM: Final = NUMBER
_CN_DIGITS: Final = "一二两三四五六七八九十百"
_OP: Final = r"[×xX*÷/+\-]"
_MONEY_UNIT: Final = r"(?:亿元|万元|千元|元)"
# A number not glued to a digit, a point or a comma before it; digits grouped by commas
# only after one to three digits (the look-behind before a group, tried only where a
# comma follows digits, keeps ``0001,000`` from being read). Written as a digit and then
# the lookbehind (checked at the second character: ``[\d.,]\d``), not ``(?<![\d.,])`` first:
# a pattern that starts with ``\d`` lets the regex engine skip ahead to the next digit, one
# that starts with a lookbehind tries it at every position (the matches are the same).
_NUM_FREE: Final = r"\d(?<![\d.,]\d)\d*(?:(?<!\d{4}),\d{3})*(?:\.\d+)?"
_FORMULA_RE: Final = compile_pattern(
    rf"({_NUM_FREE}(?:\s*{_OP}\s*{_NUM})+)\s*=\s*({_NUM})\s*({_MONEY_UNIT})?")
_PER_UNITS: Final = r"(?:人次|课时|学时|小时|[人名位天日年月期次场台个户件套辆])"
_PER_UNITS_RE: Final = compile_pattern(_PER_UNITS)
_RATE_EACH_RE: Final = compile_pattern(
    rf"((?:每{_PER_UNITS})+)\s*(约|按|为|计)?\s*({_NUM})\s*({_MONEY_UNIT})?\s*(?:的)?(标准)?")
_RATE_SLASH_RE: Final = compile_pattern(
    rf"({_NUM_FREE})\s*({_MONEY_UNIT})((?:\s*[/·]\s*(?:人次|人天|课时|学时|小时|[\u4e00-\u9fff]))+)")
_MONEY_RE: Final = compile_pattern(rf"({_NUM_FREE})\s*({_MONEY_UNIT})(?!\s*/)")
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
_QTY_RE: Final = compile_pattern(
    rf"(\d(?<![\d.,第]\d)\d*(?:(?<!\d{{4}}),\d{{3}})*(?:\.\d+)?(?:\s*[-~至到]\s*{_NUM})?"
    rf"|[{_CN_DIGITS}](?<![\d.,第][{_CN_DIGITS}])[{_CN_DIGITS}]*)\s*("
    + "|".join(u for u in _QTY_UNITS if len(u) > 1)
    + "|[" + "".join(u for u in _QTY_UNITS if len(u) == 1) + "])")
_OP_SPLIT: Final = compile_pattern(r"\s*([×xX*÷/+\-])\s*")
_SLASH_SPLIT: Final = compile_pattern(r"\s*[/·]\s*")
_RANGE_SPLIT: Final = compile_pattern(r"\s*[-~至到]\s*")
_STOP_RE: Final = compile_pattern(r"[。！？!?\n]")
_CLAUSE: Final = "，,；;。！？!?\n"
_UP_TO_CLAUSE: Final = compile_pattern(f".*[{_CLAUSE}]", re.S)
_TOTAL_WORDS: Final = ("合计", "总计", "共计", "共需", "总共", "累计", "小计", "一共", "总额",
                       "总金额")
_PART_WORDS: Final = ("其中", "含", "包括")
# ``any(w in s for w in words)`` as one search.
_TOTAL_RE: Final = compile_pattern("|".join(_TOTAL_WORDS))
_PART_RE: Final = compile_pattern("|".join(_PART_WORDS))
_APPROX_BEFORE: Final = ("约", "近", "大概", "大约")
_BOUND_BEFORE: Final = ("至少", "不少于", "不低于", "最少")
# ``any(w in s for w in words)`` as one search.
_APPROX_BEFORE_RE: Final = compile_pattern("|".join(_APPROX_BEFORE))
_BOUND_BEFORE_RE: Final = compile_pattern("|".join(_BOUND_BEFORE))
# Units of prose as one: 名, 位, 人次 count people; 日 is 天; a rate 每月 is per 个月 (the
# indicator grammar's month: 12个月 × 每月14300元).
_UNIT_ALIASES: Final = {"日": "天", "人次": "人", "名": "人", "位": "人", "月": "个月"}


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
        if self.unit == "千元":
            return Money.of(self.value * 1000, Unit.YUAN)
        return Money.of(self.value, Unit.parse(self.unit))


def _flags(text: str, start: int, end: int) -> tuple[bool, bool, bool]:
    before = text[max(0, start - 4):start]
    after = text[end:end + 2]
    approx = _APPROX_BEFORE_RE.search(before, max(0, len(before) - 3)) is not None \
        or after.startswith(("左右", "余", "多"))
    bound = _BOUND_BEFORE_RE.search(before) is not None or after.startswith("以上")
    exact = after.startswith("整")
    return approx, exact, bound


@functools.lru_cache(maxsize=2048)
def _normalised(text: str) -> str:
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
    text = _normalised(raw)
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
    start, end = _window_span(text, toks, i)
    return text[start:end]


def _window_span(text: str, toks: Sequence[_Tok], i: int) -> tuple[int, int]:
    """Where `_window` of token ``i`` starts and ends in ``text``."""
    start = 0
    for j in range(i - 1, -1, -1):
        if toks[j].kind in ("money", "formula", "rate"):
            start = toks[j].end
            break
    end = toks[i].start
    m = _UP_TO_CLAUSE.match(text, start, end)  # greedy: up to the last clause mark
    return (m.end() if m else start), end


_NAME_STRIP: Final = " \t：:，,、；;。（）()*×xX"


def _name_of(raw: str, toks: Sequence[_Tok], i: int, start: int, end: int) -> str:
    """The words an amount is stated with: ``raw[start:end]`` (its window) without the
    counts in it and the marks around them (``茶几11个1.2万元`` → ``茶几``)."""
    counts: list[_Tok] = []
    for j in range(i - 1, -1, -1):
        t = toks[j]
        if t.end <= start:
            break
        if t.kind == "qty" and start <= t.start:
            counts.append(t)
    parts: list[str] = []
    pos = start
    for t in reversed(counts):
        parts.append(raw[pos:t.start])
        pos = t.end
    parts.append(raw[pos:end])
    return "".join(p.strip(_NAME_STRIP) for p in parts).strip(_NAME_STRIP)


@functools.lru_cache(maxsize=2048)
def _windows(raw: str) -> tuple[tuple[int, int, bool], ...]:
    """`_window_span` of every amount and formula of ``raw`` (by token index) and whether
    the window makes it a total; ``(0, 0, False)`` for the other tokens (cached: the
    figures, the cost lists and the products all ask)."""
    text = _normalised(raw)
    toks = _scan(raw)
    out: list[tuple[int, int, bool]] = []
    for i, t in enumerate(toks):
        if t.kind in ("money", "formula"):
            start, end = _window_span(text, toks, i)
            out.append((start, end, _is_total(text[start:end])))
        else:
            out.append((0, 0, False))
    return tuple(out)


def _is_total(window: str) -> bool:
    return _TOTAL_RE.search(window) is not None
