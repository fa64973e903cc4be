"""Every word list of planwatch/data/grammar.yaml carries examples, and each example
gives the facts it names: a word list cannot rot without a test failing."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from planwatch.documents import load
from planwatch.extract import extract
from planwatch.extract.grammar import GRAMMAR_FILE

RAW = yaml.safe_load(GRAMMAR_FILE.read_text("utf-8"))
EXAMPLES = RAW["examples"]
ORDER_OF_EVIDENCE = {"evidence"}  # run by tests/extract/test_resolve.py


def test_every_word_list_has_an_example():
    lists = set(RAW) - {"examples"} - ORDER_OF_EVIDENCE
    assert sorted(lists - set(EXAMPLES)) == []
    assert sorted(set(EXAMPLES) - set(RAW)) == []  # no example for a list that is gone


CASES = [(name, index, example) for name, examples in EXAMPLES.items() for index, example in enumerate(examples)]


@pytest.mark.parametrize("name,index,example", CASES, ids=[f"{name}-{index}" for name, index, _ in CASES])
def test_example_gives_its_facts(tmp_path, name, index, example):
    path = tmp_path / "example.txt"
    path.write_text(example["text"], encoding="utf-8")
    facts = {(f.indicator, f.role, f.period, f.measure): f for f in extract(load(path))}
    for indicator, role, period, measure, value, details in example["facts"]:
        fact = facts.get((indicator, role, str(period), measure))
        assert fact is not None, (indicator, role, period, measure, sorted(facts))
        if isinstance(value, str):
            assert fact.text == value
        else:
            assert fact.value == Decimal(str(value))
        for key, expected in details.items():
            assert getattr(fact, key) == expected, key
