"""A report as a Fiscal Data Package: ``datapackage.json`` and CSV resources.

``budget-lines.csv`` has one row per amount printed in the report's tables: the table,
the row and column, the functional classification by level (类/款/项, a code and a label
column each), the economic classification (类/款) where the table is by economic item,
the amount as printed with its unit and unit factor and the amount in 元, the phase
(``approved`` for a 预算, ``executed`` for a 决算, from `govbudget.Report.kind`) and the
direction (``revenue`` or ``expenditure``). ``functional-codes.csv`` is the code list the
lines refer to (with foreign keys): each code with the name the report prints and the
name in the built-in catalogue (blank when it is not there: names are never invented).
The descriptor also carries the FDP ``model`` (measures and dimensions).

```pycon
>>> import tempfile, json, pathlib
>>> from govbudget import read_report
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> _ = write_package(read_report("examples/data/jincheng-npc-office-2024.txt"), out)
>>> desc = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
>>> [r["name"] for r in desc["resources"]]
['budget-lines', 'functional-codes']

```
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

from .._report import Report
from .._tables import Row, RowKind, Table, TableKind

__all__ = ["LINE_FIELDS", "write_package"]

_LEVELS: Final = (("class", 3, "类"), ("item", 5, "款"), ("subitem", 7, "项"))
_ECON_LEVELS: Final = (("class", "类"), ("item", "款"))

LINE_FIELDS: Final[tuple[tuple[str, str, str], ...]] = (
    ("fiscal_year", "year", "预算年度"),
    ("unit_name", "string", "单位名称"),
    ("phase", "string", "approved (预算) or executed (决算)"),
    ("direction", "string", "revenue or expenditure"),
    ("table_number", "integer", "表号"),
    ("table_kind", "string", "the table's kind key"),
    ("table_title", "string", "the table's title as printed"),
    ("block", "string", "income or expenditure side of a two-sided table"),
    ("line", "integer", "the row's line in the text read"),
    ("row_kind", "string", "data, total or group"),
    ("row_name", "string", "the row's name as printed"),
    *((f"functional_{lvl}_{part}", "string", f"功能分类{zh}{'编码' if part == 'code' else '名称'}")
      for lvl, _, zh in _LEVELS for part in ("code", "label")),
    *((f"economic_{lvl}_{part}", "string", f"经济分类{zh}{'编码' if part == 'code' else '名称'}")
      for lvl, zh in _ECON_LEVELS for part in ("code", "label")),
    ("column", "string", "the column's key"),
    ("column_label", "string", "the column's heading as printed"),
    ("amount", "number", "the amount as printed, in unit"),
    ("unit", "string", "元, 万元 or 亿元"),
    ("unit_factor", "integer", "元 per unit (1, 10000, 100000000)"),
    ("amount_yuan", "number", "the amount in 元, exactly"),
    ("currency", "string", "CNY"),
)
"""The fields of ``budget-lines.csv``: name, Table Schema type, description."""

_CODE_FIELDS: Final = (
    ("code", "string", "功能分类科目编码"),
    ("level", "string", "类, 款 or 项"),
    ("parent", "string", "the code one level up"),
    ("label", "string", "the name printed in the report"),
    ("catalogue_label", "string", "the name in govbudget's built-in catalogue, if there"),
)
_REVENUE: Final = frozenset({TableKind.INCOME, TableKind.FUND_INCOME})


def _direction(t: Table, block: str) -> str:
    if block == "income" or (block != "expenditure" and t.kind in _REVENUE):
        return "revenue"
    return "expenditure"


def _plain(d: Any) -> str:
    text = format(d, "f")
    return "0" if text == "-0" else text


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")


def _lines(report: Report, names: dict[str, str]) -> Iterator[dict[str, str]]:
    phase = "executed" if report.kind.value == "final" else "approved"
    for t in report.tables:
        for b in t.blocks:
            econ: dict[str, str] = {}
            for r in b.rows:
                cls = _classification(t, r, names, econ)
                for col, v in zip(b.columns, r.values, strict=False):
                    if v is None:
                        continue
                    yield {
                        "fiscal_year": "" if report.year is None else str(report.year),
                        "unit_name": report.unit_name or "", "phase": phase,
                        "direction": _direction(t, b.name), "table_number": str(t.number),
                        "table_kind": t.kind.value, "table_title": t.title, "block": b.name,
                        "line": "" if r.line is None else str(r.line),
                        "row_kind": r.kind.value, "row_name": r.name, **cls,
                        "column": col.key, "column_label": col.label,
                        "amount": _plain(v), "unit": t.unit.value,
                        "unit_factor": str(int(t.unit.factor)),
                        "amount_yuan": _plain(v * t.unit.factor), "currency": "CNY",
                    }


def _classification(t: Table, r: Row, names: dict[str, str],
                    econ: dict[str, str]) -> dict[str, str]:
    out = {name: "" for name, _, _ in LINE_FIELDS if name.startswith(("functional_",
                                                                       "economic_"))}
    code = r.code or ""
    if t.kind.functional and code.isdigit() and len(code) in (3, 5, 7):
        for lvl, n, _ in _LEVELS:
            if len(code) >= n:
                out[f"functional_{lvl}_code"] = code[:n]
                out[f"functional_{lvl}_label"] = names.get(code[:n], "")
    elif t.kind is TableKind.BASIC_ECONOMIC and r.kind is RowKind.DATA and r.level in (1, 2):
        # economic items: 类 rows (level 1) head the 款 rows (level 2) below them
        if r.level == 1:
            econ.clear()
            econ.update(code=code, label=r.name)
        out["economic_class_code"] = econ.get("code", "")
        out["economic_class_label"] = econ.get("label", "")
        if r.level == 2:
            out["economic_item_code"] = code
            out["economic_item_label"] = r.name
    return out


def _printed_names(report: Report) -> dict[str, str]:
    names: dict[str, str] = {}
    for t in report.tables:
        if not t.kind.functional:
            continue
        for b in t.blocks:
            for r in b.rows:
                if r.code and r.code.isdigit() and r.code not in names and r.name:
                    names[r.code] = r.name
    return names


def _code_rows(lines: list[dict[str, str]], names: dict[str, str]) -> list[dict[str, str]]:
    from ..codes import functional

    codes = sorted({ln[f"functional_{lvl}_code"] for ln in lines for lvl, _, _ in _LEVELS}
                   - {""})
    level = {n: zh for _, n, zh in _LEVELS}
    rows = []
    for c in codes:
        info = functional.get(c)
        rows.append({"code": c, "level": level[len(c)],
                     "parent": c[:-2] if len(c) > 3 else "",
                     "label": names.get(c, ""),
                     "catalogue_label": getattr(info, "name", "") or ""})
    return rows


def _schema(fields: tuple[tuple[str, str, str], ...], **extra: Any) -> dict[str, Any]:
    out: list[dict[str, Any]] = []
    for name, typ, desc in fields:
        f: dict[str, Any] = {"name": name, "type": typ, "description": desc}
        if typ == "number":
            f["bareNumber"] = True
        out.append(f)
    return {"fields": out, **extra}


def _write_csv(path: Path, fields: tuple[tuple[str, str, str], ...],
               rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=[f[0] for f in fields], lineterminator="\n")
        w.writeheader()
        w.writerows(rows)


def write_package(report: Report, directory: str | Path) -> Path:
    """Write the report's Fiscal Data Package into ``directory`` (created if needed);
    returns the path of ``datapackage.json``."""
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    names = _printed_names(report)
    lines = list(_lines(report, names))
    codes = _code_rows(lines, names)
    _write_csv(out / "budget-lines.csv", LINE_FIELDS, lines)
    _write_csv(out / "functional-codes.csv", _CODE_FIELDS, codes)
    fks = [{"fields": f"functional_{lvl}_code",
            "reference": {"resource": "functional-codes", "fields": "code"}}
           for lvl, _, _ in _LEVELS]
    kind = "决算" if report.kind.value == "final" else "预算"
    title = " ".join(str(x) for x in (report.unit_name or "", report.year or "", kind) if x)
    descriptor = {
        "profile": "tabular-data-package",
        "name": _slug(f"govbudget-{report.year or ''}-{report.kind.value}") or "govbudget",
        "title": title,
        "description": f"Tables of {report.source} read by govbudget.",
        "resources": [
            {"name": "budget-lines", "path": "budget-lines.csv", "profile":
             "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8",
             "schema": _schema(LINE_FIELDS, foreignKeys=fks, missingValues=[""])},
            {"name": "functional-codes", "path": "functional-codes.csv",
             "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8",
             "schema": _schema(_CODE_FIELDS, primaryKey=["code"], missingValues=[""])},
        ],
        "model": {
            "measures": {"amount": {"source": "amount", "currency": "CNY",
                                    "factor_field": "unit_factor", "phase": (
                                        "executed" if report.kind.value == "final"
                                        else "approved"),
                                    "direction_field": "direction"}},
            "dimensions": {
                "functional-classification": {
                    "dimensionType": "classification", "classificationType": "functional",
                    "attributes": {lvl: {"source": f"functional_{lvl}_code",
                                         "labelSource": f"functional_{lvl}_label"}
                                   for lvl, _, _ in _LEVELS}},
                "economic-classification": {
                    "dimensionType": "classification", "classificationType": "economic",
                    "attributes": {lvl: {"source": f"economic_{lvl}_code",
                                         "labelSource": f"economic_{lvl}_label"}
                                   for lvl, _ in _ECON_LEVELS}},
                "date": {"dimensionType": "datetime",
                         "attributes": {"year": {"source": "fiscal_year"}}},
                "entity": {"dimensionType": "entity",
                           "attributes": {"name": {"source": "unit_name"}}},
            },
        },
    }
    path = out / "datapackage.json"
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    return path
