"""Counts written before the name they count: 134个贫困村出列, 实现3.2万人脱贫, 3县摘帽,
1000万以上农村贫困人口脱贫; or right after it with the measure word written: 脱贫7.8万人,
累计脱贫30.7万人. The names are the catalogue's `counted` (names.yaml); the
count is the indicator's level, in its unit's measure word (a count in another, 8户脱贫,
is not the indicator's), scaled by 万 or 亿; 多/余 after the number bound it from below (>), 以上 (>=).
Role and period are resolved as for any statement, at the number."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from . import catalogue
from .grammar import alternation
from .names import Mention
from .numbers import Quantity
from .statement import numeric_fact
from ..model import Fact

_LEVELS = ["省级", "市级", "县级", "州级", "重点", "深度", "建档立卡"]  # 112个省级贫困村整体脱贫
_PEOPLE = {"名": "人"}  # 2866名贫困人口: counted in 人


@cache
def _pattern() -> re.Pattern:
    return re.compile(rf"(?<![\d.])(?P<number>\d+(?:\.\d+)?)(?P<scale>[万亿])?(?P<more>多|余)?(?P<above>以上)?"
                      rf"(?P<measure>[个人户名])?(?:{alternation(_LEVELS)})?(?P<name>{alternation(catalogue.counted())})"
                      rf"(?=[\s，。；、,.;:：!！?？)）”\"]|任务|目标|$)")  # not 13.2万脱贫人口稳岗就业


# 脱贫7.8万人: the count right after the name, its measure word written, the clause ending there
# (not 脱贫劳动力3万人, 脱贫的2万户); 未脱贫3万人 counts those still poor
_AFTER = re.compile(r"(?P<number>\d+(?:\.\d+)?)(?P<scale>[万亿])?(?P<more>多|余)?(?P<measure>[个人户名])(?P<above>以上)?"
                    r"(?=[\s，。；、,.;:：!！?？)）”\"]|$)")
_NOT_AFTER = ("未", "不")

# what may stand between a count's last digit and its name: 万, 多, 以上, 个, a level
_GAP = len("万多以上个") + max(map(len, _LEVELS))
_NUMBER_BEFORE = re.compile(rf"\D{{0,{_GAP}}}(\d[\d.]*)")  # read in the reversed text, from a name back


@cache
def _names() -> re.Pattern:
    return re.compile(alternation(catalogue.counted()))


def _counts(text: str):
    """What _pattern().finditer(text) finds, the pattern tried only at the number before each
    counted name (found by a literal scan) rather than at every digit of the text: the words
    between a count and its name hold no digit, so the count opens the nearest run of digits.
    The same scan finds the counts written right after a name (脱贫7.8万人). Yields (match,
    the name's match when the count follows it)."""
    pattern, backwards, size, free_from = _pattern(), None, len(text), 0
    for name in _names().finditer(text):
        if text[name.start() - 1:name.start()] not in _NOT_AFTER and (after := _AFTER.match(text, name.end())):
            yield after, name
        backwards = text[::-1] if backwards is None else backwards
        number = _NUMBER_BEFORE.match(backwards, size - name.start())
        start = size - number.end(1) if number else -1
        if start >= free_from and (match := pattern.match(text, start)):
            yield match, None
            free_from = match.end()


def counted_facts(reader) -> list[Fact]:
    """Facts of the counts in reader.text (a prose reader: its `_where` places a statement)."""
    text, names, facts = reader.text, catalogue.counted(), []
    for match, name in _counts(text):
        written, start, end = (name[0], name.start(), name.end()) if name else (
            match["name"], match.start("name"), match.end("name"))
        indicator = names[written]
        fact = _fact(reader, indicator, match, Mention(start, end, indicator, written), min(start, match.start()))
        if fact is not None:
            facts.append(fact)
    return facts


def _fact(reader, indicator, match: re.Match, mention: Mention, evidence: int) -> Fact | None:
    base = (indicator.unit or "").lstrip("万亿")
    measure = _PEOPLE.get(match["measure"], match["measure"])
    if measure and base and measure != base:
        return None  # 8户脱贫, 12个脱贫…: not what the name counts
    unit = (match["scale"] or "") + (measure or base)
    comparator = ">" if match["more"] else ">=" if match["above"] else "="
    quantity = Quantity(value=Decimal(match["number"]), unit=unit or None, comparator=comparator,
                        start=match.start("number"), end=match.end(), number_start=match.start("number"))
    return numeric_fact(indicator, mention.written, quantity, "level", reader._where(mention, match.start("number")),
                        evidence, "", reader.text[match.end():match.end() + 6])
