"""The indicator catalogue: the indicator system (planwatch/data/indicators.yaml) and
the names documents write them by (planwatch/data/names.yaml), compiled here in one place.

    from planwatch.extract import catalogue
    catalogue.lookup("地区生产总值 (简称“GDP”)") -> Indicator(name="地区生产总值", ...)
    catalogue.lookup("外贸进出口总额")            -> Indicator(name="进出口总额", ...)
    catalogue.lookup("开工建设道路")              -> None
    catalogue.mentions(text, start, end)         -> [(start, end, Indicator)], every name in text
    catalogue.mentions(text, spaced=True)        -> the same, names with spaces inside (全 员劳动生产率)
                                                    (a shared name such as 节能减排 once per indicator)
    catalogue.indicators()                       -> all entries, in file order
    catalogue.by_id("gdp")                       -> Indicator(name="地区生产总值", ...)
    catalogue.is_main("税收收入")                 -> False: catalogued, but not a main indicator
    catalogue.polarity("城镇调查失业率")           -> "lower" (None for a name not catalogued)
    catalogue.share(研发经费, 地区生产总值)         -> the share with that numerator and denominator

`lookup` takes the name as written in a table row or a heading: an exact name
first, else the longest catalogue name it contains. Spaces and quotation marks
are ignored throughout, like the scorer does. A name glued to the one before it
by a word that is no boundary (招商引资到位固定资产投资) is part of a longer noun:
neither names its indicator; nor does a name narrowed by a qualifier glued before
it (涉海高新技术企业, 农产品出口). A total that a sentence splits (存贷款余额分别达到
X、Y) names its parts, one value each.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path

import ahocorasick_rs
import yaml

from ..errors import SettingsError
from .grammar import trie_pattern

_YAML = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml's loader: the catalogue is large

_DATA = Path(__file__).parents[1] / "data"
CATALOGUE_FILE = _DATA / "indicators.yaml"
NAMES_FILE = _DATA / "names.yaml"
CATEGORIES = ("经济发展", "创新驱动", "民生福祉", "绿色生态", "安全保障")
POLARITIES = ("higher", "lower", "neutral")
_ID = re.compile(r"[a-z][a-z0-9_]*")
_SYSTEM_KEYS = {"id", "name", "category", "unit", "also_units", "polarity", "rate", "comparable", "note",
                "parent", "numerator", "denominator", "until", "successor"}
_READING_KEYS = {"names", "historical", "down", "shared", "split", "whole_word", "main", "follow", "counted",
                 "national", "percent"}
_JUNK = re.compile(r"[\s\"'“”‘’「」『』《》_]")
_BRACKETS = str.maketrans("（）", "()")
_CHAR = {"(": "[(（]", ")": "[)）]"}
# Between two names, what keeps them apart: punctuation, numbers, joiners, verbs, 占/中/的 …
_APART = re.compile(r"[^\u4e00-\u9fff]|[和及与或占中的为达至比较对在由从向完成实现增降提其并]")
_GLUE = 2  # at most this many characters of a longer noun between two names
_SPLIT = re.compile(r"[^。；;！？!?\n]{0,12}?分别")
# X占Y(的)比重, X相当于Y的比例, X占比: group 1 is Y, the whole the share is of
_SHARE_OF = re.compile(r"(?:占|相当于)([^，,。;；:：\n]{0,20}?)的?(?:比重|比例)|占比")
_WHOLE = 12  # the longest name of a whole right after 占 without 比重 (占地区生产总值1.8%)
# What a name as written may hold between its characters (新增“四上”企业, PM2.5 浓度, PM_2.5,
# 单位 GDP能耗), and in spaced text (a PDF's) also spaces and line breaks: taken out before
# the automaton looks.
# one character class first: re then skips to the candidates instead of trying each offset
_INSIDE = re.compile(r'[“”" _](?:(?<=[“”"])|(?<=[0-9A-Za-z][ _])|(?=[A-Za-z]))')
_INSIDE_SPACED = re.compile('[“”" _\n]')


@dataclass(frozen=True)
class Indicator:
    name: str
    names: tuple[str, ...]
    category: str
    unit: str | None = None
    also_units: tuple[str, ...] = ()  # other units its level is written in (jobs in 万个, transfers in 万人次)
    comparable: bool = False   # growth usually in comparable prices
    rate: bool = False         # the level is a rate or share in %
    down: bool = False         # stated as a reduction rate: a plain N% means growth -N
    follow: tuple[tuple[str, str], ...] = ()  # (word, related indicator's standard name) later in a sentence
    whole_word: bool = False   # generic names (企业数量) that count only as a word of their own
    whole_words: tuple[str, ...] = ()  # ... or only these of its names (投资增长: not 民生投资增长)
    shared: tuple[str, ...] = ()  # names that stand for this and other indicators (节能减排)
    split: tuple[str, ...] = ()   # the indicators (standard names) its names stand for when 分别 follows
    main: bool = True          # false: read (so its name is not taken for another) but not emitted
    counted: tuple[str, ...] = ()  # names written after their count (134个贫困村出列, 3县摘帽)
    national: tuple[str, ...] = ()  # names that mean this indicator in a national document (财政收入)
    percent: str | None = None  # the indicator (standard name) its name means with a value in % (优良天数88%: the ratio)
    id: str = ""
    polarity: str = "higher"   # higher | lower | neutral: which way is better
    note: str | None = None    # the 口径
    parent: str | None = None  # ids of related indicators in the system
    numerator: str | None = None
    denominator: str | None = None
    until: int | None = None   # last year compiled; `successor` (an id) replaced it
    successor: str | None = None


@lru_cache(maxsize=1 << 16)  # the same few thousand names are looked up again and again
def normalise(name: str) -> str:
    """A name without spaces, quotation marks or underscores, with ASCII parentheses."""
    return _JUNK.sub("", name).translate(_BRACKETS)


@dataclass(frozen=True)
class _Catalogue:
    entries: tuple[Indicator, ...]
    by_id: dict[str, Indicator]
    by_name: dict[str, Indicator]
    pattern: re.Pattern
    spaced_source: str   # the same, with a space or line break between characters (PDF text: 人 均 GDP)
    by_written: dict[str, tuple[Indicator, ...]]   # names as matched, filled as they are met
    shared: dict[str, tuple[Indicator, ...]]
    splits: dict[str, tuple[Indicator, ...]]   # standard name -> its parts
    shares: dict[tuple[str, str | None], Indicator]   # (numerator id, denominator id or None) -> share
    narrowing: re.Pattern   # a qualifier that ends where a name starts (涉海|园区|…)$
    qualifier_size: int     # the longest qualifier's length, with a closing quotation mark

    @cached_property
    def spaced(self) -> re.Pattern:
        """Compiled when a spaced document first needs it: it costs a second (most text never does)."""
        return re.compile(self.spaced_source)

    @cached_property
    def automaton(self) -> ahocorasick_rs.AhoCorasick:
        """Every name and shared name: finds where names may start in one pass in native code, where
        the regex would try its first characters at every offset."""
        return ahocorasick_rs.AhoCorasick([*self.by_name, *self.shared], implementation=ahocorasick_rs.Implementation.DFA)


def _read(path: Path):
    try:
        return yaml.load(path.read_text("utf-8"), Loader=_YAML)
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"{path}: {exc}") from exc


def _check_system(raw: list[dict]) -> dict[str, dict]:
    """The indicator system by id, every field and relation checked."""
    system: dict[str, dict] = {}
    for item in raw:
        where = f"{CATALOGUE_FILE}: {item.get('id') or item.get('name')}"
        if not _ID.fullmatch(str(item.get("id", ""))) or item["id"] in system:
            raise SettingsError(f"{where}: id missing, not an ASCII slug, or used twice")
        if set(item) - _SYSTEM_KEYS:
            raise SettingsError(f"{where}: unknown fields {sorted(set(item) - _SYSTEM_KEYS)}")
        if item.get("category") not in CATEGORIES:
            raise SettingsError(f"{where}: category must be one of {CATEGORIES}")
        if item.get("polarity") not in POLARITIES:
            raise SettingsError(f"{where}: polarity must be one of {POLARITIES}")
        system[item["id"]] = item
    for item in raw:
        for field in ("parent", "numerator", "denominator", "successor"):
            if item.get(field) is not None and item[field] not in system:
                raise SettingsError(f"{CATALOGUE_FILE}: {item['id']}: {field} {item[field]} is no indicator id")
    return system


def _check_reading(reading: dict, system: dict[str, dict]) -> None:
    for key, hints in reading.items():
        if key not in system:
            raise SettingsError(f"{NAMES_FILE}: {key} is no indicator id of {CATALOGUE_FILE.name}")
        if set(hints) - _READING_KEYS:
            raise SettingsError(f"{NAMES_FILE}: {key}: unknown fields {sorted(set(hints) - _READING_KEYS)}")
        related = [*(hints.get("follow") or {}).values(), *(hints.get("split") or ()), *filter(None, [hints.get("percent")])]
        if any(other not in system for other in related):
            raise SettingsError(f"{NAMES_FILE}: {key}: follow/split/percent names an unknown indicator id")
        for old in hints.get("historical") or ():
            if not old.get("name") or not ({"from", "until"} & set(old)) or set(old) - {"name", "from", "until"}:
                raise SettingsError(f"{NAMES_FILE}: {key}: a historical name needs `name` and `from`/`until`")


def _entry(raw: dict, hints: dict, system: dict[str, dict]) -> Indicator:
    historical = tuple(old["name"] for old in hints.get("historical") or ())
    return Indicator(
        name=raw["name"],
        names=(*(hints.get("names") or ()), *historical),
        category=raw["category"],
        unit=raw.get("unit"),
        also_units=tuple(raw.get("also_units") or ()),
        comparable=bool(raw.get("comparable")),
        rate=bool(raw.get("rate")),
        down=bool(hints.get("down")),
        follow=tuple((word, system[other]["name"]) for word, other in (hints.get("follow") or {}).items()),
        whole_word=hints.get("whole_word") is True,
        whole_words=tuple(map(normalise, hints["whole_word"])) if isinstance(hints.get("whole_word"), list) else (),
        shared=tuple(hints.get("shared") or ()),
        split=tuple(system[part]["name"] for part in hints.get("split") or ()),
        main=hints.get("main", True) is not False,
        counted=tuple(hints.get("counted") or ()),
        national=tuple(hints.get("national") or ()),
        percent=system[hints["percent"]]["name"] if hints.get("percent") else None,
        id=raw["id"],
        polarity=raw["polarity"],
        note=raw.get("note"),
        parent=raw.get("parent"),
        numerator=raw.get("numerator"),
        denominator=raw.get("denominator"),
        until=raw.get("until"),
        successor=raw.get("successor"),
    )


@cache
def _load() -> _Catalogue:
    raw = _read(CATALOGUE_FILE) or []
    reading = _read(NAMES_FILE) or {}
    qualifiers = reading.pop("qualifiers", None) or []
    areas, area_verbs = reading.pop("areas", None) or [], reading.pop("area_verbs", None) or []
    system = _check_system(raw)
    _check_reading(reading, system)
    entries = tuple(_entry(item, reading.get(item["id"]) or {}, system) for item in raw)
    by_name: dict[str, Indicator] = {}
    for entry in entries:
        for name in (entry.name, *entry.names):
            key = normalise(name)
            if len(key) < 2:
                raise SettingsError(f"{NAMES_FILE}: name {name!r} is shorter than two characters")
            if by_name.get(key, entry) is not entry:
                raise SettingsError(f"{NAMES_FILE}: name {name} belongs to two indicators")
            by_name[key] = entry
    shared: dict[str, tuple[Indicator, ...]] = {}
    for entry in entries:
        for name in entry.shared:
            key = normalise(name)
            if key in by_name:
                raise SettingsError(f"{NAMES_FILE}: shared name {name} is also a name of {by_name[key].name}")
            shared[key] = (*shared.get(key, ()), entry)
    standard = {entry.name: entry for entry in entries}
    splits = {entry.name: tuple(standard[part] for part in entry.split) for entry in entries if entry.split}
    # Quotation marks may surround any part of a name as written (新增“四上”企业), and a
    # space may follow a Latin letter or digit (R&D 经费投入强度, PM2.5 浓度), or an
    # underscore, a subscript's mark in converted text (PM_2.5, PM_10).
    written = [*by_name, *shared]
    # a space may also come before a Latin word after Chinese (单位 GDP能耗, 万元 GDP: newspaper text)
    trie = trie_pattern(written, lambda c: (" ?" if c.isascii() and c.isalpha() else "")
                        + (_CHAR.get(c) or re.escape(c))
                        + ("[“”\" _]?" if c.isascii() and c.isalnum() else "[“”\"]?"))
    # A cheap test of a name's first two characters before the trie, which tries its
    # first-character branches one by one.
    firsts, seconds = (_char_class(name[at] for name in written) for at in (0, 1))
    pattern = re.compile(f"(?=[{firsts}][“”\" _]?[{seconds}])" + trie)
    spaced = f"(?=[{firsts}][“”\" \n]?[{seconds}])" + trie.replace('[“”"]?', '[“”" \n]?')
    by_written = {name: (entry,) for name, entry in by_name.items()} | shared
    # a space may stand between (万元 GDP用水量: text taken from PDFs and newspapers)
    narrowed = [f"(?:{'|'.join(map(re.escape, qualifiers))})[”\"]? ?$"] if qualifiers else []
    if areas:  # an area as the subject, its verb between: 产业集聚区完成固定资产投资
        narrowed.append(f"(?:{'|'.join(map(re.escape, areas))})(?:{'|'.join(map(re.escape, area_verbs))})? ?$")
    narrowing = re.compile("|".join(narrowed) or "(?!)")
    size = max(max(map(len, qualifiers), default=0), max(map(len, areas), default=0)
               + max(map(len, area_verbs), default=0)) + 2
    return _Catalogue(entries, {entry.id: entry for entry in entries}, by_name, pattern, spaced, by_written,
                      shared, splits, _shares(entries), narrowing, size)


def _char_class(chars) -> str:
    """The inside of a regex class holding each character (both brackets for ( and ))."""
    return "".join(sorted({_CHAR.get(c, re.escape(c)).strip("[]") for c in chars}))


def _shares(entries: tuple[Indicator, ...]) -> dict[tuple[str, str | None], Indicator]:
    """Shares by (numerator, denominator), and by (numerator, None) when the numerator has one share only."""
    shares: dict[tuple[str, str | None], Indicator] = {}
    counts: dict[str, int] = {}
    for entry in entries:
        if entry.numerator is not None and entry.denominator is not None:
            if (entry.numerator, entry.denominator) in shares:
                raise SettingsError(f"{CATALOGUE_FILE}: {entry.id}: a second share of {entry.numerator} in {entry.denominator}")
            shares[entry.numerator, entry.denominator] = shares[entry.numerator, None] = entry
            counts[entry.numerator] = counts.get(entry.numerator, 0) + 1
    return {key: entry for key, entry in shares.items() if key[1] is not None or counts[key[0]] == 1}


def indicators() -> tuple[Indicator, ...]:
    return _load().entries


def by_id(key: str) -> Indicator | None:
    """The indicator with this stable id (parent, numerator, denominator name ids)."""
    return _load().by_id.get(key)


def get(name: str) -> Indicator | None:
    """The entry whose standard name or synonym is exactly `name`."""
    return _load().by_name.get(normalise(name))


def is_main(name: str) -> bool:
    """Whether a standard name is a main indicator (not an ordinary quantity kept for reading)."""
    entry = _load().by_name.get(normalise(name))
    return entry is None or entry.main


def polarity(name: str) -> str | None:
    """Which way is better for a catalogued name: "higher", "lower" or "neutral"; None when not catalogued."""
    entry = get(name)
    return None if entry is None else entry.polarity
def national(written: str) -> Indicator | None:
    """The indicator a name as written means in a national document, where it differs (财政收入)."""
    key = normalise(written)
    return next((entry for entry in _load().entries if key in map(normalise, entry.national)), None)


def counted() -> dict[str, Indicator]:
    """Names written after their count (names.yaml `counted`), each with its indicator."""
    return {name: entry for entry in _load().entries for name in entry.counted}


def share(numerator: Indicator, denominator: Indicator | None) -> Indicator | None:
    """The share of `numerator` in `denominator` (占GDP比重); with no denominator (占比), the
    numerator's only share."""
    return _load().shares.get((numerator.id, None if denominator is None else denominator.id))


def share_after(text: str, start: int, end: int, numerator: Indicator) -> tuple[int, Indicator] | None:
    """The share that the name text[start:end] and the words after it name, and where they end:
    the whole phrase's own name (高新技术产业增加值占规上工业增加值比重), else the share of the
    numerator in the whole named after 占 (研发投入占GDP比重, 占地区生产总值1.8%, 占比)."""
    phrase = _SHARE_OF.match(text, end)
    if phrase is not None:
        indicator = get(text[start:phrase.end()].replace("的比", "比"))
        if indicator is None and phrase[1]:
            whole = lookup(phrase[1])
            indicator = None if whole is None else share(numerator, whole)
        elif indicator is None:
            indicator = share(numerator, None)
        return None if indicator is None else (phrase.end(), indicator)
    if text[end:end + 1] != "占":
        return None
    named = mentions(text, end + 1, min(len(text), end + 1 + _WHOLE))[:1]
    if not named or named[0][0] != end + 1:
        return None
    indicator = share(numerator, named[0][2])
    return None if indicator is None else (named[0][1], indicator)


def lookup(name: str) -> Indicator | None:
    """The entry for a name as written: exact, else the longest catalogue name inside it
    (or the share it is the numerator of, 研发经费支出占地区生产总值的比重)."""
    catalogue = _load()
    key = normalise(name)
    if key in catalogue.by_name:
        return catalogue.by_name[key]
    best = None
    for match in catalogue.pattern.finditer(key):
        if _narrowed(catalogue, key, match.start()):
            continue
        if normalise(match[0]) in catalogue.by_name and (best is None or len(match[0]) > len(best[0])):
            best = match
    if best is None:
        return None
    entry = catalogue.by_name[normalise(best[0])]
    composed = share_after(key, best.start(), best.end(), entry)
    return entry if composed is None else composed[1]


def mentions(text: str, start: int = 0, end: int | None = None,
             spaced: bool = False) -> list[tuple[int, int, Indicator]]:
    """Every catalogue name in text[start:end], leftmost-longest, as (start, end, Indicator);
    `spaced` text (a PDF's: spaces between characters, lines wrapped mid-word) may hold a
    space or a line break inside a name."""
    catalogue = _load()
    by_written = catalogue.by_written
    found: list[tuple[int, int, Indicator]] = []
    for match in _matches(catalogue, text, start, len(text) if end is None else end, spaced):
        written = match[0]
        entries = by_written.get(written)
        if entries is None:
            entries = by_written[written] = by_written[normalise(written)]
        if _narrowed(catalogue, text, match.start()):
            continue
        if found and _glued(text, found[-1][1], match.start()):
            previous = found[-1][0]
            while found and found[-1][0] == previous:
                found.pop()
            continue
        if entries[0].split and _SPLIT.match(text, match.end()):
            entries = catalogue.splits[entries[0].name]
        found.extend((match.start(), match.end(), entry) for entry in entries)
    return found


def _matches(catalogue: _Catalogue, text: str, start: int, end: int, spaced: bool) -> Iterator[re.Match]:
    """The names in text[start:end] as the catalogue's regex reads them scanning every offset,
    leftmost-longest; the regex is tried only where the automaton finds a name may start."""
    pattern = catalogue.spaced if spaced else catalogue.pattern
    free_from = start
    for pos in _name_starts(catalogue, text, start, end, spaced):
        if pos >= free_from and (match := pattern.match(text, pos, end)):
            free_from = match.end()
            yield match


def _name_starts(catalogue: _Catalogue, text: str, start: int, end: int, spaced: bool) -> list[int]:
    """Offsets in text[start:end], ascending, where a name may start: where the automaton finds
    one once what a name may hold inside it is taken out and （） read as ()."""
    window = text[start:end]
    inside = [found.start() for found in (_INSIDE_SPACED if spaced else _INSIDE).finditer(window)]
    kept = [window[after + 1:before] for after, before in zip([-1, *inside], [*inside, len(window)])]
    clean = "".join(kept).replace("（", "(").replace("）", ")")
    shifts = [pos - rank for rank, pos in enumerate(inside)]  # a clean offset past k of them is k further on
    firsts = sorted({first for _, first, _ in catalogue.automaton.find_matches_as_indexes(clean, overlapping=True)})
    return [start + first + bisect_right(shifts, first) for first in firsts]


def _narrowed(catalogue: _Catalogue, text: str, start: int) -> bool:
    """涉海高新技术企业: a qualifier right before the name makes it a part, not the indicator."""
    return catalogue.narrowing.search(text, max(0, start - catalogue.qualifier_size), start) is not None


def _glued(text: str, previous_end: int, start: int) -> bool:
    """招商引资到位固定资产投资: two names joined into one longer noun."""
    return 0 < start - previous_end <= _GLUE and not _APART.search(text, previous_end, start)
