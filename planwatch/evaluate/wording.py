"""Words for values, targets and gaps in verdict reasons, Chinese with their English
(planwatch.words): 增长6.5%左右 / growth of about 6.5%."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..words import Words, english, say
from .model import Shown
from .periods import part_label


_BEFORE = {">": "超过", "<": "低于"}
_AFTER = {">=": "以上", "<=": "以内", "~": "左右"}
_EN_BEFORE = {">": "over ", "<": "under ", ">=": "at least ", "<=": "at most ", "~": "about "}
# On a negative (reduction) growth the signed bounds read the other way round.
_FLIP = {">=": "<=", "<=": ">=", ">": "<", "<": ">"}


def cited(record) -> Words:
    """A document as a reader cites it: its title and date, the file name only when it has no title;
    a fact entered by hand, by the source written down with it."""
    written = getattr(record, "written", None) or getattr(getattr(record, "fact", None), "source", None)
    if written:
        return say("{source}（人工填报）", "{source} (entered by hand)", source=written)
    name = record.doc_title or record.doc_name
    if record.doc_title:   # a title in 《》 in Chinese, as it stands in English
        name = Words(f"《{name}》", name)
    if record.doc_date:
        return say("{name}（{date}）", "{name} ({date})", name=name, date=record.doc_date)
    return name if isinstance(name, Words) else Words(name, name)


def number(value: Decimal) -> str:
    """A Decimal as written: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def rounded(value: Decimal, places: int = 1) -> str:
    """A computed figure to a fixed number of places: 7.0, not 7."""
    text = format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def _bounded(core, comparator: str | None) -> Words:
    """CORE (Words or data) with the comparator's words: 6%以上 / at least 6%."""
    return Words(f"{_BEFORE.get(comparator, '')}{core}{_AFTER.get(comparator, '')}",
                 f"{_EN_BEFORE.get(comparator, '')}{english(core)}")


def _unit(unit: str | None) -> Words:
    """A unit as written, but 百分点 (which planwatch writes for a rate's change)."""
    return Words("个百分点", " percentage points") if unit == "百分点" else Words(unit or "", unit or "")


def growth(value: Decimal, comparator: str | None = "=", upper: Decimal | None = None) -> Words:
    if upper is not None:
        return say("增长{low}%—{high}%", "growth of {low}–{high}%", low=number(value), high=number(upper))
    if value < 0:
        return say("下降{v}", "a fall of {v}", v=_bounded(f"{number(-value)}%", _FLIP.get(comparator, comparator)))
    return say("增长{v}", "growth of {v}", v=_bounded(f"{number(value)}%", comparator))


def level(value: Decimal, unit: str | None, comparator: str | None = "=", upper: Decimal | None = None) -> Words:
    if upper is not None:
        return Words(f"{number(value)}—{number(upper)}{unit or ''}", f"{number(value)}–{number(upper)}{unit or ''}")
    return _bounded(f"{number(value)}{unit or ''}", comparator)


def change(value: Decimal, unit: str | None, comparator: str | None = "=", cumulative: bool = False) -> Words:
    verb = Words("减少", "a decrease of") if value < 0 else Words("增加", "an increase of")
    if cumulative:
        verb = say("累计{verb}", "in all {verb}", verb=verb)
    amount = _bounded(say("{n}{unit}", "{n}{unit}", n=number(abs(value)), unit=_unit(unit)), comparator)
    return say("{verb}{amount}", "{verb} {amount}", verb=verb, amount=amount)


def describe(shown: Shown) -> Words:
    """How a document would state the value: 增长6.5%左右, 137亿元, 累计增加6.4件."""
    if shown.value is None:
        return Words(shown.text or "—", shown.text or "—")
    if shown.measure == "growth":
        words = growth(shown.value, shown.comparator, shown.upper)
        if "-" in shown.period and not shown.cumulative:
            return say("年均{w}", "average annual {w}", w=words)
        return words
    if shown.measure == "change":
        return change(shown.value, shown.unit, shown.comparator, shown.cumulative)
    return level(shown.value, shown.unit, shown.comparator, shown.upper)


def gap(measure: str, unit: str | None, got: Decimal, wanted: Decimal) -> Words:
    """低于目标0.9个百分点 / 完成目标的94.3% / 比目标少2件."""
    if measure == "growth" or unit in ("%", "百分点"):
        diff = got - wanted
        if diff > 0:
            return say("高于目标{d}个百分点", "{d} percentage points above the target", d=rounded(abs(diff)))
        return say("低于目标{d}个百分点", "{d} percentage points below the target", d=rounded(abs(diff)))
    if wanted > 0 and got > 0:
        return say("为目标的{p}%", "{p}% of the target", p=rounded(got / wanted * 100))
    diff = got - wanted
    amount = f"{number(abs(diff))}{unit or ''}"
    if diff > 0:
        return say("多于目标{a}", "{a} more than the target", a=amount)
    return say("少于目标{a}", "{a} less than the target", a=amount)


def result_words(shown: Shown) -> Words:
    """实际/预计 + the value, with its period when it is a part of a year."""
    kind = Words("预计", "estimated") if shown.estimated else Words("实际", "actual")
    words = say("{kind}{value}", "{kind} {value}", kind=kind, value=describe(shown))
    if shown.period.is_part:
        return say("{when}{words}", "{words} in {when}", when=part_words(shown.period), words=words)
    return words


def part_words(period: str) -> Words:
    return Words(part_label(period), str(period))


def span_words(first: int, last: int) -> Words:
    return Words(f"{first}—{last}年", f"{first}–{last}")


def per_year(value: Decimal, rate: bool) -> Words:
    """年均增长7.1% / 年均提高0.35个百分点: an average a year, for a level or a rate."""
    if rate:
        points = rounded(abs(value), 2)
        if value >= 0:
            return say("年均提高{p}个百分点", "a rise of {p} percentage points a year", p=points)
        return say("年均降低{p}个百分点", "a fall of {p} percentage points a year", p=points)
    if value >= 0:
        return say("年均增长{p}%", "average annual growth of {p}%", p=rounded(abs(value)))
    return say("年均下降{p}%", "an average annual fall of {p}%", p=rounded(abs(value)))
