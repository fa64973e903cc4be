"""A target against the result for the same indicator, measure and period:
met, near (a `~` target missed by no more than the near tolerance), missed,
or pending (no result yet). Used for the colours of the region table."""

from __future__ import annotations

from decimal import Decimal

from .. import settings

MET, NEAR, MISSED, PENDING, UNKNOWN = "met", "near", "missed", "pending", "unknown"


def best_result(results: list[dict]) -> dict | None:
    """A final result beats an estimate; among equals the latest document wins."""
    numeric = [r for r in results if r["value"] is not None]
    if not numeric:
        return None
    return max(numeric, key=lambda r: (not r["estimated"], r.get("doc_date") or "", r["id"]))


def judge(target: dict, result: dict | None, tolerance: Decimal | None = None) -> str:
    if result is None:
        return PENDING
    goal, got, comparator = target["value"], result["value"], target["comparator"]
    if goal is None or got is None:
        return UNKNOWN
    if target["upper"] is not None:
        return MET if goal <= got else _near_or_missed(goal - got, tolerance)
    checks = {">=": got >= goal, ">": got > goal, "<=": got <= goal, "<": got < goal,
              "=": got >= goal, "~": got >= goal}
    if comparator not in checks:
        return UNKNOWN
    if checks[comparator]:
        return MET
    shortfall = abs(got - goal)
    return _near_or_missed(shortfall, tolerance) if comparator == "~" else MISSED


def _near_or_missed(shortfall: Decimal, tolerance: Decimal | None) -> str:
    limit = settings.get_decimal("near_tolerance") if tolerance is None else tolerance
    return NEAR if shortfall <= limit else MISSED
