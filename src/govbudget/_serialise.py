"""Serialisation: a lossless JSON form of a report, and a tidy CSV of every table cell.

The JSON goes through a cattrs converter of govbudget's own (`make_converter`),
never the global one: amounts are written as decimal strings (``"2599.99"``), units by
their symbol (``"万元"``), enums by their value, and unknown keys are refused when
reading back, so ``loads(dumps(r)) == r`` holds exactly.

```pycon
>>> from decimal import Decimal
>>> from govbudget import Money
>>> conv = make_converter()
>>> conv.unstructure(Money("2599.99", "万元"))
{'amount': '2599.99', 'unit': '万元'}
>>> conv.structure({'amount': '0.10', 'unit': '元'}, Money)
Money('0.10', Unit.YUAN)

```
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import IO, Any

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

from ._errors import GovBudgetError
from ._money import Money, Unit
from ._report import Report

__all__ = [
    "CSV_COLUMNS",
    "SerialisationError",
    "configure_converter",
    "dumps",
    "loads",
    "make_converter",
    "table_cells",
    "to_csv",
    "to_dataframe",
]


class SerialisationError(GovBudgetError, ValueError):
    """A JSON document does not describe a valid report."""


def configure_converter(conv: cattrs.Converter) -> None:
    """Register govbudget's hooks on a converter (``Decimal`` as ``str``, units by symbol)."""
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(Unit, lambda u: u.value)
    conv.register_structure_hook(Unit, lambda v, _: Unit.parse(v))
    conv.register_unstructure_hook(Money, lambda m: {"amount": str(m.amount), "unit": m.unit.value})
    conv.register_structure_hook(Money, _structure_money)


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if isinstance(value, float | bool):
        raise TypeError(f"amounts are strings in govbudget JSON (got {value!r})")
    if not isinstance(value, str | int):
        raise TypeError(f"expected a decimal string (got {value!r})")
    d = Decimal(value)
    if not d.is_finite():
        raise ValueError(f"amount must be finite (got {value!r})")
    return d


def _structure_money(value: Any, _: Any) -> Money:
    if not isinstance(value, dict) or set(value) != {"amount", "unit"}:
        raise TypeError(f"money must be {{'amount': str, 'unit': str}} (got {value!r})")
    return Money(_structure_decimal(value["amount"], None), Unit.parse(value["unit"]))


def make_converter() -> cattrs.Converter:
    """A new converter for govbudget's models (extra keys are refused)."""
    conv = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(conv)
    return conv


_CONVERTER: cattrs.Converter | None = None


def _converter() -> cattrs.Converter:
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = make_converter()
    return _CONVERTER


def dumps(report: Report, *, indent: int | None = 2) -> str:
    """The report as JSON (UTF-8 text, Chinese kept as is)."""
    data = _converter().unstructure(report)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def loads(text: str) -> Report:
    """Read a report back from `dumps` output.

    Raises:
        SerialisationError: the JSON is malformed or does not describe a report.
    """
    try:
        data = json.loads(text, parse_float=lambda s: s)
    except json.JSONDecodeError as exc:
        raise SerialisationError(f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise SerialisationError(f"a report is a JSON object, not {type(data).__name__}")
    try:
        return _converter().structure(data, Report)
    except (ClassValidationError, ForbiddenExtraKeysError) as exc:
        msgs = cattrs.transform_error(exc) if isinstance(exc, ClassValidationError) else [str(exc)]
        raise SerialisationError("; ".join(msgs[:5])) from None
    except (TypeError, ValueError, KeyError) as exc:
        raise SerialisationError(str(exc)) from None


CSV_COLUMNS: tuple[str, ...] = (
    "source", "unit_name", "year", "table", "table_number", "table_title", "block",
    "line", "row_code", "row_name", "gov_name", "level", "row_kind", "column",
    "column_label", "amount", "unit",
)
"""The columns of the tidy CSV export, one row per table cell."""


def table_cells(report: Report) -> Iterator[dict[str, str]]:
    """Every non-blank table cell of a report as a flat record (see `CSV_COLUMNS`)."""
    for t in report.tables:
        for b in t.blocks:
            for r in b.rows:
                for col, v in zip(b.columns, r.values, strict=False):
                    if v is None:
                        continue
                    yield {
                        "source": report.source,
                        "unit_name": report.unit_name or "",
                        "year": "" if report.year is None else str(report.year),
                        "table": t.kind.value,
                        "table_number": t.number,
                        "table_title": t.title,
                        "block": b.name,
                        "line": "" if r.line is None else str(r.line),
                        "row_code": r.code or "",
                        "row_name": r.name,
                        "gov_name": r.gov_name or "",
                        "level": "" if r.level is None else str(r.level),
                        "row_kind": r.kind.value,
                        "column": col.key,
                        "column_label": col.label,
                        "amount": str(v),
                        "unit": t.unit.value,
                    }


def to_csv(reports: Report | Iterable[Report], out: IO[str] | None = None,
           *, header: bool = True) -> str:
    """Write the tidy CSV of one or many reports; returns the text if ``out`` is ``None``."""
    buffer = io.StringIO() if out is None else out
    w = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    if header:
        w.writeheader()
    for rep in [reports] if isinstance(reports, Report) else reports:
        for cell in table_cells(rep):
            w.writerow(cell)
    return buffer.getvalue() if isinstance(buffer, io.StringIO) and out is None else ""


def to_dataframe(reports: Report | Iterable[Report]) -> Any:
    """Every table cell of one or many reports as a pandas ``DataFrame``.

    The columns are :data:`CSV_COLUMNS`; ``amount`` holds exact ``decimal.Decimal``
    values (object dtype) and ``year``, ``line`` and ``level`` nullable integers. Needs
    the ``pandas`` extra (``pip install 'govbudget[pandas]'``).

    Raises:
        GovBudgetError: pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError:
        raise GovBudgetError(
            "to_dataframe() needs pandas: pip install 'govbudget[pandas]'") from None
    rows = [cell for rep in ([reports] if isinstance(reports, Report) else reports)
            for cell in table_cells(rep)]
    df = pd.DataFrame(rows, columns=list(CSV_COLUMNS))
    df["amount"] = df["amount"].map(Decimal)
    for col in ("year", "line", "level"):
        df[col] = pd.to_numeric(df[col].replace("", None)).astype("Int64")
    return df
