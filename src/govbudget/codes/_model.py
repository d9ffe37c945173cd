"""The records of a classification scheme: an entry (`CodeInfo`) and the answer to a
code–name check (`NameCheck`, `NameStatus`), and the normalised form of a name."""

from __future__ import annotations

import functools
import unicodedata

from attrs import frozen

from .._enum import IdentityEnum
from .._pattern_cache import compile_pattern

__all__ = ["CodeInfo", "NameCheck", "NameStatus", "normalise_name", "split_note"]


_NAME_NOISE = compile_pattern(r"\s+")
_TRAILING_NOTE = compile_pattern(r"[（(][^（()）]*[）)]$")


def split_note(name: str) -> tuple[str, str]:
    """A printed name and the bracketed note that closes it (``""`` when none; a name that
    is all bracket has none).

    ```pycon
    >>> split_note("一般行政管理事务（本单位专项）")
    ('一般行政管理事务', '（本单位专项）')
    >>> split_note("补助县（市）区数"), split_note("（一）")
    (('补助县（市）区数', ''), ('（一）', ''))

    ```
    """
    t = name.strip()
    m = _TRAILING_NOTE.search(t)
    if m is None or m.start() == 0:
        return t, ""
    return t[:m.start()], m.group()
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "〈": "<", "〉": ">"})


@functools.lru_cache(maxsize=8192)
def normalise_name(name: str) -> str:
    """Normalise a printed name for comparison: NFKC (full-width → half-width), no spaces.

    ```pycon
    >>> normalise_name("维修（护）费") == normalise_name("维修(护) 费")
    True

    ```
    """
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", name).translate(_QUOTES))


@frozen
class CodeInfo:
    """One catalogue entry: a code, its name, and where that pairing comes from.

    Attributes:
        scheme: the scheme's name, e.g. ``"functional"``.
        code: the compact code, e.g. ``"2010101"``.
        name: the official name, e.g. ``"行政运行"``.
        level: 1-based depth (1 = 类).
        level_name: the level's Chinese name (类, 款, 项, or 一级目录 …).
        parent: the parent's code, or ``None`` at the top.
        editions: the years this name is attested for (empty when unknown).
        source: where the pair was read.
        confidence: ``"high"``, ``"medium"``, ``"low"`` or ``"official"`` (a loaded edition).
        scope: who the name applies to when it is not catalogue-wide (e.g. a department,
            or the one report a conflicting name is printed in).
        conflict: why this name is *not* the catalogue's name although a source prints it
            (e.g. one report prints it where every other source of that year prints
            another); such an entry is kept visible but never answers a look-up.
        note: anything else worth knowing (e.g. a parent that no source prints).
    """

    scheme: str
    code: str
    name: str
    level: int
    level_name: str
    parent: str | None
    editions: tuple[int, ...]
    source: str
    confidence: str
    scope: str | None = None
    conflict: str | None = None
    note: str | None = None

    @property
    def edition(self) -> int | None:
        """The latest year the name is attested for, or ``None``."""
        return max(self.editions) if self.editions else None

    @property
    def is_other(self) -> bool:
        """True for a catch-all "其他…" code (last level segment ``99``)."""
        return self.level > 1 and self.code.endswith("99")


class NameStatus(IdentityEnum):
    """The four answers of `Scheme.check_name`."""

    MATCH = "match"
    """The printed name is the code's name for that year."""
    OTHER_EDITION = "other_edition"
    """The printed name is the code's name in another edition."""
    WRONG_NAME = "wrong_name"
    """The code is known, but under another name."""
    UNKNOWN_CODE = "unknown_code"
    """The code is well-formed but not in the catalogue."""


@frozen
class NameCheck:
    """The result of checking a (code, name) pair as printed in a report.

    Attributes:
        status: one of the four `NameStatus` answers.
        code: the compact code.
        printed: the name as printed.
        expected: the catalogue's name for that year (``None`` for an unknown code).
        editions: for ``OTHER_EDITION``, the years the printed name belongs to (empty
            when that edition's year is not known).
        info: the catalogue entry for that year, if the code is known.
        conflicting: for ``WRONG_NAME``, entries flagged as conflicting (`CodeInfo.conflict`)
            that carry the printed name: a source prints this pair, against the others.
    """

    status: NameStatus
    code: str
    printed: str
    expected: str | None
    editions: tuple[int, ...] = ()
    info: CodeInfo | None = None
    conflicting: tuple[CodeInfo, ...] = ()

    @property
    def ok(self) -> bool:
        """True only for an exact match."""
        return self.status is NameStatus.MATCH
