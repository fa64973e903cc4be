"""What evaluation returns: plain dataclasses with `to_dict()` for the CLI, web and exports.

Inputs are StoredFacts (planwatch.store): a fact with its document's context.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Period, number_json
from ..store import StoredFact

Record = StoredFact


def region_of(record: Record) -> str:
    """The key facts are linked by; a document of no known region is a region of its own,
    so that its targets never meet the results of unrelated documents."""
    return record.region_key or record.region or f"#{record.document_id}"


def region_names(records: list[Record]) -> dict[str, str]:
    """Each region key's fullest name among the records (武汉市洪山区 over 洪山区), for display."""
    names: dict[str, str] = {}
    for record in records:
        key = region_of(record)
        names.setdefault(key, "")
        if len(record.region or "") > len(names[key]):
            names[key] = record.region
    return names


@dataclass(frozen=True)
class Source:
    """Where a fact was stated: the stored fact, its document and the evidence span in its text."""

    fact_id: int
    document_id: int
    doc_name: str
    doc_title: str | None
    doc_type: str | None
    doc_date: str | None
    start: int | None
    end: int | None
    written: str | None = None     # a fact entered by hand (填报): its source as written down

    @classmethod
    def of(cls, record: Record) -> Source:
        return cls(record.id, record.document_id, record.doc_name, record.doc_title, record.doc_type,
                   record.doc_date, record.fact.start, record.fact.end, record.fact.source)

    def to_dict(self) -> dict:
        return {"fact_id": self.fact_id, "document": self.doc_name, "document_id": self.document_id,
                "title": self.doc_title, "doc_type": self.doc_type, "date": self.doc_date,
                "start": self.start, "end": self.end, "written": self.written}


@dataclass(frozen=True)
class Shown:
    """One stated value (a target or a result) as a verdict shows it."""

    period: Period
    measure: str
    value: Decimal | None
    unit: str | None
    comparator: str | None
    text: str | None
    source: Source
    upper: Decimal | None = None
    estimated: bool = False
    stretch: bool = False
    cumulative: bool = False
    also: tuple[Decimal, ...] = ()

    @classmethod
    def of(cls, record: Record) -> Shown:
        f = record.fact
        return cls(f.period, f.measure, f.value, f.unit, f.comparator, f.text, Source.of(record),
                   f.upper, f.estimated, f.stretch, f.cumulative, tuple(f.also))

    def to_dict(self) -> dict:
        record = {"period": self.period, "measure": self.measure, "value": number_json(self.value),
                  "unit": self.unit, "comparator": self.comparator, "text": self.text,
                  "estimated": self.estimated, "stretch": self.stretch, "cumulative": self.cumulative,
                  "source": self.source.to_dict()}
        if self.upper is not None:
            record["upper"] = number_json(self.upper)
        if self.also:
            record["also"] = [number_json(v) for v in self.also]
        return record


@dataclass(frozen=True)
class Achieved:
    """A figure computed from results (an average growth, a sum, a change) and how."""

    value: Decimal
    unit: str | None
    basis: str

    def to_dict(self) -> dict:
        return {"value": number_json(self.value), "unit": self.unit, "basis": self.basis}


@dataclass
class Verdict:
    region: str
    indicator: str
    period: str
    measure: str
    status: str
    label: str
    reason: str
    target: Shown
    stretch_target: Shown | None = None
    results: list[Shown] = field(default_factory=list)     # every version, the one judged first
    achieved: Achieved | None = None
    assessment: str | None = None        # the document's own verdict (表1's 难以完成)
    assessment_agrees: bool | None = None
    revisions: list[str] = field(default_factory=list)    # how later documents changed a result
    region_key: str = ""                 # what region filters compare (洪山区 for 武汉市洪山区)

    def to_dict(self) -> dict:
        return {
            "region": self.region, "region_key": self.region_key, "indicator": self.indicator, "period": self.period,
            "measure": self.measure, "status": self.status, "label": self.label, "reason": self.reason,
            "target": self.target.to_dict(),
            "stretch_target": self.stretch_target.to_dict() if self.stretch_target else None,
            "results": [r.to_dict() for r in self.results],
            "achieved": self.achieved.to_dict() if self.achieved else None,
            "assessment": self.assessment, "assessment_agrees": self.assessment_agrees,
            "revisions": self.revisions,
        }


@dataclass(frozen=True)
class Evidence:
    """One side of a finding: a value and where it was stated."""

    value: Decimal | None
    unit: str | None
    period: Period
    role: str
    source: Source

    def to_dict(self) -> dict:
        return {"value": number_json(self.value), "unit": self.unit, "period": self.period,
                "role": self.role, "source": self.source.to_dict()}


@dataclass
class Finding:
    kind: str          # two_values | cumulative_mismatch | plan_growth_mismatch | growth_vs_levels | restated
    label: str
    region: str
    indicator: str
    period: str
    message: str
    evidence: list[Evidence]

    def to_dict(self) -> dict:
        return {"kind": self.kind, "label": self.label, "region": self.region, "indicator": self.indicator,
                "period": self.period, "message": self.message,
                "evidence": [e.to_dict() for e in self.evidence]}
