"""Tests for govbudget._output._width: display width and wrapping."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govbudget._output._width import pad, pad_left, width, wrap


@pytest.mark.parametrize(("text", "expected"), [
    ("", 0), ("abc", 3), ("应为", 4), ("应为 1,234.56万元", 17), ("（）", 4),
    ("\x1b[31m错误\x1b[0m", 4), ("e\u0301", 1),
])
def test_width(text: str, expected: int) -> None:
    """CJK characters take two columns, combining marks none, colour codes none."""
    assert width(text) == expected


def test_pad() -> None:
    """Padding counts display columns."""
    assert pad("实为", 6) == "实为  " and pad_left("1.00万元", 10) == "  1.00万元"


def test_wrap_keeps_figures_and_ids_whole() -> None:
    """A figure, its unit and a rule id are never split; closing punctuation stays on the
    line before."""
    text = "“公开项目绩效目标”金额与各类金额之和不符：应为1788.22万元，实为894.11万元，" \
           "相差-894.11万元 performance.cost_indicator"
    lines = wrap(text, 30)
    assert all(width(x) <= 30 for x in lines)
    joined = "".join(lines)
    for token in ("1788.22万元", "894.11万元", "-894.11万元", "performance.cost_indicator"):
        assert any(token in x for x in lines), token
    assert joined.replace(" ", "") == text.replace(" ", "")
    assert not any(x.startswith(("，", "：", "”")) for x in lines)


def test_wrap_line_numbers_stay_whole() -> None:
    """第2068行 is one token."""
    assert wrap("对照 人民代表大会会议经费 第5页 第2068行", 30)[-1].endswith("第2068行")


@given(st.text(alphabet=st.sampled_from(list("应为实相差0123456789.,万元 abc（）：，")),
               max_size=200),
       st.integers(min_value=4, max_value=100))
def test_wrap_property(text: str, columns: int) -> None:
    """No line is wider than asked (tokens are cut only when wider than a line), and
    nothing but spaces is lost."""
    lines = wrap(text, columns)
    assert all(width(x) <= columns for x in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
