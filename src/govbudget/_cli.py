"""The ``govbudget`` command line: a thin layer over the library.

Commands:

- ``govbudget codes CODE...``: look up classification codes;
- ``govbudget parse FILE [--format text|json|csv|fdp]``: read a report;
- ``govbudget check FILE_OR_DIR... [--format text|json|jsonl|csv|html]``: check reports;
- ``govbudget rules [--format text|json]``: list the rules.

Exit status: 0 success; 1 findings at or above ``--fail-on`` (``check``) or an unknown
code (``codes``); 2 unreadable input, a malformed code or wrong arguments. Errors are one
line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from ._errors import GovBudgetError

if TYPE_CHECKING:
    from ._findings import Severity
    from .codes import Scheme

__all__ = ["main"]


class _UsageError(Exception):
    pass


def _terminal_columns() -> int:
    """The terminal's width (``$COLUMNS``, else the terminal's, else 80)."""
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` finds it (``$COLUMNS``, then the
    terminal of standard output, then 80), without importing shutil: argparse imports it
    for every parser and argument it builds, and shutil the compression modules (about
    2.5 ms of every command)."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns if columns > 0 else 80


class _Raw(argparse.RawDescriptionHelpFormatter):
    """The epilog as written, at the terminal's width (`_columns`)."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None) -> None:
        super().__init__(prog, indent_increment, max_help_position,
                         _columns() - 2 if width is None else width)


class _Help(_Raw):
    """Help with the epilog as written and each option's default (when it has one and
    the help does not say it already)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        if "default" in text or action.default in (None, False, argparse.SUPPRESS):
            return text
        return f"{text} (default: %(default)s)"


# -- codes ----------------------------------------------------------------------

def _cmd_codes(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .codes import SCHEMES, scheme_for

    status = 0
    for raw in args.code:
        scheme = SCHEMES[args.scheme] if args.scheme else scheme_for(raw)
        local = _local_scheme(raw, args.scheme) if scheme is None else None
        if local is not None:
            status = max(status, _print_local(local, raw, out, err, verbose=args.verbose))
            continue
        if scheme is None or not scheme.is_valid(raw):
            hint = f" for {scheme.name}" if scheme is not None else ""
            err.write(f"govbudget codes: {raw!r} is not a valid code{hint} "
                      "(functional 3/5/7 digits, economic 3/5 digits, procurement A/A15/A1502)\n")
            status = max(status, 2)
            continue
        info = scheme.get(raw, year=args.year)
        if info is None:
            edition = f" (edition {args.year})" if args.year else ""
            err.write(f"govbudget codes: {scheme.compact(raw)} is not in the built-in "
                      f"{scheme.title} catalogue{edition}\n")
            status = max(status, 1)
            continue
        editions = ", ".join(str(y) for y in info.editions) or "unknown"
        scope = f" [{info.scope}]" if info.scope else ""
        out.write(f"{info.code}  {info.name}{scope}  ({info.level_name}, {scheme.title}; "
                  f"editions {editions})\n")
        for anc in reversed(scheme.ancestor_codes(info.code)):
            a = scheme.get(anc, year=args.year)
            label = f"{a.name} ({a.level_name})" if a else "(not in the built-in catalogue)"
            out.write(f"  under {anc}  {label}\n")
        for other in scheme.entries(info.code, year=args.year)[1:]:
            eds = ", ".join(str(y) for y in other.editions) or "unknown"
            if other.conflict:
                out.write(f"  also printed as {other.name} (editions {eds}; flagged: "
                          f"{other.conflict})\n")
            else:
                out.write(f"  other edition: {other.name} (editions {eds})\n")
        if info.note:
            out.write(f"  note: {info.note}\n")
        if args.verbose:
            out.write(f"  source: {info.source}\n")
    return status


def _local_scheme(raw: str, name: str | None) -> Scheme | None:
    """The scheme whose local sub-items (地方细化) ``raw`` has the shape of, if any."""
    from .codes import SCHEMES

    for s in SCHEMES.values() if name is None else (SCHEMES[name],):
        if s.is_local(raw):
            return s
    return None


def _print_local(scheme: Scheme, raw: str, out: TextIO, err: TextIO, *, verbose: bool) -> int:
    """Print a local sub-item and the national item it refines (1 when not attested)."""
    national = scheme.national_code(raw)
    item = scheme.local_item(raw)
    if item is None:
        err.write(f"govbudget codes: {scheme.compact(raw)} is a local sub-item under {national}, "
                  f"not a national code, and not in the built-in data\n")
        return 1
    eds = ", ".join(str(y) for y in item.editions) or "unknown"
    out.write(f"{item.code}  {item.name} [{item.scope}]  ({item.level_name}, local sub-item, "
              f"not a national code; editions {eds})\n")
    parent = scheme.get(national)
    label = f"{parent.name} ({parent.level_name})" if parent else "(not in the built-in catalogue)"
    out.write(f"  refines {national}  {label}\n")
    if verbose:
        out.write(f"  source: {item.source}\n")
    return 0


# -- parse ----------------------------------------------------------------------

def _summary_text(report: Any) -> str:
    lines = [f"{report.source}: {report.unit_name or '(unit unknown)'} {report.year or ''} "
             f"[{report.table_set.value}]"]
    lines.append(f"tables: {len(report.tables)}")
    for t in report.tables:
        rows = sum(len(b.rows) for b in t.blocks)
        total = ""
        for b in t.blocks:
            tot = next((r for r in b.rows if r.kind.value == "total"), None)
            if tot is not None and tot.values and tot.values[0] is not None:
                total = f"  {b.name + ' ' if b.name else ''}合计 {tot.values[0]}{t.unit.symbol}"
                break
        empty = "  (本表无数据)" if t.empty else ""
        lines.append(f"  {t.number:>2} {t.kind.value:<20} {rows:>3} rows{total}{empty}  "
                     f"{t.title}")
    lines.append(f"performance target tables: {len(report.performance)}")
    for p in report.performance:
        n_year = sum(1 for i in p.indicators_year if not i.is_empty)
        n_period = sum(1 for i in p.indicators_period if not i.is_empty)
        amount = f"{p.total_year}{p.unit.symbol}" if p.total_year is not None else "?"
        lines.append(f"  {p.project}: {amount}, indicators {n_period} (实施期) / {n_year} (年度)")
    lines.append(f"narrative: {len(report.narrative.sections)} sections, "
                 f"{len(report.narrative.facts)} facts")
    if report.findings:
        lines.append(f"reading findings: {len(report.findings)}")
        for f in report.findings:
            lines.append(f"  {f.severity.value:<7} {f.rule}  {f.location}  {f.message}")
    return "\n".join(lines) + "\n"


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._ingest._reader import read_report
    from ._serialise import dumps, to_csv

    files = _expand(args.files)
    if not files:
        raise _UsageError("govbudget parse: no input files "
                          "(directories are searched for *.txt and *.pdf)")
    if args.format == "fdp":
        return _cmd_parse_fdp(files, args, err)
    if args.format == "csv":
        # One tidy CSV for all files; an unreadable file is reported and skipped.
        status = 0
        header = True
        sink: TextIO = io.StringIO() if args.output else out
        for f in files:
            try:
                report = read_report(f, encoding=args.encoding)
            except GovBudgetError as exc:
                err.write(f"govbudget parse: {str(exc).splitlines()[0]}\n")
                status = 2
                continue
            to_csv(report, sink, header=header)
            header = False
        if args.output and isinstance(sink, io.StringIO):
            _write_file(args.output, sink.getvalue())
        return status
    if len(files) > 1:
        raise _UsageError("govbudget parse: --format text and json take one file "
                          "(use --format csv for many)")
    report = read_report(files[0], encoding=args.encoding)
    text = dumps(report) + "\n" if args.format == "json" else _summary_text(report)
    if args.output:
        _write_file(args.output, text)
    else:
        out.write(text)
    return 0


def _cmd_parse_fdp(files: list[str], args: argparse.Namespace, err: TextIO) -> int:
    from ._ingest._reader import read_report
    from ._output._fdp import write_package

    if not args.output:
        raise _UsageError("govbudget parse: --format fdp needs --output DIR")
    if len(files) > 1:
        raise _UsageError("govbudget parse: --format fdp takes one file")
    report = read_report(files[0], encoding=args.encoding)
    write_package(report, args.output)
    err.write(f"govbudget parse: wrote {Path(args.output) / 'datapackage.json'}\n")
    return 0


def _write_file(path: str, text: str, *, encoding: str = "utf-8") -> None:
    try:
        Path(path).write_text(text, encoding=encoding, newline="")
    except OSError as exc:
        raise _UsageError(f"govbudget: cannot write {path!r}: {exc.strerror or exc}") from None


# -- check ----------------------------------------------------------------------

_INPUTS: Final = (".txt", ".pdf")


def _expand(paths: Sequence[str]) -> list[str]:
    files: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(x for x in path.rglob("*") if x.suffix.lower() in _INPUTS
                           and x.is_file())
            # A text beside its PDF (NAME.txt, NAME.pdf) is the same report: the PDF is read.
            pdfs = {x.with_suffix("") for x in found if x.suffix.lower() == ".pdf"}
            files.extend(str(x) for x in found
                         if x.suffix.lower() == ".pdf" or x.with_suffix("") not in pdfs)
        else:
            files.append(p)
    return files


def _progress(done: int, total: int, err: TextIO) -> None:
    width = 30
    filled = width * done // max(total, 1)
    err.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        err.write("\n")
    err.flush()


def _split(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    return tuple(x.strip() for v in values for x in v.split(",") if x.strip())



def _text_style(args: argparse.Namespace, out: TextIO) -> Any:
    from ._output._text import Style

    tty = not args.output and out.isatty()
    terminal = max(80, _terminal_columns()) if tty else 80
    columns = max(40, args.width) if args.width else terminal
    colour = args.color == "always" or (args.color == "auto" and tty
                                        and not os.environ.get("NO_COLOR"))
    return Style(width=columns, lang=args.lang, colour=colour)


def _failing(entry: dict[str, Any], fail_on: Severity | None) -> bool:
    if fail_on is None or entry.get("error"):
        return False
    shown = entry["summary"]["shown_by_severity"]
    return any(shown[s] for s in ("error", "warning", "info")
               if _rank(s) >= fail_on.rank)


def _rank(value: str) -> int:
    return {"info": 0, "warning": 1, "error": 2}[value]


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._batch import Task, public, run
    from ._findings import Severity
    from ._output._contract import document, summarise
    from .checks import select_rules

    profile = None
    if args.profile:  # the profile module only when there is a profile or a baseline
        from ._output._profile import Profile

        profile = Profile.load(args.profile)
    select, ignore = _split(args.select), _split(args.ignore) or ()
    # An unknown rule id is an error before any file is read.
    select_rules(select, ignore)
    for pattern in profile.rule_patterns() if profile is not None else ():
        select_rules([pattern])
    min_severity = Severity.parse(args.min_severity) if args.min_severity else None
    fail_text = args.fail_on or (profile.fail_on.value if profile is not None
                                 and profile.fail_on else "error")
    fail_on = None if fail_text == "never" else Severity.parse(fail_text)
    baseline: frozenset[str] = frozenset()
    if args.baseline:
        from ._output._profile import read_baseline

        baseline = read_baseline(args.baseline)
    files = _expand(args.paths)
    if not files:
        raise _UsageError("govbudget check: no input files "
                          "(directories are searched for *.txt and *.pdf)")
    single = len(files) == 1 and not Path(args.paths[0]).is_dir()
    if len(files) > 1:
        gc.enable()  # (`_entry.run` turns it off for one file: many free their cycles)
    task = Task(encoding=args.encoding, profile=profile, select=select, ignore=ignore,
                 min_severity=min_severity, baseline=baseline,
                 context=3 if args.format == "html" else 0, as_line=args.format == "jsonl",
                 keep_findings=bool(args.write_baseline))
    sink: TextIO = io.StringIO() if args.output else out
    streaming = args.format in ("text", "jsonl")
    style: Any = _text_style(args, out) if args.format == "text" else None
    show_progress = err.isatty() and not args.quiet and not single
    entries: list[dict[str, Any]] = []
    status = 0
    for i, res in enumerate(run(files, task, jobs=args.jobs or 1), 1):
        entries.append(res)
        if res.get("error"):
            status = 2
            if single and args.format == "text":
                err.write(f"govbudget check: {res['error']['message']}\n")
                return 2
        elif _failing(res, fail_on):
            status = max(status, 1)
        if args.format == "jsonl":
            sink.write(res["_line"] + "\n")
        elif args.format == "text":
            from ._output._text import render_entry

            if show_progress:
                err.write("\r")
            sink.write(("\n" if i > 1 else "") + render_entry(res, style))
        if streaming and not args.write_baseline:
            # keep only what the totals need
            entries[-1] = {k: res[k] for k in ("file", "bundle", "error", "valid", "summary")
                           if k in res}
        if show_progress:
            _progress(i, len(files), err)
    summary = summarise(entries)
    across: dict[str, Any] | None = None
    if len(files) >= 2 and not any(Path(p).is_dir() for p in args.paths):
        # Documents named one by one: a unit's reports of several years or kinds.
        across = _documents(files, args)
        if fail_on is not None and any(_rank(f["severity"]) >= fail_on.rank
                                       for f in across["findings"]):
            status = max(status, 1)
        if args.format == "jsonl":
            sink.write(json.dumps({"documents": across}, ensure_ascii=False) + "\n")
        elif args.format == "text":
            sink.write(_text_documents(across))
    if args.format == "jsonl":
        doc = document([])
        doc.pop("files")
        doc["valid"] = summary["unreadable"] == 0 and summary["valid"] == summary["reports"]
        doc["summary"] = summary
        sink.write(json.dumps(doc, ensure_ascii=False) + "\n")
    elif args.format == "text":
        from ._output._text import render_total

        if len(entries) > 1:
            sink.write(render_total(summary, style))
    elif args.format == "json":
        doc_json = document([public(e) for e in entries])
        if across is not None:
            doc_json["documents"] = across
        sink.write(json.dumps(doc_json, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        from ._output._csv import findings_csv

        sink.write(findings_csv(entries, bom=True))
    else:
        from ._output._html import render_html

        sink.write(render_html(entries, summary))
    if args.output and isinstance(sink, io.StringIO):
        _write_file(args.output, sink.getvalue())
    if args.write_baseline:
        from ._output._profile import baseline_document

        _write_file(args.write_baseline, json.dumps(baseline_document(entries),
                                                    ensure_ascii=False, indent=2) + "\n")
    return status


# -- rules ----------------------------------------------------------------------

def _cmd_rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._output._width import wrap
    from .checks import registry, select_rules

    chosen = select_rules(_split(args.select)) if args.select else list(registry().values())
    if args.format == "json":
        data = [{"id": r.id, "code": r.id, "title": r.title, "title_en": r.title_en,
                 "category": r.category.value, "severity": r.severity.value,
                 "applies": r.applies, "doc": r.doc} for r in chosen]
        out.write(json.dumps({"rules": data}, ensure_ascii=False, indent=2) + "\n")
        return 0
    columns = 80 if not out.isatty() else max(80, _terminal_columns())
    for r in chosen:
        title = r.title_en if args.lang == "en" else r.title
        out.write(f"{r.id}  [{r.severity.value}, {r.category.value}]\n")
        for line in wrap(title, columns - 4):
            out.write(f"    {line}\n")
        for line in wrap(("applies: " if args.lang == "en" else "适用：") + r.applies,
                         columns - 4):
            out.write(f"    {line}\n")
    out.write(f"{len(chosen)} rules\n" if args.lang == "en" else f"共 {len(chosen)} 条规则\n")
    return 0


def _documents(files: list[str], args: argparse.Namespace) -> dict[str, Any]:
    """The cross-document rules over the readable files (`govbudget.check_reports`)."""
    from ._findings import Severity
    from ._ingest._reader import read_report
    from .checks import Category, check_reports, registry

    reports = []
    for f in files:
        try:
            reports.append(read_report(f, encoding=args.encoding))
        except GovBudgetError:
            continue  # reported with the file's own result
    rules = [r for r in registry().values() if r.category is Category.DOCUMENTS]
    res = check_reports(reports, same_unit=args.same_unit, rules=rules,
                        min_severity=Severity.parse(args.min_severity or "info"))
    return {
        "pairs": [{"earlier": p.earlier, "later": p.later, "relation": p.relation.value}
                  for p in res.pairs],
        "unpaired": [{"file": u.source, "reason": u.reason, "reason_en": u.reason_en}
                     for u in res.unpaired],
        "findings": [_finding_dict(f) for f in res.findings],
    }


def _finding_dict(f: Any) -> dict[str, Any]:
    """A cross-document finding as data (its locations name their documents)."""
    from ._output._contract import finding_data

    data = finding_data(f)
    data["key"] = f.key
    return data


def _text_documents(across: dict[str, Any]) -> str:
    out = ["", "== documents (checks across documents)"]
    for p in across["pairs"]:
        out.append(f"  paired {p['earlier']} → {p['later']} ({p['relation']})")
    for u in across["unpaired"]:
        out.append(f"  not paired {u['file']}: {u['reason_en']}")
    for f in across["findings"]:
        loc = f["location"]
        out.append(f"  {f['severity'].upper():<7} {loc.get('document')}"
                   f"{' L' + str(loc['line']) if loc.get('line') else ''}  {f['rule']}")
        out.append(f"          {f['message']}")
        for rel in f.get("related", []):
            out.append(f"          vs {rel.get('document')}: {rel['section']}"
                       + (f" L{rel['line']}" if rel.get("line") else ""))
    return "\n".join(out) + "\n"


# -- parser ---------------------------------------------------------------------

_EXIT_CHECK = """\
exit status:
  0  no finding at or above --fail-on (default: error)
  1  findings at or above --fail-on
  2  an unreadable file, an unknown rule id or wrong arguments (one line on stderr)

examples:
  govbudget check report.txt
  govbudget check reports/ --format json --output findings.json
  govbudget check report.txt --format html --output report.html
  govbudget check report.txt --min-severity warning --fail-on warning --lang en
  govbudget check report.txt --write-baseline accepted.json   # then, later:
  govbudget check report.txt --baseline accepted.json          # only new findings
  govbudget check reports/ --profile review.toml --jobs 2 --format jsonl
"""

_EXIT_PARSE = """\
exit status:
  0  read
  2  an unreadable file or wrong arguments (one line on stderr)

examples:
  govbudget parse report.txt
  govbudget parse report.txt --format json --output report.json
  govbudget parse reports/ --format csv > cells.csv
  govbudget parse report.txt --format fdp --output package/   # Fiscal Data Package
"""

_EXIT_CODES = """\
exit status:
  0  every code is known
  1  a code is well formed but not in the built-in catalogue
  2  a malformed code or wrong arguments

examples:
  govbudget codes 2010101 30217 A1502
  govbudget codes --scheme dept_economic -v 30217
"""

_EXIT_RULES = """\
exit status:
  0  listed
  2  an unknown rule id (--select) or wrong arguments

examples:
  govbudget rules
  govbudget rules --format json
  govbudget rules --select cross --lang en
"""


def _build_parser() -> _Parser:
    from . import __version__

    parser = _Parser(
        prog="govbudget",
        description="Read and check Chinese government budget disclosures (预算公开).",
        epilog="examples:\n  govbudget check report.txt\n  govbudget parse report.txt\n"
               "  govbudget codes 2010101\n  govbudget rules\n\n"
               "Run 'govbudget COMMAND --help' for a command's options.",
        formatter_class=_Raw,
    )
    parser.add_argument("--version", action="version", version=f"govbudget {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    p = sub.add_parser("codes", help="look up classification codes (科目编码)",
                       description="Look up classification codes (科目编码).",
                       epilog=_EXIT_CODES, formatter_class=_Help)
    p.add_argument("code", nargs="+", help="codes such as 2010101, 30217, A1502")
    p.add_argument("--scheme", choices=["functional", "dept_economic", "gov_economic",
                                        "procurement"],
                   help="the scheme (default: guessed from the code's shape)")
    p.add_argument("--year", type=int, help="the edition year (default: newest known)")
    p.add_argument("-v", "--verbose", action="store_true", help="show each entry's source")
    p.set_defaults(run=_cmd_codes)

    p = sub.add_parser("parse", help="read a report (text extracted from its PDF)",
                       description="Read a report (the text extracted from its PDF).",
                       epilog=_EXIT_PARSE, formatter_class=_Help)
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="the report's text file (several files or directories with --format csv)")
    p.add_argument("--format", choices=["text", "json", "csv", "fdp"], default="text",
                   help="text: a summary; json: the whole report; csv: every table cell of "
                        "every file, in one tidy CSV; fdp: a Fiscal Data Package in --output")
    p.add_argument("--output", "-o", metavar="PATH",
                   help="write to this file (a directory for fdp) instead of stdout")
    p.add_argument("--encoding", help="the file's encoding (default: detect UTF-8/GB18030)")
    p.set_defaults(run=_cmd_parse)

    p = sub.add_parser("check", help="check reports: every identity that ties them together",
                       description="Check reports: every identity that ties them together.",
                       epilog=_EXIT_CHECK, formatter_class=_Help)
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR",
                   help="report text or PDF files, or directories searched for *.txt and *.pdf")
    p.add_argument("--format", choices=["text", "json", "jsonl", "csv", "html"], default="text",
                   help="text for people; json: one document; jsonl: one file entry per line, "
                        "then the summary; csv: one row a finding (UTF-8 with BOM); html: one "
                        "self-contained page")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--min-severity", metavar="LEVEL", choices=["info", "warning", "error"],
                   help="hide findings below LEVEL (they are still counted; default: the "
                        "profile's, else info)")
    p.add_argument("--fail-on", metavar="LEVEL", choices=["info", "warning", "error", "never"],
                   help="exit 1 when a finding shown is at or above LEVEL (default: the "
                        "profile's, else error)")
    p.add_argument("--select", action="append", metavar="RULES",
                   help="run only these rule ids or prefixes (comma-separated; repeatable)")
    p.add_argument("--ignore", action="append", metavar="RULES",
                   help="do not run these rule ids or prefixes (comma-separated; repeatable)")
    p.add_argument("--profile", metavar="FILE", help="a TOML profile (rules, severities, "
                   "options per region or kind)")
    p.add_argument("--baseline", metavar="FILE",
                   help="hide the findings accepted in this baseline (by fingerprint)")
    p.add_argument("--write-baseline", metavar="FILE",
                   help="write a baseline accepting every finding shown")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of text output")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour text output (auto: on a terminal, unless NO_COLOR is set)")
    p.add_argument("--width", type=int, metavar="COLUMNS",
                   help="columns of text output (default: 80, or the terminal's if wider)")
    p.add_argument("--jobs", "-j", type=int, default=1,
                   help=f"parallel processes for many files (this machine: {os.cpu_count()})")
    p.add_argument("--encoding", help="the files' encoding (default: detect)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--same-unit", action="store_true",
                   help="the files named are one unit's documents (pair them even when "
                        "their unit names are not read)")
    p.set_defaults(run=_cmd_check)

    p = sub.add_parser("rules", help="list the rules: ids, titles, category, severity",
                       description="List every registered rule.", epilog=_EXIT_RULES,
                       formatter_class=_Help)
    p.add_argument("--format", choices=["text", "json"], default="text",
                   help="text for people; json: {\"rules\": [...]}")
    p.add_argument("--select", action="append", metavar="RULES",
                   help="only these rule ids or prefixes (comma-separated)")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language of the titles")
    p.set_defaults(run=_cmd_rules)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    out, err = sys.stdout, sys.stderr
    try:
        parser = _build_parser()
        args = parser.parse_args(argv)
        if getattr(args, "run", None) is None:  # no command: the usage, and exit 2
            out.write(parser.format_help())
            return 2
        return int(args.run(args, out, err))
    except _UsageError as exc:
        err.write(f"{exc}\n")
        return 2
    except GovBudgetError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        err.write(f"govbudget: error: {first}\n")
        return 2
    except KeyboardInterrupt:
        err.write("govbudget: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except SystemExit as exc:  # --help and --version
        return int(exc.code or 0) if not isinstance(exc.code, str) else 2
    except Exception as exc:  # never a traceback on the command line
        err.write(f"govbudget: internal error: {type(exc).__name__}: {exc} "
                  "(please report this)\n")
        return 2

