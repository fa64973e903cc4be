"""planwatch.evaluate's verdicts for the rows the pages read.

evaluate takes StoredFact-like records; the pages read plain rows (queries.py),
so each row becomes a light record here rather than a second database read.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..evaluate.verdicts import verdicts
from ..extract.fact import Fact

FACT_FIELDS = ("indicator", "role", "period", "measure", "value", "unit", "comparator", "start", "end",
               "text", "upper", "estimated", "stretch", "cumulative", "attribute", "assessment",
               "name_as_written")


@dataclass(frozen=True)
class Record:
    fact: Fact
    document_id: int
    doc_name: str
    doc_title: str | None
    region: str | None
    region_key: str | None
    doc_type: str | None
    doc_date: str | None


def record(row: dict) -> Record:
    fact = Fact(**{k: row[k] for k in FACT_FIELDS})
    return Record(fact, row["document_id"], row["doc_name"], row["doc_title"], row["region"],
                  row["region_key"], row["doc_type"], row["doc_date"])


def judged(rows: list[dict]) -> list[dict]:
    """Each target's verdict as a dict (evaluate's to_dict), with the target's fact id."""
    ids = {(r["document_id"], r["start"], r["end"], r["indicator"], r["period"], r["measure"]): r["id"]
           for r in rows if r["role"] == "target"}
    out = []
    for verdict in verdicts([record(r) for r in rows]):
        item = verdict.to_dict()
        src = verdict.target.source
        item["target_id"] = ids.get((src.document_id, src.start, src.end, verdict.indicator, verdict.period,
                                     verdict.measure))
        item["plan"] = src.doc_type == "plan_outline"
        out.append(item)
    return out
