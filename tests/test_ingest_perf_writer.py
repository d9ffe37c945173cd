"""Tests for govbudget._ingest._perf_writer: printing performance target tables so that
the reader gives them back."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govbudget._ingest import _perf_writer as w
from govbudget._ingest._pages import strip_furniture
from govbudget._ingest._perf_writer import render_performance
from govbudget._ingest._performance import read_performance
from govbudget._ingest._reader import read_report
from govbudget._ingest._text import split_lines
from govbudget._money import Unit
from govbudget._report import FundingLine, Indicator, PerformanceTable, Report
from govbudget.checks import check_report

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "jincheng-npc-office-2024.txt"
COUNTY = Path(__file__).resolve().parent / "data" / "performance" / "county-roads-2025.txt"


def bare(t: PerformanceTable) -> PerformanceTable:
    return attrs.evolve(
        t, line=None, end_line=None,
        funding=tuple(attrs.evolve(f, line=None) for f in t.funding),
        indicators_period=tuple(attrs.evolve(i, line=None) for i in t.indicators_period),
        indicators_year=tuple(attrs.evolve(i, line=None) for i in t.indicators_year))


def read_back(lines: Sequence[str]) -> tuple[PerformanceTable, ...]:
    tables, _ = read_performance(split_lines("\n".join(lines)))
    return tables


def assert_round_trip(tables: Sequence[PerformanceTable], artefacts: bool) -> list[str]:
    lines = render_performance(tables, artefacts=artefacts)
    back = read_back(lines)
    assert [bare(t) for t in back] == [bare(t) for t in tables]
    return lines


# -- the sample ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> tuple[PerformanceTable, ...]:
    lines = strip_furniture(split_lines(SAMPLE.read_text(encoding="utf-8")))
    tables, _ = read_performance([ln for ln in lines if 897 <= ln.no <= 2668])
    assert len(tables) == 13
    return tables


@pytest.mark.parametrize("artefacts", [False, True])
def test_sample_round_trip(sample: tuple[PerformanceTable, ...], artefacts: bool) -> None:
    assert_round_trip(sample, artefacts)


@pytest.mark.parametrize("i", range(13))
def test_sample_each_table_keeps_every_artefact(sample: tuple[PerformanceTable, ...],
                                                 i: int) -> None:
    """No sample table needs a fallback: the full artefact layout reads back."""
    p = sample[i]
    goals = next(iter(w._goal_layouts(p.goal_period, p.goal_year, True)))
    assert render_performance([p], artefacts=True) == w._lines(p, 2, goals)


def test_sample_artefacts_look_like_extraction(sample: tuple[PerformanceTable, ...]) -> None:
    lines = render_performance(sample, artefacts=True)
    text = "\n".join(lines)
    # amounts broken across lines, with a blank line between
    assert "实施期资金总额：\n\n500,00\n\n0" in text or "实施期资金总额：\n500,00\n\n0" in text
    assert any(a == "500,00" for a in lines)
    # a funding label wrapped onto the next line
    assert "市县（区）财政资\n金" in text
    # the vertical label, one character a line
    assert text.count("绩\n效\n指\n标") == 13
    # a long indicator name wrapped, its value on a line of its own
    long_name = "加强对代表履职和代表工作的宣传，展示代表风采，讲好人大故事"
    assert long_name not in text
    assert "加强对代表履职和代表工" in lines and "进一步有效增强" in lines
    # the filing date broken before its last digit
    assert re.search(r"填报日期：\n+2024022818380\n+5(\n|$)", text)
    # long text wrapped; goals printed as two paragraphs
    assert max(w._width(ln) for ln in lines) <= 100
    plain = render_performance(sample)
    assert len(lines) > len(plain)
    assert "500,00" not in "\n".join(plain)


def test_sample_plain_layout(sample: tuple[PerformanceTable, ...]) -> None:
    lines = render_performance(sample[:1])
    assert lines[:8] == [
        "项目支出绩效目标表", "项目名称 办公楼阅览室装修及配套设施",
        "主管部门及代码 002-晋城市人民代表大会常务委员会办公室",
        "实施单位 晋城市人民代表大会常务委员会办公室",
        "项目属性 经常性项目（长期开展） 项目期 99年", "项目资金（元）",
        "实施期资金总额： 500000", "年度资金总额： 500000"]
    assert "其中：中央财政资金 0 其中：中央财政资金 0" in lines
    assert "其他资金 其他资金" in lines
    assert "一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值" in lines
    assert "数量指标 阅览室装修改造面积（平方米） ≤82平方米 数量指标 阅览室装修改造面积（平方米） ≤82平方米" \
        in lines
    assert lines[-1] == "负责人： 经办人： 联系电话： 填报日期：20240228183805"


@pytest.mark.parametrize("artefacts", [False, True])
def test_rendered_sample_checks_the_same(sample: tuple[PerformanceTable, ...],
                                         artefacts: bool) -> None:
    """The rules find the same things in the printed-and-read tables as in the sample."""
    report = read_report(SAMPLE)
    back = read_back(render_performance(report.performance, artefacts=artefacts))

    def key(r: Report) -> list[tuple[str, str | None, str]]:
        res = check_report(r, rules=_rule_ids())
        return sorted((f.rule, f.location.row_name, f.severity.value) for f in res.findings)

    assert key(attrs.evolve(report, performance=back)) == key(report)


def _rule_ids() -> list[str]:
    from govbudget.checks import registry

    return [k for k in registry() if k.startswith("performance.")]


@pytest.mark.parametrize("artefacts", [False, True])
def test_county_table_round_trip(artefacts: bool) -> None:
    tables = read_back(COUNTY.read_text(encoding="utf-8").splitlines())
    assert len(tables) == 1
    assert tables[0].unit is Unit.WAN_YUAN and len(tables[0].indicators_year) > 5
    assert_round_trip(tables, artefacts)


# -- hand-made tables ------------------------------------------------------------------------


def ind(l2: str, name: str = "", value: str = "", l1: str = "产出指标") -> Indicator:
    return Indicator(l1, l2, name, value)


def make(**kw: object) -> PerformanceTable:
    base: dict[str, object] = {
        "project": "档案数字化", "department": "某某县档案局", "department_code": "105",
        "implementer": "某某县档案馆", "attribute": "一次性项目", "duration": "1年",
        "total_period": D("125000"), "total_year": D("125000"),
        "funding": (FundingLine("县级财政资金", D("125000"), D("125000")),
                    FundingLine("单位自筹", None, None)),
        "overview": "数字化档案3000卷，每卷40元，共需12万元；设备租赁5000元，合计12.5万元。",
        "goal_period": "完成档案数字化。", "goal_year": "完成档案数字化。",
        "indicators_year": (ind("数量指标", "数字化档案（卷）", "≥3000卷"),
                            ind("质量指标", "数字化合格率", "≥98%"),
                            ind("经济效益指标", l1="效益指标")),
        "filled_on": "20250301",
    }
    base.update(kw)
    if "indicators_period" not in kw:
        base["indicators_period"] = base["indicators_year"]
    return PerformanceTable(**base)  # type: ignore[arg-type]


CASES = {
    "simple": make(),
    "wan_yuan": make(unit=Unit.WAN_YUAN, total_period=D("36.50"), total_year=D("12.50"),
                     duration="3年",
                     funding=(FundingLine("中央财政资金", D("20.00"), D("5.00")),
                              FundingLine("县级财政资金", D("16.50"), D("7.50")))),
    "one_column": make(indicators_period=()),
    "period_only": make(indicators_year=()),
    "no_indicators": make(indicators_year=(), indicators_period=()),
    "period_has_two_more_rows": make(
        indicators_period=(ind("数量指标", "整治隐患点", "≥90处"), ind("数量指标", "增设标志", "200块"),
                           ind("数量指标", "养护里程（公里）", "≥360公里")),
        indicators_year=(ind("数量指标", "整治隐患点", "≥30处"),)),
    "year_has_one_more_row": make(
        indicators_period=(ind("数量指标", "养护里程（公里）", "≥360公里"),),
        indicators_year=(ind("数量指标", "养护里程（公里）", "≥120公里"),
                         ind("数量指标", "整治隐患点", "≥30处"))),
    "year_group_empty": make(
        indicators_period=(ind("数量指标", "养护里程（公里）", "≥360公里"),
                           ind("时效指标", "完成时间", "11月底前")),
        indicators_year=(ind("数量指标", "养护里程（公里）", "≥120公里"), ind("时效指标"))),
    "period_group_empty": make(
        indicators_period=(ind("数量指标"), ind("时效指标", "完成时间", "11月底前")),
        indicators_year=(ind("数量指标", "养护里程（公里）", "≥120公里"),
                         ind("时效指标", "完成时间", "11月底前"))),
    "group_only_in_period": make(
        indicators_period=(ind("数量指标", "养护里程（公里）", "≥360公里"),
                           ind("质量指标", "优良率", "≥85%")),
        indicators_year=(ind("数量指标", "养护里程（公里）", "≥120公里"),)),
    "cost_as_first_level": make(indicators_year=(
        ind("数量指标", "数字化档案（卷）", "≥3000卷"),
        ind("经济成本指标", "每卷成本", "≤40元/卷", l1="成本指标"),
        ind("社会成本指标", l1="成本指标"),
        ind("服务对象满意度指标", "档案利用者满意度", "≥90%", l1="满意度指标"))),
    "blank_cells_need_marks": make(funding=(FundingLine("县级财政", D("100000"), None),
                                            FundingLine("社会捐赠", None, D("25000")),
                                            FundingLine("其他来源", None, None))),
    "no_totals_no_funding": make(total_period=None, total_year=None, funding=()),
    "no_date_and_other_dates": make(filled_on=None),
    "dashed_date": make(filled_on="2025-01-10"),
    "words_date": make(filled_on="二〇二五年一月"),
    "department_without_code": make(department_code=None, department="某某县档案局"),
    "empty_fields": make(department="", department_code=None, implementer="", attribute="",
                         duration="", overview="", goal_period="", goal_year=""),
    "different_goals": make(goal_period="三年内完成全县360公里农村公路的日常养护，路况优良率达到85%以上。",
                            goal_year="2025年完成120公里农村公路日常养护，消除安全隐患点30处。"),
    "different_goals_sharing_a_start": make(goal_period="完成档案数字化三万卷并建立检索系统。",
                                            goal_year="完成档案数字化一万卷。"),
    "period_goal_only": make(goal_year=""),
    "long_texts": make(overview="根据档案管理办法，" * 30, plan="分三个阶段实施。" * 20,
                       necessity="保障档案安全。", basis="《档案法》", measures="政府采购。"),
    "long_names": make(indicators_year=(
        ind("社会效益指标", "加强对代表履职和代表工作的宣传，展示代表风采，讲好人大故事", "进一步有效增强",
            l1="效益指标"),
        ind("社会效益指标", "确保无固定工资收入的省、市人大代表履行宪法和法律赋予的职责", "确保",
            l1="效益指标"))),
    "value_with_modifier": make(indicators_year=(ind("时效指标", "资金支付时间", "2024年12月底 前"),)),
    "decimal_yuan": make(total_period=D("1234.56"), total_year=D("1234.56"),
                         funding=(FundingLine("县级财政资金", D("1234.56"), D("1234.56")),)),
    "many_sources": make(funding=tuple(FundingLine(s, D(n * 1000), D(n * 500)) for n, s in
                                       enumerate(("中央财政资金", "省级财政资金", "市县（区）财政资金",
                                                  "单位自筹", "上年结转", "其他资金"), 1))),
}


@pytest.mark.parametrize("artefacts", [False, True])
@pytest.mark.parametrize("name", sorted(CASES))
def test_hand_made_round_trip(name: str, artefacts: bool) -> None:
    assert_round_trip([CASES[name]], artefacts)


def test_hand_made_tables_together() -> None:
    tables = [CASES[k] for k in sorted(CASES)]
    assert_round_trip(tables, False)
    assert_round_trip(tables, True)


def test_hand_made_layout_details() -> None:
    lines = render_performance([CASES["blank_cells_need_marks"]])
    assert "其中：县级财政 100000 其中：县级财政 -" in lines  # a blank cell after a label
    assert "社会捐赠 - 社会捐赠 25000" in lines                # that does not end like one
    lines = render_performance([CASES["one_column"]])
    assert "一级指标 二级指标 三级指标 指标值" in lines
    lines = render_performance([CASES["year_has_one_more_row"]])
    assert "数量指标 数量指标 养护里程（公里） ≥120公里" in lines
    lines = render_performance([CASES["wan_yuan"]], artefacts=True)
    assert "（万元）" in lines and "20.00" in " ".join(lines)


@pytest.mark.parametrize("artefacts", [False, True])
def test_unprintable_tables_raise(artefacts: bool) -> None:
    bad = {
        "year goal only": make(goal_period=""),
        "group only in the year column": make(
            indicators_period=(ind("数量指标", "养护里程（公里）", "≥360公里"),),
            indicators_year=(ind("数量指标", "养护里程（公里）", "≥120公里"),
                             ind("质量指标", "优良率", "≥85%"))),
        "year two rows more": make(
            indicators_period=(ind("数量指标", "养护里程（公里）", "≥360公里"),),
            indicators_year=(ind("数量指标", "养护里程（公里）", "≥120公里"),
                             ind("数量指标", "整治隐患点", "≥30处"), ind("数量指标", "增设标志", "80块"))),
        "code without department": make(department=""),
    }
    for why, t in bad.items():
        with pytest.raises(ValueError, match="cannot be printed") as exc:
            render_performance([t], artefacts=artefacts)
        assert "档案数字化" in str(exc.value), why


def test_number_helpers() -> None:
    assert w._grouped(D("2130000")) == "2,130,000"
    assert w._grouped(D("-1234.50")) == "-1,234.50"
    assert w._split_number(D("500000")) == ("500,00", "0")
    assert w._split_number(D("999")) is None
    assert w._split_number(D("12.50")) is None
    assert w._split_number(None) is None


def test_wrap_never_breaks_inside_latin_or_at_spaces() -> None:
    text = "采购ABC123型设备 共20台以及配套软件"
    for width in range(4, 30):
        pieces = w._wrap(text, width)
        assert "".join(pieces) == text
        for a, b in itertools.pairwise(pieces):
            assert not (a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum())
            assert not a[-1].isspace() and not b[0].isspace()


# -- generated tables --------------------------------------------------------------------------

PROJECTS = ("办公楼阅览室装修及配套设施", "办公桌椅书柜购置", "代表、代表小组活动经费(市级)", "代表之声栏目制作经费",
            "人大常委会会议经费", "省、市代表培训经费", "档案数字化", "乡村公路日常养护及安全隐患整治")
DEPARTMENTS = (("002", "晋城市人民代表大会常务委员会办公室"), ("315", "某某县交通运输局"),
               (None, "某某县档案局"), (None, ""))
IMPLEMENTERS = ("晋城市人民代表大会常务委员会办公室", "某某县农村公路养护中心", "")
ATTRIBUTES = ("经常性项目（长期开展）", "新增项目", "一次性项目", "")
DURATIONS = ("99年", "1年", "3年", "")
SOURCES = ("中央财政资金", "省级财政资金", "市县（区）财政资金", "县级财政资金", "单位自筹", "上年结转", "其他资金")
SENTENCES = (
    "根据晋市财发【2015】43号 晋城市财政局关于印发《晋城市市级行政事业单位办公用房装饰和维修改造标准》的通知。",
    "我单位2024年需购置办公桌11个1.98万元，茶几11个1.2万元，合计10万元整。",
    "按照市级代表80人，每人1800的标准 ，预计共需14.4万元。",
    "全过程人民民主进行时每两个月制作一期，每期时长20分钟左右。",
    "1.日常节目：摄像 500元/天/台 3天*两台3000元；全年24期日常节目合计：24×20000=480000元",
    "确保机关正常运转和办公设施安全隐患排除。",
    "由办公室根据政府采购相关规定组织实施。",
    "该项目预计2024年3月开始施工，6月完成验收，9月完成相关费用的支付。",
)
GOALS = (
    "完成阅览室装修改造，优化办公环境；保障单位日常工作正常开展，确保机关正常运行",
    "11月底前完成办公设施的采购及验收工作，保障单位日常工作正常开展。",
    "完成市级人大代表经费的拨付。确保代表能够按时参加会前视察调研，广泛收集人民群众意见建议。",
    "1、听取审议市政府工作报告、市人大常委会报告、法检工作报告。2、完成选举任务。",
    "三年内完成全县360公里农村公路的日常养护，路况优良率达到85%以上。",
)
POOL: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("产出指标", "数量指标"): (("阅览室装修改造面积（平方米）", "≤82平方米"), ("订制阅览柜数量（套）", "≥1套"),
                           ("购置沙发数量", "14个"), ("新媒体宣传节目总期数", "≤20期"),
                           ("《全过程人民民主进行时》", "6期"), ("《全过程人民民主进行时》", "20分钟左右"),
                           ("人大常委会议举办天数", "≥10天"), ("更换会议室座椅（套）", "≤55把"),
                           ("狗购置会议有线话筒", "1套"), ("开展日常调研，执法检查等活动次数", "≤30次"),
                           ("人大代表参与培训人数（省代表）", "≤36人"), ("会议举办场次", "1场")),
    ("产出指标", "质量指标"): (("阅览室装修改造验收合格率", "≥95%"), ("定制设备/资产验收合格率", "100%"),
                           ("市级代表工作完成率", "≥85%"), ("会议标准达标率", "100%")),
    ("产出指标", "时效指标"): (("资金支付时间", "9月份"), ("资金支付时间", "2024年12月底 前"),
                           ("栏目制作时间", "每两周"), ("资金支付时间", "每半年"), ("会议召开时间", "3月中下旬"),
                           ("履职培训开展时间", "6至7月"), ("各办公室开会及时性", "及时"),
                           ("前期购置备案完成时间", "2024年6月底"), ("更换会议室座椅时间", "6月前"),
                           ("会议天数（天）", "5天")),
    ("产出指标", "成本指标"): (("阅览室装修改造成本", "≤50万元"), ("市级人大代表补助发放标准", "1800元/人"),
                           ("会议举办人均费用成本（元/人/天）", "470元/人/天"), ("专项业务费用（万元）", "≤213万元"),
                           ("会用所需费用（万元）", "255.6万元"), ("补助发放标准", "≤200元/人/天")),
    ("效益指标", "经济效益指标"): (),
    ("效益指标", "社会效益指标"): (("优化单位工作环境", "优化"), ("保障日常工作正常开展", "保障"),
                               ("加强对代表履职和代表工作的宣传，展示代表风采，讲好人大故事", "进一步有效增强"),
                               ("有效展示人民代表大会制度", "有效展示"), ("指导和协调各专门委员会的日常工作", "有效指导协调"),
                               ("上级文件宣贯率", "≥95%"), ("弥补我市法律法规空白", "弥补"),
                               ("确保无固定工资收入的省、市人大代表履行宪法和法律赋予的职责", "确保")),
    ("效益指标", "生态效益指标"): (),
    ("效益指标", "可持续影响指标"): (),
    ("满意度指标", "服务对象满意度指标"): (("单位人员满意度", "≥95%"), ("参会代表满意度（%）", "≥95%"),
                                  ("相关人员满意度", "≥90%")),
}
ORDER = tuple(POOL)


@st.composite
def amounts(draw: st.DrawFn, unit: Unit) -> Decimal | None:
    if draw(st.integers(0, 9)) == 0:
        return None
    if unit is Unit.YUAN:
        return D(draw(st.sampled_from((0, 5000, 204400, 500000, 2130000, 12345678))))
    return D(draw(st.integers(0, 10**7))).scaleb(-2)


@st.composite
def groups(draw: st.DrawFn) -> list[tuple[tuple[str, str], list[tuple[str, str]]]]:
    keys = [k for k in ORDER if draw(st.booleans()) or k[0] == "产出指标"]
    out = []
    for key in keys:
        pool = POOL[key]
        n = draw(st.integers(0 if not pool else 1, min(3, len(pool)))) if pool else 0
        rows = draw(st.lists(st.sampled_from(pool), min_size=n, max_size=n)) if pool else []
        out.append((key, rows))
    return out


def indicators(spec: list[tuple[tuple[str, str], list[tuple[str, str]]]]) -> tuple[Indicator, ...]:
    out = []
    for (l1, l2), rows in spec:
        if not rows:
            out.append(Indicator(l1, l2))
        out += [Indicator(l1, l2, n, v) for n, v in rows]
    return tuple(out)


@st.composite
def performance_tables(draw: st.DrawFn) -> PerformanceTable:
    unit = draw(st.sampled_from((Unit.YUAN, Unit.WAN_YUAN)))
    code, dept = draw(st.sampled_from(DEPARTMENTS))
    sources = draw(st.lists(st.sampled_from(SOURCES), unique=True, max_size=5))
    funding = tuple(FundingLine(s, draw(amounts(unit)), draw(amounts(unit))) for s in sources)
    spec = draw(groups())
    year = indicators(spec)
    shape = draw(st.sampled_from(("same", "none", "varied")))
    if shape == "same":
        period = year
    elif shape == "none":
        period = ()
    else:
        # the period column: the same groups, one row more or fewer here and there (the
        # year column may have at most one row more than the period column in a group)
        pspec = []
        for key, rows in spec:
            pool = POOL[key]
            extra = draw(st.lists(st.sampled_from(pool), max_size=2)) if pool and rows else []
            # (not in a 成本指标 group: 成本指标 twice in a row reads as the 一级 成本指标)
            drop = draw(st.booleans()) and len(rows) >= 2 and key[1] != "成本指标"
            prow = rows[:-1] if drop else rows
            pspec.append((key, [*prow, *extra]))
        period = indicators(pspec)
    goal_kind = draw(st.sampled_from(("same", "same", "different", "none", "period")))
    g1, g2 = draw(st.lists(st.sampled_from(GOALS), min_size=2, max_size=2, unique=True))
    goals = {"same": (g1, g1), "different": (g1, g2), "none": ("", ""), "period": (g1, "")}
    gp, gy = goals[goal_kind]
    text = st.sampled_from(("", *SENTENCES))
    filled = draw(st.sampled_from((None, "20240228183805", "2024012512451", "2025-01-10", "2024")))
    return PerformanceTable(
        project=draw(st.sampled_from(PROJECTS)), department=dept, department_code=code,
        implementer=draw(st.sampled_from(IMPLEMENTERS)),
        attribute=draw(st.sampled_from(ATTRIBUTES)), duration=draw(st.sampled_from(DURATIONS)),
        unit=unit, total_period=draw(amounts(unit)), total_year=draw(amounts(unit)),
        funding=funding, overview=draw(text), basis=draw(text), necessity=draw(text),
        measures=draw(text), plan=draw(text), goal_period=gp, goal_year=gy,
        indicators_period=period, indicators_year=year, filled_on=filled)


@pytest.mark.property
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(performance_tables(), min_size=1, max_size=3), st.booleans())
def test_generated_tables_round_trip(tables: list[PerformanceTable], artefacts: bool) -> None:
    assert_round_trip(tables, artefacts)
