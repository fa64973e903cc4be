"""View dicts of the pages: what the template shows and the JSON twin returns.

Values stay Decimal here; render.dumps writes them as exact JSON numbers.
Words are keys (role, measure, status); templates translate them.
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache, partial

from fastapi import HTTPException
from sqlalchemy.engine import Connection

from ..documents import region_key
from ..evaluate.commitments import counts, links
from ..evaluate.periods import chronological
from ..model import Commitment, Period
from ..words import say
from . import charts, queries
from .grids import findings_table, grid, verdict_table
from .verdicts import evaluated, target_statuses

HOME_REGIONS = 300
HOME_DOCUMENTS = 20
HOME_VERDICTS = 12
CHART_REGIONS = 5
HEADLINE = ("地区生产总值", "growth")
FACT_TABLE_COLUMNS = ["indicator", "role", "period", "measure", "value", "upper", "comparator", "unit",
                      "text", "estimated", "stretch", "cumulative", "source", "region", "doc_name", "doc_date",
                      "start", "end", "id", "document_id"]


def home(conn: Connection, t) -> dict:
    regions = queries.regions(conn, HOME_REGIONS)
    documents = queries.latest_documents(conn, HOME_DOCUMENTS)
    latest = _latest_region(conn, documents)
    return {
        "counts": queries.counts(conn),
        "regions": regions,
        "documents": documents,
        "indicators": queries.indicator_catalogue(conn),
        **latest,
        "tables": [_table("regions", ["key", "name", "documents", "facts", "latest"], regions),
                   _table("documents", ["id", "name", "title", "region", "doc_type", "date", "fact_count"],
                          documents),
                   verdict_table("latest_verdicts", latest["verdicts"], t), findings_table(latest["findings"], t)],
        "filename": "planwatch",
    }


def _texts(conn: Connection):
    """text_of(doc_id) for evaluate's findings, each document read once."""
    return cache(partial(queries.document_text, conn))


def _latest_region(conn: Connection, documents: list[dict]) -> dict:
    """Verdicts and warnings of the region whose document came last, newest periods first."""
    key = next((d["region_key"] for d in documents if d["region_key"]), None)
    if key is None:
        return {"verdicts": [], "findings": [], "latest_region": None}
    judged = evaluated(queries.region_facts(conn, key), _texts(conn))
    # The latest period first; within it, judged ones before those still waiting for a result.
    verdicts = sorted(judged["verdicts"], key=lambda v: (v["period"], v["status"] not in ("unknown", "pending")),
                      reverse=True)[:HOME_VERDICTS]
    return {"verdicts": verdicts, "findings": judged["findings"][:HOME_VERDICTS],
            "latest_region": {"key": key, "name": next(d["region"] for d in documents if d["region_key"] == key)}}


def _columns(periods: list[str]) -> list[dict]:
    """Each period column with its year, so that a year's part-year columns (2023年上半年,
    2023年1—9月) can fold under the year's own column."""
    parsed = {p: Period.parse(p) for p in periods}
    with_parts = {q.first for q in parsed.values() if q and q.is_part}
    return [{"period": p, "year": q.first if q and not q.is_span else None, "part": bool(q and q.is_part),
             "folds": bool(q and q.is_year and q.first in with_parts)} for p, q in parsed.items()]


def region(conn: Connection, name: str, indicator: str | None, measure: str | None, t) -> dict:
    key = region_key(name) or name   # any form of the name works: 湖北省武汉市洪山区, 洪山区
    facts = queries.region_facts(conn, key)
    documents = queries.latest_documents(conn, 200, region_key=key)
    if not documents:
        raise HTTPException(404, say("没有地区 {key} 的文件", "no documents of the region {key}", key=key))
    judged = evaluated(facts, _texts(conn))
    rows, periods = _matrix(facts, {v["target"]["source"]["fact_id"]: v for v in judged["verdicts"]})
    chart_row = _chart_row(rows, indicator, measure)
    chart_facts = [f for f in facts if chart_row and (f["indicator"], f["measure"]) == chart_row["key"]]
    return {
        "region": {"key": key, "name": _fullest(documents) or key},
        "documents": documents,
        "periods": periods,
        "columns": _columns(periods),
        "rows": [{k: v for k, v in r.items() if k != "key"} for r in rows],
        **judged,
        "commitments": _commitment_counts(conn, key),
        "review": queries.region_review(conn, key),
        "entered": [f for f in facts if f.get("source")],   # 填报: shown with their written source
        "reports": [p["span"] for p in judged["plans"]]
        + sorted({v["period"] for v in judged["verdicts"] if charts.year_of(v["period"])}, reverse=True),
        "chart": {"indicator": chart_row["indicator"] if chart_row else None,
                  "measure": chart_row["measure"] if chart_row else None,
                  "option": _chart(chart_facts, {key: _fullest(documents) or key}, t)},
        "tables": [grid("indicator_table", ["indicator", "measure", "unit"], rows, periods, t),
                   findings_table(judged["findings"], t),
                   _table("facts", FACT_TABLE_COLUMNS, facts),
                   _table("documents", ["id", "name", "title", "doc_type", "date", "fact_count"], documents)],
        "filename": f"planwatch-{key}",
    }


def _commitment_counts(conn: Connection, key: str) -> dict:
    """Promised tasks and projects: how many, done (or exceeded), not reported, each status."""
    tally = counts(links(queries.region_commitments(conn, key)))
    return tally | {"fulfilled": tally["done"] + tally["exceeded"]}


def indicator(conn: Connection, name: str, measure: str | None, region_keys: list[str], t) -> dict:
    measures = queries.indicator_measures(conn, name)
    if not measures:
        raise HTTPException(404, say("没有指标 {name} 的数据", "no figures of the indicator {name}", name=name))
    measure = measure if measure in measures else measures[0]
    keys = [region_key(k) or k for k in region_keys if k.strip()] or queries.indicator_regions(
        conn, name, measure, CHART_REGIONS)
    facts = queries.indicator_facts(conn, name, measure, keys)
    names = queries.region_names(conn, keys)
    series = _series_table(facts, target_statuses(facts), names)
    periods = sorted({f["period"] for f in facts}, key=chronological)
    return {
        "indicator": name,
        "measure": measure,
        "measures": measures,
        "regions": [{"key": k, "name": names.get(k, k)} for k in keys],
        "chart": {"option": _chart(facts, names, t)},
        "series": series,
        "periods": periods,
        "tables": [grid("regions_compared", ["region"], series, periods, t),
                   _table("facts", FACT_TABLE_COLUMNS, facts)],
        "filename": f"planwatch-{name}-{measure}",
    }


def document(conn: Connection, doc_id: int) -> dict:
    doc = queries.document(conn, doc_id)
    if doc is None:
        raise HTTPException(404, say("没有编号为 {id} 的文件", "no document numbered {id}", id=doc_id))
    facts = queries.document_facts(conn, doc_id)
    for fact in facts:
        fact["evidence"] = doc["text"][fact["start"]:fact["end"]]
        fact["why"] = [_why(aspect, fact[f"{aspect}_basis"], doc["text"]) for aspect in ("role", "period")
                       if fact[f"{aspect}_basis"]]
    commitments = [_commitment_brief(c, doc["text"]) for c in queries.document_commitments(conn, doc_id)]
    return {
        "document": doc,
        "facts": facts,
        "commitments": commitments,
        "tables": [_table("facts", ["id", "indicator", "role", "period", "measure", "value", "upper",
                                    "comparator", "unit", "text", "estimated", "evidence", "start", "end", "review",
                                    "source"],
                          facts),
                   _table("commitments", ["id", "object", "role", "period", "stage", "value", "upper", "comparator",
                                          "unit", "money", "evidence", "start", "end", "review"], commitments)],
        "filename": f"planwatch-document-{doc_id}",
    }


def _commitment_brief(record, text: str) -> dict:
    c = record.commitment
    return {"id": record.id, "kind": c.kind, "role": c.role, "period": c.period, "object": c.object,
            "stage": c.stage, "action": c.action, "value": c.value, "upper": c.upper, "unit": c.unit,
            "comparator": c.comparator, "money": c.money, "names": list(c.names), "start": c.start, "end": c.end,
            "evidence": text[c.start:c.end], "review": record.review, "decision_id": record.decision_id,
            "fields": editable(c, text[c.start:c.end])}


def editable(c: Commitment, evidence: str) -> dict:
    """A commitment's fields as the review form shows them (templates/review_commitment_form.html)."""
    def typed(value):
        return "" if value is None else format(value.normalize(), "f")
    return {"kind": c.kind, "role": c.role, "period": str(c.period), "object": c.object, "stage": c.stage,
            "action": c.action or "", "value": typed(c.value), "upper": typed(c.upper), "unit": c.unit or "",
            "comparator": c.comparator or "=", "money": typed(c.money), "names": "、".join(c.names),
            "responsible": c.responsible or "", "evidence": evidence}


def _why(aspect: str, basis: dict, text: str) -> dict:
    """What decided a fact's role or period: the rule, and the words it read (none for a
    document-wide guess such as the date line)."""
    start, end = basis.get("start"), basis.get("end")
    words = text[start:end] if start is not None and end is not None else None
    return {"aspect": aspect, "rule": basis["rule"], "words": words, "start": start, "end": end}


def _fullest(documents: list[dict]) -> str | None:
    return max((d["region"] for d in documents if d["region"]), key=len, default=None)


def _table(name: str, columns: list[str], rows: list[dict]) -> dict:
    return {"name": name, "columns": columns, "rows": rows}


def _matrix(facts: list[dict], verdicts: dict) -> tuple[list[dict], list[str]]:
    """Rows per (indicator, measure), a cell per period with its targets (and their verdicts) and results."""
    cells: dict[tuple, dict[str, dict]] = defaultdict(lambda: defaultdict(lambda: {"targets": [], "results": []}))
    for fact in facts:
        group = "targets" if fact["role"] == "target" else "results"
        cells[(fact["indicator"], fact["measure"])][fact["period"]][group].append(fact)
    periods = sorted({p for row in cells.values() for p in row}, key=chronological)
    rows = []
    for (name, measure), by_period in sorted(cells.items()):
        row_cells = {}
        for period, cell in by_period.items():
            row_cells[period] = {
                "targets": [_brief(t) | _status(verdicts.get(t["id"])) for t in cell["targets"]],
                "results": [_brief(r) for r in cell["results"]],
            }
        rows.append({"key": (name, measure), "indicator": name, "measure": measure,
                     "unit": next((f["unit"] for c in by_period.values() for f in c["results"] + c["targets"]
                                   if f["unit"]), None),
                     "cells": row_cells})
    return rows, periods


def _status(verdict: dict | None) -> dict:
    if verdict is None:   # a second statement of a target that evaluate judged once
        return {"status": None, "label": None, "reason": None}
    return {k: verdict[k] for k in ("status", "label", "reason")}


def _brief(fact: dict) -> dict:
    keys = ("id", "document_id", "role", "value", "upper", "comparator", "unit", "text", "estimated",
            "stretch", "cumulative")
    return {k: fact[k] for k in keys}


def _chart_row(rows: list[dict], indicator: str | None, measure: str | None) -> dict | None:
    chosen = [r for r in rows if r["indicator"] == indicator and (measure is None or r["measure"] == measure)]
    if chosen:
        return chosen[0]
    yearly = [r for r in rows if any(charts.year_of(p) for p in r["cells"])]
    # The headline indicator first (GDP growth), else the one stated for the most years.
    return max(yearly, key=lambda r: ((r["indicator"], r["measure"]) == HEADLINE,
                                      sum(1 for p in r["cells"] if charts.year_of(p))), default=None)


def _chart(facts: list[dict], names: dict[str, str], t) -> dict:
    points = [f | {"region": names.get(f["region_key"], f["region_key"])} for f in facts]
    unit = next((f["unit"] for f in facts if f["unit"]), None)
    return charts.time_series(points, t, unit)


def _series_table(facts: list[dict], statuses: dict[int, dict], names: dict[str, str]) -> list[dict]:
    """Region by period, one line per region: what the chart shows, as a table;
    targets carry their verdict, judged on this indicator's facts of the region."""
    by_region: dict[str, dict] = {}
    for fact in facts:
        key = fact["region_key"]
        row = by_region.setdefault(key, {"region": names.get(key, fact["region"]), "cells": defaultdict(list)})
        brief = _brief(fact)
        if fact["role"] == "target":
            brief |= statuses.get(fact["id"]) or _status(None)
        row["cells"][fact["period"]].append(brief)
    return [{"region_key": k, "region": v["region"], "cells": dict(v["cells"])} for k, v in by_region.items()]
