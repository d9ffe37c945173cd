"""The ``govbudget`` command line: a thin layer over the library.

Exit status: 0 success; 1 findings of severity ``error`` (``check``) or an unknown code
(``codes``); 2 unreadable input, a malformed code or wrong arguments. Errors are one line
on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn, TextIO

from ._errors import GovBudgetError

__all__ = ["main"]


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: {message}")


def _cmd_codes(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .codes import SCHEMES, scheme_for

    status = 0
    for raw in args.code:
        scheme = SCHEMES[args.scheme] if args.scheme else scheme_for(raw)
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
        out.write(f"{info.code}  {info.name}  ({info.level_name}, {scheme.title}; "
                  f"editions {editions})\n")
        for anc in reversed(scheme.ancestor_codes(info.code)):
            a = scheme.get(anc, year=args.year)
            label = f"{a.name} ({a.level_name})" if a else "(not in the built-in catalogue)"
            out.write(f"  under {anc}  {label}\n")
        if args.verbose:
            out.write(f"  source: {info.source}\n")
    return status


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
