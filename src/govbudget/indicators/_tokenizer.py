"""Normalisation and named token rules for indicator values (指标值).

The parser never splits the text up front. It asks the `Tokenizer` "is there a
NUMBER here?", the way ``packaging``'s tokenizer is driven by its parser: each token
kind is a named, precompiled regular expression, tried at the current position.

Normalisation (`normalise`) maps one character to one character, so offsets in
the normalised text are offsets in the text as given, and an error's caret points at
the character the user typed. It turns full-width digits, Latin letters and operators
into their ASCII forms (``９５％`` → ``95%``, ``＞＝`` → ``>=``), ``≧``/``≦`` into
``≥``/``≤``, the dash and wave-dash variants into ``-`` and ``~``, and every kind of
space into an ASCII space. Chinese punctuation (``，`` ``（`` ``）`` ``：``) is kept;
the number rule accepts a full-width comma between digit groups.

```pycon
>>> normalise("≧ ９５ ％")
'≥ 95 %'
>>> t = Tokenizer("≥ 95 %")
>>> t.read("CMP_SYMBOL")[0], t.skip_ws(), t.read("NUMBER")[0], t.position
('≥', None, '95', 4)

```
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NoReturn

from .._errors import IndicatorSyntaxError
from .._pattern_cache import compile_pattern
from ._units import UNIT_PATTERN

__all__ = ["RULE_PATTERNS", "LazyPatterns", "Tokenizer", "normalise", "rules"]


class LazyPatterns:
    """Regular expressions compiled on first use, so that importing stays cheap.

    They are compiled with ``re.ASCII``: ``\\d`` is ``0-9`` only (full-width digits are
    normalised first; digits of other scripts are not numbers here).

    ```pycon
    >>> rx = LazyPatterns(digits=r"\\d+")
    >>> rx.digits.fullmatch("95") is not None
    True

    ```
    """

    def __init__(self, **patterns: str) -> None:
        self._patterns = patterns

    def __getattr__(self, name: str) -> re.Pattern[str]:
        try:
            pattern = self.__dict__["_patterns"][name]
        except KeyError:
            raise AttributeError(name) from None
        compiled = compile_pattern(pattern, re.ASCII)  # \d is 0-9 only, never other scripts
        setattr(self, name, compiled)  # later lookups find the attribute directly
        return compiled


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for i in range(10):
        table[0xFF10 + i] = str(i)
    for i in range(26):
        table[0xFF21 + i] = chr(0x41 + i)
        table[0xFF41 + i] = chr(0x61 + i)
    pairs = {
        "％": "%", "﹪": "%", "＞": ">", "﹥": ">", "＜": "<", "﹤": "<", "＝": "=",
        "﹦": "=", "＋": "+", "－": "-", "−": "-", "–": "-", "‐": "-", "‑": "-",
        "―": "—", "～": "~", "〜": "~", "∼": "~", "／": "/", "．": ".", "≧": "≥",
        "≦": "≤", "⩾": "≥", "⩽": "≤", "・": "·", "•": "·", "∙": "·",
    }  # fmt: skip
    for a, b in pairs.items():
        table[ord(a)] = b
    # Every character str.isspace() accepts, plus zero-width space and BOM, is a space.
    spaces = [*range(0x09, 0x0E), *range(0x1C, 0x20), 0x85, 0xA0, 0x1680, *range(0x2000, 0x200C),
              0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF]  # fmt: skip
    for code in spaces:
        table[code] = " "
    return table


_TABLE: Final = _table()
_NEEDS_TRANSLATION: Final = frozenset(map(chr, _TABLE))


def normalise(text: str) -> str:
    """Full-width and look-alike characters to their plain forms, one for one.

    The result has the same length as ``text``.

    ```pycon
    >>> normalise("２０２４年１２月底\u3000前")
    '2024年12月底 前'

    ```
    """
    if _NEEDS_TRANSLATION.isdisjoint(text):  # the common case, much faster than translate
        return text
    return text.translate(_TABLE)


_CMP_WORDS: Final = (
    "大于或等于|小于或等于|大于等于|小于等于|不低于|不少于|不小于|不高于|不超过|不多于|"
    "不大于|控制在|至少|最少|至多|最多|达到|大于|高于|超过|多于|小于|低于|少于|不足|"
    "不到|不满|等于|大约|约为|约"
)
_CN_NUM: Final = "[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九]"

RULE_PATTERNS: Final[dict[str, str]] = {
    "WS": r"\s+",
    "CMP_SYMBOL": r">=|<=|==|≥|≤|>|<|=|≈",
    "CMP_WORD": _CMP_WORDS,
    "SUFFIX": r"及以上|以上|及以下|以下|以内|之内|内|左右|上下",
    "NUMBER": r"[+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?",
    "BAD_GROUP": r"[,，]\d",
    "UNIT": UNIT_PATTERN,
    "RANGE_SEP": r"至|到|~|—+|-",
    "YEAR": r"年度|年",
    "MONTH": r"月份|月",
    "DAY": r"日|号",
    "MONTH_PART": r"中下旬|上中旬|上旬|中旬|下旬|底|末|初|中",
    "YEAR_PART": r"底|末|初",
    "YEAR_PART_ALONE": r"年(底|末|初)",
    "BEFORE": r"之前|以前|前|以内|之内|内",
    "AFTER": r"之后|以后|后",
    "ISO_DATE": r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?!\d)",
    "EVERY": r"每",
    "INT": r"\d+",
    "CN_NUM": _CN_NUM,
    "HALF": r"半",
    "COUNTER": r"个",
    "FREQ_PERIOD": r"个季度|季度|季|个月|月|年度|年|周|星期|礼拜|天|日",
    "TIMES": rf"(\d+|{_CN_NUM})次",
}
"""Every token kind, by name: the regular expression tried at a position."""


class _Rules(dict[str, "re.Pattern[str]"]):
    """The compiled rules by name, each compiled when first looked up (a value's text
    needs only a few kinds; the 24 compiled at once cost several milliseconds in each
    fresh process)."""

    def __missing__(self, name: str) -> re.Pattern[str]:
        compiled = compile_pattern(RULE_PATTERNS[name], re.ASCII)  # KeyError for an unknown name
        self[name] = compiled
        return compiled


@lru_cache(maxsize=1)
def rules() -> dict[str, re.Pattern[str]]:
    """The token rules by name, compiled (each once, on first use).

    ```pycon
    >>> rules()["NUMBER"].match("1,234.5元").group()
    '1,234.5'

    ```
    """
    return _Rules()


class Tokenizer:
    """A cursor over normalised text that reads named tokens on demand.

    Args:
        text: the normalised text (see `normalise`).
        source: the text as given, shown in errors; defaults to ``text``.
    """

    __slots__ = ("_rules", "position", "source", "text")

    def __init__(self, text: str, source: str | None = None) -> None:
        self.text = text
        self.source = text if source is None else source
        self.position = 0
        self._rules = rules()

    def peek(self, name: str) -> re.Match[str] | None:
        """The token ``name`` at the current position, without moving."""
        return self._rules[name].match(self.text, self.position)

    def read(self, name: str) -> re.Match[str] | None:
        """The token ``name`` at the current position, moving past it; else ``None``."""
        m = self._rules[name].match(self.text, self.position)
        if m is not None:
            self.position = m.end()
        return m

    def skip_ws(self) -> None:
        """Move past any whitespace."""
        text = self.text
        pos = self.position
        while pos < len(text) and text[pos] == " ":
            pos += 1
        self.position = pos

    def at_end(self) -> bool:
        """True when nothing is left."""
        return self.position >= len(self.text)

    def rest(self) -> str:
        """The text not read yet."""
        return self.text[self.position :]

    def fail(self, reason: str, start: int | None = None, end: int | None = None) -> NoReturn:
        """Raise `govbudget.IndicatorSyntaxError` for ``source[start:end]``.

        With no ``start``, the error points at the current character (or just past the
        end of the text).
        """
        n = len(self.text)
        if start is None:
            start = self.position
        if end is None:
            end = start + 1
        # a span within the text (past its end: the empty span at its end)
        end = min(end, n)
        start = min(start, end)
        raise IndicatorSyntaxError(reason, self.source, (start, end))
