"""OFD files (GB/T 33190) as an office receives them: wrapped lines, page numbers, a title."""

from __future__ import annotations

from planwatch.documents import load
from planwatch.extract import extract

from .ofd_maker import write_ofd

TITLE = "青川县2024年国民经济和社会发展计划执行情况与2025年计划草案的报告"
LONG = ("2024年全县经济运行稳中有进，面对复杂严峻的外部环境，全县上下认真落实各项决策部署，"
        "预计地区生产总值增长6.2%，一般公共预算收入完成12.9亿元，同比增长4.1%，城镇新增就业2860人。")


def test_an_ofd_reads_as_its_paragraphs(tmp_path):
    paragraphs = [TITLE, LONG, "2025年主要预期目标是：地区生产总值增长6%左右。"] * 12   # several pages
    document = load(write_ofd(tmp_path / "报告.ofd", paragraphs, title=TITLE))
    assert document.format == "ofd" and document.meta.title == TITLE
    lines = document.text.splitlines()
    assert lines.count(LONG) == 12          # wrapped lines joined back, numbers whole
    assert not any("—" in line for line in lines)        # the footers' page numbers are gone
    assert document.meta.region == "青川县" and document.meta.doc_type == "annual_report"
    facts = {(f.indicator, f.role, f.period, str(f.value)) for f in extract(document)}
    assert ("地区生产总值", "target", "2025", "6") in facts
    assert ("地方一般公共预算收入", "actual", "2024", "12.9") in facts
    for fact in extract(document):
        assert str(fact.value) in document.text[fact.start:fact.end].replace(" ", "")
