"""Ingest a batch of files: each one loaded, extracted and stored on its own,
so that one bad file is reported and never stops the batch.

Each file is read (loaded and extracted) by a `Reader`, in a worker process
within the time and memory budget of the settings (reading.py); only this
process writes to the database. The statistics and search index are updated
once after the batch; a failure there (a full disk) is a warning on the
report, whose documents are stored already."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents import Document
from ..documents.loaders import load_bytes, read_bytes
from ..errors import DocumentError, PlanwatchError
from ..extract import Fact
from ..model import Commitment
from .reading import reader
from .records import IngestReport, IngestStep, StoredDocument
from .walk import files_under

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)

Progress = Callable[[IngestStep], None]
Read = Callable[[Path, bytes], tuple[Document, list[Fact], list[Commitment]]]


def ingest(store: Store, paths: Iterable[Path | str], on_progress: Progress | None = None,
           reextract: bool = False, read: Read | None = None) -> IngestReport:
    """`read`: how a file's bytes become a document, facts and commitments; by default this process's
    Reader (a worker process within budget); `reading.read_document` reads in process."""
    files = list(files_under(paths))
    report = IngestReport()
    for done, path in enumerate(files, 1):
        step = _ingest_file(store, read or reader().read, path, done, len(files), reextract)
        _count(report, step)
        if on_progress is not None:
            on_progress(step)
    _after_batch(store, report)
    return report


def _after_batch(store: Store, report: IngestReport) -> None:
    steps = []
    if report.documents or report.versions:
        steps.append(("search index", store.update_search))   # here, once per document, never in a search
    if report.documents or report.versions or report.refreshed:
        steps.append(("statistics", store.update_statistics))   # after the search index: its statistics too
    for name, step in steps:
        try:
            step()
        except PlanwatchError as exc:   # the batch's documents are stored: say so, and what was not done
            log.info("%s not updated after the batch: %s", name, exc)
            report.warnings.append(f"{name} not updated: {exc}")


def _ingest_file(store: Store, read: Read, path: Path, done: int, total: int, reextract: bool) -> IngestStep:
    try:
        # Content already stored is known by its hash alone: no decoding, no extraction.
        raw = read_bytes(path)   # read once: the hash check, then the loaders
        source = str(Path(path).absolute())   # what the document's versions follow
        known = store.find_content(hashlib.sha256(raw).hexdigest())
        if known is not None and not reextract and known.extractor_version == store.extractor_version:
            store.add_source(known.id, source)
            return IngestStep(str(path), "unchanged", done, total)
        document, facts, commitments = read(path, raw)
        # Facts another extractor version made are made again (review decisions are kept).
        refreshed = store.refresh(document, facts, commitments) if known is not None else None
        if refreshed is not None:
            store.add_source(refreshed.id, source)
            return IngestStep(str(path), "refreshed", done, total, facts=refreshed.fact_count)
        stored, added = store.add_document(document, facts, source=source, commitments=commitments)
    except DocumentError as exc:
        return IngestStep(str(path), "failed", done, total, reason=exc.reason)
    except PlanwatchError as exc:
        return IngestStep(str(path), "failed", done, total, reason=str(exc))
    except Exception as exc:  # a bug met on one document (say in the extractor) must not stop the batch
        log.exception("ingest of %s failed", path)
        return IngestStep(str(path), "failed", done, total, reason=f"internal error: {type(exc).__name__}: {exc}")
    if not added:
        return IngestStep(str(path), "unchanged", done, total)
    outcome = "added" if stored.version == 1 else "version"
    return IngestStep(str(path), outcome, done, total, facts=stored.fact_count)


def reextract(store: Store, documents: Iterable[StoredDocument], on_progress: Progress | None = None) -> IngestReport:
    """Extract stored documents again from their original bytes (the store keeps them): the
    loaders' tables and page furniture are needed as much as the text."""
    documents = list(documents)
    report = IngestReport()
    for done, stored in enumerate(documents, 1):
        step = _reextract_one(store, stored, done, len(documents))
        _count(report, step)
        if on_progress is not None:
            on_progress(step)
    if report.refreshed:
        store.update_statistics()
    return report


def _reextract_one(store: Store, stored: StoredDocument, done: int, total: int) -> IngestStep:
    label = f"{stored.name} (document {stored.id})"
    raw = store.original(stored.id)
    if raw is None:
        return IngestStep(label, "failed", done, total, reason="its original file was not kept: ingest the file again")
    try:
        refreshed = store.refresh(load_bytes(Path(stored.name), raw))
    except PlanwatchError as exc:
        return IngestStep(label, "failed", done, total, reason=getattr(exc, "reason", None) or str(exc))
    except Exception as exc:  # one document's bug must not stop the others
        log.exception("re-extraction of %s failed", label)
        return IngestStep(label, "failed", done, total, reason=f"internal error: {type(exc).__name__}: {exc}")
    if refreshed is None:
        return IngestStep(label, "failed", done, total, reason="no longer stored")
    return IngestStep(label, "refreshed", done, total, facts=refreshed.fact_count)


def _count(report: IngestReport, step: IngestStep) -> None:
    if step.outcome == "failed":
        report.failures.append((step.path, step.reason))
    elif step.outcome == "unchanged":
        report.unchanged += 1
    elif step.outcome == "version":
        report.versions += 1
    elif step.outcome == "refreshed":
        report.refreshed += 1
    else:
        report.documents += 1
    report.facts += step.facts
