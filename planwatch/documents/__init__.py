"""Stage 1: files to Documents (decoded text, noise spans, metadata, tables)."""

from .loaders import load
from .metadata import detect_meta
from .model import Cell, Document, DocumentMeta, Table
from .noise import find_noise, in_noise
from .regions import region_key

__all__ = ["Cell", "Document", "DocumentMeta", "Table", "detect_meta", "find_noise", "in_noise", "load", "region_key"]
