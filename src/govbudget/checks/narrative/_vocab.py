"""The names the narrative rules compare by: the subjects of `SUBJECTS` and the table rows
and columns they stand for.
"""

from __future__ import annotations

from typing import Final

from ..._pattern_cache import compile_pattern
from ..._subjects import SUBJECTS

# ---------------------------------------------------------------------------
# Vocabulary (the names of :data:`SUBJECTS`)
# ---------------------------------------------------------------------------


_T_INCOME: Final = "预算收入总计"
_T_SPEND: Final = "预算支出总计"
_CUR_INCOME: Final = "本年收入"
_CUR_SPEND: Final = "本年支出"
_CARRY: Final = "上年结转"
_G_TOTAL: Final = "财政拨款收支总计"
_G_INCOME: Final = "财政拨款收入"
_G_SPEND: Final = "财政拨款支出"
_TOTALS: Final = (_T_INCOME, _T_SPEND, _CUR_INCOME, _CUR_SPEND, _CARRY, _G_TOTAL, _G_INCOME,
                  _G_SPEND)

# subject → (row names in the summary / grant summary, column key of the income table)
_SOURCES: Final[dict[str, tuple[tuple[str, ...], str]]] = {
    "一般公共预算拨款收入": (("一般公共预算", "一般公共预算拨款", "一般公共预算拨款收入",
                              "一般公共预算财政拨款", "一般公共预算财政拨款收入"),
                             "general_budget"),
    "政府性基金预算拨款收入": (("政府性基金预算", "政府性基金预算拨款", "政府性基金预算拨款收入",
                                "政府性基金预算财政拨款", "政府性基金预算财政拨款收入"),
                               "fund_budget"),
    "国有资本经营预算拨款收入": (("国有资本经营预算", "国有资本经营预算拨款",
                                  "国有资本经营预算拨款收入", "国有资本经营预算财政拨款",
                                  "国有资本经营预算财政拨款收入"), "state_capital"),
    "财政专户管理资金收入": (("财政专户管理资金", "财政专户管理资金收入"), "special_account"),
    "单位资金": (("单位资金", "单位资金收入"), "unit_funds"),
    "事业收入": (("事业收入",), "business_income"),
    "事业单位经营收入": (("事业单位经营收入", "经营收入"), "operating_income"),
    "上级补助收入": (("上级补助收入",), "superior_subsidy"),
    "附属单位上缴收入": (("附属单位上缴收入",), "affiliated"),
    "其他收入": (("其他收入",), "other_income"),
}
_GRANT_SOURCES: Final = ("一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入")

_BASIC: Final = "基本支出"
_PROJECT: Final = "项目支出"
_PERSONNEL: Final = "人员经费"
_PUBLIC: Final = "公用经费"
_GENERAL: Final = "一般公共预算支出"
_FUND: Final = "政府性基金预算支出"
_SPENDING: Final = (_BASIC, _PROJECT, _PERSONNEL, _PUBLIC, _GENERAL, _FUND)

_THREE: Final = {"三公经费": "total", "因公出国（境）费": "abroad", "公务接待费": "reception",
                 "公务用车购置及运行维护费": "vehicles", "公务用车购置费": "vehicle_purchase",
                 "公务用车运行维护费": "vehicle_operation"}
_OPERATING: Final = "机关运行经费"
_PROCUREMENT: Final = {"政府采购预算总额": "total", "政府采购货物预算": "goods",
                       "政府采购工程预算": "works", "政府采购服务预算": "services"}
_MANAGED: Final = "纳入绩效目标管理的二级项目"
_PUBLISHED: Final = "公开项目绩效目标"
_VEHICLES: Final = "公务用车"
_BOUGHT: Final = "购置公务用车"
_THREE_WORDS: Final = compile_pattern("因公出国|公务接待|公务用车|三公")
_NAMED: Final = frozenset({name for name, _ in SUBJECTS} | {_VEHICLES, _BOUGHT})

_CARRY_NAMES: Final = ("上年结转", "上年财政拨款结转", "年初结转和结余", "上年结转结余",
                       "年初财政拨款结转和结余", "上年结余")
_THRESHOLD: Final = compile_pattern(r"(\d+(?:\.\d+)?)\s*(亿元|万元|元)")






