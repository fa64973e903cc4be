"""The year-by-year tables the pages show (indicator × period on a region page,
region × period on an indicator page) as flat tables for CSV and XLSX: one
column per period, each cell the facts it shows in words (目标 约6%；完成 6.3%)."""

from __future__ import annotations

from decimal import Decimal

SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "~": "约", "=": ""}


def number(value: Decimal) -> str:
    return format(value.normalize(), "f")


def fact_text(fact: dict, t) -> str:
    if fact["value"] is None:
        shown = fact["text"] or ""
    elif fact["upper"] is not None:
        shown = f"{number(fact['value'])}–{number(fact['upper'])}{fact['unit'] or ''}"
    else:
        shown = f"{SYMBOLS.get(fact['comparator'], '')}{number(fact['value'])}{fact['unit'] or ''}"
    words = f"{t(fact['role'])} {shown}"
    if fact["estimated"]:
        words += f"({t('estimated')})"
    if fact.get("status"):
        words += f"[{t('status_' + fact['status'])}]"
    return words


def grid(name: str, heads: list[str], rows: list[dict], periods: list[str], t) -> dict:
    """rows: {head: value, ..., "cells": {period: [facts] or {"targets": [...], "results": [...]}}}."""
    flat = []
    for row in rows:
        # measure holds a key (growth); the reader gets its word (增速)
        record = {head: t(row[head]) if head == "measure" else row[head] for head in heads}
        for period, cell in row["cells"].items():
            facts = cell if isinstance(cell, list) else cell["targets"] + cell["results"]
            record[period] = "；".join(fact_text(f, t) for f in facts)
        flat.append(record)
    return {"name": name, "columns": heads + periods, "rows": flat}
