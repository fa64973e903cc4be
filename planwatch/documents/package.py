"""DOCX and XLSX files are ZIP packages of XML parts. Before python-docx or
openpyxl opens one, every part is inflated once through a counting reader
that stops at the limits, so a ZIP bomb costs at most the limits, never its
promise:

- the directory may list at most MAX_MEMBERS parts (counted on the raw bytes,
  before the directory is parsed into objects);
- all parts together may inflate to `max_unzipped_mb`, one XML part to
  `max_xml_part_mb` (a parsed XML tree takes about ten times its text).

Sizes are counted as the bytes come out of the decompressor, not read from
the headers: a part that declares a few bytes and inflates to gigabytes is
cut where it claimed to end, fails its CRC and is refused as damaged (which is
also all that python-docx and openpyxl would ever inflate of it).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from .. import settings
from ..errors import OverLimit, UnsupportedFormat

MAX_MEMBERS = 5000
_CENTRAL_ENTRY = b"PK\x01\x02"   # each directory entry starts so: a count of it bounds the directory
_CHUNK = 1 << 16
_MIB = 1 << 20
_XML = (".xml", ".rels", ".vml")


def zip_members(raw: bytes, path: Path) -> list[zipfile.ZipInfo]:
    """The directory of a ZIP container (DOCX, XLSX, OFD ...), read without inflating anything."""
    listed = raw.count(_CENTRAL_ENTRY)
    if listed > MAX_MEMBERS:
        raise OverLimit(path, f"the ZIP container lists about {listed} parts, over the limit of {MAX_MEMBERS}")
    try:
        return zipfile.ZipFile(io.BytesIO(raw)).infolist()
    except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError) as exc:
        raise UnsupportedFormat(path, f"a damaged ZIP container ({type(exc).__name__}: {exc})") from None


def check_package(raw: bytes, path: Path, kind: str) -> None:
    """Inflate every part once, counting; OverLimit past a limit, UnsupportedFormat when damaged."""
    zip_members(raw, path)
    total_limit = settings.get_int("max_unzipped_mb") * _MIB
    part_limit = settings.get_int("max_xml_part_mb") * _MIB
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for info in archive.infolist():
                size = _inflated(archive, info, part_limit if info.filename.lower().endswith(_XML) else None)
                total += size
                if total > total_limit:
                    raise OverLimit(path, f"the {kind.upper()} inflates to over {total_limit // _MIB} MiB "
                                          "(a ZIP bomb?; setting PLANWATCH_MAX_UNZIPPED_MB)")
    except _PartTooLarge as exc:
        raise OverLimit(path, f"its part {exc.name} inflates to over {part_limit // _MIB} MiB of XML "
                              "(setting PLANWATCH_MAX_XML_PART_MB)") from None
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError, EOFError) as exc:
        raise UnsupportedFormat(path, f"a damaged {kind.upper()} file ({type(exc).__name__}: {exc})") from None


class _PartTooLarge(Exception):
    def __init__(self, name: str):
        self.name = name


def _inflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int | None) -> int:
    """Bytes one part inflates to, read in chunks and dropped; _PartTooLarge past `limit`."""
    size = 0
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            size += len(chunk)
            if limit is not None and size > limit:
                raise _PartTooLarge(info.filename)
    return size
