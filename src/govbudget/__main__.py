"""``python -m govbudget``: the same as the ``govbudget`` command."""

from ._cli import run

run()
