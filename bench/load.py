"""The server under load: requests/s and p50/p95/p99 per page and concurrency.

    .venv/bin/python bench/load.py [--backend sqlite|postgresql|both] [--corpus] [--db URL]
                                   [--duration 10] [--concurrency 1,8,32] [--pages home,region,...]

Starts `planwatch serve` itself on 127.0.0.1 (SQLite with one worker, PostgreSQL
with --workers, default 4) over the seeds, or with --corpus the 1,339 city work
reports of ../shared/corpus, ingested first into a temporary SQLite file or a
temporary PostgreSQL database (dropped at the end); --db serves a database
already filled instead (nothing is ingested or dropped). Then, for each page
(home, region, indicator, document, search) and each concurrency, clients on one
asyncio loop send requests back to back for --duration seconds (at most
--max-requests): one line per run with the requests, errors (anything but 200,
or no answer), requests/s and latency percentiles in ms. `cold` is the first
request after the server started: the page computed, not yet cached.

Last, one document is ingested by another process while the server runs, and
searches for a word only it holds are timed right after (the acceptance: within
100 ms). Only loopback is ever contacted; every run is bounded in time and count.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx
import psycopg

from planwatch.store import Store

sys.path.insert(0, str(Path(__file__).parent))
from corpus_metadata import corpus_folder  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "../shared/seeds"
PLANWATCH = Path(sys.executable).parent / "planwatch"
PG_SERVER = "postgresql://postgres@127.0.0.1:5432"
PAGES = ("home", "region", "indicator", "document", "search")
SEARCH_WORD = "地区生产总值"


def main() -> None:
    args = _arguments()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        with _database(backend, args) as url:
            workers = 1 if backend == "sqlite" else args.workers
            data = "the given database" if args.db else "corpus" if args.corpus else "seeds"
            print(f"\n{backend}, {workers} worker(s), {data}: {url.split('@')[-1]}")
            with _server(url, workers) as base:
                _measure(base, url, args)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--corpus", action="store_true", help="the 1,339 city work reports instead of the seeds")
    parser.add_argument("--db", help="serve this database, already filled (nothing ingested or dropped)")
    parser.add_argument("--workers", type=int, default=4, help="server processes on PostgreSQL")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per page and concurrency")
    parser.add_argument("--max-requests", type=int, default=20_000, help="per page and concurrency")
    parser.add_argument("--concurrency", default="1,8,32")
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    args.levels = [int(c) for c in args.concurrency.split(",")]
    args.page_names = [p for p in args.pages.split(",") if p]
    unknown = set(args.page_names) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {', '.join(sorted(unknown))} (known: {', '.join(PAGES)})")
    if args.db and args.backend == "both":
        args.backend = "postgresql" if args.db.startswith("postgres") else "sqlite"
    return args


@contextmanager
def _database(backend: str, args: argparse.Namespace):
    """A filled database: --db as given, else a temporary one with the seeds or the corpus ingested."""
    if args.db:
        yield args.db
        return
    folder = corpus_folder() if args.corpus else SEEDS
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="planwatch-load-") as tmp:
            url = f"sqlite:///{tmp}/load.db"
            _ingest(url, folder)
            yield url
        return
    name = f"planwatch_load_{os.getpid()}_{secrets.token_hex(3)}"
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = f"{PG_SERVER}/{name}"
        _ingest(url, folder)
        yield url
    finally:
        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _ingest(url: str, folder: Path) -> None:
    started = time.perf_counter()
    with Store(url) as store:
        report = store.ingest([folder])
    print(f"ingested {report.documents} documents, {report.facts} facts in {time.perf_counter() - started:.0f} s")


@contextmanager
def _server(url: str, workers: int):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([str(PLANWATCH), "serve", "--db", url, "--host", "127.0.0.1", "--port", str(port),
                                "--workers", str(workers)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(process, base)
        yield base
        print(f"server memory at the end: {_memory_mib(process.pid):.0f} MiB (resident, all its processes)")
    finally:
        process.terminate()
        process.wait(timeout=60)


def _memory_mib(pid: int) -> float:
    """Resident memory of a process and its children (Linux /proc)."""
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total += int(line.split()[1]) * 1024
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return total / 2**20 + sum(_memory_mib(int(child)) for child in children)


def _wait_until_up(process: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + 180   # four workers starting on a busy 2-core machine take a while
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server stopped at start (exit status {process.returncode})")
        try:
            if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not answer /healthz within 180 s")


def _paths(base: str) -> dict[str, str]:
    """One path per page, chosen from the data: the region with the most facts, the latest document."""
    home = httpx.get(f"{base}/.json", timeout=300).json()
    region = max(home["regions"], key=lambda r: r["facts"] or 0)["key"]
    return {"home": "/", "region": f"/regions/{quote(region)}", "indicator": f"/indicators/{quote(SEARCH_WORD)}",
            "document": f"/documents/{home['documents'][0]['id']}", "search": f"/search?q={quote(SEARCH_WORD)}"}


def _measure(base: str, url: str, args: argparse.Namespace) -> None:
    paths = _paths(base)   # computes the home page's data (JSON); every other page is still cold
    cold = {name: _timed_get(base, paths[name]) for name in PAGES if name != "home"}
    cold["home"] = float("nan")
    print(f"{'page':10} {'clients':>7} {'requests':>8} {'errors':>6} {'req/s':>7} {'p50':>7} {'p95':>7} "
          f"{'p99':>7} {'cold':>7}")
    for name in args.page_names:
        for clients in args.levels:
            latencies, failed, seconds = asyncio.run(_run(base + paths[name], clients, args.duration,
                                                          args.max_requests))
            errors = sum(failed.values())
            p50, p95, p99 = _percentiles(latencies)
            print(f"{name:10} {clients:7d} {len(latencies) + errors:8d} {errors:6d} "
                  f"{len(latencies) / seconds:7.1f} {p50:7.1f} {p95:7.1f} {p99:7.1f} {cold[name]:7.1f}"
                  + (f"  ({', '.join(f'{kind} ×{n}' for kind, n in failed.most_common())})" if failed else ""),
                  flush=True)
    _search_after_ingest(base, url)


def _timed_get(base: str, path: str) -> float:
    started = time.perf_counter()
    httpx.get(base + path, timeout=300).raise_for_status()
    return (time.perf_counter() - started) * 1000


async def _run(target: str, clients: int, duration: float, max_requests: int) -> tuple[list[float], Counter, float]:
    """Latencies of the answers, the failures by kind (an HTTP status or the client's exception), seconds taken."""
    latencies: list[float] = []
    errors: Counter = Counter()
    sent = 0
    started = time.perf_counter()
    deadline = started + duration
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=60) as client:

        async def one_client():
            nonlocal sent
            while time.perf_counter() < deadline and sent < max_requests:
                sent += 1
                began = time.perf_counter()
                try:
                    answer = await client.get(target)
                    failure = None if answer.status_code == 200 else f"HTTP {answer.status_code}"
                except httpx.HTTPError as exc:
                    failure = type(exc).__name__
                if failure is None:
                    latencies.append((time.perf_counter() - began) * 1000)
                else:
                    errors[failure] += 1

        await asyncio.gather(*(one_client() for _ in range(clients)))
    return latencies, errors, time.perf_counter() - started


def _percentiles(latencies: list[float]) -> tuple[float, float, float]:
    if len(latencies) < 2:
        return (latencies[0],) * 3 if latencies else (float("nan"),) * 3
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def _search_after_ingest(base: str, url: str) -> None:
    """Another process ingests a new document; searches for its one word follow at once."""
    word = f"测绘{secrets.token_hex(4)}"   # jieba keeps the hex run as one word
    with tempfile.TemporaryDirectory(prefix="planwatch-load-new-") as tmp:
        path = Path(tmp) / f"新增文件{word}.txt"
        path.write_text(f"青石县2025年工作报告\n全年地区生产总值增长5.1%。{word}项目完成。\n", encoding="utf-8")
        subprocess.run([str(PLANWATCH), "ingest", "--db", url, str(path)], check=True, capture_output=True)
    query = f"/search.json?q={quote(word)}"
    timings, found = [], []
    # A connection per request, so that they spread over the workers (each one's first search
    # after the ingest); one client, whose set-up is not what is measured.
    with httpx.Client(base_url=base, timeout=60, limits=httpx.Limits(max_keepalive_connections=0)) as client:
        for _ in range(8):
            started = time.perf_counter()
            answer = client.get(query)
            timings.append((time.perf_counter() - started) * 1000)
            found.append(len(answer.json().get("documents", [])) if answer.status_code == 200 else -1)
    print(f"search right after an ingest: {' '.join(f'{t:.0f}' for t in timings)} ms "
          f"(max {max(timings):.0f} ms); documents found {found}")


if __name__ == "__main__":
    main()
