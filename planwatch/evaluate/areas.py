"""The area of work a commitment belongs to (education, transport, housing …), by the
words of its object and named items; the words and their order are in
data/evaluation.yaml (commitments.areas)."""

from __future__ import annotations

from functools import cache

from ..model import Commitment
from .objects import words
from .vocabulary import vocabulary

OTHER = "other"


def area(commitment: Commitment) -> str:
    """The first area whose words the object (else a named item) contains; `other` if none."""
    for text in (commitment.object, *commitment.names):
        found = next((name for name, cues in _areas() if any(cue in words(text) for cue in cues)), None)
        if found is not None:
            return found
    return OTHER


def names() -> tuple[str, ...]:
    """Every area in the data's order, then `other`."""
    return (*(name for name, _ in _areas()), OTHER)


@cache
def _areas() -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((name, tuple(cues)) for name, cues in vocabulary()["commitments"]["areas"].items())
