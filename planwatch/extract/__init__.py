"""Stage 2: Documents to indicator facts with evidence offsets."""

from ..documents import Document
from .fact import Fact


def extract(document: Document) -> list[Fact]:
    """All main-indicator facts of a document, in the order they are stated."""
    return []


__all__ = ["Fact", "extract"]
