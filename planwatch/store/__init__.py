"""Stage 3: versioned documents and their facts in SQLite or PostgreSQL.

    from planwatch.store import Store
    with Store() as store:            # PLANWATCH_DATABASE_URL, default sqlite:///planwatch.db
        report = store.ingest(["folder/"])
        facts = store.facts(region="洪山区", indicator="地区生产总值")
"""

from .audit import AuditEntry
from .records import IngestReport, IngestStep, StoredDocument, StoredFact, StoredIndicator
from .store import Store

__all__ = ["AuditEntry", "IngestReport", "IngestStep", "Store", "StoredDocument", "StoredFact", "StoredIndicator"]
