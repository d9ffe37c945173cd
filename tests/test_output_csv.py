"""Tests for govbudget._output._csv: the findings CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from govbudget._cli import main
from govbudget._output._csv import FINDING_COLUMNS


def test_csv_bom_one_row_a_finding(sample_path: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    """--format csv --output: UTF-8 with a BOM, a header, one row a finding."""
    import json

    main(["check", str(sample_path), "--format", "json"])
    n = len(json.loads(capsys.readouterr().out)["files"][0]["findings"])
    out = tmp_path / "f.csv"
    status = main(["check", str(sample_path), "--format", "csv", "--output", str(out)])
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == n and tuple(rows[0]) == FINDING_COLUMNS
    assert status == (1 if any(r["severity"] == "error" for r in rows) else 0)
    assert any(r["unit"] == "万元" and r["expected"] for r in rows)
    assert all(len(r["fingerprint"]) == 16 for r in rows)


def test_csv_unreadable_file_is_a_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable file is one row with its error."""
    (tmp_path / "b.txt").write_bytes(b"")
    assert main(["check", str(tmp_path), "--format", "csv"]) == 2
    text = capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 1 and rows[0]["error"].startswith("read_error:")
