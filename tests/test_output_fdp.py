"""Tests for govbudget._output._fdp: the Fiscal Data Package export."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from govbudget import ReportKind, read_report
from govbudget._cli import main
from govbudget._output._fdp import write_package


def test_sample_package_validates(sample_path: Path, tmp_path: Path) -> None:
    """frictionless accepts the sample's package (schema, types, foreign keys)."""
    frictionless = pytest.importorskip("frictionless")
    path = write_package(read_report(sample_path), tmp_path)
    report = frictionless.validate(str(path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_lines_and_codes(sample_path: Path, tmp_path: Path) -> None:
    """Each amount once, with its unit factor, phase, direction and classification
    levels; the code list carries printed and catalogue names."""
    report = read_report(sample_path)
    write_package(report, tmp_path)
    with (tmp_path / "budget-lines.csv").open(encoding="utf-8") as fh:
        lines = list(csv.DictReader(fh))
    cells = sum(1 for t in report.tables for b in t.blocks for r in b.rows
                for v in r.values if v is not None)
    assert len(lines) == cells
    assert {ln["phase"] for ln in lines} == {"approved"}
    assert {ln["direction"] for ln in lines} == {"revenue", "expenditure"}
    for ln in lines:
        assert Decimal(ln["amount"]) * int(ln["unit_factor"]) == Decimal(ln["amount_yuan"])
    sub = [ln for ln in lines if ln["functional_subitem_code"] == "2010101"]
    assert sub and sub[0]["functional_class_code"] == "201"
    assert sub[0]["functional_item_code"] == "20101"
    assert sub[0]["functional_subitem_label"] == "行政运行"
    with (tmp_path / "functional-codes.csv").open(encoding="utf-8") as fh:
        codes = {r["code"]: r for r in csv.DictReader(fh)}
    assert codes["2010101"]["level"] == "项" and codes["2010101"]["parent"] == "20101"
    desc = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["model"]["measures"]["amount"]["phase"] == "approved"


def test_final_account_is_executed(sample_path: Path, tmp_path: Path) -> None:
    """A 决算 is the executed phase."""
    from attrs import evolve

    write_package(evolve(read_report(sample_path), kind=ReportKind.FINAL), tmp_path)
    with (tmp_path / "budget-lines.csv").open(encoding="utf-8") as fh:
        assert {r["phase"] for r in csv.DictReader(fh)} == {"executed"}


def test_cli_fdp_needs_output(sample_path: Path, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    """parse --format fdp writes the package; without --output it is a usage error."""
    assert main(["parse", str(sample_path), "--format", "fdp"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["parse", str(sample_path), "--format", "fdp", "--output",
                 str(tmp_path / "pkg")]) == 0
    assert (tmp_path / "pkg" / "datapackage.json").exists()
