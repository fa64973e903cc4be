"""The same output formats for every read command: jsonl (default), csv, table.

Chinese is printed as is, never as \\u escapes.
"""

from __future__ import annotations

import csv
import enum
import json
import sys
from collections.abc import Callable, Iterable, Sequence


class Format(str, enum.Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def emit_each(found: Iterable, fmt: Format, row: Callable[..., dict], columns: Sequence[str]) -> int:
    """What a command found (verdicts, findings, commitments ...): each whole in JSON Lines (its
    to_dict()), flattened by `row` into `columns` as CSV or a table; return how many."""
    if fmt is Format.jsonl:
        return emit((record.to_dict() for record in found), fmt)
    return emit((row(record) for record in found), fmt, columns)


def emit(records: Iterable[dict], fmt: Format, columns: Sequence[str] | None = None) -> int:
    """Print records in the chosen format; return how many were printed."""
    records = list(records)
    if fmt is Format.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(records)
    columns = list(columns or _columns(records))
    if fmt is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        for record in records:
            writer.writerow([_cell(record.get(c)) for c in columns])
        return len(records)
    from rich.console import Console   # only tables need rich: the other formats start faster
    from rich.table import Table

    table = Table(*columns, show_lines=False)
    for record in records:
        table.add_row(*[_cell(record.get(c)) for c in columns])
    # Piped output has no terminal width to fit: print every cell whole.
    width = None if sys.stdout.isatty() else 1000
    Console(soft_wrap=False, width=width).print(table)
    return len(records)


def _columns(records: list[dict]) -> list[str]:
    seen: dict[str, None] = {}
    for record in records:
        for key in record:
            seen.setdefault(key, None)
    return list(seen)
