"""Tests for govbudget.codes._files: reading code lists from files."""

from __future__ import annotations

from pathlib import Path

import pytest

from govbudget import CatalogueFileError
from govbudget.codes import functional
from govbudget.codes._files import read_pairs
from govbudget.codes._scheme import Scheme


def _scheme() -> Scheme:
    return functional.SCHEME


def test_code_and_name_columns(tmp_path: Path) -> None:
    """A header with a code and a name column, comments and blank rows skipped, lines kept."""
    f = tmp_path / "list.csv"
    f.write_text("# a comment\n科目编码,科目名称\n201,一般公共服务支出\n\n20101,人大事务\n",
                 encoding="utf-8")
    pairs = list(read_pairs(f, _scheme()))
    assert [(c, n) for c, n, _ in pairs] == [("201", "一般公共服务支出"), ("20101", "人大事务")]
    assert [line for _, _, line in pairs] == [3, 5]


def test_split_columns_carry_blank_parts(tmp_path: Path) -> None:
    """类/款/项 columns: a blank part is taken from the row above; a one-digit 款 is padded."""
    f = tmp_path / "split.csv"
    f.write_text("类,款,项,科目名称\n201,,,一般公共服务支出\n,1,,人大事务\n,,1,行政运行\n",
                 encoding="gb18030")
    codes = [c for c, _, _ in read_pairs(f, _scheme())]
    assert codes == ["201", "20101", "2010101"]


@pytest.mark.parametrize(("content", "message"), [
    ("", "empty"),
    ("a,b\n1,2\n", "header"),
    ("code,name\n201,\n", "both"),
])
def test_bad_files(tmp_path: Path, content: str, message: str) -> None:
    """An empty file, a file without the header and a row without its name are refused
    with the file named."""
    f = tmp_path / "bad.csv"
    f.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueFileError, match=message):
        list(read_pairs(f, _scheme()))
