"""`planwatch users ...`, `planwatch tokens ...` and `planwatch audit`: accounts and the
audit log from the shell of the server.

A password is prompted for (hidden, twice), never taken from the command line, where
any user of the machine could read it in the process list. Scripts may set
PLANWATCH_PASSWORD instead.
"""

from __future__ import annotations

import getpass
import os

import typer

from .root import app
from .common import DB_OPTION, FORMAT_OPTION, open_store
from .output import Format, emit

users = typer.Typer(help="Accounts of the dashboard: add, list, set-role, disable, enable, set-password.",
                    no_args_is_help=True)
tokens = typer.Typer(help="API tokens for scripts (Authorization: Bearer TOKEN): add, list, revoke.",
                     no_args_is_help=True)
app.add_typer(users, name="users")
app.add_typer(tokens, name="tokens")

ROLE_HELP = "viewer (read), reviewer (review, correct, upload) or admin (also users and settings)."
USER_COLUMNS = ("name", "role", "disabled", "created_at", "locked_until")
TOKEN_COLUMNS = ("id", "name", "user", "created_at", "revoked_at")
AUDIT_COLUMNS = ("at", "user", "action", "object_kind", "object_id", "before", "after")


def _actor() -> str:
    """Who made a change from the shell, for the audit log."""
    return f"cli:{getpass.getuser()}"


def _password() -> str:
    return os.environ.get("PLANWATCH_PASSWORD") or typer.prompt("Password", hide_input=True,
                                                                confirmation_prompt=True)


def _accounts(store):
    from ..accounts import Accounts

    return Accounts(store)


@users.command("add")
def users_add(name: str = typer.Argument(..., help="The user name to log in with."),
              role: str = typer.Option("viewer", "--role", help=ROLE_HELP), db: str | None = DB_OPTION):
    """Add a user; the password is prompted for twice (or read from PLANWATCH_PASSWORD)."""
    with open_store(db, create=True) as store:
        user = _accounts(store).add_user(name, _password(), role, by=_actor())
    typer.echo(f"added {user.name} ({user.role})")


@users.command("list")
def users_list(db: str | None = DB_OPTION, fmt: Format = FORMAT_OPTION):
    """The users, their roles, and whether each is disabled or locked out."""
    with open_store(db) as store:
        found = _accounts(store).users()
    emit((user.to_dict() for user in found), fmt, USER_COLUMNS)


@users.command("set-role")
def users_set_role(name: str, role: str = typer.Argument(..., help=ROLE_HELP), db: str | None = DB_OPTION):
    """Give a user another role."""
    with open_store(db) as store:
        user = _accounts(store).set_role(name, role, by=_actor())
    typer.echo(f"{user.name} is now {user.role}")


@users.command("disable")
def users_disable(name: str, db: str | None = DB_OPTION):
    """Stop a user from logging in or using tokens; an open session ends at its next request."""
    with open_store(db) as store:
        _accounts(store).set_disabled(name, True, by=_actor())
    typer.echo(f"{name} is disabled")


@users.command("enable")
def users_enable(name: str, db: str | None = DB_OPTION):
    """Let a disabled user in again."""
    with open_store(db) as store:
        _accounts(store).set_disabled(name, False, by=_actor())
    typer.echo(f"{name} is enabled")


@users.command("set-password")
def users_set_password(name: str, db: str | None = DB_OPTION):
    """Set a new password (prompted twice); this also lifts a lock-out."""
    with open_store(db) as store:
        _accounts(store).set_password(name, _password(), by=_actor())
    typer.echo(f"new password set for {name}")


@tokens.command("add")
def tokens_add(name: str = typer.Argument(..., help="What the token is for (e.g. nightly upload)."),
               user: str = typer.Option(..., "--user", help="The user the token acts for, with that user's role."),
               db: str | None = DB_OPTION):
    """Make a token and print it, this once: only its hash is kept."""
    with open_store(db) as store:
        token, secret = _accounts(store).add_token(user, name, by=_actor())
    typer.echo(f"token {token.id} for {token.user}, shown only now:", err=True)
    typer.echo(secret)


@tokens.command("list")
def tokens_list(user: str | None = typer.Option(None, "--user", help="Only this user's tokens."),
                db: str | None = DB_OPTION, fmt: Format = FORMAT_OPTION):
    """The tokens (never their secrets), revoked ones with the time."""
    with open_store(db) as store:
        found = _accounts(store).tokens(user)
    emit((token.to_dict() for token in found), fmt, TOKEN_COLUMNS)


@tokens.command("revoke")
def tokens_revoke(token_id: int = typer.Argument(..., help="The id `planwatch tokens list` shows."),
                  db: str | None = DB_OPTION):
    """Revoke a token: it can no longer read or write."""
    with open_store(db) as store:
        token = _accounts(store).revoke_token(token_id, by=_actor())
    typer.echo(f"token {token.id} ({token.name}) of {token.user} is revoked")


@app.command("audit")
def audit_command(kind: str | None = typer.Option(None, "--kind", help="Only this kind of object (user, token, document ...)."),
                  object_id: str | None = typer.Option(None, "--object", help="Only this object (with --kind)."),
                  user: str | None = typer.Option(None, "--user", help="Only changes by this user."),
                  limit: int | None = typer.Option(None, "--limit", min=1, help="Only the newest N entries."),
                  db: str | None = DB_OPTION, fmt: Format = FORMAT_OPTION):
    """The audit log, newest first: who changed what, when, before and after."""
    with open_store(db) as store:
        entries = store.audit_entries(kind, object_id, user, limit)
    emit((entry.to_dict() for entry in entries), fmt, AUDIT_COLUMNS)
