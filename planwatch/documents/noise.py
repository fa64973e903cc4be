"""Spans of spam and page furniture, from the patterns in `planwatch/data/noise.yaml`.

All inline patterns are joined into one compiled regex, one pass over the text;
line patterns into two, tried on each short line: those that cannot match without
one of some words (the words read from the pattern itself, `.{0,40}(版权所有|…)`)
only on a line that holds one of the words, a literal search far cheaper than
their backtracking over every line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import takewhile
from pathlib import Path
from re import _constants as sre, _parser  # a pattern's parse: re offers no public API for it
from typing import NamedTuple

import yaml

from ..errors import SettingsError

NOISE_FILE = Path(__file__).resolve().parents[1] / "data" / "noise.yaml"
_EDGE = r"[ \t\r\f\v\u3000\xa0]*"
MAX_LINE = 300


class _LinePatterns(NamedTuple):
    anywhere: re.Pattern[str] | None   # patterns tried on every short line
    keyed: re.Pattern[str] | None      # patterns tried only on a line that holds one of `words`
    words: re.Pattern[str] | None      # the words, each a regex: 邮\s*编 may be written 邮 编

    def fullmatch(self, text: str, start: int, end: int) -> bool:
        """Whether one line pattern matches text[start:end] whole."""
        return bool(self.anywhere and self.anywhere.fullmatch(text, start, end)
                    or self.keyed and self.words.search(text, start, end) and self.keyed.fullmatch(text, start, end))


@lru_cache(maxsize=4)
def _patterns(path: Path = NOISE_FILE) -> tuple[_LinePatterns, re.Pattern[str] | None]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        lines = [_checked(e, path) for e in data.get("lines") or []]
        inline = [_checked(e, path) for e in data.get("inline") or []]
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"{path}: cannot read the noise patterns ({exc})") from None
    needs = {pattern: _required_words(_parser.parse(pattern)) for pattern in lines}
    words = set().union(*(found for found in needs.values() if found))
    line_patterns = _LinePatterns(_line_union([p for p in lines if not needs[p]]), _line_union([p for p in lines if needs[p]]),
                                  re.compile("|".join(sorted(words))) if words else None)
    inline_re = re.compile("|".join(f"(?:{p})" for p in inline)) if inline else None
    return line_patterns, inline_re


def _line_union(patterns: list[str]) -> re.Pattern[str] | None:
    return re.compile(rf"{_EDGE}(?:{'|'.join(f'(?:{p})' for p in patterns)}){_EDGE}") if patterns else None


def _required_words(items) -> set[str] | None:
    """Words (as regexes) one of which every match of the parsed pattern `items` holds, or None
    when none is found: its first run of literal characters, or group or alternation of such runs,
    that a match cannot skip, each run at least two characters long (one character is found in
    most lines, sparing nothing). Spaces a run allows between its characters (邮\\s*编) are kept
    in its word.
    Words in a group that ignores case (?i:…) are not read."""
    items = list(items)
    for at, (op, av) in enumerate(items):
        if op is sre.LITERAL:
            run = list(takewhile(lambda item: item[0] is sre.LITERAL or _is_gap(item), items[at:]))
            while run and run[-1][0] is not sre.LITERAL:
                run.pop()
            letters = [chr(c) for kind, c in run if kind is sre.LITERAL]
            found = {"".join(re.escape(chr(av)) if kind is sre.LITERAL else _gap(av) for kind, av in run)} \
                if len(letters) > 1 else None
        elif op is sre.SUBPATTERN:
            found = None if av[1] & re.I else _required_words(av[3])
        elif op is sre.BRANCH:
            options = [_required_words(branch) for branch in av[1]]
            found = None if None in options else set().union(*options)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] >= 1:
            found = _required_words(av[2])
        else:
            continue
        if found:
            return found
    return None


def _is_gap(item) -> bool:
    """A run that may be empty of characters listed one by one ([ \\t…]*, what \\s* becomes):
    spaces between a word's characters."""
    op, av = item
    return op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[0] == 0 and len(av[2]) == 1 and av[2][0][0] is sre.IN \
        and all(kind is sre.LITERAL for kind, _ in av[2][0][1])


def _gap(repeat) -> str:
    """The regex of a gap (see _is_gap): any number of its characters."""
    return "[" + "".join(re.escape(chr(c)) for _, c in repeat[2][0][1]) + "]*"


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
    line_patterns, inline_re = _patterns(path)
    spans = _noise_lines(text, line_patterns)
    if inline_re:
        spans += [_trimmed(text, m.start(), m.end()) for m in inline_re.finditer(text)]
    return merged([(start, end) for start, end in spans if end > start])


def _noise_lines(text: str, line_patterns: _LinePatterns) -> list[tuple[int, int]]:
    """Whole lines that a line pattern matches. Furniture lines are short, so
    lines over MAX_LINE characters (paragraphs) are not tried: this keeps the
    cost to the short lines whatever the patterns."""
    spans, start, size = [], 0, len(text)
    while start <= size:
        end = text.find("\n", start)
        end = size if end < 0 else end
        if 0 < end - start <= MAX_LINE and line_patterns.fullmatch(text, start, end):
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
    line = line.strip()
    return len(line) <= MAX_LINE and _patterns(path)[0].fullmatch(line, 0, len(line))
