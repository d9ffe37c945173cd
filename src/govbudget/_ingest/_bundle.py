"""A file holding more than one report (a department's bundle of its units' budgets, or
two years' reports put together).

Every report prints one 收支总表 (收入支出决算总表) and one 财政拨款收支总表: a second one,
with figures and other tables between the two, is the next report's. Read as one, two reports' tables would be checked
against each other (one's 收支总表 against the other's 支出表): errors that are none.
`second_report` finds where the second report begins, so that the reader reads the
first alone and says, once, that the rest was not read.

The second report begins at the first line, after the table before its 收支总表, that
opens a report: its cover's title (a year, then 部门预算, 单位决算 …), ``目录``, or its
first part's heading (``第一部分``); with none, at its 收支总表's title.

```pycon
>>> from govbudget import TableKind
>>> from govbudget._ingest._text import Line
>>> lines = [Line(n, t) for n, t in enumerate(
...     ["收支总表", "合计 5.00", "行政运行 5.00", "上年结转 0.00", "收入总表", "合计 5.00",
...      "说明", "乙局2024年部门预算", "收支总表", "合计 3.00", "行政运行 3.00", "上年结转 0.00"], 1)]
>>> tables = [(TableKind.SUMMARY, lines[:4]), (TableKind.INCOME, lines[4:6]),
...           (TableKind.SUMMARY, lines[8:])]
>>> second_report(tables, [ln.no for ln in lines], [ln.stripped for ln in lines])
8

```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from attrs import evolve

from .._findings import Finding, Location, Severity
from .._lazy_re import lazy
from .._reading import SEVERAL_REPORTS
from .._report import Report
from .._tables import TableKind
from ._pages import REPORT_TITLE
from ._text import Line, figure_but_year

__all__ = ["read_first", "second_report"]

# The tables every report prints once.
_ONCE: Final = (TableKind.SUMMARY, TableKind.GRANT_SUMMARY)
# Lines of a table with a figure (``5.00``, ``2,599.99``, ``3002500``) that make it a
# table read, not a contents line.
_FIGURES_LEAST: Final = 3
_FIGURE: Final = lazy(r"\d[\d,]*\.\d{2}(?!\d)|\d{1,3}(?:,\d{3})+|\d{5,}")


def second_report(tables: Sequence[tuple[TableKind, Sequence[Line]]], nos: Sequence[int],
                  strips: Sequence[str]) -> int | None:
    """The line number where a second report begins, or ``None`` for a text of one.

    ``tables`` are the segmenter's tables (kind, lines); ``nos`` and ``strips`` the
    numbers and stripped texts of every line the segmenter was given, in order.
    """
    seen: dict[TableKind, int] = {}
    second = None
    for k, (kind, lines) in enumerate(tables):
        if kind not in _ONCE or not lines:
            continue
        if sum(bool(_FIGURE.search(ln.stripped)) for ln in lines) < _FIGURES_LEAST:
            continue  # a contents line or an empty table: no report's own
        if kind in seen and any(other is not kind for other, _ in tables[seen[kind] + 1:k]):
            # (other tables between the two: not one table's pages printed as two)
            second = k
            break
        seen.setdefault(kind, k)
    if second is None:
        return None
    title_no = tables[second][1][0].no
    before = [ln.no for _, lines in tables[:second] for ln in lines]
    start = max((n for n in before if n < title_no), default=0)
    gap = [(no, t) for no, t in zip(nos, strips, strict=True) if start < no < title_no and t]
    # Its contents or its first part, and its cover's title a little above them; else
    # its cover's title alone; else its 收支总表.
    opening = next((k for k, (_, t) in enumerate(gap)
                    if t.startswith("第一部分") or "".join(t.split()) == "目录"), None)
    if opening is not None:
        cover = next((k for k in range(max(0, opening - _COVER_LINES), opening)
                      if _cover_title(gap[k][1])), None)
        return gap[_above(gap, cover if cover is not None else opening)][0]
    cover = next((k for k, (_, t) in enumerate(gap) if _cover_title(t)), None)
    return gap[_above(gap, cover)][0] if cover is not None else title_no


def _above(gap: Sequence[tuple[int, str]], k: int) -> int:
    """The cover's first line: ``gap[k]``'s (its title, or its contents), or the lines of
    the cover printed just above it (the unit's name, the year, the title in pieces:
    ``2026 年度`` / ``福州市民政局`` / ``单位预算``): up to four short lines, no figure
    but a year, no sentence, no heading."""
    for _ in range(_COVER_PIECES):
        if k == 0 or not _cover_piece(gap[k - 1][1]):
            break
        k -= 1
    return k


_COVER_PIECES: Final = 4


def _cover_piece(text: str) -> bool:
    """
    >>> [_cover_piece(t) for t in ("福州市民政局（本级）", "2026 年度", "十、其他重要事项说明",
    ...                            "共计5.00万元。", "质的社区服务和生活配套设施。")]
    [True, True, False, False, False]
    """
    return (len(text) <= 30 and not figure_but_year(text)
            and not any(p in text for p in "，。；：:,;") and not _ENUMERATED.match(text)
            and not text.endswith(("说明", "情况", "解释", "表", "目录")) and "部分" not in text)


_ENUMERATED: Final = lazy(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、])")


# Printed lines a cover's title may stand above its contents or its first part.
_COVER_LINES: Final = 12


def _cover_title(text: str) -> bool:
    """A report's title alone on its line (a year, then …部门预算, …单位决算 …), not a
    sentence (no figure but a year, no comma) nor a later part's heading.

    >>> [_cover_title(t) for t in ("乙局2024年部门预算", "第三部分 乙局 2024 年度部门决算",
    ...                            "2024 年度机关运行经费支出 2266.65 万元，比 2023 年度决算")]
    [True, False, False]
    """
    if "年" not in text or "  " in text or len(text) > 60 or "，" in text or "。" in text:
        return False
    if text.startswith("第") and "部分" in text[:6] and not text.startswith("第一部分"):
        return False
    return not figure_but_year(text) and bool(REPORT_TITLE.search(text))




def read_first(flat: str, cut: int, reader: Callable[..., Report], *, source: str,
               pages: Sequence[int] | None, scanned: Sequence[int],
               ocr: Sequence[int] = ()) -> Report:
    """The first report of a text holding more than one (``flat``, its lines LF-ended),
    read by ``reader`` (`govbudget.read_text`) from the lines before line ``cut``, with
    one finding saying where the next report begins and that it was not read."""
    lines = flat.split("\n")
    head = "\n".join(lines[:cut - 1])
    if pages is not None:
        page = pages[cut - 1] if cut - 1 < len(pages) else None
        first_pages: Sequence[int] | None = pages[:cut - 1]
    else:
        page = head.count("\f") + 1 if "\f" in flat else None
        first_pages = None
    report = reader(head, source=source, pages=first_pages,
                    scanned=[p for p in scanned if page is None or p < page],
                    ocr=[p for p in ocr if page is None or p < page])
    title = lines[cut - 1].strip(" \t\u3000\f")[:40]
    finding = Finding(
        rule=SEVERAL_REPORTS, severity=Severity.WARNING,
        message=f"第{cut}行起是另一份报告（“{title}”）：本文件含多份报告，只读取并检查了第一份"
                f"（第1–{cut - 1}行），其余请分开检查",
        message_en=f"another report begins at line {cut} ('{title}'): the file holds more "
                   f"than one report; only the first (lines 1–{cut - 1}) was read and "
                   "checked, check the others separately",
        location=Location(section="document", line=cut, page=page))
    return evolve(report, findings=(*report.findings, finding))

