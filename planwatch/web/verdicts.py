"""planwatch.evaluate's verdicts, five-year plans and findings for the rows the pages read.

evaluate takes StoredFacts; the pages read plain rows (queries.py), so each row
becomes a StoredFact here (the store's own conversion) rather than a second database read.
"""

from __future__ import annotations

from .. import evaluate
from ..store.convert import stored_fact


def target_statuses(rows: list[dict]) -> dict[int, dict]:
    """Fact id of each judged target -> its status, label and reason (verdicts only: cheap)."""
    return {verdict.target.source.fact_id: {"status": verdict.status, "label": verdict.label,
                                            "reason": verdict.reason}
            for verdict in evaluate.verdicts([stored_fact(r) for r in rows])}


def evaluated(rows: list[dict], text_of) -> dict:
    """{"verdicts", "plans", "findings"} as evaluate's to_dict() gives them (the CLI's records);
    every shown value and evidence carries `source.fact_id`, the fact a click opens."""
    records = [stored_fact(r) for r in rows]
    verdicts = evaluate.verdicts(records)
    return {"verdicts": [v.to_dict() for v in verdicts],
            "plans": [p.to_dict() for p in evaluate.plans(records, verdicts)],
            "findings": [f.to_dict() for f in evaluate.findings(records, text_of)]}
