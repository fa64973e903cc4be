"""What every reader of one document's text shares, found once: its sections (context.py),
its period marks (periods.py) and, when both the prose facts and the commitments read it,
its numbers (numbers.py): the commitments read every number, the facts the numbers after
names, which they take from the same scan."""

from __future__ import annotations

from dataclasses import dataclass

from ..documents import Document
from .context import Sections
from .numbers import Scan, scan_quantities
from .periods import Mark, period_marks


@dataclass(frozen=True)
class Reading:
    sections: Sections
    marks: list[Mark]
    numbers: Scan | None = None  # every number, where the commitments are read (the facts alone read fewer)

    @classmethod
    def of(cls, document: Document, numbers: bool = False) -> Reading:
        text = document.text
        return cls(Sections(document), period_marks(text), scan_quantities(text) if numbers else None)
