"""Tests for govbudget._pattern_cache: a pattern made from a kept program is the pattern
``re.compile`` makes, and the cache never turns a failure into an error."""

from __future__ import annotations

import importlib
import marshal
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govbudget
from govbudget import _pattern_cache
from govbudget._pattern_cache import _FILE, PatternStore, compile_pattern

PATTERNS = [
    (r"\d+(?:\.\d+)?", 0),
    (r"(?P<n>[一二三四五六七八九十]+)、", 0),
    (r"[\u4e00-\u9fff]{2,}(?:万元|元)", 0),
    (r"^\s*(?P<code>\d{3})(?P<rest>\d{2})?\s+(?P=code)?", re.MULTILINE),
    (r"yuan|wan", re.IGNORECASE),
    (r"(?<=合计)\s*(\d+)", 0),
]

pytestmark = pytest.mark.skipif(not PatternStore([]).enabled,
                                reason="not CPython's sre: the cache is off")


def _kept(tmp_path: Path) -> PatternStore:
    """A store of the patterns above, saved and read back by a second store."""
    first = PatternStore([tmp_path])
    for pattern, flags in PATTERNS:
        first.compile(pattern, flags)
    assert first.made == len(PATTERNS) and first.save()
    return PatternStore([tmp_path])


def test_a_kept_pattern_is_the_pattern_re_compile_makes(tmp_path: Path) -> None:
    second = _kept(tmp_path)
    for pattern, flags in PATTERNS:
        made = second.compile(pattern, flags)
        # Pattern equality compares the flags, the pattern text and sre's program.
        assert made == re.compile(pattern, flags)
        assert made.groupindex == re.compile(pattern, flags).groupindex
    assert second.kept == len(PATTERNS) and second.made == 0
    assert not second.save()  # nothing new: nothing written


@given(st.sampled_from(PATTERNS), st.text(alphabet="一二三、 12.5元万合计yuanWAN\n", max_size=30))
def test_kept_patterns_match_as_compiled_ones(case: tuple[str, int], text: str) -> None:
    """Property: a pattern from a kept program finds what ``re.compile`` finds."""
    pattern, flags = case
    made = _store_with_everything.compile(pattern, flags)
    assert _store_with_everything.made == 0
    fresh = re.compile(pattern, flags)
    assert [m.span() for m in made.finditer(text)] == [m.span() for m in fresh.finditer(text)]
    assert made.sub("#", text) == fresh.sub("#", text)


def _everything() -> PatternStore:
    """A store whose programs were written by another store (in memory: no file)."""
    first = PatternStore([], write=False)
    for pattern, flags in PATTERNS:
        first.compile(pattern, flags)
    second = PatternStore([], write=False)
    second._programs = dict(first._programs or {})
    return second


_store_with_everything = _everything()


@pytest.mark.skipif(not _pattern_cache.STORE.enabled, reason="GOVBUDGET_PATTERN_CACHE=0")
def test_every_pattern_of_the_package_is_kept_as_re_compile_makes_it(tmp_path: Path) -> None:
    """The patterns govbudget compiled in this test run (at least those of four modules
    that compile theirs at import), made again from kept programs, equal ``re.compile``'s
    (flags, text and program)."""
    programs = _pattern_cache.STORE._programs or {}
    if len(programs) < 50:  # an isolated run of this module: compile the package's own
        for name in ("_ingest._titles", "prose._scan", "_ingest._wide", "_ingest._about"):
            importlib.import_module(f"govbudget.{name}")
        programs = _pattern_cache.STORE._programs or {}
    keys = list(programs)
    assert len(keys) >= 50
    first = PatternStore([tmp_path])
    for pattern, flags in keys:
        first.compile(pattern, flags)
    first.save()
    second = PatternStore([tmp_path])
    for pattern, flags in keys:
        assert second.compile(pattern, flags) == re.compile(pattern, flags), pattern
    assert second.kept == len(keys)


def test_a_bad_pattern_raises_re_error_as_re_compile_does(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        PatternStore([tmp_path]).compile(r"([")
    with pytest.raises(re.error):
        compile_pattern(r"(?P<a>x)(?P<a>y)")


def test_a_damaged_or_foreign_file_is_ignored_and_rewritten(tmp_path: Path) -> None:
    (tmp_path / _FILE).write_bytes(b"\x00not marshal")
    store = PatternStore([tmp_path])
    assert store.compile(r"\d+").match("12") and store.made == 1
    assert store.save()
    assert PatternStore([tmp_path]).compile(r"\d+") == re.compile(r"\d+")
    # A file written by another interpreter is not used.
    (tmp_path / _FILE).write_bytes(marshal.dumps(("another python", {(r"\d+", 0): (0,)})))
    other = PatternStore([tmp_path])
    assert other.compile(r"\d+") == re.compile(r"\d+") and other.made == 1


def test_a_program_sre_refuses_is_made_anew(tmp_path: Path) -> None:
    store = _kept(tmp_path)
    programs = store._load()
    pattern, flags = PATTERNS[0]
    flags_all, _code, groups, index, names = programs[(pattern, flags)]
    programs[(pattern, flags)] = (flags_all, [99999, 1, 2], groups, index, names)
    store._programs = programs
    assert store.compile(pattern, flags) == re.compile(pattern, flags)
    assert store.made == 1 and store.kept == 0


def test_an_unwritable_folder_is_passed_over(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    store = PatternStore([blocked / "sub", tmp_path / "ok"])
    store.compile(r"x+")
    assert store.save()
    assert (tmp_path / "ok" / _FILE).exists()
    nowhere = PatternStore([blocked / "sub"])
    nowhere.compile(r"x+")
    assert not nowhere.save()  # no error: the cache only ever saves time


def test_nothing_is_written_where_writing_is_off(tmp_path: Path) -> None:
    store = PatternStore([tmp_path], write=False)
    store.compile(r"y+")
    assert not store.save() and not (tmp_path / _FILE).exists()


def test_the_cache_follows_the_bytecode_setting_and_can_be_turned_off(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVBUDGET_PATTERN_CACHE", "0")
    off = _pattern_cache._store()
    assert not off.enabled and off.compile(r"\d") == re.compile(r"\d")
    monkeypatch.delenv("GOVBUDGET_PATTERN_CACHE")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert _pattern_cache._store().write is False


def test_the_file_lives_beside_the_bytecode_then_in_the_user_cache(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "pycache_prefix", None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folders = _pattern_cache._folders()
    assert folders[0] == Path(govbudget.__file__).resolve().parent / "__pycache__"
    assert folders[1] == tmp_path / "govbudget"


def test_a_file_others_could_write_is_not_trusted(tmp_path: Path) -> None:
    _kept(tmp_path)
    (tmp_path / _FILE).chmod(0o666)
    store = PatternStore([tmp_path])
    assert store.compile(PATTERNS[0][0], PATTERNS[0][1]) and store.made == 1


def test_the_programs_of_every_folder_are_used(tmp_path: Path) -> None:
    """A package's read-only file and the user's own one: a pattern kept in either is not
    compiled again."""
    package, user = tmp_path / "package", tmp_path / "user"
    for folder, pattern in ((package, r"a+"), (user, r"b+")):
        first = PatternStore([folder])
        first.compile(pattern)
        assert first.save()
    both = PatternStore([package, user])
    assert both.compile(r"a+") and both.compile(r"b+") and both.made == 0 and both.kept == 2


def test_re_debug_is_compiled_by_re_as_asked() -> None:
    store = PatternStore([], write=False)
    assert store.compile(r"x", re.DEBUG) is not None and store.made == 0
