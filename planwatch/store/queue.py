"""The review queue's reads: unreviewed facts weakest first, and review progress.

Weakest first means the extractor's confidence (unknown counts as lowest), then the facts
a verdict reads (its target, its judged result); the second key needs the verdicts, so it
is computed only for the regions of the facts tied at the queue's cut (`decisive`).
Progress is per region, and per document too once the scope is a region or a document
(a national store would otherwise list every document).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..documents import region_key
from .convert import FACT_QUERY_COLUMNS, stored_fact
from .models import DocumentRow, FactRow, ReviewRow
from .records import ReviewProgress, ReviewQueue, StoredFact

UNREVIEWED = "unreviewed"
# Confidence takes few values, so thousands of facts may tie at the cut; the decisive among
# this many of them (in document order) may move ahead, which bounds the verdicts computed.
TIE_WINDOW = 500


def review_queue(session: Session, region: str | None, document_id: int | None, indicator: str | None,
                 limit: int, decisive: Callable[[Iterable[str]], set[int]]) -> ReviewQueue:
    """`decisive(region_keys)`: ids of the facts the verdicts of those regions read."""
    scope = _scope(region, document_id)
    candidates = _weakest(session, scope, indicator, limit)
    deciding = decisive({f.region_key for f in candidates if f.region_key is not None}) if candidates else set()
    order = {f.id: n for n, f in enumerate(candidates)}
    ranked = sorted(candidates, key=lambda f: (_weakness(f), f.id not in deciding, order[f.id]))[:limit]
    return ReviewQueue(ranked, frozenset(f.id for f in ranked if f.id in deciding),
                       review_progress(session, region, document_id))


def review_progress(session: Session, region: str | None, document_id: int | None) -> list[ReviewProgress]:
    """Each region in scope, then each document when a region or a document is asked for."""
    scope = _scope(region, document_id)
    regions = _counts(session, scope, DocumentRow.region_key, DocumentRow.region, "region")
    if region is None and document_id is None:
        return regions
    return regions + _counts(session, scope, DocumentRow.id, DocumentRow.name, "document")


def _counts(session: Session, scope: list, key, name, kind: str) -> list[ReviewProgress]:
    """Reviewed facts (confirmed, corrected, added, and the rejected, which are no longer
    facts) of all, grouped by `key` (a region's key or a document's id), in SQL."""
    reviewed = func.sum(case((FactRow.review != UNREVIEWED, 1), else_=0))
    facts = (select(key, func.max(name), func.max(DocumentRow.region_key), func.count(FactRow.id),
                    func.coalesce(reviewed, 0))
             .outerjoin(FactRow, FactRow.document_id == DocumentRow.id).where(*scope, key.is_not(None))
             .group_by(key).order_by(key))
    rejections = (select(key, func.count(ReviewRow.id))
                  .join_from(ReviewRow, DocumentRow, ReviewRow.sha256 == DocumentRow.sha256)
                  .where(*scope, ReviewRow.current.is_(True), ReviewRow.action == "rejected").group_by(key))
    rejected = dict(session.execute(rejections).all())
    return [ReviewProgress(kind, str(k), label, int(done) + rejected.get(k, 0), int(total) + rejected.get(k, 0),
                           region=region if kind == "document" else None)
            for k, label, region, total, done in session.execute(facts)]


def _scope(region: str | None, document_id: int | None) -> list:
    """Which documents: current versions, of a region, or the one asked for (any version)."""
    if document_id is not None:
        return [DocumentRow.id == document_id]
    scope = [DocumentRow.superseded.is_(False)]
    if region is not None:
        scope.append(DocumentRow.region_key == region_key(region))
    return scope


def _weakest(session: Session, scope: list, indicator: str | None, limit: int) -> list[StoredFact]:
    """The `limit` least confident unreviewed facts, and every fact as confident as the last
    of them (the decisive ones among those may move ahead)."""
    query = (select(*FACT_QUERY_COLUMNS).join_from(FactRow, DocumentRow)
             .where(FactRow.review == UNREVIEWED, *scope))
    if indicator is not None:
        query = query.where(FactRow.indicator == indicator)
    ordered = query.order_by(FactRow.confidence.asc().nulls_first(), DocumentRow.name, FactRow.id)
    first = [stored_fact(row._mapping) for row in session.execute(ordered.limit(limit))]
    if len(first) < limit:
        return first
    cut = first[-1].fact.confidence
    tied = FactRow.confidence.is_(None) if cut is None else FactRow.confidence == cut
    more = session.execute(ordered.where(tied, FactRow.id.not_in([f.id for f in first])).limit(TIE_WINDOW))
    return first + [stored_fact(row._mapping) for row in more]


def _weakness(fact: StoredFact) -> tuple:
    confidence = fact.fact.confidence
    return (confidence is not None, confidence or 0.0)
