"""重点工作任务完成情况表: a year's promises with what the next report says of them, as
CSV, XLSX and DOCX; LibreOffice opens the files (it prints them or makes PDFs of them)."""

from __future__ import annotations

import csv
import hashlib
import io
import os

import pdfplumber
import pytest
from openpyxl import load_workbook

from planwatch.documents import Document, DocumentMeta
from planwatch.errors import EvaluationError
from planwatch.export import commitment_report, render, write

from .test_libreoffice import SOFFICE, _to_pdf

PLAN = "青山区2023年计划执行情况及2024年计划：2024年新建充电桩5500个；新增公园3个；=HYPERLINK(\"x\")站2座。"
REPORT = "青山区2024年计划执行情况：全年新建充电桩5000个。"


def _document(name: str, text: str, date: str) -> Document:
    raw = text.encode("utf-8")
    return Document(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), encoding="utf-8", original=raw,
                    meta=DocumentMeta(title=name.removesuffix(".txt"), region="青山区", doc_type="annual_report",
                                      date=date))


def _key(quote, role, obj, action, value, unit):
    return {"kind": "task", "role": role, "period": "2024", "object": obj, "stage": "other", "action": action,
            "value": value, "unit": unit, "comparator": "=", "money": None, "names": [], "responsible": None,
            "quote": quote}


@pytest.fixture
def promised(store, key_commitments):
    plan, _ = store.add_document(_document("青山区2024年计划.txt", PLAN, "2024-01-10"), [])
    report, _ = store.add_document(_document("青山区2024年执行情况.txt", REPORT, "2025-01-12"), [])
    store.add_commitments(plan.id, key_commitments("plan.txt", PLAN, [
        _key("新建充电桩5500个", "target", "充电桩", "新建", 5500, "个"),
        _key("新增公园3个", "target", "公园", "新增", 3, "个"),
        _key("=HYPERLINK(\"x\")站2座", "target", "=HYPERLINK(\"x\")站", "建设", 2, "座")]))
    store.add_commitments(report.id, key_commitments("report.txt", REPORT, [
        _key("新建充电桩5000个", "actual", "充电桩", "新建", 5000, "个")]))
    return store


def test_one_row_per_promise_with_its_result_status_and_sources(promised):
    table = commitment_report(promised, "青山区", "2024")
    assert table.title == "青山区2024年重点工作任务完成情况表"
    assert [(r["task"], r["target"], r["result"], r["status"]) for r in table.rows] == [
        ("新建充电桩", "5500个", "新建5000个", "部分完成"), ("新增公园", "3个", "", "未见报告"),
        ('建设=HYPERLINK("x")站', "2座", "", "未见报告")]
    assert table.rows[0]["source"] == "青山区2024年计划；青山区2024年执行情况"
    assert table.rows[0]["reason"].endswith("为目标的90.9%")


def test_a_year_without_promises_is_an_error_naming_it(promised):
    with pytest.raises(EvaluationError, match="青山区没有2030年的重点工作任务"):
        commitment_report(promised, "青山区", "2030")


def test_cells_from_a_documents_words_never_run_as_formulas(promised):
    table = commitment_report(promised, "青山区", "2024")
    book = load_workbook(io.BytesIO(render(table, "xlsx")))
    sheet = book["重点工作任务"]
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value]
    assert cells and all(c.data_type == "s" for c in cells)
    rows = list(csv.reader(io.StringIO(render(table, "csv").decode("utf-8-sig"))))
    assert all(not cell.startswith("=") for row in rows for cell in row)


@pytest.mark.skipif(SOFFICE is None and os.environ.get("CI") != "true",
                    reason="LibreOffice is not installed (scripts/setup --test installs it)")
@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_the_table_converts_to_pdf_with_its_rows(promised, tmp_path, fmt):
    path = tmp_path / f"tasks.{fmt}"
    write(commitment_report(promised, "青山区", "2024"), fmt, path)
    with pdfplumber.open(_to_pdf(path)) as pdf:
        text = "".join("".join(page.extract_text() or "" for page in pdf.pages).split())
    for words in ("青山区2024年重点工作任务完成情况表", "新建充电桩", "部分完成", "未见报告"):
        assert words in text
