"""Consistent reports for tests: a builder and hypothesis strategies.

Install the ``hypothesis`` extra (``pip install 'govbudget[hypothesis]'``) to use the
strategies. Reports are built **leaves first, totals derived**: the economic items of
basic spending and the projects are drawn, their totals are spread over functional
项 codes, and every 款, 类, total and cross-table figure is computed from those leaves,
never filtered. With ``rounded=True`` the leaves are whole 元 and every published figure
is rounded to 0.01 万元 on its own, as a real report is, so sums show rounding gaps.

```pycon
>>> from decimal import Decimal
>>> import govbudget
>>> from govbudget.testing import build_report
>>> r = build_report(leaves=[("2010101", Decimal("1000000"), Decimal("0")),
...                          ("2010102", Decimal("0"), Decimal("300000"))],
...                  economic=[("30101", Decimal("600000")), ("30201", Decimal("400000"))],
...                  projects=[("会议经费", Decimal("300000"))])
>>> from govbudget.checks import check_report
>>> check_report(r).ok
True
>>> r.table(govbudget.TableKind.EXPENDITURE).blocks[0].rows[0].values
(Decimal('130.00'), Decimal('100.00'), Decimal('30.00'))

```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from ._money import Unit, round_half_up
from ._report import Report, ReportKind, TableSet
from ._tables import Block, Column, Row, RowKind, Table, TableKind
from .codes import dept_economic, functional, mapping

__all__ = [
    "build_final_report",
    "build_report",
    "consistent_reports",
    "economic_codes",
    "functional_leaf_codes",
    "money_amounts",
]

_Q = Decimal("0.01")
_WAN = Decimal(10000)
_LABELS = {"total": "合计", "basic": "基本支出", "project": "项目支出",
           "general_budget": "一般公共预算", "fund_budget": "政府性基金预算",
           "state_capital": "国有资本经营预算", "special_account": "财政专户管理资金",
           "unit_funds": "单位资金", "carryover": "上年结转", "current_year": "当年预算安排",
           "personnel": "人员经费", "public": "公用经费", "amount": "金额",
           "grant": "财政拨款", "business_income": "事业收入", "other_income": "其他收入",
           "superior_subsidy": "上级补助收入", "operating_income": "事业单位经营收入",
           "affiliated": "附属单位上缴收入", "remit_superior": "上缴上级支出",
           "operating_expenditure": "经营支出", "subsidy_affiliated": "对附属单位补助支出",
           "carry_in": "年初结转和结余", "income": "本年收入", "carry_out": "年末结转和结余",
           "abroad": "因公出国（境）费", "vehicles": "公务用车购置及运行费",
           "vehicle_purchase": "公务用车购置费", "vehicle_operation": "公务用车运行维护费",
           "reception": "公务接待费"}


def _cols(*keys: str) -> tuple[Column, ...]:
    return tuple(Column(k, _LABELS[k]) for k in keys)


def _pub(yuan: Decimal) -> Decimal:
    """Publish an amount in 元 as 万元 rounded to 0.01 (四舍五入)."""
    return round_half_up(yuan / _WAN, _Q)


def _opt(yuan: Decimal) -> Decimal | None:
    return None if yuan == 0 else _pub(yuan)


def functional_leaf_codes() -> list[str]:
    """Known 项 codes whose 款 and 类 are known too (for generated reports)."""
    out = []
    for info in functional.codes(level=3):
        if len(functional.ancestors(info.code)) == 2:
            out.append(info.code)
    return out


def economic_codes() -> list[str]:
    """Known departmental economic 款 under 301, 302 and 303 (basic spending items)."""
    return [i.code for i in dept_economic.codes(level=2) if i.code[:3] in ("301", "302", "303")]


def _functional_tables(
    leaves: Sequence[tuple[str, Decimal, Decimal]], unit: str, year: int
) -> tuple[list[Row], list[Row], list[Row], dict[str, tuple[Decimal, Decimal]]]:
    """Rows of the income, expenditure and general-budget tables, and class totals."""
    agg: dict[str, tuple[Decimal, Decimal]] = {}
    for code, basic, project in leaves:
        for c in (code[:3], code[:5], code):
            b, p = agg.get(c, (Decimal(0), Decimal(0)))
            agg[c] = (b + basic, p + project)
    total_b = sum((b for c, (b, _) in agg.items() if len(c) == 3), Decimal(0))
    total_p = sum((p for c, (_, p) in agg.items() if len(c) == 3), Decimal(0))
    inc = [Row("合计", [_pub(total_b + total_p), _pub(total_b + total_p)],
               kind=RowKind.TOTAL)]
    exp = [Row("合计", [_pub(total_b + total_p), _opt(total_b), _opt(total_p)],
               kind=RowKind.TOTAL)]
    for c in sorted(agg):
        b, p = agg[c]
        name = functional.name_of(c, year=year)
        level = {3: 1, 5: 2, 7: 3}[len(c)]
        inc.append(Row(name, [_pub(b + p), _pub(b + p)], code=c, level=level))
        exp.append(Row(name, [_pub(b + p), _opt(b), _opt(p)], code=c, level=level))
    return inc, exp, list(exp), {c: v for c, v in agg.items() if len(c) == 3}


def _empty(kind: TableKind, number: str, title: str, cols: tuple[Column, ...], unit_name: str
           ) -> Table:
    return Table(kind=kind, number=number, title=title, unit=Unit.WAN_YUAN,
                 blocks=[Block("", cols, [Row("合计", [None] * len(cols), kind=RowKind.TOTAL)])],
                 unit_name=unit_name, empty=True, note="注：本表无数据")


def build_report(
    *,
    leaves: Sequence[tuple[str, Decimal, Decimal]],
    economic: Sequence[tuple[str, Decimal]],
    projects: Sequence[tuple[str, Decimal]],
    reception_extra: Decimal = Decimal(0),
    unit_name: str = "测试单位",
    year: int = 2024,
    table_set: TableSet = TableSet.SHANXI_13,
) -> Report:
    """Build a consistent report from its leaves (amounts in 元).

    Args:
        leaves: ``(项 code, basic, project)``: each functional 项 with its basic and
            project spending. Σ basic must equal Σ ``economic`` and Σ project must equal
            Σ ``projects``.
        economic: ``(departmental economic 款 code, amount)``: basic spending by item.
        projects: ``(name, amount)``: the project list.
        reception_extra: project-funded 公务接待费 on top of the basic-spending item.
        unit_name: the budget unit.
        year: the budget year.
        table_set: the Shanxi 13-table set or the Ministry of Finance 9-table set.

    All money is general-budget money of the year (no funds, no carry-over). Every
    published figure is the 四舍五入 of its exact value to 0.01 万元.

    Raises:
        ValueError: the leaves do not add up to the economic items or the projects.
    """
    total_b = sum((b for _, b, _ in leaves), Decimal(0))
    total_p = sum((p for _, _, p in leaves), Decimal(0))
    if total_b != sum((a for _, a in economic), Decimal(0)):
        raise ValueError("Σ basic of the leaves must equal Σ economic items")
    if total_p != sum((a for _, a in projects), Decimal(0)):
        raise ValueError("Σ project of the leaves must equal Σ projects")
    total = total_b + total_p
    inc_rows, exp_rows, gen_rows, classes = _functional_tables(leaves, unit_name, year)
    y = str(year)
    tables: list[Table] = []

    # 1 收支总表
    class_list = list(functional.codes(level=1, year=year))
    s_inc = [Row("一般公共预算", [_pub(total)], level=1),
             Row("政府性基金预算", [None], level=1), Row("国有资本经营预算", [None], level=1),
             Row("财政专户管理资金", [None], level=1), Row("单位资金", [None], level=1),
             Row("本年收入合计", [_pub(total)], kind=RowKind.TOTAL),
             Row("上年结转", [None], level=1), Row("收入总计", [_pub(total)], kind=RowKind.TOTAL)]
    s_exp = []
    g_exp = []
    for info in class_list:
        b, p = classes.get(info.code, (Decimal(0), Decimal(0)))
        s_exp.append(Row(info.name, [_opt(b + p), _opt(b + p), None], level=1))
        g_exp.append(Row(info.name, [_opt(b + p), _opt(b + p), None, None], level=1))
    s_exp += [Row("本年支出合计", [_pub(total), _pub(total), None], kind=RowKind.TOTAL),
              Row("年终结转", [None, None, None], level=1),
              Row("支出总计", [_pub(total), _pub(total), None], kind=RowKind.TOTAL)]
    tables.append(Table(kind=TableKind.SUMMARY, number="1", title=f"{y}年预算收支总表",
                        unit=Unit.WAN_YUAN, unit_name=unit_name,
                        blocks=[Block("income", _cols("amount"), s_inc),
                                Block("expenditure", _cols("total", "current_year", "carryover"),
                                      s_exp)]))
    # 2, 3
    income_cols = _cols("total", "general_budget", "fund_budget", "state_capital",
                        "special_account", "unit_funds", "carryover")
    tables.append(Table(kind=TableKind.INCOME, number="2", title=f"{y}年预算收入总表",
                        unit=Unit.WAN_YUAN, unit_name=unit_name,
                        blocks=[Block("", income_cols, inc_rows)]))
    tables.append(Table(kind=TableKind.EXPENDITURE, number="3", title=f"{y}年预算支出总表",
                        unit=Unit.WAN_YUAN, unit_name=unit_name,
                        blocks=[Block("", _cols("total", "basic", "project"), exp_rows)]))
    # 4 财政拨款收支总表
    g_inc = [Row("一般公共预算", [_pub(total)], level=1), Row("政府性基金预算", [None], level=1),
             Row("国有资本经营预算", [None], level=1),
             Row("本年收入合计", [_pub(total)], kind=RowKind.TOTAL),
             Row("上年财政拨款结转", [None], level=1), Row("一般公共预算", [None], level=1),
             Row("政府性基金预算", [None], level=1), Row("国有资本经营预算", [None], level=1),
             Row("收入总计", [_pub(total)], kind=RowKind.TOTAL)]
    g_exp += [Row("本年支出合计", [_pub(total), _pub(total), None, None], kind=RowKind.TOTAL),
              Row("年终结转", [None, None, None, None], level=1),
              Row("支出总计", [_pub(total), _pub(total), None, None], kind=RowKind.TOTAL)]
    tables.append(Table(kind=TableKind.GRANT_SUMMARY, number="4", title=f"{y}年财政拨款收支总表",
                        unit=Unit.WAN_YUAN, unit_name=unit_name,
                        blocks=[Block("income", _cols("amount"), g_inc),
                                Block("expenditure", _cols("total", "general_budget",
                                                           "fund_budget", "state_capital"),
                                      g_exp)]))
    # 5
    tables.append(Table(kind=TableKind.GENERAL_EXPENDITURE, number="5",
                        title=f"{y}年一般公共预算支出预算表", unit=Unit.WAN_YUAN,
                        unit_name=unit_name,
                        blocks=[Block("", _cols("total", "basic", "project"), gen_rows)]))
    # 6 基本支出经济分类
    by_class: dict[str, list[tuple[str, Decimal]]] = {}
    for code, amount in economic:
        by_class.setdefault(code[:3], []).append((code, amount))
    e_rows = []
    pers = sum((a for c, a in economic if c[:3] in ("301", "303")), Decimal(0))
    publ = sum((a for c, a in economic if c[:3] not in ("301", "303")), Decimal(0))
    e_rows.append(Row("合计", [_pub(pers + publ), _opt(pers), _opt(publ)], kind=RowKind.TOTAL))
    for cls in sorted(by_class):
        items = by_class[cls]
        s = sum((a for _, a in items), Decimal(0))
        personnel = cls in ("301", "303")
        e_rows.append(Row(dept_economic.name_of(cls), [_pub(s), _opt(s) if personnel else None,
                                                        None if personnel else _opt(s)], level=1))
        for code, a in sorted(items):
            try:
                gov = mapping.government_items(code, unit_kind="organ")[0].name
            except KeyError:
                gov = ""
            e_rows.append(Row(dept_economic.name_of(code),
                              [_pub(a), _pub(a) if personnel else None,
                               None if personnel else _pub(a)], level=2, gov_name=gov or None))
    tables.append(Table(kind=TableKind.BASIC_ECONOMIC, number="6",
                        title=f"{y}年一般公共预算基本支出表", unit=Unit.WAN_YUAN,
                        unit_name=unit_name,
                        blocks=[Block("", _cols("total", "personnel", "public"), e_rows)]))
    fb = _cols("total", "basic", "project")
    reception = sum((a for c, a in economic if c == "30217"), Decimal(0)) + reception_extra
    operation = sum((a for c, a in economic if c == "30231"), Decimal(0))
    abroad = sum((a for c, a in economic if c == "30212"), Decimal(0))
    tp_total = reception + operation + abroad
    tp_cols = _cols("total", "general_budget", "fund_budget", "state_capital")

    def tp(name: str, v: Decimal, kind: RowKind = RowKind.DATA) -> Row:
        return Row(name, [_opt(v), _opt(v), None, None], kind=kind)

    three = Table(kind=TableKind.THREE_PUBLIC, number="10" if table_set is TableSet.SHANXI_13
                  else "7", title=f"{y}年“三公”经费支出预算表", unit=Unit.WAN_YUAN,
                  unit_name=unit_name,
                  blocks=[Block("", tp_cols, [
                      tp("因公出国（境）费", abroad), tp("公务接待费", reception),
                      tp("公务用车购置及运行费", operation), tp("①公务用车购置费", Decimal(0)),
                      tp("②公务用车运行维护费", operation),
                      tp("合计", tp_total, RowKind.TOTAL)])])
    if table_set is TableSet.SHANXI_13:
        tables.append(_empty(TableKind.FUND_INCOME, "7", f"{y}年政府性基金预算收入表",
                             _cols("total"), unit_name))
        tables.append(_empty(TableKind.FUND_EXPENDITURE, "8", f"{y}年政府性基金预算支出表", fb,
                             unit_name))
        tables.append(_empty(TableKind.STATE_CAPITAL, "9", f"{y}年国有资本经营预算收支预算表", fb,
                             unit_name))
        tables.append(three)
        tables.append(Table(kind=TableKind.OPERATING_COSTS, number="11",
                            title=f"{y}年机关运行经费预算表", unit=Unit.WAN_YUAN,
                            unit_name=unit_name,
                            blocks=[Block("", tp_cols, [
                                Row("部门合计", [_pub(publ), _pub(publ), None, None],
                                    kind=RowKind.TOTAL),
                                Row(unit_name, [_pub(publ), _pub(publ), None, None])])]))
        pcols = _cols("total", "general_budget", "fund_budget", "state_capital",
                      "special_account", "unit_funds")
        prow = [Row(unit_name, [_pub(total_p), _pub(total_p)], level=1, kind=RowKind.GROUP)]
        prow += [Row(n, [_pub(a), _pub(a)], level=2) for n, a in projects]
        tables.append(Table(kind=TableKind.PROJECTS, number="12",
                            title=f"{y}年项目支出预算表（本年预算）", unit=Unit.WAN_YUAN,
                            unit_name=unit_name, blocks=[Block("", pcols, prow)]))
        tables.append(Table(kind=TableKind.PROJECTS_CARRYOVER, number="13",
                            title=f"{y}年项目支出预算表（上年结转）", unit=Unit.WAN_YUAN,
                            unit_name=unit_name, empty=True, note="注：本表无数据",
                            blocks=[Block("", _cols("total", "general_budget", "fund_budget",
                                                    "state_capital"), [])]))
    else:
        tables.append(three)
        tables.append(_empty(TableKind.FUND_EXPENDITURE, "8", f"{y}年政府性基金预算支出表", fb,
                             unit_name))
        tables.append(_empty(TableKind.STATE_CAPITAL, "9", f"{y}年国有资本经营预算支出表", fb,
                             unit_name))
    return Report(source="<generated>", unit_name=unit_name, year=year, table_set=table_set,
                  tables=[_padded(t) for t in tables])


def _economic_table(economic: Sequence[tuple[str, Decimal]], title: str, number: str,
                    unit_name: str) -> Table:
    """The basic spending table by economic item (合计, each 类, its 款)."""
    by_class: dict[str, list[tuple[str, Decimal]]] = {}
    for code, amount in economic:
        by_class.setdefault(code[:3], []).append((code, amount))
    pers = sum((a for c, a in economic if c[:3] in ("301", "303")), Decimal(0))
    publ = sum((a for c, a in economic if c[:3] not in ("301", "303")), Decimal(0))
    rows = [Row("合计", [_pub(pers + publ), _opt(pers), _opt(publ)], kind=RowKind.TOTAL)]
    for cls in sorted(by_class):
        items = by_class[cls]
        s = sum((a for _, a in items), Decimal(0))
        personnel = cls in ("301", "303")
        rows.append(Row(dept_economic.name_of(cls), [_pub(s), _opt(s) if personnel else None,
                                                      None if personnel else _opt(s)], level=1))
        for code, a in sorted(items):
            try:
                gov = mapping.government_items(code, unit_kind="organ")[0].name
            except KeyError:
                gov = ""
            rows.append(Row(dept_economic.name_of(code),
                            [_pub(a), _pub(a) if personnel else None,
                             None if personnel else _pub(a)], level=2, gov_name=gov or None))
    return Table(kind=TableKind.BASIC_ECONOMIC, number=number, title=title, unit=Unit.WAN_YUAN,
                 unit_name=unit_name,
                 blocks=[Block("", _cols("total", "personnel", "public"), rows)])


_FINAL_THREE_PUBLIC = ("total", "abroad", "vehicles", "vehicle_purchase", "vehicle_operation",
                       "reception")


def build_final_report(
    *,
    leaves: Sequence[tuple[str, Decimal, Decimal]],
    economic: Sequence[tuple[str, Decimal]],
    income_extra: Sequence[Decimal] = (),
    carry_in: Decimal = Decimal(0),
    three_public_budget: tuple[Decimal, Decimal, Decimal, Decimal] = (
        Decimal(0), Decimal(0), Decimal(0), Decimal(0)),
    reception_extra: Decimal = Decimal(0),
    unit_name: str = "测试单位",
    year: int = 2024,
) -> Report:
    """Build a consistent final account (决算) from its leaves (amounts in 元), in the
    9-table set (收入支出决算总表 … 国有资本经营预算财政拨款收入支出决算表).

    Args:
        leaves: ``(项 code, basic, project)``: each functional 项 with the year's basic and
            project spending. Σ basic must equal Σ ``economic``.
        economic: ``(departmental economic 款 code, amount)``: basic spending by item.
        income_extra: for each leaf, the year's income beyond its spending (≥ 0; missing
            ones are 0): the code's income is its spending plus this, and the year-end
            balance grows by it.
        carry_in: the balance brought forward (年初结转和结余), all general-budget grants.
        three_public_budget: the 三公 预算数 (出国, 接待, 购置, 运行).
        reception_extra: project-funded 公务接待费 on top of the basic-spending item.
        unit_name: the unit.
        year: the year of the accounts.

    All money is general-budget grants (一般公共预算财政拨款): income, spending and both
    balances; 年末结转和结余 = 年初 + 本年收入 − 本年支出. Every published figure is the
    四舍五入 of its exact value to 0.01 万元.

    ```pycon
    >>> from decimal import Decimal
    >>> from govbudget.checks import check_report
    >>> r = build_final_report(leaves=[("2010101", Decimal("1000000"), Decimal("200000"))],
    ...                        economic=[("30101", Decimal("1000000"))],
    ...                        income_extra=[Decimal("50000")], carry_in=Decimal("30000"))
    >>> r.kind.value, len(r.tables)
    ('final', 9)
    >>> check_report(r).ok
    True

    ```

    Raises:
        ValueError: the leaves do not add up to the economic items, or an amount is negative.
    """
    total_b = sum((b for _, b, _ in leaves), Decimal(0))
    if total_b != sum((a for _, a in economic), Decimal(0)):
        raise ValueError("Σ basic of the leaves must equal Σ economic items")
    extras = [*income_extra, *[Decimal(0)] * (len(leaves) - len(income_extra))][:len(leaves)]
    if carry_in < 0 or any(x < 0 for x in extras) or any(x < 0 for x in three_public_budget):
        raise ValueError("amounts must not be negative")
    y = str(year)
    zero = Decimal(0)
    # by code: (basic, project, income)
    agg: dict[str, tuple[Decimal, Decimal, Decimal]] = {}
    for (code, basic, project), extra in zip(leaves, extras, strict=True):
        for c in (code[:3], code[:5], code):
            b, p, i = agg.get(c, (zero, zero, zero))
            agg[c] = (b + basic, p + project, i + basic + project + extra)
    spend_b = total_b
    spend_p = sum((p for _, _, p in leaves), zero)
    spend = spend_b + spend_p
    income = spend + sum(extras, zero)
    carry_out = carry_in + income - spend
    classes = {c: v for c, v in agg.items() if len(c) == 3}
    tables: list[Table] = []

    # 1 收入支出决算总表
    inc1 = [Row("一般公共预算财政拨款收入", [_pub(income)], level=1),
            *(Row(n, [None], level=1) for n in (
                "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入",
                "事业收入", "经营收入", "附属单位上缴收入", "其他收入")),
            Row("本年收入合计", [_pub(income)], kind=RowKind.TOTAL),
            Row("使用非财政拨款结余", [None], level=1),
            Row("年初结转和结余", [_opt(carry_in)], level=1),
            Row("总计", [_pub(income + carry_in)], kind=RowKind.TOTAL)]
    exp1: list[Row] = []
    exp4: list[Row] = []
    for info in functional.codes(level=1, year=year):
        b, p, _ = classes.get(info.code, (zero, zero, zero))
        exp1.append(Row(info.name, [_opt(b + p)], level=1))
        exp4.append(Row(info.name, [_opt(b + p), _opt(b + p), None, None], level=1))
    exp1 += [Row("本年支出合计", [_pub(spend)], kind=RowKind.TOTAL),
             Row("结余分配", [None], level=1),
             Row("年末结转和结余", [_opt(carry_out)], level=1),
             Row("总计", [_pub(spend + carry_out)], kind=RowKind.TOTAL)]
    tables.append(Table(kind=TableKind.SUMMARY, number="", title=f"{y}年度收入支出决算总表",
                        unit=Unit.WAN_YUAN, unit_name=unit_name,
                        blocks=[Block("income", _cols("amount"), inc1),
                                Block("expenditure", _cols("total"), exp1)]))
    # 2 收入决算表, 3 支出决算表, 5 一般公共预算财政拨款支出决算表
    inc_cols = _cols("total", "grant", "superior_subsidy", "business_income",
                     "operating_income", "affiliated", "other_income")
    inc2 = [Row("合计", [_pub(income), _pub(income)], kind=RowKind.TOTAL)]
    exp3 = [Row("合计", [_pub(spend), _opt(spend_b), _opt(spend_p)], kind=RowKind.TOTAL)]
    for c in sorted(agg):
        b, p, i = agg[c]
        name = functional.name_of(c, year=year)
        level = {3: 1, 5: 2, 7: 3}[len(c)]
        if i:
            inc2.append(Row(name, [_pub(i), _pub(i)], code=c, level=level))
        if b + p:
            exp3.append(Row(name, [_pub(b + p), _opt(b), _opt(p)], code=c, level=level))
    tables.append(Table(kind=TableKind.INCOME, number="", title=f"{y}年度收入决算表",
                        unit=Unit.WAN_YUAN, unit_name=unit_name,
                        blocks=[Block("", inc_cols, inc2)]))
    tables.append(Table(kind=TableKind.EXPENDITURE, number="", title=f"{y}年度支出决算表",
                        unit=Unit.WAN_YUAN, unit_name=unit_name,
                        blocks=[Block("", _cols("total", "basic", "project", "remit_superior",
                                                "operating_expenditure", "subsidy_affiliated"),
                                      exp3)]))
    # 4 财政拨款收入支出决算总表
    inc4 = [Row("一般公共预算财政拨款", [_pub(income)], level=1),
            Row("政府性基金预算财政拨款", [None], level=1),
            Row("国有资本经营预算财政拨款", [None], level=1),
            Row("本年收入合计", [_pub(income)], kind=RowKind.TOTAL),
            Row("年初财政拨款结转和结余", [_opt(carry_in)], level=1),
            Row("一般公共预算财政拨款", [_opt(carry_in)], level=1),
            Row("政府性基金预算财政拨款", [None], level=1),
            Row("国有资本经营预算财政拨款", [None], level=1),
            Row("总计", [_pub(income + carry_in)], kind=RowKind.TOTAL)]
    exp4 += [Row("本年支出合计", [_pub(spend), _pub(spend), None, None], kind=RowKind.TOTAL),
             Row("年末财政拨款结转和结余", [_opt(carry_out), _opt(carry_out), None, None],
                 level=1),
             Row("总计", [_pub(spend + carry_out), _pub(spend + carry_out), None, None],
                 kind=RowKind.TOTAL)]
    tables.append(Table(kind=TableKind.GRANT_SUMMARY, number="",
                        title=f"{y}年度财政拨款收入支出决算总表", unit=Unit.WAN_YUAN,
                        unit_name=unit_name,
                        blocks=[Block("income", _cols("amount"), inc4),
                                Block("expenditure", _cols("total", "general_budget",
                                                           "fund_budget", "state_capital"),
                                      exp4)]))
    tables.append(Table(kind=TableKind.GENERAL_EXPENDITURE, number="",
                        title=f"{y}年度一般公共预算财政拨款支出决算表", unit=Unit.WAN_YUAN,
                        unit_name=unit_name,
                        blocks=[Block("", _cols("total", "basic", "project"),
                                      [r if r.kind is RowKind.TOTAL else Row(
                                          r.name, r.values[:3], code=r.code, level=r.level)
                                       for r in exp3])]))
    # 6 一般公共预算财政拨款基本支出决算表
    tables.append(_economic_table(economic, f"{y}年度一般公共预算财政拨款基本支出决算表", "",
                                  unit_name))
    # 7 财政拨款“三公”经费支出决算表: 预算数 and 决算数 rows
    abroad = sum((a for c, a in economic if c == "30212"), zero)
    reception = sum((a for c, a in economic if c == "30217"), zero) + reception_extra
    purchase = sum((a for c, a in economic if c[:5] == "31013"), zero)
    operation = sum((a for c, a in economic if c == "30231"), zero)
    b_abroad, b_reception, b_purchase, b_operation = three_public_budget

    def tp_row(name: str, ab: Decimal, rec: Decimal, pur: Decimal, op: Decimal) -> Row:
        return Row(name, [_pub(ab + rec + pur + op), _pub(ab), _pub(pur + op), _pub(pur),
                          _pub(op), _pub(rec)])

    tables.append(Table(kind=TableKind.THREE_PUBLIC, number="",
                        title=f"{y}年度财政拨款“三公”经费支出决算表", unit=Unit.WAN_YUAN,
                        unit_name=unit_name,
                        blocks=[Block("", _cols(*_FINAL_THREE_PUBLIC), [
                            tp_row("预算数", b_abroad, b_reception, b_purchase, b_operation),
                            tp_row("决算数", abroad, reception, purchase, operation)])]))
    # 8, 9: no fund or state-capital money
    fund_cols = _cols("carry_in", "income", "total", "basic", "project", "carry_out")
    for kind, title in ((TableKind.FUND_EXPENDITURE, "政府性基金预算财政拨款收入支出决算表"),
                        (TableKind.STATE_CAPITAL, "国有资本经营预算财政拨款收入支出决算表")):
        tables.append(_empty(kind, "", f"{y}年度{title}", fund_cols, unit_name))
    return Report(source="<generated>", unit_name=unit_name, year=year,
                  table_set=TableSet.MOF_9, kind=ReportKind.FINAL,
                  tables=[_padded(t) for t in tables])


def _padded(t: Table) -> Table:
    """Give every row one value per column (blank cells are ``None``)."""
    import attrs

    blocks = []
    for b in t.blocks:
        n = len(b.columns)
        rows = [attrs.evolve(r, values=(*r.values, *([None] * (n - len(r.values)))))
                if len(r.values) < n else r for r in b.rows]
        blocks.append(attrs.evolve(b, rows=rows))
    return attrs.evolve(t, blocks=blocks)


# -- hypothesis strategies -----------------------------------------------------------


def _st() -> Any:
    try:
        from hypothesis import strategies
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("govbudget.testing strategies need hypothesis: "
                          "pip install 'govbudget[hypothesis]'") from exc
    return strategies


def money_amounts(*, min_yuan: int = 0, max_yuan: int = 10**9, whole_hundreds: bool = True
                  ) -> Any:
    """Amounts in 元 as ``Decimal``: multiples of 100 (exact in 万元) unless told otherwise."""
    st = _st()
    if min_yuan < 0 or max_yuan < min_yuan:
        raise ValueError("need 0 <= min_yuan <= max_yuan")
    step = 100 if whole_hundreds else 1
    return st.integers(min_yuan // step, max_yuan // step).map(lambda n: Decimal(n * step))


def _split(total: Decimal, weights: Sequence[int], step: Decimal) -> list[Decimal]:
    """Split ``total`` into parts proportional to ``weights``, in multiples of ``step``,
    adding up exactly (largest remainder)."""
    units = int(total / step)
    wsum = sum(weights) or 1
    raw = [units * w // wsum for w in weights]
    rest = units - sum(raw)
    order = sorted(range(len(weights)), key=lambda i: -(units * weights[i] % wsum))
    for i in order[:rest]:
        raw[i] += 1
    return [Decimal(n) * step for n in raw]


def consistent_reports(
    *,
    table_set: TableSet = TableSet.SHANXI_13,
    rounded: bool = False,
    max_leaves: int = 6,
    max_projects: int = 5,
    kind: ReportKind = ReportKind.BUDGET,
) -> Any:
    """A strategy of consistent reports (see `build_report`, and `build_final_report` for
    ``kind=ReportKind.FINAL``, always in the 9-table 决算 set).

    Args:
        table_set: Shanxi 13 tables or the MOF 9 tables (budgets).
        rounded: draw whole-元 amounts, so published 万元 figures are rounded and sums
            show rounding gaps (never beyond the bound).
        max_leaves: most functional 项 codes.
        max_projects: most projects.
        kind: budgets (预算) or final accounts (决算).
    """
    st = _st()
    if max_leaves < 1 or max_projects < 1:
        raise ValueError("max_leaves and max_projects must be >= 1")
    if kind is ReportKind.FINAL:
        return _final_reports(st, rounded=rounded, max_leaves=max_leaves)
    step = Decimal(1) if rounded else Decimal(100)
    leaf_codes = functional_leaf_codes()
    econ = economic_codes()

    @st.composite  # type: ignore[untyped-decorator]
    def build(draw: Callable[[Any], Any]) -> Report:
        codes = draw(st.lists(st.sampled_from(leaf_codes), min_size=1, max_size=max_leaves,
                              unique=True))
        items = draw(st.lists(st.sampled_from(econ), min_size=1, max_size=8, unique=True))
        amounts = draw(st.lists(st.integers(1, 5 * 10**6), min_size=len(items),
                                max_size=len(items)))
        economic = [(c, Decimal(a) * step) for c, a in zip(items, amounts, strict=True)]
        n_proj = draw(st.integers(1, max_projects))
        p_amounts = draw(st.lists(st.integers(1, 5 * 10**6), min_size=n_proj, max_size=n_proj))
        projects = [(f"项目{i + 1}", Decimal(a) * step) for i, a in enumerate(p_amounts)]
        total_b = sum((a for _, a in economic), Decimal(0))
        total_p = sum((a for _, a in projects), Decimal(0))
        wb = draw(st.lists(st.integers(0, 100), min_size=len(codes), max_size=len(codes)))
        wp = draw(st.lists(st.integers(0, 100), min_size=len(codes), max_size=len(codes)))
        if not any(wb):
            wb[0] = 1
        if not any(wp):
            wp[-1] = 1
        basics = _split(total_b, wb, step)
        projs = _split(total_p, wp, step)
        leaves = [(c, b, p) for c, b, p in zip(codes, basics, projs, strict=True)]
        extra = Decimal(draw(st.integers(0, 10**5))) * step
        return build_report(leaves=leaves, economic=economic, projects=projects,
                            reception_extra=extra, table_set=table_set,
                            unit_name=draw(st.sampled_from(["某县教育局", "某市文化和旅游局",
                                                            "某区人民政府办公室"])),
                            year=draw(st.sampled_from([2024, 2025])))

    return build()


def _final_reports(st: Any, *, rounded: bool, max_leaves: int) -> Any:
    step = Decimal(1) if rounded else Decimal(100)
    leaf_codes = functional_leaf_codes()
    econ = economic_codes()

    def amounts(n: int, hi: int) -> Any:
        return st.lists(st.integers(0, hi), min_size=n, max_size=n)

    @st.composite  # type: ignore[untyped-decorator]
    def build(draw: Callable[[Any], Any]) -> Report:
        codes = draw(st.lists(st.sampled_from(leaf_codes), min_size=1, max_size=max_leaves,
                              unique=True))
        items = draw(st.lists(st.sampled_from(econ), min_size=1, max_size=8, unique=True))
        economic = [(c, (Decimal(a) + 1) * step) for c, a in
                    zip(items, draw(amounts(len(items), 5 * 10**6)), strict=True)]
        total_b = sum((a for _, a in economic), Decimal(0))
        wb = draw(amounts(len(codes), 100))
        if not any(wb):
            wb[0] = 1
        basics = _split(total_b, wb, step)
        projects = [Decimal(a) * step for a in draw(amounts(len(codes), 5 * 10**6))]
        extras = [Decimal(a) * step for a in draw(amounts(len(codes), 10**6))]
        budget = tuple(Decimal(a) * step for a in draw(amounts(4, 10**5)))
        return build_final_report(
            leaves=[(c, b, p) for c, b, p in zip(codes, basics, projects, strict=True)],
            economic=economic, income_extra=extras,
            carry_in=Decimal(draw(st.integers(0, 10**6))) * step,
            three_public_budget=(budget[0], budget[1], budget[2], budget[3]),
            reception_extra=Decimal(draw(st.integers(0, 10**5))) * step,
            unit_name=draw(st.sampled_from(["某县教育局", "某市文化和旅游局", "某区人民政府办公室"])),
            year=draw(st.sampled_from([2023, 2024])))

    return build()
