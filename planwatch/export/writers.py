"""Lay a ReportTable out as CSV, XLSX (openpyxl) or DOCX (python-docx)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import BinaryIO

from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from ..errors import EvaluationError
from .inert import as_text, csv_text
from .table import ReportTable

FORMATS = ("xlsx", "docx", "csv")
BODY_FONT = "宋体"
TITLE_FONT = "黑体"
# Wide text columns; the rest are narrow figures.
_WIDE = {"indicator": 22, "target": 24, "reason": 48, "source": 30, "department": 16}


def render(table: ReportTable, fmt: str) -> bytes:
    """The file's bytes (what a web download sends)."""
    writers = {"xlsx": write_xlsx, "docx": write_docx, "csv": write_csv}
    if fmt not in writers:
        raise EvaluationError(f"不支持的报表格式 {fmt!r}（可选：{'、'.join(FORMATS)}）")
    stream = io.BytesIO()
    writers[fmt](table, stream)
    return stream.getvalue()


def write(table: ReportTable, fmt: str, path: Path) -> Path:
    content = render(table, fmt)
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise EvaluationError(f"{path}: {exc}") from exc
    return path


def _flat_titles(table: ReportTable) -> list[str]:
    return [f"{c.group}-{c.title}" if c.group else c.title for c in table.columns]


def write_csv(table: ReportTable, stream: BinaryIO) -> None:
    """One header row (完成情况-绝对值), UTF-8 with a BOM so that Excel reads the Chinese."""
    out = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(out)
    writer.writerow(_flat_titles(table))
    for row in table.rows:
        writer.writerow([csv_text(row.get(c.key, "")) for c in table.columns])
    out.flush()
    out.detach()            # leave the stream open for the caller


def write_xlsx(table: ReportTable, stream: BinaryIO) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = table.sheet[:31]
    width = len(table.columns)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.cell(1, 1, table.title).font = Font(name=TITLE_FONT, size=14, bold=True)
    sheet.cell(1, 1).alignment = center
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.row_dimensions[1].height = 28
    for top, first, last in table.header_groups():
        grouped = table.columns[first].group is not None
        sheet.cell(2, first + 1, top)
        if grouped:
            sheet.merge_cells(start_row=2, start_column=first + 1, end_row=2, end_column=last + 1)
            for i in range(first, last + 1):
                sheet.cell(3, i + 1, table.columns[i].title)
        else:
            sheet.merge_cells(start_row=2, start_column=first + 1, end_row=3, end_column=first + 1)
    for row_no, row in enumerate(table.rows, start=4):
        for col_no, column in enumerate(table.columns, start=1):
            as_text(sheet.cell(row_no, col_no, row.get(column.key, "")))
    last_row = 3 + len(table.rows)
    for row in sheet.iter_rows(min_row=2, max_row=last_row, max_col=width):
        for cell in row:
            cell.border = border
            cell.alignment = center if cell.row <= 3 or cell.column == 1 else Alignment(vertical="center", wrap_text=True)
            cell.font = Font(name=BODY_FONT, size=10, bold=cell.row <= 3)
    for n, note in enumerate(table.notes, start=last_row + 2):
        sheet.cell(n, 1, f"注{n - last_row - 1}：{note}").font = Font(name=BODY_FONT, size=9)
        sheet.merge_cells(start_row=n, start_column=1, end_row=n, end_column=width)
        sheet.cell(n, 1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[n].height = 30
    widths = [_WIDE.get(column.key, 12 if i > 1 else 6) for i, column in enumerate(table.columns, start=1)]
    for i, width_chars in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width_chars
    for row_no, row in enumerate(table.rows, start=4):
        # Spreadsheet programs do not all fit a wrapped row's height on open: set it.
        lines = max(_lines(str(row.get(c.key, "")), w) for c, w in zip(table.columns, widths))
        sheet.row_dimensions[row_no].height = 14 * lines + 4
    sheet.freeze_panes = "C4"           # the header and the indicator names stay in view
    _print_setup(sheet)
    book.save(stream)


def _lines(text: str, width_chars: float) -> int:
    """How many lines a wrapped cell needs; a Chinese character is two characters wide."""
    wide = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
    return max(1, -(-wide // max(1, int(width_chars) - 1)))


def _print_setup(sheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "2:3"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4


def write_docx(table: ReportTable, stream: BinaryIO) -> None:
    document = DocxDocument()
    _chinese_font(document.styles["Normal"], BODY_FONT, 10)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.5))
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, table.title, TITLE_FONT, 16, bold=True)
    grid = document.add_table(rows=2 + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    _docx_header(grid, table)
    for r, row in enumerate(table.rows, start=2):
        for c, column in enumerate(table.columns):
            _run(grid.cell(r, c).paragraphs[0], row.get(column.key, ""), BODY_FONT, 9)
    for n, note in enumerate(table.notes, start=1):
        _run(document.add_paragraph(), f"注{n}：{note}", BODY_FONT, 9)
    document.save(stream)


def _docx_header(grid, table: ReportTable) -> None:
    for top, first, last in table.header_groups():
        if table.columns[first].group is None:
            cell = grid.cell(0, first).merge(grid.cell(1, first))
        else:
            cell = grid.cell(0, first).merge(grid.cell(0, last))
            for i in range(first, last + 1):
                sub = grid.cell(1, i).paragraphs[0]
                sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _run(sub, table.columns[i].title, BODY_FONT, 9, bold=True)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, top, BODY_FONT, 9, bold=True)
    for row in grid.rows[:2]:           # repeat the header on every printed page
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)


def _chinese_font(style, name: str, size: int) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _run(paragraph, text: str, font: str, size: int, bold: bool = False) -> None:
    """A run whose Chinese characters use `font` (Word reads w:eastAsia for them)."""
    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = Pt(size)
    run.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
