"""Chinese administrative region names: find them, split them, match them.

A region name is a chain of components, each a name plus a level suffix:
湖北省 + 武汉市 + 洪山区. Documents name the same region more or less fully
(洪山区, 武汉市洪山区, 湖北省武汉市洪山区), so regions are matched by their
most specific component (`region_key`). Two districts of one name in different
cities (鼓楼区) then share a key; callers that must tell them apart compare
the full names where both are known. Short names that documents write instead
of the full one (恩施州 for 恩施土家族苗族自治州) come from `planwatch/data/regions.yaml`
and share the full name's key.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..errors import SettingsError

REGIONS_FILE = Path(__file__).resolve().parents[1] / "data" / "regions.yaml"

# Longer suffixes first, so that 自治区 wins over 区 and 新区 over 区.
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "林区",
             "省", "市", "盟", "州", "区", "县", "旗")
_LEVELS = {
    "特别行政区": "province", "自治区": "province", "省": "province",
    "市": "city", "自治州": "city", "州": "city", "地区": "city", "盟": "city",
    "自治县": "county", "县": "county", "自治旗": "county", "旗": "county",
    "区": "district", "新区": "district", "林区": "district",
}
# Cities directly under the central government rank as provinces.
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
SUFFIX_RE = "|".join(_SUFFIXES)


def _short_names(path: Path = REGIONS_FILE) -> dict[str, str]:
    try:
        names = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("short_names") or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SettingsError(f"{path}: cannot read the region names ({exc})") from None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        raise SettingsError(f"{path}: every short name needs a full name (short: full)")
    return names


SHORT_NAMES = _short_names()
NATIONAL = "全国"


def _national_words(path: Path = REGIONS_FILE) -> tuple[str, ...]:
    words = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("national_words") or []
    if not all(isinstance(word, str) and word for word in words):
        raise SettingsError(f"{path}: national_words must be a list of words")
    return tuple(words)


NATIONAL_WORDS = re.compile("|".join(map(re.escape, _national_words())) or "(?!)")
# A short name is a whole component only where no level suffix follows it:
# 巴州 (巴音郭楞) is not the start of 巴州区.
_SHORT = "|".join(sorted(map(re.escape, SHORT_NAMES), key=len, reverse=True))
# (the first characters checked first: most places in a text start no short name)
_SHORT_RE = rf"(?=[{''.join(sorted({n[0] for n in SHORT_NAMES}))}])(?:{_SHORT})(?![市区县旗])"

_NAME_CHAR = r"[\u4e00-\u9fff]"
# One component: a listed short name, or a name of 2+ characters (lazy, so the
# first suffix ends it). Bare 州 is not a component suffix (广州市 is one
# component), only 自治州 is.
_LEVEL_SUFFIX = rf"(?:{SUFFIX_RE.replace('|州|', '|')})"
_COMPONENT = re.compile(rf"{_SHORT_RE}|{_NAME_CHAR}{{2,}}?{_LEVEL_SUFFIX}")
REGION_PATTERN = rf"(?:{_SHORT_RE}|{_NAME_CHAR}{{2,12}}?{_LEVEL_SUFFIX}){{1,4}}"
# As few components as the context allows: "某某市发展和改革委员会关于某某市2024年…" names 某某市.
REGION_PATTERN_SHORTEST = REGION_PATTERN + "?"

# A government named after its region: 武汉市洪山区人民政府 is the region 洪山区.
_GOVERNMENT = re.compile(r"(?:人民政府|政府|人民代表大会|人大常委会)$")
# Words that precede a region name in titles and must not become part of it.
_LEADING_WORDS = re.compile(r"^(?:关于|在)+")
# A level written twice by mistake (中卫市市政府工作报告) is written once.
_DOUBLED_LEVEL = re.compile(r"([市县区州旗])\1$")


def split_region(region: str) -> list[str]:
    """Components from the widest to the most specific; a short last one
    (萧县, 易县: one-character names) is kept whole."""
    region = re.sub(r"\s+", "", region)
    parts, pos = [], 0
    for match in _COMPONENT.finditer(region):
        if match.start() != pos:
            break
        parts.append(match.group())
        pos = match.end()
    if pos < len(region):
        parts.append(region[pos:])
    return [p for p in parts if p]


def region_key(region: str | None) -> str | None:
    """One key per region however fully it is named:
    湖北省武汉市洪山区, 武汉市洪山区 and 洪山区 all give 洪山区; no region, no key."""
    parts = split_region(_GOVERNMENT.sub("", region.strip())) if region else []
    return SHORT_NAMES.get(parts[-1], parts[-1]) if parts else None


def region_level(region: str) -> str | None:
    """national | province | city | county | district, from the most specific component."""
    if region == NATIONAL:
        return "national"
    parts = split_region(region)
    if not parts:
        return None
    last = parts[-1]
    if len(parts) == 1 and last in _MUNICIPALITIES:
        return "province"
    for suffix in _SUFFIXES:
        if last.endswith(suffix):
            return _LEVELS[suffix]
    return None


def clean_region(candidate: str) -> str | None:
    """A matched candidate without leading function words, or None if nothing
    that looks like a region remains."""
    candidate = _DOUBLED_LEVEL.sub(r"\1", _LEADING_WORDS.sub("", re.sub(r"\s+", "", candidate)))
    if len(candidate) < 2 or not split_region(candidate):
        return None
    return candidate
