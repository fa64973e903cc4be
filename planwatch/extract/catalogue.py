"""The indicator catalogue (planwatch/data/indicators.yaml): names as written -> Indicator.

    from planwatch.extract import catalogue
    catalogue.lookup("地区生产总值 (简称“GDP”)") -> Indicator(name="地区生产总值", ...)
    catalogue.lookup("外贸进出口总额")            -> Indicator(name="进出口总额", ...)
    catalogue.lookup("开工建设道路")              -> None
    catalogue.mentions(text, start, end)         -> [(start, end, Indicator)], every name in text
    catalogue.indicators()                       -> all entries, in file order

`lookup` takes the name as written in a table row or a heading: an exact name
first, else the longest catalogue name it contains. Spaces and quotation marks
are ignored throughout, like the scorer does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..errors import SettingsError
from .grammar import trie_pattern

CATALOGUE_FILE = Path(__file__).parents[1] / "data" / "indicators.yaml"
CATEGORIES = ("经济发展", "创新驱动", "民生福祉", "绿色生态")
_JUNK = re.compile(r"[\s\"'“”‘’「」『』《》]")
_BRACKETS = str.maketrans("（）", "()")
_CHAR = {"(": "[(（]", ")": "[)）]"}


@dataclass(frozen=True)
class Indicator:
    name: str
    names: tuple[str, ...]
    category: str
    unit: str | None = None
    comparable: bool = False   # growth usually in comparable prices
    rate: bool = False         # the level is a rate or share in %
    down: bool = False         # stated as a reduction rate: a plain N% means growth -N
    follow: tuple[tuple[str, str], ...] = ()  # (word, related indicator) later in a sentence
    whole_word: bool = False   # generic names (企业数量) that count only as a word of their own


def normalise(name: str) -> str:
    """A name without spaces or quotation marks, with ASCII parentheses."""
    return _JUNK.sub("", name).translate(_BRACKETS)


@dataclass(frozen=True)
class _Catalogue:
    entries: tuple[Indicator, ...]
    by_name: dict[str, Indicator]
    pattern: re.Pattern
    by_written: dict[str, Indicator]   # names as matched, filled as they are met


def _entry(raw: dict) -> Indicator:
    if raw.get("category") not in CATEGORIES:
        raise SettingsError(f"{CATALOGUE_FILE}: {raw.get('name')}: category must be one of {CATEGORIES}")
    return Indicator(
        name=raw["name"],
        names=tuple(raw.get("names") or ()),
        category=raw["category"],
        unit=raw.get("unit"),
        comparable=bool(raw.get("comparable")),
        rate=bool(raw.get("rate")),
        down=bool(raw.get("down")),
        follow=tuple((raw.get("follow") or {}).items()),
        whole_word=bool(raw.get("whole_word")),
    )


@cache
def _load() -> _Catalogue:
    try:
        raw = yaml.safe_load(CATALOGUE_FILE.read_text("utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"{CATALOGUE_FILE}: {exc}") from exc
    entries = tuple(_entry(item) for item in raw)
    by_name: dict[str, Indicator] = {}
    for entry in entries:
        for name in (entry.name, *entry.names):
            key = normalise(name)
            if by_name.get(key, entry) is not entry:
                raise SettingsError(f"{CATALOGUE_FILE}: name {name} belongs to two indicators")
            by_name[key] = entry
    standard = {entry.name for entry in entries}
    for entry in entries:
        for word, related in entry.follow:
            if related not in standard:
                raise SettingsError(f"{CATALOGUE_FILE}: {entry.name}: follow {word} names unknown {related}")
    # Quotation marks may surround any part of a name as written (新增“四上”企业).
    firsts = "".join(sorted({_CHAR.get(n[0], re.escape(n[0])).strip("[]") for n in by_name}))
    pattern = re.compile(f"(?=[{firsts}])"  # a cheap first-character test before the trie
                         + trie_pattern(by_name, lambda c: (_CHAR.get(c) or re.escape(c)) + "[“”\"]?"))
    return _Catalogue(entries, by_name, pattern, dict(by_name))


def indicators() -> tuple[Indicator, ...]:
    return _load().entries


def get(name: str) -> Indicator | None:
    """The entry whose standard name or synonym is exactly `name`."""
    return _load().by_name.get(normalise(name))


def lookup(name: str) -> Indicator | None:
    """The entry for a name as written: exact, else the longest catalogue name inside it."""
    catalogue = _load()
    key = normalise(name)
    if key in catalogue.by_name:
        return catalogue.by_name[key]
    best = None
    for match in catalogue.pattern.finditer(key):
        if best is None or len(match[0]) > len(best[0]):
            best = match
    return None if best is None else catalogue.by_name[normalise(best[0])]


def mentions(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Indicator]]:
    """Every catalogue name in text[start:end], leftmost-longest, as (start, end, Indicator)."""
    catalogue = _load()
    by_written = catalogue.by_written
    found = []
    for match in catalogue.pattern.finditer(text, start, len(text) if end is None else end):
        written = match[0]
        entry = by_written.get(written)
        if entry is None:
            entry = by_written[written] = catalogue.by_name[normalise(written)]
        found.append((match.start(), match.end(), entry))
    return found
