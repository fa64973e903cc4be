"""Chinese words for values, targets and gaps in verdict reasons."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from .model import Shown
from .periods import part_label

_BEFORE = {">": "超过", "<": "低于"}
_AFTER = {">=": "以上", "<=": "以内", "~": "左右"}
# On a negative (reduction) growth the signed bounds read the other way round.
_FLIP = {">=": "<=", "<=": ">=", ">": "<", "<": ">"}


def cited(record) -> str:
    """A document as a reader cites it: its title and date, the file name only when it has no title;
    a fact entered by hand, by the source written down with it."""
    written = getattr(record, "written", None) or getattr(getattr(record, "fact", None), "source", None)
    if written:
        return f"{written}（人工填报）"
    name = f"《{record.doc_title}》" if record.doc_title else record.doc_name
    return f"{name}（{record.doc_date}）" if record.doc_date else name


def number(value: Decimal) -> str:
    """A Decimal as written: no exponent, no trailing zeros."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def rounded(value: Decimal, places: int = 1) -> str:
    """A computed figure to a fixed number of places: 7.0, not 7."""
    text = format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    return text[1:] if text.startswith("-") and not text.strip("-0.") else text


def _bounded(core: str, comparator: str | None) -> str:
    return f"{_BEFORE.get(comparator, '')}{core}{_AFTER.get(comparator, '')}"


def growth(value: Decimal, comparator: str | None = "=", upper: Decimal | None = None) -> str:
    if upper is not None:
        return f"增长{number(value)}%—{number(upper)}%"
    if value < 0:
        return "下降" + _bounded(f"{number(-value)}%", _FLIP.get(comparator, comparator))
    return "增长" + _bounded(f"{number(value)}%", comparator)


def level(value: Decimal, unit: str | None, comparator: str | None = "=", upper: Decimal | None = None) -> str:
    if upper is not None:
        return f"{number(value)}—{number(upper)}{unit or ''}"
    return _bounded(f"{number(value)}{unit or ''}", comparator)


def change(value: Decimal, unit: str | None, comparator: str | None = "=", cumulative: bool = False) -> str:
    verb = ("累计" if cumulative else "") + ("减少" if value < 0 else "增加")
    unit = "个百分点" if unit == "百分点" else (unit or "")
    return verb + _bounded(f"{number(abs(value))}{unit}", comparator)


def describe(shown: Shown) -> str:
    """How a document would state the value: 增长6.5%左右, 137亿元, 累计增加6.4件."""
    if shown.value is None:
        return shown.text or "—"
    if shown.measure == "growth":
        words = growth(shown.value, shown.comparator, shown.upper)
        return ("年均" + words) if "-" in shown.period and not shown.cumulative else words
    if shown.measure == "change":
        return change(shown.value, shown.unit, shown.comparator, shown.cumulative)
    return level(shown.value, shown.unit, shown.comparator, shown.upper)


def gap(measure: str, unit: str | None, got: Decimal, wanted: Decimal) -> str:
    """低于目标0.9个百分点 / 完成目标的94.3% / 比目标少2件."""
    if measure == "growth" or unit in ("%", "百分点"):
        diff = got - wanted
        side = "高于" if diff > 0 else "低于"
        return f"{side}目标{rounded(abs(diff))}个百分点"
    if wanted > 0 and got > 0:
        return f"为目标的{rounded(got / wanted * 100)}%"
    diff = got - wanted
    return f"{'多于' if diff > 0 else '少于'}目标{number(abs(diff))}{unit or ''}"


def result_words(shown: Shown) -> str:
    """实际/预计 + the value, with its period when it is a part of a year."""
    when = part_label(shown.period) if shown.period.is_part else ""
    kind = "预计" if shown.estimated else "实际"
    return f"{when}{kind}{describe(shown)}"
