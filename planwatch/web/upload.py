"""A document sent by a browser or an API client: its name checked, its bytes read up to
the size limit, and queued as a job (planwatch.jobs) that reads and stores it as
`planwatch ingest` would; the client follows the job's page. A bad file becomes a
failed job, with the same DocumentError reason `planwatch ingest` gives.
"""

from __future__ import annotations

from pathlib import PurePath

from fastapi import UploadFile
from fastapi.concurrency import run_in_threadpool

from .. import settings
from ..errors import UnreadableFile
from ..jobs import Job, JobQueue

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


async def queue_upload(jobs: JobQueue, upload: UploadFile, user: str) -> Job:
    """The upload as a queued job, its bytes read no further than the size limit."""
    name = safe_name(upload.filename)
    limit = settings.get_int("max_file_mb") * CHUNK
    chunks, size = [], 0
    while chunk := await upload.read(CHUNK):
        size += len(chunk)
        if size > limit:
            raise UnreadableFile(name, f"larger than {limit // CHUNK} MiB (PLANWATCH_MAX_FILE_MB)")
        chunks.append(chunk)
    return await run_in_threadpool(jobs.submit_ingest, name, b"".join(chunks), user)
