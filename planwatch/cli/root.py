"""The typer application of `planwatch`: the root options and the command modules,
imported only when a command is run (see planwatch.cli)."""

from __future__ import annotations

import importlib
import logging

import typer

from . import COMMANDS, description

app = typer.Typer(
    help=description(),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help and usage errors: rich's renderer imports ~0.3 s of modules per run
)


@app.callback()
def _root(verbose: int = typer.Option(0, "--verbose", "-v", count=True, help="More log output (-vv for debug).")):
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def load(names: list[str] | None = None) -> typer.Typer:
    """`app` with the commands NAMES (None: all) registered; a command module registers
    its commands on import. Each listed command's one-line help is the summary in COMMANDS,
    the same that the top-level help prints without loading this module."""
    modules = dict.fromkeys(command.module for command in COMMANDS if names is None or command.name in names)
    for module in modules:   # in the order of COMMANDS, which is the order of the listing
        importlib.import_module(f"{__package__}.{module}")
    summaries = {command.name: command.summary for command in COMMANDS}
    for info in [*app.registered_commands, *app.registered_groups]:
        info.short_help = summaries[info.name]
    return app
