"""The dashboard and its JSON API as one FastAPI app over a Store.

    from planwatch.web import create_app
    app = create_app(Store(url))      # uvicorn.run(app) or TestClient(app)
"""

from __future__ import annotations

from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles

from .. import settings
from ..accounts import Accounts
from ..store import Store
from . import admin, audit, auth, errors, render, sessions, vendor
from .commitments import router as commitments_router
from .highlight import fact_pieces
from .pages import router
from .reports import router as reports_router
from ..store.reading import reader
from .review import router as review_router
from ..store.search import SearchIndex
from .security import BodyLimit, SecurityHeaders

STATIC = Path(__file__).with_name("static")


def create_app(store: Store) -> FastAPI:
    app = FastAPI(title="planwatch", summary="地方规划主要指标:文件、指标数据、目标与完成情况",
                  docs_url=None, redoc_url=None,   # /docs is ours: Swagger UI from node_modules, no CDN
                  dependencies=[Depends(auth.reader)])   # every route: reading may need a login
    app.state.store = store
    app.state.accounts = Accounts(store)
    app.state.login_rate = auth.LoginRate()
    settings.get_bool("public_read")   # a malformed setting stops the start, not every request
    app.state.engine = store.engine
    app.state.search = SearchIndex(app.state.engine)
    app.state.reader = reader()   # uploads are read in its worker process, within the document budget
    app.include_router(router)
    app.include_router(auth.router)
    app.include_router(audit.router)
    app.include_router(admin.router)
    app.include_router(reports_router)
    app.include_router(commitments_router)
    app.include_router(review_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    errors.install(app)
    app.add_middleware(render.SuffixFormat)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit)
    app.add_middleware(auth.CredentialsFirst)
    sessions.install(app, store.url)
    render.templates.env.globals["pieces"] = fact_pieces
    render.templates.env.policies["json.dumps_function"] = render.dumps
    vendor.check()
    return app
