"""Reading rules: what the reader could not place or had to repair, and missing tables."""

from __future__ import annotations

from collections.abc import Iterator

from attrs import evolve

from .._findings import Finding, Location, Severity
from .._reading import READING_KINDS
from .._report import TableSet
from .._tables import MOF_9, SHANXI_13
from ._context import Context
from ._registry import Category, Check, RuleSet

RULES = RuleSet()

def _passthrough(rule_id: str) -> Check:
    def check(ctx: Context) -> Iterator[Finding]:
        return (f for f in ctx.report.findings if f.rule == rule_id)

    check.__doc__ = f"Reports the reader's ``{rule_id}`` findings."
    return check


for _kind in READING_KINDS.values():
    RULES.rule(_kind.id, title=_kind.title, title_en=_kind.title_en, category=Category.READING,
               severity=_kind.severity,
               applies="whenever the reader reports it (severity as the reader sets it)")(
        _passthrough(_kind.id))


@RULES.rule("reading.other", title="其他读取问题", title_en="Other reading findings",
      category=Category.READING, severity=Severity.WARNING,
      applies="reader findings with a rule id not listed above")
def other(ctx: Context) -> Iterator[Finding]:
    """Reader findings of a kind not listed in ``govbudget._reading`` are passed through
    under this rule (never dropped), their own id said in the message."""
    return (evolve(f, rule="reading.other", code="reading.other",
                   message=f"{f.message}（{f.rule}）", message_en=f"{f.message_en} ({f.rule})")
            for f in ctx.report.findings if f.rule not in READING_KINDS)


@RULES.rule("reading.missing_table", title="缺少标准公开表格", title_en="A standard table is missing",
      category=Category.READING, severity=Severity.WARNING,
      applies="when the report follows the Shanxi 13-table or the MOF 9-table set")
def missing_table(ctx: Context) -> Iterator[Finding]:
    """Every table of the report's table set must be published, even when empty."""
    expected = {TableSet.SHANXI_13: SHANXI_13, TableSet.MOF_9: MOF_9}.get(ctx.report.table_set)
    if expected is None:
        return
    present = {t.kind for t in ctx.report.tables}
    for kind in expected:
        if kind not in present:
            yield ctx.finding(
                "reading.missing_table", Severity.WARNING, f"缺少{kind.chinese}",
                f"the {kind.value} table is missing",
                Location(section=kind.chinese, table=kind.value))


@RULES.rule("reading.doubtful_table", title="表格读取存疑，未作勾稽检查",
      title_en="A table the reader is not sure of (not checked)",
      category=Category.READING, severity=Severity.WARNING,
      applies="when the reader is not sure it read a table as printed")
def doubtful_table(ctx: Context) -> Iterator[Finding]:
    """A table read with doubts (amounts that do not line up with its columns, cells that
    do not read as amounts, codes without names …) is reported once, with the reasons, and
    the rules do no arithmetic over it: it is listed as not checked."""
    for t in ctx.report.tables:
        if not t.doubts:
            continue
        reasons = "；".join(d.message for d in t.doubts)
        reasons_en = "; ".join(d.message_en or d.reason for d in t.doubts)
        lines = sorted({n for d in t.doubts for n in d.lines})
        shown = "、".join(str(n) for n in lines[:8]) + ("…" if len(lines) > 8 else "")
        yield ctx.finding(
            "reading.doubtful_table", Severity.WARNING,
            f"{t.title or t.kind.chinese}读取存疑（{reasons}；行{shown}），该表未作勾稽检查",
            f"{t.kind.value} table not read with confidence ({reasons_en}; lines {shown}); "
            "its figures were not checked",
            Location.in_table(t))
