"""Start-up of the command line, against a bare interpreter, measured in one run.

    .venv/bin/python bench/startup.py [--runs 7] [--seed ../shared/seeds/001_8444fd7a4ce61ee2.txt]

Prints the median wall time of `python -c pass`, `planwatch --help` and
`planwatch extract SEED`, each as a multiple of the bare interpreter's.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANWATCH = Path(sys.executable).with_name("planwatch")


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=Path, default=ROOT / "../shared/seeds/001_8444fd7a4ce61ee2.txt")
    args = parser.parse_args()
    bare = median_seconds([sys.executable, "-c", "pass"], args.runs)
    print(f"python -c pass            {bare * 1000:7.0f} ms")
    for label, command in (("planwatch --help", [str(PLANWATCH), "--help"]),
                           ("planwatch extract SEED", [str(PLANWATCH), "extract", str(args.seed)])):
        took = median_seconds(command, args.runs)
        print(f"{label:<25} {took * 1000:7.0f} ms  ({took / bare:.1f}x the bare interpreter)")


if __name__ == "__main__":
    main()
