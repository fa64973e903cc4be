"""The search page's view: indicators and regions named by the query, matching
documents with a passage around the first hit, and facts of the named indicators."""

from __future__ import annotations

from fastapi import HTTPException
from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import queries
from .queries import CURRENT, D, F, FACT_QUERY_COLUMNS, REGION_NAME
from ..store.search import SearchIndex, query_terms
from ..words import say

DOCUMENTS = 20
FACTS = 50
REGIONS = 20
PASSAGE = 60   # characters each side of the hit
MAX_QUERY = 200   # a search is a few words; a pasted page would cost every index a full scan


def query(q: str) -> str:
    q = q.strip()
    if len(q) > MAX_QUERY:
        raise HTTPException(400, say("搜索词过长：最多{n}个字符", "the search is too long: {n} characters at most", n=MAX_QUERY))
    return q


def hits(index: SearchIndex, q: str) -> list[int]:
    """The documents the full-text index finds, best first. Called before the page takes its
    connection: the index uses its own, and a request never holds two (32 searches at once
    would drain the pool and wait on each other)."""
    return index.documents(q, DOCUMENTS) if q else []


def search(conn: Connection, q: str, found: list[int]) -> dict:
    """The search page: indicators and regions the words name, the documents found, their facts."""
    view = {"q": q, "indicators": [], "regions": [], "documents": [], "facts": [], "tables": [],
            "filename": "planwatch-search"}
    if not q:
        return view
    words = [term[0] for term in query_terms(q)]
    indicators = sorted((i for i in queries.indicator_catalogue(conn)
                         if i["name"] in q or all(w in i["name"] for w in words)),
                        key=lambda i: (i["name"] not in q, len(i["name"])))
    regions = queries.find_regions(conn, words, REGIONS)
    documents = _documents(conn, found, [q, *words])
    named = [i["name"] for i in indicators if i["name"] in q] or [i["name"] for i in indicators]
    facts = _facts(conn, named, [r["key"] for r in regions]) if named else []
    view.update(indicators=indicators, regions=regions, documents=documents, facts=facts)
    view["tables"] = [{"name": "documents", "columns": ["id", "name", "title", "region", "doc_type", "date"],
                       "rows": documents},
                      {"name": "facts", "columns": ["indicator", "role", "period", "measure", "value", "unit",
                                                    "comparator", "region", "doc_name", "id", "document_id"],
                       "rows": facts}]
    return view


def _documents(conn: Connection, ids: list[int], words: list[str]) -> list[dict]:
    if not ids:
        return []
    rows = {row.id: row for row in conn.execute(
        select(D.c.id, D.c.name, D.c.title, REGION_NAME, D.c.doc_type, D.c.date, D.c.text).where(D.c.id.in_(ids)))}
    return [{k: v for k, v in rows[i]._mapping.items() if k != "text"} | {"passage": passage(rows[i].text, words)}
            for i in ids if i in rows]


def passage(text: str, words: list[str]) -> list[dict]:
    """The text around the earliest hit, cut into pieces: {"text", "hit"}."""
    hits = [(text.find(w), w) for w in sorted(words, key=len, reverse=True) if w and w in text]
    if not hits:
        return [{"text": text[:2 * PASSAGE], "hit": False}]
    at, word = min(hits)
    left, right = max(0, at - PASSAGE), min(len(text), at + len(word) + PASSAGE)
    window = text[left:right]
    pieces, pos = [], 0
    for index in sorted(_positions(window, words), key=lambda span: (span[0], -span[1])):
        start, end = index
        if start < pos:
            continue
        pieces += [{"text": window[pos:start], "hit": False}, {"text": window[start:end], "hit": True}]
        pos = end
    pieces.append({"text": window[pos:], "hit": False})
    return [p for p in pieces if p["text"]]


def _positions(window: str, words: list[str]) -> set[tuple[int, int]]:
    found = set()
    for word in words:
        start = window.find(word)
        while word and start >= 0:
            found.add((start, start + len(word)))
            start = window.find(word, start + len(word))
    return found


def _facts(conn: Connection, indicators: list[str], region_keys: list[str]) -> list[dict]:
    query = (select(*FACT_QUERY_COLUMNS).select_from(F.join(D, F.c.document_id == D.c.id))
             .where(F.c.indicator.in_(indicators), CURRENT))
    if region_keys:
        query = query.where(D.c.region_key.in_(region_keys))
    query = query.order_by(F.c.document_id.desc(), F.c.id).limit(FACTS)   # latest stored first, on the index
    return queries.facts(conn, query)
