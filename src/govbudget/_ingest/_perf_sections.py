"""The sections of a performance target table: labels, vertical labels, where each
field starts (see `govbudget._ingest._performance`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from .._pattern_cache import compile_pattern
from .._record import Record
from ._perf_words import (
    _AMBIGUOUS,
    _L1,
    _L1_TUPLE,
    _L2,
    _SPACES_COLONS,
    _VERTICAL_NOISE,
    _is_cjk,
)
from ._text import Line

# -- sections -----------------------------------------------------------------------------

_LABELS: Final[tuple[tuple[str, str], ...]] = tuple(sorted((
    ("project", "项目名称"),
    ("department", "主管部门及代码"), ("department", "主管部门及编码"),
    ("department", "主管部门（单位）及代码"), ("department", "主管部门"), ("department", "主管单位"),
    ("implementer", "项目实施单位"), ("implementer", "实施单位"),
    ("attribute", "项目属性"), ("attribute", "项目类型"),
    ("duration", "项目期限"), ("duration", "项目周期"), ("duration", "项目期"),
    ("duration", "实施周期"),
    ("funding", "项目资金"), ("funding", "实施期资金总额"), ("funding", "年度资金总额"),
    ("funding", "资金总额"), ("funding", "资金来源"), ("funding", "资金情况"),
    ("funding", "专项资金情况"),
    ("overview", "项目概况"), ("overview", "项目简介"), ("overview", "项目基本情况"),
    ("basis", "立项依据"),
    ("necessity", "项目设立必要性"), ("necessity", "项目设立的必要性"),
    ("measures", "保证项目实施的制度、措施"), ("measures", "保证项目实施的制度和措施"),
    ("measures", "项目实施保障措施"), ("measures", "保障措施"),
    ("plan", "项目实施计划"), ("plan", "实施计划"),
    ("goals", "实施期目标"), ("goals", "总体目标"), ("goals", "年度绩效目标"),
    # a table with the year's goal alone, labelled so (福建: 年度目标 | text)
    ("goal_year", "年度目标"),
), key=lambda kv: -len(kv[1])))
_LABELS_BY_HEAD: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    head: tuple(kv for kv in _LABELS if kv[1][:2] == head) for head in {lab[:2] for _, lab in _LABELS}
}
_MAX_LABEL: Final = max(len(lab) for _, lab in _LABELS)
_BEFORE_GRID: Final = frozenset({"goals", "goal_year", "plan", "measures", "funding"})
_SHORT_KEYS: Final = ("project", "department", "implementer", "attribute", "duration")
_SHORT_LABELS: Final = tuple((k, lab) for k, lab in _LABELS if k in _SHORT_KEYS)
_SHORT_LABEL_TEXTS: Final = tuple(lab for _, lab in _SHORT_LABELS)
_TEXT_KEYS: Final = ("overview", "basis", "necessity", "measures", "plan")
_FOOTER_WORDS: Final = ("单位负责人", "项目负责人", "负责人", "填报人", "经办人", "填报日期")
_FOOTER_RE: Final = compile_pattern(r"^(?:" + "|".join(_FOOTER_WORDS) + r")\s*[:：]")
_DIGITS_LINE: Final = compile_pattern(r"^[\d\-./:年月日 ]+$")


class _Section(Record):
    __slots__ = ("items", "key", "label", "line")

    def __init__(self, key: str, label: str, line: int) -> None:
        self.key = key
        self.label = label
        self.line = line
        self.items: list[Line] = []


def _merge_vertical(body: Sequence[Line]) -> list[Line]:
    """Merge runs of one-character lines: drop ``绩/效/指/标``, keep ``产/出/指/标`` as a label."""
    out: list[Line] = []
    run: list[Line] = []

    def close() -> None:
        if len(run) >= 2:
            word = "".join(x.text for x in run)
            if word in _VERTICAL_NOISE:
                run.clear()
                return
            if word in _L1 or word in _L2 or word == _AMBIGUOUS:
                out.append(Line(run[0].no, word))
                run.clear()
                return
        out.extend(run)
        run.clear()

    # Only the lines of at most one character are looked at one by one; the lines
    # between them (each would close the run) are moved as slices.
    i = 0  # the first line not placed yet
    for k in [k for k, ln in enumerate(body) if len(ln.text) < 2]:
        if k > i:
            if run:
                close()
            out += body[i:k]
        i = k + 1
        ln = body[k]
        t = ln.text
        if not t:
            continue
        if _is_cjk(t):
            run.append(ln)
            continue
        if run:
            close()
        out.append(ln)
    if i < len(body):
        if run:
            close()
        out += body[i:]
    close()
    return out


# The first two characters of every line that can open a section: a label, a footer or
# the grid's first level (the grid's header line holds 一级指标).
_FOOTER_HEADS: Final = frozenset(w[:2] for w in _FOOTER_WORDS)
# For each head, the labels starting with it by length, longest first: (size, {label: key}).
_LABELS_BY_SIZE: Final[dict[str, tuple[tuple[int, dict[str, str]], ...]]] = {
    head: tuple((size, {lab: k for k, lab in labels if len(lab) == size})
                for size in sorted({len(lab) for _, lab in labels}, reverse=True))
    for head, labels in _LABELS_BY_HEAD.items()
}
_LABEL_HEADS: Final = frozenset({*_LABELS_BY_HEAD, *_FOOTER_HEADS,
                                 *(w[:2] for w in _L1_TUPLE)})
# Heads that can only start the grid (产出指标 …): such a line opens nothing once it has.
_GRID_HEADS: Final = frozenset(w[:2] for w in _L1_TUPLE) - set(_LABELS_BY_HEAD) - _FOOTER_HEADS


def _match_label(text: str, seen: set[str], grid_ok: bool) -> tuple[str, str, str] | None:
    """The section a line opens: (key, label, rest of the line)."""
    if "grid" not in seen and "一级指标" in text and ("三级指标" in text or "指标值" in text):
        return "grid", text, ""
    head = text[:2]
    if "footer" not in seen and head in _FOOTER_HEADS and _FOOTER_RE.match(text):
        return "footer", "", text
    if grid_ok and "grid" not in seen and text.startswith(_L1_TUPLE):
        return "grid", "", text
    # The first label in _LABELS_BY_HEAD order (longest first) that starts the line and
    # whose section is not open yet: a line starts with at most one label of each length.
    for size, keys in _LABELS_BY_SIZE.get(head, ()):
        label = text[:size]
        key = keys.get(label)
        if key is None or key in seen or (key == "goal_year" and "goals" in seen):
            continue  # (年度目标 under an open 实施期目标 | 年度目标 goals: a header of it)
        rest = text[size:]
        if rest.startswith(label):  # bold label drawn twice
            rest = rest[len(label):]
        if key == "funding":
            return key, label, text
        return key, label, rest.lstrip(_SPACES_COLONS)
    return None


def _wrapped_label(text: str, nxt: str, seen: set[str]) -> tuple[str, str, str] | None:
    if not 3 <= len(text) < _MAX_LABEL:
        return None
    for key, label in _LABELS_BY_HEAD.get(text[:2], ()):
        if key in seen or len(label) <= len(text) or not label.startswith(text) or (
                key == "goal_year" and "goals" in seen):
            continue
        rem = label[len(text):]
        if nxt.startswith(rem):
            rest = nxt[len(rem):].lstrip(_SPACES_COLONS)
            return key, label, (label + " " + rest if key == "funding" else rest)
    return None


def _scan(body: list[Line]) -> tuple[list[Line], list[_Section]]:
    """Cut a table's lines (title excluded, blanks removed) into labelled sections."""
    pre: list[Line] = []
    sections: list[_Section] = []
    seen: set[str] = set()
    items = pre  # where lines go: the open section's items (before any section, pre)
    n = len(body)
    # Only the lines where a label, footer or grid can start (see _match_label,
    # _wrapped_label) are looked at one by one; the lines between them are moved as slices.
    heads = _LABEL_HEADS
    candidates = [k for k, ln in enumerate(body) if ln.text[:2] in heads or "一级指标" in ln.text]
    i = 0  # the first line not placed yet
    for k in candidates:
        if k < i:
            continue  # the second line of a wrapped label
        items += body[i:k]
        ln = body[k]
        t = ln.text
        if "grid" in seen and t[:2] in _GRID_HEADS:
            items.append(ln)  # a grid row (see _match_label, _wrapped_label)
            i = k + 1
            continue
        grid_ok = not seen.isdisjoint(_BEFORE_GRID)
        m = _match_label(t, seen, grid_ok)
        step = 1
        rest_no = ln.no
        if m is None and k + 1 < n:
            m = _wrapped_label(t, body[k + 1].text, seen)
            if m is not None:
                step = 2
                rest_no = body[k + 1].no
        if m is not None:
            key, label, rest = m
            seen.add(key)
            cur = _Section(key, label, ln.no)
            if rest:
                cur.items.append(Line(rest_no, rest))
            sections.append(cur)
            items = cur.items
            i = k + step
        else:
            items.append(ln)
            i = k + 1
    items += body[i:]
    return pre, sections
