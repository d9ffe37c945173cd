"""govbudget: typed, checked data from Chinese government budget disclosures (预算公开).

```pycon
>>> import govbudget
>>> report = govbudget.read_report("examples/data/jincheng-npc-office-2024.txt")
>>> report.unit_name, report.year, len(report.tables), len(report.performance)
('晋城市人民代表大会常务委员会办公室', 2024, 13, 13)
>>> result = govbudget.check_report(report)
>>> sorted(result.summary()["by_severity"])
['error', 'info', 'warning']
>>> govbudget.parse_target("不低于95%")
Quantity(comparison=<Comparison.GE: '≥'>, value=Decimal('95'), unit='%')

```

Importing the package is cheap: the errors and `Money` load at once, everything
else (models, reader, rules, indicator grammar, serialisation) on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from . import _attrs_code  # noqa: F401  (first: the model classes' methods, kept)
from ._errors import (
    AmountError,
    CatalogueFileError,
    FloatNotAllowed,
    GovBudgetError,
    IndicatorSyntaxError,
    InvalidCode,
    ProfileError,
    ReadError,
    RuleDefinitionError,
    UnitError,
    UnknownCode,
    UnknownRule,
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

if TYPE_CHECKING:
    from . import checks as checks
    from . import codes as codes
    from . import indicators as indicators
    from . import prose as prose
    from ._batch import check_many
    from ._findings import Finding, Location, Severity
    from ._ingest._reader import read_report, read_text
    from ._ingest._reports import read_reports
    from ._ingest._writer import render_report
    from ._report import (
        Assets,
        Change,
        EvaluationFunding,
        Fact,
        FactKind,
        FundingLine,
        Indicator,
        Narrative,
        NarrativeSection,
        Overview,
        PerformanceProse,
        PerformanceTable,
        Procurement,
        Report,
        ReportKind,
        ScoredIndicator,
        SelfEvaluation,
        TableSet,
    )
    from ._serialise import SerialisationError, dumps, loads, table_cells, to_csv, to_dataframe
    from ._subjects import About, Scope, Side, Whole
    from ._tables import MOF_9, SHANXI_13, Block, Column, Doubt, Row, RowKind, Table, TableKind
    from .checks import CheckResult, DocumentsResult, NotChecked, Rule, check_report, check_reports
    from .indicators import Target, evaluate, parse_indicator_value, parse_target

__version__ = "0.1.0"

_LAZY: dict[str, str] = {
    "check_many": "._batch",
    **dict.fromkeys(("Finding", "Location", "Severity"), "._findings"),
    **dict.fromkeys(("read_report", "read_text"), "._ingest._reader"),
    "read_reports": "._ingest._reports",
    "render_report": "._ingest._writer",
    **dict.fromkeys(("Assets", "Change", "Fact", "FactKind", "FundingLine", "Indicator",
                     "Narrative", "NarrativeSection", "Overview", "PerformanceProse", "PerformanceTable",
                     "Procurement", "Report", "ReportKind", "TableSet", "EvaluationFunding",
                     "ScoredIndicator", "SelfEvaluation"), "._report"),
    **dict.fromkeys(("SerialisationError", "dumps", "loads", "table_cells", "to_csv",
                     "to_dataframe"), "._serialise"),
    **dict.fromkeys(("About", "Scope", "Side", "Whole"), "._subjects"),
    **dict.fromkeys(("MOF_9", "SHANXI_13", "Block", "Column", "Doubt", "Row", "RowKind",
                     "Table", "TableKind"), "._tables"),
    **dict.fromkeys(("CheckResult", "DocumentsResult", "NotChecked", "Rule", "check_report",
                     "check_reports"), ".checks"),
    **dict.fromkeys(("Target", "evaluate", "parse_indicator_value", "parse_target"),
                    ".indicators"),
}


_SUBMODULES = frozenset({"codes", "checks", "indicators", "prose", "testing"})


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:  # ``govbudget.codes.functional`` with only ``import govbudget``
        value = importlib.import_module(f".{name}", __name__)
        globals()[name] = value
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govbudget' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY) | _SUBMODULES)


__all__ = [
    "MOF_9",
    "SHANXI_13",
    "About",
    "AmountError",
    "Assets",
    "Block",
    "CatalogueFileError",
    "Change",
    "CheckResult",
    "Column",
    "DocumentsResult",
    "Doubt",
    "EvaluationFunding",
    "Fact",
    "FactKind",
    "Finding",
    "FloatNotAllowed",
    "FundingLine",
    "Gap",
    "GovBudgetError",
    "Indicator",
    "IndicatorSyntaxError",
    "Interval",
    "InvalidCode",
    "Location",
    "Money",
    "Narrative",
    "NarrativeSection",
    "NotChecked",
    "Overview",
    "PerformanceProse",
    "PerformanceTable",
    "Procurement",
    "ProfileError",
    "ReadError",
    "Report",
    "ReportKind",
    "Row",
    "RowKind",
    "Rule",
    "RuleDefinitionError",
    "Scope",
    "ScoredIndicator",
    "SelfEvaluation",
    "SerialisationError",
    "Severity",
    "Side",
    "Table",
    "TableKind",
    "TableSet",
    "Target",
    "Unit",
    "UnitError",
    "UnknownCode",
    "UnknownRule",
    "Whole",
    "__version__",
    "check_many",
    "check_report",
    "check_reports",
    "dumps",
    "evaluate",
    "explain_gap",
    "format_money",
    "loads",
    "parse_amount",
    "parse_indicator_value",
    "parse_money",
    "parse_target",
    "read_report",
    "read_reports",
    "read_text",
    "render_report",
    "round_half_up",
    "rounding_bound",
    "table_cells",
    "to_csv",
    "to_dataframe",
    "to_decimal",
]
