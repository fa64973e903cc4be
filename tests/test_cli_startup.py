"""`planwatch --help` starts in milliseconds: it prints every command and the default
database without importing typer, click, rich, YAML, SQLAlchemy or pydantic, and a
command loads only what it needs. Checked in a fresh interpreter through its sys.modules."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import typer.main

from planwatch import settings
from planwatch.cli import app

HEAVY = ("typer", "click", "rich", "yaml", "sqlalchemy", "pydantic", "jinja2", "starlette")

# Runs the command line in this interpreter, then reports what it had imported on stderr's last line.
PROBE = """
import json, sys
sys.argv = ["planwatch", *json.loads(sys.argv[1])]
from planwatch.cli import main
try:
    main()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
sys.stderr.write("\\n" + json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def run(*args: str, env: dict | None = None):
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True,
                          env=env, timeout=120)
    *stderr, probe = done.stderr.split("\n")
    report = json.loads(probe)
    return report["code"], done.stdout, "\n".join(stderr), set(report["modules"])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if name.split(".")[0] in HEAVY)


@pytest.mark.parametrize("args", [["--help"], []], ids=["help", "no-arguments"])
def test_help_lists_every_command_without_importing_heavy_libraries(args):
    code, out, err, modules = run(*args)
    assert _heavy(modules) == []
    text = out if args else err   # no arguments: the help on stderr and status 2, as click does
    assert code == (0 if args else 2)
    commands = text.split("Commands:\n")[1]
    shown = [line.split()[0] for line in commands.splitlines() if not line.startswith(" " * 4)]
    listed = typer.main.get_command(app).commands   # what the commands themselves register
    assert shown == list(listed)
    for name, command in listed.items():   # each with the one line typer would show for it
        assert command.get_short_help_str(limit=200) in " ".join(commands.split())


def test_help_names_the_database_from_the_environment(tmp_path):
    url = f"sqlite:///{tmp_path}/elsewhere.db"
    code, out, _, _ = run("--help", env={**os.environ, settings.env("database_url"): url})
    assert code == 0 and url in "".join(out.split())


def test_extract_loads_no_database_stack_and_no_other_command(tmp_path):
    document = tmp_path / "绿洲县2024.txt"
    document.write_text("绿洲县2024年政府工作报告\n\n二、2024年主要预期目标\n地区生产总值增长6%左右。\n",
                        encoding="utf-8")
    code, out, err, modules = run("extract", str(document))
    assert code == 0, err
    assert json.loads(out.splitlines()[0])["indicator"] == "地区生产总值"
    assert not {"sqlalchemy", "planwatch.store", "planwatch.cli.store_cmd", "planwatch.cli.web_cmd"} & modules


def test_a_command_after_an_option_and_an_unknown_command_still_work():
    code, out, _, modules = run("-v", "users", "--help")
    assert code == 0 and "set-password" in out
    assert "planwatch.cli.extract_cmd" not in modules
    code, _, err, _ = run("nosuch")
    assert code == 2 and "No such command" in err
