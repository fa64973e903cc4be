"""One fact per identity (indicator, role, period, measure).

The same fact is often stated twice (a bullet and the table that restates it).
The first statement is kept, with its evidence, unless a later one says more:
a number beats a qualitative statement; an exact number (=) beats a bound of
another value that it meets (突破1500亿元 vs 1515; not 1470万亩以上 vs a part's 650); a bound beats the same number stated bare
(a table's 300 vs the text's 300亿元以上). A different value goes to `also`,
so the conflict stays visible. Table-only details (department, attribute,
assessment) are kept from whichever statement has them.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Fact
from .numbers import scaled

_DETAILS = ("attribute", "department", "assessment")


def _better(kept: Fact, other: Fact) -> bool:
    """Whether a later statement should replace the kept one."""
    if (kept.value is None) != (other.value is None):
        return kept.value is None
    if kept.value is None:
        return False
    if kept.value != other.value:
        return kept.comparator != "=" and other.comparator == "=" and _meets(other, kept)
    return kept.comparator == "=" and other.comparator not in (None, "=")


def _amount(fact: Fact) -> tuple:
    """Its value in the unit without a scale prefix: (2.3, 亿美元) -> (230000000, 美元)."""
    unit, factor = scaled(fact.unit or "")
    return fact.value * factor, unit


def _meets(exact: Fact, bound: Fact) -> bool:
    """Whether an exact value is one the bound allows (左右: within a tenth); values in
    units of different kinds are not compared."""
    (value, unit), (limit, limit_unit) = _amount(exact), _amount(bound)
    comparator = bound.comparator
    if unit != limit_unit:
        return True
    if comparator == "~":
        return abs(value - limit) <= abs(limit) / 10
    return {">": value > limit, ">=": value >= limit, "<": value < limit, "<=": value <= limit}.get(comparator, True)


def _absorb(kept: Fact, other: Fact) -> Fact:
    if _better(kept, other):
        kept, other = other, kept
    also = list(kept.also)
    if other.value is not None and other.value != kept.value and other.value not in also:
        also.append(other.value)
    details = {key: getattr(other, key) for key in _DETAILS
               if getattr(kept, key) is None and getattr(other, key) is not None}
    if not details and also == kept.also:
        return kept   # a restatement that adds nothing (most do): no copy
    return replace(kept, also=also, **details)


def merge(facts: list[Fact]) -> list[Fact]:
    """Facts in text order, one per identity."""
    merged: dict[tuple[str, str, str, str], Fact] = {}
    for fact in sorted(facts, key=lambda f: (f.start, f.end)):
        merged[fact.identity] = _absorb(merged[fact.identity], fact) if fact.identity in merged else fact
    return sorted(merged.values(), key=lambda f: (f.start, f.end))
