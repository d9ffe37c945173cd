"""The narrative's facts: the reader that turns a section's stream into `govbudget.Fact` s
(see `govbudget._ingest._narrative`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from itertools import combinations, islice
from typing import Final

import attrs

from .._findings import Finding, Location, Severity
from .._lazy_re import lazy
from .._report import (
    Change,
    Fact,
    FactKind,
)
from ._about import Recorder
from ._narrative_sections import (
    _Stream,
)
from ._narrative_within import Within
from ._narrative_words import (
    _BAD_SUBJECT,
    _BUDGET_ENDS,
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
    _LIST_SEP,
    _LOOSE,
    _MEASURE_END,
    _MEASURES,
    _MONEY_UNITS,
    _NONE,
    _PATH_ENDS,
    _PERCENT_UNITS,
    _PURCHASE,
    _RATE_END,
    _RESPECTIVELY,
    _SAME,
    _SAME_HINT,
    _SENTENCE_END,
    _THIS_YEAR,
    _THRESHOLD,
    _UNIT_BUYS,
    _VALUE_WORD,
    _VERB_END,
    _WHOLES,
    _YEAR_IN,
    _Base,
    _basis,
    _compared_year,
    _direction,
    _inside_brackets,
    _known_names,
    _List,
    _local,
    _number,
    _resolve,
    _strip_trail,
    _Subj,
    _sums_counts,
    _trim,
    _unit,
    _vehicle_category,
)

# -- Facts -------------------------------------------------------------------

_BASE_KINDS: Final = frozenset({FactKind.AMOUNT, FactKind.COUNT})
_LOOKBACK: Final = 40  # how far back a subject's unit is looked for (keeps reading linear)


class _Reader:
    """One section's reader; its state below, each with its value at the start."""

    title: str
    stream: _Stream
    procurement: bool
    facts: list[Fact]
    findings: list[Finding]
    recorder: Recorder  # records what each fact speaks of as it is read
    passages: Within  # the reasons, labels and breakdowns being read
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
    lead: str = ""  # the words introducing the numbered list being read (…如下：)
    parts_of: str = ""  # the clause of an amount whose parts follow its colon (…X万元：…)

    def __init__(self, title: str, stream: _Stream, procurement: bool, facts: list[Fact],
                 findings: list[Finding], recorder: Recorder, passages: Within) -> None:
        self.title, self.stream, self.procurement, self.facts = title, stream, procurement, facts
        self.findings, self.recorder, self.passages = findings, recorder, passages

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
        within = self.passages.of(pos, subj.subject, q, clause, self.facts,
                                  self.first_of_sentence, self.title)
        if q is None and self.this_year and kind is FactKind.AMOUNT \
                and subj.subject.endswith(("收入", "支出")) and subj.subject not in _WHOLES:
            q = "当年"  # an item of a group that is the year's money (not 上年结转)
        about = self.recorder.about(self.facts, subj.subject, kind, unit, clause, self.title, q,
                                    org=subj.org, within=within,
                                    lead="" if q and q.endswith(_PATH_ENDS)
                                    else self.parts_of or self.lead)
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
        self.buying, self.blind, self.parts_of = False, False, ""
        opening = text[start:end].lstrip()
        self.passages.sentence(start, end, opening, events)
        group = _L2.match(opening)
        if group is not None:  # （一）本年财政拨款收入…, then 1.一般公共预算拨款收入…
            self.this_year = _THIS_YEAR.match(opening, group.end()) is not None
            # A new group is a new topic: its figures are not the previous group's subject's
            # (（二）政府采购情况…服务预算X万元。（三）绩效目标设置情况。…涉及…Y万元).
            self.principal = None
            self.last_base = None
        if _LIST.match(text[start:start + 6]):
            self._item_start(start, end, events)
        elif not events and opening.endswith(_LEAD_IN):
            # "财政拨款支出主要内容如下：" then "1.“教育支出”科目23,689万元…": the list's items
            # speak of the money its lead-in names (until a paragraph that is no item).
            self.lead = opening
        elif opening and (start == 0 or text[start - 1] == "\n"):
            self.lead = ""
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
            if is_figure and self.last_base is not None:
                # "（1）进修及培训（20508）100.00万元…。具体为：人员经费0.00万元…": the item's parts
                whole = self.last_base.subj
                self.passages.breakdown(ev_start, pre, (whole.subject, whole.qualifier))
            if is_figure and _LOOSE.search(pre):  # an unreadable amount (1,234.50.00万元)
                self.blind, self.last_base = True, None
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
            if base is None:  # an amount of something unknown: so is a change after it
                self.blind = True
                self.last_base = None
            else:
                self.blind = False
                if text.startswith(("：", ":"), ev_end):  # "…拨款政府采购2,000.00万元：货物…":
                    self.parts_of = clause  # the parts after the colon are of that money
                bases.append(base)
                self.last_base = base
                if _CMP.match(_LEAD.sub("", local)) is None:
                    items_since += 1  # (a base stated for a comparison is no listed part)
        if pending is not None:
            self._unplaced(pending, pending, pending_start, "是一个金额门槛，其后没有数量",
                           "is a value threshold with no count after it")

    # -- numbered items ------------------------------------------------------
    def _item_start(self, start: int, end: int,
                    events: Sequence[tuple[int, int, re.Match[str], bool]]) -> None:
        """A numbered item (``1.``) begins: its subject is the functional path or heading
        it opens with (``1.一般公共服务（类）…（项）。年初预算为…``, ``1.某某项目综述：…``), or,
        failing that, the first path its figures name."""
        self.item = None
        self.in_item = True
        self.passages.item()
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
                    and _BUDGET_ENDS.search(f.sentence):
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
        if own is not None and own.subject in _BOTH_TOTALS and bases \
                and bases[-1].subj.subject == _GRANT_TOTAL:
            own = bases[-1].subj  # "财政拨款收入总计、支出总计均为X，…收入总计、支出总计均增加Y"
        target = None if own is None and self.passages.guess(pos, self.facts) \
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
            if own is None and self.passages.guess(pos, self.facts) and (
                    last_change is None or last_change.about.within is None):
                self._unplaced(value_text, clause, pos, "无法确定是哪一项的变动",
                               "is a change of nothing identifiable")
                return None  # "…原因是：…，故某某收入与上年同期相比，增加144.81%"
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
        """``与上年预算数相同`` / ``持平``: a change of 0; not ``基本持平`` (a small change)."""
        if "基本" in m.group(0):  # 较上年增加0.11万元，与上年基本持平
            return
        own = self._own(local)
        if own is None and self.passages.guess(pos, self.facts):
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
            org = _UNIT_BUYS.search(local) if _PURCHASE.search(local) else None
            if org is not None and self.buying:
                # "…购置公务用车3辆，某局本级更新公务车辆1辆，某院更新…1辆": one unit's part of
                # the vehicles to buy, not the total again.
                subj = _Subj(_BOUGHT, org["unit"])
            elif _PURCHASE.search(category):
                self.buying = True  # 预算安排购置车辆1辆，其中：…其他用车1辆
                subj = _Subj(_BOUGHT, "合计")
            else:
                subj = _Subj(_BOUGHT if self.buying else "公务用车", category)
        elif res.how == "continue" and not _sums_counts(local, [(b.subj.subject, b.unit)
                                                                 for b in bases]):
            prior = bases[-1] if bases else self.last_base
            subj = prior.subj if prior is not None else None
        elif res.how == "category" and res.subj is not None:
            base = self.principal.subject if self.principal else res.subj.subject
            subj = _Subj(base, res.subj.subject)
        elif res.how == "subject" and res.subj is not None:
            subj = res.subj
            if subj.subject in _BOTH_TOTALS and _GRANT_BOTH.search(
                    self.stream.text, max(0, pos - 40), pos):
                # "财政拨款收入总计、支出总计均为X万元": 财政拨款 is said of both totals
                subj = _Subj(_GRANT_TOTAL)
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


_BOUGHT: Final = "购置公务用车"
_LEAD_IN: Final = ("如下：", "如下:", "如下")
_BOTH_TOTALS: Final = frozenset({"预算收入总计", "预算支出总计"})
_GRANT_TOTAL: Final = "财政拨款收支总计"
_GRANT_BOTH: Final = lazy(r"财政拨款(?:预算)?收入总计[、和及与]支出总计(?:均为|分别为|均|为|是)?$")
