"""The words and thresholds of evaluation, read once from planwatch/data/evaluation.yaml,
and the indicator traits (rate, lower is better) the rules need, from the indicator system."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml

from ..errors import EvaluationError
from ..extract import catalogue
from ..words import Words

_DATA = Path(__file__).resolve().parent.parent / "data"


@cache
def vocabulary() -> dict:
    path = _DATA / "evaluation.yaml"
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise EvaluationError(f"{path}: {exc}") from exc


def label(status: str) -> Words:
    return Words(**vocabulary()["labels"][status])


def lower_is_better(indicator: str) -> bool:
    known = catalogue.polarity(indicator)
    if known is not None:
        return known == "lower"
    return any(word in indicator for word in vocabulary()["lower_is_better"])


def is_rate(indicator: str, unit: str | None) -> bool:
    """A level that is itself a rate or share: compared directly, never pro rata."""
    return unit in ("%", "百分点", "‰") or bool((entry := catalogue.get(indicator)) and entry.rate)


def threshold(name: str) -> Decimal:
    return Decimal(str(vocabulary()[name]))


def assessment_sign(words: str | None) -> int | None:
    """+1 when a document's own verdict says done or doable, -1 when not, None when silent."""
    if not words:
        return None
    table = vocabulary()["assessment"]
    if any(w in words for w in table["negative"]):
        return -1
    if any(w in words for w in table["positive"]):
        return 1
    return None
