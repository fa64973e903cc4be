"""XLSX workbooks: each sheet an indicator table, read through the same table reader as
tables from any other format. The sheet's name is the table's title; merged cells are
read once, with their spans; a number is written as the sheet shows it (a percentage
cell's 0.065 as 6.5%).

The package's parts are counted as they inflate before openpyxl opens it (package.py,
as for DOCX), and a sheet past MAX_CELLS is refused: a workbook is a table, not a
database dump.
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import UnsupportedFormat
from .builder import RawCell, TextBuilder
from .loaded import Loaded
from .package import check_package

MAX_CELLS = 200_000


def load_xlsx(raw: bytes, path: Path) -> Loaded:
    check_package(raw, path, "xlsx")
    try:
        book = load_workbook(io.BytesIO(raw), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnsupportedFormat(path, f"a damaged XLSX file ({type(exc).__name__}: {exc})") from None
    builder = TextBuilder()
    for sheet in book.worksheets:
        if sheet.max_row * sheet.max_column > MAX_CELLS:
            raise UnsupportedFormat(path, f"sheet {sheet.title} has {sheet.max_row} × {sheet.max_column} cells, "
                                          f"over the limit of {MAX_CELLS}: not an indicator table")
        builder.paragraph(sheet.title)
        builder.table(_rows(sheet), title=sheet.title)
    return Loaded(text=builder.text(), encoding="utf-8", tables=builder.tables,
                  title=book.properties.title or None)


def _rows(sheet) -> list[list[RawCell]]:
    spans, covered = {}, set()
    for merged in sheet.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = (merged.max_row - merged.min_row + 1,
                                                   merged.max_col - merged.min_col + 1)
        covered.update((r, c) for r in range(merged.min_row, merged.max_row + 1)
                       for c in range(merged.min_col, merged.max_col + 1) if (r, c) != (merged.min_row, merged.min_col))
    rows = []
    for row in sheet.iter_rows():
        cells = []
        for cell in row:
            if (cell.row, cell.column) in covered:
                continue
            rowspan, colspan = spans.get((cell.row, cell.column), (1, 1))
            cells.append(RawCell(_shown(cell), colspan, rowspan))
        if any(c.text for c in cells):
            rows.append(cells)
    return rows


def _shown(cell) -> str:
    """The cell as the sheet shows it: numbers without float noise, percentages as percent."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    number = Decimal(repr(value))
    if "%" in (cell.number_format or ""):
        return f"{_plain(number * 100)}%"
    return _plain(number)


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")
