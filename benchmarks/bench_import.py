"""Cold import time of govbudget (a fresh interpreter each run); prints the median.

Run: python benchmarks/bench_import.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys


def run(repeats: int = 15) -> float:
    """Median milliseconds for `import govbudget` in a fresh interpreter, minus startup."""
    def timed(code: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c",
             f"import time; t=time.perf_counter(); {code}; print(time.perf_counter()-t)"],
            capture_output=True, text=True, check=True,
        ).stdout
        return float(out) * 1000

    return statistics.median(timed("import govbudget") for _ in range(repeats))


if __name__ == "__main__":
    print(f"cold import govbudget: {run():.1f} ms (median of 15 fresh interpreters)")
