"""Performance rules on funds: the year funds against the project list, the funding block."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..._findings import Finding, Severity
from ..._report import PerformanceTable
from ..._tables import RowKind, TableKind
from .._context import Context, Figure, norm
from .._registry import Category, Code, RuleSet
from ._common import (
    _amount_figure,
    _coded,
    _has_performance,
    _has_project_list,
    _loc,
    _near,
    _say,
    _unbracketed,
)

RULES = RuleSet()

RENAMED: Final = Code(
    "performance.project_amount.renamed", "项目名称与项目支出预算表略有不同",
    "Project named slightly differently in the project list",
    template="绩效目标表项目“{project}”在项目支出预算表中名为“{listed}”",
    template_en="performance table {project!r} is named {listed!r} in the project list",
    example={"project": "培训经费（县级）", "listed": "培训经费"})
UNLISTED: Final = Code(
    "performance.project_amount.unlisted", "项目支出预算表中没有该项目",
    "No project of the table's name in the project list",
    template="绩效目标表项目“{project}”在项目支出预算表中没有对应项目",
    template_en="performance table {project!r} has no project of that name in the project "
                "list",
    example={"project": "会议经费"})
NO_TABLE: Final = Code(
    "performance.project_amount.no_table", "列出的项目没有绩效目标表",
    "A listed project has no performance table",
    template="项目支出预算表中的项目“{project}”没有绩效目标表",
    template_en="listed project {project!r} has no performance table",
    example={"project": "会议经费"})
YEAR_OVER_PERIOD: Final = Code(
    "performance.funding_sum.year_over_period", "年度资金总额超过实施期资金总额",
    "Year funds exceed the period funds")
SOURCE_OVER_PERIOD: Final = Code(
    "performance.funding_sum.source_over_period", "资金来源年度数超过实施期数",
    "A source's year amount exceeds its period amount")

_SECTION: Final = "performance"
_TABLE: Final = "performance"
_ZERO: Final = Decimal(0)


@RULES.rule("performance.project_amount", title="绩效目标表年度资金总额与项目支出预算表一致",
      title_en="Each performance table's year funds equal the project's amount in the "
               "project list",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="when the report has performance tables and a project list (项目支出预算表)",
      when=_has_project_list, codes=(RENAMED, UNLISTED, NO_TABLE))
def project_amount(ctx: Context) -> Iterator[Finding]:
    """Each performance table's 年度资金总额 (in its unit, usually 元) equals the same
    project's amount in the project list (项目支出预算表, usually 万元), matched by
    normalised name (:func:`govbudget.checks._context.norm`). Each side keeps its own rounding quantum (whole 元 against 0.01 万元),
    so a gap is judged by :func:`govbudget.explain_gap`, never by a fixed tolerance.

    The reference is the project's row in the current-year list (本年预算), or, when the
    project also appears in the carry-over list (上年结转), the current-year amount plus the
    carry-over; either agreeing is agreement. A name printed several times (one project
    under several units) is summed.

    A performance table with no project of its name in the list is a warning (when one
    unmatched list name differs by a slip, it is named, and the amounts are compared); a
    listed project with an amount and no performance table is a warning too (a report
    may publish targets for key projects only; the narrative should say so).
    """
    rid = "performance.project_amount"
    report = ctx.report
    units = {norm(x) for x in (report.unit_name,) if x}
    listed: dict[str, list[tuple[Figure, str]]] = {}
    order: list[tuple[str, Figure]] = []
    for t in ctx.tables(TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
        if t.unit_name:
            units.add(norm(t.unit_name))
        for b in t.blocks:
            if not b.has("total"):
                continue
            for r in b.rows:
                if r.kind is not RowKind.DATA or not r.name.strip():
                    continue
                fig = Figure.cell(t, b, r, "total")
                if fig is None:
                    continue
                key = norm(r.name)
                listed.setdefault(key, []).append((fig, t.kind.value))
                order.append((r.name, fig))
    matched: set[str] = set()
    for p in report.performance:
        key = norm(p.project)
        if not key:
            continue
        rows = listed.get(key)
        if rows is None:
            near = [k for k in listed if k not in matched and k not in units
                    and (_near(k, key) or _unbracketed(k) == _unbracketed(key))]
            if len(near) == 1:
                rows = listed[near[0]]
                matched.add(near[0])
                yield _say(ctx, RENAMED, Severity.WARNING, _loc(p, "项目名称"),
                           [rows[0][0].location], project=p.project,
                           listed=rows[0][0].location.row_name)
            else:
                yield _say(ctx, UNLISTED, Severity.WARNING, _loc(p, "项目名称"),
                           project=p.project)
                continue
        matched.add(key)
        if p.total_year is None:
            continue
        mine = _amount_figure(p, p.total_year, "年度资金总额")
        current = [f for f, kind in rows if kind == TableKind.PROJECTS.value]
        carry = [f for f, kind in rows if kind != TableKind.PROJECTS.value]
        refs: list[list[Figure]] = []
        if current:
            refs.append(current)
        if carry:
            refs.append(current + carry)
        found: Finding | None = None
        for figs in refs:
            f = ctx.sum_check(
                rid, figs, mine,
                what=f"项目“{p.project}”绩效目标表年度资金总额与项目支出预算表",
                what_en=f"project {p.project!r}: performance table year funds vs project list")
            if f is None:
                found = None
                break
            if found is None or (found.severity > f.severity):
                found = f
        if found is not None:
            yield found
    for name, fig in order:
        key = norm(name)
        if key in matched or key in units or fig.money.is_zero():
            continue
        matched.add(key)
        yield _say(ctx, NO_TABLE, Severity.WARNING, fig.location, project=name)


def _funding_lines(p: PerformanceTable) -> tuple[int, int]:
    """The lines of a performance table's funding block: from its first line to the line
    before the next field (the goals, the grid …), else to the table's end; ``(0, -1)``
    when the table has no funding block."""
    start = next((no for key, no in p.field_lines if key == "funding"), None)
    if start is None:
        return 0, -1
    after = [no for _, no in p.field_lines if no > start]
    end = min(after) - 1 if after else (p.end_line if p.end_line is not None else start)
    return start, end


# Reading findings that leave a figure of a performance table unread or unplaced.
_UNREAD: Final = frozenset({"reading.unplaced_figure", "reading.unparsed_amount"})


@RULES.rule("performance.funding_sum", title="绩效目标表各资金来源之和等于资金总额",
      title_en="Performance table: the funding sources add up to the totals",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="every performance table with a funding block", when=_has_performance,
      codes=(YEAR_OVER_PERIOD, SOURCE_OVER_PERIOD))
def funding_sum(ctx: Context) -> Iterator[Finding]:
    """The funding block of a performance table: the sources (中央/省级/市县财政资金, 单位自筹,
    其他资金 …) add up to 实施期资金总额 in the 实施期 column and to 年度资金总额 in the 年度
    column; the year's money is part of the period's, so 年度资金总额 ≤ 实施期资金总额 and
    each source's year amount ≤ its period amount.

    A blank cell is an exact zero. A column in which no source has an amount is not added
    up (the rows were left blank or could not be read; the reader reports the latter), nor
    is a table with a figure the reader could not read or place in its funding block (it
    may be a source's).
    """
    rid = "performance.funding_sum"
    unread = [f.location.line for f in ctx.report.findings
              if f.rule in _UNREAD and f.location.line is not None]
    for p in ctx.report.performance:
        start, end = _funding_lines(p)
        if any(start <= no <= end for no in unread):
            continue  # a figure of the funding block was not read: its sums are not trusted
        for col, total, what, what_en in (
                ("period", p.total_period, "实施期资金总额", "period funds"),
                ("year", p.total_year, "年度资金总额", "year funds")):
            values = [fl.period if col == "period" else fl.year for fl in p.funding]
            if total is None or not p.funding or all(v is None for v in values):
                continue
            # The common case, an exact sum: every figure is in the table's unit, so
            # ``sum_check`` would find nothing; the figures are not built.
            if sum((v for v in values if v is not None), _ZERO) == total:
                continue
            label = "实施期" if col == "period" else "年度"
            terms = [_amount_figure(p, v, f"{fl.source}（{label}）", fl.line)
                     for fl, v in zip(p.funding, values, strict=True)]
            f = ctx.sum_check(rid, terms, _amount_figure(p, total, what),
                              what=f"项目“{p.project}”各资金来源之和与{what}",
                              what_en=f"project {p.project!r}: funding sources vs {what_en}")
            if f is not None:
                yield f
        # ``le_check`` finds nothing when the part is at most the whole; both figures are
        # in the table's unit, so that is tested on the amounts before building figures.
        if p.total_period is not None and p.total_year is not None \
                and p.total_year > p.total_period:
            f = ctx.le_check(rid, _amount_figure(p, p.total_year, "年度资金总额"),
                             _amount_figure(p, p.total_period, "实施期资金总额"),
                             what=f"项目“{p.project}”年度资金总额不应超过实施期资金总额",
                             what_en=f"project {p.project!r}: year funds must not exceed "
                                     f"the period funds")
            if f is not None:
                yield _coded(f, YEAR_OVER_PERIOD)
        for fl in p.funding:
            if fl.period is None or fl.year is None or fl.year <= fl.period:
                continue
            f = ctx.le_check(rid, _amount_figure(p, fl.year, f"{fl.source}（年度）", fl.line),
                             _amount_figure(p, fl.period, f"{fl.source}（实施期）", fl.line),
                             what=f"项目“{p.project}”“{fl.source}”年度数不应超过实施期数",
                             what_en=f"project {p.project!r}: {fl.source!r} year amount must "
                                     f"not exceed its period amount")
            if f is not None:
                yield _coded(f, SOURCE_OVER_PERIOD)

