"""mkdocs hook: fill the rule catalogue page from govbudget's rule registry at build time.

The page ``rules.md`` holds the marker ``<!-- rule-catalogue -->``; every registered rule
is written there (id, titles, category, default severity, condition, explanation) with
every code of finding it makes (id, titles, the message its template gives for the code's
example values, and a real finding of that code on the bundled sample when there is one),
so the documentation can never drift from the code.
"""

from __future__ import annotations

from typing import Any

MARKER = "<!-- rule-catalogue -->"


def _sample_examples() -> dict[str, str]:
    """One message per finding code, from checking the bundled sample (its genuine
    findings)."""
    from pathlib import Path

    import govbudget

    sample = Path(__file__).resolve().parents[2] / "examples" / "data" / "jincheng-npc-office-2024.txt"
    if not sample.exists():
        return {}
    out: dict[str, str] = {}
    for f in govbudget.check_report(govbudget.read_report(sample)).findings:
        out.setdefault(f.code, f.message)
    return out


def render_catalogue() -> str:
    """The catalogue as Markdown."""
    from govbudget.checks import Category, codes, registry

    rules = registry()
    seen = _sample_examples()
    out: list[str] = [f"{len(rules)} rules are registered, making {len(codes())} codes of "
                      "finding.", ""]
    for cat in Category:
        chosen = [r for r in rules.values() if r.category is cat]
        if not chosen:
            continue
        out.append(f"## {cat.value}")
        out.append("")
        out.append("| id | 规则 | rule | default severity |")
        out.append("|---|---|---|---|")
        for r in chosen:
            out.append(f"| [`{r.id}`](#{r.id.replace('.', '')}) | {r.title} | {r.title_en} | "
                       f"{r.severity.value} |")
        out.append("")
        for r in chosen:
            out.append(f"### `{r.id}` {{ #{r.id.replace('.', '')} }}")
            out.append("")
            out.append(f"**{r.title}** — {r.title_en}")
            out.append("")
            out.append(f"- Category: {cat.value}; default severity: {r.severity.value}")
            out.append(f"- Applies: {r.applies}")
            out.append("")
            if r.doc:
                out.append(r.doc)
                out.append("")
            out.append("| code | 含义 | meaning | example |")
            out.append("|---|---|---|---|")
            for c in r.codes:
                if c.template:
                    zh, en = c.message(**c.example)
                    example = f"{zh}<br>{en}"
                else:
                    example = ""
                if c.id in seen:
                    example += ("<br>" if example else "") + f"on the sample: {seen[c.id]}"
                cell = example.replace("|", "\\|") or "—"
                out.append(f"| `{c.id}` | {c.title} | {c.title_en} | {cell} |")
            out.append("")
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace the marker with the catalogue."""
    if MARKER in markdown:
        return markdown.replace(MARKER, render_catalogue())
    return markdown
