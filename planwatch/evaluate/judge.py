"""The comparator-aware core: does a result satisfy a target's bound?

A target is a Goal: a signed value, its comparator, an optional upper bound
(a range), and a direction (whether more is better). A result is a value with
its own comparator: `>=` 350 only says "at least 350", so it may leave the
outcome undecided.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .vocabulary import lower_is_better

UP, DOWN = 1, -1


@dataclass(frozen=True)
class Goal:
    value: Decimal
    comparator: str
    upper: Decimal | None = None
    direction: int = UP

    @classmethod
    def of(cls, indicator: str, measure: str, value: Decimal, comparator: str | None,
           upper: Decimal | None = None) -> Goal:
        comparator = comparator or "="
        if comparator in (">=", ">"):
            direction = UP
        elif comparator in ("<=", "<"):
            direction = DOWN
        elif measure == "growth" and value < 0:
            direction = DOWN            # a reduction target: 降低3.8%
        else:
            direction = DOWN if lower_is_better(indicator) else UP
        return cls(value, comparator, upper, direction)


def judge(goal: Goal, value: Decimal, comparator: str | None, tolerance: Decimal) -> str:
    """exceeded | met | nearly_met | missed | unknown for one result against one goal."""
    margin = goal.direction * (value - goal.value)   # > 0: on the good side
    bound = _result_bound(goal, comparator)
    if bound == "good" and margin < 0:
        return "unknown"                # "at least X" with X short of the goal says nothing
    if bound == "bad" and margin > 0:
        return "unknown"
    return _by_margin(goal, value, margin, approximate=comparator == "~", tolerance=tolerance)


def _result_bound(goal: Goal, comparator: str | None) -> str:
    """Whether a one-sided result bounds the outcome from the good or the bad side."""
    if comparator in (">=", ">"):
        return "good" if goal.direction == UP else "bad"
    if comparator in ("<=", "<"):
        return "good" if goal.direction == DOWN else "bad"
    return "exact"


def _by_margin(goal: Goal, value: Decimal, margin: Decimal, approximate: bool, tolerance: Decimal) -> str:
    if goal.upper is not None and margin >= 0:
        return "exceeded" if value > goal.upper else "met"     # within a range is met
    if goal.comparator == "~":
        if margin > tolerance:
            return "exceeded" if goal.direction == UP else "met"
        if margin >= 0:
            return "met"
        return "nearly_met" if -margin <= tolerance else "missed"
    if goal.comparator in (">", "<"):
        if margin > 0:
            return "met"
        if margin == 0:
            return "nearly_met"         # equal to a bound it was to pass
    elif margin > 0:
        return "exceeded" if goal.direction == UP and goal.comparator != "<=" else "met"
    elif margin == 0:
        return "met"
    return "nearly_met" if approximate and -margin <= tolerance else "missed"


PROGRESS = {"exceeded": "on_track", "met": "on_track", "nearly_met": "on_track",
            "missed": "behind", "unknown": "unknown", "on_track": "on_track", "behind": "behind"}

GOOD = frozenset({"exceeded", "met", "nearly_met", "on_track"})
BAD = frozenset({"missed", "behind"})
