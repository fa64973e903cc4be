"""One indicator fact, as defined in the extraction contract (shared/spec/facts.md).

The fields are declared here once; the store's columns, its row conversion, the
web's queries and every JSON record are derived from them (`FIELDS`)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Literal, get_args

from .period import Period

Role = Literal["target", "actual", "baseline"]
Measure = Literal["level", "growth", "change"]
Comparator = Literal["=", ">=", ">", "<=", "<", "~"]
ROLES: tuple[str, ...] = get_args(Role)
MEASURES: tuple[str, ...] = get_args(Measure)
COMPARATORS: tuple[str, ...] = get_args(Comparator)


def number_json(value: Decimal | None) -> int | float | None:
    """Decimal to the shortest JSON number that reads back to the same value."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(str(value.normalize()))


@dataclass(frozen=True)
class Basis:
    """Why a fact has its role or its period: the rule that decided, and the span of the
    words that decided it (offsets into the document's text; None for a document-wide guess
    with no words of its own, such as the date it was ingested)."""

    rule: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict:
        return {"rule": self.rule, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict | None) -> Basis | None:
        return cls(data["rule"], data.get("start"), data.get("end")) if data else None


@dataclass
class Fact:
    indicator: str                 # standard name from the catalogue
    role: Role
    period: Period                 # a str given here is read as a Period once
    measure: Measure
    value: Decimal | None          # None for a qualitative statement
    unit: str | None
    comparator: Comparator | None
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
    role_basis: Basis | None = None
    period_basis: Basis | None = None
    confidence: float | None = None  # 0..1, from how directly the evidence decided role and period
    source: str | None = None      # of a fact entered by hand (填报): who published it, where, when

    def __post_init__(self) -> None:
        self.period = Period(self.period)

    @property
    def identity(self) -> tuple[str, str, str, str]:
        return (self.indicator, self.role, self.period, self.measure)

    def to_dict(self, doc: str) -> dict:
        """The spec's JSON Lines record; optional fields only where they are set."""
        record = {"doc": doc}
        for name in FIELDS:
            value = getattr(self, name)
            if name in OPTIONAL and (value is None or value == []):
                continue
            record[name] = json_value(value)
        return record


def json_value(value):
    """A field's value as JSON: exact numbers, a Basis as an object, a Period as its text."""
    if isinstance(value, Decimal):
        return number_json(value)
    if isinstance(value, list):
        return [json_value(v) for v in value]
    if isinstance(value, Basis):
        return value.to_dict()
    if isinstance(value, Period):
        return str(value)
    return value


FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Fact))
# Always in a record, null or not: the contract's fields. The rest appear only when set.
OPTIONAL = frozenset(("upper", "attribute", "department", "assessment", "also", "name_as_written",
                      "role_basis", "period_basis", "confidence", "source"))
