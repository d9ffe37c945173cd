"""Run ``govbudget check --format json`` and read the check report it prints: the files,
their validity, the errors with their figures, and what a filter hid.

Run: python examples/read_check_json.py [REPORT.txt | DIR]   (default: the bundled sample)

The document has one shape for one file or many (``schema``, ``valid``, ``files``,
``summary``); its JSON Schema ships with the package and is checked here when
``jsonschema`` is installed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

SAMPLE = Path(__file__).parent / "data" / "jincheng-npc-office-2024.txt"


def check(path: Path) -> dict[str, Any]:
    """The check report of ``path`` (exit 0 or 1 are both a working run)."""
    done = subprocess.run([sys.executable, "-m", "govbudget", "check", str(path),
                           "--format", "json", "--min-severity", "warning"],
                          capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1, 2) or not done.stdout:
        raise SystemExit(done.stderr.strip() or f"govbudget exited {done.returncode}")
    doc: dict[str, Any] = json.loads(done.stdout)
    return doc


def validate(doc: dict[str, Any]) -> str:
    try:
        import jsonschema
    except ImportError:
        return "jsonschema not installed: not validated"
    schema = json.loads((resources.files("govbudget") / "schema" /
                         "check-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema)
    return "valid by the packaged schema"


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else SAMPLE
    doc = check(path)
    print(f"{doc['schema']}: {validate(doc)}")
    for entry in doc["files"]:
        if entry["error"]:
            print(f"{entry['file']}: cannot read ({entry['error']['code']}): "
                  f"{entry['error']['message']}")
            continue
        s = entry["summary"]
        print(f"{entry['unit_name']} {entry['year']} ({entry['kind']}): "
              f"{'valid' if entry['valid'] else 'not valid'}; {s['findings']} findings, "
              f"{s['shown']} shown, {sum(s['hidden'].values())} hidden")
        for f in entry["findings"]:
            if f["severity"] != "error":
                continue
            where = f"page {f['location']['page']}, line {f['location']['line']}"
            figures = ""
            if f["unit"] is not None and f["difference"] is not None:
                figures = f" (off by {Decimal(f['difference'])} {f['unit']})"
            print(f"  [{f['fingerprint']}] {f['rule']} at {where}{figures}")
    return 0 if doc["valid"] else 1


if __name__ == "__main__":
    main(sys.argv)  # exit 0: this is a demonstration, findings are expected
