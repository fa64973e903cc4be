"""Stage 1: files to Documents (decoded text, noise spans, metadata, tables)."""

from .loaders import load
from .model import Cell, Document, DocumentMeta, Table

__all__ = ["Cell", "Document", "DocumentMeta", "Table", "load"]
