"""One verdict per target: (region, indicator, period, measure), judged on every
stated result of that region, whichever document stated it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from .. import settings
from . import wording
from .judge import BAD, GOOD, judge
from .link import Index, earliest_first
from .model import Record, Shown, Verdict, region_names, region_of
from .outcome import Context, Outcome
from .qualitative import text_outcome
from .rules import goal_of, value_in, year_outcome
from .spans import span_outcome
from .vocabulary import assessment_sign, label
from ..words import Words, say

PENDING = Words("目标期尚未结束，暂无结果", "the target's period has not ended: no result yet")


def verdicts(records: Iterable[Record], tolerance: Decimal | None = None,
             today: date | None = None) -> list[Verdict]:
    """`today` decides which targets are not yet due (未到期); it is the calendar date unless given."""
    records = list(records)
    today = today or date.today()
    tolerance = settings.get_decimal("near_tolerance") if tolerance is None else tolerance
    index = Index(records)
    groups: dict[tuple[str, str, str, str], list[Record]] = defaultdict(list)
    for record in records:
        f = record.fact
        if f.role == "target":
            groups[(region_of(record), f.indicator, f.period, f.measure)].append(record)
    names = region_names(records)
    found = [_verdict(key, targets, Context(index, key[0], key[1], tolerance), names[key[0]], today)
             for key, targets in groups.items()]
    return sorted(found, key=lambda v: (v.region, v.period, v.indicator, v.measure))


def _verdict(key: tuple[str, str, str, str], targets: list[Record], ctx: Context, name: str,
             today: date) -> Verdict:
    base, stretch = _pick(targets, ctx.index.dates)
    outcome = _route(ctx, base)
    if outcome.status == "unknown" and not outcome.results and not _due(base.fact.period, today):
        outcome = Outcome("pending", PENDING, [], outcome.achieved)
    if stretch is not None and stretch is not base and outcome.results:
        outcome = _with_stretch(ctx, outcome, stretch)
    # A document's own verdict is about the target it was written beside, not another
    # document's target for the same year (a plan table's 难以完成 about its 727亿, not 490亿).
    assessment = base.fact.assessment
    verdict = Verdict(
        region=name, indicator=key[1], period=key[2], measure=key[3],
        status=outcome.status, label=label(outcome.status), reason=outcome.reason,
        target=Shown.of(base), stretch_target=Shown.of(stretch) if stretch not in (None, base) else None,
        results=[Shown.of(r) for r in outcome.results], achieved=outcome.achieved,
        assessment=assessment, revisions=_revisions(outcome.results, ctx.index.dates), region_key=key[0],
    )
    if assessment:
        _note_assessment(verdict)
    return verdict


def _due(period, today: date) -> bool:
    """A target can be answered once its last month has ended."""
    return (period.last, period.months[1]) < (today.year, today.month)


def _pick(targets: list[Record], dates: dict[int, str]) -> tuple[Record, Record | None]:
    """The target as first set (the earliest document), and a 力争 target if any."""
    ordered = earliest_first(targets, dates)
    plain = [t for t in ordered if not t.fact.stretch]
    stretched = [t for t in ordered if t.fact.stretch]
    base = plain[0] if plain else stretched[0]
    return base, stretched[0] if stretched else None


def _route(ctx: Context, target: Record) -> Outcome:
    f = target.fact
    period = f.period
    if f.value is None:
        return text_outcome(ctx, target)
    if period.is_span:
        return span_outcome(ctx, target)
    return year_outcome(ctx, target)


def _with_stretch(ctx: Context, outcome: Outcome, stretch: Record) -> Outcome:
    """Judge the result against the 力争 value too: reaching it is 超额完成."""
    best = outcome.results[0]
    value = value_in(best, stretch)
    if value is None or stretch.fact.value is None or best.fact.period != stretch.fact.period:
        return outcome
    reached = judge(goal_of(ctx, stretch), value, best.fact.comparator, ctx.tolerance) in ("met", "exceeded")
    aim = wording.describe(Shown.of(stretch))
    if reached:
        return Outcome("exceeded", say("{reason}；达到力争目标{aim}", "{reason}; the higher aim of {aim} reached",
                                       reason=outcome.reason, aim=aim), outcome.results, outcome.achieved)
    status = "met" if outcome.status == "exceeded" else outcome.status   # beyond the base, short of 力争
    return Outcome(status, say("{reason}；未达到力争目标{aim}", "{reason}; the higher aim of {aim} not reached",
                               reason=outcome.reason, aim=aim), outcome.results, outcome.achieved)


def _revisions(results: list[Record], dates: dict[int, str]) -> list[str]:
    """How the stated value of one result changed from document to document."""
    numeric = [r for r in earliest_first(results, dates) if r.fact.value is not None]
    periods = {r.fact.period for r in numeric}
    if len(periods) != 1 or len({r.fact.value for r in numeric}) < 2:
        return []
    return [say("{cited}{estimated}：{value}", "{cited}{estimated}: {value}", cited=wording.cited(r),
                estimated=Words("（预计）", " (estimated)") if r.fact.estimated else Words("", ""),
                value=wording.describe(Shown.of(r))) for r in numeric]


def _note_assessment(verdict: Verdict) -> None:
    ours = 1 if verdict.status in GOOD else (-1 if verdict.status in BAD else None)
    theirs = assessment_sign(verdict.assessment)
    if ours is None or theirs is None:
        verdict.reason = say("{reason}；文件自评：{own}", "{reason}; the document's own assessment: {own}",
                             reason=verdict.reason, own=verdict.assessment)
        return
    verdict.assessment_agrees = ours == theirs
    agrees = (Words("一致", "agrees") if ours == theirs
              else Words("与本评估不一致", "disagrees with this assessment"))
    verdict.reason = say("{reason}；文件自评：{own}（{agrees}）", "{reason}; the document's own assessment: {own} ({agrees})",
                         reason=verdict.reason, own=verdict.assessment, agrees=agrees)
