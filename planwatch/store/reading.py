"""Each document is read (loaded, and its facts extracted) in a worker process
within a budget, so that no file, however built, can hold the batch or the
server: past `document_seconds` of wall-clock time the worker is killed, and
its address space is capped at `document_memory_mb` (RLIMIT_AS), so a bomb
fails there with MemoryError instead of taking the machine. Either way the
document is refused with one OverBudget line and the caller goes on; the
worker never touches the database, so nothing stored is lost.

    document, facts, commitments = reader().read(path, raw)   # this process's Reader

One Reader per process (`reader()`), its pool of one worker kept across
batches and requests: the worker is forked from a `forkserver` that imported
the extractor and warmed it once (preload.py), so a normal batch pays
for no start at all after the first, and a killed worker is replaced by a fork.
"""

from __future__ import annotations

import atexit
import hashlib
import multiprocessing
import resource
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from pebble import ProcessExpired, ProcessPool

from .. import settings
from ..documents import Document
from ..documents.loaders import load_bytes, read_bytes
from ..errors import OverBudget, UnreadableFile
from ..extract import Fact, extract_all
from ..model import Commitment

Read = tuple[Document, list[Fact], list[Commitment]]


def read_document(path: Path, raw: bytes) -> Read:
    """Load and extract (facts and commitments) in this process, without a budget (what the worker runs)."""
    document = load_bytes(path, raw)
    return document, *extract_all(document)


def _in_worker(path: Path, environment: dict[str, str | None]) -> Read:
    """The file is read again here rather than sent through the pipe: its bytes count
    against the worker's memory, and are not copied twice."""
    settings.use_environment(environment)
    document, facts, commitments = read_document(path, read_bytes(path))
    document.original = None   # the caller holds the bytes: not sent back either
    return document, facts, commitments


def _cap_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


class Reader:
    """Reads documents in a worker process within the budget the settings give at each read."""

    def __init__(self):
        self._pool: ProcessPool | None = None
        self._memory_mb = 0          # the cap the pool's worker was started with
        self._lock = threading.Lock()

    def read(self, path: Path, raw: bytes) -> Read:
        """The document, its facts and commitments, `raw` being the file's bytes as the caller read them;
        OverBudget when its worker ran out of time or memory, the loader's DocumentError as it is."""
        seconds, memory_mb = settings.get_float("document_seconds"), settings.get_int("document_memory_mb")
        future = self._started(memory_mb).schedule(_in_worker, (path, settings.environment()), timeout=seconds)
        try:
            document, facts, commitments = future.result()
        except FutureTimeout:
            raise OverBudget(path, f"reading it took over {seconds:g} s and was stopped "
                                   "(setting PLANWATCH_DOCUMENT_SECONDS)") from None
        except MemoryError:
            raise OverBudget(path, f"reading it needed over {memory_mb} MiB of memory and was stopped "
                                   "(setting PLANWATCH_DOCUMENT_MEMORY_MB)") from None
        except (ProcessExpired, BrokenProcessPool) as exc:   # a library that aborts when memory runs out
            if isinstance(exc, BrokenProcessPool):
                self.close()   # the next read starts a new pool
            raise OverBudget(path, f"the worker reading it died ({exc}; over the {memory_mb} MiB "
                                   "of PLANWATCH_DOCUMENT_MEMORY_MB?)") from None
        if document.sha256 != hashlib.sha256(raw).hexdigest():
            raise UnreadableFile(path, "the file changed while it was being read")
        document.original = raw
        return document, facts, commitments

    def _started(self, memory_mb: int) -> ProcessPool:
        with self._lock:
            if self._pool is not None and memory_mb != self._memory_mb:
                self._stop()
            if self._pool is None:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload([f"{__package__}.preload"])
                self._pool = ProcessPool(max_workers=1, initializer=_cap_memory, initargs=(memory_mb << 20,),
                                         context=context)
                self._memory_mb = memory_mb
            return self._pool

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join()
            self._pool = None


_READER: Reader | None = None
_READER_LOCK = threading.Lock()


def reader() -> Reader:
    """This process's Reader, made at the first call and closed at exit."""
    global _READER
    with _READER_LOCK:
        if _READER is None:
            _READER = Reader()
            atexit.register(_READER.close)
        return _READER
