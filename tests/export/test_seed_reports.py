"""`planwatch report` on the ingested seeds: the files open and hold the indicator rows."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from planwatch.cli import app

SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"
pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")


def _report(database_url: str, fmt: str, output: Path, period: str = "2023", region: str = "武昌区"):
    return CliRunner().invoke(app, ["report", "--db", database_url, "--region", region, "--period", period,
                                    "--format", fmt, "--output", str(output)])


def test_xlsx_and_docx_reports(store, database_url, tmp_path):
    store.ingest([SEEDS])
    xlsx, word = tmp_path / "wuchang.xlsx", tmp_path / "wuchang.docx"
    for fmt, path in (("xlsx", xlsx), ("docx", word)):
        result = _report(database_url, fmt, path)
        assert result.exit_code == 0, result.output
    sheet = load_workbook(xlsx).active
    rows = {row[1]: row for row in sheet.iter_rows(min_row=5, values_only=True) if row[1]}
    assert rows["地区生产总值"][5] in ("完成", "基本完成")
    assert rows["地方一般公共预算收入"][5] == "未完成"
    [grid] = docx.Document(word).tables
    names = [row.cells[1].text for row in grid.rows[2:]]
    assert "地区生产总值" in names and "地方一般公共预算收入" in names


def test_plan_progress_report(store, database_url, tmp_path):
    store.ingest([SEEDS])
    path = tmp_path / "plan.xlsx"
    result = _report(database_url, "xlsx", path, period="2016-2020", region="洪山区")
    assert result.exit_code == 0, result.output
    rows = {row[1]: row for row in load_workbook(path).active.iter_rows(min_row=5, values_only=True) if row[1]}
    assert rows["地区生产总值"][-4] == "未完成"          # 状态, beside the plan's own 难以完成
    assert rows["地区生产总值"][-2].startswith("难以完成")


def test_report_without_targets_fails_in_one_line(store, database_url, tmp_path):
    store.ingest([SEEDS])
    result = _report(database_url, "xlsx", tmp_path / "none.xlsx", period="2030")
    assert result.exit_code == 1 and "error" in result.output
    assert not (tmp_path / "none.xlsx").exists()
