"""Reading a whole report: decoding, segmenting, and handing each part to its reader.

The document is cut into segments by what its lines say, never by position: part
headings (第一部分 概况, 第二部分 …报表, 第三部分 …情况说明, 第四部分 名词解释), table
titles (`govbudget._ingest._titles.classify_title`), performance table titles
(…项目支出绩效目标表), numbered narrative headings (十一、国有资产占有使用情况) and the
start of attachments (…关于…的通知); reports without part headings open the narrative and
the glossary with a title alone on its line (2024年部门预算编制说明, 其他相关情况说明,
项目经费情况说明; 名词解释). Each segment goes to its reader:

- tables → `._tables`;
- the overview and the narrative → `._narrative`;
- performance target tables → `._performance`.

The readers report what they could not place as findings; only input that is not a
budget report at all (empty, binary, no table and no narrative) raises
`govbudget.ReadError`.
"""

from __future__ import annotations

import bisect
import enum
import itertools
import os
from collections import Counter
from collections.abc import Sequence
from typing import Final

from .._errors import ReadError
from .._findings import Finding, Location, Severity
from .._lazy_re import lazy
from .._money import Unit
from .._pattern_cache import compile_pattern
from .._report import Narrative, Overview, Report, ReportKind, TableSet
from .._tables import MOF_9, SHANXI_13, Table, TableKind
from ._bundle import read_first, second_report
from ._grid import (
    CUT_MARKS,
    blanks_marked,
    one_cell_a_line,
    text_style,
    with_cut_figures,
    with_ocr,
    with_odd_unit,
    with_unit_figures,
)
from ._load import MAX_BYTES, load
from ._narrative import bare_title
from ._pages import (
    _bare_page_numbers,
    _page_number_run,
    _pages_of_feeds,
    _pages_of_marks,
    furniture,
    page_number_lines,
)
from ._selfeval import is_self_evaluation_title
from ._tables import read_table
from ._text import _SPACES, Line, dedouble, make_line, normalise_breaks
from ._titles import (
    _MONEY_UNIT,
    _classify_title,
    _table_number,
    classify_title,
    generic_title,
    is_toc_line,
    join_wrapped_titles,
    table_number,
)

__all__ = ["MAX_BYTES", "read_report", "read_text"]



class _Part(enum.Enum):
    PREAMBLE = "preamble"
    OVERVIEW = "overview"
    TABLES = "tables"
    NARRATIVE = "narrative"
    PERFORMANCE = "performance"
    GLOSSARY = "glossary"
    ATTACHMENT = "attachment"


_PART_HEADING: Final = lazy(r"^\s*第[一二三四五六七八九十]+部分")
_NARRATIVE_HEADING: Final = lazy(r"^\s*[一二三四五六七八九十]{1,3}、\S")
_PERF_TITLE: Final = lazy(r"项目(支出|预算)?绩效目标(申报)?表")
_ATTACHMENT: Final = lazy(r"^\s*(附件[：:\d一二三四五六七八九十]?|.{2,40}关于.{2,60}的通知)\s*$")
_YEAR: Final = lazy(r"(20\d\d)\s*年")
# The year of a report's title (2026年部门预算, 2024年度单位决算, 2026 部门预算情况的说明:
# some covers drop the 年): a year with the words 预算 or 决算 after it on its line.
_TITLE_YEAR: Final = lazy(r"(20\d\d)\s*(?:年度?)?[^\d，。；,;]{0,24}?(?:预算|决算)")
_TITLE_LINES: Final = 40
_BARE_ENDS: Final = ("说明", "名词解释", "主要职能", "主要职责", "机构设置")
_BARE_PARTS: Final = {"narrative": _Part.NARRATIVE, "glossary": _Part.GLOSSARY,
                      "overview": _Part.OVERVIEW}
_DIGIT: Final = lazy(r"\d")
# What a line needs to hold to be anything but a plain line of the tables, the overview or
# the narrative it is in: a part heading (部分), a bare title's or a plain heading's end
# (`_BARE_ENDS`, `_HEADING_ENDS`), a performance or self-evaluation title, an attachment's
# start, a table title or number (表), a narrative heading inside the tables (说明, 情况).
# The segmenter's tests of such lines are all guarded by these words.
_plain: Final = compile_pattern(
    "部分|说明|情况|名词解释|主要职|机构设置|绩效目标|自评|表|附件|通知").search
# A generic title ends in 表 or a bracketed note after it (`generic_title`).
_GENERIC_ENDS: Final = ("表", "）", ")")
_NOT_ROW: Final = lazy(r"单位|公开表|\d{4}年")
_DECIMAL: Final = lazy(r"\d+\.\d")


def _bare_title(text: str) -> _Part | None:
    """The part a title alone on its line opens (``None`` for any other line)."""
    kind = bare_title(text)
    return None if kind is None else _BARE_PARTS[kind]


def _part_of_heading(text: str) -> _Part | None:
    t = dedouble(text)
    if not _PART_HEADING.match(t):
        return None
    if "名词解释" in t:
        return _Part.GLOSSARY
    if "概况" in t:
        return _Part.OVERVIEW
    if "说明" in t or "情况" in t:
        return _Part.NARRATIVE
    if "表" in t:
        return _Part.TABLES
    return _Part.NARRATIVE


def _any_perf_title(t: str) -> bool:
    """A performance target table's or a self-evaluation table's title (``t`` stripped)."""
    return ("绩效目标" in t and _is_perf_title(t)) or ("自评" in t and is_self_evaluation_title(t))


# What can end a part that is not read: a part heading, a title alone on its line, a
# performance or self-evaluation table's title (the tests of `_segment_lines`), as
# strings to find in the text of stripped lines, each line ended by a line break.
_WAKES: Final = ("部分", "绩效目标", "自评", *(end + "\n" for end in _BARE_ENDS))


def _wake_lines(strips: Sequence[str], start: int) -> list[int]:
    """The indices, from ``start`` on, of the stripped lines ``strips`` that can end a part
    that is not read (see `_WAKES`), found by searching their text for each string."""
    text = "\n".join(strips[start:]) + "\n"
    find = text.find
    found: list[int] = []
    for needle in _WAKES:
        pos = find(needle)
        while pos >= 0:
            found.append(pos)
            pos = find(needle, pos + 1)
    out: list[int] = []
    line = counted = 0
    for pos in sorted(found):
        line += text.count("\n", counted, pos)
        counted = pos
        if not out or out[-1] != start + line:
            out.append(start + line)
    return out


def _is_perf_title(text: str) -> bool:
    t = text.strip(" \u3000")
    return bool(_PERF_TITLE.search(t)) and len(t) <= 60 and not any(p in t for p in "，。；")


class _Segments:
    def __init__(self) -> None:
        self.overview: list[Line] = []
        self.narrative: list[Line] = []
        self.performance: list[Line] = []
        self.tables: list[tuple[TableKind, list[Line]]] = []


def _segment(lines: Sequence[Line]) -> _Segments:
    return _segment_lines([ln.no for ln in lines], [ln.text for ln in lines],
                          [ln.stripped for ln in lines])


def _segment_lines(nos: Sequence[int], texts: Sequence[str], strips: Sequence[str]
                   ) -> _Segments:
    """Cut the lines (numbers, texts and stripped texts) into segments. A `Line` is made
    only for a line a segment keeps (the attachment, the glossary and most blank lines
    are dropped)."""
    # The parts as locals: on Python 3.11 reading a member off an Enum class costs several
    # times a local look-up, and this loop runs once per line.
    preamble, overview, tables_part = _Part.PREAMBLE, _Part.OVERVIEW, _Part.TABLES
    narrative, performance = _Part.NARRATIVE, _Part.PERFORMANCE
    attachment, glossary = _Part.ATTACHMENT, _Part.GLOSSARY
    seg = _Segments()
    part = preamble
    current_table: list[Line] | None = None
    current_kind: TableKind | None = None
    table_has_rows = False
    current_has_number = False
    current_title = ""
    current_number: str | None = None
    # The lines that can end a part that is not read (an attachment, the glossary): found
    # once, by one search of the text, when such a part first starts; the lines between
    # are skipped without a test each.
    wakes: list[int] | None = None
    n = len(strips)
    lines = enumerate(strips)
    for i, t in lines:
        if not t:
            # Blank lines matter in a table (spaces there are blank cells); the other
            # readers skip them.
            if part is tables_part and current_table is not None:
                current_table.append(make_line(nos[i], texts[i], t))
            continue
        if part is tables_part and current_table is not None and _plain(t) is None:
            # No word of a heading, a title or the end of the tables: a line of the table.
            current_table.append(make_line(nos[i], texts[i], t))
            if not table_has_rows and _DIGIT.search(t) and not _NOT_ROW.search(t):
                table_has_rows = True
            continue
        if (part is narrative or part is overview) and _plain(t) is None:
            # Likewise a line of running text.
            (seg.narrative if part is narrative else seg.overview).append(
                make_line(nos[i], texts[i], t))
            continue
        heading = _part_of_heading(t) if "部分" in t else None
        if heading is None:
            if part is performance:
                # Inside the performance tables only a part heading or a numbered
                # narrative heading (that is not itself a table's title) ends them.
                if "、" in t and _NARRATIVE_HEADING.match(t) and not _any_perf_title(t) \
                        and _NARRATIVE_HEADING.match(dedouble(t)):
                    part = narrative
                    seg.narrative.append(make_line(nos[i], texts[i], t))
                else:
                    # Raw text: the performance reader reads cells by their positions.
                    seg.performance.append(make_line(nos[i], texts[i], t))
                continue
            if t.endswith(_BARE_ENDS):
                heading = _bare_title(t)
                if heading is part:
                    heading = None
                elif heading is narrative:
                    seg.narrative.append(make_line(nos[i], texts[i], t))  # the section's title
        if heading is not None:
            if heading is tables_part:
                # The tables' part heading can be drawn in the middle of a table.
                if part is not tables_part:
                    part = tables_part
                continue
            part = heading
            current_table = None
            if part is overview:
                seg.overview.append(make_line(nos[i], texts[i], t))
            continue
        if part is not performance and _any_perf_title(t):
            part = performance
            current_table = None
            seg.performance.append(make_line(nos[i], texts[i], t))
            continue
        if part is narrative and ("附件" in t or "通知" in t) and _ATTACHMENT.match(t):
            part = attachment
            continue
        if part is attachment or part is glossary:
            # not read: on to the next line that can end the part
            if wakes is None:
                wakes = _wake_lines(strips, i + 1)
            k = bisect.bisect_right(wakes, i)
            skip = (wakes[k] if k < len(wakes) else n) - i - 1
            if skip > 0:
                next(itertools.islice(lines, skip - 1, None), None)
            continue
        if part is tables_part and t.endswith(_HEADING_ENDS) and len(t) <= 24 \
                and _PLAIN_HEADING.match(t):
            # a heading with no ordinal ends the tables (其他相关情况说明, 名词解释)
            part = glossary if "名词解释" in t else narrative
            current_table = None
            if part is narrative:
                seg.narrative.append(make_line(nos[i], texts[i], t))
            continue
        has_table_word = "表" in t
        kind = _classify_title(t) if has_table_word else None
        if kind is None and has_table_word and part is not narrative \
                and t.endswith(_GENERIC_ENDS) and generic_title(t) and (
                    _table_follows(strips, i)
                    # under a table number, before any row (公开 05 表 / 单位：… / the
                    # title / its header: pdfminer's order)
                    or (current_table is not None and current_kind is None
                        and current_has_number and not table_has_rows)):
            kind = TableKind.OTHER
        number = _table_number(t) if has_table_word and len(t) <= 12 else None
        if kind is not None or number is not None:
            fits = (current_kind is None or kind is current_kind) if kind is not None \
                else not current_has_number
            same = current_table is not None and not table_has_rows and fits
            ln = make_line(nos[i], texts[i], t)
            if current_table is not None and table_has_rows and part is tables_part and (
                    (kind is not None and kind is current_kind
                     and _title_key(t) == current_title)
                    or (kind is None and number is not None and number == current_number)):
                # the table's title (or number) printed again on its next page: the same
                # table goes on (its repeated header is dropped by the table reader)
                current_table.append(ln)
                continue
            if (kind is not None and (current_table is None or not same)) or (kind is not None and current_kind is None):
                current_title = _title_key(t)
            if number is not None:
                current_number = number
            if same and current_table is not None:
                current_table.append(ln)
                if current_kind is None and kind is not None:
                    current_kind = kind
                    seg.tables[-1] = (kind, current_table)
            else:
                current_table = [ln]
                current_kind = kind
                current_has_number = False
                table_has_rows = False
                if kind is None:
                    current_title = ""
                current_number = number
                seg.tables.append((kind, current_table))  # type: ignore[arg-type]
            current_has_number = current_has_number or number is not None
            part = tables_part
            continue
        if part is tables_part:
            if current_table is None:
                continue  # not read
            if ("说明" in t or "情况" in t) and _NARRATIVE_HEADING.match(t) \
                    and _NARRATIVE_HEADING.match(dedouble(t)) \
                    and not _DECIMAL.search(t):
                part = narrative
                current_table = None
                seg.narrative.append(make_line(nos[i], texts[i], t))
                continue
            current_table.append(make_line(nos[i], texts[i], t))
            if not table_has_rows and _DIGIT.search(t) and not _NOT_ROW.search(t):
                table_has_rows = True
            continue
        if part is overview:
            seg.overview.append(make_line(nos[i], texts[i], t))
        elif part is narrative:
            seg.narrative.append(make_line(nos[i], texts[i], t))
        elif ("职责" in t or "机构" in t) and _NARRATIVE_HEADING.match(t) \
                and _NARRATIVE_HEADING.match(dedouble(t)):
            part = overview  # a report without part headings starts with its duties
            seg.overview.append(make_line(nos[i], texts[i], t))
    # A title with nothing under it is a table of contents entry, not a table.
    seg.tables = [(k, tl) for k, tl in seg.tables if k is not None and _has_content(tl)]
    return seg


_HEADING_ENDS: Final = ("说明", "名词解释")
_PLAIN_HEADING: Final = lazy(
    r"^(?:其他相关情况说明|名词解释|[^\d，。；]{0,14}(?:编制说明|情况说明|有关说明))$")
_UNIT_LINE: Final = lazy(r"单位[:：]|编制(?:部门|单位)[:：]")


_TITLE_NUMBER: Final = lazy(r"^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|"
                            r"(?:附)?表\d{1,2}[：:.．、]?|\d{1,2}[.．、])")


def _title_key(text: str) -> str:
    """A title as compared with the same table's title on its next page: without its
    numbering, spaces and doubled bold text."""
    t = dedouble(text).replace(" ", "").replace("\u3000", "")
    return _YEAR_BEFORE_TITLE.sub("", _TITLE_NUMBER.sub("", t))


# The year before a title (2026年度收入预算总表 is the table 二、收入预算总表 names).
_YEAR_BEFORE_TITLE: Final = lazy(r"^\d{4}年度?")


def _table_follows(strips: Sequence[str], i: int) -> bool:
    """A table starts after line ``i``: a money-unit or issuing-unit line, or a table
    number, within the next few lines."""
    seen = 0
    for t in strips[i + 1:i + 12]:
        if not t:
            continue
        seen += 1
        if _UNIT_LINE.search(t) or (len(t) <= 12 and table_number(t)):
            return True
        if seen >= 4:
            break
    return False


def _has_content(lines: Sequence[Line]) -> bool:
    for ln in lines[1:]:
        t = ln.stripped
        if not t:
            continue
        # A title, a table number and a generic title all hold 表; a part heading 部分.
        if "表" in t and (classify_title(t) is not None or (len(t) <= 14 and table_number(t))
                         or (t.endswith(_GENERIC_ENDS) and generic_title(t))):
            continue
        if is_toc_line(t) or ("部分" in t and _PART_HEADING.match(t)):
            continue
        return True
    return False


def _table_set(tables: Sequence[Table]) -> TableSet:
    kinds = {t.kind for t in tables}
    if kinds == set(SHANXI_13) or TableKind.FUND_INCOME in kinds or (
        TableKind.PROJECTS in kinds and TableKind.OPERATING_COSTS in kinds
    ):
        return TableSet.SHANXI_13
    if kinds and kinds <= set(MOF_9) and len(kinds) >= 7:
        return TableSet.MOF_9
    return TableSet.OTHER


_FINAL_WORD: Final = "决算"
_BUDGET_WORD: Final = "预算"
_COVER_LINES: Final = 40


def _report_kind(tables: Sequence[Table], texts: Sequence[str]) -> ReportKind:
    """A final account (决算) or a budget (预算), from what the report calls itself: its
    table titles (a 决算's are 收入支出决算总表 …, a budget's never say 决算; the word more
    titles use decides), else its cover and title (the first lines). Never from the file
    name.

    ```pycon
    >>> _report_kind((), ["国家信访局", "2024年度部门决算"])
    <ReportKind.FINAL: 'final'>
    >>> _report_kind((), ["2025年部门预算", "（含2024年决算情况说明）"])
    <ReportKind.BUDGET: 'budget'>
    >>> from govbudget import Table, TableKind, Unit
    >>> plain = [Table(TableKind.SUMMARY, "1", "收入支出总表", Unit.WAN_YUAN)]
    >>> _report_kind(plain, ["某局2024年度部门决算"])
    <ReportKind.FINAL: 'final'>

    ```
    """
    final = sum(1 for t in tables if _FINAL_WORD in t.title)
    budget = sum(1 for t in tables if _BUDGET_WORD in t.title and _FINAL_WORD not in t.title)
    if final != budget:
        return ReportKind.FINAL if final > budget else ReportKind.BUDGET
    # Titles that name neither (收支总表 …): the cover decides.
    for t in texts[:_COVER_LINES]:
        line = dedouble(t)
        if _BUDGET_WORD in line:
            return ReportKind.BUDGET
        if _FINAL_WORD in line:
            return ReportKind.FINAL
    return ReportKind.BUDGET


_MONEY_WORD: Final = lazy(r"(?:金额)?(?:单位[:：])?\s*(?:万元|元|亿元)")
_COVER_END: Final = lazy(r"目\s*录|第[一二三四五六七八九十]+部分")
_COVER_DROP: Final = lazy(
    r"(?:20\d\d|二〇[一二三四五六七八九〇零]{2})\s*年(?:度)?|[一二三四五六七八九十〇]{1,2}月|"
    r"(?:部门|单位)?(?:综合)?(?:预算|决算)(?:公开|信息公开)?(?:报告)?|公开")
_UNIT_WORD: Final = lazy(r"(?:局|院|委员会|委|办公室|办事处|中心|厅|部|所|站|会|馆|队|处|"
                               r"政府|学校|医院|公司)(?:[（(]本级[）)])?$")


def _cover_name(strips: Sequence[str]) -> str | None:
    """The issuing unit from the cover (the lines before the contents): the cover's text
    without its year, its date and the words 部门/单位 预算/决算, when what is left reads
    as the name of a unit."""
    cover: list[str] = []
    first = next((i for i, t in enumerate(strips) if t), 0)  # (a bundle's later report)
    for t in strips[first:first + 40]:
        if _COVER_END.search(t):
            break
        if t:
            cover.append(t.replace(" ", ""))
    name = _COVER_DROP.sub("", "".join(cover)).strip("，,。 ")
    return name if 2 <= len(name) <= 40 and _UNIT_WORD.search(name) else None


def _title_year(texts: Sequence[str]) -> int | None:
    """The report's year when no table title gives it: the year its title names (one of
    the first lines, with 预算/决算 after the year), else the first year of the opening
    text (a year followed by 年).

    ```pycon
    >>> _title_year(["北京市某委员会", "  2026 部门预算情况的说明", "（京政发〔2009〕2号）", "2025年…"])
    2026
    >>> _title_year(["某单位", "2019年机构改革后……"])
    2019

    ```
    """
    first = next((i for i, t in enumerate(texts) if t.strip()), 0)
    head = [t for t in texts[first:first + 200] if t.strip()]
    for line in head[:_TITLE_LINES]:
        m = _TITLE_YEAR.search(line)
        if m:
            return int(m.group(1))
    m = _YEAR.search(" ".join(head))
    return int(m.group(1)) if m else None


def read_text(text: str, *, source: str = "<text>", pages: Sequence[int] | None = None,
              scanned: Sequence[int] = (), ocr: Sequence[int] = ()) -> Report:
    """Read a report from its extracted text.

    Args:
        text: the text.
        source: the name recorded as the report's ``source``.
        pages: the page of each line of ``text`` (as `govbudget._ingest._pdf` gives it);
            by default taken from the text's form feeds or printed page numbers.
        scanned: pages that hold only an image (a scan): each is reported as needing OCR.
        ocr: pages whose text an OCR tool laid over a scan: their tables are doubtful.

    Raises:
        ReadError: the text is empty, or holds neither a standard table nor a narrative.
    """
    if not text.strip() and not scanned:
        raise ReadError("the input is empty", source=source)
    if len(text) > MAX_BYTES:
        raise ReadError(f"the input is larger than {MAX_BYTES // 2**20} MB", source=source)
    # Lines are kept as strings until a segment keeps them; page furniture is found by
    # one scan of the whole text.
    flat = normalise_breaks(text)
    texts = flat.split("\n")
    feeds = "\f" in flat
    if feeds:
        texts = [t.replace("\f", "") if "\f" in t else t for t in texts]
    strips = list(map(str.strip, texts, itertools.repeat(_SPACES, len(texts))))
    join_wrapped_titles(strips, texts, flat)
    page_idx = page_number_lines(flat, texts, strips)
    if pages is not None:
        page_map = tuple(pages)
    elif feeds:
        page_map = _pages_of_feeds(flat)
    else:
        page_map = _pages_of_marks(len(texts), page_idx)
    drop = furniture(strips, page_idx, page_map, flat)
    if page_map and (pages is not None or "\f" in flat):
        # A bare number alone at the top or the foot of a page is its page number (pages
        # from form feeds or the PDF: printed page markers already say which lines they are).
        extra = _bare_page_numbers(strips, page_map, set(drop))
        if extra:
            drop = sorted(set(drop) | extra)
    elif not page_idx and (run := _page_number_run(strips, set(drop))):
        drop = sorted(set(drop) | run)  # no page marked: the bare numbers that count on
    nos: Sequence[int] = range(1, len(texts) + 1)
    if drop:
        kept = list(nos)
        for i in reversed(drop):  # a few lines: deleting in place beats copying
            del kept[i], texts[i], strips[i]
        nos = kept
    seg = _segment_lines(nos, texts, strips)
    if (cut := second_report(seg.tables, nos, strips)) is not None:  # a bundle: the first
        return read_first(flat, cut, read_text, source=source, pages=pages, scanned=scanned,
                          ocr=ocr)
    findings: list[Finding] = [
        Finding(rule="reading.needs_ocr", severity=Severity.WARNING,
                message=f"第{p}页只有图像（扫描件），没有可读文字，需要OCR；本页未读取",
                message_en=f"page {p} is an image only (a scan) with no text: it needs OCR "
                           "and was not read",
                location=Location(section="document", page=p))
        for p in scanned
    ]

    # Tables: the money unit most tables print is the default for one that prints none.
    units = Counter(
        m.group(1) for _, tl in seg.tables for ln in tl[:12]
        if "单位" in ln.text and (m := _MONEY_UNIT.search(ln.text))  # as read_table reads a unit
    )
    default_unit = Unit.parse(units.most_common(1)[0][0]) if units else None
    style = text_style([ln.text for _, tl in seg.tables for ln in tl])
    if style == "single":
        table_lines = [ln.text for _, tl in seg.tables for ln in tl]
        blanks = blanks_marked(table_lines)
        one_cell = not blanks and one_cell_a_line(table_lines)
        tables = tuple(read_table(kind, tl, findings, default_unit, blanks, one_cell)
                       for kind, tl in seg.tables)
    else:
        # Imported here: text in the sample's style (most .txt reports) never needs the
        # wide reader, and a fresh process then neither imports nor compiles it.
        from ._wide import read_wide_table

        tables = tuple(read_wide_table(kind, tl, findings, default_unit, style, page_map)
                       for kind, tl in seg.tables)

    if any(mark in flat for mark in CUT_MARKS):  # (a figure's cut tail somewhere: `.39`)
        tables = tuple(with_cut_figures(t, tl)
                       for t, (_, tl) in zip(tables, seg.tables, strict=True))
    tables = tuple(with_odd_unit(with_unit_figures(t, tl), tl)
                   for t, (_, tl) in zip(tables, seg.tables, strict=True))
    if ocr:  # (a machine's reading of a scan: its tables are not checked, said once)
        tables = with_ocr(tables, ocr, page_map, findings)
    odd = {t.line for t in tables if any(d.reason == "unit" for d in t.doubts)}
    if odd:  # (a unit is printed, one not read: the default unit's finding is not said)
        findings = [f for f in findings
                    if f.code != "reading.missing_unit" or f.location.line not in odd]

    from ._narrative import read_narrative, read_overview
    from ._performance import _drop_page_numbers, read_performance
    from ._selfeval import read_self_evaluations

    overview, f_over = read_overview(seg.overview) if seg.overview else (Overview(), [])
    findings.extend(f_over)
    if seg.narrative:
        narrative, procurement, assets, f_narr = read_narrative(seg.narrative)
        findings.extend(f_narr)
    else:
        narrative, procurement, assets = Narrative(), None, None
    performance, f_perf = read_performance(seg.performance, page_map) \
        if seg.performance else ((), [])
    findings.extend(f_perf)
    # A self-evaluation table's title holds 自评 once its blanks are dropped (all its test
    # drops): without such a line the segment has no such table, and is not read again.
    evaluations, f_eval = read_self_evaluations(
        _drop_page_numbers(seg.performance, page_map), page_map) if any(
        "评" in ln.text and "自评" in "".join(ln.text.split())
        for ln in seg.performance) else ((), [])
    findings.extend(f_eval)

    if not tables and not narrative.facts and not performance and not evaluations \
            and not scanned:
        raise ReadError(
            "no budget table, narrative or performance table found: is this a budget report?",
            source=source,
        )
    names = Counter(t.unit_name for t in tables
                    if t.unit_name and not _MONEY_WORD.fullmatch(t.unit_name))
    unit_name = names.most_common(1)[0][0] if names else _cover_name(strips)
    years = Counter(
        int(m.group(1)) for t in tables if (m := _YEAR.search(t.title))
    )
    year = years.most_common(1)[0][0] if years else None
    if year is None:
        year = _title_year(texts)
    return Report(
        source=source,
        unit_name=unit_name,
        year=year,
        table_set=_table_set(tables),
        kind=_report_kind(tables, texts),
        overview=overview,
        tables=tables,
        narrative=narrative,
        performance=tuple(performance),
        self_evaluations=evaluations,
        procurement=procurement,
        assets=assets,
        findings=tuple(findings),
        pages=page_map,
        ocr_pages=sorted(set(ocr)),
    )


def read_report(
    source: str | os.PathLike[str] | bytes,
    *,
    encoding: str | None = None,
    name: str | None = None,
) -> Report:
    """Read a budget report from a file, from bytes, or from its text.

    Args:
        source: a path (``str`` or ``os.PathLike``) to the report's PDF (``.pdf``, read
            with the ``pdf`` extra: ``pip install "govbudget[pdf]"``) or to a text file
            extracted from it; or the raw ``bytes`` of either (bytes starting with
            ``%PDF-`` are a PDF); or the text itself (a ``str`` containing a line break is
            taken as text, any other ``str`` as a path).
        encoding: the file's encoding; by default UTF-8 (with or without BOM) or
            GB18030/GBK is detected.
        name: the name recorded as the report's ``source`` (default: the file name).

    Returns:
        The `govbudget.Report`, with what could not be read as reading findings.

    Raises:
        ReadError: the file cannot be opened or decoded, is empty, binary, too large, or
            not a budget report; a PDF is corrupt or encrypted, or ``pypdfium2`` (the
            ``pdf`` extra) is not installed.

    ```pycon
    >>> from govbudget import read_report
    >>> r = read_report("examples/data/jincheng-npc-office-2024.txt")  # doctest: +SKIP
    >>> r.year, len(r.tables)  # doctest: +SKIP
    (2024, 13)

    ```
    """
    text, label, pages, scanned, ocr = load(source, encoding=encoding, name=name)
    return read_text(text, source=label, pages=pages, scanned=scanned, ocr=ocr)
