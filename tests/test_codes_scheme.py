"""Tests for govbudget.codes._scheme: structure, data, name checks and editions."""

from __future__ import annotations

from pathlib import Path

import pytest

from govbudget import CatalogueFileError, InvalidCode, UnknownCode
from govbudget.codes import NameStatus, dept_economic, functional, normalise_name
from govbudget.codes._scheme import Scheme


class TestStructure:
    @pytest.mark.parametrize(("raw", "compact"), [(" 2010101 ", "2010101"), ("201 01 01", "2010101"),
                                                  ("２０１", "201"), ("201-01", "20101"),
                                                  ("201|05|07", "2010507")])
    def test_compact(self, raw: str, compact: str) -> None:
        """Spaces, separators and full-width digits are removed."""
        assert functional.compact(raw) == compact

    @pytest.mark.parametrize(("raw", "compact"), [
        ("201 5 7", "2010507"), ("201 05 7", "2010507"), ("２０１ ５", "20105"),
        ("201 01 01", "2010101"), ("20 1 01", "20101"), ("201 5 7 1", "201571"),
        ("201 123", "201123")])
    def test_compact_one_digit_parts(self, raw: str, compact: str) -> None:
        """Lower parts of one digit after a full top-level part are zero-padded; any
        other split (a short first part, too many parts, a long part) is joined as
        printed and then fails validation rather than being guessed."""
        assert functional.compact(raw) == compact

    def test_compact_letter_codes_not_padded(self) -> None:
        """Only digit codes are padded (a procurement code is joined as printed)."""
        from govbudget.codes import procurement

        assert procurement.compact("A 1") == "A1"

    @pytest.mark.parametrize("bad", ["", "20", "2010", "101", "20101010", "20a", "abc", "301"])
    def test_invalid(self, bad: str) -> None:
        """Malformed codes raise InvalidCode (a ValueError) and are not valid."""
        with pytest.raises(InvalidCode) as info:
            functional.validate(bad)
        assert isinstance(info.value, ValueError)
        assert info.value.scheme == "functional"
        assert not functional.is_valid(bad)

    def test_levels(self) -> None:
        """Levels follow code length."""
        assert [functional.level(c) for c in ("201", "20101", "2010101")] == [1, 2, 3]
        assert functional.level_name("20101") == "款"
        assert functional.parent_code("2010101") == "20101"
        assert functional.parent_code("201") is None
        assert functional.ancestor_codes("2010101") == ("201", "20101")

    def test_format(self) -> None:
        """format() separates the levels."""
        assert functional.format("2010101") == "201 01 01"
        assert functional.format("201") == "201"

    def test_is_other(self) -> None:
        """Codes ending in 99 below the top level are "other"; the 类 is not."""
        assert functional.is_other("2100799")
        assert functional.is_other("20499")
        assert not functional.is_other("2010101")
        assert not functional.info("2010101").is_other
        assert functional.info("2100799").is_other

    def test_is_valid_never_raises(self) -> None:
        """is_valid swallows wrong types too."""
        assert not functional.is_valid(None)  # type: ignore[arg-type]


class TestData:
    def test_info(self) -> None:
        """info() gives name, level, parent, editions and source."""
        i = functional.info("2010101")
        assert (i.name, i.level, i.level_name, i.parent) == ("行政运行", 3, "项", "20101")
        assert 2024 in i.editions and i.edition == max(i.editions)
        assert "jincheng" in i.source

    def test_unknown(self) -> None:
        """A well-formed code the catalogue lacks is UnknownCode (a KeyError)."""
        with pytest.raises(UnknownCode) as info:
            functional.info("2019999")
        assert isinstance(info.value, KeyError)
        assert "load_edition" in str(info.value)
        assert functional.get("2019999") is None
        assert not functional.is_known("2019999")

    def test_parent_children_ancestors(self) -> None:
        """Navigation uses the known entries."""
        assert functional.parent("2010101") is not None
        assert functional.parent("201") is None
        kids = [c.code for c in functional.children("20101")]
        assert kids[:3] == ["2010101", "2010102", "2010104"]
        assert [a.code for a in functional.ancestors("2010101")] == ["201", "20101"]
        assert functional.children("2010101") == ()

    def test_lookup_name(self) -> None:
        """Names are looked up after normalisation, optionally under a parent."""
        hits = functional.lookup_name("行政运行")
        assert {h.code for h in hits} >= {"2010101", "2120101"}
        assert [h.code for h in functional.lookup_name("行政运行", parent="20101")] == ["2010101"]
        assert functional.lookup_name("no such name") == ()

    def test_codes_iteration(self) -> None:
        """codes() yields one entry per code, filterable by level."""
        classes = list(functional.codes(level=1))
        assert len(classes) == 30
        assert all(c.level == 1 for c in classes)


class TestCheckName:
    def test_match(self) -> None:
        """Full-width brackets and spaces do not matter."""
        assert functional.check_name("2010101", " 行政 运行 ").status is NameStatus.MATCH
        assert functional.check_name("2010101", "行政运行").ok

    def test_wrong(self) -> None:
        """Another name for a known code is WRONG_NAME, with the expected name."""
        r = functional.check_name("2010101", "一般行政管理事务")
        assert r.status is NameStatus.WRONG_NAME and r.expected == "行政运行"

    def test_unknown(self) -> None:
        """An unknown code is UNKNOWN_CODE."""
        assert functional.check_name("2019999", "x").status is NameStatus.UNKNOWN_CODE

    def test_other_edition(self) -> None:
        """A name from another loaded edition is OTHER_EDITION, naming that edition."""
        functional.load_edition([("201", "基本公共管理与服务")], year=2008)
        r = functional.check_name("201", "基本公共管理与服务", year=2024)
        assert r.status is NameStatus.OTHER_EDITION
        assert r.editions == (2008,) and r.expected == "一般公共服务支出"
        assert functional.check_name("201", "基本公共管理与服务", year=2008).ok

    def test_malformed_raises(self) -> None:
        """A malformed code is an error, not an answer."""
        with pytest.raises(InvalidCode):
            functional.check_name("20", "x")


class TestEditions:
    def test_merge_csv(self, tmp_path: Path) -> None:
        """A merged CSV edition adds codes for its year and keeps the built-in ones."""
        f = tmp_path / "ed.csv"
        f.write_text("科目编码,科目名称\n2050201,学前教育\n205,教育支出\n20502,普通教育\n",
                     encoding="utf-8-sig")
        assert functional.load_edition(f, year=2025) == 3
        i = functional.info("2050201", year=2025)
        assert i.name == "学前教育" and i.confidence == "official" and i.editions == (2025,)
        assert "ed.csv line 2" in i.source
        assert functional.info("2010101", year=2025).name == "行政运行"
        assert functional.editions() == (2025,)

    def test_replace(self, tmp_path: Path) -> None:
        """A replacing edition is the only data for its year."""
        f = tmp_path / "ed.csv"
        f.write_text("code,name\n205,教育支出\n", encoding="utf-8")
        functional.load_edition(f, year=2025, mode="replace")
        assert functional.get("2010101", year=2025) is None
        assert functional.get("2010101", year=2024) is not None
        assert [c.code for c in functional.codes(year=2025)] == ["205"]

    def test_split_columns_gb18030(self, tmp_path: Path) -> None:
        """类/款/项 columns carry over from the row above, in a GB18030 file."""
        f = tmp_path / "ed.csv"
        f.write_bytes("类,款,项,科目名称\n205,,,教育支出\n,02,,普通教育\n,,01,学前教育\n,,02,小学教育\n"
                      .encode("gb18030"))
        functional.load_edition(f, year=2025)
        assert functional.info("2050202", year=2025).name == "小学教育"
        assert functional.info("20502", year=2025).name == "普通教育"

    def test_split_columns_one_digit_kuan(self, tmp_path: Path) -> None:
        """A one-digit part in split columns (301 | 2, as Shanghai prints) reads as 02."""
        f = tmp_path / "ed.csv"
        f.write_text("类,款,科目名称\n301,,工资福利支出\n,2,津贴补贴\n,07,绩效工资\n",
                     encoding="utf-8")
        dept_economic.load_edition(f, year=2025)
        assert dept_economic.info("30102", year=2025).source == "ed.csv line 3"
        assert dept_economic.info("30107", year=2025).name == "绩效工资"

    def test_xlsx(self, tmp_path: Path) -> None:
        """An .xlsx edition is read with openpyxl."""
        openpyxl = pytest.importorskip("openpyxl")
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(["编码", "名称"])
        ws.append(["2050201", "学前教育"])
        wb.save(tmp_path / "ed.xlsx")
        assert functional.load_edition(tmp_path / "ed.xlsx", year=2025) == 1
        assert functional.name_of("2050201", year=2025) == "学前教育"

    @pytest.mark.parametrize(("content", "message"), [
        ("", "empty"),
        ("a,b\n1,2\n", "expected a header"),
        ("code,name\n20,短\n", "not a valid"),
        ("code,name\n201,\n", "both a code and a name"),
    ])
    def test_bad_files(self, tmp_path: Path, content: str, message: str) -> None:
        """Bad files raise CatalogueFileError with the line."""
        f = tmp_path / "bad.csv"
        f.write_text(content, encoding="utf-8")
        with pytest.raises(CatalogueFileError, match=message):
            functional.load_edition(f, year=2025)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file is a CatalogueFileError."""
        with pytest.raises(CatalogueFileError, match="cannot open"):
            functional.load_edition(tmp_path / "nope.csv", year=2025)

    def test_binary_file(self, tmp_path: Path) -> None:
        """Undecodable bytes are a CatalogueFileError."""
        f = tmp_path / "bin.csv"
        f.write_bytes(b"\xff\xfe\x00\x81" * 10)
        with pytest.raises(CatalogueFileError):
            functional.load_edition(f, year=2025)

    def test_bad_mode(self) -> None:
        """An unknown mode is refused."""
        with pytest.raises(ValueError, match="mode"):
            functional.load_edition([("201", "x")], year=2025, mode="zap")  # type: ignore[arg-type]

    def test_year_ranking(self) -> None:
        """The newest edition at or before the year wins; later ones are a last resort."""
        functional.load_edition([("299", "甲")], year=2020)
        functional.load_edition([("299", "乙")], year=2023)
        assert functional.name_of("299", year=2022) == "甲"
        assert functional.name_of("299", year=2024) == "乙"
        assert functional.name_of("299", year=2010) == "甲"
        assert functional.name_of("299") == "乙"

    def test_reset(self) -> None:
        """reset() forgets loaded editions."""
        functional.load_edition([("299", "甲")], year=2020)
        functional.reset()
        assert functional.get("299") is None


def test_normalise_name() -> None:
    """Full-width and half-width brackets and quotes normalise alike."""
    assert normalise_name("“三公”经费（预算）") == normalise_name('"三公"经费(预算)')


def test_scheme_without_data() -> None:
    """A scheme with no data file knows its structure only."""
    s = Scheme(name="t", title="t", pattern=r"\d{2}", lengths=(2,), level_names=("x",), data=None)
    assert s.is_valid("12") and s.get("12") is None
    assert repr(s) == "<Scheme t (t)>"


def test_answers_are_kept_until_the_data_changes() -> None:
    """`check_name` and `lookup_name` answer again from memory, and anew once an edition
    is loaded (the kept answers go with the old data)."""
    from govbudget.codes import NameStatus, functional

    try:
        first = functional.check_name("2010101", "某新名称", year=2031)
        assert first.status is NameStatus.WRONG_NAME
        assert functional.check_name("2010101", "某新名称", year=2031) is first
        assert functional.lookup_name("某新名称", year=2031) == ()
        functional.load_edition([("2010101", "某新名称")], year=2031)
        assert functional.check_name("2010101", "某新名称", year=2031).status is NameStatus.MATCH
        assert [i.code for i in functional.lookup_name("某新名称", year=2031)] == ["2010101"]
    finally:
        functional.reset()


def test_derived_answers_are_kept_until_the_data_changes() -> None:
    """`Scheme.derived` makes an answer once per key and makes it anew once an edition
    is loaded (a caller's question about the data goes with the old data)."""
    from govbudget.codes import functional

    calls: list[int] = []

    def make() -> str:
        calls.append(1)
        return functional.name_of("201", year=2032)

    key = ("test: name of", "201", 2032)
    try:
        assert functional.SCHEME.derived(key, make) == "一般公共服务支出"
        assert functional.SCHEME.derived(key, make) == "一般公共服务支出"
        assert len(calls) == 1
        functional.load_edition([("201", "某新类名")], year=2032)
        assert functional.SCHEME.derived(key, make) == "某新类名"
        assert len(calls) == 2
    finally:
        functional.reset()


def test_is_valid_answers_alike_when_kept() -> None:
    """`Scheme.is_valid` keeps its answer per text: asked again, the same answer, and a
    value that is no text is refused (never raises) without being kept."""
    for code in ("2010101", " 201 01 01", "20", "not a code", "2010101"):
        assert functional.is_valid(code) is functional.is_valid(code)
    assert functional.is_valid("2010101") and not functional.is_valid("20")
    assert functional.is_valid(None) is False  # type: ignore[arg-type]
