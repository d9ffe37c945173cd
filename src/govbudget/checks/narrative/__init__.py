"""The narrative rules: every figure the 情况说明 states, against the tables and against itself.

The narrative reader turns the text into :class:`~govbudget.Fact` s (a subject from
:data:`govbudget._subjects.SUBJECTS`, a kind, a printed value, a line). These
rules compare them

- **with the tables**: each amount against the cell that publishes the same money
  (``narrative.totals``, ``income_sources``, ``spending``, ``class_amounts``,
  ``three_public``, ``operating_costs``; the project counts and amounts in
  ``performance``);
- **with each other**: shares (``narrative.shares``), changes on last year
  (``narrative.changes``; against the base the narrative states, 2023年当年预算执行数, when
  the change names one), completion rates (``narrative.execution``: 完成年初预算的X% = 决算 ÷
  年初预算), the items of a numbered 科目 list against their total (``class_amounts``),
  breakdowns (total = Σ parts in ``totals``, ``spending``,
  ``three_public``, ``procurement``, ``performance``, ``assets``) and the same figure
  stated twice (``narrative.repeated``).

**Rounding.** A narrative figure stands for every true value that rounds (四舍五入) to it
at the precision it is *printed* with: ``480.3`` 万元 for [480.25, 480.35), ``1,234.56``
for [1234.555, 1234.565), ``100%`` for [99.5%, 100.5%); a zero printed without decimals
(``0万元``, ``占0%``) is exact. Amounts are compared with :meth:`Context.equal_check` /
:meth:`Context.sum_check` (which reason with :func:`govbudget.explain_gap`); shares and
changes with :class:`govbudget.Interval` arithmetic over the printed precision of every
figure involved. A gap rounding can produce is ``info``; anything else the rule's
severity. There is no fixed tolerance.

**Which figure.** Only the figure the report is about is compared with the tables or as
a restatement: this year's budget in a 预算, the outturn (决算, 执行数) in a 决算; a 决算's
年初预算 and last year's 执行数 (``Fact.measure``, ``Fact.year``) are bases for rates only.
Subjects named by loose words (not the vocabulary, a class, a path or a code) are not
compared as restatements.

**Scope.** The same words mean different money in different passages: 基本支出 in a
section about all spending is the 支出总表's, in a 一般公共预算 section the general-budget
table's; a functional class in a 财政拨款 section is the 财政拨款收支总表's. The reader
records what each fact speaks of (``Fact.about``: its scope, the side of a 上年结转, its
path or code, the column its wording names, the whole a share names, its unit): a fact's
scope is 一般公共预算 when its clause, its section title or its parent section's title
says so, else 财政拨款 when one of them says that, else the whole budget. The rules
compare by these records and never read the text again.

**Denominators of shares** (``占x%``), in order:

1. the whole the clause names (``占部门（单位）项目支出总额的100%`` → 项目支出, matched
   with :data:`govbudget._subjects.SUBJECTS` or a functional class name; ``About.whole``):
   the nearest stated amount of that subject, else its table figure (``占比x%``, or a
   wording no subject matches, names none);
2. the whole the passage breaks down (``预算收入1,234.56万元，主要包括…占100.00%``): the
   nearest earlier amount in the same section that is not itself given a share and is
   not smaller than the part;
3. the usual whole for the part (standards §1.5): income items ÷ 收入总计; 基本/项目支出
   and functional classes ÷ 一般公共预算支出 in a 一般公共预算 passage, ÷ 财政拨款支出 in a
   财政拨款 passage, else ÷ 本年支出; 人员/公用经费 ÷ 基本支出; 三公 items ÷ 三公经费.

**Where the blame goes.** A comparison of narrative figures among themselves cannot tell
by itself which figure is wrong. Every failing comparison of a rule is collected first;
the finding is then placed on the figure involved in the most failures, preferring one
that no table or restatement confirms (a figure equal to its table cell, or stated again
with the same value, is *confirmed*), then one with a printed number (a 持平 statement has
none), then the rule's default (the total of a sum, the later of two statements, the
percentage of a change). The other figures are listed in ``related``.

```pycon
>>> from decimal import Decimal
>>> import attrs, govbudget
>>> from govbudget import Fact, FactKind, Narrative
>>> from govbudget.checks import check_report
>>> from govbudget.testing import build_report
>>> report = build_report(leaves=[("2010101", Decimal("1000000"), Decimal("0"))],
...                       economic=[("30101", Decimal("1000000"))], projects=[])
>>> said = Fact(subject="基本支出", kind=FactKind.AMOUNT, value=Decimal("100.01"),
...             unit="万元", section="三、支出预算情况说明", line=7)
>>> report = attrs.evolve(report, narrative=Narrative(facts=[said]))
>>> [(f.severity.value, f.location.line, f.expected, f.actual)
...  for f in check_report(report, rules=["narrative.spending"]).findings]
[('error', 7, '100.00万元', '100.01万元')]

```

The rules are split by concept, one module each with its own ``RULES`` set: amounts
against the tables (``_amounts``: totals, income sources, spending, classes and items,
三公, operating costs), shares (``_shares``), changes and completion rates
(``_changes``), statements of their own (``_statements``: procurement, performance,
assets) and restatements (``_repeated``). ``_analysis`` is what they share.
"""
