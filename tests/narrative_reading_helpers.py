"""Helpers of the narrative reader's tests (tests/test_ingest_narrative*.py)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from pathlib import Path

from govbudget import (
    Assets,
    Fact,
    FactKind,
    Finding,
    Narrative,
    Procurement,
)
from govbudget._ingest._narrative import read_narrative
from govbudget._ingest._pages import strip_furniture
from govbudget._ingest._text import Line, split_lines

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "data" / "jincheng-npc-office-2024.txt"
DATA = Path(__file__).resolve().parent / "data" / "narrative"

Read = tuple[Narrative, Procurement | None, Assets | None, list[Finding]]


@cache
def sample_lines() -> tuple[Line, ...]:
    """The sample report's lines, page numbers and running headers removed."""
    return tuple(strip_furniture(split_lines(SAMPLE.read_text(encoding="utf-8"))))


def overview_lines() -> list[Line]:
    return [ln for ln in sample_lines() if 1 <= ln.no <= 56]


def narrative_lines() -> list[Line]:
    return [ln for ln in sample_lines() if 766 <= ln.no <= 897 or 2669 <= ln.no <= 2710]


@cache
def sample() -> Read:
    return read_narrative(narrative_lines())


def lines_of(text: str, first: int = 1) -> list[Line]:
    return [Line(ln.no + first - 1, ln.text) for ln in split_lines(text)]


def read(text: str, first: int = 1) -> Read:
    return read_narrative(lines_of(text, first))


ANY: object = object()


def facts(narrative: Narrative, subject: str, kind: FactKind | None = None,
          qualifier: object = ANY) -> list[Fact]:
    """Facts with exactly this subject (and kind, and qualifier when given)."""
    return [f for f in narrative.facts
            if f.subject == subject and (kind is None or f.kind is kind)
            and (qualifier is ANY or f.qualifier == qualifier)]


def one(narrative: Narrative, subject: str, kind: FactKind, qualifier: object = ANY) -> Fact:
    found = facts(narrative, subject, kind, qualifier)
    assert len(found) == 1, found
    return found[0]


def rules(findings: Iterable[Finding]) -> list[str]:
    return [f.rule for f in findings]


D = Decimal
A, S, CA, CP, C = (FactKind.AMOUNT, FactKind.SHARE, FactKind.CHANGE_AMOUNT,
                   FactKind.CHANGE_PERCENT, FactKind.COUNT)


# ---------------------------------------------------------------------------
# read_overview
# ---------------------------------------------------------------------------




SHANGHAI_ITEMS = """\
2024年部门预算编制说明
    财政拨款支出主要内容如下：
  1. “一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”25.77万元，主要用于专项普查活动。2023年当年预算执行
数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%。主要原因是：项目调整。
  2. “科学技术支出（类）科学技术普及（款）科普活动（项）”10.00万元，主要用于科普活动。2023年当年预算执行数为10.00万
元，2024年预算安排10.00万元，比2023年预算执行数持平。
"""

FINAL_ITEMS = """\
五、一般公共预算财政拨款支出决算情况说明
  一般公共预算财政拨款支出年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.45%。其中：
  1、社会保障和就业支出（类）行政事业单位养老支出（款）
行政单位离退休（项）。主要用于：行政单位退休人员支出。年
初预算为54.53万元，支出决算为54.53万元，完成年初预算的100%。
七、“三公”经费支出决算情况说明
  “三公”经费财政拨款支出预算为76.43万元，2024年度支出决算为46.21万元，完成预算的60.46%。
"""
