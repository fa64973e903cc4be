"""A five-year plan's progress table: its indicators, base and targets, each
year's figures, the growth it needs against the growth achieved, status and 预警."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..documents.regions import region_key
from ..errors import EvaluationError
from ..evaluate import Plan, PlanIndicator, plans
from ..evaluate.model import Record, region_of
from ..model import Period
from ..evaluate.wording import cited, describe, rounded
from ..words import say
from .table import Column, ReportTable


def plan_table(records: Iterable[Record], region: str, span: str) -> ReportTable:
    wanted = region_key(region)
    records = [r for r in records if region_of(r) == wanted]
    found = [p for p in plans(records) if p.span == span]
    if not found:
        raise EvaluationError(say("{region}没有{span}年的规划目标，无法生成规划进展表",
                                  "{region} has no plan targets for {span}: no plan progress table can be made",
                                  region=region, span=span))
    plan = found[0]
    period = Period(span)
    years = list(range(period.first, period.last + 1))
    columns = [
        Column("no", "序号"), Column("indicator", "指标名称"), Column("unit", "单位"), Column("attribute", "属性"),
        Column("baseline", f"{period.first - 1}年基期", "规划目标"), Column("target", f"{period.last}年目标", "规划目标"),
        Column("over", "年均增长/累计", "规划目标"),
        *[Column(f"y{year}", f"{year}年", "年度进展") for year in years],
        Column("required", "所需", "年均增速"), Column("achieved", "已实现", "年均增速"),
        Column("status", "状态"), Column("warning", "预警"), Column("assessment", "规划自评"),
        Column("department", "责任单位"),
    ]
    rows = [_row(n, item, years) for n, item in enumerate(plan.indicators, start=1)]
    title = f"{plan.region}{span}年规划主要指标进展情况表"
    return ReportTable(title, plan.region, span, columns, rows, _notes(plan))


def _row(n: int, item: PlanIndicator, years: list[int]) -> dict:
    row = {
        "no": str(n), "indicator": item.indicator, "unit": item.unit or "", "attribute": item.attribute or "",
        "baseline": describe(item.baseline) if item.baseline else "",
        "target": describe(item.target_level) if item.target_level else "",
        "over": describe(item.target_growth) if item.target_growth else "",
        "required": _rate(item.required_growth, item.growth_unit),
        "achieved": _rate(item.achieved_growth, item.growth_unit),
        "status": item.label, "warning": "预警" if item.warning else "",
        "assessment": _assessment(item), "department": item.department or "",
    }
    points = {p.year: p for p in item.progress}
    for year in years:
        point = points.get(year)
        parts = [describe(s) for s in (point.level, point.growth) if s is not None] if point else []
        row[f"y{year}"] = " / ".join(parts)
    return row


def _rate(value: Decimal | None, unit: str) -> str:
    return "" if value is None else f"{rounded(value, 2 if unit == '百分点' else 1)}{unit}"


def _assessment(item: PlanIndicator) -> str:
    if not item.assessment:
        return ""
    if item.assessment_agrees is False:
        return f"{item.assessment}（与本评估不一致）"
    return item.assessment


def _notes(plan: Plan) -> list[str]:
    notes = [
        "所需年均增速由基期值和目标年目标值推算；已实现年均增速优先由各年增速（可比价）推算，否则由基期和最新年份总量（现价）推算；比率类指标以每年百分点计。",
        "预警：约束性指标未完成或进度滞后。规划自评为规划文件自身对完成情况的判断。",
        f"来源：{cited(plan.source)}",
    ]
    if plan.warnings:
        notes.insert(0, "预警指标：" + "、".join(i.indicator for i in plan.warnings))
    return notes
