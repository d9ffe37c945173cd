"""Tests for govbudget._attrs_code: a class whose methods come from kept code is the class
attrs builds (its init, equality, hash and repr), for govbudget's classes only, and the
cache never turns a failure into an error."""

from __future__ import annotations

import marshal
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

import attrs
import pytest
from attr import _make
from hypothesis import given
from hypothesis import strategies as st

from govbudget import _attrs_code, _report
from govbudget._attrs_code import _FILE, SEED, CodeStore, _with_number, install

ORIGINAL = getattr(_make._compile_and_eval, "__wrapped__", _make._compile_and_eval)


def _build(module: str) -> type:
    """A frozen attrs class of ``module`` with a default, a validator and a converter."""
    ns: dict[str, Any] = {"__module__": module, "__qualname__": "Probe",
                          "__annotations__": {"a": "int", "b": "str", "c": "tuple[int, ...]"}}
    ns["a"] = attrs.field(validator=attrs.validators.instance_of(int))
    ns["b"] = attrs.field(default="x")
    ns["c"] = attrs.field(default=(), converter=tuple)
    return attrs.frozen(type("Probe", (), ns))


def _with_store(monkeypatch: pytest.MonkeyPatch, store: CodeStore | None,
                module: str = "govbudget._probe") -> type:
    """The class built with ``store`` installed (None: attrs as it is)."""
    monkeypatch.setattr(_make, "_compile_and_eval", ORIGINAL)
    if store is not None:
        assert install(store)
    try:
        return _build(module)
    finally:
        monkeypatch.setattr(_make, "_compile_and_eval", ORIGINAL)


def test_a_class_from_kept_code_is_the_class_attrs_builds(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    first = CodeStore([tmp_path])
    made = _with_store(monkeypatch, first)
    assert first.made >= 1 and first.kept == 0 and first.save()
    second = CodeStore([tmp_path])
    kept = _with_store(monkeypatch, second)
    assert second.kept == first.made and second.made == 0
    plain = _with_store(monkeypatch, None)
    for cls in (made, kept):
        one = cls(1, "y", [2])
        assert one == cls(1, "y", (2,)) and one != cls(2)
        assert one.c == (2,) and cls(3).b == "x"
        # the hash starts from the class's own number, as attrs' own code does
        assert hash(one) == hash(plain(1, "y", [2]))
        assert repr(one) == repr(plain(1, "y", [2]))
        with pytest.raises(TypeError):
            cls("not an int")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            one.a = 5  # type: ignore[attr-defined]


@given(st.integers(min_value=-(2**63), max_value=2**63 - 1))
def test_the_hash_number_put_back_is_the_number_of_the_source(number: int) -> None:
    """Property: code compiled with the stand-in, the number put back, returns what the
    source with the number returns."""
    def source(n: int) -> str:
        return f"def __hash__(self):\n    return hash((\n        {n},\n        self,\n    ))\n"

    kept, replaced = _with_number(compile(source(SEED), "<attrs generated hash m.C>", "exec"),
                                  number)
    direct = compile(source(number), "<attrs generated hash m.C>", "exec")
    got: dict[str, Callable[[object], int]] = {}
    want: dict[str, Callable[[object], int]] = {}
    exec(kept, got)
    exec(direct, want)
    assert replaced == 1 and got["__hash__"](7) == want["__hash__"](7)


def test_the_store_keys_a_hash_source_by_its_stand_in(tmp_path: Path) -> None:
    """Two processes' sources that differ only in the hash number are one kept code."""
    src = "def __hash__(self):\n    return hash((\n        {},\n        self.a,\n    ))\n"
    first = CodeStore([tmp_path])
    first.code(src.format(-11), "<attrs generated hash m.C>")
    assert first.save()
    second = CodeStore([tmp_path])
    code = second.code(src.format(22), "<attrs generated hash m.C>")
    assert second.kept == 1 and second.made == 0
    inner = next(c for c in code.co_consts if isinstance(c, CodeType))
    assert 22 in inner.co_consts and SEED not in inner.co_consts


def test_other_classes_are_compiled_by_attrs(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    store = CodeStore([tmp_path])
    cls = _with_store(monkeypatch, store, module="someone_else.models")
    assert store.made == 0 and store.kept == 0 and cls(1) == cls(1)


def test_nothing_is_installed_over_an_attrs_that_compiles_otherwise(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def other(script: str, namespace: dict[str, Any]) -> None:
        exec(script, namespace)

    monkeypatch.setattr(_make, "_compile_and_eval", other)
    assert not install(CodeStore([], write=False))
    assert _make._compile_and_eval is other


def test_only_the_code_used_is_written_and_a_damaged_file_is_ignored(
        tmp_path: Path) -> None:
    (tmp_path / _FILE).write_bytes(b"\x00damaged")
    first = CodeStore([tmp_path])
    first.code("x = 1\n", "<attrs generated a m.A>")
    first.code("y = 2\n", "<attrs generated b m.B>")
    assert first.made == 2 and first.save() and not first.save()  # nothing new: not again
    second = CodeStore([tmp_path])
    second.code("x = 1\n", "<attrs generated a m.A>")
    second.code("z = 3\n", "<attrs generated c m.C>")
    assert second.kept == 1 and second.save()
    _stamp, codes = marshal.loads((tmp_path / _FILE).read_bytes())
    assert sorted(name for _source, name in codes) == ["<attrs generated a m.A>",
                                                       "<attrs generated c m.C>"]


def test_nothing_is_written_where_writing_is_off(tmp_path: Path) -> None:
    store = CodeStore([tmp_path], write=False)
    store.code("x = 1\n", "<attrs generated a m.A>")
    assert not store.save() and not (tmp_path / _FILE).exists()


def test_the_cache_follows_the_bytecode_setting_and_can_be_turned_off(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVBUDGET_CODE_CACHE", "0")
    assert _attrs_code._store().folders == []
    monkeypatch.delenv("GOVBUDGET_CODE_CACHE")
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    assert _attrs_code._store().write is False


@pytest.mark.skipif(not _attrs_code.INSTALLED, reason="GOVBUDGET_CODE_CACHE=0")
def test_the_package_classes_are_built_through_the_store() -> None:
    """govbudget's model classes (the report's among them) went through the store."""
    assert _attrs_code.STORE.made + _attrs_code.STORE.kept >= 40
    assert any("govbudget._report.Report" in name for _source, name in _attrs_code.STORE._used)
    assert _report.Report() == _report.Report()
