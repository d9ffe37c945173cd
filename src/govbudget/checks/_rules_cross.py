"""Cross-table rules: equalities and inequalities between tables, each with its condition."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from .._findings import Finding, Location, Severity
from .._money import Money, Unit
from .._report import Report, ReportKind
from .._tables import Block, Row, RowKind, Table, TableKind
from ._context import ENUMERATOR, Context, Figure, exact_sum, norm
from ._registry import Category, Code, Requires, RuleSet
from ._rules_three_public import three_public_items

RULES = RuleSet()

# T1 income item → T2 column key
_INCOME_KEYS = {
    "一般公共预算": "general_budget", "一般公共预算拨款": "general_budget",
    "一般公共预算拨款收入": "general_budget", "政府性基金预算": "fund_budget",
    "政府性基金预算拨款收入": "fund_budget", "国有资本经营预算": "state_capital",
    "国有资本经营预算拨款收入": "state_capital", "财政专户管理资金": "special_account",
    "单位资金": "unit_funds", "财政拨款收入": "grant", "事业收入": "business_income",
    "事业单位经营收入": "operating_income", "上级补助收入": "superior_subsidy",
    "附属单位上缴收入": "affiliated", "其他收入": "other_income", "上年结转": "carryover",
}


def _only_general_budget(report: Report) -> bool:
    """True when every amount of the report comes from the general budget (this year)."""
    t1 = report.table(TableKind.SUMMARY)
    if t1 is not None:
        inc = next((b for b in t1.blocks if b.name == "income"), None)
        if inc is not None:
            for r in inc.rows:
                if r.kind is RowKind.TOTAL:
                    continue
                key = _INCOME_KEYS.get(norm(r.name))
                v = r.values[0] if r.values else None
                if v and key != "general_budget":
                    return False
            return True
    t2 = report.table(TableKind.INCOME)
    if t2 is not None:
        b = t2.blocks[0]
        total = next(b.totals(), None)
        if total is not None:
            return all(not b.value(total, c.key) for c in b.columns
                       if c.key not in ("total", "general_budget"))
    return False


def _classes(t: Table, b: Block) -> dict[str, Row]:
    """Class rows of a table by normalised name."""
    return {norm(r.name): r for r in b.rows
            if r.kind is RowKind.DATA and (r.code is None or len(r.code) == 3)}


def _fig(t: Table, b: Block, r: Row, key: str) -> Figure | None:
    return Figure.cell(t, b, r, key)


def _raw(b: Block, r: Row | None, key: str) -> object:
    """The value printed in a cell, as read (``None`` for a blank cell, a missing row or
    a missing column): what a figure of it would hold before any `Figure` is built."""
    if r is None:
        return None
    i = b.position(key)
    values = r.values
    return values[i] if i is not None and i < len(values) else None


def _blank_or_zero(v: object) -> bool:
    """True for a cell read as blank or as an exact zero (a figure of it would be zero):
    the common case of a summary's class rows, most of which are printed empty."""
    return v is None or (type(v) is Decimal and v.is_zero())


def _quietly_le(unit_a: object, a: object, unit_b: object, b: object) -> bool:
    """True when cells holding ``a`` and ``b`` are in one unit and ``a <= b`` exactly
    (blank cells are zeros): what `Context.le_check` would pass in silence. ``False``
    whenever in doubt (the figures are then built and checked as usual)."""
    if unit_a is not unit_b:
        return False
    if a is None:
        a = _ZERO
    if b is None:
        b = _ZERO
    return (type(a) is Decimal and type(b) is Decimal and a.is_finite() and b.is_finite()
            and a <= b)


_ZERO = Decimal(0)


def _zero_figure(t: Table, name: str, key: str) -> Figure:
    return Figure(Money.of(Decimal(0), t.unit), Decimal(0),
                  Location(section=t.title, table=t.kind.value, row_name=name, column=key,
                           line=t.line))


@RULES.rule("cross.summary_income", title="收支总表收入与收入总表一致",
      title_en="Summary table income equals the income table",
      category=Category.CROSS_TABLE, applies="when both the 收支总表 and the 收入总表 are present",
      when=Requires(TableKind.SUMMARY, TableKind.INCOME))
def summary_income(ctx: Context) -> Iterator[Finding]:
    """收入总计 of the summary equals the income table's 合计, and each income source of
    the summary equals the matching column of the income table's 合计 row."""
    t1, t2 = ctx.table(TableKind.SUMMARY), ctx.table(TableKind.INCOME)
    assert t1 is not None and t2 is not None
    inc = next((b for b in t1.blocks if b.name == "income"), None)
    b2 = t2.blocks[0] if t2.blocks else None
    if inc is None or b2 is None:
        return
    total2 = ctx.total_row(b2)
    if total2 is None:
        return
    rid = "cross.summary_income"
    grand = ctx.find_row(inc, "收入总计")
    if grand is not None:
        a, b = _fig(t2, b2, total2, "total"), _fig(t1, inc, grand, inc.columns[0].key)
        if a is not None and b is not None:
            f = ctx.equal_check(rid, a, b, what="收支总表收入总计与收入总表合计",
                                what_en="summary income total vs income table total")
            if f:
                yield f
    seen: set[str] = set()
    for r in inc.rows:
        key = _INCOME_KEYS.get(norm(r.name))
        if key is None or key in seen or not b2.has(key):
            continue
        seen.add(key)
        a, b = _fig(t2, b2, total2, key), _fig(t1, inc, r, inc.columns[0].key)
        if a is not None and b is not None:
            f = ctx.equal_check(rid, a, b, what=f"收支总表“{r.name}”与收入总表合计行同列",
                                what_en=f"summary income {r.name!r} vs income table column {key}")
            if f:
                yield f


def _as_sum_of_children(ctx: Context, rid: str, t: Table, b: Block, row: Row, key: str,
                        other: Figure, found: Finding, *, what: str, what_en: str) -> Finding:
    """A class printed in two tables with a gap: one table may print the rounding of the
    exact class total, the other the sum of its rounded 项 (both are published practice).
    When the other figure is within the rounding of that sum (`explain_gap`), the gap is
    rounding (``info``); else the error stands."""
    code = row.code
    if not code or len(code) != 3:
        return found
    # The leaves (项, else 款) under the class: a 款 may itself be a sum of rounded 项.
    kids = [r for r in b.rows if r.code and len(r.code) == 7 and r.code.startswith(code)] or [
        r for r in b.rows if r.code and len(r.code) == 5 and r.code.startswith(code)]
    terms = [g for r in kids if (g := _fig(t, b, r, key)) is not None]
    if len(terms) < 2:
        return found
    f = ctx.sum_check(rid, terms, other, what=f"{what}（按所含款之和）",
                      what_en=f"{what_en} (as the sum of its items)")
    if f is None or f.severity is Severity.INFO:
        return ctx.finding(
            rid, Severity.INFO,
            f"{found.message}；但与{t.title}中该类所含{len(terms)}个科目之和的差在四舍五入误差范围内"
            "（一表列类的四舍五入数，一表列各科目四舍五入数之和）",
            f"{found.message_en}; but within the rounding of the sum of its {len(terms)} "
            f"items in {t.kind.value} (one table prints the rounded class total, the other "
            "the sum of the rounded items)",
            found.location, found.related, expected_text=found.expected,
            actual_text=found.actual, difference_text=found.difference)
    return found


_BALANCE_ROWS = frozenset(norm(x) for x in (
    "年终结转", "结转下年", "年末结转和结余", "年末财政拨款结转和结余", "结余分配",
    "使用非财政拨款结余", "年初结转和结余", "年初财政拨款结转和结余", "上年结转",
    "上年财政拨款结转",
    # The heading of the current year's items, printed with their sum (一、本年支出 above
    # （一）一般公共服务支出 …): a subtotal, no class.
    "本年收入", "本年支出"))


def _codes_without_classes(b: Block) -> bool:
    """A block of coded rows none of which is a 类 (3 digits): only 款 or 项 printed."""
    codes = [r.code for r in b.rows if r.code]
    return bool(codes) and not any(len(c) == 3 for c in codes)


def _class_rows(b: Block) -> tuple[dict[str, Row], dict[str, str]]:
    """The class rows of a block by code, else by normalised name (a key printed twice:
    the last row, at the first's place), and the normalised name of each key's row (each
    name normalised once). A class row is coded with three digits, or uncoded and no 款
    or 项 (a summary that prints each class with its 款 and 项 under it, uncoded: 财政事务
    and 行政运行 are no classes). An uncoded row is a 款 or 项 when the functional catalogue
    knows its name only as one, or when it stands below the classes (level 2, the level-1
    rows including names the catalogue knows as classes) under a name the catalogue does
    not know as a class. No balance or heading row is a class."""
    from ..codes import functional

    data: list[tuple[Row, str]] = []
    for r in b.rows:
        if r.kind is not RowKind.DATA or (r.code is not None and len(r.code) != 3):
            continue
        n = norm(r.name)
        if n not in _BALANCE_ROWS:
            data.append((r, n))
    levels = {id(r): {i.level for i in functional.lookup_name(r.name)}
              for r, _ in data if not r.code}
    classes_above = any(1 in levels[id(r)] for r, _ in data
                        if not r.code and (r.level or 1) == 1)
    rows: dict[str, Row] = {}
    names: dict[str, str] = {}
    for r, n in data:
        if not r.code:
            known = levels[id(r)]
            if (1 not in known) if known else (classes_above and (r.level or 1) >= 2):
                continue
        k = r.code if r.code else n
        rows[k] = r
        names[k] = n
    return rows, names


def _class_compare(ctx: Context, rid: str, ta: Table, ba: Block, key_a: str, tb: Table,
                   bb: Block, key_b: str, what: str, what_en: str,
                   le: bool = False) -> Iterator[Finding]:
    """Compare class rows (by code or name) of two tables; missing rows count as zero.
    Carry-over and balance rows of a summary (年终结转, 年末结转和结余, 结余分配 …) and the
    heading of its current-year items (一、本年支出, printed with their sum) are no class."""
    if any(_codes_without_classes(b) for b in (ba, bb)):
        return  # a table that prints only 款 or 项 rows has no class rows to compare
    rows_a, norm_a = _class_rows(ba)
    rows_b, norm_b = _class_rows(bb)
    if any(not rows and any(v is not None for r in b.totals() for v in r.values)
           for rows, b in ((rows_a, ba), (rows_b, bb))):
        return  # a table of its total alone (figures, no class row) says nothing of each
    names_b = {norm_b[k]: k for k in rows_b}
    names_a = {norm_a[k]: k for k in rows_a}
    # Without a column ``key_a`` no row of ``ba`` has a figure to compare; the figures of
    # the others are built only for the rows that do not agree exactly.
    for k, ra in rows_a.items() if ba.has(key_a) else ():
        kb = k if k in rows_b else names_b.get(norm_a[k])
        if kb is None:
            if _blank_or_zero(_raw(ba, ra, key_a)):
                continue  # nothing printed that the other table lacks
            fa = _fig(ta, ba, ra, key_a)
            if fa is not None and not fa.money.is_zero():
                zb = _zero_figure(tb, ra.name, key_b)
                yield ctx.finding(
                    rid, Severity.ERROR,
                    f"{ta.title}“{ra.name}”为{fa.money}，{tb.title}中没有该科目",
                    f"{ra.name!r} is {fa.money} in {ta.kind.value} but absent from "
                    f"{tb.kind.value}", fa.location, [zb.location], zb.money, fa.money)
            continue
        # Cells that agree exactly (or a part that does not exceed its whole) need no
        # figures: the check would pass in silence.
        # (Without a column ``key_b`` both ways skip the row.)
        va, vb = _raw(ba, ra, key_a), _raw(bb, rows_b[kb], key_b)
        if (_quietly_le(tb.unit, vb, ta.unit, va) if le else
                tb.unit is ta.unit and exact_sum(ta.unit, vb, [va])):
            continue
        fa, fb = _fig(ta, ba, ra, key_a), _fig(tb, bb, rows_b[kb], key_b)
        if fa is None or fb is None:
            continue
        f = (ctx.le_check(rid, fb, fa, what=f"{what}“{ra.name}”", what_en=f"{what_en} {k}")
             if le else ctx.equal_check(rid, fa, fb, what=f"{what}“{ra.name}”",
                                        what_en=f"{what_en} {k}"))
        if f and f.severity is Severity.ERROR and not le:
            f = _as_sum_of_children(ctx, rid, ta, ba, ra, key_a, fb, f,
                                    what=f"{what}“{ra.name}”", what_en=f"{what_en} {k}")
        if f:
            yield f
    for k, rb in rows_b.items():
        if _blank_or_zero(_raw(bb, rb, key_b)) or k in rows_a or norm_b[k] in names_a:
            continue
        fb2 = _fig(tb, bb, rb, key_b)
        if fb2 is not None and not fb2.money.is_zero():
            fa0 = _zero_figure(ta, rb.name, key_a)
            yield ctx.finding(
                rid, Severity.ERROR,
                f"{tb.title}“{rb.name}”为{fb2.money}，{ta.title}中没有该科目",
                f"{rb.name!r} is {fb2.money} in {tb.kind.value} but absent from {ta.kind.value}",
                fb2.location, [fa0.location], fa0.money, fb2.money)


@RULES.rule("cross.summary_classes", title="收支总表各类支出与支出总表一致",
      title_en="Summary table spending classes equal the expenditure table",
      category=Category.CROSS_TABLE, applies="when the 收支总表 and 支出总表 are both present",
      when=Requires(TableKind.SUMMARY, TableKind.EXPENDITURE))
def summary_classes(ctx: Context) -> Iterator[Finding]:
    """Each spending class of the summary table equals the same class's 合计 in the
    expenditure table (matched by name), and 本年支出合计 equals its 合计 row."""
    t1, t3 = ctx.table(TableKind.SUMMARY), ctx.table(TableKind.EXPENDITURE)
    assert t1 is not None and t3 is not None
    exp = next((b for b in t1.blocks if b.name == "expenditure"), None)
    if exp is None or not t3.blocks:
        return
    b3 = t3.blocks[0]
    rid = "cross.summary_classes"
    yield from _class_compare(ctx, rid, t3, b3, "total", t1, exp, "total",
                              "收支总表与支出总表：", "summary vs expenditure class")
    cur = ctx.find_row(exp, "本年支出合计", "支出合计")
    tot3 = ctx.total_row(b3)
    if cur is not None and tot3 is not None:
        a, b = _fig(t3, b3, tot3, "total"), _fig(t1, exp, cur, "total")
        if a is not None and b is not None:
            f = ctx.equal_check(rid, a, b, what="收支总表本年支出合计与支出总表合计",
                                what_en="summary current-year spending vs expenditure total")
            if f:
                yield f


def _code_compare(ctx: Context, rid: str, ta: Table, tb: Table, keys: tuple[str, ...],
                  what: str, what_en: str, le: bool) -> Iterator[Finding]:
    """Compare two functional tables code by code (and their 合计 rows), column by column.

    With ``le``, ``tb`` may be smaller than ``ta`` (a part of it)."""
    if not ta.blocks or not tb.blocks:
        return
    ba, bb = ta.blocks[0], tb.blocks[0]
    ra, rb = ctx.coded_rows(ba), ctx.coded_rows(bb)
    # A missing row is a zero only between two tables of the same codes: a table by unit
    # (no codes) or by economic item (3xx) says nothing of a functional code.
    if not ra or not rb or not {c[:1] for c in ra} & {c[:1] for c in rb}:
        ra = rb = {}
    pairs: list[tuple[str, Row | None, Row | None]] = [
        (c, ra.get(c), rb.get(c)) for c in sorted(set(ra) | set(rb))]
    ta_tot, tb_tot = ctx.total_row(ba), ctx.total_row(bb)
    if ta_tot is not None and tb_tot is not None:
        pairs.insert(0, ("合计", ta_tot, tb_tot))
    # the columns both tables print, with their positions (looked up once)
    columns = [(key, ia, ib) for key in keys
               if (ia := ba.position(key)) is not None and (ib := bb.position(key)) is not None]
    one_unit = tb.unit is ta.unit and type(ta.unit) is Unit
    for code, x, y in pairs:
        for key, ia, ib in columns:
            # Cells that agree exactly (or a part that does not exceed its whole) need no
            # figures: the check would pass in silence. A missing row is a zero, as is a
            # blank cell.
            vx = None if x is None or ia >= len(x.values) else x.values[ia]
            vy = None if y is None or ib >= len(y.values) else y.values[ib]
            if one_unit:
                if vx is None and vy is None:
                    continue  # both blank: zero and zero, equal (and neither exceeds)
                if type(vx) is Decimal and type(vy) is Decimal and vx.is_finite() \
                        and vy.is_finite() and (vy <= vx if le else vx == vy):
                    continue  # both printed and they agree (the common cell)
            if (_quietly_le(tb.unit, vy, ta.unit, vx) if le else
                    tb.unit is ta.unit and exact_sum(ta.unit, vy, [vx])):
                continue
            fx = _fig(ta, ba, x, key) if x is not None else _zero_figure(ta, code, key)
            fy = _fig(tb, bb, y, key) if y is not None else _zero_figure(tb, code, key)
            if fx is None or fy is None:
                continue
            if le:
                f = ctx.le_check(rid, fy, fx, what=f"{what}{code}（{key}）",
                                 what_en=f"{what_en} {code} ({key})")
            else:
                f = ctx.equal_check(rid, fx, fy, what=f"{what}{code}（{key}）",
                                    what_en=f"{what_en} {code} ({key})")
            if f:
                yield f


@RULES.rule("cross.income_expenditure", title="收入总表与支出总表按科目一致",
      title_en="Income and expenditure tables agree code by code",
      category=Category.CROSS_TABLE,
      applies="in a budget, when both tables are by functional code (every code's 合计 in "
              "both); not in a 决算, whose income and spending by code differ by the "
              "carry-overs",
      when=Requires(TableKind.INCOME, TableKind.EXPENDITURE, kind=ReportKind.BUDGET))
def income_expenditure(ctx: Context) -> Iterator[Finding]:
    """The income table and the expenditure table break the same money down by the same
    functional codes, so each code's 合计 is the same in both."""
    t2, t3 = ctx.table(TableKind.INCOME), ctx.table(TableKind.EXPENDITURE)
    assert t2 is not None and t3 is not None
    yield from _code_compare(ctx, "cross.income_expenditure", t3, t2, ("total",),
                             "支出总表与收入总表：", "expenditure vs income", le=False)


@RULES.rule("cross.general_vs_expenditure", title="一般公共预算支出表与支出总表按科目一致（或不大于）",
      title_en="General-budget spending equals (or is part of) total spending, code by code",
      category=Category.CROSS_TABLE,
      applies="equal when all money is general-budget money of the year; otherwise the "
              "general-budget table must not exceed the expenditure table",
      when=Requires(TableKind.GENERAL_EXPENDITURE, TableKind.EXPENDITURE))
def general_vs_expenditure(ctx: Context) -> Iterator[Finding]:
    """一般公共预算支出表 against 支出总表, code by code and column by column (合计, 基本,
    项目): equal when the report's only income is the year's general budget, else ≤."""
    t3, t5 = ctx.table(TableKind.EXPENDITURE), ctx.table(TableKind.GENERAL_EXPENDITURE)
    assert t3 is not None and t5 is not None
    equal = _only_general_budget(ctx.report)
    yield from _code_compare(ctx, "cross.general_vs_expenditure", t3, t5,
                             ("total", "basic", "project"), "支出总表与一般公共预算支出表：",
                             "expenditure vs general budget", le=not equal)


@RULES.rule("cross.grant_summary", title="财政拨款收支总表与收支总表、一般公共预算支出表、基金及国资表一致",
      title_en="Grant summary agrees with the summary, general-budget, fund and state-capital "
               "tables",
      category=Category.CROSS_TABLE, applies="when the 财政拨款收支总表 is present",
      when=Requires(TableKind.GRANT_SUMMARY))
def grant_summary(ctx: Context) -> Iterator[Finding]:
    """The grant summary's income items equal the summary's (一般公共预算, 政府性基金预算,
    国有资本经营预算); its 一般公共预算 column equals the general-budget table class by class
    and in total; its fund and state-capital columns equal those tables' totals."""
    rid = "cross.grant_summary"
    t4 = ctx.table(TableKind.GRANT_SUMMARY)
    assert t4 is not None
    inc4 = next((b for b in t4.blocks if b.name == "income"), None)
    exp4 = next((b for b in t4.blocks if b.name == "expenditure"), None)
    t1 = ctx.table(TableKind.SUMMARY)
    if t1 is not None and inc4 is not None:
        inc1 = next((b for b in t1.blocks if b.name == "income"), None)
        if inc1 is not None:
            for name in ("一般公共预算", "政府性基金预算", "国有资本经营预算"):
                r1, r4 = ctx.find_row(inc1, name), ctx.find_row(inc4, name)
                if r1 is None or r4 is None:
                    continue
                yield from ctx.equal_cells(
                    rid, (t1, inc1, r1, inc1.columns[0].key), (t4, inc4, r4, inc4.columns[0].key),
                    what=f"财政拨款收支总表与收支总表“{name}”收入",
                    what_en=f"grant summary vs summary income {name}")
    t5 = ctx.table(TableKind.GENERAL_EXPENDITURE)
    if exp4 is not None and t5 is not None and t5.blocks and exp4.has("general_budget"):
        b5 = t5.blocks[0]
        yield from _class_compare(ctx, rid, t5, b5, "total", t4, exp4, "general_budget",
                                  "财政拨款收支总表一般公共预算列与一般公共预算支出表：",
                                  "grant summary general budget vs general-budget table")
        cur = ctx.find_row(exp4, "本年支出合计", "支出合计")
        tot5 = ctx.total_row(b5)
        if cur is not None and tot5 is not None:
            a, b = _fig(t5, b5, tot5, "total"), _fig(t4, exp4, cur, "general_budget")
            if a is not None and b is not None:
                f = ctx.equal_check(rid, a, b,
                                    what="财政拨款收支总表本年支出（一般公共预算）与一般公共预算支出表合计",
                                    what_en="grant summary general-budget spending vs general-"
                                            "budget table total")
                if f:
                    yield f
    for kind, key, label in ((TableKind.FUND_EXPENDITURE, "fund_budget", "政府性基金"),
                             (TableKind.STATE_CAPITAL, "state_capital", "国有资本经营")):
        other = ctx.table(kind)
        if exp4 is None or other is None or not exp4.has(key) or not other.blocks:
            continue
        cur = ctx.find_row(exp4, "本年支出合计", "支出合计")
        tot = ctx.total_row(other.blocks[0])
        if cur is None:
            continue
        b = _fig(t4, exp4, cur, key)
        a = (_fig(other, other.blocks[0], tot, "total") if tot is not None
             else _zero_figure(other, "合计", "total"))
        if a is not None and b is not None:
            f = ctx.equal_check(rid, a, b, what=f"财政拨款收支总表{label}列与{other.title}合计",
                                what_en=f"grant summary {key} vs {kind.value} total")
            if f:
                yield f


@RULES.rule("cross.basic_economic", title="一般公共预算基本支出合计与经济分类表合计一致",
      title_en="General-budget basic spending equals the economic-classification table",
      category=Category.CROSS_TABLE,
      applies="when the 一般公共预算支出表 and the 基本支出经济分类表 are both present",
      when=Requires(TableKind.GENERAL_EXPENDITURE, TableKind.BASIC_ECONOMIC))
def basic_economic(ctx: Context) -> Iterator[Finding]:
    """The 基本支出 of the general-budget table's 合计 row equals the 合计 of the basic
    spending table by economic item."""
    t5, t6 = ctx.table(TableKind.GENERAL_EXPENDITURE), ctx.table(TableKind.BASIC_ECONOMIC)
    assert t5 is not None and t6 is not None
    if not t5.blocks or not t6.blocks:
        return
    r5 = ctx.total_row(t5.blocks[0])
    # The 合计 row by its name: a 决算 table closes with 人员经费合计 and 公用经费合计 (see
    # ``table.final.economic_groups``), neither of which is the whole.
    r6 = ctx.find_row(t6.blocks[0], "合计", "基本支出合计")
    if r5 is None or r6 is None:
        return
    a, b = _fig(t5, t5.blocks[0], r5, "basic"), _fig(t6, t6.blocks[0], r6, "total")
    if a is not None and b is not None:
        f = ctx.equal_check("cross.basic_economic", a, b,
                            what="基本支出经济分类表合计与一般公共预算支出表基本支出",
                            what_en="economic table total vs general-budget basic spending")
        if f:
            yield f


@RULES.rule("cross.projects", title="项目支出表与支出表的项目支出一致",
      title_en="The project list equals the project spending of the expenditure tables",
      category=Category.CROSS_TABLE,
      applies="in a budget with a 项目支出预算表: its 一般公共预算 column equals the general-"
              "budget table's 项目支出; 本年 + 上年结转 project lists equal the expenditure "
              "table's 项目支出 (a 决算's project tables are not the year's plan)",
      when=Requires(TableKind.PROJECTS, kind=ReportKind.BUDGET))
def projects(ctx: Context) -> Iterator[Finding]:
    """Σ of the project list (本年) in the 一般公共预算 column = 项目支出 of the general-
    budget table; Σ of both project lists (本年 + 上年结转) = 项目支出 of the expenditure
    table."""
    rid = "cross.projects"
    t12 = ctx.table(TableKind.PROJECTS)
    assert t12 is not None

    def list_total(t: Table | None, key: str) -> list[Figure]:
        if t is None or not t.blocks:
            return []
        b = t.blocks[0]
        tot = ctx.total_row(b)
        if tot is not None:
            f = _fig(t, b, tot, key)
            return [f] if f is not None else []
        groups = [r for r in b.rows if r.kind is RowKind.GROUP]
        rows = groups or [r for r in b.rows if r.kind is RowKind.DATA]
        return [f for r in rows if (f := _fig(t, b, r, key)) is not None]

    t5 = ctx.table(TableKind.GENERAL_EXPENDITURE)
    if t5 is not None and t5.blocks:
        tot5 = ctx.total_row(t5.blocks[0])
        terms = list_total(t12, "general_budget")
        if tot5 is not None and terms:
            target = _fig(t5, t5.blocks[0], tot5, "project")
            if target is not None:
                f = ctx.sum_check(rid, terms, target,
                                  what="一般公共预算支出表项目支出与项目支出表（一般公共预算）之和",
                                  what_en="general-budget project spending vs the project list")
                if f:
                    yield f
    t3 = ctx.table(TableKind.EXPENDITURE)
    if t3 is not None and t3.blocks:
        tot3 = ctx.total_row(t3.blocks[0])
        terms = list_total(t12, "total") + list_total(ctx.table(TableKind.PROJECTS_CARRYOVER),
                                                      "total")
        if tot3 is not None and terms:
            target = _fig(t3, t3.blocks[0], tot3, "project")
            if target is not None:
                f = ctx.sum_check(rid, terms, target,
                                  what="支出总表项目支出与项目支出表（本年+上年结转）之和",
                                  what_en="expenditure-table project spending vs the project "
                                          "lists")
                if f:
                    yield f


_ECON_TP = (
    ("因公出国（境）费用", "abroad"), ("公务接待费", "reception"),
    ("公务用车运行维护费", "vehicle_operation"), ("公务用车购置", "vehicle_purchase"),
)


@RULES.rule("cross.three_public_economic", title="经济分类表中的“三公”科目不超过“三公”经费表",
      title_en="三公 items of the economic table do not exceed the 三公 table",
      category=Category.CROSS_TABLE,
      applies="when both tables are present; the 三公 table covers basic and project "
              "spending, the economic table basic spending only, so this is ≤, not =",
      when=Requires(TableKind.THREE_PUBLIC, TableKind.BASIC_ECONOMIC))
def three_public_economic(ctx: Context) -> Iterator[Finding]:
    """30212 因公出国（境）费用 ≤ 因公出国（境）费; 30217 公务接待费 ≤ 公务接待费;
    30231 公务用车运行维护费 ≤ 运行维护费; 31013 公务用车购置 ≤ 购置费."""
    t6, t10 = ctx.table(TableKind.BASIC_ECONOMIC), ctx.table(TableKind.THREE_PUBLIC)
    assert t6 is not None and t10 is not None
    items = three_public_items(ctx, t10)
    for b in t6.blocks:
        for name, key in _ECON_TP:
            r = ctx.find_row(b, name)
            if r is None:
                r = ctx.find_row_starting(b, name)
            if r is None:
                continue
            part = _fig(t6, b, r, "total")
            whole = items.get(key)
            if whole is None:
                # an item the 三公 table does not print is zero only when the table is
                # empty; otherwise its row was not recognised: nothing to compare
                if ctx.has_data(t10):
                    continue
                whole = _zero_figure(t10, name, "total")
            if part is None:
                continue
            f = ctx.le_check("cross.three_public_economic", part, whole,
                             what=f"经济分类表“{r.name}”与“三公”经费表",
                             what_en=f"economic item {r.name!r} vs the 三公 table ({key})")
            if f:
                yield f


@RULES.rule("cross.operating_costs", title="机关运行经费不超过基本支出中的公用经费",
      title_en="Operating costs do not exceed the public funds of basic spending",
      category=Category.CROSS_TABLE, severity=Severity.ERROR,
      applies="when the 机关运行经费 table and the economic table are present; equal for an "
              "administrative unit funded only by the general budget, so a shortfall is info",
      when=Requires(TableKind.OPERATING_COSTS, TableKind.BASIC_ECONOMIC))
def operating_costs(ctx: Context) -> Iterator[Finding]:
    """机关运行经费 ≤ 公用经费 of the basic spending table (it is the 公用经费 of
    administrative units and 参公 institutions)."""
    t11, t6 = ctx.table(TableKind.OPERATING_COSTS), ctx.table(TableKind.BASIC_ECONOMIC)
    assert t11 is not None and t6 is not None
    if not t11.blocks or not t6.blocks:
        return
    r11, r6 = ctx.total_row(t11.blocks[0]), ctx.total_row(t6.blocks[0])
    if r11 is None or r6 is None:
        return
    part = _fig(t11, t11.blocks[0], r11, "total")
    whole = _fig(t6, t6.blocks[0], r6, "public")
    if part is None or whole is None:
        return
    f = ctx.le_check("cross.operating_costs", part, whole, what="机关运行经费与公用经费",
                     what_en="operating costs vs public funds")
    if f:
        yield f
    elif part.money < whole.money:
        yield ctx.finding(
            "cross.operating_costs", Severity.INFO,
            f"机关运行经费{part.money}小于公用经费{whole.money}：仅当单位含非行政（非参公）部分或有"
            "非一般公共预算资金时才应如此",
            f"operating costs {part.money} are below public funds {whole.money}: expected only "
            "for units with non-administrative parts or other funds",
            part.location, [whole.location], whole.money, part.money)


_FUND_TABLES = (
    (TableKind.FUND_INCOME, ("政府性基金预算",), "fund_budget"),
    (TableKind.FUND_EXPENDITURE, ("政府性基金预算",), "fund_budget"),
    (TableKind.STATE_CAPITAL, ("国有资本经营预算",), "state_capital"),
)


_EMPTY_CODES: Final = {c.id.rsplit(".", 1)[1]: c for c in (
    Code("cross.empty_tables.not_marked", "空表未注明“本表无数据”", "An empty table without the note",
         "{table}没有数据，但未注明“本表无数据”", "{kind} has no figures but no empty-table note",
         {"table": "政府性基金预算支出表", "kind": "fund_expenditure"}),
    Code("cross.empty_tables.no_income", "表有数据而总表该项收入为零",
         "A table with figures, its income zero in the summary",
         "{table}有数据，但收支总表中“{income}”收入为零",
         "{kind} has figures but the summary shows no {income} income",
         {"table": "政府性基金预算支出表", "kind": "fund_expenditure", "income": "政府性基金预算"}),
    Code("cross.empty_tables.empty_with_income", "总表有该项收入而表为空",
         "Income in the summary, the table empty",
         "收支总表中“{income}”收入为{amount}，但{table}为空",
         "the summary shows {amount} of {income} income but {kind} is empty",
         {"table": "政府性基金预算支出表", "kind": "fund_expenditure", "income": "政府性基金预算",
          "amount": "12.00"}),
)}


@RULES.rule("cross.empty_tables", title="空表与总表中为零的资金一致，空表须注明",
      title_en="Empty tables match zero columns of the summaries, and say they are empty",
      category=Category.CROSS_TABLE, severity=Severity.ERROR,
      applies="for the fund, state-capital and carry-over tables",
      codes=tuple(_EMPTY_CODES.values()))
def empty_tables(ctx: Context) -> Iterator[Finding]:
    """A fund or state-capital table is empty exactly when the summary tables show no such
    money; a table without data must say so (本表无数据); a carry-over project list has
    data only if there is carry-over money."""
    rid = "cross.empty_tables"
    t1 = ctx.table(TableKind.SUMMARY)
    inc = next((b for b in t1.blocks if b.name == "income"), None) if t1 else None
    for kind, names, _key in _FUND_TABLES:
        t = ctx.table(kind)
        if t is None:
            continue
        has = ctx.has_data(t)
        if not has and not t.empty:
            c = _EMPTY_CODES["not_marked"]
            yield ctx.finding(rid, Severity.WARNING, *c.message(table=t.title, kind=kind.value),
                              Location.in_table(t), code=c.id)
        if t1 is None or inc is None:
            continue
        r = ctx.find_row(inc, *names)
        if ctx.report.kind is not ReportKind.BUDGET:
            continue  # in a 决算 a fund table may hold carry-overs without the year's income
        if r is None:
            # 政府性基金预算拨款收入, 政府性基金收入 …: the income row named for the fund
            r = next((x for x in inc.rows if any(
                norm(ENUMERATOR.sub("", x.name)).startswith(norm(n)) for n in names)), None)
        if r is None:
            continue  # the summary prints no row for this money: nothing to compare with
        src = r.values[0] if r.values else None
        if bool(has) is bool(src):
            continue  # data and income alike (the common case): no location to build
        income = Location(section=t1.title, table=t1.kind.value, row_name=names[0], line=r.line)
        if has and not src:
            c = _EMPTY_CODES["no_income"]
            yield ctx.finding(rid, Severity.ERROR,
                              *c.message(table=t.title, kind=kind.value, income=names[0]),
                              Location.in_table(t), [income], code=c.id)
        if src and not has:
            c = _EMPTY_CODES["empty_with_income"]
            yield ctx.finding(rid, Severity.ERROR,
                              *c.message(table=t.title, kind=kind.value, income=names[0],
                                         amount=src),
                              Location.in_table(t), [income], code=c.id)
    t13 = ctx.table(TableKind.PROJECTS_CARRYOVER)
    if t13 is not None and not ctx.has_data(t13) and not t13.empty:
        c = _EMPTY_CODES["not_marked"]
        yield ctx.finding(rid, Severity.WARNING, *c.message(table=t13.title, kind=t13.kind.value),
                          Location.in_table(t13), code=c.id)
