"""What each value column of an indicator table means: role, period, measure.

A header may have two levels (2016 … 2020 over 总量 | 增速; 2023年完成情况
over 绝对值 | 增速). Without colspans (a flattened table) the sub-labels sit
under the last groups that are not targets, because the first groups (2020年,
年均增长) span both header rows. Labels without a role word are read against
the plan span and the kind of table: in a completion table the run of yearly
columns holds results and the end year before it the target; in a plan
outline the year before the span is the base and its end year the target.
A label with a role word but no year is for the year before the plan's span
(基期值) or for its end year (规划目标, 实际完成); one with a measure word
only (绝对数, 比上年增长) is the result of the year the table reports on.
A verdict column (完成情况, 是否完成, 评价) holds no values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...documents import Cell
from ...model import Basis
from ..framing import five_year_span, part_of
from ..grammar import alternation, grammar

YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
SPAN = re.compile(r"((?:19|20)[0-9]{2})\s*(?:年)?\s*[-—–~～至到]+\s*((?:19|20)[0-9]{2})")
PLAN = re.compile(alternation([*grammar().five_year_plans, *grammar().plan_ordinals]))
_WORDS = grammar().column_words
TARGET = re.compile(alternation(_WORDS["target"]))
ACTUAL = re.compile(alternation(_WORDS["actual"] + grammar().estimate_words))  # 预计 (an estimate) is a result
ESTIMATED = re.compile(alternation(grammar().estimate_words))
BASELINE = re.compile(alternation(_WORDS["baseline"]))
GROWTH = re.compile(alternation(_WORDS["growth"]))
LEVEL = re.compile(alternation(_WORDS["level"]))
# The plan's own verdict on a row (完成 / 未完成 …), read into `assessment`, not a value column.
VERDICT = r"(?:完成|执行|实施|达标|进展)情况(?:评[估价])?|是否(?:完成|达标|实现)|(?:完成)?评[估价](?:结果)?"
NOT_VALUE = re.compile(
    r"序号|指标(?:名称)?|名称|项目|(?:计量)?单位|(?:指标)?属性|性质|(?:责任|牵头|主责)(?:单位|部门)|备注|类别|" + VERDICT)
PROGRESS = re.compile(r"进度|率|比例|程度|百分比")
COMPLETION = re.compile(r"完成情况|执行情况|实施情况|完成表")


@dataclass(frozen=True)
class Column:
    role: str
    period: str
    measure: str | None = None   # level | growth; None: the cell decides
    estimated: bool = False
    span: bool = False           # a multi-year period (年均增长, 累计)
    rates: bool = False          # the label says its values are rates (2023年目标(%), 预期目标(增速))
    role_basis: Basis | None = None    # the label that gave its role and its period (resolve.py)
    period_basis: Basis | None = None


UNREAD = Column("", "")     # a value column whose meaning the header does not give


@dataclass(frozen=True)
class Group:
    """Columns under one top label: one leaf, or a pair such as 总量 | 增速."""

    leaves: tuple[Column, ...]


@dataclass(frozen=True)
class Context:
    span: tuple[int, int] | None   # the plan's years, e.g. (2016, 2020)
    completion: bool               # a table of results against a plan
    units: tuple[str, ...]         # units listed in the title
    indicators: bool = False       # the title calls it an indicator table (主要指标)
    year: int | None = None        # the one year the table reports on (a communique's 绝对数 | 比上年增长)
    basis: Basis | None = None     # what gave span and year: the table's title, else the document's


def plan_span(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    found = five_year_span(text)
    if found:
        return found
    span = SPAN.search(text)
    return (int(span[1]), int(span[2])) if span else None


def span_text(span: tuple[int, int]) -> str:
    return f"{span[0]}-{span[1]}"


def is_value_label(text: str) -> bool:
    text = re.sub(r"\s+", "", text)
    if not text or (NOT_VALUE.fullmatch(text) is not None):
        return False
    return bool(YEAR.search(text) or PLAN.search(text) or TARGET.search(text) or ACTUAL.search(text)
                or BASELINE.search(text) or GROWTH.search(text) or LEVEL.search(text))


def value_labels(header: list[list[Cell]]) -> list[Cell]:
    """The top header row's labels of value columns, one per group."""
    return [c for c in header[0] if is_value_label(c.text)] if header else []


def groups(header: list[list[Cell]], context: Context) -> list[Group]:
    """The value column groups of a header, left to right."""
    if not header:
        return []
    tops = value_labels(header)
    subs = [re.sub(r"\s+", "", c.text) for row in header[1:] for c in row if is_value_label(c.text)]
    widths = _widths(tops, subs)
    labelled, cursor = [], 0
    for top, width in zip(tops, widths):
        labelled.append((re.sub(r"\s+", "", top.text), subs[cursor:cursor + width] if width > 1 else []))
        cursor += width if width > 1 else 0
    return [_based(group, top, label, subs, context)
            for group, top, (label, subs) in zip(_resolve(labelled, context), tops, labelled)]


def _based(group: Group, top: Cell, label: str, subs: list[str], context: Context) -> Group:
    """The group with what decided each column: its label, and for the period the
    label's own years, else the table's title or document (全年目标 under 2023年…)."""
    said = Basis("column", top.start, top.end)
    dated = any(YEAR.search(words) or PLAN.search(words) or part_of(words) for words in (label, *subs))
    period = said if dated else context.basis
    return Group(tuple(replace(leaf, role_basis=said, period_basis=period) if leaf.role else leaf
                       for leaf in group.leaves))


def header_span(header: list[list[Cell]]) -> tuple[int, int] | None:
    """A five-year plan's span from its header: the base year and the year five later (2020年, 2025年)."""
    years = {int(y) for row in header for c in row for y in YEAR.findall(c.text)}
    found = [(year + 1, year + 5) for year in sorted(years) if year + 5 in years]
    return found[0] if len(found) == 1 else None


def with_group_label(header: list[list[Cell]]) -> list[list[Cell]] | None:
    """The header with a bare role label joined to the year label after it,
    as one column (规划目标 over 2020年, written on one line); None when it
    has no such pair."""
    top = header[0]
    for index, (cell, after) in enumerate(zip(top, top[1:])):
        label, next_label = re.sub(r"\s+", "", cell.text), re.sub(r"\s+", "", after.text)
        if _bare_role(label) and YEAR.search(next_label) and _role_words(next_label) is None:
            joined = Cell(label + next_label, cell.start, after.end)
            return [top[:index] + [joined] + top[index + 2:], *header[1:]]
    return None


def _bare_role(label: str) -> bool:
    """基期值, 规划目标, 实际完成: a role and nothing else (完成进度, 完成率 measure the plan, not the indicator)."""
    return (_role_words(label) is not None and not YEAR.search(label) and not GROWTH.search(label)
            and PROGRESS.search(label) is None)


def _role_words(label: str) -> str | None:
    for role, words in (("baseline", BASELINE), ("target", TARGET), ("actual", ACTUAL)):
        if words.search(label):
            return role
    return None


def _widths(tops: list[Cell], subs: list[str]) -> list[int]:
    """Leaves under each top label: its colspan, else sub-labels under the
    last run of labels that are not targets (a year's results are split into
    总量 | 增速, a target seldom is: 2023年完成情况 | 2024年目标 over 总量 | 增速)."""
    if any(c.colspan > 1 for c in tops):
        return [c.colspan for c in tops]
    unit = _repeating_unit(subs)
    if not unit or len(subs) // unit > len(tops):
        return [1] * len(tops)
    paired = len(subs) // unit
    end = len(tops)
    while end > paired and _role_words(re.sub(r"\s+", "", tops[end - 1].text)) == "target":
        end -= 1
    if any(_role_words(re.sub(r"\s+", "", c.text)) == "target" for c in tops[end - paired:end]):
        end = len(tops)
    return [1] * (end - paired) + [unit] * paired + [1] * (len(tops) - end)


def _repeating_unit(subs: list[str]) -> int:
    for size in range(1, len(subs) + 1):
        if len(subs) % size == 0 and subs == subs[:size] * (len(subs) // size):
            return size
    return 0


def _resolve(labelled: list[tuple[str, list[str]]], context: Context) -> list[Group]:
    series, first = _series_years(labelled)
    result = []
    for index, (label, subs) in enumerate(labelled):
        column = _column(label, index < first, series, context)
        if column is None and result and _sub_measure(label):
            before = result[-1].leaves[-1]      # 2023年完成 | 增长(%): the growth of that year
            column = Column(before.role, before.period, _sub_measure(label), before.estimated, before.span)
        if column is not None and column.span and result and result[-1].leaves[-1].role == "actual" \
                and _role_words(label) is None:
            before = result[-1].leaves[-1]      # 2020年完成 | 年均增长: the growth achieved over the span
            column = replace(column, role="actual", estimated=before.estimated)
        if column is None and context.year is not None and _sub_measure(label) and not re.search(r"年均|累计", label):
            column = Column("actual", str(context.year), _sub_measure(label))     # 绝对数 | 比上年增长
        if subs and (column is None or not YEAR.search(label)):
            # 规划目标 over 2020年 | 年均增长: the top gives the role, each sub-label its period
            leaves = tuple(_measured(_column(label + sub, index < first, series, context), sub) for sub in subs)
            result.append(Group(leaves))
            continue
        if column is None:
            column = UNREAD     # kept, so that the cells after it stay in their columns
        if subs:
            leaves = tuple(Column(column.role, column.period, _sub_measure(s), column.estimated, column.span)
                           for s in subs)
        else:
            leaves = (column,)
        result.append(Group(leaves))
    return result


def _measured(column: Column | None, sub: str) -> Column:
    """A sub-label's column, its measure from the sub-label (总量, 增速) where its own gives none."""
    if column is None:
        return UNREAD
    return column if column.measure is not None else replace(column, measure=_sub_measure(sub))


def _sub_measure(label: str) -> str | None:
    if GROWTH.search(label):
        return "growth"
    return "level" if LEVEL.search(label) else None


def _series_years(labelled: list[tuple[str, list[str]]]) -> tuple[set[int], int]:
    """Years of the run of consecutive yearly columns (2016, 2017 … 2020), and
    the index of its first column."""
    years = []
    for label, _ in labelled:
        bare = YEAR.fullmatch(re.sub(r"年度?$", "", label))
        years.append(int(bare[1]) if bare else None)
    best, best_start, run, run_start = [], 0, [], 0
    for index, year in enumerate(years):
        if year is not None and run and year == run[-1] + 1:
            run.append(year)
        else:
            run, run_start = ([year] if year else []), index
        if len(run) > len(best):
            best, best_start = list(run), run_start
    return (set(best), best_start) if len(best) >= 3 else (set(), len(labelled))


def _column(label: str, before_series: bool, series: set[int], context: Context) -> Column | None:
    span = plan_span(label) or (context.span if GROWTH.search(label) or "累计" in label else None)
    years = [int(y) for y in YEAR.findall(label)]
    estimated = ESTIMATED.search(label) is not None
    growth = "growth" if re.search(r"年均|累计", label) else None
    if span is not None and (len(years) != 1 or growth):
        return Column(_role(label, None, series, context, span_label=True), span_text(span), growth, estimated, True)
    if not years and span is None and context.span is not None and _bare_role(label):
        # 基期值: the year before the span; 规划目标, 实际完成: its end year
        role = _role_words(label)
        return Column(role, str(context.span[0] - 1 if role == "baseline" else context.span[1]), None, estimated)
    if not years and span is None and context.span is None and context.year is not None and _bare_role(label):
        # 全年目标 | 全年完成 under a title naming one year: that year's target and result;
        # 上半年完成: the result of that part of the year
        return Column(_role_words(label), f"{context.year}{part_of(label) or ''}", None, estimated)
    if len(years) != 1:
        return None
    year = years[0]
    role = _role(label, year, series, context, span_label=False)
    if role == "actual" and before_series and year in series:
        role = "target"     # the plan's end year, stated before the yearly results
    rates = re.search("[%％]", label) is not None or _sub_measure(label) == "growth"
    return Column(role, f"{year}{part_of(label) or ''}", None, estimated, rates=rates)


def _role(label: str, year: int | None, series: set[int], context: Context, span_label: bool) -> str:
    said = _role_words(label)
    if said is not None:
        return said
    if span_label:
        return "target"
    start, end = context.span or (None, None)
    if start is not None and year is not None and year < start:
        return "baseline"
    if context.completion:
        return "actual" if year in series or not series else "target"
    return "target" if end is not None and year is not None and year >= end else "actual"
