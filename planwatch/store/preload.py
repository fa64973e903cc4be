"""Imported once by the forkserver of the reading workers (reading.py): the loaders'
libraries, and the extractor's lexicons compiled by reading one short text, so that
every worker forked from it reads its first document as fast as its hundredth."""

from pathlib import Path

from ..documents import docx_loader, html_loader, pdf_loader, xlsx_loader  # noqa: F401
from .reading import read_document

read_document(Path("warm-up.txt"), "某县2024年工作报告\n全县地区生产总值增长5%。\n".encode())
