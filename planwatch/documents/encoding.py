"""Decode bytes in a fixed order: BOM, strict UTF-8, GB18030, then charset-normalizer.

charset-normalizer comes last because on short Chinese texts it mistakes GBK
for cp874 or Big5; GB18030 is a superset of GBK and GB2312.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: bytes, path: Path | str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise DecodeError(path, f"starts with a {codec} byte-order mark but is not valid {codec} ({exc.reason} at byte {exc.start})") from None
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec), codec
        except UnicodeDecodeError:
            pass
    best = from_bytes(raw).best()
    if best is None:
        raise DecodeError(path, "not text in any supported encoding (UTF-8, GB18030/GBK, UTF-16)")
    return str(best), best.encoding
