"""Checking many reports on any `concurrent.futures.Executor`: a local process pool, a
Dask cluster, Ray (through a small executor wrapping its tasks).

`check_many` does not schedule anything itself: it hands each file to an executor as one
task (read the file, run the rules, turn the findings into the JSON contract's file entry)
and gives back each entry in input order. The entries are plain data (strings, numbers,
lists, dicts), so they pickle cheaply from a worker process or machine; a file that
cannot be read or checked becomes that file's ``error``, never the batch's.

```pycon
>>> from concurrent.futures import ThreadPoolExecutor
>>> files = ["examples/data/jincheng-npc-office-2024.txt", "no-such-report.txt"]
>>> with ThreadPoolExecutor(max_workers=2) as pool:
...     entries = list(check_many(files, executor=pool))
>>> [e["file"] for e in entries]
['examples/data/jincheng-npc-office-2024.txt', 'no-such-report.txt']
>>> entries[0]["error"] is None, entries[0]["summary"]["by_severity"]["error"] > 0
(True, True)
>>> entries[1]["error"]["code"], entries[1]["findings"]
('read_error', [])

```

On a Dask cluster, pass the client's executor (``Client.get_executor()``); see the
distributed how-to (``docs/howto/distributed.md``).
"""

from __future__ import annotations

import json
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._errors import GovBudgetError
from ._record import FrozenRecord

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from ._findings import Severity
    from ._output._profile import Profile

__all__ = ["check_many"]


class Task(FrozenRecord):
    """What a worker needs to check one file (picklable: it travels with each file)."""

    __slots__ = (
        "as_line",
        "baseline",
        "context",
        "encoding",
        "ignore",
        "keep_findings",
        "min_severity",
        "profile",
        "select",
    )

    def __init__(self, encoding: str | None = None, profile: Profile | None = None,
                 select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = (),
                 min_severity: Severity | None = None, baseline: frozenset[str] = frozenset(),
                 context: int = 0, as_line: bool = False, keep_findings: bool = True) -> None:
        self.encoding = encoding
        self.profile = profile
        self.select = select
        self.ignore = ignore
        self.min_severity = min_severity
        self.baseline = baseline
        self.context = context
        self.as_line = as_line
        self.keep_findings = keep_findings


def _context(path: str, encoding: str | None, findings: list[dict[str, Any]], n: int) -> None:
    """Attach the report's lines around each finding's line (for the HTML report)."""
    from ._ingest._text import decode, split_text

    try:
        lines = split_text(decode(Path(path).read_bytes(), encoding, source=path))
    except (OSError, GovBudgetError):
        return
    for f in findings:
        line = f["location"].get("line")
        if not line or line > len(lines):
            continue
        lo, hi = max(1, line - n), min(len(lines), line + n)
        f["context"] = [{"line": i, "text": lines[i - 1].rstrip()} for i in range(lo, hi + 1)]


def check_one(path: str, task: Task) -> list[dict[str, Any]]:
    """Check one file; never raises (an unreadable file becomes an entry with ``error``).
    One entry per report the file holds: a bundle's reports are checked each on its own
    (`govbudget.read_reports`), their entries named ``path#1``, ``path#2`` … and each
    with ``bundle`` (the file, which report it is, how many the file holds)."""
    from ._ingest._reports import read_reports
    from ._output._contract import Filters, error_entry, file_entry
    from .checks import check_report

    entries: list[dict[str, Any]] = []
    try:
        reports = read_reports(path, encoding=task.encoding)
        for report in reports:
            if task.profile is not None:
                select, ignore, filters = task.profile.resolve(
                    report, path, select=task.select, ignore=task.ignore,
                    min_severity=task.min_severity, baseline=task.baseline)
            else:  # what an empty `Profile` resolves to, without loading the profile module
                select, ignore = task.select, task.ignore
                filters = Filters(min_severity=task.min_severity or Filters().min_severity,
                                  baseline=task.baseline)
            result = check_report(report, select=select, ignore=ignore or None)
            if len(reports) == 1:
                entries.append(file_entry(path, result, filters))
                continue
            entry = file_entry(report.source, result, filters)
            bundle = {"file": path, "report": len(entries) + 1, "reports": len(reports)}
            entries.append({"file": entry.pop("file"), "bundle": bundle, **entry})
    except Exception as exc:  # a bad file never stops a batch
        return [error_entry(path, exc)]
    if task.context:
        for entry in entries:
            _context(path, task.encoding, entry["findings"], task.context)
    return entries


def public(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry without the keys only the command line uses (``_line``, ``_accepted``)."""
    return {k: v for k, v in entry.items() if not k.startswith("_")}


def _check_task(path: str, task: Task) -> list[dict[str, Any]]:
    """One file's task as run by a worker: its entries (one per report). For jsonl the
    worker also writes the JSON lines (so the worker sends back strings and the counts,
    not the findings as objects)."""
    out = check_one(path, task)
    if task.as_line:
        for k, res in enumerate(out):
            line = json.dumps(public(res), ensure_ascii=False)
            if not task.keep_findings:
                res = {key: v for key, v in res.items()
                       if key in ("file", "bundle", "error", "valid", "summary")}
            res["_line"] = line
            out[k] = res
    return out


def _failed(path: str, exc: BaseException) -> dict[str, Any]:
    """The entry of a file whose task the executor could not run (a worker died, the
    task did not pickle): that file's error, not the batch's."""
    from ._output._contract import error_entry

    return error_entry(path, exc)


def _preload() -> None:
    """Load the reader and the rules before a local pool forks its workers: each worker
    then starts with them imported and their patterns compiled."""
    from ._ingest import _narrative, _performance, _reader  # noqa: F401
    from .checks import registry

    registry()


def run(files: Sequence[str], task: Task, *, executor: Executor | None = None,
        jobs: int | None = None, window: int | None = None,
        chunksize: int = 1) -> Iterator[dict[str, Any]]:
    """Every file's entry, in input order, with the command line's private keys.

    With no executor: one file or ``jobs`` ≤ 1 runs here, in this process; else a local
    process pool of ``jobs`` workers (default: the CPU count) is started and shut down.
    """
    if executor is None:
        workers = jobs if jobs is not None else (os.cpu_count() or 1)
        if workers <= 1 or len(files) <= 1:
            for f in files:
                yield from _check_task(f, task)
            return
        from concurrent.futures import ProcessPoolExecutor

        _preload()
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from _submit(files, task, pool, window or 4 * workers * max(1, chunksize),
                               chunksize)
        return
    yield from _submit(files, task, executor,
                       window or 4 * max(jobs or os.cpu_count() or 1, 4) * max(1, chunksize),
                       chunksize)


def _check_chunk(paths: Sequence[str], task: Task) -> list[dict[str, Any]]:
    """Several files as one task (fewer, larger tasks for a cluster's scheduler)."""
    return [e for p in paths for e in _check_task(p, task)]


def _submit(files: Sequence[str], task: Task, executor: Executor, window: int,
            chunksize: int = 1) -> Iterator[dict[str, Any]]:
    """Submit files to ``executor``, ``chunksize`` files a task and at most ``window``
    files pending at once (memory stays flat however many files there are), and yield
    their entries in input order."""
    pending: deque[tuple[Sequence[str], Future[Any] | BaseException]] = deque()
    size = max(1, chunksize)
    count = 0

    def settle() -> Iterator[dict[str, Any]]:
        nonlocal count
        paths, fut = pending.popleft()
        count -= len(paths)
        if isinstance(fut, BaseException):
            yield from (_failed(p, fut) for p in paths)
            return
        try:
            res = fut.result()
        except Exception as exc:  # the worker, not the file: still only these files' error
            yield from (_failed(p, exc) for p in paths)
            return
        yield from res  # (a list: each file's entries, one per report it holds)

    for i in range(0, len(files), size):
        paths = files[i:i + size]
        try:
            fut: Future[Any] | BaseException = (
                executor.submit(_check_chunk, paths, task) if size > 1
                else executor.submit(_check_task, paths[0], task))
        except Exception as exc:  # a broken pool refuses new tasks
            fut = exc
        pending.append((paths, fut))
        count += len(paths)
        while count >= max(window, size):
            yield from settle()
    while pending:
        yield from settle()


def check_many(
    paths: Iterable[str | os.PathLike[str]],
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    min_severity: Severity | str | None = None,
    profile: Profile | str | os.PathLike[str] | None = None,
    baseline: Iterable[str] = (),
    encoding: str | None = None,
    window: int | None = None,
    chunksize: int = 1,
) -> Iterator[dict[str, Any]]:
    """Check many report files, each as one task on ``executor``; yield each file's entry
    (a file holding several reports, a bundle, gives one per report: ``path#1``, ``path#2``
    …, each checked on its own).

    Each entry is the file's entry of the check report's JSON contract (what
    ``govbudget check --format json`` prints under ``files``: ``file``, ``unit_name``,
    ``year``, ``kind``, ``valid``, ``error``, ``findings``, ``not_checked``,
    ``summary``), in the order of ``paths``. A file that cannot be read or checked, or
    whose task the executor could not run, gets ``error`` (``{"code", "message"}``) and
    no findings; the other files go on.

    Args:
        paths: report files (``.txt`` or, with the ``pdf`` extra, ``.pdf``).
        executor: any `concurrent.futures.Executor`: a ``ProcessPoolExecutor``, a Dask
            ``Client.get_executor()``, a wrapper of Ray's tasks; it is not shut down here.
            Default: a local process pool of ``jobs`` workers, started and shut down here
            (one file, or ``jobs=1``, is checked in this process).
        jobs: the local pool's workers (default: the CPU count); with an ``executor``,
            only sizes the default ``window``.
        select: rule ids, codes or prefixes to run (default: all).
        ignore: rule ids, codes or prefixes not to run.
        min_severity: hide findings below this (they are still counted).
        profile: a `Profile` or the path of a TOML profile.
        baseline: fingerprints of accepted findings to hide.
        encoding: the files' encoding (default: detect).
        window: how many files may be pending at once (default: 4 tasks per worker).
        chunksize: files per task. 1 suits a local pool; a cluster's scheduler spends
            a few milliseconds on each task, so give it tens of files a task.

    Raises:
        UnknownRule: a rule pattern is not registered (before any file is checked).
        ProfileError: the profile cannot be read.
    """
    from ._findings import Severity
    from ._output._profile import Profile
    from .checks import select_rules

    if profile is not None and not isinstance(profile, Profile):
        profile = Profile.load(os.fspath(profile))
    chosen = None if select is None else tuple(select)
    dropped = tuple(ignore)
    select_rules(chosen, dropped)  # an unknown rule is an error before any file is read
    if profile is not None:
        for pattern in profile.rule_patterns():
            select_rules([pattern])
    task = Task(encoding=encoding, profile=profile, select=chosen, ignore=dropped,
                min_severity=(Severity.parse(min_severity) if isinstance(min_severity, str)
                              else min_severity),
                baseline=frozenset(baseline))
    files = [os.fspath(p) for p in paths]
    return (public(e) for e in run(files, task, executor=executor, jobs=jobs, window=window,
                                   chunksize=chunksize))
