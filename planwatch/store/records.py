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
    extractor_version: str | None = None   # of its facts (None: stored before versions were kept)
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
    review: str = "unreviewed"     # unreviewed | confirmed | corrected | added (rejected facts are gone)
    decision_id: int | None = None   # the decision it shows: what a next decision passes as `expected`

    def to_dict(self) -> dict:
        """The spec's JSON Lines record, with the document's region and type, its id and review state."""
        record = self.fact.to_dict(self.doc_name)
        record.update(region=self.region, doc_type=self.doc_type, document_id=self.document_id, id=self.id,
                      review=self.review, decision_id=self.decision_id)
        return record


@dataclass(frozen=True)
class Decision:
    """A person's decision on a fact or a commitment (store/review.py; `subject` says which),
    keyed by the extracted record it was made on: content (sha256), evidence span, and for a
    fact its indicator, role and period, for a commitment its role, period, stage and object.
    `before` and `after` are the record's fields as JSON (after is None for a rejection, before for an added fact);
    `conflict`, when set, is what a later extraction says instead: {"kind": missing | changed
    | new, "extracted": the fact it now gives or None, "extractor_version", "found_at"}; or
    {"kind": "moved", "document_id": the new version} when a new version of the document no
    longer has the evidence words in one place."""

    id: int
    sha256: str
    document_id: int | None
    start: int
    end: int
    role: str
    period: str
    action: str                    # confirmed | corrected | rejected | added | reopened
    extracted: dict | None
    before: dict | None
    after: dict | None
    conflict: dict | None
    actor: str
    decided_at: datetime
    current: bool
    subject: str = "fact"          # fact | commitment
    indicator: str | None = None   # a fact's
    stage: str | None = None       # a commitment's
    object: str | None = None      # a commitment's

    def to_dict(self) -> dict:
        """Every field; a fact's decision without the commitment's identity fields and vice versa."""
        unused = ("stage", "object") if self.subject == "fact" else ("indicator",)
        record = {name: getattr(self, name) for name in self.__dataclass_fields__ if name not in unused}
        record["decided_at"] = self.decided_at.isoformat()
        return record


@dataclass(frozen=True)
class ReviewProgress:
    """How far review has come for one region or document: reviewed facts of all, and reviewed
    commitments of all (the rejected, no longer stored, count as reviewed)."""

    scope: str                     # region | document
    key: str                       # the region's key or the document's id
    name: str | None
    reviewed: int                  # facts
    total: int
    commitments_reviewed: int = 0
    commitments_total: int = 0
    region: str | None = None      # a document's region key

    def to_dict(self) -> dict:
        record = {"scope": self.scope, "key": self.key, "name": self.name, "reviewed": self.reviewed,
                  "total": self.total, "commitments_reviewed": self.commitments_reviewed,
                  "commitments_total": self.commitments_total}
        return record | ({"region": self.region} if self.region is not None else {})


@dataclass(frozen=True)
class ReviewQueue:
    """Unreviewed facts, weakest first, unreviewed commitments, and the progress of the regions and
    documents asked about (of facts)."""

    facts: list[StoredFact]
    decisive: frozenset[int]       # ids of the queued facts a verdict reads (its target or judged result)
    progress: list[ReviewProgress]
    commitments: list[StoredCommitment] = field(default_factory=list)   # unreviewed, promises first

    def to_dict(self) -> dict:
        return {"facts": [f.to_dict() | {"confidence": f.fact.confidence, "decisive": f.id in self.decisive}
                          for f in self.facts],
                "progress": [p.to_dict() for p in self.progress],
                "commitments": [c.to_dict() for c in self.commitments]}


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
    review: str = "unreviewed"     # unreviewed | confirmed | corrected | added (rejected ones are gone)
    decision_id: int | None = None   # the decision it shows: what a next decision passes as `expected`

    @property
    def doc_name(self) -> str:
        """The file name, by StoredFact's name for it (wording.cited reads either)."""
        return self.doc

    def to_dict(self) -> dict:
        """The contract's JSON Lines record, with its id, the document's region and type, its review state."""
        return self.commitment.to_dict(self.doc) | {"id": self.id, "region": self.region, "doc_type": self.doc_type,
                                                    "document_id": self.document_id, "review": self.review,
                                                    "decision_id": self.decision_id}
