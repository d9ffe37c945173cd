"""The indicator grid of a performance target table: markers, rows, the two columns
(see `govbudget._ingest._performance`)."""

from __future__ import annotations

from collections.abc import Callable

import attrs

from .._report import Indicator
from ._perf_words import (
    _GLUE_START,
    _L2_FAMILY,
    _MARK1,
    _MARK2,
    _MARK_AMB,
    _MODIFIERS,
    _TEXT,
    _Column,
    _is_qual,
    _is_value,
    _join_words,
    _split_glued,
    _split_repeat,
    _Tok,
)


class _Grid:
    """The indicator grid state machine (see the module docstring)."""

    __slots__ = ("cols", "l1", "last", "phase", "report", "target", "two")

    def __init__(self, two: bool, report: Callable[[int | None, str, str, int], None]) -> None:
        self.two = two
        self.cols = (_Column(), _Column())
        self.l1 = ""
        self.phase = 0  # 0: no group, 1: left label seen, 2: right label seen
        self.target = 0
        self.last: tuple[int, int] | None = None  # (column, token index) of a value just read
        self.report = report

    # rows -------------------------------------------------------------------------------
    def _level1(self, col: _Column) -> str:
        return self.l1 or _L2_FAMILY.get(col.label, "")

    def _emit(self, c: int, name: str, value: str, line: int | None) -> None:
        col = self.cols[c]
        if self.phase == 0:
            self._open(c, "", line)
        if not name or not value:
            self.report(line, name, value, c)
        label = col.label
        col.rows.append(Indicator(self.l1 or _L2_FAMILY.get(label, ""), label, name, value, line))
        col.frags.clear()
        col.done = False
        col.width = 0
        col.head = ""
        if self.two and self.phase == 2:
            self.target = 1 - c

    def _complete(self, c: int, value: str, tok: _Tok, extra_name: str = "") -> None:
        frags = self.cols[c].frags
        parts = [f.text for f in frags]
        if extra_name:
            parts.append(extra_name)
        self._emit(c, _join_words(parts) if parts else "", value,
                   frags[0].line if frags else tok.line)

    def _flush_run(self, c: int, run: list[_Tok]) -> None:
        if not run:
            return
        if len(run) == 1:
            only = run[0]
            split = _split_glued(only.text) or _split_repeat(only.text)
            if split:
                self._emit(c, split[0], split[1], only.line)
            else:
                self._emit(c, only.text, "", only.line)
            return
        last = run[-1]
        texts = [f.text for f in run]
        name = _join_words(texts[:-1])
        if len(last.text) > 12 and not _is_qual(last.text, name):
            self._emit(c, _join_words(texts), "", run[0].line)
        else:
            self._emit(c, name, last.text, run[0].line)

    def _flush(self) -> None:
        c = self.target
        col = self.cols[c]
        col.head = ""
        if not col.frags:
            return
        run = list(col.frags)
        col.frags.clear()
        texts = [f.text for f in run]
        total = sum(map(len, texts))
        if len(run) >= 2 and total % 2 == 0:
            acc = 0
            for i, t in enumerate(texts[:-1], 1):
                acc += len(t)
                if acc * 2 == total:
                    whole = "".join(texts)
                    if whole[:acc] == whole[acc:]:
                        self._flush_run(c, run[:i])
                        self._flush_run(self.target, run[i:])
                        return
                    break
                if acc * 2 > total:
                    break
        self._flush_run(c, run)

    # groups -----------------------------------------------------------------------------
    def _open(self, c: int, label: str, line: int | None) -> None:
        col = self.cols[c]
        col.label = label
        col.label_line = line
        col.start = len(col.rows)
        if c == 0:
            self.phase = 1
            self.target = 0
        else:
            self.phase = 2
            self.target = 1

    def _close(self) -> None:
        for c in (0, 1) if self.phase == 2 else (0,) if self.phase == 1 else ():
            col = self.cols[c]
            if col.label and len(col.rows) == col.start:
                col.rows.append(Indicator(self._level1(col), col.label, "", "", col.label_line))
        self.phase = 0
        self.target = 0

    # driver -----------------------------------------------------------------------------
    def run(self, toks: list[_Tok]) -> None:
        """Read the grid's tokens in order; the rows end up in ``self.cols``."""
        n = len(toks)
        text_token = self._text
        for k, tok in enumerate(toks):
            kind = tok.kind
            if kind == _TEXT:
                text_token(k, tok, toks)
                continue
            if kind == _MARK_AMB:
                nxt = toks[k + 1] if k + 1 < n else None
                kind = _MARK1 if nxt is not None and nxt.kind in (_MARK2, _MARK_AMB) else _MARK2
            if kind == _MARK1:
                self._flush()
                self._close()
                self.l1 = tok.text
                continue
            if kind == _MARK2:
                self._flush()
                if self.two and self.phase == 1 and tok.text == self.cols[0].label:
                    self._open(1, tok.text, tok.line)
                else:
                    self._close()
                    self._open(0, tok.text, tok.line)
                continue
        self._flush()
        self._close()

    def _text(self, k: int, tok: _Tok, toks: list[_Tok]) -> None:
        text = tok.text
        last = self.last
        if last is not None and last[1] == k - 1 and text in _MODIFIERS:
            col = self.cols[last[0]]
            if col.rows:
                col.rows[-1] = attrs.evolve(col.rows[-1], value=f"{col.rows[-1].value} {text}")
                self.last = None
                return
        if self.phase == 0:
            self._open(0, "", tok.line)
        c = self.target
        col = self.cols[c]
        frags = col.frags
        if _is_value(text):
            # self._complete(c, text, tok), inlined for the commonest case (a lone name
            # fragment or none)
            if len(frags) == 1:
                self._emit(c, frags[0].text, text, frags[0].line)
            else:
                self._complete(c, text, tok)
            self.last = (c, k)
            return
        # value position: after a name cell on this line, after a name's last (narrower)
        # line, or a qualitative word after a name
        if frags and (frags[-1].row == tok.row or col.done or _is_qual(text, col.head)):
            glued = _split_glued(text)
            if glued is not None and glued[0][0] not in _GLUE_START:
                # "name-part value" after a name fragment: the name continues
                self._complete(c, glued[1], tok, extra_name=glued[0])
                self.last = (c, k)
            else:
                self._complete(c, text, tok)
            return
        nxt = toks[k + 1] if k + 1 < len(toks) and toks[k + 1].row == tok.row else None
        value_follows = nxt is not None and nxt.kind == _TEXT and (
            _is_value(nxt.text) or nxt.text in _MODIFIERS or len(nxt.text) <= 4
            or _is_qual(nxt.text, text))
        if not value_follows:
            glued = _split_glued(text)
            if glued is not None:
                self._complete(c, glued[1], tok, extra_name=glued[0])
                self.last = (c, k)
                return
            rep = _split_repeat(text)
            if rep is not None:
                self._complete(c, rep[1], tok, extra_name=rep[0])
                return
        w = 2 * len(text) - len(text.encode("ascii", "ignore"))  # _width(text), inlined
        if not frags:
            col.head = text[:9]
        elif w < col.width - 3:
            col.done = True
        if w > col.width:
            col.width = w
        frags.append(tok)
