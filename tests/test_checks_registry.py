"""Tests for govbudget.checks._registry: rules as data, validated at registration."""

from __future__ import annotations

import pytest

from govbudget import RuleDefinitionError, Severity
from govbudget.checks import Category, Code, RuleSet, codes, registry, rule
from govbudget.checks._builtin import BUILTIN
from govbudget.checks._registry import extensions


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
    ({"title": ""}, "title"),
    ({"applies": " "}, "applies"),
    ({"category": Category.NARRATIVE}, "must start with"),
    ({"codes": (Code("table.other_rule.x", "t", "t"),)}, "under it"),
    ({"codes": (Code("table.test_only.x", "t", "t"), Code("table.test_only.x", "u", "u"))},
     "twice"),
    ({"codes": (Code("table.test_only.x", "t", "t", template="{a}"),)}, "both"),
    ({"codes": (Code("table.test_only.x", "t", "t", template="{a}", template_en="{a}"),)},
     "example"),
])
def test_broken_definitions_fail_at_registration(kwargs: dict[str, object], match: str) -> None:
    """A malformed rule raises RuleDefinitionError when defined, not as a finding."""
    base: dict[str, object] = {"id": "table.test_only", "title": "测试", "title_en": "test",
                                   "category": Category.IN_TABLE, "applies": "never"}
    base.update(kwargs)
    rid = str(base.pop("id"))
    with pytest.raises(RuleDefinitionError, match=match):
        RuleSet().rule(rid, **base)(lambda ctx: ())  # type: ignore[arg-type]


def test_an_id_taken_twice_is_refused() -> None:
    """Twice in one set at definition; a rule of your own with a built-in id at
    `registry()`."""
    rs = RuleSet()
    kw: dict[str, object] = {"title": "t", "title_en": "t", "category": Category.IN_TABLE}
    rs.rule("table.test_twice", **kw)(lambda ctx: ())  # type: ignore[arg-type]
    with pytest.raises(RuleDefinitionError, match="twice"):
        rs.rule("table.test_twice", **kw)(lambda ctx: ())  # type: ignore[arg-type]
    rule("table.row.basic_project", **kw)(lambda ctx: ())  # type: ignore[arg-type]
    try:
        with pytest.raises(RuleDefinitionError, match="twice"):
            registry()
    finally:
        extensions().remove("table.row.basic_project")
    assert registry()["table.row.basic_project"].title != "t"


def test_the_built_in_rules_are_an_explicit_list() -> None:
    """The registry is the union of the listed sets (and nothing registered by import)."""
    listed = {r.id for rs in BUILTIN for r in rs}
    # no built-in module registers through `rule()` (the extension registry) on import
    assert len(extensions()) == 0, [r.id for r in extensions()]
    assert listed == set(registry())
    assert len(listed) == sum(len(rs) for rs in BUILTIN)


def test_every_rule_has_its_own_code_first() -> None:
    """A rule's first code is its id with its titles; finer codes sit under its id."""
    all_codes = codes()
    for rid, r in registry().items():
        assert r.codes[0].id == rid and r.codes[0].title == r.title
        for c in r.codes:
            assert c.id == rid or c.id.startswith(rid + ".")
            assert all_codes[c.id] is c
            zh, en = c.message(**c.example)
            assert zh and en


def test_rule_code_lookup() -> None:
    """`Rule.code` finds a code by its full id or by its last part."""
    rs = RuleSet()
    fine = Code("table.test_codes.fine", "细", "fine", template="{n}个", template_en="{n} of them",
                example={"n": "3"})
    rs.rule("table.test_codes", title="t", title_en="t", category=Category.IN_TABLE,
            codes=(fine,))(lambda ctx: ())  # type: ignore[arg-type]
    r = next(iter(rs))
    assert r.code("fine") is fine and r.code("table.test_codes.fine") is fine
    assert r.code("table.test_codes").title == "t"
    with pytest.raises(RuleDefinitionError, match="no code"):
        r.code("coarse")


def test_check_must_take_one_argument() -> None:
    """A check function of the wrong shape is refused."""
    with pytest.raises(RuleDefinitionError, match="one argument"):
        RuleSet().rule("table.test_two_args", title="t", title_en="t",
                       category=Category.IN_TABLE, applies="never")(
            lambda a, b: ())  # type: ignore[arg-type]


def test_every_finding_code_on_the_sample_and_generated_reports_is_registered() -> None:
    """The sample's findings and those of broken generated reports name registered codes
    of their own rules."""
    import random
    from pathlib import Path

    import govbudget

    sample = Path(__file__).resolve().parent.parent / "examples/data/jincheng-npc-office-2024.txt"
    reports = [govbudget.read_report(sample)]
    from .checks_helpers import base_report, set_cell

    rng = random.Random(3)
    for kind, row, col in [(govbudget.TableKind.EXPENDITURE, "2010101", "basic"),
                           (govbudget.TableKind.GENERAL_EXPENDITURE, "2010101", "basic"),
                           (govbudget.TableKind.EXPENDITURE, "2080505", "total")]:
        reports.append(set_cell(base_report(), kind, row, col, f"{rng.randint(1, 99)}.00"))
    reg = registry()
    seen = 0
    for r in reports:
        for f in govbudget.check_report(r).findings:
            assert f.code in {c.id for c in reg[f.rule].codes}, (f.rule, f.code)
            seen += 1
    assert seen > 5


def test_the_kept_registry_follows_rules_of_your_own() -> None:
    """`current` (what `check_report` runs) is made once and made anew when a rule of
    your own is added or removed; `registry` hands out copies of it."""
    from govbudget.checks._builtin import current

    first = current()
    assert current() is first and registry() == dict(first) and registry() is not first
    kw: dict[str, object] = {"title": "t", "title_en": "t", "category": Category.IN_TABLE}
    rule("table.test_kept", **kw)(lambda ctx: ())  # type: ignore[arg-type]
    try:
        assert "table.test_kept" in current() and "table.test_kept" not in first
        assert list(current()) == sorted(current())
    finally:
        extensions().remove("table.test_kept")
    assert "table.test_kept" not in current()
    assert dict(current()) == dict(first)


def test_the_arity_read_off_a_function_is_inspect_signature_s() -> None:
    """`_arity` (the rules' one-argument test, without ``inspect.signature`` for a plain
    function) counts what ``inspect.signature`` counts, for every shape of callable."""
    import functools
    import inspect

    from govbudget.checks._registry import _arity

    def one(ctx: object) -> None: ...
    def two(ctx: object, b: int = 1) -> None: ...
    def star(*a: object) -> None: ...
    def kw(a: object, *, b: int) -> None: ...
    def every(a: object, /, b: object, *c: object, d: int = 0, **e: object) -> None: ...

    @functools.wraps(two)
    def wrapped(*a: object, **k: object) -> None: ...

    class Checker:
        def __call__(self, ctx: object) -> None: ...

        def method(self, ctx: object) -> None: ...

    shapes = [one, two, star, kw, every, wrapped, lambda: None, lambda x: x,
              functools.partial(two, 1), Checker(), Checker().method, len]
    for fn in shapes:
        assert _arity(fn) == len(inspect.signature(fn).parameters), fn
