"""Tests for govbudget._ingest._perf_words: the vocabulary of performance target tables
(the value grammar, glued and repeated cells, joined words, titles)."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget._ingest import _perf_words as words
from govbudget._ingest._text import Line

# -- the value recogniser --------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["≥95%", "≤82平方米", "100%", "1800元/人", "470元/人/天", "≤200元/人/天", "≤55把", "3部",
     "≥1套", "14个", "20分钟左右", "6期", "≤60万元", "255.6万元", "3月份", "6月前", "4月",
     "2024年6月底", "2024年12月底", "3月中下旬", "6至7月", "3至8月", "每两月", "每半年", "每两周",
     "每月", "不低于90%", "＞80%", "10-20人", "1,200元", "≥ 95%".replace(" ", ""), "每年11月底前"],
)
def test_value_grammar_accepts(value: str) -> None:
    """Comparisons, numbers with units, dates, months and frequencies read as values."""
    assert words._is_value(value)


@pytest.mark.parametrize("text", ["会议室改造面积（平方米）", "资金支付时间", "（元/人/天）", "及时",
                                  "开展日常调研，执法检查", "", "《全过程人民民主进行时》"])
def test_value_grammar_rejects(text: str) -> None:
    """Names (and qualitative words, handled elsewhere) are not grammar values."""
    assert not words._is_value(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开展座谈、视察等活动内容达标率100%", ("开展座谈、视察等活动内容达标率", "100%")),
        ("《全过程人民民主进行时》20分钟左右", ("《全过程人民民主进行时》", "20分钟左右")),
        ("全年各委室开会、培训次数≤20次", ("全年各委室开会、培训次数", "≤20次")),
        ("《全过程人民民主进行时》每两月", ("《全过程人民民主进行时》", "每两月")),
        ("2024年改造面积82平方米", ("2024年改造面积", "82平方米")),
        ("培训人数不少于20人", ("培训人数", "不少于20人")),
        ("资金节约10%", ("资金节约", "10%")),
        ("会议室改造面积（平方米）", None),
        ("100%", None),
    ],
)
def test_split_glued(text: str, expected: tuple[str, str] | None) -> None:
    """A value-grammar suffix is cut from its name; a name alone or a value alone is not."""
    assert words._split_glued(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("有效展示人民代表大会制度有效展示", ("有效展示人民代表大会制度", "有效展示")),
        ("提高代表人员综合素质与业务水平提高", ("提高代表人员综合素质与业务水平", "提高")),
        ("保障单位日常工作正常开展保障", ("保障单位日常工作正常开展", "保障")),
        ("优化单位工作环境", None),
        ("保障保障", None),
    ],
)
def test_split_repeat(text: str, expected: tuple[str, str] | None) -> None:
    """A final word that also starts the token (or a qualitative word met earlier) is the value."""
    assert words._split_repeat(text) == expected


@pytest.mark.parametrize(
    "texts",
    [["保障"], ["abc", "def"], ["2024", "年"], ["年", "2024"], ["ABC", "123", "中文", "x"],
     ["", "a", "", "b"], [""], ["≥95%", "a1", "1b"], ["（一）", "A", "）", "B"]],
)
def test_join_words_is_join_text(texts: list[str]) -> None:
    """Grid names are joined without `Line` objects, exactly as `join_text` would."""
    from govbudget._ingest._text import join_text

    assert words._join_words(texts) == join_text(Line(i, t) for i, t in enumerate(texts, 1))


def test_value_hint_is_necessary() -> None:
    """The cheap pre-test never rejects what the value grammar accepts."""
    rng = random.Random(11)
    alphabet = "0123456789０１２３４５６７８９%％.,，~～-至到≥≤＞<=≧每两半一二三十百千月年日周次人元万个底前左右及以上"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        full = words._VALUE_RE.fullmatch(text.translate(words._TRANS)) is not None
        assert words._is_value(text) == full, text


def test_titles_and_their_spans() -> None:
    """A title line starts a table; a title broken over lines is one span."""
    lines = [Line(1, "某某县项目支出绩效目标表"), Line(2, "项目名称 会议经费"), Line(3, "某某县项目支出"),
             Line(4, "绩效目标表"), Line(5, "项目名称 培训经费")]
    assert words._is_title(lines[0].text) and not words._is_title(lines[1].text)
    spans = words._title_spans(lines)
    assert spans[0] == (0, 0) and spans[-1][1] == 3


def test_department_code_and_name() -> None:
    """主管部门及代码 gives the code and the name."""
    assert words._department("315-某某局") == ("315", "某某局")


# -- the unit words: one-character words as a class, the same matches as the alternation ---

_UNIT_ALTERNATION = "(?:" + "|".join(map(re.escape, words._UNIT_WORDS)) + ")"
_VALUE_AS_ALTERNATION = re.compile(words._VALUE_RE.pattern.replace(words._UNIT, _UNIT_ALTERNATION))
_VALUE_PIECES = [*words._UNIT_WORDS, "1", "12", ".5", "%", "/", "≥", "不低于", "每", "两", "年", "月",
                 "以上", "左右", "-", "至", "次", "底"]


@given(st.lists(st.sampled_from(_VALUE_PIECES), max_size=6).map("".join))
def test_value_grammar_matches_as_with_the_unit_alternation(text: str) -> None:
    assert _VALUE_AS_ALTERNATION.pattern != words._VALUE_RE.pattern
    for start in range(len(text) + 1):
        a = words._VALUE_RE.fullmatch(text, start)
        b = _VALUE_AS_ALTERNATION.fullmatch(text, start)
        assert (a is None) == (b is None)
        a, b = words._VALUE_RE.match(text, start), _VALUE_AS_ALTERNATION.match(text, start)
        assert (a and a.span()) == (b and b.span())


@given(st.lists(st.sampled_from(["效益指标", "成本指标", "满意度指标", "影响", "指标", "生", "A",
                                 "\n", "㐀"]), max_size=6).map("".join))
def test_l2_fallback_is_the_pattern(text: str) -> None:
    pattern = r"^[\u4e00-\u9fff]{1,8}(?:效益指标|成本指标|影响指标|满意度指标)$"
    assert words._l2_fallback(text) is bool(re.match(pattern, text))


_CODE_PATTERNS = (*words._CODE_RE, re.compile(r"^(\d{2,12})([\u4e00-\u9fff].*)$"))


@given(st.text(alphabet="1203٣基本A-： \n\u4e00\u9fff[]", max_size=16))
def test_department_code_is_read_as_by_the_four_patterns(text: str) -> None:
    t = text.strip(words._SPACES)
    expected: tuple[str | None, str] = (None, t)
    for rx in _CODE_PATTERNS:
        m = rx.match(t)
        if m is not None and m.group(2):
            expected = (m.group(1), m.group(2).strip(words._SPACES))
            break
    assert words._department(text) == expected


@pytest.mark.parametrize(("lines", "unit"), [
    (["专项资金情况（", "财政拨款 20.00", "万元）"], "万元"),
    (["专项资金情况（万", "资金总额 180.00", "元）"], "万元"),
    (["项目资金（亿", "元） 1.5"], "亿元"),
    (["项目资金（", "1,200 元）"], "元"),
    (["资金总额 20.00", "其他资金（自筹） 0.00"], None),
    (["资金总额 20.00"], None),
    (["（元", "）"], "元"),
    (["资金总额 20.00", "其他资金（含捐赠5万元） 0.00"], None),  # opened and closed on a line
    (["其他资金（", "含捐赠（5万元）"], None),
    (["专项资金", "情况（万 财政拨款 1100.00", "元）"], "万元"),  # left open mid-line (pdfplumber)
])
def test_wrapped_unit(lines: list[str], unit: str | None) -> None:
    got = words._wrapped_unit(lines)
    assert (got.symbol if got is not None else None) == unit
