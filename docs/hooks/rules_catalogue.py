"""mkdocs hook: fill the rule catalogue page from govbudget's rule registry at build time.

The page ``rules.md`` holds the marker ``<!-- rule-catalogue -->``; every registered rule
is written there (id, titles, category, default severity, condition, explanation), so the
documentation can never drift from the code.
"""

from __future__ import annotations

from typing import Any

MARKER = "<!-- rule-catalogue -->"


def render_catalogue() -> str:
    """The catalogue as Markdown."""
    from govbudget.checks import Category, registry

    rules = registry()
    out: list[str] = [f"{len(rules)} rules are registered.", ""]
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
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Replace the marker with the catalogue."""
    if MARKER in markdown:
        return markdown.replace(MARKER, render_catalogue())
    return markdown
