"""Between the core objects (Document, Fact), the rows and the frozen records."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from ..documents import Document, region_key
from ..extract.fact import Fact
from .models import DocumentRow, FactRow
from .records import StoredDocument, StoredFact


def document_row(document: Document, version: int, fact_count: int) -> DocumentRow:
    return DocumentRow(
        name=document.name, version=version, superseded=False, sha256=document.sha256,
        original=document.original, fact_count=fact_count, ingested_at=datetime.now(timezone.utc),
        **read_fields(document),
    )


def read_fields(document: Document) -> dict:
    """What reading the file gave: decoded text and metadata (a re-read may improve them)."""
    meta = document.meta
    return dict(
        encoding=document.encoding, format=document.format, text=document.text, title=meta.title,
        region=meta.region, region_key=region_key(meta.region), region_level=meta.region_level,
        doc_type=meta.doc_type, report_years=list(meta.report_years), target_years=list(meta.target_years),
        plan_span=meta.plan_span, date=meta.date, meeting=meta.meeting,
    )


def fact_values(fact: Fact, document_id: int, extractor_version: str) -> dict:
    """A facts row as a dict, for one bulk INSERT of a document's facts."""
    return dict(
        document_id=document_id, indicator=fact.indicator, role=fact.role, period=fact.period,
        measure=fact.measure, value=fact.value, upper=fact.upper, also=[str(v) for v in fact.also],
        unit=fact.unit, comparator=fact.comparator, text=fact.text, estimated=fact.estimated,
        stretch=fact.stretch, cumulative=fact.cumulative, attribute=fact.attribute,
        department=fact.department, assessment=fact.assessment, name_as_written=fact.name_as_written,
        evidence_start=fact.start, evidence_end=fact.end, extractor_version=extractor_version,
    )


# What facts() selects: every facts column and its document's context, as plain rows.
FACT_QUERY_COLUMNS = (*FactRow.__table__.columns, DocumentRow.name.label("doc_name"),
                      DocumentRow.title.label("doc_title"), DocumentRow.region, DocumentRow.region_key,
                      DocumentRow.doc_type, DocumentRow.date.label("doc_date"),
                      DocumentRow.version.label("doc_version"))


def stored_fact(row) -> StoredFact:
    """A row of FACT_QUERY_COLUMNS as a StoredFact."""
    fact = Fact(
        indicator=row.indicator, role=row.role, period=row.period, measure=row.measure,
        value=row.value, unit=row.unit, comparator=row.comparator, start=row.evidence_start,
        end=row.evidence_end, text=row.text, upper=row.upper, estimated=row.estimated,
        stretch=row.stretch, cumulative=row.cumulative, attribute=row.attribute,
        department=row.department, assessment=row.assessment,
        also=[Decimal(v) for v in row.also], name_as_written=row.name_as_written,
    )
    return StoredFact(
        id=row.id, fact=fact, document_id=row.document_id, doc_name=row.doc_name, doc_title=row.doc_title,
        region=row.region, region_key=row.region_key, doc_type=row.doc_type, doc_date=row.doc_date,
        doc_version=row.doc_version, extractor_version=row.extractor_version,
    )


def stored_document(row: DocumentRow, with_text: bool = False) -> StoredDocument:
    return StoredDocument(
        id=row.id, name=row.name, title=row.title, region=row.region, region_key=row.region_key,
        doc_type=row.doc_type, report_years=tuple(row.report_years), target_years=tuple(row.target_years),
        plan_span=row.plan_span, date=row.date, meeting=row.meeting, sha256=row.sha256,
        encoding=row.encoding, format=row.format, version=row.version, superseded=row.superseded,
        ingested_at=_utc(row.ingested_at), fact_count=row.fact_count,
        text=row.text if with_text else None,
    )


def _utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; every stored moment is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
