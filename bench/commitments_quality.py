"""The commitment extractor's answer-key figures, as the quality gate scores them.

    .venv/bin/python bench/commitments_quality.py [--key seeds|tune|tune2|tune3|heldout] [--errors 30] [--floors]

Keys: `seeds` is ../shared/gold/commitments/*.jsonl (the seeds); `tune` and `heldout` are
tests/extract/keys/commitments/{tune,heldout} (the 南通 series, ../shared/devset/series/南通市);
`tune2` is tests/extract/keys/commitments/tune2 (work reports of two other regions, ../shared/devset/raw);
`tune3` is tests/extract/keys/commitments/tune3 (a 2014 city report read from the corpus archive).
The extractor was tuned on `seeds`, `tune`, `tune2` and `tune3`; `heldout` is only ever read as its aggregate
figure (never with --errors). All are scored by ../shared/score_commitments.py. With --errors N,
lists the scorer's misses, wrong payloads and spurious items; with --floors, prints the figures
of every key truncated to three decimals in the shape of tests/extract/commitment_floors.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

from keyscore import SHARED, floors, run_scorer

from planwatch.extract import extract_all

ROOT = Path(__file__).resolve().parents[1]
OWN_KEYS = ROOT / "tests" / "extract" / "keys" / "commitments"
SERIES = SHARED / "devset" / "series" / "南通市"
KEYS = {"seeds": (SHARED / "gold" / "commitments", SHARED / "seeds"),
        "tune": (OWN_KEYS / "tune", SERIES),
        "tune2": (OWN_KEYS / "tune2", SHARED / "devset" / "raw"),
        "tune3": (OWN_KEYS / "tune3", SHARED / "corpus" / "city-work-reports.tar.xz"),
        "heldout": (OWN_KEYS / "heldout", SERIES)}


def _commitments(document):
    return (commitment.to_dict(document.name) for commitment in extract_all(document)[1])


def run(extra: list[str], key_set: str = "seeds") -> subprocess.CompletedProcess:
    keys, docs = KEYS[key_set]
    return run_scorer("score_commitments.py", keys, docs, _commitments, extra)


def score(key_set: str = "seeds") -> dict:
    return json.loads(run(["--json"], key_set).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", choices=sorted(KEYS), default="seeds")
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--floors", action="store_true")
    args = parser.parse_args()
    if args.key == "heldout" and args.errors:
        parser.error("the held-out key is read only as its aggregate figure: no --errors")
    if not args.floors:
        print(run(["--errors", str(args.errors)], args.key).stdout)
        return
    print(json.dumps({name: floors(score(name)) for name in KEYS}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
