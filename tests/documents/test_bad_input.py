"""Files that cannot become Documents: each gives one DocumentError line that
names the file and says why."""

from __future__ import annotations

import os
import zipfile

import openpyxl
import pytest
from reportlab.pdfgen import canvas

from planwatch.errors import (BinaryFile, DecodeError, DocumentError, EmptyDocument, FileTooLarge,
                              MixedEncoding, OverLimit, UnreadableFile, UnsupportedFormat)
from planwatch.documents import load

PARAGRAPH = "全年地区生产总值增长5.5%，一般公共预算收入增长4%。"


def refused(path, error: type[DocumentError], *words: str) -> str:
    with pytest.raises(error) as info:
        load(path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert "\n" not in message
    for word in words:
        assert word in message
    return message


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    refused(path, EmptyDocument, "empty")


def test_only_white_space(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text(" \r\n\u3000\n", encoding="utf-8")
    refused(path, EmptyDocument, "no text")


def test_missing_file(tmp_path):
    refused(tmp_path / "nowhere.txt", UnreadableFile, "No such file")


def test_directory(tmp_path):
    refused(tmp_path, UnreadableFile, "directory")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_no_permission(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    path.chmod(0)
    refused(path, UnreadableFile, "Permission")


def test_too_large_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setenv("PLANWATCH_MAX_FILE_MB", "1")
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(3 * 1024 * 1024)   # sparse: the limit is checked on the size, not the content
    refused(path, FileTooLarge, "1 MiB", "PLANWATCH_MAX_FILE_MB")


@pytest.mark.parametrize("raw, words", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, ("PNG",)),
    (b"\xff\xd8\xff\xe0" + bytes(200), ("JPEG",)),
    (b"\x1f\x8b\x08\x00" + bytes(100), ("gzip",)),
    (PARAGRAPH.encode("utf-8") + b"\x00\x01\x02" + PARAGRAPH.encode("utf-8"), ("NUL",)),
    ("\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13".encode() * 20, ("control characters",)),
])
def test_binary_files(tmp_path, raw, words):
    path = tmp_path / "looks_like.txt"
    path.write_bytes(raw)
    refused(path, BinaryFile, *words)


def test_zip_archive(tmp_path):
    path = tmp_path / "bundle.txt"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", PARAGRAPH)
    refused(path, BinaryFile, "ZIP archive")


def test_undecodable_bytes(tmp_path):
    path = tmp_path / "garbled.txt"
    path.write_bytes(b"\x80\xff\xfe\x80" * 50)
    refused(path, DecodeError, "not text in any supported encoding")


def test_encoding_changes_midway(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_bytes((PARAGRAPH * 3).encode("gbk") + (PARAGRAPH * 3).encode("utf-8"))
    refused(path, MixedEncoding, "encoding changes", "UTF-8")


def test_utf8_then_gbk_also_caught(tmp_path):
    path = tmp_path / "mixed2.txt"
    path.write_bytes((PARAGRAPH * 3).encode("utf-8") + (PARAGRAPH * 3).encode("gbk"))
    refused(path, MixedEncoding, "encoding changes")


def test_bad_utf16_after_bom(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(b"\xff\xfe" + PARAGRAPH.encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    refused(path, DecodeError, "byte-order mark")


@pytest.mark.parametrize("name, words", [("old.doc", ("Word 97-2003",)), ("old.wps", ("WPS",)), ("sheet.xls", ("Excel",))])
def test_old_office_formats(tmp_path, name, words):
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    refused(path, UnsupportedFormat, *words, "DOCX")


def test_a_sheet_past_the_cell_limit_is_refused(tmp_path, monkeypatch):
    from planwatch.documents import xlsx_loader

    monkeypatch.setattr(xlsx_loader, "MAX_CELLS", 100)
    path = tmp_path / "dump.xlsx"
    book = openpyxl.Workbook()
    for n in range(30):
        book.active.append([f"指标{n}", n, n + 1, n + 2, n + 3])
    book.save(path)
    refused(path, UnsupportedFormat, "over the limit")


def test_damaged_ofd(tmp_path):
    path = tmp_path / "report.ofd"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD/>")              # an unbound prefix: not XML
        z.writestr("Doc_0/Document.xml", "<ofd:Document/>")
    refused(path, UnsupportedFormat, "damaged OFD")


def test_docx_zip_bomb_refused_once_the_limit_has_inflated(tmp_path, make, monkeypatch):
    monkeypatch.setenv("PLANWATCH_MAX_UNZIPPED_MB", "64")
    path = make.write_docx(tmp_path / "plain.docx", [PARAGRAPH])
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        with target.open("word/media/filler.bin", "w") as filler:
            block = bytes(1024 * 1024)
            for _ in range(80):
                filler.write(block)
    assert bomb.stat().st_size < 1024 * 1024
    refused(bomb, OverLimit, "ZIP bomb", "64 MiB", "PLANWATCH_MAX_UNZIPPED_MB")


def test_damaged_docx(tmp_path):
    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<not really")
    refused(path, UnsupportedFormat, "damaged DOCX")


def test_html_over_its_limit(tmp_path):
    path = tmp_path / "big.html"
    with path.open("wb") as f:
        f.write(b"<html><body><p>")
        f.write(b"x" * (51 * 1024 * 1024))
    refused(path, FileTooLarge, "50 MiB")


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 300, 400, fill=1)   # a picture of a page, no text
    page.save()
    refused(path, UnsupportedFormat, "no text layer", "OCR is not enabled")


def test_encrypted_pdf(tmp_path):
    path = tmp_path / "locked.pdf"
    page = canvas.Canvas(str(path), encrypt="secret")
    page.drawString(100, 700, "Annual report 2024 GDP growth 5%")
    page.save()
    refused(path, UnsupportedFormat, "encrypted", "OCR is not enabled")


def test_damaged_pdf(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog" + bytes(20))
    refused(path, UnsupportedFormat, "PDF")


def test_pdf_named_txt_is_still_read_as_pdf(tmp_path, make):
    path = make.write_pdf(tmp_path / "really_a_pdf.txt", [make.TITLE, *make.PARAGRAPHS])
    document = load(path)
    assert document.format == "pdf"
    assert "城镇新增就业2800人以上" in document.text


def test_rtf(tmp_path):
    path = tmp_path / "report.rtf"
    path.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} 2024 \\par}")
    refused(path, UnsupportedFormat, "RTF", "DOCX")


@pytest.mark.skipif(os.name != "posix", reason="named pipes")
def test_named_pipe_is_refused_without_blocking(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    refused(path, UnreadableFile, "not a regular file")
