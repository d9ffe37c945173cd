"""The words of the narrative reader: text normalisation, the patterns of figures, the
subject vocabulary's resolution of a clause (see `govbudget._ingest._narrative`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from .._chars import FREE_NUMBER, translation
from .._lazy_re import lazy
from .._money import parse_amount
from .._pattern_cache import compile_pattern
from .._record import FrozenRecord, Record
from .._report import (
    Change,
)
from .._subjects import SUBJECTS
from ._text import dedouble

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
_SPACES: Final = lazy(r"(?<![0-9A-Za-z])[ \u3000]+|[ \u3000]+(?![0-9A-Za-z])")
# Three or more single digits (or , .) each set apart by one space: a letter-spaced number
# (not "15.3 0", whose tokens are longer).
_LETTER_SPACED: Final = lazy(r"(?<![\d,.])\d(?: [\d,.]){2,}(?![\d,.])")


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
    core = core.translate(_TRANSLATE)
    if " " in core:
        # A letter-spaced figure (年初预算 9 9 9 . 8 3万元, 1 9 .卫生健康支出…): one token.
        core = _LETTER_SPACED.sub(lambda m: m.group().replace(" ", ""), core)
    return _SPACES.sub("", core).strip().replace("收、支", "收支")


_CN_NUM: Final = "一二三四五六七八九十"
_PART: Final = lazy(rf"^第[{_CN_NUM}]{{1,3}}部分")
_L1: Final = lazy(rf"^[{_CN_NUM}]{{1,3}}[、.]")
_L2: Final = lazy(rf"^[（(][{_CN_NUM}]{{1,3}}[）)]")
# A title alone on its line, not numbered: 2024年部门预算编制说明, 其他相关情况说明 (a
# narrative part), 名词解释 (the glossary), …（部门）主要职能 / 机构设置 (the overview).
_BARE_TITLE: Final = lazy(
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


_HEAD_DONE: Final = lazy(r"(?:说明|情况|概况|[。：:；;）)])$")
_PAGE_NO: Final = lazy(r"[-－—]?\d{1,3}[-－—]?")
# A table printed among the narrative's pages, which the narrative reader does not read.
_GRID_TITLE: Final = lazy(r"绩效自评表$|自评表[（(]\d{4}年度?[）)]$")
_CLAUSE_MARK: Final = lazy(r"[，,。；;：:]")
_LIST: Final = lazy(r"^(?:\d{1,2}[、.](?!\d)|[（(]\d{1,2}[）)]|\d{1,2}[）)])")

# ---------------------------------------------------------------------------
# Figures
# ---------------------------------------------------------------------------

# The first digit comes first (so the scanner can skip to digits), then the check that it
# does not continue a number ("2,345" is not read from "12,345").
_NUM: Final = FREE_NUMBER
_MONEY_UNITS: Final = frozenset({"万元", "亿元", "元"})
_PERCENT_UNITS: Final = frozenset({"%", "个百分点"})
_FIG: Final = lazy(
    rf"(?P<num>{_NUM})"
    r"(?P<unit>万元|亿元|元|%|个百分点|台[（(]套[）)]|平方米|㎡|个|辆|人次|批次|人|台|套|项|家|户|名|件|处|栋|亩)"
)
# Digits before a money unit or % that _FIG could not read ("1,2345万元").
_LOOSE: Final = lazy(r"\d[\d,.]*(?:万元|亿元|元|%)")
_THRESHOLD: Final = lazy(r"(?:[（(]原值[）)])?及?(?:以上|以下|以内)")
_VALUE_WORD: Final = lazy(r"单位价值|单价|价值|原值")
_SENTENCE_END: Final = lazy(r"[。；;！？!?\n]")
_CLAUSE: Final = lazy(r"[，,：:、]")

_UP: Final = "增加|增长|上升|提高|增多"
_DOWN: Final = "减少|下降|降低|压减|缩减|节约|回落"
_VERB_END: Final = lazy(rf"(?P<verb>{_UP}|{_DOWN})了?约?$")
_RATE_END: Final = lazy(
    r"(?P<verb>增幅|增长率|增长幅度|上升幅度|降幅|下降率|下降幅度|减幅)(?:为|达|是)?$")
_CMP: Final = lazy(
    r"(?:比|较|与|同|和)(?:(?P<year>\d{4})年度?|上年度?|上一年度?|去年|上年同期|同期)|同比|相比")
_SAME: Final = lazy(
    r"(?:比|较|与|同|和)(?:(?P<year>\d{4})年度?|上年度?|上一年度?|去年)(?:相比|比较)?"
    r"(?:预算执行数|预算数?|执行数|决算数|同期数?|数)?(?:基本)?"
    r"(?:相同|持平|一致|保持一致|无变化|不变|没有变化)"
    r"|(?:同比)?(?:基本)?持平"
)
_SAME_HINT: Final = lazy("相同|持平|一致|不变|变化")
# Which figure of a subject an amount is (年初预算为A万元，支出决算为B万元): the word ends
# the clause; 预算安排 alone is this year's figure of the item.
_MEASURE_END: Final = lazy(
    r"(?P<m>当年预算执行数|预算执行数|执行数|支出决算数?|决算数|决算|年初预算数?|全年预算数?|预算数"
    r"|预算安排)$")
_MEASURES: Final = {"当年预算执行数": "执行数", "预算执行数": "执行数", "执行数": "执行数",
                    "支出决算": "决算", "支出决算数": "决算", "决算数": "决算", "决算": "决算",
                    "年初预算": "预算", "年初预算数": "预算", "全年预算": "预算",
                    "全年预算数": "预算", "预算数": "预算", "预算安排": ""}
# The base a change is compared with, when the text names it (比2023年预算执行数增加).
_BASIS: Final = lazy(r"执行数|决算")
# 完成年初预算的95.45%, 完成预算的60.46%, 预算执行率77.1%.
_EXEC_END: Final = lazy(
    r"(?:完成了?(?:年初|全年|调整后?的?)?预算(?:数)?的?|(?:预算)?执行率(?:为|达到?|是)?)$")
_YEAR_IN: Final = lazy(r"(\d{4})年")
_LAST_YEAR: Final = lazy("上年|上一年|去年")
_LAST_YEAR_LEAD: Final = lazy(r"^(?:上年度?|上一年度?|去年)(?:同期)?")
_ITEM_HEAD: Final = lazy(r"^[^，,。；;：:]{2,30}(?=[：:])")
# Every residue holds one of these: a quick scan rules most texts out.
_RESIDUE_HINT: Final = lazy(r"[XxＸｘ×]|[加长升少降][（(/／]")
_RESIDUE: Final = lazy(
    r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|××+|[XxＸｘ](?=万元|亿元|元|%|个|辆|人|项|年|月|日|平方米))(?![A-Za-z])"
    r"|(?:增加|增长|上升|减少|下降)[（(/／](?:增加|增长|上升|减少|下降)[）)]?"
)


@functools.lru_cache(maxsize=4096)
def _number(text: str) -> Decimal:
    """`parse_amount`, cached (a `Decimal` is immutable, and figures recur)."""
    return parse_amount(text)


_UP_WORD: Final = lazy(rf"(?:{_UP}|增幅|增长率|增长幅度|上升幅度)")


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

_TOKEN: Final = lazy(r"\(\?:|\(\?P<\w+>|\(|\)|\||\[(?:\\.|[^\]])*\]|\\.|.")
_QUANT: Final = lazy(r"[?*+]|\{\d*,?\d*\}")


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


def _vocabulary(entries: Sequence[tuple[str, str]]) -> re.Pattern[str]:
    alternatives = "|".join(f"(?P<s{i}>{_reverse(pat)})" for i, (_, pat) in enumerate(entries))
    return compile_pattern(f"(?:{alternatives})")


_VOCAB_NAMES: Final = [name for name, _ in SUBJECTS]
_VOCAB_PROC_NAMES: Final = [name for name, _ in SUBJECTS + _PROCUREMENT_BARE]


@functools.cache
def _vocab() -> re.Pattern[str]:
    """The reversed wordings of `SUBJECTS` and then the bare procurement wordings, one
    alternation (compiled on first use: it is the reader's largest pattern).

    One pattern serves both readings: an anchored alternation tries its branches in order,
    so a match in a procurement branch means that no subject's branch matched, which is
    "no match" where the bare wordings do not count.
    """
    return _vocabulary(SUBJECTS + _PROCUREMENT_BARE)


def ending_subject(text: str) -> str | None:
    """The first subject of `SUBJECTS` whose wording ends ``text`` (``re.search`` of
    ``(?:pattern)$`` for each subject in turn, as one anchored match of the reversed text).

    ```pycon
    >>> ending_subject("部门一般公共预算支出"), ending_subject("其他")
    ('一般公共预算支出', None)

    ```
    """
    if text.endswith("\n"):  # ``$`` also matches before a final newline
        text = text[:-1]
    return suffix_subject(text)


def suffix_subject(text: str) -> str | None:
    """The first subject of `SUBJECTS` whose wording is a suffix of ``text`` (a final
    newline is not skipped: see `ending_subject`)."""
    m = _vocab().match(text[::-1])
    index = int(m.lastgroup[1:]) if m and m.lastgroup else len(_VOCAB_NAMES)
    return _VOCAB_NAMES[index] if index < len(_VOCAB_NAMES) else None


@functools.cache
def _known_names() -> frozenset[str]:
    """The subjects of the vocabulary and the names of the classification catalogue (what
    a list such as 工资福利支出和商品和服务支出 may be cut into)."""
    from ..codes import dept_economic, functional, gov_economic

    names = set(_VOCAB_NAMES)
    for scheme in (functional, dept_economic, gov_economic):
        names.update(info.name for info in scheme.codes())
    return frozenset(names)

_LEAD: Final = lazy(
    r"^(?:[，,：:、；;。\s“”\"]|\d{1,2}[、.](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|其中|主要包括|主要用于以下方面|主要用于|包括|主要是|主要原因是|主要原因为|"
    r"原因是|由于|因为|故|因此|所以|导致|另外|此外|同时|以及|和|并|本年度|全年|按(?:功能|经济)分类(?:支出)?划分为?|"
    r"\d{4}年度?|共有|现有|拥有)+"
)
_SELF: Final = lazy(r"^(?:本|我)(?:单位|部门|局|委|办|院|中心|所|处|校)")
_ORG: Final = lazy(
    r"^.{2,40}(?:办公室|委员会|管理局|局|厅|中心|研究院|院|研究所|服务站|站|馆|大队|支队|学校|"
    r"医院|幼儿园|人民政府|法院|检察院|单位|部门)(?:本级)?(?=..)"
)
# "A、B分别为X、Y": the subjects before 分别, the figures after it, paired in order.
_RESPECTIVELY: Final = lazy(r"(?:为|是|达到|达|占)?\s*")  # after 分别, before the figures
_LIST_GAP: Final = lazy(r"[\s、，,和及与]*")  # what may stand between listed figures
_LIST_SEP: Final = lazy(r"、|以及|和|及|与")
_TRAIL_WORDS: Final = ("分别为", "约为", "为", "是", "达到", "达", "约", "共计", "总共", "各", "均",
                       "分别", "预计", "科目", "”", "\"", "’")
# "…（类）支出", "…（项）支出": the path's name, then the word 支出 again.
_PATH_SPENDING: Final = lazy(r"(?<=[（(][类款项][）)])支出$")
_CLASS_SPENDING: Final = lazy(r"^(?P<name>[^（）()]+?)(?:支出)?[（(]类[）)]支出$")
# The rest of a clause before a bare 预算支出 / 收入预算 that still names the whole budget.
_WHOLE_REST: Final = lazy(
    r"(?:^|办公室|委员会|局|厅|中心|院|所|站|馆|队|校|政府|处|部门|单位|本级|办事处|年度?|本|我)$")
_PATH_ENDS: Final = ("（类）", "（款）", "（项）", "(类)", "(款)", "(项)")
_CONTINUE: Final = lazy(r"^(?:共涉及|涉及|共计|合计|总计|金额|资金)")


def _ideographs(text: str) -> bool:
    """Every character of ``text`` is a CJK unified ideograph (U+4E00–U+9FFF): a string
    test, where a regular-expression class of the 20,992 characters costs about a
    millisecond to compile in each fresh process."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _category(text: str) -> bool:
    """``text`` names a category: 1 to 12 ideographs, then 类 or 类项目 (``^[一-鿿]{1,12}类
    (?:项目)?$``, a final newline allowed as ``$`` allows it).

    ```pycon
    >>> _category("办公设备类"), _category("信息化类项目"), _category("A类"), _category("类")
    (True, True, False, False)

    ```
    """
    if text.endswith("\n"):
        text = text[:-1]
    return any(text.endswith(end) and 1 <= len(text) - len(end) <= 12
               and _ideographs(text[: -len(end)]) for end in ("类", "类项目"))


_PATH: Final = lazy(r"^(?P<path>(?:[^（）()]+[（(](?:类|款)[）)])*)(?P<name>[^（）()]+)[（(](?P<lvl>类|款|项)[）)]$")
_CARRIED: Final = lazy(r"(?:上年度?|年初)结转(?:和|及)?(?:结余)?的?$")
# Compiled on first use (its ideograph class costs sre about a millisecond), and matched
# only where three digits (``\d``: Unicode category Nd, as ``str.isdecimal``) begin the text.
@functools.cache
def _coded_item() -> re.Pattern[str]:
    return compile_pattern(
        r"^(?P<code>\d{3}(?:\d{2}){0,2})[-－—:：]?(?P<name>[\u4e00-\u9fff][^，,。；;：:（）()]{1,30})$")


_WHOLE_NAMES: Final = frozenset({"预算收入总计", "预算支出总计"})
# A project's own name before 项目支出 (…评审项目支出, …监测项目支出): a verb-like or
# noun-like word of a project, not a scope (一般公共预算项目支出) or the department.
_NAMED_PROJECT: Final = lazy(r"(?:评审|监测|建设|工程|专项|服务|管理|维护|运维|购置|改造|经费|研究)$")
# Words that name money other than the department's own before a total (…资金支出总额).
_OTHER_MONEY: Final = lazy(r"(?:资金|项目|专项|经费|补贴|补助|基金)$")
_WHOLE_WORD: Final = lazy("总|合计")
_BAD_SUBJECT: Final = lazy(r"[\d%≥≤<>＞＜=]|[XxＸｘ×]{2}")
# An economic class printed with its code in brackets after its name: 工资福利支出（301）,
# 机关商品和服务支出（502）, 对个人和家庭的补助（30305）.
# (Compiled on first use, as the other patterns with an ideograph class.)
@functools.cache
def _code_after() -> re.Pattern[str]:
    return compile_pattern(r"^(?P<name>[\u4e00-\u9fff][^，,。；;：:]{1,30}?)[（(]"
                      r"(?P<code>\d{3}(?:\d{2}){0,2})[）)](?:支出)?$")


class _Subj(FrozenRecord):
    __slots__ = ("org", "qualifier", "subject")

    def __init__(self, subject: str, qualifier: str | None = None,
                 org: str | None = None) -> None:
        self.subject = subject
        self.qualifier = qualifier
        self.org = org  # the department's unit named right before it (某研究院公用经费)


class _Res(FrozenRecord):
    """What the clause before a figure names: a subject, a category, a continuation."""

    __slots__ = ("how", "subj")

    def __init__(self, how: str, subj: _Subj | None = None) -> None:
        self.how = how  # "subject", "category", "continue", "none"
        self.subj = subj


_NONE: Final = _Res("none")


def _strip_trail(text: str) -> str:
    """Drop trailing filler words (为, 共计, 分别 …)."""
    while text.endswith(_TRAIL_WORDS):
        text = next(text[: -len(w)] for w in _TRAIL_WORDS if text.endswith(w))
    return text


def _sums_counts(lead: str, counted: Sequence[tuple[str, str]]) -> bool:
    """An amount led by 共/合计/总计 after counts of two or more things in its sentence
    (一级项目7个、二级项目16个，共涉及资金X万元) is the money of them all, not of the last
    thing counted: ``counted`` is each earlier figure's subject and unit.

    ```pycon
    >>> _sums_counts("共涉及资金", [("一级项目", "个"), ("二级项目", "个")])
    True
    >>> _sums_counts("涉及资金", [("一级项目", "个"), ("二级项目", "个")])
    False
    >>> _sums_counts("共涉及资金", [("项目", "个")])
    False

    ```
    """
    if not lead.startswith(("共", "合计", "总计")):
        return False
    return len({subject for subject, unit in counted if unit not in _MONEY_UNITS}) >= 2


def _trim(text: str) -> str:
    """Drop lead-in words, years and the unit's own name (only from a long clause)."""
    text = _SELF.sub("", _LEAD.sub("", text))
    if len(text) > 12:
        text = _ORG.sub("", text)
    return _strip_trail(_LEAD.sub("", text))


# One of the department's units named right before a subject: 某某研究院（日常）公用经费,
# 局机关日常公用经费, 某某中心公用经费预算 — its figure is that unit's, not the department's.
# (Not …委员会 / …办公室 / …局: the names departments themselves have.)
_ORG_BEFORE: Final = (
    r"(?P<org>[\u4e00-\u9fff]{1,24}?(?:院|中心|站|所|队|馆|学校|医院|机关|本级))"
    r"(?:\d{4}年度?)?(?:日常|当年|本年)?$")
_ORG_ENDS: Final = ("院", "中心", "站", "所", "队", "馆", "学校", "医院", "机关", "本级", "日常",
                    "当年", "本年", "年", "年度")
_VERB_LEAD: Final = lazy(r"^(?:增加|减少|新增|安排|其中|包括|含)")


def _org_before(before: str) -> str | None:
    """The department's unit the words before a subject end with, if any (not the
    department itself: 本部门, 本局 …)."""
    if len(before) < 2:
        return None
    if not before.endswith(_ORG_ENDS):
        return None
    m = compile_pattern(_ORG_BEFORE).search(before)  # (compiled where a unit's word ends; kept)
    if m is None:
        return None
    org = _VERB_LEAD.sub("", _LEAD.sub("", m["org"]))
    if len(org) < 2 or _SELF.match(org) or org.startswith(("部门", "单位")):
        return None
    return org


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
    coded = _code_after().match(t) if t.endswith(("）", ")", "支出")) else None
    if coded is not None:  # 工资福利支出（301）: the name, with its printed code
        name = _trim(coded["name"])
        if len(name) >= 2 and not _BAD_SUBJECT.search(name):
            return _Res("subject", _Subj(name, coded["code"]))
    if t.endswith("支出"):
        c = _CLASS_SPENDING.match(t)
        if c is not None:  # 一般公共服务（类）支出: the class 一般公共服务支出
            return _Res("subject", _Subj(f"{_trim(c['name'])}支出"))
        t = _PATH_SPENDING.sub("", t)
    coded = _coded_item().match(t) if t[:3].isdecimal() else None
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
    m = _vocab().match(t[::-1])
    index = int(m.lastgroup[1:]) if m and m.lastgroup else len(_VOCAB_PROC_NAMES)
    if m and (index < len(_VOCAB_NAMES) or (procurement and index < len(_VOCAB_PROC_NAMES))):
        name = _VOCAB_PROC_NAMES[index]
        said = m.group(0)[::-1]
        if name in _WHOLE_NAMES and not _WHOLE_REST.search(_trim(t[: len(t) - len(said)])) \
                and (not _WHOLE_WORD.search(said) or _OTHER_MONEY.search(t[: len(t) - len(said)])):
            # "会议费预算支出": a 预算支出 of something else, not the whole budget's; so is
            # "某某补贴资金支出总额" (a fund's or project's total).
            rest = _trim(t)
            if "的" in rest and len(rest.rsplit("的", 1)[1]) >= 2:
                rest = rest.rsplit("的", 1)[1]
            ok = 2 <= len(rest) <= 20 and not _BAD_SUBJECT.search(rest)
            return _Res("subject", _Subj(rest)) if ok else _NONE
        qualifier = "当年" if "当年" in said and "当年" not in name else None
        before = t[: len(t) - len(said)]
        if name == "项目支出" and _NAMED_PROJECT.search(before):
            # "某机场扩建项目…评审项目支出30.00万元", "1.生态环境监测项目支出": that project's
            # spending, not the department's 项目支出
            rest = _trim(t)
            if 2 <= len(rest) <= 40 and not _BAD_SUBJECT.search(rest):
                return _Res("subject", _Subj(rest))
            return _NONE
        if _CARRIED.search(before) and name != "上年结转":
            qualifier = "上年结转"  # 上年结转结余的一般公共预算收入: not this year's income
        return _Res("subject", _Subj(name, qualifier, _org_before(before)))
    t = _trim(t)
    if _category(t):
        return _Res("category", _Subj(t))
    if "的" in t and len(t.rsplit("的", 1)[1]) >= 2:
        t = t.rsplit("的", 1)[1]
    if 2 <= len(t) <= 20 and any("\u4e00" <= ch <= "\u9fff" for ch in t) \
            and not _BAD_SUBJECT.search(t):
        return _Res("subject", _Subj(t))
    return _NONE


def _local(pre: str) -> str:
    """The clause right before a figure (the one before a colon if that is empty)."""
    # The last clause mark found by rfind: splitting the whole text since the previous
    # figure would cut every clause only to keep the last.
    cut = max(pre.rfind("，"), pre.rfind(","), pre.rfind("："), pre.rfind(":"), pre.rfind("、"),
              pre.rfind("；"), pre.rfind("。"))  # (；。 only inside an aside in brackets)
    local = pre[cut + 1:]
    if not _LEAD.sub("", local) and cut >= 0 and pre.rstrip().endswith(("：", ":")):
        return _CLAUSE.split(pre)[-2]
    return local


def _inside_brackets(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` leaves a bracket open that closes soon after ``end``
    (within 300 characters and before the next line break), so that a sentence end at
    ``end`` is inside an aside."""
    opened = text.count("（", start, end) + text.count("(", start, end)
    closed = text.count("）", start, end) + text.count(")", start, end)
    if opened <= closed:
        return False
    stop = text.find("\n", end)
    window = text[end:min(end + 300, stop if stop >= 0 else len(text))]
    return "）" in window or ")" in window


def _basis(text: str) -> str | None:
    """The measure of the base a change names (比2023年预算执行数: 执行数), else ``None``."""
    m = _BASIS.search(text)
    return None if m is None else "执行数" if m.group(0) == "执行数" else "决算"


def _compared_year(pre: str) -> int | None:
    year: int | None = None
    for m in _CMP.finditer(pre):
        year = int(m["year"]) if m["year"] else None
    return year


# A sentence that ends on its budget figure (预算数为12万元).
_BUDGET_ENDS: Final = lazy(r"预算(?:数)?(?:为|是)?[\d,.]+(?:万元|亿元|元)$")
_HAVING: Final = lazy(r"^(?:共有|现有|拥有|实有|共)")

def _vehicle_category(local: str) -> str:
    t = local[-40:]
    if "公务用车" in t:
        after = t.rsplit("公务用车", 1)[1]
        after = _strip_trail(_LEAD.sub("", after))
        if after:
            return after
    t = _trim(t).lstrip("）)")
    t = _HAVING.sub("", t)
    if "的" in t:
        before, t = t.rsplit("的", 1)
        if "其他" in before:
            return f"其他{t}"  # 其他按照规定配备的公务用车: a category, not the vehicles held
    return "实有" if t in ("", "车辆", "公务用车", "公车", "汽车", "实有车辆") else t


_PURCHASE: Final = lazy("购置|购买|新增|更新|采购")
# One of the department's units named before what it buys (某市某局本级更新…, 某仲裁院计划更新…).
_UNIT_BUYS: Final = lazy(r"(?P<unit>[\u4e00-\u9fff]{2,30}?(?:局|院|中心|委员会|办公室|站|所|队)"
                         r"(?:[（(][\u4e00-\u9fff]{2,20}[）)])?(?:本级)?)"  # 某学院（某技师学院）
                         r"(?:计划|拟)?(?:购置|购买|新增|更新|采购)")

# After a group's numbering (（一）, the reader's _L2): it is the year's money (本年/当年).
_THIS_YEAR: Final = lazy(r"[^\d，。；]{0,6}?(?:本年|当年)")
# Totals that are never an item of such a group.
_WHOLES: Final = frozenset({"预算收入总计", "预算支出总计", "财政拨款收入", "财政拨款支出", "本年收入",
                            "本年支出", "财政拨款收支总计"})


class _Base(Record):
    """A stated amount or count that later shares and changes can refer to."""

    __slots__ = ("subj", "unit")

    def __init__(self, subj: _Subj, unit: str) -> None:
        self.subj = subj
        self.unit = unit


class _List(Record):
    """A list stated "分别" (respectively) whose figures are being paired with its names."""

    __slots__ = ("compared_to", "direction", "left", "mode", "start", "subjects")

    def __init__(self, start: int, subjects: list[_Subj], left: int, mode: str,
                 compared_to: int | None = None, direction: Change | None = None) -> None:
        self.start = start  # where its clause starts in the text
        self.subjects = subjects  # names still to pair (none: the list does not pair)
        self.left = left  # figures still to come
        self.mode = mode  # "value", "share" or "change"
        self.compared_to = compared_to
        self.direction = direction

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
