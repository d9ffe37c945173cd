"""govbudget's benchmark: every figure of the speed targets (issue "Speed at scale"), in one
run on one machine.

Run: python benchmarks/run.py [--quick]

Sections:

1. the whole-text floor: read a report's file, split it into lines and scan the whole
   text with one number regex (what any reader of the text must at least do);
2. read + check, warm (caches filled by earlier reports) and with every govbudget cache
   cleared before each report, on the sample and on 200 distinct generated reports
   (median and spread, as × the floor of the same text);
3. a fresh process: ``govbudget check FILE --format json`` minus ``python -c pass``, in
   CPU time, saying whether the bytecode and the compiled patterns are cached (as an
   installed package has them after its first run), and the same with the pattern cache
   off, then with the attrs code cache off (``govbudget._attrs_code``);
4. 1,000 distinct generated reports (and three broken files) checked by
   ``govbudget check DIR --format jsonl`` with 1 and 2 jobs: CPU and wall time, largest
   resident set;
5. PDF pages per second over the real PDFs (``/work/shared/reports/real/`` or
   ``$GOVBUDGET_REAL_PDFS``; skipped when absent), with the floors of pypdfium2's own
   plain text and pdfplumber's ``extract_text`` on the same pages;
6. indicator values (指标值) parsed per second;
7. the 类/款/项 roll-up of a 1,000,000-row table against pandas;
8. the growth of the check time of a big table (10× the rows, the same share of wrong
   rows) in 元 and 万元, and a 1,000,000-row 元 table with 1,000 wrong rows.

This is a script, not a test: timings vary with the machine and its load (printed with
each section). CPU time is given where the machine is shared: it varies less than wall
time. ``--quick`` runs CI-sized versions of each section (about a minute).
"""

from __future__ import annotations

import functools
import gc
import importlib.util
import inspect
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "examples" / "data" / "jincheng-npc-office-2024.txt"
sys.path.insert(0, str(HERE))

TARGETS = {
    "read_check_over_floor": 10.0,
    "fresh_ms": 80.0,
    "batch_1000_2jobs_s": 8.0,
    "pdf_share_of_pdfplumber": 1 / 3,
    "indicators_per_s": 100_000.0,
    "rollup_1m_s": 1.0,
    "big_table_1m_s": 2.0,
}

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def load() -> str:
    """The 1-minute load average, for the figures' context."""
    try:
        return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    except OSError:
        return "load unknown"


def best(fn: Callable[[], object], repeat: int = 10) -> float:
    """Best wall time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def cpu_best(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best CPU time of ``repeat`` calls, in seconds."""
    times = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        times.append(time.process_time() - t)
    return min(times)


def floor(path: Path) -> float:
    """The whole-text floor of one file: read, split into lines, one number regex over
    the whole text (best of 20, seconds: the floor is small, and one loaded moment in
    five runs moved the sample's by half)."""
    def run() -> object:
        text = path.read_text(encoding="utf-8")
        return len(text.splitlines()), _NUMBER.findall(text)

    return best(run, 20)


def _govbudget_caches() -> list[functools._lru_cache_wrapper[object]]:
    """Every ``functools.lru_cache`` of govbudget's modules that caches a pure function of
    texts (a cell, a line, an indicator value): what a distinct report does not find
    ready. A cached function of no argument builds a constant of the process (a pattern
    compiled on first use, a word list); it is paid once per process, as the fresh-process
    figure shows, and is not cleared between reports."""
    return [o for o in gc.get_objects() if isinstance(o, functools._lru_cache_wrapper)
            and str(getattr(o, "__module__", "")).startswith("govbudget")
            and inspect.signature(o.__wrapped__).parameters]


def _spread(values: Sequence[float]) -> str:
    """Median and the 10th-90th percentile range."""
    qs = statistics.quantiles(values, n=10) if len(values) >= 10 else [min(values)] * 9
    lo, hi = (qs[0], qs[-1]) if len(values) >= 10 else (min(values), max(values))
    return f"median {statistics.median(values):5.1f}x  (p10-p90 {lo:.1f}-{hi:.1f}x)"


def bench_read_check(paths: Sequence[Path], repeat: int) -> tuple[list[float], list[float]]:
    """Read + check of each file as × its floor: warm (every file read once before, best
    of ``repeat``) and with every govbudget cache cleared before each run."""
    import govbudget
    from govbudget.checks import registry

    registry()
    for p in paths:
        govbudget.check_report(govbudget.read_report(p))
    caches = _govbudget_caches()
    warm: list[float] = []
    cold: list[float] = []
    for p in paths:
        f = floor(p)

        def read_check(p: Path = p) -> object:
            return govbudget.check_report(govbudget.read_report(p))

        def cleared(p: Path = p) -> float:
            for cache in caches:
                cache.cache_clear()
            t = time.perf_counter()
            read_check(p)
            return time.perf_counter() - t

        warm.append(best(read_check, repeat) / f)
        cold.append(min(cleared() for _ in range(repeat)) / f)
    return warm, cold


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


def bench_pdf(repeat: int, limit: int | None = None) -> dict[str, float] | None:
    """Pages per second for each way of reading the real PDFs (best of ``repeat``; the
    first ``limit`` files only, when given)."""
    files = sorted(REAL_PDFS.glob("*.pdf")) if REAL_PDFS.is_dir() else []
    files = files[:limit] if limit is not None else files
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


def make_batch(folder: Path, n: int = 1000, seed: int = 7) -> None:
    """``n`` reports (40% sample variants, 60% generated) plus three broken files (the
    corpus of ``scripts/findings_snapshot.py``)."""
    rng = random.Random(seed)
    text = SAMPLE.read_text(encoding="utf-8")
    for i in range(n):
        body = _mutated_sample(text, rng) if i % 5 < 2 else _generated(rng, i)
        (folder / f"report-{i:04d}.txt").write_text(body, encoding="utf-8")
    (folder / "broken-empty.txt").write_bytes(b"")
    (folder / "broken-binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "broken-truncated.txt").write_text(text[:3000], encoding="utf-8")


def make_generated(folder: Path, n: int, seed: int = 7) -> list[Path]:
    """``n`` distinct generated reports of other units (and tables sets, years)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        path = folder / f"report-{i:04d}.txt"
        path.write_text(_generated(rng, i), encoding="utf-8")
        out.append(path)
    return out


def add_broken(folder: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    (folder / "broken-empty.txt").write_bytes(b"")
    (folder / "broken-binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "broken-truncated.txt").write_text(text[:3000], encoding="utf-8")


def _run_cpu(cmd: Sequence[str], env: dict[str, str] | None = None
             ) -> tuple[float, float, float, int]:
    """Run ``cmd``: its wall seconds, CPU seconds (with its workers), largest resident set
    in MB and the lines it printed."""
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=err, env=env)
        assert proc.stdout is not None
        lines = sum(1 for _ in proc.stdout)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1, 2):
            err.seek(0)
            raise RuntimeError(err.read().decode("utf-8", "replace"))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, lines


def compile_bytecode() -> None:
    """Write govbudget's cached bytecode (as an installed package has it), even where
    ``PYTHONDONTWRITEBYTECODE`` is set."""
    import compileall

    import govbudget

    compileall.compile_dir(str(Path(govbudget.__file__).parent), quiet=1)


def bytecode_cached() -> str:
    """Whether every govbudget module has an up-to-date cached bytecode file."""
    import govbudget

    root = Path(govbudget.__file__).parent
    stale = 0
    total = 0
    for src in root.rglob("*.py"):
        total += 1
        pyc = Path(importlib.util.cache_from_source(str(src)))
        if not pyc.exists() or pyc.stat().st_mtime < src.stat().st_mtime:
            stale += 1
    writes = "" if not sys.dont_write_bytecode else " (PYTHONDONTWRITEBYTECODE is set)"
    if stale == 0:
        return f"bytecode cached for all {total} modules"
    return f"bytecode NOT cached for {stale} of {total} modules{writes}"


def keep_patterns() -> str:
    """Write the compiled-pattern cache (`govbudget._pattern_cache`) as a first run of an
    installed package does, even where ``PYTHONDONTWRITEBYTECODE`` is set; what is kept."""
    from govbudget import _pattern_cache

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.pop("GOVBUDGET_PATTERN_CACHE", None)
    subprocess.run([sys.executable, "-m", "govbudget", "check", str(SAMPLE), "--format",
                    "json"], env=env, stdout=subprocess.DEVNULL, check=False)
    store = _pattern_cache.PatternStore(_pattern_cache._folders())
    programs = store._load()
    return f"{len(programs)} compiled patterns kept" if programs else "no patterns kept"


def bench_fresh(runs: int, env: dict[str, str] | None = None
                ) -> tuple[float, float, float, float]:
    """Median and best CPU ms of a fresh ``govbudget check SAMPLE --format json`` and of
    ``python -c pass`` (alternated)."""
    check = [sys.executable, "-m", "govbudget", "check", str(SAMPLE), "--format", "json"]
    bare = [sys.executable, "-c", "pass"]
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        a.append(_run_cpu(check, env)[1] * 1000)
        b.append(_run_cpu(bare, env)[1] * 1000)
    return statistics.median(a), min(a), statistics.median(b), min(b)


def bench_batch(folder: Path, jobs: int) -> tuple[float, float, float, int]:
    """``govbudget check DIR --jobs N --format jsonl``: wall s, CPU s, max RSS MB, lines."""
    return _run_cpu([sys.executable, "-m", "govbudget", "check", str(folder), "--format",
                     "jsonl", "--jobs", str(jobs), "--quiet"])


def bench_indicators(n: int) -> float:
    import bench_indicators

    return float(bench_indicators.run(n))


def bench_big_tables(quick: bool) -> list[str]:
    """The growth of the check time of a big table, and the 1,000,000-row 元 table."""
    import bench_growth

    from govbudget import Report, Unit, check_report

    lines = []
    small = 2_000 if quick else 10_000
    for unit in (Unit.YUAN, Unit.WAN_YUAN):
        a, b, fa, fb = bench_growth.growth(small, unit, share=0.001, repeat=5)  # the 10k case takes ~20 ms: best of 5
        lines.append(f"   {unit.value:<2} {small:>7,} -> {small * 10:>9,} rows (0.1% wrong): "
                     f"{a:6.3f} s -> {b:6.3f} s CPU, x{b / a:4.1f} ({fa} -> {fb} findings)")
    n = 100_000 if quick else 1_000_000
    table = bench_growth.make_table(n, Unit.YUAN, share=0.001)
    report = Report(tables=(table,))
    found: list[int] = []

    def table_rules() -> None:
        found.append(len(check_report(report, select=["table"]).findings))

    t_table = cpu_best(table_rules, 2)
    fresh = Report(tables=(bench_growth.make_table(n, Unit.YUAN, share=0.001),))
    t0 = time.process_time()
    every = len(check_report(fresh).findings)
    t_all = time.process_time() - t0
    lines.append(f"   {n:,}-row 元 table, {n // 1000:,} wrong rows: the table rules "
                 f"{t_table:5.2f} s CPU ({found[-1]} findings; target <= "
                 f"{TARGETS['big_table_1m_s']:.0f} s for 1M)")
    lines.append(f"   the same, every rule, on a table just built: {t_all:5.2f} s CPU ({every} "
                 "findings, the code rules' included)")
    return lines


def main() -> None:
    quick = "--quick" in sys.argv
    print(f"govbudget benchmark on {os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
          f"{' (quick)' if quick else ''}; {load()}")
    print()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        n_distinct = 50 if quick else 200
        generated = make_generated(folder, n_distinct, seed=3)
        f_sample = floor(SAMPLE)
        f_gen = statistics.median(floor(p) for p in generated)
        print(f"1. whole-text floor (read, split lines, one number regex over the text): "
              f"sample {f_sample * 1000:.2f} ms; generated reports median {f_gen * 1000:.2f} ms")
        repeat = 3 if quick else 5
        warm_s, cold_s = bench_read_check([SAMPLE], repeat)
        warm_g, cold_g = bench_read_check(generated, 2 if quick else 3)
        print(f"2. read + check as x the floor ({load()}; target <= "
              f"{TARGETS['read_check_over_floor']:.0f}x with cleared caches):")
        print(f"   sample, warm:                     {warm_s[0]:5.1f}x")
        print(f"   sample, caches cleared:           {cold_s[0]:5.1f}x")
        print(f"   {n_distinct} generated, warm:            {_spread(warm_g)}")
        print(f"   {n_distinct} generated, caches cleared:  {_spread(cold_g)}")
    runs = 5 if quick else 11
    compile_bytecode()
    kept = keep_patterns()
    med, low, pmed, plow = bench_fresh(runs)
    print(f"3. fresh process, `govbudget check SAMPLE --format json` ({bytecode_cached()}, "
          f"{kept}; {load()}):")
    print(f"   CPU {med:.0f} ms median, {low:.0f} best of {runs}; `python -c pass` {pmed:.0f} "
          f"ms median; over it: {med - pmed:.0f} ms median, {low - plow:.0f} best "
          f"(target <= {TARGETS['fresh_ms']:.0f} ms)")
    off = dict(os.environ, GOVBUDGET_PATTERN_CACHE="0")
    med, low, pmed, plow = bench_fresh(runs, off)
    print(f"   the same with GOVBUDGET_PATTERN_CACHE=0 (every pattern compiled): over "
          f"`python -c pass` {med - pmed:.0f} ms median, {low - plow:.0f} best")
    off = dict(os.environ, GOVBUDGET_CODE_CACHE="0")
    med, low, pmed, plow = bench_fresh(runs, off)
    print(f"   the same with GOVBUDGET_CODE_CACHE=0 (attrs compiles every class's methods): "
          f"over `python -c pass` {med - pmed:.0f} ms median, {low - plow:.0f} best")
    n = 100 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        make_generated(folder, n)
        add_broken(folder)
        print(f"4. {n} distinct generated reports + 3 broken files (made in "
              f"{time.perf_counter() - t:.1f} s), `govbudget check DIR --format jsonl`:")
        runs_b: dict[int, list[tuple[float, float, float, int]]] = {1: [], 2: []}
        loads: list[str] = []
        for _ in range(1 if quick else 2):  # alternated: a slow spell hits both alike
            for jobs in (1, 2):
                runs_b[jobs].append(bench_batch(folder, jobs))
                loads.append(load())
        for jobs in (1, 2):
            wall, cpu, rss, lines = min(runs_b[jobs])
            print(f"   --jobs {jobs}: wall {wall:6.2f} s, CPU {cpu:6.2f} s ({n / wall:5.0f} "
                  f"reports/s, {lines} JSON lines, max RSS {rss:.0f} MB)"
                  + (f"  (target <= {TARGETS['batch_1000_2jobs_s']:.0f} s for 1000)"
                     if jobs == 2 else ""))
        print(f"   ({'; '.join(loads)})")
    pdf = bench_pdf(1, limit=2 if quick else None)
    if pdf is None:
        print("5. PDF: skipped (no real PDFs, or pypdfium2 not installed)")
    else:
        print(f"5. PDF, {pdf['pages']:.0f} pages of {pdf['files']:.0f} real reports "
              f"(pages/s; {load()}):")
        print(f"   extract_pdf (grids rebuilt):      {pdf['extract_pdf']:8.1f}")
        print(f"   read_report + check_report:       {pdf['read_check']:8.1f}")
        print(f"   pypdfium2 get_text_range (plain): {pdf['pdfium_text']:8.1f}")
        plumber = pdf.get("pdfplumber_text")
        if plumber is None:
            print("   pdfplumber extract_text (plain):  not installed")
        else:
            share = plumber / pdf["read_check"]
            print(f"   pdfplumber extract_text (plain):  {plumber:8.1f}   read + check takes "
                  f"{share:.2f} of its time (target <= 1/3)")
    ind = bench_indicators(20_000 if quick else 200_000)
    print(f"6. indicator values parsed:          {ind:8.0f} /s  (target >= "
          f"{TARGETS['indicators_per_s']:.0f}/s)")
    rows = 100_000 if quick else 1_000_000
    ours, theirs, found = bench_rollup(rows)
    pandas = f"{theirs:.2f} s" if theirs is not None else "not installed"
    print(f"7. roll-up of {rows:,} rows:        {ours:8.2f} s    (pandas: {pandas}; "
          f"{found} findings; target <= {TARGETS['rollup_1m_s']:.0f} s for 1M; {load()})")
    print(f"8. big tables, check time as the table grows ({load()}):")
    for line in bench_big_tables(quick):
        print(line)


if __name__ == "__main__":
    main()
