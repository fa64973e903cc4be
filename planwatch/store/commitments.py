"""Commitments in the store: rows to records and back, and the one query that reads them.

A document's commitments are written together (replacing what was stored for it), and
read with their document's context like facts (latest versions unless a document is named).
They are reviewed as facts are (review.py, with COMMITMENTS as its subject): the table holds
each commitment as reviewed, so every reader reads the reviewed state."""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal

from sqlalchemy import Select, delete, insert, select
from sqlalchemy.orm import Session

from ..documents import region_key
from ..errors import QueryError
from ..model import COMMITMENT_FIELDS, COMMITMENT_ROLES, COMPARATORS, KINDS, STAGES, Basis, Commitment, Period
from .convert import REGION_NAME, narrowed, stored_value
from .models import COMMITMENT_FIELD_COLUMNS, CommitmentReviewRow, CommitmentRow, DocumentRow
from .records import StoredCommitment
from .review import Subject, changed, typed

COMMITMENT_QUERY_COLUMNS = (
    CommitmentRow.id, CommitmentRow.document_id, *(c.label(c.key) for c in COMMITMENT_FIELD_COLUMNS),
    CommitmentRow.extractor_version, CommitmentRow.review, CommitmentRow.decision_id,
    DocumentRow.name.label("doc"), DocumentRow.title.label("doc_title"),
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
    return narrowed(found, {CommitmentRow.period: period, CommitmentRow.role: role, CommitmentRow.kind: kind,
                            CommitmentRow.stage: stage, CommitmentRow.document_id: document_id,
                            DocumentRow.region_key: region_key(region) if region is not None else None},
                    current=document_id is None)


def stored_commitment(row: Mapping) -> StoredCommitment:
    """A row of COMMITMENT_QUERY_COLUMNS (a mapping) as a StoredCommitment."""
    return StoredCommitment(
        id=row["id"], commitment=_loaded(row), document_id=row["document_id"], doc=row["doc"],
        doc_title=row["doc_title"],
        region=row["region"], region_key=row["region_key"], doc_type=row["doc_type"], doc_date=row["doc_date"],
        extractor_version=row["extractor_version"], review=row["review"], decision_id=row["decision_id"])


# ---- review: what a person decides on and may write (the mechanism is review.py's)

DECIDED = tuple(name for name in COMMITMENT_FIELDS if name not in ("role_basis", "period_basis"))
CORRECTABLE = ("kind", "role", "period", "object", "stage", "action", "value", "upper", "unit", "comparator",
               "money", "names", "responsible")
_DECIMALS = ("value", "upper", "money")
_REQUIRED = ("kind", "role", "period", "object", "stage")
_CHOICES = {"kind": KINDS, "role": COMMITMENT_ROLES, "stage": STAGES, "comparator": COMPARATORS}
_NAME_SEPARATORS = re.compile(r"[、,，;；\n]+")


def commitment_json(commitment: Commitment) -> dict:
    """Every field, exact: decimals and the period as their text, a Basis as its object."""
    return {name: stored_value(str(value) if isinstance(value, (Decimal, Period)) else value)
            for name, value in ((name, getattr(commitment, name)) for name in COMMITMENT_FIELDS)}


def json_commitment(data: Mapping) -> Commitment:
    return _loaded({name: Decimal(data[name]) if name in _DECIMALS and data.get(name) is not None else data.get(name)
                    for name in COMMITMENT_FIELDS})


def _loaded(stored: Mapping) -> Commitment:
    """A commitment from its stored fields (a row, or JSON with its decimals read)."""
    fields = {name: stored[name] for name in COMMITMENT_FIELDS}
    fields["names"] = list(fields["names"] or [])
    fields["role_basis"] = Basis.from_dict(fields["role_basis"])
    fields["period_basis"] = Basis.from_dict(fields["period_basis"])
    return Commitment(**fields)


def corrected(commitment: Commitment, changes: Mapping) -> Commitment:
    """The commitment with `changes` (field -> value as typed) applied; QueryError naming a bad one."""
    return changed(commitment, changes, CORRECTABLE, _checked)


def written(fields: Mapping, start: int, end: int) -> Commitment:
    """A commitment typed by a person (an added one): kind, role, period, object and stage required."""
    missing = [name for name in _REQUIRED if fields.get(name) in (None, "")]
    if missing:
        raise QueryError(f"an added commitment needs {', '.join(missing)}", f"新增任务缺少：{'、'.join(missing)}")
    blank = Commitment("task", "target", "2000", "-", "other", None, None, None, None, None, [], None, start, end)
    return corrected(blank, {name: value for name, value in fields.items() if name in CORRECTABLE})


def _checked(name: str, value):
    """One field's value as typed (a CLI option, a form, JSON) in its stored type."""
    if name == "names":
        listed = value if isinstance(value, list) else _NAME_SEPARATORS.split(str(value or ""))
        return [str(item).strip() for item in listed if str(item).strip()]
    return typed(name, value, _REQUIRED, _DECIMALS, _CHOICES)


def _row_commitment(row: CommitmentRow) -> Commitment:
    return _loaded({name: getattr(row, name) for name in COMMITMENT_FIELDS})


# A re-extraction reading the same words with another role, period, stage or object is the same commitment.
COMMITMENTS = Subject("commitment", "任务", CommitmentRow, CommitmentReviewRow, ("role", "period", "stage", "object"),
                      (), DECIDED, commitment_json, json_commitment, _values, _row_commitment, corrected,
                      written)
