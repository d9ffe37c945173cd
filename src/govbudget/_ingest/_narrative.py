"""Reader of the overview (第一部分 概况) and of the narrative (情况说明).

`read_overview` takes the lines of the overview and returns the numbered duties
(职责, wrapped lines joined, numbering removed) and the 机构设置 paragraph.

`read_narrative` takes the lines of the narrative (possibly in several
non-contiguous pieces: line numbers may jump) and returns its numbered sections
(``一、`` … and ``（一）`` …), every figure it states as a `govbudget.Fact`, the
government procurement statement and the state assets statement.

How figures are read:

- Each section's lines are de-doubled and joined into one stream with no separator, so a
  figure broken across lines (``减少12.3`` / ``0万元``, ``1,234.56`` / ``万元``) reads whole;
  stray spaces (``12.30万元 ，``) are dropped. A line that starts a list item (``1、``) or an
  indented paragraph starts a new sentence. Every figure keeps the line its number is
  printed on.
- A figure is a number followed by a unit: 万元, 亿元, 元, %, or a counting unit (个, 辆,
  平方米, 台（套）, 人 …). Sentences end at 。；; clauses at ，、：.
- The clause before a figure says what it is. ``…增加/增长/上升/减少/下降 x万元`` (with
  ``比上年``, ``比2021年预算``, ``较2021年`` … anywhere since the previous figure) is a
  `govbudget.FactKind.CHANGE_AMOUNT`; with % a ``CHANGE_PERCENT``; ``占…x%`` a
  ``SHARE``; ``与上年预算数相同``, ``与上年持平`` a change of 0 with direction ``SAME``;
  anything else an ``AMOUNT`` (money) or a ``COUNT``. A change of a count
  (``在职人员减少4人``) is a ``CHANGE_AMOUNT`` in that counting unit.
- The subject is the known wording the clause ends with (`SUBJECTS`), normalised
  (``…办公室预算收入总计`` and ``收入预算`` → ``预算收入总计``; ``一般公共预算拨款`` →
  ``一般公共预算拨款收入``; ``“三公”经费预算`` → ``三公经费``; ``一般公共预算当年支出`` →
  ``一般公共预算支出`` with qualifier ``当年``), else the clause itself
  with lead-in words, years and the unit's name trimmed (``一般公共服务支出``,
  ``在职人员``). A functional path ``教育支出（类）普通教育（款）小学教育（项）`` gives
  the subject ``小学教育`` with the path as qualifier.
- A share, and a change that names no subject, belongs to the figure before it; a change
  after a breakdown (``总计A，其中：本年收入B，上年结转C，比上年减少D``) to the whole.
  ``涉及金额``/``共计金额`` continue the previous subject; ``其他运转类项目13个`` is a
  category of the last subject (the category becomes the qualifier); ``领导用车0辆`` is a
  category of 公务用车; ``价值50万元（原值）以上的通用设备0台（套）`` is a count with the
  threshold as qualifier (the threshold is not a figure of its own).
- A measure word says which figure of its subject an amount is (`Fact.measure`,
  `Fact.year`): ``年初预算为A万元，支出决算为B万元`` (预算, 决算), ``2023年当年预算执行数为Y万元``
  (执行数, 2023); a change names its base the same way (``比2023年预算执行数增加``);
  ``完成年初预算的X%`` is a `govbudget.FactKind.EXECUTION`. A numbered item (``1.``) that
  opens with a functional path or a heading (``1.某项目综述：``) gives that subject to the
  measure words of its sentences; ``（一）2080201-行政运行X万元`` is the item with its code as
  qualifier; ``一般公共服务（类）支出`` is the class.
- A paragraph starts on a line set in further than most lines (the text's margin); a page
  number centred between two lines is dropped; a 项目绩效自评表 printed among the narrative
  is skipped (one reading finding); a title alone on its line (…预算编制说明,
  其他相关情况说明) is a top section.
- A figure that cannot be placed (or a malformed number before 万元/%) is a
  ``reading.unplaced_figure`` finding, template residue (``XX万元``, ``增加（减少）``) a ``reading.template_residue`` finding. A
  number that is not printed is never read as 0.

```pycon
>>> from govbudget._ingest._text import Line
>>> lines = [Line(1, "一、收入预算情况说明一、收入预算情况说明"),
...          Line(2, "2025年度本单位预算收入1,234.50万元，比上年增加34.5"),
...          Line(3, "0万元，增长2.88%。")]
>>> narrative, procurement, assets, findings = read_narrative(lines)
>>> narrative.sections[0].title
'一、收入预算情况说明'
>>> for f in narrative.facts:
...     print(f.subject, f.kind.name, f.value, f.unit, f.direction and f.direction.name, f.line)
预算收入总计 AMOUNT 1234.50 万元 None 2
预算收入总计 CHANGE_AMOUNT 34.50 万元 INCREASE 2
预算收入总计 CHANGE_PERCENT 2.88 % INCREASE 3
>>> procurement is None and assets is None and findings == []
True

```
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations, islice
from typing import Final

import attrs

from .._chars import FREE_NUMBER, translation
from .._findings import Finding, Location, Severity
from .._money import Money, parse_amount
from .._report import (
    Assets,
    Change,
    Fact,
    FactKind,
    Narrative,
    NarrativeSection,
    Overview,
    Procurement,
)
from .._subjects import SUBJECTS
from ._about import speaks_of
from ._text import _SPACES as _TEXT_SPACES
from ._text import Line, dedouble, join_stripped, join_text

__all__ = ["SUBJECTS", "bare_title", "read_narrative", "read_overview"]


# ---------------------------------------------------------------------------
# Text normalisation
# ---------------------------------------------------------------------------

_TRANSLATE: Final = translation({
    "\u00a0": " ",
    "\u2009": " ",
    "\t": " ",
    **{chr(c): None for c in range(32) if c != 9},
})
# Spaces go, except between two ASCII letters or digits ("15.3 0" stays two tokens).
_SPACES: Final = re.compile(r"(?<![0-9A-Za-z])[ \u3000]+|[ \u3000]+(?![0-9A-Za-z])")


@functools.lru_cache(maxsize=4096)
def _clean(text: str) -> str:
    """De-double, normalise digits and drop stray spaces (cached: reports of one template
    repeat most of their lines)."""
    core = text.strip(" \t\u3000\u00a0")
    if not core:
        return ""
    n = len(core)
    if " " in core or core[: n // 2] == core[n - n // 2:]:
        core = dedouble(core)  # only a line with spaces or two equal halves can be doubled
    return _SPACES.sub("", core.translate(_TRANSLATE)).strip().replace("收、支", "收支")


_CN_NUM: Final = "一二三四五六七八九十"
_PART: Final = re.compile(rf"^第[{_CN_NUM}]{{1,3}}部分")
_L1: Final = re.compile(rf"^[{_CN_NUM}]{{1,3}}[、.]")
_L2: Final = re.compile(rf"^[（(][{_CN_NUM}]{{1,3}}[）)]")
# A title alone on its line, not numbered: 2024年部门预算编制说明, 其他相关情况说明 (a
# narrative part), 名词解释 (the glossary), …（部门）主要职能 / 机构设置 (the overview).
_BARE_TITLE: Final = re.compile(
    r"^(?![一二三四五六七八九十\d]+[、.．]|[（(]|注|填报)[^，,。；;：:…．.]{0,30}?"
    r"(?:(?P<narrative>.{2}说明)|(?P<glossary>名词解释)|(?P<overview>主要职能|主要职责|机构设置))$")


def bare_title(text: str) -> str | None:
    """``"narrative"``, ``"glossary"`` or ``"overview"`` when ``text`` is a part's title
    printed alone on its line with no numbering, else ``None``.

    ```pycon
    >>> bare_title("2024年部门预算编制说明"), bare_title("  名词解释"), bare_title("一、收入说明")
    ('narrative', 'glossary', None)

    ```
    """
    if len(text) > 40 or "表" in text:
        return None
    m = _BARE_TITLE.match(dedouble(text).replace(" ", "").replace("\u3000", ""))
    return m.lastgroup if m is not None else None


_HEAD_DONE: Final = re.compile(r"(?:说明|情况|概况|[。：:；;）)])$")
_PAGE_NO: Final = re.compile(r"[-－—]?\d{1,3}[-－—]?")
# A table printed among the narrative's pages, which the narrative reader does not read.
_GRID_TITLE: Final = re.compile(r"绩效自评表$|自评表[（(]\d{4}年度?[）)]$")
_CLAUSE_MARK: Final = re.compile(r"[，,。；;：:]")
_LIST: Final = re.compile(r"^(?:\d{1,2}[、.](?!\d)|[（(]\d{1,2}[）)]|\d{1,2}[）)])")

# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------

# The first digit comes first (so the scanner can skip to digits), then the check that it
# does not continue a number ("2,345" is not read from "12,345").
_NUM: Final = FREE_NUMBER
_MONEY_UNITS: Final = frozenset({"万元", "亿元", "元"})
_PERCENT_UNITS: Final = frozenset({"%", "个百分点"})
_FIG: Final = re.compile(
    rf"(?P<num>{_NUM})"
    r"(?P<unit>万元|亿元|元|%|个百分点|台[（(]套[）)]|平方米|㎡|个|辆|人次|批次|人|台|套|项|家|户|名|件|处|栋|亩)"
)
# Digits before a money unit or % that _FIG could not read ("1,2345万元").
_LOOSE: Final = re.compile(r"\d[\d,.]*(?:万元|亿元|元|%)")
_THRESHOLD: Final = re.compile(r"(?:[（(]原值[）)])?及?(?:以上|以下|以内)")
_VALUE_WORD: Final = re.compile(r"单位价值|单价|价值|原值")
_SENTENCE_END: Final = re.compile(r"[。；;！？!?\n]")
_CLAUSE: Final = re.compile(r"[，,：:、]")

_UP: Final = "增加|增长|上升|提高|增多"
_DOWN: Final = "减少|下降|降低|压减|缩减|节约|回落"
_VERB_END: Final = re.compile(rf"(?P<verb>{_UP}|{_DOWN})了?约?$")
_RATE_END: Final = re.compile(
    r"(?P<verb>增幅|增长率|增长幅度|上升幅度|降幅|下降率|下降幅度|减幅)(?:为|达|是)?$")
_CMP: Final = re.compile(
    r"(?:比|较|与|同|和)(?:(?P<year>\d{4})年度?|上年度?|上一年度?|去年|上年同期|同期)|同比|相比")
_SAME: Final = re.compile(
    r"(?:比|较|与|同|和)(?:(?P<year>\d{4})年度?|上年度?|上一年度?|去年)(?:相比|比较)?"
    r"(?:预算执行数|预算数?|执行数|决算数|同期数?|数)?(?:基本)?"
    r"(?:相同|持平|一致|保持一致|无变化|不变|没有变化)"
    r"|(?:同比)?(?:基本)?持平"
)
_SAME_HINT: Final = re.compile("相同|持平|一致|不变|变化")
# Which figure of a subject an amount is (年初预算为A万元，支出决算为B万元): the word ends
# the clause; 预算安排 alone is this year's figure of the item.
_MEASURE_END: Final = re.compile(
    r"(?P<m>当年预算执行数|预算执行数|执行数|支出决算数?|决算数|决算|年初预算数?|全年预算数?|预算数"
    r"|预算安排)$")
_MEASURES: Final = {"当年预算执行数": "执行数", "预算执行数": "执行数", "执行数": "执行数",
                    "支出决算": "决算", "支出决算数": "决算", "决算数": "决算", "决算": "决算",
                    "年初预算": "预算", "年初预算数": "预算", "全年预算": "预算",
                    "全年预算数": "预算", "预算数": "预算", "预算安排": ""}
# The base a change is compared with, when the text names it (比2023年预算执行数增加).
_BASIS: Final = re.compile(r"执行数|决算")
# 完成年初预算的95.45%, 完成预算的60.46%, 预算执行率77.1%.
_EXEC_END: Final = re.compile(
    r"(?:完成了?(?:年初|全年|调整后?的?)?预算(?:数)?的?|(?:预算)?执行率(?:为|达到?|是)?)$")
_YEAR_IN: Final = re.compile(r"(\d{4})年")
_LAST_YEAR: Final = re.compile("上年|上一年|去年")
_LAST_YEAR_LEAD: Final = re.compile(r"^(?:上年度?|上一年度?|去年)(?:同期)?")
_ITEM_HEAD: Final = re.compile(r"^[^，,。；;：:]{2,30}(?=[：:])")
# Every residue holds one of these: a quick scan rules most texts out.
_RESIDUE_HINT: Final = re.compile(r"[XxＸｘ×]|[加长升少降][（(/／]")
_RESIDUE: Final = re.compile(
    r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|××+|[XxＸｘ](?=万元|亿元|元|%|个|辆|人|项|年|月|日|平方米))(?![A-Za-z])"
    r"|(?:增加|增长|上升|减少|下降)[（(/／](?:增加|增长|上升|减少|下降)[）)]?"
)


@functools.lru_cache(maxsize=4096)
def _number(text: str) -> Decimal:
    """`parse_amount`, cached (a `Decimal` is immutable, and figures recur)."""
    return parse_amount(text)


_UP_WORD: Final = re.compile(rf"(?:{_UP}|增幅|增长率|增长幅度|上升幅度)")


def _direction(verb: str) -> Change:
    return Change.INCREASE if _UP_WORD.fullmatch(verb) else Change.DECREASE


def _unit(text: str) -> str:
    if text.startswith("台") and len(text) > 1:
        return "台（套）"
    return "平方米" if text == "㎡" else text


# ---------------------------------------------------------------------------
# Subjects
# ---------------------------------------------------------------------------

_PROCUREMENT_BARE: Final = (
    ("政府采购货物预算", r"货物类?(?:采购)?(?:预算)?"),
    ("政府采购工程预算", r"工程类?(?:采购)?(?:预算)?"),
    ("政府采购服务预算", r"服务类?(?:采购)?(?:预算)?"),
)

_TOKEN: Final = re.compile(r"\(\?:|\(\?P<\w+>|\(|\)|\||\[(?:\\.|[^\]])*\]|\\.|.")
_QUANT: Final = re.compile(r"[?*+]|\{\d*,?\d*\}")


def _reverse(pattern: str) -> str:
    """The pattern of the reversed strings (for the simple patterns of `SUBJECTS`).

    Handles literals, classes, escapes, groups, alternation and quantifiers; matching a
    suffix then costs one anchored match on the reversed text instead of a scan.
    """
    tokens = _TOKEN.findall(pattern)
    pos = 0

    def alternation() -> str:
        nonlocal pos
        branches: list[list[str]] = [[]]
        while pos < len(tokens) and tokens[pos] != ")":
            tok = tokens[pos]
            pos += 1
            if tok == "|":
                branches.append([])
                continue
            if tok.startswith("("):
                atom = tok + alternation() + ")"
                pos += 1  # the closing parenthesis
            else:
                atom = tok
            while pos < len(tokens) and _QUANT.fullmatch(tokens[pos]):
                atom += tokens[pos]
                pos += 1
            branches[-1].append(atom)
        return "|".join("".join(reversed(b)) for b in branches)

    return alternation()


def _vocabulary(entries: Sequence[tuple[str, str]]) -> tuple[re.Pattern[str], list[str]]:
    names = [name for name, _ in entries]
    alternatives = "|".join(f"(?P<s{i}>{_reverse(pat)})" for i, (_, pat) in enumerate(entries))
    return re.compile(f"(?:{alternatives})"), names


_VOCAB, _VOCAB_NAMES = _vocabulary(SUBJECTS)


@functools.cache
def _known_names() -> frozenset[str]:
    """The subjects of the vocabulary and the names of the classification catalogue (what
    a list such as 工资福利支出和商品和服务支出 may be cut into)."""
    from ..codes import dept_economic, functional, gov_economic

    names = set(_VOCAB_NAMES)
    for scheme in (functional, dept_economic, gov_economic):
        names.update(info.name for info in scheme.codes())
    return frozenset(names)
_VOCAB_PROC, _VOCAB_PROC_NAMES = _vocabulary(SUBJECTS + _PROCUREMENT_BARE)

_LEAD: Final = re.compile(
    r"^(?:[，,：:、；;。\s“”\"]|\d{1,2}[、.](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|其中|主要包括|主要用于以下方面|主要用于|包括|主要是|主要原因是|主要原因为|"
    r"原因是|由于|因为|故|因此|所以|导致|另外|此外|同时|以及|和|并|本年度|全年|按(?:功能|经济)分类(?:支出)?划分为?|"
    r"\d{4}年度?|共有|现有|拥有)+"
)
_SELF: Final = re.compile(r"^(?:本|我)(?:单位|部门|局|委|办|院|中心|所|处|校)")
_ORG: Final = re.compile(
    r"^.{2,40}(?:办公室|委员会|管理局|局|厅|中心|研究院|院|研究所|服务站|站|馆|大队|支队|学校|"
    r"医院|幼儿园|人民政府|法院|检察院|单位|部门)(?:本级)?(?=..)"
)
# "A、B分别为X、Y": the subjects before 分别, the figures after it, paired in order.
_RESPECTIVELY: Final = re.compile(r"(?:为|是|达到|达|占)?\s*")  # after 分别, before the figures
_LIST_GAP: Final = re.compile(r"[\s、，,和及与]*")  # what may stand between listed figures
_LIST_SEP: Final = re.compile(r"、|以及|和|及|与")
_TRAIL_WORDS: Final = ("分别为", "约为", "为", "是", "达到", "达", "约", "共计", "总共", "各", "均",
                       "分别", "预计", "科目", "”", "\"", "’")
# "…（类）支出", "…（项）支出": the path's name, then the word 支出 again.
_PATH_SPENDING: Final = re.compile(r"(?<=[（(][类款项][）)])支出$")
_CLASS_SPENDING: Final = re.compile(r"^(?P<name>[^（）()]+?)(?:支出)?[（(]类[）)]支出$")
# The rest of a clause before a bare 预算支出 / 收入预算 that still names the whole budget.
_WHOLE_REST: Final = re.compile(
    r"(?:^|办公室|委员会|局|厅|中心|院|所|站|馆|队|校|政府|处|部门|单位|本级|办事处|年度?|本|我)$")
_PATH_ENDS: Final = ("（类）", "（款）", "（项）", "(类)", "(款)", "(项)")
_CONTINUE: Final = re.compile(r"^(?:共涉及|涉及|共计|合计|总计|金额|资金)")
_CATEGORY: Final = re.compile(r"^[\u4e00-\u9fff]{1,12}类(?:项目)?$")
_PATH: Final = re.compile(r"^(?P<path>(?:[^（）()]+[（(](?:类|款)[）)])*)(?P<name>[^（）()]+)[（(](?P<lvl>类|款|项)[）)]$")
_CJK: Final = re.compile(r"[\u4e00-\u9fff]")
_CARRIED: Final = re.compile(r"(?:上年度?|年初)结转(?:和|及)?(?:结余)?的?$")
_CODED_ITEM: Final = re.compile(
    r"^(?P<code>\d{3}(?:\d{2}){0,2})[-－—:：]?(?P<name>[\u4e00-\u9fff][^，,。；;：:（）()]{1,30})$")
_WHOLE_NAMES: Final = frozenset({"预算收入总计", "预算支出总计"})
_WHOLE_WORD: Final = re.compile("总|合计")
_BAD_SUBJECT: Final = re.compile(r"[\d%≥≤<>＞＜=]|[XxＸｘ×]{2}")


@dataclass(frozen=True, slots=True)
class _Subj:
    subject: str
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class _Res:
    """What the clause before a figure names: a subject, a category, a continuation."""

    how: str  # "subject", "category", "continue", "none"
    subj: _Subj | None = None


_NONE: Final = _Res("none")


def _strip_trail(text: str) -> str:
    """Drop trailing filler words (为, 共计, 分别 …)."""
    while text.endswith(_TRAIL_WORDS):
        text = next(text[: -len(w)] for w in _TRAIL_WORDS if text.endswith(w))
    return text


def _trim(text: str) -> str:
    """Drop lead-in words, years and the unit's own name (only from a long clause)."""
    text = _SELF.sub("", _LEAD.sub("", text))
    if len(text) > 12:
        text = _ORG.sub("", text)
    return _strip_trail(_LEAD.sub("", text))


def _resolve(text: str, procurement: bool) -> _Res:
    """Name what a clause is about (the clause ends right before the figure)."""
    return _resolve_end(text[-60:], procurement)


@functools.lru_cache(maxsize=4096)
def _resolve_end(t: str, procurement: bool) -> _Res:
    # Cached (the result is immutable): the same clauses recur, and a clause is resolved
    # once for its own figure and again for a change or share that refers to it.
    lead = _LEAD.sub("", t)
    if not lead:
        return _NONE
    if _CONTINUE.match(lead):
        return _Res("continue")
    t = _strip_trail(lead)
    if t.endswith("支出"):
        c = _CLASS_SPENDING.match(t)
        if c is not None:  # 一般公共服务（类）支出: the class 一般公共服务支出
            return _Res("subject", _Subj(f"{_trim(c['name'])}支出"))
        t = _PATH_SPENDING.sub("", t)
    coded = _CODED_ITEM.match(t)
    if coded is not None:  # 2080201-行政运行: the name, with its printed code
        name = coded["name"]
        if not _BAD_SUBJECT.search(name):
            return _Res("subject", _Subj(name, coded["code"]))
    m = _PATH.match(t) if t.endswith(_PATH_ENDS) else None
    if m:
        name = _strip_trail(_SELF.sub("", _LEAD.sub("", m["name"])))
        # The path keeps its names whole (行政事业单位养老支出（款） is not a unit's name).
        path = _strip_trail(_SELF.sub("", _LEAD.sub("", m["path"]))) or None
        if name and not _BAD_SUBJECT.search(name):
            return _Res("subject", _Subj(name, path if m["lvl"] != "类" else None))
    pattern, names = (_VOCAB_PROC, _VOCAB_PROC_NAMES) if procurement else (_VOCAB, _VOCAB_NAMES)
    m = pattern.match(t[::-1])
    if m and m.lastgroup:
        name = names[int(m.lastgroup[1:])]
        said = m.group(0)[::-1]
        if name in _WHOLE_NAMES and not _WHOLE_WORD.search(said) \
                and not _WHOLE_REST.search(_trim(t[: len(t) - len(said)])):
            # "会议费预算支出": a 预算支出 of something else, not the whole budget's.
            rest = _trim(t)
            if "的" in rest and len(rest.rsplit("的", 1)[1]) >= 2:
                rest = rest.rsplit("的", 1)[1]
            ok = 2 <= len(rest) <= 20 and not _BAD_SUBJECT.search(rest)
            return _Res("subject", _Subj(rest)) if ok else _NONE
        qualifier = "当年" if "当年" in said and "当年" not in name else None
        if _CARRIED.search(t[: len(t) - len(said)]) and name != "上年结转":
            qualifier = "上年结转"  # 上年结转结余的一般公共预算收入: not this year's income
        return _Res("subject", _Subj(name, qualifier))
    t = _trim(t)
    if _CATEGORY.match(t):
        return _Res("category", _Subj(t))
    if "的" in t and len(t.rsplit("的", 1)[1]) >= 2:
        t = t.rsplit("的", 1)[1]
    if 2 <= len(t) <= 20 and _CJK.search(t) and not _BAD_SUBJECT.search(t):
        return _Res("subject", _Subj(t))
    return _NONE


# ---------------------------------------------------------------------------
# Sections and streams
# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    no: int
    text: str
    para: bool  # starts a paragraph or a list item


@dataclass(slots=True)
class _Section:
    title: str
    line: int | None
    top: str
    pieces: list[_Piece] = field(default_factory=list)


def _split_heading(t: str) -> tuple[str, str] | None:
    """``(title, rest)`` when ``t`` opens a numbered section, else ``None``."""
    if not (_L1.match(t) or _L2.match(t)):
        return None
    has_figure = _FIG.search(t) is not None
    if not has_figure and len(t) <= 40:
        return t.rstrip("：:"), ""
    k = min((i for i in (t.find("："), t.find(":")) if i > 0), default=-1)
    if 0 < k <= 30 and not _FIG.search(t[:k]):
        return t[:k], t[k + 1:]
    top = _L1.match(t)
    if top is not None:  # "一、" always opens a section, even run into its text
        return (t, "") if not has_figure else (top.group(0), t[top.end():])
    return None  # "（一）…1154.76万元，…" is an item of a list, not a heading


def _indent(raw: str) -> int:
    """The width of a line's indentation (a full-width space counts two)."""
    n = 0
    for ch in raw:
        if ch in " \t":
            n += 1
        elif ch == "\u3000":
            n += 2
        else:
            break
    return n


def _base_indent(lines: Sequence[Line]) -> int:
    """The indentation most lines of the text have: the margin of the running text. A
    paragraph starts on a line indented further (some reports set every line two spaces
    in, and only the first line of a paragraph further)."""
    widths = Counter(_indent(ln.text) for ln in lines
                     if isinstance(ln.text, str) and ln.text.strip(" \t\u3000"))
    return widths.most_common(1)[0][0] if widths else 0


def _sections(lines: Sequence[Line], skipped: list[tuple[int, str]] | None = None
              ) -> list[_Section]:
    """The numbered sections; a table set in the text (…项目绩效自评表) is skipped up to
    the next numbered heading, its title and line kept in ``skipped``."""
    sections: list[_Section] = []
    current: _Section | None = None
    top = ""
    after_subheading = False
    in_table = False
    margin = _base_indent(lines) + 2
    for ln in lines:
        raw = ln.text if isinstance(ln.text, str) else ""
        t = _clean(raw)
        if not t:
            continue
        if _PART.match(t):
            # 第五部分 财政拨款“三公”经费预算情况: a part of its own, not the last section
            # before it (a subordinate unit's passage)
            if len(t) <= 40 and not _FIG.search(t):
                top = t
                current = _Section(t, ln.no, t)
                sections.append(current)
                after_subheading = False
            continue
        if _PAGE_NO.fullmatch(t) and _indent(raw) >= margin + 8:
            continue  # a page number centred between two lines of the text
        if len(t) <= 40 and _GRID_TITLE.search(t) and not _CLAUSE_MARK.search(t):
            in_table = True
            if skipped is not None:
                skipped.append((ln.no, t))
            continue
        if in_table:
            if not (_L1.match(t) or bare_title(t) == "narrative"):
                continue
            in_table = False
        if current is not None and not current.pieces and current.title \
                and len(t) <= 12 and not _FIG.search(t) and not _HEAD_DONE.search(current.title) \
                and len(current.title) >= 15 and not (_L1.match(t) or _L2.match(t)):
            # 九、…培训费支出预 / 算情况说明: the heading wrapped onto the next line
            current.title += t
            if current.top and top == current.top:
                current.top = top = current.title
            continue
        if t.endswith("说明") and bare_title(t) == "narrative":
            top = t
            current = _Section(t, ln.no, t)
            sections.append(current)
            after_subheading = False
            continue
        head = _split_heading(t)
        if head is not None:
            title, rest = head
            if _L1.match(title):
                top = title
            current = _Section(title, ln.no, top or title)
            sections.append(current)
            if not rest:
                continue
            t = rest
        if current is None:
            current = _Section("", ln.no, "")
            sections.append(current)
        listed = _LIST.match(t) is not None
        para = after_subheading or listed or _indent(raw) >= margin
        current.pieces.append(_Piece(ln.no, t, para))
        # "1、车辆情况：" on a line of its own is a sub-heading: the next line starts afresh.
        after_subheading = listed and len(t) <= 20 and not _FIG.search(t) \
            and not t.endswith(("，", ",", "、"))
    # a part heading opens a section only for the text it holds before the next heading
    return [sec for sec in sections if sec.pieces or not _PART.match(sec.title)]


@dataclass(slots=True)
class _Stream:
    text: str
    starts: list[int]
    nos: list[int]

    @classmethod
    def of(cls, pieces: Sequence[_Piece]) -> _Stream:
        parts: list[str] = []
        starts: list[int] = []
        nos: list[int] = []
        pos = 0
        for p in pieces:
            if p.para and parts:
                parts.append("\n")
                pos += 1
            starts.append(pos)
            nos.append(p.no)
            parts.append(p.text)
            pos += len(p.text)
        return cls("".join(parts), starts, nos)

    def line_at(self, pos: int) -> int | None:
        if not self.nos:
            return None
        return self.nos[max(bisect_right(self.starts, pos) - 1, 0)]


# ---------------------------------------------------------------------------
# Facts
# ---------------------------------------------------------------------------


_BASE_KINDS: Final = frozenset({FactKind.AMOUNT, FactKind.COUNT})
_LOOKBACK: Final = 40  # how far back a subject's unit is looked for (keeps reading linear)


@dataclass(slots=True)
class _Base:
    """A stated amount or count that later shares and changes can refer to."""

    subj: _Subj
    unit: str


@dataclass(slots=True)
class _List:
    """A list stated "分别" (respectively) whose figures are being paired with its names."""

    start: int  # where its clause starts in the text
    subjects: list[_Subj]  # names still to pair (none: the list does not pair)
    left: int  # figures still to come
    mode: str  # "value", "share" or "change"
    compared_to: int | None = None
    direction: Change | None = None

    @staticmethod
    def gap_ok(gap: str, mode: str) -> bool:
        """Whether ``gap`` may stand between two figures of a list (in a list of changes,
        each figure may bring its own verb: 增加10万元、减少5万元)."""
        if mode == "change":
            verb = _VERB_END.search(gap)
            if verb is not None:
                gap = gap[:verb.start()]
        return _LIST_GAP.fullmatch(gap) is not None

    def continues(self, gap: str) -> bool:
        """Whether the next figure, after ``gap``, is the list's next; a verb in the gap of
        a list of changes sets the direction of the figures from there on."""
        if not self.left or not self.gap_ok(gap, self.mode):
            return False
        if self.mode == "change":
            verb = _VERB_END.search(gap)
            if verb is not None:
                self.direction = _direction(verb["verb"])
        return True


@dataclass(slots=True)
class _Reader:
    title: str
    stream: _Stream
    procurement: bool
    facts: list[Fact]
    findings: list[Finding]
    principal: _Subj | None = None
    last_base: _Base | None = None
    last_share: _Subj | None = None  # the share just stated in this sentence
    last_list: tuple[_Subj, ...] = ()  # the subjects of the last "分别" list
    item: _Subj | None = None  # the subject a numbered item names once for its figures
    in_item: bool = False  # inside a numbered item (1. …) whose subject is not yet known
    first_of_sentence: int = 0  # the index of the sentence's first fact
    buying: bool = False  # the sentence counts vehicles to buy, not vehicles held

    # -- helpers ------------------------------------------------------------
    def _unplaced(self, value: str, clause: str, pos: int, why: str, why_en: str) -> None:
        line = self.stream.line_at(pos)
        self.findings.append(Finding(
            rule="reading.unplaced_figure", severity=Severity.WARNING,
            message=f"情况说明中的数字“{value}”{why}：“{clause}”",
            message_en=f"narrative figure {value} {why_en}: {clause!r}",
            location=Location(section="narrative", line=line), actual=value))

    def _fact(self, subj: _Subj, kind: FactKind, value: Decimal, unit: str, clause: str,
              pos: int, direction: Change | None = None, compared_to: int | None = None,
              qualifier: str | None = None, measure: str | None = None,
              year: int | None = None) -> Fact:
        fact = Fact(subject=subj.subject, kind=kind, value=value, unit=unit, sentence=clause,
                    line=self.stream.line_at(pos), section=self.title, direction=direction,
                    compared_to=compared_to,
                    qualifier=qualifier if qualifier is not None else subj.qualifier,
                    measure=measure, year=year)
        self.facts.append(fact)
        return fact

    def _own(self, text: str) -> _Subj | None:
        """The subject a clause names itself (a category is one of the principal)."""
        if not _LEAD.sub("", text):
            return None
        res = _resolve(text, self.procurement)
        if res.how == "subject":
            return res.subj
        if res.how == "category" and res.subj is not None:
            base = self.principal.subject if self.principal else res.subj.subject
            return _Subj(base, res.subj.subject)
        return None

    # -- the sentence loop --------------------------------------------------
    def run(self) -> None:
        text = self.stream.text
        # Where the figures read end. No figure spans a sentence end, so the sentences'
        # figures are the figures of the whole text.
        read: set[int] = set()
        start = 0
        for m in _SENTENCE_END.finditer(text):
            self._sentence(start, m.start(), read)
            start = m.end()
        self._sentence(start, len(text), read)
        for m in _LOOSE.finditer(text):
            if m.end() not in read:
                begin = max(0, m.start() - 30)
                ends = list(_SENTENCE_END.finditer(text, begin, m.start()))
                clause = text[ends[-1].end() if ends else begin:m.end()]
                self._unplaced(m.group(0), clause, m.start(), "无法读作数字",
                               "cannot be read as a number")

    def _sentence(self, start: int, end: int, read: set[int]) -> None:
        text = self.stream.text
        events = [(m.start(), m.end(), m, True) for m in _FIG.finditer(text, start, end)]
        read.update([e[1] for e in events])
        if _SAME_HINT.search(text, start, end):
            n_figures = len(events)
            for m in _SAME.finditer(text, start, end):
                events.append((m.start(), m.end(), m, False))
            if len(events) > n_figures:
                events.sort(key=lambda e: e[0])  # figures come in order already
        self.first_of_sentence = len(self.facts)
        self.buying = False
        if _LIST.match(text[start:start + 6]):
            self._item_start(start, end, events)
        if not events:
            return
        self.last_share = None
        prev_end = start
        bases: list[_Base] = []          # amounts and counts of this sentence
        head: _Base | None = None        # the whole before 其中
        items_since = 0                  # parts listed since 其中 or the last change
        last_change: Fact | None = None  # the change just stated
        pending: str | None = None       # a value threshold for the next count
        pending_start = start
        listed: _List | None = None      # a "分别" list being paired with its figures
        for k, (ev_start, ev_end, m, is_figure) in enumerate(events):
            if ev_start < prev_end:
                continue  # overlaps a threshold or an earlier match
            pre = text[prev_end:ev_start]
            if is_figure and (listed is not None or "分别" in pre):
                if listed is None or not listed.continues(pre):
                    listed = self._respectively(pre, events, k, text, prev_end)
                if listed is not None:
                    prev_end = ev_end
                    base = self._listed(listed, m, text[listed.start:ev_end], ev_start)
                    if not listed.left:
                        listed = None
                    if base is not None:
                        bases.append(base)
                        self.last_base = base
                        items_since += 1
                    continue
            if "其中" in pre:
                head = bases[-1] if bases else None
                items_since = 0
            local = _local(pre)
            clause_start = prev_end + pre.rfind(local) if local else ev_start
            cmp_year = _compared_year(pre)
            if not is_figure:
                self._same(m, local, bases, cmp_year, text[clause_start:ev_end], ev_start)
                last_change = None
                items_since = 0
                prev_end = ev_end
                continue
            unit = _unit(m["unit"])
            clause = text[clause_start:ev_end]
            try:
                value = _number(m["num"])
            except ValueError:  # pragma: no cover - _FIG only matches readable numbers
                self._unplaced(m.group(0), m.group(0), ev_start, "无法读作数字",
                               "cannot be read as a number")
                prev_end = ev_end
                continue
            threshold = _THRESHOLD.match(text, ev_end) if unit in _MONEY_UNITS else None
            if threshold is not None:
                kw = list(_VALUE_WORD.finditer(local))
                q_start = clause_start + (kw[-1].start() if kw else 0)
                pending = text[q_start:threshold.end()]
                pending_start = q_start
                prev_end = threshold.end()
                continue
            prev_end = ev_end
            if unit in _PERCENT_UNITS:
                last_change = self._percent(unit, local, value, clause, ev_start, bases, head,
                                            items_since, last_change, cmp_year)
                if last_change is not None:
                    items_since = 0
                continue
            verb = _VERB_END.search(local)
            if verb is not None:
                last_change = self._change(local[: verb.start()], verb["verb"], value, unit,
                                           clause, ev_start, bases, head, items_since, cmp_year)
                items_since = 0
                continue
            last_change = None
            if pending is not None:
                clause = text[pending_start:ev_end]
            base = self._amount(local, value, unit, clause, ev_start, ev_end, bases, pending)
            if base is not None and unit not in _MONEY_UNITS:
                pending = None  # the threshold went into this count's qualifier
            if base is not None:
                bases.append(base)
                self.last_base = base
                items_since += 1
        if pending is not None:
            self._unplaced(pending, pending, pending_start, "是一个金额门槛，其后没有数量",
                           "is a value threshold with no count after it")

    # -- numbered items ------------------------------------------------------
    def _item_start(self, start: int, end: int,
                    events: Sequence[tuple[int, int, re.Match[str], bool]]) -> None:
        """A numbered item (``1.``) begins: its subject is the functional path or heading
        it opens with (``1.一般公共服务（类）…（项）。年初预算为…``, ``1.某某项目综述：…``), or,
        failing that, the first path its figures name."""
        self.item = None
        self.in_item = True
        self.last_base = None  # a change in this item is never one of the previous item's
        text = self.stream.text
        body = text[start:events[0][0] if events else end]
        head = _ITEM_HEAD.match(_LIST.sub("", body, count=1))
        if not events or head is not None:
            words = head.group(0) if head is not None else body
            res = _resolve(words, self.procurement)
            if res.how == "subject" and res.subj is not None and (
                    res.subj.qualifier or head is not None or words.endswith(_PATH_ENDS)):
                self.item = res.subj
            elif head is not None:
                name = _trim(head.group(0))
                if 2 <= len(name) <= 30 and not _BAD_SUBJECT.search(name):
                    self.item = _Subj(name)

    def _measured(self, local: str, value: Decimal, unit: str, clause: str, pos: int,
                  bases: list[_Base]) -> _Base | None:
        """An amount named by a measure word (年初预算为, 支出决算为, 2023年当年预算执行数为,
        2024年预算安排): a figure of the subject before the word, else of the sentence's
        last subject, else of the numbered item. ``None`` when there is no measure word or
        no subject to give it."""
        core = _strip_trail(_LEAD.sub("", local))
        mm = _MEASURE_END.search(core)
        if mm is None:
            return None
        word = _MEASURES[mm["m"]]
        rest = core[:mm.start()]
        if rest.endswith(("总", "收支")):
            return None  # 财政拨款收支总决算: the vocabulary's total
        if word == "" and _LEAD.sub("", rest):
            return None  # 本年预算安排: the vocabulary's 本年支出
        rest = _LAST_YEAR_LEAD.sub("", rest)
        own = self._own(rest) if _LEAD.sub("", rest) else None
        subj = own or (bases[-1].subj if bases else None) or self.item
        if subj is None:
            return None
        year_m = _YEAR_IN.search(local)
        year = int(year_m.group(1)) if year_m else None
        if word and _LAST_YEAR.search(local):
            word = f"上年{word}"  # 上年预算数为X万元: last year's, whatever the report's year
        if word == "决算":
            self._budget_before(subj)
        self._fact(subj, FactKind.AMOUNT, value, unit, clause, pos, measure=word or None,
                   year=year)
        return _Base(subj, unit)

    def _budget_before(self, subj: _Subj) -> None:
        """"三公经费支出预算为A万元，支出决算为B万元": the A of the same subject earlier in
        the sentence is its budget, not the figure the account is about."""
        for k in range(len(self.facts) - 1, self.first_of_sentence - 1, -1):
            f = self.facts[k]
            if f.subject == subj.subject and f.kind is FactKind.AMOUNT and f.measure is None \
                    and re.search(r"预算(?:数)?(?:为|是)?[\d,.]+(?:万元|亿元|元)$", f.sentence):
                self.facts[k] = attrs.evolve(f, measure="预算")
                return

    # -- "A、B分别为X、Y" ------------------------------------------------------
    def _respectively(self, pre: str, events: Sequence[tuple[int, int, re.Match[str], bool]],
                      k: int, text: str, start: int) -> _List | None:
        """The list a figure opens when the clause before it says "分别" (respectively):
        its names (before 分别; none for "，分别占…" or "，分别比上年增加…", which take the
        list just stated), how its figures are read (values, shares after 分别占, changes
        after a verb) and how many figures it lists. ``None`` when there is no such list.
        A list whose names do not pair with its figures has no subjects: its figures are
        reported, not guessed."""
        at = pre.rfind("分别")
        if at < 0:
            return None
        rest = pre[at + 2:]
        verb = _VERB_END.search(rest)
        if verb is not None:
            mode, percent = "change", None  # the first figure decides
        elif _RESPECTIVELY.fullmatch(rest):
            mode = "share" if rest.startswith("占") else "value"
            percent = mode == "share"
        else:
            return None
        n = 0
        end = events[k][0]
        for ev_start, ev_end, m, is_figure in events[k:]:
            gap = text[end:ev_start]
            if not is_figure or (n and not _List.gap_ok(gap, mode)):
                break
            is_percent = _unit(m["unit"]) in _PERCENT_UNITS
            if percent is None:
                percent = is_percent
            if is_percent is not percent:
                break
            n += 1
            end = ev_end
        if n < 2:
            return None
        head = pre[:at]
        cut = max(head.rfind(c) for c in "，,：:；;")
        head = head[cut + 1:]
        if not _LEAD.sub("", head) and len(self.last_list) == n:
            subjects = list(self.last_list)
        else:
            subjects = self._list_names(head, n)
            self.last_list = tuple(subjects)
        if verb is None:
            return _List(start, subjects, n, mode)
        return _List(start, subjects, n, mode, _compared_year(rest), _direction(verb["verb"]))

    def _listed(self, lst: _List, m: re.Match[str], clause: str, pos: int) -> _Base | None:
        """The fact of the next figure of a "分别" list: a value (amount or count), a share
        or a change; a reading finding when the list's names do not pair."""
        lst.left -= 1
        if not lst.subjects:
            self._unplaced(m.group(0), clause, pos, "在“分别”列举中无法与名称一一对应",
                           "is listed after 分别 but the names do not pair with the figures")
            return None
        subj = lst.subjects.pop(0)
        unit = _unit(m["unit"])
        value = _number(m["num"])
        if lst.mode == "change":
            kind = FactKind.CHANGE_PERCENT if unit in _PERCENT_UNITS else FactKind.CHANGE_AMOUNT
            self._fact(subj, kind, value, unit, clause, pos, direction=lst.direction,
                       compared_to=lst.compared_to)
            return None
        if unit in _PERCENT_UNITS:
            self._fact(subj, FactKind.SHARE, value, "%", clause, pos)
            self.last_share = subj
            return None
        kind = FactKind.AMOUNT if unit in _MONEY_UNITS else FactKind.COUNT
        self._fact(subj, kind, value, unit, clause, pos)
        return _Base(subj, unit)

    def _list_names(self, head: str, n: int) -> list[_Subj]:
        """``head`` cut into ``n`` subjects at its separators (、 first; then also 和, 及,
        与, which names such as 商品和服务支出 contain: a cut whose parts are all known
        subjects wins)."""
        names = [x for x in head.split("、") if x.strip()]
        if len(names) == n:
            subjects = [self._own(x) for x in names]
            if all(subjects):
                return [x for x in subjects if x is not None]
        cuts = [(m.start(), m.end()) for m in _LIST_SEP.finditer(head)]
        if len(cuts) < n - 1 or len(cuts) > 8:
            return []
        known = _known_names()
        for chosen in combinations(cuts, n - 1):
            edges = [0, *(x for c in chosen for x in c), len(head)]
            parts = [head[edges[i]:edges[i + 1]] for i in range(0, len(edges), 2)]
            subjects = [self._own(x) for x in parts]
            # Each part must be a known name as a whole (not a name at its end).
            if all(x is not None and x.subject in known and x.subject == _trim(part)
                   for x, part in zip(subjects, parts, strict=True)):
                return [x for x in subjects if x is not None]
        return []

    # -- kinds of figures ---------------------------------------------------
    def _target(self, own: _Subj | None, bases: list[_Base], head: _Base | None,
                items_since: int) -> _Base | None:
        if own is not None:
            unit = next((b.unit for b in islice(reversed(bases), _LOOKBACK) if b.subj == own), "")
            if not unit:
                unit = next((f.unit for f in islice(reversed(self.facts), _LOOKBACK)
                             if f.subject == own.subject and f.kind in _BASE_KINDS), "")
            return _Base(own, unit)
        if head is not None and items_since >= 2:
            return head
        if bases:
            return bases[-1]
        return self.last_base

    def _change(self, body: str, verb: str, value: Decimal, unit: str, clause: str, pos: int,
                bases: list[_Base], head: _Base | None, items_since: int,
                cmp_year: int | None) -> Fact | None:
        cmp = _CMP.search(body)
        subject_text = body[: cmp.start()] if cmp else body
        target = self._target(self._own(subject_text), bases, head, items_since)
        if target is None:
            self._unplaced(f"{value}{unit}", clause, pos, "无法确定是哪一项的变动",
                           "is a change of nothing identifiable")
            return None
        return self._fact(target.subj, FactKind.CHANGE_AMOUNT, value, unit, clause, pos,
                          direction=_direction(verb), compared_to=cmp_year,
                          measure=_basis(body[cmp.start():] if cmp else ""))

    def _percent(self, unit: str, local: str, value: Decimal, clause: str, pos: int,
                 bases: list[_Base], head: _Base | None, items_since: int,
                 last_change: Fact | None, cmp_year: int | None) -> Fact | None:
        value_text = f"{value}{unit}"
        done = _EXEC_END.search(local) if unit == "%" else None
        if done is not None:
            body = local[: done.start()]
            own = self._own(body) if _LEAD.sub("", body) else None
            subj = own or (bases[-1].subj if bases else None) or self.item
            if subj is None:
                self._unplaced(value_text, clause, pos, "无法确定是哪一项的预算完成率",
                               "is a budget completion rate of nothing identifiable")
                return None
            self._fact(subj, FactKind.EXECUTION, value, "%", clause, pos)
            return None
        rate = _RATE_END.search(local) or _VERB_END.search(local)
        if rate is not None:
            body = local[: rate.start()]
            cmp = _CMP.search(body)
            own = self._own(body[: cmp.start()] if cmp else body)
            direction = _direction(rate["verb"])
            if own is None and unit != "%" and self.last_share is not None:
                own = self.last_share  # 占65.61%，比上年下降2.5个百分点
            if own is None and last_change is not None:
                return self._fact(_Subj(last_change.subject, last_change.qualifier),
                                  FactKind.CHANGE_PERCENT, value, unit, clause, pos,
                                  direction=direction,
                                  compared_to=cmp_year if cmp_year is not None
                                  else last_change.compared_to,
                                  measure=_basis(body[cmp.start():]) if cmp
                                  else last_change.measure)
            target = self._target(own, bases, head, items_since)
            if target is None:
                self._unplaced(value_text, clause, pos, "无法确定是哪一项的变动",
                               "is a change of nothing identifiable")
                return None
            return self._fact(target.subj, FactKind.CHANGE_PERCENT, value, unit, clause, pos,
                              direction=direction, compared_to=cmp_year,
                              measure=_basis(body[cmp.start():] if cmp else ""))
        share = local.rfind("占")
        if share >= 0 and unit == "%":
            own = self._own(local[:share])
            target = _Base(own, "") if own is not None else (bases[-1] if bases else self.last_base)
            if target is None:
                self._unplaced(value_text, clause, pos, "无法确定是哪一项的占比",
                               "is a share of nothing identifiable")
                return None
            self._fact(target.subj, FactKind.SHARE, value, "%", clause, pos)
            self.last_share = target.subj
            return None
        self._unplaced(value_text, clause, pos, "既不是占比也不是增减变动",
                       "is neither a share nor a change")
        return None

    def _same(self, m: re.Match[str], local: str, bases: list[_Base], cmp_year: int | None,
              clause: str, pos: int) -> None:
        """``与上年预算数相同`` / ``持平``: a change of 0 (no figure is printed)."""
        target = self._target(self._own(local), bases, None, 0)
        if target is None:
            self._unplaced(m.group(0), clause, pos, "无法确定是哪一项与上年持平",
                           "states no change, but of nothing identifiable")
            return
        unit = target.unit or (bases[-1].unit if bases else "")
        year = int(m["year"]) if m["year"] else cmp_year if _CMP.search(local) else None
        self._fact(target.subj, FactKind.CHANGE_AMOUNT, Decimal(0), unit, clause, pos,
                   direction=Change.SAME, compared_to=year, measure=_basis(m.group(0)))

    def _amount(self, local: str, value: Decimal, unit: str, clause: str, pos: int, end: int,
                bases: list[_Base], pending: str | None) -> _Base | None:
        kind = FactKind.AMOUNT if unit in _MONEY_UNITS else FactKind.COUNT
        if kind is FactKind.AMOUNT:
            measured = self._measured(local, value, unit, clause, pos, bases)
            if measured is not None:
                return measured
        subj: _Subj | None = None
        res = _resolve(local, self.procurement)
        if unit == "辆" and res.how != "continue":
            category = _vehicle_category(local)
            if _PURCHASE.search(category):
                self.buying = True  # 预算安排购置车辆1辆，其中：…其他用车1辆
                subj = _Subj(_BOUGHT, "合计")
            else:
                subj = _Subj(_BOUGHT if self.buying else "公务用车", category)
        elif res.how == "continue":
            prior = bases[-1] if bases else self.last_base
            subj = prior.subj if prior is not None else None
        elif res.how == "category" and res.subj is not None:
            base = self.principal.subject if self.principal else res.subj.subject
            subj = _Subj(base, res.subj.subject)
        elif res.how == "subject" and res.subj is not None:
            subj = res.subj
            self.principal = subj
            if self.in_item and self.item is None and subj.qualifier \
                    and subj.qualifier.endswith(_PATH_ENDS):
                self.item = subj  # “…（类）…（款）…（项）”X万元: the item's subject
        if subj is None and kind is FactKind.COUNT:
            after = self.stream.text[end:end + 30]
            after = _CLAUSE.split(_SENTENCE_END.split(after, maxsplit=1)[0], maxsplit=1)[0]
            res = _resolve(after, self.procurement) if after else _NONE
            if res.how == "subject" and res.subj is not None:
                subj = res.subj
                self.principal = subj
                clause = clause + after
        if subj is None:
            self._unplaced(f"{value}{unit}", clause, pos, "无法确定所指的项目",
                           "refers to nothing identifiable")
            return None
        qualifier = pending if pending is not None and kind is FactKind.COUNT else None
        self._fact(subj, kind, value, unit, clause, pos, qualifier=qualifier)
        return _Base(_Subj(subj.subject, qualifier or subj.qualifier), unit)


def _local(pre: str) -> str:
    """The clause right before a figure (the one before a colon if that is empty)."""
    # The last clause mark found by rfind: splitting the whole text since the previous
    # figure would cut every clause only to keep the last.
    cut = max(pre.rfind("，"), pre.rfind(","), pre.rfind("："), pre.rfind(":"), pre.rfind("、"))
    local = pre[cut + 1:]
    if not _LEAD.sub("", local) and cut >= 0 and pre.rstrip().endswith(("：", ":")):
        return _CLAUSE.split(pre)[-2]
    return local


def _basis(text: str) -> str | None:
    """The measure of the base a change names (比2023年预算执行数: 执行数), else ``None``."""
    m = _BASIS.search(text)
    return None if m is None else "执行数" if m.group(0) == "执行数" else "决算"


def _compared_year(pre: str) -> int | None:
    year: int | None = None
    for m in _CMP.finditer(pre):
        year = int(m["year"]) if m["year"] else None
    return year


_PURCHASE: Final = re.compile("购置|购买|新增|更新|采购")
_BOUGHT: Final = "购置公务用车"


def _vehicle_category(local: str) -> str:
    t = local[-40:]
    if "公务用车" in t:
        after = t.rsplit("公务用车", 1)[1]
        after = _strip_trail(_LEAD.sub("", after))
        if after:
            return after
    t = _trim(t).lstrip("）)")
    t = re.sub(r"^(?:共有|现有|拥有|实有|共)", "", t)
    if "的" in t:
        t = t.rsplit("的", 1)[1]
    return "实有" if t in ("", "车辆", "公务用车", "公车", "汽车", "实有车辆") else t


# ---------------------------------------------------------------------------
# Template residue
# ---------------------------------------------------------------------------


def _residue(text: str, where: str, line_at: _Stream | None, line: int | None) -> list[Finding]:
    out: list[Finding] = []
    if not _RESIDUE_HINT.search(text):
        return out
    for m in _RESIDUE.finditer(text):
        at = line_at.line_at(m.start()) if line_at is not None else line
        out.append(Finding(
            rule="reading.template_residue", severity=Severity.WARNING,
            message=f"模板占位符未替换：“{m.group(0)}”",
            message_en=f"template placeholder left in the text: {m.group(0)!r}",
            location=Location(section=where, line=at), actual=m.group(0)))
    return out


# ---------------------------------------------------------------------------
# Procurement and assets
# ---------------------------------------------------------------------------

_PROCUREMENT_FIELDS: Final = {
    "政府采购预算总额": "total",
    "政府采购货物预算": "goods",
    "政府采购工程预算": "works",
    "政府采购服务预算": "services",
}
_AS_OF: Final = re.compile(r"截[至止](\d{4}年\d{1,2}月\d{1,2}日)")
_EQUIPMENT_UNITS: Final = frozenset({"台（套）", "台", "套", "件"})


def _procurement(facts: Sequence[Fact]) -> Procurement | None:
    found: dict[str, Money] = {}
    line: int | None = None
    for f in facts:
        key = _PROCUREMENT_FIELDS.get(f.subject)
        if key is None or f.kind is not FactKind.AMOUNT or key in found or f.money is None:
            continue
        found[key] = f.money
        if line is None or key == "total":
            line = f.line
    if not found:
        return None
    return Procurement(total=found.get("total"), goods=found.get("goods"),
                       works=found.get("works"), services=found.get("services"), line=line)


def _count(value: Decimal) -> int | None:
    return int(value) if value == value.to_integral_value() else None


def _assets(sections: Sequence[_Section], facts: Sequence[Fact]) -> Assets | None:
    titles = {s.title for s in sections if "资产" in s.title or "资产" in s.top}
    if not titles:
        return None
    line = next((s.line for s in sections if s.title in titles), None)
    as_of: str | None = None
    for s in sections:
        if s.title in titles and as_of is None:
            m = _AS_OF.search("".join(p.text for p in s.pieces))
            as_of = m.group(1) if m else None
    vehicles: list[tuple[str, int]] = []
    equipment: list[tuple[str, int]] = []
    floor: Decimal | None = None
    for f in facts:
        if f.section not in titles or f.kind is not FactKind.COUNT:
            continue
        n = _count(f.value)
        if f.unit == "辆" and n is not None and f.subject == "公务用车":
            vehicles.append((f.qualifier or "实有", n))
        elif f.unit == "平方米" and floor is None:
            floor = f.value
        elif f.unit in _EQUIPMENT_UNITS and n is not None:
            desc = f"{f.qualifier}的{f.subject}" if f.qualifier else f.subject
            equipment.append((desc, n))
    return Assets(as_of=as_of, vehicles=vehicles, floor_area=floor, equipment=equipment,
                  line=line)


# ---------------------------------------------------------------------------
# Public readers
# ---------------------------------------------------------------------------


def read_narrative(
    lines: Sequence[Line],
) -> tuple[Narrative, Procurement | None, Assets | None, list[Finding]]:
    """Read the narrative (情况说明): sections, facts, procurement and assets.

    Args:
        lines: the narrative's lines, page furniture removed, in order (line numbers may
            jump between pieces). Headings printed twice are de-doubled here.

    Returns:
        The narrative, the procurement statement (``None`` if none is stated), the assets
        statement (``None`` without a 国有资产 section) and the reading findings
        (``reading.unplaced_figure``, ``reading.template_residue``). Never raises on bad
        input.
    """
    findings: list[Finding] = []
    facts: list[Fact] = []
    skipped: list[tuple[int, str]] = []
    sections = _sections(lines, skipped)
    for no, title in skipped:
        findings.append(Finding(
            rule="reading.unplaced_figure", severity=Severity.WARNING,
            message=f"“{title}”是表格，情况说明读取时未读取其中的数字（未核对）",
            message_en=f"{title!r} is a table inside the narrative: its figures were not read "
                       "(not checked)",
            location=Location(section="narrative", line=no), actual=title))
    out_sections: list[NarrativeSection] = []
    for sec in sections:
        if sec.title or sec.pieces:
            body = join_stripped([p.text.strip(_TEXT_SPACES) for p in sec.pieces])
            out_sections.append(NarrativeSection(sec.title, body, sec.line))
        stream = _Stream.of(sec.pieces)
        findings.extend(_residue(stream.text, "narrative", stream, None))
        findings.extend(_residue(sec.title, "narrative", None, sec.line))
        reader = _Reader(sec.title, stream, "采购" in sec.title or "采购" in sec.top, facts,
                         findings)
        reader.run()
    facts = _contained(facts)
    narrative = speaks_of(Narrative(sections=out_sections, facts=facts))
    return narrative, _procurement(facts), _assets(sections, facts), findings


def _contained(facts: list[Fact]) -> list[Fact]:
    """A figure in brackets after an amount, ``（含上年结转750.00万元）``, is part of that
    amount: of the project or item it belongs to, not the department's 上年结转. It is
    kept, qualified by what contains it, so it is never compared with the department's
    figures of its name."""
    from attrs import evolve

    out = list(facts)
    for k in range(1, len(out)):
        f, prev = out[k], out[k - 1]
        if f.kind is FactKind.AMOUNT and f.sentence.lstrip().startswith(("（含", "(含")) \
                and prev.kind is FactKind.AMOUNT and prev.line is not None \
                and f.line is not None and 0 <= f.line - prev.line <= 1:
            out[k] = evolve(f, qualifier=f"含于{prev.subject}")
    return out


_OV_HEADING: Final = re.compile(
    rf"^(?:[{_CN_NUM}]{{1,3}}、|[（(][{_CN_NUM}]{{1,3}}[）)])(?P<t>[^，。；,;：:]{{1,20}})[：:]?$")
_OV_HEADING_END: Final = re.compile(
    r"(?:职责|职能|任务|机构|设置|构成|组成|情况|概况|简介|说明|基本信息)$")
_TABLE_TITLE: Final = re.compile(
    rf"^(?:表[{_CN_NUM}\d]+|附表|预算公开表\d*)|(?:总表|预算表|情况表|明细表|收支表|公开表\d*)$")
_DUTIES: Final = re.compile(r"职责|职能|任务|主要工作")
_ORGANISATION: Final = re.compile(r"机构|设置|构成|组成|内设|编制")
_DUTY_MARK: Final = re.compile(
    rf"^(?:\d{{1,2}}[、.](?!\d)|[（(](?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})[）)]|\d{{1,2}}[)）])")
_INLINE_MARK: Final = re.compile(
    rf"(?<=[；;。：:])(?:\d{{1,2}}[、.](?!\d)|[（(](?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})[）)])")


def read_overview(lines: Sequence[Line]) -> tuple[Overview, list[Finding]]:
    """Read the overview (第一部分 概况): the numbered duties and the 机构设置 paragraph.

    Args:
        lines: the overview's lines, page furniture removed.

    Returns:
        The overview (duties without their numbering, wrapped lines joined) and the
        reading findings (template residue). Never raises on bad input.
    """
    findings: list[Finding] = []
    heading_line: int | None = None
    role = "duties"
    seen_heading = False
    duty_lines: list[tuple[int, str]] = []
    org_lines: list[Line] = []
    for ln in lines:
        raw = ln.text if isinstance(ln.text, str) else ""
        t = _clean(raw)
        if not t:
            continue
        findings.extend(_residue(t, "overview", None, ln.no))
        if _PART.match(t) or (heading_line is None and not seen_heading
                              and t.endswith(("概况", "概述", "基本情况")) and len(t) <= 20):
            heading_line = ln.no if heading_line is None else heading_line
            continue
        if len(t) <= 40 and _TABLE_TITLE.search(t):
            break  # the tables begin
        m = _OV_HEADING.match(t)
        if m and _OV_HEADING_END.search(m["t"]):
            seen_heading = True
            if _DUTIES.search(m["t"]):
                role = "duties"
            elif _ORGANISATION.search(m["t"]):
                role = "organisation"
            else:
                role = "other"
            continue
        if role == "duties":
            duty_lines.append((ln.no, t))
        elif role == "organisation":
            org_lines.append(Line(ln.no, t))
    first = next((ln.no for ln in lines if isinstance(ln.text, str) and ln.text.strip()), None)
    overview = Overview(duties=_duties(duty_lines), organisation=join_text(org_lines),
                        line=heading_line if heading_line is not None else first)
    return overview, findings


def _duties(lines: Sequence[tuple[int, str]]) -> list[str]:
    items: list[list[Line]] = []
    preamble: list[Line] = []
    for no, t in lines:
        m = _DUTY_MARK.match(t)
        if m:
            items.append([Line(no, t[m.end():])])
        elif items:
            items[-1].append(Line(no, t))
        else:
            preamble.append(Line(no, t))
    if not items:
        items = [preamble] if preamble else []
    duties: list[str] = []
    for item in items:
        parts = _INLINE_MARK.split(join_text(item))
        if len(parts) > 1 and parts[0].endswith(("：", ":")):
            parts = parts[1:]  # "主要职责：" introduces the list
        for part in parts:
            part = part.strip().rstrip("；;，,。.")
            if part:
                duties.append(part)
    return duties
