"""The prose grammar: the figures of running text (项目概况, 项目实施计划, 总体目标), typed.

A performance table's text fields state figures the rules check: itemised costs and
their totals, quantity × rate × duration products, written arithmetic, counts of
things. `parse_prose` reads a text into a `Prose`: its `Amount`s, `Rate`s, `Formula`s
and `Count`s, each with the line it stands on, and the structures they form
(`CostList`, `Product`). Reading ends here; the rules (`govbudget.checks`) only compare.

```pycon
>>> from govbudget.prose import parse_prose
>>> p = parse_prose("学员50人，按照每人600元的标准，预计共需3万元")
>>> [str(c) for c in p.counts], [str(r) for r in p.rates], str(p.total)
(['50人'], ['600元/人'], '3万元')
>>> prod = p.products[0]
>>> str(prod), prod.computed.amount == prod.stated.money.yuan
('50人×每人600元的标准', True)

```

The grammar
-----------

The overview of a project often costs it out. `parse_prose` reads the text into figures,
after mapping full-width digits and signs to ASCII (one character for one, so positions
hold), claiming spans in this order so that no figure is read twice:

1. written arithmetic ``a op b … = c`` (``12×2500=30000元``, ``30000+8000+2000=40000元``;
   ``op`` is ``× x * ÷ / + -``): a *formula* whose result is an amount (a formula with no
   money unit after its result, ``3+2=5``, is arithmetic only);
2. rates: ``300元/天/台``, ``1500元/期`` and ``每人每年约1200元``, ``每人600的标准`` (a
   ``每…`` rate needs a money unit or the word 标准 after the number); a rate is never an
   item of a cost list;
3. amounts: a number and ``元``/``万元``/``亿元``/``千元``;
4. quantities: a number (Arabic or Chinese, or a range ``1-2天``) and a counting unit
   (``人 天 期 次 个 套 台 平方米 …``); a year (``2024年``), a month or a day of a date
   are not quantities; ``约``/``左右`` mark an estimate, ``至少``/``不少于`` a bound;
5. ``其中`` (a list starts) and sentence ends (``。！？``).

An amount is a *total* when the text between it and the previous figure (cut at the last
``，；。``) holds 合计, 总计, 共计, 共需, 总共, 累计, 小计, 一共, 总额 or 总金额
(``全年12期合计：12×2500=30000元`` is a total; ``预计需经费3500元`` an item).

Heuristics of the cost lists (`CostList`, checked by ``performance.itemised_costs``): amounts are items, and
each total closes the items before it. Items reset after ``其中`` and after each total; a
total stated just before ``其中`` heads the list that follows and is compared at the end
when no later total repeats it. A closed total is kept as a *subtotal*, so that
``共需3万元；…1.25万元，合计4.25万元`` and ``…合计30000元 … 8000元 … 2000元
总合计40000元`` add up (subtotals plus the items after them). A total is compared with
the items since the previous total, with the subtotals and those items, and with the
subtotals alone; any of them adding up is agreement. A total written as a product
(``合计：12×2500=30000元``) may be the items multiplied out: items adding up to one of
its factors agree. A total written as a sum is also checked as a formula. A list with
fewer than two terms is not checked. Sums are compared with
`govbudget.explain_gap`. A prose amount is exact (``8万元``, ``1.5万元``, ``3500元``:
prose states budgeted figures) unless it is in 万元/亿元 with two decimals or more, the
precision of the tables, when it may be rounded to its last digit (``2.33万元``); a total
is never taken as rounded more coarsely than its items, and 整 makes it exact.

Heuristics of the products (`Product`, checked by ``performance.formula``): the figures of each sentence are
walked in order. A rate takes, for each unit it is per (``元/人/天``: 人 and 天), the
nearest quantity of that unit before it; a quantity after a rate fills what the rate
still lacks; quantities joined by ``*``/``×`` multiply together. The next amount closes the
statement: Σ(rate × its quantities) must equal it. A statement with no amount after it
is compared with an amount stated earlier in the same sentence (``预计需经费9.6万元；…
40人，按照每人每天约200元的标准，活动约为12天``). A statement is not checked when a unit
of the rate has no quantity (except ``年``: the budget is for one year), when a quantity
is a range or a bound (``1-2天``, ``至少``: the product is a bound, not a figure), or when
the amount follows ``其中``/``含``/``包括`` (a part, not the product). A wrong product is
an error; a warning when a figure is an estimate (``约``, ``左右``) or the statement was
closed by an earlier amount.

Counts of things (`Prose.counts_of`, checked by ``performance.quantity_vs_overview``):
the thing an indicator counts is read from its name (`counted_objects`); the text is
read for counting without its quotation marks (``《专题节目》12期``).
"""

from ._model import (
    Amount,
    CostList,
    Count,
    Formula,
    Product,
    Prose,
    Rate,
    Term,
    counted_objects,
    name_parts,
    parse_prose,
)

__all__ = [
    "Amount",
    "CostList",
    "Count",
    "Formula",
    "Product",
    "Prose",
    "Rate",
    "Term",
    "counted_objects",
    "name_parts",
    "parse_prose",
]
