"""The indicator catalogue (planwatch/data/indicators.yaml): names as written -> Indicator.

    from planwatch.extract import catalogue
    catalogue.lookup("地区生产总值 (简称“GDP”)") -> Indicator(name="地区生产总值", ...)
    catalogue.lookup("外贸进出口总额")            -> Indicator(name="进出口总额", ...)
    catalogue.lookup("开工建设道路")              -> None
    catalogue.mentions(text, start, end)         -> [(start, end, Indicator)], every name in text
    catalogue.mentions(text, spaced=True)        -> the same, names with spaces inside (全 员劳动生产率)
                                                    (a shared name such as 节能减排 once per indicator)
    catalogue.indicators()                       -> all entries, in file order
    catalogue.is_main("工业增加值")               -> False: catalogued, but not a main indicator

`lookup` takes the name as written in a table row or a heading: an exact name
first, else the longest catalogue name it contains. Spaces and quotation marks
are ignored throughout, like the scorer does. A name glued to the one before it
by a word that is no boundary (招商引资到位固定资产投资) is part of a longer noun:
neither names its indicator. A total that a sentence splits (存贷款余额分别达到
X、Y) names its parts, one value each.
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
# Between two names, what keeps them apart: punctuation, numbers, joiners, verbs, 占/中/的 …
_APART = re.compile(r"[^\u4e00-\u9fff]|[和及与或占中的为达至比较对在由从向完成实现增降提其并]")
_GLUE = 2  # at most this many characters of a longer noun between two names
_SPLIT = re.compile(r"[^。；;！？!?\n]{0,12}?分别")


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
    shared: tuple[str, ...] = ()  # names that stand for this and other indicators (节能减排)
    split: tuple[str, ...] = ()   # the indicators its names stand for when 分别 follows (存款, 贷款)
    main: bool = True          # false: read (so its name is not taken for another) but not emitted


def normalise(name: str) -> str:
    """A name without spaces or quotation marks, with ASCII parentheses."""
    return _JUNK.sub("", name).translate(_BRACKETS)


@dataclass(frozen=True)
class _Catalogue:
    entries: tuple[Indicator, ...]
    by_name: dict[str, Indicator]
    pattern: re.Pattern
    spaced: re.Pattern   # the same, with a space or line break between characters (PDF text: 人 均 GDP)
    by_written: dict[str, tuple[Indicator, ...]]   # names as matched, filled as they are met
    shared: dict[str, tuple[Indicator, ...]]
    splits: dict[str, tuple[Indicator, ...]]   # standard name -> its parts


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
        shared=tuple(raw.get("shared") or ()),
        split=tuple(raw.get("split") or ()),
        main=raw.get("main", True) is not False,
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
    shared: dict[str, tuple[Indicator, ...]] = {}
    for entry in entries:
        for name in entry.shared:
            key = normalise(name)
            if key in by_name:
                raise SettingsError(f"{CATALOGUE_FILE}: shared name {name} is also a name of {by_name[key].name}")
            shared[key] = (*shared.get(key, ()), entry)
    standard = {entry.name: entry for entry in entries}
    for entry in entries:
        for related in (*(related for _, related in entry.follow), *entry.split):
            if related not in standard:
                raise SettingsError(f"{CATALOGUE_FILE}: {entry.name}: unknown related indicator {related}")
    splits = {entry.name: tuple(standard[part] for part in entry.split) for entry in entries if entry.split}
    # Quotation marks may surround any part of a name as written (新增“四上”企业).
    written = [*by_name, *shared]
    firsts = "".join(sorted({_CHAR.get(n[0], re.escape(n[0])).strip("[]") for n in written}))
    pattern = re.compile(f"(?=[{firsts}])"  # a cheap first-character test before the trie
                         + trie_pattern(written, lambda c: (_CHAR.get(c) or re.escape(c)) + "[“”\"]?"))
    spaced = re.compile(pattern.pattern.replace('[“”"]?', '[“”" \n]?'))
    by_written = {name: (entry,) for name, entry in by_name.items()} | shared
    return _Catalogue(entries, by_name, pattern, spaced, by_written, shared, splits)


def indicators() -> tuple[Indicator, ...]:
    return _load().entries


def get(name: str) -> Indicator | None:
    """The entry whose standard name or synonym is exactly `name`."""
    return _load().by_name.get(normalise(name))


def is_main(name: str) -> bool:
    """Whether a standard name is a main indicator (not an ordinary quantity kept for reading)."""
    entry = _load().by_name.get(normalise(name))
    return entry is None or entry.main


def lookup(name: str) -> Indicator | None:
    """The entry for a name as written: exact, else the longest catalogue name inside it."""
    catalogue = _load()
    key = normalise(name)
    if key in catalogue.by_name:
        return catalogue.by_name[key]
    best = None
    for match in catalogue.pattern.finditer(key):
        if normalise(match[0]) in catalogue.by_name and (best is None or len(match[0]) > len(best[0])):
            best = match
    return None if best is None else catalogue.by_name[normalise(best[0])]


def mentions(text: str, start: int = 0, end: int | None = None,
             spaced: bool = False) -> list[tuple[int, int, Indicator]]:
    """Every catalogue name in text[start:end], leftmost-longest, as (start, end, Indicator);
    `spaced` text (a PDF's: spaces between characters, lines wrapped mid-word) may hold a
    space or a line break inside a name."""
    catalogue = _load()
    by_written = catalogue.by_written
    found: list[tuple[int, int, Indicator]] = []
    pattern = catalogue.spaced if spaced else catalogue.pattern
    for match in pattern.finditer(text, start, len(text) if end is None else end):
        written = match[0]
        entries = by_written.get(written)
        if entries is None:
            entries = by_written[written] = by_written[normalise(written)]
        if found and _glued(text, found[-1][1], match.start()):
            previous = found[-1][0]
            while found and found[-1][0] == previous:
                found.pop()
            continue
        if entries[0].split and _SPLIT.match(text, match.end()):
            entries = catalogue.splits[entries[0].name]
        found.extend((match.start(), match.end(), entry) for entry in entries)
    return found


def _glued(text: str, previous_end: int, start: int) -> bool:
    """招商引资到位固定资产投资: two names joined into one longer noun."""
    return 0 < start - previous_end <= _GLUE and not _APART.search(text, previous_end, start)
