"""Tests for govbudget._ingest._narrative_sections: sections, headings, paragraphs and the text streams."""

from __future__ import annotations

from govbudget import (
    Change,
    FactKind,
)
from govbudget._ingest._narrative import read_narrative
from govbudget._ingest._text import Line

from .narrative_reading_helpers import (
    CA,
    CP,
    SHANGHAI_ITEMS,
    A,
    D,
    lines_of,
    one,
    read,
    sample,
)


class TestSampleSections:
    def test_titles(self) -> None:
        """Numbered headings (一、… 十二、 and （一）…) become sections, de-doubled, in order."""
        narrative = sample()[0]
        assert [s.title for s in narrative.sections] == [
            "一、单位预算收支数据变动情况及原因", "二、收入预算情况说明", "三、支出预算情况说明",
            "四、财政拨款收支预算总体情况说明", "五、一般公共预算支出情况说明",
            "（一）一般公共预算当年支出规模变化情况", "（二）一般公共预算当年支出结构情况",
            "六、一般公共预算基本支出情况说明", "七、“三公”经费增减变动原因说明",
            "八、机关运行经费增减变动原因说明", "九、政府采购情况", "十、绩效管理情况",
            "十一、国有资产占有使用情况", "十二、其他说明", "（一）政府购买服务指导性目录", "（二）其他",
        ]
        assert [s.line for s in narrative.sections][:3] == [768, 782, 792]
        assert narrative.sections[12].line == 2669  # after the jump over the performance tables

    def test_text_joined(self) -> None:
        """A section's text is its lines joined, without the heading and without stray spaces."""
        text = sample()[0].sections[10].text
        assert text.endswith("政府采购预算总额195.00万元。其中：政府采购货物预算14.00万元、"
                             "政府采购工程预算100.00万元、政府采购服务预算81.00万元。")
        assert "\n" not in text and "九、" not in text

    def test_no_findings(self) -> None:
        """Every figure of the sample is placed: no reading findings."""
        assert sample()[3] == []


class TestSplitFigures:
    def test_number_split_across_lines(self) -> None:
        """减少15.3 / 0万元 reads 15.30, on the line where the number starts."""
        narrative = read("二、支出\n本年支出合计1,000.00万元，比上年减少15.3\n\n0万元，下降\n1.51%。", first=50)[0]
        change = one(narrative, "本年支出", CA)
        assert (change.value, change.line, change.sentence) == (D("15.30"), 51, "比上年减少15.30万元")
        pct = one(narrative, "本年支出", CP)
        assert (pct.value, pct.line) == (D("1.51"), 54)

    def test_unit_on_next_line_and_stray_space(self) -> None:
        """2,599.99 / 万元 and a space before ，are read; the fact keeps the number's line."""
        narrative = read("八、机关运行经费\n机关运行经费预算为2,599.99\n万元 ，比上年持平。")[0]
        amount = one(narrative, "机关运行经费", A)
        assert (amount.value, amount.line, amount.sentence) == (
            D("2599.99"), 2, "机关运行经费预算为2,599.99万元")
        same = one(narrative, "机关运行经费", CA)
        assert (same.direction, same.line) == (Change.SAME, 3)

    def test_non_contiguous_pieces(self) -> None:
        """Line numbers jump between pieces; each fact keeps its own line."""
        lines = [Line(10, "九、政府采购情况"), Line(12, "政府采购预算总额5.00万元。"),
                 Line(900, "十一、国有资产占有使用情况"), Line(902, "办公用房建筑面积300平方米。")]
        narrative, procurement, assets, _ = read_narrative(lines)
        assert [f.line for f in narrative.facts] == [12, 902]
        assert procurement is not None and procurement.line == 12
        assert assets is not None and assets.line == 900 and assets.floor_area == D("300")


class TestHeadings:
    def test_doubled_and_variant_headings(self) -> None:
        """Doubled headings collapse; 部门收入预算情况 / （二）支出 are sections too."""
        narrative = read("二、部门收入预算情况二、部门收入预算情况\n收入预算总计1.00万元。\n"
                         "（二）支出\n支出预算总计1.00万元。")[0]
        assert [s.title for s in narrative.sections] == ["二、部门收入预算情况", "（二）支出"]
        assert [f.section for f in narrative.facts] == ["二、部门收入预算情况", "（二）支出"]

    def test_heading_run_into_text(self) -> None:
        """一、收入预算情况：本单位… on one line gives the heading and the text."""
        narrative = read("一、收入预算情况：本单位2025年收入预算总计100.00万元。")[0]
        assert narrative.sections[0].title == "一、收入预算情况"
        assert narrative.sections[0].text == "本单位2025年收入预算总计100.00万元。"
        assert one(narrative, "预算收入总计", A).section == "一、收入预算情况"

    def test_numbered_list_item_is_not_a_heading(self) -> None:
        """（一）科目…X万元，… is an item of a list, not a section."""
        narrative = read("五、支出\n（一）一般公共服务支出（类）人大事务（款）行政运行（项）10.00万元，用于运转。")[0]
        assert [s.title for s in narrative.sections] == ["五、支出"]
        assert one(narrative, "行政运行", A).qualifier == "一般公共服务支出（类）人大事务（款）"


class TestLayout:
    def test_every_line_set_in(self) -> None:
        """A text whose every line is set two spaces in starts a paragraph only further in,
        so a figure broken across lines reads whole."""
        n, *_ = read("       七、一般公共预算支出预算情况说明\n"
                     "       2.自然资源事务（款）一般行政管理事务（项）支出 396.54\n"
                     "  万元，与上年相比减少 2,394.02 万元，减少 85.79%。\n"
                     "       3.其他（项）支出 3.00 万元。\n")
        item = [(f.kind, f.value) for f in n.facts if f.subject == "一般行政管理事务"]
        assert item == [(FactKind.AMOUNT, D("396.54")), (FactKind.CHANGE_AMOUNT, D("2394.02")),
                        (FactKind.CHANGE_PERCENT, D("85.79"))]

    def test_centred_page_number_is_not_part_of_a_figure(self) -> None:
        """比上年预算减少 / (page 30, centred) / 30.8万元 is a decrease of 30.8."""
        n, *_ = read("一、三公\n  公务用车运行维护费预算支出237万元，比上年预算减少\n\n"
                     "                    30\n30.8 万元，主要原因是车辆转隶。\n")
        change = one(n, "公务用车运行维护费", FactKind.CHANGE_AMOUNT)
        assert change.value == D("30.8")

    def test_self_evaluation_table_is_skipped_and_reported(self) -> None:
        """A 项目绩效自评表 printed in the narrative is a grid, not prose: skipped up to the
        next heading, with one reading finding."""
        n, _, _, found = read("十一、绩效\n  项目自评得分为94.7分。\n"
                              "              信访干部培训专项项目绩效自评表\n"
                              "    年度资金总额：        180.61   180.03     180.03    10.0    100.00%\n"
                              "十二、其他\n  机关运行经费支出142.80万元。\n")
        assert [f.subject for f in n.facts] == ["机关运行经费"]
        assert [(f.rule, f.location.line) for f in found] == [("reading.unplaced_figure", 3)]

    def test_vehicles_to_buy_are_not_vehicles_held(self) -> None:
        """共有车辆7辆，其中…其他用车7辆 are held; 预算安排购置车辆1辆，其中…其他用车1辆 are
        to buy (their own subject)."""
        _, _, assets, _ = read(
            "五、国有资产占有使用情况\n"
            "     截至2023年8月31日，本部门共有车辆7辆，其中：机要通信用车0辆、其他用车7辆。\n"
            "     2024年部门预算安排购置车辆1辆，其中：机要通信用车0辆、其他用车1辆。\n")
        assert assets is not None
        assert list(assets.vehicles) == [("实有", 7), ("机要通信用车", 0), ("其他用车", 7)]
        n, *_ = read("五、国有资产\n 2024年部门预算安排购置车辆1辆，其中：其他用车1辆。\n")
        assert [(f.subject, f.qualifier, f.value) for f in n.facts] == [
            ("购置公务用车", "合计", 1), ("购置公务用车", "其他用车", 1)]

    def test_bare_title_opens_a_section(self) -> None:
        """A title alone on its line (2024年部门预算编制说明) is a section heading."""
        n, *_ = read(SHANGHAI_ITEMS)
        assert n.sections[0].title == "2024年部门预算编制说明"



# ---------------------------------------------------------------------------
# The module's own pieces
# ---------------------------------------------------------------------------


def test_sections_and_the_stream_of_their_text() -> None:
    """Numbered headings open sections (with their parent part); a section's stream
    joins its lines with no separator and knows the line of every position."""
    from govbudget._ingest._narrative_sections import _sections, _Stream

    secs = _sections(lines_of("一、收入预算情况说明\n收入1,234.5\n0万元。\n（一）基本支出\n"
                              "基本支出10.00万元。\n", first=10))
    assert [(s.title, s.line) for s in secs] == [("一、收入预算情况说明", 10),
                                                 ("（一）基本支出", 13)]
    stream = _Stream.of(secs[0].pieces)
    assert stream.text == "收入1,234.50万元。"
    assert stream.line_at(0) == 11 and stream.line_at(stream.text.index("0万元")) == 12
    assert secs[1].top == "一、收入预算情况说明"


def test_a_heading_ends_at_its_colon_when_text_follows() -> None:
    """"（二）项目支出：2025年…预算40233.95万" with 元 on the next line: the heading is
    （二）项目支出 and the sentence is read (its figure is not lost in the title)."""
    from decimal import Decimal

    from .narrative_reading_helpers import read

    n, *_ = read("三、支出预算情况说明\n  （二）项目支出：2025年本单位项目支出预算40233.95万\n"
                 "元，主要用于专项业务。\n")
    assert "（二）项目支出" in [s.title for s in n.sections]
    assert [(f.subject, f.value) for f in n.facts] == [("项目支出", Decimal("40233.95"))]


def test_a_line_set_in_after_one_stopped_mid_sentence_goes_on_with_it() -> None:
    """PyMuPDF's sorted text places each line by its first glyph: ``0 辆，…`` may stand
    further in than the lines around it. After ``…离退休干部用车`` (mid-sentence) it is no
    new paragraph: 0辆 stays 离退休干部用车's, not the vehicles' total."""
    from decimal import Decimal

    from .narrative_reading_helpers import read

    text = ("十四、国有资产占用情况说明\n    本单位共有车辆4 辆，其中，领导用车0\n"
            " 辆、执法执勤用车2 辆、离退休干部用车\n   0 辆，其他用车2 辆。\n"
            " 单价100 万元以上的设备4 台（套）。\n")
    n, *_ = read(text)
    assert [(f.qualifier, f.value) for f in n.facts if f.unit == "辆"] == [
        ("实有", Decimal(4)), ("领导用车", Decimal(0)), ("执法执勤用车", Decimal(2)),
        ("离退休干部用车", Decimal(0)), ("其他用车", Decimal(2))]
    # set in after a sentence's end (or a heading), a line still starts a paragraph
    from govbudget._ingest._narrative_sections import _sections

    long = "丙项经费主要用于保障本单位日常运转和各项业务工作的正常开展以及"
    secs = _sections(lines_of(f"一、说明\n  甲10.00万元。\n      乙5.00万元。\n  {long}\n"
                              "      丁5.00万元。\n  戊项\n      己5.00万元。\n"))
    assert [p.para for p in secs[0].pieces] == [False, True, False, False, False, True]


def test_full_width_commas_grouping_digits_are_one_number() -> None:
    """Text typed in full-width mode groups digits with ，: 1，234.50万元 is 1234.50 (not 234.50
    with the 1 lost); a comma between a number and words still separates clauses."""
    from decimal import Decimal

    from .narrative_reading_helpers import read

    n, *_, findings = read("一、收入预算情况说明\n2025年度本单位预算收入１，２３４．５０万元，比上年增加"
                           "1，\n034.00万元。共有车辆3，其中2辆为执法用车。\n")
    assert [(f.kind.name, f.value) for f in n.facts if f.unit == "万元"] == [
        ("AMOUNT", Decimal("1234.50")), ("CHANGE_AMOUNT", Decimal("1034.00"))]
    assert not [f for f in findings if f.rule == "reading.unplaced_figure"]


def test_a_list_of_figures_after_fen_bie_wei_is_no_grouped_number() -> None:
    """分别为100，200，320万元 lists three figures (three-digit groups, no decimals): never
    read as 100200320."""
    from .narrative_reading_helpers import read

    n, *_ = read("三、“三公”经费预算情况说明\n2024年“三公”经费预算数为620.00万元，其中：因公出国（境）费、"
                 "公务接待费、公务用车购置及运行费分别为100，200，320万元。\n")
    assert all(f.value < 1000 for f in n.facts)


def test_three_digit_first_groups_are_grouped_too() -> None:
    """917，500元 and 100，000万元 (whole numbers typed in full-width mode) are one number."""
    from decimal import Decimal

    from .narrative_reading_helpers import read

    n, *_ = read("一、支出预算情况说明\n卫生健康支出917，500元，住房保障支出100，000万元。\n")
    assert [(f.value, f.unit) for f in n.facts] == [
        (Decimal(917500), "元"), (Decimal(100000), "万元")]
