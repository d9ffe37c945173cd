"""Tests for govbudget.checks.performance._indicators: quantity_vs_overview, name_unit,
columns_differ and framework on hand-made tables."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from govbudget._findings import Finding, Severity
from govbudget._report import Indicator

from .performance_helpers import (
    D,
    alone,
    cost,
    funding,
    ind,
    run,
    table,
)

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
