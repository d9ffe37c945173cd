"""govbudget's benchmark: every figure of the speed targets, in one run on one machine.

Run: python benchmarks/run.py [--quick]

It prints:

1. cold ``import govbudget`` (fresh interpreters, median);
2. read + check of the sample report, against the floor of just reading the same text,
   splitting it into lines and scanning its numbers with one regular expression;
3. a batch of 1,000 reports (sample variants with a figure changed, and generated
   reports of other units) plus a few broken files, checked by ``govbudget check DIR
   --format jsonl`` with 1 and 2 processes (wall time, including process start-up);
4. indicator values (指标值) parsed per second;
5. the 类/款/项 roll-up reconciliation of a synthetic 1,000,000-row functional table,
   against pandas doing the same sums (when pandas is installed);
6. PDF pages per second over the real PDFs (``/work/shared/reports/real/`` or
   ``$GOVBUDGET_REAL_PDFS``; skipped when absent): ``extract_pdf`` alone, ``read_report``
   + ``check_report``, pypdfium2's own plain text (``get_text_range``) and pdfplumber's
   ``extract_text`` (when installed) on the same pages.

This is a script, not a test: timings vary with the machine and its load. Each figure is
the best of several runs unless noted.
"""

from __future__ import annotations

import functools
import gc
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "examples" / "data" / "jincheng-npc-office-2024.txt"
sys.path.insert(0, str(HERE))

TARGETS = {
    "import_ms": 150.0,
    "read_check_over_floor": 10.0,
    "batch_1000_2proc_s": 10.0,
    "indicators_per_s": 100_000.0,
    "rollup_1m_s": 1.0,
}


def best(fn: Callable[[], object], repeat: int = 10) -> float:
    """Best wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def bench_import() -> float:
    import bench_import

    return float(bench_import.run(15))


def _govbudget_caches() -> list[functools._lru_cache_wrapper[object]]:
    """Every ``functools.lru_cache`` of govbudget's modules (they cache pure functions of
    texts: a cell, a line, an indicator value)."""
    return [o for o in gc.get_objects() if isinstance(o, functools._lru_cache_wrapper)
            and str(getattr(o, "__module__", "")).startswith("govbudget")]


def bench_sample(repeat: int) -> tuple[float, float, float, float]:
    """Seconds: the floor, read + check (warm), check alone (warm), read + check with
    every cache cleared before each run (cold)."""
    import govbudget
    from govbudget.checks import registry

    registry()
    number = re.compile(r"\d[\d,]*(?:\.\d+)?")

    def floor() -> object:
        text = SAMPLE.read_text(encoding="utf-8")
        return [number.findall(line) for line in text.splitlines()]

    def read_and_check() -> object:
        return govbudget.check_report(govbudget.read_report(SAMPLE))

    read_and_check()
    # Interleaved, so a slow spell of a shared machine hits both sides alike.
    f = rc = float("inf")
    for _ in range(repeat):
        f = min(f, best(floor, 3))
        rc = min(rc, best(read_and_check, 1))
    report = govbudget.read_report(SAMPLE)
    c = best(lambda: govbudget.check_report(report), repeat)
    caches = _govbudget_caches()

    def cold() -> float:
        for cache in caches:
            cache.cache_clear()
        t = time.perf_counter()
        read_and_check()
        return time.perf_counter() - t

    cold_s = min(cold() for _ in range(repeat))
    return f, rc, c, cold_s


def _mutated_sample(text: str, rng: random.Random) -> str:
    """The sample with one table figure changed (so some files have errors)."""
    lines = text.split("\n")
    while True:
        i = rng.randrange(52, 765)
        m = re.search(r"(?<![\d.])(\d+\.\d\d)(?![\d.])", lines[i])
        if m:
            new = f"{Decimal(m.group(1)) + rng.randint(1, 500):.2f}"
            lines[i] = lines[i][: m.start()] + new + lines[i][m.end():]
            return "\n".join(lines)


def _generated(rng: random.Random, i: int) -> str:
    import govbudget
    from govbudget.testing import build_report, economic_codes, functional_leaf_codes

    leaf_codes = functional_leaf_codes()
    econ = economic_codes()
    codes = rng.sample(leaf_codes, rng.randint(3, min(12, len(leaf_codes))))
    items = rng.sample(econ, rng.randint(3, 10))
    economic = [(c, Decimal(rng.randint(1, 50000) * 100)) for c in items]
    projects = [(f"项目{j}", Decimal(rng.randint(1, 50000) * 100))
                for j in range(rng.randint(1, 12))]
    total_b = sum((a for _, a in economic), Decimal(0))
    total_p = sum((a for _, a in projects), Decimal(0))
    basics = [Decimal(0)] * len(codes)
    projs = [Decimal(0)] * len(codes)
    basics[0], projs[-1] = total_b, total_p
    report = build_report(leaves=list(zip(codes, basics, projs, strict=True)), economic=economic,
                          projects=projects, unit_name=f"某县第{i}单位",
                          year=rng.choice([2024, 2025]),
                          table_set=rng.choice([govbudget.TableSet.SHANXI_13,
                                                govbudget.TableSet.MOF_9]))
    return govbudget.render_report(report, artefacts=rng.random() < 0.5)


def make_batch(folder: Path, n: int = 1000, seed: int = 7) -> None:
    """``n`` reports (40% sample variants, 60% generated) plus three broken files."""
    rng = random.Random(seed)
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        body = _mutated_sample(text, rng) if i % 5 < 2 else _generated(rng, i)
        (folder / f"report-{i:04d}.txt").write_text(body, encoding="utf-8")
    (folder / "broken-empty.txt").write_bytes(b"")
    (folder / "broken-binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "broken-truncated.txt").write_text(text[:3000], encoding="utf-8")


def bench_batch(folder: Path, jobs: int) -> tuple[float, int, float]:
    """Seconds for ``govbudget check DIR --jobs N --format jsonl``, lines out, and the
    largest resident set of that run's processes in MB (its own ``wait4`` usage, so an
    earlier run does not count)."""
    exe = [sys.executable, "-m", "govbudget", "check", str(folder), "--format", "jsonl",
           "--jobs", str(jobs), "--quiet"]
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(exe, stdout=subprocess.PIPE, stderr=err)
        assert proc.stdout is not None
        lines = sum(1 for _ in proc.stdout)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode not in (0, 1, 2):
            err.seek(0)
            raise RuntimeError(err.read().decode("utf-8", "replace"))
    return elapsed, lines, usage.ru_maxrss / 1024


def bench_indicators() -> float:
    import bench_indicators

    return float(bench_indicators.run(200_000))


def _rollup_rows(n: int) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    """About ``n`` consistent rows: 类 with 99 款 of up to 98 项 each, totals derived
    from the leaves (cut at a 款 boundary so every total stays right)."""
    rng = random.Random(1)
    rows: list[tuple[str, Decimal, Decimal, Decimal]] = []
    c = 0
    while len(rows) < n:
        cls = f"{100 + c:03d}"
        c += 1
        c_b = c_p = Decimal(0)
        block: list[tuple[str, Decimal, Decimal, Decimal]] = []
        for k in range(1, 100):
            kuan = f"{cls}{k:02d}"
            k_b = k_p = Decimal(0)
            items = []
            for x in range(1, min(98, n - len(rows) - len(block) - 3) + 1):
                b = Decimal(rng.randint(0, 10**6)) / 100
                p = Decimal(rng.randint(0, 10**6)) / 100
                k_b += b
                k_p += p
                items.append((f"{kuan}{x:02d}", b + p, b, p))
            block.append((kuan, k_b + k_p, k_b, k_p))
            block.extend(items)
            c_b += k_b
            c_p += k_p
            if len(rows) + len(block) + 3 >= n:
                break
        rows.append((cls, c_b + c_p, c_b, c_p))
        rows.extend(block)
    return rows


def bench_rollup(n: int) -> tuple[float, float | None, int]:
    """Seconds for govbudget's roll-up of an n-row table, pandas' (or None), findings."""
    from govbudget import Block, Column, Report, Row, Table, TableKind, Unit
    from govbudget.checks import Context
    from govbudget.checks._rules_tables import rollup_findings

    raw = _rollup_rows(n)
    lengths = {3: 1, 5: 2, 7: 3}
    rows = [Row(name="", values=(t, b, p), code=c, level=lengths[len(c)]) for c, t, b, p in raw]
    block = Block("", (Column("total", "合计"), Column("basic", "基本支出"),
                       Column("project", "项目支出")), rows)
    table = Table(kind=TableKind.EXPENDITURE, number="3", title="synthetic", unit=Unit.WAN_YUAN,
                  blocks=(block,))
    ctx = Context(Report(tables=(table,)))
    found: list[object] = []
    ours = best(lambda: found.__setitem__(slice(None), list(rollup_findings(ctx, table, block))),
                3)
    theirs: float | None = None
    try:
        import pandas as pd
    except ImportError:
        pass
    else:
        df = pd.DataFrame(raw, columns=["code", "total", "basic", "project"])
        df[["total", "basic", "project"]] = df[["total", "basic", "project"]].astype(float)

        def with_pandas() -> object:
            d = df.copy()
            d["n"] = d["code"].str.len()
            parents = d.set_index("code")
            out = []
            for width in (7, 5):
                kids = d[d["n"] == width]
                sums = kids.groupby(kids["code"].str[: width - 2])[
                    ["total", "basic", "project"]].sum()
                diff = (parents.loc[sums.index, ["total", "basic", "project"]] - sums).abs()
                out.append(diff[(diff > 0.005).any(axis=1)])
            return out

        theirs = best(with_pandas, 3)
    return ours, theirs, len(found)


REAL_PDFS = Path(os.environ.get("GOVBUDGET_REAL_PDFS", "/work/shared/reports/real"))


def bench_pdf(repeat: int) -> dict[str, float] | None:
    """Pages per second for each way of reading the real PDFs (best of ``repeat``)."""
    files = sorted(REAL_PDFS.glob("*.pdf")) if REAL_PDFS.is_dir() else []
    try:
        import pypdfium2
    except ImportError:
        return None
    if not files:
        return None
    import govbudget
    from govbudget._ingest._pdf import extract_pdf

    datas = [f.read_bytes() for f in files]
    pages = 0
    for d in datas:
        doc = pypdfium2.PdfDocument(d)
        pages += len(doc)
        doc.close()

    def ours() -> object:
        return [extract_pdf(d, source="x") for d in datas]

    def read_check() -> object:
        return [govbudget.check_report(govbudget.read_report(d, name="x.pdf")) for d in datas]

    def plain() -> object:
        out: list[object] = []
        for d in datas:
            doc = pypdfium2.PdfDocument(d)
            for page in doc:
                tp = page.get_textpage()
                out.append(tp.get_text_range())
                tp.close()
                page.close()
            doc.close()
        return out

    result = {"pages": float(pages), "files": float(len(files)),
              "extract_pdf": pages / best(ours, repeat),
              "read_check": pages / best(read_check, repeat),
              "pdfium_text": pages / best(plain, repeat)}
    try:
        import pdfplumber
    except ImportError:
        return result

    def plumber() -> object:
        out: list[object] = []
        for f in files:
            with pdfplumber.open(f) as pdf:
                out.extend(p.extract_text() for p in pdf.pages)
        return out

    result["pdfplumber_text"] = pages / best(plumber, 1)
    return result


def main() -> None:
    quick = "--quick" in sys.argv
    print(f"govbudget benchmark on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print()
    imp = bench_import()
    print(f"1. cold import govbudget:            {imp:8.1f} ms   (target <= "
          f"{TARGETS['import_ms']:.0f} ms)")
    f, rc, c, cold = bench_sample(5 if quick else 15)
    print(f"2. sample read + check:              {rc * 1000:8.1f} ms   (check alone "
          f"{c * 1000:.1f} ms)")
    print(f"   floor (read, split, regex scan):  {f * 1000:8.1f} ms   ratio {rc / f:.1f}x "
          f"(target <= {TARGETS['read_check_over_floor']:.0f}x)")
    print(f"   with every text cache cleared:    {cold * 1000:8.1f} ms   ratio {cold / f:.1f}x "
          "(a first report in a fresh process)")
    n = 100 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        make_batch(folder, n)
        print(f"3. batch of {n} reports + 3 broken files (generated in "
              f"{time.perf_counter() - t:.1f} s):")
        runs: dict[int, list[tuple[float, int, float]]] = {1: [], 2: []}
        for _ in range(1 if quick else 2):  # alternated: a slow spell hits both alike
            for jobs in (1, 2):
                runs[jobs].append(bench_batch(folder, jobs))
        for jobs in (1, 2):
            secs, lines, rss = min(runs[jobs])
            print(f"   --jobs {jobs}: {secs:6.2f} s  ({n / secs:6.0f} reports/s, {lines} JSON "
                  f"lines, max RSS {rss:.0f} MB)"
                  + (f"   (target <= {TARGETS['batch_1000_2proc_s']:.0f} s for 1000)"
                     if jobs == 2 else ""))
    ind = bench_indicators()
    print(f"4. indicator values parsed:          {ind:8.0f} /s  (target >= "
          f"{TARGETS['indicators_per_s']:.0f}/s)")
    rows = 100_000 if quick else 1_000_000
    ours, theirs, found = bench_rollup(rows)
    pandas = f"{theirs:.2f} s" if theirs is not None else "not installed"
    print(f"5. roll-up of {rows:,} rows:        {ours:8.2f} s    (pandas: {pandas}; "
          f"{found} findings; target <= {TARGETS['rollup_1m_s']:.0f} s for 1M)")
    pdf = bench_pdf(1 if quick else 3)
    if pdf is None:
        print("6. PDF: skipped (no real PDFs, or pypdfium2 not installed)")
    else:
        print(f"6. PDF, {pdf['pages']:.0f} pages of {pdf['files']:.0f} real reports (pages/s):")
        print(f"   extract_pdf (grids rebuilt):      {pdf['extract_pdf']:8.0f}")
        print(f"   read_report + check_report:       {pdf['read_check']:8.0f}")
        print(f"   pypdfium2 get_text_range (plain): {pdf['pdfium_text']:8.0f}")
        plumber = pdf.get("pdfplumber_text")
        print("   pdfplumber extract_text (plain):  "
              + (f"{plumber:8.0f}" if plumber is not None else "not installed"))


if __name__ == "__main__":
    main()
