"""The check report as data: one JSON contract for one file or many.

```json
{"schema": "https://govbudget.readthedocs.io/schema/check-report/1",
 "valid": false,
 "files": [{"file": "a.txt", "unit_name": "…", "year": 2024, "kind": "budget",
            "valid": false, "error": null, "findings": […], "not_checked": […],
            "summary": {…}}],
 "summary": {"files": 1, "readable": 1, "unreadable": 0, "valid": 0, …}}
```

Every finding carries its rule and code, severity, messages (Chinese and English), its
location and the related ones, the figures as exact decimal strings with the unit as a
field of its own (in the unit of the table the figure is in, so they read as the report
prints them), and a ``fingerprint``: a hash of what was found and where in the report's
structure (rule, code, table, row, column, figures), never of the line number, so a
finding can be followed from one revision of a report to the next and accepted in a
baseline. The schema ships with the package (`schema`).

```pycon
>>> from govbudget import read_report, check_report
>>> result = check_report(read_report("examples/data/jincheng-npc-office-2024.txt"))
>>> entry = file_entry("sample.txt", result)
>>> entry["valid"], entry["kind"], entry["summary"]["by_severity"]["error"] > 0
(False, 'budget', True)
>>> f = entry["findings"][0]
>>> sorted(k for k in f if k.startswith(("expected", "actual", "difference", "unit")))
['actual', 'actual_text', 'difference', 'difference_text', 'expected', 'expected_text', 'unit']
>>> doc = document([entry])
>>> doc["schema"] == SCHEMA_ID, doc["summary"]["files"]
(True, 1)

```
"""

from __future__ import annotations

import importlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

from attrs import evolve

from .._errors import GovBudgetError
from .._findings import Finding, Location, Severity
from .._money import Money, Unit, parse_money
from .._record import FrozenRecord


def _sha256_function() -> Any:
    """SHA-256: the interpreter's own module where it has one (``_sha2``, ``_sha256``
    before Python 3.12), else hashlib's, the same digest: importing hashlib loads OpenSSL
    (about 2.5 ms of every ``govbudget check``) for the fingerprints' one hash."""
    for name in ("_sha2", "_sha256"):
        try:
            return importlib.import_module(name).sha256
        except (ImportError, AttributeError):
            continue
    from hashlib import sha256

    return sha256


_sha256 = _sha256_function()

__all__ = [
    "SCHEMA_ID",
    "Filters",
    "document",
    "error_entry",
    "file_entry",
    "finding_data",
    "fingerprints",
    "schema",
    "summarise",
]

SCHEMA_ID: Final = "https://govbudget.readthedocs.io/schema/check-report/1"
"""The ``schema`` of every check report document (a new major number breaks it)."""

_SEVERITIES: Final = (Severity.ERROR, Severity.WARNING, Severity.INFO)


def schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a check report document."""
    from importlib import resources  # only when asked for (it loads zipfile)

    text = (resources.files("govbudget") / "schema" / "check-report.schema.json").read_text(
        encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _matches(value: str, pattern: str) -> bool:
    p = pattern.strip().rstrip(".")
    return value == p or value.startswith(p + ".")


class Filters(FrozenRecord):
    """What a reviewer asked to see of the findings (after the rules ran).

    Attributes:
        min_severity: findings below it are hidden (and counted as hidden).
        severity: new severities by rule id, code or dotted prefix (the longest match
            wins).
        ignore_codes: findings whose code (or rule) matches one of these are hidden.
        baseline: fingerprints of accepted findings, hidden as ``baseline``.
    """

    __slots__ = ("baseline", "ignore_codes", "min_severity", "severity")

    def __init__(self, min_severity: Severity = Severity.INFO,
                 severity: Mapping[str, Severity] | None = None,
                 ignore_codes: tuple[str, ...] = (), baseline: frozenset[str] = frozenset(),
                 ) -> None:
        self.min_severity = min_severity
        self.severity: Mapping[str, Severity] = {} if severity is None else severity
        self.ignore_codes = ignore_codes
        self.baseline = baseline

    def regrade(self, f: Finding) -> Finding:
        """The finding with the severity the profile gives its code or rule, if any."""
        best: tuple[int, Severity] | None = None
        for pattern, sev in self.severity.items():
            if _matches(f.code, pattern) or _matches(f.rule, pattern):
                n = len(pattern)
                if best is None or n > best[0]:
                    best = (n, sev)
        return f if best is None or best[1] is f.severity else evolve(f, severity=best[1])


# -- fingerprints ---------------------------------------------------------------

def _place(loc: Location) -> list[str]:
    return [loc.table or loc.section, loc.row_code or "", loc.row_name or "", loc.column or ""]


def _base_print(f: Finding) -> str:
    parts = [f.rule, f.code, *_place(f.location),
             *(x for r in f.related for x in _place(r)),
             f.expected or "", f.actual or "", f.difference or ""]
    return str(_sha256("\x1f".join(parts).encode()).hexdigest())


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A fingerprint of each finding: 16 hex digits that do not depend on line or page.

    Two findings alike in everything but their lines (the same repaired figure printed
    twice) are told apart by their order in the report.
    """
    seen: Counter[str] = Counter()
    out: list[str] = []
    for f in findings:
        base = _base_print(f)
        seen[base] += 1
        n = seen[base]
        digest = base if n == 1 else str(_sha256(f"{base}#{n}".encode()).hexdigest())
        out.append(digest[:16])
    return out


# -- figures --------------------------------------------------------------------

def _plain(d: Decimal) -> str:
    text = format(d, "f")
    return "0" if text in ("-0", "") else text


def _figures(f: Finding, unit: Unit | None) -> dict[str, Any]:
    """expected / actual / difference as exact decimals in one unit, when they are money;
    the texts as the rule wrote them in any case."""
    texts = {"expected": f.expected, "actual": f.actual, "difference": f.difference}
    out: dict[str, Any] = {}
    money: dict[str, Money] = {}
    for k, v in texts.items():
        if v is None:
            continue
        try:
            money[k] = parse_money(v)
        except (GovBudgetError, ValueError, ArithmeticError):
            money = {}
            break
    if money:
        target = unit or min((m.unit for m in money.values()), key=lambda u: u.exponent)
        for k in texts:
            m = money.get(k)
            out[k] = None if m is None else _plain(m.to(target).amount)
        out["unit"] = target.value
    else:
        out.update(expected=None, actual=None, difference=None, unit=None)
    out.update({f"{k}_text": v for k, v in texts.items()})
    return out


def _location(loc: Location, labels: Mapping[tuple[str, str], str]) -> dict[str, Any]:
    label = None
    if loc.column is not None:
        label = labels.get((loc.section, loc.column)) or labels.get((loc.table or "", loc.column))
    return {"section": loc.section, "table": loc.table, "row_code": loc.row_code,
            "row_name": loc.row_name, "column": loc.column, "column_label": label,
            "line": loc.line, "page": loc.page}


def _column_labels(report: Any) -> dict[tuple[str, str], str]:
    """The printed heading of each column key, by table title and by table kind."""
    labels: dict[tuple[str, str], str] = {}
    for t in getattr(report, "tables", ()):
        for b in t.blocks:
            for c in b.columns:
                if c.label:
                    labels.setdefault((t.title, c.key), c.label)
                    labels.setdefault((t.kind.value, c.key), c.label)
    return labels


def _finding(f: Finding, fp: str, root_fp: str | None, unit: Unit | None,
             labels: Mapping[tuple[str, str], str]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "fingerprint": fp,
        "rule": f.rule,
        "code": f.code,
        "severity": f.severity.value,
        "message": f.message,
        "message_en": f.message_en,
        "location": _location(f.location, labels),
        "related": [_location(r, labels) for r in f.related],
    }
    data.update(_figures(f, unit))
    data["root"] = f.root
    data["knock_on_of"] = root_fp
    return data


def _location_data(loc: Location) -> dict[str, Any]:
    return {"section": loc.section, "table": loc.table, "row_code": loc.row_code,
            "row_name": loc.row_name, "column": loc.column, "line": loc.line,
            "page": loc.page, "document": loc.document}


def finding_data(f: Finding) -> dict[str, Any]:
    """A finding as plain data, field by field (what govbudget's cattrs converter makes of
    it, without building a converter in a process that only prints findings)."""
    return {"rule": f.rule, "severity": f.severity.value, "message": f.message,
            "message_en": f.message_en, "location": _location_data(f.location),
            "related": [_location_data(r) for r in f.related], "expected": f.expected,
            "actual": f.actual, "difference": f.difference, "root": f.root,
            "knock_on_of": f.knock_on_of, "code": f.code}


# -- entries --------------------------------------------------------------------

def _counts(findings: Iterable[Mapping[str, Any] | Finding]) -> dict[str, int]:
    c: Counter[str] = Counter(
        f.severity.value if isinstance(f, Finding) else str(f["severity"]) for f in findings)
    return {s.value: c.get(s.value, 0) for s in _SEVERITIES}


def _empty_summary() -> dict[str, Any]:
    zero = {s.value: 0 for s in _SEVERITIES}
    return {"findings": 0, "by_severity": dict(zero), "by_rule": {}, "shown": 0,
            "shown_by_severity": dict(zero), "hidden": {"min_severity": 0, "baseline": 0,
                                                        "profile": 0},
            "roots": 0, "knock_on": 0, "not_checked": 0}


def _table_units(report: Any) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for t in getattr(report, "tables", ()):
        units.setdefault(t.kind.value, t.unit)
        if t.title:
            units.setdefault(t.title, t.unit)
    return units


def _unit_of(loc: Location, units: Mapping[str, Unit]) -> Unit | None:
    """The unit the report prints the figure at ``loc`` in: its table's (a section title
    first, as a report may have two tables of one kind)."""
    if loc.table is None:
        return None
    return units.get(loc.section) or units.get(loc.table)


def file_entry(file: str, result: Any, filters: Filters | None = None) -> dict[str, Any]:
    """The contract entry of one checked report (`govbudget.CheckResult`).

    Every finding of the result is counted in the summary; those the filters hide are
    left out of ``findings`` and counted under ``summary.hidden``.
    """
    filters = filters or Filters()
    report = result.report
    units = _table_units(report)
    labels = _column_labels(report)
    all_findings = [filters.regrade(f) for f in result.findings]
    prints = fingerprints(all_findings)
    by_key = {f.key: fp for f, fp in zip(all_findings, prints, strict=True) if f.root}
    hidden = {"min_severity": 0, "baseline": 0, "profile": 0}
    shown: list[dict[str, Any]] = []
    accepted: list[dict[str, Any]] = []
    for f, fp in zip(all_findings, prints, strict=True):
        if any(_matches(f.code, p) or _matches(f.rule, p) for p in filters.ignore_codes):
            hidden["profile"] += 1
            continue
        if f.severity < filters.min_severity:
            hidden["min_severity"] += 1
            continue
        if fp in filters.baseline:
            hidden["baseline"] += 1
            accepted.append({"fingerprint": fp, "rule": f.rule, "severity": f.severity.value,
                             "message": f.message})
            continue
        root = by_key.get(f.knock_on_of) if f.knock_on_of else None
        shown.append(_finding(f, fp, root, _unit_of(f.location, units), labels))
    by_rule = Counter(f.rule for f in all_findings)
    summary: dict[str, Any] = {
        "findings": len(all_findings),
        "by_severity": _counts(all_findings),
        "by_rule": dict(sorted(by_rule.items())),
        "shown": len(shown),
        "shown_by_severity": _counts(shown),
        "hidden": hidden,
        "roots": sum(1 for f in shown if f["root"]),
        "knock_on": sum(1 for f in shown if f["knock_on_of"]),
        "not_checked": len(result.not_checked),
    }
    kind = getattr(report, "kind", None)
    entry: dict[str, Any] = {
        "file": file,
        "unit_name": report.unit_name,
        "year": report.year,
        "kind": None if kind is None else kind.value,
        "valid": summary["shown_by_severity"]["error"] == 0,
        "error": None,
        "findings": shown,
        "not_checked": [
            {"section": n.section, "table": n.table, "reason": n.reason,
             "reason_en": n.reason_en, "lines": list(n.lines), "page": n.page}
            for n in result.not_checked],
        "summary": summary,
    }
    if accepted:  # for --write-baseline; never part of the printed contract
        entry["_accepted"] = accepted
    return entry


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def error_entry(file: str, exc: BaseException) -> dict[str, Any]:
    """The contract entry of a file that could not be read or checked.

    ``error.code`` is the snake-case name of the error (``read_error``) for govbudget's
    own errors, ``internal_error`` for anything else (a bug: please report it).
    """
    if isinstance(exc, GovBudgetError):
        code = _snake(type(exc).__name__)
        message = str(exc).splitlines()[0] if str(exc) else code
    else:
        code = "internal_error"
        first = str(exc).splitlines()[0] if str(exc) else ""
        message = f"internal error: {type(exc).__name__}: {first}".rstrip(": ")
    return {"file": file, "unit_name": None, "year": None, "kind": None, "valid": False,
            "error": {"code": code, "message": message}, "findings": [], "not_checked": [],
            "summary": _empty_summary()}


def summarise(entries: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The summary over many file entries (or over their summaries, with ``file``,
    ``error`` and ``valid``: what a worker sends back). ``files`` counts each file named (a
    bundle once, at its first report), ``reports`` each entry (a bundle's reports each); ``valid`` and the other counts are
    per report."""
    total = _empty_summary()
    total.update(files=0, reports=0, readable=0, unreadable=0, valid=0)
    by_rule: Counter[str] = Counter()
    for e in entries:
        bundle = e.get("bundle")
        total["files"] += 1 if not bundle or bundle["report"] == 1 else 0
        total["reports"] += 1
        if e.get("error"):
            total["unreadable"] += 1
            continue
        total["readable"] += 1
        total["valid"] += 1 if e.get("valid") else 0
        s = e["summary"]
        for k in ("findings", "shown", "roots", "knock_on", "not_checked"):
            total[k] += s[k]
        for k in ("by_severity", "shown_by_severity", "hidden"):
            for sk, n in s[k].items():
                total[k][sk] += n
        by_rule.update(s["by_rule"])
    total["by_rule"] = dict(sorted(by_rule.items()))
    order = ["files", "reports", "readable", "unreadable", "valid"]
    return {k: total[k] for k in order} | {k: v for k, v in total.items() if k not in order}


def document(entries: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The whole check report: ``schema``, ``valid``, ``files`` and ``summary``."""
    summary = summarise(entries)
    return {"schema": SCHEMA_ID,
            "valid": summary["unreadable"] == 0 and summary["valid"] == summary["reports"],
            "files": list(entries), "summary": summary}
