"""Between the core objects (Document, Fact), the rows and the frozen records."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from ..documents import Document
from ..extract.fact import Fact
from .models import DocumentRow, FactRow
from .records import StoredDocument, StoredFact
from .regions import region_key


def document_row(document: Document, version: int, facts: list[Fact], extractor_version: str) -> DocumentRow:
    return DocumentRow(
        name=document.name, version=version, superseded=False, sha256=document.sha256,
        original=document.original, fact_count=len(facts), ingested_at=datetime.now(timezone.utc),
        facts=[fact_row(fact, extractor_version) for fact in facts], **read_fields(document),
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


def fact_row(fact: Fact, extractor_version: str, document_id: int | None = None) -> FactRow:
    return FactRow(
        document_id=document_id,
        indicator=fact.indicator, role=fact.role, period=fact.period, measure=fact.measure,
        value=fact.value, upper=fact.upper, also=[str(v) for v in fact.also], unit=fact.unit,
        comparator=fact.comparator, text=fact.text, estimated=fact.estimated, stretch=fact.stretch,
        cumulative=fact.cumulative, attribute=fact.attribute, department=fact.department,
        assessment=fact.assessment, name_as_written=fact.name_as_written,
        evidence_start=fact.start, evidence_end=fact.end, extractor_version=extractor_version,
    )


def to_fact(row: FactRow) -> Fact:
    return Fact(
        indicator=row.indicator, role=row.role, period=row.period, measure=row.measure,
        value=row.value, unit=row.unit, comparator=row.comparator, start=row.evidence_start,
        end=row.evidence_end, text=row.text, upper=row.upper, estimated=row.estimated,
        stretch=row.stretch, cumulative=row.cumulative, attribute=row.attribute,
        department=row.department, assessment=row.assessment,
        also=[Decimal(v) for v in row.also], name_as_written=row.name_as_written,
    )


def stored_fact(row: FactRow, doc: DocumentRow) -> StoredFact:
    return StoredFact(
        id=row.id, fact=to_fact(row), document_id=doc.id, doc_name=doc.name, doc_title=doc.title,
        region=doc.region, region_key=doc.region_key, doc_type=doc.doc_type, doc_date=doc.date,
        doc_version=doc.version, extractor_version=row.extractor_version,
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
