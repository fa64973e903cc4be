"""Third-party browser files from node_modules (installed by scripts/setup with
`npm ci`), served by this app: the dashboard must work on networks that reach
no outside host."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import HTTPException
from fastapi.responses import FileResponse

from ..words import say

log = logging.getLogger(__name__)

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
FILES = {
    "echarts.min.js": "echarts/dist/echarts.min.js",
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
}


def check() -> None:
    missing = [name for name, rel in FILES.items() if not (NODE_MODULES / rel).is_file()]
    if missing:
        log.warning("missing %s in %s: run scripts/setup (npm ci); charts and API docs will not load",
                    ", ".join(missing), NODE_MODULES)


def serve(name: str) -> FileResponse:
    rel = FILES.get(name)
    if rel is None:
        raise HTTPException(404, say("没有这个文件:{name}", "no such file: {name}", name=name))
    path = NODE_MODULES / rel
    if not path.is_file():
        raise HTTPException(404, say("{name} 未安装:请运行 scripts/setup(npm ci)", "{name} is not installed: run scripts/setup (npm ci)",
                                     name=name))
    return FileResponse(path, headers={"Cache-Control": "public, max-age=86400"})
