"""The indicator catalogue in the database, kept equal to planwatch/data/indicators.yaml."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..extract import catalogue
from .models import IndicatorRow


def wanted() -> dict[str, tuple[str | None, str | None]]:
    return {entry.name: (entry.category, entry.unit) for entry in catalogue.indicators()}


def stored(session: Session) -> dict[str, tuple[str | None, str | None]]:
    return {row.name: (row.category, row.unit) for row in session.scalars(select(IndicatorRow))}


def replace(session: Session, entries: dict[str, tuple[str | None, str | None]]) -> None:
    session.execute(delete(IndicatorRow))
    session.add_all(IndicatorRow(name=name, category=category, unit=unit)
                    for name, (category, unit) in entries.items())
