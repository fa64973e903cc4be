"""Stage: web. The dashboard (Jinja2 pages, zh-CN first) and a JSON twin of each page,
search, upload and downloads, as one FastAPI app over a Store."""

from .app import create_app

__all__ = ["create_app"]
