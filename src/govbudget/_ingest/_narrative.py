"""Reader of the overview (第一部分 概况) and of the narrative (情况说明).

`read_overview` takes the lines of the overview and returns the numbered duties
(职责, wrapped lines joined, numbering removed) and the 机构设置 paragraph.

`read_narrative` takes the lines of the narrative (possibly in several
non-contiguous pieces: line numbers may jump) and returns its numbered sections
(``一、`` … and ``（一）`` …), every figure it states as a `govbudget.Fact`, the
government procurement statement and the state assets statement.

How figures are read:

- Each section's lines are de-doubled and joined into one stream with no separator, so a
  figure broken across lines (``减少12.3`` / ``0万元``, ``1,234.56`` / ``万元``) reads whole;
  stray spaces (``12.30万元 ，``) are dropped. A line that starts a list item (``1、``) or an
  indented paragraph starts a new sentence. Every figure keeps the line its number is
  printed on.
- A figure is a number followed by a unit: 万元, 亿元, 元, %, or a counting unit (个, 辆,
  平方米, 台（套）, 人 …). Sentences end at 。；; clauses at ，、：.
- The clause before a figure says what it is. ``…增加/增长/上升/减少/下降 x万元`` (with
  ``比上年``, ``比2021年预算``, ``较2021年`` … anywhere since the previous figure) is a
  `govbudget.FactKind.CHANGE_AMOUNT`; with % a ``CHANGE_PERCENT``; ``占…x%`` a
  ``SHARE``; ``与上年预算数相同``, ``与上年持平`` a change of 0 with direction ``SAME``;
  anything else an ``AMOUNT`` (money) or a ``COUNT``. A change of a count
  (``在职人员减少4人``) is a ``CHANGE_AMOUNT`` in that counting unit.
- The subject is the known wording the clause ends with (`SUBJECTS`), normalised
  (``…办公室预算收入总计`` and ``收入预算`` → ``预算收入总计``; ``一般公共预算拨款`` →
  ``一般公共预算拨款收入``; ``“三公”经费预算`` → ``三公经费``; ``一般公共预算当年支出`` →
  ``一般公共预算支出`` with qualifier ``当年``), else the clause itself
  with lead-in words, years and the unit's name trimmed (``一般公共服务支出``,
  ``在职人员``). A functional path ``教育支出（类）普通教育（款）小学教育（项）`` gives
  the subject ``小学教育`` with the path as qualifier.
- A share, and a change that names no subject, belongs to the figure before it; a change
  after a breakdown (``总计A，其中：本年收入B，上年结转C，比上年减少D``) to the whole.
  ``涉及金额``/``共计金额`` continue the previous subject, except a total (共/合计/总计)
  after counts of two or more things (``一级项目7个、二级项目16个，共涉及资金X万元``: the
  money of them all, unplaced); ``其他运转类项目13个`` is a
  category of the last subject (the category becomes the qualifier); ``领导用车0辆`` is a
  category of 公务用车; ``价值50万元（原值）以上的通用设备0台（套）`` is a count with the
  threshold as qualifier (the threshold is not a figure of its own).
- A measure word says which figure of its subject an amount is (`Fact.measure`,
  `Fact.year`): ``年初预算为A万元，支出决算为B万元`` (预算, 决算), ``2023年当年预算执行数为Y万元``
  (执行数, 2023); a change names its base the same way (``比2023年预算执行数增加``);
  ``完成年初预算的X%`` is a `govbudget.FactKind.EXECUTION`. A numbered item (``1.``) that
  opens with a functional path or a heading (``1.某项目综述：``) gives that subject to the
  measure words of its sentences; ``（一）2080201-行政运行X万元`` is the item with its code as
  qualifier; ``一般公共服务（类）支出`` is the class.
- A paragraph starts on a line set in further than most lines (the text's margin); a page
  number centred between two lines is dropped; a 项目绩效自评表 printed among the narrative
  is skipped (one reading finding); a title alone on its line (…预算编制说明,
  其他相关情况说明) is a top section.
- A figure that cannot be placed (or a malformed number before 万元/%) is a
  ``reading.unplaced_figure`` finding, template residue (``XX万元``, ``增加（减少）``) a ``reading.template_residue`` finding. A
  number that is not printed is never read as 0.

```pycon
>>> from govbudget._ingest._text import Line
>>> lines = [Line(1, "一、收入预算情况说明一、收入预算情况说明"),
...          Line(2, "2025年度本单位预算收入1,234.50万元，比上年增加34.5"),
...          Line(3, "0万元，增长2.88%。")]
>>> narrative, procurement, assets, findings = read_narrative(lines)
>>> narrative.sections[0].title
'一、收入预算情况说明'
>>> for f in narrative.facts:
...     print(f.subject, f.kind.name, f.value, f.unit, f.direction and f.direction.name, f.line)
预算收入总计 AMOUNT 1234.50 万元 None 2
预算收入总计 CHANGE_AMOUNT 34.50 万元 INCREASE 2
预算收入总计 CHANGE_PERCENT 2.88 % INCREASE 3
>>> procurement is None and assets is None and findings == []
True

```
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

import attrs

from .._findings import Finding, Location, Severity
from .._money import Money
from .._pattern_cache import compile_pattern
from .._report import (
    Assets,
    Fact,
    FactKind,
    Narrative,
    NarrativeSection,
    Overview,
    Procurement,
)
from .._subjects import SUBJECTS
from ._about import Recorder, reads_final
from ._narrative_facts import (
    _Reader,
)
from ._narrative_sections import (
    _Section,
    _sections,
    _Stream,
)
from ._narrative_within import Within
from ._narrative_words import (
    _CN_NUM,
    _PART,
    _RESIDUE,
    _RESIDUE_HINT,
    _clean,
    bare_title,
)
from ._text import _SPACES as _TEXT_SPACES
from ._text import Line, join_stripped, join_text

__all__ = ["SUBJECTS", "bare_title", "read_narrative", "read_overview"]


# ---------------------------------------------------------------------------
# Template residue
# ---------------------------------------------------------------------------


def _residue(text: str, where: str, line_at: _Stream | None, line: int | None) -> list[Finding]:
    out: list[Finding] = []
    if not _RESIDUE_HINT.search(text):
        return out
    for m in _RESIDUE.finditer(text):
        at = line_at.line_at(m.start()) if line_at is not None else line
        out.append(Finding(
            rule="reading.template_residue", severity=Severity.WARNING,
            message=f"模板占位符未替换：“{m.group(0)}”",
            message_en=f"template placeholder left in the text: {m.group(0)!r}",
            location=Location(section=where, line=at), actual=m.group(0)))
    return out


# ---------------------------------------------------------------------------
# Procurement and assets
# ---------------------------------------------------------------------------

_PROCUREMENT_FIELDS: Final = {
    "政府采购预算总额": "total",
    "政府采购货物预算": "goods",
    "政府采购工程预算": "works",
    "政府采购服务预算": "services",
}
_AS_OF: Final = compile_pattern(r"截[至止](\d{4}年\d{1,2}月\d{1,2}日)")
_EQUIPMENT_UNITS: Final = frozenset({"台（套）", "台", "套", "件"})


def _procurement(facts: Sequence[Fact]) -> Procurement | None:
    found: dict[str, Money] = {}
    line: int | None = None
    for f in facts:
        key = _PROCUREMENT_FIELDS.get(f.subject)
        if key is None or f.kind is not FactKind.AMOUNT or key in found or f.money is None:
            continue
        found[key] = f.money
        if line is None or key == "total":
            line = f.line
    if not found:
        return None
    return Procurement(total=found.get("total"), goods=found.get("goods"),
                       works=found.get("works"), services=found.get("services"), line=line)


def _count(value: Decimal) -> int | None:
    return int(value) if value == value.to_integral_value() else None


def _assets(sections: Sequence[_Section], facts: Sequence[Fact]) -> Assets | None:
    titles = {s.title for s in sections if "资产" in s.title or "资产" in s.top}
    if not titles:
        return None
    line = next((s.line for s in sections if s.title in titles), None)
    as_of: str | None = None
    for s in sections:
        if s.title in titles and as_of is None:
            m = _AS_OF.search("".join(p.text for p in s.pieces))
            as_of = m.group(1) if m else None
    vehicles: list[tuple[str, int]] = []
    equipment: list[tuple[str, int]] = []
    floor: Decimal | None = None
    for f in facts:
        if f.section not in titles or f.kind is not FactKind.COUNT:
            continue
        n = _count(f.value)
        if f.unit == "辆" and n is not None and f.subject == "公务用车":
            vehicles.append((f.qualifier or "实有", n))
        elif f.unit == "平方米" and floor is None:
            floor = f.value
        elif f.unit in _EQUIPMENT_UNITS and n is not None:
            desc = f"{f.qualifier}的{f.subject}" if f.qualifier else f.subject
            equipment.append((desc, n))
    return Assets(as_of=as_of, vehicles=vehicles, floor_area=floor, equipment=equipment,
                  line=line)


# ---------------------------------------------------------------------------
# Public readers
# ---------------------------------------------------------------------------


def read_narrative(
    lines: Sequence[Line],
) -> tuple[Narrative, Procurement | None, Assets | None, list[Finding]]:
    """Read the narrative (情况说明): sections, facts, procurement and assets.

    Args:
        lines: the narrative's lines, page furniture removed, in order (line numbers may
            jump between pieces). Headings printed twice are de-doubled here.

    Returns:
        The narrative, the procurement statement (``None`` if none is stated), the assets
        statement (``None`` without a 国有资产 section) and the reading findings
        (``reading.unplaced_figure``, ``reading.template_residue``). Never raises on bad
        input.
    """
    findings: list[Finding] = []
    facts: list[Fact] = []
    skipped: list[tuple[int, str]] = []
    sections = _sections(lines, skipped)
    for no, title in skipped:
        findings.append(Finding(
            rule="reading.unplaced_figure", severity=Severity.WARNING,
            message=f"“{title}”是表格，情况说明读取时未读取其中的数字（未核对）",
            message_en=f"{title!r} is a table inside the narrative: its figures were not read "
                       "(not checked)",
            location=Location(section="narrative", line=no), actual=title))
    out_sections: list[NarrativeSection] = []
    recorder = Recorder(sec.title for sec in sections if sec.title or sec.pieces)
    for sec in sections:
        if sec.title or sec.pieces:
            body = join_stripped([p.text.strip(_TEXT_SPACES) for p in sec.pieces])
            out_sections.append(NarrativeSection(sec.title, body, sec.line))
        stream = _Stream.of(sec.pieces)
        findings.extend(_residue(stream.text, "narrative", stream, None))
        findings.extend(_residue(sec.title, "narrative", None, sec.line))
        procurement = "采购" in sec.title or "采购" in sec.top
        reader = _Reader(sec.title, stream, procurement, facts, findings, recorder,
                         Within(stream.text, procurement))
        reader.run()
    facts = _contained(facts, recorder)
    narrative = Narrative(sections=out_sections, facts=facts,
                          final=reads_final(s.title for s in out_sections))
    return narrative, _procurement(facts), _assets(sections, facts), findings


def _contained(facts: list[Fact], recorder: Recorder) -> list[Fact]:
    """A figure in brackets after an amount, ``（含上年结转750.00万元）``, is part of that
    amount: of the project or item it belongs to, not the department's 上年结转. It is
    kept, qualified by what contains it, so it is never compared with the department's
    figures of its name (and what it speaks of is recorded again for its new qualifier)."""
    out = list(facts)
    for k in range(1, len(out)):
        f, prev = out[k], out[k - 1]
        if f.kind is FactKind.AMOUNT and f.sentence.lstrip().startswith(("（含", "(含")) \
                and prev.kind is FactKind.AMOUNT and prev.line is not None \
                and f.line is not None and 0 <= f.line - prev.line <= 1:
            q = f"含于{prev.subject}"
            about = recorder.about(out[:k] if f.subject == "上年结转" else (), f.subject,
                                   f.kind, f.unit, f.sentence, f.section, q)
            out[k] = attrs.evolve(f, qualifier=q, about=about)
    return out


_OV_HEADING: Final = compile_pattern(
    rf"^(?:[{_CN_NUM}]{{1,3}}、|[（(][{_CN_NUM}]{{1,3}}[）)])(?P<t>[^，。；,;：:]{{1,20}})[：:]?$")
_OV_HEADING_END: Final = compile_pattern(
    r"(?:职责|职能|任务|机构|设置|构成|组成|情况|概况|简介|说明|基本信息)$")
_TABLE_TITLE: Final = compile_pattern(
    rf"^(?:表[{_CN_NUM}\d]+|附表|预算公开表\d*)|(?:总表|预算表|情况表|明细表|收支表|公开表\d*)$")
_DUTIES: Final = compile_pattern(r"职责|职能|任务|主要工作")
_ORGANISATION: Final = compile_pattern(r"机构|设置|构成|组成|内设|编制")
_DUTY_MARK: Final = compile_pattern(
    rf"^(?:\d{{1,2}}[、.](?!\d)|[（(](?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})[）)]|\d{{1,2}}[)）])")
_INLINE_MARK: Final = compile_pattern(
    rf"(?<=[；;。：:])(?:\d{{1,2}}[、.](?!\d)|[（(](?:\d{{1,2}}|[{_CN_NUM}]{{1,3}})[）)])")


def read_overview(lines: Sequence[Line]) -> tuple[Overview, list[Finding]]:
    """Read the overview (第一部分 概况): the numbered duties and the 机构设置 paragraph.

    Args:
        lines: the overview's lines, page furniture removed.

    Returns:
        The overview (duties without their numbering, wrapped lines joined) and the
        reading findings (template residue). Never raises on bad input.
    """
    findings: list[Finding] = []
    heading_line: int | None = None
    role = "duties"
    seen_heading = False
    duty_lines: list[tuple[int, str]] = []
    org_lines: list[Line] = []
    for ln in lines:
        raw = ln.text if isinstance(ln.text, str) else ""
        t = _clean(raw)
        if not t:
            continue
        findings.extend(_residue(t, "overview", None, ln.no))
        if _PART.match(t) or (heading_line is None and not seen_heading
                              and t.endswith(("概况", "概述", "基本情况")) and len(t) <= 20):
            heading_line = ln.no if heading_line is None else heading_line
            continue
        if len(t) <= 40 and _TABLE_TITLE.search(t):
            break  # the tables begin
        m = _OV_HEADING.match(t)
        if m and _OV_HEADING_END.search(m["t"]):
            seen_heading = True
            if _DUTIES.search(m["t"]):
                role = "duties"
            elif _ORGANISATION.search(m["t"]):
                role = "organisation"
            else:
                role = "other"
            continue
        if role == "duties":
            duty_lines.append((ln.no, t))
        elif role == "organisation":
            org_lines.append(Line(ln.no, t))
    first = next((ln.no for ln in lines if isinstance(ln.text, str) and ln.text.strip()), None)
    overview = Overview(duties=_duties(duty_lines), organisation=join_text(org_lines),
                        line=heading_line if heading_line is not None else first)
    return overview, findings


def _duties(lines: Sequence[tuple[int, str]]) -> list[str]:
    items: list[list[Line]] = []
    preamble: list[Line] = []
    for no, t in lines:
        m = _DUTY_MARK.match(t)
        if m:
            items.append([Line(no, t[m.end():])])
        elif items:
            items[-1].append(Line(no, t))
        else:
            preamble.append(Line(no, t))
    if not items:
        items = [preamble] if preamble else []
    duties: list[str] = []
    for item in items:
        parts = _INLINE_MARK.split(join_text(item))
        if len(parts) > 1 and parts[0].endswith(("：", ":")):
            parts = parts[1:]  # "主要职责：" introduces the list
        for part in parts:
            part = part.strip().rstrip("；;，,。.")
            if part:
                duties.append(part)
    return duties
