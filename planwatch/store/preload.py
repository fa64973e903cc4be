"""Imported once by the forkserver of the reading workers (reading.py): the extractor,
its lexicons compiled by reading one short text, so that every worker forked from it
starts warm. The format loaders' libraries (trafilatura, pdfplumber ...) are left to
load in the worker at its first file of their kind: a batch of text files, the common
case, does not pay for them."""

from pathlib import Path

from .reading import read_document

read_document(Path("warm-up.txt"), "某县2024年工作报告\n全县地区生产总值增长5%。\n".encode())
