"""Running the rules: collect every finding, then mark likely roots and knock-ons."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import partial

from attrs import evolve, frozen

from .._errors import UnknownRule
from .._findings import CellLocations, Finding, Location, Severity
from .._report import Report
from ._builtin import current, registry
from ._context import Context
from ._registry import Category, Requires, Rule

__all__ = ["CheckResult", "NotChecked", "check_report", "select_rules"]


@frozen
class NotChecked:
    """A part of the report the rules did not check, and why.

    The reader keeps a table it is not sure of (`govbudget.Table.doubts`); the rules do no
    arithmetic over it, so a misreading is never reported as an error of the report.

    Attributes:
        section: the table's title (or the part's name).
        table: the table's kind key.
        reason: why, in Chinese.
        reason_en: why, in English.
        lines: the lines concerned.
        page: the page of the table's title, when known.
    """

    section: str
    table: str | None
    reason: str
    reason_en: str
    lines: tuple[int, ...] = ()
    page: int | None = None


@frozen
class CheckResult:
    """The findings on one report, and counts.

    Attributes:
        report: the report checked.
        findings: every finding at or above the minimum severity, errors first.
        not_checked: what the rules did not check (tables the reader is not sure of).
    """

    report: Report
    findings: tuple[Finding, ...]
    not_checked: tuple[NotChecked, ...] = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The ``error`` findings."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        """True when there is no ``error`` finding."""
        return not self.errors

    def summary(self) -> dict[str, object]:
        """Counts by severity and by rule, and the number of likely roots."""
        by_sev = Counter(f.severity.value for f in self.findings)
        by_rule = Counter(f.rule for f in self.findings)
        return {
            "findings": len(self.findings),
            "by_severity": {s.value: by_sev.get(s.value, 0) for s in
                            (Severity.ERROR, Severity.WARNING, Severity.INFO)},
            "by_rule": dict(sorted(by_rule.items())),
            "roots": sum(1 for f in self.findings if f.root),
            "knock_on": sum(1 for f in self.findings if f.knock_on_of),
            "not_checked": len(self.not_checked),
        }


def _cell(loc: Location) -> tuple[str, str, str] | None:
    """The figure a location names: a table cell, or a narrative figure on its line."""
    if loc.table is not None and loc.column is not None:
        return (loc.table, loc.row_code or loc.row_name or "", loc.column)
    if loc.table is None and loc.line is not None and (loc.row_name or loc.row_code):
        return (loc.section, loc.row_code or loc.row_name or "", f"line {loc.line}")
    return None


def mark_roots(findings: Sequence[Finding]) -> list[Finding]:
    """Mark which error is the likely root of several and which are its knock-ons.

    Every error of a comparison names the cells on both sides. A wrong figure breaks every
    identity it takes part in, so the cell named by the most errors is the likely culprit
    (e.g. a row that agrees in two tables and not in a third is named by both failing
    comparisons, and points at the third). The error whose own location is that cell is
    marked ``root``; the other errors naming the cell are its knock-ons.
    """
    errors = [i for i, f in enumerate(findings) if f.severity is Severity.ERROR]
    counts: Counter[tuple[str, str, str]] = Counter()
    cells_of: dict[int, set[tuple[str, str, str]]] = {}
    own_of: dict[int, tuple[str, str, str] | None] = {}  # the cell of each error's location
    for i in errors:
        f = findings[i]
        own_of[i] = _cell(f.location)
        cells = {c for c in (own_of[i], *(_cell(loc) for loc in f.related)) if c}
        cells_of[i] = cells
        counts.update(cells)
    out = list(findings)
    # The first error located at each cell, indexed once (a search per likely root made
    # many errors quadratic).
    first_at: dict[tuple[str, str, str], int] = {}
    for j in errors:
        own_j = own_of[j]
        if own_j is not None:
            first_at.setdefault(own_j, j)
    root_of: dict[tuple[str, str, str], int] = {}
    for i in errors:
        cells = cells_of[i]
        if not cells:
            continue
        own = own_of[i]
        best = max(cells, key=lambda c: (counts[c], c == own))
        if counts[best] < 2:
            continue
        if best not in root_of:
            root_of[best] = first_at.get(best, i)
        root = root_of[best]
        if root == i:
            out[i] = evolve(out[i], root=True)
        else:
            out[i] = evolve(out[i], knock_on_of=findings[root].key)
    return out


def _matches(rule_id: str, pattern: str) -> bool:
    """A rule id matches itself and every dotted prefix of it (``"table"``, ``"table."``,
    ``"table.sum"``), never a partial word (``"tab"``)."""
    p = pattern.strip().rstrip(".")
    return rule_id == p or rule_id.startswith(p + ".")


def select_rules(select: Iterable[str] | None = None,
                 ignore: Iterable[str] | None = None) -> list[Rule]:
    """The registered rules chosen by ids, codes or dotted prefixes of them.

    ``select`` keeps the rules matching any of its patterns (default: all), then
    ``ignore`` drops those matching any of its own. A pattern naming a finer code of a
    rule (``narrative.changes.rate``) selects the rule; `check_report` then keeps only
    the findings of that code. Ignoring a finer code keeps the rule and drops those
    findings.

    ```pycon
    >>> ids = [r.id for r in select_rules(select=["cross"], ignore=["cross.basic_economic"])]
    >>> all(i.startswith("cross.") for i in ids), "cross.basic_economic" in ids
    (True, False)
    >>> select_rules(select=["tabel"])
    Traceback (most recent call last):
    ...
    govbudget._errors.UnknownRule: no rule 'tabel' (see `govbudget rules`); did you mean table?

    ```

    Raises:
        UnknownRule: a pattern matches no registered rule or code.
    """
    reg = registry()
    select = list(select) if select is not None else None
    ignore = list(ignore or ())
    all_codes = [c.id for r in reg.values() for c in r.codes]
    for pattern in [*(select or ()), *ignore]:
        if not any(_matches(i, pattern) for i in all_codes):
            names = sorted(set(all_codes) | {i.split(".")[0] for i in all_codes})
            import difflib  # only to name close matches

            close = tuple(difflib.get_close_matches(pattern.strip().rstrip("."), names, n=3))
            raise UnknownRule(pattern, close)
    return [r for i, r in reg.items()
            if (select is None or any(_matches(c.id, p) for p in select for c in r.codes))
            and not any(_matches(i, p) for p in ignore)]


def _code_filter(select: Sequence[str] | None, ignore: Sequence[str]
                 ) -> Callable[[Finding], bool] | None:
    """Whether a finding's code is kept by ``select`` and ``ignore`` (``None``: all are)."""
    if select is None and not ignore:
        return None

    def keep(f: Finding) -> bool:
        if select is not None and not any(
                _matches(f.code, p) or _matches(f.rule, p) for p in select):
            return False
        return not any(_matches(f.code, p) for p in ignore)

    return keep


def check_report(
    report: Report,
    *,
    rules: Iterable[str | Rule] | None = None,
    min_severity: Severity = Severity.INFO,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> CheckResult:
    """Run the rules (default: all registered) on a report and collect every finding.

    A rule that does not apply to the report (its ``when`` is false) is skipped. Rules
    never stop the run: all findings are collected.

    Args:
        report: the report.
        rules: rule ids or `Rule` objects to run (default: all).
        min_severity: drop findings below this severity.
        select: rule ids, finding codes or dotted prefixes to run (``["table",
            "cross.basic", "narrative.changes.rate"]``); a finer code keeps only its
            findings.
        ignore: rule ids, codes or prefixes not to run or not to report (applied after
            ``select``).

    Raises:
        UnknownRule: a rule id in ``rules``, ``select`` or ``ignore`` is not registered.
    """
    reg = current()
    chosen: list[Rule] = []
    for r in rules if rules is not None else reg.values():
        if isinstance(r, str) and r not in reg:
            raise UnknownRule(r)
        chosen.append(reg[r] if isinstance(r, str) else r)
    keep_code: Callable[[Finding], bool] | None = None
    if select is not None or ignore is not None:
        select = None if select is None else list(select)
        ignore = list(ignore or ())
        keep = {r.id for r in select_rules(select, ignore)}
        chosen = [r for r in chosen if r.id in keep]
        keep_code = _code_filter(select, ignore)
    # Trust before arithmetic: the rules that compare figures see only the tables the
    # reader is sure of; the reading rules see the whole report (and report the doubts).
    doubtful = [t for t in report.tables if t.doubts]
    view = report if not doubtful else evolve(
        report, tables=tuple(t for t in report.tables if not t.doubts))
    ctx = Context(report)
    vctx = ctx if view is report else Context(view, frozenset(t.kind for t in doubtful),
                                              tuple(doubtful))
    found: list[Finding] = []
    # The kinds of table present, gathered once for every rule whose condition is a
    # `Requires` (most cross-table rules), for the whole report and for the view.
    kinds = {t.kind for t in report.tables}
    view_kinds = kinds if view is report else {t.kind for t in view.tables}
    try:
        for r in chosen:
            if r.category is Category.DOCUMENTS:
                continue  # compares documents: `check_reports`
            reading = r.category is Category.READING
            when = r.when
            if type(when) is Requires:
                if not when.holds(report.kind, kinds if reading else view_kinds):
                    continue
            elif not when(report if reading else view):
                continue
            for f in r.check(ctx if reading else vctx):
                found.append(f)
    finally:
        # What rules derived and shared lives as long as the run: a rule's memo may hold
        # an object that holds the context (a cycle), so the report would wait for the
        # garbage collector. Cleared, it is freed by reference counting at once.
        ctx.forget()
        vctx.forget()
    if keep_code is not None:
        found = [f for f in found if keep_code(f)]
    found = mark_roots(found)
    if report.pages:
        found = [_with_pages(f, report) for f in found]
    held: tuple[NotChecked, ...] = ()
    if report.ocr_pages:
        found, held = _held_for_ocr(found, report.ocr_pages)
    kept = [f for f in found if f.severity >= min_severity]
    kept.sort(key=lambda f: (-f.severity.rank, f.location.line or 0, f.rule))
    not_checked = tuple(
        NotChecked(section=t.title or t.kind.chinese, table=t.kind.value,
                   reason="；".join(d.message for d in t.doubts),
                   reason_en="; ".join(d.message_en or d.reason for d in t.doubts),
                   lines=tuple(sorted({n for d in t.doubts for n in d.lines}))[:20],
                   page=report.page_of(t.line))
        for t in doubtful) + held
    return CheckResult(report=report, findings=tuple(kept), not_checked=not_checked)


def _held_for_ocr(found: list[Finding], ocr_pages: Sequence[int]
                  ) -> tuple[list[Finding], tuple[NotChecked, ...]]:
    """The findings, those of a check (not of the reading) placed on a page of OCR text
    held back: they are computed from a machine's reading of a scan, where a misread digit
    would be reported as the report's error. Each such page is listed as not checked.

    >>> f = Finding(rule="narrative.shares", severity=Severity.ERROR, message="m", message_en="m",
    ...             location=Location(section="narrative", line=3, page=2))
    >>> kept, held = _held_for_ocr([f], (2,))
    >>> kept, [(n.page, n.lines) for n in held]
    ([], [(2, (3,))])

    """
    on = frozenset(ocr_pages)
    kept: list[Finding] = []
    by_page: dict[int, list[Finding]] = {}
    for f in found:
        page = f.location.page
        if page in on and not f.rule.startswith("reading."):
            by_page.setdefault(page, []).append(f)
        else:
            kept.append(f)
    held = tuple(
        NotChecked(section=f"第{page}页（OCR识别的文字）", table=None,
                   reason=f"本页文字来自OCR识别，数字可能误识：其{len(fs)}项核对结果未报告",
                   reason_en=f"the page's text is an OCR tool's reading (a digit may be "
                             f"misread): {len(fs)} check results on it are not reported",
                   lines=tuple(sorted({f.location.line for f in fs if f.location.line}))[:20],
                   page=page)
        for page, fs in sorted(by_page.items()))
    return kept, held


def _locate(loc: Location, report: Report) -> Location:
    if loc.page is not None or loc.line is None:
        return loc
    page = report.page_of(loc.line)
    if page is None:
        return loc
    # `evolve(loc, page=page)`, built directly (evolve walks the fields on every call;
    # a report with many findings has many locations). Every field is named: a test
    # compares it with evolve field by field.
    return Location(section=loc.section, table=loc.table, row_code=loc.row_code,
                    row_name=loc.row_name, column=loc.column, line=loc.line, page=page,
                    document=loc.document)


def _with_pages(f: Finding, report: Report) -> Finding:
    """The finding with the page of each of its locations (from the report's line → page
    map)."""
    loc = _locate(f.location, report)
    if isinstance(f.related, CellLocations):  # made when first looked at, with their pages
        return evolve(f, location=loc, related=f.related.located(partial(_locate, report=report)))
    related = tuple(_locate(r, report) for r in f.related)
    if loc is f.location and all(a is b for a, b in zip(related, f.related, strict=True)):
        return f
    # `evolve(f, location=loc, related=related)`, built directly (see `_locate`).
    return Finding(rule=f.rule, severity=f.severity, message=f.message,
                   message_en=f.message_en, location=loc, related=related,
                   expected=f.expected, actual=f.actual, difference=f.difference,
                   root=f.root, knock_on_of=f.knock_on_of, code=f.code)
