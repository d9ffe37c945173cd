"""Cells of wide text lines (layout, tabs, PDF grid) and telling the styles apart."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Doubt, Table, TableKind, Unit
from govbudget._ingest._grid import _cjk_char, text_style, wide_cells, with_cut_figures
from govbudget._ingest._text import split_code, split_lines


def texts(line: str, style: str = "layout") -> list[str]:
    return [c.text for c in wide_cells(line, style)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("line", "cells"), [
    ("201   05   07   专项普查活动  438,300", ["201", "05", "07", "专项普查活动", "438,300"]),
    ("一般公共服务支出 2,932,700", ["一般公共服务支出", "2,932,700"]),
    ("2010101 行政运行       5.00", ["2010101", "行政运行", "5.00"]),
    ("301 2 津贴补贴       5", ["301", "2", "津贴补贴", "5"]),
    ("  2. 政府性基金      三、教育支出    250,000", ["2. 政府性基金", "三、教育支出", "250,000"]),
    ("合   计       24,169.74", ["合计", "24,169.74"]),
    ("24169.74 15844.04", ["24169.74", "15844.04"]),
    ("一、财政拨款收入   156,211,123 一、一般公共服务支出   2,932,700",
     ["一、财政拨款收入", "156,211,123", "一、一般公共服务支出", "2,932,700"]),
])
def test_layout_cells(line: str, cells: list[str]) -> None:
    assert texts(line) == cells


def test_layout_positions_are_character_spans() -> None:
    cells = wide_cells("合计      5.00", "layout")
    assert [(c.start, c.end) for c in cells] == [(0, 2), (8, 12)]


def test_grid_fields_keep_blank_columns() -> None:
    cells = wide_cells("201\t05\t\t一般\t\t5.00", "grid")
    assert [(c.text, c.start) for c in cells] == [("201", 0), ("05", 1), ("一般", 3), ("5.00", 5)]


def test_tabs_have_no_positions() -> None:
    cells = wide_cells("201 \t05 \t行政运行 \t5.00", "tabs")
    assert [c.text for c in cells] == ["201", "05", "行政运行", "5.00"]
    assert not any(c.positioned for c in cells)


def test_styles() -> None:
    assert text_style(["a\t\tb", "c\td"]) == "grid"
    assert text_style(["a \tb", "c \td"]) == "tabs"
    assert text_style(["行政运行        5.00", "合计        5.00"]) == "layout"
    assert text_style(["行政运行 5.00  5.00", "合计 5.00"]) == "single"
    assert text_style([]) == "single"


def test_tabs_for_some_gaps_only_are_no_grid() -> None:
    """A layout text whose wider gaps became tabs: lines set in by spaces, or cells two
    spaces apart inside a field, say a field is no column; only the order is known."""
    grid = ["201\t一般公共服务支出\t5.00\t5.00", "合计\t\t5.00\t5.00"] * 5
    assert text_style(grid) == "grid"
    assert text_style(["          " + ln for ln in grid]) == "tabs"
    assert text_style([*grid[:8], "合计\t5.00  5.00"]) == "tabs"
    # letter-spaced labels in the fields of a ruled table are no such sign
    assert text_style([*grid, "项   目\t\t本年\t上年", "合   计\t\t5.00\t5.00"]) == "grid"
    # lines short of fields in more than a tenth of the pairs: blank cells dropped
    assert text_style([*grid, "合计\t5.00", "行政运行\t5.00\t5.00"]) == "tabs"


@given(st.integers(2, 8), st.lists(st.lists(st.booleans(), min_size=8, max_size=8),
                                   min_size=6, max_size=30))
def test_a_grid_of_any_blanks_is_a_grid_and_without_them_is_not(
        n: int, blanks: list[list[bool]]) -> None:
    """A table's rows with a field for every column (blank cells empty) read as a grid
    however many cells are blank; the same rows with the blank cells dropped, where a
    tenth of neighbouring rows then differ in their fields, do not."""
    rows = [["201", "行政运行"] + ["" if b else "5.00" for b in row[:n]] for row in blanks]
    assert text_style(["\t".join(r) for r in rows]) == "grid"
    dropped = ["\t".join(c for c in r if c) for r in rows]
    counts = [ln.count("\t") for ln in dropped]
    differ = sum(a != b for a, b in itertools.pairwise(counts))
    if differ * 10 > len(dropped) - 1:
        assert text_style(dropped) == "tabs"


@given(st.lists(st.sampled_from(["201", "行政运行", "5.00", "合计", "0.00"]), min_size=1,
                max_size=5), st.sampled_from(["5.00", "2010101"]), st.integers(2, 6),
       st.integers(1, 8))
def test_a_figure_a_gap_from_a_cell_in_a_field_is_no_grid(cells: list[str], figure: str,
                                                          gap: int, rows: int) -> None:
    """However many rows repeat it, a figure a gap of spaces from another cell inside one
    field means the fields are not columns."""
    line = "\t".join([*cells, figure + " " * gap + "5.00"])
    assert text_style([line] * rows) == "tabs"


@given(st.lists(st.text(alphabet="一二三支出", min_size=2, max_size=6), min_size=1, max_size=6),
       st.integers(min_value=4, max_value=9))
def test_layout_cells_round_trip(words: list[str], gap: int) -> None:
    """Cells separated by runs of spaces come back as printed, at their positions (words
    of one ideograph are the letter-spaced case, joined on purpose)."""
    line = (" " * gap).join(words)
    cells = wide_cells(line, "layout")
    assert all(line[c.start:c.end] == c.text for c in cells)
    assert "".join(c.text for c in cells) == "".join(words)


def test_code_in_brackets_or_glued_to_its_name() -> None:
    assert texts("[30101]基本工资        927.35") == ["30101", "基本工资", "927.35"]
    assert [c.text for c in wide_cells("[301]工资福利支出\t7,131.66", "grid")] == [
        "301", "工资福利支出", "7,131.66"]
    assert texts("2024年预算数      5.00") == ["2024年预算数", "5.00"]  # a year is no code


@given(st.text(alphabet="一鿿㐀\u33ff\ua000A\n ", max_size=3))
def test_cjk_char_is_the_pattern(text: str) -> None:
    assert _cjk_char(text) is bool(re.match(r"^[\u3400-\u9fff]$", text))


@given(st.text(alphabet="1203٣基A-－[]【】 \n\u3400\u33ff", max_size=12))
def test_split_code_is_the_patterns_with_their_lookaheads(text: str) -> None:
    glued = re.match(r"^(\d{3}(?:\d{2}){0,3})[-－ ]?(?=[\u3400-\u9fff])", text)
    bracketed = re.match(r"^[\[【［(（](\d{3}(?:\d{2}){0,3})[\]】］)）]\s*(?=\D)", text)
    expected = (bracketed[1], bracketed.end()) if bracketed and len(text) > bracketed.end() \
        else None if bracketed else (glued[1], glued.end()) if glued else None
    assert split_code(text) == expected


def test_a_code_in_its_name_s_cell_is_split_off() -> None:
    assert texts("2010101行政运行      5.00") == ["2010101", "行政运行", "5.00"]
    assert texts("[30101]基本工资      5.00") == ["30101", "基本工资", "5.00"]
    assert texts("30101-基本工资      5.00") == ["30101", "基本工资", "5.00"]


def test_blanks_marked_by_text_with_one_cell_a_line() -> None:
    """PyMuPDF's text, one cell a line, ends lines with spaces and sometimes puts two
    between cells it joined: it marks no blank cell."""
    from govbudget._ingest._grid import blanks_marked

    lines = ["301  ", "工资福利支出 ", "3.00  3.00 ", "30101 ", "基本工资 ", "1.00 ", "30102 "]
    assert not blanks_marked(lines)
    assert blanks_marked(["2010101 行政运行 5.00  5.00"] * 7)


def test_one_line_with_a_blank_beside_a_figure_marks_the_blanks() -> None:
    """One line is evidence enough (plain text never prints two spaces beside a figure);
    a header's letter-spaced 项  目 is none."""
    from govbudget._ingest._grid import blanks_marked

    plain = ["项  目 合计 基本支出", "合计 5.00 5.00", "2010101 行政运行 5.00 5.00"]
    assert not blanks_marked(plain)
    assert blanks_marked([*plain, "2010102 一般行政管理事务  5.00"])
    assert blanks_marked([*plain, "2010102 一般行政管理事务 5.00  "])


def test_one_cell_a_line_needs_more_lone_figures_than_joined_lines() -> None:
    """Sample-style text whose rows are mostly empty (names with no figure) has lines with
    no space too; it is one cell a line only when lone figures outnumber joined lines."""
    from govbudget._ingest._grid import one_cell_a_line

    empty_rows = ["合计 3.00 3.00", *(f"{n}、支出" for n in "一二三四五六七八")]
    assert not one_cell_a_line(empty_rows)  # no lone figure at all
    assert not one_cell_a_line([*empty_rows[:6], "3.00"])  # one lone figure, one joined line
    pymupdf = ["合计 3.00", "301", "工资福利支出", "3.00", "30101", "基本工资", "1.00", "2.00"]
    assert one_cell_a_line(pymupdf)  # three lone figures over one joined line


def test_a_double_space_in_a_title_or_beside_column_numbers_is_no_evidence() -> None:
    """The gap must stand beside an amount: ``预算公开表3  2024年预算支出总表`` and
    ``栏次  1  2`` are no blank cells."""
    from govbudget._ingest._grid import blanks_marked

    lines = ["预算公开表3  2024年预算支出总表", "栏次  1  2  3", "合计 80.00 50.00 30.00",
             "2010101 行政运行 50.00 50.00"]
    assert not blanks_marked(lines)
    assert blanks_marked([*lines, "2010102 一般行政管理事务  30.00 30.00"])


@pytest.mark.parametrize(("text", "cut"), [
    ("2.85  0\n.39", (2,)), ("合计 2.85 0\n .39 注", (2,)), ("合计\t2.85\t0\n．39", (2,)),
    ("2.85  0.39", ()), ("注：1.按规定 .xls 文件", ()), ("第3.5条", ())])
def test_a_figure_s_cut_tail_makes_the_table_doubtful(text: str, cut: tuple[int, ...]) -> None:
    table = Table(kind=TableKind.EXPENDITURE, number="", title="", unit=Unit.WAN_YUAN,
                  doubts=(Doubt("header", "h"),))
    got = with_cut_figures(table, split_lines(text))
    assert [d.lines for d in got.doubts if d.reason == "amounts"] == ([cut] if cut else [])
    assert got.doubts[0].reason == "header"  # the reader's own doubts kept


def test_a_table_in_a_unit_not_read_is_doubtful_not_read_as_wan_yuan() -> None:
    """A table printing 单位：千元 is doubtful (``unit``), with no 'no unit printed'
    finding; one printing 万元 is not."""
    import govbudget

    head = "一般公共预算支出表\n单位：{}\n科目编码 科目名称 合计 基本支出 项目支出\n"
    rows = "合计 5.00 3.00 2.00\n201 一般公共服务支出 5.00 3.00 2.00\n"
    odd = govbudget.read_text(head.format("千元") + rows)
    assert [d.reason for d in odd.tables[0].doubts] == ["unit"]
    assert not [f for f in odd.findings if f.code == "reading.missing_unit"]
    assert "reading.doubtful_table" in {f.code for f in govbudget.check_report(odd).findings}
    assert govbudget.read_text(head.format("万元") + rows).tables[0].doubts == ()


def test_figures_with_their_unit_make_a_table_doubtful() -> None:
    import govbudget

    text = ("一般公共预算支出表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n"
            "合计 5.00万元 3.00万元 2.00万元\n201 一般公共服务支出 5.00 3.00 2.00\n")
    table = govbudget.read_text(text).tables[0]
    assert [d.reason for d in table.doubts][-1:] == ["amounts"]
    assert table.doubts[-1].lines == (4,)
