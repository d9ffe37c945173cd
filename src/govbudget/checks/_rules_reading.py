"""Reading rules: what the reader could not place or had to repair, and missing tables."""

from __future__ import annotations

from collections.abc import Iterator

from .._findings import Finding, Location, Severity
from .._report import TableSet
from .._tables import MOF_9, SHANXI_13
from ._context import Context
from ._registry import Category, Check, rule

_READER_RULES = (
    ("reading.unplaced_figure", "无法对应到表格位置或叙述主体的数字",
     "A figure the reader could not place"),
    ("reading.unparsed_amount", "无法识别的金额", "An amount the reader could not read"),
    ("reading.missing_unit", "表格未注明金额单位", "A table without a money unit"),
    ("reading.empty_note_with_data", "注明“本表无数据”的表格有数据",
     "A table marked empty holds figures"),
    ("reading.template_residue", "模板残留（XX、××、增加（减少）等）",
     "Template residue such as XX or 增加（减少）"),
    ("reading.incomplete_table", "绩效目标表结构不完整", "A performance table is incomplete"),
    ("reading.repaired_number", "跨行断开的数字已拼接", "A number split across lines was joined"),
    ("reading.unsplit_indicator", "无法区分指标名称与指标值", "An indicator whose name and value "
     "could not be told apart"),
    ("reading.goal_split", "无法区分实施期目标与年度目标", "Period and year goals could not be "
     "told apart"),
)


_INFO = frozenset({"reading.repaired_number", "reading.goal_split"})


def _passthrough(rule_id: str) -> Check:
    def check(ctx: Context) -> Iterator[Finding]:
        return (f for f in ctx.report.findings if f.rule == rule_id)

    check.__doc__ = f"Reports the reader's ``{rule_id}`` findings."
    return check


for _rid, _title, _title_en in _READER_RULES:
    rule(_rid, title=_title, title_en=_title_en, category=Category.READING,
         severity=Severity.INFO if _rid in _INFO else Severity.WARNING,
         applies="whenever the reader reports it (severity as the reader sets it)")(
        _passthrough(_rid))


@rule("reading.other", title="其他读取问题", title_en="Other reading findings",
      category=Category.READING, severity=Severity.WARNING,
      applies="reader findings with a rule id not listed above")
def other(ctx: Context) -> Iterator[Finding]:
    """Reader findings whose rule is not registered are passed through, never dropped."""
    known = {r for r, _, _ in _READER_RULES}
    return (f for f in ctx.report.findings if f.rule not in known)


@rule("reading.missing_table", title="缺少标准公开表格", title_en="A standard table is missing",
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
