"""Loading a report's source: a path, bytes or text, a text file or a PDF, into the text
the reader reads (`govbudget._ingest._reader.read_text`) and, for a PDF, the page of each
line, the pages that are scans and those whose text is an OCR layer.

```pycon
>>> load("合计 5.00\\n")
Loaded(text='合计 5.00\\n', label='<text>', pages=None, scanned=(), ocr=())
>>> load("合计".encode("gb18030") + b"\\n", name="a.txt")[:2]
('合计\\n', 'a.txt')

```
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final, NamedTuple

from .._errors import ReadError
from ._text import decode

__all__ = ["MAX_BYTES", "Loaded", "load"]



class Loaded(NamedTuple):
    """What `load` gives: the text, the name recorded and, for a PDF, the page of each
    line, the scanned pages and the pages of OCR text."""

    text: str
    label: str
    pages: tuple[int, ...] | None
    scanned: tuple[int, ...]
    ocr: tuple[int, ...]


MAX_BYTES: Final = 64 * 1024 * 1024
"""Inputs larger than this are refused (a report's text is rarely over 1 MB)."""


def load(source: str | os.PathLike[str] | bytes, *, encoding: str | None = None,
         name: str | None = None) -> Loaded:
    """The text `read_report` reads from ``source``, the name it records, and, for a PDF,
    the page of each line, the pages that are scans and the pages whose text an OCR tool
    laid over a scan (pypdfium2 is imported only for a PDF, so ``import govbudget`` stays
    cheap)."""
    if isinstance(source, bytes):
        label = name or "<bytes>"
        if source.startswith(_PDF_MAGIC):
            return _pdf_text(source, label)
        return Loaded(decode(source, encoding, source=label), label, None, (), ())
    if isinstance(source, str) and ("\n" in source or "\r" in source):
        return Loaded(source, name or "<text>", None, (), ())
    path = Path(source)
    label = name or str(source)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"the file is larger than {MAX_BYTES // 2**20} MB", source=label)
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot open: {exc.strerror or exc}", source=label) from None
    if data.startswith(_PDF_MAGIC) or path.suffix.lower() == ".pdf":
        return _pdf_text(data, label)
    return Loaded(decode(data, encoding, source=label), label, None, (), ())


_PDF_MAGIC: Final = b"%PDF-"


def _pdf_text(data: bytes, label: str) -> Loaded:
    from ._pdf import extract_pdf

    pdf = extract_pdf(data, source=label)
    if not pdf.text.strip() and not pdf.scanned:
        raise ReadError("the PDF holds no text", source=label)
    return Loaded(pdf.text, label, tuple(pdf.pages), tuple(pdf.scanned), tuple(pdf.ocr))
