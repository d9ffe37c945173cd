"""Tests for govbudget._ingest._narrative: the overview and narrative readers."""

from __future__ import annotations

import re
import time
from functools import cache

import pytest

from govbudget import (
    Assets,
    Change,
    Finding,
    Money,
    Narrative,
    Procurement,
    Severity,
)
from govbudget._ingest._narrative import read_narrative, read_overview
from govbudget._ingest._text import Line

from .narrative_reading_helpers import (
    CA,
    CP,
    DATA,
    A,
    C,
    D,
    Read,
    S,
    facts,
    lines_of,
    narrative_lines,
    one,
    overview_lines,
    read,
    rules,
    sample,
)


class TestReadOverviewSample:
    def test_fourteen_duties(self) -> None:
        """The sample's 14 numbered duties are read, numbering removed, wrapped lines joined."""
        overview, findings = read_overview(overview_lines())
        assert len(overview.duties) == 14
        assert overview.duties[0] == ("组织协调市人民代表大会会议、省人代会晋城代表团会议、"
                                      "市人大常委会会议、主任会议以及以市人大常委会名义召开的各类会议")
        assert overview.duties[5] == "做好与上下左右办公厅（室），以及机关各机构之间的工作联系、沟通协调"
        assert overview.duties[12].endswith("综合治理等各方面工作")
        assert overview.duties[13] == "完成市人大常委会领导交办的其他工作"
        assert not any(re.match(r"\d", d) for d in overview.duties)
        assert findings == []

    def test_organisation_and_line(self) -> None:
        """The 机构设置 paragraph is joined into one string; the line is the part heading's."""
        overview, _ = read_overview(overview_lines())
        assert overview.organisation.startswith("本单位内设办公室；财政经济委员会；")
        assert overview.organisation.endswith("信访室和事务服务中心。")
        assert "\n" not in overview.organisation
        assert overview.line == 1

    def test_table_title_after_overview_is_not_organisation(self) -> None:
        """A table title that follows the overview (表一…总表) ends it."""
        lines = [*overview_lines(), Line(57, " 表一2024年预算收支总表"), Line(59, "预算公开表1")]
        overview, _ = read_overview(lines)
        assert "表" not in overview.organisation[-5:]
        assert overview.organisation.endswith("信访室和事务服务中心。")


class TestReadOverviewVariants:
    def test_parenthesised_numbers_and_other_headings(self) -> None:
        """（一）-numbered duties under 主要职能 and an organisation under 机构设置 are read."""
        overview, findings = read_overview(lines_of(
            "第一部分 单位概况\n一、主要职能\n"
            "（一）贯彻执行国家教育方针政策，拟订全县教育发展规划；\n"
            "（二）负责全县基础教育的统筹规划和协调管理，指导\n学校教育教学改革；\n"
            "（三）完成县委、县政府交办的其他任务。\n"
            "二、机构设置\n县教育局内设办公室、财务股、人事股3个股室。\n"))
        assert overview.duties == ("贯彻执行国家教育方针政策，拟订全县教育发展规划",
                                   "负责全县基础教育的统筹规划和协调管理，指导学校教育教学改革",
                                   "完成县委、县政府交办的其他任务")
        assert overview.organisation == "县教育局内设办公室、财务股、人事股3个股室。"
        assert findings == []

    def test_inline_numbered_duties(self) -> None:
        """Duties numbered inside one paragraph (主要职责：1.…；2.…) are split; the lead-in goes."""
        overview, _ = read_overview(lines_of(
            "一、部门职责\n主要职责：1.负责本市统计工作；2.组织实施统计调查；3.完成交办事项。\n"
            "二、部门预算单位构成\n本部门预算包括：市统计局本级、市普查中心。\n"))
        assert overview.duties == ("负责本市统计工作", "组织实施统计调查", "完成交办事项")
        assert overview.organisation == "本部门预算包括：市统计局本级、市普查中心。"

    def test_unnumbered_paragraph_is_one_duty(self) -> None:
        """An overview with no numbering keeps its text as one duty."""
        overview, _ = read_overview(lines_of("本单位负责全市档案管理工作，指导档案业务。"))
        assert overview.duties == ("本单位负责全市档案管理工作，指导档案业务",)

    def test_template_residue(self) -> None:
        """Placeholders (XX) in the overview are reported with the overview as location."""
        overview, findings = read_overview(lines_of("一、部门职责\n1.负责XX工作；\n二、机构设置\n下属单位XX个。"))
        assert rules(findings) == ["reading.template_residue"] * 2
        assert all(f.location.section == "overview" and f.severity is Severity.WARNING
                   for f in findings)
        assert [f.location.line for f in findings] == [2, 4]
        assert overview.duties == ("负责XX工作",)

    @pytest.mark.parametrize("text", ["", "\x00\x01\x02", "第一部分 概况", "一、\n二、\n（", "1、" * 500])
    def test_bad_input_never_raises(self, text: str) -> None:
        """Empty, binary-looking or truncated overviews give an overview, never an exception."""
        overview, findings = read_overview(lines_of(text))
        assert isinstance(overview.duties, tuple)
        assert isinstance(findings, list)

    def test_empty(self) -> None:
        """No lines give an empty overview with no line."""
        overview, findings = read_overview([])
        assert overview.duties == () and overview.organisation == "" and overview.line is None
        assert findings == []


# ---------------------------------------------------------------------------
# read_narrative on the sample
# ---------------------------------------------------------------------------




class TestSampleFacts:
    def test_income_total_and_breakdown(self) -> None:
        """预算收入总计, 本年收入 and 上年结转 are read with their values, units and lines."""
        narrative = sample()[0]
        total = facts(narrative, "预算收入总计", A)[0]
        assert (total.value, total.unit, total.line) == (D("2599.99"), "万元", 770)
        assert total.section == "一、单位预算收支数据变动情况及原因"
        assert total.sentence.endswith("预算收入总计2,599.99万元")
        assert total.money == Money("2599.99", "万元")
        current = facts(narrative, "本年收入", A)[0]
        carried = facts(narrative, "上年结转", A)[0]
        assert (current.value, current.line) == (D("2599.99"), 772)
        assert (carried.value, carried.unit, carried.line) == (D("0"), "万元", 772)

    def test_change_after_breakdown_belongs_to_whole(self) -> None:
        """比上年减少465.54万元 after "其中：本年收入…，上年结转…" is the total's change."""
        narrative = sample()[0]
        change = one(narrative, "预算收入总计", CA)
        assert (change.value, change.unit, change.direction, change.compared_to, change.line) == (
            D("465.54"), "万元", Change.DECREASE, None, 772)
        assert change.money == Money("-465.54", "万元")
        pct = one(narrative, "预算收入总计", CP)
        assert (pct.value, pct.unit, pct.direction, pct.line) == (D("15.19"), "%", Change.DECREASE, 774)
        spend = one(narrative, "预算支出总计", CA)
        assert (spend.value, spend.line) == (D("465.54"), 778)
        assert facts(narrative, "本年收入", CA) == [] and facts(narrative, "上年结转", CA) == []

    def test_staff_change_is_a_count_change(self) -> None:
        """在职人员减少4人 is a change of 4 人, not a money figure."""
        changes = facts(sample()[0], "在职人员", CA)
        assert [(f.value, f.unit, f.direction, f.line) for f in changes] == [
            (D("4"), "人", Change.DECREASE, 774), (D("4"), "人", Change.DECREASE, 780)]
        assert all(f.money is None for f in changes)

    def test_income_shares(self) -> None:
        """占x% attaches to the amount it follows, and the income shares add to 100%."""
        narrative = sample()[0]
        share = one(narrative, "一般公共预算拨款收入", S)
        assert (share.value, share.unit, share.line) == (D("100.00"), "%", 786)
        section = "二、收入预算情况说明"
        shares = [f for f in narrative.facts if f.kind is S and f.section == section]
        assert [f.subject for f in shares] == [
            "一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入",
            "财政专户管理资金收入", "单位资金", "上年结转"]
        assert sum(f.value for f in shares) == D("100.00")

    def test_basic_and_project_spending(self) -> None:
        """基本支出 / 项目支出 and their shares; 人员经费 + 公用经费 = 基本支出."""
        narrative = sample()[0]
        assert [f.value for f in facts(narrative, "基本支出", A)] == [D("1705.88"), D("1705.88")]
        assert one(narrative, "基本支出", S).value == D("65.61")
        assert one(narrative, "项目支出", S).value == D("34.39")
        personnel = one(narrative, "人员经费", A)
        public = one(narrative, "公用经费", A)
        assert (personnel.value, personnel.line) == (D("1495.28"), 833)
        assert personnel.value + public.value == D("1705.88")

    def test_grant_totals(self) -> None:
        """财政拨款收支总预算, 一般公共预算拨款 and 当年拨款收入 are normalised."""
        narrative = sample()[0]
        assert one(narrative, "财政拨款收支总计", A).value == D("2599.99")
        grant = one(narrative, "财政拨款收入", A)
        assert (grant.qualifier, grant.value, grant.line) == ("当年", D("2599.99"), 804)
        assert [f.line for f in facts(narrative, "一般公共预算拨款收入", A)] == [786, 802]

    def test_functional_classes(self) -> None:
        """Listed classes (一般公共服务支出…、社会保障和就业支出…) are facts; their shares add up."""
        narrative = sample()[0]
        structure = "（二）一般公共预算当年支出结构情况"
        amounts = [f for f in narrative.facts if f.section == structure and f.kind is A]
        assert [(f.subject, f.value) for f in amounts] == [
            ("一般公共预算支出", D("2599.99")), ("一般公共服务支出", D("2048.87")),
            ("社会保障和就业支出", D("329.24")), ("卫生健康支出", D("91.75")),
            ("住房保障支出", D("130.13"))]
        assert amounts[0].qualifier == "当年"
        assert sum(f.value for f in amounts[1:]) == amounts[0].value
        shares = [f.value for f in narrative.facts if f.section == structure and f.kind is S]
        assert sum(shares) == D("100.00")
        listed = [f.line for f in facts(narrative, "卫生健康支出", A)]
        assert listed == [808, 823]

    def test_three_public(self) -> None:
        """三公经费 and its items; 与上年预算数相同 is a change of 0, direction SAME."""
        narrative = sample()[0]
        total = one(narrative, "三公经费", A)
        assert (total.value, total.line) == (D("1.00"), 849)
        changes = facts(narrative, "三公经费", CA)
        assert [(f.value, f.direction, f.compared_to, f.line) for f in changes] == [
            (D("15.30"), Change.DECREASE, 2023, 849), (D("15.3"), Change.DECREASE, 2023, 853)]
        for item in ("因公出国（境）费", "公务接待费", "公务用车购置费"):
            same = one(narrative, item, CA)
            assert (same.value, same.direction, same.unit) == (D("0"), Change.SAME, "万元")
            assert same.sentence == "与上年预算数相同"
        operation = one(narrative, "公务用车运行维护费", CA)
        assert (operation.value, operation.direction, operation.line) == (
            D("15.30"), Change.DECREASE, 857)
        assert one(narrative, "公务接待费", A).value == D("1.00")

    def test_operating_costs(self) -> None:
        """机关运行经费 210.6, 比2023年预算减少14.05万元, 下降6.25% (compared to 2023)."""
        narrative = sample()[0]
        assert one(narrative, "机关运行经费", A).value == D("210.6")
        change = one(narrative, "机关运行经费", CA)
        pct = one(narrative, "机关运行经费", CP)
        assert (change.value, change.compared_to, change.line) == (D("14.05"), 2023, 862)
        assert (pct.value, pct.compared_to, pct.direction, pct.line) == (
            D("6.25"), 2023, Change.DECREASE, 864)

    def test_performance_projects(self) -> None:
        """Project counts and amounts per category carry the category as qualifier."""
        narrative = sample()[0]
        subject = "纳入绩效目标管理的二级项目"
        assert one(narrative, subject, C, None).value == D("13")
        assert one(narrative, subject, C, None).unit == "个"
        assert one(narrative, subject, A, None).value == D("894.11")
        assert one(narrative, subject, C, "其他运转类项目").value == D("13")
        assert one(narrative, subject, A, "其他运转类项目").value == D("894.11")
        assert one(narrative, subject, C, "特定目标类项目").value == D("0")
        assert one(narrative, subject, A, "特定目标类项目").value == D("0")
        published = "公开项目绩效目标"
        share = one(narrative, published, S)
        assert (share.value, share.line) == (D("100"), 890)
        assert "项目支出总额" in share.sentence
        # The sample states 894.11 for the 0 特定目标类 projects: read as printed.
        assert one(narrative, published, A, "特定目标类项目").value == D("894.11")

    def test_every_money_and_percent_figure_is_placed(self) -> None:
        """Each 万元/% figure printed in the narrative is a fact (or an equipment threshold)."""
        narrative = sample()[0]
        joined = "".join(ln.text.strip() for ln in narrative_lines()).replace(" ", "")
        printed = re.findall(r"\d[\d,]*(?:\.\d+)?(?:万元|%)", joined)
        stated = [f for f in narrative.facts
                  if f.unit in ("万元", "%") and f.direction is not Change.SAME]
        thresholds = [f for f in narrative.facts if f.qualifier and "以上" in f.qualifier]
        assert len(printed) == len(stated) + len(thresholds)

    def test_facts_are_consistent(self) -> None:
        """Every fact names a section, a line of the input and a clause holding its number."""
        narrative = sample()[0]
        titles = {s.title for s in narrative.sections}
        numbers = {ln.no for ln in narrative_lines()}
        assert len(narrative.facts) > 90
        for f in narrative.facts:
            assert f.section in titles
            assert f.line in numbers
            if f.direction is not Change.SAME:
                assert str(f.value) in f.sentence.replace(",", ""), f
            if f.kind in (CA, CP):
                assert f.direction is not None and f.value >= 0


class TestSampleProcurementAndAssets:
    def test_procurement(self) -> None:
        """政府采购预算总额 195.00 = 货物 14.00 + 工程 100.00 + 服务 81.00 (万元)."""
        procurement = sample()[1]
        assert procurement is not None
        assert procurement.total == Money("195.00", "万元")
        assert (procurement.goods, procurement.works, procurement.services) == (
            Money("14.00", "万元"), Money("100.00", "万元"), Money("81.00", "万元"))
        assert procurement.goods + procurement.works + procurement.services == procurement.total
        assert procurement.line == 870

    def test_assets(self) -> None:
        """As-of date, vehicles by category, floor area and equipment counts."""
        assets = sample()[2]
        assert assets is not None
        assert assets.as_of == "2023年12月31日"
        assert assets.line == 2669
        assert assets.floor_area == D("1093.42")
        assert assets.vehicles[:3] == (("编制", 0), ("实有", 0), ("领导用车", 0))
        assert len(assets.vehicles) == 9 and all(n == 0 for _, n in assets.vehicles)
        assert assets.equipment == (("价值50万元（原值）以上的通用设备", 0),
                                    ("价值100万元（原值）以上的通用设备", 0))

    def test_asset_facts(self) -> None:
        """Vehicle and area figures are also facts, with their counting units."""
        narrative = sample()[0]
        area = one(narrative, "办公用房建筑面积", C)
        assert (area.value, area.unit, area.line) == (D("1093.42"), "平方米", 2683)
        leaders = one(narrative, "公务用车", C, "领导用车")
        assert (leaders.value, leaders.unit, leaders.line) == (D("0"), "辆", 2675)
        device = facts(narrative, "通用设备", C)
        assert [(f.unit, f.qualifier, f.line) for f in device] == [
            ("台（套）", "价值50万元（原值）以上", 2689), ("台（套）", "价值100万元（原值）以上", 2691)]


# ---------------------------------------------------------------------------
# read_narrative on other narratives
# ---------------------------------------------------------------------------

COUNTY = """\
一、部门预算收支总体情况
2025年度某县农业农村局预算收入总计12,345.67万元，其中：本年收入12,000.00万元，上年结转345.67万元，比上年增加1,000.00万元，增长8.81%，主要原因是新增高标准农田建设项目。
二、部门收入预算情况
本部门2025年收入预算12,345.67万元，其中：一般公共预算拨款收入10,000.00万元，占81.00%；政府性基金预算拨款收入2,000.00万元，占16.20%；上年结转345.67万元，占2.80%。
三、部门支出预算情况
本部门2025年支出预算12,345.67万元，其中：基本支出2,345.67万元，比上年上升45.67万元，上升1.99%；项目支出10,000.00万元，比上年增加954.33万元。
四、“三公”经费预算情况
2025年“三公”经费预算35,000元，与2024年持平。其中：公务接待费12,000元，比上年增加2,000元，增长20.00%；公务用车运行维护费23,000元，较上年持平。
"""


class TestOtherUnit:
    def test_increases(self) -> None:
        """增加/增长/上升 are increases; another unit and year read the same way."""
        narrative, _, _, findings = read(COUNTY, first=401)
        assert findings == []
        total = one(narrative, "预算收入总计", CA)
        assert (total.value, total.direction, total.line) == (D("1000.00"), Change.INCREASE, 402)
        assert one(narrative, "预算收入总计", CP).value == D("8.81")
        basic = one(narrative, "基本支出", CA)
        assert (basic.value, basic.direction) == (D("45.67"), Change.INCREASE)
        assert one(narrative, "基本支出", CP).direction is Change.INCREASE
        project = one(narrative, "项目支出", CA)
        assert (project.value, project.direction) == (D("954.33"), Change.INCREASE)

    def test_other_wording_of_totals(self) -> None:
        """收入预算 / 支出预算 are the totals; the lead-in (本部门2025年) is trimmed."""
        narrative = read(COUNTY)[0]
        assert [f.value for f in facts(narrative, "预算收入总计", A)] == [D("12345.67")] * 2
        assert one(narrative, "预算支出总计", A).value == D("12345.67")
        assert one(narrative, "政府性基金预算拨款收入", S).value == D("16.20")

    def test_yuan_and_same_with_year(self) -> None:
        """Amounts in 元 keep their unit; 与2024年持平 is SAME compared to 2024."""
        narrative = read(COUNTY)[0]
        three = one(narrative, "三公经费", A)
        assert (three.value, three.unit, three.money) == (D("35000"), "元", Money("3.5", "万元"))
        same = one(narrative, "三公经费", CA)
        assert (same.direction, same.compared_to, same.value, same.unit) == (
            Change.SAME, 2024, D("0"), "元")
        reception = one(narrative, "公务接待费", CA)
        assert (reception.value, reception.unit, reception.direction) == (
            D("2000"), "元", Change.INCREASE)
        assert one(narrative, "公务用车运行维护费", CA).direction is Change.SAME

    def test_procurement_in_yi_yuan(self) -> None:
        """亿元 and 万元 in one statement; bare 货物类/工程类/服务类 inside a 政府采购 section."""
        _, procurement, _, _ = read(
            "九、政府采购情况\n2025年度政府采购预算总额1.2亿元，其中：货物类采购预算2,000万元，"
            "工程类采购预算9,000万元，服务类采购预算1,000万元。")
        assert procurement is not None and procurement.total == Money("1.2", "亿元")
        assert procurement.goods + procurement.works + procurement.services == procurement.total

    def test_percentage_points(self) -> None:
        """下降2.5个百分点 is a relative change in percentage points, not a count."""
        narrative = read("三、支出\n基本支出占65.61%，比上年下降2.5个百分点。")[0]
        change = one(narrative, "基本支出", CP)
        assert (change.value, change.unit, change.direction) == (D("2.5"), "个百分点", Change.DECREASE)
        assert one(narrative, "基本支出", S).value == D("65.61")

    def test_bare_procurement_words_outside_procurement(self) -> None:
        """Outside a procurement section 服务 is not read as a procurement subject."""
        narrative, procurement, _, _ = read("二、其他\n购买服务100.00万元。")
        assert procurement is None
        assert [f.subject for f in narrative.facts] == ["购买服务"]


@cache
def mof9() -> Read:
    """The hand-written 9-table (Ministry of Finance style) narrative, read once."""
    return read((DATA / "mof9-2025.txt").read_text(encoding="utf-8"))


class TestMinistryOfFinanceStyle:
    def test_sections(self) -> None:
        """The 9-table style headings (部门收支总体情况 …, （一）… under 九、) are sections."""
        narrative = mof9()[0]
        titles = [s.title for s in narrative.sections]
        assert titles[:2] == ["一、部门收支总体情况", "二、部门收入总体情况"]
        assert "（三）一般公共预算当年拨款具体使用情况" in titles
        assert titles[-1] == "（四）预算绩效管理情况"

    def test_functional_items(self) -> None:
        """科目X万元 lines: the 项 name is the subject, the 类/款 path the qualifier."""
        narrative = mof9()[0]
        item = one(narrative, "行政运行", A)
        assert (item.value, item.qualifier, item.line) == (
            D("1154.76"), "一般公共服务支出（类）人大事务（款）", 15)
        meeting = one(narrative, "人大会议", CA)
        assert (meeting.value, meeting.direction, meeting.compared_to) == (
            D("20.00"), Change.INCREASE, 2024)
        cls = one(narrative, "一般公共服务支出", A)
        assert (cls.value, cls.qualifier) == (D("2500.00"), None)

    def test_totals_and_changes(self) -> None:
        """收入预算总计 / 支出预算总计; a change after 与2024年相比 is compared to 2024."""
        narrative, _, _, findings = mof9()
        assert findings == []
        assert [f.value for f in facts(narrative, "预算收入总计", A)] == [D("3456.78")] * 2
        grant = one(narrative, "财政拨款收支总计", CA)
        assert (grant.value, grant.direction) == (D("150.00"), Change.INCREASE)
        assert one(narrative, "财政拨款收支总计", CP).direction is Change.INCREASE
        three = one(narrative, "三公经费", CA)
        assert (three.value, three.direction, three.compared_to) == (D("5.00"), Change.DECREASE, 2024)
        abroad = one(narrative, "因公出国（境）费", CA)
        assert (abroad.direction, abroad.compared_to) == (Change.SAME, 2024)
        assert one(narrative, "公务用车购置及运行维护费", A).value == D("30.00")

    def test_procurement_and_assets(self) -> None:
        """A procurement and assets statement in sub-sections of 其他重要事项 are read."""
        _, procurement, assets, _ = mof9()
        assert procurement is not None and procurement.total == Money("12000", "万元")
        assert assets is not None
        assert assets.as_of == "2024年12月31日"
        assert assets.vehicles == (("实有", 5), ("机要通信用车", 1), ("其他用车", 4))
        assert assets.equipment == (("单位价值50万元以上的通用设备", 2),
                                    ("单位价值100万元以上的专用设备", 1))
        assert assets.floor_area is None

    def test_count_named_after_its_number(self) -> None:
        """共6个项目实行绩效目标管理: the subject follows the count; 涉及… continues it."""
        narrative = mof9()[0]
        subject = "纳入绩效目标管理的二级项目"
        assert one(narrative, subject, C).value == D("6")
        assert one(narrative, subject, A).value == D("450.00")






class TestFindings:
    def test_template_residue(self) -> None:
        """XX, ××, 增加（减少）, 增长（下降） are residue; a missing number is never read as 0."""
        narrative, _, _, findings = read(
            "一、收入预算\n某局2025年预算收入总计XX万元，比上年增加（减少）XX万元，增长（下降）××%。")
        assert rules(findings) == ["reading.template_residue"] * 5
        assert [f.actual for f in findings] == ["XX", "增加（减少）", "XX", "增长（下降）", "××"]
        assert all(f.location.line == 2 and f.location.section == "narrative" for f in findings)
        assert narrative.facts == ()

    def test_residue_in_heading(self) -> None:
        """A placeholder in a heading is reported with the heading's line."""
        _, _, _, findings = read("一、XXXX年收入预算\n收入预算总计1.00万元。")
        assert [(f.rule, f.location.line) for f in findings] == [("reading.template_residue", 1)]

    def test_unplaced_percent(self) -> None:
        """A % that is neither a share nor a change is reported, with value and line."""
        narrative, _, _, findings = read("十、其他\n本单位满意度达到\n95%。")
        assert narrative.facts == ()
        (finding,) = findings
        assert finding.rule == "reading.unplaced_figure"
        assert finding.severity is Severity.WARNING
        assert (finding.actual, finding.location.section, finding.location.line) == (
            "95%", "narrative", 3)
        assert finding.message and finding.message_en

    def test_change_of_nothing(self) -> None:
        """A change with nothing stated before it is reported, not guessed."""
        _, _, _, findings = read("比上年增加10.00万元。")
        assert [(f.rule, f.actual) for f in findings] == [("reading.unplaced_figure", "10.00万元")]

    def test_unreadable_number(self) -> None:
        """A malformed number before a money unit (1,2345万元) is reported, not dropped."""
        narrative, _, _, findings = read("一、收入\n收入预算总计1,2345万元。")
        assert narrative.facts == ()
        assert [(f.rule, f.actual, f.location.line) for f in findings] == [
            ("reading.unplaced_figure", "1,2345万元", 2)]

    def test_threshold_without_count(self) -> None:
        """A value threshold (价值50万元以上) with no count after it is reported."""
        _, _, _, findings = read("十一、国有资产\n单位价值50万元以上的设备情况见附表。")
        assert [(f.rule, f.actual) for f in findings] == [("reading.unplaced_figure", "单位价值50万元以上")]


JUNK = [
    "",
    "\x00\x01\x02",
    "万元万元%%% 比上年减少 占",
    "预算收入总计2,5",
    "一、\n二、\n（一）\n十一、",
    "1.2.3万元 ，，，。。。 比上年减少",
    "占" * 300 + "5%",
    "比上年增加" * 100,
    "１２３万元，占４５％",
    "XX" * 100,
    "（）（）（" * 50 + "1万元",
]


class TestRobustness:
    @pytest.mark.parametrize("text", JUNK)
    def test_junk_never_raises(self, text: str) -> None:
        """Empty, junk and truncated narratives give a result, never an exception."""
        narrative, procurement, assets, findings = read(text)
        assert isinstance(narrative, Narrative)
        assert procurement is None or isinstance(procurement, Procurement)
        assert assets is None or isinstance(assets, Assets)
        assert all(isinstance(f, Finding) for f in findings)

    def test_empty(self) -> None:
        """No lines: an empty narrative, no procurement, no assets, no findings."""
        narrative, procurement, assets, findings = read_narrative([])
        assert narrative == Narrative() and procurement is None and assets is None
        assert findings == []

    def test_full_width_digits(self) -> None:
        """Full-width digits and ％ read as ordinary figures."""
        narrative = read("收入预算总计１２３万元，其中：事业收入１２３万元，占１００％。")[0]
        assert one(narrative, "事业收入", S).value == D("100")

    def test_linear_time(self) -> None:
        """A long narrative and a line of many figures read in linear time: ten times the
        text costs about ten times the CPU (a quadratic reader would cost a hundred times;
        the bound of 25 leaves room for a noisy, shared machine). A ratio of CPU times,
        not a wall-clock limit, so a loaded machine does not fail it."""
        block = COUNTY.splitlines()

        def narrative_cpu(n: int) -> float:
            lines = [Line(i + 1, block[i % len(block)]) for i in range(n)]
            start = time.process_time()
            narrative = read_narrative(lines)[0]
            spent = time.process_time() - start
            assert len(narrative.facts) > n
            return spent

        def figures_cpu(n: int) -> float:
            figures = "".join(f"{i}万元，" for i in range(n))
            start = time.process_time()
            findings = read_narrative([Line(1, figures)])[3]
            spent = time.process_time() - start
            assert len(findings) == n
            return spent

        for measure, small in ((narrative_cpu, 1_000), (figures_cpu, 500)):
            measure(small)  # warm the caches
            base = min(measure(small) for _ in range(3))
            big = min(measure(small * 10) for _ in range(2))
            assert big < 25 * max(base, 1e-3), (measure.__name__, base, big)






# ---------------------------------------------------------------------------
# Other layouts: numbered 科目 items, measures, final accounts (issue 11, part 3)
# ---------------------------------------------------------------------------












