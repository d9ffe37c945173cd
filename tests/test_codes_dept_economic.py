"""Tests for govbudget.codes.dept_economic."""

from __future__ import annotations

from govbudget.codes import dept_economic


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
