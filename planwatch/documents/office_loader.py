"""Word 97-2003 (.doc) and WPS (.wps) files: the binary formats a 发改局 still receives,
converted to DOCX by LibreOffice headless, then read by the DOCX loader (tables and all).

Each conversion runs in a temporary folder with a LibreOffice profile of its own (two
conversions at once would otherwise share, and lock, the user's), and is stopped past
CONVERT_SECONDS: a hostile file cannot hold a batch.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import UnsupportedFormat
from .docx_loader import load_docx
from .loaded import Loaded

CONVERT_SECONDS = 120


def load_word97(raw: bytes, path: Path) -> Loaded:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise UnsupportedFormat(path, "a Word 97-2003 (.doc) or WPS file needs LibreOffice to be read, and it is "
                                      "not installed (scripts/setup installs it); or save the file as DOCX or PDF")
    with tempfile.TemporaryDirectory(prefix="planwatch-office-") as folder:
        work = Path(folder)
        source = work / f"input{path.suffix.lower() or '.doc'}"
        source.write_bytes(raw)
        command = [soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "docx", "--outdir", str(work / "out"), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=CONVERT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise UnsupportedFormat(path, f"LibreOffice did not convert it within {CONVERT_SECONDS} s") from None
        converted = work / "out" / f"{source.stem}.docx"
        if not converted.is_file():
            raise UnsupportedFormat(path, "LibreOffice could not read it as a Word 97-2003 (.doc) or WPS document; "
                                          "open it in WPS or Word and save it as DOCX or PDF")
        return load_docx(converted.read_bytes(), path)
