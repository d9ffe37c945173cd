"""Self-evaluation rules (`checks.performance._self_evaluation`): generated consistent tables raise
nothing, any single changed figure is caught; the findings on central-xfj-2024-final are
pinned with their verdicts."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import (
    EvaluationFunding,
    Report,
    ScoredIndicator,
    SelfEvaluation,
    Severity,
    check_report,
    read_report,
)
from govbudget.checks import Category, registry

REAL = Path(__file__).parent / "data" / "real"
D = Decimal
RULES = ("performance.self_evaluation.execution_rate", "performance.self_evaluation.rate_score",
         "performance.self_evaluation.score_weight", "performance.self_evaluation.total",
         "performance.self_evaluation.scoring", "performance.self_evaluation.narrative")


def _q(x: Decimal, places: str) -> Decimal:
    return x.quantize(D(places), ROUND_HALF_UP)


def findings(e: SelfEvaluation) -> list[tuple[str, Severity]]:
    r = Report(self_evaluations=(e,))
    return sorted((f.rule, f.severity) for f in check_report(r).findings
                  if f.rule.startswith("performance.self_evaluation."))


@st.composite
def evaluations(draw: st.DrawFn) -> SelfEvaluation:
    """A table whose figures agree: rate = executed / budget (2 decimals), funding score =
    weight × rate (1 decimal), indicators met at full weight, totals the sums."""
    # At least 100.00: a tiny budget (0.01) stands for so wide a range that any rate fits.
    budget = (D(draw(st.integers(10**4, 10**7))) / 100).quantize(D("0.01"))
    executed = (D(draw(st.integers(0, int(budget * 100)))) / 100).quantize(D("0.01"))
    rate = _q(executed / budget * 100, "0.01")
    fweight = D(10)
    fscore = _q(fweight * rate / 100, "0.1")
    weights = draw(st.lists(st.integers(1, 30), min_size=1, max_size=6))
    inds = []
    for k, w in enumerate(weights):
        target = draw(st.integers(1, 500))
        actual = target + draw(st.integers(0, 50))
        inds.append(ScoredIndicator("产出指标", "数量指标", f"指标{k}", f"≥{target}人", f"{actual}人",
                                    D(w), D(w), line=20 + k))
    return SelfEvaluation(
        "某项目", funding=(EvaluationFunding("年度资金总额", budget, budget, executed, fweight,
                                             f"{rate}%", fscore, line=5),),
        indicators=tuple(inds), total_weight=fweight + sum(D(w) for w in weights),
        total_score=fscore + sum(D(w) for w in weights), line=1, total_line=40)


@settings(max_examples=80, deadline=None)
@given(evaluations())
def test_a_consistent_table_raises_nothing(e: SelfEvaluation) -> None:
    assert findings(e) == []


@settings(max_examples=80, deadline=None)
@given(evaluations(), st.sampled_from(["executed", "rate", "score", "total_weight", "total_score",
                                       "indicator_score"]), st.integers(1, 9))
def test_any_changed_figure_is_caught(e: SelfEvaluation, what: str, k: int) -> None:
    f = e.funding[0]
    assert f.budget is not None and f.executed is not None and f.score is not None
    if what == "executed":
        # Beyond what rounding of the rate explains (0.005% of the budget, and a cent).
        bump = max(f.budget * D("0.0002") * k, D("0.02") * k)
        if f.executed + bump > f.budget:
            bump = -bump
        if f.executed + bump < 0:
            return
        e = attrs.evolve(e, funding=(attrs.evolve(f, executed=f.executed + bump),))
        expected = "performance.self_evaluation.execution_rate"
    elif what == "rate":
        rate = D(f.rate.rstrip("%")) if f.rate else D(0)
        new = rate + D(k) if rate + k <= 100 else rate - D(k)
        e = attrs.evolve(e, funding=(attrs.evolve(f, rate=f"{new:.2f}%"),))
        expected = "performance.self_evaluation.execution_rate"
    elif what == "score":
        e = attrs.evolve(e, funding=(attrs.evolve(f, score=f.score + D(k) / 10 + D("0.1")),),
                         total_score=(e.total_score or D(0)) + D(k) / 10 + D("0.1"))
        expected = "performance.self_evaluation.rate_score"
    elif what == "total_weight":
        e = attrs.evolve(e, total_weight=(e.total_weight or D(0)) + k)
        expected = "performance.self_evaluation.total"
    elif what == "total_score":
        e = attrs.evolve(e, total_score=(e.total_score or D(0)) - k)
        expected = "performance.self_evaluation.total"
    else:
        i = e.indicators[0]
        assert i.score is not None
        e = attrs.evolve(e, indicators=(attrs.evolve(i, score=i.score - D(k) / 10), *e.indicators[1:]))
        expected = "performance.self_evaluation.total"
    assert expected in {rule for rule, _ in findings(e)}


def test_a_score_above_its_weight_and_a_missed_target_at_full_score() -> None:
    e = SelfEvaluation("某项目", indicators=(
        ScoredIndicator("产出指标", "数量指标", "培训人数", "≥100人", "80人", D(10), D(10), line=3),
        ScoredIndicator("产出指标", "数量指标", "培训班次", "≥4期", "4期", D(10), D(12), line=4)))
    assert findings(e) == [("performance.self_evaluation.score_weight", Severity.WARNING),
                           ("performance.self_evaluation.scoring", Severity.WARNING)]


def test_the_placeholder_rate_of_an_unscored_row_is_info() -> None:
    e = SelfEvaluation("某项目", funding=(
        EvaluationFunding("财政拨款", D("140.61"), D("140.61"), D("140.61"), None, "0.0%", None),))
    assert findings(e) == [("performance.self_evaluation.execution_rate", Severity.INFO)]


def test_the_rules_are_registered() -> None:
    reg = registry()
    for rid in RULES:
        assert reg[rid].category is Category.PERFORMANCE and reg[rid].doc


@cache
def central() -> Report:
    return read_report(REAL / "central-xfj-2024-final.txt")


def test_central_findings_with_verdicts() -> None:
    """central-xfj-2024-final, every self-evaluation finding with its verdict:

    - the rates of the four 年度资金总额 rows (100.00%, 77.13% = 413.57 / 536.2, 100%,
      63.01% = 1032.99 / 1639.34) and their scores (10, 7.7, 10, 6.3 = 10 × rate) agree:
      nothing;
    - the parts (其中：财政拨款, 上年结转) print 执行率 0.0% with 分值 and 得分 ``--``: the
      central template leaves unscored rows at 0.0% (141 / 141 executed is 100%): seven
      ``info`` findings (其他资金 rows are 0 / 0: not checkable);
    - 资产运行维护 L961 来访群众针对接待环境的投诉次数 ≤4次, actual 4次, 9 of 10: the target
      is met but a point is taken (its 偏差原因 says the reception environment can improve):
      genuine, a warning (scoring by judgement is allowed by the rules, standards §2);
    - its 总分 100 / 98 is the sum of the funding row and the nine indicators: nothing; the
      four 总分 rows (100/98, 100/94.7, 100/98, 100/90.5) all are the sums of their rows;
    - the narrative (L675) says 信息化运行维护 scored 88.5 while its table's 总分 is 90.5 =
      6.3 + 20 + 10 + 10 + 7.1 + 8.8 + 9 + 10 + 9.3: genuine, an error (located at the
      section, L643). The narrative's budgets, executions and rates (77.1%, 100.0%, 63.0%)
      agree with the tables.
    """
    got = sorted((f.rule, f.severity.value, f.location.line) for f in check_report(central()).findings
                 if f.rule.startswith("performance.self_evaluation."))
    assert got == sorted(
        [("performance.self_evaluation.execution_rate", "info", n)
         for n in (718, 721, 818, 821, 915, 997, 1000)]
        + [("performance.self_evaluation.scoring", "warning", 961),
           ("performance.self_evaluation.narrative", "error", 643)])


def test_the_narrative_summary_against_the_table() -> None:
    from govbudget import Narrative, NarrativeSection

    e = SelfEvaluation("甲项目", funding=(EvaluationFunding(
        "年度资金总额", D("100.00"), D("100.00"), D("80.00"), D(10), "80.00%", D(8), line=5),),
        indicators=(ScoredIndicator("", "", "人数", "≥1人", "1人", D(90), D(90), line=8),),
        total_weight=D(100), total_score=D(98), line=1, total_line=9)
    ok = "1.甲项目绩效自评综述：项目自评得分为 98 分。全年预算数为 100.00 万元，执行数为 80.00 万元，完成预算的 80.0%。"
    bad = ok.replace("98 分", "96 分").replace("80.0%", "85.0%").replace("执行数为 80.00", "执行数为 81.00")

    def rules(text: str) -> list[str]:
        r = Report(self_evaluations=(e,), narrative=Narrative(sections=(
            NarrativeSection("（二）项目绩效自评结果", text, line=3),)))
        return sorted(f.message for f in check_report(r).findings
                      if f.rule == "performance.self_evaluation.narrative")

    assert rules(ok) == []
    assert len(rules(bad)) == 3
