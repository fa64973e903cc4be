"""OFD files (GB/T 33190) made the way a word processor's OFD export lays text out: A4 pages,
each paragraph indented two characters and wrapped at the text width (numbers never split),
one TextObject per visual line with its glyph advances, page numbers in the footer."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
PAGE_W, PAGE_H, MARGIN, TOP = 210.0, 297.0, 25.0, 30.0
SIZE, LEADING = 4.2, 7.0                       # 五号-ish type in millimetres, line step
LINES_PER_PAGE = int((PAGE_H - 2 * TOP) // LEADING)
_UNBROKEN = re.compile(r"[A-Za-z0-9.%‰+\-]+|.", re.S)


def _advance(ch: str) -> float:
    return SIZE if ord(ch) > 0x2E7F else SIZE / 2


def wrap(paragraph: str) -> list[str]:
    """Visual lines of a paragraph: the first indented by two characters, a number or Latin
    word moved whole to the next line when it does not fit."""
    lines, line, width = [], "", 2 * SIZE
    room = PAGE_W - 2 * MARGIN
    for word in _UNBROKEN.findall(paragraph):
        size = sum(_advance(ch) for ch in word)
        if line and width + size > room:
            lines.append(line)
            line, width = "", 0.0
        line += word
        width += size
    return lines + [line] if line else lines


def _text_object(unit: int, text: str, x: float, y: float) -> str:
    gaps = " ".join(f"{_advance(ch):g}" for ch in text[:-1])
    width = sum(_advance(ch) for ch in text)
    return (f'<ofd:TextObject ID="{unit}" Boundary="{x:g} {y:g} {width:g} {LEADING:g}" Font="2" Size="{SIZE}">'
            f'<ofd:TextCode X="0" Y="{SIZE}"{f" DeltaX={chr(34)}{gaps}{chr(34)}" if gaps else ""}>'
            f"{escape(text)}</ofd:TextCode></ofd:TextObject>")


def write_ofd(path: Path, paragraphs: list[str], *, title: str = "") -> Path:
    """The paragraphs as an OFD file at path (a paragraph "" is a blank line)."""
    placed: list[tuple[str, float]] = []        # (text, x) of each visual line, in order
    for paragraph in paragraphs:
        lines = wrap(paragraph.strip()) or [""]
        placed += [(text, MARGIN + (2 * SIZE if i == 0 else 0)) for i, text in enumerate(lines)]
    pages = [placed[i:i + LINES_PER_PAGE] for i in range(0, len(placed), LINES_PER_PAGE)] or [[]]
    unit = 10
    contents = []
    for number, lines in enumerate(pages, start=1):
        objects = []
        for row, (text, x) in enumerate(lines):
            if text:
                unit += 1
                objects.append(_text_object(unit, text, x, TOP + row * LEADING))
        unit += 1
        footer = f"— {number} —"
        objects.append(_text_object(unit, footer, PAGE_W / 2 - 6, PAGE_H - 15))
        contents.append(f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Content>'
                        f'<ofd:Layer ID="{unit + 1}">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
        unit += 1
    page_list = "".join(f'<ofd:Page ID="{1000 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as ofd:
        ofd.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD">'
                                f"<ofd:DocBody><ofd:DocInfo><ofd:DocID>planwatch-test</ofd:DocID>"
                                f"<ofd:Title>{escape(title)}</ofd:Title></ofd:DocInfo>"
                                f"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
        ofd.writestr("Doc_0/Document.xml",
                     f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData>'
                     f"<ofd:MaxUnitID>{unit}</ofd:MaxUnitID><ofd:PageArea>"
                     f"<ofd:PhysicalBox>0 0 {PAGE_W:g} {PAGE_H:g}</ofd:PhysicalBox></ofd:PageArea>"
                     f"<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>"
                     f"<ofd:Pages>{page_list}</ofd:Pages></ofd:Document>")
        ofd.writestr("Doc_0/PublicRes.xml",
                     f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
                     f'<ofd:Font ID="2" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
        for i, content in enumerate(contents):
            ofd.writestr(f"Doc_0/Pages/Page_{i}/Content.xml", content)
    return path
