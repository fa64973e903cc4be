"""Whether two commitments count the same thing, by the words of their objects only
(never by position): the same words, one containing the other, or a stated similarity.
Thresholds and the words that tell objects apart are in data/evaluation.yaml."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from typing import Generic, TypeVar

from ..extract.grammar import grammar
from .vocabulary import vocabulary

_JUNK = re.compile(r"[\s\W_]", re.UNICODE)   # as the scorer: spaces and punctuation go, digits stay
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
T = TypeVar("T")


_RANK = {"same": 2, "contains": 1, "similar": 0}


@dataclass(frozen=True)
class Match:
    """How well two objects match: an exact match scores 1, containment the shorter's share
    of the longer, a similar pair its bigram Dice."""

    score: float
    how: str        # same | contains | similar

    @property
    def rank(self) -> tuple[int, float]:
        """Better first when sorted in reverse: the spec's order (same, contains, similar), then the score."""
        return _RANK[self.how], self.score


@lru_cache(maxsize=65536)
def words(text: str) -> str:
    return _JUNK.sub("", text)


@lru_cache(maxsize=262144)   # a region's objects repeat from year to year: each pair is judged once
def match(a: str, b: str) -> Match | None:
    """The match of two objects, or None when they count different things; failing as
    written, they are compared once more without the bound words of their amounts
    (投资超5亿元工业项目 ~ 5亿元以上工业项目)."""
    a, b = words(a), words(b)
    found = _match(a, b)
    if found is None and (unbound := (_unbound(a), _unbound(b))) != (a, b):
        found = _match(*unbound)
    return found


def _match(a: str, b: str) -> Match | None:
    if not a or not b or not _compatible(a, b):
        return None
    if a == b:
        return Match(1.0, "same")
    short, long = sorted((a, b), key=len)
    if short in long and len(short) >= _rules()["min_contained_chars"]:
        return Match(len(short) / len(long), "contains")
    score = dice(a, b)
    return Match(score, "similar") if score >= _rules()["similarity"] else None


def dice(a: str, b: str) -> float:
    """Dice coefficient of the two texts' character bigrams (as multisets)."""
    first, second = _bigrams(a), _bigrams(b)
    if not first or not second:
        return 0.0
    common = sum((first & second).values())
    return 2 * common / (first.total() + second.total())


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> Counter:
    return Counter(text[i:i + 2] for i in range(len(text) - 1))


def _compatible(a: str, b: str) -> bool:
    """Numbers and distinguishing words, where both objects state some, must agree."""
    for first, second in zip(_marks(a), _marks(b)):
        if first and second and first != second:
            return False
    return True


@lru_cache(maxsize=65536)
def _marks(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The numbers and the distinguishing words an object states, each sorted."""
    return tuple(sorted(_DIGITS.findall(text))), tuple(sorted(w for w in _rules()["distinguishing"] if w in text))


@lru_cache(maxsize=65536)
def _unbound(text: str) -> str:
    """An object without the comparator words (grammar.yaml) bounding an amount in it."""
    return _bounds().sub(r"\1\2", text)


@cache
def _bounds() -> re.Pattern:
    """超5亿元 -> 5亿元; 5亿元以上 -> 5亿元: a before-word at a digit, an after-word behind one
    (its unit between)."""
    g = grammar()
    before = "|".join(sorted(map(re.escape, g.before), key=len, reverse=True))
    after = "|".join(sorted(map(re.escape, g.after), key=len, reverse=True))
    return re.compile(rf"(?:{before})(?=\d)|(\d[\d.]*)(\D{{0,4}}?)(?:{after})")


class Near(Generic[T]):
    """Items by the character bigrams of their objects: what may match an object is among
    the items sharing a bigram with it (or equal to it), so a promise is compared with a
    few of the year's results, not all of them."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[T]] = defaultdict(list)

    def add(self, obj: str, item: T) -> None:
        for key in _keys(obj):
            self._by_key[key].append(item)

    def near(self, obj: str) -> list[T]:
        found: dict[int, T] = {}
        for key in _keys(obj):
            for item in self._by_key.get(key, ()):
                found.setdefault(id(item), item)
        return list(found.values())


@lru_cache(maxsize=65536)
def _keys(obj: str) -> frozenset[str]:
    plain, unbound = words(obj), _unbound(words(obj))
    return frozenset({"=" + plain, *_bigrams(plain), *_bigrams(unbound)})


def scaled(value: Decimal, unit: str | None) -> tuple[Decimal, str | None]:
    """A quantity with its unit's scale prefix applied, and counting words that count the
    same things as one: (1.7, 万个) -> (17000, 个); (17, 家) -> (17, 个)."""
    scales, counters = _rules()["unit_scales"], _rules()["same_counters"]
    if unit and len(unit) > 1 and unit[0] in scales:
        value, unit = value * Decimal(scales[unit[0]]), unit[1:]
    return value, counters[0] if unit in counters else unit


def same_project(a: str, b: str) -> bool:
    """Two names of one project: equal, or one contains the other (and is long enough)."""
    a, b = words(a), words(b)
    short, long = sorted((a, b), key=len)
    return bool(short) and (short == long or (short in long and len(short) >= _rules()["project_name_min_chars"]))


@cache
def _rules() -> dict:
    return vocabulary()["commitments"]
