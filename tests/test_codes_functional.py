"""Tests for govbudget.codes.functional: the built-in data against the sample report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govbudget.codes import NameStatus, functional

CODE_LINE = re.compile(r"^(\d{3}|\d{5}|\d{7}) (\S+) ")


def _sample_pairs(path: Path) -> list[tuple[str, str]]:
    return [(m[1], m[2]) for line in path.read_text(encoding="utf-8").splitlines()
            if (m := CODE_LINE.match(line))]


def test_every_sample_code_is_known_with_its_name(sample_path: Path) -> None:
    """Every functional code printed in the sample's tables is known under the printed name."""
    pairs = _sample_pairs(sample_path)
    assert len(pairs) >= 50
    for code, name in pairs:
        assert functional.check_name(code, name, year=2024).status is NameStatus.MATCH, code


def test_thirty_classes_2024() -> None:
    """The 30 classes of 2024 are known, 201 to 234 with gaps."""
    classes = [c.code for c in functional.codes(level=1, year=2024)]
    assert len(classes) == 30 and classes[0] == "201" and classes[-1] == "234"
    assert "218" not in classes


def test_every_row_has_a_source() -> None:
    """No built-in entry lacks a source; every parent of a known code is known, or the
    entry says that no source prints it."""
    for info in functional.codes():
        assert info.source.strip()
        if info.parent and not functional.is_known(info.parent):
            assert info.note and f"parent {info.parent} is printed in no source" in info.note


@pytest.mark.parametrize("code", ["1010101", "3010101", "2010", "A15"])
def test_shape(code: str) -> None:
    """Only 2xx codes of 3/5/7 digits are functional expenditure codes."""
    assert not functional.is_valid(code)
