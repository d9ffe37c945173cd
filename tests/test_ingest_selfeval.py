"""The reader of self-evaluation tables (`_ingest._selfeval`), pinned on central-xfj-2024-final
(tests/data/real: four 项目绩效自评表, L705–1104) and on small tables."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import (
    EvaluationFunding,
    Report,
    SelfEvaluation,
    dumps,
    loads,
    read_report,
    read_text,
)
from govbudget._ingest._selfeval import is_self_evaluation_title, read_self_evaluations
from govbudget._ingest._text import split_lines

REAL = Path(__file__).parent / "data" / "real"
D = Decimal


@cache
def central() -> Report:
    return read_report(REAL / "central-xfj-2024-final.txt")


def test_central_tables_and_their_funding() -> None:
    evals = central().self_evaluations
    assert [(e.line, e.project) for e in evals] == [
        (705, "信访干部培训专项"), (806, "信访研究宣传立法专项"), (904, "资产运行维护"),
        (985, "信息化运行维护")]
    assert all(e.department == "[292] 国家信访局" and e.unit.symbol == "万元" for e in evals)
    assert [e.implementer for e in evals] == ["国家信访局", "国家信访局", "国家信访局", "国家信访局本级"]
    # 年度资金总额 rows: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分 (L715, L815, L913, L994).
    assert [(f.initial, f.budget, f.executed, f.weight, f.rate, f.score)
            for e in evals for f in e.funding[:1]] == [
        (D("180.61"), D("180.03"), D("180.03"), D("10.0"), "100.00%", D("10")),
        (D("493.76"), D("536.2"), D("413.57"), D("10.0"), "77.13%", D("7.7")),
        (D("120.00"), D("120.00"), D("120.00"), D("10.0"), "100%", D("10")),
        (D("1638.67"), D("1639.34"), D("1032.99"), D("10.0"), "63.01%", D("6.3")),
    ]
    # The parts, their labels wrapped around their figures (上 / 年结转, 其 / 他资金).
    assert [(f.source, f.budget, f.weight, f.rate) for f in evals[0].funding[1:]] == [
        ("财政拨款", D("140.61"), None, "0.0%"), ("上年结转", D("39.42"), None, "0.0%"),
        ("其他资金", D("0.00"), None, "0.0%")]


def test_central_indicators_read_or_reported() -> None:
    """资产运行维护 (one page) is read whole: 9 rows, 分值 + 得分 as printed, 总分 100 / 98.
    The three others go on over a page where the whole grid moved (its header not
    repeated; pdftotext moves each column by its own offset): the figures there are read
    where the 分值/得分 figures show the move, the names and values are not (reported)."""
    evals = central().self_evaluations
    assets = evals[2]
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in assets.indicators] == [
        ("项目成本控制", "≤120 万元", "120 万元", D(20), D(20)),
        ("保养维护面积", "9562 平方米", "9562 平方米", D(8), D(8)),
        ("绿化面积", "1000 平方米", "1000 平方米", D(8), D(8)),
        ("设备设施零修合格率", "100%", "100%", D(8), D(8)),
        ("保障接访和办公运行事故率", "≤1 次", "0次", D(8), D(8)),
        ("完成对物业公司的考核", "次年 2 月份前", "已于 2025 年 2月完成", D(8), D(8)),
        ("来访群众针对接待环境的投诉次数", "≤4 次", "4次", D(10), D(9)),
        ("接待办公开展情况", "接待工作顺利开展", "圆满完成", D(10), D(9)),
        ("接待场所干部职工满意率", "≥98%", "98%", D(10), D(10)),
    ]
    assert [(e.total_weight, e.total_score) for e in evals] == [
        (D(100), D(98)), (D(100), D("94.7")), (D(100), D(98)), (D(100), D("90.5"))]
    assert [len(e.indicators) for e in evals] == [10, 10, 9, 8]
    assert all(e.complete for e in evals)
    # The first page of 信访干部培训专项, whole (a tall 实际完成值 wrapped around its row).
    first = evals[0].indicators
    assert [(i.name, i.target, i.weight, i.score) for i in first[:8]] == [
        ("参加培训学员人均培训费", "不超标准", D(20), D(20)),
        ("培养实践锻炼、跟班学习干部人数", "≥110 人", D(6), D(6)),
        ("培训人数", "≥300 人", D(6), D(6)), ("培训班次", "≥4 次", D(6), D(6)),
        ("培训合格率", "≥98%", D(8), D(8)), ("培训参与度", "≥95%", D(6), D(6)),
        ("培训计划按期完成率", "≥100%", D(8), D(8)), ("信访工作质量", "有所提高", D(10), D(9))]
    assert first[7].actual.startswith("着力推进信访工作法治化") and first[7].actual.endswith("贡献")
    # Rows on a moved page: figures only.
    assert [(i.name, i.weight, i.score) for i in first[8:]] == [("", D(10), D(9)), ("", D(10), D(10))]
    reported = {f.location.line for f in central().findings
                if f.rule == "reading.incomplete_table" and f.location.section == "self_evaluation"}
    assert reported == {782, 878, 1059}


def test_no_self_evaluation_figure_is_left_unplaced() -> None:
    assert not [f for f in central().findings
                if f.location.section in ("self_evaluation", "performance")
                and f.rule == "reading.unplaced_figure"]


def test_titles() -> None:
    assert is_self_evaluation_title("资产运行维护项目绩效自评表")
    assert is_self_evaluation_title("某项目支出绩效自评表")
    assert not is_self_evaluation_title("部门整体支出绩效自评表")
    assert not is_self_evaluation_title("项目绩效自评表，详见附件。")


TABLE = """某项目绩效自评表
项目名称        某项目
主管部门        某局           实施单位      某局
                      年初预算数       全年预算数       全年执行数      分值        执行率       得分
     年度资金总额：          10.00       10.00       8.00       10      80.00%       8
     其中：财政拨款          10.00       10.00       8.00       --        --        --
  一级指标      二级指标      三级指标        年度指标值       实际完成值      分值      得分
  产出指标      数量指标      培训人数        ≥100人       120人       45      45
  效益指标      社会效益       满意度        ≥90%         95%       45      45
   总分                                                    100     98"""


def test_a_small_table() -> None:
    (e,), findings = read_self_evaluations(split_lines(TABLE))
    assert findings == []
    assert (e.project, e.department, e.implementer) == ("某项目", "某局", "某局")
    assert e.funding == (
        EvaluationFunding("年度资金总额", D("10.00"), D("10.00"), D("8.00"), D(10), "80.00%", D(8),
                          line=5),
        EvaluationFunding("财政拨款", D("10.00"), D("10.00"), D("8.00"), None, "--", None, line=6))
    assert [(i.name, i.target, i.actual, i.weight, i.score) for i in e.indicators] == [
        ("培训人数", "≥100人", "120人", D(45), D(45)), ("满意度", "≥90%", "95%", D(45), D(45))]
    assert (e.total_weight, e.total_score, e.total_line, e.complete) == (D(100), D(98), 10, True)


def test_self_evaluations_round_trip_through_json() -> None:
    r = read_text(TABLE)
    assert r.self_evaluations and loads(dumps(r)) == r


@pytest.mark.parametrize("text", ["某项目绩效自评表", "某项目绩效自评表\n项目名称 某项目\n\x00\x01",
                                  TABLE.split("  一级指标")[0]])
def test_truncated_tables_give_findings_not_exceptions(text: str) -> None:
    evals, findings = read_self_evaluations(split_lines(text))
    assert len(evals) == 1 and isinstance(evals[0], SelfEvaluation)
    assert any(f.rule == "reading.incomplete_table" for f in findings)


CELLS = Path(__file__).parent / "data" / "real-cells"


def test_central_as_tab_separated_cells() -> None:
    """The four tables as the cell-keeping PDF extraction gives them (tests/data/real-cells):
    each row one line, every row read with its levels (a merged cell holds until the next),
    no row left out over the page breaks."""
    r = read_text((CELLS / "central-xfj-2024-final.selfeval.txt").read_text(encoding="utf-8"))
    evals = r.self_evaluations
    assert [(e.project, e.total_weight, e.total_score, len(e.indicators)) for e in evals] == [
        ("信访干部培训专项", D(100), D(98), 10), ("信访研究宣传立法专项", D(100), D("94.7"), 10),
        ("资产运行维护", D(100), D(98), 9), ("信息化运行维护", D(100), D("90.5"), 8)]
    first = evals[0].indicators
    assert [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.score)
            for i in first[8:]] == [
        ("效益指标", "社会效益指标", "信访系统干部整体素质", "有所提高",
         "持续开展分层分类精准培训，信访干部的政治素养和履职能力明显提升，干事创业的精气神持续提振",
         D(10), D(9)),
        ("满意度指标", "服务对象满意度指标", "受训学员满意率", "≥95%", "100%", D(10), D(10))]
    for e in evals:
        weights = [f.weight for f in e.funding if f.weight is not None] + [i.weight for i in e.indicators]
        assert sum(w for w in weights if w is not None) == e.total_weight
    assert not [f for f in r.findings if f.location.section == "self_evaluation"]


def test_a_huge_table_is_read_in_reasonable_time() -> None:
    import time

    head, _, tail = TABLE.partition("  产出指标")
    row = "  产出指标" + tail.split("\n")[0]
    text = head + "\n".join([row] * 3000) + "\n" + TABLE.split("\n")[-1]
    start = time.perf_counter()
    (e,), _ = read_self_evaluations(split_lines(text))
    assert len(e.indicators) == 3000
    assert time.perf_counter() - start < 20


_WORDS = ["项目名称", "主管部门", "实施单", "位", "年初预算数", "全年执行数", "分值", "得", "分", "执行率",
          "年度资金总额：", "--", "0.0%", "10.0", "7.7", "一级指标", "二级指标", "三级指标", "年度指标值",
          "实际完成值", "偏差原因分析", "≥95%", "总分", "100", "\t", "", "x"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 8), st.sampled_from(_WORDS)), max_size=8),
                max_size=40))
def test_odd_layouts_never_raise(lines: list[list[tuple[int, str]]]) -> None:
    text = "某项目绩效自评表\n" + "\n".join(
        "".join(" " * gap + word for gap, word in line) for line in lines)
    evals, _ = read_self_evaluations(split_lines(text))
    assert len(evals) == 1


def test_funding_figures_one_space_apart_are_cells_of_their_own() -> None:
    """Text whose columns stand close (pdfplumber's layout text) prints a funding row's
    figures one space apart (``493.76 536.2``) and the label of the next row with no blank
    line between: each figure is read in its column, the total's label is its own."""
    text = (
        "                      某专项项目绩效自评表\n"
        "            项目名称                        某专项\n"
        "            主管部门        [292] 国家信访局     实施单位            国家信访局\n"
        "                                 年初预算   全年预算\n"
        "                                                全年执行数    分值   执行率    得分\n"
        "                                   数      数\n"
        "                      年度资金总额：     493.76 536.2   413.57  10.0 77.13%  7.7\n"
        "            项目资金          其中：财政\n"
        "                                  473.76 473.76  351.13  --    0.0%   --\n"
        "            （万元）         拨款\n"
        "                           预期目标                         实际完成情况\n")
    (e,), findings = read_self_evaluations(split_lines(text))
    assert [(f.source, f.initial, f.budget, f.executed, f.weight, f.rate, f.score)
            for f in e.funding] == [
        ("年度资金总额", D("493.76"), D("536.2"), D("413.57"), D("10.0"), "77.13%", D("7.7")),
        ("财政拨款", D("473.76"), D("473.76"), D("351.13"), None, "0.0%", None)]
    assert [f.code for f in findings] == ["reading.incomplete_table"]  # no grid here


PLAIN_TABLE = """某项目绩效自评表
项目名称 某项目
主管部门 某局 实施单位 某局
年初预算数 全年预算数 全年执行数 分值 执行率 得分
年度资金总额： 10.00 10.00 8.00 10 80.00% 8
项目资金 其中：财政拨款 10.00 10.00 8.00 -- -- --
上年结转 0.00 0.00
"""


def test_text_without_layout_fills_a_funding_row_one_for_one() -> None:
    """Plain text (figures one space apart all along) tells no column by position: a row
    with a figure in every column is read in the template's order; a shorter one is
    reported, never placed."""
    (e,), findings = read_self_evaluations(split_lines(PLAIN_TABLE))
    assert [(f.source, f.initial, f.budget, f.executed, f.weight, f.rate, f.score)
            for f in e.funding] == [
        ("年度资金总额", D("10.00"), D("10.00"), D("8.00"), D(10), "80.00%", D(8)),
        ("财政拨款", D("10.00"), D("10.00"), D("8.00"), None, "--", None)]
    # 上年结转 0.00 0.00 has two figures: outside a funding row, reported
    assert [f.actual for f in findings if f.rule == "reading.unplaced_figure"] == [
        "0.00", "0.00"]


def test_packed_figures_fewer_than_the_columns_are_reported() -> None:
    text = PLAIN_TABLE.replace("上年结转 0.00 0.00", "上年结转 0.00 0.00 0.00")
    (e,), findings = read_self_evaluations(split_lines(text))
    assert [f.source for f in e.funding] == ["年度资金总额", "财政拨款"]
    unplaced = [f for f in findings if f.rule == "reading.unplaced_figure"]
    assert len(unplaced) == 3 and "columns cannot be told" in unplaced[0].message_en


def test_wrapped_labels_of_packed_rows_name_the_rows_in_turn() -> None:
    """pdfium's plain text prints a wrapped label's pieces above and below the figures
    (``其中：财政`` / ``拨款`` / figures ``上`` / ``年结转`` / figures ``其`` / ``他资金``):
    the pieces' rows cannot be told, but the words name the template's rows in turn."""
    text = ("某项目绩效自评表\n项目名称 某项目\n年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
            "年度资金总额： 12.00 12.00 9.00 10 75.00% 7.5\n其中：财政\n拨款\n"
            "10.00 10.00 7.00 -- 0.0% -- 上\n年结转\n2.00 2.00 2.00 -- 0.0% -- 其\n他资金\n"
            "0.00 0.00 0.00 -- 0.0% --\n")
    (e,), _ = read_self_evaluations(split_lines(text))
    assert [(f.source, f.budget, f.executed) for f in e.funding] == [
        ("年度资金总额", D("12.00"), D("9.00")), ("财政拨款", D("10.00"), D("7.00")),
        ("上年结转", D("2.00"), D("2.00")), ("其他资金", D("0.00"), D("0.00"))]


def test_a_header_printing_the_rate_before_the_weight() -> None:
    """年初预算数 全年预算数 全年执行数 执行率 分值 得分: the template's order would put 80.00%
    under 分值, so the header's order is read (a rate goes under 执行率 only)."""
    text = ("项目支出绩效自评表\n项目名称        某培训项目\n"
            "                       年初预算数       全年预算数       全年执行数      执行率        分值       得分\n"
            "     年度资金总额：          10.00       10.00       8.00       80.00%      10        8\n"
            "     其中：财政拨款          10.00       10.00       8.00       80.00%       --        --\n")
    (e,), _ = read_self_evaluations(split_lines(text))
    assert [(f.weight, f.rate, f.score) for f in e.funding] == [
        (D(10), "80.00%", D(8)), (None, "80.00%", None)]


def test_rates_printed_without_a_percent_sign_follow_the_template() -> None:
    """Plain text whose 执行率 prints without %: the template's order."""
    text = ("某项目绩效自评表\n项目名称 某项目\n年初预算数 全年预算数 全年执行数 分值 执行率 得分\n"
            "年度资金总额： 10.00 10.00 8.00 10 80.00 8\n")
    (e,), _ = read_self_evaluations(split_lines(text))
    assert [(f.weight, f.rate, f.score) for f in e.funding] == [(D(10), "80.00", D(8))]


def test_a_total_wrapped_over_two_lines_gives_no_funding_rows() -> None:
    """Text wrapped at a fixed width splits the 年度资金总额 row's figures over two lines,
    each short of the columns: they are reported, and the rows after them are not taken
    for the total (no funding row is given; the funding is not called missing)."""
    text = PLAIN_TABLE.replace("年度资金总额： 10.00 10.00 8.00 10 80.00% 8",
                               "年度资金总额： 10.00 10.00 8.00\n10 80.00% 8")
    (e,), findings = read_self_evaluations(split_lines(text))
    assert e.funding == ()
    assert [f.actual for f in findings if f.rule == "reading.unplaced_figure"][:6] == [
        "10.00", "10.00", "8.00", "10", "80.00%", "8"]
    incomplete = [f.message for f in findings if f.rule == "reading.incomplete_table"]
    assert incomplete == ["绩效自评表不完整，缺少绩效指标"]  # (no grid printed), not 项目资金


WRAPPED_TOTAL = """某项目绩效自评表
 项目名称                    某项目
                  年初预  全年预算
                              全年执行数  分值  执行率   得分
                   算数    数
        年度资金总额：     1638.67    1639.34       1032.99      10.0     63.01%      6.3
 项目资金       其中：财                                    1357.67    1357.67       751.32       --       0.0%       --
 （万元）     政拨款
"""


def test_a_row_wrapped_to_the_margin_is_not_placed() -> None:
    """Layout text wrapped at a fixed width moves a row's last figures to the margin of
    the next line, under no column: the row and its continuation are reported, not
    placed by position (the total's 1639.34 would be read as its 全年执行数)."""
    (e,), _ = read_self_evaluations(split_lines(WRAPPED_TOTAL))
    assert [(f.source, f.budget, f.executed) for f in e.funding] == [
        ("年度资金总额", D("1639.34"), D("1032.99")), ("财政拨款", D("1357.67"), D("751.32"))]
    wrapped = WRAPPED_TOTAL.replace("1032.99      10.0", "1032.99      \n10.0")
    (e,), findings = read_self_evaluations(split_lines(wrapped))
    assert e.funding == ()
    assert sorted(f.actual for f in findings if f.rule == "reading.unplaced_figure") == sorted(
        ["1638.67", "1639.34", "1032.99", "10.0", "63.01%", "6.3"])
    part = WRAPPED_TOTAL.replace("751.32       --", "751.32       \n--")
    (e,), findings = read_self_evaluations(split_lines(part))
    assert [f.source for f in e.funding] == ["年度资金总额"]  # the part wrapped: not placed


def test_a_figure_cut_by_a_line_break_is_not_placed() -> None:
    """``180`` | ``.03``: the total's 全年执行数 cut by a line break reads as 180 (a figure
    of its own) and its tail as no figure; the row and the next line are reported, and no
    funding row is given."""
    cut = WRAPPED_TOTAL.replace("1032.99      10.0", "1032\n.99      10.0")
    (e,), findings = read_self_evaluations(split_lines(cut))
    assert e.funding == ()
    assert ".99" in [f.actual for f in findings if f.rule == "reading.unplaced_figure"]


def _laid_out(label: str, figures: list[str]) -> str:
    """A funding line as pdftotext lays it out: columns 18 wide, figures at each column's
    left edge (headings centred over them)."""
    out = label.ljust(18)
    for i, v in enumerate(figures):
        out = out.ljust(18 + 18 * i) + v
    return out


def test_a_full_row_starting_left_of_its_heading_is_placed() -> None:
    """A row with a figure in every column whose first figure starts left of the centre
    of a centred heading (figures set at the columns' left edges) is no wrapped row: the
    margin rule is for lines short of the columns (a review's counterexample)."""
    text = "\n".join([
        "某项目绩效自评表", " 项目名称        某项目",
        "                      年初预算数        全年预算数        全年执行数          分值"
        "            执行率            得分",
        _laid_out(" 年度资金总额：", ["10.00", "10.00", "8.00", "10", "80.00%", "8"]),
        _laid_out(" 其中：财政", ["6.00", "6.00", "6.00", "--", "100.00%", "--"]),
        "     拨款", "        上",
        _laid_out("", ["4.00", "4.00", "2.00", "--", "50.00%", "--"]),
        "      年结转"])
    (e,), findings = read_self_evaluations(split_lines(text))
    assert [(f.source, f.budget, f.executed) for f in e.funding] == [
        ("年度资金总额", D("10.00"), D("8.00")), ("财政拨款", D("6.00"), D("6.00")),
        ("上年结转", D("4.00"), D("2.00"))]
    assert "reading.unplaced_figure" not in [f.rule for f in findings]


def test_funding_figures_printed_with_their_unit_are_not_placed() -> None:
    """A funding line printing its figures with their unit (536.20万元): no figure is
    placed in a column (the line's unit may not be the block's), the block gives no
    funding row, and the figures are reported."""
    text = (REAL / "central-xfj-2024-final.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    k = next(i for i, ln in enumerate(lines) if "年度资金总额" in ln and "536.2" in ln)
    lines[k] = lines[k].replace("536.2", "536.2万元", 1)
    report = read_text("\n".join(lines))
    second = report.self_evaluations[1]
    assert second.project == "信访研究宣传立法专项" and second.funding == ()
    assert any(f.code == "reading.unplaced_figure" and f.location.line == k + 1
               for f in report.findings)
    assert [len(e.funding) for e in report.self_evaluations] == [
        len(e.funding) if n != 1 else 0 for n, e in enumerate(central().self_evaluations)]
