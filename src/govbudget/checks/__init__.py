"""Reconciliation: the rules that tie a budget report together, as data.

```pycon
>>> from govbudget.checks import registry
>>> rules = registry()
>>> rules["table.row.basic_project"].title_en
'Each row: total equals basic plus project spending'

```
"""

from __future__ import annotations

from ._context import Context, Figure
from ._documents import DocumentsResult, Pair, Pairing, Relation, Unpaired, check_reports
from ._engine import CheckResult, NotChecked, check_report, mark_roots, select_rules
from ._registry import Category, Requires, Rule, registry, rule

__all__ = [
    "Category",
    "CheckResult",
    "Context",
    "DocumentsResult",
    "Figure",
    "NotChecked",
    "Pair",
    "Pairing",
    "Relation",
    "Requires",
    "Rule",
    "Unpaired",
    "check_report",
    "check_reports",
    "mark_roots",
    "registry",
    "rule",
    "select_rules",
]
