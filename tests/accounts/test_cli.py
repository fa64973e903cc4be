"""`planwatch users ...` and `planwatch tokens ...` as an administrator runs them."""

from __future__ import annotations

import json

import click
import typer.main
from typer.testing import CliRunner

from planwatch.accounts import Accounts
from planwatch.cli import app
from planwatch.store import Store

PASSWORD = "长江大桥 1957"


def run(*args, input=None, env=None):
    return CliRunner().invoke(app, [str(a) for a in args], input=input, env=env)


def _commands(group: click.Group):
    for command in group.commands.values():
        yield command
        if isinstance(command, click.Group):
            yield from _commands(command)


def test_no_command_takes_a_password_or_token_on_its_command_line():
    # What is on a command line is in the process list, for every user of the machine to read.
    names = {param.name for command in _commands(typer.main.get_command(app)) for param in command.params}
    assert not {name for name in names if "password" in name or "secret" in name}
    assert run("users", "add", "李明", "--password", PASSWORD).exit_code == 2


def test_an_admin_is_added_with_a_password_prompted_twice_and_hidden(database_url):
    mismatch = f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n"
    result = run("users", "add", "李明", "--role", "admin", "--db", database_url, input=mismatch)
    assert result.exit_code == 0, result.output
    assert "added 李明 (admin)" in result.stdout
    assert "do not match" in result.output and PASSWORD not in result.output   # asked again, never echoed
    with Store(database_url) as store:
        assert Accounts(store).authenticate("李明", PASSWORD).role == "admin"
        assert store.audit_entries()[0].user.startswith("cli:")


def test_users_are_listed_given_roles_and_disabled(database_url):
    env = {"PLANWATCH_PASSWORD": PASSWORD}   # for scripts
    assert run("users", "add", "王芳", "--db", database_url, env=env).exit_code == 0
    assert run("users", "set-role", "王芳", "reviewer", "--db", database_url).stdout == "王芳 is now reviewer\n"
    assert run("users", "disable", "王芳", "--db", database_url).exit_code == 0
    listed = [json.loads(line) for line in run("users", "list", "--db", database_url).stdout.splitlines()]
    assert [(u["name"], u["role"], u["disabled"]) for u in listed] == [("王芳", "reviewer", True)]
    refused = run("users", "set-role", "王芳", "boss", "--db", database_url)
    assert refused.exit_code == 1 and "unknown role 'boss'" in refused.stderr
    missing = run("users", "disable", "nobody", "--db", database_url)
    assert missing.exit_code == 1 and "no user named nobody" in missing.stderr


def test_a_token_is_shown_once_and_can_be_revoked(database_url):
    run("users", "add", "robot", "--role", "reviewer", "--db", database_url, env={"PLANWATCH_PASSWORD": PASSWORD})
    added = run("tokens", "add", "nightly upload", "--user", "robot", "--db", database_url)
    assert added.exit_code == 0 and "shown only now" in added.stderr
    secret = added.stdout.strip()
    listed = run("tokens", "list", "--db", database_url).stdout
    assert secret not in listed and json.loads(listed)["name"] == "nightly upload"
    with Store(database_url) as store:
        assert Accounts(store).user_for_token(secret).name == "robot"
    assert run("tokens", "revoke", str(json.loads(listed)["id"]), "--db", database_url).exit_code == 0
    with Store(database_url) as store:
        assert Accounts(store).user_for_token(secret) is None
    assert json.loads(run("tokens", "list", "--db", database_url).stdout)["revoked_at"] is not None


def test_the_audit_log_prints_who_changed_what(database_url):
    env = {"PLANWATCH_PASSWORD": PASSWORD}
    run("users", "add", "王芳", "--db", database_url, env=env)
    run("users", "set-role", "王芳", "reviewer", "--db", database_url)
    result = run("audit", "--kind", "user", "--object", "王芳", "--format", "csv", "--db", database_url)
    lines = result.stdout.splitlines()
    assert lines[0] == "at,user,action,object_kind,object_id,before,after"
    assert [line.split(",")[2] for line in lines[1:]] == ["user.set_role", "user.add"]
    newest = json.loads(run("audit", "--limit", "1", "--db", database_url).stdout)
    assert newest["before"]["role"] == "viewer" and newest["after"]["role"] == "reviewer"
