"""The narrative's facts: the reader that turns a section's stream into `govbudget.Fact` s
(see `govbudget._ingest._narrative`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, islice
from typing import Final

import attrs

from .._findings import Finding, Location, Severity
from .._report import (
    Change,
    Fact,
    FactKind,
)
from ._about import Recorder
from ._narrative_sections import (
    _Stream,
)
from ._narrative_words import (
    _BAD_SUBJECT,
    _BASIS,
    _CLAUSE,
    _CMP,
    _EXEC_END,
    _FIG,
    _ITEM_HEAD,
    _L2,
    _LAST_YEAR,
    _LAST_YEAR_LEAD,
    _LEAD,
    _LIST,
    _LIST_GAP,
    _LIST_SEP,
    _LOOSE,
    _MEASURE_END,
    _MEASURES,
    _MONEY_UNITS,
    _NONE,
    _PATH_ENDS,
    _PERCENT_UNITS,
    _RATE_END,
    _RESPECTIVELY,
    _SAME,
    _SAME_HINT,
    _SENTENCE_END,
    _THRESHOLD,
    _VALUE_WORD,
    _VERB_END,
    _YEAR_IN,
    _direction,
    _known_names,
    _number,
    _resolve,
    _strip_trail,
    _Subj,
    _trim,
    _unit,
)

# ---------------------------------------------------------------------------
# Facts
# ---------------------------------------------------------------------------


_BASE_KINDS: Final = frozenset({FactKind.AMOUNT, FactKind.COUNT})
_LOOKBACK: Final = 40  # how far back a subject's unit is looked for (keeps reading linear)


@dataclass(slots=True)
class _Base:
    """A stated amount or count that later shares and changes can refer to."""

    subj: _Subj
    unit: str


@dataclass(slots=True)
class _List:
    """A list stated "分别" (respectively) whose figures are being paired with its names."""

    start: int  # where its clause starts in the text
    subjects: list[_Subj]  # names still to pair (none: the list does not pair)
    left: int  # figures still to come
    mode: str  # "value", "share" or "change"
    compared_to: int | None = None
    direction: Change | None = None

    @staticmethod
    def gap_ok(gap: str, mode: str) -> bool:
        """Whether ``gap`` may stand between two figures of a list (in a list of changes,
        each figure may bring its own verb: 增加10万元、减少5万元)."""
        if mode == "change":
            verb = _VERB_END.search(gap)
            if verb is not None:
                gap = gap[:verb.start()]
        return _LIST_GAP.fullmatch(gap) is not None

    def continues(self, gap: str) -> bool:
        """Whether the next figure, after ``gap``, is the list's next; a verb in the gap of
        a list of changes sets the direction of the figures from there on."""
        if not self.left or not self.gap_ok(gap, self.mode):
            return False
        if self.mode == "change":
            verb = _VERB_END.search(gap)
            if verb is not None:
                self.direction = _direction(verb["verb"])
        return True


@dataclass(slots=True)
class _Reader:
    title: str
    stream: _Stream
    procurement: bool
    facts: list[Fact]
    findings: list[Finding]
    recorder: Recorder  # records what each fact speaks of as it is read
    principal: _Subj | None = None
    last_base: _Base | None = None
    last_share: _Subj | None = None  # the share just stated in this sentence
    last_list: tuple[_Subj, ...] = ()  # the subjects of the last "分别" list
    item: _Subj | None = None  # the subject a numbered item names once for its figures
    in_item: bool = False  # inside a numbered item (1. …) whose subject is not yet known
    first_of_sentence: int = 0  # the index of the sentence's first fact
    buying: bool = False  # the sentence counts vehicles to buy, not vehicles held
    this_year: bool = False  # under a （一）本年… / （一）当年… group: its items are the year's
    blind: bool = False  # the last amount could not be tied: a change after it is unplaced
    reason: str | None = None  # whose change the figures from `reason_from` on explain
    reason_from: int = -1  # where the reasons (原因是…) being read began
    reason_open: bool = False  # the reasons began in this sentence: whose is still to say
    reason_item: bool = False  # the sentence with the reasons opens a numbered item
    detail: tuple[int, str] | None = None  # (where its sentence began, item) of a 具体为：

    # -- helpers ------------------------------------------------------------
    def _unplaced(self, value: str, clause: str, pos: int, why: str, why_en: str) -> None:
        line = self.stream.line_at(pos)
        self.findings.append(Finding(
            rule="reading.unplaced_figure", severity=Severity.WARNING,
            message=f"情况说明中的数字“{value}”{why}：“{clause}”",
            message_en=f"narrative figure {value} {why_en}: {clause!r}",
            location=Location(section="narrative", line=line), actual=value))

    def _fact(self, subj: _Subj, kind: FactKind, value: Decimal, unit: str, clause: str,
              pos: int, direction: Change | None = None, compared_to: int | None = None,
              qualifier: str | None = None, measure: str | None = None,
              year: int | None = None) -> Fact:
        q = qualifier if qualifier is not None else subj.qualifier
        within: str | None = None
        if self.reason is not None and pos >= self.reason_from:
            if self.reason_open:  # the change explained: the sentence's last before 原因
                self.reason_open = False
                # (a sentence that opens with its reasons explains the change just stated
                # before it, unless it opens a numbered item of its own)
                first = self.first_of_sentence
                if first == len(self.facts) and first and not self.reason_item:
                    first -= 1
                self.reason = next(
                    (_named(f.subject, f.qualifier) for f in reversed(self.facts[first:])
                     if f.kind in (FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT)
                     and f.section == self.title), "")
            # (the explained change itself, restated in its reasons — …主要原因是…，故本年度
            # X较上年减少Y万元 — is that change again, not a reason for it)
            within = self.reason if self.reason != _named(subj.subject, q) else None
        if within is None and ("：" in clause or ":" in clause
                               or "：" in self.stream.text[max(0, pos - 200):pos]):
            within = self._label(pos, subj.subject)
        if within is None and self.detail is not None \
                and self.detail[0] == _period_before(self.stream.text, pos) \
                and self.detail[1] != _named(subj.subject, q):
            within = self.detail[1]
        if q is None and self.this_year and kind is FactKind.AMOUNT \
                and subj.subject.endswith(("收入", "支出")) and subj.subject not in _WHOLES:
            q = "当年"  # an item of a group that is the year's money (not 上年结转)
        about = self.recorder.about(self.facts, subj.subject, kind, unit, clause, self.title, q,
                                    org=subj.org, within=within)
        fact = Fact(subject=subj.subject, kind=kind, value=value, unit=unit, sentence=clause,
                    line=self.stream.line_at(pos), section=self.title, direction=direction,
                    compared_to=compared_to, qualifier=q, measure=measure, year=year,
                    about=about)
        self.facts.append(fact)
        return fact

    def _own(self, text: str) -> _Subj | None:
        """The subject a clause names itself (a category is one of the principal)."""
        if not _LEAD.sub("", text):
            return None
        res = _resolve(text, self.procurement)
        if res.how == "subject":
            return res.subj
        if res.how == "category" and res.subj is not None:
            base = self.principal.subject if self.principal else res.subj.subject
            return _Subj(base, res.subj.subject)
        return None

    # -- the sentence loop --------------------------------------------------
    def run(self) -> None:
        text = self.stream.text
        # Where the figures read end. No figure spans a sentence end, so the sentences'
        # figures are the figures of the whole text.
        read: set[int] = set()
        start = 0
        for m in _SENTENCE_END.finditer(text):
            if m.group() != "\n" and _inside_brackets(text, start, m.start()):
                continue  # "…（甲0万元，比上年减少70万元；乙0万元。）比上年减少388.88万元": an aside
            self._sentence(start, m.start(), read)
            start = m.end()
        self._sentence(start, len(text), read)
        for m in _LOOSE.finditer(text):
            if m.end() not in read:
                begin = max(0, m.start() - 30)
                ends = list(_SENTENCE_END.finditer(text, begin, m.start()))
                clause = text[ends[-1].end() if ends else begin:m.end()]
                self._unplaced(m.group(0), clause, m.start(), "无法读作数字",
                               "cannot be read as a number")

    def _sentence(self, start: int, end: int, read: set[int]) -> None:
        text = self.stream.text
        events = [(m.start(), m.end(), m, True) for m in _FIG.finditer(text, start, end)]
        read.update([e[1] for e in events])
        if _SAME_HINT.search(text, start, end):
            n_figures = len(events)
            for m in _SAME.finditer(text, start, end):
                events.append((m.start(), m.end(), m, False))
            if len(events) > n_figures:
                events.sort(key=lambda e: e[0])  # figures come in order already
        self.first_of_sentence = len(self.facts)
        self.buying = False
        self.blind = False
        opening = text[start:end].lstrip()
        self._reasons(start, end, opening, events)
        group = _L2.match(opening)
        if group is not None:  # （一）本年财政拨款收入…, then 1.一般公共预算拨款收入…
            self.this_year = _THIS_YEAR.match(opening, group.end()) is not None
            # A new group is a new topic: its figures are not the previous group's subject's
            # (（二）政府采购情况…服务预算X万元。（三）绩效目标设置情况。…涉及…Y万元).
            self.principal = None
            self.last_base = None
        if _LIST.match(text[start:start + 6]):
            self._item_start(start, end, events)
        if not events:
            return
        self.last_share = None
        prev_end = start
        bases: list[_Base] = []          # amounts and counts of this sentence
        head: _Base | None = None        # the whole before 其中
        items_since = 0                  # parts listed since 其中 or the last change
        last_change: Fact | None = None  # the change just stated
        pending: str | None = None       # a value threshold for the next count
        pending_start = start
        listed: _List | None = None      # a "分别" list being paired with its figures
        aside: int | None = None         # the bases before an open bracket
        for k, (ev_start, ev_end, m, is_figure) in enumerate(events):
            if ev_start < prev_end:
                continue  # overlaps a threshold or an earlier match
            pre = text[prev_end:ev_start]
            if is_figure and "具体" in pre and _DETAIL.search(pre) and self.last_base \
                    and self.last_base.subj.qualifier:
                # "（1）进修及培训（20508）102.32万元…。具体为：人员经费0.00万元…": the item's
                # parts (a coded or path item's; a total's parts are the department's own)
                whole = self.last_base.subj
                self.detail = (_period_before(text, ev_start),
                               _named(whole.subject, whole.qualifier))
            if is_figure and _LOOSE.search(pre):
                self.blind = True  # an unreadable amount (1,541.50.00万元): of something
                self.last_base = None  # unknown as far as the next change is concerned
            if is_figure and (listed is not None or "分别" in pre):
                if listed is None or not listed.continues(pre):
                    listed = self._respectively(pre, events, k, text, prev_end)
                if listed is not None:
                    prev_end = ev_end
                    base = self._listed(listed, m, text[listed.start:ev_end], ev_start)
                    if not listed.left:
                        listed = None
                    if base is not None:
                        bases.append(base)
                        self.last_base = base
                        items_since += 1
                    continue
            if "其中" in pre:
                head = bases[-1] if bases else None
                items_since = 0
            if aside is not None and ("）" in pre or ")" in pre):
                del bases[aside:]  # the parts said in brackets were an aside: the subject
                aside = None       # is again the one before them
            if aside is None and ("（" in pre or "(" in pre) and bases \
                    and pre.rfind("（") > max(pre.rfind("）"), pre.rfind(")")):
                aside = len(bases)
            local = _local(pre)
            clause_start = prev_end + pre.rfind(local) if local else ev_start
            cmp_year = _compared_year(pre)
            if not is_figure:
                self._same(m, local, bases, cmp_year, text[clause_start:ev_end], ev_start,
                           text[start:ev_start])
                last_change = None
                items_since = 0
                prev_end = ev_end
                continue
            unit = _unit(m["unit"])
            clause = text[clause_start:ev_end]
            try:
                value = _number(m["num"])
            except ValueError:  # pragma: no cover - _FIG only matches readable numbers
                self._unplaced(m.group(0), m.group(0), ev_start, "无法读作数字",
                               "cannot be read as a number")
                prev_end = ev_end
                continue
            threshold = _THRESHOLD.match(text, ev_end) if unit in _MONEY_UNITS else None
            if threshold is not None:
                kw = list(_VALUE_WORD.finditer(local))
                q_start = clause_start + (kw[-1].start() if kw else 0)
                pending = text[q_start:threshold.end()]
                pending_start = q_start
                prev_end = threshold.end()
                continue
            prev_end = ev_end
            if unit in _PERCENT_UNITS:
                last_change = self._percent(unit, local, value, clause, ev_start, bases, head,
                                            items_since, last_change, cmp_year)
                if last_change is not None:
                    items_since = 0
                continue
            verb = _VERB_END.search(local)
            if verb is not None:
                last_change = self._change(local[: verb.start()], verb["verb"], value, unit,
                                           clause, ev_start, bases, head, items_since, cmp_year)
                items_since = 0
                continue
            last_change = None
            if pending is not None:
                clause = text[pending_start:ev_end]
            base = self._amount(local, value, unit, clause, ev_start, ev_end, bases, pending)
            if base is not None and unit not in _MONEY_UNITS:
                pending = None  # the threshold went into this count's qualifier
            if base is None:
                # "…，其中：甲类支出9963.32万元，较上年减少1047.93万元": the change after an
                # amount of something unknown is that thing's, not the whole's before it.
                self.blind = True
                self.last_base = None
            else:
                self.blind = False
                bases.append(base)
                self.last_base = base
                if _CMP.match(_LEAD.sub("", local)) is None:
                    items_since += 1  # (a base stated for a comparison is no listed part)
        if pending is not None:
            self._unplaced(pending, pending, pending_start, "是一个金额门槛，其后没有数量",
                           "is a value threshold with no count after it")

    # -- labels and reasons ----------------------------------------------------
    def _guess_in_reasons(self, pos: int) -> bool:
        """Whether a change at ``pos`` that names no subject would be a guess: it is in
        the reasons of a change (…主要原因是…口径变化而增加了133万元), where a figure
        without its own subject is of what the reason's words say, not the change
        explained — unless an amount was stated in the reasons just before it."""
        if self.reason is None or pos < self.reason_from:
            return False
        last = self.facts[-1] if self.facts else None
        return not (last is not None and last.kind in _BASE_KINDS
                    and last.about.within is not None)

    def _label(self, pos: int, subject: str) -> str | None:
        """The subject a numbered label names before ``pos`` since the last 。 (其中①人员经费：
        商品和服务支出（302）X万元…②公用经费：…): the figures after it are its parts, not
        the department's figures of their subjects. Not 基本支出 / 项目支出, whose parts
        are the department's own (人员经费 is all of it basic spending)."""
        text = self.stream.text
        para = _period_before(text, pos)
        last = None
        for last in _LABEL.finditer(text, max(para, pos - 400), pos):
            pass
        if last is None:
            return None
        res = _resolve(last["label"], self.procurement)
        if res.how != "subject" or res.subj is None:
            return None
        name = res.subj.subject
        if name == subject or name in _OWN_PARTS or name != _trim(last["label"]):
            return None
        return name

    def _reasons(self, start: int, end: int, opening: str,
                 events: Sequence[tuple[int, int, re.Match[str], bool]]) -> None:
        """Where the sentence's reasons (原因是…) begin and whose change they explain.

        The figures after 原因是 explain the change stated before it (its subject's, or
        ``""`` when the sentence states none: 3.收支预算减少的主要原因，一是…). The reasons
        go on after a ``；`` while the next sentence states changes only (…人员经费减少X万元；
        公用经费增加Y万元。): one that opens with an amount (乙类支出Z万元，较上年…), a
        numbered item, or has reasons of its own, states something new; a ``。`` ends them.
        """
        text = self.stream.text
        own = _REASON.search(text, start, end)
        if own is None:
            going_on = self.reason is not None and start > 0 and text[start - 1] in "；;" \
                and _LIST.match(opening) is None and _L2.match(opening) is None
            if going_on and events:
                first = events[0]
                local = _local(text[start:first[0]])
                going_on = not first[3] or _VERB_END.search(local) is not None \
                    or _unit(first[2]["unit"]) in _PERCENT_UNITS
            if going_on:
                self.reason_from = start
            else:
                self.reason = None
            return
        # The change explained is the sentence's last before the reason word, known when
        # the reasons' first figure is read (`_fact`).
        self.reason = ""
        self.reason_from = own.start()
        self.reason_open = True
        self.reason_item = _LIST.match(opening) is not None or _L2.match(opening) is not None
    def _item_start(self, start: int, end: int,
                    events: Sequence[tuple[int, int, re.Match[str], bool]]) -> None:
        """A numbered item (``1.``) begins: its subject is the functional path or heading
        it opens with (``1.一般公共服务（类）…（项）。年初预算为…``, ``1.某某项目综述：…``), or,
        failing that, the first path its figures name."""
        self.item = None
        self.in_item = True
        self.detail = None
        self.last_base = None  # a change in this item is never one of the previous item's
        self.principal = None  # nor is a category in it one of the previous item's subject
        text = self.stream.text
        body = text[start:events[0][0] if events else end]
        head = _ITEM_HEAD.match(_LIST.sub("", body, count=1))
        if not events or head is not None:
            words = head.group(0) if head is not None else body
            res = _resolve(words, self.procurement)
            if res.how == "subject" and res.subj is not None and (
                    res.subj.qualifier or head is not None or words.endswith(_PATH_ENDS)):
                self.item = res.subj
            elif head is not None:
                name = _trim(head.group(0))
                if 2 <= len(name) <= 30 and not _BAD_SUBJECT.search(name):
                    self.item = _Subj(name)

    def _measured(self, local: str, value: Decimal, unit: str, clause: str, pos: int,
                  bases: list[_Base]) -> _Base | None:
        """An amount named by a measure word (年初预算为, 支出决算为, 2023年当年预算执行数为,
        2024年预算安排): a figure of the subject before the word, else of the sentence's
        last subject, else of the numbered item. ``None`` when there is no measure word or
        no subject to give it."""
        core = _strip_trail(_LEAD.sub("", local))
        mm = _MEASURE_END.search(core)
        if mm is None:
            return None
        word = _MEASURES[mm["m"]]
        rest = core[:mm.start()]
        if rest.endswith(("总", "收支")):
            return None  # 财政拨款收支总决算: the vocabulary's total
        if word == "" and _LEAD.sub("", rest):
            return None  # 本年预算安排: the vocabulary's 本年支出
        rest = _LAST_YEAR_LEAD.sub("", rest)
        compared = _CMP.match(_LEAD.sub("", rest)) is not None
        own = self._own(rest) if _LEAD.sub("", rest) else None
        if compared and bases:
            # "A X万元，比2025年预算收入执行数Y万元增加Z": Y is the base A is compared with,
            # whatever generic words (预算收入) name the measure.
            own = None
        subj = own or (bases[-1].subj if bases else None) or self.item
        if subj is None:
            return None
        year_m = _YEAR_IN.search(local)
        year = int(year_m.group(1)) if year_m else None
        if word and _LAST_YEAR.search(local):
            word = f"上年{word}"  # 上年预算数为X万元: last year's, whatever the report's year
        if word == "决算":
            self._budget_before(subj)
        self._fact(subj, FactKind.AMOUNT, value, unit, clause, pos, measure=word or None,
                   year=year)
        return _Base(subj, unit)

    def _budget_before(self, subj: _Subj) -> None:
        """"三公经费支出预算为A万元，支出决算为B万元": the A of the same subject earlier in
        the sentence is its budget, not the figure the account is about."""
        for k in range(len(self.facts) - 1, self.first_of_sentence - 1, -1):
            f = self.facts[k]
            if f.subject == subj.subject and f.kind is FactKind.AMOUNT and f.measure is None \
                    and re.search(r"预算(?:数)?(?:为|是)?[\d,.]+(?:万元|亿元|元)$", f.sentence):
                self.facts[k] = attrs.evolve(f, measure="预算")
                return

    # -- "A、B分别为X、Y" ------------------------------------------------------
    def _respectively(self, pre: str, events: Sequence[tuple[int, int, re.Match[str], bool]],
                      k: int, text: str, start: int) -> _List | None:
        """The list a figure opens when the clause before it says "分别" (respectively):
        its names (before 分别; none for "，分别占…" or "，分别比上年增加…", which take the
        list just stated), how its figures are read (values, shares after 分别占, changes
        after a verb) and how many figures it lists. ``None`` when there is no such list.
        A list whose names do not pair with its figures has no subjects: its figures are
        reported, not guessed."""
        at = pre.rfind("分别")
        if at < 0:
            return None
        rest = pre[at + 2:]
        verb = _VERB_END.search(rest)
        if verb is not None:
            mode, percent = "change", None  # the first figure decides
        elif _RESPECTIVELY.fullmatch(rest):
            mode = "share" if rest.startswith("占") else "value"
            percent = mode == "share"
        else:
            return None
        n = 0
        end = events[k][0]
        for ev_start, ev_end, m, is_figure in events[k:]:
            gap = text[end:ev_start]
            if not is_figure or (n and not _List.gap_ok(gap, mode)):
                break
            is_percent = _unit(m["unit"]) in _PERCENT_UNITS
            if percent is None:
                percent = is_percent
            if is_percent is not percent:
                break
            n += 1
            end = ev_end
        if n < 2:
            return None
        head = pre[:at]
        cut = max(head.rfind(c) for c in "，,：:；;")
        head = head[cut + 1:]
        if not _LEAD.sub("", head) and len(self.last_list) == n:
            subjects = list(self.last_list)
        else:
            subjects = self._list_names(head, n)
            self.last_list = tuple(subjects)
        if verb is None:
            return _List(start, subjects, n, mode)
        return _List(start, subjects, n, mode, _compared_year(rest), _direction(verb["verb"]))

    def _listed(self, lst: _List, m: re.Match[str], clause: str, pos: int) -> _Base | None:
        """The fact of the next figure of a "分别" list: a value (amount or count), a share
        or a change; a reading finding when the list's names do not pair."""
        lst.left -= 1
        if not lst.subjects:
            self._unplaced(m.group(0), clause, pos, "在“分别”列举中无法与名称一一对应",
                           "is listed after 分别 but the names do not pair with the figures")
            return None
        subj = lst.subjects.pop(0)
        unit = _unit(m["unit"])
        value = _number(m["num"])
        if lst.mode == "change":
            kind = FactKind.CHANGE_PERCENT if unit in _PERCENT_UNITS else FactKind.CHANGE_AMOUNT
            self._fact(subj, kind, value, unit, clause, pos, direction=lst.direction,
                       compared_to=lst.compared_to)
            return None
        if unit in _PERCENT_UNITS:
            self._fact(subj, FactKind.SHARE, value, "%", clause, pos)
            self.last_share = subj
            return None
        kind = FactKind.AMOUNT if unit in _MONEY_UNITS else FactKind.COUNT
        self._fact(subj, kind, value, unit, clause, pos)
        return _Base(subj, unit)

    def _list_names(self, head: str, n: int) -> list[_Subj]:
        """``head`` cut into ``n`` subjects at its separators (、 first; then also 和, 及,
        与, which names such as 商品和服务支出 contain: a cut whose parts are all known
        subjects wins)."""
        names = [x for x in head.split("、") if x.strip()]
        if len(names) == n:
            subjects = [self._own(x) for x in names]
            if all(subjects):
                return [x for x in subjects if x is not None]
        cuts = [(m.start(), m.end()) for m in _LIST_SEP.finditer(head)]
        if len(cuts) < n - 1 or len(cuts) > 8:
            return []
        known = _known_names()
        for chosen in combinations(cuts, n - 1):
            edges = [0, *(x for c in chosen for x in c), len(head)]
            parts = [head[edges[i]:edges[i + 1]] for i in range(0, len(edges), 2)]
            subjects = [self._own(x) for x in parts]
            # Each part must be a known name as a whole (not a name at its end).
            if all(x is not None and x.subject in known and x.subject == _trim(part)
                   for x, part in zip(subjects, parts, strict=True)):
                return [x for x in subjects if x is not None]
        return []

    # -- kinds of figures ---------------------------------------------------
    def _target(self, own: _Subj | None, bases: list[_Base], head: _Base | None,
                items_since: int) -> _Base | None:
        if own is not None:
            unit = next((b.unit for b in islice(reversed(bases), _LOOKBACK) if b.subj == own), "")
            if not unit:
                unit = next((f.unit for f in islice(reversed(self.facts), _LOOKBACK)
                             if f.subject == own.subject and f.kind in _BASE_KINDS), "")
            return _Base(own, unit)
        if self.blind:
            return None  # the figure before is of something unknown: so is this one
        if head is not None and items_since >= 2:
            return head
        if bases:
            return bases[-1]
        return self.last_base

    def _change(self, body: str, verb: str, value: Decimal, unit: str, clause: str, pos: int,
                bases: list[_Base], head: _Base | None, items_since: int,
                cmp_year: int | None) -> Fact | None:
        cmp = _CMP.search(body)
        subject_text = body[: cmp.start()] if cmp else body
        own = self._own(subject_text)
        target = None if own is None and self._guess_in_reasons(pos) \
            else self._target(own, bases, head, items_since)
        if target is None:
            self._unplaced(f"{value}{unit}", clause, pos, "无法确定是哪一项的变动",
                           "is a change of nothing identifiable")
            return None
        return self._fact(target.subj, FactKind.CHANGE_AMOUNT, value, unit, clause, pos,
                          direction=_direction(verb), compared_to=cmp_year,
                          measure=_basis(body[cmp.start():] if cmp else ""))

    def _percent(self, unit: str, local: str, value: Decimal, clause: str, pos: int,
                 bases: list[_Base], head: _Base | None, items_since: int,
                 last_change: Fact | None, cmp_year: int | None) -> Fact | None:
        value_text = f"{value}{unit}"
        done = _EXEC_END.search(local) if unit == "%" else None
        if done is not None:
            body = local[: done.start()]
            own = self._own(body) if _LEAD.sub("", body) else None
            subj = own or (bases[-1].subj if bases else None) or self.item
            if subj is None:
                self._unplaced(value_text, clause, pos, "无法确定是哪一项的预算完成率",
                               "is a budget completion rate of nothing identifiable")
                return None
            self._fact(subj, FactKind.EXECUTION, value, "%", clause, pos)
            return None
        rate = _RATE_END.search(local) or _VERB_END.search(local)
        if rate is not None:
            body = local[: rate.start()]
            cmp = _CMP.search(body)
            own = self._own(body[: cmp.start()] if cmp else body)
            direction = _direction(rate["verb"])
            if own is None and unit != "%" and self.last_share is not None:
                own = self.last_share  # 占65.61%，比上年下降2.5个百分点
            if own is None and last_change is not None:
                org = last_change.about.unit
                return self._fact(_Subj(last_change.subject, last_change.qualifier,
                                        org if org != self.title else None),
                                  FactKind.CHANGE_PERCENT, value, unit, clause, pos,
                                  direction=direction,
                                  compared_to=cmp_year if cmp_year is not None
                                  else last_change.compared_to,
                                  measure=_basis(body[cmp.start():]) if cmp
                                  else last_change.measure)
            target = self._target(own, bases, head, items_since)
            if target is None:
                self._unplaced(value_text, clause, pos, "无法确定是哪一项的变动",
                               "is a change of nothing identifiable")
                return None
            return self._fact(target.subj, FactKind.CHANGE_PERCENT, value, unit, clause, pos,
                              direction=direction, compared_to=cmp_year,
                              measure=_basis(body[cmp.start():] if cmp else ""))
        share = local.rfind("占")
        if share >= 0 and unit == "%":
            own = self._own(local[:share])
            target = _Base(own, "") if own is not None else (bases[-1] if bases else self.last_base)
            if target is None:
                self._unplaced(value_text, clause, pos, "无法确定是哪一项的占比",
                               "is a share of nothing identifiable")
                return None
            self._fact(target.subj, FactKind.SHARE, value, "%", clause, pos)
            self.last_share = target.subj
            return None
        self._unplaced(value_text, clause, pos, "既不是占比也不是增减变动",
                       "is neither a share nor a change")
        return None

    def _same(self, m: re.Match[str], local: str, bases: list[_Base], cmp_year: int | None,
              clause: str, pos: int, before: str = "") -> None:
        """``与上年预算数相同`` / ``持平``: a change of 0 (no figure is printed)."""
        own = self._own(local)
        if own is None and self._guess_in_reasons(pos):
            target = None  # "增加的主要原因是…经比对，与上年基本持平": not the change explained
        elif own is None and not bases and len(_LEAD.sub("", before).strip(" ，,。")) > 6:
            # "本部门未使用政府性基金预算拨款安排的支出，与2025年持平": the sentence says what
            # is unchanged in words that name no subject; it is not the previous sentence's.
            target = None
        else:
            target = self._target(own, bases, None, 0)
        if target is None:
            self._unplaced(m.group(0), clause, pos, "无法确定是哪一项与上年持平",
                           "states no change, but of nothing identifiable")
            return
        unit = target.unit or (bases[-1].unit if bases else "")
        year = int(m["year"]) if m["year"] else cmp_year if _CMP.search(local) else None
        self._fact(target.subj, FactKind.CHANGE_AMOUNT, Decimal(0), unit, clause, pos,
                   direction=Change.SAME, compared_to=year, measure=_basis(m.group(0)))

    def _amount(self, local: str, value: Decimal, unit: str, clause: str, pos: int, end: int,
                bases: list[_Base], pending: str | None) -> _Base | None:
        kind = FactKind.AMOUNT if unit in _MONEY_UNITS else FactKind.COUNT
        if kind is FactKind.AMOUNT:
            measured = self._measured(local, value, unit, clause, pos, bases)
            if measured is not None:
                return measured
            if bases and _CMP.match(_LEAD.sub("", local)) is not None:
                # "A为X万元，比上年预算Y万元，减少Z": Y is A's base, last year's figure.
                compared = bases[-1].subj
                measure = _basis(local) or "预算"
                year_m = _YEAR_IN.search(local)
                self._fact(compared, kind, value, unit, clause, pos, measure=f"上年{measure}",
                           year=int(year_m.group(1)) if year_m else None)
                return _Base(compared, unit)
        subj: _Subj | None = None
        res = _resolve(local, self.procurement)
        if unit == "辆" and res.how != "continue":
            category = _vehicle_category(local)
            org = _UNIT_BUYS.search(local)
            if org is not None and self.buying:
                # "…购置公务用车3辆，某局本级更新公务车辆1辆，某院更新…1辆": one unit's part of
                # the vehicles to buy, not the total again.
                subj = _Subj(_BOUGHT, org["unit"])
            elif _PURCHASE.search(category):
                self.buying = True  # 预算安排购置车辆1辆，其中：…其他用车1辆
                subj = _Subj(_BOUGHT, "合计")
            else:
                subj = _Subj(_BOUGHT if self.buying else "公务用车", category)
        elif res.how == "continue":
            prior = bases[-1] if bases else self.last_base
            subj = prior.subj if prior is not None else None
        elif res.how == "category" and res.subj is not None:
            base = self.principal.subject if self.principal else res.subj.subject
            subj = _Subj(base, res.subj.subject)
        elif res.how == "subject" and res.subj is not None:
            subj = res.subj
            self.principal = subj
            if self.in_item and self.item is None and subj.qualifier \
                    and subj.qualifier.endswith(_PATH_ENDS):
                self.item = subj  # “…（类）…（款）…（项）”X万元: the item's subject
        if subj is None and kind is FactKind.COUNT:
            after = self.stream.text[end:end + 30]
            after = _CLAUSE.split(_SENTENCE_END.split(after, maxsplit=1)[0], maxsplit=1)[0]
            res = _resolve(after, self.procurement) if after else _NONE
            if res.how == "subject" and res.subj is not None:
                subj = res.subj
                self.principal = subj
                clause = clause + after
        if subj is None:
            self._unplaced(f"{value}{unit}", clause, pos, "无法确定所指的项目",
                           "refers to nothing identifiable")
            return None
        qualifier = pending if pending is not None and kind is FactKind.COUNT else None
        self._fact(subj, kind, value, unit, clause, pos, qualifier=qualifier)
        return _Base(_Subj(subj.subject, qualifier or subj.qualifier, subj.org), unit)


def _period_before(text: str, pos: int) -> int:
    """Where the run of text up to ``pos`` began: after the last 。 or line break (a label
    or a 具体为： breakdown goes on through ；-separated clauses, not past a full stop)."""
    return max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1


def _named(subject: str, qualifier: str | None) -> str:
    """A subject with its qualifier, as `About.within` names it (行政运行（2060101）)."""
    return f"{subject}（{qualifier}）" if qualifier else subject


def _inside_brackets(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` leaves a bracket open that closes soon after ``end``
    (within 300 characters and before the next line break), so that a sentence end at
    ``end`` is inside an aside."""
    opened = text.count("（", start, end) + text.count("(", start, end)
    closed = text.count("）", start, end) + text.count(")", start, end)
    if opened <= closed:
        return False
    stop = text.find("\n", end)
    window = text[end:min(end + 300, stop if stop >= 0 else len(text))]
    return "）" in window or ")" in window


def _local(pre: str) -> str:
    """The clause right before a figure (the one before a colon if that is empty)."""
    # The last clause mark found by rfind: splitting the whole text since the previous
    # figure would cut every clause only to keep the last.
    cut = max(pre.rfind("，"), pre.rfind(","), pre.rfind("："), pre.rfind(":"), pre.rfind("、"),
              pre.rfind("；"), pre.rfind("。"))  # (；。 only inside an aside in brackets)
    local = pre[cut + 1:]
    if not _LEAD.sub("", local) and cut >= 0 and pre.rstrip().endswith(("：", ":")):
        return _CLAUSE.split(pre)[-2]
    return local


def _basis(text: str) -> str | None:
    """The measure of the base a change names (比2023年预算执行数: 执行数), else ``None``."""
    m = _BASIS.search(text)
    return None if m is None else "执行数" if m.group(0) == "执行数" else "决算"


def _compared_year(pre: str) -> int | None:
    year: int | None = None
    for m in _CMP.finditer(pre):
        year = int(m["year"]) if m["year"] else None
    return year


_PURCHASE: Final = re.compile("购置|购买|新增|更新|采购")
# A numbered label inside a paragraph: ①人员经费：, ③专项业务经费：.
# (Circled numbers only: "1.收入预算：本部门收入X万元，其中…" is an item whose parts are the
# department's own.)
_LABEL: Final = re.compile(r"[①-⑳](?P<label>[\u4e00-\u9fff]{2,12})[：:]")
_OWN_PARTS: Final = frozenset({"基本支出", "项目支出"})
# A breakdown of the item just stated: 具体为：…, 具体包括：….
_DETAIL: Final = re.compile(r"具体(?:为|是|包括|情况为?)[：:]")
# Where the reasons of a change begin (主要原因是：…, 增加的原因为…, 3.收支预算减少的主要原因，一是…).
_REASON: Final = re.compile("原因")
# One of the department's units named before what it buys (某市某局本级更新…, 某仲裁院计划更新…).
_UNIT_BUYS: Final = re.compile(
    r"(?P<unit>[\u4e00-\u9fff]{2,30}?(?:局|院|中心|委员会|办公室|站|所|队)"
    r"(?:[（(][\u4e00-\u9fff]{2,20}[）)])?(?:本级)?)"  # 某学院（某技师学院）: its other name
    r"(?:计划|拟)?(?:购置|购买|新增|更新|采购)")
# After a group's numbering (（一）, the reader's _L2): it is the year's money (本年/当年).
_THIS_YEAR: Final = re.compile(r"[^\d，。；]{0,6}?(?:本年|当年)")
# Totals that are never an item of such a group.
_WHOLES: Final = frozenset({"预算收入总计", "预算支出总计", "财政拨款收入", "财政拨款支出", "本年收入",
                            "本年支出", "财政拨款收支总计"})
_BOUGHT: Final = "购置公务用车"


def _vehicle_category(local: str) -> str:
    t = local[-40:]
    if "公务用车" in t:
        after = t.rsplit("公务用车", 1)[1]
        after = _strip_trail(_LEAD.sub("", after))
        if after:
            return after
    t = _trim(t).lstrip("）)")
    t = re.sub(r"^(?:共有|现有|拥有|实有|共)", "", t)
    if "的" in t:
        before, t = t.rsplit("的", 1)
        if "其他" in before:
            return f"其他{t}"  # 其他按照规定配备的公务用车: a category, not the vehicles held
    return "实有" if t in ("", "车辆", "公务用车", "公车", "汽车", "实有车辆") else t


