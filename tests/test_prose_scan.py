"""Tests for govbudget.prose._scan: the tokenizer of prose (its patterns pinned to their
plain definitions, order and spans of its tokens)."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget.prose import _scan as sc

FRAGMENTS = ("合计", "共计", "共需", "总合计：", "其中：", "等", "约", "左右", "整", "每人", "每天", "每年",
             "标准", "的标准", "元", "万元", "亿元", "千元", "/人", "/天", "/期", "×", "*", "+", "=", "-",
             "÷", "/", "0", "1", "12", "3.5", "1,000", "20000", "两", "三", "第", "人", "天", "期", "个",
             "套", "把", "次", "平方米", "，", "；", "。", ";", "（", "）", "购置", "沙发", "会期", "会议",
             "节目", "《", "》", " ", "1-2", "至少", "含", "2024年", "3月5日", "%", "个月", "每月")  # fmt: skip
SCAN_CHARS = ("0", "1", "9", ".", ",", " ", "第", "=", "×", "x", "*", "/", "+", "-", "~", "至",
              "元", "万", "亿", "千", "·", "人", "次", "天", "个", "月", "平方米", "两", "十", "三",
              "年", "日", "，", "。", "“", "”", "（", "）", "购置", "沙发", "１", "．")  # fmt: skip
prose_text = st.lists(st.sampled_from(SCAN_CHARS + FRAGMENTS), max_size=40).map("".join)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(t.kind, t.text) for t in sc._scan(text) if t.kind not in ("stop", "reset")]


def test_each_kind_of_figure() -> None:
    """Formulas, rates (both spellings), amounts and quantities, claimed in that order."""
    assert kinds("全年12期合计：12×2500=30000元") == [("qty", "12期"), ("formula", "12×2500=30000元")]
    assert kinds("设备租赁300元/天/台，2天") == [("rate", "300元/天/台"), ("qty", "2天")]
    assert kinds("每人每天约200元的标准") == [("rate", "每人每天约200元的标准")]
    assert kinds("预计需经费3500元，书架6个") == [("money", "3500元"), ("qty", "6个")]


def test_years_dates_and_ordinals_are_not_quantities() -> None:
    """2024年 is a year, 3月5日 a date, 第3期 an ordinal."""
    assert kinds("2024年3月5日召开第3期") == []


def test_flags_of_estimates_bounds_and_exact_amounts() -> None:
    """约/左右 mark an estimate, 至少 a bound, 整 an exact amount."""
    (q,) = [t for t in sc._scan("至少50人") if t.kind == "qty"]
    assert q.bound and not q.approx
    (a,) = [t for t in sc._scan("合计30万元整") if t.kind == "money"]
    assert a.exact
    (b,) = [t for t in sc._scan("约3天左右") if t.kind == "qty"]
    assert b.approx


def test_month_counts_are_months() -> None:
    """个月 and 月 are one unit: a rate per 月 is per 个月, as in the indicator grammar."""
    (q,) = [t for t in sc._scan("按照12个月计算") if t.kind == "qty"]
    assert q.unit == "个月"
    (r,) = [t for t in sc._scan("每月14300元的标准") if t.kind == "rate"]
    assert r.dens == ("个月",)


@pytest.mark.property
@settings(max_examples=300, deadline=None)
@given(prose_text)
def test_scanner_never_fails_keeps_order_and_spans(text: str) -> None:
    """Tokens come in order of position, do not overlap (but stops), and each one's text
    is its span of the text."""
    toks = sc._scan(text)
    assert [t.start for t in toks] == sorted(t.start for t in toks)
    figures = [t for t in toks if t.kind not in ("stop", "reset")]
    for a, b in itertools.pairwise(figures):
        assert a.end <= b.start
    for t in figures:
        assert text[t.start:t.end] == t.text


# -- fast forms pinned to their plain definitions -------------------------------------------

_PLAIN_NUM_FREE = r"(?<![\d.,])" + sc._NUM
_PLAIN_PATTERNS = {
    "formula": (sc._FORMULA_RE, rf"({_PLAIN_NUM_FREE}(?:\s*{sc._OP}\s*{sc._NUM})+)\s*=\s*"
                                rf"({sc._NUM})\s*({sc._MONEY_UNIT})?"),
    "rate": (sc._RATE_SLASH_RE, rf"({_PLAIN_NUM_FREE})\s*({sc._MONEY_UNIT})((?:\s*[/·]\s*"
                                r"(?:人次|人天|课时|学时|小时|[\u4e00-\u9fff]))+)"),
    "money": (sc._MONEY_RE, rf"({_PLAIN_NUM_FREE})\s*({sc._MONEY_UNIT})(?!\s*/)"),
    "qty": (sc._QTY_RE, rf"(?<![\d.,第])({sc._NUM}(?:\s*[-~至到]\s*{sc._NUM})?"
                        rf"|[{sc._CN_DIGITS}]+)\s*(" + "|".join(sc._QTY_UNITS) + ")"),
}


@pytest.mark.property
@settings(max_examples=400, deadline=None)
@given(prose_text)
def test_digit_first_patterns_match_as_lookbehind_first(text: str) -> None:
    # The scanner's patterns test "not glued to a digit before" after the first digit
    # (faster); they must find exactly what the plain lookbehind-first forms find.
    for fast, plain in _PLAIN_PATTERNS.values():
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in re.finditer(plain, text)]


def test_quantity_units_of_several_characters_come_first() -> None:
    # _QTY_RE tries the units of several characters before a class of the single ones:
    # the same as the alternatives in order only while no single comes before a longer one.
    sizes = [len(u) > 1 for u in sc._QTY_UNITS]
    assert sizes == sorted(sizes, reverse=True)


@given(st.text(alphabet="１２３．＋＝＊／－～\u3000abc元", max_size=20))
def test_normalised_maps_one_character_to_one(text: str) -> None:
    """Normalising keeps positions: one character for one, as the plain translation."""
    out = sc._normalised(text)
    assert len(out) == len(text)
    assert out == text.translate(sc._PROSE_TRANS)


def test_digit_groups_of_more_than_three_are_no_number() -> None:
    """``0001,000`` is no number (groups of three after one to three digits), as the
    plain definition says (found by the pattern property above)."""
    assert kinds("0001,000人") == [] and kinds("1,000人") == [("qty", "1,000人")]
    assert kinds("0001,000元") == [] and kinds("1,200元") == [("money", "1,200元")]


@given(st.text(alphabet="合计总共需累小一额金其中含包括abc", max_size=12))
def test_word_searches_are_the_word_lists(text: str) -> None:
    """The total and part searches find what a look for each word finds."""
    assert sc._is_total(text) is any(w in text for w in sc._TOTAL_WORDS)
    assert (sc._PART_RE.search(text) is not None) is any(w in text for w in sc._PART_WORDS)
