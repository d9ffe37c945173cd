"""Tests for govbudget._lazy_re: a pattern compiled on first use behaves as compiled."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from govbudget._lazy_re import LazyPattern, lazy

PATTERNS = [r"\d+", r"(?P<n>[一二三四五六七八九十]+)、", r"万元|元", r"\s+"]


def test_nothing_is_compiled_before_first_use() -> None:
    p = lazy(r"[")  # an invalid pattern: compiling it would raise
    assert isinstance(p, LazyPattern) and repr(p) == "lazy('[')"


def test_first_use_compiles_and_binds_the_compiled_methods() -> None:
    p = lazy(r"(?P<d>\d+)", re.ASCII)
    assert p.search("ab 12").group("d") == "12"  # type: ignore[union-attr]
    compiled = p.compiled()
    assert compiled.flags & re.ASCII and p.groupindex == {"d": 1}
    assert p.compiled() is compiled  # compiled once
    assert p.search.__self__ is compiled  # type: ignore[attr-defined]


def test_an_invalid_pattern_raises_on_first_use() -> None:
    try:
        lazy(r"(").match("x")
    except re.error:
        pass
    else:
        raise AssertionError("re.error expected")


@given(st.sampled_from(PATTERNS), st.text(alphabet="一二三、 12元万x", max_size=20),
       st.booleans())
def test_every_method_answers_as_the_compiled_pattern(pattern: str, text: str,
                                                      first: bool) -> None:
    """Property: before and after the first compile, each method gives what
    ``re.compile(pattern)`` gives."""
    p, c = lazy(pattern), re.compile(pattern)
    if first:
        p.compiled()

    def same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None
                                             and a.span() == b.span())

    assert same(p.match(text), c.match(text))
    assert same(p.fullmatch(text), c.fullmatch(text))
    assert same(p.search(text, 1), c.search(text, 1))
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in c.finditer(text)]
    assert p.findall(text) == c.findall(text)
    assert p.sub("#", text) == c.sub("#", text)
    assert p.subn("#", text, 1) == c.subn("#", text, 1)
    assert p.split(text) == c.split(text)
