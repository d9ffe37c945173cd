"""Tests of govbudget._enum: identity hashing keeps enums usable as keys everywhere."""

from __future__ import annotations

import pickle

from hypothesis import given
from hypothesis import strategies as st

from govbudget import Severity, TableKind, Unit
from govbudget._enum import IdentityEnum

MEMBERS = [*Unit, *TableKind, *Severity]


@given(st.sampled_from(MEMBERS))
def test_hash_is_identity_and_keys_work(member: IdentityEnum) -> None:
    assert hash(member) == object.__hash__(member)
    table = {m: i for i, m in enumerate(MEMBERS)}
    assert table[member] == MEMBERS.index(member)
    assert member in set(MEMBERS)


@given(st.sampled_from(MEMBERS))
def test_pickle_round_trip_gives_the_same_member(member: IdentityEnum) -> None:
    back = pickle.loads(pickle.dumps(member))
    assert back is member
    assert {member: 1}[back] == 1


def test_members_still_compare_by_identity_not_value() -> None:
    assert Unit.YUAN != "元"
    assert Unit.parse("元") is Unit.YUAN
    assert issubclass(Unit, IdentityEnum)
