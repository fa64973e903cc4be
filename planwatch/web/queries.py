"""The dashboard's reads, straight from the store's tables with SQLAlchemy Core.

Pages need aggregates and narrow column sets that `Store.facts()` would build
as thousands of objects; these queries return plain dicts and stay on the
store's indices (documents by region_key, facts by document and by indicator).
Only current document versions count.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import distinct, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..store import StoredCommitment
from ..store.commitments import query as commitment_query
from ..store.commitments import stored_commitment
from ..store.convert import FACT_COLUMNS, FACT_QUERY_COLUMNS, FULLEST_REGION, REGION_NAME, window
from ..store.models import CommitmentRow, DocumentRow, FactRow, IndicatorRow
from ..store.queue import region_progress

D = DocumentRow.__table__
F = FactRow.__table__
C = CommitmentRow.__table__
I = IndicatorRow.__table__

CURRENT = D.c.superseded.is_(False)
BATCH = 5000   # ids in one IN list, well under the bound parameters a database takes
DOC_COLUMNS = (D.c.id, D.c.name, D.c.title, REGION_NAME, D.c.region_key, D.c.doc_type, D.c.date,
               D.c.plan_span, D.c.fact_count)


def _dicts(conn: Connection, query) -> list[dict]:
    return [dict(row._mapping) for row in conn.execute(query)]


def facts(conn: Connection, query) -> list[dict]:
    """Fact rows as plain dicts, their `also` values exact decimals as in every other record."""
    rows = _dicts(conn, query)
    for row in rows:
        row["also"] = [Decimal(v) for v in row["also"]]
    return rows


def counts(conn: Connection) -> dict:
    row = conn.execute(select(func.count(), func.coalesce(func.sum(D.c.fact_count), 0),
                              func.count(distinct(D.c.region_key))).where(CURRENT)).one()
    return {"documents": row[0], "facts": int(row[1]), "regions": row[2]}


def regions(conn: Connection, limit: int) -> list[dict]:
    query = (select(D.c.region_key.label("key"), func.max(FULLEST_REGION).label("name"),
                    func.count().label("documents"), func.sum(D.c.fact_count).label("facts"),
                    func.max(D.c.date).label("latest"))
             .where(CURRENT, D.c.region_key.is_not(None))
             .group_by(D.c.region_key).order_by(D.c.region_key).limit(limit))
    return _dicts(conn, query)


def latest_documents(conn: Connection, limit: int, region_key: str | None = None) -> list[dict]:
    query = select(*DOC_COLUMNS).where(CURRENT)
    if region_key is not None:
        query = query.where(D.c.region_key == region_key)
    return _dicts(conn, query.order_by(D.c.date.desc().nulls_last(), D.c.id.desc()).limit(limit))


def indicator_catalogue(conn: Connection) -> list[dict]:
    return _dicts(conn, select(I.c.name, I.c.category, I.c.unit).order_by(I.c.category, I.c.name))


def region_facts(conn: Connection, region_key: str) -> list[dict]:
    query = (select(*FACT_QUERY_COLUMNS).select_from(D.join(F, F.c.document_id == D.c.id))
             .where(D.c.region_key == region_key, CURRENT).order_by(F.c.indicator, F.c.period, F.c.id))
    return facts(conn, query)


def document(conn: Connection, doc_id: int) -> dict | None:
    row = conn.execute(select(*DOC_COLUMNS, D.c.text, D.c.version, D.c.superseded, D.c.sha256,
                              D.c.format, D.c.meeting).where(D.c.id == doc_id)).first()
    return dict(row._mapping) if row else None


def document_text(conn: Connection, doc_id: int) -> str | None:
    return conn.execute(select(D.c.text).where(D.c.id == doc_id)).scalar()


def document_window(conn: Connection, doc_id: int, start: int, end: int) -> tuple[int, str] | None:
    """The document's length in characters and its words at start:end, not its whole text; None if no such document."""
    row = conn.execute(select(func.length(D.c.text), window(D.c.text, start, end)).where(D.c.id == doc_id)).first()
    return None if row is None else (row[0], row[1])


def region_review(conn: Connection, region_key: str) -> dict:
    """How far review has come in the region: facts and commitments reviewed of all (the review desk's counts)."""
    with Session(bind=conn) as session:
        return region_progress(session, region_key).to_dict()


def document_facts(conn: Connection, doc_id: int) -> list[dict]:
    return facts(conn, select(*FACT_COLUMNS).where(F.c.document_id == doc_id).order_by(F.c.start, F.c.id))


def indicator_measures(conn: Connection, indicator: str) -> list[str]:
    """The measures stated for an indicator, most useful first (one probe each, on the index)."""
    found = []
    for measure in ("growth", "level", "change"):
        probe = select(F.c.id).where(F.c.indicator == indicator, F.c.measure == measure).limit(1)
        if conn.execute(probe).first():
            found.append(measure)
    return found


def indicator_regions(conn: Connection, indicator: str, measure: str, limit: int) -> list[str]:
    """Some regions that state the indicator, for a first view before the reader picks."""
    query = (select(D.c.region_key).distinct().select_from(F.join(D, F.c.document_id == D.c.id))
             .where(F.c.indicator == indicator, F.c.measure == measure, CURRENT,
                    D.c.region_key.is_not(None)).limit(limit))
    return [row[0] for row in conn.execute(query)]


def indicator_facts(conn: Connection, indicator: str, measure: str, region_keys: list[str]) -> list[dict]:
    # The regions' documents first (few), then their facts: never all facts of a common indicator.
    documents = select(D.c.id).where(D.c.region_key.in_(region_keys), CURRENT)
    query = (select(*FACT_QUERY_COLUMNS).select_from(D.join(F, F.c.document_id == D.c.id))
             .where(F.c.document_id.in_(documents), F.c.indicator == indicator, F.c.measure == measure)
             .order_by(D.c.region_key, F.c.period, F.c.id))
    return facts(conn, query)


def region_names(conn: Connection, keys: list[str]) -> dict[str, str]:
    query = (select(D.c.region_key, func.max(FULLEST_REGION)).where(D.c.region_key.in_(keys), CURRENT)
             .group_by(D.c.region_key))
    return {key: name for key, name in conn.execute(query)}


def find_regions(conn: Connection, words: list[str], limit: int) -> list[dict]:
    """Regions whose key contains any of the words (a scan of the region index, not of documents)."""
    if not words:
        return []
    matches = [D.c.region_key.contains(w, autoescape=True) for w in words]
    keys = select(D.c.region_key).distinct().where(CURRENT, or_(*matches)).order_by(D.c.region_key).limit(limit)
    found = [row[0] for row in conn.execute(keys)]
    names = region_names(conn, found)
    return [{"key": k, "name": names.get(k, k)} for k in found]


def region_commitments(conn: Connection, region_key: str) -> list[StoredCommitment]:
    """A region's commitments of the current document versions, in document order."""
    return [stored_commitment(row._mapping) for row in conn.execute(commitment_query(region=region_key))]


def document_commitments(conn: Connection, doc_id: int) -> list[StoredCommitment]:
    return [stored_commitment(row._mapping) for row in conn.execute(commitment_query(document_id=doc_id))]


def commitment_evidence(conn: Connection, ids: list[int]) -> dict[int, str]:
    """Each commitment's evidence words by its id, cut from its document by the database (never
    a whole text per page view)."""
    words = {}
    for at in range(0, len(ids), BATCH):
        query = (select(C.c.id, window(D.c.text, C.c.start, C.c.end)).select_from(C.join(D, C.c.document_id == D.c.id))
                 .where(C.c.id.in_(sorted(set(ids[at:at + BATCH])))))
        words.update({row[0]: row[1] for row in conn.execute(query)})
    return words
