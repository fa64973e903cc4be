"""What one table cell holds: a quantity, a qualitative statement, a unit, a
responsible department, an attribute (预期性/约束性) or the plan's own verdict."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..grammar import alternation, grammar
from ..numbers import UNIT, Quantity, parse_quantity

EMPTY = re.compile(r"[\s\-—–－/／、…]*|无|暂无|—+|--+")
ATTRIBUTE = re.compile(r"(?:预期性|约束性)(?:指标)?")
# The plan's own verdict on a target, in completion tables.
ASSESSMENT = re.compile(r"(?:(?:难以|可以|能够|不能|无法|基本|已经?|提前|超额|未|预计)?(?:完成|实现|达到)(?:目标)?"
                        r"|(?:未|基本)?达标|(?:好于|符合|低于|未达|达到)预期|[是否√×✓✗])")
# A responsible unit ends with the word for an office; several may be joined by 、.
DEPARTMENT = re.compile(
    r"(?:[\u4e00-\u9fff（）()]{2,24}(?:局|处|委|办|中心|分局|院|所|站|队|部|会|区|街道|公司|集团|办公室|管委会|政府)[、，,]?)+")
UNIT_CELL = re.compile(rf"[(（]?(?:{UNIT}|万人次|元/人|万元/人|m3)[)）]?")
SERIAL = re.compile(r"[(（]?(?:[1-9][0-9]{0,2}|[一二三四五六七八九十]{1,3})[)）、.．]?")
YEAR = re.compile(r"(?<![0-9])(?:19[5-9][0-9]|20[0-9]{2})(?![0-9])")
GROWTH_WORDS = re.compile(r"增长|增速|同步|增幅|下降|降低|提高|提升")
SPACE = re.compile(r"\s+")
# Two numbers in one cell ("6.2 6左右"): squeezing the space out would forge a third.
TWO_NUMBERS = re.compile(r"[0-9][ \t\u3000\r\n]+[0-9]")


@cache
def _estimate_pattern() -> re.Pattern:
    return re.compile(alternation(grammar().estimate_words + grammar().will_words))


@cache
def _stretch_pattern() -> re.Pattern:
    return re.compile(alternation(grammar().stretch_words))


@cache
def _qualitative_pattern() -> re.Pattern:
    return re.compile(alternation(grammar().qualitative))


def squeeze(text: str) -> str:
    """Cell text without the spaces and line breaks a wrapped cell carries."""
    return SPACE.sub("", text) if SPACE.search(text) else text


def is_empty(text: str) -> bool:
    return EMPTY.fullmatch(squeeze(text)) is not None


def is_attribute(text: str) -> bool:
    return ATTRIBUTE.fullmatch(squeeze(text)) is not None


def is_assessment(text: str) -> bool:
    return ASSESSMENT.fullmatch(squeeze(text)) is not None


def is_department(text: str) -> bool:
    text = squeeze(text)
    return DEPARTMENT.fullmatch(text) is not None and not is_qualitative(text)


def is_unit(text: str) -> bool:
    return UNIT_CELL.fullmatch(squeeze(text)) is not None


def unit_of(text: str) -> str:
    unit = squeeze(text).strip("()（）")
    return {"％": "%", "亿": "亿元", "个百分点": "百分点"}.get(unit, unit)


def is_serial(text: str) -> bool:
    return SERIAL.fullmatch(squeeze(text)) is not None


def is_year_label(text: str) -> bool:
    return re.fullmatch(r"(?:19|20)[0-9]{2}年?(?:度)?", squeeze(text)) is not None


def is_qualitative(text: str) -> bool:
    """A statement standing for a value (与经济增长基本同步, 完成市下达目标, 全覆盖)."""
    return _qualitative_pattern().search(squeeze(text)) is not None


@lru_cache(maxsize=8192)
def is_qualitative_whole(text: str) -> bool:
    """A whole qualitative statement, not the first line of a longer one (完成市下达 …目标)."""
    text = squeeze(text)
    phrases = grammar().qualitative
    return text in phrases and not any(p != text and p.startswith(text) for p in phrases)


def is_growth_statement(text: str) -> bool:
    return GROWTH_WORDS.search(squeeze(text)) is not None


@dataclass(frozen=True)
class Value:
    """A value cell read: a quantity, or the words of a qualitative statement."""

    quantity: Quantity | None
    words: str | None
    growth_verb: bool       # the cell itself says 增长/下降 …
    estimated: bool
    stretch: bool


@lru_cache(maxsize=8192)
def read_value(text: str) -> Value | None:
    """A value cell, or None for an empty cell (-, --, blank) or one holding two numbers."""
    if is_empty(text) or TWO_NUMBERS.search(text):
        return None
    flat = squeeze(text)
    quantity = parse_quantity(flat)
    if quantity is not None and YEAR.fullmatch(flat):
        quantity = None
    estimated = _estimate_pattern().search(flat) is not None
    stretch = _stretch_pattern().search(flat) is not None
    if quantity is None:
        return Value(None, flat, is_growth_statement(flat), estimated, stretch)
    verb = GROWTH_WORDS.search(flat[:quantity.number_start]) is not None
    return Value(quantity, None, verb, estimated, stretch)
