"""Tests for govbudget._ingest._load: a report's source into the text the reader reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from govbudget import ReadError
from govbudget._ingest import _load
from govbudget._ingest._load import load


def test_text_bytes_and_paths(tmp_path: Path) -> None:
    assert load("合计 5.00\n") == ("合计 5.00\n", "<text>", None, (), ())
    assert load("合计\n".encode("gb18030")) == ("合计\n", "<bytes>", None, (), ())
    path = tmp_path / "r.txt"
    path.write_text("合计 5.00\n", encoding="utf-8")
    assert load(path) == ("合计 5.00\n", str(path), None, (), ())
    assert load(str(path), name="named")[1] == "named"


def test_a_missing_or_too_large_file_is_a_read_error(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ReadError, match="cannot open"):
        load(tmp_path / "none.txt")
    path = tmp_path / "big.txt"
    path.write_text("合计 5.00\n" * 10, encoding="utf-8")
    monkeypatch.setattr(_load, "MAX_BYTES", 10)
    with pytest.raises(ReadError, match="larger than"):
        load(path)


def test_a_pdf_gives_its_pages_scans_and_ocr_pages() -> None:
    """A PDF's text comes with the page of each line, its scanned pages and its pages of
    OCR text (none in a born-digital report)."""
    pytest.importorskip("pypdfium2")
    path = Path(__file__).parent / "data" / "real" / "shanghai-ptflfy-2024-budget.pdf"
    text, label, pages, scanned, ocr = load(path)
    assert pages is not None and len(pages) == len(text.split("\n"))
    assert label == str(path) and scanned == () and ocr == ()
