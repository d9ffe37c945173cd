"""Reader of project self-evaluation tables of final accounts (项目支出绩效自评表).

A final account may end with one table per project that scores the year's results:

- a title ``…项目绩效自评表`` (maybe a year line ``（2024 年度）``), ``项目名称``, ``主管部门`` and
  ``实施单位``;
- the funding block under a header ``年初预算数 全年预算数 全年执行数 分值 执行率 得分``: the
  total (``年度资金总额：``) and its parts (``其中：财政拨款``, ``上年结转``, ``其他资金``), a
  blank cell printed ``--``;
- the 年度总体目标 (预期目标 / 实际完成情况: text, not read here);
- the indicator grid ``一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及
  改进措施`` and a ``总分`` row (分值, 得分).

The layout is read by cell positions (`govbudget._ingest._perf_columns.cells`): a header
cell wrapped over lines (``年初预`` / ``算数``, ``得`` / ``分``) is the stack of fragments at
one position; a cell belongs to the header column nearest to it. A funding row is a line
of figures, its label the text printed around it; an indicator row is a line whose 分值 or
得分 cell is a number, the name, value, actual value and note fragments around it going to
the nearest such line. Figures that cannot be placed are reported
(``reading.unplaced_figure``), never taken as zero.

```pycon
>>> from govbudget._ingest._text import split_lines
>>> text = '''某项目绩效自评表
... 项目名称        某项目
...                       年初预算数       全年预算数       全年执行数      分值        执行率       得分
...      年度资金总额：          10.00       10.00       8.00       10      80.00%       8
...   一级指标      二级指标      三级指标        年度指标值       实际完成值      分值      得分
...   产出指标      数量指标      培训人数        ≥100人       120人       90      90
...    总分                                                    100     98'''
>>> (e,), findings = read_self_evaluations(split_lines(text))
>>> e.project, e.funding[0].budget, e.funding[0].rate, e.total_score
('某项目', Decimal('10.00'), '80.00%', Decimal('98'))
>>> i = e.indicators[0]
>>> i.name, i.target, i.actual, i.weight, i.score
('培训人数', '≥100人', '120人', Decimal('90'), Decimal('90'))

```
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from .._errors import AmountError
from .._findings import Finding, Location, Severity
from .._lazy_re import lazy
from .._money import Unit, parse_amount
from .._report import EvaluationFunding, ScoredIndicator, SelfEvaluation
from ._perf_columns import Cell, _centre, _compact, _Frag, cells
from ._perf_words import _title_spans
from ._text import UNIT_FIGURE, Line, join_stripped

__all__ = ["is_self_evaluation_title", "read_self_evaluations"]

_SECTION: Final = "self_evaluation"
_TITLE: Final = lazy(r"项目(?:支出)?绩效自评表")
_FUND_HEADS: Final = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
_FUND_KEYS: Final = ("initial", "budget", "executed", "weight", "rate", "score")
_GRID_HEADS: Final = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                      "偏差原因分析及改进措施")
_GRID_KEYS: Final = ("level1", "level2", "name", "target", "actual", "weight", "score", "note")
_NUMBER: Final = lazy(r"-?\d[\d,]*(?:\.\d+)?")
_RATE: Final = lazy(r"-?\d+(?:\.\d+)?%")
_BARE: Final = lazy(r"\d+(?:\.\d+)?")


# A figure's tail cut off by a line break (``180`` | ``.03``): no table prints ``.03``.
_CUT_TAIL: Final = lazy(r"^[.．]\d+$")
# The funding rows of the template, in their order.
_FUND_ROWS: Final = ("年度资金总额", "财政拨款", "上年结转", "其他资金")


def _names_in_turn(text: str, n: int) -> tuple[str, ...] | None:
    """The template's funding rows named in turn by ``text`` (the block's labels read in
    line order), when it names ``n`` of them in order: in text without layout the pieces
    of a wrapped label fall above or below the figures (``其中：财政`` / ``拨款`` / figures /
    ``上`` / ``年结转``), so each piece's row cannot be told, but the words still come in
    the rows' order.

    ```pycon
    >>> _names_in_turn("年度资金总额：其中：财政拨款上年结转其他资金", 4)
    ('年度资金总额', '财政拨款', '上年结转', '其他资金')
    >>> _names_in_turn("年度资金总额：其中：财政拨款其他资金", 4) is None
    True

    ```
    """
    found: list[str] = []
    at = 0
    for name in _FUND_ROWS:
        k = text.find(name, at)
        if k >= 0:
            found.append(name)
            at = k + len(name)
    return tuple(found) if len(found) == n else None


def _rates_fit(keys: Sequence[str], figs: Sequence[Cell]) -> bool:
    """Whether the figures read one for one under ``keys`` put a rate (``77.13%``) or a
    dash under 执行率 and no rate under any other column."""
    if not any(c.text.endswith("%") for c in figs):
        return tuple(keys) == _FUND_KEYS  # (rates printed without %: the template's order)
    return all((key == "rate") == (c.text.endswith("%") or c.text in ("--", "-", "—"))
               or (key != "rate" and c.text in ("--", "-", "—"))
               for key, c in zip(keys, figs, strict=True))


def _is_margin_label(t: str) -> bool:
    """A piece of the funding block's own label (项目资金（万元）), printed in its margin."""
    return t in ("项目资金", "（万元）", "（元）", "项目资", "金", "（万", "元）") or "资金（" in t


def _cells(text: str, row: int = 0, *, labels: bool = False) -> list[Cell]:
    """The cells of a line, words one space apart one cell, but figures one space apart
    (``493.76 536.2``, ``10.0 77.13%``: text whose columns stand close, pdfplumber's
    layout text) each a cell of their own. With ``labels`` (a funding row, whose labels
    hold no figure) every figure among words is a cell (``其中：财政 473.76``, and
    ``0.00 0.00 -- 上`` where a wrapped label's piece follows the figures).

    ```pycon
    >>> [(c.x0, c.text) for c in _cells("年度资金总额：  493.76 536.2   10.0 77.13%")]
    [(0, '年度资金总额：'), (9, '493.76'), (16, '536.2'), (24, '10.0'), (29, '77.13%')]
    >>> [c.text for c in _cells("≥110 人  已于 2025 年 2")]
    ['≥110 人', '已于 2025 年 2']
    >>> [c.text for c in _cells("其中：财政 473.76 0.0% -- 上", labels=True)]
    ['其中：财政', '473.76', '0.0%', '--', '上']

    ```
    """
    out: list[Cell] = []
    for c in cells(text, row, words=True):
        words = c.text.split(" ")
        figures = [_is_figure(w) for w in words]
        if len(words) == 1 or not any(figures) or not (labels or all(figures)):
            out.append(c)
            continue
        x = c.x0
        run: list[str] = []  # words of a label, one space apart
        for w, fig in zip(words, figures, strict=True):
            if fig:
                if run:
                    label = " ".join(run)
                    out.append(Cell(row, x - len(label) - 1, x - 2, label))
                    run = []
                out.append(Cell(row, x, x + len(w) - 1, w))
            else:
                run.append(w)
            x += len(w) + 1
        if run:
            label = " ".join(run)
            out.append(Cell(row, x - len(label) - 1, x - 2, label))
    return out


def is_self_evaluation_title(text: str) -> bool:
    """Is this line the title of a project self-evaluation table?

    ```pycon
    >>> is_self_evaluation_title("信访干部培训专项项目绩效自评表")
    True
    >>> is_self_evaluation_title("（二）部门决算中项目绩效自评结果")
    False

    ```
    """
    t = _compact(text)
    return bool(_TITLE.search(t)) and len(t) <= 60 and not any(p in t for p in "，。；")


def _number(text: str) -> Decimal | None:
    t = text.replace("，", ",")
    if not _NUMBER.fullmatch(t):
        return None
    try:
        return parse_amount(t)
    except AmountError:
        return None


def _is_figure(text: str) -> bool:
    return text in ("--", "-", "—") or _number(text) is not None or bool(_RATE.fullmatch(text))


class _Head:
    __slots__ = ("centre", "key")

    def __init__(self, key: str, centre: float) -> None:
        self.key = key
        self.centre = centre


def _stacks(block: Sequence[Line], lo: int, hi: int, names: Sequence[str]
            ) -> list[tuple[float, str, list[int]]]:
    """Header cells wrapped over lines ``lo..hi``: fragments at about one position, joined
    top down (preferring a join that spells the start of one of ``names``; a whole name is
    a cell of its own), with their centre."""
    frags = [c for k in range(max(0, lo), min(len(block), hi + 1)) for c in cells(block[k].text, k)]
    stacks: list[list[Cell]] = []

    def text(st: list[Cell]) -> str:
        return "".join(_compact(c.text) for c in st)

    for c in sorted(frags, key=lambda c: (c.row, c.x0)):
        t = _compact(c.text)
        near = [st for st in stacks if abs(st[-1].centre - c.centre) <= 3 and c.row > st[-1].row
                and t not in names and text(st) not in names]
        good = [st for st in near if any(n.startswith(text(st) + t) for n in names)]
        pick = min(good or near, key=lambda st: abs(st[-1].centre - c.centre), default=None)
        if pick is None:
            stacks.append([c])
        else:
            pick.append(c)
    return [(sum(c.centre for c in st) / len(st), text(st), [c.row for c in st]) for st in stacks]


def _heads(block: Sequence[Line], h: int, names: Sequence[str], keys: Sequence[str],
           radius: int) -> list[_Head]:
    found: dict[str, _Head] = {}
    stacks = sorted(_stacks(block, h - radius, h + radius, names),
                    key=lambda st: min(abs(r - h) for r in st[2]))  # the header's own first
    for centre, text, _ in stacks:
        for key, name in zip(keys, names, strict=True):
            if key in found:
                continue
            # 年度指标值 may print as 指标值; 偏差原因分析及改进措施 is cut at the radius.
            if text == name or (len(text) >= 2 and (name.startswith(text) or text.startswith(name)))\
                    or (key == "target" and text.endswith("指标值")):
                found[key] = _Head(key, centre)
                break
    return sorted(found.values(), key=lambda hd: hd.centre)


def _nearest(heads: Sequence[_Head], c: Cell) -> str:
    return min(heads, key=lambda hd: abs(hd.centre - c.centre)).key


def _assign(frags: Sequence[_Frag], anchors: Sequence[int]) -> list[list[_Frag]]:
    """Each fragment to the nearest anchor line; between two, to one with none yet, else
    where it centres the cell on the anchor."""
    out: list[list[_Frag]] = [[] for _ in anchors]
    tied: list[tuple[_Frag, list[int]]] = []
    # A tall cell (a long text wrapped over many lines, centred on its row) is one block
    # of fragments at most two lines apart: when the block spans no more than one
    # anchor's line, it goes whole to that anchor (or to the one nearest its centre); a
    # block over several anchors' lines is split fragment by fragment.
    rest: list[_Frag] = []
    blocks: list[list[_Frag]] = []
    for f in sorted(frags, key=lambda f: f.row):
        if blocks and f.row - blocks[-1][-1].row <= 2:
            blocks[-1].append(f)
        else:
            blocks.append([f])
    for b in blocks:
        hits = set(range(bisect.bisect_left(anchors, b[0].row), bisect.bisect_right(anchors, b[-1].row)))
        if len(b) > 1 and len(hits) <= 1 and anchors:
            mid = _centre([f.row for f in b])
            j = bisect.bisect_left(anchors, mid)
            i = hits.pop() if hits else min((i for i in (j - 1, j) if 0 <= i < len(anchors)),
                                            key=lambda i: abs(anchors[i] - mid))
            out[i].extend(b)
        else:
            rest.extend(b)
    for f in rest:
        if not anchors:
            break
        # The nearest anchors (sorted): the ones on either side of the fragment.
        j = bisect.bisect_left(anchors, f.row)
        near = [i for i in (j - 1, j) if 0 <= i < len(anchors)]
        best = min(abs(anchors[i] - f.row) for i in near)
        ties = [i for i in near if abs(anchors[i] - f.row) == best]
        if len(ties) == 1:
            out[ties[0]].append(f)
        else:
            tied.append((f, ties))
    for f, ties in tied:
        def off(i: int, f: _Frag = f) -> tuple[bool, float]:
            if not out[i]:
                return (False, 0.0)
            rows = [x.row for x in out[i]]
            return (True, abs(_centre([*rows, f.row]) - anchors[i]) - abs(_centre(rows) - anchors[i]))
        out[min(ties, key=off)].append(f)
    for g in out:
        g.sort(key=lambda f: f.row)
    return out


class _Reader:
    def __init__(self, chunk: Sequence[Line], findings: list[Finding],
                 pages: Sequence[int] | None = None) -> None:
        self.pages = pages
        self.title = chunk[0]
        self.body = [ln for ln in chunk[1:] if ln.stripped]
        self.findings = findings
        self.project = ""
        self.continued = False
        self.funding_unread = False  # funding figures printed but not placed

    def _page(self, no: int) -> int | None:
        pages = self.pages
        return pages[no - 1] if pages and 0 < no <= len(pages) else None

    def _unplaced(self, line: int, text: str, why: str, why_en: str) -> None:
        self.findings.append(Finding(
            rule="reading.unplaced_figure", severity=Severity.WARNING,
            message=f"无法对应的数字“{text}”：{why}", message_en=f"figure {text!r} not placed: {why_en}",
            location=Location(section=_SECTION, row_name=self.project or None, line=line),
            actual=text))

    def read(self) -> SelfEvaluation:
        body = self.body
        dept = impl = ""
        fund_h = next((k for k, ln in enumerate(body) if "全年执行" in _compact(ln.text)
                       or "执行率" in _compact(ln.text)), None)
        grid_h = next((k for k, ln in enumerate(body)
                       if "二级指标" in _compact(ln.text) and "三级指标" in _compact(ln.text)), None)
        for k, ln in enumerate(body[:fund_h if fund_h is not None else len(body)]):
            c = _compact(ln.text)
            if c.startswith("项目名称") and not self.project:
                self.project = c[len("项目名称"):]
            elif c.startswith("主管部门"):
                dept, impl = self._department(k)
        unit = Unit.YUAN if "（元）" in "".join(_compact(ln.text) for ln in body[:grid_h or 0]) \
            else Unit.WAN_YUAN
        funding = self._funding(fund_h, grid_h) if fund_h is not None else ()
        indicators: tuple[ScoredIndicator, ...] = ()
        total_weight = total_score = None
        total_line = None
        if grid_h is not None:
            indicators, total_weight, total_score, total_line = self._grid(grid_h)
        missing = [m for m, ok in (("项目名称", self.project),
                                   ("项目资金", funding or self.funding_unread),
                                   ("绩效指标", indicators)) if not ok]
        if missing:
            self.findings.append(Finding(
                rule="reading.incomplete_table", severity=Severity.WARNING,
                message="绩效自评表不完整，缺少" + "、".join(missing),
                message_en="self-evaluation table incomplete: no " + ", ".join(missing),
                location=Location(section=_SECTION, row_name=self.project or None,
                                  line=self.title.no)))
        return SelfEvaluation(
            project=self.project, department=dept, implementer=impl, unit=unit,
            funding=funding, indicators=indicators, total_weight=total_weight,
            total_score=total_score, line=self.title.no,
            end_line=body[-1].no if body else self.title.no, total_line=total_line,
            complete=not self.continued)

    def _department(self, k: int) -> tuple[str, str]:
        body = self.body
        cs = _cells(body[k].text, k)[1:]
        impl_x = None
        for j in (k - 1, k, k + 1):
            if 0 <= j < len(body):
                for c in _cells(body[j].text, j):
                    if _compact(c.text).startswith("实施单"):
                        impl_x = c.x0
        dept = [c.text for c in cs if impl_x is None or c.x1 < impl_x]
        impl = [c.text for c in cs if impl_x is not None and c.x0 > impl_x
                and not _compact(c.text).startswith("实施单")]
        return join_stripped(dept), join_stripped(impl)

    def _funding(self, h: int, end: int | None) -> tuple[EvaluationFunding, ...]:
        body = self.body
        heads = _heads(body, h, _FUND_HEADS, _FUND_KEYS, 1)
        stop = end if end is not None else len(body)
        for k in range(h + 1, stop):
            if any(w in _compact(body[k].text) for w in ("预期目标", "总体目标", "实际完成情况")):
                stop = k
                break
        start = h + 2 if h + 1 < stop and not any(_is_figure(c.text) for c in _cells(body[h + 1].text, labels=True)) \
            else h + 1
        rows: list[tuple[int, dict[str, str]]] = []
        labels: list[_Frag] = []
        all_packed = True
        unplaced = False  # figures not placed before the first row read
        # Left of the first column's heading: the margin, where the labels are.
        margin = min((hd.centre for hd in heads), default=None)
        last = (-1, 0)  # the line of the row read last, and its number of figures
        dead: set[int] = set()  # lines of rows found wrapped: not given

        def none_read() -> bool:
            """No row read yet (or only wrapped ones): what is unplaced now may be the total."""
            return all(no in dead for no, _ in rows)

        for k in range(start, stop):
            if (unit_figure := UNIT_FIGURE.search(body[k].text)) is not None:
                # a figure printed with its unit (413.57万元): no figure of a column, and
                # the block's unit not the line's; no funding row is given
                self._unplaced(body[k].no, unit_figure.group(), "资金数值带有金额单位，无法确定其栏目与单位",
                               "a funding figure printed with its unit: its column and "
                               "unit cannot be told")
                unplaced = True
                continue
            cs = _cells(body[k].text, k, labels=True)
            figs = [c for c in cs if _is_figure(c.text)]
            text = [c for c in cs if not _is_figure(c.text)]
            cut = bool(cs) and _CUT_TAIL.match(cs[0].text) is not None
            if cut or (figs and not text and len(figs) < len(_FUND_KEYS) and margin is not None
                       and figs[0].x1 < margin - 2):
                # Figures alone on a line, fewer than the columns, the first in the margin
                # (under no column; a full row may start left of a centred heading), or a
                # line opening with a figure's cut tail (``.03``: ``180`` | ``.03``): a
                # row wrapped over lines (text wrapped at a fixed width). The row right
                # above them, short of the columns, is the first half of it: its figures
                # are not placed either.
                if rows and last[0] == k - 1 and (cut or last[1] < len(_FUND_KEYS)):
                    first_no, first_half = rows[-1]
                    dead.add(first_no)  # (still an anchor: its labels are no other row's)
                    for v in first_half.values():
                        self._unplaced(first_no, v, "资金行折行，数值分印两行", "a funding row wrapped over lines")
                for c in cs[:1] + figs if cut else figs:
                    self._unplaced(body[k].no, c.text, "资金行折行，数值分印两行", "a funding row wrapped over lines")
                unplaced = unplaced or none_read()
                continue
            packed = len(figs) >= 3 and all(b.x0 - a.x1 == 2 for a, b in itertools.pairwise(figs))
            # A figure in every column the header named (in the header's order), or in every
            # column of the template, is read one for one: positions need not line up with
            # the header's (PyMuPDF's sorted text spaces figures wider than CJK labels).
            # The template's order first, the header's (by its labels' positions, which text
            # that lost its layout scrambles) second: an order must put a rate (or a dash)
            # under 执行率 and none elsewhere (a header printing 执行率 before 分值).
            keys = next((o for o in (_FUND_KEYS, tuple(hd.key for hd in heads))
                         if len(o) == len(figs) and _rates_fit(o, figs)), ())
            full = len(figs) >= 3 and bool(keys)
            if full:
                all_packed = all_packed and packed
                rows.append((body[k].no, {key: c.text for key, c in zip(keys, figs, strict=True)}))
                last = (k, len(figs))
            elif packed:
                # Figures one space apart all along (text without layout): their positions
                # tell no column.
                for c in figs:
                    self._unplaced(body[k].no, c.text, "资金行数值少于栏目，无法确定各数值所在栏目",
                                   "fewer figures than columns, one space apart: their "
                                   "columns cannot be told")
                unplaced = unplaced or none_read()
                continue
            elif len(figs) >= 3 and heads:
                all_packed = False
                vals: dict[str, str] = {}
                for c in figs:
                    key = _nearest(heads, c)
                    if key in vals:
                        self._unplaced(body[k].no, c.text, "资金栏目重复", "two figures in one column")
                    else:
                        vals[key] = c.text
                rows.append((body[k].no, vals))
                last = (k, len(figs))
            elif figs:
                for c in figs:
                    self._unplaced(body[k].no, c.text, "资金行之外的数字", "outside a funding row")
                unplaced = unplaced or none_read()
                continue  # its label is its own: no other row's
            for c in text:
                # the block's own label in the margin (项目资金（万元）), also where a cell
                # runs it together with a row's label one space apart (项目资金 其中：财政)
                words = [w for w in c.text.split(" ") if not _is_margin_label(_compact(w))]
                if words:
                    labels.append(_Frag(body[k].no, " ".join(words)))
        if unplaced:
            # A funding line before the first row read whose figures could not be placed
            # (the total wrapped over lines, or short of figures): the first row read is
            # then not known to be the total (年度资金总额), nor the others their parts; no
            # funding row is given rather than rows that may be others' (the figures are
            # reported, the block is not "missing"). A part unplaced later leaves the
            # total and the parts read as they are.
            self.funding_unread = True
            return ()
        groups = _assign(labels, [no for no, _ in rows])
        named = _names_in_turn("".join(_compact(f.text) for f in labels), len(rows)) \
            if all_packed and not dead else None
        out = []
        for n, ((no, vals), g) in enumerate(zip(rows, groups, strict=True)):
            if no in dead:
                continue
            label = join_stripped([f.text for f in g]).rstrip("：:")
            out.append(EvaluationFunding(
                source=named[n] if named else label.removeprefix("其中：").removeprefix("其中:"),
                initial=_cell_number(vals.get("initial")), budget=_cell_number(vals.get("budget")),
                executed=_cell_number(vals.get("executed")), weight=_cell_number(vals.get("weight")),
                rate=vals.get("rate"), score=_cell_number(vals.get("score")), line=no))
        return tuple(out)

    def _score_columns(self, start: int, actual: float | None) -> tuple[float, float] | None:
        """Where the 分值 and 得分 figures stand on the page of line ``start`` (from it to the
        page's end or the 总分 row): the bare numbers of a grid fall in columns; the two
        rightmost that hold two figures or more, right of ``actual``."""
        body = self.body
        page = self._page(body[start].no)
        xs: list[float] = []
        for k in range(start, len(body)):
            if page is not None and self._page(body[k].no) != page:
                break
            cs = _cells(body[k].text, k)
            xs += [c.centre for c in cs if _BARE.fullmatch(c.text)]
            if cs and _compact(cs[0].text) in ("总分", "合计"):
                break
        clusters: list[list[float]] = []
        for x in sorted(xs):
            if clusters and x - clusters[-1][-1] <= 2:
                clusters[-1].append(x)
            else:
                clusters.append([x])
        big = [c for c in clusters if len(c) >= 2 and (actual is None or min(c) > actual)]
        if len(big) < 2:
            return None
        w, sc = (sum(c) / len(c) for c in big[-2:])
        return w, sc

    def _calibrate(self, heads: list[_Head], h: int) -> list[_Head]:
        """The 分值 and 得分 columns where their figures stand (a narrow wrapped header such
        as ``得`` / ``分`` may be printed away from its figures, nearer the note's wide
        header), the note column after them."""
        actual = next((hd.centre for hd in heads if hd.key == "actual"), None)
        found = self._score_columns(h + 1, actual) if h + 1 < len(self.body) else None
        if found is None:
            return heads
        w, sc = found
        out = [hd for hd in heads if hd.key not in ("weight", "score", "note")]
        out += [_Head("weight", w), _Head("score", sc)]
        # The note (偏差原因分析及改进措施) is the column after 得分, as far from it at least
        # as 得分 is from 分值 (its wide header is centred over text that starts further on).
        note = next((hd.centre for hd in heads if hd.key == "note"), None)
        if note is not None:
            out.append(_Head("note", max(note, sc + (sc - w))))
        return sorted(out, key=lambda hd: hd.centre)

    def _shifted(self, heads: list[_Head], k: int) -> list[_Head] | None:
        """The columns on the page that starts at line ``k``, where the grid goes on
        without its header: the whole grid moved by as much as its 分值 and 得分 figures
        moved (both by about the same), else ``None`` (not guessed)."""
        w = next((hd.centre for hd in heads if hd.key == "weight"), None)
        sc = next((hd.centre for hd in heads if hd.key == "score"), None)
        if w is None or sc is None:
            return None
        found = self._score_columns(k, None)
        if found is None:
            return None
        dw, ds = found[0] - w, found[1] - sc
        if abs(dw - ds) > 2:
            return None
        d = (dw + ds) / 2
        if abs(d) < 1:
            return heads  # the same columns (tab-separated cells keep their fields)
        return [_Head(hd.key, hd.centre + d) for hd in heads]

    def _grid(self, h: int) -> tuple[tuple[ScoredIndicator, ...], Decimal | None, Decimal | None,
                                     int | None]:
        body = self.body
        heads = _heads(body, h, _GRID_HEADS, _GRID_KEYS, 2)
        keys = {hd.key for hd in heads}
        if not {"name", "weight", "score"} <= keys:
            return (), None, None, None
        heads = self._calibrate(heads, h)
        frags: dict[str, list[_Frag]] = {hd.key: [] for hd in heads}
        anchors: list[int] = []
        total_weight = total_score = None
        total_line = None
        header_rows = set(range(h - 2, h + 3))
        page = self._page(body[h].no)
        moved_from: int | None = None  # the first line of a page the grid moved on
        for k in range(h + 1, len(body)):
            if page is not None and self._page(body[k].no) != page:
                # The grid goes on over a page, its header not repeated and maybe the whole
                # grid moved: read on where its figures show how far it moved.
                moved = self._shifted(heads, k)
                if moved is not None:
                    if moved_from is None and moved != heads:
                        moved_from = body[k].no
                    heads = moved
                    page = self._page(body[k].no)
                else:
                    self.findings.append(Finding(
                        rule="reading.incomplete_table", severity=Severity.WARNING,
                        message=f"绩效自评表“{self.project}”的指标跨页续表，续页各行未读取，总分不核对",
                        message_en=f"self-evaluation {self.project!r} goes on over a page: the "
                                   "rows there were not read and the total is not checked",
                        location=Location(section=_SECTION, row_name=self.project or None,
                                          line=body[k].no)))
                    self.continued = True
                    break
            cs = _cells(body[k].text, k)
            if not cs:
                continue
            if k in header_rows and all(not _is_figure(c.text) and len(_compact(c.text)) <= 6
                                        and any(_compact(c.text) in n for n in _GRID_HEADS)
                                        for c in cs):
                continue  # the rest of a wrapped header
            if _compact(cs[0].text) in ("总分", "合计"):
                for c in cs[1:]:
                    key = _nearest(heads, c)
                    value = _number(c.text)
                    if key == "weight" and value is not None:
                        total_weight = value
                    elif key == "score" and value is not None:
                        total_score = value
                total_line = body[k].no
                break
            per: dict[str, list[str]] = {}
            for c in cs:
                per.setdefault(_nearest(heads, c), []).append(c.text)
            if any(_number(t) is not None for key in ("weight", "score") for t in per.get(key, [])):
                anchors.append(body[k].no)
            for key, parts in per.items():
                # On a page the grid moved on, only the figures are placed for sure (the
                # text columns do not move by one offset): names and values are not read.
                if moved_from is None or key in ("weight", "score"):
                    frags[key].append(_Frag(body[k].no, join_stripped(parts)))
        if moved_from is not None:
            n = sum(1 for a in anchors if a >= moved_from)
            self.findings.append(Finding(
                rule="reading.incomplete_table", severity=Severity.WARNING,
                message=f"绩效自评表“{self.project}”跨页续表：续页{n}行只读取分值与得分，指标名称与"
                        "指标值、实际完成值未读取",
                message_en=f"self-evaluation {self.project!r} goes on over a page: of its {n} "
                           "rows there only the weight and the score were read, not the names "
                           "and values",
                location=Location(section=_SECTION, row_name=self.project or None,
                                  line=moved_from)))
        if not anchors:
            return (), total_weight, total_score, total_line
        cols = {key: _assign(fs, anchors) for key, fs in frags.items()
                if key not in ("level1", "level2")}
        # 一级/二级 cells are not assigned: in these grids the vertical 绩效指标 label and
        # the merged level cells share the margin, and a wrong level is worse than none.
        def text(key: str, i: int) -> str:
            return join_stripped([f.text for f in cols[key][i]]) if key in cols else ""

        # In tab-separated cells a merged 一级/二级 cell is in the first row it spans: it
        # holds until the next (sure); in laid-out text the levels are not assigned.
        levels: dict[int, tuple[str, str]] = {}
        if "\t" in body[h].text:
            l1 = l2 = ""
            firsts = {key: {f.row: f.text for f in frags.get(key, [])} for key in ("level1", "level2")}
            for a in anchors:
                if firsts["level1"].get(a):
                    l1, l2 = firsts["level1"][a], ""
                if firsts["level2"].get(a):
                    l2 = firsts["level2"][a]
                levels[a] = (l1, l2)
        out = []
        for i, a in enumerate(anchors):
            weight, score = text("weight", i), text("score", i)
            l1, l2 = levels.get(a, ("", ""))
            out.append(ScoredIndicator(
                level1=l1, level2=l2, name=text("name", i),
                target=text("target", i), actual=text("actual", i),
                weight=_number(weight), score=_number(score), note=text("note", i), line=a))
            for label, t in (("分值", weight), ("得分", score)):
                if t and _number(t) is None:
                    self._unplaced(a, t, f"{label}无法读取", f"unreadable {label}")
        if any(i.weight is None or i.score is None for i in out):
            # A row without both figures: the score columns were not told apart (a header
            # centred away from its figures). Not guessed: reported, the grid not read.
            self.findings.append(Finding(
                rule="reading.incomplete_table", severity=Severity.WARNING,
                message=f"绩效自评表“{self.project}”的分值、得分栏无法区分，指标未读取",
                message_en=f"self-evaluation {self.project!r}: the weight and score columns "
                           "could not be told apart; indicators not read",
                location=Location(section=_SECTION, row_name=self.project or None,
                                  line=body[h].no)))
            self.continued = True
            return (), None, None, None
        return tuple(out), total_weight, total_score, total_line



def _cell_number(text: str | None) -> Decimal | None:
    return None if text is None else _number(text)


def read_self_evaluations(lines: Sequence[Line], pages: Sequence[int] | None = None
                          ) -> tuple[tuple[SelfEvaluation, ...], list[Finding]]:
    """Read the self-evaluation tables of a segment (raw lines, positions kept). A table
    runs from its title to the next title of a self-evaluation or target table. With
    ``pages`` (the page of each line by number) a grid that goes on over a page is read
    up to the page's end and reported (`SelfEvaluation.complete` is then false)."""
    findings: list[Finding] = []
    starts = [k for k, ln in enumerate(lines) if is_self_evaluation_title(ln.text)]
    if not starts:
        return (), findings
    others = {a for a, _ in _title_spans(lines)}
    out = []
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else len(lines)
        e = min([e, *[o for o in others if s < o < e]])
        out.append(_Reader(lines[s:e], findings, pages).read())
    return tuple(out), findings
