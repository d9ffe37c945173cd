"""Column-aware reading of ruled performance tables whose cells keep their positions.

Some disclosures print each project's target table as a ruled grid of one year's targets
(``一级指标 | 二级指标 | 三级指标 | 指标值``) under a short head (项目名称, 主管部门 / 实施单位,
专项资金情况 with 资金总额 / 财政拨款 / 其他资金, 年度目标). In ``pdftotext -layout`` text such a
table keeps its geometry: cells are runs of text at their column's position, a cell
that wraps continues on the lines above and below, and a cell merged over several rows
(a 一级 or 二级 label) is printed once, centred on the rows it spans. In text whose ruled
rows come as tab-separated cells, each field is a cell at its field's position.

General rules this module reads by (nothing here knows a report):

*Cells.* A line is cut into cells at runs of spaces (or at tabs); each cell keeps its
first and last character position. A cell belongs to the header column whose centre is
nearest to its own centre, so a long centred name is not taken for its neighbour.

*Labels of the head* sit at the left margin, maybe wrapped over several lines
(``专项资金情`` / ``况（万元）``, ``项目`` / ``名称``): a margin cell that continues the label
being read, or starts a known label, is a label fragment, never a value.

*Rows.* Each value cell (``≥95%``, wrapped as ``≥325人、`` / ``户``) anchors a row at its
centre line; a name fragment belongs to the nearest anchor (a wrapped name is printed
around its value's line). A 一级 or 二级 cell (merged over rows, wrapped as ``满意度指`` /
``标``) ends with ``指标``; the rows are split among the cells of a column in order so
that each cell is centred on its rows (the least total distance).

```pycon
>>> from govbudget._ingest._text import split_lines
>>> grid = '''   一级指标    二级指标        三级指标          指标值
...
...                         资金结算（拨付、下达
...    产出指标    数量指标                        =100%
...                             ）准确率
...                        受益人数                ≥44人
...    满意度指    服务对象满意
...                        受益对象满意度           ≥95%
...      标        度指标'''
>>> rows, _ = read_grid(split_lines(grid))
>>> [(r.level1, r.level2, r.name, r.value) for r in rows]  # doctest: +NORMALIZE_WHITESPACE
[('产出指标', '数量指标', '资金结算（拨付、下达）准确率', '=100%'),
 ('产出指标', '数量指标', '受益人数', '≥44人'),
 ('满意度指标', '服务对象满意度指标', '受益对象满意度', '≥95%')]

```
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Final

from .._errors import AmountError
from .._findings import Finding, Location, Severity
from .._lazy_re import lazy
from .._money import Unit, parse_amount
from .._record import FrozenRecord
from .._report import FundingLine, Indicator, PerformanceTable
from ..indicators import is_valid_levels
from ._perf_words import _department, _is_value, _wrapped_unit
from ._text import Line, join_stripped

__all__ = ["Cell", "cells", "read_columnar", "read_grid"]

_SECTION: Final = "performance"
_TAB_WIDTH: Final = 10  # the positions given to tab-separated fields (field i: 10i … 10i+9)


class Cell(FrozenRecord):
    """A run of text on one line: its line index in the block, first and last position."""

    __slots__ = ("row", "text", "x0", "x1")

    def __init__(self, row: int, x0: int, x1: int, text: str) -> None:
        self.row = row
        self.x0 = x0
        self.x1 = x1
        self.text = text

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


_RUN: Final = lazy(r"[^ \u3000\u00a0\f]+")


def cells(text: str, row: int = 0, *, words: bool = False) -> list[Cell]:
    """The cells of one line: tab-separated fields, else runs of non-space text (with
    ``words``, runs one space apart make one cell).

    ```pycon
    >>> [(c.x0, c.text) for c in cells("项目名称   档案 数字化")]
    [(0, '项目名称'), (7, '档案'), (10, '数字化')]
    >>> [(c.x0, c.text) for c in cells("成本指标\\t\\t资金使用率\\t=100%")]
    [(0, '成本指标'), (20, '资金使用率'), (30, '=100%')]

    ```
    """
    text = text.replace("\f", "")
    if "\t" in text:
        out = []
        for i, f in enumerate(text.split("\t")):
            f = f.strip(" \u3000\u00a0")
            if f:
                out.append(Cell(row, i * _TAB_WIDTH, i * _TAB_WIDTH + _TAB_WIDTH - 1, f))
        return out
    runs = [Cell(row, m.start(), m.end() - 1, m.group()) for m in _RUN.finditer(text)]
    if not words or not runs:
        return runs
    # Words: runs one space apart are one cell (``≥110 人``, ``已于 2025 年 2``).
    out = [runs[0]]
    for c in runs[1:]:
        last = out[-1]
        if c.x0 - last.x1 == 2:
            out[-1] = Cell(row, last.x0, c.x1, text[last.x0:c.x1 + 1])
        else:
            out.append(c)
    return out


_BLANKS: Final = lazy(r"[\s\u3000]+")


@functools.lru_cache(maxsize=4096)
def _compact(text: str) -> str:
    # Cached: the same cell texts are compacted several times per table.
    return _BLANKS.sub("", text).replace("(", "（").replace(")", "）")


# -- the grid --------------------------------------------------------------------------

_HEADS: Final = ("一级指标", "二级指标", "三级指标", "指标值")
_COMPARATOR_START: Final = lazy(r"^(?:[≥≤><=＞＜＝≧≦]|不[低少高超多大小]于|不超过|大于|小于|"
                                      r"高于|低于|达到|超过|约|\d|[０-９])")
_UNITISH: Final = lazy(
    r"^(?:[、，,/]?[户人次个元万亿千米方平台套件项家所条本期篇场天日周月年分钟秒小时%‰]+"
    r"(?:[以及]?[上下内]|左右|前|后|底)?)$")


def _is_header(text: str) -> bool:
    if "级" not in text or "值" not in text:
        return False  # 二级指标 and 指标值 (compacting only drops blanks, widens brackets)
    c = _compact(text)
    return "二级指标" in c and c.count("三级指标") == 1 and "指标值" in c


def _header_fragment(text: str) -> bool:
    """A piece of a header cell printed on its own line (``一级指`` / ``标``)."""
    c = _compact(text)
    return bool(c) and any(c in h for h in _HEADS)


class _Col(FrozenRecord):
    __slots__ = ("key", "x0", "x1")

    def __init__(self, key: str, x0: int, x1: int) -> None:
        self.key = key
        self.x0 = x0
        self.x1 = x1

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def _columns(block: Sequence[Line], h: int) -> list[_Col] | None:
    """The header columns (level1, level2, name, value) of the header at line ``h``."""
    found: dict[str, _Col] = {}
    for k in (h, h - 1, h + 1):
        if not 0 <= k < len(block):
            continue
        for c in cells(block[k].text, k):
            t = _compact(c.text)
            for key, head in zip(("level1", "level2", "name", "value"), _HEADS, strict=True):
                if key in found:
                    continue
                if t == head or (k != h and len(t) >= 2 and head.startswith(t)) \
                        or (k == h and len(t) >= 3 and head.startswith(t)):
                    found[key] = _Col(key, c.x0, c.x1)
    if not {"name", "value"} <= found.keys():
        return None
    return sorted(found.values(), key=lambda col: col.centre)


def _nearest(cols: Sequence[_Col], c: Cell) -> _Col:
    return min(cols, key=lambda col: abs(col.centre - c.centre))


_VERTICAL: Final = frozenset("绩效目标指标")


def _value_start(text: str, prev: str) -> bool:
    """Does ``text`` start a new value cell (rather than continue ``prev``)?"""
    if _COMPARATOR_START.match(text):
        return not _UNITISH.match(text) or not prev
    if _UNITISH.match(text):
        return False
    return _is_value(prev)


class _Frag(FrozenRecord):
    __slots__ = ("row", "text")

    def __init__(self, row: int, text: str) -> None:
        self.row = row
        self.text = text


class GridRow(FrozenRecord):
    """An indicator row read from a grid (see `read_grid`)."""

    __slots__ = ("level1", "level2", "line", "name", "value")

    def __init__(self, level1: str, level2: str, name: str, value: str,
                 line: int | None) -> None:
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.value = value
        self.line = line


def _group_values(frags: Sequence[_Frag]) -> list[list[_Frag]]:
    groups: list[list[_Frag]] = []
    for f in frags:
        if groups:
            g = groups[-1]
            prev = "".join(x.text for x in g)
            if f.row - g[-1].row <= 2 and not _value_start(f.text, prev):
                g.append(f)
                continue
        groups.append([f])
    return groups


_LEVEL_STARTS: Final = ("数量", "质量", "时效", "成本", "经济", "社会", "生态", "可持续", "服务",
                        "满意", "产出", "效益", "效果", "过程", "决策", "管理")


def _group_labels(frags: Sequence[_Frag]) -> list[list[_Frag]]:
    """A 一级/二级 cell ends with 指标; a wrapped one continues on the next lines."""
    groups: list[list[_Frag]] = []
    open_ = False
    for f in frags:
        if groups and open_ and f.row - groups[-1][-1].row <= 2 \
                and not f.text.startswith(_LEVEL_STARTS):
            groups[-1].append(f)
        else:
            groups.append([f])
        open_ = not "".join(x.text for x in groups[-1]).endswith("指标")
    return groups


def _centre(rows: Sequence[int]) -> float:
    return (min(rows) + max(rows)) / 2


_DP_LIMIT: Final = 2_000_000  # n² m steps: a grid of 100 rows and 200 cells


def _partition(spans: Sequence[tuple[int, int]], centres: Sequence[float],
               penalty: Callable[[int, int], float] | None = None) -> list[int]:
    """For rows with line spans ``spans`` (in order) and cells centred at ``centres`` (in
    order), the index of the cell of each row: contiguous, every cell at least one row,
    least total distance of each cell's centre to the centre of its rows. ``penalty(j, r)``
    (small) is added for giving row ``r`` to cell ``j``: it settles a tie of geometry
    (a 一级 cell printed half-way between two 二级 cells) by the indicator framework."""
    n, m = len(spans), len(centres)
    if m == 0:
        return [-1] * n
    if m >= n or n * n * m > _DP_LIMIT:
        # As many cells as rows (or more), or a grid far larger than any table (the least
        # cost partition is quadratic): each row takes the nearest cell, in order.
        out, j = [], 0
        for top, bottom in spans:
            mid = (top + bottom) / 2
            while j + 1 < m and abs(centres[j + 1] - mid) <= abs(centres[j] - mid):
                j += 1
            out.append(j)
        return out
    inf = float("inf")
    # best[j][i]: least cost of giving rows [0, i) to cells [0, j).
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for j in range(1, m + 1):
        for i in range(j, n - (m - j) + 1):
            for k in range(j - 1, i):
                if best[j - 1][k] == inf:
                    continue
                cost = best[j - 1][k] + abs(centres[j - 1] - (spans[k][0] + spans[i - 1][1]) / 2)
                if penalty is not None:
                    cost += sum(penalty(j - 1, r) for r in range(k, i))
                if cost < best[j][i]:
                    best[j][i], back[j][i] = cost, k
    out = [0] * n
    i = n
    for j in range(m, 0, -1):
        k = back[j][i]
        for r in range(k, i):
            out[r] = j - 1
        i = k
    return out


def read_grid(block: Sequence[Line]) -> tuple[list[GridRow], int]:
    """Read an indicator grid: ``block`` starts at (or before) the header line. Returns
    the rows and the index in ``block`` where the grid ended (a 备注 or 总分 line, or the
    end)."""
    h = next((k for k, ln in enumerate(block) if _is_header(ln.text)), None)
    if h is None:
        return [], 0
    cols = _columns(block, h)
    if cols is None:
        return [], 0
    cols.sort(key=lambda col: col.centre)
    left_edge = min(col.x0 for col in cols)
    frags: dict[str, list[_Frag]] = {col.key: [] for col in cols}
    end = len(block)
    start = h + 1
    if start < len(block) and all(_header_fragment(c.text) for c in cells(block[start].text)):
        start += 1
    for k in range(start, len(block)):
        cs = cells(block[k].text, k)
        if not cs:
            continue
        first = _compact(cs[0].text)
        if (cs[0].x1 < left_edge and first.startswith(("备注", "总分"))) \
                or (first.startswith(("备注", "总分", "合计")) and len(cs) <= 4
                    and _nearest(cols, cs[0]).key in ("level1", "level2", "name")
                    and first in ("备注", "总分", "合计")):
            end = k
            break
        per: dict[str, list[str]] = {}
        for c in cs:
            if c.x1 < left_edge:
                continue  # the vertical 绩效指标 label (and the like) in the margin
            per.setdefault(_nearest(cols, c).key, []).append(c.text)
        for key, parts in per.items():
            frags[key].append(_Frag(block[k].no, join_stripped(parts)))
    if "\t" in block[h].text:
        return _tab_rows(frags), end
    values = _group_values(frags.get("value", []))
    anchors = [(sum(f.row for f in g) / len(g), g) for g in values]
    names: list[list[_Frag]] = [[] for _ in anchors]
    orphans: list[_Frag] = []
    tied: list[tuple[_Frag, list[int]]] = []
    centres = [a for a, _ in anchors]  # in order: the values are grouped top down
    for f in frags.get("name", []):
        near = range(bisect.bisect_left(centres, f.row - 2), bisect.bisect_right(centres, f.row + 2))
        if not near:
            orphans.append(f)
            continue
        best = min(abs(centres[i] - f.row) for i in near)
        ties = [i for i in near if abs(centres[i] - f.row) == best]
        if len(ties) == 1:
            names[ties[0]].append(f)
        else:
            tied.append((f, ties))
    # A fragment between two values goes to a value with no name yet (every value has
    # one), else where it centres the name on its value (a two-line name is printed
    # around its value's line).
    for f, ties in tied:
        def off(i: int, f: _Frag = f) -> tuple[bool, float]:
            if not names[i]:
                return (False, 0.0)
            rows_ = [x.row for x in names[i]]
            return (True, abs(_centre([*rows_, f.row]) - anchors[i][0])
                    - abs(_centre(rows_) - anchors[i][0]))
        names[min(ties, key=off)].append(f)
    rows: list[tuple[list[_Frag], list[_Frag]]] = [
        (sorted(n, key=lambda f: f.row), g) for n, (_, g) in zip(names, anchors, strict=True)]
    # Name fragments far from any value: rows of their own (an indicator with no value).
    for f in orphans:
        if rows and not rows[-1][1] and f.row - rows[-1][0][-1].row <= 1:
            rows[-1][0].append(f)
        else:
            rows.append(([f], []))
    rows.sort(key=lambda r: min(x.row for x in r[0] + r[1]))
    spans = [(min(x.row for x in n + v), max(x.row for x in n + v)) for n, v in rows]
    # 二级 cells take rows; 一级 cells take whole 二级 cells (a 一级 cell spans its 二级 ones).
    g2 = _group_labels(frags.get("level2", []))
    g1 = _group_labels(frags.get("level1", []))
    idx2 = _partition(spans, [_centre([f.row for f in g]) for g in g2])
    if g2 and -1 not in idx2:
        units = sorted(set(idx2))
        unit_spans = [(min(spans[r][0] for r in range(len(spans)) if idx2[r] == u),
                       max(spans[r][1] for r in range(len(spans)) if idx2[r] == u)) for u in units]
        names2 = ["".join(f.text for f in g2[u]) for u in units]
        names1 = ["".join(f.text for f in g) for g in g1]
        by_unit = _partition(unit_spans, [_centre([f.row for f in g]) for g in g1],
                             lambda j, u: 0.0 if is_valid_levels(names1[j], names2[u]) else 0.01)
        of_unit = dict(zip(units, by_unit, strict=True))
        idx1 = [of_unit[u] for u in idx2]
    else:
        idx1 = _partition(spans, [_centre([f.row for f in g]) for g in g1])
    levels = {
        "level1": ["" if j < 0 else "".join(f.text for f in g1[j]) for j in idx1],
        "level2": ["" if j < 0 else "".join(f.text for f in g2[j]) for j in idx2],
    }
    out = [
        GridRow(levels["level1"][i], levels["level2"][i], join_stripped([f.text for f in n]),
                "".join(f.text for f in v), spans[i][0])
        for i, (n, v) in enumerate(rows)
    ]
    return out, end


def _tab_rows(frags: dict[str, list[_Frag]]) -> list[GridRow]:
    """Rows of a grid given as tab-separated cells: each line is a row (text wrapped in a
    cell is one field), and a merged 一级/二级 cell is printed in the first row it spans,
    blank below: it holds until the next."""
    by_line: dict[int, dict[str, str]] = {}
    for key, fs in frags.items():
        for f in fs:
            by_line.setdefault(f.row, {})[key] = f.text
    rows = []
    level1 = level2 = ""
    for no in sorted(by_line):
        cellsof = by_line[no]
        if cellsof.get("level1"):
            level1, level2 = cellsof["level1"], ""
        if cellsof.get("level2"):
            level2 = cellsof["level2"]
        name, value = cellsof.get("name", ""), cellsof.get("value", "")
        if name or value:
            rows.append(GridRow(level1, level2, name, value, no))
    return rows


# -- the head --------------------------------------------------------------------------

_PROJECT: Final = "项目名称"
_DEPT: Final = "主管部门"
_IMPL: Final = "实施单位"
_FUND_LABELS: Final = ("专项资金情况（万元）", "专项资金情况（元）", "项目资金情况（万元）", "项目资金（万元）",
                       "项目资金（元）", "资金情况（万元）", "资金情况（元）", "专项资金情况", "项目资金")
_GOAL_LABELS: Final = ("年度目标", "年度绩效目标", "总体目标", "绩效目标")
_MARGIN_LABELS: Final = (_PROJECT, _DEPT, *_FUND_LABELS, *_GOAL_LABELS, "绩效目标指标", "绩效指标",
                         "备注")
_TOTAL_WORDS: Final = ("资金总额", "总额", "合计", "总计")
_MARGIN: Final = 4


def is_columnar(chunk: Sequence[Line]) -> bool:
    """Is this chunk (a title and its raw lines) a one-column grid with positions kept?"""
    head = [ln for ln in chunk if _is_header(ln.text)]
    if len(head) != 1:
        return False
    if any("实施期" in ln.text for ln in chunk):
        return False
    # Positions kept: the header's cells stand apart by runs of spaces or by tabs (text
    # with single spaces between cells has lost its geometry: the token reader reads it).
    return any("\t" in ln.text or len(_GAP.findall(ln.stripped)) >= 2 for ln in head)


_GAP: Final = lazy(r"\S {2,}(?=\S)")


class _Margin:
    """Reads the left-margin labels, fragment by fragment."""

    def __init__(self) -> None:
        self.pending = ""
        self.label = ""

    def take(self, text: str) -> str | None:
        """The label ``text`` is a fragment of (continuing or starting one), else None."""
        t = _compact(text)
        if not t:
            return None
        if self.pending and self.pending.startswith(t):
            self.pending = self.pending[len(t):]
            return self.label
        for lab in _MARGIN_LABELS:
            if lab.startswith(t) and (len(t) >= 2 or lab == t):
                self.label, self.pending = lab, lab[len(t):]
                return lab
            if t.startswith(lab) and t[len(lab):].startswith("（"):
                self.label, self.pending = lab, ""
                return lab
        return None


def _label_key(label: str) -> str:
    if label == _PROJECT:
        return "project"
    if label == _DEPT:
        return "department"
    if label in _FUND_LABELS:
        return "funding"
    if label in _GOAL_LABELS:
        return "goals"
    if label == "备注":
        return "note"
    return "grid"


_FIGURE: Final = lazy(r"-?[\d,]+(?:\.\d+)?")

def _amount(text: str) -> Decimal | None:
    t = text.replace("，", ",")
    if not _FIGURE.fullmatch(t):
        return None
    try:
        return parse_amount(t)
    except AmountError:
        return None


def read_columnar(chunk: Sequence[Line], findings: list[Finding]) -> PerformanceTable:
    """Read one table of the one-column layout: ``chunk`` is its title line(s) and the
    raw lines that follow (positions kept). See the module's docstring."""
    title = chunk[0]
    body = [ln for ln in chunk[1:] if ln.stripped]
    h = next((k for k, ln in enumerate(body) if _is_header(ln.text)), len(body))
    head_end = h
    if h > 0 and all(_header_fragment(c.text) for c in cells(body[h - 1].text)):
        head_end = h - 1
    head = body[:head_end]
    margin = _Margin()
    keyed: list[tuple[str | None, list[Cell]]] = []
    funding_label_text = ""
    for k, ln in enumerate(head):
        cs = cells(ln.text, k)
        key: str | None = None
        if cs and cs[0].x0 <= _MARGIN:
            lab = margin.take(cs[0].text)
            if lab is not None:
                key = _label_key(lab)
                if key == "funding":
                    funding_label_text += cs[0].text
                cs = cs[1:]
        keyed.append((key, cs))
    # The department line: the one holding 实施单位 (else the 主管部门 label's line).
    dept_k = next((k for k, (_, cs) in enumerate(keyed)
                   if any(_compact(c.text).startswith("实施单") for c in cs)), None)
    if dept_k is None:
        dept_k = next((k for k, (key, _) in enumerate(keyed) if key == "department"), None)
    fund_k = next((k for k, (key, cs) in enumerate(keyed)
                   if key == "funding" or any(_compact(c.text).startswith(_TOTAL_WORDS) for c in cs)),
                  None)
    fund_end = None
    if fund_k is not None:
        fund_end = fund_k
        for k in range(fund_k, len(keyed)):
            key, cs = keyed[k]
            if key == "funding" or any(_amount(c.text) is not None for c in cs):
                fund_end = k
            elif key is not None:
                break
    project_parts: list[str] = []
    dept_parts: list[str] = []
    impl_parts: list[str] = []
    goal_lines: list[str] = []
    funding: list[FundingLine] = []
    total: Decimal | None = None
    field_lines: list[tuple[str, int]] = []
    impl_x: int | None = None
    dept_label_lines = [k for k, (key, _) in enumerate(keyed) if key == "department"]
    dept_top = min([dept_k, *dept_label_lines]) if dept_k is not None else None
    dept_bottom = max([dept_k, *dept_label_lines]) if dept_k is not None else None
    if dept_k is not None:
        cs = keyed[dept_k][1]
        i = next((j for j, c in enumerate(cs) if _compact(c.text).startswith("实施单")), None)
        if i is not None:
            impl_x = cs[i].x0
            dept_parts += [c.text for c in cs[:i]]
            impl_parts += [c.text for c in cs[i + 1:]]
        else:
            dept_parts += [c.text for c in cs]
        field_lines.append(("department", head[dept_k].no))
        # Wraps of the two values above and below (and a wrapped 实施单位 label).
        assert dept_top is not None and dept_bottom is not None
        for k in (dept_top - 1, *range(dept_top, dept_bottom + 1), dept_bottom + 1):
            if k == dept_k or not 0 <= k < len(keyed) or (fund_k is not None and k >= fund_k):
                continue
            key, cs = keyed[k]
            if key not in (None, "department"):
                continue
            if k < dept_top and (impl_x is None or any(c.x0 < impl_x - 2 for c in cs)):
                continue
            for c in cs:
                t = _compact(c.text)
                if impl_x is not None and "实施单位".startswith(t) and abs(c.x0 - impl_x) <= 3:
                    continue  # the rest of a wrapped 实施单位 label
                if impl_x is not None and c.x0 >= impl_x - 2:
                    (impl_parts.insert(0, c.text) if k < dept_k else impl_parts.append(c.text))
                else:
                    (dept_parts.insert(0, c.text) if k < dept_k else dept_parts.append(c.text))
            keyed[k] = ("department", [])
            dept_top = min(dept_top, k)
    stop = dept_top if dept_top is not None else (fund_k if fund_k is not None else len(keyed))
    for k in range(stop):
        key, cs = keyed[k]
        if key == "department":
            continue
        if cs:
            project_parts += [c.text for c in cs]
            if not any(name == "project" for name, _ in field_lines):
                field_lines.append(("project", head[k].no))
    if fund_k is not None and fund_end is not None:
        field_lines.append(("funding", head[fund_k].no))
        for k in range(fund_k, fund_end + 1):
            cs = keyed[k][1]
            label: list[str] = []
            for c in cs:
                amount = _amount(c.text)
                if amount is None:
                    label.append(c.text)
                    continue
                source = join_stripped(label)
                label = []
                if source.startswith(_TOTAL_WORDS) or source.endswith("资金总额"):
                    total = amount
                else:
                    funding.append(FundingLine(source or "", None, amount, head[k].no))
            if label:
                findings_text = join_stripped(label)
                if any(ch.isdigit() for ch in findings_text):
                    findings.append(_unplaced(head[k].no, findings_text, project_parts))
    goal_from = (fund_end + 1) if fund_end is not None else stop
    for k in range(goal_from, len(keyed)):
        key, cs = keyed[k]
        if cs:
            goal_lines.append(" ".join(c.text for c in cs))
            if not any(name == "goals" for name, _ in field_lines):
                field_lines.append(("goals", head[k].no))
    unit = _unit_of(funding_label_text, head)
    rows, end = read_grid(body[head_end:])
    if rows:
        field_lines.append(("grid", rows[0].line or title.no))
    for k in range(head_end + end, len(body)):
        cs = cells(body[k].text)
        if cs and _compact(cs[0].text).startswith("备注"):
            continue
        figs = [c.text for c in cs if _amount(c.text) is not None]
        if figs:
            findings.append(_unplaced(body[k].no, " ".join(figs), project_parts))
    project = join_stripped(project_parts)
    indicators = tuple(Indicator(r.level1, r.level2, r.name, r.value, r.line) for r in rows)
    missing = []
    if not project:
        missing.append(("项目名称", "project name"))
    if total is None and not funding:
        missing.append(("项目资金", "funding"))
    if not indicators:
        missing.append(("绩效指标", "indicators"))
    if missing:
        findings.append(Finding(
            rule="reading.incomplete_table", severity=Severity.WARNING,
            message="绩效目标表不完整，缺少" + "、".join(m[0] for m in missing),
            message_en="performance table incomplete: no " + ", ".join(m[1] for m in missing),
            location=Location(section=_SECTION, row_name=project or None, line=title.no)))
    code, dept = _department(join_stripped(dept_parts))
    return PerformanceTable(
        project=project, department=dept, department_code=code,
        implementer=join_stripped(impl_parts), unit=unit, total_year=total,
        funding=tuple(funding), goal_year=join_stripped(goal_lines),
        indicators_year=indicators, line=title.no,
        end_line=body[-1].no if body else title.no, field_lines=tuple(field_lines))


def _unit_of(label: str, lines: Sequence[Line]) -> Unit:
    """The unit the funding label states (``（万元）``), else the one the head states, else
    one a bracket wrapped over the head's lines states (`_wrapped_unit`), else 元 (the
    default of a performance table)."""
    for text in (_compact(label), "".join(_compact(ln.text) for ln in lines)):
        if "万元" in text:
            return Unit.WAN_YUAN
        if "（元）" in text:
            return Unit.YUAN
    return _wrapped_unit([label, *(ln.text for ln in lines)]) or Unit.YUAN


def _unplaced(line: int, text: str, project_parts: Sequence[str]) -> Finding:
    project = join_stripped(project_parts)
    return Finding(
        rule="reading.unplaced_figure", severity=Severity.WARNING,
        message=f"无法对应的数字“{text}”：绩效目标表中不在任何栏目", message_en=f"figure {text!r} not placed: outside any field",
        location=Location(section=_SECTION, row_name=project or None, line=line), actual=text)
