"""PDF: the text layer and ruled tables by pdfplumber, pypdf as a fallback
when pdfplumber cannot parse the file.

Text lines and tables are merged top to bottom on each page. A table cell
that pdfplumber reports over several grid columns or rows gets that colspan /
rowspan, and is read once. There is no OCR: a scanned PDF (no text layer),
one whose fonts have no Unicode map (only `(cid:N)` codes) or one locked by
a password is refused with a message saying so.

Lines wrapped inside a paragraph are joined again, and a table broken by
a page end is one table again. A line that opens or
closes most pages the same way (a running header or
footer, up to its page number) is page furniture and left out.

A page without characters has nothing to read, whatever lines it draws:
its rules are not searched for tables (which cost minutes on a page of grid
lines and gave rows of empty cells), so a scanned PDF, or one of ruled
forms only, is refused as needing OCR.

Limits (settings): at most `max_pdf_pages` pages, counted before any is read;
a page taking more than `pdf_page_seconds` of CPU to read refuses the file.
Each page's objects are released once its lines and tables are read.
"""

from __future__ import annotations

import io
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdf
from pypdf.errors import PyPdfError

from .. import settings
from ..errors import OverLimit, UnsupportedFormat
from .builder import RawCell, TextBuilder
from .loaded import Loaded

log = logging.getLogger(__name__)

_NO_OCR = "OCR is not enabled; load a PDF with a text layer, or the DOCX/HTML version of the document"
_CID = re.compile(r"\(cid:\d+\)")
# A gap under 0.6 of the font size is no word break: justified Chinese is set
# with wide letter spacing, while table columns stand further apart.
_TEXT = {"x_tolerance_ratio": 0.6}
_ENDS_SENTENCE = re.compile(r"[。！？：；;!?:]$")
_UNBROKEN = re.compile(r"[A-Za-z0-9.%‰+\-]+")
_WRAP = re.compile(r"(?<=(.))\n(?=(.))")
_LATIN_GAP = re.compile(r"[A-Za-z0-9][A-Za-z]|[A-Za-z][A-Za-z0-9]")


def load_pdf(raw: bytes, path: Path) -> Loaded:
    title = _check_pdf(raw, path)
    try:
        builder = _read_with_pdfplumber(raw, path)
    except OverLimit:
        raise
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
    limit = settings.get_int("max_pdf_pages")
    if pages > limit:
        raise OverLimit(path, f"the PDF has {pages} pages, over the limit of {limit} (setting PLANWATCH_MAX_PDF_PAGES)")
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
    budget = settings.get_float("pdf_page_seconds")
    with pdfplumber.open(io.BytesIO(raw), password="") as pdf:
        for number, page in enumerate(pdf.pages, 1):
            started = time.process_time()
            pages.append(_read_page(page))
            page.close()
            took = time.process_time() - started
            if took > budget:
                raise OverLimit(path, f"page {number} of the PDF took {took:.1f} s to read, over the limit of "
                                      f"{budget:g} s a page (setting PLANWATCH_PDF_PAGE_SECONDS)")
    running = running_lines(pages)
    builder = TextBuilder()
    for block in _joined(pages, running):
        if isinstance(block, str):
            builder.paragraph(block)
        else:
            builder.table(block)
    return builder


def _joined(pages: list[list], running: set[str]) -> list:
    """The pages' blocks without running lines, tables as rows of cells; a
    table that opens a page continues the one that closed the page before
    when its column edges are among that one's (a table broken by the page
    end, whose part may lack some inner edges), its repeated header dropped."""
    blocks: list = []
    for page in pages:
        kept = [b for b in page if not isinstance(b, str) or line_shape(b) not in running]
        if kept and blocks and isinstance(kept[0], _PageTable) and isinstance(blocks[-1], list) \
                and blocks[-1][0].continued_by(kept[0]):
            first = blocks[-1][0]
            blocks[-1].append(kept[0].without_rows(_repeated(first, kept[0])))
            kept = kept[1:]
        blocks += [[b] if isinstance(b, _PageTable) else b for b in kept]
    return [b if isinstance(b, str) else [row for part in b for row in part.rows(b[0].xs)] for b in blocks]


@dataclass(frozen=True)
class _PageTable:
    """A ruled table as found on one page: each row's cells (box, text), read
    once even when merged, and the grid's column and row edges."""

    cells: list[list[tuple[tuple, str]]]
    xs: list[float]
    ys: list[float]
    left: float
    right: float

    def continued_by(self, other: _PageTable) -> bool:
        return abs(self.left - other.left) <= 1 and abs(self.right - other.right) <= 1 \
            and all(any(abs(x - mine) <= 1 for mine in self.xs) for x in other.xs)

    def without_rows(self, count: int) -> _PageTable:
        return _PageTable(self.cells[count:], self.xs, self.ys, self.left, self.right)

    def rows(self, xs: list[float]) -> list[list[RawCell]]:
        """Cells in grid order; a cell's spans count the grid edges inside its box."""
        return [[RawCell(text, max(_edges(xs, box[0], box[2]), 1), max(_edges(self.ys, box[1], box[3]), 1))
                 for box, text in row] for row in self.cells]


def _edges(edges: list[float], low: float, high: float) -> int:
    return sum(1 for edge in edges if low - 0.5 <= edge < high - 0.5)


def _repeated(first: _PageTable, rest: _PageTable) -> int:
    """How many of the continuation's first rows repeat the table's header."""
    count = 0
    while count < min(len(first.cells), len(rest.cells)) - 1 \
            and [t for _, t in first.cells[count]] == [t for _, t in rest.cells[count]]:
        count += 1
    return count


def _read_page(page) -> list:
    """The page's text lines (str) and tables (rows of RawCell), top to bottom."""
    if not page.chars:   # a scan or ruled lines only: no text to read in any table
        return []
    tables = page.find_tables() if page.lines or page.rects else []
    boxes = [t.bbox for t in tables]
    outside = page.filter(lambda obj: not any(_inside(obj, box) for box in boxes)) if boxes else page
    blocks = paragraphs(outside.extract_text_lines(strip=True, return_chars=False, **_TEXT))
    blocks += [(table.bbox[1], _read_table(table)) for table in tables]
    return [item for _, item in sorted(blocks, key=lambda b: b[0])]


def paragraphs(lines: list[dict]) -> list[tuple[float, str]]:
    """(top, text) of paragraphs: a line that fills the text width and does not
    end a sentence goes on with the next line when that one starts at the
    left margin (a wrapped line, not a heading or a table row). A line is
    full when the next one's first word would not have fitted on it: a number
    or Latin word is not broken, so it leaves a gap at the end of the line."""
    if not lines:
        return []
    left, right = min(line["x0"] for line in lines), max(line["x1"] for line in lines)
    paragraphs: list[tuple[float, str]] = []
    previous = None
    for line in lines:
        size = line["bottom"] - line["top"]
        if previous is not None and previous["x1"] >= right - 2 * size - _first_word_width(line) \
                and line["x0"] <= left + size / 2 and not _ENDS_SENTENCE.search(previous["text"]):
            top, text = paragraphs[-1]
            paragraphs[-1] = (top, text + (" " if _LATIN_GAP.match(text[-1] + line["text"][0]) else "") + line["text"])
        else:
            paragraphs.append((line["top"], line["text"]))
        previous = line
    return paragraphs


def _first_word_width(line: dict) -> float:
    """The width of the line's leading unbreakable run (44.7%, GDP), in proportion to its characters."""
    word = _UNBROKEN.match(line["text"])
    return (line["x1"] - line["x0"]) * len(word[0]) / len(line["text"]) if word else 0.0


def running_lines(pages: list[list]) -> set[str]:
    """Running headers and footers: a first or last line of a page that recurs,
    up to its digits (page numbers), on at least half of 3+ pages."""
    if len(pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for blocks in pages:
        lines = [b for b in blocks if isinstance(b, str)]
        for shape in {line_shape(line) for line in lines[:1] + lines[-1:]}:
            counts[shape] = counts.get(shape, 0) + 1
    return {shape for shape, n in counts.items() if n >= max(3, len(pages) / 2)}


def line_shape(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))


def _inside(obj: dict, box: tuple) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    middle_x, middle_y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3]


def _read_table(table) -> _PageTable:
    texts = table.extract(**_TEXT)
    cells = [[(box, _cell_lines(texts[r][c] or "")) for c, box in enumerate(row.cells) if box is not None]
             for r, row in enumerate(table.rows)]     # None: covered by a merged cell read already
    return _PageTable(cells, sorted({round(c[0], 1) for c in table.cells}), sorted({round(c[1], 1) for c in table.cells}),
                      table.bbox[0], table.bbox[2])


def _cell_lines(text: str) -> str:
    """A cell's lines wrapped by its width joined again, as paragraph lines are:
    a space only between Latin words."""
    return _WRAP.sub(lambda m: " " if _LATIN_GAP.match(m[1] + m[2]) else "", text) if "\n" in text else text


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
