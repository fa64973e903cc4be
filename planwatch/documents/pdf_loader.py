"""PDF: the text layer and ruled tables by pdfplumber, pypdf as a fallback
when pdfplumber cannot parse the file.

Text lines and tables are merged top to bottom on each page. A table cell
that pdfplumber reports over several grid columns or rows gets that colspan /
rowspan, and is read once. There is no OCR: a scanned PDF (no text layer),
one whose fonts have no Unicode map (only `(cid:N)` codes) or one locked by
a password is refused with a message saying so.

Lines wrapped inside a paragraph are joined again. A line that opens or
closes most pages the same way (a running header or
footer, up to its page number) is page furniture and left out.

Limits: at most 2,000 pages; each page's objects are released once its
lines and tables are read.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pdfplumber
import pypdf
from pypdf.errors import PyPdfError

from ..errors import UnsupportedFormat
from .builder import RawCell, TextBuilder
from .loaded import Loaded

log = logging.getLogger(__name__)

MAX_PAGES = 2000
_NO_OCR = "OCR is not enabled; load a PDF with a text layer, or the DOCX/HTML version of the document"
_CID = re.compile(r"\(cid:\d+\)")
# A gap under 0.6 of the font size is no word break: justified Chinese is set
# with wide letter spacing, while table columns stand further apart.
_TEXT = {"x_tolerance_ratio": 0.6}
_ENDS_SENTENCE = re.compile(r"[。！？：；;!?:]$")
_LATIN_GAP = re.compile(r"[A-Za-z0-9][A-Za-z]|[A-Za-z][A-Za-z0-9]")


def load_pdf(raw: bytes, path: Path) -> Loaded:
    title = _check_pdf(raw, path)
    try:
        builder = _read_with_pdfplumber(raw, path)
    except Exception as exc:  # noqa: BLE001 - pdfminer raises bare AssertionError, TypeError ... on damaged files
        log.info("%s: pdfplumber failed (%s: %s), using pypdf", path, type(exc).__name__, exc)
        builder = _read_with_pypdf(raw, path)
    text = builder.text()
    _check_text(text, path)
    return Loaded(text=text, encoding="binary", tables=builder.tables, title=title)


def _check_pdf(raw: bytes, path: Path) -> str | None:
    """Refuse locked or oversized PDFs; the title of its info dictionary."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnsupportedFormat(path, f"the PDF is encrypted with a password; {_NO_OCR}")
        pages = len(reader.pages)
        title = (reader.metadata.title if reader.metadata else None) or None
    except (PyPdfError, ValueError, KeyError, TypeError, AssertionError, RecursionError) as exc:
        raise UnsupportedFormat(path, f"a damaged PDF ({type(exc).__name__}: {exc})") from None
    if pages > MAX_PAGES:
        raise UnsupportedFormat(path, f"the PDF has {pages} pages, over the limit of {MAX_PAGES}")
    return str(title).strip() or None if title else None


def _check_text(text: str, path: Path) -> None:
    visible = re.sub(r"\s", "", _CID.sub("", text))
    cids = len(_CID.findall(text))
    if cids and cids > len(visible) / 4:
        raise UnsupportedFormat(path, f"the PDF's fonts have no Unicode map (text comes out as (cid:N) codes); {_NO_OCR}")
    if len(visible) < 10:
        raise UnsupportedFormat(path, f"the PDF has no text layer (a scanned document?); {_NO_OCR}")


def _read_with_pdfplumber(raw: bytes, path: Path) -> TextBuilder:
    pages = []
    with pdfplumber.open(io.BytesIO(raw), password="") as pdf:
        for page in pdf.pages:
            pages.append(_read_page(page))
            page.close()
    running = _running_lines(pages)
    builder = TextBuilder()
    for blocks in pages:
        for block in blocks:
            if isinstance(block, str):
                if _shape(block) not in running:
                    builder.paragraph(block)
            else:
                builder.table(block)
    return builder


def _read_page(page) -> list:
    """The page's text lines (str) and tables (rows of RawCell), top to bottom."""
    tables = page.find_tables() if page.lines or page.rects else []
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes)) if boxes else page
    blocks = _paragraphs(outside.extract_text_lines(strip=True, return_chars=False, **_TEXT))
    blocks += [(table.bbox[1], _read_table(table)) for table in tables]
    return [item for _, item in sorted(blocks, key=lambda b: b[0])]


def _paragraphs(lines: list[dict]) -> list[tuple[float, str]]:
    """(top, text) of paragraphs: a line that fills the text width and does not
    end a sentence goes on with the next line when that one starts at the
    left margin (a wrapped line, not a heading or a table row)."""
    if not lines:
        return []
    left, right = min(line["x0"] for line in lines), max(line["x1"] for line in lines)
    paragraphs: list[tuple[float, str]] = []
    previous = None
    for line in lines:
        size = line["bottom"] - line["top"]
        if previous is not None and previous["x1"] >= right - 2 * size and line["x0"] <= left + size / 2 \
                and not _ENDS_SENTENCE.search(previous["text"]):
            top, text = paragraphs[-1]
            paragraphs[-1] = (top, text + (" " if _LATIN_GAP.match(text[-1] + line["text"][0]) else "") + line["text"])
        else:
            paragraphs.append((line["top"], line["text"]))
        previous = line
    return paragraphs


def _running_lines(pages: list[list]) -> set[str]:
    """Running headers and footers: a first or last line of a page that recurs,
    up to its digits (page numbers), on at least half of 3+ pages."""
    if len(pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for blocks in pages:
        lines = [b for b in blocks if isinstance(b, str)]
        for shape in {_shape(line) for line in lines[:1] + lines[-1:]}:
            counts[shape] = counts.get(shape, 0) + 1
    return {shape for shape, n in counts.items() if n >= max(3, len(pages) / 2)}


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _inside(obj: dict, box: tuple) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    middle_x, middle_y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3]


def _read_table(table) -> list[list[RawCell]]:
    """Cells in grid order; a cell's spans count the grid lines inside its box."""
    texts = table.extract(**_TEXT)
    xs = sorted({round(c[0], 1) for c in table.cells})
    ys = sorted({round(c[1], 1) for c in table.cells})
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, box in enumerate(row.cells):
            if box is None:
                continue   # covered by a merged cell read already
            colspan = sum(1 for x in xs if box[0] - 0.5 <= x < box[2] - 0.5)
            rowspan = sum(1 for y in ys if box[1] - 0.5 <= y < box[3] - 0.5)
            cells.append(RawCell(texts[r][c] or "", max(colspan, 1), max(rowspan, 1)))
        rows.append(cells)
    return rows


def _read_with_pypdf(raw: bytes, path: Path) -> TextBuilder:
    builder = TextBuilder()
    try:
        for page in pypdf.PdfReader(io.BytesIO(raw)).pages:
            for line in (page.extract_text() or "").splitlines():
                builder.paragraph(line)
    except Exception as exc:  # noqa: BLE001 - the last reader of a damaged file: any failure means unreadable
        raise UnsupportedFormat(path, f"a damaged PDF that neither pdfplumber nor pypdf can read "
                                      f"({type(exc).__name__}: {exc})") from None
    return builder
