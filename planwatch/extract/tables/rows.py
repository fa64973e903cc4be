"""One body row of an indicator table: its name, unit, value cells and the
cells that describe the whole row (attribute, department, verdict)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ...documents import Cell
from .. import catalogue
from ..catalogue import Indicator
from . import cells as kinds

GROWTH_NAME = re.compile(r"(?:增长率?|增速|增幅|降低率?|下降率?|降幅)$")
DOWN_NAME = re.compile(r"(?:降低率?|下降率?|降幅)$")
RATE_NAME = re.compile(r"(?:率|比重|占比|比例|强度)$")
NAME_UNIT = re.compile(r"[(（]([^()（）]{1,8})[)）]$")
SHARE_SUFFIX = re.compile(r"(?:占比|比重|比例|强度)$")
FLOW_NAME = re.compile(r"新增|累计|新建|净增")
# A row number written into the name cell (1.地区生产总值, 2、…), not part of the name.
SERIAL_PREFIX = re.compile(r"^[ \t]*[0-9]{1,3}[.、．](?![0-9])")
# Words that open a statement about a value (与经济增长同步, 高于GDP增速), not a name.
STATEMENT = re.compile(r"\s*(?:与|同|高于|低于|不低于|不高于|完成|保持|确保|力争|预计|实现|达到)")


@dataclass(frozen=True)
class Row:
    name: Cell
    indicator: Indicator | None
    unit: str | None            # from a unit cell or the name's parenthesis
    values: list[Cell]          # the value cells, in order
    trailing_empty: int         # empty cells after the values (real tables keep them)
    attribute: str | None
    department: str | None
    assessment: str | None

    @cached_property
    def written(self) -> str:
        return kinds.squeeze(NAME_UNIT.sub("", SERIAL_PREFIX.sub("", self.name.text)))

    @cached_property
    def standard(self) -> str:
        return self.indicator.name if self.indicator else self.written

    @cached_property
    def growth_named(self) -> bool:
        return GROWTH_NAME.search(self.written) is not None

    @cached_property
    def down(self) -> bool:
        return DOWN_NAME.search(self.written) is not None or bool(self.indicator and self.indicator.down)

    @cached_property
    def rate(self) -> bool:
        if self.growth_named:
            return False
        if self.indicator is not None and self.indicator.rate:
            return True
        return self.unit == "%" or RATE_NAME.search(self.written) is not None

    @cached_property
    def flow(self) -> bool:
        """A quantity added up over time (新增就业): its [ ] total is a level."""
        return FLOW_NAME.search(self.written) is not None


@lru_cache(maxsize=8192)
def is_name(text: str) -> bool:
    """An indicator's name: a catalogue name in words, not a value or a statement."""
    text = SERIAL_PREFIX.sub("", text)
    if not text.strip() or kinds.is_year_label(text) or kinds.is_qualitative(text) or STATEMENT.match(text):
        return False
    value = kinds.read_value(text)
    wordy = value is not None and (value.quantity is None or value.quantity.start > 0)
    return wordy and catalogue.lookup(text) is not None


def read_row(row: list[Cell]) -> Row | None:
    """The parts of a body row, or None for a row naming no indicator (a category)."""
    at = next((i for i, cell in enumerate(row[:3]) if is_name(cell.text)), None)
    if at is None:
        return None
    name = row[at]
    rest = row[at + 1:]
    in_name = NAME_UNIT.search(kinds.squeeze(name.text))
    unit = kinds.unit_of(in_name[1]) if in_name and kinds.is_unit(in_name[1]) else None
    if rest and kinds.is_unit(rest[0].text):
        unit, rest = kinds.unit_of(rest[0].text), rest[1:]
    leading = None
    if rest and kinds.is_attribute(rest[0].text):   # 属性 standing before the values
        leading, rest = kinds.squeeze(rest[0].text), rest[1:]
    last = max((i for i, c in enumerate(rest) if not kinds.is_empty(c.text) and not _describes(c.text)), default=-1)
    first_trailer = next((i for i, c in enumerate(rest) if i > last and _describes(c.text)), len(rest))
    trailers = [c.text for c in rest[last + 1:] if _describes(c.text)]
    return Row(
        name=name,
        indicator=catalogue.lookup(name.text),
        unit=unit,
        values=rest[:last + 1],
        trailing_empty=first_trailer - (last + 1),
        attribute=leading or next((kinds.squeeze(t) for t in trailers if kinds.is_attribute(t)), None),
        department="、".join(kinds.squeeze(t) for t in trailers if kinds.is_department(t)) or None,
        assessment=next((kinds.squeeze(t) for t in trailers if kinds.is_assessment(t)), None),
    )


@lru_cache(maxsize=4096)  # the same few cell texts (责任单位, 约束性, empty) in row after row
def _describes(text: str) -> bool:
    return kinds.is_attribute(text) or kinds.is_assessment(text) or kinds.is_department(text)


def share_amount(row: Row) -> Indicator | None:
    """For a share (研发经费占比), the amount it is a share of, when catalogued."""
    found = catalogue.lookup(SHARE_SUFFIX.sub("", row.written)) if SHARE_SUFFIX.search(row.written) else None
    return found if found is not None and not found.rate else None
