"""Look up and validate classification codes, and check (code, name) pairs from a report.

Run: python examples/look_up_codes.py
"""

from __future__ import annotations

from govbudget.codes import dept_economic, functional, mapping


def main() -> None:
    # A functional code with its ancestors.
    info = functional.info("2080505")
    chain = " < ".join(f"{a.code} {a.name}" for a in reversed(functional.ancestors(info.code)))
    print(f"{info.code} {info.name} ({info.level_name}) < {chain}")

    # Pairs as printed in a report: the checker normalises brackets and spaces.
    printed = [("2010101", "行政运行"), ("2010102", "行政运行"), ("2019999", "其他"),
               ("30213", "维修(护)费")]
    for code, name in printed:
        scheme = functional if functional.is_valid(code) else dept_economic
        result = scheme.check_name(code, name, year=2024)
        note = f" (catalogue: {result.expected})" if result.expected and not result.ok else ""
        print(f"{code} {name}: {result.status.value}{note}")

    # Malformed input is refused, never guessed.
    for code in ("201 01 01", "20", "２１０１１"):
        print(f"{code!r}: valid={functional.is_valid(code)}")

    # The economic mapping depends on the kind of unit.
    for kind in ("organ", "institution"):
        gov = mapping.government_items("30101", unit_kind=kind)
        print(f"30101 基本工资 for {kind}: " + ", ".join(f"{g.code} {g.name}" for g in gov))


if __name__ == "__main__":
    main()
