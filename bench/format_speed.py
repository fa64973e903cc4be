"""Load + extract throughput per format, in chars/s, on the seeds converted to
each format (a GB18030 portal page, a DOCX and a PDF, their tables real).

    .venv/bin/python bench/format_speed.py [--runs 5] [--seeds ../shared/seeds]

The conversion is the one tests/documents/test_format_parity.py checks
(tests/documents/conftest.py). Each run loads every converted seed with
planwatch.documents.load and extracts its facts, in this one process; chars
are those of the loaded text. Prints the medians of wall-clock and CPU time
per format (CPU time is the fairer figure on a shared, busy machine).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

from planwatch.documents import load
from planwatch.extract import extract

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "seeds"
KINDS = ("text", "html", "docx", "pdf")


def converters():
    """The test suite's converters (tests are no package: loaded by path)."""
    spec = importlib.util.spec_from_file_location("format_fixtures", ROOT / "tests" / "documents" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module     # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def converted(seeds: list[Path], folder: Path) -> dict[str, list[Path]]:
    fixtures = converters()
    files = {"text": seeds}
    for kind in KINDS[1:]:
        files[kind] = []
        for seed in seeds:
            document = load(seed)
            files[kind].append(fixtures.convert(kind, folder / f"{seed.stem}.{kind}", fixtures.seed_blocks(document),
                                                title=document.meta.title or ""))
    return files


def measure(paths: list[Path], runs: int) -> tuple[int, float, float]:
    """Chars loaded, and the median wall and CPU chars/s over the runs."""
    for path in paths:
        extract(load(path))     # warm up: compile patterns, read the data files
    walls, cpus, chars = [], [], 0
    for _ in range(runs):
        wall, cpu, chars = time.perf_counter(), time.process_time(), 0
        for path in paths:
            document = load(path)
            extract(document)
            chars += len(document.text)
        walls.append(chars / (time.perf_counter() - wall))
        cpus.append(chars / (time.process_time() - cpu))
    return chars, statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args()
    seeds = sorted(args.seeds.glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        files = converted(seeds, Path(folder))
        for kind in KINDS:
            size = sum(p.stat().st_size for p in files[kind])
            chars, wall, cpu = measure(files[kind], args.runs)
            print(f"{kind:5} {len(files[kind])} files, {size / 1e3:,.0f} kB, {chars:,} chars: median over {args.runs} runs "
                  f"wall {wall / 1e3:,.0f} k chars/s, cpu {cpu / 1e3:,.0f} k chars/s")


if __name__ == "__main__":
    main()
