"""One statement about one indicator -> the fields of a Fact.

The prose reader (prose.py) finds a name and the quantity or qualitative words
that follow it; this module decides what they mean: measure and signed value
(growth verbs, reduction indicators, 百分点), role and period (by the order of
evidence of resolve.py, which records what decided them), and the flags
estimated / stretch / cumulative.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .catalogue import Indicator
from .context import span_text
from ..model import Basis, Fact
from .grammar import alternation, grammar
from .numbers import Quantity, scaled, signed
from .resolve import Where, resolve

_G = grammar()
VERB = re.compile(f"(?:{alternation(_G.up + _G.down)})(?P<to>[至到])?")
_TARGET = re.compile(alternation(w for w in _G.target_words if w not in _G.stretch_words))
_GOAL_MET = re.compile(alternation(_G.goal_met))  # 目标任务全面完成: a goal met, said in a result
_STRETCH = re.compile(alternation(_G.stretch_words))
_ESTIMATE = re.compile(alternation(_G.estimate_words))
_ESTIMATE_AFTER = re.compile(rf"[（(]\s*(?:{_ESTIMATE.pattern})")  # 2699.7亿元(预计数)
_ESTIMATE_NOTE = re.compile(rf"[（(]\s*(?:{_ESTIMATE.pattern})[^)）]{{0,4}}[)）]")
_WILL = re.compile(rf"(?:{alternation(_G.will_words)}|将)$")  # or a bare 将 just before the value
_CUMULATIVE = re.compile(alternation(_G.cumulative_words))
_SIGNS = {**dict.fromkeys(_G.positive_growth, ">"), **dict.fromkeys(_G.negative_growth, "<"),
          **dict.fromkeys(_G.flat_growth, "=")}
_CLAUSE_BREAK = re.compile(r"[,，;；:：]")
_OPENS = re.compile(r"[\s—]*(?:全年|今年|年内|明年)?")  # what may stand before an opening 力争
_AVERAGE = re.compile(r"年均|平均")
_FLOW = re.compile(alternation(_G.flow_words))
_SPAN_TOTAL = re.compile(alternation(_G.span_total_words))
_REACHED = re.compile(alternation(_G.reached_words))

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
    unit = unit.removesuffix("/人")  # 万元/人 (labour productivity) is money, written per head or not
    for suffix, name in _FAMILIES:
        if unit.endswith(suffix):
            return name
    return unit


_PER_DAY = re.compile(r"日均\s*$")
_GROWTH_BEFORE = re.compile(r"增长|增速|增幅")  # 居民收入增长保持全省领先: a rank of the growth
_AIM_BEFORE = re.compile(r"保持\s*$")  # (继续)保持物价水平总体稳定: the state is the aim of a task
_GROWTH_SAID = re.compile(r"\s*(?:年均)?(?:增速|增幅|增长速度|增长率)")  # words after a name that make it its growth
_BARE_UNITS = (None, "分")  # a ratio (城乡居民收入比 2.12∶1) or a score, written as a bare number
_GOAL_AFTER = re.compile(r"\s*(?:预期)?目标(?!任务)")


def measure_of(indicator: Indicator, quantity: Quantity, verb: re.Match | None,
               growth_implied: bool = False, index: bool = False, bare_count: bool = False) -> tuple[str, Quantity] | None:
    """(measure, signed quantity), or None when the quantity cannot be this indicator's.

    A % of a plain indicator is growth only when a verb says so, or the name does
    (居民消费价格涨幅), or the statement goes on from a growth (目标增长6.5%,预计完成6.0%).
    A bare number after a name written as an index (居民消费价格指数101.5) is the index's level,
    and so is one of an indicator measured without a unit or in points (城乡居民收入比2.12,
    满意度从84.7提升至89.6). A bare_count (a number in bare 万 right after its name and verb, nothing
    after it: 贫困人口由50.1万减少到26.7万) is in the indicator's unit."""
    if quantity.unit is None and verb is None and (index or indicator.unit in _BARE_UNITS) \
            or quantity.unit is None and verb is not None and verb["to"] and indicator.unit in _BARE_UNITS:
        return "level", quantity
    down = verb is not None and verb[0].rstrip("至到") in _G.down
    if quantity.unit == "%":
        if indicator.rate:  # 优良率达到85% is a level; 城镇化率提高1.2% leaves unsaid whether points or growth
            return ("level", quantity) if verb is None or verb["to"] else None
        if verb is None and not (indicator.down or growth_implied) or verb is not None and verb["to"]:
            return None  # GDP的60%, 增长至5%: a share or a level, not a growth rate
        if down or (verb is None and indicator.down):
            quantity = signed(quantity)
        if indicator.index and quantity.value >= indicator.index * _INDEX_FLOOR:
            quantity = _less(quantity, indicator.index)
        return "growth", quantity
    if quantity.unit == "百分点":
        if not indicator.rate:
            return None
        return "change", signed(quantity) if down else quantity
    if quantity.unit == "万" and bare_count and (indicator.unit or "").startswith("万") \
            and family(indicator.unit) != "money":
        quantity = quantity._replace(unit=indicator.unit)
    if quantity.unit is None or (indicator.unit and family(indicator.unit) != family(quantity.unit)
                                 and not _also_unit(indicator, quantity.unit)) \
            or not _scale_fits(indicator.unit, quantity.unit):
        return None
    if verb is not None and not verb["to"]:
        return "change", signed(quantity) if down else quantity
    return "level", quantity


_INDEX_FLOOR = Decimal("0.8")  # no price rises 80% in a year: a value this high is the index (103%), not the rise


def _less(quantity: Quantity, base: int) -> Quantity:
    """The growth an index states: the index less its base (103% of last year: +3%)."""
    upper = None if quantity.upper is None else quantity.upper - base
    return quantity._replace(value=quantity.value - base, upper=upper)


def _also_unit(indicator: Indicator, unit: str) -> bool:
    """A unit of another kind the indicator is also written in: that measure word (个), not its kind (项)."""
    return any(scaled(unit)[0] == scaled(also)[0] for also in indicator.also_units)


def _scale_fits(usual: str | None, unit: str) -> bool:
    """A total in 亿元 is never stated in bare 元, nor a per-head amount in 亿元
    (人 均 GDP 51281元 split by a PDF is not GDP)."""
    if usual is None or family(usual) != "money":
        return True
    return not (usual.endswith("亿元") and unit == "元" or usual == "元" and "亿" in unit)


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


def adds_up(indicator: Indicator, before_value: str) -> bool:
    """A level of it stated over a span is the span's total: 新增就业, or an amount a review
    adds up (实际使用外资263亿美元) unless it says the level was reached (达到, 首次突破)."""
    return bool(_FLOW.search(indicator.name)) or not indicator.rate and bool(_SPAN_TOTAL.search(indicator.name)) \
        and not _REACHED.search(before_value)


def numeric_fact(indicator: Indicator, written: str, quantity: Quantity, measure: str, where: Where,
                 start: int, before_value: str, after_value: str = "") -> Fact | None:
    if measure == "level" and _PER_DAY.search(where.clause, 0, max(0, where.name[0] - where.clause_start)):
        return None  # 日均新设企业1665户: a day's average, no level of the period (its growth is the period's)
    cumulative = quantity.cumulative or bool(_CUMULATIVE.search(where.clause)) and not (
        measure == "growth" and _AVERAGE.search(before_value))  # 累计完成…,年均增长15%: an annual average
    decided = resolve(where, measure, cumulative, adds_up(indicator, before_value))
    role, period, cumulative, role_basis = decided.role, decided.period, decided.cumulative, decided.role_basis
    if period is None:
        return None
    if role == "actual" and (goal := _GOAL_AFTER.match(after_value)):
        role = "target"  # 预计实现…增长6.5%左右目标: the value names the goal
        role_basis = Basis("clause", quantity.end + goal.start(), quantity.end + goal.end())
    estimated, stretch = flags(where, role, before_value, after_value)
    unit = "%" if measure == "growth" else quantity.unit
    return Fact(indicator=indicator.name, role=role, period=period, measure=measure, value=quantity.value,
                unit=unit, comparator=quantity.comparator, start=start, end=quantity.end, upper=quantity.upper,
                estimated=estimated, stretch=stretch, cumulative=cumulative, name_as_written=written,
                role_basis=role_basis, period_basis=decided.period_basis)


def text_fact(indicator: Indicator, written: str, words: str, where: Where, start: int, end: int) -> Fact | None:
    """A qualitative statement (与经济增长基本同步, 完成市下达目标), or 正增长/负增长/持平 (growth >/</= 0).
    It is about the level of a rate or a concentration (优良水体比例完成国家下达目标) unless
    its words name a change (PM2.5浓度继续下降), and wherever its words say so (稳居全国上游,
    全覆盖); else about growth."""
    level = words in _G.level_qualitative or (indicator.rate or family(indicator.unit) == "density") \
        and not VERB.search(words)
    growth_said = bool(_GROWTH_SAID.match(where.clause, max(0, where.name[1] - where.clause_start))
                       or _GROWTH_SAID.search(written))  # 经济增速 names GDP by its growth
    if words in _G.growth_rank_qualitative and not (growth_said or _GROWTH_BEFORE.search(where.clause, where.name[1] - where.clause_start, end - where.clause_start)):
        return None  # 空气质量优良天数保持全省领先: a rank of a level, no fact (居民收入增长保持全省领先 is one)
    if level and growth_said:
        level = False  # 经济增速高于全省平均水平: a comparison of its growth
    measure = "level" if level and words not in _SIGNS else "growth"
    held = words in _G.held_qualitative  # “十五五”时期…稳居全国上游: held over the span, as a total is
    decided = resolve(where, measure, held)
    role, period, bases = decided.role, decided.period, (decided.role_basis, decided.period_basis)
    goal = decided.role_basis
    if role == "target" and goal is not None and goal.rule == "clause" and where.section.role == "actual" \
            and _GOAL_MET.fullmatch(where.clause[goal.start - where.clause_start:] + words):
        role, bases = "actual", (where.section.role_basis, bases[1])  # its goal word names the goal it met
    if period is None or role != "target" and words in _G.goal_only_qualitative:
        return None
    listed = where.section.role_basis is not None and where.section.role_basis.rule == "goals"
    if words in _G.goals_list_qualitative and not listed:
        return None  # …修复工程,近岸海域水质优良比例达到省定目标: a task's aim, not a main goal
    if words in _G.held_qualitative and words not in _G.goal_only_qualitative and not listed and _AIM_BEFORE.search(where.clause, 0, where.name[0] - where.clause_start):
        return None  # 继续保持物价水平总体稳定: a state to keep, said before its name, is a task's aim outside a list of goals
    span = where.section.span
    if (measure == "growth" or held) and span and period == str(span[1]):
        period = span_text(span)  # 到2025年,居民收入与经济增长同步 / 失业率总体稳定: over the plan's years
    estimated, stretch = flags(where, role, "")
    if words in _SIGNS:  # 正增长: growth > 0
        return Fact(indicator=indicator.name, role=role, period=period, measure="growth", value=Decimal(0),
                    unit="%", comparator=_SIGNS[words], start=start, end=end,
                    estimated=estimated, stretch=stretch, name_as_written=written,
                    role_basis=bases[0], period_basis=bases[1])
    # 与/和经济增长基本同步 -> 经济增长基本同步: the conjunction varies, the statement does not
    return Fact(indicator=indicator.name, role=role, period=period, measure=measure, value=None, unit=None,
                comparator=None, text=words.lstrip("与和"), start=start, end=end, estimated=estimated,
                stretch=stretch, name_as_written=written, role_basis=bases[0], period_basis=bases[1])


