"""Tests for govbudget._output._contract: the check-report JSON contract and its schema."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Finding, Location, ReadError, Severity, check_report, read_report
from govbudget._cli import main
from govbudget._output._contract import (
    SCHEMA_ID,
    Filters,
    document,
    error_entry,
    file_entry,
    fingerprints,
    schema,
)


@pytest.fixture(scope="module")
def sample_entry() -> dict[str, object]:
    from tests.conftest import SAMPLE

    return file_entry(str(SAMPLE), check_report(read_report(SAMPLE)))


def _validate(doc: object) -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.Draft202012Validator(schema()).validate(doc)


def test_a_bundle_counts_as_one_file_of_several_reports(
        sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file holding two reports and a file holding one: 2 files, 3 reports, each of
    the bundle's entries saying which report of which file it is; valid by the schema,
    and said so in the text and jsonl totals."""
    sample = sample_path.read_text(encoding="utf-8")
    (tmp_path / "two.txt").write_text(sample + "\n\f" + sample, encoding="utf-8")
    shutil.copy(sample_path, tmp_path / "one.txt")
    main(["check", str(tmp_path), "--format", "json"])
    doc = json.loads(capsys.readouterr().out)
    _validate(doc)
    assert (doc["summary"]["files"], doc["summary"]["reports"]) == (2, 3)
    assert doc["summary"]["readable"] == 3 and not doc["valid"]
    bundled = [e["bundle"] for e in doc["files"] if "bundle" in e]
    assert bundled == [{"file": str(tmp_path / "two.txt"), "report": k, "reports": 2}
                       for k in (1, 2)]
    main(["check", str(tmp_path), "--format", "jsonl"])
    last = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert (last["summary"]["files"], last["summary"]["reports"]) == (2, 3)
    main(["check", str(tmp_path / "two.txt")])
    assert "1 个文件（2 份报告，0 个无法读取）" in capsys.readouterr().out
    main(["check", str(tmp_path / "one.txt"), str(tmp_path / "one.txt"), "--lang", "en"])
    assert "2 files (0 unreadable)" in capsys.readouterr().out  # no bundle: no reports said


def test_schema_is_packaged_and_valid() -> None:
    """The schema ships inside the package and is a valid draft 2020-12 schema."""
    s = schema()
    assert s["$id"] == SCHEMA_ID
    jsonschema.Draft202012Validator.check_schema(s)


def test_one_file_and_folder_have_the_same_shape(sample_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """check FILE and check DIR print documents of one shape, both valid by the schema."""
    main(["check", str(sample_path), "--format", "json"])
    one = json.loads(capsys.readouterr().out)
    shutil.copy(sample_path, tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text("not a report\n", encoding="utf-8")
    main(["check", str(tmp_path), "--format", "json"])
    many = json.loads(capsys.readouterr().out)
    _validate(one)
    _validate(many)
    assert set(one) == set(many) == {"schema", "valid", "files", "summary"}
    assert set(one["summary"]) == set(many["summary"])
    assert set(one["files"][0]) == set(many["files"][0]) == set(many["files"][1])
    assert many["files"][1]["error"]["code"] == "read_error"
    assert many["summary"]["unreadable"] == 1 and many["valid"] is False
    # the same findings whatever the file is called
    assert one["files"][0]["findings"] == many["files"][0]["findings"]


def test_unreadable_single_file_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unreadable single file still gives the JSON document, with an error entry."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    assert main(["check", str(bad), "--format", "json"]) == 2
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    _validate(doc)
    assert doc["files"][0]["error"]["code"] == "read_error" and doc["valid"] is False


def test_figures_are_decimals_with_their_unit(sample_entry: dict[str, object]) -> None:
    """expected/actual/difference are exact decimal strings and the unit a field; in a
    table the table's unit."""
    findings = sample_entry["findings"]
    assert isinstance(findings, list)
    money = [f for f in findings if f["unit"] is not None]
    assert money
    for f in money:
        for k in ("expected", "actual", "difference"):
            assert f[k] is None or not f[k].endswith("元")
    table = [f for f in money if f["location"]["table"] == "basic_economic"]
    assert table and all(f["unit"] == "万元" for f in table)
    text_only = [f for f in findings if f["unit"] is None and f["actual_text"]]
    assert all(f["actual"] is None for f in text_only)


def test_figures_converted_exactly() -> None:
    """A finding in 元 on a 万元 table is shown in 万元, exactly."""
    from govbudget import Report, read_report  # noqa: F401
    from govbudget.checks import CheckResult

    report = read_report("examples/data/jincheng-npc-office-2024.txt")
    t = next(t for t in report.tables if t.kind.value == "expenditure")
    f = Finding(rule="table.sum.children", severity=Severity.ERROR, message="m", message_en="m",
                location=Location(section=t.title, table="expenditure", column="total"),
                expected="2556000元", actual="2556100.5元", difference="100.5元")
    entry = file_entry("x", CheckResult(report=report, findings=(f,)))
    (g,) = entry["findings"]
    assert (g["expected"], g["actual"], g["difference"], g["unit"]) == (
        "255.6", "255.61005", "0.01005", "万元")


def test_fingerprints_do_not_depend_on_lines(sample_path: Path) -> None:
    """Blank lines at the top move every line; no fingerprint changes."""
    text = sample_path.read_text(encoding="utf-8")
    a = file_entry("a", check_report(read_report(text)))
    b = file_entry("a", check_report(read_report("\n\n\n\n" + text)))
    lines_a = [f["location"]["line"] for f in a["findings"]]
    lines_b = [f["location"]["line"] for f in b["findings"]]
    assert all(y == x + 4 for x, y in zip(lines_a, lines_b, strict=True) if x)
    assert [f["fingerprint"] for f in a["findings"]] == [f["fingerprint"] for f in b["findings"]]


def test_fingerprints_tell_apart_and_follow_figures() -> None:
    """Equal findings on two lines differ by order; a changed figure changes it."""
    loc = Location(section="s", table="expenditure", row_code="201", column="total", line=5)
    f = Finding(rule="table.sum.children", severity=Severity.ERROR, message="m",
                message_en="m", location=loc, expected="1万元", actual="2万元")
    moved = Finding(rule=f.rule, severity=f.severity, message="m", message_en="m",
                    location=Location(section="s", table="expenditure", row_code="201",
                                      column="total", line=99), expected="1万元", actual="2万元")
    other = Finding(rule=f.rule, severity=f.severity, message="m", message_en="m",
                    location=loc, expected="1万元", actual="3万元")
    a, b = fingerprints([f, f])
    assert a != b
    assert fingerprints([f]) == fingerprints([moved]) != fingerprints([other])


def test_knock_on_points_at_root_fingerprint(sample_entry: dict[str, object]) -> None:
    """knock_on_of names the root's fingerprint, not a line-bearing key."""
    findings = sample_entry["findings"]
    assert isinstance(findings, list)
    prints = {f["fingerprint"] for f in findings if f["root"]}
    knock = [f for f in findings if f["knock_on_of"]]
    assert knock and all(f["knock_on_of"] in prints for f in knock)


def test_filters_count_what_they_hide(sample_path: Path) -> None:
    """min_severity and a baseline hide findings; the summary still counts them all."""
    result = check_report(read_report(sample_path))
    full = file_entry("a", result)
    accepted = frozenset(f["fingerprint"] for f in full["findings"] if f["severity"] == "error")
    entry = file_entry("a", result, Filters(min_severity=Severity.WARNING, baseline=accepted))
    s = entry["summary"]
    assert s["findings"] == full["summary"]["findings"] == len(result.findings)
    assert s["by_severity"] == full["summary"]["by_severity"]
    assert s["hidden"]["baseline"] == len(accepted) > 0
    assert s["hidden"]["min_severity"] == full["summary"]["by_severity"]["info"]
    assert s["shown"] == full["summary"]["by_severity"]["warning"]
    assert entry["valid"] is True  # accepted errors are not news


def test_regrade_longest_match_wins() -> None:
    """A severity override by prefix, then a longer match."""
    f = Finding(rule="performance.name_unit", severity=Severity.WARNING, message="m",
                message_en="m", location=Location(section="performance"))
    filt = Filters(severity={"performance": Severity.ERROR, "performance.name_unit":
                             Severity.INFO})
    assert filt.regrade(f).severity is Severity.INFO
    assert Filters(severity={"perf": Severity.ERROR}).regrade(f) is f


def test_error_entry() -> None:
    """Our own errors by name, anything else as internal_error; the schema accepts both."""
    e = error_entry("x.txt", ReadError("empty file", source="x.txt"))
    assert e["error"]["code"] == "read_error" and e["valid"] is False
    i = error_entry("y.txt", RuntimeError("boom"))
    assert i["error"]["code"] == "internal_error" and "boom" in i["error"]["message"]
    _validate(document([e, i]))


def test_jsonl_lines_are_entries_of_the_document(sample_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Each jsonl line but the last is a valid file entry; the last holds the summary."""
    main(["check", str(sample_path), "--format", "jsonl"])
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    *files, last = lines
    _validate({"schema": last["schema"], "valid": last["valid"], "files": files,
               "summary": last["summary"]})


_LOCS = st.builds(Location, section=st.sampled_from(["表一", "表二", "performance"]),
                  table=st.sampled_from([None, "expenditure"]),
                  row_code=st.sampled_from([None, "201", "2010101"]),
                  row_name=st.sampled_from([None, "行政运行"]),
                  column=st.sampled_from([None, "total", "basic"]),
                  line=st.integers(min_value=1, max_value=5000),
                  page=st.one_of(st.none(), st.integers(min_value=1, max_value=50)))
_FINDINGS = st.builds(Finding, rule=st.sampled_from(["table.sum.children", "cross.totals"]),
                      severity=st.sampled_from(list(Severity)), message=st.just("m"),
                      message_en=st.just("m"), location=_LOCS,
                      related=st.lists(_LOCS, max_size=2),
                      expected=st.sampled_from([None, "1.00万元", "2万元"]),
                      actual=st.sampled_from([None, "1.01万元", "3万元"]))


@given(st.lists(_FINDINGS, max_size=12), st.integers(min_value=1, max_value=100))
def test_fingerprints_property(findings: list[Finding], shift: int) -> None:
    """Moving every line and page leaves every fingerprint as it was; fingerprints of one
    report are all different."""
    from attrs import evolve

    def moved(loc: Location) -> Location:
        return evolve(loc, line=(loc.line or 0) + shift,
                      page=None if loc.page is None else loc.page + 1)

    shifted = [evolve(f, location=moved(f.location), related=[moved(r) for r in f.related])
               for f in findings]
    prints = fingerprints(findings)
    assert prints == fingerprints(shifted)
    assert len(set(prints)) == len(prints)


def test_finding_data_is_the_converters() -> None:
    """`finding_data` gives what govbudget's cattrs converter gives, for every finding of
    the sample and one with every field set (a cross-document finding's locations name
    their documents)."""
    from govbudget._output._contract import finding_data
    from govbudget._serialise import make_converter
    from tests.conftest import SAMPLE

    conv = make_converter()
    findings = list(check_report(read_report(SAMPLE)).findings)
    findings.append(Finding(rule="documents.x", severity=Severity.WARNING, message="m",
                            message_en="e",
                            location=Location(section="s", table="t", row_code="201",
                                              row_name="n", column="c", line=3, page=1,
                                              document="a.txt"),
                            related=(Location(section="r", document="b.txt"),),
                            expected="1元", actual="2元", difference="1元", root=True,
                            knock_on_of="k", code="documents.x"))
    for f in findings:
        assert finding_data(f) == conv.unstructure(f)


@given(st.binary(max_size=200))
def test_the_fingerprints_hash_is_sha256(data: bytes) -> None:
    """Property: the SHA-256 the fingerprints use (the interpreter's own module where it
    has one) gives hashlib's digest."""
    import hashlib

    from govbudget._output._contract import _sha256

    assert _sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
