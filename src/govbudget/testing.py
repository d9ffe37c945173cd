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
from ._report import Report, TableSet
from ._tables import Block, Column, Row, RowKind, Table, TableKind
from .codes import dept_economic, functional, mapping

__all__ = [
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
           "grant": "财政拨款", "business_income": "事业收入", "other_income": "其他收入"}


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
) -> Any:
    """A strategy of consistent reports (see `build_report`).

    Args:
        table_set: Shanxi 13 tables or the MOF 9 tables.
        rounded: draw whole-元 amounts, so published 万元 figures are rounded and sums
            show rounding gaps (never beyond the bound).
        max_leaves: most functional 项 codes.
        max_projects: most projects.
    """
    st = _st()
    if max_leaves < 1 or max_projects < 1:
        raise ValueError("max_leaves and max_projects must be >= 1")
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
