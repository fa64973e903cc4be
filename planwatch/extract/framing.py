"""The years a document is about, also when its title does not say.

    framing(text, meta) -> Framing(report, target, now, part, written)

The metadata (planwatch.documents.metadata) reads titles and headings. News
reprints, summaries and excerpts often have none, so the text itself is read, most
telling evidence first: 刚刚过去的2015年 / 2015年工作回顾 (the year reviewed),
今年(2024年) (the year planned), a title line with a year (酉阳县2025年一季度经济运行情况
reviews the first quarter; 2018年…政府工作摘要 reviews 2017 and plans 2018;
2024年…工作要点 only plans), a dated line (2016-04-28 or 28.04.2016: a report
given in January plans that year, one given in December reviews it; a release on
运行/数据 dated after March reviews the year it is dated in), and last a
year in the opening sentence, or, after a session lead without its year (1月21日,…
人民代表大会第四次会议开幕), the first year the head reports on. A placeholder
(20XX年) is no year: no facts rather than wrong ones.

    reframed(document) -> Document

The metadata's guess, checked against the title: a plan only when a title line
names one (not a communique's passing 十四五规划), the plan the title names, and a
work report's year as its title states it (…全面完成, …半年完成情况, …目标任务分解表).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..documents import Document, DocumentMeta
from ..model import Basis
from .grammar import alternation, grammar, placeheld

_HEAD = 600
_Y = r"((?:19|20)\d\d)\s*年"
_DATED = re.compile(r"((?:19|20)\d\d)\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*\d{1,2}"
                    r"|(?<![\d.])\d{1,2}\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])")  # 28.04.2016
_MEETING = re.compile(r"人民代表大会[^。\n]{0,12}次会议")  # 1月21日,…第四次会议开幕: a report's session
_TITLE_LINE = re.compile(rf"^[\s—\-《【■]*[^\n。,，;；:：]{{0,20}}?{_Y}[^\n。,，;；:：]{{0,30}}$", re.M)
_MONTHS = re.compile(r"(?<![0-9])1\s*[-—~至]\s*(1[01]|[2-9])\s*月")  # 1-11月: a release on months 1 to 11
_HEAD_LINE = re.compile(r"^[^\n。，,；;]{2,80}$", re.M)  # a title line, not a sentence
_OPENING = re.compile(r"(?<![0-9])((?:19|20)\d\d)\s*年(?![0-9月]|远景|前|底|以前)")


_G = grammar()
_D = _G.document_years
_REVIEWED = re.compile(placeheld(_D["reviewed"]))
_THIS_YEAR = re.compile(placeheld(_D["this_year"]))
_PLANNING = re.compile(alternation(_D["planning_titles"]))
_GOALS_ONLY = re.compile(alternation(_D["goals_only_titles"]))
_RELEASE = re.compile(alternation(_D["release_titles"]))
_PLAN_NAME = re.compile(alternation(_D["plan_titles"]))
_WORK_TITLE = re.compile(rf"{_Y}[^。]*?(?:(?P<done>{alternation(_D['done_titles'])})|(?P<goals>{alternation(_D['split_titles'])}))")
# a part word or a word that holds one without naming a part (下半年, 半年以来): the longer wins
_PARTS = re.compile(alternation([*_D["title_parts"], *_D["not_parts"]]))
_SESSION_REPORT = re.compile(alternation(_G.session_report_words))
_PLAN_NAMES = re.compile(alternation([*_G.five_year_plans, *_G.plan_ordinals]))


@dataclass(frozen=True)
class Framing:
    report: int | None   # the year whose results it reports
    target: int | None   # the year it sets goals for
    now: int | None      # the year "今年" means: when it was written
    part: str | None     # Q1 | H1 | M1-9: a release on part of the report year
    written: int | None = None  # the year of its date line
    basis: Basis | None = None  # what gave report and target: title, metadata or date line


def reframed(document: Document) -> Document:
    """The metadata's years, checked against the title's own words."""
    meta, head = document.meta, document.text[:_HEAD]
    if meta.doc_type == "plan_outline" and not _PLAN_NAME.search(meta.title or "") and _PLAN_NAME.search(head) \
            and not any(_PLAN_NAME.search(line) for line in _HEAD_LINE.findall(head)):
        # a communique that opens 2024年,是实现"十四五"规划目标任务关键的一年 only mentions a plan
        return replace(document, meta=replace(meta, doc_type="other", report_years=[], target_years=[], plan_span=None))
    if meta.doc_type == "plan_outline":
        return _titled_plan(document)
    if meta.doc_type == "work_report":
        titled = next(filter(None, map(_WORK_TITLE.search, _HEAD_LINE.findall(head[:200]))), None)
        if titled and titled["done"]:  # 政府工作报告摘要:2021年…全面完成, …目标任务半年完成情况: its results
            return replace(document, meta=replace(meta, report_years=[int(titled[1])], target_years=[]))
        if titled and titled["goals"]:  # 2022年…政府工作报告…预期目标任务分解表: its goals only
            return replace(document, meta=replace(meta, report_years=[], target_years=[int(titled[1])]))
    return document


def _titled_plan(document: Document) -> Document:
    """The plan its title names (十四五规划纲要), not the last one its review mentions."""
    meta = document.meta
    title = next((line for line in _HEAD_LINE.findall(document.text[:_HEAD]) if _PLAN_NAME.search(line)), "")
    span = five_year_span(title)
    if span is None or meta.plan_span == f"{span[0]}-{span[1]}":
        return document
    return replace(document, meta=replace(meta, plan_span=f"{span[0]}-{span[1]}",
                                          target_years=list(range(span[0], span[1] + 1)),
                                          report_years=list(range(span[0] - 5, span[0]))))


def five_year_span(words: str) -> tuple[int, int] | None:
    """十三五, 第十三个五年规划 -> (2016, 2020)."""
    found = _PLAN_NAMES.search(words)
    return _G.five_year_plans[_G.plan_ordinals.get(found[0], found[0])] if found else None


def framing(text: str, meta: DocumentMeta) -> Framing:
    head = text[:_HEAD]
    dated, dated_at = _dated(head)
    if meta.report_years or meta.target_years:
        report = meta.report_years[-1] if meta.report_years else None
        target = meta.target_years[0] if meta.target_years else None
        part, basis = None, _titled(text, head, meta)
        session = _SESSION_REPORT.search(head)
        if report and not target and session:  # 向大会报告政府工作 with its review's year: it plans the next
            target, basis = report + 1, Basis("title", session.start(), session.end())
    else:
        report, target, part, basis = _from_text(head, dated, dated_at)
    # a report is given in the year it reviews or plans; a date of another year is a repost's
    given = {year for year in (report, target) if year}
    if report and not target and meta.doc_type != "communique":
        given.add(report + 1)  # a review given early in the next year (a communique's 今年 is its year)
    now = dated[0] if dated and dated[0] in given else target or report
    if not dated and meta.doc_type == "annual_report":
        now = None  # given in December or January: 今年 is the section's year
    return Framing(report, target, now, part, dated[0] if dated else None, basis)


def _titled(text: str, head: str, meta: DocumentMeta) -> Basis:
    """What gave the metadata's years: the words it read them from (a title line, a
    heading 2019年工作回顾, the date line), else an opening line that names them (or
    its plan), else the metadata itself."""
    if meta.years_read:
        rule, words = meta.years_read
        start = text.find(words)  # a title read from a file name or a YAML header has no span
        return Basis(rule, start, start + len(words)) if start >= 0 else Basis(rule)
    years = [str(y) for y in (*meta.report_years, *meta.target_years)]
    for line in _HEAD_LINE.finditer(head[:200]):
        if any(y in line[0] for y in years) or meta.plan_span and five_year_span(line[0]):
            return Basis("title", line.start(), line.end())
    return Basis("metadata")


_Years = tuple[int | None, int | None, str | None, Basis | None]


def _from_text(head: str, dated: tuple[int, int] | None, dated_at: Basis | None) -> _Years:
    reviewed = _REVIEWED.search(head)
    if reviewed:
        year = int(next(y for y in reviewed.groups() if y))
        return year, year + 1, None, Basis("title", reviewed.start(), reviewed.end())
    this_year = _THIS_YEAR.search(head)
    if this_year:
        year = int(this_year[1])
        return year - 1, year, None, Basis("title", this_year.start(), this_year.end())
    titled = _from_title(head)
    if titled:
        return titled
    part = part_of(head[:head.find("\n")]) if "\n" in head else None
    title = head[:head.find("\n") + 1]
    if dated and (part or dated[1] > 3 and _RELEASE.search(title) and not _PLANNING.search(title)):
        return dated[0], None, part, dated_at  # 一季度全县经济运行情况 or 经济运行数据, dated 2025-04-20
    if dated:
        year, month = dated
        return (year - 1, year, None, dated_at) if month <= 6 else (year, year + 1, None, dated_at)
    opening = _OPENING.search(head[:head.find("。") + 1 or len(head)])
    if not opening and _MEETING.search(head[:head.find("。") + 1 or len(head)]):
        opening = _OPENING.search(head)  # a session lead without its year: the first year it reports
    if opening:
        year = int(opening[1])
        return year, year + 1, None, Basis("title", opening.start(), opening.end())
    return None, None, None, None


def _from_title(head: str) -> _Years | None:
    """A title line with a year: a release reviews it, a work report plans it (and
    reviews the year before), a plan of work only plans it."""
    for title in _TITLE_LINE.finditer(head[:200]):
        year = int(title[1])
        part = part_of(title[0])
        basis = Basis("title", title.start(), title.end())
        if part or _RELEASE.search(title[0]) or _RELEASE.search(_title_rest(head, title.end())):  # …发展⏎统计公报
            return year, None, part, basis
        if _PLANNING.search(title[0]):
            return year - 1, year, None, basis
        if _GOALS_ONLY.search(title[0]):
            return None, year, None, basis
    return None


def _title_rest(head: str, end: int, lines: int = 2) -> str:
    """The next short lines that are no sentence: the rest of a title broken over
    lines (2023年某区⏎(某新区)⏎国民经济和社会发展统计公报)."""
    rest = []
    for line in filter(None, (line.strip() for line in head[end:end + 200].split("\n"))):
        if len(rest) == lines or len(line) > 20 or re.search(r"[。，,；;]", line):
            break
        rest.append(line)
    return "".join(rest)


def _dated(head: str) -> tuple[tuple[int, int] | None, Basis | None]:
    """(year, month) of the first full date in the head, when the document was given, and where it stands."""
    for match in _DATED.finditer(head):
        year, month = (int(match[1]), int(match[2])) if match[1] else (int(match[4]), int(match[3]))
        if 1 <= month <= 12:
            return (year, month), Basis("dateline", match.start(), match.end())
    return None, None


def part_of(words: str) -> str | None:
    """Q1, H1, M1-9 … when words (a title, a heading) name part of a year."""
    months = _MONTHS.search(words)
    if months:
        last = int(months[1])
        return "Q1" if last == 3 else "H1" if last == 6 else f"M1-{last}"
    return next((_D["title_parts"][m[0]] for m in _PARTS.finditer(words) if m[0] in _D["title_parts"]), None)
