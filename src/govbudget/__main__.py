"""``python -m govbudget``: the same as the ``govbudget`` command."""

from ._entry import run

run()
