"""Signed session cookies and their CSRF token.

A session is a cookie signed with the `session_secret` setting (itsdangerous, by
Starlette's SessionMiddleware): HttpOnly, SameSite=Lax, Secure when the request came
over HTTPS, valid for `session_hours` after login. It holds the user's id and a
CSRF token; forms send the token back as `csrf_token`, our scripts as the
X-CSRF-Token header. Without a configured secret one is generated once and kept
in `session.key` beside the SQLite database (or in the data folder), so restarts
and several workers share it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from starlette.middleware.sessions import SessionMiddleware

from .. import settings
from ..accounts import Accounts, User
from ..errors import SettingsError
from ..store.engine import database_url

COOKIE = "planwatch_session"
KEY_FILE = "session.key"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def install(app: FastAPI, store_url: str) -> None:
    app.add_middleware(SessionMiddleware, secret_key=secret(store_url), session_cookie=COOKIE,
                       max_age=settings.get_int("session_hours") * 3600, same_site="lax")
    app.add_middleware(SecureOverHttps)


def secret(store_url: str) -> str:
    return settings.get("session_secret") or _kept_secret(key_file(store_url))


def key_file(store_url: str) -> Path:
    """Beside an SQLite database file; for PostgreSQL (or SQLite in memory), in the data folder."""
    url = database_url(store_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database).with_name(KEY_FILE)
    return settings.data_folder() / KEY_FILE


def _kept_secret(path: Path) -> str:
    """The key in `path`, made first if there is none. Written to a file of its own, then
    linked into place: two workers starting at once both end up with the first one's key."""
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
            descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as out:
                out.write(secrets.token_urlsafe(48))
            try:
                os.link(draft, path)
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        key = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot keep the session key in {path}: {getattr(exc, 'strerror', None) or exc} "
                            "(set PLANWATCH_SESSION_SECRET instead)") from None
    if len(key) < 32:
        raise SettingsError(f"{path}: the session key is too short; delete the file to make a new one")
    return key


def csrf_token(request: Request) -> str:
    """This session's CSRF token, made on first use (so only pages with a form set a cookie)."""
    if "session" not in request.scope:   # an error answered outside the session middleware
        return ""
    if CSRF_FIELD not in request.session:
        request.session[CSRF_FIELD] = secrets.token_urlsafe(32)
    return request.session[CSRF_FIELD]


def csrf_matches(request: Request, sent: str | None) -> bool:
    expected = request.session.get(CSRF_FIELD) if "session" in request.scope else None
    return bool(expected and sent) and secrets.compare_digest(expected.encode(), sent.encode())


def start(request: Request, user: User) -> None:
    """A new session for a user who just logged in: nothing of the anonymous one is kept."""
    request.session.clear()
    request.session.update({"uid": user.id, "stamp": user.password_stamp, CSRF_FIELD: secrets.token_urlsafe(32)})


def user_of(request: Request, accounts: Accounts) -> User | None:
    """The session's user, while still enabled and with the password the session began with;
    else None, and the session is ended."""
    user_id = request.session.get("uid")
    user = accounts.user_by_id(user_id) if isinstance(user_id, int) else None
    if user is None or user.disabled or request.session.get("stamp") != user.password_stamp:
        if user_id is not None:
            request.session.clear()
        return None
    return user


def _secure(cookie: bytes) -> bool:
    return any(part.strip().lower() == b"secure" for part in cookie.split(b";")[1:])


class SecureOverHttps:
    """ASGI middleware: cookies set on a response to an HTTPS request are marked Secure
    (SessionMiddleware can only mark all or none)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("scheme") != "https":
            return await self.app(scope, receive, send)

        async def send_secure(message):
            if message["type"] == "http.response.start":
                headers = [(name, value + b"; secure" if name.lower() == b"set-cookie" and not _secure(value)
                            else value) for name, value in message.get("headers", [])]
                message = dict(message, headers=headers)
            await send(message)

        await self.app(scope, receive, send_secure)
