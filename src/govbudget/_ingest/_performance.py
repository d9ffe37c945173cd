"""Reader of project performance target tables (项目支出绩效目标表).

A disclosure ends with one table per project. `read_performance` receives the
segment of the document that holds them (page furniture already removed, lines raw) and
returns one `govbudget.PerformanceTable` per table, plus reading findings.

Layout of one table, as PDF extraction prints it (top to bottom)
------------------------------------------------------------------

- a title line containing ``项目支出绩效目标表`` (maybe with a region prefix, maybe drawn
  twice), often followed by a year line ``（2024年度）``. Every title starts a table;
- short fields, each label at the start of a line, its value after it or on the next
  lines (values and labels wrap): ``项目名称``, ``主管部门及代码`` (``315-某某局`` gives the
  code ``"315"`` and the name), ``实施单位``, ``项目属性`` (with ``项目期`` on the same line);
- the funding block ``项目资金（元）``: two totals (``实施期资金总额：`` / ``年度资金总额：``)
  and one row per source, printed as ``label amount label amount`` (实施期 | 年度), where a
  blank cell prints nothing. Labels wrap (``县级财政资`` + ``金``) and amounts break
  (``120,00`` + ``0``);
- long text fields: ``项目概况``, ``立项依据``, ``项目设立必要性``, ``保证项目实施的制度、措施``,
  ``项目实施计划`` (wrapped lines are joined with `join_text`);
- ``总体目标`` under a header ``实施期目标 年度目标``: the two columns come out as two
  consecutive paragraphs;
- a vertical label ``绩/效/指/标`` (one character per line: noise), then the indicator grid
  ``一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值``: the 实施期 (period) column on
  the left, the 年度 (year) column on the right, interleaved;
- a footer ``负责人： 经办人： 联系电话： 填报日期：`` and the date as digits, maybe broken.

Heuristics
----------

*Sections.* A line starting with a known label opens a section; each kind of section opens
only once per table (the first occurrence), so a text line that happens to start with a
label word later on does not cut the table. A label broken over two lines is joined when
the line is a proper prefix of the label and the next line starts with the remainder.
Runs of one-character lines are merged: ``绩效指标``/``绩效目标`` are dropped, an indicator
label printed vertically (``产/出/指/标``) becomes that label.

*Amounts.* A number that is not a valid amount (``120,00``: incomplete digit group) is
joined with the digits that follow it on the next lines until it is valid; the repair is
reported (``reading.repaired_number``, info). A number that cannot be repaired or placed is
reported (``reading.unplaced_figure``) and the cell stays ``None``, never zero. When a
source label is printed twice, its first occurrence is the 实施期 column and its second the
年度 column; a label printed once with two amounts gives both; with one amount, the 年度.

*Goals.* The 总体目标 lines are split into the 实施期 and the 年度 paragraph by, in order:
(1) an exact repetition (the joined text is ``X + X`` at a line boundary, or a single line
``X X``); (2) the line that starts most like the first line (at least 4 characters in
common); (3) the first line that is clearly narrower than the first one (the end of the
first paragraph). Otherwise all text goes to the 实施期 goal and ``reading.goal_split``
(info) is reported. Text is never dropped.

*Indicator grid.* Each line is cut into tokens at spaces; 一级/二级 labels become markers,
also when glued to the name (``服务对象满意度指标相关人员满意度``). ``成本指标`` is 一级 when
the next marker is a 二级 label (``经济成本指标`` …) and 二级 otherwise. For each 二级 group
the order is ``label(left) rows… label(right) row row…``: rows go to the left column until
the right label; after it the next row goes right, then rows alternate left/right (this
also covers the common ``name value name value`` line, and stacked multi-line cells).
A row is name fragments followed by a value; a token is a value when:

- it matches the value grammar: an optional comparison (``≥``, ``不低于`` …), a number or
  range and a unit (``≤82平方米``, ``470元/人/天``, ``20分钟左右``), a date or month
  (``2024年6月底``, ``3月中下旬``, ``6至7月``) or a frequency (``每两周``, ``每半年``);
- it follows a name cell on the same line (cells on one line alternate name/value);
- it follows the last, narrower line of a wrapped name (a wrapped name fills the column;
  its last line is shorter by more than a character);
- it is a qualitative word (``及时``, ``保障``, ``进一步有效增强`` …) or the first word of
  the name (``保障群众出行安全`` / ``保障``);
- it ends a fragment run at a marker or at the end of the grid (the last fragment).

A token that holds name and value glued is split when its value is missing: at the start
of a value-grammar suffix (``培训合格率100%``, ``《…》6期``), or at a word
that ends the token and also starts it (``全面提升服务质量全面提升``,
``提高群众办事效率提高``). A run of fragments whose text is ``X + X`` is two
rows (one per column). A lone ``前``/``左右`` … after a value belongs to it
(``2024年12月底 前``). A 二级 group with no row gives ``Indicator(level1, level2, "", "")``.
Each column is kept as printed (order, typos). A row whose name and value cannot be told
apart is kept whole and reported (``reading.unsplit_indicator``, warning).

All steps are linear in the input (token-level look-ups are bounded), and odd input
(truncated, empty, binary junk) gives tables with what could be read plus findings,
never an exception; a table with no name, no funding or no indicators is reported as
``reading.incomplete_table``.

```pycon
>>> from govbudget._ingest._text import split_lines
>>> text = '''某某县项目支出绩效目标表
... 项目名称 档案数字化
... 主管部门及代码 105-某某县档案局
... 实施单位 某某县档案馆
... 项目资金（万元） 实施期资金总额： 12.50
... 年度资金总额： 12.50
... 其中：财政拨款 12.50 其中：财政拨款 12.50
... 一级指标 二级指标 三级指标 指标值 二级指标 三级指标 指标值
... 产出指标 数量指标 数字化档案（卷） ≥3000卷 数量指标 数字化档案（卷） ≥3000卷
... 负责人： 填报日期： 20240301'''
>>> (t,), findings = read_performance(split_lines(text))
>>> t.project, t.department_code, t.unit.symbol, t.total_year
('档案数字化', '105', '万元', Decimal('12.50'))
>>> t.indicators_year[0].name, t.indicators_year[0].value, t.filled_on
('数字化档案（卷）', '≥3000卷', '20240301')

```
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final, TypeAlias

from .._findings import Finding, Location, Severity
from .._money import Unit, parse_amount
from .._report import FundingLine, Indicator, PerformanceProse, PerformanceTable
from ..prose import parse_prose
from ._perf_columns import is_columnar, read_columnar
from ._perf_grid import (
    _Grid,
)
from ._perf_sections import (
    _DIGITS_LINE,
    _SHORT_KEYS,
    _SHORT_LABEL_TEXTS,
    _SHORT_LABELS,
    _TEXT_KEYS,
    _merge_vertical,
    _scan,
    _Section,
)
from ._perf_words import (
    _GOAL_HEADERS,
    _HEADER_WORDS,
    _LABEL_ENDINGS,
    _MARK2,
    _MARK_AMB,
    _PERIOD_TOTAL,
    _SECTION,
    _SOURCE,
    _SPACES,
    _SPACES_COLONS,
    _TEXT,
    _VERTICAL_NOISE,
    _YEAR_LINE,
    _department,
    _funding_words,
    _goal_split,
    _grid_cells,
    _label_kind,
    _Source,
    _title_spans,
    _Tok,
    _wrapped_unit,
)
from ._selfeval import is_self_evaluation_title
from ._text import Line, dedouble, join_text, make_line, spaced

__all__ = ["read_performance"]



class _TableReader:
    """Reads one table. ``chunk`` is its title line (raw) followed by its non-blank lines,
    already stripped of surrounding spaces (so ``.text`` is used rather than ``.stripped``).
    Findings are appended to ``findings``."""

    __slots__ = ("chunk", "findings", "project")

    def __init__(self, chunk: list[Line], findings: list[Finding]) -> None:
        self.chunk = chunk
        self.findings = findings
        self.project = ""

    # findings ---------------------------------------------------------------------------
    def _finding(self, rule: str, severity: Severity, line: int | None, msg: str, msg_en: str,
                 actual: str | None = None, column: str | None = None) -> None:
        self.findings.append(Finding(
            rule=rule, severity=severity, message=msg, message_en=msg_en,
            location=Location(section=_SECTION, row_name=self.project or None, column=column,
                              line=line),
            actual=actual,
        ))

    def _unplaced(self, line: int | None, text: str, why: str, why_en: str) -> None:
        self._finding("reading.unplaced_figure", Severity.WARNING, line,
                      f"无法对应的数字“{text}”：{why}", f"figure {text!r} not placed: {why_en}",
                      actual=text)

    def _scan_figures(self, lines: Iterable[Line], why: str, why_en: str) -> None:
        for ln in lines:
            figs = [tok for tok in ln.text.split() if any(map(str.isdigit, tok))]
            if figs:
                self._unplaced(ln.no, " ".join(figs), why, why_en)

    # main -------------------------------------------------------------------------------
    def read(self) -> PerformanceTable:
        title = self.chunk[0]
        body = _merge_vertical(self.chunk[1:])
        pre, sections = _scan(body)
        by_key: dict[str, _Section] = {s.key: s for s in sections}

        short = self._short_fields([s for s in sections if s.key in _SHORT_KEYS])
        self.project = short.get("project", "")
        dept_code, dept = _department(short.get("department", ""))

        pre = [ln for ln in pre if not _YEAR_LINE.match(ln.text)]
        self._scan_figures(pre, "表头之外的内容", "outside any field")

        unit = Unit.YUAN
        total_period = total_year = None
        funding: tuple[FundingLine, ...] = ()
        if "funding" in by_key:
            unit, total_period, total_year, funding = self._funding(by_key["funding"])

        joined = {k: _joined(by_key[k].items) if k in by_key else _NO_TEXT for k in _TEXT_KEYS}
        texts = {k: text for k, (text, _) in joined.items()}
        goals = self._goals(by_key["goals"].items) if "goals" in by_key else (_NO_TEXT, _NO_TEXT)
        if "goal_year" in by_key:
            # 年度目标 as a label of its own: the goals section (if any) is the period's.
            year_goal = _joined(by_key["goal_year"].items)
            goals = (_joined(by_key["goals"].items) if "goals" in by_key else _NO_TEXT,
                     year_goal)
        (goal_period, period_lines), (goal_year, year_lines) = goals
        prose = PerformanceProse(
            overview=parse_prose(*joined["overview"]), plan=parse_prose(*joined["plan"]),
            goal_period=parse_prose(goal_period, period_lines),
            goal_year=parse_prose(goal_year, year_lines))

        period: tuple[Indicator, ...] = ()
        year: tuple[Indicator, ...] = ()
        if "grid" in by_key:
            period, year = self._grid(by_key["grid"])

        filled_on = self._footer(by_key["footer"].items) if "footer" in by_key else None

        missing = []
        if not self.project:
            missing.append(("项目名称", "project name"))
        if total_period is None and total_year is None and not funding:
            missing.append(("项目资金", "funding"))
        if "grid" not in by_key:
            missing.append(("绩效指标表", "indicator grid"))
        elif not period and not year:
            missing.append(("绩效指标", "indicators"))
        if missing:
            self._finding(
                "reading.incomplete_table", Severity.WARNING, title.no,
                "绩效目标表不完整，缺少" + "、".join(m[0] for m in missing),
                "performance table incomplete: no " + ", ".join(m[1] for m in missing))

        return PerformanceTable(
            project=self.project, department=dept, department_code=dept_code,
            implementer=short.get("implementer", ""), attribute=short.get("attribute", ""),
            duration=short.get("duration", ""), unit=unit, total_period=total_period,
            total_year=total_year, funding=funding, overview=texts["overview"],
            basis=texts["basis"], necessity=texts["necessity"], measures=texts["measures"],
            plan=texts["plan"], goal_period=goal_period, goal_year=goal_year,
            indicators_period=period, indicators_year=year, filled_on=filled_on,
            line=title.no, end_line=(body[-1].no if body else title.no),
            field_lines=tuple(("goals" if key == "goal_year" and "goals" not in by_key else key,
                               sec.line) for key, sec in by_key.items()),
            prose=prose,
        )

    # short fields -------------------------------------------------------------------------
    def _short_fields(self, sections: list[_Section]) -> dict[str, str]:
        parts: dict[str, list[Line]] = {}
        for s in sections:
            key = s.key
            for ln in s.items:
                words: list[str] = []
                for tok in ln.text.split():
                    hit = next(((k, lab) for k, lab in _SHORT_LABELS
                                if k != key and k not in parts and tok.startswith(lab)),
                               None) if tok.startswith(_SHORT_LABEL_TEXTS) else None
                    if hit is not None:
                        if words:
                            parts.setdefault(key, []).append(Line(ln.no, " ".join(words)))
                        words = []
                        key = hit[0]
                        parts.setdefault(key, [])
                        tok = tok[len(hit[1]):].lstrip("：:")
                        if not tok:
                            continue
                    words.append(tok)
                if words:
                    parts.setdefault(key, []).append(Line(ln.no, " ".join(words)))
        return {k: join_text(v) for k, v in parts.items()}

    # funding ------------------------------------------------------------------------------
    def _funding(self, sec: _Section) -> tuple[
            Unit, Decimal | None, Decimal | None, tuple[FundingLine, ...]]:
        unit: Unit | None = None
        toks: list[_Tok] = []  # kind _TEXT (label) or 1 (number) or 2 (blank mark)
        for row, ln in enumerate(sec.items):
            named, words = _funding_words(ln.text)
            if named is not None:
                unit = named
            no = ln.no
            toks += [_Tok(kind, word, no, row) for kind, word in words]
        if unit is None:
            unit = _wrapped_unit([ln.text for ln in sec.items]) or Unit.YUAN
        toks = self._join_labels(toks)
        entries = self._repair_numbers(toks)
        return (unit, *self._place_funding(entries))

    @staticmethod
    def _join_labels(toks: list[_Tok]) -> list[_Tok]:
        out: list[_Tok] = []
        for tok in toks:
            if tok.kind == _TEXT and out:
                prev = out[-1]
                if (prev.kind == _TEXT and prev.row < tok.row
                        and not prev.text.endswith(_LABEL_ENDINGS)
                        and _label_kind(prev.text) == _SOURCE):
                    out[-1] = _Tok(_TEXT, prev.text + tok.text, prev.line, tok.row)
                    continue
            out.append(tok)
        return out

    def _repair_numbers(self, toks: list[_Tok]) -> list[tuple[_Tok, Decimal | None]]:
        """Numbers as amounts; an invalid one is joined with the digits on the next lines."""
        out: list[tuple[_Tok, Decimal | None]] = []
        i = 0
        n = len(toks)
        while i < n:
            tok = toks[i]
            i += 1
            if tok.kind != 1:
                out.append((tok, None))
                continue
            value = _amount(tok.text)
            text = tok.text
            j = i
            while value is None and j < n and toks[j].kind == 1 and j - i < 3 \
                    and toks[j].row > toks[j - 1].row:
                text += toks[j].text
                j += 1
                value = _amount(text)
            if value is not None and j > i:
                self._finding("reading.repaired_number", Severity.INFO, tok.line,
                              f"跨行断开的数字“{' '.join(x.text for x in toks[i - 1:j])}”拼接为{text}",
                              f"number split across lines joined as {text}", actual=text)
                i = j
            elif value is None:
                self._unplaced(tok.line, tok.text, "无法识别的金额", "not a valid amount")
            # (a new token only if digits were appended, whether that repaired it or not)
            out.append((tok if text == tok.text else _Tok(1, text, tok.line, tok.row), value))
        return out

    def _place_funding(self, entries: list[tuple[_Tok, Decimal | None]]) -> tuple[
            Decimal | None, Decimal | None, tuple[FundingLine, ...]]:
        groups: list[tuple[_Tok, list[tuple[_Tok, Decimal | None]]]] = []
        for tok, value in entries:
            if tok.kind == _TEXT:
                groups.append((tok, []))
            elif groups:
                groups[-1][1].append((tok, value))
            elif tok.kind == 1 and value is not None:
                self._unplaced(tok.line, tok.text, "资金数额前没有来源", "no funding label before it")
        counts: dict[str, int] = {}
        for label, _ in groups:
            counts[label.text] = counts.get(label.text, 0) + 1
        paired = any(n >= 2 for lab, n in counts.items() if _label_kind(lab) == _SOURCE)
        total_period: Decimal | None = None
        total_year: Decimal | None = None
        sources: dict[str, _Source] = {}
        seen: dict[str, int] = {}
        # (_extras is only called when there are cells to report: most labels have none)
        for label, cells in groups:
            if len(cells) >= 2 and (paired or len(cells) > 2):
                cells = self._extra_digits(cells)
            values = [v for _, v in cells]
            text = label.text
            kind = _label_kind(text)
            if kind != _SOURCE:
                if kind == _PERIOD_TOTAL:
                    total_period = values[0] if values else total_period
                else:
                    total_year = values[0] if values else total_year
                if len(cells) > 1:
                    self._extras(cells[1:], text)
                continue
            k = seen.get(text, 0)
            seen[text] = k + 1
            src = sources.get(text)
            if src is None:
                src = sources[text] = _Source(label.line)
            if paired:
                if k >= 2:
                    self._extras(cells, text)
                    continue
                if k == 0:
                    src.period = values[0] if values else None
                else:
                    src.year = values[0] if values else None
                if len(cells) > 1:
                    self._extras(cells[1:], text)
            elif len(values) >= 2:
                src.period, src.year = values[0], values[1]
                if len(cells) > 2:
                    self._extras(cells[2:], text)
            elif values:
                src.year = values[0]
        funding = tuple(FundingLine(source=name, period=src.period, year=src.year, line=src.line)
                        for name, src in sources.items())
        return total_period, total_year, funding

    def _extra_digits(self, cells: list[tuple[_Tok, Decimal | None]]) -> list[
            tuple[_Tok, Decimal | None]]:
        """In a one-amount cell (two cells or more), digits alone on a later line continue
        the amount."""
        first, value = cells[0]
        rest = cells[1:]
        text = first.text
        used = 0
        for tok, _ in rest:
            if tok.kind != 1 or tok.row <= first.row or not tok.text.isdigit() or len(tok.text) > 3:
                break
            joined = _amount(text + tok.text)
            if joined is None:
                break
            text += tok.text
            value = joined
            used += 1
        if not used:
            return cells
        self._finding("reading.repaired_number", Severity.INFO, first.line,
                      f"跨行断开的数字拼接为{text}", f"number split across lines joined as {text}",
                      actual=text)
        return [(_Tok(1, text, first.line, first.row), value), *rest[used:]]

    def _extras(self, cells: Iterable[tuple[_Tok, Decimal | None]], label: str) -> None:
        for tok, value in cells:
            if tok.kind == 1 and value is not None:
                self._unplaced(tok.line, tok.text, f"“{label}”的多余数值",
                               f"extra amount after {label!r}")

    # goals ---------------------------------------------------------------------------------
    def _goals(self, items: list[Line]) -> tuple[_Joined, _Joined]:
        lines: list[Line] = []
        for ln in items:
            t = ln.text
            for label in ("总体目标", "年度绩效目标"):
                if t.startswith(label):
                    t = t[len(label):].lstrip(_SPACES_COLONS)
            words = t.split()
            if not words or "".join(words) in _VERTICAL_NOISE or _GOAL_HEADERS.issuperset(words):
                continue
            lines.append(Line(ln.no, t))
        if not lines:
            return _NO_TEXT, _NO_TEXT
        texts = [ln.text for ln in lines]
        if len(lines) == 1:
            one = texts[0]
            half = len(one) // 2
            if len(one) % 2 == 1 and one[half] in _SPACES and one[:half] == one[half + 1:]:
                at = ((0, lines[0].no),)
                return (one[:half], at), (one[:half], at)
        else:
            split = _goal_split(texts)
            if split is not None:
                return _joined(lines[:split]), _joined(lines[split:])
        self._finding("reading.goal_split", Severity.INFO, lines[0].no,
                      "无法区分实施期目标与年度目标，全部作为实施期目标",
                      "could not split the period and year goals; all text kept as the period goal")
        return _joined(lines), _NO_TEXT

    # grid ------------------------------------------------------------------------------------
    def _grid(self, sec: _Section) -> tuple[tuple[Indicator, ...], tuple[Indicator, ...]]:
        header = sec.label
        toks: list[_Tok] = []
        for row, ln in enumerate(sec.items):
            text = ln.text
            if not toks:
                words = text.split()
                if words and all(dedouble(w) in _HEADER_WORDS for w in words):
                    header += " " + text
                    continue
            no = ln.no
            toks += [_Tok(kind, word, no, row) for kind, word in _grid_cells(text)]
        if header:
            two = dedouble(header).count("二级指标") >= 2 or (
                "实施期" in header and "年度" in header)
        else:
            marks = [t.text for t in toks if t.kind in (_MARK2, _MARK_AMB)]
            two = any(a == b for a, b in itertools.pairwise(marks))

        def report(line: int | None, name: str, value: str, c: int) -> None:
            self._finding("reading.unsplit_indicator", Severity.WARNING, line,
                          f"指标“{name or value}”的名称与指标值无法区分",
                          f"indicator {name or value!r}: name and value could not be told apart",
                          actual=name or value, column="period" if two and c == 0 else "year")

        grid = _Grid(two, report)
        grid.run(toks)
        left, right = tuple(grid.cols[0].rows), tuple(grid.cols[1].rows)
        return (left, right) if two else ((), left)

    # footer ------------------------------------------------------------------------------------
    def _footer(self, items: list[Line]) -> str | None:
        if not items:
            return None
        first = items[0].text
        pos = first.find("填报日期")
        date = first[pos + 4:].strip(_SPACES_COLONS) if pos >= 0 else ""
        rest = items[1:]
        used = 0
        for ln in rest:
            t = ln.text
            digits = sum(map(str.isdigit, date + t))
            if not _DIGITS_LINE.match(t) or digits > 14 or pos < 0:
                break
            date += t
            used += 1
        self._scan_figures(rest[used:], "表尾之后的内容", "after the table's footer")
        return date or None


_Joined: TypeAlias = tuple[str, tuple[tuple[int, int], ...]]
_NO_TEXT: Final[_Joined] = ("", ())


def _joined(lines: Sequence[Line]) -> _Joined:
    """`join_text` of the lines, with where each line starts in the text: ``(offset,
    line number)`` pairs, for the prose grammar to give each figure its line."""
    out = ""
    starts: list[tuple[int, int]] = []
    for ln in lines:
        t = ln.stripped
        if not t:
            continue
        if out and spaced(out[-1], t[0], cut_numbers=True):
            out += " "
        starts.append((len(out), ln.no))
        out += t
    return out, tuple(starts)


@functools.lru_cache(maxsize=4096)
def _amount(text: str) -> Decimal | None:
    """``text`` as an amount, or ``None``. Cached: amounts recur from table to table (0,
    the totals), and an invalid one costs an exception. (A `Decimal` is immutable, so
    sharing one between tables is safe.)"""
    try:
        return parse_amount(text)
    except ValueError:
        return None






def read_performance(lines: Sequence[Line], pages: Sequence[int] | None = None
                     ) -> tuple[tuple[PerformanceTable, ...], list[Finding]]:
    """Read the project performance target tables (项目支出绩效目标表) of a report segment.

    Args:
        lines: the segment holding the tables, page furniture removed, each line with its
            original 1-based number and raw text. Each line containing
            ``项目支出绩效目标表`` starts a table.
        pages: the page of each line of the document (by line number), if known: a bare
            number that ends its page is its page number, not a figure.

    Returns:
        The tables in the order printed, and the reading findings
        (``reading.unplaced_figure``, ``reading.incomplete_table``,
        ``reading.repaired_number``, ``reading.unsplit_indicator``, ``reading.goal_split``).
    """
    findings: list[Finding] = []
    lines = _drop_page_numbers(lines, pages)
    spans = _title_spans(lines)
    starts = [a for a, _ in spans]
    # A self-evaluation table (read by `._selfeval`) ends the target table before it.
    evals = [k for k, ln in enumerate(lines) if "自评" in ln.text and is_self_evaluation_title(ln.text)]
    first = min(starts[:1] + evals[:1], default=len(lines))
    head = lines[:first]
    for ln in head:
        figs = [tok for tok in ln.stripped.split() if any(map(str.isdigit, tok))]
        if figs:
            text = " ".join(figs)
            findings.append(Finding(
                rule="reading.unplaced_figure", severity=Severity.WARNING,
                message=f"绩效目标表之前无法对应的数字“{text}”",
                message_en=f"figure {text!r} before the first performance table not placed",
                location=Location(section=_SECTION, line=ln.no), actual=text))
    tables: list[PerformanceTable] = []
    for n, (s, t_end) in enumerate(spans):
        e = starts[n + 1] if n + 1 < len(starts) else len(lines)
        e = min([e, *[k for k in evals if s < k < e]])
        rest = [ln for ln in lines[t_end + 1:e] if ln.stripped]
        if not rest and n + 1 < len(spans):
            continue  # a heading (1.项目支出绩效目标表) right before the first table
        raw = [lines[s], *rest]
        if is_columnar(raw):
            tables.append(read_columnar(raw, findings))
            continue
        # Each line as its stripped text (a line already stripped is kept as it is).
        chunk = [lines[s]]
        chunk += [ln if ln.text == t else make_line(ln.no, t, t)
                  for ln in rest if (t := ln.stripped)]
        tables.append(_TableReader(chunk, findings).read())
    return tuple(tables), findings


def _drop_page_numbers(lines: Sequence[Line], pages: Sequence[int] | None) -> Sequence[Line]:
    """Without the printed page numbers: a bare number that ends its page (the next line is
    on another page) and that counts on with its neighbours (the number of the next such
    line grows by as many pages as lie between them), three or more in a row."""
    if not pages:
        return lines

    def page(no: int) -> int | None:
        return pages[no - 1] if 0 < no <= len(pages) else None

    cand = [k for k, ln in enumerate(lines)
            if ln.stripped.isdigit() and len(ln.stripped) <= 4 and page(ln.no) is not None
            and (k + 1 == len(lines) or page(lines[k + 1].no) != page(ln.no))]

    def fits(a: int, b: int) -> bool:
        pa, pb = page(lines[a].no), page(lines[b].no)
        assert pa is not None and pb is not None
        return pb > pa and int(lines[b].stripped) - int(lines[a].stripped) == pb - pa

    # Runs of at least three numbers that count on with the pages (a stray digit of a
    # broken number that ends a page does not).
    drop: set[int] = set()
    run: list[int] = []
    for n, k in enumerate(cand):
        if run and not fits(run[-1], k):
            if len(run) >= 3:
                drop.update(run)
            run = []
        run.append(k)
        if n + 1 == len(cand) and len(run) >= 3:
            drop.update(run)
    return [ln for k, ln in enumerate(lines) if k not in drop] if drop else lines
