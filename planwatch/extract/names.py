"""Indicator names in a text, as the prose reader needs them.

    find_mentions(text, skipped) -> [Mention(start, end, indicator, written)]

Catalogue names (catalogue.mentions), less those inside `skipped` spans (noise,
qualitative words such as 高于GDP增速) and those that are a denominator (占GDP比重),
plus names written short in a coordination: 城镇和农村居民人均可支配收入 names
城镇居民人均可支配收入 too, PM10和PM2.5浓度均值 names PM10浓度均值; and
城乡居民人均可支配收入分别… (or …40000元和20000元,分别…) names both the 城镇 and
the 农村 indicator; a share
(X占Y比重) is read whole when the catalogue knows it. A generic
name (企业数量, marked whole_word in the catalogue) glued to a word before it is skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from . import catalogue
from .catalogue import Indicator

# A space between two Chinese characters, a line break inside a word: each regex opens with
# its literal character, which re finds fast, where a class or lookbehind first is tried at every offset.
_SPACE = re.compile(r" (?<=[\u4e00-\u9fff] )(?=[\u4e00-\u9fff])")
_WRAP = re.compile(r"\n(?<=[\u4e00-\u9fff]\n)(?=[\u4e00-\u9fff])")
_WRAPPED_LINE = 30  # chars before the word's last character on a line wrapped by width
_JOINERS = ("和", "、", "及", "与")
_HEAD = 8  # the longest first name written short (战略性新兴产业、高新技术产业增加值)
_WORD_BEFORE = re.compile(r"(?:其中|全区|全市|全县|全省|全镇|各类)$")
_YEAR = re.compile(r"\d{4}年")
_NOT_NAME = re.compile(r"[\s,，。;；:：、和及与()（）“”\"%]")
_NOT_HEAD = re.compile(r"[\s,，。;；:：、()（）“”\"%]")  # a first name may hold 及 (文化及相关产业)
# 城乡…均 (one value for both), 城乡…分别, or a pair of values right after the name and 分别 later in its sentence
_BOTH = re.compile(r"均|[^。;；\n]{0,12}?分别|[^,，。;；\n]{0,6}?[0-9.]+[万亿]?[元%]?(?:和|、|与)[0-9.]+[^。;；\n]{0,30}?分别")


_NEW_LIST_REACH = 30
_NEW_LIST = re.compile(r"(新增)[^，,。;；:：\n]{1,24}?[0-9.]+[万亿]?[^0-9，,。;；:：、\n]{0,3}、$")


class Mention(NamedTuple):  # a tuple: one is built for every name of every document, and cheaply
    start: int
    end: int
    indicator: Indicator
    written: str


def is_spaced(text: str) -> bool:
    """PDF text: spaces between Chinese characters, at least one per 200 characters, or
    long lines wrapped between two characters of a word, at least one per 1000."""
    return _spaced_pairs(text) * 200 >= len(text) > 0 or _wraps(text) * 1000 >= len(text) > 0


def _spaced_pairs(text: str) -> int:
    """How many pairs 中 文 the text holds, no two sharing a character."""
    count, free_from = 0, 0
    for match in _SPACE.finditer(text):
        if match.start() - 1 >= free_from:
            count += 1
            free_from = match.end() + 1
    return count


def _wraps(text: str) -> int:
    """How many line breaks split a word at the end of a line of at least _WRAPPED_LINE + 1
    characters, no two within one such line. Found from the few breaks between two Chinese
    characters rather than by a regex that reads 30 characters ahead at every offset."""
    count, free_from = 0, 0
    for match in _WRAP.finditer(text):
        line_from = match.start() - _WRAPPED_LINE - 1
        if line_from >= free_from and "\n" not in text[line_from:match.start() - 1]:
            count += 1
            free_from = match.end() + 1
    return count


def find_mentions(text: str, skipped: list[tuple[int, int]]) -> list[Mention]:
    """Every usable name in text, in order; `skipped` is a sorted list of spans."""
    found: list[Mention] = []
    for start, end, indicator in catalogue.mentions(text, spaced=is_spaced(text)):
        if _inside(skipped, start) or (start > 0 and text[start - 1] == "占") or _glued(text, start, end, indicator):
            continue
        mention = _compared(text, _share(text, Mention(start, end, indicator, text[start:end])))
        if mention is None:
            continue
        mention = _listed_new(text, mention)
        if text[start - 1:start] in _JOINERS:
            found.extend(_elided_before(text, mention, found[-1].end if found else 0))
        if found and found[-1].start < start < found[-1].end:
            continue  # already read as the short second name of a coordination
        found.extend(_both(text, mention))
        if text[mention.end:mention.end + 1] in _JOINERS:
            found.extend(_elided_after(text, mention))
    found.sort(key=lambda m: m.start)  # a short third name may come before the second, read as written (用水量、能耗、二氧化碳排放量)
    return found


def _share(text: str, mention: Mention) -> Mention:
    """高新技术产业增加值占规上工业增加值比重: the whole phrase, when it names a share."""
    found = catalogue.share_after(text, mention.start, mention.end, mention.indicator)
    if found is None:
        return mention
    end, indicator = found
    return Mention(mention.start, end, indicator, text[mention.start:end])


def _listed_new(text: str, mention: Mention) -> Mention:
    """新增科技型中小企业180家、高新技术企业30家: a 新增 that opens a list of counts is each later item's too
    (the firms certified this year, not the stock), where the catalogue knows the 新增 name."""
    if text[mention.start - 1:mention.start] != "、":
        return mention
    opened = _NEW_LIST.search(text, max(0, mention.start - _NEW_LIST_REACH), mention.start)
    if opened is None or mention.written.startswith(opened[1]):
        return mention
    indicator = catalogue.get(opened[1] + mention.written)
    return mention if indicator is None else Mention(mention.start, mention.end, indicator, opened[1] + mention.written)


def _compared(text: str, mention: Mention) -> Mention | None:
    """城乡居民收入比2010年翻一番: a name ending in 比 before a year compares; the name is the one before 比."""
    if not mention.written.endswith("比") or not _YEAR.match(text, mention.end):
        return mention
    indicator = catalogue.get(mention.written[:-1])
    return None if indicator is None else Mention(mention.start, mention.end - 1, indicator, mention.written[:-1])


def _glued(text: str, start: int, end: int, indicator: Indicator) -> bool:
    """A generic name stuck to the word before it (规上工业企业数量 is no 企业数量, 民生投资增长 no 投资增长)."""
    whole = indicator.whole_word or indicator.whole_words and catalogue.normalise(text[start:end]) in indicator.whole_words
    return whole and start > 0 and "\u4e00" <= text[start - 1] <= "\u9fff" \
        and not _WORD_BEFORE.search(text, max(0, start - 2), start)


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    index = bisect_right(spans, (pos, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= pos < spans[index][1]


def _elided(text: str, mention: Mention, floor: int) -> Mention | None:
    """装备制造业、高技术制造业增加值分别…: the first name shares the second one's tail
    (增加值, 参保率 …, at least two characters)."""
    joiner = mention.start - 1
    for size in range(min(_HEAD, joiner - floor), 0, -1):
        head = text[joiner - size:joiner]
        if _NOT_HEAD.search(head):
            continue
        for cut in range(1, len(mention.written) - 1):
            indicator = catalogue.get(head + mention.written[cut:])
            if indicator is not None and indicator is not mention.indicator:
                return Mention(joiner - size, joiner, indicator, head + mention.written[cut:])
    return None


def _elided_before(text: str, mention: Mention, floor: int) -> list[Mention]:
    """The elided names before MENTION, first to last; a third may come before the second
    (城镇职工养老保险、失业保险和医疗保险覆盖面)."""
    found: list[Mention] = []
    while text[mention.start - 1:mention.start] in _JOINERS:
        elided = _elided(text, mention, floor)
        if elided is None:
            break
        found.insert(0, elided)
        mention = elided
    return found


def _elided_after(text: str, mention: Mention) -> list[Mention]:
    """单位地区生产总值能耗和二氧化碳排放: the second name shares the first one's head;
    so may a third (单位国内生产总值用水量、能耗、二氧化碳排放量)."""
    found: list[Mention] = []
    start = mention.end + 1
    while start < len(text):
        second = _shared_head(text, mention, start)
        if second is None:
            break
        if second.written != text[second.start:second.end]:  # one read as written (能耗) is found on its own
            found.append(second)
        if text[second.end:second.end + 1] not in _JOINERS:
            break
        start = second.end + 1
    return found


def _shared_head(text: str, mention: Mention, start: int) -> Mention | None:
    for size in range(min(10, len(text) - start), 1, -1):
        tail = text[start:start + size]
        if _NOT_NAME.search(tail):
            continue
        for cut in range(len(mention.written) - 1, 1, -1):
            indicator = catalogue.get(mention.written[:cut] + tail)
            if indicator is not None and indicator is catalogue.get(tail):
                return Mention(start, start + size, indicator, tail)  # 规上工业增加值、固定资产投资: needs no head
            if indicator is not None and indicator is not mention.indicator:
                return Mention(start, start + size, indicator, mention.written[:cut] + tail)
    return None


def _both(text: str, mention: Mention) -> list[Mention]:
    if not mention.written.startswith("城乡") or not _BOTH.match(text, mention.end):
        return [mention]
    rest = mention.written[2:]
    urban, rural = catalogue.get("城镇" + rest), catalogue.get("农村" + rest)
    if urban is None or rural is None:
        return [mention]
    return [Mention(mention.start, mention.start + 1, urban, "城镇" + rest),
            Mention(mention.start + 1, mention.end, rural, "农村" + rest)]
