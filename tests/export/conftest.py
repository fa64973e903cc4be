"""A small invented annual report and five-year plan stored with hand-made facts,
so that the report tables are tested apart from the extractor."""

from __future__ import annotations

from decimal import Decimal

import pytest

from planwatch.documents import load
from planwatch.model import Fact

REPORT = """青山区2023年国民经济和社会发展计划执行情况的报告
——地区生产总值预期目标增长6%：预计全年增长6.2%。
——地方一般公共预算收入预期目标增长5%：预计完成50亿元，增长3%。
——城镇新增就业目标2万人：全年新增就业2.1万人。
"""

PLAN = """青山区国民经济和社会发展第十四个五年规划纲要
表 主要指标
地区生产总值 | 亿元 | 800 | 1100 | 6.5左右 | 预期性 | 区发改局
森林覆盖率 | % | 20 | 22 | [2] | 约束性 | 区园林局
"""


def _fact(text: str, quote: str, indicator: str, role: str, period: str, measure: str, value,
          unit: str | None, comparator: str = "=", **flags) -> Fact:
    start = text.index(quote)
    return Fact(indicator, role, period, measure, Decimal(value), unit, comparator, start, start + len(quote), **flags)


def report_facts(text: str) -> list[Fact]:
    return [
        _fact(text, "增长6%", "地区生产总值", "target", "2023", "growth", "6", "%"),
        _fact(text, "增长6.2%", "地区生产总值", "actual", "2023", "growth", "6.2", "%", estimated=True),
        _fact(text, "增长5%", "地方一般公共预算收入", "target", "2023", "growth", "5", "%"),
        _fact(text, "50亿元", "地方一般公共预算收入", "actual", "2023", "level", "50", "亿元", estimated=True),
        _fact(text, "增长3%", "地方一般公共预算收入", "actual", "2023", "growth", "3", "%", estimated=True),
        _fact(text, "2万人", "城镇新增就业", "target", "2023", "level", "2", "万人"),
        _fact(text, "2.1万人", "城镇新增就业", "actual", "2023", "level", "2.1", "万人"),
    ]


def plan_facts(text: str) -> list[Fact]:
    gdp = dict(attribute="预期性", department="区发改局")
    forest = dict(attribute="约束性", department="区园林局")
    return [
        _fact(text, "800", "地区生产总值", "baseline", "2020", "level", "800", "亿元", **gdp),
        _fact(text, "1100", "地区生产总值", "target", "2025", "level", "1100", "亿元", **gdp),
        _fact(text, "6.5左右", "地区生产总值", "target", "2021-2025", "growth", "6.5", "%", "~", **gdp),
        _fact(text, "20 ", "森林覆盖率", "baseline", "2020", "level", "20", "%", **forest),
        _fact(text, "22", "森林覆盖率", "target", "2025", "level", "22", "%", **forest),
        _fact(text, "[2]", "森林覆盖率", "target", "2021-2025", "change", "2", "百分点", cumulative=True, **forest),
    ]


@pytest.fixture
def filled(store, tmp_path):
    """The store holding the invented report and plan, with their facts."""
    for name, text, facts in (("report.txt", REPORT, report_facts), ("plan.txt", PLAN, plan_facts)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        document = load(path)
        store.add_document(document, facts(document.text))
    return store
