"""Builders of test documents in every format we load, written at test time
into tmp_path. The texts are invented for the tests."""

from __future__ import annotations

import re
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


def with_table(paragraphs: list[str], table: TableSpec | None) -> list:
    """The paragraphs with the table after the second, as blocks."""
    return [*paragraphs[:2], *([table] if table else []), *paragraphs[2:]]


def html_page(paragraphs: list[str], table: TableSpec | None = None, *, title: str = "",
              charset: str | None = "gb2312", furniture: bool = True) -> str:
    """A government-portal-like page: navigation, furniture, the article (the
    table after its second paragraph), a footer."""
    return html_blocks(with_table(paragraphs, table), title=title, charset=charset, furniture=furniture)


def html_blocks(blocks: list, *, title: str = "", charset: str | None = "gb2312", furniture: bool = True) -> str:
    """A portal page whose article is the blocks: <p> paragraphs and real <table>s."""
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    body = "".join(_html_table(b) if isinstance(b, TableSpec) else f"<p>{_escape(b)}</p>" for b in blocks)
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
            cells.append(f'<td rowspan="{rs}" colspan="{cs}">{_escape(text)}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1">' + "".join(rows) + "</table>"


def _covered(spec: TableSpec) -> set[tuple[int, int]]:
    return {(r + i, c + j) for r, c, rs, cs in spec.merges for i in range(rs) for j in range(cs) if i or j}


def write_docx(path: Path, paragraphs: list[str], table: TableSpec | None = None, *, title: str = "") -> Path:
    """Paragraphs with the table after the second, as real Word paragraphs and table."""
    return docx_blocks(path, with_table(paragraphs, table), title=title)


def docx_blocks(path: Path, blocks: list, *, title: str = "") -> Path:
    """The blocks as real Word paragraphs and tables (merged cells merged)."""
    document = docx.Document()
    document.core_properties.title = title
    for block in blocks:
        if isinstance(block, TableSpec):
            _docx_table(document, block)
        else:
            document.add_paragraph(_printable(block))
    document.save(path)
    return path


def _docx_table(document, table: TableSpec) -> None:
    grid = document.add_table(rows=len(table.rows), cols=max(len(row) for row in table.rows))
    covered = _covered(table)
    for r, row in enumerate(table.rows):
        for c, text in enumerate(row):
            if (r, c) not in covered:
                grid.cell(r, c).text = _printable(text)
    for r, c, rs, cs in table.merges:
        grid.cell(r, c).merge(grid.cell(r + rs - 1, c + cs - 1))


def _printable(text: str) -> str:
    """Word's XML takes no control characters (a scraped page may hold some)."""
    return "".join(ch for ch in text if ch >= " " or ch in "\t\n")


def write_pdf(path: Path, paragraphs: list[str], table: TableSpec | None = None, *, title: str = "",
              header: str | None = None) -> Path:
    """Paragraphs with the table after the second; `header` on top of every
    page and a page number at the bottom, as printed reports have."""
    return pdf_blocks(path, with_table(paragraphs, table), title=title, header=header)


def pdf_blocks(path: Path, blocks: list, *, title: str = "", header: str | None = None) -> Path:
    """The blocks as PDF paragraphs and ruled tables (cells wrap inside their column)."""
    if CJK_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    style = ParagraphStyle("cjk", fontName=CJK_FONT, fontSize=10, leading=14, wordWrap="CJK")
    story = []
    for block in blocks:
        if isinstance(block, TableSpec):
            story += [Spacer(1, 8), _pdf_table(block), Spacer(1, 8)]
        else:
            story.append(Paragraph(_escape(block), style))

    def furniture(canvas, doc):
        canvas.setFont(CJK_FONT, 9)
        canvas.drawString(72, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, f"— {doc.page} —")

    page_hook = {"onFirstPage": furniture, "onLaterPages": furniture} if header else {}
    SimpleDocTemplate(str(path), pagesize=A4, title=title).build(story, **page_hook)
    return path


def _pdf_table(spec: TableSpec) -> PdfTable:
    """Narrow tables as plain cells; a wide one shares the text width among its
    columns, its cells wrapped as CJK paragraphs, as a typeset report would."""
    width = max(len(row) for row in spec.rows)
    style = [("FONTNAME", (0, 0), (-1, -1), CJK_FONT), ("FONTSIZE", (0, 0), (-1, -1), 9),
             ("GRID", (0, 0), (-1, -1), 0.5, "black")]
    style += [("SPAN", (c, r), (c + cs - 1, r + rs - 1)) for r, c, rs, cs in spec.merges]
    if width <= 4:
        return PdfTable(spec.rows, style=style)
    small = ParagraphStyle("cell", fontName=CJK_FONT, fontSize=7, leading=9, wordWrap="CJK")
    rows = [[Paragraph(_escape(text), small) if text else "" for text in row] for row in spec.rows]
    return PdfTable(rows, colWidths=[(A4[0] - 144) / width] * width, style=style)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Seeds (../shared/seeds, read at test time) as the documents they were
# scraped from: paragraphs, and their flattened tables rebuilt as real tables.
# The cells are found by the extractor's table recovery; how they sit in rows
# and columns is laid down here, table by table, as the originals had them.

@dataclass(frozen=True)
class Layout:
    """How one flattened seed table is rebuilt.

    `header`: the header grid, each cell an index into the recovered header
    cells (in reading order) or None for a cell whose label the text lost;
    `merges` as in TableSpec. Body rows: `lead` cells (序号, 指标, 单位), the
    values, `trail` describing cells (属性, 责任单位); `shapes` lay the values
    over the value columns by the row's value count, or by its 序号 in
    `rows`: "v" a cell, "_" an empty cell, "m" a cell merged over two columns."""

    title: str
    lead: int
    trail: int
    header: list[list[int | None]]
    merges: list[tuple[int, int, int, int]]
    shapes: dict[int, str]
    rows: dict[str, str] = field(default_factory=dict)


def _spanned(width: int, pairs_from: int, pairs: int) -> list[tuple[int, int, int, int]]:
    """A two-level header: single labels span both rows, the yearly labels two columns."""
    singles = [(0, c, 2, 1) for c in range(width) if not pairs_from <= c < pairs_from + 2 * pairs]
    return singles + [(0, pairs_from + 2 * i, 1, 2) for i in range(pairs)]


_N = None
SEED_LAYOUTS = [
    # 表1 (十三五 completion): 序号 | 指标 | 2020年 | 年均增长 | (2015, label lost) | 2016 … 2020 over
    # 总量 | 增速 | (verdict) | (department). Rows with one value a year have it merged over the pair.
    Layout(title="表1", lead=2, trail=2,
           header=[[_N, _N, 0, 1, _N, 2, _N, 3, _N, 4, _N, 5, _N, 6, _N, _N, _N],
                   [_N] * 5 + list(range(7, 17)) + [_N, _N]],
           merges=_spanned(17, 5, 5),
           shapes={13: "v" * 13, 7: "v_vmmmmm"},
           rows={"12": "_vvmmmmm", "13": "vvvvvvvvvv_vv", "15": "v_vvvvvvvvv_v", "22": "_vvmmmmm",
                 "25": "_vvmmmmm"}),
    # 表2 (十四五 plan), no header row: 序号 | 指标 | 单位 | 2020 | 2025 | 年均/累计 | 属性 | 责任单位.
    Layout(title="表2", lead=3, trail=2, header=[], merges=[], shapes={3: "vvv", 2: "vv_"}),
    # 2023年主要指标完成情况: 指标名称 | 预期目标 | 完成情况 over 绝对值 | 增速.
    Layout(title="主要指标完成情况", lead=1, trail=0,
           header=[[0, 1, 2, _N], [_N, _N, 3, 4]], merges=_spanned(4, 2, 1),
           shapes={3: "vvv", 2: "vm"}),
]
_DESCRIBES = re.compile(r"(?:局|处|开发区|预期性|约束性|可以完成|难以完成)$")


def seed_blocks(document) -> list:
    """The seed's lines as paragraphs, each flattened table replaced by its rebuilt real table."""
    from planwatch.extract.tables import recover_tables

    blocks, at = [], 0
    for table in recover_tables(document):
        layout = next(lay for lay in SEED_LAYOUTS if lay.title in (table.title or ""))   # the first that fits
        cells = [cell for row in table.rows for cell in row]
        blocks += _lines(document.text[at:cells[0].start])
        blocks.append(rebuild(table, layout))
        at = cells[-1].end
    return blocks + _lines(document.text[at:])


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def rebuild(table, layout: Layout) -> TableSpec:
    """A recovered (flattened) table as the real table it was."""
    width = len(layout.header[0]) if layout.header else layout.lead + max(len(s) for s in layout.shapes.values()) + layout.trail
    labels = [cell.text for row in table.rows[:len(layout.header)] for cell in row if cell.text.strip()]
    rows = [["" if i is None else labels[i] for i in row] for row in layout.header]
    merges = list(layout.merges)
    for cells in table.rows[len(layout.header):]:
        texts = [c.text for c in cells if c.text.strip()] if len(cells) > 1 else [cells[0].text]
        if len(texts) == 1:     # a category row (经济发展 …) across the table
            merges.append((len(rows), 0, 1, width))
            rows.append(texts + [""] * (width - 1))
            continue
        row, spans = _body_row(texts, layout)
        merges += [(len(rows), c, 1, 2) for c in spans]
        rows.append(row)
    return TableSpec(rows=rows, merges=merges)


def _body_row(texts: list[str], layout: Layout) -> tuple[list[str], list[int]]:
    described = len(texts)
    while described > layout.lead and _DESCRIBES.search(texts[described - 1]):
        described -= 1
    lead, values, trail = texts[:layout.lead], texts[layout.lead:described], texts[described:]
    if len(trail) > layout.trail:      # a department over two lines: one cell
        trail = trail[:layout.trail - 1] + ["、".join(trail[layout.trail - 1:])]
    shape = layout.rows.get(lead[0]) or layout.shapes[len(values)]
    assert shape.count("v") + shape.count("m") == len(values), (lead, values, shape)
    row, spans, queue = list(lead), [], iter(values)
    for kind in shape:
        if kind == "m":
            spans.append(len(row))
            row += [next(queue), ""]
        else:
            row.append(next(queue) if kind == "v" else "")
    return row + trail + [""] * (layout.trail - len(trail)), spans


def convert(kind: str, path: Path, blocks: list, *, title: str = "") -> Path:
    """The blocks as a GB18030 portal page, a Word file or a PDF at path."""
    if kind == "html":
        path.write_bytes(html_blocks(blocks, title=title, charset="gb18030").encode("gb18030", errors="replace"))
        return path
    return (docx_blocks if kind == "docx" else pdf_blocks)(path, blocks, title=title)


@pytest.fixture(scope="session")
def converted(tmp_path_factory):
    """converted(seed_path, kind) -> the seed in that format, its tables real;
    written once per session (PDFs are slow to make)."""
    from planwatch.documents import load

    folder, made = tmp_path_factory.mktemp("converted"), {}

    def get(seed: Path, kind: str) -> Path:
        if (seed, kind) not in made:
            document = load(seed)
            made[seed, kind] = convert(kind, folder / f"{seed.stem}.{kind}", seed_blocks(document),
                                       title=document.meta.title or "")
        return made[seed, kind]

    return get


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
                           html_blocks=html_blocks, docx_blocks=docx_blocks, pdf_blocks=pdf_blocks,
                           convert=convert, with_table=with_table,
                           TITLE=TITLE, PARAGRAPHS=PARAGRAPHS, INDICATORS=INDICATORS)
