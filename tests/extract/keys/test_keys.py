"""The hand-made answer keys under tests/extract/keys/ obey the conventions keytool.py checks.

Fields, enums, periods and repeated identities are checked always; the evidence offsets
(that each span holds the value's digits or the qualitative words) where the documents are
present in ../shared (the corpus's stay in their archive: bench/keyscore.py unpacks the keyed ones).
"""

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
SETS = {"tune": DEVSET / "series" / "南通市", "tune2": DEVSET / "raw", "tune3": DEVSET / "raw",
        "tune4": DEVSET / "raw", "plans": DEVSET / "raw", "tune5": DEVSET.parent / "corpus" / "city-work-reports.tar.xz",
        "tune6": DEVSET / "raw"}
_spec = importlib.util.spec_from_file_location("keytool", HERE / "keytool.py")
keytool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(keytool)


@pytest.mark.parametrize("name", sorted(SETS))
@pytest.mark.parametrize("with_docs", [False, True], ids=["fields", "offsets"])
def test_tuning_keys_pass_the_checks(name, with_docs):
    docs = SETS[name] if with_docs else None
    if docs is not None:
        if not docs.exists():
            pytest.skip("../shared devset not available")
        docs = documents(docs, {json.loads(line)["doc"] for key in (HERE / name).glob("*.jsonl")
                                for line in key.read_text(encoding="utf-8").splitlines() if line.strip()})
    assert keytool.check(HERE / name, docs) == []


def test_check_reports_a_span_that_misses_its_value(tmp_path):
    (tmp_path / "doc.md").write_text("全市生产总值增长5%，投资增长3%。", encoding="utf-8")
    fact = {"doc": "doc.md", "indicator": "地区生产总值", "names": [], "role": "actual", "period": "2024",
            "measure": "growth", "value": 5, "unit": "%", "comparator": "=", "text": None, "estimated": False,
            "stretch": False, "cumulative": False, "start": 10, "end": 16}
    assert any("value 5" in p for p in keytool.check_facts([fact], (tmp_path / "doc.md").read_text()))
    assert keytool.check_facts([dict(fact, start=0, end=9)], (tmp_path / "doc.md").read_text()) == []


def test_build_needs_an_occurrence_for_a_repeated_quote(tmp_path):
    (tmp_path / "doc.md").write_text("新增就业10万人。明年新增就业10万人。", encoding="utf-8")
    source = tmp_path / "facts.txt"
    source.write_text("# doc.md\n= 城镇新增就业: 新增就业\n城镇新增就业 a 2024 l 10 万人 = 新增就业10万人\n", encoding="utf-8")
    with pytest.raises(keytool.KeyProblem, match="occ=N"):
        keytool.build([source], tmp_path, tmp_path / "out")
    source.write_text(source.read_text(encoding="utf-8").rstrip() + " occ=1\n", encoding="utf-8")
    keytool.build([source], tmp_path, tmp_path / "out")
    [fact] = keytool.load_key(tmp_path / "out" / "doc.jsonl")
    assert (fact["start"], fact["end"]) == (11, 19)


def test_build_reads_a_space_inside_a_quote_from_backslash_s(tmp_path):
    (tmp_path / "doc.txt").write_text("到2 0 0 5年 , 森林覆盖率提高到4 8 %。", encoding="utf-8")
    source = tmp_path / "facts.txt"
    source.write_text("# doc.txt\n= 森林覆盖率:\n森林覆盖率 t 2005 l 48 % = 森林覆盖率提高到4\\s8\\s%\n", encoding="utf-8")
    keytool.build([source], tmp_path, tmp_path / "out")
    [fact] = keytool.load_key(tmp_path / "out" / "doc.jsonl")
    assert (tmp_path / "doc.txt").read_text(encoding="utf-8")[fact["start"]:fact["end"]] == "森林覆盖率提高到4 8 %"
