"""Tests for govbudget._ingest._narrative_within: what a figure is stated within (the
reasons of a change, a circled label, an item's breakdown). The reader's use of it is
tested on hand-written sentences in tests/test_ingest_narrative_facts.py."""

from __future__ import annotations

import re

from govbudget._ingest._narrative_within import Within, named

from .narrative_reading_helpers import read


def _events(text: str, start: int, end: int) -> list[tuple[int, int, re.Match[str], bool]]:
    from govbudget._ingest._narrative_words import _FIG

    return [(m.start(), m.end(), m, True) for m in _FIG.finditer(text, start, end)]


def test_named_adds_the_qualifier_in_brackets() -> None:
    assert named("机构运行", "2060401") == "机构运行（2060401）"
    assert named("人员经费", None) == "人员经费"


def test_reasons_go_on_after_a_semicolon_only_with_changes() -> None:
    """After ``；`` a clause of changes goes on with the reasons; one that opens with an
    amount, or after ``。``, does not."""
    text = "甲增加5万元，原因是乙增加2万元；丙减少1万元；丁类支出8万元，较上年增加1万元。戊增加3万元"
    w = Within(text, False)
    cuts = [m.end() for m in re.finditer("[；。]", text)]
    starts = [0, *cuts]
    ends = [c - 1 for c in cuts] + [len(text)]
    going = []
    for start, end in zip(starts, ends, strict=True):
        w.sentence(start, end, text[start:end], _events(text, start, end))
        going.append(w.reason is not None)
    assert going == [True, True, False, False]


def test_a_reason_that_names_the_explained_change_is_that_change() -> None:
    n, *_ = read("七、说明\n  “三公”经费比上年减少15.30万元，主要原因是车辆划出，故“三公”经费较上年减少15.3万元，"
                 "其中公务接待费减少1.00万元。\n")
    assert [f.about.within for f in n.facts] == [None, None, "三公经费"]
