"""The tables: documents (every version kept), their facts, and the indicator catalogue.

Values are exact decimals everywhere: NUMERIC in PostgreSQL; in SQLite, whose
NUMERIC affinity would turn them into 8-byte floats, the decimal's text.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (JSON, Boolean, DateTime, ForeignKey, Index, Integer, LargeBinary, Numeric,
                        String, Text, TypeDecorator, UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


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
        UniqueConstraint("name", "region_key", "version", name="uq_documents_name_region_version"),
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
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    facts: Mapped[list[FactRow]] = relationship(back_populates="document", order_by="FactRow.id")


class FactRow(Base):
    __tablename__ = "facts"
    __table_args__ = (
        Index("ix_facts_document", "document_id"),
        Index("ix_facts_identity", "indicator", "period", "role"),
        Index("ix_facts_indicator_measure", "indicator", "measure", "document_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    indicator: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(16))
    period: Mapped[str] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(String(16))
    value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    upper: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    also: Mapped[list] = mapped_column(JSON)          # decimals as strings, exact
    unit: Mapped[str | None] = mapped_column(Text)
    comparator: Mapped[str | None] = mapped_column(String(2))
    text: Mapped[str | None] = mapped_column(Text)
    estimated: Mapped[bool] = mapped_column(Boolean)
    stretch: Mapped[bool] = mapped_column(Boolean)
    cumulative: Mapped[bool] = mapped_column(Boolean)
    attribute: Mapped[str | None] = mapped_column(Text)
    department: Mapped[str | None] = mapped_column(Text)
    assessment: Mapped[str | None] = mapped_column(Text)
    name_as_written: Mapped[str | None] = mapped_column(Text)
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(String(40))

    document: Mapped[DocumentRow] = relationship(back_populates="facts")


class IndicatorRow(Base):
    __tablename__ = "indicators"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    category: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)
