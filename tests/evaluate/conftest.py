"""Facts built by hand as the store hands them out (planwatch.store.StoredFact)."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from planwatch.model import Fact
from planwatch.store import StoredFact

_ids = itertools.count(1)


def stored(indicator: str, role: str, period: str, measure: str, value, unit: str | None = "%",
           comparator: str | None = "=", *, doc: int = 1, date: str | None = "2024-01-10",
           region: str = "洪山区", start: int = 0, **flags) -> StoredFact:
    """One StoredFact; `flags` are Fact's optional fields (text, estimated, stretch, also ...)."""
    if "upper" in flags:
        flags["upper"] = Decimal(str(flags["upper"]))
    if "also" in flags:
        flags["also"] = [Decimal(str(v)) for v in flags["also"]]
    number = None if value is None else Decimal(str(value))
    fact = Fact(indicator, role, period, measure, number, unit if number is not None else None,
                comparator if number is not None else None, start, start + 4, **flags)
    return StoredFact(next(_ids), fact, doc, f"doc{doc}.txt", f"文件{doc}", region, region,
                      "annual_report", date, 1, "test")


@pytest.fixture
def make():
    return stored
