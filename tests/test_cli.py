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
