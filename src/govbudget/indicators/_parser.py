"""The indicator value grammar (指标值): a structured parser over named tokens.

Grammar (``ws`` may separate any two tokens; ``[x]`` is optional)::

    value      := frequency | time | quantity | range | qualitative
    quantity   := [cmp] number [unit] [suffix]        cmp and suffix must agree
    range      := number [unit] sep number [unit]     sep: 至 到 - ~ —
    time       := point [rel] | point sep point       a period
    point      := YYYY年 [M月 [D日 | mpart] | ypart] | M月[份] [D日 | mpart]
                | 年底 | 年末 | 年初 | YYYY-MM-DD
    period     := M sep M月 | YYYY年M sep M月 | YYYY.MM sep YYYY.MM | point sep point
    frequency  := 每 [n | 两 … | 半] [个] (天 日 周 星期 月 季度 年) [n次]
    cmp        := ≥ ≤ > < = ≈ >= <= | 不低于 不少于 达到 至少 … | 不高于 不超过 控制在 …
    suffix     := 以上 (≥) | 以下 以内 内 (≤) | 左右 上下 (≈)
    mpart      := 上旬 中旬 下旬 上中旬 中下旬 底 末 初 中;  ypart := 底 末 初
    rel        := 前 之前 以前 内 以内 (by) | 后 之后 以后 (after)

A bare ``N月`` (N 1-12) is a month and a bare ``NNNN年`` (1900-2199) a year; with a
comparison they are quantities (``=2024年`` is 2024 years; ``≥3月`` is refused: write
``个月``).

What is qualitative and what is an error:

- Text that *starts like a number* must parse completely, or it is an error: it
  begins with a digit, a sign, ``.``, a comparison sign, ``%``/``‰``/``~``, or a spelled
  comparison or ``每`` followed by a digit (``不低于95%%``, ``每0月``). ``≥%95``, ``95%%``
  and ``≥95%≤`` are errors.
- Any other text the grammar cannot read is qualitative, kept whole, even with digits
  in it (``完成24期节目制作``; see `Qualitative.has_number`), unless it holds a
  comparison sign (``≥ ≤ < > = ≈``): ``满意度≥95%`` is an indicator name fused with its
  value, and is an error pointing at the sign.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from .._errors import IndicatorSyntaxError
from ._model import (
    Comparison,
    FrequencyUnit,
    Part,
    Period,
    Qualitative,
    Relation,
    Target,
    TimePoint,
    Unparsed,
    judge_qualitative_with,
    make_frequency,
    make_period,
    make_qualitative,
    make_quantity,
    make_range,
    make_time_point,
    normalise_text,
    period_problem,
    range_problem,
    reduce_rate,
    time_point_problem,
)
from ._tokenizer import _CMP_WORDS, RULE_PATTERNS, LazyPatterns, Tokenizer, normalise
from ._units import UNIT_PATTERN, canonical_unit

__all__ = ["parse_indicator_value", "parse_target", "qualitative_problem"]

GE, LE, GT, LT, EQ, APPROX = (
    Comparison.GE,
    Comparison.LE,
    Comparison.GT,
    Comparison.LT,
    Comparison.EQ,
    Comparison.APPROX,
)
_CMP_SYMBOLS: Final = {
    ">=": GE, "≥": GE, "<=": LE, "≤": LE, ">": GT, "<": LT, "=": EQ, "==": EQ, "≈": APPROX,
}  # fmt: skip
_CMP_WORD_MEANING: Final = {
    "大于或等于": GE, "大于等于": GE, "不低于": GE, "不少于": GE, "不小于": GE, "至少": GE,
    "最少": GE, "达到": GE,
    "小于或等于": LE, "小于等于": LE, "不高于": LE, "不超过": LE, "不多于": LE, "不大于": LE,
    "控制在": LE, "至多": LE, "最多": LE,
    "大于": GT, "高于": GT, "超过": GT, "多于": GT,
    "小于": LT, "低于": LT, "少于": LT, "不足": LT, "不到": LT, "不满": LT,
    "等于": EQ,
    "大约": APPROX, "约为": APPROX, "约": APPROX,
}  # fmt: skip
_SUFFIX_MEANING: Final = {
    "以上": GE, "及以上": GE, "以下": LE, "及以下": LE, "以内": LE, "之内": LE, "内": LE,
    "左右": APPROX, "上下": APPROX,
}  # fmt: skip
_MONTH_PART_WORDS: Final = {
    "上旬": Part.FIRST_TEN, "中旬": Part.MIDDLE_TEN, "下旬": Part.LAST_TEN,
    "上中旬": Part.FIRST_TWENTY, "中下旬": Part.LAST_TWENTY, "底": Part.END, "末": Part.END,
    "初": Part.FIRST_TEN, "中": Part.MIDDLE_TEN,
}  # fmt: skip
_YEAR_PART_WORDS: Final = {"底": Part.END, "末": Part.END, "初": Part.START}
_CN_DIGITS: Final = {
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_FREQ_PERIODS: Final = {
    "天": (FrequencyUnit.DAY, 1), "日": (FrequencyUnit.DAY, 1), "周": (FrequencyUnit.DAY, 7),
    "星期": (FrequencyUnit.DAY, 7), "礼拜": (FrequencyUnit.DAY, 7),
    "月": (FrequencyUnit.MONTH, 1), "个月": (FrequencyUnit.MONTH, 1),
    "季度": (FrequencyUnit.MONTH, 3), "季": (FrequencyUnit.MONTH, 3),
    "个季度": (FrequencyUnit.MONTH, 3), "年": (FrequencyUnit.MONTH, 12),
    "年度": (FrequencyUnit.MONTH, 12),
}  # fmt: skip
_MAX_EVERY: Final = 10**6

_NUM: Final = r"[+-]?(?:\d{1,3}(?:[,，]\d{3})+|\d+)(?:\.\d+)?(?![\d,，.])"
_R: Final = RULE_PATTERNS
_RX: Final = LazyPatterns(
    numeric_start=rf" *(?:[\d.+\-≥≤<>=≈~%‰]|(?:{_CMP_WORDS}|每) *[\d.+\-])",
    cmp_sign=r"[≥≤<>=≈]",
    year_text=r"(19\d\d|2[01]\d\d)",
    month_text=r"\d{1,2}",
    yyyy_mm_text=r"(19\d\d|2[01]\d\d)\.(0[1-9]|1[0-2])",
    fast=(
        rf" *(?:({_R['CMP_SYMBOL']})|({_CMP_WORDS}))? *({_NUM}) *"
        rf"(?:(?![年月])({UNIT_PATTERN}))? *({_R['SUFFIX']})? *"
    ),
    fast_range=(
        rf" *({_NUM}) *(?:(?![年月])({UNIT_PATTERN}))? *(?:{_R['RANGE_SEP']}) *({_NUM}) *"
        rf"(?:(?![年月])({UNIT_PATTERN}))? *"
    ),
    fast_time=(
        r" *(?:(19\d\d|2[01]\d\d) *年 *)?(\d{1,2}) *月(?:份)? *"
        rf"(?:(\d{{1,2}}) *[日号]|({_R['MONTH_PART']}))? *"
        rf"(?:({_R['BEFORE']})|({_R['AFTER']}))? *"
    ),
    fast_months=rf" *(\d{{1,2}}) *(?:{_R['RANGE_SEP']}) *(\d{{1,2}}) *月(?:份)? *",
)
# Characters that can begin something other than qualitative text.
_NOT_TEXT_START: Final = frozenset(
    "0123456789.+-≥≤<>=≈~%‰ 每年" + "".join(w[0] for w in _CMP_WORDS.split("|"))
)


def _tp(
    year: int | None,
    month: int | None,
    day: int | None = None,
    part: Part | None = None,
    relation: Relation = Relation.AT,
) -> TimePoint:
    """A TimePoint from fields the parser has already checked."""
    return make_time_point(year, month, day, part, relation)


def _decimal(raw: str) -> Decimal:
    """The canonical Decimal of a NUMBER token's text (exact, no context involved)."""
    if "," in raw or "，" in raw:
        raw = raw.replace(",", "").replace("，", "")
    if "." in raw:
        raw = raw.rstrip("0").rstrip(".")
    d = Decimal(raw)
    return d if d else _ZERO


_ZERO: Final = Decimal(0)


def _positions(src: str, joined: str) -> list[int]:
    """For each character of ``joined`` (``src`` with some spaces removed), its offset in
    ``src``; one more entry for the end."""
    out: list[int] = []
    i = 0
    for ch in joined:
        while src[i] != ch:
            i += 1
        out.append(i)
        i += 1
    out.append(i)
    return out


def _show(text: str) -> str:
    """``repr`` of text for a message, shortened past 24 characters."""
    return repr(text if len(text) <= 24 else text[:23] + "…")


def _fast(src: str) -> Target | None:
    """The common shapes, one regex match each, or ``None`` for the full parser.

    Each fast path gives exactly what the full parser gives (a property test checks it):
    ``[cmp] number [unit] [suffix]``, ``number [unit] sep number [unit]``,
    ``[YYYY年]M月[份][D日|part][前|后]``, and plain qualitative text (no space, no
    comparison sign, not starting like anything else).
    """
    if not src:
        return None
    first = src[0]
    if first not in _NOT_TEXT_START and first > "\x7f":
        if " " not in src and _RX.cmp_sign.search(src) is None:
            return make_qualitative(src)
        return None
    if first == "每":
        return None
    m = _RX.fast.fullmatch(src)
    if m is None:
        return _fast_time(src) if "月" in src else _fast_range(src)
    cs, cw, n, unit, s = m.groups()
    cmp = _CMP_SYMBOLS[cs] if cs else _CMP_WORD_MEANING[cw] if cw else None
    if s:
        scmp = _SUFFIX_MEANING[s]
        if cmp is not None and cmp is not scmp:
            return None  # the full parser reports the conflict
        cmp = scmp
    return make_quantity(
        EQ if cmp is None else cmp, _decimal(n), canonical_unit(unit) if unit else ""
    )


def _fast_range(src: str) -> Target | None:
    m = _RX.fast_range.fullmatch(src)
    if m is None:
        return None
    n1, u1, n2, u2 = m.groups()
    unit1 = canonical_unit(u1) if u1 else ""
    unit2 = canonical_unit(u2) if u2 else ""
    if unit1 and unit2 and unit1 != unit2:
        return None
    unit = unit2 or unit1
    if not unit and _RX.yyyy_mm_text.fullmatch(n1) and _RX.yyyy_mm_text.fullmatch(n2):
        return None
    low, high = _decimal(n1), _decimal(n2)
    if range_problem(low, high, unit) is not None:
        return None
    return make_range(low, high, unit)


def _fast_time(src: str) -> Target | None:
    m = _RX.fast_time.fullmatch(src)
    if m is None:
        mm = _RX.fast_months.fullmatch(src)
        if mm is None:
            return None
        a, b = int(mm[1]), int(mm[2])
        if not 1 <= a < b <= 12:
            return None
        return make_period(_tp(None, a), _tp(None, b))
    y, mo, d, p, by, after = m.groups()
    year = int(y) if y else None
    month = int(mo)
    day = int(d) if d else None
    if time_point_problem(year, month, day, None) is not None:
        return None
    relation = Relation.BY if by else Relation.AFTER if after else Relation.AT
    return make_time_point(year, month, day, _MONTH_PART_WORDS[p] if p else None, relation)


def parse_target(text: str, *, strict: bool = True) -> Target:
    """Parse an indicator value (指标值) into a typed target.

    Args:
        text: the value as printed, e.g. ``"≥95%"``, ``"2024年12月底 前"``, ``"及时"``.
        strict: raise on malformed text (default); with ``strict=False`` return an
            `Unparsed` target carrying the text and the reason instead.

    Returns:
        A `Quantity`, `Range`, `TimePoint`, `Period`,
        `Frequency`, `Qualitative` or (``strict=False`` only)
        `Unparsed`. ``str()`` of it is the canonical spelling.

    Raises:
        IndicatorSyntaxError: malformed text (``strict=True`` only); ``str()`` of the
            error marks the offending character. No other error is raised for a ``str``.
        TypeError: ``text`` is not a ``str``.

    ```pycon
    >>> parse_target("不低于95%") == parse_target("95%以上") == parse_target("≥ 95 ％")
    True
    >>> str(parse_target("控制在50万元以内")), str(parse_target("20分钟左右"))
    ('≤50万元', '≈20分钟')
    >>> parse_target("≥%95")
    Traceback (most recent call last):
    ...
    govbudget._errors.IndicatorSyntaxError: expected a number after '≥'
        ≥%95
         ^
    >>> parse_target("95%%", strict=False)
    Unparsed(text='95%%', reason="unexpected '%' after '95%'", start=3, end=4)

    ```
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_target() needs a str (got {type(text).__name__})")
    src = normalise(text)
    fast = _fast(src)
    if fast is not None:
        return fast
    try:
        return _Parser(src, text).parse()
    except IndicatorSyntaxError as exc:
        if strict:
            raise
        start, end = exc.span
        return Unparsed(text, exc.reason, start, end)


def parse_indicator_value(text: str) -> Target:
    """The reader's hook: parse a value cell without ever raising on its content.

    The same as ``parse_target(text, strict=False)``: malformed text becomes an
    `Unparsed` target (with the reason and the span) for a checker to report.

    ```pycon
    >>> parse_indicator_value("≤55把")
    Quantity(comparison=<Comparison.LE: '≤'>, value=Decimal('55'), unit='把')
    >>> parse_indicator_value("≥").kind
    'unparsed'

    ```
    """
    return parse_target(text, strict=False)


def qualitative_problem(text: str) -> str | None:
    """Why normalised ``text`` is not qualitative text, or ``None`` when it is."""
    if not text:
        return "qualitative text cannot be empty"
    try:
        result = _Parser(text, text).parse()
    except IndicatorSyntaxError as exc:
        return exc.reason
    if not isinstance(result, Qualitative):
        return f"{text!r} reads as a {result.kind} ({result}), not as qualitative text"
    if result.text != text:  # pragma: no cover - normalised text is a fixed point
        return f"{text!r} is not normalised (expected {result.text!r})"
    return None


class _Parser:
    """Recursive descent over `Tokenizer`; one instance per value."""

    __slots__ = ("src", "text", "tok")

    def __init__(self, src: str, text: str) -> None:
        self.src = src
        self.text = text
        self.tok = Tokenizer(src, text)

    # -- entry --------------------------------------------------------------
    def parse(self) -> Target:
        tok = self.tok
        tok.skip_ws()
        if tok.at_end():
            tok.fail("an indicator value cannot be empty", 0, len(self.src))
        begin = tok.position
        try:
            node = self._structured()
            tok.skip_ws()
            if not tok.at_end():
                self._trailing(begin)
            return node
        except IndicatorSyntaxError:
            if _RX.numeric_start.match(self.src, begin):
                raise
        return self._qualitative()

    def _qualitative(self) -> Target:
        sign = _RX.cmp_sign.search(self.src)
        if sign is not None:
            self.tok.fail(
                f"comparison sign {sign[0]!r} inside text: is the indicator's name fused "
                "with its value?",
                sign.start(),
                sign.end(),
            )
        norm = normalise_text(self.src)
        if norm == self.src.strip():
            return make_qualitative(norm)
        # Spaces were removed (a wrapped line): read the joined text afresh, and point any
        # error back into the text as given.
        try:
            return _Parser(norm, norm).parse()
        except IndicatorSyntaxError as exc:
            where = _positions(self.src, norm)
            start, end = exc.span
            span = (where[start], where[end - 1] + 1 if end > start else where[start])
            raise IndicatorSyntaxError(exc.reason, self.text, span) from None

    def _trailing(self, begin: int) -> None:
        tok = self.tok
        pos = tok.position
        ch = self.src[pos]
        if ch in "≥≤<>=≈" or tok.peek("CMP_WORD") is not None:
            tok.fail(f"comparison {ch!r} after the value: a comparison goes before the number")
        done = self.src[begin:pos].strip()
        tok.fail(f"unexpected {ch!r} after {_show(done)}")

    def _structured(self) -> Target:
        tok = self.tok
        begin = tok.position
        if tok.read("EVERY"):
            return self._frequency(begin)
        m = tok.read("ISO_DATE")
        if m is not None:
            return self._time_rest(self._iso_point(m), begin)
        m = tok.read("YEAR_PART_ALONE")
        if m is not None:
            return self._time_rest(_tp(None, None, None, _YEAR_PART_WORDS[m[1]]), begin)
        return self._quantity_or_time(begin)

    # -- numbers and quantities --------------------------------------------
    def _number(self) -> re.Match[str] | None:
        tok = self.tok
        m = tok.read("NUMBER")
        if m is not None and tok.peek("BAD_GROUP") is not None:
            tok.fail("digit groups must have 3 digits (a number broken across lines?)")
        if m is not None and ("," in m[0] or "，" in m[0]) and tok.peek("INT") is not None:
            tok.fail("digit groups must have 3 digits (a number broken across lines?)")
        return m

    def _quantity_or_time(self, begin: int) -> Target:
        tok = self.tok
        cmp: Comparison | None = None
        cm = tok.read("CMP_SYMBOL")
        if cm is not None:
            cmp = _CMP_SYMBOLS[cm[0]]
        else:
            cm = tok.read("CMP_WORD")
            if cm is not None:
                cmp = _CMP_WORD_MEANING[cm[0]]
        tok.skip_ws()
        num = self._number()
        if num is None:
            if cm is not None:
                tok.fail(f"expected a number after {cm[0]!r}")
            tok.fail("expected a number, a comparison, a date, a frequency (每…) or text")
        tok.skip_ws()
        if cmp is None:
            if tok.peek("YEAR") is not None and _RX.year_text.fullmatch(num[0]):
                return self._after_year(int(num[0]), begin)
            if tok.peek("MONTH") is not None:
                month = self._month_value(num)
                tok.read("MONTH")
                return self._time_rest(self._month_rest(None, month), begin)
        unit = self._unit()
        tok.skip_ws()
        sep = tok.read("RANGE_SEP")
        if sep is not None:
            if cm is not None:
                tok.fail("a range cannot also have a comparison", *cm.span())
            return self._range_rest(num, unit, sep, begin)
        sm = tok.read("SUFFIX")
        if sm is not None:
            scmp = _SUFFIX_MEANING[sm[0]]
            if cmp is not None and cmp is not scmp and cm is not None:
                tok.fail(
                    f"{sm[0]!r} ({scmp.value}) contradicts {cm[0]!r} ({cmp.value})", *sm.span()
                )
            cmp = scmp
        return make_quantity(EQ if cmp is None else cmp, _decimal(num[0]), unit)

    def _unit(self) -> str:
        tok = self.tok
        m = tok.peek("UNIT")
        if m is None:
            return ""
        if m[0].startswith("月"):
            tok.fail(
                "write 个月 for a number of months; a bare '3月' (no comparison) is March",
                m.start(),
                m.start() + 1,
            )
        tok.position = m.end()
        return canonical_unit(m[0])

    def _range_rest(self, num: re.Match[str], unit1: str, sep: re.Match[str], begin: int) -> Target:
        tok = self.tok
        tok.skip_ws()
        num2 = self._number()
        if num2 is None:
            tok.fail(f"expected a number after {sep[0]!r}")
        tok.skip_ws()
        if not unit1 and tok.peek("MONTH") is not None:
            m1, m2 = self._month_value(num), self._month_value(num2)
            tok.read("MONTH")
            return self._period(_tp(None, m1), self._month_rest(None, m2), begin)
        unit_start = tok.position
        unit2 = self._unit()
        if unit1 and unit2 and unit1 != unit2:
            tok.fail(
                f"the ends of a range have different units {unit1!r} and {unit2!r}",
                unit_start,
                tok.position,
            )
        unit = unit2 or unit1
        if not unit:
            a, b = _RX.yyyy_mm_text.fullmatch(num[0]), _RX.yyyy_mm_text.fullmatch(num2[0])
            if a is not None and b is not None:
                start = _tp(int(a[1]), int(a[2]))
                end = _tp(int(b[1]), int(b[2]))
                return self._period(start, end, begin)
        low, high = _decimal(num[0]), _decimal(num2[0])
        if not low < high:
            tok.fail("a range must go from low to high", num.start(), num2.end())
        tok.skip_ws()
        sm = tok.peek("SUFFIX")
        if sm is not None:
            tok.fail(f"a range cannot also take {sm[0]!r}", *sm.span())
        problem = range_problem(low, high, unit)
        if problem is not None:
            tok.fail(f"{problem}; write it as 2023年7月至2024年1月", begin, tok.position)
        return make_range(low, high, unit)

    # -- times --------------------------------------------------------------
    def _month_value(self, num: re.Match[str]) -> int:
        if _RX.month_text.fullmatch(num[0]) and 1 <= int(num[0]) <= 12:
            return int(num[0])
        return self.tok.fail(f"a month must be 1-12 (got {_show(num[0])})", *num.span())

    def _point(
        self, year: int | None, month: int | None, day: int | None, part: Part | None, span: int
    ) -> TimePoint:
        problem = time_point_problem(year, month, day, part)
        if problem is not None:
            self.tok.fail(problem, span, self.tok.position)
        return _tp(year, month, day, part)

    def _iso_point(self, m: re.Match[str]) -> TimePoint:
        year, month, day = int(m[1]), int(m[3]), int(m[4])
        problem = time_point_problem(year, month, day, None)
        if problem is not None:
            self.tok.fail(problem, *m.span())
        return _tp(year, month, day)

    def _month_rest(self, year: int | None, month: int) -> TimePoint:
        """After ``M月``: an optional day (``30日``) or part (``底``, ``中下旬``)."""
        tok = self.tok
        tok.skip_ws()
        save = tok.position
        num = tok.read("NUMBER")
        if num is not None:
            tok.skip_ws()
            if tok.read("DAY") is not None:
                if not _RX.month_text.fullmatch(num[0]):
                    tok.fail(f"a day must be a whole number (got {_show(num[0])})", *num.span())
                return self._point(year, month, int(num[0]), None, num.start())
            tok.position = save
        pm = tok.read("MONTH_PART")
        part = _MONTH_PART_WORDS[pm[0]] if pm is not None else None
        return _tp(year, month, None, part)

    def _year_point(self, year: int, begin: int, *, allow_period: bool) -> TimePoint | Period:
        """After ``YYYY年``: a month, a part of the year, or nothing."""
        tok = self.tok
        tok.skip_ws()
        save = tok.position
        num = self._number()
        if num is not None:
            tok.skip_ws()
            if tok.read("MONTH") is not None:
                return self._month_rest(year, self._month_value(num))
            sep = tok.read("RANGE_SEP") if allow_period else None
            if sep is not None:  # 2024年3至8月
                tok.skip_ws()
                num2 = self._number()
                tok.skip_ws()
                if num2 is not None and tok.read("MONTH") is not None:
                    start = _tp(year, self._month_value(num))
                    end = self._month_rest(year, self._month_value(num2))
                    return self._period(start, end, begin)
            tok.fail("expected 月 after the month number", num.end(), num.end() + 1)
        tok.position = save
        pm = tok.read("YEAR_PART")
        return _tp(year, None, None, _YEAR_PART_WORDS[pm[0]] if pm is not None else None)

    def _after_year(self, year: int, begin: int) -> Target:
        self.tok.read("YEAR")
        point = self._year_point(year, begin, allow_period=True)
        if isinstance(point, Period):
            return point
        return self._time_rest(point, begin)

    def _time_rest(self, point: TimePoint, begin: int) -> Target:
        """After a point: a second point (a period), or 前/后, or nothing."""
        tok = self.tok
        tok.skip_ws()
        sep = tok.read("RANGE_SEP")
        if sep is not None:
            return self._period(point, self._second_point(sep), begin)
        if tok.read("BEFORE") is not None:
            relation = Relation.BY
        elif tok.read("AFTER") is not None:
            relation = Relation.AFTER
        else:
            return point
        return _tp(point.year, point.month, point.day, point.part, relation)

    def _second_point(self, sep: re.Match[str]) -> TimePoint:
        tok = self.tok
        tok.skip_ws()
        m = tok.read("ISO_DATE")
        if m is not None:
            return self._iso_point(m)
        m = tok.read("YEAR_PART_ALONE")
        if m is not None:
            return _tp(None, None, None, _YEAR_PART_WORDS[m[1]])
        num = self._number()
        if num is None:
            tok.fail(f"expected a date after {sep[0]!r}")
        tok.skip_ws()
        if tok.peek("YEAR") is not None and _RX.year_text.fullmatch(num[0]):
            tok.read("YEAR")
            point = self._year_point(int(num[0]), num.start(), allow_period=False)
            assert isinstance(point, TimePoint)
            return point
        if tok.read("MONTH") is not None:
            return self._month_rest(None, self._month_value(num))
        return tok.fail("expected 月 or 年 after the number", num.end(), num.end() + 1)

    def _period(self, start: TimePoint, end: TimePoint, begin: int) -> Period:
        tok = self.tok
        if start.year is not None and end.year is None:
            end = _tp(start.year, end.month, end.day, end.part)
        elif end.year is not None and start.year is None:
            start = _tp(end.year, start.month, start.day, start.part)
        problem = time_point_problem(start.year, start.month, start.day, start.part)
        if problem is None:
            problem = time_point_problem(end.year, end.month, end.day, end.part)
        if problem is None:
            problem = period_problem(start, end)
        if problem is not None:
            tok.fail(problem, begin, tok.position)
        tok.skip_ws()
        rel = tok.peek("BEFORE") or tok.peek("AFTER")
        if rel is not None:
            tok.fail(f"a period cannot take {rel[0]!r}", *rel.span())
        return make_period(start, end)

    # -- frequencies ---------------------------------------------------------
    def _count(self, raw: str, span: tuple[int, int]) -> int:
        if raw.isdigit():
            if len(raw) > 6:
                self.tok.fail("number too large for a frequency", *span)
            return int(raw)
        if "十" in raw:
            tens, _, units = raw.partition("十")
            return _CN_DIGITS.get(tens, 1) * 10 + _CN_DIGITS.get(units, 0)
        return _CN_DIGITS[raw]

    def _frequency(self, begin: int) -> Target:
        tok = self.tok
        tok.skip_ws()
        n, half = 1, False
        nm = tok.read("INT") or tok.read("CN_NUM")
        if nm is not None:
            n = self._count(nm[0], nm.span())
            if n == 0:
                tok.fail("a frequency needs a period of at least 1", *nm.span())
        elif tok.read("HALF") is not None:
            half = True
        tok.read("COUNTER")  # 每个月
        pm = tok.read("FREQ_PERIOD")
        if pm is None:
            tok.fail("expected 天, 周, 月, 季度 or 年 after '每'")
        unit, base = _FREQ_PERIODS[pm[0]]
        times = 1
        if half:
            if base == 12:
                every = 6
            elif base == 1 and unit is FrequencyUnit.MONTH:
                every, times = 1, 2
            else:
                tok.fail(f"half a {pm[0]} is not a frequency this grammar reads", *pm.span())
        else:
            every = n * base
        if every > _MAX_EVERY:
            tok.fail("the period of a frequency is too long", begin, tok.position)
        tok.skip_ws()
        tm = tok.read("TIMES")
        if tm is not None:
            t = self._count(tm[1], tm.span())
            if t == 0:
                tok.fail("a frequency needs at least 1 time (次)", *tm.span())
            times *= t
            if times > _MAX_EVERY:
                tok.fail("too many times (次) for a frequency", *tm.span())
        every, times = reduce_rate(every, times)
        return make_frequency(every, unit, times)


judge_qualitative_with(qualitative_problem)
