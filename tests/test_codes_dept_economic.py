"""Tests for govbudget.codes.dept_economic."""

from __future__ import annotations

import pytest

from govbudget import InvalidCode
from govbudget.codes import CodeInfo, NameStatus, dept_economic


def test_three_gong_items() -> None:
    """The 三公-related items are known with their official names."""
    assert dept_economic.name_of("30217") == "公务接待费"
    assert dept_economic.name_of("30231") == "公务用车运行维护费"
    assert dept_economic.name_of("31013") == "公务用车购置"
    assert dept_economic.name_of("30212") == "因公出国（境）费用"


def test_names_in_sample_table_six() -> None:
    """Every departmental item named in the sample's table 6 can be found by name."""
    names = ["工资福利支出", "基本工资", "津贴补贴", "奖金", "绩效工资", "机关事业单位基本养老保险缴费",
             "职工基本医疗保险缴费", "公务员医疗补助缴费", "其他社会保障缴费", "住房公积金",
             "其他工资福利支出", "商品和服务支出", "办公费", "差旅费", "公务接待费", "工会经费",
             "福利费", "其他交通费用", "其他商品和服务支出", "对个人和家庭的补助", "离休费",
             "退休费", "奖励金", "其他对个人和家庭的补助"]
    for n in names:
        assert dept_economic.lookup_name(n), n


def test_structure() -> None:
    """Two levels: 3 and 5 digits starting with 3."""
    assert dept_economic.level("302") == 1 and dept_economic.level("30217") == 2
    assert not dept_economic.is_valid("3021701")
    assert not dept_economic.is_valid("50101")
    assert dept_economic.is_other("30299")


def test_half_width_brackets_match() -> None:
    """维修(护)费 as printed with half-width brackets matches the catalogue."""
    assert dept_economic.check_name("30213", "维修(护)费").ok


# The 13 names one 2024 report prints in its basic-spending table against every other
# source of that year (shared SOURCES.md, "Conflicts"): kept, flagged, never the answer.
PTFLFY = {"30108": "机关事业单位基本养老保险费", "30202": "咨询费", "30203": "水费",
          "30204": "电费", "30205": "邮电费", "30206": "办公设备购置费", "30207": "工会经费",
          "30208": "福利费", "30211": "事业单位离退休人员福利费",
          "30212": "机关事业单位退休人员活动费", "30213": "其他商品和服务支出",
          "303": "离退休人员经费", "30301": "退休费"}


def _flagged() -> dict[str, CodeInfo]:
    out = {}
    for info in dept_economic.codes():
        entries = dept_economic.entries(info.code)
        assert entries[0] == info  # the answer comes first, flagged names last
        for cand in entries:
            if cand.conflict is not None:
                out[cand.code] = cand
                assert cand is not entries[0]
    return out


def test_conflicting_rows_are_flagged_not_dropped() -> None:
    """Exactly the conflicts SOURCES.md lists are flagged: low confidence, the one report
    as scope, the other sources' name in the reason."""
    flagged = _flagged()
    assert {c: i.name for c, i in flagged.items()} == PTFLFY
    for code, info in flagged.items():
        assert info.confidence == "low" and info.scope == "shanghai-ptflfy-2024-budget"
        assert info.conflict and f"for {code}" in info.conflict
        assert f"“{dept_economic.name_of(code, year=2024)}”" in info.conflict
        assert "shanghai-ptflfy-2024-budget line" in info.source


def test_conflicting_name_never_answers() -> None:
    """info(), lookup_name() and check_name() use the agreed name; a printed flagged name
    is WRONG_NAME with the flagged entry attached."""
    assert dept_economic.name_of("30202", year=2024) == "印刷费"
    assert [i.code for i in dept_economic.lookup_name("水费")] == ["30205"]
    r = dept_economic.check_name("30202", "咨询费", year=2024)
    assert r.status is NameStatus.WRONG_NAME and r.expected == "印刷费"
    assert [i.scope for i in r.conflicting] == ["shanghai-ptflfy-2024-budget"]
    assert dept_economic.check_name("30202", "随便", year=2024).conflicting == ()
    assert dept_economic.check_name("30210", "车辆运行费", year=2024).ok  # conflicts with nothing


def test_pair_only_a_conflicting_report_prints_is_unconfirmed() -> None:
    """30210 车辆运行费 is printed only by the report whose 302 numbering conflicts: kept,
    low confidence, with a note (it contradicts nothing, so it is not flagged)."""
    i = dept_economic.info("30210")
    assert i.name == "车辆运行费" and i.conflict is None
    assert i.confidence == "low" and i.note and "not confirmed" in i.note


def test_attested_classes() -> None:
    """307, 311, 312, 313 and 399 are printed in real reports (Fuzhou and others)."""
    for code, name in (("307", "债务利息及费用支出"), ("31204", "费用补贴"),
                       ("313", "对社会保障基金补助"), ("39907", "国家赔偿费用支出")):
        assert dept_economic.name_of(code) == name
        assert "attested_real.csv" in dept_economic.info(code).source


def test_one_digit_kuan() -> None:
    """Shanghai prints the 款 02 as 2 (301 2 津贴补贴): read as 30102."""
    assert dept_economic.compact("301 2") == "30102"
    assert dept_economic.check_name("301 2", "津贴补贴", year=2024).ok
    assert dept_economic.compact("30 12") == "3012" and not dept_economic.is_valid("30 12")


def test_local_sub_items() -> None:
    """Beijing's 7-digit sub-items are local items under a national 款, not national codes."""
    i = dept_economic.local_item("302 15 03")
    assert i is not None and i.name == "三类会议费" and i.parent == "30215"
    assert i.level_name == "地方细化" and i.scope and "北京" in i.scope
    assert dept_economic.is_local("3021101") and not dept_economic.is_valid("3021101")
    assert dept_economic.national_code("3021101") == "30211"
    assert dept_economic.national_code("30211") == "30211"
    assert dept_economic.local_item("3021199") is None and dept_economic.local_item("30211") is None
    assert not dept_economic.is_local("4021101") and not dept_economic.is_local("302110")
    with pytest.raises(InvalidCode):
        dept_economic.national_code("30")
