"""The quality gate: the whole extractor on ../shared/seeds, scored by the shared
scorer against ../shared/gold, must stay at or above tests/extract/quality_floors.json.

Floors only go up (see the file). Skipped where ../shared is absent.
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
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not (SHARED / "score_facts.py").exists(), reason="../shared not available")


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("gate")
    pred, gold = folder / "pred.jsonl", folder / "gold.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for path in sorted((SHARED / "seeds").glob("*.txt")):
            document = load(path)
            for fact in extract(document):
                out.write(json.dumps(fact.to_dict(document.name), ensure_ascii=False) + "\n")
    gold.write_text("".join(p.read_text(encoding="utf-8") for p in sorted((SHARED / "gold").glob("*.jsonl"))),
                    encoding="utf-8")
    run = subprocess.run([sys.executable, str(SHARED / "score_facts.py"), "--gold", str(gold), "--pred", str(pred),
                          "--docs", str(SHARED / "seeds"), "--json"], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_overall_f1_at_or_above_floor(report):
    assert report["overall"]["f1"] >= FLOORS["overall_f1"], report["overall"]


def test_every_fact_is_grounded_in_its_evidence(report):
    assert report["grounding"] >= FLOORS["grounding"]


@pytest.mark.parametrize("doc", sorted(FLOORS["per_document_f1"]))
def test_document_f1_at_or_above_floor(report, doc):
    assert report["groups"][f"doc={doc}"]["f1"] >= FLOORS["per_document_f1"][doc], report["groups"][f"doc={doc}"]


def test_no_invalid_predictions(report):
    assert report["invalid_predictions"] == 0
