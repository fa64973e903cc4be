"""A Markdown or text file that starts with a YAML header: the header's title
and date are metadata, never text; evidence offsets still index the file's text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.documents import in_noise, load
from planwatch.extract import extract

BODY = ("——2024年1月10日在某某市第八届人民代表大会第三次会议上\n\n各位代表：\n\n"
        "现在，我代表市人民政府，向大会报告工作，请予审议。\n\n一、2023年工作回顾\n\n"
        "全市地区生产总值增长5.2%，一般公共预算收入增长4%。\n")


def _write(tmp_path, text: str, newline: str = "\n"):
    path = tmp_path / "2024.md"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return load(path)


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_header_title_is_the_title_and_no_text(tmp_path, newline):
    header = "---\nsource: https://example.gov.cn/zfgzbg/2024.html\ntitle: 某某市政府工作报告（2024年1月10日 某某）\n---\n\n"
    document = _write(tmp_path, header + BODY, newline)
    assert document.text == (header + BODY).replace("\n", newline)
    meta = document.meta
    assert meta.title == "某某市政府工作报告（2024年1月10日 某某）"
    assert (meta.region, meta.doc_type, meta.report_years, meta.target_years) == ("某某市", "work_report", [2023], [2024])
    end = document.text.index("---", 3) + 3
    assert in_noise(document.noise, 0, end) and not in_noise(document.noise, end + 2, len(document.text))
    facts = extract(document)
    assert ("地区生产总值", Decimal("5.2")) in {(f.indicator, f.value) for f in facts} and len(facts) == 2
    for fact in facts:   # the offsets index the text as decoded, header included
        assert fact.start > end and f"增长{fact.value}%" in document.text[fact.start:fact.end]


def test_header_date_where_the_text_states_none(tmp_path):
    document = _write(tmp_path, "---\ntitle: 政府工作报告\ndate: 2023-12-27\n---\n" + BODY.split("\n", 2)[2])
    assert document.meta.date == "2023-12-27"
    # reviewed: the heading says 2023; planned: a report given in December plans the next year
    assert (document.meta.report_years, document.meta.target_years) == ([2023], [2024])


def test_a_title_line_in_the_text_is_read_as_before(tmp_path):
    document = _write(tmp_path, "某某县2024年政府工作报告\n" + BODY)
    assert document.meta.title == "某某县2024年政府工作报告" and document.noise == []


@pytest.mark.parametrize("text", ["---\n各位代表：这不是一个文件头。\n---\n", "---\ntitle: [未闭合\n---\n"])
def test_what_only_looks_like_a_header_stays_text(tmp_path, text):
    document = _write(tmp_path, text + BODY)
    assert document.noise == [] and not (document.meta.title or "").startswith("title")
