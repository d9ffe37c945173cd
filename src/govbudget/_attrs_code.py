"""The methods attrs writes for govbudget's classes, kept between processes as bytecode is.

attrs makes a class's ``__init__``, ``__eq__``, ``__hash__`` … by writing their source
and compiling it, in every process: for govbudget's model classes (about 60 built by a
``govbudget check``) that compiling is about 20 ms of a fresh check, the largest single
cost after the interpreter's own start. What ``compile`` makes depends only on the source,
its file name and the interpreter, so it can be kept: `CodeStore.code` returns
``compile(script, filename, "exec")``, and keeps the code object in a file beside the
package's bytecode (`govbudget._kept`: the same folders, trust and writing rules as the
pattern cache). The next process takes it from there.

One part of attrs' source differs per process: ``__hash__`` starts from
``hash("<attrs generated hash module.Class>")``, a number written into the source that
string hashing's seed changes in each process. Such a source is kept with a stand-in
number in its place (`SEED`), and the number of this process is put back in the code's
constants before the code runs, so that the code run is the code compiling this process's
source would make (its hashes are the same; a test compares them).

`install` puts `CodeStore.code` under attrs' one function that compiles and runs generated
source (``attr._make._compile_and_eval``), for classes of govbudget's modules only; any
other class is compiled by attrs as before. Where that function is not there or takes
other arguments (another attrs), nothing is installed and attrs compiles as always. The
file holds the full interpreter version (code objects are the interpreter's own format);
nothing is written where ``PYTHONDONTWRITEBYTECODE`` is set; ``GOVBUDGET_CODE_CACHE=0``
turns the cache off. Only the code this process used is written, so code of classes since
changed does not pile up.

```pycon
>>> store = CodeStore([], write=False)
>>> namespace: dict[str, object] = {}
>>> exec(store.code("def f(x):\\n    return x + 1\\n", "<attrs generated f>"), namespace)
>>> namespace["f"](41), store.made, store.kept
(42, 1, 0)

```
"""

from __future__ import annotations

import atexit
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import CodeType
from typing import Any

from . import _kept

__all__ = ["SEED", "CodeStore", "install"]

_FILE = f"govbudget-attrs.{sys.implementation.cache_tag}.marshal"
_STAMP = f"{sys.implementation.name} {sys.version} attrs-code 1"
SEED = -0x7A77C0DE5E7  # stands for a class's hash number in a kept source
# attrs' __hash__ source: ``hash((`` then, on its own line, the class's number.
_HASH_NUMBER = re.compile(r"hash\(\(\n[ ]+(-?\d+),\n")
_Key = tuple[str, str]


def _with_number(code: CodeType, number: int) -> tuple[CodeType, int]:
    """``code`` with `SEED` replaced by ``number`` in its constants and those of the code
    it holds (the functions it defines); how many were replaced."""
    replaced = 0
    consts: list[object] = []
    for const in code.co_consts:
        if isinstance(const, CodeType):
            const, n = _with_number(const, number)
            replaced += n
        elif type(const) is int and const == SEED:
            const = number
            replaced += 1
        consts.append(const)
    return (code.replace(co_consts=tuple(consts)) if replaced else code), replaced


class CodeStore:
    """Code objects of generated sources, read from and written to one file.

    ```pycon
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> first = CodeStore([folder])
    >>> source = "def __hash__(self):\\n    return hash((\\n        -123,\\n        self.a,\\n    ))\\n"
    >>> _ = first.code(source, "<attrs generated hash m.C>")
    >>> first.save(), first.made
    (True, 1)
    >>> second = CodeStore([folder])
    >>> namespace: dict[str, object] = {}
    >>> exec(second.code(source.replace("-123", "456"), "<attrs generated hash m.C>"), namespace)
    >>> second.made, second.kept, 456 in namespace["__hash__"].__code__.co_consts
    (0, 1, True)

    ```
    """

    def __init__(self, folders: list[Path], *, write: bool = True) -> None:
        self.folders = folders
        self.write = write
        self.made = 0  # sources compiled in this process
        self.kept = 0  # code taken from the file
        self._codes: dict[_Key, CodeType] | None = None
        self._used: dict[_Key, CodeType] = {}
        self._dirty = False

    def code(self, script: str, filename: str) -> CodeType:
        """``compile(script, filename, "exec")``, taken from the file where it is kept."""
        match = _HASH_NUMBER.search(script)
        number: int | None = None
        source = script
        if match is not None:
            number = int(match.group(1))
            source = f"{script[:match.start(1)]}{SEED}{script[match.end(1):]}"
        key = (source, filename)
        if self._codes is None:
            self._codes = _kept.read(self.folders, _FILE, _STAMP) if self.folders else {}
        code = self._codes.get(key)
        if isinstance(code, CodeType):
            self.kept += 1
        else:
            code = compile(source, filename, "exec")
            self._codes[key] = code
            self._dirty = True
            self.made += 1
        self._used[key] = code
        if number is None:
            return code
        made, replaced = _with_number(code, number)
        if replaced != 1:  # the stand-in not where it was put: compile what was given
            return compile(script, filename, "exec")
        return made

    def save(self) -> bool:
        """Write the code this process used, where anything was new; whether it was."""
        if not (self._dirty and self.write):
            return False
        if not _kept.write(self.folders, _FILE, _STAMP, dict(self._used)):
            return False
        self._dirty = False
        return True


def _ours(filename: str) -> bool:
    """Whether attrs' generated file name is of a class in govbudget's modules."""
    return filename.startswith("<attrs generated ") and " govbudget." in filename


def install(store: CodeStore) -> bool:
    """Compile govbudget's attrs classes' methods through ``store``; whether it could be
    installed (attrs' compiling function as expected)."""
    try:
        from attr import _make
    except ImportError:  # pragma: no cover - attrs is a dependency
        return False
    found = getattr(_make, "_compile_and_eval", None)
    code = getattr(found, "__code__", None)
    if getattr(found, "__govbudget_store__", None) is not None:
        return True  # installed already (a reloaded module)
    if found is None or not isinstance(code, CodeType) or code.co_argcount != 4 or \
            code.co_varnames[:4] != ("script", "globs", "locs", "filename"):
        return False
    original: Callable[..., None] = found

    def compile_and_eval(script: str, globs: dict[str, Any] | None,
                         locs: Mapping[str, object] | None = None, filename: str = "") -> None:
        if not _ours(filename):
            original(script, globs, locs, filename)
            return
        eval(store.code(script, filename), globs, locs)  # attrs' own source, compiled or kept

    compile_and_eval.__wrapped__ = original  # type: ignore[attr-defined]
    compile_and_eval.__govbudget_store__ = store  # type: ignore[attr-defined]
    _make._compile_and_eval = compile_and_eval
    return True


def _store() -> CodeStore:
    if _kept.switched_off("GOVBUDGET_CODE_CACHE"):
        return CodeStore([], write=False)
    store = CodeStore(_kept.folders(), write=not sys.dont_write_bytecode)
    if store.write:
        atexit.register(_kept.save_quietly, store.save)
    return store


STORE = _store()
INSTALLED = bool(STORE.folders) and install(STORE)
