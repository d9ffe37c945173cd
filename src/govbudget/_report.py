"""The typed model of a whole budget disclosure (预算公开报告).

A `Report` holds the unit, the year, the overview (duties and organisation), every
standard table (`govbudget.Table`), the narrative (情况说明) with the facts it
states, the project performance target tables (项目支出绩效目标表), the state assets and
government procurement statements, and the findings made while reading it.

All classes are frozen attrs classes with tuple fields; make changed copies with
``attrs.evolve``. Every figure keeps the line it was read from.

```pycon
>>> from decimal import Decimal
>>> f = Fact(subject="预算收入总计", kind=FactKind.AMOUNT, value=Decimal("2599.99"),
...          unit="万元", sentence="预算收入总计2,599.99万元", line=600)
>>> f.money
Money('2599.99', Unit.WAN_YUAN)
>>> Report(source="x.txt").table(TableKind.SUMMARY) is None
True

```
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
from attrs import field, frozen

from ._enum import IdentityEnum
from ._findings import Finding
from ._money import Money, Unit
from ._subjects import About
from ._tables import Table, TableKind
from .prose import Prose, parse_prose

if TYPE_CHECKING:
    from .indicators import Target

__all__ = [
    "Assets",
    "Change",
    "Fact",
    "FactKind",
    "FundingLine",
    "Indicator",
    "Narrative",
    "NarrativeSection",
    "Overview",
    "PerformanceProse",
    "PerformanceTable",
    "Procurement",
    "Report",
    "ReportKind",
    "TableSet",
]


class ReportKind(IdentityEnum):
    """What a disclosure is: a budget (预算) or a final account (决算)."""

    BUDGET = "budget"
    """预算公开: the year's budget."""
    FINAL = "final"
    """决算公开: the final accounts of a year that has ended."""


class TableSet(IdentityEnum):
    """Which standard set of tables a report follows."""

    SHANXI_13 = "shanxi13"
    """The 13-table Shanxi set (预算公开表1–13)."""
    MOF_9 = "mof9"
    """The Ministry of Finance 9-table department set."""
    OTHER = "other"
    """Neither (a partial or regional variant)."""



def _tuple_str(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)

@frozen
class Overview:
    """第一部分 概况: the unit's duties (职责) and its organisation (机构设置).

    Attributes:
        duties: the numbered duties, one string each (wrapped lines joined).
        organisation: the 机构设置 paragraph.
        line: the line of the overview heading.
    """

    duties: tuple[str, ...] = field(converter=_tuple_str, default=())
    organisation: str = ""
    line: int | None = None


class FactKind(IdentityEnum):
    """What a narrative figure states."""

    AMOUNT = "amount"
    """An amount of money: 预算收入总计2,599.99万元."""
    SHARE = "share"
    """A share of a whole, in percent: 占65.61%."""
    CHANGE_AMOUNT = "change_amount"
    """A change on the comparison year: 比上年减少465.54万元."""
    CHANGE_PERCENT = "change_percent"
    """A relative change: 下降15.19%."""
    COUNT = "count"
    """A count or quantity: 二级项目13个, 公务用车0辆, 1093.42平方米."""
    EXECUTION = "execution"
    """How much of a budget was spent, in percent: 完成年初预算的95.45%, 预算执行率77.1%."""


class Change(IdentityEnum):
    """The direction of a stated change."""

    INCREASE = "increase"
    """增加, 增长, 上升."""
    DECREASE = "decrease"
    """减少, 下降."""
    SAME = "same"
    """持平, 与上年相同."""


# What a fact made by hand speaks of (the reader records more): one shared record.
_UNREAD = About()


@frozen
class Fact:
    """A figure stated in the narrative, with what it is about.

    Attributes:
        subject: what the figure is about, as worded (``"预算收入总计"``, ``"基本支出"``).
        kind: amount, share, change or count.
        value: the number as printed (exact); for a change, its size (always >= 0).
        unit: ``"万元"``, ``"元"``, ``"%"``, or a counting unit (``"个"``, ``"辆"`` …).
        sentence: the clause it was read from.
        line: the line of the figure.
        section: the heading of the narrative section.
        direction: for changes, increase / decrease / same.
        compared_to: for changes, the comparison year when stated (2023), or ``None`` for 上年.
        qualifier: a word that narrows the subject (``"其中"``, ``"当年"``, a category).
        measure: which figure of the subject an amount is, when the text names one:
            ``"预算"`` (年初预算, 全年预算数), ``"执行数"`` (预算执行数), ``"决算"``
            (支出决算, 决算数), prefixed ``"上年"`` when the clause says so (上年预算数);
            ``None`` for the figure the report is about (this year's
            budget, or a final account's outturn stated without a word). For a change or a
            percentage, the measure of the base it is compared with (比2023年预算执行数增加:
            ``"执行数"``; ``None`` for 上年预算 or an unnamed base).
        year: the year the clause gives the figure (2023年当年预算执行数: 2023), if any.
        about: what the figure speaks of, as the reader read it (`govbudget.About`:
            its scope, side, path or code, column, named whole, unit); a fact made by hand
            speaks of the whole budget unless told otherwise.
    """

    subject: str
    kind: FactKind
    value: Decimal
    unit: str
    sentence: str = ""
    line: int | None = None
    section: str = ""
    direction: Change | None = None
    compared_to: int | None = None
    qualifier: str | None = None
    measure: str | None = None
    year: int | None = None
    about: About = _UNREAD

    @property
    def money(self) -> Money | None:
        """The value as `Money` when the unit is a money unit, else ``None``."""
        if self.unit in ("元", "万元", "亿元"):
            signed = -self.value if self.direction is Change.DECREASE else self.value
            return Money(signed if self.kind is FactKind.CHANGE_AMOUNT else self.value,
                         Unit.parse(self.unit))
        return None


@frozen
class NarrativeSection:
    """A numbered section of the narrative (情况说明), e.g. 三、支出预算情况说明."""

    title: str
    text: str
    line: int | None = None



def _tuple_narrativesection(items: Iterable[NarrativeSection]) -> tuple[NarrativeSection, ...]:
    return tuple(items)


def _tuple_fact(items: Iterable[Fact]) -> tuple[Fact, ...]:
    return tuple(items)

@frozen
class Narrative:
    """The narrative (情况说明): its sections and the facts stated in them.

    ``final`` is what the reader read from the section titles: most of them speak of 决算
    (the narrative of a final account, whatever ``Report.kind`` says or does not say).
    """

    sections: tuple[NarrativeSection, ...] = field(converter=_tuple_narrativesection, default=())
    facts: tuple[Fact, ...] = field(converter=_tuple_fact, default=())
    final: bool = False

    def find(self, subject: str, kind: FactKind | None = None) -> Iterator[Fact]:
        """Facts whose subject contains ``subject``, optionally of one kind."""
        return (f for f in self.facts
                if subject in f.subject and (kind is None or f.kind is kind))


@frozen
class FundingLine:
    """A row of a performance table's funding block (项目资金).

    Attributes:
        source: the source of funds as printed (中央财政资金, 市县（区）财政资金, 单位自筹 …).
        period: the amount for the whole implementation period (实施期), ``None`` if blank.
        year: the amount for the year (年度), ``None`` if blank.
        line: the line it was read from.
    """

    source: str
    period: Decimal | None = None
    year: Decimal | None = None
    line: int | None = None


@frozen
class Indicator:
    """One performance indicator row: 一级 / 二级 / 三级 name / 指标值.

    An empty 二级 row (no 三级 indicator) has ``name == ""`` and ``value == ""``.

    Attributes:
        level1: 一级指标 (产出指标, 效益指标, 满意度指标 …).
        level2: 二级指标 (数量指标, 社会效益指标 …).
        name: 三级指标, the indicator's own name.
        value: 指标值 as printed (parse it with `govbudget.parse_target`).
        line: the line it was read from.
    """

    level1: str
    level2: str
    name: str = ""
    value: str = ""
    line: int | None = None

    @property
    def is_empty(self) -> bool:
        """True for an empty 二级 row."""
        return not self.name and not self.value

    @property
    def target(self) -> Target | None:
        """The value as a typed target (`govbudget.parse_indicator_value`), ``None``
        for an empty row. The raw text stays in `value`; a value the grammar cannot
        read is an ``Unparsed`` target carrying it.

        ```pycon
        >>> Indicator("产出指标", "数量指标", "购置沙发数量", "14个").target
        Quantity(comparison=<Comparison.EQ: '='>, value=Decimal('14'), unit='个')

        ```
        """
        if not self.value:
            return None
        from .indicators import parse_indicator_value

        return parse_indicator_value(self.value)



def _tuple_fundingline(items: Iterable[FundingLine]) -> tuple[FundingLine, ...]:
    return tuple(items)


def _tuple_indicator(items: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(items)

_PROSE_FIELDS = ("overview", "plan", "goal_period", "goal_year")


@frozen
class PerformanceProse:
    """The figures of a performance table's text fields (`govbudget.prose.Prose`), one
    per field, each figure with its own line.

    The reader gives each field to the prose grammar with its lines
    (`govbudget.prose.parse_prose`); a table built by hand gets its texts given without
    lines. A field whose text changed (``attrs.evolve``) is given again, so the figures
    always are the text's. Each field's figures are read when first asked for and kept.

    ```pycon
    >>> t = PerformanceTable("培训", overview="培训50人，每人600元，共需3万元")
    >>> [str(a) for a in t.prose.overview.amounts], t.prose.of("plan").text
    (['3万元'], '')

    ```
    """

    overview: Prose = field(factory=Prose)
    plan: Prose = field(factory=Prose)
    goal_period: Prose = field(factory=Prose)
    goal_year: Prose = field(factory=Prose)

    def of(self, name: str) -> Prose:
        """The figures of the field ``name`` (``"overview"``, ``"plan"``,
        ``"goal_period"``, ``"goal_year"``).

        Raises:
            KeyError: no such field.
        """
        if name not in _PROSE_FIELDS:
            raise KeyError(name)
        p: Prose = getattr(self, name)
        return p


def _parsed_texts(t: PerformanceTable) -> PerformanceProse:
    return PerformanceProse(*(parse_prose(getattr(t, k)) for k in _PROSE_FIELDS))


@frozen
class PerformanceTable:
    """A project performance target table (项目支出绩效目标表).

    Amounts are in `unit` (usually 元, unlike the tables in 万元).

    Attributes:
        project: 项目名称.
        department: 主管部门 name; ``department_code`` its code (e.g. ``"002"``).
        implementer: 实施单位.
        attribute: 项目属性 (e.g. 经常性项目（长期开展）).
        duration: 项目期 as printed (e.g. ``"99年"``).
        unit: the money unit of the funding block.
        total_period: 实施期资金总额; ``total_year``: 年度资金总额.
        funding: the funding block, by source.
        overview, basis, necessity, measures, plan: 项目概况, 立项依据, 项目设立必要性,
            保证项目实施的制度、措施, 项目实施计划.
        goal_period, goal_year: 总体目标 for the implementation period and the year.
        indicators_period, indicators_year: the indicator tree of each column.
        filled_on: 填报日期 as printed.
        line: the line of the table's title; ``end_line`` its last line.
        field_lines: where each field was read: ``(("project", 1021), ("funding", 1024),
            ("overview", 1031), …)``, by the attribute names above (``funding`` for the
            funding block and its totals, ``goals`` for both goals, ``grid`` for the
            indicators); see `line_of`. Like a finding's location it is where, not what:
            it is not compared (two readings of one table in other layouts are equal).
        prose: the figures of the text fields (`PerformanceProse`), each with its own
            line; derived from the texts, so not compared either.
    """

    project: str
    department: str = ""
    department_code: str | None = None
    implementer: str = ""
    attribute: str = ""
    duration: str = ""
    unit: Unit = Unit.YUAN
    total_period: Decimal | None = None
    total_year: Decimal | None = None
    funding: tuple[FundingLine, ...] = field(converter=_tuple_fundingline, default=())
    overview: str = ""
    basis: str = ""
    necessity: str = ""
    measures: str = ""
    plan: str = ""
    goal_period: str = ""
    goal_year: str = ""
    indicators_period: tuple[Indicator, ...] = field(converter=_tuple_indicator, default=())
    indicators_year: tuple[Indicator, ...] = field(converter=_tuple_indicator, default=())
    filled_on: str | None = None
    line: int | None = None
    end_line: int | None = None
    field_lines: tuple[tuple[str, int], ...] = field(default=(), eq=False)
    prose: PerformanceProse = field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        # Figures not given, or read from another text (a copy with a field changed):
        # parse the texts (without their lines).
        given: PerformanceProse | None = self.prose
        if given is None:
            object.__setattr__(self, "prose", _parsed_texts(self))
            return
        stale = [k for k in _PROSE_FIELDS if getattr(given, k).text != getattr(self, k)]
        if stale:
            object.__setattr__(self, "prose", attrs.evolve(
                given, **{k: parse_prose(getattr(self, k)) for k in stale}))

    def line_of(self, name: str) -> int | None:
        """The line a field was read from (``"overview"``, ``"funding"``, ``"goals"`` …),
        else the table's title line.

        ```pycon
        >>> t = PerformanceTable("培训项目", line=10, field_lines=(("overview", 14),))
        >>> t.line_of("overview"), t.line_of("plan")
        (14, 10)

        ```
        """
        for key, no in self.field_lines:
            if key == name:
                return no
        return self.line

    @property
    def year_money(self) -> Money | None:
        """年度资金总额 as `Money`."""
        return None if self.total_year is None else Money(self.total_year, self.unit)


@frozen
class EvaluationFunding:
    """A row of a self-evaluation's funding block (项目资金: 年度资金总额, 其中：财政拨款,
    上年结转, 其他资金).

    Each figure is as printed; ``None`` for a blank or ``--`` cell.

    Attributes:
        source: the row's label (``年度资金总额``, ``财政拨款`` …).
        initial: 年初预算数; ``budget``: 全年预算数; ``executed``: 全年执行数.
        weight: 分值; ``score``: 得分.
        rate: 执行率 as printed (``"77.13%"``).
        line: the line it was read from.
    """

    source: str
    initial: Decimal | None = None
    budget: Decimal | None = None
    executed: Decimal | None = None
    weight: Decimal | None = None
    rate: str | None = None
    score: Decimal | None = None
    line: int | None = None


@frozen
class ScoredIndicator:
    """One scored indicator row of a self-evaluation (绩效自评表).

    Attributes:
        level1, level2, name: 一级 / 二级 / 三级指标 (the reader leaves the levels empty
            when it cannot tell them for sure).
        target: 年度指标值 as printed; ``actual``: 实际完成值 as printed.
        weight: 分值; ``score``: 得分 (``None`` when blank or unreadable).
        note: 偏差原因分析及改进措施, if any.
        line: the line of the row's scores.
    """

    level1: str
    level2: str
    name: str
    target: str = ""
    actual: str = ""
    weight: Decimal | None = None
    score: Decimal | None = None
    note: str = ""
    line: int | None = None


def _tuple_selfevaluation(items: Iterable[SelfEvaluation]) -> tuple[SelfEvaluation, ...]:
    return tuple(items)


def _tuple_evaluationfunding(items: Iterable[EvaluationFunding]) -> tuple[EvaluationFunding, ...]:
    return tuple(items)


def _tuple_scoredindicator(items: Iterable[ScoredIndicator]) -> tuple[ScoredIndicator, ...]:
    return tuple(items)


@frozen
class SelfEvaluation:
    """A project's self-evaluation table of final accounts (项目支出绩效自评表).

    Attributes:
        project: 项目名称; ``department``: 主管部门 as printed; ``implementer``: 实施单位.
        unit: the money unit of the funding block.
        funding: the funding rows, the total (年度资金总额) first as printed.
        indicators: the scored indicators, as printed.
        total_weight, total_score: the 总分 row (分值 and 得分).
        line: the title's line; ``end_line`` the table's last line; ``total_line`` the 总分
            row's.
        complete: false when the reader could not read every indicator row (a grid that
            goes on over a page): sums over the indicators are then not checked.
    """

    project: str
    department: str = ""
    implementer: str = ""
    unit: Unit = Unit.WAN_YUAN
    funding: tuple[EvaluationFunding, ...] = field(converter=_tuple_evaluationfunding, default=())
    indicators: tuple[ScoredIndicator, ...] = field(converter=_tuple_scoredindicator, default=())
    total_weight: Decimal | None = None
    total_score: Decimal | None = None
    line: int | None = None
    end_line: int | None = None
    total_line: int | None = None
    complete: bool = True


@frozen
class Procurement:
    """政府采购 (government procurement) as stated in the narrative.

    Attributes:
        total, goods, works, services: 总额, 货物, 工程, 服务 (``None`` if not stated).
        line: the line of the statement.
    """

    total: Money | None = None
    goods: Money | None = None
    works: Money | None = None
    services: Money | None = None
    line: int | None = None



def _tuple_tuple_str_int(items: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return tuple(items)

@frozen
class Assets:
    """国有资产占有使用情况 (state assets) as stated in the narrative.

    Attributes:
        as_of: the date stated (``"2023年12月31日"``).
        vehicles: (category, count) pairs, e.g. ``("实有", 0)``, ``("领导用车", 0)``.
        floor_area: 办公用房建筑总面积 in 平方米.
        equipment: (description, count) pairs for equipment above a value threshold.
        line: the line of the section heading.
    """

    as_of: str | None = None
    vehicles: tuple[tuple[str, int], ...] = field(converter=_tuple_tuple_str_int, default=())
    floor_area: Decimal | None = None
    equipment: tuple[tuple[str, int], ...] = field(converter=_tuple_tuple_str_int, default=())
    line: int | None = None



def _tuple_table(items: Iterable[Table]) -> tuple[Table, ...]:
    return tuple(items)


def _tuple_performancetable(items: Iterable[PerformanceTable]) -> tuple[PerformanceTable, ...]:
    return tuple(items)


def _tuple_finding(items: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(items)


def _tuple_int(items: Iterable[int]) -> tuple[int, ...]:
    return tuple(items)

@frozen
class Report:
    """A budget disclosure read into data.

    Attributes:
        source: the file name, or ``"<text>"``.
        unit_name: the budget unit (单位名称) printed on the tables.
        year: the budget year.
        table_set: which standard table set the report follows.
        overview: duties and organisation.
        tables: the standard tables in the order printed.
        narrative: the 情况说明 and its facts.
        performance: the project performance target tables.
        procurement: the government procurement statement.
        assets: the state assets statement.
        findings: what the reader could not place or had to repair (category ``reading``).
        kind: a budget (预算) or a final account (决算).
        pages: for each line of the text read (line 1 first), its page in the source
            (empty when the source has no pages, e.g. plain text without page markers).
        ocr_pages: the pages whose text an OCR tool laid over a scan (a PDF's): their
            figures are a machine's reading, and no check over them is reported.
        self_evaluations: the project self-evaluation tables of final accounts (绩效自评表).
    """

    source: str = "<text>"
    unit_name: str | None = None
    year: int | None = None
    table_set: TableSet = TableSet.OTHER
    overview: Overview = field(factory=Overview)
    tables: tuple[Table, ...] = field(converter=_tuple_table, default=())
    narrative: Narrative = field(factory=Narrative)
    performance: tuple[PerformanceTable, ...] = field(converter=_tuple_performancetable, default=())
    procurement: Procurement | None = None
    assets: Assets | None = None
    findings: tuple[Finding, ...] = field(converter=_tuple_finding, default=())
    kind: ReportKind = ReportKind.BUDGET
    pages: tuple[int, ...] = field(converter=_tuple_int, default=(), eq=False, repr=False)
    self_evaluations: tuple[SelfEvaluation, ...] = field(converter=_tuple_selfevaluation,
                                                         default=())
    ocr_pages: tuple[int, ...] = field(converter=_tuple_int, default=())

    def page_of(self, line: int | None) -> int | None:
        """The page of a 1-based line of the text read (``None`` when unknown)."""
        if line is None or not 0 < line <= len(self.pages):
            return None
        return self.pages[line - 1] or None

    def table(self, kind: TableKind) -> Table | None:
        """The first table of a kind, or ``None`` if the report has none."""
        for t in self.tables:
            if t.kind is kind:
                return t
        return None

    def project(self, name: str) -> PerformanceTable | None:
        """The performance table of a project, by name (``None`` if absent)."""
        for p in self.performance:
            if p.project == name:
                return p
        return None
