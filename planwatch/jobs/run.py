"""Running one job, whichever queue handed it over. An ingest job: the upload's bytes are
read as `planwatch ingest` reads a file (in the Reader's worker process, within the document
budget), stored in one transaction, indexed for search, and the job marked done. A
re-extraction job: a stored document is read again from its original file as `planwatch
reextract` reads it, its facts and commitments replaced (review decisions applied again).

Running a job again is safe: a document is stored in one transaction, and bytes
already stored are found by their hash, so a retry after a crash at any point stores
the document once and points the job at it.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
from pathlib import Path

from ..documents.loaders import read_bytes
from ..errors import (DecodeError, DocumentError, EmptyDocument, OverLimit, PlanwatchError, StoreError,
                      UnsupportedFormat)
from ..store import Store
from ..store.reading import Reader, reader
from . import records

log = logging.getLogger(__name__)

INGEST = "ingest"
REEXTRACT = "reextract"

# What failed, for the job page's words (strings.yaml job_error_<kind>); the most specific first.
_KINDS = ((OverLimit, "over_limit"), (EmptyDocument, "empty"), (UnsupportedFormat, "unsupported"),
          (DecodeError, "decode"), (DocumentError, "unreadable"), (StoreError, "store"))


def error_kind(exc: BaseException) -> str:
    return next((kind for cls, kind in _KINDS if isinstance(exc, cls)), "internal")


def run_job(store: Store, job_id: int, read: Reader | None = None) -> records.Job | None:
    """Run the job unless it is finished (or unknown); the job as it ended."""
    started = records.start(store.engine, job_id)
    if started is None:
        return None
    job, content = started
    try:
        if job.kind == REEXTRACT:
            stored_id, added = _reextract(store, job), False
        elif content is None:
            raise StoreError("the uploaded file was not kept: upload it again")
        else:
            stored_id, added = _ingest(store, job, content, read or reader())
    except DocumentError as exc:
        records.fail(store.engine, job_id, error_kind(exc), exc.reason)
    except PlanwatchError as exc:
        records.fail(store.engine, job_id, error_kind(exc), str(exc))
    except Exception as exc:   # a bug met on one document: the job fails, the worker goes on
        log.exception("job %d (%s) failed", job_id, job.name)
        records.fail(store.engine, job_id, "internal", f"internal error: {type(exc).__name__}: {exc}")
    else:
        records.stage(store.engine, job_id, "indexing")
        try:   # the document is stored: a search index that cannot be updated now is, at the next ingest
            store.update_search()
        except PlanwatchError as exc:
            log.warning("job %d: search index not updated: %s", job_id, exc)
        records.finish(store.engine, job_id, stored_id, added)
    return records.get(store.engine, job_id)


def _ingest(store: Store, job: records.Job, content: bytes, read: Reader) -> tuple[int, bool]:
    with tempfile.TemporaryDirectory(prefix="planwatch-job-") as folder:
        path = Path(folder) / job.name   # the name as uploaded: the loaders go by its extension
        path.write_bytes(content)
        raw = read_bytes(path)   # the same checks as a file given to `planwatch ingest`
        if known := store.find_content(hashlib.sha256(raw).hexdigest()):
            return known.id, False
        document, facts, commitments = read.read(path, raw)
    records.stage(store.engine, job.id, "storing")
    stored, added = store.add_document(document, facts, user=job.user, commitments=commitments)
    return stored.id, added


def _reextract(store: Store, job: records.Job) -> int:
    """The document extracted again (its id); StoreError saying why not."""
    if job.document_id is None:
        raise StoreError("the document has since been deleted")
    report = store.reextract(document_id=job.document_id)
    if report.failures:
        raise StoreError(report.failures[0][1])
    if not report.refreshed:
        raise StoreError("entered figures (填报) have no file to read again")
    store.audit(job.user, "document.reextract", "document", job.document_id)
    return job.document_id
