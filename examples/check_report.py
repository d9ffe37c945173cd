"""Check a budget report and print its findings, errors first.

Run: python examples/check_report.py [REPORT.txt]   (default: the bundled sample)
"""

from __future__ import annotations

import sys
from pathlib import Path

import govbudget

SAMPLE = Path(__file__).parent / "data" / "jincheng-npc-office-2024.txt"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else SAMPLE
    try:
        report = govbudget.read_report(path)
    except govbudget.ReadError as exc:
        print(f"cannot read {path}: {exc}", file=sys.stderr)
        return 2
    result = govbudget.check_report(report, min_severity=govbudget.Severity.WARNING)
    print(f"{report.unit_name} {report.year}: {len(report.tables)} tables, "
          f"{len(report.performance)} performance target tables")
    for f in result.findings:
        where = f"line {f.location.line}" if f.location.line else f.location.section
        print(f"[{f.severity.value}] {f.rule} ({where})")
        print(f"    {f.message_en}")
        if f.expected is not None:
            print(f"    expected {f.expected}, found {f.actual}, difference {f.difference}")
    counts = result.summary()["by_severity"]
    print(f"{counts} (info findings hidden)")
    return 1 if result.errors else 0


if __name__ == "__main__":
    main(sys.argv)  # exit 0: this is a demonstration, findings are expected
