"""The enumerations of indicator values: comparisons, directions, times, bands, grades."""

from __future__ import annotations

from typing import Final

from .._enum import IdentityEnum

# ---------------------------------------------------------------------------
# Enumerations
# ---------------------------------------------------------------------------


class Direction(IdentityEnum):
    """Which way a quantitative target points (指标方向), which decides how it is scored.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> parse_target("≤5%").direction, parse_target("20分钟左右").direction
    (<Direction.REVERSE: 'reverse'>, <Direction.APPROXIMATE: 'approximate'>)

    ```
    """

    POSITIVE = "positive"
    """正向: more is better (``≥``, ``>``); scored actual ÷ target."""
    REVERSE = "reverse"
    """反向: less is better (``≤``, ``<``); scored target ÷ actual."""
    EXACT = "exact"
    """An exact target (``=`` or no comparison)."""
    APPROXIMATE = "approximate"
    """About the number (``约``, ``左右``)."""


class Comparison(IdentityEnum):
    """The comparison of a quantitative target, valued by its canonical symbol.

    The canonical spellings are ``≥``, ``≤``, ``>``, ``<``, ``≈``, and *nothing* for an
    exact target (``=`` is accepted when reading).

    ```pycon
    >>> Comparison.GE.prefix, Comparison.EQ.prefix, Comparison.APPROX.prefix
    ('≥', '', '≈')
    >>> Comparison.LE.direction, Comparison.LE.chinese
    (<Direction.REVERSE: 'reverse'>, '不高于')

    ```
    """

    GE = "≥"
    LE = "≤"
    GT = ">"
    LT = "<"
    EQ = "="
    APPROX = "≈"

    @property
    def prefix(self) -> str:
        """The canonical prefix in ``str()`` (empty for `EQ`)."""
        return "" if self is Comparison.EQ else self.value

    @property
    def direction(self) -> Direction:
        """Positive, reverse, exact or approximate."""
        return _DIRECTIONS[self]

    @property
    def english(self) -> str:
        """``"at least"``, ``"at most"``, ``"more than"``, ``"less than"``, ``"exactly"``, ``"about"``."""
        return _CMP_EN[self]

    @property
    def chinese(self) -> str:
        """``不低于``, ``不高于``, ``高于``, ``低于``, ``等于``, ``约``."""
        return _CMP_ZH[self]


_DIRECTIONS: Final = {
    Comparison.GE: Direction.POSITIVE,
    Comparison.GT: Direction.POSITIVE,
    Comparison.LE: Direction.REVERSE,
    Comparison.LT: Direction.REVERSE,
    Comparison.EQ: Direction.EXACT,
    Comparison.APPROX: Direction.APPROXIMATE,
}
_CMP_EN: Final = {
    Comparison.GE: "at least",
    Comparison.LE: "at most",
    Comparison.GT: "more than",
    Comparison.LT: "less than",
    Comparison.EQ: "exactly",
    Comparison.APPROX: "about",
}
_CMP_ZH: Final = {
    Comparison.GE: "不低于",
    Comparison.LE: "不高于",
    Comparison.GT: "高于",
    Comparison.LT: "低于",
    Comparison.EQ: "等于",
    Comparison.APPROX: "约",
}


class Relation(IdentityEnum):
    """How a `TimePoint` target relates to its time.

    ``前``/``之前``/``以前``/``内``/``以内`` are `BY`; ``后``/``之后``/``以后`` are
    `AFTER`. Both include the named time, as 以上/以下 include the number.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> parse_target("6月之前").relation, Relation.BY.suffix
    (<Relation.BY: 'by'>, '前')

    ```
    """

    AT = "at"
    """In the named time (``3月份``: during March)."""
    BY = "by"
    """No later than the end of the named time (``6月前``: by the end of June)."""
    AFTER = "after"
    """No earlier than the start of the named time (``6月后``)."""

    @property
    def suffix(self) -> str:
        """The canonical suffix: ``""``, ``"前"`` or ``"后"``."""
        return _RELATION_SUFFIX[self]


_RELATION_SUFFIX: Final = {Relation.AT: "", Relation.BY: "前", Relation.AFTER: "后"}


class Part(IdentityEnum):
    """A part of a month (旬, 底) or of a year (初, 底), valued by its canonical spelling.

    Reading maps ``末`` to ``底``; ``月初`` to ``上旬`` and ``月中`` to ``中旬``.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> parse_target("6月末").part, parse_target("3月初").part
    (<Part.END: '底'>, <Part.FIRST_TEN: '上旬'>)

    ```
    """

    FIRST_TEN = "上旬"
    """Days 1-10."""
    MIDDLE_TEN = "中旬"
    """Days 11-20."""
    LAST_TEN = "下旬"
    """Days 21 to the end."""
    FIRST_TWENTY = "上中旬"
    """Days 1-20."""
    LAST_TWENTY = "中下旬"
    """Days 11 to the end."""
    END = "底"
    """The end (月底, 年底): deadline-style, 'by the end of'."""
    START = "初"
    """The start of a year (年初: January). For a month, 初 reads as 上旬."""


class FrequencyUnit(IdentityEnum):
    """The base unit of a `Frequency`: days (天, 周) or months (月, 季度, 年).

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> parse_target("每周").unit, parse_target("每季度").unit
    (<FrequencyUnit.DAY: 'day'>, <FrequencyUnit.MONTH: 'month'>)

    ```
    """

    DAY = "day"
    MONTH = "month"


class Band(IdentityEnum):
    """Achievement band of a qualitative result (达成 / 部分达成 / 未达成), standards.md §2.5.

    ```pycon
    >>> from govbudget.indicators import Qualitative
    >>> Qualitative("部分达成预期指标并具有一定效果").band
    <Band.PARTLY_ACHIEVED: '部分达成'>

    ```
    """

    ACHIEVED = "达成"
    PARTLY_ACHIEVED = "部分达成"
    NOT_ACHIEVED = "未达成"


class Grade(IdentityEnum):
    """A grade word (优/良/中/差, 优良, 合格/不合格), valued by its Chinese spelling.

    ```pycon
    >>> from govbudget.indicators import Qualitative
    >>> Qualitative("优秀").grade, Grade("优良").rank > Grade("中").rank
    (<Grade.EXCELLENT: '优'>, True)

    ```
    """

    EXCELLENT = "优"
    GOOD = "良"
    GOOD_OR_BETTER = "优良"
    FAIR = "中"
    PASS = "合格"
    POOR = "差"
    FAIL = "不合格"

    @property
    def rank(self) -> int:
        """4 for 优, 3 for 良 and 优良 (at least 良), 2 for 中 and 合格, 1 for 差 and 不合格."""
        return _GRADE_RANK[self]


_GRADE_RANK: Final = {
    Grade.EXCELLENT: 4,
    Grade.GOOD: 3,
    Grade.GOOD_OR_BETTER: 3,
    Grade.FAIR: 2,
    Grade.PASS: 2,
    Grade.POOR: 1,
    Grade.FAIL: 1,
}


class Polarity(IdentityEnum):
    """What a qualitative target asks for, recognised from its words.

    ```pycon
    >>> from govbudget.indicators import Qualitative
    >>> Qualitative("降低运行成本").polarity, Qualitative("确保").polarity
    (<Polarity.DECREASE: 'decrease'>, <Polarity.MAINTAIN: 'maintain'>)

    ```
    """

    INCREASE = "increase"
    """More or better: 提高, 提升, 增强, 加强, 优化, 改善, 进一步 …"""
    DECREASE = "decrease"
    """Less: 降低, 减少, 下降, 压缩, 节约, 控制 …"""
    MAINTAIN = "maintain"
    """Keep or ensure a state: 保障, 确保, 保证, 及时, 按期, 符合, 弥补, 达标 …"""
