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

INDICES = (
    "CREATE INDEX IF NOT EXISTS ix_documents_region_current ON documents (region_key, superseded, date)",
    "CREATE INDEX IF NOT EXISTS ix_facts_indicator_measure ON facts (indicator, measure, document_id)",
)


def ensure_indices(engine: Engine) -> None:
    try:
        with writer(engine).begin() as conn:
            for statement in INDICES:
                conn.execute(text(statement))
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot add the dashboard's indices: {getattr(exc, 'orig', None) or exc}") from exc
