"""Regular expressions compiled on first use.

A module-level ``re.compile`` costs its compile time in every process that imports the
module (a large pattern of Chinese words, or a class of CJK code points, takes up to a few
milliseconds), even when the process never meets the text the pattern is for. `lazy`
returns a stand-in with the same methods as `re.Pattern`: the first call compiles the
pattern and puts the compiled pattern's own methods on the stand-in, so later calls cost
what calls on the compiled pattern cost.

```pycon
>>> word = lazy(r"\\d+")
>>> word.pattern, word.search("ab 12").group()
('\\\\d+', '12')
>>> [m.group() for m in word.finditer("1 22 333")]
['1', '22', '333']

```
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

from ._pattern_cache import compile_pattern

__all__ = ["LazyPattern", "lazy"]

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A `re.Pattern` over ``str`` compiled on the first call of one of its methods."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags_given = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now, the first time)."""
        if self._compiled is None:
            self._compiled = compiled = compile_pattern(self.pattern, self.flags_given)
            for name in _METHODS:  # instance attributes: found before the methods below
                setattr(self, name, getattr(compiled, name))
        return self._compiled

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0,
                  endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled().search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0,
                 endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str,
            count: int = 0) -> str:
        return self.compiled().sub(repl, string, count)

    def subn(self, repl: str | Callable[[re.Match[str]], str], string: str,
             count: int = 0) -> tuple[str, int]:
        return self.compiled().subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(string, maxsplit)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return LazyPattern(pattern, int(flags))
