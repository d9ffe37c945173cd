"""The documentation covers the public API: every public name is documented and referenced."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import govbudget

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _documented_objects() -> set[str]:
    objs: set[str] = set()
    for page in (DOCS / "api").glob("*.md"):
        objs.update(re.findall(r"^::: ([\w.]+)", page.read_text(encoding="utf-8"), re.M))
    return objs


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
        assert f"govbudget.{name}" in _documented_objects() or any(
            module == m or module.startswith(m + ".") for m in documented), module


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_pages_are_in_the_nav(page: str) -> None:
    """Every top-level docs page is reachable from the navigation."""
    nav = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert page in nav


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation built with ``mkdocs build --strict`` (no --quiet)."""
    import os
    import subprocess
    import sys

    pytest.importorskip("mkdocs")
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=DOCS.parent, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "WARNING" not in done.stderr, done.stderr[-2000:]
    return out


def test_no_doctest_directives_on_pages(site: Path) -> None:
    """Doctest directives keep examples runnable; they are not shown to readers."""
    pages = list(site.rglob("*.html"))
    assert pages
    for page in pages:
        assert "doctest:" not in page.read_text(encoding="utf-8"), page


def test_api_pages_name_public_objects_once(site: Path) -> None:
    """The API pages' anchors are public names (no _private module path), each once."""
    for page in (site / "api").rglob("index.html"):
        ids = re.findall(r'id="(govbudget[\w.]*)"', page.read_text(encoding="utf-8"))
        assert ids, page
        assert not [i for i in ids if re.search(r"\._[a-z]", i)], page
        assert len(ids) == len(set(ids)), page


def test_search_finds_chinese_words(site: Path) -> None:
    """The search index holds 勾稽 and 行政运行 as tokens (split by its own separator)."""
    import json

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sep = re.compile(index["config"]["separator"])
    tokens = {t for doc in index["docs"] for t in sep.split(f"{doc['title']} {doc['text']}")}
    assert {"勾稽", "行政运行"} <= tokens
