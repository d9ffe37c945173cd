"""政府预算支出经济分类科目 (government economic classification): 类 3 digits, 款 5.

Module-level verbs shared by every scheme (see `govbudget.codes.Scheme`):
``compact``, ``validate``, ``is_valid``, ``format``, ``level``, ``info``, ``get``,
``name_of``, ``entries``, ``parent``, ``children``, ``ancestors``, ``lookup_name``,
``check_name``, ``screen``, ``is_other``, ``codes``, ``load_edition``, ``reset``.

```pycon
>>> from govbudget.codes import gov_economic
>>> gov_economic.validate(" 50101 ")
'50101'
>>> gov_economic.format("50101")
'501 01'
>>> gov_economic.is_valid("not a code")
False

```
"""

from __future__ import annotations

from ._scheme import Scheme

SCHEME = Scheme(
    name="gov_economic",
    title="政府预算支出经济分类科目",
    pattern=r"5\d{2}(?:\d{2})?",
    lengths=(3, 5),
    level_names=("类", "款"),
    data="gov_economic",
    upper=False,
)
"""The scheme object behind this module's functions."""

compact = SCHEME.compact
validate = SCHEME.validate
is_valid = SCHEME.is_valid
screen = SCHEME.screen
format = SCHEME.format  # the verb every scheme module shares
level = SCHEME.level
level_name = SCHEME.level_name
parent_code = SCHEME.parent_code
ancestor_codes = SCHEME.ancestor_codes
is_other = SCHEME.is_other
info = SCHEME.info
get = SCHEME.get
entries = SCHEME.entries
is_known = SCHEME.is_known
name_of = SCHEME.name_of
parent = SCHEME.parent
ancestors = SCHEME.ancestors
children = SCHEME.children
codes = SCHEME.codes
lookup_name = SCHEME.lookup_name
check_name = SCHEME.check_name
load_edition = SCHEME.load_edition
editions = SCHEME.editions
reset = SCHEME.reset

__all__ = [
    "SCHEME",
    "ancestor_codes",
    "ancestors",
    "check_name",
    "children",
    "codes",
    "compact",
    "editions",
    "entries",
    "format",
    "get",
    "info",
    "is_known",
    "is_other",
    "is_valid",
    "level",
    "level_name",
    "load_edition",
    "lookup_name",
    "name_of",
    "parent",
    "parent_code",
    "reset",
    "screen",
    "validate",
]
