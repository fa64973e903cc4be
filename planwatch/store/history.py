"""A fact's history: every decision people made on it, oldest first.

Decisions (fact_reviews, appended and never deleted) are keyed by what was extracted from
one content, not by a fact id, since a re-extraction gives the facts new ids: a fact's
history is every decision on its key (the decision it shows, else its own extracted key),
so it outlives re-extractions and withdrawals. Each decision is also in the audit log,
written in the same transaction (store.py), with the same before and after.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..errors import NotStored
from .convert import FACT_QUERY_COLUMNS, stored_fact
from .models import DocumentRow, FactRow, ReviewRow
from .records import Decision, StoredFact
from .review import FACTS, _record


def fact_history(session: Session, fact_id: int) -> tuple[StoredFact, list[Decision]]:
    found = session.execute(select(*FACT_QUERY_COLUMNS).join_from(FactRow, DocumentRow)
                            .where(FactRow.id == fact_id)).mappings().first()
    if found is None:
        raise NotStored(f"no fact with id {fact_id} (a rejected fact is gone: see the audit log)",
                        f"没有编号为 {fact_id} 的指标数据（已驳回的数据见审计日志）")
    stored = stored_fact(found)
    sha256 = session.scalar(select(DocumentRow.sha256).where(DocumentRow.id == stored.document_id))
    shown = session.get(ReviewRow, stored.decision_id) if stored.decision_id is not None else None
    if shown is not None:
        key = (shown.sha256, shown.evidence_start, shown.evidence_end, shown.indicator, shown.role, shown.period)
    else:
        f = stored.fact
        key = (sha256, f.start, f.end, f.indicator, f.role, str(f.period))
    query = select(ReviewRow).where(ReviewRow.sha256 == key[0], ReviewRow.evidence_start == key[1],
                                    ReviewRow.evidence_end == key[2], ReviewRow.indicator == key[3],
                                    ReviewRow.role == key[4], ReviewRow.period == key[5]).order_by(ReviewRow.id)
    return stored, [_record(FACTS, row) for row in session.scalars(query)]


def fact_of(session: Session, decision: Decision) -> int | None:
    """The id of the fact a decision is now shown on (or, withdrawn, left unreviewed); None when
    it has none (a rejection, or an added fact withdrawn)."""
    shown = session.scalar(select(FactRow.id).where(FactRow.decision_id == decision.id).limit(1))
    if shown is not None:
        return shown
    return session.scalar(select(FactRow.id).join_from(FactRow, DocumentRow).where(
        DocumentRow.sha256 == decision.sha256, DocumentRow.superseded.is_(False),
        FactRow.start == decision.start, FactRow.end == decision.end, FactRow.indicator == decision.indicator,
        FactRow.role == decision.role, FactRow.period == decision.period).limit(1))
