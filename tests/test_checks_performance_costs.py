"""Tests for govbudget.checks.performance._costs: cost_indicator, itemised_costs, formula
and overview_total on hand-made tables, and the two mends."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govbudget import Unit
from govbudget._findings import Finding, Severity

from .performance_helpers import (
    FUNDS,
    D,
    alone,
    cost,
    funding,
    run,
    table,
)


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
