"""Facts from sentences, `——` bullets and summary sentences.

One pass of each regex over the whole text (indicator names, qualitative words,
period words, boundaries), then work per name (quantities are read in its slot):

1. names joined by 和/、/及 form a group ("PM10和PM2.5浓度均值分别下降5.9%和13.6%");
2. the group's slot runs to the next name or the end of the clause chain
   (。；：and line ends); the first quantity must follow the name closely, later
   ones must continue it (",同比增长8.1%") or carry their own year
   ("从2010年的460亿元跃升为2020年1080亿元"), and the X of 从X提高到Y is the
   baseline Y is measured from; 分别 hands out one value per name, each name taking
   its place in the list even when the catalogue reads only some of them
   (基础设施投资、工业投资分别增长3.2%、8.5%);
3. a qualitative statement in the slot (与经济增长基本同步), or just before the
   group (完成市下达的节能降耗、碳减排…任务), is a fact too; a result such as
   全面完成 or 稳步提高 counts only right after the name and its own words;
4. a sentence without a name that continues the last one ("上半年完成525.69亿元",
   "预计全年实现增长6.5%左右") takes its name;
5. follow words of the catalogue (新增市场主体…, 总量达…) name a related indicator;
6. a labelled line ("——地区生产总值:全年目标增长6.5%,上半年完成452.3亿元") gives
   each of its clauses to the label, each with its own role and period words;
7. a name written short before another (城镇和农村居民人均可支配收入) is read in full.

Meaning (measure, role, period, flags) is decided in statement.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from ..documents import Document
from . import catalogue
from .counted import counted_facts
from ..model import Basis, Fact
from .grammar import alternation, grammar, trie_pattern
from .numbers import Quantity, find_quantities
from .names import Mention, find_mentions
from .reading import Reading
from .statement import VERB, Where, measure_of, numeric_fact, text_fact

_CLAUSE_END = re.compile(r"[。！？!?\n;；:：,，|]")  # | joins table cells: each is its own statement
_FULL_STOP = re.compile(r"[。！？!?]")
_CHAIN_BREAK = re.compile(r"[。！？!?\n;；:：,，、|]")
_G = grammar()
_SIGN_WORDS = frozenset(_G.positive_growth + _G.negative_growth + _G.flat_growth)
_DURATION = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})年(?:来|间|内)?"  # 5年提高4.5个百分点: over 5 years
# scanned over the whole text: a trie tries fewer alternatives per offset than a flat list
_QUALITATIVE = re.compile(trie_pattern(_G.qualitative + _G.positive_growth + _G.negative_growth + _G.flat_growth))
_CLOSE_QUALITATIVE = re.compile(trie_pattern(_G.close_qualitative))
_CLOSE_LEAD = re.compile(f"(?:{alternation(_G.close_lead)})*")  # 等约束性指标, 数量实现: a name's own words
_LEAD_JOIN = re.compile(f"(?:{alternation(_G.close_lead)})+[和、及与]")  # 单位GDP能耗下降和主要污染物减排任务超额完成
_VERBS = alternation(_G.up + _G.down)
# …亿元,“十三五”期间(下同)年均增长4.2% / ,比“十一五”末年均增长11.4%: the span or base words of the next value
_PLAN_WORDS = r"“?十[一二三四五]五”?(?:期间|时期|以来|末)?"
_SPAN_LEAD = rf"{_PLAN_WORDS}|(?:比|较)(?:{_PLAN_WORDS}|(?:19|20)\d\d年(?:末|底)?)|[（(][^)）0-9]{{1,10}}[)）]"
_CONTINUE = re.compile(rf"^\s*(?:同比|同口径|比上年同期|较上年同期|比上年末|较上年末|比上年|较上年|比年初|较年初|年均|全年|分别|实际|名义"
                       rf"|{_DURATION}|{_SPAN_LEAD})*(?:{_VERBS})")
_ESTIMATE = alternation(_G.estimate_words)
_STRETCH = alternation(_G.stretch_words)
_CARRY = re.compile(rf"^[\s—-]*(?:{_ESTIMATE}|{_STRETCH}|全年|上半年|下半年|今年|年内|前三季度|可|将|已|共|累计|同比|同口径"
                    r"|年初|年度|预期目标|预期|目标|计划)*"
                    rf"(?:完成|实现|达到|达|为|{_VERBS})?")
_REPORTED = re.compile(rf"[,，;；、](?P<clause>\s*(?:全年)?(?:{_ESTIMATE}|实际)?(?:全年)?(?:完成|实现))[^,，;；、]{{0,6}}$")
_GROWTH_AFTER = re.compile(r"的?(?:增长|增速|增幅|涨幅)")  # 实现6%以上的增长
# a bare 万 counts the name's unit only with no word after it (减少24万农村贫困人口) nor between (新增就业参保人数超过65万)
_WORD_AFTER = re.compile(r"[\u4e00-\u9fff]")
_FROM_VALUE = re.compile(rf"[由从]\s*[\d.]+\s*万?|{alternation(_G.reached_words + _G.level_after + _G.control)}")
_GROWTH_NAME = re.compile(r"(?:涨幅|增幅|增速|增长率|增长|价格指数|消费价格|消费品价格|CPI)$")  # 居民消费价格涨幅3%, 居民消费价格控制在3.5%左右
_YEAR_CLAUSE = re.compile(r"[,，;；]\s*(?:19|20)\d\d ?年(?:末|底)?(?:全[省市县区])?(?:达到|达|为|突破|增至|实现|完成)$")
_SHARE = re.compile(r"比重|占比|比例|份额|贡献率|之比")
_YEAR = re.compile(r"(?:19|20)\d\d ?年")  # 2020 年: PDF text spaces
# what may stand between two names of one list; a verb may open the second (接待游客、实现旅游总收入分别增长…)
_JOINERS = ("", "和", "、", "及", "与", "以及", "和“", "、“", "、实现", "和实现", "、完成", "和完成")
_NAME_JOINERS = "和、及与"  # a character that joins a name to one before it
_LIST_SPLIT = re.compile(f"[{_NAME_JOINERS}]")
_NOT_A_LIST = re.compile(r"[0-9０-９%,，。;；:：!?！？\n]")
_BULLET = re.compile(r"[ \t\u3000]*——")
_AFTER_COLON = re.compile(rf"[ \t\u3000]*(?:{_ESTIMATE}|实际|完成|实现|全年完成)")
_GAP = 12
# a milestone said in words before the name's values, in a clause of its own
_MILESTONE = re.compile(rf"[^,，;；。:：\d]{{0,12}}(?:{alternation(_G.milestone_words)})[,，]")
_THEN_EXACT = re.compile(r"[^,，;；。\d]{0,4}[,，]\s*(?:达到|达|为)\s*")
_FROM = re.compile(rf"(?:{alternation(_G.change_from)})[^,，;；。从由]{{0,8}}$")  # 从2020年的X, 由人均X: X is where a change started
_FROM_YEAR = re.compile(rf"(?:{alternation(_G.change_from)})\s*((?:19|20)\d\d ?年)的")  # 从2016年的X
_AVERAGE = re.compile(r"年均|平均每年")
_NET_BEFORE = re.compile(f"(?:{alternation(_G.net_change)})$")
_PROPORTION = re.compile(r"(?:为|是|占|相当于)[^,，;；。]{0,10}的$")
_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\[[0-9]{1,3}\]")  # a communique's footnote mark
_CONVERTED = re.compile(r"汇率|折合|折算")
_LEVEL_AFTER = re.compile(rf"\s*(?:{alternation(_G.level_after)})\s*")
_ADJUSTED = re.compile(r"(?:剔除|扣除|除去)[^,，。;；:：]{0,30}?(?:因素|影响)后?")  # …剔除某矿停产等不可比因素增长7.8%
_LABEL_HEAD = re.compile(r"[\s—\-·•]*(?:[0-9一二三四五六七八九十]+[、.．]|[（(][0-9一二三四五六七八九十]+[)）])?[\s—\-]*")
_LABEL_END = re.compile(r"\s*(?:[（(][^)）\n]{0,8}[)）])?\s*[:：]")
_PROGRESS = re.compile(r"(?:完成|占|达到)[^,，;；。]{0,8}(?:目标|计划|任务)的")
_RESPECTIVELY = re.compile(rf"[,，;；、]\s*(?:年均)?分别(?:年均)?(?:{_VERBS}|为|达到|达)")  # ,年均分别增长13%和47%
# …X元,农村…Y元,同比增长8.5%和13%: a growth verb before two values joined by 和 shares them out too
_PAIRED = re.compile(rf"[,，;；]\s*(?:同比|比上年|较上年|实际|名义)?(?:{_VERBS})$")
# a two-character word glued before a name (文化旅游投资, 城市建成区绿地率); one character is a name cut short (城、乡居民)
_GLUED = 2
_JOINED_BEFORE = re.compile(rf"[{_NAME_JOINERS}](?:[\u4e00-\u9fff]{{{_GLUED}}})?$")
# 地区生产总值增长8%、城镇和农村居民…分别增长9%和10%: the joiner closes a value of another name, no unread name
_VALUE_BEFORE = re.compile(r"[0-9０-９%‰][^0-9０-９,，。;；:：、和及与（(\n]{0,4}$")
_UNREAD_ITEM = re.compile(r"[、和及与][^0-9,，;；。:：%、]{1,12}")  # 、入境游客: the next item of a list, named in words the catalogue does not read
_ASIDE = re.compile(r"[（(][^)）0-9]{1,10}[)）]")  # (下同), (同比,下同), (同口径) between a verb and its value
_PAIR_GAP = re.compile(r"\s*(?:和|、|与)\s*")
_EACH = re.compile(r"\s*(?:均|都|各(?![类项级地个种]))")  # 规模以上工业增加值、固定资产投资均增长12%, 新增就业和转移劳动力各4500万人: each name
_LIST_GAP = re.compile(r"\s*(?:和|、|及|与|,|，)\s*")
_TO = re.compile(rf"(?:{_VERBS}|{alternation(_G.change_to)})?[至到为]")
_HEAD_JUNK = " \t\u3000—-“”\"'"
_MARK_LEAD = re.compile(rf"(?:{_ESTIMATE}|{_STRETCH})?(?:到|至|截至|截止|在|于)?")  # 到2025年, opens its clause too
_HARD_LINE_END = "。！？!?:：;；|\n \t\u3000"
_PARAGRAPH_START = "\n\r \t\u3000—-·•(（第一二三四五六七八九十|"
# a line break that may be a wrapped line's: after no hard line end, before no paragraph start
# (_soft_wrap decides); found in one scan, as most line breaks are neither. The regex opens with
# its literal \n, which re finds fast, where a lookbehind first is tried at every offset.
_MAYBE_WRAPPED = re.compile(f"\n(?<![{re.escape(_HARD_LINE_END)}]\n)(?![{re.escape(_PARAGRAPH_START)}])")
_HEADING_START = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十0-9]+[章节篇条]"
                            r"|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．](?![0-9])|——)")
_COMMA = re.compile("[,，、。;；]")  # prose punctuation: the line is no title or heading
_WRAPPED_LINE = 20  # chars: shorter lines (table cells, headings) always end where they end
# chars: real sentences stay under ~1,300; a longer run without a sentence end (a
# scraped page with no 。) ends at its next clause end, so that the work done per
# value on its sentence stays bounded and such text costs linear time (issue 12)
_LONGEST_SENTENCE = 2000


def prose_facts(document: Document, reading: Reading | None = None) -> list[Fact]:
    """Facts stated in the document's sentences, in text order (duplicates kept).
    `reading`: its sections and period marks, when another reader shares them."""
    return _Reader(document, reading or Reading.of(document)).facts()


def _averages(kept: Fact, fact: Fact) -> bool:
    """比2015年增长45%,年均增长7.7%: over one span, the average growth is the fact."""
    return kept.identity == fact.identity and kept.cumulative and not fact.cumulative


def _once(mentions: list[Mention]) -> list[Mention]:
    """One mention per span and indicator: 工业投资、技改投资 reads 技改投资 as itself and as
    工业技改投资 (a shared name, 节能减排, stays one mention per indicator it stands for)."""
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for mention in mentions:
        key = (mention.start, mention.end, mention.indicator.name)
        if key not in seen:
            seen.add(key)
            kept.append(mention)
    return kept


def _bounded_alike(quantities: list[Quantity]) -> list[Quantity]:
    """分别增长7%和8%左右: a bound word after the last value of a list bounds each value;
    分别超过8万元、4.5万元: so does one before the first. 分别达到300、200亿元 / 提高3个和4个
    百分点: the last value's unit is each value's."""
    quantities = _united_alike(quantities)
    first, last = quantities[0], quantities[-1]
    if len(quantities) > 1 and first.start < first.number_start and first.comparator != "=" \
            and all(q.comparator == "=" for q in quantities[1:]):
        return [first] + [q._replace(comparator=first.comparator) for q in quantities[1:]]
    if last.comparator == "=" or last.upper is not None or any(q.comparator != "=" for q in quantities[:-1]):
        return quantities
    return [q._replace(comparator=last.comparator) for q in quantities[:-1]] + [last]


def _united_alike(quantities: list[Quantity]) -> list[Quantity]:
    unit = quantities[-1].unit
    if unit is None:
        return quantities
    elided = (None, "个") if unit == "百分点" else (None,)
    return [q._replace(unit=unit) if q.unit in elided else q for q in quantities[:-1]] + quantities[-1:]


def _boundaries(text: str) -> tuple[list[int], list[int], list[int], list[int]]:
    """Offsets of clause, slot, sentence and paragraph ends, in one pass. A line
    break inside a sentence (a long line without final punctuation, as PDFs wrap
    them) is no end at all; nor is a sentence ever longer than _LONGEST_SENTENCE."""
    clauses, slots, sentences, paragraphs = [], [], [], []
    wrapped = {found.start() for found in _MAYBE_WRAPPED.finditer(text) if _soft_wrap(text, found.start())}
    sentence_start = 0
    for match in _CLAUSE_END.finditer(text):
        pos, char = match.start(), match[0]
        if char == "\n":
            if pos in wrapped:
                continue
            paragraphs.append(pos)
        clauses.append(pos)
        if char not in ",，" or pos - sentence_start > _LONGEST_SENTENCE:
            slots.append(pos)
            if char not in ";；:：" or pos - sentence_start > _LONGEST_SENTENCE:
                sentences.append(pos)
                sentence_start = pos
    return clauses, slots, sentences, paragraphs


def _soft_wrap(text: str, pos: int) -> bool:
    before = pos - 1 if text[pos - 1:pos] != "\r" else pos - 2
    if before < 0 or pos + 1 >= len(text) or text[before] in _HARD_LINE_END or text[pos + 1] in _PARAGRAPH_START:
        return False
    line_start = text.rfind("\n", 0, before) + 1
    if before - line_start < _WRAPPED_LINE or _HEADING_START.match(text, line_start):
        return False
    return bool(_COMMA.search(text, line_start, before))  # prose, not a title or heading


def _unwrap(words: str) -> str:
    """Words inside one slot without the line breaks of a wrapped line (增\\n长5.6%) and
    without footnote marks (比上年下降[43]3.9%)."""
    if "[" in words:
        words = _NOTE.sub("", words)
    return words.replace("\r", "").replace("\n", "") if "\n" in words else words


class _Reader:
    def __init__(self, document: Document, reading: Reading):
        text = self.text = document.text
        self.sections = reading.sections
        self.noise = sorted(document.noise)
        self.quals = [(m.start(), m.end(), m[0]) for m in _QUALITATIVE.finditer(text)]
        self.close_quals = [(m.start(), m.end(), m[0]) for m in _CLOSE_QUALITATIVE.finditer(text)]
        self.clause_ends, self.slot_ends, self.sentence_ends, self.paragraph_ends = _boundaries(text)
        self.marks = reading.marks
        self.mark_starts = [m.start for m in self.marks]
        self.numbers = reading.numbers
        skipped = sorted([*(q[:2] for q in self.quals + self.close_quals), *self.noise])
        self.mentions = _once(find_mentions(text, skipped))
        self.m_starts = [m.start for m in self.mentions]

    def _next(self, positions: list[int], pos: int) -> int:
        index = bisect_left(positions, pos)
        return positions[index] if index < len(positions) else len(self.text)

    def _prev(self, positions: list[int], pos: int) -> int:
        index = bisect_left(positions, pos) - 1
        return positions[index] + 1 if index >= 0 else 0

    # ---- the pass over names ---------------------------------------------
    def facts(self) -> list[Fact]:
        facts: list[Fact] = []
        index = 0
        while index < len(self.mentions):
            group = self._group(index)
            index += len(group)
            facts.extend(self._group_facts(group))
        return facts + counted_facts(self)

    def _group(self, index: int) -> list[Mention]:
        group = [self.mentions[index]]
        while index + 1 < len(self.mentions):
            following = self.mentions[index + 1]
            gap = self.text[group[-1].end:following.start]
            if gap not in _JOINERS and not _LEAD_JOIN.fullmatch(gap):
                break
            group.append(following)
            index += 1
        return group

    def _group_facts(self, group: list[Mention]) -> list[Fact]:
        if len(group) == 1:
            colon = self._label_colon(group[0])
            if colon is not None:
                return self._labelled(group[0], colon)
        end = group[-1].end
        following = self._next(self.m_starts, end)
        slot_end = min(self._next(self.slot_ends, end), following)
        related = self._follow(group[-1], end, min(self._next(self.sentence_ends, end), following))
        if related is not None:
            slot_end = min(slot_end, related.start)
        facts = self._slot(group, end, slot_end, group[0].start)
        if not facts:
            facts = self._qualitative_before(group)
        if related is not None:
            facts += self._group_facts([related])
        elif len(group) == 1 and slot_end < following and slot_end < len(self.text):
            facts += self._carry_over(group[0], slot_end + 1, following)
        return facts

    def _label_colon(self, mention: Mention) -> int | None:
        """The colon of a labelled line ("——地区生产总值:全年目标增长6.5%,上半年…")."""
        text = self.text
        colon = _LABEL_END.match(text, mention.end)
        if colon is None:
            return None
        line_start = text.rfind("\n", 0, mention.start) + 1  # after the cheap test: a long line costs a scan
        if not _LABEL_HEAD.fullmatch(text, line_start, mention.start):
            return None
        return colon.end()

    def _labelled(self, mention: Mention, start: int) -> list[Fact]:
        """Each clause of a labelled line states one value of the label's indicator,
        with its own role and period words."""
        end = min(self._next(self.sentence_ends, start), self._next(self.m_starts, start))
        facts = []
        for quantity in self._quantities(start, end):
            clause_start = max(self._prev(self.clause_ends, quantity.start), start)
            between = _unwrap(self.text[clause_start:quantity.start])
            if len(between) > _GAP + 2 or _SHARE.search(between) or _PROGRESS.search(between):
                continue
            fact = self._numeric(mention, quantity, mention.start, between, clause_from=clause_start)
            if fact is not None and all(f.identity != fact.identity for f in facts):
                facts.append(fact)
        return facts

    def _follow(self, mention: Mention, start: int, end: int) -> Mention | None:
        best = None
        for word, name in mention.indicator.follow:
            found = self.text.find(word, start, end)
            if found >= 0 and (best is None or found < best.start):
                best = Mention(found, found + len(word), catalogue.get(name), word)
        return best

    def _carry_over(self, mention: Mention, start: int, following: int) -> list[Fact]:
        """A statement without a name that continues the previous one."""
        if self.text[start - 1] == "\n":
            return []
        slot_end = min(self._next(self.slot_ends, start), following)
        first = self._first_item(start, slot_end)
        if first is None or not _CARRY.fullmatch(self.text[start:first]):
            return []
        qual = self._qual_in(start, slot_end)
        if qual is not None and qual[0] <= first and following < self._next(self.slot_ends, start):
            return []  # ;完成国家下达的节能减排…任务: the words are the names' after them
        if qual is not None and qual[0] <= first and _FULL_STOP.match(self.text, start - 1):
            return []  # 参合率达96%。稳步提高社会保障水平: a sentence that opens with such words is about its own object
        carried = Mention(start, start, mention.indicator, mention.written)
        return self._slot([carried], start, slot_end, start)

    def _first_item(self, start: int, end: int) -> int | None:
        firsts = [q.start for q in self._quantities(start, end)[:1]]
        qual = self._qual_in(start, end)
        if qual is not None:
            firsts.append(qual[0])
        if not firsts:
            return None
        first = min(firsts)
        verb = VERB.search(self.text, start, first)
        return verb.start() if verb else first

    def _qual_in(self, start: int, end: int):
        index = bisect_left(self.quals, (start,))
        close = self._close_qual(start, end)
        if index < len(self.quals) and self.quals[index][1] <= end and (
                self.quals[index][2] not in _G.close_qualitative
                or _CLOSE_LEAD.fullmatch(self.text, start, self.quals[index][0])):
            return min(self.quals[index], close) if close else self.quals[index]  # the nearer one is the name's
        return close

    def _close_qual(self, start: int, end: int):
        """节能减排任务全面完成, 一般公共预算收入稳步提高: words that state a result only
        right after the name and its own words."""
        index = bisect_left(self.close_quals, (start,))
        if index < len(self.close_quals) and self.close_quals[index][1] <= end \
                and _CLOSE_LEAD.fullmatch(self.text, start, self.close_quals[index][0]):
            return self.close_quals[index]
        return None

    # ---- one slot ----------------------------------------------------------
    def _slot(self, group: list[Mention], start: int, end: int, evidence: int) -> list[Fact]:
        quantities = self._quantities(start, end)
        facts = []
        respectively = self.text.find("分别", start, end)
        listed = bool(quantities) and 0 <= respectively < quantities[0].start  # names, then 分别, then values
        # 基础设施投资、工业投资分别增长… / 规上工业增加值、工业应税销售分别…: names the catalogue does not read
        # 能源投资、文化旅游投资分别…: a name read only in part (文化 unread) stands in the list all the same
        joined = listed and _JOINED_BEFORE.search(self.text, max(0, group[0].start - 1 - _GLUED), group[0].start)
        unnamed = bool(joined) \
            and not _VALUE_BEFORE.search(self.text, max(0, joined.start() - _GAP), joined.start())
        after = self._unread_after(group[-1].end, respectively) if listed else 0
        # 旅游人数和收入年均增长20.28%和30.36%: as many joined values as names, 分别 left unsaid
        paired = len(group) > 1 and quantities and self._run(quantities) == len(group) \
            and not _EACH.match(self.text, start)
        if respectively >= 0 and (len(group) > 1 or unnamed or after or listed and self._run(quantities) > 1) or paired:
            facts = self._respectively(group, quantities, start, evidence, unnamed, after)
        elif quantities:
            each = group if len(group) > 1 and (_EACH.match(self.text, start) or self._short_heads(group)
                                                and self._run(quantities) == 1) else group[-1:]
            facts = [fact for mention in each for fact in self._chain(mention, quantities, start, evidence)]
        qual = self._qual_in(start, end)
        if qual is not None and qual[2] in _SIGN_WORDS and "目标" in self.text[start:qual[0]]:
            qual = None  # 经济增长预期目标总体与去年持平: the goal is set as last year's, no growth of 0
        if qual is not None:
            own_clause = self._prev(self.clause_ends, qual[0]) if _CLAUSE_END.search(self.text, start, qual[0]) else None
            for mention in group:
                where = self._where(mention, qual[0], clause_from=own_clause)
                fact = text_fact(mention.indicator, mention.written, qual[2], where, min(evidence, qual[0]), qual[1])
                if fact is not None:
                    facts.append(fact)
        return facts

    def _short_heads(self, group: list[Mention]) -> bool:
        """基本养老、医疗保险参保率稳定在95%以上: names written short, sharing the last one's
        tail, are one statement about each."""
        return all(m.written != self.text[m.start:m.end] for m in group[:-1])

    def _quantities(self, start: int, end: int) -> list[Quantity]:
        """Quantities inside one slot; found slot by slot, as names are far fewer than numbers
        (taken from the whole text's scan where the commitments made one and it reads the same).
        A slot's line breaks are wrapped lines (PDF text), so a number may span one (17\n772元)."""
        if "\n" not in self.text[start:end]:
            found = self.numbers.within(self.text, start, end) if self.numbers is not None else None
            if found is None:
                found = find_quantities(self.text, start, end)
            return [q for q in found if q.start >= start]
        kept = [i for i in range(start, end) if self.text[i] not in "\r\n"]
        found = find_quantities("".join(self.text[i] for i in kept))
        return [q._replace(start=kept[q.start], end=kept[q.end - 1] + 1, number_start=kept[q.number_start])
                for q in found]

    def _chain(self, mention: Mention, quantities: list[Quantity], start: int, evidence: int) -> list[Fact]:
        facts, pos, fresh, progress, based = [], start, None, False, False
        origin = None  # the words before X in 从X提高到Y: X is where the change started
        for quantity in quantities:
            if self.text[quantity.start - 1:quantity.start] == "第":
                continue  # 居全省第4位: a rank, no value; what follows still continues
            between = self.text[pos:quantity.start]
            if facts and _CONVERTED.search(between):
                break  # 38000元,按年平均汇率计算为5600美元: the same value in another currency
            if facts and (base := self._base(pos, quantity.start)) is not None:
                fact = self._numeric(mention, quantity, evidence, between)
                span = self._span_at(quantity.start)[0]
                if fact is not None and fact.measure == "level":  # 较“十三五”末的9323亿元: the level it is compared with
                    decade_old = span is not None and int(base.words) != span[0] - 1  # stays a past result
                    facts.append(replace(fact, role="actual" if decade_old else "baseline", period=base.words,
                                         role_basis=Basis("sentence", base.start, quantity.end),
                                         period_basis=Basis("sentence", base.start, base.end)))
                pos, based = quantity.end, True
                continue
            if based and _CONTINUE.match(_unwrap(between)):
                pass  # …的9323亿元增加4374亿元: the change since the base continues the statement
            elif facts and facts[-1].comparator == ">" and _THEN_EXACT.fullmatch(between):
                facts.pop()  # 突破200亿大关,达到210亿元: the exact value stated after its threshold
            elif pos != start and (_TO.fullmatch(between) or _YEAR.search(between)) or _YEAR_CLAUSE.search(between):
                fresh = pos  # 由554亿元增长至830亿元, …,2022年达到5.2万亿元: the value has its own period
            elif pos != start and (_RESPECTIVELY.search(between) or _PAIRED.search(between)
                                   and self._paired(quantities, quantity)):
                return facts + self._shared(mention, quantities[quantities.index(quantity):], between, evidence)
            elif pos != start and _PROGRESS.search(between):
                break  # ,完成年度目标的98%: progress against the target, no value of the indicator
            elif pos != start and (reported := _REPORTED.search(between)):
                own = pos + reported.start("clause")  # 目标增长6.5%,预计完成6.0%: its own role words
                after_growth = bool(facts) and facts[-1].measure == "growth"
                fact = self._numeric(mention, quantity, evidence, between, clause_from=own, growth=after_growth)
                if fact is not None and all(f.identity != fact.identity for f in facts):
                    facts.append(fact)
                pos = quantity.end
                continue
            elif between == "的" and quantity.unit == "%" and facts and facts[-1].role == "target":
                pos, progress = quantity.end, True  # 完成年计划710亿元的89.4%: progress; a result follows
                continue
            elif not self._continues(between, first=not facts and pos == start):
                if len(facts) == 1 and _UNREAD_ITEM.fullmatch(between):
                    facts += self._listed_values(mention, quantities, quantities.index(quantity) - 1, evidence)
                break
            cut = max(between.rfind(","), between.rfind("，"))
            own = pos + cut + 1 if progress and cut >= 0 else None  # …,增长2.0%: its own clause, not the plan's
            fact = self._numeric(mention, quantity, evidence, between, fresh, clause_from=own)
            if fact is None and not facts:
                continue  # 能耗五年累计下降14%: "五年" is no value of this indicator; look further
            if not facts and pos == start:
                origin = _FROM.search(_unwrap(between))
            if fact is not None and fresh is not None and facts and (
                    origin is not None and len(facts) == 1 or fact.identity == facts[0].identity):
                facts[:1] = self._from_value(facts[0], origin, fact)
            if fact is not None and facts and _averages(facts[-1], fact):
                facts[-1] = fact
            elif fact is not None and all(f.identity != fact.identity for f in facts):
                facts.append(fact)
            pos = quantity.end
        return facts

    def _base(self, pos: int, value_start: int):
        """The since mark of 较“十三五”末的X / 比2020年的X right before X: X is the base's level."""
        index = bisect_left(self.mark_starts, value_start) - 1
        if index < 0 or self.marks[index].start < pos or self.marks[index].kind != "since":
            return None
        mark = self.marks[index]
        return mark if self.text[mark.end:value_start].strip() == "的" else None

    def _listed_values(self, mention: Mention, quantities: list[Quantity], own: int, evidence: int) -> list[Fact]:
        """接待国内游客4.16亿人次、入境游客936万人次,分别增长6.7%、39.6%: the name whose
        value stands k-th in a list of items the catalogue reads only in part takes the
        k-th value after 分别."""
        clause_start = self._prev(self.clause_ends, mention.start)
        place = len(self._quantities(clause_start, mention.start))
        end = own + 1
        while end < len(quantities) and _UNREAD_ITEM.fullmatch(self.text, quantities[end - 1].end, quantities[end].start):
            end += 1
        listed = quantities[end:]
        if not listed or not _RESPECTIVELY.fullmatch(self.text, quantities[end - 1].end, listed[0].start) \
                or self._run(listed) != place + end - own:
            return []
        between = self.text[quantities[end - 1].end:listed[0].start]
        fact = self._numeric(mention, _bounded_alike(listed[:self._run(listed)])[place], evidence, between)
        return [fact] if fact is not None else []

    def _paired(self, quantities: list[Quantity], quantity: Quantity) -> bool:
        """The value is the first of two joined by 和 (8.5%和13%)."""
        index = quantities.index(quantity)
        return index + 1 < len(quantities) and bool(
            _PAIR_GAP.fullmatch(self.text, quantity.end, quantities[index + 1].start))

    def _shared(self, mention: Mention, quantities: list[Quantity], between: str, evidence: int) -> list[Fact]:
        """城镇居民…42118元、农村居民…19876元,分别增长4.8%、7.2%: the values go to the
        names of the sentence in order, the last name taking the last value."""
        run = [quantities[0]]
        for quantity in quantities[1:]:
            if not _LIST_GAP.fullmatch(self.text[run[-1].end:quantity.start]):
                break
            run.append(quantity)
        sentence_start = self._prev(self.sentence_ends, mention.start)
        names = [m for m in self.mentions[bisect_left(self.m_starts, sentence_start):]
                 if m.start < mention.start][-(len(run) - 1):] + [mention] if len(run) > 1 else []
        facts = []
        if len(names) == len(run):
            for name, quantity in zip(names, run):
                fact = self._numeric(name, quantity, name.start, between)
                if fact is not None:
                    facts.append(fact)
        elif len(self._quantities(self._prev(self.clause_ends, mention.start), mention.start)) == len(run) - 1:
            fact = self._numeric(mention, run[-1], evidence, between)  # 入境游客936万人次、国内游客4.16亿人次,分别…
            facts = [fact] if fact is not None else []
        return facts

    def _from_value(self, fact: Fact, origin: re.Match | None, to: Fact) -> list[Fact]:
        """The X of "由X增长到Y" / "从2020年的X提高到Y": the baseline Y (`to`) is measured
        from, at the year it names, else the year before the span under way (a five-year
        review or plan); dropped when neither is known (an annual report's 由X提高到Y).
        A year long before the span (从2010年的460亿元跃升为…) keeps X a past result."""
        if fact.measure != "level":
            return []
        if fact.role == "baseline":
            return [fact]  # 由规划初期的124.6亿元…: its own words said so
        span, said = self._span_at(fact.start)
        named = _YEAR.search(origin[0]) if origin is not None else None
        at = self.text.find(named[0], fact.start, fact.end) if named is not None else -1
        if named is None and origin is not None:  # …从2016年的X增长到2020年的Y,一般公共预算收入从A增长到B:
            earlier = list(_FROM_YEAR.finditer(self.text, self._prev(self.sentence_ends, fact.start), fact.start))
            if earlier:  # A is of the year the sentence's first change started from
                named, at = earlier[-1], earlier[-1].start(1)
                named = _YEAR.search(named[0])
        if named is not None:
            year = int(named[0][:4])
            said_year = Basis("sentence", at, at + len(named[0])) if at >= 0 else fact.period_basis
            if span is not None and year != span[0] - 1:
                return [replace(fact, role="actual", period=str(year), period_basis=said_year)]
            return [replace(fact, role="baseline", period=str(year), role_basis=Basis("sentence", fact.start, to.end),
                            period_basis=said_year, cumulative=False)]  # a level at one year, never a span's total
        if span is None:
            return []
        return [replace(fact, role="baseline", period=str(span[0] - 1),
                        role_basis=Basis("sentence", fact.start, fact.end), period_basis=said, cumulative=False)]

    def _span_at(self, pos: int) -> tuple[tuple[int, int] | None, Basis | None]:
        """The multi-year span a statement is about and the words that say so: its
        section's, else the last one named since the section began ("十四五"时期…, 五年来…
        closing at the year under review)."""
        section = self.sections.at(pos)
        if section.span is not None:
            return section.span, section.period_basis
        marks = self.marks[bisect_left(self.mark_starts, section.start):bisect_left(self.mark_starts, pos)]
        for mark in reversed(marks):
            said = Basis("paragraph", mark.start, mark.end)
            if mark.kind == "span_words" and section.role == "actual" and section.year:
                return (section.year - 4, section.year), said
            period = mark.resolve(section)[0] if mark.is_span and mark.kind != "since" else None
            if period and "-" in period:
                first, last = period.split("-")
                return (int(first), int(last)), said
        return None, None

    def _continues(self, between: str, first: bool) -> bool:
        between = _unwrap(between)
        if first:
            between = _ASIDE.sub("", _ADJUSTED.sub("", between))
            milestone = _MILESTONE.match(between)  # 地区生产总值再上一个千亿台阶,从2375亿元增至3719亿元
            if milestone:
                between = between[milestone.end():]
            return len(between) <= _GAP and not _CLAUSE_END.search(between) and not _SHARE.search(between)
        breaks = list(_CHAIN_BREAK.finditer(between))
        if not breaks:
            return bool(_LEVEL_AFTER.fullmatch(between))  # 增长10%达90亿元: the level after its growth
        rest = _ADJUSTED.sub("", between[breaks[-1].end():])  # ,扣除价格因素实际增长6.9%
        # …增长5.5%、达到10.3万亿元 / 、突破1万亿元: the level after its growth
        return bool(_CONTINUE.match(rest) or _LEVEL_AFTER.fullmatch(rest) or not rest.strip())

    def _respectively(self, group: list[Mention], quantities: list[Quantity], start: int,
                      evidence: int, unnamed: bool = False, after: int = 0) -> list[Fact]:
        """分别: one value per name, in order; a later clause (",分别增长4.8%、7.2%") gives
        another round of values. Names of the list that the catalogue does not read, before
        the group (unnamed) or `after` it, take their places in each round; a round that
        does not fit the list (one name, two values) gives nothing: they are others' values."""
        size, facts, pos = len(group), [], start
        if len(quantities) == 1 and not unnamed and not after and len(self.text[start:quantities[0].start]) <= _GAP + 4:
            quantities = quantities * size  # 城镇居民…和农村居民…分别年均增长5%: one value for each
        while len(quantities) >= size:
            between = self.text[pos:quantities[0].start]
            if pos == start and len(between) > _GAP + 4:
                break
            if pos != start and not self._continues(between, first=False):
                break
            count = self._run(quantities) if unnamed or after or size == 1 else size
            first = count - after - size  # where the group's values stand in the round
            if first < 0 or (first > 0) != unnamed:
                break
            for mention, quantity in zip(group, _bounded_alike(quantities[:count])[first:first + size]):
                fact = self._numeric(mention, quantity, evidence, between)
                if fact is not None:
                    facts.append(fact)
            pos, quantities = quantities[count - 1].end, quantities[count:]
        return facts

    def _unread_after(self, end: int, respectively: int) -> int:
        """How many names of the list follow the group unread (规上工业增加值、工业应税销售分别: one)."""
        words = self.text[end:respectively]
        if not words or words[0] not in _NAME_JOINERS or _NOT_A_LIST.search(words):
            return 0
        return len([word for word in _LIST_SPLIT.split(words) if word.strip()])

    def _run(self, quantities: list[Quantity]) -> int:
        """How many values open the list: 3.2%、8.5%和6% is three."""
        count = 1
        while count < len(quantities) and _LIST_GAP.fullmatch(
                self.text, quantities[count - 1].end, quantities[count].start):
            count += 1
        return count

    def _numeric(self, mention: Mention, quantity: Quantity, evidence: int, between: str,
                 fresh: int | None = None, clause_from: int | None = None, growth: bool = False) -> Fact | None:
        between = _ASIDE.sub("", _unwrap(between))  # 增长(同口径)6.5%: the growth's own note
        verbs = [v for v in VERB.finditer(between) if v.end() >= len(between) - 3]
        if quantity.unit == "%" and mention.indicator.percent and not (verbs and not verbs[-1]["to"]):
            # 空气质量优良天数稳定在90%以上: the share of days; 优良天数上升10.8% is the count's growth
            mention = Mention(mention.start, mention.end, catalogue.get(mention.indicator.percent), mention.written)
        if quantity.unit == "%" and not verbs and _PROPORTION.search(between):
            return None  # 约为全国平均的70%: a proportion of another quantity, no value of this one
        growth = growth or bool(_GROWTH_NAME.search(mention.written) or _GROWTH_AFTER.match(self.text, quantity.end))
        measured = measure_of(mention.indicator, quantity, verbs[-1] if verbs else None, growth,
                              index=mention.written.endswith("指数") and between.strip() in ("", "为", "是"),
                              bare_count=quantity.unit == "万" and not _WORD_AFTER.match(self.text, quantity.end)
                              and not _WORD_AFTER.search(_FROM_VALUE.sub("", VERB.sub("", between)).removesuffix("为")))
        if measured is None:
            return None
        measure, quantity = measured
        if measure == "level" and _NET_BEFORE.search(self.text, max(0, mention.start - 3), mention.start):
            measure = "change"  # 净增高新技术企业517家: the stock's net change
        fact = numeric_fact(mention.indicator, mention.written, quantity, measure,
                            self._where(mention, quantity.start, clause_from=clause_from, fresh_from=fresh),
                            evidence, between, self.text[quantity.end:quantity.end + 6])
        if fact is not None and measure == "growth" and _AVERAGE.search(between) and not fact.period.is_span:
            return None  # 年均增长9% that no span frames: an average over years unknown, no one year's growth
        return fact

    def _qualitative_before(self, group: list[Mention]) -> list[Fact]:
        """完成市下达的节能降耗、碳减排和主要污染物减排任务: the words come first."""
        clause_start = self._prev(self.clause_ends, group[0].start)
        index = bisect_left(self.quals, (clause_start,))
        if index >= len(self.quals) or self.quals[index][1] > group[0].start:
            return []
        if group[0].start - self.quals[index][1] > 3:
            return []
        qual = self.quals[index]
        facts = []
        for mention in group:
            fact = text_fact(mention.indicator, mention.written, qual[2], self._where(mention, qual[1]),
                             qual[0], max(qual[1], group[-1].end))
            if fact is not None:
                facts.append(fact)
        return facts

    # ---- context of one statement -------------------------------------------
    def _where(self, mention: Mention, value_start: int, clause_from: int | None = None,
               fresh_from: int | None = None) -> Where:
        """The context of a value: marks count at the head of its sentence or in the
        name's clause; a fresh value (…增长至830亿元) takes only marks after `fresh_from`."""
        text = self.text
        sentence_start = self._prev(self.sentence_ends, value_start)
        clause_start = min(self._prev(self.clause_ends, mention.start), mention.start)
        if clause_from is not None:
            clause_start = clause_from
        line_start = self._prev(self.paragraph_ends, value_start)
        marks = self.marks[bisect_left(self.mark_starts, line_start):bisect_left(self.mark_starts, value_start)]
        marks = [m for m in marks if m.end <= value_start]
        if fresh_from is not None:
            chosen = [m for m in marks if m.start >= fresh_from]
        else:
            chosen = [m for m in marks if m.start >= clause_start or (
                m.start >= sentence_start and self._clause_head(m.start))]
            # an earlier sentence's span frames this one when it opens its clause (“十四五”以来,…), not
            # inside a statement (实现“十四五”以来第3次千亿级跨越); 比2015年 is its sentence's
            chosen = chosen or [m for m in marks if m.is_span and m.kind != "since" and self._clause_head(m.start)]
        return Where(
            section=self.sections.at(value_start),
            sentence=text[sentence_start:value_start],
            sentence_start=sentence_start,
            clause=text[clause_start:value_start],
            clause_start=clause_start,
            name=(mention.start, mention.end),
            marks=self._with_until(chosen[-1:], marks, sentence_start),
            bullet_target=self._bullet_target(line_start, value_start),
        )

    @staticmethod
    def _with_until(chosen: list, marks: list, sentence_start: int) -> tuple:
        """到2020年底,…,同比2015年增长60%: a growth since a year keeps the sentence's year it runs to."""
        if not chosen or chosen[0].kind != "since":
            return tuple(chosen)
        years = [m for m in marks if m.start >= sentence_start and m.kind == "year"]
        return (*years[-1:], *chosen)

    def _clause_head(self, pos: int) -> bool:
        """A mark that opens its clause ("1-6月份,", "前三季度空气…", "到2025年,") scopes what follows."""
        return bool(_MARK_LEAD.fullmatch(self.text[self._prev(self.clause_ends, pos):pos].strip(_HEAD_JUNK)))

    def _bullet_target(self, line_start: int, value_start: int) -> tuple[int, int] | None:
        """In "——目标:预计完成…" the part before the colon is the target: the span of
        the colon and the result words after it."""
        text = self.text
        if not _BULLET.match(text, line_start) or ":" in text[line_start:value_start] \
                or "：" in text[line_start:value_start]:
            return None
        line_end = self._next(self.sentence_ends, value_start)
        colon = min((i for i in (text.find(":", value_start, line_end), text.find("：", value_start, line_end))
                     if i >= 0), default=-1)
        after = _AFTER_COLON.match(text, colon + 1) if colon >= 0 else None
        return (colon, after.end()) if after else None
