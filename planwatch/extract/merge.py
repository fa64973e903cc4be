"""One fact per identity (indicator, role, period, measure).

The same fact is often stated twice (a bullet and the table that restates it).
The first statement is kept, with its evidence, unless a later one is more
exact: a number beats a qualitative statement, and an exact number (=) beats a
bound (突破1500亿元 vs 1515). A different value stated elsewhere goes to `also`,
so the conflict stays visible. Table-only details (department, attribute,
assessment) are kept from whichever statement has them.
"""

from __future__ import annotations

from dataclasses import replace

from .fact import Fact

_DETAILS = ("attribute", "department", "assessment")


def _rank(fact: Fact) -> int:
    if fact.value is None:
        return 0
    return 2 if fact.comparator == "=" else 1


def _absorb(kept: Fact, other: Fact) -> Fact:
    if _rank(other) > _rank(kept):
        kept, other = other, kept
    also = list(kept.also)
    if other.value is not None and other.value != kept.value and other.value not in also:
        also.append(other.value)
    details = {key: getattr(other, key) for key in _DETAILS
               if getattr(kept, key) is None and getattr(other, key) is not None}
    return replace(kept, also=also, **details)


def merge(facts: list[Fact]) -> list[Fact]:
    """Facts in text order, one per identity."""
    merged: dict[tuple[str, str, str, str], Fact] = {}
    for fact in sorted(facts, key=lambda f: (f.start, f.end)):
        merged[fact.identity] = _absorb(merged[fact.identity], fact) if fact.identity in merged else fact
    return sorted(merged.values(), key=lambda f: (f.start, f.end))
