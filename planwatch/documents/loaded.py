"""What a format loader hands back to `load`."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Table


@dataclass
class Loaded:
    text: str
    encoding: str                    # of the text's bytes; "utf-8" for DOCX XML, "binary" for PDF
    tables: list[Table] = field(default_factory=list)
    title: str | None = None         # from the container: HTML <title>, DOCX core properties, PDF info
    date: str | None = None          # ISO date from the container, used when the text states none
    meta_text: str | None = None     # text to read metadata from when it differs (HTML before cleanup)
    page_text: str | None = None     # a web page's whole visible text: its publication line and footer
    furniture: list[tuple[int, int]] = field(default_factory=list)  # spans of text that are not the document's (a YAML header)
