"""Tests for govbudget.checks._rules_codes."""

from __future__ import annotations

import attrs

from govbudget import Severity, TableKind
from govbudget.checks import check_report
from govbudget.codes import functional

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


def test_other_edition_is_warning() -> None:
    """A name from another loaded edition is a warning."""
    functional.load_edition([("2010101", "旧名称")], year=2010)
    r = _rename(base_report(), TableKind.EXPENDITURE, "2010101", "旧名称")
    fs = check_report(r, rules=["codes.functional_name"]).findings
    assert [f.severity for f in fs] == [Severity.WARNING]


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
