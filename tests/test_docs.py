"""The documentation covers the public API: every public name is documented and referenced."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import govbudget

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _documented_modules() -> set[str]:
    mods: set[str] = set()
    for page in (DOCS / "api").glob("*.md"):
        mods.update(re.findall(r"^::: ([\w.]+)", page.read_text(encoding="utf-8"), re.M))
    return mods


@pytest.mark.parametrize("name", [n for n in govbudget.__all__ if not n.startswith("__")])
def test_public_name_is_documented(name: str) -> None:
    """Every name in govbudget.__all__ has a docstring and its module is on an API page."""
    obj = getattr(govbudget, name)
    if inspect.isclass(obj) or inspect.isfunction(obj):
        assert inspect.getdoc(obj), name
        module = obj.__module__
        documented = _documented_modules()
        assert any(module == m or module.startswith(m + ".") for m in documented), module


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_pages_are_in_the_nav(page: str) -> None:
    """Every top-level docs page is reachable from the navigation."""
    nav = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert page in nav
