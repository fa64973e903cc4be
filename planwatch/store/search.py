"""Chinese full-text search over documents, with no database extension.

jieba segments in the application (search mode, no HMM, so the index and the
query cut the same way); the words go space-separated into an SQLite FTS5
table or a PostgreSQL `simple` tsvector with a GIN index. The index is
brought up to date at the end of each ingest and after an upload, so that a
search finds it ready; before a search, only documents added some other way
since are indexed.

A query word must match as a whole word or as all of its shorter words
(生产总值 or 生产 and 总值), since a word in the text may have been cut finer
than in the query.
"""

from __future__ import annotations

import logging
import re
from functools import cache

from sqlalchemy import Engine, column, func, inspect, select, table, text
from sqlalchemy.engine import Connection

from . import version
from .engine import hold_write_lock, writer
from .models import DocumentRow

D = DocumentRow.__table__
CURRENT = D.c.superseded.is_(False)

log = logging.getLogger(__name__)

WORD = re.compile(r"^\w+$")
BATCH = 50
POOL = 500

_SQLITE_SCHEMA = ("CREATE VIRTUAL TABLE IF NOT EXISTS search_documents "
                  "USING fts5(words, tokenize='unicode61')",)
# The foreign key lets the store's deletes (and TRUNCATE ... CASCADE) empty the index too.
_PG_SCHEMA = ("CREATE TABLE IF NOT EXISTS search_documents (doc_id integer PRIMARY KEY "
              "REFERENCES documents(id) ON DELETE CASCADE, words tsvector NOT NULL)",
              "CREATE INDEX IF NOT EXISTS ix_search_documents_words ON search_documents USING gin (words)")


@cache
def _jieba():
    import jieba   # loading its dictionary takes half a second: only when search is used
    jieba.setLogLevel(logging.WARNING)
    return jieba


def words(text_: str) -> list[str]:
    return [w for w in _jieba().lcut_for_search(text_, HMM=False) if WORD.match(w)]


def query_terms(query: str) -> list[list[str]]:
    """Each word of the query with the shorter words it may be cut into: [[生产总值, 生产, 总值], ...]."""
    terms = []
    for word in _jieba().lcut(query, HMM=False):
        if not WORD.match(word):
            continue
        parts = [p for p in _jieba().lcut_for_search(word, HMM=False) if p != word and WORD.match(p)]
        terms.append([word, *parts])
    return terms


class SearchIndex:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"
        self._seen: tuple | None = None   # (count, max id) of documents when last brought up to date

    def ensure_schema(self) -> None:
        # PostgreSQL's CREATE ... IF NOT EXISTS is no guard against a second one at the same
        # moment (two first searches at once): the write lock makes them take turns.
        with writer(self.engine).begin() as conn:
            hold_write_lock(conn)
            for statement in _PG_SCHEMA if self.postgres else _SQLITE_SCHEMA:
                conn.execute(text(statement))

    def drop(self) -> None:
        """Remove the index (it is rebuilt on the next search): leaves the database with
        the store's schema only."""
        with writer(self.engine).begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS search_documents"))
        self._seen = None

    def refresh(self) -> int:
        """Index the current documents not yet indexed; how many were added."""
        with self.engine.connect() as conn:
            seen = tuple(conn.execute(select(func.count(), func.max(D.c.id))).one())
        if seen == self._seen:
            return 0
        if self._up_to_date():   # as after an ingest, which indexed its documents: no write lock taken
            self._seen = seen
            return 0
        self.ensure_schema()
        added = 0
        while True:
            # Look and write in one writer transaction: two servers never index a document twice.
            with writer(self.engine).begin() as conn:
                hold_write_lock(conn)
                batch = self._unindexed(conn)
                for doc_id, title, region, body in batch:
                    self._insert(conn, doc_id, " ".join(words(" ".join(filter(None, (title, region, body))))))
                if batch:   # cached search pages are out of date
                    version.bump(conn)
            if not batch:
                break
            added += len(batch)
        self._seen = seen
        if added:
            log.info("search index: %d documents added", added)
        return added

    def _up_to_date(self) -> bool:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("search_documents"):
                return False
            return conn.execute(self._unindexed_query(D.c.id).limit(1)).first() is None

    def _unindexed(self, conn: Connection) -> list:
        query = self._unindexed_query(D.c.id, D.c.title, D.c.region, D.c.text).order_by(D.c.id).limit(BATCH)
        return list(conn.execute(query))

    def _unindexed_query(self, *columns):
        indexed = select(column("doc_id" if self.postgres else "rowid")).select_from(table("search_documents"))
        return select(*columns).where(CURRENT, D.c.id.not_in(indexed))

    def _insert(self, conn: Connection, doc_id: int, joined: str) -> None:
        if self.postgres:
            conn.execute(text("INSERT INTO search_documents (doc_id, words) VALUES (:id, to_tsvector('simple', :w)) "
                              "ON CONFLICT (doc_id) DO NOTHING"), {"id": doc_id, "w": joined})
        else:
            conn.execute(text("INSERT INTO search_documents (rowid, words) VALUES (:id, :w)"),
                         {"id": doc_id, "w": joined})

    def documents(self, query: str, limit: int) -> list[int]:
        """Ids of current documents matching every query word, best first. A common
        word matches most documents: only the newest POOL hits are ranked, which
        costs little and rarely buries the best match."""
        terms = query_terms(query)
        if not terms:
            return []
        self.refresh()
        if self.postgres:
            sql, expression = _PG_SEARCH, " & ".join(_pg_term(t) for t in terms)
        else:
            sql, expression = _SQLITE_SEARCH, " AND ".join(_fts_term(t) for t in terms)
        with self.engine.connect() as conn:
            if self.postgres:
                # The table's own pages are few (the words live in TOAST), so the planner prices
                # a sequential scan as cheap, and it then unpacks every document's words to test
                # them: 100 ms on 1,339 reports, more with each one; the GIN index takes ~5 ms.
                conn.execute(text("SET LOCAL enable_seqscan = off"))
            rows = conn.execute(text(sql), {"q": expression, "pool": POOL, "n": limit})
            return [row[0] for row in rows]


_SQLITE_SEARCH = (
    "SELECT h.id FROM (SELECT rowid AS id, bm25(search_documents) AS score FROM search_documents "
    "WHERE search_documents MATCH :q ORDER BY rowid DESC LIMIT :pool) h "
    "JOIN documents d ON d.id = h.id WHERE d.superseded = 0 ORDER BY h.score, h.id DESC LIMIT :n")
# The matches first, from the GIN index alone (MATERIALIZED: not a walk of the primary key
# in doc_id order testing each row), then the newest POOL of them ranked.
_PG_SEARCH = (
    "WITH m AS MATERIALIZED (SELECT doc_id FROM search_documents WHERE words @@ to_tsquery('simple', :q)), "
    "h AS (SELECT doc_id FROM m ORDER BY doc_id DESC LIMIT :pool) "
    "SELECT s.doc_id FROM h JOIN search_documents s ON s.doc_id = h.doc_id "
    "JOIN documents d ON d.id = s.doc_id WHERE NOT d.superseded "
    "ORDER BY ts_rank(s.words, to_tsquery('simple', :q)) DESC, s.doc_id DESC LIMIT :n")


def _fts_term(term: list[str]) -> str:
    quoted = ['"' + w.replace('"', '""') + '"' for w in term]
    whole, parts = quoted[0], quoted[1:]
    return f"({whole} OR ({' AND '.join(parts)}))" if parts else whole


def _pg_term(term: list[str]) -> str:
    whole, parts = term[0], term[1:]
    return f"({whole} | ({' & '.join(parts)}))" if parts else whole
