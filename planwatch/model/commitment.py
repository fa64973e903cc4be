"""One commitment (a quantified task or a named project), as defined in the contract
shared/spec/commitments.md.

The fields are declared here once, in the contract's names and order; every JSON
record is derived from them (`COMMITMENT_FIELDS`), as for `Fact`."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Literal, get_args

from .fact import Basis, Comparator, json_value
from .period import Period

Kind = Literal["task", "project"]
Stage = Literal["start", "finish", "other"]
CommitmentRole = Literal["target", "actual"]
KINDS: tuple[str, ...] = get_args(Kind)
STAGES: tuple[str, ...] = get_args(Stage)
COMMITMENT_ROLES: tuple[str, ...] = get_args(CommitmentRole)


@dataclass
class Commitment:
    kind: Kind
    role: CommitmentRole
    period: Period                 # a str given here is read as a Period once
    object: str                    # what is counted, as written, without numbers or a name list
    stage: Stage
    action: str | None             # the verb as written (None: a batch of projects named with no verb)
    value: Decimal | None          # None for a named item with no quantity
    unit: str | None
    comparator: Comparator | None
    money: Decimal | None          # money tied to the statement, in 亿元
    names: list[str]               # the named items the statement lists
    responsible: str | None
    start: int                     # evidence span in Document.text: holds the quantity (or the object)
    end: int
    upper: Decimal | None = None   # upper bound of a range (2-3家)
    role_basis: Basis | None = None
    period_basis: Basis | None = None

    def __post_init__(self) -> None:
        self.period = Period(self.period)

    @property
    def identity(self) -> tuple[str, str, str, str]:
        return (self.role, self.period, self.stage, self.object)

    def to_dict(self, doc: str) -> dict:
        """The contract's JSON Lines record; optional fields only where they are set."""
        record = {"doc": doc}
        for name in COMMITMENT_FIELDS:
            value = getattr(self, name)
            if name in OPTIONAL and value is None:
                continue
            record[name] = json_value(value)
        return record


COMMITMENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Commitment))
OPTIONAL = frozenset(("upper", "role_basis", "period_basis"))
