"""One character cleaner and one number pattern, at the bottom of the package.

Every reader of printed text (amounts, narrative sentences, indicator values, prose of
performance tables, units) first folds the full-width forms of digits and Latin letters,
the full-width point and the per-cent sign to ASCII; each adds the few characters its own
grammar needs (a reader of sentences keeps the full-width comma, which separates clauses;
a reader of amounts folds it, since it groups digits). `translation` builds such a table
from the one base, so the base is written once.

```pycon
>>> "１２．５％，ＡＢ".translate(translation())
'12.5%，AB'
>>> "１，２３４".translate(translation({"，": ","}))
'1,234'
>>> import re
>>> [m.group() for m in re.finditer(NUMBER, "共1,234.5万元，增长12%")]
['1,234.5', '12']
>>> [m.group() for m in re.finditer(FREE_NUMBER, "12.5 与 1,234")]
['12.5', '1,234']

```
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = ["FREE_NUMBER", "FULL_WIDTH", "NUMBER", "translation"]

FULL_WIDTH: Final[Mapping[int, str]] = {
    **{0xFF10 + i: str(i) for i in range(10)},
    **{0xFF21 + i: chr(0x41 + i) for i in range(26)},
    **{0xFF41 + i: chr(0x61 + i) for i in range(26)},
    ord("．"): ".",
    ord("％"): "%",
}
"""Full-width digits, Latin letters, point and per-cent sign, as their ASCII forms."""


def translation(extra: Mapping[str, str | None] | None = None) -> dict[int, str | None]:
    """A `str.translate` table: `FULL_WIDTH` and then ``extra`` (one character to a
    string, or to ``None`` to delete it).

    ```pycon
    >>> "ｘ－１".translate(translation({"－": "-"}))
    'x-1'

    ```
    """
    table: dict[int, str | None] = dict(FULL_WIDTH)
    if extra:
        table.update(str.maketrans(dict(extra)))
    return table


NUMBER: Final = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
"""An unsigned decimal number, with its digits grouped by commas in threes or not grouped
(``1,234.5``, ``1234.5``; never ``12,34``). A regular-expression source, to be embedded."""

FREE_NUMBER: Final = r"\d(?<![\d.]\d)(?<!\d,\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?"
"""`NUMBER`, not glued to a digit, a point or a group before it (so no number is read from
the middle of another). Written digit first, so that a search tries the look-behinds only
where a digit stands."""
