"""What every reader of one document's text shares, found once: its sections (context.py)
and its period marks (periods.py). The prose facts and the commitments read the same text."""

from __future__ import annotations

from dataclasses import dataclass

from ..documents import Document
from .context import Sections
from .periods import Mark, period_marks


@dataclass(frozen=True)
class Reading:
    sections: Sections
    marks: list[Mark]

    @classmethod
    def of(cls, document: Document) -> Reading:
        return cls(Sections(document), period_marks(document.text))
