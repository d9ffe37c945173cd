"""govbudget: typed, checked data from Chinese government budget disclosures."""

from ._errors import (
    AmountError,
    CatalogueFileError,
    FloatNotAllowed,
    GovBudgetError,
    IndicatorSyntaxError,
    InvalidCode,
    ReadError,
    RuleDefinitionError,
    UnitError,
    UnknownCode,
)
from ._money import (
    Gap,
    Interval,
    Money,
    Unit,
    explain_gap,
    format_money,
    parse_amount,
    parse_money,
    round_half_up,
    rounding_bound,
    to_decimal,
)

__version__ = "0.1.0"

__all__ = [
    "AmountError",
    "CatalogueFileError",
    "FloatNotAllowed",
    "Gap",
    "GovBudgetError",
    "IndicatorSyntaxError",
    "Interval",
    "InvalidCode",
    "Money",
    "ReadError",
    "RuleDefinitionError",
    "Unit",
    "UnitError",
    "UnknownCode",
    "__version__",
    "explain_gap",
    "format_money",
    "parse_amount",
    "parse_money",
    "round_half_up",
    "rounding_bound",
    "to_decimal",
]
