"""Build a Document's text from paragraphs and tables, recording where each
table cell lands so that `Cell.start/end` point into the final text.

A table is rendered one row per line, cells joined by " | ", each merged
cell once (its colspan/rowspan kept on the Cell), so the text reads like the
`|`-joined rows the extractor already knows from scraped pages.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .model import Cell, Table

CELL_SEPARATOR = " | "
_SPACES = re.compile(r"\s+")
_TABLE_TITLE = re.compile(r"^表\s*[\d一二三四五六七八九十]|指标|情况表|一览表|汇总表")


class RawCell(NamedTuple):
    text: str
    colspan: int = 1
    rowspan: int = 1


def cell_text(text: str) -> str:
    """A cell's text on one line: runs of white space (line breaks too) become one space."""
    return _SPACES.sub(" ", text).strip()


class TextBuilder:
    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.tables: list[Table] = []
        self._last_paragraph = ""

    def _add(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def paragraph(self, text: str) -> None:
        text = text.strip()
        if text:
            self._add(text + "\n")
            self._last_paragraph = text

    def table(self, rows: list[list[RawCell]], title: str | None = None) -> None:
        """Render a table; without a title, the paragraph just before it is
        taken when it reads like one (表2 …, 主要指标…, …情况表)."""
        rows = [row for row in rows if row]
        if not rows:
            return
        if title is None and _TABLE_TITLE.search(self._last_paragraph) and len(self._last_paragraph) <= 60:
            title = self._last_paragraph
        self._add("\n")
        table_rows = [self._row(row) for row in rows]
        self._add("\n")
        self.tables.append(Table(rows=table_rows, title=title))

    def _row(self, row: list[RawCell]) -> list[Cell]:
        cells = []
        for i, raw in enumerate(row):
            if i:
                self._add(CELL_SEPARATOR)
            text = cell_text(raw.text)
            start = self._length
            self._add(text)
            cells.append(Cell(text, start, self._length, raw.colspan, raw.rowspan))
        self._add("\n")
        return cells

    def text(self) -> str:
        return "".join(self._parts)
