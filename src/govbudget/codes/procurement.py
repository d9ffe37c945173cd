"""政府购买服务指导性目录 (procurement-of-services guidance catalogue): a letter, then 2 digits per level.

Module-level verbs shared by every scheme (see `govbudget.codes.Scheme`):
``compact``, ``validate``, ``is_valid``, ``format``, ``level``, ``info``, ``get``,
``name_of``, ``entries``, ``parent``, ``children``, ``ancestors``, ``lookup_name``,
``check_name``, ``screen``, ``is_other``, ``codes``, ``load_edition``, ``reset``.

```pycon
>>> from govbudget.codes import procurement
>>> procurement.validate(" A1502 ")
'A1502'
>>> procurement.format("A1502")
'A 15 02'
>>> procurement.is_valid("not a code")
False

```
"""

from __future__ import annotations

from ._scheme import Scheme

SCHEME = Scheme(
    name="procurement",
    title="政府购买服务指导性目录",
    pattern=r"[A-Z](?:\d{2}){0,3}",
    lengths=(1, 3, 5, 7),
    level_names=("一级目录", "二级目录", "三级目录", "四级目录"),
    data="procurement",
    upper=True,
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
