"""Build and check hand-made commitment answer keys (one JSON Lines file per document).

A key line holds one commitment by ../shared/spec/commitments.md, with the evidence as
`start`/`end` offsets into the document read with `newline=""`; it never copies the
document's sentences. Commitments are written by hand in a source file, one a line, with a
short quote that the build looks up in the text (the quote itself is not kept):

    # 2022.md                                                       the document of the lines after it
    ROLE PERIOD STAGE KIND OBJECT ACTION VALUE UNIT COMPARATOR QUOTE [money=N] [names=a|b] [upper=N] [occ=N]

ROLE `t`/`a`; VALUE, UNIT and COMPARATOR `-` where there is none; `occ` picks the occurrence
of a quote that repeats (from 0).

    python tests/extract/keys/commitment_keytool.py build SOURCE --docs DIR --out KEYDIR
    python tests/extract/keys/commitment_keytool.py check KEYDIR --docs DIR
    python tests/extract/keys/commitment_keytool.py show KEYDIR --docs DIR   (each line beside its span)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from keytool import (KeyProblem, check, digits_of, evidence, fields_of, locate, number, read_text,  # noqa: E402
                     source_lines, write_keys)

ROLES = {"t": "target", "a": "actual"}
KINDS, STAGES = {"task", "project"}, {"start", "finish", "other"}
COMPARATORS = {"=", ">=", ">", "<=", "<", "~"}
PERIOD = re.compile(r"\d{4}(H[12])?|\d{4}-\d{4}")
FIELDS = ("doc", "kind", "role", "period", "object", "stage", "action", "value", "unit", "comparator",
          "money", "names", "responsible", "start", "end")
OBJECT_JUNK = re.compile(r"[\s\W_]", re.UNICODE)  # as score_commitments.py normalises objects
SMALL = dict(zip("一二两三四五六七八九十", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10)))


def parse_source(lines: list[str]) -> list[dict]:
    rows = []
    for lineno, doc, line in source_lines(lines):
        role, period, stage, kind, obj, action, value, unit, comparator, quote, *flags = fields_of(lineno, doc, line, 10)
        row = {"doc": doc, "kind": kind, "role": ROLES.get(role, role), "period": period, "object": obj,
               "stage": stage, "action": action, "value": None if value == "-" else number(value),
               "unit": None if unit == "-" else unit, "comparator": None if comparator == "-" else comparator,
               "money": None, "names": [], "responsible": None,
               "quote": quote, "occurrence": None, "line": lineno}
        for flag in flags:
            name, _, raw = flag.partition("=")
            if name == "money":
                row["money"] = number(raw)
            elif name == "names":
                row["names"] = raw.split("|")
            elif name == "upper":
                row["upper"] = number(raw)
            elif name == "responsible":
                row["responsible"] = raw
            elif name == "occ":
                row["occurrence"] = int(raw)
            else:
                raise KeyProblem(f"line {lineno}: unknown flag {flag}")
        rows.append(row)
    return rows


def row_problems(row: dict, text: str | None) -> list[str]:
    problems = [f"missing {field}" for field in FIELDS if field not in row]
    if problems:
        return problems
    for field, allowed in (("kind", KINDS), ("role", set(ROLES.values())), ("stage", STAGES)):
        if row[field] not in allowed:
            problems.append(f"{field} {row[field]!r}")
    if not PERIOD.fullmatch(row["period"]):
        problems.append(f"period {row['period']}")
    if row["value"] is None:
        if row["unit"] is not None or row["comparator"] is not None:
            problems.append("no value: no unit or comparator either")
        if row["stage"] == "other":
            problems.append("a named item with no quantity needs a start or a finish")
    elif row["comparator"] not in COMPARATORS:
        problems.append(f"comparator {row['comparator']}")
    if text is not None and (span := evidence(row, text, problems)) is not None:
        if row["value"] is None:
            if OBJECT_JUNK.sub("", row["object"])[:2] not in OBJECT_JUNK.sub("", span):
                problems.append(f"object {row['object']!r} not in {span!r}")
        elif (digits_of(row["value"]) not in re.sub(r"[^0-9]", "", span)
              and not any(SMALL[ch] == row["value"] for ch in span if ch in SMALL)):
            problems.append(f"value {row['value']} not in {span!r}")
    return problems


def check_rows(rows: list[dict], text: str | None) -> list[str]:
    """Problems of one document's key: each line, and identities that repeat (the scorer's identity)."""
    problems, seen = [], set()
    for index, row in enumerate(rows, 1):
        label = f"{row.get('doc')} line {index} ({row.get('object')})"
        problems += [f"{label}: {p}" for p in row_problems(row, text)]
        identity = (row.get("role"), row.get("period"), row.get("stage"), OBJECT_JUNK.sub("", row.get("object") or ""))
        if identity in seen:
            problems.append(f"{label}: identity repeats {identity}")
        seen.add(identity)
    return problems


def build(source: Path, docs: Path, out: Path) -> dict[str, list[dict]]:
    by_doc: dict[str, list[dict]] = {}
    for row in parse_source(source.read_text(encoding="utf-8").splitlines()):
        row["start"], row["end"] = locate(row, read_text(docs / row["doc"]))
        kept = {f: row[f] for f in FIELDS} | ({"upper": row["upper"]} if "upper" in row else {})
        by_doc.setdefault(row["doc"], []).append(kept)
    return write_keys(by_doc, docs, out, check_rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("build", "check", "show"))
    parser.add_argument("path", type=Path)
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    try:
        if args.command == "build":
            for doc, rows in build(args.path, args.docs, args.out).items():
                print(f"{doc}: {len(rows)} commitments")
        elif args.command == "show":
            for key in sorted(args.path.glob("*.jsonl")):
                for row in map(json.loads, key.read_text(encoding="utf-8").splitlines()):
                    text = read_text(args.docs / row["doc"])
                    value = "" if row["value"] is None else f" {row['comparator']}{row['value']}{row['unit'] or ''}"
                    print(f"{row['role'][0]} {row['period']} {row['stage']} {row['object']}{value}"
                          f"  | {text[max(0, row['start'] - 10):row['end']]}")
        else:
            problems = check(args.path, args.docs, check_rows)
            print("\n".join(problems) or "ok")
            return 1 if problems else 0
    except KeyProblem as problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
