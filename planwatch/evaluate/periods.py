"""Periods as facts name them: 2024, 2017H1, 2017Q3, 2017M1-9, 2021-2025."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

_YEAR = re.compile(r"^(\d{4})$")
_SPAN = re.compile(r"^(\d{4})-(\d{4})$")
_HALF = re.compile(r"^(\d{4})H([12])$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")
_MONTHS = re.compile(r"^(\d{4})M(\d{1,2})-(\d{1,2})$")


@dataclass(frozen=True)
class Period:
    first: int                 # first year covered
    last: int                  # last year covered
    months: tuple[int, int] = (1, 12)   # months of the year for a part of one year

    @property
    def is_year(self) -> bool:
        return self.first == self.last and self.months == (1, 12)

    @property
    def is_span(self) -> bool:
        return self.last > self.first

    @property
    def is_part(self) -> bool:
        return self.first == self.last and self.months != (1, 12)

    @property
    def years(self) -> int:
        return self.last - self.first + 1

    @property
    def share(self) -> Decimal:
        """The share of its year a part covers (上半年 1/2, 前三季度 3/4, 三季度 alone 1/4):
        what a level should have reached by then, pro rata (时间过半、任务过半)."""
        low, high = self.months
        return Decimal(high - low + 1) / Decimal(12)


@cache
def parse(period: str) -> Period | None:
    """A Period, or None for a form evaluation does not know."""
    if m := _YEAR.match(period):
        return Period(int(m[1]), int(m[1]))
    if m := _SPAN.match(period):
        first, last = int(m[1]), int(m[2])
        return Period(first, last) if last > first else None
    if m := _HALF.match(period):
        half = int(m[2])
        return Period(int(m[1]), int(m[1]), (6 * half - 5, 6 * half))
    if m := _QUARTER.match(period):
        quarter = int(m[2])
        return Period(int(m[1]), int(m[1]), (3 * quarter - 2, 3 * quarter))
    if m := _MONTHS.match(period):
        low, high = int(m[2]), int(m[3])
        return Period(int(m[1]), int(m[1]), (low, high)) if 1 <= low <= high <= 12 else None
    return None


def span_label(first: int, last: int) -> str:
    return f"{first}—{last}年"


def part_label(period: str) -> str:
    """上半年, 前三季度, 1—9月 ... for a part of a year, in Chinese."""
    parsed = parse(period)
    if parsed is None or not parsed.is_part:
        return period
    low, high = parsed.months
    if (low, high) == (1, 6):
        return f"{parsed.first}年上半年"
    if low == 1 and high % 3 == 0:
        return f"{parsed.first}年前{'一二三四'[high // 3 - 1]}季度"
    return f"{parsed.first}年{low}—{high}月"
