"""The review queue's reads: unreviewed facts weakest first, and review progress.

Weakest first: the extractor's confidence (unknown first, then lowest), then the facts
that decide a verdict, then the order stored. A fact decides a verdict when it is a
target (each target is judged) or a result with a target of the same region, indicator,
period and measure (what the verdict judges it against) — evaluate's linking rule, asked
of the database for the few facts at the queue's cut rather than by computing every
verdict of every region in scope.

Unreviewed commitments are listed beside the facts (promises first: each is followed to a
status; then in document order), unless the queue is of one indicator.

Progress is per region, and per document too once the scope is a region or a document
(a national store would otherwise list every document), of facts and of commitments alike.
Facts are counted from the counts review.py keeps on each document, so no count reads every
fact; commitments (a few per document, and no counts kept for them) by a grouped count of
their rows and of their rejections.
"""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..documents import region_key
from .commitments import query as commitment_query
from .commitments import stored_commitment
from .convert import FACT_QUERY_COLUMNS, stored_fact
from .models import CommitmentReviewRow, CommitmentRow, DocumentRow, FactRow
from .records import ReviewProgress, ReviewQueue, StoredCommitment, StoredFact
from .review import REVIEWED

UNREVIEWED = "unreviewed"
# Confidence takes few values, so thousands of facts may tie at the cut: the deciding ones
# among this many of them (in the order stored) may move ahead.
TIE_WINDOW = 200


def review_queue(session: Session, region: str | None, document_id: int | None, indicator: str | None,
                 limit: int) -> ReviewQueue:
    candidates = _weakest(session, region, document_id, indicator, limit)
    deciding = _deciding(session, candidates)
    order = {f.id: n for n, f in enumerate(candidates)}
    ranked = sorted(candidates, key=lambda f: (_weakness(f), f.id not in deciding, order[f.id]))[:limit]
    commitments = _commitments(session, region, document_id, limit) if indicator is None else []
    return ReviewQueue(ranked, frozenset(f.id for f in ranked if f.id in deciding),
                       review_progress(session, region, document_id), commitments)


def _commitments(session: Session, region: str | None, document_id: int | None, limit: int) -> list[StoredCommitment]:
    """Up to `limit` unreviewed commitments in scope, promises first, then in document order."""
    query = (commitment_query(region=region, document_id=document_id).where(CommitmentRow.review == UNREVIEWED)
             .order_by(None).order_by(CommitmentRow.role.desc(), DocumentRow.date, DocumentRow.name,
                                      CommitmentRow.start, CommitmentRow.id).limit(limit))
    return [stored_commitment(row._mapping) for row in session.execute(query)]


_CURRENT = DocumentRow.superseded.is_(False)


def _scope(region: str | None, document_id: int | None) -> list:
    """Which documents: current versions, of a region, or the one asked for (any version)."""
    if document_id is not None:
        return [DocumentRow.id == document_id]
    scope = [_CURRENT]
    if region is not None:
        scope.append(DocumentRow.region_key == region_key(region))
    return scope


def _weakest(session: Session, region: str | None, document_id: int | None, indicator: str | None,
             limit: int) -> list[StoredFact]:
    """The `limit` weakest unreviewed facts, and up to TIE_WINDOW more as confident as the last;
    unknown confidence first, then by confidence. The whole store's queue (of one indicator or
    all) walks the review index (review, confidence); a region's or a document's goes in by
    their documents and sorts those few facts: walking the review index would read the whole
    store whenever they hold fewer than `limit`. (A rare indicator's queue walks far: bounded
    by the store's size, measured by bench/api_latency.py.)"""
    query = select(FactRow.id).join_from(FactRow, DocumentRow)   # ids to order; rows for the chosen few
    if region is None and document_id is None:
        query = query.where(FactRow.review == UNREVIEWED, _CURRENT)
    else:
        query = query.where(FactRow.review.concat("") == UNREVIEWED,   # the same test, off the review index
                            FactRow.document_id.in_(_documents(session, region, document_id)))
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


def _documents(session: Session, region: str | None, document_id: int | None) -> list[int]:
    return list(session.scalars(select(DocumentRow.id).where(*_scope(region, document_id))))


def _facts(session: Session, ids_query) -> list[StoredFact]:
    """The facts of these ids, in their order."""
    ids = list(session.scalars(ids_query))
    if not ids:
        return []
    rows = {row.id: row for row in session.execute(select(*FACT_QUERY_COLUMNS).join_from(FactRow, DocumentRow)
                                                     .where(FactRow.id.in_(ids)))}
    return [stored_fact(rows[i]._mapping) for i in ids]


def _deciding(session: Session, candidates: list[StoredFact]) -> set[int]:
    """The candidates that decide a verdict: targets, and results with a target of their key."""
    results = [f for f in candidates if f.fact.role == "actual" and f.region_key is not None]
    deciding = {f.id for f in candidates if f.fact.role == "target"}
    if not results:
        return deciding
    documents = session.scalars(select(DocumentRow.id).where(
        DocumentRow.region_key.in_({f.region_key for f in results}), _CURRENT))
    # By the regions' documents (few), never by an indicator's facts across the store.
    targets = (select(DocumentRow.region_key, FactRow.indicator, FactRow.period, FactRow.measure, FactRow.role)
               .join_from(FactRow, DocumentRow).where(FactRow.document_id.in_(list(documents))))
    targeted = {tuple(row[:4]) for row in session.execute(targets) if row.role == "target"}
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


def region_progress(session: Session, key: str) -> ReviewProgress:
    """One region's progress, by its key as the dashboard's pages name it."""
    found = _counts(session, [_CURRENT, DocumentRow.region_key == key], DocumentRow.region_key, DocumentRow.region,
                    "region")
    return found[0] if found else ReviewProgress("region", key, None, 0, 0)


def _counts(session: Session, scope: list, key, name, kind: str) -> list[ReviewProgress]:
    """Reviewed facts and commitments of all, grouped by `key` (a region's key or a document's id)."""
    commitments = _commitment_counts(session, scope, key)
    return [ReviewProgress(kind, str(k), label, done, total, *commitments.get(k, (0, 0)),
                           region=region if kind == "document" else None)
            for k, label, region, done, total in _fact_counts(session, scope, key, name)]


def _fact_counts(session: Session, scope: list, key, name) -> list[tuple]:
    """Reviewed facts (confirmed, corrected, added, and the rejected, which are no longer
    facts) of all the documents had: (key, name, region key, reviewed, total), from the
    documents' counts, which review.py keeps."""
    rejected = func.sum(DocumentRow.rejected_count)
    counts = (select(key, func.max(name), func.max(DocumentRow.region_key),
                     func.sum(DocumentRow.reviewed_count) + rejected, func.sum(DocumentRow.fact_count) + rejected)
              .where(*scope, key.is_not(None)).group_by(key).order_by(key))
    return [(k, label, region, int(done or 0), int(total or 0))
            for k, label, region, done, total in session.execute(counts)]


def _commitment_counts(session: Session, scope: list, key) -> dict:
    """key -> (reviewed, total) commitments, the rejected (no longer stored) counted in both."""
    stored = (select(key, func.count(case((CommitmentRow.review.in_(REVIEWED), 1))), func.count())
              .join_from(CommitmentRow, DocumentRow).where(*scope, key.is_not(None)).group_by(key))
    rejected = (select(key, func.count())
                .join_from(CommitmentReviewRow, DocumentRow, CommitmentReviewRow.sha256 == DocumentRow.sha256)
                .where(*scope, key.is_not(None), CommitmentReviewRow.current.is_(True),
                       CommitmentReviewRow.action == "rejected").group_by(key))
    counts = {k: (int(done), int(total)) for k, done, total in session.execute(stored)}
    for k, gone in session.execute(rejected):
        done, total = counts.get(k, (0, 0))
        counts[k] = (done + gone, total + gone)
    return counts
