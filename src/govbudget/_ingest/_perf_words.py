"""The vocabulary of performance target tables: titles, the value grammar that tells an
indicator's name from its value, indicator and funding labels, and the small text
helpers the readers of both layouts and of self-evaluation tables share."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from .._chars import NUMBER, translation
from .._lazy_re import lazy
from .._money import Unit
from .._pattern_cache import compile_pattern
from .._record import Record
from .._report import Indicator
from ._text import Line, dedouble, join_stripped

_SECTION: Final = "performance"
_SPACES: Final = " \t\u3000\u00a0"
_SPACES_COLONS: Final = _SPACES + "：:"

# -- titles -------------------------------------------------------------------------------

_TITLE_RE: Final = lazy(r"项目(?:支出|预算)?绩效目标(?:申报)?表")
_YEAR_LINE: Final = lazy(r"^[（(]?\s*\d{4}\s*年度?\s*[)）]?$")


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
# Longest first; the one-character words last, as one class: the same matches as their
# alternation (one character can match only itself), much cheaper to compile.
_UNIT: Final = ("(?:" + "|".join(re.escape(w) for w in _UNIT_WORDS if len(w) > 1) + "|["
                + "".join(re.escape(w) for w in _UNIT_WORDS if len(w) == 1) + "])")
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
_VALUE_RE: Final = lazy(rf"(?:(?:{_FREQ}|全年|当年|年内)?(?:{_QTY}|{_DATE})|{_FREQ}|{_CN_QTY})")
# What every value holds (a number or a date: a digit; a frequency: 每; a count in words:
# a Chinese numeral): searched first, it rules most names out cheaply.
_VALUE_HINT: Final = lazy(r"[\d每一二两三四五六七八九十百千]")
# Where a value glued to a name may start (word comparisons such as 约/达到 are left out:
# 节约10% must not become 节 + 约10%).
_GLUE_START: Final = frozenset("0123456789≥≤><=≧≦不大小每" + "".join(chr(0xFF10 + i) for i in range(10)))
_GLUE_START_RE: Final = lazy("[" + re.escape("".join(sorted(_GLUE_START))) + "]")
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
_COMPARATOR_ONLY: Final = lazy(rf"^{_COMP}$")


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
_L2_ENDINGS: Final = ("效益指标", "成本指标", "影响指标", "满意度指标")


def _l2_fallback(text: str) -> bool:
    """1 to 8 ideographs and then 效益指标/成本指标/影响指标/满意度指标 (``^[一-鿿]{1,8}(?:…)$``,
    as string tests: a class of the 20,992 ideographs costs sre about a millisecond to
    compile in each fresh process).

    ```pycon
    >>> _l2_fallback("生态环境效益指标"), _l2_fallback("效益指标"), _l2_fallback("A效益指标")
    (True, False, False)

    ```
    """
    if text.endswith("\n"):  # ``$`` also matches before a final newline
        text = text[:-1]
    return any(text.endswith(end) and 1 <= len(text) - len(end) <= 8
               and all("\u4e00" <= ch <= "\u9fff" for ch in text[: -len(end)])
               for end in _L2_ENDINGS)
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
        if rest in _L2 or _l2_fallback(rest):
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


# -- the reader of one table ---------------------------------------------------------------

_UNIT_IN_LABEL: Final = lazy(r"[（(]\s*(?:单位[:：]\s*)?(万元|亿元|元)\s*[)）]|单位[:：]\s*(万元|亿元|元)")
_NUMERIC: Final = lazy(r"^[-+]?[0-9０-９][0-9０-９,，.．]*$")
_DIGIT_CHARS: Final = frozenset("0123456789" + "".join(chr(0xFF10 + i) for i in range(10)))
_BLANK_CELLS: Final = frozenset({"-", "—", "－", "/", "／", "无", "——"})
_SKIPPED_WORDS: Final = frozenset({"：", "项目资金", "项目资金情况", "资金情况", "专项资金情况",
                                   "（万元）", "(万元)", "（元）", "(元)"})
_TOTAL_PERIOD: Final = lazy(r"实施期.{0,4}总额|实施期.{0,4}合计")
_TOTAL_YEAR: Final = lazy(r"年度.{0,4}总额|年度.{0,4}合计|^资金总额|^合计|^总计")
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
    compile_pattern(r"^([0-9A-Za-z]{2,12})\s*[-－—–_:：]\s*(.*)$"),
    compile_pattern(r"^[\[【(（]\s*([0-9A-Za-z]{2,12})\s*[\]】)）]\s*(.*)$"),
    compile_pattern(r"^(\d{2,12})\s+(.*)$"),
)
# ``^(\d{2,12})([一-鿿].*)$`` as the whole digit run and a string test of the character
# after it (the same matches: a shorter run is followed by a digit, not an ideograph; the
# class costs sre about a millisecond to compile in each fresh process).
_CODE_GLUED: Final = lazy(r"^(\d{2,12})(?!\d)(.*)$")


_UNIT_OPENING: Final = frozenset("（(万亿")
_UNIT_OPEN_END: Final = lazy(r"[（(][万亿]?$")
_UNIT_CLOSES: Final = frozenset({"元）", "万元）", "亿元）", "元)", "万元)", "亿元)", "）", ")"})
_UNIT_HEAD: Final = lazy(r"^[万亿]?元?")
_UNIT_TAIL: Final = lazy(r"[万亿]?元?$")
_FIGURES: Final = str.maketrans("", "", "0123456789,.，．")


def _wrapped_unit(lines: Sequence[str]) -> Unit | None:
    """The money unit of a funding block whose bracketed unit wrapped over its lines: a
    label cell ``专项资金情况（万元）`` printed as ``专项资金情况（``, then the figures of the
    cells beside it, then ``万元）`` (or ``（万`` … ``元）``). The bracket must be left open on
    its line and the first bracket closed on a later line: a bracket opened and closed on
    one line (``其他资金（含捐赠5万元）``) states no unit.

    ```pycon
    >>> _wrapped_unit(["专项资金情况（", "财政拨款 20.00", "万元）"])
    <Unit.WAN_YUAN: '万元'>
    >>> _wrapped_unit(["专项资金情况（万", "资金总额 180.00", "元）"])
    <Unit.WAN_YUAN: '万元'>
    >>> _wrapped_unit(["资金总额 20.00", "其他资金（含捐赠5万元） 0.00"]) is None
    True

    ```
    """
    flat = ["".join(t.split()).replace("(", "（").replace(")", "）") for t in lines]
    for i, t in enumerate(flat):
        k = t.rfind("（")
        if k < 0 or "）" in t[k:]:
            continue  # no bracket left open on this line
        head = _UNIT_HEAD.match(t[k + 1:])
        for u in flat[i + 1:]:
            j = u.find("）")
            if j < 0:
                continue
            before = u[:j].translate(_FIGURES)
            if "（" in before:
                return None  # the first bracket closed is another one
            tail = _UNIT_TAIL.search(before)
            unit = (head.group() if head else "") + (tail.group() if tail else "")
            return Unit.parse(unit) if unit in ("元", "万元", "亿元") else None
    return None


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
        if word and word[-1] in _UNIT_OPENING:
            # the pieces of a bracketed unit wrapped over lines (`_wrapped_unit`):
            # ``专项资金情况（万`` … ``元）`` is the label, not part of a source's name
            word = _UNIT_OPEN_END.sub("", word)
        if not word or word in _SKIPPED_WORDS or word in _UNIT_CLOSES:
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


class _Tok(Record):
    __slots__ = ("kind", "line", "row", "text")

    def __init__(self, kind: int, text: str, line: int, row: int) -> None:
        self.kind = kind
        self.text = text
        self.line = line
        self.row = row  # ordinal of the line in the grid


class _Source(Record):
    __slots__ = ("line", "period", "year")

    def __init__(self, line: int, period: Decimal | None = None,
                 year: Decimal | None = None) -> None:
        self.line = line
        self.period = period
        self.year = year


class _Column(Record):
    __slots__ = ("done", "frags", "head", "label", "label_line", "rows", "start", "width")

    def __init__(self) -> None:
        self.rows: list[Indicator] = []
        self.frags: list[_Tok] = []
        self.done = False
        self.width = 0
        self.head = ""  # the start of the pending name's first fragment
        self.label = ""
        self.label_line: int | None = None
        self.start = 0


def _department(text: str) -> tuple[str | None, str]:
    t = text.strip(_SPACES)
    for rx in _CODE_RE:
        m = rx.match(t)
        if m is not None and m.group(2):
            return m.group(1), m.group(2).strip(_SPACES)
    m = _CODE_GLUED.match(t)
    if m is not None and "\u4e00" <= m.group(2)[:1] <= "\u9fff":
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


_TITLE_END: Final = lazy(r"绩效目标(?:申报)?表$")
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

    def compact(k: int) -> str:
        return lines[k].stripped.replace(" ", "").replace("\u3000", "")

    i = 0
    n = len(lines)
    while i < n:
        s = lines[i].stripped
        if not s.endswith("表") and ("目" not in s or "标" not in s):
            i += 1  # neither test below can hold (compacting only drops spaces)
            continue
        c = compact(i)
        start: int | None = None
        if "目标" in c and _is_title(lines[i].stripped):
            start = i
        elif c.endswith("表") and _title_piece(lines[i].stripped):
            for k in (1, 2):
                if i - k < 0 or not _title_piece(lines[i - k].stripped) \
                        or (spans and i - k <= spans[-1][1]):
                    break
                joined = "".join(map(compact, range(i - k, i + 1)))
                if _TITLE_END.search(joined) and "项目" in joined:
                    start = i - k
                    break
        if start is None:
            i += 1
            continue
        # Pieces of the title printed above: their text starts the project name below.
        below = ""
        for c2 in map(compact, range(i + 1, min(i + 7, n))):
            if c2.startswith(_AFTER_NAME):
                break
            below += c2
        for _ in range(2):
            j = start - 1
            if j < 0 or (spans and j <= spans[-1][1]) or not _title_piece(lines[j].stripped):
                break
            piece = compact(j)
            if len(piece) < 4 or "绩效目标" in piece or piece[:6] not in below \
                    or " " in lines[j].stripped:
                break
            start = j
        spans.append((start, i))
        i += 1
    return spans
