"""Reading rules: what the reader could not place or had to repair, and missing tables."""

from __future__ import annotations

from collections.abc import Iterator

from .._findings import Finding, Location, Severity
from .._report import TableSet
from .._tables import MOF_9, SHANXI_13
from ._context import Context
from ._registry import Category, Check, RuleSet

RULES = RuleSet()

_READER_RULES = (
    ("reading.unplaced_figure", "无法对应到表格位置或叙述主体的数字",
     "A figure the reader could not place"),
    ("reading.unparsed_amount", "无法识别的金额", "An amount the reader could not read"),
    ("reading.missing_unit", "表格未注明金额单位", "A table without a money unit"),
    ("reading.empty_note_with_data", "注明“本表无数据”的表格有数据",
     "A table marked empty holds figures"),
    ("reading.template_residue", "模板残留（XX、××、增加（减少）等）",
     "Template residue such as XX or 增加（减少）"),
    ("reading.incomplete_table", "绩效目标表或绩效自评表结构不完整",
     "A performance or self-evaluation table is incomplete"),
    ("reading.repaired_number", "跨行断开的数字已拼接", "A number split across lines was joined"),
    ("reading.unsplit_indicator", "无法区分指标名称与指标值", "An indicator whose name and value "
     "could not be told apart"),
    ("reading.goal_split", "无法区分实施期目标与年度目标", "Period and year goals could not be "
     "told apart"),
    ("reading.needs_ocr", "扫描页（只有图像），需要OCR", "An image-only (scanned) page that "
     "needs OCR"),
)


_INFO = frozenset({"reading.repaired_number", "reading.goal_split"})


def _passthrough(rule_id: str) -> Check:
    def check(ctx: Context) -> Iterator[Finding]:
        return (f for f in ctx.report.findings if f.rule == rule_id)

    check.__doc__ = f"Reports the reader's ``{rule_id}`` findings."
    return check


for _rid, _title, _title_en in _READER_RULES:
    RULES.rule(_rid, title=_title, title_en=_title_en, category=Category.READING,
         severity=Severity.INFO if _rid in _INFO else Severity.WARNING,
         applies="whenever the reader reports it (severity as the reader sets it)")(
        _passthrough(_rid))


@RULES.rule("reading.other", title="其他读取问题", title_en="Other reading findings",
      category=Category.READING, severity=Severity.WARNING,
      applies="reader findings with a rule id not listed above")
def other(ctx: Context) -> Iterator[Finding]:
    """Reader findings whose rule is not registered are passed through, never dropped."""
    known = {r for r, _, _ in _READER_RULES}
    return (f for f in ctx.report.findings if f.rule not in known)


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
            Location(section=t.title or t.kind.chinese, table=t.kind.value, line=t.line))
