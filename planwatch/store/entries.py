"""Manual entry (填报): a figure no stored document states, entered by a reviewer with its
source written down (who published it, where, when).

An entered fact is a fact like the others, so that every reader (verdicts, plan progress,
findings, report tables, exports, search, the API) counts it without knowing about entry:
it belongs to its region's entries document, one per region (doc_type "entries", no
original file, never extracted), whose text is the log of what was entered there, one
line per entry, each line the entered fact's evidence span. The fact is added by hand
(review state "added", a decision like any other), so it is corrected, rejected and
withdrawn like one; its `source` field says where the figure comes from.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from datetime import datetime, timezone

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, undefer

from ..documents import region_key
from ..documents.regions import region_level
from ..errors import NotStored, QueryError
from .models import DocumentRow, FactRow
from .records import Decision
from .review import FACTS, _append, _enforce, _record, fact_json, written

DOC_TYPE = "entries"
FORMAT = "entry"
MAX_SOURCE = 500


def enter(session: Session, region: str, fields: Mapping, source: str, actor: str) -> tuple[Decision, int]:
    """Enter one fact for `region` (any form of its name; a region with stored documents);
    the decision and the new fact's id."""
    source = (source or "").strip()
    if not source:
        raise QueryError("an entered fact needs its source written down (who published it, where, when)",
                         "填报数据须写明来源（发布机构、出处、日期）")
    if len(source) > MAX_SOURCE or "\x00" in source:
        raise QueryError(f"the source is at most {MAX_SOURCE} characters of text", f"来源最多 {MAX_SOURCE} 字")
    document = _entries_document(session, region)
    fact = written(dict(fields, source=source), 0, 1)   # checked before anything is written
    line = _line(fact, actor)
    start = len(document.text)
    fact = dataclasses.replace(fact, start=start, end=start + len(line))
    document.text += line + "\n"
    document.date = datetime.now(timezone.utc).date().isoformat()   # the entries' date: they are the latest word
    session.flush()
    decision = _append(session, FACTS, document, FACTS.key(fact), "added", actor, None, None, fact_json(fact), None)
    _enforce(session, FACTS, document, decision, None)
    _forget_search(session, document.id)
    fact_id = session.scalar(select(FactRow.id).where(FactRow.decision_id == decision.id))
    return _record(FACTS, decision), fact_id


def _entries_document(session: Session, region: str) -> DocumentRow:
    key = region_key(region)
    named = select(DocumentRow.region, DocumentRow.region_level).where(
        DocumentRow.region_key == key, DocumentRow.region.is_not(None)).order_by(func.length(DocumentRow.region).desc())
    known = session.execute(named.limit(1)).first() if key else None
    if known is None:
        raise NotStored(f"no stored document is of region {region}: enter facts for a region the store has",
                        f"没有地区“{region}”的文件：只能为已有文件的地区填报")
    name = f"填报·{key}"
    document = session.scalars(select(DocumentRow).options(undefer(DocumentRow.text))
                               .where(DocumentRow.name == name, DocumentRow.doc_type == DOC_TYPE)).first()
    if document is not None:
        return document
    full = known.region
    document = DocumentRow(
        name=name, version=1, superseded=False, sha256=hashlib.sha256(f"planwatch entries {key}".encode()).hexdigest(),
        encoding="utf-8", format=FORMAT, title=f"{full}人工填报数据", region=full, region_key=key,
        region_level=known.region_level or region_level(full), doc_type=DOC_TYPE, report_years=[], target_years=[],
        plan_span=None, date=None, meeting=None, text="", original=None, fact_count=0, extractor_version=None,
        ingested_at=datetime.now(timezone.utc))
    session.add(document)
    session.flush()
    return document


def _line(fact, actor: str) -> str:
    """The entry as the entries document records it: the fact, its source, who entered it and when."""
    value = "" if fact.value is None else f"{fact.comparator or ''}{fact.value}" + (
        f"～{fact.upper}" if fact.upper is not None else "")
    words = f" {fact.text}" if fact.text else ""
    today = datetime.now(timezone.utc).date().isoformat()
    return (f"{fact.indicator} {fact.period} {fact.role} {fact.measure} {value}{fact.unit or ''}{words}"
            f"（来源：{fact.source}；{actor.strip()} 填报于 {today}）")


def _forget_search(session: Session, document_id: int) -> None:
    """The entries document's text grew: its search index row goes, the next search indexes it again."""
    bind = session.get_bind()
    column = "doc_id" if bind.dialect.name == "postgresql" else "rowid"
    if session.connection().dialect.has_table(session.connection(), "search_documents"):
        session.execute(text(f"DELETE FROM search_documents WHERE {column} = :id"), {"id": document_id})
