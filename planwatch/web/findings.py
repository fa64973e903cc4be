"""Warnings shown beside a region's table: the same fact stated with different
values by different documents (or twice in one), which a reader should check."""

from __future__ import annotations

from collections import defaultdict


def region_findings(facts: list[dict]) -> list[dict]:
    stated = defaultdict(list)
    for fact in facts:
        if fact["value"] is not None:
            stated[(fact["indicator"], fact["role"], fact["period"], fact["measure"])].append(fact)
    findings = []
    for (indicator, role, period, measure), group in sorted(stated.items()):
        values = sorted({f["value"] for f in group if not f["estimated"]})
        if len(values) > 1:
            findings.append({"kind": "conflict", "indicator": indicator, "role": role, "period": period,
                             "measure": measure, "values": values,
                             "facts": [{"id": f["id"], "document_id": f["document_id"], "value": f["value"],
                                        "doc_name": f["doc_name"]} for f in group]})
    return findings
