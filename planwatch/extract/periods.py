"""Period words inside a sentence: 上半年 -> 2017H1, 前三季度 -> 2023M1-9, 1-6月份,
"十三五"期间 -> 2016-2020, 2010年, 规划期末, 规划初期 (a plan's baseline year).

`period_marks(text, start, end)` finds every mark in a range once; `Mark.resolve`
turns one into a period given the section's year and plan span.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .context import Section, five_year_span, span_text
from .grammar import alternation, grammar, trie_pattern
from .numbers import parse_number

_G = grammar()
_W = _G.period_words
_PLAN_WORDS = [word for words in _G.plan_period_words.values() for word in words]
_END, _START = _G.plan_period_words["end"], _G.plan_period_words["start"]
_PARTS: dict[str, str] = _W["parts"]  # 上半年 -> H1, 前三季度 -> M1-9
_HALVES = [word for word in _PARTS if word.endswith("半年")]
_QUARTERS = [word for word in _PARTS if word not in _HALVES]
_SPAN_WORDS = _G.paragraph_leads["five_years"]
_WORDS = [*_PARTS, *_W["this_year"], *_W["to_date"], *_W["last_year"], *_W["next_year"], *_W["since"], *_W["whole_year"],
          *_W["plan_end"], *_W["plan_start"], *_SPAN_WORDS]
_YEAR = r"(?:19|20)\d\d"
_COMPARED = "".join(_W["compared"])
_FIRSTS = re.escape(''.join(sorted({word[0] for word in _WORDS}))) + "12一二“\"十是"
_PLANS = _G.five_year_plans
# How a mark can open, two characters where a word gives them (全年, not 全面): each alternative
# below opens with one of these. 比 and 较 (since) are one character, so the year or plan after them.
_OPENINGS = (trie_pattern(sorted({word[:2] for word in _WORDS if word not in _W["since"]} | {plan[:2] for plan in _PLANS}))
             + rf"|(?:{alternation(_W['since'])}) ?(?:19|20|[“\"]?[{''.join(sorted({plan[0] for plan in _PLANS}))}])"
             + r"|是[12]|[“\"]|1[\s\-—至~～]|(?:19|20)\d|[2-9二三四五六七八九十] ?年|一九|二[〇零○]")
_MARK = re.compile(
    # cheap tests before the alternatives, which the engine enters one by one at every offset that
    # passes: first one class, the first characters (the words', a year's digits: 2023年, 1-6月,
    # 二〇二三年, 5年提高; a plan's name: “十三五”; 是 of 是2015年的1.5倍), then the openings
    rf"(?=[{_FIRSTS}3-9])(?=[{_FIRSTS}]|[3-9] ?年)(?={_OPENINGS})"
    rf"(?:(?P<half>(?:{alternation(_W['this_year'])})?(?:{alternation(_HALVES)}))"  # 今年上半年: one mark
    rf"|(?:{alternation(_W['since'])}|是(?={_YEAR} ?年的[0-9.]+倍)) ?(?P<since>{_YEAR}) ?年(?:末|底)?"  # 是2015年的1.5倍
    rf"|(?:{alternation(_W['since'])}) ?[“\"]?(?P<since_plan>{alternation(_G.five_year_plans)})[”\"]?(?:末|期末|时期|期间)?"  # 较“十三五”末: since its last year
    rf"|(?P<to_date>{alternation(_W['to_date'])})"
    rf"|(?<![{_COMPARED}])(?P<last_year>{alternation(_W['last_year'])})"
    rf"(?!{alternation(_W['last_year_after_not'])})"
    rf"|(?P<next_year>{alternation(_W['next_year'])})"
    rf"|(?P<quarters>{alternation(_QUARTERS)})"
    r"|(?P<months>(?<![0-9])1\s*[-—至~～]\s*(?P<last>1[0-2]|[1-9])\s*月)"
    # not 较“十三五”时期增长148%: the plan compared with, not the period stated
    rf"|(?<![{_COMPARED}])(?<![{_COMPARED}][“\"])(?P<five>[“\"]?(?:{alternation(_G.five_year_plans)})[”\"]?)"
    rf"(?P<when>{alternation(_PLAN_WORDS)})"
    rf"|(?P<years>{_YEAR}\s*[-—至~～]\s*{_YEAR})年"
    rf"|(?P<plan_end>{alternation(_W['plan_end'])})|(?P<plan_start>{alternation(_W['plan_start'])})"
    rf"|(?P<span_words>{alternation(_SPAN_WORDS)})"
    rf"|(?<![0-9])(?P<last_years>[2-9]|[二三四五六七八九十]) ?年(?={alternation(_W['last_years_before'])})"  # 5年提高
    rf"|(?<![0-9])(?P<year_part>{_YEAR}) ?年(?P<part>{alternation(_PARTS)})"
    rf"|(?<![0-9])(?P<year>{_YEAR}|(?:一九|二[〇零○])[〇零○一二三四五六七八九]{{2}}) ?(?:年|年度)"
    rf"(?!均|{alternation(_W['price_basis'])})"  # 按2000年价格计算: a price basis, no period
    rf"|(?P<this_year>{alternation(_W['whole_year'])}))"
)


class Mark(NamedTuple):  # a tuple: cheap to build, one for every period word of a document
    start: int
    end: int
    kind: str      # half | since | year_part | to_date | last_year | next_year | quarters | months | five | years | plan_end | plan_start | span_words | last_years | year | this_year
    words: str
    detail: str | None = None

    def resolve(self, section: Section) -> tuple[str | None, str | None]:
        """(period, role override) this mark gives inside `section`."""
        year = section.year
        if self.kind == "year":
            return self.words, None
        if self.kind == "year_part":  # 2016年一季度
            return f"{self.words}{_PARTS[self.detail]}", None
        if self.kind == "last_year":  # 去年… in a plan for the coming year: the year before it, a result
            if section.role != "target" or section.year is None or section.span:
                return None, None
            return str(section.year - 1), "actual"
        if self.kind == "next_year":  # 预计明年竣工 in a review of a year: the year after it, a target
            if section.role != "actual" or year is None or section.span:
                return None, None
            return str(year + 1), "target"
        if self.kind == "to_date":  # 今年以来: the year so far, i.e. the period under review
            return section.period, None
        if self.kind == "since":  # 比2020年下降13.5%: the change since the end of that year
            last = section.span[1] if section.span else section.year
            if last is None or last <= int(self.words):
                return None, None
            first = int(self.words) + 1
            return (f"{first}-{last}" if last > first else str(last)), None
        if self.kind == "years":
            first, last = re.findall(r"\d{4}", self.words)
            return f"{first}-{last}", None
        if self.kind == "five":
            span = five_year_span(self.words)
            if self.detail in _END:
                return str(span[1]), None
            if self.detail in _START:
                return str(span[0] - 1), "baseline"
            if self.detail in _G.first_years:  # “十一五”前四年: 2006-2009
                return span_text((span[0], span[0] + _G.first_years[self.detail] - 1)), None
            return span_text(span), None
        if self.kind == "span_words":
            if section.span and section.role == "target" and self.words != "五年间":
                return span_text((section.span[0] - 5, section.span[0] - 1)), "actual"  # a plan's 过去五年: the last plan
            return (span_text(section.span) if section.span else None), None
        if self.kind == "last_years":  # 5年提高4.5个百分点 in a review: the years up to the one reviewed
            count = int(parse_number(self.words))
            if section.span and section.span[1] - section.span[0] + 1 == count:
                return span_text(section.span), None
            if section.role != "actual" or year is None:
                return None, None
            return span_text((year - count + 1, year)), None
        if self.kind == "plan_end":
            return (str(section.span[1]) if section.span else None), None
        if self.kind == "plan_start":
            return (str(section.span[0] - 1) if section.span else None), "baseline"
        if self.kind == "this_year" and self.words == "今年" and section.now:
            return str(section.now), None  # the year it was written: a January report's 今年 is the plan year
        if self.kind == "half" and self.words.startswith(_W["this_year"]) and section.now:
            year = section.now
        if year is None:
            return None, None
        if self.kind in ("half", "quarters"):
            return f"{year}{_PARTS[max((w for w in _PARTS if self.words.endswith(w)), key=len)]}", None  # 前三季度, not 三季度
        if self.kind == "months":
            last = int(self.detail)
            return f"{year}{'H1' if last == 6 else 'Q1' if last == 3 else f'M1-{last}'}", None
        return str(year), None

    @property
    def is_span(self) -> bool:
        return self.kind in ("span_words", "years", "since", "last_years") or (
            self.kind == "five" and self.detail not in (*_END, *_START))


# A mark's kind is the group of _MARK that closed last, but for the kinds that end in a group of
# their own (“十三五”|期间, 2023年|上半年); that group is the kind's detail, as 1-|6|月's last month is.
_KIND_OF = {"when": "five", "part": "year_part"}
_DETAIL = {"months": "last", "five": "when", "year_part": "part"}


def period_marks(text: str, start: int = 0, end: int | None = None) -> list[Mark]:
    """Every period mark in text[start:end], in order."""
    marks = []
    for match in _MARK.finditer(text, start, len(text) if end is None else end):
        kind = _KIND_OF.get(match.lastgroup, match.lastgroup)
        detail = match[_DETAIL[kind]] if kind in _DETAIL else None
        words = str(parse_number(match["year"])) if kind == "year" else match[kind]  # 二〇二三年 -> 2023
        if kind == "since_plan":
            kind, words = "since", str(five_year_span(words)[1])
        marks.append(Mark(match.start(), match.end(), kind, words, detail))
    return marks
