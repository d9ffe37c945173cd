"""Tests for govbudget._kept: kept files are read only when trusted and of their stamp,
written whole, and never turn a failure into an error."""

from __future__ import annotations

import marshal
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govbudget
from govbudget import _kept

NAME = "test.marshal"


def test_written_values_are_read_back_under_their_stamp_only(tmp_path: Path) -> None:
    assert _kept.write([tmp_path], NAME, "stamp", {("a", 1): [1, 2]})
    assert _kept.read([tmp_path], NAME, "stamp") == {("a", 1): [1, 2]}
    assert _kept.read([tmp_path], NAME, "another interpreter") == {}
    assert not list(tmp_path.glob(".*"))  # no half-written file left behind


@given(st.dictionaries(st.text(max_size=5), st.lists(st.integers(), max_size=3), max_size=5))
def test_any_marshal_values_round_trip(values: dict[str, list[int]]) -> None:
    """Property: what is written is what is read."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        assert _kept.write([folder], NAME, "s", values)
        assert _kept.read([folder], NAME, "s") == values


def test_a_damaged_file_or_one_of_other_values_is_ignored(tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(b"\x00not marshal")
    assert _kept.read([tmp_path], NAME, "s") == {}
    (tmp_path / NAME).write_bytes(marshal.dumps(("s", ["not", "a", "dict"])))
    assert _kept.read([tmp_path], NAME, "s") == {}
    assert not _kept.write([tmp_path], NAME, "s", {"x": object()})  # not marshal values


def test_a_file_others_could_write_is_not_trusted(tmp_path: Path) -> None:
    assert _kept.write([tmp_path], NAME, "s", {"a": 1})
    (tmp_path / NAME).chmod(0o666)
    assert _kept.read([tmp_path], NAME, "s") == {}


def test_every_folder_is_read_the_first_one_winning(tmp_path: Path) -> None:
    package, user = tmp_path / "package", tmp_path / "user"
    assert _kept.write([package], NAME, "s", {"a": 1, "b": 1})
    assert _kept.write([user], NAME, "s", {"b": 2, "c": 2})
    assert _kept.read([package, user], NAME, "s") == {"a": 1, "b": 1, "c": 2}


def test_an_unwritable_folder_is_passed_over(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert _kept.write([blocked / "sub", tmp_path / "ok"], NAME, "s", {"a": 1})
    assert (tmp_path / "ok" / NAME).exists()
    assert not _kept.write([blocked / "sub"], NAME, "s", {"a": 1})


def test_the_files_live_beside_the_bytecode_then_in_the_user_cache(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "pycache_prefix", None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folders = _kept.folders()
    assert folders[0] == Path(govbudget.__file__).resolve().parent / "__pycache__"
    assert folders[1] == tmp_path / "govbudget"
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "prefix"))
    assert _kept.folders()[0].is_relative_to(tmp_path / "prefix")


def test_a_cache_is_switched_off_by_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("0", "off", " NO "):
        monkeypatch.setenv("GOVBUDGET_TEST_CACHE", value)
        assert _kept.switched_off("GOVBUDGET_TEST_CACHE")
    monkeypatch.setenv("GOVBUDGET_TEST_CACHE", "1")
    assert _kept.switched_off("GOVBUDGET_TEST_CACHE") is not hasattr(__import__("os"), "getuid")


def test_saving_at_exit_never_raises() -> None:
    def fails() -> bool:
        raise OSError("disk full")

    _kept.save_quietly(fails)  # no error
