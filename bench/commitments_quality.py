"""The commitment extractor's answer-key figures, as the quality gate scores them.

    .venv/bin/python bench/commitments_quality.py [--key seeds|tune|heldout] [--errors 30] [--floors]

Keys: `seeds` is ../shared/gold/commitments/*.jsonl (the seeds); `tune` and `heldout` are
tests/extract/keys/commitments/{tune,heldout} (the 南通 series, ../shared/devset/series/南通市).
The extractor was tuned on `seeds` and `tune`; `heldout` is only ever read as its aggregate
figure (never with --errors). All are scored by ../shared/score_commitments.py. With --errors N,
lists the scorer's misses, wrong payloads and spurious items; with --floors, prints the figures
of every key truncated to three decimals in the shape of tests/extract/commitment_floors.json.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

from planwatch.documents import load
from planwatch.extract import extract_all

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
OWN_KEYS = ROOT / "tests" / "extract" / "keys" / "commitments"
SERIES = SHARED / "devset" / "series" / "南通市"
KEYS = {"seeds": (SHARED / "gold" / "commitments", SHARED / "seeds"),
        "tune": (OWN_KEYS / "tune", SERIES),
        "heldout": (OWN_KEYS / "heldout", SERIES)}


def run_scorer(extra: list[str], key_set: str = "seeds") -> subprocess.CompletedProcess:
    keys, docs = KEYS[key_set]
    gold = "".join(p.read_text(encoding="utf-8") for p in sorted(keys.glob("*.jsonl")))
    names = sorted({json.loads(line)["doc"] for line in gold.splitlines() if line.strip()})
    with tempfile.TemporaryDirectory() as folder:
        pred, key = Path(folder) / "pred.jsonl", Path(folder) / "gold.jsonl"
        key.write_text(gold, encoding="utf-8")
        with pred.open("w", encoding="utf-8") as out:
            for name in names:
                document = load(docs / name)
                for commitment in extract_all(document)[1]:
                    out.write(json.dumps(commitment.to_dict(document.name), ensure_ascii=False) + "\n")
        return subprocess.run([sys.executable, str(SHARED / "score_commitments.py"), "--gold", str(key),
                               "--pred", str(pred), "--docs", str(docs), *extra],
                              capture_output=True, text=True, check=True)


def score(key_set: str = "seeds") -> dict:
    return json.loads(run_scorer(["--json"], key_set).stdout)


def floors(report: dict) -> dict:
    per_doc = {k[4:]: v["f1"] for k, v in report["groups"].items() if k.startswith("doc=")}
    return {"overall_f1": math.floor(report["overall"]["f1"] * 1000) / 1000, "grounding": report["grounding"],
            "per_document_f1": {doc: math.floor(f1 * 1000) / 1000 for doc, f1 in per_doc.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", choices=sorted(KEYS), default="seeds")
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--floors", action="store_true")
    args = parser.parse_args()
    if args.key == "heldout" and args.errors:
        parser.error("the held-out key is read only as its aggregate figure: no --errors")
    if not args.floors:
        print(run_scorer(["--errors", str(args.errors)], args.key).stdout)
        return
    print(json.dumps({name: floors(score(name)) for name in KEYS}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
