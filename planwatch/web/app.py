"""The dashboard and its JSON API as one FastAPI app over a Store.

    from planwatch.web import create_app
    app = create_app(Store(url))      # uvicorn.run(app), or TestClient(app, base_url="http://localhost")

It answers only to the allowed host names (the allowed_hosts setting unless
given); serving.py runs it as several worker processes. Uploads are background jobs
(planwatch.jobs): on SQLite this process runs them, on PostgreSQL `planwatch worker` does.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import settings
from ..accounts import Accounts
from ..store import Store
from ..jobs import JobQueue
from ..store.search import SearchIndex, words
from . import admin, audit, auth, errors, render, sessions, vendor
from .cache import PageCache
from .commitments import router as commitments_router
from .conflicts import router as conflicts_router
from .entries import router as entries_router
from .highlight import fact_pieces
from .jobs import router as jobs_router
from .pages import router
from .reports import router as reports_router
from .review import choices as review_choices
from .review import router as review_router
from .security import BodyLimit, SecurityHeaders
from .serving import AccessLog, allowed_hosts

STATIC = Path(__file__).with_name("static")


@asynccontextmanager
async def _lifespan(app: FastAPI):
    # jieba reads its dictionary on first use: at start, so the first search after a start
    # or an ingest does not wait half a second for it
    await run_in_threadpool(words, "预热")
    yield


def create_app(store: Store, hosts: Sequence[str] | None = None) -> FastAPI:
    """The app over `store`, answering to `hosts` (default: serving.allowed_hosts())."""
    app = FastAPI(title="planwatch", summary="地方规划主要指标:文件、指标数据、目标与完成情况",
                  docs_url=None, redoc_url=None, lifespan=_lifespan,   # /docs is ours: Swagger UI from node_modules
                  dependencies=[Depends(auth.reader)])   # every route: reading may need a login
    app.state.store = store
    app.state.accounts = Accounts(store)
    app.state.login_rate = auth.LoginRate()
    settings.get_bool("public_read")   # a malformed setting stops the start, not every request
    app.state.engine = store.engine
    app.state.search = SearchIndex(app.state.engine)
    app.state.jobs = JobQueue(store)   # uploads become jobs; on SQLite this process runs them
    app.state.jobs.resume()
    app.state.pages = PageCache(settings.get_int("page_cache_mb") * 1024 * 1024)
    app.include_router(router)
    app.include_router(auth.router)
    app.include_router(audit.router)
    app.include_router(admin.router)
    app.include_router(reports_router)
    app.include_router(commitments_router)
    app.include_router(review_router)
    app.include_router(entries_router)
    app.include_router(conflicts_router)
    app.include_router(jobs_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    errors.install(app)
    app.add_middleware(render.SuffixFormat)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit)
    app.add_middleware(auth.CredentialsFirst)
    sessions.install(app, store.url)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(hosts) if hosts is not None else allowed_hosts())
    app.add_middleware(AccessLog)   # outermost: logs the path as asked, every status, the whole time
    render.templates.env.globals["pieces"] = fact_pieces
    render.templates.env.globals["review_choices"] = review_choices
    render.templates.env.policies["json.dumps_function"] = render.dumps
    vendor.check()
    return app
