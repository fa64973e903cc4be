"""A report table (主要指标完成情况表) as plain data: a title, a two-level header,
rows of text cells, notes. The writers (CSV, XLSX, DOCX) only lay it out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .. import settings
from ..documents.regions import region_key
from ..evaluate import Verdict, verdicts
from ..evaluate.link import Index
from ..evaluate.model import Record, Shown, region_of
from ..evaluate.periods import part_label, period_label
from ..model import Period
from ..evaluate.wording import cited, describe
from ..errors import EvaluationError
from ..words import say

# Worst first: an indicator judged on several measures shows the worst status.
SEVERITY = ("missed", "behind", "nearly_met", "on_track", "met", "exceeded", "unknown", "pending")


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    group: str | None = None        # the upper header cell shared with its neighbours


@dataclass
class ReportTable:
    title: str
    region: str
    period: str
    columns: list[Column]
    rows: list[dict[str, str]]
    notes: list[str] = field(default_factory=list)
    sheet: str = "主要指标"          # the XLSX sheet's name
    issuer: str = ""                # 填报单位, left blank for the office to write in when not set
    made: date = field(default_factory=date.today)     # 制表日期

    def title_block(self) -> str:
        """The line under the title an office fills in: region, period, 填报单位, 制表日期."""
        made = f"{self.made.year}年{self.made.month}月{self.made.day}日"
        return (f"地区：{self.region}　　时期：{period_label(self.period)}　　"
                f"填报单位：{self.issuer or '＿' * 8}　　制表日期：{made}")

    def header_groups(self) -> list[tuple[str, int, int]]:
        """(upper title, first column, last column) for each run of the upper header row."""
        runs: list[tuple[str, int, int]] = []
        for i, column in enumerate(self.columns):
            top = column.group or column.title
            if runs and column.group and runs[-1][0] == top and self.columns[runs[-1][1]].group == top:
                runs[-1] = (top, runs[-1][1], i)
            else:
                runs.append((top, i, i))
        return runs

    def to_dict(self) -> dict:
        return {"title": self.title, "region": self.region, "period": self.period, "issuer": self.issuer,
                "made": self.made.isoformat(),
                "columns": [{"key": c.key, "title": c.title, "group": c.group} for c in self.columns],
                "rows": self.rows, "notes": self.notes}


ANNUAL_COLUMNS = [
    Column("no", "序号"), Column("indicator", "指标名称"), Column("target", "目标"),
    Column("level", "绝对值", "完成情况"), Column("growth", "增速", "完成情况"),
    Column("status", "状态"), Column("reason", "说明"), Column("source", "来源"),
]


def annual_table(records: Iterable[Record], region: str, period: str) -> ReportTable:
    """One row per indicator with a target for the period, in the order the documents state them."""
    records = [r for r in records if _in_region(r, region)]
    found = [v for v in verdicts(records) if v.period == period]
    if not found:
        raise EvaluationError(say("{region}没有{period}年的目标，无法生成完成情况表",
                                  "{region} has no targets for {period}: no table of results can be made",
                                  region=region, period=period))
    index = Index(records)
    key = found[0].region_key
    by_indicator: dict[str, list[Verdict]] = {}
    for verdict in sorted(found, key=lambda v: (v.target.source.document_id, v.target.source.start or 0)):
        by_indicator.setdefault(verdict.indicator, []).append(verdict)
    rows = [_annual_row(n, indicator, judged, index, key, period)
            for n, (indicator, judged) in enumerate(by_indicator.items(), start=1)]
    name = found[0].region
    return ReportTable(f"{name}{period}年主要指标完成情况表", name, period, list(ANNUAL_COLUMNS), rows,
                       _annual_notes())


def _in_region(record: Record, region: str) -> bool:
    return region_of(record) == region_key(region)


def _annual_row(n: int, indicator: str, judged: list[Verdict], index: Index, key: str, period: str) -> dict:
    order = {"level": 0, "growth": 1, "change": 2}
    judged = sorted(judged, key=lambda v: order.get(v.measure, 3))
    targets = []
    for v in judged:
        words = describe(v.target)
        if v.stretch_target is not None:
            words += f"，力争{describe(v.stretch_target)}"
        targets.append(words)
    worst = min(judged, key=lambda v: SEVERITY.index(v.status))
    sources = []
    for v in judged:
        for shown in [v.target, *v.results]:
            sources.append(cited(shown.source))
    return {
        "no": str(n), "indicator": indicator, "target": "；".join(targets),
        "level": _result(index, key, indicator, period, "level"),
        "growth": _result(index, key, indicator, period, "growth"),
        "status": worst.label, "reason": "；".join(_explained(v) for v in judged),
        "source": "；".join(dict.fromkeys(sources)),
    }


def _explained(verdict: Verdict) -> str:
    if not verdict.revisions:
        return verdict.reason
    return f"{verdict.reason}（数据修订：{' → '.join(verdict.revisions)}）"


def _result(index: Index, key: str, indicator: str, period: str, measure: str) -> str:
    """The best stated result, else the latest part of the year, marked as such."""
    found = index.numeric(key, indicator, period, measure)
    prefix = ""
    if not found and (parsed := Period.parse(period)) is not None and parsed.is_year:
        found = index.parts(key, indicator, parsed.first, measure)
        prefix = part_label(found[0].fact.period) if found else ""
    if not found:
        qualitative = [r for r in index.facts(key, indicator, "actual", period, measure) if r.fact.text]
        return qualitative[0].fact.text if qualitative else ""
    shown = Shown.of(found[0])
    return f"{prefix}{describe(shown)}{'（预计）' if shown.estimated else ''}"


def _annual_notes() -> list[str]:
    tolerance = settings.get_decimal("near_tolerance")
    return [
        "状态：超额完成、完成、基本完成、未完成针对全年结果；进度正常、滞后针对年内进度（时间过半、任务过半）；待核实表示文件未给出可判断的结果；未到期表示目标期尚未结束。",
        f"“左右”目标低于目标值不超过{tolerance}（目标单位）视为基本完成；“以上”“以内”等按其方向判断。",
        "完成情况取最新、最终的数据；标注（预计）的为文件中的预计数。",
    ]
