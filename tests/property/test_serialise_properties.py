"""Property tests: the JSON form of a report is lossless."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget import (
    Assets,
    Block,
    Change,
    Column,
    Fact,
    FactKind,
    Finding,
    FundingLine,
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
from govbudget._serialise import dumps, loads
from govbudget.testing import consistent_reports

pytestmark = pytest.mark.property

finite = st.decimals(allow_nan=False, allow_infinity=False)
text = st.text(max_size=6)
opt_text = st.none() | text
lines = st.none() | st.integers(1, 10**6)
money = st.builds(Money, finite, st.sampled_from(Unit))

locations = st.builds(Location, section=text, table=opt_text, row_code=opt_text,
                      row_name=opt_text, column=opt_text, line=lines)
findings = st.builds(Finding, rule=text, severity=st.sampled_from(Severity), message=text,
                     message_en=text, location=locations,
                     related=st.lists(locations, max_size=2), expected=opt_text,
                     actual=opt_text, difference=opt_text, root=st.booleans(),
                     knock_on_of=opt_text)
rows = st.builds(Row, name=text, values=st.lists(st.none() | finite, max_size=4),
                 code=opt_text, level=st.none() | st.integers(1, 4),
                 kind=st.sampled_from(RowKind), gov_name=opt_text, line=lines)
blocks = st.builds(Block, name=text, columns=st.lists(st.builds(Column, text, text), max_size=3),
                   rows=st.lists(rows, max_size=3))
tables = st.builds(Table, kind=st.sampled_from(TableKind), number=text, title=text,
                   unit=st.sampled_from(Unit), blocks=st.lists(blocks, max_size=2),
                   unit_name=opt_text, empty=st.booleans(), note=opt_text, line=lines)
facts = st.builds(Fact, subject=text, kind=st.sampled_from(FactKind), value=finite, unit=text,
                  sentence=text, line=lines, section=text,
                  direction=st.none() | st.sampled_from(Change),
                  compared_to=st.none() | st.integers(1990, 2100), qualifier=opt_text)
narratives = st.builds(Narrative,
                       sections=st.lists(st.builds(NarrativeSection, title=text, text=text,
                                                   line=lines), max_size=2),
                       facts=st.lists(facts, max_size=3))
indicators = st.builds(Indicator, level1=text, level2=text, name=text, value=text, line=lines)
performance = st.builds(
    PerformanceTable, project=text, department=text, department_code=opt_text,
    unit=st.sampled_from(Unit), total_period=st.none() | finite, total_year=st.none() | finite,
    funding=st.lists(st.builds(FundingLine, source=text, period=st.none() | finite,
                               year=st.none() | finite, line=lines), max_size=2),
    overview=text, goal_year=text, indicators_period=st.lists(indicators, max_size=2),
    indicators_year=st.lists(indicators, max_size=2), filled_on=opt_text, line=lines,
    end_line=lines)
procurements = st.builds(Procurement, total=st.none() | money, goods=st.none() | money,
                         works=st.none() | money, services=st.none() | money, line=lines)
counts = st.lists(st.tuples(text, st.integers(0, 10**4)), max_size=2)
assets = st.builds(Assets, as_of=opt_text, vehicles=counts, floor_area=st.none() | finite,
                   equipment=counts, line=lines)
any_reports = st.builds(
    Report, source=text, unit_name=opt_text, year=st.none() | st.integers(1900, 2100),
    table_set=st.sampled_from(TableSet),
    overview=st.builds(Overview, duties=st.lists(text, max_size=2), organisation=text, line=lines),
    tables=st.lists(tables, max_size=2), narrative=narratives,
    performance=st.lists(performance, max_size=1), procurement=st.none() | procurements,
    assets=st.none() | assets, findings=st.lists(findings, max_size=2))


def _decimals(report: Report) -> list[str]:
    return [str(v) for t in report.tables for _, r in t.rows() for v in r.values]


@given(st.one_of(consistent_reports(), consistent_reports(rounded=True),
                 consistent_reports(table_set=TableSet.MOF_9)))
def test_consistent_reports_round_trip(report: Report) -> None:
    """loads(dumps(r)) == r for consistent reports, every amount with its printed decimals."""
    back = loads(dumps(report))
    assert back == report
    assert _decimals(back) == _decimals(report)


@given(any_reports)
def test_any_report_round_trips(report: Report) -> None:
    """Any report (every model, any finite amount, any text) survives the JSON form exactly:
    equal, and written again to the same JSON (so every Decimal keeps its exponent)."""
    text_ = dumps(report)
    back = loads(text_)
    assert back == report
    assert dumps(back) == text_


@given(finite)
def test_amount_exponent_kept(value: Decimal) -> None:
    """A Decimal amount comes back with the same digits and exponent."""
    report = Report(tables=[Table(kind=TableKind.EXPENDITURE, number="", title="", unit=Unit.YUAN,
                                  blocks=[Block("", [Column("total")], [Row("合计", [value])])])])
    back = loads(dumps(report)).tables[0].blocks[0].rows[0].values[0]
    assert back is not None
    assert back.as_tuple() == value.as_tuple()
