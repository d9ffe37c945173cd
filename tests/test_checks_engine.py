"""Tests for govbudget.checks._engine: running, filtering, roots and knock-ons."""

from __future__ import annotations

from govbudget import Finding, Location, Severity, TableKind
from govbudget.checks import Category, check_report, mark_roots

from .checks_helpers import base_report, set_cell


def test_ok_and_summary() -> None:
    """A consistent report is ok; the summary counts by severity and rule."""
    res = check_report(base_report())
    assert res.ok and res.errors == ()
    s = res.summary()
    assert s["by_severity"] == {"error": 0, "warning": 0, "info": 0}


def test_min_severity_filters() -> None:
    """min_severity drops lower findings; errors come first."""
    r = set_cell(base_report(), TableKind.EXPENDITURE, "20101", "total", "130.01")
    assert any(f.severity is Severity.INFO for f in check_report(r).findings)
    assert all(f.severity is not Severity.INFO
               for f in check_report(r, min_severity=Severity.WARNING).findings)


def test_one_wrong_figure_is_the_root() -> None:
    """A 项 changed in one table breaks several identities; the changed cell is the root
    and the others are knock-ons pointing at it."""
    r = set_cell(base_report(), TableKind.GENERAL_EXPENDITURE, "2010101", "basic", "101.00")
    res = check_report(r)
    errs = res.errors
    assert len(errs) >= 3
    roots = [f for f in errs if f.root]
    assert roots and all(f.location.row_code == "2010101" for f in roots)
    knock = [f for f in errs if f.knock_on_of]
    assert knock and all(f.knock_on_of == roots[0].key for f in knock)


def _f(section: str, row: str, related: tuple[Location, ...] = ()) -> Finding:
    return Finding(rule="x.y", severity=Severity.ERROR, message="m", message_en="m",
                   location=Location(section=section, table=section, row_code=row, column="c"),
                   related=related)


def test_mark_roots_third_table() -> None:
    """A row that agrees in two tables and not in a third points at the third."""
    a, b, _c = (Location(section=s, table=s, row_code="1", column="c") for s in "abc")
    f1 = _f("c", "1", (a,))
    f2 = _f("c", "1", (b,))
    out = mark_roots([f1, f2])
    assert out[0].root or out[1].root
    assert sum(1 for f in out if f.knock_on_of) == 1


def test_isolated_error_is_not_a_root() -> None:
    """One error on its own is neither root nor knock-on."""
    out = mark_roots([_f("a", "1")])
    assert not out[0].root and out[0].knock_on_of is None


def test_checked_reports_are_not_kept_alive() -> None:
    """Checking a report leaves nothing behind: no module-level cache keeps reports (and
    their rows, facts and figures) alive, so a batch runs in flat memory."""
    import gc

    import govbudget

    from .ingest_helpers import SAMPLE

    for _ in range(3):
        check_report(govbudget.read_report(SAMPLE))
    gc.collect()
    assert not [o for o in gc.get_objects() if isinstance(o, govbudget.Report)]


def test_select_and_ignore_by_finer_code() -> None:
    """A finer code selects its rule and keeps only its findings; ignoring it drops them
    and keeps the rule's others; a pattern that names no rule and no code is refused."""
    import pytest

    from govbudget import UnknownRule
    from govbudget.checks import Code, registry
    from govbudget.checks._registry import extensions, make_rule

    def both(ctx: object) -> list[Finding]:
        loc = Location(section="t")
        return [Finding(rule="table.test_fine", severity=Severity.ERROR, message="a",
                        message_en="a", location=loc),
                Finding(rule="table.test_fine", severity=Severity.ERROR, message="b",
                        message_en="b", location=loc, code="table.test_fine.b")]

    extensions().add(make_rule("table.test_fine", both, title="t", title_en="t",
                               category=Category.IN_TABLE,
                               codes=(Code("table.test_fine.b", "乙", "b"),)))
    try:
        assert "table.test_fine" in registry()
        r = base_report()
        only_b = check_report(r, select=["table.test_fine.b"]).findings
        assert [f.message for f in only_b] == ["b"]
        assert [f.message for f in check_report(r, select=["table.test_fine"]).findings] == [
            "a", "b"]
        rest = check_report(r, select=["table.test_fine"], ignore=["table.test_fine.b"])
        assert [f.message for f in rest.findings] == ["a"]
        with pytest.raises(UnknownRule):
            check_report(r, select=["table.test_fine.c"])
    finally:
        extensions().remove("table.test_fine")


def test_no_cyclic_garbage_per_report() -> None:
    """Checking a report leaves no reference cycle: with the collector off, the report and
    everything the rules built are freed by reference counting (a rule's memo holding an
    object that holds the context made every report wait for the collector)."""
    import gc
    import weakref

    from govbudget import read_report

    from .conftest import SAMPLE

    check_report(read_report(SAMPLE))  # caches warm, modules loaded
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        report = read_report(SAMPLE)
        freed: list[bool] = []
        weakref.finalize(report.tables[0], freed.append, True)
        result = check_report(report)
        assert result.findings
        del report, result
        assert freed == [True]  # freed at once, before any collection
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def test_big_table_many_errors_roots_linear() -> None:
    """`mark_roots` over thousands of errors finds each root by one look-up (no search
    of the errors per root)."""
    import time

    def errors(n: int) -> list[Finding]:
        return [Finding(rule="table.x", severity=Severity.ERROR, message="m", message_en="m",
                        location=Location(section="s", table="t", row_code=str(i), column="c"),
                        related=(Location(section="s", table="t", row_code=str(i // 2),
                                          column="total"),))
                for i in range(n)]

    def cpu(found: list[Finding]) -> float:
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            mark_roots(found)
            best = min(best, time.process_time() - t)
        return best

    small, big = errors(2_000), errors(20_000)
    a, b = cpu(small), cpu(big)
    marked = mark_roots(big)
    assert sum(f.knock_on_of is not None for f in marked) > 0
    assert b / max(a, 1e-4) < 30, (a, b)


def test_pages_are_added_as_evolve_would() -> None:
    """The page of each location is added field for field as `attrs.evolve` would (the
    engine builds the copies directly): every field of `Location` and `Finding` kept."""
    import attrs

    from govbudget import Finding, Location, Report, Severity
    from govbudget.checks._engine import _locate, _with_pages

    # every field set to a value of its own, so a field left out would show
    loc = Location(section="s", table="t", row_code="201", row_name="n", column="c",
                   line=3, document="d")
    rel = Location(section="s2", line=4)
    f = Finding(rule="table.x", severity=Severity.WARNING, message="m", message_en="e",
                location=loc, related=(rel,), expected="1元", actual="2元",
                difference="1元", root=True, knock_on_of="k", code="table.x.y")
    report = Report(pages=(1, 1, 2, 2))
    assert report.page_of(3) == 2
    assert _locate(loc, report) == attrs.evolve(loc, page=2)
    assert _with_pages(f, report) == attrs.evolve(
        f, location=attrs.evolve(loc, page=2), related=(attrs.evolve(rel, page=2),))
    assert {a.name for a in attrs.fields(Location)} == {
        "section", "table", "row_code", "row_name", "column", "line", "page", "document"}
    assert {a.name for a in attrs.fields(Finding)} == {
        "rule", "severity", "message", "message_en", "location", "related", "expected",
        "actual", "difference", "root", "knock_on_of", "code"}
    on_page = attrs.evolve(loc, page=9)
    assert _locate(on_page, report) is on_page  # a page already known is kept


def test_a_rule_requiring_a_doubted_table_does_not_run() -> None:
    """A cross-table rule whose `Requires` names a table the reader doubts is not run
    (the engine decides the condition on the tables it trusts); the reading rules still
    see the whole report."""
    import attrs

    from govbudget import Doubt
    from govbudget.checks import registry

    base = set_cell(base_report(), TableKind.INCOME, "合计", "general_budget", "1.00")
    assert check_report(base, rules=["cross.summary_income"]).errors
    doubted = attrs.evolve(base, tables=tuple(
        attrs.evolve(t, doubts=(Doubt("columns", "列无法对齐", "columns", (t.line or 1,)),))
        if t.kind is TableKind.INCOME else t for t in base.tables))
    rule = registry()["cross.summary_income"]
    assert rule.when(doubted)  # the whole report has the table ...
    result = check_report(doubted, rules=["cross.summary_income", "reading.doubtful_table"])
    assert not result.errors  # ... the rule sees only what is trusted
    assert [n.table for n in result.not_checked] == ["income"]
    assert {f.rule for f in result.findings} == {"reading.doubtful_table"}
