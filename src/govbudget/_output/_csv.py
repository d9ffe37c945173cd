"""Findings as CSV: one row a finding, UTF-8 with a byte-order mark (so Excel reads the
Chinese as Chinese).

```pycon
>>> text = findings_csv([{"file": "a.txt", "unit_name": "某单位", "year": 2024,
...     "kind": "budget", "error": None, "findings": []}])
>>> text.startswith("\\ufefffile,unit_name,year,kind,fingerprint")
True

```
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any, Final

__all__ = ["FINDING_COLUMNS", "findings_csv"]

FINDING_COLUMNS: Final = (
    "file", "unit_name", "year", "kind", "fingerprint", "severity", "rule", "code",
    "section", "table", "row_code", "row_name", "column", "column_label", "page", "line",
    "expected", "actual", "difference", "unit", "expected_text", "actual_text",
    "difference_text", "message", "message_en", "root", "knock_on_of", "error",
)
"""The columns of the findings CSV."""


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def findings_csv(entries: Iterable[Mapping[str, Any]], *, bom: bool = True) -> str:
    """The CSV of every finding of the file entries (an unreadable file is one row with
    its ``error``)."""
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    w = csv.writer(buffer, lineterminator="\r\n")
    w.writerow(FINDING_COLUMNS)
    for e in entries:
        head = [e["file"], e.get("unit_name"), e.get("year"), e.get("kind")]
        if e.get("error"):
            w.writerow([_cell(x) for x in head] + [""] * (len(FINDING_COLUMNS) - 5)
                       + [f"{e['error']['code']}: {e['error']['message']}"])
            continue
        for f in e["findings"]:
            loc = f["location"]
            row = [*head, f["fingerprint"], f["severity"], f["rule"], f["code"],
                   loc["section"], loc["table"], loc["row_code"], loc["row_name"],
                   loc["column"], loc.get("column_label"), loc["page"], loc["line"],
                   f["expected"], f["actual"], f["difference"], f["unit"],
                   f["expected_text"], f["actual_text"], f["difference_text"],
                   f["message"], f["message_en"], f["root"], f["knock_on_of"], None]
            w.writerow([_cell(x) for x in row])
    return buffer.getvalue()
