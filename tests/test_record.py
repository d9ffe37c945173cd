"""Tests for govbudget._record: the plain slotted records behave as the attrs classes they
replace (equality over the fields and the class, a repr, hashable only when frozen)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget._record import FrozenRecord, Record


class _Pair(Record):
    __slots__ = ("a", "b")

    def __init__(self, a: object, b: object = None) -> None:
        self.a = a
        self.b = b


class _OtherPair(Record):
    __slots__ = ("a", "b")

    def __init__(self, a: object, b: object = None) -> None:
        self.a = a
        self.b = b


class _Frozen(FrozenRecord):
    __slots__ = ("a", "b")

    def __init__(self, a: object, b: object = None) -> None:
        self.a = a
        self.b = b


@attrs.define
class _AttrsPair:
    a: object
    b: object = None


@attrs.frozen
class _AttrsFrozen:
    a: object
    b: object = None


_VALUES = st.one_of(st.integers(-3, 3), st.text(max_size=2), st.none(), st.floats(allow_nan=True))


@given(_VALUES, _VALUES, _VALUES, _VALUES)
def test_equality_is_that_of_attrs(a: object, b: object, c: object, d: object) -> None:
    assert (_Pair(a, b) == _Pair(c, d)) == (_AttrsPair(a, b) == _AttrsPair(c, d))
    assert (_Pair(a, b) != _Pair(c, d)) == (_AttrsPair(a, b) != _AttrsPair(c, d))
    assert (_Frozen(a, b) == _Frozen(c, d)) == (_AttrsFrozen(a, b) == _AttrsFrozen(c, d))
    if _Frozen(a, b) == _Frozen(c, d):
        assert hash(_Frozen(a, b)) == hash(_Frozen(c, d))


def test_another_class_is_never_equal() -> None:
    assert _Pair(1, 2) != _OtherPair(1, 2)
    assert _Pair(1, 2) != (1, 2)
    assert _Pair(1, 2).__eq__((1, 2)) is NotImplemented


def test_repr_is_that_of_attrs() -> None:
    assert repr(_Pair(1, "x")) == "_Pair(a=1, b='x')"
    assert repr(_Pair(1, "x")).split("(", 1)[1] == repr(_AttrsPair(1, "x")).split("(", 1)[1]


def test_a_mutable_record_is_unhashable_and_has_no_dict() -> None:
    with pytest.raises(TypeError):
        hash(_Pair(1))
    with pytest.raises(AttributeError):
        _Pair(1).c = 2  # type: ignore[attr-defined]
    assert len({_Frozen(1), _Frozen(1), _Frozen(2)}) == 2


def test_a_nan_field_is_not_equal_to_itself_as_in_attrs() -> None:
    nan = float("nan")
    assert (_Pair(nan) == _Pair(nan)) is (_AttrsPair(nan) == _AttrsPair(nan)) is False
