"""The report files survive LibreOffice: a plan office prints them or turns them into PDF.

LibreOffice comes from Debian's packages (scripts/setup --test); in CI these tests must run."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from planwatch.export import report, write

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(SOFFICE is None and os.environ.get("CI") != "true",
                                reason="LibreOffice is not installed (scripts/setup --test installs it)")


def _to_pdf(path: Path) -> Path:
    assert SOFFICE, "CI=true but LibreOffice is missing: run scripts/setup --test"
    profile = path.parent / "lo-profile"   # a fresh profile: no state shared with another run
    result = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(path.parent), str(path)],
        capture_output=True, text=True, timeout=180)
    pdf = path.with_suffix(".pdf")
    assert result.returncode == 0 and pdf.exists(), result.stderr
    return pdf


@pytest.mark.parametrize("fmt", ["xlsx", "docx"])
def test_report_converts_to_pdf_with_its_rows(filled, tmp_path, fmt):
    path = tmp_path / f"report.{fmt}"
    write(report(filled, "青山区", "2023"), fmt, path)
    with pdfplumber.open(_to_pdf(path)) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    text = "".join(text.split())   # narrow columns wrap long names: compare without white space
    for words in ("青山区2023年主要指标完成情况表", "地区生产总值", "超额完成", "未完成"):
        assert words in text


SEEDS = Path(__file__).resolve().parents[2] / "../shared/seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repository")
@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_five_year_table_prints_as_an_office_hands_it_in(store, tmp_path, fmt):
    """A4 landscape, at most two pages, every indicator's name on one line, page numbers."""
    store.ingest([SEEDS])
    table = report(store, "洪山区", "2021-2025", issuer="洪山区发展和改革局")
    path = tmp_path / f"plan.{fmt}"
    write(table, fmt, path)
    with pdfplumber.open(_to_pdf(path)) as pdf:
        assert 1 <= len(pdf.pages) <= 2
        assert all(round(p.width) == 842 and round(p.height) == 595 for p in pdf.pages)
        lines = [line.replace(" ", "") for page in pdf.pages for line in (page.extract_text() or "").splitlines()]
    text = "".join(lines)
    assert "填报单位：洪山区发展和改革局" in text and "第1页" in text
    names = [row["indicator"] for row in table.rows]
    assert len(names) >= 15
    for name in names:
        assert any(name in line for line in lines), f"{name} is broken across lines"
