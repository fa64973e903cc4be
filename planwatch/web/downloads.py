"""The tables of a view as CSV (one table) or XLSX (one sheet per table).

A table in a view dict is {"name", "title", "columns": [key, ...], "rows": [{key: value}]};
headers are the column keys in the reader's language.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from urllib.parse import quote

from fastapi import HTTPException
from fastapi.responses import Response
from openpyxl import Workbook

from ..export.inert import as_text, csv_text
from ..words import Words, say

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell(value):
    """A cell as a spreadsheet keeps it: numbers stay exact (Decimal written as text in CSV)."""
    if isinstance(value, bool):
        return "是" if value else ""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (list, tuple)):
        return "；".join(str(cell(v)) for v in value)
    return value


def response(tables: list[dict], fmt: str, name: str | None, t, filename: str) -> Response:
    if not tables:
        raise HTTPException(404, Words("这个页面没有可下载的表格", "this page has no table to download"))
    if fmt == "csv":
        table = _pick(tables, name)
        body = to_csv(table, t).encode("utf-8-sig")  # the BOM lets Excel read Chinese
        return _attachment(body, "text/csv; charset=utf-8", f"{filename}-{table['name']}.csv")
    return _attachment(to_xlsx(tables, t), XLSX, f"{filename}.xlsx")


def _pick(tables: list[dict], name: str | None) -> dict:
    if name is None:
        return tables[0]
    for table in tables:
        if table["name"] == name:
            return table
    known = "、".join(table["name"] for table in tables)
    raise HTTPException(404, say("没有名为 {name} 的表格(可选:{known})", "no table named {name} (there are: {known})",
                                 name=name, known=known))


def to_csv(table: dict, t) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([t(key) for key in table["columns"]])
    for row in table["rows"]:
        writer.writerow(["" if (v := cell(row.get(key))) is None else csv_text(v) for key in table["columns"]])
    return out.getvalue()


def to_xlsx(tables: list[dict], t) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_title(t(table["name"])) or table["name"][:31])
        sheet.append([t(key) for key in table["columns"]])
        for row in table["rows"]:
            sheet.append([cell(row.get(key)) for key in table["columns"]])
            for written in sheet[sheet.max_row]:
                as_text(written)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    """What Excel accepts as a sheet name: 31 characters, none of []:*?/\\."""
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]


def _attachment(body: bytes, media_type: str, filename: str) -> Response:
    disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
    return Response(body, media_type=media_type, headers={"Content-Disposition": disposition})
