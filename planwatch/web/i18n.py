"""Dashboard words in Chinese (default) and English, read from strings.yaml.

The language comes from `?lang=` (which the response also stores in a cookie),
else the cookie, else Chinese.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml
from fastapi import Request

from ..errors import SettingsError

LANGUAGES = ("zh", "en")
DEFAULT = "zh"
COOKIE = "lang"
_FILE = Path(__file__).with_name("strings.yaml")


@cache
def strings() -> dict[str, dict[str, str]]:
    table = yaml.safe_load(_FILE.read_text(encoding="utf-8"))
    evaluation = _evaluation_words()
    if twice := sorted(set(table) & set(evaluation)):
        raise SettingsError(f"{_FILE}: {', '.join(twice)} are planwatch/data/evaluation.yaml's words, defined there")
    table |= evaluation
    for key, words in table.items():
        missing = [lang for lang in LANGUAGES if lang not in words]
        if missing:
            raise SettingsError(f"{_FILE}: {key!r} has no words for {', '.join(missing)}")
    return table


def _evaluation_words() -> dict[str, dict[str, str]]:
    """The labels of verdicts, commitments and findings, which evaluate writes in both languages."""
    from ..evaluate.commitments import STATUSES, label as commitment_label
    from ..evaluate.findings import LABELS
    from ..evaluate.vocabulary import label, vocabulary

    labels = {f"status_{s}": label(s) for s in vocabulary()["labels"]}
    labels |= {f"cstatus_{s}": commitment_label(s) for s in STATUSES}
    labels |= {f"finding_{kind}": words for kind, words in LABELS.items()}
    return {key: {"zh": str(words), "en": words.en} for key, words in labels.items()}


def language(request: Request) -> str:
    for candidate in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if candidate in LANGUAGES:
            return candidate
    return DEFAULT


def translator(lang: str):
    """t(key) for one language; an unknown key shows as itself so a gap is visible."""
    table = strings()

    def t(key: str) -> str:
        words = table.get(key)
        return words[lang] if words else key

    return t
