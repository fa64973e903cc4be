"""The `planwatch` command: a thin shell over the Python API.

Each command module registers its commands on `app`; a command opens what it
needs, calls one API function, prints the result, and turns a PlanwatchError
into one red line and a non-zero exit status.
"""

from __future__ import annotations

import logging

import typer

from .. import settings

app = typer.Typer(
    help="planwatch: development-plan documents to indicator facts with evidence. "
         f"Database: {settings.get('database_url')} unless --db or PLANWATCH_DATABASE_URL says otherwise.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and usage errors: rich's renderer imports ~0.3 s of modules per run
)


@app.callback()
def _root(verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More log output (-vv for debug).")):
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


# Command modules register themselves on import.
from . import extract_cmd  # noqa: E402,F401
from . import store_cmd  # noqa: E402,F401
from . import web_cmd  # noqa: E402,F401
from . import evaluate_cmd  # noqa: E402,F401
from . import explain_cmd  # noqa: E402,F401
from . import accounts_cmd  # noqa: E402,F401
from . import commitments_cmd  # noqa: E402,F401
from . import review_cmd  # noqa: E402,F401
from . import jobs_cmd  # noqa: E402,F401


def main() -> None:
    app()
