"""Tests for govbudget.codes.mapping: departmental → government economic items."""

from __future__ import annotations

import pytest

from govbudget import InvalidCode, UnknownCode
from govbudget.codes import dept_economic, gov_economic, mapping
from govbudget.codes.mapping import UnitKind


def test_depends_on_unit_kind() -> None:
    """The same item maps to 501 for an organ and 505 for an institution."""
    assert [i.code for i in mapping.government_items("30101", unit_kind=UnitKind.ORGAN)] == ["50101"]
    assert [i.code for i in mapping.government_items("30101", unit_kind="institution")] == ["50501"]


def test_unknown_mapping() -> None:
    """A code without a known mapping for that kind raises UnknownCode."""
    with pytest.raises(UnknownCode):
        mapping.government_items("30217", unit_kind="organ")
    with pytest.raises(InvalidCode):
        mapping.government_items("5", unit_kind="organ")


def test_every_row_consistent() -> None:
    """Every mapping row uses known codes of both schemes, and organs map to 501/502/509."""
    rows = list(mapping.entries())
    assert len(rows) >= 40
    for e in rows:
        assert dept_economic.is_known(e.dept_code) and gov_economic.is_known(e.gov_code)
        if e.unit_kind is UnitKind.ORGAN:
            assert e.gov_code[:3] in {"501", "502", "509"}
        assert e.source
    assert all(e.unit_kind is UnitKind.ORGAN for e in mapping.entries("organ"))
    assert UnitKind.INSTITUTION.chinese == "事业单位"
