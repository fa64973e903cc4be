"""What the commands share: the database option, the output format option, and one
red line (never a traceback) for a PlanwatchError."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from .. import settings
from ..errors import PlanwatchError
from .output import Format

if TYPE_CHECKING:
    from ..store import Store

class _Stderr:
    """Standard error through rich, its Console made on first use: importing rich would cost
    every command, `--help` included, some 40 ms."""

    _console = None

    @property
    def console(self):
        if self._console is None:
            from rich.console import Console
            self._console = Console(stderr=True, soft_wrap=True)   # an error stays one line, however long
        return self._console

    def print(self, *args, **kwargs) -> None:
        self.console.print(*args, **kwargs)


err = _Stderr()


def escape(text: str) -> str:
    """Text that rich prints as it is (a file name's [brackets] are no markup)."""
    from rich.markup import escape as rich_escape

    return rich_escape(text)

DB_OPTION = typer.Option(None, "--db", show_default=False,
                         help=f"Database URL (default: PLANWATCH_DATABASE_URL, else {settings.get('database_url')}).")
FORMAT_OPTION = typer.Option(Format.jsonl, "--format", "-f", help="jsonl, csv or table.")
REGION_OPTION = typer.Option(None, "--region", help="Only this region (e.g. 洪山区 or 武汉市洪山区).")


def fail(exc: PlanwatchError):
    err.print(f"[red]error[/red] {escape(str(exc))}", highlight=False)
    raise typer.Exit(1)


@contextmanager
def open_store(db: str | None, create: bool = False) -> Iterator[Store]:
    """The store for one command; a read (create=False) never makes a database. Any
    PlanwatchError inside becomes one red line and exit status 1."""
    from ..store import Store   # the database stack loads only for commands that use it

    try:
        with Store(db, create=create) as store:
            yield store
    except PlanwatchError as exc:
        fail(exc)
