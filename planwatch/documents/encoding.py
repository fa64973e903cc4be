"""Decode bytes in a fixed order: BOM, strict UTF-8, a declared charset,
GB18030, then charset-normalizer.

charset-normalizer comes last because on short Chinese texts it mistakes GBK
for cp874 or Big5; GB18030 is a superset of GBK and GB2312. Its answer is
only taken for encodings a Chinese document plausibly uses (Big5, UTF-16/32
without a BOM); anything else is reported as undecodable rather than turned
into mojibake. The text is kept exactly as decoded: no line-ending translation;
only a UTF-8 file with a few broken bytes (cut mid-character) gets U+FFFD for them.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path

from charset_normalizer import from_bytes

from ..errors import BinaryFile, DecodeError, MixedEncoding

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Declared charsets that GB18030 already covers, so trying them adds nothing.
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "euc-cn", "x-gbk", "hz-gb-2312"}
# Codecs that decode bytes but are no page's charset: they read GBK bytes as Latin-1 mojibake.
_NOT_CHARSETS = {"unicode_escape", "raw_unicode_escape", "punycode", "idna", "utf_7"}
_FALLBACK_OK = {"big5", "big5hkscs", "cp950", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"}
# Eight UTF-8 encoded CJK characters in a row: GBK text practically never
# contains this by chance, so in a file that is not UTF-8 it means mixed encodings.
_UTF8_CJK_RUN = re.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2}){8,}")
_READABLE = re.compile(r"[\t\n\r\x20-\x7e\u00b7\u2010-\u2027\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(raw: bytes, path: Path | str, declared: str | None = None) -> tuple[str, str]:
    """(text, encoding name) for `raw`; DocumentError subclasses name `path`."""
    text, encoding = _decode(raw, path, declared)
    controls = len(_CONTROL.findall(text[:100_000]))
    if controls > max(8, len(text[:100_000]) // 200):
        raise BinaryFile(path, f"looks binary, not text ({controls} control characters after decoding as {encoding})")
    return text, encoding


def _decode(raw: bytes, path: Path | str, declared: str | None) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _strict(raw, codec, path), codec
    if b"\x00" in raw[:100_000]:
        return _utf16_without_bom(raw, path)
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        damaged = _damaged_utf8(raw, path)
        if damaged is not None:
            return damaged, "utf-8"
        _refuse_mixed(raw, exc, path)
    for codec in (_usable(declared), "gb18030"):
        if codec:
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError:
                pass
    return _guess(raw, path)


def _utf16_without_bom(raw: bytes, path: Path | str) -> tuple[str, str]:
    """NUL bytes: UTF-16 when one byte order decodes to text that reads like
    Chinese or plain text, otherwise a binary file."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if len(_READABLE.findall(text[:10_000])) >= 0.9 * len(text[:10_000]):
            return text, codec
    raise BinaryFile(path, "contains NUL bytes: a binary file, not text")


def _strict(raw: bytes, codec: str, path: Path | str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(path, f"starts with a {codec} byte-order mark but is not valid {codec} "
                                f"({exc.reason} at byte {exc.start})") from None


def _damaged_utf8(raw: bytes, path: Path | str) -> str | None:
    """UTF-8 with a few broken bytes (a file cut mid-character, a flipped byte):
    those bytes become U+FFFD and the rest is kept. Many broken bytes mean
    another encoding, or a second one partway (see `_refuse_mixed`)."""
    if not _UTF8_CJK_RUN.search(raw):
        return None
    text = raw.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - raw.count("\ufffd".encode("utf-8"))
    if broken > max(3, len(raw) // 20_000):
        return None
    log.warning("%s: %d bytes are not valid UTF-8; read as U+FFFD", path, broken)
    return text


def _refuse_mixed(raw: bytes, exc: UnicodeDecodeError, path: Path | str) -> None:
    run = _UTF8_CJK_RUN.search(raw)
    if run:
        raise MixedEncoding(path, f"the encoding changes partway: bytes {run.start()}-{run.end()} are UTF-8 "
                                  f"but byte {exc.start} is not; save the whole file in one encoding")


def _usable(declared: str | None) -> str | None:
    """The declared charset's codec name, unless GB18030 covers it, Python does not know it,
    or it is no text encoding (a page may declare charset=rot13, hex or base64)."""
    if not declared or declared.lower() in _GB_FAMILY:
        return None
    try:
        name = codecs.lookup(declared).name
        b"a".decode(name)   # LookupError for bytes-to-bytes codecs (hex, base64) and rot13; `undefined` fails
    except (LookupError, UnicodeError):
        log.info("declared charset %r is not a text encoding: ignored", declared)
        return None
    return None if name.replace("-", "_") in _NOT_CHARSETS else name


def _guess(raw: bytes, path: Path | str) -> tuple[str, str]:
    best = from_bytes(raw[:1_000_000]).best()
    if best is None or best.encoding not in _FALLBACK_OK:
        raise DecodeError(path, "not text in any supported encoding (UTF-8, GB18030/GBK/GB2312, Big5, UTF-16 with BOM)")
    try:
        return raw.decode(best.encoding), best.encoding
    except UnicodeDecodeError as exc:
        raise DecodeError(path, f"not valid {best.encoding} ({exc.reason} at byte {exc.start})") from None
