"""What an indicator counts, and the counts a text states of it (see `govbudget.prose`)."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence
from typing import Final

from .._pattern_cache import compile_pattern
from ..indicators import unit_in_name, units_compatible
from ._scan import _CLAUSE, _UNIT_ALIASES, _normalised, _scan, _Tok

_QUOTES: Final = str.maketrans("", "", "《》〈〉“”\"'「」『』")
_QUOTE_RE: Final = compile_pattern("[《》〈〉“”\"'「」『』]")


def _unquoted(text: str) -> str:
    """``text`` without quotation marks (a search first: most texts have none, and
    ``translate`` with a table rebuilds the string character by character)."""
    return text.translate(_QUOTES) if _QUOTE_RE.search(text) else text


def unquoted_positions(text: str) -> tuple[int, ...] | None:
    """Where the quotation marks of ``text`` were, counted in ``_unquoted(text)``: the
    ``j``-th mark stood before the character at that position, so a position ``u`` of the
    unquoted text is ``u + bisect_right(marks, u)`` in ``text`` (``None``: no marks)."""
    if not _QUOTE_RE.search(text):
        return None
    return tuple(m.start() - j for j, m in enumerate(_QUOTE_RE.finditer(text)))


_LEADING: Final = ("购置", "购买", "订制", "定制", "更换", "采购", "制定", "完成", "开展", "举办",
                   "组织", "新增", "新建", "配备", "安装", "印制", "制作")
_TRAILING: Final = ("总数量", "总期数", "总人数", "总次数", "数量", "总数", "期数", "人数", "人次",
                    "次数", "场次", "天数", "面积", "个数", "台数", "套数", "件数", "人员数",
                    "的制定", "规模", "数")
_WINDOW: Final = 14
_BRACKETED_RE: Final = compile_pattern(r"[（(]([^（）()]{2,12})[）)]")
_BRACKETS_RE: Final = compile_pattern(r"[（(][^（）()]*[）)]")


@functools.lru_cache(maxsize=4096)
def counted_objects(name: str) -> tuple[tuple[str, bool], ...]:
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
def name_parts(name: str) -> frozenset[str]:
    """`_parts` of the objects of an indicator name (cached: it depends on the name only)."""
    return frozenset(_parts(counted_objects(name)))


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


@functools.lru_cache(maxsize=1024)
def counting_text(raw: str) -> str:
    """A text prepared for counting: normalised, no quotation marks (`count_text`'s
    text, without scanning it for figures: a rule first asks whether a text mentions a
    thing at all; cached, as rules ask it of every project's few texts)."""
    return _unquoted(_normalised(raw))


@functools.lru_cache(maxsize=1024)
def count_text(raw: str) -> tuple[str, tuple[_Tok, ...], list[int], dict[int, int]]:
    """A text prepared for counting (normalised, no quotation marks), its quantities,
    their starts and the index of each quantity by its end (cached: every indicator of
    a project looks at the same few texts). Tokens never overlap, so the starts are
    sorted and each end is one token's."""
    text = counting_text(raw)
    qtys = tuple(t for t in _scan(text) if t.kind == "qty")
    return text, qtys, [q.start for q in qtys], {q.end: k for k, q in enumerate(qtys)}


_BEFORE_GAP: Final = frozenset(_CLAUSE + "：:")
_AFTER_STOP: Final = compile_pattern("[。；;！？!?]")


def counts(raw: str, objects: Sequence[tuple[str, bool]], unit: str,
           foreign: Iterable[str] = ()) -> tuple[int, ...]:
    """The counts of ``unit`` the text states for the first of ``objects`` it mentions with
    one, as indices into `count_text`'s quantities; a mention of a part (not the whole
    object) that belongs to one of the ``foreign`` objects (another indicator's) does not
    count."""
    return _counts_cached(raw, tuple(objects), unit, frozenset(foreign))


@functools.lru_cache(maxsize=4096)
def _counts_cached(raw: str, objects: tuple[tuple[str, bool], ...], unit: str,
                   foreign: frozenset[str]) -> tuple[int, ...]:
    # Cached: a pure function of immutable inputs, and reports of one template repeat
    # their project texts and indicator names.
    return tuple(_counts_of(raw, objects, unit, foreign))


def _counts_of(raw: str, objects: Sequence[tuple[str, bool]], unit: str,
               foreign: Iterable[str]) -> list[int]:
    text, qtys, starts, by_end = count_text(raw)
    others = tuple(foreign)
    n = len(qtys)
    for obj, whole in objects:
        if obj not in text:
            continue
        found: list[int] = []
        pos = text.find(obj)
        while pos >= 0:
            end = pos + len(obj)
            # The count of a mention: the quantity ending right before it (at most one
            # character of gap, not a clause mark), else the first starting within
            # _WINDOW after it in the same sentence, not under 每. The tests below are
            # pure, so the cheap ones go first.
            k = by_end.get(pos - 1)
            if k is None or text[pos - 1] in _BEFORE_GAP:
                k = by_end.get(pos)
            if k is None:
                after = bisect.bisect_left(starts, end)
                if after < n and starts[after] - end <= _WINDOW:
                    gap = text[end:starts[after]]
                    if not _AFTER_STOP.search(gap) and "每" not in gap:
                        k = after
            if k is not None and qtys[k].hi is None and "每" not in text[max(0, pos - 3):pos] \
                    and same_unit(qtys[k].unit, unit) \
                    and (whole or not _qualified(text, pos, end, others)):
                found.append(k)
            pos = text.find(obj, pos + 1)
        if found:
            return found
    return []


def same_unit(a: str, b: str) -> bool:
    """True for units a count and a target may share: the same after the prose's aliases
    (``名``, ``位``, ``人次`` count people; ``日`` is ``天``), or convertible."""
    a, b = _UNIT_ALIASES.get(a, a), _UNIT_ALIASES.get(b, b)
    if a == b:
        return True
    try:
        return units_compatible(a, b)
    except ValueError:
        return False
