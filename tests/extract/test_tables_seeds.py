"""The table reader on the scraped seeds, scored with the shared scorer
(`../shared` beside the repository; skipped where it is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from planwatch.documents import load
from planwatch.extract.tables import extract_tables

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED_003 = SHARED / "seeds" / "003_d0c67b48df9c6228.txt"
SEED_001 = SHARED / "seeds" / "001_8444fd7a4ce61ee2.txt"

pytestmark = pytest.mark.skipif(not SEED_003.exists(), reason="../shared seeds not available")


def _score(gold: Path, facts_by_doc: dict[str, list], tmp_path: Path) -> dict:
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(f.to_dict(doc), ensure_ascii=False) + "\n"
                            for doc, facts in facts_by_doc.items() for f in facts), encoding="utf-8")
    run = subprocess.run([sys.executable, str(SHARED / "score_facts.py"), "--gold", str(gold), "--pred", str(pred),
                          "--docs", str(SHARED / "seeds"), "--json"], capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_seed_003_plan_tables_alone_score_high(tmp_path):
    # 276 of the key's 298 facts sit in 表1 and 表2; the rest are prose.
    document = load(SEED_003)
    report = _score(SHARED / "gold" / "seeds_003.jsonl", {document.name: extract_tables(document)}, tmp_path)
    assert report["overall"]["f1"] >= 0.95, report["overall"]
    assert report["overall"]["precision"] >= 0.98, report["overall"]
    assert report["grounding"] == 1.0
    assert report["attributes"]["department"] >= 0.99 and report["attributes"]["attribute"] == 1.0


def test_seed_001_pipe_table_facts_agree_with_the_key():
    document = load(SEED_001)
    key = [json.loads(line) for line in (SHARED / "gold" / "seeds_main.jsonl").read_text("utf-8").splitlines()]
    key = [k for k in key if k["doc"] == document.name]
    facts = extract_tables(document)
    assert len(facts) >= 12
    for fact in facts:
        same = [k for k in key if (k["role"], k["period"], k["measure"]) == fact.identity[1:]
                and fact.indicator in (k["indicator"], *k.get("names", []))]
        assert len(same) == 1, fact
        if same[0]["value"] is None:
            assert fact.value is None and (fact.text in same[0]["text"] or same[0]["text"] in fact.text), fact
        else:
            assert fact.value == Decimal(str(same[0]["value"])) and fact.unit == same[0]["unit"], fact
            assert fact.estimated == same[0]["estimated"], fact
