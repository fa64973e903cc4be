"""Cut a document's text at every evidence boundary, so each piece knows which
facts cover it; the template marks covered pieces and puts an anchor where each
fact starts. Overlapping evidence spans are allowed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    facts: tuple[int, ...]      # ids of the facts whose evidence covers this piece
    anchors: tuple[int, ...]    # ids of the facts whose evidence starts here


def pieces(text: str, spans: list[tuple[int, int, int]]) -> list[Piece]:
    """spans: (fact_id, start, end) with end exclusive; spans outside the text are clipped."""
    clipped = [(fid, max(0, s), min(len(text), e)) for fid, s, e in spans if s < e]
    cuts = sorted({0, len(text)} | {s for _, s, _ in clipped} | {e for _, _, e in clipped})
    starts: dict[int, list[int]] = {}
    for fid, s, _ in clipped:
        starts.setdefault(s, []).append(fid)
    out = []
    for left, right in zip(cuts, cuts[1:]):
        covering = tuple(fid for fid, s, e in clipped if s <= left and right <= e)
        out.append(Piece(text[left:right], covering, tuple(starts.get(left, ()))))
    return out


def fact_pieces(text: str, facts: list[dict]) -> list[Piece]:
    """pieces() for fact dicts with id, start and end."""
    return pieces(text, [(f["id"], f["start"], f["end"]) for f in facts])
