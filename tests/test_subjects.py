"""Tests for govbudget._subjects: the subject vocabulary and the record of what a
narrative figure speaks of."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govbudget
from govbudget import Fact, FactKind, Narrative, Report
from govbudget._serialise import dumps, loads
from govbudget._subjects import SUBJECTS, About, Scope, Side, Whole

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / \
    "jincheng-npc-office-2024.txt"


def test_names_are_unique_and_patterns_compile() -> None:
    names = [name for name, _ in SUBJECTS]
    assert len(names) == len(set(names))
    for _, pattern in SUBJECTS:
        re.compile(pattern)


@pytest.mark.parametrize(("wording", "name"), [
    ("一般公共预算当年支出", "一般公共预算支出"),
    ("“三公”经费预算", "三公经费"),
    ("部门预算收入总计", "预算收入总计"),
    ("年初结转和结余", "上年结转"),
])
def test_the_first_matching_subject_is_the_specific_one(wording: str, name: str) -> None:
    """The first entry whose pattern ends the wording names it (specific before general)."""
    first = next(n for n, p in SUBJECTS if re.search(f"(?:{p})$", wording))
    assert first == name


def test_a_fact_made_by_hand_speaks_of_the_whole_budget() -> None:
    f = Fact("基本支出", FactKind.AMOUNT, Decimal("1.00"), "万元")
    assert f.about == About() and f.about.scope is Scope.ALL and f.about.side is None


def test_records_are_frozen_and_compare_by_value() -> None:
    a = About(scope=Scope.GRANT, side=Side.GRANT, path=["教育支出"])
    assert a.path == ("教育支出",)  # a list becomes a tuple
    assert a == About(scope=Scope.GRANT, side=Side.GRANT, path=("教育支出",))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.scope = Scope.ALL  # type: ignore[misc]
    assert Whole("本年支出合计", "本年支出").scope is None


def test_what_facts_speak_of_survives_json() -> None:
    """The records are part of the report's lossless JSON."""
    report = govbudget.read_report(SAMPLE)
    assert any(f.about != About() for f in report.narrative.facts)
    assert loads(dumps(report)) == report
    small = attrs.evolve(Report(), narrative=Narrative(facts=[Fact(
        "项目支出", FactKind.SHARE, Decimal("100"), "%",
        about=About(whole=Whole("项目支出总额", "项目支出", Scope.GENERAL)))]))
    assert loads(dumps(small)) == small
