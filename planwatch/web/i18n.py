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
    for key, words in table.items():
        missing = [lang for lang in LANGUAGES if lang not in words]
        if missing:
            raise SettingsError(f"{_FILE}: {key!r} has no words for {', '.join(missing)}")
    return table


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
