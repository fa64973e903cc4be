"""Verdicts on targets over several years (a five-year plan's 2016-2020):
average annual growth, a cumulative change, a total summed over the years."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from . import wording
from .judge import PROGRESS, judge
from .link import Index
from .model import Achieved, Record, Shown
from .outcome import Context, Outcome, unknown
from ..model import Period
from .periods import span_label
from .rules import average_growth, compounded, goal_of, value_in, yearly_average
from .units import convert


def span_outcome(ctx: Context, target: Record) -> Outcome:
    f = target.fact
    span = f.period
    if f.measure == "growth":
        return _growth(ctx, target, span)
    if f.measure == "change":
        return _change(ctx, target, span)
    if f.cumulative:
        return _total(ctx, target, span)
    return _each_year(ctx, target, span)


def _conclude(ctx: Context, target: Record, got: Decimal, last: int, span: Period,
              results: list[Record], achieved: Achieved, words: str) -> Outcome:
    status = judge(goal_of(ctx, target), got, "=", ctx.tolerance)
    head = f"{span_label(span.first, span.last)}目标{wording.describe(Shown.of(target))}，{words}"
    tail = wording.gap(target.fact.measure, target.fact.unit, got, target.fact.value)
    if last < span.last:
        now = ctx.index.latest_year(ctx.region)
        if now is not None and now >= span.last:     # the span is over, its last years are missing
            return Outcome("unknown", f"{head}，{tail}；缺少{last + 1}—{span.last}年数据，无法判断全期", results, achieved)
        status = PROGRESS[status]
        tail = f"数据截至{last}年，" + ("进度正常" if status == "on_track" else f"{tail}，进度滞后")
    return Outcome(status, f"{head}，{tail}", results, achieved)


def _growth(ctx: Context, target: Record, span: Period) -> Outcome:
    """Average annual growth: from each year's growth (comparable prices), else a
    stated average, else the levels at both ends (current prices)."""
    index = ctx.index
    series = _series(span, lambda y: index.growth_at(ctx.region, ctx.indicator, y))
    stated = index.numeric(ctx.region, ctx.indicator, target.fact.period, "growth")
    if stated and len(series) < span.years:     # a stated average beats an incomplete series
        got = _stated_average(stated[0], target, span)
        words = f"{wording.result_words(Shown.of(stated[0]))}"
        return _conclude(ctx, target, got, span.last, span, stated, Achieved(got, "%", "文件所述"), words)
    if series:
        growths = [record.fact.value for record in series]
        years = len(series)
        got = (compounded(growths) - 1) * 100 if target.fact.cumulative else yearly_average(growths)
        last = span.first + years - 1
        basis = f"由{span_label(span.first, last)}各年增速推算（可比价）"
        words = f"{basis}{'累计' if target.fact.cumulative else '年均'}增长{wording.rounded(got)}%"
        return _conclude(ctx, target, got, last, span, series, Achieved(got, "%", basis), words)
    return _growth_from_levels(ctx, target, span)


def _stated_average(result: Record, target: Record, span: Period) -> Decimal:
    """A stated span growth on the target's footing (total or annual average)."""
    value = result.fact.value
    if result.fact.cumulative == target.fact.cumulative:
        return value
    if result.fact.cumulative:
        return ((1 + value / 100) ** (Decimal(1) / span.years) - 1) * 100
    return ((1 + value / 100) ** span.years - 1) * 100


def _growth_from_levels(ctx: Context, target: Record, span: Period) -> Outcome:
    index = ctx.index
    start = index.level_at(ctx.region, ctx.indicator, span.first - 1)
    end = _last_level(index, ctx, span)
    if start is None or end is None:
        return _some_years(ctx, target, span) or _required(ctx, target, span)
    last = int(end.fact.period)
    end_value = convert(end.fact.value, end.fact.unit, start.fact.unit)
    got = average_growth(start.fact.value, end_value, last - span.first + 1, ctx.indicator, start.fact.unit)
    if got is None:
        return unknown("首末年水平无法推算增速", [end, start])
    basis = f"由{span.first - 1}年和{last}年水平推算（现价）"
    words = f"{basis}年均增长{wording.rounded(got)}%"
    return _conclude(ctx, target, got, last, span, [end, start], Achieved(got, "%", basis), words)


def _some_years(ctx: Context, target: Record, span: Period) -> Outcome | None:
    """Growth stated for some of the span's years only (a later annual report gives its own
    year): progress judged on those years' average, never a final verdict."""
    index = ctx.index
    found = [r for y in range(span.first, span.last + 1) if (r := index.growth_at(ctx.region, ctx.indicator, y))]
    if not found or target.fact.cumulative:
        return None
    got = yearly_average([record.fact.value for record in found])
    stated = {int(r.fact.period) for r in found}
    missing = [str(y) for y in range(span.first, max(stated)) if y not in stated]
    basis = f"由{'、'.join(r.fact.period for r in found)}年增速推算（可比价，缺{'、'.join(missing)}年）"
    status = PROGRESS[judge(goal_of(ctx, target), got, "=", ctx.tolerance)]
    tail = wording.gap(target.fact.measure, target.fact.unit, got, target.fact.value)
    reason = (f"{span_label(span.first, span.last)}目标{wording.describe(Shown.of(target))}，{basis}年均增长"
              f"{wording.rounded(got)}%，{tail}，" + ("进度正常" if status == "on_track" else "进度滞后"))
    return Outcome(status, reason, found, Achieved(got, "%", basis))


def _required(ctx: Context, target: Record, span: Period) -> Outcome:
    """No results yet: the average growth the plan's base and end-year target imply."""
    index = ctx.index
    base = index.level_at(ctx.region, ctx.indicator, span.first - 1)
    ends = index.numeric(ctx.region, ctx.indicator, str(span.last), "level", role="target")
    head = f"{span_label(span.first, span.last)}目标{wording.describe(Shown.of(target))}"
    if base is None or not ends:
        return unknown(f"{head}，暂无各年增速或首末年水平")
    end = convert(ends[0].fact.value, ends[0].fact.unit, base.fact.unit)
    need = average_growth(base.fact.value, end, span.years, ctx.indicator, base.fact.unit)
    if need is None:
        return unknown(f"{head}，暂无各年增速或首末年水平")
    reason = (f"{head}；由{span.first - 1}年{wording.level(base.fact.value, base.fact.unit)}到{span.last}年目标"
              f"{wording.describe(Shown.of(ends[0]))}，需年均增长{wording.rounded(need)}%；暂无进展数据")
    return Outcome("unknown", reason, [base, ends[0]], Achieved(need, "%", "所需年均增速"))


def _change(ctx: Context, target: Record, span: Period) -> Outcome:
    index = ctx.index
    start = index.level_at(ctx.region, ctx.indicator, span.first - 1)
    end = _last_level(index, ctx, span)
    if start is None or end is None:
        return unknown(f"暂无{span.first - 1}年基期或此后年份的水平")
    last = int(end.fact.period)
    got = end.fact.value - start.fact.value
    basis = f"{last}年水平减{span.first - 1}年基期"
    if last < span.last:
        got_share = got * span.years / (last - span.first + 1)   # the pace extended to the whole span
        words = f"{basis}为{wording.number(got)}，按此速度全期约{wording.rounded(got_share, 2)}"
        return _conclude(ctx, target, got_share, last, span, [end, start],
                         Achieved(got, target.fact.unit, basis), words)
    words = f"{basis}为{wording.number(got)}{target.fact.unit or ''}"
    return _conclude(ctx, target, got, last, span, [end, start], Achieved(got, target.fact.unit, basis), words)


def _total(ctx: Context, target: Record, span: Period) -> Outcome:
    """A total over the span (五年累计新增就业): a stated total, else the sum of the years."""
    index = ctx.index
    stated = index.numeric(ctx.region, ctx.indicator, target.fact.period, "level")
    if stated and (got := value_in(stated[0], target)) is not None:
        return _conclude(ctx, target, got, span.last, span, stated, None, wording.result_words(Shown.of(stated[0])))
    series = _series(span, lambda y: _year_level(index, ctx, y))
    values = [value_in(r, target) for r in series]
    if not series or None in values:
        return unknown(f"{span_label(span.first, span.last)}暂无各年数据")
    got = sum(values, Decimal(0))
    last = span.first + len(series) - 1
    basis = f"{span_label(span.first, last)}各年合计"
    if last < span.last:
        pace = got * span.years / len(series)
        words = f"{basis}{wording.number(got)}{target.fact.unit or ''}，按此速度全期约{wording.rounded(pace)}"
        return _conclude(ctx, target, pace, last, span, series, Achieved(got, target.fact.unit, basis), words)
    words = f"{basis}{wording.number(got)}{target.fact.unit or ''}"
    return _conclude(ctx, target, got, last, span, series, Achieved(got, target.fact.unit, basis), words)


def _each_year(ctx: Context, target: Record, span: Period) -> Outcome:
    """A bound every year must keep (失业率控制在6%以内): judged on the worst year so far."""
    index = ctx.index
    series = [r for y in range(span.first, span.last + 1) if (r := _year_level(index, ctx, y)) is not None]
    if not series:
        return unknown(f"{span_label(span.first, span.last)}暂无各年数据")
    goal = goal_of(ctx, target)
    worst = min(series, key=lambda r: goal.direction * (value_in(r, target) or Decimal(0)))
    last = int(series[-1].fact.period)
    got = value_in(worst, target)
    words = f"各年中最不利的为{worst.fact.period}年{wording.level(got, target.fact.unit)}"
    return _conclude(ctx, target, got, last, span, series, None, words)


def _year_level(index: Index, ctx: Context, year: int) -> Record | None:
    found = index.numeric(ctx.region, ctx.indicator, str(year), "level")
    return found[0] if found else None


def _last_level(index: Index, ctx: Context, span: Period) -> Record | None:
    for year in range(span.last, span.first - 1, -1):
        if (found := _year_level(index, ctx, year)) is not None:
            return found
    return None


def _series(span: Period, at: Callable[[int], Record | None]) -> list[Record]:
    """The span's yearly records from its first year on, up to the first gap."""
    series = []
    for year in range(span.first, span.last + 1):
        record = at(year)
        if record is None:
            break
        series.append(record)
    return series
