"""Tests for govbudget.checks.narrative._shares."""

from __future__ import annotations

from govbudget import (
    Narrative,
    Report,
    Severity,
)

from .narrative_helpers import (
    Builder,
    D,
    S,
    base,
    changed,
    errors,
    findings,
    with_narrative,
)


def _shares(*rows: tuple[str, str, str | None], whole: tuple[str, str] | None = None,
            section: str = "三、支出预算情况说明") -> Narrative:
    b = Builder()
    b.sec(section)
    if whole is not None:
        b.amount(*whole)
    for subject, amount, share in rows:
        b.amount(subject, amount)
        if share is not None:
            b.share(subject, share)
    return b.narrative()


class TestShares:
    RULE = "narrative.shares"

    def test_consistent(self) -> None:
        """The derived shares (of stated totals, of a named whole) are all right."""
        assert findings(base()[0], self.RULE) == []

    def test_wrong_share(self) -> None:
        """A share one hundredth off its amount ÷ whole is an error on its line, with the
        amount and the whole in related."""
        n = _shares(("基本支出", "1705.88", "65.62"), ("项目支出", "894.11", "34.39"),
                    whole=("预算支出总计", "2599.99"))
        errs = errors(with_narrative(Report(), n), self.RULE)
        assert [(e.location.line, e.expected_text if hasattr(e, "expected_text") else e.expected,
                 e.actual) for e in errs] == [(4, "65.61%", "65.62%")]
        assert {r.line for r in errs[0].related} == {3, 2}

    def test_rounding_only_difference_is_info(self) -> None:
        """300.00 ÷ 3200.00 is 9.375%: printed 9.37% (rounded down from unrounded data) is
        consistent; the point figure 9.38% differs, so it is info."""
        n = _shares(("一般公共服务支出", "2900.00", "90.63"), ("住房保障支出", "300.00", "9.37"),
                    whole=("一般公共预算支出", "3200.00"),
                    section="（二）一般公共预算当年支出结构情况")
        found = findings(with_narrative(Report(), n), self.RULE)
        assert [(f.severity, f.location.line, f.expected) for f in found] == [
            (Severity.INFO, 6, "9.38%")]

    def test_precision_of_the_printed_figures(self) -> None:
        """0.84 of 2599.99 is 0.0323%: 占0.03% is right, 占0% (an exact zero) is not, and
        占0.0% (rounded to 0.1) is."""
        for share, bad in (("0.03", False), ("0", True), ("0.0", False), ("0.04", True)):
            n = _shares(("卫生健康支出", "0.84", share), whole=("预算支出总计", "2599.99"))
            assert bool(errors(with_narrative(Report(), n), self.RULE)) is bad, share

    def test_named_whole(self) -> None:
        """占部门（单位）项目支出总额的x%: the whole is 项目支出, stated elsewhere."""
        rep, f = changed("公开项目绩效目标", S, value=D("90"))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [f.line]
        assert "项目支出" in errs[0].message

    def test_share_wordings(self) -> None:
        """占比x% names no whole, and 占全部支出的x% none we know: both are shares of the
        total the passage breaks down."""
        for sentence in ("占比65.62%", "占全部支出的65.62%", "占65.62%"):
            b = Builder()
            b.sec("三、支出预算情况说明")
            b.amount("预算支出总计", "2599.99")
            b.amount("基本支出", "1705.88")
            b.share("基本支出", "65.62", sentence=sentence)
            errs = errors(with_narrative(Report(), b.narrative()), self.RULE)
            assert [(e.location.line, e.expected) for e in errs] == [(4, "65.61%")], sentence

    def test_usual_whole_when_none_is_stated(self) -> None:
        """Class shares in a passage that states no total are shares of the general
        budget's spending (stated in another passage, else its table)."""
        b = Builder()
        b.sec("（一）一般公共预算当年支出规模变化情况")
        b.amount("一般公共预算支出", "150.00", qualifier="当年")
        b.sec("（二）一般公共预算当年支出结构情况")
        b.amount("一般公共服务支出", "130.00")
        b.share("一般公共服务支出", "80.00")
        errs = errors(with_narrative(Report(), b.narrative()), self.RULE)
        assert [(e.location.line, e.expected) for e in errs] == [(5, "86.67%")]
        rep = with_narrative(base()[0], b.narrative().facts[2:])
        assert [e.expected for e in errors(rep, self.RULE)] == ["86.67%"]

    def test_shares_of_one_whole_add_up_to_100(self) -> None:
        """50.00 and 50.00 of 100.00 printed as 50.01% each: each is within the rounding of
        its amount and whole, but together they make 100.02% of a whole the parts make up
        in full (n × half a hundredth allows 100.01%)."""
        n = _shares(("基本支出", "50.00", "50.01"), ("项目支出", "50.00", "50.01"),
                    whole=("预算支出总计", "100.00"))
        errs = errors(with_narrative(Report(), n), self.RULE)
        assert [(e.location.line, e.actual) for e in errs] == [(6, "100.02%")]
        ok = _shares(("基本支出", "50.00", "50.01"), ("项目支出", "50.00", "50.00"),
                     whole=("预算支出总计", "100.00"))
        assert errors(with_narrative(Report(), ok), self.RULE) == []

    def test_partial_list_need_not_add_up(self) -> None:
        """Shares of main classes only (…等) are not required to make 100%."""
        n = _shares(("一般公共服务支出", "80.00", "80.00"), whole=("预算支出总计", "100.00"))
        assert errors(with_narrative(Report(), n), self.RULE) == []

    def test_whole_is_the_total_broken_down(self) -> None:
        """The whole is the nearest earlier amount of the passage that has no share itself
        (not another part): 0 shares of the first part do not make it a whole."""
        n = _shares(("一般公共预算拨款收入", "100.00", "100.00"), ("单位资金", "0", "0"),
                    ("上年结转", "0", "0"), whole=("预算收入总计", "100.00"),
                    section="二、收入预算情况说明")
        assert findings(with_narrative(Report(), n), self.RULE) == []


# ---------------------------------------------------------------------------
# narrative.changes
# ---------------------------------------------------------------------------


def test_shares_of_the_parts_listed_together() -> None:
    """城乡社区支出12600.00万元，占45.7%；其他支出15000.00万元，占54.3%, after an unrelated
    amount: the listed shares add up to 100%, so their whole is the parts listed (no error
    against the amount before them); shares that do not add up stay errors."""
    ok = _shares(("城乡社区支出", "12600.00", "45.7"), ("其他支出", "15000.00", "54.3"),
                 whole=("某中心建设", "19000.00"), section="2.政府性基金预算当年拨款结构情况")
    assert errors(with_narrative(Report(), ok), "narrative.shares") == []
    bad = _shares(("城乡社区支出", "12600.00", "40.7"), ("其他支出", "15000.00", "54.3"),
                  whole=("某中心建设", "19000.00"), section="2.政府性基金预算当年拨款结构情况")
    assert errors(with_narrative(Report(), bad), "narrative.shares")


def test_listed_parts_that_make_up_the_stated_whole_are_held_to_it() -> None:
    """Parts of a stated 4.84 (3.23 + 1.08 + 0.54 print 4.85: rounding) truly add up to
    4.835–4.845, not to the 4.835–4.865 their printed figures allow: 占66.54% (3.225 ÷
    4.845 is at least 66.56%) is an error even though the three shares then add up to
    100%; 占66.74% (3.23 ÷ 4.84) is right. (Found by the narrative property test.)"""
    def narrative(first: str) -> Narrative:
        return _shares(("一般公共服务支出", "3.23", first), ("公共安全支出", "1.08", "22.31"),
                       ("教育支出", "0.54", "11.16"), whole=("财政拨款支出", "4.84"),
                       section="四、财政拨款支出预算情况")
    assert errors(with_narrative(Report(), narrative("66.74")), "narrative.shares") == []
    errs = errors(with_narrative(Report(), narrative("66.54")), "narrative.shares")
    assert [e.actual for e in errs] == ["66.54%"]
