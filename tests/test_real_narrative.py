"""The narrative findings on the nine real reports in tests/data/real, each with its verdict.

Every narrative finding (rules ``narrative.*``, and the narrative reader's own
``reading.*`` findings) of every report is pinned: a new one, or one gone, fails the test.
Line numbers are those of the .txt files. Verdicts (see the shared README of the real
reports for the hand-checked list):

shanghai-wanli-2024 (部门预算编制说明, 33 numbered 科目 items)
- L176 class_amounts + repeated, error: genuine. 住房公积金 is 350.35万元 (L175) and, in the
  same item, "2024年预算安排352.67万元"; the table (3,503,499元) and the rate 0.53% agree with
  350.35.
- L74 class_amounts, info: the 33 items add to 15,621.10 against 15,621.11 (rounding).
- L813 reading, warning: "本部门2个预算单位" has no subject the reader knows (right not to tie).

shanghai-wanli-2025
- L120 class_amounts, error: genuine. The path 卫生健康支出（类）卫生健康支出（款）计划生育事务（项）
  names a 款 that 210 does not have; 计划生育事务 is 21007.
- L74 class_amounts, info: the 33 items add to 18,976.74 against 18,976.76 (rounding).
- L769 reading, warning: as L813 of 2024.

shanghai-ptflfy-2024
- L51 class_amounts, error: genuine. The six items add to 991.59万元 against the 950.12 of
  财政拨款支出 (738.66 for 社会福利事业单位 where the table prints 696.48). The item itself is
  not compared with its row: the reader doubts that table (class code "7").

shanghai-ptghzy-2024-final (决算)
- L625 shares, error: genuine (99.86% for 9746.50 / 9759.38 = 99.868%, truncated).
- L649 execution, error: genuine (完成年初预算的95.45% for 9746.50 / 10210.34 = 95.457%).
- L825 template_residue + unplaced, warning: "下降（增长）27.78%" is template residue.
- L653, L861, L866, L897–L903 reading, warning: figures with no subject the reader can name
  (较年初完成92%, 0.00万元 inside a bracket, 26人, 项目39个 / 涉及预算金额 of three
  different project groups): right not to tie.

jiangsu-jcy-2019
- errors, all genuine: L801 (10.06% is 10.09%), L805, L854, L859, L923 (10.15% is 10.16%),
  L832 (项目支出 13.22% is 22.21%), L866 (35.77% is 35.78%), L905 (34.38% is 34.36%), L844
  (占65.56% is 65.55%).
- L891, L908 changes, info: 28.1 and 1657 printed with one and no decimal allow 7.57% and
  64.07%.
- L894, L897 class_amounts, warning: the narrative names 机关事业单位基本养老保险费 and
  机关事业单位职业年金, the tables 机关事业单位基本养老保险缴费支出 / 职业年金缴费支出 (not
  found by name: reported, not guessed).
- L834, L868, L871, L879 reading, warning: "纳入2018年预算管理的700万元培训费收入" and
  "…项级科目分流315万元": figures stated before what they are (right not to tie).
- Not reported (correctly): 基本 + 项目 ≠ 总计 (单位预留机动经费 is a third part).

central-xfj-2024-final (决算)
- L405 changes, error: genuine (35.74% for 5834.37 on 16232.22 = 35.94%).
- L621 procurement, error: genuine (the SME shares of 货物 and 服务 give 1644–1648万元, not
  the 1820.69 stated).
- L500 class_amounts, L579 three_public, info: rounding (14 items 13,733.79 vs 13,733.8;
  4.69 + 40.61 + 0.90 = 46.20 vs 46.21).
- L604 reading, warning: "152人次" of 公务接待 has no subject (right not to tie).
- L529, L532, L538, L543 class_amounts, warning: genuine. The narrative names its 208 items
  under 行政事业单位离退休（款）, the name of 20805 before the 2024 edition; the tables print
  20805 行政事业单位养老支出 (and 2080501 行政单位离退休, not 归口管理的行政单位离退休): the
  items are not found by the narrative's names (reported, not guessed). The other ten items
  (一般公共服务（类）…: the template writes 类 names without their 支出) are found and agree.
- The four 项目绩效自评表 (L705, L806, L904, L985) are read as self-evaluation tables (see
  test_ingest_selfeval.py), not as narrative.

suzhou-zrzy-2026
- L1181 reading, warning: "涉及财政性资金10,022.32万元" after a clause naming the whole
  unit's spending (right not to tie).

fuzhou-mzj-2026, guangzhou-tjj-2026: no narrative finding (their narratives are consistent
with what can be checked).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govbudget import check_report, read_report

DATA = Path(__file__).parent / "data" / "real"

E, W, INFO = "error", "warning", "info"
UNPLACED, RESIDUE = "reading.unplaced_figure", "reading.template_residue"
EXPECTED: dict[str, list[tuple[str, str, int]]] = {
    "shanghai-wanli-2024-budget.txt": [
        ("narrative.class_amounts", E, 176), ("narrative.repeated", E, 176),
        ("narrative.class_amounts", INFO, 74), (UNPLACED, W, 813)],
    "shanghai-wanli-2024-budget.dump.txt": [
        ("narrative.class_amounts", E, 179), ("narrative.repeated", E, 179),
        ("narrative.class_amounts", INFO, 85), (UNPLACED, W, 622)],
    "shanghai-wanli-2025-budget.txt": [
        ("narrative.class_amounts", E, 120), ("narrative.class_amounts", INFO, 74),
        (UNPLACED, W, 769)],
    "shanghai-wanli-2025-budget.dump.txt": [
        ("narrative.class_amounts", E, 122), ("narrative.class_amounts", INFO, 85),
        (UNPLACED, W, 573)],
    "shanghai-ptflfy-2024-budget.txt": [("narrative.class_amounts", E, 51)],
    "shanghai-ptghzy-2024-final.txt": [
        ("narrative.shares", E, 625), ("narrative.execution", E, 649), (RESIDUE, W, 825),
        *((UNPLACED, W, n) for n in (653, 825, 861, 866, 866, 897, 899, 899, 901, 901, 903))],
    "jiangsu-jcy-2019-budget.txt": [
        *(("narrative.changes", E, n) for n in (801, 805, 832, 854, 859, 866, 905, 923)),
        ("narrative.shares", E, 844), ("narrative.changes", INFO, 891),
        ("narrative.changes", INFO, 908), ("narrative.class_amounts", W, 894),
        ("narrative.class_amounts", W, 897), *((UNPLACED, W, n) for n in (834, 868, 871, 879))],
    "central-xfj-2024-final.txt": [
        ("narrative.changes", E, 405), ("narrative.procurement", E, 621),
        ("narrative.class_amounts", INFO, 500), ("narrative.three_public", INFO, 579),
        *(("narrative.class_amounts", W, n) for n in (529, 532, 538, 543)),
        (UNPLACED, W, 604),
        (UNPLACED, W, 632)],  # 一级项目7个、二级项目16个，共涉及资金5105.75万元: of them all
    "suzhou-zrzy-2026-budget.txt": [(UNPLACED, W, 1181)],
    "fuzhou-mzj-2026-budget.txt": [],
    "guangzhou-tjj-2026-budget.txt": [],
}


def _narrative_findings(name: str) -> list[tuple[str, str, int | None]]:
    result = check_report(read_report(DATA / name))
    return sorted((f.rule, f.severity.value, f.location.line) for f in result.findings
                  if f.rule.startswith("narrative.")
                  or (f.rule.startswith("reading.") and f.location.section == "narrative"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_narrative_findings_are_pinned(name: str) -> None:
    """Each report's narrative findings are exactly those with a verdict above."""
    assert _narrative_findings(name) == sorted(EXPECTED[name])


def test_genuine_rates_name_the_right_figures() -> None:
    """The jiangsu L923 error says what the rate should be (10.16%), from its own figures."""
    result = check_report(read_report(DATA / "jiangsu-jcy-2019-budget.txt"))
    found = [f for f in result.findings if f.rule == "narrative.changes"
             and f.location.line == 923]
    assert [(f.expected, f.actual) for f in found] == [("10.16%", "10.15%")]
