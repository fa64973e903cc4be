"""The hand-made commitment keys under tests/extract/keys/commitments/ obey the conventions
commitment_keytool.py checks (fields, enums, periods, repeated identities; the evidence offsets
where the documents are present in ../shared): the 南通 series' tune and held-out keys, and
tune2 on work reports of other regions in the development set, tune3 on a 2014 city report of the corpus
(read from its archive as bench/keyscore.py does)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2] / "bench"))
from keyscore import documents  # noqa: E402  (bench scripts are not a package)

DEVSET = HERE.parents[2] / ".." / "shared" / "devset"
DOCS = {"tune": DEVSET / "series" / "南通市", "heldout": DEVSET / "series" / "南通市", "tune2": DEVSET / "raw",
        "tune3": DEVSET.parent / "corpus" / "city-work-reports.tar.xz"}
_spec = importlib.util.spec_from_file_location("commitment_keytool", HERE / "commitment_keytool.py")
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)


def rows_of(part: str) -> list[dict]:
    return [json.loads(line) for key in sorted((HERE / "commitments" / part).glob("*.jsonl"))
            for line in key.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("part", sorted(DOCS))
@pytest.mark.parametrize("with_text", [False, True], ids=["fields", "offsets"])
def test_commitment_keys_pass_the_checks(part, with_text):
    rows = rows_of(part)
    assert len(rows) >= 60
    if with_text and not DOCS[part].exists():
        pytest.skip("../shared devset not available")
    names = sorted({row["doc"] for row in rows})
    docs = documents(DOCS[part], names) if with_text else None
    for doc in names:  # each document's lines against its own text
        text = tool.read_text(docs / doc) if with_text else None
        assert tool.check_rows([row for row in rows if row["doc"] == doc], text) == []


def test_keys_carry_offsets_not_quotes():
    assert all("quote" not in row and isinstance(row["start"], int) for part in DOCS
               for row in rows_of(part))


def test_check_reports_a_span_without_its_value_and_a_vague_named_item(tmp_path):
    text = "新建充电桩5500个，推进青菱寺路建设。"
    row = {"doc": "d.md", "kind": "task", "role": "target", "period": "2024", "object": "充电桩", "stage": "other",
           "action": "新建", "value": 5500, "unit": "个", "comparator": "=", "money": None, "names": [],
           "responsible": None, "start": 2, "end": 11}
    assert tool.check_rows([row], text) == []
    assert any("value 5500" in p for p in tool.check_rows([dict(row, start=12, end=18)], text))
    vague = dict(row, object="青菱寺路", action="推进", value=None, unit=None, comparator=None, start=14, end=18)
    assert any("start or a finish" in p for p in tool.check_rows([vague], text))
    assert any("identity repeats" in p for p in tool.check_rows([row, dict(row)], text))


def test_build_writes_offsets_and_needs_an_occurrence_for_a_repeated_quote(tmp_path):
    (tmp_path / "d.md").write_text("新建充电桩500个。明年新建充电桩500个。", encoding="utf-8")
    source = tmp_path / "key.txt"
    source.write_text("# d.md\nt 2024 other task 充电桩 新建 500 个 = 新建充电桩500个\n", encoding="utf-8")
    with pytest.raises(tool.KeyProblem, match="occ=N"):
        tool.build(source, tmp_path, tmp_path / "out")
    source.write_text(source.read_text(encoding="utf-8").rstrip() + " occ=1\n", encoding="utf-8")
    tool.build(source, tmp_path, tmp_path / "out")
    [row] = [json.loads(line) for line in (tmp_path / "out" / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert (row["start"], row["end"], row["value"], "quote" in row) == (12, 21, 500, False)
