"""The commitments quality gate: the extractor on every commitment key (the seeds' keys in
../shared/gold/commitments, the 南通 tune and held-out keys and
the tune2 keys of other regions' work reports and the tune3 key of a 2014 corpus report in
tests/extract/keys/commitments),
scored by the shared scorer (../shared/score_commitments.py), must stay at or above
tests/extract/commitment_floors.json. bench/commitments_quality.py prints the same figures (and, but
for the held-out key, the errors). Floors only go up. Skipped where ../shared is absent.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))   # the bench scripts import their shared keyscore.py
_spec = importlib.util.spec_from_file_location("commitments_quality", ROOT / "bench" / "commitments_quality.py")
quality = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(quality)

FLOORS = json.loads((Path(__file__).parent / "commitment_floors.json").read_text(encoding="utf-8"))
KEY_SETS = [name for name in quality.KEYS if name in FLOORS]

pytestmark = pytest.mark.skipif(not (quality.SHARED / "score_commitments.py").exists(),
                                reason="../shared not available")


@pytest.fixture(scope="module", params=KEY_SETS)
def scored(request) -> tuple[dict, dict]:
    return quality.score(request.param), FLOORS[request.param]


def test_every_key_set_has_floors():
    assert KEY_SETS == list(quality.KEYS)


def test_overall_f1_at_or_above_floor(scored):
    report, floors = scored
    assert report["overall"]["f1"] >= floors["overall_f1"], report["overall"]


def test_every_commitment_is_grounded_in_its_evidence(scored):
    report, floors = scored
    assert report["grounding"] >= floors["grounding"]


def test_every_document_at_or_above_its_floor(scored):
    report, floors = scored
    below = {doc: report["groups"][f"doc={doc}"]["f1"] for doc, floor in floors["per_document_f1"].items()
             if report["groups"][f"doc={doc}"]["f1"] < floor}
    assert not below, below


def test_no_invalid_predictions(scored):
    report, _ = scored
    assert report["invalid_predictions"] == 0
