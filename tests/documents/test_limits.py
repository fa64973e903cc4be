"""Limits that bound what one document costs (issue 12): each hostile file,
generated small here, is read or refused with one line naming it and the reason.
Sizes are counted while inflating, whatever the headers say."""

from __future__ import annotations

import io
import struct
import zipfile

import openpyxl
import pytest
from reportlab.pdfgen import canvas

from planwatch.documents import load
from planwatch.errors import DocumentError, OverLimit, UnsupportedFormat

PARAGRAPH = "全县地区生产总值增长5.5%，一般公共预算收入增长4%。"


def refused(path, error: type[DocumentError], *words: str) -> str:
    with pytest.raises(error) as info:
        load(path)
    message = str(info.value)
    assert message.startswith(str(path)) and "\n" not in message, message
    for word in words:
        assert word in message, message
    return message


# ---- HTML

@pytest.mark.parametrize("charset", ["rot13", "hex", "base64", "unicode_escape", "undefined"])
def test_a_page_declaring_a_charset_that_is_no_text_encoding_is_read(tmp_path, charset):
    path = tmp_path / "page.html"
    path.write_bytes(f'<html><head><meta charset="{charset}"></head><body><p>{PARAGRAPH}</p></body></html>'
                     .encode("gbk"))
    assert PARAGRAPH in load(path).text


@pytest.mark.parametrize("depth", [300, 5000])
def test_html_nested_deeper_than_lxml_builds_still_gives_its_text(tmp_path, depth):
    path = tmp_path / "deep.html"
    path.write_text("<html><head><title>某县工作报告</title><script>var x = 1;</script></head><body>"
                    + "<div>" * depth + f"<p>{PARAGRAPH}</p>" + "</div>" * depth + "<p>下一段。</p></body></html>",
                    encoding="utf-8")
    document = load(path)
    assert PARAGRAPH in document.text and "下一段" in document.text
    assert "var x" not in document.text


# ---- PDF

def _ruled_pdf(path, pages: int, text: str | None = None):
    page = canvas.Canvas(str(path))
    for _ in range(pages):
        for i in range(40):
            page.line(50, 60 + i * 18, 550, 60 + i * 18)
        for j in range(21):
            page.line(50 + j * 25, 60, 50 + j * 25, 60 + 39 * 18)
        if text:
            page.drawString(60, 800, text)
        page.showPage()
    page.save()
    return path


def test_a_pdf_of_ruled_lines_without_text_is_refused_as_needing_ocr(tmp_path):
    refused(_ruled_pdf(tmp_path / "form.pdf", 5), UnsupportedFormat, "no text layer", "OCR")


def test_a_pdf_over_the_page_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANWATCH_MAX_PDF_PAGES", "3")
    refused(_ruled_pdf(tmp_path / "long.pdf", 4, "GDP growth 5%"), OverLimit, "4 pages", "limit of 3",
            "PLANWATCH_MAX_PDF_PAGES")


def test_a_pdf_page_over_its_time_budget_refuses_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANWATCH_PDF_PAGE_SECONDS", "0")   # every page takes some CPU time
    refused(_ruled_pdf(tmp_path / "slow.pdf", 2, "GDP growth 5%"), OverLimit, "page 1", "PLANWATCH_PDF_PAGE_SECONDS")


# ---- DOCX and XLSX packages

def _docx_with(tmp_path, make, name: str, body_xml: bytes = b"", extra: dict[str, bytes] | None = None):
    """A real DOCX whose body gets `body_xml` appended and which holds the `extra` parts."""
    source = zipfile.ZipFile(make.write_docx(tmp_path / "plain.docx", [PARAGRAPH]))
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", body_xml + b"<w:sectPr", 1)
            target.writestr(item, data)
        for part, data in (extra or {}).items():
            target.writestr(part, data)
    return path


def _declare_size(path, part: str, size: int) -> None:
    """Rewrite the part's uncompressed size in its local header and directory entry."""
    raw = bytearray(path.read_bytes())
    info = zipfile.ZipFile(io.BytesIO(bytes(raw))).getinfo(part)
    raw[info.header_offset + 22:info.header_offset + 26] = struct.pack("<I", size)
    at = raw.find(b"PK\x01\x02" + bytes(raw[info.header_offset + 4:info.header_offset + 6]))
    while at >= 0:
        length = struct.unpack("<H", raw[at + 28:at + 30])[0]
        if raw[at + 46:at + 46 + length] == part.encode():
            raw[at + 24:at + 28] = struct.pack("<I", size)
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))


def test_a_docx_part_lying_about_its_size_is_refused(tmp_path, make):
    filler = b"<w:p><w:r><w:t>" + b"x" * (16 << 20) + b"</w:t></w:r></w:p>"
    path = _docx_with(tmp_path, make, "lying.docx", filler)
    _declare_size(path, "word/document.xml", 4000)
    assert path.stat().st_size < 200_000
    refused(path, UnsupportedFormat, "damaged DOCX")


def test_a_docx_whose_xml_inflates_past_the_part_limit_is_refused(tmp_path, make, monkeypatch):
    monkeypatch.setenv("PLANWATCH_MAX_XML_PART_MB", "2")
    paragraph = f"<w:p><w:r><w:t>{PARAGRAPH}</w:t></w:r></w:p>".encode()
    path = _docx_with(tmp_path, make, "honest.docx", paragraph * 40_000)   # about 4 MiB of XML
    refused(path, OverLimit, "word/document.xml", "2 MiB", "PLANWATCH_MAX_XML_PART_MB")


def test_a_docx_of_thousands_of_parts_is_refused_before_its_directory_is_read(tmp_path, make):
    path = _docx_with(tmp_path, make, "many.docx", extra={f"word/media/p{n}.bin": b"" for n in range(6000)})
    refused(path, OverLimit, "parts", "5000")


def test_a_docx_nested_deeper_than_the_xml_parser_goes_is_refused(tmp_path, make):
    deep = b"<w:p><w:r>" + b"<w:t>" * 300 + b"x" + b"</w:t>" * 300 + b"</w:r></w:p>"
    refused(_docx_with(tmp_path, make, "deep.docx", deep), OverLimit, "nested deeper than 256 levels")


def test_an_xlsx_whose_sheet_inflates_past_the_part_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANWATCH_MAX_XML_PART_MB", "1")
    path = tmp_path / "big.xlsx"
    book = openpyxl.Workbook()
    for n in range(20_000):
        book.active.append([f"指标{n}", n, n + 1, n + 2])
    book.save(path)
    refused(path, OverLimit, "xl/worksheets/sheet1.xml", "PLANWATCH_MAX_XML_PART_MB")
