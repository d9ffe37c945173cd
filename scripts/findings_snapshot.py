"""Snapshot the findings on a fixed corpus, to show a refactoring changes none.

Usage::

    python scripts/findings_snapshot.py snap.json            # write a snapshot
    python scripts/findings_snapshot.py new.json --compare snap.json

The corpus: the bundled sample, the real reports in ``tests/data/real`` (text and PDF,
when the ``pdf`` extra is installed) and 120 generated reports (the benchmark's batch
generator, fixed seed: sample variants with a figure changed and reports of other units).
Each finding is kept with every field; ``--compare`` reports findings that appeared or
went, and those whose only change is their location (which a refactoring may make more
precise) or their finding code (finer codes under the same rule).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def _corpus(folder: Path) -> list[Path]:
    from run import make_batch  # the benchmark's generator

    make_batch(folder, n=120, seed=11)
    files = [ROOT / "examples/data/jincheng-npc-office-2024.txt"]
    files += sorted(folder.glob("report-*.txt"))
    real = ROOT / "tests/data/real"
    files += sorted(real.glob("*.txt"))
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        pass
    else:
        shared = ROOT.parent / "shared/reports/real"
        files += sorted((shared if shared.is_dir() else real).glob("*.pdf"))
    return files


def snapshot() -> dict[str, list[dict[str, object]]]:
    import attrs

    import govbudget

    out: dict[str, list[dict[str, object]]] = {}
    random.seed(0)
    with tempfile.TemporaryDirectory() as tmp:
        files = _corpus(Path(tmp))
        for path in files:
            name = ("gen/" if path.parent == Path(tmp) else path.suffix + "/") + path.name
            try:
                report = govbudget.read_report(path)
            except govbudget.GovBudgetError as e:
                out[name] = [{"error": str(e)}]
                continue
            result = govbudget.check_report(report)
            rows = [json.loads(json.dumps(attrs.asdict(f), default=str)) for f in result.findings]
            out[name] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, ensure_ascii=False, default=str))
    return out


def _strip(f: dict[str, object]) -> str:
    g = dict(f)
    for k in ("location", "related", "code"):
        g.pop(k, None)
    return json.dumps(g, sort_keys=True, ensure_ascii=False, default=str)


def compare(new: dict[str, list[dict[str, object]]], old: dict[str, list[dict[str, object]]]) -> int:
    changed = 0
    for name in sorted(set(new) | set(old)):
        a = {json.dumps(f, sort_keys=True, ensure_ascii=False, default=str) for f in old.get(name, [])}
        b = {json.dumps(f, sort_keys=True, ensure_ascii=False, default=str) for f in new.get(name, [])}
        if a == b:
            continue
        sa = sorted(_strip(json.loads(x)) for x in a)
        sb = sorted(_strip(json.loads(x)) for x in b)
        kind = "codes or locations only" if sa == sb else "FINDINGS"
        if kind == "FINDINGS":
            changed += 1
        print(f"== {name}: {kind} ({len(a)} -> {len(b)})")
        for x in sorted(a - b):
            print("  -", x[:300])
        for x in sorted(b - a):
            print("  +", x[:300])
    return changed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--compare", type=Path)
    args = ap.parse_args()
    snap = snapshot()
    args.out.write_text(json.dumps(snap, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{sum(map(len, snap.values()))} findings on {len(snap)} files -> {args.out}")
    if args.compare:
        old = json.loads(args.compare.read_text(encoding="utf-8"))
        n = compare(snap, old)
        print(f"{n} files with changed findings")
        raise SystemExit(1 if n else 0)


if __name__ == "__main__":
    main()
