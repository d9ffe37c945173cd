"""Writing project performance target tables (项目支出绩效目标表) back to text.

`render_performance` is the twin of `govbudget._ingest._performance.read_performance`:
it prints tables in the layout PDF extraction gives (see that module's docstring), and
``read_performance`` of the printed lines gives back equal tables, line numbers aside.
It makes test reports cheap: other units, other funding sources, other indicators.

Plain layout (``artefacts=False``), one table::

    项目支出绩效目标表
    项目名称 <project>
    主管部门及代码 <code>-<department>
    实施单位 <implementer>
    项目属性 <attribute> 项目期 <duration>
    项目资金（元）
    实施期资金总额： <total_period>
    年度资金总额： <total_year>
    其中：<source> <period> 其中：<source> <year>
    <source> <period> <source> <year>            (a blank cell prints nothing)
    项目概况 <overview>                          (also 立项依据, 项目设立必要性, …)
    实施期目标 年度目标
    总体目标
    <goal_period>
    <goal_year>
    一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
    产出指标
    数量指标 <name> <value> 数量指标 <name> <value>
    <name> <value> <name> <value>
    负责人： 经办人： 联系电话： 填报日期：<filled_on>

The two indicator columns are interleaved as the reader expects: within each (一级, 二级)
group, the left label and the period rows that have no partner, then the right label and
its first row, then the remaining rows alternating left and right. A table without a
period column is printed with the one-column header.

With ``artefacts=True`` the writer also reproduces what extraction does to real reports:
labels on a line of their own (``项目资金`` / ``（元）``), amounts with thousands
separators broken across lines (``125,00`` / `` `` / ``0``), a funding label wrapped onto
the next line (``县级财政资`` / ``金``), long text and goals wrapped at a column
width, the vertical ``绩/效/指/标``, stacked indicator cells with long names wrapped, the
filing date broken (``2025030109150`` / `` `` / ``2``), a year line under the title and
blank lines between lines.

Guarantee. The writer reads each table it prints back with the reader. With artefacts, a
table whose artefacts the reader cannot undo (rare: a wrapped piece that reads as a
value or a label) is printed with fewer of them, down to the plain layout. A table that
does not read back even plainly raises `ValueError` naming the field; this happens
for content the layout cannot carry, e.g. a year goal without a period goal, an indicator
group only the year column has, a year group with two rows more than the period one, a
name that contains ``指标`` or reads as a value, two funding sources of the same name, a
department code without a department, a 二级 成本指标 group whose period column has no row
to print before the year column's label (``成本指标 成本指标`` reads as the 一级 成本指标).

```pycon
>>> from decimal import Decimal
>>> from govbudget._report import FundingLine, Indicator, PerformanceTable
>>> from govbudget._ingest._performance import read_performance
>>> from govbudget._ingest._text import split_lines
>>> t = PerformanceTable(
...     project="档案数字化", department="某某县档案局", department_code="105",
...     total_period=Decimal("125000"), total_year=Decimal("125000"),
...     funding=[FundingLine("县级财政资金", Decimal("125000"), Decimal("125000"))],
...     indicators_year=[Indicator("产出指标", "数量指标", "数字化档案（卷）", "≥3000卷")],
...     indicators_period=[Indicator("产出指标", "数量指标", "数字化档案（卷）", "≥3000卷")],
...     filled_on="20250301")
>>> lines = render_performance([t])
>>> print("\\n".join(lines[:7]))
项目支出绩效目标表
项目名称 档案数字化
主管部门及代码 105-某某县档案局
实施单位
项目属性
项目资金（元）
实施期资金总额： 125000
>>> (back,), _ = read_performance(split_lines("\\n".join(render_performance([t], artefacts=True))))
>>> back.total_year, back.indicators_year[0].value, back.filled_on
(Decimal('125000'), '≥3000卷', '20250301')

```
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

import attrs

from .._report import FundingLine, Indicator, PerformanceTable
from ._perf_words import (
    _LABEL_ENDINGS,
    _MODIFIERS,
    _goal_split,
    _is_qual,
    _is_value,
    _split_glued,
    _split_repeat,
    _width,
)
from ._performance import read_performance
from ._text import Line, join_text

__all__ = ["render_performance"]

_TITLE: Final = "项目支出绩效目标表"
_HEADER_TWO: Final = "一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值"
_HEADER_ONE: Final = "一级指标 二级指标 三级指标 指标值"
_FOOTER: Final = "负责人： 经办人： 联系电话： 填报日期："
_TEXT_FIELDS: Final = (("overview", "项目概况"), ("basis", "立项依据"),
                       ("necessity", "项目设立必要性"), ("measures", "保证项目实施的制度、措施"),
                       ("plan", "项目实施计划"))
_TEXT_WIDTH: Final = 90  # display width of a wrapped text line (45 CJK characters)
_LEVELS: Final = (2, 1, 0)  # full artefacts, artefacts without wrapping, plain


# -- numbers ---------------------------------------------------------------------------------


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def _grouped(value: Decimal) -> str:
    """``125000`` → ``125,000`` (decimals kept as printed)."""
    text = format(value, "f")
    sign = "-" if text.startswith("-") else ""
    body = text.lstrip("-")
    whole, _, frac = body.partition(".")
    out = f"{int(whole):,}"
    return sign + out + (f".{frac}" if frac else "")


def _split_number(value: Decimal | None) -> tuple[str, str] | None:
    """An integer with a thousands separator, broken before its last digit as extraction
    does (``125,00`` + ``0``); ``None`` when breaking it would not read back."""
    if value is None or value < 1000 or value != value.to_integral_value():
        return None
    text = _grouped(value)
    if "." in text:
        return None
    return text[:-1], text[-1]


# -- wrapping --------------------------------------------------------------------------------


def _wrap(text: str, width: int) -> list[str]:
    """Cut ``text`` into lines of at most ``width`` display columns, never between two ASCII
    letters or digits (joining would add a space), never at a space, never leaving a
    piece of one character when it can be avoided."""
    if _width(text) <= width:
        return [text]
    out: list[str] = []
    cur = ""
    for i, ch in enumerate(text):
        if cur and _width(cur + ch) > width and _can_break(text, i):
            out.append(cur)
            cur = ""
        cur += ch
    if cur:
        out.append(cur)
    if len(out) >= 2 and len(out[-1]) == 1:
        out[-2:] = [out[-2][:-1], out[-2][-1] + out[-1]]
    return [x for x in out if x]


def _can_break(text: str, i: int) -> bool:
    a, b = text[i - 1], text[i]
    if a.isspace() or b.isspace():
        return False
    return not (a.isascii() and a.isalnum() and b.isascii() and b.isalnum())


def _joins_back(pieces: Sequence[str], text: str) -> bool:
    return join_text(Line(0, p) for p in pieces) == text and all(
        p == p.strip(" \t\u3000\u00a0") and p for p in pieces)


# -- goals -----------------------------------------------------------------------------------


def _goal_layouts(period: str, year: str, artefacts: bool) -> Iterator[list[str]]:
    """Line layouts of the two goals that the reader splits back correctly (see
    ``_goal_split``), most natural first."""
    if not period and not year:
        yield []
        return
    if not year:
        yield [period]
        return
    if period == year:
        if artefacts:
            yield [*_wrap(period, 70), *_wrap(year, 52)]
        yield [period, year]
        return
    widths = (70, 60, 52, 44, 36, 30, 24, 20, 16, 12, 10, 8, 6) if artefacts else (
        80, 70, 60, 52, 44, 36, 30, 24, 20, 16, 12, 10, 8, 6)
    candidates: list[tuple[list[str], list[str]]] = [([period], [year])]
    for w in widths:
        candidates.append((_wrap(period, w), [year]))
        candidates.append((_wrap(period, w), _wrap(year, w)))
    seen: set[tuple[str, ...]] = set()
    for p_lines, y_lines in candidates:
        lines = [*p_lines, *y_lines]
        key = tuple(lines)
        if key in seen or not _joins_back(p_lines, period) or not _joins_back(y_lines, year):
            continue
        seen.add(key)
        if len(lines) >= 2 and _goal_split(lines) == len(p_lines):
            yield lines


# -- indicators ------------------------------------------------------------------------------


@attrs.frozen
class _Group:
    level1: str
    level2: str
    rows: tuple[Indicator, ...]

    @property
    def key(self) -> tuple[str, str]:
        return (self.level1, self.level2)


def _groups(inds: Sequence[Indicator]) -> list[_Group]:
    out: list[_Group] = []
    for ind in inds:
        if out and out[-1].key == (ind.level1, ind.level2):
            last = out[-1]
            out[-1] = _Group(last.level1, last.level2, (*last.rows, ind))
        else:
            out.append(_Group(ind.level1, ind.level2, (ind,)))
    # a group that is only an empty row prints as its label alone
    return [g if not (len(g.rows) == 1 and g.rows[0].is_empty) else _Group(g.level1, g.level2, ())
            for g in out]


def _pairs(left: list[_Group], right: list[_Group]) -> list[tuple[_Group, _Group | None]]:
    out: list[tuple[_Group, _Group | None]] = []
    j = 0
    for g in left:
        if j < len(right) and right[j].key == g.key:
            out.append((g, right[j]))
            j += 1
        else:
            out.append((g, None))
    if j < len(right):
        raise ValueError(f"the year column's group {right[j].level2!r} has no period group "
                         f"before it: the reader opens a group with the period column")
    return out


def _row(ind: Indicator) -> str:
    return " ".join(x for x in (ind.name, ind.value) if x)


def _wrapped_row(ind: Indicator) -> list[str] | None:
    """A row printed as a stacked cell: its name wrapped over lines, the last one clearly
    narrower, then the value on a line of its own; ``None`` when the reader could not tell
    the pieces from a value."""
    name, value = ind.name, ind.value
    if not name or not value or _width(name) < 20:
        return None
    for width in (20, 22, 18, 24, 16, 26):
        pieces = _wrap(name, width)
        if len(pieces) < 2 or not _joins_back(pieces, name):
            continue
        widest = max(_width(p) for p in pieces)
        if _width(pieces[0]) != widest or _width(pieces[-1]) > widest - 4:
            continue
        if any(_width(p) < widest - 3 for p in pieces[1:-1]):
            continue
        head = pieces[0][:9]
        ok = True
        for k, p in enumerate(pieces):
            if (len(p) < 2 or " " in p or "指标" in p or _is_value(p) or p in _MODIFIERS
                    or _split_glued(p) is not None or _split_repeat(p) is not None
                    or (k and _is_qual(p, head))):
                ok = False
                break
        if ok:
            return [*pieces, value]
    return None


def _grid(p: PerformanceTable, level: int) -> list[str]:
    two = bool(p.indicators_period)
    left = _groups(p.indicators_period if two else p.indicators_year)
    right = _groups(p.indicators_year) if two else []
    out = [_HEADER_TWO if two else _HEADER_ONE]
    l1 = ""
    for n, (lg, rg) in enumerate(_pairs(left, right)):
        marker = ""
        if lg.level1 != l1:
            l1 = lg.level1
            marker = l1
        lab = lg.level2
        rows = [_row(x) for x in lg.rows]
        if rg is None:
            body = [f"{lab} {rows[0]}" if rows else lab, *rows[1:]]
            out.extend(_with_marker(marker, body, level))
            continue
        rrows = [_row(x) for x in rg.rows]
        k, m = len(rows), len(rrows)
        if m > k + 1:
            raise ValueError(f"group {lab!r}: the year column has {m} rows and the period "
                             f"column {k}; the layout carries at most one more")
        stacked = level >= 1 and k == m and k >= 1 and (
            n % 2 == 0 or _width(lg.rows[0].name) >= 20)
        if stacked:
            body = _stacked(lab, lg.rows[0], rg.rows[0], level)
            body += [f"{a} {b}" for a, b in zip(rows[1:], rrows[1:], strict=True)]
        elif m == 0:
            body = [f"{lab} {rows[0]}" if rows else lab, *rows[1:]]
            body[-1] += f" {lab}"
        elif k >= m:
            before = k - m + 1
            body = [f"{lab} {rows[0]}", *rows[1:before]]
            body[-1] += f" {lab} {rrows[0]}"
            body += [f"{a} {b}" for a, b in zip(rows[before:], rrows[1:], strict=True)]
        else:  # m == k + 1
            body = [f"{lab} {lab} {rrows[0]}"]
            body += [f"{a} {b}" for a, b in zip(rows, rrows[1:], strict=True)]
        out.extend(_with_marker(marker, body, level))
    return out


def _stacked(lab: str, a: Indicator, b: Indicator, level: int) -> list[str]:
    """``数量指标`` / row / ``数量指标`` / row, long names wrapped (artefacts)."""
    wa = _wrapped_row(a) if level >= 2 else None
    wb = _wrapped_row(b) if level >= 2 else None
    return [lab, *(wa or [_row(a)]), lab, *(wb or [_row(b)])]


def _with_marker(marker: str, body: list[str], level: int) -> list[str]:
    if not marker:
        return body
    if level >= 1 and len(body) == 1:
        return [f"{marker} {body[0]}"]
    return [marker, *body]


# -- one table -------------------------------------------------------------------------------


def _department(p: PerformanceTable) -> str:
    if p.department_code:
        return f"{p.department_code}-{p.department}"
    return p.department


def _labelled(label: str, value: str) -> str:
    return f"{label} {value}" if value else label


def _funding(p: PerformanceTable, level: int) -> list[str]:
    unit = p.unit.symbol
    out: list[str] = [f"项目资金（{unit}）"] if level == 0 else ["项目资金", f"（{unit}）"]
    for label, value in (("实施期资金总额：", p.total_period), ("年度资金总额：", p.total_year)):
        split = _split_number(value) if level >= 1 and label.startswith("实施期") else None
        if split is not None:
            out += [label, split[0], "", split[1]]
        elif level >= 1 and value is not None:
            out.append(f"{label} {_grouped(value)}")
        else:
            out.append(_labelled(label, _plain(value)))
    for n, fl in enumerate(p.funding):
        out += _source(fl, "其中：" if n == 0 else "", level)
    return out


def _cell(fl: FundingLine, value: Decimal | None, level: int) -> str:
    if value is None:
        # a blank cell prints nothing, unless the label would then run into the next one
        return "" if fl.source.endswith(_LABEL_ENDINGS) else "-"
    return _grouped(value) if level >= 1 else _plain(value)


def _source(fl: FundingLine, prefix: str, level: int) -> list[str]:
    label = fl.source
    year = " ".join(x for x in (f"{prefix}{label}", _cell(fl, fl.year, level)) if x)
    split = _split_number(fl.period) if level >= 1 and not prefix else None
    if split is not None:
        head = [label]
        if level >= 2 and len(label) >= 6 and not label[:-1].endswith(_LABEL_ENDINGS):
            head = [label[:-1], label[-1]]
        return [*head, split[0], "", split[1], year]
    period = " ".join(x for x in (f"{prefix}{label}", _cell(fl, fl.period, level)) if x)
    return [f"{period} {year}"]


def _text_field(label: str, text: str, level: int) -> list[str]:
    if level < 2 or _width(label + text) <= _TEXT_WIDTH:
        return [_labelled(label, text)]
    pieces = _wrap(text, _TEXT_WIDTH)
    if not _joins_back(pieces, text):
        return [_labelled(label, text)]
    return [label, *pieces]


def _footer(p: PerformanceTable, level: int) -> list[str]:
    date = p.filled_on
    if date is None:
        return [_FOOTER]
    if level >= 1 and date.isdigit() and 2 <= len(date) <= 14:
        return [_FOOTER, date[:-1], "", date[-1]]
    return [_FOOTER + date]


def _lines(p: PerformanceTable, level: int, goals: list[str]) -> list[str]:
    out: list[str] = []
    if level >= 1:
        out.append(f" {_TITLE}")
        if p.filled_on and len(p.filled_on) >= 4 and p.filled_on[:4].isdigit() \
                and p.filled_on.startswith(("19", "20")):
            out.append(f"（{p.filled_on[:4]}年度）")
    else:
        out.append(_TITLE)
    out.append(_labelled("项目名称", p.project))
    dept = _department(p)
    if level >= 2 and dept and _width(dept) > 40:
        out += ["主管部门及代码", *_wrap(dept, 40)]
    else:
        out.append(_labelled("主管部门及代码", dept))
    out.append(_labelled("实施单位", p.implementer))
    attribute = _labelled("项目属性", p.attribute)
    out.append(f"{attribute} 项目期 {p.duration}" if p.duration else attribute)
    out += _funding(p, level)
    for attr, label in _TEXT_FIELDS:
        out += _text_field(label, getattr(p, attr), level)
    out += ["实施期目标 年度目标", "总体目标", *goals]
    if level >= 1:
        out += ["绩", "效", "指", "标"]
    out += _grid(p, level)
    out += _footer(p, level)
    if level >= 1:
        spaced: list[str] = []
        for n, ln in enumerate(out):
            spaced.append(ln)
            # a blank line after most lines, as extraction prints them (never inside a
            # run of one-character lines: they are merged only when adjacent)
            if n % 3 == 2 and len(ln) > 1:
                spaced.append("")
        out = spaced
    return out


def _bare(t: PerformanceTable) -> PerformanceTable:
    """The table without line numbers."""
    return attrs.evolve(
        t, line=None, end_line=None,
        funding=tuple(attrs.evolve(f, line=None) for f in t.funding),
        indicators_period=tuple(attrs.evolve(i, line=None) for i in t.indicators_period),
        indicators_year=tuple(attrs.evolve(i, line=None) for i in t.indicators_year))


def _read(lines: Sequence[str]) -> tuple[PerformanceTable, ...]:
    tables, _ = read_performance([Line(n, s) for n, s in enumerate(lines, 1)])
    return tables


def _difference(want: PerformanceTable, got: tuple[PerformanceTable, ...]) -> str:
    if len(got) != 1:
        return f"it reads back as {len(got)} tables"
    a, b = _bare(want), _bare(got[0])
    for f in attrs.fields(PerformanceTable):
        if getattr(a, f.name) != getattr(b, f.name):
            return f"{f.name} reads back as {getattr(b, f.name)!r}, not {getattr(a, f.name)!r}"
    return "it reads back differently"  # pragma: no cover - equal tables pass


def _render_one(p: PerformanceTable, artefacts: bool) -> list[str]:
    want = _bare(p)
    problem = ""
    for level in _LEVELS if artefacts else (0,):
        try:
            layouts = list(_goal_layouts(p.goal_period, p.goal_year, level >= 2))
            if not layouts:
                problem = "the goals cannot be printed so that the reader splits them back"
                continue
            for goals in layouts:
                lines = _lines(p, level, goals)
                got = _read(lines)
                if len(got) == 1 and _bare(got[0]) == want:
                    return lines
                problem = _difference(p, got)
        except ValueError as exc:
            problem = str(exc)
    raise ValueError(f"performance table {p.project!r} cannot be printed so that it reads "
                     f"back: {problem}")


def render_performance(tables: Sequence[PerformanceTable], *,
                       artefacts: bool = False) -> list[str]:
    """Print performance target tables as extraction gives them (see the module docstring).

    Args:
        tables: the tables, printed one after the other.
        artefacts: reproduce extraction artefacts (split numbers, wrapped labels and
            names, the vertical 绩/效/指/标 …).

    Returns:
        The lines, without line breaks; ``read_performance`` of them gives back
        ``tables`` (line numbers aside).

    Raises:
        ValueError: a table cannot be printed so that it reads back (the message says
            which field).
    """
    out: list[str] = []
    for p in tables:
        out += _render_one(p, artefacts)
    return out
