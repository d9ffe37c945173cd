"""Compare two reports of the same unit (e.g. two years, or a draft and the published
version): table by table, row by row, the amounts that changed.

Run: python examples/compare_reports.py [OLD.txt NEW.txt]
(default: the bundled sample against a copy with one figure revised, made in memory)
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import govbudget

SAMPLE = Path(__file__).parent / "data" / "jincheng-npc-office-2024.txt"


def cells(report: govbudget.Report) -> dict[tuple[str, str, str], tuple[Decimal, str]]:
    """(table, row code or name, column) → (amount, unit) for every non-blank cell."""
    out: dict[tuple[str, str, str], tuple[Decimal, str]] = {}
    for c in govbudget.table_cells(report):
        key = (c["table"], c["row_code"] or c["row_name"], c["column"])
        out.setdefault(key, (Decimal(c["amount"]), c["unit"]))
    return out


def main(argv: list[str]) -> None:
    if len(argv) == 3:
        old, new = govbudget.read_report(argv[1]), govbudget.read_report(argv[2])
    else:
        text = SAMPLE.read_text(encoding="utf-8")
        old = govbudget.read_report(text, name="published")
        # A revised draft: 人大会议 moved 10 万元 from 人大会议 to 代表工作 in table 3.
        revised = text.replace("2010104 人大会议 241.00  241.00", "2010104 人大会议 231.00  231.00")
        revised = revised.replace("2010108 代表工作 190.11  190.11", "2010108 代表工作 200.11  200.11")
        new = govbudget.read_report(revised, name="draft")
    a, b = cells(old), cells(new)
    changed = 0
    for key in sorted(set(a) | set(b)):
        va, vb = a.get(key), b.get(key)
        if va != vb:
            changed += 1
            table, row, column = key
            before = f"{va[0]}{va[1]}" if va else "—"
            after = f"{vb[0]}{vb[1]}" if vb else "—"
            print(f"{table:<20} {row:<10} {column:<8} {before:>12} → {after}")
    print(f"{changed} cells differ between {old.source} and {new.source}")
    still_ok = govbudget.check_report(new).summary()["by_severity"]
    print(f"the new version's findings: {still_ok}")


if __name__ == "__main__":
    main(sys.argv)
