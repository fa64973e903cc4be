"""The README documents every command and every setting (examples that are not checked drift)."""

from pathlib import Path

import pytest
import typer.main

from planwatch.cli import app
from planwatch.settings import SETTINGS

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert f"planwatch {command}" in README


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_readme(setting):
    assert f"`{setting.env}`" in README
    assert f"`{setting.default}`" in README


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test" in README and "scripts/test" in ci
