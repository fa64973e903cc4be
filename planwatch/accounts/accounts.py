"""Users, roles, API tokens and logins over the store's tables (users, api_tokens)."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Literal, get_args

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from .. import settings
from ..errors import AccountDisabled, AccountError, AccountLocked, LoginRefused, StoreError
from ..store import Store
from ..store.audit import record, utc
from ..store.models import ApiTokenRow, UserRow
from . import passwords

Role = Literal["viewer", "reviewer", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)   # in order: each may do what the ones before it may
TOKEN_PREFIX = "pwt_"
MAX_NAME = 64


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: Role
    disabled: bool
    created_at: datetime
    locked_until: datetime | None = None
    # Changes with the password: a session remembers it, so a new password ends every
    # session opened with the old one (a digest of the hash, never the hash itself).
    password_stamp: str = field(default="", repr=False, compare=False)

    def can(self, role: Role) -> bool:
        """Whether this user may do what `role` may (an admin may review)."""
        return not self.disabled and ROLES.index(self.role) >= ROLES.index(role)

    def to_dict(self) -> dict:
        return {"name": self.name, "role": self.role, "disabled": self.disabled,
                "created_at": self.created_at.isoformat(),
                "locked_until": self.locked_until.isoformat() if self.locked_until else None}


@dataclass(frozen=True)
class Token:
    id: int
    name: str
    user: str
    created_at: datetime
    revoked_at: datetime | None

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "user": self.user, "created_at": self.created_at.isoformat(),
                "revoked_at": self.revoked_at.isoformat() if self.revoked_at else None}


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _user(row: UserRow) -> User:
    locked = utc(row.locked_until) if row.locked_until else None
    return User(row.id, row.name, row.role, row.disabled, utc(row.created_at),
                locked if locked and locked > _now() else None,
                hashlib.sha256(row.password_hash.encode()).hexdigest()[:16])


def _state(row: UserRow) -> dict:
    """What the audit log keeps of a user: never the password hash."""
    return {"name": row.name, "role": row.role, "disabled": row.disabled}


def _token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _check_role(role: str) -> Role:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}: choose {', '.join(ROLES)}")
    return role


def _check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME or any(ch.isspace() or ord(ch) < 32 for ch in name):
        raise AccountError(f"a user name has 1 to {MAX_NAME} characters and no spaces: {name!r}")
    return name


class Accounts:
    """`by`: the user name (or `cli:<login>`) making a change, written to the audit log."""

    def __init__(self, store: Store):
        self.store = store

    # ---- users

    def add_user(self, name: str, password: str, role: str, by: str | None = None) -> User:
        name, role = _check_name(name), _check_role(role)
        password_hash = passwords.hash_password(password)   # before the write lock: it takes a while
        with self._write() as session:
            if session.scalar(select(UserRow.id).where(UserRow.name == name)) is not None:
                raise AccountError(f"a user named {name} exists already")
            row = UserRow(name=name, password_hash=password_hash, role=role, disabled=False, failed_logins=0,
                          created_at=_now())
            session.add(row)
            session.flush()
            record(session, by, "user.add", "user", name, None, _state(row))
            return _user(row)

    def users(self) -> list[User]:
        with self._read() as session:
            return [_user(row) for row in session.scalars(select(UserRow).order_by(UserRow.name))]

    def user(self, name: str) -> User:
        with self._read() as session:
            return _user(_named(session, name))

    def user_by_id(self, user_id: int) -> User | None:
        with self._read() as session:
            row = session.get(UserRow, user_id)
            return _user(row) if row is not None else None

    def set_role(self, name: str, role: str, by: str | None = None) -> User:
        role = _check_role(role)
        return self._change(name, "user.set_role", by, role=role)

    def set_disabled(self, name: str, disabled: bool = True, by: str | None = None) -> User:
        """A disabled user can neither log in nor use a token; a session already open ends
        at its next request (each request reads the user again)."""
        return self._change(name, "user.disable" if disabled else "user.enable", by, disabled=disabled)

    def set_password(self, name: str, password: str, by: str | None = None) -> User:
        """Also lifts a lock-out."""
        return self._change(name, "user.set_password", by, password_hash=passwords.hash_password(password),
                            failed_logins=0, locked_until=None)

    def _change(self, name: str, action: str, by: str | None, **values) -> User:
        with self._write() as session:
            row = _named(session, name)
            before = _state(row)
            for key, value in values.items():
                setattr(row, key, value)
            record(session, by, action, "user", row.name, before, _state(row))
            return _user(row)

    # ---- logging in

    def authenticate(self, name: str, password: str) -> User:
        """The user, after a right password. LoginRefused for a wrong name or password or a
        disabled account; AccountLocked (even for the right password) after
        `login_max_failures` wrong ones in a row, for `login_lockout_minutes`."""
        with self._read() as session:
            row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
            stored_hash = row.password_hash if row is not None else None
        if row is not None and row.locked_until and utc(row.locked_until) > _now():
            raise AccountLocked(row.name, utc(row.locked_until))
        right = passwords.verify(stored_hash, password)   # outside the write lock: it takes a while
        if row is None:
            raise LoginRefused("wrong user name or password")
        with self._write() as session:
            row = session.get(UserRow, row.id)
            user, refusal = _count_attempt(session, row, right)
            if user is not None and passwords.needs_rehash(row.password_hash):
                row.password_hash = passwords.hash_password(password)
                user = _user(row)   # its new stamp, for the session about to begin
        if refusal is not None:   # raised once the transaction is committed: a lock-out must hold
            raise refusal
        return user

    # ---- API tokens

    def add_token(self, user: str, name: str, by: str | None = None) -> tuple[Token, str]:
        """A new token for `user`, and its secret: shown this once, only its hash is kept."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self._write() as session:
            owner = _named(session, user)
            row = ApiTokenRow(name=name, token_hash=_token_hash(secret), user_id=owner.id, created_at=_now())
            session.add(row)
            session.flush()
            record(session, by, "token.add", "token", row.id, None, {"name": name, "user": owner.name})
            return _token(row, owner.name), secret

    def tokens(self, user: str | None = None) -> list[Token]:
        query = (select(ApiTokenRow, UserRow.name).join(UserRow, UserRow.id == ApiTokenRow.user_id)
                 .order_by(ApiTokenRow.id))
        if user is not None:
            query = query.where(UserRow.name == user)
        with self._read() as session:
            return [_token(row, owner) for row, owner in session.execute(query)]

    def revoke_token(self, token_id: int, by: str | None = None) -> Token:
        with self._write() as session:
            row = session.get(ApiTokenRow, token_id)
            if row is None:
                raise AccountError(f"no token with id {token_id}")
            owner = session.get(UserRow, row.user_id).name
            if row.revoked_at is None:
                row.revoked_at = _now()
                record(session, by, "token.revoke", "token", row.id, {"name": row.name, "user": owner, "revoked": False},
                       {"name": row.name, "user": owner, "revoked": True})
            return _token(row, owner)

    def user_for_token(self, secret: str) -> User | None:
        """The user a token acts for; None when it is unknown or revoked (or not a token)."""
        if not secret.startswith(TOKEN_PREFIX):
            return None
        query = (select(UserRow).join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
                 .where(ApiTokenRow.token_hash == _token_hash(secret), ApiTokenRow.revoked_at.is_(None)))
        with self._read() as session:
            row = session.scalar(query)
            return _user(row) if row is not None else None

    # ---- sessions of the store, database errors as StoreError

    def _read(self):
        return _refusals(self.store.read())

    def _write(self):
        return _refusals(self.store.write())


def _named(session: Session, name: str) -> UserRow:
    row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
    if row is None:
        raise AccountError(f"no user named {name}")
    return row


def _count_attempt(session: Session, row: UserRow, right: bool) -> tuple[User | None, LoginRefused | None]:
    now = _now()
    if row.locked_until and utc(row.locked_until) > now:   # locked meanwhile by another attempt
        return None, AccountLocked(row.name, utc(row.locked_until))
    if row.locked_until:   # a lock that has run out: a fresh count
        row.failed_logins, row.locked_until = 0, None
    if not right:
        row.failed_logins += 1
        if row.failed_logins < settings.get_int("login_max_failures"):
            return None, LoginRefused("wrong user name or password")
        row.locked_until = now + timedelta(minutes=settings.get_int("login_lockout_minutes"))
        record(session, None, "user.locked", "user", row.name, None,
               {"failed_logins": row.failed_logins, "locked_until": row.locked_until.isoformat()})
        return None, AccountLocked(row.name, row.locked_until)
    if row.disabled:
        return None, AccountDisabled(f"the account {row.name} is disabled")
    row.failed_logins = 0
    return _user(row), None


def _token(row: ApiTokenRow, owner: str) -> Token:
    return Token(row.id, row.name, owner, utc(row.created_at), utc(row.revoked_at) if row.revoked_at else None)


@contextmanager
def _refusals(context) -> Iterator[Session]:
    """A store session whose database errors become a StoreError naming the reason."""
    try:
        with context as session:
            yield session
    except SQLAlchemyError as error:
        raise StoreError(f"the database refused: {getattr(error, 'orig', None) or error}") from error
