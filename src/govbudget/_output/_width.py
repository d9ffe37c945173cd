"""Display width: how many terminal columns a text takes, and wrapping by it.

A CJK character (East Asian width ``W`` or ``F``) takes two columns, a combining mark
none, everything else one. Wrapping breaks between CJK characters or at spaces, never
inside a number, a rule id, a word or between a figure and its unit, and never puts closing punctuation (``，。）``) at
the start of a line.

```pycon
>>> width("应为 12.5万元")
13
>>> wrap("相差-894.11万元（超出四舍五入误差±0.01万元）", 20)
['相差-894.11万元（超', '出四舍五入误差', '±0.01万元）']
>>> pad("应为", 6) + "|"
'应为  |'

```
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from .._pattern_cache import compile_pattern

__all__ = ["pad", "pad_left", "width", "wrap"]


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    if ch in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def width(text: str) -> int:
    """The display width of ``text`` in terminal columns (ANSI colour codes excluded)."""
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def pad(text: str, columns: int) -> str:
    """``text`` padded on the right with spaces to ``columns`` display columns."""
    return text + " " * max(0, columns - width(text))


def pad_left(text: str, columns: int) -> str:
    """``text`` padded on the left with spaces to ``columns`` display columns."""
    return " " * max(0, columns - width(text)) + text


_ANSI: Final = compile_pattern(r"\x1b\[[0-9;]*m")
# A token never split: a run of ASCII letters, digits and number punctuation (a figure, a
# rule id, an English word), or one other character; closing punctuation sticks to what
# precedes it, opening punctuation to what follows.
_RUN: Final = compile_pattern(
    r"第\d+[行页]|[A-Za-z0-9.,:;%+\-_/'\"#@=<>≤≥±~*]+(?:万元|亿元|元)?|\s+|.", re.S)
_CLOSING: Final = frozenset("，。、；：？！）】》」』”’,.;:?!)]%")
_OPENING: Final = frozenset("（【《「『“‘([")


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for tok in _RUN.findall(text):
        glue = bool(out) and not tok.isspace() and (
            (tok[0] in _CLOSING and not out[-1].isspace()) or out[-1][-1:] in _OPENING)
        if glue:
            out[-1] += tok
        else:
            out.append(tok)
    return out


def _hard_split(token: str, columns: int) -> list[str]:
    """A token wider than a whole line, cut by width (the last resort)."""
    parts: list[str] = []
    cur = ""
    for ch in token:
        if cur and width(cur + ch) > columns:
            parts.append(cur)
            cur = ""
        cur += ch
    if cur:
        parts.append(cur)
    return parts


def wrap(text: str, columns: int) -> list[str]:
    """``text`` as lines of at most ``columns`` display columns (at least one line).

    Line breaks in ``text`` are kept; spaces at a break are dropped.
    """
    columns = max(columns, 4)
    lines: list[str] = []
    for para in text.split("\n"):
        cur = ""
        for tok in _tokens(para):
            if width(cur) + width(tok) <= columns:
                cur += tok
                continue
            if tok.isspace():
                lines.append(cur.rstrip())
                cur = ""
                continue
            if cur.strip():
                lines.append(cur.rstrip())
            cur = ""
            if width(tok) > columns:
                *full, tok = _hard_split(tok, columns)
                lines.extend(full)
            cur = tok
        lines.append(cur.rstrip())
    return lines
