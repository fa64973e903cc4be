"""Read a file into a Document."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import EmptyDocument, UnreadableFile
from .encoding import decode
from .metadata import detect_meta
from .model import Document
from .noise import find_noise


def load(path: Path | str) -> Document:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, exc.strerror or str(exc)) from None
    if not raw:
        raise EmptyDocument(path, "the file is empty (0 bytes)")
    text, encoding = decode(raw, path)
    return Document(name=path.name, text=text, sha256=hashlib.sha256(raw).hexdigest(),
                    encoding=encoding, original=raw, meta=detect_meta(text, path.name),
                    noise=find_noise(text))
