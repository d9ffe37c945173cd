"""The same figure stated twice in the narrative.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from ..._findings import Finding, Severity
from ..._report import Fact, FactKind, ReportKind
from .._context import Context, norm
from .._fact_figures import (
    figure_of,
    is_money,
    label_of,
    location_of,
)
from .._registry import Category, Code, RuleSet
from ._analysis import (
    _an,
    _coded,
    _compared,
    _rule_of,
    _say,
)
from ._vocab import (
    _NAMED,
)

RULES = RuleSet()

_AMOUNT: Final = _compared(
    "narrative.repeated.amount", "同一金额前后表述不一致", "The same amount stated twice differs",
    "情况说明中“基本支出”前后两次表述", "narrative '基本支出' stated twice")
_COUNT: Final = Code(
    "narrative.repeated.count", "同一数量前后表述不一致", "The same count stated twice differs",
    template="情况说明中“{label}”前后两次表述不一致：{first}{first_unit}与{second}{second_unit}",
    template_en="narrative {label!r} stated twice: {first} vs {second}",
    example={"label": "公务用车", "first": "5", "first_unit": "辆", "second": "4",
             "second_unit": "辆"})


# ---------------------------------------------------------------------------
# 12. repeated
# ---------------------------------------------------------------------------


_FINAL_MEASURES = frozenset(norm(x) for x in (
    "年初预算", "年初预算数", "支出决算", "支出决算数", "决算数", "预算数", "调整预算",
    "调整预算数", "全年预算数", "决算", "执行数", "决算执行数"))



@RULES.rule("narrative.repeated", title="情况说明中同一数字前后表述一致",
      title_en="The same figure stated twice in the narrative has the same value",
      category=Category.NARRATIVE,
      applies="amounts and counts stated more than once about the same subject (and "
              "qualifier) in the same scope (一般公共预算 / 财政拨款 / the whole budget, and for "
              "上年结转 the side of the total it belongs to); changes are compared by "
              "narrative.changes",
      when=lambda r: len(r.narrative.facts) >= 2,
      codes=(_AMOUNT, _COUNT))
def repeated(ctx: Context) -> Iterator[Finding]:
    """Two statements of the same figure must agree within the rounding of both (E17):
    ``1,234.56`` and ``1234.56``, or ``12.4`` and ``12.40``, agree; ``567.89`` and ``567.90``
    do not. Only subjects the words identify are compared (a name of the vocabulary, a
    functional class or 科目 path, vehicles), and only the figure the report is about (a
    final account's 年初预算 is not its 决算; last year's 执行数 is not this year's budget).
    Statements are grouped by subject, qualifier, kind and scope, because the same
    words name different money in different passages (基本支出 of all spending vs of the
    general budget). The statement a table or another statement confirms is the reference;
    the other is reported."""
    an = _an(ctx)
    groups: dict[tuple[object, ...], list[int]] = {}
    final = ctx.report.kind is ReportKind.FINAL
    for i, f in enumerate(an.facts):
        if final and norm(f.subject) in _FINAL_MEASURES:
            # A 决算 states 年初预算为X万元，支出决算为Y万元 for each 项 in turn: the item
            # is not part of the subject, so two such statements are not one figure.
            continue
        # Only subjects whose words identify them: a name of the vocabulary, a functional
        # class or path, vehicles. A figure named by loose words (采购金额, 项目) belongs to
        # whatever its sentence says, so two of them need not be the same figure.
        if f.kind in (FactKind.AMOUNT, FactKind.COUNT) and (
                f.subject in _NAMED or an.is_class(i) or an.path(i) is not None
                or an.code(i) is not None):
            # A passage about one of the department's units (二、深圳市劳动人事争议仲裁院)
            # states that unit's figures: its own scope.
            # A figure given as a reason for a change (原因是…) is part of that change's
            # story: compared only with the reasons of the same change.
            unit = f.about.unit or ""
            groups.setdefault((f.kind, unit, f.about.within, *an.key(i)), []).append(i)
    carried = any(f.subject == "上年结转" and f.kind is FactKind.AMOUNT and f.value > 0
                  for f in an.facts)
    for members in groups.values():
        if len(members) < 2:
            continue
        ref = next((m for m in members if m in an.confirmed and an.ref(m) is not None),
                   next((m for m in members if m in an.confirmed), members[0]))
        a = an.facts[ref]
        for m in members:
            if m == ref:
                continue
            b = an.facts[m]
            if carried and _of_the_year(a) != _of_the_year(b):
                # With money carried over, "一般公共预算拨款收入X" may hold the carry-over
                # while "本年…一般公共预算拨款收入Y" is the year's alone: not one figure.
                continue
            what = f"情况说明中“{label_of(b)}”前后两次表述"
            what_en = f"narrative {label_of(b)!r} stated twice"
            if is_money(a) and is_money(b):
                found = _coded(ctx.equal_check(_rule_of(_AMOUNT), figure_of(a), figure_of(b),
                                               what=what, what_en=what_en), _AMOUNT)
                if found is not None:
                    yield found
            elif a.value != b.value or a.unit != b.unit:
                yield _say(ctx, _COUNT, Severity.ERROR,
                           {"label": label_of(b), "first": a.value, "first_unit": a.unit,
                            "second": b.value, "second_unit": b.unit},
                           location_of(b), [location_of(a)], expected_text=f"{a.value}{a.unit}",
                                  actual_text=f"{b.value}{b.unit}")


def _of_the_year(f: Fact) -> bool:
    """Whether a statement says it is the year's money alone (当年/本年)."""
    return f.qualifier in ("当年", "本年")
