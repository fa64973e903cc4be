"""Consistency findings: where the stated facts of a region disagree with each
other. Each finding carries the evidence of both sides.

- two_values: one document states two values for one fact (`also`, or two facts)
- cumulative_mismatch: a plan's `[x]` five-year change against its base and target levels
- plan_growth_mismatch: a plan's average growth against its base and target levels
- growth_vs_levels: a level series whose implied growth departs grossly from the stated growth
- restated: a later document states a fact differently from an earlier one
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from decimal import Decimal

from . import wording
from ..extract.grammar import grammar
from .link import Index, earliest_first
from .model import Evidence, Finding, Record, Source, region_names, region_of
from .rules import average_growth
from .units import convert
from .vocabulary import is_rate, threshold
from ..words import Words, say

LABELS = {   # the dashboard's words finding_<kind> are these
    "two_values": Words("同一文件数值不一", "Two values in one document"),
    "cumulative_mismatch": Words("累计变化与首末值不符", "Cumulative change disagrees with start and end"),
    "plan_growth_mismatch": Words("年均增速与首末值不符", "Average growth disagrees with start and end"),
    "growth_vs_levels": Words("总量与增速明显背离", "Levels and growth far apart"),
    "restated": Words("前后文件表述不一", "Restated by a later document"),
}

TextOf = Callable[[int], str | None]


def findings(records: Iterable[Record], text_of: TextOf | None = None) -> list[Finding]:
    """All findings; `text_of(document_id)` lets an `also` value be located in its document."""
    records = list(records)
    index = Index(records)
    found = (_two_values(records, text_of) + _plan_checks(records, index)
             + _growth_vs_levels(records) + _restated(records, index.dates))
    names = region_names(records)
    for finding in found:
        finding.region = names.get(finding.region, finding.region)
    return sorted(found, key=lambda f: (f.region, f.indicator, f.period, f.kind))


def _evidence(record: Record, value: Decimal | None = None, span: tuple[int, int] | None = None) -> Evidence:
    source = Source.of(record)
    if span is not None:
        source = replace(source, start=span[0], end=span[1])
    f = record.fact
    return Evidence(f.value if value is None else value, f.unit, f.period, f.role, source)


def _finding(kind: str, record: Record, message: str, evidence: list[Evidence]) -> Finding:
    return Finding(kind, LABELS[kind], region_of(record), record.fact.indicator,
                   record.fact.period, message, evidence)


def _two_values(records: list[Record], text_of: TextOf | None) -> list[Finding]:
    found = []
    for record in records:
        text = text_of(record.document_id) if text_of else None
        for other in record.fact.also:
            if other == record.fact.value:
                continue
            span = locate(text, other, record.fact.start)
            if span and _satisfies(record.fact.value, _bound_at(text, span, record.fact.unit), other):
                continue    # 突破1500亿元 beside 1515亿元: a bound the exact value keeps
            second = _evidence(record, other, span)
            if span is None:   # where the other value stands is unknown: no span rather than a wrong one
                second = replace(second, source=replace(second.source, start=None, end=None))
            found.append(_finding("two_values", record, _two_message(record, other), [_evidence(record), second]))
    groups: dict[tuple, list[Record]] = defaultdict(list)
    for record in records:
        if record.fact.value is not None:
            groups[(record.document_id, *record.fact.identity)].append(record)
    for group in groups.values():
        values = {r.fact.value for r in group}
        if len(values) > 1:
            first, second = sorted(group, key=lambda r: r.fact.start)[:2]
            if first.fact.value != second.fact.value:
                found.append(_finding("two_values", first, _two_message(first, second.fact.value),
                                      [_evidence(first), _evidence(second)]))
    return found


def _two_message(record: Record, other: Decimal) -> Words:
    f = record.fact
    unit = f.unit or ""
    return say("{doc}中{period}年{indicator}有两个数值：{one}与{two}",
               "{doc} states two values of {indicator} for {period}: {one} and {two}", doc=wording.cited(record),
               period=f.period, indicator=f.indicator, one=f"{wording.number(f.value)}{unit}",
               two=f"{wording.number(other)}{unit}")


def locate(text: str | None, value: Decimal, near: int) -> tuple[int, int] | None:
    """The occurrence of a number in a text nearest to an offset, not inside a longer number."""
    if not text:
        return None
    needle = wording.number(value)
    best, start = None, text.find(needle)
    while start != -1:
        end = start + len(needle)
        inside = (start > 0 and (text[start - 1].isdigit() or text[start - 1] == ".")) or \
                 (end < len(text) and (text[end].isdigit() or (text[end] == "." and text[end + 1:end + 2].isdigit())))
        if not inside and (best is None or abs(start - near) < abs(best[0] - near)):
            best = (start, end)
        start = text.find(needle, start + 1)
    return best


def _bound_at(text: str, span: tuple[int, int], unit: str | None) -> str:
    """The comparator the words around a located number give it (突破 → >, 以上 → >=)."""
    words = grammar()
    before = text[max(0, span[0] - 4):span[0]]
    for word, comparator in sorted(words.before.items(), key=lambda item: -len(item[0])):
        if before.endswith(word):
            return comparator
    after = text[span[1]:span[1] + 8]
    if unit and after.startswith(unit):
        after = after[len(unit):]
    for word, comparator in sorted(words.after.items(), key=lambda item: -len(item[0])):
        if after.startswith(word):
            return comparator
    return "="


def _satisfies(value: Decimal, comparator: str, bound: Decimal) -> bool:
    checks = {">": value > bound, ">=": value >= bound, "<": value < bound, "<=": value <= bound}
    return checks.get(comparator, False)


def _plan_checks(records: list[Record], index: Index) -> list[Finding]:
    """A span target (`[x]` change or average growth) against its own plan's base and end-year target."""
    found = []
    for record in records:
        f = record.fact
        period = f.period
        if f.role != "target" or f.value is None or not period.is_span:
            continue
        base = _in_doc(index, record, str(period.first - 1), "baseline") or index.level_at(
            region_of(record), f.indicator, period.first - 1)
        end = _in_doc(index, record, str(period.last), "target")
        if base is None or end is None:
            continue
        if f.measure == "change":
            found += _check_change(record, base, end)
        elif f.measure == "growth" and not f.cumulative:
            found += _check_growth(record, base, end, period.years)
    return found


def _in_doc(index: Index, record: Record, period: str, role: str) -> Record | None:
    for other in index.numeric(region_of(record), record.fact.indicator, period, "level", role):
        if other.document_id == record.document_id:
            return other
    return None


def _check_change(record: Record, base: Record, end: Record) -> list[Finding]:
    end_value = convert(end.fact.value, end.fact.unit, base.fact.unit)
    if end_value is None or end.fact.comparator not in ("=", None):
        return []
    implied = end_value - base.fact.value
    stated = record.fact.value
    if abs(implied - stated) <= _last_digit(stated, base.fact.value, end_value):
        return []
    message = say("{period}{indicator}累计变化为{stated}，而基期{base}到目标{end}相差{implied}{unit}",
                  "{indicator} {period}: a change of {stated} in all, but from the base {base} to the target {end} "
                  "is {implied}{unit}", period=record.fact.period, indicator=record.fact.indicator,
                  stated=wording.number(stated), base=wording.number(base.fact.value), end=wording.number(end_value),
                  implied=wording.number(implied), unit=base.fact.unit or "")
    return [_finding("cumulative_mismatch", record, message, [_evidence(record), _evidence(base), _evidence(end)])]


def _last_digit(*values: Decimal) -> Decimal:
    """Rounding slack: one unit in the last place of the least precise value."""
    return max(Decimal(1).scaleb(v.normalize().as_tuple().exponent) for v in values)


def _check_growth(record: Record, base: Record, end: Record, years: int) -> list[Finding]:
    f = record.fact
    end_value = convert(end.fact.value, end.fact.unit, base.fact.unit)
    if is_rate(f.indicator, base.fact.unit) or end_value is None:
        return []
    implied = average_growth(base.fact.value, end_value, years, f.indicator, base.fact.unit)
    if implied is None or abs(implied - f.value) <= threshold("plan_growth_gap"):
        return []
    message = say("{period}{indicator}目标年均增长{growth}%，而由基期{base}到目标{end}推算年均增长{implied}%",
                  "{indicator} {period}: a target of {growth}% average annual growth, but from the base {base} to the "
                  "target {end} works out at {implied}% a year", period=f.period, indicator=f.indicator,
                  growth=wording.number(f.value), base=wording.number(base.fact.value), end=wording.number(end_value),
                  implied=wording.rounded(implied))
    return [_finding("plan_growth_mismatch", record, message, [_evidence(record), _evidence(base), _evidence(end)])]


def _growth_vs_levels(records: list[Record]) -> list[Finding]:
    """Within one document: year-on-year change of its levels against its stated growth.
    Levels are in current prices, growth usually in comparable prices: only gross gaps count."""
    gap_allowed = threshold("gross_growth_gap")
    levels: dict[tuple, Record] = {}
    growths: list[Record] = []
    for record in records:
        f = record.fact
        period = f.period
        if f.value is None or not period.is_year or f.role == "target":
            continue
        if f.measure == "level" and not is_rate(f.indicator, f.unit):
            levels.setdefault((record.document_id, f.indicator, period.first), record)
        elif f.measure == "growth" and f.role == "actual":
            growths.append(record)
    found = []
    for growth in growths:
        year = int(growth.fact.period)
        now = levels.get((growth.document_id, growth.fact.indicator, year))
        before = levels.get((growth.document_id, growth.fact.indicator, year - 1))
        if now is None or before is None or before.fact.value <= 0:
            continue
        now_value = convert(now.fact.value, now.fact.unit, before.fact.unit)
        if now_value is None:
            continue
        implied = (now_value / before.fact.value - 1) * 100
        if abs(implied - growth.fact.value) > gap_allowed:
            message = say("{indicator}由{before_year}年{before}到{year}年{now}{unit}，按现价推算增长{implied}%，"
                          "而所述增速为{stated}%（可比价与现价口径不同，此处仅提示明显背离）",
                          "{indicator} from {before}{unit} in {before_year} to {now}{unit} in {year} is growth of "
                          "{implied}% at current prices, but the stated growth is {stated}% (comparable and current "
                          "prices differ: only a gross gap is shown)", indicator=growth.fact.indicator,
                          before_year=year - 1, before=wording.number(before.fact.value), year=year,
                          now=wording.number(now_value), unit=before.fact.unit or "",
                          implied=wording.rounded(implied), stated=wording.number(growth.fact.value))
            found.append(_finding("growth_vs_levels", growth, message,
                                  [_evidence(growth), _evidence(before), _evidence(now)]))
    return found


def _restated(records: list[Record], dates: dict[int, str]) -> list[Finding]:
    """A result or base stated with another value by a later document of the region.
    (Targets are left out: an annual plan may lawfully set another figure than the five-year plan.)"""
    groups: dict[tuple, list[Record]] = defaultdict(list)
    for record in records:
        if record.fact.value is not None and record.fact.role != "target":
            groups[(region_of(record), *record.fact.identity)].append(record)
    found = []
    for group in groups.values():
        ordered = earliest_first(group, dates)
        for earlier, later in zip(ordered, ordered[1:]):
            if earlier.document_id == later.document_id:
                continue
            value = convert(later.fact.value, later.fact.unit, earlier.fact.unit)
            if value is None or value == earlier.fact.value:
                continue
            kind = (Words("（预计数与最终数）", " (an estimate, then the final figure)")
                    if earlier.fact.estimated != later.fact.estimated else Words("", ""))
            unit = earlier.fact.unit or ""
            message = say("{period}年{indicator}{measure}：{first_doc}为{first}，{then_doc}为{then}{kind}",
                          "{indicator}{measure} {period}: {first} in {first_doc}, {then} in {then_doc}{kind}",
                          period=earlier.fact.period, indicator=earlier.fact.indicator,
                          measure=_measure_word(earlier), first_doc=wording.cited(earlier),
                          first=f"{wording.number(earlier.fact.value)}{unit}", then_doc=wording.cited(later),
                          then=f"{wording.number(value)}{unit}", kind=kind)
            found.append(_finding("restated", later, message, [_evidence(earlier), _evidence(later)]))
    return found


def _measure_word(record: Record) -> Words:
    return {"growth": Words("增速", " growth"), "change": Words("变化", " change")}.get(record.fact.measure, Words("", ""))
