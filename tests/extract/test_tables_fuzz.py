"""Whatever shape a flattened table comes in, the reader never fails and
every fact it gives points at words in the text."""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from planwatch.documents import Document
from planwatch.extract.tables import extract_tables

WORDS = ["表1:“十三五”主要指标完成情况表(单位:亿元、%)", "表2 “十四五”主要指标", "2020年", "2025年", "年均增长",
         "2016", "2017", "2018", "总量", "增速", "经济发展", "1", "2", "3", "地区生产总值", "城镇登记失业率",
         "新增就业岗位", "亿元", "%", "-", "--", ">9%", "7左右", "[0.39]", "【5】", "12.5", "-2.2", "完成市下达",
         "的目标任务", "与经济增长", "基本同步", "预期性", "约束性", "区发改局", "难以完成", "|", "||", "指标名称 |",
         "备注:", "全年地区生产总值增长6%。", ""]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(WORDS[:2]), st.lists(st.sampled_from(WORDS), max_size=60),
       st.sampled_from(["\n", "\n\n  ", " | "]))
def test_any_arrangement_reads_without_error(title, words, separator):
    text = separator.join([title, *words]) + "\n"
    document = Document(name="fuzz.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), encoding="utf-8")
    for fact in extract_tables(document):
        assert 0 <= fact.start < fact.end <= len(text)
        assert fact.role in ("target", "actual", "baseline") and fact.measure in ("level", "growth", "change")
        assert (fact.value is None) == (fact.text is not None)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(WORDS[:2] + ["指标 单位 2020年 2025年 年均增长 属性", "序号\t指标名称\t2020年目标\t2020年完成\t完成情况"]),
       st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8), max_size=12),
       st.sampled_from([" ", "  ", "\t", "\u3000"]))
def test_any_rows_of_spaced_cells_read_without_error(title, rows, separator):
    text = "\n".join([title, *(separator.join(row) for row in rows)]) + "\n"
    document = Document(name="fuzz.txt", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), encoding="utf-8")
    for fact in extract_tables(document):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start:fact.end].strip()
        assert (fact.value is None) == (fact.text is not None)
