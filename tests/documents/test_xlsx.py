"""An indicator table sent as an XLSX workbook reads like the same table in a Word file."""

from __future__ import annotations

import openpyxl

from planwatch.documents import load
from planwatch.extract import extract


def _workbook(path, spec, title: str, percent_column: int | None = None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    covered = {(r + i, c + j) for r, c, rs, cs in spec.merges for i in range(rs) for j in range(cs) if i or j}
    for r, row in enumerate(spec.rows):
        for c, text in enumerate(row):
            if (r, c) in covered or text == "":
                continue
            cell = sheet.cell(r + 1, c + 1)
            try:
                cell.value = float(text)
            except ValueError:
                cell.value = text
            if c == percent_column and isinstance(cell.value, float):
                cell.value, cell.number_format = cell.value / 100, "0.0%"
    for r, c, rs, cs in spec.merges:
        sheet.merge_cells(start_row=r + 1, start_column=c + 1, end_row=r + rs, end_column=c + cs)
    book.save(path)
    return path


def test_a_workbook_table_gives_the_facts_of_the_same_table_in_docx(tmp_path, make):
    title = "青川县2024年主要指标完成情况"
    workbook = load(_workbook(tmp_path / "指标.xlsx", make.INDICATORS, title))
    word = load(make.write_docx(tmp_path / "指标.docx", [title], make.INDICATORS))
    assert workbook.format == "xlsx" and len(workbook.tables) == 1
    assert workbook.tables[0].rows[0][0].rowspan == 2 and workbook.tables[0].rows[0][1].colspan == 2
    facts = [f.identity + (f.value,) for f in extract(workbook)]
    assert facts and facts == [f.identity + (f.value,) for f in extract(word)]
    for fact in extract(workbook):
        assert str(fact.value).rstrip("0").rstrip(".") in workbook.text[fact.start:fact.end]


def test_a_percentage_cell_reads_as_the_sheet_shows_it(tmp_path, make):
    path = _workbook(tmp_path / "指标.xlsx", make.INDICATORS, "2024年", percent_column=2)
    document = load(path)
    assert "| 6.2% |" in document.text or "| 6.2%\n" in document.text
