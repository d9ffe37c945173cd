"""Reader of project performance target tables (项目支出绩效目标表).

A disclosure ends with one table per project. `read_performance` receives the
segment of the document that holds them (page furniture already removed, lines raw) and
returns one `govbudget.PerformanceTable` per table, plus reading findings.

Layout of one table, as PDF extraction prints it (top to bottom)
------------------------------------------------------------------

- a title line containing ``项目支出绩效目标表`` (maybe with a region prefix, maybe drawn
  twice), often followed by a year line ``（2024年度）``. Every title starts a table;
- short fields, each label at the start of a line, its value after it or on the next
  lines (values and labels wrap): ``项目名称``, ``主管部门及代码`` (``315-某某局`` gives the
  code ``"315"`` and the name), ``实施单位``, ``项目属性`` (with ``项目期`` on the same line);
- the funding block ``项目资金（元）``: two totals (``实施期资金总额：`` / ``年度资金总额：``)
  and one row per source, printed as ``label amount label amount`` (实施期 | 年度), where a
  blank cell prints nothing. Labels wrap (``县级财政资`` + ``金``) and amounts break
  (``120,00`` + ``0``);
- long text fields: ``项目概况``, ``立项依据``, ``项目设立必要性``, ``保证项目实施的制度、措施``,
  ``项目实施计划`` (wrapped lines are joined with `join_text`);
- ``总体目标`` under a header ``实施期目标 年度目标``: the two columns come out as two
  consecutive paragraphs;
- a vertical label ``绩/效/指/标`` (one character per line: noise), then the indicator grid
  ``一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值``: the 实施期 (period) column on
  the left, the 年度 (year) column on the right, interleaved;
- a footer ``负责人： 经办人： 联系电话： 填报日期：`` and the date as digits, maybe broken.

Heuristics
----------

*Sections.* A line starting with a known label opens a section; each kind of section opens
only once per table (the first occurrence), so a text line that happens to start with a
label word later on does not cut the table. A label broken over two lines is joined when
the line is a proper prefix of the label and the next line starts with the remainder.
Runs of one-character lines are merged: ``绩效指标``/``绩效目标`` are dropped, an indicator
label printed vertically (``产/出/指/标``) becomes that label.

*Amounts.* A number that is not a valid amount (``120,00``: incomplete digit group) is
joined with the digits that follow it on the next lines until it is valid; the repair is
reported (``reading.repaired_number``, info). A number that cannot be repaired or placed is
reported (``reading.unplaced_figure``) and the cell stays ``None``, never zero. When a
source label is printed twice, its first occurrence is the 实施期 column and its second the
年度 column; a label printed once with two amounts gives both; with one amount, the 年度.

*Goals.* The 总体目标 lines are split into the 实施期 and the 年度 paragraph by, in order:
(1) an exact repetition (the joined text is ``X + X`` at a line boundary, or a single line
``X X``); (2) the line that starts most like the first line (at least 4 characters in
common); (3) the first line that is clearly narrower than the first one (the end of the
first paragraph). Otherwise all text goes to the 实施期 goal and ``reading.goal_split``
(info) is reported. Text is never dropped.

*Indicator grid.* Each line is cut into tokens at spaces; 一级/二级 labels become markers,
also when glued to the name (``服务对象满意度指标相关人员满意度``). ``成本指标`` is 一级 when
the next marker is a 二级 label (``经济成本指标`` …) and 二级 otherwise. For each 二级 group
the order is ``label(left) rows… label(right) row row…``: rows go to the left column until
the right label; after it the next row goes right, then rows alternate left/right (this
also covers the common ``name value name value`` line, and stacked multi-line cells).
A row is name fragments followed by a value; a token is a value when:

- it matches the value grammar: an optional comparison (``≥``, ``不低于`` …), a number or
  range and a unit (``≤82平方米``, ``470元/人/天``, ``20分钟左右``), a date or month
  (``2024年6月底``, ``3月中下旬``, ``6至7月``) or a frequency (``每两周``, ``每半年``);
- it follows a name cell on the same line (cells on one line alternate name/value);
- it follows the last, narrower line of a wrapped name (a wrapped name fills the column;
  its last line is shorter by more than a character);
- it is a qualitative word (``及时``, ``保障``, ``进一步有效增强`` …) or the first word of
  the name (``保障群众出行安全`` / ``保障``);
- it ends a fragment run at a marker or at the end of the grid (the last fragment).

A token that holds name and value glued is split when its value is missing: at the start
of a value-grammar suffix (``培训合格率100%``, ``《…》6期``), or at a word
that ends the token and also starts it (``全面提升服务质量全面提升``,
``提高群众办事效率提高``). A run of fragments whose text is ``X + X`` is two
rows (one per column). A lone ``前``/``左右`` … after a value belongs to it
(``2024年12月底 前``). A 二级 group with no row gives ``Indicator(level1, level2, "", "")``.
Each column is kept as printed (order, typos). A row whose name and value cannot be told
apart is kept whole and reported (``reading.unsplit_indicator``, warning).

All steps are linear in the input (token-level look-ups are bounded), and odd input
(truncated, empty, binary junk) gives tables with what could be read plus findings,
never an exception; a table with no name, no funding or no indicators is reported as
``reading.incomplete_table``.

```pycon
>>> from govbudget._ingest._text import split_lines
>>> text = '''某某县项目支出绩效目标表
... 项目名称 档案数字化
... 主管部门及代码 105-某某县档案局
... 实施单位 某某县档案馆
... 项目资金（万元） 实施期资金总额： 12.50
... 年度资金总额： 12.50
... 其中：财政拨款 12.50 其中：财政拨款 12.50
... 一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
... 产出指标 数量指标 数字化档案（卷） ≥3000卷 数量指标 数字化档案（卷） ≥3000卷
... 负责人： 填报日期： 20240301'''
>>> (t,), findings = read_performance(split_lines(text))
>>> t.project, t.department_code, t.unit.symbol, t.total_year
('档案数字化', '105', '万元', Decimal('12.50'))
>>> t.indicators_year[0].name, t.indicators_year[0].value, t.filled_on
('数字化档案（卷）', '≥3000卷', '20240301')

```
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Final, TypeAlias

import attrs
from attrs import define, field

from .._chars import NUMBER, translation
from .._findings import Finding, Location, Severity
from .._money import Unit, parse_amount
from .._report import FundingLine, Indicator, PerformanceProse, PerformanceTable
from ..prose import parse_prose
from ._text import Line, dedouble, join_stripped, join_text, make_line

__all__ = ["read_performance"]

_SECTION: Final = "performance"
_SPACES: Final = " \t\u3000\u00a0"
_SPACES_COLONS: Final = _SPACES + "：:"

# -- titles -------------------------------------------------------------------------------

_TITLE_RE: Final = re.compile(r"项目(?:支出|预算)?绩效目标(?:申报)?表")
_YEAR_LINE: Final = re.compile(r"^[（(]?\s*\d{4}\s*年度?\s*[)）]?$")


def _is_title(text: str) -> bool:
    if "目标" not in text:
        return False
    t = text.strip(_SPACES)
    if not t or len(t) > 160 or not _TITLE_RE.search(t):
        return False
    core = dedouble(t)
    return len(core) <= 80 and not any(p in core for p in "，。；")


# -- the value grammar (for splitting names from values) ---------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_TRANS: Final = translation({
    "，": ",", "～": "~", "－": "-", "—": "-", "–": "-",
    "＞": ">", "＜": "<", "＝": "=", "／": "/", "：": ":", "≧": "≥", "≦": "≤",
})
_COMP_WORDS: Final = ("不低于", "不少于", "不高于", "不超过", "不多于", "不大于", "不小于", "大于等于",
                      "小于等于", "大于", "小于", "高于", "低于", "达到", "超过", "约", "≈")
_COMP: Final = r"(?:[≥≤><=]=?|" + "|".join(_COMP_WORDS) + ")"
# Every text _COMP matches whole (a set look-up for a word, rather than a regex).
_COMPARATORS: Final = frozenset({c + eq for c in "≥≤><=" for eq in ("", "=")} | set(_COMP_WORDS))
_NUM: Final = NUMBER
_RANGE: Final = rf"{_NUM}(?:[-~至到]{_NUM})?"
_UNIT_WORDS: Final = sorted(
    _words("平方公里 平方米 立方米 平米 千米 公里 米 公顷 亩 吨 千克 公斤 克 升 万元 亿元 千元 元 人次 "
     "人天 人日 人 户 家 个 套 把 台次 台 辆 部 件 张 本 册 份 篇 期 次 场 项 天 日 周 个月 月份 月 "
     "年 季度 小时 分钟 秒 课时 学时 批次 批 条 处 所 座 间 栋 块 盏 株 棵 只 头 种 类 轮 届 门 节 "
     "段 名 位 支 队 组 页 字 卷 幅 首 集 分 倍 架次 车次 宗 起 例 床 GB TB MB km kg m t"),
    key=len, reverse=True)
_UNIT: Final = "(?:" + "|".join(map(re.escape, _UNIT_WORDS)) + ")"
_SUFFIX: Final = (r"(?:及以上|及以下|以上|以下|以内|之内|左右|中下旬|上中旬|上旬|中旬|下旬|"
                  r"整|内|前|后|底|末|初|份)")
_DATE_SUFFIX: Final = (r"(?:中下旬|上中旬|上旬|中旬|下旬|以前|之前|以后|之后|以内|左右|完成|"
                       r"初|中|底|末|前|后|内)")
_QTY: Final = rf"{_COMP}?{_RANGE}(?:[%‰]|{_UNIT}(?:/{_UNIT})*)?{_SUFFIX}{{0,2}}"
_DATE: Final = (rf"{_COMP}?(?:\d{{4}}年(?:\d{{1,2}}月(?:份)?(?:\d{{1,2}}[日号])?)?"
                rf"|\d{{4}}[-./]\d{{1,2}}(?:[-./]\d{{1,2}})?"
                rf"|\d{{1,2}}(?:[-~至到]\d{{1,2}})?月(?:份)?(?:\d{{1,2}}[日号])?)"
                rf"{_DATE_SUFFIX}{{0,2}}")
_FREQ: Final = (r"每[一二两三四五六七八九十百半\d个]*(?:工作日|学期|季度|半年|星期|天|日|周|旬|月|季|年|期|次)"
                r"(?:[一二两三四五六七八九十\d]+(?:次|期|场|天))?(?:以上)?")
_CN_QTY: Final = rf"{_COMP}?[一二两三四五六七八九十百千]+{_UNIT}{_SUFFIX}{{0,2}}"
_VALUE_RE: Final = re.compile(rf"(?:(?:{_FREQ}|全年|当年|年内)?(?:{_QTY}|{_DATE})|{_FREQ}|{_CN_QTY})")
# What every value holds (a number or a date: a digit; a frequency: 每; a count in words:
# a Chinese numeral): searched first, it rules most names out cheaply.
_VALUE_HINT: Final = re.compile(r"[\d每一二两三四五六七八九十百千]")
# Where a value glued to a name may start (word comparisons such as 约/达到 are left out:
# 节约10% must not become 节 + 约10%).
_GLUE_START: Final = frozenset("0123456789≥≤><=≧≦不大小每" + "".join(chr(0xFF10 + i) for i in range(10)))
_GLUE_START_RE: Final = re.compile("[" + re.escape("".join(sorted(_GLUE_START))) + "]")
_GLUE_WINDOW: Final = 40

_QUAL_WORDS: Final = frozenset(_words(
    "及时 准时 按时 按期 如期 是 否 有 无 高 中 低 好 优 良 优秀 良好 较好 合格 达标 完成 提高 提升 增强 "
    "改善 优化 保障 确保 保证 完善 规范 加强 促进 推进 推动 弥补 展示 有效 显著 明显 稳定 持续 长期 "
    "逐步提高 有所提高 逐年提高 年底 年底前 年内 全年 当年 正常 顺利 安全 满意 基本满意 符合 符合要求 "
    "达到要求 降低 减少 增加 节约 改进"))
_QUAL_ENDINGS: Final = _words(
    "提高 提升 增强 改善 优化 保障 确保 保证 完善 规范 加强 促进 推进 推动 弥补 展示 协调 实现 "
    "达标 合格 及时 有效 显著 明显 良好 稳定 改进 降低 减少")
_MODIFIERS: Final = frozenset(_words(
    "前 后 以前 之前 以后 之后 以内 以上 以下 左右 底 末 初 完成 前完成 内 及以上 及以下"))
_COMPARATOR_ONLY: Final = re.compile(rf"^{_COMP}$")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


@functools.lru_cache(maxsize=4096)
def _is_value(text: str) -> bool:
    """True when ``text`` as a whole reads as an indicator value (the grammar above).
    Cached: a grid repeats its values, and a token is often asked about twice."""
    return (bool(text) and _VALUE_HINT.search(text) is not None
            and _VALUE_RE.fullmatch(text.translate(_TRANS)) is not None)


def _is_qual(text: str, name: str) -> bool:
    """True for a qualitative value: a known word, a short phrase ending in one, or the
    first word of the name it follows (``保障群众…`` / ``保障``), ``name`` being the start
    of that name."""
    if text in _QUAL_WORDS:
        return True
    if len(text) <= 8 and all(_is_cjk(c) for c in text) and text.endswith(_QUAL_ENDINGS):
        return True
    return 2 <= len(text) <= 4 and len(name) > len(text) and name.startswith(text)


@functools.lru_cache(maxsize=4096)
def _split_glued(text: str) -> tuple[str, str] | None:
    """Split ``name≤20次`` into name and value at the start of a value-grammar suffix.
    Cached: a token is often tried twice, and the same names recur."""
    s = text.translate(_TRANS)  # (one character for one: positions carry over to text)
    # each position in the window where a value may start, in order
    for m in _GLUE_START_RE.finditer(s, max(1, len(s) - _GLUE_WINDOW)):
        i = m.start()
        prev = s[i - 1]
        if prev.isdigit() or prev in ".,%~-≥≤<>=至到":
            continue
        if _VALUE_RE.fullmatch(s, i) is not None:
            name = text[:i].rstrip(_SPACES)
            if any(_is_cjk(c) or c.isalpha() for c in name):
                return name, text[i:]
            return None
    return None


@functools.lru_cache(maxsize=4096)
def _split_repeat(text: str) -> tuple[str, str] | None:
    """Split ``保障群众出行安全保障`` at a final word that also starts the token (or a
    qualitative word found earlier in it)."""
    n = len(text)
    for size in (4, 3, 2):
        if n <= 2 * size:
            continue
        tail = text[-size:]
        if not all(_is_cjk(c) for c in tail):
            continue
        if text.startswith(tail) or (tail in _QUAL_WORDS and tail in text[:-size]):
            return text[:-size], tail
    return None


def _join_words(texts: Sequence[str]) -> str:
    """`join_text` for texts without surrounding spaces (grid tokens), without making a
    `Line` for each."""
    return texts[0] if len(texts) == 1 else join_stripped(texts)


def _width(text: str) -> int:
    """Display width: 1 for an ASCII character, 2 for any other (CJK, full-width)."""
    return 2 * len(text) - len(text.encode("ascii", "ignore"))


# -- indicator labels ---------------------------------------------------------------------

_L1: Final = frozenset({"产出指标", "效益指标", "满意度指标"})
_L1_TUPLE: Final = tuple(sorted(_L1))
_AMBIGUOUS: Final = "成本指标"
_L2_FAMILY: Final[dict[str, str]] = {
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标", "满意度指标": "满意度指标",
    "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
}
_L2: Final = frozenset(_L2_FAMILY) - {"满意度指标"}
_L2_BY_LENGTH: Final = sorted(_L2, key=len, reverse=True)
_L2_FALLBACK: Final = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:效益指标|成本指标|影响指标|满意度指标)$")
_HEADER_WORDS: Final = frozenset({"一级指标", "二级指标", "三级指标", "指标值", "指标名称",
                                  "实施期指标值", "年度指标值", "三级指标名称"})
_VERTICAL_NOISE: Final = frozenset({"绩效指标", "绩效目标", "绩效", "指标", "目标", "绩效指标值"})
# The column headers above the goals (a line of only these is no goal text).
_GOAL_HEADERS: Final = frozenset({"实施期目标", "年度目标", "实施期", "年度", "总体目标"})

_TEXT, _MARK1, _MARK2, _MARK_AMB = 0, 1, 2, 3


def _split_labels(token: str) -> list[tuple[int, str]]:
    """A grid token as markers and text: ``服务对象满意度指标相关人员满意度`` gives a 二级
    marker and ``相关人员满意度``."""
    if "指标" not in token:
        return [(_TEXT, token)]
    out: list[tuple[int, str]] = []
    rest = token
    while rest:
        if rest == _AMBIGUOUS:
            out.append((_MARK_AMB, rest))
            return out
        if rest in _L1:
            out.append((_MARK1, rest))
            return out
        if rest in _L2 or _L2_FALLBACK.match(rest):
            out.append((_MARK2, rest))
            return out
        for l1 in (*_L1, _AMBIGUOUS):
            if rest.startswith(l1) and any(rest[len(l1):].startswith(x) for x in _L2_BY_LENGTH):
                out.append((_MARK_AMB if l1 == _AMBIGUOUS else _MARK1, l1))
                rest = rest[len(l1):]
                break
        else:
            for l2 in _L2_BY_LENGTH:
                if rest.startswith(l2) and len(rest) > len(l2):
                    out.append((_MARK_AMB if l2 == _AMBIGUOUS else _MARK2, l2))
                    rest = rest[len(l2):]
                    break
            else:
                out.append((_TEXT, rest))
                return out
    return out


@functools.lru_cache(maxsize=4096)
def _grid_cells(text: str) -> tuple[tuple[int, str], ...]:
    """A grid line as ``(kind, text)`` tokens: its words, a comparison or a bare number
    printed apart joined to what follows (``≥ 95%``, ``95 %``), level labels cut out
    (`_split_labels`). Cached: grid lines recur (a column printed twice, common rows)."""
    merged: list[str] = []
    for w in text.split():
        # "≥ 95%" and "95 %": a comparison or a bare number printed apart
        if merged and (merged[-1] in _COMPARATORS or (
                merged[-1].isdigit() and not _is_value(w) and _is_value(merged[-1] + w))):
            merged[-1] += w
        else:
            merged.append(w)
    out: list[tuple[int, str]] = []
    for w in merged:
        if "指标" not in w:  # no level label in it (see _split_labels)
            out.append((_TEXT, w))
        else:
            out += _split_labels(w)
    return tuple(out)


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
    ("overview", "项目概况"), ("overview", "项目简介"), ("overview", "项目基本情况"),
    ("basis", "立项依据"),
    ("necessity", "项目设立必要性"), ("necessity", "项目设立的必要性"),
    ("measures", "保证项目实施的制度、措施"), ("measures", "保证项目实施的制度和措施"),
    ("measures", "项目实施保障措施"), ("measures", "保障措施"),
    ("plan", "项目实施计划"), ("plan", "实施计划"),
    ("goals", "实施期目标"), ("goals", "总体目标"), ("goals", "年度绩效目标"),
), key=lambda kv: -len(kv[1])))
_LABELS_BY_HEAD: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    head: tuple(kv for kv in _LABELS if kv[1][:2] == head) for head in {lab[:2] for _, lab in _LABELS}
}
_MAX_LABEL: Final = max(len(lab) for _, lab in _LABELS)
_BEFORE_GRID: Final = frozenset({"goals", "plan", "measures", "funding"})
_SHORT_KEYS: Final = ("project", "department", "implementer", "attribute", "duration")
_SHORT_LABELS: Final = tuple((k, lab) for k, lab in _LABELS if k in _SHORT_KEYS)
_SHORT_LABEL_TEXTS: Final = tuple(lab for _, lab in _SHORT_LABELS)
_TEXT_KEYS: Final = ("overview", "basis", "necessity", "measures", "plan")
_FOOTER_WORDS: Final = ("单位负责人", "项目负责人", "负责人", "填报人", "经办人", "填报日期")
_FOOTER_RE: Final = re.compile(r"^(?:" + "|".join(_FOOTER_WORDS) + r")\s*[:：]")
_DIGITS_LINE: Final = re.compile(r"^[\d\-./:年月日 ]+$")


@define
class _Section:
    key: str
    label: str
    line: int
    items: list[Line] = field(factory=list)


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
        if key is None or key in seen:
            continue
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
        if key in seen or len(label) <= len(text) or not label.startswith(text):
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


# -- the reader of one table ---------------------------------------------------------------

_UNIT_IN_LABEL: Final = re.compile(r"[（(]\s*(?:单位[:：]\s*)?(万元|亿元|元)\s*[)）]|单位[:：]\s*(万元|亿元|元)")
_NUMERIC: Final = re.compile(r"^[-+]?[0-9０-９][0-9０-９,，.．]*$")
_DIGIT_CHARS: Final = frozenset("0123456789" + "".join(chr(0xFF10 + i) for i in range(10)))
_BLANK_CELLS: Final = frozenset({"-", "—", "－", "/", "／", "无", "——"})
_SKIPPED_WORDS: Final = frozenset({"：", "项目资金", "项目资金情况", "资金情况"})
_TOTAL_PERIOD: Final = re.compile(r"实施期.{0,4}总额|实施期.{0,4}合计")
_TOTAL_YEAR: Final = re.compile(r"年度.{0,4}总额|年度.{0,4}合计|^资金总额|^合计|^总计")
_SOURCE, _PERIOD_TOTAL, _YEAR_TOTAL = 0, 1, 2


@functools.lru_cache(maxsize=1024)
def _label_kind(label: str) -> int:
    """``_PERIOD_TOTAL``, ``_YEAR_TOTAL`` or ``_SOURCE`` (a funding source) for a funding
    label. Cached: a label is asked about up to four times (joining, pairing, placing)."""
    if _TOTAL_PERIOD.search(label):
        return _PERIOD_TOTAL
    if _TOTAL_YEAR.search(label):
        return _YEAR_TOTAL
    return _SOURCE
_LABEL_ENDINGS: Final = ("资金", "自筹", "拨款", "结转", "收入", "总额", "基金", "合计", "补助",
                         "债券", "配套", "来源", "其他", "预算", "结余", "总计")
_CODE_RE: Final = (
    re.compile(r"^([0-9A-Za-z]{2,12})\s*[-－—–_:：]\s*(.*)$"),
    re.compile(r"^[\[【(（]\s*([0-9A-Za-z]{2,12})\s*[\]】)）]\s*(.*)$"),
    re.compile(r"^(\d{2,12})\s+(.*)$"),
    re.compile(r"^(\d{2,12})([\u4e00-\u9fff].*)$"),
)


@functools.lru_cache(maxsize=1024)
def _funding_words(text: str) -> tuple[Unit | None, tuple[tuple[int, str], ...]]:
    """A line of the funding block as the unit it names (or ``None``) and its words as
    ``(kind, word)``: kind 1 for a number, 2 for a blank-cell mark, `_TEXT` for a label
    part. Cached: lines such as ``单位自筹 0 单位自筹 0`` recur from table to table."""
    unit = None
    m = _UNIT_IN_LABEL.search(text) if "元" in text else None  # every unit ends in 元
    if m is not None:
        unit = Unit.parse(m.group(1) or m.group(2))
        text = text[:m.start()] + " " + text[m.end():]
    if "：" in text or ":" in text:
        # each colon (ASCII or full-width) as "： ": a label's colon ends a word
        text = text.replace(":", "：").replace("：", "： ")
    out: list[tuple[int, str]] = []
    for raw in text.split():
        word = raw.removeprefix("其中：").removeprefix("其中") if raw[0] == "其" else raw
        if not word or word in _SKIPPED_WORDS:
            continue
        # (_NUMERIC only matches a word starting with a digit, + or -)
        first = word[0]
        if first in _DIGIT_CHARS or (first in "+-" and _NUMERIC.match(word)):
            out.append((1, word))
        elif word in _BLANK_CELLS:
            out.append((2, word))
        else:
            word = word.rstrip("：:")
            if word:
                out.append((_TEXT, word))
    return unit, tuple(out)


@define
class _Tok:
    kind: int
    text: str
    line: int
    row: int  # ordinal of the line in the grid


@define
class _Source:
    line: int
    period: Decimal | None = None
    year: Decimal | None = None


@define
class _Column:
    rows: list[Indicator] = field(factory=list)
    frags: list[_Tok] = field(factory=list)
    done: bool = False
    width: int = 0
    head: str = ""  # the start of the pending name's first fragment
    label: str = ""
    label_line: int | None = None
    start: int = 0


class _Grid:
    """The indicator grid state machine (see the module docstring)."""

    __slots__ = ("cols", "l1", "last", "phase", "report", "target", "two")

    def __init__(self, two: bool, report: Callable[[int | None, str, str, int], None]) -> None:
        self.two = two
        self.cols = (_Column(), _Column())
        self.l1 = ""
        self.phase = 0  # 0: no group, 1: left label seen, 2: right label seen
        self.target = 0
        self.last: tuple[int, int] | None = None  # (column, token index) of a value just read
        self.report = report

    # rows -------------------------------------------------------------------------------
    def _level1(self, col: _Column) -> str:
        return self.l1 or _L2_FAMILY.get(col.label, "")

    def _emit(self, c: int, name: str, value: str, line: int | None) -> None:
        col = self.cols[c]
        if self.phase == 0:
            self._open(c, "", line)
        if not name or not value:
            self.report(line, name, value, c)
        label = col.label
        col.rows.append(Indicator(self.l1 or _L2_FAMILY.get(label, ""), label, name, value, line))
        col.frags.clear()
        col.done = False
        col.width = 0
        col.head = ""
        if self.two and self.phase == 2:
            self.target = 1 - c

    def _complete(self, c: int, value: str, tok: _Tok, extra_name: str = "") -> None:
        frags = self.cols[c].frags
        parts = [f.text for f in frags]
        if extra_name:
            parts.append(extra_name)
        self._emit(c, _join_words(parts) if parts else "", value,
                   frags[0].line if frags else tok.line)

    def _flush_run(self, c: int, run: list[_Tok]) -> None:
        if not run:
            return
        if len(run) == 1:
            only = run[0]
            split = _split_glued(only.text) or _split_repeat(only.text)
            if split:
                self._emit(c, split[0], split[1], only.line)
            else:
                self._emit(c, only.text, "", only.line)
            return
        last = run[-1]
        texts = [f.text for f in run]
        name = _join_words(texts[:-1])
        if len(last.text) > 12 and not _is_qual(last.text, name):
            self._emit(c, _join_words(texts), "", run[0].line)
        else:
            self._emit(c, name, last.text, run[0].line)

    def _flush(self) -> None:
        c = self.target
        col = self.cols[c]
        col.head = ""
        if not col.frags:
            return
        run = list(col.frags)
        col.frags.clear()
        texts = [f.text for f in run]
        total = sum(map(len, texts))
        if len(run) >= 2 and total % 2 == 0:
            acc = 0
            for i, t in enumerate(texts[:-1], 1):
                acc += len(t)
                if acc * 2 == total:
                    whole = "".join(texts)
                    if whole[:acc] == whole[acc:]:
                        self._flush_run(c, run[:i])
                        self._flush_run(self.target, run[i:])
                        return
                    break
                if acc * 2 > total:
                    break
        self._flush_run(c, run)

    # groups -----------------------------------------------------------------------------
    def _open(self, c: int, label: str, line: int | None) -> None:
        col = self.cols[c]
        col.label = label
        col.label_line = line
        col.start = len(col.rows)
        if c == 0:
            self.phase = 1
            self.target = 0
        else:
            self.phase = 2
            self.target = 1

    def _close(self) -> None:
        for c in (0, 1) if self.phase == 2 else (0,) if self.phase == 1 else ():
            col = self.cols[c]
            if col.label and len(col.rows) == col.start:
                col.rows.append(Indicator(self._level1(col), col.label, "", "", col.label_line))
        self.phase = 0
        self.target = 0

    # driver -----------------------------------------------------------------------------
    def run(self, toks: list[_Tok]) -> None:
        """Read the grid's tokens in order; the rows end up in ``self.cols``."""
        n = len(toks)
        text_token = self._text
        for k, tok in enumerate(toks):
            kind = tok.kind
            if kind == _TEXT:
                text_token(k, tok, toks)
                continue
            if kind == _MARK_AMB:
                nxt = toks[k + 1] if k + 1 < n else None
                kind = _MARK1 if nxt is not None and nxt.kind in (_MARK2, _MARK_AMB) else _MARK2
            if kind == _MARK1:
                self._flush()
                self._close()
                self.l1 = tok.text
                continue
            if kind == _MARK2:
                self._flush()
                if self.two and self.phase == 1 and tok.text == self.cols[0].label:
                    self._open(1, tok.text, tok.line)
                else:
                    self._close()
                    self._open(0, tok.text, tok.line)
                continue
        self._flush()
        self._close()

    def _text(self, k: int, tok: _Tok, toks: list[_Tok]) -> None:
        text = tok.text
        last = self.last
        if last is not None and last[1] == k - 1 and text in _MODIFIERS:
            col = self.cols[last[0]]
            if col.rows:
                col.rows[-1] = attrs.evolve(col.rows[-1], value=f"{col.rows[-1].value} {text}")
                self.last = None
                return
        if self.phase == 0:
            self._open(0, "", tok.line)
        c = self.target
        col = self.cols[c]
        frags = col.frags
        if _is_value(text):
            # self._complete(c, text, tok), inlined for the commonest case (a lone name
            # fragment or none)
            if len(frags) == 1:
                self._emit(c, frags[0].text, text, frags[0].line)
            else:
                self._complete(c, text, tok)
            self.last = (c, k)
            return
        # value position: after a name cell on this line, after a name's last (narrower)
        # line, or a qualitative word after a name
        if frags and (frags[-1].row == tok.row or col.done or _is_qual(text, col.head)):
            glued = _split_glued(text)
            if glued is not None and glued[0][0] not in _GLUE_START:
                # "name-part value" after a name fragment: the name continues
                self._complete(c, glued[1], tok, extra_name=glued[0])
                self.last = (c, k)
            else:
                self._complete(c, text, tok)
            return
        nxt = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].row == tok.row else None
        value_follows = nxt is not None and nxt.kind == _TEXT and (
            _is_value(nxt.text) or nxt.text in _MODIFIERS or len(nxt.text) <= 4
            or _is_qual(nxt.text, text))
        if not value_follows:
            glued = _split_glued(text)
            if glued is not None:
                self._complete(c, glued[1], tok, extra_name=glued[0])
                self.last = (c, k)
                return
            rep = _split_repeat(text)
            if rep is not None:
                self._complete(c, rep[1], tok, extra_name=rep[0])
                return
        w = 2 * len(text) - len(text.encode("ascii", "ignore"))  # _width(text), inlined
        if not frags:
            col.head = text[:9]
        elif w < col.width - 3:
            col.done = True
        if w > col.width:
            col.width = w
        frags.append(tok)


class _TableReader:
    """Reads one table. ``chunk`` is its title line (raw) followed by its non-blank lines,
    already stripped of surrounding spaces (so ``.text`` is used rather than ``.stripped``).
    Findings are appended to ``findings``."""

    __slots__ = ("chunk", "findings", "project")

    def __init__(self, chunk: list[Line], findings: list[Finding]) -> None:
        self.chunk = chunk
        self.findings = findings
        self.project = ""

    # findings ---------------------------------------------------------------------------
    def _finding(self, rule: str, severity: Severity, line: int | None, msg: str, msg_en: str,
                 actual: str | None = None, column: str | None = None) -> None:
        self.findings.append(Finding(
            rule=rule, severity=severity, message=msg, message_en=msg_en,
            location=Location(section=_SECTION, row_name=self.project or None, column=column,
                              line=line),
            actual=actual,
        ))

    def _unplaced(self, line: int | None, text: str, why: str, why_en: str) -> None:
        self._finding("reading.unplaced_figure", Severity.WARNING, line,
                      f"无法对应的数字“{text}”：{why}", f"figure {text!r} not placed: {why_en}",
                      actual=text)

    def _scan_figures(self, lines: Iterable[Line], why: str, why_en: str) -> None:
        for ln in lines:
            figs = [tok for tok in ln.text.split() if any(map(str.isdigit, tok))]
            if figs:
                self._unplaced(ln.no, " ".join(figs), why, why_en)

    # main -------------------------------------------------------------------------------
    def read(self) -> PerformanceTable:
        title = self.chunk[0]
        body = _merge_vertical(self.chunk[1:])
        pre, sections = _scan(body)
        by_key: dict[str, _Section] = {s.key: s for s in sections}

        short = self._short_fields([s for s in sections if s.key in _SHORT_KEYS])
        self.project = short.get("project", "")
        dept_code, dept = _department(short.get("department", ""))

        pre = [ln for ln in pre if not _YEAR_LINE.match(ln.text)]
        self._scan_figures(pre, "表头之外的内容", "outside any field")

        unit = Unit.YUAN
        total_period = total_year = None
        funding: tuple[FundingLine, ...] = ()
        if "funding" in by_key:
            unit, total_period, total_year, funding = self._funding(by_key["funding"])

        joined = {k: _joined(by_key[k].items) if k in by_key else _NO_TEXT for k in _TEXT_KEYS}
        texts = {k: text for k, (text, _) in joined.items()}
        goals = self._goals(by_key["goals"].items) if "goals" in by_key else (_NO_TEXT, _NO_TEXT)
        (goal_period, period_lines), (goal_year, year_lines) = goals
        prose = PerformanceProse(
            overview=parse_prose(*joined["overview"]), plan=parse_prose(*joined["plan"]),
            goal_period=parse_prose(goal_period, period_lines),
            goal_year=parse_prose(goal_year, year_lines))

        period: tuple[Indicator, ...] = ()
        year: tuple[Indicator, ...] = ()
        if "grid" in by_key:
            period, year = self._grid(by_key["grid"])

        filled_on = self._footer(by_key["footer"].items) if "footer" in by_key else None

        missing = []
        if not self.project:
            missing.append(("项目名称", "project name"))
        if total_period is None and total_year is None and not funding:
            missing.append(("项目资金", "funding"))
        if "grid" not in by_key:
            missing.append(("绩效指标表", "indicator grid"))
        elif not period and not year:
            missing.append(("绩效指标", "indicators"))
        if missing:
            self._finding(
                "reading.incomplete_table", Severity.WARNING, title.no,
                "绩效目标表不完整，缺少" + "、".join(m[0] for m in missing),
                "performance table incomplete: no " + ", ".join(m[1] for m in missing))

        return PerformanceTable(
            project=self.project, department=dept, department_code=dept_code,
            implementer=short.get("implementer", ""), attribute=short.get("attribute", ""),
            duration=short.get("duration", ""), unit=unit, total_period=total_period,
            total_year=total_year, funding=funding, overview=texts["overview"],
            basis=texts["basis"], necessity=texts["necessity"], measures=texts["measures"],
            plan=texts["plan"], goal_period=goal_period, goal_year=goal_year,
            indicators_period=period, indicators_year=year, filled_on=filled_on,
            line=title.no, end_line=(body[-1].no if body else title.no),
            field_lines=tuple((key, sec.line) for key, sec in by_key.items()),
            prose=prose,
        )

    # short fields -------------------------------------------------------------------------
    def _short_fields(self, sections: list[_Section]) -> dict[str, str]:
        parts: dict[str, list[Line]] = {}
        for s in sections:
            key = s.key
            for ln in s.items:
                words: list[str] = []
                for tok in ln.text.split():
                    hit = next(((k, lab) for k, lab in _SHORT_LABELS
                                if k != key and k not in parts and tok.startswith(lab)),
                               None) if tok.startswith(_SHORT_LABEL_TEXTS) else None
                    if hit is not None:
                        if words:
                            parts.setdefault(key, []).append(Line(ln.no, " ".join(words)))
                        words = []
                        key = hit[0]
                        parts.setdefault(key, [])
                        tok = tok[len(hit[1]):].lstrip("：:")
                        if not tok:
                            continue
                    words.append(tok)
                if words:
                    parts.setdefault(key, []).append(Line(ln.no, " ".join(words)))
        return {k: join_text(v) for k, v in parts.items()}

    # funding ------------------------------------------------------------------------------
    def _funding(self, sec: _Section) -> tuple[
            Unit, Decimal | None, Decimal | None, tuple[FundingLine, ...]]:
        unit = Unit.YUAN
        toks: list[_Tok] = []  # kind _TEXT (label) or 1 (number) or 2 (blank mark)
        for row, ln in enumerate(sec.items):
            named, words = _funding_words(ln.text)
            if named is not None:
                unit = named
            no = ln.no
            toks += [_Tok(kind, word, no, row) for kind, word in words]
        toks = self._join_labels(toks)
        entries = self._repair_numbers(toks)
        return (unit, *self._place_funding(entries))

    @staticmethod
    def _join_labels(toks: list[_Tok]) -> list[_Tok]:
        out: list[_Tok] = []
        for tok in toks:
            if tok.kind == _TEXT and out:
                prev = out[-1]
                if (prev.kind == _TEXT and prev.row < tok.row
                        and not prev.text.endswith(_LABEL_ENDINGS)
                        and _label_kind(prev.text) == _SOURCE):
                    out[-1] = _Tok(_TEXT, prev.text + tok.text, prev.line, tok.row)
                    continue
            out.append(tok)
        return out

    def _repair_numbers(self, toks: list[_Tok]) -> list[tuple[_Tok, Decimal | None]]:
        """Numbers as amounts; an invalid one is joined with the digits on the next lines."""
        out: list[tuple[_Tok, Decimal | None]] = []
        i = 0
        n = len(toks)
        while i < n:
            tok = toks[i]
            i += 1
            if tok.kind != 1:
                out.append((tok, None))
                continue
            value = _amount(tok.text)
            text = tok.text
            j = i
            while value is None and j < n and toks[j].kind == 1 and j - i < 3 \
                    and toks[j].row > toks[j - 1].row:
                text += toks[j].text
                j += 1
                value = _amount(text)
            if value is not None and j > i:
                self._finding("reading.repaired_number", Severity.INFO, tok.line,
                              f"跨行断开的数字“{' '.join(x.text for x in toks[i - 1:j])}”拼接为{text}",
                              f"number split across lines joined as {text}", actual=text)
                i = j
            elif value is None:
                self._unplaced(tok.line, tok.text, "无法识别的金额", "not a valid amount")
            # (a new token only if digits were appended, whether that repaired it or not)
            out.append((tok if text == tok.text else _Tok(1, text, tok.line, tok.row), value))
        return out

    def _place_funding(self, entries: list[tuple[_Tok, Decimal | None]]) -> tuple[
            Decimal | None, Decimal | None, tuple[FundingLine, ...]]:
        groups: list[tuple[_Tok, list[tuple[_Tok, Decimal | None]]]] = []
        for tok, value in entries:
            if tok.kind == _TEXT:
                groups.append((tok, []))
            elif groups:
                groups[-1][1].append((tok, value))
            elif tok.kind == 1 and value is not None:
                self._unplaced(tok.line, tok.text, "资金数额前没有来源", "no funding label before it")
        counts: dict[str, int] = {}
        for label, _ in groups:
            counts[label.text] = counts.get(label.text, 0) + 1
        paired = any(n >= 2 for lab, n in counts.items() if _label_kind(lab) == _SOURCE)
        total_period: Decimal | None = None
        total_year: Decimal | None = None
        sources: dict[str, _Source] = {}
        seen: dict[str, int] = {}
        # (_extras is only called when there are cells to report: most labels have none)
        for label, cells in groups:
            if len(cells) >= 2 and (paired or len(cells) > 2):
                cells = self._extra_digits(cells)
            values = [v for _, v in cells]
            text = label.text
            kind = _label_kind(text)
            if kind != _SOURCE:
                if kind == _PERIOD_TOTAL:
                    total_period = values[0] if values else total_period
                else:
                    total_year = values[0] if values else total_year
                if len(cells) > 1:
                    self._extras(cells[1:], text)
                continue
            k = seen.get(text, 0)
            seen[text] = k + 1
            src = sources.get(text)
            if src is None:
                src = sources[text] = _Source(label.line)
            if paired:
                if k >= 2:
                    self._extras(cells, text)
                    continue
                if k == 0:
                    src.period = values[0] if values else None
                else:
                    src.year = values[0] if values else None
                if len(cells) > 1:
                    self._extras(cells[1:], text)
            elif len(values) >= 2:
                src.period, src.year = values[0], values[1]
                if len(cells) > 2:
                    self._extras(cells[2:], text)
            elif values:
                src.year = values[0]
        funding = tuple(FundingLine(source=name, period=src.period, year=src.year, line=src.line)
                        for name, src in sources.items())
        return total_period, total_year, funding

    def _extra_digits(self, cells: list[tuple[_Tok, Decimal | None]]) -> list[
            tuple[_Tok, Decimal | None]]:
        """In a one-amount cell (two cells or more), digits alone on a later line continue
        the amount."""
        first, value = cells[0]
        rest = cells[1:]
        text = first.text
        used = 0
        for tok, _ in rest:
            if tok.kind != 1 or tok.row <= first.row or not tok.text.isdigit() or len(tok.text) > 3:
                break
            joined = _amount(text + tok.text)
            if joined is None:
                break
            text += tok.text
            value = joined
            used += 1
        if not used:
            return cells
        self._finding("reading.repaired_number", Severity.INFO, first.line,
                      f"跨行断开的数字拼接为{text}", f"number split across lines joined as {text}",
                      actual=text)
        return [(_Tok(1, text, first.line, first.row), value), *rest[used:]]

    def _extras(self, cells: Iterable[tuple[_Tok, Decimal | None]], label: str) -> None:
        for tok, value in cells:
            if tok.kind == 1 and value is not None:
                self._unplaced(tok.line, tok.text, f"“{label}”的多余数值",
                               f"extra amount after {label!r}")

    # goals ---------------------------------------------------------------------------------
    def _goals(self, items: list[Line]) -> tuple[_Joined, _Joined]:
        lines: list[Line] = []
        for ln in items:
            t = ln.text
            for label in ("总体目标", "年度绩效目标"):
                if t.startswith(label):
                    t = t[len(label):].lstrip(_SPACES_COLONS)
            words = t.split()
            if not words or "".join(words) in _VERTICAL_NOISE or _GOAL_HEADERS.issuperset(words):
                continue
            lines.append(Line(ln.no, t))
        if not lines:
            return _NO_TEXT, _NO_TEXT
        texts = [ln.text for ln in lines]
        if len(lines) == 1:
            one = texts[0]
            half = len(one) // 2
            if len(one) % 2 == 1 and one[half] in _SPACES and one[:half] == one[half + 1:]:
                at = ((0, lines[0].no),)
                return (one[:half], at), (one[:half], at)
        else:
            split = _goal_split(texts)
            if split is not None:
                return _joined(lines[:split]), _joined(lines[split:])
        self._finding("reading.goal_split", Severity.INFO, lines[0].no,
                      "无法区分实施期目标与年度目标，全部作为实施期目标",
                      "could not split the period and year goals; all text kept as the period goal")
        return _joined(lines), _NO_TEXT

    # grid ------------------------------------------------------------------------------------
    def _grid(self, sec: _Section) -> tuple[tuple[Indicator, ...], tuple[Indicator, ...]]:
        header = sec.label
        toks: list[_Tok] = []
        for row, ln in enumerate(sec.items):
            text = ln.text
            if not toks:
                words = text.split()
                if words and all(dedouble(w) in _HEADER_WORDS for w in words):
                    header += " " + text
                    continue
            no = ln.no
            toks += [_Tok(kind, word, no, row) for kind, word in _grid_cells(text)]
        if header:
            two = dedouble(header).count("二级指标") >= 2 or (
                "实施期" in header and "年度" in header)
        else:
            marks = [t.text for t in toks if t.kind in (_MARK2, _MARK_AMB)]
            two = any(a == b for a, b in itertools.pairwise(marks))

        def report(line: int | None, name: str, value: str, c: int) -> None:
            self._finding("reading.unsplit_indicator", Severity.WARNING, line,
                          f"指标“{name or value}”的名称与指标值无法区分",
                          f"indicator {name or value!r}: name and value could not be told apart",
                          actual=name or value, column="period" if two and c == 0 else "year")

        grid = _Grid(two, report)
        grid.run(toks)
        left, right = tuple(grid.cols[0].rows), tuple(grid.cols[1].rows)
        return (left, right) if two else ((), left)

    # footer ------------------------------------------------------------------------------------
    def _footer(self, items: list[Line]) -> str | None:
        if not items:
            return None
        first = items[0].text
        pos = first.find("填报日期")
        date = first[pos + 4:].strip(_SPACES_COLONS) if pos >= 0 else ""
        rest = items[1:]
        used = 0
        for ln in rest:
            t = ln.text
            digits = sum(map(str.isdigit, date + t))
            if not _DIGITS_LINE.match(t) or digits > 14 or pos < 0:
                break
            date += t
            used += 1
        self._scan_figures(rest[used:], "表尾之后的内容", "after the table's footer")
        return date or None


_Joined: TypeAlias = tuple[str, tuple[tuple[int, int], ...]]
_NO_TEXT: Final[_Joined] = ("", ())


def _joined(lines: Sequence[Line]) -> _Joined:
    """`join_text` of the lines, with where each line starts in the text: ``(offset,
    line number)`` pairs, for the prose grammar to give each figure its line."""
    out = ""
    starts: list[tuple[int, int]] = []
    for ln in lines:
        t = ln.stripped
        if not t:
            continue
        if out and (out[-1].isascii() and out[-1].isalnum()) and (t[0].isascii() and t[0].isalnum()):
            out += " "
        starts.append((len(out), ln.no))
        out += t
    return out, tuple(starts)


@functools.lru_cache(maxsize=4096)
def _amount(text: str) -> Decimal | None:
    """``text`` as an amount, or ``None``. Cached: amounts recur from table to table (0,
    the totals), and an invalid one costs an exception. (A `Decimal` is immutable, so
    sharing one between tables is safe.)"""
    try:
        return parse_amount(text)
    except ValueError:
        return None


def _department(text: str) -> tuple[str | None, str]:
    t = text.strip(_SPACES)
    for rx in _CODE_RE:
        m = rx.match(t)
        if m is not None and m.group(2):
            return m.group(1), m.group(2).strip(_SPACES)
    return None, t


def _goal_split(texts: list[str]) -> int | None:
    """Where the 年度 paragraph starts (see the module docstring), or ``None``."""
    whole = "".join(texts)
    total = len(whole)
    acc = 0
    for i, t in enumerate(texts[:-1], 1):
        acc += len(t)
        if acc * 2 == total and whole[:acc] == whole[acc:]:
            return i
        if acc * 2 > total:
            break
    head = texts[0][:32]
    best, best_len = None, 3
    for i in range(1, len(texts)):
        if not texts[i].startswith(head[:best_len + 1]):
            continue  # fewer than best_len + 1 characters in common: cannot do better
        common = 0
        for a, b in zip(head, texts[i][:32], strict=False):
            if a != b:
                break
            common += 1
        if common > best_len:
            best, best_len = i, common
    if best is not None:
        return best
    w0 = _width(texts[0])
    for i in range(2, len(texts)):
        if _width(texts[i - 1]) < w0 - 4:
            return i
    return None


def read_performance(lines: Sequence[Line], pages: Sequence[int] | None = None
                     ) -> tuple[tuple[PerformanceTable, ...], list[Finding]]:
    """Read the project performance target tables (项目支出绩效目标表) of a report segment.

    Args:
        lines: the segment holding the tables, page furniture removed, each line with its
            original 1-based number and raw text. Each line containing
            ``项目支出绩效目标表`` starts a table.
        pages: the page of each line of the document (by line number), if known: a bare
            number that ends its page is its page number, not a figure.

    Returns:
        The tables in the order printed, and the reading findings
        (``reading.unplaced_figure``, ``reading.incomplete_table``,
        ``reading.repaired_number``, ``reading.unsplit_indicator``, ``reading.goal_split``).
    """
    findings: list[Finding] = []
    lines = _drop_page_numbers(lines, pages)
    spans = _title_spans(lines)
    starts = [a for a, _ in spans]
    from ._selfeval import is_self_evaluation_title

    # A self-evaluation table (read by `._selfeval`) ends the target table before it.
    evals = [k for k, ln in enumerate(lines) if "自评" in ln.text and is_self_evaluation_title(ln.text)]
    first = min(starts[:1] + evals[:1], default=len(lines))
    head = lines[:first]
    for ln in head:
        figs = [tok for tok in ln.stripped.split() if any(map(str.isdigit, tok))]
        if figs:
            text = " ".join(figs)
            findings.append(Finding(
                rule="reading.unplaced_figure", severity=Severity.WARNING,
                message=f"绩效目标表之前无法对应的数字“{text}”",
                message_en=f"figure {text!r} before the first performance table not placed",
                location=Location(section=_SECTION, line=ln.no), actual=text))
    from ._perf_columns import is_columnar, read_columnar

    tables: list[PerformanceTable] = []
    for n, (s, t_end) in enumerate(spans):
        e = starts[n + 1] if n + 1 < len(starts) else len(lines)
        e = min([e, *[k for k in evals if s < k < e]])
        rest = [ln for ln in lines[t_end + 1:e] if ln.stripped]
        if not rest and n + 1 < len(spans):
            continue  # a heading (1.项目支出绩效目标表) right before the first table
        raw = [lines[s], *rest]
        if is_columnar(raw):
            tables.append(read_columnar(raw, findings))
            continue
        # Each line as its stripped text (a line already stripped is kept as it is).
        chunk = [lines[s]]
        chunk += [ln if ln.text == t else make_line(ln.no, t, t)
                  for ln in rest if (t := ln.stripped)]
        tables.append(_TableReader(chunk, findings).read())
    return tuple(tables), findings


def _drop_page_numbers(lines: Sequence[Line], pages: Sequence[int] | None) -> Sequence[Line]:
    """Without the printed page numbers: a bare number that ends its page (the next line is
    on another page) and that counts on with its neighbours (the number of the next such
    line grows by as many pages as lie between them), three or more in a row."""
    if not pages:
        return lines

    def page(no: int) -> int | None:
        return pages[no - 1] if 0 < no <= len(pages) else None

    cand = [k for k, ln in enumerate(lines)
            if ln.stripped.isdigit() and len(ln.stripped) <= 4 and page(ln.no) is not None
            and (k + 1 == len(lines) or page(lines[k + 1].no) != page(ln.no))]

    def fits(a: int, b: int) -> bool:
        pa, pb = page(lines[a].no), page(lines[b].no)
        assert pa is not None and pb is not None
        return pb > pa and int(lines[b].stripped) - int(lines[a].stripped) == pb - pa

    # Runs of at least three numbers that count on with the pages (a stray digit of a
    # broken number that ends a page does not).
    drop: set[int] = set()
    run: list[int] = []
    for n, k in enumerate(cand):
        if run and not fits(run[-1], k):
            if len(run) >= 3:
                drop.update(run)
            run = []
        run.append(k)
        if n + 1 == len(cand) and len(run) >= 3:
            drop.update(run)
    return [ln for k, ln in enumerate(lines) if k not in drop] if drop else lines


_TITLE_END: Final = re.compile(r"绩效目标(?:申报)?表$")
# Lines that follow the project name (where the name printed under a title ends).
_AFTER_NAME: Final = ("主管", "实施", "资金", "专项", "年度", "项目资金", "一级指标", "项目属性")
_TITLE_PIECE_BAD: Final = frozenset("，。；：:,;")


def _title_piece(text: str) -> bool:
    """Could this line be a piece of a wrapped title (short, one cell, no punctuation of
    prose or of a label)?"""
    t = text.strip(_SPACES)
    return (1 <= len(t) <= 40 and not any(ch in _TITLE_PIECE_BAD for ch in t)
            and "  " not in t and "\t" not in t and not t.isdigit())


def _title_spans(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """The titles of the tables: (first line, last line) indices.

    A title is a line holding ``项目支出绩效目标表`` (`_is_title`), or a title wrapped over
    two or three short lines whose joined text ends with ``绩效目标表``
    (``…项目绩效目标`` / ``表``, ``…配套项`` / ``目绩效目标表``). A short line just before a
    title belongs to it when its text starts the project name printed under the title
    (``提前下达…老区乡村振兴`` / ``补助资金项目绩效目标表`` above ``项目名称 提前下达…``)."""
    spans: list[tuple[int, int]] = []
    compact = [ln.stripped.replace(" ", "").replace("\u3000", "") for ln in lines]
    i = 0
    n = len(lines)
    while i < n:
        c = compact[i]
        start: int | None = None
        if "目标" in c and _is_title(lines[i].stripped):
            start = i
        elif c.endswith("表") and _title_piece(lines[i].stripped):
            for k in (1, 2):
                if i - k < 0 or not _title_piece(lines[i - k].stripped) \
                        or (spans and i - k <= spans[-1][1]):
                    break
                joined = "".join(compact[i - k:i + 1])
                if _TITLE_END.search(joined) and "项目" in joined:
                    start = i - k
                    break
        if start is None:
            i += 1
            continue
        # Pieces of the title printed above: their text starts the project name below.
        below = ""
        for c2 in compact[i + 1:i + 7]:
            if c2.startswith(_AFTER_NAME):
                break
            below += c2
        for _ in range(2):
            j = start - 1
            if j < 0 or (spans and j <= spans[-1][1]) or not _title_piece(lines[j].stripped):
                break
            piece = compact[j]
            if len(piece) < 4 or "绩效目标" in piece or piece[:6] not in below \
                    or " " in lines[j].stripped:
                break
            start = j
        spans.append((start, i))
        i += 1
    return spans
