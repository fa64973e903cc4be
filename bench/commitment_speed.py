"""Speed of following commitments (links) and collecting projects on synthetic records,
in commitments/s: what a region's commitments page and its region page pay per request.

    .venv/bin/python bench/commitment_speed.py [--regions 20] [--years 10] [--per-year 150] [--runs 3]

Each region gets, per year, one report with `per-year` promises for the next year and as
many results for its own year; objects are drawn from a vocabulary of 400 words (one in
three results restates a promise's object with a qualifier, so every match rule runs:
same, contains, similar). Records are built in memory as the store hands them out
(StoredCommitment); no database.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from decimal import Decimal

from planwatch.evaluate import links, projects
from planwatch.model import Commitment
from planwatch.store import StoredCommitment

STEMS = ["充电桩", "学位", "市政道路", "老旧小区改造", "公园", "养老服务中心", "污水管网", "停车泊位", "科创项目",
         "高新技术企业", "省优质幼儿园", "社区助餐点", "保障性租赁住房", "农村户厕", "幸福河道", "智能工厂"]
QUALIFIERS = ["区级", "新能源汽车", "义务教育", "城镇", "公共", "省级", "市级", "口袋", "普惠性", "示范性",
              "重点", "亿元以上", "5亿元以上", "跨区域", "数字", "绿色", "老旧", "社区", "乡村", "智慧",
              "国家级", "高标准", "示范", "共享", "专精特新"]


def build(regions: int, years: int, per_year: int) -> list[StoredCommitment]:
    rng = random.Random(7)
    vocabulary = [f"{q}{s}" for q in QUALIFIERS for s in STEMS]
    records, doc, ident = [], 0, 0
    for r in range(regions):
        for year in range(2011, 2011 + years):
            doc += 1
            for role, period in (("target", year + 1), ("actual", year)):
                for _ in range(per_year):
                    ident += 1
                    obj = rng.choice(vocabulary)
                    if role == "actual" and rng.random() < 1 / 3:
                        obj = rng.choice(QUALIFIERS) + obj
                    stage = rng.choice(("start", "finish", "other", "other"))
                    value = Decimal(rng.randint(1, 5000))
                    names = (f"项目{rng.randint(1, 300)}",) if rng.random() < 0.2 else ()
                    c = Commitment(f"d{doc}.txt", "task", role, str(period), obj, stage, "新建", value, "个", "=",
                                   None, names, None, 0, 4)
                    records.append(StoredCommitment(ident, c, doc, f"文件{doc}", f"区{r}", f"区{r}",
                                                    "work_report", f"{year + 1}-01-15", "bench"))
    return records


def timed(work, runs: int) -> float:
    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=20)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--per-year", type=int, default=150)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    records = build(args.regions, args.years, args.per_year)
    one_region = [r for r in records if r.region_key == "区0"]
    found = links(records)
    answered = sum(link.status != "not_reported" for link in found)
    print(f"{len(records)} commitments in {args.regions} regions × {args.years} years; "
          f"{len(found)} promises, {answered} answered ({answered / len(found):.0%})")
    for label, work, count in (("links, every region", lambda: links(records), len(records)),
                               ("links, one region (a page)", lambda: links(one_region), len(one_region)),
                               ("projects, every region", lambda: projects(records), len(records))):
        seconds = timed(work, args.runs)
        print(f"{label:28} median {seconds * 1000:8.1f} ms  {count / seconds:10,.0f} commitments/s")


if __name__ == "__main__":
    main()
