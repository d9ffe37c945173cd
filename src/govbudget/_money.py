"""Money: exact amounts with an explicit unit (元, 万元, 亿元), and the rounding model.

Amounts are `decimal.Decimal`, never ``float``. A `Money` always carries
its `Unit`; converting between units is exact (a power of ten), and arithmetic and
comparison work across units.

Published figures are rounded (四舍五入) to a *quantum* such as 0.01 万元. A figure
printed as ``2599.99`` 万元 stands for any true amount in ``[2599.985, 2599.995)``; a sum
of *n* rounded terms can therefore miss its own rounded total. `explain_gap` says
whether a gap is one rounding can produce, and `rounding_bound` gives the largest
such gap, so that no check needs a magic tolerance.

```pycon
>>> from govbudget import Money, Unit
>>> m = Money("2599.99", Unit.WAN_YUAN)
>>> m.to(Unit.YUAN)
Money('25999900.00', Unit.YUAN)
>>> m == Money("25999900", Unit.YUAN)
True
>>> str(m + Money("0.01", Unit.WAN_YUAN))
'2600.00万元'

```
"""

from __future__ import annotations

from ._amount import Money, Unit, format_money, parse_amount, parse_money, round_half_up, to_decimal
from ._rounding import Gap, Interval, explain_cells, explain_gap, rounding_bound

__all__ = [
    "Gap",
    "Interval",
    "Money",
    "Unit",
    "explain_cells",
    "explain_gap",
    "format_money",
    "parse_amount",
    "parse_money",
    "round_half_up",
    "rounding_bound",
    "to_decimal",
]
