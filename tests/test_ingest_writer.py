"""Tests for govbudget._ingest._writer: tables rendered as extracted text read back the same."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from govbudget import (
    Block,
    Column,
    Overview,
    Report,
    Row,
    RowKind,
    Table,
    TableKind,
    TableSet,
    Unit,
)
from govbudget._ingest._writer import _ordinal, render_report, render_tables
from govbudget.testing import build_report

from .ingest_helpers import assert_same_tables, read_one, read_tables, sample_report

D = Decimal


def small_report(table_set: TableSet = TableSet.SHANXI_13, **kw: object) -> Report:
    """A consistent report with a long 项 name (wrapped with artefacts) and two projects."""
    args: dict[str, object] = {
        "leaves": [("2010101", D("1000000"), D("0")), ("2010102", D("0"), D("300000")),
                   ("2080505", D("200000"), D("0"))],
        "economic": [("30101", D("700000")), ("30108", D("200000")), ("30201", D("200000")),
                     ("30217", D("100000"))],
        "projects": [("会议经费", D("200000")), ("培训经费", D("100000"))],
        "table_set": table_set,
    }
    args.update(kw)
    return build_report(**args)  # type: ignore[arg-type]


def one_table_report(table: Table) -> Report:
    return Report(unit_name=table.unit_name, year=2024, tables=(table,))


def cols(*keys: str) -> tuple[Column, ...]:
    from govbudget._tables import COLUMN_LABELS

    return tuple(Column(k, COLUMN_LABELS[k]) for k in keys)


def values(spec: str) -> tuple[Decimal | None, ...]:
    return tuple(None if x == "-" else D(x) for x in spec.split())


class TestRoundTrip:
    @pytest.mark.parametrize("artefacts", [False, True])
    def test_sample_tables(self, artefacts: bool) -> None:
        """The sample's 13 tables, rendered and read again, are the same tables."""
        report = sample_report()
        tables, findings = read_tables(render_tables(report, artefacts=artefacts))
        assert findings == []
        assert_same_tables(report.tables, tables)

    @pytest.mark.parametrize("artefacts", [False, True])
    @pytest.mark.parametrize("table_set", [TableSet.SHANXI_13, TableSet.MOF_9])
    def test_built_reports(self, table_set: TableSet, artefacts: bool) -> None:
        """A built report's tables, in either table set, come back the same, with no finding."""
        report = small_report(table_set)
        tables, findings = read_tables(render_tables(report, artefacts=artefacts))
        assert findings == []
        assert_same_tables(report.tables, tables)

    @pytest.mark.parametrize("artefacts", [False, True])
    def test_rounded_figures(self, artefacts: bool) -> None:
        """Figures rounded to 0.01 万元 from whole 元 come back exactly."""
        report = small_report(
            leaves=[("2010101", D("1234567"), D("0")), ("2010102", D("0"), D("76543"))],
            economic=[("30101", D("1000001")), ("30217", D("234566"))],
            projects=[("会议经费", D("76543"))])
        tables, findings = read_tables(render_tables(report, artefacts=artefacts))
        assert findings == []
        assert_same_tables(report.tables, tables)

    @pytest.mark.parametrize("artefacts", [False, True])
    def test_basic_item_without_government_item(self, artefacts: bool) -> None:
        """An economic 款 with no government item beside it (30217 公务接待费 has no verified
        mapping) comes back a 款, not a class."""
        report = small_report()
        t = report.table(TableKind.BASIC_ECONOMIC)
        assert t is not None
        row = t.block().row("公务接待费")
        assert (row.level, row.gov_name) == (2, None)
        got, _ = read_one(render_tables(one_table_report(t), artefacts=artefacts))
        assert got.block().row("公务接待费").level == 2

    def test_mof_three_public_columns(self) -> None:
        """A 三公 table with the items as columns comes back the same."""
        t = Table(kind=TableKind.THREE_PUBLIC, number="7", title="2025年一般公共预算“三公”经费支出表",
                  unit=Unit.WAN_YUAN, unit_name="某县教育局",
                  blocks=[Block("", cols("total", "abroad", "reception", "vehicles",
                                         "vehicle_purchase", "vehicle_operation"),
                                [Row("预算数", values("12.50 - 3.50 9.00 5.00 4.00"))])])
        for artefacts in (False, True):
            got, findings = read_one(render_tables(one_table_report(t), artefacts=artefacts))
            assert findings == []
            assert_same_tables([t], [got])

    def test_income_with_funds_and_carryover(self) -> None:
        """An income table with 政府性基金 and 上年结转 figures comes back the same."""
        c = cols("total", "general_budget", "fund_budget", "state_capital", "special_account",
                 "unit_funds", "carryover")
        t = Table(kind=TableKind.INCOME, number="2", title="2024年预算收入总表", unit=Unit.WAN_YUAN,
                  unit_name="某市文化和旅游局",
                  blocks=[Block("", c, [
                      Row("合计", values("180.00 100.00 50.00 - - - 30.00"), kind=RowKind.TOTAL),
                      Row("文化旅游体育与传媒支出", values("180.00 100.00 50.00 - - - 30.00"),
                          code="207", level=1),
                      Row("体育", values("180.00 100.00 50.00 - - - 30.00"), code="20703", level=2),
                      Row("群众体育", values("180.00 100.00 50.00 - - - 30.00"), code="2070308",
                          level=3)])])
        for artefacts in (False, True):
            got, findings = read_one(render_tables(one_table_report(t), artefacts=artefacts))
            assert findings == []
            assert_same_tables([t], [got])

    def test_yuan_integers(self) -> None:
        """A table in 元 with whole amounts comes back the same (without artefacts: a bold
        whole number printed twice, 100100, cannot be told from 100100)."""
        t = Table(kind=TableKind.EXPENDITURE, number="3", title="2024年部门支出总表", unit=Unit.YUAN,
                  unit_name="某市职业技术学院",
                  blocks=[Block("", cols("total", "basic", "project"), [
                      Row("合计", values("3505000 3002500 502500"), kind=RowKind.TOTAL),
                      Row("教育支出", values("3505000 3002500 502500"), code="205", level=1),
                      Row("普通教育", values("3002500 3002500 -"), code="20502", level=2),
                      Row("高等教育", values("3002500 3002500 -"), code="2050205", level=3),
                      Row("其他教育支出", values("502500 - 502500"), code="20599", level=2),
                      Row("其他教育支出", values("502500 - 502500"), code="2059999", level=3)])])
        got, findings = read_one(render_tables(one_table_report(t)))
        assert findings == []
        assert_same_tables([t], [got])

    def test_wrapped_unit_without_amounts(self) -> None:
        """With artefacts, a long name with no amounts wraps and is still followed by the next
        row, not merged with it."""
        t = Table(kind=TableKind.OPERATING_COSTS, number="11", title="2024年机关运行经费预算表",
                  unit=Unit.WAN_YUAN, unit_name="某市职业技术学院",
                  blocks=[Block("", cols("total", "general_budget", "fund_budget", "state_capital"), [
                      Row("部门合计", values("5.00 5.00 - -"), kind=RowKind.TOTAL),
                      Row("某市职业技术学院继续教育学院培训中心", values("- - - -")),
                      Row("某市职业技术学院", values("5.00 5.00 - -"))])])
        text = render_tables(one_table_report(t), artefacts=True)
        assert "某市职业技术学院继续教育学院\n培训中心\n\n  \n" in text
        got, findings = read_one(text)
        assert findings == []
        assert_same_tables([t], [got])

    def test_deeper_project_levels(self) -> None:
        """A project list with three levels keeps them."""
        t = Table(kind=TableKind.PROJECTS, number="12", title="2024年项目支出预算表（本年预算）",
                  unit=Unit.WAN_YUAN, unit_name="某市教育局",
                  blocks=[Block("", cols("total", "general_budget"), [
                      Row("某市教育局", values("30.00 30.00"), level=1, kind=RowKind.GROUP),
                      Row("某市第一中学", values("30.00 30.00"), level=2),
                      Row("实训设备购置", values("30.00 30.00"), level=3)])])
        got, _ = read_one(render_tables(one_table_report(t)))
        assert [(r.level, r.kind) for r in got.block().rows] == [
            (1, RowKind.GROUP), (2, RowKind.DATA), (3, RowKind.DATA)]


class TestNotes:
    def _table(self, *, empty: bool, note: str | None) -> Table:
        rows = [] if empty else [Row("合计", values("1.00 1.00 - -"), kind=RowKind.TOTAL)]
        return Table(kind=TableKind.THREE_PUBLIC, number="10", title="2024年“三公”经费支出预算表",
                     unit=Unit.WAN_YUAN, unit_name="某县教育局", empty=empty, note=note,
                     blocks=[Block("", cols("total", "general_budget", "fund_budget",
                                            "state_capital"), rows)])

    def test_note_on_table_with_data(self) -> None:
        """A note under a table with figures is printed and read back."""
        t = self._table(empty=False, note="注：本表按财政拨款口径填列")
        text = render_tables(one_table_report(t))
        assert "注：本表按财政拨款口径填列" in text
        got, _ = read_one(text)
        assert (got.empty, got.note) == (False, "注：本表按财政拨款口径填列")

    def test_empty_default_note(self) -> None:
        """An empty table without a note prints 注：本表无数据."""
        got, _ = read_one(render_tables(one_table_report(self._table(empty=True, note=None))))
        assert (got.empty, got.note) == (True, "注：本表无数据")

    def test_empty_with_own_note(self) -> None:
        """An empty table whose note does not say so is still read back empty, with its note."""
        t = self._table(empty=True, note="注：本单位无“三公”经费")
        got, _ = read_one(render_tables(one_table_report(t)))
        assert (got.empty, got.note) == (True, "注：本单位无“三公”经费")

    def test_empty_note_printed_once(self) -> None:
        """An empty table's own 本表无数据 note is printed once."""
        text = render_tables(one_table_report(self._table(empty=True, note="注：本表无数据")))
        assert text.count("本表无数据") == 1


class TestLayout:
    def test_plain(self) -> None:
        """Without artefacts: title once, no page numbers, cells separated by single spaces and
        a blank cell by two."""
        text = render_tables(small_report())
        assert "2024年预算支出总表\n" in text
        assert "2024年预算支出总表2024年预算支出总表" not in text
        assert "-1-" not in text
        assert "2010102 一般行政管理事务 30.00  30.00\n" in text

    def test_artefacts(self) -> None:
        """With artefacts: titles and totals printed twice, long names wrapped with their
        amounts on a later line, page numbers and the running header between pages."""
        text = render_tables(small_report(), artefacts=True)
        assert "2024年预算支出总表2024年预算支出总表" in text
        assert "合计合计 150.00150.00 120.00120.00 30.0030.00" in text
        assert "2080505 机关事业单位基本养老保险缴费\n支出\n\n20.00 20.00" in text
        assert "\n-1-\n" in text
        assert "\n测试单位2024年单位预算公开报告\n" in text

    def test_running_header_without_year(self) -> None:
        """A report without a year gets a running header without a stray 年."""
        report = attrs.evolve(small_report(), year=None)
        text = render_tables(report, artefacts=True)
        assert "\n测试单位单位预算公开报告\n" in text

    def test_amounts_never_in_exponent_form(self) -> None:
        """An amount held with an exponent (Decimal('1E+3')) prints as plain digits."""
        t = Table(kind=TableKind.EXPENDITURE, number="3", title="2024年预算支出总表",
                  unit=Unit.YUAN, blocks=[Block("", cols("total", "basic", "project"), [
                      Row("合计", [D("1E+3"), D("1E+3"), None], kind=RowKind.TOTAL)])])
        text = render_tables(one_table_report(t))
        assert "合计 1000 1000\n" in text
        got, findings = read_one(text)
        assert findings == []
        assert got.block().rows[0].values == (D(1000), D(1000), None)

    def test_two_sided_blocks_by_position(self) -> None:
        """A two-sided table whose blocks are not named income/expenditure is still rendered,
        income first."""
        report = small_report()
        t = report.table(TableKind.SUMMARY)
        assert t is not None
        renamed = attrs.evolve(t, blocks=[attrs.evolve(b, name="") for b in t.blocks])
        got, _ = read_one(render_tables(one_table_report(renamed)))
        assert_same_tables([t], [got])


class TestRenderReport:
    def test_parts_and_tables(self) -> None:
        """The whole report starts with the overview and the tables' part heading, and its
        tables read back the same."""
        report = attrs.evolve(small_report(), overview=Overview(
            duties=("负责本单位预算编制。", "承办交办事项。"), organisation="内设办公室。"))
        text = render_report(report, artefacts=True)
        assert text.startswith("第一部分 概况\n一、单位职责\n1、负责本单位预算编制。\n2、承办交办事项。\n"
                               "二、机构设置情况\n内设办公室。\n第二部分 2024年单位预算报表\n")
        tables, findings = read_tables(text)
        assert findings == []
        assert_same_tables(report.tables, tables)


class TestOrdinal:
    @pytest.mark.parametrize(
        ("n", "text"),
        [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"), (20, "二十"), (23, "二十三"),
         (30, "三十")],
    )
    def test_ordinals(self, n: int, text: str) -> None:
        """Labels of two-sided tables are numbered 一、… 三十、 as printed."""
        assert _ordinal(n) == text


def test_built_rows_have_one_value_per_column() -> None:
    """Every row of a built report has one value per column of its block, as Row documents
    (the reader always gives one; the comparisons above pad to match)."""
    report = small_report()
    assert all(len(r.values) == len(b.columns) for t in report.tables for b, r in t.rows())
