"""Tests for govbudget.checks.narrative._statements: procurement, performance, assets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

import govbudget
from govbudget import (
    PerformanceTable,
    Procurement,
    Report,
    Severity,
)

from .narrative_helpers import (
    PROCUREMENT_TEXT,
    A,
    Builder,
    D,
    N,
    base,
    errors,
    findings,
    narrated,
    with_narrative,
)


def _procurement(total: tuple[str, str], *parts: tuple[str, str, str]) -> Report:
    b = Builder()
    b.sec("九、政府采购情况")
    b.add("政府采购预算总额", A, total[0], total[1])
    for subject, amount, unit in parts:
        b.add(subject, A, amount, unit)
    return with_narrative(Report(), b.narrative())


class TestProcurement:
    RULE = "narrative.procurement"

    def test_adds_up(self) -> None:
        """195.00 = 14.00 + 100.00 + 81.00 (the sample)."""
        rep = _procurement(("195.00", "万元"), ("政府采购货物预算", "14.00", "万元"),
                           ("政府采购工程预算", "100.00", "万元"), ("政府采购服务预算", "81.00", "万元"))
        assert findings(rep, self.RULE) == []

    def test_does_not_add_up(self) -> None:
        """196.00 ≠ 195.00: an error on the total's line, the parts in related."""
        rep = _procurement(("196.00", "万元"), ("政府采购货物预算", "14.00", "万元"),
                           ("政府采购工程预算", "100.00", "万元"), ("政府采购服务预算", "81.00", "万元"))
        errs = errors(rep, self.RULE)
        assert [(e.location.line, e.expected, e.actual) for e in errs] == [
            (2, "195.00万元", "196.00万元")]
        assert {r.line for r in errs[0].related} == {3, 4, 5}

    def test_units_and_precision(self) -> None:
        """1.2亿元 (±0.05亿) against 2,000 + 9,000 + 1,000 万元; 1.3亿元 is not."""
        parts = (("政府采购货物预算", "2000", "万元"), ("政府采购工程预算", "9000", "万元"),
                 ("政府采购服务预算", "1000", "万元"))
        assert findings(_procurement(("1.2", "亿元"), *parts), self.RULE) == []
        assert errors(_procurement(("1.3", "亿元"), *parts), self.RULE)

    def test_some_parts_only(self) -> None:
        """With only goods and services stated, their sum must not exceed the total."""
        assert errors(_procurement(("100.00", "万元"), ("政府采购货物预算", "60.00", "万元"),
                                   ("政府采购服务预算", "30.00", "万元")), self.RULE) == []
        assert errors(_procurement(("100.00", "万元"), ("政府采购货物预算", "80.00", "万元"),
                                   ("政府采购服务预算", "30.00", "万元")), self.RULE)

    def test_statement_without_facts(self) -> None:
        """A :class:`Procurement` statement alone is checked too."""
        def w(s: str) -> govbudget.Money:
            return govbudget.Money(s, "万元")

        rep = attrs.evolve(Report(), procurement=Procurement(
            total=w("195.00"), goods=w("14.00"), works=w("100.00"), services=w("82.00"), line=9))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [9]


# ---------------------------------------------------------------------------
# narrative.performance
# ---------------------------------------------------------------------------


def _performance(*, total: tuple[int, str] = (2, "30.00"),
                 cats: Sequence[tuple[str, int, str]] = (("其他运转类项目", 2, "30.00"),
                                                        ("特定目标类项目", 0, "0")),
                 subject: str = "纳入绩效目标管理的二级项目", report: Report | None = None
                 ) -> Report:
    b = Builder()
    b.sec("十、绩效管理情况")
    b.count(subject, total[0])
    b.amount(subject, total[1])
    for q, n, amount in cats:
        b.count(subject, n, qualifier=q)
        b.amount(subject, amount, qualifier=q)
    return with_narrative(report if report is not None else base()[0], b.narrative())


def _tables(n: int, yuan: str = "150000") -> tuple[PerformanceTable, ...]:
    return tuple(PerformanceTable(project=f"项目{i}", total_year=D(yuan), line=100 + i)
                 for i in range(n))


class TestPerformance:
    RULE = "narrative.performance"

    def test_consistent(self) -> None:
        """Two projects (the base report's list), 30.00 万元 = 项目支出, all 其他运转类."""
        assert findings(_performance(), self.RULE) == []

    def test_zero_projects_with_money(self) -> None:
        """The sample's slip: 特定目标类项目0个 with money, and the categories then exceed
        the total; both findings are on the category's amount."""
        rep = _performance(cats=(("其他运转类项目", 2, "30.00"), ("特定目标类项目", 0, "30.00")))
        errs = errors(rep, self.RULE)
        assert len(errs) == 2 and {e.location.line for e in errs} == {7}

    def test_projects_without_money_is_a_warning(self) -> None:
        """特定目标类项目1个，涉及金额0万元: a warning (and the counts no longer add up)."""
        rep = _performance(cats=(("其他运转类项目", 1, "30.00"), ("特定目标类项目", 1, "0")))
        assert [f.severity for f in findings(rep, self.RULE)] == [Severity.WARNING]
        rep = _performance(cats=(("其他运转类项目", 2, "30.00"), ("特定目标类项目", 1, "0")))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [6]

    def test_count_against_the_project_list(self) -> None:
        """3 managed projects while the list has 2: error; 1: warning (projects without
        targets); the categories follow."""
        more = _performance(total=(3, "30.00"), cats=(("其他运转类项目", 3, "30.00"),))
        assert [e.location.line for e in errors(more, self.RULE)] == [2]
        fewer = _performance(total=(1, "30.00"), cats=(("其他运转类项目", 1, "30.00"),))
        assert [(f.severity, f.location.line) for f in findings(fewer, self.RULE)] == [
            (Severity.WARNING, 2)]

    def test_published_count_against_the_performance_tables(self) -> None:
        """公开项目绩效目标 N个 = the number of performance target tables printed, and the
        amount = their 年度资金总额 (in 元) added up."""
        rep = attrs.evolve(base()[0], performance=_tables(2))
        ok = _performance(subject="公开项目绩效目标", report=rep)
        assert findings(ok, self.RULE) == []
        three = attrs.evolve(rep, performance=_tables(3, "100000"))
        errs = errors(_performance(subject="公开项目绩效目标", report=three), self.RULE)
        assert [e.location.line for e in errs] == [2]
        off = attrs.evolve(rep, performance=_tables(2, "150100"))
        errs = errors(_performance(subject="公开项目绩效目标", report=off), self.RULE)
        assert [(e.location.line, e.expected) for e in errs] == [(3, "300200元")]

    def test_amount_against_project_spending(self) -> None:
        """More than the project spending (30.00): error; less: a warning (E16 allows a
        gap, but it must be explained)."""
        more = _performance(total=(2, "31.00"), cats=(("其他运转类项目", 2, "31.00"),))
        assert [e.location.line for e in errors(more, self.RULE)] == [3]
        less = _performance(total=(2, "29.00"), cats=(("其他运转类项目", 2, "29.00"),))
        assert [(f.severity, f.location.line) for f in findings(less, self.RULE)] == [
            (Severity.WARNING, 3)]

    def test_categories_add_up(self) -> None:
        """Two categories must make the total count and amount (a wrong category is
        reported on itself: the total agrees with the tables)."""
        rep = _performance(cats=(("其他运转类项目", 2, "29.00"), ("特定目标类项目", 0, "0")))
        errs = errors(rep, self.RULE)
        assert [e.location.line for e in errs] == [5]


# ---------------------------------------------------------------------------
# narrative.assets
# ---------------------------------------------------------------------------


def _vehicles(*counts: tuple[str, str], equipment: Iterable[tuple[str, str, int]] = ()
              ) -> Report:
    b = Builder()
    b.sec("十一、国有资产占有使用情况")
    for q, n in counts:
        b.add("公务用车", N, n, "辆", qualifier=q)
    for subject, q, k in equipment:
        b.count(subject, k, "台（套）", qualifier=q)
    return with_narrative(Report(), b.narrative())


class TestAssets:
    RULE = "narrative.assets"

    def test_categories_add_up(self) -> None:
        """实有5辆 = 机要通信用车1辆 + 其他用车4辆; 6辆 is an error on 实有."""
        assert findings(_vehicles(("实有", "5"), ("机要通信用车", "1"), ("其他用车", "4")),
                        self.RULE) == []
        errs = errors(_vehicles(("实有", "6"), ("机要通信用车", "1"), ("其他用车", "4")),
                      self.RULE)
        assert [(e.location.line, e.expected, e.actual) for e in errs] == [(2, "5辆", "6辆")]

    def test_more_than_the_quota_is_a_warning(self) -> None:
        """实有 above 编制: a breach of the vehicle quota, a warning; below it is fine."""
        over = findings(_vehicles(("编制", "2"), ("实有", "3"), ("领导用车", "3")), self.RULE)
        assert [(f.severity, f.location.line) for f in over] == [(Severity.WARNING, 3)]
        assert findings(_vehicles(("编制", "4"), ("实有", "3"), ("领导用车", "3")),
                        self.RULE) == []

    def test_counts_are_whole_and_not_negative(self) -> None:
        """2.5辆 or −1辆 cannot be counts."""
        for bad in ("2.5", "-1"):
            errs = errors(_vehicles(("领导用车", bad)), self.RULE)
            assert [e.location.line for e in errs] == [2]

    def test_equipment_thresholds(self) -> None:
        """Equipment worth over 100万元 is part of that worth over 50万元."""
        eq = [("通用设备", "价值50万元（原值）以上", 1), ("通用设备", "价值100万元（原值）以上", 2)]
        errs = errors(_vehicles(equipment=eq), self.RULE)
        assert [e.location.line for e in errs] == [3]
        ok = [("通用设备", "价值50万元（原值）以上", 2), ("通用设备", "价值100万元（原值）以上", 1)]
        assert findings(_vehicles(equipment=ok), self.RULE) == []


# ---------------------------------------------------------------------------
# narrative.repeated
# ---------------------------------------------------------------------------


class TestSmallEnterpriseShares:
    RULE = "narrative.procurement"

    def test_shares_that_cannot_make_up_the_total(self) -> None:
        """9.16% of 171.7 and 90.84% of 1792.72 (with all of 工程 3) give at most 1647.84,
        not 1820.69: an error."""
        rep = narrated(PROCUREMENT_TEXT.format(sme="1820.69", share="92.54", g="9.16",
                                               s="90.84"))
        assert [f.severity.value for f in findings(rep, self.RULE)] == ["error"]

    def test_shares_that_make_it_up(self) -> None:
        """100% of 171.7 and 90.84% of 1792.72 (+ 0–3 of 工程) can give 1800.24."""
        rep = narrated(PROCUREMENT_TEXT.format(sme="1800.24", share="91.50", g="100",
                                               s="90.84"))
        assert findings(rep, self.RULE) == []


class TestVehiclesToBuy:
    def test_categories_of_vehicles_to_buy(self) -> None:
        """购置车辆1辆，其中…其他用车2辆: the categories do not add up (error); vehicles held
        are not compared with vehicles to buy."""
        text = ("五、国有资产占有使用情况\n"
                "     本部门共有车辆7辆，其中：机要通信用车0辆、其他用车7辆。\n"
                "     2024年部门预算安排购置车辆1辆，其中：机要通信用车0辆、其他用车{n}辆。\n")
        assert findings(narrated(text.format(n=1)), "narrative.assets", "narrative.repeated") == []
        assert [f.severity.value for f in findings(narrated(text.format(n=2)),
                                                   "narrative.assets")] == ["error"]
