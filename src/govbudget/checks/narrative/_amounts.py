"""Narrative amounts against the tables: totals, income sources, spending, functional
classes and items, 三公, operating costs.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..._findings import Finding, Location, Severity
from ..._report import FactKind
from ..._tables import TableKind
from .._context import Context, norm
from .._fact_figures import (
    MONEY_UNITS,
    factor_of,
    figure_of,
    is_money,
    location_of,
    qualifier_of,
)
from .._registry import Category, Code, RuleSet
from ._analysis import (
    _An,
    _an,
    _Blame,
    _compared,
    _first,
    _has,
    _say,
    _sum,
    _table_rule,
    _vs_table,
)
from ._lookup import (
    _block,
)
from ._vocab import (
    _BASIC,
    _CARRY,
    _CUR_INCOME,
    _CUR_SPEND,
    _G_INCOME,
    _G_SPEND,
    _G_TOTAL,
    _GENERAL,
    _OPERATING,
    _PERSONNEL,
    _PROJECT,
    _PUBLIC,
    _SOURCES,
    _SPENDING,
    _T_INCOME,
    _T_SPEND,
    _THREE,
    _TOTALS,
)

RULES = RuleSet()

_TOTALS_TABLE: Final = _compared(
    "narrative.totals.table", "收支总计等与收支总表不符", "A total disagrees with the summary",
    "情况说明“预算收入总计”与收支总表“收入总计”（合计）",
    "narrative '预算收入总计' vs summary '收入总计' (amount)")
_TOTALS_BREAKDOWN: Final = _compared(
    "narrative.totals.breakdown", "总计不等于本年与上年结转之和",
    "A total is not current-year plus carry-over", "情况说明“预算收入总计”与本年+上年结转之和",
    "narrative '预算收入总计' vs current-year + carry-over")
_SOURCES_TABLE: Final = _compared(
    "narrative.income_sources.table", "收入来源与收支总表不符",
    "An income source disagrees with the summary",
    "情况说明“事业收入”与收支总表“事业收入”（合计）",
    "narrative '事业收入' vs summary '事业收入' (amount)")
_SPENDING_TABLE: Final = _compared(
    "narrative.spending.table", "支出与支出表不符", "Spending disagrees with its table",
    "情况说明“基本支出”与部门支出总表“合计”（基本支出）",
    "narrative '基本支出' vs expenditure '合计' (basic)")
_SPENDING_BREAKDOWN: Final = _compared(
    "narrative.spending.breakdown", "支出不等于其组成之和",
    "Spending is not the sum of its parts", "情况说明“本年支出”与基本支出+项目支出",
    "narrative '本年支出' vs basic + project")
_CLASS_TABLE: Final = _compared(
    "narrative.class_amounts.table", "功能分类科目金额与表格不符",
    "A functional class or item disagrees with its table",
    "情况说明“教育支出”与收支总表“教育支出”（合计）",
    "narrative '教育支出' vs summary '教育支出' (total)")
_CLASS_ITEMS: Final = _compared(
    "narrative.class_amounts.items", "所列科目之和超过支出总额",
    "The items listed add up to more than their total",
    "情况说明列出的3个科目之和与“财政拨款支出”",
    "the sum of the 3 items listed vs narrative '财政拨款支出'")
_CLASS_WRONG_PATH: Final = Code(
    "narrative.class_amounts.wrong_path", "科目路径与表格不符",
    "An item's path names a 款 its 类 does not have",
    template="情况说明中的科目“{printed}”与表格不符：{table}的{cls} {cls_name}下没有名为“{kuan}”的款，"
             "“{subject}”是{code} {name}",
    template_en="narrative item {printed!r} does not match the tables: class {cls} of "
                "{table_en} has no 款 named {kuan!r}; {subject!r} is {code}",
    example={"printed": "卫生健康支出（类）卫生健康支出（款）计划生育事务（项）", "table": "一般公共预算支出表",
             "table_en": "general_expenditure", "cls": "210", "cls_name": "卫生健康支出",
             "kuan": "卫生健康支出", "subject": "计划生育事务", "code": "21007",
             "name": "计划生育事务"})
_CLASS_NOT_FOUND: Final = Code(
    "narrative.class_amounts.not_found", "科目在支出表中找不到",
    "An item is not in the spending tables",
    template="情况说明中的科目“{printed}”（{value}{unit}）在支出表中找不到",
    template_en="the narrative item {printed} ({value} {unit}) is not in the spending tables",
    example={"printed": "教育支出（类）普通教育（款）小学教育（项）", "value": "12.00", "unit": "万元"})
_THREE_TABLE: Final = _compared(
    "narrative.three_public.table", "“三公”经费与“三公”经费表不符",
    "三公 spending disagrees with its table", "情况说明“公务接待费”与“三公”经费表（公务接待费）",
    "narrative '公务接待费' vs three_public (reception)")
_THREE_BREAKDOWN: Final = _compared(
    "narrative.three_public.breakdown", "“三公”经费不等于各项之和",
    "三公 spending is not the sum of its items", "“三公”经费与各项之和",
    "三公 total vs the sum of its items")
_OPERATING_TABLE: Final = _compared(
    "narrative.operating_costs.table", "机关运行经费与表格不符",
    "Operating costs disagree with their table",
    "情况说明“机关运行经费”与机关运行经费表“合计”（合计）",
    "narrative '机关运行经费' vs operating_costs '合计' (total)")


# ---------------------------------------------------------------------------
# 1. totals
# ---------------------------------------------------------------------------


@RULES.rule("narrative.totals", title="情况说明中的收支总计、本年收支、上年结转与收支总表一致",
      title_en="Narrative totals, current-year and carry-over figures agree with the summary "
               "tables",
      category=Category.NARRATIVE,
      applies="when the narrative states 预算收入总计, 预算支出总计, 本年收入/支出, 上年结转, "
              "财政拨款收支总计 or 财政拨款收入/支出; each is compared with the 收支总表 (or the "
              "收入/支出总表 without one) or the 财政拨款收支总表, skipped when that table is "
              "absent; a total broken down in the same passage must equal its parts",
      when=_has(*_TOTALS),
      codes=(_TOTALS_TABLE, _TOTALS_BREAKDOWN))
def totals(ctx: Context) -> Iterator[Finding]:
    """预算收入总计 = 收支总表 收入总计; 预算支出总计 = 支出总计; 本年收入 = 本年收入合计;
    本年支出 (本年预算安排) = the 当年预算安排 column of 支出总计 (else 本年支出合计); 上年结转
    = the carry-over row (income side), the 上年结转 column of 支出总计 (spending side) or
    the 上年财政拨款结转 row (财政拨款 side), the side being the total the passage breaks
    down; 财政拨款收支总计 = 财政拨款收支总表 收入总计; 财政拨款收入 = its 本年收入合计;
    财政拨款支出 = its 本年支出合计. A total followed in its passage by 本年收入/本年支出 and
    上年结转 must equal their sum."""
    an = _an(ctx)
    blame = _Blame(an)
    for i, f in enumerate(an.facts):
        if f.subject in _TOTALS:
            blame.add(_vs_table(ctx, an, _TOTALS_TABLE, i), (i,), i)
    heads = {_T_INCOME: _CUR_INCOME, _T_SPEND: _CUR_SPEND, _G_TOTAL: _G_INCOME}
    for i, f in enumerate(an.facts):
        if f.subject not in heads or f.kind is not FactKind.AMOUNT or not is_money(f) \
                or not an.is_main(i):
            continue
        parts: dict[str, int] = {}
        for j in range(i + 1, len(an.facts)):
            g = an.facts[j]
            if g.section != f.section or (g.subject in heads and g.kind is FactKind.AMOUNT):
                break
            if g.kind is FactKind.AMOUNT and is_money(g) and g.subject not in parts and \
                    an.is_main(j) and \
                    g.subject in (heads[f.subject], _CUR_INCOME, _CUR_SPEND, _CARRY):
                parts[g.subject] = j
        if len(parts) == 2 and _CARRY in parts:
            terms = [an.figure(j) for j in parts.values()]
            blame.add(_sum(ctx, _TOTALS_BREAKDOWN, terms, an.figure(i), f"情况说明“{f.subject}”与本年+上年结转之和",
                           f"narrative {f.subject!r} vs current-year + carry-over"),
                      (i, *parts.values()), i)
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 2. income sources
# ---------------------------------------------------------------------------


@RULES.rule("narrative.income_sources", title="情况说明中各项收入与收支总表（财政拨款收支总表）一致",
      title_en="Narrative income by source agrees with the summary tables",
      category=Category.NARRATIVE,
      applies="when the narrative states income by source (一般公共预算拨款收入, 政府性基金…, "
              "国有资本经营…, 财政专户管理资金收入, 单位资金, 事业收入 …); compared with the "
              "收支总表 row (the 财政拨款收支总表 in a 财政拨款 passage), else the 收入总表 合计 "
              "column; skipped when neither table is present",
      when=_has(*_SOURCES),
      codes=(_SOURCES_TABLE,))
def income_sources(ctx: Context) -> Iterator[Finding]:
    """Each income source the narrative states equals the 收支总表 income row of the same
    name (the 财政拨款收支总表 row in a 财政拨款 passage, for the three fund sources), else
    the matching column of the 收入总表's 合计 row. A source the summary does not print is
    zero."""
    # 上年结转结余的一般公共预算收入: the carried-over part of a source, not this year's
    # income of that name (the summary's rows): not compared with them.
    yield from _table_rule(ctx, _SOURCES_TABLE,
                           lambda an, i: an.facts[i].subject in _SOURCES
                           and an.facts[i].qualifier != "上年结转")


# ---------------------------------------------------------------------------
# 3. spending
# ---------------------------------------------------------------------------


_PARTS_OF_BASIC: Final = frozenset({_BASIC, _PROJECT, _PERSONNEL, _PUBLIC, "三公经费",
                                    _OPERATING})


def _third_part(an: _An, sec: str, last: int, whole: int) -> bool:
    """Whether the passage names a third part of the spending after 基本支出 and 项目支出
    (单位预留机动经费预算数为3990.4万元): then the two do not make up the whole."""
    w = an.facts[whole].subject
    for j in range(last + 1, min(last + 8, len(an.facts))):
        g = an.facts[j]
        if g.section != sec:
            break
        if g.kind is FactKind.AMOUNT and is_money(g) and an.is_main(j) \
                and g.subject not in _PARTS_OF_BASIC and g.subject != w \
                and g.subject.endswith(("经费", "支出")) and qualifier_of(g.qualifier) is None \
                and not an.is_class(j):
            return True
    return False


@RULES.rule("narrative.spending", title="情况说明中的基本支出、项目支出、人员经费、公用经费与支出表一致",
      title_en="Narrative basic/project spending and personnel/public funds agree with the "
               "spending tables",
      category=Category.NARRATIVE,
      applies="when the narrative states 基本支出, 项目支出, 人员经费, 公用经费, 一般公共预算支出 "
              "or 政府性基金预算支出; compared with the 支出总表 (all money) or the 一般公共预算"
              "支出表 (a 一般公共预算 passage), the basic-spending table's 合计 row, the fund "
              "table; skipped when the table is absent (and for 基本/项目支出 in a 财政拨款 "
              "passage, which no table prints)",
      when=_has(*_SPENDING),
      codes=(_SPENDING_TABLE, _SPENDING_BREAKDOWN))
def spending(ctx: Context) -> Iterator[Finding]:
    """基本支出 / 项目支出 = the 合计 row of the 支出总表 (or of the 一般公共预算支出表 in a
    一般公共预算 passage); 人员经费 / 公用经费 = the basic-spending table's 合计 row;
    一般公共预算支出 = the general-budget table's 合计 (else the 财政拨款收支总表's 一般公共预算
    column); 政府性基金预算支出 = the fund table's 合计. Within a passage, 基本支出 + 项目支出
    = the spending total it breaks down, and 人员经费 + 公用经费 = 基本支出."""
    an = _an(ctx)
    blame = _Blame(an)
    for i, f in enumerate(an.facts):
        if f.subject in _SPENDING:
            blame.add(_vs_table(ctx, an, _SPENDING_TABLE, i), (i,), i)
    sections = list(dict.fromkeys(f.section for f in an.facts))
    money = (FactKind.AMOUNT,)
    for sec in sections:
        b = _first(an, an.of(_BASIC, kinds=money), sec)
        p = _first(an, an.of(_PROJECT, kinds=money), sec)
        if b is not None and p is not None:
            whole = next((j for j in range(min(b, p) - 1, -1, -1)
                          if an.facts[j].section == sec and an.facts[j].kind is FactKind.AMOUNT
                          and an.facts[j].subject in (_T_SPEND, _CUR_SPEND, _GENERAL, _G_SPEND)
                          and is_money(an.facts[j]) and an.is_main(j)), None)
            if whole is not None and not _third_part(an, sec, max(b, p), whole):
                w = an.facts[whole]
                blame.add(_sum(ctx, _SPENDING_BREAKDOWN, [an.figure(b), an.figure(p)], an.figure(whole),
                               f"情况说明“{w.subject}”与基本支出+项目支出",
                               f"narrative {w.subject!r} vs basic + project"),
                          (whole, b, p), whole)
        pe = _first(an, an.of(_PERSONNEL, kinds=money), sec)
        pu = _first(an, an.of(_PUBLIC, kinds=money), sec)
        if pe is not None and pu is not None:
            basic = next((j for j in range(min(pe, pu) - 1, -1, -1)
                          if an.facts[j].section == sec and j in an.of(_BASIC, kinds=money)),
                         None)
            if basic is not None:
                blame.add(_sum(ctx, _SPENDING_BREAKDOWN, [an.figure(pe), an.figure(pu)], an.figure(basic),
                               "情况说明基本支出与人员经费+公用经费",
                               "narrative basic spending vs personnel + public funds"),
                          (basic, pe, pu), basic)
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 4. functional classes and items
# ---------------------------------------------------------------------------


def _named_codes(ctx: Context) -> bool:
    """Whether a spending table was read with coded, named rows (an item can only be
    looked up in such a table; one read without names says nothing of the item)."""
    for kind in (TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE):
        t = ctx.table(kind)
        b = _block(t)
        if b is not None and any(r.code and r.name.strip() and any(
                v is not None for v in r.values) for r in b.rows):
            return True
    return False


_ITEM_WHOLES: Final = (_G_SPEND, _T_SPEND, _CUR_SPEND, _GENERAL)


def _item_sums(ctx: Context, an: _An) -> Iterator[Finding]:
    """A list of 科目 items (``1.“…（类）…（款）…（项）”X万元``, two or more in a passage)
    against the spending total stated just before it: the items are parts of it, so they
    cannot add up to more (a rounding-sized gap either way is info). A list that adds up to
    less may name only the main items, and is not reported."""
    by_section: dict[str, list[int]] = {}
    for i, f in enumerate(an.facts):
        if f.kind is FactKind.AMOUNT and is_money(f) and an.is_main(i) \
                and an.path(i) is not None:
            by_section.setdefault(f.section, []).append(i)
    for sec, idx in by_section.items():
        items: list[int] = []
        seen: set[tuple[object, ...]] = set()
        for i in idx:  # the first statement of each item (a restatement is not a part)
            if an.key(i) not in seen:
                seen.add(an.key(i))
                items.append(i)
        if len(items) < 2:
            continue
        stated = [j for j in range(items[0] - 1, -1, -1)
                  if an.facts[j].section == sec and an.facts[j].kind is FactKind.AMOUNT
                  and an.facts[j].subject in _ITEM_WHOLES and is_money(an.facts[j])
                  and an.is_main(j)]
        if not stated:
            continue
        # The widest whole stated: 财政拨款支出 (a list of 财政拨款 items may hold fund items
        # too), then the totals, the general budget last.
        whole = min(stated, key=lambda j: (_ITEM_WHOLES.index(an.facts[j].subject), -j))
        w = an.facts[whole]
        total = sum((an.facts[i].value * factor_of(an.facts[i].unit) for i in items), Decimal(0))
        found = _sum(ctx, _CLASS_ITEMS, [an.figure(i) for i in items], an.figure(whole),
                     f"情况说明列出的{len(items)}个科目之和与“{w.subject}”",
                     f"the sum of the {len(items)} items listed vs narrative {w.subject!r}")
        if found is None:
            continue
        if found.severity is not Severity.INFO and total < w.value * factor_of(w.unit):
            continue  # fewer than all the items: a partial list
        yield found


@RULES.rule("narrative.class_amounts", title="情况说明中的功能分类科目金额与表格一致",
      title_en="Functional classes and items named in the narrative agree with the tables",
      category=Category.NARRATIVE,
      applies="when the narrative names functional classes (一般公共服务支出 …) or 科目 paths "
              "(…（类）…（款）…（项）); a class is compared with the 财政拨款收支总表 in a 财政拨款 "
              "passage, the 一般公共预算支出表 in a 一般公共预算 passage, else the 收支总表 (or "
              "支出总表); an item with the 一般公共预算支出表 (the 支出总表 outside a 一般公共预算 or "
              "财政拨款 passage); skipped when the table is absent",
      when=lambda r: bool(r.narrative.facts),
      codes=(_CLASS_TABLE, _CLASS_ITEMS, _CLASS_WRONG_PATH, _CLASS_NOT_FOUND))
def class_amounts(ctx: Context) -> Iterator[Finding]:
    """A class amount equals the class row of the table the passage is about (a class the
    table does not print is zero); a ``科目`` item given by its 类/款/项 path equals that row
    of the general-budget (or expenditure) table. An item whose path is not found in a
    table that is present is a warning: the narrative names a 科目 the tables do not have."""
    an = _an(ctx)
    yield from _item_sums(ctx, an)
    warned: set[int] = set()  # an item restated (预算安排X万元) is reported once
    for i, f in enumerate(an.facts):
        if f.kind is not FactKind.AMOUNT or not is_money(f) or not an.is_main(i):
            continue
        if (an.is_class(i) and f.subject not in _SPENDING and f.subject not in _SOURCES) \
                or an.code(i) is not None:
            found = _vs_table(ctx, an, _CLASS_TABLE, i)
            if found is not None:
                yield found
        elif an.path(i) is not None:
            found = _vs_table(ctx, an, _CLASS_TABLE, i)
            if found is not None:
                yield found
                continue
            wrong = _wrong_path(an, i)
            if wrong is not None:
                yield wrong
                continue
            # (not "not found" when the table it would be looked for in is doubtful)
            if an.ref(i) is None and f.value != 0 and i not in warned and _named_codes(ctx) \
                    and i not in an.withheld_refs:
                warned.update(j for j in an.of(f.subject, qualifier=qualifier_of(f.qualifier))
                              if an.key(j) == an.key(i))
                yield _say(ctx, _CLASS_NOT_FOUND, Severity.WARNING,
                           {"printed": f"{f.qualifier}{f.subject}", "value": f.value,
                            "unit": f.unit}, location_of(f), actual=figure_of(f).money)




def _wrong_path(an: _An, i: int) -> Finding | None:
    """An item whose path names a 款 its 类 does not have in the tables, while the
    item's own name is printed once under that 类 (so the row meant is known): the
    narrative names the 科目 wrongly (卫生健康支出（类）卫生健康支出（款）计划生育事务（项）
    where the tables print 21007 计划生育事务)."""
    f = an.facts[i]
    path = an.path(i)
    if not path or len(path) < 2:
        return None
    # A 款 that any functional table prints under the 类 (one funded by other money than
    # the general budget, 超长期特别国债安排的支出, is only in the 支出总表 and the fund table)
    # is no wrong path.
    for kind in (TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE,
                 TableKind.FUND_EXPENDITURE):
        b = _block(an.ctx.table(kind))
        if b is None:
            continue
        coded = Context.coded_rows(b)
        cls = next((c for c, r in coded.items() if len(c) == 3 and norm(r.name) == path[0]),
                   None)
        if cls is not None and any(c.startswith(cls) and len(c) == 5
                                   and norm(r.name) == path[1] for c, r in coded.items()):
            return None
    for kind in (TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE):
        t = an.ctx.table(kind)
        b = _block(t)
        if t is None or b is None:
            continue
        coded = Context.coded_rows(b)
        cls = next((c for c, r in coded.items() if len(c) == 3 and norm(r.name) == path[0]),
                   None)
        if cls is None:
            return None
        items = [c for c in coded if c.startswith(cls) and len(c) == 5]
        if any(norm(coded[c].name) == path[1] for c in items):
            return None  # the 款 is there: not this kind of mistake
        hits = {c for c, r in coded.items() if c.startswith(cls) and len(c) > 3
                and norm(r.name) == norm(f.subject)}
        if len(hits) != 1:
            return None
        code = hits.pop()
        row = coded[code]
        printed = f"{f.qualifier}{f.subject}"
        return _say(
            an.ctx, _CLASS_WRONG_PATH, Severity.ERROR,
            {"printed": printed, "table": t.title, "table_en": t.kind.value, "cls": cls,
             "cls_name": coded[cls].name, "kuan": path[1], "subject": f.subject, "code": code,
             "name": row.name},
            location_of(f), [Location(section=t.title or t.kind.chinese, table=t.kind.value,
                               row_code=code, row_name=row.name, line=row.line)],
            expected_text=f"{code} {row.name}", actual_text=printed)
    return None


# ---------------------------------------------------------------------------
# 7. 三公
# ---------------------------------------------------------------------------


def _three_parts(an: _An, kind: FactKind) -> tuple[int | None, list[int]]:
    """The 三公 total and the facts of its items (vehicles whole, or purchase + operation)."""
    def first(subject: str) -> int | None:
        for i, f in enumerate(an.facts):
            if f.subject == subject and qualifier_of(f.qualifier) is None and f.kind is kind \
                    and f.unit in MONEY_UNITS and an.is_main(i):
                return i
        return None

    total = first("三公经费")
    abroad, reception = first("因公出国（境）费"), first("公务接待费")
    vehicles = first("公务用车购置及运行维护费")
    purchase, operation = first("公务用车购置费"), first("公务用车运行维护费")
    if abroad is None or reception is None:
        return total, []
    if vehicles is not None:
        return total, [abroad, reception, vehicles]
    if purchase is not None and operation is not None:
        return total, [abroad, reception, purchase, operation]
    return total, []


@RULES.rule("narrative.three_public", title="情况说明中的“三公”经费及其各项与“三公”经费表一致",
      title_en="Narrative 三公 spending and its items agree with the 三公 table and add up",
      category=Category.NARRATIVE,
      applies="when the narrative states 三公经费 or its items: each is compared with the "
              "“三公”经费表 (skipped without one); the total must equal the sum of the items "
              "and its change the sum of the items' changes when every item (and its change) "
              "is stated",
      when=_has(*_THREE),
      codes=(_THREE_TABLE, _THREE_BREAKDOWN))
def three_public(ctx: Context) -> Iterator[Finding]:
    """三公经费, 因公出国（境）费, 公务接待费, 公务用车购置及运行（维护）费, 公务用车购置费 and
    公务用车运行维护费 equal the 三公 table. In the narrative itself: 三公经费 = 因公出国（境）费
    + 公务接待费 + 公务用车购置及运行维护费 (or its two parts), 公务用车购置及运行维护费 =
    购置费 + 运行维护费, and the same for the changes on last year (an item 与上年相同 /
    持平 changed by exactly 0)."""
    an = _an(ctx)
    blame = _Blame(an)
    for i, f in enumerate(an.facts):
        if f.subject in _THREE:
            blame.add(_vs_table(ctx, an, _THREE_TABLE, i), (i,), i)
    for kind, what, what_en in (
            (FactKind.AMOUNT, "“三公”经费与各项之和", "三公 total vs the sum of its items"),
            (FactKind.CHANGE_AMOUNT, "“三公”经费的变动与各项变动之和",
             "the change of 三公 vs the sum of its items' changes")):
        total, items = _three_parts(an, kind)
        if total is not None and items:
            blame.add(_sum(ctx, _THREE_BREAKDOWN, [an.figure(i) for i in items], an.figure(total), what,
                           what_en), (total, *items), total)
        veh = an.of("公务用车购置及运行维护费", kinds=(kind,))
        pur = an.of("公务用车购置费", kinds=(kind,))
        ope = an.of("公务用车运行维护费", kinds=(kind,))
        if veh and pur and ope and all(is_money(an.facts[x[0]]) for x in (veh, pur, ope)):
            blame.add(_sum(ctx, _THREE_BREAKDOWN, [an.figure(pur[0]), an.figure(ope[0])], an.figure(veh[0]),
                           "公务用车购置及运行维护费与购置费+运行维护费",
                           "vehicles vs purchase + operation"),
                      (veh[0], pur[0], ope[0]), veh[0])
    yield from blame.findings()


# ---------------------------------------------------------------------------
# 8. 机关运行经费
# ---------------------------------------------------------------------------


@RULES.rule("narrative.operating_costs", title="情况说明中的机关运行经费与机关运行经费表一致",
      title_en="Narrative operating costs agree with the operating-costs table",
      category=Category.NARRATIVE,
      applies="when the narrative states 机关运行经费: compared with the 机关运行经费表; "
              "without that table, it must not exceed the 公用经费 of the basic-spending "
              "table (E12); skipped when neither table is present",
      when=_has(_OPERATING),
      codes=(_OPERATING_TABLE,))
def operating_costs(ctx: Context) -> Iterator[Finding]:
    """机关运行经费 equals the 合计 of the 机关运行经费 table (E20). A report without that
    table is compared with the basic-spending table instead, and only as an upper bound:
    机关运行经费 is the 公用经费 of administrative (and 参公) units, so it can be below the
    unit's 公用经费 but never above it (E12); the finding says which table was used."""
    yield from _table_rule(ctx, _OPERATING_TABLE,
                           lambda an, i: an.facts[i].subject == _OPERATING)


