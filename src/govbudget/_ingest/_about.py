"""What each narrative figure speaks of: the reader records it on the fact (``Fact.about``).

The same words mean different money in different passages, so the reader records, from
the clause, the section and its parent section, what every `govbudget.Fact` it reads is
about (`govbudget._subjects.About`); the narrative rules compare by these records and do
not read the text again.

- **Scope**: 一般公共预算 when the clause (without the subject's own wording:
  一般公共预算拨款收入 says nothing of the passage), its section title or its parent
  section's title says so, else 财政拨款 when one of them says that, else the whole budget.
- **Side** of a 上年结转: spending when its clause says 支出, else the side of the latest
  total of the passage (收入总计/本年收入: income, 支出总计/本年支出: spending,
  财政拨款…: grants), else the grants in a 财政拨款 passage and income otherwise.
- **Path and code** of an item: the 类/款 names of ``…（类）…（款）`` and the code of
  ``2080201-行政运行``, from the qualifier.
- **Column**: 本年支出 worded as 本年预算安排 speaks of the current-year column.
- **Whole** of a share: the words after 占 (``占部门项目支出总额的100%`` → 部门项目支出总额),
  the subject they end with, the money they name.
- **Held**: a vehicle count whose sentence says 共有/实有/现有/拥有 is the number held.
- **Unit**: a passage titled with one of the department's units (…局, …中心 …).

```pycon
>>> from decimal import Decimal
>>> from govbudget import Fact, FactKind, Narrative, NarrativeSection
>>> n = Narrative(sections=[NarrativeSection("三、一般公共预算支出情况说明", "")],
...               facts=[Fact("基本支出", FactKind.AMOUNT, Decimal("10.00"), "万元",
...                           sentence="基本支出10.00万元", section="三、一般公共预算支出情况说明")])
>>> speaks_of(n).facts[0].about.scope.value
'general'

```
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

import attrs

from .._pattern_cache import compile_pattern
from .._report import Fact, FactKind, Narrative
from .._subjects import SUBJECTS, About, Scope, Side, Whole
from ._narrative_words import _L1, _L2, _LIST, suffix_subject

__all__ = ["Recorder", "reads_final", "speaks_of"]

# A subject's own wording (一般公共预算拨款 …) says nothing about the passage's scope.
_OWN_PATTERNS: Final = dict(SUBJECTS)


@functools.cache
def _own_words(subject: str) -> re.Pattern[str] | None:
    """The pattern of a subject's own wording, compiled the first time it is needed (a
    fresh process compiles only the few a report asks for, not all of them)."""
    pattern = _OWN_PATTERNS.get(subject)
    return None if pattern is None else compile_pattern(pattern)
_CARRY: Final = "上年结转"
_CUR_SPEND: Final = "本年支出"
# The totals a passage breaks down, by the side of the summary they are on.
_SIDE_OF: Final = {"预算收入总计": Side.INCOME, "本年收入": Side.INCOME,
                   "预算支出总计": Side.EXPENDITURE, "本年支出": Side.EXPENDITURE,
                   "财政拨款收支总计": Side.GRANT, "财政拨款收入": Side.GRANT,
                   "财政拨款支出": Side.GRANT}
# Passages titled by a column of the spending tables (（一）基本支出, （二）项目支出).
_COLUMN_TITLES: Final = {"基本支出": "basic", "项目支出": "project"}
_PATH: Final = compile_pattern(r"([^（）()]+)[（(](类|款)[）)]")
_CODE: Final = compile_pattern(r"\d{3}(?:\d{2}){0,2}")
_HELD: Final = compile_pattern(r"(?:共有|实有|现有|拥有|共计有?)(?:各类)?(?:公务)?(?:用)?车(?:辆)?")
_UNIT_SECTION: Final = compile_pattern(
    r"(?:局|院|委员会|办公室|办事处|管理处|中心|所|站|队|馆|学校|医院|公司|研究会|协会)"
    r"(?:[（(][^（）()]{1,20}[）)])?$")
_SHARE_TAIL: Final = compile_pattern(r"[\d.,]+%$")
_SHARE_FILLER: Final = ("的比重", "的比例", "比重", "比例", "的", "为", "约", "达")
_BRACKETED: Final = compile_pattern(r"[（(][^（）()]*[）)]")
_WHOLE_TAILS: Final = ("总额", "总计", "合计", "总数")
_SPACES: Final = compile_pattern(r"\s+")


_UNREAD: Final = Fact("", FactKind.AMOUNT, Decimal(0), "").about
_NOTHING: Final = (_UNREAD.scope, _UNREAD.side, _UNREAD.path, _UNREAD.code, _UNREAD.column,
                   _UNREAD.whole, _UNREAD.held, _UNREAD.unit, _UNREAD.within)


class Recorder:
    """Records what the facts of one narrative speak of, as they are read: the parent of
    each section (from the section titles, in order) and the records made so far (equal
    records are one object; most facts are alike)."""

    __slots__ = ("_columns", "_records", "_units", "parents")

    def __init__(self, titles: Iterable[str]) -> None:
        parents: dict[str, str] = {}
        top = ""
        for title in titles:
            if title.startswith(("（", "(")):
                parents.setdefault(title, top)
            else:
                top = title
        self.parents = parents
        self._units: dict[str, str | None] = {}
        self._columns: dict[str, str | None] = {}
        self._records: dict[tuple[object, ...], About] = {_NOTHING: _UNREAD}

    def about(self, before: Sequence[Fact], subject: str, kind: FactKind, unit: str,
              sentence: str, section: str, qualifier: str | None, *,
              org: str | None = None, within: str | None = None, lead: str = "") -> About:
        """What a fact of these fields speaks of; ``before`` are the facts read before it;
        ``org``: the department's unit the clause names before the subject (else the
        section's); ``within``: whose change the figure is a reason for (the reader's);
        ``lead``: the words that introduce the list the figure is an item of
        (财政拨款支出主要内容如下：), read for the scope after the clause's own."""
        scope = _scope(subject, sentence, section, self.parents.get(section, ""), lead)
        q = qualifier
        whose = self._units.get(section, "")
        if whose == "":
            whose = self._units[section] = _unit_title(section) or _unit_title(
                self.parents.get(section, ""))  # (（一）在职人员经费 under 四、某管理处)
        if org is not None:
            whose = org
        key = (scope, _side(before, sentence, section, scope) if subject == _CARRY else None,
               tuple(name for name, _ in _PATH.findall(q)) if q and ("（" in q or "(" in q)
               else (),
               q if q and q[0].isdigit() and _CODE.fullmatch(q) else None,
               "current_year" if subject == _CUR_SPEND and "安排" in sentence
               else self._column(section, subject),
               _whole(sentence) if kind is FactKind.SHARE else None,
               unit == "辆" and _HELD.search(sentence) is not None, whose, within)
        about = self._records.get(key)
        if about is None:
            about = self._records[key] = About(*key)
        return about


    def _column(self, section: str, subject: str) -> str | None:
        """The column a passage titled by it speaks of: under ``（二）项目支出`` the classes
        listed are parts of project spending, not the classes' totals."""
        column = self._columns.get(section, "")
        if column == "":
            core = unicodedata.normalize("NFKC", _SPACES.sub("", section))
            for numbering in (_L1, _L2, _LIST):  # the reader's own numbering patterns
                core = numbering.sub("", core, count=1)
            column = self._columns[section] = _COLUMN_TITLES.get(core.rstrip(":："))
        return None if column is None or subject in _COLUMN_TITLES else column


def _unit_title(section: str) -> str | None:
    """``section`` when it is titled with one of the department's units (…局, …管理处)."""
    title = unicodedata.normalize("NFKC", _SPACES.sub("", section))
    return section if section and _UNIT_SECTION.search(title) else None


def speaks_of(narrative: Narrative) -> Narrative:
    """The narrative with what each of its facts speaks of recorded (``Fact.about``),
    worked out afresh from the facts' clauses, sections and neighbours, and whether its
    titles are a final account's (``Narrative.final``). The reader records the same as it
    reads (`Recorder`); this is for facts made otherwise. What only the reading can see
    is kept from a fact's own record: the passage it is within (reasons, a label, a
    breakdown), a unit its clause names, and the scope a list's lead-in gave it."""
    rec = Recorder(s.title for s in narrative.sections)
    titles = {s.title for s in narrative.sections}
    facts = narrative.facts
    out: list[Fact] = []
    changed = False
    for i, f in enumerate(facts):
        was = f.about
        org = was.unit if was.unit is not None and was.unit not in titles else None
        about = rec.about(facts[:i] if f.subject == _CARRY else (), f.subject, f.kind,
                          f.unit, f.sentence, f.section, f.qualifier, org=org,
                          within=was.within, lead=_SCOPE_WORDS.get(was.scope, ""))
        if about is not f.about:  # (records equal to a fact's own are rebuilt: harmless)
            f = _with(f, about)
            changed = True
        out.append(f)
    final = reads_final(s.title for s in narrative.sections)
    if not changed and final is narrative.final:
        return narrative
    return attrs.evolve(narrative, facts=tuple(out), final=final)


_SCOPE_WORDS: Final = {Scope.GENERAL: "一般公共预算", Scope.GRANT: "财政拨款"}
_BUDGET_TITLE: Final = compile_pattern(r"预算(?:情况|编制|说明)|编制说明")


def reads_final(titles: Iterable[str]) -> bool:
    """Whether a narrative is a final account's: most of its section titles speak of
    决算 (at least three, and more than speak of a budget)."""
    named = [t for t in titles if t]
    final = sum("决算" in t for t in named)
    budget = sum(bool(_BUDGET_TITLE.search(t)) and "决算" not in t for t in named)
    return final >= 3 and final > budget


def _with(f: Fact, about: About) -> Fact:
    """``attrs.evolve(f, about=about)``, spelt out (it is done for most facts)."""
    return Fact(f.subject, f.kind, f.value, f.unit, sentence=f.sentence, line=f.line,
                section=f.section, direction=f.direction, compared_to=f.compared_to,
                qualifier=f.qualifier, measure=f.measure, year=f.year, about=about)


def _scope(subject: str, sentence: str, section: str, parent: str, lead: str = "") -> Scope:
    # The clause keeps some of the sentence's characters in order, so it can hold a scope
    # word only if the sentence has each of its characters (般 of 一般公共预算, 拨 of
    # 财政拨款); and the subject's own words can hide one (ending in 算 or 款) only if the
    # sentence has that last character: otherwise there is nothing to remove.
    if "般" in sentence or "拨" in sentence:
        own = _own_words(subject)
        clause = own.sub("", sentence) if own is not None and (
            "算" in sentence or "款" in sentence) else sentence
        texts: tuple[str, ...] = (clause, lead, section, parent)
    else:
        texts = (lead, section, parent)
    for text in texts:
        if "一般公共预算" in text:
            return Scope.GENERAL
        if "财政拨款" in text:
            return Scope.GRANT
    return Scope.ALL


def _side(before: Sequence[Fact], sentence: str, section: str, scope: Scope) -> Side:
    """The side of the summary a 上年结转 belongs to: income, expenditure or grants (the
    latest total of its passage among the facts ``before`` it)."""
    if "支出" in sentence:
        return Side.EXPENDITURE
    for j in range(len(before) - 1, -1, -1):
        g = before[j]
        if g.section != section:
            break
        if g.kind is FactKind.AMOUNT and g.subject in _SIDE_OF:
            return _SIDE_OF[g.subject]
    return Side.GRANT if scope is Scope.GRANT else Side.INCOME


def _named_whole(sentence: str) -> str | None:
    """The whole a share names (``占部门项目支出总额的100%`` → ``部门项目支出总额``)."""
    if "占" not in sentence:
        return None
    text = _SHARE_TAIL.sub("", sentence.rsplit("占", 1)[1])
    if text.startswith("比"):  # 占比x%
        text = text[1:]
    changed = True
    while changed:
        changed = False
        for w in _SHARE_FILLER:
            if text.endswith(w):
                text = text[: -len(w)]
                changed = True
    return text or None


def _whole_subject(words: str) -> str | None:
    """The first subject of `SUBJECTS` whose wording, then perhaps 总额/总计/合计/总数, ends
    ``words`` (one reversed look-up for the words, one for the words without the tail;
    the earlier subject of the two wins, as in a scan of the subjects in order)."""
    if words.endswith("\n"):  # ``$`` also matches before a final newline
        words = words[:-1]
    found = suffix_subject(words)
    tail = next((t for t in _WHOLE_TAILS if words.endswith(t)), None)
    if tail is None:
        return found
    other = suffix_subject(words[: -len(tail)])
    if found is None or other is None:
        return found or other
    return min(found, other, key=_SUBJECT_ORDER.__getitem__)


_SUBJECT_ORDER: Final = {name: i for i, (name, _) in enumerate(SUBJECTS)}


def _whole(sentence: str) -> Whole | None:
    """The whole a share's words name: the words, the vocabulary subject they end with (a
    bracketed remark is not the whole: 占财政性资金（…项目支出除外）总额 names no subject),
    and the money they name."""
    words = _named_whole(sentence)
    if words is None:
        return None
    bare = _BRACKETED.sub("", words)
    subject = _whole_subject(bare)
    scope = Scope.GENERAL if "一般公共预算" in words else \
        Scope.GRANT if "财政拨款" in words else None
    column = "current_year" if subject == _CUR_SPEND and "安排" in words else None
    return Whole(words, subject, scope, column)
