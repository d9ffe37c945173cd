"""Two-sided tables (收支总表, 财政拨款收支总表) in the sample's style.

Read as a stream of labels, each followed by its amounts; a label goes to the income or
the expenditure block by its wording (expenditure labels end in 支出 …), and of two labels
on one line the second is the expenditure panel's. Row numbers (行次) are dropped.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

from .._money import Unit
from .._pattern_cache import compile_pattern
from .._tables import Block, Doubt, Row, RowKind, TableKind, new_row
from ._grid import one_cell_a_line
from ._table_cells import (
    _CN_ORDINAL,
    _ROW_NUMBER,
    _column,
    _is_colnums,
    _is_total,
    _is_value,
    _Reading,
)
from ._text import Line, cell_tuple, is_amount

__all__ = ["read_two_sided"]


def read_two_sided(reader: _Reading, body: Sequence[Line], header: str
                   ) -> tuple[Block, ...]:
    """The income and the expenditure blocks of a two-sided table (收支总表, 财政拨款收支总表):
    a stream of labels, each followed by its amounts; a label goes to a side by its wording,
    or by its place when two labels share a line."""
    flat = "".join(header.split())  # as _WS.sub("", header)
    if reader.kind is TableKind.GRANT_SUMMARY:
        exp_keys = ["total"] + [k for k, lab in (("general_budget", "一般公共预算"),
                                                 ("fund_budget", "政府性基金"),
                                                 ("state_capital", "国有资本经营"))
                                if lab in flat]
    else:
        exp_keys = ["total"]
        if "当年" in flat or "本年" in flat.split("支出", 1)[-1]:
            exp_keys.append("current_year")
        if "上年结转" in flat.split("支出", 1)[-1] or "结转" in flat.split("合计", 1)[-1]:
            exp_keys.append("carryover")
    inc_cols = (_column("amount"),)
    exp_cols = tuple(map(_column, exp_keys))
    labels: list[tuple[str, int, list[str]]] = []  # (label, line, value cells)
    is_value = _is_value
    row_numbers = "行次" in flat
    sides: dict[int, bool] = {}  # label index → expenditure side, when placed by position
    orphans: list[int] = []  # lines of figures that belong to no label
    # One cell a line (PyMuPDF, pdfminer): cells in the PDF's drawing order, all labels then
    # all figures; the table is doubtful as a whole (`_plain_text_doubts`).
    one_cell = not reader.blanks and bool(body) and one_cell_a_line([ln.text for ln in body])
    for ln in body:
        c = cell_tuple(ln.text)
        if not c or _is_colnums(ln.text):
            continue
        if row_numbers:
            c = _drop_row_numbers(c, whole_amounts=reader.unit is Unit.YUAN)
            if not any(c):
                continue
        line_start = len(labels)
        first = c[0]
        n = len(c)
        if first and labels and not labels[-1][2] and n - c.count("") == 1 \
                and not is_amount(first) and not _starts_label(first):
            # a label alone, wrapped from the label before
            labels[-1] = (labels[-1][0] + first, labels[-1][1], labels[-1][2])
            continue
        pos = 0
        if is_value(first):
            # amounts alone: they belong to the last label still without amounts
            vals: list[str] = []
            while pos < n and (not c[pos] or is_value(c[pos])):
                vals.append(c[pos])
                pos += 1
            # They are the last label's only when it has none yet: when it has its
            # own, the figures are a row's wrapped over lines (its figures split), or of
            # a label further up; which is not known, and the table is doubtful.
            if labels and not labels[-1][2]:
                labels[-1] = (labels[-1][0], labels[-1][1], vals)
            else:
                orphans.append(ln.no)
                # (text one cell a line: the table's one doubt says that no label's
                # figures can be told, rather than a finding a figure)
                if not one_cell:
                    reader.finding("reading.unplaced_figure", ln.no, "数值无法对应到项目",
                                  "figures belong to no item",
                                  actual=" ".join(v for v in vals if v))
        while pos < n:
            if not c[pos]:
                pos += 1
                continue
            label = c[pos]
            pos += 1
            nxt = pos
            while nxt < n and not c[nxt]:
                nxt += 1  # (``1.  一般公共预算资金``: blank cells between)
            if nxt < n and not is_value(c[nxt]) and _ENUMERATOR.match(label):
                label += c[nxt]  # ``1. 一般公共预算资金``: the number is the label's
                pos = nxt + 1
            elif _FIGURE_LIKE.match(label):
                # digits that read as no amount (``2599.``: a figure cut at a line break;
                # an enumerator with no label after it): no label, and no figure of any
                # item either
                reader.finding("reading.unparsed_amount", ln.no, f"无法识别的金额“{label}”",
                               f"cannot read {label!r} as an amount", actual=label)
                orphans.append(ln.no)
                continue
            vals = []
            while pos < n and (not c[pos] or is_value(c[pos])):
                vals.append(c[pos])
                pos += 1
            labels.append((label, ln.no, vals))
        # Two labels on one line are the income and the expenditure panel: a label that
        # reads as income (总计, printed on both sides) after an income label of the same
        # line is the expenditure panel's.
        placed = False
        for k in range(line_start, len(labels)):
            exp_side = _is_expenditure_label(labels[k][0])
            if placed and not exp_side:
                sides[k] = True
            placed = placed or not exp_side
    if orphans and not one_cell:
        reader.doubts.append(Doubt(
            "names", f"{len(orphans)}行数值无法对应到项目（行可能折行，其数值分印两行），无法确定各项目的数值",
            f"{len(orphans)} lines of figures belong to no item (a row wrapped over lines may "
            "print its figures on two): the items' figures cannot be told", tuple(orphans[:20])))
    inc_rows: list[Row] = []
    exp_rows: list[Row] = []
    amounts_of = reader.amounts
    n_inc, n_exp = len(inc_cols), len(exp_cols)
    if not reader.blanks:
        _plain_text_doubts(reader, body, flat, labels, sides, n_exp, one_cell)
    total_kind, data_kind = RowKind.TOTAL, RowKind.DATA
    headed = {False: False, True: False}  # an 一、 item seen on the side
    for k, (label, line, vals) in enumerate(labels):
        is_exp = sides.get(k) or _is_expenditure_label(label)
        n_cols = n_exp if is_exp else n_inc
        if len(vals) > n_cols and any(vals[n_cols:]):
            reader.finding("reading.unplaced_figure", line,
                          f"“{label}”后多出的数值无法对应到列",
                          f"extra figures after {label!r}",
                          actual=" ".join(v for v in vals[n_cols:] if v))
        amounts = amounts_of(vals[:n_cols], line, n_cols)
        # An ordinal (一、) ends in 、: a label without one has no ordinal to drop; an
        # item's other ordinal (（一）, 1.) where no 一、 heads the side is dropped too
        # (the items themselves: （一）一般公共服务支出 is the class 一般公共服务支出)
        # The item's ordinal is dropped from its name: 一、, and （一）, 1. where no 一、 heads
        # the side (the items themselves: （一）一般公共服务支出 is the class 一般公共服务支出)
        side = bool(is_exp)
        top = _CN_ORDINAL.match(label) is not None
        name = _CN_ORDINAL.sub("", label) if top else label
        if not headed[side] and not top and (m := _SUB_ORDINAL.match(name)):
            name = name[m.end():].lstrip(" \u3000") or name
        # a breakdown (1. 一般公共预算资金 under 一、财政拨款收入; （一）人员经费 under 一、
        # 基本支出) is level 2: the side's sums take the items, not their parts; items
        # numbered 1. 2. with no 一、 above them are the side's items themselves
        if top:
            headed[side] = True
        sub = headed[side] and _SUB_ORDINAL.match(name) is not None
        row = new_row(name, amounts, None, None, total_kind, None, line) if _is_total(name) \
            else new_row(name, amounts, None, 2 if sub else 1, data_kind, None, line)
        (exp_rows if is_exp else inc_rows).append(row)
    return (Block("income", inc_cols, tuple(inc_rows)),
            Block("expenditure", exp_cols, tuple(exp_rows)))


def _plain_text_doubts(reader: _Reading, body: Sequence[Line], flat: str,
                       labels: list[tuple[str, int, list[str]]], sides: dict[int, bool],
                       n_exp: int, one_cell: bool) -> None:
    """What text without layout (blank cells dropped) leaves unknown in a two-sided table:
    a third panel (收入 | 支出功能分类 | 支出用途: three 金额 columns), whose labels the
    stream of labels cannot keep apart from the second's; and, with several expenditure
    columns, a row with fewer figures than the columns."""
    if not body:
        return
    if one_cell:
        # one cell a line (PyMuPDF): cells come in the PDF's drawing order, which need
        # not be the rows' (all labels, then all figures), and blanks are dropped
        reader.doubts.append(Doubt(
            "columns", "文本每行一个单元格，未标出空白单元格，收支两栏的项目与数值无法对应",
            "text with one cell a line and no blank cells: the items and figures of the two "
            "sides cannot be matched", (body[0].no,)))
        return
    zones = max(flat.count(w) for w in ("金额", "预算数", "决算数"))
    if zones >= 3:
        reader.doubts.append(Doubt(
            "columns", f"文本未保留版式，表中{zones}栏并排，各栏项目无法分清",
            f"text without layout: {zones} panels side by side, whose items cannot be "
            "told apart", (body[0].no,)))
    if n_exp > 1:
        short = [line for k, (label, line, vals) in enumerate(labels)
                 if (sides.get(k) or _is_expenditure_label(label))
                 and 0 < len([v for v in vals if v]) < n_exp]
        if short:
            reader.doubts.append(Doubt(
                "columns", f"文本未标出空白单元格，{len(short)}行支出的数值少于{n_exp}列",
                f"the text does not mark blank cells, and {len(short)} expenditure rows "
                f"have fewer figures than the {n_exp} columns", tuple(short[:20])))


# (单位预留机动经费: a spending use, 江苏; no income item ends in 经费)
_SUB_ORDINAL: Final = compile_pattern(
    r"^(?:\d{1,2}[.、．]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[)）])")
_ENUMERATOR: Final = compile_pattern(
    r"^(?:\d{1,2}[.、．]|[（(](?:[一二三四五六七八九十]+|\d{1,2})[)）]|[一二三四五六七八九十]+、)$")
# A cell of digits and separators that is not an amount (``2599.``, ``2599.992599.9``).
_FIGURE_LIKE: Final = compile_pattern(r"^[\d.,]+$")
_EXP_END: Final = compile_pattern(r"(支出|预备费|经费|支出合计|支出总计|年终结转|结转下年|结余)$")


@functools.lru_cache(maxsize=1024)
def _is_expenditure_label(label: str) -> bool:
    # Cached: asked twice of each label of a two-sided table, and the labels recur.
    # 决算: 使用非财政拨款结余 and 年初（财政拨款）结转和结余 are income; 结余分配 is spending.
    if "、" in label:
        label = _CN_ORDINAL.sub("", label)
    if label.endswith("结余分配"):
        return True
    return bool(_EXP_END.search(label)) and not label.startswith(
        ("上年结转", "上年财政拨款结转", "年初", "使用非财政拨款结余"))


def _drop_row_numbers(c: tuple[str, ...], *, whole_amounts: bool) -> tuple[str, ...]:
    """The cells of a line of a two-sided table with a 行次 column, without the row
    numbers: a whole number of up to three digits first on the line or right after a
    label (amounts come after the row number). In a table in 万元, whose amounts print
    decimals, a whole number right after a row number is the next panel's row number (its
    label blank); in 元 (``whole_amounts``) it is an amount."""
    out: list[str] = []
    after_label = True
    # A line of row numbers alone (two empty rows side by side) holds no amount at all.
    numbers_only = all(not x or _ROW_NUMBER.match(x) for x in c)
    dropped = False
    for cell in c:
        if not cell:
            if not dropped:
                out.append(cell)
            continue
        if (after_label or numbers_only or (dropped and not whole_amounts)) \
                and _ROW_NUMBER.match(cell):
            # The spaces around a row number only space it out: they are no blank cell.
            while out and not out[-1]:
                out.pop()
            after_label = False
            dropped = True
            continue
        dropped = False
        after_label = not _is_value(cell)
        out.append(cell)
    return tuple(out)


_KNOWN_LABELS: Final = frozenset({
    "本年收入合计", "收入总计", "本年支出合计", "支出总计", "上年结转", "年终结转", "结转下年",
    "上年财政拨款结转", "年末结转和结余", "年初结转和结余", "收入合计", "支出合计",
    "使用非财政拨款结余", "结余分配", "年初财政拨款结转和结余", "年末财政拨款结转和结余", "总计",
})


def _starts_label(text: str) -> bool:
    """Whether a label opens an item (an enumerator of any style: 一、, （一）, 1.; or a
    total's or carry-over's known words), never the rest of a label wrapped before it.

    >>> [_starts_label(t) for t in ("一、教育支出", "（二）外交支出", "3.国防支出", "（基本建设）", "支出")]
    [True, True, True, False, False]
    """
    return bool(_CN_ORDINAL.match(text) or _SUB_ORDINAL.match(text)) or text in _KNOWN_LABELS
