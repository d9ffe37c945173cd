"""The ``govbudget`` command line: a thin layer over the library.

Commands:

- ``govbudget codes CODE...``: look up classification codes;
- ``govbudget parse FILE [--format text|json|csv]``: read a report;
- ``govbudget check FILE_OR_DIR... [--format text|json|jsonl] [--min-severity LEVEL]
  [--jobs N]``: check reports.

Exit status: 0 success (no ``error`` finding); 1 ``error`` findings (``check``) or an
unknown code (``codes``); 2 unreadable input, a malformed code or wrong arguments. Errors
are one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn, TextIO

from ._errors import GovBudgetError

if TYPE_CHECKING:
    from .codes import Scheme

__all__ = ["main"]


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


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
    if args.format == "csv":
        # One tidy CSV for all files; an unreadable file is reported and skipped.
        status = 0
        header = True
        for f in files:
            try:
                report = read_report(f, encoding=args.encoding)
            except GovBudgetError as exc:
                err.write(f"govbudget parse: {str(exc).splitlines()[0]}\n")
                status = 2
                continue
            to_csv(report, out, header=header)
            header = False
        return status
    if len(files) > 1:
        raise _UsageError("govbudget parse: --format text and json take one file "
                          "(use --format csv for many)")
    report = read_report(files[0], encoding=args.encoding)
    if args.format == "json":
        out.write(dumps(report) + "\n")
    else:
        out.write(_summary_text(report))
    return 0


# -- check ----------------------------------------------------------------------

def _finding_dict(f: Any) -> dict[str, Any]:
    from ._serialise import _converter

    data: dict[str, Any] = _converter().unstructure(f)
    data["key"] = f.key
    return data


def _check_one(path: str, encoding: str | None, min_severity: str) -> dict[str, Any]:
    """Check one file; never raises (an unreadable file becomes an ``error`` entry)."""
    from ._findings import Severity
    from ._ingest._reader import read_report
    from .checks import check_report

    try:
        report = read_report(path, encoding=encoding)
        result = check_report(report, min_severity=Severity.parse(min_severity))
    except GovBudgetError as exc:
        return {"file": path, "error": str(exc).splitlines()[0]}
    except Exception as exc:  # a bad file never stops a batch
        return {"file": path, "error": f"internal error: {type(exc).__name__}: {exc}"}
    return {
        "file": path,
        "unit_name": report.unit_name,
        "year": report.year,
        "findings": [_finding_dict(f) for f in result.findings],
        "summary": result.summary(),
    }


def _check_star(a: tuple[str, str | None, str] | tuple[str, str | None, str, bool]
                ) -> dict[str, Any]:
    """Check one file. With a fourth item true, the worker also writes the JSON line (so
    a pool sends back one string, not the findings as objects, and the parent only
    writes it): the result then keeps ``file``, ``error`` or ``summary``, and ``_line``."""
    res = _check_one(*a[:3])
    if len(a) > 3 and a[3]:
        line = json.dumps(res, ensure_ascii=False)
        res = {k: v for k, v in res.items() if k in ("file", "error", "summary")}
        res["_line"] = line
    return res


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


_SECTION_ORDER = {"reading": 0}


def _text_result(res: dict[str, Any]) -> str:
    if "error" in res:
        return f"{res['file']}: cannot read: {res['error']}\n"
    out = [f"{res['file']}: {res.get('unit_name') or ''} {res.get('year') or ''}".rstrip()]
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in res["findings"]:
        groups.setdefault(f["location"]["section"], []).append(f)
    for section, fs in groups.items():
        out.append("")
        out.append(f"== {section}")
        shown: Counter[str] = Counter()
        hidden: Counter[str] = Counter()
        for f in fs:
            if f["severity"] == "info":
                shown[f["rule"]] += 1
                if shown[f["rule"]] > 2:
                    hidden[f["rule"]] += 1
                    continue
            loc = f["location"]
            where = " ".join(x for x in (
                f"L{loc['line']}" if loc.get("line") else "",
                loc.get("row_code") or loc.get("row_name") or "",
                f"[{loc['column']}]" if loc.get("column") else "") if x)
            tag = " (likely root)" if f.get("root") else (" (knock-on)" if f.get("knock_on_of")
                                                          else "")
            out.append(f"  {f['severity'].upper():<7} {where}  {f['rule']}{tag}")
            out.append(f"          {f['message']}")
            if f.get("expected") is not None:
                out.append(f"          expected {f['expected']!s:>14}   actual "
                           f"{f.get('actual')!s:>14}   difference {f.get('difference')}")
            elif f.get("actual") is not None:
                out.append(f"          as printed: {f['actual']}")
            for rel in f.get("related", [])[:4]:
                rwhere = rel.get("row_code") or rel.get("row_name") or ""
                out.append(f"          vs {rel['section']} {rwhere}"
                           + (f" L{rel['line']}" if rel.get("line") else ""))
            if len(f.get("related", [])) > 4:
                out.append(f"          … and {len(f['related']) - 4} more")
        for rule_id, n in hidden.items():
            out.append(f"  INFO    … and {n} more {rule_id} (see --format json)")
    s = res["summary"]["by_severity"]
    out.append("")
    out.append(f"{s['error']} errors, {s['warning']} warnings, {s['info']} info")
    return "\n".join(out) + "\n"


def _progress(done: int, total: int, err: TextIO) -> None:
    width = 30
    filled = width * done // max(total, 1)
    err.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done == total:
        err.write("\n")
    err.flush()


def _results(files: list[str], args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    as_line = args.format == "jsonl"
    tasks = [(f, args.encoding, args.min_severity, as_line) for f in files]
    jobs = args.jobs or 1
    if jobs <= 1 or len(tasks) <= 1:
        yield from (_check_star(t) for t in tasks)
        return
    # Load the reader and the rules before the workers start: where processes are forked
    # (Linux) each worker then starts with them imported and their patterns compiled.
    from ._ingest import _narrative, _performance, _reader  # noqa: F401
    from .checks import registry

    registry()
    # A bounded window of pending files keeps memory flat however many files there are;
    # results come back in input order.
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[Future[dict[str, Any]]] = deque()
        for task in tasks:
            pending.append(pool.submit(_check_star, task))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._findings import Severity

    Severity.parse(args.min_severity)  # validate early
    files = _expand(args.paths)
    if not files:
        raise _UsageError("govbudget check: no input files "
                          "(directories are searched for *.txt and *.pdf)")
    single = len(files) == 1 and not Path(args.paths[0]).is_dir()
    if single and args.format != "jsonl":
        res = _check_star((files[0], args.encoding, args.min_severity))
        if "error" in res:
            err.write(f"govbudget check: {res['error']}\n")
            return 2
        if args.format == "json":
            out.write(json.dumps({"file": res["file"], "findings": res["findings"],
                                  "summary": res["summary"]}, ensure_ascii=False, indent=2)
                      + "\n")
        else:
            out.write(_text_result(res))
        return 1 if res["summary"]["by_severity"]["error"] else 0
    show_progress = err.isatty() and not args.quiet
    totals: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    unreadable = 0
    any_error = False
    collected: list[dict[str, Any]] = []
    for i, res in enumerate(_results(files, args), 1):
        if "error" in res:
            unreadable += 1
        else:
            sev = res["summary"]["by_severity"]
            totals.update(dict(sev))
            by_rule.update(res["summary"]["by_rule"])
            any_error = any_error or bool(sev["error"])
        if args.format == "jsonl":
            out.write(res["_line"] + "\n")
        elif args.format == "json":
            collected.append(res)
        else:
            if show_progress:
                err.write("\r")
            out.write(_text_result(res))
        if show_progress:
            _progress(i, len(files), err)
    by_sev = {s.value: totals.get(s.value, 0) for s in
              (Severity.ERROR, Severity.WARNING, Severity.INFO)}
    summary: dict[str, Any] = {"files": len(files), "readable": len(files) - unreadable,
               "unreadable": unreadable,
               "findings_by_severity": by_sev,
               "findings_by_rule": dict(sorted(by_rule.items()))}
    if args.format == "jsonl":
        out.write(json.dumps({"summary": summary}, ensure_ascii=False) + "\n")
    elif args.format == "json":
        out.write(json.dumps({"files": collected, "summary": summary}, ensure_ascii=False,
                             indent=2) + "\n")
    else:
        out.write(f"\n{summary['files']} files ({unreadable} unreadable): {by_sev['error']} "
                  f"errors, {by_sev['warning']} warnings, {by_sev['info']} info\n")
    if unreadable:
        return 2
    return 1 if any_error else 0


# -- parser ---------------------------------------------------------------------

def _build_parser() -> _Parser:
    from . import __version__

    parser = _Parser(
        prog="govbudget",
        description="Read and check Chinese government budget disclosures (预算公开).",
    )
    parser.add_argument("--version", action="version", version=f"govbudget {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("codes", help="look up classification codes (科目编码)")
    p.add_argument("code", nargs="+", help="codes such as 2010101, 30217, A1502")
    p.add_argument("--scheme", choices=["functional", "dept_economic", "gov_economic",
                                        "procurement"], help="the scheme (default: by shape)")
    p.add_argument("--year", type=int, help="the edition year (default: newest known)")
    p.add_argument("-v", "--verbose", action="store_true", help="show each entry's source")
    p.set_defaults(run=_cmd_codes)

    p = sub.add_parser("parse", help="read a report (text extracted from its PDF)")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="the report's text file (several files or directories with --format csv)")
    p.add_argument("--format", choices=["text", "json", "csv"], default="text",
                   help="text: a summary; json: the whole report; csv: every table cell of "
                        "every file, in one tidy CSV")
    p.add_argument("--encoding", help="the file's encoding (default: detect UTF-8/GB18030)")
    p.set_defaults(run=_cmd_parse)

    p = sub.add_parser("check", help="check reports: every identity that ties them together")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_DIR",
                   help="report text or PDF files, or directories searched for *.txt and *.pdf")
    p.add_argument("--format", choices=["text", "json", "jsonl"], default="text",
                   help="text for people; json: one object; jsonl: one object per file, "
                        "then a summary line")
    p.add_argument("--min-severity", default="info", metavar="LEVEL",
                   choices=["info", "warning", "error"], help="info, warning or error")
    p.add_argument("--jobs", "-j", type=int, default=1,
                   help=f"parallel processes for many files (this machine: {os.cpu_count()})")
    p.add_argument("--encoding", help="the files' encoding (default: detect)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.set_defaults(run=_cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    out, err = sys.stdout, sys.stderr
    try:
        parser = _build_parser()
        args = parser.parse_args(argv)
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
