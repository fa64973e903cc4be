"""A document sent by a browser or an API client, stored like `planwatch ingest` stores a file.

The upload is written under its own (folder-free) name into a temporary folder
and read as `planwatch ingest` reads a file, in the app's worker process within
the document budget (store/reading.py), so a bad file fails with the same
DocumentError, reported with the name the client sent.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path, PurePath

from fastapi import UploadFile
from fastapi.concurrency import run_in_threadpool

from .. import settings
from ..documents.loaders import read_bytes
from ..errors import DocumentError, UnreadableFile
from ..store import Store, StoredDocument
from ..store.reading import Reader

CHUNK = 1 << 20
MAX_NAME_BYTES = 255


def safe_name(filename: str | None) -> str:
    # Browsers on Windows may send C:\folder\name.txt
    name = PurePath((filename or "").replace("\\", "/")).name.strip()
    if not name or name in (".", ".."):
        raise UnreadableFile(filename or "(no name)", "the upload has no file name")
    if any(ord(ch) < 32 for ch in name):
        raise UnreadableFile(repr(name), "the file name holds control characters")
    return _shortened(name)


def _shortened(name: str) -> str:
    """A name a file system takes (255 bytes), its extension kept: 上传的文件名可能很长."""
    path = PurePath(name)
    stem, suffix = path.stem, path.suffix if len(path.suffix.encode()) < 32 else ""
    while len((stem + suffix).encode()) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + suffix


async def store_upload(store: Store, reader: Reader, upload: UploadFile, user: str) -> tuple[StoredDocument, bool]:
    """Store the upload, read within the document budget; a new document is written to the
    audit log as `user`'s."""
    name = safe_name(upload.filename)
    limit = settings.get_int("max_file_mb") * CHUNK
    with tempfile.TemporaryDirectory(prefix="planwatch-upload-") as folder:
        path = Path(folder) / name
        size = 0
        with path.open("wb") as out:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise UnreadableFile(name, f"larger than {limit // CHUNK} MiB (PLANWATCH_MAX_FILE_MB)")
                out.write(chunk)
        return await run_in_threadpool(_load_and_store, store, reader, path, user)


def _load_and_store(store: Store, reader: Reader, path: Path, user: str) -> tuple[StoredDocument, bool]:
    try:
        raw = read_bytes(path)
        if known := store.find_content(hashlib.sha256(raw).hexdigest()):
            return known, False
        document, facts, commitments = reader.read(path, raw)
    except DocumentError as exc:
        raise type(exc)(path.name, exc.reason) from None
    return store.add_document(document, facts, user=user, commitments=commitments)
