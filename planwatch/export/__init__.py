"""Stage: export. Report tables (主要指标完成情况表, a plan's progress table) as
CSV, XLSX and DOCX.

    table = report_table(records, region="武昌区", period="2023")   # or a span: 2021-2025
    write(table, "xlsx", Path("report.xlsx"))          # or render(table, "docx") -> bytes
    commitment_report(store, region="武昌区", period="2024")   # 重点工作任务完成情况表
"""

from __future__ import annotations

from collections.abc import Iterable

from ..evaluate import links
from ..evaluate.model import Record
from ..model import Period
from .commitment_table import commitment_table
from .plan_table import plan_table
from .table import Column, ReportTable, annual_table
from .writers import FORMATS, render, write

__all__ = ["FORMATS", "Column", "ReportTable", "annual_table", "commitment_report", "commitment_table", "plan_table", "render", "report", "report_table", "write"]


def report_table(records: Iterable[Record], region: str, period: str) -> ReportTable:
    """The completion table of a year, or a five-year plan's progress table for a span."""
    parsed = Period.parse(period)
    if parsed is not None and parsed.is_span:
        return plan_table(records, region, period)
    return annual_table(records, region, period)


def report(store, region: str, period: str, issuer: str = "") -> ReportTable:
    """The report table of a stored region; `issuer` is the 填报单位 its title block names."""
    table = report_table(store.facts(region=region), region, Period.asked(period))
    table.issuer = issuer
    return table


def commitment_report(store, region: str, period: str, issuer: str = "") -> ReportTable:
    """The 重点工作任务完成情况表 of a stored region's promises for a year."""
    table = commitment_table(links(store.commitments(region=region)), region, Period.asked(period))
    table.issuer = issuer
    return table
