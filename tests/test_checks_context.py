"""Tests for govbudget.checks._context: the helpers rules share."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import Severity, TableKind, Unit
from govbudget.checks import Context
from govbudget.checks._context import exact_sum

from .checks_helpers import base_report, set_cell


def _cells(report: object) -> tuple[tuple[object, ...], tuple[object, ...]]:
    ctx = Context(report)  # type: ignore[arg-type]
    t = ctx.table(TableKind.EXPENDITURE)
    assert t is not None
    b = t.blocks[0]
    row = next(r for r in b.rows if r.code == "2010101")
    return (t, b, row, "total"), (t, b, row, "basic")


def test_equal_cells_agree_and_disagree() -> None:
    """Two equal cells make no finding; a changed one makes one error, on the reported
    cell, with the reference as the related place."""
    report = base_report()
    ref, got = _cells(report)
    ctx = Context(report)
    assert list(ctx.equal_cells("table.test", ref, got, what="w", what_en="w")) == []  # type: ignore[arg-type]
    changed = set_cell(report, TableKind.EXPENDITURE, "2010101", "basic", "99.00")
    ref, got = _cells(changed)
    found = list(Context(changed).equal_cells("table.test", ref, got, what="甲与乙",  # type: ignore[arg-type]
                                              what_en="a vs b"))
    assert len(found) == 1 and found[0].severity is Severity.ERROR
    assert found[0].location.column == "basic" and found[0].related[0].column == "total"
    assert "甲与乙" in found[0].message


def test_equal_cells_absent_column_is_not_compared() -> None:
    """A column the block does not have is nothing to compare: no finding; a blank cell
    is an exact zero, so it is compared."""
    report = base_report()
    ref, got = _cells(report)
    missing = (*got[:3], "no_such_column")
    ctx = Context(report)
    assert list(ctx.equal_cells("table.test", ref, missing, what="w", what_en="w")) == []  # type: ignore[arg-type]
    blank = set_cell(report, TableKind.EXPENDITURE, "2010101", "basic", None)
    ref, got = _cells(blank)
    found = list(Context(blank).equal_cells("table.test", ref, got, what="w",  # type: ignore[arg-type]
                                            what_en="w"))
    assert [f.actual for f in found] == ["0万元"]


def test_sum_cells_fast_path_and_finding() -> None:
    """Rows that add up make no finding (and build no figure); a changed row makes one
    error on the total's cell; no rows, nothing to check."""
    report = base_report()
    ctx = Context(report)
    t = ctx.table(TableKind.EXPENDITURE)
    assert t is not None
    b = t.blocks[0]
    total = next(r for r in b.rows if r.code == "201")
    items = [r for r in b.rows if r.code in ("2010101", "2010102")]
    assert ctx.sum_cells("table.test", t, b, total, items, "total", what="w", what_en="w") is None
    assert ctx.sum_cells("table.test", t, b, total, [], "total", what="w", what_en="w") is None
    changed = set_cell(report, TableKind.EXPENDITURE, "2010101", "total", "1.00")
    ctx2 = Context(changed)
    t2 = ctx2.table(TableKind.EXPENDITURE)
    assert t2 is not None
    b2 = t2.blocks[0]
    total2 = next(r for r in b2.rows if r.code == "201")
    items2 = [r for r in b2.rows if r.code in ("2010101", "2010102")]
    f = ctx2.sum_cells("table.test", t2, b2, total2, items2, "total", what="w", what_en="w")
    assert f is not None and f.severity is Severity.ERROR and f.location.row_code == "201"
    assert {loc.row_code for loc in f.related} == {"2010101", "2010102"}


def test_once_makes_derived_data_once_per_context() -> None:
    """`Context.once` calls its maker once per context and hands back the same object."""
    calls: list[int] = []

    def make(ctx: Context) -> list[int]:
        calls.append(1)
        return [len(ctx.report.tables)]

    ctx = Context(base_report())
    first = ctx.once(make)
    assert ctx.once(make) is first and calls == [1]
    assert Context(base_report()).once(make) == first and calls == [1, 1]


def test_find_row_the_first_row_of_any_name() -> None:
    """`Context.find_row` answers as a scan of the rows would: the first row (in print
    order) of any of the names, spaces and NFKC forms alike; list numbering and 其中：
    count only when no row has the name as printed; every block indexed on its own."""
    from govbudget import Block, Column, Row

    b = Block("x", [Column("total")], [
        Row("其中：（1）公务用车购置费", (None,)), Row("合 计", (None,)),
        Row("公务接待费", (None,)), Row("公务用车购置费", (None,))])
    other = Block("y", [Column("total")], [Row("公务接待费", (None,))])
    ctx = Context(base_report())
    assert ctx.find_row(b, "公务接待费", "合计") is b.rows[1]  # the first printed
    assert ctx.find_row(b, "公务用车购置费") is b.rows[3]  # as printed, before numbering
    assert ctx.find_row(other, "公务接待费") is other.rows[0]
    numbered = Block("z", [Column("total")], [Row("一、公务用车购置费", (None,))])
    assert ctx.find_row(numbered, "公务用车购置费") is numbered.rows[0]
    assert ctx.find_row(b, "因公出国（境）费") is None
    ctx.forget()
    assert ctx.find_row(b, "合计") is b.rows[1]


_CELL = st.one_of(st.none(), st.decimals(min_value=-10**6, max_value=10**6, places=2,
                                         allow_nan=False, allow_infinity=False))


@given(total=_CELL, terms=st.lists(_CELL, max_size=40), exact=st.booleans())
def test_exact_sum_of_many_terms_answers_as_the_loop(
        total: Decimal | None, terms: list[Decimal | None], exact: bool) -> None:
    """`exact_sum` over a list of many cells (decided in C-level steps) answers as over
    the same cells one by one (an iterator takes the loop); blanks are zeros."""
    if exact:
        total = sum((v for v in terms if v is not None), Decimal(0))
    assert exact_sum(Unit.WAN_YUAN, total, terms) is exact_sum(Unit.WAN_YUAN, total, iter(terms))
    want = sum((v for v in terms if v is not None), Decimal(0)) == (total or Decimal(0))
    assert exact_sum(Unit.WAN_YUAN, total, terms) is want
    odd: list[object] = [*terms, 1]  # an int is no cell the reader makes: not decided here
    assert exact_sum(Unit.WAN_YUAN, total, odd) is False
    assert exact_sum(Unit.WAN_YUAN, total, iter(odd)) is False


def test_a_cells_quantum_is_its_tables_worked_out_when_asked() -> None:
    """`Figure.cell` leaves the table's quantum alone until a figure's quantum is asked
    for (an exact sum needs none); asked, it is the table's. A blank cell's is zero."""
    from govbudget import Table
    from govbudget.checks import Figure

    report = base_report()
    t = report.table(TableKind.EXPENDITURE)
    assert t is not None
    slot = Table.__dict__["quantum"]
    b = t.blocks[0]
    row = next(r for r in b.rows if r.code == "2010101")
    fig = Figure.cell(t, b, row, "total")
    assert fig is not None
    with pytest.raises(AttributeError):
        slot.__get__(t)  # not worked out yet
    assert fig.quantum == t.quantum == Decimal("0.01")
    blank = Figure.cell(t, b, attrs.evolve(row, values=(None,) * len(row.values)), "total")
    assert blank is not None and blank.quantum == 0


def test_find_row_starting_the_first_row_of_the_prefix() -> None:
    """`Context.find_row_starting` answers as a scan would: the first row (in print
    order) whose normalised name starts with the prefix."""
    from govbudget import Block, Column, Row

    b = Block("x", [Column("total")], [
        Row("公务接待费", (None,)), Row("公务用车 购置费", (None,)), Row("公务用车购置费", (None,)),
        Row("公务用车购置及运行费", (None,))])
    ctx = Context(base_report())
    assert ctx.find_row_starting(b, "公务用车购置") is b.rows[1]
    assert ctx.find_row_starting(b, "公务") is b.rows[0]
    assert ctx.find_row_starting(b, "因公出国") is None
    assert ctx.find_row(b, "公务用车购置费") is b.rows[1]  # the same index


_cell = st.one_of(
    st.none(),
    st.decimals(min_value=-10**5, max_value=10**5, places=2, allow_nan=False,
                allow_infinity=False),
    st.integers(min_value=-9, max_value=9).map(Decimal),
    st.sampled_from([Decimal("0"), Decimal("0.00"), Decimal("0.001")]))


@given(st.lists(st.tuples(_cell), min_size=1, max_size=6), st.tuples(_cell),
       st.sampled_from([Unit.YUAN, Unit.WAN_YUAN]), st.integers(min_value=-3, max_value=3))
def test_sum_cells_is_sum_check_of_the_cells_figures(cells, total_cell, unit,
                                                     nudge) -> None:  # type: ignore[no-untyped-def]
    """`Context.sum_cells` from the raw cells gives the finding `sum_check` gives on the
    cells' figures, field by field; its related cells are made when first looked at."""
    from govbudget import Block, Column, Report, Row, Table
    from govbudget._findings import CellLocations
    from govbudget.checks._context import Figure, cell_figures

    value = total_cell[0]
    if value is not None and nudge:  # a total near the sum: rounding gaps, exact sums
        value = sum((c[0] or Decimal(0) for c in cells), Decimal(0)) + nudge * Decimal("0.01")
    rows = [Row(name=f"项{i}", values=c, code=f"20101{i:02d}", line=10 + i)
            for i, c in enumerate(cells)]
    head = Row(name="款", values=(value,), code="20101", line=9)
    block = Block("", (Column("total", "合计"),), [head, *rows])
    t = Table(kind=TableKind.EXPENDITURE, number="3", title="支出总表", unit=unit,
              blocks=(block,))
    ctx = Context(Report(tables=(t,)))
    got = ctx.sum_cells("table.test", t, block, head, rows, "total", what="甲", what_en="a")
    fig = Figure.cell(t, block, head, "total")
    assert fig is not None
    want = ctx.sum_check("table.test", cell_figures(t, block, rows, "total"), fig, what="甲",
                         what_en="a")
    assert got == want
    if got is not None:
        assert isinstance(got.related, CellLocations) and got.message == want.message


def test_sum_cells_gives_related_cells_their_pages() -> None:
    """With a report's pages, each related cell of a sum gets its page when made."""
    from govbudget import Block, Column, Report, Row, Table, check_report

    rows = [Row(name=f"项{i}", values=(Decimal("1.00"),), code=f"20101{i:02d}", line=3 + i)
            for i in range(3)]
    head = Row(name="款", values=(Decimal("3.05"),), code="20101", line=2)
    block = Block("", (Column("total", "合计"),), [head, *rows])
    t = Table(kind=TableKind.EXPENDITURE, number="3", title="支出总表", unit=Unit.WAN_YUAN,
              blocks=(block,), line=1)
    report = Report(tables=(t,), pages=(1, 1, 1, 2, 2, 2))
    (f,) = check_report(report, select=["table.functional.hierarchy"]).findings
    assert [loc.page for loc in f.related] == [report.page_of(r.line) for r in rows]
    assert f.location.page == 1
