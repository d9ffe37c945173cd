"""Performance rules on indicators: counts, units, the two columns, the framework."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from ..._findings import Finding, Severity
from ..._report import Indicator, PerformanceTable
from ...indicators import (
    IndicatorLevelError,
    Quantity,
    Range,
    UnitAgreement,
    UnitCheck,
    Unparsed,
    check_name_unit,
    validate_levels,
)
from ...prose import Prose, counted_objects, name_parts
from .._context import Context
from .._registry import Category, Code, RuleSet
from ._common import (
    _admits,
    _entries_of,
    _Entry,
    _has_performance,
    _is_cost,
    _is_money,
    _is_output,
    _loc,
    _near,
    _parallel,
    _parse,
    _parse_value,
    _say,
)

RULES = RuleSet()

NOT_QUANTITY: Final = Code(
    "performance.name_unit.not_quantity", "名称所述单位而指标值不是数量",
    "The name states a unit, the value is no quantity",
    template="项目“{project}”指标“{name}”（{where}）：名称所述单位为“{name_unit}”，指标值“{value}”"
             "不是数量",
    template_en="project {project!r}: indicator {name!r} ({where_en}): {reason}",
    example={"project": "培训经费", "name": "培训天数（天）", "where": "年度", "where_en": "year",
             "name_unit": "天", "value": "每月",
             "reason": "the name states the unit '天' but the value '每月' is not a quantity"})
TYPO: Final = Code(
    "performance.columns_differ.typo", "实施期与年度指标名称疑为笔误",
    "Indicator names of the two columns differ by a slip",
    template="项目“{project}”{level2}指标名称在实施期为“{period}”，在年度为“{year}”（指标值同为"
             "{value}），疑为笔误",
    template_en="project {project!r}: indicator named {period!r} in the period column and "
                "{year!r} in the year column (both {value}): likely a typo",
    example={"project": "会议室改造", "level2": "数量指标", "period": "购置投影议",
             "year": "购置投影仪", "value": "1台"})
ONE_COLUMN: Final = Code(
    "performance.columns_differ.one_column", "指标只见于一列",
    "An indicator in one column only",
    template="项目“{project}”{level2}指标“{name}”{value}只见于{here}列，{there}列没有",
    template_en="project {project!r}: {level2} indicator {name!r} {value} is only in the "
                "{here_en} column, not in the {there_en} column",
    example={"project": "会议经费", "level2": "数量指标", "name": "会议次数", "value": "2次",
             "here": "年度", "there": "实施期", "here_en": "year", "there_en": "period"})
_IND_EXAMPLE: Final = {"project": "会议经费", "name": "会议次数", "where": "年度",
                       "where_en": "year", "level2": "数量指标", "value": "≥%95",
                       "reason": "expected a number after '≥'"}
NO_VALUE: Final = Code(
    "performance.framework.no_value", "指标没有指标值", "An indicator without a value",
    template="项目“{project}”指标“{name}”（{where}）没有指标值",
    template_en="project {project!r}: indicator {name!r} ({where_en}) has no value",
    example=_IND_EXAMPLE)
NO_NAME: Final = Code(
    "performance.framework.no_name", "指标值没有指标名称", "A value without an indicator name",
    template="项目“{project}”{level2}下指标值“{value}”（{where}）没有指标名称",
    template_en="project {project!r}: value {value!r} under {level2} ({where_en}) has no "
                "indicator name",
    example=_IND_EXAMPLE)
UNPARSED: Final = Code(
    "performance.framework.unparsed", "指标值无法解析", "An indicator value that cannot be read",
    template="项目“{project}”指标“{name}”（{where}）的指标值“{value}”无法解析：{reason}",
    template_en="project {project!r}: indicator {name!r} ({where_en}): value {value!r} "
                "cannot be read: {reason}",
    example=_IND_EXAMPLE)

_SECTION: Final = "performance"
_TABLE: Final = "performance"
_ZERO: Final = Decimal(0)


_COUNT_FIELDS: Final = (("overview", "项目概况"), ("plan", "项目实施计划"),
                        ("goal_year", "年度目标"), ("goal_period", "实施期目标"))


def _field_applies(attr: str, column: str, parallel: bool) -> bool:
    """Which texts an indicator of a column is compared with: everything when the columns
    are parallel; else the year column with the year goal only, the period column with
    the rest (the overview and the plan describe the whole project)."""
    if parallel or column == "both":
        return True
    if column == "year":
        return attr == "goal_year"
    return attr != "goal_year"


@RULES.rule("performance.quantity_vs_overview", title="数量指标与项目概况所述数量一致",
      title_en="Quantity indicators agree with the counts the overview states",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="output indicators (产出指标) whose value is a count (个, 套, 期, 人, 天, 平方米 …) "
              "of a thing the overview, the plan or the goals also count",
      when=_has_performance)
def quantity_vs_overview(ctx: Context) -> Iterator[Finding]:
    """A quantity indicator (``购置书架数量 6个``, ``专题节目总期数 ≤12期``,
    ``培训天数（天） 3天``) counts a thing the project's text often counts too (``书架6个``,
    ``专题节目12期``, ``培训为期3天``); the count stated must meet the target (``≤``:
    at most, ``≥``: at least, otherwise equal). Checked against the overview, the
    implementation plan and the goals, each separately. When the 实施期 and 年度 columns
    describe different money (a multi-year project), the 年度 column is compared with the
    年度 goal only and the 实施期 column with the rest.

    Heuristics. The thing counted is read from the indicator's name: a bracketed word that
    is not a unit (``人数（女职工）`` counts 女职工), then the name without brackets, leading
    verbs (购置, 订制, 更换, 制定, 开展 …) and trailing measure words (数量, 总期数, 人数,
    天数, 面积 …), then its parts of three characters or more, longest first, then its last
    two characters. For the first of these the text mentions with a count, the count is
    the number and unit right before the mention (``12期《专题节目》``) or the first one
    within 14 characters after it in the same clause (``专题节目，全年共计制作12期``),
    when its unit is the indicator's; a count under ``每…`` (per session) or a range is not
    a total and is skipped. Percentages, money and rates are not counts. A disagreement is
    a warning.
    """
    rid = "performance.quantity_vs_overview"
    for p in ctx.report.performance:
        fields: list[tuple[str, str, Prose]] = []
        seen: set[str] = set()
        for attr, label in _COUNT_FIELDS:
            prose = p.prose.of(attr)
            if prose.text and prose.text not in seen:
                seen.add(prose.text)
                fields.append((attr, label, prose))
        if not fields:
            continue
        parallel = _parallel(p)
        counted: list[tuple[_Entry, Quantity | Range, Sequence[tuple[str, bool]]]] = []
        for e in _entries_of(ctx, p):
            ind = e.ind
            if not ind.name or not _is_output(ind) or _is_cost(ind):
                continue
            target = _parse(ind)
            if not isinstance(target, Quantity | Range) or not target.unit:
                continue
            unit = target.unit
            if unit in ("%", "‰") or "/" in unit or _is_money(unit):
                continue
            objs = counted_objects(ind.name)
            if objs:
                counted.append((e, target, objs))
        parts_of = {e.ind.name: name_parts(e.ind.name) for e, _, _ in counted}
        # Only the parts a text actually contains can qualify a mention in it.
        every_part = frozenset().union(*parts_of.values())
        in_text: dict[str, set[str]] = {}
        counting_of: dict[str, str] = {}
        for _, _, prose in fields:
            counting = counting_of[prose.text] = prose.counting_text
            in_text[prose.text] = {f for f in every_part if f in counting}
        for e, target, objects in counted:
            ind = e.ind
            own = parts_of[ind.name]
            # Every object of three characters or more is one of ``own``; the shorter ones
            # (a two-character core or tail) are looked for as they are.
            short = [obj for obj, _ in objects if len(obj) < 3]
            for attr, label, prose in fields:
                if not _field_applies(attr, e.column, parallel):
                    continue
                text = prose.text
                if own.isdisjoint(in_text[text]) \
                        and not any(obj in counting_of[text] for obj in short):
                    continue  # the text mentions none of the objects: it states no count
                # Another indicator's parts in the text, not this one's: every part in
                # ``in_text`` that is not ``own`` belongs to some other name.
                foreign = in_text[text] - own
                bad = [c for c in prose.counts_of(objects, target.unit, foreign)
                       if not _admits(target, c.value, c.unit)]
                stated = list(dict.fromkeys(c.text.strip() for c in bad))
                if stated:
                    yield ctx.finding(
                        rid, Severity.WARNING,
                        f"项目“{p.project}”指标“{ind.name}”为{ind.value}（{e.where}），"
                        f"{label}所述为“{'、'.join(stated)}”",
                        f"project {p.project!r}: indicator {ind.name!r} is {ind.value} "
                        f"({e.where_en}) but the {label} states {', '.join(stated)}",
                        e.location(p), [*e.related(p), *dict.fromkeys(
                            _loc(p, label, c.line) for c in bad)],
                        expected_text=ind.value, actual_text="、".join(stated))


@RULES.rule("performance.name_unit", title="指标名称所述单位与指标值单位一致",
      title_en="The unit in an indicator's name agrees with its value's unit",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="indicators whose name states a unit in brackets (采购折叠椅（套）)",
      when=_has_performance, codes=(NOT_QUANTITY,))
def name_unit(ctx: Context) -> Iterator[Finding]:
    """An indicator name often states its unit in brackets (``档案室改造面积（平方米）``); the
    value must be in that unit or one that converts exactly (``（万元）`` and ``≤2,130,000元``
    agree). A different unit (``采购折叠椅（套）`` with ``≤40把``), or a value that is no
    quantity at all (``培训天数（天）`` with ``每月``), is a warning. A bare number takes the
    name's unit. Identical rows of the two columns are reported once."""
    rid = "performance.name_unit"
    for p in ctx.report.performance:
        for e in _entries_of(ctx, p):
            ind = e.ind
            if not ind.name or not ind.value:
                continue
            a = _name_unit(ind.name, ind.value)
            if a is None or a.status not in (UnitCheck.DIFFERENT, UnitCheck.NOT_QUANTITATIVE):
                continue
            if a.status is UnitCheck.NOT_QUANTITATIVE:
                yield _say(ctx, NOT_QUANTITY, Severity.WARNING, e.location(p), e.related(p),
                           expected_text=a.name_unit, actual_text=ind.value,
                           project=p.project, name=ind.name, where=e.where,
                           where_en=e.where_en, name_unit=a.name_unit, value=ind.value,
                           reason=a.message)
                continue
            zh = f"名称所述单位为“{a.name_unit}”，指标值“{ind.value}”的单位为“{a.value_unit}”"
            yield ctx.finding(
                rid, Severity.WARNING,
                f"项目“{p.project}”指标“{ind.name}”（{e.where}）：{zh}",
                f"project {p.project!r}: indicator {ind.name!r} ({e.where_en}): {a.message}",
                e.location(p), e.related(p), expected_text=a.name_unit,
                actual_text=ind.value)



@functools.lru_cache(maxsize=4096)
def _name_unit(name: str, value: str) -> UnitAgreement | None:
    """`check_name_unit` of an indicator's name and its parsed value (``None`` when the
    value does not parse): a pure function of the two texts, and the two columns of a
    table, like reports of one template, print the same indicators again (cached; the
    answer is immutable)."""
    target = _parse_value(value)
    if target is None or isinstance(target, Unparsed):
        return None
    return check_name_unit(name, target)


@RULES.rule("performance.columns_differ", title="实施期与年度指标一致（单年度项目）",
      title_en="Period and year indicator columns agree where they describe the same money",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="performance tables with both columns; differences are findings only when the "
              "columns are parallel (a one-year project, or equal period and year funds)",
      when=_has_performance, codes=(TYPO, ONE_COLUMN))
def columns_differ(ctx: Context) -> Iterator[Finding]:
    """The indicator grid has a column for the whole implementation period (实施期) and one
    for the year (年度). For a multi-year project they legitimately differ: the period
    targets add up several years. Where the columns describe the same money — a one-year
    project, or 实施期资金总额 equal to 年度资金总额 (as for an ongoing project funded year
    by year) — they should be the same indicators with the same values.

    Rows are compared within each (一级, 二级) group as sets: order is layout, not content.
    For parallel columns, the same name with different values is a warning, and names
    that differ by a slip (up to two characters: ``购置投影议`` / ``购置投影仪``) with the
    same value are a warning (a typo in one column); a row
    present in one column only is an observation (info). For other projects only a
    slip-like name difference is reported, as info.
    """
    rid = "performance.columns_differ"
    for p in ctx.report.performance:
        if not p.indicators_period or not p.indicators_year:
            continue
        parallel = _parallel(p)
        groups: dict[tuple[str, str], tuple[list[Indicator], list[Indicator]]] = {}
        for col, inds in ((0, p.indicators_period), (1, p.indicators_year)):
            for ind in inds:
                if ind.is_empty:
                    continue
                groups.setdefault((ind.level1, ind.level2), ([], []))[col].append(ind)
        for (_l1, l2), (left, right) in groups.items():
            lk = [(i.name, i.value) for i in left]
            rk = [(i.name, i.value) for i in right]
            if lk == rk:
                continue  # the same rows in the same order (the usual case): nothing differs
            # A row is in one column only when that column has its (name, value) more often.
            cl, cr = Counter(lk), Counter(rk)
            only_l = [i for i, k in zip(left, lk, strict=True) if cl[k] > cr[k]]
            only_r = [i for i, k in zip(right, rk, strict=True) if cr[k] > cl[k]]
            used_r: set[int] = set()
            for a in only_l:
                match = None
                kind = ""
                for k, b in enumerate(only_r):
                    if k in used_r:
                        continue
                    if a.name == b.name:
                        match, kind = k, "value"
                        break
                    if a.value == b.value and _near(a.name, b.name):
                        match, kind = k, "name"
                if match is None:
                    if parallel:
                        yield _only_one(ctx, p, a, "实施期", "period", "年度", "year", l2)
                    continue
                used_r.add(match)
                b = only_r[match]
                loc = _loc(p, "indicators_period", a.line)
                rel = [_loc(p, "indicators_year", b.line)]
                if kind == "value":
                    if not parallel:
                        continue
                    yield ctx.finding(
                        rid, Severity.WARNING,
                        f"项目“{p.project}”{l2}“{a.name}”实施期指标值为{a.value}，年度指标值为"
                        f"{b.value}，而实施期与年度资金相同",
                        f"project {p.project!r}: {a.name!r} is {a.value} for the period and "
                        f"{b.value} for the year, though both columns describe the same money",
                        loc, rel, expected_text=a.value, actual_text=b.value)
                else:
                    yield _say(ctx, TYPO, Severity.WARNING if parallel else Severity.INFO,
                               loc, rel, expected_text=b.name, actual_text=a.name,
                               project=p.project, level2=l2, period=a.name, year=b.name,
                               value=a.value)
            if parallel:
                for k, b in enumerate(only_r):
                    if k not in used_r:
                        yield _only_one(ctx, p, b, "年度", "year", "实施期", "period", l2)


def _only_one(ctx: Context, p: PerformanceTable, ind: Indicator, here: str, here_en: str,
              there: str, there_en: str, l2: str) -> Finding:
    return _say(ctx, ONE_COLUMN, Severity.INFO, _loc(p, f"indicators_{here_en}", ind.line),
                actual_text=f"{ind.name} {ind.value}", project=p.project, level2=l2,
                name=ind.name, value=ind.value, here=here, there=there, here_en=here_en,
                there_en=there_en)


@RULES.rule("performance.framework", title="指标层级符合指标体系，指标值可解析",
      title_en="Indicator levels fit the framework; every indicator has a readable value",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="every indicator of every performance table", when=_has_performance,
      codes=(NO_VALUE, NO_NAME, UNPARSED))
def framework(ctx: Context) -> Iterator[Finding]:
    """Each (一级, 二级) pair must be one of the framework (``govbudget.indicators.FRAMEWORK``:
    产出指标 → 数量/质量/时效/成本指标, 效益指标 → 经济/社会/生态效益、可持续影响指标, 满意度指标 →
    服务对象满意度指标, and 成本指标 as 一级 → 经济/社会/生态环境成本指标). An indicator with a
    name and no value, or a value and no name, and a value the indicator grammar cannot
    read (``Unparsed``) are warnings. Empty 二级 rows (no 三级 indicator) are normal."""
    rid = "performance.framework"
    good_levels: set[tuple[str, str]] = set()  # pairs the framework accepts
    for p in ctx.report.performance:
        bad_levels: set[tuple[str, str]] = set()  # reported once per table
        for e in _entries_of(ctx, p):
            ind = e.ind
            pair = (ind.level1, ind.level2)
            if pair not in good_levels and pair not in bad_levels:
                try:
                    validate_levels(ind.level1, ind.level2)
                    good_levels.add(pair)
                except IndicatorLevelError as exc:
                    bad_levels.add(pair)
                    hint = f"（应属“{exc.suggestion}”）" if exc.suggestion else ""
                    yield ctx.finding(
                        rid, Severity.WARNING,
                        f"项目“{p.project}”指标层级“{ind.level1} / {ind.level2}”不符合指标体系{hint}",
                        f"project {p.project!r}: levels {ind.level1!r} / {ind.level2!r} do not "
                        f"fit the indicator framework: {exc}",
                        e.location(p), e.related(p), expected_text=exc.suggestion,
                        actual_text=f"{ind.level1}/{ind.level2}")
            if ind.is_empty:
                continue
            if not ind.value:
                yield _say(ctx, NO_VALUE, Severity.WARNING, e.location(p), e.related(p),
                           actual_text=ind.name, values=_said(p, e))
                continue
            if not ind.name:
                yield _say(ctx, NO_NAME, Severity.WARNING, e.location(p), e.related(p),
                           actual_text=ind.value, values=_said(p, e))
            target = _parse(ind)
            if isinstance(target, Unparsed):
                yield _say(ctx, UNPARSED, Severity.WARNING, e.location(p), e.related(p),
                           actual_text=ind.value, values=_said(p, e), reason=target.reason)


def _said(p: PerformanceTable, e: _Entry) -> dict[str, str]:
    """The values an indicator's finding says (project, name, value, column, 二级)."""
    ind = e.ind
    return {"project": p.project, "name": ind.name, "value": ind.value, "where": e.where,
            "where_en": e.where_en, "level2": ind.level2}
