"""Indices the dashboard's reads need on a large database (see bench/api_latency.py).

They belong in the store's models and a migration; until the store has them,
the app makes them on start (IF NOT EXISTS, a no-op once they exist). With the
same names in planwatch/store/models.py this module can go.

- documents (region_key, superseded, date): a region's current documents,
  newest first, without scanning every current document;
- facts (indicator, measure, document_id): which measures an indicator has,
  some regions that state it, its facts in given documents, latest facts first.
"""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..store.engine import writer

INDICES = {
    "ix_documents_region_current": "documents (region_key, superseded, date)",
    "ix_facts_indicator_measure": "facts (indicator, measure, document_id)",
}


def ensure_indices(engine: Engine) -> None:
    try:
        with writer(engine).begin() as conn:
            for name, columns in INDICES.items():
                conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON {columns}"))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot add the dashboard's indices: {getattr(exc, 'orig', None) or exc}") from exc


def drop_own_schema(engine: Engine) -> None:
    """Remove what the dashboard added (these indices, the search index), leaving the
    schema the store's migrations made: for a database shared by tests of other stages."""
    with writer(engine).begin() as conn:
        for name in INDICES:
            conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
        conn.execute(text("DROP TABLE IF EXISTS search_documents"))
