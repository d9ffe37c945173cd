"""Export every table cell of one or more reports to one tidy CSV file.

Run: python examples/export_tables_csv.py [OUT.csv] [REPORT.txt ...]
(default: the bundled sample, written to a temporary file)
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

import govbudget

SAMPLE = Path(__file__).parent / "data" / "jincheng-npc-office-2024.txt"


def main(argv: list[str]) -> None:
    out = Path(argv[1]) if len(argv) > 1 else Path(tempfile.gettempdir()) / "govbudget-cells.csv"
    paths = [Path(p) for p in argv[2:]] or [SAMPLE]
    reports = [govbudget.read_report(p) for p in paths]
    with out.open("w", encoding="utf-8", newline="") as f:
        govbudget.to_csv(reports, f)
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    print(f"wrote {len(rows)} cells from {len(reports)} report(s) to {out}")
    by_table: dict[str, int] = {}
    for row in rows:
        by_table[row["table"]] = by_table.get(row["table"], 0) + 1
    for table, n in by_table.items():
        print(f"  {table:<22} {n:>4} cells")
    first = next(r for r in rows if r["row_code"])
    print(f"e.g. {first['table']} {first['row_code']} {first['row_name']} "
          f"{first['column']} = {first['amount']}{first['unit']}")


if __name__ == "__main__":
    main(sys.argv)
