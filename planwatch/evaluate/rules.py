"""Verdicts on numeric targets for one year: a full-year result, else the
progress of a part of the year (时间过半、任务过半), else for a plan's end-year
level the average growth it needs against the growth achieved so far."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from . import wording
from .judge import DOWN, PROGRESS, UP, Goal, judge
from .link import Index
from .model import Achieved, Record, Shown
from .outcome import Context, Outcome, unknown
from .units import convert
from .vocabulary import is_rate


def goal_of(ctx: Context, target: Record) -> Goal:
    f = target.fact
    return Goal.of(ctx.indicator, f.measure, f.value, f.comparator, f.upper)


def value_in(result: Record, target: Record) -> Decimal | None:
    """The result's value in the target's unit (None when the units differ in kind)."""
    if result.fact.measure == "growth":
        return result.fact.value
    return convert(result.fact.value, result.fact.unit, target.fact.unit)


def year_outcome(ctx: Context, target: Record) -> Outcome:
    f = target.fact
    index = ctx.index
    results = index.numeric(ctx.region, ctx.indicator, f.period, f.measure)
    if results:
        return final_outcome(ctx, target, results)
    period = f.period
    if not period.is_year:      # a target for a part of a year: only that part's result counts
        return unknown("暂无该期结果")
    year = period.first
    parts = index.parts(ctx.region, ctx.indicator, year, f.measure)
    if parts:
        return part_outcome(ctx, target, parts)
    if f.measure == "level":
        return path_outcome(ctx, target, year)
    return unknown("暂无该期结果")


def final_outcome(ctx: Context, target: Record, results: list[Record]) -> Outcome:
    best = results[0]
    value = value_in(best, target)
    shown = Shown.of(best)
    if value is None:
        return unknown(f"结果单位（{best.fact.unit}）与目标单位（{target.fact.unit}）不可比", results)
    status = judge(goal_of(ctx, target), value, best.fact.comparator, ctx.tolerance)
    reason = f"目标{wording.describe(Shown.of(target))}，{wording.result_words(shown)}"
    reason += "，" + _conclusion(status, target, value)
    if best.fact.also:
        others = "、".join(wording.number(v) for v in best.fact.also)
        reason += f"（同一文件另载{others}{best.fact.unit or ''}，见一致性检查）"
    return Outcome(status, reason, results)


def _conclusion(status: str, target: Record, value: Decimal) -> str:
    f = target.fact
    if status == "unknown":
        return "结果只给出界限，无法判断是否达到目标"
    if status in ("met", "exceeded") and value == f.value:
        return "达到目标"
    return wording.gap(f.measure, f.unit, value, f.value)


def part_outcome(ctx: Context, target: Record, parts: list[Record]) -> Outcome:
    """A part of the year against the full-year target."""
    best = parts[0]
    f = target.fact
    period = best.fact.period
    value = value_in(best, target)
    if value is None:
        return unknown(f"进度数据单位（{best.fact.unit}）与目标单位（{f.unit}）不可比", parts)
    head = f"全年目标{wording.describe(Shown.of(target))}，{wording.result_words(Shown.of(best))}"
    goal = goal_of(ctx, target)
    if f.measure == "growth" or is_rate(ctx.indicator, f.unit) or goal.direction == DOWN:
        # rates, caps and concentrations are not accumulated over the year: compared as they stand
        status = PROGRESS[judge(goal, value, best.fact.comparator, ctx.tolerance)]
        if status == "on_track":
            return Outcome(status, f"{head}，达到全年目标要求，进度正常", parts)
        return Outcome(status, f"{head}，{wording.gap(f.measure, f.unit, value, f.value)}，进度滞后", parts)
    done = value / f.value if f.value else None
    if done is None or done < 0:
        return unknown(f"{head}，无法按进度判断", parts)
    status = "on_track" if done >= period.share else "behind"
    time_words = f"时间进度{wording.rounded(period.share * 100, 0)}%"
    if period.share == Decimal("0.5"):
        time_words = "时间过半、任务" + ("过半" if status == "on_track" else "未过半")
    return Outcome(status, f"{head}，完成全年目标的{wording.rounded(done * 100)}%，{time_words}", parts)


def path_outcome(ctx: Context, target: Record, year: int) -> Outcome:
    """An end-year level: the growth it needs from its base against the growth so far."""
    index = ctx.index
    base = _base_before(index, ctx, target, year)
    if base is None:
        return unknown("暂无该期结果")
    base_year = int(base.fact.period)
    latest = _latest_level(index, ctx, base_year, year)
    end = convert(target.fact.value, target.fact.unit, base.fact.unit)
    need = average_growth(base.fact.value, end, year - base_year, ctx.indicator, target.fact.unit)
    head = (f"{year}年目标{wording.describe(Shown.of(target))}，自{base_year}年"
            f"{wording.level(base.fact.value, base.fact.unit)}起需{_per_year(need, ctx, target)}")
    if need is None:
        return unknown(f"{head}，无法推算")
    if latest is None:
        return Outcome("unknown", f"{head}；暂无进展数据", [base],
                       Achieved(need, _rate_unit(ctx, target), "所需年均增速"))
    latest_year = int(latest.fact.period)
    value = convert(latest.fact.value, latest.fact.unit, base.fact.unit)
    got = average_growth(base.fact.value, value, latest_year - base_year, ctx.indicator, target.fact.unit)
    if got is None:
        return unknown(f"{head}，进展数据无法推算增速", [latest, base])
    pace = ">=" if goal_of(ctx, target).direction == UP else "<="    # a reduction must fall at least as fast
    status = PROGRESS[judge(Goal.of(ctx.indicator, "growth", need, pace), got, "=", Decimal(0))]
    reason = (f"{head}；{base_year + 1}—{latest_year}年实际{_per_year(got, ctx, target)}，"
              + ("进度正常" if status == "on_track" else "低于所需速度"))
    return Outcome(status, reason, [latest, base], Achieved(got, _rate_unit(ctx, target), "已实现年均增速"))


def _base_before(index: Index, ctx: Context, target: Record, year: int) -> Record | None:
    """The base a plan measures an end-year level from: a baseline of an earlier year in
    the same document (another document's base belongs to another plan)."""
    bases = [r for r in index.of(ctx.region, ctx.indicator)
             if r.fact.role == "baseline" and r.fact.measure == "level" and r.fact.value is not None
             and r.fact.period.is_year and r.fact.period.first < year]
    same_doc = [r for r in bases if r.document_id == target.document_id]   # the plan's own table
    return max(same_doc, key=lambda r: int(r.fact.period)) if same_doc else None


def _latest_level(index: Index, ctx: Context, after: int, before: int) -> Record | None:
    for year in range(before - 1, after, -1):
        found = index.numeric(ctx.region, ctx.indicator, str(year), "level")
        if found:
            return found[0]
    return None


def compounded(growths: Iterable[Decimal]) -> Decimal:
    """The factor a run of yearly growth rates (in %) multiplies a level by: 1.06 × 1.045 …"""
    factor = Decimal(1)
    for growth in growths:
        factor *= 1 + growth / 100
    return factor


def yearly_average(growths: list[Decimal]) -> Decimal:
    """The average annual growth (in %) of a run of yearly growth rates, compounded."""
    return (compounded(growths) ** (Decimal(1) / len(growths)) - 1) * 100


def average_growth(start: Decimal, end: Decimal | None, years: int, indicator: str, unit: str | None) -> Decimal | None:
    """Average annual growth in % (or, for a rate, percentage points a year)."""
    if end is None or years <= 0:
        return None
    if is_rate(indicator, unit):
        return (end - start) / years
    if start <= 0 or end <= 0:
        return None
    return ((end / start) ** (Decimal(1) / years) - 1) * 100


def _rate_unit(ctx: Context, target: Record) -> str:
    return "百分点" if is_rate(ctx.indicator, target.fact.unit) else "%"


def _per_year(value: Decimal | None, ctx: Context, target: Record) -> str:
    if value is None:
        return ""
    if is_rate(ctx.indicator, target.fact.unit):
        return f"年均{'提高' if value >= 0 else '降低'}{wording.rounded(abs(value), 2)}个百分点"
    return f"年均{'增长' if value >= 0 else '下降'}{wording.rounded(abs(value))}%"
