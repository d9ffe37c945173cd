"""Tests of the narrative rules' finer codes: every finding a narrative rule makes carries
one of its rule's registered codes (on the sample, on generated reports and on the real
reports of tests/data/real), and its message is the code's template filled in."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import govbudget
from govbudget import Finding, Severity
from govbudget.checks import check_report, codes, registry

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "jincheng-npc-office-2024.txt"
REAL = ROOT / "tests" / "data" / "real"


def _generated(folder: Path, n: int) -> list[Path]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from run import make_batch  # the benchmark's generator (sample variants, other units)
    finally:
        sys.path.pop(0)
    make_batch(folder, n=n, seed=11)
    return sorted(folder.glob("report-*.txt"))


def _narrative_findings(paths: list[Path]) -> Iterator[Finding]:
    for path in paths:
        report = govbudget.read_report(path)
        yield from (f for f in check_report(report).findings if f.rule.startswith("narrative."))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Finding]:
    paths = [SAMPLE, *sorted(REAL.glob("*.txt")),
             *_generated(tmp_path_factory.mktemp("generated"), 40)]
    return list(_narrative_findings(paths))


def _pattern(template: str) -> re.Pattern[str]:
    """A template as a pattern: its fields match any text."""
    parts = re.split(r"\{[^{}]*\}", template)
    return re.compile(".*?".join(re.escape(p) for p in parts) + r"\Z", re.S)


def test_the_corpus_has_narrative_findings(corpus: list[Finding]) -> None:
    """The corpus exercises the rules (so the tests below test something)."""
    assert len(corpus) > 50
    assert len({f.code for f in corpus}) >= 10


def test_every_code_emitted_is_registered_under_its_rule(corpus: list[Finding]) -> None:
    reg = registry()
    for f in corpus:
        rule = reg[f.rule]
        assert f.code in {c.id for c in rule.codes}, (f.rule, f.code)


def test_every_narrative_finding_has_a_finer_code(corpus: list[Finding]) -> None:
    """No narrative finding carries only its rule's id: each kind of finding is data."""
    assert [f for f in corpus if f.code == f.rule] == []


def test_messages_follow_their_code_templates(corpus: list[Finding]) -> None:
    """A finding's messages are its code's templates filled in (a gap rounding explains,
    reported by the table comparisons as ``info``, has the comparison's own wording)."""
    by_id = codes()
    for f in corpus:
        code = by_id[f.code]
        if f.severity is Severity.INFO and "{what}" in code.template:
            continue
        assert _pattern(code.template).match(f.message), (f.code, f.message)
        assert _pattern(code.template_en).match(f.message_en), (f.code, f.message_en)


def test_every_narrative_rule_with_several_kinds_has_finer_codes() -> None:
    """Each narrative rule lists its finer codes, each with templates and an example that
    fills them."""
    for rid, rule in registry().items():
        if not rid.startswith("narrative."):
            continue
        finer = rule.codes[1:]
        assert finer, rid
        for c in finer:
            assert c.id.startswith(rid + ".") and c.template and c.template_en
            zh, en = c.message(**c.example)
            assert "{" not in zh and "{" not in en, c.id


def test_the_changes_rule_tells_its_kinds_apart() -> None:
    """``narrative.changes`` makes a finding per kind: rate, direction, zero base, …"""
    rule = registry()["narrative.changes"]
    ids = {c.id.rsplit(".", 1)[1] for c in rule.codes[1:]}
    assert {"rate", "rate_rounding", "direction", "zero_base", "same_nonzero", "exceeds",
            "stated_base", "same_base", "restated", "balanced"} <= ids


def test_the_narrative_page_lists_every_code() -> None:
    """docs/narrative.md lists every narrative code (the table cannot drift from the
    registry)."""
    page = (ROOT / "docs" / "narrative.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"`(narrative\.[a-z_]+\.[a-z_]+)`", page))
    wanted = {c.id for rid, r in registry().items() if rid.startswith("narrative.")
              for c in r.codes[1:]}
    assert listed == wanted
