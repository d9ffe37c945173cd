"""The 决算 rules (checks/_rules_final.py) and the budget rules' conditions on a 决算."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import attrs
import pytest

from govbudget import Report, ReportKind, TableKind, TableSet, read_report
from govbudget.checks import check_report, registry
from govbudget.testing import build_final_report, build_report

D = Decimal
REAL = Path(__file__).parent / "data" / "real"


def _final(**kw: object) -> Report:
    args: dict[str, object] = {
        "leaves": [("2010101", D("1000000"), D("200000")), ("2080505", D("12300"), D("0"))],
        "economic": [("30101", D("1000000")), ("30217", D("12300"))],
        "income_extra": [D("50000")], "carry_in": D("30000"),
        "three_public_budget": (D(0), D("20000"), D(0), D(0))}
    args.update(kw)
    return build_final_report(**args)  # type: ignore[arg-type]


def _set(report: Report, kind: TableKind, block: str, row: str, key: str, value: str,
         nth: int = 0) -> Report:
    """The report with one cell changed (the ``nth`` row of that name)."""
    t = report.table(kind)
    assert t is not None
    b = next(x for x in t.blocks if x.name == block)
    i = [k for k, r in enumerate(b.rows) if r.name == row][nth]
    r = b.rows[i]
    vals = list(r.values)
    vals[b.index(key)] = D(value)
    b2 = attrs.evolve(b, rows=(*b.rows[:i], attrs.evolve(r, values=tuple(vals)),
                               *b.rows[i + 1:]))
    t2 = attrs.evolve(t, blocks=tuple(b2 if x is b else x for x in t.blocks))
    return attrs.evolve(report, tables=tuple(t2 if x is t else x for x in report.tables))


def _rules(report: Report) -> set[str]:
    return {f.rule for f in check_report(report).errors}


class TestConsistent:
    def test_generated_final_has_no_finding(self) -> None:
        """A consistent 决算 gives no finding at all."""
        assert check_report(_final()).findings == ()

    def test_final_rules_do_not_run_on_a_budget(self) -> None:
        """A budget's 收支总表 with 总计 rows is not checked with the 决算 identities."""
        r = build_report(leaves=[("2010101", D("1000000"), D("0"))],
                         economic=[("30101", D("1000000"))], projects=[],
                         table_set=TableSet.MOF_9)
        final_rules = [k for k in registry() if ".final." in k]
        assert final_rules
        assert all(not registry()[k].when(r) for k in final_rules)


class TestSummary:
    def test_income_total(self) -> None:
        """收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 (D1)."""
        r = _set(_final(), TableKind.SUMMARY, "income", "年初结转和结余", "amount", "4.00")
        assert "table.final.income_total" in _rules(r)

    def test_spending_total(self) -> None:
        """支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余 (D2)."""
        r = _set(_final(), TableKind.SUMMARY, "expenditure", "年末结转和结余", "total", "9.00")
        assert "table.final.spending_total" in _rules(r)

    def test_totals_equal(self) -> None:
        """The two 总计 are equal."""
        r = _set(_final(), TableKind.SUMMARY, "expenditure", "总计", "total", "200.00")
        assert "table.final.totals_equal" in _rules(r)

    def test_rounding_is_info(self) -> None:
        """A 0.01 gap over three rounded figures is rounding (info), not an error."""
        r = _set(_final(), TableKind.SUMMARY, "income", "总计", "amount", "129.24")
        res = check_report(r)
        infos = [f for f in res.findings if f.rule == "table.final.income_total"]
        assert infos and all(f.severity.value == "info" for f in infos)


class TestGrantSummary:
    def test_carry_in_is_the_sum_of_its_funds(self) -> None:
        r = _set(_final(), TableKind.GRANT_SUMMARY, "income", "一般公共预算财政拨款",
                 "amount", "2.50", nth=1)
        assert "table.final.grant_carry_in" in _rules(r)

    def test_by_fund(self) -> None:
        """一般公共预算: 年初 + 本年收入 = 本年支出 + 年末 (D5)."""
        r = _set(_final(), TableKind.GRANT_SUMMARY, "expenditure", "年末财政拨款结转和结余",
                 "general_budget", "7.00")
        assert "table.final.grant_by_fund" in _rules(r)

    def test_by_fund_with_the_carry_rows_named_without_grant(self) -> None:
        """A 财政拨款收入支出决算总表 that names its carry rows 年初结转和结余 / 年末结转和结余
        (no 财政拨款): the fund's carry-in under it still counts, so a consistent table
        passes; a changed carry-out is still found."""
        def renamed(report: Report) -> Report:
            t = report.table(TableKind.GRANT_SUMMARY)
            assert t is not None
            names = {"年初财政拨款结转和结余": "年初结转和结余", "年末财政拨款结转和结余": "年末结转和结余"}
            blocks = tuple(attrs.evolve(b, rows=tuple(
                attrs.evolve(r, name=names.get(r.name, r.name)) for r in b.rows))
                for b in t.blocks)
            tables = tuple(attrs.evolve(x, blocks=blocks) if x is t else x
                           for x in report.tables)
            return attrs.evolve(report, tables=tables)

        ok = renamed(_final())
        t = ok.table(TableKind.GRANT_SUMMARY)
        assert t is not None and "年初结转和结余" in [r.name for r in t.block("income").rows]
        assert "table.final.grant_by_fund" not in _rules(ok)
        bad = renamed(_set(_final(), TableKind.GRANT_SUMMARY, "expenditure",
                           "年末财政拨款结转和结余", "general_budget", "7.00"))
        assert "table.final.grant_by_fund" in _rules(bad)

    def test_grant_income_across_tables(self) -> None:
        """The income table's 财政拨款 column = the grant summary's 本年收入合计 (D8)."""
        r = _set(_final(), TableKind.INCOME, "", "合计", "grant", "120.00")
        assert "cross.final.grant_income" in _rules(r)

    def test_summary_income_is_the_income_table(self) -> None:
        r = _set(_final(), TableKind.INCOME, "", "合计", "total", "120.00")
        assert "cross.final.summary_income" in _rules(r)


class TestThreePublic:
    @pytest.mark.parametrize("row", ["预算数", "决算数"])
    def test_both_rows_add_up(self, row: str) -> None:
        """三公 合计 = 出国 + 用车 + 接待 on the 预算数 and on the 决算数 row."""
        r = _set(_final(), TableKind.THREE_PUBLIC, "", row, "total", "9.00")
        errs = [f for f in check_report(r).errors if f.rule == "table.three_public.totals"]
        assert errs and all(f.location.row_name == row for f in errs)


class TestFundTables:
    def _with_fund(self) -> Report:
        r = _final()
        t = r.table(TableKind.FUND_EXPENDITURE)
        assert t is not None
        b = t.blocks[0]
        rows = (attrs.evolve(b.rows[0], values=(D("1.00"), D("5.00"), D("4.00"), D("1.00"),
                                                D("3.00"), D("2.00"))),)
        t2 = attrs.evolve(t, empty=False, note=None, blocks=(attrs.evolve(b, rows=rows),))
        return attrs.evolve(r, tables=tuple(t2 if x is t else x for x in r.tables))

    def test_balance_by_row(self) -> None:
        """年初 1 + 本年收入 5 = 本年支出 4 + 年末 2 holds; 年末 3 does not (D11)."""
        ok = self._with_fund()
        assert not [f for f in check_report(ok).findings if f.rule == "table.final.fund_balance"]
        bad = _set(ok, TableKind.FUND_EXPENDITURE, "", "合计", "carry_out", "3.00")
        assert "table.final.fund_balance" in _rules(bad)

    def test_fund_money_without_income_is_no_error_in_a_final(self) -> None:
        """A 决算 fund table may hold carry-overs: no ``cross.empty_tables`` error."""
        assert "cross.empty_tables" not in _rules(self._with_fund())


class TestBudgetOnlyRules:
    def test_income_vs_expenditure_by_code_is_budget_only(self) -> None:
        """In a 决算 income and spending by code differ by the carry-overs."""
        r = _final()
        assert not registry()["cross.income_expenditure"].when(r)
        t2, t3 = r.table(TableKind.INCOME), r.table(TableKind.EXPENDITURE)
        assert t2 is not None and t3 is not None
        assert t2.blocks[0].rows[0].values[0] != t3.blocks[0].rows[0].values[0]

    def test_projects_rule_is_budget_only(self) -> None:
        assert not registry()["cross.projects"].when(attrs.evolve(
            _final(), tables=(*_final().tables, *build_report(
                leaves=[("2010101", D(0), D("100"))], economic=[],
                projects=[("p", D("100"))]).tables)))

    def test_other_spending_columns_add_to_the_total(self) -> None:
        """合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助 (D4): an 经营支出 that makes
        up the gap passes, one that does not is an error."""
        r = _final()
        t = r.table(TableKind.EXPENDITURE)
        assert t is not None
        total = t.blocks[0].rows[0]
        bumped = _set(r, TableKind.EXPENDITURE, "", "合计", "total",
                      str(total.values[0] + D("1.00")))
        assert "table.row.basic_project" in _rules(bumped)
        fixed = _set(bumped, TableKind.EXPENDITURE, "", "合计", "operating_expenditure", "1.00")
        assert not [f for f in check_report(fixed).errors
                    if f.rule == "table.row.basic_project"]


_MOF_FINAL = [TableKind.SUMMARY, TableKind.INCOME, TableKind.EXPENDITURE,
              TableKind.GRANT_SUMMARY, TableKind.GENERAL_EXPENDITURE, TableKind.BASIC_ECONOMIC]


class TestRealFinals:
    @pytest.mark.parametrize(("name", "tail"), [
        ("central-xfj-2024-final", [TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL,
                                    TableKind.THREE_PUBLIC]),
        ("shanghai-ptghzy-2024-final", [TableKind.THREE_PUBLIC, TableKind.FUND_EXPENDITURE,
                                        TableKind.STATE_CAPITAL]),
    ])
    def test_recognised_as_final_with_nine_tables(self, name: str,
                                                  tail: list[TableKind]) -> None:
        """Both real 决算 read as FINAL (from their titles) in the 9-table set, each table
        classified as printed (the 三公 table is 7th in Shanghai, 9th in the central set),
        with no entry of the table of contents taken for a table."""
        r = read_report(REAL / f"{name}.txt")
        assert r.kind is ReportKind.FINAL
        assert r.table_set is TableSet.MOF_9
        assert [t.kind for t in r.tables] == [*_MOF_FINAL, *tail]

    def test_final_three_public_columns(self) -> None:
        """The Shanghai 决算 三公 line (预算数/决算数 pairs) reads as two rows; the central one
        (blank cells that only positions could place) is doubtful, not guessed."""
        sh = read_report(REAL / "shanghai-ptghzy-2024-final.txt").table(TableKind.THREE_PUBLIC)
        assert sh is not None and not sh.doubts
        rows = {r.name: r.values for r in sh.blocks[0].rows}
        assert rows["预算数"][0] == D("2.85") and rows["决算数"][0] == D("0.39")
        assert rows["决算数"][sh.blocks[0].index("reception")] == D("0.39")
        central = read_report(REAL / "central-xfj-2024-final.txt").table(TableKind.THREE_PUBLIC)
        assert central is not None and central.doubts


@pytest.mark.parametrize("path", sorted(REAL.glob("*.txt")), ids=lambda p: p.name)
def test_every_real_report_has_its_kind(path: Path) -> None:
    """Each real report reads as the kind its cover states (budget or final), and the JSON
    says so."""
    from govbudget import dumps

    r = read_report(path)
    want = ReportKind.FINAL if "-final" in path.name else ReportKind.BUDGET
    assert r.kind is want
    assert f'"kind": "{want.value}"' in dumps(r) or f'"kind":"{want.value}"' in dumps(r)


class TestCompletion:
    """完成年初预算的X% is read by the narrative reader (`FactKind.EXECUTION`) and checked by
    ``narrative.execution`` (its own tests in test_checks_narrative_changes.py); here, on the
    two real 决算."""

    def test_real_shanghai_final(self) -> None:
        """The rule finds the rate listed in the real reports' README (9746.50 ÷ 10210.34 =
        95.457%, printed 95.45%) and no wrong rate in the central 决算."""
        from govbudget import FactKind

        sh = read_report(REAL / "shanghai-ptghzy-2024-final.txt")
        rates = [f for f in sh.narrative.facts if f.kind is FactKind.EXECUTION]
        assert D("95.45") in {f.value for f in rates}
        found = [f for f in check_report(sh).errors if f.rule == "narrative.execution"]
        assert (649, "95.45%") in [(f.location.line, f.actual) for f in found]
        central = read_report(REAL / "central-xfj-2024-final.txt")
        assert not [f for f in check_report(central).errors if f.rule == "narrative.execution"]
