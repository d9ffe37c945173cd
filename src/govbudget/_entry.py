"""The ``govbudget`` command's process: `govbudget._cli.main`, then an exit at once.

The ``govbudget`` script and ``python -m govbudget`` run `run`; programs and tests call
``govbudget._cli.main``, which does neither of what this module does.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from typing import NoReturn

from ._cli import main

__all__ = ["leave", "run"]


def run() -> NoReturn:
    """The ``govbudget`` command (and ``python -m govbudget``): ``main``, in a process that
    ends as soon as its output is written.

    A command's process is short: its memory goes back to the system when it ends, so it
    needs neither the cycle collector while it checks one file (about 13 ms of a fresh
    check of the sample; ``_cli._cmd_check`` turns it back on for several files, whose
    reports' cycles are freed as it goes) nor the interpreter's tear-down, which frees
    every object one by one (about 20 ms). So the collector is off, and once ``main``
    returns the output is flushed, the kept caches are written (`govbudget._kept`; the
    only work govbudget leaves to exit), and the process ends with ``main``'s status
    (``os._exit``) — unless another thread is still running, which a normal exit waits
    for.
    """
    gc.disable()
    status = main()
    leave(status)


def leave(status: int) -> NoReturn:
    """End the command's process with ``status`` (see `run`)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe or stream
            stream.flush()
    from . import _attrs_code, _kept, _pattern_cache

    for save in (_pattern_cache.STORE.save, _attrs_code.STORE.save):
        _kept.save_quietly(save)
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        raise SystemExit(status)  # a normal exit waits for the other threads
    os._exit(status)
