"""Accounts on the web: who may write, CSRF, lock-out, tokens, sessions, public or
private reading (issue 9's acceptance, on SQLite and PostgreSQL)."""

from __future__ import annotations

import base64
import json
import logging
import os
import re
import stat
from urllib.parse import quote

import itsdangerous
import pytest
from fastapi.routing import APIRoute

from planwatch.web import sessions

from .conftest import PASSWORD, TestClient, add_user, csrf_of, finished, log_in, logged_in

UPLOAD = ("绿洲县2025年国民经济和社会发展计划执行情况\n\n"
          "一、2025年计划执行情况\n全年地区生产总值增长5.5%。\n")
JSON = {"Accept": "application/json"}
OPEN_WRITES = {"/login", "/logout"}   # anyone may try to log in, or out


def _api_routes(app):
    """(path, APIRoute) of every route, through routers included (FastAPI keeps those whole)."""
    for route in app.routes:
        if hasattr(route, "effective_route_contexts"):
            yield from ((c.path, c.original_route) for c in route.effective_route_contexts())
        elif isinstance(route, APIRoute):
            yield route.path, route


def write_routes(app) -> list[tuple[str, str]]:
    """Every state-changing route of the app, those added later included (a path
    parameter given as 1)."""
    return [(method, re.sub(r"\{[^}]+\}", "1", path))
            for path, route in _api_routes(app) if isinstance(route, APIRoute) and path not in OPEN_WRITES
            for method in sorted(route.methods - {"GET", "HEAD", "OPTIONS"})]


def _documents(client) -> int:
    return client.get("/.json").json()["counts"]["documents"]


def _upload(client, name="lvzhou-2025.txt", **headers):
    return client.post("/api/documents", files={"file": (name, UPLOAD.encode())}, headers=headers)


def test_the_app_has_write_routes_to_guard(app):
    assert ("POST", "/api/documents") in write_routes(app) and ("POST", "/upload") in write_routes(app)


def test_a_viewer_gets_403_on_every_write_route(app):
    add_user(app, "reader", "viewer")
    with logged_in(app, "reader") as viewer:
        for method, path in write_routes(app):
            response = viewer.request(method, path, files={"file": ("x.txt", UPLOAD.encode())}, headers=JSON)
            assert response.status_code == 403, (method, path, response.text)
            assert "权限不足" in response.json()["error"]["message"]
        assert _documents(viewer) == 5


@pytest.mark.parametrize("forwarded", [None, "127.0.0.1", "::1, 127.0.0.1"])
def test_anonymous_writes_are_refused_whatever_the_address_says(app, forwarded):
    headers = JSON | ({"X-Forwarded-For": forwarded, "X-Real-IP": forwarded} if forwarded else {})
    with TestClient(app, base_url="http://localhost", client=("127.0.0.1", 50000)) as local:
        for method, path in write_routes(app):
            response = local.request(method, path, files={"file": ("x.txt", UPLOAD.encode())}, headers=headers)
            assert response.status_code == 401, (method, path, response.text)
            assert "请先登录" in response.json()["error"]["message"]
        assert _documents(local) == 5


def test_a_cross_origin_form_post_without_the_csrf_token_is_refused(app, editor):
    evil = {"Origin": "http://evil.example"}
    del editor.headers["X-CSRF-Token"]   # what a page of another site can send: the cookie, not the token
    form = editor.post("/upload", files={"file": ("forged.txt", UPLOAD.encode())}, headers=evil)
    assert form.status_code == 403 and "CSRF" in form.text
    wrong = editor.post("/upload", files={"file": ("forged.txt", UPLOAD.encode())},
                        data={"csrf_token": "guessed"}, headers=evil)
    assert wrong.status_code == 403
    assert _documents(editor) == 5
    token = csrf_of(editor.get("/upload").text)
    right = editor.post("/upload", files={"file": ("mine.txt", UPLOAD.encode())}, data={"csrf_token": token},
                        follow_redirects=False)
    assert finished(editor, right)["job"]["status"] == "done" and _documents(editor) == 6


def test_ten_wrong_passwords_lock_the_account_with_a_message_saying_so(app, client):
    add_user(app, "editor", "reviewer")
    for attempt in range(9):
        response = log_in(client, "editor", "not the password")
        assert response.status_code == 401 and "用户名或密码错误" in response.text
    locked = log_in(client, "editor", "not the password")
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 14 * 60
    assert "连续10次密码错误，账户已暂时锁定，请15分钟后再试" in locked.text
    still = log_in(client, "editor", PASSWORD)
    assert still.status_code == 429 and "账户已暂时锁定" in still.text
    assert "planwatch_session" not in still.cookies or "uid" not in _session(client)
    english = client.post("/login?lang=en", data={"name": "editor", "password": PASSWORD,
                                                  "csrf_token": csrf_of(client.get("/login").text)})
    assert "locked after 10 wrong passwords" in english.text


def _session(client) -> dict:
    """What the signed cookie holds (readable, not forgeable)."""
    raw = client.cookies.get("planwatch_session")
    if raw is None:
        return {}
    payload = raw.rsplit(".", 2)[0]
    return json.loads(base64.b64decode(payload))


def test_a_token_can_upload_and_a_revoked_one_cannot(app, client):
    add_user(app, "robot", "reviewer")
    token, secret = app.state.accounts.add_token("robot", "nightly upload", by="test")
    bearer = {"Authorization": f"Bearer {secret}"}
    created = _upload(client, **bearer)   # no session, no CSRF token: the token is the credential
    assert created.status_code == 202, created.text
    client.headers.update(bearer)   # the token follows its job too
    stored = finished(client, created)["document"]
    del client.headers["Authorization"]
    entry = app.state.store.audit_entries(object_kind="document")[0]
    assert (entry.user, entry.action, entry.object_id) == ("robot", "document.add", str(stored["id"]))
    app.state.accounts.revoke_token(token.id, by="test")
    assert _upload(client, Authorization=f"Basic {secret}").status_code == 401   # a token, as a token only
    refused = _upload(client, "again.txt", **bearer)
    assert refused.status_code == 401 and "令牌" in refused.json()["error"]["message"]
    assert client.get("/.json", headers=bearer).status_code == 401   # nor read
    assert _documents(client) == 6


def test_a_viewers_token_cannot_write(app, client):
    add_user(app, "reader", "viewer")
    _, secret = app.state.accounts.add_token("reader", "read only", by="test")
    assert _upload(client, Authorization=f"Bearer {secret}").status_code == 403


@pytest.mark.parametrize("public", ["true", "false"])
def test_anonymous_reading_follows_the_public_read_setting(app, client, monkeypatch, public):
    monkeypatch.setenv("PLANWATCH_PUBLIC_READ", public)
    pages = ["/", f"/regions/{quote('青山县')}", "/facts", f"/search?q={quote('地区生产总值')}", "/upload", "/docs"]
    expected = 200 if public == "true" else 401
    for page in pages:
        assert client.get(page).status_code == expected, page
    refused = client.get("/")
    if public == "false":
        assert "请先登录" in refused.text and 'href="/login?next=/"' in refused.text
        assert client.get("/facts.json").json()["error"]["status"] == 401
    assert client.get("/login").status_code == 200
    add_user(app, "reader", "viewer")
    with logged_in(app, "reader") as viewer:
        assert all(viewer.get(page).status_code == 200 for page in pages)


def test_the_session_cookie_is_signed_httponly_lax_and_secure_over_https(app):
    add_user(app, "editor", "reviewer")
    with TestClient(app, base_url="http://localhost") as plain, TestClient(app, base_url="https://localhost") as secure:
        for client, https in ((plain, False), (secure, True)):
            cookie = log_in(client, "editor").headers["set-cookie"].lower()
            assert "httponly" in cookie and "samesite=lax" in cookie and f"max-age={8 * 3600}" in cookie
            assert ("; secure" in cookie) is https


def _forged(secret: str, data: dict, age_seconds: int) -> str:
    class Then(itsdangerous.TimestampSigner):
        def get_timestamp(self):
            return super().get_timestamp() - age_seconds
    return Then(secret).sign(base64.b64encode(json.dumps(data).encode())).decode()


def test_a_session_expires_and_cannot_be_forged(app, client):
    add_user(app, "editor", "reviewer")
    user = app.state.accounts.user("editor")
    key, fresh = "a session key for tests, never used elsewhere", {"uid": user.id, "stamp": user.password_stamp,
                                                                   "csrf_token": "t"}
    for cookie in (_forged(key, fresh, 8 * 3600 + 60),   # expired
                   _forged("another key", fresh, 0),     # not signed with our key
                   _forged(key, fresh | {"stamp": "an old password"}, 60)):
        client.cookies.set("planwatch_session", cookie)
        assert _upload(client, **{"X-CSRF-Token": "t"}).status_code == 401
        assert "editor" not in client.get("/").text
    client.cookies.set("planwatch_session", _forged(key, fresh, 60))
    assert _upload(client, **{"X-CSRF-Token": "t"}).status_code == 202   # the same, fresh: accepted


def test_the_header_shows_who_is_logged_in_and_logout_ends_the_session(app, editor):
    page = editor.get("/").text
    assert "editor（审核员）" in page and 'action="/logout"' in page
    out = editor.post("/logout", follow_redirects=False)
    assert out.status_code == 303
    assert _upload(editor).status_code == 401
    assert 'href="/login?next=/"' in editor.get("/").text


def test_a_new_password_ends_the_sessions_opened_with_the_old_one(app, editor):
    assert editor.get("/audit.json").status_code == 200
    app.state.accounts.set_password("editor", "a new password 2025", by="boss")
    assert _upload(editor).status_code == 401 and "uid" not in _session(editor)


def test_a_disabled_user_is_logged_out_at_the_next_request(app, editor):
    app.state.accounts.set_disabled("editor", by="test")
    assert _upload(editor).status_code == 401
    again = log_in(editor, "editor")
    assert again.status_code == 403 and "已停用" in again.text


def test_login_returns_only_to_a_page_of_this_site(app, client):
    add_user(app, "editor", "reviewer")
    for target, expected in (("/upload", "/upload"), ("//evil.example/x", "/"), ("https://evil.example", "/"),
                             ("/\\evil.example", "/")):
        token = csrf_of(client.get("/login").text)
        response = client.post("/login", data={"name": "editor", "password": PASSWORD, "csrf_token": token,
                                               "next": target}, follow_redirects=False)
        assert response.headers["location"] == expected


def test_a_login_form_from_another_site_is_refused(app, client):
    add_user(app, "editor", "reviewer")
    response = client.post("/login", data={"name": "editor", "password": PASSWORD, "next": "/"})
    assert response.status_code == 403 and "uid" not in _session(client)


def test_the_password_is_never_logged(app, client, caplog):
    add_user(app, "editor", "reviewer")
    with caplog.at_level(logging.DEBUG):
        log_in(client, "editor", PASSWORD)
        log_in(client, "editor", "wrong " + PASSWORD)
        log_in(client, "nobody", PASSWORD)
    assert "editor logged in" in caplog.text
    assert PASSWORD not in caplog.text
    audit = json.dumps([e.to_dict() for e in app.state.store.audit_entries()], ensure_ascii=False)
    assert PASSWORD not in audit and "$argon2" not in audit


def test_without_a_configured_secret_one_is_kept_beside_the_database(tmp_path, monkeypatch):
    monkeypatch.delenv("PLANWATCH_SESSION_SECRET", raising=False)
    url = f"sqlite:///{tmp_path / 'planwatch.db'}"
    first = sessions.secret(url)
    key = tmp_path / "session.key"
    assert key.read_text() == first and len(first) >= 48
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert sessions.secret(url) == first   # a restart, or another worker: the same key
    monkeypatch.setenv("PLANWATCH_SESSION_SECRET", "configured")
    assert sessions.secret(url) == "configured"


def test_one_address_trying_many_names_is_slowed_down(app, monkeypatch):
    monkeypatch.setenv("PLANWATCH_LOGIN_RATE", "3/minute")
    app.state.login_rate = type(app.state.login_rate)()   # the setting is read when the app starts
    with TestClient(app, base_url="http://localhost", client=("198.51.100.7", 1000)) as sprayer, TestClient(app, base_url="http://localhost") as other:
        statuses = [log_in(sprayer, name, "spring2024").status_code for name in ("a", "b", "c", "d")]
        assert statuses == [401, 401, 401, 429]
        slowed = log_in(sprayer, "e", "spring2024")
        assert "登录尝试过于频繁" in slowed.text and 0 < int(slowed.headers["Retry-After"]) <= 60
        assert log_in(other, "a", "spring2024").status_code == 401   # another address is not held up


def test_reviewers_read_the_audit_log_and_download_it(app, editor, client):
    uploaded = finished(editor, _upload(editor))["document"]
    app.state.accounts.set_role("editor", "reviewer", by="boss")   # no change of role, still an entry
    log = editor.get("/audit.json").json()
    upload = next(e for e in log["entries"] if e["action"] == "document.add")
    assert upload["user"] == "editor" and upload["object_id"] == str(uploaded["id"])
    assert json.loads(upload["after"])["name"] == "lvzhou-2025.txt" and upload["before"] is None
    assert [e["action"] for e in editor.get("/audit.json?user=boss").json()["entries"]] == ["user.set_role"]
    rows = editor.get("/audit.csv").content.decode("utf-8-sig").splitlines()
    assert rows[0] == "时间（UTC）,操作人,操作,对象类型,对象编号,修改前,修改后"
    assert any(",editor,document.add,document," in row for row in rows[1:])
    assert "审计日志" in editor.get("/audit").text
    assert client.get("/audit.json").status_code == 401
    add_user(app, "reader", "viewer")
    with logged_in(app, "reader") as viewer:
        assert viewer.get("/audit.json").status_code == 403
        assert 'href="/audit"' not in viewer.get("/").text


def test_an_admin_manages_users_in_the_browser_and_each_change_is_audited(app):
    add_user(app, "boss", "admin")
    with logged_in(app, "boss") as boss:
        page = boss.get("/admin/users")
        assert page.status_code == 200 and 'href="/admin/users"' in page.text
        form = {"name": "王芳", "role": "viewer", "password": PASSWORD, "repeat": PASSWORD}
        assert boss.post("/admin/users", data=form, follow_redirects=False).status_code == 303
        again = boss.post("/admin/users", data=form, headers=JSON)
        assert again.status_code == 400 and "exists already" in again.json()["error"]["message"]
        mismatch = boss.post("/admin/users", data=form | {"name": "李四", "repeat": "other"}, headers=JSON)
        assert mismatch.status_code == 400 and "不一致" in mismatch.json()["error"]["message"]
        boss.post(f"/admin/users/{quote('王芳')}/role", data={"role": "reviewer"})
        boss.post(f"/admin/users/{quote('王芳')}/disabled", data={"disabled": "true"})
        assert boss.post("/admin/users/boss/disabled", data={"disabled": "true"}, headers=JSON).status_code == 400
        listed = {u["name"]: u for u in boss.get("/admin/users.json").json()["users"]}
        assert (listed["王芳"]["role"], listed["王芳"]["disabled"]) == ("reviewer", True)
        actions = [(e["user"], e["action"]) for e in boss.get(f"/audit.json?kind=user&object={quote('王芳')}")
                   .json()["entries"]]
        assert actions == [("boss", "user.disable"), ("boss", "user.set_role"), ("boss", "user.add")]
    add_user(app, "editor", "reviewer")
    with logged_in(app, "editor") as reviewer:
        assert reviewer.get("/admin/users").status_code == 403
        assert 'href="/admin/users"' not in reviewer.get("/").text


def test_an_anonymous_upload_is_refused_before_its_body_is_read(client, monkeypatch):
    monkeypatch.setenv("PLANWATCH_MAX_FILE_MB", "1")
    big = "增长5%。".encode() * 200_000   # over the limit: were it read, the answer would be a 413
    response = client.post("/api/documents", files={"file": ("big.txt", big)})
    assert response.status_code == 401 and "请先登录" in response.json()["error"]["message"]
    form = client.post("/upload", files={"file": ("big.txt", big)})
    assert form.status_code == 401 and 'href="/login?next=/upload"' in form.text


def test_the_openapi_description_says_how_scripts_authenticate(client):
    openapi = client.get("/openapi.json").json()
    assert openapi["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    assert {"HTTPBearer": []} in openapi["paths"]["/api/documents"]["post"]["security"]
