"""Tests for govbudget._batch: `check_many` on any executor (threads, processes, Dask)."""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import pytest

import govbudget
from govbudget import check_many
from govbudget._cli import main
from govbudget.testing import build_report

T = TypeVar("T")


def _files(tmp_path: Path, sample: Path) -> list[str]:
    """The sample, the sample with a figure changed, a generated report, an empty file."""
    text = sample.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    # the first total of the summary table changed: more errors than the sample's own
    assert "2048.87 2048.87" in text
    changed = text.replace("2048.87 2048.87", "2049.87 2048.87", 1)
    (tmp_path / "b.txt").write_text(changed, encoding="utf-8")
    report = build_report(leaves=[("2010101", Decimal("100.00"), Decimal("20.00"))],
                          economic=[("30101", Decimal("100.00"))],
                          projects=[("项目一", Decimal("20.00"))], unit_name="某县某单位")
    (tmp_path / "c.txt").write_text(govbudget.render_report(report), encoding="utf-8")
    (tmp_path / "d.txt").write_bytes(b"")
    return [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt", "d.txt")]


def _local(files: list[str], **kw: Any) -> list[dict[str, Any]]:
    return list(check_many(files, jobs=1, **kw))


def test_in_input_order_errors_per_file(tmp_path: Path, sample_path: Path) -> None:
    """One entry per file, in input order; the empty file is that file's error and the
    others are checked."""
    files = _files(tmp_path, sample_path)
    entries = _local(files)
    assert [e["file"] for e in entries] == files
    assert [e["error"] is None for e in entries] == [True, True, True, False]
    assert entries[3]["error"]["code"] == "read_error" and entries[3]["findings"] == []
    assert entries[0]["findings"] and entries[0]["unit_name"]
    assert entries[1]["summary"]["by_severity"]["error"] > entries[0]["summary"]["by_severity"][
        "error"]
    assert not any(k.startswith("_") for e in entries for k in e)


def test_same_as_the_command_line(tmp_path: Path, sample_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """The entries are those of ``govbudget check --format json``."""
    files = _files(tmp_path, sample_path)
    main(["check", *files, "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    assert doc["files"] == _local(files)


@pytest.mark.parametrize("make", [lambda: ThreadPoolExecutor(max_workers=2),
                                  lambda: ProcessPoolExecutor(max_workers=2)],
                         ids=["threads", "processes"])
def test_any_executor_same_findings(tmp_path: Path, sample_path: Path,
                                    make: Callable[[], Executor]) -> None:
    """Threads and processes give the entries of the run in this process; a small window
    still checks every file."""
    files = _files(tmp_path, sample_path)
    with make() as pool:
        assert list(check_many(files, executor=pool, window=1)) == _local(files)
        assert list(check_many(files, executor=pool, chunksize=3)) == _local(files)


def test_default_pool(tmp_path: Path, sample_path: Path) -> None:
    """Without an executor, ``jobs=2`` runs a local process pool with the same result."""
    files = _files(tmp_path, sample_path)
    assert list(check_many(files, jobs=2)) == _local(files)


def test_options_reach_the_workers(tmp_path: Path, sample_path: Path) -> None:
    """select, min_severity and baseline are applied in the workers."""
    files = _files(tmp_path, sample_path)[:1]
    with ThreadPoolExecutor(max_workers=1) as pool:
        only = list(check_many(files, executor=pool, select=["performance"],
                               min_severity="error"))
    assert only[0]["findings"]
    assert {f["rule"].split(".")[0] for f in only[0]["findings"]} == {"performance"}
    assert {f["severity"] for f in only[0]["findings"]} == {"error"}
    prints = [f["fingerprint"] for f in only[0]["findings"]]
    again = list(check_many(files, jobs=1, select=["performance"], min_severity="error",
                            baseline=prints))
    assert again[0]["findings"] == [] and again[0]["summary"]["hidden"]["baseline"] == len(prints)


def test_unknown_rule_before_any_file(tmp_path: Path) -> None:
    """An unknown rule pattern raises at once (no file is read)."""
    with pytest.raises(govbudget.UnknownRule):
        check_many([str(tmp_path / "x.txt")], select=["tabel"])


class _Broken(Executor):
    """An executor whose second task fails in the executor (as a dead worker would) and
    which refuses the third."""

    def __init__(self) -> None:
        self.n = 0

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        self.n += 1
        if self.n == 3:
            raise RuntimeError("pool is broken")
        fut: Future[T] = Future()
        if self.n == 2:
            fut.set_exception(OSError("worker died"))
        else:
            fut.set_result(fn(*args, **kwargs))
        return fut


def test_executor_failures_are_the_files_errors(tmp_path: Path, sample_path: Path) -> None:
    """A task the executor could not run is that file's error; the batch goes on."""
    files = _files(tmp_path, sample_path)
    entries = list(check_many(files, executor=_Broken()))
    assert [e["file"] for e in entries] == files
    assert entries[0]["error"] is None
    assert entries[1]["error"]["code"] == "internal_error"
    assert "worker died" in entries[1]["error"]["message"]
    assert "pool is broken" in entries[2]["error"]["message"]
    assert entries[3]["error"]["code"] == "read_error"


def test_executor_failure_of_a_chunk(tmp_path: Path, sample_path: Path) -> None:
    """With several files a task, a failed task is the error of each of its files."""
    files = _files(tmp_path, sample_path)
    entries = list(check_many(files, executor=_Broken(), chunksize=2))
    assert [e["file"] for e in entries] == files
    assert [e["error"] is None for e in entries] == [True, True, False, False]
    assert all("worker died" in e["error"]["message"] for e in entries[2:])


def test_dask_cluster_same_findings(tmp_path: Path, sample_path: Path) -> None:
    """A local Dask cluster (worker processes) through ``Client.get_executor()`` gives the
    entries of the run in this process."""
    distributed = pytest.importorskip(
        "distributed", reason="dask[distributed] is not installed (the 'dask' extra)")
    files = _files(tmp_path, sample_path)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0",  # any free port: another
                                  # cluster on this machine may hold the default 8787
                                  scheduler_port=0) as cluster, \
            distributed.Client(cluster) as client:
        entries = list(check_many(files, executor=client.get_executor()))
        chunked = list(check_many(files, executor=client.get_executor(), chunksize=2))
        workers = client.run(lambda: __import__("os").getpid())
    assert len(workers) == 2
    assert entries == chunked == _local(files)


def test_a_bundle_gives_an_entry_per_report(tmp_path: Path, sample_path: Path) -> None:
    """A file holding two reports: each is checked on its own, as it is alone, in its
    own entry (path#1, path#2), in order, before the next file's; with one job, two,
    or a chunk of files a task."""
    sample = sample_path.read_text(encoding="utf-8")
    other = (Path(__file__).parent / "data" / "real" / "shanghai-wanli-2024-budget.txt"
             ).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(sample + "\n\f" + other, encoding="utf-8")
    (tmp_path / "b.txt").write_text(other, encoding="utf-8")
    (tmp_path / "c.txt").write_text(sample, encoding="utf-8")
    files = [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")]

    def errors(entry: dict[str, Any]) -> list[tuple[str, str]]:
        return sorted((f["code"], str(f["actual"])) for f in entry["findings"]
                      if f["severity"] == "error")

    for kwargs in ({"jobs": 1}, {"jobs": 2}, {"jobs": 2, "chunksize": 2}):
        entries = list(check_many(files, **kwargs))  # type: ignore[arg-type]
        assert [e["file"] for e in entries] == [files[0] + "#1", files[0] + "#2", *files[1:]]
        assert errors(entries[0]) == errors(entries[3])  # the sample's, as alone
        assert errors(entries[1]) == errors(entries[2])  # wanli's
        assert not [f for e in entries for f in e["findings"]
                    if f["code"] == "reading.several_reports"]
        assert [e.get("bundle") for e in entries] == [
            {"file": files[0], "report": 1, "reports": 2},
            {"file": files[0], "report": 2, "reports": 2}, None, None]
