"""A statement's role and period, decided by one order of evidence, with its trail.

The order, strongest first (planwatch/data/grammar.yaml `evidence`, one table
with the confidence each step gives):

    sentence   period or role words in the statement's own sentence (上半年, 2030年, 五年累计, 比2020年)
    clause     words of the value's clause: goal words (目标, 计划 …; "——目标:预计…"), an average (年均)
    goals      the list of goals it stands in (今年主要预期目标是: …)
    paragraph  the years its paragraph opens with (刚刚过去的2025年, 五年来, “十五五”时期 …)
    column     a table column's header (2023年目标, 上半年完成)
    heading    the heading of its section (一、2023年计划执行情况)
    title      the document's title or opening lines (2024年政府工作报告, 刚刚过去的2023年)
    metadata   the document's type and years as read on loading
    dateline   the date it was given (2016-04-28)

Sections (context.py) carry what a list of goals, a paragraph's lead, a heading
and the document-wide steps say, each with its Basis; tables (tables/header.py)
carry a column's. `resolve` walks the steps a statement has, the strongest that
speaks deciding, and returns the role and period with the Basis of each: the
rule and the span of the words that decided. `confidence(fact)` is the lower of
the two steps'.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from .context import Section, span_text
from ..model import Basis, Fact
from .grammar import alternation, grammar
from .periods import Mark

_G = grammar()
ORDER = tuple(step.rule for step in _G.evidence)
_CONFIDENCE = {step.rule: step.confidence for step in _G.evidence}
_TARGET = re.compile(alternation(w for w in _G.target_words if w not in _G.stretch_words))
_THROUGHOUT = re.compile(rf"{alternation(_G.throughout_words)}|(?:{alternation(_G.average_before_value)})\s*$")
_HELD = re.compile(alternation(_G.held_words))  # 稳定在1100亿斤以上: held through the span
_HELD_RESULT = re.compile(alternation(_G.held_result_words))  # 控制在4%以内: so in a review, not in a plan's goals
_AVERAGE = re.compile(r"年均|平均")
_AVERAGE_CHANGE = re.compile(rf"年均(?:{alternation(_G.up + _G.down)})")  # 年均提高1.5个百分点 (not 平均水平, PM2.5年均值)
_NUMERALS = "一两三四五六七八九十"
_RUN = re.compile(rf"(?:{alternation(_G.run_words)})\s*([1-9]|[{_NUMERALS}])\s*年")  # 连续3年


def says(rule: str) -> str:
    """What a rule reads, in words."""
    return next(step.says for step in _G.evidence if step.rule == rule)


def confidence(fact: Fact) -> float | None:
    """The lower of the confidences of the steps that decided role and period."""
    steps = [b.rule for b in (fact.role_basis, fact.period_basis) if b is not None]
    return min(_CONFIDENCE[rule] for rule in steps) if steps else None


class Where(NamedTuple):  # a tuple: cheap to build, one for every statement
    """What surrounds a statement: its section, the words of its sentence and of its
    clause up to the value (with their offsets in the text), and its period marks."""

    section: Section
    sentence: str
    sentence_start: int
    clause: str
    clause_start: int
    name: tuple[int, int]          # the indicator name's span (its words are no goal words: 人均预期寿命)
    marks: tuple[Mark, ...]        # period marks before the value: the sentence's, then the paragraph's span
    bullet_target: tuple[int, int] | None  # the ":预计" after a "——目标:预计…" bullet's target

    @property
    def clause_words(self) -> str:
        """The clause without the name (人均预期寿命 holds 预期, not a goal word)."""
        start, end = (max(0, i - self.clause_start) for i in self.name)
        return self.clause[:start] + "…" + self.clause[end:] if end > start else self.clause

    def outside_name(self, pattern: re.Pattern) -> Basis | None:
        """The first words of the clause matching pattern outside the name (PM2.5年均浓度 holds 年均)."""
        for found in pattern.finditer(self.clause):
            start = self.clause_start + found.start()
            if not (self.name[0] < start + len(found[0]) and start < self.name[1]):
                return Basis("clause", start, start + len(found[0]))
        return None

    def goal_word(self) -> Basis | None:
        """A goal word of the clause outside the name."""
        if found := self.outside_name(_TARGET):
            return found
        if self.bullet_target:
            return Basis("clause", *self.bullet_target)
        return None


class Resolved(NamedTuple):  # a tuple: cheap to build, one for every statement
    role: str
    period: str | None
    cumulative: bool
    role_basis: Basis | None
    period_basis: Basis | None


def resolve(where: Where, measure: str, cumulative: bool, flow: bool = False) -> Resolved:
    """Role, period and cumulative of a statement: the section's, unless the clause's
    goal words or the sentence's period words say otherwise. `flow`: the indicator
    adds up over time (新增…), so a level of it over a span is the span's total."""
    section = where.section
    role, role_basis = section.role, section.role_basis
    period, period_basis = section.period, section.period_basis
    span, span_basis = section.span, section.period_basis
    goal = where.goal_word() if role == "actual" else None
    if goal is not None:
        role, role_basis = "target", goal
        if section.year and section.period and not section.span:
            period = str(section.year)  # a full-year target stated in a half-year review
    mark = where.marks[-1] if where.marks else None
    if mark is not None:
        ended = _since_until(where.marks)
        local = replace(section, span=None, year=ended) if ended else section
        marked_role, marked, span = _marked(mark, local, role, span)
        said = Basis("sentence", mark.start, mark.end)
        if marked_role != role:
            role, role_basis = marked_role, said
        if marked:
            period, period_basis = marked, said
        if mark.is_span and marked and "-" in marked:
            span_basis = said
    average = where.outside_name(_AVERAGE)
    averaged = average if measure == "growth" else measure == "change" and where.outside_name(_AVERAGE_CHANGE)
    if span is None and period and averaged:
        span = _averaged_over(period, section)  # 2020年…,年均增长7.8% (年均提高1.5个百分点): an average over the plan's years
        span_basis = averaged
    if span is not None and (mark is None or mark.is_span or measure == "growth" or averaged):
        throughout = _THROUGHOUT.search(where.clause) or _HELD.search(where.clause) \
            or role == "actual" and _HELD_RESULT.search(where.clause)
        if measure != "level" or cumulative or throughout or flow:
            period = span_text(_run(where.clause, span))
            cumulative = cumulative or (measure != "level" or flow and not throughout) and not average
        else:
            period = str(span[1])  # a level at the end of a span
        period_basis = span_basis
    return Resolved(role, period, cumulative, role_basis, period_basis)


def _run(clause: str, span: tuple[int, int]) -> tuple[int, int]:
    """连续3年保持100% over a five-year span: its last three years."""
    run = _RUN.search(clause)
    years = run and (int(run[1]) if run[1].isdigit() else _NUMERALS.index(run[1]) + 1)
    return (span[1] - years + 1, span[1]) if years and years < span[1] - span[0] + 1 else span


def _since_until(marks: tuple[Mark, ...]) -> int | None:
    """到2020年底,…同比2015年增长60%: a growth since a year up to the year the
    sentence named before it, not to the section's."""
    since = marks[-1]
    if since.kind != "since":
        return None
    years = [int(m.words) for m in marks[:-1] if m.kind == "year" and int(m.words) > int(since.words)]
    return years[-1] if years else None


def _averaged_over(period: str, section: Section) -> tuple[int, int] | None:
    """The years an average growth stated with one year covers: the section's plan
    when the year ends it, else the five-year plan that year closes (2020: 2016-2020)."""
    for years in (section.span, section.term):
        if years and period == str(years[1]):
            return years
    if period.isdigit() and int(period) % 5 == 0:
        return int(period) - 4, int(period)
    return None


def _marked(mark: Mark, section: Section, role: str,
            span: tuple[int, int] | None) -> tuple[str, str | None, tuple[int, int] | None]:
    """(role, the mark's period or None, span) once a period mark is read: an explicit
    year before the year under review is a result, one after it a target."""
    marked, override = mark.resolve(section)
    role = override or role
    if mark.kind in ("year", "year_part") and section.year:
        year = int(mark.words)
        if role == "actual" and year > section.year:
            role = "target"
        elif role == "target" and year < section.year and not span:
            role = "actual"
    if role == "target" and span and marked and int(marked.split("-")[-1][:4]) < span[0]:
        role = "actual"  # 2020年… or “十三五”期间… in a plan for 2021-2025: before the plan began
    if mark.is_span and marked and "-" in marked:
        first, last = marked.split("-")
        span = (int(first), int(last))
    elif mark.kind != "this_year":
        span = None
    return role, marked, span
