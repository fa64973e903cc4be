"""Where a statement stands: the role and period its section gives it.

A report reviews one period and plans the next; its headings say which is which
("一、2023年…计划执行情况", "二、2024年…目标及主要任务", "一、上半年计划执行情况",
"第一节 发展基础" of a five-year plan). Lines that end with a colon and name a
goal ("2024年经济社会发展的主要目标预安排:"), and short unnumbered lines followed
by prose ("2024年工作安排") and ■ lines, open a section too; so does a list of goals
("今年主要预期目标是,…", "主要预期目标为:", a line "2025年…主要预期目标" before its
bullets), up to where the list ends: a heading, a sentence that reports a result
(同比, 比上年, 预计 …), or a paragraph that opens with no goal.
A five-year plan's document plans its span, unless it reports how the plan went
(a title with 实施情况 or 完成31项, a date as the plan ends): then its results.
`Sections(document).at(pos)` gives the Section in force at an offset; the
document's framing (framing.py: metadata, else the text's own year words) is the
fallback when the headings don't say.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from ..documents import Document
from . import catalogue
from ..model import Basis
from .framing import five_year_span, framing, part_of
from .grammar import alternation, grammar, placeheld

_HEADING_LINE = (
    r"[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[章节篇]|[（(][一二三四五六七八九十]+[)）])"
    r"[^\n。]{0,60}$|[ \t\u3000]*[■◆][^\n。]{2,60}$|[ \t\u3000]*[^\n。，,;；]{2,50}[:：][ \t\u3000]*$"
    r"|[ \t\u3000]*(?P<plain>[^\n。，,;；:：|]{4,30})[ \t\u3000]*$"
)
_HEADING = re.compile(f"^(?P<line>{_HEADING_LINE})", re.M)
# A heading is a whole line: re finds a literal \n fast, but tries ^ at every offset of the text.
# The lookahead's groups hold the line as _HEADING would match it there.
_HEADING_NEXT = re.compile(f"\n(?=(?P<line>{_HEADING_LINE}))", re.M)
_GOALS = r"(?:预期目标|主要目标|发展目标|目标任务|预期指标)"
_IS = r"(?:建议|确定|安排|拟定|设定)?(?:是|为|如下)"  # 主要预期目标建议为: 目标如下:
# the goal words first, once: re skips to their first characters instead of trying each offset
_INLINE = re.compile(rf"{_GOALS}(?:{_IS}?[:：]|{_IS}[,，]|[。;；]\s*其中[,，:：]|[ \t\u3000]*[】」》)）\]]?[ \t\u3000]*(?=\r?\n)"
                     rf"|(?<=预期目标|主要目标){_IS}(?=[^\s,，。:：]))")  # not 完成目标任务, (a result)
_NUMBERED = re.compile(r"[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[章节篇]|[■◆]")  # not a title line
_ITEM_END = re.compile(r"[。！？!?\n]")
_TITLED = re.compile(r"[ \t\u3000]*——[^，,；;：:]{2,20}$")  # a goal paragraph's short title (——经济实力显著增强)
_DONE = re.compile(r"(?:完成|实现|超额|达到)(?!以下)")  # not 要努力实现以下主要目标: goals to reach
_RESULT = re.compile(alternation(grammar().estimate_words + grammar().result_words + grammar().compared_words))
# what ends a list of goals: a result (goals too may say 比上年增长7%), or last year's (去年…)
_RESUMED = re.compile(alternation(grammar().estimate_words + grammar().result_words) + "|去年")
_QUALITATIVE = re.compile(alternation(grammar().qualitative))
_GOAL_WORDS = re.compile(alternation(grammar().target_words))
_LIST_CHARS = 3000  # a list of goals is never longer
_PROSE_LINE = re.compile(r"[ \t\u3000\n]*[^\n]{40}")
# 我们主要做了以下几个方面工作: work done (做了, 抓了) opens results, though 以下…工作 reads as a plan
_ACTUAL = re.compile(r"执行情况|完成情况|运行情况|回顾|发展基础|主要成就|发展成就|主要成绩|成绩单|工作总结|取得的成[绩就]|过去[一五]年|圆满完成|超额完成|顺利完成|[做抓]了")
_PLAN_REVIEW = re.compile(r"执行情况|实施情况|完成情况|(?:预计|基本|全面|顺利)?完成\d+项|预计完成|评估|收官|回顾|成就")
_PLAN_ITSELF = re.compile(r"国民经济和社会发展第[一二三四五六七八九十]+个五年规划")  # the plan's own title
_REPORTED = re.compile(r"执行情况|完成情况")
_OPENING_YEAR = re.compile(r"开局")  # 实现“十四五”良好开局: the plan's first year, not the plan
_TARGET = re.compile(r"计划|目标|安排|任务|草案|预期|展望|工作重点|总体要求|以下[^\n]{0,6}工作")
# 2016年重点工作: a year's key work is its plan (a review's 统筹抓好“五大重点工作” names no year)
_YEAR_WORK = re.compile(r"(?:19|20)\d\d ?年[^\n]{0,6}重点工作")
_YEAR = re.compile(r"((?:19|20)\d\d) ?年")  # 三、2016 年主要工作: a space from PDF text
_SPAN = re.compile(r"((?:19|20)\d\d)年?\s*[-—至~～到]\s*((?:19|20)\d\d)年")
_THIS_YEAR = re.compile(r"\s*(?:今年|本年)")
_NEXT_FIVE = re.compile(r"今后五年|未来五年|今后5年|未来5年")
_SO_FAR = re.compile(rf"(?:[^。\n]*。){{0,2}}[^。\n]*?(?:{alternation(grammar().so_far_words)})")  # 今年是…。刚刚过去的近八个月,…
_SINCE = re.compile(placeheld(grammar().review_since))
_TERM = re.compile(alternation(grammar().term_words))  # 过去五年工作回顾, 本届政府工作回顾, 第四届市人民政府工作回顾
_ADDRESS = rf"(?:(?:{alternation(grammar().addresses)})[!！,，:：]\s*)?"
_ADDRESS_AT = re.compile(_ADDRESS)
# a lead opens the paragraph or its second sentence after a short first one (2015年是“十二五”收官之年。过去五年,…);
# a five-year lead may stand third (2020年是“十三五”收官之年。我们完成了…目标任务。回眸“十三五”,…)
_ONE_SHORT, _TWO = r"(?:[^。\n]{1,30}。)?", r"(?:[^。\n]{1,40}。){0,2}"
_BEFORE_LEAD = {"five_years": _TWO, "term_years": _TWO, "plan": _TWO, "year_opening": "",
                "next_years": r"(?:[^。\n]{1,60}。){0,2}"}  # 刚刚闭幕的市党代会,描绘了…蓝图,为我们指明了…方向。未来五年,…
_NUMERALS = "一二三四五"
_TOPIC = r"(?:[（(][一二三四五六七八九十]+[)）])?"  # （一）五年来,…: a numbered topic's paragraph
_LEAD_BODIES = {kind: rf"[ \t\u3000—]*{_TOPIC}{_ADDRESS}{_BEFORE_LEAD.get(kind, _ONE_SHORT)}(?:{placeheld(words)})"
                for kind, words in grammar().paragraph_leads.items()}
_LEADS = tuple((kind, re.compile(f"^{body}", re.M)) for kind, body in _LEAD_BODIES.items())
# 2015年…未完成年初目标。…。五年来,经济年均增长11.1%: a five-year lead after long sentences of the year's
# review frames the rest of its paragraph (and what follows, as a lead does); only inside a review
_MID_BODY = rf"[^\n]*?。[ \t\u3000]*(?:{placeheld(grammar().paragraph_leads['five_years'])})(?=[,，])"
_MID_LEAD = re.compile(f"^{_MID_BODY}", re.M)
# …“三公”经费大幅下降。刚刚过去的2016年,…预计全年地区生产总值增长8%: the year reviewed named after long sentences
# of a five-year review frames the rest of its paragraph (and what follows), as a five-year lead there does
_PAST_YEAR = [word for word in grammar().paragraph_leads["year"] if word.endswith("过去的{year}")]
_MID_YEAR_LEAD = re.compile(f"^[^\n]*?。[ \t\u3000]*(?:{placeheld(_PAST_YEAR)})(?=[,，])", re.M)
# 这是综合实力显著提升的五年。: a sentence naming the five years reviewed frames what follows as a five-year
# lead does, at a paragraph's start or after the year's sentences; only inside a one-year review
_NAMED_FIVE = re.compile("|".join(r"[^。，,！!\n]{2,30}?".join(map(re.escape, word.split("{what}")))
                                  for word in grammar().five_year_sentences) + "(?=[。，,！!])")
# what may stand before it: a sentence's end (or the line's start, written \n) and a short opener (回眸过去，)
_BEFORE_NAMED = re.compile(r"[\n。！!][ \t\u3000—]*(?:[^。，,！!\n]{1,6}[，,])?$")


def _spelled_out(words) -> list[str]:
    """Regexes of words in which {year} and {plan} stand as in placeheld, each opening
    with a literal character (19…, 20…, “十五五…): re skips to those characters only
    when every alternative of a pattern opens with one."""
    slots = {"{year}": [rf"{century}\d\d\s*年" for century in ("19", "20")],
             "{plan}": [re.escape(quote + plan) + "[”\"]?" for quote in ("“", '"', "") for plan in grammar().five_year_plans]}
    forms = []
    for word in words:
        heads = [""]
        for part in re.split(r"(\{year\}|\{plan\})", word):
            heads = [head + tail for head in heads for tail in slots.get(part, [re.escape(part)])]
        forms += heads
    return forms


# What a lead's line holds: its words, or an address whose \s* runs on to the next line
# (各位代表:\n刚刚过去的…). Only these lines can open with a lead; one scan for them all
# is much cheaper than each lead's pattern tried at every line start.
def _by_first_character(forms: list[str]) -> str:
    """The alternation of `forms` (as _spelled_out gives them) with those that open with the
    same character joined behind it, in their order: the same match wherever one is found
    (only forms with that character can match there, the first of them still wins), and
    re tries a dozen branches at each offset instead of every form."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        first = form[:2] if form.startswith("\\") else form[:1]  # re.escape's \- is one character
        groups.setdefault(first, []).append(form[len(first):])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_LEAD_LINE = re.compile(_by_first_character(_spelled_out([
    *(word for words in grammar().paragraph_leads.values() for word in words), *grammar().addresses])))
_MID_LINE = re.compile(_by_first_character(_spelled_out(grammar().paragraph_leads["five_years"])))
_MID_YEAR_LINE = re.compile(_by_first_character(_spelled_out(_PAST_YEAR)))


def _lines_holding(text: str, words: re.Pattern) -> list[int]:
    """The starts of the lines that hold one of WORDS, ascending."""
    return sorted({text.rfind("\n", 0, found.start()) + 1 for found in words.finditer(text)})


def _at_line_starts(text: str, at_start: re.Pattern, lines: list[int]):
    """Each match of at_start at one of the line starts, no two overlapping, in order:
    where at_start.finditer would find them under re.M."""
    free_from = 0
    for start in lines:
        if start >= free_from and (match := at_start.match(text, start)):
            yield match
            free_from = match.end()


@dataclass(frozen=True)
class Section:
    """What a section states: role, the year it is about, its own period
    (2017H1 for a half-year review), and the span of a five-year plan part."""

    start: int
    role: str
    year: int | None
    period: str | None
    span: tuple[int, int] | None = None
    now: int | None = None  # the year 今年 means: when the document was written
    role_basis: Basis | None = None    # what gave its role, and its period (resolve.py's order of evidence)
    period_basis: Basis | None = None
    term: tuple[int, int] | None = None  # the review's years around a paragraph on its last year (年均 is over them)


def span_text(span: tuple[int, int]) -> str:
    return f"{span[0]}-{span[1]}"


class Sections:
    def __init__(self, document: Document):
        meta = document.meta
        self._meta = meta
        self._framing = framing(document.text, meta)
        self._plan = _plan_span(meta.plan_span)
        self._sections_default = self._default(document)
        self._text = document.text
        self._sections = [self._sections_default, *self._headings(document.text)]
        self._starts = [s.start for s in self._sections]
        self._add_paragraphs(document.text)
        self._add_inline(document.text)
        self._add_results(document.text)

    @property
    def plan(self) -> tuple[int, int] | None:
        """The span of the five-year plan the document is, if it is one."""
        return self._plan

    def at(self, pos: int) -> Section:
        return self._sections[bisect_right(self._starts, pos) - 1]

    def _new(self, start: int, role: str, year: int | None, period: str | None,
             span: tuple[int, int] | None, role_basis: Basis | None, period_basis: Basis | None) -> Section:
        return Section(start, role, year, period, span, self._framing.now, role_basis, period_basis)

    def _default(self, document: Document) -> Section:
        frame = self._framing
        basis = frame.basis or Basis("metadata")
        if self._plan:
            role = "actual" if self._reviews_plan(document.text) else "target"
            return self._new(0, role, self._plan[1], str(self._plan[1]), self._plan, basis, basis)
        if frame.report:
            part = "H1" if self._meta.doc_type == "midyear_report" else frame.part or ""
            return self._new(0, "actual", frame.report, f"{frame.report}{part}", None, basis, basis)
        year = frame.target
        return self._new(0, "target", year, str(year) if year else None, None, basis, basis)

    def _reviews_plan(self, text: str) -> bool:
        """A report on a plan rather than the plan: its title says how it went (纲要实施情况,
        预计完成31项指标), or, not titled as the plan itself (a repost of it may be dated
        any time), it was written as the plan ended."""
        written = self._framing.written
        title = text[:200].split("\n", 1)[0]
        return bool(_PLAN_REVIEW.search(title)) or not _PLAN_ITSELF.search(title) \
            and written is not None and self._plan[1] <= written <= self._plan[1] + 1

    def _headings(self, text: str):
        current = self._sections_default
        for match in [_HEADING.match(text), *_HEADING_NEXT.finditer(text)]:
            if match is None:
                continue
            line = match["line"]
            if match["plain"] and not ((_YEAR.search(match["plain"]) or five_year_span(match["plain"]))
                                       and _PROSE_LINE.match(text, match.end("line"))):
                continue  # a short line is a heading only when it names a year (or 十三五) and prose follows
            # **三、2016年工作安排**: Markdown bold around a heading is no part of its words
            section = self._section(match.start("line") + len(line) - len(line.lstrip()),
                                    line.strip().strip("*").strip(), current)
            if section is not None:
                current = section
                yield section

    def _section(self, start: int, heading: str, current: Section) -> Section | None:
        meta, frame = self._meta, self._framing
        topic = heading[0] in "(（"  # (二)夯实发展基础: a topic heading; only 完成情况 makes it a review
        years = [int(y) for y in _YEAR.findall(heading)]
        if (_REPORTED if topic else _ACTUAL).search(heading):
            role = "actual"
        elif (_TARGET.search(heading) or _YEAR_WORK.search(heading)) and not topic:
            role = "target"
        elif not topic and "今年" in heading and frame.target and not years:
            role = "target"  # 三、做好今年后几个月工作: the year it plans, after a new term's five-year goals
        elif _NUMBERED.match(heading) and years and years[0] in (frame.report, frame.target) \
                and frame.report != frame.target:
            role = "actual" if years[0] == frame.report else "target"  # 二、2022年主要工作: its year says which
        elif not topic and frame.report and not self._plan and (ahead := five_year_span(heading)) \
                and not _OPENING_YEAR.search(heading) and not ahead[0] <= frame.report < ahead[1]:
            # 二、“十三五”时期美好愿景: the plan after the year reviewed (its goals), or one that ended with it;
            # not a heading on the plan's first year (实现“十四五”良好开局) nor one inside the plan
            role = "target" if ahead[0] > frame.report else "actual"
        else:
            return None
        said = Basis("heading", start, start + len(heading))
        plan = five_year_span(heading) or _years_span(heading)
        if plan and (not years or set(years) == set(plan)):  # 一、“十三五”时期工作回顾; “十四五”时期(2021年至2025年)的目标:
            return self._new(start, role, plan[1], str(plan[1]), plan, said, said)
        if role == "target" and _NEXT_FIVE.search(heading) and not self._plan:  # 今后五年的主要目标
            first = years[0] if years else (frame.target or (frame.report + 1 if frame.report else None))
            if first:
                return self._new(start, role, first + 4, str(first + 4), (first, first + 4), said, said)
        if role == current.role and not years and "半年" not in heading and not _TERM.search(heading) \
                and not (current.span and "今年" in heading):  # 三、做好今年后几个月工作 after five-year goals
            return self._new(start, role, current.year, current.period, current.span, said, current.period_basis)
        # the heading's own years, else the document's
        dated = said if years or part_of(heading) or _TERM.search(heading) else self._sections_default.period_basis
        if role == "actual":
            since = _SINCE.search(heading)
            if since and frame.report and int(since[1]) < frame.report and not self._plan:  # 2003年以来工作回顾
                return self._new(start, role, frame.report, str(frame.report), (int(since[1]), frame.report), said, said)
            if _TERM.search(heading) and frame.report and not self._plan:  # 过去五年工作回顾, 本届政府工作回顾
                last = years[-1] if years else frame.report
                return self._new(start, role, last, str(last), (last - 4, last), said, said)
            if self._plan and meta.report_years and not years:
                span = (meta.report_years[0], meta.report_years[-1])
                return self._new(start, role, span[1], str(span[1]), span, said, dated)
            year = years[0] if years else frame.report
            part = part_of(heading) or ""
            return self._new(start, role, year, f"{year}{part}" if year else None, None, said, dated)
        if self._plan and not years:
            return self._new(start, role, self._plan[1], str(self._plan[1]), self._plan, said, dated)
        year = years[0] if years else (frame.target or frame.report)
        return self._new(start, role, year, str(year) if year else None, None, said, dated)


    def _add_paragraphs(self, text: str) -> None:
        """刚刚过去的2025年,… / 五年来,… / “十五五”时期…: in a report (not a plan), a paragraph
        that opens naming the years it is about frames itself and the paragraphs after it,
        up to the next such paragraph or heading: one year, the five years reviewed, or
        a plan's span (its goals when it begins after the year reviewed)."""
        if self._plan:
            return
        longest: dict[int, tuple[str, re.Match]] = {}  # one lead a paragraph: the longest (五年来 over 五年)
        lines = _lines_holding(text, _LEAD_LINE)
        for kind, pattern in _LEADS:
            for m in _at_line_starts(text, pattern, lines):
                if m.start() not in longest or len(m[0]) > len(longest[m.start()][1][0]):
                    longest[m.start()] = (kind, m)
        for kind, pattern, words in (("five_years_mid", _MID_LEAD, _MID_LINE), ("year_mid", _MID_YEAR_LEAD, _MID_YEAR_LINE)):
            for match in _at_line_starts(text, pattern, _lines_holding(text, words)):
                lead = match.end() - len(match[0].rsplit("。", 1)[-1].lstrip(" \t\u3000"))
                longest.setdefault(lead, (kind, match))
        for match in _NAMED_FIVE.finditer(text):
            line = text.rfind("\n", 0, match.start()) + 1
            head = "\n" + text[line:match.start()] if match.start() - line <= 16 else text[match.start() - 16:match.start()]
            if _BEFORE_NAMED.search(head):
                longest.setdefault(match.start(), ("five_years_mid", match))
        added = []
        for start, (kind, match) in sorted(longest.items()):
            current = self.at(start)
            if kind == "five_years_mid" and (current.role != "actual" or current.span):
                continue
            if kind == "year_mid":
                framed = added[-1] if added and added[-1].start > current.start else current  # 五年来,… of its paragraph
                if not (framed.role == "actual" and framed.span):
                    continue  # only a five-year review's paragraph turns to the year after long sentences
            section = self._paragraph(match, {"five_years_mid": "five_years", "year_mid": "year"}.get(kind, kind), current)
            if section is not None:
                added.append(section)
        if added:
            self._sections = sorted([*self._sections, *added], key=lambda s: s.start)
            self._starts = [s.start for s in self._sections]

    def _paragraph(self, match: re.Match, kind: str, current: Section) -> Section | None:
        reviewed = current.year if current.role == "actual" else self._framing.report
        if reviewed is None:
            return None
        lead = _ADDRESS_AT.sub("", match[0].lstrip(" \t\u3000—")).rsplit("。", 1)[-1]
        said = Basis("paragraph", match.end() - len(lead), match.end())
        opening = kind == "year_opening"
        if opening:
            kind = "year"
        if kind in ("year", "this_year"):
            now = self._framing.now  # unknown in an undated annual plan report: 今年 is each section's year
            if kind == "this_year" and now is None:
                return None
            year = now if kind == "this_year" else int(next((y for y in match.groups() if y), reviewed))
            role = "target" if year > reviewed else "actual"
            if kind == "this_year" and _SO_FAR.match(self._text, said.start):
                role = "actual"  # 今年是…之年。刚刚过去的近八个月,…: this year so far, in a report given in the summer
            section = self._new(said.start, role, year, str(year), None, current.role_basis if role == current.role
                                else said, said)
            if opening and current.span and current.span[1] == year:
                # 2006年，…同比增长13%，年均增长12%: a term review's last year; its 年均 is over the term
                section = replace(section, term=current.span)
            return section
        if kind == "next_years":  # 未来五年,我们将…: the five years from the one the report plans
            first = self._framing.target or reviewed + 1
            return self._new(said.start, "target", first + 4, str(first + 4), (first, first + 4), said, said)
        if kind == "five_years" and current.role == "target" and current.span:
            span = (current.span[0] - 5, current.span[0] - 1)  # a plan's part opening on 过去的五年: the last plan
            return self._new(said.start, "actual", span[1], str(span[1]), span, said, said)
        if kind in ("five_years", "term_years"):
            if current.role != "actual":
                return None
            years = next((n + 1 for n, numeral in enumerate(_NUMERALS) if numeral + "年" in lead), 5)  # 四年来
            span = (reviewed - years + 1, reviewed)
        else:
            span = five_year_span(lead)
        role = "target" if span[0] > reviewed else "actual"
        return self._new(said.start, role, span[1], str(span[1]), span,
                         current.role_basis if role == current.role else said, said)

    def _add_inline(self, text: str) -> None:
        """今年主要预期目标是,… — a list of goals inside a paragraph or under a line."""
        added = []
        for match in _INLINE.finditer(text):
            head = max(text.rfind("。", 0, match.start()), text.rfind("\n", 0, match.start()), match.start() - 40) + 1
            if not text[match.end():match.end() + 2].strip() and match.start() - head > 40:
                continue  # a long line that ends in 目标 is prose, not the head of a list
            words = text[head:match.end()]
            if _DONE.search(words):
                continue  # 圆满完成全年目标任务: a result, not goals
            current = self.at(match.start())
            end = self._list_end(text, match.end())
            years = [int(y) for y in _YEAR.findall(words)]
            own = current.role == "target" or "年初" in words  # 年初确定的主要预期目标: the year under review
            year = years[-1] if years else (current.year if own else self._next_year(current))  # the nearest
            span = current.span if current.role == "target" else None
            said = Basis("goals", head + len(words) - len(words.lstrip()), match.end())
            dated = said if years else current.period_basis if own or not self._framing.target \
                else self._sections_default.period_basis
            # 今年…主要预期目标是 (also after 根据“十四五”规划,…): this year's, not the plan's
            this_year = not years and _THIS_YEAR.search(words) and self._framing.now
            if this_year:
                year, span, dated = self._framing.now, None, said
            plan = None if this_year else five_year_span(words) or _years_span(words) or self._next_five(words)
            if plan:  # “十四五”时期(2021年至2025年)的主要目标: the plan's goals
                year, span, dated = plan[1], plan, said
            added += [self._new(match.end(), "target", year, str(year) if year else None, span, said, dated),
                      replace(current, start=end)]
        if added:
            # A list that ends at a heading gives way to it: at one offset the heading comes last.
            self._sections = sorted([*added, *self._sections], key=lambda s: s.start)
            self._starts = [s.start for s in self._sections]

    def _add_results(self, text: str) -> None:
        """A document framed only by the year it plans (no review heading, no year
        reviewed) still reports results: a sentence with 同比, 比上年, 预计 … in its
        unheaded part is about the year before."""
        default = self._sections_default
        if default.role != "target" or default.span or not default.year:
            return
        year, added = default.year - 1, []
        for match in _RESULT.finditer(text):
            if self.at(match.start()) is not default or (added and match.start() < added[-1].start):
                continue
            head = max(text.rfind(c, 0, match.start()) for c in "。！？\n") + 1
            found = _ITEM_END.search(text, match.end())
            end = found.end() if found else len(text)
            if _GOAL_WORDS.search(text, head, end):
                continue  # 力争全年…同比增长8%: a goal
            said = Basis("sentence", match.start(), match.end())
            added += [self._new(head, "actual", year, str(year), None, said, default.period_basis),
                      replace(default, start=end)]
        if added:
            self._sections = sorted([*self._sections, *added], key=lambda s: s.start)
            self._starts = [s.start for s in self._sections]

    def _list_end(self, text: str, start: int) -> int:
        """Where a list of goals ends: the next heading, a sentence that reports a
        result, or a paragraph that does not open with a goal (为实现上述目标…)."""
        limit = min(len(text), start + _LIST_CHARS, self._next_heading(start))
        pos, first, new_paragraph = start, True, False
        while pos < limit:
            found = _ITEM_END.search(text, pos, limit)
            end = found.start() if found else limit
            item = text[pos:end]
            if item.strip():
                # ——经济实力显著增强。地区生产总值年均增长6%…: a titled paragraph is judged by all of it
                judged = text[pos:text.find("\n", end) % (limit + 1)] if _TITLED.match(item) else item
                if not first and (_RESUMED.search(item) or new_paragraph and not _is_goal(judged)):
                    return pos
                first = new_paragraph = False
            new_paragraph = new_paragraph or (found is not None and found[0] == "\n")
            pos = end + 1
        return limit

    def _next_heading(self, pos: int) -> int:
        index = bisect_right(self._starts, pos)
        return self._starts[index] if index < len(self._starts) else len(self._text)

    def _next_five(self, words: str) -> tuple[int, int] | None:
        """未来五年,…主要预期目标是: the five years from the one the report plans."""
        first = self._framing.target or (self._framing.report + 1 if self._framing.report else None)
        return (first, first + 4) if first and not self._plan and _NEXT_FIVE.search(words) else None

    def _next_year(self, current: Section) -> int | None:
        if self._framing.target:
            return self._framing.target
        return current.year + 1 if current.year else None


def _is_goal(item: str) -> bool:
    """A sentence that states a goal: it names an indicator or a qualitative goal."""
    return bool(catalogue.mentions(item) or _QUALITATIVE.search(item))


def _years_span(words: str) -> tuple[int, int] | None:
    """2021年至2025年, 2021-2025年: a span of years named in a line."""
    found = _SPAN.search(words)
    return (int(found[1]), int(found[2])) if found else None


def _plan_span(text: str | None) -> tuple[int, int] | None:
    if not text or "-" not in text:
        return None
    first, last = text.split("-", 1)
    return int(first), int(last)
