"""Which column each value cell of a row belongs to, when the row has fewer
cells than the header has columns.

A flattened table loses colspans: a year whose 总量 | 增速 pair was merged
into one cell, or a target column left blank, shifts every later cell. Each
way of laying the cells over the column groups (a group takes all its
columns, one merged cell, or none) is scored by how well the cells fit their
columns; the best layout wins. When several layouts fit equally well, the reader keeps
only the facts that they all give: a cell that could belong to two columns is
dropped, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import islice, repeat
from typing import NamedTuple

from .cells import Value
from .header import Column, Group

HARD = 100      # a cell that cannot stand in that column
MAX_TIES = 8


@dataclass(frozen=True)
class Slot:
    column: Column
    merged: bool = False    # one cell standing for a pair of columns (总量 | 增速)
    pair: bool = False      # one leaf of a pair


@dataclass(frozen=True)
class RowShape:
    """What the row's indicator is, as far as fitting cells is concerned."""

    rate: bool              # its level is a rate or share in %
    growth_named: bool      # the row names a growth (…增长, …增速, …降低率)


def direct(groups: list[Group]) -> list[Slot]:
    return [Slot(leaf, pair=len(g.leaves) > 1) for g in groups for leaf in g.leaves]


class Aligner:
    """Lays the value cells of one table's rows over its column groups. A row's best layouts
    depend on its cells only through their kinds (_Kind), and the rows of one table are mostly
    alike: each kind of row is laid out once."""

    def __init__(self, groups: list[Group]):
        self.groups = groups
        self.choices = [[(size, tuple(_slots(group, size))) for size in sorted({0, 1, len(group.leaves)})]
                        for group in groups]
        self.room = [sum(len(group.leaves) for group in groups[gi:]) for gi in range(len(groups) + 1)]  # cells groups gi… can take
        self._laid: dict[tuple, tuple[tuple[Slot | None, ...], ...]] = {}

    def __call__(self, values: list[Value | None], shape: RowShape) -> list[list[Slot | None]]:
        """The best layouts of `values` (one Slot per value)."""
        key = (tuple(map(_kind, values)), shape)
        if key not in self._laid:
            self._laid[key] = self._layouts(*key)
        return [list(layout) for layout in self._laid[key]]

    def _layouts(self, values: tuple[_Kind | None, ...], shape: RowShape) -> tuple[tuple[Slot | None, ...], ...]:
        groups, choices, room = self.groups, self.choices, self.room

        @cache
        def best(gi: int, ci: int) -> tuple[int, tuple[tuple[Slot | None, ...], ...]]:
            if len(values) - ci > room[gi]:
                return HARD * 10, ()  # more cells than the columns left: no layout (what the full search finds)
            if gi == len(groups):
                return (0, ((),)) if ci == len(values) else (HARD * 10, ())
            options = []
            group = groups[gi]
            for size, slots in choices[gi]:
                if ci + size > len(values):
                    continue
                rest_cost, rests = best(gi + 1, ci + size)
                if rests:
                    cost = (_drop_cost(group) if size == 0 else 0) + sum(map(_cost, values[ci:ci + size], slots, repeat(shape)))
                    options.append((cost + rest_cost, slots, rests))
            if not options:
                return HARD * 10, ()
            low = min(cost for cost, _, _ in options)
            layouts = islice((slots + rest for cost, slots, rests in options if cost == low for rest in rests), MAX_TIES)
            return low, tuple(layouts)

        cost, layouts = best(0, 0)
        del best  # it calls itself through its closure: that cycle, and every layout it cached, would wait for the collector
        return layouts if cost < HARD else ()


class _Kind(NamedTuple):
    """What of a value cell its fit in a column depends on (see _cost)."""

    quantity: bool      # a number, not words
    percent: bool       # in % or 百分点
    cumulative: bool
    exact: bool         # comparator "="
    growth_verb: bool


def _kind(value: Value | None) -> _Kind | None:
    if value is None:
        return None
    quantity = value.quantity
    if quantity is None:
        return _Kind(False, False, False, False, value.growth_verb)
    return _Kind(True, quantity.unit in ("%", "百分点"), quantity.cumulative, quantity.comparator == "=",
                 value.growth_verb)


def _slots(group: Group, size: int) -> list[Slot]:
    if size == 0:
        return []
    if size == 1 and len(group.leaves) > 1:
        return [Slot(group.leaves[0], merged=True)]
    return [Slot(leaf, pair=len(group.leaves) > 1) for leaf in group.leaves]


def _drop_cost(group: Group) -> int:
    """A row leaves a plan column blank more often than a year's result."""
    return 2 if group.leaves[0].role == "actual" else 1


def _cost(value: _Kind | None, slot: Slot, shape: RowShape) -> int:
    """0 when the cell fits the column, 1 when it is unlikely there, HARD when impossible."""
    if value is None or not slot.column.role:
        return 0
    percent = value.percent
    if shape.rate and (slot.pair or slot.merged) and value.quantity:
        # a share's pair is amount | share; a merged cell holds the share
        wants_percent = slot.merged or slot.column.measure != "level"
        return 0 if percent == wants_percent else 1
    measure = slot.column.measure
    if slot.merged:
        return 0
    if not value.quantity:
        return _text_cost(value, measure, shape)
    if value.cumulative:
        return 0
    if measure == "level":
        return (1 if shape.growth_named else HARD) if percent and not shape.rate else 0
    if measure == "growth":
        return 2 if shape.rate else (0 if percent else 1)    # a share has no growth target
    if slot.column.span and not percent and not shape.growth_named and value.exact:
        return 1            # a level's change over a span is written [ ]
    if percent and shape.growth_named and not slot.column.span:
        return 1            # a growth row's % belongs in the growth column
    return 0


def _text_cost(value: _Kind, measure: str | None, shape: RowShape) -> int:
    if measure == "growth":
        return 0 if value.growth_verb or shape.growth_named else 1
    return 1 if value.growth_verb and not shape.growth_named else 0
