"""Tests for govbudget._serialise: the lossless JSON form and the tidy CSV of table cells."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

import cattrs
import pytest

from govbudget import (
    Assets,
    Block,
    Change,
    Column,
    Fact,
    FactKind,
    Finding,
    FundingLine,
    GovBudgetError,
    Indicator,
    Location,
    Money,
    Narrative,
    NarrativeSection,
    Overview,
    PerformanceTable,
    Procurement,
    Report,
    Row,
    RowKind,
    Severity,
    Table,
    TableKind,
    TableSet,
    Unit,
)
from govbudget._serialise import (
    CSV_COLUMNS,
    SerialisationError,
    configure_converter,
    dumps,
    loads,
    make_converter,
    table_cells,
    to_csv,
)
from govbudget.testing import build_report

from .ingest_helpers import sample_report

D = Decimal


def small_report(table_set: TableSet = TableSet.SHANXI_13) -> Report:
    return build_report(
        leaves=[("2010101", D("1000000"), D("0")), ("2010102", D("0"), D("300000"))],
        economic=[("30101", D("700000")), ("30217", D("300000"))],
        projects=[("会议经费", D("300000"))], table_set=table_set)


def full_report() -> Report:
    """A report using every model, with findings and related locations."""
    loc = Location(section="预算支出总表", table="expenditure", row_code="201", column="total",
                   line=234)
    return Report(
        source="x.txt", unit_name="某县教育局", year=2025, table_set=TableSet.MOF_9,
        overview=Overview(duties=("负责教育工作。",), organisation="内设三个科室。", line=3),
        tables=(Table(kind=TableKind.EXPENDITURE, number="3", title="2025年部门支出总表",
                      unit=Unit.YUAN, unit_name="某县教育局", line=10, note="注：单位元",
                      blocks=(Block("", (Column("total", "合计"), Column("basic", "基本支出")),
                                    (Row("合计", (D("1000"), None), kind=RowKind.TOTAL, line=12),
                                     Row("教育支出", (D("1000"), D("0")), code="205", level=1,
                                         line=13))),)),),
        narrative=Narrative(
            sections=(NarrativeSection("一、收支预算总体情况", "收入总计1000元。", line=40),),
            facts=(Fact("预算收入总计", FactKind.AMOUNT, D("2599.99"), "万元", line=41),
                   Fact("预算收入总计", FactKind.CHANGE_AMOUNT, D("465.54"), "万元",
                        direction=Change.DECREASE, compared_to=2023, qualifier="其中"))),
        performance=(PerformanceTable(
            project="会议经费", department_code="002", total_year=D("200000"),
            funding=(FundingLine("财政拨款", D("200000"), D("200000"), line=70),),
            indicators_year=(Indicator("产出指标", "数量指标", "会议次数", "≥3次", line=80),
                             Indicator("效益指标", "社会效益指标")), line=60, end_line=90),),
        procurement=Procurement(total=Money("12.50", Unit.WAN_YUAN), goods=Money("0", Unit.YUAN)),
        assets=Assets(as_of="2024年12月31日", vehicles=(("实有", 0),), floor_area=D("1093.42"),
                      equipment=(("单价100万元以上设备", 1),)),
        findings=(Finding(rule="table.sum.children", severity=Severity.ERROR, message="不符",
                          message_en="differs", location=loc, related=(loc,),
                          expected="2048.87万元", actual="2048.97万元", difference="0.10万元",
                          root=True),),
    )


class TestRoundTrip:
    def test_sample_tables(self) -> None:
        """The sample's 13 tables come back equal from their JSON."""
        report = sample_report()
        assert loads(dumps(report)) == report

    @pytest.mark.parametrize("table_set", [TableSet.SHANXI_13, TableSet.MOF_9])
    def test_built_reports(self, table_set: TableSet) -> None:
        """Built reports in both table sets come back equal."""
        report = small_report(table_set)
        assert loads(dumps(report)) == report

    def test_every_model(self) -> None:
        """A report using every model (narrative, performance, procurement, assets, findings)
        comes back equal, and writes the same JSON again."""
        report = full_report()
        text = dumps(report)
        assert loads(text) == report
        assert dumps(loads(text)) == text

    def test_compact_and_chinese(self) -> None:
        """indent=None writes one line; Chinese is written as is, not escaped."""
        text = dumps(small_report(), indent=None)
        assert "\n" not in text
        assert "测试单位" in text and "\\u" not in text


class TestDecimals:
    def test_amounts_are_strings_with_their_decimals(self) -> None:
        """Amounts are JSON strings as printed: 463.00 stays "463.00", never 463 or 463.0."""
        report = sample_report()
        data = json.loads(dumps(report))
        exp = data["tables"][2]["blocks"][0]
        row = next(r for r in exp["rows"] if r["code"] == "2010102")
        assert row["values"] == ["463.00", None, "463.00"]
        back = loads(dumps(report)).tables[2].block().row("2010102").values[0]
        assert back is not None and str(back) == "463.00"

    @pytest.mark.parametrize("text", ["463.00", "0.10", "0", "-0.00", "1E+3", "2599.990", "5E-7"])
    def test_exponent_kept(self, text: str) -> None:
        """Every Decimal comes back with its own digits and exponent."""
        report = Report(tables=[Table(kind=TableKind.EXPENDITURE, number="", title="",
                                      unit=Unit.WAN_YUAN,
                                      blocks=[Block("", [Column("total")], [Row("合计", [D(text)])])])])
        dumped = dumps(report)
        assert f'"{text}"' in dumped
        value = loads(dumped).tables[0].blocks[0].rows[0].values[0]
        assert value is not None and value.as_tuple() == D(text).as_tuple()

    def test_money_and_units(self) -> None:
        """Money is {'amount': str, 'unit': symbol} and comes back in its unit."""
        conv = make_converter()
        assert conv.unstructure(Money("12.50", Unit.WAN_YUAN)) == {"amount": "12.50", "unit": "万元"}
        m = conv.structure({"amount": "0.10", "unit": "元"}, Money)
        assert (str(m.amount), m.unit) == ("0.10", Unit.YUAN)
        assert conv.unstructure(Unit.YI_YUAN) == "亿元"


class TestRefused:
    def _data(self) -> Any:
        return json.loads(dumps(small_report()))

    def test_unknown_top_level_key(self) -> None:
        """An unknown key in the report is refused with SerialisationError naming it."""
        data = self._data()
        data["colour"] = "red"
        with pytest.raises(SerialisationError, match="colour"):
            loads(json.dumps(data))

    def test_unknown_nested_key(self) -> None:
        """An unknown key deep inside (a row) is refused, with its path."""
        data = self._data()
        data["tables"][2]["blocks"][0]["rows"][0]["comment"] = "x"
        with pytest.raises(SerialisationError, match=r"comment.*tables\[2\]"):
            loads(json.dumps(data))

    def test_unknown_money_key(self) -> None:
        """Money with a key other than amount and unit is refused."""
        data = json.loads(dumps(full_report()))
        data["procurement"]["total"]["currency"] = "CNY"
        with pytest.raises(SerialisationError, match="procurement"):
            loads(json.dumps(data))

    @pytest.mark.parametrize("text", ["", "{", '{"source": "x",}', "not json", "{'a': 1}"])
    def test_malformed_json(self, text: str) -> None:
        """Text that is not JSON raises SerialisationError, a GovBudgetError and ValueError."""
        with pytest.raises(SerialisationError, match="not JSON") as info:
            loads(text)
        assert isinstance(info.value, GovBudgetError)
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize("text", ["null", "3"])
    def test_not_an_object(self, text: str) -> None:
        """JSON that is not an object is refused."""
        with pytest.raises(SerialisationError):
            loads(text)

    @pytest.mark.parametrize("text", ["[]", '"x"'])
    def test_list_or_string_refused(self, text: str) -> None:
        """A JSON list or string is not a report: SerialisationError."""
        with pytest.raises(SerialisationError):
            loads(text)

    @pytest.mark.parametrize(
        ("path", "value", "match"),
        [
            (("tables", 0, "kind"), "bogus", "TableKind"),
            (("tables", 0, "unit"), "美元", "unit"),
            (("tables", 0, "blocks", 0, "rows", 0, "values", 0), "NaN", "values"),
            (("tables", 0, "blocks", 0, "rows", 0, "values", 0), "abc", "values"),
            (("tables", 0, "blocks", 0, "rows", 0, "values", 0), True, "values"),
            (("year",), "abc", "year"),
            (("tables",), 5, "tables"),
        ],
    )
    def test_bad_values(self, path: tuple[str | int, ...], value: object, match: str) -> None:
        """Bad enum values, units, amounts (NaN, words, booleans) and types are refused."""
        data = self._data()
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        with pytest.raises(SerialisationError, match=match):
            loads(json.dumps(data))

    def test_missing_field(self) -> None:
        """A required field left out is refused."""
        data = self._data()
        del data["tables"][0]["title"]
        with pytest.raises(SerialisationError, match="title"):
            loads(json.dumps(data))


class TestConverter:
    def test_new_converter_each_time(self) -> None:
        """make_converter() gives a fresh converter, never the global one."""
        a, b = make_converter(), make_converter()
        assert a is not b
        assert a is not cattrs.global_converter

    def test_configure_any_converter(self) -> None:
        """configure_converter() teaches another converter Decimal-as-string."""
        conv = cattrs.Converter()
        configure_converter(conv)
        assert conv.unstructure(D("1.10")) == "1.10"
        assert conv.structure("1.10", Decimal) == D("1.10")

    @pytest.mark.parametrize("value", [1.5, True, None, [1]])
    def test_decimal_refuses_non_strings(self, value: object) -> None:
        """A float, bool or other non-string is not turned into an amount."""
        with pytest.raises(TypeError):
            make_converter().structure(value, Decimal)

    def test_decimal_from_int(self) -> None:
        """A whole number is accepted as an amount."""
        assert make_converter().structure(12, Decimal) == D(12)


class TestCsv:
    def test_header(self) -> None:
        """The CSV header is CSV_COLUMNS."""
        first = to_csv(small_report()).splitlines()[0]
        assert first.split(",") == list(CSV_COLUMNS)

    def test_one_row_per_non_blank_cell(self) -> None:
        """There is one record per non-blank cell of every table, none for blank cells."""
        report = sample_report()
        cells = list(table_cells(report))
        expected = sum(1 for t in report.tables for _, r in t.rows() for v in r.values
                       if v is not None)
        assert len(cells) == expected
        assert all(c["amount"] for c in cells)
        assert len(to_csv(report).splitlines()) == expected + 1

    def test_cell_fields(self) -> None:
        """A record holds the report, table, row and column it comes from and the exact amount."""
        report = sample_report()
        cells = [c for c in table_cells(report)
                 if c["table"] == "expenditure" and c["row_code"] == "2010102"]
        assert cells == [
            {"source": "jincheng-npc-office-2024.txt",
             "unit_name": "晋城市人民代表大会常务委员会办公室", "year": "2024",
             "table": "expenditure", "table_number": "3", "table_title": "2024年预算支出总表",
             "block": "", "line": "240", "row_code": "2010102", "row_name": "一般行政管理事务",
             "gov_name": "", "level": "3", "row_kind": "data", "column": column,
             "column_label": label, "amount": "463.00", "unit": "万元"}
            for column, label in (("total", "合计"), ("project", "项目支出"))
        ]

    def test_blank_report_fields(self) -> None:
        """A report without year or unit name gives empty fields, not 'None'."""
        report = Report(tables=[Table(kind=TableKind.EXPENDITURE, number="", title="t",
                                      unit=Unit.YUAN, blocks=[Block("income", [Column("total")],
                                                                    [Row("合计", [D("5")])])])])
        (cell,) = table_cells(report)
        assert (cell["year"], cell["unit_name"], cell["line"], cell["level"], cell["block"]) == (
            "", "", "", "", "income")

    def test_reads_back_with_csv_module(self) -> None:
        """The CSV parses back into the same records, Chinese and commas intact."""
        report = sample_report()
        rows = list(csv.DictReader(io.StringIO(to_csv(report))))
        assert rows == list(table_cells(report))

    def test_many_reports_and_no_header(self) -> None:
        """Several reports go into one CSV; header=False leaves the header out."""
        a, b = small_report(), sample_report()
        text = to_csv([a, b], header=False)
        assert len(text.splitlines()) == len(list(table_cells(a))) + len(list(table_cells(b)))
        assert not text.startswith("source,")

    def test_to_stream(self) -> None:
        """With out= the CSV is written to the stream and '' is returned."""
        buf = io.StringIO()
        assert to_csv(small_report(), buf) == ""
        assert buf.getvalue() == to_csv(small_report())


class TestToDataframe:
    def test_frame(self) -> None:
        """to_dataframe gives one row per cell with exact Decimal amounts."""
        pd = pytest.importorskip("pandas")
        import decimal

        import govbudget

        from .ingest_helpers import SAMPLE

        df = govbudget.to_dataframe(govbudget.read_report(SAMPLE))
        assert list(df.columns) == list(govbudget._serialise.CSV_COLUMNS)
        assert len(df) == len(list(govbudget.table_cells(govbudget.read_report(SAMPLE))))
        assert all(isinstance(v, decimal.Decimal) for v in df["amount"])
        assert str(df["year"].dtype) == "Int64"
        assert isinstance(df, pd.DataFrame)

    def test_without_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas the error says how to install it."""
        import builtins

        import govbudget

        real = builtins.__import__

        def fake(name: str, *args: object, **kw: object) -> object:
            if name == "pandas":
                raise ImportError("no pandas")
            return real(name, *args, **kw)  # type: ignore[arg-type]

        monkeypatch.setattr(builtins, "__import__", fake)
        with pytest.raises(govbudget.GovBudgetError, match="govbudget\\[pandas\\]"):
            govbudget.to_dataframe([])
