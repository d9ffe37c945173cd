"""Tests for govbudget._ingest._performance: the project performance target table reader."""

from __future__ import annotations

import random
import time
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govbudget._findings import Severity
from govbudget._ingest import _performance as perf
from govbudget._ingest._pages import strip_furniture
from govbudget._ingest._performance import read_performance
from govbudget._ingest._text import Line, split_lines
from govbudget._money import Unit
from govbudget._report import Indicator, PerformanceTable

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "jincheng-npc-office-2024.txt"
DATA = Path(__file__).resolve().parent / "data" / "performance"

# The sample's truth, read by hand from the text (lines 897-2668).
PROJECTS = (
    "办公楼阅览室装修及配套设施", "办公桌椅书柜购置", "代表、代表小组活动经费(市级)",
    "代表之声栏目制作经费", "全过程人民民主进行时栏目经费", "人大常委会会议经费",
    "人大机关会议室智慧升级改造", "人大专项业务经费", "人民代表大会会议经费", "省、市代表培训经费",
    "市人大代表履职交通、通讯补贴", "无固定工资收入的省、市人大代表履职补贴", "制定三部地方性法规经费",
)
YEAR_TOTALS = (500000, 100000, 204400, 600000, 600000, 160000, 500000, 2130000, 2250000,
               716000, 772800, 207900, 200000)
INDICATOR_COUNTS = (16, 19, 10, 12, 10, 11, 17, 13, 14, 12, 9, 9, 12)
FILLED_ON = ("20240228183805", "2024022916084", "20240125141141", "2024022815144",
             "2024022815204", "2024022815362", "20240229145525", "20240125152432",
             "2024012512451", "2024022914541", "2024022914580", "20240125140504",
             "2024022815270")
TITLE_LINES = (897, 1039, 1186, 1315, 1482, 1602, 1731, 1889, 2051, 2203, 2320, 2417, 2529)
DEPARTMENT = "晋城市人民代表大会常务委员会办公室"


@pytest.fixture(scope="module")
def sample() -> tuple[tuple[PerformanceTable, ...], list[object]]:
    lines = strip_furniture(split_lines(SAMPLE.read_text(encoding="utf-8")))
    segment = [ln for ln in lines if 897 <= ln.no <= 2668]
    tables, findings = read_performance(segment)
    return tables, list(findings)


@pytest.fixture(scope="module")
def tables(sample: tuple[tuple[PerformanceTable, ...], list[object]]) -> tuple[PerformanceTable, ...]:
    return sample[0]


def by_name(tables: tuple[PerformanceTable, ...], name: str) -> PerformanceTable:
    for t in tables:
        if t.project == name:
            return t
    raise AssertionError(f"no table {name!r}")


def rows(indicators: tuple[Indicator, ...]) -> list[tuple[str, str, str, str]]:
    return [(i.level1, i.level2, i.name, i.value) for i in indicators]


def read(text: str) -> tuple[tuple[PerformanceTable, ...], list[perf.Finding]]:
    return read_performance(split_lines(text))


# -- the sample -------------------------------------------------------------------------------


def test_sample_has_thirteen_tables_at_their_titles(tables: tuple[PerformanceTable, ...]) -> None:
    """The sample segment holds exactly 13 tables, each starting at its title line."""
    assert len(tables) == 13
    assert tuple(t.line for t in tables) == TITLE_LINES
    assert all(t.end_line is not None and t.line is not None and t.end_line > t.line
               for t in tables)


def test_sample_header_fields(tables: tuple[PerformanceTable, ...]) -> None:
    """Project, department (code and wrapped name), implementer, attribute and duration."""
    assert tuple(t.project for t in tables) == PROJECTS
    for t in tables:
        assert t.department_code == "002"
        assert t.department == DEPARTMENT  # wrapped after 常务委员会 / 常务 / 常务委 …
        assert t.implementer == DEPARTMENT  # wrapped in tables 2, 6 and 9
        assert t.attribute == "经常性项目（长期开展）"
        assert t.duration == "99年"


def test_sample_totals_in_yuan(tables: tuple[PerformanceTable, ...]) -> None:
    """Both totals are read in 元, including those printed as ``500,00`` / ``0``."""
    assert tuple(t.total_year for t in tables) == tuple(Decimal(v) for v in YEAR_TOTALS)
    assert tuple(t.total_period for t in tables) == tuple(Decimal(v) for v in YEAR_TOTALS)
    assert all(t.unit is Unit.YUAN for t in tables)
    assert all(t.year_money is not None and t.year_money.yuan == y
               for t, y in zip(tables, YEAR_TOTALS, strict=True))


def test_sample_funding_lines(tables: tuple[PerformanceTable, ...]) -> None:
    """Every source row is read for both columns; a blank row stays ``None``, not zero."""
    for t, total in zip(tables, YEAR_TOTALS, strict=True):
        got = [(f.source, f.period, f.year) for f in t.funding]
        assert got == [
            ("中央财政资金", 0, 0),
            ("省级财政资金", 0, 0),
            ("市县（区）财政资金", total, total),
            ("单位自筹", 0, 0),
            ("其他资金", None, None),
        ], t.project
        assert all(f.line is not None for f in t.funding)


def test_sample_wrapped_funding_label_and_split_year_amount(
        tables: tuple[PerformanceTable, ...]) -> None:
    """``市县（区）财政资`` + ``金`` then ``204,400`` on its own line is the year amount."""
    t = by_name(tables, "代表、代表小组活动经费(市级)")
    city = t.funding[2]
    assert (city.source, city.period, city.year, city.line) == (
        "市县（区）财政资金", Decimal(204400), Decimal(204400), 1214)


def test_sample_indicator_counts(tables: tuple[PerformanceTable, ...]) -> None:
    """Both columns hold the expected number of rows, empty 二级 rows included."""
    assert tuple(len(t.indicators_period) for t in tables) == INDICATOR_COUNTS
    assert tuple(len(t.indicators_year) for t in tables) == INDICATOR_COUNTS


def test_sample_levels_are_consistent(tables: tuple[PerformanceTable, ...]) -> None:
    """Every row has its printed 一级 and a 二级 of that family; every row has a line."""
    family = {"数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标",
              "成本指标": "产出指标", "经济效益指标": "效益指标", "社会效益指标": "效益指标",
              "生态效益指标": "效益指标", "可持续影响指标": "效益指标",
              "服务对象满意度指标": "满意度指标"}
    for t in tables:
        for ind in (*t.indicators_period, *t.indicators_year):
            assert family[ind.level2] == ind.level1, (t.project, ind)
            assert ind.line is not None and t.line is not None and t.line < ind.line


def test_sample_empty_level2_rows(tables: tuple[PerformanceTable, ...]) -> None:
    """``经济效益指标 经济效益指标`` gives an empty row in both columns, in every table."""
    for t in tables:
        for column in (t.indicators_period, t.indicators_year):
            empty = [(i.level1, i.level2) for i in column if i.is_empty]
            assert empty == [("效益指标", "经济效益指标"), ("效益指标", "生态效益指标"),
                             ("效益指标", "可持续影响指标")], t.project


def test_sample_first_table_rows(tables: tuple[PerformanceTable, ...]) -> None:
    """The first table, row by row (stacked first rows, interleaved rows, one-line groups)."""
    expected = [
        ("产出指标", "数量指标", "阅览室装修改造面积（平方米）", "≤82平方米"),
        ("产出指标", "数量指标", "订制阅览柜数量（套）", "≥1套"),
        ("产出指标", "数量指标", "订制窗帘数量（套）", "≥1套"),
        ("产出指标", "数量指标", "订制灯光设备数量（套）", "≥1套"),
        ("产出指标", "数量指标", "订制阅读桌和椅数量（套）", "≥1套"),
        ("产出指标", "质量指标", "阅览室装修改造验收合格率", "≥95%"),
        ("产出指标", "质量指标", "定制设备/资产验收合格率", "100%"),
        ("产出指标", "时效指标", "资金支付时间", "9月份"),
        ("产出指标", "时效指标", "阅览室装修改造工程验收时间", "6月份"),
        ("产出指标", "时效指标", "阅览室装修改造工程开始时间", "3月份"),
        ("产出指标", "成本指标", "阅览室装修改造成本", "≤50万元"),
        ("效益指标", "经济效益指标", "", ""),
        ("效益指标", "社会效益指标", "优化单位工作环境", "优化"),
        ("效益指标", "生态效益指标", "", ""),
        ("效益指标", "可持续影响指标", "", ""),
        ("满意度指标", "服务对象满意度指标", "单位人员满意度", "≥95%"),
    ]
    t = tables[0]
    assert rows(t.indicators_period) == expected
    assert rows(t.indicators_year) == expected
    assert [i.line for i in t.indicators_period[:3]] == [987, 993, 995]
    assert [i.line for i in t.indicators_year[:3]] == [991, 993, 995]


@pytest.mark.parametrize(
    ("project", "level2", "name", "value"),
    [
        ("全过程人民民主进行时栏目经费", "数量指标", "《全过程人民民主进行时》", "6期"),
        ("全过程人民民主进行时栏目经费", "数量指标", "《全过程人民民主进行时》", "20分钟左右"),
        ("全过程人民民主进行时栏目经费", "时效指标", "《全过程人民民主进行时》", "每两月"),
        ("全过程人民民主进行时栏目经费", "成本指标", "《全过程人民民主进行时》", "≤60万元"),
        ("全过程人民民主进行时栏目经费", "社会效益指标", "有效展示人民代表大会制度", "有效展示"),
        ("代表、代表小组活动经费(市级)", "质量指标", "开展座谈、视察等活动内容达标率", "100%"),
        ("代表、代表小组活动经费(市级)", "社会效益指标", "提高代表人员综合素质与业务水平", "提高"),
        ("代表、代表小组活动经费(市级)", "服务对象满意度指标", "代表小组人员满意度", "≥95%"),
        ("办公桌椅书柜购置", "服务对象满意度指标", "相关人员满意度", "≥90%"),
        ("人大专项业务经费", "数量指标", "全年各委室开会、培训次数", "≤20次"),
        ("人大专项业务经费", "社会效益指标", "保障单位日常工作正常开展", "保障"),
        ("无固定工资收入的省、市人大代表履职补贴", "数量指标", "无固定工资收入的省、市代表人数", "66人"),
        ("人大常委会会议经费", "质量指标", "人大常委会议召开完成率", "≥95%"),
    ],
)
def test_sample_glued_values_are_split(tables: tuple[PerformanceTable, ...], project: str,
                                       level2: str, name: str, value: str) -> None:
    """A value glued to its name (or a label glued to the name) is split in both columns."""
    t = by_name(tables, project)
    for column in (t.indicators_period, t.indicators_year):
        assert any(i.level2 == level2 and i.name == name and i.value == value for i in column), (
            project, rows(column))


def test_sample_glued_only_in_one_column(tables: tuple[PerformanceTable, ...]) -> None:
    """Glue in only the year column (``…时间2024年11月底``, ``…（万元）255.6万元``) is split."""
    t = by_name(tables, "办公桌椅书柜购置")
    assert ("产出指标", "时效指标", "完成设备采购及验收时间", "2024年11月底") in rows(t.indicators_year)
    assert ("产出指标", "时效指标", "资金支付时间", "2024年12月底 前") in rows(t.indicators_year)
    assert ("产出指标", "时效指标", "资金支付时间", "2024年12月底 前") in rows(t.indicators_period)
    t = by_name(tables, "人民代表大会会议经费")
    for column in (t.indicators_period, t.indicators_year):
        assert ("产出指标", "成本指标", "会用所需费用（万元）", "255.6万元") in rows(column)


@pytest.mark.parametrize(
    ("project", "name", "value"),
    [
        ("代表之声栏目制作经费", "加强对代表履职和代表工作的宣传，展示代表风采，讲好人大故事",
         "进一步有效增强"),
        ("人大专项业务经费", "开展日常调研，执法检查等活动次数", "≤30次"),
        ("人大专项业务经费", "开展日常调研，执法检查等活动覆盖率", "≥95%"),
        ("人大专项业务经费", "开展日常调研，执法检查等活动及时性", "及时"),
        ("人民代表大会会议经费", "会议举办人均费用成本（元/人/天）", "470元/人/天"),
        ("无固定工资收入的省、市人大代表履职补贴",
         "确保无固定工资收入的省、市人大代表履行宪法和法律赋予的职责", "确保"),
        ("人大常委会会议经费", "指导和协调各专门委员会的日常工作", "有效指导协调"),
    ],
)
def test_sample_wrapped_names(tables: tuple[PerformanceTable, ...], project: str, name: str,
                              value: str) -> None:
    """A name wrapped over several lines is joined, and its value found, in both columns."""
    t = by_name(tables, project)
    for column in (t.indicators_period, t.indicators_year):
        assert [(i.name, i.value) for i in column].count((name, value)) == 1, rows(column)


def test_sample_chairs_row_kept_as_printed(tables: tuple[PerformanceTable, ...]) -> None:
    """``更换会议室座椅（套） ≤55把``: the value keeps its printed unit."""
    t = by_name(tables, "人大机关会议室智慧升级改造")
    for column in (t.indicators_period, t.indicators_year):
        assert ("产出指标", "数量指标", "更换会议室座椅（套）", "≤55把") in rows(column)


def test_sample_swapped_rows_in_year_column(tables: tuple[PerformanceTable, ...]) -> None:
    """The year column lists the two 时效 rows in the other order: each column as printed."""
    t = by_name(tables, "人大机关会议室智慧升级改造")
    period = [(i.name, i.value) for i in t.indicators_period if i.level2 == "时效指标"]
    year = [(i.name, i.value) for i in t.indicators_year if i.level2 == "时效指标"]
    assert period == [("更换会议室座椅时间", "6月前"), ("会议室改造工程验收时间", "6月份"),
                      ("会议室改造工程开始时间", "3月份")]
    assert year == [("更换会议室座椅时间", "6月前"), ("会议室改造工程开始时间", "3月份"),
                    ("会议室改造工程验收时间", "6月份")]


def test_sample_typo_only_in_period_column(tables: tuple[PerformanceTable, ...]) -> None:
    """A typo printed in one column (``狗购置…``) stays in that column only."""
    t = by_name(tables, "人大机关会议室智慧升级改造")
    assert t.indicators_period[1].name == "狗购置会议有线话筒"
    assert t.indicators_year[1].name == "购置会议有线话筒"
    assert t.indicators_period[1].value == t.indicators_year[1].value == "1套"


def test_sample_columns_in_different_order(tables: tuple[PerformanceTable, ...]) -> None:
    """The training project's 数量 rows come in a different order in each column."""
    t = by_name(tables, "省、市代表培训经费")
    period = [i.value for i in t.indicators_period if i.level2 == "数量指标"]
    year = [i.value for i in t.indicators_year if i.level2 == "数量指标"]
    assert period == ["≤36人", "≥5天", "≤322人"]
    assert year == ["≤322人", "≤36人", "≥5天"]


def test_sample_filled_on(tables: tuple[PerformanceTable, ...]) -> None:
    """填报日期 digits are joined across lines (``2024022818380`` / ``5``), as printed."""
    assert tuple(t.filled_on for t in tables) == FILLED_ON


def test_sample_goals(tables: tuple[PerformanceTable, ...]) -> None:
    """The two goal paragraphs are split (identical in the sample) and no text is lost."""
    for t in tables:
        assert t.goal_period and t.goal_period == t.goal_year, t.project
    assert tables[0].goal_period == "完成阅览室装修改造，优化办公环境；保障单位日常工作正常开展，确保机关正常运行"
    # the period goal printed on the label's own line: 总体目标 根据全年工作计划…
    assert by_name(tables, "人大专项业务经费").goal_year == "根据全年工作计划，完成日常办公经费支付，保障日常工作开展。"


def test_sample_text_fields(tables: tuple[PerformanceTable, ...]) -> None:
    """Long text fields are read whole, wrapped lines joined."""
    t = tables[0]
    assert t.overview.startswith("根据晋市财发【2015】43号 晋城市财政局")
    assert t.overview.endswith("7.地面工程预计需经费31200元（地面采用实木地板）；合计50万元整")
    assert "墙面做木饰面工程预计需经费88300元" in t.overview
    assert t.basis.endswith("（晋市财发【2015】43号） 立项。")
    assert t.necessity == "确保机关正常运转和办公设施安全隐患排除。"
    assert t.measures.startswith("由办公室根据")
    assert t.plan == "该项目预计2024年3月开始施工，6月完成验收，9月完成相关费用的支付；保障单位日常工作正常开展。"
    assert all(x.overview and x.basis and x.necessity and x.measures and x.plan for x in tables)


def test_sample_findings_are_only_repairs(sample: tuple[tuple[PerformanceTable, ...], list[object]]) -> None:
    """The sample reads cleanly: the only findings are the 26 repaired split numbers (info)."""
    findings = [f for f in sample[1] if isinstance(f, perf.Finding)]
    assert len(findings) == len(sample[1]) == 26
    assert {f.rule for f in findings} == {"reading.repaired_number"}
    assert all(f.severity is Severity.INFO for f in findings)
    assert findings[0].location.section == "performance"
    assert findings[0].location.row_name == PROJECTS[0]
    assert findings[0].location.line == 916
    assert findings[0].actual == "500,000"


def _timed(fn: object) -> float:
    assert callable(fn)
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def test_time_is_linear_in_the_input() -> None:
    """Four times the grid takes about four times as long (a quadratic scan would take 16)."""
    def grid(n: int) -> list[Line]:
        body = ["数量指标", "很长的名字片段很长的名字片段", "又一个名字 ≥1个 又一个名字 ≥1个",
                "数量指标", "片段 片段"] * n
        return split_lines("项目支出绩效目标表\n一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值\n"
                           + "\n".join(body))
    small, big = grid(500), grid(2000)
    t_small = min(_timed(lambda: read_performance(small)) for _ in range(3))
    t_big = min(_timed(lambda: read_performance(big)) for _ in range(3))
    assert t_big < 10 * t_small


def test_code_names_nothing_from_the_sample() -> None:
    """The reader is generic: its source names no unit, project, code or figure of the sample."""
    source = Path(perf.__file__).read_text(encoding="utf-8")
    for word in ("晋城", "人大", "人民代表大会", "阅览室", "代表之声", "002", "500,000",
                 "204400", "市县（区）"):
        assert word not in source, word


# -- synthetic tables ------------------------------------------------------------------------


def test_other_region_in_wan_yuan() -> None:
    """Another county: 万元, more sources, wrapped name/implementer, 成本指标 as 一级, goals
    that differ, columns that differ, a value split across lines."""
    (t,), findings = read((DATA / "county-roads-2025.txt").read_text(encoding="utf-8"))
    assert t.project == "乡村公路日常养护及安全隐患整治"
    assert (t.department_code, t.department) == ("315", "某某县交通运输局")
    assert t.implementer == "某某县农村公路养护中心"
    assert (t.attribute, t.duration) == ("新增项目", "3年")
    assert t.unit is Unit.WAN_YUAN
    assert (t.total_period, t.total_year) == (Decimal("1250.50"), Decimal("400.00"))
    assert [(f.source, f.period, f.year) for f in t.funding] == [
        ("中央财政资金", Decimal("100.00"), Decimal("50.00")),
        ("省级财政资金", Decimal("200.00"), Decimal("50.00")),
        ("市级财政资金", Decimal("300.00"), Decimal("100.00")),
        ("县级财政资金", Decimal("650.50"), Decimal("200.00")),
        ("上年结转", Decimal(0), Decimal(0)),
        ("其他资金", None, None),
    ]
    assert sum((f.period or 0 for f in t.funding), Decimal(0)) == t.total_period
    assert sum((f.year or 0 for f in t.funding), Decimal(0)) == t.total_year
    assert t.goal_period == "三年内完成全县360公里农村公路的日常养护，路况优良率达到85%以上。"
    assert t.goal_year == "2025年完成120公里农村公路日常养护，消除安全隐患点30处。"
    assert t.filled_on == "2025-01-10"
    assert len(t.indicators_period) == len(t.indicators_year) == 13
    assert ("成本指标", "经济成本指标", "每公里年养护成本", "≤3.5万元/公里") in rows(t.indicators_year)
    assert ("成本指标", "社会成本指标", "", "") in rows(t.indicators_period)
    assert ("产出指标", "时效指标", "当年养护任务完成时间", "每年11月底前") in rows(t.indicators_period)
    assert ("产出指标", "时效指标", "养护任务完成时间", "2025年11月底") in rows(t.indicators_year)
    assert ("产出指标", "数量指标", "养护里程（公里）", "≥360公里") in rows(t.indicators_period)
    assert ("产出指标", "数量指标", "养护里程（公里）", "≥120公里") in rows(t.indicators_year)
    assert ("效益指标", "社会效益指标", "交通事故发生率", "较上年下降") in rows(t.indicators_year)
    assert [f.rule for f in findings] == ["reading.repaired_number"]
    assert findings[0].actual == "1,250.50"


BOLD_AND_WRAPPED = """某市项目支出绩效目标表某市项目支出绩效目标表
项目名称项目名称 社区养老服务补贴
主管部门及代码
108
某市民政局
实施单位 某市养老服务指导中心
项目属性 延续项目 项目期 1年
项目资金（元）
实施期资金总额： 80,000 年度资金总额： 80,000
其中：财政拨款 80,000 其中：财政拨款 80,000
项目概况 为80位老人发放补贴。
保证项目实施的制度、
措施 专款专用。
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
产出指标
数量指标 补贴人数 80人 数量指标 补贴人数 80人
负责人： 经办人： 联系电话： 填报日期：
2024
0301
"""


def test_bold_title_wrapped_label_and_code_on_its_own_line() -> None:
    """A title and label drawn twice, a code printed on its own line, a wrapped field label,
    totals on one line and a date broken over lines."""
    (t,), findings = read(BOLD_AND_WRAPPED)
    assert t.project == "社区养老服务补贴"
    assert (t.department_code, t.department) == ("108", "某市民政局")
    assert t.measures == "专款专用。"
    assert (t.total_period, t.total_year) == (Decimal(80000), Decimal(80000))
    assert [(f.source, f.period, f.year) for f in t.funding] == [
        ("财政拨款", Decimal(80000), Decimal(80000))]
    assert t.filled_on == "20240301"
    assert rows(t.indicators_year) == [("产出指标", "数量指标", "补贴人数", "80人")]
    assert findings == []


STACKED = """项目支出绩效目标表
项目名称 网格化服务
项目资金（元）
年度资金总额： 120,000
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
效益指标
社会效益指标
居民诉求及时响应
处置
明显提升
社会效益指标
居民诉求及时响应处
置
明显提升
基层治理能力 提升 基层治理能力 提升
满意度指标
服务对象满意度指标
居民满意度（%）
≥90%
服务对象满意度指标
居民满意度（%）
≥90%
"""


def test_stacked_first_rows_and_wrapped_names() -> None:
    """The first row of a group stacked under each label, names wrapped at different widths,
    qualitative values, and the 满意度 rows with values on their own lines."""
    (t,), findings = read(STACKED)
    expected = [
        ("效益指标", "社会效益指标", "居民诉求及时响应处置", "明显提升"),
        ("效益指标", "社会效益指标", "基层治理能力", "提升"),
        ("满意度指标", "服务对象满意度指标", "居民满意度（%）", "≥90%"),
    ]
    assert rows(t.indicators_period) == expected
    assert rows(t.indicators_year) == expected
    assert t.total_year == Decimal(120000) and t.total_period is None
    assert findings == []


def test_a_fragment_run_that_repeats_is_two_rows() -> None:
    """Fragments ``X`` then ``X`` with no recognisable value end up as one row per column."""
    text = """项目支出绩效目标表
项目名称 示例
年度资金总额： 1,000
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
效益指标 社会效益指标 社会效益指标
服务效能
大幅好转
服务效能
大幅好转
"""
    (t,), findings = read(text)
    assert rows(t.indicators_period) == [("效益指标", "社会效益指标", "服务效能", "大幅好转")]
    assert rows(t.indicators_year) == [("效益指标", "社会效益指标", "服务效能", "大幅好转")]
    assert findings == []


def test_single_indicator_column_goes_to_the_year() -> None:
    """A grid with one 二级指标 column (one set of indicators) is read as the year's."""
    text = """某省项目支出绩效目标表
项目名称 单列示例
项目资金（万元） 年度资金总额： 30.00
其中：财政拨款 25.00
其他资金 5.00
年度绩效目标 完成全年任务。
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 举办培训班 ≥3期
时效指标 完成时间 年底前
效益指标 社会效益指标 群众获得感 明显提升
"""
    (t,), findings = read(text)
    assert t.indicators_period == ()
    assert rows(t.indicators_year) == [
        ("产出指标", "数量指标", "举办培训班", "≥3期"),
        ("产出指标", "时效指标", "完成时间", "年底前"),
        ("效益指标", "社会效益指标", "群众获得感", "明显提升"),
    ]
    assert [(f.source, f.period, f.year) for f in t.funding] == [
        ("财政拨款", None, Decimal("25.00")), ("其他资金", None, Decimal("5.00"))]
    assert t.unit is Unit.WAN_YUAN and t.total_year == Decimal("30.00")
    assert t.goal_period == "完成全年任务。"
    assert [f.rule for f in findings] == ["reading.goal_split"]


def test_unrepairable_split_number_is_reported_never_zero() -> None:
    """An amount that cannot be repaired stays ``None`` with a finding; extra figures too."""
    text = """项目支出绩效目标表
项目名称 测试项目
项目资金（元）
实施期资金总额：
300,00
年度资金总额： 300,000
其中：财政拨款 12a3 其中：财政拨款 300,000
77
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
产出指标 数量指标 覆盖社区 12个 数量指标 覆盖社区 12个
"""
    (t,), findings = read(text)
    assert t.total_period is None and t.total_year == Decimal(300000)
    assert [(f.source, f.period, f.year) for f in t.funding] == [("财政拨款", None, Decimal(300000))]
    unplaced = [(f.actual, f.location.line) for f in findings if f.rule == "reading.unplaced_figure"]
    assert unplaced == [("300,00", 5), ("12a3", 7), ("77", 8)]
    f = findings[0]
    assert f.severity is Severity.WARNING
    assert (f.location.section, f.location.row_name) == ("performance", "测试项目")


def test_truncated_table_is_kept_with_a_finding() -> None:
    """A table cut before its indicator grid is still returned, with ``incomplete_table``."""
    text = """某区项目支出绩效目标表
（2024年度）
项目名称 网格员培训
主管部门及代码 201-某区民政局
项目资金（元）
实施期资金总额： 30,000
年度资金总额：
30,00"""
    (t,), findings = read(text)
    assert (t.project, t.department_code, t.total_period, t.total_year) == (
        "网格员培训", "201", Decimal(30000), None)
    assert [f.rule for f in findings] == ["reading.unplaced_figure", "reading.incomplete_table"]
    assert "绩效指标" in findings[1].message
    assert findings[1].location.line == 1


def test_several_tables_and_figures_before_the_first_title() -> None:
    """Each title starts a table; a figure before the first title is reported."""
    text = """（见附件 3）
甲县项目支出绩效目标表
项目名称 甲
年度资金总额： 1,000
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
产出指标 数量指标 甲数量 1个 数量指标 甲数量 1个
乙县项目支出绩效目标表
项目名称 乙
年度资金总额： 2,000
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
产出指标 数量指标 乙数量 2个 数量指标 乙数量 2个
"""
    tables, findings = read(text)
    assert [(t.project, t.total_year, t.line, t.end_line) for t in tables] == [
        ("甲", Decimal(1000), 2, 6), ("乙", Decimal(2000), 7, 11)]
    assert [(f.rule, f.location.line) for f in findings] == [("reading.unplaced_figure", 1)]


def test_goals_that_cannot_be_split_keep_all_text() -> None:
    """Goal text that cannot be split is kept whole in the period goal, with a finding."""
    text = """项目支出绩效目标表
项目名称 目标示例
总体目标
完成甲乙丙三项工作并通过验收达到预期效果为止的一段很长的说明文字
年度完成丙项工作并通过验收达到预期效果为止的一段很长的说明文字
"""
    (t,), findings = read(text)
    assert "甲乙丙" in t.goal_period and "年度完成丙项" in t.goal_period
    assert t.goal_year == ""
    assert "reading.goal_split" in [f.rule for f in findings]


def test_unsplittable_indicator_is_kept_and_reported() -> None:
    """A name with no value that can be found is kept whole, with a warning."""
    text = """项目支出绩效目标表
项目名称 示例
年度资金总额： 1,000
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
产出指标 数量指标 只有名称没有指标值 数量指标 只有名称没有指标值
"""
    (t,), findings = read(text)
    assert rows(t.indicators_period) == [("产出指标", "数量指标", "只有名称没有指标值", "")]
    assert [f.rule for f in findings] == ["reading.unsplit_indicator"] * 2
    assert [f.location.column for f in findings] == ["period", "year"]


def test_empty_input() -> None:
    """No lines, or no title, gives no table and no finding."""
    assert read_performance([]) == ((), [])
    assert read("") == ((), [])
    assert read("这里没有绩效目标表\n\n") == ((), [])


@pytest.mark.parametrize("seed", range(6))
def test_junk_never_raises(seed: int) -> None:
    """Random characters, control codes, huge tokens and titles everywhere: no exception."""
    rnd = random.Random(seed)
    alphabet = ("项目支出绩效目标表 名称资金元万：其中0123456789,.，%≥≤指标产出数量效益满意度"
                "\u3000\t\x00\x07\ufffd\ud7ff年月每前")
    parts = []
    for _ in range(300):
        if rnd.random() < 0.05:
            parts.append("项目支出绩效目标表")
        parts.append("".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 60))))
    parts.append("9" * 5000 + "," * 3000)
    parts.append("数量指标" * 2000)
    tables, findings = read("\n".join(parts))
    assert isinstance(tables, tuple)
    assert all(isinstance(t, PerformanceTable) for t in tables)
    assert all(f.rule.startswith("reading.") for f in findings)


def test_binary_like_text_never_raises() -> None:
    """Bytes decoded as Latin-1 (binary junk) after a title: a table, findings, no exception."""
    data = bytes(random.Random(7).randrange(256) for _ in range(20000)).decode("latin-1")
    tables, _ = read("项目支出绩效目标表\n" + data)
    assert len(tables) >= 1


def test_value_after_the_narrower_last_line_of_a_wrapped_name() -> None:
    """A wrapped name ends at its narrower last line: the next cell is its value even when
    the value is no known word, so the following row is not swallowed into the name."""
    text = """项目支出绩效目标表
项目名称 示例
年度资金总额： 1,000
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
效益指标
社会效益指标
群众出行条件得到较大
改善的程度
大幅度好转
社会效益指标
群众出行条件得到较大
改善的程度
大幅度好转
路面平整度 ≥90% 路面平整度 ≥90%
"""
    (t,), findings = read(text)
    expected = [("效益指标", "社会效益指标", "群众出行条件得到较大改善的程度", "大幅度好转"),
                ("效益指标", "社会效益指标", "路面平整度", "≥90%")]
    assert rows(t.indicators_period) == expected
    assert rows(t.indicators_year) == expected
    assert findings == []


def test_identical_goals_whose_lines_start_alike() -> None:
    """Two identical goal paragraphs are split where the text repeats, even when a line of the
    first paragraph starts like its first line."""
    text = """项目支出绩效目标表
项目名称 示例
实施期目标 年度目标
总体目标
完成甲乙丙丁戊己庚辛
完成甲乙丙丁戊己庚辛壬
完成甲乙丙丁戊己庚辛完成甲乙丙
丁戊己庚辛壬
"""
    (t,), _ = read(text)
    assert t.goal_period == t.goal_year == "完成甲乙丙丁戊己庚辛完成甲乙丙丁戊己庚辛壬"


def test_value_repeating_the_first_word_of_the_name() -> None:
    """A value on its own line that repeats the first word of the name (``夯实…`` / ``夯实``)
    closes the row, so the next row keeps its own name."""
    text = """项目支出绩效目标表
项目名称 示例
年度资金总额： 1,000
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
效益指标
社会效益指标
夯实基层治理基础
夯实
社会效益指标
夯实基层治理基础
夯实
资金使用合规率 100% 资金使用合规率 100%
"""
    (t,), findings = read(text)
    expected = [("效益指标", "社会效益指标", "夯实基层治理基础", "夯实"),
                ("效益指标", "社会效益指标", "资金使用合规率", "100%")]
    assert rows(t.indicators_period) == expected
    assert rows(t.indicators_year) == expected
    assert findings == []


def test_ungrouped_amount_broken_over_lines() -> None:
    """``5000`` then ``0`` under one cell of a two-column funding row is one amount, 50000."""
    text = """项目支出绩效目标表
项目名称 示例
项目资金（元）
实施期资金总额： 50000 年度资金总额： 50000
其中：财政拨款
5000
0
其中：财政拨款 50000
"""
    (t,), findings = read(text)
    assert [(f.source, f.period, f.year) for f in t.funding] == [
        ("财政拨款", Decimal(50000), Decimal(50000))]
    repaired = [f for f in findings if f.rule == "reading.repaired_number"]
    assert [(f.actual, f.location.line, f.severity) for f in repaired] == [
        ("50000", 6, Severity.INFO)]


# -- fast paths agree with the plain definitions ------------------------------------------------


_FIELD_LABELS = {"project": "项目名称", "funding": "项目资金", "overview": "项目概况",
                 "plan": "项目实施计划"}


def test_field_lines_point_at_their_labels(tables: tuple[PerformanceTable, ...]) -> None:
    """Each field's line is inside its table and is the line that prints its label, so a
    finding about the overview or the totals points at them, not at the title."""
    text = SAMPLE.read_text(encoding="utf-8").split("\n")
    for t in tables:
        assert t.line is not None and t.end_line is not None
        assert {k for k, _ in t.field_lines} >= set(_FIELD_LABELS)
        for _key, no in t.field_lines:
            assert t.line < no <= t.end_line
        for key, label in _FIELD_LABELS.items():
            assert label in text[t.line_of(key) - 1], (t.project, key)  # type: ignore[operator]
        assert t.line_of("no such field") == t.line


def test_field_lines_survive_json_and_are_not_compared(
        tables: tuple[PerformanceTable, ...]) -> None:
    from govbudget import Report, dumps, loads

    report = Report(performance=tables[:1])
    back = loads(dumps(report)).performance[0]
    assert back.field_lines == tables[0].field_lines
    assert attrs.evolve(tables[0], field_lines=()) == tables[0]


def test_project_budget_target_titles_start_a_table() -> None:
    """政策和项目预算绩效目标表 (预算 between 项目 and 绩效目标) is a target table's title."""
    from govbudget._ingest._perf_words import _is_title

    assert _is_title("政策和项目预算绩效目标表")
    assert _is_title("2026年项目支出绩效目标表")
    assert not _is_title("项目预算绩效目标表，见附件")


# -- the prose of the text fields ---------------------------------------------------------

PROSE_TABLE = """某某县项目支出绩效目标表
项目名称 会议经费
项目资金（元） 实施期资金总额： 30000
年度资金总额： 30000
其中：财政拨款 30000 其中：财政拨款 30000
项目概况 召开会议2次，每次参会50人，
会期1天，标准为300元/人/天，
共计30000元。
总体目标 实施期目标 年度目标
召开会议2次 召开会议2次
一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
产出指标 数量指标 会议次数 2次 数量指标 会议次数 2次
负责人： 填报日期： 20240301"""


def test_the_prose_of_each_text_field_is_read_with_its_lines() -> None:
    """The reader parses the text fields with the prose grammar: each figure carries the
    line it stands on (not the field's first line)."""
    (t,), _ = read_performance(split_lines(PROSE_TABLE))
    ov = t.prose.overview
    assert ov.text == t.overview
    assert [(c.text, c.line) for c in ov.counts] == [("2次", 6), ("50人", 6), ("1天", 7)]
    assert [(r.text, r.line) for r in ov.rates] == [("300元/人/天", 7)]
    assert ov.total is not None and (ov.total.text, ov.total.line) == ("30000元", 8)
    assert t.prose.goal_period.text == t.goal_period == "召开会议2次"
    assert [c.line for c in t.prose.goal_year.counts] == [10]


@pytest.mark.parametrize(("texts", "cut"), [
    (["会议经费", "共计3万元"], False), (["abc", "def"], False), (["12", "34元"], True),
    (["  ", "x", ""], False), (["一", "2"], False)])
def test_joined_is_join_text_with_the_lines(texts: list[str], cut: bool) -> None:
    """`_joined` gives `join_text`'s text, and where each non-blank line starts in it;
    but a number a table cell's width cut (``12`` | ``34元``) is one number, not two."""
    from govbudget._ingest._text import join_text

    lines = [Line(i + 1, x) for i, x in enumerate(texts)]
    text, starts = perf._joined(lines)
    assert text == (join_text(lines).replace(" ", "") if cut else join_text(lines))
    for (offset, no) in starts:
        assert text[offset:].startswith(lines[no - 1].stripped)


@pytest.mark.parametrize("head", [
    # plain text (pdfium): the bracketed unit wrapped onto the next line
    ["项目名称 某某慰问金", "主管部门 某市民政局 实施单位 某市民政局", "专项资金情况（万", "元）",
     "资金总额 20.00", "财政拨款 20.00", "其他资金 0.00"],
    # plain text (pdfplumber): the label's cell beside the figures, its unit three lines on
    ["项目名称 某某慰问金", "主管部门 某市民政局 实施单位 某市民政局", "资金总额 20.00",
     "专项资金情况（", "财政拨款 20.00", "万元）", "其他资金 0.00"],
])
def test_a_funding_unit_wrapped_over_lines(head: list[str]) -> None:
    """专项资金情况（万元） is a funding label, and its unit is the table's even when the
    bracket wraps: read as 元, 资金总额 20.00 would be 10,000 times too small."""
    text = "\n".join(["某某慰问金项目绩效目标表", *head, "年度目标 慰问困难群众。",
                      "一级指标 二级指标 三级指标 指标值",
                      "成本指标 经济成本指标 资金总投入 ≤20万元",
                      "产出指标 数量指标 慰问人数 ≥550人"])
    (t,), _ = read_performance(split_lines(text))
    assert (t.project, t.unit, t.total_year) == ("某某慰问金", Unit.WAN_YUAN, Decimal("20.00"))
    assert [(f.source, f.year) for f in t.funding] == [("财政拨款", Decimal("20.00")),
                                                       ("其他资金", Decimal("0.00"))]
    # 年度目标 labels the year's goal (no period goal printed)
    assert (t.goal_year, t.goal_period) == ("慰问困难群众。", "")
    assert t.line_of("goals") == 9  # the title is line 1, the head lines 2-8
    assert len(t.indicators_year) == 2


def test_year_goal_label_under_a_period_goal_header() -> None:
    """实施期目标 and 年度目标 printed as the goals' two headers, one a line: 年度目标 is
    the second header of the goals section, not a section of its own."""
    text = "\n".join([
        "某某项目绩效目标表", "项目名称 某某项目", "年度资金总额： 400.00",
        "总体目标", "实施期目标", "年度目标",
        "三年内完成全县360公里农村公路的日常养护，路况", "优良率达到85%以上。",
        "2025年完成120公里农村公路日常养护，消除", "安全隐患点30处。",
        "一级指标 二级指标 三级指标 指标值", "产出指标 数量指标 养护里程 ≥120公里"])
    (t,), _ = read_performance(split_lines(text))
    assert (t.goal_period, t.goal_year) == (
        "三年内完成全县360公里农村公路的日常养护，路况优良率达到85%以上。",
        "2025年完成120公里农村公路日常养护，消除安全隐患点30处。")
