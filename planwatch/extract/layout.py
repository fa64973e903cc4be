"""A text flattened to one line (a web page whose paragraphs were joined by wide spaces:
`…提出意见。 \u2003\u2003一、2020年工作回顾 \u2003\u2003过去一年…`), read with those gaps as line breaks, so
that its headings and paragraph leads frame what follows them as they do in a text with lines.
The gap's first character becomes the break: every offset holds."""

from __future__ import annotations

import re
from dataclasses import replace

from ..documents import Document

_GAP = re.compile(r"[ \t\u3000\u2003]{2,}(?=\S)")  # two or more spaces, ideographic or em spaces
_FLAT = 2000  # a text with fewer line breaks than one in this many characters is flat


def lined(document: Document) -> Document:
    """The document, its wide gaps read as line breaks when it is flat; else untouched."""
    text = document.text
    if len(text) < _FLAT or text.count("\n") * _FLAT > len(text):
        return document
    return replace(document, text=_GAP.sub(lambda gap: "\n" + gap[0][1:], text))
