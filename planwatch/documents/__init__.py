"""Stage 1: files to Documents (decoded text, noise spans, metadata, tables).

    load(path) -> Document           any supported file, format judged by its bytes
    detect_meta(text, name) -> DocumentMeta
    region_key(region) -> str        洪山区 = 武汉市洪山区 = 湖北省武汉市洪山区
    find_noise(text) -> spans        spam and page furniture (planwatch/data/noise.yaml)
    in_noise(spans, start, end)      whether a span touches noise

Parts: sniff (format by magic bytes and markup), encoding (BOM, UTF-8, GB18030,
charset-normalizer), text_loader, html_loader (+ MHTML), docx_loader,
pdf_loader, builder (text with tables rendered at exact offsets), front_matter
(a YAML header's title and date), metadata, traditional (繁體 folded one for one
before metadata is read), regions (short names in planwatch/data/regions.yaml), noise. Every failure is a `planwatch.errors.DocumentError` naming the file.
"""

from .loaders import load
from .metadata import detect_meta
from .model import Cell, Document, DocumentMeta, Table
from .noise import find_noise, in_noise
from .regions import region_key

__all__ = ["Cell", "Document", "DocumentMeta", "Table", "detect_meta", "find_noise", "in_noise", "load", "region_key"]
