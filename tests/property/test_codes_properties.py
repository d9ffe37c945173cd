"""Property tests for the classification schemes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget.codes import SCHEMES, functional

pytestmark = pytest.mark.property


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_parents_exist_and_prefix(name: str) -> None:
    """Every built-in child's parent exists and the child's code extends it."""
    scheme = SCHEMES[name]
    for info in scheme.codes():
        if info.parent is not None:
            assert scheme.is_known(info.parent), info.code
            assert info.code.startswith(info.parent) and len(info.code) > len(info.parent)


@given(st.sampled_from(["201", "208", "221"]), st.integers(0, 99), st.integers(0, 99))
def test_validate_format_round_trip(cls: str, kuan: int, xiang: int) -> None:
    """validate(format(c)) == c for every well-formed code."""
    for code in (cls, f"{cls}{kuan:02d}", f"{cls}{kuan:02d}{xiang:02d}"):
        assert functional.validate(functional.format(code)) == code
        assert functional.validate(f"  {code} ") == code


@given(st.text(max_size=12))
def test_is_valid_never_raises(text: str) -> None:
    """is_valid() answers for any text, in every scheme."""
    for scheme in SCHEMES.values():
        ok = scheme.is_valid(text)
        if ok:
            assert scheme.validate(text) == scheme.compact(text)
