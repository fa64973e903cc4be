"""Spans of spam and page furniture, from the patterns in `planwatch/data/noise.yaml`.

All line patterns are joined into one compiled regex and all inline patterns
into another, so finding noise is two passes over the text whatever the
number of patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import SettingsError

NOISE_FILE = Path(__file__).resolve().parents[1] / "data" / "noise.yaml"
_EDGE = r"[ \t\r\f\v\u3000\xa0]*"
MAX_LINE = 300


@lru_cache(maxsize=4)
def _patterns(path: Path = NOISE_FILE) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lines = [_checked(e, path) for e in data.get("lines") or []]
        inline = [_checked(e, path) for e in data.get("inline") or []]
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"{path}: cannot read the noise patterns ({exc})") from None
    line_re = re.compile(rf"{_EDGE}(?:{'|'.join(f'(?:{p})' for p in lines)}){_EDGE}") if lines else None
    inline_re = re.compile("|".join(f"(?:{p})" for p in inline)) if inline else None
    return line_re, inline_re


def _checked(entry: dict, path: Path) -> str:
    pattern = entry.get("pattern") if isinstance(entry, dict) else None
    if not isinstance(pattern, str):
        raise SettingsError(f"{path}: every entry needs a 'pattern' text, not {entry!r}")
    try:
        re.compile(pattern)
    except re.error as exc:
        raise SettingsError(f"{path}: pattern {entry.get('name', pattern)!r} is not a valid regular expression ({exc})") from None
    return within_line(pattern)


_LINE_SPACE = r" \t\r\f\v\u3000\xa0"


def within_line(pattern: str) -> str:
    """`\\s` made to mean a space inside one line, so no pattern runs on into
    the next line (a real sentence) however it is written."""
    out, in_class, i = [], False, 0
    while i < len(pattern):
        two = pattern[i:i + 2]
        if two == r"\s":
            out.append(_LINE_SPACE if in_class else f"[{_LINE_SPACE}]")
            i += 2
            continue
        if two.startswith("\\"):
            out.append(two)
            i += 2
            continue
        in_class = (in_class or two[0] == "[") and not (in_class and two[0] == "]")
        out.append(two[0])
        i += 1
    return "".join(out)


def find_noise(text: str, path: Path = NOISE_FILE) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of noise in `text`."""
    line_re, inline_re = _patterns(path)
    spans = _noise_lines(text, line_re) if line_re else []
    if inline_re:
        spans += [_trimmed(text, m.start(), m.end()) for m in inline_re.finditer(text)]
    return merged([(start, end) for start, end in spans if end > start])


def _noise_lines(text: str, line_re: re.Pattern[str]) -> list[tuple[int, int]]:
    """Whole lines that a line pattern matches. Furniture lines are short, so
    lines over MAX_LINE characters (paragraphs) are not tried: this keeps the
    cost to the short lines whatever the patterns."""
    spans, start, size = [], 0, len(text)
    while start <= size:
        end = text.find("\n", start)
        end = size if end < 0 else end
        if 0 < end - start <= MAX_LINE and line_re.fullmatch(text, start, end):
            spans.append(_trimmed(text, start, end))
        start = end + 1
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the blank lines a pattern's `\\s` may have taken in."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, overlapping ones joined (what `in_noise` expects)."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def in_noise(noise: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps a noise span (spans sorted, as `find_noise` gives)."""
    i = bisect_right(noise, (end, end)) - 1
    return i >= 0 and noise[i][0] < end and start < noise[i][1]


def is_furniture_line(line: str, path: Path = NOISE_FILE) -> bool:
    """Whether a whole line is page furniture (a `lines` pattern of the noise file)."""
    line_re = _patterns(path)[0]
    return line_re is not None and len(line) <= MAX_LINE and line_re.fullmatch(line.strip()) is not None
