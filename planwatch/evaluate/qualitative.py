"""Verdicts on targets stated in words: decidable ones compare two growth
facts (居民收入增长与经济增长基本同步 against GDP growth of the same region and
year; 正增长 against zero); the rest (完成市下达目标) stay 待核实 unless a
result states the outcome."""

from __future__ import annotations

from . import wording
from ..words import Words, say
from .judge import PROGRESS
from .model import Record, Shown
from .outcome import Context, Outcome, unknown
from ..model import Period
from .vocabulary import vocabulary


def text_outcome(ctx: Context, target: Record) -> Outcome:
    text = target.fact.text or ""
    relations = vocabulary()["growth_relations"]
    if any(w in text for w in relations["positive"]):
        outcome = _positive(ctx, target)
    elif any(w in text for w in relations["above"]):
        outcome = _relation(ctx, target, strict=True)
    elif any(w in text for w in relations["in_step"]):
        outcome = _relation(ctx, target, strict=False)
    else:
        outcome = None
    return outcome if outcome is not None else _stated(ctx, target)


def _growth_results(ctx: Context, indicator: str, period: Period) -> tuple[list[Record], bool]:
    """Numeric growth results for the period, else for its latest part (as progress)."""
    index = ctx.index
    found = index.numeric(ctx.region, indicator, period, "growth")
    if found:
        return found, False
    if period.is_year:
        parts = index.parts(ctx.region, indicator, period.first, "growth")
        return parts, bool(parts)
    if period.is_span:
        found = index.numeric(ctx.region, indicator, str(period.last), "growth")
    return found, False


def _positive(ctx: Context, target: Record) -> Outcome | None:
    results, partial = _growth_results(ctx, ctx.indicator, target.fact.period)
    if not results:
        return None
    value = results[0].fact.value
    status = "met" if value > 0 else "missed"
    if partial:
        status = PROGRESS[status]
    reason = say("目标{target}，{result}", "target {target}, {result}", target=target.fact.text,
                 result=wording.result_words(Shown.of(results[0])))
    return Outcome(status, reason, results)


def _relation(ctx: Context, target: Record, strict: bool) -> Outcome | None:
    """Income growth against the reference (GDP) growth of the same region and period."""
    reference = vocabulary()["growth_relations"]["reference_indicator"]
    mine, partial = _growth_results(ctx, ctx.indicator, target.fact.period)
    theirs, _ = _growth_results(ctx, reference, mine[0].fact.period if mine else target.fact.period)
    if not mine or not theirs or mine[0].fact.period != theirs[0].fact.period:
        return None
    own, ref = mine[0].fact.value, theirs[0].fact.value
    if strict:
        status = "met" if own > ref else "missed"
    else:
        status = "met" if own >= ref - ctx.tolerance else "missed"
    if partial:
        status = PROGRESS[status]
    diff = own - ref
    points = wording.rounded(abs(diff))
    if diff > 0:
        compared = say("高于经济增速{p}个百分点", "{p} percentage points above economic growth", p=points)
    elif diff < 0:
        compared = say("低于经济增速{p}个百分点", "{p} percentage points below economic growth", p=points)
    else:
        compared = Words("与经济增速持平", "level with economic growth")
    reason = say("目标{target}，{mine}，{reference}{theirs}，{compared}",
                 "target {target}, {mine}, {reference} {theirs}, {compared}", target=target.fact.text,
                 mine=wording.result_words(Shown.of(mine[0])), reference=reference,
                 theirs=wording.result_words(Shown.of(theirs[0])), compared=compared)
    return Outcome(status, reason, mine + theirs)


def _stated(ctx: Context, target: Record) -> Outcome:
    """A result that says in words whether the target was reached."""
    index = ctx.index
    period = target.fact.period
    periods = [period, str(period.last)] if period.is_span else [period]
    words = [r for p in periods for r in index.facts(ctx.region, ctx.indicator, "actual", p, target.fact.measure)
             if r.fact.text]
    if not words:
        numbers = [r for p in periods for r in index.numeric(ctx.region, ctx.indicator, p, target.fact.measure)]
        if numbers:   # a figure without the assigned target it should be held against
            return unknown(say("目标为{target}，{result}，文件未说明是否达到该目标",
                               "target {target}, {result}: the documents do not say whether the target was reached",
                               target=target.fact.text, result=wording.result_words(Shown.of(numbers[0]))), numbers)
        return unknown(say("目标为定性表述（{target}），结果未说明是否完成",
                           "a target in words ({target}): no result says whether it was done", target=target.fact.text))
    said = words[0].fact.text
    vocab = vocabulary()
    if any(w in said for w in vocab["not_achieved_words"]):
        status = "missed"
    elif any(w in said for w in vocab["achieved_words"]):
        status = "met"
    else:
        return unknown(say("目标为{target}，结果表述为“{said}”，无法判断",
                           "target {target}, the result says “{said}”: cannot be judged",
                           target=target.fact.text, said=said), words)
    kind = Words("预计", "estimated:") if words[0].fact.estimated else Words("文件称", "the document says")
    return Outcome(status, say("目标为{target}，{kind}“{said}”", "target {target}, {kind} “{said}”",
                               target=target.fact.text, kind=kind, said=said), words)


