"""Where each value cell of a real table stands: its grid column.

A table from markup keeps its merged cells (colspan, rowspan), so a cell's
column is known and nothing needs guessing: a year whose 总量 | 增速 pair is
one merged cell, a blank target column, a base-year column whose label the
header lost all keep their places. A table recovered from text has no grid,
and a real table's row that falls short of the grid lost a cell: those rows
are read by `align` instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...documents import Cell
from .align import Slot
from .header import Column, Group


@dataclass(frozen=True)
class Grid:
    """Each cell's grid column (by id), and how far each row fills the grid."""

    where: dict[int, int]
    filled: list[int]

    def fills(self, row: int) -> bool:
        """A row that reaches the grid's width: its cells stand in their columns.
        A row that falls short lost a cell somewhere (sloppy markup) and is
        aligned like a flattened one."""
        return self.filled[row] == max(self.filled)


def positions(rows: list[list[Cell]]) -> Grid:
    """The grid column of each cell, rowspans taken into account."""
    taken: set[tuple[int, int]] = set()
    where: dict[int, int] = {}
    for r, row in enumerate(rows):
        column = 0
        for cell in row:
            while (r, column) in taken:
                column += 1
            where[id(cell)] = column
            taken.update((r + i, column + j) for i in range(cell.rowspan) for j in range(cell.colspan))
            column += cell.colspan
    filled = [0] * len(rows)
    for r, c in taken:
        if r < len(rows):
            filled[r] = max(filled[r], c + 1)
    return Grid(where, filled)


def leaf_slots(tops: list[Cell], found: list[Group], where: dict[int, int]) -> dict[int, Slot] | None:
    """Each value column's slot by grid column: a top label's leaves lie under
    it, one per column it spans. None when the labels do not line up with
    the spans (a header flattened without its colspans)."""
    slots: dict[int, Slot] = {}
    for top, group in zip(tops, found, strict=True):
        if len(group.leaves) not in (1, top.colspan):
            return None
        for offset, leaf in enumerate(group.leaves):
            slots[where[id(top)] + offset] = Slot(leaf, pair=len(group.leaves) > 1)
    return slots


def lost_base(slots: dict[int, Slot], held: set[int], span: tuple[int, int] | None) -> dict[int, Slot]:
    """The slots with the base year's column where the header left it blank:
    the one unlabelled column holding values between the plan's columns and
    the yearly results (2020年 | 年均增长 | (2015) | 2016 …)."""
    if span is None or any(s.column.role == "baseline" for s in slots.values()):
        return slots
    actual = min((p for p, s in slots.items() if s.column.role == "actual"), default=None)
    target = max((p for p, s in slots.items() if s.column.role == "target" and (actual is None or p < actual)),
                 default=None)
    if actual is None or target is None:
        return slots
    blank = [p for p in held if target < p < actual and p not in slots]
    if len(blank) != 1:
        return slots
    return {**slots, blank[0]: Slot(Column("baseline", str(span[0] - 1)))}


def slot(cell: Cell, slots: dict[int, Slot], where: dict[int, int]) -> Slot | None:
    """A value cell's slot: its column's, or the pair's it is merged over."""
    start = where[id(cell)]
    covered = [slots.get(start + i) for i in range(cell.colspan)]
    if len(covered) == 1 or covered[0] is None:
        return covered[0]
    first = covered[0].column
    if any(s is None or (s.column.role, s.column.period) != (first.role, first.period) for s in covered):
        return None
    return Slot(Column(first.role, first.period, None, first.estimated, first.span), merged=True)


def as_groups(slots: dict[int, Slot]) -> list[Group]:
    """The value columns left to right as groups (a pair's two leaves together),
    for aligning a row that does not fill the grid."""
    found: list[list[Column]] = []
    for position in sorted(slots):
        slot, last = slots[position], found[-1][-1] if found else None
        if slot.pair and last is not None and (last.role, last.period) == (slot.column.role, slot.column.period) \
                and position - 1 in slots and slots[position - 1].pair:
            found[-1].append(slot.column)
        else:
            found.append([slot.column])
    return [Group(tuple(leaves)) for leaves in found]
