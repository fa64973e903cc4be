"""How fast the store writes and reads, extraction left out.

    .venv/bin/python bench/store_speed.py [--db URL] [--documents N] [--facts-per-document M]

Stores N invented documents with M facts each (one transaction per document,
as ingest does), then times facts() over everything and for one region.
Without --db it uses an SQLite file in a temporary folder.
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from planwatch.documents import Document, DocumentMeta
from planwatch.extract import Fact
from planwatch.store import Store

INDICATORS = ("地区生产总值", "一般公共预算收入", "社会消费品零售总额", "固定资产投资", "城镇调查失业率")


def invented(n: int, facts_per_document: int) -> tuple[Document, list[Fact]]:
    region = f"第{n % 50}县"
    text = f"{region}{2000 + n % 25}年报告 地区生产总值增长{n}.5%。" * 20
    raw = text.encode("utf-8")
    meta = DocumentMeta(title=text[:20], region=region, doc_type="annual_report", report_years=[2024])
    document = Document(name=f"doc_{n:06d}.txt", text=text, sha256=hashlib.sha256(raw).hexdigest(),
                        encoding="utf-8", meta=meta, original=raw)
    facts = [Fact(INDICATORS[i % len(INDICATORS)], "actual", str(2000 + i), "growth",
                  Decimal(f"{n}.{i}"), "%", "=", 10, 20) for i in range(facts_per_document)]
    return document, facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db")
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--facts-per-document", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{Path(folder) / 'bench.db'}"
        with Store(url) as store:
            batch = [invented(n, args.facts_per_document) for n in range(args.documents)]
            started = time.perf_counter()
            for document, facts in batch:
                store.add_document(document, facts)
            wrote = time.perf_counter() - started
            total = args.documents * args.facts_per_document
            print(f"write: {args.documents / wrote:.0f} documents/s, {total / wrote:.0f} facts/s ({wrote:.2f} s)")
            started = time.perf_counter()
            everything = store.facts()
            read = time.perf_counter() - started
            print(f"facts(): {len(everything)} facts in {read:.2f} s ({len(everything) / read:.0f} facts/s)")
            started = time.perf_counter()
            one = store.facts(region="第7县")
            print(f"facts(region=...): {len(one)} facts in {time.perf_counter() - started:.3f} s")
            started = time.perf_counter()
            for document, _ in batch:
                store.add_document(document)
            print(f"unchanged re-ingest: {args.documents / (time.perf_counter() - started):.0f} documents/s")


if __name__ == "__main__":
    main()
