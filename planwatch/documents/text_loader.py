"""Plain text: decoded exactly, line endings kept."""

from __future__ import annotations

from pathlib import Path

from .encoding import decode
from .loaded import Loaded


def load_text(raw: bytes, path: Path) -> Loaded:
    text, encoding = decode(raw, path)
    return Loaded(text=text, encoding=encoding)
