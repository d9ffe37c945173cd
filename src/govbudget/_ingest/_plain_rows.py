"""Rows of table text extracted without layout: a table given one cell a line (PyMuPDF's
plain text) put back together, rows run together on one line cut apart, two panels told
from one table, and names printed apart from their code lines."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final

from .._pattern_cache import compile_pattern
from ._grid import one_cell_a_line
from ._table_cells import _CODE, _is_total, _is_value, _take_code
from ._text import Line, cell_tuple

__all__ = ["_codes_in_order", "_names_apart", "_repeated_label", "_rows_of_cells",
           "_split_merged_rows"]

# A label column's header printed twice: a table in two panels side by side.
_PANEL_LABEL: Final = compile_pattern(r"科目|名称|编码|代码|^项目$|^金额$")


def _repeated_label(words: Sequence[str]) -> bool:
    """Whether a label column's header word (科目名称, 项目, 金额 …) is printed twice."""
    labels = [w for w in words if _PANEL_LABEL.search(w)]
    return len(labels) != len(set(labels))


def _codes_in_order(lines: Sequence[Line], *, in_name: bool = False) -> bool:
    r"""Whether the codes that start ``lines`` (before a name) keep the catalogue's
    grouping: once the rows leave a class (or 款) they do not come back to it. Rows of one
    table cut apart keep it, whatever order its classes come in (301, 303 人员经费 before
    302 公用经费); two panels' rows cut apart (301 …, 302 …, 30101 …) do not. A whole
    amount before a figure (``30000 30000`` in 元) is no code.

    ```pycon
    >>> from govbudget._ingest._text import split_lines
    >>> _codes_in_order(split_lines("301 工资 3\n30101 基本 3\n303 补助 1\n302 商品 2"))
    True
    >>> _codes_in_order(split_lines("301 工资 3\n302 商品 2\n30101 基本 3\n30201 办公 2"))
    False
    >>> _codes_in_order(split_lines("30201 办公 5\n30000 30000\n30101 基本 3"))
    True

    ```
    """
    open_: set[str] = set()  # the previous code and its classes
    left: set[str] = set()  # the classes the rows have left
    for ln in lines:
        c = cell_tuple(ln.text)
        code, rest = _take_code(c, in_name=in_name) if c else (None, c)
        if code is None or not rest or _is_value(rest[0]):
            continue
        path = {code[:n] for n in (3, 5, 7, 9) if n <= len(code)}
        if path & left:
            return False
        left |= open_ - path
        open_ = path
    return True


def _rows_of_cells(body: Sequence[Line], codes: bool = True, one_cell: bool = False
                   ) -> Sequence[Line]:
    """``body`` with its rows put back on one line each when the text gives one cell a
    line (PyMuPDF's plain text: ``30101`` / ``基本工资`` / ``234.27``): a row starts at a code
    followed by its name, or at a name after a figure; the figures and wrapped name pieces
    after it are its own (``codes``: whether the table's rows have codes). A body most of
    whose lines hold several cells is returned as it is, unless the document is known to
    give one cell a line (``one_cell``)."""
    printed = [(ln, [x for x in cell_tuple(ln.text) if x]) for ln in body]
    printed = [(ln, w) for ln, w in printed if w]
    if not (one_cell or one_cell_a_line([" ".join(w) for _, w in printed])):
        return body
    out: list[Line] = []
    parts: list[str] = []
    first = 0
    has_figure = False
    classes: set[str] = set()  # the 类 codes read so far
    for k, (ln, words) in enumerate(printed):
        one = words[0] if len(words) == 1 else ""
        # a code alone before its name, and one that fits the codes read (a 类, or under
        # one): a whole amount (50000 元) before a wrapped name's second line is no code
        code = codes and bool(one) and _CODE.match(one) is not None \
            and (len(one) == 3 or one[:3] in classes) and k + 1 < len(printed) \
            and len(printed[k + 1][1]) == 1 and not _is_value(printed[k + 1][1][0])
        if code and len(one) == 3:
            classes.add(one)
        figure = not code and all(_is_value(x) for x in words)
        if parts and (code or (not figure and has_figure)):
            out.append(Line(first, " ".join(parts)))
            parts, has_figure = [], False
        if not parts:
            first = ln.no
        parts.extend(words)
        has_figure = has_figure or figure or (not code and _is_value(words[-1]))
    if parts:
        out.append(Line(first, " ".join(parts)))
    return out


def _split_merged_rows(body: Sequence[Line], *, in_name: bool = False) -> list[Line]:
    """``body`` with each line that holds several rows cut into one line a row: text
    extracted without layout may run the rows of a table together (pdfium's plain text:
    ``… 一般行政管理事务 135,300 0 135,300 204 公共安全支出 2,878,025 …``). A row starts
    where a figure is followed by a code and a name, or by a total's label and a figure."""
    out: list[Line] = []
    for ln in body:
        c = [x for x in cell_tuple(ln.text) if x]
        cuts = [0]
        for i in range(1, len(c) - 1):
            if not _is_value(c[i - 1]):
                continue
            code, rest = _take_code(tuple(c[i:]), in_name=in_name)
            if (code is not None and rest and not _is_value(rest[0])) or (
                    _is_total(c[i]) and _is_value(c[i + 1])):
                cuts.append(i)
        if len(cuts) == 1:
            out.append(ln)
            continue
        cuts.append(len(c))
        out.extend(Line(ln.no, " ".join(c[a:b])) for a, b in itertools.pairwise(cuts))
    return out


def _names_apart(body: Sequence[Line], *, in_name: bool = False) -> list[int]:
    """The code lines of ``body`` that print no name between text lines: text extracted
    without layout gives a wrapped name's lines in the order they are printed, some above
    the code line and some below (``社会保障和就`` / ``208 754.75 754.75 0.00`` / ``业支出``),
    and a one-line name above it (``卫生健康支出`` / ``210 …``): which text lines belong to
    which row cannot be told."""
    body = [ln for ln in body if ln.text.strip(" \u3000")]  # (blank lines between any two)
    kinds = []
    for ln in body:
        c = cell_tuple(ln.text)
        code, rest = _take_code(c, in_name=in_name) if c else (None, ())
        if code is not None and rest and all(_is_value(x) for x in rest if x):
            kinds.append("code")  # a code and figures, no name
        elif c and not any(_is_value(x) for x in c):
            kinds.append("text")
        else:
            kinds.append("")
    # (the first row's upper half, if any, is read as the header's last line)
    return [body[i].no for i in range(len(body) - 1)
            if kinds[i] == "code" and (i == 0 or kinds[i - 1] == "text")
            and kinds[i + 1] == "text"]
