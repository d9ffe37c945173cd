"""Tests for govbudget._reading: the kinds of reader finding, one list for both wings."""

from __future__ import annotations

import ast
from pathlib import Path

from govbudget._reading import READING_KINDS
from govbudget.checks import registry

INGEST = Path(__file__).resolve().parent.parent / "src" / "govbudget" / "_ingest"


def test_every_kind_is_a_reading_rule() -> None:
    """Each kind of reader finding is a registered reading rule with its titles and
    severity."""
    reg = registry()
    for kind in READING_KINDS.values():
        r = reg[kind.id]
        assert (r.title, r.title_en, r.severity) == (kind.title, kind.title_en, kind.severity)


def test_the_reader_makes_only_listed_kinds() -> None:
    """Every ``reading.*`` id written in the reader is a listed kind (a new kind must be
    listed, or it would surface only as ``reading.other``)."""
    written = set()
    for path in INGEST.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and node.value.startswith("reading.") and " " not in node.value:
                written.add(node.value)
    assert written, "the walk found no reading ids at all"
    assert written <= set(READING_KINDS)
