"""Tests for govbudget.checks._rules_codes."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from govbudget import Finding, Severity, TableKind, read_report
from govbudget._tables import Doubt
from govbudget.checks import check_report, registry
from govbudget.checks._context import Context
from govbudget.codes import dept_economic, functional

from .checks_helpers import base_report


def _rename(report, kind, code, name):  # type: ignore[no-untyped-def]
    tables = []
    for t in report.tables:
        if t.kind is kind:
            t = attrs.evolve(t, blocks=tuple(attrs.evolve(b, rows=tuple(
                attrs.evolve(r, name=name) if r.code == code else r for r in b.rows))
                for b in t.blocks))
        tables.append(t)
    return attrs.evolve(report, tables=tuple(tables))


def test_consistent() -> None:
    """Correct names give no finding."""
    rules = ["codes.functional_name", "codes.consistent_names", "codes.economic_names"]
    assert check_report(base_report(), rules=rules).findings == ()


def test_wrong_name_is_error_in_every_table_once() -> None:
    """A wrong name is an error naming the expected name."""
    r = _rename(base_report(), TableKind.EXPENDITURE, "2010101", "一般行政管理事务")
    fs = check_report(r, rules=["codes.functional_name"]).findings
    assert [f.severity for f in fs] == [Severity.ERROR]
    assert fs[0].expected == "行政运行" and fs[0].actual == "一般行政管理事务"
    assert fs[0].code == "codes.functional_name.wrong_name"
    # the message is the code's template, filled
    code = registry()["codes.functional_name"].code("wrong_name")
    assert (fs[0].message, fs[0].message_en) == code.message(
        code="2010101", expected="行政运行", printed="一般行政管理事务")
    # selecting another code of the rule keeps none of these; selecting it keeps them
    assert check_report(r, select=["codes.functional_name.unknown_code"]).findings == ()
    assert [f.code for f in check_report(r, select=["codes.functional_name.wrong_name"]).findings
            ] == ["codes.functional_name.wrong_name"]


@pytest.mark.parametrize("printed", ["行政运行（本级）", "行政运行(项)", "行政运行 （含机关服务中心）"])
def test_the_right_name_with_a_note_is_a_warning(printed: str) -> None:
    """The catalogue's name with a bracketed note after it is no wrong name: a warning
    that names the note; a different name with a note stays an error."""
    r = _rename(base_report(), TableKind.EXPENDITURE, "2010101", printed)
    fs = check_report(r, rules=["codes.functional_name"]).findings
    assert [(f.severity, f.code) for f in fs] == [
        (Severity.WARNING, "codes.functional_name.annotated")]
    assert fs[0].expected == "行政运行" and fs[0].actual == printed
    r = _rename(base_report(), TableKind.EXPENDITURE, "2010101", "一般行政管理事务（本级）")
    fs = check_report(r, rules=["codes.functional_name"]).findings
    assert [f.code for f in fs] == ["codes.functional_name.wrong_name"]


def test_other_edition_is_warning() -> None:
    """A name from another loaded edition is a warning."""
    functional.load_edition([("2010101", "旧名称")], year=2010)
    r = _rename(base_report(), TableKind.EXPENDITURE, "2010101", "旧名称")
    fs = check_report(r, rules=["codes.functional_name"]).findings
    assert [f.severity for f in fs] == [Severity.WARNING]
    assert fs[0].code == "codes.functional_name.other_edition"


def test_unknown_code_is_info() -> None:
    """A code unknown to the partial catalogue is info, not an error."""
    r = base_report()
    t = r.table(TableKind.EXPENDITURE)
    assert t is not None
    row = attrs.evolve(t.blocks[0].rows[-1], code="2019999", name="其他")
    r2 = attrs.evolve(r, tables=tuple(
        attrs.evolve(x, blocks=(attrs.evolve(x.blocks[0], rows=(*x.blocks[0].rows, row)),))
        if x.kind is TableKind.EXPENDITURE else x for x in r.tables))
    fs = check_report(r2, rules=["codes.functional_name"]).findings
    assert [f.severity for f in fs] == [Severity.INFO]
    assert fs[0].code == "codes.functional_name.unknown_code"


def test_same_code_different_names() -> None:
    """The same code named differently in two tables is an error with both places."""
    r = _rename(base_report(), TableKind.GENERAL_EXPENDITURE, "2080505", "养老保险")
    fs = check_report(r, rules=["codes.consistent_names"]).findings
    assert fs and fs[0].severity is Severity.ERROR and fs[0].related


def test_unknown_economic_name_is_info() -> None:
    """An economic item name outside the catalogue is info."""
    r = base_report()
    t6 = r.table(TableKind.BASIC_ECONOMIC)
    assert t6 is not None
    rows = tuple(attrs.evolve(x, name="自创科目") if x.name == "办公费" else x
                 for x in t6.blocks[0].rows)
    r2 = attrs.evolve(r, tables=tuple(
        attrs.evolve(t, blocks=(attrs.evolve(t.blocks[0], rows=rows),))
        if t.kind is TableKind.BASIC_ECONOMIC else t for t in r.tables))
    fs = check_report(r2, rules=["codes.economic_names"]).findings
    assert [f.severity for f in fs] == [Severity.INFO]


def _econ(report, name, code, printed):  # type: ignore[no-untyped-def]
    """The basic-spending row called ``name`` printed with ``code`` and ``printed``."""
    tables = []
    for t in report.tables:
        if t.kind is TableKind.BASIC_ECONOMIC:
            t = attrs.evolve(t, blocks=tuple(attrs.evolve(b, rows=tuple(
                attrs.evolve(r, code=code, name=printed) if r.name == name else r
                for r in b.rows)) for b in t.blocks))
        tables.append(t)
    return attrs.evolve(report, tables=tuple(tables))


def _named(report, kinds, old, new):  # type: ignore[no-untyped-def]
    """Rows called ``old`` (no code) renamed ``new`` in the tables of ``kinds``."""
    return attrs.evolve(report, tables=tuple(
        attrs.evolve(t, blocks=tuple(attrs.evolve(b, rows=tuple(
            attrs.evolve(r, name=new) if r.code is None and r.name == old else r
            for r in b.rows)) for b in t.blocks)) if t.kind in kinds else t
        for t in report.tables))


def _run(report, rule):  # type: ignore[no-untyped-def]
    """The rule run directly (the engine keeps doubtful tables from the code rules)."""
    return list(registry()[rule].check(Context(report)))


def test_unread_name_is_not_checked() -> None:
    """A coded row whose name the reader did not read is not checked against the
    catalogue: one info per table says so (never an error of a wrong name)."""
    r = _rename(base_report(), TableKind.EXPENDITURE, "2010101", "")
    fs = check_report(r, rules=["codes.functional_name"]).findings
    assert [f.severity for f in fs] == [Severity.INFO] and "2010101" in fs[0].message
    r = _econ(base_report(), "办公费", "30201", " ")
    fs = check_report(r, rules=["codes.economic_names"]).findings
    assert [f.severity for f in fs] == [Severity.INFO] and "30201" in fs[0].message


def test_doubtful_row_is_not_checked() -> None:
    """A row on a line the reader flagged as doubtful is never checked for its name."""
    r = _rename(base_report(), TableKind.EXPENDITURE, "2010101", "一般行政管理事务")
    assert len(_run(r, "codes.functional_name")) == 1
    t = r.table(TableKind.EXPENDITURE)
    assert t is not None
    rows = tuple(attrs.evolve(x, line=40 + i) for i, x in enumerate(t.blocks[0].rows))
    line = next(x.line for x in rows if x.code == "2010101")
    t2 = attrs.evolve(t, blocks=(attrs.evolve(t.blocks[0], rows=rows),),
                      doubts=(Doubt("codes", "科目编码存疑", "doubtful codes", (line,)),))
    r2 = attrs.evolve(r, tables=tuple(t2 if x is t else x for x in r.tables))
    assert _run(r2, "codes.functional_name") == []


def test_economic_other_edition_and_unknown_code() -> None:
    """An economic name of another edition is a warning naming it; an unknown code info."""
    r = _econ(base_report(), "办公费", "30201", "办公经费")  # built before the load
    dept_economic.load_edition([("30201", "办公经费")], year=2010)
    fs = check_report(r, rules=["codes.economic_names"]).findings
    assert [f.severity for f in fs] == [Severity.WARNING]
    assert "2010年版" in fs[0].message and fs[0].expected == "办公费"
    dept_economic.reset()
    r = _econ(base_report(), "办公费", "30298", "办公费")
    fs = check_report(r, rules=["codes.economic_names"]).findings
    assert [f.severity for f in fs] == [Severity.INFO]


def test_name_only_a_conflicting_source_prints_is_a_warning() -> None:
    """30202 咨询费 (printed by one real report against all others) is not an error, but
    is reported with the catalogue's name and the conflicting source; a name nobody
    prints for the code is an error."""
    r = _econ(base_report(), "办公费", "30202", "咨询费")
    fs = check_report(r, rules=["codes.economic_names"]).findings
    assert [f.severity for f in fs] == [Severity.WARNING]
    assert fs[0].expected == "印刷费" and "shanghai-ptflfy-2024-budget" in fs[0].message
    r = _econ(base_report(), "办公费", "30202", "办公费")
    assert [f.severity for f in check_report(r, rules=["codes.economic_names"]).findings] \
        == [Severity.ERROR]


def test_local_sub_item() -> None:
    """A 7-digit local sub-item attested with its name gives nothing; another is info."""
    r = _econ(base_report(), "办公费", "3021101", "差旅费")
    assert check_report(r, rules=["codes.economic_names"]).findings == ()
    r = _econ(base_report(), "办公费", "3020101", "办公费")
    fs = check_report(r, rules=["codes.economic_names"]).findings
    assert [f.severity for f in fs] == [Severity.INFO] and "30201" in fs[0].message


def test_class_name_of_another_edition_without_code() -> None:
    """A class printed by name alone (收支总表) under another edition's name is one warning
    naming that edition, the other tables' rows related; a current name gives nothing."""
    kinds = {TableKind.SUMMARY, TableKind.GRANT_SUMMARY}
    r = _named(base_report(), kinds, "社会保障和就业支出", "医疗卫生与计划生育支出")
    fs = check_report(r, rules=["codes.functional_name"]).findings
    assert [f.severity for f in fs] == [Severity.WARNING]
    assert "2018年版" in fs[0].message and fs[0].expected == "卫生健康支出"
    assert len(fs[0].related) == 1
    r = _named(base_report(), kinds, "社会保障和就业支出", "卫生健康支出")
    assert check_report(r, rules=["codes.functional_name"]).findings == ()


def test_attested_code_is_known() -> None:
    """A code printed in real reports (2014004 信访业务) is checked, not info."""
    r = _rename(base_report(), TableKind.EXPENDITURE, "2010101", "行政运行")
    r = attrs.evolve(r, tables=tuple(attrs.evolve(t, blocks=tuple(attrs.evolve(b, rows=tuple(
        attrs.evolve(x, code="2014004", name="信访业务") if x.code == "2010101" else x
        for x in b.rows)) for b in t.blocks)) for t in r.tables))
    assert check_report(r, rules=["codes.functional_name"]).findings == ()


def test_consistent_names_skips_unread_names() -> None:
    """A table whose reader lost a row's name does not make the code 'inconsistent'."""
    r = _rename(base_report(), TableKind.GENERAL_EXPENDITURE, "2080505", "")
    assert check_report(r, rules=["codes.consistent_names"]).findings == ()


def test_other_edition_when_neither_name_is_attested_for_the_year() -> None:
    """21208 is attested under one name in 2019 and another in 2026: a 2024 report printing
    the 2026 name is info (which name 2024 used is not known), not a warning; printed in
    a 2026 report, the 2019 name is a warning."""
    new, old = "国有土地使用权出让收入安排的支出", "国有土地使用权出让收入及对应专项债务收入安排的支出"

    def with_21208(report, name):  # type: ignore[no-untyped-def]
        return attrs.evolve(report, tables=tuple(attrs.evolve(t, blocks=tuple(
            attrs.evolve(b, rows=tuple(attrs.evolve(x, code="21208", name=name)
                                       if x.code == "2010101" else x for x in b.rows))
            for b in t.blocks)) for t in report.tables))

    fs = check_report(with_21208(base_report(), new), rules=["codes.functional_name"]).findings
    assert [f.severity for f in fs] == [Severity.INFO] and "2026年版" in fs[0].message
    r = attrs.evolve(with_21208(base_report(), old), year=2026)
    fs = check_report(r, rules=["codes.functional_name"]).findings
    assert [f.severity for f in fs] == [Severity.WARNING] and "2019年版" in fs[0].message


def test_wrong_name_is_an_error_only_where_the_name_is_known_to_hold() -> None:
    """A wrong name is an error when the catalogue's name is attested for the report's
    year or on both sides of it; for a year no source covers (a 2021 report, a code
    attested in 2024 only) it is a warning that says the name may have changed."""
    r = _econ(base_report(), "办公费", "30201", "文印费")  # 30201: 2018, 2019, 2024 …
    r = attrs.evolve(r, year=2021)
    fs = check_report(r, rules=["codes.economic_names"]).findings
    assert [f.severity for f in fs] == [Severity.ERROR]
    r = _rename(base_report(), TableKind.EXPENDITURE, "2010102", "人大会议")
    assert functional.info("2010102").editions == (2024,)
    fs = check_report(attrs.evolve(r, year=2021), rules=["codes.functional_name"]).findings
    fs = tuple(f for f in fs if f.location.row_code == "2010102")
    assert [f.severity for f in fs] == [Severity.WARNING] and "2021" in fs[0].message
    fs = check_report(r, rules=["codes.functional_name"]).findings
    assert [f.severity for f in fs] == [Severity.ERROR]


# -- the real reports (tests/data/real, see its README) ------------------------------
# Verdicts: shanghai-ptflfy-2024 prints class 210 under its pre-2019 name
# 医疗卫生与计划生育支出 in its 收支总表 (L94, L195) while its coded tables print 卫生健康支出:
# a known name of another edition (warning naming it). Its basic-spending table numbers the
# 302 items 01 … 13 without gaps, so 13 codes carry other items' names (30202 咨询费 where
# every other source prints 印刷费; page image checked by the data's compiler): reported as
# warnings naming the conflict, not as errors. Every other coded row of the nine reports
# is a catalogue name of its year: no code–name warning or error.

REAL = Path(__file__).parent / "data" / "real"
CODE_RULES = ["codes.functional_name", "codes.economic_names", "codes.consistent_names"]
REAL_REPORTS = sorted(p.name for p in REAL.glob("*.txt"))


@pytest.fixture(scope="module")
def real_code_findings() -> dict[str, tuple[Finding, ...]]:
    return {n: check_report(read_report(REAL / n), rules=CODE_RULES).findings
            for n in REAL_REPORTS}


@pytest.mark.parametrize("name", REAL_REPORTS)
def test_real_reports_code_names(real_code_findings: dict[str, tuple[Finding, ...]],
                                 name: str) -> None:
    """No code–name error on a real report; warnings only where verified (above)."""
    fs = real_code_findings[name]
    assert [f for f in fs if f.severity is Severity.ERROR] == []
    warnings = [f for f in fs if f.severity is Severity.WARNING]
    if not name.startswith("shanghai-ptflfy-2024"):
        assert warnings == []
        return
    cls = [f for f in warnings if f.rule == "codes.functional_name"]
    assert len(cls) == 1 and cls[0].actual == "医疗卫生与计划生育支出"
    assert cls[0].expected == "卫生健康支出" and "2018年版" in cls[0].message
    econ = {f.location.row_code: f for f in warnings if f.rule == "codes.economic_names"}
    assert set(econ) == {"30108", "30202", "30203", "30204", "30205", "30206", "30207",
                         "30208", "30211", "30212", "30213", "303", "30301"}
    assert econ["30202"].actual == "咨询费" and econ["30202"].expected == "印刷费"
    assert all("shanghai-ptflfy-2024-budget" in f.message for f in econ.values())
