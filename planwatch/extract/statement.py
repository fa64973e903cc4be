"""One statement about one indicator -> the fields of a Fact.

The prose reader (prose.py) finds a name and the quantity or qualitative words
that follow it; this module decides what they mean: measure and signed value
(growth verbs, reduction indicators, 百分点), role (the section, target words,
a bullet's "目标:预计完成" shape, explicit years), period (period words in the
sentence, the paragraph's five-year span, the section), and the flags
estimated / stretch / cumulative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from .catalogue import Indicator
from .context import Section, span_text
from ..model import Fact
from .grammar import alternation, grammar
from .numbers import Quantity, signed
from .periods import Mark

_G = grammar()
VERB = re.compile(f"(?:{alternation(_G.up + _G.down)})(?P<to>[至到])?")
_TARGET = re.compile(alternation(w for w in _G.target_words if w not in _G.stretch_words))
_STRETCH = re.compile(alternation(_G.stretch_words))
_ESTIMATE = re.compile(alternation(w for w in _G.estimate_words if not w.startswith("将")))
_ESTIMATE_AFTER = re.compile(r"[（(]\s*(?:预计|预估|初步统计)")  # 2699.7亿元(预计数)
_ESTIMATE_NOTE = re.compile(r"[（(]\s*(?:预计|预估|初步统计)[^)）]{0,4}[)）]")
_WILL = re.compile(r"将(?:突破|超过|达到|超|达)?$")
_CUMULATIVE = re.compile(alternation(_G.cumulative_words))
_THROUGHOUT = re.compile(r"始终|每年|历年")
_SIGNS = {**dict.fromkeys(_G.positive_growth, ">"), **dict.fromkeys(_G.negative_growth, "<"),
          **dict.fromkeys(_G.flat_growth, "=")}
_CLAUSE_BREAK = re.compile(r"[,，;；:：]")
_OPENS = re.compile(r"[\s—]*(?:全年|今年|年内|明年)?")  # what may stand before an opening 力争
_AVERAGE = re.compile(r"年均|平均")

_DENSITY = re.compile(r"微克|毫克|μg|ug/|mg/")
_FAMILIES = (("美元", "money"), ("元", "money"), ("人次", "visits"), ("人", "people"), ("名", "people"),
             ("户", "count"), ("家", "count"), ("个", "count"), ("项", "count"), ("件", "count"),
             ("天", "days"), ("岁", "age"), ("年", "years"), ("吨", "weight"), ("斤", "weight"), ("平方米", "area"),
             ("m2", "area"), ("㎡", "area"), ("公顷", "area"), ("亩", "area"), ("公里", "length"),
             ("立方米", "volume"))


def family(unit: str | None) -> str | None:
    """The kind of a unit, so that 万户 and 家, 亿美元 and 万元 compare."""
    if not unit:
        return None
    if _DENSITY.search(unit):
        return "density"
    for suffix, name in _FAMILIES:
        if unit.endswith(suffix):
            return name
    return unit


_GOAL_AFTER = re.compile(r"\s*(?:预期)?目标(?!任务)")


@dataclass(frozen=True)
class Where:
    """What surrounds a statement: its section, the words of its sentence up to the
    value, its clause up to the value, and the period marks before it."""

    section: Section
    sentence: str          # from the sentence start to the value
    clause: str            # from the start of the name's clause to the value
    clause_words: str      # the same without the name itself (人均预期寿命 is no target word)
    marks: tuple[Mark, ...]  # period marks before the value: sentence ones, then the paragraph's span
    bullet_target: bool    # before the colon of a "——目标:预计…" bullet


def measure_of(indicator: Indicator, quantity: Quantity, verb: re.Match | None,
               growth_implied: bool = False, index: bool = False) -> tuple[str, Quantity] | None:
    """(measure, signed quantity), or None when the quantity cannot be this indicator's.

    A % of a plain indicator is growth only when a verb says so, or the name does
    (居民消费价格涨幅), or the statement goes on from a growth (目标增长6.5%,预计完成6.0%).
    A bare number after a name written as an index (居民消费价格指数101.5) is the index's level."""
    if index and quantity.unit is None and verb is None:
        return "level", quantity
    down = verb is not None and verb[0].rstrip("至到") in _G.down
    if quantity.unit == "%":
        if indicator.rate:  # 优良率达到85% is a level; 城镇化率提高1.2% leaves unsaid whether points or growth
            return ("level", quantity) if verb is None or verb["to"] else None
        if verb is None and not (indicator.down or growth_implied) or verb is not None and verb["to"]:
            return None  # GDP的60%, 增长至5%: a share or a level, not a growth rate
        if down or (verb is None and indicator.down):
            quantity = signed(quantity)
        return "growth", quantity
    if quantity.unit == "百分点":
        if not indicator.rate:
            return None
        return "change", signed(quantity) if down else quantity
    if quantity.unit is None or (indicator.unit and family(indicator.unit) != family(quantity.unit)) \
            or not _scale_fits(indicator.unit, quantity.unit):
        return None
    if verb is not None and not verb["to"]:
        return "change", signed(quantity) if down else quantity
    return "level", quantity


def _scale_fits(usual: str | None, unit: str) -> bool:
    """A total in 亿元 is never stated in bare 元, nor a per-head amount in 亿元
    (人 均 GDP 51281元 split by a PDF is not GDP)."""
    if usual is None or family(usual) != "money":
        return True
    return not (usual.endswith("亿元") and unit == "元" or usual == "元" and "亿" in unit)


def role_and_period(where: Where, measure: str, cumulative: bool) -> tuple[str, str | None, bool]:
    """(role, period, cumulative) from the section, target words, marks and explicit years."""
    section = where.section
    role = section.role
    if role == "actual" and (_TARGET.search(where.clause_words) or where.bullet_target):
        role = "target"
    period = section.period
    if role != section.role and section.year and section.period and not section.span:
        period = str(section.year)  # a full-year target stated in a half-year review
    mark = where.marks[-1] if where.marks else None
    span = section.span
    if mark is not None:
        ended = _since_until(where.marks)
        local = replace(section, span=None, year=ended) if ended else section
        role, period, span = _marked(mark, local, role, period, span)
    if span is None and measure == "growth" and period and _AVERAGE.search(where.clause):
        span = _averaged_over(period, section)  # 2020年…,年均增长7.8%: an average over the plan's years
    if span is not None and (mark is None or mark.is_span or measure == "growth"):
        if measure != "level" or cumulative or _THROUGHOUT.search(where.clause):
            period = span_text(span)
            cumulative = cumulative or (measure != "level" and not _AVERAGE.search(where.clause))
        else:
            period = str(span[1])  # a level at the end of a span
    return role, period, cumulative


def _since_until(marks: list[Mark]) -> int | None:
    """到2020年底,…同比2015年增长60%: a growth since a year up to the year the
    sentence named before it, not to the section's."""
    since = marks[-1]
    if since.kind != "since":
        return None
    years = [int(m.words) for m in marks[:-1] if m.kind == "year" and int(m.words) > int(since.words)]
    return years[-1] if years else None


def _averaged_over(period: str, section: Section) -> tuple[int, int] | None:
    """The years an average growth stated with one year covers: the section's plan
    when the year ends it, else the five-year plan that year closes (2020: 2016-2020)."""
    if section.span and period == str(section.span[1]):
        return section.span
    if period.isdigit() and int(period) % 5 == 0:
        return int(period) - 4, int(period)
    return None


def _marked(mark: Mark, section: Section, role: str, period: str | None,
            span: tuple[int, int] | None) -> tuple[str, str | None, tuple[int, int] | None]:
    """(role, period, span) once a period mark is read: an explicit year before the
    year under review is a result, one after it a target."""
    marked, override = mark.resolve(section)
    role = override or role
    period = marked or period
    if mark.kind in ("year", "year_part") and section.year:
        year = int(mark.words)
        if role == "actual" and year > section.year:
            role = "target"
        elif role == "target" and year < section.year and not span:
            role = "actual"
    if role == "target" and span and marked and int(marked.split("-")[-1][:4]) < span[0]:
        role = "actual"  # 2020年… or “十三五”期间… in a plan for 2021-2025: before the plan began
    if mark.is_span and marked and "-" in marked:
        first, last = marked.split("-")
        span = (int(first), int(last))
    elif mark.kind != "this_year":
        span = None
    return role, period, span


def flags(where: Where, role: str, before_value: str, after_value: str = "") -> tuple[bool, bool]:
    """(estimated, stretch)."""
    if role == "actual":
        sentence = _ESTIMATE_NOTE.sub("", where.sentence)  # a (预计数) note belongs to the value before it
        estimated = bool(_ESTIMATE.search(sentence) or _STRETCH.search(sentence)
                         or _WILL.search(before_value) or _ESTIMATE_AFTER.match(after_value))
        return estimated, False
    if role == "target":  # 力争…,产业项目到位资金预期实现300亿元: its own 预期 is no stretch
        return False, _stretched(where) and not _TARGET.search(where.clause_words)
    return False, False


def _stretched(where: Where) -> bool:
    """力争 in the value's clause, or opening an earlier clause of its sentence (力争2024年底…,
    其中…); one after a name (进出口总额力争增长8%,城镇新增就业…) is that name's alone."""
    if _STRETCH.search(where.clause):
        return True
    return any(_OPENS.fullmatch(_CLAUSE_BREAK.split(where.sentence[:m.start()])[-1])
               for m in _STRETCH.finditer(where.sentence))


def numeric_fact(indicator: Indicator, written: str, quantity: Quantity, measure: str, where: Where,
                 start: int, before_value: str, after_value: str = "") -> Fact | None:
    cumulative = quantity.cumulative or bool(_CUMULATIVE.search(where.clause)) and not (
        measure == "growth" and _AVERAGE.search(before_value))  # 累计完成…,年均增长15%: an annual average
    role, period, cumulative = role_and_period(where, measure, cumulative)
    if period is None:
        return None
    if role == "actual" and _GOAL_AFTER.match(after_value):
        role = "target"  # 预计实现…增长6.5%左右目标: the value names the goal
    estimated, stretch = flags(where, role, before_value, after_value)
    unit = "%" if measure == "growth" else quantity.unit
    return Fact(indicator=indicator.name, role=role, period=period, measure=measure, value=quantity.value,
                unit=unit, comparator=quantity.comparator, start=start, end=quantity.end, upper=quantity.upper,
                estimated=estimated, stretch=stretch, cumulative=cumulative, name_as_written=written)


def text_fact(indicator: Indicator, written: str, words: str, where: Where, start: int, end: int) -> Fact | None:
    """A qualitative statement (与经济增长基本同步, 完成市下达目标), or 正增长/负增长/持平 (growth >/</= 0)."""
    measure = "level" if words == "全覆盖" else "growth"
    role, period, _ = role_and_period(where, measure, False)
    if period is None:
        return None
    span = where.section.span
    if measure == "growth" and span and period == str(span[1]):
        period = span_text(span)  # 到2025年,居民收入与经济增长同步: over the plan's years
    estimated, stretch = flags(where, role, "")
    if words in _SIGNS:  # 正增长: growth > 0
        return Fact(indicator=indicator.name, role=role, period=period, measure="growth", value=Decimal(0),
                    unit="%", comparator=_SIGNS[words], start=start, end=end,
                    estimated=estimated, stretch=stretch, name_as_written=written)
    # 与/和经济增长基本同步 -> 经济增长基本同步: the conjunction varies, the statement does not
    return Fact(indicator=indicator.name, role=role, period=period, measure=measure, value=None, unit=None,
                comparator=None, text=words.lstrip("与和"), start=start, end=end, estimated=estimated,
                stretch=stretch, name_as_written=written)


