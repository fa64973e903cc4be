"""planwatch.evaluate's verdicts, five-year plans and findings for the rows the pages read.

evaluate takes StoredFacts; the pages read plain rows (queries.py), so each row
becomes a StoredFact here rather than a second database read.
"""

from __future__ import annotations

from .. import evaluate
from ..extract.fact import Fact
from ..store import StoredFact

FACT_FIELDS = ("indicator", "role", "period", "measure", "value", "unit", "comparator", "start", "end",
               "text", "upper", "estimated", "stretch", "cumulative", "attribute", "assessment",
               "name_as_written")


def record(row: dict) -> StoredFact:
    fact = Fact(**{k: row[k] for k in FACT_FIELDS})
    return StoredFact(row["id"], fact, row["document_id"], row["doc_name"], row["doc_title"], row["region"],
                      row["region_key"], row["doc_type"], row["doc_date"], row["doc_version"],
                      row["extractor_version"])


def target_statuses(rows: list[dict]) -> dict[int, dict]:
    """Fact id of each judged target -> its status, label and reason (verdicts only: cheap)."""
    link = _linker(rows)
    judged = {}
    for verdict in evaluate.verdicts([record(r) for r in rows]):
        item = verdict.to_dict()
        link(item["target"])
        judged[item["target"]["fact_id"]] = {k: item[k] for k in ("status", "label", "reason")}
    return judged


def evaluated(rows: list[dict], text_of) -> dict:
    """{"verdicts", "plans", "findings"} as evaluate's to_dict() gives them; every
    shown value and evidence also carries `fact_id`, the fact a click opens."""
    records = [record(r) for r in rows]
    verdicts = evaluate.verdicts(records)
    link = _linker(rows)
    plans = [p.to_dict() for p in evaluate.plans(records, verdicts)]
    for plan in plans:
        for item in plan["indicators"]:
            link(item["baseline"], item["target_level"], item["target_growth"],
                 *(point[k] for point in item["progress"] for k in ("level", "growth")))
    out = {"verdicts": [v.to_dict() for v in verdicts], "plans": plans,
           "findings": [f.to_dict() for f in evaluate.findings(records, text_of)]}
    for verdict in out["verdicts"]:
        link(verdict["target"], verdict["stretch_target"], *verdict["results"])
    for finding in out["findings"]:
        link(*finding["evidence"])
    return out


def _linker(rows: list[dict]):
    by_span = {(r["document_id"], r["start"], r["end"]): r["id"] for r in rows}

    def link(*shown: dict | None) -> None:
        for item in shown:
            if item is not None:
                source = item["source"]
                item["fact_id"] = by_span.get((source["document_id"], source["start"], source["end"]))

    return link
