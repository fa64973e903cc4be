"""Throughput of the whole pipeline (decode + noise + metadata + extract) in chars/s.

    .venv/bin/python bench/extract_speed.py [--runs 5] [--size-mb 10] [--seeds ../shared/seeds]
    .venv/bin/python bench/extract_speed.py --compare ../base [--runs 5] [--size-mb 5]

The seeds are joined and repeated until the file holds at least --size-mb MB of
UTF-8; each run loads that file with planwatch.documents.load and extracts its
facts, in this one process. Prints each run and the medians of wall-clock and
CPU time (CPU time is the fairer figure on a shared, busy machine).
Target: >= 2 M chars/s on one core.

With --compare PATH (another checkout of planwatch, e.g. a `git worktree` of an
older commit), each run is a fresh interpreter (three runs, their median) that
imports planwatch from this checkout or from PATH, alternately, so that both see
the same load on a shared machine; prints the median CPU figure of each and their
ratio.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from planwatch.documents import load
from planwatch.extract import extract

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "seeds"
_CPU = re.compile(r"cpu ([0-9.]+) M chars/s$")


def corpus(seeds: Path, size_mb: float) -> bytes:
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    data = text.encode("utf-8")
    return data * (int(size_mb * 1_000_000 / len(data)) + 1)


def measure(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.txt"
        path.write_bytes(corpus(args.seeds, args.size_mb))
        extract(load(path))  # warm up: compile patterns, read the data files
        size = path.stat().st_size
        walls, cpus = [], []
        for run in range(1, args.runs + 1):
            wall, cpu = time.perf_counter(), time.process_time()
            document = load(path)
            facts = extract(document)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            walls.append(len(document.text) / wall)
            cpus.append(len(document.text) / cpu)
            print(f"run {run}: {len(document.text):,} chars, {len(facts)} facts, wall {wall:.2f} s "
                  f"({walls[-1] / 1e6:.2f} M chars/s), cpu {cpu:.2f} s ({cpus[-1] / 1e6:.2f} M chars/s)")
    print(f"median over {args.runs} runs of {size / 1e6:.1f} MB: wall {statistics.median(walls) / 1e6:.2f} M chars/s, "
          f"cpu {statistics.median(cpus) / 1e6:.2f} M chars/s")


def one_run(checkout: Path, args: argparse.Namespace) -> float:
    """CPU M chars/s, the median of three runs in a fresh interpreter that imports planwatch from `checkout`."""
    command = [sys.executable, __file__, "--runs", "3", "--size-mb", str(args.size_mb), "--seeds", str(args.seeds)]
    done = subprocess.run(command, env={**os.environ, "PYTHONPATH": str(checkout)}, capture_output=True, text=True,
                          check=True)
    return float(_CPU.search(done.stdout.strip())[1])


def compare(args: argparse.Namespace) -> None:
    figures: dict[Path, list[float]] = {ROOT: [], args.compare.resolve(): []}
    for run in range(1, args.runs + 1):
        order = list(figures) if run % 2 else list(reversed(figures))
        for checkout in order:
            figures[checkout].append(one_run(checkout, args))
        print(f"run {run}: " + ", ".join(f"{path.name} {runs[-1]:.2f}" for path, runs in figures.items()))
    (this, these), (other, others) = ((statistics.median(runs), runs) for runs in figures.values())
    paired = statistics.median(a / b for a, b in zip(these, others))  # each pair ran under the same load
    print(f"median cpu M chars/s over {args.runs} runs of {args.size_mb} MB: {ROOT.name} {this:.2f}, "
          f"{args.compare.resolve().name} {other:.2f}, ratio {this / other:.2f} (median of paired runs {paired:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size-mb", type=float, default=10)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--compare", type=Path, metavar="PATH", help="another planwatch checkout to run against")
    args = parser.parse_args()
    if args.compare:
        compare(args)
    else:
        measure(args)


if __name__ == "__main__":
    main()
