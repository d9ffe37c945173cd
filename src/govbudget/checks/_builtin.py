"""The registry: the built-in rules, an explicit list of modules, then your own.

```pycon
>>> reg = registry()
>>> reg["table.functional.hierarchy"].category.value
'in-table'
>>> codes()["table.functional.hierarchy"].title_en
'Functional tables: each 类 equals the sum of its 款, each 款 the sum of its 项'

```
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from .._errors import RuleDefinitionError
from . import (
    _rules_codes,
    _rules_cross,
    _rules_documents,
    _rules_final,
    _rules_reading,
    _rules_tables,
    _rules_three_public,
)
from ._registry import Code, Rule, RuleSet, extensions
from .narrative import _amounts as _narrative_amounts
from .narrative import _changes as _narrative_changes
from .narrative import _repeated as _narrative_repeated
from .narrative import _shares as _narrative_shares
from .narrative import _statements as _narrative_statements
from .performance import _costs, _funding, _indicators, _self_evaluation

__all__ = ["BUILTIN", "codes", "current", "registry"]

BUILTIN: tuple[RuleSet, ...] = (
    _rules_reading.RULES,
    _rules_tables.RULES,
    _rules_three_public.RULES,
    _rules_cross.RULES,
    _rules_final.RULES,
    _rules_codes.RULES,
    _narrative_amounts.RULES,
    _narrative_shares.RULES,
    _narrative_changes.RULES,
    _narrative_statements.RULES,
    _narrative_repeated.RULES,
    _funding.RULES,
    _costs.RULES,
    _indicators.RULES,
    _self_evaluation.RULES,
    _rules_documents.RULES,
)
"""The built-in rule sets, one per module."""


@functools.cache
def _builtin() -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    for rs in BUILTIN:
        for r in rs:
            if r.id in out:
                raise RuleDefinitionError(f"rule id {r.id!r} is registered twice")
            out[r.id] = r
    return out


def registry() -> dict[str, Rule]:
    """Every rule by id, sorted: the built-in ones and those registered with
    `govbudget.checks.rule`.

    Raises:
        RuleDefinitionError: a rule of your own takes a built-in rule's id.
    """
    return dict(current())


# The sorted registry as last made, with the rules of your own it was made with (by
# identity: kept alive here, so an id cannot be reused while the entry stands).
_CURRENT: list[tuple[tuple[Rule, ...], dict[str, Rule]]] = []


def current() -> Mapping[str, Rule]:
    """`registry` without the copy, made anew only when the rules of your own change:
    `check_report` asks once per report (sorting ~150 rules each time was most of its
    own cost). Read-only.

    Raises:
        RuleDefinitionError: a rule of your own takes a built-in rule's id.
    """
    mine = tuple(extensions())
    if _CURRENT:
        made_with, kept = _CURRENT[0]
        if len(made_with) == len(mine) and all(
                a is b for a, b in zip(made_with, mine, strict=True)):
            return kept
    out = dict(_builtin())
    for r in mine:
        if r.id in out:
            raise RuleDefinitionError(f"rule id {r.id!r} is registered twice")
        out[r.id] = r
    _CURRENT[:] = [(mine, dict(sorted(out.items())))]
    return _CURRENT[0][1]


def codes() -> dict[str, Code]:
    """Every code of every rule (`govbudget.checks.Code`), by code id, sorted."""
    return dict(sorted((c.id, c) for r in registry().values() for c in r.codes))
