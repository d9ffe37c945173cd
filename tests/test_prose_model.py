"""Tests for govbudget.prose._model: the typed figures, their lines, and `parse_prose`
(read → print → read gives the same figure)."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget.prose import Amount, Count, Formula, Prose, Rate, parse_prose

D = Decimal
values = st.decimals(min_value=D("0.01"), max_value=D(10**9), places=2, allow_nan=False,
                     allow_infinity=False)
MONEY = ("元", "万元", "亿元", "千元")
COUNTING = ("人", "天", "期", "次", "个", "套", "台", "平方米", "场", "件")


def test_every_figure_is_typed_and_frozen() -> None:
    """Amounts, rates, formulas and counts come out typed and immutable."""
    p = parse_prose("学员50人，每人600元，全年12期合计：12×2500=30000元，另需3500元")
    assert [type(x) for x in (*p.amounts, *p.rates, *p.formulas, *p.counts)] == [
        Amount, Amount, Rate, Formula, Count, Count]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        p.amounts[0].value = D(1)  # type: ignore[misc]


def test_each_figure_gets_the_line_it_starts_on() -> None:
    """With the lines of the field, every figure has its own."""
    text = "会期6天，参会800人，" + "标准为470元/人/天，" + "共计225.6万元"
    lines = ((0, 10), (12, 11), (24, 12))
    p = parse_prose(text, lines)
    assert [(c.text, c.line) for c in p.counts] == [("6天", 10), ("800人", 10)]
    assert [(r.text, r.line) for r in p.rates] == [("470元/人/天", 11)]
    assert p.total is not None and (p.total.text, p.total.line) == ("225.6万元", 12)
    assert p.products[0].stated.line == 12
    assert parse_prose(text).amounts[0].line is None  # no lines given


def test_quantum_of_prose_amounts() -> None:
    """Amounts in 万元/亿元 with two decimals may be rounded; the others are exact."""
    assert Amount(D("2.33"), "万元").quantum == D(100)
    assert Amount(D("2.33"), "万元", exact=True).quantum == 0
    assert Amount(D("1.5"), "万元").quantum == 0 and Amount(D("3500"), "元").quantum == 0
    assert Amount(D(3), "千元").money.yuan == D(3000)


def test_formula_left_side() -> None:
    """× and ÷ before + and −; division by zero cannot be computed."""
    (f,) = parse_prose("2+3×4=14元").formulas
    assert f.left() == D(14) and not f.is_product and not f.is_sum
    assert Formula((D(1), D(0)), ("÷",), D(1)).left() is None
    (bare,) = parse_prose("3+2=5").formulas
    assert bare.unit == "" and bare.amount is None and bare not in parse_prose("3+2=5").amounts


def test_the_stated_total() -> None:
    """The largest total, else the only amount, else none."""
    assert parse_prose("合计3万元，总计5万元").total.text == "5万元"  # type: ignore[union-attr]
    assert parse_prose("预计需经费3500元").total.text == "3500元"  # type: ignore[union-attr]
    assert parse_prose("会务1万元，资料2万元").total is None
    assert parse_prose("") == Prose()


def test_rate_units() -> None:
    """A rate's unit in the indicator grammar, when it is one."""
    (r,) = parse_prose("每人每年约1200元").rates
    assert r.rate_unit == "元/人/年" and r.per == ("人", "年") and r.approx


@settings(max_examples=200, deadline=None)
@given(values, st.sampled_from(MONEY))
def test_amounts_read_back(value: Decimal, unit: str) -> None:
    """An amount printed reads back as itself."""
    a = Amount(value, unit)
    (b,) = parse_prose(f"预计需经费{a}").amounts
    assert (b.value, b.unit, str(b)) == (a.value, a.unit, str(a))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 999), st.sampled_from(COUNTING))
def test_counts_read_back(value: int, unit: str) -> None:
    """A count printed reads back as itself."""
    c = Count(D(value), unit)
    (d,) = parse_prose(f"共{c}").counts
    assert (d.value, d.unit, str(d)) == (c.value, c.unit, str(c))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 10**5).map(D), min_size=2, max_size=5),
       st.lists(st.sampled_from("×+-"), min_size=4, max_size=4), st.sampled_from(MONEY))
def test_formulas_read_back(operands: list[Decimal], ops: list[str], unit: str) -> None:
    """Written arithmetic printed reads back as itself, and its left side is computed."""
    f = Formula(tuple(operands), tuple(ops[:len(operands) - 1]), D(7), unit)
    (g,) = parse_prose(str(f)).formulas
    assert (g.operands, g.ops, g.result, g.unit) == (f.operands, f.ops, f.result, f.unit)
    assert g.left() == f.left()


@settings(max_examples=100, deadline=None)
@given(values, st.lists(st.sampled_from(("人", "天", "期", "台")), min_size=1, max_size=2,
                        unique=True))
def test_rates_read_back(value: Decimal, per: list[str]) -> None:
    """A rate printed reads back as itself."""
    r = Rate(value, "元", tuple(per))
    (s,) = parse_prose(f"标准{r}").rates
    assert (s.value, s.unit, s.per) == (r.value, r.unit, r.per)


@pytest.mark.property
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789.,元万人天期个合计共需其中×+=，。；每约整 \n", max_size=60),
       st.lists(st.integers(0, 60), max_size=4))
def test_any_text_parses_with_figures_inside_it(text: str, starts: list[int]) -> None:
    """Never raises; each figure is a span of the text, on one of the given lines."""
    lines = tuple((o, 100 + k) for k, o in enumerate(sorted({0, *starts})))
    p = parse_prose(text, lines)
    for x in (*p.amounts, *p.rates, *p.formulas, *p.counts):
        assert 0 <= x.start < x.end <= len(text)
        assert x.line is not None and 100 <= x.line < 100 + len(lines)
        at = max(k for k, (o, _) in enumerate(lines) if o <= x.start)
        assert x.line == lines[at][1]


def test_the_name_an_amount_is_stated_with() -> None:
    """An amount's name: the words of its clause since the previous amount, its counts
    left out; a total is named by its total word."""
    p = parse_prose("需购置办公桌11个1.98万元，茶几11个1.2万元，合计3.18万元。")
    assert [(a.name, str(a)) for a in p.amounts] == [
        ("需购置办公桌", "1.98万元"), ("茶几", "1.2万元"), ("合计", "3.18万元")]
    (f,) = parse_prose("全年12期合计：12×2500=30000元").formulas
    assert f.name == "全年合计" and f.amount is not None and f.amount.name == f.name
