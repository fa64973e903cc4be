"""Stage: evaluate. Targets linked to results, verdicts, five-year plans, findings.

On records (StoredFact or anything shaped like it):

    verdicts(records) -> list[Verdict]      one per (region, indicator, period, measure) target
    plans(records) -> list[Plan]            a five-year plan's table, progress and 预警
    findings(records, text_of) -> list[Finding]
    links(commitments) -> list[Link]        each promised task or project with its answers and status
    projects(commitments) -> list[Project]  each named project with its mentions across years

On a store (what the CLI and the web call):

    evaluate(store, region=None, period=None) -> list[Verdict]
    plan_progress(store, region=None, span=None) -> list[Plan]
    check(store, region=None) -> list[Finding]
    follow(store, region=None, period=None, status=None) -> list[Link]
    project_records(store, region=None) -> list[Project]
"""

from __future__ import annotations

from ..model import Period
from . import areas
from .commitments import Link, follow, links
from .findings import findings
from .model import Achieved, Evidence, Finding, Shown, Source, Verdict
from .plans import Plan, PlanIndicator, YearPoint, plans
from .projects import Project, project_records, projects
from .verdicts import verdicts

__all__ = ["areas", "Achieved", "Evidence", "Finding", "Link", "Plan", "PlanIndicator", "Project", "Shown", "Source", "Verdict",
           "YearPoint", "check", "evaluate", "findings", "follow", "links", "plan_progress", "plans", "project_records",
           "projects", "verdicts"]


def evaluate(store, region: str | None = None, period: str | None = None) -> list[Verdict]:
    """Verdicts on the targets of one region (or all), optionally of one period."""
    wanted = None if period is None else Period.asked(period)
    found = verdicts(store.facts(region=region))
    return [v for v in found if wanted is None or v.period == wanted]


def plan_progress(store, region: str | None = None, span: str | None = None) -> list[Plan]:
    wanted = None if span is None else Period.asked(span)
    found = plans(store.facts(region=region))
    return [p for p in found if wanted is None or p.span == wanted]


def check(store, region: str | None = None) -> list[Finding]:
    """Consistency findings, with the other value of a fact located in its document's text."""
    texts: dict[int, str | None] = {}

    def text_of(doc_id: int) -> str | None:
        if doc_id not in texts:
            texts[doc_id] = store.document(doc_id).text
        return texts[doc_id]

    return findings(store.facts(region=region), text_of)
