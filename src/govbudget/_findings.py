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
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, SupportsIndex, overload

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



class CellLocations(tuple[Location, ...]):
    """The locations of one column's cells in some rows of a table, made when first
    looked at: a tuple of `Location` in every respect but its making.

    A finding over a big table names many cells (a 款 and its hundred 项): `Location`
    objects for all of them would be built for every such finding, and most findings'
    related cells are never looked at. This tuple holds the table, the rows and the
    column, and builds the locations (`Location.in_table`, as an eager caller would)
    the first time anything asks for them; it then compares, hashes, prints and pickles
    as the plain tuple of those locations.

    ```pycon
    >>> from govbudget import Row, Table, TableKind, Unit
    >>> t = Table(kind=TableKind.EXPENDITURE, number="2", title="支出总表", unit=Unit.YUAN)
    >>> rows = [Row(name="行政运行", values=(), code="2010101", line=12),
    ...         Row(name="一般行政管理事务", values=(), code="2010102", line=13)]
    >>> cells = CellLocations.of(t, rows, "total")
    >>> len(cells), str(cells[1])
    (2, '支出总表 row 2010102 column total (line 13)')
    >>> cells == tuple(Location.in_table(t, r, "total") for r in rows)
    True

    ```
    """

    # (a tuple subclass cannot have slots: these live in the instance's dict)
    _table: Table
    _rows: Sequence[Row]
    _column: str | None
    _locate: Callable[[Location], Location] | None
    _items: tuple[Location, ...] | None

    def __new__(cls, items: Iterable[Location] = ()) -> tuple[Location, ...]:  # type: ignore[misc]
        # Called as a collection type (``type(x)(items)``, as `attrs.asdict` and copying
        # code rebuild a tuple): a plain tuple of ``items``. The cells are made by `of`.
        return tuple(items)

    @classmethod
    def of(cls, table: Table, rows: Sequence[Row], column: str | None = None,
           locate: Callable[[Location], Location] | None = None) -> CellLocations:
        """The locations of ``column`` in ``rows`` of ``table`` (each passed through
        ``locate`` when given), made when first looked at."""
        self = tuple.__new__(cls)  # empty: the items live in `_items`, made on demand
        self._table = table
        self._rows = rows
        self._column = column
        self._locate = locate
        self._items = None
        return self

    def located(self, locate: Callable[[Location], Location]) -> CellLocations:
        """The same cells, each location passed through ``locate`` when made (the engine
        adds pages so)."""
        inner = self._locate
        return CellLocations.of(self._table, self._rows, self._column,
                                locate if inner is None else lambda loc: locate(inner(loc)))

    @property
    def items(self) -> tuple[Location, ...]:
        """The locations, as a plain tuple (made on the first call)."""
        items = self._items
        if items is None:
            t, c = self._table, self._column
            made = (Location.in_table(t, r, c) for r in self._rows)
            locate = self._locate
            items = self._items = tuple(made if locate is None else map(locate, made))
        return items

    def __len__(self) -> int:
        return len(self._rows)

    def __bool__(self) -> bool:
        return bool(self._rows)

    @overload
    def __getitem__(self, i: SupportsIndex) -> Location: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[Location, ...]: ...
    def __getitem__(self, i: SupportsIndex | slice) -> Location | tuple[Location, ...]:
        return self.items[i]

    def __iter__(self) -> Iterator[Location]:
        return iter(self.items)

    def __reversed__(self) -> Iterator[Location]:
        return reversed(self.items)

    def __contains__(self, item: object) -> bool:
        return item in self.items

    def index(self, value: Any, start: SupportsIndex = 0,
              stop: SupportsIndex = sys.maxsize) -> int:
        return self.items.index(value, start, stop)

    def count(self, value: Any) -> int:
        return self.items.count(value)

    def __eq__(self, other: object) -> bool:
        return self.items == (other.items if isinstance(other, CellLocations) else other)

    def __ne__(self, other: object) -> bool:
        return not self == other

    def __lt__(self, other: tuple[Location, ...]) -> bool:
        return self.items < _plain(other)

    def __le__(self, other: tuple[Location, ...]) -> bool:
        return self.items <= _plain(other)

    def __gt__(self, other: tuple[Location, ...]) -> bool:
        return self.items > _plain(other)

    def __ge__(self, other: tuple[Location, ...]) -> bool:
        return self.items >= _plain(other)

    def __hash__(self) -> int:
        return hash(self.items)

    def __add__(self, other: tuple[Any, ...]) -> tuple[Any, ...]:
        return self.items + _plain(other)

    def __radd__(self, other: tuple[Any, ...]) -> tuple[Any, ...]:
        return _plain(other) + self.items

    def __mul__(self, n: SupportsIndex) -> tuple[Location, ...]:
        return self.items * n

    def __rmul__(self, n: SupportsIndex) -> tuple[Location, ...]:
        return self.items * n

    def __repr__(self) -> str:
        return repr(self.items)

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (self.items,))

    def __copy__(self) -> CellLocations:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> tuple[Location, ...]:
        return self.items  # locations are immutable: the tuple of them is a deep copy


def _plain(items: tuple[Any, ...]) -> tuple[Any, ...]:
    """A `CellLocations` as its plain tuple; anything else as it is."""
    return items.items if isinstance(items, CellLocations) else items


def _tuple_location(items: Iterable[Location]) -> tuple[Location, ...]:
    # a plain tuple is kept as it is (``tuple()`` of one is itself), and so are cells
    # whose locations are made when first looked at
    return items if type(items) is tuple or isinstance(items, CellLocations) else tuple(items)

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
