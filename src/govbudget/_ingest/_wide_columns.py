"""The columns of a table in wide text: header leaves and zones, figures matched to columns.

Used by `govbudget._ingest._wide`. The cells of the lowest header line that no other cell
spans are the *leaf* columns; a cell above that spans several leaves is their parent
(``财政拨款`` over ``一般公共预算 | 政府性基金``), a cell above one leaf is the top of its
wrapped label. Label columns (项目, 科目名称 …) start a *zone*. A row's amount cells are
matched to the amount columns one for one when it has a figure in every column, else by
position (with one common shift of the line allowed), and not at all when two matchings
are about as good.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from typing import Final

from .._lazy_re import lazy
from .._pattern_cache import compile_pattern
from .._tables import Doubt, TableKind
from ._grid import Style, WCell
from ._tables import _LABELS
from ._text import dedouble
from ._three_public import _THREE_PUBLIC_ITEMS

_LABEL_WORDS: Final = ("项目", "科目", "名称", "编码", "代码", "单位名称", "功能分类", "经济分类",
                       "收入", "支出", "类", "款", "项")
_ROWNO_WORDS: Final = ("行次", "栏次", "序号")
_TOTAL_LABELS: Final = ("合计", "总计", "小计", "金额", "预算数", "决算数", "本年收入合计",
                        "本年支出合计", "预算金额", "年初预算数", "全年预算数")
_EXTRA_LABELS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("reserve", ("单位预留机动经费", "预留机动经费")),
    ("carry_forward", ("结转下年",)),
    ("meeting", ("会议费",)),
    ("training", ("培训费",)),
    ("other_funds", ("其他资金",)),
    # the parts of 财政专户拨款收入 in Guangdong's income tables (教育收费 | 其他专户收入拨款)
    ("education_fees", ("教育收费",)),
    ("other_special_account", ("其他专户收入",)),
    ("personnel", ("人员支出",)),
    ("public", ("日常公用支出", "日常公用经费", "公用支出")),
)
_GENERIC: Final = compile_pattern(r"^(?:小计|合计|计)$")
_CJK_START: Final = lazy(r"[\u3400-\u9fff]")  # a name's first character
# What each kind of doubt of a wide table says (`govbudget.Doubt`).
DOUBT_TEXT: Final = {
    "columns": ("数值无法确定对应的列", "figures that cannot be matched to a column"),
    "header": ("表头的列无法识别", "columns whose labels are not recognised"),
    "codes": ("科目编码不完整或无法识别", "codes that are incomplete or unreadable"),
    "amounts": ("单元格无法识别为金额", "cells that do not read as amounts"),
    "names": ("有数值的行缺少名称", "rows with figures and no name"),
    "units": ("各单位分列的分项（按单位分组），不是一个经济分类层级",
              "rows grouped by unit, not one economic hierarchy"),
    "sides": ("项目名称所示收支方向与其所在栏不符（如收入栏中的“…支出”），收支两栏无法分清",
              "a label's wording names the other side (a …支出 among the income labels): "
              "which side each row is on cannot be told"),
    "unit_levels": ("项目表未印层级，名为单位的行与其下各行之和不符，单位与项目无法区分",
                    "a project list without levels whose rows named as units do not add up "
                    "to the rows under them: units and projects cannot be told apart"),
    "levels": ("科目未印编码，类与其款、项无法区分",
               "classes and their items printed by name alone: the levels cannot be told"),
}


def doubt_objects(doubts: dict[str, list[int]]) -> list[Doubt]:
    """The doubts of a wide table, by reason (`DOUBT_TEXT`), with their lines."""
    out = []
    for reason, lines in doubts.items():
        zh, en = DOUBT_TEXT.get(reason, (reason, reason))
        out.append(Doubt(reason=reason, message=zh, message_en=en,
                         lines=tuple(sorted(set(lines)))[:20]))
    return out


_COLUMN_NO: Final = compile_pattern(r"(?<=[\u3400-\u9fff）)])\d{1,2}$")
_TOL: Final = 6  # characters a layout cell may sit off its column
_MARGIN: Final = 3  # how much better the best matching must be than the next


def _n_choose(n: int, k: int) -> int:
    return math.comb(n, k)


_SPACES: Final = lazy(r"\s+")

def _norm(text: str) -> str:
    return _SPACES.sub("", dedouble(text))


class _Leaf:
    __slots__ = ("end", "key", "parent", "start", "texts")

    def __init__(self, cell: WCell) -> None:
        self.start = cell.start
        self.end = cell.end
        self.texts = [cell.text]
        self.parent = ""
        self.key: str | None = None

    @property
    def label(self) -> str:
        return _norm("".join(self.texts))


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def _label_key(text: str, kind: TableKind) -> str | None:
    # A column number printed in the label's cell (``本年收入合计1``) is not part of it.
    t = _COLUMN_NO.sub("", _norm(text)) or _norm(text)
    if not t:
        return None
    if kind is TableKind.OPERATING_COSTS and t.startswith("机关运行经费"):
        return "total"
    if any(w in t for w in _ROWNO_WORDS):
        return "row_no"
    if kind is TableKind.THREE_PUBLIC:
        for key, labels in _THREE_PUBLIC_ITEMS:
            if any(lab in t for lab in labels):
                return key
    for key, labels in _EXTRA_LABELS:
        if any(lab in t for lab in labels):
            return key
    if t in ("合计", "总计", "金额", "预算数", "决算数", "本年收入合计", "本年支出合计", "预算金额",
             "支出合计", "收入合计", "预算", "决算", "预算额"):
        return "total"
    if t == "小计":
        return None  # defers to the parent column
    for key, labels in _LABELS:
        if any(lab in t for lab in labels):
            return key
    if t.endswith(("合计", "总计")):
        return "total"
    return None


def _is_label_column(text: str) -> bool:
    t = _norm(text)
    if t in ("类", "款", "项", "类款", "类款项", "款项"):
        return True  # the parts of a code printed in columns
    return bool(t) and not _label_key_is_amount(t) and any(w in t for w in _LABEL_WORDS[:8]) \
        and _label_key(t, TableKind.EXPENDITURE) is None


def _label_key_is_amount(t: str) -> bool:
    return t in _TOTAL_LABELS or t.endswith(("金额", "预算数", "决算数"))


def _unit_code_column(zone: _Zone, header: Sequence[WCell]) -> bool:
    """Whether a zone's rows open with the unit's own code (单位代码 | 单位名称: 114001
    苏州市某局), which is neither a figure nor a classification code; not in a table that
    also prints 科目 codes (单位编码 | 单位名称 | 科目编码 …), whose codes are the rows' own."""
    label = zone.label_leaf.label if zone.label_leaf is not None else ""
    return ("单位代码" in label or "单位编码" in label) and not any(
        "科目" in c.text for c in header)


def _without_unit_code(cells: list[WCell], zone: _Zone, style: Style) -> list[WCell]:
    """A row's cells without the unit's code: digits in the 单位代码 column (the zone's
    first), followed by the unit's name (a word, not a figure)."""
    lf = zone.label_leaf
    if lf is None or len(cells) < 2 or not cells[0].text.isdecimal() \
            or not _CJK_START.match(cells[1].text):
        return cells
    slack = 0 if style == "grid" else 2
    return cells[1:] if cells[0].start <= lf.start + slack else cells


class _Zone:
    __slots__ = ("amount_leaves", "label_leaf", "start")

    def __init__(self, label_leaf: _Leaf | None, start: int) -> None:
        self.label_leaf = label_leaf
        self.start = start
        self.amount_leaves: list[_Leaf] = []


# -- header ------------------------------------------------------------------------------
def _header_leaves(header: list[tuple[int, list[WCell]]], style: Style, kind: TableKind
                   ) -> list[_Leaf]:
    """The leaf columns of a header (its lines' cells), with the labels of their parents."""
    if not header:
        return []
    rows = [cells for _, cells in header]
    if style == "tabs":
        # No positions: the header line with the most cells gives the columns.
        best = max(rows, key=len)
        return [_Leaf(c) for c in best]
    if style == "grid":
        return _grid_leaves(rows)
    cells_all = [(i, c) for i, cells in enumerate(rows) for c in cells]
    last = len(rows) - 1
    groups: list[tuple[int, WCell]] = []
    leaves: list[_Leaf] = []
    for i, c in cells_all:
        below = [d for j, d in cells_all if j > i and _overlap(c.start, c.end, d.start, d.end) > 0]
        if any(_overlap(a.start, a.end, b.start, b.end) <= 0
               for a, b in itertools.combinations(below, 2)):
            groups.append((i, c))  # spans two columns: their parent
            continue
        if len(below) == 1 and i < last and style == "layout" and \
                (c.end - c.start) * 2 > 3 * (below[0].end - below[0].start) and \
                _between(c, i, cells_all, over=below[0]):
            # wider than the one cell under it, with columns close on both sides:
            # the parent of a group centred over its middle column
            groups.append((i, c))
            continue
        if not below and i < last and style == "layout" and _between(c, i, cells_all):
            # a label over nothing, with nothing printed under it: a group label
            # centred over the columns beside it (本年收入 over 项目 | 预算数)
            groups.append((i, c))
            continue
        target = next((lf for lf in leaves
                       if _overlap(lf.start, lf.end, c.start, c.end) > 0), None)
        if target is not None:
            # a label wrapped over lines, or a parent over its one column: the
            # column's position is that of its lowest cell
            target.texts.append(c.text)
            target.start, target.end = c.start, c.end
        else:
            leaves.append(_Leaf(c))
    leaves.sort(key=lambda lf: lf.start)
    # A 小计 with nothing over it: its group's label is the upper cell just beside it
    # (基本支出 centred over 小计 | 人员经费 | 公用经费 sits over the middle one).
    for lf in leaves:
        if lf.label != "小计":
            continue
        upper = [c for j, c in cells_all if c.end > lf.start - 16 and c.start < lf.end + 16
                 and c.text != "小计" and j < len(rows) - 1
                 and _overlap(c.start, c.end, lf.start, lf.end) <= 0
                 and _label_key(c.text, kind) not in (None, "total")]
        if upper:
            near = min(upper, key=lambda c: min(abs(c.start - lf.end), abs(lf.start - c.end)))
            lf.parent = _norm(near.text)
    for _, g in groups:
        under = [lf for lf in leaves if _overlap(g.start, g.end, lf.start, lf.end) > 0]
        if len(under) < 2:
            left = [lf for lf in leaves if lf.end <= g.start]
            right = [lf for lf in leaves if lf.start >= g.end]
            under = ([left[-1]] if left else []) + ([right[0]] if right else [])
        for lf in under:
            lf.parent = _norm(g.text) + lf.parent
    return leaves

def _grid_leaves(rows: list[list[WCell]]) -> list[_Leaf]:
    """The columns of a grid header: a merged cell's text stands in the first column it
    spans, so a header cell spans up to the next cell of its line; one that spans
    several columns with cells under them is their parent."""
    ncols = max((c.end for cells in rows for c in cells), default=0)
    own: dict[int, list[str]] = {}
    parent: dict[int, str] = {}
    for r, cells in enumerate(rows):
        for k, c in enumerate(cells):
            end = cells[k + 1].start if k + 1 < len(cells) else ncols
            under = {d.start for lower in rows[r + 1:] for d in lower if c.start <= d.start < end}
            if len(under) >= 2:
                for j in under:
                    parent[j] = parent.get(j, "") + _norm(c.text)
            else:
                own.setdefault(c.start, []).append(c.text)
    leaves = []
    for j in sorted(own):
        lf = _Leaf(WCell(own[j][0], j, j + 1))
        lf.texts = own[j]
        lf.parent = parent.get(j, "")
        leaves.append(lf)
    return leaves

def _between(c: WCell, i: int, cells_all: list[tuple[int, WCell]],
             over: WCell | None = None) -> bool:
    """A header cell with header cells close below it on both sides (and none under
    it but ``over``): a group label centred over the columns beside it (本年收入 over
    项目 | 预算数)."""
    lower = [d for j, d in cells_all if j > i and d is not over]
    if over is not None:
        c = WCell(c.text, over.start, over.end)
    left = max((d.end for d in lower if d.end <= c.start), default=None)
    right = min((d.start for d in lower if d.start >= c.end), default=None)
    if left is None or right is None:
        return False
    reach = max(6, 2 * (c.end - c.start))
    return c.start - left <= reach and right - c.end <= reach

def _header_zones(header: list[tuple[int, list[WCell]]], style: Style, kind: TableKind,
                  numbers: Sequence[WCell] = ()) -> list[_Zone]:
    """The zones of a header: each label column and the amount columns after it, each
    amount column keyed by its label (else its parent's). In layout text, a column-number
    line under the header with a number for each amount column (栏次 1 2 3) places them:
    the numbers stand over the columns' figures, where the labels (wrapped, centred over
    wider cells) need not."""
    leaves = _header_leaves(header, style, kind)
    zones: list[_Zone] = []
    for lf in leaves:
        label = lf.label
        if _is_label_column(label) and not (zones and zones[-1].label_leaf is not None
                                            and not zones[-1].amount_leaves):
            zones.append(_Zone(lf, lf.start))
            continue
        if _is_label_column(label):
            # a second label column in a row (科目编码 | 科目名称): one zone
            zl = zones[-1].label_leaf
            if zl is not None:
                zl.end = max(zl.end, lf.end)
            continue
        key = _label_key(label, kind)
        if _GENERIC.match(_COLUMN_NO.sub("", label) or label) and lf.parent:
            # 小计/合计 under a parent: the parent's column (财政拨款 小计 is grant);
            # a label the reader does not know never takes its parent's meaning
            key = _label_key(lf.parent, kind) or key
        if key is None and label.startswith("小计") and zones and \
                not zones[-1].amount_leaves:
            key = "total"  # the first figure column, 小计 over 其中：基本 | 项目
        lf.key = key or "?" + label
        if not zones:
            zones.append(_Zone(None, lf.start))
        zones[-1].amount_leaves.append(lf)
    if kind is TableKind.THREE_PUBLIC:
        _three_public_subtotal([lf for z in zones for lf in z.amount_leaves])
    amounts = [lf for z in zones for lf in z.amount_leaves if lf.key != "row_no"]
    if style == "layout" and numbers and len(numbers) == len(amounts):  # (left to right)
        for lf, c in zip(amounts, numbers, strict=True):
            lf.start, lf.end = c.start, c.end
    return zones


def _three_public_subtotal(leaves: list[_Leaf]) -> None:
    """A 三公 table that prints 会议费 and 培训费 beside the 三公 items (Jiangsu's “三公”经费、
    会议费、培训费支出预算表): the 小计 under “三公”经费 is the 三公 total (``total``), the 合计
    before it, of all of them, is ``grand_total``."""
    sub = [lf for lf in leaves if (lf.key or "").startswith("?") and "三公" in lf.parent
           and _GENERIC.match(_norm(lf.label))]
    if len(sub) != 1:
        return
    for lf in leaves:
        if lf.key == "total":
            lf.key = "grand_total"
    sub[0].key = "total"

# -- matching figures to columns ---------------------------------------------------------
def _match(cells: list[WCell], leaves: list[_Leaf], anchors: dict[int, float],
           style: Style) -> list[int] | None:
    """The column of each amount cell (indices into ``leaves``), or ``None``."""
    n, k = len(leaves), len(cells)
    if k == 0:
        return []
    if k > n:
        return None
    if style == "grid":
        out = []
        for c in cells:
            j = next((i for i, lf in enumerate(leaves) if lf.start <= c.start < lf.end), None)
            if j is None:
                return None
            out.append(j)
        return out
    if k == n:
        return list(range(n))
    if style == "tabs" or not all(c.positioned for c in cells):
        return None

    def pos(j: int) -> float:
        if j in anchors:
            return anchors[j]
        lf = leaves[j]
        return (lf.start + lf.end) / 2

    def at(c: WCell, j: int) -> float:
        return float(c.end) if j in anchors else (c.start + c.end) / 2

    # A line of layout text may be shifted as a whole: the cost of a matching is how
    # far its cells stray from one common shift, plus the shift itself.
    if _n_choose(n, k) > 5000:
        return None
    offset = [[at(c, j) - pos(j) for j in range(n)] for c in cells]
    scored = []
    for combo in itertools.combinations(range(n), k):
        diffs = [offset[i][j] for i, j in enumerate(combo)]
        shift = sum(diffs) / k
        devs = [abs(d - shift) for d in diffs]
        scored.append((sum(devs) + abs(shift), max(devs), abs(shift), combo))
    scored.sort()
    best = scored[0]
    if best[1] > _TOL or best[2] > 2 * _TOL:
        return None
    if len(scored) > 1 and scored[1][0] - best[0] < _MARGIN:
        return None
    return list(best[3])

def _anchors(rows: list[tuple[int, list[WCell]]], n: int, style: Style) -> dict[int, float]:
    """The right edge each column's figures print at, from the rows that fill every
    column (layout text only)."""
    if style != "layout":
        return {}
    # the right edges figures print at, in clusters: one per column when every column
    # has figures somewhere
    every = sorted(c.end for _, cells in rows for c in cells)
    clusters: list[list[int]] = []
    for e in every:
        if clusters and e - clusters[-1][-1] <= 3:
            clusters[-1].append(e)
        else:
            clusters.append([e])
    if len(clusters) == n and all(len(c) >= 2 for c in clusters):
        return {j: float(c[len(c) // 2]) for j, c in enumerate(clusters)}
    ends: list[list[int]] = [[] for _ in range(n)]
    for _, cells in rows:
        if len(cells) == n:
            for j, c in enumerate(cells):
                ends[j].append(c.end)
    out: dict[int, float] = {}
    for j, col in enumerate(ends):
        if len(col) >= 2:
            col.sort()
            out[j] = float(col[len(col) // 2])
    return out


# What a line of column numbers prints before them: ``** 1 2 3``, ``栏次 1 2``, ``甲 乙 1 2``.
_COLUMN_MARK: Final = compile_pattern(r"^(?:[*＊#—\-]+|栏次|行次|序号|栏号|[甲乙丙丁]+)$")


def _column_numbers(cells: Sequence[WCell]) -> bool:
    """A line of column numbers (``** ** 1 2 3``, ``栏次 1 2``): marks, then at least two
    numbers counting up by one."""
    nums = [c.text for c in cells if not _COLUMN_MARK.match(c.text)]
    if len(nums) < 2 or not all(t.isdigit() and len(t) <= 2 for t in nums):
        return False
    return all(int(b) == int(a) + 1 for a, b in itertools.pairwise(nums))


def final_three_public(segment: Sequence[object]) -> bool:
    """Whether a 三公 table's segment is a final account's (预算数 beside 决算数)."""
    text = "".join(str(getattr(ln, "text", "")) for ln in segment[:16])
    return "预算数" in text and "决算数" in text
