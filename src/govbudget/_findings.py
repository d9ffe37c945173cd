"""Findings: what the reader and the reconciliation rules report, as data.

A `Finding` says which rule found what, where (a `Location`, plus the
``related`` locations on the other side of a comparison), the figures involved as exact
decimal strings with their unit, and how severe it is. The reader reports figures it
could not place as findings of the ``reading`` category; the rules in
`govbudget.checks` report everything else.

```pycon
>>> f = Finding(rule="table.sum.children", severity=Severity.ERROR,
...             message="类合计与款之和不符", message_en="class total differs from the sum of its items",
...             location=Location(section="预算支出总表", row_code="201", column="total", line=234),
...             expected="2048.87万元", actual="2048.97万元", difference="0.10万元")
>>> f.severity >= Severity.WARNING
True
>>> str(f.location)
'预算支出总表 row 201 column total (line 234)'

```
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from attrs import Factory, field, frozen

from ._enum import IdentityEnum

if TYPE_CHECKING:
    from ._report import Fact
    from ._tables import Row, Table

__all__ = ["Finding", "Location", "Severity"]


@functools.total_ordering
class Severity(IdentityEnum):
    """How serious a finding is; ordered ``INFO < WARNING < ERROR``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for info, 1 for warning, 2 for error."""
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank

    @classmethod
    def parse(cls, text: str) -> Severity:
        """``"error"``, ``"warning"`` or ``"info"`` (any case)."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise ValueError(f"severity must be error, warning or info (got {text!r})") from None


_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@frozen
class Location:
    """Where in a report something is.

    Attributes:
        section: a table's title, or ``"narrative"``, ``"performance"``, ``"overview"`` …
        table: the table's kind key (e.g. ``"expenditure"``) when it is a table.
        row_code: the row's classification code, if it has one.
        row_name: the row's name (or a project's name).
        column: the column's key.
        line: the 1-based line in the input text (for a PDF, of the text read from it).
        page: the 1-based page of the PDF (or of the page markers of the text), when known.
        document: the report (its ``source``) when a finding compares several documents
            (`govbudget.check_reports`); ``None`` within one report.
    """

    section: str
    table: str | None = None
    row_code: str | None = None
    row_name: str | None = None
    column: str | None = None
    line: int | None = None
    page: int | None = None
    document: str | None = None

    @classmethod
    def in_table(cls, table: Table, row: Row | None = None, column: str | None = None
                 ) -> Location:
        """The location of a table, of one of its rows, or of a cell: the table's title
        (its kind's Chinese name when it has none), the row's code, name and line (else
        the table's line), and the column's key.

        ```pycon
        >>> from govbudget import Row, Table, TableKind, Unit
        >>> t = Table(kind=TableKind.EXPENDITURE, number="2", title="支出总表",
        ...           unit=Unit.WAN_YUAN, line=10)
        >>> row = Row(name="一般公共服务支出", values=(), code="201", line=12)
        >>> str(Location.in_table(t, row, "total"))
        '支出总表 row 201 column total (line 12)'

        ```
        """
        return cls(section=table.title or table.kind.chinese, table=table.kind.value,
                   row_code=None if row is None else row.code,
                   row_name=None if row is None else row.name, column=column,
                   line=table.line if row is None else row.line)

    @classmethod
    def of_fact(cls, fact: Fact, label: str | None = None) -> Location:
        """The location of a narrative fact: its section (``"narrative"`` when it has
        none), ``label`` (default: its subject) as the row name, and its line."""
        return cls(section=fact.section or "narrative", row_name=label or fact.subject or None,
                   line=fact.line)

    def __str__(self) -> str:
        parts = [f"{self.document}: {self.section}" if self.document else self.section]
        if self.row_code:
            parts.append(f"row {self.row_code}")
        elif self.row_name:
            parts.append(f"row {self.row_name}")
        if self.column:
            parts.append(f"column {self.column}")
        text = " ".join(parts)
        where = []
        if self.page is not None:
            where.append(f"page {self.page}")
        if self.line is not None:
            where.append(f"line {self.line}")
        return f"{text} ({', '.join(where)})" if where else text



def _tuple_location(items: Iterable[Location]) -> tuple[Location, ...]:
    return tuple(items)

@frozen
class Finding:
    """One problem (or observation) found in a report.

    Attributes:
        rule: the stable id of the rule (``"reading.unplaced_figure"``, ``"table.sum.children"`` …).
        severity: ``error``, ``warning`` or ``info``.
        message: the message in Chinese.
        message_en: the message in English.
        location: where the problem is.
        related: the other side(s) of a comparison.
        expected: the expected figure, an exact decimal with its unit (``"2048.87万元"``).
        actual: the figure found.
        difference: ``actual - expected``.
        root: ``True`` when this finding is the likely root of others.
        knock_on_of: for a knock-on finding, the ``key`` of its likely root.
        code: a finer code for what was found (default: the rule id); a profile can
            select, ignore or re-grade findings by it.
    """

    rule: str
    severity: Severity
    message: str
    message_en: str
    location: Location
    related: tuple[Location, ...] = field(default=(), converter=_tuple_location)
    expected: str | None = None
    actual: str | None = None
    difference: str | None = None
    root: bool = False
    knock_on_of: str | None = None
    code: str = field(default=Factory(lambda self: self.rule, takes_self=True))

    @property
    def key(self) -> str:
        """A stable identifier of this finding within a report (rule and location)."""
        loc = self.location
        return "|".join(
            str(x) for x in (self.rule, loc.section, loc.row_code or loc.row_name or "",
                             loc.column or "", loc.line or "")
        )
