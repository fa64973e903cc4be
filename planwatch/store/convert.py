"""Between the core objects (Document, Fact), the rows and the frozen records."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timezone
from decimal import Decimal

from sqlalchemy import func, select

from ..documents import Document, region_key
from ..model import FIELDS, Basis, Fact
from .models import FACT_FIELD_COLUMNS, DocumentRow, FactRow
from .records import StoredDocument, StoredFact


def document_row(document: Document, version: int, fact_count: int, extractor_version: str) -> DocumentRow:
    return DocumentRow(
        name=document.name, version=version, superseded=False, sha256=document.sha256,
        original=document.original, fact_count=fact_count, extractor_version=extractor_version,
        ingested_at=datetime.now(timezone.utc),
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
    values = {name: stored_value(getattr(fact, name)) for name in FIELDS}
    return dict(values, document_id=document_id, extractor_version=extractor_version)


def stored_value(value):
    """Decimals in JSON lists as exact strings, a Basis as its object; the rest as it is."""
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, Basis):
        return value.to_dict()
    return value


_LOADERS = {"also": lambda stored: [Decimal(v) for v in stored],
            "role_basis": Basis.from_dict, "period_basis": Basis.from_dict}


def fact(row: Mapping) -> Fact:
    """A row of FACT_COLUMNS (or FACT_QUERY_COLUMNS) as a Fact."""
    return Fact(**{name: _LOADERS.get(name, _same)(row[name]) for name in FIELDS})


def _same(value):
    return value


def _fullest_region():
    """A region reads one way everywhere: the fullest name any current document gives it
    (武汉市洪山区 over 洪山区), whatever this document's own heading said."""
    named = DocumentRow.__table__.alias("named")
    fullest = (select(named.c.region)
               .where(named.c.region_key == DocumentRow.region_key, named.c.superseded.is_(False))
               .order_by(func.length(named.c.region).desc(), named.c.region).limit(1).scalar_subquery())
    return func.coalesce(fullest, DocumentRow.region)


FULLEST_REGION = _fullest_region()
REGION_NAME = FULLEST_REGION.label("region")

# Every field of a fact, labelled by its field name (the offsets' columns are evidence_start/_end).
FACT_COLUMNS = (FactRow.id, FactRow.document_id, *(c.label(c.key) for c in FACT_FIELD_COLUMNS),
                FactRow.extractor_version, FactRow.review, FactRow.decision_id)
# ... and its document's context: what a StoredFact holds.
FACT_QUERY_COLUMNS = (*FACT_COLUMNS, DocumentRow.name.label("doc_name"), DocumentRow.title.label("doc_title"),
                      REGION_NAME, DocumentRow.region_key, DocumentRow.doc_type,
                      DocumentRow.date.label("doc_date"), DocumentRow.version.label("doc_version"))


def stored_fact(row: Mapping) -> StoredFact:
    """A row of FACT_QUERY_COLUMNS (a mapping) as a StoredFact."""
    return StoredFact(
        id=row["id"], fact=fact(row), document_id=row["document_id"], doc_name=row["doc_name"],
        doc_title=row["doc_title"], region=row["region"], region_key=row["region_key"], doc_type=row["doc_type"],
        doc_date=row["doc_date"], doc_version=row["doc_version"], extractor_version=row["extractor_version"],
        review=row["review"], decision_id=row["decision_id"],
    )


def stored_document(row: DocumentRow, with_text: bool = False) -> StoredDocument:
    return StoredDocument(
        id=row.id, name=row.name, title=row.title, region=row.region, region_key=row.region_key,
        doc_type=row.doc_type, report_years=tuple(row.report_years), target_years=tuple(row.target_years),
        plan_span=row.plan_span, date=row.date, meeting=row.meeting, sha256=row.sha256,
        encoding=row.encoding, format=row.format, version=row.version, superseded=row.superseded,
        ingested_at=as_utc(row.ingested_at), fact_count=row.fact_count, extractor_version=row.extractor_version,
        text=row.text if with_text else None,
    )


def narrowed(query, filters: Mapping, current: bool):
    """`query` where each column of `filters` equals its wanted value (None: any value), and of the
    current document versions only if `current`."""
    for column, wanted in filters.items():
        if wanted is not None:
            query = query.where(column == wanted)
    return query.where(DocumentRow.superseded.is_(False)) if current else query


def window(text, start, end):
    """The words of `text` (a column) at start:end, cut by the database so that only they are
    read: SQL's substr counts characters from 1, on SQLite and PostgreSQL alike, as Python's
    offsets count characters from 0."""
    return func.substr(text, start + 1, end - start)


def as_utc(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes; every stored moment is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
