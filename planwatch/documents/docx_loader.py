"""DOCX: body paragraphs and real tables in document order, the core
properties' title as a metadata hint.

python-docx repeats a merged cell in every grid position it covers (its
issue #232), so tables are read from the XML: `gridSpan` gives the colspan,
`vMerge` continuation cells are skipped and counted into the first cell's
rowspan. Each merged cell is read once; grid columns a row skips at its
start (`gridBefore`) are one empty cell.

Limits: the package's parts are counted as they inflate before python-docx
opens it (package.py); XML nested deeper than lxml parses (256 levels) is
refused as such.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import docx
from docx.exceptions import PythonDocxError
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from lxml import etree

from ..errors import OverLimit, UnsupportedFormat
from .builder import RawCell, TextBuilder
from .loaded import Loaded
from .package import check_package

# What a corrupt package raises inside zipfile, zlib, lxml and python-docx.
_DAMAGED = (KeyError, ValueError, EOFError, NotImplementedError, zipfile.BadZipFile, zlib.error,
            etree.LxmlError, OpcError, PythonDocxError)


def load_docx(raw: bytes, path: Path) -> Loaded:
    check_package(raw, path, "docx")
    try:
        document = docx.Document(io.BytesIO(raw))
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc):   # libxml2's ERR_RESOURCE_LIMIT: "Excessive depth in document"
            raise OverLimit(path, f"its XML is nested deeper than 256 levels ({exc})") from None
        raise UnsupportedFormat(path, f"a damaged DOCX file ({type(exc).__name__}: {exc})") from None
    except _DAMAGED as exc:
        raise UnsupportedFormat(path, f"a damaged DOCX file ({type(exc).__name__}: {exc})") from None
    builder = TextBuilder()
    for block in _blocks(document.element.body):
        if block.tag == qn("w:p"):
            builder.paragraph(_paragraph_text(block))
        else:
            builder.table(_read_table(block))
    # core properties' dates are when the file was made (often a template's), not published: not used
    title = (document.core_properties.title or "").strip() or None
    return Loaded(text=builder.text(), encoding="utf-8", tables=builder.tables, title=title)


def _blocks(parent):
    """Paragraphs and tables in order, also those wrapped in content controls
    (w:sdt, often around a whole body or a table of contents) and custom XML."""
    for child in parent.iterchildren():
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
            yield from _blocks(child)


def _paragraph_text(p) -> str:
    """Text of a paragraph: runs, tabs as spaces, line breaks kept."""
    parts = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        else:
            parts.append(" " if node.tag == qn("w:tab") else "\n")
    return "".join(parts)


def _read_table(tbl) -> list[list[RawCell]]:
    grid = [_grid_row(tr) for tr in tbl.iterchildren(qn("w:tr"))]
    width = _real_columns(tbl)
    rows = []
    for r, row in enumerate(grid):
        # a row that starts further right (w:gridBefore) keeps its cells in their grid columns
        cells = [RawCell("", width(0, row[0][0]))] if row and row[0][0] > 0 else []
        for column, span, merge, tc in row:
            if merge == "continue":
                continue
            rowspan = 1 + (_continuations(grid, r, column) if merge == "restart" else 0)
            cells.append(RawCell(_cell_text(tc), width(column, span), rowspan))
        rows.append(cells)
    return rows


def _real_columns(tbl):
    """width(column, span) -> how many real grid columns the span covers. Word and LibreOffice
    split the grid wherever two rows' cell borders differ by a hair (a .doc saved again gives
    columns 1/20 pt wide): such a sliver is no column, or the columns after it would shift."""
    widths = [_int_val(col, 0, key="w") for col in tbl.iterfind(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    typical = sorted(widths)[len(widths) // 2] if widths else 0
    sliver = {i for i, w in enumerate(widths) if typical and w * 10 < typical}

    def width(column: int, span: int) -> int:
        return max(1, sum(1 for c in range(column, column + span) if c not in sliver))

    return width


def _grid_row(tr) -> list[tuple[int, int, str | None, object]]:
    """(grid column, colspan, vMerge state, tc) of each cell of a row."""
    column = _int_val(tr.find(f"{qn('w:trPr')}/{qn('w:gridBefore')}"), 0)
    cells = []
    for tc in tr.iterchildren(qn("w:tc")):
        props = tc.find(qn("w:tcPr"))
        span = _int_val(props.find(qn("w:gridSpan")) if props is not None else None, 1)
        merge = props.find(qn("w:vMerge")) if props is not None else None
        state = None if merge is None else ("restart" if merge.get(qn("w:val")) == "restart" else "continue")
        cells.append((column, span, state, tc))
        column += span
    return cells


def _continuations(grid, r: int, column: int) -> int:
    count = 0
    for row in grid[r + 1:]:
        below = next((cell for cell in row if cell[0] == column), None)
        if below is None or below[2] != "continue":
            break
        count += 1
    return count


def _cell_text(tc) -> str:
    return " ".join(_paragraph_text(p) for p in tc.iter(qn("w:p")))


def _int_val(element, default: int, key: str = "val") -> int:
    if element is None:
        return default
    value = element.get(qn(f"w:{key}")) or ""
    return max(int(value), 1) if value.isdigit() else default
