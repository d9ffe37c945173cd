"""Reading code lists from files (CSV, TSV or plain text; UTF-8, UTF-8 with BOM, GB18030):
which columns hold the code and the name, and codes printed in 类/款/项 columns."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

from .._errors import CatalogueFileError
from ._model import normalise_name

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from ._scheme import Scheme


_DATA: Final = Path(__file__).parent / "data"


def data_file(name: str) -> Traversable:
    """The package's data file ``name`` (in ``govbudget/codes/data``).

    A plain path when the package lies in a folder (the usual install: no
    `importlib.resources` machinery, which costs a fresh process several milliseconds of
    imports), else the `importlib.resources` resource (a zipped install).

    ```pycon
    >>> data_file("functional.csv").is_file()
    True

    ```
    """
    if _DATA.is_dir():
        return _DATA / name
    import importlib.resources

    return importlib.resources.files("govbudget.codes") / "data" / name


_CODE_HEADERS = ("code", "科目编码", "编码", "代码", "科目代码", "编号")
_NAME_HEADERS = ("name", "科目名称", "名称", "项目名称", "目录名称")
_SPLIT_HEADERS = (("类", "款", "项"), ("一级", "二级", "三级", "四级"))


def _decode(raw: bytes, path: Path) -> str:
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            continue
    raise CatalogueFileError(str(path), "not UTF-8 or GB18030 text")


def _rows_of(path: Path) -> Iterator[tuple[int, list[str]]]:
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        try:
            import openpyxl
        except ImportError:
            raise CatalogueFileError(
                str(path), "reading .xlsx needs openpyxl: pip install 'govbudget[excel]'"
            ) from None
        try:
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a bad file
            raise CatalogueFileError(str(path), f"not a readable Excel file ({exc})") from None
        ws = wb.worksheets[0]
        for i, values in enumerate(ws.iter_rows(values_only=True), 1):
            yield i, ["" if v is None else str(v).strip() for v in values]
        wb.close()
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogueFileError(str(path), f"cannot open ({exc.strerror})") from None
    text = _decode(raw, path)
    for i, row in enumerate(csv.reader(io.StringIO(text)), 1):
        if row and row[0].lstrip().startswith("#"):
            continue
        yield i, [c.strip() for c in row]


def read_pairs(path: Path, scheme: Scheme) -> Iterator[tuple[str, str, int]]:
    """The (code, name, line) pairs of a code-list file, codes in ``scheme``'s compact
    form: a header names the code column (code/科目编码/编码/代码 …) or the 类/款/项 columns
    (blank parts carried from the rows above), and the name column.

    Raises:
        CatalogueFileError: the file is empty, has no such header, or a row lacks its
            code or its name.
    """
    rows = _rows_of(path)
    header: list[str] | None = None
    for line, row in rows:
        if any(row):
            header = [normalise_name(h).lower() for h in row]
            header_line = line
            break
    if header is None:
        raise CatalogueFileError(str(path), "the file is empty")
    name_col = next((header.index(h) for h in _NAME_HEADERS if h in header), None)
    code_col = next((header.index(h) for h in _CODE_HEADERS if h in header), None)
    split_cols: list[int] = []
    if code_col is None:
        for names in _SPLIT_HEADERS:
            cols = [header.index(h) for h in names if h in header]
            if len(cols) >= 2:
                split_cols = cols
                break
    if name_col is None or (code_col is None and not split_cols):
        raise CatalogueFileError(
            str(path),
            "expected a header with a code column (code/科目编码/编码/代码, or 类/款/项) "
            f"and a name column (name/科目名称/名称); got {row!r}",
            header_line,
        )
    carried = [""] * len(split_cols)
    for line, row in rows:
        if not any(row):
            continue
        cells = row + [""] * (max(name_col, code_col or 0, *split_cols) + 1 - len(row))
        nm = cells[name_col]
        if code_col is not None:
            code = cells[code_col]
        else:
            parts = [scheme.compact(cells[i]) for i in split_cols]
            # A filled part resets the parts below it; blanks carry over from above.
            for k, part in enumerate(parts):
                if part:
                    carried[k] = part
                    for j in range(k + 1, len(carried)):
                        carried[j] = ""
            deepest = max((k for k, p in enumerate(parts) if p), default=-1)
            if deepest < 0:
                continue
            # Joined as printed parts, so a one-digit 款 ("2") reads as "02".
            code = scheme.compact(" ".join(carried[: deepest + 1]))
        if not code and not nm:
            continue
        if not code or not nm:
            raise CatalogueFileError(str(path), "a row needs both a code and a name", line)
        yield scheme.compact(code), nm, line
