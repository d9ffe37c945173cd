"""Check profiles (TOML) and baselines of accepted findings.

A profile chooses the rules to run and how their findings are graded, for every report
or for reports of one region or kind:

```toml
select = ["table", "cross", "narrative", "performance", "codes", "reading"]
ignore = ["performance.name_unit"]      # rule ids or dotted prefixes, not run
ignore_codes = []                       # finding codes hidden after the run
min_severity = "info"
fail_on = "error"

[severity]                              # new severity by rule id, code or prefix
"table.economic.totals" = "warning"

[[override]]                            # for some reports only
kind = "final"                          # budget | final
region = "上海"                          # text in the unit name or the file's path
ignore = ["narrative.performance"]      # added to the ignore list above
severity = { "performance.columns_differ" = "info" }
```

A baseline is the JSON list of the fingerprints a reviewer accepted
(``govbudget check … --write-baseline FILE``); with ``--baseline FILE`` only new
findings are shown, and the summary counts the accepted ones as hidden.

```pycon
>>> p = Profile.from_toml('ignore = ["performance"]\\n[[override]]\\nkind = "final"\\n'
...                       'select = ["table"]\\n')
>>> p.ignore, p.overrides[0].kind
(('performance',), 'final')
>>> Profile.from_toml('colour = "red"')
Traceback (most recent call last):
...
govbudget._errors.ProfileError: profile: unknown key 'colour' (known: fail_on, ignore, ...)

```
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from attrs import field, frozen

from .._errors import ProfileError
from .._findings import Severity
from ._contract import Filters

__all__ = ["BASELINE_SCHEMA", "Profile", "baseline_document", "read_baseline"]

BASELINE_SCHEMA: Final = "https://govbudget.readthedocs.io/schema/baseline/1"
_KEYS: Final = frozenset({"select", "ignore", "ignore_codes", "severity", "min_severity",
                          "fail_on", "override"})
_OVERRIDE_KEYS: Final = frozenset({"kind", "region", "select", "ignore", "ignore_codes",
                                   "severity", "min_severity"})


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise ProfileError(f"{where} must be a list of rule ids")
    return tuple(x.strip() for x in value)


def _severity(value: Any, where: str) -> Severity:
    if not isinstance(value, str):
        raise ProfileError(f"{where} must be error, warning or info")
    try:
        return Severity.parse(value)
    except ValueError:
        raise ProfileError(f"{where} must be error, warning or info (got {value!r})") from None


def _severities(value: Any, where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ProfileError(f"{where} must be a table of rule id = severity")
    return {str(k): _severity(v, f"{where}.{k}") for k, v in value.items()}


def _check_keys(data: Mapping[str, Any], known: frozenset[str], where: str) -> None:
    for k in data:
        if k not in known:
            raise ProfileError(f"{where}: unknown key {k!r} (known: {', '.join(sorted(known))})")


@frozen
class Override:
    """Settings for the reports of one kind and/or region (see `Profile`)."""

    kind: str | None = None
    region: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    ignore_codes: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(factory=dict)
    min_severity: Severity | None = None

    def applies(self, report: Any, file: str) -> bool:
        """True when the report is of this override's kind and region."""
        if self.kind is not None and getattr(report, "kind", None) is not None \
                and report.kind.value != self.kind:
            return False
        if self.region is not None:
            haystack = f"{report.unit_name or ''} {file}"
            return self.region in haystack
        return True


@frozen
class Profile:
    """What to run and how to grade it (read from TOML with `from_toml` / `load`).

    Attributes:
        select: rule ids or prefixes to run (``None``: all).
        ignore: rule ids or prefixes not to run.
        ignore_codes: finding codes (or rules) to hide after the run.
        severity: new severities by rule id, code or prefix.
        min_severity: the default ``--min-severity``.
        fail_on: the default ``--fail-on``.
        overrides: settings for some reports only, applied in order.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    ignore_codes: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(factory=dict)
    min_severity: Severity | None = None
    fail_on: Severity | None = None
    overrides: tuple[Override, ...] = ()

    @classmethod
    def from_toml(cls, text: str, *, source: str = "profile") -> Profile:
        """Read a profile from TOML text.

        Raises:
            ProfileError: the TOML is malformed or has unknown keys or values.
        """
        import tomllib  # only when a profile is read

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ProfileError(f"{source}: not TOML: {exc}") from None
        _check_keys(data, _KEYS, source)
        overrides = []
        raw = data.get("override", [])
        if not isinstance(raw, list):
            raise ProfileError(f"{source}: override must be an array of tables ([[override]])")
        for i, o in enumerate(raw, 1):
            where = f"{source}: override {i}"
            if not isinstance(o, dict):
                raise ProfileError(f"{where} must be a table")
            _check_keys(o, _OVERRIDE_KEYS, where)
            kind = o.get("kind")
            if kind is not None and kind not in ("budget", "final"):
                raise ProfileError(f"{where}: kind must be budget or final (got {kind!r})")
            region = o.get("region")
            if region is not None and (not isinstance(region, str) or not region.strip()):
                raise ProfileError(f"{where}: region must be a text")
            overrides.append(Override(
                kind=kind, region=region,
                select=_strings(o["select"], f"{where}: select") if "select" in o else None,
                ignore=_strings(o.get("ignore", []), f"{where}: ignore"),
                ignore_codes=_strings(o.get("ignore_codes", []), f"{where}: ignore_codes"),
                severity=_severities(o.get("severity", {}), f"{where}: severity"),
                min_severity=(_severity(o["min_severity"], f"{where}: min_severity")
                              if "min_severity" in o else None)))
        return cls(
            select=_strings(data["select"], f"{source}: select") if "select" in data else None,
            ignore=_strings(data.get("ignore", []), f"{source}: ignore"),
            ignore_codes=_strings(data.get("ignore_codes", []), f"{source}: ignore_codes"),
            severity=_severities(data.get("severity", {}), f"{source}: severity"),
            min_severity=(_severity(data["min_severity"], f"{source}: min_severity")
                          if "min_severity" in data else None),
            fail_on=(_severity(data["fail_on"], f"{source}: fail_on")
                     if "fail_on" in data else None),
            overrides=tuple(overrides))

    @classmethod
    def load(cls, path: str | Path) -> Profile:
        """Read a profile from a TOML file.

        Raises:
            ProfileError: the file cannot be read or is not a valid profile.
        """
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ProfileError(f"cannot read profile {str(path)!r}: {exc}") from None
        return cls.from_toml(text, source=str(path))

    def rule_patterns(self) -> Iterable[str]:
        """Every rule id or prefix the profile names for selecting or ignoring rules."""
        yield from self.select or ()
        yield from self.ignore
        for o in self.overrides:
            yield from o.select or ()
            yield from o.ignore

    def resolve(self, report: Any, file: str, *, select: Sequence[str] | None = None,
                ignore: Sequence[str] = (), min_severity: Severity | None = None,
                baseline: frozenset[str] = frozenset()
                ) -> tuple[tuple[str, ...] | None, tuple[str, ...], Filters]:
        """The rules to select and ignore and the filters for one report (command-line
        ``select``/``ignore``/``min_severity`` win over the profile's)."""
        sel = self.select
        ign = list(self.ignore)
        codes = list(self.ignore_codes)
        sev = dict(self.severity)
        minimum = self.min_severity
        for o in self.overrides:
            if not o.applies(report, file):
                continue
            sel = o.select if o.select is not None else sel
            ign.extend(o.ignore)
            codes.extend(o.ignore_codes)
            sev.update(o.severity)
            minimum = o.min_severity or minimum
        if select is not None:
            sel = tuple(select)
        ign.extend(ignore)
        filters = Filters(min_severity=min_severity or minimum or Severity.INFO, severity=sev,
                          ignore_codes=tuple(codes), baseline=baseline)
        return sel, tuple(ign), filters


def read_baseline(path: str | Path) -> frozenset[str]:
    """The accepted fingerprints of a baseline file.

    Raises:
        ProfileError: the file cannot be read or is not a baseline.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProfileError(f"cannot read baseline {str(path)!r}: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA \
            or not isinstance(data.get("findings"), list):
        raise ProfileError(f"{str(path)!r} is not a govbudget baseline (schema {BASELINE_SCHEMA})")
    out = set()
    for item in data["findings"]:
        fp = item.get("fingerprint") if isinstance(item, dict) else None
        if not isinstance(fp, str):
            raise ProfileError(f"{str(path)!r}: every finding needs a fingerprint")
        out.add(fp)
    return frozenset(out)


def baseline_document(entries: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """A baseline accepting every finding of these file entries (shown or already accepted:
    ``_accepted`` holds those an earlier baseline hid)."""
    findings = []
    for e in entries:
        for f in e.get("findings", ()):
            findings.append({"fingerprint": f["fingerprint"], "file": e["file"],
                             "rule": f["rule"], "severity": f["severity"],
                             "message": f["message"]})
        for item in e.get("_accepted", ()):
            findings.append(dict(item, file=e["file"]))
    return {"schema": BASELINE_SCHEMA, "findings": findings}
