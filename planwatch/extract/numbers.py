"""Exact number grammar: quantities as stated, values as Decimal (never float).

    parse_number("1,234.5") -> Decimal("1234.5")     also full-width digits, 二〇三五, 一千五百, 两万
    parse_quantity(">1145") -> Quantity(value=1145, unit=None, comparator=">")
    parse_quantity("[0.39]") -> Quantity(value=0.39, cumulative=True)
    parse_quantity("2.2万亿元") -> Quantity(value=2.2, unit="万亿元")   万/亿 stay in the unit
    parse_quantity("430余家") -> Quantity(value=430, unit="家", comparator=">")
    parse_quantity("4.5%—5%") -> Quantity(value=4.5, unit="%", comparator=">=", upper=5)
    find_quantities(text, start, end) -> every Quantity in text[start:end], spans into text
    scan_quantities(text).within(text, start, end) -> the same, from one scan of the whole text
    signed(quantity) -> the same quantity negated (下降/降低 …), comparators mirrored
    parse_growth("降低3.8%以上") -> Quantity(value=-3.8, unit="%", comparator="<=")
    parse_growth("保持正增长") -> Quantity(value=0, unit="%", comparator=">")   负增长: "<" 0

Comparator words come from planwatch/data/grammar.yaml (see `grammar`). A bare
year (2023年, 2024年度) is not a quantity.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from .grammar import alternation, grammar

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋％", "0123456789.,-+%")
_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_PLAIN = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_CN_DIGIT = re.compile("[一二两三四五六七八九]")
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}

# GDP3495亿元: a name glued to its value; other letters (PM2.5, CO2) are no value
ARABIC = r"(?:(?<=GDP)|(?<![0-9０-９.．A-Za-zＡ-Ｚａ-ｚ]))[-+−－]?[0-9０-９]+(?:,[0-9]{3}(?![0-9]))*(?:[.．][0-9０-９]+)?"
CHINESE = r"[零〇○一二两三四五六七八九十百千]+(?:[万亿][零〇○一二两三四五六七八九十百千]+)*"
NUMBER = f"(?:{ARABIC}|{CHINESE})"
_CN_DECIMAL = r"[零〇○一二两三四五六七八九十]+(?:点[零〇○一二三四五六七八九]+)?"

# Units as stated; a scale prefix (万, 亿, 万亿) is part of the unit.
_BASE_UNITS = [
    "%", "％", "‰", "个百分点", "百分点",
    "元", "美元", "美金", "元/人", "人次", "人（次）", "人(次)", "人", "名", "户", "个", "家", "项", "件", "所", "座",
    "张", "条", "台", "套", "辆", "栋", "间", "场", "次", "宗", "起", "株", "根", "处", "部",
    "公里", "千米", "平方公里", "平方千米", "平方米", "立方米", "m2", "㎡", "m²", "公顷", "亩", "方",
    "年", "周岁", "岁", "天", "小时", "吨", "吨标准煤", "标准煤", "斤", "公斤", "千瓦", "千瓦时", "度",
    "微克/立方米", "微克／立方米", "μg/m3", "μg/m³", "ug/m3", "毫克/升", "微克",
]
UNIT = f"(?:(?:万亿|千万|百万|亿|万)(?:{alternation(_BASE_UNITS)})?|{alternation(_BASE_UNITS)})"
# spellings of a unit after its scale: 万美金 is 万美元, 153万人（次） is 153万人次
_SPELLINGS = {"美金": "美元", "人（次）": "人次", "人(次)": "人次"}
_SPELLED = re.compile(alternation(_SPELLINGS))
# a bare 微克 is an air concentration whose volume was said once before (由每立方米51微克降至38微克)
_UNIT_NAMES = {"微克": "微克/立方米", "％": "%", "个百分点": "百分点", "亿": "亿元", "万亿": "万亿元", "美金": "美元", "微克／立方米": "微克/立方米", "周岁": "岁"}
_DASH = "－－|——|[-—–~～至到－]"  # 6.5%－7%: a full-width dash too
_OPEN, _CLOSE = r"\[［【〔", r"\]］】〕"


class Quantity(NamedTuple):
    """A number as stated: value (lower bound of a range), unit, comparator.

    start/end span the whole statement (comparator words included); number_start
    is where the first digit is. Offsets are into the text that was searched.
    A named tuple: one is built for every number of every document, three times
    cheaper than a frozen dataclass."""

    value: Decimal
    unit: str | None = None
    comparator: str = "="
    upper: Decimal | None = None
    cumulative: bool = False
    start: int = 0
    end: int = 0
    number_start: int = 0


@lru_cache(maxsize=4096)  # the same few numbers recur in every document; a Decimal is immutable
def parse_number(token: str) -> Decimal | None:
    """Arabic (separators, full width) or Chinese numerals to an exact Decimal."""
    if _PLAIN.fullmatch(token):
        return Decimal(token)
    token = token.strip().translate(_FULL_WIDTH).replace("−", "-").replace(",", "")
    if not token:
        return None
    if token[0] in "0123456789+-":
        try:
            return Decimal(token)
        except ArithmeticError:
            return None
    return _chinese_number(token)


def _chinese_number(token: str) -> Decimal | None:
    if any(c not in _CN_DIGITS and c not in _CN_SMALL and c not in _CN_BIG for c in token):
        return None
    if all(c in _CN_DIGITS for c in token):  # 二〇三五: digit by digit
        return Decimal("".join(str(_CN_DIGITS[c]) for c in token))
    total = section = digit = 0
    for char in token:
        if char in _CN_DIGITS:
            if digit and _CN_DIGITS[char]:  # 十四五: two digits with no unit between is no number
                return None
            digit = _CN_DIGITS[char]
        elif char in _CN_SMALL:
            section += (digit or 1) * _CN_SMALL[char]
            digit = 0
        elif char == "万":
            total += (section + digit) * _CN_BIG[char]
            section = digit = 0
        else:
            total = (total + section + digit) * _CN_BIG[char]
            section = digit = 0
    return Decimal(total + section + digit)


_SCALES = (("万亿", Decimal("1e12")), ("亿", Decimal("1e8")), ("万", Decimal("1e4")), ("千", Decimal("1e3")))


def scaled(unit: str) -> tuple[str, Decimal]:
    """A unit without its scale prefix, and the prefix's factor: 亿美元 -> (美元, 1e8); 万 alone stays."""
    for prefix, factor in _SCALES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix):], factor
    return unit, Decimal(1)


@lru_cache(maxsize=1024)  # units are few and read for every number
def _unit(raw: str | None) -> str | None:
    if not raw:
        return None
    return _UNIT_NAMES.get(raw, _SPELLED.sub(lambda m: _SPELLINGS[m[0]], raw))


def _build_pattern() -> re.Pattern:
    g = grammar()
    return re.compile(
        "(?=[0-9０-９+\\-−－零〇○一二两三四五六七八九十百千" + _OPEN + "])"  # cheap first-character test
        f"(?P<open>[{_OPEN}])?"
        f"(?:(?P<per>百分之|千分之)(?P<pnum>{ARABIC}|{_CN_DECIMAL})"  # 千分之四点五: 4.5‰
        f"|(?P<num>{ARABIC}|{CHINESE}(?=(?:{alternation(g.inside)})?{UNIT})))"
        f"(?P<inside>{alternation(g.inside)})?"
        f"(?:[ \u00a0]?(?P<unit>{UNIT}))?"  # 100 万方, 62 %: a space may come before the unit
        f"(?:(?<=[万亿])(?P<inside2>{alternation(g.inside)})(?P<tail>{UNIT}))?"  # 2万多家, 4万多亿元
        f"(?:(?<=[0-9])[∶:]1(?![0-9.∶:]))?"  # 2.52∶1: a ratio to one, the value is the first term
        f"(?:\\s?(?:{_DASH})\\s?(?P<num2>{NUMBER})(?P<unit2>{UNIT}))?"
        f"(?P<close>[{_CLOSE}])?"
        f"(?:[ \u00a0]?(?P<after>{alternation(g.after)}))?"  # 3.5% 以内: a space may come before the bound word
    )


_PATTERN = _build_pattern()
_PER_VOLUME = "每立方米"
_UNIT_START = re.compile(UNIT)
# A comparator word just before a number, found by searching back from it.
_BEFORE = re.compile(f"(?:{alternation(grammar().before)})$")
_BETWEEN = re.compile(r"之间")
_GRAMMAR = grammar()
_BEFORE_LAST = {word[-1] for word in _GRAMMAR.before}
_DURATION_AFTER = re.compile(alternation(_GRAMMAR.up + _GRAMMAR.down + _GRAMMAR.cumulative_words + ("来", "间", "内")))


def _is_year(match: re.Match, value: Decimal) -> bool:
    return match["unit"] == "年" and value == value.to_integral_value() and 1949 <= value <= 2100


def _quantity(match: re.Match, text: str) -> Quantity | None:
    # the groups read once: this runs for every number of every document
    per, num, unit, open_, close, inside, inside2, tail, after, num2, unit2 = match.group(
        "per", "num", "unit", "open", "close", "inside", "inside2", "tail", "after", "num2", "unit2")
    if per:
        return _per(match, text)
    if open_ and close and is_note_mark(match, text) or unit == "年" and _is_duration(match, text):
        return None
    value = parse_number(num)
    if value is None or unit == "年" and _is_year(match, value):
        return None
    chinese = num[0] not in "0123456789０１２３４５６７８９+-−－"
    if chinese and (not unit or not _CN_DIGIT.search(num)):
        return None  # 一是, 十四五, 突破千亿: Chinese numerals count only with a digit and a unit
    g = _GRAMMAR
    comparator = "="
    start = number_start = match.start()
    if unit == "微克" and start >= len(_PER_VOLUME) and text.startswith(_PER_VOLUME, start - len(_PER_VOLUME)):
        start -= len(_PER_VOLUME)  # 低于每立方米19微克: the volume written first
    words_end = start - 1 if start and text[start - 1] in " \u00a0" else start  # 超 100 万方
    before = _BEFORE.search(text, max(0, words_end - 6), words_end) \
        if words_end and text[words_end - 1] in _BEFORE_LAST else None
    if before:
        comparator = g.before[before[0]]
        start = before.start()
    if inside or inside2:
        comparator = g.inside[inside or inside2]
    if after and not (comparator == ">" and g.after[after] == ">="):  # 突破80亿元以上: more than 80, the stricter word
        comparator = g.after[after]
    upper = parse_number(num2) if num2 else None
    if upper is not None:
        comparator = ">="
    return Quantity(
        value=value,
        unit=_unit(unit + tail if tail else unit or unit2),
        comparator=comparator,
        upper=upper,
        cumulative=bool(open_ and close),
        start=start,
        end=match.end(),
        number_start=match.start("num") if open_ else number_start,
    )


def is_note_mark(match: re.Match, text: str) -> bool:
    """下降[43]3.9%, 民间投资[47]下降: a bracketed whole number glued to the words around it
    is a footnote mark (statistical communiques), not a cumulative value ([0.39], [2000]万人)."""
    if not (match["open"] and match["close"]) or match["unit"] or match["num2"] or match["after"] \
            or "." in match["num"]:
        return False
    end = match.end("close")
    after = text[end:end + 1]
    if after.isdigit():
        return _is_word(text[match.start() - 1:match.start()])
    return _is_word(after) and _UNIT_START.match(text, end) is None


def _is_duration(match: re.Match, text: str) -> bool:
    """5年增长18.7%, 五年累计: a number of years before a change is its duration, not a value."""
    return match["unit"] == "年" and not match["after"] and _DURATION_AFTER.match(text, match.end()) is not None


def _is_word(char: str) -> bool:
    return bool(char) and "\u4e00" <= char <= "\u9fff"


def _per(match: re.Match, text: str) -> Quantity | None:
    """百分之三 (3%), 千分之四点五 (4.5‰), with the comparator words around it."""
    whole, _, decimals = match["pnum"].partition("点")
    value = parse_number(whole)
    if value is None or any(c not in _CN_DIGITS for c in decimals):
        return None
    if decimals:
        value += Decimal("0." + "".join(str(_CN_DIGITS[c]) for c in decimals))
    g = _GRAMMAR
    start = match.start()
    before = _BEFORE.search(text, max(0, start - 6), start) if start and text[start - 1] in _BEFORE_LAST else None
    comparator = g.after[match["after"]] if match["after"] else g.before[before[0]] if before else "="
    return Quantity(value=value, unit="%" if match["per"] == "百分之" else "‰", comparator=comparator,
                    start=before.start() if before else start, end=match.end(), number_start=match.start("pnum"))


def find_quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Every quantity in text[start:end], in order; spans are offsets into text."""
    found = []
    for match in _PATTERN.finditer(text, start, len(text) if end is None else end):
        quantity = _quantity(match, text)
        if quantity is not None:
            found.append(quantity)
    return found


# What the number grammar's negative lookaheads test after a number (1,234(?![0-9]), 2.52∶1(?![0-9.∶:])):
# a stretch that ends before one of these may read a number other than the whole text's scan does.
_PEEKED = frozenset("0123456789.∶:")


class Scan(NamedTuple):
    """Every match of the number grammar in a text, in order, and its quantity (None where the
    match gives none): one scan of the whole text, for readers that want the numbers of many
    stretches of it."""

    starts: list[int]
    ends: list[int]
    quantities: list[Quantity | None]

    def within(self, text: str, start: int, end: int) -> list[Quantity] | None:
        """find_quantities(text, start, end), from the scan; None where a scan of the stretch
        alone could read otherwise: a match of the whole text runs over one of its ends, or
        the character after it is one a lookahead tests."""
        first = bisect_left(self.ends, start + 1)  # the first match that ends after start
        last = bisect_left(self.starts, end, first)  # the first that starts at end or later
        if first < len(self.starts) and self.starts[first] < start or last > first and self.ends[last - 1] > end \
                or text[end:end + 1] in _PEEKED:
            return None
        return [quantity for quantity in self.quantities[first:last] if quantity is not None]


def scan_quantities(text: str) -> Scan:
    """Every number of the text, read once (see Scan)."""
    starts, ends, quantities = [], [], []
    for match in _PATTERN.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
        quantities.append(_quantity(match, text))
    return Scan(starts, ends, quantities)


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in a short text such as a table cell, or None."""
    found = find_quantities(text)
    if not found:
        return None
    quantity = found[0]
    if quantity.upper is not None and _BETWEEN.match(text, quantity.end):
        quantity = quantity._replace(end=quantity.end + 2)
    return quantity


_MIRROR = {">=": "<=", "<=": ">=", ">": "<", "<": ">", "=": "=", "~": "~"}


def signed(quantity: Quantity) -> Quantity:
    """The quantity of a fall (下降/降低 …): negated, comparators mirrored, range reordered."""
    if quantity.upper is not None:
        return quantity._replace(value=-quantity.upper, upper=-quantity.value)
    return quantity._replace(value=-quantity.value, comparator=_MIRROR[quantity.comparator])


def _growth_pattern() -> re.Pattern:
    g = grammar()
    return re.compile(f"(?P<verb>{alternation(g.up + g.down)})[^0-9０-９，,。;；]{{0,4}}?(?={NUMBER})")


_GROWTH = _growth_pattern()


def parse_growth(text: str) -> Quantity | None:
    """A signed growth rate from a short text: 增长5%, 下降14%, 降低3.8%以上, 正增长, -2.2."""
    g = grammar()
    for words, comparator in ((g.positive_growth, ">"), (g.negative_growth, "<")):
        for word in words:
            index = text.find(word)
            if index >= 0:
                return Quantity(Decimal(0), "%", comparator, start=index, end=index + len(word), number_start=index)
    verb = _GROWTH.search(text)
    quantity = parse_quantity(text) if verb is None else next(iter(find_quantities(text, verb.end())), None)
    if quantity is None:
        return None
    if verb is not None:
        quantity = quantity._replace(start=verb.start())
        if g.is_down(verb["verb"]):
            quantity = signed(quantity)
    return quantity
