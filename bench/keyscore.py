"""Scoring the extractor against an answer key, shared by bench/quality.py (facts) and
bench/commitments_quality.py (commitments): the extractor's records for every document the
key names, handed with the key to the shared scorer (../shared/score_*.py)."""

from __future__ import annotations

import json
import math
import atexit
import functools
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from planwatch.documents import Document, load

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@functools.cache
def _unpacked(archive: Path, names: tuple[str, ...]) -> Path:
    folder = tempfile.TemporaryDirectory(prefix="planwatch-keys-")
    atexit.register(folder.cleanup)
    with tarfile.open(archive) as tar:
        tar.extractall(folder.name, members=[tar.getmember(name) for name in names], filter="data")
    return Path(folder.name)


def documents(docs: Path, names: Iterable[str]) -> Path:
    """A folder holding the documents NAMES: DOCS itself, or, when DOCS is an archive (the corpus, whose
    documents stay packed), a temporary folder where just those members are unpacked, once per process."""
    return _unpacked(docs, tuple(sorted(names))) if docs.is_file() else docs


def run_scorer(scorer: str, keys: Path, docs: Path, records: Callable[[Document], Iterable[dict]],
               extra: list[str]) -> subprocess.CompletedProcess:
    """SCORER (a file in ../shared) on the key files of KEYS against RECORDS of each keyed document in DOCS
    (a folder or an archive). The scorer reads documents by file name from one folder, so a key's document
    inside an archive (`city-work-reports/某市/2018.md`) is handed to it as `city-work-reports_某市_2018.md`."""
    rows = [json.loads(line) for p in sorted(keys.glob("*.jsonl"))
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    names = sorted({row["doc"] for row in rows})
    source = documents(docs, names)
    flat = {name: name.replace("/", "_") for name in names}
    with tempfile.TemporaryDirectory() as folder:
        pred, key, texts = Path(folder) / "pred.jsonl", Path(folder) / "gold.jsonl", Path(folder) / "docs"
        texts.mkdir()
        key.write_text("".join(json.dumps(row | {"doc": flat[row["doc"]]}, ensure_ascii=False) + "\n"
                               for row in rows), encoding="utf-8")
        with pred.open("w", encoding="utf-8") as out:
            for name in names:
                (texts / flat[name]).symlink_to((source / name).resolve())
                for record in records(load(texts / flat[name])):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return subprocess.run([sys.executable, str(SHARED / scorer), "--gold", str(key), "--pred", str(pred),
                               "--docs", str(texts), *extra], capture_output=True, text=True, check=True)


def per_document(report: dict) -> dict[str, float]:
    return {k[4:]: v["f1"] for k, v in report["groups"].items() if k.startswith("doc=")}


def floors(report: dict) -> dict:
    """A scorer's report as the gate's floors: the figures truncated to three decimals."""
    cut = lambda value: math.floor(value * 1000) / 1000  # noqa: E731
    return {"overall_f1": cut(report["overall"]["f1"]), "grounding": report["grounding"],
            "per_document_f1": {doc: cut(f1) for doc, f1 in per_document(report).items()}}
