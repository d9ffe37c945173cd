"""Table titles and the lines around them: the kind a title names, its number, a
contents line, the money unit and the issuing unit printed above the header.

Used by the segmenter (`govbudget._ingest._reader`) and by both table readers
(`govbudget._ingest._tables`, `govbudget._ingest._wide`).
"""

from __future__ import annotations

import functools
import re
from typing import Final

from .._pattern_cache import compile_pattern
from .._tables import TableKind
from ._text import _dedouble, figure_but_year

__all__ = ["classify_title", "generic_title", "is_toc_line", "join_wrapped_titles", "table_number",
           "without_unit"]


# Each rule with a word its pattern cannot match without (asked first: most rules do not
# apply to a title, and a substring test is much cheaper than a search).
_TITLE_RULES: Final[tuple[tuple[TableKind, re.Pattern[str], str], ...]] = (
    # 决算 (final accounts) titles first where a budget rule would take them: the same
    # kinds, told apart by `govbudget.Report.kind` (see `govbudget._tables`).
    (TableKind.GRANT_DETAIL, compile_pattern(r"财政拨款支出(决算)?明细表"), "财政拨款支出"),
    (TableKind.PROJECTS_CARRYOVER, compile_pattern(r"项目支出(预算)?(明细)?表.*上年结转"), "上年结转"),
    (TableKind.PROJECTS, compile_pattern(r"项目支出(预算|决算)?(明细)?表|项目支出及其他支出预算表|"
                                    r"项目支出预算明细"), "项目支出"),
    (TableKind.THREE_PUBLIC, compile_pattern(r"三公.{0,2}经费.*表"), "三公"),
    (TableKind.OPERATING_COSTS, compile_pattern(r"机关运行经费.*表"), "机关运行经费"),
    (TableKind.STATE_CAPITAL, compile_pattern(r"国有资本经营预算.*表"), "国有资本经营预算"),
    # 政府性基金预算财政拨款收入支出决算表: one table (年初, 本年收入, 本年支出, 年末).
    (TableKind.FUND_EXPENDITURE, compile_pattern(r"政府性基金预算.*收入支出决算表"), "政府性基金预算"),
    (TableKind.FUND_INCOME, compile_pattern(r"政府性基金预算.*收入.*表"), "政府性基金预算"),
    (TableKind.FUND_EXPENDITURE, compile_pattern(r"政府性基金预算.*支出.*表"), "政府性基金预算"),
    (TableKind.BASIC_ECONOMIC, compile_pattern(r"基本支出.*表"), "基本支出"),
    (TableKind.GENERAL_EXPENDITURE, compile_pattern(r"一般公共预算.*支出.*表"), "一般公共预算"),
    (TableKind.GRANT_SUMMARY, compile_pattern(r"财政拨款.*收支.*表|财政拨款收入支出决算总表"), "财政拨款"),
    (TableKind.SUMMARY, compile_pattern(r"收支.*总(体情况)?表|收支预算总表|收入支出决算总表"), "总"),
    # the unit's whole budget by part, without 总 (部门收支预算表, 单位收入预算表)
    (TableKind.SUMMARY, compile_pattern(r"(部门|单位)(财务)?收支预算表$"), "收支"),
    (TableKind.INCOME, compile_pattern(r"收入.*总(体情况)?表|收入决算表|(部门|单位)收入预算表$"), "收入"),
    (TableKind.EXPENDITURE, compile_pattern(r"支出.*总(体情况)?表|支出决算表|(部门|单位)支出预算表$"),
     "支出"),
)
_TITLE_END: Final = compile_pattern(r"表(（[^）]{0,20}）|\([^)]{0,20}\))?$")
_NUMBER: Final = compile_pattern(r"(?:公开表|预算表|部门表)\s*(\d{1,2})\s*$|^(?:公开|预算|决算|部门|单位)?\s*"
                            r"(\d{1,2})\s*表$|^(?:附)?表\s*(\d{1,2}|[一二三四五六七八九十]{1,3})$")
# Numbering before a title: 表1：, 表1., 附表2、, 公开01表, 预算01表, 一、, （一）, 1., 1．
_TITLE_PREFIX: Final = compile_pattern(
    r"^(?:(?:附)?表\s*\d{1,2}\s*[：:.．、\-－]?\s*|(?:公开|预算|决算)\s*\d{1,2}\s*表\s*|"
    r"[一二三四五六七八九十]{1,3}\s*[、.．]\s*|[（(][一二三四五六七八九十]{1,3}[）)]\s*|"
    r"\d{1,2}\s*[.．、]\s*)")


def _drop_prefix(text: str) -> str:
    """``text`` without its numbering (`_TITLE_PREFIX`, anchored at the start and never
    empty: what ``_TITLE_PREFIX.sub("", text, count=1)`` gives, without building a new
    string when there is none)."""
    m = _TITLE_PREFIX.match(text)
    return text[m.end():] if m else text


# A contents line: dot leaders or a page number after the title.
_TOC_TAIL: Final = compile_pattern(r"(?:\.{3,}|…{2,}|·{3,}|-{3,})\s*\d*\s*$|\s\d{1,3}$")


def _may_end_toc(text: str) -> bool:
    """Whether `_TOC_TAIL` can match ``text``: only if it ends in a digit, a leader or a
    space (what ``\\d`` and ``\\s`` match, ``isdigit`` and ``isspace`` hold of). Asked
    first: the pattern, anchored at the end, is tried from every position of the line."""
    last = text[-1:]
    return last.isdigit() or last in _LEADERS or last.isspace()


_LEADERS: Final = frozenset(".…·-")


def classify_title(text: str) -> TableKind | None:
    """The kind of table a title line names, or ``None`` if it is not a table title.

    A title is a short line ending in 表 (optionally followed by a bracketed note),
    without sentence punctuation.

    ```pycon
    >>> classify_title("2024年预算收支总表2024年预算收支总表")
    <TableKind.SUMMARY: 'summary'>
    >>> classify_title("2024年一般公共预算安排基本支出分经济科目表（不含上年结转）")
    <TableKind.BASIC_ECONOMIC: 'basic_economic'>
    >>> classify_title("部门一般公共预算“三公”经费支出表")
    <TableKind.THREE_PUBLIC: 'three_public'>
    >>> classify_title("（项目绩效目标表公开情况见附件）") is None
    True
    >>> classify_title("收入支出决算总表"), classify_title("支出决算表")
    (<TableKind.SUMMARY: 'summary'>, <TableKind.EXPENDITURE: 'expenditure'>)
    >>> classify_title("政府性基金预算财政拨款收入支出决算表")
    <TableKind.FUND_EXPENDITURE: 'fund_expenditure'>

    ```
    """
    return _classify_title(text)


@functools.lru_cache(maxsize=4096)
def _classify_title(text: str) -> TableKind | None:
    # Cached: the segmenter and then the table reader ask about the same lines.
    t = _dedouble(text).strip(" \u3000")
    if _may_end_toc(t):
        t = _TOC_TAIL.sub("", t).strip(" \u3000")
    t = _drop_prefix(t).replace(" ", "")
    if "单位" in t:
        t = _UNIT_TAIL.sub("", t)  # (…支出表（单位：万元）: the unit printed on the title's line)
    if not t or len(t) > 60 or "，" in t or "。" in t or "；" in t or "：" in t or ":" in t \
            or "绩效" in t:
        return None
    if not _TITLE_END.search(t):
        return None
    for kind, rx, word in _TITLE_RULES:
        if word in t and rx.search(t):
            if kind in _BY_FUNCTION and _BY_ECONOMIC.search(t):
                # spending by economic item (…支出情况表（按经济分类科目）, …支出经济分类情况表):
                # not the functional table of its name
                return TableKind.OTHER
            return kind
    return None


_BY_ECONOMIC: Final = compile_pattern(r"经济分类|经济科目")
# A money unit printed after a title on its line (spaces dropped): （单位：万元）, 单位：元
_UNIT_TAIL: Final = compile_pattern(r"[（(【\[]?(?:金额)?单位[:：](?:万元|元|亿元)[）)】\]]?$")
_BY_FUNCTION: Final = frozenset({TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE,
                                 TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL,
                                 TableKind.INCOME})


def is_toc_line(text: str) -> bool:
    """A line of a table of contents: a title followed by dot leaders or a page number."""
    t = text.strip()
    return _may_end_toc(t) and _TOC_TAIL.search(t) is not None


def generic_title(text: str) -> bool:
    """A line that reads as the title of a table of a kind not modelled (ends in 表, no
    sentence punctuation, not a table of contents line)."""
    t = _dedouble(text).strip(" \u3000")
    if is_toc_line(t):
        return False
    t = _drop_prefix(t).replace(" ", "")
    if "单位" in t:
        t = _UNIT_TAIL.sub("", t)
    return 4 <= len(t) <= 40 and bool(_TITLE_END.search(t)) and not any(
        p in t for p in "，。；：:、“”《》") and "见" not in t


def table_number(text: str) -> str | None:
    """The table number in a line such as ``预算公开表3`` (``None`` if absent)."""
    return _table_number(text)


@functools.lru_cache(maxsize=4096)
def _table_number(text: str) -> str | None:
    t = _dedouble(text).strip()
    # Every form of `_NUMBER` ends in a digit, 表 or a Chinese numeral.
    m = _NUMBER.search(t) if t[-1:].isdigit() or t[-1:] in _NUMBER_ENDS else None
    if not m:
        return None
    return next(g for g in m.groups() if g is not None).lstrip("0") or "0"


_NUMBER_ENDS: Final = frozenset("表一二三四五六七八九十")


class _MoneyUnitPattern:
    """``re.compile(r"单位[:：]\\s*(万元|元|亿元)(?![㐀-鿿])")``, searched as the pattern without
    its look-ahead and a string test of the character after each match (the same first
    match: at each 单位 one match at most can start, and none starts inside another; the
    class costs sre about a millisecond to compile in each fresh process).

    ```pycon
    >>> _MONEY_UNIT.search("单位：元类 单位：万元")[1], _MONEY_UNIT.search("单位：元类") is None
    ('万元', True)

    ```
    """

    __slots__ = ()
    _RX: Final = compile_pattern(r"单位[:：]\s*(万元|元|亿元)")

    def search(self, text: str) -> re.Match[str] | None:
        for m in self._RX.finditer(text):
            end = m.end()
            if end == len(text) or not "\u3400" <= text[end] <= "\u9fff":
                return m
        return None


_MONEY_UNIT: Final = _MoneyUnitPattern()
_UNIT_NAME: Final = compile_pattern(r"(?:单位名称|部门名称|编制单位)[:：]\s*(.*?)"
                               r"(?:\s+(?:金额)?单位[:：].*)?$")


def join_wrapped_titles(strips: list[str], texts: list[str], flat: str) -> None:
    """Put back together, in place, a table's title wrapped over two lines (a long
    title in a narrow page: ``一般公共预算财政`` / ``拨款支出决算表``): a line ending in 表
    whose words name another kind of table, or none, than they do after the line above
    them (a short line of words: no figure but a year or its number, no 表, no
    sentence), or, for the same kind or a kind not modelled, when the line above reads
    as a title's start (a budget word, a year or an enumerator, and no row label's or
    heading's end: not ``其他支出``, a table's last row over the next title, nor
    ``…情况说明``). Never an enumerated row's label (``三、国有资本经营预算``, set before
    its table's title in pdfminer's order), a lower line opening as a line does
    (``第二部分``, ``一、``, a year), a table's number (``公开 01 表``) or a mark that
    the table goes on (``续表``). ``strips`` and ``texts`` are the lines of ``flat``,
    stripped and as printed; the title is the upper line's, the lower one blank.

    ```pycon
    >>> strips = ["合计 5.00", "财政拨款收入", "支出决算总表", "单位：万元"]
    >>> texts = list(strips)
    >>> join_wrapped_titles(strips, texts, "\\n".join(strips))
    >>> strips
    ['合计 5.00', '财政拨款收入支出决算总表', '', '单位：万元']
    >>> strips = ["一般公共预算财政", "拨款基本支出决算表"]  # a title's start over a title
    >>> join_wrapped_titles(strips, list(strips), "\\n".join(strips))
    >>> strips
    ['一般公共预算财政拨款基本支出决算表', '']
    >>> strips = ["其他支出", "一般公共预算支出表"]  # a row's name over a whole title
    >>> join_wrapped_titles(strips, list(strips), "\\n".join(strips))
    >>> strips
    ['其他支出', '一般公共预算支出表']

    ```
    """
    line = counted = 0
    for m in _TITLE_TAIL.finditer(flat):  # (the lines ending in 表: a few dozen)
        line += flat.count("\n", counted, m.start())
        counted = m.start()
        tail = strips[line] if line < len(strips) else ""
        if not tail or len(tail) > 24 or "  " in tail or _table_number(tail) is not None \
                or _OPENS.match(tail) or "续" in tail:
            continue  # (公开 01 表: a table's number; 第二部分 …, 一、…, 2026年…: a line's
            # start; 续表: a table going on)
        i = line - 1
        while i >= 0 and not strips[i] and line - i <= 2:
            i -= 1
        head = strips[i] if i >= 0 else ""
        if not head or len(head) > 20 or "表" in head or "  " in head \
                or head.endswith(_SENTENCE_ENDS) \
                or figure_but_year(_NUMBERED.sub("", head)):
            continue
        kind = _title_kind(head + tail)
        if kind is None or (head.endswith(_LABEL_ENDS) and _OPENS.match(head)):
            continue  # (三、国有资本经营预算: an enumerated row's label, set before a title)
        if (kind is TableKind.OTHER or kind is _title_kind(tail)) and (
                head.endswith(_LABEL_ENDS) or not (any(w in head for w in _TITLE_WORDS)
                                                   or _TITLE_START.match(head))):
            # a title of a kind not modelled, or the lower line's kind: the upper line
            # joins only if it reads as a title's start (a budget word, a year or an
            # enumerator, and no row label's end: 行政事业单位医疗 is a row's name)
            continue
        strips[i] = head + tail
        texts[i] = texts[i].rstrip() + tail
        strips[line] = texts[line] = ""


def _title_kind(text: str) -> TableKind | None:
    """The kind of table ``text`` names as a title, `TableKind.OTHER` for a title of a
    kind not modelled, ``None`` for no title."""
    return _classify_title(text) or (TableKind.OTHER if generic_title(text) else None)


_TITLE_TAIL: Final = compile_pattern(r"表[ \t\u3000\f]*$", re.M)
_NUMBERED: Final = compile_pattern(r"^\d{1,2}\s*[.．、]")  # (4．2024年…: a contents line)
_TITLE_START: Final = compile_pattern(r"[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
                                      r"|\d{1,2}\s*[.．、]|.*?(?:19|20)\d\d\s*年")
_SENTENCE_ENDS: Final = ("。", "：", ":", "；", ";", "，", ",")
_TITLE_WORDS: Final = ("预算", "决算", "财政拨款")
_LABEL_ENDS: Final = ("收入", "支出", "合计", "总计", "小计", "结余", "结转", "经费", "资金",
                      "预算", "决算", "说明", "情况")
_OPENS: Final = compile_pattern(r"第[一二三四五六七八九十\d]{1,3}部分|[一二三四五六七八九十]{1,3}、"
                                r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、]|(?:19|20)\d\d")


def without_unit(title: str) -> str:
    """A title without the money unit printed after it on its line.

    >>> without_unit("一般公共预算支出表（单位：万元）"), without_unit("收支总表    金额单位：元")
    ('一般公共预算支出表', '收支总表')
    """
    if "单位" not in title:
        return title
    m = _PRINTED_UNIT_TAIL.search(title)
    return title[:m.start()].rstrip(" \u3000") if m and m.start() > 0 else title


_PRINTED_UNIT_TAIL: Final = compile_pattern(
    r"\s*[（(【\[]?\s*(?:金额)?\s*单位\s*[:：]\s*(?:万元|元|亿元)\s*[）)】\]]?\s*$")
