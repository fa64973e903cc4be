"""Why each fact of a document is what it is: the trail `planwatch explain` prints.

    explain(document) -> list[Explanation]     each fact with the words that decided its role and period
    Explanation.to_dict(doc)                    the fact's record with a `why` of {role, period}
    Explanation.lines(doc)                      the same for a reader, one block per fact
"""

from __future__ import annotations

from dataclasses import dataclass

from ..documents import Document
from . import extract
from ..model import Basis, Fact, number_json
from .resolve import says

_QUOTED = 60  # characters of a deciding span shown; a long heading is cut


@dataclass(frozen=True)
class Reason:
    """One decision: the rule of the order of evidence, what it reads, and its words."""

    rule: str
    says: str
    start: int | None
    end: int | None
    words: str | None

    def to_dict(self) -> dict:
        return {"rule": self.rule, "says": self.says, "start": self.start, "end": self.end, "words": self.words}

    def line(self) -> str:
        quoted = f" 「{_cut(self.words)}」 [{self.start}:{self.end}]" if self.words else ""
        return f"{self.rule}: {self.says}{quoted}"


@dataclass(frozen=True)
class Explanation:
    fact: Fact
    evidence: str
    role: Reason | None
    period: Reason | None

    def to_dict(self, doc: str) -> dict:
        record = self.fact.to_dict(doc)
        record["why"] = {key: reason.to_dict() if reason else None
                         for key, reason in (("role", self.role), ("period", self.period))}
        return record

    def lines(self) -> list[str]:
        fact = self.fact
        value = fact.text if fact.value is None else f"{fact.comparator or ''}{number_json(fact.value)}{fact.unit or ''}"
        flags = [name for name in ("estimated", "stretch", "cumulative") if getattr(fact, name)]
        confidence = f"  confidence {fact.confidence:.2f}" if fact.confidence is not None else ""
        return [
            f"{fact.indicator} · {fact.role} · {fact.period} · {fact.measure} {value}"
            f"{' (' + ', '.join(flags) + ')' if flags else ''}{confidence}",
            f"  evidence  「{_cut(self.evidence)}」 [{fact.start}:{fact.end}]",
            f"  {fact.role:<9} {self.role.line() if self.role else 'undecided'}",
            f"  {'period':<9} {self.period.line() if self.period else 'undecided'}",
        ]


def explain(document: Document) -> list[Explanation]:
    """Every fact of the document with the rule and the words that decided its role and period."""
    text = document.text
    return [Explanation(fact, text[fact.start:fact.end], _reason(fact.role_basis, text),
                        _reason(fact.period_basis, text))
            for fact in extract(document)]


def _reason(basis: Basis | None, text: str) -> Reason | None:
    if basis is None:
        return None
    words = text[basis.start:basis.end].strip() if basis.start is not None and basis.end is not None else None
    return Reason(basis.rule, says(basis.rule), basis.start, basis.end, words or None)


def _cut(words: str) -> str:
    words = " ".join(words.split())
    return words if len(words) <= _QUOTED else words[:_QUOTED - 1] + "…"
