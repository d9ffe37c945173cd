"""Tests for govbudget._ingest._three_public: the “三公” table in each of its layouts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govbudget._ingest._text import split_lines
from govbudget._ingest._three_public import _is_final_three_public, rows_are_items

from .ingest_helpers import read_one
from .test_ingest_tables import D, row_tuples, vals


class TestBudget:
    def test_three_public_items_as_columns(self) -> None:
        """A MOF 三公 table with the items as columns (购置费 and 运行费 under 公务用车购置及
        运行费) is one row under six columns."""
        text = """\
一般公共预算“三公”经费支出表
单位：万元
合计 因公出国（境）费 公务接待费 公务用车购置及运行费
小计 购置费 运行费
12.50 2.00 3.50 7.00 5.00 2.00
"""
        t, findings = read_one(text)
        assert findings == []
        assert [c.key for c in t.block().columns] == [
            "total", "abroad", "reception", "vehicles", "vehicle_purchase", "vehicle_operation"]
        assert row_tuples(t) == [(None, "预算数", None, D, "12.50 2.00 3.50 7.00 5.00 2.00")]

    def test_three_public_without_split(self) -> None:
        """Without 购置费/运行费 columns, 公务用车购置及运行费 does not also count as 运行费."""
        text = """\
一般公共预算“三公”经费支出表
单位：万元
项目 合计 因公出国（境）费 公务接待费 公务用车购置及运行费
2024年预算数 12.50 2.00 3.50 7.00
"""
        t, findings = read_one(text)
        assert findings == []
        assert [c.key for c in t.block().columns] == ["total", "abroad", "reception", "vehicles"]
        assert row_tuples(t) == [(None, "2024年预算数", None, D, "12.50 2.00 3.50 7.00")]

    def test_three_public_with_operating_costs(self) -> None:
        """The Shanghai 三公 table adds a 机关运行经费 column."""
        text = """\
部门“三公”经费和机关运行经费预算表
单位：万元
合计 因公出国（境）费 公务接待费 公务用车购置及运行费 机关运行经费
小计 购置费 运行维护费
37.91 0.00 1.35 36.56 15.00 21.56 464.64
"""
        t, findings = read_one(text)
        assert findings == []
        assert [c.key for c in t.block().columns] == [
            "total", "abroad", "reception", "vehicles", "vehicle_purchase", "vehicle_operation",
            "operating_costs"]
        assert t.block().rows[0].values == vals("37.91 0.00 1.35 36.56 15.00 21.56 464.64")


class TestFinal:
    def test_a_row_wrapped_over_two_lines_is_doubtful(self) -> None:
        """Text wrapped at a fixed width splits the one row of figures over two lines: two
        lines of figures with no label are not two 预算数 rows."""
        text = """\
部门“三公”经费和机关运行经费预算表
单位：万元
合计 因公出国（境）费 公务接待费 公务用车购置及运行费 机关运行经费
小计 购置费 运行维护费
37.91  0.00  1.35  36.56
15.00  21.56
464.64
"""
        t, _ = read_one(text)
        assert [(d.reason, d.lines) for d in t.doubts] == [("names", (5, 6))]  # said once

    @pytest.mark.parametrize(("line", "rows"), [
        # interleaved pairs: 预算数 决算数 under each item
        ("预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数\n"
         "3.00 2.00 0.00 0.00 1.00 1.00 0.00 0.00 1.00 1.00 2.00 1.00\n",
         ((Decimal("3.00"), Decimal("0.00"), Decimal("1.00"), Decimal("0.00"), Decimal("1.00"),
           Decimal("2.00")),
          (Decimal("2.00"), Decimal("0.00"), Decimal("1.00"), Decimal("0.00"), Decimal("1.00"),
           Decimal("1.00")))),
        # two blocks: all 预算数, then all 决算数
        ("预算数 决算数\n3.00 0.00 1.00 0.00 1.00 2.00 2.00 0.00 1.00 0.00 1.00 1.00\n",
         ((Decimal("3.00"), Decimal("0.00"), Decimal("1.00"), Decimal("0.00"), Decimal("1.00"),
           Decimal("2.00")),
          (Decimal("2.00"), Decimal("0.00"), Decimal("1.00"), Decimal("0.00"), Decimal("1.00"),
           Decimal("1.00")))),
    ])
    def test_three_public_budget_and_final(self, line: str,
                                           rows: tuple[tuple[Decimal, ...], ...]) -> None:
        head = ("财政拨款“三公”经费支出决算表\n单位：万元\n"
                "合计 因公出国（境）费 公务用车购置及运行维护费 小计 公务用车购置费 "
                "公务用车运行维护费 公务接待费\n")
        t, _ = read_one(head + line)
        b = t.blocks[0]
        assert [c.key for c in b.columns] == ["total", "abroad", "vehicles", "vehicle_purchase",
                                              "vehicle_operation", "reception"]
        assert [(r.name, r.values) for r in b.rows] == [("预算数", rows[0]), ("决算数", rows[1])]
        assert not t.doubts

    def test_three_public_figures_that_cannot_be_placed_are_doubtful(self) -> None:
        t, _ = read_one("财政拨款“三公”经费支出决算表\n单位：万元\n合计 因公出国（境）费 "
                        "公务用车购置及运行维护费 公务接待费\n预算数 决算数\n"
                        "3.00 2.00 1.00 1.00 2.00\n")
        assert t.doubts and t.doubts[0].reason == "columns"

    def test_a_blank_item_of_a_ruled_grid_keeps_its_column(self) -> None:
        """Rows 预算数 / 决算数 from a ruled grid (tab cells), 因公出国 blank and 会议费,
        培训费 after the 三公 columns: the figures after the blank keep their columns (the
        vehicle figure is not read as 因公出国), the extra two are reported."""
        t, findings = read_one(
            "财政拨款“三公”经费及会议费、培训费支出决算表\n单位：万元\n"
            "项目\t小计\t因公出国（境）费用\t公务用车购置及运行维护费\t\t\t公务接待费\t会议费\t培训费\n"
            "\t\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\n"
            "预算数\t5.00\t\t4.00\t1.00\t3.00\t1.00\t2.00\t3.00\n"
            "决算数\t4.50\t\t3.50\t1.00\t2.50\t1.00\t2.00\t3.00\n")
        b = t.blocks[0]
        assert [c.key for c in b.columns] == ["total", "abroad", "vehicles", "vehicle_purchase",
                                              "vehicle_operation", "reception"]
        d = Decimal
        assert [(r.name, r.values) for r in b.rows] == [
            ("预算数", (d("5.00"), None, d("4.00"), d("1.00"), d("3.00"), d("1.00"))),
            ("决算数", (d("4.50"), None, d("3.50"), d("1.00"), d("2.50"), d("1.00")))]
        assert [f.rule for f in findings] == ["reading.unplaced_figure"] * 2

    def test_a_line_of_figures_alone_from_a_ruled_grid_keeps_its_blanks(self) -> None:
        """The central 公开09表: 预算数 (six columns) then 决算数 (six), one line of figures
        with 公务用车购置费 blank in both halves: from a grid (tab cells) each figure keeps
        its column; the same figures without their blanks stay doubtful."""
        head = ("财政拨款“三公”经费支出决算表\n单位：万元\n预算数\t\t\t\t\t\t决算数\t\t\t\t\t\n"
                "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t"
                "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
                "\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\t小计\t公务用车购置费\t"
                "公务用车运行维护费\t\n")
        t, _ = read_one(head + "76.43\t30.00\t40.63\t\t40.63\t5.80\t46.21\t4.69\t40.61\t\t"
                                "40.61\t0.90\n")
        d = Decimal
        assert not t.doubts
        assert [(r.name, r.values) for r in t.blocks[0].rows] == [
            ("预算数", (d("76.43"), d("30.00"), d("40.63"), None, d("40.63"), d("5.80"))),
            ("决算数", (d("46.21"), d("4.69"), d("40.61"), None, d("40.61"), d("0.90")))]
        spaced, _ = read_one(head.replace("\t", " ") + "76.43 30.00 40.63 40.63 5.80 46.21 "
                                                       "4.69 40.61 40.61 0.90\n")
        assert spaced.doubts and spaced.doubts[0].reason == "columns"


def test_final_three_public_items_as_rows() -> None:
    """A 决算 三公 table with the items as rows and 预算数 | 决算数 as columns reads into the
    same two rows as the other layouts."""
    t, _ = read_one("财政拨款“三公”经费支出决算表\n单位：万元\n项目 预算数 决算数\n"
                    "合计 3.00 2.00\n因公出国（境）费 0.00 0.00\n公务用车购置及运行维护费 1.00 1.00\n"
                    "其中：公务用车购置费 0.00 0.00\n公务用车运行维护费 1.00 1.00\n"
                    "公务接待费 2.00 1.00\n")
    b = t.blocks[0]
    assert [c.key for c in b.columns] == ["total", "abroad", "vehicles", "vehicle_purchase",
                                          "vehicle_operation", "reception"]
    d = Decimal
    assert [(r.name, r.values) for r in b.rows] == [
        ("预算数", (d("3.00"), d("0.00"), d("1.00"), d("0.00"), d("1.00"), d("2.00"))),
        ("决算数", (d("2.00"), d("0.00"), d("1.00"), d("0.00"), d("1.00"), d("1.00")))]
    assert not t.doubts


def test_layout_tests() -> None:
    assert rows_are_items(split_lines("合计 3.00\n①因公出国（境）费 1.00\n"))
    assert not rows_are_items(split_lines("合计 因公出国（境）费\n3.00 1.00\n"))
    assert _is_final_three_public("项目 预算数 决算数", [])
    assert not _is_final_three_public("项目 预算数", split_lines("合计 3.00\n"))


class TestTextWithoutLayout:
    """The 三公 table in text that drops blank cells (pdfplumber's plain text)."""

    TEXT = ("部门“三公”经费和机关运行经费预算表\n单位:万元\n2024年“三公”经费预算数\n"
            "2024年机关运行经\n公务用车购置及运行费\n费预算数\n合计 因公出国(境)费 公务接待费\n"
            "小计 购置费 运行费\n6.4 0 0 6.4 6.4 0\n")

    def read(self, blanks: bool) -> object:
        from govbudget._ingest._tables import read_table
        from govbudget._tables import TableKind

        return read_table(TableKind.THREE_PUBLIC, split_lines(self.TEXT), [], blanks=blanks)

    def test_the_wrapped_header_is_not_rows(self) -> None:
        """公务用车购置及运行费 with no figure is a header cell, not an item row; the
        wrapped 机关运行经 | 费预算数 is the 机关运行经费 column."""
        t = self.read(blanks=False)
        assert [c.key for c in t.blocks[0].columns] == [  # type: ignore[attr-defined]
            "total", "abroad", "reception", "vehicles", "vehicle_purchase",
            "vehicle_operation", "operating_costs"]

    def test_the_columns_are_doubtful(self) -> None:
        """Six figures for seven columns (a blank dropped), and an order the header does
        not give: nothing is placed for the rules."""
        t = self.read(blanks=False)
        assert {d.reason for d in t.doubts} == {"columns"}  # type: ignore[attr-defined]
        assert "order" in t.doubts[0].message_en  # type: ignore[attr-defined]


def test_a_one_line_header_gives_the_columns_order() -> None:
    """公务接待费 printed after 公务用车 (苏州's 公开09表): each figure goes under its own
    label, not in a fixed order of the items."""
    from govbudget._ingest._tables import read_table
    from govbudget._tables import TableKind

    text = ("一般公共预算“三公”经费支出表\n单位：万元\n"
            "“三公”经费合计 因公出国（境）费 公务用车购置及运行维护费 小计 公务用车购置费 "
            "公务用车运行维护费 公务接待费\n32.00 0.00 30.00 10.00 20.00 2.00\n")
    t = read_table(TableKind.THREE_PUBLIC, split_lines(text), [])
    b = t.blocks[0]
    got = dict(zip([c.key for c in b.columns], b.rows[0].values, strict=True))
    assert got == {"total": Decimal("32.00"), "abroad": Decimal("0.00"),
                   "vehicles": Decimal("30.00"), "vehicle_purchase": Decimal("10.00"),
                   "vehicle_operation": Decimal("20.00"), "reception": Decimal("2.00")}
    # in text without layout, a header on one line says the order as well
    assert read_table(TableKind.THREE_PUBLIC, split_lines(text), [], blanks=False).doubts == ()


class TestHeaderOrder:
    """The order of the item columns comes from the header line that prints them, in
    every style of text."""

    @staticmethod
    def columns(head: str, figures: str) -> tuple[list[str], object]:
        from govbudget._ingest._tables import read_table
        from govbudget._tables import TableKind

        text = f"“三公”经费预算表\n单位：万元\n{head}\n{figures}\n"
        t = read_table(TableKind.THREE_PUBLIC, split_lines(text), [])
        return [c.key for c in t.blocks[0].columns], t

    def test_a_caption_above_the_column_heads_does_not_give_the_order(self) -> None:
        """A caption naming 机关运行经费 before the column heads, and one listing the items
        in another order: the line of column heads gives the order, and 运行费 in a
        caption is no column of its own."""
        keys, t = self.columns("2024年“三公”经费预算数 2024年机关运行经费预算数\n"
                               "合计 因公出国(境)费 公务接待费 公务用车购置及运行费 机关运行经费",
                               "47.91 0 1.35 46.56 443.18")
        assert keys == ["total", "abroad", "reception", "vehicles", "operating_costs"]
        keys, t = self.columns("“三公”经费（因公出国（境）费、公务接待费、公务用车购置及运行费）\n"
                               "合计 因公出国（境）费 公务用车购置及运行费 公务接待费",
                               "10.00 1.00 6.00 3.00")
        assert keys == ["total", "abroad", "vehicles", "reception"]
        assert t.doubts == ()  # type: ignore[attr-defined]

    def test_a_two_level_header_puts_the_vehicle_parts_under_their_item(self) -> None:
        """小计 购置费 运行费 on the line under 公务用车购置及运行费 stand where 公务用车
        stands, 公务接待费 after them."""
        keys, t = self.columns("合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n"
                               "小计 公务用车购置费 公务用车运行费",
                               "15.00 1.00 11.00 5.00 6.00 3.00")
        assert keys == ["total", "abroad", "vehicles", "vehicle_purchase",
                        "vehicle_operation", "reception"]
        assert t.doubts == ()  # type: ignore[attr-defined]

    @pytest.mark.parametrize("head", [
        # no 小计: whether 公务用车 has a column of its own cannot be told
        "合计 因公出国（境）费 公务用车购置及运行费 公务接待费\n购置费 运行费",
        # a label wrapped over two lines
        "合计 因公出国（境）费 公务用车购置及 公务接待费\n运行费",
        # no line prints every item
        "合计 因公出国（境）费\n小计 公务接待费 公务用车购置及运行费",
    ])
    def test_a_header_that_does_not_give_the_order_is_doubtful(self, head: str) -> None:
        """Even where blanks are marked, figures are not put under labels in an order the
        header does not print."""
        _, t = self.columns(head, "10.00 1.00 6.00 3.00")
        assert [d.reason for d in t.doubts] == ["columns"]  # type: ignore[attr-defined]
        assert "order" in t.doubts[0].message_en  # type: ignore[attr-defined]
