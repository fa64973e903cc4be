"""Commitments in the store: rows to records and back, and the one query that reads them.

A document's commitments are written together (replacing what was stored for it), and
read with their document's context like facts (latest versions unless a document is named)."""

from __future__ import annotations

from collections.abc import Mapping
from sqlalchemy import Select, delete, insert, select
from sqlalchemy.orm import Session

from ..documents import region_key
from ..model import COMMITMENT_FIELDS, Basis, Commitment
from .convert import REGION_NAME, stored_value
from .models import COMMITMENT_FIELD_COLUMNS, CommitmentRow, DocumentRow
from .records import StoredCommitment

COMMITMENT_QUERY_COLUMNS = (
    CommitmentRow.id, CommitmentRow.document_id, *(c.label(c.key) for c in COMMITMENT_FIELD_COLUMNS),
    CommitmentRow.extractor_version, DocumentRow.name.label("doc"), DocumentRow.title.label("doc_title"),
    REGION_NAME, DocumentRow.region_key, DocumentRow.doc_type, DocumentRow.date.label("doc_date"))


def replace(session: Session, document_id: int, commitments: list[Commitment], extractor_version: str) -> None:
    """The document's commitments become these, in one bulk INSERT."""
    session.execute(delete(CommitmentRow).where(CommitmentRow.document_id == document_id))
    if commitments:
        session.execute(insert(CommitmentRow), [_values(c, document_id, extractor_version) for c in commitments])


def _values(commitment: Commitment, document_id: int, extractor_version: str) -> dict:
    values = {name: stored_value(getattr(commitment, name)) for name in COMMITMENT_FIELDS}
    values["names"] = list(commitment.names)
    return dict(values, document_id=document_id, extractor_version=extractor_version)


def query(region: str | None = None, period: str | None = None, role: str | None = None,
          kind: str | None = None, stage: str | None = None, document_id: int | None = None) -> Select:
    """Commitments with their document's context, in document order; current versions
    unless one document is asked for."""
    found = (select(*COMMITMENT_QUERY_COLUMNS).join_from(CommitmentRow, DocumentRow)
             .order_by(DocumentRow.date, DocumentRow.name, CommitmentRow.start, CommitmentRow.id))
    filters = {CommitmentRow.period: period, CommitmentRow.role: role, CommitmentRow.kind: kind,
               CommitmentRow.stage: stage, CommitmentRow.document_id: document_id,
               DocumentRow.region_key: region_key(region) if region is not None else None}
    for column, wanted in filters.items():
        if wanted is not None:
            found = found.where(column == wanted)
    if document_id is None:
        found = found.where(DocumentRow.superseded.is_(False))
    return found


def stored_commitment(row: Mapping) -> StoredCommitment:
    """A row of COMMITMENT_QUERY_COLUMNS (a mapping) as a StoredCommitment."""
    fields = {name: row[name] for name in COMMITMENT_FIELDS}
    fields["names"] = list(row["names"])
    fields["role_basis"], fields["period_basis"] = Basis.from_dict(row["role_basis"]), Basis.from_dict(row["period_basis"])
    return StoredCommitment(
        id=row["id"], commitment=Commitment(**fields), document_id=row["document_id"], doc=row["doc"],
        doc_title=row["doc_title"],
        region=row["region"], region_key=row["region_key"], doc_type=row["doc_type"], doc_date=row["doc_date"],
        extractor_version=row["extractor_version"])
