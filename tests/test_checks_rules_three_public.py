"""Tests for govbudget.checks._rules_three_public: the 三公 table's sums and its figures."""

from __future__ import annotations

from govbudget import Severity, TableKind
from govbudget.checks import check_report
from govbudget.checks._context import Context
from govbudget.checks._rules_three_public import three_public_items

from .checks_helpers import base_report, set_cell


def _errors(report, rule):  # type: ignore[no-untyped-def]
    return [f for f in check_report(report, rules=[rule]).findings
            if f.severity is Severity.ERROR]


def test_consistent_three_public_table_passes() -> None:
    assert not _errors(base_report(), "table.three_public.totals")


def test_total_is_the_sum_of_the_three_items() -> None:
    """三公 合计 = 因公出国 + 公务接待 + 公务用车: a changed item breaks it."""
    r = set_cell(base_report(), TableKind.THREE_PUBLIC, "公务接待费", "total", "9.00")
    found = _errors(r, "table.three_public.totals")
    assert found and all(f.rule == "table.three_public.totals" for f in found)


def test_vehicles_are_purchase_plus_operation() -> None:
    """公务用车购置及运行费 = 购置费 + 运行维护费: consistent figures pass, a changed 购置费
    breaks that sum (and only that one)."""
    r = base_report()
    for row, value in (("①公务用车购置费", "3.00"), ("②公务用车运行维护费", "2.00"),
                       ("公务用车购置及运行费", "5.00"), ("合计", "15.00")):
        for column in ("total", "general_budget"):  # each row's total = its funds
            r = set_cell(r, TableKind.THREE_PUBLIC, row, column, value)
    assert not _errors(r, "table.three_public.totals")
    wrong = set_cell(r, TableKind.THREE_PUBLIC, "①公务用车购置费", "total", "4.00")
    wrong = set_cell(wrong, TableKind.THREE_PUBLIC, "①公务用车购置费", "general_budget", "4.00")
    found = _errors(wrong, "table.three_public.totals")
    assert len(found) == 1 and "购置费" in found[0].message


def test_items_are_read_once_per_table() -> None:
    """The figures of a table are worked out once per run and shared."""
    base = base_report()
    ctx = Context(base)
    t = base.table(TableKind.THREE_PUBLIC)
    assert t is not None
    first = three_public_items(ctx, t)
    assert first is three_public_items(ctx, t)
    assert set(first) >= {"total", "abroad", "reception", "vehicles"}
    total = first["total"].money.amount
    parts = sum(first[k].money.amount for k in ("abroad", "reception", "vehicles"))
    assert total == parts


def test_a_grand_total_with_meetings_and_training_is_their_sum_with_the_three_public() -> None:
    """A 三公 table that also prints 会议费 and 培训费 (keys ``meeting``, ``training``) and a
    合计 of all of them (``grand_total``): 合计 = 三公 total + 会议费 + 培训费; the 三公 items
    are read with those keys too."""
    from decimal import Decimal

    from govbudget import Block, Column, Report, Row, Table, Unit

    keys = ["grand_total", "total", "abroad", "vehicles", "reception", "meeting", "training"]

    def report(grand: str) -> Report:
        values = tuple(Decimal(v) for v in (grand, "30", "10", "15", "5", "4", "6"))
        block = Block("", tuple(Column(k) for k in keys), (Row("预算数", values),))
        return Report(tables=(Table(kind=TableKind.THREE_PUBLIC, number="9", title="三公表",
                                    unit=Unit.WAN_YUAN, blocks=(block,)),))

    ok = report("40")
    assert not _errors(ok, "table.three_public.totals")
    items = three_public_items(Context(ok), ok.tables[0])
    assert {k: str(items[k].money.amount) for k in ("grand_total", "meeting", "training")} == {
        "grand_total": "40", "meeting": "4", "training": "6"}
    assert [f.location.column for f in _errors(report("41"), "table.three_public.totals")] == [
        "grand_total"]


def test_a_budget_pair_of_rows_is_chosen_by_name() -> None:
    """A budget whose 三公 table prints its 预算数 and last year's 决算数: the figures the
    other rules use are the 预算数 row's (by name), not the 决算数's."""
    from decimal import Decimal

    import attrs

    from govbudget import Block, Column, Report, ReportKind, Row, Table, Unit

    keys = ["total", "abroad", "vehicles", "reception"]
    rows = (Row("决算数", tuple(Decimal(v) for v in ("20", "5", "10", "5"))),
            Row("预算数", tuple(Decimal(v) for v in ("30", "10", "15", "5"))))
    block = Block("", tuple(Column(k) for k in keys), rows)
    report = Report(tables=(Table(kind=TableKind.THREE_PUBLIC, number="9", title="三公表",
                                  unit=Unit.WAN_YUAN, blocks=(block,)),))
    items = three_public_items(Context(report), report.tables[0])
    assert str(items["total"].money.amount) == "30"
    final = attrs.evolve(report, kind=ReportKind.FINAL)
    assert str(three_public_items(Context(final), final.tables[0])["total"].money.amount) == "20"
    assert not _errors(report, "table.three_public.totals")
