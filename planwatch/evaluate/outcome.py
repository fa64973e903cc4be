"""What one rule concludes about one target, before it becomes a Verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from .link import Index
from .model import Achieved, Record


@dataclass
class Outcome:
    status: str
    reason: str
    results: list[Record] = field(default_factory=list)
    achieved: Achieved | None = None


@dataclass(frozen=True)
class Context:
    """What every rule needs besides the target: the other facts and the tolerance."""

    index: Index
    region: str
    indicator: str
    tolerance: Decimal


def unknown(reason: str, results: list[Record] | None = None) -> Outcome:
    return Outcome("unknown", reason, results or [])
