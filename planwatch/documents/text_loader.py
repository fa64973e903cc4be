"""Plain text and Markdown: decoded exactly, line endings kept. A YAML header
(front matter) is not read as text: its title is read as the document's first
title line (it names the document better than any line of the text), its date
as the date where the text states none."""

from __future__ import annotations

from pathlib import Path

from .encoding import decode
from .front_matter import front_matter
from .loaded import Loaded


def load_text(raw: bytes, path: Path) -> Loaded:
    text, encoding = decode(raw, path)
    header = front_matter(text)
    if header is None:
        return Loaded(text=text, encoding=encoding)
    body = text[header.end:]
    return Loaded(text=text, encoding=encoding, date=header.date, furniture=[(0, header.end)],
                  meta_text=f"{header.title}\n{body}" if header.title else body)
