"""Tests for govbudget.indicators._times: TimePoint, Period and Frequency."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from govbudget.indicators import (
    Frequency,
    FrequencyUnit,
    Part,
    Period,
    Relation,
    TimePoint,
    parse_target,
)
from govbudget.indicators._model import (
    period_problem,
    time_point_problem,
)

D = Decimal


class TestTimePoint:
    @pytest.mark.parametrize(
        ("fields", "reason"),
        [({"month": 13}, "month must be 1-12"), ({"year": 1800}, "year must be"),
         ({}, "needs a year"), ({"year": 2024, "day": 3}, "day needs a month"),
         ({"month": 2, "day": 30}, "day must be 1-29"),
         ({"month": 6, "day": 1, "part": Part.END}, "cannot both"),
         ({"month": 6, "part": Part.START}, "not a part of a month"),
         ({"part": Part.LAST_TEN}, "not a part of a year"),
         ({"month": True}, "must be an int")],
    )  # fmt: skip
    def test_invalid(self, fields: dict[str, object], reason: str) -> None:
        """Impossible fields are refused with a reason."""
        with pytest.raises(ValueError, match=reason):
            TimePoint(**fields)  # type: ignore[arg-type]
        assert time_point_problem(
            fields.get("year"),
            fields.get("month"),
            fields.get("day"),
            fields.get("part"),  # type: ignore[arg-type]
        )

    def test_relation_must_be_a_relation(self) -> None:
        """A relation given as text is refused."""
        with pytest.raises(TypeError):
            TimePoint(month=3, relation="by")  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("point", "text"),
        [(TimePoint(month=3), "3月"), (TimePoint(2024, 6, part=Part.END), "2024年6月底"),
         (TimePoint(2024, 12, part=Part.END, relation=Relation.BY), "2024年12月底前"),
         (TimePoint(part=Part.END, relation=Relation.BY), "年底前"),
         (TimePoint(2024, part=Part.START), "2024年初"), (TimePoint(2024), "2024年"),
         (TimePoint(month=12, day=31, relation=Relation.BY), "12月31日前"),
         (TimePoint(month=6, relation=Relation.AFTER), "6月后")],
    )  # fmt: skip
    def test_str_round_trips(self, point: TimePoint, text: str) -> None:
        """str() is canonical and reads back equal."""
        assert str(point) == text
        assert parse_target(text) == point

    def test_windows(self) -> None:
        """Each time covers the days it names."""
        d = datetime.date
        assert TimePoint(2024, 2).window() == (d(2024, 2, 1), d(2024, 2, 29))
        assert TimePoint(month=3, part=Part.LAST_TWENTY).window(2023) == (
            d(2023, 3, 11),
            d(2023, 3, 31),
        )
        assert TimePoint(2024, part=Part.END).window() == (d(2024, 12, 1), d(2024, 12, 31))
        assert TimePoint(2024, part=Part.START).window() == (d(2024, 1, 1), d(2024, 1, 31))
        assert TimePoint(2024).window() == (d(2024, 1, 1), d(2024, 12, 31))
        assert TimePoint(2024, 6, 30).window() == (d(2024, 6, 30), d(2024, 6, 30))
        assert TimePoint(2024, 6, part=Part.FIRST_TEN).window()[1] == d(2024, 6, 10)

    def test_deadline_style(self) -> None:
        """前 and 底 are deadlines; a plain month is not."""
        assert TimePoint(month=6, relation=Relation.BY).is_deadline
        assert TimePoint(2024, 6, part=Part.END).is_deadline
        assert not TimePoint(month=3).is_deadline
        assert not TimePoint(month=6, relation=Relation.AFTER).is_deadline


class TestPeriod:
    def test_invalid(self) -> None:
        """Backwards periods, mixed years and relations are refused."""
        with pytest.raises(ValueError, match="forwards"):
            Period(TimePoint(month=7), TimePoint(month=6))
        with pytest.raises(ValueError, match="both have a year"):
            Period(TimePoint(2024, 6), TimePoint(month=7))
        with pytest.raises(ValueError, match="前 or 后"):
            Period(TimePoint(month=6, relation=Relation.BY), TimePoint(month=7))
        assert period_problem("6月", TimePoint(month=7)) is not None

    def test_str_compacts_the_same_year(self) -> None:
        """The end's year is dropped when it is the start's, and read back."""
        p = Period(TimePoint(2024, 3), TimePoint(2024, 8))
        assert str(p) == "2024年3月至8月"
        assert parse_target(str(p)) == p
        q = Period(TimePoint(2023, 7), TimePoint(2024, 1))
        assert str(q) == "2023年7月至2024年1月"
        y = Period(TimePoint(2023), TimePoint(2024))
        assert parse_target(str(y)) == y

    def test_window(self) -> None:
        """A period covers its start's first day to its end's last day."""
        p = Period(TimePoint(month=6), TimePoint(month=7))
        assert p.window(2024) == (datetime.date(2024, 6, 1), datetime.date(2024, 7, 31))


class TestFrequency:
    def test_must_be_reduced(self) -> None:
        """The constructor refuses unreduced rates; of() reduces them."""
        with pytest.raises(ValueError, match="not reduced"):
            Frequency(12, FrequencyUnit.MONTH, 2)
        assert Frequency.of(12, FrequencyUnit.MONTH, 2) == Frequency(6, FrequencyUnit.MONTH)
        assert Frequency.of(14, FrequencyUnit.DAY, 2) == Frequency(7, FrequencyUnit.DAY)

    @pytest.mark.parametrize(
        ("fields", "error"),
        [((0, FrequencyUnit.DAY, 1), ValueError), ((1, FrequencyUnit.DAY, 0), ValueError),
         ((True, FrequencyUnit.DAY, 1), TypeError), ((1, "day", 1), TypeError),
         ((10**7, FrequencyUnit.DAY, 1), ValueError)],
    )  # fmt: skip
    def test_invalid(self, fields: tuple[object, object, object], error: type[Exception]) -> None:
        """Non-positive, non-int or huge fields are refused."""
        with pytest.raises(error):
            Frequency(*fields)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("freq", "text"),
        [(Frequency(1, FrequencyUnit.MONTH), "每月"), (Frequency(5, FrequencyUnit.MONTH), "每5月"),
         (Frequency(24, FrequencyUnit.MONTH), "每2年"), (Frequency(3, FrequencyUnit.DAY), "每3天"),
         (Frequency(21, FrequencyUnit.DAY), "每3周"), (Frequency(1, FrequencyUnit.DAY, 3), "每天3次")],
    )  # fmt: skip
    def test_str_round_trips(self, freq: Frequency, text: str) -> None:
        """str() is canonical and reads back equal."""
        assert str(freq) == text
        assert parse_target(text) == freq

    def test_per_year(self) -> None:
        """Occurrences per year count months as 1/12 and days as 1/365 of a year."""
        assert Frequency(2, FrequencyUnit.MONTH).per_year == 6
        assert Frequency(7, FrequencyUnit.DAY).per_year == D(365) / 7
