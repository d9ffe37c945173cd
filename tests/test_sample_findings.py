"""Every finding govbudget reports on the bundled sample, each with its verdict.

The sample is a real published report. This module pins the complete list of findings so
that a change in the rules that adds or drops one is noticed and explained here. Each
entry says whether the finding is a genuine inconsistency of the published report.
"""

from __future__ import annotations

from collections import Counter

import pytest

import govbudget
from govbudget import Severity

from .ingest_helpers import SAMPLE

# (rule, severity, line): verdict
EXPECTED = {
    ("narrative.performance", "error", 892):
        "genuine: 特定目标类项目0个 but 涉及项目金额894.11万元 (the other category's amount "
        "copied); the same slip makes the category amounts (894.11 + 894.11) miss the "
        "stated total 894.11, reported as a knock-on on the same line",
    ("performance.cost_indicator", "error", 2169):
        "genuine: 人民代表大会会议经费 states a cost indicator of 255.6万元 against funds of "
        "2,250,000元 (the overview computes 225.6万元: digits transposed)",
    ("performance.itemised_costs", "warning", 1088):
        "genuine: 办公桌椅书柜购置 lists 1.98+1.2+1.268+2.592+3.6 = 10.64万元 against 合计10万元整",
    ("performance.quantity_vs_overview", "warning", 1434):
        "genuine: 代表之声 targets ≤24期 but its implementation plan says 48期",
    ("performance.columns_differ", "warning", 1829):
        "genuine: a typo in one column only, 狗购置会议有线话筒 vs 购置会议有线话筒",
    ("performance.name_unit", "warning", 1833):
        "genuine: 更换会议室座椅（套） has the value ≤55把",
    ("performance.overview_total", "warning", 2102):
        "genuine: the overview computes 6×800×470 = 225.6万元, 6,000元 above the funds",
    ("performance.quantity_vs_overview", "warning", 2161):
        "genuine: 会议天数 5天 while the overview says 会期约为6天",
    ("table.economic.totals", "info", 520):
        "rounding, not an error: the seven 商品和服务支出 items add up to 210.59 against a "
        "printed 210.60, within the ±0.03 seven rounded figures allow (合计 and 公用经费)",
    ("performance.cost_indicator", "info", 2401):
        "observation: ≤200元/人/天 against 每人每年约2400元 in the overview (天 probably "
        "a slip for 月)",
    ("reading.repaired_number", "info", None):
        "reading: the PDF broke each performance table's two totals across lines "
        "(500,00 / 0); joined and reported, 26 times",
}


@pytest.fixture(scope="module")
def findings() -> tuple[govbudget.Finding, ...]:
    return govbudget.check_report(govbudget.read_report(SAMPLE)).findings


def test_every_finding_is_explained(findings: tuple[govbudget.Finding, ...]) -> None:
    """Each finding on the sample is one of the explained ones, and each explained one is
    found."""
    seen = set()
    for f in findings:
        key = (f.rule, f.severity.value, None if f.rule.startswith("reading.") else f.location.line)
        assert key in EXPECTED, (key, f.message)
        seen.add(key)
    assert seen == set(EXPECTED)


def test_counts(findings: tuple[govbudget.Finding, ...]) -> None:
    """Three errors (two genuine slips, one a knock-on), six warnings."""
    by = Counter(f.severity for f in findings)
    assert by[Severity.ERROR] == 3 and by[Severity.WARNING] == 6
    roots = [f for f in findings if f.root]
    knock = [f for f in findings if f.knock_on_of]
    assert len(roots) == 1 and len(knock) == 1 and knock[0].knock_on_of == roots[0].key


def test_every_error_has_figures(findings: tuple[govbudget.Finding, ...]) -> None:
    """Every error says what was expected, what was found and the difference."""
    for f in findings:
        if f.severity is Severity.ERROR:
            assert f.expected and f.actual and f.difference


def test_nothing_consistent_is_an_error(findings: tuple[govbudget.Finding, ...]) -> None:
    """No table, cross-table or code rule reports an error: the sample's tables agree."""
    assert not [f for f in findings if f.severity is Severity.ERROR
                and f.rule.split(".")[0] in ("table", "cross", "codes")]
