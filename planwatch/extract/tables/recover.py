"""Tables recovered from plain text: a table flattened to one cell per line
(blank lines and spam between the cells) or rows of cells joined by `|`.

The result is the same `Table`/`Cell` a loader builds from markup, with cell
offsets into `Document.text`, so one reader interprets both:

1. find a title (`表1:…主要指标…(单位:…)`, `2023年主要指标完成情况`), a header
   line (`指标` alone, or `指标 单位 2020年 …` with a year, 单位 or 属性) or a
   run of `|` lines, and collect the lines after it, skipping noise;
2. lines of cells joined by `|`, or by spaces or tabs (a header line and at
   least two rows of one cell count), are rows as they stand;
3. otherwise the lines are cells, one per line: join a cell that was wrapped
   over several lines, and cut the cells into rows: at row numbers (1, 2, 3 …)
   when the table has them, else at each indicator name; the cells before
   the first row are the header, split where the sub-labels (总量/增速 …) begin.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import NamedTuple

from ...documents import Cell, Document, Table
from . import cells as kinds
from .rows import is_name

TITLE = re.compile(
    r"^[ \t\u3000]*((?:附?表\s*[0-9０-９一二三四五六七八九十]+[^\n]{0,80})|(?:[^\n。;；]{0,40}主要(?:经济社会发展)?指标[^\n。;；]{0,30}))[ \t\u3000]*$",
    re.M)
TITLE_HINT = re.compile(r"表\s*[0-9０-９一二三四五六七八九十]|主要(?:经济社会发展)?指标")
LINE = re.compile(r"[^\n]*\n?")
SENTENCE = re.compile(r"[。;；!！?？]|^(?:备注|注|说明|资料来源)\s*[:：0-9１-９]|^第[一二三四五六七八九十0-9]+[章节]"
                      r"|^[(（][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+、")
MAX_CELL = 40          # longer lines are prose: the table has ended
MIN_CELLS = 8
SUB_LABEL = re.compile(r"(?:总量|绝对值|数值|总额|规模|增速|增长|增幅|增长率|比上年增长|同比增长|[(（]%[)）])")
# A header label stands whole: a year, or a column word (指标, 单位, 年均, 属性 …).
HEADER_LABEL = re.compile(r"^(?:序号|类别|指标(?:名称)?|名称|项目|(?:计量)?单位|(?:指标)?属性|性质|责任(?:单位|部门)|备注)$"
                          r"|^(?:全年|年度|规划|预期|计划)?目标值?$|^(?:全年|实际|预计)?完成(?:值|情况)?$"
                          r"|(?:19|20)[0-9]{2}年|年均|累计")
# A header line: its first cell names the row labels (序号, 指标 …), alone on
# its line (one cell per line) or followed by more cells on the line.
HEADER_START = re.compile(r"(?:序号|类别|领域|维度|指标(?:名称)?|项目)(?=[ \t\u3000]*\r?\n|[ \t\u3000]+[^ \t\u3000\r\n])")
HEADER_WORDS = re.compile(r"(?:19|20)[0-9]{2}|单位|属性")
GAP = re.compile(r"[ \t\u3000]+")
SPACED_CELL = re.compile(r"[^ \t\u3000]+")
TAB_CELL = re.compile(r"[^\t]+")
PROSE_MARK = re.compile(r"[，:：]|,(?![0-9]{3})")     # not the comma of 1,350.2
# Words a spaced row splits off the cell they belong to: `2020 年目标`, `7 左右`, `2020年完成 (预计)`.
ATTACHED = re.compile(r"[(（][^()（）]*[)）]|左右|以上|以下|以内")
COMPARATOR = re.compile(r"[<>≤≥＜＞]=?")       # `> 6`: the sign and its number are one cell
MIN_ROWS = 2
LABEL_NOTE = re.compile(r"[(（](?:预计(?:数|值)?|%|％)[)）]")
HEADER_WORD = re.compile(r"指标|名称|单位|属性|序号|备注|目标|完成|基数|总量|绝对值|增速|增长|年均|累计|规划|预期|计划|实际|情况|责任|部门|类别|序列")


class _Line(NamedTuple):
    text: str       # the cell's words (wrapped parts joined)
    start: int
    end: int
    width: int      # characters of the last physical line, to tell wrapped cells


def recover_tables(document: Document) -> list[Table]:
    """Tables flattened into document.text, in the order they appear."""
    text, noise = document.text, _Noise(document.noise)
    tables, taken = [], -1
    for at, start, title in _anchors(text):
        if at < taken:
            continue
        found = _read_after(text, start, noise, title)
        if found is not None:
            tables.append(found[0])
            taken = found[1]
    covered = {cell.start for table in tables for row in table.rows for cell in row}
    found = tables + _pipe_tables(text, noise, covered)
    return [table for table in found if not _inside(table, extents(document.tables))]


def _anchors(text: str):
    """(where, read from, title) of each place a table may begin, in text
    order: a title line, and a header line (read from its own start, the
    short line before it as its title)."""
    found = [(m.start(), m.end(), m[1].strip()) for m in _titles(text)]
    for match in HEADER_START.finditer(text):
        line = text.rfind("\n", 0, match.start()) + 1
        if text[line:match.start()].strip(" \t\u3000"):
            continue
        end = text.find("\n", match.end())
        rest = text[match.end():end if end >= 0 else len(text)]
        if not rest.strip() or HEADER_WORDS.search(rest):
            found.append((line, line, _title_before(text, line)))
    return sorted(found, key=lambda anchor: anchor[0])


def _titles(text: str):
    """Title lines, each found from the words it must hold (a literal search is
    far cheaper than trying the title pattern at every line)."""
    done = -1
    for hint in TITLE_HINT.finditer(text):
        if hint.start() < done:
            continue
        line = text.rfind("\n", 0, hint.start()) + 1
        done = text.find("\n", hint.end())
        done = len(text) if done < 0 else done
        title = TITLE.match(text, line, done)
        if title is not None:
            yield title


def _pipe_lines(text: str):
    """(start, end) of each line holding a `|`."""
    at = text.find("|")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield start, end
        at = text.find("|", end)


def extents(tables: list[Table]) -> list[tuple[int, int]]:
    """Where each real table lies in the text: a loader renders them as `|` rows."""
    extents = []
    for table in tables:
        cells = [cell for row in table.rows for cell in row]
        if cells:
            extents.append((min(c.start for c in cells), max(c.end for c in cells)))
    return extents


def _inside(table: Table, extents: list[tuple[int, int]]) -> bool:
    return any(lo <= cell.start < hi for row in table.rows for cell in row for lo, hi in extents)


class _Noise:
    """Noise spans, to drop spam lines and to cut spam glued to a cell."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def clip(self, start: int, end: int) -> int:
        """The end of the part of [start, end) before any noise (start if all noise)."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0 and self.spans[index][1] > start:
            return start
        nxt = bisect.bisect_left(self.starts, start)
        if nxt < len(self.spans) and self.spans[nxt][0] < end:
            return self.spans[nxt][0]
        return end


def _physical_lines(text: str, start: int, noise: _Noise):
    """(words, start) of each non-blank line from `start`, noise removed."""
    for line in LINE.finditer(text, start):
        if not line[0]:
            return
        body = line[0].rstrip("\r\n")
        stripped = body.strip(" \t\u3000")
        if not stripped:
            continue
        lo = line.start() + body.index(stripped)
        hi = noise.clip(lo, lo + len(stripped))
        words = text[lo:hi].rstrip(" \t\u3000")
        if words:
            yield words, lo


def _read_after(text: str, start: int, noise: _Noise, title: str) -> tuple[Table, int] | None:
    """The table in the short lines after a title, and where it ends."""
    lines, end = [], start
    for words, lo in _physical_lines(text, start, noise):
        if len(words) > MAX_CELL and "|" not in words and len(_spaced(words, lo)) < 3 or SENTENCE.search(words):
            break
        lines.append((words, lo))
        end = lo + len(words)
    rows = _rows_of(lines)
    return None if rows is None else (Table(rows=rows, title=title), end)


def _rows_of(lines: list[tuple[str, int]]) -> list[list[Cell]] | None:
    """Rows from physical lines: a `|` row per line as it stands, else cells
    one per line (`|`-terminated or not) cut into rows."""
    pieces = [_split_pipes(words, lo) if "|" in words else [_Line(words, lo, lo + len(words), len(words))]
              for words, lo in lines]
    if sum(len(piece) >= 3 for piece in pieces) >= 2:
        return [[_cell(c) for c in piece] for piece in pieces if any(c.text for c in piece)]
    if sum(GAP.search(words) is not None for words, _ in lines) > MIN_ROWS:   # cheap: most tables have no spaced lines
        spaced = [_spaced(words, lo) for words, lo in lines]
        if _spaced_table(spaced):
            return [[_cell(c) for c in piece] for piece in spaced]
    cells = [cell for piece in pieces for cell in piece]
    return _rows(_join_wrapped(cells)) if len(cells) >= MIN_CELLS else None


def _split_pipes(words: str, at: int) -> list[_Line]:
    """The cells of one line of `|`-joined cells; a lone `|` is an empty cell
    (`指标名称 |`, `|`, `||`, `| a | b |`)."""
    pieces = [(m.start(), m[0]) for m in re.finditer(r"[^|]*", words)]
    pieces = [p for i, p in enumerate(pieces) if i == 0 or words[p[0] - 1] == "|"]
    if words.endswith("|"):
        pieces.pop()            # nothing after the closing `|`
    if words.startswith("|") and any(w.strip() for _, w in pieces):
        pieces.pop(0)           # the opening `|` of a markdown row
    cells = []
    for offset, piece in pieces:
        stripped = piece.strip(" \t\u3000")
        lo = at + offset + (piece.find(stripped) if stripped else 0)
        cells.append(_Line(stripped, lo, lo + len(stripped), len(stripped)))
    return [c for c in cells if not re.fullmatch(r":?-{3,}:?", c.text)]


def _spaced(words: str, at: int) -> list[_Line]:
    """The cells of one line whose cells are separated by tabs, else by
    spaces; a word split off its cell (`2020 年目标`, `7 左右`) rejoins it.
    A line that reads as prose (commas, colons) is one cell."""
    if PROSE_MARK.search(words) or not GAP.search(words):
        return [_Line(words, at, at + len(words), len(words))]
    cells: list[_Line] = []
    for match in (TAB_CELL if "\t" in words else SPACED_CELL).finditer(words):
        piece = match[0].strip(" \u3000")
        if not piece:
            continue
        lo = at + match.start() + match[0].index(piece)
        if cells and _attached(cells[-1].text, piece):
            last = cells[-1]
            cells[-1] = _Line(words[last.start - at:lo - at + len(piece)], last.start, lo + len(piece), 0)
        else:
            cells.append(_Line(piece, lo, lo + len(piece), len(piece)))
    return cells


def _attached(before: str, piece: str) -> bool:
    if piece.startswith("年"):
        return kinds.YEAR.search(before[-4:]) is not None
    if piece in ("%", "％"):
        return before[-1].isdigit()       # `7 %`; but `城镇调查失业率 %` is a name and its unit
    return ATTACHED.fullmatch(piece) is not None or COMPARATOR.fullmatch(before) is not None


def _spaced_table(spaced: list[list[_Line]]) -> bool:
    """Rows of spaced cells: a header line, then at least two rows of no
    fewer cells than the header's less one (a group label over two columns,
    规划目标 2020年), more when the header has a second line (总量 增速). The
    rows have one cell count, or differ (a category cell only on a group's
    first row) under a header line of column labels (指标, 单位, 2020年 …)."""
    wide = [cells for cells in spaced if len(cells) >= 3]
    if len(wide) <= MIN_ROWS:
        return False
    counts = [len(cells) for cells in wide[1:] if len(cells) >= len(wide[0]) - 1]
    labels = sum(HEADER_LABEL.search(cell.text) is not None for cell in wide[0])
    return any(counts.count(count) >= MIN_ROWS for count in set(counts)) or labels >= 2 and len(counts) >= MIN_ROWS


@lru_cache(maxsize=8192)
def _complete(text: str) -> bool:
    """A cell that reads as whole on its own, so the next line is a new cell."""
    value = kinds.read_value(text)
    return (value is None or value.quantity is not None or kinds.is_qualitative_whole(text)
            or kinds.is_department(text) or kinds.is_assessment(text) or kinds.is_attribute(text)
            or kinds.is_unit(text) or kinds.is_serial(text) or kinds.is_year_label(text)
            or SUB_LABEL.fullmatch(text) is not None or HEADER_LABEL.search(text) is not None)


def _join_wrapped(lines: list[_Line]) -> list[_Line]:
    """Join a cell wrapped over lines: a short, incomplete text line followed by
    a line no wider than it (a narrow column wraps at a fixed width)."""
    joined: list[_Line] = []
    for line in lines:
        last = joined[-1] if joined else None
        if last is not None and _continues(last, line):
            joined[-1] = _Line(last.text + line.text, last.start, line.end, line.width)
        else:
            joined.append(line)
    return joined


def _continues(last: _Line, line: _Line) -> bool:
    if LABEL_NOTE.fullmatch(line.text) and kinds.YEAR.search(last.text):
        return True     # 2020年完成 ⏎ (预计): one label
    if not last.text or len(last.text) > 8 or len(line.text) > last.width or not line.text:
        return False
    if _complete(last.text) or is_name(last.text):
        return False
    merged = last.text + line.text
    return not _complete(line.text) or kinds.is_department(merged) or kinds.is_qualitative_whole(merged)


def _wordy(text: str) -> bool:
    """Words, not a value: no quantity at its start (城乡三项… has one inside)."""
    value = kinds.read_value(text)
    return value is not None and (value.quantity is None or value.quantity.start > 0)


def _rows(lines: list[_Line]) -> list[list[Cell]] | None:
    """Header rows, then one row per indicator (category labels as rows of one cell)."""
    starts = _serial_starts(lines) or _name_starts(lines)
    if len(starts) < 2:
        return None
    head = lines[:starts[0]]
    lead = [[_cell(head.pop())]] if head and _category(head[-1].text) else []
    body = []
    for index, first in enumerate(starts):
        last = starts[index + 1] if index + 1 < len(starts) else len(lines)
        row = [_cell(line) for line in lines[first:last]]
        category = _trailing_category(row) if index + 1 < len(starts) else None
        body.append(row[:-1] if category is not None else row)
        if category is not None:
            body.append([category])
    return _header_rows(head) + lead + body


def _cell(line: _Line) -> Cell:
    return Cell(line.text, line.start, line.end)


def _serial_starts(lines: list[_Line]) -> list[int]:
    """Positions of row numbers 1, 2, 3 … each followed by a name."""
    starts, expected = [], 1
    for index, line in enumerate(lines[:-1]):
        restart = line.text == "1" and starts and is_name(lines[index + 1].text)   # numbered per category
        if (line.text == str(expected) or restart) and _wordy(lines[index + 1].text):
            starts.append(index)
            expected = int(line.text) + 1
    return starts if len(starts) >= 3 else []


def _name_starts(lines: list[_Line]) -> list[int]:
    return [i for i, line in enumerate(lines) if is_name(line.text) and not kinds.is_year_label(line.text)]


def _category(text: str) -> bool:
    """A group label between rows (经济发展, 创新驱动, 资源环境 …)."""
    value = kinds.read_value(text)
    return (2 <= len(text) <= 8 and value is not None and value.quantity is None
            and HEADER_WORD.search(text) is None and not kinds.is_department(text)
            and not kinds.is_assessment(text) and not kinds.is_attribute(text)
            and not kinds.is_qualitative(text) and not kinds.is_unit(text) and not is_name(text))


def _trailing_category(row: list[Cell]) -> Cell | None:
    return row[-1] if len(row) > 2 and _category(row[-1].text) else None


def _header_rows(lines: list[_Line]) -> list[list[Cell]]:
    """Header labels cut into rows: a new row where sub-labels (总量, 增速) begin."""
    rows: list[list[Cell]] = []
    for line in lines:
        sub = SUB_LABEL.fullmatch(line.text) is not None
        if not rows or (sub and rows[-1] and SUB_LABEL.fullmatch(rows[-1][-1].text) is None):
            rows.append([])
        rows[-1].append(_cell(line))
    return rows


def _pipe_tables(text: str, noise: _Noise, covered: set[int]) -> list[Table]:
    """Runs of lines holding `|`-joined cells that no title introduced."""
    tables, run = [], []
    for start, end in _pipe_lines(text):
        if run and text.count("\n", run[-1][1], start) > 2:
            tables.extend(_pipe_table(text, run, noise, covered))
            run = []
        run.append((start, end))
    tables.extend(_pipe_table(text, run, noise, covered))
    return tables


def _pipe_table(text: str, run: list[tuple[int, int]], noise: _Noise, covered: set[int]) -> list[Table]:
    lines = []
    for start, end in run:
        end = noise.clip(start, end)
        if end > start:
            lines.append((text[start:end], start))
    if len(lines) < 2 or any(lo in covered for _, lo in lines):
        return []
    rows = _rows_of(lines)
    return [] if rows is None else [Table(rows=rows, title=_title_before(text, run[0][0]))]


def _title_before(text: str, start: int) -> str | None:
    before = text.rfind("\n", 0, max(start - 1, 0))
    line = text[before + 1:start].strip()
    return line if 0 < len(line) <= 80 else None
