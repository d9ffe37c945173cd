"""Performance rules: project performance target tables (项目支出绩效目标表) against the
project list and against themselves.

Every rule has the category ``performance`` and the id ``performance.<name>``. Findings
point at the performance table: ``Location(section="performance", table="performance",
row_name=<project>, column=…, line=…)``. The reader keeps the line of each funding row and
each indicator; for the two funding totals and for the text fields (项目概况 …) it keeps
only the table's title line, so those findings carry the title line and name the field in
``column``.

Severities: ``error`` for an arithmetic contradiction (a sum, a product, a cap exceeded),
``warning`` for a heuristic match or a likely inconsistency (anything read from prose),
``info`` for observations (a gap rounding can produce, a difference that may be
legitimate).

=====================================  ========  =============================================
rule                                   default   what
=====================================  ========  =============================================
``performance.project_amount``         error     年度资金总额 = the project-list amount
``performance.funding_sum``            error     sources add up to both totals; year ≤ period
``performance.cost_indicator``         error     money cost targets ≤ funds; rates vs overview
``performance.itemised_costs``         warning   overview cost lists add up to their totals
``performance.formula``                error     written arithmetic, quantity × rate products
``performance.quantity_vs_overview``   warning   counts in indicators vs counts in the text
``performance.name_unit``              warning   unit in the name vs unit of the value
``performance.columns_differ``         warning   实施期 vs 年度 columns where they are parallel
``performance.framework``              warning   (一级, 二级) pairs, missing/unreadable values
``performance.overview_total``         warning   the overview's total vs the year funds
=====================================  ========  =============================================

The figures of the text fields (项目概况 …) are read by the prose grammar
(`govbudget.prose`) when the table is read, each with its own line
(`PerformanceTable.prose`); the rules compare them (a finding about a figure of a text
points at that figure's line).
"""
