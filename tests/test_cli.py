"""Tests for govbudget._cli (called through main())."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from govbudget._cli import main


class TestCodes:
    def test_known(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A known code prints its name, level and ancestors; exit 0."""
        assert main(["codes", "2010101"]) == 0
        out = capsys.readouterr().out
        assert "2010101  行政运行" in out and "项" in out
        assert "under 20101  人大事务" in out and "under 201  一般公共服务支出" in out

    def test_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown code is one line on stderr and exit 1."""
        assert main(["codes", "2019999"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "2019999" in err

    def test_malformed(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A malformed code is one line on stderr and exit 2."""
        assert main(["codes", "20"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not a valid code" in err

    def test_scheme_and_verbose(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--scheme forces the scheme; -v shows the source."""
        assert main(["codes", "--scheme", "dept_economic", "-v", "30217"]) == 0
        out = capsys.readouterr().out
        assert "公务接待费" in out and "source:" in out

    def test_other_names_shown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Names of other editions and flagged names printed by a source are listed."""
        assert main(["codes", "20805", "30202"]) == 0
        out = capsys.readouterr().out
        assert "other edition: 行政事业单位离退休 (editions 2019)" in out
        assert "also printed as 咨询费" in out and "flagged:" in out

    def test_local_sub_item(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A 7-digit local sub-item is printed with the national item it refines; one
        not attested is one line on stderr and exit 1."""
        assert main(["codes", "3021101"]) == 0
        out = capsys.readouterr().out
        assert "差旅费" in out and "not a national code" in out and "refines 30211" in out
        assert main(["codes", "3021199"]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "under 30211" in err


def test_no_command_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    """No command prints the usage with every command and exits 2."""
    assert main([]) == 2
    out = capsys.readouterr().out
    assert out.startswith("usage: govbudget")
    assert all(c in out for c in ("codes", "parse", "check", "rules"))


def test_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown command is a usage error: exit 2 with one line."""
    assert main(["frobnicate"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


@pytest.mark.parametrize("command", ["check", "parse", "codes", "rules"])
def test_help_shows_defaults_exit_codes_example(command: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Each subcommand's help shows defaults, the exit status and examples."""
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "exit status:" in out and "examples:" in out and f"govbudget {command}" in out
    if command in ("check", "parse", "rules"):
        assert "(default: text)" in " ".join(out.split())
    assert "(default: None)" not in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints and exits 0."""
    assert main(["--version"]) == 0
    assert "govbudget" in capsys.readouterr().out


def test_module_entry_point() -> None:
    """python -m govbudget runs the same command line, without a traceback."""
    done = subprocess.run([sys.executable, "-m", "govbudget", "codes", "20"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_the_collector_is_back_on_for_several_files(sample_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`run` turns the cycle collector off for one file; checking several turns it on."""
    import gc

    gc.disable()
    try:
        main(["check", str(sample_path), "--format", "json"])
        assert not gc.isenabled()
        main(["check", str(sample_path), str(sample_path), "--format", "json"])
        assert gc.isenabled()
    finally:
        gc.enable()
    capsys.readouterr()


class TestParse:
    def test_text_summary(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """parse prints a summary: tables with rows and totals, projects, facts."""
        assert main(["parse", str(sample_path)]) == 0
        out = capsys.readouterr().out
        assert "tables: 13" in out and "performance target tables: 13" in out
        assert "2599.99万元" in out

    def test_json_round_trip(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """parse --format json is the lossless JSON of the report."""
        import govbudget

        assert main(["parse", str(sample_path), "--format", "json"]) == 0
        report = govbudget.loads(capsys.readouterr().out)
        assert report == govbudget.read_report(sample_path)

    def test_csv(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """parse --format csv writes one row per cell with a header."""
        assert main(["parse", str(sample_path), "--format", "csv"]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].startswith("source,unit_name,year,table")
        assert len(lines) > 100


class TestCheck:
    def test_json_contract(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """check --format json prints one document: schema, valid, files, summary."""
        import json

        status = main(["check", str(sample_path), "--format", "json"])
        data = json.loads(capsys.readouterr().out)
        assert set(data) == {"schema", "valid", "files", "summary"}
        (entry,) = data["files"]
        errors = [f for f in entry["findings"] if f["severity"] == "error"]
        assert status == (1 if errors else 0)
        assert data["valid"] is (not errors)
        for f in entry["findings"]:
            assert {"rule", "code", "severity", "message", "message_en", "location", "related",
                    "expected", "actual", "difference", "unit", "fingerprint"} <= set(f)

    def test_min_severity(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """--min-severity error keeps only errors."""
        import json

        main(["check", str(sample_path), "--format", "json", "--min-severity", "error"])
        data = json.loads(capsys.readouterr().out)
        (entry,) = data["files"]
        assert entry["findings"] and all(f["severity"] == "error" for f in entry["findings"])
        s = entry["summary"]
        # the summary still counts every finding and says how many the filter hid
        assert s["by_severity"]["warning"] > 0 and s["shown_by_severity"]["warning"] == 0
        assert s["hidden"]["min_severity"] == s["findings"] - s["shown"] > 0

    def test_text_groups_by_section(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """Text output groups findings under section headings and ends with counts."""
        main(["check", str(sample_path)])
        out = capsys.readouterr().out
        assert "== " in out and "共 " in out and "错误 " in out

    @pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary" * 100,
                                         b"1234567890" * 100_000,
                                         b"hello world\n"])
    def test_bad_input_exit_2_one_line(self, tmp_path, content: bytes,  # type: ignore[no-untyped-def]
                                       capsys: pytest.CaptureFixture[str]) -> None:
        """Empty, binary, truncated, 1 MB of digits, not a report: exit 2, one line, no
        traceback."""
        f = tmp_path / "bad.txt"
        f.write_bytes(content)
        status = main(["check", str(f)])
        err = capsys.readouterr().err
        assert status == 2
        assert err.count("\n") == 1 and "Traceback" not in err

    @pytest.mark.parametrize("fraction", [0.01, 0.05, 0.2, 0.5, 0.9])
    def test_truncated_report(self, sample_path, tmp_path, fraction: float,  # type: ignore[no-untyped-def]
                              capsys: pytest.CaptureFixture[str]) -> None:
        """A report cut anywhere gives a partial result or a one-line error, never a
        traceback."""
        data = sample_path.read_bytes()
        cut = data[: int(len(data) * fraction)].decode("utf-8", errors="ignore").encode()
        f = tmp_path / "cut.txt"
        f.write_bytes(cut)
        status = main(["check", str(f)])
        captured = capsys.readouterr()
        assert status in (0, 1, 2)
        assert "Traceback" not in captured.err
        assert captured.out or captured.err.count("\n") == 1

    def test_missing_file(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A missing file is exit 2 with one line."""
        assert main(["check", "/no/such/file.txt"]) == 2
        assert capsys.readouterr().err.count("\n") == 1

    def test_bad_arguments(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """Wrong arguments are exit 2."""
        assert main(["check", str(sample_path), "--min-severity", "fatal"]) == 2

    def test_batch_jsonl(self, sample_path, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """A folder with a good and a bad file: one JSON line each, then a summary; the bad
        file does not stop the batch; exit 2 because one file is unreadable."""
        import json
        import shutil

        shutil.copy(sample_path, tmp_path / "a.txt")
        (tmp_path / "b.txt").write_bytes(b"")
        status = main(["check", str(tmp_path), "--format", "jsonl", "--jobs", "2"])
        lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
        assert len(lines) == 3 and "summary" in lines[-1]
        assert lines[-1]["summary"]["files"] == 2 and lines[-1]["summary"]["unreadable"] == 1
        assert lines[0]["error"] is None and lines[0]["findings"]
        assert lines[1]["error"]["code"] == "read_error" and lines[1]["findings"] == []
        assert lines[-1]["valid"] is False
        assert status == 2


def test_parse_many_files_to_one_csv(sample_path, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """parse --format csv over a folder writes one CSV with one header; a bad file is
    reported on stderr (exit 2) and the others are still exported."""
    import shutil

    shutil.copy(sample_path, tmp_path / "a.txt")
    shutil.copy(sample_path, tmp_path / "b.txt")
    (tmp_path / "c.txt").write_bytes(b"")
    status = main(["parse", str(tmp_path), "--format", "csv"])
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert sum(1 for x in lines if x.startswith("source,")) == 1
    assert {x.split(",")[0] for x in lines[1:]} == {str(tmp_path / "a.txt"), str(tmp_path / "b.txt")}
    assert status == 2 and captured.err.count("\n") == 1


def test_parse_text_takes_one_file(sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """Text output of two files is a usage error."""
    assert main(["parse", str(sample_path), str(sample_path)]) == 2


class TestRules:
    def test_json_lists_every_rule(self, capsys: pytest.CaptureFixture[str]) -> None:
        """rules --format json lists every registered rule with its titles and more."""
        import json

        from govbudget.checks import registry

        assert main(["rules", "--format", "json"]) == 0
        rules = json.loads(capsys.readouterr().out)["rules"]
        assert [r["id"] for r in rules] == list(registry())
        for r in rules:
            assert {"id", "code", "title", "title_en", "category", "severity",
                    "applies"} <= set(r)

    def test_text_and_select(self, capsys: pytest.CaptureFixture[str]) -> None:
        """rules --select cross lists only cross-table rules; an unknown prefix is exit 2."""
        assert main(["rules", "--select", "cross"]) == 0
        out = capsys.readouterr().out
        ids = [x.split()[0] for x in out.splitlines() if x and not x.startswith(" ")][:-1]
        assert ids and all(i.startswith("cross.") for i in ids)
        assert main(["rules", "--select", "crosss"]) == 2
        assert capsys.readouterr().err.count("\n") == 1


class TestCheckOptions:
    def test_select_and_ignore(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """--select runs only those rules, --ignore drops some; unknown ids are exit 2."""
        import json

        main(["check", str(sample_path), "--format", "json", "--select", "performance,reading",
              "--ignore", "reading.repaired_number"])
        rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["files"][0]["findings"]}
        assert rules and all(r.startswith("performance.") for r in rules)
        assert main(["check", str(sample_path), "--select", "nosuch.rule"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "nosuch.rule" in err

    def test_fail_on(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """--fail-on warning fails on warnings; never never fails on findings."""
        args = ["check", str(sample_path), "--select", "performance.quantity_vs_overview"]
        assert main(args) == 0
        assert main([*args, "--fail-on", "warning"]) == 1
        assert main([*args, "--fail-on", "never"]) == 0
        assert main(["check", str(sample_path), "--fail-on", "never"]) == 0
        capsys.readouterr()

    def test_lang_en_and_output(self, sample_path, tmp_path,  # type: ignore[no-untyped-def]
                                capsys: pytest.CaptureFixture[str]) -> None:
        """--lang en writes English; --output writes the file and nothing to stdout."""
        out = tmp_path / "o.txt"
        main(["check", str(sample_path), "--lang", "en", "--output", str(out)])
        assert capsys.readouterr().out == ""
        text = out.read_text(encoding="utf-8")
        assert "expected" in text and "errors" in text and "\x1b[" not in text

    def test_output_unwritable(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """An --output that cannot be written is exit 2 with one line."""
        assert main(["check", str(sample_path), "--output", "/no/such/dir/x.txt"]) == 2
        assert capsys.readouterr().err.count("\n") == 1

    def test_width(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """--width sets the columns of text output."""
        from govbudget._output._width import width

        main(["check", str(sample_path), "--width", "60"])
        assert max(width(x) for x in capsys.readouterr().out.splitlines()) <= 60


def test_parse_output(sample_path, tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    """parse --output writes the JSON or the CSV to a file, nothing to stdout."""
    import govbudget

    out = tmp_path / "r.json"
    assert main(["parse", str(sample_path), "--format", "json", "--output", str(out)]) == 0
    assert govbudget.loads(out.read_text(encoding="utf-8")) == govbudget.read_report(sample_path)
    csv_out = tmp_path / "r.csv"
    assert main(["parse", str(sample_path), "--format", "csv", "--output", str(csv_out)]) == 0
    assert csv_out.read_text(encoding="utf-8").startswith("source,")
    assert capsys.readouterr().out == ""


class TestCheckAcrossDocuments:
    def _files(self, tmp_path: pytest.TempPathFactory, delta: str) -> list[str]:
        """Two budgets of one unit; the later one states its 三公 change on the earlier."""
        from govbudget import render_report

        from .test_checks_documents import _budget, with_change

        a, b = _budget(2024), _budget(2025, reception="50000")
        b = with_change(b, a, delta=Decimal(delta))
        out = []
        for r in (a, b):
            text = render_report(r)
            facts = r.narrative.facts
            if facts:  # the narrative as its sentences, so the reader finds the facts
                amount, change = facts
                word = "增加" if change.direction and change.direction.value == "increase" \
                    else "减少" if change.direction and change.direction.value == "decrease" \
                    else "持平"
                text += ("第三部分 2025年度单位预算情况说明\n六、“三公”经费预算情况说明\n"
                         f"2025年“三公”经费预算数为{amount.value}万元，比2024年预算{word}"
                         f"{'' if word == '持平' else str(change.value) + '万元'}。\n")
            p = tmp_path / f"{r.year}.txt"  # type: ignore[operator]
            p.write_text(text, encoding="utf-8")
            out.append(str(p))
        return out

    def test_pairs_and_finds_a_wrong_change(self, tmp_path: pytest.TempPathFactory,
                                            capsys: pytest.CaptureFixture[str]) -> None:
        """``govbudget check A B`` of one unit pairs them and reports a stated change that
        last year's document contradicts, naming both files; exit status 1."""
        import json

        files = self._files(tmp_path, "3.00")
        status = main(["check", *files, "--format", "json", "-q"])
        doc = json.loads(capsys.readouterr().out)
        assert doc["documents"]["pairs"] == [
            {"earlier": files[0], "later": files[1], "relation": "budget→budget"}]
        rules = [f["rule"] for f in doc["documents"]["findings"]]
        assert "documents.change_on_last_year" in rules
        assert status == 1

    def test_consistent_pair_text(self, tmp_path: pytest.TempPathFactory,
                                  capsys: pytest.CaptureFixture[str]) -> None:
        files = self._files(tmp_path, "0")
        main(["check", *files, "-q"])
        text = capsys.readouterr().out
        assert "paired" in text and "documents.change_on_last_year" not in text


def test_the_help_is_as_wide_as_the_terminal_without_shutil(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The parsers take the terminal's width as shutil finds it ($COLUMNS first, 80 when
    there is no terminal), and building them imports no shutil."""
    from govbudget import _cli

    monkeypatch.setenv("COLUMNS", "50")
    assert _cli._columns() == 50
    import argparse

    # the width argparse's own formatter takes (through shutil)
    assert _cli._Raw("p")._width == argparse.RawDescriptionHelpFormatter("p")._width == 48  # type: ignore[attr-defined]
    monkeypatch.setenv("COLUMNS", "not a number")
    import shutil

    assert _cli._columns() == shutil.get_terminal_size().columns
    assert _cli._Raw("p")._width == argparse.RawDescriptionHelpFormatter("p")._width  # type: ignore[attr-defined]
    code = ("import sys; from govbudget._cli import _build_parser; _build_parser(); "
            "print('shutil' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env={k: v for k, v in __import__("os").environ.items()
                                           if k != "COLUMNS"})
    assert done.stdout.strip() == "False"
