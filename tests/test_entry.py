"""Tests for govbudget._entry: the command's process writes all its output, saves the
caches and ends with its status."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def test_the_command_writes_all_its_output_and_ends_with_its_status(sample_path: Path) -> None:
    """``python -m govbudget check`` (the command's `run`): the whole JSON, then status 1
    (the sample has errors); a reader that closes the pipe early gets no traceback."""
    import json

    cmd = [sys.executable, "-m", "govbudget", "check", str(sample_path), "--format", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 1 and done.stderr == ""
    assert json.loads(done.stdout)["files"][0]["summary"]["by_severity"]["error"] > 0
    closed = subprocess.run(f"{subprocess.list2cmdline(cmd)} | head -c 10", shell=True,
                            capture_output=True, text=True, check=False)
    assert closed.stdout == done.stdout[:10] and "Traceback" not in closed.stderr


class _Left(Exception):
    """os._exit, caught."""


def test_leaving_flushes_saves_the_caches_then_ends_the_process(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from govbudget import _attrs_code, _entry, _pattern_cache

    saved: list[str] = []
    monkeypatch.setattr(_pattern_cache.STORE, "save", lambda: saved.append("patterns"))
    monkeypatch.setattr(_attrs_code.STORE, "save", lambda: saved.append("code"))

    def exit_now(status: int) -> None:
        raise _Left(status)

    monkeypatch.setattr(_entry.os, "_exit", exit_now)
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    with pytest.raises(_Left) as left:
        _entry.leave(3)
    assert left.value.args == (3,) and saved == ["patterns", "code"]
    # Another thread running: a normal exit, which waits for it.
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    with pytest.raises(SystemExit) as normal:
        _entry.leave(1)
    assert normal.value.code == 1
