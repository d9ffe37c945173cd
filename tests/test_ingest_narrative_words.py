"""Tests for govbudget._ingest._narrative_words: the subject vocabulary's resolution of a clause and the text normalisation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget._ingest._narrative_words import _category, ending_subject, suffix_subject
from govbudget._subjects import SUBJECTS

from .narrative_reading_helpers import (
    D,
    read,
)


class TestSubjects:
    @pytest.mark.parametrize(("clause", "subject", "qualifier"), [
        ("2024年度某某办公室预算收入总计", "预算收入总计", None),
        ("本年单位预算支出总计", "预算支出总计", None),
        ("本年预算安排", "本年支出", None),
        ("上年结转结余", "上年结转", None),
        ("主要包括一般公共预算拨款收入", "一般公共预算拨款收入", None),
        ("政府性基金预算拨款", "政府性基金预算拨款收入", None),
        ("其中：当年拨款收入", "财政拨款收入", "当年"),
        ("一般公共预算当年支出", "一般公共预算支出", "当年"),
        ("一般公共预算安排基本支出", "基本支出", None),
        ("财政拨款安排的“三公”经费预算", "三公经费", None),
        ("因公出国(境)费", "因公出国（境）费", None),
        ("公务用车购置及运行费", "公务用车购置及运行维护费", None),
        ("本单位机关运行经费财政拨款预算", "机关运行经费", None),
        ("机关（机构）运行经费", "机关运行经费", None),
        ("政府采购服务预算", "政府采购服务预算", None),
        ("某局使用的办公用房建筑总面积", "办公用房建筑面积", None),
        ("文化旅游体育与传媒支出", "文化旅游体育与传媒支出", None),
    ])
    def test_normalised(self, clause: str, subject: str, qualifier: str | None) -> None:
        """Wordings before a figure normalise to the subjects checks match against tables."""
        narrative = read(f"一、说明\n{clause}1.00万元。")[0]
        assert [(f.subject, f.qualifier) for f in narrative.facts] == [(subject, qualifier)]

    def test_subject_list_is_documented(self) -> None:
        """SUBJECTS names each normalised subject once, with a pattern."""
        names = [name for name, _ in SUBJECTS]
        assert len(names) == len(set(names))
        assert {"预算收入总计", "三公经费", "政府采购预算总额", "纳入绩效目标管理的二级项目"} <= set(names)


class TestOtherWordings:
    @pytest.mark.parametrize(("clause", "subject"), [
        ("因公出国（境）费预算支出", "因公出国（境）费"),
        ("省检察院2019年度一般公共预算拨款安排的会议费预算支出", "会议费预算支出"),
        ("财政拨款支出预算", "财政拨款支出"),
        ("政府性基金拨款支出预算", "政府性基金预算支出"),
        ("国有资本经营预算拨款支出预算", "国有资本经营预算支出"),
        ("2019年度政府采购支出预算总额", "政府采购预算总额"),
        ("上海市普陀区规划和自然资源局2024年度财政拨款收入支出总计", "财政拨款收支总计"),
        ("国家信访局2024年度收、支总计", "收支总计"),
        ("2024年本单位支出预算", "预算支出总计"),
    ])
    def test_subject(self, clause: str, subject: str) -> None:
        n, *_ = read(f"一、情况\n{clause}12.34万元。\n")
        assert [f.subject for f in n.facts] == [subject]

    def test_carried_over_income_is_not_this_years(self) -> None:
        """上年结转结余的一般公共预算收入 is qualified, not the year's 一般公共预算收入."""
        n, *_ = read("二、收入\n本年一般公共预算收入9,078.52万元；上年结转结余的一般公共预算收入0万元。\n")
        got = [(f.subject, f.qualifier, f.value) for f in n.facts]
        assert got == [("一般公共预算拨款收入", None, D("9078.52")),
                       ("一般公共预算拨款收入", "上年结转", D("0"))]



# ---------------------------------------------------------------------------
# The module's own pieces
# ---------------------------------------------------------------------------


def test_clean_dedoubles_and_drops_stray_spaces() -> None:
    from govbudget._ingest._narrative_words import _clean

    assert _clean("一、收入预算情况说明一、收入预算情况说明") == "一、收入预算情况说明"
    assert _clean("  12.30万元 ，比上年") == "12.30万元，比上年"
    assert _clean("１２．５％") == "12.5%"
    assert _clean("15.3 0") == "15.3 0"  # two ASCII tokens stay apart


@pytest.mark.parametrize(("name", "pattern"), SUBJECTS)
def test_reversed_patterns_match_the_reversed_wordings(name: str, pattern: str) -> None:
    """`_reverse` gives the pattern of the reversed strings: every wording a subject's
    pattern matches, reversed, matches the reversed pattern (so a suffix can be matched
    on the reversed clause)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from govbudget._ingest._narrative_words import _reverse

    reversed_pattern = re.compile(_reverse(pattern))

    @settings(max_examples=25, deadline=None)
    @given(st.from_regex(pattern, fullmatch=True))
    def check(wording: str) -> None:
        assert reversed_pattern.fullmatch(wording[::-1]), (name, wording)

    check()


# -- the reversed vocabulary, against the patterns it was made from -------------------------

_PIECES = sorted({w for _, p in SUBJECTS for w in re.findall(r"[\u4e00-\u9fff]+", p)}
                 | {"总额", "总计", "合计", "总数", "（", "(", "）", ")", "“", "”", "'", "\n",
                    "的", "部门", "境", "机构", "货物", "工程", "服务", "类"})


@given(st.lists(st.sampled_from(_PIECES), max_size=7).map("".join))
def test_ending_subject_is_the_first_pattern_that_ends_the_text(text: str) -> None:
    expected = next((name for name, pattern in SUBJECTS
                     if re.search(f"(?:{pattern})$", text)), None)
    assert ending_subject(text) == expected
    if not text.endswith("\n"):
        assert suffix_subject(text) == expected


@given(st.lists(st.sampled_from(_PIECES), max_size=7).map("".join))
def test_category_is_the_pattern(text: str) -> None:
    assert _category(text) is bool(re.match(r"^[\u4e00-\u9fff]{1,12}类(?:项目)?$", text))


@pytest.mark.parametrize("text", ["办公设备类", "信息化类项目", "类", "A类", "一二三四五六七八九十一二三类",
                                  "一二三四五六七八九十一二类\n", "办公类\n\n"])
def test_category_examples(text: str) -> None:
    assert _category(text) is bool(re.match(r"^[\u4e00-\u9fff]{1,12}类(?:项目)?$", text))
