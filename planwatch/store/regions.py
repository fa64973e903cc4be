"""The region key stored beside each document and compared by `region=` filters."""

from __future__ import annotations

from ..documents import region_key as _documents_region_key


def region_key(region: str | None) -> str | None:
    """湖北省武汉市洪山区, 武汉市洪山区 and 洪山区 share one key; no region, no key."""
    return (_documents_region_key(region) or None) if region else None
