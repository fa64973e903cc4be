"""Report tables written as XLSX, DOCX and CSV, and read back as a user would open them."""

from __future__ import annotations

import csv
from decimal import Decimal

import docx
import pytest
from docx.oxml.ns import qn
from openpyxl import load_workbook

from planwatch.errors import EvaluationError
from planwatch.export import annual_table, render, report, write
from planwatch.model import Fact
from planwatch.store import StoredFact

# indicator, target, level, growth, status
EXPECTED_2023 = [
    ("地区生产总值", "增长6%", "", "增长6.2%（预计）", "超额完成"),
    ("地方一般公共预算收入", "增长5%", "50亿元（预计）", "增长3%（预计）", "未完成"),
    ("城镇新增就业", "2万人", "2.1万人", "", "超额完成"),
]


def test_annual_table_rows(filled):
    table = report(filled, "青山区", "2023")
    assert table.title == "青山区2023年主要指标完成情况表"
    rows = [(r["indicator"], r["target"], r["level"], r["growth"], r["status"]) for r in table.rows]
    assert rows == EXPECTED_2023
    assert all(r["source"] and r["reason"] for r in table.rows)


def test_xlsx_layout(filled, tmp_path):
    path = write(report(filled, "青山区", "2023"), "xlsx", tmp_path / "r.xlsx")
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "青山区2023年主要指标完成情况表"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"D3:E3", "A3:A4", "B3:B4"} <= merged                  # 完成情况 over 绝对值 | 增速
    assert sheet["A2"].value.startswith("地区：青山区　　时期：2023年　　填报单位：")
    assert (sheet["D3"].value, sheet["D4"].value, sheet["E4"].value) == ("完成情况", "绝对值", "增速")
    assert sheet.freeze_panes == "C5"
    assert sheet.print_title_rows == "$3:$4" and sheet.page_setup.orientation == "landscape"
    assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页"
    body = [[c.value for c in row] for row in sheet.iter_rows(min_row=5, max_row=7)]
    assert [(r[1], r[5]) for r in body] == [(e[0], e[4]) for e in EXPECTED_2023]
    assert sheet["B5"].font.name == "宋体"


def test_docx_layout(filled, tmp_path):
    path = write(report(filled, "青山区", "2023", issuer="青山区发展和改革局"), "docx", tmp_path / "r.docx")
    document = docx.Document(path)
    assert document.paragraphs[0].text == "青山区2023年主要指标完成情况表"
    assert document.paragraphs[1].text.startswith("地区：青山区　　时期：2023年　　填报单位：青山区发展和改革局　　制表日期：")
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer               # 第 N 页，共 M 页
    [grid] = document.tables
    assert grid.cell(0, 3).text == "完成情况" and grid.cell(1, 3).text == "绝对值" and grid.cell(1, 4).text == "增速"
    assert grid.cell(0, 3)._tc is grid.cell(0, 4)._tc                # one merged cell
    assert [grid.cell(i, 1).text for i in range(2, 5)] == [e[0] for e in EXPECTED_2023]
    assert any(p.text.startswith("注1") for p in document.paragraphs)
    fonts = document.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "宋体"


def test_csv(filled, tmp_path):
    path = write(report(filled, "青山区", "2023"), "csv", tmp_path / "r.csv")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:5] == ["序号", "指标名称", "目标", "完成情况-绝对值", "完成情况-增速"]
    assert [r[1] for r in rows[1:]] == [e[0] for e in EXPECTED_2023]


def test_plan_progress_table(filled, tmp_path):
    table = report(filled, "青山区", "2021-2025")
    titles = [c.title for c in table.columns]
    assert "2021年" in titles and "2025年" in titles and "所需" in titles
    by_name = {r["indicator"]: r for r in table.rows}
    assert by_name["地区生产总值"]["required"] == "6.6%"          # 800 → 1100 over five years
    assert by_name["森林覆盖率"]["attribute"] == "约束性"
    path = write(table, "xlsx", tmp_path / "plan.xlsx")
    sheet = load_workbook(path).active
    assert "年度进展" in [c.value for c in sheet[3]]


def test_no_targets_is_an_error(filled):
    with pytest.raises(EvaluationError):
        report(filled, "青山区", "2030")


def test_unknown_format_is_an_error(filled, tmp_path):
    with pytest.raises(EvaluationError):
        write(report(filled, "青山区", "2023"), "pdf", tmp_path / "r.pdf")


def test_render_gives_the_files_bytes(filled, tmp_path):
    table = report(filled, "青山区", "2023")
    content = render(table, "docx")
    (tmp_path / "r.docx").write_bytes(content)
    assert docx.Document(tmp_path / "r.docx").tables[0].cell(2, 1).text == "地区生产总值"
    assert render(table, "csv").startswith("\ufeff序号".encode("utf-8"))


def test_revised_result_is_explained():
    def record(n, role, value, date, estimated=False):
        fact = Fact("地区生产总值", role, "2023", "growth", Decimal(value), "%", "=", 0, 4, estimated=estimated)
        return StoredFact(n, fact, n, f"doc{n}.txt", None, "青山区", "青山区", "annual_report", date, 1, "test")

    table = annual_table([record(1, "target", "6", "2023-01-05"), record(2, "actual", "6.5", "2023-12-25", True),
                          record(3, "actual", "5.8", "2024-06-30")], "青山区", "2023")
    [row] = table.rows
    assert row["status"] == "未完成" and row["growth"] == "增长5.8%"
    assert "数据修订" in row["reason"] and "6.5" in row["reason"]
