"""Code rules: printed (code, name) pairs against the catalogue, and against each other."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress
from typing import Final

from .._findings import Finding, Location, Severity
from .._pattern_cache import compile_pattern
from .._tables import Row, RowKind, Table, TableKind
from ..codes import CodeInfo, NameCheck, NameStatus, dept_economic, functional, normalise_name
from ..codes._model import split_note
from ._context import Context, block_codes, codes_increase, norm
from ._registry import Category, Code, RuleSet

RULES = RuleSet()


def _name_codes(rule_id: str) -> dict[str, Code]:
    """The kinds of finding of a rule that checks printed (code, name) pairs."""
    kinds = (
        Code(f"{rule_id}.wrong_name", "科目名称与分类科目不符", "A code printed with a wrong name",
             "科目{code}的名称应为“{expected}”，报表印为“{printed}”",
             "code {code} is {expected!r} in the catalogue, printed as {printed!r}",
             {"code": "2010101", "expected": "行政运行", "printed": "一般行政管理事务"}),
        Code(f"{rule_id}.annotated", "科目名称后附有括注", "A right name with a note in brackets",
             "科目{code}印为“{printed}”：分类科目名称“{expected}”后附有括注“{note}”，请核对是否"
             "应按分类科目名称列示",
             "code {code} printed as {printed!r}: the catalogue's name {expected!r} with the "
             "note {note!r} after it; check whether the catalogue's name alone should be "
             "printed",
             {"code": "2010102", "printed": "一般行政管理事务（本单位专项）",
              "expected": "一般行政管理事务", "note": "（本单位专项）"}),
        Code(f"{rule_id}.conflicting_source", "名称仅见于有冲突的来源",
             "A name only a conflicting source prints",
             "科目{code}印为“{printed}”，分类科目为“{expected}”；“{printed}”这一名称仅见于与其他"
             "来源冲突的报告（{where}），存疑",
             "code {code} printed as {printed!r}; the catalogue has {expected!r}. {printed!r} "
             "is printed for it only in a source that conflicts with the others ({where})",
             {"code": "2010350", "expected": "事业运行", "printed": "事业单位运行",
              "where": "某市2023年决算"}),
        Code(f"{rule_id}.renamed", "当年名称未见记载，可能已更名",
             "The year's name is not attested (maybe renamed)",
             "科目{code}印为“{printed}”，分类科目{edition}为“{expected}”；{year}年版的名称未见"
             "记载，可能已更名",
             "code {code} printed as {printed!r}; {edition_en} names it {expected!r}; the "
             "{year} name is not attested (it may have been renamed)",
             {"code": "2080505", "printed": "机关事业单位基本养老保险缴费支出",
              "edition": "2019年版", "edition_en": "the 2019 edition",
              "expected": "机关事业单位基本养老保险缴费", "year": "2025"}),
        Code(f"{rule_id}.other_edition", "其他版本的科目名称", "A name of another edition",
             "{what}，这是{edition}的名称；{this_edition}为“{expected}”",
             "{what_en}, its name in {edition_en}; the {year} name is {expected!r}",
             {"what": "科目2010101印为“行政运行”", "what_en": "code 2010101 printed as '行政运行'",
              "edition": "2019年版", "edition_en": "the 2019 edition", "this_edition": "2025年版",
              "year": "2025", "expected": "行政运行"}),
        Code(f"{rule_id}.edition_unattested", "其他版本的名称，当年用名未见记载",
             "A name of another edition; the year's name not attested",
             "{what}，这是{edition}的名称；另见{near}的名称“{expected}”，{year}年用哪一个未见记载，"
             "未能核对",
             "{what_en}, its name in {edition_en}; {near_en} names it {expected!r}; which "
             "name {year} used is not attested, not verified",
             {"what": "科目2240106印为“安全监管”", "what_en": "code 2240106 printed as '安全监管'",
              "edition": "2019年版", "edition_en": "the 2019 edition", "near": "2024年版",
              "near_en": "the 2024 edition", "expected": "安全监管", "year": "2021"}),
        Code(f"{rule_id}.unknown_code", "编码不在内置分类科目中", "A code not in the built-in catalogue",
             "科目{code}“{printed}”不在内置（部分）分类科目中，未能核对",
             "code {code} {printed!r} is not in the built-in (partial) catalogue; not verified",
             {"code": "2999999", "printed": "其他支出"}),
        Code(f"{rule_id}.unread_names", "只读出编码、未读出名称", "Coded rows without a read name",
             "{table}有{count}行只读出科目编码、未读出名称（{codes}），未核对其名称{where}",
             "{table}: {count} coded rows have no name read ({codes}); their names were not "
             "checked{where_en}",
             {"table": "支出总表", "count": "2", "codes": "2010101, 2010102",
              "where": "（第12、13行）", "where_en": " (lines 12, 13)"}),
    )
    return {c.id.rsplit(".", 1)[1]: c for c in kinds}


_FUNCTIONAL_CODES: Final = _name_codes("codes.functional_name")
_ECONOMIC_CODES: Final = {
    **_name_codes("codes.economic_names"),
    "local_item": Code(
        "codes.economic_names.local_item", "地方细化科目，未能核对", "A local sub-item, not verified",
        "科目{code}“{printed}”是{parent}下的地方细化科目，不是全国统一科目，内置数据中没有，未能核对",
        "code {code} {printed!r} is a local sub-item under {parent}, not a national code, and "
        "not in the built-in data; not verified",
        {"code": "3021101", "printed": "差旅费（市内）", "parent": "30211"}),
    "unknown_name": Code(
        "codes.economic_names.unknown_name", "不在内置经济分类中的名称", "A name not in the built-in classification",
        "“{printed}”不是内置（部分）经济分类中的科目名称，未能核对",
        "{printed!r} is not a name in the built-in (partial) economic classification; not verified",
        {"printed": "其他费用"}),
}
_CODES: Final = {"codes.functional_name": _FUNCTIONAL_CODES, "codes.economic_names": _ECONOMIC_CODES}


def _code(rule_id: str, kind: str) -> Code:
    return _CODES[rule_id][kind]


def _row_location(t: Table, r: Row) -> Location:
    """Where a coded row is (built only for the rows a finding names)."""
    return Location.in_table(t, r)


_NO_LINES: Final[frozenset[int]] = frozenset()


def _doubtful_lines(t: Table) -> frozenset[int]:
    """The lines the reader flagged as doubtful in ``t`` (its `Table.doubts`)."""
    if not t.doubts:
        return _NO_LINES
    return frozenset(n for d in t.doubts for n in d.lines)


def _checkable(r: Row, doubtful: frozenset[int]) -> bool:
    """A coded row whose code and name can be compared with the catalogue: both printed
    (read), and not on a line the reader flagged as doubtful."""
    return bool(r.code and r.name.strip()) and (r.line is None or r.line not in doubtful)


def _unread(ctx: Context, rule_id: str, t: Table, rows: list[Row]) -> Iterator[Finding]:
    """One info finding for the coded rows of ``t`` whose name was not read: they are not
    checked, and the reader's loss is said rather than hidden."""
    if not rows:
        return
    lines = [r.line for r in rows if r.line is not None]
    where = "、".join(str(n) for n in lines[:10]) + ("…" if len(lines) > 10 else "")
    distinct = list(dict.fromkeys(r.code or "" for r in rows))
    codes = ", ".join(distinct[:10]) + ("…" if len(distinct) > 10 else "")
    c = _code(rule_id, "unread_names")
    zh, en = c.message(
        table=t.title, count=len(rows), codes=codes, where=f"（第{where}行）" if where else "",
        where_en=f" (lines {', '.join(str(n) for n in lines[:10])})" if lines else "")
    yield ctx.finding(rule_id, Severity.INFO, zh, en,
                      Location(section=t.title, table=t.kind.value,
                               line=lines[0] if lines else t.line), code=c.id)


def _editions(eds: tuple[int, ...]) -> tuple[str, str]:
    """How to name the edition(s) a name belongs to, in Chinese and English."""
    if not eds:
        return "另一版本（年份不详）", "another edition (year not known)"
    years = "、".join(str(e) for e in eds)
    return f"{years}年版", f"the {', '.join(str(e) for e in eds)} edition"


def _this_edition(year: int | None) -> str:
    """The report's own edition, in Chinese."""
    return f"{year}年版" if year else "当年版"


def _attested_for(info: CodeInfo | None, year: int | None) -> bool:
    """True when the catalogue's name ``info`` is known to hold in ``year``: attested for
    that year, or both before and after it (a name printed the same in 2019 and 2024 was
    that name in 2021). A report without a year is compared with every edition."""
    if year is None:
        return True
    eds = info.editions if info is not None else ()
    return year in eds or (any(e < year for e in eds) and any(e > year for e in eds))


def _other_edition(ctx: Context, rule_id: str, res: NameCheck, what: str, what_en: str,
                   printed: str, loc: Location, related: Sequence[Location] = ()) -> Finding:
    """A printed name of another edition: a warning naming that edition when the
    catalogue's name is attested for the report's year; info when it is not (the names
    are attested for other years only, so which one that year used is not known)."""
    year = ctx.report.year
    zh, en = _editions(res.editions)
    known = res.info.editions if res.info is not None else ()
    if year is None or year in known:
        c = _code(rule_id, "other_edition")
        msg = c.message(what=what, what_en=what_en, edition=zh, edition_en=en,
                        this_edition=_this_edition(year), year=year or "current",
                        expected=res.expected)
        return ctx.finding(rule_id, Severity.WARNING, *msg, loc, related,
                           expected_text=res.expected, actual_text=printed, code=c.id)
    near, near_en = _editions(known)
    c = _code(rule_id, "edition_unattested")
    msg = c.message(what=what, what_en=what_en, edition=zh, edition_en=en, near=near,
                    near_en=near_en, expected=res.expected, year=year)
    return ctx.finding(rule_id, Severity.INFO, *msg, loc, related,
                       expected_text=res.expected, actual_text=printed, code=c.id)


def _note_after(printed: str, expected: str | None) -> str | None:
    """The bracketed note a printed name adds after the catalogue's name, or ``None``.

    ```pycon
    >>> _note_after("一般行政管理事务（本单位专项）", "一般行政管理事务")
    '（本单位专项）'
    >>> _note_after("行政运行(项)", "行政运行")
    '(项)'
    >>> _note_after("事业运行（本级）", "行政运行") is None
    True

    ```
    """
    name, note = split_note(printed)
    if not expected or not note:
        return None
    return note if normalise_name(name) == normalise_name(expected) else None


def _name_findings(ctx: Context, rule_id: str, res: NameCheck, r: Row,
                   loc: Location) -> Iterator[Finding]:
    """The finding for one `check_name` answer on a printed row (none for a match)."""
    code = res.code
    note = _note_after(r.name, res.expected) if res.status is NameStatus.WRONG_NAME else None
    if note is not None:
        # the catalogue's name with a note after it (行政运行（本级）, 一般行政管理事务（本单位
        # 专项））: the name is right, the note is the unit's own; a warning, not an error
        c = _code(rule_id, "annotated")
        msg = c.message(code=code, printed=r.name, expected=res.expected, note=note)
        yield ctx.finding(rule_id, Severity.WARNING, *msg, loc, expected_text=res.expected,
                          actual_text=r.name, code=c.id)
    elif res.status is NameStatus.WRONG_NAME:
        if res.conflicting:
            c = _code(rule_id, "conflicting_source")
            msg = c.message(code=code, printed=r.name, expected=res.expected,
                            where="; ".join(i.scope or i.source for i in res.conflicting))
            yield ctx.finding(rule_id, Severity.WARNING, *msg, loc, expected_text=res.expected,
                              actual_text=r.name, code=c.id)
        elif _attested_for(res.info, ctx.report.year):
            c = _code(rule_id, "wrong_name")
            msg = c.message(code=code, printed=r.name, expected=res.expected)
            yield ctx.finding(rule_id, Severity.ERROR, *msg, loc, expected_text=res.expected,
                              actual_text=r.name, code=c.id)
        else:
            zh, en = _editions(res.info.editions if res.info is not None else ())
            c = _code(rule_id, "renamed")
            msg = c.message(code=code, printed=r.name, expected=res.expected, edition=zh,
                            edition_en=en, year=ctx.report.year)
            yield ctx.finding(rule_id, Severity.WARNING, *msg, loc, expected_text=res.expected,
                              actual_text=r.name, code=c.id)
    elif res.status is NameStatus.OTHER_EDITION:
        yield _other_edition(ctx, rule_id, res, f"科目{code}印为“{r.name}”",
                             f"code {code} printed as {r.name!r}", r.name, loc)
    elif res.status is NameStatus.UNKNOWN_CODE:
        c = _code(rule_id, "unknown_code")
        yield ctx.finding(rule_id, Severity.INFO, *c.message(code=code, printed=r.name), loc,
                          actual_text=r.name, code=c.id)


# Tables that print the functional classes by name, without codes (收支总表).
_CLASSES_BY_NAME = frozenset({TableKind.SUMMARY, TableKind.GRANT_SUMMARY})
_ENUMERATOR = compile_pattern(r"^[（(]?[一二三四五六七八九十]+[、．.)）]\s*")


@RULES.rule("codes.functional_name", title="功能分类科目编码与名称须与分类科目一致",
      title_en="Functional code–name pairs match the catalogue",
      category=Category.CODES, severity=Severity.ERROR, codes=tuple(_FUNCTIONAL_CODES.values()),
      applies="every row with a functional code, against the catalogue edition of the "
              "report's year (an unknown code is info: the built-in catalogue is partial); "
              "class names printed without codes (收支总表) that belong to another edition; "
              "rows on lines the reader doubts are not checked; coded rows without a read name "
              "are not checked either and one info per table lists them")
def functional_name(ctx: Context) -> Iterator[Finding]:
    """A printed name that is not the code's name is an error; a name from another edition
    is a warning (an outdated template) that names that edition; a code the catalogue does
    not know is info. A name that only a source flagged as conflicting prints for the code
    is a warning. A class printed by name alone under a name of another edition is a
    warning too."""
    year = ctx.report.year
    seen: set[tuple[str, str]] = set()
    by_name: dict[str, list[tuple[Location, NameCheck]]] = {}
    printed: dict[str, tuple[str, NameCheck | None]] = {}  # the summaries print the same
    for t in ctx.report.tables:
        by_code = t.kind.functional
        if not by_code and t.kind not in _CLASSES_BY_NAME:
            continue
        doubtful = _doubtful_lines(t)
        unread: list[Row] = []
        for b in t.blocks:
            rows: Iterable[Row] = b.rows
            if t.kind.functional:
                # Rows without a code, and those whose code may be a functional one: the
                # others (a big table's codes of another scheme) are passed over in C.
                rows = compress(rows, functional.screen(block_codes(ctx, b)))
            for r in rows:
                if r.code is None and r.name.strip() and r.kind is RowKind.DATA:
                    if r.line is None or r.line not in doubtful:
                        _class_by_name(t, r, year, by_name, printed)
                    continue
                if not by_code or not functional.is_valid(r.code or ""):
                    continue
                if not r.name.strip() and r.line not in doubtful:
                    unread.append(r)
                if not _checkable(r, doubtful):
                    continue
                code = functional.compact(r.code or "")
                if (code, r.name) in seen:
                    continue
                seen.add((code, r.name))
                res = functional.check_name(code, r.name, year=year)
                if res.status is not NameStatus.MATCH:  # a match: no finding, no location
                    yield from _name_findings(ctx, "codes.functional_name", res, r,
                                              _row_location(t, r))
        yield from _unread(ctx, "codes.functional_name", t, unread)
    for name, hits in by_name.items():
        loc, res = hits[0]
        yield _other_edition(ctx, "codes.functional_name", res,
                             f"功能分类{res.code}类印为“{name}”",
                             f"functional class {res.code} printed as {name!r}", name, loc,
                             [h[0] for h in hits[1:]])


def _class_by_name(t: Table, r: Row, year: int | None,
                   by_name: dict[str, list[tuple[Location, NameCheck]]],
                   printed: dict[str, tuple[str, NameCheck | None]]) -> None:
    """Note a code-less row named like a functional class under another edition's name
    (one finding per name, at its first row, the others related). The answer for a
    printed name is kept by the catalogue (the same few class names in every report)
    and, for the run, in ``printed``."""
    hit = printed.get(r.name)
    if hit is None:
        hit = printed[r.name] = functional.SCHEME.derived(
            ("class by name", r.name, year), lambda: _class_of_other_edition(r.name, year))
    name, res = hit
    if res is not None:
        by_name.setdefault(name, []).append((_row_location(t, r), res))


def _class_of_other_edition(printed: str, year: int | None) -> tuple[str, NameCheck | None]:
    """The name of a code-less row (its list numbering dropped) and the answer for the
    first functional class (类) of that name under another edition, if there is one."""
    name = _ENUMERATOR.sub("", printed.strip())
    for info in functional.lookup_name(name):
        if info.level != 1:
            continue
        res = functional.check_name(info.code, name, year=year)
        if res.status is NameStatus.OTHER_EDITION:
            return name, res
    return name, None


@RULES.rule("codes.consistent_names", title="同一科目编码在各表中名称一致",
      title_en="The same code has the same name in every table",
      category=Category.CODES, severity=Severity.ERROR,
      applies="every coded row of every table (rows without a read name or on lines the "
              "reader doubts are not compared)")
def consistent_names(ctx: Context) -> Iterator[Finding]:
    """A code printed with different names in different tables (or rows) is an error,
    whatever the catalogue says."""
    first: dict[str, tuple[str, Table, Row]] = {}
    # Only a code printed on two rows or more can disagree with itself: those codes are
    # picked out in C first, and only their rows are looked at (a big table prints each
    # code once, and its rows then cost one pass of C code).
    blocks = [b for t in ctx.report.tables for b in t.blocks]
    if len(blocks) == 1 and codes_increase(ctx, blocks[0]):
        return  # every code printed once
    printed: list[str] = []
    for b in blocks:
        printed.extend(filter(None, block_codes(ctx, b)))
    if len(set(printed)) == len(printed):
        return  # every code printed once
    repeated = {c for c, k in Counter(printed).items() if k > 1}
    for t in ctx.report.tables:
        doubtful = _doubtful_lines(t)
        for b in t.blocks:
            for r in compress(b.rows, map(repeated.__contains__, block_codes(ctx, b))):
                if not _checkable(r, doubtful) or r.code is None:
                    continue
                if r.code not in first:
                    first[r.code] = (r.name, t, r)
                    continue
                name0, t0, r0 = first[r.code]
                if name0 != r.name and norm(name0) != norm(r.name):
                    # locations only for findings
                    loc, loc0 = _row_location(t, r), _row_location(t0, r0)
                    yield ctx.finding(
                        "codes.consistent_names", Severity.ERROR,
                        f"科目{r.code}在{loc0.section}中为“{name0}”，在{t.title}中为“{r.name}”",
                        f"code {r.code} is {name0!r} in {loc0.section} but {r.name!r} here",
                        loc, [loc0], expected_text=name0, actual_text=r.name)


@RULES.rule("codes.economic_names", title="经济分类科目名称须为部门预算支出经济分类的名称",
      title_en="Economic item names are names of the departmental economic classification",
      category=Category.CODES, severity=Severity.WARNING, codes=tuple(_ECONOMIC_CODES.values()),
      applies="rows of the basic spending table (printed with or without codes); unknown "
              "names and codes are info because the built-in catalogue is partial; rows "
              "on lines the reader doubts are not checked; coded rows without a read name are "
              "not checked either and one info per table lists them")
def economic_names(ctx: Context) -> Iterator[Finding]:
    """With a code, the pair is checked like functional codes (a name of another edition
    is a warning naming it; an unknown code is info); a local sub-item (7 digits, e.g.
    Beijing's 3021101) is not a national code and is checked only against the sub-items
    attested in real reports (info otherwise); without a code, the name must be a known
    departmental economic item (or class)."""
    year = ctx.report.year
    for t in ctx.tables(TableKind.BASIC_ECONOMIC):
        doubtful = _doubtful_lines(t)
        unread: list[Row] = []
        for b in t.blocks:
            for r in b.data_rows():
                if r.line is not None and r.line in doubtful:
                    continue
                if not r.name.strip():
                    if r.code:
                        unread.append(r)
                    continue
                if r.code and dept_economic.is_valid(r.code):
                    res = dept_economic.check_name(r.code, r.name, year=year)
                    if res.status is not NameStatus.MATCH:
                        yield from _name_findings(ctx, "codes.economic_names", res, r,
                                                  _row_location(t, r))
                    continue
                if r.code and dept_economic.is_local(r.code):
                    local = dept_economic.local_item(r.code)
                    if local is None or norm(local.name) != norm(r.name):
                        c = _ECONOMIC_CODES["local_item"]
                        msg = c.message(code=r.code, printed=r.name,
                                        parent=dept_economic.national_code(r.code))
                        yield ctx.finding("codes.economic_names", Severity.INFO, *msg,
                                          _row_location(t, r), actual_text=r.name, code=c.id)
                    continue
                if not dept_economic.lookup_name(r.name, year=year):
                    c = _ECONOMIC_CODES["unknown_name"]
                    yield ctx.finding("codes.economic_names", Severity.INFO,
                                      *c.message(printed=r.name), _row_location(t, r),
                                      actual_text=r.name, code=c.id)
        yield from _unread(ctx, "codes.economic_names", t, unread)
