"""Helpers of the performance rules' tests: small hand-made tables and reports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs

from govbudget import Report, Unit
from govbudget._findings import Finding
from govbudget._report import FundingLine, Indicator, PerformanceTable
from govbudget.checks import check_report
from govbudget.testing import build_report

D = Decimal
FUNDS = D("200000")
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "jincheng-npc-office-2024.txt"

RULES = ("performance.project_amount", "performance.funding_sum", "performance.cost_indicator",
         "performance.itemised_costs", "performance.formula",
         "performance.quantity_vs_overview", "performance.name_unit",
         "performance.columns_differ", "performance.framework", "performance.overview_total")


# -- helpers ---------------------------------------------------------------------------------


def run(report: Report, *rules: str) -> list[Finding]:
    return list(check_report(report, rules=rules or RULES).findings)


def of(findings: Iterable[Finding], rule: str, project: str | None = None) -> list[Finding]:
    return [f for f in findings if f.rule == rule
            and (project is None or f.location.row_name == project)]


def lines_of(f: Finding) -> set[int | None]:
    return {f.location.line, *(r.line for r in f.related)}


def ind(l2: str, name: str, value: str, line: int, l1: str = "产出指标") -> Indicator:
    return Indicator(l1, l2, name, value, line)


def funding(year: Decimal | None, period: Decimal | None = None, *,
            other: Decimal | None = None) -> tuple[FundingLine, ...]:
    return (FundingLine("中央财政资金", D(0), D(0), 10),
            FundingLine("市县（区）财政资金", year if period is None else period, year, 11),
            FundingLine("其他资金", other, other, 12))


def table(project: str = "会议经费", total: Decimal | None = FUNDS, *,
          total_period: Decimal | None = None, unit: Unit = Unit.YUAN, duration: str = "1年",
          overview: str = "", plan: str = "", goal: str = "",
          year: Sequence[Indicator] = (), period: Sequence[Indicator] | None = None,
          fund: Sequence[FundingLine] | None = None, line: int = 100) -> PerformanceTable:
    tp = total if total_period is None else total_period
    return PerformanceTable(
        project=project, unit=unit, duration=duration, total_period=tp, total_year=total,
        funding=funding(total, tp) if fund is None else fund, overview=overview, plan=plan,
        goal_period=goal, goal_year=goal, indicators_year=year,
        indicators_period=tuple(year) if period is None else period, line=line,
        end_line=line + 50)


def alone(*tables: PerformanceTable) -> Report:
    """A report with performance tables and nothing else."""
    return Report(performance=tables)


def with_list(*tables: PerformanceTable,
              projects: Sequence[tuple[str, Decimal]] = (("会议经费", D("200000")),
                                                         ("培训经费", D("100000")))) -> Report:
    """A consistent generated report (project list in 万元) with performance tables."""
    total = sum((a for _, a in projects), D(0))
    r = build_report(leaves=[("2010101", D("1000000"), total)],
                     economic=[("30101", D("1000000"))], projects=projects)
    return attrs.evolve(r, performance=tables)


def cost(value: str, line: int = 60, name: str = "项目成本", l2: str = "成本指标",
         l1: str = "产出指标") -> Indicator:
    return Indicator(l1, l2, name, value, line)
