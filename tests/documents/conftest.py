"""Builders of test documents in every format we load, written at test time
into tmp_path. The texts are invented for the tests."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest
from hypothesis.configuration import set_hypothesis_home_dir
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
from reportlab.platypus import Table as PdfTable

# Hypothesis keeps caches in ./.hypothesis unless told otherwise: tests do not write into the working tree.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "planwatch-hypothesis")

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CJK_FONT = "STSong-Light"   # Adobe's CJK font, known to every PDF reader: nothing to embed or install


@dataclass
class TableSpec:
    """Rows of cell texts; `merges` as (row, col, rowspan, colspan) of the
    top-left cell, whose covered positions hold "" in `rows`."""

    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)


def html_page(paragraphs: list[str], table: TableSpec | None = None, *, title: str = "",
              charset: str | None = "gb2312", furniture: bool = True) -> str:
    """A government-portal-like page: navigation, furniture, the article (the
    table after its second paragraph), a footer."""
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:2])
    if table:
        body += _html_table(table)
    body += "".join(f"<p>{p}</p>" for p in paragraphs[2:])
    tools = '<div class="tools">【字体：大 中 小】 打印本页 关闭窗口</div>' if furniture else ""
    footer = ('<div class="footer"><p>主办单位：某某县人民政府办公室</p><p>版权所有：某某县人民政府 '
              '备案号：某ICP备12345678号</p><p>相关链接：</p></div>') if furniture else ""
    nav = '<div class="nav"><a href="/">首页</a> <a href="/a">政务公开</a> <a href="/b">政策解读</a></div>'
    return (f"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body>{nav}"
            f'<div class="article"><h1>{title}</h1>{tools}{body}</div>{footer}</body></html>')


def _html_table(spec: TableSpec) -> str:
    covered = _covered(spec)
    starts = {(r, c): (rs, cs) for r, c, rs, cs in spec.merges}
    rows = []
    for r, row in enumerate(spec.rows):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rs, cs = starts.get((r, c), (1, 1))
            cells.append(f'<td rowspan="{rs}" colspan="{cs}">{text}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1">' + "".join(rows) + "</table>"


def _covered(spec: TableSpec) -> set[tuple[int, int]]:
    return {(r + i, c + j) for r, c, rs, cs in spec.merges for i in range(rs) for j in range(cs) if i or j}


def write_docx(path: Path, paragraphs: list[str], table: TableSpec | None = None, *, title: str = "") -> Path:
    """Paragraphs with the table after the second, as real Word paragraphs and table."""
    document = docx.Document()
    document.core_properties.title = title
    for p in paragraphs[:2]:
        document.add_paragraph(p)
    if table:
        grid = document.add_table(rows=len(table.rows), cols=len(table.rows[0]))
        for r, row in enumerate(table.rows):
            for c, text in enumerate(row):
                if (r, c) not in _covered(table):
                    grid.cell(r, c).text = text
        for r, c, rs, cs in table.merges:
            grid.cell(r, c).merge(grid.cell(r + rs - 1, c + cs - 1))
    for p in paragraphs[2:]:
        document.add_paragraph(p)
    document.save(path)
    return path


def write_pdf(path: Path, paragraphs: list[str], table: TableSpec | None = None, *, title: str = "",
              header: str | None = None) -> Path:
    """Paragraphs with the table after the second; `header` on top of every
    page and a page number at the bottom, as printed reports have."""
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    style = ParagraphStyle("cjk", fontName=CJK_FONT, fontSize=10, leading=14, wordWrap="CJK")
    story = [Paragraph(_escape(p), style) for p in paragraphs[:2]]
    if table:
        story += [Spacer(1, 8), _pdf_table(table), Spacer(1, 8)]
    story += [Paragraph(_escape(p), style) for p in paragraphs[2:]]
    def furniture(canvas, doc):
        canvas.setFont(CJK_FONT, 9)
        canvas.drawString(72, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    page_hook = {"onFirstPage": furniture, "onLaterPages": furniture} if header else {}
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build(story, **page_hook)
    return path


def _pdf_table(spec: TableSpec) -> PdfTable:
    style = [("FONTNAME", (0, 0), (-1, -1), CJK_FONT), ("FONTSIZE", (0, 0), (-1, -1), 9),
             ("GRID", (0, 0), (-1, -1), 0.5, "black")]
    style += [("SPAN", (c, r), (c + cs - 1, r + rs - 1)) for r, c, rs, cs in spec.merges]
    return PdfTable(spec.rows, style=style)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# An invented county plan report: the fixtures' common text.
TITLE = "青川县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告"
PARAGRAPHS = [
    "各位代表：2024年全县经济运行稳中有进，预计地区生产总值增长6.2%。",
    "2025年主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%。",
    "城镇新增就业2800人以上，城镇调查失业率控制在5.5%以内。",
]
INDICATORS = TableSpec(
    rows=[["指标", "2024年", "", "2025年目标"],
          ["", "目标", "完成", ""],
          ["地区生产总值增速（%）", "6.5", "6.2", "6左右"],
          ["一般公共预算收入（亿元）", "12.4", "12.9", "13.5"]],
    merges=[(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 2, 1)],
)


@pytest.fixture
def shared() -> Path:
    return SHARED


@pytest.fixture
def make():
    """The builders above, for tests: make.html_page(...), make.write_docx(...) ..."""
    from types import SimpleNamespace
    return SimpleNamespace(html_page=html_page, write_docx=write_docx, write_pdf=write_pdf, TableSpec=TableSpec,
                           TITLE=TITLE, PARAGRAPHS=PARAGRAPHS, INDICATORS=INDICATORS)
