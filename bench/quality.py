"""The extractor's answer-key figures on every keyed set, as the quality gate scores them.

    .venv/bin/python bench/quality.py [--floors]

Sets: the seeds (tuned on), the development set (../shared/devset), our keys on the
南通 series (tests/extract/keys/tune) and on three unlabelled devset reports of other
levels and years (tests/extract/keys/tune2), on three more of older, five-year-review and
autonomous-region reports (tests/extract/keys/tune3), on three more city reports of 2010, 2016
and 2023 (tests/extract/keys/tune4), on two five-year plans and two reports that review one
plan and set the next (tests/extract/keys/plans), on three city reports of the corpus of other provinces and years
(tests/extract/keys/tune5, read from the archive ../shared/corpus/city-work-reports.tar.xz), on three devset city
reports of 2020 and 2022 (tests/extract/keys/tune6), and the held-out keys
(tests/extract/keys/heldout, never tuned on: the honest figure). With --floors, prints the figures truncated to
three decimals in the shape of tests/extract/quality_floors.json, for raising floors.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from keyscore import SHARED, floors, per_document, run_scorer

from planwatch.extract import extract

ROOT = Path(__file__).resolve().parents[1]
KEYS = ROOT / "tests" / "extract" / "keys"
SETS = {
    "seeds": (SHARED / "seeds", SHARED / "gold"),
    "devset": (SHARED / "devset" / "raw", SHARED / "devset" / "gold"),
    "tune": (SHARED / "devset" / "series" / "南通市", KEYS / "tune"),
    "tune2": (SHARED / "devset" / "raw", KEYS / "tune2"),
    "tune3": (SHARED / "devset" / "raw", KEYS / "tune3"),
    "tune4": (SHARED / "devset" / "raw", KEYS / "tune4"),
    "plans": (SHARED / "devset" / "raw", KEYS / "plans"),
    "tune5": (SHARED / "corpus" / "city-work-reports.tar.xz", KEYS / "tune5"),
    "tune6": (SHARED / "devset" / "raw", KEYS / "tune6"),
    "heldout": (SHARED / "devset" / "raw", KEYS / "heldout"),
}


def _facts(document):
    return (fact.to_dict(document.name) for fact in extract(document))


def score(docs: Path, keys: Path) -> dict:
    return json.loads(run_scorer("score_facts.py", keys, docs, _facts, ["--json"]).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floors", action="store_true")
    args = parser.parse_args()
    figures = {}
    for name, (docs, keys) in SETS.items():
        report = score(docs, keys)
        overall = report["overall"]
        print(f"{name:8} F1 {overall['f1']:.3f}  P {overall['precision']:.3f}  R {overall['recall']:.3f}  "
              f"grounding {report['grounding']}  worst doc {min(per_document(report).values()):.3f}")
        figures[name] = floors(report)
    if args.floors:
        print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
