"""Throughput of the whole pipeline (decode + noise + metadata + facts + commitments) in chars/s.

    .venv/bin/python bench/extract_speed.py [--runs 5] [--size-mb 10] [--seeds ../shared/seeds] [--facts-only | --compare]

The seeds are joined and repeated until the file holds at least --size-mb MB of
UTF-8; each run loads that file with planwatch.documents.load and extracts its
facts and commitments (planwatch.extract.extract_all; with --facts-only, the facts
alone, to see what commitments cost), in this one process. Prints each run and the medians of wall-clock and
CPU time (CPU time is the fairer figure on a shared, busy machine).
With --compare, each run times the facts alone and then facts and commitments, one
after the other, and prints the median of the runs' ratios (what commitments cost,
measured so that a busy machine slows both sides alike).
Target: >= 2 M chars/s on one core.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from planwatch.documents import load
from planwatch.extract import extract, extract_all

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"


def corpus(seeds: Path, size_mb: float) -> bytes:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    data = text.encode("utf-8")
    return data * (int(size_mb * 1_000_000 / len(data)) + 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size-mb", type=float, default=10)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--facts-only", action="store_true", help="extract the facts alone, not the commitments")
    parser.add_argument("--compare", action="store_true", help="facts alone and facts with commitments, interleaved")
    args = parser.parse_args()
    if args.compare:
        return compare(args)
    run_extract = extract if args.facts_only else facts_and_commitments
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.txt"
        path.write_bytes(corpus(args.seeds, args.size_mb))
        run_extract(load(path))  # warm up: compile patterns, read the data files
        size = path.stat().st_size
        walls, cpus = [], []
        for run in range(1, args.runs + 1):
            wall, cpu = time.perf_counter(), time.process_time()
            document = load(path)
            facts = run_extract(document)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            walls.append(len(document.text) / wall)
            cpus.append(len(document.text) / cpu)
            print(f"run {run}: {len(document.text):,} chars, {len(facts)} facts, wall {wall:.2f} s "
                  f"({walls[-1] / 1e6:.2f} M chars/s), cpu {cpu:.2f} s ({cpus[-1] / 1e6:.2f} M chars/s)")
    print(f"median over {args.runs} runs of {size / 1e6:.1f} MB: wall {statistics.median(walls) / 1e6:.2f} M chars/s, "
          f"cpu {statistics.median(cpus) / 1e6:.2f} M chars/s")


def facts_and_commitments(document) -> list:
    return extract_all(document)[0]


def cpu_time(run_extract, path: Path) -> tuple[float, int]:
    cpu = time.process_time()
    document = load(path)
    run_extract(document)
    return time.process_time() - cpu, len(document.text)


def compare(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.txt"
        path.write_bytes(corpus(args.seeds, args.size_mb))
        facts_and_commitments(load(path))  # warm up
        facts, both = [], []
        for run in range(1, args.runs + 1):
            (facts_cpu, size), (both_cpu, _) = cpu_time(extract, path), cpu_time(facts_and_commitments, path)
            facts.append(facts_cpu)
            both.append(both_cpu)
            print(f"run {run}: facts {size / facts_cpu / 1e6:.2f} M chars/s, facts and commitments "
                  f"{size / both_cpu / 1e6:.2f} M chars/s, ratio {both_cpu / facts_cpu:.2f}")
    median = statistics.median
    print(f"median over {args.runs} runs (cpu): facts {size / median(facts) / 1e6:.2f} M chars/s, facts and "
          f"commitments {size / median(both) / 1e6:.2f} M chars/s, ratio {median(b / f for b, f in zip(both, facts)):.2f} "
          f"(commitments cost {median((b - f) / f for b, f in zip(both, facts)):.2f} of the facts' time)")


if __name__ == "__main__":
    main()
