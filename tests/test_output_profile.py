"""Tests for govbudget._output._profile: profiles and baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from govbudget import ProfileError, Severity, UnknownRule, read_report
from govbudget._cli import main
from govbudget._output._profile import Profile, baseline_document, read_baseline


def test_profile_full(tmp_path: Path) -> None:
    """Every key is read."""
    p = Profile.from_toml("""
select = ["table", "cross"]
ignore = "cross.basic_economic"
ignore_codes = ["table.economic.totals"]
min_severity = "warning"
fail_on = "warning"
[severity]
"table" = "info"
[[override]]
kind = "final"
region = "上海"
select = ["reading"]
severity = { "reading" = "error" }
""")
    assert p.select == ("table", "cross") and p.ignore == ("cross.basic_economic",)
    assert p.min_severity is Severity.WARNING and p.fail_on is Severity.WARNING
    assert p.severity == {"table": Severity.INFO}
    (o,) = p.overrides
    assert (o.kind, o.region, o.select) == ("final", "上海", ("reading",))


@pytest.mark.parametrize("text", ["select = 3", "[severity]\nx = 'fatal'", "min_severity = 1",
                                  "[[override]]\nkind = 'plan'", "[[override]]\nfoo = 1",
                                  "not toml =", "override = 3"])
def test_profile_errors(text: str) -> None:
    """Malformed profiles are a ProfileError (one line)."""
    with pytest.raises(ProfileError) as info:
        Profile.from_toml(text)
    assert "\n" not in str(info.value)


def test_resolve_by_kind_and_region(sample_path: Path) -> None:
    """Overrides apply by kind and by region; the command line wins."""
    report = read_report(sample_path)  # a budget of 晋城市
    p = Profile.from_toml("""
ignore = ["performance"]
[[override]]
kind = "budget"
region = "晋城"
ignore = ["narrative"]
[override.severity]
"table" = "error"
[[override]]
kind = "final"
ignore = ["cross"]
""")
    sel, ign, filt = p.resolve(report, "x.txt")
    assert sel is None and ign == ("performance", "narrative")
    assert filt.severity == {"table": Severity.ERROR}
    sel, ign, filt = p.resolve(report, "x.txt", select=["table"],
                               min_severity=Severity.ERROR)
    assert sel == ("table",) and filt.min_severity is Severity.ERROR


def test_cli_profile(sample_path: Path, tmp_path: Path,
                     capsys: pytest.CaptureFixture[str]) -> None:
    """A profile ignoring rules and re-grading others changes what check reports."""
    prof = tmp_path / "p.toml"
    prof.write_text('ignore = ["narrative"]\n[severity]\n"performance" = "info"\n',
                    encoding="utf-8")
    status = main(["check", str(sample_path), "--format", "json", "--profile", str(prof)])
    entry = json.loads(capsys.readouterr().out)["files"][0]
    assert not any(f["rule"].startswith("narrative.") for f in entry["findings"])
    assert all(f["severity"] == "info" for f in entry["findings"]
               if f["rule"].startswith("performance."))
    assert status == (1 if entry["summary"]["shown_by_severity"]["error"] else 0)


def test_cli_profile_unknown_rule(tmp_path: Path, sample_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A profile naming an unknown rule is exit 2 with one line."""
    prof = tmp_path / "p.toml"
    prof.write_text('ignore = ["tabel.sum"]\n', encoding="utf-8")
    assert main(["check", str(sample_path), "--profile", str(prof)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "tabel.sum" in err


def test_baseline_round_trip(sample_path: Path, tmp_path: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    """--write-baseline then --baseline: nothing new, exit 0, the summary says how many
    were accepted; a changed report shows only the new finding."""
    base = tmp_path / "base.json"
    assert main(["check", str(sample_path), "--format", "json", "--write-baseline",
                 str(base)]) == 1
    before = json.loads(capsys.readouterr().out)["files"][0]
    accepted = read_baseline(base)
    assert len(accepted) == len(before["findings"])
    assert main(["check", str(sample_path), "--format", "json", "--baseline", str(base)]) == 0
    after = json.loads(capsys.readouterr().out)["files"][0]
    assert after["findings"] == [] and after["summary"]["hidden"]["baseline"] == len(accepted)
    # a new line at the top moves every line: still nothing new
    moved = tmp_path / "moved.txt"
    moved.write_text("\n\n" + sample_path.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["check", str(moved), "--format", "json", "--baseline", str(base)]) == 0
    assert json.loads(capsys.readouterr().out)["files"][0]["findings"] == []
    # writing a new baseline with the old one keeps the accepted findings
    again = tmp_path / "again.json"
    main(["check", str(sample_path), "--baseline", str(base), "--write-baseline", str(again)])
    capsys.readouterr()
    assert read_baseline(again) == accepted


def test_baseline_errors(tmp_path: Path) -> None:
    """A file that is not a baseline is a ProfileError."""
    bad = tmp_path / "b.json"
    bad.write_text('{"findings": []}', encoding="utf-8")
    with pytest.raises(ProfileError):
        read_baseline(bad)
    with pytest.raises(ProfileError):
        read_baseline(tmp_path / "missing.json")
    assert baseline_document([])["findings"] == []


def test_unknown_rule_is_an_error() -> None:
    """select_rules refuses an unknown id with suggestions."""
    from govbudget.checks import select_rules

    with pytest.raises(UnknownRule) as info:
        select_rules(["cross.basic_economix"])
    assert "cross.basic_economic" in str(info.value)
    assert isinstance(info.value, KeyError)
