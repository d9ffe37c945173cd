"""Plain slotted records for the readers' internal tokens: what ``attrs.define`` /
``attrs.frozen`` would give them (an ``__init__`` written by hand, equality and a repr over
the fields), with no code generated when the module is imported.

attrs writes and compiles the methods of each class when its module is imported (about
half a millisecond a class in a fresh process); the public model keeps attrs (``evolve``,
``fields``, the converters of `govbudget.dumps`), the tokens that never leave a reader do
not need it.

```pycon
>>> class Tok(Record):
...     __slots__ = ("kind", "text")
...     def __init__(self, kind: int, text: str) -> None:
...         self.kind = kind
...         self.text = text
>>> Tok(1, "a"), Tok(1, "a") == Tok(1, "a"), Tok(1, "a") == Tok(2, "a")
(Tok(kind=1, text='a'), True, False)

```
"""

from __future__ import annotations

from typing import Any, ClassVar

__all__ = ["FrozenRecord", "Record"]


class Record:
    """A mutable record: equal to a record of the same class with equal fields (the fields
    are the names of ``__slots__``), unhashable, shown as ``Name(field=value, …)``."""

    __slots__: ClassVar[tuple[str, ...]] = ()

    def _fields(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        # Field by field with ==, as attrs compares (a tuple comparison would first test
        # identity, and call a NaN equal to itself).
        return all(getattr(self, name) == getattr(other, name) for name in self.__slots__)

    def __ne__(self, other: object) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__: ClassVar[None] = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class FrozenRecord(Record):
    """A record that is not changed after ``__init__``: hashable by its fields.

    ```pycon
    >>> class Frag(FrozenRecord):
    ...     __slots__ = ("row", "text")
    ...     def __init__(self, row: int, text: str) -> None:
    ...         self.row = row
    ...         self.text = text
    >>> len({Frag(1, "a"), Frag(1, "a")})
    1

    ```
    """

    __slots__ = ()

    def __hash__(self) -> int:  # type: ignore[override]
        return hash((type(self), self._fields()))
