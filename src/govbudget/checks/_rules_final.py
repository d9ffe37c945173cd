"""Rules of a final account (决算): the identities a budget does not have.

A 决算 uses the budget's table kinds (`govbudget.TableKind`) with 决算 columns and rows;
every rule here applies only to a report whose kind is `govbudget.ReportKind.FINAL` and
that has the tables the rule needs (its ``when`` is a `Requires`). The identities the two
share (类 = Σ款, 合计 = 基本 + 项目 (+ 上缴上级 + 经营 + 对附属单位补助), income rows = Σ
sources, 财政拨款 columns = the general-budget, fund and state-capital tables, 基本支出 =
the economic table, 三公 合计 = 出国 + 用车 + 接待 on each of 预算数 and 决算数) are the
budget rules, which work by column key.

Sources: `/work/shared/research/standards.md` §1.5 (D1–D11, from the Shanghai 2024
部门决算模板 SH-FIN-TPL and the 上海市普陀区财政局 2024 决算 SH-FIN-CZJ, on which D1, D2,
D5 and D7 were verified) and §3.4 (人员经费 = 301 + 303, 公用经费 = 302 + 310).
Rounding is reasoned by `govbudget.explain_gap` through `Context.sum_check`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .._findings import Finding
from .._report import ReportKind
from .._tables import Block, Row, RowKind, Table, TableKind
from ._context import Context, Figure, norm
from ._registry import Category, Requires, RuleSet

RULES = RuleSet()

_SUMMARIES = (TableKind.SUMMARY, TableKind.GRANT_SUMMARY)

_CURRENT_IN = frozenset(norm(x) for x in ("本年收入合计", "收入合计"))
_CURRENT_OUT = frozenset(norm(x) for x in ("本年支出合计", "支出合计"))
_GRAND = frozenset(norm(x) for x in ("总计", "收入总计", "支出总计"))
# Rows added to 本年收入合计 to make the income 总计 (D1); to 本年支出合计 for the spending
# 总计 (D2). In the 财政拨款收入支出决算总表 the carry-overs are the 财政拨款 ones (D5).
_ADD_IN = frozenset(norm(x) for x in ("使用非财政拨款结余", "年初结转和结余",
                                      "年初财政拨款结转和结余", "上年结转和结余"))
_ADD_OUT = frozenset(norm(x) for x in ("结余分配", "年末结转和结余", "年末财政拨款结转和结余"))
# (In a 财政拨款 table the unqualified 年初结转和结余 is the grants' carry-in too.)
_CARRY_IN_GRANT = frozenset(norm(x) for x in ("年初财政拨款结转和结余", "年初结转和结余"))
_CARRY_OUT_GRANT = frozenset(norm(x) for x in ("年末财政拨款结转和结余", "年末结转和结余"))
# The funds of the 财政拨款 tables: income rows (by name) and spending columns (by key).
_FUNDS = (
    ("general_budget", ("一般公共预算财政拨款", "一般公共预算财政拨款收入", "一般公共预算")),
    ("fund_budget", ("政府性基金预算财政拨款", "政府性基金预算财政拨款收入", "政府性基金预算")),
    ("state_capital", ("国有资本经营预算财政拨款", "国有资本经营预算财政拨款收入",
                       "国有资本经营预算")),
)


def _block(t: Table, name: str) -> Block | None:
    return next((b for b in t.blocks if b.name == name), None)


def _index(rows: Sequence[Row], names: frozenset[str], start: int = 0) -> int | None:
    return next((i for i in range(start, len(rows)) if norm(rows[i].name) in names), None)


def _grand_total(ctx: Context, rid: str, t: Table, b: Block, current: frozenset[str],
                 added: frozenset[str], key: str, what: str, what_en: str
                 ) -> Finding | None:
    """总计 = the year's 合计 + the rows named in ``added`` printed between the two."""
    rows = list(b.rows)
    i_cur = _index(rows, current)
    if i_cur is None:
        return None
    i_tot = _index(rows, _GRAND, i_cur + 1)
    if i_tot is None:
        return None
    extra = [r for r in rows[i_cur + 1:i_tot] if norm(r.name) in added]
    return ctx.sum_cells(rid, t, b, rows[i_tot], [rows[i_cur], *extra], key, what=what,
                         what_en=what_en)


@RULES.rule("table.final.income_total", title="决算总计（收入）=本年收入合计+使用非财政拨款结余+年初结转和结余",
      title_en="决算 income: total = current-year income + use of non-grant balances + "
               "balances brought forward",
      category=Category.IN_TABLE,
      applies="a 决算's 收入支出决算总表 (and its 财政拨款收入支出决算总表: 本年收入合计 + 年初"
              "财政拨款结转和结余); standards.md §1.5 D1, D5",
      when=Requires(kind=ReportKind.FINAL))
def income_total(ctx: Context) -> Iterator[Finding]:
    """收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余 (D1, verified on the
    Shanghai 财政局 2024 决算: 2,946.25 + 49.14 = 2,995.39); in the 财政拨款 summary 总计 =
    本年收入合计 + 年初财政拨款结转和结余 (D5)."""
    rid = "table.final.income_total"
    for t in ctx.tables(*_SUMMARIES):
        inc = _block(t, "income")
        if inc is None or not inc.columns:
            continue
        f = _grand_total(ctx, rid, t, inc, _CURRENT_IN, _ADD_IN, inc.columns[0].key,
                         what=f"{t.title}收入总计与本年收入合计+使用非财政拨款结余+年初结转和结余",
                         what_en=f"{t.kind.value}: income total vs current income + balances")
        if f is not None:
            yield f


@RULES.rule("table.final.spending_total", title="决算总计（支出）=本年支出合计+结余分配+年末结转和结余",
      title_en="决算 spending: total = current-year spending + appropriation of balances + "
               "balances carried forward",
      category=Category.IN_TABLE,
      applies="a 决算's 收入支出决算总表 and 财政拨款收入支出决算总表, in every column; "
              "standards.md §1.5 D2, D5",
      when=Requires(kind=ReportKind.FINAL))
def spending_total(ctx: Context) -> Iterator[Finding]:
    """支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余 (D2: 2,940.05 + 55.34 = 2,995.39
    on the Shanghai 财政局 2024 决算), column by column (合计 and each fund of the 财政拨款
    summary: 本年支出合计 + 年末财政拨款结转和结余, D5)."""
    rid = "table.final.spending_total"
    for t in ctx.tables(*_SUMMARIES):
        exp = _block(t, "expenditure")
        if exp is None:
            continue
        for col in exp.columns:
            f = _grand_total(ctx, rid, t, exp, _CURRENT_OUT, _ADD_OUT, col.key,
                             what=f"{t.title}支出总计（{col.label}）与本年支出合计+结余分配+年末结转和结余",
                             what_en=f"{t.kind.value}: spending total ({col.key}) vs current "
                                     "spending + balances")
            if f is not None:
                yield f


@RULES.rule("table.final.totals_equal", title="决算收入总计=支出总计",
      title_en="决算: the income total equals the spending total",
      category=Category.IN_TABLE,
      applies="a 决算's 收入支出决算总表 and 财政拨款收入支出决算总表 (both print 总计); "
              "standards.md §1.5 (SH-FIN-TPL)",
      when=Requires(kind=ReportKind.FINAL))
def totals_equal(ctx: Context) -> Iterator[Finding]:
    """The 总计 of the income side equals the 总计 of the spending side."""
    rid = "table.final.totals_equal"
    for t in ctx.tables(*_SUMMARIES):
        inc, exp = _block(t, "income"), _block(t, "expenditure")
        if inc is None or exp is None or not inc.columns:
            continue
        a_row = next((r for r in inc.rows if norm(r.name) in _GRAND), None)
        b_row = next((r for r in exp.rows if norm(r.name) in _GRAND), None)
        if a_row is None or b_row is None:
            continue
        yield from ctx.equal_cells(
            rid, (t, inc, a_row, inc.columns[0].key), (t, exp, b_row, "total"),
            what=f"{t.title}支出总计与收入总计",
            what_en=f"{t.kind.value}: spending total vs income total")


@RULES.rule("table.final.grant_carry_in", title="年初财政拨款结转和结余=各资金之和",
      title_en="Grant balances brought forward equal the sum of their funds",
      category=Category.IN_TABLE,
      applies="a 决算's 财政拨款收入支出决算总表 that prints the funds under 年初财政拨款结转和结余",
      when=Requires(TableKind.GRANT_SUMMARY, kind=ReportKind.FINAL))
def grant_carry_in(ctx: Context) -> Iterator[Finding]:
    """年初财政拨款结转和结余 = 一般公共预算财政拨款 + 政府性基金预算财政拨款 + 国有资本经营
    预算财政拨款, the rows printed under it (SH-FIN-TPL)."""
    rid = "table.final.grant_carry_in"
    for t in ctx.tables(TableKind.GRANT_SUMMARY):
        inc = _block(t, "income")
        if inc is None or not inc.columns:
            continue
        rows = list(inc.rows)
        i = _index(rows, _CARRY_IN_GRANT)
        if i is None:
            continue
        end = _index(rows, _GRAND, i + 1)
        subs = [r for r in rows[i + 1:end] if r.kind is RowKind.DATA]
        if not subs:
            continue
        f = ctx.sum_cells(rid, t, inc, rows[i], subs, inc.columns[0].key,
                          what=f"{t.title}年初财政拨款结转和结余与各资金之和",
                          what_en="grant balances brought forward vs their funds")
        if f:
            yield f


@RULES.rule("table.final.grant_by_fund", title="每项财政拨款：年初结转和结余+本年收入=本年支出+年末结转和结余",
      title_en="Each grant fund: brought forward + income = spending + carried forward",
      category=Category.IN_TABLE,
      applies="a 决算's 财政拨款收入支出决算总表, for each fund whose income, carry-in, spending "
              "column and carry-out are printed; standards.md §1.5 D5",
      when=Requires(TableKind.GRANT_SUMMARY, kind=ReportKind.FINAL))
def grant_by_fund(ctx: Context) -> Iterator[Finding]:
    """For 一般公共预算, 政府性基金预算 and 国有资本经营预算 财政拨款 each: the income row of
    the fund + its row under 年初财政拨款结转和结余 = the fund's column of 本年支出合计 + of
    年末财政拨款结转和结余 (D5, verified on the Shanghai 财政局 2024 决算)."""
    rid = "table.final.grant_by_fund"
    for t in ctx.tables(TableKind.GRANT_SUMMARY):
        inc, exp = _block(t, "income"), _block(t, "expenditure")
        if inc is None or exp is None or not inc.columns:
            continue
        rows = list(inc.rows)
        i_cur = _index(rows, _CURRENT_IN)
        i_carry = _index(rows, _CARRY_IN_GRANT)
        erows = list(exp.rows)
        e_cur = _index(erows, _CURRENT_OUT)
        e_carry = _index(erows, _CARRY_OUT_GRANT)
        if i_cur is None or e_cur is None:
            continue
        key = inc.columns[0].key
        for col, names in _FUNDS:
            if not exp.has(col):
                continue
            wanted = frozenset(norm(n) for n in names)
            income = next((r for r in rows[:i_cur] if norm(r.name) in wanted), None)
            carry = None
            if i_carry is not None:
                end = _index(rows, _GRAND, i_carry + 1)
                carry = next((r for r in rows[i_carry + 1:end] if norm(r.name) in wanted), None)
            if income is None or (i_carry is not None and carry is None):
                continue  # the fund's rows are not all printed: nothing to compare
            # income + carry-in = spending + carry-out, checked as
            # spending + carry-out (the terms) against income + carry-in (a sum figure).
            left = [g for r in (income, carry) if r is not None
                    and (g := Figure.cell(t, inc, r, key)) is not None]
            right = [g for r in (erows[e_cur], erows[e_carry] if e_carry is not None else None)
                     if r is not None and (g := Figure.cell(t, exp, r, col)) is not None]
            if not left or not right:
                continue
            yield from _balance(ctx, rid, left, right,
                                what=f"{t.title}{names[0]}：年初结转和结余+本年收入与本年支出+年末结转和结余",
                                what_en=f"{t.kind.value} {col}: brought forward + income vs "
                                        "spending + carried forward")


def _balance(ctx: Context, rid: str, left: Sequence[Figure], right: Sequence[Figure], *,
             what: str, what_en: str) -> Iterator[Finding]:
    """Σ left = Σ right, each figure rounded on its own: checked as Σ right against the
    last figure of ``left`` plus the others moved across (``a + b = c + d`` ⇔
    ``c + d − a = b``); the rounding bound counts every figure."""
    from .._money import Money

    if len(left) == 1:
        f = ctx.sum_check(rid, list(right), left[0], what=what, what_en=what_en)
        if f:
            yield f
        return
    *moved, target = left
    negated = []
    for m in moved:
        g = Figure(Money.of(-m.money.amount, m.money.unit), m.quantum, m.location)
        negated.append(g)
    f = ctx.sum_check(rid, [*right, *negated], target, what=what, what_en=what_en)
    if f:
        yield f


_FUND_TABLES = (TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL)


@RULES.rule("table.final.fund_balance", title="基金、国资决算表每行：年初结转和结余+本年收入=本年支出+年末结转和结余",
      title_en="Fund and state-capital tables, each row: brought forward + income = spending "
               "+ carried forward",
      category=Category.IN_TABLE,
      applies="a 决算's 政府性基金 and 国有资本经营预算财政拨款收入支出决算表 that print the "
              "年初结转和结余, 本年收入 and 年末结转和结余 columns; standards.md §1.5 D11",
      when=Requires(kind=ReportKind.FINAL))
def fund_balance(ctx: Context) -> Iterator[Finding]:
    """Each row of a fund table: 年初结转和结余 + 本年收入 = 本年支出 (合计) + 年末结转和结余
    (D11: how the table is built; SH-FIN-TPL columns)."""
    rid = "table.final.fund_balance"
    for t in ctx.tables(*_FUND_TABLES):
        for b in t.blocks:
            if not all(b.has(k) for k in ("carry_in", "income", "total", "carry_out")):
                continue
            for r in b.rows:
                ci, inc = Figure.cell(t, b, r, "carry_in"), Figure.cell(t, b, r, "income")
                tot, co = Figure.cell(t, b, r, "total"), Figure.cell(t, b, r, "carry_out")
                if ci is None or inc is None or tot is None or co is None:
                    continue
                yield from _balance(ctx, rid, [ci, inc], [tot, co],
                                    what=f"{t.title}“{r.code or r.name}”年初结转和结余+本年收入"
                                         "与本年支出+年末结转和结余",
                                    what_en=f"{t.kind.value} row {r.code or r.name}: brought "
                                            "forward + income vs spending + carried forward")


_PERSONNEL = ("301", "303")
_PUBLIC = ("302", "310")


@RULES.rule("table.final.economic_groups",
            title="人员经费合计=工资福利支出+对个人和家庭的补助，公用经费合计=商品和服务支出+资本性支出",
      title_en="Personnel total = 301 + 303; public total = 302 + 310",
      category=Category.IN_TABLE,
      applies="a 决算's 一般公共预算财政拨款基本支出决算表 that closes with 人员经费合计 and 公用"
              "经费合计 rows (no other economic class with an amount); standards.md §3.4",
      when=Requires(TableKind.BASIC_ECONOMIC, kind=ReportKind.FINAL))
def economic_groups(ctx: Context) -> Iterator[Finding]:
    """人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助; 公用经费合计 = 302 商品和
    服务支出 + 310 资本性支出 (SH-FIN-TPL; verified on the Shanghai 财政局 2024 决算: 2,082.85
    + 69.41 = 2,152.26 and 171.07 + 13.58 = 184.65). Not checked when another class (307
    债务利息, 399 其他支出) holds an amount: where it belongs is not stated."""
    rid = "table.final.economic_groups"
    for t in ctx.tables(TableKind.BASIC_ECONOMIC):
        for b in t.blocks:
            personnel = ctx.find_row(b, "人员经费合计")
            public = ctx.find_row(b, "公用经费合计")
            if personnel is None or public is None:
                continue
            classes = {r.code: r for r in b.rows if r.code and len(r.code) == 3}
            key = b.columns[0].key
            others = [r for c, r in classes.items() if c not in _PERSONNEL + _PUBLIC
                      and b.value(r, key)]
            if others:
                continue
            for head, codes, label in ((personnel, _PERSONNEL, "人员经费"),
                                       (public, _PUBLIC, "公用经费")):
                parts = [classes[c] for c in codes if c in classes]
                f = ctx.sum_cells(rid, t, b, head, parts, key,
                                  what=f"{t.title}{label}合计与{'+'.join(codes)}之和",
                                  what_en=f"{label} total vs {' + '.join(codes)}")
                if f:
                    yield f


@RULES.rule("cross.final.summary_income", title="收入支出决算总表本年收入合计与收入决算表合计一致",
      title_en="决算: current-year income of the summary equals the income table's total",
      category=Category.CROSS_TABLE,
      applies="a 决算 with the 收入支出决算总表 and the 收入决算表; standards.md §1.5 D3",
      when=Requires(TableKind.SUMMARY, TableKind.INCOME, kind=ReportKind.FINAL))
def summary_income(ctx: Context) -> Iterator[Finding]:
    """本年收入合计 of the summary = 合计 of the income table (D3; the budget rule compares
    收入总计, which in a 决算 also holds the balances)."""
    t1, t2 = ctx.table(TableKind.SUMMARY), ctx.table(TableKind.INCOME)
    assert t1 is not None and t2 is not None
    inc = _block(t1, "income")
    if inc is None or not inc.columns or not t2.blocks:
        return
    cur = next((r for r in inc.rows if norm(r.name) in _CURRENT_IN), None)
    tot2 = ctx.total_row(t2.blocks[0])
    if cur is None or tot2 is None:
        return
    yield from ctx.equal_cells(
        "cross.final.summary_income", (t2, t2.blocks[0], tot2, "total"), (t1, inc, cur, inc.columns[0].key),
        what="收入支出决算总表本年收入合计与收入决算表合计",
        what_en="summary current-year income vs income table total")


@RULES.rule("cross.final.grant_income", title="财政拨款收入：收入决算表、收入支出决算总表与财政拨款收入支出决算总表一致",
      title_en="决算 grant income agrees across the income, summary and grant summary tables",
      category=Category.CROSS_TABLE,
      applies="a 决算 with the 财政拨款收入支出决算总表 and the 收入决算表 or the 收入支出决算总表; "
              "standards.md §1.5 D8",
      when=Requires(TableKind.GRANT_SUMMARY, kind=ReportKind.FINAL))
def grant_income(ctx: Context) -> Iterator[Finding]:
    """The 财政拨款收入 column of the income table's 合计 = 本年收入合计 of the grant summary
    (D8); each fund's income row of the summary (一般公共预算财政拨款收入 …) = the same
    fund's income row of the grant summary."""
    rid = "cross.final.grant_income"
    t4 = ctx.table(TableKind.GRANT_SUMMARY)
    assert t4 is not None
    inc4 = _block(t4, "income")
    if inc4 is None or not inc4.columns:
        return
    rows4 = list(inc4.rows)
    i_cur = _index(rows4, _CURRENT_IN)
    if i_cur is None:
        return
    key4 = inc4.columns[0].key
    t2 = ctx.table(TableKind.INCOME)
    if t2 is not None and t2.blocks and t2.blocks[0].has("grant"):
        tot2 = ctx.total_row(t2.blocks[0])
        if tot2 is not None:
            yield from ctx.equal_cells(
                rid, (t2, t2.blocks[0], tot2, "grant"), (t4, inc4, rows4[i_cur], key4),
                what="财政拨款收入支出决算总表本年收入合计与收入决算表财政拨款收入",
                what_en="grant summary current income vs income table grants")
    t1 = ctx.table(TableKind.SUMMARY)
    inc1 = _block(t1, "income") if t1 is not None else None
    if t1 is None or inc1 is None or not inc1.columns:
        return
    rows1 = list(inc1.rows)
    c1 = _index(rows1, _CURRENT_IN)
    if c1 is None:
        return
    for _col, names in _FUNDS:
        wanted = frozenset(norm(n) for n in names)
        r1 = next((r for r in rows1[:c1] if norm(r.name) in wanted), None)
        r4 = next((r for r in rows4[:i_cur] if norm(r.name) in wanted), None)
        if r1 is None or r4 is None:
            continue
        yield from ctx.equal_cells(
            rid, (t1, inc1, r1, inc1.columns[0].key), (t4, inc4, r4, key4),
            what=f"财政拨款收入支出决算总表与收入支出决算总表“{r1.name}”",
            what_en=f"grant summary vs summary income {r1.name!r}")


@RULES.rule("cross.final.basic_economic_groups", title="一般公共预算财政拨款基本支出=人员经费合计+公用经费合计",
      title_en="General-budget basic spending = personnel total + public total",
      category=Category.CROSS_TABLE,
      applies="a 决算 with the 一般公共预算财政拨款支出决算表 and a basic spending table that "
              "closes with 人员经费合计 and 公用经费合计 (no 合计 row); standards.md §1.5 D7",
      when=Requires(TableKind.GENERAL_EXPENDITURE, TableKind.BASIC_ECONOMIC,
                    kind=ReportKind.FINAL))
def basic_economic_groups(ctx: Context) -> Iterator[Finding]:
    """基本支出 of the general-budget table's 合计 row = 人员经费合计 + 公用经费合计 of the
    basic spending table (D7, verified on the Shanghai 财政局 2024 决算: 2,152.26 + 184.65 =
    2,336.91). A table with a 合计 row is compared by ``cross.basic_economic``."""
    t5, t6 = ctx.table(TableKind.GENERAL_EXPENDITURE), ctx.table(TableKind.BASIC_ECONOMIC)
    assert t5 is not None and t6 is not None
    if not t5.blocks or not t6.blocks:
        return
    b6 = t6.blocks[0]
    if ctx.find_row(b6, "合计", "基本支出合计") is not None:
        return
    personnel, public = ctx.find_row(b6, "人员经费合计"), ctx.find_row(b6, "公用经费合计")
    r5 = ctx.total_row(t5.blocks[0])
    if personnel is None or public is None or r5 is None:
        return
    key = b6.columns[0].key
    target = Figure.cell(t5, t5.blocks[0], r5, "basic")
    terms = [g for r in (personnel, public) if (g := Figure.cell(t6, b6, r, key)) is not None]
    if target is not None and len(terms) == 2:
        f = ctx.sum_check("cross.final.basic_economic_groups", terms, target,
                          what="一般公共预算财政拨款支出决算表基本支出与人员经费合计+公用经费合计",
                          what_en="general-budget basic spending vs personnel + public totals")
        if f:
            yield f


