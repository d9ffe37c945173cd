"""The base of govbudget's enumerations: members hash by identity.

`enum.Enum` hashes a member by hashing its name, in Python, on every dictionary or set
look-up; the readers and the rules key dictionaries by units, table kinds, row kinds and
severities hundreds of thousands of times per batch. A member is a singleton and compares
by identity, so hashing by identity is equally correct and is done in C.

```pycon
>>> class Colour(IdentityEnum):
...     RED = "红"
>>> {Colour.RED: 1}[Colour.RED]
1
>>> hash(Colour.RED) == object.__hash__(Colour.RED)
True

```
"""

from __future__ import annotations

import enum

__all__ = ["IdentityEnum"]


class IdentityEnum(enum.Enum):
    """An `enum.Enum` whose members hash by identity (they compare by identity already)."""

    __hash__ = object.__hash__
