"""Commitments from sentences, lists and flattened tables: quantified tasks and named
projects (shared/spec/commitments.md).

    read_commitments(document, facts, reading) -> list[Commitment]

One pass: the quantities (numbers.py), action verbs (data/commitments.yaml) and period
marks of the text are found once, the clause and sentence around a quantity by a short
search from it (cheaper than listing every end of the document); then each quantity is
read in its clause, in this order:

1. an amount after a counted batch, with money words or only a separator between
   (33个,计划总投资172亿元; 17个、2.4亿元), is the batch's money, in 亿元;
2. no commitment: a main indicator's quantity (the facts' evidence), a rate or share
   (%), a duration, a number written in Chinese (一批, 三个“升级版”), one in a noise
   span, or one in a clause with an excluded word (获评, 出台, 惠及, 同比 …);
3. its verb: a start or a finish of its item, or one just after its object, which
   outweighs an ordinary verb (新建公办幼儿园4所开园), else the item's first verb
   (为群众提供助餐服务2万人次: 服务 is a noun's), else the clause's (新建垃圾中转站1个、
   公厕3座), else the sentence's previous commitment's (…,省级专精特新企业42家); a
   batch of projects may go without one (策划项目54个);
4. its object: the words between verb and quantity, else those after the quantity
   (建设30个产学研平台项目), else those before the verb (老旧小区改造开工19个), else
   the next item's (开工建设6条、完工9条区级市政道路) or the previous one's
   (开工19个,完工16个); a list ending in 等 gives the names (马房山地块等亿元以上项目33个).

Then each start or finish verb in a clause with no quantity names what starts or
finishes (建成洪山江滩; 甲、乙投入使用: one each; 甲、乙等工程建成通车: one, with names).
Role and period: resolve.py's order of evidence, as for facts.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from itertools import accumulate

from ..documents import Document
from ..model import Commitment, Fact, Period
from .commitment_words import words
from .numbers import Quantity
from .reading import Reading
from .resolve import Where, resolve

_W = words()
_STAGED = frozenset(verb for verb, stage in _W.stage.items() if stage != "other")
_SENTENCE_ENDS = "。！？；;\n|"  # not ? or !: in scraped Chinese text they stand for lost characters
_SENTENCE_END = re.compile(f"[{_SENTENCE_ENDS}]")
_CLAUSE_END = re.compile(f"[{_SENTENCE_ENDS}，,：:]")  # a sentence's ends are clause ends
_NO_COUNT = {"%", "‰", "百分点", "年", "岁", "天", "小时"}
_LIST_SPLIT = re.compile(r"[、和及与]|以及")
_NAME_SPLIT = re.compile(r"[、和]|以及")  # 及, 与 join inside names more often than lists (筷子湖泵站及出江管道工程)
_JOINED = "、和及与"
_BREAK = re.compile(r"[、和及与,，;；。:：\n|]")
_DIGIT = re.compile(r"[0-9０-９]")
_MAX_OBJECT = 30
# chars: real clauses and sentences stay under these; a longer run without an end (a page
# that lost its punctuation) is read in windows, so that the work per quantity stays bounded
_LONGEST_CLAUSE, _LONGEST_SENTENCE = 300, 2000
_MAX_NAMED = 25   # a named item longer than this is a clause, not a name
_AND, _SHORT_WORK = "和", 4  # 综合治理和分流工程: a short work after 和 finishes one name, not a second
_MODIFIER = 3     # chars: list items this short before a longer last one share its head noun (城东、城西污水厂)
_HEAD = 4         # chars: the shortest such head (二广、娄益衡高速 has none: names differ in length)
_SCALE = {"万亿": Decimal(10000), "亿": Decimal(1), "千万": Decimal("0.1"), "百万": Decimal("0.01"),
          "万": Decimal("0.0001"), "": Decimal("0.00000001")}
_OF = "的"
_QUALIFIER = 3  # chars: a word this short before 的 qualifies the object after it (规模的, not 行政许可事项的)
_QUALIFIED = 8  # chars: an amount this close before 项目 sizes the projects
_BUILDING = "建设"  # 完成…建设: building done, a finish
_DONE = "完成"
_STANDARD = "化"  # 标准化建设, 规范化建设: a standard met
_EACH = "各"  # 甲、乙各5个: five of each
_FUNDS = "资金"
_LISTED = "等"  # 甲、乙等: a list's end
_BATCH = "一批"  # 建成一批社区食堂: a class with no count and no name (甲、乙等一批项目 names its items)
# a document states a handful of periods: each parsed once, not once per commitment
_period = lru_cache(maxsize=256)(Period)


@dataclass(slots=True)
class _Draft:
    """A commitment being read: its object may come from a neighbour."""

    start: int
    end: int
    quantity: Quantity | None
    unit: str | None
    action: str | None
    stage: str
    object: str | None
    names: list[str]
    sentence: int
    clause: int
    money: Decimal | None = None
    frame: int = 0             # where the statement's own words begin: the clause before is read for role, period
    own: int | None = None     # where its clause begins for that: a list item's own (…2个、30亿元以上项目10个)
    joined_next: bool = False  # 开工建设6条、…: the object is the next item's


def read_commitments(document: Document, facts: list[Fact], reading: Reading) -> list[Commitment]:
    """The commitments of a document's text as the facts' readers see it (planwatch.extract:
    simplified, closed up, reframed), in text order. `facts` are its main-indicator facts
    there, whose quantities are no commitments; `reading` its sections, period marks and numbers
    (Reading.of(document, numbers=True))."""
    return _Reader(document, facts, reading).commitments()


def money_in_yi(value: Decimal, unit: str) -> Decimal | None:
    """An amount in 亿元 (172亿元 -> 172, 400万元 -> 0.04); None if the unit is no money of 元."""
    if not unit.endswith("元") or unit.endswith("美元"):
        return None
    scale = _SCALE.get(unit[:-1])
    return None if scale is None else value * scale


class _Reader:
    def __init__(self, document: Document, facts: list[Fact], reading: Reading):
        text = self.text = document.text
        self.sections = reading.sections
        self.verbs = [(m.start(), m.end(), m[0]) for m in _W.verb.finditer(text)]
        self.verb_starts = [v[0] for v in self.verbs]
        self.backwards = text[::-1]  # clause and sentence starts are found by searching it, near each quantity
        self.marks = reading.marks
        self.numbers = reading.numbers
        self.notes = [(m.start(), m[1].strip()) for m in _W.responsible.finditer(text)]  # （牵头单位：民政厅）
        self.note_starts = [start for start, _ in self.notes]
        self.mark_starts = [m.start for m in self.marks]
        taken = sorted([(f.start, f.end) for f in facts] + list(document.noise))
        self.taken_starts = [start for start, _ in taken]
        self.taken_ends = list(accumulate((end for _, end in taken), max))  # the furthest end so far

    def commitments(self) -> list[Commitment]:
        drafts, counted = self._counts()
        drafts = [each for draft in self._shared_objects(_money_first(drafts, self.text)) for each in self._each(draft)]
        drafts = sorted(drafts + self._named(counted), key=lambda d: d.start)
        return [c for c in map(self._commitment, drafts) if c is not None]

    def _counts(self) -> tuple[list[_Draft], set[int]]:
        """The drafts of the counted quantities, in text order, and the starts of the clauses
        that count something. Every quantity of the text is held only while this runs: the
        objects a reader keeps alive are what the cycle collector walks again and again."""
        drafts: list[_Draft] = []
        previous_end = 0
        text = self.text
        quantities, units, ends = self._quantities()
        # a clause counts something only with a number in digits (一期通道, 第一人民医院 are names), or
        # one in Chinese that counts the list before it (甲、乙等四个市级工程)
        counted = set()
        for quantity, unit, end, following, following_unit, following_end in zip(
                quantities, units, ends, quantities[1:] + [None], units[1:] + [None], ends[1:] + [None]):
            clause = None
            if unit and (text[quantity.number_start].isdigit() or text[quantity.start - 1:quantity.start] == _LISTED):
                clause = self._clause_start(quantity.start)
                counted.add(clause)
            if following is not None and following.start - quantity.end <= _MAX_OBJECT + 4 \
                    and self._threshold(end, following, following_unit) \
                    or unit is not None and unit.endswith("元") and self._sizes_projects(quantity, unit, end):
                continue  # 10亿元以上项目20个, 超10亿元项目新签约26个: the count is read with its object
            # no count: no unit, a rate or a duration, a number in Chinese (一批), a rank (第5个), a grade (5万吨级)
            if clause is not None and unit not in _NO_COUNT \
                    and not _W.rank_before.search(text, max(0, quantity.start - 2), quantity.start) \
                    and not _W.grade_after.match(text, end):
                draft = self._read(quantity, unit, end, clause, previous_end, drafts[-1] if drafts else None,
                                   following, following_end)
                if draft is not None:
                    drafts.append(draft)
            previous_end = end
        return drafts, counted

    def _quantities(self) -> tuple[list[Quantity], list[str | None], list[int]]:
        """Each quantity of the text, its unit and where that ends, read once (in three lists,
        not a tuple for each). 签约26个: the 约 is the verb's, not 'about' before the number
        (only a quantity whose words begin before its number can start inside a verb)."""
        verbs, starts = self.verbs, self.verb_starts
        quantities, units, ends = [], [], []
        for quantity in filter(None, self.numbers.quantities):  # None: a match that is no quantity
            if quantity.start < quantity.number_start:
                index = bisect_right(starts, quantity.start) - 1
                if index >= 0 and verbs[index][0] < quantity.start < verbs[index][1] <= quantity.number_start:
                    quantity = quantity._replace(start=verbs[index][1], comparator="=")
            unit, end = self._read_unit(quantity)
            quantities.append(quantity)
            units.append(unit)
            ends.append(end)
        return quantities, units, ends

    def _threshold(self, unit_end: int, following: Quantity, following_unit: str | None) -> bool:
        """A quantity (its unit ending at `unit_end`) that qualifies the next one, close after
        it in its item: nouns between them, no separator, no verb, no also-word (5个点位640个停车泊位,
        100亿元以上项目2个); `following_unit`: the next one's unit."""
        if not following_unit:
            return False
        gap = self.text[unit_end:following.start]
        return bool(gap) and len(gap) <= _MAX_OBJECT and not _BREAK.search(gap) and not _W.also.search(gap) \
            and not _W.verb.search(self.text, unit_end - 1, following.start)  # 40处置生活垃圾: the unit opens a verb

    # ---- one quantity ------------------------------------------------------
    def _read(self, quantity: Quantity, unit: str, end: int, clause: int, previous_end: int, last: _Draft | None,
              following: Quantity | None, following_end: int | None) -> _Draft | None:
        """The draft commitment of a counted quantity with its unit ending at `end` in the
        clause starting at `clause`, or None; `following`: the next quantity, its unit ending
        at `following_end`."""
        text = self.text
        sentence = self._sentence_start(quantity.start)
        item = max(clause, previous_end)
        if previous_end > clause and "等" not in text[item:quantity.start]:  # 17个甲项目及9个乙项目: after 及
            item = max(item, *(text.rfind(j, item, quantity.start) + 1 for j in _JOINED))
        lead = text[item:quantity.start]
        last = last if last is not None and last.sentence == sentence else None
        clause_end = self._clause_end(end)
        if last is not None and self._is_money_of(last, quantity, unit, lead, clause):
            last.money = money_in_yi(quantity.value, unit)
            return None
        # 实施重大项目30个、数量位居全省前列: a quantity that closes its item leaves the next item's words out
        item_end = end if text[end:end + 1] == "、" else clause_end
        if self._taken(quantity) or _W.exclusion.search(text, clause, item_end):
            return None
        next_start = following.start if following is not None else len(text)
        verb, post, before, prefix = self._verb(quantity.start, end, item, min(clause_end, next_start))
        if verb is not None and verb[1] <= quantity.start and _W.verb.fullmatch(before):
            verb, before = (verb[0], quantity.start, verb[2]), ""  # 策划建设1-2个: one action
        if verb is None and post is None and last is not None and not _BREAK.search(lead) \
                and (not _clean(lead) or _W.also.search(lead)) and not self._next_item(previous_end, quantity.start, end):
            return None  # 拆除违建335处约14.7万平方米: a size of the count before
        if verb is None:  # 新建垃圾中转站1个、公厕3座; 累计培育…,省级瞪羚企业31家: the verb of the list it goes on
            listed = self._last_verb(sentence, item)
            verb = post or (listed if listed is not None and listed[1] <= previous_end else None)
        object_from = end
        if following is not None and following.start == end:  # 370余块2000余平方米门面招牌: past the size
            object_from = following_end
        obj, names, raw = _object(before, text[object_from:post[0] if post is not None else clause_end], prefix)
        if post is not None and _W.bare_noun.fullmatch(obj):  # 6个项目完成危房公示: 危房公示项目
            obj = _clean(text[post[1]:min(clause_end, next_start)]) + obj
        if verb is not None:
            action, stage = text[verb[0]:verb[1]], _W.stage[verb[2]]
        elif obj and _W.class_noun.search(obj):
            action, stage = None, "other"  # 策划项目54个: a batch of projects, counted with no verb
        else:
            return None
        if last is not None and obj and last.clause == clause and last.object == obj and last.action == action:
            return None  # 9条道路维修1.3万平方米: one statement, its count kept
        if action == "完成" and len(obj) >= 2 and (raw.endswith(_BUILDING) or post is not None and post[2] == _BUILDING):
            action, stage = action + _BUILDING, "finish"
        if obj and _W.money_word.match(obj) and not obj.startswith(_FUNDS):
            # 重点项目完成投资240亿元, 签约金额达56亿元: the money is of what comes before (争取资金 is the funds)
            obj = _clean(_after_last_verb(prefix))
        if not obj and clause > sentence and item == clause:  # 推进保障性住房建设,完成新开工300套: the work before
            obj = self._work_before(clause)
        if not obj and stage == "other" and action is not None and verb[1] == quantity.start:
            obj = action  # 供地484.5亩, 组建8个: the action is what is counted
        frame = verb[1] if verb is not None and verb[1] <= quantity.start else item
        return _Draft(quantity.start, end, quantity, unit, action, stage, obj or None, names, sentence, clause,
                      frame=frame, own=item if previous_end > clause else clause,
                      joined_next=not obj and text[end:end + 1] in _JOINED)

    def _next_item(self, previous_end: int, start: int, end: int) -> bool:
        """实施7个工业减排项目、60个农业减排项目: the count before has its object, then a list's 、, and
        this count has an object of its own after it: a new item (改造35个老旧小区、1.2万户: a size)."""
        between = self.text[previous_end:start]
        if not between.endswith("、") or not _clean(between[:-1]):
            return False
        after = self.text[end:self._clause_end(end)]
        return bool(_clean(after[:_cut(after)]))

    def _work_before(self, clause: int) -> str:
        """The work the clause before names, where it counts nothing: its words after their last
        verb but one that ends them (大力推进保障性住房建设 -> 保障性住房, 强化湖泊治理 -> 湖泊治理)."""
        words = self.text[self._clause_start(clause - 1):clause - 1]
        if _DIGIT.search(words):
            return ""
        obj = _clean(_clean(words).removesuffix(_BUILDING).rpartition("等")[2])  # 甲、乙等项目: the projects
        verbs = list(_W.verb.finditer(obj))
        if verbs and verbs[-1].end() == len(obj) and _W.stage[verbs[-1][0]] != "other":
            obj = _clean(obj[:verbs.pop().start()])  # 甲项目全部开工: the projects, not their start
        inner = [found.end() for found in verbs if found.end() < len(obj)]
        obj = _clean(obj[inner[-1]:]) if inner else obj
        return obj if 2 <= len(obj) <= _MAX_OBJECT else ""

    def _verb(self, start: int, end: int, item: int, clause_end: int):
        """(the verb of a quantity's item or None, the verb after it and before the next
        quantity or None, the words between verb and quantity, the words of the item before the verb)."""
        text = self.text
        verb = self._item_verb(item, start)
        item_end = text.find("、", end, clause_end)
        if item_end < 0 or not self._verb_at(item_end + 1):
            item_end = clause_end
        post = self._post_verb(end, item_end)  # not the next item's own verb (换届10个、组建8个)
        if post is not None and _W.stage[post[2]] != "other" and (verb is None or _W.stage[verb[2]] == "other"):
            return post, post, text[item:start], ""  # 新建公办幼儿园4所开园, 甲改造等5项项目基本完工
        if verb is not None:
            return verb, post, text[verb[1]:start], text[item:verb[0]]
        if post is not None:  # 加强全年18条道路建设: the object is after it (a list before 等 gives names)
            return None, post, text[item:start] if "等" in text[item:start] else "", text[item:start]
        return None, post, text[item:start], ""

    def _item_verb(self, item: int, at: int) -> tuple[int, int, str] | None:
        """The verb of the item before a quantity: a start or a finish if the item has one
        (老旧小区改造开工19个), else its first verb (为群众提供助餐服务2万人次: not 服务, a noun's)."""
        index = bisect_left(self.verb_starts, item)
        first = staged = None
        while index < len(self.verbs) and self.verbs[index][1] <= at:
            verb = self.verbs[index]
            first = first or verb
            if _W.stage[verb[2]] != "other":
                staged = verb
            index += 1
        return staged or first

    def _post_verb(self, start: int, end: int) -> tuple[int, int, str] | None:
        """The verb after a quantity and its object: a start or finish if there is one
        (沙湖亮化35栋亮化建设已全面完工), else the first that does not open the object
        (确定2家新建社区养老院: 新建 is the object's)."""
        index = bisect_left(self.verb_starts, start)
        first = None
        while index < len(self.verbs) and self.verbs[index][1] <= end:
            if _W.stage[self.verbs[index][2]] != "other":
                return self.verbs[index]
            if self.verbs[index][0] > start:
                first = first or self.verbs[index]
            index += 1
        return first

    def _sizes_projects(self, quantity: Quantity, unit: str, end: int) -> bool:
        """签约超10亿元内资项目: an amount right before the projects it sizes."""
        if money_in_yi(quantity.value, unit) is None:
            return False
        words = self.text[end:min(self._clause_end(end), end + _QUALIFIED)]
        found = _W.class_noun.search(words)
        return found is not None and not _BREAK.search(words, 0, found.start())

    def _read_unit(self, quantity: Quantity) -> tuple[str | None, int]:
        """The quantity's unit and where it ends: the number grammar's, else a count unit
        of the word list (26块, 3万剂次)."""
        if quantity.unit and quantity.unit != "万":
            if self.text[quantity.end:quantity.end + 1] in _W.unit_tails:  # 33场次: the grammar's 场 goes on
                found = _W.unit.match(self.text, quantity.end - 1)
                if found and found.end() > quantity.end:
                    return quantity.unit + self.text[quantity.end:found.end()], found.end()
            return quantity.unit, quantity.end
        found = _W.unit.match(self.text, quantity.end)
        if found:
            return (quantity.unit or "") + found[0], found.end()
        return quantity.unit, quantity.end

    def _taken(self, quantity: Quantity) -> bool:
        """In a main indicator's evidence or in noise."""
        index = bisect_right(self.taken_starts, quantity.number_start) - 1
        return index >= 0 and self.taken_ends[index] > quantity.number_start

    @staticmethod
    def _is_money_of(last: _Draft, quantity: Quantity, unit: str, lead: str, clause: int) -> bool:
        """33个,计划总投资172亿元 / 17个、2.4亿元: the batch's money."""
        if last.quantity is None or last.money is not None or money_in_yi(quantity.value, unit) is None \
                or money_in_yi(last.quantity.value, last.unit) is not None:
            return False
        words_before = lead.strip(" ,，、")
        # 重大项目175个,获得转移支付资金1.75亿元: funds received or paid out in a clause of their own are
        # their own statement (对1100家单位兑现资金3.7亿元 pays the units counted in the clause)
        return not words_before or bool(_W.money_word.search(words_before)) \
            and not (clause > last.end and _W.own_money.search(words_before))

    # ---- named items: a start or a finish with no quantity --------------------
    def _named(self, counted: set[int]) -> list[_Draft]:
        """Named items started or finished, in clauses with no quantity (`counted`: the
        clause starts of those that have one). Verbs one after another are one action
        (基本建成通车), read at its last: a finish if one of them is, else a start."""
        found = []
        text, verbs = self.text, self.verbs
        last_end = -1
        for index in [i for i, verb in enumerate(verbs) if verb[2] in _STAGED or verb[2] == _DONE]:
            if verbs[index][0] < last_end:
                continue
            first = last = index
            while first and verbs[first - 1][1] == verbs[first][0]:
                first -= 1
            while last + 1 < len(verbs) and verbs[last + 1][0] == verbs[last][1]:
                last += 1
            chain, end, last_end = verbs[first][0], verbs[last][1], verbs[last][1]
            stages = {_W.stage[v[2]] for v in verbs[first:last + 1]}
            if stages == {"other"}:  # 完成北部热源厂建设: building done, a finish; any other 完成 names no finish,
                if verbs[index][2] != _DONE or first != last:
                    continue
                clause_end = self._clause_end(end)  # nor does 完成水源地标准化建设 (a standard met, no thing built)
                if text[clause_end - 2:clause_end] != _BUILDING or text[clause_end - 3] == _STANDARD:
                    continue
                stages = {"finish"}
            stage = "finish" if "finish" in stages else "start"
            clause = self._clause_start(chain)
            if clause in counted or text.rfind("“", clause, chain) > text.rfind("”", clause, chain):
                continue  # “拿地即开工”改革: a verb in quotes names a reform or a slogan, nothing started
            clause_end = self._clause_end(end)
            if _W.exclusion.search(text, clause, clause_end):
                continue
            after = "" if text[end:end + 1] in _JOINED else _clean(text[end:clause_end].removesuffix(_BUILDING))
            # 开工、当年封顶: the verb ends its item; 启动校友经济基地建设: the base, not its building
            before = _clean(text[clause:chain])
            named = after or before
            if not named or named.startswith(_BATCH) or _W.not_named.search(named) or _W.milestone_end.search(named) \
                    or _W.company_end.search(named) \
                    or _W.verb.search(named) and not _W.class_noun.search(named[-2:]):
                continue  # 启动楼宇租赁、装修: an action, not a thing; 城西片区改造项目 is one
            sentence = self._sentence_start(chain)
            opens = clause + len(text[clause:chain]) - len(text[clause:chain].lstrip())
            found += [_Draft(opens, clause_end, None, None, text[chain:end], stage, obj, names, sentence, clause,
                             frame=chain) for obj, names in _named_items(named)]
        return found

    # ---- verbs and boundaries ----------------------------------------------
    def _last_verb(self, start: int, end: int) -> tuple[int, int, str] | None:
        index = bisect_left(self.verb_starts, end) - 1
        while index >= 0 and self.verbs[index][0] >= start:
            if self.verbs[index][1] <= end:
                return self.verbs[index]
            index -= 1
        return None

    def _verb_at(self, pos: int) -> bool:
        index = bisect_left(self.verb_starts, pos)
        return index < len(self.verb_starts) and self.verb_starts[index] == pos

    # Where a clause or sentence starts or ends, no further than the longest there is: a page
    # that lost its punctuation costs linear time (issue 12). Each is searched for near the
    # quantity, a start in the reversed text (cheaper than listing every end of the document).
    def _clause_start(self, pos: int) -> int:
        return self._start(_CLAUSE_END, pos, _LONGEST_CLAUSE)

    def _sentence_start(self, pos: int) -> int:
        return self._start(_SENTENCE_END, pos, _LONGEST_SENTENCE)

    def _start(self, end: re.Pattern, pos: int, longest: int) -> int:
        at = len(self.text) - pos  # the character before pos, in the reversed text
        found = end.search(self.backwards, at, at + longest)
        return len(self.text) - found.start() if found else max(0, pos - longest)

    def _clause_end(self, pos: int) -> int:
        found = _CLAUSE_END.search(self.text, pos, pos + _LONGEST_CLAUSE)
        return found.start() if found else min(len(self.text), pos + _LONGEST_CLAUSE)

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
            if draft.joined_next and after is not None and after.clause == draft.clause and after.object \
                    and not (after.object == after.action and before is not None and before.sentence == draft.sentence
                             and before.object):
                # (分配入住4105套 names only its action: 新开工保障性住房2802套、基本建成4105套 counts the houses)
                draft.object, draft.names = after.object, after.names
            elif before is not None and before.sentence == draft.sentence and before.object:
                draft.object = before.object
        return [d for d in drafts if d.object]

    def _each(self, draft: _Draft) -> list[_Draft]:
        """示范村、先进村各50个: one commitment per item listed, each with the count."""
        if draft.quantity is None or self.text[draft.start - 1:draft.start] != _EACH or "、" not in draft.object:
            return [draft]
        items = [item.strip() for item in _LIST_SPLIT.split(draft.object)]  # whole: 共享停车位 keeps its 共
        return [replace(draft, object=item, names=[]) for item in items if len(item) >= 2] or [draft]

    # ---- role, period, record ------------------------------------------------
    def _commitment(self, draft: _Draft) -> Commitment | None:
        if _W.main_object.search(draft.object):
            return None  # 新增职工医保参保5万人: the facts' (a main indicator), whatever the facts read
        decided = resolve(self._where(draft), "level", False, flow=True)
        if decided.period is None or decided.role not in ("target", "actual"):
            return None
        quantity = draft.quantity
        return Commitment(
            kind="project" if _W.class_noun.search(draft.object) else "task",
            role=decided.role, period=_period(decided.period), object=draft.object, stage=draft.stage,
            action=draft.action, value=quantity and quantity.value, unit=draft.unit,
            comparator=quantity and quantity.comparator, money=draft.money, names=draft.names,
            responsible=self._responsible(draft.start) if self.notes else None,
            start=draft.start, end=draft.end, upper=quantity and quantity.upper,
            role_basis=decided.role_basis, period_basis=decided.period_basis,
        )

    def _responsible(self, at: int) -> str | None:
        """The unit a note names after a commitment on its line (（牵头单位：民政厅）)."""
        index = bisect_left(self.note_starts, at)
        if index == len(self.notes) or self.text.find("\n", at, self.note_starts[index]) >= 0:
            return None
        return self.notes[index][1]

    def _where(self, draft: _Draft) -> Where:
        """The words before the statement's own (计划总投资 inside an object is no plan)."""
        own = draft.clause if draft.own is None else draft.own
        # a named item: the words up to its verb (甲基地预计明年竣工投用); a count: those before it
        text = self.text
        at = draft.frame if draft.quantity is None else max(own, min(draft.frame, draft.start))
        marks, first = self.marks, bisect_left(self.mark_starts, draft.sentence)
        index = bisect_left(self.mark_starts, at) - 1
        while index >= first and (marks[index].end > at or marks[index].kind == "since"):
            index -= 1  # only the last mark before the statement speaks
        return Where(section=self.sections.at(draft.start), sentence=text[draft.sentence:at],
                     sentence_start=draft.sentence, clause=text[own:at], clause_start=own,
                     name=(at, at), marks=(marks[index],) if index >= first else (), bullet_target=None)


def _money_first(drafts: list[_Draft], text: str) -> list[_Draft]:
    """投入40余万元,对20余处户外公益广告进行更换: an amount that ends its clause, just
    before a counted item of its sentence, is that item's money."""
    kept: list[_Draft] = []
    for index, draft in enumerate(drafts):
        after = drafts[index + 1] if index + 1 < len(drafts) else None
        money = draft.quantity and money_in_yi(draft.quantity.value, draft.unit)
        if money is not None and after is not None and after.sentence == draft.sentence \
                and after.quantity is not None and after.money is None and after.clause > draft.clause \
                and money_in_yi(after.quantity.value, after.unit) is None \
                and not _clean(text[draft.end:after.clause - 1]):
            after.money = money
            continue
        kept.append(draft)
    return kept


def _clean(words: str) -> str:
    words = _strip_lead(words)
    if not words or words[-1] not in _W.tail_last and not words[-1].isspace():
        return words  # the tail pattern is tried at every position: only where it could match
    return _W.tail.sub("", words)


def _strip_lead(words: str) -> str:
    """The words without what the lead pattern matches at their start (a match, not a
    substitution: it is anchored, so there is at most one)."""
    if not words or words[0] not in _W.lead_first and not words[0].isspace():
        return words  # the lead pattern is tried only where it could match
    found = _W.lead.match(words)
    return words[found.end():] if found else words


def _object(before: str, after: str, prefix: str) -> tuple[str, list[str], str]:
    """(object, names, the object's words before cleaning) of a quantity: the words between
    its verb and it, else those after it, else those before its verb (in `prefix`, the item's
    words before the verb). The words after are cut only where they are needed."""
    names: list[str] = []
    if before[-1:] in _JOINED:  # 甲和26条巷路改造竣工: the words before the count are another item's
        before = ""
    modifier = before.endswith(_OF)  # 已获得资金的17个中央预算内投资项目: the words before qualify it
    before = _clean(before)
    if "等" in before:
        listed, _, before = before.rpartition("等")
        names = _names(listed)
        before = _clean(before)
    digit = _first_digit(before)
    if digit > 0 and "、" in before[:digit]:  # 甲、乙和丙30亿元以上现代服务业项目: names, then the object
        names, before = _names(before[:digit]), before[digit:]
    cut = None
    if _LIST_SPLIT.search(before):
        cut = _cut(after)
        if _clean(after[:cut]):  # 甲、乙、丙3宗地块: names, then the object
            names, before = _names(before), ""
    if modifier or after.startswith(_OF):
        cut = _cut(after) if cut is None else cut
        if _clean(after[:cut]):  # 总规模50亿元的洪山母基金: what it measures
            before = ""
    if before and len(before) <= _MAX_OBJECT:
        if not _DIGIT.search(before):
            return before, names, before
        cut = _cut(after) if cut is None else cut
        if not _clean(after[:cut]):
            return before, names, before  # 5个点位640个停车泊位: not 5个点位; 50亿元以上项目11个: that
    cut = _cut(after) if cut is None else cut
    qualifier, of, noun = after[:cut].rpartition(_OF)
    raw = _strip_lead(noun if of and len(qualifier) <= _QUALIFIER else after[:cut])  # 10万人规模的志愿服务队伍
    after = _clean(raw)
    if after and len(after) <= _MAX_OBJECT:
        return after, names, raw
    prefix = _clean(_after_last_verb(prefix))
    if prefix and len(prefix) <= _MAX_OBJECT and not before:
        return prefix, names, prefix
    return "", names, ""


def _cut(after: str) -> int:
    """Where the words after a quantity stop being its object: at a list's 、 (not one inside
    a phrase before 的: 主业突出、竞争力强的公司), at 等 or at a number."""
    digit = _first_digit(after)
    comma = after.find("、") if digit >= 0 or _OF not in after else -1
    cut = len(after)
    for at in (comma, after.find("等"), digit):
        if 0 <= at < cut:
            cut = at
    return cut


def _first_digit(words: str) -> int:
    found = _DIGIT.search(words)
    return found.start() if found else -1


def _after_last_verb(words: str) -> str:
    """预计全年完成土地 -> 土地: the words before a verb, after any verb of their own
    (上半年完成 -> 上半年, 老旧小区改造 -> 老旧小区: nothing follows the verb)."""
    found = None
    for found in _W.verb.finditer(words):
        pass
    if found is None:
        return words
    return words[found.end():] if _clean(words[found.end():]) else words[:found.start()]


def _names(listed: str) -> list[str]:
    return [name for name in map(_clean, _NAME_SPLIT.split(listed)) if 2 <= len(name) <= _MAX_NAMED]


def _named_items(words: str) -> list[tuple[str, list[str]]]:
    """甲、乙等排水工程: one, the class noun with its names; 甲、乙, 甲、乙等 or 甲、乙等项目: one each,
    the name its own object and its own name (开工建设青菱寺路: names 青菱寺路, as the contract's)."""
    if "等" in words:
        listed, _, noun = words.rpartition("等")
        noun = _clean(noun)
        if not noun or _W.bare_noun.fullmatch(noun):
            return [(name, [name]) for name in _names(listed)]  # 甲、乙等(项目)开工: nothing told apart but the names
        return [(noun, _names(listed))] if 2 <= len(noun) <= _MAX_NAMED else []
    head, joined, tail = words.rpartition(_AND)
    if joined and "、" not in head and len(tail) <= _SHORT_WORK and _W.class_noun.search(tail):
        return [(words, [words])] if len(words) <= _MAX_NAMED else []  # 甲河综合治理和分流工程: one work
    names = _names(words)
    size = len(names[0]) if names else 0
    if len(names) > 1 and size <= _MODIFIER and all(len(name) == size for name in names[:-1]) \
            and len(names[-1]) >= size + _HEAD:  # 木玩、剑瓷、钢铁产业大脑: three 产业大脑, one head noun
        return [(names[-1][size:], names[:-1] + [names[-1][:size]])]
    return [(name, [name]) for name in names]
