"""The review queue's reads: unreviewed facts weakest first, and review progress.

Weakest first: the extractor's confidence (unknown first, then lowest), then the facts
that decide a verdict, then the order stored. A fact decides a verdict when it is a
target (each target is judged) or a result with a target of the same region, indicator,
period and measure (what the verdict judges it against) — evaluate's linking rule, asked
of the database for the few facts at the queue's cut rather than by computing every
verdict of every region in scope.

Progress is per region, and per document too once the scope is a region or a document
(a national store would otherwise list every document); totals come from the documents'
fact counts and the reviewed facts from the review index, so no count reads every fact.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..documents import region_key
from .convert import FACT_QUERY_COLUMNS, stored_fact
from .models import DocumentRow, FactRow, ReviewRow
from .records import ReviewProgress, ReviewQueue, StoredFact

UNREVIEWED = "unreviewed"
REVIEWED = ("confirmed", "corrected", "added")   # the states of facts still stored; rejected ones are gone
# Confidence takes few values, so thousands of facts may tie at the cut: the deciding ones
# among this many of them (in the order stored) may move ahead.
TIE_WINDOW = 200


def review_queue(session: Session, region: str | None, document_id: int | None, indicator: str | None,
                 limit: int) -> ReviewQueue:
    scope = _scope(region, document_id)
    candidates = _weakest(session, scope, indicator, limit)
    deciding = _deciding(session, candidates)
    order = {f.id: n for n, f in enumerate(candidates)}
    ranked = sorted(candidates, key=lambda f: (_weakness(f), f.id not in deciding, order[f.id]))[:limit]
    return ReviewQueue(ranked, frozenset(f.id for f in ranked if f.id in deciding),
                       review_progress(session, region, document_id))


def _scope(region: str | None, document_id: int | None) -> list:
    """Which documents: current versions, of a region, or the one asked for (any version)."""
    if document_id is not None:
        return [DocumentRow.id == document_id]
    scope = [DocumentRow.superseded.is_(False)]
    if region is not None:
        scope.append(DocumentRow.region_key == region_key(region))
    return scope


def _weakest(session: Session, scope: list, indicator: str | None, limit: int) -> list[StoredFact]:
    """The `limit` weakest unreviewed facts, and up to TIE_WINDOW more as confident as the last.
    Facts of unknown confidence, then the rest by confidence: each walk follows the review index."""
    query = (select(*FACT_QUERY_COLUMNS).join_from(FactRow, DocumentRow)
             .where(FactRow.review == UNREVIEWED, *scope))
    if indicator is not None:
        query = query.where(FactRow.indicator == indicator)
    unknown = query.where(FactRow.confidence.is_(None)).order_by(FactRow.id)
    known = query.where(FactRow.confidence.is_not(None)).order_by(FactRow.confidence, FactRow.id)
    found = _facts(session, unknown.limit(limit))
    if len(found) < limit:
        found += _facts(session, known.limit(limit - len(found)))
    if len(found) < limit:
        return found
    last = found[-1]
    tied = (unknown if last.fact.confidence is None else
            query.where(FactRow.confidence == last.fact.confidence).order_by(FactRow.id))
    return found + _facts(session, tied.where(FactRow.id > last.id).limit(TIE_WINDOW))


def _facts(session: Session, query) -> list[StoredFact]:
    return [stored_fact(row._mapping) for row in session.execute(query)]


def _deciding(session: Session, candidates: list[StoredFact]) -> set[int]:
    """The candidates that decide a verdict: targets, and results with a target of their key."""
    results = [f for f in candidates if f.fact.role == "actual" and f.region_key is not None]
    deciding = {f.id for f in candidates if f.fact.role == "target"}
    if not results:
        return deciding
    documents = select(DocumentRow.id).where(DocumentRow.region_key.in_({f.region_key for f in results}),
                                             DocumentRow.superseded.is_(False))
    targets = (select(DocumentRow.region_key, FactRow.indicator, FactRow.period, FactRow.measure).distinct()
               .join_from(FactRow, DocumentRow)
               .where(FactRow.document_id.in_(documents), FactRow.role == "target",
                      FactRow.indicator.in_({f.fact.indicator for f in results})))
    targeted = {tuple(row) for row in session.execute(targets)}
    return deciding | {f.id for f in results
                       if (f.region_key, f.fact.indicator, str(f.fact.period), f.fact.measure) in targeted}


def _weakness(fact: StoredFact) -> tuple:
    confidence = fact.fact.confidence
    return (confidence is not None, confidence or 0.0)


def review_progress(session: Session, region: str | None, document_id: int | None) -> list[ReviewProgress]:
    """Each region in scope, then each document when a region or a document is asked for."""
    scope = _scope(region, document_id)
    regions = _counts(session, scope, DocumentRow.region_key, DocumentRow.region, "region")
    if region is None and document_id is None:
        return regions
    return regions + _counts(session, scope, DocumentRow.id, DocumentRow.name, "document")


def _counts(session: Session, scope: list, key, name, kind: str) -> list[ReviewProgress]:
    """Reviewed facts (confirmed, corrected, added, and the rejected, which are no longer
    facts) of all the documents had, grouped by `key` (a region's key or a document's id)."""
    totals = (select(key, func.max(name), func.max(DocumentRow.region_key), func.sum(DocumentRow.fact_count))
              .where(*scope, key.is_not(None)).group_by(key).order_by(key))
    reviewed = (select(key, func.count()).join_from(FactRow, DocumentRow)
                .where(FactRow.review.in_(REVIEWED), *scope).group_by(key))
    rejected = (select(key, func.count(ReviewRow.id))
                .join_from(ReviewRow, DocumentRow, ReviewRow.sha256 == DocumentRow.sha256)
                .where(*scope, ReviewRow.current.is_(True), ReviewRow.action == "rejected").group_by(key))
    done, gone = dict(session.execute(reviewed).all()), dict(session.execute(rejected).all())
    return [ReviewProgress(kind, str(k), label, done.get(k, 0) + gone.get(k, 0), int(total or 0) + gone.get(k, 0),
                           region=region if kind == "document" else None)
            for k, label, region, total in session.execute(totals)]
