"""OFD (GB/T 33190), the fixed-layout format Chinese government offices send documents
in, read with ofdkit (package, pages, templates, text runs placed on the page); its
visual lines become paragraphs by the PDF reader's rules, so that a report reads the
same whether it came as PDF or OFD: wrapped lines joined, running headers and page
numbers dropped. Tables come as their lines: OFD draws cells as loose text."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import FileTooLarge, UnsupportedFormat
from .builder import TextBuilder
from .package import check_package
from .loaded import Loaded
from .pdf_loader import line_shape, paragraphs, running_lines

# Runs whose baselines differ by less than this share of the type size are one line.
_SAME_LINE = 0.5
# A page number alone at the top or bottom of a page (— 3 —, - 3 -, 第3页, 第3页 共9页),
# dropped even where too few pages make it a running line.
_PAGE_NUMBER = re.compile(r"[—\-－–]\s*\d{1,4}\s*[—\-－–]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?")


def load_ofd(raw: bytes, path: Path) -> Loaded:
    import ofdkit

    check_package(raw, path, "ofd")     # parts counted as they inflate, before ofdkit opens anything
    try:
        with ofdkit.open(raw) as document:
            pages = [_lines(page) for page in document.pages]
            title = (document.info.title or "").strip() or None
    except ofdkit.OFDLimitError as exc:
        raise FileTooLarge(path, f"an OFD file past a reading limit ({exc})") from None
    except (ofdkit.OFDError, ValueError, KeyError) as exc:
        raise UnsupportedFormat(path, f"a damaged OFD file ({exc})") from None
    # Without running headers and page numbers, the pages' lines read as one flow, so that a
    # paragraph broken by the page end joins up (the rules look at widths, not heights).
    running = running_lines([[line["text"] for line in lines] for lines in pages])
    flow = [line for lines in pages for at, line in enumerate(lines)
            if line_shape(line["text"]) not in running
            and not (at in (0, len(lines) - 1) and _PAGE_NUMBER.fullmatch(line["text"]))]
    builder = TextBuilder()
    for _, paragraph in paragraphs(flow):
        builder.paragraph(paragraph)
    # CreationDate is when the file was made, not when the document was issued: not used
    return Loaded(text=builder.text(), encoding="utf-8", title=title)


def _lines(page) -> list[dict]:
    """The page's visual lines top to bottom, as the PDF reader sees them: text and box
    (x0, x1, top, bottom), each line's runs joined with ofdkit's spacing."""
    from ofdkit.layout import page_text

    x, y, width, height = page.box
    runs = sorted((r for r in page.runs if r.text.strip() and x <= r.x <= x + width and y <= r.y <= y + height),
                  key=lambda r: (r.y, r.x))
    grouped: list[list] = []
    for run in runs:
        if grouped and abs(run.y - grouped[-1][0].y) <= _SAME_LINE * max(run.size, 1.0):
            grouped[-1].append(run)
        else:
            grouped.append([run])
    lines = []
    for line in grouped:
        size = max(r.size for r in line)
        lines.append({"text": page_text(line).strip(), "x0": min(r.x for r in line),
                      "x1": max(r.x + r.width for r in line), "top": line[0].y - size, "bottom": line[0].y})
    return [line for line in lines if line["text"]]
