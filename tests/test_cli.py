"""Tests for govbudget._cli (called through main())."""

from __future__ import annotations

import subprocess
import sys

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


def test_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """No command is a usage error: exit 2 with one line."""
    assert main([]) == 2
    assert capsys.readouterr().err.count("\n") == 1


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
        """check --format json prints one object with file, findings and summary."""
        import json

        status = main(["check", str(sample_path), "--format", "json"])
        data = json.loads(capsys.readouterr().out)
        assert set(data) == {"file", "findings", "summary"}
        errors = [f for f in data["findings"] if f["severity"] == "error"]
        assert status == (1 if errors else 0)
        for f in data["findings"]:
            assert {"rule", "severity", "message", "message_en", "location", "related",
                    "expected", "actual", "difference"} <= set(f)

    def test_min_severity(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """--min-severity error keeps only errors."""
        import json

        main(["check", str(sample_path), "--format", "json", "--min-severity", "error"])
        data = json.loads(capsys.readouterr().out)
        assert all(f["severity"] == "error" for f in data["findings"])

    def test_text_groups_by_section(self, sample_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
        """Text output groups findings under section headings and ends with counts."""
        main(["check", str(sample_path)])
        out = capsys.readouterr().out
        assert "== " in out and out.rstrip().endswith("info")

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
        assert "findings" in lines[0] and "error" in lines[1]
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
