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


class TestAttested:
    """Codes printed in real reports (shared attested_real.csv) are built in."""

    @pytest.mark.parametrize(("code", "name", "year"), [
        ("20140", "信访事务", 2024), ("2014004", "信访业务", 2024),
        ("2010601", "行政运行", 2025), ("20404", "检察", 2019),
        ("2296002", "用于社会福利的彩票公益金支出", 2026), ("22204", "粮油储备", 2026)])
    def test_lookup(self, code: str, name: str, year: int) -> None:
        """The pair matches for its year and names the report, line and page it was read
        from."""
        i = functional.info(code, year=year)
        assert i.name == name and year in i.editions
        assert functional.check_name(code, name, year=year).status is NameStatus.MATCH
        assert re.search(r"attested_real\.csv: [a-z-]+\d{4}-(budget|final) line \d+ p\.\d+",
                         i.source), i.source

    def test_every_attested_row_has_its_provenance(self) -> None:
        """Each attested source item names a report, a line and a page."""
        n = 0
        for info in functional.codes():
            for item in info.source.split("; "):
                if "attested_real" in item:
                    n += 1
                    assert re.fullmatch(
                        r"shared/data/classification/attested_real(_narrative)?\.csv: "
                        r"[a-z0-9-]+ line \d+ p\.\d+( \(prose .*\))?", item), item
        assert n > 300

    def test_edition_difference_20805(self) -> None:
        """20805 has its 2019 name and its 2024+ name: each matches its years and is the
        other edition's answer elsewhere (both kept visible)."""
        old, new = "行政事业单位离退休", "行政事业单位养老支出"
        assert functional.check_name("20805", old, year=2019).status is NameStatus.MATCH
        assert functional.check_name("20805", new, year=2025).status is NameStatus.MATCH
        r = functional.check_name("20805", old, year=2024)
        assert r.status is NameStatus.OTHER_EDITION and r.editions == (2019,)
        assert r.expected == new
        r = functional.check_name("20805", new, year=2019)
        assert r.status is NameStatus.OTHER_EDITION and 2026 in r.editions
        names = {i.name for i in functional.lookup_name(old)} | {
            i.name for i in functional.lookup_name(new)}
        assert names == {old, new}

    def test_edition_difference_21208(self) -> None:
        """21208: the 2019 name (with 对应专项债务收入) and the 2026 name."""
        new = "国有土地使用权出让收入安排的支出"
        assert functional.name_of("21208", year=2026) == new
        r = functional.check_name("21208", "国有土地使用权出让收入及对应专项债务收入安排的支出",
                                  year=2026)
        assert r.status is NameStatus.OTHER_EDITION and r.editions == (2019,)

    def test_class_210_before_2019(self) -> None:
        """医疗卫生与计划生育支出 is 210's name before the 2019 edition, not a wrong name."""
        assert functional.name_of("210", year=2019) == "卫生健康支出"
        r = functional.check_name("210", "医疗卫生与计划生育支出", year=2024)
        assert r.status is NameStatus.OTHER_EDITION and r.expected == "卫生健康支出"
        assert all(e < 2019 for e in r.editions)
        assert "README" in functional.info("210", year=2018).source

    def test_missing_parent_is_noted(self) -> None:
        """Beijing prints 2010801 … without 20108: the entries say so, 20108 is unknown."""
        assert not functional.is_known("20108")
        assert "20108" in (functional.info("2010801").note or "")

    @pytest.mark.parametrize("code", ["2130101", "2240101"])
    def test_unattested_codes_stay_unknown(self, code: str) -> None:
        """Codes no source prints are not guessed."""
        assert functional.check_name(code, "行政运行").status is NameStatus.UNKNOWN_CODE
