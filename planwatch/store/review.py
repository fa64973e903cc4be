"""People's decisions on facts, and the facts table kept in its reviewed state.

Corrections win everywhere because there is one place every reader reads: the facts
table holds each fact as reviewed. A correction's fields are written over the extracted
ones, a rejected fact is deleted, an added fact is inserted; `Store.facts`, the
dashboard's queries, evaluate, export and search read that table and need not know
about reviews.

The decisions (fact_reviews) are appended, never edited (only their `conflict` and
`current` marks change), and keyed by what was extracted from which content: document
sha256, evidence span, indicator, role and period. After every extraction of a document
(ingest, re-ingest, `reextract`), `apply` writes the current decisions over the new facts
again, so that every decision survives, and records on each where the new extraction
no longer says what the decision was made on (`conflict`: missing, changed or new), for
a person to settle (`settle`); the decision keeps winning meanwhile. A new version of a
document (other bytes) takes over the decisions whose evidence words it still has in one
place (`carry`); the others are listed as "moved".

Commitments are reviewed by the same mechanism: a `Subject` says what differs between the two
record types (their table, their decisions' table — commitment_reviews, keyed by role, period,
stage and object —, JSON and checks); each function takes one, facts by default
(store/commitments.py defines COMMITMENTS).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation

from sqlalchemy import and_, func, select, update
from sqlalchemy.orm import Session, undefer

from ..errors import EditConflict, NotStored, QueryError
from ..extract import catalogue
from ..model import COMPARATORS, FIELDS, MEASURES, ROLES, Basis, Fact, Period
from . import convert
from .models import DocumentRow, FactRow, ReviewRow
from .records import Decision

REOPENED = "reopened"          # a decision withdrawn in favour of the extraction: the fact is unreviewed again
MANUAL = "manual"              # extractor_version of a fact added by hand
REVIEWED = ("confirmed", "corrected", "added")   # the review states of facts still stored
# What a person decides on: a fact's meaning. Its basis and confidence are the extractor's
# account of itself; a new extractor changing only those disagrees with nobody.
DECIDED_FIELDS = ("indicator", "role", "period", "measure", "value", "upper", "unit", "comparator", "text",
                  "estimated", "stretch", "cumulative", "start", "end", "source")
CORRECTABLE = ("indicator", "role", "period", "measure", "value", "upper", "unit", "comparator", "text",
               "estimated", "stretch", "cumulative", "attribute", "source")
_FLAGS = ("estimated", "stretch", "cumulative")
_DECIMALS = ("value", "upper")


# ---- facts as JSON (a decision's extracted, before and after)

def fact_json(fact: Fact) -> dict:
    """Every field, exact: decimals as their text, a Period as its text, a Basis as its object."""
    return {name: _json(getattr(fact, name)) for name in FIELDS}


def _json(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, Basis):
        return value.to_dict()
    if isinstance(value, Period):
        return str(value)
    return value


def json_fact(data: Mapping) -> Fact:
    loaded = dict(data)
    for name in _DECIMALS:
        loaded[name] = None if loaded.get(name) is None else Decimal(loaded[name])
    loaded["also"] = [Decimal(v) for v in loaded.get("also") or []]
    loaded["role_basis"] = Basis.from_dict(loaded.get("role_basis"))
    loaded["period_basis"] = Basis.from_dict(loaded.get("period_basis"))
    return Fact(**loaded)


# ---- what a person may write

def changed(record, changes: Mapping, correctable: tuple[str, ...], checked: Callable):
    """RECORD (a fact or a commitment) with `changes` (field -> value as typed) applied, each
    read by checked(name, value); QueryError naming a field not in CORRECTABLE or a bad value."""
    unknown = sorted(set(changes) - set(correctable))
    if unknown:
        raise QueryError(f"cannot correct {', '.join(unknown)}: a correction may set {', '.join(correctable)}",
                         f"不能更正字段：{'、'.join(unknown)}")
    return dataclasses.replace(record, **{name: checked(name, value) for name, value in changes.items()})


def corrected(fact: Fact, changes: Mapping) -> Fact:
    """The fact with `changes` (field -> value as typed) applied; QueryError naming a bad one."""
    return changed(fact, changes, CORRECTABLE, _checked)


def written(fields: Mapping, start: int, end: int) -> Fact:
    """A fact typed by a person (an added one): indicator, role, period and measure required."""
    missing = [name for name in ("indicator", "role", "period", "measure") if fields.get(name) in (None, "")]
    if missing:
        raise QueryError(f"an added fact needs {', '.join(missing)}", f"新增指标数据缺少：{'、'.join(missing)}")
    blank = Fact(fields["indicator"], fields["role"], "2000", fields["measure"], None, None, None, start, end)
    return corrected(blank, {name: value for name, value in fields.items() if name in CORRECTABLE})


_REQUIRED = ("indicator", "role", "period", "measure", "source")   # a source is written down or not set
_CHOICES = {"role": ROLES, "measure": MEASURES, "comparator": COMPARATORS}


def _checked(name: str, value):
    """One field's value as typed (a CLI option, a form, JSON) in its stored type."""
    if name in _FLAGS:
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "1", "yes", "false", "0", "no"):
            return str(value).lower() in ("true", "1", "yes")
        raise QueryError(f"{name} must be true or false, not {value!r}", f"{name} 应为 true 或 false")
    checked = typed(name, value, _REQUIRED, _DECIMALS, _CHOICES)
    if name == "indicator" and checked not in _catalogue():
        raise QueryError(f"{checked!r} is not an indicator of the catalogue (planwatch/data/indicators.yaml)",
                         f"“{checked}”不是指标目录中的指标")
    return checked


def typed(name: str, value, required: tuple[str, ...], decimals: tuple[str, ...], choices: Mapping):
    """One field of a fact or a commitment as typed, in its stored type: None when left empty
    (QueryError if `required`), a number, a Period, one of its `choices`, or its words."""
    if value is None or str(value).strip() == "":
        if name in required:
            raise QueryError(f"{name} cannot be empty", f"{name} 不能为空")
        return None
    if name in decimals:
        return number(name, value)
    if name == "period":
        return Period.asked(str(value))
    allowed = choices.get(name)
    if allowed is not None and value not in allowed:
        raise QueryError(f"{name} must be one of {', '.join(allowed)}, not {value!r}",
                         f"{name} 应为 {'、'.join(allowed)} 之一")
    return str(value).strip()


def _catalogue() -> set[str]:
    return {entry.name for entry in catalogue.indicators()}


def number(name: str, value) -> Decimal:
    """A number as typed; QueryError naming the field when it is not one."""
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise QueryError(f"{name} must be a number, not {value!r}", f"{name} 应为数字，不是“{value}”") from None
    if not number.is_finite():
        raise QueryError(f"{name} must be a finite number", f"{name} 应为有限的数字")
    return number


# ---- the record types reviewed

@dataclasses.dataclass(frozen=True)
class Subject:
    """What review needs to know of one record type; the mechanism is the same for all."""

    name: str                       # "fact" | "commitment": audit log object kind, messages
    label: str                      # the same in Chinese, for messages
    table: type                     # its rows (FactRow): with review and decision_id columns
    reviews: type                   # its decisions' rows (ReviewRow)
    identity: tuple[str, ...]       # the key's fields besides the evidence span
    near: tuple[str, ...]           # those that must still agree for a re-extraction to be the same record
    decided: tuple[str, ...]        # the fields a person decides on (a conflict is a change in one)
    dump: Callable                  # record -> JSON
    load: Callable                  # JSON -> record
    values: Callable                # (record, document_id, extractor_version) -> the row's columns
    from_row: Callable              # a row -> its record
    corrected: Callable             # (record, changes) -> record, QueryError naming a bad field
    written: Callable               # (fields, start, end) -> a record typed by a person
    counted: bool = False           # the document keeps counts of these (facts: reviewed, rejected)

    def key(self, record) -> tuple:
        return (record.start, record.end, *(str(getattr(record, name)) for name in self.identity))

    def key_of(self, decision) -> tuple:
        return tuple(getattr(decision, name) for name in ("evidence_start", "evidence_end", *self.identity))

    def key_columns(self, columns, key: tuple):
        """The condition that rows of `columns` (a table's or the decisions') have this key."""
        names = ("start", "end") if columns is self.table else ("evidence_start", "evidence_end")
        return and_(*(getattr(columns, name) == value for name, value in zip((*names, *self.identity), key)))


def _row_fact(row: FactRow) -> Fact:
    return convert.fact({name: getattr(row, name) for name in FIELDS})


FACTS = Subject("fact", "指标数据", FactRow, ReviewRow, ("indicator", "role", "period"), ("indicator",), DECIDED_FIELDS,
                fact_json, json_fact, convert.fact_values, _row_fact, corrected, written,
                counted=True)


def _decided(subject: Subject, data: Mapping | None) -> dict | None:
    return None if data is None else {name: data.get(name) for name in subject.decided}


# ---- deciding

def decide(session: Session, record_id: int, action: str, actor: str, changes: Mapping | None = None,
           expected: int | None = None, subject: Subject = FACTS) -> Decision:
    """Confirm, correct or reject one stored fact (or commitment); its table shows the decision at
    once. `expected`: the record's decision_id as the decider read it (0: unreviewed); EditConflict
    when someone decided since (optimistic locking: the second of two reviewers sees the first's change)."""
    row = session.get(subject.table, record_id)
    if row is None:
        raise NotStored(f"no {subject.name} with id {record_id}", f"没有编号为 {record_id} 的{subject.label}")
    prior = session.get(subject.reviews, row.decision_id) if row.decision_id is not None else None
    if expected is not None and (row.decision_id or 0) != expected:
        raise EditConflict(f"{subject.name} {record_id} was decided on by {prior.actor if prior else 'someone'} "
                           f"since it was read: see their decision {row.decision_id or '(withdrawn)'} and decide again",
                           _record(subject, prior) if prior is not None else None)
    document = session.get(DocumentRow, row.document_id)
    record = subject.from_row(row)
    before = subject.dump(record)
    if action == "rejected":
        after = None
    elif action == "confirmed":
        after = before
    else:
        after = subject.dump(subject.corrected(record, changes or {}))
        if _decided(subject, after) == _decided(subject, before):
            raise QueryError(f"the correction of {subject.name} {record_id} changes nothing: confirm it instead",
                             f"更正没有改变{subject.label} {record_id}：请改为确认")
    if prior is not None and prior.action == "added" and action != "rejected":
        action = "added"    # still a record no extraction gave: corrected by hand, added by hand
    key = subject.key_of(prior) if prior is not None else subject.key(record)
    extracted = prior.extracted if prior is not None else before
    decision = _append(session, subject, document, key, action, actor, extracted, before, after, prior)
    _enforce(session, subject, document, decision, row)
    return _record(subject, decision)


def add(session: Session, document_id: int, start: int, end: int, fields: Mapping, actor: str,
        subject: Subject = FACTS) -> Decision:
    """A fact (or commitment) the extraction missed, with the words at start:end of the document as its evidence."""
    document = session.get(DocumentRow, document_id, options=[undefer(DocumentRow.text)])
    if document is None:
        raise NotStored(f"no document with id {document_id}", f"没有编号为 {document_id} 的文件")
    if not 0 <= start < end <= len(document.text):
        raise QueryError(f"evidence {start}:{end} is not a span of document {document_id} "
                         f"(its text has {len(document.text)} characters)", f"原文位置 {start}:{end} 不在文件中")
    record = subject.written(fields, start, end)
    key = subject.key(record)
    same = select(subject.table.id).where(subject.table.document_id == document_id,
                                          subject.key_columns(subject.table, key))
    if (known := session.scalar(same.limit(1))) is not None:
        raise QueryError(f"{subject.name} {known} already states {' '.join(key[2:])} at {start}:{end}: correct it "
                         "instead", f"该处已有{subject.label} {known}：请更正它")
    decision = _append(session, subject, document, key, "added", actor, None, None, subject.dump(record), None)
    _enforce(session, subject, document, decision, None)
    return _record(subject, decision)


def settle(session: Session, decision_id: int, keep: str, actor: str, subject: Subject = FACTS) -> Decision:
    """Settle a conflict: keep the decision (it now stands on the new extraction) or keep the
    extraction (the decision is withdrawn, the record unreviewed as the extractor states it)."""
    decision = session.get(subject.reviews, decision_id)
    if decision is None or not decision.current or decision.conflict is None:
        raise NotStored(f"decision {decision_id} has no conflict to settle", f"决定 {decision_id} 没有待处理的冲突")
    if keep not in ("decision", "extraction"):
        raise QueryError(f"keep must be decision or extraction, not {keep!r}", "只能保留决定（decision）或提取结果（extraction）")
    now = decision.conflict["extracted"]
    document = _document_of(session, decision)
    rows = list(session.scalars(select(subject.table).where(subject.table.decision_id == decision.id)))
    if keep == "decision":
        settled = _append(session, subject, document, subject.key_of(decision), decision.action, actor, now,
                          decision.after, decision.after, decision)
        for row in rows:
            row.decision_id = settled.id
        return _record(subject, settled)
    return _withdraw(session, subject, decision, document, rows, now, actor)


def withdraw(session: Session, decision_id: int, actor: str, subject: Subject = FACTS) -> Decision:
    """Undo a decision in force: the record is again as extracted and unreviewed (a rejected one
    comes back, one added by hand goes)."""
    decision = session.get(subject.reviews, decision_id)
    if decision is None or not decision.current or decision.action == REOPENED:
        raise NotStored(f"decision {decision_id} is not in force", f"决定 {decision_id} 不在生效中")
    document = _document_of(session, decision)
    rows = list(session.scalars(select(subject.table).where(subject.table.decision_id == decision.id)))
    return _withdraw(session, subject, decision, document, rows, decision.extracted, actor)


def _withdraw(session: Session, subject: Subject, decision, document: DocumentRow | None, rows: list,
              extracted: dict | None, actor: str) -> Decision:
    """The decision becomes history; its rows show `extracted` unreviewed (or go, if None)."""
    withdrawn = _append(session, subject, document, subject.key_of(decision), REOPENED, actor, extracted,
                        decision.after, extracted, decision)
    if extracted is None:
        for row in rows:
            session.delete(row)
    else:
        if not rows and document is not None:
            rows = [_new_row(session, subject, document, document.extractor_version or MANUAL)]
        for row in rows:
            _write(subject, row, subject.load(extracted))
            row.review, row.decision_id = "unreviewed", None
    if document is not None:
        _recount(session, subject, document)
    return _record(subject, withdrawn)


def conflicts(session: Session, subject: Subject = FACTS) -> list[Decision]:
    reviews = subject.reviews
    query = (select(reviews).where(reviews.current.is_(True), reviews.conflict.is_not(None))
             .order_by(reviews.sha256, reviews.evidence_start, reviews.id))
    return [_record(subject, row) for row in session.scalars(query)]


def decisions(session: Session, sha256: str | None = None, history: bool = False,
              subject: Subject = FACTS) -> list[Decision]:
    """The decisions in force (with `history`, every one ever made), oldest first."""
    reviews = subject.reviews
    query = select(reviews).order_by(reviews.id)
    if sha256 is not None:
        query = query.where(reviews.sha256 == sha256)
    if not history:
        query = query.where(reviews.current.is_(True))
    return [_record(subject, row) for row in session.scalars(query)]


# ---- after an extraction

def _in_force(session: Session, subject: Subject, sha256: str) -> list:
    reviews = subject.reviews
    return list(session.scalars(select(reviews).where(reviews.sha256 == sha256, reviews.current.is_(True),
                                                      reviews.action != REOPENED).order_by(reviews.id)))


def apply(session: Session, document: DocumentRow, extractor_version: str, subject: Subject = FACTS) -> int:
    """Write the decisions on this content over its freshly extracted records; how many
    decisions the new extraction disagrees with (their `conflict` says how)."""
    in_force = _in_force(session, subject, document.sha256)
    if not in_force:
        if subject.counted:
            document.reviewed_count = document.rejected_count = 0   # fresh facts, and nothing to apply
        return 0
    table = subject.table
    rows = list(session.scalars(select(table).where(table.document_id == document.id).order_by(table.id)))
    exact = {}
    near = {}   # the same words and (for facts) indicator, now read with another role or period
    for row in rows:
        exact.setdefault(subject.key(row), row)
        near.setdefault((row.start, row.end, *(getattr(row, name) for name in subject.near)), row)
    taken: set[int] = set()
    disagreeing = 0
    for decision in in_force:
        nearly = (decision.evidence_start, decision.evidence_end, *(getattr(decision, n) for n in subject.near))
        match = _match(subject.key_of(decision), nearly, exact, near, taken)
        now = subject.dump(subject.from_row(match)) if match is not None else None
        decision.conflict = _conflict(subject, decision, now, extractor_version)
        disagreeing += decision.conflict is not None
        _enforce(session, subject, document, decision, match, recount=False)
    _recount(session, subject, document)
    return disagreeing


def carry(session: Session, old: DocumentRow, new: DocumentRow, extractor_version: str,
          subject: Subject = FACTS) -> None:
    """A new version of a reviewed document: each decision in force on the old content is
    carried to the new one where its evidence words occur exactly once there (offsets
    shifted); where they do not, it stays with the old version and is listed as a conflict
    ("moved"). Run before `apply` on the new version."""
    in_force = _in_force(session, subject, old.sha256)
    if not in_force:
        return
    old_text = session.scalar(select(DocumentRow.text).where(DocumentRow.id == old.id))
    new_text = session.scalar(select(DocumentRow.text).where(DocumentRow.id == new.id))
    for decision in in_force:
        words = old_text[decision.evidence_start:decision.evidence_end]
        at = new_text.find(words) if words else -1
        if at < 0 or new_text.find(words, at + 1) >= 0:
            decision.conflict = {"kind": "moved", "extracted": decision.extracted, "document_id": new.id,
                                 "extractor_version": extractor_version,
                                 "found_at": datetime.now(timezone.utc).isoformat()}
            continue
        shift = at - decision.evidence_start
        session.add(subject.reviews(
            sha256=new.sha256, evidence_start=at, evidence_end=at + len(words),
            **{name: getattr(decision, name) for name in subject.identity}, action=decision.action,
            extracted=_shifted(decision.extracted, shift), before=_shifted(decision.before, shift),
            after=_shifted(decision.after, shift), conflict=None, actor=decision.actor,
            decided_at=decision.decided_at, current=True, document_id=new.id))
    session.flush()


def _shifted(data: dict | None, shift: int) -> dict | None:
    """A record's JSON with its evidence and basis offsets moved by `shift`."""
    if data is None:
        return None
    moved = dict(data, start=data["start"] + shift, end=data["end"] + shift)
    for name in ("role_basis", "period_basis"):
        basis = data.get(name)
        if basis and basis.get("start") is not None:
            moved[name] = dict(basis, start=basis["start"] + shift, end=basis["end"] + shift)
    return moved


def _match(key: tuple, nearly: tuple, exact: dict, near: dict, taken: set[int]):
    for found in (exact.get(key), near.get(nearly)):
        if found is not None and found.id not in taken:
            taken.add(found.id)
            return found
    return None


def _conflict(subject: Subject, decision, now: dict | None, extractor_version: str) -> dict | None:
    """None when the extraction still says what the decision was made on."""
    if _decided(subject, now) == _decided(subject, decision.extracted):
        return None
    kind = "missing" if now is None else "new" if decision.extracted is None else "changed"
    if decision.conflict is not None and decision.conflict.get("extracted") == now:
        return decision.conflict   # the same disagreement seen again: unchanged since first found
    return {"kind": kind, "extracted": now, "extractor_version": extractor_version,
            "found_at": datetime.now(timezone.utc).isoformat()}


# ---- the table as decided

def _enforce(session: Session, subject: Subject, document: DocumentRow, decision, row,
             recount: bool = True) -> None:
    """Make the row show the decision: deleted when rejected, else its decided fields."""
    if decision.after is None:
        if row is not None:
            session.delete(row)
    else:
        if row is None:
            row = _new_row(session, subject, document, MANUAL if decision.action == "added" else
                           document.extractor_version or MANUAL)
        _write(subject, row, subject.load(decision.after))
        row.review, row.decision_id = decision.action, decision.id
    if recount:
        _recount(session, subject, document)


def _new_row(session: Session, subject: Subject, document: DocumentRow, extractor_version: str):
    row = subject.table(document_id=document.id, extractor_version=extractor_version)
    session.add(row)
    return row


def _write(subject: Subject, row, record) -> None:
    for name, value in subject.values(record, row.document_id, row.extractor_version).items():
        if name not in ("document_id", "extractor_version"):
            setattr(row, name, value)


def _recount(session: Session, subject: Subject, document: DocumentRow) -> None:
    """The document's counts after decisions: its facts, those reviewed, and those rejected."""
    session.flush()
    if not subject.counted:
        return
    facts = select(func.count()).where(FactRow.document_id == document.id)
    document.fact_count = session.scalar(facts)
    document.reviewed_count = session.scalar(facts.where(FactRow.review.in_(REVIEWED)))
    document.rejected_count = session.scalar(select(func.count()).where(
        ReviewRow.sha256 == document.sha256, ReviewRow.current.is_(True), ReviewRow.action == "rejected"))


def _append(session: Session, subject: Subject, document: DocumentRow | None, key: tuple, action: str, actor: str,
            extracted: dict | None, before: dict | None, after: dict | None, prior):
    """A new decision in force for `key`; the one it follows (and any other in force for the
    same key) becomes history."""
    if not actor or not actor.strip():
        raise QueryError("a decision needs the name of who made it", "请写明决定人")
    reviews = subject.reviews
    sha256 = prior.sha256 if prior is not None else document.sha256
    session.execute(update(reviews).where(reviews.sha256 == sha256, reviews.current.is_(True),
                                          subject.key_columns(reviews, key)).values(current=False))
    if prior is not None:
        prior.current = False
    decision = reviews(sha256=sha256, evidence_start=key[0], evidence_end=key[1],
                       **dict(zip(subject.identity, key[2:])), action=action, extracted=extracted, before=before,
                       after=after, conflict=None, actor=actor.strip(), decided_at=datetime.now(timezone.utc),
                       current=True, document_id=document.id if document is not None else None)
    session.add(decision)
    session.flush()
    return decision


def _document_of(session: Session, decision) -> DocumentRow | None:
    """The current document holding the decision's content."""
    return session.scalars(select(DocumentRow).where(DocumentRow.sha256 == decision.sha256,
                                                     DocumentRow.superseded.is_(False))
                           .order_by(DocumentRow.id).limit(1)).first()


def _record(subject: Subject, row) -> Decision:
    return Decision(id=row.id, sha256=row.sha256, document_id=row.document_id, start=row.evidence_start,
                    end=row.evidence_end, role=row.role, period=row.period, action=row.action,
                    extracted=row.extracted, before=row.before, after=row.after, conflict=row.conflict,
                    actor=row.actor, decided_at=convert.as_utc(row.decided_at), current=row.current,
                    subject=subject.name, **{name: getattr(row, name) for name in subject.identity
                                             if name not in ("role", "period")})
