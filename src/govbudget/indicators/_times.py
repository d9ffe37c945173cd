"""Targets in time: `TimePoint`, `Period`, `Frequency`."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import ClassVar, Final

from attrs import frozen

from ._enums import (
    FrequencyUnit,
    Part,
    Relation,
)
from ._quantities import (
    _YEAR_MAX,
    _YEAR_MIN,
    _positive_int,
)

_MONTH_PARTS: Final = frozenset(
    {Part.FIRST_TEN, Part.MIDDLE_TEN, Part.LAST_TEN, Part.FIRST_TWENTY, Part.LAST_TWENTY, Part.END}
)
_YEAR_PARTS: Final = frozenset({Part.START, Part.END})


def time_point_problem(
    year: int | None, month: int | None, day: int | None, part: Part | None
) -> str | None:
    """Why these fields make no time point, or ``None`` when they do."""
    for name, value in (("year", year), ("month", month), ("day", day)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            return f"{name!r} must be an int or None (got {type(value).__name__})"
    part_given: object = part
    if part_given is not None and not isinstance(part_given, Part):
        return f"'part' must be a Part or None (got {type(part_given).__name__})"
    if year is not None and not _YEAR_MIN <= year <= _YEAR_MAX:
        return f"year must be {_YEAR_MIN}-{_YEAR_MAX} (got {year})"
    if month is not None and not 1 <= month <= 12:
        return f"month must be 1-12 (got {month})"
    if year is None and month is None and part is None:
        return "a time needs a year, a month or a part of the year (年初, 年底)"
    if day is not None:
        if month is None:
            return "a day needs a month"
        if part is not None:
            return "a day and a part of the month (旬, 底) cannot both be given"
        last = _last_day(2000 if year is None else year, month)
        if not 1 <= day <= last:
            return f"day must be 1-{last} in month {month} (got {day})"
    if part is not None:
        allowed = _MONTH_PARTS if month is not None else _YEAR_PARTS
        if part not in allowed:
            where = "a month" if month is not None else "a year"
            return f"{part.value!r} is not a part of {where}"
    return None


_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _last_day(year: int, month: int) -> int:
    if month == 2 and _is_leap(year):
        return 29
    return _MONTH_DAYS[month]


# First and last day of each part of a month (0 for "the month's last day").
_PART_DAYS: Final[dict[Part | None, tuple[int, int]]] = {
    None: (1, 0),
    Part.FIRST_TEN: (1, 10),
    Part.MIDDLE_TEN: (11, 20),
    Part.LAST_TEN: (21, 0),
    Part.FIRST_TWENTY: (1, 20),
    Part.LAST_TWENTY: (11, 0),
    Part.END: (21, 0),
}


def _window_of(
    year: int, month: int | None, day: int | None, part: Part | None
) -> tuple[datetime.date, datetime.date]:
    date = datetime.date
    if month is None:
        if part is Part.START:
            return date(year, 1, 1), date(year, 1, 31)
        if part is Part.END:
            return date(year, 12, 1), date(year, 12, 31)
        return date(year, 1, 1), date(year, 12, 31)
    if day is not None:
        d = date(year, month, day)
        return d, d
    first, last = _PART_DAYS[part]
    return date(year, month, first), date(year, month, last or _last_day(year, month))


_PLACEHOLDER_YEAR: Final = 2000  # a leap year, for times stated without a year


@frozen
class TimePoint:
    """A month, date or part of one, with how the target relates to it (时效指标).

    Attributes:
        year: the year (1900-2199), or ``None`` when not stated.
        month: 1-12, or ``None`` for a whole year or 年初/年底.
        day: the day of the month, or ``None``.
        part: a part of the month (旬, 底) or year (初, 底), or ``None``.
        relation: `Relation.AT` (in it), `Relation.BY` (前: by its end) or
            `Relation.AFTER` (后: from its start).

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> t = parse_target("2024年12月底 前")
    >>> str(t), t.is_deadline
    ('2024年12月底前', True)
    >>> str(parse_target("3月份")), parse_target("3月份") == parse_target("3月")
    ('3月', True)
    >>> parse_target("3月中下旬").window()
    (datetime.date(2000, 3, 11), datetime.date(2000, 3, 31))

    ```
    """

    kind: ClassVar[str] = "time"

    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: Part | None = None
    relation: Relation = Relation.AT

    def __attrs_post_init__(self) -> None:
        problem = time_point_problem(self.year, self.month, self.day, self.part)
        if problem is not None:
            raise ValueError(problem)
        if not isinstance(self.relation, Relation):
            raise TypeError(f"'relation' must be a Relation (got {type(self.relation).__name__})")

    def __str__(self) -> str:
        return self._text(with_year=True) + self.relation.suffix

    def _text(self, *, with_year: bool) -> str:
        year = f"{self.year}年" if self.year is not None and with_year else ""
        if self.month is None:
            part = self.part.value if self.part is not None else ""
            if not year:
                return f"年{part}"
            return year + part
        text = f"{year}{self.month}月"
        if self.day is not None:
            return f"{text}{self.day}日"
        if self.part is not None:
            return text + self.part.value
        return text

    @property
    def is_deadline(self) -> bool:
        """True for deadline-style times: 前, or the end of a month or year (底).

        A deadline is met on or before the end of the named time; a plain month or date
        (`Relation.AT`) is met inside it.
        """
        return self.relation is Relation.BY or (
            self.part is Part.END and self.relation is Relation.AT
        )

    def window(self, year: int | None = None) -> tuple[datetime.date, datetime.date]:
        """The first and last day of the named time.

        Args:
            year: the year to use when the target states none (default: the target's
                own year, else 2000, a leap year).

        Raises:
            ValueError: 2月29日 in a year that is not a leap year.
        """
        y = self.year if self.year is not None else year
        y = _PLACEHOLDER_YEAR if y is None else y
        if self.month == 2 and self.day == 29 and not _is_leap(y):
            raise ValueError(f"{self} does not exist in {y}")
        return _window_of(y, self.month, self.day, self.part)


@frozen
class Period:
    """A span of time, met inside it: ``6至7月``, ``2023.07-2024.01``.

    Attributes:
        start: the first time (its relation is `Relation.AT`).
        end: the last time, after ``start``; both have a year or neither has.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> str(parse_target("6至7月")), str(parse_target("2023.07-2024.01"))
    ('6月至7月', '2023年7月至2024年1月')
    >>> str(parse_target("2024年3至8月"))
    '2024年3月至8月'

    ```
    """

    kind: ClassVar[str] = "period"

    start: TimePoint
    end: TimePoint

    def __attrs_post_init__(self) -> None:
        problem = period_problem(self.start, self.end)
        if problem is not None:
            raise ValueError(problem)

    def __str__(self) -> str:
        compact = (
            self.start.year is not None
            and self.start.year == self.end.year
            and (self.end.month is not None or self.end.part is not None)
        )
        return f"{self.start}至{self.end._text(with_year=not compact)}"

    def window(self, year: int | None = None) -> tuple[datetime.date, datetime.date]:
        """The first day of ``start`` and the last day of ``end``."""
        return self.start.window(year)[0], self.end.window(year)[1]


def period_problem(start: object, end: object) -> str | None:
    """Why ``start``-``end`` is no period, or ``None`` when it is one."""
    if not isinstance(start, TimePoint) or not isinstance(end, TimePoint):
        return "a period's start and end must be TimePoint"
    if start.relation is not Relation.AT or end.relation is not Relation.AT:
        return "a period's ends cannot have 前 or 后"
    if (start.year is None) != (end.year is None):
        return "a period's ends must both have a year or both have none"
    a, b = start.window(), end.window()
    if not a[0] < b[0] or a[1] > b[1]:
        return f"a period must run forwards (got {start} to {end})"
    return None


def reduce_rate(every: int, times: int) -> tuple[int, int]:
    """``(every, times)`` divided by their greatest common divisor."""
    a, b = every, times
    while b:
        a, b = b, a % b
    return every // a, times // a


@frozen
class Frequency:
    """A rate: ``times`` occurrences every ``every`` days or months (每月, 每两周).

    Build reduced forms with `of`: ``每年2次`` and ``每半年`` are one frequency.

    Attributes:
        every: the length of the period, in ``unit`` (1-1,000,000).
        unit: days (天, 周) or months (月, 季度, 年).
        times: occurrences per period, with ``every`` and ``times`` coprime.

    ```pycon
    >>> from govbudget.indicators import parse_target
    >>> [str(parse_target(t)) for t in ("每两月", "每半年", "每两周", "每季度", "每年2次")]
    ['每2月', '每半年', '每2周', '每季度', '每半年']
    >>> parse_target("每两周")
    Frequency(every=14, unit=<FrequencyUnit.DAY: 'day'>, times=1)

    ```
    """

    kind: ClassVar[str] = "frequency"

    every: int
    unit: FrequencyUnit
    times: int = 1

    def __attrs_post_init__(self) -> None:
        _positive_int("every", self.every)
        _positive_int("times", self.times)
        if not isinstance(self.unit, FrequencyUnit):
            raise TypeError(f"'unit' must be a FrequencyUnit (got {type(self.unit).__name__})")
        if reduce_rate(self.every, self.times) != (self.every, self.times):
            raise ValueError(
                f"every={self.every}, times={self.times} is not reduced; use Frequency.of()"
            )

    @classmethod
    def of(cls, every: int, unit: FrequencyUnit, times: int = 1) -> Frequency:
        """The frequency ``times`` per ``every`` ``unit``, reduced (``of(12, MONTH, 2)`` is 每半年)."""
        _positive_int("every", every)
        _positive_int("times", times)
        e, t = reduce_rate(every, times)
        return cls(e, unit, t)

    def __str__(self) -> str:
        if self.unit is FrequencyUnit.MONTH:
            named = {1: "每月", 3: "每季度", 6: "每半年", 12: "每年"}.get(self.every)
            if named is None:
                named = f"每{self.every // 12}年" if self.every % 12 == 0 else f"每{self.every}月"
        else:
            named = {1: "每天", 7: "每周"}.get(self.every)
            if named is None:
                named = f"每{self.every // 7}周" if self.every % 7 == 0 else f"每{self.every}天"
        return named if self.times == 1 else f"{named}{self.times}次"

    @property
    def per_year(self) -> Decimal:
        """Occurrences in a year (365 days, 12 months)."""
        span = Decimal(12) if self.unit is FrequencyUnit.MONTH else Decimal(365)
        return Decimal(self.times) * span / Decimal(self.every)
