"""Check results as text for people: laid out by display width, Chinese by default.

Every line fits the width given (80 columns unless the terminal is wider), counting a
CJK character as two columns; figures are shown in the unit of the table they are in,
with digit grouping (``format_money``); the summary counts every finding and says how
many a filter hid.

```pycon
>>> from govbudget import read_report, check_report
>>> from govbudget._output._contract import file_entry
>>> entry = file_entry("sample.txt", check_report(read_report(
...     "examples/data/jincheng-npc-office-2024.txt")))
>>> text = render_entry(entry, Style(width=80))
>>> max(width(line) for line in text.splitlines()) <= 80
True
>>> "应为" in text and "实为" in text and "difference None" not in text
True

```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

from attrs import frozen

from .._money import Money, Unit, format_money
from ._width import pad, pad_left, width, wrap

__all__ = ["Style", "render_entry", "render_total"]

_LABELS: Final[dict[str, dict[str, str]]] = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示", "expected": "应为",
           "actual": "实为", "difference": "相差", "printed": "原文", "root": "根源",
           "knock_on": "连带", "vs": "对照", "line": "第{}行", "page": "第{}页",
           "more_related": "……另有{}处", "cannot_read": "无法读取",
           "more_info": "……另有{n}条 {rule}（详见 --format json）",
           "unit_unknown": "（单位不详）", "budget": "预算", "final": "决算",
           "not_checked": "未检查", "not_checked_note": "（读表不确定，未做运算核对）",
           "performance": "项目支出绩效目标表", "narrative": "情况说明", "document": "全文",
           "overview": "部门概况"},
    "en": {"error": "ERROR", "warning": "WARNING", "info": "INFO", "expected": "expected",
           "actual": "actual", "difference": "difference", "printed": "as printed",
           "root": "likely root", "knock_on": "knock-on", "vs": "vs", "line": "L{}",
           "page": "p.{}", "more_related": "… and {} more", "cannot_read": "cannot read",
           "more_info": "… and {n} more {rule} (see --format json)",
           "unit_unknown": "(unit unknown)", "budget": "budget", "final": "final account",
           "not_checked": "not checked",
           "not_checked_note": "(the reader is not sure of it: no arithmetic over it)",
           "performance": "performance target tables", "narrative": "narrative",
           "document": "document", "overview": "overview"},
}
_COLUMNS: Final[dict[str, dict[str, str]]] = {
    "zh": {"indicators": "绩效指标", "indicators_period": "实施期指标",
           "indicators_year": "年度指标", "funding": "资金", "period": "实施期"},
    "en": {"indicators": "indicators", "indicators_period": "indicators (period)",
           "indicators_year": "indicators (year)", "funding": "funding", "period": "period"},
}
_COLOURS: Final = {"error": "\x1b[1;31m", "warning": "\x1b[33m", "info": "\x1b[36m",
                   "head": "\x1b[1m", "dim": "\x1b[2m"}
_RESET: Final = "\x1b[0m"
INFO_SHOWN: Final = 2
"""How many ``info`` findings of one rule a section shows before it says how many more."""


@frozen
class Style:
    """How to lay text out: columns, language (``zh`` or ``en``), colour."""

    width: int = 80
    lang: str = "zh"
    colour: bool = False

    def label(self, key: str) -> str:
        """A label in the chosen language."""
        return _LABELS["en" if self.lang == "en" else "zh"][key]

    def paint(self, text: str, what: str) -> str:
        """``text`` in the colour for ``what`` (when colour is on)."""
        return f"{_COLOURS[what]}{text}{_RESET}" if self.colour and what in _COLOURS else text


def _section(name: str, style: Style) -> str:
    key = name if name in ("performance", "narrative", "document", "overview") else None
    return style.label(key) if key else name


def column_text(loc: Mapping[str, Any], style: Style) -> str:
    """The column of a location as the report heads it (or a name for the field)."""
    col = loc.get("column")
    if not col:
        return ""
    label = loc.get("column_label") or _COLUMNS["en" if style.lang == "en" else "zh"].get(col)
    return label or col


def _where(loc: Mapping[str, Any], style: Style) -> str:
    parts = []
    if loc.get("page"):
        parts.append(style.label("page").format(loc["page"]))
    if loc.get("line"):
        parts.append(style.label("line").format(loc["line"]))
    return " ".join(parts)


def amount(value: str | None, unit: str | None, style: Style) -> str:
    """A decimal string and its unit as the report prints it, with digit grouping."""
    if value is None:
        return ""
    if unit is None:
        return value
    # The report's own unit symbol in either language (the English messages use it too).
    return format_money(Money(Decimal(value), Unit.parse(unit)), places=None)


def _block(first: str, rest: str, text: str, style: Style) -> list[str]:
    """``text`` wrapped to the width, the first line after ``first``, the others after
    ``rest`` (both prefixes of equal width)."""
    avail = style.width - width(first)
    lines = wrap(text, avail)
    return [first + lines[0], *(rest + x for x in lines[1:])]


def _figures(f: Mapping[str, Any], indent: str, style: Style) -> list[str]:
    keys = ("expected", "actual", "difference")
    if f.get("unit") is not None:
        values = {k: amount(f.get(k), f["unit"], style) for k in keys}
    else:
        values = {k: f.get(f"{k}_text") or "" for k in keys}
    cells = [(style.label(k), values[k]) for k in keys if values[k]]
    if not cells:
        return []
    if len(cells) == 1 and cells[0][0] == style.label("actual") and f.get("expected_text") is None:
        cells = [(style.label("printed"), cells[0][1])]
    one = "   ".join(f"{label} {value}" for label, value in cells)
    if width(indent + one) <= style.width:
        return [indent + one]
    lw = max(width(label) for label, _ in cells)
    vw = max(width(v) for _, v in cells)
    out: list[str] = []
    for label, value in cells:
        head = indent + pad(label, lw) + " "
        if width(head) + vw <= style.width:
            out.append(head + pad_left(value, vw))
        else:
            out.extend(_block(head, " " * width(head), value, style))
    return out


def _finding_lines(f: Mapping[str, Any], style: Style, section: str) -> list[str]:
    sev = f["severity"]
    label = style.label(sev)
    lw = 7 if style.lang == "en" else 4
    indent = " " * (2 + lw + 2)
    loc = f["location"]
    what = " ".join(x for x in (loc.get("row_code") or "", loc.get("row_name") or "",
                                f"[{column_text(loc, style)}]" if loc.get("column") else "") if x)
    head = " ".join(x for x in (_where(loc, style), what) if x) or _section(loc["section"], style)
    first = "  " + pad(label, lw) + "  "
    lines = _block(first, indent, head, style)
    lines[0] = lines[0].replace(label, style.paint(label, sev), 1)
    tag = (style.label("root") if f.get("root") else
           style.label("knock_on") if f.get("knock_on_of") else "")
    rule = f["rule"] + (f" ({f['code']})" if f.get("code") not in (None, f["rule"]) else "")
    lines.extend(_block(indent, indent, f"{rule}  {tag}".rstrip(), style))
    message = f["message_en"] if style.lang == "en" else f["message"]
    lines.extend(_block(indent, indent, message, style))
    lines.extend(_figures(f, indent, style))
    # the other side(s) of the comparison; the finding's own place is not repeated
    related = [r for r in f.get("related") or [] if r != loc]
    for rel in related[:4]:
        rwhat = rel.get("row_code") or rel.get("row_name") or ""
        col = column_text(rel, style)
        rsection = "" if rel["section"] == section else _section(rel["section"], style)
        text = " ".join(x for x in (rsection, rwhat,
                                    f"[{col}]" if col else "", _where(rel, style)) if x)
        lines.extend(_block(indent + style.label("vs") + " ", indent + "  ", text, style))
    if len(related) > 4:
        lines.append(indent + style.label("more_related").format(len(related) - 4))
    return lines


def _title(entry: Mapping[str, Any], style: Style) -> list[str]:
    lines = wrap(entry["file"], style.width)
    if entry.get("error"):
        return _block("", "  ", f"{entry['file']}: {style.label('cannot_read')}: "
                      f"{entry['error']['message']}", style)
    kind = style.label(entry["kind"]) if entry.get("kind") in ("budget", "final") else ""
    year = f"{entry['year']}" if entry.get("year") else ""
    about = " ".join(x for x in (entry.get("unit_name") or style.label("unit_unknown"), year,
                                 kind) if x)
    lines = [style.paint(x, "head") for x in lines]
    lines.extend(wrap(about, style.width))
    return lines


def _counts(c: Mapping[str, int], style: Style) -> str:
    if style.lang == "en":
        return (f"{c['error']} errors, {c['warning']} warnings, {c['info']} info")
    return f"错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}"


def summary_lines(s: Mapping[str, Any], style: Style, *, files: int | None = None,
                  unreadable: int = 0, reports: int | None = None) -> list[str]:
    """The closing counts: every finding, what was shown, what each filter hid (and the
    files, with their reports where a file held several)."""
    hidden = s["hidden"]
    zh = style.lang != "en"
    prefix = ""
    if files is not None:
        more = reports is not None and reports != files
        prefix = (f"{files} 个文件（{f'{reports} 份报告，' if more else ''}"
                  f"{unreadable} 个无法读取）：" if zh else
                  f"{files} files ({f'{reports} reports, ' if more else ''}"
                  f"{unreadable} unreadable): ")
    total = (f"{prefix}共 {s['findings']} 条：{_counts(s['by_severity'], style)}" if zh else
             f"{prefix}{s['findings']} findings: {_counts(s['by_severity'], style)}")
    lines = _block("", "  ", total, style)
    n_hidden = sum(hidden.values())
    if n_hidden:
        why = []
        names = {"min_severity": ("低于 --min-severity", "below --min-severity"),
                 "baseline": ("基线已接受", "accepted in the baseline"),
                 "profile": ("配置忽略", "ignored by the profile")}
        for k, n in hidden.items():
            if n:
                why.append(f"{names[k][0]} {n}" if zh else f"{n} {names[k][1]}")
        shown = _counts(s["shown_by_severity"], style)
        text = (f"显示 {s['shown']} 条（{shown}）；隐藏 {n_hidden} 条：{'，'.join(why)}" if zh
                else f"shown {s['shown']} ({shown}); hidden {n_hidden}: {', '.join(why)}")
        lines.extend(_block("", "  ", text, style))
    if s.get("not_checked"):
        text = (f"未检查 {s['not_checked']} 张表（读表不确定）" if zh else
                f"{s['not_checked']} tables not checked (the reader is not sure of them)")
        lines.extend(_block("", "  ", text, style))
    return lines


def render_entry(entry: Mapping[str, Any], style: Style) -> str:
    """One file's findings grouped by section, then its counts."""
    out = _title(entry, style)
    if entry.get("error"):
        return "\n".join(out) + "\n"
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for f in entry["findings"]:
        groups.setdefault(f["location"]["section"], []).append(f)
    for section, fs in groups.items():
        out.append("")
        out.extend(style.paint(x, "head")
                   for x in _block("== ", "   ", _section(section, style), style))
        shown: Counter[str] = Counter()
        hidden: Counter[str] = Counter()
        for f in fs:
            if f["severity"] == "info":
                shown[f["rule"]] += 1
                if shown[f["rule"]] > INFO_SHOWN:
                    hidden[f["rule"]] += 1
                    continue
            out.extend(_finding_lines(f, style, section))
        for rule_id, n in hidden.items():
            out.extend(_block("  ", "    ", style.label("more_info").format(n=n, rule=rule_id),
                              style))
    if entry.get("not_checked"):
        out.append("")
        out.extend(_block("== ", "   ", style.label("not_checked"), style))
        for n in entry["not_checked"]:
            reason = n["reason_en"] if style.lang == "en" else n["reason"]
            where = style.label("page").format(n["page"]) if n.get("page") else ""
            out.extend(_block("  ", "    ", " ".join(x for x in (where, n["section"]) if x),
                              style))
            out.extend(_block("    ", "    ", reason or style.label("not_checked_note"), style))
    out.append("")
    out.extend(summary_lines(entry["summary"], style))
    return "\n".join(out) + "\n"


def render_total(summary: Mapping[str, Any], style: Style) -> str:
    """The closing counts over many files."""
    return "\n" + "\n".join(summary_lines(summary, style, files=summary["files"],
                                          reports=summary.get("reports"),
                                          unreadable=summary["unreadable"])) + "\n"


def render(entries: Sequence[Mapping[str, Any]], summary: Mapping[str, Any],
           style: Style) -> str:
    """Every file, then (for more than one) the counts over all."""
    text = "\n".join(render_entry(e, style) for e in entries)
    return text + (render_total(summary, style) if len(entries) > 1 else "")
