"""Periods in Chinese words, for verdict reasons and report tables."""

from __future__ import annotations

from ..extract.grammar import grammar
from ..model import Period


# A plan's name by its span, from the lexicon's table of five-year plans.
_PLANS = {years: name for name, years in grammar().five_year_plans.items()}


def span_label(first: int, last: int) -> str:
    return f"{first}—{last}年"


def period_label(period: str) -> str:
    """A period as a Chinese reader writes it: 2023年, 2017年上半年, 2023年前三季度, “十四五”(2021—2025年)."""
    parsed = Period.parse(period)
    if parsed is None:
        return period
    if parsed.is_part:
        return part_label(period)
    if parsed.is_span:
        plan = _PLANS.get((parsed.first, parsed.last))
        return f"“{plan}”({span_label(parsed.first, parsed.last)})" if plan else span_label(parsed.first, parsed.last)
    return f"{parsed.first}年"


def chronological(period: str) -> tuple:
    """A sort key: by first year, then the part of it covered (上半年 before the whole year)."""
    parsed = Period.parse(period)
    return (parsed.first, parsed.last, parsed.months[1]) if parsed else (9999, 9999, 12)


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
