"""Rules as data: the `Rule` record and the registry.

A rule has a stable id (``"table.functional.hierarchy"``), a title in Chinese and
English, a category, a default severity, the condition under which it applies (in words,
and as a predicate on the report), and the function that checks it. Rules are registered
with `rule`; a malformed definition raises `govbudget.RuleDefinitionError`
when the registry loads, never a finding.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeAlias

from attrs import frozen

from .._enum import IdentityEnum
from .._errors import RuleDefinitionError
from .._findings import Finding, Severity
from .._report import Report, ReportKind
from .._tables import TableKind

if TYPE_CHECKING:
    from ._context import Context

__all__ = ["Category", "Check", "Requires", "Rule", "registry", "rule"]

Check: TypeAlias = "Callable[[Context], Iterable[Finding]]"


class Category(IdentityEnum):
    """What a rule compares."""

    IN_TABLE = "in-table"
    """Sums and identities inside one table."""
    CROSS_TABLE = "cross-table"
    """Equalities and inequalities between tables."""
    NARRATIVE = "narrative"
    """The narrative's figures against the tables and against each other."""
    PERFORMANCE = "performance"
    """Performance target tables against the project list and themselves."""
    CODES = "codes"
    """Classification codes and names against the catalogue."""
    READING = "reading"
    """What the reader could not place or had to repair."""
    DOCUMENTS = "documents"
    """A unit's documents against each other (`govbudget.check_reports`); the check
    takes a `govbudget.checks.Pair`, not a `Context`."""


def _always(_: Report) -> bool:
    return True


class Requires:
    """A rule's condition as data: the report's kind (budget or final) and the tables the
    rule needs. Its ``str`` says it in words; calling it on a report decides.

    ```pycon
    >>> from govbudget import Report, ReportKind, TableKind
    >>> need = Requires(TableKind.SUMMARY, kind=ReportKind.FINAL)
    >>> str(need)
    'a final account (决算) with the summary table'
    >>> need(Report())
    False

    ```
    """

    __slots__ = ("kind", "tables")

    def __init__(self, *tables: TableKind, kind: ReportKind | None = None) -> None:
        self.tables = tables
        self.kind = kind

    def __call__(self, report: Report) -> bool:
        if self.kind is not None and report.kind is not self.kind:
            return False
        present = {t.kind for t in report.tables}
        return all(k in present for k in self.tables)

    def __str__(self) -> str:
        who = {None: "a report", ReportKind.BUDGET: "a budget (预算)",
               ReportKind.FINAL: "a final account (决算)"}[self.kind]
        if not self.tables:
            return who
        return f"{who} with the " + ", ".join(k.value for k in self.tables) + (
            " tables" if len(self.tables) > 1 else " table")


@frozen
class Rule:
    """A reconciliation rule.

    Attributes:
        id: stable identifier, dotted lower-case words (``"cross.basic_economic"``).
        title: the title in Chinese.
        title_en: the title in English.
        category: what the rule compares.
        severity: the default severity of its findings (a finding may be ``info`` when
            rounding explains it).
        applies: the condition under which the rule applies, in words.
        check: the function ``(Context) -> Iterable[Finding]``.
        when: the condition as a predicate on the report.
        doc: a longer explanation (the check function's docstring).
    """

    id: str
    title: str
    title_en: str
    category: Category
    severity: Severity
    applies: str
    check: Check
    when: Callable[[Report], bool] = _always
    doc: str = ""


_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_REGISTRY: dict[str, Rule] = {}


def _validate(r: Rule) -> None:
    if not _ID.match(r.id):
        raise RuleDefinitionError(f"rule id {r.id!r} must be dotted lower-case words")
    if r.id in _REGISTRY:
        raise RuleDefinitionError(f"rule id {r.id!r} is registered twice")
    if not r.title.strip() or not r.title_en.strip():
        raise RuleDefinitionError(f"rule {r.id!r} needs a Chinese and an English title")
    if not isinstance(r.category, Category):
        raise RuleDefinitionError(f"rule {r.id!r}: category must be a Category")
    if not isinstance(r.severity, Severity):
        raise RuleDefinitionError(f"rule {r.id!r}: severity must be a Severity")
    if not r.applies.strip():
        raise RuleDefinitionError(f"rule {r.id!r} must say when it applies")
    if not callable(r.check) or len(inspect.signature(r.check).parameters) != 1:
        raise RuleDefinitionError(f"rule {r.id!r}: check must be a function of one argument")
    prefix = {
        Category.IN_TABLE: "table.", Category.CROSS_TABLE: "cross.",
        Category.NARRATIVE: "narrative.", Category.PERFORMANCE: "performance.",
        Category.CODES: "codes.", Category.READING: "reading.",
        Category.DOCUMENTS: "documents.",
    }[r.category]
    if not r.id.startswith(prefix):
        raise RuleDefinitionError(f"rule {r.id!r} of category {r.category.value} must start "
                                  f"with {prefix!r}")


def rule(
    id: str,
    *,
    title: str,
    title_en: str,
    category: Category,
    severity: Severity = Severity.ERROR,
    applies: str = "always",
    when: Callable[[Report], bool] = _always,
) -> Callable[[Check], Check]:
    """Register the decorated function as a rule (see `Rule`).

    Raises:
        RuleDefinitionError: the definition is malformed or the id is taken.
    """

    def deco(fn: Check) -> Check:
        r = Rule(id=id, title=title, title_en=title_en, category=category, severity=severity,
                 applies=applies, check=fn, when=when, doc=inspect.getdoc(fn) or "")
        _validate(r)
        _REGISTRY[id] = r
        return fn

    return deco


def registry() -> dict[str, Rule]:
    """Every registered rule by id (loads the built-in rules on first use)."""
    from . import (  # noqa: F401  # noqa: F401
        _documents,
        _rules_codes,
        _rules_cross,
        _rules_final,
        _rules_narrative,
        _rules_performance,
        _rules_reading,
        _rules_self_evaluation,
        _rules_tables,
    )

    return dict(sorted(_REGISTRY.items()))
