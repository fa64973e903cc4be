"""One value cell, placed in its column, to a Fact: measure, unit, period."""

from __future__ import annotations

import re
from functools import lru_cache

from ...documents import Cell
from ..catalogue import Indicator
from ...model import Fact
from ..grammar import alternation, grammar
from ..numbers import parse_growth, signed
from . import cells as kinds
from .align import Slot
from .header import Context, span_text
from .rows import Row, share_amount

SCALE = re.compile(r"^(万亿|千万|百万|亿|万)")
SCALE_ORDER = {"": 0, "万": 1, "百万": 2, "千万": 3, "亿": 4, "万亿": 5}
SAME_UNIT = {"m2": "平方米", "㎡": "平方米", "m²": "平方米", "美金": "美元"}
ESTIMATE_PREFIX = re.compile(rf"^(?:{alternation(grammar().estimate_words)})(?:全年)?")


def cell_fact(cell: Cell, value: kinds.Value, slot: Slot, row: Row, context: Context) -> Fact | None:
    """The fact a value cell states, or None when its meaning is unclear."""
    column = slot.column
    if not column.role:
        return None
    indicator, measure = row.standard, _measure(value, slot, row)
    if measure is None:
        return None
    period = column.period
    unit = None
    quantity = value.quantity
    cumulative = False
    period_basis = column.period_basis or context.basis
    # a share's 总量 column holds the amount it is a share of (研发经费 beside its 占比)
    amount = share_amount(row) if slot.pair and row.rate and row.unit is None and column.measure == "level" \
        and quantity is not None and quantity.unit != "%" else None
    if amount is not None:
        indicator, unit = amount.name, _level_unit(amount, None, row.written, context)
    elif quantity is not None and quantity.cumulative:
        cumulative = True
        if context.span and not column.span:
            period, period_basis = span_text(context.span), context.basis
        # [ ] over a span: a flow's total, a rate's change in points, a named growth's (降低[14]) cumulative %
        measure = "level" if row.flow else "growth" if row.growth_named else "change"
    if quantity is not None and measure == "growth":
        quantity = _signed_growth(cell, value, row)
        unit = "%"
    elif quantity is not None and unit is None:
        unit = quantity.unit or _row_level_unit(row, context)
        if measure == "change" and unit == "%":
            unit = "百分点"
    role = column.role
    return Fact(
        indicator=indicator,
        role=role,
        period=period,
        measure=measure,
        value=quantity.value if quantity is not None else None,
        unit=unit if quantity is not None else None,
        comparator=quantity.comparator if quantity is not None else None,
        start=cell.start,
        end=cell.end,
        text=None if quantity is not None else ESTIMATE_PREFIX.sub("", value.words or ""),
        upper=quantity.upper if quantity is not None else None,
        estimated=role == "actual" and (column.estimated or value.estimated),
        stretch=role == "target" and value.stretch,
        cumulative=cumulative,
        attribute=row.attribute,
        department=row.department,
        assessment=row.assessment if role == "target" else None,
        name_as_written=row.written,
        role_basis=column.role_basis or context.basis,
        period_basis=period_basis,
    )


def _measure(value: kinds.Value, slot: Slot, row: Row) -> str | None:
    column = slot.column
    percent = value.quantity is not None and value.quantity.unit in ("%", "百分点")
    if slot.pair and row.rate:
        return "level"
    if slot.merged:
        return "growth" if row.growth_named or value.growth_verb and not row.rate else "level"
    if value.growth_verb and value.quantity is not None:
        return "growth"
    if column.measure is not None:
        return column.measure
    if column.rates and value.quantity is not None and not row.rate and abs(value.quantity.value) < 100:
        return "growth"     # 6 under 2023年目标(%) in a row of 亿元; but 365 there is the level
    if value.quantity is None:
        return _text_measure(value, column.span, row)
    if column.span:
        return "level" if row.rate else "growth"
    if percent:
        return "level" if row.rate else "growth"
    if row.growth_named and row.unit == "%" and abs(value.quantity.value) < 100:
        return "growth"     # 增长 | % | 6.5; but 1080 in a growth row is the level
    return "level"


def _text_measure(value: kinds.Value, span: bool, row: Row) -> str | None:
    if row.growth_named or value.growth_verb:
        return "growth"
    return None if span else "level"     # a statement over a span: growth, change or level?


def _signed_growth(cell: Cell, value: kinds.Value, row: Row):
    quantity = value.quantity
    if value.growth_verb:
        quantity = parse_growth(kinds.squeeze(cell.text)) or quantity
    elif row.down and quantity.value > 0 and not kinds.squeeze(cell.text).startswith("+"):
        quantity = signed(quantity)
    return quantity._replace(unit="%")


def _row_level_unit(row: Row, context: Context) -> str | None:
    own = None if row.growth_named and row.unit == "%" else row.unit
    if own is not None:
        return own
    if row.rate:
        return "%"
    return _level_unit(row.indicator, None, row.written, context)


def _level_unit(indicator: Indicator | None, own: str | None, written: str, context: Context) -> str | None:
    """A level's unit: the row's own, else the title's unit of the same kind as
    the catalogue's (亿美元 for 实际利用外资), else the catalogue's."""
    if own is not None:
        return own
    usual = indicator.unit if indicator is not None else None
    if usual is None:
        return None
    base = _base(usual)
    same = [u for u in context.units if _base(u) == base]
    if usual in same or not same:
        return usual
    if len(same) == 1:
        return same[0]
    ordered = sorted(same, key=lambda u: SCALE_ORDER[_scale(u)])
    return ordered[0] if "人均" in written else ordered[-1]


@lru_cache(maxsize=1024)  # a few units, read for every cell
def _scale(unit: str) -> str:
    found = SCALE.match(unit)
    return found[1] if found and len(unit) > len(found[1]) else ""


@lru_cache(maxsize=1024)  # a few units, read for every cell
def _base(unit: str) -> str:
    rest = unit[len(_scale(unit)):]
    return SAME_UNIT.get(rest, rest)
