"""Where a statement stands: the role and period its section gives it.

A report reviews one period and plans the next; its headings say which is which
("一、2023年…计划执行情况", "二、2024年…目标及主要任务", "一、上半年计划执行情况",
"第一节 发展基础" of a five-year plan). Lines that end with a colon and name a
goal ("2024年经济社会发展的主要目标预安排:"), and short unnumbered lines followed
by prose ("2024年工作安排"), open a section too; so does an inline list of goals
("今年主要预期目标是:…。"), up to the end of its sentence.
`Sections(document).at(pos)` gives the Section in force at an offset;
`document.meta` is only the fallback when the headings don't say.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from ..documents import Document

_HEADING = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+[章节篇]|[（(][一二三四五六七八九十]+[)）])"
    r"[^\n。]{0,60}$|^[ \t\u3000]*[^\n。，,;；]{2,50}[:：][ \t\u3000]*$"
    r"|^[ \t\u3000]*(?P<plain>[^\n。，,;；:：|]{4,30})[ \t\u3000]*$",
    re.M,
)
_INLINE = re.compile(r"(?:预期目标|主要目标|发展目标|目标任务)(?:是|为)?[:：]")
_PROSE_LINE = re.compile(r"[ \t\u3000\n]*[^\n]{40}")
_ACTUAL = re.compile(r"执行情况|完成情况|运行情况|回顾|发展基础|主要成就|发展成就|主要成绩|工作总结|取得的成[绩就]|过去[一五]年")
_REPORTED = re.compile(r"执行情况|完成情况")
_TARGET = re.compile(r"计划|目标|安排|任务|草案|预期|展望|工作重点|总体要求")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_FIVE_YEAR = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020),
              "十四五": (2021, 2025), "十五五": (2026, 2030)}


@dataclass(frozen=True)
class Section:
    """What a section states: role, the year it is about, its own period
    (2017H1 for a half-year review), and the span of a five-year plan part."""

    start: int
    role: str
    year: int | None
    period: str | None
    span: tuple[int, int] | None = None


def span_text(span: tuple[int, int]) -> str:
    return f"{span[0]}-{span[1]}"


def five_year_span(words: str) -> tuple[int, int] | None:
    """十三五 -> (2016, 2020)."""
    for name, span in _FIVE_YEAR.items():
        if name in words:
            return span
    return None


class Sections:
    def __init__(self, document: Document):
        meta = document.meta
        self._meta = meta
        self._plan = _plan_span(meta.plan_span)
        self._sections_default = self._default(document)
        self._sections = [self._sections_default, *self._headings(document.text)]
        self._starts = [s.start for s in self._sections]
        self._add_inline(document.text)

    def at(self, pos: int) -> Section:
        return self._sections[bisect_right(self._starts, pos) - 1]

    def _default(self, document: Document) -> Section:
        meta = self._meta
        if self._plan:
            return Section(0, "target", self._plan[1], str(self._plan[1]), self._plan)
        if meta.report_years:
            year = meta.report_years[-1]
            half = "H1" if meta.doc_type == "midyear_report" else ""
            return Section(0, "actual", year, f"{year}{half}")
        year = meta.target_years[0] if meta.target_years else None
        return Section(0, "target", year, str(year) if year else None)

    def _headings(self, text: str):
        current = self._sections_default
        for match in _HEADING.finditer(text):
            if match["plain"] and not (_YEAR.search(match["plain"]) and _PROSE_LINE.match(text, match.end())):
                continue  # a short line is a heading only when it names a year and prose follows
            section = self._section(match.start(), match[0].strip(), current)
            if section is not None:
                current = section
                yield section

    def _section(self, start: int, heading: str, current: Section) -> Section | None:
        meta = self._meta
        topic = heading[0] in "(（"  # (二)夯实发展基础: a topic heading; only 完成情况 makes it a review
        if (_REPORTED if topic else _ACTUAL).search(heading):
            role = "actual"
        elif _TARGET.search(heading) and not topic:
            role = "target"
        else:
            return None
        years = [int(y) for y in _YEAR.findall(heading)]
        if role == current.role and not years and "半年" not in heading and "五年" not in heading:
            return Section(start, role, current.year, current.period, current.span)
        if role == "actual":
            if "五年" in heading and meta.report_years and not self._plan:  # 过去五年工作回顾
                last = years[-1] if years else meta.report_years[-1]
                return Section(start, role, last, str(last), (last - 4, last))
            if self._plan and meta.report_years and not years:
                span = (meta.report_years[0], meta.report_years[-1])
                return Section(start, role, span[1], str(span[1]), span)
            year = years[0] if years else (meta.report_years[-1] if meta.report_years else None)
            half = "H1" if "上半年" in heading else ""
            return Section(start, role, year, f"{year}{half}" if year else None)
        if self._plan and not years:
            return Section(start, role, self._plan[1], str(self._plan[1]), self._plan)
        year = years[0] if years else (meta.target_years[0] if meta.target_years else None)
        if year is None and meta.report_years:
            year = meta.report_years[-1]
        return Section(start, role, year, str(year) if year else None)


    def _add_inline(self, text: str) -> None:
        """今年主要预期目标是:…。 — a list of goals inside a paragraph."""
        added = []
        for match in _INLINE.finditer(text):
            head = max(text.rfind("。", 0, match.start()), text.rfind("\n", 0, match.start()), match.start() - 40) + 1
            words = text[head:match.end()]
            end = text.find("。", match.end())
            end = len(text) if end < 0 else end
            current = self.at(match.start())
            years = [int(y) for y in _YEAR.findall(words)]
            year = years[0] if years else (current.year if current.role == "target" else self._next_year(current))
            added += [Section(match.end(), "target", year, str(year) if year else None,
                              current.span if current.role == "target" else None),
                      replace(current, start=end)]
        if added:
            self._sections = sorted([*self._sections, *added], key=lambda s: s.start)
            self._starts = [s.start for s in self._sections]

    def _next_year(self, current: Section) -> int | None:
        meta = self._meta
        if meta.target_years:
            return meta.target_years[0]
        return current.year + 1 if current.year else None


def _plan_span(text: str | None) -> tuple[int, int] | None:
    if not text or "-" not in text:
        return None
    first, last = text.split("-", 1)
    return int(first), int(last)
