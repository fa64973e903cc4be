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
from .records import IngestReport, IngestStep
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
    if report.documents or report.versions:
        store.update_search()   # here, once per document, not inside the first search request
    if report.documents or report.versions or report.refreshed:
        store.update_statistics()   # after the search index is filled: its statistics too
    return report


def _ingest_file(store: Store, path: Path, done: int, total: int, reextract: bool) -> IngestStep:
    try:
        # Content already stored is known by its hash alone: no decoding, no extraction.
        raw = read_bytes(path)   # read once: the hash check, then the loaders
        source = str(Path(path).absolute())   # what the document's versions follow
        if not reextract and (known := store.find_content(hashlib.sha256(raw).hexdigest())):
            store.add_source(known.id, source)
            return IngestStep(str(path), "unchanged", done, total)
        document = load_bytes(path, raw)
        refreshed = store.refresh(document) if reextract else None
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
