"""Passwords as Argon2id hashes (argon2-cffi, its recommended parameters); nothing else
about a password is ever kept or logged."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from ..errors import AccountError

MIN_LENGTH = 8
MAX_LENGTH = 1024   # an Argon2 input is hashed whole: a form field of megabytes is refused first

_hasher = PasswordHasher()
# Verified when the user name is unknown, so a wrong name costs what a wrong password does.
_DUMMY = _hasher.hash("planwatch: no such user")


def check(password: str) -> None:
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        raise AccountError(f"a password must have {MIN_LENGTH} to {MAX_LENGTH} characters")


def hash_password(password: str) -> str:
    check(password)
    return _hasher.hash(password)


def verify(password_hash: str | None, password: str) -> bool:
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(password_hash or _DUMMY, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """After the library's recommended parameters changed."""
    return _hasher.check_needs_rehash(password_hash)
