"""`planwatch evaluate`, `planwatch findings`, `planwatch plans`, `planwatch report`:
targets against results, consistency findings, five-year plans and report tables."""

from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

import typer

from .root import app
from .common import DB_OPTION, FORMAT_OPTION, REGION_OPTION, err, open_store
from .output import Format, emit, emit_each

if TYPE_CHECKING:
    from ..evaluate import Finding, Plan, Verdict

VERDICT_COLUMNS = ("region", "indicator", "period", "measure", "label", "target", "result", "reason")
FINDING_COLUMNS = ("region", "indicator", "period", "label", "message", "sources")
PLAN_COLUMNS = ("region", "span", "indicator", "attribute", "unit", "baseline", "target", "required", "achieved",
                "label", "warning", "reason")


def _verdict_row(verdict: Verdict) -> dict:
    from ..evaluate.wording import describe

    return {"region": verdict.region, "indicator": verdict.indicator, "period": verdict.period,
            "measure": verdict.measure, "label": verdict.label, "target": describe(verdict.target),
            "result": _result_words(verdict), "reason": verdict.reason}


def _result_words(verdict: Verdict) -> str:
    """What was judged: a computed figure (an average growth) or the best stated result."""
    from ..evaluate.wording import describe, rounded

    if verdict.achieved is not None:
        return f"{verdict.achieved.basis}：{rounded(verdict.achieved.value)}{verdict.achieved.unit or ''}"
    return describe(verdict.results[0]) if verdict.results else ""


def _finding_row(finding: Finding) -> dict:
    record = finding.to_dict()
    record["sources"] = "；".join(f"{e.source.doc_name}[{e.source.start}:{e.source.end}]" for e in finding.evidence)
    return record


def _plan_rows(plan: Plan) -> list[dict]:
    from ..evaluate.wording import describe, rounded

    def growth(value, unit: str) -> str:
        return "" if value is None else f"{rounded(value)}{unit}"

    return [{"region": plan.region, "span": plan.span, "indicator": item.indicator, "attribute": item.attribute,
             "unit": item.unit, "baseline": describe(item.baseline) if item.baseline else "",
             "target": "；".join(describe(t) for t in (item.target_level, item.target_growth) if t),
             "required": growth(item.required_growth, item.growth_unit),
             "achieved": growth(item.achieved_growth, item.growth_unit), "label": item.label,
             "warning": "预警" if item.warning else "", "reason": item.reason}
            for item in plan.indicators]


@app.command("evaluate")
def evaluate_command(
    db: str | None = DB_OPTION, region: str | None = REGION_OPTION,
    period: str | None = typer.Option(None, "--period", help="Only targets of this period (2023, 2021-2025 ...)."),
    fmt: Format = FORMAT_OPTION,
):
    """Judge each stored target against the stored results of its region: status, label and reason."""
    from ..evaluate import evaluate

    with open_store(db) as store:
        found = evaluate(store, region=region, period=period)
    emit_each(found, fmt, _verdict_row, VERDICT_COLUMNS)


@app.command("findings")
def findings_command(db: str | None = DB_OPTION, region: str | None = REGION_OPTION, fmt: Format = FORMAT_OPTION):
    """Consistency findings: two values for one fact, a cumulative \\[x] against its levels, growth against levels, restatements."""
    from ..evaluate import check

    with open_store(db) as store:
        found = check(store, region=region)
    emit_each(found, fmt, _finding_row, FINDING_COLUMNS)


@app.command("plans")
def plans_command(
    db: str | None = DB_OPTION, region: str | None = REGION_OPTION,
    span: str | None = typer.Option(None, "--span", help="Only this plan period, e.g. 2021-2025."),
    fmt: Format = FORMAT_OPTION,
):
    """Five-year plans: per indicator base, targets, progress, required vs achieved growth, 预警
    (jsonl: a plan a line; csv and table: an indicator a row)."""
    from ..evaluate import plan_progress

    with open_store(db) as store:
        found = plan_progress(store, region=region, span=span)
    if fmt is Format.jsonl:
        emit((p.to_dict() for p in found), fmt)
    else:
        emit((row for plan in found for row in _plan_rows(plan)), fmt, PLAN_COLUMNS)


@app.command("report")
def report_command(
    region: str = typer.Option(..., "--region", help="The region (e.g. 武昌区)."),
    period: str = typer.Option(..., "--period", help="A year (2023) or a five-year plan's span (2021-2025)."),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write."),
    fmt: str = typer.Option("xlsx", "--format", "-f", help="xlsx, docx or csv."),
    issuer: str = typer.Option("", "--issuer", help="填报单位 for the title block (e.g. 洪山区发展和改革局); blank to fill in by hand."),
    tasks: bool = typer.Option(False, "--tasks", help="The year's 重点工作任务完成情况表 (promised tasks and projects) instead."),
    db: str | None = DB_OPTION,
):
    """Write 主要指标完成情况表 of a year, or a five-year plan's progress table (or with --tasks the
    重点工作任务完成情况表), as XLSX, DOCX or CSV."""
    from ..export import commitment_report, report, write

    with open_store(db) as store:
        table = commitment_report(store, region, period, issuer) if tasks else report(store, region, period, issuer)
        write(table, fmt, output)
    err.print(f"{table.title}：{len(table.rows)}{'项任务' if tasks else '个指标'} → {output}", highlight=False)
