"""Property tests for the classification schemes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget.codes import SCHEMES, dept_economic, functional, gov_economic

pytestmark = pytest.mark.property


@pytest.mark.parametrize("name", sorted(SCHEMES))
def test_parents_exist_and_prefix(name: str) -> None:
    """Every built-in entry's code has the length of its level; its parent exists, or the
    entry says that no source prints it; the child's code extends the parent's."""
    scheme = SCHEMES[name]
    for info in scheme.codes():
        assert len(info.code) == scheme.lengths[info.level - 1], info.code
        if info.parent is not None:
            assert info.code.startswith(info.parent) and len(info.code) > len(info.parent)
            if not scheme.is_known(info.parent):
                assert info.note and f"parent {info.parent}" in info.note, info.code


def test_local_items_refine_a_national_item() -> None:
    """Every local sub-item has the local length, is no national code, and refines a
    known national item."""
    items = list(dept_economic.local_items())
    assert items
    for info in items:
        assert len(info.code) == dept_economic.SCHEME.local_length
        assert not dept_economic.is_valid(info.code)
        assert dept_economic.national_code(info.code) == info.parent
        assert dept_economic.is_known(info.parent or ""), info.code
        assert info.scope and info.source


@given(st.sampled_from(["201", "208", "301", "302", "501"]),
       st.lists(st.integers(0, 99), min_size=1, max_size=2), st.data())
def test_one_digit_parts_are_zero_padded(top: str, parts: list[int],
                                         data: st.DataObject) -> None:
    """A code printed as level parts reads the same whether a lower part below 10 is
    printed with one digit or two ('301 2' == '301 02' == '30102')."""
    scheme = {"2": functional, "3": dept_economic, "5": gov_economic}[top[0]].SCHEME
    parts = parts[: len(scheme.lengths) - 1]
    short = [str(p) if data.draw(st.booleans()) else f"{p:02d}" for p in parts]
    sep = data.draw(st.sampled_from([" ", "  ", "|", "-"]))
    printed = sep.join([top, *short])
    assert scheme.compact(printed) == top + "".join(f"{p:02d}" for p in parts)


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
