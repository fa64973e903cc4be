"""planwatch.evaluate's verdicts, five-year plans and findings for the rows the pages read.

evaluate takes StoredFact-like records; the pages read plain rows (queries.py),
so each row becomes a light record here rather than a second database read.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import evaluate
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


def evaluated(rows: list[dict], text_of) -> dict:
    """{"verdicts", "plans", "findings"} as evaluate's to_dict() gives them; every
    shown value and evidence also carries `fact_id`, the fact a click opens."""
    records = [record(r) for r in rows]
    verdicts = evaluate.verdicts(records)
    by_span = {(r["document_id"], r["start"], r["end"]): r["id"] for r in rows}
    return {
        "verdicts": [_with_ids(v.to_dict(), by_span) for v in verdicts],
        "plans": [_with_ids(p.to_dict(), by_span) for p in evaluate.plans(records, verdicts)],
        "findings": [_with_ids(f.to_dict(), by_span) for f in evaluate.findings(records, text_of)],
    }


def _with_ids(item, by_span: dict):
    """Walk a to_dict() result; put fact_id beside every source that points at a stored fact."""
    if isinstance(item, list):
        return [_with_ids(i, by_span) for i in item]
    if not isinstance(item, dict):
        return item
    out = {k: _with_ids(v, by_span) for k, v in item.items()}
    source = item.get("source")
    if isinstance(source, dict):
        out["fact_id"] = by_span.get((source.get("document_id"), source.get("start"), source.get("end")))
    return out
