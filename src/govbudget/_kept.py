"""Files of what a process made and the next can take ready, kept as bytecode is.

Two caches keep what CPython makes the same way in every process: the programs sre writes
for compiled patterns (`govbudget._pattern_cache`) and the code of the methods attrs
writes for the model classes (`govbudget._attrs_code`). Both keep one dictionary in one
``marshal`` file, and this module reads and writes those files alike:

- a file lives beside the package's bytecode (``__pycache__``, or under
  ``sys.pycache_prefix``), then in the user's cache directory (``$XDG_CACHE_HOME`` or
  ``~/.cache``, then ``govbudget/``) where the package cannot be written; the values of
  every folder's file are used (a package's read-only file and the user's own one);
- a file is named by the interpreter (``sys.implementation.cache_tag``) and holds a stamp
  (the full interpreter version and whatever else its values depend on): a file of
  another stamp is not used;
- a file others could have written (not owned by the user or root, or writable by group
  or others) is not read: its values are run as a bytecode file's are;
- a file is written whole under a name of its own, then renamed over the old one, so a
  reader never sees half a file;
- anything unexpected (a damaged file, a folder that cannot be written, no owner to trust
  a file by) means nothing is read or written: a cache only ever saves time.

```pycon
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write([folder], "example.marshal", "stamp 1", {"a": 1})
True
>>> read([folder], "example.marshal", "stamp 1"), read([folder], "example.marshal", "stamp 2")
({'a': 1}, {})

```
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["folders", "read", "switched_off", "write"]


def folders() -> list[Path]:
    """Where kept files are looked for and written: beside govbudget's bytecode, then the
    user's cache directory."""
    here = Path(__file__).resolve().parent
    prefix = sys.pycache_prefix
    pycache = Path(prefix) / here.relative_to(here.anchor) if prefix else here / "__pycache__"
    xdg = os.environ.get("XDG_CACHE_HOME")
    try:
        user = Path(xdg) if xdg else Path.home() / ".cache"
    except RuntimeError:  # no home directory
        return [pycache]
    return [pycache, user / "govbudget"]


def switched_off(variable: str) -> bool:
    """Whether a cache is off: its variable says ``0``/``off``/``no``, or the system has no
    file owners to trust a file by (Windows)."""
    return (os.environ.get(variable, "1").strip().lower() in ("0", "off", "no")
            or not hasattr(os, "getuid"))


def read(places: list[Path], name: str, stamp: str) -> dict[Any, Any]:
    """The values of every folder's file ``name`` written under ``stamp`` (the first
    folder's where two hold one key)."""
    merged: dict[Any, Any] = {}
    for folder in reversed(places):
        try:  # opened once: the file checked is the file read
            fd = os.open(folder / name, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as f:
                st = os.fstat(f.fileno())
                if st.st_uid not in (0, os.getuid()) or st.st_mode & 0o022:
                    continue  # a file others could have written is not trusted
                data = f.read()
        except OSError:
            continue
        try:
            kept_stamp, values = marshal.loads(data)
        except (ValueError, EOFError, TypeError):
            continue  # damaged: rewritten on the next save
        if kept_stamp == stamp and isinstance(values, dict):
            merged.update(values)
    return merged


def write(places: list[Path], name: str, stamp: str, values: dict[Any, Any]) -> bool:
    """Write ``values`` under ``stamp`` to the first folder that can be written; whether
    one was (False too where the values are not plain marshal values)."""
    try:
        data = marshal.dumps((stamp, values))
    except ValueError:
        return False
    for folder in places:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = folder / f".{name}.{os.getpid()}.{os.urandom(6).hex()}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, folder / name)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        except OSError:
            continue
        return True
    return False


def save_quietly(save: Callable[[], object]) -> None:
    """Call ``save()`` at exit: a cache only ever saves time, it never prints."""
    with contextlib.suppress(Exception):
        save()
