"""Build, check and show hand-made answer keys (one JSON Lines file per document).

A key holds facts only (indicator, accepted names, role, period, measure, value, unit,
comparator, flags) and the evidence as `start`/`end` offsets into the document read with
`newline=""`; it never copies the document's sentences. Facts are written by hand in a
source file, one fact a line, with a short quote that the build looks up in the text:

    # 2024.md                                   the document the next facts belong to
    = 地区生产总值: GDP, 生产总值               accepted names of an indicator
    地区生产总值 a 2023 g 6 % ~ QUOTE est       indicator role period measure value unit comparator quote [flags]

role `a`/`t`/`b` (actual, target, baseline); measure `l`/`g`/`c` (level, growth, change); value a
number or `T:words` for a qualitative fact (then unit and comparator are `-`); flags `est`, `str`,
`cum`, `upper=N`, `also=N`, `occ=N` (which occurrence of a quote that repeats, from 0). A quote is one
field: write a space inside it (`2 0 0 5年` in text taken from a PDF) as `\s`.

    python tests/extract/keys/keytool.py build SOURCE... --docs DIR --out KEYDIR
    python tests/extract/keys/keytool.py check KEYDIR --docs DIR
    python tests/extract/keys/keytool.py show KEYDIR --docs DIR [--doc NAME]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROLES = {"a": "actual", "t": "target", "b": "baseline"}
MEASURES = {"l": "level", "g": "growth", "c": "change"}
COMPARATORS = {"=", ">=", ">", "<=", "<", "~"}
PERIOD = re.compile(r"\d{4}(H[12]|Q[1-4]|M\d{1,2}-\d{1,2})?|\d{4}-\d{4}")
PERIOD_SPAN = re.compile(r"\d{4}-\d{4}")
FIELDS = ("doc", "indicator", "names", "role", "period", "measure", "value", "unit", "comparator", "text",
          "estimated", "stretch", "cumulative", "start", "end")
NAME_JUNK = re.compile(r"[\s\"'“”‘’「」『』《》]")  # as score_facts.py normalises names
TEXT_JUNK = re.compile(r"[\s\W_]", re.UNICODE)


class KeyProblem(ValueError):
    """A source line or a key fact that breaks the conventions."""


def read_text(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def number(raw: str) -> float:
    value = float(raw)
    return int(value) if value.is_integer() and "." not in raw else value


def source_lines(lines: list[str]) -> Iterator[tuple[int, str | None, str]]:
    """(line number, document, line) of each line of a source file but the blank ones and
    the `# DOC` headers, which name the document of the lines after them."""
    doc = None
    for lineno, line in enumerate(lines, 1):
        line = line.strip()
        if line.startswith("#"):
            doc = line[1:].strip()
        elif line:
            yield lineno, doc, line


def fields_of(lineno: int, doc: str | None, line: str, count: int) -> list[str]:
    fields = line.split()
    if len(fields) < count or doc is None:
        raise KeyProblem(f"line {lineno}: expected a document header and {count} fields: {line}")
    return fields


def parse_source(lines: list[str]) -> list[dict]:
    """Facts of a source file, each with its quote and occurrence still to be located."""
    names: dict[str, list[str]] = {}
    facts = []
    for lineno, doc, line in source_lines(lines):
        if line.startswith("="):
            indicator, _, accepted = line[1:].partition(":")
            names[indicator.strip()] = [n.strip() for n in accepted.split(",") if n.strip()]
            continue
        indicator, role, period, measure, value, unit, comparator, quote, *flags = fields_of(lineno, doc, line, 8)
        qualitative = value.startswith("T:")
        fact = {
            "doc": doc, "indicator": indicator, "names": None, "role": ROLES.get(role, role), "period": period,
            "measure": MEASURES.get(measure, measure),
            "value": None if qualitative else number(value),
            "unit": None if unit == "-" else unit,
            "comparator": None if comparator == "-" else comparator,
            "text": value[2:] if qualitative else None,
            "estimated": "est" in flags, "stretch": "str" in flags, "cumulative": "cum" in flags,
            "quote": quote.replace("\\s", " "), "occurrence": None, "line": lineno,
        }
        for flag in flags:
            name, _, raw = flag.partition("=")
            if name in ("upper", "also"):
                fact[name] = number(raw) if name == "upper" else [number(x) for x in raw.split(",")]
            elif name == "occ":
                fact["occurrence"] = int(raw)
            elif flag not in ("est", "str", "cum"):
                raise KeyProblem(f"line {lineno}: unknown flag {flag}")
        facts.append(fact)
    for fact in facts:
        if fact["indicator"] not in names:
            raise KeyProblem(f"line {fact['line']}: no names line for {fact['indicator']}")
        fact["names"] = names[fact["indicator"]]
    return facts


def locate(fact: dict, text: str) -> tuple[int, int]:
    """Offsets of the fact's quote; a quote that repeats needs its occurrence."""
    quote = fact["quote"]
    found = [m.start() for m in re.finditer(re.escape(quote), text)]
    where = f"line {fact['line']} ({fact['doc']})"
    if not found:
        raise KeyProblem(f"{where}: quote not in the document: {quote}")
    if fact["occurrence"] is None:
        if len(found) > 1:
            raise KeyProblem(f"{where}: quote occurs {len(found)} times, give occ=N: {quote}")
        start = found[0]
    else:
        if fact["occurrence"] >= len(found):
            raise KeyProblem(f"{where}: quote has only {len(found)} occurrences: {quote}")
        start = found[fact["occurrence"]]
    return start, start + len(quote)


def build(sources: list[Path], docs: Path, out: Path) -> dict[str, list[dict]]:
    # one stream, so that a names file serves the facts files after it
    facts = parse_source([line for source in sources for line in source.read_text(encoding="utf-8").splitlines()])
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for fact in facts:
        fact["start"], fact["end"] = locate(fact, read_text(docs / fact["doc"]))
        by_doc[fact["doc"]].append({field: fact[field] for field in FIELDS}
                                   | {k: fact[k] for k in ("upper", "also") if k in fact})
    return write_keys(by_doc, docs, out, check_facts)


def write_keys(by_doc: dict[str, list[dict]], docs: Path, out: Path, check_rows) -> dict[str, list[dict]]:
    """One key file per document, each checked (by CHECK_ROWS) against its text before any is written."""
    for doc, rows in by_doc.items():
        problems = check_rows(rows, read_text(docs / doc))
        if problems:
            raise KeyProblem("\n".join(problems))
    out.mkdir(parents=True, exist_ok=True)
    for doc, rows in by_doc.items():
        lines = [json.dumps(row, ensure_ascii=False) + "\n" for row in rows]
        (out / f"{Path(doc).stem}.jsonl").write_text("".join(lines), encoding="utf-8")
    return by_doc


def evidence(row: dict, text: str, problems: list[str]) -> str | None:
    """The words a key line's start/end point at; None (and a problem) when they point outside the text."""
    start, end = row["start"], row["end"]
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[start:end]
    problems.append(f"span {start}-{end}")
    return None


def digits_of(value: float) -> str:
    return re.sub(r"[^0-9]", "", f"{abs(value):.6f}".rstrip("0").rstrip("."))


def fact_problems(fact: dict, text: str | None) -> list[str]:
    """What is wrong with one fact (fields, enums, period, flags, evidence span)."""
    problems = [f"missing {field}" for field in FIELDS if field not in fact]
    if problems:
        return problems
    if fact["role"] not in ROLES.values():
        problems.append(f"role {fact['role']}")
    if fact["measure"] not in MEASURES.values():
        problems.append(f"measure {fact['measure']}")
    if not PERIOD.fullmatch(fact["period"]):
        problems.append(f"period {fact['period']}")
    elif PERIOD_SPAN.fullmatch(fact["period"]) and fact["period"][:4] >= fact["period"][5:]:
        problems.append(f"period {fact['period']} runs backwards")
    if fact["value"] is None:
        if not fact["text"] or fact["comparator"] is not None or fact["unit"] is not None:
            problems.append("a qualitative fact needs text and no unit or comparator")
    else:
        if not isinstance(fact["value"], (int, float)) or fact["text"] is not None:
            problems.append("a numeric fact needs a number and no text")
        if fact["comparator"] not in COMPARATORS:
            problems.append(f"comparator {fact['comparator']}")
        if fact["measure"] == "growth" and fact["unit"] != "%":
            problems.append("growth is always in %")
    if fact["estimated"] and fact["role"] != "actual":
        problems.append("estimated is for actuals")
    if fact["stretch"] and fact["role"] != "target":
        problems.append("stretch is for targets")
    if not isinstance(fact["names"], list):
        problems.append("names must be a list")
    if text is not None and (span := evidence(fact, text, problems)) is not None:
        if fact["value"] is None:
            if TEXT_JUNK.sub("", fact["text"]) not in TEXT_JUNK.sub("", span):
                problems.append(f"text {fact['text']!r} not in {span!r}")
        elif fact["value"] != 0:  # `保持增长` (> 0) has no digit to show
            for value in [fact["value"]] + ([fact["upper"]] if "upper" in fact else []):
                if digits_of(value) not in re.sub(r"[^0-9]", "", span):
                    problems.append(f"value {value} not in {span!r}")
    return problems


def check_facts(facts: list[dict], text: str | None) -> list[str]:
    """Problems of one document's key: each fact, repeated identities, names shared by two indicators."""
    problems, seen, owner = [], set(), {}
    for index, fact in enumerate(facts, 1):
        label = f"{fact.get('doc')} fact {index} ({fact.get('indicator')})"
        problems += [f"{label}: {p}" for p in fact_problems(fact, text)]
        identity = tuple(fact.get(k) for k in ("doc", "indicator", "role", "period", "measure"))
        if identity in seen:
            problems.append(f"{label}: identity repeats {identity}")
        seen.add(identity)
        for name in [fact.get("indicator")] + list(fact.get("names") or []):
            name = NAME_JUNK.sub("", name or "")
            if owner.setdefault(name, fact.get("indicator")) != fact.get("indicator"):
                problems.append(f"{label}: name {name} also belongs to {owner[name]}")
    return problems


def load_key(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check(keys: Path, docs: Path | None, check_rows=check_facts) -> list[str]:
    """Problems of a folder of key files, each checked by CHECK_ROWS (against its text when DOCS has it)."""
    problems = []
    for path in sorted(keys.glob("*.jsonl")):
        rows = load_key(path)
        if any(Path(row.get("doc", "")).stem != path.stem for row in rows):
            problems.append(f"{path.name}: every line's doc must be the file's document")
        document = docs / rows[0]["doc"] if docs and rows else None
        text = read_text(document) if document and document.exists() else None
        problems += check_rows(rows, text)
    return problems


def show(keys: Path, docs: Path, only: str | None) -> None:
    for path in sorted(keys.glob("*.jsonl")):
        for fact in load_key(path):
            if only and fact["doc"] != only:
                continue
            text = read_text(docs / fact["doc"])
            shown = fact["text"] if fact["value"] is None else f"{fact['comparator']}{fact['value']}{fact['unit'] or ''}"
            print(f"{fact['doc']}\t{fact['indicator']}\t{fact['role']}\t{fact['period']}\t{fact['measure']}\t"
                  f"{shown}\t{text[fact['start']:fact['end']]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    building = commands.add_parser("build", help="source files -> one key file per document")
    building.add_argument("sources", nargs="+", type=Path)
    building.add_argument("--docs", type=Path, required=True)
    building.add_argument("--out", type=Path, required=True)
    checking = commands.add_parser("check", help="validate a folder of key files")
    checking.add_argument("keys", type=Path)
    checking.add_argument("--docs", type=Path)
    showing = commands.add_parser("show", help="print each fact beside the words its offsets point at")
    showing.add_argument("keys", type=Path)
    showing.add_argument("--docs", type=Path, required=True)
    showing.add_argument("--doc", help="only this document")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            built = build(args.sources, args.docs, args.out)
            print(f"{sum(map(len, built.values()))} facts in {len(built)} documents")
        elif args.command == "check":
            problems = check(args.keys, args.docs)
            print("\n".join(problems) or "ok")
            return 1 if problems else 0
        else:
            show(args.keys, args.docs, args.doc)
    except KeyProblem as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
