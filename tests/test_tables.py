"""Tests for govbudget._tables: the table models and their look-ups."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import MOF_9, SHANXI_13, Block, Column, Money, Row, RowKind, Table, TableKind, Unit
from govbudget._tables import COLUMN_LABELS

D = Decimal


def block(name: str = "") -> Block:
    return Block(name=name, columns=(Column("total", "合计"), Column("basic", "基本支出"),
                                     Column("project", "项目支出")),
                 rows=(Row("合计", (D("10.00"), D("6.00"), D("4.00")), kind=RowKind.TOTAL),
                       Row("一般公共服务支出", (D("10.00"), D("6.00"), D("4.00")), code="201",
                           level=1),
                       Row("行政运行", (D("6.00"), D("6.00"), None), code="2010101", level=3),
                       Row("201", (D("1.00"), None, None)),
                       Row("短行", (D("4.00"),), code="2010102", level=3)))


def table(unit: Unit = Unit.WAN_YUAN, *blocks: Block) -> Table:
    return Table(kind=TableKind.EXPENDITURE, number="3", title="2024年预算支出总表", unit=unit,
                 blocks=blocks or (block(),))


class TestTableKind:
    def test_values_are_stable_keys(self) -> None:
        """Each kind's value is its snake_case key."""
        assert TableKind("three_public") is TableKind.THREE_PUBLIC
        assert {k.value for k in TableKind} >= {"summary", "income", "projects_carryover"}

    @pytest.mark.parametrize(
        ("kind", "chinese"),
        [(TableKind.SUMMARY, "收支总表"), (TableKind.BASIC_ECONOMIC, "一般公共预算基本支出表"),
         (TableKind.THREE_PUBLIC, "“三公”经费支出表"),
         (TableKind.PROJECTS_CARRYOVER, "项目支出预算表（上年结转）")],
    )
    def test_chinese(self, kind: TableKind, chinese: str) -> None:
        """Each kind has its usual Chinese name."""
        assert kind.chinese == chinese

    def test_every_kind_has_a_chinese_name(self) -> None:
        """No kind is without a Chinese name, and no two share one."""
        names = [k.chinese for k in TableKind]
        assert all(names) and len(set(names)) == len(names)

    def test_functional(self) -> None:
        """Exactly the tables whose rows are functional codes are functional."""
        assert {k for k in TableKind if k.functional} == {
            TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GENERAL_EXPENDITURE,
            TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL, TableKind.GRANT_DETAIL}


class TestTableSets:
    def test_shanxi_13(self) -> None:
        """SHANXI_13 lists the 13 kinds, each once, in the order 预算公开表1–13."""
        assert len(SHANXI_13) == 13 and set(SHANXI_13) == set(TableKind) - {
            TableKind.OTHER, TableKind.GRANT_DETAIL}
        assert SHANXI_13[0] is TableKind.SUMMARY
        assert SHANXI_13[9] is TableKind.THREE_PUBLIC
        assert SHANXI_13[-1] is TableKind.PROJECTS_CARRYOVER

    def test_mof_9(self) -> None:
        """MOF_9 lists the nine MOF tables in order: 三公 seventh, no Shanxi-only table."""
        assert MOF_9 == (
            TableKind.SUMMARY, TableKind.INCOME, TableKind.EXPENDITURE, TableKind.GRANT_SUMMARY,
            TableKind.GENERAL_EXPENDITURE, TableKind.BASIC_ECONOMIC, TableKind.THREE_PUBLIC,
            TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL)
        assert not set(MOF_9) & {TableKind.FUND_INCOME, TableKind.OPERATING_COSTS,
                                 TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER}

    def test_column_labels(self) -> None:
        """The canonical column keys have their usual Chinese labels."""
        assert COLUMN_LABELS["total"] == "合计"
        assert COLUMN_LABELS["abroad"] == "因公出国（境）费"
        assert len(set(COLUMN_LABELS.values())) == len(COLUMN_LABELS)


class TestBlockIndexHas:
    def test_index(self) -> None:
        """index() gives a column's position."""
        assert [block().index(k) for k in ("total", "basic", "project")] == [0, 1, 2]

    def test_index_missing(self) -> None:
        """index() of an unknown column raises KeyError."""
        with pytest.raises(KeyError, match="personnel"):
            block().index("personnel")

    def test_has(self) -> None:
        """has() says whether the block has a column."""
        assert block().has("basic")
        assert not block().has("personnel")

    def test_a_key_printed_twice_is_found_first(self) -> None:
        """position() gives the first column of a key printed twice, as a scan would."""
        b = Block("x", [Column("total"), Column("basic"), Column("total")])
        assert b.position("total") == 0 and b.position("basic") == 1
        assert b.position("project") is None

    def test_positions_follow_the_block(self) -> None:
        """The kept positions belong to the block: an evolved block (other columns) and a
        pickled copy answer for their own columns; equality ignores them."""
        import pickle

        from attrs import evolve

        b = block()
        assert b.position("project") == 2
        moved = evolve(b, columns=[Column("project"), Column("total")])
        assert moved.position("project") == 0 and not moved.has("basic")
        copy = pickle.loads(pickle.dumps(b))
        assert copy == b and copy.position("project") == 2


class TestBlockRow:
    def test_by_code(self) -> None:
        """row() finds a row by its code."""
        assert block().row("2010101").name == "行政运行"

    def test_code_before_name(self) -> None:
        """A code matches before a name, even when a row is named like the code."""
        assert block().row("201").code == "201"

    def test_by_name(self) -> None:
        """row() finds a row by its name when no code matches."""
        assert block().row("合计").kind is RowKind.TOTAL

    def test_first_of_several(self) -> None:
        """The first row with the name is returned."""
        b = Block("", (Column("total"),), (Row("奖金", (D(1),), gov_name="a"),
                                           Row("奖金", (D(2),), gov_name="b")))
        assert b.row("奖金").gov_name == "a"

    def test_missing(self) -> None:
        """An unknown code or name raises KeyError."""
        with pytest.raises(KeyError, match="205"):
            block().row("205")


class TestBlockValue:
    def test_value(self) -> None:
        """value() reads a row's amount in a column, exactly."""
        b = block()
        assert str(b.value(b.row("2010101"), "basic")) == "6.00"

    def test_blank(self) -> None:
        """A blank cell is None."""
        b = block()
        assert b.value(b.row("2010101"), "project") is None

    def test_no_such_column(self) -> None:
        """A column the block does not have gives None, not an error."""
        b = block()
        assert b.value(b.row("2010101"), "personnel") is None

    def test_short_row(self) -> None:
        """A row with fewer values than columns reads None for the missing ones."""
        b = block()
        assert b.value(b.row("2010102"), "project") is None
        assert b.value(b.row("2010102"), "total") == D("4.00")


class TestBlockTotals:
    def test_totals_and_data_rows(self) -> None:
        """totals() gives the total rows; data_rows() all the others, in order."""
        b = block()
        assert [r.name for r in b.totals()] == ["合计"]
        assert [r.name for r in b.data_rows()] == ["一般公共服务支出", "行政运行", "201", "短行"]

    def test_group_rows_are_data_rows(self) -> None:
        """A group row (a unit in a project list) is not a total."""
        b = Block("", (Column("total"),), (Row("某单位", (D(1),), kind=RowKind.GROUP),))
        assert list(b.totals()) == []
        assert len(list(b.data_rows())) == 1


class TestTableBlock:
    def test_first_by_default(self) -> None:
        """block() without a name is the first block."""
        t = table(Unit.WAN_YUAN, block("income"), block("expenditure"))
        assert t.block().name == "income"

    def test_by_name(self) -> None:
        """block(name) finds the named block."""
        t = table(Unit.WAN_YUAN, block("income"), block("expenditure"))
        assert t.block("expenditure").name == "expenditure"

    def test_missing(self) -> None:
        """An unknown block, or any block of a table without blocks, raises KeyError."""
        with pytest.raises(KeyError):
            table().block("expenditure")
        empty = attrs.evolve(table(), blocks=())
        with pytest.raises(KeyError):
            empty.block()


class TestTableRows:
    def test_every_block_and_row(self) -> None:
        """rows() yields (block, row) for every row of every block, in order."""
        t = table(Unit.WAN_YUAN, block("income"), block("expenditure"))
        pairs = list(t.rows())
        assert len(pairs) == 10
        assert [b.name for b, _ in pairs[4:6]] == ["income", "expenditure"]


class TestTableMoney:
    def test_money_in_the_table_unit(self) -> None:
        """money() is the amount with the table's unit."""
        t = table()
        m = t.money(t.block().row("201"), "total")
        assert m == Money("10.00", Unit.WAN_YUAN)
        assert m is not None and m.unit is Unit.WAN_YUAN and str(m.amount) == "10.00"

    def test_blank_and_missing_column(self) -> None:
        """A blank cell or a missing column gives None."""
        t = table()
        row = t.block().row("2010101")
        assert t.money(row, "project") is None
        assert t.money(row, "personnel") is None

    def test_other_block(self) -> None:
        """money() reads from the block given."""
        other = Block("expenditure", (Column("amount"),), (Row("x", (D("2"),)),))
        t = table(Unit.YUAN, block("income"), other)
        assert t.money(other.rows[0], "amount", other) == Money("2", Unit.YUAN)
        assert t.money(other.rows[0], "amount") is None


class TestTableQuantum:
    @pytest.mark.parametrize("unit", [Unit.WAN_YUAN, Unit.YI_YUAN])
    def test_scaled_units(self, unit: Unit) -> None:
        """Tables in 万元 and 亿元 print to 0.01."""
        assert table(unit).quantum == D("0.01")

    def test_yuan_whole(self) -> None:
        """A table in 元 with whole amounts prints to 1 元."""
        b = Block("", (Column("total"),), (Row("a", (D("3505000"), None)),))
        assert table(Unit.YUAN, b).quantum == D(1)

    def test_yuan_with_decimals(self) -> None:
        """A table in 元 showing decimals prints to its most decimals."""
        b = Block("", (Column("total"),), (Row("a", (D("12"),)), Row("b", (D("0.5"),)),
                                           Row("c", (D("1.25"),))))
        assert table(Unit.YUAN, b).quantum == D("0.01")

    def test_yuan_exponent_form(self) -> None:
        """An amount held with a positive exponent (1E+3) counts as whole."""
        b = Block("", (Column("total"),), (Row("a", (D("1E+3"),)),))
        assert table(Unit.YUAN, b).quantum == D(1)


class TestRow:
    def test_defaults(self) -> None:
        """A row is data, with no code, level, government item or line unless given."""
        r = Row("合计", [D(1), None])
        assert (r.code, r.level, r.kind, r.gov_name, r.line) == (None, None, RowKind.DATA, None, None)

    def test_values_become_a_tuple(self) -> None:
        """Values given as a list are stored as a tuple (the model is frozen and hashable)."""
        r = Row("a", [D(1), None])
        assert r.values == (D(1), None)
        assert hash(r) == hash(Row("a", (D(1), None)))

    def test_frozen(self) -> None:
        """Models cannot be changed in place; evolve() makes changed copies."""
        r = Row("a", [D(1)])
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            r.name = "b"  # type: ignore[misc]
        assert attrs.evolve(r, name="b").name == "b"

    def test_block_and_table_fields_become_tuples(self) -> None:
        """Columns, rows and blocks given as lists are stored as tuples."""
        b = Block("", [Column("total")], [Row("a", [D(1)])])
        t = Table(kind=TableKind.INCOME, number="", title="", unit=Unit.YUAN, blocks=[b])
        assert isinstance(b.columns, tuple) and isinstance(b.rows, tuple)
        assert isinstance(t.blocks, tuple)


def test_quantum_follows_the_printed_decimals_and_is_worked_out_once() -> None:
    t = Table(kind=TableKind.EXPENDITURE, number="", title="t", unit=Unit.WAN_YUAN,
              blocks=(Block(name="", columns=(Column("total", "合计"),),
                            rows=(Row(name="a", values=(Decimal("1.234567"),)),)),))
    assert t.quantum == Decimal("0.000001")
    assert t.quantum is t.quantum  # cached
    t2 = Table(kind=TableKind.EXPENDITURE, number="", title="t", unit=Unit.WAN_YUAN,
               blocks=(Block(name="", columns=(Column("total", "合计"),),
                             rows=(Row(name="a", values=(Decimal("3990.4"),)),)),))
    assert t2.quantum == Decimal("0.01")


def _scanned_quantum(t: Table) -> Decimal:
    """The quantum as first worked out: the largest number of decimals of any cell."""
    places = 0 if t.unit is Unit.YUAN else 2
    for b in t.blocks:
        for r in b.rows:
            for v in r.values:
                if v is None:
                    continue
                exp = v.as_tuple().exponent
                if isinstance(exp, int) and -exp > places:
                    places = -exp
    return Decimal(1).scaleb(-places)


_quantum_cells = st.one_of(
    st.none(),
    *(st.decimals(min_value=-10**9, max_value=10**9, places=p) for p in (0, 2, 6)),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("0.000"), Decimal("-0.00"), Decimal("1E+40"), Decimal("1E-40"),
                     Decimal("5.00"), Decimal("-5.00")]))


@given(st.lists(st.lists(_quantum_cells, max_size=3).map(tuple), max_size=70),
       st.sampled_from([Unit.YUAN, Unit.WAN_YUAN]))
def test_quantum_read_off_the_exact_sum_is_the_scanned_one(rows, unit) -> None:  # type: ignore[no-untyped-def]
    """The smallest exponent read off the cells' exact sum gives the quantum a scan of
    every cell gives: blanks, zeros with decimals, cancelling cells, special values and
    sums too long to be exact (decided by the scan) included."""
    block = Block("", (Column("total"), Column("basic"), Column("project")),
                  [Row(name=f"r{i}", values=v) for i, v in enumerate(rows)])
    t = Table(kind=TableKind.EXPENDITURE, number="", title="t", unit=unit, blocks=(block,))
    assert t.quantum == _scanned_quantum(t)


def test_quantum_of_cells_too_far_apart_for_an_exact_sum() -> None:
    """A sum that would be rounded does not decide the quantum: the scan does."""
    block = Block("", (Column("total"),), [Row(name="a", values=(Decimal("1E+40"),)),
                                           Row(name="b", values=(Decimal("1E-40"),))])
    t = Table(kind=TableKind.EXPENDITURE, number="", title="t", unit=Unit.YUAN, blocks=(block,))
    assert t.quantum == Decimal("1E-40") == _scanned_quantum(t)


def test_new_row_sets_every_field_of_row_in_order() -> None:
    # new_row sets Row's slots itself: a field added to Row must be added there too.
    from govbudget._tables import new_row

    assert [a.name for a in attrs.fields(Row)] == [
        "name", "values", "code", "level", "kind", "gov_name", "line"]
    row = new_row("行政运行", (D("6.00"), None), "2010101", 3, RowKind.DATA, "工资", 12)
    assert row == Row("行政运行", (D("6.00"), None), code="2010101", level=3,
                      kind=RowKind.DATA, gov_name="工资", line=12)
    assert hash(row) == hash(Row("行政运行", (D("6.00"), None), "2010101", 3, RowKind.DATA,
                                 "工资", 12))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        row.name = "x"  # type: ignore[misc]
    assert attrs.evolve(row, level=None).level is None
