"""Tests for govbudget.prose._lists: which figures form a cost list (items, subtotals,
a total before 其中) and a quantity × rate statement."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget.prose import parse_prose

D = Decimal


def lists(text: str) -> list[tuple[list[str], list[str], str]]:
    return [([a.text for a in c.items], [a.text for a in c.subtotals], c.total.text)
            for c in parse_prose(text).cost_lists]


def test_items_and_their_total() -> None:
    """Amounts are items; a total (合计 …) closes them."""
    assert lists("书架6个1.5万元，文件柜8个2.4万元，合计3.9万元") == [
        (["1.5万元", "2.4万元"], [], "3.9万元")]


def test_subtotals_are_kept_for_the_next_total() -> None:
    """A closed total is a subtotal of the next; its readings include them."""
    (second,) = parse_prose("共需3万元；会务1万元，资料0.25万元，合计4.25万元").cost_lists
    assert [a.text for a in second.subtotals] == ["3万元"]
    assert [[a.text for a in r] for r in second.readings()] == [
        ["1万元", "0.25万元"], ["3万元", "1万元", "0.25万元"]]


def test_a_total_before_its_list() -> None:
    """A total stated just before 其中 heads the list after it."""
    (c,) = parse_prose("项目共需5万元，其中：培训3万元，资料2万元。").cost_lists
    assert c.header and c.total.text == "5万元"
    assert [[a.text for a in r] for r in c.readings()] == [["3万元", "2万元"]]


def test_a_total_written_as_arithmetic() -> None:
    """A total written as a formula keeps it (its factors may be what the items add to)."""
    (c,) = parse_prose("每期稿费1000元，摄像1500元，全年12期合计：12×2500=30000元").cost_lists
    assert c.formula is not None and c.formula.is_product
    assert c.total.money.yuan == D(30000)


def test_rates_and_lone_amounts_are_no_lists() -> None:
    """A rate is never an item; a total with nothing before it is no list."""
    assert lists("标准300元/天，合计3000元") == []
    assert lists("合计3000元") == []


def test_products_find_each_rates_quantities() -> None:
    """A rate takes the nearest quantity of each unit it is per; the amount closes it."""
    (p,) = parse_prose("会期约为6天，参会人数共计800人，标准为470元/人/天，共计225.6万元").products
    (term,) = p.terms
    assert [c.text for c in term.counts] == ["6天", "800人"]
    assert p.computed.amount == D(2256000) and p.estimate  # 约


def test_products_left_alone() -> None:
    """Ranges, bounds, a unit without a quantity and a part (其中) are not products."""
    assert parse_prose("40人，370元/人/天，1-2天，共计3万元").products == ()
    assert parse_prose("至少40人，370元/人/天，2天，共计3万元").products == ()
    assert parse_prose("370元/人/天，2天，共计3万元").products == ()
    assert parse_prose("40人，每人600元，其中3万元").products == ()


@pytest.mark.property
@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(1, 10**6), min_size=2, max_size=6))
def test_items_of_a_generated_list(items: list[int]) -> None:
    """A list of items and its total reads back as the items and the total, and its first
    reading is the items."""
    text = "，".join(f"第{i + 1}项{v}元" for i, v in enumerate(items)) + f"，合计{sum(items)}元"
    (c,) = parse_prose(text).cost_lists
    assert [a.value for a in c.items] == [D(v) for v in items]
    assert c.total.value == D(sum(items))
    assert c.readings()[0] == c.items
