"""Reading tables from layout text: columns by position, codes in columns, doubts."""

from __future__ import annotations

from decimal import Decimal

from govbudget import TableKind, check_report, read_text

HEAD = """第二部分 部门预算表
                    2024年部门支出预算总表
编制部门：某某单位                                          单位：元

   功能分类科目编码        功能分类科目名称       合计        基本支出      项目支出
   类   款   项
"""


def _table(body: str, head: str = HEAD) -> object:
    report = read_text(head + body)
    table = report.table(TableKind.EXPENDITURE)
    assert table is not None
    return table


def test_code_columns_and_blank_cells_by_position() -> None:
    table = _table("""201             一般公共服务支出       300,000           0     300,000
201   05        统计信息事务           300,000                   300,000
201   05   07   专项普查活动           300,000                   300,000
合计                                   300,000           0     300,000
""")
    assert not table.doubts  # type: ignore[attr-defined]
    block = table.block()  # type: ignore[attr-defined]
    assert [c.key for c in block.columns] == ["total", "basic", "project"]
    row = block.row("2010507")
    assert row.name == "专项普查活动" and row.level == 3
    assert block.value(row, "basic") is None
    assert block.value(row, "project") == Decimal("300000")


def test_one_digit_kuan_and_inherited_class() -> None:
    table = _table("""201             一般公共服务支出       300,000           0     300,000
      5         统计信息事务           300,000           0     300,000
""")
    codes = [r.code for r in table.block().rows]  # type: ignore[attr-defined]
    assert codes == ["201", "20105"]


FULL = """201             一般公共服务支出       300,000           0     300,000
201   05        统计信息事务           300,000           0     300,000
201   05   07   专项普查活动           300,000           0     300,000
"""


def test_a_one_digit_class_is_a_malformed_code() -> None:
    report = read_text(HEAD + """210             卫生健康支出           300,000           0     300,000
7     11   02   事业单位医疗           300,000           0     300,000
""")
    table = report.table(TableKind.EXPENDITURE)
    assert table is not None and [d.reason for d in table.doubts] == ["codes"]
    assert any(f.rule == "reading.malformed_code" for f in report.findings)


def test_doubtful_table_is_not_checked() -> None:
    from govbudget import check_report

    wrong = FULL.replace("0     300,000\n", "0     900,000\n", 1)
    report = read_text(HEAD + wrong + """201   05   08   其他                                 300,000
""")
    result = check_report(report)
    assert not [f for f in result.errors if f.rule.startswith("table.")]
    assert [n.table for n in result.not_checked] == ["expenditure"]
    assert any(f.rule == "reading.doubtful_table" for f in result.findings)


def test_trusted_table_is_checked() -> None:
    from govbudget import check_report

    report = read_text(HEAD + """201             一般公共服务支出       300,000           0     900,000
""")
    result = check_report(report)
    assert any(f.rule == "table.row.basic_project" for f in result.errors)


def test_table_of_contents_lines_are_not_tables() -> None:
    report = read_text("""目  录
一、收支总表 ............ 3
二、支出总表 ............ 4
""" + HEAD + """201             一般公共服务支出       300,000           0     300,000
""")
    assert [t.kind for t in report.tables] == [TableKind.EXPENDITURE]


GRID = """第二部分 部门预算表
2024年部门支出预算总表
单位：万元
科目编码\t科目名称\t合计\t其中：\t
\t\t\t基本支出\t项目支出
合计\t\t30.00\t10.00\t20.00
201\t一般公共服务支出\t30.00\t10.00\t20.00
20101\t人大事务\t30.00\t\t30.00
"""


def test_no_note_is_not_an_empty_table() -> None:
    """注：无。 says there is no note; 注：本表本年无发生额。 says the table is empty."""
    body = "201             一般公共服务支出       300,000           0     300,000\n"
    t = _table(body + "注：无。\n")
    assert not t.empty and t.note == "注：无。"  # type: ignore[attr-defined]
    report = read_text(HEAD + "注：本表本年无发生额。\n")
    empty = report.table(TableKind.EXPENDITURE)
    assert empty is not None and empty.empty


def test_column_numbers_with_a_marker_are_header() -> None:
    """``** 1 2 3`` (or 栏次 1 2 3) numbers the columns: not a row."""
    text = GRID.replace("合计\t\t30.00", "**\t\t1\t2\t3\n合计\t\t30.00", 1)
    table = read_text(text).table(TableKind.EXPENDITURE)
    assert table is not None and all(r.name != "**" for r in table.block().rows)


def test_a_figure_printed_wrong_is_not_part_of_the_name() -> None:
    """``125360,898`` does not read as an amount: it is reported and the table doubted,
    never glued to the row's name."""
    text = GRID.replace("201\t一般公共服务支出\t30.00", "201\t一般公共服务支出\t30,00", 1)
    report = read_text(text)
    table = report.table(TableKind.EXPENDITURE)
    assert table is not None and table.block().row("201").name == "一般公共服务支出"
    assert [d.reason for d in table.doubts] == ["amounts"]


def test_rows_grouped_by_unit_are_a_doubt() -> None:
    text = """第二部分 部门预算表
一般公共预算基本支出表
单位：万元
经济分类科目\t合计\t人员经费\t公用经费
合计\t30.00\t20.00\t10.00
某某局（本级）\t30.00\t20.00\t10.00
\u3000工资福利支出\t20.00\t20.00\t
\u3000商品和服务支出\t10.00\t\t10.00
"""
    table = read_text(text).table(TableKind.BASIC_ECONOMIC)
    assert table is not None and [d.reason for d in table.doubts] == ["units"]


def test_rows_grouped_by_unit_in_the_units_own_wording_are_a_doubt() -> None:
    """The first class under a unit in a wording the catalogue does not know (工资和福利支出,
    其他资本性等支出): a known class further down the indented run still tells the table
    lists units, each with its classes; no arithmetic over a unit added to its classes."""
    text = """第二部分 部门预算表
部门预算基本支出预算表
单位：万元
支出项目类别（资金使用单位）\t总计\t一般公共预算
合计\t30.00\t30.00
某某局\t20.00\t20.00
\u3000工资和福利支出\t15.00\t15.00
\u3000商品和服务支出\t5.00\t5.00
某某中心\t10.00\t10.00
\u3000工资和福利支出\t8.00\t8.00
\u3000其他资本性等支出\t2.00\t2.00
"""
    report = read_text(text)
    table = report.table(TableKind.BASIC_ECONOMIC)
    assert table is not None and [d.reason for d in table.doubts] == ["units"]
    assert not [f for f in check_report(report).errors if f.rule.startswith("table.economic")]


def test_a_table_whose_title_is_printed_again_on_its_next_page_is_one_table() -> None:
    page2 = "\f2024年部门支出预算总表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n" \
        "20102\t政府办公厅\t10.00\t\t10.00\n"
    report = read_text(GRID + page2)
    tables = [t for t in report.tables if t.kind is TableKind.EXPENDITURE]
    assert len(tables) == 1 and tables[0].block().row("20102").name == "政府办公厅"


def test_kuan_and_xiang_in_their_own_columns_take_the_codes_above() -> None:
    text = """第二部分 部门预算表
2024年部门支出预算总表
单位：万元
科目编码\t\t\t科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
205\t\t\t教育支出\t5.00\t1.00\t4.00
\t08\t\t进修及培训\t5.00\t1.00\t4.00
\t\t03\t培训支出\t5.00\t1.00\t4.00
"""
    table = read_text(text).table(TableKind.EXPENDITURE)
    assert table is not None and not table.doubts
    assert [r.code for r in table.block().rows] == ["205", "20508", "2050803"]



def test_a_line_of_column_numbers_under_a_ruled_header_is_no_part_of_the_labels() -> None:
    """``** ** ** ** 1 2 3`` under a header whose code columns 类 | 款 | 项 sit below 科目编码:
    the numbers do not join the labels above them (总计1, 基本支出2 …), the columns are
    known, the table is not doubted."""
    text = """第二部分 部门预算表
部门支出总体情况表
单位：万元
科目编码\t\t\t功能科目\t总 计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
**\t**\t**\t**\t1\t2\t3
\t\t\t合计\t30.00\t10.00\t20.00
201\t\t\t一般公共服务支出\t30.00\t10.00\t20.00
\t40\t\t信访事务\t30.00\t10.00\t20.00
201\t40\t01\t行政运行\t10.00\t10.00\t
201\t40\t04\t信访业务\t20.00\t\t20.00
"""
    table = read_text(text).table(TableKind.EXPENDITURE)
    assert table is not None and not table.doubts
    assert [c.key for c in table.block().columns] == ["total", "basic", "project"]
    assert table.block().row("2014004").name == "信访业务"


def test_a_numbered_blank_item_naming_a_column_is_a_row_not_a_header() -> None:
    """四、上级补助收入 | 四、对附属单位补助支出, both blank, in the body of a summary: two
    items, not the header printed again."""
    text = """第二部分 部门预算表
收支总表
单位：万元
收入\t\t支出\t
项目\t预算数\t项目\t预算数
一、一般公共预算拨款收入\t30.00\t一、一般公共服务支出\t30.00
二、上级补助收入\t\t二、对附属单位补助支出\t
本年收入合计\t30.00\t本年支出合计\t30.00
"""
    summary = read_text(text).table(TableKind.SUMMARY)
    assert summary is not None
    assert "上级补助收入" in [r.name for r in summary.block("income").rows]
    assert "对附属单位补助支出" in [r.name for r in summary.block("expenditure").rows]


def test_classes_with_their_items_printed_by_name_alone_are_a_doubt() -> None:
    """A 支出总表 without codes listing each class with its 款 and 项 by name alone: which
    rows add up to which is not printed, so the table is doubted (no class compared); a
    table of classes alone is read."""
    text = """第二部分 部门预算表
支出预算总表
单位：万元
科目名称\t合计\t基本支出\t项目支出
合计\t30.00\t10.00\t20.00
一般公共服务支出\t30.00\t10.00\t20.00
统计信息事务\t30.00\t10.00\t20.00
行政运行\t10.00\t10.00\t
专项普查活动\t20.00\t\t20.00
"""
    table = read_text(text).table(TableKind.EXPENDITURE)
    assert table is not None and [d.reason for d in table.doubts] == ["levels"]
    classes = text.replace("统计信息事务\t30.00\t10.00\t20.00\n行政运行\t10.00\t10.00\t\n"
                           "专项普查活动\t20.00\t\t20.00\n", "")
    table = read_text(classes).table(TableKind.EXPENDITURE)
    assert table is not None and not table.doubts


SUMMARY_3 = """第二部分 部门预算表
收支预算总表
单位：万元
收入\t\t支出\t\t\t
项目名称\t金额\t功能分类\t\t支出用途\t
\t\t功能科目名称\t金额\t项目名称\t金额
一、财政拨款\t30.00\t一、一般公共服务支出\t20.00\t一、基本支出\t25.00
1.一般公共预算\t30.00\t二、教育支出\t10.00\t二、项目支出\t5.00
2.政府性基金预算\t\t三、科学技术支出\t\t三、单位预留机动经费\t0.00
当年收入小计\t30.00\t当年支出小计\t\t\t30.00
上年结转资金\t\t结转下年资金\t\t\t
收入合计\t30.00\t支出合计\t\t\t{total}
"""


def test_a_total_spanning_two_panels_takes_the_figure_under_the_last() -> None:
    """当年支出小计 and 支出合计 span the 功能分类 and 支出用途 panels of a three-panel 收支总表,
    their figure under the last panel (blank cells between): the figure is theirs;
    当年收入小计 / 当年支出小计 are the year's totals. The table is not doubted and its
    identities are checked. With an item of the last panel still without a figure, whose
    the figure is cannot be told (a doubt)."""
    report = read_text(SUMMARY_3.format(total="30.00"))
    table = report.table(TableKind.SUMMARY)
    assert table is not None and not table.doubts
    exp = next(b for b in table.blocks if b.name == "expenditure")
    assert exp.value(exp.row("当年支出小计"), "total") == Decimal("30.00")
    assert exp.row("当年支出小计").kind.value == "total"
    assert not check_report(report, rules=["table.summary.totals"]).findings
    blank = read_text(SUMMARY_3.format(total="30.00").replace(
        "三、单位预留机动经费\t0.00", "三、结转下年\t")).table(TableKind.SUMMARY)
    assert blank is not None and "columns" in [d.reason for d in blank.doubts]
    wrong = check_report(read_text(SUMMARY_3.format(total="31.00")),
                         rules=["table.summary.totals"]).errors
    assert [f.location.row_name for f in wrong] == ["支出合计"]


def test_only_a_total_takes_the_figure_of_a_later_panel_printed_without_a_label() -> None:
    """结转下年资金 (not a total) printed with no figure, and a figure under the last panel
    with no label on that line: the figure is not given to it (a doubt of the table)."""
    text = SUMMARY_3.format(total="30.00").replace(
        "上年结转资金\t\t结转下年资金\t\t\t", "上年结转资金\t\t结转下年资金\t\t\t4.00")
    table = read_text(text).table(TableKind.SUMMARY)
    assert table is not None and "names" in [d.reason for d in table.doubts]
    exp = next(b for b in table.blocks if b.name == "expenditure")
    assert exp.value(exp.row("结转下年资金"), "total") is None


SUZHOU_INCOME = """第二部分 部门预算表
收入总表
单位：万元
单位代码\t单位名称\t合计\t本年收入\t\t\t上年结转结余\t\t
\t\t\t小计\t一般公共预算\t政府性基金预算\t小计\t一般公共预算\t单位资金
合计\t\t{total}\t90.00\t80.00\t10.00\t10.00\t6.00\t4.00
114001\t某局\t100.00\t90.00\t80.00\t10.00\t10.00\t6.00\t4.00
"""


def test_by_unit_income_with_unit_codes_and_carry_over_parts() -> None:
    """单位代码 | 单位名称 rows: 114001 is the unit's code, not a figure; the parts under
    上年结转结余 are its own (carryover_*), not the year's sources again: the table is not
    doubted, and it is checked group by group."""
    report = read_text(SUZHOU_INCOME.format(total="100.00"))
    table = report.table(TableKind.INCOME)
    assert table is not None and not table.doubts
    block = table.block()
    assert [c.key for c in block.columns] == [
        "total", "income", "general_budget", "fund_budget", "carryover",
        "carryover_general_budget", "carryover_unit_funds"]
    assert [r.name for r in block.rows] == ["合计", "某局"]
    assert block.rows[1].values[0] == Decimal("100.00") and block.rows[1].code is None
    assert not check_report(report, rules=["table.row.sources"]).findings
    wrong = check_report(read_text(SUZHOU_INCOME.format(total="101.00")),
                         rules=["table.row.sources"]).errors
    assert [f.location.row_name for f in wrong] == ["合计"]


def test_one_row_of_figures_under_a_header_without_a_label_column_is_the_total() -> None:
    """Jiangsu's 支出预算总表: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金 over one
    line of figures and no label column: that line is the table's total (a 合计 row), not
    a row with no name; with two such lines which is which is not known (a doubt)."""
    head = ("第二部分 部门预算表\n支出预算总表\n单位：万元\n"
            "合计\t基本支出\t项目支出\t单位预留机动经费\t结转下年资金\n")
    table = read_text(head + "100.00\t60.00\t30.00\t10.00\t\n").table(TableKind.EXPENDITURE)
    assert table is not None and not table.doubts
    row = table.block().rows[0]
    assert (row.name, row.kind.value, row.values[:4]) == (
        "合计", "total", (Decimal("100.00"), Decimal("60.00"), Decimal("30.00"),
                         Decimal("10.00")))
    two = read_text(head + "100.00\t60.00\t30.00\t10.00\t\n90.00\t50.00\t30.00\t10.00\t\n")
    doubtful = two.table(TableKind.EXPENDITURE)
    assert doubtful is not None and [d.reason for d in doubtful.doubts] == ["names"]


def test_a_column_number_line_with_its_mark_is_no_part_of_a_layout_header() -> None:
    """``栏次  1  2  3`` under a layout header (the central 公开05表 as pdftotext prints it):
    neither 栏次 nor the numbers are columns or parts of the labels, so the table is one
    zone of 小计 | 基本支出 | 项目支出 and is not doubted."""
    text = """第二部分 部门决算表
                             一般公共预算财政拨款支出决算表
部门：某局                                                       金额单位：万元
              项目                                     本年支出

科目代码               科目名称             小计                基本支出               项目支出

                栏次                  1                   2                 3
                合计                       30.00               20.00             10.00
201     一般公共服务支出                          30.00               20.00             10.00
2010101 行政运行                                  20.00               20.00
2010102 一般行政管理事务                          10.00                                 10.00
"""
    table = read_text(text).table(TableKind.GENERAL_EXPENDITURE)
    assert table is not None and not table.doubts
    block = table.block()
    assert [c.key for c in block.columns] == ["total", "basic", "project"]
    assert block.value(block.row("2010102"), "project") == Decimal("10.00")
    assert block.value(block.row("2010102"), "basic") is None


def test_a_text_cell_among_the_figures_is_a_doubt_on_its_own_line() -> None:
    """A cell of words after a row's figures (a 绩效目标 column the reader does not model)
    is kept out of the figures and doubted on that row's line (not on no line at all)."""
    text = """第二部分 部门预算表
项目支出预算表
单位：万元
项目名称\t合计\t一般公共预算\t绩效目标
某项目\t10.00\t10.00\t完成调查
"""
    table = read_text(text).table(TableKind.PROJECTS)
    assert table is not None
    columns = [d for d in table.doubts if d.reason == "columns"]
    assert columns and columns[0].lines == (5,)


def test_a_grid_figure_is_never_given_to_a_label_of_an_earlier_line() -> None:
    """In a PDF grid each line holds whole rows: 4.00 printed with no label under the last
    panel is not 三、结转下年's (blank two lines up), whatever is left of it: a doubt."""
    text = SUMMARY_3.format(total="34.00").replace(
        "三、单位预留机动经费\t0.00", "三、结转下年\t").replace(
        "上年结转资金\t\t结转下年资金\t\t\t", "上年结转资金\t\t结转下年资金\t\t\t4.00")
    table = read_text(text).table(TableKind.SUMMARY)
    assert table is not None and "columns" in [d.reason for d in table.doubts]
    assert table.blocks[2].value(table.blocks[2].row("结转下年"), "total") is None


def test_layout_columns_are_placed_by_their_column_numbers() -> None:
    """The central 公开03表 as pdftotext prints it: labels centred over wide cells, figures
    right-aligned, no row filling every column, so by the labels alone a row's three figures
    could be one column further right; the column-number line (栏次 1 2 … 6) stands over
    the figures and tells. The table is read, not doubted."""
    text = """第二部分 部门决算表
                                   支出决算表
部门：某局                                                                   金额单位：万元
             项目
                                                                                     对附属单位补助
                           本年支出合计        基本支出            项目支出        上缴上级支出   经营支出
科目代码           科目名称                                                                    支出

               栏次             1               2            3           4       5        6
               合计            14,572.53       11,073.11    3,499.42
201     一般公共服务支出             14,572.53       11,073.11    3,499.42
2014002 一般行政管理事务                  4.70                        4.70
"""
    table = read_text(text).table(TableKind.EXPENDITURE)
    assert table is not None and not table.doubts
    block = table.block()
    row = block.row("2014002")
    assert (block.value(row, "total"), block.value(row, "basic"), block.value(row, "project")) \
        == (Decimal("4.70"), None, Decimal("4.70"))
    assert block.value(block.row("201"), "remit_superior") is None


def test_a_header_printed_again_with_its_column_numbers_on_the_next_page_is_no_row() -> None:
    """The header and its 栏次 1 2 3 line printed again on the table's next page (pdftotext
    layout, pages split by form feeds), a header cell alone on a line among them: neither
    is a row (no row named 栏次, no fragment glued to a row's name)."""
    head = """                             一般公共预算财政拨款支出决算表
部门：某局                                                       金额单位：万元
              项目                                     本年支出

科目代码               科目名称             小计                基本支出               项目支出

                栏次                  1                   2                 3
"""
    text = ("第二部分 部门决算表\n" + head
            + "                合计                       30.00               20.00             10.00\n"
            "201     一般公共服务支出                          30.00               20.00             10.00\n"
            "2010101 行政运行                                  20.00               15.00              5.00\n"
            "\f" + head.split("\n", 2)[2] + "                                                     本年支出\n"
            "2010102 一般行政管理事务                          10.00                5.00              5.00\n")
    report = read_text(text)
    table = report.table(TableKind.GENERAL_EXPENDITURE)
    assert table is not None and not table.doubts
    names = [r.name for r in table.block().rows]
    assert "栏次" not in names and names[-1] == "一般行政管理事务" and names[2] == "行政运行"
    assert not check_report(report, rules=["table.row.basic_project"]).errors


def test_a_small_number_alone_is_a_row_number_only_in_a_table_with_row_numbers() -> None:
    """A figure of one or two digits with no label on its line: in a 收支总表 with 行次
    columns it is a row number (dropped); in one without, it is a figure with no name (a
    doubt), never dropped in silence."""
    plain = SUMMARY_3.format(total="30.00").replace(
        "上年结转资金\t\t结转下年资金\t\t\t", "上年结转资金\t\t结转下年资金\t\t\t\n\t\t\t\t\t5")
    table = read_text(plain).table(TableKind.SUMMARY)
    assert table is not None and "names" in [d.reason for d in table.doubts]
    numbered = read_text("第二部分 部门预算表\n收支预算总表\n单位：万元\n"
                         "项目\t行次\t金额\t项目\t行次\t金额\n"
                         "一、财政拨款\t1\t30.00\t一、一般公共服务支出\t3\t30.00\n"
                         "\t2\t\t\t4\t\n"
                         "收入合计\t\t30.00\t支出合计\t\t30.00\n").table(TableKind.SUMMARY)
    assert numbered is not None and not numbered.doubts
    assert [len(b.rows) for b in numbered.blocks] == [2, 2]


def test_figures_inside_a_name_cell_are_a_doubt_not_a_name() -> None:
    """A tool that wrote tabs only for the wider gaps leaves ``30.00   10.00`` in one field
    after the name: the figures are not part of the name (no wrong-name error), the row
    is doubtful."""
    from govbudget import check_report

    text = GRID.replace("201\t一般公共服务支出\t30.00\t10.00", "201\t一般公共服务支出 30.00   10.00", 1)
    report = read_text(text)
    table = report.table(TableKind.EXPENDITURE)
    assert table is not None and "names" in [d.reason for d in table.doubts]
    assert not [f for f in check_report(report).errors if f.rule == "codes.functional_name"]



# A 收支预算总表 as pdftotext -layout prints it (Fuzhou 2026, cut down).
LAYOUT_SUMMARY = """第二部分 部门预算表
一、收支预算总表

                   2026 年度收支预算总表
                                                     单位：万元
              收入                                支出

         项目          预算数                   项目         预算数
一、一般公共预算拨款收入           2144.92    一、一般公共服务支出
二、政府性基金预算拨款收入           75.00     二、外交支出
三、国有资本经营预算拨款收入                    三、国防支出
四、财政专户管理资金收入                      四、公共安全支出
五、事业收入                            五、社会保障和就业支出          2144.92
                                  六、其他支出              75.00
   本年收入合计             2219.92        本年支出合计           2219.92
上年结转结余                   30.00    结转下年支出                  30.00
     收入合计             2249.92          支出合计           2249.92
"""


def test_figures_wrapped_to_the_margin_are_a_doubt() -> None:
    """Layout text wrapped at a fixed width puts a row's last figure at the start of a
    line of its own, left of every amount column: it is under no column and of no known
    item (the income item above it without a figure is not its owner): a doubt."""
    table = read_text(LAYOUT_SUMMARY).table(TableKind.SUMMARY)
    assert table is not None and not table.doubts
    wrapped = LAYOUT_SUMMARY.replace(
        "五、社会保障和就业支出          2144.92", "五、社会保障和就业支出          \n2144.92")
    table = read_text(wrapped).table(TableKind.SUMMARY)
    assert table is not None and "names" in [d.reason for d in table.doubts]
    inc = next(b for b in table.blocks if b.name == "income")
    assert inc.value(inc.row("事业收入"), "total") is None


def test_a_three_public_row_wrapped_over_two_lines_is_a_doubt() -> None:
    """The one row of a budget 三公 table (Shanghai's, as PyMuPDF sorts it) split over two
    lines of figures: not two rows of 预算数, a doubt."""
    head = """第二部分 部门预算表
          2025年部门“三公”经费和机关运行经费预算表
编制部门：某某单位                                    单位:万元
                     “三公”经费预算数
                                                   机关运行经费预算
                                 公务用车购置及运行费
                                                      数
   合计     因公出国(境)费  公务接待费   小计      购置费     运行费
"""
    whole = ("           37.91                0             1.35            36.56"
             "           15            21.56           464.64\n")
    split = ("           37.91                0             1.35            36.56\n"
             "               15            21.56           464.64\n")
    table = read_text(head + whole).table(TableKind.THREE_PUBLIC)
    assert table is not None and "names" not in [d.reason for d in table.doubts]
    table = read_text(head + split).table(TableKind.THREE_PUBLIC)
    assert table is not None and "names" in [d.reason for d in table.doubts]


def test_a_project_s_name_starting_with_a_class_code_is_its_name() -> None:
    """In layout text too, a project list's name may start with digits a catalogue 类 has
    (208国道养护): no code is split off it, and its level is its indentation."""
    text = """第二部分 2024年部门预算表
                     2024年项目支出预算表
编制单位：某某单位                                     单位：万元
   项目名称                            合计          一般公共预算
   某某单位                           30.00              30.00
      人大专项业务经费                  5.00               5.00
      208国道养护                      15.00              15.00
      档案数字化                       10.00              10.00
"""
    table = read_text(text).table(TableKind.PROJECTS)
    assert table is not None
    assert [(r.code, r.name, r.level) for r in table.block().rows][2] == (None, "208国道养护", 2)
    coded = read_text(HEAD + "   2010101行政运行                 5.00        5.00\n")
    got = coded.table(TableKind.EXPENDITURE)
    assert got is not None and [(r.code, r.name) for r in got.block().rows] == [("2010101", "行政运行")]


def test_a_unit_printed_on_the_title_s_line() -> None:
    """The money unit printed after the title on its line (…表（单位：元）): the title is
    found, without the unit, and the table is in that unit."""
    head = HEAD.replace("                    2024年部门支出预算总表\n编制部门：某某单位"
                        "                                          单位：元\n",
                        "                    2024年部门支出预算总表（单位：元）\n")
    assert "单位" not in head.split("\n")[2]
    report = read_text(head + "合计                                   300,000           0     300,000\n")
    table = report.table(TableKind.EXPENDITURE)
    assert table is not None and table.title == "2024年部门支出预算总表"
    assert str(table.unit.symbol) == "元"
    assert not [f for f in report.findings if f.code == "reading.missing_unit"]
