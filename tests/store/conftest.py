"""Small documents and facts invented for the store tests (never the seeds' text)."""

from __future__ import annotations

import hashlib
from decimal import Decimal

import pytest

from planwatch.documents import Document, DocumentMeta
from planwatch.extract import Fact

REPORT = ("青石县2025年国民经济和社会发展计划执行情况的报告\r\n"
          "全县地区生产总值完成1639999999.99万元，同比增长5.0%。\r\n"
          "2026年主要预期目标：一般公共预算收入增长4.5%—5%；城镇调查失业率控制在5.5%以内。\r\n")


def _make_document(name: str = "qingshi_2025.txt", text: str = REPORT, region: str | None = "青石县",
                  encoding: str = "utf-8") -> Document:
    raw = text.encode(encoding)
    meta = DocumentMeta(title=text.splitlines()[0], region=region, region_level="county",
                        doc_type="annual_report", report_years=[2025], target_years=[2026],
                        date="2026-01-15", meeting="青石县第十八届人民代表大会第五次会议")
    return Document(name=name, text=text, sha256=hashlib.sha256(raw).hexdigest(), encoding=encoding,
                    meta=meta, original=raw)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _report_facts(text: str = REPORT) -> list[Fact]:
    """Facts of REPORT, evidence offsets pointing at their words."""
    gdp = _span(text, "1639999999.99万元")
    growth = _span(text, "增长5.0%")
    revenue = _span(text, "增长4.5%—5%")
    jobless = _span(text, "控制在5.5%以内")
    return [
        Fact("地区生产总值", "actual", "2025", "level", Decimal("1639999999.99"), "万元", "=", *gdp,
             also=[Decimal("1640000000.01")], name_as_written="全县地区生产总值", estimated=True),
        Fact("地区生产总值", "actual", "2025", "growth", Decimal("5.0"), "%", "=", *growth),
        Fact("一般公共预算收入", "target", "2026", "growth", Decimal("4.5"), "%", ">=", *revenue,
             upper=Decimal("5"), stretch=True, attribute="预期性", department="县财政局",
             assessment="难以完成"),
        Fact("城镇调查失业率", "target", "2026", "level", Decimal("5.5"), "%", "<=", *jobless,
             attribute="约束性", cumulative=False),
        Fact("居民人均可支配收入", "target", "2026", "growth", None, None, None, 0, 10,
             text="与经济增长基本同步"),
    ]


@pytest.fixture
def make_document():
    """make_document(name=..., text=..., region=..., encoding=...) -> Document"""
    return _make_document


@pytest.fixture
def report_facts():
    """report_facts(text) -> the facts of REPORT's sentences, offsets into text"""
    return _report_facts


@pytest.fixture
def document() -> Document:
    return _make_document()


@pytest.fixture
def facts() -> list[Fact]:
    return _report_facts()
