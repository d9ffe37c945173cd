"""Tests for the performance rules (govbudget.checks.performance).

Three parts:

- every finding the rules make on the sample report, each with its verdict: is it a
  genuine inconsistency of the published report, and why;
- each rule on small hand-made tables and reports that pass and fail;
- single-figure edits of the sample (funding block, year total, cost indicators) that
  must give an error or a warning pointing at the edited figure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget import Block, Column, Money, Report, Row, Table, TableKind, Unit
from govbudget._findings import Finding, Severity
from govbudget._ingest._reader import read_report
from govbudget._report import FundingLine, Indicator, PerformanceTable
from govbudget.checks import Category, check_report, registry
from govbudget.checks.performance import _common as cm
from govbudget.checks.performance import _costs as cp
from govbudget.indicators import Quantity, parse_indicator_value
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


# -- the rules as data ---------------------------------------------------------------------------


def test_every_rule_is_registered_with_its_category_severity_and_doc() -> None:
    reg = registry()
    severities = {
        "performance.project_amount": Severity.ERROR, "performance.funding_sum": Severity.ERROR,
        "performance.cost_indicator": Severity.ERROR, "performance.itemised_costs": Severity.WARNING,
        "performance.formula": Severity.ERROR, "performance.quantity_vs_overview": Severity.WARNING,
        "performance.name_unit": Severity.WARNING, "performance.columns_differ": Severity.WARNING,
        "performance.framework": Severity.WARNING, "performance.overview_total": Severity.WARNING,
    }
    ours = {k: r for k, r in reg.items()
            if k.startswith("performance.") and ".self_evaluation." not in k}
    assert set(ours) == set(RULES)
    for rid, r in ours.items():
        assert r.category is Category.PERFORMANCE
        assert r.severity is severities[rid]
        assert len(r.doc) > 200, rid  # each rule explains itself
        assert r.applies.strip()


def test_rules_do_not_apply_without_performance_tables() -> None:
    r = with_list()
    assert run(r) == []
    reg = registry()
    assert not any(reg[rid].when(r) for rid in RULES)


# ==========================================================================================
# The sample report: every finding, with its verdict
# ==========================================================================================


@pytest.fixture(scope="module")
def sample() -> Report:
    return read_report(SAMPLE)


@pytest.fixture(scope="module")
def found(sample: Report) -> list[Finding]:
    return run(sample)


def test_sample_findings_are_exactly_the_known_ones(found: list[Finding]) -> None:
    summary = sorted((f.rule, f.location.row_name or "", f.severity.value) for f in found)
    assert summary == sorted([
        ("performance.cost_indicator", "人民代表大会会议经费", "error"),
        ("performance.overview_total", "人民代表大会会议经费", "warning"),
        ("performance.quantity_vs_overview", "人民代表大会会议经费", "warning"),
        ("performance.itemised_costs", "办公桌椅书柜购置", "warning"),
        ("performance.quantity_vs_overview", "代表之声栏目制作经费", "warning"),
        ("performance.columns_differ", "人大机关会议室智慧升级改造", "warning"),
        ("performance.name_unit", "人大机关会议室智慧升级改造", "warning"),
        ("performance.cost_indicator", "市人大代表履职交通、通讯补贴", "info"),
    ])
    for f in found:
        assert f.location.section == "performance"
        assert f.location.line is not None


def test_sample_the_only_error_is_the_cost_target_above_the_funds(found: list[Finding]) -> None:
    """GENUINE. 人民代表大会会议经费 has 年度资金总额 2,250,000 元 (project list: 225.00
    万元) but its cost indicator 会用所需费用（万元） is 255.6万元 in both columns: 30.6 万元 more
    than the money. The overview costs the meeting at 6天 × 800人 × 470元 = 225.6万元, so
    255.6 is a transposition of 225.6 — and even 225.6 exceeds the funds (next test)."""
    errors = [f for f in found if f.severity is Severity.ERROR]
    assert len(errors) == 1
    (f,) = errors
    assert f.rule == "performance.cost_indicator"
    assert f.location.row_name == "人民代表大会会议经费"
    assert "会用所需费用" in f.message and "255.6万元" in f.message
    assert (f.expected, f.actual, f.difference) == ("2250000元", "2556000元", "306000元")
    assert f.location.line in (2165, 2169) and 2165 in lines_of(f) | {f.location.line}


def test_sample_overview_costs_more_than_the_meeting_budget(found: list[Finding]) -> None:
    """GENUINE. The same project's overview: 会期约为6天，参会人数共计800人，标准为470元/人/天，
    共计225.6万元 — the product is right (6 × 800 × 470 = 2,256,000), but the project is
    funded 2,250,000 元: the costing exceeds the budget by 6,000 元 (0.6 万元, far beyond the
    0.05 万元 rounding of 225.6)."""
    (f,) = of(found, "performance.overview_total")
    assert f.severity is Severity.WARNING
    assert f.location.row_name == "人民代表大会会议经费" and f.location.column == "项目概况"
    assert (f.expected, f.actual, f.difference) == ("2250000元", "2256000元", "6000元")


def test_sample_meeting_days_disagree_with_the_overview(found: list[Finding]) -> None:
    """GENUINE. 会议天数（天） is 5天 in both columns, but the overview says 会期约为6天 and
    prices the meeting for 6 days (6 × 800 × 470 = 225.6万元); with 5 days it would cost
    188万元. One of the two day counts is wrong."""
    (f,) = of(found, "performance.quantity_vs_overview", "人民代表大会会议经费")
    assert f.severity is Severity.WARNING
    assert "会议天数" in f.message and "6天" in f.message
    assert (f.expected, f.actual) == ("5天", "6天")
    assert f.location.line == 2161


def test_sample_office_furniture_items_exceed_their_total(found: list[Finding]) -> None:
    """GENUINE. 办公桌椅书柜购置: 办公桌11个1.98万元，茶几11个1.2万元，办公椅13个1.268万元，
    沙发14个2.592万元，书柜24个3.6万元等，合计10万元整. The items add up to 10.64 万元,
    0.64 万元 more than the stated total (and than the 100,000 元 of funds). 等 cannot
    explain it (more items would make it worse) and 整 says the total is exact."""
    (f,) = of(found, "performance.itemised_costs")
    assert f.severity is Severity.WARNING
    assert f.location.row_name == "办公桌椅书柜购置"
    assert "1.98万元+1.2万元+1.268万元+2.592万元+3.6万元" in f.message
    assert "10.64万元" in f.message and "10万元" in f.message
    assert (f.expected, f.actual, f.difference) == ("106400元", "100000元", "-6400元")


def test_sample_programme_plan_counts_twice_the_episodes(found: list[Finding]) -> None:
    """GENUINE. 代表之声栏目制作经费: the indicator 《代表之声》栏目总期数 is ≤24期, the
    overview (全年共计制作24期) and the goals (完成24期《代表之声》) agree, but the
    implementation plan says 全年…完成代表之声节目48期的制作 — twice as many (weekly
    production, while the 时效 indicator says every two weeks). The plan contradicts the
    target. The overview and goals give no finding: they agree."""
    (f,) = of(found, "performance.quantity_vs_overview", "代表之声栏目制作经费")
    assert f.severity is Severity.WARNING
    assert "项目实施计划" in f.message and "48期" in f.message and "≤24期" in f.message
    assert f.location.line == 1434


def test_sample_stray_character_in_one_column(found: list[Finding]) -> None:
    """GENUINE (a typo). 人大机关会议室智慧升级改造: the period column has 狗购置会议有线话筒
    1套 where the year column has 购置会议有线话筒 1套; the project's period and year funds are
    equal (500,000 元, an ongoing project), so the columns should be the same: a stray 狗 (an
    input-method slip) in the period column."""
    (f,) = of(found, "performance.columns_differ")
    assert f.severity is Severity.WARNING
    assert (f.actual, f.expected) == ("狗购置会议有线话筒", "购置会议有线话筒")
    assert f.location.line == 1829 and f.location.column == "indicators_period"


def test_sample_seats_counted_in_sets_and_chairs(found: list[Finding]) -> None:
    """GENUINE. 更换会议室座椅（套） has the value ≤55把: the name counts sets (套) and the
    value chairs (把); the overview says 更换会议室座椅（55套）. Counting units do not
    convert, so the target is ambiguous."""
    (f,) = of(found, "performance.name_unit")
    assert f.severity is Severity.WARNING
    assert "更换会议室座椅（套）" in f.message and "≤55把" in f.message
    assert f.location.line == 1833
    assert f.location.column == "indicators"  # one finding for both identical columns


def test_sample_allowance_rate_per_day_against_per_year(found: list[Finding]) -> None:
    """GENUINE, an observation (info). 市人大代表履职交通、通讯补贴: the cost indicator
    补助发放标准 is ≤200元/人/天, but the overview pays 每人每年约2400元 (322 人 × 2,400 元
    = 77.28万元, the funds). 2,400 a year is 200 a month: the indicator's 天 is almost
    certainly a slip for 月. Days and years do not convert, so it stays an observation."""
    (f,) = of(found, "performance.cost_indicator", "市人大代表履职交通、通讯补贴")
    assert f.severity is Severity.INFO
    assert "每人每年约2400元" in f.message and "≤200元/人/天" in f.message


def test_sample_projects_and_funding_blocks_agree(found: list[Finding]) -> None:
    """All 13 performance tables' 年度资金总额 equal their project-list amounts (元 against
    0.01 万元, exactly), every project in the list has a table, and every funding block
    adds up: no finding."""
    assert of(found, "performance.project_amount") == []
    assert of(found, "performance.funding_sum") == []


def test_sample_levels_and_values_are_well_formed(found: list[Finding]) -> None:
    assert of(found, "performance.framework") == []


def test_sample_arithmetic_is_checked_and_right(sample: Report, found: list[Finding]) -> None:
    """The overview arithmetic of the sample is right, and the rule really checks it:
    the written formulas of 代表之声 and the quantity × rate statements of five projects."""
    assert of(found, "performance.formula") == []
    by = {p.project: p for p in sample.performance}
    formulas = [t.text for t in by["代表之声栏目制作经费"].prose.overview.formulas]
    assert formulas == ["24×20000=480000元", "20×3000=60000元", "20×3000=60000元",
                        "480000+60000+60000=600000元"]
    checked = {name: [(str(x.computed.amount), x.stated.text)
                      for x in p.prose.overview.products]
               for name, p in by.items()}
    assert checked["代表、代表小组活动经费(市级)"] == [("144000", "14.4万元")]
    assert checked["人民代表大会会议经费"] == [("2256000", "225.6万元")]
    assert checked["省、市代表培训经费"] == [("716000", "71.6万元")]
    assert checked["市人大代表履职交通、通讯补贴"] == [("772800", "77.28万元")]
    assert checked["无固定工资收入的省、市人大代表履职补贴"] == [("207900", "20.79万元")]
    assert checked["代表之声栏目制作经费"] == [
        ("3000", "3000元"), ("7200", "7200元"), ("1500", "1500元"),
        ("60000", "20×3000=60000元")]
    # 370元/人/天 × 40人 × 1-2天 per session: a range, so not a figure to check.
    assert checked["人大常委会会议经费"] == []


def test_sample_cost_lists_that_add_up(sample: Report) -> None:
    """The other cost lists of the sample add up and are recognised as lists."""
    by = {p.project: p for p in sample.performance}
    for name in ("办公楼阅览室装修及配套设施", "人大机关会议室智慧升级改造", "代表之声栏目制作经费",
                 "代表、代表小组活动经费(市级)"):
        assert [cp._disagreeing(c) for c in by[name].prose.overview.cost_lists] \
            == [None] * len(by[name].prose.overview.cost_lists), name
        assert by[name].prose.overview.cost_lists or name == "代表、代表小组活动经费(市级)"
    bad = [cp._disagreeing(c) for c in by["办公桌椅书柜购置"].prose.overview.cost_lists]
    assert [[t.text for t in b] for b in bad if b is not None] == [
        ["1.98万元", "1.2万元", "1.268万元", "2.592万元", "3.6万元"]]


def _read_one(text: str) -> PerformanceTable:
    from govbudget._ingest._performance import read_performance
    from govbudget._ingest._text import split_lines

    (t,), _ = read_performance(split_lines(text))
    return t


OVERVIEW_TABLE = """某某县项目支出绩效目标表
项目名称 会议经费
项目资金（元） 实施期资金总额： 40000
年度资金总额： 40000
其中：财政拨款 40000 其中：财政拨款 40000
项目概况 召开会议1次，参会100人，会期1天，
标准为300元/人/天，共计3.2万元；
资料费5000元，会务费3000元，
合计9000元；另12×2500=31000元。
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
产出指标 数量指标 会议次数 2次 数量指标 会议次数 2次
负责人： 填报日期： 20240301"""


def test_findings_in_the_overview_point_at_the_figures_own_line() -> None:
    """A finding about a figure inside a 项目概况 points at the line that figure stands
    on, not at the field's first line (6): the wrong product's amount on line 7, the
    wrong sum's total on line 9 (its items, related, on line 8), the wrong arithmetic on
    line 9."""
    t = _read_one(OVERVIEW_TABLE)
    assert t.line_of("overview") == 6
    found = run(alone(t), "performance.itemised_costs", "performance.formula")
    (cost,) = of(found, "performance.itemised_costs")
    assert cost.location.line == 9 and cost.location.column == "项目概况"
    assert {r.line for r in cost.related} == {8}
    product, arith = of(found, "performance.formula")
    assert product.location.line == 7 and "3.2万元" in product.message
    assert arith.location.line == 9 and "12×2500=31000元" in arith.message


# ==========================================================================================
# Hand-made tables: each rule passes and fails
# ==========================================================================================

# -- project_amount ------------------------------------------------------------------------


def test_project_amount_agrees_across_units() -> None:
    r = with_list(table("会议经费", D("200000")), table("培训经费", D("10"), unit=Unit.WAN_YUAN))
    assert run(r, "performance.project_amount") == []


def test_project_amount_rounding_gap_is_info() -> None:
    # 123,456 元 is printed 12.35 万元 in the list: a gap rounding explains
    r = with_list(table("会议经费", D("123456")),
                  projects=(("会议经费", D("123456")),))
    (f,) = run(r, "performance.project_amount")
    assert f.severity is Severity.INFO and "四舍五入" in f.message


def test_project_amount_mismatch_is_an_error_at_the_table() -> None:
    r = with_list(table("会议经费", D("210000"), line=300), table("培训经费", D("100000")))
    (f,) = run(r, "performance.project_amount")
    assert f.severity is Severity.ERROR
    assert f.location.row_name == "会议经费" and f.location.section == "performance"
    assert f.location.line == 300 and f.location.column == "年度资金总额"
    assert f.difference == "10000.00元"
    assert any(x.table == "projects" for x in f.related)


def test_project_amount_missing_on_either_side_is_a_warning() -> None:
    r = with_list(table("宣传经费", D("50000"), line=40))
    fs = run(r, "performance.project_amount")
    assert sorted((f.severity.value, f.location.row_name, f.code) for f in fs) == [
        ("warning", "会议经费", "performance.project_amount.no_table"),
        ("warning", "培训经费", "performance.project_amount.no_table"),
        ("warning", "宣传经费", "performance.project_amount.unlisted")]
    unit_row = [f for f in fs if f.location.row_name == "测试单位"]
    assert unit_row == []  # the unit's own row is not a project


def test_project_amount_near_name_is_named_and_compared() -> None:
    r = with_list(table("会议经费（市级）", D("200000")), table("培训经费", D("100000")))
    fs = run(r, "performance.project_amount")
    assert [(f.severity, f.code) for f in fs] == [
        (Severity.WARNING, "performance.project_amount.renamed")]
    assert "会议经费" in fs[0].message
    r = with_list(table("会议经费（市级）", D("250000")), table("培训经费", D("100000")))
    assert sorted(f.severity.value for f in run(r, "performance.project_amount")) == [
        "error", "warning"]


def test_project_amount_counts_the_carry_over() -> None:
    r = with_list(table("会议经费", D("250000")), table("培训经费", D("100000")))
    carry = Table(kind=TableKind.PROJECTS_CARRYOVER, number="13", title="上年结转",
                  unit=Unit.WAN_YUAN,
                  blocks=[Block("", [Column("total", "合计")], [Row("会议经费", [D("5.00")],
                                                                  level=2)])])
    tables = [t for t in r.tables if t.kind is not TableKind.PROJECTS_CARRYOVER] + [carry]
    assert run(attrs.evolve(r, tables=tables), "performance.project_amount") == []


# -- funding_sum -----------------------------------------------------------------------------


def test_funding_sum_passes_and_fails() -> None:
    ok = table(fund=funding(D("200000"), other=None))
    assert run(alone(ok), "performance.funding_sum") == []
    bad = table(fund=funding(D("150000")))
    fs = run(alone(bad), "performance.funding_sum")
    assert [f.severity for f in fs] == [Severity.ERROR, Severity.ERROR]  # both columns
    assert {f.location.column for f in fs} == {"实施期资金总额", "年度资金总额"}
    assert all(11 in lines_of(f) for f in fs)


def test_funding_sum_in_wan_yuan_and_blank_cells() -> None:
    fund = (FundingLine("中央财政资金", D("12.50"), D("5.00"), 20),
            FundingLine("单位自筹", None, None, 21))
    t = table("会议经费", D("5.00"), total_period=D("12.50"), unit=Unit.WAN_YUAN, fund=fund,
              duration="3年")
    assert run(alone(t), "performance.funding_sum") == []
    t2 = attrs.evolve(t, funding=(fund[0], FundingLine("单位自筹", None, D("1.00"), 21)))
    (f,) = run(alone(t2), "performance.funding_sum")
    assert f.location.column == "年度资金总额" and f.difference == "-1.00万元"


def test_funding_sum_year_cannot_exceed_the_period() -> None:
    fund = (FundingLine("市级财政资金", D("100"), D("120"), 30),)
    t = table("会议经费", D("120"), total_period=D("100"), fund=fund)
    fs = run(alone(t), "performance.funding_sum")
    assert sorted((f.location.column, f.severity.value) for f in fs) == [
        ("市级财政资金（年度）", "error"), ("年度资金总额", "error")]


def test_funding_sum_skips_a_column_nobody_filled() -> None:
    fund = (FundingLine("市级财政资金", None, None, 30), FundingLine("其他资金", None, None, 31))
    assert run(alone(table("会议经费", D("120"), fund=fund)), "performance.funding_sum") == []


# -- cost_indicator --------------------------------------------------------------------------


def cost(value: str, line: int = 60, name: str = "项目成本", l2: str = "成本指标",
         l1: str = "产出指标") -> Indicator:
    return Indicator(l1, l2, name, value, line)


def test_cost_indicator_within_the_funds() -> None:
    for value in ("≤20万元", "200000元", "≤200,000元", "≤0.2亿元"[:0] + "≤0.002亿元"):
        t = table(year=[cost(value)])
        assert run(alone(t), "performance.cost_indicator") == [], value


def test_cost_indicator_above_the_funds_is_an_error_with_the_excess() -> None:
    t = table(year=[cost("≤25万元", 61)])
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.severity is Severity.ERROR
    assert (f.expected, f.actual, f.difference) == ("200000元", "250000元", "50000元")
    assert f.location.line == 61 and f.location.row_name == "会议经费"
    assert "超出50000元" in f.message


def test_cost_indicator_funds_in_wan_yuan_and_cost_in_yuan() -> None:
    t = table("会议经费", D("20.00"), unit=Unit.WAN_YUAN, year=[cost("≤200501元")])
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.severity is Severity.ERROR and f.difference == "501.00元"
    # 20.00 万元 may stand for up to 200,049 元: 1 元 more is within its rounding
    t = table("会议经费", D("20.00"), unit=Unit.WAN_YUAN, year=[cost("≤200001元")])
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.severity is Severity.INFO


def test_cost_indicator_below_the_funds_must_be_explained_by_the_overview() -> None:
    overview = "购置座椅55套，预计需经费7.95万元；其他12.05万元，合计20万元。"
    t = table(overview=overview, year=[cost("≤7.95万元")])
    assert run(alone(t), "performance.cost_indicator") == []
    t = table(overview=overview, year=[cost("≤7.5万元", 62)])
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.severity is Severity.WARNING and f.location.line == 62
    assert f.code == "performance.cost_indicator.unexplained"


def test_cost_indicator_below_the_funds_without_an_overview_is_noted() -> None:
    """A table with no 项目概况 (the one-column layout) itemises nothing a lower cost could
    be one of: the cost of one of the project's activities, only noted."""
    t = table(year=[cost("≤2.5万元", 63)])
    assert not t.overview
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.severity is Severity.INFO and f.location.line == 63
    assert f.code == "performance.cost_indicator.no_overview"


def test_cost_indicator_period_column_against_the_period_funds() -> None:
    y = [cost("≤20万元", 70)]
    p = [cost("≤60万元", 71)]
    t = table("会议经费", D("200000"), total_period=D("600000"), duration="3年", year=y, period=p,
              fund=funding(D("200000"), D("600000")))
    assert run(alone(t), "performance.cost_indicator") == []
    t = attrs.evolve(t, indicators_period=(cost("≤70万元", 71),))
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.location.line == 71 and f.location.column == "indicators_period"
    assert f.severity is Severity.ERROR


def test_cost_indicator_first_level_cost_and_ranges() -> None:
    t = table(year=[cost("≤30万元", 80, l1="成本指标", l2="经济成本指标")])
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.severity is Severity.ERROR
    t = table(year=[cost("15-25万元", 81)])
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.severity is Severity.WARNING  # only the upper end exceeds


def test_cost_indicator_rates_are_compared_with_the_overview_not_the_funds() -> None:
    overview = "参会人数80人，每人1800的标准，预计共需14.4万元。"
    t = table("会议经费", D("144000"), overview=overview, year=[cost("1800元/人")])
    assert run(alone(t), "performance.cost_indicator") == []
    t = table("会议经费", D("144000"), overview=overview, year=[cost("2000元/人", 90)])
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.severity is Severity.WARNING and f.location.line == 90
    assert "每人1800的标准" in f.message and f.code == "performance.cost_indicator.rate"
    # no rate in the overview: nothing to compare (and never against the funds)
    t = table("会议经费", D("1000"), year=[cost("≤1800元/人/天")])
    assert run(alone(t), "performance.cost_indicator") == []
    # per year against per day: an observation
    t = table("会议经费", D("772800"), overview="代表322人；每人每年2400元；总计77.28万元。",
              year=[cost("≤200元/人/天")])
    (f,) = run(alone(t), "performance.cost_indicator")
    assert f.severity is Severity.INFO and f.code == "performance.cost_indicator.rate_units"


# -- itemised_costs --------------------------------------------------------------------------


def items_findings(overview: str, total: Decimal = FUNDS * 5 // 2) -> list[Finding]:
    return run(alone(table(total=total, overview=overview)), "performance.itemised_costs")


def test_itemised_costs_adding_up() -> None:
    assert items_findings("其中：1.拆除工程预计需经费5000元；2.外运费约8000元；"
                          "3.吊顶487000元；合计50万元整") == []
    # a subtotal stated first, then an item, then the total
    assert items_findings("按照代表80人，每人1800的标准，预计共需14.4万元；订阅杂志6.04万元，"
                          "合计20.44万元。", D("204400")) == []
    # rates are not items; a product total agrees with its one-unit items
    assert items_findings("其中：摄像 500元/天/台 3天*两台3000元；撰稿 2000元/期 2000元；"
                          "全年24期合计：24×5000=120000元", D("120000")) == []


def test_itemised_costs_mismatch_shows_items_sum_and_total() -> None:
    (f,) = items_findings("需购置办公桌11个1.98万元，茶几11个1.2万元，合计3万元整。", D("30000"))
    assert f.severity is Severity.WARNING and f.location.column == "项目概况"
    assert "1.98万元+1.2万元" in f.message and "3.18万元" in f.message and "3万元" in f.message
    assert (f.expected, f.actual) == ("31800元", "30000元")


def test_itemised_costs_etc_shortfall_and_estimates_are_info() -> None:
    (f,) = items_findings("购置桌子1万元、椅子1万元等，合计3万元。", D("30000"))
    assert f.severity is Severity.INFO
    (f,) = items_findings("购置桌子1万元、椅子1万元，合计约3万元。", D("30000"))
    assert f.severity is Severity.INFO
    (f,) = items_findings("购置桌子1万元、椅子2万元等，合计2万元。", D("20000"))
    assert f.severity is Severity.WARNING  # 等 cannot explain items above the total


def test_itemised_costs_rounding_of_printed_items_is_info() -> None:
    (f,) = items_findings("三项各0.33万元、0.33万元、0.33万元，合计1万元。", D("10000"))
    assert f.severity is Severity.INFO and "四舍五入" in f.message


def test_itemised_costs_header_total_before_the_list() -> None:
    assert items_findings("共需经费10万元，其中：设备6万元，安装4万元。", D("100000")) == []
    (f,) = items_findings("共需经费10万元，其中：设备6万元，安装5万元。", D("100000"))
    assert f.actual == "100000元" and f.expected == "110000元"


def test_itemised_costs_ignore_arithmetic_without_money() -> None:
    assert items_findings("培训共计3+2=5期；其中设备6万元，安装4万元，合计10万元。", D("100000")) == []
    (f,) = formula_findings("培训共计3+2=6期")
    assert f.severity is Severity.ERROR


def test_itemised_costs_single_amounts_are_not_lists() -> None:
    assert items_findings("共需经费60万元。", D("600000")) == []
    assert items_findings("预计需经费20.79万元；标准为每人每天210元。", D("207900")) == []


# -- formula ---------------------------------------------------------------------------------


def formula_findings(overview: str, total: Decimal = FUNDS * 3) -> list[Finding]:
    return run(alone(table(total=total, overview=overview)), "performance.formula")


def test_formula_written_arithmetic() -> None:
    assert formula_findings("合计：24×20000=480000元；总合计：480000+60000+60000=600000元") == []
    (f,) = formula_findings("日常节目合计：24×20000=460000元")
    assert f.severity is Severity.ERROR and f.difference == "-20000元"
    assert "24×20000=460000元" in f.message
    (f,) = formula_findings("总合计：480000+60000+60000=610000元")
    assert f.severity is Severity.ERROR
    assert formula_findings("费用：1000/4+50×3=400元") == []  # × and ÷ before +
    assert formula_findings("0.5万元×3=1.5万元") == []  # a unit before × is not a formula


def test_formula_quantity_times_rate() -> None:
    ok = "按照市级代表80人，每人1800的标准，预计共需14.4万元。"
    assert formula_findings(ok) == []
    (f,) = formula_findings("按照市级代表80人，每人1800的标准，预计共需15.4万元。")
    assert f.severity is Severity.ERROR
    assert (f.expected, f.actual) == ("144000元", "154000元")
    assert "80人×每人1800的标准" in f.message


def test_formula_several_groups_and_written_products() -> None:
    ok = ("预计参与培训省代表36人，培训会期约为5天，标准400元/人/天，市代表322人，培训会期5天，"
          "标准400元/人/天，共计需经费 71.6万元整。")
    assert formula_findings(ok) == []
    (f,) = formula_findings(ok.replace("71.6", "70.6"))
    assert f.severity is Severity.WARNING  # 约为5天: an estimate
    assert formula_findings("摄像 500元/天/台 3天*两台3000元；编导 800元/天/人 3人*3天7200元") == []
    (f,) = formula_findings("摄像 500元/天/台 3天*两台4000元")
    assert f.severity is Severity.ERROR
    assert formula_findings("车辆 500元/天 3天*2辆 3000元") == []  # chained factor


def test_formula_amount_stated_first_and_per_year() -> None:
    assert formula_findings("预计需经费20.79万元；代表66人，按照每人每天约210元的标准，"
                            "活动约为15天。") == []
    (f,) = formula_findings("预计需经费21.79万元；代表66人，按照每人每天210元的标准，活动15天。")
    assert f.severity is Severity.WARNING  # the amount came before the statement
    assert formula_findings("全市人大代表约322人；每人每年约2400元；总计77.28万元。") == []


def test_formula_statements_that_are_not_figures_are_skipped() -> None:
    # a range of days, a bound, a missing quantity, a part after 其中
    assert formula_findings("每期会议时间为1-2天，参会约40人，按照370元/人/天，共需16万元。") == []
    assert formula_findings("至少5天，参会40人，按照370元/人/天，共需16万元。") == []
    assert formula_findings("参会40人，按照370元/人/天，共需16万元。") == []
    assert formula_findings("参会40人，5天，按照370元/人/天，其中会务费1万元。") == []


def test_formula_rounded_result_is_info() -> None:
    (f,) = formula_findings("代表7人，每人3333元的标准，共需2.33万元。")
    assert f.severity is Severity.INFO  # 23,331 元 printed as 2.33 万元


# -- quantity_vs_overview ----------------------------------------------------------------------


def qty_findings(overview: str, *inds: Indicator, plan: str = "", goal: str = "",
                 **kw: object) -> list[Finding]:
    t = table(overview=overview, plan=plan, goal=goal, year=inds, **kw)  # type: ignore[arg-type]
    return run(alone(t), "performance.quantity_vs_overview")


def test_quantity_vs_overview_agrees_and_disagrees() -> None:
    ov = "需购置办公桌11个1.98万元，沙发14个2.592万元。"
    assert qty_findings(ov, ind("数量指标", "购置沙发数量", "14个", 50)) == []
    (f,) = qty_findings(ov, ind("数量指标", "购置沙发数量", "15个", 51))
    assert f.severity is Severity.WARNING and f.location.line == 51
    assert (f.expected, f.actual) == ("15个", "14个")
    assert qty_findings(ov, ind("数量指标", "购置沙发数量", "≤15个", 52)) == []
    (f,) = qty_findings(ov, ind("数量指标", "购置沙发数量", "≥15个", 53))
    assert f.actual == "14个"


def test_quantity_vs_overview_episodes_days_and_brackets() -> None:
    ov = "制作代表之声节目，全年共计制作24期，新媒体宣传节目20期。人代会为一类会议，会期约为6天。"
    assert qty_findings(ov, ind("数量指标", "新媒体宣传节目总期数", "≤20期", 1),
                        ind("数量指标", "《代表之声》栏目总期数", "≤24期", 2),
                        ind("时效指标", "会议天数（天）", "6天", 3)) == []
    (f,) = qty_findings(ov, ind("时效指标", "会议天数（天）", "5天", 4))
    assert f.actual == "6天"
    ov = "预计参与培训省代表36人，市代表322人。"
    assert qty_findings(ov, ind("数量指标", "参与培训人数（省代表）", "≤36人", 5),
                        ind("数量指标", "参与培训人数（市代表）", "≤322人", 6)) == []
    (f,) = qty_findings(ov, ind("数量指标", "参与培训人数（市代表）", "≤300人", 7))
    assert f.actual == "322人"


def test_quantity_vs_overview_plan_and_goals() -> None:
    i = ind("数量指标", "《代表之声》栏目总期数", "≤24期", 8)
    fs = qty_findings("", i, plan="全年完成代表之声节目48期的制作。", goal="完成24期《代表之声》节目制作")
    assert [f.actual for f in fs] == ["48期"]
    assert "项目实施计划" in fs[0].message


def test_quantity_vs_overview_skips_per_unit_ranges_and_other_units() -> None:
    assert qty_findings("预计每期会议召开时间为1-2天。", ind("数量指标", "会议天数", "≥10天", 1)) == []
    assert qty_findings("每期会议3天。", ind("数量指标", "会议天数", "≥10天", 2)) == []
    assert qty_findings("更换会议室座椅（55套）。", ind("数量指标", "更换会议室座椅（套）", "≤50把", 3)) == []
    assert qty_findings("满意度95%。", ind("满意度指标", "满意度", "≥90%", 4, l1="满意度指标")) == []


def test_quantity_vs_overview_part_of_another_indicators_object() -> None:
    """节目 is the last word of 新媒体宣传节目, but in 代表之声节目48期 it belongs to the
    other indicator's 代表之声."""
    fs = qty_findings("", ind("数量指标", "新媒体宣传节目总期数", "≤20期", 1),
                      ind("数量指标", "《代表之声》栏目总期数", "≤48期", 2),
                      plan="完成代表之声节目48期的制作。")
    assert fs == []


def test_quantity_vs_overview_multi_year_columns() -> None:
    t = table("会议经费", D("4000000"), total_period=D("12505000"), duration="3年",
              fund=funding(D("4000000"), D("12505000")),
              year=[ind("数量指标", "整治安全隐患点", "≥30处", 1)],
              period=[ind("数量指标", "整治安全隐患点", "≥90处", 2)])
    t = attrs.evolve(t, goal_period="三年内整治安全隐患点90处。", goal_year="消除安全隐患点30处，整治安全隐患点30处。")
    assert run(alone(t), "performance.quantity_vs_overview") == []
    t = attrs.evolve(t, goal_year="整治安全隐患点20处。")
    (f,) = run(alone(t), "performance.quantity_vs_overview")
    assert f.location.line == 1


# -- name_unit -------------------------------------------------------------------------------


def test_name_unit() -> None:
    def fs(name: str, value: str) -> list[Finding]:
        return run(alone(table(year=[ind("数量指标", name, value, 9)])), "performance.name_unit")

    assert fs("会议室改造面积（平方米）", "≤64平方米") == []
    assert fs("专项业务费用（万元）", "≤2,130,000元") == []
    assert fs("会议天数（天）", "5") == []
    assert fs("培训人数（省代表）", "36人") == []
    (f,) = fs("更换会议室座椅（套）", "≤55把")
    assert f.severity is Severity.WARNING and f.location.line == 9
    (f,) = fs("会议天数（天）", "每月")
    assert "不是数量" in f.message


# -- columns_differ --------------------------------------------------------------------------


def cols(year: Sequence[Indicator], period: Sequence[Indicator], **kw: object) -> list[Finding]:
    t = table(year=year, period=period, **kw)  # type: ignore[arg-type]
    return run(alone(t), "performance.columns_differ")


def test_columns_differ_parallel() -> None:
    a = ind("数量指标", "购置会议有线话筒", "1套", 1)
    b = ind("数量指标", "购置座椅", "55套", 2)
    assert cols([a, b], [b, a]) == []  # order is layout
    (f,) = cols([a], [attrs.evolve(a, name="狗购置会议有线话筒", line=3)])
    assert f.severity is Severity.WARNING and f.location.line == 3
    (f,) = cols([a], [attrs.evolve(a, value="2套", line=4)])
    assert f.severity is Severity.WARNING and (f.expected, f.actual) == ("2套", "1套")
    (f,) = cols([a, b], [a])
    assert f.severity is Severity.INFO and f.location.line == 2


def test_columns_differ_multi_year() -> None:
    kw = {"total": D("200000"), "total_period": D("600000"), "duration": "3年",
          "fund": funding(D("200000"), D("600000"))}
    a = ind("数量指标", "养护里程（公里）", "≥120公里", 1)
    assert cols([a], [attrs.evolve(a, value="≥360公里", line=2)], **kw) == []
    assert cols([a, ind("数量指标", "新增标志", "80块", 5)], [a], **kw) == []
    (f,) = cols([a], [attrs.evolve(a, name="养护里程（公理）", line=3)], **kw)
    assert f.severity is Severity.INFO


# -- framework -------------------------------------------------------------------------------


def test_framework() -> None:
    good = [ind("数量指标", "x数量", "3个", 1), Indicator("效益指标", "经济效益指标", line=2),
            cost("≤10万元", 3, l1="成本指标", l2="经济成本指标"),
            ind("服务对象满意度指标", "满意度", "≥90%", 4, l1="满意度指标")]
    assert run(alone(table(year=good)), "performance.framework") == []
    fs = run(alone(table(year=[ind("质量指标", "合格率", "100%", 5, l1="效益指标"),
                               ind("数量指标", "数量", "", 6),
                               ind("数量指标", "", "3个", 7),
                               ind("数量指标", "数量", "≥%95", 8)])),
             "performance.framework")
    assert [(f.location.line, f.severity.value) for f in fs] == [
        (5, "warning"), (6, "warning"), (7, "warning"), (8, "warning")]
    assert fs[0].expected == "产出指标"
    assert "无法解析" in fs[3].message


# -- overview_total ----------------------------------------------------------------------------


MEETING = D("2250000")


def test_overview_total() -> None:
    def fs(overview: str, total: Decimal = MEETING, **kw: object) -> list[Finding]:
        t = table(total=total, overview=overview, **kw)  # type: ignore[arg-type]
        return run(alone(t), "performance.overview_total")

    assert fs("会期6天，800人，标准470元/人/天，共计225万元") == []
    (f,) = fs("共计225.6万元")
    assert f.severity is Severity.WARNING and f.difference == "6000元"
    (f,) = fs("共计224万元")
    assert f.severity is Severity.INFO
    assert fs("预计需经费225万元；会后发放。") == []  # a single amount is the total
    assert fs("共需经费1250.50万元", D("4000000"), total_period=D("12505000"), duration="3年",
              fund=funding(D("4000000"), D("12505000"))) == []


# ==========================================================================================
# Single-figure edits of the sample
# ==========================================================================================


def points_at(findings: Iterable[Finding], project: str, line: int | None,
              column: str | None = None) -> list[Finding]:
    """Errors and warnings about ``project`` whose location or related location is
    ``line`` (and ``column`` when given)."""
    out = []
    for f in findings:
        if f.severity < Severity.WARNING or f.location.row_name != project:
            continue
        if f.location.section != "performance":
            continue
        locs = [f.location, *f.related]
        if any(x.line == line and (column is None or x.column == column) for x in locs):
            out.append(f)
    return out


def replace_table(report: Report, i: int, new: PerformanceTable) -> Report:
    perf = list(report.performance)
    perf[i] = new
    return attrs.evolve(report, performance=tuple(perf))


N_TABLES = 13


@pytest.mark.parametrize("i", range(N_TABLES))
def test_edit_any_funding_figure(sample: Report, i: int) -> None:
    p = sample.performance[i]
    assert len(p.funding) == 5
    for k, fl in enumerate(p.funding):
        for col in ("period", "year"):
            old = getattr(fl, col)
            for new in {(old or D(0)) + 1000, (old or D(0)) * 2 + 7}:
                changed = list(p.funding)
                changed[k] = attrs.evolve(fl, **{col: new})
                r = replace_table(sample, i, attrs.evolve(p, funding=tuple(changed)))
                fs = points_at(run(r), p.project, fl.line)
                assert fs, (p.project, fl.source, col, new)
                assert any(f.rule == "performance.funding_sum" and f.severity is Severity.ERROR
                           for f in fs)


@pytest.mark.parametrize("i", range(N_TABLES))
def test_edit_the_year_or_period_total(sample: Report, i: int) -> None:
    p = sample.performance[i]
    assert p.total_year is not None and p.total_period is not None
    for delta in (D(1000), D(-1000), D(1)):
        r = replace_table(sample, i, attrs.evolve(p, total_year=p.total_year + delta))
        fs = run(r)
        hits = points_at(fs, p.project, p.line_of("funding"), "年度资金总额")
        rules = {f.rule for f in hits if f.severity is Severity.ERROR} & {
            "performance.project_amount", "performance.funding_sum"}
        if delta == 1:
            # 1 元 is within the 0.01 万元 rounding of the project list (an info there),
            # but the funding block no longer adds up
            assert rules == {"performance.funding_sum"}
            assert any(f.rule == "performance.project_amount" and f.severity is Severity.INFO
                       and f.location.line == p.line_of("funding") for f in fs)
        else:
            assert {"performance.project_amount", "performance.funding_sum"} <= rules, delta
        r = replace_table(sample, i, attrs.evolve(p, total_period=p.total_period + delta))
        hits = points_at(run(r), p.project, p.line_of("funding"), "实施期资金总额")
        assert any(f.rule == "performance.funding_sum" and f.severity is Severity.ERROR
                   for f in hits)


def money_cost_indicators(p: PerformanceTable) -> list[tuple[int, Indicator]]:
    out = []
    for k, x in enumerate(p.indicators_year):
        t = parse_indicator_value(x.value)
        if cm._is_cost(x) and isinstance(t, Quantity) and cm._is_money(t.unit):
            out.append((k, x))
    return out


def scaled(value: str, factor: Decimal) -> str:
    t = parse_indicator_value(value)
    assert isinstance(t, Quantity)
    return str(Quantity(t.comparison, (t.value * factor).quantize(D("0.01")), t.unit))


def test_edit_a_money_cost_indicator(sample: Report) -> None:
    """Raising a cost target above the funds is an error; moving it below the funds to a
    figure the overview does not state is a warning. Both columns are edited alike (an
    edit of one column alone is also caught, by performance.columns_differ)."""
    edited = 0
    for i, p in enumerate(sample.performance):
        assert p.total_year is not None
        funds = Money(p.total_year, p.unit)
        for k, x in money_cost_indicators(p):
            for factor in (D("1.2"), D("0.9"), D("0.5")):
                new = scaled(x.value, factor)
                t = parse_indicator_value(new)
                assert isinstance(t, Quantity)
                severity = Severity.ERROR if t.as_money() > funds else Severity.WARNING
                year = list(p.indicators_year)
                year[k] = attrs.evolve(x, value=new)
                period = [attrs.evolve(q, value=new) if (q.name, q.value) == (x.name, x.value)
                          else q for q in p.indicators_period]
                r = replace_table(sample, i, attrs.evolve(p, indicators_year=tuple(year),
                                                          indicators_period=tuple(period)))
                fs = [f for f in points_at(run(r), p.project, x.line)
                      if f.rule == "performance.cost_indicator"]
                assert fs and max(f.severity for f in fs) is severity, (p.project, new)
                r = replace_table(sample, i, attrs.evolve(p, indicators_year=tuple(year)))
                assert points_at(run(r), p.project, x.line), (p.project, new)
            edited += 1
    assert edited == 10


def test_edit_a_rate_cost_indicator(sample: Report) -> None:
    """Rates the overview also states: an edited rate disagrees with it (a warning)."""
    checked = 0
    for i, p in enumerate(sample.performance):
        for k, x in enumerate(p.indicators_year):
            t = parse_indicator_value(x.value)
            if not (cm._is_cost(x) and isinstance(t, Quantity) and cm._is_money_rate(t.unit)):
                continue
            if not any(u == t.unit for _, u in cp._overview_rates(p)):
                continue  # 交通补贴: the overview states a yearly rate, not a daily one
            new = str(Quantity(t.comparison, t.value + 10, t.unit))
            year = list(p.indicators_year)
            year[k] = attrs.evolve(x, value=new)
            period = [attrs.evolve(q, value=new) if q.name == x.name else q
                      for q in p.indicators_period]
            r = replace_table(sample, i, attrs.evolve(p, indicators_year=tuple(year),
                                                      indicators_period=tuple(period)))
            fs = [f for f in points_at(run(r), p.project, x.line)
                  if f.rule == "performance.cost_indicator"]
            assert fs and fs[0].severity is Severity.WARNING, (p.project, new)
            checked += 1
    assert checked == 4


def test_findings_survive_the_whole_engine(sample: Report) -> None:
    """The rules run with all the others; performance findings keep their places."""
    res = check_report(sample)
    ours = [f for f in res.findings if f.rule.startswith("performance.")]
    assert len(ours) == 8
    assert next(f for f in ours if f.severity is Severity.ERROR).rule == \
        "performance.cost_indicator"


# ==========================================================================================
# Robustness: odd prose and odd tables never make a rule fail
# ==========================================================================================

FRAGMENTS = ("合计", "共计", "共需", "总合计：", "其中：", "等", "约", "左右", "整", "每人", "每天", "每年",
             "标准", "的标准", "元", "万元", "亿元", "千元", "/人", "/天", "/期", "×", "*", "+", "=", "-",
             "÷", "/", "0", "1", "12", "3.5", "1,000", "20000", "两", "三", "第", "人", "天", "期", "个",
             "套", "把", "次", "平方米", "，", "；", "。", ";", "（", "）", "购置", "沙发", "会期", "会议",
             "节目", "《", "》", " ", "1-2", "至少", "含", "2024年", "3月5日", "%")
VALUES = ("≤50万元", "≥1套", "14个", "≤55把", "1800元/人", "≤200元/人/天", "每两周", "及时", "",
          "≥%95", "abc", "5天", "≥10天", "3-8个", "6至7月", "2024年12月底 前", "0元", "≤0.5亿元",
          "40-50万元", "≈20分钟")
NAMES = ("购置沙发数量", "会议天数（天）", "更换会议室座椅（套）", "项目成本", "", "培训人数（省代表）",
         "《栏目》总期数", "x")
LEVELS = (("产出指标", "数量指标"), ("产出指标", "成本指标"), ("成本指标", "经济成本指标"),
          ("效益指标", "质量指标"), ("", ""), ("满意度指标", "服务对象满意度指标"), ("其他", "其他指标"))


@st.composite
def odd_tables(draw: st.DrawFn) -> PerformanceTable:
    prose = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
    amount = st.one_of(st.none(), st.integers(-10, 10**8).map(D),
                       st.decimals(0, 10**6, places=2, allow_nan=False, allow_infinity=False))
    inds = st.lists(st.builds(lambda lv, n, v, ln: Indicator(lv[0], lv[1], n, v, ln),
                              st.sampled_from(LEVELS), st.sampled_from(NAMES),
                              st.sampled_from(VALUES), st.integers(1, 999)), max_size=8)
    fund = st.lists(st.builds(FundingLine, st.sampled_from(("中央财政资金", "单位自筹", "")), amount,
                              amount, st.integers(1, 999)), max_size=4)
    return PerformanceTable(
        project=draw(st.sampled_from(("会议经费", "培训经费", "宣传经费", ""))),
        unit=draw(st.sampled_from(tuple(Unit))), duration=draw(st.sampled_from(("1年", "3年", ""))),
        total_period=draw(amount), total_year=draw(amount), funding=draw(fund),
        overview=draw(prose), plan=draw(prose), goal_period=draw(prose), goal_year=draw(prose),
        indicators_period=draw(inds), indicators_year=draw(inds), line=draw(st.integers(1, 99)))


@pytest.mark.property
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(odd_tables(), min_size=1, max_size=3), st.booleans())
def test_rules_never_fail_on_odd_tables(tables: list[PerformanceTable], listed: bool) -> None:
    report = with_list(*tables) if listed else alone(*tables)
    for f in run(report):
        assert f.rule in RULES
        assert f.location.section == "performance" or f.location.table in ("projects",
                                                                            "projects_carryover")
        assert f.message and f.message_en


def test_a_performance_table_read_without_indicator_names_is_not_compared() -> None:
    """Most indicators without a name: the table was not read as printed (tables run
    together): no cost indicator of it is compared with its funds."""
    import attrs

    from govbudget import Indicator, check_report, read_report

    report = read_report(SAMPLE)
    p = report.performance[0]
    cost = Indicator(level1="产出指标", level2="成本指标", name="", value="≤99999万元")
    unnamed = [attrs.evolve(i, name="") for i in p.indicators_year] + [cost]
    changed = attrs.evolve(report, performance=(attrs.evolve(p, indicators_year=unnamed),
                                                *report.performance[1:]))
    assert not [f for f in check_report(changed, rules=["performance.cost_indicator"]).errors
                if p.project in f.message]


def test_each_kind_of_finding_has_its_code() -> None:
    """The performance rules' finer codes: registered under their rule, each with Chinese
    and English templates its example fills; a finding of each kind carries its code."""
    reg = registry()
    finer = [c for r in reg.values() if r.id.startswith("performance.") for c in r.codes[1:]]
    assert {c.id for c in finer} >= {
        "performance.project_amount.renamed", "performance.project_amount.unlisted",
        "performance.project_amount.no_table", "performance.funding_sum.year_over_period",
        "performance.funding_sum.source_over_period", "performance.cost_indicator.unexplained",
        "performance.cost_indicator.no_overview", "performance.cost_indicator.rate",
        "performance.cost_indicator.rate_units", "performance.formula.product",
        "performance.name_unit.not_quantity", "performance.columns_differ.typo",
        "performance.columns_differ.one_column", "performance.framework.no_value",
        "performance.framework.no_name", "performance.framework.unparsed"}
    for c in finer:
        zh, en = c.message(**c.example)
        assert zh and en
    t = table(overview="培训40人，每人300元，共需1.3万元。", year=[
        ind("数量指标", "培训天数（天）", "每月", 70), ind("数量指标", "会议次数", "", 71),
        ind("数量指标", "", "5次", 72), ind("数量指标", "满意率", "≥%95", 73)],
        period=[ind("数量指标", "购置投影议", "1台", 74)], duration="1年")
    got = {f.code for f in run(alone(t))}
    assert {"performance.formula.product", "performance.name_unit.not_quantity",
            "performance.framework.no_value", "performance.framework.no_name",
            "performance.framework.unparsed", "performance.columns_differ.one_column"} <= got
    over = table(total=D(300), total_period=D(200), fund=(
        FundingLine("市县（区）财政资金", D(100), D(300), 11),
        FundingLine("其他资金", D(100), D(0), 12)))
    got = {f.code for f in run(alone(over), "performance.funding_sum")}
    assert {"performance.funding_sum.year_over_period",
            "performance.funding_sum.source_over_period"} <= got
    typo = table(year=[ind("数量指标", "购置投影仪", "1台", 80)],
                 period=[ind("数量指标", "购置投影议", "1台", 81)])
    assert [f.code for f in run(alone(typo), "performance.columns_differ")] == [
        "performance.columns_differ.typo"]


def test_mend_months_are_one_unit() -> None:
    """12个月 × 每月14300元: 个月 and 月 are one unit, so the product is checked."""
    text = "聘请专业人员1名，按照12个月，每月14300元的标准，需经费{}万元。"
    t = table(total=D(171600), overview=text.format("17.16"))
    assert run(alone(t), "performance.formula") == []
    t = table(total=D(171600), overview=text.format("18.16"))
    (f,) = run(alone(t), "performance.formula")
    assert f.severity is Severity.ERROR and f.code == "performance.formula.product"
    assert "12个月" in f.message and f.expected == "171600元"


def test_mend_a_single_item_with_its_total_is_checked() -> None:
    """One itemised cost followed by 合计 must be the total (it was not checked)."""
    assert items_findings("购置档案柜10个，预计需经费5万元；合计5万元。") == []
    (f,) = items_findings("购置档案柜10个，预计需经费5万元；合计6万元。")
    assert f.severity is Severity.WARNING and "5万元" in f.message
    # a single item after a subtotal keeps the readings it had (subtotal and item)
    assert items_findings("共需3万元；资料1.25万元，合计4.25万元") == []
