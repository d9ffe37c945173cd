"""Compiled regular expressions kept between processes, as bytecode is.

``re.compile`` parses a pattern and writes its matching program in Python, in every
process: for govbudget's patterns (Chinese word lists, classes of CJK code points) that is
about 35 ms of a fresh ``govbudget check``, a fifth of its cost. The program sre writes
depends only on the pattern, its flags and the interpreter, so it can be kept: `compile_pattern`
returns ``re.compile(pattern, flags)``, and keeps the program that sre wrote for it in a
file beside the package's bytecode (``__pycache__``, or the user's cache directory where
that is not writable; both are read). In the next process the pattern is made from the
kept program by ``_sre.compile`` (the call ``re.compile`` ends with), which checks the
program's structure before using it; a file others could have written (not the user's or
root's, or writable by group or others) is not read.

The file is named by the interpreter (``sys.implementation.cache_tag``) and holds the full
``sys.version`` and sre's ``MAGIC``: a program written by one interpreter is never given
to another. Anything unexpected (another implementation than CPython, an sre whose
internals differ, a damaged or foreign file, a directory that cannot be written) means
``re.compile`` as usual; the cache only ever saves time. As with bytecode, nothing is
written where ``PYTHONDONTWRITEBYTECODE`` is set, and ``GOVBUDGET_PATTERN_CACHE=0`` turns
the cache off.

```pycon
>>> p = compile_pattern(r"(?P<n>\\d+)万元")
>>> p.search("共12万元").group("n"), p.flags & re.UNICODE != 0
('12', True)
>>> p == re.compile(r"(?P<n>\\d+)万元")
True

```
"""

from __future__ import annotations

import atexit
import importlib
import re
import sys
from pathlib import Path
from typing import Any

from . import _kept

__all__ = ["PatternStore", "compile_pattern"]

# What sre needs to make a pattern: (flags, program, groups, group index, index group).
_Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_Key = tuple[str, int]

_FILE = f"govbudget-patterns.{sys.implementation.cache_tag}.marshal"
_MAX_KEPT = 4000  # patterns kept from earlier processes (older code's patterns age out)


def _interpreter() -> str | None:
    """The interpreter a kept program is valid for; None where sre is not CPython's."""
    try:
        sre = importlib.import_module("_sre")
        return f"{sys.implementation.name} {sys.version} sre {sre.MAGIC} {sre.CODESIZE}"
    except (ImportError, AttributeError):
        return None


def _sre_parts() -> tuple[Any, Any, Any] | None:
    """sre's parser, program writer and constructor, or None where they differ from
    CPython 3.11-3.13's (then the cache is off)."""
    try:
        sre = importlib.import_module("_sre")
        compiler = importlib.import_module("re._compiler")
        parser = importlib.import_module("re._parser")
        parts = (parser.parse, compiler._code, sre.compile)
    except (ImportError, AttributeError):
        return None
    return parts if all(callable(p) for p in parts) else None


class PatternStore:
    """Programs of compiled patterns, read from and written to one file (``keep=False``: none
    kept, every pattern compiled by ``re.compile``).

    ```pycon
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> first = PatternStore([folder])
    >>> first.compile(r"[元万亿]").pattern, first.made, first.kept
    ('[元万亿]', 1, 0)
    >>> first.save()
    True
    >>> second = PatternStore([folder])
    >>> second.compile(r"[元万亿]").search("3万").group(), second.made, second.kept
    ('万', 0, 1)

    ```
    """

    def __init__(self, folders: list[Path], *, write: bool = True, keep: bool = True) -> None:
        self.folders = folders
        self.write = write
        self.made = 0  # patterns compiled by sre in this process
        self.kept = 0  # patterns made from a kept program
        self._interpreter = _interpreter()
        self._parts = _sre_parts() if keep and self._interpreter is not None else None
        self._programs: dict[_Key, _Program] | None = None
        self._made: dict[_Key, re.Pattern[str]] = {}  # this process's, as re's own cache
        self._dirty = False

    @property
    def enabled(self) -> bool:
        """Whether programs are kept (False: plain ``re.compile``)."""
        return self._parts is not None

    def _load(self) -> dict[_Key, _Program]:
        """The programs of every folder's file (the first folder's where two hold one):
        a package's read-only file and the user's own one are both used."""
        if self._interpreter is None:
            return {}
        return _kept.read(self.folders, _FILE, self._interpreter)

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from a kept program where there is one."""
        parts = self._parts
        if parts is None or not isinstance(pattern, str) or flags & re.DEBUG:
            return re.compile(pattern, flags)  # (re.DEBUG prints as it compiles)
        key = (pattern, int(flags))
        compiled = self._made.get(key)
        if compiled is not None:
            return compiled
        compiled = self._make(key, parts)
        self._made[key] = compiled
        return compiled

    def _make(self, key: _Key, parts: tuple[Any, Any, Any]) -> re.Pattern[str]:
        pattern, flags = key
        if self._programs is None:
            self._programs = self._load()
        program = self._programs.get(key)
        if program is not None:
            try:
                made: re.Pattern[str] = parts[2](pattern, *program)
            except (RuntimeError, TypeError, ValueError, OverflowError):
                del self._programs[key]  # not a program this sre accepts: write it anew
            else:
                self.kept += 1
                return made
        parse, code, make = parts
        compiled: re.Pattern[str]
        try:
            tree = parse(pattern, flags)
            state = tree.state
            groupindex = dict(state.groupdict)
            indexgroup: list[str | None] = [None] * state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            # sre's opcodes are int subclasses: plain ints, so that marshal can keep them
            program = (int(flags | state.flags), [int(op) for op in code(tree, flags)],
                       int(state.groups - 1), groupindex, tuple(indexgroup))
            compiled = make(pattern, *program)
        except re.error:
            raise  # a bad pattern: the error re.compile gives
        except Exception:  # an sre whose internals differ from 3.11-3.13's: no cache
            self._parts = None
            return re.compile(pattern, flags)
        self._programs[key] = program
        self._dirty = True
        self.made += 1
        return compiled

    def save(self) -> bool:
        """Write the programs to the first folder that can be written; whether one was."""
        if not (self._dirty and self.write and self._programs is not None
                and self._interpreter is not None):
            return False
        programs = dict(self._programs)  # (one copy: another thread may still compile)
        if len(programs) > _MAX_KEPT:  # keep this process's own, drop the oldest others
            programs = dict(list(programs.items())[-_MAX_KEPT:])
        if not _kept.write(self.folders, _FILE, self._interpreter, programs):
            return False
        self._dirty = False
        return True


def _folders() -> list[Path]:
    """Where the file is looked for and written (`govbudget._kept.folders`)."""
    return _kept.folders()


def _store() -> PatternStore:
    if _kept.switched_off("GOVBUDGET_PATTERN_CACHE"):
        return PatternStore([], write=False, keep=False)
    store = PatternStore(_folders(), write=not sys.dont_write_bytecode)
    if store.write:
        atexit.register(_kept.save_quietly, store.save)
    return store


STORE = _store()


def compile_pattern(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, made from the program kept by an earlier process
    where there is one (see the module's text)."""
    return STORE.compile(pattern, int(flags))
