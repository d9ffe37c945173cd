"""Tests for govbudget.checks.narrative._vocab: the names the narrative rules compare by."""

from __future__ import annotations

from govbudget._subjects import SUBJECTS
from govbudget._tables import COLUMN_LABELS
from govbudget.checks.narrative import _vocab as m


def test_vocabulary_is_the_models() -> None:
    """Every subject the rules look for is a name of the model's ``SUBJECTS`` (so a
    renamed subject cannot silently switch a comparison off)."""
    names = {name for name, _ in SUBJECTS}
    used = {*m._TOTALS, *m._SOURCES, *m._SPENDING, *m._THREE, m._OPERATING, *m._PROCUREMENT,
            m._MANAGED, m._PUBLISHED}
    assert used <= names, used - names
    assert names <= m._NAMED


def test_columns_named_are_the_tables_columns() -> None:
    """The column keys the subjects stand for are columns the tables have."""
    keys = {key for _, (_, key) in m._SOURCES.items()} | set(m._THREE.values())
    assert keys <= set(COLUMN_LABELS), keys - set(COLUMN_LABELS)


def test_each_source_is_found_by_its_own_name() -> None:
    for subject, (rows, _) in m._SOURCES.items():
        assert rows and all(r.strip() for r in rows), subject
        assert any(r == subject or subject.startswith(r) or r.startswith(subject)
                   for r in rows), subject
