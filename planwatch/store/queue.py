"""The review queue's reads: unreviewed facts weakest first, and review progress.

Weakest first means the extractor's confidence (unknown counts as lowest), then the facts
a verdict reads (its target, its judged result); the second key needs the verdicts, so it
is computed only for the regions of the facts tied at the queue's cut (`decisive`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..documents import region_key
from .convert import FACT_QUERY_COLUMNS, stored_fact
from .models import DocumentRow, FactRow, ReviewRow
from .records import ReviewProgress, ReviewQueue, StoredFact

UNREVIEWED = "unreviewed"


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
    """Each region in scope, then each document."""
    documents = _progress(session, _scope(region, document_id))
    return _by_region(session, documents) + documents


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
    more = session.execute(ordered.where(tied, FactRow.id.not_in([f.id for f in first])))
    return first + [stored_fact(row._mapping) for row in more]


def _weakness(fact: StoredFact) -> tuple:
    confidence = fact.fact.confidence
    return (confidence is not None, confidence or 0.0)


def _progress(session: Session, scope: list) -> list[ReviewProgress]:
    """Per document: reviewed facts (confirmed, corrected, added, and the rejected, which are
    no longer facts) of all it had."""
    reviewed = func.sum(case((FactRow.review != UNREVIEWED, 1), else_=0))
    counted = (select(DocumentRow.id, DocumentRow.name, DocumentRow.sha256, DocumentRow.region_key,
                      func.count(FactRow.id), func.coalesce(reviewed, 0))
               .outerjoin(FactRow, FactRow.document_id == DocumentRow.id).where(*scope)
               .group_by(DocumentRow.id, DocumentRow.name, DocumentRow.sha256, DocumentRow.region_key)
               .order_by(DocumentRow.name, DocumentRow.id))
    rows = session.execute(counted).all()
    rejected = _rejections(session, {row[2] for row in rows})
    return [ReviewProgress("document", str(doc_id), name, int(done) + rejected.get(sha, 0),
                           int(total) + rejected.get(sha, 0), region=key)
            for doc_id, name, sha, key, total, done in rows]


def _rejections(session: Session, contents: set[str]) -> dict[str, int]:
    if not contents:
        return {}
    query = (select(ReviewRow.sha256, func.count()).where(ReviewRow.sha256.in_(contents),
                                                          ReviewRow.current.is_(True),
                                                          ReviewRow.action == "rejected")
             .group_by(ReviewRow.sha256))
    return dict(session.execute(query).all())


def _by_region(session: Session, documents: list[ReviewProgress]) -> list[ReviewProgress]:
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for doc in documents:
        if doc.region is not None:
            sums[doc.region][0] += doc.reviewed
            sums[doc.region][1] += doc.total
    names = dict(session.execute(select(DocumentRow.region_key, func.max(DocumentRow.region))
                                 .where(DocumentRow.region_key.in_(list(sums)))
                                 .group_by(DocumentRow.region_key)).all()) if sums else {}
    return [ReviewProgress("region", key, names.get(key, key), done, total)
            for key, (done, total) in sorted(sums.items())]

