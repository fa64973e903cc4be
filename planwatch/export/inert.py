"""Cells that never run. A document's own words (a file named `=HYPERLINK(…)`, a title
opening with `+` or `@`) go into spreadsheets as text, never as formulas: in CSV a
leading apostrophe, as spreadsheet programs read it; in XLSX the cell typed as text."""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?%?")   # -3.8 and -3.8% are figures, not formulas


def csv_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def as_text(cell) -> None:
    """An openpyxl cell given a string that opens like a formula keeps it as text."""
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"
