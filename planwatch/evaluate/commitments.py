"""Commitments followed to their answers (spec/commitments.md, "Linking across years").

A target commitment of region R and period P is answered by the actual commitments of
R and P with the same stage and a matching object (objects.py: by their words, never by
position) in a later document. Its status, from the best answer:

1. an answer of the same stage: its quantity against the target's — exceeded, done,
   partly; `reported` when the two cannot be compared (other units, no quantity);
   a target without a quantity (开工建设青菱寺路) is done once answered;
2. for a target of stage other (新增, 新建), an answer of stage finish (新增特色田园乡村10个
   answered by 建成…15个), judged as in 1: what is added is added when it is finished;
3. a finish target with only a start reported: in_progress;
4. no answer in any later document of the region: not_reported.

    links(records) -> list[Link]              one per target, in document order
    follow(store, region, period, status)     the same, read from a store and filtered
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, get_args

from ..errors import QueryError
from ..model import Commitment, Period
from ..store import StoredCommitment
from .areas import area
from .objects import Match, Near, match, scaled
from .vocabulary import vocabulary
from ..words import Words, say
from .wording import level, rounded

Status = Literal["exceeded", "done", "partly", "in_progress", "reported", "not_reported"]
STATUSES: tuple[str, ...] = get_args(Status)
_NONE: Near = Near()   # no results at all for a region, period and stage


def label(status: str) -> Words:
    return Words(**vocabulary()["commitments"]["labels"][status])


def region_of(record: StoredCommitment) -> str:
    """A document of no known region is a region of its own: its promises meet no one else's answers."""
    return record.region_key or record.region or f"#{record.document_id}"


@dataclass(frozen=True)
class Answer:
    record: StoredCommitment
    match: Match

    def to_dict(self) -> dict:
        return self.record.to_dict() | {"doc_title": self.record.doc_title, "doc_date": self.record.doc_date,
                                        "match": self.match.how, "similarity": round(self.match.score, 3)}


@dataclass(frozen=True)
class Link:
    """A target commitment, its status and the answers found (best first: the first decided)."""

    target: StoredCommitment
    status: Status
    answers: tuple[Answer, ...]
    reason: str

    @property
    def label(self) -> str:
        return label(self.status)

    def to_dict(self) -> dict:
        c = self.target.commitment
        return {"id": self.target.id, "region": self.target.region, "period": c.period, "kind": c.kind,
                "object": c.object, "stage": c.stage, "area": area(c), "status": self.status, "label": self.label,
                "reason": self.reason,
                "target": self.target.to_dict() | {"doc_title": self.target.doc_title,
                                                   "doc_date": self.target.doc_date},
                "answers": [a.to_dict() for a in self.answers]}


def follow(store, region: str | None = None, period: str | None = None, status: str | None = None) -> list[Link]:
    """The links of a region's (or every region's) targets, optionally of one period and status."""
    if status is not None and status not in STATUSES:
        raise QueryError(f"{status!r} is not a status: choose one of {', '.join(STATUSES)}",
                         f"“{status}”不是完成状态：可选 {'、'.join(STATUSES)}")
    wanted = None if period is None else Period.asked(period)
    found = links(store.commitments(region=region))
    return [link for link in found if (wanted is None or link.target.commitment.period == wanted)
            and (status is None or link.status == status)]


def links(records: Iterable[StoredCommitment]) -> list[Link]:
    records = list(records)
    actuals: dict[tuple, Near[StoredCommitment]] = defaultdict(Near)
    for record in records:
        c = record.commitment
        if c.role == "actual":
            actuals[(region_of(record), c.period, c.stage)].add(c.object, record)
    return [_link(record, actuals) for record in records if record.commitment.role == "target"]


def counts(found: list[Link]) -> dict[str, int]:
    """How many targets, and how many of each status: the region page's summary."""
    tally = {status: 0 for status in STATUSES}
    for link in found:
        tally[link.status] += 1
    return {"promised": len(found), **tally}


def _link(target: StoredCommitment, actuals: dict[tuple, Near[StoredCommitment]]) -> Link:
    c = target.commitment
    where = (region_of(target), c.period)
    answers = _answers(target, actuals.get((*where, c.stage), _NONE))
    if not answers and c.stage == "other":
        answers = _answers(target, actuals.get((*where, "finish"), _NONE))
    if answers:
        status, reason = _judged(c, answers[0].record)
        return Link(target, status, answers, reason)
    if c.stage == "finish" and (started := _answers(target, actuals.get((*where, "start"), _NONE))):
        return Link(target, "in_progress", started,
                    say("目标{target}；{doc}只报告{answer}", "target {target}; {doc} reports only {answer}",
                        target=stated(c), doc=_source(started[0].record), answer=stated(started[0].record.commitment)))
    return Link(target, "not_reported", (), say("目标{target}；其后的文件未见报告",
                                                "target {target}; no later document reports it", target=stated(c)))


def _answers(target: StoredCommitment, results: Near[StoredCommitment]) -> tuple[Answer, ...]:
    found = [Answer(record, found) for record in results.near(target.commitment.object)
             if _later(record, target) and (found := match(target.commitment.object, record.commitment.object))]

    def best(answer: Answer) -> tuple:
        mine = answer.record.commitment
        return (answer.match.rank, _comparable(target.commitment, mine) is not None,
                answer.record.doc_date or "", answer.record.document_id, mine.value or 0)

    return tuple(sorted(found, key=best, reverse=True))


def _later(record: StoredCommitment, than: StoredCommitment) -> bool:
    """Stated in a later document: by date where both are dated, else by storing order."""
    if record.document_id == than.document_id:
        return False
    if record.doc_date and than.doc_date and record.doc_date != than.doc_date:
        return record.doc_date > than.doc_date
    return record.document_id > than.document_id


def _comparable(target: Commitment, answer: Commitment) -> tuple[Decimal, Decimal, Decimal | None] | None:
    """(answer, target, upper) in one unit, or None where they cannot be compared."""
    if target.value is None or answer.value is None:
        return None
    value, unit = scaled(target.value, target.unit)
    got, got_unit = scaled(answer.value, answer.unit)
    if unit != got_unit:
        return None
    upper = scaled(target.upper, target.unit)[0] if target.upper is not None else None
    return got, value, upper


def _judged(target: Commitment, answer: StoredCommitment) -> tuple[Status, Words]:
    said = say("目标{target}；{doc}报告{answer}", "target {target}; {doc} reports {answer}", target=stated(target),
               doc=_source(answer), answer=stated(answer.commitment))
    if target.value is None:
        return "done", said
    compared = _comparable(target, answer.commitment)
    if compared is None:
        return "reported", say("{said}，数量无法与目标比较", "{said}: the numbers cannot be compared", said=said)
    got, value, upper = compared
    if target.comparator in ("<=", "<"):   # a ceiling (控制在…以内): staying under it is done
        over = say("{said}，超出目标", "{said}, over the target", said=said)
        return ("done", said) if got <= value else ("partly", over)
    if value:
        said = say("{said}，为目标的{share}%", "{said}, {share}% of the target", said=said,
                   share=rounded(got / value * 100))
    if got > (upper if upper is not None else value):
        return "exceeded", said
    return ("done", said) if got >= value else ("partly", said)


def stated(c: Commitment, with_object: bool = True) -> Words:
    """As a document would state it: 新建充电桩5500个以上 (without its object: 新建5500个以上)."""
    quantity = Words("", "") if c.value is None else level(c.value, c.unit, c.comparator, c.upper)
    words = f"{c.action}{c.object if with_object else ''}"
    return say("{words}{quantity}", "{words} {quantity}" if c.value is not None else "{words}", words=words,
               quantity=quantity)


def _source(record: StoredCommitment) -> Words:
    name = record.doc_title or record.doc
    return Words(f"《{name}》", f"“{name}”")
