"""Speed of evaluation (verdicts, plans, findings) on synthetic facts, in facts/s.

    .venv/bin/python bench/evaluate_speed.py [--regions 300] [--years 10] [--runs 3]

Each region gets, per year, an annual report with 20 indicators (a growth
target for the next year, a level and a growth result for its year, every
fifth result estimated) and a five-year plan table per five years. Records are
built in memory as the store hands them out (StoredFact); no database.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from decimal import Decimal

from planwatch.evaluate import findings, plans, verdicts
from planwatch.model import Fact
from planwatch.store import StoredFact

INDICATORS = [f"指标{i}" for i in range(20)]


def build(regions: int, years: int) -> list[StoredFact]:
    rng = random.Random(7)
    records, doc = [], 0
    for r in range(regions):
        region = f"区{r}"
        for year in range(2011, 2011 + years):
            doc += 1
            for name in INDICATORS:
                level = Decimal(rng.randint(100, 2000))
                growth = Decimal(rng.randint(-50, 120)) / 10
                facts = [Fact(name, "actual", str(year), "level", level, "亿元", "=", 0, 4, estimated=rng.random() < 0.2),
                         Fact(name, "actual", str(year), "growth", growth, "%", "=", 5, 9),
                         Fact(name, "target", str(year + 1), "growth", Decimal(6), "%", ">=", 10, 14)]
                if year % 5 == 0:
                    facts += [Fact(name, "baseline", str(year), "level", level, "亿元", "=", 20, 24),
                              Fact(name, "target", str(year + 5), "level", level * Decimal("1.4"), "亿元", "=", 25, 29),
                              Fact(name, "target", f"{year + 1}-{year + 5}", "growth", Decimal(7), "%", "~", 30, 34)]
                records += [StoredFact(len(records) + i, f, doc, f"{doc}.txt", None, region, region,
                                       "annual_report", f"{year + 1}-01-15", 1, "bench") for i, f in enumerate(facts)]
    return records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--regions", type=int, default=300)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    records = build(args.regions, args.years)
    print(f"{len(records)} facts, {args.regions} regions, {args.years} years")
    for name, step in (("verdicts", verdicts), ("plans", plans), ("findings", findings)):
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            step(records)
            times.append(time.perf_counter() - started)
        median = statistics.median(times)
        print(f"{name:9s} median {median:.2f} s   {len(records) / median:,.0f} facts/s")


if __name__ == "__main__":
    main()
