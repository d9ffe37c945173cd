"""Every report a file holds, each read on its own (`read_reports`): a bundle cut where
each next report begins (`govbudget._ingest._bundle`), each part read by
`govbudget._ingest._reader.read_text` with the lines before it blank, so that its line
numbers and pages are the file's.
"""

from __future__ import annotations

import os

from attrs import evolve

from .._errors import ReadError
from .._reading import SEVERAL_REPORTS
from .._report import Report
from ._load import load
from ._reader import read_text
from ._text import normalise_breaks

__all__ = ["read_reports"]


def read_reports(source: str | os.PathLike[str] | bytes, *, encoding: str | None = None,
                 name: str | None = None) -> tuple[Report, ...]:
    """Every report a file holds, each read on its own: what `govbudget.read_report`
    reads (a path, bytes or text), cut where each next report begins. A file of one
    report gives that report; the reports of a bundle are named ``source#1``,
    ``source#2`` …, their line numbers and pages those of the file, and none carries
    the `reading.several_reports` warning ``read_report`` gives the first.

    Raises:
        ReadError: as `govbudget.read_report`, for the file or its first report.

    ```pycon
    >>> from govbudget import read_reports
    >>> from pathlib import Path
    >>> one = Path("examples/data/jincheng-npc-office-2024.txt").read_text(encoding="utf-8")
    >>> [r.source for r in read_reports(one + "\\f" + one)]
    ['<text>#1', '<text>#2']

    ```
    """
    text, label, pages, scanned, ocr = load(source, encoding=encoding, name=name)
    lines: list[str] = []
    reports: list[Report] = []
    start = 1
    while True:
        # the lines before this report blank (form feeds kept): its lines keep their
        # numbers and pages (a report alone is read as read_report reads it)
        if start > 1 and not lines:
            lines = normalise_breaks(text).split("\n")
        body = text if start == 1 else "\n".join(
            [*("\f" * ln.count("\f") for ln in lines[:start - 1]), *lines[start - 1:]])
        try:
            report = read_text(body, source=label, pages=pages, scanned=scanned, ocr=ocr)
        except ReadError:
            if not reports:
                raise
            break  # (what follows the last report is none)
        cut = next((f.location.line for f in report.findings if f.code == SEVERAL_REPORTS
                    and f.location.line), None)
        findings = tuple(f for f in report.findings if f.code != SEVERAL_REPORTS)
        reports.append(evolve(report, findings=findings))
        if cut is None or cut <= start:
            break
        start = cut
        scanned = ()  # (each scanned page told once, by the first report)
    if len(reports) == 1:
        return (reports[0],)
    return tuple(evolve(r, source=f"{label}#{k}") for k, r in enumerate(reports, 1))
