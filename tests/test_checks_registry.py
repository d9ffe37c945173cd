"""Tests for govbudget.checks._registry: rules as data, validated at registration."""

from __future__ import annotations

import pytest

from govbudget import RuleDefinitionError, Severity
from govbudget.checks import Category, registry, rule


def test_every_rule_is_complete() -> None:
    """Every registered rule has an id, two titles, a condition and a docstring."""
    rules = registry()
    assert len(rules) >= 25
    for rid, r in rules.items():
        assert rid == r.id
        assert r.title and r.title_en and r.applies and r.doc, rid
        assert isinstance(r.category, Category) and isinstance(r.severity, Severity)


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"id": "Bad Id"}, "dotted"),
    ({"id": "table.row.basic_project"}, "twice"),
    ({"title": ""}, "title"),
    ({"applies": " "}, "applies"),
    ({"category": Category.NARRATIVE}, "must start with"),
])
def test_broken_definitions_fail_at_registration(kwargs: dict[str, object], match: str) -> None:
    """A malformed rule raises RuleDefinitionError when registered, not as a finding."""
    registry()
    base: dict[str, object] = {"id": "table.test_only", "title": "测试", "title_en": "test",
                                   "category": Category.IN_TABLE, "applies": "never"}
    base.update(kwargs)
    rid = str(base.pop("id"))
    with pytest.raises(RuleDefinitionError, match=match):
        rule(rid, **base)(lambda ctx: ())  # type: ignore[arg-type]


def test_check_must_take_one_argument() -> None:
    """A check function of the wrong shape is refused."""
    with pytest.raises(RuleDefinitionError, match="one argument"):
        rule("table.test_two_args", title="t", title_en="t", category=Category.IN_TABLE,
             applies="never")(lambda a, b: ())  # type: ignore[arg-type]
