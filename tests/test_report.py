"""Tests for govbudget._report: the report model and its look-ups."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget import (
    Block,
    Change,
    Column,
    Fact,
    FactKind,
    Indicator,
    Money,
    Narrative,
    PerformanceTable,
    Report,
    Row,
    Table,
    TableKind,
    TableSet,
    Unit,
)

D = Decimal


def t(kind: TableKind, title: str) -> Table:
    return Table(kind=kind, number="", title=title, unit=Unit.WAN_YUAN,
                 blocks=[Block("", [Column("total")], [Row("合计", [D(1)])])])


class TestReportTable:
    def test_first_of_a_kind(self) -> None:
        """table() gives the first table of a kind."""
        r = Report(tables=[t(TableKind.INCOME, "a"), t(TableKind.EXPENDITURE, "b"),
                           t(TableKind.EXPENDITURE, "c")])
        found = r.table(TableKind.EXPENDITURE)
        assert found is not None and found.title == "b"

    def test_absent(self) -> None:
        """table() of a kind the report lacks is None."""
        assert Report(tables=[t(TableKind.INCOME, "a")]).table(TableKind.PROJECTS) is None
        assert Report().table(TableKind.SUMMARY) is None


class TestReportProject:
    def test_by_name(self) -> None:
        """project() finds a performance table by its project name, exactly."""
        r = Report(performance=[PerformanceTable(project="会议经费"),
                                PerformanceTable(project="培训经费")])
        found = r.project("培训经费")
        assert found is not None and found.project == "培训经费"

    def test_absent(self) -> None:
        """An unknown project, or a part of a name, is None."""
        r = Report(performance=[PerformanceTable(project="会议经费")])
        assert r.project("会议") is None
        assert r.project("差旅费") is None


class TestReportDefaults:
    def test_defaults(self) -> None:
        """A bare report reads from <text>, in no table set, with nothing in it."""
        r = Report()
        assert (r.source, r.unit_name, r.year, r.table_set) == ("<text>", None, None,
                                                                TableSet.OTHER)
        assert (r.tables, r.performance, r.findings) == ((), (), ())
        assert r.overview.duties == () and r.narrative.facts == ()

    def test_lists_become_tuples(self) -> None:
        """Tables, performance tables and findings given as lists are stored as tuples."""
        r = Report(tables=[t(TableKind.INCOME, "a")], performance=[PerformanceTable("p")])
        assert isinstance(r.tables, tuple) and isinstance(r.performance, tuple)

    @pytest.mark.parametrize(("member", "value"), [(TableSet.SHANXI_13, "shanxi13"),
                                                    (TableSet.MOF_9, "mof9"),
                                                    (TableSet.OTHER, "other")])
    def test_table_set_values(self, member: TableSet, value: str) -> None:
        """The table sets have stable keys."""
        assert member.value == value


class TestFactMoney:
    def test_amount(self) -> None:
        """An amount in 万元 is Money in 万元, exactly."""
        f = Fact("预算收入总计", FactKind.AMOUNT, D("2599.99"), "万元")
        assert f.money == Money("2599.99", Unit.WAN_YUAN)

    def test_decrease_is_negative(self) -> None:
        """A change stated as a decrease (减少465.54万元) is a negative amount."""
        f = Fact("预算收入总计", FactKind.CHANGE_AMOUNT, D("465.54"), "万元",
                 direction=Change.DECREASE)
        assert f.money == Money("-465.54", Unit.WAN_YUAN)

    @pytest.mark.parametrize("direction", [Change.INCREASE, Change.SAME, None])
    def test_other_changes_positive(self, direction: Change | None) -> None:
        """Increases, no change and an unstated direction keep the stated size."""
        f = Fact("x", FactKind.CHANGE_AMOUNT, D("3"), "元", direction=direction)
        assert f.money == Money("3", Unit.YUAN)

    def test_decrease_sign_only_for_change_amounts(self) -> None:
        """The sign applies to changes only: an amount with a decrease direction stays positive."""
        f = Fact("x", FactKind.AMOUNT, D("3"), "亿元", direction=Change.DECREASE)
        assert f.money == Money("3", Unit.YI_YUAN)

    @pytest.mark.parametrize(("kind", "unit"), [(FactKind.SHARE, "%"), (FactKind.COUNT, "个"),
                                                (FactKind.CHANGE_PERCENT, "%"),
                                                (FactKind.COUNT, "平方米")])
    def test_not_money(self, kind: FactKind, unit: str) -> None:
        """Shares, percentages and counts are not money."""
        assert Fact("x", kind, D("15.19"), unit).money is None


class TestNarrativeFind:
    def test_by_subject_and_kind(self) -> None:
        """find() gives the facts whose subject contains the words, optionally of one kind."""
        n = Narrative(facts=[Fact("预算收入总计", FactKind.AMOUNT, D(1), "万元"),
                             Fact("预算收入总计", FactKind.CHANGE_AMOUNT, D(2), "万元"),
                             Fact("基本支出", FactKind.AMOUNT, D(3), "万元")])
        assert [f.value for f in n.find("收入")] == [D(1), D(2)]
        assert [f.value for f in n.find("收入", FactKind.CHANGE_AMOUNT)] == [D(2)]
        assert list(n.find("项目支出")) == []


class TestIndicator:
    def test_empty_level2_row(self) -> None:
        """A 二级 row with no 三级 indicator and no value is empty."""
        assert Indicator("产出指标", "质量指标").is_empty

    @pytest.mark.parametrize(("name", "value"), [("会议次数", "≥3次"), ("会议次数", ""),
                                                 ("", "≥3次")])
    def test_not_empty(self, name: str, value: str) -> None:
        """A row with a name or a value is not empty."""
        assert not Indicator("产出指标", "数量指标", name, value).is_empty


class TestPerformanceTable:
    def test_year_money(self) -> None:
        """year_money is 年度资金总额 in the table's unit (元 by default)."""
        assert PerformanceTable("p", total_year=D("204400")).year_money == Money("204400",
                                                                                 Unit.YUAN)
        p = PerformanceTable("p", total_year=D("20.44"), unit=Unit.WAN_YUAN)
        assert p.year_money == Money("204400", Unit.YUAN)

    def test_year_money_absent(self) -> None:
        """Without 年度资金总额 there is no money."""
        assert PerformanceTable("p").year_money is None


class TestIndicatorTarget:
    def test_every_sample_value_is_typed(self) -> None:
        """Every indicator value read from the sample becomes a typed target (none is left
        unparsed), and the raw text is kept."""
        import govbudget
        from govbudget.indicators import Unparsed

        from .ingest_helpers import SAMPLE

        report = govbudget.read_report(SAMPLE)
        values = [i for p in report.performance for i in (*p.indicators_period,
                                                          *p.indicators_year) if i.value]
        assert len(values) > 200
        unparsed = [i.value for i in values if isinstance(i.target, Unparsed)]
        assert unparsed == []
        assert all(i.value for i in values)

    def test_empty_row_has_no_target(self) -> None:
        """An empty 二级 row has no target."""
        from govbudget import Indicator

        assert Indicator("效益指标", "经济效益指标").target is None
