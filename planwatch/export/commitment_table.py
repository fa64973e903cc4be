"""重点工作任务完成情况表: a year's promised tasks and projects of a region, each with what
the later reports say became of it (planwatch.evaluate.commitments), as a ReportTable."""

from __future__ import annotations

from collections.abc import Iterable

from ..documents.regions import region_key
from ..errors import EvaluationError
from ..evaluate.commitments import Link, region_of, stated
from ..evaluate.wording import level
from ..model import Commitment
from ..words import say
from .table import Column, ReportTable

COLUMNS = [
    Column("no", "序号"), Column("kind", "类别"), Column("task", "工作任务", "计划目标"),
    Column("target", "目标", "计划目标"), Column("result", "完成情况", "执行结果"), Column("status", "状态", "执行结果"),
    Column("reason", "说明"), Column("source", "来源"),
]
KIND_WORDS = {"task": "任务", "project": "项目"}


def commitment_table(found: Iterable[Link], region: str, period: str) -> ReportTable:
    """One row per promise of the period, in the order the documents state them."""
    key = region_key(region) or region
    found = [link for link in found if link.target.commitment.period == period and region_of(link.target) == key]
    if not found:
        raise EvaluationError(say("{region}没有{period}年的重点工作任务，无法生成完成情况表",
                                  "{region} has no tasks for {period}: no progress table can be made",
                                  region=region, period=period))
    name = max((link.target.region or "" for link in found), key=len) or region
    rows = [_row(n, link) for n, link in enumerate(found, start=1)]
    return ReportTable(f"{name}{period}年重点工作任务完成情况表", name, period, list(COLUMNS), rows, _notes(),
                       sheet="重点工作任务")


def _row(n: int, link: Link) -> dict[str, str]:
    c = link.target.commitment
    answer = link.answers[0].record if link.answers else None
    sources = [link.target.doc_title or link.target.doc] + ([answer.doc_title or answer.doc] if answer else [])
    return {"no": str(n), "kind": KIND_WORDS[c.kind], "task": f"{c.action}{c.object}", "target": _quantity(c),
            "result": stated(answer.commitment, with_object=False) if answer else "",
            "status": link.label, "reason": link.reason, "source": "；".join(dict.fromkeys(sources))}


def _quantity(c: Commitment) -> str:
    words = "" if c.value is None else level(c.value, c.unit, c.comparator, c.upper)
    if c.money is not None:
        words += f"（投资{level(c.money, '亿元')}）"
    return words or "—"


def _notes() -> list[str]:
    return [
        "完成情况取其后文件中同一地区、同一年度、同一阶段、对象相同或相近的报告；“已开工未完工”表示计划完工的只报告了开工。",
        "“有报告未能比较”表示其后文件提到该任务，但数量单位不同或未给出数量；“未见报告”表示其后文件均未提到。",
    ]
