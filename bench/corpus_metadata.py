"""How many real reports get no region, type or years from their metadata.

    .venv/bin/python bench/corpus_metadata.py [FOLDER] [--misses N]

Loads every file under FOLDER (default: the shared corpus of 1,339 city work
reports, unpacked once into a temporary folder) through `planwatch.documents.load`
and prints how many lack a region, a document type (`other`) or report/target
years, the median and slowest load time, and the first N misses of each kind.
"""

from __future__ import annotations

import argparse
import statistics
import tarfile
import tempfile
import time
from pathlib import Path

from planwatch.documents import load

CORPUS = Path(__file__).resolve().parents[1] / "../shared/corpus/city-work-reports.tar.xz"
UNPACKED = Path(tempfile.gettempdir()) / "planwatch-corpus"


def corpus_folder() -> Path:
    """The shared corpus unpacked outside the repository (once)."""
    if not UNPACKED.exists():
        with tarfile.open(CORPUS) as archive:
            archive.extractall(UNPACKED, filter="data")
    return UNPACKED


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--misses", type=int, default=10, help="misses of each kind to list")
    args = parser.parse_args()
    files = sorted(p for p in (args.folder or corpus_folder()).rglob("*") if p.is_file())
    misses: dict[str, list[str]] = {"region": [], "type": [], "years": []}
    seconds = []
    for path in files:
        started = time.perf_counter()
        meta = load(path).meta
        seconds.append(time.perf_counter() - started)
        name = str(path.relative_to(path.parents[1]))
        if not meta.region:
            misses["region"].append(name)
        if meta.doc_type == "other":
            misses["type"].append(name)
        if not (meta.report_years or meta.target_years):
            misses["years"].append(f"{name} ({meta.doc_type})")
    print(f"{len(files)} documents; load median {statistics.median(seconds) * 1000:.1f} ms, "
          f"slowest {max(seconds) * 1000:.1f} ms")
    for kind, names in misses.items():
        print(f"no {kind}: {len(names)}" + "".join(f"\n    {n}" for n in names[:args.misses]))


if __name__ == "__main__":
    main()
