"""Departmental → government economic classification (两套支出经济分类科目对照).

A departmental item (部门预算支出经济分类, 30x) maps to a government item (政府预算支出
经济分类, 50x), and the mapping depends on the kind of unit: an administrative unit
(机关) maps to 501/502, an institution (事业单位) to 505 (对事业单位经常性补助).
The built-in mapping is partial and carries its source per row.

```pycon
>>> from govbudget.codes import mapping
>>> [i.code for i in mapping.government_items("30101", unit_kind="organ")]
['50101']
>>> [i.code for i in mapping.government_items("30101", unit_kind="institution")]
['50501']

```
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterator

from attrs import frozen

from .._enum import IdentityEnum
from .._errors import UnknownCode
from . import dept_economic, gov_economic
from ._files import data_file
from ._scheme import CodeInfo

__all__ = ["MappingEntry", "UnitKind", "entries", "government_items"]


class UnitKind(IdentityEnum):
    """The kind of budget unit, which decides the economic mapping."""

    ORGAN = "organ"
    """机关 / 行政单位: an administrative organ (and 参公 units)."""
    INSTITUTION = "institution"
    """事业单位: a public institution."""

    @property
    def chinese(self) -> str:
        """The Chinese term."""
        return "机关" if self is UnitKind.ORGAN else "事业单位"


@frozen
class MappingEntry:
    """One row of the mapping: departmental code → government code for a kind of unit."""

    dept_code: str
    gov_code: str
    unit_kind: UnitKind
    source: str


@functools.cache
def _table() -> tuple[MappingEntry, ...]:
    res = data_file("econ_mapping.csv")
    with res.open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return tuple(
            MappingEntry(
                dept_economic.validate(r["dept_code"]),
                gov_economic.validate(r["gov_code"]),
                UnitKind(r["unit_kind"]),
                r["source"],
            )
            for r in rows
        )


def entries(unit_kind: UnitKind | str | None = None) -> Iterator[MappingEntry]:
    """Every known mapping row, optionally for one kind of unit."""
    kind = UnitKind(unit_kind) if unit_kind is not None else None
    for e in _table():
        if kind is None or e.unit_kind is kind:
            yield e


def government_items(
    dept_code: str, *, unit_kind: UnitKind | str, year: int | None = None
) -> tuple[CodeInfo, ...]:
    """The government items a departmental item maps to for a kind of unit.

    Raises:
        InvalidCode: ``dept_code`` is malformed.
        UnknownCode: no mapping is known for this code and kind of unit.
    """
    code = dept_economic.validate(dept_code)
    kind = UnitKind(unit_kind)
    found = tuple(
        gov_economic.info(e.gov_code, year=year)
        for e in _table()
        if e.dept_code == code and e.unit_kind is kind
    )
    if not found:
        raise UnknownCode(code, f"dept→gov mapping ({kind.chinese})", year)
    return found
