"""Traditional characters (繁體) read as simplified, offsets unchanged.

    simplified(document) -> the document itself, or a shadow of it whose text
                            and table cells are read in simplified characters
    as_written(facts, document, shadow) -> facts whose qualitative words are the document's own

Evidence offsets index the text as decoded, so the fold is strictly one character
for one (planwatch.documents.traditional). A document is folded only when its head
shows traditional characters, so simplified text costs one scan of its head. Its
metadata was already read on the folded text when it was loaded.
"""

from __future__ import annotations

from dataclasses import replace

from ..documents import Document
from ..documents.model import Table
from ..documents.traditional import fold, is_traditional
from ..model import Fact


def simplified(document: Document) -> Document:
    if not is_traditional(document.text):
        return document
    text = fold(document.text)
    tables = [Table([[replace(cell, text=fold(cell.text)) for cell in row] for row in table.rows],
                    fold(table.title) if table.title else None) for table in document.tables]
    return replace(document, text=text, tables=tables)


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
