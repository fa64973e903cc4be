"""An indicator table, from markup or recovered from text, to facts.

1. the header rows (before the first row naming an indicator) give the value
   columns (`header.groups`); a table without a header, or one whose rows
   carry one more value than its header (the base year's label lost), falls
   back on the usual layout of a plan table for its span;
2. each body row is split into name, unit, values and the cells describing
   the row (`rows.read_row`); category rows (经济发展 …) are skipped;
3. values are laid over the columns, directly when the counts agree, else by
   `align.Aligner` (ties keep only the facts every layout gives); a layout that was
   inferred is checked: a year whose level and growth contradict the year
   before is dropped;
4. each placed cell becomes a Fact (`facts.cell_fact`).

A real table (from markup) with a header skips 3 for each row that fills its
grid: each cell is read in the grid column it stands in (`grid`).
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from ...documents import Cell, Document, Table
from ...model import Basis, Fact
from ..framing import framing
from . import cells as kinds
from . import grid
from .align import Aligner, RowShape, Slot, direct
from .facts import cell_fact
from .header import (COMPLETION, YEAR, Column, Context, Group, groups, header_span, plan_span, span_text,
                     value_labels, with_group_label)
from .rows import Row, is_name, read_row

TITLE_UNITS = re.compile(r"单位\s*[:：]\s*([^)）]+)")


def context_of(table: Table, document: Document, header: list[list[Cell]]) -> Context:
    """What the title, the header and the document say about the table: the
    plan's span (the title's, else the header's own years, else the document's),
    and the one year it reports on."""
    title = table.title or ""
    span = plan_span(title) or header_span(header) or plan_span(document.meta.plan_span)
    units = TITLE_UNITS.search(title)
    listed = tuple(kinds.unit_of(u) for u in re.split(r"[、,，/\s]+", units[1]) if u) if units else ()
    return Context(span=span, completion=COMPLETION.search(title) is not None, units=listed,
                   indicators="指标" in title, year=_year(title, span, document),
                   basis=_titled(title, header, document))


def _titled(title: str, header: list[list[Cell]], document: Document) -> Basis:
    """Where the table's span and year were read: its title when it names one, else the document."""
    first = header[0][0].start if header and header[0] else len(document.text)
    at = document.text.rfind(title, 0, first) if title and (YEAR.search(title) or plan_span(title)) else -1
    if at >= 0:
        return Basis("title", at, at + len(title))
    return framing(document.text, document.meta).basis or Basis("metadata")


def _year(title: str, span: tuple[int, int] | None, document: Document) -> int | None:
    """The year a table without yearly columns reports on: the one its title
    names, else the one the document reports on."""
    years = set(YEAR.findall(title))
    if len(years) == 1 and span is None:
        return int(years.pop())
    reported = document.meta.report_years
    return reported[0] if len(reported) == 1 else None


def read_table(table: Table, document: Document, real: bool = False) -> list[Fact]:
    """The facts of one table; `real`: from markup, its cells in a grid."""
    first = next((i for i, row in enumerate(table.rows) if _is_data_row(row)), None)
    if first is None:
        return []
    table, first = _captioned(table, first)
    context = context_of(table, document, table.rows[:first])
    body = [(index, row) for index, row in enumerate((read_row(cells) for cells in table.rows[first:]), first)
            if row is not None]
    placed = _placed(table, first, [row for _, row in body], context) if real else None
    columns = grid.as_groups(placed[1]) if placed is not None else \
        _columns(table.rows[:first], [row for _, row in body], context)
    found: list[Fact] = []
    aligner = Aligner(columns)
    for index, row in body:
        if placed is not None and placed[0].fills(index):
            found.extend(_grid_facts(row, placed, context))
        elif columns:
            found.extend(_row_facts(row, aligner, context))
    return found


def _captioned(table: Table, first: int) -> tuple[Table, int]:
    """The table without the rows above its header that are one cell across
    (a title, 单位：亿元): their words join the title, not the column labels."""
    lines = 0
    while lines < first and len(table.rows[lines]) == 1:
        lines += 1
    if not lines:
        return table, first
    title = " ".join([table.title or "", *(row[0].text for row in table.rows[:lines])]).strip()
    return Table(rows=table.rows[lines:], title=title), first - lines


def _placed(table: Table, first: int, body: list[Row], context: Context) -> tuple[grid.Grid, dict] | None:
    """A real table's grid and the slot of each value column, by grid column;
    None when its header gives no columns to place cells by."""
    header = table.rows[:first]
    tops = value_labels(header)
    if not tops:
        return None
    cells = grid.positions(table.rows)
    slots = grid.leaf_slots(tops, groups(header, context), cells.where)
    if not slots:
        return None
    held = {cells.where[id(c)] for row in body for c in row.values if not kinds.is_empty(c.text)}
    return cells, grid.lost_base(slots, held, context.span)


def _grid_facts(row: Row, placed: tuple[grid.Grid, dict], context: Context) -> list[Fact]:
    """A row's facts, each value cell read in the column it stands in."""
    cells, slots = placed
    found = []
    for cell in row.values:
        value, slot = kinds.read_value(cell.text), grid.slot(cell, slots, cells.where)
        fact = cell_fact(cell, value, slot, row, context) if value is not None and slot is not None else None
        if fact is not None:
            found.append(fact)
    return found


def _is_data_row(cells) -> bool:
    names = [c for c in cells if is_name(c.text)]
    return bool(names) and any(kinds.read_value(c.text) is None or kinds.read_value(c.text).quantity is not None
                               or kinds.is_qualitative(c.text) for c in cells if c is not names[0])


def _columns(header: list[list[Cell]], body: list[Row], context: Context) -> list[Group]:
    """The header's groups, completed where the rows show what it lost or
    where one label is a group's (规划目标 2020年 on one line)."""
    found = groups(header, context)
    counts = Counter(len(row.values) for row in body)
    if not counts:
        return found
    usual = counts.most_common(1)[0][0]
    if not found:
        return _plan_layout(usual, context) if context.indicators else []
    leaves = sum(len(g.leaves) for g in found)
    joined = with_group_label(header) if usual == leaves - 1 else None
    if joined is not None:
        return groups(joined, context)
    widest = max(counts)
    if widest == leaves + 1 and counts[widest] >= 2 and context.span and not any(
            g.leaves[0].role == "baseline" for g in found):
        return _with_base(found, context.span)
    return found


def _plan_layout(width: int, context: Context) -> list[Group]:
    """A plan table without a header: base year, end-year target, and the
    span's growth or [ ] change (2020年 | 2025年 | 年均增长/累计)."""
    if context.span is None or width not in (2, 3):
        return []
    start, end = context.span
    layout = [Column("baseline", str(start - 1)), Column("target", str(end))]
    if width == 3:
        layout.append(Column("target", span_text(context.span), span=True))
    return [Group((column,)) for column in layout]


def _with_base(found: list[Group], span: tuple[int, int]) -> list[Group]:
    """Insert the base year (the year before the span) before the yearly results."""
    base = Group((Column("baseline", str(span[0] - 1)),))
    at = next((i for i, g in enumerate(found) if g.leaves[0].role == "actual"), 0)
    return found[:at] + [base] + found[at:]


def _row_facts(row: Row, aligner: Aligner, context: Context) -> list[Fact]:
    columns = aligner.groups
    values = [kinds.read_value(c.text) for c in row.values]
    leaves = sum(len(g.leaves) for g in columns)
    padded = len(values) + row.trailing_empty
    if len(values) == leaves or padded == leaves:
        return _facts(row, values, direct(columns)[:len(values)], context)
    shape = RowShape(rate=row.rate, growth_named=row.growth_named)
    layouts = aligner(values, shape)
    if not layouts:
        return []
    readings = [_checked(row, values, layout, context) for layout in layouts]
    common = set.intersection(*({_key(f) for f in facts} for facts in readings))
    return [f for f in readings[0] if _key(f) in common]


def _key(fact: Fact) -> tuple:
    return (*fact.identity, fact.value, fact.text, fact.start)


def _facts(row: Row, values, slots: list[Slot | None], context: Context) -> list[Fact]:
    found = []
    for cell, value, slot in zip(row.values, values, slots):
        if value is None or slot is None:
            continue
        fact = cell_fact(cell, value, slot, row, context)
        if fact is not None:
            found.append(fact)
    return found


def _checked(row: Row, values, layout: list[Slot | None], context: Context) -> list[Fact]:
    """An inferred layout's facts, without the years whose level and growth
    contradict the level of the year before (a cell shifted into them)."""
    found = _facts(row, values, layout, context)
    if row.rate:
        return found
    levels = {f.period: f.value for f in found if f.measure == "level" and f.value is not None and f.role == "actual"}
    bad = set()
    for fact in found:
        if fact.measure != "growth" or fact.role != "actual" or fact.value is None or not fact.period.isdigit():
            continue
        now, before = levels.get(fact.period), levels.get(str(int(fact.period) - 1))
        if now is None or not before:
            continue
        implied = (now / before - 1) * 100
        if abs(implied - fact.value) > max(Decimal(10), abs(fact.value)):
            bad.add(fact.period)
    return [f for f in found if not (f.role == "actual" and f.period in bad)]
