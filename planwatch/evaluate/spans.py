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
from .rules import NEEDED, average_growth, compounded, goal_of, value_in, yearly_average
from .units import convert
from ..words import Words, say
from .wording import span_words

STATED = Words("文件所述", "as the document states")


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
              results: list[Record], achieved: Achieved, words: Words) -> Outcome:
    status = judge(goal_of(ctx, target), got, "=", ctx.tolerance)
    head = say("{span}目标{target}，{words}", "{span} target {target}, {words}", span=span_words(span.first, span.last),
               target=wording.describe(Shown.of(target)), words=words)
    tail = wording.gap(target.fact.measure, target.fact.unit, got, target.fact.value)
    if last < span.last:
        now = ctx.index.latest_year(ctx.region)
        if now is not None and now >= span.last:     # the span is over, its last years are missing
            return Outcome("unknown", say("{head}，{tail}；缺少{missing}数据，无法判断全期",
                                          "{head}, {tail}; no figures for {missing}: the whole span cannot be judged",
                                          head=head, tail=tail, missing=span_words(last + 1, span.last)),
                           results, achieved)
        status = PROGRESS[status]
        if status == "on_track":
            tail = say("数据截至{last}年，进度正常", "figures up to {last}: on track", last=last)
        else:
            tail = say("数据截至{last}年，{tail}，进度滞后", "figures up to {last}: {tail}, behind", last=last, tail=tail)
    return Outcome(status, say("{head}，{tail}", "{head}, {tail}", head=head, tail=tail), results, achieved)


def _growth(ctx: Context, target: Record, span: Period) -> Outcome:
    """Average annual growth: from each year's growth (comparable prices), else a
    stated average, else the levels at both ends (current prices)."""
    index = ctx.index
    series = _series(span, lambda y: index.growth_at(ctx.region, ctx.indicator, y))
    stated = index.numeric(ctx.region, ctx.indicator, target.fact.period, "growth")
    if stated and len(series) < span.years:     # a stated average beats an incomplete series
        got = _stated_average(stated[0], target, span)
        words = wording.result_words(Shown.of(stated[0]))
        return _conclude(ctx, target, got, span.last, span, stated, Achieved(got, "%", STATED), words)
    if series:
        growths = [record.fact.value for record in series]
        years = len(series)
        got = (compounded(growths) - 1) * 100 if target.fact.cumulative else yearly_average(growths)
        last = span.first + years - 1
        basis = say("由{span}各年增速推算（可比价）", "worked out from the growth of each year {span} (comparable prices)",
                    span=span_words(span.first, last))
        if target.fact.cumulative:
            words = say("{basis}累计增长{got}%", "{basis}: growth of {got}% in all", basis=basis, got=wording.rounded(got))
        else:
            words = say("{basis}年均增长{got}%", "{basis}: average annual growth of {got}%", basis=basis,
                        got=wording.rounded(got))
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
        return unknown(Words("首末年水平无法推算增速", "no growth can be worked out from the levels at both ends"),
                       [end, start])
    basis = say("由{first}年和{last}年水平推算（现价）", "worked out from the levels of {first} and {last} (current prices)",
                first=span.first - 1, last=last)
    words = say("{basis}年均增长{got}%", "{basis}: average annual growth of {got}%", basis=basis, got=wording.rounded(got))
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
    basis = say("由{found}年增速推算（可比价，缺{missing}年）",
                "worked out from the growth of {found_en} (comparable prices; {missing_en} missing)",
                found="、".join(r.fact.period for r in found), missing="、".join(missing),
                found_en=", ".join(r.fact.period for r in found), missing_en=", ".join(missing))
    status = PROGRESS[judge(goal_of(ctx, target), got, "=", ctx.tolerance)]
    tail = wording.gap(target.fact.measure, target.fact.unit, got, target.fact.value)
    pace = Words("进度正常", "on track") if status == "on_track" else Words("进度滞后", "behind")
    reason = say("{span}目标{target}，{basis}年均增长{got}%，{tail}，{pace}",
                 "{span} target {target}, {basis}: average annual growth of {got}%, {tail}: {pace}",
                 span=span_words(span.first, span.last), target=wording.describe(Shown.of(target)), basis=basis,
                 got=wording.rounded(got), tail=tail, pace=pace)
    return Outcome(status, reason, found, Achieved(got, "%", basis))


def _required(ctx: Context, target: Record, span: Period) -> Outcome:
    """No results yet: the average growth the plan's base and end-year target imply."""
    index = ctx.index
    base = index.level_at(ctx.region, ctx.indicator, span.first - 1)
    ends = index.numeric(ctx.region, ctx.indicator, str(span.last), "level", role="target")
    head = say("{span}目标{target}", "{span} target {target}", span=span_words(span.first, span.last),
               target=wording.describe(Shown.of(target)))
    nothing = say("{head}，暂无各年增速或首末年水平", "{head}: no yearly growth and no levels at both ends yet", head=head)
    if base is None or not ends:
        return unknown(nothing)
    end = convert(ends[0].fact.value, ends[0].fact.unit, base.fact.unit)
    need = average_growth(base.fact.value, end, span.years, ctx.indicator, base.fact.unit)
    if need is None:
        return unknown(nothing)
    reason = say("{head}；由{first}年{base}到{last}年目标{end}，需年均增长{need}%；暂无进展数据",
                 "{head}; from {base} in {first} to the target {end} in {last} needs average annual growth of "
                 "{need}%; no progress figures yet", head=head, first=span.first - 1,
                 base=wording.level(base.fact.value, base.fact.unit), last=span.last,
                 end=wording.describe(Shown.of(ends[0])), need=wording.rounded(need))
    return Outcome("unknown", reason, [base, ends[0]], Achieved(need, "%", NEEDED))


def _change(ctx: Context, target: Record, span: Period) -> Outcome:
    index = ctx.index
    start = index.level_at(ctx.region, ctx.indicator, span.first - 1)
    end = _last_level(index, ctx, span)
    if start is None or end is None:
        return unknown(say("暂无{base}年基期或此后年份的水平", "no level yet for the base year {base} or a later year",
                           base=span.first - 1))
    last = int(end.fact.period)
    got = end.fact.value - start.fact.value
    basis = say("{last}年水平减{base}年基期", "the level of {last} less the base year {base}'s", last=last,
                base=span.first - 1)
    if last < span.last:
        got_share = got * span.years / (last - span.first + 1)   # the pace extended to the whole span
        words = say("{basis}为{got}，按此速度全期约{share}", "{basis} is {got}, at this pace about {share} for the span",
                    basis=basis, got=wording.number(got), share=wording.rounded(got_share, 2))
        return _conclude(ctx, target, got_share, last, span, [end, start],
                         Achieved(got, target.fact.unit, basis), words)
    words = say("{basis}为{got}{unit}", "{basis} is {got}{unit}", basis=basis, got=wording.number(got),
                unit=target.fact.unit or "")
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
        return unknown(_no_years(span))
    got = sum(values, Decimal(0))
    last = span.first + len(series) - 1
    basis = say("{span}各年合计", "the years {span} summed", span=span_words(span.first, last))
    unit = target.fact.unit or ""
    if last < span.last:
        pace = got * span.years / len(series)
        words = say("{basis}{got}{unit}，按此速度全期约{pace}", "{basis}: {got}{unit}, at this pace about {pace} for the span",
                    basis=basis, got=wording.number(got), unit=unit, pace=wording.rounded(pace))
        return _conclude(ctx, target, pace, last, span, series, Achieved(got, target.fact.unit, basis), words)
    words = say("{basis}{got}{unit}", "{basis}: {got}{unit}", basis=basis, got=wording.number(got), unit=unit)
    return _conclude(ctx, target, got, last, span, series, Achieved(got, target.fact.unit, basis), words)


def _each_year(ctx: Context, target: Record, span: Period) -> Outcome:
    """A bound every year must keep (失业率控制在6%以内): judged on the worst year so far."""
    index = ctx.index
    series = [r for y in range(span.first, span.last + 1) if (r := _year_level(index, ctx, y)) is not None]
    if not series:
        return unknown(_no_years(span))
    goal = goal_of(ctx, target)
    worst = min(series, key=lambda r: goal.direction * (value_in(r, target) or Decimal(0)))
    last = int(series[-1].fact.period)
    got = value_in(worst, target)
    words = say("各年中最不利的为{year}年{level}", "the worst year is {year} with {level}", year=worst.fact.period,
                level=wording.level(got, target.fact.unit))
    return _conclude(ctx, target, got, last, span, series, None, words)


def _no_years(span: Period) -> Words:
    return say("{span}暂无各年数据", "no yearly figures for {span} yet", span=span_words(span.first, span.last))


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
