"""Reconciliation: the rules that tie a budget report together, as data.

```pycon
>>> from govbudget.checks import registry
>>> rules = registry()
>>> rules["table.row.basic_project"].title_en
'Each row: total equals basic plus project spending'

```
"""

from __future__ import annotations

from ._builtin import codes, registry
from ._context import Context, Figure
from ._documents import DocumentsResult, Pairing, Unpaired, check_reports
from ._engine import CheckResult, NotChecked, check_report, mark_roots, select_rules
from ._pair import Pair, Relation
from ._registry import Category, Code, Requires, Rule, RuleSet, rule

__all__ = [
    "Category",
    "CheckResult",
    "Code",
    "Context",
    "DocumentsResult",
    "Figure",
    "NotChecked",
    "Pair",
    "Pairing",
    "Relation",
    "Requires",
    "Rule",
    "RuleSet",
    "Unpaired",
    "check_report",
    "check_reports",
    "codes",
    "mark_roots",
    "registry",
    "rule",
    "select_rules",
]
