"""A YAML header (front matter) at the top of a Markdown or text file:

    ---
    title: 某市政府工作报告（2024年1月10日）
    date: 2024-01-10
    ---

Its `title` and `date` are metadata, not text: the header's span is handed
on as noise (no fact and no title line is read from it) while the text stays
exactly as decoded, so evidence offsets still index the file's text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

_HEADER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# libyaml's loader where PyYAML was built with it: a header is read on every load
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class FrontMatter:
    end: int                  # where the text after the header starts
    title: str | None
    date: str | None          # ISO date


def front_matter(text: str) -> FrontMatter | None:
    """The header at the very start of `text`, or None when there is none (or
    what looks like one is not a YAML mapping)."""
    match = _HEADER.match(text)
    if not match:
        return None
    try:
        fields = yaml.load(match.group(1), Loader=_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError:
        return None
    if not isinstance(fields, dict):
        return None
    title = str(fields.get("title") or "").strip()
    return FrontMatter(match.end(), title or None, _iso_date(fields.get("date")))


def _iso_date(value: object) -> str | None:
    if isinstance(value, dt.date):   # YAML reads 2024-01-10 as a date (a datetime is a date too)
        return value.isoformat()[:10]
    match = _ISO_DATE.fullmatch(str(value).strip()) if isinstance(value, str) else None
    return match.group() if match else None
