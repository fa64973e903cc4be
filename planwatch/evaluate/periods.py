"""Periods in Chinese words, for verdict reasons and report tables."""

from __future__ import annotations

from ..model import Period


def span_label(first: int, last: int) -> str:
    return f"{first}—{last}年"


def part_label(period: str) -> str:
    """上半年, 前三季度, 1—9月 ... for a part of a year, in Chinese."""
    parsed = Period.parse(period)
    if parsed is None or not parsed.is_part:
        return period
    low, high = parsed.months
    if (low, high) == (1, 6):
        return f"{parsed.first}年上半年"
    if low == 1 and high % 3 == 0:
        return f"{parsed.first}年前{'一二三四'[high // 3 - 1]}季度"
    return f"{parsed.first}年{low}—{high}月"
