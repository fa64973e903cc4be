"""What a loader hands to the extractor: the decoded text and what is known about it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Cell:
    """One table cell; start/end point into Document.text (end exclusive)."""

    text: str
    start: int
    end: int
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Table:
    """A table as rows of cells, read from real markup (HTML, DOCX, PDF) or
    recovered from text (a table flattened to one cell per line, `|`-joined rows).
    The table reader in `planwatch.extract` interprets both the same way."""

    rows: list[list[Cell]]
    title: str | None = None


@dataclass
class DocumentMeta:
    title: str | None = None
    region: str | None = None          # as named in the document, e.g. 武汉市洪山区
    region_level: str | None = None    # national | province | city | county | district
    doc_type: str = "other"            # plan_outline | annual_report | midyear_report | work_report | communique | other
    report_years: list[int] = field(default_factory=list)   # years it reports results on
    target_years: list[int] = field(default_factory=list)   # years it sets targets for
    plan_span: str | None = None       # e.g. "2021-2025" for a five-year plan outline
    date: str | None = None            # ISO date where stated
    meeting: str | None = None         # e.g. 洪山区第十六届人民代表大会第三次会议
    # where report/target years were read: ("title" | "heading" | "dateline", the words read)
    years_read: tuple[str, str] | None = None


@dataclass
class Document:
    name: str                          # file name, no folder: what `doc` in a fact refers to
    text: str                          # decoded text, exactly; evidence offsets point into it
    sha256: str                        # of the original bytes
    encoding: str                      # how the bytes were decoded (utf-8, gb18030, ...)
    format: str = "text"               # text | html | docx | pdf
    meta: DocumentMeta = field(default_factory=DocumentMeta)
    noise: list[tuple[int, int]] = field(default_factory=list)  # spans of spam and page furniture
    tables: list[Table] = field(default_factory=list)           # real tables from markup
    original: bytes | None = None      # the file as received, kept by the store
