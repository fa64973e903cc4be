"""Five-year plans: a plan's indicator table as one object per indicator (base,
end-year target, average growth or cumulative change, 预期性/约束性, department),
its progress year by year, the average growth it needs against the growth
achieved, a warning (预警) for binding indicators at risk, and the plan's own
verdict beside ours."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from ..model import Period, number_json
from .link import Index
from .model import Record, Shown, Source, Verdict, region_names, region_of
from .rules import average_growth, yearly_average
from .units import convert
from .verdicts import verdicts as all_verdicts
from .vocabulary import is_rate, label, lower_is_better
from ..words import Words, joined, say

# Worst first: the status a plan indicator shows when its targets disagree.
_SEVERITY = ("missed", "behind", "nearly_met", "on_track", "met", "exceeded")


@dataclass
class YearPoint:
    year: int
    level: Shown | None
    growth: Shown | None

    def to_dict(self) -> dict:
        return {"year": self.year, "level": self.level.to_dict() if self.level else None,
                "growth": self.growth.to_dict() if self.growth else None}


@dataclass
class PlanIndicator:
    indicator: str
    unit: str | None
    attribute: str | None              # 预期性 | 约束性
    department: str | None
    baseline: Shown | None
    target_level: Shown | None
    target_growth: Shown | None        # average growth over the span, or a cumulative change/total
    progress: list[YearPoint]
    required_growth: Decimal | None    # what base → end-year target needs a year
    achieved_growth: Decimal | None    # what the years so far achieved a year
    remaining_growth: Decimal | None   # what the remaining years now need a year
    growth_unit: str                   # % or 百分点 (a rate's yearly change)
    status: str
    label: str
    reason: str
    warning: bool = False              # 预警: a binding indicator at risk
    assessment: str | None = None
    assessment_agrees: bool | None = None

    def to_dict(self) -> dict:
        shown = lambda s: s.to_dict() if s else None  # noqa: E731
        return {
            "indicator": self.indicator, "unit": self.unit, "attribute": self.attribute,
            "department": self.department, "baseline": shown(self.baseline),
            "target_level": shown(self.target_level), "target_growth": shown(self.target_growth),
            "progress": [p.to_dict() for p in self.progress],
            "required_growth": number_json(_round(self.required_growth)),
            "achieved_growth": number_json(_round(self.achieved_growth)),
            "remaining_growth": number_json(_round(self.remaining_growth)),
            "growth_unit": self.growth_unit, "status": self.status, "label": self.label,
            "reason": self.reason, "warning": self.warning, "assessment": self.assessment,
            "assessment_agrees": self.assessment_agrees,
        }


@dataclass
class Plan:
    region: str
    span: str
    title: str | None
    source: Source
    indicators: list[PlanIndicator] = field(default_factory=list)

    @property
    def warnings(self) -> list[PlanIndicator]:
        return [i for i in self.indicators if i.warning]

    def to_dict(self) -> dict:
        return {"region": self.region, "span": self.span, "title": self.title, "source": self.source.to_dict(),
                "indicators": [i.to_dict() for i in self.indicators],
                "warnings": [i.indicator for i in self.warnings]}


def _round(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(Decimal("0.01"))


def plans(records: Iterable[Record], verdicts: list[Verdict] | None = None) -> list[Plan]:
    """Every plan whose span targets the facts hold, one per region and span."""
    records = list(records)
    verdicts = all_verdicts(records) if verdicts is None else verdicts
    by_key = {(v.region_key, v.indicator, v.period, v.measure): v for v in verdicts}
    index = Index(records)
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    by_document: dict[int, list[Record]] = defaultdict(list)
    for record in records:
        by_document[record.document_id].append(record)
        period = record.fact.period
        if record.fact.role == "target" and period.is_span:
            groups[(region_of(record), record.fact.period)].append(record)
    names = region_names(records)
    found = []
    for (region, span), span_targets in sorted(groups.items()):
        documents = sorted({r.document_id for r in span_targets})
        plan_records = [r for doc in documents for r in by_document[doc] if region_of(r) == region]
        first = span_targets[0]
        plan = Plan(names[region], span, first.doc_title, Source.of(first))
        for indicator in _indicators(plan_records, span):
            plan.indicators.append(_indicator(index, by_key, region, span, indicator, plan_records))
        found.append(plan)
    return found


def _indicators(plan_records: list[Record], span: str) -> list[str]:
    """The plan's indicators in the order its table states them."""
    seen: dict[str, None] = {}
    for record in sorted(plan_records, key=lambda r: (r.document_id, r.fact.start)):
        if _belongs(record, span):
            seen.setdefault(record.fact.indicator, None)
    return list(seen)


def _belongs(record: Record, span: str) -> bool:
    """A fact of the plan's own table: its base, its end-year target, its span target."""
    period = Period(span)
    f = record.fact
    return ((f.role == "target" and f.period in (span, str(period.last)))
            or (f.role == "baseline" and f.period == str(period.first - 1)))


def _pick(plan_records: list[Record], indicator: str, role: str, period: str,
          measures: tuple[str, ...] = ("level",)) -> Record | None:
    for measure in measures:
        for record in plan_records:
            f = record.fact
            if f.indicator == indicator and f.role == role and f.period == period and f.measure == measure:
                return record
    return None


def _indicator(index: Index, by_key: dict, region: str, span: str, indicator: str,
               plan_records: list[Record]) -> PlanIndicator:
    period = Period(span)
    base = (_pick(plan_records, indicator, "baseline", str(period.first - 1))
            or index.level_at(region, indicator, period.first - 1))
    end = _pick(plan_records, indicator, "target", str(period.last))
    over = _pick(plan_records, indicator, "target", span, ("growth", "change", "level"))
    own = [r for r in plan_records if r.fact.indicator == indicator and _belongs(r, span)]
    unit = next((r.fact.unit for r in (end, base) if r is not None and r.fact.unit), None)
    rate = is_rate(indicator, unit)
    progress = _progress(index, region, indicator, period)
    required = _growth_between(base, end, period.last, indicator, unit)
    achieved, latest = _achieved(base, progress, period.first, indicator, unit)
    remaining = _remaining(latest, end, period.last, indicator, unit)
    judged = [v for key in _keys(indicator, span, end, over) if (v := by_key.get((region, *key))) is not None]
    status, reason = _combined(judged)
    attribute = next((r.fact.attribute for r in own if r.fact.attribute), None)
    assessment = next((r.fact.assessment for r in own if r.fact.assessment), None)
    agrees = next((v.assessment_agrees for v in judged if v.assessment_agrees is not None), None)
    warning = attribute == "约束性" and status in ("missed", "behind")
    if warning:
        reason = say("预警：约束性指标{label}。{reason}", "Warning: a binding indicator, {status}. {reason}",
                     label=label(status), status=status.replace("_", " "), reason=reason)
    return PlanIndicator(
        indicator, unit, attribute, next((r.fact.department for r in own if r.fact.department), None),
        _shown(base), _shown(end), _shown(over), progress, required, achieved, remaining,
        "百分点" if rate else "%", status, label(status), reason, warning, assessment, agrees)


def _shown(record: Record | None) -> Shown | None:
    return Shown.of(record) if record is not None else None


def _keys(indicator: str, span: str, end: Record | None, over: Record | None) -> list[tuple[str, str, str]]:
    keys = []
    if over is not None:
        keys.append((indicator, span, over.fact.measure))
    if end is not None:
        keys.append((indicator, end.fact.period, "level"))
    return keys


def _combined(judged: list[Verdict]) -> tuple[str, Words]:
    decided = [v for v in judged if v.status not in ("unknown", "pending")]
    if not decided:
        reason = joined(v.reason for v in judged) if judged else Words("暂无目标或结果", "no target or result yet")
        waiting = judged and all(v.status == "pending" for v in judged)
        return ("pending" if waiting else "unknown"), reason
    worst = min(decided, key=lambda v: _SEVERITY.index(v.status))
    return worst.status, joined(v.reason for v in decided)


def _progress(index: Index, region: str, indicator: str, period) -> list[YearPoint]:
    points = []
    for year in range(period.first, period.last + 1):
        level = index.numeric(region, indicator, str(year), "level")
        growth = index.numeric(region, indicator, str(year), "growth")
        if level or growth:
            points.append(YearPoint(year, _shown(level[0] if level else None),
                                    _shown(growth[0] if growth else None)))
    return points


def _growth_between(base: Record | None, end: Record | None, end_year: int, indicator: str,
                    unit: str | None) -> Decimal | None:
    if base is None or end is None or base.fact.value is None or end.fact.value is None:
        return None
    end_value = convert(end.fact.value, end.fact.unit, base.fact.unit)
    return average_growth(base.fact.value, end_value, end_year - int(base.fact.period), indicator, unit)


def _achieved(base: Record | None, progress: list[YearPoint], first: int, indicator: str,
              unit: str | None) -> tuple[Decimal | None, YearPoint | None]:
    """Average growth so far: from each year's growth when all are stated (comparable
    prices), else from the base and the latest level; and the latest year with a level."""
    with_level = [p for p in progress if p.level is not None]
    latest = with_level[-1] if with_level else None
    growths = []
    for point in progress:   # each year's growth from the plan's first year on, without a gap
        if point.year != first + len(growths) or point.growth is None:
            break
        growths.append(point.growth.value)
    if growths and not is_rate(indicator, unit):
        return yearly_average(growths), latest
    if base is None or latest is None or base.fact.value is None:
        return _some_years(progress, indicator, unit), latest
    value = convert(latest.level.value, latest.level.unit, base.fact.unit)
    years = latest.year - int(base.fact.period)
    return average_growth(base.fact.value, value, years, indicator, unit), latest


def _some_years(progress: list[YearPoint], indicator: str, unit: str | None) -> Decimal | None:
    """The average of the growth stated for some years only, when nothing better is stated."""
    growths = [p.growth.value for p in progress if p.growth is not None and p.growth.value is not None]
    if not growths or is_rate(indicator, unit):
        return None
    return yearly_average(growths)


def _remaining(latest: YearPoint | None, end: Record | None, end_year: int, indicator: str,
               unit: str | None) -> Decimal | None:
    """What the remaining years need a year; none once the latest level is past the target
    on the indicator's good side (nothing is still needed)."""
    if latest is None or end is None or end.fact.value is None or latest.year >= end_year:
        return None
    start = convert(latest.level.value, latest.level.unit, end.fact.unit)
    if start is None:
        return None
    better = (lambda a, b: a <= b) if lower_is_better(indicator) else (lambda a, b: a >= b)
    if better(start, end.fact.value):
        return None
    return average_growth(start, end.fact.value, end_year - latest.year, indicator, unit)
