"""Tests for govbudget._ingest._tables: every table read from text in the sample's style.

The sample's 13 tables are pinned cell by cell (rows, codes, levels, every amount, blank
cells as ``None``, line numbers). Hand-written table texts cover what the sample does
not: another unit, codes printed split, wrapped names, other columns (政府性基金, 上年结转,
the Ministry of Finance income sources), amounts in 元, and the reading findings (titles,
two-sided tables, the 三公 table and cells have their own test modules). Codes and names in them come from the built-in catalogue
(checked by ``TestHandWrittenCodes``); unit and project names are made up.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest

from govbudget import SHANXI_13, Finding, Report, RowKind, Table, TableKind, Unit, check_report
from govbudget._ingest._tables import read_table
from govbudget._ingest._text import split_lines
from govbudget.codes import functional

from .ingest_helpers import read_one, read_tables, sample_tables

D, T, G = RowKind.DATA, RowKind.TOTAL, RowKind.GROUP
UNIT_NAME = "晋城市人民代表大会常务委员会办公室"


def vals(spec: str) -> tuple[Decimal | None, ...]:
    """``"1.00 - 2.00"`` → ``(Decimal('1.00'), None, Decimal('2.00'))``."""
    return tuple(None if x == "-" else Decimal(x) for x in spec.split()) if spec else ()


def row_tuples(table: Table, block: int = 0) -> list[tuple[object, ...]]:
    """(code, name, level, kind, values as printed) of each row, without line numbers."""
    return [(r.code, r.name, r.level, r.kind,
             " ".join("-" if v is None else str(v) for v in r.values))
            for r in table.blocks[block].rows]


def rules(findings: list[Finding]) -> list[tuple[str, int | None, str | None]]:
    return [(f.rule, f.location.line, f.actual) for f in findings]


# -- the sample ----------------------------------------------------------------------------


class SampleTable(NamedTuple):
    kind: TableKind
    number: str
    title: str
    line: int
    empty: bool
    note: str | None
    blocks: tuple[tuple[str, tuple[str, ...], tuple[tuple[object, ...], ...]], ...]


# (line, code, name, level, kind, gov_name, values: "-" for a blank cell)
SAMPLE_EXPECTED: tuple[SampleTable, ...] = (
    # 预算公开表1
    SampleTable(TableKind.SUMMARY, "1", "2024年预算收支总表", 54,
                empty=False, note=None, blocks=(
        ("income", ("amount",), (
            (69, None, "一般公共预算", 1, D, None, "2599.99"),
            (71, None, "政府性基金预算", 1, D, None, "-"),
            (73, None, "国有资本经营预算", 1, D, None, "-"),
            (75, None, "财政专户管理资金", 1, D, None, "-"),
            (77, None, "单位资金", 1, D, None, "-"),
            (156, None, "本年收入合计", None, T, None, "2599.99"),
            (158, None, "上年结转", 1, D, None, "-"),
            (160, None, "收入总计", None, T, None, "2599.99"),
        )),
        ("expenditure", ("total", "current_year", "carryover"), (
            (69, None, "一般公共服务支出", 1, D, None, "2048.87 2048.87 -"),
            (71, None, "外交支出", 1, D, None, "- - -"),
            (73, None, "国防支出", 1, D, None, "- - -"),
            (75, None, "公共安全支出", 1, D, None, "- - -"),
            (77, None, "教育支出", 1, D, None, "- - -"),
            (79, None, "科学技术支出", 1, D, None, "- - -"),
            (82, None, "文化旅游体育与传媒支出", 1, D, None, "- - -"),
            (87, None, "社会保障和就业支出", 1, D, None, "329.24 329.24 -"),
            (89, None, "社会保险基金支出", 1, D, None, "- - -"),
            (91, None, "卫生健康支出", 1, D, None, "91.75 91.75 -"),
            (93, None, "节能环保支出", 1, D, None, "- - -"),
            (95, None, "城乡社区支出", 1, D, None, "- - -"),
            (97, None, "农林水支出", 1, D, None, "- - -"),
            (99, None, "交通运输支出", 1, D, None, "- - -"),
            (102, None, "资源勘探工业信息等支出", 1, D, None, "- - -"),
            (107, None, "商业服务业等支出", 1, D, None, "- - -"),
            (109, None, "金融支出", 1, D, None, "- - -"),
            (111, None, "援助其他地区支出", 1, D, None, "- - -"),
            (114, None, "自然资源海洋气象等支出", 1, D, None, "- - -"),
            (119, None, "住房保障支出", 1, D, None, "130.13 130.13 -"),
            (121, None, "粮油物资储备支出", 1, D, None, "- - -"),
            (124, None, "国有资本经营预算支出", 1, D, None, "- - -"),
            (130, None, "灾害防治及应急管理支出", 1, D, None, "- - -"),
            (135, None, "预备费", 1, D, None, "- - -"),
            (137, None, "其他支出", 1, D, None, "- - -"),
            (139, None, "转移性支出", 1, D, None, "- - -"),
            (141, None, "债务还本支出", 1, D, None, "- - -"),
            (144, None, "债务付息支出", 1, D, None, "- - -"),
            (146, None, "债务发行费用支出", 1, D, None, "- - -"),
            (149, None, "抗疫特别国债安排的支出", 1, D, None, "- - -"),
            (156, None, "本年支出合计", None, T, None, "2599.99 2599.99 -"),
            (158, None, "年终结转", 1, D, None, "- - -"),
            (160, None, "支出总计", None, T, None, "2599.99 2599.99 -"),
        )),
    )),
    # 预算公开表2
    SampleTable(TableKind.INCOME, "2", "2024年预算收入总表", 161,
                empty=False, note=None, blocks=(
        ("", ("total", "general_budget", "fund_budget", "state_capital", "special_account", "unit_funds", "carryover"), (
            (181, None, "合计", None, T, None, "2599.99 2599.99 - - - - -"),
            (183, "201", "一般公共服务支出", 1, D, None, "2048.87 2048.87 - - - - -"),
            (185, "20101", "人大事务", 2, D, None, "2048.87 2048.87 - - - - -"),
            (187, "2010101", "行政运行", 3, D, None, "1154.76 1154.76 - - - - -"),
            (189, "2010102", "一般行政管理事务", 3, D, None, "463.00 463.00 - - - - -"),
            (191, "2010104", "人大会议", 3, D, None, "241.00 241.00 - - - - -"),
            (193, "2010108", "代表工作", 3, D, None, "190.11 190.11 - - - - -"),
            (195, "208", "社会保障和就业支出", 1, D, None, "329.24 329.24 - - - - -"),
            (197, "20805", "行政事业单位养老支出", 2, D, None, "329.24 329.24 - - - - -"),
            (199, "2080501", "行政单位离退休", 3, D, None, "203.80 203.80 - - - - -"),
            (201, "2080505", "机关事业单位基本养老保险缴费支出", 3, D, None, "125.44 125.44 - - - - -"),
            (203, "210", "卫生健康支出", 1, D, None, "91.75 91.75 - - - - -"),
            (205, "21007", "计划生育事务", 2, D, None, "0.84 0.84 - - - - -"),
            (207, "2100799", "其他计划生育事务支出", 3, D, None, "0.84 0.84 - - - - -"),
            (209, "21011", "行政事业单位医疗", 2, D, None, "90.91 90.91 - - - - -"),
            (211, "2101101", "行政单位医疗", 3, D, None, "62.20 62.20 - - - - -"),
            (213, "2101103", "公务员医疗补助", 3, D, None, "28.71 28.71 - - - - -"),
            (215, "221", "住房保障支出", 1, D, None, "130.13 130.13 - - - - -"),
            (217, "22102", "住房改革支出", 2, D, None, "130.13 130.13 - - - - -"),
            (219, "2210201", "住房公积金", 3, D, None, "130.13 130.13 - - - - -"),
        )),
    )),
    # 预算公开表3
    SampleTable(TableKind.EXPENDITURE, "3", "2024年预算支出总表", 220,
                empty=False, note=None, blocks=(
        ("", ("total", "basic", "project"), (
            (232, None, "合计", None, T, None, "2599.99 1705.88 894.11"),
            (234, "201", "一般公共服务支出", 1, D, None, "2048.87 1154.76 894.11"),
            (236, "20101", "人大事务", 2, D, None, "2048.87 1154.76 894.11"),
            (238, "2010101", "行政运行", 3, D, None, "1154.76 1154.76 -"),
            (240, "2010102", "一般行政管理事务", 3, D, None, "463.00 - 463.00"),
            (242, "2010104", "人大会议", 3, D, None, "241.00 - 241.00"),
            (244, "2010108", "代表工作", 3, D, None, "190.11 - 190.11"),
            (246, "208", "社会保障和就业支出", 1, D, None, "329.24 329.24 -"),
            (248, "20805", "行政事业单位养老支出", 2, D, None, "329.24 329.24 -"),
            (250, "2080501", "行政单位离退休", 3, D, None, "203.80 203.80 -"),
            (252, "2080505", "机关事业单位基本养老保险缴费支出", 3, D, None, "125.44 125.44 -"),
            (254, "210", "卫生健康支出", 1, D, None, "91.75 91.75 -"),
            (256, "21007", "计划生育事务", 2, D, None, "0.84 0.84 -"),
            (258, "2100799", "其他计划生育事务支出", 3, D, None, "0.84 0.84 -"),
            (260, "21011", "行政事业单位医疗", 2, D, None, "90.91 90.91 -"),
            (262, "2101101", "行政单位医疗", 3, D, None, "62.20 62.20 -"),
            (264, "2101103", "公务员医疗补助", 3, D, None, "28.71 28.71 -"),
            (266, "221", "住房保障支出", 1, D, None, "130.13 130.13 -"),
            (268, "22102", "住房改革支出", 2, D, None, "130.13 130.13 -"),
            (270, "2210201", "住房公积金", 3, D, None, "130.13 130.13 -"),
        )),
    )),
    # 预算公开表4
    SampleTable(TableKind.GRANT_SUMMARY, "4", "2024年财政拨款收支总表", 271,
                empty=False, note=None, blocks=(
        ("income", ("amount",), (
            (291, None, "一般公共预算", 1, D, None, "2599.99"),
            (293, None, "政府性基金预算", 1, D, None, "-"),
            (295, None, "国有资本经营预算", 1, D, None, "-"),
            (406, None, "本年收入合计", None, T, None, "2599.99"),
            (408, None, "上年财政拨款结转", 1, D, None, "-"),
            (410, None, "一般公共预算", 1, D, None, "-"),
            (412, None, "政府性基金预算", 1, D, None, "-"),
            (414, None, "国有资本经营预算", 1, D, None, "-"),
            (421, None, "收入总计", None, T, None, "2599.99"),
        )),
        ("expenditure", ("total", "general_budget", "fund_budget", "state_capital"), (
            (291, None, "一般公共服务支出", 1, D, None, "2048.87 2048.87 - -"),
            (293, None, "外交支出", 1, D, None, "- - - -"),
            (298, None, "国防支出", 1, D, None, "- - - -"),
            (300, None, "公共安全支出", 1, D, None, "- - - -"),
            (302, None, "教育支出", 1, D, None, "- - - -"),
            (304, None, "科学技术支出", 1, D, None, "- - - -"),
            (307, None, "文化旅游体育与传媒支出", 1, D, None, "- - - -"),
            (313, None, "社会保障和就业支出", 1, D, None, "329.24 329.24 - -"),
            (318, None, "社会保险基金支出", 1, D, None, "- - - -"),
            (320, None, "卫生健康支出", 1, D, None, "91.75 91.75 - -"),
            (322, None, "节能环保支出", 1, D, None, "- - - -"),
            (324, None, "城乡社区支出", 1, D, None, "- - - -"),
            (326, None, "农林水支出", 1, D, None, "- - - -"),
            (328, None, "交通运输支出", 1, D, None, "- - - -"),
            (331, None, "资源勘探工业信息等支出", 1, D, None, "- - - -"),
            (337, None, "商业服务业等支出", 1, D, None, "- - - -"),
            (342, None, "金融支出", 1, D, None, "- - - -"),
            (345, None, "援助其他地区支出", 1, D, None, "- - - -"),
            (351, None, "自然资源海洋气象等支出", 1, D, None, "- - - -"),
            (356, None, "住房保障支出", 1, D, None, "130.13 130.13 - -"),
            (359, None, "粮油物资储备支出", 1, D, None, "- - - -"),
            (365, None, "国有资本经营预算支出", 1, D, None, "- - - -"),
            (371, None, "灾害防治及应急管理支出", 1, D, None, "- - - -"),
            (376, None, "预备费", 1, D, None, "- - - -"),
            (378, None, "其他支出", 1, D, None, "- - - -"),
            (380, None, "转移性支出", 1, D, None, "- - - -"),
            (382, None, "债务还本支出", 1, D, None, "- - - -"),
            (384, None, "债务付息支出", 1, D, None, "- - - -"),
            (393, None, "债务发行费用支出", 1, D, None, "- - - -"),
            (399, None, "抗疫特别国债安排的支出", 1, D, None, "- - - -"),
            (406, None, "本年支出合计", None, T, None, "2599.99 2599.99 - -"),
            (408, None, "年终结转", 1, D, None, "- - - -"),
            (421, None, "支出总计", None, T, None, "2599.99 2599.99 - -"),
        )),
    )),
    # 预算公开表5
    SampleTable(TableKind.GENERAL_EXPENDITURE, "5", "2024年一般公共预算支出预算表（不含上年结转）", 422,
                empty=False, note=None, blocks=(
        ("", ("total", "basic", "project"), (
            (434, None, "合计", None, T, None, "2599.99 1705.88 894.11"),
            (436, "201", "一般公共服务支出", 1, D, None, "2048.87 1154.76 894.11"),
            (438, "20101", "人大事务", 2, D, None, "2048.87 1154.76 894.11"),
            (440, "2010101", "行政运行", 3, D, None, "1154.76 1154.76 -"),
            (442, "2010102", "一般行政管理事务", 3, D, None, "463.00 - 463.00"),
            (444, "2010104", "人大会议", 3, D, None, "241.00 - 241.00"),
            (446, "2010108", "代表工作", 3, D, None, "190.11 - 190.11"),
            (448, "208", "社会保障和就业支出", 1, D, None, "329.24 329.24 -"),
            (450, "20805", "行政事业单位养老支出", 2, D, None, "329.24 329.24 -"),
            (452, "2080501", "行政单位离退休", 3, D, None, "203.80 203.80 -"),
            (454, "2080505", "机关事业单位基本养老保险缴费支出", 3, D, None, "125.44 125.44 -"),
            (456, "210", "卫生健康支出", 1, D, None, "91.75 91.75 -"),
            (458, "21007", "计划生育事务", 2, D, None, "0.84 0.84 -"),
            (460, "2100799", "其他计划生育事务支出", 3, D, None, "0.84 0.84 -"),
            (462, "21011", "行政事业单位医疗", 2, D, None, "90.91 90.91 -"),
            (464, "2101101", "行政单位医疗", 3, D, None, "62.20 62.20 -"),
            (466, "2101103", "公务员医疗补助", 3, D, None, "28.71 28.71 -"),
            (468, "221", "住房保障支出", 1, D, None, "130.13 130.13 -"),
            (470, "22102", "住房改革支出", 2, D, None, "130.13 130.13 -"),
            (472, "2210201", "住房公积金", 3, D, None, "130.13 130.13 -"),
        )),
    )),
    # 预算公开表6
    SampleTable(TableKind.BASIC_ECONOMIC, "6", "2024年一般公共预算安排基本支出分经济科目表（不含上年结转）", 473,
                empty=False, note=None, blocks=(
        ("", ("total", "personnel", "public"), (
            (490, None, "合计", None, T, None, "1705.88 1495.28 210.60"),
            (492, None, "工资福利支出", 1, D, None, "1244.24 1244.24 -"),
            (494, None, "基本工资", 2, D, "工资奖金津补贴", "321.32 321.32 -"),
            (496, None, "基本工资", 2, D, "工资福利支出", "60.59 60.59 -"),
            (498, None, "津贴补贴", 2, D, "工资奖金津补贴", "182.29 182.29 -"),
            (500, None, "津贴补贴", 2, D, "工资福利支出", "9.82 9.82 -"),
            (502, None, "奖金", 2, D, "工资奖金津补贴", "170.22 170.22 -"),
            (504, None, "绩效工资", 2, D, "工资福利支出", "70.59 70.59 -"),
            (506, None, "机关事业单位基本养老保险缴费", 2, D, "社会保障缴费", "103.95 103.95 -"),
            (508, None, "机关事业单位基本养老保险缴费", 2, D, "工资福利支出", "21.48 21.48 -"),
            (510, None, "职工基本医疗保险缴费", 2, D, "社会保障缴费", "62.20 62.20 -"),
            (512, None, "公务员医疗补助缴费", 2, D, "社会保障缴费", "28.71 28.71 -"),
            (514, None, "其他社会保障缴费", 2, D, "社会保障缴费", "1.91 1.91 -"),
            (516, None, "住房公积金", 2, D, "住房公积金", "130.13 130.13 -"),
            (518, None, "其他工资福利支出", 2, D, "其他工资福利支出", "81.03 81.03 -"),
            (520, None, "商品和服务支出", 1, D, None, "210.60 - 210.60"),
            (522, None, "办公费", 2, D, "办公经费", "76.41 - 76.41"),
            (524, None, "差旅费", 2, D, "办公经费", "10.00 - 10.00"),
            (526, None, "公务接待费", 2, D, "公务接待费", "1.00 - 1.00"),
            (528, None, "工会经费", 2, D, "办公经费", "15.66 - 15.66"),
            (530, None, "福利费", 2, D, "办公经费", "27.41 - 27.41"),
            (532, None, "其他交通费用", 2, D, "办公经费", "61.26 - 61.26"),
            (534, None, "其他商品和服务支出", 2, D, "其他商品和服务支出", "18.85 - 18.85"),
            (536, None, "对个人和家庭的补助", 1, D, None, "251.04 251.04 -"),
            (538, None, "离休费", 2, D, "离退休费", "13.27 13.27 -"),
            (540, None, "退休费", 2, D, "离退休费", "188.93 188.93 -"),
            (542, None, "奖励金", 2, D, "社会福利和救助", "0.84 0.84 -"),
            (544, None, "其他对个人和家庭的补助", 2, D, "其他对个人和家庭的补助", "48.00 48.00 -"),
        )),
    )),
    # 预算公开表7
    SampleTable(TableKind.FUND_INCOME, "7", "2024年政府性基金预算收入表（不含上年结转）", 545,
                empty=True, note="注：本表无数据", blocks=(
        ("", ("total",), (
            (558, None, "合计", None, T, None, "-"),
        )),
    )),
    # 预算公开表8
    SampleTable(TableKind.FUND_EXPENDITURE, "8", "2024年政府性基金预算支出表（不含上年结转）", 563,
                empty=True, note="注：本表无数据", blocks=(
        ("", ("total", "basic", "project"), (
            (577, None, "合计", None, T, None, "- - -"),
        )),
    )),
    # 预算公开表9
    SampleTable(TableKind.STATE_CAPITAL, "9", "2024年国有资本经营预算收支预算表（不含上年结转）", 582,
                empty=True, note="注：本表无数据", blocks=(
        ("", ("total", "basic", "project"), (
            (599, None, "合计", None, T, None, "- - -"),
        )),
    )),
    # 预算公开表10
    SampleTable(TableKind.THREE_PUBLIC, "10", "2024年财政拨款安排“三公”经费支出预算表", 605,
                empty=False, note=None, blocks=(
        ("", ("total", "general_budget", "fund_budget", "state_capital"), (
            (625, None, "因公出国（境）费", None, D, None, "- - - -"),
            (627, None, "公务接待费", None, D, None, "1.00 1.00 - -"),
            (629, None, "公务用车购置及运行费", None, D, None, "- - - -"),
            (631, None, "①公务用车购置费", None, D, None, "- - - -"),
            (633, None, "②公务用车运行维护费", None, D, None, "- - - -"),
            (635, None, "合计", None, T, None, "1.00 1.00 - -"),
        )),
    )),
    # 预算公开表11
    SampleTable(TableKind.OPERATING_COSTS, "11", "2024年财政拨款安排机关运行经费预算表", 636,
                empty=False, note=None, blocks=(
        ("", ("total", "general_budget", "fund_budget", "state_capital"), (
            (654, None, "部门合计", None, T, None, "210.60 210.60 - -"),
            (656, None, "晋城市人民代表大会常务委员会办公室", None, D, None, "210.60 210.60 - -"),
        )),
    )),
    # 预算公开表12
    SampleTable(TableKind.PROJECTS, "12", "2024年项目支出预算表（本年预算）", 667,
                empty=False, note=None, blocks=(
        ("", ("total", "general_budget", "fund_budget", "state_capital", "special_account", "unit_funds"), (
            (694, None, "晋城市人民代表大会常务委员会办公室", 1, G, None, "894.11 894.11 - - - -"),
            (699, None, "无固定工资收入的省、市人大代表履职补贴", 2, D, None, "20.79 20.79 - - - -"),
            (704, None, "省、市代表培训经费", 2, D, None, "71.60 71.60 - - - -"),
            (706, None, "市人大代表履职交通、通讯补贴", 2, D, None, "77.28 77.28 - - - -"),
            (711, None, "代表、代表小组活动经费(市级)", 2, D, None, "20.44 20.44 - - - -"),
            (716, None, "人民代表大会会议经费", 2, D, None, "225.00 225.00 - - - -"),
            (718, None, "人大专项业务经费", 2, D, None, "213.00 213.00 - - - -"),
            (720, None, "办公桌椅书柜购置", 2, D, None, "10.00 10.00 - - - -"),
            (722, None, "人大机关会议室智慧升级改造", 2, D, None, "50.00 50.00 - - - -"),
            (724, None, "代表之声栏目制作经费", 2, D, None, "60.00 60.00 - - - -"),
            (726, None, "全过程人民民主进行时栏目经费", 2, D, None, "60.00 60.00 - - - -"),
            (731, None, "制定三部地方性法规经费", 2, D, None, "20.00 20.00 - - - -"),
            (733, None, "人大常委会会议经费", 2, D, None, "16.00 16.00 - - - -"),
            (735, None, "办公楼阅览室装修及配套设施", 2, D, None, "50.00 50.00 - - - -"),
        )),
    )),
    # 预算公开表13
    SampleTable(TableKind.PROJECTS_CARRYOVER, "13", "2024年项目支出预算表（上年结转）", 736,
                empty=True, note="注：本表无数据", blocks=(
        ("", ("total", "general_budget", "fund_budget", "state_capital"), (
        )),
    )),
)


@pytest.fixture(scope="module")
def sample() -> tuple[tuple[Table, ...], tuple[Finding, ...]]:
    return sample_tables()


class TestSampleTables:
    def test_thirteen_tables_in_order(self, sample: tuple[tuple[Table, ...], tuple[Finding, ...]]
                                      ) -> None:
        """The sample has the 13 Shanxi tables, numbered 1–13, in order."""
        tables, _ = sample
        assert tuple(t.kind for t in tables) == SHANXI_13
        assert [t.number for t in tables] == [str(i) for i in range(1, 14)]

    def test_no_reading_findings(self, sample: tuple[tuple[Table, ...], tuple[Finding, ...]]
                                 ) -> None:
        """Every figure of the sample's tables is placed: no reading finding."""
        _, findings = sample
        assert findings == ()

    def test_unit_and_unit_name(self, sample: tuple[tuple[Table, ...], tuple[Finding, ...]]
                                ) -> None:
        """Every table is in 万元 (单位：万元 and 单位:万元) and names the unit, also where the
        name wraps onto the next line (table 11) or the money unit is on a line of its own."""
        tables, _ = sample
        assert {t.unit for t in tables} == {Unit.WAN_YUAN}
        assert [t.unit_name for t in tables] == [UNIT_NAME] * 13

    @pytest.mark.parametrize("expected", SAMPLE_EXPECTED, ids=lambda e: f"table{e.number}")
    def test_table(self, sample: tuple[tuple[Table, ...], tuple[Finding, ...]],
                   expected: SampleTable) -> None:
        """Each table reads exactly: title, number, line, columns, and every row's line, code,
        name, level, kind, government item and amounts, blank cells as None."""
        tables, _ = sample
        t = tables[int(expected.number) - 1]
        assert (t.kind, t.number, t.title, t.line, t.empty, t.note) == (
            expected.kind, expected.number, expected.title, expected.line, expected.empty,
            expected.note)
        assert len(t.blocks) == len(expected.blocks)
        for b, (name, columns, rows) in zip(t.blocks, expected.blocks, strict=True):
            assert b.name == name
            assert tuple(c.key for c in b.columns) == columns
            got = [(r.line, r.code, r.name, r.level, r.kind, r.gov_name, r.values) for r in b.rows]
            want = [(line, code, nm, level, kind, gov, vals(str(v)))
                    for line, code, nm, level, kind, gov, v in rows]
            assert got == want
            assert all(len(r.values) == len(columns) for r in b.rows)

    def test_amounts_keep_printed_decimals(self, sample: tuple[tuple[Table, ...],
                                                              tuple[Finding, ...]]) -> None:
        """Amounts keep the decimals as printed: 463.00 is Decimal('463.00')."""
        tables, _ = sample
        row = tables[2].block().row("2010102")
        assert str(tables[2].block().value(row, "total")) == "463.00"

    def test_blank_is_none_not_zero(self, sample: tuple[tuple[Table, ...], tuple[Finding, ...]]
                                    ) -> None:
        """A blank cell is None, never 0 (2010102 has no basic spending)."""
        tables, _ = sample
        b = tables[2].block()
        assert b.value(b.row("2010102"), "basic") is None

    def test_empty_tables(self, sample: tuple[tuple[Table, ...], tuple[Finding, ...]]) -> None:
        """Tables 7, 8, 9 and 13 say 本表无数据: empty, with the note, and no figure."""
        tables, _ = sample
        empty = [t.number for t in tables if t.empty]
        assert empty == ["7", "8", "9", "13"]
        for t in tables:
            if t.empty:
                assert t.note == "注：本表无数据"
                assert all(v is None for _, r in t.rows() for v in r.values)

    def test_column_labels_canonical(self, sample: tuple[tuple[Table, ...], tuple[Finding, ...]]
                                     ) -> None:
        """Columns get their canonical labels, whatever the wrapped header printed."""
        tables, _ = sample
        assert [c.label for c in tables[1].block().columns] == [
            "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算", "财政专户管理资金",
            "单位资金", "上年结转"]


# -- hand-written tables ---------------------------------------------------------------------

# Codes and names from the built-in catalogue (2024 edition).
CATALOGUE = {
    "205": "教育支出", "20502": "普通教育", "2050205": "高等教育",
    "20599": "其他教育支出", "2059999": "其他教育支出",
    "207": "文化旅游体育与传媒支出", "20703": "体育", "2070308": "群众体育",
}

EDUCATION = """\
预算公开表3
2024年预算支出总表
单位名称：某市职业技术学院 单位：万元
科目编码 科目名称 合计 基本支出 项目支出
合计 350.50 300.25 50.25
205 教育支出 350.50 300.25 50.25
20502 普通教育 300.25 300.25
2050205 高等教育 300.25 300.25
20599 其他教育支出 50.25  50.25
2059999 其他教育支出 50.25  50.25
"""

EDUCATION_ROWS = [
    (None, "合计", None, T, "350.50 300.25 50.25"),
    ("205", "教育支出", 1, D, "350.50 300.25 50.25"),
    ("20502", "普通教育", 2, D, "300.25 300.25 -"),
    ("2050205", "高等教育", 3, D, "300.25 300.25 -"),
    ("20599", "其他教育支出", 2, D, "50.25 - 50.25"),
    ("2059999", "其他教育支出", 3, D, "50.25 - 50.25"),
]


class TestHandWrittenCodes:
    def test_catalogue_names(self) -> None:
        """The functional codes and names used below exist in the built-in catalogue."""
        for code, name in CATALOGUE.items():
            assert functional.name_of(code, year=2024) == name


class TestOtherUnit:
    def test_education_codes_down_to_xiang(self) -> None:
        """Another unit's table with 205 教育支出 down to 项 reads codes, levels and amounts,
        with the unit, unit name, title, number and no finding."""
        t, findings = read_one(EDUCATION)
        assert findings == []
        assert (t.kind, t.number, t.title, t.unit, t.unit_name) == (
            TableKind.EXPENDITURE, "3", "2024年预算支出总表", Unit.WAN_YUAN, "某市职业技术学院")
        assert row_tuples(t) == EDUCATION_ROWS

    def test_codes_printed_split(self) -> None:
        """Codes printed split across columns (205 02 05) are joined, with their levels."""
        text = EDUCATION.replace("\n20502 ", "\n205 02 ").replace("\n2050205 ", "\n205 02 05 ") \
            .replace("\n20599 ", "\n205 99 ").replace("\n2059999 ", "\n205 99 99 ")
        assert "205 02 05 高等教育" in text
        t, findings = read_one(text)
        assert findings == []
        assert row_tuples(t) == EDUCATION_ROWS

    def test_name_wrapped(self) -> None:
        """A name wrapped onto the next line, its amounts on a third, is one row."""
        text = EDUCATION.replace("2050205 高等教育 300.25 300.25",
                                 "2050205 高等\n教育\n\n300.25 300.25") \
            .replace("2059999 其他教育支出 50.25  50.25", "2059999 其他教育\n支出 50.25  50.25")
        t, findings = read_one(text)
        assert findings == []
        assert row_tuples(t) == EDUCATION_ROWS
        assert [r.line for r in t.block().rows] == [5, 6, 7, 8, 12, 13]

    def test_wrapped_name_with_blank_amounts(self) -> None:
        """A wrapped name whose amounts are all blank (a line of spaces) does not swallow the
        next row's name."""
        text = """\
预算公开表11
2024年机关运行经费预算表
单位名称：某市职业技术学院 单位：万元
单位名称 合计 一般公共预算 政府性基金预算 国有资本经营预算
部门合计 5.00 5.00
某市职业技术学院继续教育学院培训
中心

{blank}

某市职业技术学院 5.00 5.00
""".format(blank=" " * 3)
        t, findings = read_one(text)
        assert findings == []
        assert row_tuples(t) == [
            (None, "部门合计", None, T, "5.00 5.00 - -"),
            (None, "某市职业技术学院继续教育学院培训中心", None, D, "- - - -"),
            (None, "某市职业技术学院", None, D, "5.00 5.00 - -"),
        ]

    def test_default_unit_name_forms(self) -> None:
        """编制单位： and 部门名称： give the unit name like 单位名称：."""
        for label in ("编制单位", "部门名称"):
            t, _ = read_one(EDUCATION.replace("单位名称", label, 1))
            assert t.unit_name == "某市职业技术学院"
            assert t.unit is Unit.WAN_YUAN

    def test_unit_word_in_unit_name(self) -> None:
        """A unit name starting with 元 is not read as the money unit."""
        text = EDUCATION.replace("单位名称：某市职业技术学院 单位：万元",
                                 "编制单位：元宝山区教育局 金额单位：万元")
        t, _ = read_one(text)
        assert (t.unit_name, t.unit) == ("元宝山区教育局", Unit.WAN_YUAN)


class TestColumns:
    def test_income_fund_and_carryover(self) -> None:
        """Non-empty 政府性基金 and 上年结转 columns keep their figures in their columns."""
        text = """\
预算公开表2
2024年预算收入总表
单位名称：某市文化和旅游局 单位：万元
项目 本年收入 上年结转
科目编码 科目名称 合计 一般公共预算 政府性基金 国有资本经营预算 财政专户管理资金 单位资金
合计 180.00 100.00 50.00    30.00
207 文化旅游体育与传媒支出 180.00 100.00 50.00    30.00
20703 体育 180.00 100.00 50.00    30.00
2070308 群众体育 180.00 100.00 50.00    30.00
"""
        t, findings = read_one(text)
        assert findings == []
        assert [c.key for c in t.block().columns] == [
            "total", "general_budget", "fund_budget", "state_capital", "special_account",
            "unit_funds", "carryover"]
        b = t.block()
        for code in ("207", "20703", "2070308"):
            row = b.row(code)
            assert (b.value(row, "fund_budget"), b.value(row, "carryover")) == (
                Decimal("50.00"), Decimal("30.00"))
            assert b.value(row, "state_capital") is None
        assert b.row("20703").level == 2

    def test_mof_income_sources(self) -> None:
        """A Ministry of Finance 收入总表 with 财政拨款/事业收入/其他收入 columns reads them."""
        text = """\
部门收入总表
编制单位：某市职业技术学院 单位：万元
科目编码 科目名称 合计 财政拨款 事业收入 其他收入
合计 500.00 400.00 80.00 20.00
205 教育支出 500.00 400.00 80.00 20.00
205 02 普通教育 500.00 400.00 80.00 20.00
205 02 05 高等教育 500.00 400.00 80.00 20.00
"""
        t, findings = read_one(text)
        assert findings == []
        assert (t.kind, t.number, t.unit_name) == (TableKind.INCOME, "", "某市职业技术学院")
        assert [(c.key, c.label) for c in t.block().columns] == [
            ("total", "合计"), ("grant", "财政拨款"), ("business_income", "事业收入"),
            ("other_income", "其他收入")]
        assert row_tuples(t)[1:] == [
            ("205", "教育支出", 1, D, "500.00 400.00 80.00 20.00"),
            ("20502", "普通教育", 2, D, "500.00 400.00 80.00 20.00"),
            ("2050205", "高等教育", 3, D, "500.00 400.00 80.00 20.00"),
        ]


class TestYuan:
    TEXT = """\
部门支出总表
单位名称：某市职业技术学院 单位：元
科目编码 科目名称 合计 基本支出 项目支出
合计 3505000 3002500 502500
205 教育支出 3505000 3002500 502500
20502 普通教育 3002500 3002500
2050205 高等教育 3002500 3002500
20599 其他教育支出 502500  502500
2059999 其他教育
支出

502500  502500
"""

    def test_integer_amounts(self) -> None:
        """A table in 元 with whole amounts reads them as integers, in 元, with quantum 1."""
        t, findings = read_one(self.TEXT)
        assert findings == []
        assert t.unit is Unit.YUAN
        assert t.quantum == Decimal(1)
        assert row_tuples(t) == [
            (None, "合计", None, T, "3505000 3002500 502500"),
            ("205", "教育支出", 1, D, "3505000 3002500 502500"),
            ("20502", "普通教育", 2, D, "3002500 3002500 -"),
            ("2050205", "高等教育", 3, D, "3002500 3002500 -"),
            ("20599", "其他教育支出", 2, D, "502500 - 502500"),
            ("2059999", "其他教育支出", 3, D, "502500 - 502500"),
        ]

    def test_amounts_line_not_taken_for_a_code(self) -> None:
        """A wrapped row's amounts line that starts with a 7-digit amount is not a code."""
        text = self.TEXT.replace("2050205 高等教育 3002500 3002500",
                                 "2050205 高等\n教育\n\n3002500 3002500")
        t, findings = read_one(text)
        assert findings == []
        assert [r.code for r in t.block().rows] == [
            None, "205", "20502", "2050205", "20599", "2059999"]
        assert t.block().row("2050205").values == vals("3002500 3002500 -")

    def test_small_amounts_are_not_column_numbers(self) -> None:
        """A row of small whole amounts (5 3 2) is a row, not the column-number line."""
        text = """\
部门支出总表
单位：元
科目编码 科目名称 合计 基本支出 项目支出
1 2 3 4 5
合计 10 8 2
205 教育支出
5 3 2
20502 普通教育 5 5
"""
        t, findings = read_one(text)
        assert findings == []
        assert row_tuples(t)[1] == ("205", "教育支出", 1, D, "5 3 2")


class TestFindings:
    def test_unparsed_amount(self) -> None:
        """An unreadable amount is left blank (None, never 0) with a reading.unparsed_amount
        finding naming the line and the text."""
        text = EDUCATION.replace("205 教育支出 350.50 300.25", "205 教育支出 350.50 3OO.25")
        t, findings = read_one(text)
        assert rules(findings) == [("reading.unparsed_amount", 6, "3OO.25")]
        row = t.block().row("205")
        assert row.values == (Decimal("350.50"), None, Decimal("50.25"))
        f = findings[0]
        assert (f.location.table, f.location.section) == ("expenditure", "2024年预算支出总表")

    def test_unparsed_amount_in_first_row(self) -> None:
        """An unreadable amount in the first row (the total) does not drop the row into the
        header: the row is read and the amount reported."""
        text = EDUCATION.replace("合计 350.50 300.25 50.25", "合计 35O.50 300.25 50.25")
        t, findings = read_one(text)
        assert rules(findings) == [("reading.unparsed_amount", 5, "35O.50")]
        assert row_tuples(t)[0] == (None, "合计", None, T, "- 300.25 50.25")
        assert [c.key for c in t.block().columns] == ["total", "basic", "project"]

    def test_extra_figures(self) -> None:
        """Figures beyond the table's columns are reported as reading.unplaced_figure and
        the row keeps the figures that fit."""
        text = EDUCATION.replace("20502 普通教育 300.25 300.25", "20502 普通教育 300.25 300.25 0 9.99")
        t, findings = read_one(text)
        assert rules(findings) == [("reading.unplaced_figure", 7, "9.99")]
        assert t.block().row("20502").values == vals("300.25 300.25 0")

    def test_figures_without_a_row(self) -> None:
        """A line of figures after a complete row belongs to no row: unplaced_figure."""
        text = EDUCATION + "12.00 3.00\n"
        _, findings = read_one(text)
        assert rules(findings) == [("reading.unplaced_figure", 11, "12.00 3.00")]

    def test_missing_unit(self) -> None:
        """A table without 单位 is read in 万元 (or the default given) with
        reading.missing_unit on the title line."""
        text = EDUCATION.replace(" 单位：万元", "")
        t, findings = read_one(text)
        assert rules(findings) == [("reading.missing_unit", 1, None)]
        assert t.unit is Unit.WAN_YUAN
        assert t.unit_name == "某市职业技术学院"
        assert row_tuples(t) == EDUCATION_ROWS
        tables, findings = read_tables(text, default_unit=Unit.YUAN)
        assert tables[0].unit is Unit.YUAN
        assert "元" in findings[0].message

    def test_empty_note_with_data(self) -> None:
        """A table that says 本表无数据 but has figures is reported, and read as the
        figures it prints (not as empty: as the wide reader has it)."""
        t, findings = read_one(EDUCATION + "注：本表无数据\n")
        assert not t.empty
        assert t.note == "注：本表无数据"
        assert [f.rule for f in findings] == ["reading.empty_note_with_data"]

    def test_dashes_are_blank(self) -> None:
        """A dash in an amount cell is a blank, not a finding."""
        text = EDUCATION.replace("20502 普通教育 300.25 300.25", "20502 普通教育 300.25 300.25 -")
        t, findings = read_one(text)
        assert findings == []
        assert t.block().row("20502").values == vals("300.25 300.25 -")


class TestOtherTables:

    def test_basic_economic_item_without_government_item(self) -> None:
        """In the basic-spending table a 款 printed without a government item beside it
        (公务接待费) stays a 款 (level 2); a class row is level 1."""
        text = """\
预算公开表6
2024年一般公共预算基本支出表
单位：万元
部门预算支出经济科目名称 政府预算支出经济科目名称 合计 人员经费 公用经费
合计 30.00 20.00 10.00
工资福利支出  20.00 20.00
基本工资 工资奖金津补贴 20.00 20.00
商品和服务支出  10.00  10.00
办公费 办公经费 9.00  9.00
公务接待费  1.00  1.00
"""
        t, findings = read_one(text)
        assert findings == []
        assert [(r.name, r.level, r.gov_name) for r in t.block().rows] == [
            ("合计", None, None), ("工资福利支出", 1, None), ("基本工资", 2, "工资奖金津补贴"),
            ("商品和服务支出", 1, None), ("办公费", 2, "办公经费"), ("公务接待费", 2, None)]

    def test_basic_economic_codes_split(self) -> None:
        """Economic codes printed split (301 01) are joined, with their levels."""
        text = """\
一般公共预算基本支出表
单位：元
科目编码 科目名称 合计 人员经费 公用经费
合计 300 200 100
301 工资福利支出 200 200
301 01 基本工资 200 200
302 商品和服务支出 100  100
302 01 办公费 100  100
"""
        t, findings = read_one(text)
        assert findings == []
        assert [(r.code, r.level) for r in t.block().rows] == [
            (None, None), ("301", 1), ("30101", 2), ("302", 1), ("30201", 2)]

    def test_project_list_levels(self) -> None:
        """In a project list, full-width indentation gives the level; the unit is a group."""
        text = """\
预算公开表12
2024年项目支出预算表（本年预算）
单位：万元
项目名称 合计 一般公共预算 政府性基金预算 国有资本经营预算 财政专户管理资金 单位资金
1 2 3 4 5 6 7
\u3000\u3000某市职业技术学院 30.00 30.00
\u3000\u3000\u3000\u3000实训设备购置 20.00 20.00
\u3000\u3000\u3000\u3000教师培训经费 10.00 10.00
"""
        t, findings = read_one(text)
        assert findings == []
        assert [(r.name, r.level, r.kind) for r in t.block().rows] == [
            ("某市职业技术学院", 1, G), ("实训设备购置", 2, D), ("教师培训经费", 2, D)]

    @pytest.mark.parametrize("space", [" ", "  "])
    def test_project_list_levels_set_in_by_ascii_spaces(self, space: str) -> None:
        """The full-width spaces as ASCII ones (NFKC makes one of each; some tools two):
        the indent widths found, in order, are still the levels (the unit a group, not
        counted again with its projects)."""
        text = ("预算公开表12\n2024年项目支出预算表（本年预算）\n单位：万元\n"
                "项目名称 合计 一般公共预算 政府性基金预算 国有资本经营预算 财政专户管理资金 单位资金\n"
                "1 2 3 4 5 6 7\n"
                f"{space * 2}某市职业技术学院 30.00 30.00\n{space * 4}实训设备购置 20.00 20.00\n"
                f"{space * 4}教师培训经费 10.00 10.00\n")
        t, findings = read_one(text)
        assert findings == []
        assert [(r.name, r.level, r.kind) for r in t.block().rows] == [
            ("某市职业技术学院", 1, G), ("实训设备购置", 2, D), ("教师培训经费", 2, D)]

    def test_a_flat_project_list_finds_its_units_by_their_sums(self) -> None:
        """No indentation (plain text, lines stripped): a row named as a unit whose figures
        add up the rows under it is the unit's group; the projects are not counted twice."""
        text = ("预算公开表12\n2024年项目支出预算表（本年预算）\n单位：万元\n"
                "项目名称 合计 一般公共预算\n合计 35.00 35.00\n某市职业技术学院 30.00 30.00\n"
                "实训设备购置 20.00 20.00\n"
                "教师培训经费 10.00 10.00\n某市教育局 5.00 5.00\n教研经费 5.00 5.00\n")
        t, findings = read_one(text)
        assert findings == [] and t.doubts == ()
        assert [(r.level, r.kind) for r in t.block().rows][1:] == [
            (1, G), (2, D), (2, D), (1, G), (2, D)]
        t, _ = read_one(text.replace("教研经费 5.00 5.00", "教研经费 4.00 4.00"))
        assert [d.reason for d in t.doubts] == ["levels"]
        # a unit named …机关, over projects at one full-width indent
        t, findings = read_one(text.replace("某市职业技术学院", "某市人大常委会机关").replace(
            "实训", "\u3000\u3000实训").replace("教师", "\u3000\u3000教师"))
        assert [(r.level, r.kind) for r in t.block().rows][1:4] == [(1, G), (2, D), (2, D)]

    def test_unindented_units_over_indented_projects(self) -> None:
        """A unit printed at the margin over projects set in two full-width spaces: two
        levels, the projects not counted with their unit."""
        text = ("预算公开表12\n2024年项目支出预算表（本年预算）\n单位：万元\n项目名称 合计 一般公共预算\n"
                "合计 30.00 30.00\n某市人大常委会机关 30.00 30.00\n"
                "\u3000\u3000人大会议经费 20.00 20.00\n\u3000\u3000代表培训经费 10.00 10.00\n")
        t, _ = read_one(text)
        assert [(r.level, r.kind) for r in t.block().rows][1:] == [(1, G), (2, D), (2, D)]

    def test_a_wrapped_name_set_in_one_space_continues_its_row(self) -> None:
        """Plain text may set a wrapped name's second line one space in: one width alone is
        no hierarchy, the name is one."""
        text = ("预算公开表12\n2024年项目支出预算表（本年预算）\n单位：万元\n项目名称 合计 一般公共预算\n"
                "合计 30.00 30.00\n人大会议经费 20.00 20.00\n代表履职能力提升培训（本单位\n"
                " 专项） 10.00 10.00\n")
        t, _ = read_one(text)
        assert [r.name for r in t.block().rows] == [
            "合计", "人大会议经费", "代表履职能力提升培训（本单位专项）"]

    def test_a_wrapped_name_set_in_full_width_spaces_outside_project_lists(self) -> None:
        """Outside a project list indentation gives no level: a wrapped name's lines set in
        by full-width spaces (pdfium) continue the row."""
        text = ("本年支出总体情况表\n单位名称：某局 单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n"
                "合计 263.74 263.74 0.00\n208 社会保障和就业支出 263.74 263.74 0.00\n"
                "20805 行政事业单位养老支出 263.74 263.74 0.00\n2080505\n"
                "\u3000\u3000机关事业单位基本养老保险缴\n费支出 175.83 175.83 0.00\n2080506\n"
                "\u3000\u3000机关事业单位职业年金缴费支\n出 87.91 87.91 0.00\n")
        t = read_table(TableKind.EXPENDITURE, split_lines(text), [], blanks=False)
        assert [(r.code, r.name) for r in t.block().rows][3:] == [
            ("2080505", "机关事业单位基本养老保险缴费支出"), ("2080506", "机关事业单位职业年金缴费支出")]

    def test_figures_that_belong_to_no_row_make_the_table_doubtful(self) -> None:
        """A row wrapped over two lines with its figures split (``… 5.00 3.00`` / ``2.00``):
        the figures alone on the second line belong to no row; the rows' figures cannot be
        trusted, so the table is doubtful (and the line reported)."""
        text = ("预算公开表3\n2024年预算支出总表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n"
                "合计 5.00 3.00 2.00\n201 一般公共服务支出 5.00 3.00\n2.00\n")
        findings: list[Finding] = []
        t = read_table(TableKind.EXPENDITURE, split_lines(text), findings)
        assert "names" in [d.reason for d in t.doubts]
        assert [f.rule for f in findings] == ["reading.unplaced_figure"]

    def test_empty_table_without_rows(self) -> None:
        """A table with only its header and 本表无数据 is empty with no rows."""
        text = """\
预算公开表13
2024年项目支出预算表（上年结转）
单位：万元
项目名称 合计 一般公共预算 政府性基金预算 国有资本经营预算
1 2 3 4 5
注：本表无数据
"""
        t, findings = read_one(text)
        assert findings == []
        assert t.empty and t.note == "注：本表无数据"
        assert t.block().rows == ()
        assert [c.key for c in t.block().columns] == [
            "total", "general_budget", "fund_budget", "state_capital"]

    def test_read_table_directly(self) -> None:
        """read_table reads a segment given with its kind, title line first."""
        lines = split_lines(EDUCATION)
        findings: list[Finding] = []
        t = read_table(TableKind.EXPENDITURE, lines, findings)
        assert t.line == 1
        assert row_tuples(t) == EDUCATION_ROWS


class TestFinalAccounts:
    """决算 tables: titles, 决算 columns, the 栏次 row and the 行次 column."""


    def test_fund_table_columns_and_column_numbers(self) -> None:
        """年初结转和结余 | 本年收入 | 本年支出 (合计, 基本, 项目) | 年末结转和结余; the 栏次 row
        is not a row of the table."""
        text = ("政府性基金预算财政拨款收入支出决算表\n单位：万元\n"
                "科目编码 科目名称 年初结转和结余 本年收入 合计 基本支出 项目支出 年末结转和结余\n"
                "栏次 1 2 3 4 5 6\n"
                "合计 1.00 5.00 4.00 1.00 3.00 2.00\n"
                "212 城乡社区支出 1.00 5.00 4.00 1.00 3.00 2.00\n")
        t, findings = read_one(text)
        b = t.blocks[0]
        assert [c.key for c in b.columns] == ["carry_in", "income", "total", "basic", "project",
                                              "carry_out"]
        assert [r.name for r in b.rows] == ["合计", "城乡社区支出"]
        assert findings == []

    def test_spending_table_other_columns(self) -> None:
        t, _ = read_one("支出决算表\n单位：万元\n科目编码 科目名称 本年支出合计 基本支出 项目支出 "
                        "上缴上级支出 经营支出 对附属单位补助支出\n合计 6.00 3.00 2.00  1.00\n")
        assert [c.key for c in t.blocks[0].columns] == [
            "total", "basic", "project", "remit_superior", "operating_expenditure",
            "subsidy_affiliated"]
        assert t.blocks[0].rows[0].values == (Decimal("6.00"), Decimal("3.00"),
                                               Decimal("2.00"), None, Decimal("1.00"), None)


class TestUnmarkedBlanks:
    """Text extracted without layout (pdfplumber's or pdfium's plain text) drops blank
    cells: a row with fewer figures than columns does not say which columns they are in."""

    HEADER = ("一般公共预算支出表\n单位：万元\n科目编码 科目名称 合计 基本支出 项目支出\n")
    FULL = "合计 5.00 3.00 2.00\n201 一般公共服务支出 5.00 3.00 2.00\n"
    SHORT = "2010101 行政运行 3.00 3.00\n2010102 一般行政管理事务 2.00 2.00\n"

    def read(self, text: str, blanks: bool) -> Table:
        findings: list[Finding] = []
        return read_table(TableKind.GENERAL_EXPENDITURE, split_lines(text), findings,
                          blanks=blanks)

    def test_full_rows_are_placed(self) -> None:
        t = self.read(self.HEADER + self.FULL, blanks=False)
        assert t.doubts == ()
        assert t.blocks[0].rows[1].values == vals("5.00 3.00 2.00")

    def test_short_rows_are_doubtful(self) -> None:
        t = self.read(self.HEADER + self.FULL + self.SHORT, blanks=False)
        assert [d.reason for d in t.doubts] == ["columns"]
        assert t.doubts[0].lines == (6, 7)
        assert "2 rows" in t.doubts[0].message_en
        # kept as read (figures in the first columns), for the JSON, not for arithmetic
        assert t.blocks[0].rows[2].values == vals("3.00 3.00 -")

    def test_a_unit_line_among_the_rows_is_no_name(self) -> None:
        """A unit line among the rows (the next table's, drawn before its title in the
        PDF's order) ends no row's name, and sets no unit."""
        text = (self.HEADER.replace("单位：万元", "单位：元") + self.FULL
                + "202 外交\n单位：万元\n支出\n")
        t = self.read(text, blanks=False)
        assert [r.name for r in t.blocks[0].rows][-1] == "外交支出"
        assert t.unit is Unit.YUAN

    def test_a_unit_printed_on_the_title_s_line(self) -> None:
        """The unit after the title on its line (一般公共预算支出表（单位：元）) is the
        table's, and the title is found without it."""
        text = self.HEADER.replace("一般公共预算支出表\n单位：万元\n", "一般公共预算支出表（单位：元）\n")
        t, findings = read_one(text + self.FULL)
        assert t.kind is TableKind.GENERAL_EXPENDITURE and t.unit is Unit.YUAN
        assert t.title == "一般公共预算支出表"
        assert not [f for f in findings if f.code == "reading.missing_unit"]

    def test_marked_blanks_place_short_rows(self) -> None:
        t = self.read(self.HEADER + self.FULL + self.SHORT, blanks=True)
        assert t.doubts == ()

    def test_the_document_says_whether_blanks_are_marked(self) -> None:
        """`read_text` asks the whole document (`blanks_marked`): one line with a blank
        cell marked by two spaces is enough."""
        import govbudget

        plain = govbudget.read_text(self.HEADER + self.FULL + self.SHORT)
        assert plain.tables[0].doubts
        # Read left to right, 行政运行 and 一般行政管理事务 would both be 基本支出 (3.00 + 2.00
        # against the class's 3.00): a misreading reported as the report's error.
        found = [f.rule for f in govbudget.check_report(plain).findings]
        assert "reading.doubtful_table" in found
        assert not [r for r in found if r.startswith("table.")]
        marked = govbudget.read_text(
            self.HEADER + self.FULL + "2010101 行政运行 3.00 3.00  \n"
            "2010102 一般行政管理事务 2.00  2.00\n")
        assert marked.tables[0].doubts == ()
        assert marked.tables[0].blocks[0].rows[3].values == vals("2.00 - 2.00")

    def test_names_printed_around_their_codes_are_doubtful(self) -> None:
        """Plain text puts a wrapped name's lines above and below its code line (and a
        one-line name above it): which line belongs to which row cannot be told."""
        text = (self.HEADER + "社会保障和就\n208 5.00 3.00 2.00\n业支出\n行政事业单位\n"
                "20805 5.00 3.00 2.00\n养老支出\n合计 5.00 3.00 2.00\n")
        t = self.read(text, blanks=False)
        assert [d.reason for d in t.doubts] == ["names"]
        assert t.doubts[0].lines == (5, 8)
        # a code line holding one figure more than the columns is a code, not figures of
        # the name above it
        assert [r.code for r in t.blocks[0].rows if r.code] == ["208", "20805"]
        assert self.read(text, blanks=True).doubts == ()

    def test_a_header_with_more_labels_than_recognised(self) -> None:
        """Wrapped labels (一般公共预 | 算) are not found: with more labels printed than
        columns recognised, the columns found cannot be matched one for one."""
        text = ("收入总表\n单位：万元\n单位代\n单位名称 合计 一般公共预 政府性基 财政专户管 事业\n"
                "码\n算 金预算 理资金 收入\n合计 9.00 5.00 4.00\n")
        findings: list[Finding] = []
        t = read_table(TableKind.INCOME, split_lines(text), findings, blanks=False)
        assert [d.reason for d in t.doubts] == ["header", "columns"]
        assert "5 column labels" in t.doubts[0].message_en
        # with blanks marked the header is not counted, but three figures under the two
        # columns found say the same: the figures of every row would be misplaced
        t, findings = read_one(text)
        assert [d.reason for d in t.doubts] == ["columns"]
        assert "reading.unplaced_figure" in [f.rule for f in findings]

    def test_rows_run_together_on_one_line(self) -> None:
        """pdfium's plain text may run rows together: a figure followed by a code and a
        name (or a total and a figure) starts the next row."""
        text = (self.HEADER + "合计 5.00 3.00 2.00 201 一般公共服务支出 5.00 3.00 2.00 "
                "2010101 行政运行 3.00 3.00 0.00\n2010102 一般行政管理事务 2.00 0.00 2.00\n")
        t = self.read(text, blanks=False)
        assert t.doubts == ()
        assert [(r.code, r.values) for r in t.blocks[0].rows] == [
            (None, vals("5.00 3.00 2.00")), ("201", vals("5.00 3.00 2.00")),
            ("2010101", vals("3.00 3.00 0.00")), ("2010102", vals("2.00 0.00 2.00"))]
        assert [r.line for r in t.blocks[0].rows] == [4, 4, 4, 5]

    def test_two_panels_run_together_are_doubtful(self) -> None:
        text = ("一般公共预算财政拨款基本支出决算表\n单位：万元\n"
                "科目编码 科目名称 决算数 科目编码 科目名称 决算数\n"
                "301 工资福利支出 4.00 302 商品和服务支出 1.00\n"
                "30101 基本工资 4.00 30201 办公费 1.00\n")
        findings: list[Finding] = []
        t = read_table(TableKind.BASIC_ECONOMIC, split_lines(text), findings, blanks=False)
        assert [d.reason for d in t.doubts] == ["columns"]
        assert "two panels" in t.doubts[0].message_en

    def test_a_row_on_the_column_number_line(self) -> None:
        """``栏次 1 2 3 合计 …``: the row is read, the column numbers are not a row."""
        text = (self.HEADER + "栏次 1 2 3 合计 5.00 3.00 2.00\n"
                "201 一般公共服务支出 5.00 3.00 2.00\n")
        t = self.read(text, blanks=False)
        assert [(r.name, r.values) for r in t.blocks[0].rows] == [
            ("合计", vals("5.00 3.00 2.00")), ("一般公共服务支出", vals("5.00 3.00 2.00"))]

    def test_a_lone_total_label_is_the_header_s(self) -> None:
        """In text that drops blanks, 合计 alone on a line is a header label (the 合计
        column), not an empty total row starting the body."""
        text = ("一般公共预算支出表\n单位：万元\n科目编码 科目名称\n合计\n基本支出 项目支出\n"
                "201 一般公共服务支出 5.00 3.00 2.00\n")
        t = self.read(text, blanks=False)
        assert [r.name for r in t.blocks[0].rows] == ["一般公共服务支出"]
        assert [c.key for c in t.blocks[0].columns] == ["total", "basic", "project"]

    def test_one_cell_a_line(self) -> None:
        """PyMuPDF's plain text gives one cell a line: a row is its code, its name and its
        figures; a code alone before a name is the next row's, not a figure."""
        text = ("一般公共预算基本支出表\n单位：万元\n科目编码\n科目名称\n合计\n"
                "301\n工资福利支出\n3.00\n30101\n基本工资\n1.00\n30102\n津贴补贴\n2.00\n")
        t = read_table(TableKind.BASIC_ECONOMIC, split_lines(text), [], blanks=False)
        assert [(r.code, r.name, r.values) for r in t.blocks[0].rows] == [
            ("301", "工资福利支出", vals("3.00")), ("30101", "基本工资", vals("1.00")),
            ("30102", "津贴补贴", vals("2.00"))]
        assert t.doubts == ()

    def test_figures_left_in_the_header_are_doubtful(self) -> None:
        """No row read and figures among the header's lines: the rows were not found."""
        text = ("“三公”经费支出预算表\n单位：万元\n合计\n因公出国（境）费\n7.05\n公务接待费\n1.00\n")
        findings: list[Finding] = []
        t = read_table(TableKind.THREE_PUBLIC, split_lines(text), findings, blanks=False)
        assert [d.reason for d in t.doubts] == ["header"]
        assert not t.empty

    def test_one_cell_a_line_whole_amounts_are_no_codes(self) -> None:
        """In a project list in 元 (no codes), or under no class read, a whole amount
        before a name is the row's figure, not the next row's code."""
        text = ("2024年项目支出预算表\n单位：元\n项目名称\n金额\n合计\n80000\n信息化系统运维\n"
                "50000\n办公楼维修\n30000\n")
        t = read_table(TableKind.PROJECTS, split_lines(text), [], blanks=False, one_cell=True)
        # 合计 went to the header, 80000 first in the body: doubtful, not checked
        assert [d.reason for d in t.doubts] == ["header"]
        # a list whose rows start at a project name after figures: read, no codes
        text = text.replace("合计\n80000\n", "合计 80000\n")
        t = read_table(TableKind.PROJECTS, split_lines(text), [], blanks=False, one_cell=True)
        assert t.doubts == ()
        assert [(r.code, r.name, r.values) for r in t.blocks[0].rows] == [
            (None, "合计", vals("80000")), (None, "信息化系统运维", vals("50000")),
            (None, "办公楼维修", vals("30000"))]

    def test_a_row_on_the_column_number_line_keeps_its_blanks(self) -> None:
        text = (self.HEADER + "栏次 1 2 3 合计 100.00  100.00\n"
                "201 一般公共服务支出 100.00  100.00\n")
        t = self.read(text, blanks=True)
        assert t.blocks[0].rows[0].values == vals("100.00 - 100.00")

    def test_panels_cut_apart_out_of_code_order_are_doubtful(self) -> None:
        """Two panels whose header words differ from 科目名称 (经济分类代码 | 项目 | 金额 ×2):
        the rows cut apart come out of code order (301, 302, 30101 …)."""
        text = ("一般公共预算基本支出预算表\n单位：万元\n经济分类代码 项目 金额 经济分类代码 项目 金额\n"
                "合计 400.00\n301 工资福利支出 300.00 302 商品和服务支出 80.00\n"
                "30101 基本工资 200.00 30201 办公费 50.00\n"
                "30102 津贴补贴 100.00 30211 差旅费 30.00\n")
        findings: list[Finding] = []
        t = read_table(TableKind.BASIC_ECONOMIC, split_lines(text), findings, blanks=False)
        assert "columns" in [d.reason for d in t.doubts]
        assert any("two panels" in d.message_en for d in t.doubts)

    def test_rows_cut_apart_in_one_table_s_class_order_are_read(self) -> None:
        """One table whose rows run together and whose classes are not in code order (人员
        经费 301, 303 before 公用经费 302): cut apart, read, no panel doubt."""
        text = ("一般公共预算基本支出预算表\n单位：万元\n经济分类代码 项目 金额\n"
                "合计 400.00 301 工资福利支出 300.00\n30101 基本工资 300.00\n"
                "303 对个人和家庭的补助 20.00 30302 退休费 20.00\n"
                "302 商品和服务支出 80.00\n30201 办公费 80.00\n")
        t = read_table(TableKind.BASIC_ECONOMIC, split_lines(text), [], blanks=False)
        assert t.doubts == ()
        assert [r.code for r in t.blocks[0].rows] == [
            None, "301", "30101", "303", "30302", "302", "30201"]

    def test_a_whole_amount_before_a_figure_is_no_code_of_the_panel_order(self) -> None:
        """In 元, a wrapped row's figures (``30000 30000``) start a line: no code, so no
        panel doubt from it."""
        text = ("一般公共预算基本支出预算表\n单位：元\n经济分类代码 项目 合计 人员经费\n"
                "合计 60000 60000 302 商品和服务支出 60000 60000\n30201 办公费\n"
                "30000 30000\n30202 印刷费 30000 30000\n")
        t = read_table(TableKind.BASIC_ECONOMIC, split_lines(text), [], blanks=False)
        assert "two panels" not in " ".join(d.message_en for d in t.doubts)

    def test_a_name_wrapped_around_its_figures(self) -> None:
        """``一般行政管理事务（本单位`` / figures / ``专项）``: the bracket's close ends the name
        (the sample's style, blanks marked)."""
        text = (self.HEADER + "合计 3.00 3.00  \n2010102 一般行政管理事务（本单位\n"
                "3.00 3.00  \n专项）\n")
        t = self.read(text, blanks=True)
        assert [r.name for r in t.blocks[0].rows] == ["合计", "一般行政管理事务（本单位专项）"]


class TestNamesCutBySpaces:
    """Text in the sample's style (cells one space apart) whose names a PDF's letter
    spacing cut: ``201 一般公 共服务支出 2048.87 …``."""

    TEXT = """预算公开表3
2024年预算支出总表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
合计 30.00 20.00 10.00
201 一般公 共服务支出 30.00 20.00 10.00
20101 人大事务 30.00 20.00 10.00
"""

    def test_a_coded_name_cut_by_one_space_is_one_name(self) -> None:
        t, findings = read_one(self.TEXT)
        assert findings == [] and not t.doubts
        assert [(r.code, r.name, r.values) for r in t.block().rows][1] == (
            "201", "一般公共服务支出", vals("30.00 20.00 10.00"))

    def test_a_name_piece_among_the_figures_is_a_doubt(self) -> None:
        """Cut by two spaces (a blank cell in this style), the piece stands among the
        figures: which figure is in which column cannot be told."""
        t, _ = read_one(self.TEXT.replace("一般公 共服务支出", "一般公  共服务支出"))
        assert ("names", (6,)) in [(d.reason, d.lines) for d in t.doubts]

    def test_a_text_column_after_the_name_is_not_the_name_s(self) -> None:
        """A second name column (项目名称 beside 科目名称, 政府经济分类名称 beside 部门经济分类名称)
        is no piece of the name: nothing is glued (a review's counterexamples)."""
        text = """预算公开表12
2024年项目支出预算表
单位：万元
科目编码 科目名称 项目名称 合计 一般公共预算
合计 30.00 30.00
2010102 一般行政管理事务 档案数字化 20.00 20.00
2010102 一般行政管理事务 人大专项业务经费 10.00 10.00
"""
        tables, _ = read_tables(text)
        assert all(r.name != "一般行政管理事务档案数字化" for t in tables for r in t.block().rows)
        assert not check_report(Report(tables=tuple(tables))).errors
        economic = """预算公开表7
2024年一般公共预算基本支出表
单位：万元
部门经济分类编码 部门经济分类名称 政府经济分类名称 合计 人员经费 公用经费
合计 30.00 20.00 10.00
301 工资福利支出 机关工资福利支出 20.00 20.00
30101 基本工资 工资奖金津补贴 20.00 20.00
302 商品和服务支出 机关商品和服务支出 10.00  10.00
30201 办公费 办公经费 10.00  10.00
"""
        tables, _ = read_tables(economic)
        assert [r.name for r in tables[0].block().rows if r.code == "30101"] == ["基本工资"]
        assert not check_report(Report(tables=tuple(tables))).errors


class TestCodesInTheirNamesCells:
    def test_glued_bracketed_and_dashed_codes(self) -> None:
        for form in ("{c}{n}", "[{c}]{n}", "{c}-{n}"):
            text = "\n".join([
                "预算公开表3", "2024年预算支出总表", "单位：万元", "科目编码 科目名称 合计 基本支出 项目支出",
                "合计 30.00 20.00 10.00", form.format(c="201", n="一般公共服务支出") + " 30.00 20.00 10.00",
                form.format(c="20101", n="人大事务") + " 30.00 20.00 10.00", ""])
            t, findings = read_one(text)
            assert [(r.code, r.name) for r in t.block().rows] == [
                (None, "合计"), ("201", "一般公共服务支出"), ("20101", "人大事务")], form
            assert findings == [] and not t.doubts

    def test_a_doubled_glued_code_is_de_doubled_first(self) -> None:
        """Bold text drawn twice (``201一般公共服务支出201一般公共服务支出``): one code, one name."""
        t, _ = read_one("""预算公开表3
2024年预算支出总表
单位：万元
科目编码 科目名称 合计 基本支出 项目支出
合计合计 30.0030.00 20.0020.00 10.0010.00
201一般公共服务支出201一般公共服务支出 30.0030.00 20.0020.00 10.0010.00
20101人大事务 30.00 20.00 10.00
""")
        assert [(r.code, r.name) for r in t.block().rows][1] == ("201", "一般公共服务支出")

    @pytest.mark.parametrize("name", ["110指挥中心运维", "12345热线升级", "302室装修改造",
                                      "208国道养护", "2024年档案数字化"])
    def test_a_project_s_name_starting_with_digits_is_its_name(self, name: str) -> None:
        """A project list's names may start with digits (a catalogue 类 too: 302, 208): no
        code is split off them."""
        t, _ = read_one(f"""预算公开表12
2024年项目支出预算表
单位：万元
项目名称 合计 一般公共预算
　某某单位 30.00 30.00
　　人大专项业务经费 5.00 5.00
　　{name} 15.00 15.00
　　档案数字化 10.00 10.00
""")
        assert name in [r.name for r in t.block().rows]
        assert all(r.code is None for r in t.block().rows)
