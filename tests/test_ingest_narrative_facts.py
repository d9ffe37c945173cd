"""Tests for govbudget._ingest._narrative_facts: the facts read from a section's stream (lists, numbered items, measures)."""

from __future__ import annotations

from decimal import Decimal

from govbudget import (
    Change,
    FactKind,
)

from .narrative_reading_helpers import (
    FINAL_ITEMS,
    SHANGHAI_ITEMS,
    D,
    one,
    read,
    rules,
)


class TestRespectively:
    """"A、B分别为X、Y": each figure belongs to the name in the same place of the list."""

    HEAD = "一、关于2024年收支预算情况的说明\n"

    def test_amounts_pair_in_order(self) -> None:
        n, _, _, found = read(self.HEAD + "收入包括：一般公共预算拨款收入、政府性基金预算拨款收入"
                                 "分别为100.00万元、20.00万元。\n")
        assert one(n, "一般公共预算拨款收入", FactKind.AMOUNT).value == Decimal("100.00")
        assert one(n, "政府性基金预算拨款收入", FactKind.AMOUNT).value == Decimal("20.00")
        assert rules(found) == []

    def test_shares_after_a_list_take_its_names(self) -> None:
        n, *_ = read(self.HEAD + "基本支出和项目支出分别为300.50万元和120.00万元，"
                     "分别占60.00%、40.00%。\n")
        assert one(n, "基本支出", FactKind.AMOUNT).value == Decimal("300.50")
        assert one(n, "项目支出", FactKind.AMOUNT).value == Decimal("120.00")
        assert one(n, "基本支出", FactKind.SHARE).value == Decimal("60.00")
        assert one(n, "项目支出", FactKind.SHARE).value == Decimal("40.00")

    def test_names_containing_he_are_cut_at_catalogue_names(self) -> None:
        """商品和服务支出 contains 和: the list is cut where every part is a known name."""
        n, *_ = read(self.HEAD + "工资福利支出和商品和服务支出分别为80.00万元、20.00万元。\n")
        assert one(n, "工资福利支出", FactKind.AMOUNT).value == Decimal("80.00")
        assert one(n, "商品和服务支出", FactKind.AMOUNT).value == Decimal("20.00")

    def test_a_list_that_does_not_pair_is_reported_not_guessed(self) -> None:
        """Three names and two figures: no figure is given to a name; each is a reading
        finding."""
        n, _, _, found = read(self.HEAD + "基本支出、项目支出、其他支出分别为1.00万元、2.00万元。\n")
        assert not n.facts
        assert rules(found) == ["reading.unplaced_figure"] * 2

    def test_changes_listed_take_each_its_own_verb(self) -> None:
        """"，分别比上年增加10.00万元、减少5.00万元": the list just stated, each change with
        the verb before it."""
        n, *_ = read(self.HEAD + "基本支出、项目支出分别为300.50万元、120.00万元，"
                     "分别比上年增加10.00万元、减少5.00万元。\n")
        up = one(n, "基本支出", FactKind.CHANGE_AMOUNT)
        down = one(n, "项目支出", FactKind.CHANGE_AMOUNT)
        assert (up.value, up.direction) == (Decimal("10.00"), Change.INCREASE)
        assert (down.value, down.direction) == (Decimal("5.00"), Change.DECREASE)

    def test_percent_changes_listed_keep_the_year_compared(self) -> None:
        n, *_ = read(self.HEAD + "基本支出、项目支出分别为300.50万元、120.00万元，"
                     "分别比2023年增长3.50%、2.00%。\n")
        a = one(n, "基本支出", FactKind.CHANGE_PERCENT)
        b = one(n, "项目支出", FactKind.CHANGE_PERCENT)
        assert (a.value, a.compared_to, b.value, b.compared_to) == (
            Decimal("3.50"), 2023, Decimal("2.00"), 2023)


class TestNumberedItems:
    def test_shanghai_item_figures_are_the_items(self) -> None:
        """Each figure of a “…（类）…（款）…（项）” item belongs to the item: the amount (this
        year), last year's 执行数 (measure and year), the restated 预算安排, and the rate
        against the 执行数 (its measure names the base)."""
        n, *_ = read(SHANGHAI_ITEMS)
        item = [f for f in n.facts if f.subject == "专项普查活动"]
        assert [(f.kind, f.value, f.measure, f.year) for f in item] == [
            (FactKind.AMOUNT, D("25.77"), None, None),
            (FactKind.AMOUNT, D("60.13"), "执行数", 2023),
            (FactKind.AMOUNT, D("25.77"), None, 2024),
            (FactKind.CHANGE_PERCENT, D("57.14"), "执行数", None),
        ]
        assert {f.qualifier for f in item} == {"一般公共服务支出（类）统计信息事务（款）"}
        assert item[-1].direction is Change.DECREASE and item[-1].compared_to == 2023

    def test_same_as_the_stated_base(self) -> None:
        """比2023年预算执行数持平 is a change of 0 against the 执行数, of the second item."""
        n, *_ = read(SHANGHAI_ITEMS)
        same = one(n, "科普活动", FactKind.CHANGE_AMOUNT)
        assert (same.direction, same.value, same.measure) == (Change.SAME, 0, "执行数")

    def test_final_account_measures_and_completion(self) -> None:
        """年初预算为A，支出决算为B，完成年初预算的X%: A is the budget, B the outturn, X a
        completion rate, of the subject named before (or of the item's path)."""
        n, *_ = read(FINAL_ITEMS)
        grant = [(f.kind, f.value, f.measure) for f in n.facts if f.subject == "一般公共预算支出"]
        assert grant == [(FactKind.AMOUNT, D("10210.34"), "预算"),
                         (FactKind.AMOUNT, D("9746.50"), "决算"),
                         (FactKind.EXECUTION, D("95.45"), None)]
        item = [(f.kind, f.value, f.measure, f.qualifier) for f in n.facts
                if f.subject == "行政单位离退休"]
        assert item == [
            (FactKind.AMOUNT, D("54.53"), "预算", "社会保障和就业支出（类）行政事业单位养老支出（款）"),
            (FactKind.AMOUNT, D("54.53"), "决算", "社会保障和就业支出（类）行政事业单位养老支出（款）"),
            (FactKind.EXECUTION, D("100"), None, "社会保障和就业支出（类）行政事业单位养老支出（款）"),
        ]

    def test_budget_before_outturn_in_one_sentence(self) -> None:
        """…支出预算为76.43万元，…支出决算为46.21万元: the first is the budget."""
        n, *_ = read(FINAL_ITEMS)
        three = [(f.value, f.measure) for f in n.facts if f.subject == "三公经费"
                 and f.kind is FactKind.AMOUNT]
        assert three == [(D("76.43"), "预算"), (D("46.21"), "决算")]

    def test_numbered_item_heading_names_the_subject(self) -> None:
        """1.某项目综述：…全年预算数为A万元，执行数为B万元: both are the item's."""
        n, *_ = read("一、绩效情况\n  1.信访研究项目综述：项目自评得分为94.7分。全年预算数为"
                     "536.20万元，执行数为413.57万元，完成预算的77.1%。\n  2.资产运行项目综述："
                     "全年预算数为120.00万元，执行数为120.00万元。\n")
        got = [(f.subject, f.value, f.measure) for f in n.facts if f.kind is FactKind.AMOUNT]
        assert got == [("信访研究项目综述", D("536.20"), "预算"),
                       ("信访研究项目综述", D("413.57"), "执行数"),
                       ("资产运行项目综述", D("120.00"), "预算"),
                       ("资产运行项目综述", D("120.00"), "执行数")]

    def test_coded_item(self) -> None:
        """（一）2080201-行政运行993.77万元: the name, with its printed code."""
        n, *_ = read("二、支出情况\n（一）2080201-行政运行993.77万元，主要用于…。\n")
        f = one(n, "行政运行", FactKind.AMOUNT)
        assert (f.qualifier, f.value) == ("2080201", D("993.77"))

    def test_class_spending_and_path_spending(self) -> None:
        """一般公共服务（类）支出 is the class; 检察（款）一般行政管理事务(项)支出 the path."""
        n, *_ = read("一、支出\n  1.一般公共服务（类）支出10685.56万元。\n"
                     "  2.检察（款）一般行政管理事务(项)支出2354.4万元。\n")
        assert one(n, "一般公共服务支出", FactKind.AMOUNT).qualifier is None
        assert one(n, "一般行政管理事务", FactKind.AMOUNT).qualifier == "检察（款）"


def test_last_years_measure_is_marked() -> None:
    """上年预算数为X万元 is last year's budget (measure 上年预算), not this year's figure."""
    n, *_ = read("一、支出\n  基本支出预算数为120.00万元，上年预算数为100.00万元。\n")
    assert [(f.subject, f.value, f.measure) for f in n.facts] == [
        ("基本支出", D("120.00"), "预算"), ("基本支出", D("100.00"), "上年预算")]


def test_a_change_of_one_item_is_not_the_previous_items() -> None:
    """1. … 支出100.00万元。 / 2. … 比上年增加5.00%。: the rate of item 2, which names no
    figure of its own, is not item 1's (reported, not tied)."""
    n, _, _, found = read("一、支出\n  1. 教育支出100.00万元。\n  2. 比上年增加5.00%。\n")
    assert [(f.subject, f.kind) for f in n.facts] == [("教育支出", FactKind.AMOUNT)]
    assert rules(found) == ["reading.unplaced_figure"]



def test_a_stated_base_belongs_to_the_subject_compared() -> None:
    """"A X万元，比2025年预算收入执行数Y万元增加Z": Y is A's base (its measure and year),
    even when generic words (预算收入) name the measure, and the change is A's, not the
    total's before 其中 (a base is no listed part)."""
    n, *_ = read("一、收入\n  2026年收入预算500.00万元，其中：一般公共预算收入100.00万元，"
                 "比2025年预算收入执行数90.00万元增加10.00万元，增长11.11%。\n")
    got = [(f.subject, f.kind, f.value, f.measure, f.year) for f in n.facts]
    assert got[1:] == [
        ("一般公共预算拨款收入", FactKind.AMOUNT, D("100.00"), None, None),
        ("一般公共预算拨款收入", FactKind.AMOUNT, D("90.00"), "执行数", 2025),
        ("一般公共预算拨款收入", FactKind.CHANGE_AMOUNT, D("10.00"), None, None),
        ("一般公共预算拨款收入", FactKind.CHANGE_PERCENT, D("11.11"), None, None),
    ]


def test_a_base_after_a_comparison_without_a_measure_word() -> None:
    """"A为X万元，比上年预算Y万元，减少Z万元，下降30%": Y is A's base (last year's budget),
    not a new subject named 比上年预算, and the change and rate are A's."""
    n, *_ = read("四、委托业务费情况\n  2026年本部门委托业务费财政拨款预算为2,042.55万元，比上年预算"
                 "2,920.59万元，减少878.04万元，下降30%。\n")
    got = [(f.kind, f.value, f.measure) for f in n.facts]
    assert got == [(FactKind.AMOUNT, D("2042.55"), None), (FactKind.AMOUNT, D("2920.59"), "上年预算"),
                   (FactKind.CHANGE_AMOUNT, D("878.04"), None),
                   (FactKind.CHANGE_PERCENT, D("30"), None)]
    assert len({f.subject for f in n.facts}) == 1


def test_an_aside_in_brackets_does_not_take_the_subject() -> None:
    """"甲0万元（乙0万元，比上年减少70万元；丙0万元，比上年减少318.88万元。）比上年减少388.88万元":
    the sentence ends inside the brackets are not sentence ends, and after the closing
    bracket the change is 甲's, not the last part's."""
    n, *_ = read("三、“三公”经费\n  公务用车购置及运行维护费0万元（公务用车购置费0万元，比上年减少70万元；"
                 "公务用车运行维护费0万元，比上年减少318.88万元。）比上年减少388.88万元，下降100%。\n")
    changes = [(f.subject, f.value) for f in n.facts if f.kind is FactKind.CHANGE_AMOUNT]
    assert changes == [("公务用车购置费", D("70")), ("公务用车运行维护费", D("318.88")),
                       ("公务用车购置及运行维护费", D("388.88"))]


def test_items_of_a_group_of_the_years_money_are_the_years() -> None:
    """（一）本年财政拨款收入…, then 1.一般公共预算拨款收入X万元: the item is the year's (当年),
    not the whole budget's 一般公共预算拨款收入 stated before (which holds the carry-over);
    the next group （三）上年结转结余 is not."""
    n, *_ = read("二、收入预算情况说明\n  收入预算120.00万元，其中：一般公共预算拨款收入110.00万元。\n"
                 "  （一）本年财政拨款收入100.00万元\n  1.一般公共预算拨款收入100.00万元。\n"
                 "  （二）上年结转结余20.00万元\n  2.一般公共预算拨款收入10.00万元。\n")
    got = [(f.subject, f.qualifier, f.value) for f in n.facts
           if f.subject == "一般公共预算拨款收入"]
    assert got == [("一般公共预算拨款收入", None, D("110.00")),
                   ("一般公共预算拨款收入", "当年", D("100.00")),
                   ("一般公共预算拨款收入", None, D("10.00"))]


def test_a_units_part_of_the_vehicles_to_buy() -> None:
    """"计划购置公务用车3辆，某局本级更新公务车辆1辆，某仲裁院更新公务车辆1辆…": each unit's
    vehicles are a part of the 3 (qualified by the unit), not the total stated again."""
    n, *_ = read("二、“三公”经费\n  2026年计划购置公务用车3辆，深圳市某局本级更新公务车辆1辆，"
                 "深圳市某仲裁院更新公务车辆1辆，深圳市某管理局南山分局计划更新应急保障用车1辆。\n")
    got = [(f.qualifier, f.value) for f in n.facts if f.unit == "辆"]
    assert got == [("合计", D("3")), ("深圳市某局本级", D("1")), ("深圳市某仲裁院", D("1")),
                   ("深圳市某管理局南山分局", D("1"))]


def test_a_new_group_does_not_take_the_previous_groups_subject() -> None:
    """"（二）政府采购情况。…政府采购服务预算4,432.69万元。（三）绩效目标设置情况。…涉及一般公共预算
    财政拨款9,399.23万元": the 9,399.23 is not a figure of 政府采购服务预算."""
    n, *_ = read("五、其他重要事项的情况说明\n  （二）政府采购情况。政府采购预算总额4,542.69万元，其中：政府采购服务预算"
                 "4,432.69万元。\n  （三）绩效目标设置情况。2026年项目支出均实行了绩效目标管理，涉及一般公共预算"
                 "财政拨款9,399.23万元。\n")
    assert [f.value for f in n.facts if f.subject == "政府采购服务预算"] == [D("4432.69")]


def test_an_unchanged_statement_in_its_own_words_is_not_the_previous_subjects() -> None:
    """"项目支出…比2025年增加2,419.80万元。本部门2026年未使用政府性基金预算拨款安排的支出，与2025年
    持平。": the 持平 names no known subject and is not 项目支出's (reported, not tied)."""
    n, _, _, found = read("三、财政拨款情况说明\n  项目支出9,399.23万元，比2025年增加2,419.80万元。\n"
                          "  本部门2026年未使用政府性基金预算拨款安排的支出，与2025年持平。\n")
    assert [(f.subject, f.kind, f.value) for f in n.facts if f.subject == "项目支出"] == [
        ("项目支出", FactKind.AMOUNT, D("9399.23")),
        ("项目支出", FactKind.CHANGE_AMOUNT, D("2419.80"))]
    assert rules(found) == ["reading.unplaced_figure"]


class TestEconomicClassesAndUnknownAmounts:
    """Economic classes printed with their code, and what follows an amount that cannot be
    tied to anything."""

    HEAD = "三、一般公共预算支出情况\n  本部门当年一般公共预算支出227123.37万元，其中：\n"

    def test_a_class_with_its_code_in_brackets_is_read_with_the_code(self) -> None:
        """"工资福利支出（301）9963.32万元，较上年减少1047.93万元": the class and its change,
        with the printed code as qualifier (not the total's change)."""
        n, *_ = read(self.HEAD + "  工资福利支出（301）9963.32万元，较上年减少1047.93万元，原因是人员变动；\n"
                                 "  行政运行（2060101）支出1187.60万元，比上年减少117.05万元。\n")
        got = [(f.subject, f.qualifier, f.kind, f.value) for f in n.facts]
        assert got == [
            ("一般公共预算支出", None, FactKind.AMOUNT, D("227123.37")),
            ("工资福利支出", "301", FactKind.AMOUNT, D("9963.32")),
            ("工资福利支出", "301", FactKind.CHANGE_AMOUNT, D("1047.93")),
            ("行政运行", "2060101", FactKind.AMOUNT, D("1187.60")),
            ("行政运行", "2060101", FactKind.CHANGE_AMOUNT, D("117.05"))]

    def test_a_change_after_an_unplaced_amount_is_not_the_totals(self) -> None:
        """"某某类支出（3x1）9963.32万元，较上年减少1047.93万元": the amount names nothing the
        reader knows; its change is reported as unplaced, not taken as the total's."""
        n, _, _, found = read(self.HEAD + "  某某类支出（3x1）9963.32万元，较上年减少1047.93万元；\n")
        assert [f.value for f in n.facts] == [D("227123.37")]
        assert rules(found) == ["reading.unplaced_figure"] * 2

    def test_a_change_after_an_unreadable_amount_is_not_the_previous_subjects(self) -> None:
        n, _, _, found = read("三、支出情况\n  （2）民政管理事务（20802）3,386.08万元，较上年减少24,662.49万元。"
                              "具体为：人员经费1,541.50.00万元，较上年增加493.27万元。\n")
        changes = [f.value for f in n.facts if f.kind is FactKind.CHANGE_AMOUNT]
        assert changes == [D("24662.49")]
        assert "reading.unplaced_figure" in rules(found)


class TestReasonsAndParts:
    """Figures given as the reasons of a change, under a numbered label, or of one of the
    department's units are recorded as such (`About.within`, `About.unit`)."""

    def test_the_reasons_of_a_change_are_within_it(self) -> None:
        """"比2021年增加33030.59万元。主要原因是：人员经费减少337.26万元…" and "（2）行政运行…
        原因是局机关人员经费减少139.51万元；公用经费…增加22.46万元。": each reason is within
        the change it explains (the reasons go on after ；), the stated changes are not."""
        n, *_ = read("一、收支预算总体情况\n  本部门一般公共预算支出93664.78万元，比2021年增加33030.59"
                     "万元。主要原因是：人员经费减少337.26万元，公用经费增加36.31万元。\n"
                     "  （2）行政运行（2060101）支出1187.60万元，比上年减少117.05万元，原因是局机关"
                     "人员经费减少139.51万元；公用经费增加22.46万元。\n"
                     "  （3）培训支出（2050803）支出5.40万元，比上年减少4.60万元；人员经费减少9.10万元。\n")
        got = [(f.subject, f.value, f.about.within) for f in n.facts
               if f.kind is FactKind.CHANGE_AMOUNT]
        assert got == [("一般公共预算支出", D("33030.59"), None),
                       ("人员经费", D("337.26"), "一般公共预算支出"),
                       ("公用经费", D("36.31"), "一般公共预算支出"),
                       ("行政运行", D("117.05"), None),
                       ("人员经费", D("139.51"), "行政运行（2060101）"),
                       ("公用经费", D("22.46"), "行政运行（2060101）"),
                       ("培训支出", D("4.60"), None),
                       ("人员经费", D("9.10"), None)]

    def test_a_reasons_passage_that_names_no_change(self) -> None:
        """"3.收支预算减少的主要原因，一是…；二是…；三是市某中心…基本支出增加24.86万元": a
        numbered passage of reasons; its figures are reasons (of a change it does not name),
        not the department's 基本支出 change."""
        n, *_ = read("一、收支预算总体情况\n  2.支出预算减少13,469.96万元，其中基本支出增加116.16万元，"
                     "项目支出减少13,586.12万元。\n  3.收支预算减少的主要原因，一是市某局调整项目；"
                     "二是市某中心减少3430万元，同时增加三名工作人员，基本支出增加24.86万元。\n")
        basic = [(f.value, f.about.within) for f in n.facts if f.subject == "基本支出"]
        assert basic == [(D("116.16"), None), (D("24.86"), "")]

    def test_a_figure_without_its_own_subject_in_reasons_is_not_the_explained(self) -> None:
        """"增加的主要原因是…口径发生变化而增加了133万元" and "…经比对，与上年基本持平": in the
        reasons, a figure naming no subject is not the explained change restated."""
        n, _, _, found = read("六、“三公”经费\n  本部门“三公”经费预算支出248.84万元，较上年增加131.35万元，"
                              "增加的主要原因是预算下达口径发生变化而增加了133万元，经比对，与上年持平。\n"
                              "  公务接待费38.84万元，较上年减少1.65万元，原因是人数减少，增加了2.00万元。\n")
        assert [f.value for f in n.facts if f.subject == "公务接待费"] == [D("38.84"), D("1.65")]
        assert [f.value for f in n.facts if f.kind is FactKind.CHANGE_AMOUNT
                and f.subject == "三公经费"] == [D("131.35")]
        assert rules(found) == ["reading.unplaced_figure"] * 2  # 持平 and 2.00: of nothing named

    def test_the_explained_change_restated_in_its_reasons_is_itself(self) -> None:
        """"…减少15.30万元，主要原因是…，故本年度“三公”经费较2023年减少15.3万元": the change
        again, compared as the same change."""
        n, *_ = read("七、“三公”经费增减变动原因说明\n  本单位“三公”经费预算1.00万元，比2023年减少15.30"
                     "万元，主要原因是公务车辆全部划出，故本年度“三公”经费较2023年减少15.3万元。\n")
        got = [(f.value, f.about.within) for f in n.facts if f.kind is FactKind.CHANGE_AMOUNT]
        assert got == [(D("15.30"), None), (D("15.3"), None)]

    def test_classes_under_a_numbered_label_are_its_parts(self) -> None:
        """"其中①人员经费：商品和服务支出（302）105.9万元…②公用经费：商品和服务支出（302）126万元":
        each class figure is a part of its label's money, not the class's total; a label
        of 基本支出 keeps its parts the department's own."""
        n, *_ = read("三、支出情况\n  本部门当年一般公共预算支出25859.6万元，其中：商品和服务支出（302）"
                     "23701.31万元，较上年增加19036.15万元。\n  其中①人员经费：商品和服务支出（302）105.9万元，"
                     "较上年增加105.9万元；②公用经费：商品和服务支出（302）126万元，较上年减少53.42万元。\n"
                     "  1.基本支出：人员经费5.00万元。\n")
        got = [(f.value, f.about.within) for f in n.facts if f.qualifier == "302"]
        assert got == [(D("23701.31"), None), (D("19036.15"), None), (D("105.9"), "人员经费"),
                       (D("105.9"), "人员经费"), (D("126"), "公用经费"), (D("53.42"), "公用经费")]
        assert one(n, "人员经费", FactKind.AMOUNT).about.within is None

    def test_a_unit_named_before_the_subject_is_whose_figure_it_is(self) -> None:
        """"某某研究院公用经费预算60.57万元，比2021年减少5万元", "局机关日常公用经费87.36万元":
        that unit's figures; "本部门公用经费" and a name a department has (…办公室) are not."""
        n, *_ = read("十、机关运行经费安排情况说明\n  某市社会科学院公用经费预算60.57万元，比2021年减少5万元，"
                     "下降7.63%。\n  其中：局机关日常公用经费87.36万元。本部门公用经费100.00万元。\n"
                     "  某市人民代表大会常务委员会办公室公用经费90.00万元。\n")
        got = [(f.kind, f.value, f.about.unit) for f in n.facts if f.subject == "公用经费"]
        assert got == [(FactKind.AMOUNT, D("60.57"), "某市社会科学院"),
                       (FactKind.CHANGE_AMOUNT, D("5"), "某市社会科学院"),
                       (FactKind.CHANGE_PERCENT, D("7.63"), "某市社会科学院"),
                       (FactKind.AMOUNT, D("87.36"), "局机关"),
                       (FactKind.AMOUNT, D("100.00"), None),
                       (FactKind.AMOUNT, D("90.00"), None)]

    def test_the_breakdown_of_a_coded_item_is_within_it(self) -> None:
        """"（1）进修及培训（20508）102.32万元…。具体为：人员经费0.00万元…公用经费28.32万元": the
        item's parts, not the department's 人员经费 / 公用经费; a total's breakdown is the
        department's own."""
        n, *_ = read("三、支出情况\n  （1）进修及培训（20508）102.32万元，较上年增加102.32万元，主要原因是"
                     "科目调整。具体为：人员经费0.00万元，较上年无变化；公用经费28.32万元，较上年增加28.32万元。\n"
                     "  本部门支出预算200.00万元。具体为：人员经费150.00万元。\n")
        got = [(f.subject, f.value, f.about.within) for f in n.facts if f.kind is FactKind.AMOUNT]
        assert got == [("进修及培训", D("102.32"), None),
                       ("人员经费", D("0.00"), "进修及培训（20508）"),
                       ("公用经费", D("28.32"), "进修及培训（20508）"),
                       ("预算支出总计", D("200.00"), None), ("人员经费", D("150.00"), None)]


class TestTotalsWordedForOthers:
    """Totals whose words say whose they are."""

    def test_grant_totals_named_once_for_both(self) -> None:
        """"财政拨款收入总计、支出总计均为864,177.93万元，与上年相比收入总计、支出总计均增加…":
        the grants' total (财政拨款 said of both), and its change."""
        n, *_ = read("四、财政拨款收入支出决算总体情况说明\n  2022年度财政拨款收入总计、支出总计均为864,177.93"
                     "万元，与上年相比收入总计、支出总计均增加337,874.84万元，增长64.2%。\n"
                     "  2022年度收入总计、支出总计均为2,480,372.7万元。\n")
        got = [(f.subject, f.kind, f.value) for f in n.facts]
        assert got == [("财政拨款收支总计", FactKind.AMOUNT, D("864177.93")),
                       ("财政拨款收支总计", FactKind.CHANGE_AMOUNT, D("337874.84")),
                       ("财政拨款收支总计", FactKind.CHANGE_PERCENT, D("64.2")),
                       ("预算支出总计", FactKind.AMOUNT, D("2480372.7"))]

    def test_a_funds_total_is_not_the_departments(self) -> None:
        """"某某补贴资金支出总额为59168.23万元" (a project's evaluation): that fund's total."""
        n, *_ = read("二、综合绩效评价\n  2021年，某市高龄老人保健补贴资金支出总额为59168.23万元。"
                     "本部门支出总计100.00万元。\n")
        assert [(f.subject, f.value) for f in n.facts] == [
            ("某市高龄老人保健补贴资金支出总额", D("59168.23")), ("预算支出总计", D("100.00"))]

    def test_a_rate_without_its_subject_in_reasons_is_unplaced(self) -> None:
        """"…增长64.2%，增长的主要原因是：…，故政府性基金预算财政拨款收入与上年同期相比，增加144.81%":
        not a second rate of the total's change; a rate after a change in the reasons is."""
        n, _, _, found = read("四、财政拨款\n  财政拨款收支总计864.00万元，比上年增加337.00万元，增长64.2%，"
                           "增长的主要原因是：专项债券收入增加，故政府性基金预算财政拨款收入与上年同期相比，"
                           "增加144.81%。公务接待费较上年增加5.00万元，原因是人员经费增加2.00万元，增长3%。\n")
        rates = [(f.subject, f.value, f.about.within) for f in n.facts
                 if f.kind is FactKind.CHANGE_PERCENT]
        assert rates == [("财政拨款收支总计", D("64.2"), None), ("人员经费", D("3"), "公务接待费")]
        assert rules(found) == ["reading.unplaced_figure"]

    def test_letter_spaced_figures_and_numbers(self) -> None:
        """"1 9 .卫生健康支出（类）…（项）。年初预算 9 9 9 . 8 3万元": a numbered item and a
        figure set letter by letter read as one token each."""
        n, *_ = read("五、一般公共预算财政拨款支出决算情况说明\n  18.卫生健康支出（类）公立医院（款）儿童医院"
                     "（项）。年初预算5812.19万元，支出决算9,827.4万元。\n  1 9 .卫生健康支出（类）公立医院（款）"
                     "其他专科医院（项）。年初预算 2 5 9 1 . 5 4万元，支出决算3,260.11万元。\n")
        got = [(f.subject, f.value) for f in n.facts]
        assert got == [("儿童医院", D("5812.19")), ("儿童医院", D("9827.4")),
                       ("其他专科医院", D("2591.54")), ("其他专科医院", D("3260.11"))]


def test_a_lists_lead_in_names_the_money_of_its_items() -> None:
    """"财政拨款支出主要内容如下：" then "1.“教育支出”科目23,689万元…": the classes listed are
    财政拨款 spending (not the whole budget's), until a paragraph that is no item; an item
    printed with its full path is still found by its path."""
    n, *_ = read("2026年单位预算编制说明\n  支出预算40,870万元。财政拨款支出主要内容如下：\n"
                 "  1.“教育支出”科目23,689万元，主要用于教育。2025年执行数为100万元。\n"
                 "  2.“住房保障支出（类）住房改革支出（款）住房公积金（项）”913万元。\n"
                 "    其他支出100万元。\n")
    got = [(f.subject, f.about.scope.value) for f in n.facts]
    assert got == [("预算支出总计", "all"), ("教育支出", "grant"), ("执行数", "grant"),
                   ("住房公积金", "all"), ("其他支出", "all")]


def test_the_parts_after_an_amounts_colon_are_of_its_money() -> None:
    """"其中一般公共预算拨款政府采购2,521.44万元：政府采购货物预算2,020.44万元…": the goods of the
    一般公共预算 part, not the department's goods stated before (5,242.52)."""
    n, *_ = read("五、其他\n  （二）政府采购情况。政府采购预算总额6,143.52万元：政府采购货物预算5,242.52万元、"
                 "政府采购服务预算901万元；其中一般公共预算拨款政府采购2,521.44万元：政府采购货物预算"
                 "2,020.44万元、政府采购服务预算501万元。\n")
    goods = [(f.value, f.about.scope.value) for f in n.facts if f.subject == "政府采购货物预算"]
    assert goods == [(D("5242.52"), "all"), (D("2020.44"), "general")]


def test_the_passages_under_a_units_section_are_that_units() -> None:
    """"四、某市某工程管理处" then "（一）在职人员经费3,331.80万元": the unit's figure, in the
    sub-section too (not the department's 人员经费 stated before)."""
    n, *_ = read("三、部门预算\n  本部门人员经费4,543.13万元。\n四、某市北部水源工程管理处\n"
                 "  某市北部水源工程管理处预算40,877.97万元，包括在职人员经费3,331.80万元。\n"
                 "（一）在职人员经费3,331.80万元，主要是工资福利。\n")
    got = [(f.value, f.about.unit) for f in n.facts if f.subject == "人员经费"]
    unit = "四、某市北部水源工程管理处"
    assert got == [(D("4543.13"), None), (D("3331.80"), unit), (D("3331.80"), unit)]


def test_the_parts_after_a_coded_classs_qizhong_are_within_it() -> None:
    """"商品和服务支出（302）4464.76万元，其中：公用经费621.37万元，较上年减少147.08万元": the
    class's 公用经费, not the department's; a total's 其中 parts stay the department's."""
    n, *_ = read("三、支出\n  本部门当年一般公共预算支出181716.56万元，其中：基本支出100.00万元。\n"
                 "  商品和服务支出（302）4464.76万元，其中：公用经费621.37万元，较上年减少147.08万元。\n")
    got = [(f.subject, f.about.within) for f in n.facts]
    assert got == [("一般公共预算支出", None), ("基本支出", None), ("商品和服务支出", None),
                   ("公用经费", "商品和服务支出（302）"), ("公用经费", "商品和服务支出（302）")]


def test_a_named_projects_spending_is_not_the_departments() -> None:
    """"1.生态环境监测项目支出4,094.77万元" (one project of the list): that project's figure;
    "本部门项目支出", "一般公共预算项目支出" are the department's."""
    n, *_ = read("三、支出\n  1.生态环境监测项目支出4,094.77万元。本部门项目支出100.00万元，"
                 "一般公共预算项目支出50.00万元。\n")
    assert [(f.subject, f.value) for f in n.facts] == [
        ("生态环境监测项目支出", D("4094.77")), ("项目支出", D("100.00")), ("项目支出", D("50.00"))]


def test_basic_spending_with_its_total_word_is_basic_spending() -> None:
    """"其中:基本支出合计为1208.20万元，项目支出合计为474.56万元": the columns' totals, not the
    budget's 支出合计."""
    n, *_ = read("三、支出总表情况说明\n  2026年支出总计1682.76万元。其中:基本支出合计为1208.20万元，"
                 "项目支出合计为474.56万元。\n")
    assert [f.subject for f in n.facts] == ["预算支出总计", "基本支出", "项目支出"]


def test_roughly_unchanged_is_no_statement_of_no_change() -> None:
    """"培训支出（2050803）192.08万元，较上年增加0.11万元，与上年基本持平": a small change, not
    a second statement that nothing changed; "与上年持平" is."""
    n, *_ = read("三、支出\n  （2）培训支出（2050803）192.08万元，较上年增加0.11万元，与上年基本持平；"
                 "公务接待费5.00万元，与上年持平。\n")
    assert [(f.subject, f.direction) for f in n.facts if f.kind is FactKind.CHANGE_AMOUNT] == [
        ("培训支出", Change.INCREASE), ("公务接待费", Change.SAME)]


def test_a_total_after_counts_of_several_things_is_none_of_them() -> None:
    """"一级项目7个、二级项目16个，共涉及资金X万元": X is the money of all the projects
    counted, not of the last thing counted; it is unplaced (a warning), and the share that
    follows is not computed from it. After one count, 涉及资金 is that count's money."""
    head = "（一）预算绩效管理工作开展情况\n"
    n, _, _, found = read(head + "组织对2024年度一般公共预算项目支出全面开展绩效自评，其中，一级项目"
                          "7个、二级项目16个，共涉及资金5105.75万元，占一般公共预算项目支出总额的100%。\n")
    assert one(n, "二级项目", FactKind.COUNT).value == Decimal("16")
    assert not [f for f in n.facts if f.kind is FactKind.AMOUNT]
    assert "reading.unplaced_figure" in rules(found)
    n, *_ = read(head + "其他运转类项目13个，共涉及资金500.00万元。\n")
    assert one(n, "其他运转类项目", FactKind.AMOUNT).value == Decimal("500.00")
