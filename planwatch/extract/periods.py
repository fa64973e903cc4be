"""Period words inside a sentence: 上半年 -> 2017H1, 前三季度 -> 2023M1-9, 1-6月份,
"十三五"期间 -> 2016-2020, 2010年, 规划期末, 规划初期 (a plan's baseline year).

`period_marks(text, start, end)` finds every mark in a range once; `Mark.resolve`
turns one into a period given the section's year and plan span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import Section, five_year_span, span_text
from .grammar import alternation, grammar
from .numbers import parse_number

_G = grammar()
_PLAN_WORDS = [word for words in _G.plan_period_words.values() for word in words]
_END, _START = _G.plan_period_words["end"], _G.plan_period_words["start"]
_MARK = re.compile(
    r"(?=[上下前一二三四第1“\"十规期五过12全今本年比较去是]|[3-9] ?年)"  # a cheap first-character test
    r"(?:(?P<half>(?:今年|本年)?上半年|下半年)"  # 今年上半年: one mark, the half of the year 今年 means
    r"|(?:比|较|是(?=(?:19|20)\d\d ?年的[0-9.]+倍)) ?(?P<since>(?:19|20)\d\d) ?年(?:末|底)?"  # 是2015年的1.5倍: a base
    rf"|(?:比|较) ?[“\"]?(?P<since_plan>{alternation(_G.five_year_plans)})[”\"]?(?:末|期末|时期|期间)?"  # 较“十三五”末: since its last year
    r"|(?P<to_date>今年以来|年初以来|本年以来)"
    r"|(?<![比较同与])(?P<last_year>去年|上年)(?!同期|末|底|基础|以来)"
    r"|(?P<quarters>前三季度|前两季度|一季度|二季度|三季度|四季度|第[一二三四]季度)"
    r"|(?P<months>(?<![0-9])1\s*[-—至~～]\s*(?P<last>1[0-2]|[1-9])\s*月)"
    rf"|(?P<five>[“\"]?(?:{alternation(_G.five_year_plans)})[”\"]?)(?P<when>{alternation(_PLAN_WORDS)})"
    r"|(?P<years>(?:19|20)\d\d\s*[-—至~～]\s*(?:19|20)\d\d)年"
    r"|(?P<plan_end>规划期末|期末)|(?P<plan_start>规划初期|规划期初)"
    rf"|(?P<span_words>{alternation(_G.paragraph_leads['five_years'])})"
    r"|(?<![0-9])(?P<last_years>[2-9]|[二三四五六七八九十]) ?年(?=年均|累计|增长|增量|提高|提升|增加|下降|降低|减少)"  # 5年提高, 五年累计, 五年年均增长
    r"|(?<![0-9])(?P<year_part>(?:19|20)\d\d) ?年(?P<part>上半年|前三季度|前两季度|第?[一二三四]季度)"
    r"|(?<![0-9])(?P<year>(?:19|20)\d\d|(?:一九|二[〇零○])[〇零○一二三四五六七八九]{2}) ?(?:年|年度)(?!均|价格|不变价|可比价)"  # 按2000年价格计算: a price basis, no period
    r"|(?P<this_year>全年|今年|本年|年度))"
)
_QUARTER = {"一季度": "Q1", "第一季度": "Q1", "二季度": "Q2", "第二季度": "Q2", "三季度": "Q3",
            "第三季度": "Q3", "四季度": "Q4", "第四季度": "Q4", "前三季度": "M1-9", "前两季度": "H1"}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str      # half | since | year_part | to_date | last_year | quarters | months | five | years | plan_end | plan_start | span_words | last_years | year | this_year
    words: str
    detail: str | None = None

    def resolve(self, section: Section) -> tuple[str | None, str | None]:
        """(period, role override) this mark gives inside `section`."""
        year = section.year
        if self.kind == "year":
            return self.words, None
        if self.kind == "year_part":  # 2016年一季度
            return f"{self.words}{_QUARTER.get(self.detail, 'H1')}", None
        if self.kind == "last_year":  # 去年… in a plan for the coming year: the year before it, a result
            if section.role != "target" or section.year is None or section.span:
                return None, None
            return str(section.year - 1), "actual"
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
        if self.kind == "half" and self.words[0] in "今本" and section.now:
            year = section.now
        if year is None:
            return None, None
        if self.kind == "half":
            return f"{year}{'H1' if self.words.endswith('上半年') else 'H2'}", None
        if self.kind == "quarters":
            return f"{year}{_QUARTER[self.words]}", None
        if self.kind == "months":
            last = int(self.detail)
            return f"{year}{'H1' if last == 6 else 'Q1' if last == 3 else f'M1-{last}'}", None
        return str(year), None

    @property
    def is_span(self) -> bool:
        return self.kind in ("span_words", "years", "since", "last_years") or (
            self.kind == "five" and self.detail not in (*_END, *_START))


def period_marks(text: str, start: int = 0, end: int | None = None) -> list[Mark]:
    """Every period mark in text[start:end], in order."""
    marks = []
    for match in _MARK.finditer(text, start, len(text) if end is None else end):
        kind = next(k for k in ("half", "since", "since_plan", "to_date", "last_year", "quarters", "months", "five", "years", "plan_end", "plan_start",
                                "span_words", "last_years", "year_part", "year", "this_year") if match[k])
        detail = {"months": match["last"], "five": match["when"], "year_part": match["part"]}.get(kind)
        words = str(parse_number(match["year"])) if kind == "year" else match[kind]  # 二〇二三年 -> 2023
        if kind == "since_plan":
            kind, words = "since", str(five_year_span(words)[1])
        marks.append(Mark(match.start(), match.end(), kind, words, detail))
    return marks
