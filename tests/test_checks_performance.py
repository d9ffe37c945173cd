"""Tests for the performance rules as a whole (govbudget.checks.performance): the rules
as data and their codes; every finding on the sample report with its verdict; findings
about figures of a text on their own lines; single-figure edits of the sample; odd tables."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget import Money, Report, Unit
from govbudget._findings import Finding, Severity
from govbudget._ingest._reader import read_report
from govbudget._report import FundingLine, Indicator, PerformanceTable
from govbudget.checks import Category, check_report, registry
from govbudget.checks.performance import _common as cm
from govbudget.checks.performance import _costs as cp
from govbudget.indicators import Quantity, parse_indicator_value

from .performance_helpers import (
    RULES,
    SAMPLE,
    D,
    alone,
    ind,
    lines_of,
    of,
    run,
    table,
    with_list,
)

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
