"""Tests for govbudget.codes.gov_economic."""

from __future__ import annotations

import pytest

from govbudget import UnknownCode
from govbudget.codes import gov_economic


def test_known() -> None:
    """501 and its items are known; 505 items come from the institution mapping source and
    are printed in real reports too."""
    assert gov_economic.name_of("50101") == "工资奖金津补贴"
    i = gov_economic.info("50501")
    assert i.confidence == "high"
    assert "SOURCES.md source [E]" in i.source and "attested_real.csv" in i.source
    assert [c.code for c in gov_economic.children("501")] == ["50101", "50102", "50103", "50199"]


def test_attested_in_real_reports() -> None:
    """Codes printed in real reports are known with the report they were read from; a
    class named only in prose (503 机关资本性支出) is medium confidence."""
    i = gov_economic.info("50299")
    assert i.name == "其他商品和服务支出" and 2026 in i.editions
    assert "attested_real.csv" in i.source
    prose = gov_economic.info("503")
    assert prose.name == "机关资本性支出" and prose.confidence == "medium"
    assert "prose" in prose.source


def test_missing_parent_is_flagged() -> None:
    """50404 is printed, its class 504 nowhere: the entry says so."""
    i = gov_economic.info("50404")
    assert not gov_economic.is_known("504")
    assert i.note is not None and "504" in i.note


def test_not_invented() -> None:
    """Classes with no verified source are not in the built-in data."""
    for code in ("504", "599", "51001"):
        with pytest.raises(UnknownCode):
            gov_economic.info(code)


def test_structure() -> None:
    """Codes are 5xx of 3 or 5 digits."""
    assert gov_economic.is_valid("50905") and not gov_economic.is_valid("30101")
