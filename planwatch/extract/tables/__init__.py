"""Indicator tables to facts: real tables from markup (`Document.tables`) and
tables recovered from text (one cell per line, rows of cells joined by `|` or
separated by spaces or tabs), read by one reader: plan outlines (base, target,
span growth), completion and review tables (targets, results, 预计 estimates,
the plan's verdict as `assessment`) and communique tables (绝对数 | 比上年增长).

    extract_tables(document) -> list[Fact]
"""

from __future__ import annotations

from bisect import bisect_left

from ...documents import Document
from ...model import Fact
from .reader import read_table
from .recover import extents, recover_tables


def read_extents(document: Document, facts: list[Fact]) -> list[tuple[int, int]]:
    """Where the tables that gave facts lie in the text: the `|` rendering of
    a real table, and each row written on one line, are read as a table, not
    as sentences (地区生产总值 200亿元 280亿元 is a base and a target)."""
    starts = sorted(f.start for f in facts)
    found = []
    for start, end in extents(document.tables):
        at = bisect_left(starts, start)
        if at < len(starts) and starts[at] < end:
            found.append((start, end))
    return found + _row_lines(document.text, facts)


def _row_lines(text: str, facts: list[Fact]) -> list[tuple[int, int]]:
    """The lines holding a fact's cell and other cells beside it."""
    lines = set()
    for fact in facts:
        start = text.rfind("\n", 0, fact.start) + 1
        end = text.find("\n", fact.end)
        end = len(text) if end < 0 else end
        if text[start:end].strip(" \t\u3000\r|") != text[fact.start:fact.end].strip():
            lines.add((start, end))
    return sorted(lines)


def extract_tables(document: Document) -> list[Fact]:
    """Facts from every indicator table of the document, in table order."""
    found: list[Fact] = []
    for table in document.tables:
        found.extend(read_table(table, document, real=True))
    for table in recover_tables(document):
        found.extend(read_table(table, document))
    return found


__all__ = ["extract_tables", "read_extents", "read_table", "recover_tables"]
