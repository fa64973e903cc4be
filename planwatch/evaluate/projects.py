"""Major projects: every mention of a named project across documents and years, in one place.

A commitment names projects when it is about projects (kind `project`) or states a
start or a finish (construction): in its `names` (马房山地块、…等亿元以上项目33个), or as
the one named item it is about, with no quantity (青菱寺路开工). Names of enterprises
brought in or events held (总部企业, 招聘会) are not projects. Mentions of one region whose
names are one project (objects.same_project) become one Project; its phase is the
furthest a report has taken it (planned < started < under_way < finished).

    projects(records) -> list[Project]
    project_records(store, region) -> list[Project]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, get_args

from ..store import StoredCommitment
from .commitments import region_of
from .objects import Near, same_project, words

Phase = Literal["planned", "started", "under_way", "finished"]
PHASES: tuple[str, ...] = get_args(Phase)
_PHASE_OF_STAGE = {"start": "started", "finish": "finished", "other": "under_way"}


@dataclass(frozen=True)
class Mention:
    name: str                     # as this document writes it
    phase: Phase
    record: StoredCommitment

    def to_dict(self) -> dict:
        return {"name": self.name, "phase": self.phase, "doc_title": self.record.doc_title,
                "doc_date": self.record.doc_date, **self.record.to_dict()}


@dataclass(frozen=True)
class Project:
    name: str                     # the longest name it goes by
    region: str | None
    region_key: str
    mentions: tuple[Mention, ...]  # in document order

    @property
    def phase(self) -> Phase:
        """The furthest phase a report states; planned while only promised."""
        return max((m.phase for m in self.mentions), key=PHASES.index)

    @property
    def investment(self) -> list[Decimal]:
        """Money (亿元) stated with it, in document order."""
        return [m.record.commitment.money for m in self.mentions if m.record.commitment.money is not None]

    @property
    def years(self) -> list[str]:
        return sorted({m.record.commitment.period for m in self.mentions})

    def to_dict(self) -> dict:
        return {"name": self.name, "region": self.region, "phase": self.phase, "years": self.years,
                "investment": self.investment, "mentions": [m.to_dict() for m in self.mentions]}


def project_records(store, region: str | None = None) -> list[Project]:
    return projects(store.commitments(region=region))


def projects(records: Iterable[StoredCommitment]) -> list[Project]:
    groups: list[list[Mention]] = []            # in the order first named
    regions: list[str] = []                     # each group's region
    near: dict[str, Near[int]] = defaultdict(Near)   # per region: groups by their names' bigrams
    for record in records:
        region = region_of(record)
        for name in _names(record):
            mention = Mention(name, _phase(record), record)
            at = min((i for i in near[region].near(name)
                      if any(same_project(name, m.name) for m in groups[i])), default=None)
            if at is None:
                at = len(groups)
                groups.append([])
                regions.append(region)
            groups[at].append(mention)
            near[region].add(name, at)
    return [Project(max((m.name for m in group), key=lambda n: len(words(n))), group[0].record.region,
                    regions[i], tuple(group)) for i, group in enumerate(groups)]


def _names(record: StoredCommitment) -> list[str]:
    """The projects a commitment names: its list, else the named item it is about."""
    c = record.commitment
    if c.kind != "project" and c.stage == "other":
        return []
    if c.names:
        return list(dict.fromkeys(c.names))
    if c.value is None:
        return [c.object]
    return []


def _phase(record: StoredCommitment) -> Phase:
    c = record.commitment
    return "planned" if c.role == "target" else _PHASE_OF_STAGE[c.stage]
