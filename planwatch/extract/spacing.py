"""Numbers spaced out digit by digit, as some PDF and newspaper text writes them
(2 0 0 1年, 1 2 .5 %, 2 9 0 0 亿元), read closed up.

    closed_up(document) -> (document, None)            an ordinary document, untouched
                        -> (shadow, kept)              shadow.text has those spaces removed;
                                                       kept[i] is the offset in document.text
                                                       of the shadow's character i
    restored(facts, kept) -> facts whose evidence offsets index the document's own text

Only a document whose years are spaced out (2 0 0 5年: a spaced document, see
names.is_spaced for the spaced characters) pays for this: a table of
space-separated columns (1058 -6.4 7.2) has numbers side by side, not digits.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..documents import Document, detect_meta
from ..documents.model import Table
from ..model import Basis, Fact

# The digit before a year is ruled out after its first two digits are read: re scans fast
# for a pattern's first characters, but tries one opening with a lookbehind at every offset.
_SPACED_YEAR = re.compile(r"(?:1 9|2 0)(?<![0-9.]...) [0-9] [0-9](?![0-9.])")
_YEARS = 3  # spaced years a document shows before it is read closed up
# A space inside a number, or between a number and its unit or sign: after a digit
# (or its point) and before a digit, point, percent sign, ratio colon, dash or a
# Chinese character (its unit, 年, 亿元).
_GAP = re.compile(r"(?<=[0-9.])[ \u00a0]+(?=[0-9.%‰∶:\-—~～\u4e00-\u9fff])")


def is_spaced_out(text: str) -> bool:
    """Whether a text writes its numbers digit by digit (at least three years so written)."""
    found = 0
    for _ in _SPACED_YEAR.finditer(text):
        found += 1
        if found >= _YEARS:
            return True
    return False


def closed_up(document: Document) -> tuple[Document, list[int] | None]:
    """The document with the spaces inside its numbers removed, and where each
    remaining character stands in the original; the document itself if it has none."""
    text = document.text
    if not is_spaced_out(text):
        return document, None
    kept: list[int] = []
    parts: list[str] = []
    pos = 0
    for gap in _GAP.finditer(text):
        parts.append(text[pos:gap.start()])
        kept.extend(range(pos, gap.start()))
        pos = gap.end()
    parts.append(text[pos:])
    kept.extend(range(pos, len(text)))
    compact = "".join(parts)

    def at(offset: int) -> int:
        return bisect_left(kept, offset)

    noise = [(at(start), at(end)) for start, end in document.noise]
    tables = [Table([[replace(cell, start=at(cell.start), end=at(cell.end)) for cell in row] for row in table.rows],
                    table.title) for table in document.tables]
    meta = document.meta
    if not (meta.report_years or meta.target_years or meta.plan_span):  # 2 0 0 3年政府工作报告: years unread
        meta = detect_meta(compact, document.name, meta.title)
    return replace(document, text=compact, noise=noise, tables=tables, meta=meta), kept


def restored(facts: list[Fact], kept: list[int] | None) -> list[Fact]:
    """Facts found in a closed-up shadow, their evidence put back on the original text."""
    if kept is None:
        return facts

    def basis(found: Basis | None) -> Basis | None:
        if found is None or found.start is None or found.end is None:
            return found
        return replace(found, start=kept[found.start], end=kept[found.end - 1] + 1)

    return [replace(fact, start=kept[fact.start], end=kept[fact.end - 1] + 1,
                    role_basis=basis(fact.role_basis), period_basis=basis(fact.period_basis)) for fact in facts]


__all__ = ["closed_up", "is_spaced_out", "restored"]
