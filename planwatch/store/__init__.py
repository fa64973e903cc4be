"""Stage 3: versioned documents and their facts in SQLite or PostgreSQL.

    from planwatch.store import Store
    with Store() as store:            # PLANWATCH_DATABASE_URL, default sqlite:///planwatch.db
        report = store.ingest(["folder/"])
        facts = store.facts(region="洪山区", indicator="地区生产总值")
        store.add_commitments(document_id, commitments)    # tasks and projects beside the facts
        promised = store.commitments(region="洪山区", period="2024", role="target")
        store.correct(facts[0].id, {"value": "7"}, actor="张三")   # review: see review.py
"""

from .audit import AuditEntry
from .records import (Decision, IngestReport, IngestStep, ReviewProgress, ReviewQueue, StoredCommitment,
                      StoredDocument, StoredFact, StoredIndicator)
from .store import Store

__all__ = ["AuditEntry", "Decision", "IngestReport", "IngestStep", "ReviewProgress", "ReviewQueue", "Store",
           "StoredCommitment", "StoredDocument", "StoredFact", "StoredIndicator"]
