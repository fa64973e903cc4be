"""Lay a ReportTable out as CSV, XLSX (openpyxl) or DOCX (python-docx)."""

from __future__ import annotations

import csv
import io
import re
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
# Widths in half-width characters (a Chinese character is two). Columns are as wide as their
# longest cell up to MAX_WIDTH and wrap beyond it, except the indicator's name, kept on one line.
MAX_WIDTH = 30
ONE_LINE = {"indicator"}
# Long prose columns are given room first when the page is too narrow for all.
_PROSE = {"reason": 60, "source": 36}


_FIGURE = re.compile(r"[0-9A-Za-z.%~\-+]+")


def display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def column_widths(table: ReportTable) -> list[int]:
    """Each column's width by its content: its header and its longest cell, bounded so
    that prose wraps and names do not (in half-width characters, padding included)."""
    widths = []
    for column in table.columns:
        longest = max((display_width(str(row.get(column.key, ""))) for row in table.rows), default=0)
        cap = longest if column.key in ONE_LINE else _PROSE.get(column.key, MAX_WIDTH)
        widths.append(max(4, min(max(display_width(column.title), longest), cap)) + 2)
    return widths


def narrowest_widths(table: ReportTable) -> list[int]:
    """The least each column can wrap to: its header on two lines, its longest unbroken
    figure (1515亿元 wraps after 亿 at best), two Chinese characters; names never wrap."""
    widths = []
    for column, wanted in zip(table.columns, column_widths(table)):
        if column.key in ONE_LINE:
            widths.append(wanted)
            continue
        figures = [len(run) for row in table.rows for run in _FIGURE.findall(str(row.get(column.key, "")))]
        header = -(-display_width(column.title) // 2)
        widths.append(min(wanted, max(4, header, *figures) + 2))
    return widths


def fit(table: ReportTable, room: float) -> list[float]:
    """Widths that fill `room` (in half-width characters): each column its narrowest, the
    rest of the room shared in proportion to how much more each would like."""
    wanted, least = column_widths(table), narrowest_widths(table)
    if sum(wanted) <= room:
        return [float(w) for w in wanted]
    if sum(least) >= room:
        return [w * room / sum(least) for w in least]
    share = (room - sum(least)) / (sum(wanted) - sum(least))
    return [lo + (hi - lo) * share for lo, hi in zip(least, wanted)]


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


HEAD, BODY = 3, 5      # XLSX rows: title, title block, two header rows, then the indicators
# Column widths of an XLSX sheet add up to at most this many characters: A4 landscape
# holds about 150 at 100 %, so a wide table prints at a readable scale (about 85 %) after
# fitting its width to the page.
XLSX_ROOM = 175


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
    as_text(sheet.cell(2, 1, table.title_block()))
    sheet.cell(2, 1).font = Font(name=BODY_FONT, size=10)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    for top, first, last in table.header_groups():
        grouped = table.columns[first].group is not None
        sheet.cell(HEAD, first + 1, top)
        if grouped:
            sheet.merge_cells(start_row=HEAD, start_column=first + 1, end_row=HEAD, end_column=last + 1)
            for i in range(first, last + 1):
                sheet.cell(HEAD + 1, i + 1, table.columns[i].title)
        else:
            sheet.merge_cells(start_row=HEAD, start_column=first + 1, end_row=HEAD + 1, end_column=first + 1)
    for row_no, row in enumerate(table.rows, start=BODY):
        for col_no, column in enumerate(table.columns, start=1):
            as_text(sheet.cell(row_no, col_no, row.get(column.key, "")))
    last_row = BODY - 1 + len(table.rows)
    for row in sheet.iter_rows(min_row=HEAD, max_row=last_row, max_col=width):
        for cell in row:
            heading = cell.row < BODY
            cell.border = border
            cell.alignment = center if heading or cell.column == 1 else Alignment(vertical="center", wrap_text=True)
            cell.font = Font(name=BODY_FONT, size=10, bold=heading)
    for n, note in enumerate(table.notes, start=last_row + 2):
        sheet.cell(n, 1, f"注{n - last_row - 1}：{note}").font = Font(name=BODY_FONT, size=9)
        sheet.merge_cells(start_row=n, start_column=1, end_row=n, end_column=width)
        sheet.cell(n, 1).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[n].height = 30
    widths = fit(table, XLSX_ROOM)
    for i, width_chars in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width_chars
    for row_no, row in enumerate(table.rows, start=BODY):
        # Spreadsheet programs do not all fit a wrapped row's height on open: set it.
        lines = max(_lines(str(row.get(c.key, "")), w) for c, w in zip(table.columns, widths))
        sheet.row_dimensions[row_no].height = 14 * lines + 4
    sheet.freeze_panes = f"C{BODY}"     # the header and the indicator names stay in view
    _print_setup(sheet)
    book.save(stream)


def _lines(text: str, width_chars: float) -> int:
    """How many lines a wrapped cell needs."""
    return max(1, -(-display_width(text) // max(1, int(width_chars) - 1)))


def _print_setup(sheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEAD}:{HEAD + 1}"      # the header on every printed page
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"


def write_docx(table: ReportTable, stream: BinaryIO) -> None:
    document = DocxDocument()
    _chinese_font(document.styles["Normal"], BODY_FONT, 10)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.2))
    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, table.title, TITLE_FONT, 16, bold=True)
    _run(document.add_paragraph(), table.title_block(), BODY_FONT, 10)
    room = section.page_width - section.left_margin - section.right_margin
    size = next((s for s in TABLE_SIZES if _fits(table, room, s)), TABLE_SIZES[-1])
    grid = document.add_table(rows=2 + len(table.rows), cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _cell_margins(grid)
    _docx_header(grid, table, size)
    for r, row in enumerate(table.rows, start=2):
        for c, column in enumerate(table.columns):
            _run(grid.cell(r, c).paragraphs[0], row.get(column.key, ""), BODY_FONT, size)
    _docx_widths(grid, table, room, size)
    for n, note in enumerate(table.notes, start=1):
        _run(document.add_paragraph(), f"注{n}：{note}", BODY_FONT, 9)
    _page_numbers(section)
    document.save(stream)


# The table's type sizes (小五, then 8 pt, then 六号), the largest at which every column
# gets at least its narrowest width: a wide five-year table prints smaller, not clipped.
TABLE_SIZES = (9, 8, 7.5)
CELL_MARGIN = Cm(0.1)


def _fits(table: ReportTable, room: int, size: float) -> bool:
    unit = Pt(size) / 2
    return sum(narrowest_widths(table)) * unit + 2 * CELL_MARGIN * len(table.columns) <= room


def _cell_margins(grid) -> None:
    """Narrow left and right cell margins: Word's default 0.19 cm on each side of twenty
    columns would take a quarter of the page."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(int(CELL_MARGIN.twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    grid._tbl.tblPr.append(margins)


def _docx_widths(grid, table: ReportTable, room: int, size: float) -> None:
    """Column widths by content, fitted to the page's width (see fit)."""
    unit = Pt(size) / 2             # a half-width character
    padding = 2 * CELL_MARGIN / unit
    widths = fit(table, room / unit - padding * len(table.columns))
    for column, width in zip(grid.columns, widths):
        emu = int((width + padding) * unit)
        column.width = emu
        for cell in column.cells:
            cell.width = emu


def _page_numbers(section) -> None:
    """第 N 页，共 M 页 in the footer, as Word and LibreOffice fields."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for piece in ("第 ", "PAGE", " 页，共 ", "NUMPAGES", " 页"):
        if piece.isupper():
            _field(paragraph, piece)
        else:
            _run(paragraph, piece, BODY_FONT, 9)


def _field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText" if text == code else "w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} " if text == code else text
        run._r.append(element)


def _docx_header(grid, table: ReportTable, size: float) -> None:
    for top, first, last in table.header_groups():
        if table.columns[first].group is None:
            cell = grid.cell(0, first).merge(grid.cell(1, first))
        else:
            cell = grid.cell(0, first).merge(grid.cell(0, last))
            for i in range(first, last + 1):
                sub = grid.cell(1, i).paragraphs[0]
                sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _run(sub, table.columns[i].title, BODY_FONT, size, bold=True)
        paragraph = cell.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(paragraph, top, BODY_FONT, size, bold=True)
    for row in grid.rows[:2]:           # repeat the header on every printed page
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)


def _chinese_font(style, name: str, size: int) -> None:
    style.font.name = name
    style.font.size = Pt(size)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _run(paragraph, text: str, font: str, size: float, bold: bool = False) -> None:
    """A run whose Chinese characters use `font` (Word reads w:eastAsia for them)."""
    run = paragraph.add_run(text)
    run.font.name = font
    run.font.size = Pt(size)
    run.bold = bold
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
