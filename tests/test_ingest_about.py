"""Tests for govbudget._ingest._about: the reader records what each narrative figure
speaks of (scope, side, path, code, column, named whole, held, unit) on the fact."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import govbudget
from govbudget import Fact, FactKind, Narrative, NarrativeSection
from govbudget._ingest._about import _whole_subject, speaks_of
from govbudget._subjects import SUBJECTS, About, Scope, Side, Whole

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "jincheng-npc-office-2024.txt"
REAL = ROOT / "tests" / "data" / "real"
A, S, N = FactKind.AMOUNT, FactKind.SHARE, FactKind.COUNT


def fact(subject: str, kind: FactKind = A, value: str = "10.00", unit: str = "万元", *,
         sentence: str = "", section: str = "", qualifier: str | None = None) -> Fact:
    return Fact(subject, kind, Decimal(value), unit, sentence=sentence or subject,
                section=section, qualifier=qualifier)


def read(*facts: Fact, titles: tuple[str, ...] = ()) -> list[About]:
    sections = [NarrativeSection(t, "") for t in titles]
    return [f.about for f in speaks_of(Narrative(sections=sections, facts=facts)).facts]


class TestScope:
    def test_clause_section_and_parent(self) -> None:
        """The clause first, then the section, then its parent section."""
        top, sub = "三、一般公共预算支出情况说明", "（一）基本支出"
        got = read(fact("基本支出", section="二、支出预算情况说明"),
                   fact("基本支出", sentence="财政拨款安排基本支出", section="二、支出预算情况说明"),
                   fact("基本支出", section=top),
                   fact("人员经费", section=sub),
                   titles=("二、支出预算情况说明", top, sub))
        assert [a.scope for a in got] == [Scope.ALL, Scope.GRANT, Scope.GENERAL, Scope.GENERAL]

    def test_the_subjects_own_words_say_nothing(self) -> None:
        """一般公共预算拨款收入 names the general budget in its own wording: the passage's scope
        is not that of the general budget."""
        got = read(fact("一般公共预算拨款收入", sentence="其中一般公共预算拨款收入",
                        section="一、收入预算情况说明"))
        assert got[0].scope is Scope.ALL

    def test_general_before_grant(self) -> None:
        got = read(fact("基本支出", sentence="一般公共预算财政拨款基本支出"))
        assert got[0].scope is Scope.GENERAL


class TestSide:
    def test_side_of_the_total_broken_down(self) -> None:
        sec = "一、收支预算总体情况"
        got = read(fact("预算支出总计", section=sec), fact("上年结转", section=sec),
                   fact("预算收入总计", section="二"), fact("上年结转", section="二"),
                   fact("上年结转", sentence="上年结转支出", section="三"),
                   fact("上年结转", section="四、财政拨款收支情况"))
        assert [a.side for a in got] == [None, Side.EXPENDITURE, None, Side.INCOME,
                                         Side.EXPENDITURE, Side.GRANT]


class TestItems:
    def test_path_and_code(self) -> None:
        got = read(fact("小学教育", qualifier="教育支出（类）普通教育（款）"),
                   fact("行政运行", qualifier="2080201"), fact("行政运行", qualifier="其中"))
        assert got[0].path == ("教育支出", "普通教育") and got[0].code is None
        assert got[1].code == "2080201" and got[1].path == ()
        assert got[2] == About()

    def test_current_year_column(self) -> None:
        got = read(fact("本年支出", sentence="本年预算安排"), fact("本年支出"),
                   fact("基本支出", sentence="预算安排基本支出"))
        assert [a.column for a in got] == ["current_year", None, None]


class TestWhole:
    def test_named_whole(self) -> None:
        got = read(fact("项目支出", S, "100", "%",
                        sentence="占一般公共预算部门（单位）项目支出总额的100%"))
        assert got[0].whole == Whole("一般公共预算部门（单位）项目支出总额", "项目支出",
                                     Scope.GENERAL, None)

    def test_wordings_of_no_whole(self) -> None:
        for sentence in ("占比65.62%", "占65.62%"):
            assert read(fact("基本支出", S, "65.62", "%", sentence=sentence))[0].whole is None

    def test_a_bracketed_remark_is_not_the_whole(self) -> None:
        got = read(fact("某项", S, "10", "%", sentence="占财政性资金（项目支出除外）总额的10%"))
        assert got[0].whole is not None and got[0].whole.subject is None

    def test_only_shares_have_a_whole(self) -> None:
        assert read(fact("基本支出", sentence="占全部支出的一半"))[0].whole is None


class TestVehiclesAndUnits:
    def test_held(self) -> None:
        got = read(fact("公务用车", N, "5", "辆", sentence="共有公务用车"),
                   fact("公务用车", N, "2", "辆", sentence="领导用车"),
                   fact("在职人员", N, "5", "人", sentence="共有车辆"))
        assert [a.held for a in got] == [True, False, False]

    def test_a_passage_about_a_unit(self) -> None:
        got = read(fact("人员经费", section="二、某某市劳动人事争议仲裁院"),
                   fact("人员经费", section="二、支出预算情况说明"))
        assert [a.unit for a in got] == ["二、某某市劳动人事争议仲裁院", None]


@given(st.lists(st.sampled_from(["预算收入总计", "上年结转", "基本支出", "本年支出"]),
                max_size=8),
       st.sampled_from(["一、收入", "二、一般公共预算", "三、财政拨款"]))
def test_reading_again_changes_nothing(subjects: list[str], section: str) -> None:
    """What a fact speaks of depends on its text and neighbours only: reading a narrative
    whose facts already record it gives the same records."""
    n = Narrative(facts=[fact(s, section=section) for s in subjects])
    once = speaks_of(n)
    assert speaks_of(once) == once
    stripped = attrs.evolve(once, facts=[attrs.evolve(f, about=About()) for f in once.facts])
    assert speaks_of(stripped) == once


def test_the_sample_records_what_its_facts_speak_of() -> None:
    """On the sample: the grant passage's 上年结转 is the grants' side, the general-budget
    passage's classes are of the general budget, 本年支出 of 本年预算安排 is the current-year
    column, and the vehicles held are known."""
    facts = govbudget.read_report(SAMPLE).narrative.facts

    def about(line: int, subject: str, kind: FactKind = A) -> About:
        return next(f.about for f in facts if f.line == line and f.subject == subject
                    and f.kind is kind)

    assert about(804, "上年结转").side is Side.GRANT
    assert about(778, "上年结转").side is Side.EXPENDITURE
    assert about(821, "一般公共服务支出").scope is Scope.GENERAL
    assert about(806, "一般公共服务支出").scope is Scope.GRANT
    assert about(849, "三公经费").scope is Scope.GRANT
    assert sum(f.about.column == "current_year" for f in facts) == 1
    assert sum(f.about.held for f in facts) == 1


def test_a_real_final_account_records_paths_and_wholes() -> None:
    """On a real final account (Shanghai, pdftotext layout): the items of the general
    budget carry their 类/款 path in the general-budget scope, and the share of the general
    budget names its whole (本年支出合计)."""
    facts = govbudget.read_report(REAL / "shanghai-ptghzy-2024-final.txt").narrative.facts
    fund = [f for f in facts if f.subject == "住房公积金" and f.kind is A]
    assert fund and all(f.about.path == ("住房保障支出", "住房保障支出")
                        and f.about.scope is Scope.GENERAL for f in fund)
    share = next(f for f in facts if f.kind is S and f.subject == "一般公共预算支出")
    assert share.about.whole == Whole("本年支出合计", "本年支出", None, None)


def test_a_narrative_whose_titles_speak_of_the_outturn_is_a_final_accounts() -> None:
    """``Narrative.final``: most section titles speak of 决算 (at least three)."""
    budget = govbudget.read_report(SAMPLE).narrative
    final = govbudget.read_report(REAL / "shanghai-ptghzy-2024-final.txt").narrative
    assert budget.final is False and final.final is True
    titles = ("一、收入支出决算总体情况", "二、收入决算情况", "三、支出决算情况")
    made = speaks_of(Narrative(sections=[NarrativeSection(t, "") for t in titles]))
    assert made.final is True
    assert speaks_of(Narrative(sections=[NarrativeSection(t, "") for t in titles[:2]])).final \
        is False


def test_what_the_reader_records_is_what_speaks_of_records() -> None:
    """The reader records what each fact speaks of as it reads (`Recorder`); working it out
    afresh from the finished narrative (`speaks_of`) gives the same records, on the sample
    and on every real report."""
    for path in [SAMPLE, *sorted(REAL.glob("*.txt"))]:
        n = govbudget.read_report(path).narrative
        assert speaks_of(n) == n, path.name
        stripped = attrs.evolve(n, facts=[attrs.evolve(f, about=About()) for f in n.facts],
                                final=False)
        # What only the reading sees (the passage a figure is within, a unit its clause
        # names) is not in a bare fact: the rest is worked out the same.
        assert speaks_of(stripped) == _seen_by_words(n), path.name
    assert any(f.about.within for f in govbudget.read_report(SAMPLE).narrative.facts)


def _seen_by_words(n: Narrative) -> Narrative:
    titles = {s.title for s in n.sections}
    return attrs.evolve(n, facts=[attrs.evolve(f, about=attrs.evolve(
        f.about, within=None, unit=f.about.unit if f.about.unit in titles else None))
        for f in n.facts])


def test_classes_under_a_column_heading_are_parts_of_that_column() -> None:
    """Under （二）项目支出 a class amount is part of project spending (column ``project``);
    the column's own figure and passages of other titles have no column."""
    from .narrative_reading_helpers import read

    n, *_ = read("三、支出预算情况说明\n  （二）项目支出：项目支出预算50.00万元。其中：教育支出"
                 "20.00万元。公共安全支出30.00万元。\n  （三）其他：教育支出20.00万元。\n")
    got = [(f.subject, f.section, f.about.column) for f in n.facts]
    assert got == [("项目支出", "（二）项目支出", None), ("教育支出", "（二）项目支出", "project"),
                   ("公共安全支出", "（二）项目支出", "project"), ("教育支出", "（三）其他", None)]


_WHOLE_PIECES = sorted({w for _, p in SUBJECTS for w in re.findall(r"[\u4e00-\u9fff]+", p)}
                       | {"总额", "总计", "合计", "总数", "（", "）", "的", "部门", "\n"})


@given(st.lists(st.sampled_from(_WHOLE_PIECES), max_size=7).map("".join))
def test_whole_subject_is_the_first_pattern_with_its_tail_that_ends_the_words(words: str) -> None:
    expected = next((name for name, pattern in SUBJECTS
                     if re.search(f"(?:{pattern})(?:总额|总计|合计|总数)?$", words)), None)
    assert _whole_subject(words) == expected
