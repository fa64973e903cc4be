"""What planwatch itself writes (verdict reasons, findings, error messages), in Chinese
with its English.

Words is a str, its Chinese: what the CLI prints and the JSON carries by default. It also
holds its English, which the dashboard shows with ?lang=en (in_language).
Phrases are composed with say(); what a document wrote (a title, an indicator name, a
unit) fills them as it is, in both languages.
"""

from __future__ import annotations


class Words(str):
    """Chinese words (the str itself) with their English in `en`."""

    en: str

    def __new__(cls, zh: str, en: str):
        words = super().__new__(cls, zh)
        words.en = en
        return words

    def __reduce__(self):   # pickled (page cache, worker processes) with its English
        return Words, (str(self), self.en)


def english(part) -> str:
    """A part of a phrase in English: Words' English; data (a number, a name as written) as it is."""
    return part.en if isinstance(part, Words) else str(part)


def say(zh: str, en: str, **parts) -> Words:
    """One phrase in both languages, its {names} filled from PARTS (Words or data)."""
    return Words(zh.format(**{k: str(v) for k, v in parts.items()}),
                 en.format(**{k: english(v) for k, v in parts.items()}))


def joined(items, zh: str = "；", en: str = "; ") -> Words:
    items = list(items)
    return Words(zh.join(map(str, items)), en.join(map(english, items)))


def in_language(value, lang: str):
    """VALUE (a view, a record: dicts, lists, tuples) with each Words in LANG: as it is (its
    Chinese) for "zh", its English for "en"; everything else as it is."""
    if lang == "zh":
        return value
    if isinstance(value, Words):
        return value.en
    if isinstance(value, dict):
        return {key: in_language(item, lang) for key, item in value.items()}
    if isinstance(value, list):
        return [in_language(item, lang) for item in value]
    if isinstance(value, tuple):
        return tuple(in_language(item, lang) for item in value)
    return value
