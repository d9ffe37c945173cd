"""Tests for govbudget._ingest._perf_grid: the indicator grid's state machine (markers,
rows, the period and year columns)."""

from __future__ import annotations

from govbudget._ingest._perf_grid import _Grid
from govbudget._ingest._perf_words import _grid_cells, _Tok


def run(lines: list[str], two: bool) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    toks = [_Tok(kind, word, no, row) for row, (no, text) in enumerate(enumerate(lines, 10))
            for kind, word in _grid_cells(text)]
    unsplit: list[str] = []
    grid = _Grid(two, lambda line, name, value, c: unsplit.append(name or value))
    grid.run(toks)
    rows = [(i.level1, i.level2, i.name, i.value) for col in grid.cols for i in col.rows]
    return rows, unsplit


def test_two_columns_alternate_after_the_right_label() -> None:
    """Rows go left until the right label, then alternate; a line keeps its own line."""
    rows, unsplit = run(["产出指标 数量指标 会议次数 2次 数量指标 会议次数 1次",
                         "质量指标 合格率 100% 质量指标 合格率 100%"], two=True)
    assert rows == [("产出指标", "数量指标", "会议次数", "2次"), ("产出指标", "质量指标", "合格率", "100%"),
                    ("产出指标", "数量指标", "会议次数", "1次"), ("产出指标", "质量指标", "合格率", "100%")]
    assert unsplit == []


def test_one_column_and_an_empty_group() -> None:
    """One column: every row in it; a 二级 label with no row gives an empty indicator."""
    rows, _ = run(["产出指标 数量指标 会议次数 2次", "时效指标", "效益指标 社会效益指标 群众满意 提高"],
                  two=False)
    assert ("产出指标", "时效指标", "", "") in rows
    assert rows[0] == ("产出指标", "数量指标", "会议次数", "2次")
    assert rows[-1][1:] == ("社会效益指标", "群众满意", "提高")
