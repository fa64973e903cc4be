"""Linking: every stated version of a fact of one region, found by indicator,
period and measure, from whichever document of that region stated it.

Versions are ordered best first: a final result before an estimate, then the
later document before the earlier (a later report revises an earlier one).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from .model import Record, region_of


def document_dates(records: Iterable[Record]) -> dict[int, str]:
    """When each document was issued, for ordering versions: its date, else (a plan
    outline often states none) the year after the last year it reports results on."""
    dates: dict[int, str] = {}
    reported: dict[int, int] = {}
    for record in records:
        if record.doc_date:
            dates[record.document_id] = record.doc_date
        elif record.fact.role == "actual" and (period := record.fact.period):
            reported[record.document_id] = max(reported.get(record.document_id, period.last), period.last)
    for doc_id, year in reported.items():
        dates.setdefault(doc_id, str(year + 1))
    return dates


def best_first(records: Iterable[Record], dates: dict[int, str]) -> list[Record]:
    newest = sorted(records, key=lambda r: (dates.get(r.document_id, ""), r.document_id), reverse=True)
    return sorted(newest, key=lambda r: r.fact.estimated)


def earliest_first(records: Iterable[Record], dates: dict[int, str]) -> list[Record]:
    return sorted(records, key=lambda r: (dates.get(r.document_id, "9999"), r.document_id))


class Index:
    """All records of the given facts, looked up by region and indicator."""

    def __init__(self, records: Iterable[Record]):
        records = list(records)
        self.dates = document_dates(records)
        self._by_indicator: dict[tuple[str, str], list[Record]] = defaultdict(list)
        self._exact: dict[tuple[str, str, str, str, str], list[Record]] = defaultdict(list)
        self._latest: dict[str, int] = {}
        for record in records:
            region = region_of(record)
            f = record.fact
            self._by_indicator[(region, f.indicator)].append(record)
            self._exact[(region, f.indicator, f.role, f.period, f.measure)].append(record)
            if record.fact.role == "actual" and (period := record.fact.period):
                self._latest[region] = max(self._latest.get(region, period.last), period.last)
        for key, versions in self._exact.items():      # sorted once, read many times
            self._exact[key] = best_first(versions, self.dates)

    def facts(self, region: str, indicator: str, role: str, period: str, measure: str) -> list[Record]:
        """Every version, best first."""
        return list(self._exact.get((region, indicator, role, period, measure), ()))

    def numeric(self, region: str, indicator: str, period: str, measure: str, role: str = "actual") -> list[Record]:
        return [r for r in self.facts(region, indicator, role, period, measure) if r.fact.value is not None]

    def parts(self, region: str, indicator: str, year: int, measure: str) -> list[Record]:
        """Numeric results for parts of one year (上半年, 前三季度), the latest part first
        (and of two ending together, 前三季度 before 三季度 alone)."""
        found = [r for r in self._by_indicator.get((region, indicator), ())
                 if r.fact.role == "actual" and r.fact.measure == measure and r.fact.value is not None
                 and r.fact.period.is_part and r.fact.period.first == year]
        ordered = best_first(found, self.dates)
        return sorted(ordered, key=lambda r: (r.fact.period.months[1], r.fact.period.share), reverse=True)

    def level_at(self, region: str, indicator: str, year: int) -> Record | None:
        """The best stated level of one year: a result, else a plan's base value."""
        for role in ("actual", "baseline"):
            found = self.numeric(region, indicator, str(year), "level", role)
            if found:
                return found[0]
        return None

    def growth_at(self, region: str, indicator: str, year: int) -> Record | None:
        found = self.numeric(region, indicator, str(year), "growth")
        return found[0] if found else None

    def latest_year(self, region: str) -> int | None:
        """The last year any result of the region reports on: what "now" is for its plans."""
        return self._latest.get(region)

    def keys(self) -> list[tuple[str, str]]:
        return list(self._by_indicator)

    def of(self, region: str, indicator: str) -> list[Record]:
        return self._by_indicator.get((region, indicator), [])
