"""One indicator fact, as defined in the extraction contract (shared/spec/facts.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ROLES = ("target", "actual", "baseline")
MEASURES = ("level", "growth", "change")
COMPARATORS = ("=", ">=", ">", "<=", "<", "~")


def number_json(value: Decimal | None) -> int | float | None:
    """Decimal to the shortest JSON number that reads back to the same value."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(str(value.normalize()))


@dataclass
class Fact:
    indicator: str                 # standard name from the catalogue
    role: str                      # target | actual | baseline
    period: str                    # 2024, 2017H1, 2017Q3, 2017M1-9, 2021-2025
    measure: str                   # level | growth | change
    value: Decimal | None          # None for a qualitative statement
    unit: str | None
    comparator: str | None
    start: int                     # evidence span in Document.text
    end: int
    text: str | None = None        # the words of a qualitative statement
    upper: Decimal | None = None   # upper bound of a range
    estimated: bool = False
    stretch: bool = False
    cumulative: bool = False
    attribute: str | None = None   # 预期性 | 约束性
    department: str | None = None
    assessment: str | None = None  # the document's own verdict, e.g. 难以完成
    also: list[Decimal] = field(default_factory=list)  # other values the document states for it
    name_as_written: str | None = None

    @property
    def identity(self) -> tuple[str, str, str, str]:
        return (self.indicator, self.role, self.period, self.measure)

    def to_dict(self, doc: str) -> dict:
        """The spec's JSON Lines record."""
        record = {
            "doc": doc,
            "indicator": self.indicator,
            "role": self.role,
            "period": self.period,
            "measure": self.measure,
            "value": number_json(self.value),
            "unit": self.unit,
            "comparator": self.comparator,
            "text": self.text,
            "estimated": self.estimated,
            "stretch": self.stretch,
            "cumulative": self.cumulative,
            "start": self.start,
            "end": self.end,
        }
        if self.upper is not None:
            record["upper"] = number_json(self.upper)
        for key in ("attribute", "department", "assessment", "name_as_written"):
            if getattr(self, key) is not None:
                record[key] = getattr(self, key)
        if self.also:
            record["also"] = [number_json(v) for v in self.also]
        return record
