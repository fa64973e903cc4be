"""Every setting of planwatch, declared once: name, default, help.

A value comes from the environment (PLANWATCH_<NAME>), else the default.
Command-line options such as `--db` override the environment for one run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .errors import SettingsError

if TYPE_CHECKING:
    from decimal import Decimal


class Setting(NamedTuple):   # not a dataclass: `planwatch --help` reads the settings, and dataclasses costs 5 ms
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
    Setting("max_unzipped_mb", "256",
            "A DOCX or XLSX whose parts inflate to more than this many MiB in all is refused (counted while inflating, whatever the ZIP headers declare)."),
    Setting("max_xml_part_mb", "32",
            "A DOCX or XLSX whose one XML part inflates to more than this many MiB is refused (its parsed tree would take ten times as much memory)."),
    Setting("max_pdf_pages", "2000",
            "PDFs with more pages than this are refused before any page is read."),
    Setting("pdf_page_seconds", "10",
            "A PDF one page of which takes more CPU seconds than this to read is refused."),
    Setting("document_seconds", "120",
            "Each document is read (loaded and extracted) in a worker process, which is stopped after this many seconds and the document refused."),
    Setting("document_memory_mb", "1024",
            "The worker process reading a document may use this many MiB of address space; a document needing more is refused."),
    Setting("allowed_hosts", "localhost,127.0.0.1,::1",
            "Host names the server answers to, comma-separated (others get 400: this stops DNS rebinding); `planwatch serve --host` adds the address it binds."),
    Setting("page_cache_mb", "64",
            "MiB of rendered pages each server process keeps until the stored data changes; 0 turns the cache off."),
    Setting("db_pool_size", "8",
            "Database connections each server process keeps open; with --workers N, PostgreSQL serves up to N × (db_pool_size + db_max_overflow)."),
    Setting("db_max_overflow", "8",
            "Connections a process may open beyond db_pool_size under load, closed again when idle."),
    Setting("job_stalled_seconds", "30",
            "PostgreSQL: a job whose worker sent no heartbeat for this many seconds (killed, or its machine stopped) is run again by another worker; workers send one every third of it."),
    Setting("near_tolerance", "0.2",
            "For a '~' (左右) target, how far below it (in the target's unit, e.g. 0.2 percentage points) still counts as nearly met."),
    Setting("public_read", "true",
            "true: anonymous visitors may read the dashboard and API (a public site); false: reading needs a login (an intranet)."),
    Setting("session_secret", "",
            "The key signing session cookies; empty: one generated once and kept in session.key beside the SQLite database (else in the data folder)."),
    Setting("session_hours", "8",
            "A login lasts this many hours; then the user logs in again."),
    Setting("login_max_failures", "10",
            "This many wrong passwords in a row lock the account ..."),
    Setting("login_lockout_minutes", "15",
            "... for this many minutes."),
    Setting("login_rate", "30/minute",
            "Login attempts allowed from one client address (whatever the user names), per server process."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def env(name: str) -> str:
    """The environment variable of a setting: what a child process reads it from."""
    return _BY_NAME[name].env


def get(name: str) -> str:
    setting = _BY_NAME[name]
    value = os.environ.get(setting.env)
    if value is None:   # the default, its data folder the same wherever planwatch is run from
        value = setting.default.replace(DATA_HOME, str(_data_home()))
    return value


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def data_folder() -> Path:
    """Where planwatch keeps what it makes by default (the database, the session key)."""
    return _data_home() / "planwatch"


def environment() -> dict[str, str | None]:
    """The settings' environment variables as this process has them (None: unset)."""
    return {s.env: os.environ.get(s.env) for s in SETTINGS}


def use_environment(variables: dict[str, str | None]) -> None:
    """Take another process's settings (`environment()`): a worker process started
    earlier reads with the settings of the caller it now works for."""
    for name, value in variables.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def get_int(name: str) -> int:
    raw = get(name)
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{_BY_NAME[name].env} must be a whole number, not {raw!r}") from None


def get_bool(name: str) -> bool:
    raw = get(name).strip().lower()
    if raw not in _BOOLEANS:
        raise SettingsError(f"{_BY_NAME[name].env} must be true or false, not {raw!r}")
    return _BOOLEANS[raw]


_BOOLEANS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def get_float(name: str) -> float:
    raw = get(name)
    try:
        return float(raw)
    except ValueError:
        raise SettingsError(f"{_BY_NAME[name].env} must be a number, not {raw!r}") from None


def get_list(name: str) -> list[str]:
    """A comma-separated setting as its non-empty items."""
    return [item.strip() for item in get(name).split(",") if item.strip()]


def get_decimal(name: str) -> Decimal:
    from decimal import Decimal

    raw = get(name)
    try:
        return Decimal(raw)
    except ArithmeticError:
        raise SettingsError(f"{_BY_NAME[name].env} must be a number, not {raw!r}") from None
