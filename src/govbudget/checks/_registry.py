"""Rules as data: the `Rule` record and the registry.

A rule has a stable id (``"table.functional.hierarchy"``), a title in Chinese and
English, a category, a default severity, the condition under which it applies (in words,
and as a predicate on the report), the function that checks it, and the kinds of finding
it makes (`Code`: a stable code under the rule's id with Chinese and English message
templates, as frictionless does with its error types).

The built-in rules are collected per module in a `RuleSet` and listed explicitly in
`govbudget.checks.registry` (no registration by import side effect). Rules of your own
are registered with `rule`. A malformed definition raises `govbudget.RuleDefinitionError`
when the registry loads, never a finding.
"""

from __future__ import annotations

import inspect
import types
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Final, TypeAlias

from attrs import field, frozen

from .._enum import IdentityEnum
from .._errors import RuleDefinitionError
from .._findings import Finding, Severity
from .._pattern_cache import compile_pattern
from .._report import Report, ReportKind
from .._tables import TableKind

if TYPE_CHECKING:
    from ._context import Context

__all__ = ["Category", "Check", "Code", "Requires", "Rule", "RuleSet", "extensions", "rule"]

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
        return self.holds(report.kind, {t.kind for t in report.tables})

    def holds(self, kind: ReportKind, present: AbstractSet[TableKind]) -> bool:
        """The condition on a report of ``kind`` whose tables are of the kinds
        ``present``: what calling it decides, for a caller that has gathered the kinds
        once for every rule (`check_report`).

        ```pycon
        >>> from govbudget import ReportKind, TableKind
        >>> Requires(TableKind.SUMMARY).holds(ReportKind.BUDGET, {TableKind.SUMMARY})
        True

        ```
        """
        if self.kind is not None and kind is not self.kind:
            return False
        return all(k in present for k in self.tables)

    def __str__(self) -> str:
        who = {None: "a report", ReportKind.BUDGET: "a budget (预算)",
               ReportKind.FINAL: "a final account (决算)"}[self.kind]
        if not self.tables:
            return who
        return f"{who} with the " + ", ".join(k.value for k in self.tables) + (
            " tables" if len(self.tables) > 1 else " table")


@frozen
class Code:
    """One kind of finding a rule makes: a stable code under the rule's id, with its
    titles and message templates in Chinese and English.

    The templates are `str.format` strings over named fields; `message` fills them.
    ``example`` holds field values for the rule catalogue.

    ```pycon
    >>> c = Code("narrative.changes.rate", "增减率与增减额不符", "Rate disagrees with amount",
    ...          template="增长率应为{expected}，说明为{actual}",
    ...          template_en="the rate should be {expected}, the text says {actual}",
    ...          example={"expected": "5.00%", "actual": "5.20%"})
    >>> c.message(expected="3.10%", actual="3.00%")
    ('增长率应为3.10%，说明为3.00%', 'the rate should be 3.10%, the text says 3.00%')
    >>> c.message(**c.example)[1]
    'the rate should be 5.00%, the text says 5.20%'

    ```
    """

    id: str
    title: str
    title_en: str
    template: str = ""
    template_en: str = ""
    example: Mapping[str, str] = field(factory=dict)

    def message(self, **values: object) -> tuple[str, str]:
        """The Chinese and English messages with ``values`` filled in (the titles when
        the code has no template)."""
        if not self.template:
            return self.title, self.title_en
        return self.template.format(**values), self.template_en.format(**values)


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
        codes: the kinds of finding the rule makes; the first is the rule's own (its id
            and titles), the others finer codes under its id.
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
    codes: tuple[Code, ...] = ()

    def code(self, id: str) -> Code:
        """The code ``id`` of this rule (its full id, or the part after the rule's id).

        Raises:
            RuleDefinitionError: the rule has no such code.
        """
        full = id if id.startswith(self.id) else f"{self.id}.{id}"
        for c in self.codes:
            if c.id == full:
                return c
        raise RuleDefinitionError(f"rule {self.id!r} has no code {full!r}")


_ID = compile_pattern(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_PREFIX: Final = {
    Category.IN_TABLE: "table.", Category.CROSS_TABLE: "cross.",
    Category.NARRATIVE: "narrative.", Category.PERFORMANCE: "performance.",
    Category.CODES: "codes.", Category.READING: "reading.",
    Category.DOCUMENTS: "documents.",
}


def _arity(fn: Callable[..., object]) -> int:
    """How many parameters ``fn`` takes (``len(inspect.signature(fn).parameters)``),
    read off a plain function's code (the rules' own case: ``inspect.signature`` costs
    more than the rest of registering a rule, at every import)."""
    if type(fn) is not types.FunctionType or hasattr(fn, "__wrapped__") \
            or hasattr(fn, "__signature__"):
        return len(inspect.signature(fn).parameters)
    code = fn.__code__
    return (code.co_argcount + code.co_kwonlyargcount
            + bool(code.co_flags & inspect.CO_VARARGS)
            + bool(code.co_flags & inspect.CO_VARKEYWORDS))


def validate(r: Rule) -> None:
    """Raise `RuleDefinitionError` when a rule is malformed."""
    if not _ID.match(r.id):
        raise RuleDefinitionError(f"rule id {r.id!r} must be dotted lower-case words")
    if not r.title.strip() or not r.title_en.strip():
        raise RuleDefinitionError(f"rule {r.id!r} needs a Chinese and an English title")
    if not isinstance(r.category, Category):
        raise RuleDefinitionError(f"rule {r.id!r}: category must be a Category")
    if not isinstance(r.severity, Severity):
        raise RuleDefinitionError(f"rule {r.id!r}: severity must be a Severity")
    if not r.applies.strip():
        raise RuleDefinitionError(f"rule {r.id!r} must say when it applies")
    if not callable(r.check) or _arity(r.check) != 1:
        raise RuleDefinitionError(f"rule {r.id!r}: check must be a function of one argument")
    prefix = _PREFIX[r.category]
    if not r.id.startswith(prefix):
        raise RuleDefinitionError(f"rule {r.id!r} of category {r.category.value} must start "
                                  f"with {prefix!r}")
    seen: set[str] = set()
    for c in r.codes:
        if c.id != r.id and not (c.id.startswith(r.id + ".") and _ID.match(c.id)):
            raise RuleDefinitionError(f"rule {r.id!r}: code {c.id!r} must be the rule's id "
                                      "or a dotted word under it")
        if c.id in seen:
            raise RuleDefinitionError(f"rule {r.id!r}: code {c.id!r} is defined twice")
        seen.add(c.id)
        if not c.title.strip() or not c.title_en.strip():
            raise RuleDefinitionError(f"code {c.id!r} needs a Chinese and an English title")
        if bool(c.template) != bool(c.template_en):
            raise RuleDefinitionError(f"code {c.id!r} needs both message templates or none")
        try:
            c.message(**c.example)
        except (KeyError, IndexError, ValueError) as e:
            raise RuleDefinitionError(f"code {c.id!r}: its example does not fill its "
                                      f"templates ({e})") from None


def make_rule(
    id: str,
    fn: Check,
    *,
    title: str,
    title_en: str,
    category: Category,
    severity: Severity = Severity.ERROR,
    applies: str = "always",
    when: Callable[[Report], bool] = _always,
    codes: Sequence[Code] = (),
) -> Rule:
    """A validated `Rule` (its own code first, then ``codes``).

    Raises:
        RuleDefinitionError: the definition is malformed.
    """
    own = Code(id, title, title_en)
    r = Rule(id=id, title=title, title_en=title_en, category=category, severity=severity,
             applies=applies, check=fn, when=when, doc=inspect.getdoc(fn) or "",
             codes=(own, *(c for c in codes if c.id != id)))
    validate(r)
    return r


class RuleSet:
    """The rules of one module, in definition order: a module of built-in rules makes
    one (``RULES = RuleSet()``) and decorates its checks with ``@RULES.rule(...)``; the
    registry lists the sets explicitly.

    ```pycon
    >>> from govbudget.checks import Category
    >>> mine = RuleSet()
    >>> @mine.rule("table.demo.nothing", title="示例", title_en="Demo",
    ...            category=Category.IN_TABLE)
    ... def nothing(ctx):
    ...     return ()
    >>> [r.id for r in mine]
    ['table.demo.nothing']

    ```
    """

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def add(self, r: Rule) -> Rule:
        """Add a rule.

        Raises:
            RuleDefinitionError: the id is taken in this set.
        """
        if r.id in self._rules:
            raise RuleDefinitionError(f"rule id {r.id!r} is registered twice")
        self._rules[r.id] = r
        return r

    def remove(self, id: str) -> None:
        """Remove the rule ``id`` (no error when there is none)."""
        self._rules.pop(id, None)

    def rule(
        self,
        id: str,
        *,
        title: str,
        title_en: str,
        category: Category,
        severity: Severity = Severity.ERROR,
        applies: str = "always",
        when: Callable[[Report], bool] = _always,
        codes: Sequence[Code] = (),
    ) -> Callable[[Check], Check]:
        """Decorate a check function: define a rule in this set (see `Rule`).

        Raises:
            RuleDefinitionError: the definition is malformed or the id is taken.
        """

        def deco(fn: Check) -> Check:
            self.add(make_rule(id, fn, title=title, title_en=title_en, category=category,
                               severity=severity, applies=applies, when=when, codes=codes))
            return fn

        return deco

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)


_EXTENSIONS = RuleSet()


def rule(
    id: str,
    *,
    title: str,
    title_en: str,
    category: Category,
    severity: Severity = Severity.ERROR,
    applies: str = "always",
    when: Callable[[Report], bool] = _always,
    codes: Sequence[Code] = (),
) -> Callable[[Check], Check]:
    """Register the decorated function as a rule of your own (see `Rule`): the registry
    lists it after the built-in rules.

    Raises:
        RuleDefinitionError: the definition is malformed or the id is taken.
    """
    return _EXTENSIONS.rule(id, title=title, title_en=title_en, category=category,
                            severity=severity, applies=applies, when=when, codes=codes)


def extensions() -> RuleSet:
    """The rules registered with `rule` (yours, not the built-in ones)."""
    return _EXTENSIONS
