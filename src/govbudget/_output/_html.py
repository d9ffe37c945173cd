"""Check results as one self-contained HTML page (no network: styles inline, no scripts
from elsewhere).

The page has the counts over all files, then for each file its counts, the tables not
checked, and its findings by section: likely roots first, each knock-on linked to its
root, every finding with its figures, its page and line and the lines of the report
around it (``context``, when the checker was asked for it).

```pycon
>>> page = render_html([{"file": "a.txt", "unit_name": "某单位", "year": 2024,
...     "kind": "budget", "valid": True, "error": None, "findings": [], "not_checked": [],
...     "summary": {"findings": 0, "by_severity": {"error": 0, "warning": 0, "info": 0},
...                 "shown": 0, "shown_by_severity": {"error": 0, "warning": 0, "info": 0},
...                 "hidden": {"min_severity": 0, "baseline": 0, "profile": 0},
...                 "not_checked": 0}}],
...     {"files": 1, "unreadable": 0, "findings": 0,
...      "by_severity": {"error": 0, "warning": 0, "info": 0}, "shown": 0,
...      "hidden": {"min_severity": 0, "baseline": 0, "profile": 0}})
>>> page.startswith("<!DOCTYPE html>") and "某单位" in page and "http" not in page
True

```
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any, Final

from ._text import Style, amount, column_text

__all__ = ["render_html"]

_CSS: Final = """
:root { --err:#b3261e; --warn:#9a6700; --info:#0b62a4; --line:#d0d7de; --muted:#57606a; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", system-ui, sans-serif; margin: 0 auto; max-width: 72rem;
  padding: 1.5rem; color: #1f2328; line-height: 1.5; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid var(--line); padding-bottom: .3rem;
  margin-top: 2.5rem; overflow-wrap: anywhere; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .6rem; color: #24292f; }
table.summary { border-collapse: collapse; margin: .5rem 0 1rem; }
table.summary th, table.summary td { border: 1px solid var(--line); padding: .25rem .6rem;
  text-align: left; vertical-align: top; }
table.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
.counts { color: var(--muted); margin: .3rem 0; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--info);
  border-radius: 6px; padding: .6rem .9rem; margin: .7rem 0; background: #fff; }
.finding.error { border-left-color: var(--err); }
.finding.warning { border-left-color: var(--warn); }
.finding.knock-on { margin-left: 2rem; }
.finding header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
.badge { font-weight: 700; padding: 0 .45rem; border-radius: 4px; color: #fff;
  background: var(--info); font-size: .85rem; }
.error .badge { background: var(--err); }
.warning .badge { background: var(--warn); }
.tag { font-size: .8rem; border: 1px solid currentColor; border-radius: 4px;
  padding: 0 .35rem; }
.rule { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85rem;
  color: var(--muted); }
.where { color: var(--muted); font-size: .9rem; }
.msg { margin: .35rem 0 .1rem; }
.msg-en { margin: 0 0 .3rem; color: var(--muted); font-size: .88rem; }
table.figures { border-collapse: collapse; margin: .3rem 0; }
table.figures th { font-weight: 400; color: var(--muted); text-align: left;
  padding-right: .8rem; }
table.figures td { text-align: right; font-variant-numeric: tabular-nums;
  font-family: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; }
pre.context { background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px;
  padding: .4rem .6rem; overflow-x: auto; font-size: .8rem; line-height: 1.35;
  font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", ui-monospace, monospace; }
pre.context .hit { background: #fff3b0; display: inline-block; min-width: 100%; }
pre.context .no { color: #8c959f; user-select: none; }
ul.related { margin: .2rem 0; padding-left: 1.2rem; color: var(--muted); font-size: .9rem; }
.unreadable { color: var(--err); }
a { color: inherit; }
"""

_SEV: Final = {"error": "错误", "warning": "警告", "info": "提示"}
_KIND: Final = {"budget": "预算", "final": "决算"}
_SECTIONS: Final = {"performance": "项目支出绩效目标表", "narrative": "情况说明",
                    "document": "全文", "overview": "部门概况"}


def _counts(c: Mapping[str, int]) -> str:
    return f"错误 {c['error']}，警告 {c['warning']}，提示 {c['info']}"


def _reports(summary: Mapping[str, Any]) -> str:
    """The reports counted, where a file held several (a bundle)."""
    reports = summary.get("reports")
    return f"{reports} 份报告，" if reports is not None and reports != summary["files"] else ""


def _hidden(s: Mapping[str, Any]) -> str:
    h = s["hidden"]
    parts = [f"{label} {h[k]}" for k, label in (("min_severity", "低于最低级别"),
                                              ("baseline", "基线已接受"),
                                              ("profile", "配置忽略")) if h.get(k)]
    return f"；隐藏 {sum(h.values())} 条（{'，'.join(parts)}）" if parts else ""


def _where(loc: Mapping[str, Any]) -> str:
    parts = []
    if loc.get("page"):
        parts.append(f"第{loc['page']}页")
    if loc.get("line"):
        parts.append(f"第{loc['line']}行")
    return " ".join(parts)


def _place(loc: Mapping[str, Any]) -> str:
    col = column_text(loc, Style())
    return " ".join(x for x in (loc.get("row_code") or "", loc.get("row_name") or "",
                                f"[{col}]" if col else "") if x)


def _finding(f: Mapping[str, Any], section: str) -> str:
    sev = f["severity"]
    classes = ["finding", sev]
    tag = ""
    if f.get("root"):
        tag = '<span class="tag">根源</span>'
    elif f.get("knock_on_of"):
        classes.append("knock-on")
        tag = (f'<span class="tag">连带 · <a href="#f-{escape(f["knock_on_of"])}">'
               "见根源</a></span>")
    loc = f["location"]
    out = [f'<article class="{" ".join(classes)}" id="f-{escape(f["fingerprint"])}">',
           "<header>", f'<span class="badge">{_SEV.get(sev, sev)}</span>',
           f"<strong>{escape(_place(loc) or _SECTIONS.get(loc['section'], loc['section']))}"
           "</strong>",
           f'<span class="where">{escape(_where(loc))}</span>', tag,
           f'<span class="rule">{escape(f["rule"])}'
           + (f" · {escape(f['code'])}" if f.get("code") not in (None, f["rule"]) else "")
           + "</span>", "</header>",
           f'<p class="msg">{escape(f["message"])}</p>',
           f'<p class="msg-en" lang="en">{escape(f["message_en"])}</p>']
    rows = []
    style = Style()
    for key, label in (("expected", "应为"), ("actual", "实为"), ("difference", "相差")):
        value = (amount(f.get(key), f["unit"], style) if f.get("unit") is not None
                 else f.get(f"{key}_text"))
        if value:
            rows.append(f"<tr><th>{label}</th><td>{escape(value)}</td></tr>")
    if rows:
        out.append(f'<table class="figures">{"".join(rows)}</table>')
    context = f.get("context") or []
    if context:
        hit = loc.get("line")
        lines = []
        for c in context:
            text = f'<span class="no">{c["line"]:>5} </span>{escape(c["text"])}'
            lines.append(f'<span class="hit">{text}</span>' if c["line"] == hit else text)
        out.append(f'<pre class="context">{chr(10).join(lines)}</pre>')
    related = [r for r in f.get("related") or [] if r != loc]
    if related:
        items = []
        for r in related:
            rs = "" if r["section"] == section else _SECTIONS.get(r["section"], r["section"])
            text = " ".join(x for x in (rs, _place(r), _where(r)) if x)
            items.append(f"<li>对照 {escape(text)}</li>")
        out.append(f'<ul class="related">{"".join(items)}</ul>')
    out.append("</article>")
    return "\n".join(out)


def _ordered(fs: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Roots first, each followed by its knock-ons; then the rest in order."""
    knock: dict[str, list[Mapping[str, Any]]] = {}
    for f in fs:
        if f.get("knock_on_of"):
            knock.setdefault(f["knock_on_of"], []).append(f)
    out: list[Mapping[str, Any]] = []
    placed: set[str] = set()
    for f in fs:
        if f.get("root"):
            out.append(f)
            placed.add(f["fingerprint"])
            for k in knock.get(f["fingerprint"], []):
                out.append(k)
                placed.add(k["fingerprint"])
    out.extend(f for f in fs if f["fingerprint"] not in placed)
    return out


def _file(e: Mapping[str, Any], index: int) -> str:
    title = escape(e["file"])
    if e.get("error"):
        return (f'<section id="file-{index}"><h2>{title}</h2><p class="unreadable">无法读取：'
                f"{escape(e['error']['message'])}（{escape(e['error']['code'])}）</p></section>")
    s = e["summary"]
    about = " ".join(str(x) for x in (e.get("unit_name") or "（单位不详）", e.get("year") or "",
                                      _KIND.get(e.get("kind") or "", "")) if x)
    out = [f'<section id="file-{index}">', f"<h2>{escape(about)}<br><small>{title}</small></h2>",
           f'<p class="counts">共 {s["findings"]} 条：{_counts(s["by_severity"])}；'
           f"显示 {s['shown']} 条{_hidden(s)}</p>"]
    if e.get("not_checked"):
        out.append("<h3>未检查（读表不确定，未做运算核对）</h3><ul>")
        for n in e["not_checked"]:
            where = f"第{n['page']}页 " if n.get("page") else ""
            out.append(f"<li>{escape(where + n['section'])}：{escape(n['reason'])}</li>")
        out.append("</ul>")
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for f in e["findings"]:
        groups.setdefault(f["location"]["section"], []).append(f)
    for section, fs in groups.items():
        out.append(f"<h3>{escape(_SECTIONS.get(section, section))}"
                   f'<span class="counts">（{len(fs)} 条）</span></h3>')
        out.extend(_finding(f, section) for f in _ordered(fs))
    out.append("</section>")
    return "\n".join(out)


def render_html(entries: Sequence[Mapping[str, Any]], summary: Mapping[str, Any]) -> str:
    """The page for these file entries and their summary (see `file_entry`)."""
    rows = []
    for i, e in enumerate(entries):
        if e.get("error"):
            rows.append(f'<tr><td><a href="#file-{i}">{escape(e["file"])}</a></td>'
                        f'<td colspan="5" class="unreadable">无法读取</td></tr>')
            continue
        c = e["summary"]["by_severity"]
        rows.append(
            f'<tr><td><a href="#file-{i}">{escape(e.get("unit_name") or e["file"])}</a></td>'
            f"<td>{e.get('year') or ''}</td><td>{_KIND.get(e.get('kind') or '', '')}</td>"
            f'<td class="n">{c["error"]}</td><td class="n">{c["warning"]}</td>'
            f'<td class="n">{c["info"]}</td></tr>')
    head = (f'<p class="counts">{summary["files"]} 个文件（{_reports(summary)}'
            f'{summary["unreadable"]} 个无法读取），'
            f"共 {summary['findings']} 条：{_counts(summary['by_severity'])}；"
            f"显示 {summary['shown']} 条{_hidden(summary)}</p>")
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="zh-CN">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>govbudget 核查报告</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
        "<h1>govbudget 核查报告</h1>", head,
        '<table class="summary"><tr><th>单位</th><th>年度</th><th>类型</th><th>错误</th>'
        f"<th>警告</th><th>提示</th></tr>{''.join(rows)}</table>",
        *(_file(e, i) for i, e in enumerate(entries)),
        "</body>", "</html>", ""])
