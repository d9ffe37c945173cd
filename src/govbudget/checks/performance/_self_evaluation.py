"""Self-evaluation rules (绩效自评表 of final accounts).

- ``performance.self_evaluation.execution_rate``: 执行率 = 全年执行数 / 全年预算数, with the amounts and the
  rate taken as the intervals their printed digits stand for (`govbudget.Interval`); a
  row without a score (分值 ``--``) that prints ``0.0%`` is the template's placeholder
  (info).
- ``performance.self_evaluation.rate_score``: the funding row's 得分 against 分值 × 执行率 (capped at
  分值), as the central rule scores budget execution; regional rules differ: a warning.
- ``performance.self_evaluation.score_weight``: a 得分 above its 分值.
- ``performance.self_evaluation.total``: the 分值 and the 得分 of the scored rows (the funding total
  and every indicator) add up to the 总分 row; only over a table read whole.
- ``performance.self_evaluation.scoring``: the indicator's 得分 against `govbudget.indicators.evaluate`
  of its 实际完成值 on its 指标值, where both parse (a warning: scoring rules differ).
- ``performance.self_evaluation.narrative``: the narrative's summary of a project
  (自评得分为X分, 全年预算数, 执行数, 完成预算的X%) against its table; the score only when
  the table's rows add up to its 总分 (the reading is sure).

```pycon
>>> from decimal import Decimal
>>> from govbudget import EvaluationFunding
>>> row = EvaluationFunding("年度资金总额", budget=Decimal("536.2"), executed=Decimal("413.57"),
...                         weight=Decimal("10.0"), rate="77.13%", score=Decimal("7.7"))
>>> _rate_fits(row)
True

```
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..._chars import NUMBER
from ..._findings import Finding, Location, Severity
from ..._lazy_re import lazy
from ..._money import Interval, round_half_up
from ..._report import EvaluationFunding, Report, SelfEvaluation
from ...indicators import evaluate, parse_indicator_value
from ...indicators._model import Unparsed
from .._context import Context
from .._registry import Category, RuleSet

RULES = RuleSet()

_SECTION: Final = "self_evaluation"
_RATE: Final = lazy(r"^(-?\d+(?:\.(\d+))?)%$")


def _has(report: Report) -> bool:
    return bool(report.self_evaluations)


def _quantum(d: Decimal) -> Decimal:
    exp = d.as_tuple().exponent
    return Decimal(1).scaleb(exp if isinstance(exp, int) and exp < 0 else 0)


def _rate(text: str | None) -> Decimal | None:
    m = _RATE.match((text or "").strip())
    return Decimal(m.group(1)) if m else None


def _rate_fits(row: EvaluationFunding) -> bool | None:
    """Does the printed rate stand for executed / budget? ``None`` when not checkable."""
    rate = _rate(row.rate)
    if rate is None or row.budget is None or row.executed is None or row.budget <= 0 \
            or row.executed < 0:
        return None
    budget = Interval.of_rounded(row.budget, _quantum(row.budget))
    if budget.lo <= 0:
        return None
    executed = Interval.of_rounded(row.executed, _quantum(row.executed))
    if executed.lo < 0:
        executed = Interval(Decimal(0), executed.hi)
    ratio = executed.divided_by(budget).scaled(Decimal(100))
    printed = Interval.of_rounded(rate, _quantum(rate))
    return ratio.intersects(printed)


def _loc(e: SelfEvaluation, line: int | None, column: str | None = None) -> Location:
    return Location(section=_SECTION, row_name=e.project or None, column=column, line=line)


@RULES.rule("performance.self_evaluation.execution_rate", title="执行率等于全年执行数除以全年预算数",
      title_en="Execution rate equals executed over full-year budget",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="self-evaluation funding rows with a budget, an execution figure and a rate",
      when=_has)
def execution_rate(ctx: Context) -> Iterator[Finding]:
    """Each funding row's 执行率 is its 全年执行数 over its 全年预算数 (rounding reasoned)."""
    for e in ctx.report.self_evaluations:
        for row in e.funding:
            fits = _rate_fits(row)
            if fits is not False:
                continue
            assert row.budget is not None and row.executed is not None
            actual = row.executed / row.budget * 100
            placeholder = _rate(row.rate) == 0 and row.weight is None and row.score is None
            sev = Severity.INFO if placeholder else Severity.ERROR
            why = "（未计分行的0.0%为模板占位）" if placeholder else ""
            why_en = " (0.0% on an unscored row: the template's placeholder)" if placeholder else ""
            yield Finding(
                rule="performance.self_evaluation.execution_rate", severity=sev,
                message=f"项目“{e.project}”{row.source}执行率{row.rate}，而全年执行数{row.executed}÷"
                        f"全年预算数{row.budget}={actual:.2f}%{why}",
                message_en=f"{e.project!r} {row.source}: rate {row.rate} but executed {row.executed}"
                           f" / budget {row.budget} = {actual:.2f}%{why_en}",
                location=_loc(e, row.line, "执行率"), expected=f"{actual:.2f}%",
                actual=row.rate)


@RULES.rule("performance.self_evaluation.rate_score", title="预算执行得分等于分值乘执行率",
      title_en="Budget-execution score equals weight times rate",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="self-evaluation funding rows with a weight, a rate and a score", when=_has)
def rate_score(ctx: Context) -> Iterator[Finding]:
    """The funding row's 得分 is 分值 × 执行率 (at most 分值), rounded as printed."""
    for e in ctx.report.self_evaluations:
        for row in e.funding:
            rate = _rate(row.rate)
            if row.weight is None or row.score is None or rate is None:
                continue
            expected = min(row.weight, row.weight * rate / 100)
            q = _quantum(row.score)
            lo = round_half_up(min(row.weight, row.weight * (rate - _quantum(rate) / 2) / 100), q)
            hi = round_half_up(expected if rate >= 100 else
                               min(row.weight, row.weight * (rate + _quantum(rate) / 2) / 100), q)
            if lo <= row.score <= hi:
                continue
            yield Finding(
                rule="performance.self_evaluation.rate_score", severity=Severity.WARNING,
                message=f"项目“{e.project}”预算执行得分{row.score}，按分值{row.weight}×执行率{row.rate}"
                        f"应为{round_half_up(expected, q)}（各地计分规则可能不同）",
                message_en=f"{e.project!r}: budget-execution score {row.score}, weight {row.weight}"
                           f" × rate {row.rate} gives {round_half_up(expected, q)} (rules differ"
                           " by region)",
                location=_loc(e, row.line, "得分"), expected=str(round_half_up(expected, q)),
                actual=str(row.score))


@RULES.rule("performance.self_evaluation.score_weight", title="得分不超过分值", title_en="A score does not exceed its weight",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="self-evaluation rows with a weight and a score", when=_has)
def score_weight(ctx: Context) -> Iterator[Finding]:
    """No 得分 is above its 分值."""
    for e in ctx.report.self_evaluations:
        rows = [(r.source, r.weight, r.score, r.line) for r in e.funding]
        rows += [(i.name, i.weight, i.score, i.line) for i in e.indicators]
        for name, weight, score, line in rows:
            if weight is not None and score is not None and score > weight:
                yield Finding(
                    rule="performance.self_evaluation.score_weight", severity=Severity.WARNING,
                    message=f"项目“{e.project}”“{name}”得分{score}高于分值{weight}",
                    message_en=f"{e.project!r} {name!r}: score {score} above weight {weight}",
                    location=_loc(e, line, "得分"), expected=f"≤{weight}", actual=str(score))


@RULES.rule("performance.self_evaluation.total", title="分值与得分合计等于总分", title_en="Weights and scores add up to the total",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="self-evaluation tables read whole, every row with a weight and a score", when=_has)
def total(ctx: Context) -> Iterator[Finding]:
    """The scored rows' 分值 and 得分 add up to the 总分 row's."""
    for e in ctx.report.self_evaluations:
        if not e.complete or not e.indicators:
            continue
        scored: list[tuple[Decimal | None, Decimal | None]] = [
            (r.weight, r.score) for r in e.funding if r.weight is not None]
        scored += [(i.weight, i.score) for i in e.indicators]
        if any(w is None or s is None for w, s in scored):
            continue
        for label, printed, values in (
                ("分值", e.total_weight, [w for w, _ in scored]),
                ("得分", e.total_score, [s for _, s in scored])):
            if printed is None:
                continue
            total_ = sum((v for v in values if v is not None), Decimal(0))
            if total_ == printed:
                continue
            yield Finding(
                rule="performance.self_evaluation.total", severity=Severity.WARNING,
                message=f"项目“{e.project}”各行{label}合计{total_}，总分行为{printed}",
                message_en=f"{e.project!r}: the rows' {label} add up to {total_}, the total row "
                           f"prints {printed}",
                location=_loc(e, e.total_line, label), expected=str(total_), actual=str(printed))


@RULES.rule("performance.self_evaluation.scoring", title="指标得分与完成值相符", title_en="Indicator score fits its actual value",
      category=Category.PERFORMANCE, severity=Severity.WARNING,
      applies="self-evaluation indicators whose target and actual both parse", when=_has)
def scoring(ctx: Context) -> Iterator[Finding]:
    """The printed 得分 against `govbudget.indicators.evaluate` (a met target scores the
    full weight; a missed quantity scores in proportion). Reported as a warning: regional
    rules differ (a deviation may be scored by bands or by judgement)."""
    for e in ctx.report.self_evaluations:
        for i in e.indicators:
            if i.weight is None or i.score is None or not i.target or not i.actual:
                continue
            target = parse_indicator_value(i.target)
            actual = parse_indicator_value(i.actual)
            if isinstance(target, Unparsed) or isinstance(actual, Unparsed):
                continue
            try:
                s = evaluate(target, actual, i.weight, year=ctx.report.year)
            except Exception:
                continue
            met_full = s.met and i.score < i.weight
            missed_full = not s.met and i.score >= i.weight
            if not (met_full or missed_full):
                continue
            yield Finding(
                rule="performance.self_evaluation.scoring", severity=Severity.WARNING,
                message=f"项目“{e.project}”指标“{i.name}”指标值{i.target}、实际完成值{i.actual}"
                        f"{'已' if s.met else '未'}达成，得分{i.score}（分值{i.weight}）",
                message_en=f"{e.project!r} {i.name!r}: target {i.target}, actual {i.actual} "
                           f"{'met' if s.met else 'not met'}, score {i.score} of {i.weight}",
                location=_loc(e, i.line, "得分"), expected=str(s.score), actual=str(i.score))


_NUM_TEXT: Final = f"({NUMBER})"
_SCORE_TEXT: Final = lazy(r"得分(?:为|是)?\s*" + _NUM_TEXT + r"\s*分")
_BUDGET_TEXT: Final = lazy(r"全年预算数?(?:为|是)?\s*" + _NUM_TEXT + r"\s*万元")
_EXECUTED_TEXT: Final = lazy(r"执行数?(?:为|是)?\s*" + _NUM_TEXT + r"\s*万元")
_RATE_TEXT: Final = lazy(r"完成(?:全年)?预算的\s*" + _NUM_TEXT + r"\s*%")


def _summary(report: Report, project: str, others: list[str]) -> tuple[str, int | None] | None:
    """The narrative's paragraph on ``project`` (from its name to the next project's), and
    its section's line; ``None`` when the narrative names it nowhere with a score."""
    for sec in report.narrative.sections:
        text = sec.text.replace("\n", "")
        start = 0
        while (k := text.find(project, start)) >= 0:
            start = k + len(project)
            end = min([len(text)] + [j for o in others if o != project and project not in o
                                     for j in [text.find(o, start)] if j >= 0])
            part = text[k:end]
            m = _SCORE_TEXT.search(part)
            if m is not None and "。" not in part[:m.start()]:
                return part, sec.line
    return None


@RULES.rule("performance.self_evaluation.narrative", title="情况说明所述自评结果与自评表一致",
      title_en="The narrative's self-evaluation results match the table",
      category=Category.PERFORMANCE, severity=Severity.ERROR,
      applies="a self-evaluation whose project the narrative summarises (自评得分为X分 …); the "
              "score only for a table whose rows add up to its 总分",
      when=_has)
def narrative(ctx: Context) -> Iterator[Finding]:
    """The narrative's 自评得分, 全年预算数, 执行数 and 完成预算的 X% of a project against its
    self-evaluation table (the rate as the interval its digits stand for)."""
    evals = ctx.report.self_evaluations
    names = [e.project for e in evals if e.project]
    for e in evals:
        if not e.project or not e.funding:
            continue
        found = _summary(ctx.report, e.project, names)
        if found is None:
            continue
        part, line = found
        total = e.funding[0]
        checks: list[tuple[str, Decimal, Decimal]] = []
        m = _SCORE_TEXT.search(part)
        if m is not None and e.total_score is not None and _sums_agree(e):
            checks.append(("自评得分", e.total_score, Decimal(m.group(1))))
        for rx, label, value in ((_BUDGET_TEXT, "全年预算数", total.budget),
                                 (_EXECUTED_TEXT, "执行数", total.executed)):
            m = rx.search(part)
            if m is not None and value is not None:
                checks.append((label, value, Decimal(m.group(1).replace(",", ""))))
        m = _RATE_TEXT.search(part)
        if m is not None and total.budget and total.executed is not None and total.budget > 0:
            stated = Decimal(m.group(1))
            fake = EvaluationFunding(total.source, budget=total.budget, executed=total.executed,
                                     rate=f"{stated}%")
            if _rate_fits(fake) is False:
                actual = total.executed / total.budget * 100
                yield _narrative_finding(e, line, "完成预算比例", f"{actual:.2f}%", f"{stated}%")
        for label, value, stated in checks:
            if stated != value:
                yield _narrative_finding(e, line, label, str(value), str(stated))


def _sums_agree(e: SelfEvaluation) -> bool:
    scored = [r.score for r in e.funding if r.weight is not None]
    scored += [i.score for i in e.indicators]
    if not e.complete or not e.indicators or any(s is None for s in scored):
        return False
    return sum((s for s in scored if s is not None), Decimal(0)) == e.total_score


def _narrative_finding(e: SelfEvaluation, line: int | None, label: str, table: str, stated: str
                       ) -> Finding:
    return Finding(
        rule="performance.self_evaluation.narrative", severity=Severity.ERROR,
        message=f"情况说明所述项目“{e.project}”{label}为{stated}，绩效自评表为{table}",
        message_en=f"the narrative gives {e.project!r} {label} {stated}, its self-evaluation "
                   f"table {table}",
        location=Location(section="narrative", row_name=e.project, line=line),
        expected=table, actual=stated,
        related=(_loc(e, e.total_line if label == "自评得分" else
                      (e.funding[0].line if e.funding else e.line)),))
