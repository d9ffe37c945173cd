"""The indicator framework (绩效指标体系) as data, and units stated in indicator names.

Levels (standards.md §2.2):

- 一级 产出指标 (output): 二级 数量指标, 质量指标, 时效指标, 成本指标;
- 一级 效益指标 (benefit): 经济效益指标, 社会效益指标, 生态效益指标, 可持续影响指标;
- 一级 满意度指标 (satisfaction): 服务对象满意度指标 (some provinces write
  社会公众或服务对象满意度指标);
- 一级 成本指标 (cost), where a region follows 财预〔2021〕101号 and makes cost a first
  level: 经济成本指标, 社会成本指标, 生态环境成本指标.

成本指标 is valid at both levels: as 二级 under 产出指标, or as 一级.

```pycon
>>> validate_levels("产出指标", " 数量 指标 ")
(<Level1.OUTPUT: '产出指标'>, <Level2.QUANTITY: '数量指标'>)
>>> is_valid_levels("效益指标", "数量指标")
False
>>> unit_in_name("会议室改造面积（平方米）")
'平方米'

```
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from attrs import frozen

from .._enum import IdentityEnum
from .._errors import GovBudgetError, UnitError
from ._model import Quantity, Range, Target
from ._parser import parse_target
from ._tokenizer import LazyPatterns, normalise
from ._units import canonical_unit, unit_dimension, units_compatible

__all__ = [
    "FRAMEWORK",
    "IndicatorLevelError",
    "Level1",
    "Level2",
    "UnitAgreement",
    "UnitCheck",
    "check_name_unit",
    "is_valid_levels",
    "unit_in_name",
    "validate_levels",
]


class IndicatorLevelError(GovBudgetError, ValueError):
    """An unknown level name, or a 二级 indicator under the wrong 一级.

    Attributes:
        level1: the first-level name as given (or ``None``).
        level2: the second-level name as given (or ``None``).
        reason: what is wrong.
        suggestion: the 一级 the 二级 belongs under, when that is known.

    ```pycon
    >>> try:
    ...     Level1.parse("社会效益指标")
    ... except IndicatorLevelError as exc:
    ...     print(exc.suggestion)
    效益指标

    ```
    """

    def __init__(
        self,
        reason: str,
        *,
        level1: str | None = None,
        level2: str | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.reason = reason
        self.level1 = level1
        self.level2 = level2
        self.suggestion = suggestion
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        super().__init__(reason + hint)


def _clean(text: str) -> str:
    return _RX.spaces.sub("", normalise(text)).rstrip(":：")


class Level1(IdentityEnum):
    """一级指标, valued by its Chinese name.

    ```pycon
    >>> Level1.parse("产出"), Level1.parse("满意度 指标").english
    (<Level1.OUTPUT: '产出指标'>, 'satisfaction')

    ```
    """

    OUTPUT = "产出指标"
    BENEFIT = "效益指标"
    SATISFACTION = "满意度指标"
    COST = "成本指标"

    @property
    def english(self) -> str:
        """``"output"``, ``"benefit"``, ``"satisfaction"`` or ``"cost"``."""
        return self.name.lower()

    @classmethod
    def parse(cls, text: str | Level1) -> Level1:
        """Read a first-level name, tolerating spaces, full-width forms and a missing 指标.

        Raises:
            IndicatorLevelError: no first-level indicator has that name.
        """
        if isinstance(text, Level1):
            return text
        key = _clean(text)
        found = _L1_NAMES.get(key) or _L1_NAMES.get(key + "指标")
        if found is None:
            level2 = _L2_NAMES.get(key) or _L2_NAMES.get(key + "指标")
            suggestion = _PARENT[level2].value if level2 is not None else None
            raise IndicatorLevelError(
                f"{text!r} is not a first-level (一级) indicator; expected one of "
                + ", ".join(m.value for m in Level1),
                level1=text,
                suggestion=suggestion,
            )
        return found


class Level2(IdentityEnum):
    """二级指标, valued by its Chinese name.

    ```pycon
    >>> Level2.parse("社会公众或服务对象满意度指标")
    <Level2.SERVICE_SATISFACTION: '服务对象满意度指标'>
    >>> Level2.parse("时效指标").parent
    <Level1.OUTPUT: '产出指标'>

    ```
    """

    QUANTITY = "数量指标"
    QUALITY = "质量指标"
    TIMELINESS = "时效指标"
    COST = "成本指标"
    ECONOMIC_BENEFIT = "经济效益指标"
    SOCIAL_BENEFIT = "社会效益指标"
    ECOLOGICAL_BENEFIT = "生态效益指标"
    SUSTAINABLE_IMPACT = "可持续影响指标"
    SERVICE_SATISFACTION = "服务对象满意度指标"
    ECONOMIC_COST = "经济成本指标"
    SOCIAL_COST = "社会成本指标"
    ECOLOGICAL_COST = "生态环境成本指标"

    @property
    def parent(self) -> Level1:
        """The usual 一级 (产出指标 for 成本指标; 成本指标 for 经济成本指标 …)."""
        return _PARENT[self]

    @classmethod
    def parse(cls, text: str | Level2) -> Level2:
        """Read a second-level name (aliases such as 社会公众满意度指标 included).

        Raises:
            IndicatorLevelError: no second-level indicator has that name.
        """
        if isinstance(text, Level2):
            return text
        key = _clean(text)
        found = _L2_NAMES.get(key) or _L2_NAMES.get(key + "指标")
        if found is None:
            raise IndicatorLevelError(
                f"{text!r} is not a second-level (二级) indicator", level2=text
            )
        return found


FRAMEWORK: Final = MappingProxyType(
    {
        Level1.OUTPUT: (Level2.QUANTITY, Level2.QUALITY, Level2.TIMELINESS, Level2.COST),
        Level1.BENEFIT: (
            Level2.ECONOMIC_BENEFIT,
            Level2.SOCIAL_BENEFIT,
            Level2.ECOLOGICAL_BENEFIT,
            Level2.SUSTAINABLE_IMPACT,
        ),
        Level1.SATISFACTION: (Level2.SERVICE_SATISFACTION,),
        Level1.COST: (Level2.ECONOMIC_COST, Level2.SOCIAL_COST, Level2.ECOLOGICAL_COST),
    }
)
"""Each 一级 indicator and the 二级 indicators allowed under it."""

_PARENT: Final = {l2: l1 for l1, l2s in FRAMEWORK.items() for l2 in l2s}
_L1_NAMES: Final = {m.value: m for m in Level1}
_L2_NAMES: Final = {
    **{m.value: m for m in Level2},
    "社会公众或服务对象满意度指标": Level2.SERVICE_SATISFACTION,
    "社会公众满意度指标": Level2.SERVICE_SATISFACTION,
    "生态环境效益指标": Level2.ECOLOGICAL_BENEFIT,
}


def validate_levels(level1: str | Level1, level2: str | Level2) -> tuple[Level1, Level2]:
    """Check a (一级, 二级) pairing and return both as enums.

    Args:
        level1: the first-level name or enum.
        level2: the second-level name or enum.

    Raises:
        IndicatorLevelError: a name is unknown, or the 二级 does not belong under the 一级
            (the error's ``suggestion`` names the 一级 it belongs under).

    ```pycon
    >>> validate_levels("成本指标", "经济成本指标")[1]
    <Level2.ECONOMIC_COST: '经济成本指标'>
    >>> validate_levels("效益指标", "质量指标")
    Traceback (most recent call last):
    ...
    govbudget.indicators._framework.IndicatorLevelError: 质量指标 is not a second-level indicator ...

    ```
    """
    l1 = Level1.parse(level1)
    l2 = Level2.parse(level2)
    if l2 not in FRAMEWORK[l1]:
        raise IndicatorLevelError(
            f"{l2.value} is not a second-level indicator of {l1.value}",
            level1=l1.value,
            level2=l2.value,
            suggestion=_PARENT[l2].value,
        )
    return l1, l2


def is_valid_levels(level1: str | Level1, level2: str | Level2) -> bool:
    """True when ``validate_levels`` accepts the pairing; never raises for ``str`` input.

    ```pycon
    >>> is_valid_levels("产出指标", "成本指标"), is_valid_levels("成本指标", "成本指标")
    (True, False)

    ```
    """
    try:
        validate_levels(level1, level2)
    except IndicatorLevelError:
        return False
    return True


_RX: Final = LazyPatterns(brackets=r"[（(]\s*([^（）()]{1,12}?)\s*[）)]", spaces=r"\s+")
_KNOWN_WORD: Final = frozenset(
    {"%", "‰", "元", "千元", "万元", "亿元", "人次", "个月", "平方米", "平方公里", "公里",
     "立方米", "分钟", "小时", "千克", "公顷", "场次", "个百分点", "户次", "件次"}
)  # fmt: skip


def _unit_like(text: str) -> str | None:
    """The canonical unit when ``text`` is plausibly a unit: every component is a known unit
    or a single measure word (``套``, ``把``, ``部``)."""
    try:
        unit = canonical_unit(normalise(text).replace(" ", ""))
    except UnitError:
        return None
    if not unit:
        return None
    for part in unit.split("/"):
        known = part in _KNOWN_WORD or unit_dimension(part)[0][0] != part
        if not known and len(part) != 1:
            return None
    return unit


def unit_in_name(name: str) -> str | None:
    """The unit an indicator's name states in brackets, canonical, or ``None``.

    The bracketed group that closes the name counts when it reads as a unit: a known
    unit (``平方米``, ``万元``, ``元/人/天``, ``%``) or a single measure word (``套``, ``部``).
    Other bracketed words are not units (``人大代表参与培训人数（省代表）``), and neither
    is a bracket inside the name (``补助县（市）区数``: counties and cities, not a unit);
    brackets that follow it do not hide it (``费用（万元）（含税金）``).

    ```pycon
    >>> unit_in_name("订制阅览柜数量（套）"), unit_in_name("会议举办人均费用成本（元/人/天）")
    ('套', '元/人/天')
    >>> unit_in_name("补贴对象满意度(%)"), unit_in_name("人大代表参与培训人数（省代表）")
    ('%', None)
    >>> unit_in_name("补助县（市）区数") is None
    True

    ```
    """
    text = normalise(name).rstrip()
    end = len(text)  # where the brackets that close the name begin
    for m in reversed(list(_RX.brackets.finditer(text))):
        if m.end() != end:
            return None
        end = m.start()
        unit = _unit_like(m[1])
        if unit is not None:
            return unit
    return None


class UnitCheck(IdentityEnum):
    """How the unit in an indicator's name compares with the unit of its value.

    ```pycon
    >>> check_name_unit("会议天数（天）", "5").status, check_name_unit("会议天数（天）", "每月").ok
    (<UnitCheck.VALUE_HAS_NO_UNIT: 'value_has_no_unit'>, False)

    ```
    """

    SAME = "same"
    """The same unit (``（套）`` and ``≥1套``)."""
    CONVERTIBLE = "convertible"
    """Different spellings of one dimension (``（万元）`` and ``500,000元``): agrees."""
    DIFFERENT = "different"
    """Different units (``（套）`` and ``≤55把``): a finding."""
    NAME_HAS_NO_UNIT = "name_has_no_unit"
    """The name states no unit: nothing to compare."""
    VALUE_HAS_NO_UNIT = "value_has_no_unit"
    """The value is a bare number: it takes the name's unit."""
    NOT_QUANTITATIVE = "not_quantitative"
    """The name states a unit but the value is a time, a frequency or text: a finding."""


@frozen
class UnitAgreement:
    """The result of `check_name_unit`.

    Attributes:
        status: how the units compare.
        name_unit: the unit in the name, or ``None``.
        value_unit: the unit of the value (``""`` for a bare number), or ``None`` for a
            value that is not a quantity.
        message: an English sentence for a report.

    ```pycon
    >>> a = check_name_unit("订制阅览柜数量（套）", "≥1套")
    >>> a.ok, a.name_unit, a.value_unit, a.message
    (True, '套', '套', 'the units agree')

    ```
    """

    status: UnitCheck
    name_unit: str | None
    value_unit: str | None
    message: str

    @property
    def ok(self) -> bool:
        """False only for `UnitCheck.DIFFERENT` and `UnitCheck.NOT_QUANTITATIVE`."""
        return self.status not in (UnitCheck.DIFFERENT, UnitCheck.NOT_QUANTITATIVE)


def check_name_unit(name: str, value: Target | str) -> UnitAgreement:
    """Compare the unit in an indicator's name with the unit of its value.

    Args:
        name: the 三级 indicator name, e.g. ``"更换会议室座椅（套）"``.
        value: its value, parsed or as text (text is parsed with ``strict=False``).

    ```pycon
    >>> check_name_unit("会议室改造面积（平方米）", "≤64平方米").status
    <UnitCheck.SAME: 'same'>
    >>> a = check_name_unit("更换会议室座椅（套）", "≤55把")
    >>> a.ok, a.message
    (False, "the name states the unit '套' but the value '≤55把' is in '把'")
    >>> check_name_unit("专项业务费用（万元）", "≤2,130,000元").status
    <UnitCheck.CONVERTIBLE: 'convertible'>

    ```
    """
    target = parse_target(value, strict=False) if isinstance(value, str) else value
    name_unit = unit_in_name(name)
    value_unit = target.unit if isinstance(target, Quantity | Range) else None
    if name_unit is None:
        return UnitAgreement(
            UnitCheck.NAME_HAS_NO_UNIT, None, value_unit, "the name states no unit"
        )
    if value_unit is None:
        return UnitAgreement(
            UnitCheck.NOT_QUANTITATIVE,
            name_unit,
            None,
            f"the name states the unit {name_unit!r} but the value {str(target)!r} is "
            f"not a quantity",
        )
    if value_unit == "":
        return UnitAgreement(
            UnitCheck.VALUE_HAS_NO_UNIT,
            name_unit,
            "",
            f"the value {str(target)!r} has no unit; it takes {name_unit!r} from the name",
        )
    if value_unit == name_unit:
        return UnitAgreement(UnitCheck.SAME, name_unit, value_unit, "the units agree")
    if units_compatible(name_unit, value_unit):
        return UnitAgreement(
            UnitCheck.CONVERTIBLE,
            name_unit,
            value_unit,
            f"the units {name_unit!r} and {value_unit!r} differ but convert exactly",
        )
    return UnitAgreement(
        UnitCheck.DIFFERENT,
        name_unit,
        value_unit,
        f"the name states the unit {name_unit!r} but the value {str(target)!r} is in "
        f"{value_unit!r}",
    )
