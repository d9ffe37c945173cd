"""Tests for govbudget.prose._counts: what an indicator's name counts, and the counts a
text states of it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget.prose import _counts as co
from govbudget.prose import counted_objects, name_parts, parse_prose

NAMES = ("购置沙发数量", "会议天数（天）", "更换会议室座椅（套）", "项目成本", "", "培训人数（省代表）",
         "《栏目》总期数", "x")  # fmt: skip
CHARS = ("0", "1", "9", ".", " ", "第", "元", "万", "人", "次", "天", "个", "月", "两", "十", "三",
         "年", "，", "。", "“", "”", "（", "）", "购置", "沙发", "１", "数量", "总期数", "完成",
         "（套）", "（女职工）", "《")  # fmt: skip


def counts(text: str, name: str, unit: str, foreign: tuple[str, ...] = ()) -> list[str]:
    return [c.text for c in parse_prose(text).counts_of(counted_objects(name), unit, foreign)]


def test_objects_of_a_name() -> None:
    """A bracketed word first, then the name without verbs and measure words, its parts."""
    assert counted_objects("培训人数（女职工）")[:2] == (("女职工", True), ("培训", True))
    assert counted_objects("购置书架数量")[0] == ("书架", True)
    objs = counted_objects("专题节目总期数")
    assert objs[0] == ("专题节目", True) and ("专题节", False) in objs
    assert "专题节目" in name_parts("专题节目总期数")


def test_a_count_before_or_after_the_mention() -> None:
    """The number right before the mention, or the first within the clause after it."""
    assert counts("购置沙发14个", "购置沙发数量", "个") == ["14个"]
    assert counts("全年制作12期《专题节目》", "专题节目总期数", "期") == ["12期"]
    assert counts("专题节目，全年共计制作12期", "专题节目总期数", "期") == ["12期"]


def test_what_is_not_a_count_of_the_thing() -> None:
    """Per-unit counts, ranges, other units and other sentences are not the thing's."""
    assert counts("每期节目12分钟", "节目总期数", "期") == []
    assert counts("会议1-2天", "会议天数（天）", "天") == []
    assert counts("沙发。后来又买了14个", "购置沙发数量", "个") == []
    assert counts("沙发14套", "购置沙发数量", "个") == []


def test_a_part_of_another_indicators_object() -> None:
    """A mention of a part (节目) that belongs to another indicator's object does not count."""
    text = "访谈节目6期，专题片节目12期"
    assert counts(text, "访谈节目期数", "期") == ["6期"]
    objects = (("节目", False),)
    assert [c.text for c in parse_prose(text).counts_of(objects, "期", ("专题片",))] == ["6期"]


def test_same_unit() -> None:
    """Aliases of the prose count people and days; units that convert are the same."""
    assert co.same_unit("名", "人") and co.same_unit("日", "天") and co.same_unit("天", "小时")
    assert not co.same_unit("个", "套")


def test_quoted_counts_stand_where_they_are_printed() -> None:
    """Counting ignores quotation marks, yet each count keeps its place in the text."""
    text = "“制作”《专题节目》12期"
    (c,) = parse_prose(text).counts
    assert text[c.start:c.end] == "12期"


@pytest.mark.property
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CHARS + NAMES), max_size=8).map("".join))
def test_objects_and_parts_match_plain_definitions(name: str) -> None:
    objs = co._objects_of(name)
    # The parts of the core follow it: the first object that is not whole.
    first_part = next((i for i, (_, whole) in enumerate(objs) if not whole), None)
    if first_part is not None:
        c = objs[first_part - 1][0]
        subs = {c[i:j] for i in range(len(c)) for j in range(i + 3, len(c) + 1)} - {c}
        plain = sorted(subs, key=lambda s: (-len(s), c.find(s)))
        assert [o for o, whole in objs if not whole and len(o) >= 3] == plain
    texts = {o for o, _ in objs}
    assert co._parts(objs) == {t[i:j] for t in texts for i in range(len(t))
                               for j in range(i + 3, len(t) + 1)}
    assert co._unquoted(name) == name.translate(co._QUOTES)


@pytest.mark.property
@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CHARS), max_size=30).map("".join), st.sampled_from(NAMES))
def test_counts_are_counts_of_the_text(text: str, name: str) -> None:
    """Every count found is one of the text's counts, in the indicator's unit."""
    p = parse_prose(text)
    for c in p.counts_of(counted_objects(name), "个"):
        assert c in p.counts and co.same_unit(c.unit, "个") and c.high is None


@pytest.mark.property
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from((*CHARS, "《", "》", "“", "”", "12期", "3人", "１２个")),
                max_size=30).map("".join))
def test_counts_keep_their_place_in_the_quoted_text(text: str) -> None:
    """Each count's span of the text, read for counting, is the count's own text."""
    from govbudget.prose._scan import _normalised

    for c in parse_prose(text).counts:
        assert co._unquoted(_normalised(text[c.start:c.end])) == c.text


def test_counting_text_is_count_texts_text_without_a_scan() -> None:
    """`counting_text` is the text `count_text` counts in (normalised, no quotation
    marks), made without scanning the text for its figures."""
    from govbudget.prose import _counts

    for raw in ("全年制作《专题节目》１２期", "培训“骨干”3天，共计5000元", "无数字"):
        assert _counts.counting_text(raw) == _counts.count_text(raw)[0]
    assert "《" not in _counts.counting_text("《专题节目》") and "12" in _counts.counting_text("１２期")
