"""Every setting of planwatch, declared once: name, default, help.

A value comes from the environment (PLANWATCH_<NAME>), else the default.
Command-line options such as `--db` override the environment for one run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from .errors import SettingsError


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str

    @property
    def env(self) -> str:
        return f"PLANWATCH_{self.name.upper()}"


DATA_HOME = "$XDG_DATA_HOME"   # in a default: the user's data folder, ~/.local/share unless set


SETTINGS = (
    Setting("database_url", f"sqlite:///{DATA_HOME}/planwatch/planwatch.db",
            "Where facts are stored: an SQLite file (default) or postgresql://user@host:port/db."),
    Setting("max_file_mb", "64",
            "Files larger than this many MiB are refused before they are read."),
    Setting("allowed_hosts", "localhost,127.0.0.1,::1",
            "Host names the server answers to, comma-separated (others get 400: this stops DNS rebinding); `planwatch serve --host` adds the address it binds."),
    Setting("page_cache_mb", "64",
            "MiB of rendered pages each server process keeps until the stored data changes; 0 turns the cache off."),
    Setting("db_pool_size", "8",
            "Database connections each server process keeps open; with --workers N, PostgreSQL serves up to N × (db_pool_size + db_max_overflow)."),
    Setting("db_max_overflow", "8",
            "Connections a process may open beyond db_pool_size under load, closed again when idle."),
    Setting("near_tolerance", "0.2",
            "For a '~' (左右) target, how far below it (in the target's unit, e.g. 0.2 percentage points) still counts as nearly met."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def env(name: str) -> str:
    """The environment variable of a setting: what a child process reads it from."""
    return _BY_NAME[name].env


def get(name: str) -> str:
    setting = _BY_NAME[name]
    value = os.environ.get(setting.env)
    if value is None:   # the default, its data folder the same wherever planwatch is run from
        home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        value = setting.default.replace(DATA_HOME, home)
    return value


def get_int(name: str) -> int:
    raw = get(name)
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{_BY_NAME[name].env} must be a whole number, not {raw!r}") from None


def get_list(name: str) -> list[str]:
    """A comma-separated setting as its non-empty items."""
    return [item.strip() for item in get(name).split(",") if item.strip()]


def get_decimal(name: str) -> Decimal:
    raw = get(name)
    try:
        return Decimal(raw)
    except ArithmeticError:
        raise SettingsError(f"{_BY_NAME[name].env} must be a number, not {raw!r}") from None
