"""Tests for govbudget._ingest._titles: the kind a table title names, its number, contents
lines, the unit lines."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import TableKind
from govbudget._ingest._titles import (
    _MONEY_UNIT,
    _UNIT_NAME,
    classify_title,
    generic_title,
    is_toc_line,
    join_wrapped_titles,
    table_number,
)


class TestClassifyTitle:
    @pytest.mark.parametrize(
        ("title", "kind"),
        [
            ("2024年预算收支总表", TableKind.SUMMARY),
            ("2024年预算收入总表", TableKind.INCOME),
            ("2024年预算支出总表", TableKind.EXPENDITURE),
            ("2024年财政拨款收支总表", TableKind.GRANT_SUMMARY),
            ("2024年一般公共预算支出预算表（不含上年结转）", TableKind.GENERAL_EXPENDITURE),
            ("2024年一般公共预算安排基本支出分经济科目表（不含上年结转）", TableKind.BASIC_ECONOMIC),
            ("2024年政府性基金预算收入表（不含上年结转）", TableKind.FUND_INCOME),
            ("2024年政府性基金预算支出表（不含上年结转）", TableKind.FUND_EXPENDITURE),
            ("2024年国有资本经营预算收支预算表（不含上年结转）", TableKind.STATE_CAPITAL),
            ("2024年财政拨款安排“三公”经费支出预算表", TableKind.THREE_PUBLIC),
            ("2024年财政拨款安排机关运行经费预算表", TableKind.OPERATING_COSTS),
            ("2024年项目支出预算表（本年预算）", TableKind.PROJECTS),
            ("2024年项目支出预算表（上年结转）", TableKind.PROJECTS_CARRYOVER),
        ],
    )
    def test_shanxi_13(self, title: str, kind: TableKind) -> None:
        """The 13 Shanxi titles (预算公开表1–13) name their kinds."""
        assert classify_title(title) is kind

    @pytest.mark.parametrize(
        ("title", "kind"),
        [
            ("部门收支总表", TableKind.SUMMARY),
            ("部门收入总表", TableKind.INCOME),
            ("部门支出总表", TableKind.EXPENDITURE),
            ("财政拨款收支总表", TableKind.GRANT_SUMMARY),
            ("一般公共预算支出表", TableKind.GENERAL_EXPENDITURE),
            ("一般公共预算基本支出表", TableKind.BASIC_ECONOMIC),
            ("一般公共预算“三公”经费支出表", TableKind.THREE_PUBLIC),
            ("政府性基金预算支出表", TableKind.FUND_EXPENDITURE),
            ("国有资本经营预算支出表", TableKind.STATE_CAPITAL),
        ],
    )
    def test_mof_9(self, title: str, kind: TableKind) -> None:
        """The Ministry of Finance 9 titles name their kinds."""
        assert classify_title(title) is kind

    @pytest.mark.parametrize(
        ("title", "kind"),
        [
            ("部门财务收支预算总表", TableKind.SUMMARY),
            ("部门收入预算总表", TableKind.INCOME),
            ("部门支出预算总表", TableKind.EXPENDITURE),
            ("部门财政拨款收支预算总表", TableKind.GRANT_SUMMARY),
            ("部门一般公共预算支出功能分类预算表", TableKind.GENERAL_EXPENDITURE),
            ("部门一般公共预算基本支出部门预算经济分类预算表", TableKind.BASIC_ECONOMIC),
            ("部门“三公”经费和机关运行经费预算表", TableKind.THREE_PUBLIC),
            ('部门"三公"经费和机关运行经费预算表', TableKind.THREE_PUBLIC),
            ("部门政府性基金预算支出功能分类预算表", TableKind.FUND_EXPENDITURE),
            ("部门国有资本经营预算支出功能分类预算表", TableKind.STATE_CAPITAL),
        ],
    )
    def test_shanghai_variants(self, title: str, kind: TableKind) -> None:
        """The Shanghai names of the nine tables name the same kinds."""
        assert classify_title(title) is kind

    @pytest.mark.parametrize(
        ("title", "kind"),
        [
            ("部门收支总体情况表", TableKind.SUMMARY),
            ("财政拨款收支总体情况表", TableKind.GRANT_SUMMARY),
            ("一般公共预算基本支出经济分类情况表", TableKind.BASIC_ECONOMIC),
            ("表1 部门收支总表", TableKind.SUMMARY),
            # the unit's whole budget by part, without 总
            ("2024年部门收支预算表", TableKind.SUMMARY), ("单位收入预算表", TableKind.INCOME),
            ("2024年部门支出预算表", TableKind.EXPENDITURE),
            ("2024年一般公共预算支出预算表", TableKind.GENERAL_EXPENDITURE),
            ("2024年部门项目支出预算表", TableKind.PROJECTS),
        ],
    )
    def test_other_wordings(self, title: str, kind: TableKind) -> None:
        """Other wordings seen in catalogues (…总体情况表, …情况表, a 表1 prefix) are read."""
        assert classify_title(title) is kind

    def test_doubled_and_indented(self) -> None:
        """A bold title printed twice, indented with full-width spaces, is still a title."""
        assert classify_title("\u3000\u30002024年预算收支总表2024年预算收支总表") is TableKind.SUMMARY

    def test_carryover_projects_before_projects(self) -> None:
        """The 上年结转 project list is told apart from the 本年 one."""
        assert classify_title("项目支出预算表（上年结转）") is TableKind.PROJECTS_CARRYOVER
        assert classify_title("项目支出预算表（本年预算）") is TableKind.PROJECTS

    @pytest.mark.parametrize(
        "text",
        [
            "（项目绩效目标表公开情况见附件）",
            "2024年项目支出绩效目标表",
            "本单位2024年预算收支总表如下，请查阅。",
            "预算收支总表：见附表",
            "一、单位预算收支数据变动情况及原因",
            "收入总计收入总计 2599.992599.99",
            "",
            "2024年" + "很长的标题" * 12 + "总表",
        ],
    )
    def test_not_titles(self, text: str) -> None:
        """Sentences, performance tables, headings, rows and over-long lines are not titles."""
        assert classify_title(text) is None


class TestTableNumber:
    @pytest.mark.parametrize(
        ("text", "number"),
        [("预算公开表3", "3"), ("       预算公开表12", "12"), ("部门公开表9", "9"),
         ("预算公开表6  ", "6"), ("预算公开表1预算公开表1", "1")],
    )
    def test_numbers(self, text: str, number: str) -> None:
        """The number after 公开表 is read, doubled or indented."""
        assert table_number(text) == number

    @pytest.mark.parametrize("text", ["2024年预算收支总表", "表一2024年预算收支总表", "第3页"])
    def test_none(self, text: str) -> None:
        """Titles and page numbers have no table number."""
        assert table_number(text) is None


class TestFinalTitles:
    @pytest.mark.parametrize(("title", "kind"), [
        ("收入支出决算总表", TableKind.SUMMARY),
        ("收入决算表", TableKind.INCOME),
        ("支出决算表", TableKind.EXPENDITURE),
        ("财政拨款收入支出决算总表", TableKind.GRANT_SUMMARY),
        ("一般公共预算财政拨款支出决算表", TableKind.GENERAL_EXPENDITURE),
        ("一般公共预算财政拨款基本支出决算表", TableKind.BASIC_ECONOMIC),
        ("财政拨款“三公”经费支出决算表", TableKind.THREE_PUBLIC),
        ("政府性基金预算财政拨款收入支出决算表", TableKind.FUND_EXPENDITURE),
        ("国有资本经营预算财政拨款收入支出决算表", TableKind.STATE_CAPITAL),
        ("国有资本经营预算财政拨款支出决算表", TableKind.STATE_CAPITAL),
        ("财政拨款支出决算明细表", TableKind.GRANT_DETAIL),
        ("一般公共预算财政拨款项目支出决算表", TableKind.PROJECTS),
    ])
    def test_titles(self, title: str, kind: TableKind) -> None:
        assert classify_title(title) is kind
        assert classify_title(f"2024年度{title}") is kind


def test_contents_lines_and_generic_titles() -> None:
    assert is_toc_line("2024年部门收支总表......3") and is_toc_line("一、部门收支总表 12")
    assert not is_toc_line("2024年部门收支总表")
    assert generic_title("2024年部门政府采购预算表") and generic_title("表5 政府购买服务预算表")
    assert not generic_title("详见附表") and not generic_title("（项目绩效目标表公开情况见附件）")
    assert not generic_title("部门收支总表......3")


def test_unit_lines() -> None:
    m = _MONEY_UNIT.search("单位名称：某某局 单位：万元")
    assert m is not None and m.group(1) == "万元"
    assert _MONEY_UNIT.search("单位：元") is not None
    assert _MONEY_UNIT.search("单位：元素") is None  # not a money unit
    n = _UNIT_NAME.search("单位名称：某某局 单位：万元")
    assert n is not None and n.group(1) == "某某局"


_FRAGMENTS = ("财政拨款", "支出", "收入", "收支", "决算", "预算", "明细", "表", "项目", "上年结转",
              "及其他", "三公", "经费", "机关运行", "国有资本经营", "政府性基金", "基本", "一般公共",
              "总", "体情况", "2024年", "部门", "（", "）", "“", "”", "分经济科目")


@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=8).map("".join))
def test_each_title_rule_needs_its_word(text: str) -> None:
    # _classify_title asks a rule's word before its pattern: no pattern may match without it.
    from govbudget._ingest._titles import _TITLE_RULES

    for _, rx, word in _TITLE_RULES:
        if rx.search(text):
            assert word in text


_TAILS = st.sampled_from(["表", "...", "…", "·", "-", " ", "\t", "\u3000", "\xa0", "1", "12", "３",
                          "一", "十", "公开表", "预算表", "附", "目录", "：", "\n", "a"])


@given(st.lists(_TAILS, max_size=8).map("".join))
def test_the_cheap_pre_tests_never_hide_a_match(text: str) -> None:
    # _may_end_toc and the last-character test of _table_number only skip searches that
    # cannot match.
    from govbudget._ingest._titles import _NUMBER, _TOC_TAIL, _may_end_toc

    if _TOC_TAIL.search(text):
        assert _may_end_toc(text)
    assert is_toc_line(text) == bool(_TOC_TAIL.search(text.strip()))
    from govbudget._ingest._text import dedouble

    assert (table_number(text) is not None) == bool(_NUMBER.search(dedouble(text).strip()))


@given(st.lists(st.sampled_from(["表", "附", "1", "12", "：", "、", ".", "．", "一", "十", "（", "）",
                                 "(", ")", "公开", "预算", " ", "收支总表", "-"]), max_size=8)
       .map("".join))
def test_drop_prefix_is_the_first_substitution(text: str) -> None:
    from govbudget._ingest._titles import _TITLE_PREFIX, _drop_prefix

    assert _drop_prefix(text) == _TITLE_PREFIX.sub("", text, count=1)


@given(st.lists(st.sampled_from(["单位", "：", ":", " ", "元", "万元", "亿元", "类", "A", "\u3400",
                                 "\u33ff", "1"]), max_size=10).map("".join))
def test_money_unit_search_is_the_pattern_with_its_lookahead(text: str) -> None:
    expected = re.search(r"单位[:：]\s*(万元|元|亿元)(?![\u3400-\u9fff])", text)
    found = _MONEY_UNIT.search(text)
    assert (found and (found.span(), found[1])) == (expected and (expected.span(), expected[1]))


@pytest.mark.parametrize(("lines", "joined"), [
    (["合计 5.00", "财政拨款收入", "支出决算总表"], ["合计 5.00", "财政拨款收入支出决算总表", ""]),
    (["一般公共预算财政", "", "拨款基本支出决算表"], ["一般公共预算财政拨款基本支出决算表", "", ""]),
    (["4．2024年预算单", "位财政拨款收支预算总表"], ["4．2024年预算单位财政拨款收支预算总表", ""]),
    (["十、一般公共预算“", "三公”经费支出预算表"], ["十、一般公共预算“三公”经费支出预算表", ""]),
    # a table's last row over the next title, a summary row, a sentence: kept apart
    (["购房补贴", "一般公共预算财政拨款基本支出决算表"], None),
    (["五、事业收入", "财政拨款收支总表"], None),
    (["详见下表：", "一般公共预算支出表"], None),
    (["301 工资福利支出 5.00", "一般公共预算支出表"], None),
    (["行次", "公开 01 表"], None), (["行政事业单位医疗", "支出决算表"], None),
    (["三、部门预算构成", "第二部分 2026年部门预算表"], None),
    (["四、财政拨款收入支出决算总体情况说明", "续表"], None),
    (["三、国有资本经营预算", "财政拨款收支总体情况表"], None),
])
def test_a_title_wrapped_over_two_lines_is_joined(lines: list[str], joined: list[str] | None
                                                   ) -> None:
    strips, texts = list(lines), list(lines)
    join_wrapped_titles(strips, texts, "\n".join(lines))
    assert strips == (joined or lines)
    assert texts == strips


@pytest.mark.parametrize(("title", "kind"), [
    ("一般公共预算支出表（单位：万元）", TableKind.GENERAL_EXPENDITURE),
    ("收支总表    金额单位：元", TableKind.SUMMARY),
    ("十、一般公共预算“三公”经费支出预算表(单位:万元)", TableKind.THREE_PUBLIC),
    ("单位名称：某局 单位：万元", None),
])
def test_a_unit_after_a_title_leaves_its_kind(title: str, kind: TableKind | None) -> None:
    assert classify_title(title) is kind
