"""Scoring the extractor against an answer key, shared by bench/quality.py (facts) and
bench/commitments_quality.py (commitments): the extractor's records for every document the
key names, handed with the key to the shared scorer (../shared/score_*.py)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from planwatch.documents import Document, load

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def run_scorer(scorer: str, keys: Path, docs: Path, records: Callable[[Document], Iterable[dict]],
               extra: list[str]) -> subprocess.CompletedProcess:
    """SCORER (a file in ../shared) on the key files of KEYS against RECORDS of each keyed document in DOCS."""
    gold = "".join(p.read_text(encoding="utf-8") for p in sorted(keys.glob("*.jsonl")))
    names = sorted({json.loads(line)["doc"] for line in gold.splitlines() if line.strip()})
    with tempfile.TemporaryDirectory() as folder:
        pred, key = Path(folder) / "pred.jsonl", Path(folder) / "gold.jsonl"
        key.write_text(gold, encoding="utf-8")
        with pred.open("w", encoding="utf-8") as out:
            for name in names:
                for record in records(load(docs / name)):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return subprocess.run([sys.executable, str(SHARED / scorer), "--gold", str(key), "--pred", str(pred),
                               "--docs", str(docs), *extra], capture_output=True, text=True, check=True)


def per_document(report: dict) -> dict[str, float]:
    return {k[4:]: v["f1"] for k, v in report["groups"].items() if k.startswith("doc=")}


def floors(report: dict) -> dict:
    """A scorer's report as the gate's floors: the figures truncated to three decimals."""
    cut = lambda value: math.floor(value * 1000) / 1000  # noqa: E731
    return {"overall_f1": cut(report["overall"]["f1"]), "grounding": report["grounding"],
            "per_document_f1": {doc: cut(f1) for doc, f1 in per_document(report).items()}}
