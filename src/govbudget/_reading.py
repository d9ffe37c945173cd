"""The kinds of finding the reader makes, as data at the bottom of the package.

The reader (``govbudget._ingest``) records what it could not place or had to repair as
findings with one of these ids; the reading rules (``govbudget.checks``) report them, and
the rule catalogue lists them. Both take the ids from here, so neither wing restates the
other's strings.

```pycon
>>> READING_KINDS[UNPLACED_FIGURE].title_en
'A figure the reader could not place'
>>> READING_KINDS[REPAIRED_NUMBER].severity.value
'info'

```
"""

from __future__ import annotations

from typing import Final

from ._findings import Severity
from ._record import FrozenRecord

__all__ = [
    "EMPTY_NOTE_WITH_DATA", "GOAL_SPLIT", "INCOMPLETE_TABLE", "MALFORMED_CODE", "MISSING_UNIT",
    "NEEDS_OCR", "OCR_TEXT", "READING_KINDS", "REPAIRED_NUMBER", "SEVERAL_REPORTS", "TEMPLATE_RESIDUE",
    "UNPARSED_AMOUNT",
    "UNPLACED_FIGURE", "UNSPLIT_INDICATOR", "ReadingKind",
]

UNPLACED_FIGURE: Final = "reading.unplaced_figure"
UNPARSED_AMOUNT: Final = "reading.unparsed_amount"
MISSING_UNIT: Final = "reading.missing_unit"
EMPTY_NOTE_WITH_DATA: Final = "reading.empty_note_with_data"
TEMPLATE_RESIDUE: Final = "reading.template_residue"
INCOMPLETE_TABLE: Final = "reading.incomplete_table"
REPAIRED_NUMBER: Final = "reading.repaired_number"
UNSPLIT_INDICATOR: Final = "reading.unsplit_indicator"
GOAL_SPLIT: Final = "reading.goal_split"
NEEDS_OCR: Final = "reading.needs_ocr"
OCR_TEXT: Final = "reading.ocr_text"
MALFORMED_CODE: Final = "reading.malformed_code"
SEVERAL_REPORTS: Final = "reading.several_reports"


class ReadingKind(FrozenRecord):
    """One kind of reader finding: its id, titles and default severity."""

    __slots__ = ("id", "severity", "title", "title_en")

    def __init__(self, id: str, title: str, title_en: str,
                 severity: Severity = Severity.WARNING) -> None:
        self.id = id
        self.title = title
        self.title_en = title_en
        self.severity = severity


READING_KINDS: Final[dict[str, ReadingKind]] = {k.id: k for k in (
    ReadingKind(UNPLACED_FIGURE, "无法对应到表格位置或叙述主体的数字",
                "A figure the reader could not place"),
    ReadingKind(UNPARSED_AMOUNT, "无法识别的金额", "An amount the reader could not read"),
    ReadingKind(MISSING_UNIT, "表格未注明金额单位", "A table without a money unit"),
    ReadingKind(EMPTY_NOTE_WITH_DATA, "注明“本表无数据”的表格有数据",
                "A table marked empty holds figures"),
    ReadingKind(TEMPLATE_RESIDUE, "模板残留（XX、××、增加（减少）等）",
                "Template residue such as XX or 增加（减少）"),
    ReadingKind(INCOMPLETE_TABLE, "绩效目标表或绩效自评表结构不完整",
                "A performance or self-evaluation table is incomplete"),
    ReadingKind(REPAIRED_NUMBER, "跨行断开的数字已拼接", "A number split across lines was joined",
                Severity.INFO),
    ReadingKind(UNSPLIT_INDICATOR, "无法区分指标名称与指标值",
                "An indicator whose name and value could not be told apart"),
    ReadingKind(GOAL_SPLIT, "无法区分实施期目标与年度目标",
                "Period and year goals could not be told apart", Severity.INFO),
    ReadingKind(NEEDS_OCR, "扫描页（只有图像），需要OCR", "An image-only (scanned) page that needs OCR"),
    ReadingKind(OCR_TEXT, "扫描页的文字来自OCR识别，其表格未核对",
                "Pages whose text is an OCR layer over a scan: their tables are not checked"),
    ReadingKind(MALFORMED_CODE, "科目编码不合格式（位数或字符不对）",
                "A classification code of the wrong shape (digits or length)"),
    ReadingKind(SEVERAL_REPORTS, "文件含多份报告，只读取了第一份",
                "A file holding more than one report: only the first was read"),
)}
"""Every kind of reader finding, by id."""
