"""部门预算支出经济分类科目 (departmental economic classification): 类 3 digits, 款 5.

Module-level verbs shared by every scheme (see `govbudget.codes.Scheme`):
``compact``, ``validate``, ``is_valid``, ``format``, ``level``, ``info``, ``get``,
``name_of``, ``entries``, ``parent``, ``children``, ``ancestors``, ``lookup_name``,
``check_name``, ``screen``, ``is_other``, ``codes``, ``load_edition``, ``reset``; and for the
seven-digit local sub-items some regions print under a national 款 (Beijing's
``3021101`` 差旅费 under ``30211``), which are not national codes: ``is_local``,
``national_code``, ``local_item``, ``local_items``.

```pycon
>>> from govbudget.codes import dept_economic
>>> dept_economic.validate(" 30217 ")
'30217'
>>> dept_economic.format("30217")
'302 17'
>>> dept_economic.is_valid("not a code")
False

```
"""

from __future__ import annotations

from ._scheme import Scheme

SCHEME = Scheme(
    name="dept_economic",
    title="部门预算支出经济分类科目",
    pattern=r"3\d{2}(?:\d{2})?",
    lengths=(3, 5),
    level_names=("类", "款"),
    data="dept_economic",
    upper=False,
    local_data="dept_economic_local",
    local_length=7,
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
is_local = SCHEME.is_local
national_code = SCHEME.national_code
local_item = SCHEME.local_item
local_items = SCHEME.local_items

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
    "is_local",
    "is_other",
    "is_valid",
    "level",
    "level_name",
    "load_edition",
    "local_item",
    "local_items",
    "lookup_name",
    "name_of",
    "national_code",
    "parent",
    "parent_code",
    "reset",
    "screen",
    "validate",
]
