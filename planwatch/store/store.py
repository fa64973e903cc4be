"""The Store: the one way into the database for every other stage.

    store = Store()                       # settings "database_url", schema migrated on open
    report = store.ingest(["docs/"])      # files and folders; one transaction per document
    store.facts(region="洪山区", indicator="地区生产总值")

Reads return frozen records (records.py); readers never hold a session.
By default listings show the latest version of each document and its facts.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from pathlib import Path

from sqlalchemy import Engine, delete, exists, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker, undefer

from .. import __version__, settings
from ..documents import Document, region_key
from ..errors import NotStored, QueryError, StoreError
from ..extract import Fact, extract_all
from ..model import Commitment, Period
from . import audit as audit_log
from . import catalogue, entries, history, review, version
from . import commitments as commitment_rows
from .audit import AuditEntry
from .convert import (FACT_QUERY_COLUMNS, FULLEST_REGION, document_row, fact_values, read_fields, stored_document,
                      narrowed, stored_fact, window)
from .engine import hold_write_lock, migrate, open_engine, require_database, writer
from .ingest import Progress, Read, ingest, reextract
from .models import CommitmentRow, DocumentRow, FactRow, IndicatorRow, SourceRow
from .queue import review_progress, review_queue
from .records import (Decision, IngestReport, ReviewProgress, ReviewQueue, StoredCommitment, StoredDocument,
                      StoredFact, StoredIndicator)

EXTRACTOR_VERSION = __version__


def _database_errors(method):
    """A database failure becomes a StoreError naming what was refused."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except SQLAlchemyError as exc:
            raise StoreError(f"{method.__name__}: the database refused: {getattr(exc, 'orig', None) or exc}") from exc
    return wrapper


class Store:
    def __init__(self, url: str | None = None, create: bool = True, extractor_version: str = EXTRACTOR_VERSION):
        """create=False (what read commands pass): NoDatabase where none exists, and none is made.
        `extractor_version`: what the facts this store extracts are marked with; a document whose
        facts another version extracted is extracted again when it is ingested again."""
        self.url = url or settings.get("database_url")
        self.extractor_version = extractor_version
        if not create:
            require_database(self.url)
        self._engine = open_engine(self.url)
        migrate(self._engine)
        self._reader = sessionmaker(self._engine, expire_on_commit=False)
        self._writer = sessionmaker(writer(self._engine), expire_on_commit=False)
        self._catalogue_synced = False

    @property
    def engine(self) -> Engine:
        """For read-only SQL of other stages (the dashboard's aggregates); writes go through Store."""
        return self._engine

    @_database_errors
    def update_statistics(self) -> None:
        """Refresh the query planner's statistics after a batch: without them PostgreSQL
        (autovacuum may be off) scans every fact for one region's page."""
        statement = "ANALYZE" if self._engine.dialect.name == "postgresql" else "PRAGMA optimize"
        with writer(self._engine).begin() as conn:   # SQLite: optimize may write, so take the write lock first
            conn.execute(text(statement))

    @_database_errors
    def update_search(self) -> int:
        """Index the documents not yet in the full-text search index (search.py); how many."""
        from .search import SearchIndex   # jieba loads only when there is something to index

        return SearchIndex(self._engine).refresh()

    @_database_errors
    def data_version(self) -> int:
        """A number that changes with every write to this database (by any process)."""
        with self._engine.connect() as conn:
            return version.current(conn)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---- writing

    def ingest(self, paths: Iterable[Path | str], on_progress: Progress | None = None,
               reextract: bool = False, read: Read | None = None) -> IngestReport:
        """Store every file of `paths` (folders recursively); see ingest.py.
        With `reextract`, files already stored are read again (`refresh`)."""
        return ingest(self, paths, on_progress, reextract, read)

    @_database_errors
    def add_document(self, document: Document, facts: list[Fact] | None = None,
                     source: str | None = None, user: str | None = None,
                     commitments: list[Commitment] | None = None) -> tuple[StoredDocument, bool]:
        """Store a document with its facts and commitments (both extracted here unless facts
        are given; given facts come with the commitments given, if any); (stored, False)
        when its content is already stored, from this source or another (the source is
        then remembered too).

        A new content from a stored source (a path) becomes that document's next version
        and marks the previous one superseded (kept, with its facts). Without a source (an
        upload), or from a source never seen, it follows a document of the same name and
        region that no source claims. With a `user`, a new document is written to the audit
        log in the same transaction."""
        self._sync_catalogue()
        with self._reader() as session:
            known = _same_content(session, document.sha256)
        if known is not None:
            if source is not None:
                self.add_source(known.id, source)
            return stored_document(known), False
        if facts is None:
            facts, commitments = extract_all(document)
        return self._insert(document, facts, source, user, commitments or [])

    @_database_errors
    def add_source(self, document_id: int, source: str) -> None:
        """Remember that a stored document was also read from `source` (nothing if known)."""
        wanted = select(SourceRow.id).where(SourceRow.document_id == document_id, SourceRow.source == source)
        with self._reader() as session:
            if session.scalar(wanted) is not None:
                return
        with self._write() as session:
            if session.scalar(wanted) is None:
                session.add(SourceRow(document_id=document_id, source=source))

    @_database_errors
    def sources(self, document_id: int) -> list[str]:
        """Where a document was read from, in the order first seen."""
        with self._reader() as session:
            return list(session.scalars(select(SourceRow.source).where(SourceRow.document_id == document_id)
                                        .order_by(SourceRow.id)))

    @_database_errors
    def refresh(self, document: Document, facts: list[Fact] | None = None,
                commitments: list[Commitment] | None = None) -> StoredDocument | None:
        """Replace the metadata, facts and commitments stored for this content by a new reading
        of it (after the extractor improved); same id and version. None when the content is not stored.
        Every review decision on this content is applied again (review.apply); where the new
        extraction disagrees with one, `review_conflicts()` lists it."""
        self._sync_catalogue()
        with self._reader() as session:
            if _same_content(session, document.sha256) is None:
                return None
        if facts is None:
            facts, commitments = extract_all(document)
        with self._write() as session:
            row = _same_content(session, document.sha256)
            if row is None:
                return None
            commitment_rows.replace(session, row.id, commitments or [], self.extractor_version)
            for key, value in read_fields(document).items():
                setattr(row, key, value)
            row.fact_count, row.extractor_version = len(facts), self.extractor_version
            session.execute(delete(FactRow).where(FactRow.document_id == row.id))
            _insert_facts(session, row.id, facts, self.extractor_version)
            for subject in SUBJECTS.values():
                review.apply(session, row, self.extractor_version, subject)
            session.flush()
            return stored_document(row)

    def _insert(self, document: Document, facts: list[Fact], source: str | None,
                user: str | None = None, commitments: list[Commitment] = ()) -> tuple[StoredDocument, bool]:
        with self._write() as session:
            known = _same_content(session, document.sha256)
            if known is not None:
                if source is not None and source not in _sources_of(session, known.id):
                    session.add(SourceRow(document_id=known.id, source=source))
                return stored_document(known), False
            latest = _replaced(session, document, source)
            if latest is not None:
                latest.superseded = True
            row = document_row(document, latest.version + 1 if latest else 1, len(facts), self.extractor_version)
            session.add(row)
            session.flush()
            if source is not None:
                session.add(SourceRow(document_id=row.id, source=source))
            _insert_facts(session, row.id, facts, self.extractor_version)
            if commitments:
                commitment_rows.replace(session, row.id, list(commitments), self.extractor_version)
            for subject in SUBJECTS.values():
                if latest is not None:
                    review.carry(session, latest, row, self.extractor_version, subject)
                # this content may have been reviewed before
                review.apply(session, row, self.extractor_version, subject)
            if user is not None:
                audit_log.record(session, user, "document.add", "document", row.id, None,
                                 {"name": row.name, "version": row.version, "sha256": row.sha256})
            return stored_document(row), True

    @_database_errors
    def audit(self, user: str | None, action: str, object_kind: str, object_id: object = None,
              before: dict | None = None, after: dict | None = None) -> None:
        """Append one entry to the audit log in a transaction of its own. A change made in a
        write transaction records its entry there instead (`audit.record(session, ...)` in
        `with store.write() as session`), so both are committed or neither."""
        with self._write() as session:
            audit_log.record(session, user, action, object_kind, object_id, before, after)

    @_database_errors
    def audit_entries(self, object_kind: str | None = None, object_id: object = None, user: str | None = None,
                      limit: int | None = None) -> list[AuditEntry]:
        """The audit log, newest first, narrowed to one kind of object, one object or one user."""
        with self._reader() as session:
            return audit_log.entries(session, object_kind, object_id, user, limit)

    def write(self) -> AbstractContextManager[Session]:
        """A write transaction for the other stages' own tables (accounts, reviews), holding
        the one write lock, committed at the end."""
        return self._write()

    def read(self) -> Session:
        """A read session (a context manager) for the other stages' own tables."""
        return self._reader()

    def add_commitments(self, document_id: int, commitments: list[Commitment]) -> int:
        """Store a document's commitments (tasks and projects), replacing any stored for it
        before; how many. StoreError when there is no such document."""
        with self._write() as session:
            document = session.get(DocumentRow, document_id)
            if document is None:
                raise StoreError(f"no document with id {document_id}")
            commitment_rows.replace(session, document_id, commitments, self.extractor_version)
            review.apply(session, document, self.extractor_version, commitment_rows.COMMITMENTS)
        return len(commitments)

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One write transaction, committed at the end, holding the write lock throughout;
        it raises the data version (version.py), so caches of stored data see the change."""
        with self._writer.begin() as session:
            hold_write_lock(session)
            version.bump(session)
            yield session

    def _sync_catalogue(self) -> None:
        """Once per Store, before its first write: the catalogue table as the YAML file says."""
        if self._catalogue_synced:
            return
        entries = catalogue.wanted()
        with self._reader() as session:
            current = catalogue.stored(session) == entries
        if not current:
            with self._write() as session:
                catalogue.replace(session, entries)
        self._catalogue_synced = True

    # ---- review (review.py): every web action is one of these calls; `actor` names who decides;
    # `what` says whether the id is a fact's (the default) or a commitment's

    @_database_errors
    def confirm(self, record_id: int, actor: str, expected: int | None = None, what: str = "fact") -> Decision:
        """The fact (or commitment) is right as it stands. `expected`, here and below: its decision_id
        as the caller read it (0 when unreviewed); EditConflict if someone decided since."""
        with self._write() as session:
            decision = review.decide(session, record_id, "confirmed", actor, expected=expected, subject=_subject(what))
            return _audited(session, "confirm", record_id, decision)

    @_database_errors
    def correct(self, record_id: int, changes: Mapping, actor: str, expected: int | None = None,
                what: str = "fact") -> Decision:
        """Set some of the fact's fields (review.CORRECTABLE: indicator from the catalogue, role,
        period, measure, value, unit, comparator, flags ...), or of the commitment's
        (commitments.CORRECTABLE), given as typed; QueryError for a bad one."""
        with self._write() as session:
            decision = review.decide(session, record_id, "corrected", actor, changes, expected, _subject(what))
            return _audited(session, "correct", record_id, decision)

    @_database_errors
    def reject(self, record_id: int, actor: str, expected: int | None = None, what: str = "fact") -> Decision:
        """Not a fact (or commitment): gone from every read, and from every later extraction of this content."""
        with self._write() as session:
            decision = review.decide(session, record_id, "rejected", actor, expected=expected, subject=_subject(what))
            return _audited(session, "reject", record_id, decision)

    @_database_errors
    def add_fact(self, document_id: int, start: int, end: int, fields: Mapping, actor: str) -> Decision:
        """A fact the extraction missed, its evidence the document's text[start:end]; `fields` as
        for `correct`, indicator, role, period and measure required."""
        self._sync_catalogue()
        return self._add(document_id, start, end, fields, actor, review.FACTS)

    @_database_errors
    def add_commitment(self, document_id: int, start: int, end: int, fields: Mapping, actor: str) -> Decision:
        """A commitment the extraction missed, its evidence the document's text[start:end]; `fields`
        as for `correct`, kind, role, period, object and stage required."""
        return self._add(document_id, start, end, fields, actor, commitment_rows.COMMITMENTS)

    def _add(self, document_id: int, start: int, end: int, fields: Mapping, actor: str,
             subject: review.Subject) -> Decision:
        with self._write() as session:
            decision = review.add(session, document_id, start, end, fields, actor, subject)
            record_id = session.scalar(select(subject.table.id).where(subject.table.decision_id == decision.id))
            return _audited(session, "add", record_id, decision)

    def enter_fact(self, region: str, fields: Mapping, source: str, actor: str) -> tuple[Decision, int]:
        """Manual entry (填报, entries.py): a fact no stored document states, for `region`, with its
        written source; `fields` as for `add_fact`. The decision and the new fact's id."""
        self._sync_catalogue()
        with self._write() as session:
            decision, fact_id = entries.enter(session, region, fields, source, actor)
            audit_log.record(session, decision.actor, "fact.enter", "fact", fact_id, None, decision.after)
        self.update_search()
        return decision, fact_id

    @_database_errors
    def review_conflicts(self, what: str | None = None) -> list[Decision]:
        """Decisions a later extraction disagrees with (see Decision.conflict), for a person to settle:
        on facts and commitments, or on those `what` names."""
        with self._reader() as session:
            return [found for name, subject in SUBJECTS.items() if what in (None, name)
                    for found in review.conflicts(session, subject)]

    @_database_errors
    def settle_conflict(self, decision_id: int, keep: str, actor: str, what: str = "fact") -> Decision:
        """keep="decision": it stands; keep="extraction": it is withdrawn and the record is as extracted."""
        with self._write() as session:
            decision = review.settle(session, decision_id, keep, actor, _subject(what))
            return _audited(session, f"settle.{keep}", _shown_on(session, decision), decision)

    @_database_errors
    def withdraw(self, decision_id: int, actor: str, what: str = "fact") -> Decision:
        """Undo a decision: its record is again as extracted, unreviewed (a rejected one is back)."""
        with self._write() as session:
            decision = review.withdraw(session, decision_id, actor, _subject(what))
            return _audited(session, "withdraw", _shown_on(session, decision), decision)

    @_database_errors
    def fact_history(self, fact_id: int) -> tuple[StoredFact, list[Decision]]:
        """A stored fact and every decision made on it, oldest first (history.py)."""
        with self._reader() as session:
            return history.fact_history(session, fact_id)

    @_database_errors
    def decisions(self, document_id: int | None = None, history: bool = False, what: str = "fact") -> list[Decision]:
        """The decisions in force (on one document's content), or with `history` every one made."""
        with self._reader() as session:
            sha256 = None
            if document_id is not None:
                sha256 = session.scalar(select(DocumentRow.sha256).where(DocumentRow.id == document_id))
                if sha256 is None:
                    raise NotStored(f"no document with id {document_id}", f"没有编号为 {document_id} 的文件")
            return review.decisions(session, sha256, history, _subject(what))

    @_database_errors
    def review_queue(self, region: str | None = None, document_id: int | None = None,
                     indicator: str | None = None, limit: int = 50) -> ReviewQueue:
        """Unreviewed facts, weakest first (confidence, then the facts that decide a verdict; see
        queue.py), with the progress (reviewed of all) of the regions and documents in scope."""
        self._require_region(region)
        with self._reader() as session:
            return review_queue(session, region, document_id, indicator, limit)

    @_database_errors
    def review_progress(self, region: str | None = None, document_id: int | None = None) -> list[ReviewProgress]:
        """Reviewed facts of all and reviewed commitments of all, per region in scope, then per
        document (current versions)."""
        self._require_region(region)
        with self._reader() as session:
            return review_progress(session, region, document_id)

    def reextract(self, region: str | None = None, on_progress: Progress | None = None,
                  document_id: int | None = None) -> IngestReport:
        """Extract the current documents (of a region), or the one document asked for, again from
        the files as received; decisions kept."""
        found = [self.document(document_id, with_text=False)] if document_id is not None else self.documents(region)
        documents = [d for d in found if d.doc_type != entries.DOC_TYPE]   # 填报 has no file to read
        return reextract(self, documents, on_progress)

    # ---- reading

    @_database_errors
    def documents(self, region: str | None = None, include_superseded: bool = False) -> list[StoredDocument]:
        query = select(DocumentRow, FULLEST_REGION).order_by(DocumentRow.name, DocumentRow.version)
        if not include_superseded:
            query = query.where(DocumentRow.superseded.is_(False))
        if region is not None:
            self._require_region(region)
            query = query.where(DocumentRow.region_key == region_key(region))
        with self._reader() as session:
            return [replace(stored_document(row), region=name) for row, name in session.execute(query)]

    def _require_region(self, region: str | None) -> None:
        if region is None:
            return
        probe = select(DocumentRow.id).where(DocumentRow.region_key == region_key(region)).limit(1)
        with self._reader() as session:
            if session.scalar(probe) is None:
                stored = self.regions()
                listed = "、".join(stored[:12]) + ("…" if len(stored) > 12 else "") if stored else "none yet"
                raise NotStored(f"no stored document is of region {region} (stored regions: {listed})",
                                f"没有地区“{region}”的文件（已有：{listed if stored else '无'}）")

    @_database_errors
    def document(self, doc_id: int, with_text: bool = True) -> StoredDocument:
        """One document, any version, with its text unless not asked for; StoreError when there is none."""
        with self._reader() as session:
            row = session.get(DocumentRow, doc_id, options=[undefer(DocumentRow.text)] if with_text else [])
            if row is None:
                raise StoreError(f"no document with id {doc_id}")
            return stored_document(row, with_text=with_text)

    @_database_errors
    def passage(self, doc_id: int, start: int, end: int) -> str:
        """The words at start:end of a document, read without its whole text; StoreError when there is none."""
        with self._reader() as session:
            words = session.scalar(select(window(DocumentRow.text, start, end)).where(DocumentRow.id == doc_id))
            if words is None:
                raise StoreError(f"no document with id {doc_id}")
            return words

    @_database_errors
    def find_content(self, sha256: str) -> StoredDocument | None:
        """The latest version holding exactly these bytes (by SHA-256), under any name."""
        with self._reader() as session:
            row = _same_content(session, sha256)
            return stored_document(row) if row is not None else None

    @_database_errors
    def original(self, doc_id: int) -> bytes | None:
        """The file as it was received."""
        with self._reader() as session:
            return session.scalar(select(DocumentRow.original).where(DocumentRow.id == doc_id))

    @_database_errors
    def facts(self, region: str | None = None, indicator: str | None = None, period: str | None = None,
              role: str | None = None, measure: str | None = None, document_id: int | None = None,
              include_superseded: bool = False) -> list[StoredFact]:
        """Facts in document order; of the latest versions unless a document_id is given.
        QueryError for a malformed period, NotStored for a region no stored document is of."""
        if period is not None:
            period = Period.asked(period)
        self._require_region(region)
        query = (select(*FACT_QUERY_COLUMNS).join_from(FactRow, DocumentRow)
                 .order_by(DocumentRow.name, DocumentRow.version, FactRow.id))
        query = narrowed(query, {FactRow.indicator: indicator, FactRow.period: period, FactRow.role: role,
                                 FactRow.measure: measure, FactRow.document_id: document_id,
                                 DocumentRow.region_key: region_key(region) if region is not None else None},
                         current=document_id is None and not include_superseded)
        with self._reader() as session:
            return [stored_fact(row._mapping) for row in session.execute(query)]

    @_database_errors
    def commitments(self, region: str | None = None, period: str | None = None, role: str | None = None,
                    kind: str | None = None, stage: str | None = None,
                    document_id: int | None = None) -> list[StoredCommitment]:
        """Commitments in document order (by date); of the latest versions unless a
        document_id is given. QueryError for a malformed period, NotStored for a region
        no stored document is of."""
        if period is not None:
            period = Period.asked(period)
        self._require_region(region)
        query = commitment_rows.query(region, period, role, kind, stage, document_id)
        with self._reader() as session:
            return [commitment_rows.stored_commitment(row._mapping) for row in session.execute(query)]

    @_database_errors
    def regions(self) -> list[str]:
        """Each region of the latest documents once, by its fullest name, in key order."""
        query = (select(DocumentRow.region_key, FULLEST_REGION).distinct()
                 .where(DocumentRow.superseded.is_(False), DocumentRow.region_key.is_not(None))
                 .order_by(DocumentRow.region_key))
        with self._reader() as session:
            return [name for _, name in session.execute(query)]

    @_database_errors
    def indicators(self) -> list[StoredIndicator]:
        """The indicator catalogue as last synchronised by a write."""
        with self._reader() as session:
            rows = session.scalars(select(IndicatorRow).order_by(IndicatorRow.name))
            return [StoredIndicator(row.name, row.category, row.unit) for row in rows]


SUBJECTS = {subject.name: subject for subject in (review.FACTS, commitment_rows.COMMITMENTS)}


def _subject(what: str) -> review.Subject:
    if what not in SUBJECTS:
        raise QueryError(f"{what!r} is not reviewed: choose one of {', '.join(SUBJECTS)}", f"“{what}”不可审核")
    return SUBJECTS[what]


def _shown_on(session: Session, decision: Decision) -> int | None:
    """The id of the record a settled or withdrawn decision now shows on, for the audit log."""
    if decision.subject == "fact":
        return history.fact_of(session, decision)
    return session.scalar(select(CommitmentRow.id).where(CommitmentRow.decision_id == decision.id).limit(1))


def _audited(session: Session, verb: str, record_id: int | None, decision: Decision) -> Decision:
    """A person's decision enters the audit log in its own transaction: both or neither."""
    audit_log.record(session, decision.actor, f"{decision.subject}.{verb}", decision.subject, record_id,
                     decision.before, decision.after)
    return decision


def _insert_facts(session: Session, document_id: int, facts: list[Fact], extractor_version: str) -> None:
    """One bulk INSERT: a unit-of-work object per fact costs ten times as much."""
    if facts:
        session.execute(insert(FactRow), [fact_values(fact, document_id, extractor_version) for fact in facts])


def _replaced(session: Session, document: Document, source: str | None) -> DocumentRow | None:
    """The current version a new content replaces: the one read from the same source;
    else one of the same name and region that no source claims (an upload, or a document
    stored before sources were kept; two regions' 政府工作报告.html are different documents)."""
    current = DocumentRow.superseded.is_(False)
    if source is not None:
        same_source = (select(DocumentRow).join(SourceRow, SourceRow.document_id == DocumentRow.id)
                       .where(SourceRow.source == source, current))
        if (row := session.scalars(same_source.limit(1)).first()) is not None:
            return row
    key = region_key(document.meta.region)
    same_region = DocumentRow.region_key.is_(None) if key is None else DocumentRow.region_key == key
    unclaimed = ~exists().where(SourceRow.document_id == DocumentRow.id)
    return session.scalars(select(DocumentRow).where(DocumentRow.name == document.name, same_region, current,
                                                     unclaimed).limit(1)).first()


def _sources_of(session: Session, document_id: int) -> set[str]:
    return set(session.scalars(select(SourceRow.source).where(SourceRow.document_id == document_id)))


def _same_content(session: Session, sha256: str) -> DocumentRow | None:
    """A latest version with this content, under this name or another."""
    return session.scalars(select(DocumentRow).where(DocumentRow.sha256 == sha256,
                                                     DocumentRow.superseded.is_(False))
                           .order_by(DocumentRow.id).limit(1)).first()
