"""The extractor's answer-key figures on every keyed set, as the quality gate scores them.

    .venv/bin/python bench/quality.py [--floors]

Sets: the seeds (tuned on), the development set (../shared/devset), our keys on the
南通 series (tests/extract/keys/tune) and on three unlabelled devset reports of other
levels and years (tests/extract/keys/tune2), on three more of older, five-year-review and
autonomous-region reports (tests/extract/keys/tune3), and the held-out keys
(tests/extract/keys/heldout, never tuned on: the honest figure). With --floors, prints the figures truncated to
three decimals in the shape of tests/extract/quality_floors.json, for raising floors.
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
from planwatch.extract import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
KEYS = ROOT / "tests" / "extract" / "keys"
SETS = {
    "seeds": (SHARED / "seeds", SHARED / "gold"),
    "devset": (SHARED / "devset" / "raw", SHARED / "devset" / "gold"),
    "tune": (SHARED / "devset" / "series" / "南通市", KEYS / "tune"),
    "tune2": (SHARED / "devset" / "raw", KEYS / "tune2"),
    "tune3": (SHARED / "devset" / "raw", KEYS / "tune3"),
    "heldout": (SHARED / "devset" / "raw", KEYS / "heldout"),
}


def score(docs: Path, keys: Path) -> dict:
    gold = "".join(p.read_text(encoding="utf-8") for p in sorted(keys.glob("*.jsonl")))
    names = sorted({json.loads(line)["doc"] for line in gold.splitlines() if line.strip()})
    with tempfile.TemporaryDirectory() as folder:
        pred, key = Path(folder) / "pred.jsonl", Path(folder) / "gold.jsonl"
        key.write_text(gold, encoding="utf-8")
        with pred.open("w", encoding="utf-8") as out:
            for name in names:
                document = load(docs / name)
                for fact in extract(document):
                    out.write(json.dumps(fact.to_dict(document.name), ensure_ascii=False) + "\n")
        run = subprocess.run([sys.executable, str(SHARED / "score_facts.py"), "--gold", str(key), "--pred", str(pred),
                              "--docs", str(docs), "--json"], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floors", action="store_true")
    args = parser.parse_args()
    floors = {}
    for name, (docs, keys) in SETS.items():
        report = score(docs, keys)
        overall = report["overall"]
        per_doc = {k[4:]: v["f1"] for k, v in report["groups"].items() if k.startswith("doc=")}
        print(f"{name:8} F1 {overall['f1']:.3f}  P {overall['precision']:.3f}  R {overall['recall']:.3f}  "
              f"grounding {report['grounding']}  worst doc {min(per_doc.values()):.3f}")
        cut = lambda value: math.floor(value * 1000) / 1000  # noqa: E731
        floors[name] = {"overall_f1": cut(overall["f1"]), "grounding": report["grounding"],
                        "per_document_f1": {doc: cut(f1) for doc, f1 in per_doc.items()}}
    if args.floors:
        print(json.dumps(floors, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
