"""The year-by-year tables the pages show (indicator × period on a region page,
region × period on an indicator page) as flat tables for CSV and XLSX: one
column per period, each cell the facts it shows in words (目标 约6%；完成 6.3%)."""

from __future__ import annotations

from decimal import Decimal

SYMBOLS = {">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": ""}   # and "~": t("about"), a word


def number(value: Decimal | int | float) -> str:
    """As stated: 5.0 stays 5, 1E+2 is 100 (evaluate's to_dict gives JSON numbers, the store Decimals)."""
    return format(Decimal(str(value)).normalize(), "f")


def value_text(fact: dict, t) -> str:
    if fact["value"] is None:
        return fact["text"] or ""
    if fact.get("upper") is not None:
        return f"{number(fact['value'])}–{number(fact['upper'])}{fact['unit'] or ''}"
    symbol = t("about") if fact["comparator"] == "~" else SYMBOLS.get(fact["comparator"], "")
    return f"{symbol}{number(fact['value'])}{fact['unit'] or ''}"


def fact_text(fact: dict, t) -> str:
    words = f"{t(fact['role'])} {value_text(fact, t)}"
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
            record[period] = t("separator").join(fact_text(f, t) for f in facts)
        flat.append(record)
    return {"name": name, "columns": heads + periods, "rows": flat}


def verdict_table(name: str, verdicts: list[dict], t) -> dict:
    rows = [{"indicator": v["indicator"], "period": v["period"], "measure": t(v["measure"]),
             "target": value_text(v["target"], t),
             "actual": t("separator").join(f"{r['period']} {value_text(r, t)}" for r in v["results"][:1]),
             "status": t(f"status_{v['status']}"), "reason": v["reason"]} for v in verdicts]
    return {"name": name, "columns": ["indicator", "period", "measure", "target", "actual", "status", "reason"],
            "rows": rows}


def findings_table(findings: list[dict], t) -> dict:
    rows = [{"label": t(f"finding_{f['kind']}"), **{k: f[k] for k in ("indicator", "period", "message")}}
            for f in findings]
    return {"name": "warnings", "columns": ["label", "indicator", "period", "message"], "rows": rows}
