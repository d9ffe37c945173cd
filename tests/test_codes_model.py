"""Tests for govbudget.codes._model: the records of a scheme and normalised names."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govbudget.codes import NameStatus, functional, normalise_name


def test_normalise_name_folds_width_spaces_and_quotes() -> None:
    """Full-width forms, spaces and curly quotes do not make two names differ."""
    assert normalise_name("一般 公共服务（支出）") == normalise_name("一般公共服务(支出)")
    assert normalise_name("“三公”经费") == normalise_name('"三公"经费')


@given(st.text(alphabet="一二三公共服务（）() 　“”", max_size=12))
def test_normalise_name_is_idempotent(name: str) -> None:
    """Normalising twice is normalising once."""
    once = normalise_name(name)
    assert normalise_name(once) == once


def test_name_check_records_the_answer() -> None:
    """A check of a printed name answers with its status and the expected name."""
    ok = functional.check_name("2010101", "行政运行")
    assert ok.status is NameStatus.MATCH and ok.ok
    wrong = functional.check_name("2010101", "一般行政管理事务")
    assert wrong.status is NameStatus.WRONG_NAME and not wrong.ok
    assert wrong.expected == "行政运行"


def test_split_note_takes_only_a_closing_bracket() -> None:
    """The note is the bracket that closes the name; a bracket inside it, or a name that
    is all bracket, is no note."""
    from govbudget.codes._model import split_note

    assert split_note("行政运行(项)") == ("行政运行", "(项)")
    assert split_note("维修（护）费") == ("维修（护）费", "")
    assert split_note("（本级）") == ("（本级）", "")
