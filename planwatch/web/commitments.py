"""Commitments on the dashboard: a region's promised tasks and projects with their status
and both evidence spans, its named projects, and the 重点工作任务完成情况表.

Each page builds one view dict (its JSON twin, and its `tables` as CSV/XLSX downloads)
from planwatch.evaluate; evidence is quoted from the documents' stored text, only the words
of each span read."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, HTTPException, Request
from sqlalchemy.engine import Connection

from .. import export
from ..documents import region_key
from ..errors import EvaluationError
from ..evaluate import Link, Project, areas, follow, links, project_records, projects
from ..evaluate.commitments import STATUSES, counts, stated
from ..evaluate.periods import chronological
from ..evaluate.wording import number
from ..model import KINDS, Commitment, Period
from ..words import Words, say
from . import i18n, queries
from .pages import connection
from .render import json_response, requested_format, respond
from .reports import MEDIA, _file
from .security import plain_parameters
from .views import editable

router = APIRouter(dependencies=[Depends(plain_parameters)])
COMMITMENT_COLUMNS = ["period", "kind", "area_label", "stage", "object", "target", "status_label", "answer", "reason",
                      "target_doc", "target_evidence", "answer_doc", "answer_evidence"]
PROJECT_COLUMNS = ["project", "phase_label", "years", "investment", "mention_count"]
MENTION_COLUMNS = ["project", "period", "role", "stage", "phase_label", "statement", "money", "doc", "evidence"]


def _stored(conn: Connection, key: str) -> list:
    """The region's commitments (latest document versions); 404 for a region with no document."""
    key = region_key(key) or key
    if not queries.latest_documents(conn, 1, region_key=key):
        raise HTTPException(404, say("没有地区 {key} 的文件", "no documents of the region {key}", key=key))
    return queries.region_commitments(conn, key)


@router.get("/regions/{key}/commitments", summary="重点工作任务:各年承诺的任务和项目、完成状态及两处原文出处")
def commitments_page(request: Request, key: str, period: str | None = None, kind: str | None = None,
                     area: str | None = None, status: str | None = None, q: str = "", conn=Depends(connection)):
    found = links(_stored(conn, key))
    wanted = Filters(period, kind or None, area or None, status or None, q.strip()[:50])
    return respond(request, "commitments.html",
                   commitments_view(conn, key, found, wanted, i18n.translator(i18n.language(request))))


@router.get("/commitments", summary="重点工作任务(JSON):按地区、时期、状态筛选,与 planwatch commitments 的输出相同")
def commitments_api(request: Request, region: str | None = None, period: str | None = None,
                    status: str | None = None):
    found = follow(request.app.state.store, region=region, period=period, status=status)
    return json_response({"commitments": [link.to_dict() for link in found]})


@router.get("/projects", summary="重大项目(JSON):按地区筛选,与 planwatch projects 的输出相同")
def projects_api(request: Request, region: str | None = None):
    found = project_records(request.app.state.store, region=region)
    return json_response({"projects": [project.to_dict() for project in found]})


@router.get("/regions/{key}/projects", summary="重大项目:每个项目在各年文件中的全部记载")
def projects_page(request: Request, key: str, conn=Depends(connection)):
    t = i18n.translator(i18n.language(request))
    return respond(request, "projects.html", projects_view(conn, key, projects(_stored(conn, key)), t))


@router.get("/regions/{key}/commitments/report/{period}", summary="报表:重点工作任务完成情况表(XLSX、DOCX、CSV)")
def commitment_report(request: Request, key: str, period: str, conn=Depends(connection)):
    try:
        table = export.commitment_table(links(_stored(conn, key)), key, Period.asked(period))
    except EvaluationError as exc:
        raise HTTPException(404, exc.args[0]) from None   # Words: the message in both languages
    fmt = requested_format(request)
    if fmt in MEDIA:
        return _file(table, fmt)
    return respond(request, "report.html", table.to_dict() | {"region_key": region_key(key) or key})


@dataclass(frozen=True)
class Filters:
    """What the commitments page is asked to show (None: any)."""

    period: str | None
    kind: str | None
    area: str | None
    status: str | None
    q: str

    def check(self) -> None:
        for name, allowed in (("kind", KINDS), ("area", areas.names()), ("status", STATUSES)):
            if getattr(self, name) not in (None, *allowed):
                raise HTTPException(400, say("{name} 可选 {allowed}", "{name} takes one of {allowed_en}", name=name,
                                             allowed="、".join(allowed), allowed_en=", ".join(allowed)))

    def keep(self, link: Link, period: str) -> bool:
        c = link.target.commitment
        return ((period == "all" or c.period == period) and self.kind in (None, c.kind)
                and self.area in (None, areas.area(c)) and self.status in (None, link.status)
                and (not self.q or self.q in c.object or any(self.q in name for name in c.names)))


def commitments_view(conn: Connection, key: str, found: list[Link], wanted: Filters, t) -> dict:
    wanted.check()
    periods = sorted({link.target.commitment.period for link in found}, key=chronological, reverse=True)
    period = _chosen_period(wanted.period, periods)
    chosen = [link for link in found if wanted.keep(link, period)]
    words = queries.commitment_evidence(conn, [r.id for link in chosen for r in (link.target, *_best(link))])
    rows = [_link_row(link, words, t) for link in chosen]
    return {"region": _region([link.target for link in found], key), "periods": periods,
            "filters": {"period": period, "kind": wanted.kind or "", "area": wanted.area or "",
                        "status": wanted.status or "", "q": wanted.q},
            "statuses": list(STATUSES), "areas": list(areas.names()),
            "counts": counts(chosen), "commitments": rows,
            "tables": [{"name": "commitments", "columns": COMMITMENT_COLUMNS, "rows": rows}],
            "filename": f"planwatch-{region_key(key) or key}-commitments"}


def _chosen_period(asked: str | None, periods: list[str]) -> str:
    """The year asked for, `all`, or by default the latest year with promises."""
    if asked == "all" or (asked is None and not periods):
        return "all"
    return str(Period.asked(asked)) if asked else periods[0]


def _region(records: list, key: str) -> dict:
    """The region's key and its fullest name among the records."""
    name = max((r.region or "" for r in records), key=len, default="") or key
    return {"key": region_key(key) or key, "name": name}


def _best(link: Link) -> list:
    """The answer shown beside the promise: the best one, if any."""
    return [link.answers[0].record] if link.answers else []


def _link_row(link: Link, words: dict[int, str], t) -> dict:
    target, best = link.target, next(iter(_best(link)), None)
    c = target.commitment
    area = areas.area(c)
    row = {"id": target.id, "period": c.period, "kind": c.kind, "area": area, "area_label": t(f"area_{area}"),
           "stage": c.stage, "object": c.object,
           "names": list(c.names), "target": _statement(c), "status": link.status, "status_label": link.label,
           "reason": link.reason, "answer_count": len(link.answers)}
    row |= {f"target_{k}": v for k, v in _evidence(target, words).items()}
    answer = (_evidence(best, words) if best else
              dict.fromkeys(("doc", "document_id", "id", "evidence", "review", "expected", "fields")))
    return row | {"answer": _statement(best.commitment) if best else None} | {f"answer_{k}": v
                                                                             for k, v in answer.items()}


def _evidence(record, words: dict[int, str]) -> dict:
    """Where a commitment is stated: its document, id and the words of its evidence span (by
    the record's id in `words`); its review state, and what a reviewer's form is pre-filled with."""
    c = record.commitment
    evidence = words.get(record.id, "")
    return {"doc": record.doc_title or record.doc, "document_id": record.document_id, "id": record.id,
            "evidence": evidence, "review": record.review, "expected": record.decision_id or 0,
            "fields": editable(c, evidence)}


def _statement(c: Commitment) -> Words:
    if c.money is None:
        return stated(c)
    return say("{stated}，投资{money}亿元", "{stated}, an investment of {money}亿元", stated=stated(c), money=number(c.money))


def projects_view(conn: Connection, key: str, found: list[Project], t) -> dict:
    words = queries.commitment_evidence(conn, [m.record.id for project in found for m in project.mentions])
    rows = [_project_row(project, words, t) for project in found]
    mentions = [m for row in rows for m in row["mentions"]]
    return {"region": _region([m.record for p in found for m in p.mentions], key), "projects": rows,
            "tables": [{"name": "projects", "columns": PROJECT_COLUMNS, "rows": rows},
                       {"name": "project_mentions", "columns": MENTION_COLUMNS, "rows": mentions}],
            "filename": f"planwatch-{region_key(key) or key}-projects"}


def _project_row(project: Project, words: dict[int, str], t) -> dict:
    mentions = []
    for m in project.mentions:
        c = m.record.commitment
        mentions.append({"project": project.name, "as_written": m.name, "period": c.period, "role": c.role,
                         "stage": c.stage, "phase": m.phase, "phase_label": t(f"phase_{m.phase}"),
                         "statement": _statement(c), "money": c.money, **_evidence(m.record, words)})
    return {"project": project.name, "phase": project.phase, "phase_label": t(f"phase_{project.phase}"),
            "years": project.years, "investment": project.investment, "mention_count": len(mentions),
            "mentions": mentions}
