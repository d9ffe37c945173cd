"""Helpers for the reader and writer tests: read tables out of text, compare tables.

The table reader is reached through the segmenter (``_segment``) and ``read_table``, not
through ``read_text``, so these tests do not depend on the narrative and performance
readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import attrs

from govbudget import Finding, Report, Table, Unit
from govbudget._ingest._pages import strip_furniture
from govbudget._ingest._reader import _segment
from govbudget._ingest._tables import read_table
from govbudget._ingest._text import split_lines

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "jincheng-npc-office-2024.txt"


def read_tables(text: str, default_unit: Unit | None = None) -> tuple[list[Table], list[Finding]]:
    """Every table in ``text``, and the reading findings."""
    seg = _segment(strip_furniture(split_lines(text)))
    findings: list[Finding] = []
    tables = [read_table(kind, lines, findings, default_unit) for kind, lines in seg.tables]
    return tables, findings


def read_one(text: str) -> tuple[Table, list[Finding]]:
    """The one table in ``text`` (fails if there is not exactly one)."""
    tables, findings = read_tables(text)
    assert len(tables) == 1, [t.kind for t in tables]
    return tables[0], findings


@cache
def sample_text() -> str:
    """The bundled sample report's text."""
    return SAMPLE.read_text(encoding="utf-8")


@cache
def sample_tables() -> tuple[tuple[Table, ...], tuple[Finding, ...]]:
    """The sample's 13 tables and the findings made reading them (read once)."""
    tables, findings = read_tables(sample_text())
    return tuple(tables), tuple(findings)


def sample_report() -> Report:
    """A report holding only the sample's tables."""
    tables, findings = sample_tables()
    return Report(source=SAMPLE.name, unit_name=tables[0].unit_name, year=2024, tables=tables,
                  findings=findings)


def comparable(table: Table) -> Table:
    """``table`` without line numbers, each row with one value per column.

    Line numbers change when a table is rendered again. ``govbudget.testing.build_report``
    gives some rows fewer values than their block has columns (the trailing blank cells
    left out), while the reader always gives one value per column (``None`` for a blank);
    :meth:`Block.value` reads both the same, so the comparison pads with ``None``.
    """
    blocks = []
    for b in table.blocks:
        rows = tuple(
            attrs.evolve(r, line=None, values=(*r.values, *[None] * (len(b.columns) - len(r.values))))
            for r in b.rows
        )
        blocks.append(attrs.evolve(b, rows=rows))
    return attrs.evolve(table, line=None, blocks=tuple(blocks))


def assert_same_tables(expected: Sequence[Table], got: Sequence[Table]) -> None:
    """The two table lists are equal up to line numbers, with a readable first difference."""
    assert [t.kind for t in got] == [t.kind for t in expected]
    for e, g in zip(expected, got, strict=True):
        ce, cg = comparable(e), comparable(g)
        if ce == cg:
            continue
        for field in attrs.fields(Table):
            if field.name != "blocks":
                assert getattr(cg, field.name) == getattr(ce, field.name), (e.kind, field.name)
        for be, bg in zip(ce.blocks, cg.blocks, strict=True):
            assert bg.columns == be.columns, e.kind
            for re_, rg in zip(be.rows, bg.rows, strict=False):
                assert rg == re_, e.kind
            assert len(bg.rows) == len(be.rows), e.kind
        assert cg == ce  # pragma: no cover - a difference is found above
