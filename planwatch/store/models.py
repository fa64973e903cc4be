"""The tables: documents (every version kept), their facts (a column per field of
planwatch.model.Fact) and commitments (a column per field of planwatch.model.Commitment),
people's review decisions on facts and commitments, the indicator catalogue; accounts, API tokens and the audit log.

Values are exact decimals everywhere: NUMERIC in PostgreSQL; in SQLite, whose
NUMERIC affinity would turn them into 8-byte floats, the decimal's text.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from types import UnionType
from typing import Literal, Union, get_args, get_origin, get_type_hints

from sqlalchemy import (JSON, BigInteger, Boolean, Column, DateTime, Float, ForeignKey, Index, Integer, LargeBinary,
                        Numeric, String, Table, Text, TypeDecorator, UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from ..model import COMMITMENT_FIELDS, FIELDS, Basis, Commitment, Fact, Period


class ExactDecimal(TypeDecorator):
    """Decimal in, the same Decimal out, on every dialect."""

    impl = Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(64))
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value, dialect):
        if value is None or dialect.name != "sqlite":
            return value
        return str(Decimal(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)


def exact_decimal_column_type():
    """The column type as the migrations create it."""
    return Numeric().with_variant(String(64), "sqlite")


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (
        Index("ix_documents_name_region", "name", "region_key"),
        Index("ix_documents_sha256", "sha256"),
        Index("ix_documents_region_key", "region_key"),
        Index("ix_documents_current", "superseded", "name"),
        Index("ix_documents_region_current", "region_key", "superseded", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    superseded: Mapped[bool] = mapped_column(Boolean, default=False)
    sha256: Mapped[str] = mapped_column(String(64))
    encoding: Mapped[str] = mapped_column(String(40))
    format: Mapped[str] = mapped_column(String(16))
    title: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    region_key: Mapped[str | None] = mapped_column(Text)
    region_level: Mapped[str | None] = mapped_column(String(16))
    doc_type: Mapped[str] = mapped_column(String(32))
    report_years: Mapped[list] = mapped_column(JSON)
    target_years: Mapped[list] = mapped_column(JSON)
    plan_span: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(Text)
    meeting: Mapped[str | None] = mapped_column(Text)
    # Deferred: loaded only when asked for, never by listings or fact queries.
    text: Mapped[str] = mapped_column(Text, deferred=True)
    original: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    fact_count: Mapped[int] = mapped_column(Integer)
    extractor_version: Mapped[str | None] = mapped_column(String(40))   # of its facts; None: not known
    # Review progress, kept by store/review.py: facts confirmed, corrected or added, and facts rejected.
    reviewed_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    rejected_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    facts: Mapped[list[FactRow]] = relationship(back_populates="document", order_by="FactRow.id")


class SourceRow(Base):
    """Where a document was read from (a path as given, made absolute): what its versions
    follow. One content read from two paths is one document with two sources."""

    __tablename__ = "document_sources"
    __table_args__ = (UniqueConstraint("document_id", "source", name="uq_document_sources_document_source"),
                      Index("ix_document_sources_source", "source"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(Text)


# How a field is stored, by its type: the facts and commitments tables are derived from the models' fields.
_COLUMN_TYPES = {Decimal: ExactDecimal, bool: Boolean, int: Integer, float: Float, str: Text, Period: Text,
                 list: JSON, tuple: JSON, Basis: JSON}
_COLUMN_NAMES = {"start": "evidence_start", "end": "evidence_end"}   # "end" is an SQL keyword


def _fact_column(name: str, hint) -> Column:
    nullable = get_origin(hint) in (Union, UnionType)
    kind = next(k for k in get_args(hint) if k is not type(None)) if nullable else hint
    kind = get_origin(kind) or kind
    column_type = String(16) if kind is Literal else _COLUMN_TYPES[kind]   # a code: role, measure, comparator
    return Column(_COLUMN_NAMES.get(name, name), column_type, key=name, nullable=nullable)


_HINTS = get_type_hints(Fact)
FACT_FIELD_COLUMNS = tuple(_fact_column(name, _HINTS[name]) for name in FIELDS)


def _record_table(name: str, fields: tuple[Column, ...], *indexes: Index) -> Table:
    """A table of extracted records (facts, commitments): their document, a column per field,
    the extractor that gave them, and their reviewed state (review.py): unreviewed | confirmed
    | corrected | added, and the decision behind it."""
    return Table(
        name, Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        *fields,
        Column("extractor_version", String(40), nullable=False),
        Column("review", String(16), nullable=False, server_default="unreviewed"),
        Column("decision_id", Integer),
        Index(f"ix_{name}_document", "document_id"),
        *indexes,
    )


class FactRow(Base):
    __table__ = _record_table(
        "facts", FACT_FIELD_COLUMNS,
        Index("ix_facts_review", "review", "confidence"),
        Index("ix_facts_identity", "indicator", "period", "role"),
        Index("ix_facts_indicator_measure", "indicator", "measure", "document_id"),
    )

    document: Mapped[DocumentRow] = relationship(back_populates="facts")


_COMMITMENT_HINTS = get_type_hints(Commitment)
COMMITMENT_FIELD_COLUMNS = tuple(_fact_column(name, _COMMITMENT_HINTS[name]) for name in COMMITMENT_FIELDS)


class CommitmentRow(Base):
    __table__ = _record_table("commitments", COMMITMENT_FIELD_COLUMNS,
                              Index("ix_commitments_identity", "period", "stage", "role"))


class _Decision:
    """A person's decision, appended, never edited: the latest for its key is `current`.

    The key is the record as extracted from one content (document sha256, evidence span and
    the record's identity), not a row id, so that a decision survives every re-extraction
    (ids change) and applies again to whatever document version holds those bytes."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64))
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16))
    period: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(16))   # confirmed | corrected | rejected | added | reopened
    extracted: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))   # the extraction at the key when decided
    before: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))      # the record as it stood
    after: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))       # the record as decided (None: rejected)
    conflict: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))    # a later extraction that disagrees, unsettled
    actor: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    current: Mapped[bool] = mapped_column(Boolean)
    document_id: Mapped[int | None] = mapped_column(Integer)   # where it was decided (informative)


class ReviewRow(_Decision, Base):
    """A decision on a fact, keyed by indicator, role and period besides content and span."""

    __tablename__ = "fact_reviews"
    __table_args__ = (Index("ix_fact_reviews_content", "sha256", "current"),)

    indicator: Mapped[str] = mapped_column(Text)


class CommitmentReviewRow(_Decision, Base):
    """A decision on a commitment, keyed by role, period, stage and object besides content and span."""

    __tablename__ = "commitment_reviews"
    __table_args__ = (Index("ix_commitment_reviews_content", "sha256", "current"),)

    stage: Mapped[str] = mapped_column(String(16))
    object: Mapped[str] = mapped_column(Text)


class IndicatorRow(Base):
    __tablename__ = "indicators"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    category: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)


class UserRow(Base):
    """An account: never deleted (the audit log names it), only disabled."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)   # wrong passwords in a row
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ApiTokenRow(Base):
    """A token for scripts; only its SHA-256 is kept (it is random, so a slow hash adds nothing)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditRow(Base):
    """Append-only: the migration adds triggers that refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_object", "object_kind", "object_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user_name: Mapped[str | None] = mapped_column(Text)   # None: done by the system, not a person
    action: Mapped[str] = mapped_column(String(64))
    object_kind: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str | None] = mapped_column(Text)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)


class DataVersionRow(Base):
    """One row (id 1): a counter raised by every write transaction of the Store, so that
    what was computed from stored data can be cached under it (planwatch.web.cache)."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)


class JobRow(Base):
    """A background job (planwatch.jobs): an upload to ingest, its bytes kept here until it
    is read, so any worker on any machine can read it and a crash loses nothing."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status", "status", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    user_name: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))          # queued, running, done, failed
    stage: Mapped[str | None] = mapped_column(String(16))    # while running: reading, storing, indexing
    attempts: Mapped[int] = mapped_column(Integer)
    error_kind: Mapped[str | None] = mapped_column(String(16))   # what failed, in words of strings.yaml
    error: Mapped[str | None] = mapped_column(Text)
    document_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("documents.id", ondelete="SET NULL"))
    added: Mapped[bool | None] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
