"""Code rules: printed (code, name) pairs against the catalogue, and against each other."""

from __future__ import annotations

from collections.abc import Iterator

from .._findings import Finding, Location, Severity
from .._tables import Row, Table, TableKind
from ..codes import NameStatus, dept_economic, functional
from ._context import Context, norm
from ._registry import Category, rule


def _row_location(t: Table, r: Row) -> Location:
    """Where a coded row is (built only for the rows a finding names)."""
    return Location(section=t.title, table=t.kind.value, row_code=r.code, row_name=r.name,
                    line=r.line)


@rule("codes.functional_name", title="功能分类科目编码与名称须与分类科目一致",
      title_en="Functional code–name pairs match the catalogue",
      category=Category.CODES, severity=Severity.ERROR,
      applies="every row with a functional code, against the catalogue edition of the "
              "report's year (an unknown code is info: the built-in catalogue is partial)")
def functional_name(ctx: Context) -> Iterator[Finding]:
    """A printed name that is not the code's name is an error; a name from another edition
    is a warning (an outdated template); a code the catalogue does not know is info."""
    year = ctx.report.year
    seen: set[tuple[str, str]] = set()
    for t in ctx.report.tables:
        if not t.kind.functional:
            continue
        for b in t.blocks:
            for r in b.rows:
                if not r.code or not functional.is_valid(r.code) or (r.code, r.name) in seen:
                    continue
                seen.add((r.code, r.name))
                res = functional.check_name(r.code, r.name, year=year)
                if res.status is NameStatus.MATCH:
                    continue
                loc = _row_location(t, r)
                if res.status is NameStatus.WRONG_NAME:
                    yield ctx.finding(
                        "codes.functional_name", Severity.ERROR,
                        f"科目{r.code}的名称应为“{res.expected}”，报表印为“{r.name}”",
                        f"code {r.code} is {res.expected!r} in the catalogue, printed as "
                        f"{r.name!r}", loc, expected_text=res.expected, actual_text=r.name)
                elif res.status is NameStatus.OTHER_EDITION:
                    eds = ", ".join(str(e) for e in res.editions)
                    yield ctx.finding(
                        "codes.functional_name", Severity.WARNING,
                        f"科目{r.code}印为“{r.name}”，这是{eds}年版的名称；"
                        f"{year or '当年'}版为“{res.expected}”",
                        f"code {r.code} printed as {r.name!r}, its name in edition {eds}; "
                        f"the {year or 'current'} name is {res.expected!r}",
                        loc, expected_text=res.expected, actual_text=r.name)
                else:
                    yield ctx.finding(
                        "codes.functional_name", Severity.INFO,
                        f"科目{r.code}“{r.name}”不在内置（部分）分类科目中，未能核对",
                        f"code {r.code} {r.name!r} is not in the built-in (partial) catalogue; "
                        "not verified", loc, actual_text=r.name)


@rule("codes.consistent_names", title="同一科目编码在各表中名称一致",
      title_en="The same code has the same name in every table",
      category=Category.CODES, severity=Severity.ERROR, applies="every coded row of every table")
def consistent_names(ctx: Context) -> Iterator[Finding]:
    """A code printed with different names in different tables (or rows) is an error,
    whatever the catalogue says."""
    first: dict[str, tuple[str, Table, Row]] = {}
    for t in ctx.report.tables:
        for b in t.blocks:
            for r in b.rows:
                if not r.code:
                    continue
                if r.code not in first:
                    first[r.code] = (r.name, t, r)
                    continue
                name0, t0, r0 = first[r.code]
                if norm(name0) != norm(r.name):
                    # locations only for findings
                    loc, loc0 = _row_location(t, r), _row_location(t0, r0)
                    yield ctx.finding(
                        "codes.consistent_names", Severity.ERROR,
                        f"科目{r.code}在{loc0.section}中为“{name0}”，在{t.title}中为“{r.name}”",
                        f"code {r.code} is {name0!r} in {loc0.section} but {r.name!r} here",
                        loc, [loc0], expected_text=name0, actual_text=r.name)


@rule("codes.economic_names", title="经济分类科目名称须为部门预算支出经济分类的名称",
      title_en="Economic item names are names of the departmental economic classification",
      category=Category.CODES, severity=Severity.WARNING,
      applies="rows of the basic spending table (printed with or without codes); unknown "
              "names are info because the built-in catalogue is partial")
def economic_names(ctx: Context) -> Iterator[Finding]:
    """With a code, the pair is checked like functional codes; without one, the name must
    be a known departmental economic item (or class)."""
    year = ctx.report.year
    for t in ctx.tables(TableKind.BASIC_ECONOMIC):
        for b in t.blocks:
            for r in b.data_rows():
                if r.code and dept_economic.is_valid(r.code):
                    res = dept_economic.check_name(r.code, r.name, year=year)
                    if res.status is NameStatus.WRONG_NAME:
                        yield ctx.finding(
                            "codes.economic_names", Severity.ERROR,
                            f"科目{r.code}的名称应为“{res.expected}”，报表印为“{r.name}”",
                            f"code {r.code} is {res.expected!r}, printed as {r.name!r}",
                            _row_location(t, r), expected_text=res.expected,
                            actual_text=r.name)
                    continue
                if not dept_economic.lookup_name(r.name, year=year):
                    yield ctx.finding(
                        "codes.economic_names", Severity.INFO,
                        f"“{r.name}”不是内置（部分）经济分类中的科目名称，未能核对",
                        f"{r.name!r} is not a name in the built-in (partial) economic "
                        "classification; not verified", _row_location(t, r), actual_text=r.name)
