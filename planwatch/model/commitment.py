"""One commitment (a task or a project), as defined in the contract
(shared/spec/commitments.md): what a plan promises or a report says was done.

Declared once: the store's columns, its row conversion and every JSON record are
derived from these fields (`COMMITMENT_FIELDS`), as for a Fact."""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Literal, get_args

from .fact import Comparator, json_value
from .period import Period

Kind = Literal["task", "project"]
CommitmentRole = Literal["target", "actual"]
Stage = Literal["start", "finish", "other"]
KINDS: tuple[str, ...] = get_args(Kind)
COMMITMENT_ROLES: tuple[str, ...] = get_args(CommitmentRole)
STAGES: tuple[str, ...] = get_args(Stage)


@dataclass
class Commitment:
    doc: str                       # the document's file name
    kind: Kind
    role: CommitmentRole
    period: Period                 # a str given here is read as a Period once
    object: str                    # what is counted, without numbers or the name list
    stage: Stage
    action: str                    # the verb as written: 开工建设, 新建, 完成
    value: Decimal | None          # None for a named item with a stage and no quantity
    unit: str | None
    comparator: Comparator | None
    money: Decimal | None          # 亿元 tied to the statement
    names: tuple[str, ...]         # named items the statement lists
    responsible: str | None
    start: int                     # evidence span in Document.text
    end: int
    upper: Decimal | None = None   # upper bound of a range (2-3家)

    def __post_init__(self) -> None:
        self.period = Period(self.period)
        self.names = tuple(self.names)

    def to_dict(self) -> dict:
        """The contract's JSON Lines record; `upper` only where it is set."""
        record = {name: json_value(getattr(self, name)) for name in COMMITMENT_FIELDS
                  if name != "upper" or self.upper is not None}
        record["names"] = list(self.names)
        return record


COMMITMENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Commitment))
