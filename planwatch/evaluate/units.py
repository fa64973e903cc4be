"""Scaling of level units so that 1.4亿美元 compares with 14000万美元, and 5.2万个 (jobs
written as posts) with 5万人."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from ..extract import catalogue
from ..extract.numbers import scaled


def convert(value: Decimal, unit: str | None, to_unit: str | None) -> Decimal | None:
    """`value` in `unit` expressed in `to_unit`, or None when they measure different things."""
    if unit == to_unit or not unit or not to_unit:
        return value   # a missing unit is read as the other's (tables state it once, in the title)
    base, factor = scaled(unit)
    to_base, to_factor = scaled(to_unit)
    if base != to_base and frozenset((base, to_base)) not in _alike():
        return None
    return value * factor / to_factor


@lru_cache(maxsize=1)
def _alike() -> frozenset[frozenset[str]]:
    """Pairs of base units one indicator is written in (its unit and its also_units in
    indicators.yaml: 新增就业 in 万人 and 万个): figures of one indicator that compare."""
    return frozenset(frozenset((scaled(indicator.unit)[0], scaled(also)[0]))
                     for indicator in catalogue.indicators() if indicator.unit for also in indicator.also_units)
