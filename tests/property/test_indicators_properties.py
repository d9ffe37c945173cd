"""Property tests for the indicator grammar and scoring."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from govbudget import IndicatorSyntaxError
from govbudget.indicators import (
    TARGET_TYPES,
    Comparison,
    Frequency,
    FrequencyUnit,
    Part,
    Period,
    Qualitative,
    Quantity,
    Range,
    Relation,
    Target,
    TimePoint,
    Unparsed,
    evaluate,
    parse_target,
)
from govbudget.indicators._model import format_decimal, is_calendar_year
from govbudget.indicators._parser import _fast, _Parser
from govbudget.indicators._tokenizer import normalise

pytestmark = pytest.mark.property

numbers = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(Decimal),
    st.decimals(
        min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False
    ),
)
KNOWN_UNITS = ["", "%", "‰", "元", "万元", "亿元", "人", "人次", "个", "套", "把", "期", "部", "次",
               "天", "场", "项", "平方米", "分钟", "小时", "元/人", "元/人/天", "次/年", "元/期", "个月",
               "年", "万", "万人次", "M", "km", "公里", "辆", "台", "户", "件", "篇", "家", "所", "亩"]  # fmt: skip
CJK = "人个套把期部次天场项米分钟小时辆台份户件篇家所公里亩批条册幅门座间张本只"
units = st.one_of(
    st.sampled_from(KNOWN_UNITS),
    st.text(alphabet=CJK, min_size=1, max_size=4),
    st.tuples(
        st.text(alphabet=CJK, min_size=1, max_size=2), st.text(alphabet=CJK, min_size=1, max_size=2)
    ).map("/".join),
)


def _build(cls: type, *args: object) -> Target:
    try:
        return cls(*args)  # type: ignore[no-any-return]
    except ValueError:
        assume(False)
        raise  # pragma: no cover


quantities = st.builds(
    lambda c, v, u: _build(Quantity, c, v, u), st.sampled_from(Comparison), numbers, units
)
ranges = st.builds(lambda a, b, u: _build(Range, min(a, b), max(a, b), u), numbers, numbers, units)
time_points = st.builds(
    lambda y, m, d, p, r: _build(TimePoint, y, m, d, p, r),
    st.none() | st.integers(1900, 2199),
    st.none() | st.integers(1, 12),
    st.none() | st.integers(1, 31),
    st.none() | st.sampled_from(Part),
    st.sampled_from(Relation),
)
at_points = time_points.filter(lambda t: t.relation is Relation.AT)  # type: ignore[union-attr]
month_periods = st.builds(
    lambda y, m1, m2, p1, p2: _build(
        Period, TimePoint(y, min(m1, m2), part=p1), TimePoint(y, max(m1, m2), part=p2)
    ),
    st.none() | st.integers(1900, 2199),
    st.integers(1, 12),
    st.integers(1, 12),
    st.none() | st.sampled_from([Part.FIRST_TEN, Part.LAST_TWENTY, Part.END]),
    st.none() | st.sampled_from([Part.MIDDLE_TEN, Part.END]),
)
periods = st.builds(lambda a, b: _build(Period, a, b), at_points, at_points) | month_periods
frequencies = st.builds(
    Frequency.of, st.integers(1, 10**4), st.sampled_from(FrequencyUnit), st.integers(1, 50)
)
qualitative_text = st.text(
    alphabet=st.sampled_from("及时优化保障提高确保有效展示进一步增强达成年度指标预期良中差合格按期完成明显提升（），、 abc7")
    , min_size=1, max_size=12,
)  # fmt: skip
qualitatives = st.builds(lambda t: _build(Qualitative, t), qualitative_text)
targets = st.one_of(quantities, ranges, time_points, periods, frequencies, qualitatives)

PIECES = ["≥", "≤", ">", "<", "=", "≈", ">=", "不低于", "达到", "控制在", "约", "以上", "以下", "以内",
          "内", "左右", "前", "后", "底", "初", "中下旬", "至", "-", "~", "—", "月", "月份", "年", "日",
          "每", "两", "半", "次", "个", "%", "％", "万元", "元", "/", "人", "天", "2024", "2023", "12",
          "6", "3", "0", "95", "1,800", ".", "2023.07", "2024.01", " ", "\u3000", "优", "及时", "提高",
          "a", "M", "㎡", "分钟", "季度", "周", "年底", "2024-06-30", "31", "，", "（", "十二"]  # fmt: skip
grammar_text = st.lists(st.sampled_from(PIECES), min_size=1, max_size=6).map("".join)


@given(targets)
def test_canonical_round_trip(t: Target) -> None:
    """Every target that can be built reads back equal from its canonical spelling."""
    assert parse_target(str(t)) == t


@given(targets)
def test_targets_are_hashable_and_typed(t: Target) -> None:
    """Targets hash consistently with equality and carry a kind tag."""
    again = parse_target(str(t))
    assert hash(again) == hash(t)
    assert isinstance(t, TARGET_TYPES)
    assert t.kind in {"quantity", "range", "time", "period", "frequency", "qualitative"}


@given(numbers, units)
def test_at_least_spellings_are_equal(value: Decimal, unit: str) -> None:
    """≥, >=, 不低于, 不少于, 以上 and spaced or full-width forms give one target."""
    q = _build(Quantity, Comparison.GE, value, unit)
    assert isinstance(q, Quantity)
    v, u = format_decimal(q.value), q.unit
    spellings = [f"≥{v}{u}", f">={v}{u}", f"不低于{v}{u}", f"不少于{v}{u}", f"≥ {v} {u} ",
                 f"＞＝{v}{u}", f"≧{v}{u}".translate(str.maketrans("0123456789", "０１２３４５６７８９"))]  # fmt: skip
    if not (is_calendar_year(q.value) and u.startswith("年")):
        spellings.append(f"{v}{u}以上")
    for s in spellings:
        got = parse_target(s)
        assert got == q, s
        assert str(got) == str(q)


@given(st.integers(min_value=1000, max_value=10**15), st.sampled_from(["元", "万元", "人", ""]))
def test_thousands_separators_do_not_change_the_value(n: int, unit: str) -> None:
    """1,800元 and 1800元 are the same target."""
    assert parse_target(f"{n:,}{unit}") == parse_target(f"{n}{unit}")


@given(numbers, units)
def test_different_comparisons_never_equal(value: Decimal, unit: str) -> None:
    """The six comparisons of one number are six different targets with six spellings."""
    qs = [_build(Quantity, c, value, unit) for c in Comparison]
    assert len(set(qs)) == 6
    assert len({str(q) for q in qs}) == 6


@given(st.text())
def test_arbitrary_text_parses_or_raises_a_syntax_error(text: str) -> None:
    """Any text gives a target (that round-trips) or IndicatorSyntaxError, nothing else."""
    try:
        t = parse_target(text)
    except IndicatorSyntaxError as exc:
        start, end = exc.span
        assert 0 <= start <= end <= len(text)
        return
    assert parse_target(str(t)) == t


@given(grammar_text)
def test_grammar_pieces_parse_or_raise_a_syntax_error(text: str) -> None:
    """Text built from grammar pieces gives a round-tripping target or a syntax error."""
    try:
        t = parse_target(text)
    except IndicatorSyntaxError as exc:
        start, end = exc.span
        assert 0 <= start <= end <= len(text)
        return
    assert parse_target(str(t)) == t


@given(st.one_of(st.text(), grammar_text))
def test_not_strict_never_raises(text: str) -> None:
    """strict=False always returns a target; Unparsed keeps the text exactly."""
    t = parse_target(text, strict=False)
    if isinstance(t, Unparsed):
        assert t.text == text
        assert parse_target(text, strict=False) == t


@given(st.one_of(st.text(), grammar_text))
def test_fast_paths_agree_with_the_full_parser(text: str) -> None:
    """A fast path's answer is the full parser's answer."""
    fast = _fast(normalise(text))
    if fast is not None:
        assert fast == _Parser(normalise(text), text).parse()


@given(
    st.sampled_from([Comparison.GE, Comparison.GT, Comparison.LE, Comparison.LT, Comparison.EQ,
                     Comparison.APPROX]),
    numbers, numbers, st.integers(0, 100).map(Decimal),
)  # fmt: skip
def test_scores_stay_within_the_weight(
    cmp: Comparison, target: Decimal, actual: Decimal, weight: Decimal
) -> None:
    """0 ≤ score ≤ weight, and a met ≥/≤/= target earns full marks."""
    s = evaluate(Quantity(cmp, target, "%"), actual, weight)
    assert 0 <= s.score <= weight
    assert 0 <= s.ratio <= 1
    if s.met and cmp in (Comparison.GE, Comparison.LE, Comparison.EQ):
        assert s.score == weight
    assert s.explanation.startswith("met" if s.met else "not met")


@given(st.text())
def test_normalise_keeps_length_and_is_idempotent(text: str) -> None:
    """Normalisation maps one character to one, and a second pass changes nothing."""
    once = normalise(text)
    assert len(once) == len(text)
    assert normalise(once) == once


@given(qualitatives)
def test_qualitative_text_is_a_fixed_point(q: Target) -> None:
    """Building a Qualitative from its own text gives it back."""
    assert isinstance(q, Qualitative)
    assert Qualitative(q.text) == q


@given(st.builds(Quantity, st.sampled_from(Comparison), numbers), numbers)
def test_admits_is_what_scoring_calls_met(t: Target, actual: Decimal) -> None:
    """`Quantity.admits` and scoring agree: a value is met exactly when it is admitted
    (with scoring's tolerance for an approximate target)."""
    assert isinstance(t, Quantity)
    assert evaluate(t, actual, 10).met is t.admits(actual, tolerance=Decimal("0.1"))


@given(st.builds(lambda a, b: _build(Range, min(a, b), max(a, b)), numbers, numbers), numbers)
def test_range_admits_is_what_scoring_calls_met(t: Target, actual: Decimal) -> None:
    """A range admits exactly the values scoring finds met, and its ends."""
    assert isinstance(t, Range)
    assert evaluate(t, actual, 10).met is t.admits(actual)
    assert t.admits(t.low) and t.admits(t.high)


@given(st.builds(Quantity, st.sampled_from(Comparison), numbers, st.just("万元")), numbers)
def test_admits_converts_units(t: Target, value: Decimal) -> None:
    """A value admitted in the target's unit is admitted in a unit it converts to."""
    assert isinstance(t, Quantity)
    assert t.admits(value) is t.admits(value * 10000, "元")
