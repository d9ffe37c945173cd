"""Units of indicator values (计量单位): spelling, dimension and exact conversion.

The unit list is open: any short word after a number is a unit (``3部``, ``≤55把``,
``6期``). A unit is one *component* or several joined by ``/`` (``元/人/天``). Each
component is

- a symbol: ``%``, ``‰``, ``㎡``;
- a Latin word of up to 6 letters, optionally followed by 2 or 3 (``M``, ``km``, ``m2``);
- a word of 1 to 4 Chinese characters that does not run into a word the grammar uses
  after a unit (``以上``, ``以下``, ``以内``, ``内``, ``左右``, ``上下``, ``前``, ``后``,
  ``至``, ``到``).

Spellings with one meaning share one canonical spelling (``㎡``, ``m2`` and ``平米`` are
``平方米``; ``日`` is ``天``; ``千米`` is ``公里``; a bare ``月`` is ``个月``).

Known units carry a *dimension* and an exact factor to the dimension's base, so that
values in convertible units compare: money (``元``, ``万元``, ``亿元`` …), ratios
(``%``, ``‰``), length, area, volume, mass, and time (``分钟``/``小时``/``天``/``周``,
and separately ``个月``/``季度``/``年``, since a month is not a whole number of days).
``万``/``亿`` in front of any other unit scales it (``万人次`` is 10,000 ``人次``); a
bare ``万`` or ``亿`` is a plain count. Every other word is its own dimension, so ``个``
and ``套`` never convert (counting units do not convert).

```pycon
>>> canonical_unit("元/人·日")
'元/人/天'
>>> units_compatible("万元", "元"), units_compatible("个", "套")
(True, False)
>>> convert(Decimal("50"), "万元", "元")
Decimal('500000')
>>> convert(Decimal("90"), "分钟", "小时")
Decimal('1.5')

```
"""

from __future__ import annotations

from decimal import Decimal, localcontext
from fractions import Fraction
from functools import lru_cache
from typing import Final

from .._chars import translation
from .._errors import UnitError
from .._money import Money, Unit
from .._pattern_cache import compile_pattern

__all__ = [
    "IncompatibleUnits",
    "canonical_unit",
    "convert",
    "is_money_unit",
    "unit_dimension",
    "units_compatible",
]


class IncompatibleUnits(UnitError):
    """Two units that cannot be compared or converted (``个`` and ``套``, ``%`` and ``元``).

    Subclasses `govbudget.UnitError`, hence also ``GovBudgetError`` and
    ``ValueError``.

    Attributes:
        expected: the unit wanted (a target's unit, or the unit converted to).
        actual: the unit given.

    ```pycon
    >>> try:
    ...     convert(Decimal(1), "个", "套")
    ... except IncompatibleUnits as exc:
    ...     print(exc.expected, exc.actual, isinstance(exc, ValueError))
    套 个 True

    ```
    """

    def __init__(self, expected: str, actual: str, context: str = "") -> None:
        self.expected = expected
        self.actual = actual
        where = f" ({context})" if context else ""
        super().__init__(
            f"units {actual or 'none'!r} and {expected or 'none'!r} are different and "
            f"cannot be compared{where}"
        )


# Words that end a unit: what may follow a unit in the grammar.
STOP_WORDS: Final = ("以上", "以下", "以内", "之内", "内", "左右", "上下", "前", "后", "至", "到")
_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_STOP: Final = "|".join(STOP_WORDS)
_COMPONENT: Final = rf"(?:㎡|m²|m³|%|‰|[A-Za-z]{{1,6}}[23²³]?|(?:(?!{_STOP})[{_CJK}]){{1,4}})"
UNIT_PATTERN: Final = rf"{_COMPONENT}(?:[/·]{_COMPONENT}){{0,3}}"
"""Regular expression of a (possibly compound) unit, as the tokenizer reads it."""


_SYMBOLS: Final = frozenset({"㎡", "m²", "m³", "%", "‰"})
_LATIN: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u4dbf" or "\u4e00" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _is_component(part: str) -> bool:
    """``part`` is one component of `UNIT_PATTERN` (a symbol, a Latin word of 1–6 letters
    and perhaps a power, or 1–4 CJK characters none of which begins a stop word)."""
    if part in _SYMBOLS:
        return True
    word = part[:-1] if part[-1:] in ("2", "3", "²", "³") else part
    if 1 <= len(word) <= 6 and all(ch in _LATIN for ch in word):
        return True
    return 1 <= len(part) <= 4 and all(_is_cjk(ch) for ch in part) \
        and not any(part.startswith(stop, i) for i in range(len(part)) for stop in STOP_WORDS)


def _is_unit_text(text: str) -> bool:
    """``UNIT_PATTERN`` matches the whole of ``text`` (``re.fullmatch`` with ``re.ASCII``),
    as string tests: the pattern's CJK classes cost sre milliseconds to compile in each
    fresh process. The components are cut at ``/`` and ``·``, which no component holds,
    and a stop word holds neither, so each component is tested alone.

    ```pycon
    >>> _is_unit_text("元/人/天"), _is_unit_text("km²"), _is_unit_text("平方米以上"), _is_unit_text("")
    (True, True, False, False)

    ```
    """
    parts = text.replace("·", "/").split("/")
    return len(parts) <= 4 and all(_is_component(p) for p in parts)


_SPLIT: Final = compile_pattern(r"[/·]")
# The tokenizer's normalisation, for units given directly (a subset, to stay import-light).
_FULL_WIDTH: Final = translation({"﹪": "%", "／": "/", "・": "·", "•": "·", "∙": "·"})

_ALIASES: Final[dict[str, str]] = {
    "㎡": "平方米",
    "m²": "平方米",
    "m2": "平方米",
    "平米": "平方米",
    "平方千米": "平方公里",
    "km²": "平方公里",
    "km2": "平方公里",
    "m³": "立方米",
    "m3": "立方米",
    "方": "立方米",
    "千米": "公里",
    "km": "公里",
    "公斤": "千克",
    "kg": "千克",
    "日": "天",
    "月": "个月",
    "月份": "个月",
    "年度": "年",
    "个季度": "季度",
    "礼拜": "周",
    "星期": "周",
    "钟头": "小时",
    "百分比": "%",
    "百分点": "个百分点",
    "元人民币": "元",
}

_F = Fraction
# canonical component -> (dimension, factor to the dimension's base unit)
_KNOWN: Final[dict[str, tuple[str, Fraction]]] = {
    "元": ("money", _F(1)),
    "千元": ("money", _F(10**3)),
    "万元": ("money", _F(10**4)),
    "百万元": ("money", _F(10**6)),
    "千万元": ("money", _F(10**7)),
    "亿元": ("money", _F(10**8)),
    "%": ("ratio", _F(1)),
    "‰": ("ratio", _F(1, 10)),
    "毫米": ("length", _F(1, 1000)),
    "厘米": ("length", _F(1, 100)),
    "米": ("length", _F(1)),
    "公里": ("length", _F(1000)),
    "平方米": ("area", _F(1)),
    "公顷": ("area", _F(10**4)),
    "平方公里": ("area", _F(10**6)),
    "立方米": ("volume", _F(1)),
    "升": ("volume", _F(1, 1000)),
    "克": ("mass", _F(1)),
    "千克": ("mass", _F(1000)),
    "吨": ("mass", _F(10**6)),
    "秒": ("time", _F(1)),
    "分钟": ("time", _F(60)),
    "小时": ("time", _F(3600)),
    "天": ("time", _F(86400)),
    "周": ("time", _F(7 * 86400)),
    "个月": ("months", _F(1)),
    "季度": ("months", _F(3)),
    "年": ("months", _F(12)),
    "万": ("", _F(10**4)),
    "亿": ("", _F(10**8)),
}

_MONEY_UNITS: Final = {"元": Unit.YUAN, "万元": Unit.WAN_YUAN, "亿元": Unit.YI_YUAN}


def _component(word: str) -> str:
    return _ALIASES.get(word, word)


@lru_cache(maxsize=4096)
def canonical_unit(text: str) -> str:
    """The canonical spelling of a unit; ``""`` (no unit) stays ``""``.

    Args:
        text: a unit as written after a number, e.g. ``"㎡"`` or ``"元/人·天"``.

    Returns:
        The canonical spelling, e.g. ``"平方米"``, ``"元/人/天"``.

    Raises:
        UnitError: the text is not a unit the grammar can read after a number (too long,
            contains a digit or a word such as ``以上``), or it starts with ``月``
            (write ``个月`` for a number of months; ``3月`` is March).

    ```pycon
    >>> canonical_unit("㎡"), canonical_unit("%"), canonical_unit("个月")
    ('平方米', '%', '个月')
    >>> canonical_unit("平方米以上")
    Traceback (most recent call last):
    ...
    govbudget._errors.UnitError: '平方米以上' is not a unit: a unit is up to 4 components ...

    ```
    """
    if not isinstance(text, str):
        raise UnitError(f"a unit must be a str (got {type(text).__name__})")
    if text == "":
        return ""
    text = text.translate(_FULL_WIDTH)
    if not _is_unit_text(text):
        raise UnitError(
            f"{text!r} is not a unit: a unit is up to 4 components joined by '/', each a "
            "symbol (% ‰ ㎡), a Latin word or 1-4 Chinese characters, without 以上/以下/"
            "以内/内/左右/上下/前/后/至/到"
        )
    parts = [_component(p) for p in _SPLIT.split(text)]
    first = parts[0]
    if first.startswith("月"):
        raise UnitError(f"{text!r} is not a unit: write 个月 for a number of months")
    return "/".join(parts)


def is_money_unit(unit: str) -> bool:
    """True for a single money unit (``元``, ``万元``, ``亿元``, ``千元`` …).

    ```pycon
    >>> is_money_unit("万元"), is_money_unit("元/人")
    (True, False)

    ```
    """
    dim = _component_dimension(_component(unit))
    return dim[0] == "money"


def _component_dimension(word: str) -> tuple[str, Fraction]:
    known = _KNOWN.get(word)
    if known is not None:
        return known
    if len(word) > 1 and word[0] in "万亿":
        base_dim, base_factor = _component_dimension(word[1:])
        scale = 10**4 if word[0] == "万" else 10**8
        return base_dim, base_factor * scale
    return word, _F(1)


@lru_cache(maxsize=4096)
def unit_dimension(unit: str) -> tuple[tuple[str, tuple[str, ...]], Fraction]:
    """The dimension of a canonical unit and its exact factor to the dimension's base.

    The dimension is ``(numerator dimension, sorted denominator dimensions)``; two units
    convert exactly when their dimensions are equal.

    ```pycon
    >>> unit_dimension("万元/人")
    (('money', ('人',)), Fraction(10000, 1))
    >>> unit_dimension("套")
    (('套', ()), Fraction(1, 1))

    ```
    """
    parts = unit.split("/") if unit else [""]
    num_dim, factor = _component_dimension(parts[0]) if parts[0] else ("", _F(1))
    dens: list[str] = []
    for p in parts[1:]:
        d, f = _component_dimension(p)
        dens.append(d)
        factor /= f
    return (num_dim, tuple(sorted(dens))), factor


def units_compatible(a: str, b: str) -> bool:
    """True when values in units ``a`` and ``b`` convert exactly into each other.

    ```pycon
    >>> units_compatible("元/人/天", "万元/人/天"), units_compatible("%", "‰")
    (True, True)
    >>> units_compatible("个", "套"), units_compatible("%", "")
    (False, False)

    ```
    """
    return unit_dimension(canonical_unit(a))[0] == unit_dimension(canonical_unit(b))[0]


def conversion_factor(from_unit: str, to_unit: str) -> Fraction:
    """How many ``to_unit`` one ``from_unit`` is (exact).

    Raises:
        IncompatibleUnits: the units have different dimensions.
    """
    (dim_a, fa), (dim_b, fb) = unit_dimension(from_unit), unit_dimension(to_unit)
    if dim_a != dim_b:
        raise IncompatibleUnits(to_unit, from_unit)
    return fa / fb


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal:
    """Convert ``value`` from one unit to another.

    Money, ratio and metric conversions are exact (powers of ten). A conversion that has
    no finite decimal (minutes to hours of 7 minutes) is rounded to 28 significant
    digits.

    Args:
        value: the number.
        from_unit: its unit.
        to_unit: the unit wanted.

    Returns:
        The number in ``to_unit``, without trailing zeros.

    Raises:
        IncompatibleUnits: the units cannot convert (``个`` and ``套``).

    ```pycon
    >>> convert(Decimal("255.6"), "万元", "元")
    Decimal('2556000')
    >>> convert(Decimal("1"), "个", "套")
    Traceback (most recent call last):
    ...
    govbudget.indicators._units.IncompatibleUnits: units '个' and '套' are different and cannot be compared

    ```
    """
    factor = conversion_factor(canonical_unit(from_unit), canonical_unit(to_unit))
    if factor == 1:
        return value
    with localcontext() as ctx:
        ctx.prec = max(28, len(value.as_tuple().digits) + 20)
        result = value * factor.numerator / factor.denominator
    return strip_zeros(result)


def to_money(value: Decimal, unit: str) -> Money:
    """``value`` in a money ``unit`` as a `govbudget.Money` (``千元`` becomes 元).

    Raises:
        IncompatibleUnits: the unit is not money.
    """
    unit = canonical_unit(unit)
    money_unit = _MONEY_UNITS.get(unit)
    if money_unit is not None:
        return Money(value, money_unit)
    if not is_money_unit(unit):
        raise IncompatibleUnits("元", unit, "not an amount of money")
    return Money(convert(value, unit, "元"), Unit.YUAN)


def strip_zeros(value: Decimal) -> Decimal:
    """``value`` without trailing fractional zeros and without an exponent, exactly.

    ``Decimal.normalize()`` would round to the context precision and print ``1E+2``;
    this works on the digits, so no context is involved.

    ```pycon
    >>> strip_zeros(Decimal("95.000")), strip_zeros(Decimal("1E+2")), strip_zeros(Decimal("-0.0"))
    (Decimal('95'), Decimal('100'), Decimal('0'))

    ```
    """
    sign, digits, exp = value.as_tuple()
    if not isinstance(exp, int):  # NaN / Infinity: the caller refuses them
        return value
    if exp > 0:
        digits = digits + (0,) * exp
        exp = 0
    elif exp < 0:
        n = len(digits)
        strip = 0
        while strip < -exp and strip < n - 1 and digits[n - 1 - strip] == 0:
            strip += 1
        if strip:
            digits = digits[: n - strip]
            exp += strip
        if exp < 0 and digits == (0,):
            exp = 0
    if not any(digits):
        return Decimal(0)
    return Decimal((sign, digits, exp))
