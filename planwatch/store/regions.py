"""Region names to the key that `region=` filters compare."""

from __future__ import annotations


def region_key(region: str | None) -> str | None:
    # Placeholder until planwatch.documents.metadata.region_key lands.
    return "".join(region.split()) or None if region else None
