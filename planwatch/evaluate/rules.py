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
from ..words import Words, say

NO_RESULT = Words("暂无该期结果", "no result for the period yet")
NEEDED = Words("所需年均增速", "average annual growth needed")
ACHIEVED = Words("已实现年均增速", "average annual growth achieved")


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
        return unknown(NO_RESULT)
    year = period.first
    parts = index.parts(ctx.region, ctx.indicator, year, f.measure)
    if parts:
        return part_outcome(ctx, target, parts)
    if f.measure == "level":
        return path_outcome(ctx, target, year)
    return unknown(NO_RESULT)


def final_outcome(ctx: Context, target: Record, results: list[Record]) -> Outcome:
    best = results[0]
    value = value_in(best, target)
    shown = Shown.of(best)
    if value is None:
        return unknown(say("结果单位（{got}）与目标单位（{wanted}）不可比",
                           "the result's unit ({got}) and the target's ({wanted}) cannot be compared",
                           got=best.fact.unit, wanted=target.fact.unit), results)
    status = judge(goal_of(ctx, target), value, best.fact.comparator, ctx.tolerance)
    reason = say("目标{target}，{result}，{conclusion}", "target {target}, {result}, {conclusion}",
                 target=wording.describe(Shown.of(target)), result=wording.result_words(shown),
                 conclusion=_conclusion(status, target, value))
    if best.fact.also:
        reason = say("{reason}（同一文件另载{others}{unit}，见一致性检查）",
                     "{reason} (the same document also states {others}{unit}: see the consistency checks)",
                     reason=reason, others="、".join(wording.number(v) for v in best.fact.also),
                     unit=best.fact.unit or "")
    return Outcome(status, reason, results)


def _conclusion(status: str, target: Record, value: Decimal) -> str:
    f = target.fact
    if status == "unknown":
        return Words("结果只给出界限，无法判断是否达到目标",
                     "the result gives only a bound: whether the target was reached cannot be told")
    if status in ("met", "exceeded") and value == f.value:
        return Words("达到目标", "the target reached")
    return wording.gap(f.measure, f.unit, value, f.value)


def part_outcome(ctx: Context, target: Record, parts: list[Record]) -> Outcome:
    """A part of the year against the full-year target."""
    best = parts[0]
    f = target.fact
    period = best.fact.period
    value = value_in(best, target)
    if value is None:
        return unknown(say("进度数据单位（{got}）与目标单位（{wanted}）不可比",
                           "the progress figure's unit ({got}) and the target's ({wanted}) cannot be compared",
                           got=best.fact.unit, wanted=f.unit), parts)
    head = say("全年目标{target}，{result}", "full-year target {target}, {result}",
               target=wording.describe(Shown.of(target)), result=wording.result_words(Shown.of(best)))
    goal = goal_of(ctx, target)
    if f.measure == "growth" or is_rate(ctx.indicator, f.unit) or goal.direction == DOWN:
        # rates, caps and concentrations are not accumulated over the year: compared as they stand
        status = PROGRESS[judge(goal, value, best.fact.comparator, ctx.tolerance)]
        if status == "on_track":
            return Outcome(status, say("{head}，达到全年目标要求，进度正常",
                                       "{head}: at the full-year target's level, on track", head=head), parts)
        return Outcome(status, say("{head}，{gap}，进度滞后", "{head}, {gap}: behind", head=head,
                                   gap=wording.gap(f.measure, f.unit, value, f.value)), parts)
    done = value / f.value if f.value else None
    if done is None or done < 0:
        return unknown(say("{head}，无法按进度判断", "{head}: progress cannot be judged", head=head), parts)
    status = "on_track" if done >= period.share else "behind"
    elapsed = wording.rounded(period.share * 100, 0)
    time_words = say("时间进度{p}%", "{p}% of the year gone", p=elapsed)
    if period.share == Decimal("0.5"):
        time_words = (Words("时间过半、任务过半", "half the year gone, half the task done") if status == "on_track"
                      else Words("时间过半、任务未过半", "half the year gone, less than half the task done"))
    return Outcome(status, say("{head}，完成全年目标的{done}%，{time}", "{head}, {done}% of the full-year target done, {time}",
                               head=head, done=wording.rounded(done * 100), time=time_words), parts)


def path_outcome(ctx: Context, target: Record, year: int) -> Outcome:
    """An end-year level: the growth it needs from its base against the growth so far."""
    index = ctx.index
    base = _base_before(index, ctx, target, year)
    if base is None:
        return unknown(NO_RESULT)
    base_year = int(base.fact.period)
    latest = _latest_level(index, ctx, base_year, year)
    end = convert(target.fact.value, target.fact.unit, base.fact.unit)
    need = average_growth(base.fact.value, end, year - base_year, ctx.indicator, target.fact.unit)
    head = say("{year}年目标{target}，自{base_year}年{base}起需{need}",
               "target for {year} {target}: from {base} in {base_year} it needs {need}",
               year=year, target=wording.describe(Shown.of(target)), base_year=base_year,
               base=wording.level(base.fact.value, base.fact.unit), need=_per_year(need, ctx, target))
    if need is None:
        return unknown(say("{head}，无法推算", "{head}: cannot be worked out", head=head))
    if latest is None:
        return Outcome("unknown", say("{head}；暂无进展数据", "{head}; no progress figures yet", head=head), [base],
                       Achieved(need, _rate_unit(ctx, target), NEEDED))
    latest_year = int(latest.fact.period)
    value = convert(latest.fact.value, latest.fact.unit, base.fact.unit)
    got = average_growth(base.fact.value, value, latest_year - base_year, ctx.indicator, target.fact.unit)
    if got is None:
        return unknown(say("{head}，进展数据无法推算增速", "{head}: no growth can be worked out from the progress figures",
                           head=head), [latest, base])
    pace = ">=" if goal_of(ctx, target).direction == UP else "<="    # a reduction must fall at least as fast
    status = PROGRESS[judge(Goal.of(ctx.indicator, "growth", need, pace), got, "=", Decimal(0))]
    pace_words = (Words("进度正常", "on track") if status == "on_track"
                  else Words("低于所需速度", "slower than needed"))
    reason = say("{head}；{span}实际{got}，{pace}", "{head}; {span} actual {got}: {pace}", head=head,
                 span=wording.span_words(base_year + 1, latest_year), got=_per_year(got, ctx, target), pace=pace_words)
    return Outcome(status, reason, [latest, base], Achieved(got, _rate_unit(ctx, target), ACHIEVED))


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


def _per_year(value: Decimal | None, ctx: Context, target: Record) -> Words:
    if value is None:
        return Words("", "")
    return wording.per_year(value, is_rate(ctx.indicator, target.fact.unit))
