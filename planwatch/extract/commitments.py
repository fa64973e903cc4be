"""Commitments from sentences, lists and flattened tables: quantified tasks and named
projects (shared/spec/commitments.md).

    extract_commitments(document, facts) -> list[Commitment]

One pass: the quantities (numbers.py), action verbs (data/commitments.yaml), clause
and sentence ends and period marks of the text are found once; then each quantity is
read in its clause, in this order:

1. no commitment: a main indicator's quantity (the facts' evidence), a rate or share
   (%), a duration, a number written in Chinese (一批, 三个“升级版”), one in a noise
   span, or one in a clause with an excluded word (获评, 出台, 惠及, 同比 …);
2. an amount after a counted batch, with money words or only a separator between
   (33个,计划总投资172亿元; 17个、2.4亿元), is the batch's money, in 亿元;
3. its verb: the last before it in its item (新建充电桩5500个), else the clause's
   (新建垃圾中转站1个、公厕3座), else one after its object (6所公办幼儿园正式开园),
   else the sentence's previous commitment's (…,省级专精特新企业42家);
4. its object: the words between verb and quantity, else those after the quantity
   (建设30个产学研平台项目), else those before the verb (老旧小区改造开工19个), else
   the next item's (开工建设6条、完工9条区级市政道路) or the previous one's
   (开工19个,完工16个); a list ending in 等 gives the names (马房山地块等亿元以上项目33个);
5. role and period: resolve.py's order of evidence, as for facts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ..documents import Document
from ..model import Commitment, Fact
from .commitment_words import words
from .context import Sections
from .numbers import Quantity, find_quantities
from .periods import Mark, period_marks
from .resolve import Where, resolve
from .script import simplified

_W = words()
_SENTENCE_END = re.compile(r"[。！？!?；;\n|]")
_CLAUSE_END = re.compile(r"[。！？!?；;\n|，,：:]")
_NO_COUNT = {"%", "‰", "百分点", "年", "岁", "天", "小时"}
_LIST_SPLIT = re.compile(r"[、和及与]|以及")
_JOINED = "、和及与"
# words around an object that are not part of it
_LEAD = re.compile(r"^(?:[\s“”\"、,，]|其中|包括|含|共计|共|累计|全年|年内|全区|全市|全县|各类|各项|一批|了|对|为|在|将|已|并|同时|总计|成功)+")
_TAIL = re.compile(r"(?:[\s、,，]|的|共计|共|累计|总计|达到|达|约|近|超过|超|突破|正式|正常|全部|均已|均|已经|已|顺利|陆续|相继|先后|成功|实现|进行|任务|正在)+$")
_AROUND = re.compile(r"^[\s“”\"]+|[\s“”\"]+$")
_MAX_OBJECT = 30
_NAME_MAX = 40
_SCALE = {"万亿": Decimal(10000), "亿": Decimal(1), "千万": Decimal("0.1"), "百万": Decimal("0.01"),
          "万": Decimal("0.0001"), "": Decimal("0.00000001")}
_DONE_BUILDING = "建设"  # 完成…建设: building done, a finish
_PROJECT = "project"


@dataclass
class _Draft:
    """A commitment being read: its object may come from a neighbour."""

    quantity: Quantity
    unit: str
    end: int
    action: str
    stage: str
    object: str | None
    names: list[str]
    sentence: int
    clause: int
    money: Decimal | None = None
    joined_next: bool = False  # 开工建设6条、…: the object is the next item's
    role: str = ""
    period: str = ""
    bases: tuple = field(default_factory=tuple)


def extract_commitments(document: Document, facts: list[Fact]) -> list[Commitment]:
    """The commitments of a document, in text order. `facts` are its main-indicator facts
    (planwatch.extract.extract): their quantities are no commitments."""
    return _Reader(simplified(document), facts).commitments()


def money_in_yi(quantity: Quantity, unit: str) -> Decimal | None:
    """An amount in 亿元 (172亿元 -> 172, 400万元 -> 0.04); None if the unit is no money of 元."""
    if not unit.endswith("元") or unit.endswith("美元"):
        return None
    scale = _SCALE.get(unit[:-1])
    return None if scale is None else quantity.value * scale


class _Reader:
    def __init__(self, document: Document, facts: list[Fact]):
        text = self.text = document.text
        self.sections = Sections(document)
        self.verbs = [(m.start(), m.end(), m[0]) for m in _W.verb.finditer(text)]
        self.verb_starts = [v[0] for v in self.verbs]
        self.clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.marks = period_marks(text)
        self.mark_starts = [m.start for m in self.marks]
        self.taken = sorted([(f.start, f.end) for f in facts] + list(document.noise))
        self.taken_starts = [s for s, _ in self.taken]

    def commitments(self) -> list[Commitment]:
        drafts: list[_Draft] = []
        previous_end = 0
        for quantity in find_quantities(self.text):
            draft = self._read(quantity, previous_end, drafts[-1] if drafts else None)
            previous_end = quantity.end
            if draft is not None:
                drafts.append(draft)
        return [c for c in map(self._commitment, self._shared_objects(drafts)) if c is not None]

    # ---- one quantity ------------------------------------------------------
    def _read(self, quantity: Quantity, previous_end: int, last: _Draft | None) -> _Draft | None:
        text = self.text
        unit, end = self._unit(quantity)
        if unit is None or unit in _NO_COUNT or not text[quantity.number_start].isdigit() or self._taken(quantity):
            return None
        clause = self._prev(self.clause_ends, quantity.start)
        clause_end = self._next(self.clause_ends, end)
        if _W.exclusion.search(text, clause, clause_end):
            return None
        sentence = self._prev(self.sentence_ends, quantity.start)
        item = max(clause, previous_end)
        lead = text[item:quantity.start]
        if last is not None and last.sentence == sentence and self._is_money_of(last, quantity, unit, lead):
            last.money = money_in_yi(quantity, unit)
            return None
        verb = self._last_verb(item, quantity.start)
        prefix = ""
        if verb is not None:
            before, prefix = text[verb[1]:quantity.start], text[item:verb[0]]
        else:
            verb = self._last_verb(clause, item)
            before = lead
        after = text[end:clause_end]
        post = self._first_verb(end + 1, clause_end)
        if post is not None:
            after = text[end:post[0]]
        if verb is None:
            verb = post
        action, stage = (verb[2], _W.stage[verb[2]]) if verb else (None, None)
        if action is None:
            if last is None or last.sentence != sentence:
                return None
            action, stage = last.action, last.stage
        obj, names = self._object(before, after, prefix)
        joined = not obj and text[end:end + 1] in _JOINED
        if obj and action == "完成" and obj.endswith(_DONE_BUILDING) and len(obj) > len(_DONE_BUILDING) + 1:
            obj, action, stage = obj[:-len(_DONE_BUILDING)], action + _DONE_BUILDING, "finish"
        return _Draft(quantity, unit, end, action, stage, obj or None, names, sentence, clause, joined_next=joined)

    def _unit(self, quantity: Quantity) -> tuple[str | None, int]:
        if quantity.unit:
            return quantity.unit, quantity.end
        found = _W.unit.match(self.text, quantity.end)
        return (found[0], found.end()) if found else (None, quantity.end)

    def _taken(self, quantity: Quantity) -> bool:
        index = bisect_right(self.taken_starts, quantity.number_start) - 1
        return any(start <= quantity.number_start < end for start, end in self.taken[max(0, index - 3):index + 1])

    def _is_money_of(self, last: _Draft, quantity: Quantity, unit: str, lead: str) -> bool:
        """33个,计划总投资172亿元 / 17个、2.4亿元: the batch's money."""
        if last.money is not None or money_in_yi(quantity, unit) is None or money_in_yi(last.quantity, last.unit) is not None:
            return False
        words_before = lead.strip(" ,，、")
        return not words_before or bool(_W.money_word.search(words_before))

    def _object(self, before: str, after: str, prefix: str) -> tuple[str, list[str]]:
        names: list[str] = []
        before = _clean(before)
        if "等" in before:
            listed, _, before = before.rpartition("等")
            names = [_clean(n) for n in _LIST_SPLIT.split(listed) if _clean(n) and len(n) <= _NAME_MAX]
            before = _clean(before)
        if before and len(before) <= _MAX_OBJECT:
            return before, names
        cut = min((i for i in (after.find("、"), after.find("等")) if i >= 0), default=len(after))
        after = _clean(after[:cut])
        if after and len(after) <= _MAX_OBJECT:
            return after, names
        prefix = _clean(prefix)
        if prefix and len(prefix) <= _MAX_OBJECT and not before:
            return prefix, names
        return "", names

    def _last_verb(self, start: int, end: int) -> tuple[int, int, str] | None:
        index = bisect_left(self.verb_starts, end) - 1
        while index >= 0 and self.verbs[index][0] >= start:
            if self.verbs[index][1] <= end:
                return self.verbs[index]
            index -= 1
        return None

    def _first_verb(self, start: int, end: int) -> tuple[int, int, str] | None:
        index = bisect_left(self.verb_starts, start)
        if index < len(self.verbs) and self.verbs[index][1] <= end:
            return self.verbs[index]
        return None

    def _prev(self, positions: list[int], pos: int) -> int:
        index = bisect_left(positions, pos) - 1
        return positions[index] + 1 if index >= 0 else 0

    def _next(self, positions: list[int], pos: int) -> int:
        index = bisect_left(positions, pos)
        return positions[index] if index < len(positions) else len(self.text)

    # ---- objects shared by neighbours --------------------------------------
    @staticmethod
    def _shared_objects(drafts: list[_Draft]) -> list[_Draft]:
        """开工建设6条、完工9条区级市政道路: the next item's object; 开工19个,完工16个:
        the previous one's. A quantity with no object at all is no commitment."""
        for index, draft in enumerate(drafts):
            if draft.object:
                continue
            after = drafts[index + 1] if index + 1 < len(drafts) else None
            before = drafts[index - 1] if index else None
            if draft.joined_next and after is not None and after.clause == draft.clause and after.object:
                draft.object, draft.names = after.object, after.names
            elif before is not None and before.sentence == draft.sentence and before.object:
                draft.object = before.object
        return [d for d in drafts if d.object]

    # ---- role, period, record ------------------------------------------------
    def _commitment(self, draft: _Draft) -> Commitment | None:
        quantity = draft.quantity
        where = self._where(draft)
        decided = resolve(where, "level", False, flow=True)
        if decided.period is None or decided.role not in ("target", "actual"):
            return None
        return Commitment(
            kind=_PROJECT if _W.class_noun.search(draft.object) else "task",
            role=decided.role, period=decided.period, object=draft.object, stage=draft.stage,
            action=draft.action, value=quantity.value, unit=draft.unit, comparator=quantity.comparator,
            money=draft.money, names=draft.names, responsible=None, start=quantity.start, end=draft.end,
            upper=quantity.upper, role_basis=decided.role_basis, period_basis=decided.period_basis,
        )

    def _where(self, draft: _Draft) -> Where:
        text, at = self.text, draft.quantity.start
        marks = self.marks[bisect_left(self.mark_starts, draft.sentence):bisect_left(self.mark_starts, at)]
        marks = [m for m in marks if m.end <= at and m.kind != "since"]
        return Where(section=self.sections.at(at), sentence=text[draft.sentence:at], sentence_start=draft.sentence,
                     clause=text[draft.clause:at], clause_start=draft.clause, name=(at, at),
                     marks=tuple(marks[-1:]), bullet_target=None)


def _clean(words: str) -> str:
    words = _TAIL.sub("", _LEAD.sub("", words))
    return _AROUND.sub("", words)
