"""Verdict coverage on consecutive annual reports of one region, measured with an answer key.

    PYTHONPATH=. .venv/bin/python bench/series_verdicts.py [--series ../shared/devset/series/南通市]
        [--keys tests/extract/keys/tune] [--list]

Each report sets the year's targets and the next report answers them. A target is **answered**
when the key of report N holds it and the key of report N+1 holds an actual of the same
indicator, period and measure. The series goes twice through planwatch's own API, each time into
a temporary SQLite store:

- the documents as a user would load them (`Store.ingest`: the extractor decides the facts);
- the same documents with the key's facts (`Store.add_document(document, facts)`). Its verdicts,
  computed by the same rules from the key's own targets and results, are the reference, except
  where a reading of the reports decides otherwise (READING, each with its reason).

It prints how many answered targets get a verdict from the extracted store (a status other than
待核实), and how many of those verdicts agree with the reference status. Issue 8 asks for at least
80% and 95%. `--list` prints every answered target with both statuses.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from pathlib import Path

from planwatch.documents import load
from planwatch.evaluate import evaluate
from planwatch.model import Fact
from planwatch.store import Store

ROOT = Path(__file__).resolve().parents[1]
NAME_JUNK = re.compile(r"[\s\"'“”‘’「」『』《》]")  # names compared as score_facts.py compares them


# Where the rules, given the key's own facts, decide otherwise than the reports read by hand:
# (target's document, indicator, period, measure) -> (status, why).
_CPI_CAP = "a CPI 涨幅 target is a ceiling: a lower rise meets it"
_QUALITY_TRADE = "稳中提质 is met by steady positive growth"
READING = {
    ("2020.md", "居民消费价格", "2020", "growth"): ("met", _CPI_CAP),
    ("2021.md", "居民消费价格", "2021", "growth"): ("met", _CPI_CAP),
    ("2022.md", "居民消费价格", "2022", "growth"): ("met", _CPI_CAP),
    ("2023.md", "居民消费价格", "2023", "growth"): ("met", _CPI_CAP),
    ("2020.md", "污染地块安全利用率", "2020", "level"): ("met", "the next report says the 90% goal was reached"),
    ("2022.md", "进出口总额", "2022", "growth"): ("met", _QUALITY_TRADE),
    ("2024.md", "进出口总额", "2024", "growth"): ("met", _QUALITY_TRADE),
}


@dataclass(frozen=True)
class Answered:
    """A target of one report with the next report's result for it (both from the key)."""

    indicator: str
    names: frozenset[str]
    period: str
    measure: str
    target_doc: str
    result_doc: str


def key_facts(keys: Path) -> dict[str, list[dict]]:
    """Each document's key facts, by document name, in the series' order (file names sort by year)."""
    found = {}
    for path in sorted(keys.glob("*.jsonl")):
        facts = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        found[facts[0]["doc"]] = facts
    return found


def answered_targets(keyed: dict[str, list[dict]]) -> list[Answered]:
    docs = list(keyed)
    found = []
    for earlier, later in pairwise(docs):
        results = {(f["indicator"], f["period"], f["measure"]) for f in keyed[later] if f["role"] == "actual"}
        for f in keyed[earlier]:
            if f["role"] == "target" and (f["indicator"], f["period"], f["measure"]) in results:
                names = frozenset(NAME_JUNK.sub("", n) for n in [f["indicator"], *f["names"]])
                found.append(Answered(f["indicator"], names, f["period"], f["measure"], earlier, later))
    return found


def as_fact(record: dict) -> Fact:
    def number(value):
        return None if value is None else Decimal(str(value))

    return Fact(indicator=record["indicator"], role=record["role"], period=record["period"],
                measure=record["measure"], value=number(record["value"]), unit=record["unit"],
                comparator=record["comparator"], start=record["start"], end=record["end"], text=record["text"],
                upper=number(record.get("upper")), estimated=record["estimated"], stretch=record["stretch"],
                cumulative=record["cumulative"], also=[number(v) for v in record.get("also", [])])


def statuses(store: Store) -> dict[tuple[str, str, str], str]:
    """Verdict status by (normalised indicator, period, measure)."""
    return {(NAME_JUNK.sub("", v.indicator), v.period, v.measure): v.status for v in evaluate(store)}


def status_of(found: dict[tuple[str, str, str], str], target: Answered) -> str | None:
    for name in target.names:
        if (name, target.period, target.measure) in found:
            return found[(name, target.period, target.measure)]
    return None


def measure(series: Path, keys: Path) -> list[tuple[Answered, str | None, str | None]]:
    keyed = key_facts(keys)
    with tempfile.TemporaryDirectory() as folder:
        with Store(f"sqlite:///{folder}/extracted.db") as store:
            store.ingest([series / doc for doc in keyed])
            extracted = statuses(store)
        with Store(f"sqlite:///{folder}/key.db") as store:
            for doc, facts in keyed.items():
                store.add_document(load(series / doc), [as_fact(f) for f in facts])
            reference = statuses(store)
    return [(t, status_of(extracted, t), _read(t, status_of(reference, t))) for t in answered_targets(keyed)]


def _read(target: Answered, by_rules: str | None) -> str | None:
    reading = READING.get((target.target_doc, target.indicator, target.period, target.measure))
    return reading[0] if reading else by_rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=Path, default=ROOT / ".." / "shared" / "devset" / "series" / "南通市")
    parser.add_argument("--keys", type=Path, default=ROOT / "tests" / "extract" / "keys" / "tune")
    parser.add_argument("--list", action="store_true", help="print every answered target")
    args = parser.parse_args()
    rows = measure(args.series, args.keys)
    judged = [(t, got, ref) for t, got, ref in rows if got not in (None, "unknown")]
    right = [(t, got, ref) for t, got, ref in judged if got == ref]
    undecided = sum(ref in (None, "unknown") for _, _, ref in rows)
    if args.list:
        for t, got, ref in rows:
            mark = "=" if got == ref else "≠"
            print(f"{t.target_doc}→{t.result_doc}\t{t.indicator}\t{t.period}\t{t.measure}\t{got}\t{mark}\t{ref}")
    print(f"answered targets {len(rows)} (reference undecided: {undecided}; decided by reading: {len(READING)})")
    print(f"with a verdict   {len(judged)} = {len(judged) / max(len(rows), 1):.1%}   (issue 8: >= 80%)")
    print(f"verdicts right   {len(right)} = {len(right) / max(len(judged), 1):.1%}   (issue 8: >= 95%)")


if __name__ == "__main__":
    main()
