"""Tests for govbudget.checks.performance._funding: project_amount and funding_sum on
hand-made tables and reports."""

from __future__ import annotations

import attrs

from govbudget import Block, Column, Row, Table, TableKind, Unit
from govbudget._findings import Severity
from govbudget._report import FundingLine

from .performance_helpers import (
    D,
    alone,
    funding,
    lines_of,
    run,
    table,
    with_list,
)

# -- project_amount ------------------------------------------------------------------------


def test_project_amount_agrees_across_units() -> None:
    r = with_list(table("会议经费", D("200000")), table("培训经费", D("10"), unit=Unit.WAN_YUAN))
    assert run(r, "performance.project_amount") == []


def test_project_amount_rounding_gap_is_info() -> None:
    # 123,456 元 is printed 12.35 万元 in the list: a gap rounding explains
    r = with_list(table("会议经费", D("123456")),
                  projects=(("会议经费", D("123456")),))
    (f,) = run(r, "performance.project_amount")
    assert f.severity is Severity.INFO and "四舍五入" in f.message


def test_project_amount_mismatch_is_an_error_at_the_table() -> None:
    r = with_list(table("会议经费", D("210000"), line=300), table("培训经费", D("100000")))
    (f,) = run(r, "performance.project_amount")
    assert f.severity is Severity.ERROR
    assert f.location.row_name == "会议经费" and f.location.section == "performance"
    assert f.location.line == 300 and f.location.column == "年度资金总额"
    assert f.difference == "10000.00元"
    assert any(x.table == "projects" for x in f.related)


def test_project_amount_missing_on_either_side_is_a_warning() -> None:
    r = with_list(table("宣传经费", D("50000"), line=40))
    fs = run(r, "performance.project_amount")
    assert sorted((f.severity.value, f.location.row_name, f.code) for f in fs) == [
        ("warning", "会议经费", "performance.project_amount.no_table"),
        ("warning", "培训经费", "performance.project_amount.no_table"),
        ("warning", "宣传经费", "performance.project_amount.unlisted")]
    unit_row = [f for f in fs if f.location.row_name == "测试单位"]
    assert unit_row == []  # the unit's own row is not a project


def test_project_amount_near_name_is_named_and_compared() -> None:
    r = with_list(table("会议经费（市级）", D("200000")), table("培训经费", D("100000")))
    fs = run(r, "performance.project_amount")
    assert [(f.severity, f.code) for f in fs] == [
        (Severity.WARNING, "performance.project_amount.renamed")]
    assert "会议经费" in fs[0].message
    r = with_list(table("会议经费（市级）", D("250000")), table("培训经费", D("100000")))
    assert sorted(f.severity.value for f in run(r, "performance.project_amount")) == [
        "error", "warning"]


def test_project_amount_counts_the_carry_over() -> None:
    r = with_list(table("会议经费", D("250000")), table("培训经费", D("100000")))
    carry = Table(kind=TableKind.PROJECTS_CARRYOVER, number="13", title="上年结转",
                  unit=Unit.WAN_YUAN,
                  blocks=[Block("", [Column("total", "合计")], [Row("会议经费", [D("5.00")],
                                                                  level=2)])])
    tables = [t for t in r.tables if t.kind is not TableKind.PROJECTS_CARRYOVER] + [carry]
    assert run(attrs.evolve(r, tables=tables), "performance.project_amount") == []


# -- funding_sum -----------------------------------------------------------------------------


def test_funding_sum_passes_and_fails() -> None:
    ok = table(fund=funding(D("200000"), other=None))
    assert run(alone(ok), "performance.funding_sum") == []
    bad = table(fund=funding(D("150000")))
    fs = run(alone(bad), "performance.funding_sum")
    assert [f.severity for f in fs] == [Severity.ERROR, Severity.ERROR]  # both columns
    assert {f.location.column for f in fs} == {"实施期资金总额", "年度资金总额"}
    assert all(11 in lines_of(f) for f in fs)


def test_funding_sum_in_wan_yuan_and_blank_cells() -> None:
    fund = (FundingLine("中央财政资金", D("12.50"), D("5.00"), 20),
            FundingLine("单位自筹", None, None, 21))
    t = table("会议经费", D("5.00"), total_period=D("12.50"), unit=Unit.WAN_YUAN, fund=fund,
              duration="3年")
    assert run(alone(t), "performance.funding_sum") == []
    t2 = attrs.evolve(t, funding=(fund[0], FundingLine("单位自筹", None, D("1.00"), 21)))
    (f,) = run(alone(t2), "performance.funding_sum")
    assert f.location.column == "年度资金总额" and f.difference == "-1.00万元"


def test_funding_sum_year_cannot_exceed_the_period() -> None:
    fund = (FundingLine("市级财政资金", D("100"), D("120"), 30),)
    t = table("会议经费", D("120"), total_period=D("100"), fund=fund)
    fs = run(alone(t), "performance.funding_sum")
    assert sorted((f.location.column, f.severity.value) for f in fs) == [
        ("市级财政资金（年度）", "error"), ("年度资金总额", "error")]


def test_funding_sum_skips_a_column_nobody_filled() -> None:
    fund = (FundingLine("市级财政资金", None, None, 30), FundingLine("其他资金", None, None, 31))
    assert run(alone(table("会议经费", D("120"), fund=fund)), "performance.funding_sum") == []


def test_funding_sum_skips_a_table_with_a_figure_not_read() -> None:
    """A source whose figure the reader could not place (``财政拨款 21.50况（万元）`` glued
    to a wrapped label) is reported by the reader; the remaining sources are not added up
    against the total as if it were blank."""
    from govbudget._findings import Finding, Location

    t = table("会议经费", D("21.50"), fund=(FundingLine("其他资金", None, D("0.00"), 110),))
    t = attrs.evolve(t, field_lines=(("project", 101), ("funding", 105), ("goals", 115),
                                     ("grid", 120)))
    assert [f.rule for f in run(alone(t), "performance.funding_sum")] == [
        "performance.funding_sum"]
    unread = Finding(rule="reading.unplaced_figure", severity=Severity.WARNING,
                     message="无法对应的数字", message_en="figure not placed",
                     location=Location(section="performance", line=109))
    r = attrs.evolve(alone(t), findings=(unread,))
    assert run(r, "performance.funding_sum") == []
    # a figure not placed outside the funding block (in the grid, line 130; a telephone
    # number under the footer) leaves the sums checked
    outside = attrs.evolve(unread, location=Location(section="performance", line=130))
    assert len(run(attrs.evolve(alone(t), findings=(outside,)), "performance.funding_sum")) == 1
