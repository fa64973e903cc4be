"""Which files an ingest of some paths reads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path


def files_under(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files as given and, for folders, every file below them in name order.

    Hidden files and folders inside a folder (.DS_Store, .git) are skipped; a
    path that does not exist is yielded as is, so that reading it fails with
    the file's name and the reason. A folder reached twice (a symbolic link
    back up the tree) is read once."""
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(_walk(path, seen))
        else:
            yield path


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path]:
    real = folder.resolve()
    if real in seen:
        return
    seen.add(real)
    for child in folder.iterdir():
        if child.name.startswith("."):
            continue
        if child.is_dir():
            yield from _walk(child, seen)
        else:
            yield child
