"""The commitment extractor's answer-key figures on the seeds, as the quality gate scores them.

    .venv/bin/python bench/commitments_quality.py [--errors 30] [--floors]

Keys: ../shared/gold/commitments/*.jsonl (the seeds, tuned on), scored by
../shared/score_commitments.py. With --errors N, lists the scorer's misses, wrong
payloads and spurious items; with --floors, prints the figures truncated to three
decimals in the shape of tests/extract/commitment_floors.json, for raising floors.
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
DOCS, KEYS = SHARED / "seeds", SHARED / "gold" / "commitments"


def run_scorer(extra: list[str]) -> subprocess.CompletedProcess:
    gold = "".join(p.read_text(encoding="utf-8") for p in sorted(KEYS.glob("*.jsonl")))
    names = sorted({json.loads(line)["doc"] for line in gold.splitlines() if line.strip()})
    with tempfile.TemporaryDirectory() as folder:
        pred, key = Path(folder) / "pred.jsonl", Path(folder) / "gold.jsonl"
        key.write_text(gold, encoding="utf-8")
        with pred.open("w", encoding="utf-8") as out:
            for name in names:
                document = load(DOCS / name)
                for commitment in extract_all(document)[1]:
                    out.write(json.dumps(commitment.to_dict(document.name), ensure_ascii=False) + "\n")
        return subprocess.run([sys.executable, str(SHARED / "score_commitments.py"), "--gold", str(key),
                               "--pred", str(pred), "--docs", str(DOCS), *extra],
                              capture_output=True, text=True, check=True)


def score() -> dict:
    return json.loads(run_scorer(["--json"]).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0)
    parser.add_argument("--floors", action="store_true")
    args = parser.parse_args()
    if not args.floors:
        print(run_scorer(["--errors", str(args.errors)]).stdout)
        return
    report = score()
    per_doc = {k[4:]: v["f1"] for k, v in report["groups"].items() if k.startswith("doc=")}
    print(json.dumps({"overall_f1": math.floor(report["overall"]["f1"] * 1000) / 1000,
                      "grounding": report["grounding"],
                      "per_document_f1": {doc: math.floor(f1 * 1000) / 1000 for doc, f1 in per_doc.items()}},
                     indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
