"""What a narrative figure speaks of: the subject vocabulary (`SUBJECTS`) and, for each
`govbudget.Fact`, the record of what the reader read it to be about (`About`).

The narrative reader (`govbudget._ingest._narrative`) names each fact's subject with
`SUBJECTS` and records on it (``Fact.about``) the money its passage speaks of (`Scope`:
the whole budget, the 一般公共预算 or 财政拨款), the side of the total a 上年结转 belongs to
(`Side`), the functional path or code an item is printed with, the column its wording
names, the whole a share names (`Whole`), whether a vehicle count is the number held and
the unit whose passage it is in. The narrative rules compare the figures they are given by
these records; they do not read the text again.

```pycon
>>> names = [name for name, _ in SUBJECTS]
>>> names[:3]
['一般公共预算支出', '政府性基金预算支出', '国有资本经营预算支出']
>>> import re
>>> bool(re.fullmatch(dict(SUBJECTS)["三公经费"], "“三公”经费预算"))
True

```
"""

from __future__ import annotations

from typing import Final

from attrs import field, frozen

from ._enum import IdentityEnum

__all__ = ["SUBJECTS", "About", "Scope", "Side", "Whole"]


class Scope(IdentityEnum):
    """Which money a passage speaks of."""

    ALL = "all"
    """The whole budget (all funds)."""
    GENERAL = "general"
    """The general public budget (一般公共预算)."""
    GRANT = "grant"
    """The fiscal grants (财政拨款)."""


class Side(IdentityEnum):
    """The side of the summary a carried-over figure (上年结转) belongs to."""

    INCOME = "income"
    """The income side of the 收支总表 (上年结转 as a source)."""
    EXPENDITURE = "expenditure"
    """The spending side (the 上年结转 column of 支出总计)."""
    GRANT = "grant"
    """The 财政拨款收支总表's 上年财政拨款结转."""


def _tuple(values: object) -> tuple[str, ...]:
    return tuple(values) if isinstance(values, (list, tuple)) else ()


@frozen
class Whole:
    """The whole a share names in its own words (``占部门项目支出总额的100%``).

    Attributes:
        words: the words, fillers dropped (``"部门项目支出总额"``).
        subject: the `SUBJECTS` name the words end with (``"项目支出"``), if any.
        scope: the money the words name (``一般公共预算…总额``), if they name one.
        column: ``"current_year"`` for 本年支出 worded as 本年预算安排.
    """

    words: str
    subject: str | None = None
    scope: Scope | None = None
    column: str | None = None


@frozen
class About:
    """What a narrative figure speaks of, as read (``Fact.about``).

    Attributes:
        scope: the money its clause, section or parent section names.
        side: for 上年结转, the side of the total its passage breaks down.
        path: the 类/款 names of the functional path it is printed with
            (``教育支出（类）普通教育（款）``), as printed.
        code: the functional code it is printed with (``2080201-行政运行``).
        column: ``"current_year"`` for 本年支出 worded as 本年预算安排 (the summary's
            当年预算安排 column).
        whole: for a share, the whole its words name, if any.
        held: for a vehicle count, the sentence says it is the number held (共有/实有…).
        unit: the section title, when the passage is about one of the department's units
            (``二、某某中心``), or the unit its clause names before the subject
            (``某某研究院公用经费60.00万元``, ``局机关日常公用经费80.00万元``): its figures
            are that unit's.
        within: the subject whose change the figure is given as a reason for
            (``比上年增加X万元，主要原因是：人员经费减少Y万元`` → the subject of X), ``""``
            when the reasons do not say whose change they explain: such a figure is a
            part of that change's story, not the department's own figure for its subject.

    ```pycon
    >>> About().scope is Scope.ALL
    True
    >>> About(scope=Scope.GENERAL, path=("教育支出", "普通教育")).path[-1]
    '普通教育'

    ```
    """

    scope: Scope = Scope.ALL
    side: Side | None = None
    path: tuple[str, ...] = field(converter=_tuple, default=())
    code: str | None = None
    column: str | None = None
    whole: Whole | None = None
    held: bool = False
    unit: str | None = None
    within: str | None = None

_QUOTE: Final = r"[“”\"‘’']?"
_TAIL: Final = r"(?:预算)?(?:支出)?(?:预算)?(?:数)?"

SUBJECTS: Final[tuple[tuple[str, str], ...]] = (
    ("一般公共预算支出", r"一般公共预算(?:财政拨款)?(?:当年|本年)?(?:预算)?(?:拨款)?支出(?:预算)?"),
    ("政府性基金预算支出",
     r"政府性基金(?:预算)?(?:财政)?(?:拨款)?(?:当年|本年)?支出(?:预算)?"),
    ("国有资本经营预算支出",
     r"国有资本经营(?:预算)?(?:财政)?(?:拨款)?(?:当年|本年)?支出(?:预算)?"),
    ("本年收入", r"(?:本年|当年)收入(?:合计)?"),
    ("本年支出", r"(?:本年|当年)(?:预算)?(?:支出|安排)(?:合计)?(?:预算)?|(?:本年|当年)预算安排"),
    ("上年结转", r"(?:上年度?|年初)结转(?:和|及)?(?:结余)?(?:收入|资金|安排|支出)?"),
    ("一般公共预算拨款收入", r"一般公共预算(?:当年)?(?:财政)?拨款(?:收入)?"
                            r"|一般公共预算(?:财政拨款)?收入"),
    ("政府性基金预算拨款收入", r"政府性基金(?:预算)?(?:当年)?(?:财政)?拨款(?:收入)?"
                              r"|政府性基金(?:预算)?(?:财政拨款)?收入"),
    ("国有资本经营预算拨款收入", r"国有资本经营(?:预算)?(?:当年)?(?:财政)?拨款(?:收入)?"
                                r"|国有资本经营(?:预算)?(?:财政拨款)?收入"),
    ("财政专户管理资金收入", r"财政专户管理资金(?:收入)?"),
    ("单位资金", r"单位资金(?:收入)?"),
    ("事业收入", r"事业收入"),
    ("事业单位经营收入", r"(?:事业单位)?经营收入"),
    ("上级补助收入", r"上级补助收入"),
    ("附属单位上缴收入", r"附属单位上缴收入"),
    ("其他收入", r"其他收入"),
    ("基本支出", r"基本支出(?:预算)?(?:合计)?"),
    ("项目支出", r"项目支出(?:预算)?(?:合计)?"),
    ("人员经费", r"人员经费(?:支出)?(?:预算)?"),
    ("公用经费", r"公用经费(?:支出)?(?:预算)?"),
    ("三公经费", rf"{_QUOTE}三公{_QUOTE}经费(?:财政拨款)?{_TAIL}(?:合计|总额)?"),
    ("因公出国（境）费", rf"因公出国[（(]境[）)](?:费用?|经费){_TAIL}"),
    ("公务接待费", rf"公务接待费用?{_TAIL}"),
    ("公务用车购置及运行维护费", rf"公务用车购置及运行(?:维护)?费用?{_TAIL}"),
    ("公务用车运行维护费", rf"公务用车运行(?:维护)?费用?{_TAIL}"),
    ("公务用车购置费", rf"公务用车购置费用?{_TAIL}"),
    ("机关运行经费", rf"机关(?:[（(]机构[）)])?运行经费(?:财政拨款)?{_TAIL}"),
    ("政府采购预算总额", r"政府采购(?:支出)?(?:预算)?(?:总额|总计|合计|金额|资金)"
                        r"|政府采购(?:支出)?预算"),
    ("政府采购货物预算", r"政府采购货物类?(?:支出)?(?:预算)?"),
    ("政府采购工程预算", r"政府采购工程类?(?:支出)?(?:预算)?"),
    ("政府采购服务预算", r"政府采购服务类?(?:支出)?(?:预算)?"),
    ("纳入绩效目标管理的二级项目",
     r"(?:纳入|实行|实施|开展)(?:预算)?绩效目标管理(?:范围)?的(?:二级)?项目"
     r"|(?:二级)?项目(?:纳入|实行|实施|开展)(?:预算)?绩效目标管理"),
    ("公开项目绩效目标", r"公开的?项目绩效目标表?"),
    ("办公用房建筑面积", r"(?:办公用房|房屋)(?:建筑)?(?:总)?面积"),
    ("通用设备", r"通用设备"),
    ("专用设备", r"专用设备"),
    ("财政拨款收支总计", r"财政拨款收(?:入)?支(?:出)?(?:总预算|预算总计|预算总额|总计|总额|预算|总决算|决算总计)"
                        r"|财政拨款(?:预算)?(?:收入)?(?:预算)?总计|财政拨款总预算"),
    ("财政拨款收入", r"(?:当年|本年)?(?:财政)?拨款收入(?:合计)?(?:预算)?"),
    ("财政拨款支出", r"(?:当年|本年)?财政拨款(?:预算)?支出(?:合计|总计)?(?:预算)?"),
    ("收支总计", r"(?:部门|单位)?(?:预算)?收支(?:预算)?(?:总计|总额|总预算|总决算)"),
    ("预算收入总计", r"(?:部门|单位)?(?:预算)?收入(?:预算)?(?:总计|总额|总预算|合计)"
                    r"|(?:部门|单位)?收入预算|预算收入"),
    ("预算支出总计", r"(?:部门|单位)?(?:预算)?支出(?:预算)?(?:总计|总额|总预算|合计)"
                    r"|(?:部门|单位)?支出预算|预算支出"),
)
"""The normalised subjects, each with the pattern of the wordings it stands for.

The pattern is matched against the end of the clause before a figure; the first entry
that matches wins, so specific wordings come before the general ones they end with
(``一般公共预算支出`` before ``预算支出``). Inside a 政府采购 section the bare wordings
``货物``, ``工程``, ``服务`` (``货物类采购预算``) also name the procurement subjects.
"""
