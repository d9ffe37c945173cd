"""Performance indicators (绩效指标): the value grammar, the framework, and scoring.

Three parts:

- **The grammar of indicator values (指标值).** `parse_target` reads ``≥95%``,
  ``≤50万元``, ``470元/人/天``, ``2024年12月底 前``, ``6至7月``, ``每两周`` or ``及时`` into a
  typed, frozen, hashable target whose ``str()`` is the canonical spelling. A reader of
  reports calls `parse_indicator_value`, which never raises on a value's content.
- **The framework (指标体系).** `Level1` / `Level2`, `FRAMEWORK`,
  `validate_levels`, and the unit stated in an indicator's name
  (`unit_in_name`, `check_name_unit`).
- **Scoring (绩效自评).** `evaluate` scores an actual value against a target.

```pycon
>>> from govbudget.indicators import parse_target, evaluate
>>> t = parse_target("不低于95%")
>>> t, str(t)
(Quantity(comparison=<Comparison.GE: '≥'>, value=Decimal('95'), unit='%'), '≥95%')
>>> evaluate(t, "96%", 10).met
True

```
"""

from ._evaluate import (
    CENTRAL_BANDS,
    DEFAULT_BANDS,
    PROVINCIAL_BANDS,
    BandRule,
    BandScale,
    EvaluationError,
    Score,
    evaluate,
)
from ._framework import (
    FRAMEWORK,
    IndicatorLevelError,
    Level1,
    Level2,
    UnitAgreement,
    UnitCheck,
    check_name_unit,
    is_valid_levels,
    unit_in_name,
    validate_levels,
)
from ._model import (
    TARGET_TYPES,
    Band,
    Comparison,
    Direction,
    Frequency,
    FrequencyUnit,
    Grade,
    Part,
    Period,
    Polarity,
    Qualitative,
    Quantity,
    Range,
    Relation,
    Target,
    TimePoint,
    Unparsed,
)
from ._parser import parse_indicator_value, parse_target
from ._units import IncompatibleUnits, canonical_unit, convert, units_compatible

__all__ = [
    "CENTRAL_BANDS",
    "DEFAULT_BANDS",
    "FRAMEWORK",
    "PROVINCIAL_BANDS",
    "TARGET_TYPES",
    "Band",
    "BandRule",
    "BandScale",
    "Comparison",
    "Direction",
    "EvaluationError",
    "Frequency",
    "FrequencyUnit",
    "Grade",
    "IncompatibleUnits",
    "IndicatorLevelError",
    "Level1",
    "Level2",
    "Part",
    "Period",
    "Polarity",
    "Qualitative",
    "Quantity",
    "Range",
    "Relation",
    "Score",
    "Target",
    "TimePoint",
    "UnitAgreement",
    "UnitCheck",
    "Unparsed",
    "canonical_unit",
    "check_name_unit",
    "convert",
    "evaluate",
    "is_valid_levels",
    "parse_indicator_value",
    "parse_target",
    "unit_in_name",
    "units_compatible",
    "validate_levels",
]
