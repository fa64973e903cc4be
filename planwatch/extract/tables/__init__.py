"""Indicator tables to facts: real tables from markup (`Document.tables`) and
tables recovered from text (one cell per line, `|`-joined rows), read by one
reader.

    extract_tables(document) -> list[Fact]
"""

from __future__ import annotations

from ...documents import Document
from ..fact import Fact
from .reader import read_table
from .recover import recover_tables


def extract_tables(document: Document) -> list[Fact]:
    """Facts from every indicator table of the document, in table order."""
    found: list[Fact] = []
    for table in [*document.tables, *recover_tables(document)]:
        found.extend(read_table(table, document))
    return found


__all__ = ["extract_tables", "read_table", "recover_tables"]
