"""Writing a `govbudget.Report` back to text, in the layout PDF extraction gives.

The writer is the reader's twin: ``read_report(render_report(r))`` gives back ``r`` (up
to line numbers). It makes test reports cheap (other units, other codes, more rows, the
9-table set) and, with ``artefacts=True``, reproduces what extraction does to real
reports: bold titles and totals printed twice, long names wrapped onto the next line with
their amounts on a third, page numbers and a running header between pages.

```pycon
>>> from decimal import Decimal
>>> from govbudget import Block, Column, Report, Row, RowKind, Table, TableKind, Unit
>>> t = Table(kind=TableKind.EXPENDITURE, number="3", title="2025年预算支出总表",
...           unit=Unit.WAN_YUAN, unit_name="某某县教育局",
...           blocks=[Block("", [Column("total", "合计"), Column("basic", "基本支出"),
...                                Column("project", "项目支出")],
...                         [Row("合计", [Decimal("5.00"), Decimal("5.00"), None], kind=RowKind.TOTAL),
...                          Row("教育支出", [Decimal("5.00"), Decimal("5.00"), None], code="205",
...                              level=1)])])
>>> print(render_tables(Report(tables=[t])))
预算公开表3
2025年预算支出总表
单位名称：某某县教育局 单位：万元
科目编码 科目名称 合计 基本支出 项目支出
合计 5.00 5.00
205 教育支出 5.00 5.00
<BLANKLINE>

```
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .._report import Report, ReportKind
from .._tables import Block, Row, RowKind, Table, TableKind

__all__ = ["render_report", "render_tables"]

_ORDINALS = ("一二三四五六七八九十")


def _ordinal(n: int) -> str:
    """1 → 一, 12 → 十二, 30 → 三十."""
    if n <= 10:
        return "十" if n == 10 else _ORDINALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _ORDINALS[tens - 1]
    return head + "十" + (_ORDINALS[ones - 1] if ones else "")


def _v(value: Decimal | None) -> str:
    """An amount as printed: plain digits, never an exponent (``1E+3`` prints ``1000``)."""
    return "" if value is None else format(value, "f")


class _Out:
    def __init__(self, artefacts: bool, running_header: str) -> None:
        self.lines: list[str] = []
        self.artefacts = artefacts
        self.header = running_header
        self.page = 1
        self.since_break = 0

    def add(self, line: str) -> None:
        self.lines.append(line)
        self.since_break += 1

    def maybe_break(self) -> None:
        """Insert a page footer and running header every 40 lines (artefacts only)."""
        if self.artefacts and self.since_break >= 40:
            self.lines.extend(["", f"-{self.page}-", "", self.header, "", ""])
            self.page += 1
            self.since_break = 0

    def bold(self, text: str) -> str:
        return text + text if self.artefacts else text


def _line(label: str, cells: Sequence[str]) -> str:
    """A row's line: cells separated by single spaces (a blank cell leaves two); a row with
    no amounts at all ends in two spaces, as extraction prints blank cells."""
    cells = list(cells)
    while cells and not cells[-1]:
        cells.pop()
    return " ".join([label, *cells]) if cells else f"{label}  "


def _wrap(out: _Out, prefix: str, name: str, cells: Sequence[str], width: int = 14) -> None:
    """A row whose name is longer than ``width`` wraps (artefacts only)."""
    if out.artefacts and len(name) > width:
        out.add(prefix + name[:width])
        out.add(name[width:])
        out.add("")
        out.add(_line("", cells).lstrip(" ") or "  ")
    else:
        out.add(_line(prefix + name, cells))
    out.maybe_break()


def _header(t: Table, b: Block) -> str:
    labels = [c.label for c in b.columns]
    if t.kind.functional:
        return " ".join(["科目编码", "科目名称", *labels])
    if t.kind is TableKind.BASIC_ECONOMIC:
        names = ["部门预算支出经济科目名称"]
        if any(r.gov_name for r in b.rows):
            names.append("政府预算支出经济科目名称")
        return " ".join([*names, *labels])
    if t.kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
        return " ".join(["项目名称", *labels])
    if t.kind is TableKind.OPERATING_COSTS:
        return " ".join(["单位名称", *labels])
    return " ".join(["项目", *labels])


def _render_row(out: _Out, t: Table, b: Block, r: Row) -> None:
    cells = [_v(v) for v in r.values]
    if r.kind is RowKind.TOTAL:
        out.add(_line(out.bold(r.name), [out.bold(c) if c else c for c in cells]))
        out.maybe_break()
        return
    if t.kind.functional and r.code:
        _wrap(out, f"{r.code} ", r.name, cells)
        return
    if t.kind is TableKind.BASIC_ECONOMIC:
        names = [r.name, r.gov_name or ""] if any(x.gov_name for x in b.rows) else [r.name]
        out.add(_line(" ".join(names), cells))
        out.maybe_break()
        return
    if t.kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
        indent = "\u3000" * (r.level or 1)
        _wrap(out, indent, r.name, cells)
        return
    _wrap(out, "", r.name, cells)


_EMPTY_WORDS = ("无数据", "空表", "本表为空")
_UNNUMBERED = frozenset({"上年结转", "上年财政拨款结转", "年终结转", "结转下年",
                         "使用非财政拨款结余", "年初结转和结余", "结余分配", "年末结转和结余",
                         "年初财政拨款结转和结余", "年末财政拨款结转和结余"})


def _labels(out: _Out, rows: Sequence[Row]) -> list[tuple[str, list[str]]]:
    """Printed labels: data rows numbered 一、二、… (restarting after a total or a
    carry-over row), totals in bold."""
    labels: list[tuple[str, list[str]]] = []
    n = 0
    for r in rows:
        vals = [_v(v) for v in r.values]
        if r.kind is RowKind.TOTAL:
            n = 0
            labels.append((out.bold(r.name), [out.bold(v) if v else v for v in vals]))
        elif r.name in _UNNUMBERED:
            n = 0
            labels.append((r.name, vals))
        else:
            n += 1
            labels.append((f"{_ordinal(n)}、{r.name}", vals))
    return labels


def _render_two_sided(out: _Out, t: Table) -> None:
    inc = next((b for b in t.blocks if b.name == "income"), t.blocks[0])
    exp = next((b for b in t.blocks if b.name == "expenditure"), t.blocks[1])
    out.add("收入 支出")
    out.add(" ".join(["项目", "金额", "项目", *(c.label for c in exp.columns)]))
    il, el = _labels(out, inc.rows), _labels(out, exp.rows)

    def cut(rows: Sequence[Row]) -> int:
        return next((i for i, r in enumerate(rows) if r.kind is RowKind.TOTAL), len(rows))

    ic, ec = cut(inc.rows), cut(exp.rows)
    for head_i, head_e in ((il[:ic], el[:ec]), (il[ic:], el[ec:])):
        for k in range(max(len(head_i), len(head_e))):
            pieces: list[str] = []
            if k < len(head_i):
                pieces += [head_i[k][0], head_i[k][1][0] if head_i[k][1] else ""]
            else:
                pieces += ["", ""]
            if k < len(head_e):
                pieces += [head_e[k][0], *head_e[k][1]]
            out.add(" ".join(pieces) + "  ")
            out.maybe_break()


def render_table(t: Table, out: _Out) -> None:
    """Write one table."""
    if t.number:
        out.add(f"预算公开表{t.number}")
    out.add(out.bold(t.title))
    unit = f"单位：{t.unit.symbol}"
    out.add(f"单位名称：{t.unit_name} {unit}" if t.unit_name else unit)
    if t.kind in (TableKind.SUMMARY, TableKind.GRANT_SUMMARY) and len(t.blocks) == 2:
        _render_two_sided(out, t)
    else:
        for b in t.blocks:
            out.add(_header(t, b))
            if t.kind in (TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER):
                out.add(" ".join(str(i) for i in range(1, len(b.columns) + 2)))
            for r in b.rows:
                _render_row(out, t, b, r)
    # The reader takes a table as empty from the words 无数据 / 空表 / 本表为空 in a line,
    # and a note from a line starting 注：; a note on a table with data is printed too.
    if t.empty and not (t.note and any(w in t.note for w in _EMPTY_WORDS)):
        out.add("注：本表无数据")
    if t.note:
        out.add(t.note)


def render_tables(report: Report, *, artefacts: bool = False) -> str:
    """The report's tables as text."""
    year = f"{report.year}年" if report.year is not None else ""
    word = "决算" if report.kind is ReportKind.FINAL else "预算"
    header = f"{report.unit_name or ''}{year}单位{word}公开报告"
    out = _Out(artefacts, header)
    for t in report.tables:
        render_table(t, out)
    return "\n".join(out.lines) + "\n"


def render_report(report: Report, *, artefacts: bool = False) -> str:
    """The whole report as text: overview, tables, narrative, performance tables.

    The narrative is written from its sections' titles and text, so reading it back gives
    the same facts (on other lines); performance tables go through
    ``_perf_writer.render_performance``.
    """
    parts = ["第一部分 概况"]
    if report.overview.duties:
        parts.append("一、单位职责")
        parts.extend(f"{i}、{d}" for i, d in enumerate(report.overview.duties, 1))
    if report.overview.organisation:
        parts.append("二、机构设置情况")
        parts.append(report.overview.organisation)
    word = "决算" if report.kind is ReportKind.FINAL else "预算"
    parts.append(f"第二部分 {report.year or ''}年单位{word}报表")
    text = "\n".join(parts) + "\n" + render_tables(report, artefacts=artefacts)
    if report.narrative.sections:
        lines = [f"第三部分 {report.year or ''}年度单位{word}情况说明"]
        for sec in report.narrative.sections:
            lines.append(sec.title)
            if sec.text:
                lines.append(sec.text)
        text += "\n".join(lines) + "\n"
    if report.performance:
        from ._perf_writer import render_performance

        text += "\n".join(render_performance(report.performance, artefacts=artefacts)) + "\n"
    return text
