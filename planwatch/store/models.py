"""The tables: documents (every version kept), their facts (a column per field of
planwatch.model.Fact), and the indicator catalogue.

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

from ..model import FIELDS, Basis, Fact, Period


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


# How a Fact field is stored, by its type: the facts table is derived from the model's fields.
_COLUMN_TYPES = {Decimal: ExactDecimal, bool: Boolean, int: Integer, float: Float, str: Text, Period: Text,
                 list: JSON, Basis: JSON}
_COLUMN_NAMES = {"start": "evidence_start", "end": "evidence_end"}   # "end" is an SQL keyword


def _fact_column(name: str, hint) -> Column:
    nullable = get_origin(hint) in (Union, UnionType)
    kind = next(k for k in get_args(hint) if k is not type(None)) if nullable else hint
    kind = get_origin(kind) or kind
    column_type = String(16) if kind is Literal else _COLUMN_TYPES[kind]   # a code: role, measure, comparator
    return Column(_COLUMN_NAMES.get(name, name), column_type, key=name, nullable=nullable)


_HINTS = get_type_hints(Fact)
FACT_FIELD_COLUMNS = tuple(_fact_column(name, _HINTS[name]) for name in FIELDS)


class FactRow(Base):
    __table__ = Table(
        "facts", Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        *FACT_FIELD_COLUMNS,
        Column("extractor_version", String(40), nullable=False),
        Index("ix_facts_document", "document_id"),
        Index("ix_facts_identity", "indicator", "period", "role"),
        Index("ix_facts_indicator_measure", "indicator", "measure", "document_id"),
    )

    document: Mapped[DocumentRow] = relationship(back_populates="facts")


class IndicatorRow(Base):
    __tablename__ = "indicators"

    name: Mapped[str] = mapped_column(Text, primary_key=True)
    category: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)


class DataVersionRow(Base):
    """One row (id 1): a counter raised by every write transaction of the Store, so that
    what was computed from stored data can be cached under it (planwatch.web.cache)."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    version: Mapped[int] = mapped_column(BigInteger)
