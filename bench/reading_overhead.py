"""What reading each document in a worker process within its budget costs a normal batch.

    .venv/bin/python bench/reading_overhead.py [--corpus 200] [--rounds 3]

Ingests the seeds and the first N reports of the shared corpus into a fresh SQLite
database twice per round: reading in process (`reading.read_document`, no budget) and
through this process's Reader (one forkserver worker, the default of `planwatch ingest`),
alternating which goes first. Prints the median wall-clock seconds of each and their
ratio; the first batch through the Reader also pays for starting its forkserver, shown
apart. A batch reads every document again (`--reextract` is not needed: each round
starts from an empty database).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from planwatch.store import Store
from planwatch.store.reading import read_document, reader

sys.path.insert(0, str(Path(__file__).parent))
from corpus_metadata import corpus_folder  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1] / "../shared/seeds"


def batch(files: list[Path], read) -> float:
    with tempfile.TemporaryDirectory(prefix="planwatch-overhead-") as folder, \
            Store(f"sqlite:///{folder}/pw.db") as store:
        started = time.perf_counter()
        report = store.ingest(files, read=read)
        took = time.perf_counter() - started
    assert not report.failures, report.failures[:3]
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=int, default=200, help="corpus reports besides the seeds")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    files = sorted(SEEDS.iterdir()) + sorted(p for p in corpus_folder().rglob("*.md"))[:args.corpus]
    print(f"{len(files)} files, {sum(p.stat().st_size for p in files) / 2**20:.1f} MiB")
    batch(files[:2], read_document)   # this process's own imports and lexicons, before any timing
    started = time.perf_counter()
    reader().read(files[0], files[0].read_bytes())
    print(f"first read through the Reader (starts the forkserver and its worker): {time.perf_counter() - started:.2f} s")
    timings: dict[str, list[float]] = {"in process": [], "worker": []}
    for round_ in range(args.rounds):
        order = [("in process", read_document), ("worker", None)]
        for name, read in order if round_ % 2 == 0 else order[::-1]:
            timings[name].append(batch(files, read))
    inside, worker = (statistics.median(timings[k]) for k in ("in process", "worker"))
    for name, values in timings.items():
        print(f"{name:>10}: median {statistics.median(values):6.2f} s  ({', '.join(f'{v:.2f}' for v in values)})")
    print(f"worker / in process: x{worker / inside:.3f} ({(worker - inside) / len(files) * 1000:+.1f} ms a document)")


if __name__ == "__main__":
    main()
