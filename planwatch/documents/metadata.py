"""What a document is: region, type, years, plan span, date, meeting.

Read from the title lines and the head of the text (and the page footer,
where portals name the government that publishes the page). Works for any
region and level of China; nothing here knows a particular place. A text in
traditional characters is read folded to simplified ones, so its metadata
(title included) is in simplified characters like every other document's.
"""

from __future__ import annotations

import re

from .model import DocumentMeta
from .regions import NATIONAL, NATIONAL_WORDS, REGION_PATTERN, REGION_PATTERN_SHORTEST, clean_region, region_key, region_level
from .traditional import fold, is_traditional

HEAD_CHARS = 3000   # titles, meeting line, publication date
YEAR_CHARS = 800    # the opening sentence that names the years reported and planned
TAIL_CHARS = 1500   # portal footer: 版权所有:XX人民政府

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0}
_CN_NUM = r"[一二三四五六七八九十]+"
_YEAR = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})"

_TITLE_WORDS = re.compile(r"报告|纲要|规划|公报|计划|草案")
_MARKUP = re.compile(r"^[\s#*>]+|[\s*]+$")   # Markdown around a line: # 标题, **标题**
_TITLE_LABEL = re.compile(r"^(?:名\s*称|标\s*题)\s*[:：]\s*")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[章节])")
_TITLE_TAIL = re.compile(r"\s+(?:发布机构|文\s*号|索\s*引\s*号|发布时间)[:：].*$")

_DOC_TYPES = (  # first match wins; tested on titles, then on the head
    ("communique", re.compile(r"统计公报")),
    # the title, else the opening every work report shares: 我代表市人民政府，向大会报告工作
    ("work_report", re.compile(r"政府工作报告|代表[^，。\n]{0,12}政府[，,\s]*向大会")),
    ("plan_outline", re.compile(r"五年规划|五年计划纲要|规划纲要|远景目标纲要|[“\"]?十[一二三四五六七八九]?五[”\"]?\s*规划")),
    ("midyear_report", re.compile(r"(?:上半年|1\s*[-—–~至]\s*6\s*月|一至六月|半年).{0,30}?计划执行")),
    ("annual_report", re.compile(r"计划执行情况|计划\s*[（(]?草案|社会发展(?:年度)?计划$", re.M)),
)

# What follows a region's name at the start of a title.
_TITLE_NEXT = (rf"\d|{_YEAR}年|上半年|前三季度|国民经济|政府工作报告|人民政府|发展和改革|发展改革|统计局|"
               rf"第{_CN_NUM}(?:个五年|届)|[“\"]十|统计公报|关于")
_REGION_CONTEXTS = (  # in order of trust
    re.compile(rf"^[\s《“]*(?:关于)?(?:印发|转发|公布)?[\s《“]*(?:{_YEAR}年度?)?({REGION_PATTERN_SHORTEST})(?=\s*(?:{_TITLE_NEXT}))", re.M),
    re.compile(rf"在({REGION_PATTERN})第?\s*{_CN_NUM}\s*届\s*(?:人民代表大会|人大)"),   # …第十三届人民代表大会, …十三届人大
    re.compile(rf"(?:^|(?<=[:：|\s]))({REGION_PATTERN})(?:人民)?政府", re.M),
    re.compile(rf"代表({REGION_PATTERN})(?:人民)?政府"),   # the opening: 我代表某市人民政府，向大会报告工作
    re.compile(rf"(?:信息来源|来源|发布机构|主办单位)\s*[:：]\s*({REGION_PATTERN})"),
)

_MEETING = re.compile(
    # 在某市第十三届人民代表大会第二次会议, 在州七届人大四次会议 (the level word alone: this prefecture's)
    rf"(?:^|(?<=在)|(?<=[^\u4e00-\u9fff]))((?:{REGION_PATTERN}|(?<=在)[省市州盟县区旗])?第?\s*{_CN_NUM}\s*届\s*"
    rf"(?:人民代表大会|人大)\s*(?:常务委员会\s*)?第?\s*{_CN_NUM}\s*次\s*(?:全体\s*)?会议)")

_DATE = rf"({_YEAR})\s*[年\-/.]\s*(\d{{1,2}}|{_CN_NUM})\s*[月\-/.]\s*(\d{{1,2}}|{_CN_NUM})\s*日?"
_DATES = (
    re.compile(rf"(?:发布|公开|成文|印发|更新)?(?:时间|日\s*期)\s*[:：]\s*{_DATE}"),
    re.compile(rf"(?:——|^[\s*#]*)\s*{_DATE}\s*在", re.M),   # the dateline: ——2024年1月10日在某市第…届人民代表大会
    re.compile(rf"[（(]\s*{_DATE}\s*(?=[）)\s在])"),   # (2024年1月10日), 某市政府工作报告（2024年1月10日 某某）
)

_PLAN_ORDINAL = re.compile(rf"第({_CN_NUM})个五年|[“\"]十([一二三四五六七八九]?)五[”\"]")
_PLAN_SPAN = re.compile(r"[（(]\s*(\d{4})\s*[-—–~至]+\s*(\d{4})\s*年?\s*[）)]")
_VISION_YEAR = re.compile(rf"({_YEAR})年远景目标")

_REPORT_YEAR = re.compile(rf"({_YEAR})年(?:度)?(?!以来)[^\d，。,；;\n]{{0,20}}?(?:执行情况|工作回顾|统计公报)")
_TARGET_YEAR = re.compile(rf"({_YEAR})年(?:度)?[^\d，。,；;\n]{{0,20}}?(?:计划\s*[（(]?草案|计划安排|工作安排|主要任务|工作任务|工作建议|社会发展(?:年度)?计划$)", re.M)
_TITLE_YEAR = re.compile(rf"({_YEAR})\s*年(度)?(?!\s*(?:\d{{1,2}}|{_CN_NUM})\s*月)")
_LATE_MONTH = 10   # a work report delivered from October on plans the next year


def detect_meta(text: str, name: str, hint: str | None = None, page: str | None = None,
                date: str | None = None) -> DocumentMeta:
    """Metadata from the text's head (and tail), the file name, an optional
    title `hint` from the container (HTML <title>, DOCX core properties) and,
    for a web page, the `page`'s whole visible text, whose publication line and
    footer the article text may have lost; the container's `date` (ISO) is the
    date where the text states none."""
    if is_traditional(text):
        text, name = fold(text), fold(name)
        hint, page = (fold(hint) if hint else None), (fold(page) if page else None)
    head, tail = text[:HEAD_CHARS], text[-TAIL_CHARS:]
    edges = [head, tail] + ([page[:HEAD_CHARS], page[-TAIL_CHARS:]] if page else [])
    titles = _titles(head) + [t for t in (hint, _stem(name)) if t and _TITLE_WORDS.search(t)]
    meta = DocumentMeta(title=titles[0] if titles else None)
    meta.doc_type = _doc_type(titles, head)
    meta.region = NATIONAL if NATIONAL_WORDS.search(head) else _region(titles, edges)
    meta.region_level = region_level(meta.region) if meta.region else None
    meta.meeting = _meeting(head)
    meta.date = _date(head) or (_date(page[:HEAD_CHARS]) if page else None) or date
    _years(meta, titles, head, text)
    return meta


def _read(meta: DocumentMeta, rule: str, words: str | None) -> None:
    """Remember what the years were first read from (the strongest reading comes first):
    the extractor quotes it as the step that framed the document."""
    if meta.years_read is None and words:
        meta.years_read = (rule, words.strip())


def _stem(name: str) -> str:
    return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)


def _titles(head: str) -> list[str]:
    """Title-like lines of the head: short, naming a report or plan, not a sentence."""
    titles = []
    for line in head.splitlines()[:30]:
        line = _TITLE_TAIL.sub("", _TITLE_LABEL.sub("", _MARKUP.sub("", line)))
        if 6 <= len(line) <= 90 and _TITLE_WORDS.search(line) and not _HEADING.match(line) \
                and not re.search(r"[,，。；;]|^——", line):
            titles.append(line)
    return titles


def _doc_type(titles: list[str], head: str) -> str:
    for source in (*titles, head):
        for doc_type, pattern in _DOC_TYPES:
            if pattern.search(source):
                return doc_type
    return "other"


def _region(titles: list[str], edges: list[str]) -> str | None:
    """The most trusted region found, named as fully as the document names it."""
    found: list[str] = []
    for i, context in enumerate(_REGION_CONTEXTS):
        # the title pattern only on title lines: a wrapped line of prose may start like one
        for source in ["\n".join(titles)] if i == 0 else edges:
            found += [r for r in map(clean_region, context.findall(source)) if r]
    if not found:
        return None
    key = region_key(found[0])
    return max((r for r in found if region_key(r) == key), key=len)


def _meeting(head: str) -> str | None:
    match = _MEETING.search(head)
    if not match:
        return None
    # the lazy region pattern may start a word early ("25日在武汉市…"): cut at 在
    return re.sub(r"\s+", "", match.group(1)).rpartition("在")[2]


def _date(head: str) -> str | None:
    for pattern in _DATES:
        for year, month, day in pattern.findall(head):
            y, m, d = cn_int(year), cn_int(month), cn_int(day)
            if 1949 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def cn_int(token: str) -> int:
    """'2035', '二〇三五' (digit by digit), '十二', '二十五' → int."""
    if token.isdigit():
        return int(token)
    if "十" not in token:
        return int("".join(str(_CN_DIGITS[c]) for c in token))
    tens, _, ones = token.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


def _plan_span(text: str) -> tuple[int, int] | None:
    match = _PLAN_SPAN.search(text)
    if match and int(match.group(2)) - int(match.group(1)) == 4:
        return int(match.group(1)), int(match.group(2))
    match = _PLAN_ORDINAL.search(text)
    if not match:
        return None
    ordinal = cn_int(match.group(1)) if match.group(1) else 10 + (cn_int(match.group(2)) if match.group(2) else 0)
    if ordinal < 3:
        return None
    start = 1966 + 5 * (ordinal - 3)   # the 3rd plan began in 1966, then every five years
    return start, start + 4


def _years(meta: DocumentMeta, titles: list[str], head: str, text: str) -> None:
    title_text = "\n".join(titles) + "\n" + head[:YEAR_CHARS]
    if meta.doc_type == "plan_outline":
        span = _plan_span(title_text)
        if span:
            named = _PLAN_ORDINAL.search(head[:YEAR_CHARS]) or _PLAN_SPAN.search(head[:YEAR_CHARS])
            _read(meta, "title", next((t for t in titles if _plan_span(t)), named and named[0]))
            meta.plan_span = f"{span[0]}-{span[1]}"
            meta.target_years = list(range(span[0], span[1] + 1))
            meta.report_years = list(range(span[0] - 5, span[0]))
        meta.target_years += [cn_int(y) for y in _VISION_YEAR.findall(title_text)[:1]]
        return
    meta.report_years = _unique(cn_int(y) for y in _REPORT_YEAR.findall(title_text))
    meta.target_years = _unique(cn_int(y) for y in _TARGET_YEAR.findall(title_text))
    for found in (_REPORT_YEAR.search(title_text), _TARGET_YEAR.search(title_text)):
        _read(meta, "title", found and found[0])
    if meta.doc_type in ("midyear_report", "communique") and not meta.report_years:
        titled = [m for m in map(_TITLE_YEAR.search, titles) if m]
        meta.report_years = _unique(cn_int(m.group(1)) for m in titled)[:1]
        _read(meta, "title", next((m.string for m in titled if [cn_int(m.group(1))] == meta.report_years), None))
    if meta.doc_type == "midyear_report" and not meta.target_years:
        meta.target_years = list(meta.report_years)
    if meta.doc_type == "work_report":
        _work_report_years(meta, titles, text)


def _work_report_years(meta: DocumentMeta, titles: list[str], text: str) -> None:
    """A work report reviews one year and plans the next; the section headings
    (2019年工作回顾, 2020年工作安排) say which, else the title's year does
    ("2019年度政府工作报告" reviews 2019, "2024年政府工作报告" plans 2024), else
    the day it was delivered (a report given in December plans the next year)."""
    titled = _title_years(titles)
    years, fallback = titled or _delivery_years(meta.date), False
    if not meta.report_years:
        reviewed = list(re.finditer(rf"({_YEAR})年(?:工作)?回顾", text))
        meta.report_years = _unique(cn_int(m[1]) for m in reviewed) or ([years[0]] if years else [])
        _read(meta, "heading", reviewed[0][0] if reviewed else None)
        fallback = not reviewed
    # a year's tasks named in its review (2020年工作任务圆满完成) are reviewed, not planned
    after = max(meta.report_years, default=0)
    meta.target_years = [y for y in meta.target_years if y > after]
    if not meta.target_years:
        found = [m for m in _TARGET_YEAR.finditer(text[:HEAD_CHARS * 10]) if cn_int(m[1]) > after]
        meta.target_years = _unique(cn_int(m[1]) for m in found)[:1] or ([years[1]] if years else [])
        _read(meta, "heading", found[0][0] if found else None)
        fallback = fallback or not found
    if fallback and titled:
        _read(meta, "title", titled[2])
    elif fallback and years:  # the day it was delivered
        _read(meta, "dateline", next((m[0].strip("—（()）在 \t*#") for m in _dated_lines(text[:HEAD_CHARS])), None))


def _title_years(titles: list[str]) -> tuple[int, int, str] | None:
    """(reviewed, planned, the title) from a title's year that is not a date (某市政府工作报告（2024年1月10日）)."""
    match, title = next(((m, t) for t in titles if (m := _TITLE_YEAR.search(t))), (None, None))
    if not match:
        return None
    year = cn_int(match.group(1))
    return (year, year + 1, title) if match.group(2) else (year - 1, year, title)


def _dated_lines(head: str):
    """The date lines of the head, as _date reads them."""
    for pattern in _DATES:
        yield from pattern.finditer(head)


def _delivery_years(date: str | None) -> tuple[int, int] | None:
    if not date:
        return None
    year, month = int(date[:4]), int(date[5:7])
    planned = year + 1 if month >= _LATE_MONTH else year
    return planned - 1, planned


def _unique(years) -> list[int]:
    return sorted({y for y in years if 1949 <= y <= 2100})


__all__ = ["cn_int", "detect_meta", "region_key"]
