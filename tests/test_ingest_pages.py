"""Tests for govbudget._ingest._pages: page numbers, running headers and footers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget._ingest._pages import (
    _bare_page_numbers,
    _edge_text,
    _pages_of_feeds,
    _pages_of_marks,
    furniture,
    strip_furniture,
)
from govbudget._ingest._text import Line, split_lines


def texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]


class TestStripFurniture:
    @pytest.mark.parametrize("page", ["-6-", " - 12 - ", "-- 1", "第3页", "第 3 页 共 10 页",
                                      # official documents' forms (GB/T 9704: — 6 —)
                                      "— 6 —", "—6—", "－ 6 －", "– 12 –", "·6·", "• 6 •"])
    def test_page_numbers(self, page: str) -> None:
        """Page numbers in the usual forms are dropped."""
        got = strip_furniture(split_lines(f"上一页的最后一行\n{page}\n下一页的第一行"))
        assert texts(got) == ["上一页的最后一行", "下一页的第一行"]

    def test_keeps_line_numbers(self) -> None:
        """Lines that stay keep their original numbers."""
        got = strip_furniture(split_lines("a\n-1-\nb"))
        assert [(ln.no, ln.text) for ln in got] == [(1, "a"), (3, "b")]

    def test_repeated_running_header(self) -> None:
        """A line that follows two page numbers (blank lines skipped) is a running header,
        dropped after each page number and nowhere else."""
        text = "某某局部门预算\n正文一\n-1-\n\n某某局部门预算\n正文二\n-2-\n某某局部门预算\n正文三"
        got = texts(strip_furniture(split_lines(text)))
        assert got == ["某某局部门预算", "正文一", "", "正文二", "正文三"]

    def test_report_title_once(self) -> None:
        """A report title after a single page number (a two-page report) is a header too."""
        text = "正文一\n-1-\n\n某县教育局2025年单位预算公开报告\n正文二"
        assert texts(strip_furniture(split_lines(text))) == ["正文一", "", "正文二"]

    @pytest.mark.parametrize("row", ["二、政府性基金预算   ", "（一）一般公共预算", "1、国有资本经营预算"])
    def test_enumerated_row_after_page_number_kept(self, row: str) -> None:
        """A table row that ends in 预算 but is enumerated (二、政府性基金预算) is data, not a
        running header, even right after a page number."""
        text = f"一、一般公共预算 10.00\n-1-\n\n{row}\n三、国有资本经营预算"
        assert row in texts(strip_furniture(split_lines(text)))

    def test_once_ordinary_line_kept(self) -> None:
        """An ordinary line seen once after a page number is kept."""
        text = "a\n-1-\n201 一般公共服务支出 10.00\nb"
        assert texts(strip_furniture(split_lines(text))) == ["a", "201 一般公共服务支出 10.00", "b"]

    def test_numbers_in_text_kept(self) -> None:
        """Amounts (negative ones too) and dates alone on a line are not page numbers."""
        text = "2,599.99\n2024\n-465.54\n-465\n1 2 3\n—465\n—\n·\n——465\n－－ 30"
        # (——465: a figure after a blank printed as a dash)
        assert texts(strip_furniture(split_lines(text))) == [
            "2,599.99", "2024", "-465.54", "-465", "1 2 3", "—465", "—", "·", "——465", "－－ 30"]


def test_page_maps_and_bare_page_numbers() -> None:
    assert _pages_of_feeds("a\nb\fc\n\f\fd") == (1, 2, 4)  # a line holds its feeds
    # page numbers printed on lines 1 and 3 (0-based) end pages 1 and 2
    assert _pages_of_marks(6, [1, 3]) == (1, 1, 2, 2, 3, 3)
    assert _pages_of_marks(6, [1]) == ()
    strips = ["3", "正文", "", "12", "下一页", "0"]
    # a small number alone first or last on its page; never 0 (a wrapped figure's tail)
    assert _bare_page_numbers(strips, [1, 1, 1, 1, 2, 2]) == {0, 3}
    # text extracted without layout spaces a centred page number's digits apart (1 0)
    strips = ["合计 5.00", "1 0", "表二", "2 1", "0 5"]
    assert _bare_page_numbers(strips, [1, 1, 2, 2, 3]) == {1, 3}

    # a running footer below the page number: the number is the page's last printed
    # line but for the furniture found already
    strips = ["合计 5.00", "10", "某局2024年部门预算", "表二"]
    assert _bare_page_numbers(strips, [1, 1, 1, 2]) == set()
    assert _bare_page_numbers(strips, [1, 1, 1, 2], {2}) == {1}


HEAD = "上海市某某局2024年度部门决算"


def _pages(*pages: list[str]) -> tuple[list[str], list[int]]:
    strips = [t for page in pages for t in page]
    return strips, [p for p, page in enumerate(pages, 1) for _ in page]


class TestPageEdges:
    def test_running_header_and_footer(self) -> None:
        """A line opening (or closing) two pages or more after the first is furniture;
        the cover keeps its copy, and a bare page number beside it is passed over."""
        strips, pages = _pages([HEAD, "目录"], [HEAD, "行政运行", "", "12"],
                               ["", HEAD, "合计 5.00", "13"], ["正文", "本报告由某某局编制公开", "14"],
                               ["正文", "本报告由某某局编制公开", "15"])
        assert furniture(strips, [], pages) == [2, 7, 11, 14]

    def test_a_page_number_beside_the_header(self) -> None:
        """A running header or footer printing the page's number beside it is the same
        line on every page but for the number."""
        strips, pages = _pages(["封面"], [f"{HEAD}  第 2 页", "行政运行 5.00"],
                               [f"{HEAD}  第 3 页", "合计 5.00", "- 3 -  本报告由某某局编制公开"],
                               ["正文", "- 4 -  本报告由某某局编制公开"])
        assert furniture(strips, [], pages) == [1, 3, 5, 7]

    def test_one_page_s_first_line_is_kept(self) -> None:
        """A text opening only one page is no furniture, nor a table's title repeated
        over its pages, nor its unit line."""
        strips, pages = _pages(["封面"], ["一般公共预算支出表", "单位：万元", "行政运行 5"],
                               ["一般公共预算支出表", "单位：万元", "合计 5"], ["某局2024年部门预算"])
        assert furniture(strips, [], pages) == []

    def test_a_table_s_unit_name_opening_its_pages_is_kept(self) -> None:
        """部门名称：某局 opening every page (drawn first in the PDF's order) is each
        table's own line, never furniture."""
        strips, pages = _pages(["封面"], ["部门名称：某某局机关", "合计 5.00"],
                               ["部门名称：某某局机关", "合计 3.00"], ["部门名称：某某局机关", "合计 2.00"])
        assert furniture(strips, [], pages) == []

    @pytest.mark.parametrize(("text", "furniture_like"), [
        (HEAD, True), ("2024年部门预算公开", True), ("合计      2,599.99", False),
        ("201 一般公共服务支出", False), ("一般公共预算支出表（续）", False), ("单位：万元", False),
        ("项目", False), ("2024", False)])
    def test_edge_text(self, text: str, furniture_like: bool) -> None:
        assert _edge_text(text) is furniture_like


class TestRepeatedTitles:
    def test_report_title_three_times(self) -> None:
        """A report title alone on its line three times is furniture wherever it stands
        (a running header the extractor put mid-page); the cover's copy stays."""
        strips = [HEAD, "目录", "行政运行", HEAD, "机关服务", HEAD, "合计", HEAD]
        assert furniture(strips, []) == [3, 5, 7]

    def test_twice_or_with_figures_is_kept(self) -> None:
        """Twice is a cover and a heading; a row with figures and a table's column
        header are never a report title."""
        strips = ["正文", HEAD, "正文", HEAD, "2024年预算数", "2024年预算数", "2024年预算数",
                  "一般公共预算      2,599.99"] + ["2024年预算  2025年预算"] * 3
        assert furniture(strips, []) == []

    @given(st.lists(st.sampled_from(["行政运行 5.00", "", "合计", "201 一般公共服务支出"]),
                    min_size=3, max_size=30), st.integers(3, 6), st.randoms())
    def test_inserted_running_headers_are_all_found(self, body: list[str], k: int,
                                                    rnd: object) -> None:
        """However the report title is sprinkled over a body of rows (k ≥ 3 copies, none
        on the cover), every copy is found and nothing else is."""
        strips = ["目录", "一", "二", "三", "四", "五", *body]
        for _ in range(k):
            strips.insert(rnd.randrange(6, len(strips) + 1), HEAD)  # type: ignore[attr-defined]
        assert furniture(strips, []) == [i for i, t in enumerate(strips) if t == HEAD]


@pytest.mark.parametrize("mark", ["续表", "（续表）", "(续)", "续表2", "续 表"])
def test_a_continued_mark_is_furniture(mark: str) -> None:
    """A line saying only that a table goes on is no row and no part of a row's name;
    words holding 续 are kept."""
    strips = ["301 工资福利支出 5.00", "其他支出", mark, "继续", "表3（续）", "持续推进"]
    assert furniture(strips, []) == [2]
