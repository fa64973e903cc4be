"""Latency of the dashboard on a large synthetic database, one server worker.

Builds (bulk insert, in a temporary folder) 1,000,000 facts over 3,000 regions
and 10 years: one annual report per region and year, each stating results for
its year and targets for the next (and every third its GDP level). Then serves it with `planwatch serve` and
times the home, region, indicator, document and search pages (HTML, as a reader
gets them) and their JSON twins, and the review queue (site-wide and per region);
prints p50/p95 in milliseconds.

    .venv/bin/python bench/api_latency.py [--regions 3000] [--years 10] [--db URL] [--requests 200]

Target: p95 < 50 ms for region and indicator pages. The load ends with the
planner statistics an ingest leaves (Store.update_statistics).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import httpx

from planwatch.store import Store
from planwatch.store.engine import open_engine
from planwatch.web.queries import D, F
from planwatch.store.search import SearchIndex

INDICATORS = ["地区生产总值", "服务业增加值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额",
              "地方一般公共预算收入", "外贸进出口总额", "实际利用外资", "城镇常住居民人均可支配收入",
              "农村常住居民人均可支配收入", "城镇调查失业率", "居民消费价格指数", "工业投资",
              "高新技术产业增加值", "研究与试验发展经费投入强度", "单位地区生产总值能源消耗",
              "城镇新增就业人数"]
CONFIDENCES = (0.9, 0.75, 0.9, 0.6, 0.9)   # few values, as the extractor gives: the review queue's ties
FIRST_YEAR = 2015
BATCH = 20_000


def region_name(i: int) -> str:
    return f"模拟{i:04d}县"


def build(url: str, regions: int, years: int) -> int:
    with Store(url):   # creates the schema (migrations)
        pass
    engine = open_engine(url)
    rng = random.Random(7)
    doc_id, facts, docs, total = 0, [], [], 0
    now = datetime.now(timezone.utc)
    with engine.begin() as conn:
        for r in range(regions):
            for y in range(FIRST_YEAR, FIRST_YEAR + years):
                doc_id += 1
                body, doc_facts = _report(rng, doc_id, y)
                docs.append(_doc_row(doc_id, r, y, body, len(doc_facts), now))
                facts += doc_facts
                if len(facts) >= BATCH:
                    conn.execute(D.insert(), docs)
                    conn.execute(F.insert(), facts)
                    total += len(facts)
                    docs, facts = [], []
        if docs:
            conn.execute(D.insert(), docs)
            conn.execute(F.insert(), facts)
            total += len(facts)
    engine.dispose()
    with Store(url) as store:   # planner statistics, as an ingest leaves them
        store.update_statistics()
    return total


def _report(rng: random.Random, doc_id: int, year: int) -> tuple[str, list[dict]]:
    """A short report: each indicator's growth in `year`, then targets for the next year."""
    parts, facts = [f"{year}年国民经济和社会发展计划执行情况的报告\n一、{year}年执行情况\n"], []
    pos = len(parts[0])
    for role, period, word in (("actual", year, "增长"), ("target", year + 1, "预期增长")):
        if role == "target":
            parts.append(f"\n二、{year + 1}年预期目标\n")
            pos += len(parts[-1])
        for name in INDICATORS[: 16 if role == "target" else 17]:
            value = Decimal(rng.randint(-20, 120)) / 10
            sentence = f"{name}{word}{value}%;"
            facts.append({"document_id": doc_id, "indicator": name, "role": role, "period": str(period),
                          "measure": "growth", "value": value, "upper": None, "also": [], "unit": "%",
                          "comparator": "~" if role == "target" else "=", "text": None, "estimated": False,
                          "stretch": False, "cumulative": False, "attribute": None, "department": None,
                          "assessment": None, "name_as_written": name, "start": pos,
                          "end": pos + len(sentence) - 1, "extractor_version": "bench",
                          "confidence": CONFIDENCES[len(facts) % len(CONFIDENCES)]})
            parts.append(sentence)
            pos += len(sentence)
    if doc_id % 3 == 0:   # every third report also states its GDP level: 1,000,000 facts in all
        sentence = f"地区生产总值达到{rng.randint(100, 3000)}亿元。"
        facts.append(dict(facts[0], indicator="地区生产总值", measure="level", unit="亿元", comparator="=",
                          value=Decimal(sentence[8:-3]), start=pos, end=pos + len(sentence) - 1))
        parts.append(sentence)
    return "".join(parts), facts


def _doc_row(doc_id: int, region: int, year: int, text: str, fact_count: int, now) -> dict:
    name = region_name(region)
    return {"id": doc_id, "name": f"{name}-{year}.txt", "version": 1, "superseded": False,
            "sha256": hashlib.sha256(text.encode()).hexdigest(), "encoding": "utf-8", "format": "text",
            "title": f"{name}{year}年计划执行情况报告", "region": name, "region_key": name,
            "region_level": "county", "doc_type": "annual_report", "report_years": [year],
            "target_years": [year + 1], "plan_span": None, "date": f"{year + 1}-01-15", "meeting": None,
            "text": text, "original": None, "fact_count": fact_count, "ingested_at": now}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", "from planwatch.cli import main; main()", "serve",
                                "--db", url, "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            httpx.get(base + "/upload", timeout=1)
            return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start")


def timings(client: httpx.Client, paths: list[str]) -> list[float]:
    client.get(paths[0])   # warm up: templates compiled, connections open
    out = []
    for path in paths:
        start = time.perf_counter()
        response = client.get(path)
        out.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code} {response.text[:200]}")
    return out


def report(name: str, ms: list[float]) -> None:
    q = statistics.quantiles(ms, n=100)
    print(f"{name:<24} p50 {q[49]:7.1f} ms   p95 {q[94]:7.1f} ms   ({len(ms)} requests)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--regions", type=int, default=3000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--db", help="an empty database URL (default: SQLite in a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        start = time.perf_counter()
        total = build(url, args.regions, args.years)
        print(f"built {total:,} facts, {args.regions * args.years:,} documents in {time.perf_counter() - start:.0f} s")
        start = time.perf_counter()
        engine = open_engine(url)
        SearchIndex(engine).refresh()
        engine.dispose()
        print(f"search index built in {time.perf_counter() - start:.0f} s")
        process, base = serve(url)
        try:
            run(base, args)
        finally:
            process.terminate()
            process.wait(10)


def run(base: str, args) -> None:
    rng = random.Random(11)
    n = args.requests
    regions = [quote(region_name(rng.randrange(args.regions))) for _ in range(n)]
    indicators = [quote(rng.choice(INDICATORS)) for _ in range(n)]
    three = ["&".join(f"region={quote(region_name(rng.randrange(args.regions)))}" for _ in range(3)) for _ in range(n)]
    docs = [rng.randrange(1, args.regions * args.years + 1) for _ in range(n)]
    queries = [quote(rng.choice(INDICATORS + [region_name(rng.randrange(args.regions))])) for _ in range(n // 4)]
    with httpx.Client(base_url=base, timeout=60) as client:
        report("home", timings(client, ["/"] * (n // 4)))
        report("region", timings(client, [f"/regions/{r}" for r in regions]))
        report("region .json", timings(client, [f"/regions/{r}.json" for r in regions]))
        report("indicator", timings(client, [f"/indicators/{i}" for i in indicators]))
        report("indicator 3 regions", timings(client, [f"/indicators/{i}?{r}" for i, r in zip(indicators, three)]))
        report("document", timings(client, [f"/documents/{d}" for d in docs]))
        report("search", timings(client, [f"/search?q={q}" for q in queries]))
        report("review queue", timings(client, ["/review/queue"] * (n // 10)))
        report("review queue region", timings(client, [f"/review/queue?region={r}" for r in regions]))


if __name__ == "__main__":
    main()
