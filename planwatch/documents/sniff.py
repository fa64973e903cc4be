"""Which loader a file needs, judged by its bytes (magic numbers, markup)
before its extension, since scraped files are often misnamed."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import BinaryFile, UnsupportedFormat
from .package import zip_members

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"), (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"), (b"\x7fELF", "an executable"),
    (b"\x00\x00\x00\x18ftyp", "a video"), (b"\x00\x00\x00\x20ftyp", "a video"), (b"ID3", "an MP3 file"),
)
_HTML = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<p[\s>]|<table[\s>]", re.I)
_MHTML = re.compile(rb"\s*(?:From:[^\n]*\n\s*)?(?:MIME-Version:|Content-Type:\s*multipart/related)", re.I)
_SAVE_AS = "; open it in WPS or Word and save it as DOCX or PDF"


def sniff(raw: bytes, path: Path) -> str:
    """'pdf', 'docx', 'xlsx', 'ofd', 'doc' (Word 97-2003 or WPS), 'html', 'mhtml' or 'text'; UnsupportedFormat
    for known formats we refuse."""
    if b"%PDF-" in raw[:1024]:
        return "pdf"
    if raw.startswith(b"PK\x03\x04"):
        return _zip_kind(raw, path)
    if raw.startswith(_OLE2):
        spreadsheet = {".xls": "an Excel 97-2003 (.xls) workbook", ".et": "a WPS spreadsheet"}.get(path.suffix.lower())
        if spreadsheet:
            raise UnsupportedFormat(path, f"{spreadsheet} in the old binary format is not supported{_SAVE_AS}")
        return "doc"
    if raw.startswith(b"{\\rtf"):
        raise UnsupportedFormat(path, f"an RTF file is not supported{_SAVE_AS}")
    for magic, what in _BINARY_MAGIC:
        if raw.startswith(magic):
            raise BinaryFile(path, f"{what}, not a document")
    if _MHTML.match(raw[:2048]):
        return "mhtml"
    if _HTML.search(raw[:4096]) or path.suffix.lower() in (".htm", ".html", ".shtml", ".xhtml"):
        return "html"
    return "text"


def _zip_kind(raw: bytes, path: Path) -> str:
    names = {m.filename for m in zip_members(raw, path)}
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if "OFD.xml" in names:
        return "ofd"
    if any(n.startswith("ppt/") for n in names):
        raise UnsupportedFormat(path, "a PowerPoint (.pptx) file is not supported")
    raise BinaryFile(path, "a ZIP archive, not a document; unpack it and load the files inside")
