"""Scaling of level units so that 1.4亿美元 compares with 14000万美元."""

from __future__ import annotations

from decimal import Decimal

_PREFIXES = (("万亿", Decimal("1e12")), ("亿", Decimal("1e8")), ("万", Decimal("1e4")), ("千", Decimal("1e3")))


def _split(unit: str) -> tuple[str, Decimal]:
    for prefix, factor in _PREFIXES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return unit[len(prefix):], factor
    return unit, Decimal(1)


def convert(value: Decimal, unit: str | None, to_unit: str | None) -> Decimal | None:
    """`value` in `unit` expressed in `to_unit`, or None when they measure different things."""
    if unit == to_unit or not unit or not to_unit:
        return value   # a missing unit is read as the other's (tables state it once, in the title)
    base, factor = _split(unit)
    to_base, to_factor = _split(to_unit)
    if base != to_base:
        return None
    return value * factor / to_factor
