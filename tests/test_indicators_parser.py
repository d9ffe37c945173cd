"""Tests for govbudget.indicators._parser: the indicator value grammar (指标值)."""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import pytest

from govbudget import GovBudgetError, IndicatorSyntaxError
from govbudget.indicators import (
    Comparison,
    Frequency,
    FrequencyUnit,
    Part,
    Period,
    Qualitative,
    Quantity,
    Range,
    Relation,
    TimePoint,
    Unparsed,
    parse_indicator_value,
    parse_target,
)
from govbudget.indicators._parser import _fast, _Parser, qualitative_problem
from govbudget.indicators._tokenizer import normalise

DATA = Path(__file__).resolve().parent / "data" / "indicator_values.csv"
SAMPLE = (
    Path(__file__).resolve().parent.parent / "examples" / "data" / "jincheng-npc-office-2024.txt"
)


def _rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines))


ROWS = _rows()


def _slow(text: str) -> object:
    """The full parser, bypassing the fast paths."""
    return _Parser(normalise(text), text).parse()


class TestValueTable:
    @pytest.mark.parametrize("row", ROWS, ids=[r["input"] for r in ROWS])
    def test_kind_and_canonical(self, row: dict[str, str]) -> None:
        """Each real value parses to the expected kind and canonical spelling."""
        t = parse_target(row["input"])
        assert t.kind == row["kind"]
        assert str(t) == row["canonical"]

    @pytest.mark.parametrize("row", ROWS, ids=[r["input"] for r in ROWS])
    def test_canonical_round_trips(self, row: dict[str, str]) -> None:
        """Parsing the canonical spelling gives back an equal target."""
        t = parse_target(row["input"])
        assert parse_target(str(t)) == t
        assert hash(parse_target(str(t))) == hash(t)

    @pytest.mark.parametrize("row", ROWS, ids=[r["input"] for r in ROWS])
    def test_fast_paths_agree_with_the_full_parser(self, row: dict[str, str]) -> None:
        """Whatever a fast path returns, the full parser returns too."""
        fast = _fast(normalise(row["input"]))
        if fast is not None:
            assert fast == _slow(row["input"])

    def test_table_is_large_enough(self) -> None:
        """The table holds at least 60 values, at least 60 of them distinct real values."""
        assert len(ROWS) >= 60
        assert len({r["input"] for r in ROWS}) == len(ROWS)
        assert sum(r["note"].startswith("sample report") for r in ROWS) >= 60

    def test_every_comparison_value_in_the_sample_is_in_the_table(self) -> None:
        """Every ``≥…``/``≤…`` value in the sample report's performance tables is covered."""
        text = SAMPLE.read_text(encoding="utf-8")
        tables = re.findall(r"一级指标 二级指标.*?负责人", text, flags=re.S)
        assert len(tables) == 13
        found = set()
        for table in tables:
            found |= set(re.findall(r"[≥≤]\d[\d.]*[^\s\d（）]*", table))
        inputs = {r["input"] for r in ROWS}
        assert found, "the pattern found nothing"
        assert found <= inputs, found - inputs

    @pytest.mark.parametrize(
        "value",
        ["≥95%", "≤82平方米", "100%", "1800元/人", "470元/人/天", "≤200元/人/天", "≤55把", "3部",
         "≥1套", "14个", "20分钟左右", "6期", "≤60万元", "255.6万元", "3月份", "6月前", "4月",
         "2024年6月底", "2024年12月底 前", "3月中下旬", "6至7月", "3至8月", "每两月", "每半年",
         "每两周", "每月", "及时", "优化", "保障", "提高", "确保", "有效展示", "进一步有效增强"],
    )  # fmt: skip
    def test_values_named_in_domain_notes_are_in_the_table(self, value: str) -> None:
        """Each value DOMAIN.md lists from the sample is a row of the table."""
        assert value in {r["input"] for r in ROWS}


class TestComparisons:
    @pytest.mark.parametrize(
        "spelling", ["不低于95%", "≥95%", ">=95%", "≥ 95 %", "95%以上", "≧95%", "＞＝９５％",
                     "不少于95%", "至少95%", "达到95%", "95%及以上", "大于或等于95%"],
    )  # fmt: skip
    def test_at_least_spellings_are_equal(self, spelling: str) -> None:
        """Every spelling of 'at least 95%' gives the same target and canonical form."""
        t = parse_target(spelling)
        assert t == Quantity(Comparison.GE, Decimal(95), "%")
        assert str(t) == "≥95%"

    @pytest.mark.parametrize(
        ("spelling", "canonical"),
        [("≤50万元", "≤50万元"), ("不超过50万元", "≤50万元"), ("不高于50万元", "≤50万元"),
         ("50万元以下", "≤50万元"), ("50万元以内", "≤50万元"), ("控制在50万元以内", "≤50万元"),
         ("<=50万元", "≤50万元"), (">50万元", ">50万元"), ("超过50万元", ">50万元"),
         ("<50万元", "<50万元"), ("不足50万元", "<50万元"), ("=50万元", "50万元"),
         ("50万元", "50万元"), ("约50万元", "≈50万元"), ("50万元左右", "≈50万元")],
    )  # fmt: skip
    def test_canonical_spelling_of_each_meaning(self, spelling: str, canonical: str) -> None:
        """Each comparison word maps to its canonical symbol (EQ prints bare)."""
        assert str(parse_target(spelling)) == canonical

    def test_different_meanings_are_not_equal(self) -> None:
        """≥, >, ≤, <, = and ≈ of the same number are six different targets."""
        spellings = ["≥95%", ">95%", "≤95%", "<95%", "95%", "≈95%"]
        targets = {parse_target(s) for s in spellings}
        assert len(targets) == 6
        assert len({str(t) for t in targets}) == 6

    def test_yi_shang_includes_the_number(self) -> None:
        """以上/以下/以内 include the number (≥/≤), as Chinese legal usage defines them."""
        assert parse_target("95%以上").comparison is Comparison.GE
        assert parse_target("5天以下").comparison is Comparison.LE
        assert parse_target("5天以内").comparison is Comparison.LE

    def test_prefix_and_suffix_must_agree(self) -> None:
        """A suffix that contradicts the prefix is an error pointing at the suffix."""
        with pytest.raises(IndicatorSyntaxError) as info:
            parse_target("≥95%以下")
        assert info.value.span == (4, 6)
        assert str(parse_target("达到95%以上")) == "≥95%"

    def test_percent_keeps_percentage_semantics(self) -> None:
        """95% is the number 95 with the unit %, not 0.95."""
        t = parse_target("95%")
        assert isinstance(t, Quantity)
        assert (t.value, t.unit) == (Decimal(95), "%")


class TestNumbersAndUnits:
    @pytest.mark.parametrize(
        ("text", "value", "unit"),
        [("1,800元/人", "1800", "元/人"), ("１８００元/人", "1800", "元/人"),
         ("500,000元", "500000", "元"), ("255.60万元", "255.6", "万元"), ("0.50%", "0.5", "%"),
         ("007个", "7", "个"), ("-0", "0", ""), ("+3次", "3", "次"), ("10㎡", "10", "平方米"),
         ("5日", "5", "天"), ("3把", "3", "把"), ("2次/年", "2", "次/年"),
         ("12元/人·天", "12", "元/人/天"), ("3个月", "3", "个月"), ("1.5万人次", "1.5", "万人次")],
    )  # fmt: skip
    def test_number_and_unit(self, text: str, value: str, unit: str) -> None:
        """Numbers are exact Decimals without trailing zeros; units are canonical."""
        t = parse_target(text)
        assert isinstance(t, Quantity)
        assert t.value == Decimal(value)
        assert str(t.value) == value
        assert t.unit == unit

    def test_numbers_are_never_float(self) -> None:
        """Every number in a parsed target is a Decimal."""
        for row in ROWS:
            t = parse_target(row["input"])
            for name in ("value", "low", "high"):
                if hasattr(t, name):
                    assert type(getattr(t, name)) is Decimal

    def test_unknown_chinese_unit_words_are_units(self) -> None:
        """An unknown short word after a number is a unit, not an error (open list)."""
        assert parse_target("3幅").unit == "幅"  # type: ignore[union-attr]
        assert parse_target("≥2个批次").unit == "个批次"  # type: ignore[union-attr]

    def test_money_values_compare_across_units(self) -> None:
        """≤50万元 and ≤500,000元 are different statements of the same amount."""
        a, b = parse_target("≤50万元"), parse_target("500,000元")
        assert isinstance(a, Quantity)
        assert isinstance(b, Quantity)
        assert a != b
        assert a.same_value(b)
        assert a.as_money() == b.as_money()

    def test_year_unit_quantity_prints_with_equals(self) -> None:
        """=2024年 is 2024 years; its canonical form keeps '=' so it does not read as a year."""
        t = parse_target("=2024年")
        assert t == Quantity(Comparison.EQ, Decimal(2024), "年")
        assert str(t) == "=2024年"
        assert parse_target("2024年") == TimePoint(year=2024)


class TestRanges:
    @pytest.mark.parametrize("text", ["6至7", "6-7", "6~7", "6～7", "6—7", "6到7", "6 - 7"])
    def test_separators(self, text: str) -> None:
        """All range separators give the same range, printed with 至."""
        assert parse_target(text) == Range(Decimal(6), Decimal(7))
        assert str(parse_target(text)) == "6至7"

    def test_unit_on_either_end(self) -> None:
        """A unit on one or both ends applies to the range; different units are an error."""
        assert parse_target("3个-5个") == parse_target("3-5个") == parse_target("3个-5")
        with pytest.raises(IndicatorSyntaxError, match="different units"):
            parse_target("3个-5套")

    def test_reversed_range_is_an_error(self) -> None:
        """A range must go up."""
        with pytest.raises(IndicatorSyntaxError, match="low to high") as info:
            parse_target("8-3")
        assert info.value.span == (0, 3)

    def test_range_with_comparison_is_an_error(self) -> None:
        """A comparison or suffix on a range is an error."""
        with pytest.raises(IndicatorSyntaxError):
            parse_target("≥3-5")
        with pytest.raises(IndicatorSyntaxError):
            parse_target("3-5天左右")


class TestTimes:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [("3月份", TimePoint(month=3)), ("4月", TimePoint(month=4)),
         ("6月前", TimePoint(month=6, relation=Relation.BY)),
         ("6月之前", TimePoint(month=6, relation=Relation.BY)),
         ("6月后", TimePoint(month=6, relation=Relation.AFTER)),
         ("2024年6月底", TimePoint(2024, 6, part=Part.END)),
         ("2024年12月底 前", TimePoint(2024, 12, part=Part.END, relation=Relation.BY)),
         ("3月中下旬", TimePoint(month=3, part=Part.LAST_TWENTY)),
         ("3月中旬", TimePoint(month=3, part=Part.MIDDLE_TEN)),
         ("12月31日前", TimePoint(month=12, day=31, relation=Relation.BY)),
         ("2024年6月30日", TimePoint(2024, 6, 30)), ("2024-06-30", TimePoint(2024, 6, 30)),
         ("2024.6.30", TimePoint(2024, 6, 30)), ("2024年", TimePoint(2024)),
         ("2024年底", TimePoint(2024, part=Part.END)), ("年底前", TimePoint(part=Part.END,
          relation=Relation.BY)), ("年初", TimePoint(part=Part.START)),
         ("2024 年 6 月 底", TimePoint(2024, 6, part=Part.END))],
    )  # fmt: skip
    def test_points(self, text: str, expected: TimePoint) -> None:
        """Months, dates and parts of them parse to TimePoint."""
        assert parse_target(text) == expected

    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [("6至7月", TimePoint(month=6), TimePoint(month=7)),
         ("3至8月", TimePoint(month=3), TimePoint(month=8)),
         ("3月-8月", TimePoint(month=3), TimePoint(month=8)),
         ("2023.07-2024.01", TimePoint(2023, 7), TimePoint(2024, 1)),
         ("2024年3至8月", TimePoint(2024, 3), TimePoint(2024, 8)),
         ("2024年3月至8月", TimePoint(2024, 3), TimePoint(2024, 8)),
         ("6月1日至6月30日", TimePoint(month=6, day=1), TimePoint(month=6, day=30))],
    )  # fmt: skip
    def test_periods(self, text: str, start: TimePoint, end: TimePoint) -> None:
        """Periods parse to Period; a year on one end applies to both."""
        assert parse_target(text) == Period(start, end)

    @pytest.mark.parametrize(
        ("text", "reason"),
        [("13月", "month must be 1-12"), ("2月30日", "day must be 1-29"),
         ("2023年2月29日", "day must be 1-28"), ("6至5月", "run forwards"),
         ("11月至2月", "run forwards"), ("6至7月前", "cannot take"),
         ("≥3月", "个月"), ("2024年5", "expected 月"), ("6月至", "expected a date"),
         ("2月29日至2023年3月1日", "day must be 1-28"), ("2023年1月至2月29日", "day must be 1-28")],
    )  # fmt: skip
    def test_bad_times(self, text: str, reason: str) -> None:
        """Impossible or ambiguous times are errors with a reason."""
        with pytest.raises(IndicatorSyntaxError, match=reason):
            parse_target(text)

    def test_month_spelled_with_fen_equals_month(self) -> None:
        """3月份 and 3月 are one target, printed 3月."""
        assert parse_target("3月份") == parse_target("3月")
        assert str(parse_target("3月份")) == "3月"


class TestFrequencies:
    @pytest.mark.parametrize(
        ("text", "every", "unit", "times", "canonical"),
        [("每月", 1, FrequencyUnit.MONTH, 1, "每月"),
         ("每两月", 2, FrequencyUnit.MONTH, 1, "每2月"),
         ("每2个月", 2, FrequencyUnit.MONTH, 1, "每2月"),
         ("每半年", 6, FrequencyUnit.MONTH, 1, "每半年"),
         ("每年2次", 6, FrequencyUnit.MONTH, 1, "每半年"),
         ("每两周", 14, FrequencyUnit.DAY, 1, "每2周"),
         ("每季度", 3, FrequencyUnit.MONTH, 1, "每季度"),
         ("每年", 12, FrequencyUnit.MONTH, 1, "每年"),
         ("每周", 7, FrequencyUnit.DAY, 1, "每周"),
         ("每天", 1, FrequencyUnit.DAY, 1, "每天"),
         ("每日", 1, FrequencyUnit.DAY, 1, "每天"),
         ("每月2次", 1, FrequencyUnit.MONTH, 2, "每月2次"),
         ("每半月", 1, FrequencyUnit.MONTH, 2, "每月2次"),
         ("每十二个月", 12, FrequencyUnit.MONTH, 1, "每年"),
         ("每三年", 36, FrequencyUnit.MONTH, 1, "每3年")],
    )  # fmt: skip
    def test_frequencies(
        self, text: str, every: int, unit: FrequencyUnit, times: int, canonical: str
    ) -> None:
        """Frequencies reduce to one canonical form per rate."""
        t = parse_target(text)
        assert t == Frequency(every, unit, times)
        assert str(t) == canonical

    def test_limits(self) -> None:
        """Up to 999,999 times per period; beyond, text starting with 每月 stays text."""
        assert parse_target("每月999999次") == Frequency(1, FrequencyUnit.MONTH, 999999)
        assert isinstance(parse_target("每月1000000次"), Qualitative)

    def test_zero_period_is_an_error(self) -> None:
        """每0月 starts like a frequency with a number, so it is an error, not text."""
        with pytest.raises(IndicatorSyntaxError, match="at least 1"):
            parse_target("每0月")


class TestQualitative:
    @pytest.mark.parametrize(
        "text", ["及时", "优化", "保障", "提高", "确保", "弥补", "有效展示", "进一步有效增强",
                 "达成年度指标", "达成预期指标", "优", "良", "中", "差", "优良", "合格", "按期完成",
                 "明显提升", "不低于同期水平", "约定俗成", "达到预期", "不低于"],
    )  # fmt: skip
    def test_words_are_qualitative(self, text: str) -> None:
        """Words that do not start like a number are qualitative, kept verbatim."""
        t = parse_target(text)
        assert t == Qualitative(text)
        assert str(t) == text

    def test_text_with_digits_inside_is_qualitative(self) -> None:
        """Chinese text with a number inside is kept as text, flagged by has_number."""
        t = parse_target("完成24期节目制作")
        assert isinstance(t, Qualitative)
        assert t.has_number

    def test_text_starting_with_a_number_is_an_error(self) -> None:
        """Text that starts like a number must parse completely."""
        with pytest.raises(IndicatorSyntaxError, match="unexpected '作'"):
            parse_target("24期节目制作")

    def test_comparison_sign_inside_text_is_an_error(self) -> None:
        """A name fused with its value (满意度≥95%) is an error at the sign."""
        with pytest.raises(IndicatorSyntaxError, match="fused") as info:
            parse_target("人大常委会议召开完成率≥95%")
        assert info.value.span == (11, 12)

    def test_wrapped_text_is_joined(self) -> None:
        """Spaces next to Chinese characters (a PDF line wrap) are removed."""
        t = parse_target(" 加强对代表履职和代表工\u3000作的宣传 ")
        assert t == Qualitative("加强对代表履职和代表工作的宣传")

    def test_joined_text_is_read_afresh(self) -> None:
        """A spelled comparison broken by a space reads as the quantity once joined."""
        assert parse_target("不 低于95%") == parse_target("≥95%")
        assert parse_target("每月 2 次") == Frequency(1, FrequencyUnit.MONTH, 2)

    def test_error_in_joined_text_points_into_the_text_as_given(self) -> None:
        """An error found after joining a wrapped line is reported at the original offset."""
        with pytest.raises(IndicatorSyntaxError, match="unexpected '%'") as info:
            parse_target("不 低于95%%")
        assert info.value.source == "不 低于95%%"
        assert info.value.span == (7, 8)

    def test_qualitative_problem(self) -> None:
        """qualitative_problem accepts qualitative text and explains anything else."""
        assert qualitative_problem("及时") is None
        assert qualitative_problem("") is not None
        assert "quantity" in (qualitative_problem("95%") or "")
        assert qualitative_problem("≥") is not None


ERRORS = [
    ("≥%95", "expected a number after '≥'", (1, 2)),
    ("≥", "expected a number after '≥'", (1, 1)),
    ("95%%", "unexpected '%'", (3, 4)),
    ("≥95%≤", "goes before the number", (4, 5)),
    ("", "cannot be empty", (0, 0)),
    ("   ", "cannot be empty", (0, 3)),
    ("12,34", "3 digits", (2, 3)),
    ("1,8000", "3 digits", (5, 6)),
    ("95.", "unexpected '.'", (2, 3)),
    ("-", "expected a number", (0, 1)),
    ("3天前", "unexpected '前'", (2, 3)),
    ("不低于95%%", "unexpected '%'", (6, 7)),
    ("约 5 x y", "unexpected 'y'", (6, 7)),  # x is a Latin unit
    ("≥ 95 % 以上 %", "unexpected '%'", (10, 11)),
]


class TestErrors:
    @pytest.mark.parametrize(("text", "reason", "span"), ERRORS, ids=[e[0] for e in ERRORS])
    def test_reason_and_span(self, text: str, reason: str, span: tuple[int, int]) -> None:
        """Malformed text raises IndicatorSyntaxError pointing at the offending character."""
        with pytest.raises(IndicatorSyntaxError) as info:
            parse_target(text)
        assert reason in info.value.reason
        assert info.value.span == span
        assert info.value.source == text

    def test_caret_marks_the_character(self) -> None:
        """str() of the error shows the text and a caret under the problem."""
        with pytest.raises(IndicatorSyntaxError) as info:
            parse_target("≥%95")
        assert str(info.value).splitlines() == ["expected a number after '≥'", "    ≥%95", "     ^"]

    def test_error_is_a_value_error_and_a_govbudget_error(self) -> None:
        """Callers can catch ValueError or GovBudgetError."""
        with pytest.raises(ValueError):  # noqa: PT011
            parse_target("≥")
        with pytest.raises(GovBudgetError):
            parse_target("≥")

    @pytest.mark.parametrize(("text", "reason", "span"), ERRORS, ids=[e[0] for e in ERRORS])
    def test_not_strict_returns_unparsed(
        self, text: str, reason: str, span: tuple[int, int]
    ) -> None:
        """strict=False returns Unparsed with the raw text, the reason and the span."""
        u = parse_target(text, strict=False)
        assert isinstance(u, Unparsed)
        assert u.text == text
        assert reason in u.reason
        assert (u.start, u.end) == span
        assert parse_target(str(u), strict=False) == u

    def test_huge_numbers_do_not_crash(self) -> None:
        """Very long digit runs give a syntax error or an exact target, never another error."""
        big = "9" * 5000
        for text, reason in ((big + "月", "month must be 1-12"), ("每" + big + "月", "too large"),
                             ("2024年" + big, "expected 月")):  # fmt: skip
            with pytest.raises(IndicatorSyntaxError, match=reason):
                parse_target(text)
        q = parse_target(big + "%")
        assert isinstance(q, Quantity)
        assert str(q) == big + "%"

    def test_non_str_is_a_type_error(self) -> None:
        """Only text is parsed."""
        with pytest.raises(TypeError):
            parse_target(95)  # type: ignore[arg-type]


class TestParseIndicatorValue:
    def test_never_raises_on_content(self) -> None:
        """The reader's hook returns Unparsed for bad text and targets for good text."""
        assert parse_indicator_value("≥") == parse_target("≥", strict=False)
        assert parse_indicator_value("≤55把") == Quantity(Comparison.LE, Decimal(55), "把")
        assert isinstance(parse_indicator_value(""), Unparsed)
