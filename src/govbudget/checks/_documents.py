"""Checks across documents: a unit's reports of adjacent years and kinds against each other.

`check_reports` checks each report on its own (`check_report`), then groups the reports
of one unit (by unit name, or all of them when the caller says they are one unit's) and
pairs them:

- a budget with the budget of the year before (``budget→budget``): what this year's
  narrative says about last year ("比上年/比2024年预算增加…") against last year's report;
- a year's budget with the same year's final account (``budget→final``): the 决算's
  年初预算 figures and its “三公” 预算数 against the budget;
- a final account with the one of the year before (``final→final``): this year's
  年初结转和结余 against last year's 年末结转和结余, and the narrative's changes on last
  year against last year's figures.

Each pairing runs the registered rules of category ``documents`` (a rule's check takes a
`Pair`). Findings name both documents (`govbudget.Location.document`) and both places;
the result says which documents were paired and which were not, and why.

Sources: `/work/shared/DOMAIN.md` (Final accounts: "Across documents"), standards.md §1.5
(三公 预算数, 年初预算), SH-FIN-TPL. Rounding is reasoned by `govbudget.explain_gap`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import cast

from attrs import frozen

from .._findings import Finding, Severity
from .._report import Report, ReportKind
from ._builtin import registry
from ._context import norm
from ._engine import CheckResult, check_report
from ._pair import Pair, Relation
from ._registry import Category, Rule

__all__ = ["DocumentsResult", "Pair", "Pairing", "Relation", "Unpaired", "check_reports"]


@frozen
class Pairing:
    """Two documents compared: the ``earlier`` one and the ``later`` one (their sources)."""

    earlier: str
    later: str
    relation: Relation


@frozen
class Unpaired:
    """A document no other was compared with, and why."""

    source: str
    reason: str
    reason_en: str


@frozen
class DocumentsResult:
    """The findings on several documents.

    Attributes:
        results: each document's own `CheckResult`, in the order given.
        findings: the findings of the cross-document rules, errors first.
        pairs: the documents compared with each other.
        unpaired: the documents compared with none, and why.
    """

    results: tuple[CheckResult, ...]
    findings: tuple[Finding, ...]
    pairs: tuple[Pairing, ...]
    unpaired: tuple[Unpaired, ...]

    @property
    def ok(self) -> bool:
        """True when no document and no comparison has an ``error`` finding."""
        return all(r.ok for r in self.results) and not any(
            f.severity is Severity.ERROR for f in self.findings)


def _relation(a: Report, b: Report) -> Relation | None:
    if a.year is None or b.year is None:
        return None
    if a.kind is ReportKind.BUDGET and b.kind is ReportKind.BUDGET and b.year == a.year + 1:
        return Relation.BUDGET_TO_BUDGET
    if a.kind is ReportKind.BUDGET and b.kind is ReportKind.FINAL and b.year == a.year:
        return Relation.BUDGET_TO_FINAL
    if a.kind is ReportKind.FINAL and b.kind is ReportKind.FINAL and b.year == a.year + 1:
        return Relation.FINAL_TO_FINAL
    return None


def _pairs(reports: Sequence[Report], same_unit: bool
           ) -> tuple[list[tuple[int, int, Relation]], list[Unpaired]]:
    groups: dict[str, list[int]] = {}
    unpaired: list[Unpaired] = []
    for i, r in enumerate(reports):
        if same_unit:
            groups.setdefault("", []).append(i)
        elif r.unit_name:
            groups.setdefault(norm(r.unit_name), []).append(i)
        else:
            unpaired.append(Unpaired(r.source, "未读出单位名称，无法与其他文件配对",
                                     "the unit name was not read: it cannot be paired"))
    pairs: list[tuple[int, int, Relation]] = []
    for members in groups.values():
        for a in members:
            for b in members:
                rel = _relation(reports[a], reports[b]) if a != b else None
                if rel is not None:
                    pairs.append((a, b, rel))
        paired = {i for p in pairs for i in p[:2]}
        for i in members:
            if i in paired:
                continue
            r = reports[i]
            if r.year is None:
                unpaired.append(Unpaired(r.source, "未读出年度，无法与其他文件配对",
                                         "the year was not read: it cannot be paired"))
            elif len(members) == 1:
                unpaired.append(Unpaired(r.source, "没有同一单位的其他文件",
                                         "no other document of the same unit was given"))
            else:
                unpaired.append(Unpaired(
                    r.source, "同一单位的其他文件既非上一年度的同类文件，也非同年度的预算",
                    "the unit's other documents are neither of the year before (same kind) "
                    "nor the same year's budget"))
    return pairs, unpaired


def check_reports(
    reports: Iterable[Report],
    *,
    same_unit: bool = False,
    rules: Iterable[str | Rule] | None = None,
    min_severity: Severity = Severity.INFO,
) -> DocumentsResult:
    """Check several documents: each on its own, and those of one unit against each other.

    Args:
        reports: the documents.
        same_unit: treat all of them as one unit's (when the unit names are not read or
            printed differently); by default they are grouped by unit name.
        rules: the rules to run (ids or `Rule`), single-document and cross-document
            alike (default: all).
        min_severity: drop findings below this severity.

    ```pycon
    >>> from decimal import Decimal
    >>> from govbudget.testing import build_final_report
    >>> leaves = [("2010101", Decimal("1000000"), Decimal("0"))]
    >>> a = build_final_report(leaves=leaves, economic=[("30101", Decimal("1000000"))],
    ...                        income_extra=[Decimal("20000")], year=2023)
    >>> b = build_final_report(leaves=leaves, economic=[("30101", Decimal("1000000"))],
    ...                        carry_in=Decimal("20000"), year=2024)
    >>> res = check_reports([a, b])
    >>> [(p.relation.value, res.ok) for p in res.pairs]
    [('final→final', True)]

    ```
    """
    docs = list(reports)
    reg = registry()
    chosen = [reg[r] if isinstance(r, str) else r for r in rules] if rules is not None \
        else list(reg.values())
    own = [r for r in chosen if r.category is not Category.DOCUMENTS]
    across = [r for r in chosen if r.category is Category.DOCUMENTS]
    results = tuple(check_report(d, rules=own, min_severity=min_severity) for d in docs)
    pairs, unpaired = _pairs(docs, same_unit)
    found: list[Finding] = []
    for a, b, rel in pairs:
        pair = Pair(docs[a], docs[b], rel)
        for r in across:
            found.extend(cast("Callable[[Pair], Iterator[Finding]]", r.check)(pair))
    kept = [f for f in found if f.severity >= min_severity]
    kept.sort(key=lambda f: (-f.severity.rank, f.location.document or "",
                             f.location.line or 0, f.rule))
    return DocumentsResult(
        results=results, findings=tuple(kept),
        pairs=tuple(Pairing(docs[a].source, docs[b].source, rel) for a, b, rel in pairs),
        unpaired=tuple(unpaired))
