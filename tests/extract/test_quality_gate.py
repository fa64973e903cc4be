"""The quality gate: the whole extractor on each answer-keyed set of documents, scored
by the shared scorer, must stay at or above tests/extract/quality_floors.json.

Sets: the seeds (tuned on), the development set of real reports nobody here wrote
(../shared/devset), and our own keys (tests/extract/keys: `tune` on the 南通 series,
`heldout` kept out of all tuning: the honest figure). Floors only go up (see the file).
Skipped where ../shared is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from planwatch.documents import load
from planwatch.extract import extract

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
KEYS = Path(__file__).parent / "keys"
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
SETS = {  # name: (folder of the documents, answer key files)
    "seeds": (SHARED / "seeds", SHARED / "gold", "*.jsonl"),
    "devset": (SHARED / "devset" / "raw", SHARED / "devset" / "gold", "*.jsonl"),
    "tune": (SHARED / "devset" / "series" / "南通市", KEYS / "tune", "*.jsonl"),
    "heldout": (SHARED / "devset" / "raw", KEYS / "heldout", "*.jsonl"),
}
GATED = [name for name in SETS if name in FLOORS]

pytestmark = pytest.mark.skipif(not (SHARED / "score_facts.py").exists(), reason="../shared not available")


@pytest.fixture(scope="module", params=GATED)
def scored(request, tmp_path_factory) -> tuple[str, dict]:
    name = request.param
    docs, keys, pattern = SETS[name]
    keyed = sorted(keys.glob(pattern))
    gold_text = "".join(p.read_text(encoding="utf-8") for p in keyed)
    names = sorted({json.loads(line)["doc"] for line in gold_text.splitlines() if line.strip()})
    folder = tmp_path_factory.mktemp(f"gate-{name}")
    pred, gold = folder / "pred.jsonl", folder / "gold.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for doc in names:
            document = load(docs / doc)
            for fact in extract(document):
                out.write(json.dumps(fact.to_dict(document.name), ensure_ascii=False) + "\n")
    gold.write_text(gold_text, encoding="utf-8")
    run = subprocess.run([sys.executable, str(SHARED / "score_facts.py"), "--gold", str(gold), "--pred", str(pred),
                          "--docs", str(docs), "--json"], capture_output=True, text=True, check=True)
    return name, json.loads(run.stdout)


def test_overall_f1_at_or_above_floor(scored):
    name, report = scored
    assert report["overall"]["f1"] >= FLOORS[name]["overall_f1"], report["overall"]


def test_every_fact_is_grounded_in_its_evidence(scored):
    name, report = scored
    assert report["grounding"] >= FLOORS[name]["grounding"]


def test_every_document_at_or_above_its_floor(scored):
    name, report = scored
    below = {doc: report["groups"][f"doc={doc}"]["f1"] for doc, floor in FLOORS[name]["per_document_f1"].items()
             if report["groups"][f"doc={doc}"]["f1"] < floor}
    assert not below, below


def test_no_invalid_predictions(scored):
    _, report = scored
    assert report["invalid_predictions"] == 0
