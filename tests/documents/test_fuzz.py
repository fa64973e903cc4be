"""Random and mutated documents through `load` and `extract`: the only
exception is a DocumentError, offsets stay inside the text, and every
numeric fact's evidence holds the value's digits.

About 10-30 seconds in all (max_examples below); no deadline, since PDF and
DOCX examples vary a lot in time. Derandomized, so CI runs the same examples
every time; to hunt for new bugs, raise max_examples and drop derandomize
in a copy of this file."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planwatch.documents import Document, load
from planwatch.errors import DocumentError
from planwatch.extract import extract

FUZZ = settings(max_examples=60, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                       HealthCheck.too_slow])

# Invented plan-like sentences: names, numbers, comparators, years, tables.
NAMES = ["地区生产总值", "一般公共预算收入", "固定资产投资", "社会消费品零售总额", "城镇新增就业", "居民人均可支配收入",
         "进出口总额", "城镇调查失业率", "单位地区生产总值能耗", "高新技术企业"]
VERBS = ["增长", "下降", "达到", "完成", "控制在", "突破", "预计增长", "力争增长"]
UNITS = ["%", "亿元", "万元", "万人", "人", "家", "个百分点", ""]
TAILS = ["左右", "以上", "以内", "", "。", "；", "，同比增长3.5%。"]
NUMBER = st.decimals(min_value=Decimal("-999"), max_value=Decimal("99999"), places=2, allow_nan=False,
                     allow_infinity=False).map(lambda d: format(d.normalize(), "f"))
SENTENCE = st.builds(lambda y, n, v, num, u, t: f"{y}年{n}{v}{num}{u}{t}",
                     st.integers(2015, 2030), st.sampled_from(NAMES), st.sampled_from(VERBS), NUMBER,
                     st.sampled_from(UNITS), st.sampled_from(TAILS))
ROW = st.builds(lambda n, a, b: f"{n} | {a} | {b} |", st.sampled_from(NAMES), NUMBER, NUMBER)
EXTRA = st.sampled_from(["\n", "\r\n", "|", "——", "大佬们都在玩{官网网址: www.x.Cc }", "字体：[ ]", "\u3000", "【5】",
                         "[0.4]", "十四五", "二〇三五年", "（预计数）", "\x00", "\ufeff", "𠀀", "%", "万", "<p>", "</td>"])
TITLE = st.sampled_from(["某某县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告", "某某市2023年政府工作报告",
                         "某某区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", ""])


@st.composite
def plan_text(draw) -> str:
    lines = [draw(TITLE)] + draw(st.lists(st.one_of(SENTENCE, ROW), min_size=1, max_size=25))
    text = "\n".join(lines)
    for _ in range(draw(st.integers(0, 8))):   # mutations: insert, delete or replace at random places
        at = draw(st.integers(0, len(text)))
        insert = draw(st.one_of(EXTRA, st.text(max_size=3)))
        cut = draw(st.integers(0, 3))
        text = text[:at] + insert + text[at + cut:]
    return text


ENCODINGS = st.sampled_from(["utf-8", "gb18030", "utf-16", "utf-8-sig"])


def check(document: Document) -> None:
    n = len(document.text)
    assert all(0 <= a < b <= n for a, b in document.noise)
    for table in document.tables:
        for cell in (c for row in table.rows for c in row):
            assert 0 <= cell.start <= cell.end <= n and document.text[cell.start:cell.end] == cell.text
    for fact in extract(document):
        assert 0 <= fact.start <= fact.end <= n
        if fact.value is not None:
            digits = format(abs(fact.value).normalize(), "f")
            evidence = document.text[fact.start:fact.end].replace(",", "").replace("，", "")
            assert digits.rstrip("0").rstrip(".") in evidence or digits in evidence, (fact, evidence)


def load_and_check(path: Path) -> None:
    try:
        document = load(path)
    except DocumentError:
        return
    check(document)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FUZZ
@given(raw=st.binary(max_size=3000))
def test_random_bytes(folder, raw):
    path = folder / "random.txt"
    path.write_bytes(raw)
    load_and_check(path)


@FUZZ
@given(text=plan_text(), encoding=ENCODINGS)
def test_mutated_plan_text(folder, text, encoding):
    path = folder / "plan.txt"
    path.write_bytes(text.encode(encoding, errors="replace"))
    load_and_check(path)


@FUZZ
@given(text=plan_text(), rows=st.lists(st.lists(NUMBER, min_size=1, max_size=5), min_size=1, max_size=6),
       spans=st.lists(st.integers(1, 4), min_size=1, max_size=4))
def test_mutated_html(folder, text, rows, spans):
    cells = "".join("<tr>" + "".join(f'<td colspan="{spans[i % len(spans)]}">{v}</td>' for i, v in enumerate(row))
                    + "</tr>" for row in rows)
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines())
    page = f"<html><head><meta charset='gbk'></head><body>{paragraphs}<table>{cells}</table></body></html>"
    path = folder / "plan.html"
    path.write_bytes(page.encode("gb18030", errors="replace"))
    load_and_check(path)


@FUZZ
@given(text=plan_text(), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=6))
def test_mutated_docx(folder, make, text, flips):
    path = folder / "plan.docx"
    lines = [line for line in text.splitlines() if line.isprintable()] or ["空"]
    make.write_docx(path, lines, make.INDICATORS)
    path.write_bytes(_flipped(path.read_bytes(), flips))
    load_and_check(path)


@settings(FUZZ, max_examples=25)
@given(text=plan_text(), flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=4))
def test_mutated_pdf(folder, make, text, flips):
    path = folder / "plan.pdf"
    lines = [line for line in text.splitlines() if line.isprintable()] or ["空"]
    make.write_pdf(path, lines, make.INDICATORS)
    path.write_bytes(_flipped(path.read_bytes(), flips))
    load_and_check(path)


def _flipped(raw: bytes, flips: list[tuple[float, int]]) -> bytes:
    data = bytearray(raw)
    for where, value in flips:
        data[min(int(where * len(data)), len(data) - 1)] = value
    return bytes(data)


def test_docx_with_corrupt_member_is_a_document_error(tmp_path, make):
    """A DOCX whose document.xml is cut short: the XML error becomes a DocumentError."""
    source = make.write_docx(tmp_path / "ok.docx", ["某某县2024年政府工作报告"])
    broken = tmp_path / "cut.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            zout.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    with pytest.raises(DocumentError, match="cut.docx"):
        load(broken)
