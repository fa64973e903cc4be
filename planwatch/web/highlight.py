"""Cut a document's text at every evidence boundary, so each piece knows which facts
and which commitments cover it; the template marks covered pieces and puts an anchor
where each fact or commitment starts. Overlapping evidence spans are allowed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    facts: tuple[int, ...]      # ids of the facts whose evidence covers this piece
    anchors: tuple[int, ...]    # ids of the facts whose evidence starts here
    commitments: tuple[int, ...] = ()          # the same for commitments
    commitment_anchors: tuple[int, ...] = ()


def pieces(text: str, spans: list[tuple[int, int, int]],
           commitment_spans: list[tuple[int, int, int]] = ()) -> list[Piece]:
    """spans: (fact_id, start, end) with end exclusive, commitment_spans alike; spans
    outside the text are clipped."""
    facts, commitments = _clipped(text, spans), _clipped(text, commitment_spans)
    cuts = sorted({0, len(text)} | {x for _, s, e in facts + commitments for x in (s, e)})
    out = []
    for left, right in zip(cuts, cuts[1:]):
        out.append(Piece(text[left:right], _covering(facts, left, right), _starting(facts, left),
                         _covering(commitments, left, right), _starting(commitments, left)))
    return out


def _clipped(text: str, spans) -> list[tuple[int, int, int]]:
    return [(key, max(0, s), min(len(text), e)) for key, s, e in spans if s < e]


def _covering(spans, left: int, right: int) -> tuple[int, ...]:
    return tuple(key for key, s, e in spans if s <= left and right <= e)


def _starting(spans, left: int) -> tuple[int, ...]:
    return tuple(key for key, s, _ in spans if s == left)


def fact_pieces(text: str, facts: list[dict], commitments: list[dict] = ()) -> list[Piece]:
    """pieces() for fact (and commitment) dicts with id, start and end."""
    return pieces(text, [(f["id"], f["start"], f["end"]) for f in facts],
                  [(c["id"], c["start"], c["end"]) for c in commitments])
