"""What a narrative figure is stated within: the reasons of a change, a numbered label's
breakdown, an item's 具体为： breakdown (``About.within``; see `govbudget._ingest._narrative_facts`).

A department's own figure of a subject (its 人员经费, its 基本支出 change) is compared with
the tables and with its other statements. The same words inside the story of something
else are not that figure:

- **Reasons**: the figures after 原因是 explain the change stated before it (``比上年增加X
  万元，主要原因是：人员经费减少Y万元``: Y is within X's subject). The reasons go on after
  ``；`` while the next clause states changes only; one that opens with an amount, a
  numbered item, or has reasons of its own states something new; ``。`` ends them.
- **A circled label**: ``其中①人员经费：商品和服务支出（302）100.0万元…②公用经费：…`` —
  the classes listed are parts of the label's money (not for 基本支出 / 项目支出, whose
  parts are the department's own).
- **A breakdown of an item**: ``（1）进修及培训（20508）100.00万元…。具体为：人员经费…``,
  ``商品和服务支出（302）400.00万元，其中：公用经费60.00万元`` — the parts of a coded
  or path item, up to the next ``。``.

```pycon
>>> w = Within("比上年增加5.00万元，主要原因是：人员经费增加2.00万元。", False)
>>> w.sentence(0, 35, "比上年增加5.00万元，主要原因是：人员经费增加2.00万元", [])
>>> w.reason_from  # 原因 (the reasons' start)
14

```
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .._lazy_re import lazy
from .._pattern_cache import compile_pattern
from .._record import Record
from .._report import Fact, FactKind
from ._narrative_words import (
    _L2,
    _LIST,
    _PATH_ENDS,
    _PERCENT_UNITS,
    _VERB_END,
    _local,
    _resolve,
    _trim,
    _unit,
)

__all__ = ["Within", "named"]

_BASE_KINDS: Final = frozenset({FactKind.AMOUNT, FactKind.COUNT})
_CHANGES: Final = frozenset({FactKind.CHANGE_AMOUNT, FactKind.CHANGE_PERCENT})
# A circled label inside a paragraph: ①人员经费：, ③专项业务经费：. (Circled numbers only:
# "1.收入预算：本部门收入X万元，其中…" is an item whose parts are the department's own.)
_LABEL: Final = r"[①-⑳](?P<label>[\u4e00-\u9fff]{2,12})[：:]"  # (compiled where ① stands)
_CIRCLED: Final = frozenset("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
_OWN_PARTS: Final = frozenset({"基本支出", "项目支出"})
# A breakdown of the item just stated: 具体为：…, 具体包括：…, 其中：… (of a coded item).
_DETAIL: Final = lazy(r"具体(?:为|是|包括|情况为?)[：:]|其中[：:]")
# Where the reasons of a change begin (主要原因是：…, 增加的原因为…, 3.收支预算减少的主要原因，一是…).
_REASON: Final = lazy("原因")

Events = Sequence[tuple[int, int, re.Match[str], bool]]


def named(subject: str, qualifier: str | None) -> str:
    """A subject with its qualifier, as `About.within` names it (行政运行（2060101）).

    ```pycon
    >>> named("行政运行", "2060101"), named("基本支出", None)
    ('行政运行（2060101）', '基本支出')

    ```
    """
    return f"{subject}（{qualifier}）" if qualifier else subject


def _period_before(text: str, pos: int) -> int:
    """Where the run of text up to ``pos`` began: after the last 。 or line break (a label
    or a 具体为： breakdown goes on through ；-separated clauses, not past a full stop)."""
    return max(text.rfind("。", 0, pos), text.rfind("\n", 0, pos)) + 1


class Within(Record):
    """The passages of one section's text the reader is inside, as it reads on."""

    __slots__ = (
        "detail",
        "procurement",
        "reason",
        "reason_from",
        "reason_item",
        "reason_open",
        "text",
    )

    def __init__(self, text: str, procurement: bool) -> None:
        self.text = text
        self.procurement = procurement
        self.reason: str | None = None  # whose change the figures from reason_from explain
        self.reason_from = -1  # where the reasons (原因是…) being read began
        self.reason_open = False  # the reasons began in this sentence: whose is still to say
        self.reason_item = False  # the sentence with the reasons opens a numbered item
        self.detail: tuple[int, str] | None = None  # (its sentence's start, item) of a 具体为：

    def sentence(self, start: int, end: int, opening: str, events: Events) -> None:
        """A sentence begins at ``start``: where its reasons begin, or whether the
        previous sentence's go on."""
        text = self.text
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
        # the reasons' first figure is read (`of`).
        self.reason = ""
        self.reason_from = own.start()
        self.reason_open = True
        self.reason_item = _LIST.match(opening) is not None or _L2.match(opening) is not None

    def item(self) -> None:
        """A numbered item begins: no earlier item's breakdown goes on."""
        self.detail = None

    def breakdown(self, pos: int, pre: str, whole: tuple[str, str | None] | None) -> None:
        """A figure at ``pos`` after ``pre``: a 具体为： there opens the breakdown of
        ``whole`` (the last amount's subject and qualifier), if it is a coded or path
        item (a total's parts are the department's own)."""
        q = whole[1] if whole is not None else None
        if whole is not None and q and (q[0].isdigit() or q.endswith(_PATH_ENDS)) \
                and ("具体" in pre or "其中" in pre) and _DETAIL.search(pre):
            self.detail = (_period_before(self.text, pos), named(*whole))

    def of(self, pos: int, subject: str, qualifier: str | None, clause: str,
           facts: Sequence[Fact], first_of_sentence: int, section: str) -> str | None:
        """What the figure of ``subject`` at ``pos`` is stated within (`About.within`);
        ``facts`` are the facts read so far, the sentence's from ``first_of_sentence``."""
        within: str | None = None
        me = named(subject, qualifier)
        if self.reason is not None and pos >= self.reason_from:
            if self.reason_open:  # the change explained: the sentence's last before 原因
                self.reason_open = False
                # (a sentence that opens with its reasons explains the change just stated
                # before it, unless it opens a numbered item of its own)
                first = first_of_sentence
                if first == len(facts) and first and not self.reason_item:
                    first -= 1
                self.reason = next((named(f.subject, f.qualifier) for f in reversed(facts[first:])
                                    if f.kind in _CHANGES and f.section == section), "")
            # (the explained change itself, restated in its reasons — …主要原因是…，故本年度
            # X较上年减少Y万元 — is that change again, not a reason for it)
            within = self.reason if self.reason != me else None
        if within is None and ("：" in clause or ":" in clause
                               or "：" in self.text[max(0, pos - 200):pos]):
            within = self._label(pos, subject)
        if within is None and self.detail is not None \
                and self.detail[0] == _period_before(self.text, pos) and self.detail[1] != me:
            within = self.detail[1]
        return within

    def guess(self, pos: int, facts: Sequence[Fact]) -> bool:
        """Whether tying a change at ``pos`` that names no subject to the figure before
        would be a guess: it is in the reasons of a change (…主要原因是…口径变化而增加了
        133万元), where such a figure is of what the reason's words say, not the change
        explained — unless an amount was stated in the reasons just before it."""
        if self.reason is None or pos < self.reason_from:
            return False
        last = facts[-1] if facts else None
        return not (last is not None and last.kind in _BASE_KINDS
                    and last.about.within is not None)

    def _label(self, pos: int, subject: str) -> str | None:
        """The subject a circled label names before ``pos`` since the last 。."""
        text = self.text
        start = max(_period_before(text, pos), pos - 400)
        if not any(ch in _CIRCLED for ch in text[start:pos]):
            return None
        labels = list(compile_pattern(_LABEL).finditer(text, start, pos))
        if not labels:
            return None
        last = labels[-1]
        res = _resolve(last["label"], self.procurement)
        if res.how != "subject" or res.subj is None:
            return None
        name = res.subj.subject
        if name == subject or name in _OWN_PARTS or name != _trim(last["label"]):
            return None
        return name
