"""Read a file into a Document: check the path and size, pick a loader by
content, then find the noise spans and the metadata of the text.

Limits: files over the `max_file_mb` setting (64 MiB by default) are refused
before a byte is read; each loader states its own further limits.
"""

from __future__ import annotations

import hashlib
from importlib import import_module
from pathlib import Path

from .. import settings
from ..errors import EmptyDocument, FileTooLarge, UnreadableFile
from .loaded import Loaded
from .metadata import detect_meta
from .model import Document
from .noise import find_noise, merged
from .sniff import sniff

# kind -> (module, function): a loader's libraries (trafilatura, pdfplumber, python-docx)
# are imported when a file of its kind is first read, not by every command.
_LOADERS = {"text": ("text_loader", "load_text"), "html": ("html_loader", "load_html"),
            "mhtml": ("html_loader", "load_mhtml"), "docx": ("docx_loader", "load_docx"),
            "pdf": ("pdf_loader", "load_pdf"), "doc": ("office_loader", "load_word97"),
            "xlsx": ("xlsx_loader", "load_xlsx"), "ofd": ("ofd_loader", "load_ofd")}


def _loader(kind: str):
    module, function = _LOADERS[kind]
    return getattr(import_module(f".{module}", __package__), function)


def load(path: Path | str) -> Document:
    """The Document of one file (text, HTML or MHTML, DOCX or PDF, whatever its extension).

    Raises a DocumentError subclass that names the file and the reason."""
    path = Path(path)
    return load_bytes(path, read_bytes(path))


def load_bytes(path: Path, raw: bytes) -> Document:
    """The Document of a file's bytes already read (by `read_bytes`): errors name `path`."""
    kind = sniff(raw, path)
    loaded = _loader(kind)(raw, path)
    if not loaded.text.strip():
        raise EmptyDocument(path, f"no text found in this {kind.upper()} file")
    return build_document(path.name, raw, "html" if kind == "mhtml" else kind, loaded)


def read_bytes(path: Path) -> bytes:
    limit_mb = settings.get_int("max_file_mb")
    try:
        if path.is_dir():
            raise UnreadableFile(path, "is a directory, not a file")
        if path.exists() and not path.is_file():
            raise UnreadableFile(path, "is not a regular file (a device, pipe or socket)")
        size = path.stat().st_size
        if size > limit_mb * 1024 * 1024:
            raise FileTooLarge(path, f"is {size / 1024 / 1024:.1f} MiB, over the limit of {limit_mb} MiB "
                                     f"(setting PLANWATCH_MAX_FILE_MB)")
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(path, exc.strerror or str(exc)) from None
    if not raw:
        raise EmptyDocument(path, "the file is empty (0 bytes)")
    return raw


def build_document(name: str, raw: bytes, kind: str, loaded: Loaded) -> Document:
    meta = detect_meta(loaded.meta_text or loaded.text, name, hint=loaded.title, page=loaded.page_text,
                       date=loaded.date)
    return Document(name=name, text=loaded.text, sha256=hashlib.sha256(raw).hexdigest(),
                    encoding=loaded.encoding, format=kind, meta=meta,
                    noise=merged(find_noise(loaded.text) + loaded.furniture), tables=loaded.tables, original=raw)
