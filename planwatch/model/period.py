"""A fact's period, parsed once: 2024, 2017H1, 2017Q3, 2017M1-9, 2021-2025."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from ..errors import QueryError

_FORMS = (
    (re.compile(r"(\d{4})"), lambda m: (int(m[1]), int(m[1]), (1, 12))),
    (re.compile(r"(\d{4})-(\d{4})"), lambda m: (int(m[1]), int(m[2]), (1, 12)) if m[2] > m[1] else None),
    (re.compile(r"(\d{4})H([12])"), lambda m: (int(m[1]), int(m[1]), (6 * int(m[2]) - 5, 6 * int(m[2])))),
    (re.compile(r"(\d{4})Q([1-4])"), lambda m: (int(m[1]), int(m[1]), (3 * int(m[2]) - 2, 3 * int(m[2])))),
    (re.compile(r"(\d{4})M(\d{1,2})-(\d{1,2})"), lambda m: (int(m[1]), int(m[1]), (int(m[2]), int(m[3])))),
)


class Period(str):
    """The period's canonical text (so it sorts, compares, hashes and serialises as the
    contract's string) with its years and months read once, for everything downstream.

    `Period("2017H1").months == (1, 6)`; an unknown form raises ValueError
    (`Period.parse` returns None instead, for what a user types)."""

    first: int                  # first year covered
    last: int                   # last year covered
    months: tuple[int, int]     # months of the year, (1, 12) unless a part of one year

    def __new__(cls, text: str) -> Period:
        return text if isinstance(text, Period) else _parsed(text)

    @classmethod
    def asked(cls, text: str) -> Period:
        """A period a person typed (an option, a URL): QueryError, saying how to write one."""
        try:
            return cls(text.strip())
        except ValueError as exc:
            raise QueryError(str(exc), f"“{text}”不是时期：请写年份（2023）、半年（2023H1）、季度（2023Q3）、"
                                       "月份（2023M1-9）或年份区间（2021-2025）") from None

    @classmethod
    def parse(cls, text: str | None) -> Period | None:
        try:
            return cls(text.strip()) if text else None
        except ValueError:
            return None

    @property
    def is_year(self) -> bool:
        return self.first == self.last and self.months == (1, 12)

    @property
    def is_span(self) -> bool:
        return self.last > self.first

    @property
    def is_part(self) -> bool:
        return self.months != (1, 12)

    @property
    def years(self) -> int:
        return self.last - self.first + 1

    @property
    def share(self) -> Decimal:
        """The share of its year a part covers (上半年 1/2, 前三季度 3/4, 三季度 alone 1/4):
        what a level should have reached by then, pro rata (时间过半、任务过半)."""
        low, high = self.months
        return Decimal(high - low + 1) / Decimal(12)


@lru_cache(maxsize=4096)
def _parsed(text: str) -> Period:
    """Each period's text read once: a document names the same few periods in every fact."""
    for pattern, parts in _FORMS:
        if (m := pattern.fullmatch(text)) and (found := parts(m)):
            first, last, months = found
            if 1 <= months[0] <= months[1] <= 12:
                self = str.__new__(Period, text)
                self.first, self.last, self.months = first, last, months
                return self
    raise ValueError(f"{text!r} is not a period: write a year (2023), a half (2023H1), a quarter (2023Q3), "
                     "months (2023M1-9) or a span of years (2021-2025)")
