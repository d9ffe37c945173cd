"""Tests for govbudget._ingest._text: decoding, lines, extraction artefacts."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govbudget import GovBudgetError, ReadError
from govbudget._ingest._text import (
    Line,
    cell_tuple,
    cells,
    decode,
    dedouble,
    is_amount,
    join_stripped,
    join_text,
    normalise_breaks,
    spaced,
    split_code,
    split_lines,
)

TEXT = "预算公开表3\n合计 2,599.99\n"


def texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in lines]


class TestDecode:
    def test_utf8(self) -> None:
        """UTF-8 bytes decode without being told the encoding."""
        assert decode(TEXT.encode("utf-8")) == TEXT

    def test_utf8_bom_removed(self) -> None:
        """A UTF-8 byte-order mark is not part of the text."""
        assert decode(b"\xef\xbb\xbf" + TEXT.encode("utf-8")) == TEXT

    @pytest.mark.parametrize("encoding", ["gb18030", "gbk"])
    def test_gb18030_detected(self, encoding: str) -> None:
        """GB18030/GBK bytes, which are not UTF-8, decode as GB18030 when no encoding is given."""
        data = TEXT.encode(encoding)
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
        assert decode(data) == TEXT

    def test_given_encoding_used(self) -> None:
        """A given encoding is used as is, and a BOM it leaves is dropped."""
        assert decode(TEXT.encode("utf-16"), "utf-16") == TEXT
        assert decode(TEXT.encode("gbk"), "gbk") == TEXT
        assert decode(("\ufeff" + TEXT).encode("utf-8"), "utf-8") == TEXT

    def test_given_encoding_wrong(self) -> None:
        """Bytes that do not decode in the given encoding raise ReadError naming it."""
        with pytest.raises(ReadError, match="utf-8") as info:
            decode(TEXT.encode("gbk"), "utf-8", source="r.txt")
        assert info.value.source == "r.txt"

    def test_unknown_encoding(self) -> None:
        """An encoding Python does not know is a ReadError, not a LookupError."""
        with pytest.raises(ReadError, match="no-such-codec"):
            decode(b"abc", "no-such-codec")

    def test_nul_bytes(self) -> None:
        """Binary data (NUL bytes) is refused: it is not extracted text."""
        with pytest.raises(ReadError, match="NUL") as info:
            decode(b"%PDF-1.7\x00\x01\x02", source="report.pdf")
        assert info.value.source == "report.pdf"
        assert isinstance(info.value, GovBudgetError)
        assert isinstance(info.value, ValueError)

    def test_nul_bytes_late_in_the_file(self) -> None:
        """A NUL byte after the first 64 KiB is still refused."""
        with pytest.raises(ReadError, match="NUL"):
            decode(b"a" * 70_000 + b"\x00")

    def test_nul_with_given_encoding(self) -> None:
        """Text that decodes to NUL characters in the given encoding is refused too."""
        with pytest.raises(ReadError, match="NUL"):
            decode(b"abc\x00def", "utf-8")

    def test_neither_encoding(self) -> None:
        """Bytes that are neither UTF-8 nor GB18030 raise ReadError."""
        with pytest.raises(ReadError, match="GB18030"):
            decode(b"\xff\xfe\xff")


class TestSplitLines:
    @pytest.mark.parametrize("sep", ["\n", "\r\n", "\r"])
    def test_line_ends(self, sep: str) -> None:
        """LF, CRLF and CR all end a line, and no \\r is left in the text."""
        lines = split_lines(sep.join(["一", "二", "三"]))
        assert texts(lines) == ["一", "二", "三"]

    def test_mixed_line_ends(self) -> None:
        """A file mixing CRLF, CR and LF gives one line per line end."""
        assert texts(split_lines("a\r\nb\rc\nd")) == ["a", "b", "c", "d"]

    def test_numbers_are_one_based(self) -> None:
        """Lines are numbered from 1, blank lines included."""
        lines = split_lines("a\n\nc\n")
        assert [(ln.no, ln.text) for ln in lines] == [(1, "a"), (2, ""), (3, "c"), (4, "")]

    def test_bom(self) -> None:
        """A BOM left at the start of decoded text is dropped."""
        assert split_lines("\ufeff表1")[0].text == "表1"


class TestLine:
    def test_stripped(self) -> None:
        """``stripped`` removes ASCII, full-width and non-breaking spaces around the text."""
        assert Line(1, "\u3000\u3000 项目 \u00a0\t").stripped == "项目"

    def test_bool(self) -> None:
        """A line of spaces alone is falsy; one with text is truthy."""
        assert not Line(1, " \u3000 ")
        assert Line(1, " a")


class TestDedouble:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("合计合计 2599.992599.99 1705.881705.88", "合计 2599.99 1705.88"),
            ("第一部分 概况第一部分 概况", "第一部分 概况"),
            ("第一部分 概况 第一部分 概况", "第一部分 概况"),
            ("项目项目", "项目"),
            ("2599.992599.99", "2599.99"),
            ("2,599.992,599.99", "2,599.99"),
            ("-1.00-1.00", "-1.00"),
            ("1111 常常", "1111 常常"),
            ("1111", "1111"),
            ("1010", "1010"),
            ("10.00 10.00", "10.00 10.00"),
            ("0.84 0.84", "0.84 0.84"),
            ("常常", "常常"),
            ("行政运行", "行政运行"),
            ("", ""),
        ],
    )
    def test_cases(self, text: str, expected: str) -> None:
        """Doubled bold text collapses; numbers valid as printed, lines of valid numbers
        (separate cells) and doubled single characters stay."""
        assert dedouble(text) == expected


class TestIsAmount:
    @pytest.mark.parametrize("token", ["0", "0.84", "2,599.99", "-465.54", "－3", "５００", "463.00"])
    def test_amounts(self, token: str) -> None:
        """Amounts as printed, full-width and with minus signs, are amounts."""
        assert is_amount(token)

    @pytest.mark.parametrize("token", ["", "合计", "2024年", "500,00", "1.2.3", "+5", ".5", "35O.50"])
    def test_not_amounts(self, token: str) -> None:
        """Words, dates, badly grouped numbers and junk are not."""
        assert not is_amount(token)


class TestCells:
    def test_blank_cell(self) -> None:
        """Two spaces mean a blank cell between two cells."""
        assert cells("2010102 一般行政管理事务 463.00  463.00") == [
            "2010102", "一般行政管理事务", "463.00", "", "463.00"]

    def test_trailing_blanks_dropped(self) -> None:
        """Trailing blank cells are dropped: their count is unreliable."""
        assert cells("2010101 行政运行 1154.76 1154.76      ") == [
            "2010101", "行政运行", "1154.76", "1154.76"]

    def test_several_blank_cells(self) -> None:
        """Three spaces are two blank cells."""
        assert cells("a   b") == ["a", "", "", "b"]

    def test_glued_number_then_text(self) -> None:
        """An amount glued to the label after it is split off."""
        assert cells("一、一般公共预算 2599.99一、一般公共服务支出 2048.87 2048.87  ") == [
            "一、一般公共预算", "2599.99", "一、一般公共服务支出", "2048.87", "2048.87"]

    def test_glued_text_then_number(self) -> None:
        """An amount glued after a label is split off."""
        assert cells("一般公共服务支出2048.87 10.5") == ["一般公共服务支出", "2048.87", "10.5"]

    def test_glued_and_doubled(self) -> None:
        """Doubled amounts glued to doubled labels split and collapse."""
        assert cells("本年收入合计本年收入合计 2599.992599.99本年支出合计本年支出合计 2599.992599.99") == [
            "本年收入合计", "2599.99", "本年支出合计", "2599.99"]

    def test_doubled(self) -> None:
        """Each cell is de-doubled."""
        assert cells("合计合计 2599.992599.99 1705.881705.88") == ["合计", "2599.99", "1705.88"]

    def test_integers_and_dates_not_split(self) -> None:
        """Only decimal amounts are split from text: years and counts stay in their cell."""
        assert cells("2024年预算数 第1期") == ["2024年预算数", "第1期"]

    def test_full_width_indent_and_tabs(self) -> None:
        """Full-width indentation is not a cell; a tab separates cells like a space."""
        assert cells("\u3000\u3000省级培训经费 71.60\t71.60") == ["省级培训经费", "71.60", "71.60"]

    def test_empty(self) -> None:
        """A line of spaces has no cells."""
        assert cells("     ") == []
        assert cells("") == []
        assert cells("\u3000\t ") == []

    def test_cached_cells_are_not_shared(self) -> None:
        """`cells` is the cached `cell_tuple` as a fresh list: changing it changes no later
        answer."""
        line = "合计合计 2599.992599.99  1705.88"
        first = cells(line)
        assert tuple(first) == cell_tuple(line) == ("合计", "2599.99", "", "1705.88")
        first.append("x")
        assert cells(line) == ["合计", "2599.99", "", "1705.88"]


class TestJoinText:
    def test_cjk_joined_without_space(self) -> None:
        """Wrapped Chinese text joins without a space; blank lines are skipped."""
        lines = split_lines("七、文化旅游体育与传媒支\n\n出")
        assert join_text(lines) == "七、文化旅游体育与传媒支出"

    def test_ascii_words_keep_a_space(self) -> None:
        """Two ASCII words or numbers split over lines keep a space between them."""
        assert join_text(split_lines("total 2024\nbudget")) == "total 2024 budget"

    def test_mixed(self) -> None:
        """Between a number and a Chinese character no space is added."""
        assert join_text(split_lines("预算收入总计2,599.99\n万元")) == "预算收入总计2,599.99万元"

    def test_strips_indent(self) -> None:
        """Indentation (ASCII and full-width) is removed from each line."""
        assert join_text([Line(1, "\u3000\u3000本单位"), Line(2, "  负责")]) == "本单位负责"

    def test_join_stripped(self) -> None:
        """`join_stripped` joins stripped texts as `join_text` joins lines."""
        lines = split_lines("total 2024\n\nbudget\n预算")
        assert join_stripped([ln.stripped for ln in lines]) == join_text(lines) == \
            "total 2024 budget预算"


_GLUE_CHARS = "0123456789.,-一二支出（）()、“”a "


@pytest.mark.property
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_GLUE_CHARS, max_size=16))
def test_glue_points_property(token: str) -> None:
    """Property: an amount glued to text is split where a decimal of one or two places
    meets a CJK character or bracket, or such a character meets a decimal amount (the
    pattern is written with one lookahead for both decimal tails)."""
    import re

    from govbudget._ingest._text import _CJK, _GLUE

    reference = re.compile(rf"(?<=\d\.\d)(?={_CJK})|(?<=\d\.\d\d)(?={_CJK})"
                           rf"|(?<={_CJK})(?=-?\d[\d,]*\.\d)")
    assert [m.start() for m in _GLUE.finditer(token)] == \
        [m.start() for m in reference.finditer(token)]


def _cells_reference(text: str) -> tuple[str, ...]:
    # cell_tuple as it was written before the token tests were reordered (amount first).
    from govbudget._ingest._text import _ASCII_AMOUNT, _dedouble_token, _split_glued

    body = text.replace("\u3000", " ").replace("\t", " ").strip(" ")
    if not body:
        return ()
    out: list[str] = []
    for raw in body.split(" "):
        if not raw:
            out.append("")
        elif raw.isascii() and _ASCII_AMOUNT.fullmatch(raw):
            out.append(raw)
        elif "." not in raw:
            n = len(raw)
            doubled = n >= 2 and not n % 2 and raw[:n // 2] == raw[n // 2:]
            out.append(_dedouble_token(raw) if doubled else raw)
        else:
            out.extend(_split_glued(raw))
    return tuple(out)


_CELL_PARTS = st.sampled_from(["1", "11", "1111", "12", "-", "-5", "5.00", "5.005.00", ".", ",",
                               "1,234", "2,599.99", "合计", "合计合计", "支出", "一、", " ", "  ",
                               "\u3000", "\t", "３", "．", "O", "x"])


@given(st.lists(_CELL_PARTS, max_size=10).map("".join))
def test_cell_tuple_matches_its_reference(text: str) -> None:
    cell_tuple.cache_clear()
    assert cell_tuple(text) == _cells_reference(text)


@pytest.mark.parametrize(("end", "start", "space", "in_cell"), [
    ("C", "D", True, True), ("3", "a", True, True), ("a", "3", True, True),  # Latin words
    # two figures (图1 | 2024年度) in running text; in a table cell, a number the cell's
    # width cut (=60 | 0000元)
    ("6", "0", True, False),
    ("计", "6", False, False), ("6", "元", False, False), (".", "0", False, False)])
def test_spaced(end: str, start: str, space: bool, in_cell: bool) -> None:
    assert spaced(end, start) is space
    assert spaced(end, start, cut_numbers=True) is in_cell
    assert (join_stripped([f"共{end}", f"{start}元"]) == f"共{end} {start}元") is space


@pytest.mark.parametrize(("cell", "split"), [
    ("2010101行政运行", ("2010101", 7)), ("[30101]基本工资", ("30101", 7)),
    ("【201】一般公共服务支出", ("201", 5)), ("30101-基本工资", ("30101", 6)),
    ("201 一般公共服务支出", ("201", 4)),  # a grid cell
    ("2024年预算数", None),  # a year is no code
    ("1111", None), ("201", None), ("[201]", None), ("201 5.00", None)])
def test_split_code(cell: str, split: tuple[str, int] | None) -> None:
    """The shape only: whether the code's 类 is a catalogue's is the table reader's test
    (`govbudget._ingest._table_cells.code_in_name`), which knows a project list."""
    assert split_code(cell) == split


def test_markdown_table_rows_are_tab_fields() -> None:
    """A document converter's pipe table reads as the same table with tab fields (blank
    cells kept, the rule line dropped); a pipe in prose is kept."""
    from govbudget import TableKind, read_text

    rows = [("合计", "30.00", "20.00", "10.00"), ("201 一般公共服务支出", "30.00", "20.00", "10.00"),
            ("2010101 行政运行", "20.00", "20.00", ""), ("2010102 一般行政管理事务", "10.00", "", "10.00")]
    head = "第二部分 部门预算表\n2024年部门支出预算总表\n单位：万元\n"
    tabs = head + "科目\t合计\t基本支出\t项目支出\n" + "".join("\t".join(r) + "\n" for r in rows)
    pipes = head + "| 科目 | 合计 | 基本支出 | 项目支出 |\n|---|---:|---:|---:|\n" + "".join(
        "| " + " | ".join(r) + " |\n" for r in rows)
    want = read_text(tabs).table(TableKind.EXPENDITURE)
    got = read_text(pipes).table(TableKind.EXPENDITURE)
    assert want is not None and got is not None
    assert [(r.code, r.name, r.values) for r in got.block().rows] == [
        (r.code, r.name, r.values) for r in want.block().rows]
    assert [(r.code, r.name) for r in got.block().rows][1:3] == [
        ("201", "一般公共服务支出"), ("2010101", "行政运行")]  # a code and its name in one cell
    assert not got.doubts
    assert normalise_breaks("情况说明见附件1|附件2") == "情况说明见附件1|附件2"


def test_zero_width_characters_and_kangxi_radicals() -> None:
    """Zero-width characters are dropped; a Kangxi radical or compatibility ideograph is
    the ideograph NFKC makes it, and nothing else in the text changes."""
    assert normalise_breaks("⼀般公共服务⽀\u200b出\u00ad合\ufeff计") == "一般公共服务支出合计"
    assert normalise_breaks("\uf900") == unicodedata.normalize("NFKC", "\uf900")
    assert normalise_breaks("⺠ 2024年 ①") == "⺠ 2024年 ①"  # no NFKC form: kept


def test_the_supplement_simplified_radicals_are_their_ideographs() -> None:
    """A font's 门, 长, 见 … mapped to the CJK Radicals Supplement's simplified radicals
    (which NFKC keeps) are read as the ideographs; the supplement's other characters,
    component forms, are kept."""
    assert normalise_breaks("2024年部⻔预算 ⻓期 ⻅附件 ⻋辆 ⻢ ⻩ ⻚") == \
        "2024年部门预算 长期 见附件 车辆 马 黄 页"
    assert normalise_breaks("⺅⺠") == "⺅⺠"
    import unicodedata as ud

    for cp in range(0x2EA6, 0x2EF4):
        got = normalise_breaks(chr(cp))
        if got != chr(cp):  # mapped: the ideograph the radical's name says it simplifies
            assert "SIMPLIFIED" in ud.name(chr(cp)) and "CJK UNIFIED IDEOGRAPH" in ud.name(got)


@given(st.text(alphabet=st.characters(min_codepoint=0x2F00, max_codepoint=0x2FD5)
               | st.sampled_from("一般公共服务支出合计 50")))
def test_radicals_read_as_nfkc_ideographs(text: str) -> None:
    assert normalise_breaks(text) == unicodedata.normalize("NFKC", text)


def test_a_table_drawn_with_box_characters_is_pipe_rows() -> None:
    """Box-drawing borders (│ ┃ ║ ｜) are cell borders and their rules (├──┼──┤) rule
    lines, as Markdown's: the cells come out as tab fields."""
    text = "┌──┬──┐\n│ 201 │ 一般公共服务支出 │ 30.00 │\n├──┼──┤\n┃ 合计 ┃ ┃ 30.00 ┃\n└──┴──┘"
    assert normalise_breaks(text).split("\n") == [
        "", "201\t一般公共服务支出\t30.00", "", "合计\t\t30.00", ""]
    assert normalise_breaks("｜ 合计 ｜ 5.00 ｜\n｜ 一般 ｜ 5.00 ｜\n｜ 行政 ｜ 5.00 ｜") == \
        "合计\t5.00\n一般\t5.00\n行政\t5.00"


def test_a_grid_table_s_rules_are_blank_lines() -> None:
    """A grid table's rules (+-----+----+, +=====+) are blank lines; its rows are pipe
    rows; a line of figures with a plus sign is kept."""
    text = "+------+------+\n| 合计 | 5.00 |\n+======+======+\n| 一般 | 5.00 |\n+-+-+\n3+-2"
    assert normalise_breaks(text).split("\n") == ["", "合计\t5.00", "", "一般\t5.00", "", "3+-2"]
