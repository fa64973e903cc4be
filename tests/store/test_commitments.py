"""Commitments stored beside facts: the seeds' answer keys go in and come out field for
field, evidence offsets pointing at their quotes; filters; replacing a document's set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from planwatch.documents import load
from planwatch.errors import QueryError, StoreError

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"
KEYS = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold" / "commitments"


def _key_records(doc: str) -> list[dict]:
    return [r for path in sorted(KEYS.glob("*.jsonl"))
            for r in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if r["doc"] == doc]


def _stored_seed(store, key_commitments, name: str):
    document = load(SEEDS / name)
    stored, _ = store.add_document(document, [])
    commitments = key_commitments(name, document.text)
    assert store.add_commitments(stored.id, commitments) == len(commitments)
    return stored, document


@pytest.mark.parametrize("name", ["001_8444fd7a4ce61ee2.txt", "002_560a354189f325d1.txt"])
def test_a_seed_keys_commitments_come_back_as_they_went_in(store, key_commitments, name):
    stored, document = _stored_seed(store, key_commitments, name)
    back = store.commitments(document_id=stored.id)
    records = _key_records(name)
    assert len(back) == len(records)
    by_quote = sorted((r["quote"], r["object"], r["stage"]) for r in records)
    assert sorted((document.text[c.commitment.start:c.commitment.end], c.commitment.object, c.commitment.stage)
                  for c in back) == by_quote
    contract = ("kind", "role", "period", "object", "stage", "action", "value", "unit", "comparator", "money",
                "names", "responsible")
    expected = sorted(json.dumps({k: r[k] for k in contract}, ensure_ascii=False, sort_keys=True) for r in records)
    got = sorted(json.dumps({k: c.to_dict()[k] for k in contract}, ensure_ascii=False, sort_keys=True)
                 for c in back)
    assert got == expected
    assert {c.region_key for c in back} == {stored.region_key} and {c.doc for c in back} == {name}


def test_exact_decimals_and_ranges_survive_both_databases(store, key_commitments, make_document):
    text = "新增培育专精特新企业2-3家，新建充电桩0.35万个，计划总投资172.05亿元。"
    stored, _ = store.add_document(make_document(name="r.txt", text=text), [])
    records = [
        {"kind": "task", "role": "target", "period": "2026", "object": "专精特新企业", "stage": "other",
         "action": "培育", "value": 2, "upper": 3, "unit": "家", "comparator": ">=", "money": None, "names": [],
         "responsible": None, "quote": "专精特新企业2-3家"},
        {"kind": "project", "role": "target", "period": "2026", "object": "充电桩", "stage": "other",
         "action": "新建", "value": 0.35, "unit": "万个", "comparator": "=", "money": 172.05,
         "names": ["甲地块", "乙路"], "responsible": "县发改局", "quote": "新建充电桩0.35万个"},
    ]
    store.add_commitments(stored.id, key_commitments("r.txt", text, records))
    ranged, money = store.commitments(region="青石县")
    assert (str(ranged.commitment.value), str(ranged.commitment.upper)) == ("2", "3")
    assert str(money.commitment.value) == "0.35" and str(money.commitment.money) == "172.05"
    assert money.commitment.names == ["甲地块", "乙路"] and money.commitment.responsible == "县发改局"
    assert "upper" not in money.to_dict() and ranged.to_dict()["upper"] == 3


def test_filters_select_by_region_period_role_kind_and_stage(store, key_commitments):
    _stored_seed(store, key_commitments, "001_8444fd7a4ce61ee2.txt")   # 武昌区: 2023 actual, 2024 target
    _stored_seed(store, key_commitments, "002_560a354189f325d1.txt")   # 洪山区: 2019 actual, 2020 target
    wuchang = store.commitments(region="武昌区")
    assert {c.doc for c in wuchang} == {"001_8444fd7a4ce61ee2.txt"}
    promised = store.commitments(region="武汉市武昌区", period="2024", role="target")
    assert len(promised) == 52 and {c.commitment.role for c in promised} == {"target"}
    started = store.commitments(period="2020", kind="project", stage="start")
    assert started and all((c.commitment.kind, c.commitment.stage, c.commitment.period) == ("project", "start", "2020")
                           for c in started)
    with pytest.raises(QueryError, match="不存在县"):
        store.commitments(region="不存在县")
    with pytest.raises(QueryError, match="not a period"):
        store.commitments(period="20x4")


def test_adding_a_documents_commitments_again_replaces_them(store, key_commitments):
    stored, document = _stored_seed(store, key_commitments, "001_8444fd7a4ce61ee2.txt")
    fewer = key_commitments("001_8444fd7a4ce61ee2.txt", document.text)[:3]
    store.add_commitments(stored.id, fewer)
    assert [c.commitment.object for c in store.commitments(document_id=stored.id)] == [c.object for c in fewer]


def test_commitments_of_no_stored_document_are_refused(store, key_commitments):
    with pytest.raises(StoreError, match="no document with id 999"):
        store.add_commitments(999, [])
