"""Ingest a batch of files: each one loaded, extracted and stored on its own,
so that one bad file is reported and never stops the batch."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..documents.loaders import load_bytes, read_bytes
from ..errors import DocumentError, PlanwatchError
from .records import IngestReport, IngestStep, StoredDocument
from .walk import files_under

if TYPE_CHECKING:
    from .store import Store

log = logging.getLogger(__name__)

Progress = Callable[[IngestStep], None]


def ingest(store: Store, paths: Iterable[Path | str], on_progress: Progress | None = None,
           reextract: bool = False) -> IngestReport:
    files = list(files_under(paths))
    report = IngestReport()
    for done, path in enumerate(files, 1):
        step = _ingest_file(store, path, done, len(files), reextract)
        _count(report, step)
        if on_progress is not None:
            on_progress(step)
    if report.documents or report.versions or report.refreshed:
        store.update_statistics()
    if report.documents or report.versions:
        store.update_search()   # here, once per document, not inside the first search request
    return report


def _ingest_file(store: Store, path: Path, done: int, total: int, reextract: bool) -> IngestStep:
    try:
        # Content already stored is known by its hash alone: no decoding, no extraction.
        raw = read_bytes(path)   # read once: the hash check, then the loaders
        source = str(Path(path).absolute())   # what the document's versions follow
        known = store.find_content(hashlib.sha256(raw).hexdigest())
        if known is not None and not reextract and known.extractor_version == store.extractor_version:
            store.add_source(known.id, source)
            return IngestStep(str(path), "unchanged", done, total)
        document = load_bytes(path, raw)
        # Facts another extractor version made are made again (review decisions are kept).
        refreshed = store.refresh(document) if known is not None else None
        if refreshed is not None:
            store.add_source(refreshed.id, source)
            return IngestStep(str(path), "refreshed", done, total, facts=refreshed.fact_count)
        stored, added = store.add_document(document, source=source)
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
