"""Tests for govbudget._findings: severities, locations and findings."""

from __future__ import annotations

import pytest

from govbudget import Finding, Location, Row, Severity, Table, TableKind, Unit
from govbudget._findings import CellLocations


def finding(**kw: object) -> Finding:
    args: dict[str, object] = {
        "rule": "table.sum.children", "severity": Severity.ERROR, "message": "类合计与款之和不符",
        "message_en": "class total differs",
        "location": Location(section="预算支出总表", table="expenditure", row_code="201",
                             column="total", line=234),
    }
    args.update(kw)
    return Finding(**args)


class TestSeverity:
    def test_order(self) -> None:
        """INFO < WARNING < ERROR, with every comparison operator."""
        assert Severity.INFO < Severity.WARNING < Severity.ERROR
        assert Severity.ERROR > Severity.INFO
        assert Severity.WARNING >= Severity.WARNING
        assert Severity.WARNING <= Severity.ERROR
        assert not Severity.ERROR < Severity.ERROR

    def test_sorting_and_max(self) -> None:
        """Severities sort by seriousness, and max() is the most serious."""
        assert sorted([Severity.ERROR, Severity.INFO, Severity.WARNING]) == [
            Severity.INFO, Severity.WARNING, Severity.ERROR]
        assert max([Severity.WARNING, Severity.ERROR, Severity.INFO]) is Severity.ERROR

    def test_rank(self) -> None:
        """rank is 0, 1, 2."""
        assert [s.rank for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)] == [0, 1, 2]

    def test_not_comparable_with_other_types(self) -> None:
        """Comparing a severity with a string or number is a TypeError, not False."""
        with pytest.raises(TypeError):
            _ = Severity.ERROR < "warning"
        with pytest.raises(TypeError):
            _ = Severity.ERROR > 1

    @pytest.mark.parametrize(("text", "severity"), [("error", Severity.ERROR),
                                                    (" Warning ", Severity.WARNING),
                                                    ("INFO", Severity.INFO)])
    def test_parse(self, text: str, severity: Severity) -> None:
        """parse() reads error, warning and info in any case, spaces around allowed."""
        assert Severity.parse(text) is severity

    @pytest.mark.parametrize("text", ["fatal", "", "err"])
    def test_parse_refused(self, text: str) -> None:
        """Anything else is a ValueError that shows the bad value and the choices."""
        with pytest.raises(ValueError, match=r"error, warning or info \(got '") as info:
            Severity.parse(text)
        assert repr(text) in str(info.value)


class TestLocationStr:
    def test_full(self) -> None:
        """Section, row code, column and line."""
        loc = Location(section="预算支出总表", row_code="201", column="total", line=234)
        assert str(loc) == "预算支出总表 row 201 column total (line 234)"

    def test_code_before_name(self) -> None:
        """A row code is shown rather than a row name."""
        loc = Location(section="s", row_code="201", row_name="一般公共服务支出")
        assert str(loc) == "s row 201"

    def test_name_when_no_code(self) -> None:
        """Without a code the row name is shown."""
        assert str(Location(section="项目支出", row_name="会议经费", line=7)) == \
            "项目支出 row 会议经费 (line 7)"

    def test_section_only(self) -> None:
        """A bare section is just its name; the table key is not shown."""
        assert str(Location(section="narrative", table="summary")) == "narrative"

    def test_line_zero_shown(self) -> None:
        """A line number is shown whenever it is set."""
        assert str(Location(section="s", line=0)) == "s (line 0)"


class TestFindingKey:
    def test_key(self) -> None:
        """The key joins rule, section, row, column and line."""
        assert finding().key == "table.sum.children|预算支出总表|201|total|234"

    def test_key_uses_row_name_without_code(self) -> None:
        """Without a code the row name identifies the row; missing parts are empty."""
        f = finding(location=Location(section="项目支出", row_name="会议经费"))
        assert f.key == "table.sum.children|项目支出|会议经费||"

    def test_key_ignores_figures_and_messages(self) -> None:
        """Two findings of the same rule at the same place share a key whatever they say."""
        a = finding(expected="1.00万元", actual="2.00万元", message="x")
        b = finding(severity=Severity.WARNING, message_en="y", related=(Location("other"),))
        assert a.key == b.key

    def test_key_differs_by_rule_and_place(self) -> None:
        """A different rule, row, column or line gives a different key."""
        base = finding()
        others = [finding(rule="table.sum.total"),
                  finding(location=Location(section="预算支出总表", row_code="208",
                                            column="total", line=234)),
                  finding(location=Location(section="预算支出总表", row_code="201",
                                            column="basic", line=234)),
                  finding(location=Location(section="预算支出总表", row_code="201",
                                            column="total", line=235))]
        assert len({base.key, *(f.key for f in others)}) == 5


class TestFinding:
    def test_defaults(self) -> None:
        """A finding has no related locations, figures or root marking unless given."""
        f = finding()
        assert (f.related, f.expected, f.actual, f.difference, f.root, f.knock_on_of) == (
            (), None, None, None, False, None)

    def test_related_becomes_a_tuple(self) -> None:
        """Related locations given as a list are stored as a tuple; findings are hashable."""
        f = finding(related=[Location("a"), Location("b")])
        assert f.related == (Location("a"), Location("b"))
        assert hash(f) == hash(finding(related=(Location("a"), Location("b"))))


def test_location_in_table_and_of_fact() -> None:
    """One builder for a table, a row or a cell, and one for a narrative fact."""
    from decimal import Decimal

    from govbudget import Fact, FactKind, Row, Table, TableKind, Unit

    t = Table(kind=TableKind.BASIC_ECONOMIC, number="3", title="", unit=Unit.YUAN, line=40)
    assert Location.in_table(t) == Location(section=t.kind.chinese, table="basic_economic",
                                            line=40)
    row = Row(name="工资福利支出", values=(), code="301", line=44)
    loc = Location.in_table(t, row, "total")
    assert (loc.row_code, loc.row_name, loc.column, loc.line) == ("301", "工资福利支出", "total", 44)
    fact = Fact(subject="基本支出", kind=FactKind.AMOUNT, value=Decimal("12.5"), unit="万元", line=7)
    assert Location.of_fact(fact) == Location(section="narrative", row_name="基本支出", line=7)
    assert Location.of_fact(fact, "人员经费").row_name == "人员经费"


def _cells_and_plain() -> tuple[CellLocations, tuple[Location, ...]]:
    t = Table(kind=TableKind.EXPENDITURE, number="2", title="支出总表", unit=Unit.YUAN)
    rows = [Row(name="行政运行", values=(), code="2010101", line=12),
            Row(name="一般行政管理事务", values=(), code="2010102", line=13)]
    plain = tuple(Location.in_table(t, r, "total") for r in rows)
    return CellLocations.of(t, rows, "total"), plain


def test_cell_locations_are_the_tuple_of_their_locations() -> None:
    """Cells whose locations are made when first looked at behave as the plain tuple of
    those locations: compare, hash, print, index, slice, add, unpack, pickle, copy."""
    import copy
    import pickle

    cells, plain = _cells_and_plain()
    assert isinstance(cells, tuple) and len(cells) == 2 and bool(cells)
    assert cells._items is None  # nothing made yet
    assert cells == plain and plain == cells and (cells != plain) is False
    assert hash(cells) == hash(plain) and repr(cells) == repr(plain)
    assert cells[1] == plain[1] and cells[:1] == plain[:1] and cells[-1] == plain[-1]
    assert cells + () == plain and () + cells == plain  # noqa: RUF005 (the tuple's +)
    assert cells * 2 == plain * 2 and 2 * cells == 2 * plain
    assert list(cells) == list(plain) and list(reversed(cells)) == list(reversed(plain))
    assert plain[0] in cells and cells.index(plain[1]) == 1 and cells.count(plain[0]) == 1
    first, second = cells
    assert (first, second) == plain
    assert pickle.loads(pickle.dumps(cells)) == plain
    assert type(pickle.loads(pickle.dumps(cells))) is tuple
    assert copy.deepcopy(cells) == plain and copy.copy(cells) == plain
    assert type(cells)(plain) == plain and type(type(cells)(plain)) is tuple
    assert tuple(cells) == plain and type(tuple(cells)) is tuple


def test_a_finding_with_cell_locations_is_the_finding_with_their_tuple() -> None:
    """A finding is equal, hashes, prints, pickles, copies and serialises the same
    whether its related cells are made at once or when first looked at; evolving it keeps
    them as they are."""
    import copy
    import pickle

    import attrs

    from govbudget._output._contract import finding_data
    from govbudget._serialise import make_converter

    def two() -> tuple[Finding, Finding]:
        cells, plain = _cells_and_plain()
        return finding(related=cells), finding(related=plain)

    lazy, eager = two()
    assert lazy == eager and hash(lazy) == hash(eager) and repr(lazy) == repr(eager)
    lazy, eager = two()
    assert pickle.loads(pickle.dumps(lazy)) == eager and copy.deepcopy(lazy) == eager
    lazy, eager = two()
    conv = make_converter()
    assert conv.unstructure(lazy) == conv.unstructure(eager)
    assert finding_data(lazy) == finding_data(eager)
    lazy, eager = two()
    assert attrs.asdict(lazy) == attrs.asdict(eager)
    lazy, _ = two()
    assert attrs.evolve(lazy, rule="x").related is lazy.related


def test_cell_locations_located_pass_each_location_through() -> None:
    """`CellLocations.located` applies its function to each location when made (the
    engine adds pages so), after any given before."""
    import attrs

    cells, plain = _cells_and_plain()
    paged = cells.located(lambda loc: attrs.evolve(loc, page=3))
    twice = paged.located(lambda loc: attrs.evolve(loc, document="d"))
    assert paged == tuple(attrs.evolve(loc, page=3) for loc in plain)
    assert twice == tuple(attrs.evolve(loc, page=3, document="d") for loc in plain)
