"""Accounts on a real store (SQLite, and PostgreSQL with --pg / CI=true): roles, lock-out,
tokens, and the audit log that records every change and refuses to be rewritten."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from planwatch.accounts import Accounts
from planwatch.errors import AccountError, AccountLocked, LoginRefused

PASSWORD = "correct horse 马"


@pytest.fixture
def accounts(store) -> Accounts:
    return Accounts(store)


def test_a_user_logs_in_with_the_password_only_its_hash_is_stored(accounts, store):
    accounts.add_user("李明", PASSWORD, "reviewer", by="cli:root")
    assert accounts.authenticate("李明", PASSWORD).role == "reviewer"
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM users")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    with pytest.raises(LoginRefused, match="wrong user name or password"):
        accounts.authenticate("李明", PASSWORD + "x")
    with pytest.raises(LoginRefused, match="wrong user name or password"):
        accounts.authenticate("王五", PASSWORD)


@pytest.mark.parametrize(("name", "password", "role", "message"), [
    ("李明", PASSWORD, "root", "unknown role"),
    ("李 明", PASSWORD, "viewer", "no spaces"),
    ("", PASSWORD, "viewer", "1 to 64"),
    ("李明", "short", "viewer", "8 to 1024"),
])
def test_a_bad_name_role_or_password_is_refused_saying_why(accounts, name, password, role, message):
    with pytest.raises(AccountError, match=message):
        accounts.add_user(name, password, role)
    assert accounts.users() == []


def test_a_name_is_taken_once(accounts):
    accounts.add_user("李明", PASSWORD, "viewer")
    with pytest.raises(AccountError, match="exists already"):
        accounts.add_user("李明", PASSWORD, "admin")


def test_roles_rank_and_a_disabled_user_can_do_nothing(accounts):
    accounts.add_user("admin", PASSWORD, "admin")
    accounts.add_user("viewer", PASSWORD, "viewer")
    admin, viewer = accounts.user("admin"), accounts.user("viewer")
    assert admin.can("reviewer") and admin.can("admin") and viewer.can("viewer") and not viewer.can("reviewer")
    assert accounts.set_role("viewer", "reviewer", by="admin").can("reviewer")
    disabled = accounts.set_disabled("viewer", by="admin")
    assert not disabled.can("viewer")
    with pytest.raises(LoginRefused, match="disabled"):
        accounts.authenticate("viewer", PASSWORD)


def test_ten_wrong_passwords_lock_the_account_even_for_the_right_one(accounts, store):
    accounts.add_user("李明", PASSWORD, "reviewer")
    for _ in range(9):
        with pytest.raises(LoginRefused) as refused:
            accounts.authenticate("李明", "wrong password")
        assert not isinstance(refused.value, AccountLocked)
    with pytest.raises(AccountLocked) as locked:
        accounts.authenticate("李明", "wrong password")
    assert "locked after too many wrong passwords" in str(locked.value)
    assert timedelta(minutes=14) < locked.value.until - datetime.now(timezone.utc) <= timedelta(minutes=15)
    with pytest.raises(AccountLocked):
        accounts.authenticate("李明", PASSWORD)
    assert [e.action for e in store.audit_entries(object_kind="user")][0] == "user.locked"


def test_a_lock_runs_out_and_a_right_password_resets_the_count(accounts, monkeypatch):
    monkeypatch.setenv("PLANWATCH_LOGIN_MAX_FAILURES", "2")
    monkeypatch.setenv("PLANWATCH_LOGIN_LOCKOUT_MINUTES", "0")   # a lock that has run out at once
    accounts.add_user("李明", PASSWORD, "reviewer")
    for _ in range(2):
        with pytest.raises(LoginRefused):
            accounts.authenticate("李明", "wrong password")
    assert accounts.authenticate("李明", PASSWORD).name == "李明"
    with pytest.raises(LoginRefused) as refused:   # one wrong after a right one: counted afresh
        accounts.authenticate("李明", "wrong password")
    assert not isinstance(refused.value, AccountLocked)


def test_a_token_acts_for_its_user_until_revoked(accounts, store):
    accounts.add_user("bot", PASSWORD, "reviewer")
    token, secret = accounts.add_token("bot", "nightly upload", by="admin")
    assert accounts.user_for_token(secret).name == "bot"
    with store.engine.connect() as conn:
        assert secret not in str(conn.execute(text("SELECT * FROM api_tokens")).all())
    assert [t.name for t in accounts.tokens(user="bot")] == ["nightly upload"]
    accounts.revoke_token(token.id, by="admin")
    assert accounts.user_for_token(secret) is None
    assert accounts.tokens()[0].revoked_at is not None
    assert accounts.user_for_token("pwt_" + "A" * 43) is None and accounts.user_for_token("") is None
    with pytest.raises(AccountError, match="no token with id 999"):
        accounts.revoke_token(999)


def test_every_change_is_in_the_audit_log_with_who_and_before_and_after(accounts, store):
    accounts.add_user("李明", PASSWORD, "viewer", by="cli:root")
    accounts.set_role("李明", "reviewer", by="admin")
    store.audit("李明", "fact.correct", "fact", 17, {"value": "6.5"}, {"value": "19.5"})
    newest, role, added = store.audit_entries()
    assert (newest.user, newest.action, newest.object_id, newest.before, newest.after) == (
        "李明", "fact.correct", "17", {"value": "6.5"}, {"value": "19.5"})
    assert (role.user, role.before["role"], role.after["role"]) == ("admin", "viewer", "reviewer")
    assert added.user == "cli:root" and "password_hash" not in added.after
    assert [e.action for e in store.audit_entries(object_kind="fact", object_id=17)] == ["fact.correct"]
    assert abs(newest.at - datetime.now(timezone.utc)) < timedelta(minutes=1)


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET user_name = 'someone else'", "DELETE FROM audit_log"])
def test_the_database_refuses_to_rewrite_the_audit_log(store, statement):
    store.audit("李明", "fact.reject", "fact", 1)
    with pytest.raises(DBAPIError, match="append-only"):
        with store.write() as session:
            session.execute(text(statement))
    assert [e.user for e in store.audit_entries()] == ["李明"]
