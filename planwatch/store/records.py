"""What the store hands out: plain frozen records, never ORM objects, so
readers (evaluate, web, export) never hold a database session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..model import Commitment, Fact


@dataclass(frozen=True)
class StoredDocument:
    id: int
    name: str                      # file name: what identifies a document across versions
    title: str | None
    region: str | None             # as named in the document
    region_key: str | None         # normalised region name, what `region=` filters compare
    doc_type: str
    report_years: tuple[int, ...]
    target_years: tuple[int, ...]
    plan_span: str | None
    date: str | None
    meeting: str | None
    sha256: str
    encoding: str
    format: str
    version: int                   # 1 for the first content seen under this name
    superseded: bool               # a later version with the same name exists
    ingested_at: datetime
    fact_count: int
    text: str | None = None        # only from Store.document(doc_id)


@dataclass(frozen=True)
class StoredFact:
    id: int
    fact: Fact
    document_id: int
    doc_name: str
    doc_title: str | None
    region: str | None
    region_key: str | None
    doc_type: str
    doc_date: str | None
    doc_version: int
    extractor_version: str

    def to_dict(self) -> dict:
        """The spec's JSON Lines record, with the document's region and type."""
        record = self.fact.to_dict(self.doc_name)
        record.update(region=self.region, doc_type=self.doc_type, document_id=self.document_id)
        return record


@dataclass(frozen=True)
class StoredIndicator:
    """One entry of the indicator catalogue (planwatch/data/indicators.yaml)."""

    name: str
    category: str | None
    unit: str | None


@dataclass(frozen=True)
class IngestStep:
    """Reported to `on_progress` after each file: outcome is added | version | unchanged | refreshed | failed."""

    path: str
    outcome: str
    done: int
    total: int
    reason: str | None = None
    facts: int = 0


@dataclass
class IngestReport:
    documents: int = 0             # documents seen for the first time
    versions: int = 0              # new versions of documents already stored
    unchanged: int = 0             # content already stored: nothing added
    facts: int = 0                 # facts stored by this run
    failures: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    refreshed: int = 0             # content already stored, read and extracted again (reextract)
    warnings: list[str] = field(default_factory=list)  # steps after the batch that failed (statistics, search index)

    @property
    def ok(self) -> bool:
        return not self.failures


@dataclass(frozen=True)
class StoredCommitment:
    """A stored commitment with its document's context (as StoredFact for a fact)."""

    id: int
    commitment: Commitment
    document_id: int
    doc: str                        # the document's file name
    doc_title: str | None
    region: str | None
    region_key: str | None
    doc_type: str
    doc_date: str | None
    extractor_version: str

    def to_dict(self) -> dict:
        """The contract's JSON Lines record, with its id and the document's region and type."""
        return self.commitment.to_dict(self.doc) | {"id": self.id, "region": self.region, "doc_type": self.doc_type,
                                            "document_id": self.document_id}
