"""Stage 2: Documents to indicator facts with evidence offsets.

    extract(document) -> list[Fact]      every main-indicator fact, one per identity
    extract_commitments(document) -> list[Commitment]   quantified tasks and projects
    extract_all(document) -> (facts, commitments)      both, the facts read once

Parts, each usable alone:
    numbers     exact quantities (Decimal), comparators, ranges, signed growth
    grammar     the target grammar words of planwatch/data/grammar.yaml
    catalogue   indicator names as written -> standard indicators (planwatch/data/indicators.yaml, names.yaml)
    framing     the years a document reports on and plans, also from its text when the title is silent;
                the metadata's guess checked against the title (a passing 十四五 makes no plan)
    context     sections of a document: role and period their headings and lists of goals give
    resolve     the order of evidence for role and period; the rule and span that decided each, confidence
    periods     period words in a sentence (上半年, 前三季度, "十三五"期间 ...)
    names       indicator names in a text, with names written short in a coordination
    script      traditional characters read as simplified (one for one: offsets hold)
    spacing     numbers spaced out digit by digit (2 0 0 1年) read closed up, offsets mapped back
    layout      a text flattened to one line read with its wide gaps as line breaks, offsets kept
    statement   what one statement means: measure, signed value, role, period, flags
    prose       facts from sentences and `——` bullets
    tables      facts from indicator tables (flattened, `|`-joined, real markup)
    merge       one fact per identity, conflicting values kept in `also`
    commitments tasks and projects (data/commitments.yaml), main indicators' quantities left to the facts
"""

import gc
from bisect import bisect_left
from contextlib import contextmanager
from dataclasses import replace

from ..documents import Document
from . import catalogue
from ..model import Commitment, Fact
from .commitments import read_commitments
from .reading import Reading
from .framing import reframed
from .layout import lined
from .merge import merge
from .prose import prose_facts
from .resolve import confidence
from .script import as_written, simplified
from .spacing import closed_up, restored
from .tables import extract_tables, read_extents


def extract(document: Document) -> list[Fact]:
    """All main-indicator facts of a document (prose and tables), one per identity,
    in the order they are stated; ordinary quantities the catalogue reads (main: false) are not emitted. Facts inside noise spans (spam, page furniture) are dropped,
    and so are sentences read in an indicator table's rendering (the table reader reads it)."""
    return _read(document, commitments=False)[0]


def extract_commitments(document: Document) -> list[Commitment]:
    """The commitments (tasks and projects) of a document, in the order they are stated."""
    return extract_all(document)[1]


def extract_all(document: Document) -> tuple[list[Fact], list[Commitment]]:
    """Facts and commitments, the text read once for both: a quantity read as a main
    indicator's is no commitment."""
    return _read(document, commitments=True)


@contextmanager
def _cycles_uncollected():
    """Reading a document builds millions of short-lived objects (matches, quantities, names)
    and no cycles among them; the cycle collector's passes over them took about an eighth of the
    reading time (bench/extract_speed.py). It pauses while a document is read and resumes after,
    when it collects whatever is left (unless something else had paused it)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_cycles_uncollected()
def _read(document: Document, commitments: bool) -> tuple[list[Fact], list[Commitment]]:
    folded = simplified(document)
    compact, kept = closed_up(folded)
    shadow = reframed(lined(compact))
    reading = Reading.of(shadow, numbers=commitments)
    tables = extract_tables(shadow)
    facts = _outside(prose_facts(shadow, reading), read_extents(shadow, tables)) + tables
    if document.meta.region_level == "national":
        facts = [_nationally(fact) for fact in facts]
    facts = merge(_outside([fact for fact in facts if catalogue.is_main(fact.indicator)], shadow.noise))
    found = restored(read_commitments(shadow, facts, reading), kept) if commitments else []
    facts = as_written(restored(facts, kept), document, folded)
    return [replace(fact, confidence=confidence(fact)) for fact in facts], found


def _nationally(fact: Fact) -> Fact:
    """A name that means another indicator in a national document (财政收入: 全国一般公共预算收入)."""
    meant = catalogue.national(fact.name_as_written or "")
    return replace(fact, indicator=meant.name) if meant else fact


def _outside(facts: list[Fact], noise: list[tuple[int, int]]) -> list[Fact]:
    """Facts whose evidence overlaps none of the spans."""
    spans: list[list[int]] = []
    for start, end in sorted(noise):
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    starts = [start for start, _ in spans]
    kept = []
    for fact in facts:
        index = bisect_left(starts, fact.end) - 1
        if index < 0 or spans[index][1] <= fact.start:
            kept.append(fact)
    return kept


__all__ = ["Commitment", "Fact", "extract", "extract_all", "extract_commitments"]
