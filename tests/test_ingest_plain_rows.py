"""Rows of text extracted without layout (`govbudget._ingest._plain_rows`)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govbudget._ingest._plain_rows import (
    _codes_in_order,
    _names_apart,
    _repeated_label,
    _rows_of_cells,
    _split_merged_rows,
)
from govbudget._ingest._text import Line, split_lines

_ECON = ["301 工资福利支出", "30101 基本工资", "30102 津贴补贴", "303 对个人和家庭的补助",
         "30302 退休费", "302 商品和服务支出", "30201 办公费", "30211 差旅费"]


def _lines(texts: list[str]) -> list[Line]:
    return [Line(i + 1, t) for i, t in enumerate(texts)]


@given(st.lists(st.sampled_from(_ECON), min_size=1, max_size=8, unique=True),
       st.integers(min_value=1, max_value=4))
def test_rows_run_together_are_cut_where_they_were_joined(rows: list[str], per_line: int
                                                          ) -> None:
    """Rows with a figure each, run together ``per_line`` to a line, come out one a line."""
    texts = [f"{r} {i}.00" for i, r in enumerate(rows, 1)]
    joined = [" ".join(texts[i:i + per_line]) for i in range(0, len(texts), per_line)]
    assert [ln.text for ln in _split_merged_rows(_lines(joined))] == texts


def test_a_total_and_a_figure_start_a_row() -> None:
    cut = _split_merged_rows(_lines(["合计 400.00 301 工资福利支出 300.00"]))
    assert [ln.text for ln in cut] == ["合计 400.00", "301 工资福利支出 300.00"]


@given(st.permutations(["301", "302", "303", "310"]))
def test_one_table_s_classes_in_any_order_are_in_order(classes: list[str]) -> None:
    """Each class with its 款 below it, classes in any order: one table."""
    texts = [t for k in classes for t in (f"{k} 类 1", f"{k}01 款 1", f"{k}02 款 1")]
    assert _codes_in_order(_lines(texts))


@given(st.lists(st.sampled_from(["301", "302", "303"]), min_size=2, max_size=2, unique=True))
def test_two_panels_cut_apart_come_back_to_a_class(pair: list[str]) -> None:
    """Two panels side by side cut apart alternate between their classes."""
    a, b = pair
    texts = [f"{a} 类 1", f"{b} 类 1", f"{a}01 款 1", f"{b}01 款 1"]
    assert not _codes_in_order(_lines(texts))


def test_a_whole_amount_before_a_figure_is_no_code() -> None:
    assert _codes_in_order(split_lines("30201 办公 5\n30000 30000\n30101 基本 3"))
    assert not _codes_in_order(split_lines("30201 办公 5\n30101 基本 3\n30202 印刷 3"))


def test_a_label_word_printed_twice_is_two_panels() -> None:
    assert _repeated_label(["科目编码", "科目名称", "金额", "科目编码", "科目名称", "金额"])
    assert not _repeated_label(["科目编码", "科目名称", "合计", "基本支出", "项目支出"])


def test_one_cell_a_line_rows_put_back_together() -> None:
    body = _lines(["301", "工资福利支出", "3.00", "30101", "基本工资", "1.00", "30102",
                   "津贴补贴", "2.00"])
    assert [(ln.no, ln.text) for ln in _rows_of_cells(body)] == [
        (1, "301 工资福利支出 3.00"), (4, "30101 基本工资 1.00"), (7, "30102 津贴补贴 2.00")]


def test_a_body_of_joined_lines_is_left_as_it_is() -> None:
    body = _lines(["301 工资福利支出 3.00", "30101 基本工资 3.00"])
    assert _rows_of_cells(body) is body


def test_names_printed_around_a_code_line_are_apart() -> None:
    body = _lines(["社会保障和就", "208 754.75 754.75", "业支出", "2080501 行政单位离退休 5.00"])
    assert _names_apart(body) == [2]
    assert _names_apart(_lines(["208 社会保障和就业支出 754.75"])) == []


def test_names_apart_across_blank_lines() -> None:
    """A blank line between every two lines (some extractors' spacing) hides nothing."""
    lines = ["机关事业单位", "", "2080505 446.11 446.11", "", "缴费支出", "", "2080599 其他 0.88"]
    assert _names_apart(_lines(lines)) == [3]
