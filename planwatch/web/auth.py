"""Who is asking, and what they may do.

    @router.post("/x", dependencies=[Depends(require_role("reviewer"))])
    def x(user: User = Depends(require_role("reviewer"))): ...

A request comes from a user by an API token (`Authorization: Bearer pwt_...`, for
scripts), or by a login session (sessions.py), or from nobody. Writing always needs
a user of a role high enough, and with a session also the session's CSRF token
(a form's `csrf_token` field or the X-CSRF-Token header): a page of another site
can make a browser send the cookie, never the token. The client's address and
X-Forwarded-For play no part. Reading needs a user only when the `public_read`
setting is false.
"""

from __future__ import annotations

import logging
import math
import time
from datetime import datetime, timezone

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse
from fastapi.security import HTTPBearer
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from .. import settings
from ..accounts import Role, User
from ..errors import AccountDisabled, AccountLocked, LoginRefused, SettingsError
from . import i18n, sessions
from .render import respond

log = logging.getLogger(__name__)
router = APIRouter()

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
OPEN_PATHS = ("/login", "/logout", "/vendor/")   # reachable without a login when reading needs one


def _t(request: Request):
    return i18n.translator(i18n.language(request))


# Declares the scheme in the OpenAPI description (/docs can then send a token); the header
# itself is read below, so that a malformed one is a 401 rather than anonymous.
BEARER = HTTPBearer(auto_error=False, description="`planwatch tokens add NAME --user U` 生成的 API 令牌")


def current_user(request: Request, _scheme=Depends(BEARER)) -> User | None:
    """The user making this request, or None; a bad or revoked token is a 401, never anonymous.
    A user disabled, or given a new password, since logging in is logged out here."""
    accounts = request.app.state.accounts
    header = request.headers.get("authorization")
    if header is not None:
        scheme, _, secret = header.partition(" ")
        user = accounts.user_for_token(secret.strip()) if scheme.lower() == "bearer" else None
        if user is None or user.disabled:
            raise HTTPException(401, _t(request)("auth_bad_token"), headers={"WWW-Authenticate": "Bearer"})
        request.state.user, request.state.by_token = user, True
        return user
    user = sessions.user_of(request, accounts)
    if user is not None:
        request.state.user = user
    return user


def reader(request: Request, user: User | None = Depends(current_user)) -> None:
    """Every route's first dependency: with `public_read` false, reading needs a login."""
    if user is None and not request.url.path.startswith(OPEN_PATHS) and not settings.get_bool("public_read"):
        raise HTTPException(401, _t(request)("auth_login_to_read"))


def require_role(role: Role):
    """A dependency: the user, who must have `role` or a higher one (and, by session, the CSRF token)."""
    async def allowed(request: Request, user: User | None = Depends(current_user)) -> User:
        t = _t(request)
        if user is None:
            raise HTTPException(401, t("auth_login_to_write"))
        if not getattr(request.state, "by_token", False):
            await require_csrf(request)
        if not user.can(role):
            raise HTTPException(403, t("auth_role_needed").format(role=t(f"role_{role}")))
        return user

    return allowed


async def require_csrf(request: Request) -> None:
    if request.method in SAFE_METHODS:
        return
    if sessions.csrf_matches(request, request.headers.get(sessions.CSRF_HEADER)):
        return
    sent = (await request.form()).get(sessions.CSRF_FIELD)   # parsed once, its fields kept for the route
    if not sessions.csrf_matches(request, sent if isinstance(sent, str) else None):
        raise HTTPException(403, _t(request)("auth_csrf"))


class CredentialsFirst:
    """ASGI middleware: a write that carries no credentials at all (no token, no session
    cookie) is refused as soon as its body is asked for, so an anonymous upload is never
    spooled to disk. (The route's dependencies would refuse it too, but only after
    FastAPI has read the form.)"""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS and scope["path"] not in OPEN_PATHS:
            request = Request(scope)
            if "authorization" not in request.headers and sessions.COOKIE not in request.cookies:
                async def refuse():   # raised inside the route: the app's error handler answers it
                    # Connection: close, or the server would read the body it refuses, to keep the connection
                    raise HTTPException(401, _t(request)("auth_login_to_write"), headers={"Connection": "close"})
                return await self.app(scope, refuse, send)
        await self.app(scope, receive, send)


@router.get("/login", summary="登录页面")
def login_page(request: Request, next: str = "/"):
    return respond(request, "login.html", {"next": _local(next), "name": "", "error": None})


class LoginRate:
    """Login attempts per client address (the `login_rate` setting): the lock-out guards one
    account, this guards against trying one password on many accounts."""

    def __init__(self):
        raw = settings.get("login_rate")
        try:
            self.rate = parse(raw)
        except ValueError:
            raise SettingsError(f"PLANWATCH_LOGIN_RATE must read like 30/minute, not {raw!r}") from None
        self.limiter = MovingWindowRateLimiter(MemoryStorage())

    def wait(self, request: Request) -> int:
        """0 when this attempt may go on, else the seconds until one may."""
        address = request.client.host if request.client else "unknown"
        if self.limiter.hit(self.rate, address):
            return 0
        reset = self.limiter.get_window_stats(self.rate, address).reset_time
        return max(1, math.ceil(reset - time.time()))


@router.post("/login", include_in_schema=False)
async def login(request: Request, name: str = Form(""), password: str = Form(""), next: str = Form("/")):
    await require_csrf(request)
    t = _t(request)
    if wait := request.app.state.login_rate.wait(request):
        return _again(request, name, next, t("login_too_many").format(seconds=wait), 429, {"Retry-After": str(wait)})
    try:
        user = await run_in_threadpool(request.app.state.accounts.authenticate, name, password)
    except AccountLocked as exc:
        seconds = max(1, math.ceil((exc.until - datetime.now(timezone.utc)).total_seconds()))
        message = t("login_locked").format(failures=settings.get_int("login_max_failures"),
                                           minutes=math.ceil(seconds / 60))
        return _again(request, name, next, message, 429, {"Retry-After": str(seconds)})
    except AccountDisabled:
        return _again(request, name, next, t("login_disabled"), 403)
    except LoginRefused:
        return _again(request, name, next, t("login_wrong"), 401)
    sessions.start(request, user)
    log.info("%s logged in", user.name)
    return RedirectResponse(_local(next), status_code=303)


@router.post("/logout", include_in_schema=False)
async def logout(request: Request):
    if "uid" in request.session:
        await require_csrf(request)
    request.session.clear()
    return RedirectResponse("/", status_code=303)


def _again(request: Request, name: str, next: str, message: str, status: int, headers: dict | None = None):
    response = respond(request, "login.html", {"next": _local(next), "name": name, "error": message}, status)
    response.headers.update(headers or {})
    return response


def _local(target: str) -> str:
    """Where to go after login: a path of this site, never another site (//host, /\\host)."""
    if target.startswith("/") and not target.startswith(("//", "/\\")) and "\n" not in target:
        return target
    return "/"
