"""Tests for govbudget.codes (the package): scheme registry and guessing."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from govbudget.codes import SCHEMES, scheme_for


def test_registry() -> None:
    """Four schemes are registered under their names."""
    assert set(SCHEMES) == {"functional", "dept_economic", "gov_economic", "procurement"}


def test_scheme_for() -> None:
    """The scheme is guessed from the code's shape."""
    assert scheme_for("2010101") is SCHEMES["functional"]
    assert scheme_for("50101") is SCHEMES["gov_economic"]
    assert scheme_for("xyz") is None


def test_junk_is_invalid_everywhere() -> None:
    """Junk is invalid in every scheme (and never raises)."""
    for junk in ["", " ", "??", "2" * 40, "\x00", "二〇一"]:
        for s in SCHEMES.values():
            assert not s.is_valid(junk)


SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path(__file__).resolve().parents[1] / "src" / "govbudget" / "codes" / "data"


@pytest.mark.skipif(not (SHARED / "data" / "classification" / "attested_real.csv").is_file(),
                    reason="the shared classification lists are not beside the checkout")
def test_built_in_data_is_what_the_script_generates(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """scripts/build_catalogue_data.py regenerates the shipped CSVs byte for byte (no
    hand edits), and every generated row has a source."""
    spec = importlib.util.spec_from_file_location(
        "build_catalogue_data", DATA.parents[3] / "scripts" / "build_catalogue_data.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    monkeypatch.setattr(mod, "OUT", tmp_path)
    mod.build(SHARED)
    for name in ("functional", "dept_economic", "gov_economic", "dept_economic_local",
                 "econ_mapping"):
        assert (tmp_path / f"{name}.csv").read_bytes() == (DATA / f"{name}.csv").read_bytes()
        lines = [x for x in (tmp_path / f"{name}.csv").read_text("utf-8").splitlines()
                 if not x.startswith("#")]
        for row in csv.DictReader(lines):
            assert (row.get("source") or "").strip(), (name, row)
