"""The column-aware reader of ruled performance target tables (`_ingest._perf_columns`).

Pinned on fuzhou-mzj-2026-budget (tests/data/real, 25 项目支出绩效目标表 in the one-column
layout: 一级/二级 cells merged over rows, names wrapped around their value's line, the
vertical 绩效目标指标 label in the margin); checked on generated grids printed the way
``pdftotext -layout`` prints such a table, and on the same grids as tab-separated cells.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import Report, check_report, read_report
from govbudget._ingest._perf_columns import cells, is_columnar, read_grid
from govbudget._ingest._text import split_lines
from govbudget.indicators import is_valid_levels

REAL = Path(__file__).parent / "data" / "real"


@cache
def fuzhou() -> Report:
    return read_report(REAL / "fuzhou-mzj-2026-budget.txt")


def test_every_fuzhou_table_is_read_whole() -> None:
    tables = fuzhou().performance
    # The document prints 25 tables (e福州留守困境儿童关爱帮扶专栏 twice: L677 and L1741).
    assert len(tables) == 25
    assert sum(len(t.indicators_year) for t in tables) == 167
    for t in tables:
        assert t.project and t.department == "福州市民政局" and t.implementer == "福州市民政局"
        assert t.unit.symbol == "万元" and t.total_year is not None and t.goal_year
        assert [f.source for f in t.funding] == ["财政拨款", "其他资金"]
        # Each table's own identity: 资金总额 = 财政拨款 + 其他资金.
        assert t.total_year == sum((f.year or Decimal(0)) for f in t.funding)
        assert t.indicators_period == ()
        for i in t.indicators_year:
            assert i.name and i.value, (t.project, i)
            assert is_valid_levels(i.level1, i.level2), (t.project, i)


def test_a_fuzhou_table_in_full() -> None:
    """L719 (白内障、血友病…): a wrapped title (…项目绩效目标 / 表), 一级 cells wrapped
    (成本指 / 标), a value wrapped (≥325人、 / 户) around its name's line."""
    t = next(t for t in fuzhou().performance if t.line == 719)
    assert (t.project, t.total_year, t.goal_year) == (
        "白内障、血友病患者医疗救助费用", Decimal("75.00"), "有效减轻白内障、血友病患者在治疗中的经济压力。")
    assert [(i.level1, i.level2, i.name, i.value) for i in t.indicators_year] == [
        ("成本指标", "经济成本指标", "资金使用率", "=100%"),
        ("产出指标", "数量指标", "补助个人（家庭）数量", "≥325人、户"),
        ("产出指标", "质量指标", "资金结算（拨付、下达、发放）准确率", "=100%"),
        ("产出指标", "时效指标", "项目完成的及时率（%）", "≥100%"),
        ("效益指标", "社会效益指标", "受益人数", "≥325人、户"),
        ("满意度指标", "服务对象满意度指标", "受益群体满意度", "≥95%"),
    ]


def test_titles_wrapped_over_lines_and_pieces_above() -> None:
    """A title over three lines (L1522–1524 …方向）项目绩效目标表) and one whose first piece is
    above a complete-looking line (L1567 …乡村振兴 / 补助资金项目绩效目标表) take the whole
    project name; the heading 1.项目支出绩效目标表 (L676) is no table."""
    by_line = {t.line: t.project for t in fuzhou().performance}
    assert by_line[1522] == "提前下达2026年中央财政困难群众救助补助资金（支持困难失能老年人等群体基本养老服务救助方向）"
    assert by_line[1567] == "提前下达2026年中央财政衔接推进老区乡村振兴补助资金"
    assert 676 not in by_line and min(by_line) == 677


def test_fuzhou_performance_findings_with_verdicts() -> None:
    """Every performance finding left on fuzhou, each with its verdict.

    - L743, L750 ``≥325人、户`` and L1633 ``≥4个、所``: genuine values the grammar cannot
      read (two units in one value): ``performance.framework`` warnings, right.
    - L884 ``≤12月`` for 完成时间截止月份: a month deadline the grammar reads as ambiguous
      (``个月`` or a month): warning, right to ask.
    - L871 成本指标 老促会培训总投入 ≤2.5万元 below the 80万元 of the project: the cost of
      one activity of two (慈善总会 and 老促会); the table has no 项目概况 to compare with, so
      the rule notes it (info; it was an error before the reader read this layout).
    Before the column reader: 123 unsplit, 136 framework, 6 name_unit (县（市）区 read as a
    unit), 7 cost_indicator (5 errors), all misreadings of the layout.
    """
    result = check_report(fuzhou())
    found = sorted((f.rule, f.severity.value, f.location.line) for f in result.findings
                   if f.rule.startswith("performance.")
                   or (f.location.section == "performance" and f.rule.startswith("reading.")))
    assert found == [
        ("performance.cost_indicator", "info", 871),
        ("performance.framework", "warning", 743),
        ("performance.framework", "warning", 750),
        ("performance.framework", "warning", 884),
        ("performance.framework", "warning", 1633),
    ]


def test_guangzhou_summary_of_targets_is_no_target_table() -> None:
    """guangzhou-tjj-2026 表7 重点项目预算绩效目标 (项目 / 预算数 / 绩效目标: one row a
    project) is a summary: no performance table or self-evaluation is read from it."""
    r = read_report(REAL / "guangzhou-tjj-2026-budget.txt")
    assert r.performance == () and r.self_evaluations == ()
    assert not [f for f in r.findings if f.location.section in ("performance", "self_evaluation")]


def test_cells_keep_positions_and_tabs() -> None:
    assert [(c.x0, c.x1, c.text) for c in cells("  甲乙   丙")] == [(2, 3, "甲乙"), (7, 7, "丙")]
    assert [c.text for c in cells("a\t\tb")] == ["a", "b"]
    assert [c.text for c in cells("≥110 人   6", words=True)] == ["≥110 人", "6"]


def test_single_spaced_text_is_not_the_column_layout() -> None:
    """Text whose cells are one space apart has lost its geometry: the token reader reads it."""
    chunk = split_lines("甲项目绩效目标表\n一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 人数 ≥1人")
    assert not is_columnar(chunk)
    chunk = split_lines("甲项目绩效目标表\n一级指标   二级指标   三级指标   指标值\n")
    assert is_columnar(chunk)


# -- generated grids, printed as pdftotext prints a ruled table --------------------------

_L2: dict[str, list[str]] = {
    "成本指标": ["经济成本指标", "社会成本指标"],
    "产出指标": ["数量指标", "质量指标", "时效指标"],
    "效益指标": ["社会效益指标", "经济效益指标"],
    "满意度指标": ["服务对象满意度指标"],
}
_NAME_CHARS = "资金拨付及时率受益对象人数培训合格覆盖准确项目完成度"
_COLS = (8, 20, 34, 60)  # where each column's cells start (level1, level2, name, value)
_WIDTH = {0: 4, 1: 6, 2: 12, 3: 8}  # characters a cell holds before it wraps


@st.composite
def grids(draw: st.DrawFn) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    for l1 in draw(st.lists(st.sampled_from(list(_L2)), min_size=1, max_size=4, unique=True)):
        for l2 in draw(st.lists(st.sampled_from(_L2[l1]), min_size=1, max_size=2, unique=True)):
            for _ in range(draw(st.integers(1, 3))):
                name = draw(st.text(_NAME_CHARS, min_size=2, max_size=22))
                value = draw(st.sampled_from(["≥95%", "=100%", "≤30万元", "≥3个", "≥1050000人次",
                                              "≤12个月"]))
                rows.append((l1, l2, name, value))
    return rows


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def render(rows: list[tuple[str, str, str, str]], tabs: bool) -> str:
    """Print rows as a ruled grid: each row as tall as its tallest wrapped cell (name or
    value), its one-line cells on the middle line, every wrapped cell centred on the row,
    一级/二级 cells merged over their rows and centred on them. As tab-separated cells
    (``tabs``) it is as the cell-keeping PDF extraction gives it: a row a line, a wrapped
    cell one field, a merged cell in the first row it spans, blank below."""
    if tabs:
        out_ = ["\t".join(["一级指标", "二级指标", "三级指标", "指标值"])]
        for k, (l1, l2, name, value) in enumerate(rows):
            first1 = k == 0 or rows[k - 1][0] != l1
            first2 = first1 or rows[k - 1][1] != l2
            out_.append("\t".join([l1 if first1 else "", l2 if first2 else "", name, value]))
        return "\n".join(out_)
    lines: dict[int, dict[int, str]] = {}

    def put(line: int, col: int, text: str) -> None:
        lines.setdefault(line, {})[col] = text

    y = 0
    spans: list[tuple[int, int]] = []
    for _, _, name, value in rows:
        parts = {2: _wrap(name, _WIDTH[2]), 3: _wrap(value, _WIDTH[3])}
        height = max(2 * len(p) - 1 for p in parts.values())
        for col, p in parts.items():
            top = y + (height - (2 * len(p) - 1)) // 2
            for k, piece in enumerate(p):
                put(top + 2 * k, col, piece)
        spans.append((y, y + height - 1))
        y += height + 1
    for col in (0, 1):
        k = 0
        while k < len(rows):
            j = k
            while j + 1 < len(rows) and rows[j + 1][col] == rows[k][col] \
                    and rows[j + 1][0] == rows[k][0]:
                j += 1
            pieces = _wrap(rows[k][col], _WIDTH[col])
            mid = (spans[k][0] + spans[j][1]) // 2
            top = mid - (len(pieces) - 1)
            for n, piece in enumerate(pieces):
                put(top + 2 * n, col, piece)
            k = j + 1
    head = "\t".join(["一级指标", "二级指标", "三级指标", "指标值"]) if tabs else (
        " " * _COLS[0] + "一级指标" + " " * 8 + "二级指标" + " " * 10 + "三级指标" + " " * 22 + "指标值")
    out = [head, ""]
    for line in range(min(lines), max(lines) + 1):
        row = lines.get(line, {})
        if tabs:
            out.append("\t".join(row.get(c, "") for c in range(4)))
        else:
            text = ""
            for c in range(4):
                if c in row:
                    text = text.ljust(_COLS[c] + (_WIDTH[c] - len(row[c])) // 2) + row[c]
            out.append(text)
    return "\n".join(out)


@settings(max_examples=60, deadline=None)
@given(grids(), st.booleans())
def test_a_printed_grid_reads_back(rows: list[tuple[str, str, str, str]], tabs: bool) -> None:
    """Whatever rows, wraps and merged cells: the grid printed by positions (or as tab
    fields) reads back to the same rows."""
    got, _ = read_grid(split_lines(render(rows, tabs)))
    assert [(r.level1, r.level2, r.name, r.value) for r in got] == rows


def test_grid_example_as_pdftotext_prints_it() -> None:
    rows = [("产出指标", "数量指标", "资金结算拨付下达及时准确率", "=100%"),
            ("产出指标", "数量指标", "受益人数", "≥1050000人次"),
            ("满意度指标", "服务对象满意度指标", "受益对象满意度", "≥90%")]
    for tabs in (False, True):
        got, _ = read_grid(split_lines(render(rows, tabs)))
        assert [(r.level1, r.level2, r.name, r.value) for r in got] == rows


@pytest.mark.parametrize("bad", ["", "一级指标", "\x00\x01", "一级指标   二级指标   三级指标   指标值"])
def test_odd_grids_give_no_rows_and_no_exception(bad: str) -> None:
    assert read_grid(split_lines(bad))[0] == []


def test_a_table_as_tab_separated_cells() -> None:
    """The same kind of table with its ruled rows as tab-separated cells (empty fields for
    blanks), as a PDF reader that keeps cells gives it."""
    text = "\n".join([
        "某某关爱项目绩效目标表",
        "项目名称\t某某关爱项目",
        "主管部门\t某市民政局\t实施单位\t某市民政局",
        "专项资金情况（万元）\t资金总额\t21.50",
        "\t财政拨款\t21.50",
        "\t其他资金\t0.00",
        "年度目标\t提升关爱服务能力水平。",
        "绩效目标指标\t一级指标\t二级指标\t三级指标\t指标值",
        "\t成本指标\t经济成本指标\t总支出成本控制率\t≤100%",
        "\t产出指标\t数量指标\t媒体发稿数量\t≥3篇",
        "\t效益指标\t社会效益指标\t实现心愿数\t≥800个",
        "备注\t",
    ])
    r = read_report_text(text)
    (t,) = r.performance
    assert (t.project, t.department, t.implementer, t.total_year, t.goal_year) == (
        "某某关爱项目", "某市民政局", "某市民政局", Decimal("21.50"), "提升关爱服务能力水平。")
    assert [(f.source, f.year) for f in t.funding] == [("财政拨款", Decimal("21.50")),
                                                       ("其他资金", Decimal("0.00"))]
    assert [(i.level1, i.level2, i.name, i.value) for i in t.indicators_year] == [
        ("成本指标", "经济成本指标", "总支出成本控制率", "≤100%"),
        ("产出指标", "数量指标", "媒体发稿数量", "≥3篇"),
        ("效益指标", "社会效益指标", "实现心愿数", "≥800个")]
    assert not [f for f in r.findings if f.location.section == "performance"]


def read_report_text(text: str) -> Report:
    from govbudget import read_text

    return read_text(text)


def test_fuzhou_as_tab_separated_cells() -> None:
    """Three fuzhou tables as the cell-keeping PDF extraction gives them: a merged 一级 cell
    is printed in its first row and holds below."""
    from govbudget import read_text

    cells_dir = Path(__file__).parent / "data" / "real-cells"
    r = read_text((cells_dir / "fuzhou-mzj-2026-budget.targets.txt").read_text(encoding="utf-8"))
    assert [t.project for t in r.performance] == [
        "e福州留守困境儿童关爱帮扶专栏", "白内障、血友病患者医疗救助费用", "办公楼租金及物业"]
    by_pos = {t.project: t for t in fuzhou().performance if t.line in (677, 719, 762)}
    for t in r.performance:
        same = by_pos[t.project]
        assert [(i.level1, i.level2, i.name, i.value) for i in t.indicators_year] == [
            (i.level1, i.level2, i.name, i.value) for i in same.indicators_year]
        assert (t.total_year, t.goal_year, [(f.source, f.year) for f in t.funding]) == (
            same.total_year, same.goal_year, [(f.source, f.year) for f in same.funding])


def test_a_huge_grid_is_read_in_reasonable_time() -> None:
    """A grid far larger than any table (3,000 rows, a level cell every row) does not run
    the quadratic partition."""
    import time

    rows = [("产出指标", "数量指标", f"指标{k}", "≥1个") for k in range(3000)]
    text = render(rows, tabs=False)
    start = time.perf_counter()
    got, _ = read_grid(split_lines(text))
    assert len(got) == 3000
    assert time.perf_counter() - start < 20


_WORDS = ["项目名称", "主管部门", "实施单位", "专项资金情况（万元）", "资金总额", "财政拨款", "年度目标",
          "一级指标", "二级指标", "三级指标", "指标值", "成本指标", "满意度指", "标", "≥95%", "12,00",
          "0.00", "备注", "绩效目标表", "项目绩效目标", "表", "\t", "", "  ", "x"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.tuples(st.integers(0, 6), st.sampled_from(_WORDS)), max_size=6),
                max_size=40))
def test_odd_layouts_never_raise(lines: list[list[tuple[int, str]]]) -> None:
    """Whatever words at whatever positions: tables and findings, never an exception."""
    from govbudget._ingest._performance import read_performance

    text = "某项目绩效目标表\n" + "\n".join(
        "".join(" " * gap + word for gap, word in line) for line in lines)
    tables, findings = read_performance(split_lines(text))
    n_lines = text.count("\n") + 1
    assert all(t.line is not None and 1 <= t.line <= n_lines for t in tables)
    assert all(f.rule.startswith("reading.") for f in findings)
