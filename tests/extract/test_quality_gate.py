"""The quality gate: the whole extractor on each answer-keyed set of documents, scored
by the shared scorer, must stay at or above tests/extract/quality_floors.json.

The sets and their scoring are bench/quality.py's (which prints the same figures): the
seeds (tuned on), the development set of real reports nobody here wrote
(../shared/devset), and our own keys (tests/extract/keys: `tune` on the 南通 series,
`tune2`, `tune3` and `tune4` on nine other devset reports, `plans` on two five-year plans and two
reports that review one plan and set the next, `tune5` on three city reports of the corpus read from its archive,
`tune6` on three more devset city reports (2020, 2022), `heldout` kept out of all tuning: the honest
figure). Floors only go up (see the file).
Skipped where ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))   # the bench scripts import their shared keyscore.py
_spec = importlib.util.spec_from_file_location("quality", ROOT / "bench" / "quality.py")
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))
GATED = [name for name in quality.SETS if name in FLOORS]

pytestmark = pytest.mark.skipif(not (quality.SHARED / "score_facts.py").exists(), reason="../shared not available")


@pytest.fixture(scope="module", params=GATED)
def scored(request) -> tuple[str, dict]:
    return request.param, quality.score(*quality.SETS[request.param])


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
